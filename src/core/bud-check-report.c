/* bud-check-report.c — the findings of a check run as a printable HTML report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "bud-check-report.h"

void
bud_html_escape (GString    *out,
                 const char *text)
{
  g_autofree char *e = g_markup_escape_text (text ? text : "", -1);
  g_string_append (out, e);
}

const char *
bud_check_report_css (void)
{
  return "body{font-family:\"Noto Sans CJK SC\",sans-serif;margin:2em;color:#222}\n"
    "h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.5em;border-bottom:1px solid #999}\n"
    "table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.3em .5em;text-align:left;vertical-align:top}\n"
    "th{background:#eee}.error{color:#a00;font-weight:bold}.warning{color:#a60}.info{color:#357}\n"
    ".summary{margin:1em 0}\n@media print{body{margin:0}h2{break-after:avoid}tr{break-inside:avoid}}\n";
}

void
bud_check_report_append_findings (BudDocument *doc,
                                  GPtrArray   *findings,
                                  GString     *out,
                                  int          h)
{
  if (findings->len == 0)
    {
      g_string_append (out, "<p>");
      bud_html_escape (out, _("No problems were found."));
      g_string_append (out, "</p>\n");
    }

  /* group by part: kinds in document order, the document as a whole last */
  for (guint k = 0; k <= BUD_N_KINDS; k++)
    {
      gboolean started = FALSE;

      for (guint i = 0; i < findings->len; i++)
        {
          BudFinding *f = g_ptr_array_index (findings, i);
          g_autofree char *where = NULL;

          if ((guint) f->kind != k)
            continue;
          if (!started)
            {
              g_string_append_printf (out, "<h%d>", h);
              bud_html_escape (out, k < BUD_N_KINDS ? _(bud_entity_class (k)->label) : _("The document"));
              g_string_append_printf (out, "</h%d>\n<table>\n<thead><tr><th scope=\"col\">", h);
              bud_html_escape (out, _("Severity"));
              g_string_append (out, "</th><th scope=\"col\">");
              bud_html_escape (out, _("Where"));
              g_string_append (out, "</th><th scope=\"col\">");
              bud_html_escape (out, _("Finding"));
              g_string_append (out, "</th><th scope=\"col\">");
              bud_html_escape (out, _("Rule"));
              g_string_append (out, "</th></tr></thead>\n<tbody>\n");
              started = TRUE;
            }
          where = bud_finding_describe_location (doc, f);
          g_string_append_printf (out, "<tr><td class=\"%s\">", bud_severity_to_string (f->severity));
          bud_html_escape (out, bud_severity_label (f->severity));
          g_string_append (out, "</td><td>");
          bud_html_escape (out, where);
          g_string_append (out, "</td><td>");
          bud_html_escape (out, f->message);
          g_string_append (out, "</td><td><code>");
          bud_html_escape (out, f->rule);
          g_string_append (out, "</code></td></tr>\n");
        }
      if (started)
        g_string_append (out, "</tbody>\n</table>\n");
    }
}

/* A report a reviewer can print: findings grouped by the part of the document. */
char *
bud_check_report_html (BudDocument *doc,
                       GPtrArray   *findings)
{
  GString *out = g_string_new (NULL);
  BudMeta *meta = bud_document_meta (doc);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d %H:%M");
  g_autofree char *summary = NULL;

  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
  bud_html_escape (out, _("Check report"));
  g_string_append (out, "</title>\n<style>\n");
  g_string_append (out, bud_check_report_css ());
  g_string_append (out, "</style>\n</head>\n<body>\n<h1>");
  bud_html_escape (out, meta->department);
  g_string_append_printf (out, " %" PRId64 " — ", meta->year);
  bud_html_escape (out, _("Check report"));
  g_string_append (out, "</h1>\n<p class=\"summary\">");
  summary = g_strdup_printf (_("%u errors, %u warnings, %u notes. Generated %s."),
                             bud_check_count (findings, BUD_SEVERITY_ERROR),
                             bud_check_count (findings, BUD_SEVERITY_WARNING),
                             bud_check_count (findings, BUD_SEVERITY_INFO), stamp);
  bud_html_escape (out, summary);
  g_string_append (out, "</p>\n");
  bud_check_report_append_findings (doc, findings, out, 2);
  g_string_append (out, "</body>\n</html>\n");
  return g_string_free (out, FALSE);
}
