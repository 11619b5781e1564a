/* bud-lines-page.h — 基本支出 and 项目 lines in a virtualised, editable grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bud-units-chooser.h"

G_BEGIN_DECLS

#define BUD_TYPE_LINES_PAGE (bud_lines_page_get_type ())
G_DECLARE_FINAL_TYPE (BudLinesPage, bud_lines_page, BUD, LINES_PAGE, AdwBin)

/* The amount cell of line @id while it is on screen, else NULL (tests). */
GtkWidget *bud_lines_page_get_amount_entry (BudLinesPage *self,
                                            gint64        id);
/* The cell of line @id showing @field ("unit", "kind", "project", "source",
 * "amount", …) while it is on screen, else NULL (tests). */
GtkWidget *bud_lines_page_get_cell         (BudLinesPage *self,
                                            gint64        id,
                                            const char   *field);
/* The popover the "unit" or "project" cells open (tests). */
/* the one menu every cell of @field ("source" or "kind") opens */
GtkPopover      *bud_lines_page_get_menu    (BudLinesPage *self,
                                             const char   *field);
BudUnitsChooser *bud_lines_page_get_chooser (BudLinesPage *self,
                                             const char   *field);
/* Shows only the lines of @unit (0: all units), as the unit filter does. */
void       bud_lines_page_set_unit_filter  (BudLinesPage *self,
                                            gint64        unit);
/* Selects line @id and scrolls to it; FALSE if there is no such line. */
gboolean   bud_lines_page_select_line      (BudLinesPage *self,
                                            gint64        id);
/* The line selected now, or 0. */
gint64     bud_lines_page_get_selected     (BudLinesPage *self);
/* Adds a line like the selected one (or a blank basic line of the unit the
 * filter shows, else of the department's own unit); its id, or 0. */
gint64     bud_lines_page_add_line         (BudLinesPage *self);
guint      bud_lines_page_get_n_shown      (BudLinesPage *self);

G_END_DECLS
