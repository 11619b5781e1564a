/* bud-document.c — one department's budget for one year, in memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bud-document.h"

/* What it takes to revert one applied change if the transaction fails. */
typedef struct {
  BudChangeType   type;
  BudKind         kind;
  gint64          id;
  const BudField *field;
  gint64          old_int;
  char           *old_text;
  gpointer        removed;    /* REMOVE: the entity, owned */
  guint           position;   /* REMOVE / MOVE: where it was */
} JournalEntry;

struct _BudDocument
{
  GObject                parent_instance;

  GPtrArray             *items[BUD_N_KINDS];
  GHashTable            *by_id[BUD_N_KINDS];
  gint64                 next_id[BUD_N_KINDS];

  const BudDocumentSink *sink;
  gpointer               store;

  guint                  depth;
  GArray                *journal;
  GPtrArray             *undo_steps;   /* of GArray of JournalEntry, oldest first */
  GPtrArray             *redo_steps;
  enum { HISTORY_NORMAL, HISTORY_UNDOING, HISTORY_REDOING } history_mode;
  guint64                revision;
  gboolean               read_only;
  gboolean               review_mode;
};

G_DEFINE_FINAL_TYPE (BudDocument, bud_document, G_TYPE_OBJECT)
G_DEFINE_QUARK (bud-document-error-quark, bud_document_error)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
journal_entry_clear (gpointer data)
{
  JournalEntry *j = data;

  g_free (j->old_text);
  if (j->removed)
    bud_entity_free (j->kind, j->removed);
}

static GArray *
new_journal (void)
{
  GArray *a = g_array_new (FALSE, TRUE, sizeof (JournalEntry));
  g_array_set_clear_func (a, journal_entry_clear);
  return a;
}

static void
bud_document_finalize (GObject *object)
{
  BudDocument *self = BUD_DOCUMENT (object);

  for (guint k = 0; k < BUD_N_KINDS; k++)
    {
      g_hash_table_unref (self->by_id[k]);
      g_ptr_array_unref (self->items[k]);
    }
  g_array_unref (self->journal);
  g_ptr_array_unref (self->undo_steps);
  g_ptr_array_unref (self->redo_steps);

  G_OBJECT_CLASS (bud_document_parent_class)->finalize (object);
}

static void
bud_document_class_init (BudDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bud_document_finalize;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 4,
                  G_TYPE_INT, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_INT);
}

#define DEFINE_FREE(K) static void free_##K (gpointer p) { bud_entity_free (K, p); }
DEFINE_FREE (0) DEFINE_FREE (1) DEFINE_FREE (2) DEFINE_FREE (3) DEFINE_FREE (4)
DEFINE_FREE (5) DEFINE_FREE (6) DEFINE_FREE (7) DEFINE_FREE (8) DEFINE_FREE (9)
DEFINE_FREE (10) DEFINE_FREE (11) DEFINE_FREE (12) DEFINE_FREE (13) DEFINE_FREE (14)
DEFINE_FREE (15) DEFINE_FREE (16) DEFINE_FREE (17)
G_STATIC_ASSERT (BUD_N_KINDS == 18);

static const GDestroyNotify free_funcs[BUD_N_KINDS] = {
  free_0, free_1, free_2, free_3, free_4, free_5, free_6, free_7, free_8,
  free_9, free_10, free_11, free_12, free_13, free_14, free_15, free_16, free_17,
};

static void
bud_document_init (BudDocument *self)
{
  for (guint k = 0; k < BUD_N_KINDS; k++)
    {
      /* entities start with their gint64 id, so the entity pointer is the key */
      self->items[k] = g_ptr_array_new_with_free_func (free_funcs[k]);
      self->by_id[k] = g_hash_table_new (g_int64_hash, g_int64_equal);
      self->next_id[k] = 1;

      if (bud_entity_class (k)->singleton)
        {
          gint64 *e = bud_entity_new (k);
          *e = 1;
          g_ptr_array_add (self->items[k], e);
          g_hash_table_add (self->by_id[k], e);
          self->next_id[k] = 2;
        }
    }

  bud_document_meta (self)->template_id = (g_free (bud_document_meta (self)->template_id),
                                           g_strdup ("xinjiang-2026"));

  self->journal = new_journal ();
  self->undo_steps = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->redo_steps = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
}

