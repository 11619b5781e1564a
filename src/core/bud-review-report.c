/* bud-review-report.c — a reviewer's report: status, checks, open comments, changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bud_review_report_collect decides what the report says; the HTML writer
 * below and the PDF writer (export/bud-review-report-pdf.c) only lay it out.
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "bud-check-report.h"
#include "bud-diff.h"
#include "bud-review-report.h"
#include "bud-review.h"

static GStrv
history_row (BudDocument     *doc,
             BudStatusChange *c)
{
  BudSnapshot *sn = c->snapshot ? bud_document_lookup (doc, BUD_KIND_SNAPSHOT, c->snapshot) : NULL;
  GStrv row = g_new0 (char *, BUD_REVIEW_HISTORY_N_COLUMNS + 1);

  row[BUD_REVIEW_HISTORY_WHEN] = g_strdup (c->time ? c->time : "");
  row[BUD_REVIEW_HISTORY_CHANGE] = g_strconcat (bud_status_name (c->from), " → ",
                                                bud_status_name (c->to), NULL);
  row[BUD_REVIEW_HISTORY_BY] = g_strdup (c->author ? c->author : "");
  row[BUD_REVIEW_HISTORY_NOTE] = g_strdup (c->note ? c->note : "");
  /* a snapshot the reviewer deleted still explains a gap in the list */
  row[BUD_REVIEW_HISTORY_SNAPSHOT] = g_strdup (sn ? sn->name : c->snapshot ? _("(deleted)") : "");
  return row;
}

static GStrv
comment_row (BudDocument *doc,
             BudComment  *c)
{
  GStrv row = g_new0 (char *, BUD_REVIEW_COMMENT_N_COLUMNS + 1);

  row[BUD_REVIEW_COMMENT_WHERE] = bud_review_describe_comment (doc, c);
  row[BUD_REVIEW_COMMENT_BODY] = g_strdup (c->body ? c->body : "");
  row[BUD_REVIEW_COMMENT_BY] = g_strdup (c->author ? c->author : "");
  row[BUD_REVIEW_COMMENT_WHEN] = g_strdup (c->created ? c->created : "");
  return row;
}

void
bud_review_report_free (BudReviewReport *report)
{
  if (report == NULL)
    return;
  g_free (report->title);
  g_free (report->department);
  g_free (report->summary);
  g_free (report->status);
  g_clear_pointer (&report->history, g_ptr_array_unref);
  g_clear_pointer (&report->findings, g_ptr_array_unref);
  g_clear_pointer (&report->comments, g_ptr_array_unref);
  g_clear_pointer (&report->diff, bud_diff_free);
  g_free (report->compared);
  g_free (report);
}

BudReviewReport *
bud_review_report_collect (BudDocument  *doc,
                           BudTemplate  *tpl,
                           BudDocument  *against,
                           const char   *against_label,
                           GError      **error)
{
  g_autoptr(BudTemplate) own = NULL;
  g_autoptr(BudDocument) snapshot_doc = NULL;
  g_autoptr(BudDiff) diff = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d %H:%M");
  GPtrArray *history, *comments;
  BudReviewReport *r;
  BudStatus status;
  BudMeta *meta;
  BudCheckContext ctx;

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

  r = g_new0 (BudReviewReport, 1);
  meta = bud_document_meta (doc);
  r->department = g_strdup (meta->department ? meta->department : "");
  r->year = meta->year;
  r->title = g_strdup_printf ("%s %" PRId64 " — %s", r->department, r->year, _("Review report"));

  bud_check_context_init (&ctx, tpl);
  r->findings = bud_check_run (doc, &ctx);
  r->summary = g_strdup_printf (_("%u errors, %u warnings, %u notes; %u open comments. Generated %s."),
                                bud_check_count (r->findings, BUD_SEVERITY_ERROR),
                                bud_check_count (r->findings, BUD_SEVERITY_WARNING),
                                bud_check_count (r->findings, BUD_SEVERITY_INFO),
                                bud_review_count_open_comments (doc), stamp);

  status = bud_review_get_status (doc);
  /* the official name, and the UI's word for it when that is another one */
  if (g_strcmp0 (bud_status_name (status), bud_status_label (status)) == 0)
    r->status = g_strdup (bud_status_name (status));
  else
    r->status = g_strdup_printf ("%s (%s)", bud_status_name (status), bud_status_label (status));
  history = bud_document_items (doc, BUD_KIND_STATUS_CHANGE);
  r->history = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; i < history->len; i++)
    g_ptr_array_add (r->history, history_row (doc, g_ptr_array_index (history, i)));

  comments = bud_document_items (doc, BUD_KIND_COMMENT);
  r->comments = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; i < comments->len; i++)
    {
      BudComment *c = g_ptr_array_index (comments, i);

      if (!c->resolved)
        g_ptr_array_add (r->comments, comment_row (doc, c));
    }

  if (diff == NULL)
    r->compared = g_strdup (_("There is no snapshot or other draft to compare with."));
  else
    r->compared = g_strdup_printf (_("Compared with %s."),
                                   against_label ? against_label : _("the other draft"));
  r->diff = g_steal_pointer (&diff);
  return r;
}

