/* bud-comparisons-page.h — 上年对比与原因: last year's budget and the reason, per measure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BUD_TYPE_COMPARISONS_PAGE (bud_comparisons_page_get_type ())
G_DECLARE_FINAL_TYPE (BudComparisonsPage, bud_comparisons_page, BUD, COMPARISONS_PAGE, AdwBin)

/* The widgets of the row of @measure (a measure key, e.g. "expense.basic"); NULL if no such row. */
GtkWidget  *bud_comparisons_page_get_last_year_entry (BudComparisonsPage *self,
                                                      const char         *measure);
GtkWidget  *bud_comparisons_page_get_reason_entry    (BudComparisonsPage *self,
                                                      const char         *measure);
/* The change shown (this year − last year), in 元; NULL if no such row. */
const char *bud_comparisons_page_get_change          (BudComparisonsPage *self,
                                                      const char         *measure);

G_END_DECLS
