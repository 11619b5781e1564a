/* bud-cli-rollover.c — deptbudget-cli rollover IN OUT: next year's document from this year's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bud-cli.h"
#include "bud-jsonio.h"
#include "bud-rollover.h"
#include "bud-storage.h"

/* OUT by its extension: .json the exchange format, anything else a .budget file. */
gboolean
bud_cli_write_document (BudDocument  *doc,
                        const char   *path,
                        gboolean      overwrite,
                        GError      **error)
{
  BudStorage *storage;

  if (g_str_has_suffix (path, ".json"))
    {
      if (!overwrite && g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                       _("%s exists; use --force to replace it"), path);
          return FALSE;
        }
      return bud_json_write_file (doc, path, error);
    }
  storage = bud_storage_create (path, doc, overwrite, error);
  if (storage == NULL)
    return FALSE;
  bud_storage_close (storage);
  return TRUE;
}

int
bud_cli_rollover (int    argc,
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
  g_autoptr(BudDocument) next = NULL;

  if (!bud_cli_parse_options (_("IN OUT"),
                              _("Start next year’s budget from this year’s: profile, units, projects and "
                                  "their indicators are kept, amounts start at zero, and this year’s figures "
                                  "become last year’s budget. OUT is a .budget file, or JSON when it ends in .json."),
                              entries, &argc, &argv))
    return BUD_CLI_UNREADABLE;
  if (args == NULL || g_strv_length (args) != 2)
    {
      g_printerr ("%s\n", _("Usage: deptbudget-cli rollover IN OUT.budget|OUT.json"));
      return BUD_CLI_UNREADABLE;
    }

  doc = bud_cli_load_document (args[0], &error);
  if (doc == NULL)
    {
      g_printerr (_("Cannot read %s: %s\n"), args[0], error->message);
      return BUD_CLI_UNREADABLE;
    }
  next = bud_rollover (doc, &error);
  if (next == NULL)
    {
      g_printerr (_("Cannot start next year’s budget from %s: %s\n"), args[0], error->message);
      return BUD_CLI_FAILED;
    }
  if (!bud_cli_write_document (next, args[1], force, &error))
    {
      g_printerr (_("Cannot write %s: %s\n"), args[1], error->message);
      return BUD_CLI_FAILED;
    }
  return BUD_CLI_OK;
}
