/* bud-cli-import.c — deptbudget-cli import IN.json OUT.budget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bud-cli.h"
#include "bud-jsonio.h"
#include "bud-storage.h"

int
bud_cli_import (int    argc,
                char **argv)
{
  gboolean force = FALSE;
  g_auto(GStrv) args = NULL;
  const GOptionEntry entries[] = {
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Replace OUT if it exists"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDocument) doc = NULL;
  BudStorage *storage;

  if (!bud_cli_parse_options (_("IN.json OUT.budget"),
                              _("Import a JSON exchange file into a new .budget document."),
                              entries, &argc, &argv))
    return BUD_CLI_UNREADABLE;
  if (args == NULL || g_strv_length (args) != 2)
    {
      g_printerr ("%s\n", _("Usage: deptbudget-cli import IN.json OUT.budget"));
      return BUD_CLI_UNREADABLE;
    }

  doc = bud_json_read_file (args[0], &error);
  if (doc == NULL)
    {
      g_printerr (_("Cannot import %s: %s\n"), args[0], error->message);
      return BUD_CLI_UNREADABLE;
    }
  storage = bud_storage_create (args[1], doc, force, &error);
  if (storage == NULL)
    {
      g_printerr (_("Cannot write %s: %s\n"), args[1], error->message);
      return BUD_CLI_FAILED;
    }
  bud_storage_close (storage);
  return BUD_CLI_OK;
}
