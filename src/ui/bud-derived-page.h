/* bud-derived-page.h — 三公/委托: derived figures, read-only, explained line by line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BUD_TYPE_DERIVED_PAGE (bud_derived_page_get_type ())
G_DECLARE_FINAL_TYPE (BudDerivedPage, bud_derived_page, BUD, DERIVED_PAGE, AdwBin)

G_END_DECLS
