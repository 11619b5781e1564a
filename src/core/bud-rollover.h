/* bud-rollover.h — next year's budget document, started from this year's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "bud-document.h"

G_BEGIN_DECLS

/* A new document for year + 1 (ids kept where rows are kept):
 * - kept: meta (year + 1, date cleared), profile (this year's staff counts
 *   become the *_last counts; the counts stay as a start), units, custom codes,
 *   texts (glossary, purpose.*, other matters, the user's own 第一部分 and
 *   名词解释) without the overrides of 第三部分 and the signature, which
 *   speak of this year's figures;
 * - projects, all taken as continuing, 资金执行时间 cleared; their allocation
 *   items with amount 0; every target table with its goal and funding 0; the
 *   indicators with their values, 上年完成值 cleared for the user to fill in;
 * - lines kept as a starting grid with amount 0 (those spending this year's
 *   上年结转 items dropped, with the items); income rows of the
 *   non-carry-over sources with 控制数 0;
 * - procurement amounts 0; assets: the holdings stay as a start, their date
 *   and this year's planned purchases cleared;
 * - comparatives: this year's figure (bud_check_measure_value) as last
 *   year's budget of every measure the narrative compares — income.<source>
 *   for each income row, income.total, expense.*, general.total/basic/
 *   project, general.func.<项> for each 项 with 一般公共预算 money, sangong.*,
 *   entrusted.total, running.total — with empty reasons;
 * - dropped: comments and snapshots.
 * The result has no history (nothing to undo). */
BudDocument  *bud_rollover              (BudDocument  *this_year,
                                         GError      **error);

/* The measure keys bud_rollover records for @doc, in the order it records
 * them (NULL-terminated, free with g_strfreev). */
char        **bud_rollover_measures     (BudDocument  *doc);

G_END_DECLS
