/* bud-income-page.h — 收入: the control figure per source and what is left to allocate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bud-entities.h"

G_BEGIN_DECLS

#define BUD_TYPE_INCOME_PAGE (bud_income_page_get_type ())
G_DECLARE_FINAL_TYPE (BudIncomePage, bud_income_page, BUD, INCOME_PAGE, AdwBin)

GtkWidget  *bud_income_page_get_entry (BudIncomePage *self,
                                       BudSource      source);
const char *bud_income_page_get_left  (BudIncomePage *self,
                                       BudSource      source);

G_END_DECLS
