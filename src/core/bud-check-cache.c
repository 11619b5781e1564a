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

static void
on_changed (BudDocument *doc,
            int          kind,
            gint64       id,
            const char  *field,
            int          type,
            gpointer     user_data)
{
  BudCheckCache *cache = user_data;

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
