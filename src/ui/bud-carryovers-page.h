/* bud-carryovers-page.h — 上年结转: last year's unspent money carried over, item by item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BUD_TYPE_CARRYOVERS_PAGE (bud_carryovers_page_get_type ())
G_DECLARE_FINAL_TYPE (BudCarryoversPage, bud_carryovers_page, BUD, CARRYOVERS_PAGE, AdwBin)

G_END_DECLS
