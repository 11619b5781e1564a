/* bud-overview-page.h — 概况: department, year, profile texts, contact, staffing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bud-units-group.h"

G_BEGIN_DECLS

#define BUD_TYPE_OVERVIEW_PAGE (bud_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (BudOverviewPage, bud_overview_page, BUD, OVERVIEW_PAGE, AdwBin)

/* The widget editing @field of the document or profile (tests, jump-to-field). */
GtkWidget *bud_overview_page_get_field_widget (BudOverviewPage *self,
                                               const char      *field);
/* The Units group (本级 and 下属单位). */
BudUnitsGroup *bud_overview_page_get_units_group (BudOverviewPage *self);

G_END_DECLS
