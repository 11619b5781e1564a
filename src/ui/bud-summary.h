/* bud-summary.h — what the status strip, badges and sections show after an edit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Computed in one pass on idle after the document changes: totals per income
 * source, the checks, and the error count of each section.
 */
#pragma once

#include "bud-check.h"
#include "bud-document.h"
#include "bud-template.h"

G_BEGIN_DECLS

typedef enum {
  BUD_SECTION_OVERVIEW,
  BUD_SECTION_INCOME,
  BUD_SECTION_LINES,
  BUD_SECTION_PROJECTS,
  BUD_SECTION_CARRYOVERS,
  BUD_SECTION_DERIVED,
  BUD_SECTION_PERFORMANCE,
  BUD_SECTION_COMPARISONS,
  BUD_SECTION_OTHER,
  BUD_SECTION_TEXTS,
  BUD_SECTION_PREVIEW,
  BUD_SECTION_REVIEW,
  BUD_N_SECTIONS
} BudSectionId;

typedef struct {
  guint64     revision;
  gint64      income[BUD_N_SOURCES];   /* 控制数 */
  gint64      spent[BUD_N_SOURCES];    /* Σ lines of the source */
  gint64      income_total;
  gint64      spent_total;
  GPtrArray  *findings;                /* BudFinding *, as bud_check_run orders them */
  guint       errors;
  guint       warnings;
  guint       section_errors[BUD_N_SECTIONS];
} BudSummary;

BudSummary   *bud_summary_compute      (BudDocument  *doc,
                                        BudTemplate  *tpl);
void          bud_summary_free         (BudSummary   *summary);

BudSectionId  bud_section_for_kind     (BudKind       kind);
/* Where the object is edited: a project's target table and its indicators
 * are in the project editor, the department's on the performance page. */
BudSectionId  bud_section_for_location (BudDocument  *doc,
                                        BudKind       kind,
                                        gint64        id);
const char   *bud_section_name         (BudSectionId  section);   /* stack page name, e.g. "lines" */
gint          bud_section_from_name    (const char   *name);      /* -1 if unknown */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudSummary, bud_summary_free)

G_END_DECLS
