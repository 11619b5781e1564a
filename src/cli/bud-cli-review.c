/* bud-cli-review.c — deptbudget-cli review IN [--against OTHER] [--format html|pdf] [--output PATH]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report a reviewer sends back: status and history, check findings, open
 * comments, and the changes against OTHER or the latest snapshot, as an HTML
 * page (standard output unless --output) or an A4 PDF (--output required: a
 * PDF on a terminal helps nobody).
 * Exit status: 0 written, 2 unreadable input, bad usage or unwritable output.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bud-cli.h"
#include "bud-review-report.h"

int
bud_cli_review (int    argc,
                char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *against_path = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) args = NULL;
  const GOptionEntry entries[] = {
    { "against", 0, 0, G_OPTION_ARG_FILENAME, &against_path, N_("Compare with this draft instead of the latest snapshot"), N_("OTHER") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Report format: html or pdf"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write (“-” or none: standard output)"), N_("PATH") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDocument) doc = NULL;
  g_autoptr(BudDocument) against = NULL;
  g_autofree char *html = NULL;
  gboolean pdf;

  if (!bud_cli_parse_options (_("IN"),
                              _("Write a review report: status and history, checks, open comments and changes."),
                              entries, &argc, &argv))
    return BUD_CLI_UNREADABLE;
  if (args == NULL || g_strv_length (args) != 1)
    {
      g_printerr ("%s\n", _("Usage: deptbudget-cli review IN [--against OTHER] [--format html|pdf] [--output PATH]"));
      return BUD_CLI_UNREADABLE;
    }
  if (format == NULL)
    format = g_strdup ("html");
  pdf = strcmp (format, "pdf") == 0;
  if (!pdf && strcmp (format, "html") != 0)
    {
      g_printerr (_("Unknown report format “%s” (known: html, pdf)\n"), format);
      return BUD_CLI_UNREADABLE;
    }
  if (pdf && (output == NULL || strcmp (output, "-") == 0))
    {
      g_printerr ("%s\n", _("A PDF report needs --output PATH"));
      return BUD_CLI_UNREADABLE;
    }

  doc = bud_cli_load_document (args[0], &error);
  if (doc == NULL)
    {
      g_printerr (_("Cannot read %s: %s\n"), args[0], error->message);
      return BUD_CLI_UNREADABLE;
    }
  if (against_path != NULL)
    {
      against = bud_cli_load_document (against_path, &error);
      if (against == NULL)
        {
          g_printerr (_("Cannot read %s: %s\n"), against_path, error->message);
          return BUD_CLI_UNREADABLE;
        }
    }

  if (pdf)
    {
      if (!bud_review_report_pdf (doc, NULL, against, against_path, output, &error))
        {
          g_printerr (_("Cannot write the review report of %s: %s\n"), args[0], error->message);
          return BUD_CLI_UNREADABLE;
        }
      return BUD_CLI_OK;
    }
  html = bud_review_report_html (doc, NULL, against, against_path, &error);
  if (html == NULL)
    {
      g_printerr (_("Cannot write the review report of %s: %s\n"), args[0], error->message);
      return BUD_CLI_UNREADABLE;
    }
  if (output == NULL || strcmp (output, "-") == 0)
    g_print ("%s", html);
  else if (!g_file_set_contents (output, html, -1, &error))
    {
      g_printerr (_("Cannot write %s: %s\n"), output, error->message);
      return BUD_CLI_UNREADABLE;
    }
  return BUD_CLI_OK;
}
