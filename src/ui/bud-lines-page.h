/* bud-lines-page.h — 基本支出 and 项目 lines in a virtualised, editable grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BUD_TYPE_LINES_PAGE (bud_lines_page_get_type ())
G_DECLARE_FINAL_TYPE (BudLinesPage, bud_lines_page, BUD, LINES_PAGE, AdwBin)

/* The amount cell of line @id while it is on screen, else NULL (tests). */
GtkWidget *bud_lines_page_get_amount_entry (BudLinesPage *self,
                                            gint64        id);
/* Selects line @id and scrolls to it; FALSE if there is no such line. */
gboolean   bud_lines_page_select_line      (BudLinesPage *self,
                                            gint64        id);
/* The line selected now, or 0. */
gint64     bud_lines_page_get_selected     (BudLinesPage *self);
/* Adds a line like the selected one (or a blank basic line); its id, or 0. */
gint64     bud_lines_page_add_line         (BudLinesPage *self);
guint      bud_lines_page_get_n_shown      (BudLinesPage *self);

G_END_DECLS
