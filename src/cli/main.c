/* main.c — deptbudget-cli: the headless face of the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "bud-cli.h"

typedef struct {
  const char *name;
  int (*run) (int argc, char **argv);
  const char *summary;
} Command;

static const Command commands[] = {
  { "import", bud_cli_import, N_("Import a JSON exchange file into a new .budget document") },
  { "export", bud_cli_export, N_("Export a document (PDF, XLSX, HTML, CSV, JSON)") },
  { "tables", bud_cli_tables, N_("Print the disclosure tables of a document") },
  { "check",  bud_cli_check,  N_("Check a document with every rule a reviewer applies") },
  { "narrative", bud_cli_narrative, N_("Print the text parts of the package (情况说明)") },
  { "rollover", bud_cli_rollover, N_("Start next year’s document from this year’s") },
  { "units",  bud_cli_units,  N_("List the units of a document, or import a unit’s document") },
  { "diff",   bud_cli_diff,   N_("Compare two drafts: changed fields, table cells and texts") },
  { "review", bud_cli_review, N_("Write a review report: checks, open comments, status and changes") },
};

static void
usage (FILE *out)
{
  fprintf (out, "%s\n", _("Usage: deptbudget-cli COMMAND [OPTION…]"));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-8s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “deptbudget-cli COMMAND --help” for the options of a command."));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  /* BUD_LOCALEDIR: the build tree's translations, for build-aux/run and
   * tests of the uninstalled program */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("BUD_LOCALEDIR") != NULL ? g_getenv ("BUD_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      usage (stderr);
      return BUD_CLI_UNREADABLE;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      usage (stdout);
      return BUD_CLI_OK;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("deptbudget-cli %s\n", PACKAGE_VERSION);
      return BUD_CLI_OK;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);

  fprintf (stderr, _("Unknown command “%s”\n\n"), argv[1]);
  usage (stderr);
  return BUD_CLI_UNREADABLE;
}
