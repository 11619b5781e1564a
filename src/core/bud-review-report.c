/* bud-review-report.c — a reviewer's report: status, checks, open comments, changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "bud-check-report.h"
#include "bud-diff.h"
#include "bud-review-report.h"
#include "bud-review.h"

static void
append_status (BudDocument *doc,
               GString     *out)
{
  GPtrArray *history = bud_document_items (doc, BUD_KIND_STATUS_CHANGE);
  BudStatus status = bud_review_get_status (doc);

  g_string_append (out, "<h2>");
  bud_html_escape (out, _("Status"));
  g_string_append (out, "</h2>\n<p class=\"summary\">");
  bud_html_escape (out, bud_status_name (status));
  g_string_append (out, " (");
  bud_html_escape (out, bud_status_label (status));
  g_string_append (out, ")</p>\n");
  if (history->len == 0)
    {
      g_string_append (out, "<p>");
      bud_html_escape (out, _("The status has not been changed yet."));
      g_string_append (out, "</p>\n");
      return;
    }
  g_string_append (out, "<table>\n<thead><tr><th scope=\"col\">");
  bud_html_escape (out, _("When"));
  g_string_append (out, "</th><th scope=\"col\">");
  bud_html_escape (out, _("Change"));
  g_string_append (out, "</th><th scope=\"col\">");
  bud_html_escape (out, _("By"));
  g_string_append (out, "</th><th scope=\"col\">");
  bud_html_escape (out, _("Note"));
  g_string_append (out, "</th><th scope=\"col\">");
  bud_html_escape (out, _("Snapshot"));
  g_string_append (out, "</th></tr></thead>\n<tbody>\n");
  for (guint i = 0; i < history->len; i++)
    {
      BudStatusChange *c = g_ptr_array_index (history, i);
      BudSnapshot *sn = c->snapshot ? bud_document_lookup (doc, BUD_KIND_SNAPSHOT, c->snapshot) : NULL;

      g_string_append (out, "<tr><td>");
      bud_html_escape (out, c->time);
      g_string_append (out, "</td><td>");
      bud_html_escape (out, bud_status_name (c->from));
      g_string_append (out, " → ");
      bud_html_escape (out, bud_status_name (c->to));
      g_string_append (out, "</td><td>");
      bud_html_escape (out, c->author);
      g_string_append (out, "</td><td>");
      bud_html_escape (out, c->note);
      g_string_append (out, "</td><td>");
      if (sn)
        bud_html_escape (out, sn->name);
      else if (c->snapshot)
        bud_html_escape (out, _("(deleted)"));
      g_string_append (out, "</td></tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n");
}

static void
append_comments (BudDocument *doc,
                 GString     *out)
{
  GPtrArray *comments = bud_document_items (doc, BUD_KIND_COMMENT);
  guint open = bud_review_count_open_comments (doc);

  g_string_append (out, "<h2>");
  bud_html_escape (out, _("Open comments"));
  g_string_append (out, "</h2>\n");
  if (open == 0)
    {
      g_string_append (out, "<p>");
      bud_html_escape (out, _("No open comments."));
      g_string_append (out, "</p>\n");
      return;
    }
  g_string_append (out, "<table>\n<thead><tr><th scope=\"col\">");
  bud_html_escape (out, _("Where"));
  g_string_append (out, "</th><th scope=\"col\">");
  bud_html_escape (out, _("Comment"));
  g_string_append (out, "</th><th scope=\"col\">");
  bud_html_escape (out, _("By"));
  g_string_append (out, "</th><th scope=\"col\">");
  bud_html_escape (out, _("When"));
  g_string_append (out, "</th></tr></thead>\n<tbody>\n");
  for (guint i = 0; i < comments->len; i++)
    {
      BudComment *c = g_ptr_array_index (comments, i);
      g_autofree char *where = NULL;

      if (c->resolved)
        continue;
      where = bud_review_describe_comment (doc, c);
      g_string_append (out, "<tr><td>");
      bud_html_escape (out, where);
      g_string_append (out, "</td><td>");
      bud_html_escape (out, c->body);
      g_string_append (out, "</td><td>");
      bud_html_escape (out, c->author);
      g_string_append (out, "</td><td>");
      bud_html_escape (out, c->created);
      g_string_append (out, "</td></tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n");
}

char *
bud_review_report_html (BudDocument  *doc,
                        BudTemplate  *tpl,
                        BudDocument  *against,
                        const char   *against_label,
                        GError      **error)
{
  g_autoptr(BudTemplate) own = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(BudDocument) snapshot_doc = NULL;
  g_autoptr(BudDiff) diff = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d %H:%M");
  g_autofree char *summary = NULL;
  BudMeta *meta;
  BudCheckContext ctx;
  GString *out;

  g_return_val_if_fail (BUD_IS_DOCUMENT (doc), NULL);

  if (tpl == NULL)
    {
      tpl = own = bud_template_load (bud_document_meta (doc)->template_id, error);
      if (tpl == NULL)
        return NULL;
    }
  if (against == NULL)
    {
      BudSnapshot *sn = bud_review_latest_snapshot (doc);

      if (sn != NULL)
        {
          snapshot_doc = bud_review_snapshot_document (doc, sn->id, error);
          if (snapshot_doc == NULL)
            return NULL;
          against = snapshot_doc;
          if (against_label == NULL)
            against_label = sn->name;
        }
    }
  if (against != NULL)
    {
      diff = bud_diff_documents (against, doc, tpl, error);
      if (diff == NULL)
        return NULL;
    }

  bud_check_context_init (&ctx, tpl);
  findings = bud_check_run (doc, &ctx);
  meta = bud_document_meta (doc);

  out = g_string_new ("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
  bud_html_escape (out, _("Review report"));
  g_string_append (out, "</title>\n<style>\n");
  g_string_append (out, bud_check_report_css ());
  g_string_append (out, "h3{font-size:1em}.num{text-align:right;white-space:nowrap}"
                        ".old,del{color:#a00}.new,ins{color:#070}\n</style>\n</head>\n<body>\n<h1>");
  bud_html_escape (out, meta->department);
  g_string_append_printf (out, " %" PRId64 " — ", meta->year);
  bud_html_escape (out, _("Review report"));
  g_string_append (out, "</h1>\n<p class=\"summary\">");
  summary = g_strdup_printf (_("%u errors, %u warnings, %u notes; %u open comments. Generated %s."),
                             bud_check_count (findings, BUD_SEVERITY_ERROR),
                             bud_check_count (findings, BUD_SEVERITY_WARNING),
                             bud_check_count (findings, BUD_SEVERITY_INFO),
                             bud_review_count_open_comments (doc), stamp);
  bud_html_escape (out, summary);
  g_string_append (out, "</p>\n");

  append_status (doc, out);

  g_string_append (out, "<h2>");
  bud_html_escape (out, _("Checks"));
  g_string_append (out, "</h2>\n");
  bud_check_report_append_findings (doc, findings, out, 3);

  append_comments (doc, out);

  g_string_append (out, "<h2>");
  bud_html_escape (out, _("Changes"));
  g_string_append (out, "</h2>\n<p>");
  if (diff == NULL)
    bud_html_escape (out, _("There is no snapshot or other draft to compare with."));
  else
    {
      g_autofree char *what = g_strdup_printf (_("Compared with %s."),
                                               against_label ? against_label : _("the other draft"));
      bud_html_escape (out, what);
    }
  g_string_append (out, "</p>\n");
  if (diff != NULL)
    bud_diff_append_html (diff, out, 3);

  g_string_append (out, "</body>\n</html>\n");
  return g_string_free (out, FALSE);
}
