/* bud-derived-page.h — 三公/委托: derived figures, read-only, explained line by line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BUD_TYPE_DERIVED_PAGE (bud_derived_page_get_type ())
G_DECLARE_FINAL_TYPE (BudDerivedPage, bud_derived_page, BUD, DERIVED_PAGE, AdwBin)

/* For tests: this year's figure of measure @key as shown ("26,000.00"), the
 * list of its lines (rows activate to open the line) and the button that opens
 * its reason on the Comparisons page; NULL for a key the page does not show. */
const char *bud_derived_page_get_figure        (BudDerivedPage *self,
                                                const char     *key);
GtkListBox *bud_derived_page_get_lines         (BudDerivedPage *self,
                                                const char     *key);
GtkWidget  *bud_derived_page_get_reason_button (BudDerivedPage *self,
                                                const char     *key);

G_END_DECLS
