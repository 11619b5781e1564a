/* bud-narrative.c — TEMPORARY STUB on the export branch only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real narrative is written on the narrative branch. This stub exists so
 * that the export branch links; the lead drops it when merging.
 */
#include "config.h"

#include "bud-narrative.h"

void
bud_narrative_section_free (BudNarrativeSection *section)
{
  if (section == NULL)
    return;
  g_free (section->id);
  g_free (section->title);
  g_free (section->body);
  g_free (section);
}

GPtrArray *
bud_narrative_build (BudDocument  *doc,
                     BudTemplate  *tpl,
                     GError      **error)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) bud_narrative_section_free);
}

char *
bud_narrative_to_text (GPtrArray *sections)
{
  return g_strdup ("");
}
