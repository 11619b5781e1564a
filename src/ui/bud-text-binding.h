/* bud-text-binding.h — one editable widget bound to one keyed text of the document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The package's texts (名词解释, 其他需说明的事项, "主要用于" per 类, a user's
 * own narrative section) live in the texts table under a key (see the exchange
 * format's "Text keys"). Unlike a BudFieldBinding, which edits a row that
 * exists, this binds a key that may not exist yet: the widget then shows a
 * fallback (the standard glossary, or nothing) and the first change the user
 * makes creates the row. What is typed is stored shortly after typing stops
 * and when focus leaves (Enter too, in a one-line entry), one undo step per
 * store. A text the model refuses gets the `error` style and a tooltip and is
 * not stored. Undo and other edits of the key show in the widget at once.
 */
#pragma once

#include <gtk/gtk.h>

#include "bud-document.h"

G_BEGIN_DECLS

typedef struct _BudTextBinding BudTextBinding;

/* How a text reaches the document: bud_document_put_text unless set. */
typedef gboolean (*BudTextStoreFunc) (BudDocument  *doc,
                                      const char   *key,
                                      const char   *text,
                                      gpointer      data,
                                      GError      **error);

/* @widget: a GtkEditable (GtkEntry, AdwEntryRow) or a GtkTextView; the
 * binding belongs to it and goes with it. */
BudTextBinding *bud_text_binding_new          (GtkWidget        *widget,
                                               const char       *key);
BudTextBinding *bud_text_binding_get          (GtkWidget        *widget);

/* @doc NULL: the widget is emptied and made insensitive. */
void            bud_text_binding_set_document (BudTextBinding   *self,
                                               BudDocument      *doc);
/* Binds another key (a pending edit is stored under the old one first). */
void            bud_text_binding_set_key      (BudTextBinding   *self,
                                               const char       *key);
const char     *bud_text_binding_get_key      (BudTextBinding   *self);
/* What the widget shows while the document has no text under the key. */
void            bud_text_binding_set_fallback (BudTextBinding   *self,
                                               const char       *fallback);
/* A text quoted inside a sentence (a purpose) must not break the line. */
void            bud_text_binding_set_single_line (BudTextBinding *self,
                                                  gboolean        single_line);
void            bud_text_binding_set_store    (BudTextBinding   *self,
                                               BudTextStoreFunc  store,
                                               gpointer          data);

/* Stores what the widget holds now; FALSE (and the error shown) if refused. */
gboolean        bud_text_binding_commit       (BudTextBinding   *self);
/* The message shown for the current text, or NULL when it is fine. */
const char     *bud_text_binding_get_error    (BudTextBinding   *self);

G_END_DECLS