BudDocument *
bud_document_new (void)
{
  return g_object_new (BUD_TYPE_DOCUMENT, NULL);
}

GPtrArray *
bud_document_items (BudDocument *self,
                    BudKind      kind)
{
  g_return_val_if_fail (BUD_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (kind < BUD_N_KINDS, NULL);
  return self->items[kind];
}

guint
bud_document_count (BudDocument *self,
                    BudKind      kind)
{
  return bud_document_items (self, kind)->len;
}

gpointer
bud_document_lookup (BudDocument *self,
                     BudKind      kind,
                     gint64       id)
{
  g_return_val_if_fail (BUD_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (kind < BUD_N_KINDS, NULL);
  return g_hash_table_lookup (self->by_id[kind], &id);
}

gint
bud_document_position (BudDocument *self,
                       BudKind      kind,
                       gint64       id)
{
  gpointer e = bud_document_lookup (self, kind, id);
  guint idx;

  if (e && g_ptr_array_find (self->items[kind], e, &idx))
    return (gint) idx;
  return -1;
}

gpointer
bud_document_singleton (BudDocument *self,
                        BudKind      kind)
{
  g_return_val_if_fail (bud_entity_class (kind)->singleton, NULL);
  return g_ptr_array_index (self->items[kind], 0);
}

guint64
bud_document_revision (BudDocument *self)
{
  return self->revision;
}

/* First row of @kind whose @field holds the value: the look-ups of keyed rows
 * (income per source, comparative per measure…) are small lists, scanned. */
static gpointer
find_first (BudDocument *self,
            BudKind      kind,
            const char  *field,
            gint64       ivalue,
            const char  *tvalue)
{
  const BudField *f = bud_entity_class_field (bud_entity_class (kind), field);
  GPtrArray *a = self->items[kind];

  for (guint i = 0; i < a->len; i++)
    {
      gpointer e = g_ptr_array_index (a, i);

      if (tvalue ? g_strcmp0 (bud_field_get_text (e, f), tvalue) == 0
                 : bud_field_get_int (e, f) == ivalue)
        return e;
    }
  return NULL;
}

BudIncome *
bud_document_find_income (BudDocument *self,
                          BudSource    source)
{
  return find_first (self, BUD_KIND_INCOME, "source", source, NULL);
}

BudComparative *
bud_document_find_comparative (BudDocument *self,
                               const char  *measure)
{
  g_return_val_if_fail (measure != NULL, NULL);
  return find_first (self, BUD_KIND_COMPARATIVE, "measure", 0, measure);
}

static BudText *
find_text (BudDocument *self,
           const char  *key)
{
  g_return_val_if_fail (key != NULL, NULL);
  return find_first (self, BUD_KIND_TEXT, "key", 0, key);
}

const char *
bud_document_get_text (BudDocument *self,
                       const char  *key)
{
  BudText *t = find_text (self, key);
  return t ? t->value : NULL;
}

BudTarget *
bud_document_find_target (BudDocument *self,
                          gint64       project)
{
  return find_first (self, BUD_KIND_TARGET, "project", project, NULL);
}

/* ---- transactions ---- */

static void
emit_changed (BudDocument   *self,
              BudKind        kind,
              gint64         id,
              const char    *field,
              BudChangeType  type)
{
  self->revision++;
  g_signal_emit (self, signals[CHANGED], 0, (int) kind, id, field, (int) type);
}

static void revert_journal (BudDocument *self);

/* Enough to undo a working day of typing; older steps are dropped. */
#define MAX_UNDO_STEPS 1000

/* The committed journal becomes one undo step (or redo step while undoing). */
static void
keep_history_step (BudDocument *self)
{
  GPtrArray *target;

  if (self->journal->len == 0)
    return;
  if (self->history_mode == HISTORY_UNDOING)
    target = self->redo_steps;
  else
    {
      target = self->undo_steps;
      if (self->history_mode == HISTORY_NORMAL)
        g_ptr_array_set_size (self->redo_steps, 0);
    }
  g_ptr_array_add (target, self->journal);
  self->journal = new_journal ();
  if (target->len > MAX_UNDO_STEPS)
    g_ptr_array_remove_index (target, 0);
}

/* What a reviewer may change while the figures are locked: the review's own
 * records (comments, snapshots, status history) and the status itself. */
static gboolean
review_exempt (BudKind         kind,
               const BudField *field)
{
  if (kind == BUD_KIND_COMMENT || kind == BUD_KIND_SNAPSHOT || kind == BUD_KIND_STATUS_CHANGE)
    return TRUE;
  return kind == BUD_KIND_META && field != NULL && strcmp (field->name, "status") == 0;
}

static gboolean
review_allows (BudDocument     *self,
               BudKind          kind,
               const BudField  *field,
               GError         **error)
{
  const BudEntityClass *klass;

  if (!self->review_mode || review_exempt (kind, field))
    return TRUE;
  klass = bud_entity_class (kind);
  if (field != NULL)
    g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_READ_ONLY,
                 _("The document is open for review: %s · %s cannot be changed until you switch to editing"),
                 _(klass->label), _(field->label));
  else
    g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_READ_ONLY,
                 _("The document is open for review: %s rows cannot be added, removed or moved until you switch to editing"),
                 _(klass->label));
  return FALSE;
}

