/* bud-review-report.h — a reviewer's report: status, checks, open comments, changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One function collects what the report says (BudReviewReport); the HTML and
 * the PDF writer render that, so both say the same thing.
 */
#pragma once

#include <glib.h>

#include "bud-diff.h"
#include "bud-document.h"
#include "bud-template.h"

G_BEGIN_DECLS

/* The columns of BudReviewReport's rows, in the order the HTML prints them. */
typedef enum {
  BUD_REVIEW_HISTORY_WHEN,
  BUD_REVIEW_HISTORY_CHANGE,     /* "已提交 → 退回修改" */
  BUD_REVIEW_HISTORY_BY,
  BUD_REVIEW_HISTORY_NOTE,
  BUD_REVIEW_HISTORY_SNAPSHOT,   /* its name, "(deleted)", or "" */
  BUD_REVIEW_HISTORY_N_COLUMNS
} BudReviewHistoryColumn;

typedef enum {
  BUD_REVIEW_COMMENT_WHERE,
  BUD_REVIEW_COMMENT_BODY,
  BUD_REVIEW_COMMENT_BY,
  BUD_REVIEW_COMMENT_WHEN,
  BUD_REVIEW_COMMENT_N_COLUMNS
} BudReviewCommentColumn;

typedef struct {
  char       *title;         /* "<部门> 2026 — Review report" */
  char       *department;
  gint64      year;
  char       *summary;       /* counts of findings and open comments, the time it was made */
  char       *status;        /* "已提交 (Submitted)" */
  GPtrArray  *history;       /* GStrv of BUD_REVIEW_HISTORY_N_COLUMNS, oldest first */
  GPtrArray  *findings;      /* BudFinding *, in check order */
  GPtrArray  *comments;      /* GStrv of BUD_REVIEW_COMMENT_N_COLUMNS: the open comments */
  BudDiff    *diff;          /* NULL: nothing to compare with */
  char       *compared;      /* "Compared with …", or why there are no changes to show */
} BudReviewReport;

/* What the report of @doc says: the status and its history, the check
 * findings, the open comments with where they point, and the changes of @doc
 * against @against (NULL: against @doc's latest snapshot; none: the report
 * says so). @against_label names what it is compared with ("送审稿.budget");
 * NULL with a NULL @against: the snapshot's name. @tpl NULL: the document's
 * template. */
BudReviewReport *bud_review_report_collect (BudDocument  *doc,
                                            BudTemplate  *tpl,
                                            BudDocument  *against,
                                            const char   *against_label,
                                            GError      **error);
void             bud_review_report_free    (BudReviewReport *report);

/* The report as one HTML page. */
char            *bud_review_report_html    (BudDocument  *doc,
                                            BudTemplate  *tpl,
                                            BudDocument  *against,
                                            const char   *against_label,
                                            GError      **error);
/* The report as an A4 PDF written by the package's PDF writer (no cover, no
 * 目录), written atomically to @path. */
gboolean         bud_review_report_pdf     (BudDocument  *doc,
                                            BudTemplate  *tpl,
                                            BudDocument  *against,
                                            const char   *against_label,
                                            const char   *path,
                                            GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudReviewReport, bud_review_report_free)

G_END_DECLS
