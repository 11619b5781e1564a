/* bud-texts-page.h — texts of the package: glossary, other matters, purposes, own section texts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BUD_TYPE_TEXTS_PAGE (bud_texts_page_get_type ())
G_DECLARE_FINAL_TYPE (BudTextsPage, bud_texts_page, BUD, TEXTS_PAGE, AdwBin)

G_END_DECLS