static gboolean
tx_begin (BudDocument  *self,
          GError      **error)
{
  if (self->read_only)
    {
      g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_READ_ONLY,
                   _("The document is open read-only"));
      return FALSE;
    }
  if (self->depth == 0 && self->sink && self->sink->begin &&
      !self->sink->begin (self->store, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

static gboolean
tx_end (BudDocument  *self,
        GError      **error)
{
  if (self->depth == 0)
    {
      /* an inner step failed and already rolled everything back */
      g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_INVALID,
                   _("The change was not saved because an earlier step failed"));
      return FALSE;
    }
  if (--self->depth > 0)
    return TRUE;
  if (self->sink && self->sink->commit && !self->sink->commit (self->store, error))
    {
      if (self->sink->rollback)
        self->sink->rollback (self->store);
      revert_journal (self);
      return FALSE;
    }
  keep_history_step (self);
  return TRUE;
}

/* A step failed: undo everything of the outermost transaction. */
static void
tx_abort (BudDocument *self)
{
  if (self->depth == 0)
    return;
  self->depth = 0;
  if (self->sink && self->sink->rollback)
    self->sink->rollback (self->store);
  revert_journal (self);
}

gboolean
bud_document_begin (BudDocument  *self,
                    GError      **error)
{
  g_return_val_if_fail (BUD_IS_DOCUMENT (self), FALSE);
  return tx_begin (self, error);
}

gboolean
bud_document_commit (BudDocument  *self,
                     GError      **error)
{
  g_return_val_if_fail (BUD_IS_DOCUMENT (self), FALSE);
  return tx_end (self, error);
}

void
bud_document_rollback (BudDocument *self)
{
  g_return_if_fail (BUD_IS_DOCUMENT (self));
  tx_abort (self);
}

static void
journal_push (BudDocument  *self,
              JournalEntry *j)
{
  g_array_append_vals (self->journal, j, 1);
}

/* ---- raw memory operations (no checks) ---- */

static void
raw_insert (BudDocument *self,
            BudKind      kind,
            gpointer     entity,
            guint        position)
{
  gint64 id = *(gint64 *) entity;

  g_ptr_array_insert (self->items[kind], (gint) position, entity);
  g_hash_table_add (self->by_id[kind], entity);
  if (id >= self->next_id[kind])
    self->next_id[kind] = id + 1;
}

static gpointer
raw_steal (BudDocument *self,
           BudKind      kind,
           gint64       id,
           guint       *position)
{
  gpointer e = bud_document_lookup (self, kind, id);
  guint idx;

  if (e == NULL || !g_ptr_array_find (self->items[kind], e, &idx))
    return NULL;
  g_hash_table_remove (self->by_id[kind], e);
  g_ptr_array_steal_index (self->items[kind], idx);
  *position = idx;
  return e;
}

static void
raw_move (BudDocument *self,
          BudKind      kind,
          guint        from,
          guint        to)
{
  gpointer e = g_ptr_array_steal_index (self->items[kind], from);
  g_ptr_array_insert (self->items[kind], (gint) to, e);
}

static void
revert_journal (BudDocument *self)
{
  for (guint i = self->journal->len; i-- > 0; )
    {
      JournalEntry *j = &g_array_index (self->journal, JournalEntry, i);
      gpointer e;
      guint pos;

      switch (j->type)
        {
        case BUD_CHANGE_INSERT:
          e = raw_steal (self, j->kind, j->id, &pos);
          bud_entity_free (j->kind, e);
          break;
        case BUD_CHANGE_REMOVE:
          raw_insert (self, j->kind, j->removed, j->position);
          j->removed = NULL;
          break;
        case BUD_CHANGE_UPDATE:
          e = bud_document_lookup (self, j->kind, j->id);
          if (j->field->type == BUD_FIELD_TEXT)
            bud_field_set_text (e, j->field, j->old_text);
          else
            bud_field_set_int (e, j->field, j->old_int);
          break;
        case BUD_CHANGE_MOVE:
          pos = (guint) bud_document_position (self, j->kind, j->id);
          raw_move (self, j->kind, pos, j->position);
          break;
        case BUD_CHANGE_RELOAD:
        default:
          break;
        }
    }
  g_array_set_size (self->journal, 0);
  emit_changed (self, BUD_N_KINDS, 0, NULL, BUD_CHANGE_RELOAD);
}

/* ---- validation shared by insert and set ---- */

static gboolean
check_ref (BudDocument     *self,
           const BudField  *f,
           gint64           value,
           GError         **error)
{
  if (!bud_field_validate_int (f, value, error))
    return FALSE;
  if (value != 0 && bud_document_lookup (self, f->ref_kind, value) == NULL)
    {
      g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_NOT_FOUND,
                   _("%s: there is no %s with id %" PRId64),
                   _(f->label), _(bud_entity_class (f->ref_kind)->label), value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_unique (BudDocument     *self,
              BudKind          kind,
              gconstpointer    except,
              const BudField  *f,
              gint64           ivalue,
              const char      *tvalue,
              GError         **error)
{
  GPtrArray *a = self->items[kind];

  if (!(f->flags & BUD_FIELD_UNIQUE))
    return TRUE;
  for (guint i = 0; i < a->len; i++)
    {
      gconstpointer e = g_ptr_array_index (a, i);
      gboolean same;

      if (e == except)
        continue;
      if (f->type == BUD_FIELD_TEXT)
        same = g_strcmp0 (bud_field_get_text (e, f), tvalue) == 0;
      else
        same = bud_field_get_int (e, f) == ivalue;
      if (same)
        {
          g_autofree char *shown = f->type == BUD_FIELD_TEXT ? g_strdup (tvalue)
            : f->type == BUD_FIELD_ENUM ? g_strdup (f->enum_values[ivalue])
            : g_strdup_printf ("%" PRId64, ivalue);
          g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_DUPLICATE,
                       _("%s “%s” is already used by another %s"),
                       _(f->label), shown, _(bud_entity_class (kind)->label));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_field (BudDocument     *self,
             BudKind          kind,
             gconstpointer    except,
             const BudField  *f,
             gint64           ivalue,
             const char      *tvalue,
             GError         **error)
{
  if (f->type == BUD_FIELD_TEXT)
    {
      if (!bud_field_validate_text (f, tvalue, error))
        return FALSE;
    }
  else if (f->type == BUD_FIELD_REF)
    {
      if (!check_ref (self, f, ivalue, error))
        return FALSE;
    }
  else if (!bud_field_validate_int (f, ivalue, error))
    return FALSE;

  return check_unique (self, kind, except, f, ivalue, tvalue, error);
}

/* ---- edits ---- */

gpointer
bud_document_insert (BudDocument  *self,
                     BudKind       kind,
                     gpointer      entity,
                     gint          position,
                     GError      **error)
{
  const BudEntityClass *klass;
  gint64 *id = entity;
  JournalEntry j = { 0 };
  guint pos;

  g_return_val_if_fail (BUD_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (entity != NULL, NULL);
  g_return_val_if_fail (kind < BUD_N_KINDS, NULL);

  klass = bud_entity_class (kind);
  if (klass->singleton)
    {
      bud_entity_free (kind, entity);
      g_return_val_if_reached (NULL);
    }

  if (!review_allows (self, kind, NULL, error))
    goto fail;
  if (*id < 0 || (*id > 0 && bud_document_lookup (self, kind, *id) != NULL))
    {
      g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_DUPLICATE,
                   _("%s id %" PRId64 " is already used"), _(klass->label), *id);
      goto fail;
    }
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const BudField *f = &klass->fields[i];
      gint64 iv = f->type == BUD_FIELD_TEXT ? 0 : bud_field_get_int (entity, f);
      const char *tv = f->type == BUD_FIELD_TEXT ? bud_field_get_text (entity, f) : NULL;

      if (!check_field (self, kind, NULL, f, iv, tv, error))
        goto fail;
    }

  if (*id == 0)
    *id = self->next_id[kind];
  pos = (position < 0 || (guint) position > self->items[kind]->len)
        ? self->items[kind]->len : (guint) position;

  if (!tx_begin (self, error))
    goto fail;
  if (self->sink && !self->sink->insert (self->store, kind, entity, pos, error))
    {
      tx_abort (self);
      goto fail;
    }
  raw_insert (self, kind, entity, pos);
  j.type = BUD_CHANGE_INSERT;
  j.kind = kind;
  j.id = *id;
  journal_push (self, &j);
  emit_changed (self, kind, *id, NULL, BUD_CHANGE_INSERT);
  if (!tx_end (self, error))
    return NULL;
  return entity;

fail:
  bud_entity_free (kind, entity);
  return NULL;
}

/* Collect the rows that refer to (kind, id). */
static gboolean
find_referrers (BudDocument  *self,
                BudKind       kind,
                gint64        id,
                GPtrArray    *owned,      /* (BudKind, id) pairs to cascade */
                GError      **error)
{
  for (guint k = 0; k < BUD_N_KINDS; k++)
    {
      const BudEntityClass *c = bud_entity_class (k);

      for (guint fi = 0; fi < c->n_fields; fi++)
        {
          const BudField *f = &c->fields[fi];
          guint n = 0;
          GPtrArray *a = self->items[k];

          if (f->type != BUD_FIELD_REF || f->ref_kind != kind)
            continue;
          for (guint i = 0; i < a->len; i++)
            {
              gpointer e = g_ptr_array_index (a, i);
              if (bud_field_get_int (e, f) != id)
                continue;
              if (f->flags & BUD_FIELD_OWNER)
                {
                  g_ptr_array_add (owned, GUINT_TO_POINTER (k));
                  g_ptr_array_add (owned, e);
                }
              else
                n++;
            }
          if (n > 0)
            {
              g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_REFERENCED,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "This %s is used by %u %s; change or remove it first",
                                        "This %s is used by %u rows of %s; change or remove them first",
                                        n),
                           _(bud_entity_class (kind)->label), n, _(c->label));
              return FALSE;
            }
        }
    }
  return TRUE;
}

static gboolean
remove_one (BudDocument  *self,
            BudKind       kind,
            gint64        id,
            GError      **error)
{
  g_autoptr(GPtrArray) owned = g_ptr_array_new ();
  JournalEntry j = { 0 };
  guint pos;

  if (!find_referrers (self, kind, id, owned, error))
    return FALSE;
  /* owned rows first, so nothing ever points at a missing row */
  for (guint i = 0; i < owned->len; i += 2)
    {
      BudKind ck = GPOINTER_TO_UINT (g_ptr_array_index (owned, i));
      gint64 cid = *(gint64 *) g_ptr_array_index (owned, i + 1);
      if (!remove_one (self, ck, cid, error))
        return FALSE;
    }

  if (self->sink && !self->sink->remove (self->store, kind, id, error))
    return FALSE;
  j.type = BUD_CHANGE_REMOVE;
  j.kind = kind;
  j.id = id;
  j.removed = raw_steal (self, kind, id, &pos);
  j.position = pos;
  journal_push (self, &j);
  emit_changed (self, kind, id, NULL, BUD_CHANGE_REMOVE);
  return TRUE;
}

gboolean
bud_document_remove (BudDocument  *self,
                     BudKind       kind,
                     gint64        id,
                     GError      **error)
{
  g_return_val_if_fail (BUD_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (kind < BUD_N_KINDS, FALSE);

  if (bud_entity_class (kind)->singleton || bud_document_lookup (self, kind, id) == NULL)
    {
      g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_NOT_FOUND,
                   _("There is no %s with id %" PRId64 " to remove"),
                   _(bud_entity_class (kind)->label), id);
      return FALSE;
    }
  if (!review_allows (self, kind, NULL, error) || !tx_begin (self, error))
    return FALSE;
  if (!remove_one (self, kind, id, error))
    {
      tx_abort (self);
      return FALSE;
    }
  return tx_end (self, error);
}

static gboolean
set_value (BudDocument  *self,
           BudKind       kind,
           gint64        id,
           const char   *field,
           gint64        ivalue,
           const char   *tvalue,
           gboolean      is_text,
           GError      **error)
{
  const BudEntityClass *klass = bud_entity_class (kind);
  const BudField *f = bud_entity_class_field (klass, field);
  gpointer e = bud_document_lookup (self, kind, id);
  JournalEntry j = { 0 };

  g_return_val_if_fail (f != NULL, FALSE);
  g_return_val_if_fail ((f->type == BUD_FIELD_TEXT) == is_text, FALSE);

  if (e == NULL)
    {
      g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_NOT_FOUND,
                   _("There is no %s with id %" PRId64),
                   _(klass->label), id);
      return FALSE;
    }
  if (!review_allows (self, kind, f, error))
    return FALSE;
  if (is_text ? g_strcmp0 (bud_field_get_text (e, f), tvalue ? tvalue : "") == 0
              : bud_field_get_int (e, f) == ivalue)
    return TRUE;   /* nothing to do: no write, no signal */
  if (!check_field (self, kind, e, f, ivalue, tvalue, error))
    return FALSE;
  if (!tx_begin (self, error))
    return FALSE;

  j.type = BUD_CHANGE_UPDATE;
  j.kind = kind;
  j.id = id;
  j.field = f;
  if (is_text)
    {
      j.old_text = g_strdup (bud_field_get_text (e, f));
      bud_field_set_text (e, f, tvalue);
    }
  else
    {
      j.old_int = bud_field_get_int (e, f);
      bud_field_set_int (e, f, ivalue);
    }
  journal_push (self, &j);

  if (self->sink && !self->sink->update (self->store, kind, e, f, error))
    {
      tx_abort (self);
      return FALSE;
    }
  emit_changed (self, kind, id, f->name, BUD_CHANGE_UPDATE);
  return tx_end (self, error);
}

gboolean
bud_document_set_int (BudDocument  *self,
                      BudKind       kind,
                      gint64        id,
                      const char   *field,
                      gint64        value,
                      GError      **error)
{
  g_return_val_if_fail (BUD_IS_DOCUMENT (self), FALSE);
  return set_value (self, kind, id, field, value, NULL, FALSE, error);
}

gboolean
bud_document_set_text (BudDocument  *self,
                       BudKind       kind,
                       gint64        id,
                       const char   *field,
                       const char   *value,
                       GError      **error)
{
  g_return_val_if_fail (BUD_IS_DOCUMENT (self), FALSE);
  return set_value (self, kind, id, field, 0, value ? value : "", TRUE, error);
}

gboolean
bud_document_put_text (BudDocument  *self,
                       const char   *key,
                       const char   *value,
                       GError      **error)
{
  BudText *t = find_text (self, key);

  if (t != NULL)
    return bud_document_set_text (self, BUD_KIND_TEXT, t->id, "value", value, error);

  t = bud_entity_new (BUD_KIND_TEXT);
  g_free (t->key);
  t->key = g_strdup (key);
  g_free (t->value);
  t->value = g_strdup (value ? value : "");
  return bud_document_insert (self, BUD_KIND_TEXT, t, -1, error) != NULL;
}

gboolean
bud_document_move (BudDocument  *self,
                   BudKind       kind,
                   gint64        id,
                   guint         new_position,
                   GError      **error)
{
  gint from = bud_document_position (self, kind, id);
  JournalEntry j = { 0 };
  guint len;

  g_return_val_if_fail (BUD_IS_DOCUMENT (self), FALSE);

  if (from < 0)
    {
      g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_NOT_FOUND,
                   _("There is no %s with id %" PRId64),
                   _(bud_entity_class (kind)->label), id);
      return FALSE;
    }
  len = self->items[kind]->len;
  if (new_position >= len)
    new_position = len - 1;
  if ((guint) from == new_position)
    return TRUE;
  if (!review_allows (self, kind, NULL, error) || !tx_begin (self, error))
    return FALSE;
  raw_move (self, kind, (guint) from, new_position);
  j.type = BUD_CHANGE_MOVE;
  j.kind = kind;
  j.id = id;
  j.position = (guint) from;
  journal_push (self, &j);
  if (self->sink && self->sink->move &&
      !self->sink->move (self->store, kind, self->items[kind], (guint) from, new_position, error))
    {
      tx_abort (self);
      return FALSE;
    }
  emit_changed (self, kind, id, NULL, BUD_CHANGE_MOVE);
  return tx_end (self, error);
}

