/* bud-other-page.h — 其他事项: government procurement and state-owned assets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bud-schema.h"

G_BEGIN_DECLS

#define BUD_TYPE_OTHER_PAGE (bud_other_page_get_type ())
G_DECLARE_FINAL_TYPE (BudOtherPage, bud_other_page, BUD, OTHER_PAGE, AdwBin)

/* The entry row of a field of the procurement or assets singleton; NULL if none. */
GtkWidget  *bud_other_page_get_row (BudOtherPage *self,
                                    BudKind       kind,
                                    const char   *field);

G_END_DECLS
