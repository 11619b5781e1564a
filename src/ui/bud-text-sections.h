/* bud-text-sections.h — the narrative's sections, each generated or the user's own text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of the sections of 第一部分, 第三部分 and 第四部分 (bud-narrative.h)
 * beside the selected one: its generated text, read-only, and the user's own
 * text when they wrote one ("Write Own Text" starts from the generated text;
 * what they type is stored with bud_narrative_override, so its figures'
 * fingerprint is today's). "Use Generated Text" reverts. An own text whose
 * figures changed since (finding narrative.stale) shows a warning above both.
 * The narrative is built only while the pane is on screen.
 */
#pragma once

#include <adwaita.h>

#include "bud-document.h"
#include "bud-summary.h"
#include "bud-template.h"

G_BEGIN_DECLS

#define BUD_TYPE_TEXT_SECTIONS (bud_text_sections_get_type ())
G_DECLARE_FINAL_TYPE (BudTextSections, bud_text_sections, BUD, TEXT_SECTIONS, AdwBin)

/* @tpl: the document's template, for the narrative's tables. */
void         bud_text_sections_set_document   (BudTextSections  *self,
                                               BudDocument      *doc,
                                               BudTemplate      *tpl);
/* After an edit: which own texts are stale, and the generated texts again if shown. */
void         bud_text_sections_update         (BudTextSections  *self,
                                               const BudSummary *summary);
/* Selects section @id ("3.1", "signature") and scrolls to it; FALSE if there is none. */
gboolean     bud_text_sections_select         (BudTextSections  *self,
                                               const char       *id);
const char  *bud_text_sections_get_selected   (BudTextSections  *self);

/* For tests and show_location: the parts of the selected section's view. */
GtkWidget   *bud_text_sections_get_own_view   (BudTextSections  *self);
GtkWidget   *bud_text_sections_get_stale_warning (BudTextSections *self);
GtkWidget   *bud_text_sections_get_write_button  (BudTextSections *self);
GtkWidget   *bud_text_sections_get_revert_button (BudTextSections *self);
/* The generated text of the selected section as shown. */
const char  *bud_text_sections_get_generated  (BudTextSections  *self);

G_END_DECLS