/* ---- undo / redo ---- */

/* Apply the inverse of one journal entry as a new, journaled edit through the
 * sink, so that undoing is itself undoable (that journal is the redo step). */
static gboolean
apply_inverse (BudDocument   *self,
               JournalEntry  *j,
               GError       **error)
{
  JournalEntry back = { 0 };
  gpointer e;
  gint pos;

  back.kind = j->kind;
  back.id = j->id;

  switch (j->type)
    {
    case BUD_CHANGE_INSERT:
      return remove_one (self, j->kind, j->id, error);

    case BUD_CHANGE_REMOVE:
      e = bud_entity_copy (j->kind, j->removed);
      if (self->sink && !self->sink->insert (self->store, j->kind, e, j->position, error))
        {
          bud_entity_free (j->kind, e);
          return FALSE;
        }
      raw_insert (self, j->kind, e, j->position);
      back.type = BUD_CHANGE_INSERT;
      journal_push (self, &back);
      emit_changed (self, j->kind, j->id, NULL, BUD_CHANGE_INSERT);
      return TRUE;

    case BUD_CHANGE_UPDATE:
      e = bud_document_lookup (self, j->kind, j->id);
      g_return_val_if_fail (e != NULL, FALSE);
      back.type = BUD_CHANGE_UPDATE;
      back.field = j->field;
      if (j->field->type == BUD_FIELD_TEXT)
        {
          back.old_text = g_strdup (bud_field_get_text (e, j->field));
          bud_field_set_text (e, j->field, j->old_text);
        }
      else
        {
          back.old_int = bud_field_get_int (e, j->field);
          bud_field_set_int (e, j->field, j->old_int);
        }
      journal_push (self, &back);
      if (self->sink && !self->sink->update (self->store, j->kind, e, j->field, error))
        return FALSE;
      emit_changed (self, j->kind, j->id, j->field->name, BUD_CHANGE_UPDATE);
      return TRUE;

    case BUD_CHANGE_MOVE:
      pos = bud_document_position (self, j->kind, j->id);
      g_return_val_if_fail (pos >= 0, FALSE);
      raw_move (self, j->kind, (guint) pos, j->position);
      back.type = BUD_CHANGE_MOVE;
      back.position = (guint) pos;
      journal_push (self, &back);
      if (self->sink && self->sink->move &&
          !self->sink->move (self->store, j->kind, self->items[j->kind], (guint) pos, j->position, error))
        return FALSE;
      emit_changed (self, j->kind, j->id, NULL, BUD_CHANGE_MOVE);
      return TRUE;

    case BUD_CHANGE_RELOAD:
    default:
      return TRUE;
    }
}

