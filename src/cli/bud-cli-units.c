/* bud-cli-units.c — deptbudget-cli units list IN | units import DEPT UNIT
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "bud-cli.h"
#include "bud-jsonio.h"
#include "bud-money.h"
#include "bud-storage.h"
#include "bud-units.h"

static void
units_usage (void)
{
  g_printerr ("%s\n%s\n",
              _("Usage: deptbudget-cli units list IN"),
              _("       deptbudget-cli units import [--replace] DEPT.budget|DEPT.json UNIT.budget|UNIT.json"));
}

static int
units_list (int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDocument) doc = NULL;
  g_autoptr(GArray) sums = NULL;
  GPtrArray *units;

  if (argc != 2)
    {
      units_usage ();
      return BUD_CLI_UNREADABLE;
    }
  doc = bud_cli_load_document (argv[1], &error);
  if (doc == NULL)
    {
      g_printerr (_("Cannot read %s: %s\n"), argv[1], error->message);
      return BUD_CLI_UNREADABLE;
    }
  units = bud_document_items (doc, BUD_KIND_UNIT);
  sums = bud_units_summarize (doc);
  /* one unit a line, tab-separated: id, code, name, type, 本级, lines, projects, total 元 */
  printf ("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", _("id"), _("code"), _("name"), _("type"),
          _("primary"), _("lines"), _("projects"), _("total (yuan)"));
  for (guint i = 0; i < units->len; i++)
    {
      BudUnit *u = g_ptr_array_index (units, i);
      BudUnitSummary *s = &g_array_index (sums, BudUnitSummary, i);
      const BudField *f = bud_entity_class_field (bud_entity_class (BUD_KIND_UNIT), "type");
      g_autofree char *total = bud_money_format (s->total, BUD_MONEY_YUAN, BUD_MONEY_FORMAT_DEFAULT);

      printf ("%" PRId64 "\t%s\t%s\t%s\t%s\t%u\t%u\t%s\n", u->id, u->code, u->name,
              f->enum_values[u->type], u->primary_unit ? "yes" : "no",
              s->n_lines, s->n_projects, total);
    }
  return BUD_CLI_OK;
}

static int
units_import (int       argc,
              char    **argv,
              gboolean  replace)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDocument) unit_doc = NULL;
  g_autoptr(BudDocument) dept = NULL;
  BudStorage *storage = NULL;
  gboolean is_json, ok;

  if (argc != 3)
    {
      units_usage ();
      return BUD_CLI_UNREADABLE;
    }
  unit_doc = bud_cli_load_document (argv[2], &error);
  if (unit_doc == NULL)
    {
      g_printerr (_("Cannot read %s: %s\n"), argv[2], error->message);
      return BUD_CLI_UNREADABLE;
    }
  /* a .budget file is edited in place (one transaction); a .json file is rewritten */
  is_json = g_str_has_suffix (argv[1], ".json");
  dept = is_json ? bud_json_read_file (argv[1], &error)
                 : bud_storage_open (argv[1], BUD_STORAGE_OPEN_DEFAULT, &storage, &error);
  if (dept == NULL)
    {
      g_printerr (_("Cannot open %s: %s\n"), argv[1], error->message);
      return BUD_CLI_UNREADABLE;
    }
  ok = bud_units_import_full (dept, unit_doc, replace ? BUD_UNITS_IMPORT_REPLACE : BUD_UNITS_IMPORT_DEFAULT,
                              &error);
  if (ok && is_json)
    ok = bud_json_write_file (dept, argv[1], &error);
  bud_storage_close (storage);
  if (!ok)
    {
      g_printerr (_("Cannot import %s into %s: %s\n"), argv[2], argv[1], error->message);
      return BUD_CLI_FAILED;
    }
  return BUD_CLI_OK;
}

int
bud_cli_units (int    argc,
               char **argv)
{
  gboolean replace = FALSE;
  const GOptionEntry entries[] = {
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("import: replace the lines and projects a unit already has in the department"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;

  if (!bud_cli_parse_options (_("list IN | import DEPT UNIT"),
                              _("List the units (本级 and 下属单位) of a document, or import a unit’s own "
                                  "document into the department’s."),
                              entries, &argc, &argv))
    return BUD_CLI_UNREADABLE;
  if (argc >= 2 && strcmp (argv[1], "list") == 0)
    {
      if (replace)
        {
          units_usage ();
          return BUD_CLI_UNREADABLE;
        }
      return units_list (argc - 1, argv + 1);
    }
  if (argc >= 2 && strcmp (argv[1], "import") == 0)
    return units_import (argc - 1, argv + 1, replace);
  units_usage ();
  return BUD_CLI_UNREADABLE;
}
