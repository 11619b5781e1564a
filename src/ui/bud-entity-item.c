/* bud-entity-item.c — lazily made list items over a document's entities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bud-entity-item.h"

struct _BudEntityItem
{
  GObject      parent_instance;
  BudDocument *doc;    /* weak: the model keeps it alive */
  BudKind      kind;
  gint64       id;
  guint        position;   /* the slot it stands for, in a model by position */
};

G_DEFINE_FINAL_TYPE (BudEntityItem, bud_entity_item, G_TYPE_OBJECT)

enum { ITEM_CHANGED, N_ITEM_SIGNALS };
static guint item_signals[N_ITEM_SIGNALS];

static void
bud_entity_item_class_init (BudEntityItemClass *klass)
{
  item_signals[ITEM_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
bud_entity_item_init (BudEntityItem *self)
{
}

BudKind
bud_entity_item_get_kind (BudEntityItem *self)
{
  return self->kind;
}

gint64
bud_entity_item_get_id (BudEntityItem *self)
{
  return self->id;
}

gpointer
bud_entity_item_get_entity (BudEntityItem *self)
{
  if (self->doc == NULL)
    return NULL;
  return bud_document_lookup (self->doc, self->kind, self->id);
}

/* ---- the model ---- */

struct _BudKindModel
{
  GObject      parent_instance;
  BudKind      kind;
  BudDocument *doc;
  gulong       changed_id;
  GArray      *ids;     /* gint64, the entities the filter keeps, in the document's order */
  BudKindFilterFunc filter;
  gpointer     filter_data;
  GHashTable  *items;   /* id (or position) → BudEntityItem (weak refs: gone when no view holds them) */
  gboolean     by_position;
};

static void bud_kind_model_list_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BudKindModel, bud_kind_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, bud_kind_model_list_init))

static GType
model_get_item_type (GListModel *model)
{
  return BUD_TYPE_ENTITY_ITEM;
}

static guint
model_get_n_items (GListModel *model)
{
  return BUD_KIND_MODEL (model)->ids->len;
}

static void
item_gone (gpointer  data,
           GObject  *where_the_object_was)
{
  BudKindModel *self = data;
  /* weak notifications run before the memory goes: the id is still readable */
  BudEntityItem *item = (BudEntityItem *) where_the_object_was;
  gint64 id = self->by_position ? (gint64) item->position : item->id;

  if (g_hash_table_lookup (self->items, &id) == (gpointer) where_the_object_was)
    g_hash_table_remove (self->items, &id);
}

static gpointer
model_get_item (GListModel *model,
                guint       position)
{
  BudKindModel *self = BUD_KIND_MODEL (model);
  BudEntityItem *item;
  gint64 id, key;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  key = self->by_position ? (gint64) position : id;
  item = g_hash_table_lookup (self->items, &key);
  if (item != NULL)
    return g_object_ref (item);

  item = g_object_new (BUD_TYPE_ENTITY_ITEM, NULL);
  item->doc = self->doc;
  item->kind = self->kind;
  item->id = id;
  item->position = position;
  g_hash_table_insert (self->items, g_memdup2 (&key, sizeof key), item);
  g_object_weak_ref (G_OBJECT (item), item_gone, self);
  return item;
}

static void
bud_kind_model_list_init (GListModelInterface *iface)
{
  iface->get_item_type = model_get_item_type;
  iface->get_n_items = model_get_n_items;
  iface->get_item = model_get_item;
}

static void
model_reload_ids (BudKindModel *self)
{
  GPtrArray *items;

  g_array_set_size (self->ids, 0);
  if (self->doc == NULL)
    return;
  items = bud_document_items (self->doc, self->kind);
  for (guint i = 0; i < items->len; i++)
    {
      gpointer entity = g_ptr_array_index (items, i);

      if (self->filter == NULL || self->filter (entity, self->filter_data))
        g_array_append_val (self->ids, *(gint64 *) entity);
    }
}

/* Gives each slot the entity now at its position; the slots that changed, to
 * announce once the views know the new length. */
static GPtrArray *
retarget_slots (BudKindModel *self)
{
  GPtrArray *moved = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      BudEntityItem *item = value;
      gint64 id = item->position < self->ids->len ? g_array_index (self->ids, gint64, item->position) : 0;

      if (id != item->id)
        {
          item->id = id;
          g_ptr_array_add (moved, g_object_ref (item));
        }
    }
  return moved;
}

/* Reloads the ids and tells the views only about the span that changed: a
 * line inserted, removed or filtered out leaves the rows around it alone. */
