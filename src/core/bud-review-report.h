/* bud-review-report.h — a reviewer's report: status, checks, open comments, changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "bud-document.h"
#include "bud-template.h"

G_BEGIN_DECLS

/* One HTML page: the status and its history, the check findings, the open
 * comments with where they point, and the changes of @doc against @against
 * (NULL: against @doc's latest snapshot; none: the report says so).
 * @against_label names what it is compared with ("送审稿.budget"); NULL with a
 * NULL @against: the snapshot's name. @tpl NULL: the document's template. */
char *bud_review_report_html (BudDocument  *doc,
                              BudTemplate  *tpl,
                              BudDocument  *against,
                              const char   *against_label,
                              GError      **error);

G_END_DECLS
