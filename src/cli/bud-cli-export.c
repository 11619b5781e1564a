/* bud-cli-export.c — deptbudget-cli export IN --format FORMAT --output PATH
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "bud-cli.h"
#include "bud-jsonio.h"

int
bud_cli_export (int    argc,
                char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) args = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: json"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write (“-” for standard output)"), N_("PATH") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, N_("IN") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("IN"));
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDocument) doc = NULL;

  g_option_context_set_summary (context, _("Export a .budget document or JSON exchange file."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return BUD_CLI_UNREADABLE;
    }
  if (args == NULL || g_strv_length (args) != 1 || output == NULL)
    {
      g_printerr ("%s\n", _("Usage: deptbudget-cli export IN --format json --output PATH"));
      return BUD_CLI_UNREADABLE;
    }
  if (format == NULL)
    format = g_strdup ("json");
  if (strcmp (format, "json") != 0)
    {
      g_printerr (_("Unknown export format “%s” (known: json)\n"), format);
      return BUD_CLI_UNREADABLE;
    }

  doc = bud_cli_load_document (args[0], &error);
  if (doc == NULL)
    {
      g_printerr (_("Cannot read %s: %s\n"), args[0], error->message);
      return BUD_CLI_UNREADABLE;
    }

  if (strcmp (output, "-") == 0)
    {
      gsize len = 0;
      g_autofree char *data = bud_json_write_data (doc, &len);
      if (fwrite (data, 1, len, stdout) != len || fflush (stdout) != 0)
        return BUD_CLI_FAILED;
      return BUD_CLI_OK;
    }
  if (!bud_json_write_file (doc, output, &error))
    {
      g_printerr (_("Cannot write %s: %s\n"), output, error->message);
      return BUD_CLI_FAILED;
    }
  return BUD_CLI_OK;
}
