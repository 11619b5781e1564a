/* bud-perf-tables.h — 部门整体绩效目标表 and 项目支出绩效目标表 as grids
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout follows the Xinjiang 2026 seed: a block of labelled fields
 * (部门/项目, contact, budget by source, goal) above the indicator grid, whose
 * 一级 and 二级 cells span the consecutive rows that share them.
 */
#pragma once

#include "bud-document.h"
#include "bud-export-private.h"
#include "bud-template.h"

G_BEGIN_DECLS

/* The 部门整体 table (when the document has one), then one per project target
 * in project order. GPtrArray of BudGrid *. */
GPtrArray    *bud_perf_tables_build     (BudDocument        *doc,
                                         BudTemplate        *tpl);
/* The indicator value as printed: "≥160亿元", "≤18.50万元"; a qualitative text as is. */
char         *bud_perf_indicator_value  (const BudIndicator *indicator);
/* A weight in hundredths as printed: 4000 → "40", 750 → "7.5", 1234 → "12.34". */
char         *bud_perf_weight_text      (gint64              hundredths);

G_END_DECLS
