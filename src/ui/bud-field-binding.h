/* bud-field-binding.h — one editable widget bound to one field of one entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The widget (a GtkEditable such as GtkEntry or AdwEntryRow, or a GtkTextView)
 * shows the field's value. What the user types is parsed as the field's type
 * (money in 元, integers, codes, dates); a value that does not parse or that the
 * model refuses gets the `error` style class and a tooltip saying why, and is
 * not stored. A good value is stored shortly after typing stops, on Enter, and
 * when focus leaves.
 *
 * Review: the widget's context menu offers "Add Comment…" (the action
 * "binding.add-comment" on the widget, disabled while unbound or read-only),
 * which asks for a comment on this field (bud-comment-dialog.h). A field with
 * open comments has the `bud-commented` style class and lists them in its
 * tooltip, unless an error needs the tooltip.
 */
#pragma once

#include <gtk/gtk.h>

#include "bud-document.h"

G_BEGIN_DECLS

typedef struct _BudFieldBinding BudFieldBinding;

/* The binding belongs to @widget and goes with it. */
BudFieldBinding *bud_field_binding_new        (GtkWidget        *widget,
                                               BudKind           kind,
                                               const char       *field);
BudFieldBinding *bud_field_binding_get        (GtkWidget        *widget);

/* @doc NULL or @id 0 unbinds (the widget is emptied and made insensitive). */
void             bud_field_binding_set_target (BudFieldBinding  *self,
                                               BudDocument      *doc,
                                               gint64            id);
gint64           bud_field_binding_get_id     (BudFieldBinding  *self);

/* Stores what the widget holds now; FALSE (and the error shown) if refused. */
gboolean         bud_field_binding_commit     (BudFieldBinding  *self);
/* Drops what is typed and not yet stored, and shows the stored value again
 * (Escape in a grid cell). What was already stored stays: undo takes it back. */
void             bud_field_binding_revert     (BudFieldBinding  *self);
/* The message shown for the current text, or NULL when it is fine. */
const char      *bud_field_binding_get_error  (BudFieldBinding  *self);

/* A rule of the form beyond the field's own syntax (an indicator's value must
 * be a plain number unless the indicator is qualitative): FALSE and @error
 * refuse @text, which is then shown as an error and not stored. */
typedef gboolean (*BudFieldValidator) (BudDocument  *doc,
                                       gint64        id,
                                       const char   *text,
                                       gpointer      data,
                                       GError      **error);

void             bud_field_binding_set_validator (BudFieldBinding  *self,
                                                  BudFieldValidator validator,
                                                  gpointer          data);
/* Checks the widget's text again (after what the validator depends on changed). */
void             bud_field_binding_revalidate (BudFieldBinding  *self);

/* The open comments on @field of entity (@kind, @id) as tooltip lines
 * ("author: text"), or NULL: the mark a light cell shows without a binding. */
char            *bud_field_comments_tooltip   (BudDocument      *doc,
                                               BudKind           kind,
                                               gint64            id,
                                               const char       *field);

/* Display text of a field value ("1,234.56" for money in 元). */
char            *bud_field_format             (const BudField   *field,
                                               gconstpointer     entity);

G_END_DECLS