static gboolean
replay_step (BudDocument  *self,
             GPtrArray    *from,
             int           mode,
             GError      **error)
{
  GArray *step;
  gboolean ok;

  if (from->len == 0)
    return TRUE;
  step = g_ptr_array_index (from, from->len - 1);
  for (guint i = 0; i < step->len; i++)
    {
      JournalEntry *j = &g_array_index (step, JournalEntry, i);
      if (!review_allows (self, j->kind, j->type == BUD_CHANGE_UPDATE ? j->field : NULL, error))
        return FALSE;
    }
  if (!tx_begin (self, error))
    return FALSE;
  self->history_mode = mode;
  for (guint i = step->len; i-- > 0; )
    if (!apply_inverse (self, &g_array_index (step, JournalEntry, i), error))
      {
        tx_abort (self);
        self->history_mode = HISTORY_NORMAL;
        return FALSE;      /* the step stays, the document is as before */
      }
  /* take the step off before committing: tx_end files the new journal as its opposite */
  step = g_ptr_array_steal_index (from, from->len - 1);
  ok = tx_end (self, error);
  self->history_mode = HISTORY_NORMAL;
  if (ok)
    g_array_unref (step);
  else
    g_ptr_array_add (from, step);   /* the commit failed and was rolled back: keep it */
  return ok;
}

