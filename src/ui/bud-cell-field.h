/* bud-cell-field.h — a light grid cell that turns into an entry to edit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 builds a new row for every row that scrolls into view or survives a
 * filter change; a GtkEntry with its field binding per cell made those rows
 * expensive. BudCellField shows one field of one entity as plain text (with
 * the open-comments mark) and only makes a GtkEntry carrying a BudFieldBinding
 * when the user edits: a click, Enter or F2, or typing while the cell has
 * focus (the typed character starts the new text). The entry stores on Enter,
 * after a typing pause and when focus leaves (bud-field-binding.h); it goes
 * away when focus leaves with nothing wrong, and stays showing the error
 * otherwise.
 */
#pragma once

#include <gtk/gtk.h>

#include "bud-document.h"

G_BEGIN_DECLS

#define BUD_TYPE_CELL_FIELD (bud_cell_field_get_type ())
G_DECLARE_FINAL_TYPE (BudCellField, bud_cell_field, BUD, CELL_FIELD, GtkWidget)

GtkWidget *bud_cell_field_new        (BudKind      kind,
                                     const char  *field,
                                     gboolean     numeric);
/* @doc NULL or @id 0 empties the cell; a pending edit is stored first. */
void       bud_cell_field_set_target (BudCellField *self,
                                     BudDocument *doc,
                                     gint64       id);
gint64     bud_cell_field_get_id     (BudCellField *self);
/* Shows the stored value and comment mark again (the entry, while editing,
 * follows the document by itself). */
void       bud_cell_field_refresh    (BudCellField *self);
/* Starts editing (@typed, if not NULL, replaces the text) and returns the
 * entry, which has the field binding; NULL while unbound. */
GtkWidget *bud_cell_field_edit       (BudCellField *self,
                                     const char  *typed);
/* Ends editing without storing what is not stored yet (Escape). */
void       bud_cell_field_cancel     (BudCellField *self);
/* The entry while editing, else NULL. */
GtkWidget *bud_cell_field_get_entry  (BudCellField *self);

G_END_DECLS
