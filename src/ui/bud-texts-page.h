/* bud-texts-page.h — texts of the package: glossary, other matters, purposes, own section texts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tabs: the glossary (名词解释; the standard one until the user changes it),
 * other matters (十三(五)), the purpose of each functional class of fiscal
 * appropriations (第三部分 四 "…主要用于"), and the narrative's sections with
 * the user's own texts (bud-text-sections.h). show_location takes a text's
 * row, or — for a purpose not written yet — id 0 and the key as field.
 */
#pragma once

#include <adwaita.h>

#include "bud-text-sections.h"

G_BEGIN_DECLS

#define BUD_TYPE_TEXTS_PAGE (bud_texts_page_get_type ())
G_DECLARE_FINAL_TYPE (BudTextsPage, bud_texts_page, BUD, TEXTS_PAGE, AdwBin)

/* "glossary", "other", "purposes" or "sections" */
void              bud_texts_page_show_tab              (BudTextsPage *self,
                                                        const char   *name);
GtkWidget        *bud_texts_page_get_glossary_view     (BudTextsPage *self);
GtkWidget        *bud_texts_page_get_other_matters_view (BudTextsPage *self);
GtkWidget        *bud_texts_page_get_reset_glossary_button (BudTextsPage *self);
/* The AdwEntryRow of 类 @code ("201"), or NULL when it has no fiscal money. */
GtkWidget        *bud_texts_page_get_purpose_row       (BudTextsPage *self,
                                                        const char   *code);
/* Whether the row of @code shows that its purpose is missing. */
gboolean          bud_texts_page_purpose_is_flagged    (BudTextsPage *self,
                                                        const char   *code);
BudTextSections  *bud_texts_page_get_sections          (BudTextsPage *self);

G_END_DECLS