gboolean
bud_document_can_undo (BudDocument *self)
{
  g_return_val_if_fail (BUD_IS_DOCUMENT (self), FALSE);
  return self->undo_steps->len > 0 && !self->read_only;
}

gboolean
bud_document_can_redo (BudDocument *self)
{
  g_return_val_if_fail (BUD_IS_DOCUMENT (self), FALSE);
  return self->redo_steps->len > 0 && !self->read_only;
}

gboolean
bud_document_undo (BudDocument  *self,
                   GError      **error)
{
  g_return_val_if_fail (BUD_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);
  return replay_step (self, self->undo_steps, HISTORY_UNDOING, error);
}

gboolean
bud_document_redo (BudDocument  *self,
                   GError      **error)
{
  g_return_val_if_fail (BUD_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);
  return replay_step (self, self->redo_steps, HISTORY_REDOING, error);
}

void
bud_document_clear_history (BudDocument *self)
{
  g_return_if_fail (BUD_IS_DOCUMENT (self));
  g_ptr_array_set_size (self->undo_steps, 0);
  g_ptr_array_set_size (self->redo_steps, 0);
}

void
bud_document_set_sink (BudDocument           *self,
                       const BudDocumentSink *sink,
                       gpointer               store)
{
  g_return_if_fail (BUD_IS_DOCUMENT (self));
  g_return_if_fail (self->depth == 0);
  self->sink = sink;
  self->store = store;
}