/* ---- HTML ---- */

/* A <table> of @rows (GStrv of @n) under @n headings. */
static void
append_rows (GString            *out,
             const char * const *headings,
             GPtrArray          *rows,
             guint               n)
{
  g_string_append (out, "<table>\n<thead><tr>");
  for (guint c = 0; c < n; c++)
    {
      g_string_append (out, "<th scope=\"col\">");
      bud_html_escape (out, headings[c]);
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr></thead>\n<tbody>\n");
  for (guint i = 0; i < rows->len; i++)
    {
      GStrv row = g_ptr_array_index (rows, i);

      g_string_append (out, "<tr>");
      for (guint c = 0; c < n; c++)
        {
          g_string_append (out, "<td>");
          bud_html_escape (out, row[c]);
          g_string_append (out, "</td>");
        }
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n");
}

static void
append_heading (GString    *out,
                const char *text)
{
  g_string_append (out, "<h2>");
  bud_html_escape (out, text);
  g_string_append (out, "</h2>\n");
}

static void
append_paragraph (GString    *out,
                  const char *klass,
                  const char *text)
{
  if (klass)
    g_string_append_printf (out, "<p class=\"%s\">", klass);
  else
    g_string_append (out, "<p>");
  bud_html_escape (out, text);
  g_string_append (out, "</p>\n");
}

char *
bud_review_report_html (BudDocument  *doc,
                        BudTemplate  *tpl,
                        BudDocument  *against,
                        const char   *against_label,
                        GError      **error)
{
  g_autoptr(BudReviewReport) r = bud_review_report_collect (doc, tpl, against, against_label, error);
  /* in the order of BudReviewHistoryColumn and BudReviewCommentColumn */
  const char *history_headings[] = { _("When"), _("Change"), _("By"), _("Note"), _("Snapshot") };
  const char *comment_headings[] = { _("Where"), _("Comment"), _("By"), _("When") };
  GString *out;

  if (r == NULL)
    return NULL;

  out = g_string_new ("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
  bud_html_escape (out, _("Review report"));
  g_string_append (out, "</title>\n<style>\n");
  g_string_append (out, bud_check_report_css ());
  g_string_append (out, "h3{font-size:1em}.num{text-align:right;white-space:nowrap}"
                        ".old,del{color:#a00}.new,ins{color:#070}\n</style>\n</head>\n<body>\n<h1>");
  bud_html_escape (out, r->title);
  g_string_append (out, "</h1>\n");
  append_paragraph (out, "summary", r->summary);

  append_heading (out, _("Status"));
  append_paragraph (out, "summary", r->status);
  if (r->history->len == 0)
    append_paragraph (out, NULL, _("The status has not been changed yet."));
  else
    append_rows (out, history_headings, r->history, BUD_REVIEW_HISTORY_N_COLUMNS);

  append_heading (out, _("Checks"));
  bud_check_report_append_findings (doc, r->findings, out, 3);

  append_heading (out, _("Open comments"));
  if (r->comments->len == 0)
    append_paragraph (out, NULL, _("No open comments."));
  else
    append_rows (out, comment_headings, r->comments, BUD_REVIEW_COMMENT_N_COLUMNS);

  append_heading (out, _("Changes"));
  append_paragraph (out, NULL, r->compared);
  if (r->diff != NULL)
    bud_diff_append_html (r->diff, out, 3);

  g_string_append (out, "</body>\n</html>\n");
  return g_string_free (out, FALSE);
}
