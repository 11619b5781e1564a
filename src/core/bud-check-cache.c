/* bud-check-cache.c — what the check rules keep between runs on one document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Some rules look at every item of a large document but judge each item on
 * its own fields only: the placeholder rule reads every text (about 1 MB on
 * a large department), the indicator value rule parses every value. After
 * one edit, one item changed, so those rules keep their verdicts per item
 * and look again only at the items the document reported through ::changed
 * since the last run. The cache lives on the document (g_object_set_data_full)
 * and dies with it; like the document, it belongs to one thread.
 *
 * The sums of the lines (BudCheckFigures) are kept too: the usual edit, an
 * amount, moves them by the difference; anything else they are made of
 * (codes, sources, projects, income, custom codes, the order of the lines)
 * has them summed anew on the next run.
 *
 * Only the verdict of an item is kept (does it need a finding, and where in
 * its text): the finding itself is written anew on each run, so its words
 * follow the names and figures it quotes, which may live in other items.
 */
#include "config.h"

#include "bud-check-private.h"

#define CACHE_KEY "bud-check-cache"

/* Past this many pending ids of a kind (or an eighth of its items), one
 * pass over every item is as cheap as looking them up one by one. */
#define DIRTY_MIN 256

static void
mark_all (BudCheckCache *cache,
          BudKind        kind)
{
  cache->all_dirty[kind] = TRUE;
  g_array_set_size (cache->dirty[kind], 0);
}

/* What bud_check_figures_init reads: any change there but a line's amount
 * has the sums made anew. */
static gboolean
figures_read (BudKind kind)
{
  return kind == BUD_KIND_LINE || kind == BUD_KIND_INCOME || kind == BUD_KIND_PROJECT ||
         kind == BUD_KIND_CARRYOVER || kind == BUD_KIND_CUSTOM_CODE;
}

static void
note_figures (BudCheckCache *cache,
              BudDocument   *doc,
              BudKind        kind,
              gint64         id,
              const char    *field,
              BudChangeType  type)
{
  if (!cache->fig_valid || !figures_read (kind))
    return;
  /* the sums use only the ids and order of projects and carry-over items,
   * and neither the unit nor the note of a line */
  if (type == BUD_CHANGE_UPDATE &&
      (kind == BUD_KIND_PROJECT || kind == BUD_KIND_CARRYOVER ||
       (kind == BUD_KIND_LINE && (g_strcmp0 (field, "unit") == 0 || g_strcmp0 (field, "note") == 0))))
    return;
  if (kind == BUD_KIND_LINE && type == BUD_CHANGE_UPDATE && g_strcmp0 (field, "amount") == 0 &&
      cache->amount_dirty->len < MAX (DIRTY_MIN, bud_document_count (doc, kind) / 8))
    g_array_append_val (cache->amount_dirty, id);
  else
    cache->fig_valid = FALSE;
}

static void
on_changed (BudDocument *doc,
            int          kind,
            gint64       id,
            const char  *field,
            int          type,
            gpointer     user_data)
{
  BudCheckCache *cache = user_data;

  if (type == BUD_CHANGE_RELOAD || kind < 0 || kind >= BUD_N_KINDS)
    cache->fig_valid = FALSE;
  else
    note_figures (cache, doc, kind, id, field, type);

  /* an item's verdict goes with its id: a move changes only its position,
   * which is looked up when the finding is written */
  if (type == BUD_CHANGE_MOVE)
    return;
  if (type == BUD_CHANGE_RELOAD || kind < 0 || kind >= BUD_N_KINDS)
    {
      for (BudKind k = 0; k < BUD_N_KINDS; k++)
        mark_all (cache, k);
      return;
    }
  if (cache->all_dirty[kind])
    return;
  if (cache->dirty[kind]->len >= MAX (DIRTY_MIN, bud_document_count (doc, kind) / 8))
    {
      mark_all (cache, kind);
      return;
    }
  g_array_append_val (cache->dirty[kind], id);
}

static void
cache_free (gpointer data)
{
  BudCheckCache *cache = data;

  /* the document is going: its handlers are usually gone already */
  if (cache->doc != NULL && g_signal_handler_is_connected (cache->doc, cache->handler))
    g_signal_handler_disconnect (cache->doc, cache->handler);
  for (BudKind k = 0; k < BUD_N_KINDS; k++)
    {
      g_array_unref (cache->dirty[k]);
      g_hash_table_unref (cache->text_hits[k]);
    }
  g_hash_table_unref (cache->bad_values);
  g_array_unref (cache->amount_dirty);
  bud_check_figures_clear (&cache->fig);
  g_free (cache);
}

BudCheckCache *
bud_check_cache_get (BudDocument *doc)
{
  BudCheckCache *cache = g_object_get_data (G_OBJECT (doc), CACHE_KEY);

  if (cache != NULL)
    return cache;

  cache = g_new0 (BudCheckCache, 1);
  cache->doc = doc;
  for (BudKind k = 0; k < BUD_N_KINDS; k++)
    {
      cache->dirty[k] = g_array_new (FALSE, FALSE, sizeof (gint64));
      /* values start with their gint64 id, so the value is its own key */
      cache->text_hits[k] = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
      cache->all_dirty[k] = TRUE;   /* nothing judged yet */
    }
  cache->bad_values = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  cache->amount_dirty = g_array_new (FALSE, FALSE, sizeof (gint64));
  cache->handler = g_signal_connect (doc, "changed", G_CALLBACK (on_changed), cache);
  g_object_set_data_full (G_OBJECT (doc), CACHE_KEY, cache, cache_free);
  return cache;
}

void
bud_check_cache_settle (BudCheckCache *cache)
{
  for (BudKind k = 0; k < BUD_N_KINDS; k++)
    {
      cache->all_dirty[k] = FALSE;
      g_array_set_size (cache->dirty[k], 0);
    }
}

BudCheckFigures *
bud_check_cache_figures (BudCheckCache *cache,
                         BudCatalog    *catalog)
{
  GPtrArray *lines = bud_document_items (cache->doc, BUD_KIND_LINE);

  /* a catalog is filled before it is used, so the same one means the same codes */
  if (cache->fig_valid && cache->fig_catalog == catalog)
    {
      guint hint = G_MAXUINT;

      for (guint i = 0; i < cache->amount_dirty->len && cache->fig_valid; i++)
        {
          gint64 id = g_array_index (cache->amount_dirty, gint64, i);
          const BudLine *l = bud_document_lookup (cache->doc, BUD_KIND_LINE, id);

          cache->fig_valid = l != NULL && bud_check_figures_update_amount (&cache->fig, lines, l, &hint);
        }
    }
  g_array_set_size (cache->amount_dirty, 0);
  if (cache->fig_valid && cache->fig_catalog == catalog)
    return &cache->fig;

  bud_check_figures_clear (&cache->fig);
  bud_check_figures_init (&cache->fig, cache->doc, catalog);
  cache->fig_valid = TRUE;
  cache->fig_catalog = catalog;
  return &cache->fig;
}

gint
bud_check_cache_position (GPtrArray     *items,
                          gconstpointer  entity,
                          guint         *hint)
{
  guint idx;

  if (*hint < items->len && g_ptr_array_index (items, *hint) == entity)
    return (gint) *hint;
  if (!g_ptr_array_find (items, entity, &idx))
    return -1;
  *hint = idx;
  return (gint) idx;
}
