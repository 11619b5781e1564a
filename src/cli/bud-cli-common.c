/* bud-cli-common.c — what every command shares: opening its input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "bud-cli.h"
#include "bud-jsonio.h"
#include "bud-storage.h"

/* The exchange format is JSON and always starts with '{'; a .budget file is
 * SQLite. Sniff the content rather than trust the extension: reviewers get
 * files renamed by mail programs. */
static gboolean
looks_like_json (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, NULL);
  char buf[64];
  gssize n;

  if (in == NULL)
    return g_str_has_suffix (path, ".json");
  n = g_input_stream_read (G_INPUT_STREAM (in), buf, sizeof buf, NULL, NULL);
  for (gssize i = 0; i < n; i++)
    {
      if (g_ascii_isspace (buf[i]))
        continue;
      /* a UTF-8 BOM before the brace is still JSON */
      if ((guchar) buf[i] == 0xEF && i + 2 < n && (guchar) buf[i + 1] == 0xBB && (guchar) buf[i + 2] == 0xBF)
        {
          i += 2;
          continue;
        }
      return buf[i] == '{' || buf[i] == '[';
    }
  return g_str_has_suffix (path, ".json");
}

BudDocument *
bud_cli_load_document (const char  *path,
                       GError     **error)
{
  if (looks_like_json (path))
    return bud_json_read_file (path, error);
  return bud_storage_open (path, BUD_STORAGE_OPEN_READ_ONLY, NULL, error);
}

gboolean
bud_cli_parse_options (const char          *parameters,
                       const char          *summary,
                       const GOptionEntry  *entries,
                       int                 *argc,
                       char              ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameters);
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (summary != NULL)
    g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  return TRUE;
}
