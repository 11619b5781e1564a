/* bud-check-report.h — the findings of a check run as a printable HTML report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by `deptbudget-cli check --format html` and the review report.
 */
#pragma once

#include <glib.h>

#include "bud-check.h"

G_BEGIN_DECLS

/* The style sheet of the reports (check, review, comparison), without <style>. */
const char *bud_check_report_css        (void);
/* A whole page: title, summary, findings grouped by part of the document. */
char       *bud_check_report_html       (BudDocument *doc,
                                         GPtrArray   *findings);
/* The findings only, grouped under <h@heading_level> per part of the document,
 * or a paragraph saying nothing was found. */
void        bud_check_report_append_findings (BudDocument *doc,
                                              GPtrArray   *findings,
                                              GString     *out,
                                              int          heading_level);
/* g_markup_escape_text appended */
void        bud_html_escape             (GString     *out,
                                         const char  *text);

G_END_DECLS
