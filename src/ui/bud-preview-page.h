/* bud-preview-page.h — 预览: the disclosure tables and the narrative as they will print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BUD_TYPE_PREVIEW_PAGE (bud_preview_page_get_type ())
G_DECLARE_FINAL_TYPE (BudPreviewPage, bud_preview_page, BUD, PREVIEW_PAGE, AdwBin)

/* Shows table @index (0-based, template order); the number of tables is
 * bud_preview_page_get_n_tables (); index n_tables shows the narrative. */
void   bud_preview_page_show        (BudPreviewPage *self,
                                     guint           index);
guint  bud_preview_page_get_n_tables (BudPreviewPage *self);

G_END_DECLS
