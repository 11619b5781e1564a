/* bud-cli-narrative.c — deptbudget-cli narrative: print the text parts of the package
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "bud-cli.h"
#include "bud-narrative.h"
#include "bud-template.h"

int
bud_cli_narrative (int    argc,
                   char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDocument) doc = NULL;
  g_autoptr(BudTemplate) tpl = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  g_autofree char *template_path = NULL;
  g_autofree char *out = NULL;
  int part = 0;
  const GOptionEntry entries[] = {
    { "part", 'p', 0, G_OPTION_ARG_INT, &part,
      N_("Print only part N: 1 (部门概况), 3 (情况说明) or 4 (名词解释 and signature)"), N_("N") },
    { "template", 0, 0, G_OPTION_ARG_FILENAME, &template_path,
      N_("Use the template in FILE instead of the document’s"), N_("FILE") },
    { NULL }
  };

  if (!bud_cli_parse_options (_("IN — print the text parts of the package (第一、三、四部分) of a .budget or .json document"),
                              NULL,
                              entries, &argc, &argv))
    return BUD_CLI_UNREADABLE;
  if (argc != 2)
    {
      g_printerr ("%s\n", _("Give exactly one input document (IN)."));
      return BUD_CLI_UNREADABLE;
    }
  if (part != 0 && part != BUD_NARRATIVE_PART1 && part != BUD_NARRATIVE_PART3 && part != BUD_NARRATIVE_PART4)
    {
      g_printerr (_("There is no part %d with text: use 1, 3 or 4 (part 2 is the tables).\n"), part);
      return BUD_CLI_UNREADABLE;
    }

  doc = bud_cli_load_document (argv[1], &error);
  if (doc == NULL)
    {
      g_printerr (_("Cannot read “%s”: %s\n"), argv[1],
                  error ? error->message : _("the file could not be loaded"));
      return BUD_CLI_UNREADABLE;
    }
  if (template_path)
    {
      tpl = bud_template_new_from_file (template_path, &error);
      if (tpl == NULL)
        {
          g_printerr ("%s\n", error->message);
          return BUD_CLI_UNREADABLE;
        }
    }

  sections = bud_narrative_build (doc, tpl, &error);
  if (sections == NULL)
    {
      g_printerr ("%s\n", error->message);
      return BUD_CLI_FAILED;
    }
  if (part != 0)
    for (guint i = sections->len; i-- > 0;)
      if (((BudNarrativeSection *) g_ptr_array_index (sections, i))->part != (BudNarrativePart) part)
        g_ptr_array_remove_index (sections, i);

  out = bud_narrative_to_text (sections);
  fputs (out, stdout);
  return BUD_CLI_OK;
}
