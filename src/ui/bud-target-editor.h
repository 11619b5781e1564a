/* bud-target-editor.h — a performance target table (绩效目标表) and its indicators
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows the target table of one project (or, for project 0, the
 * department-wide table): goal, funds, the indicator grid with the weight sum
 * live beside the template's expected total, and the perf.* findings of the
 * table. Indicators can be reordered, copied from another table, and taken
 * from or added to the user's indicator library.
 */
#pragma once

#include <adwaita.h>

#include "bud-document.h"
#include "bud-summary.h"

G_BEGIN_DECLS

#define BUD_TYPE_TARGET_EDITOR (bud_target_editor_get_type ())
G_DECLARE_FINAL_TYPE (BudTargetEditor, bud_target_editor, BUD, TARGET_EDITOR, AdwBin)

/* @doc NULL empties the editor. The template is the document's own. */
void        bud_target_editor_set_target     (BudTargetEditor   *self,
                                              BudDocument       *doc,
                                              gint64             project);
void        bud_target_editor_update         (BudTargetEditor   *self,
                                              const BudSummary  *summary);
/* The target table shown, 0 when the project has none yet. */
gint64      bud_target_editor_get_target_id  (BudTargetEditor   *self);
/* Adds an empty indicator (the first 一级/二级 of the framework); returns its id or 0. */
gint64      bud_target_editor_add_indicator  (BudTargetEditor   *self);
/* Copies every indicator of @from_target after this table's own; returns how many. */
guint       bud_target_editor_copy_from      (BudTargetEditor   *self,
                                              gint64             from_target);
/* The row of indicator @id, or NULL. */
GtkWidget  *bud_target_editor_get_row        (BudTargetEditor   *self,
                                              gint64             id);
const char *bud_target_editor_get_weight_text (BudTargetEditor  *self);
const char *bud_target_editor_get_findings_text (BudTargetEditor *self);

G_END_DECLS
