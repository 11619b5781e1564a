/* bud-carryovers-page.h — 上年结转: last year's unspent money carried over, item by item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BUD_TYPE_CARRYOVERS_PAGE (bud_carryovers_page_get_type ())
G_DECLARE_FINAL_TYPE (BudCarryoversPage, bud_carryovers_page, BUD, CARRYOVERS_PAGE, AdwBin)

/* For tests and the window: the widgets of item @id ("name", "source",
 * "kind", "amount"), NULL when the page has no such item. */
GtkWidget  *bud_carryovers_page_get_field_widget  (BudCarryoversPage *self,
                                                   gint64             id,
                                                   const char        *field);
GtkWidget  *bud_carryovers_page_get_add_button    (BudCarryoversPage *self);
GtkWidget  *bud_carryovers_page_get_remove_button (BudCarryoversPage *self,
                                                   gint64             id);
/* Σ of the lines spending item @id and what is left, as shown ("1,234.56"). */
const char *bud_carryovers_page_get_spent         (BudCarryoversPage *self,
                                                   gint64             id);
const char *bud_carryovers_page_get_left          (BudCarryoversPage *self,
                                                   gint64             id);
/* The carryover.* findings shown, one a line; "" when there are none. */
const char *bud_carryovers_page_get_findings_text (BudCarryoversPage *self);

G_END_DECLS
