/* bud-rules-narrative.c — the user's own narrative sections against today's figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A section the user rewrote (texts "narrative.<id>") was written against the
 * figures the generated section quoted then (their fingerprint is kept in
 * "narrative.<id>.basis"). When the budget changes, the rewritten text may
 * quote amounts the tables no longer show: warn at the override's text row.
 * Building the narrative costs the derived tables, so it happens only when
 * the document holds an override with a basis.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bud-check-private.h"
#include "bud-narrative.h"

static gboolean
has_basis (GPtrArray *texts)
{
  for (guint i = 0; i < texts->len; i++)
    {
      BudText *t = g_ptr_array_index (texts, i);
      if (g_str_has_prefix (t->key, "narrative.") && g_str_has_suffix (t->key, ".basis"))
        return TRUE;
    }
  return FALSE;
}

void
bud_rules_narrative (BudCheckRun *run)
{
  GPtrArray *texts = bud_document_items (run->doc, BUD_KIND_TEXT);
  g_autoptr(BudTemplate) tpl = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GHashTable) positions = NULL;
  BudMeta *meta;

  if (!has_basis (texts))
    return;
  meta = bud_document_meta (run->doc);
  if (run->ctx->tpl != NULL)
    tpl = bud_template_ref (run->ctx->tpl);
  else if (meta->template_id[0])
    tpl = bud_template_load (meta->template_id, NULL);
  /* an unknown template is the tables' problem; without tables nothing is quoted */
  if (tpl == NULL || (sections = bud_narrative_build (run->doc, tpl, NULL)) == NULL)
    return;

  positions = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < texts->len; i++)
    g_hash_table_insert (positions, ((BudText *) g_ptr_array_index (texts, i))->key, GUINT_TO_POINTER (i + 1));

  for (guint i = 0; i < sections->len; i++)
    {
      BudNarrativeSection *s = g_ptr_array_index (sections, i);
      g_autofree char *key = NULL;
      guint pos;
      BudText *t;

      if (!s->stale)
        continue;
      key = g_strconcat ("narrative.", s->id, NULL);
      pos = GPOINTER_TO_UINT (g_hash_table_lookup (positions, key));
      if (pos == 0)
        continue;
      t = g_ptr_array_index (texts, pos - 1);
      bud_check_emit (run, "narrative.stale", BUD_KIND_TEXT, t->id, (gint) pos - 1, "value",
                      _("Your own text for section %s “%s” was written when it quoted other figures: "
                        "the figures have changed since, so check its amounts or go back to the generated text"),
                      s->id, s->title[0] ? s->title : s->id);
    }
}