static void
model_update (BudKindModel *self)
{
  g_autoptr(GArray) old = g_array_copy (self->ids);
  guint prefix = 0, suffix = 0, shortest;

  model_reload_ids (self);
  if (self->by_position)
    {
      /* the view finds every slot it had at its place again: no row is
       * rebuilt, the slots that now stand for another entity say so */
      g_autoptr(GPtrArray) moved = retarget_slots (self);

      g_list_model_items_changed (G_LIST_MODEL (self), 0, old->len, self->ids->len);
      /* outside any iteration: a handler may drop the last reference */
      for (guint i = 0; i < moved->len; i++)
        g_signal_emit (g_ptr_array_index (moved, i), item_signals[ITEM_CHANGED], 0, NULL);
      return;
    }
  shortest = MIN (old->len, self->ids->len);
  while (prefix < shortest &&
         g_array_index (old, gint64, prefix) == g_array_index (self->ids, gint64, prefix))
    prefix++;
  while (suffix < shortest - prefix &&
         g_array_index (old, gint64, old->len - 1 - suffix) ==
         g_array_index (self->ids, gint64, self->ids->len - 1 - suffix))
    suffix++;
  if (prefix + suffix < old->len || prefix + suffix < self->ids->len)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old->len - prefix - suffix, self->ids->len - prefix - suffix);
}

static gint
find_id (GArray *ids,
         gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return -1;
}

gint
bud_kind_model_find (BudKindModel *self,
                     gint64        id)
{
  g_return_val_if_fail (BUD_IS_KIND_MODEL (self), -1);
  return find_id (self->ids, id);
}

static void
on_document_changed (BudKindModel *self,
                     int           kind,
                     gint64        id,
                     const char   *field,
                     int           type)
{
  BudEntityItem *item;

  if (type != BUD_CHANGE_RELOAD && kind != (int) self->kind)
    return;

  if (type == BUD_CHANGE_UPDATE)
    {
      gint64 key = self->by_position ? (gint64) find_id (self->ids, id) : id;

      item = g_hash_table_lookup (self->items, &key);
      if (item != NULL)
        g_signal_emit (item, item_signals[ITEM_CHANGED], 0, field);
      return;
    }
  /* insert, remove, move, reload: one pass over the structs, no items made */
  model_update (self);
}

static void
drop_items (BudKindModel *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_object_weak_unref (value, item_gone, self);
      BUD_ENTITY_ITEM (value)->doc = NULL;
      g_hash_table_iter_remove (&iter);
    }
}

void
bud_kind_model_set_document (BudKindModel *self,
                             BudDocument  *doc)
{
  guint old_len;

  g_return_if_fail (BUD_IS_KIND_MODEL (self));
  if (doc == self->doc)
    return;

  if (self->doc != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->doc);
      g_clear_object (&self->doc);
    }
  drop_items (self);
  if (doc != NULL)
    {
      self->doc = g_object_ref (doc);
      self->changed_id = g_signal_connect_swapped (doc, "changed",
                                                   G_CALLBACK (on_document_changed), self);
    }
  old_len = self->ids->len;
  model_reload_ids (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->ids->len);
}

BudDocument *
bud_kind_model_get_document (BudKindModel *self)
{
  return self->doc;
}

void
bud_kind_model_set_filter (BudKindModel     *self,
                           BudKindFilterFunc func,
                           gpointer          data)
{
  g_return_if_fail (BUD_IS_KIND_MODEL (self));
  self->filter = func;
  self->filter_data = data;
  model_update (self);
}

void
bud_kind_model_set_by_position (BudKindModel *self,
                                gboolean      by_position)
{
  g_return_if_fail (BUD_IS_KIND_MODEL (self));
  g_return_if_fail (g_hash_table_size (self->items) == 0);
  self->by_position = by_position;
}

void
bud_kind_model_refilter (BudKindModel *self)
{
  g_return_if_fail (BUD_IS_KIND_MODEL (self));
  if (self->filter != NULL)
    model_update (self);
}

static void
bud_kind_model_dispose (GObject *object)
{
  BudKindModel *self = BUD_KIND_MODEL (object);

  if (self->doc != NULL)
    g_clear_signal_handler (&self->changed_id, self->doc);
  drop_items (self);
  g_clear_object (&self->doc);
  G_OBJECT_CLASS (bud_kind_model_parent_class)->dispose (object);
}

static void
bud_kind_model_finalize (GObject *object)
{
  BudKindModel *self = BUD_KIND_MODEL (object);

  g_array_unref (self->ids);
  g_hash_table_unref (self->items);
  G_OBJECT_CLASS (bud_kind_model_parent_class)->finalize (object);
}

static void
bud_kind_model_class_init (BudKindModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bud_kind_model_dispose;
  G_OBJECT_CLASS (klass)->finalize = bud_kind_model_finalize;
}

static void
bud_kind_model_init (BudKindModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

BudKindModel *
bud_kind_model_new (BudKind kind)
{
  BudKindModel *self = g_object_new (BUD_TYPE_KIND_MODEL, NULL);

  self->kind = kind;
  return self;
}