void
bud_document_set_read_only (BudDocument *self,
                            gboolean     read_only)
{
  g_return_if_fail (BUD_IS_DOCUMENT (self));
  self->read_only = !!read_only;
}

gboolean
bud_document_get_read_only (BudDocument *self)
{
  g_return_val_if_fail (BUD_IS_DOCUMENT (self), TRUE);
  return self->read_only;
}

void
bud_document_set_review_mode (BudDocument *self,
                              gboolean     review_mode)
{
  g_return_if_fail (BUD_IS_DOCUMENT (self));
  self->review_mode = !!review_mode;
}

gboolean
bud_document_get_review_mode (BudDocument *self)
{
  g_return_val_if_fail (BUD_IS_DOCUMENT (self), FALSE);
  return self->review_mode;
}

gboolean
bud_document_equal (BudDocument  *a,
                    BudDocument  *b,
                    char        **first_difference)
{
  for (guint k = 0; k < BUD_N_KINDS; k++)
    {
      const BudEntityClass *c = bud_entity_class (k);
      GPtrArray *x = a->items[k], *y = b->items[k];

      if (x->len != y->len)
        {
          if (first_difference)
            *first_difference = g_strdup_printf ("%s: %u rows vs %u", c->name, x->len, y->len);
          return FALSE;
        }
      for (guint i = 0; i < x->len; i++)
        {
          gconstpointer ea = g_ptr_array_index (x, i), eb = g_ptr_array_index (y, i);

          if (bud_entity_equal (k, ea, eb))
            continue;
          if (first_difference)
            {
              const char *what = "id";
              for (guint fi = 0; fi < c->n_fields; fi++)
                {
                  const BudField *f = &c->fields[fi];
                  gboolean same = f->type == BUD_FIELD_TEXT
                    ? g_strcmp0 (bud_field_get_text (ea, f), bud_field_get_text (eb, f)) == 0
                    : bud_field_get_int (ea, f) == bud_field_get_int (eb, f);
                  if (!same)
                    {
                      what = f->name;
                      break;
                    }
                }
              *first_difference = g_strdup_printf ("%s[%u].%s", c->name, i, what);
            }
          return FALSE;
        }
    }
  return TRUE;
}
