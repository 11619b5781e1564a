/* bud-cli-diff.c — deptbudget-cli diff A [B] [--format text|json|html]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Compares two drafts (.budget or .json); with only A, compares A's latest
 * snapshot with A as it is now. Exit status as diff(1): 0 equal, 1 different,
 * 2 unreadable input or bad usage.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bud-cli.h"
#include "bud-diff.h"
#include "bud-review.h"

int
bud_cli_diff (int    argc,
              char **argv)
{
  g_autofree char *format = NULL;
  g_auto(GStrv) args = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: text, json or html"), N_("FORMAT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDocument) a = NULL;
  g_autoptr(BudDocument) b = NULL;
  g_autoptr(BudDiff) diff = NULL;
  g_autofree char *out = NULL;
  g_autofree char *title = NULL;
  guint n;

  if (!bud_cli_parse_options (_("A [B]"),
                              _("Compare two drafts: changed fields, table cells and texts, old → new.\n"
                                  "With one file, compare its latest snapshot with the file as it is now."),
                              entries, &argc, &argv))
    return BUD_CLI_UNREADABLE;
  n = args ? g_strv_length (args) : 0;
  if (n < 1 || n > 2)
    {
      g_printerr ("%s\n", _("Usage: deptbudget-cli diff A [B] [--format text|json|html]"));
      return BUD_CLI_UNREADABLE;
    }
  if (format == NULL)
    format = g_strdup ("text");
  if (strcmp (format, "text") != 0 && strcmp (format, "json") != 0 && strcmp (format, "html") != 0)
    {
      g_printerr (_("Unknown output format “%s” (known: text, json, html)\n"), format);
      return BUD_CLI_UNREADABLE;
    }

  a = bud_cli_load_document (args[0], &error);
  if (a == NULL)
    {
      g_printerr (_("Cannot read %s: %s\n"), args[0], error->message);
      return BUD_CLI_UNREADABLE;
    }
  if (n == 2)
    {
      b = bud_cli_load_document (args[1], &error);
      if (b == NULL)
        {
          g_printerr (_("Cannot read %s: %s\n"), args[1], error->message);
          return BUD_CLI_UNREADABLE;
        }
      title = g_strdup_printf (_("Comparison of %s with %s"), args[1], args[0]);
    }
  else
    {
      BudSnapshot *sn = bud_review_latest_snapshot (a);

      if (sn == NULL)
        {
          g_printerr (_("%s has no snapshot to compare with: give a second file\n"), args[0]);
          return BUD_CLI_UNREADABLE;
        }
      b = g_steal_pointer (&a);
      a = bud_review_snapshot_document (b, sn->id, &error);
      if (a == NULL)
        {
          g_printerr (_("Cannot read the snapshot of %s: %s\n"), args[0], error->message);
          return BUD_CLI_UNREADABLE;
        }
      title = g_strdup_printf (_("Comparison of %s with its snapshot “%s”"), args[0], sn->name);
    }

  diff = bud_diff_documents (a, b, NULL, &error);
  if (diff == NULL)
    {
      g_printerr (_("Cannot compare the documents: %s\n"), error->message);
      return BUD_CLI_UNREADABLE;
    }
  if (strcmp (format, "json") == 0)
    out = bud_diff_to_json (diff);
  else if (strcmp (format, "html") == 0)
    out = bud_diff_to_html (diff, title);
  else
    out = bud_diff_to_text (diff);
  g_print ("%s", out);
  if (strcmp (format, "json") == 0)
    g_print ("\n");

  return bud_diff_is_empty (diff) ? BUD_CLI_OK : BUD_CLI_FAILED;
}
