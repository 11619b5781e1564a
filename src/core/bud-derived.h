/* bud-derived.h — the figures derived from the lines (三公, 委托业务费, carry-overs spent), explained
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 三公 items and 委托业务费 are not entered: they are the 财政拨款 lines on
 * given 经济 款. This says, for each, what it is this year (the same figure as
 * bud_check_measure_value, 表10/11 and the narrative), what it was last year
 * (its comparative), the reason of the change, the rule in words and which
 * lines make it — so a reader can see where a figure comes from.
 */
#pragma once

#include <glib.h>

#include "bud-document.h"

G_BEGIN_DECLS

typedef struct {
  const char  *key;            /* measure key (static), e.g. "sangong.reception" */
  const char  *label;          /* translated, e.g. "Official reception" */
  guint        level;          /* 0, or 1 for a part of the item above (公务用车购置, 运行维护) */
  char        *rule;           /* translated: which lines make the figure */
  gint64       this_year;
  gint64       last_year;      /* 0 without a comparative */
  gboolean     has_last_year;  /* the document has a comparative for the key */
  gint64       comparative;    /* its id, 0 = none */
  char        *reason;         /* the comparative's reason, "" without one */
  GArray      *lines;          /* gint64 ids of the contributing lines, in document order */
} BudDerivedMeasure;

/* 三公 合计, 因公出国（境）, 公务接待, 公务用车 (购置, 运行维护), 委托业务费, in
 * that order (BudDerivedMeasure *, owned by the array). One pass over the lines. */
GPtrArray  *bud_derived_measures        (BudDocument        *doc);
void        bud_derived_measure_free    (BudDerivedMeasure  *measure);

/* Σ of the lines spending carry-over item @carryover, and how many they are. */
gint64      bud_derived_carryover_spent (BudDocument        *doc,
                                         gint64              carryover,
                                         guint              *n_lines);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudDerivedMeasure, bud_derived_measure_free)

G_END_DECLS
