/* bud-indicator-row.h — one performance indicator of a target table, editable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bud-document.h"
#include "bud-template.h"

G_BEGIN_DECLS

#define BUD_TYPE_INDICATOR_ROW (bud_indicator_row_get_type ())
G_DECLARE_FINAL_TYPE (BudIndicatorRow, bud_indicator_row, BUD, INDICATOR_ROW, GtkListBoxRow)

/* @levels: the template's framework (一级 with their 二级), may be NULL. */
GtkWidget *bud_indicator_row_new             (BudDocument        *doc,
                                              gint64              id,
                                              const BudPerfLevel *levels,
                                              guint               n_levels);
gint64     bud_indicator_row_get_id          (BudIndicatorRow    *self);
/* For tests: the entries of the value and the weight, the operator drop-down. */
GtkWidget *bud_indicator_row_get_value_entry (BudIndicatorRow    *self);
GtkWidget *bud_indicator_row_get_weight_entry (BudIndicatorRow   *self);
GtkWidget *bud_indicator_row_get_name_entry  (BudIndicatorRow    *self);
GtkDropDown *bud_indicator_row_get_op_dropdown (BudIndicatorRow  *self);
GtkWidget *bud_indicator_row_get_move_button (BudIndicatorRow   *self,
                                              gboolean           up);

/* TRUE when @text is a value an indicator with operator @op can hold. */
gboolean   bud_indicator_value_valid         (int                 op,
                                              const char         *text,
                                              GError            **error);

G_END_DECLS
