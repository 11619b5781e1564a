/* bud-cli-tables.c — deptbudget-cli tables: print the disclosure tables of a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "bud-cli.h"
#include "bud-pivot.h"
#include "bud-table.h"
#include "bud-template.h"

#define BUD_DEFAULT_TEMPLATE "xinjiang-2026"

int
bud_cli_tables (int    argc,
                char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDocument) doc = NULL;
  g_autoptr(BudTemplate) tpl = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autofree char *format = NULL;
  g_autofree char *template_path = NULL;
  g_autofree char *out = NULL;
  const char *template_id;
  int number = 0;
  const GOptionEntry entries[] = {
    { "table", 't', 0, G_OPTION_ARG_INT, &number,
      N_("Print only table N (表N)"), N_("N") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("Output format: text (aligned columns, the default) or tsv"), N_("FORMAT") },
    { "template", 0, 0, G_OPTION_ARG_FILENAME, &template_path,
      N_("Use the template in FILE instead of the document’s"), N_("FILE") },
    { NULL }
  };

  if (!bud_cli_parse_options (_("IN — print the disclosure tables of a .budget or .json document"),
                              NULL,
                              entries, &argc, &argv))
    return BUD_CLI_UNREADABLE;
  if (argc != 2)
    {
      g_printerr ("%s\n", _("Give exactly one input document (IN)."));
      return BUD_CLI_UNREADABLE;
    }
  if (format && strcmp (format, "text") != 0 && strcmp (format, "tsv") != 0)
    {
      g_printerr (_("Unknown format “%s”: use text or tsv.\n"), format);
      return BUD_CLI_UNREADABLE;
    }

  doc = bud_cli_load_document (argv[1], &error);
  if (doc == NULL)
    {
      g_printerr (_("Cannot read “%s”: %s\n"), argv[1],
                  error ? error->message : _("the file could not be loaded"));
      return BUD_CLI_UNREADABLE;
    }

  template_id = bud_document_meta (doc)->template_id;
  if (template_path)
    tpl = bud_template_new_from_file (template_path, &error);
  else
    tpl = bud_template_load (template_id && *template_id ? template_id : BUD_DEFAULT_TEMPLATE, &error);
  if (tpl == NULL)
    {
      g_printerr ("%s\n", error->message);
      return BUD_CLI_UNREADABLE;
    }

  if (number != 0)
    {
      gint index = number > 0 ? bud_template_find_table (tpl, number) : -1;
      BudTable *table;

      if (index < 0)
        {
          g_printerr (_("Template “%s” has no table %d.\n"), bud_template_get_id (tpl), number);
          return BUD_CLI_UNREADABLE;
        }
      table = bud_pivot_build (tpl, index, doc, NULL, &error);
      if (table == NULL)
        {
          g_printerr ("%s\n", error->message);
          return BUD_CLI_FAILED;
        }
      tables = g_ptr_array_new_with_free_func ((GDestroyNotify) bud_table_unref);
      g_ptr_array_add (tables, table);
    }
  else if ((tables = bud_pivot_build_all (tpl, doc, NULL, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return BUD_CLI_FAILED;
    }

  out = (format && strcmp (format, "tsv") == 0) ? bud_tables_to_tsv (tables) : bud_tables_to_text (tables);
  fputs (out, stdout);
  return BUD_CLI_OK;
}
