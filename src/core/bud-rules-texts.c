/* bud-rules-texts.c — text.placeholder: no XX, ××, 待填写 … left in a published text;
 * text.purpose: each class 第三部分 四 lists says what it is mainly used for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A large department has about 1 MB of published text (indicator and
 * project descriptions, reasons, narrative). Scanning all of it after every
 * edit was most of the check run's time, so each item's hits are kept in
 * the document's check cache (bud-check-cache.c) and an item is scanned
 * again only after the document reported a change to it.
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bud-check-private.h"
#include "bud-narrative.h"

static gboolean
is_x (guchar c)
{
  return c == 'X' || c == 'x';
}

/* The first placeholder in @text: XX/xx (not inside a word like “Exxon”),
 * ××, ＸＸ/ｘｘ, ***, 待填写, 待补充. Runs on every text after every edit, so
 * it skips to the bytes that can start one (×: C3, fullwidth: EF, 待: E5). */
static const char *
find_placeholder (const char *text,
                  gsize      *len)
{
  static const char starts[] = "Xx*\xC3\xEF\xE5";
  const guchar *start = (const guchar *) text;

  for (const char *q = text + strcspn (text, starts); *q; q += 1 + strcspn (q + 1, starts))
    {
      const guchar *p = (const guchar *) q;

      if (is_x (*p))
        {
          const guchar *e = p;

          while (is_x (*e))
            e++;
          if (e - p >= 2 && (p == start || !g_ascii_isalpha (p[-1])) && !g_ascii_isalpha (*e))
            {
              *len = (gsize) (e - p);
              return (const char *) p;
            }
          q = (const char *) e - 1;
        }
      else if (*p == '*')
        {
          if (p[1] == '*' && p[2] == '*')
            {
              *len = 3;
              return (const char *) p;
            }
        }
      else if (*p == 0xC3)
        {
          if (p[1] == 0x97 && strncmp (q, "××", strlen ("××")) == 0)
            {
              *len = strlen ("××");
              return q;
            }
        }
      else if (*p == 0xEF)
        {
          if (p[1] == 0xBC && (strncmp (q, "ＸＸ", strlen ("ＸＸ")) == 0))
            {
              *len = strlen ("ＸＸ");
              return q;
            }
          if (p[1] == 0xBD && (strncmp (q, "ｘｘ", strlen ("ｘｘ")) == 0))
            {
              *len = strlen ("ｘｘ");
              return q;
            }
        }
      else if (p[1] == 0xBE && p[2] == 0x85)   /* 待 */
        {
          if (strncmp (q, "待填写", strlen ("待填写")) == 0 ||
              strncmp (q, "待补充", strlen ("待补充")) == 0)
            {
              *len = strlen ("待填写");
              return q;
            }
        }
    }
  return NULL;
}

/* A few characters either side, so the user can find it in a long text. */
static char *
excerpt (const char *text,
         const char *hit,
         gsize       len)
{
  const char *from = hit, *to = hit + len;

  for (guint i = 0; i < 8 && from > text; i++)
    from = g_utf8_find_prev_char (text, from);
  for (guint i = 0; i < 8 && *to; i++)
    to = g_utf8_next_char (to);
  return g_strdup_printf ("%s%.*s%s", from > text ? "…" : "", (int) (to - from), from, *to ? "…" : "");
}

static const char *
object_name (BudCheckRun   *run,
             BudKind        kind,
             gconstpointer  entity)
{
  const BudEntityClass *klass = bud_entity_class (kind);
  static const char * const naming[] = { "name", "key", "measure", "purpose" };

  if (klass->singleton)
    return _(klass->label);
  if (kind == BUD_KIND_LINE)
    return bud_check_take (run, g_strdup_printf ("%s %s", _(klass->label),
                                                 bud_check_line_label (run, entity)));
  if (kind == BUD_KIND_TARGET)
    return bud_check_target_name (run, entity);
  for (guint i = 0; i < G_N_ELEMENTS (naming); i++)
    {
      const BudField *f = bud_entity_class_field (klass, naming[i]);
      if (f != NULL && f->type == BUD_FIELD_TEXT && bud_field_get_text (entity, f)[0])
        return bud_check_take (run, g_strdup_printf ("%s “%s”", _(klass->label),
                                                     bud_field_get_text (entity, f)));
    }
  return bud_check_take (run, g_strdup_printf ("%s #%" PRId64, _(klass->label),
                                               *(const gint64 *) entity));
}

/* ---- the verdicts kept per item ---- */

typedef struct {
  guint  field;    /* index in the entity class */
  gsize  offset;   /* of the placeholder in the field's text */
  gsize  len;
} Hit;

typedef struct {
  gint64  id;         /* first member: the cache's table uses it as the key */
  guint   position;   /* where the item was last seen in its list */
  guint   n_hits;
  Hit     hits[];     /* in field order */
} TextHits;

static gboolean
published (BudKind kind)
{
  /* reviewers' comments, snapshots and the status history are not published */
  return kind != BUD_KIND_COMMENT && kind != BUD_KIND_SNAPSHOT && kind != BUD_KIND_STATUS_CHANGE;
}

static gboolean
scanned (const BudField *field)
{
  return field->type == BUD_FIELD_TEXT &&
         (field->text_kind == BUD_TEXT_ANY || field->text_kind == BUD_TEXT_SINGLE_LINE);
}

/* The placeholders in the texts of one item, or NULL: the usual case. */
static TextHits *
scan_item (const BudEntityClass *klass,
           gconstpointer         entity,
           guint                 position)
{
  TextHits *h = NULL;

  for (guint f = 0; f < klass->n_fields; f++)
    {
      const BudField *field = &klass->fields[f];
      const char *text, *hit;
      gsize len;

      if (!scanned (field))
        continue;
      text = bud_field_get_text (entity, field);
      if (text[0] == '\0' || (hit = find_placeholder (text, &len)) == NULL)
        continue;
      if (h == NULL)
        {
          h = g_malloc0 (sizeof *h + klass->n_fields * sizeof (Hit));
          h->id = *(const gint64 *) entity;
          h->position = position;
        }
      h->hits[h->n_hits].field = f;
      h->hits[h->n_hits].offset = (gsize) (hit - text);
      h->hits[h->n_hits].len = len;
      h->n_hits++;
    }
  return h;
}

static gboolean
has_scanned_field (const BudEntityClass *klass)
{
  for (guint f = 0; f < klass->n_fields; f++)
    if (scanned (&klass->fields[f]))
      return TRUE;
  return FALSE;
}

/* Brings the kept hits of @kind up to date with the document. */
static void
update_kind (BudCheckRun *run,
             BudKind      kind)
{
  const BudEntityClass *klass = bud_entity_class (kind);
  BudCheckCache *cache = run->cache;
  GHashTable *table = cache->text_hits[kind];
  GArray *dirty = cache->dirty[kind];

  if (cache->all_dirty[kind])
    {
      GPtrArray *items = bud_document_items (run->doc, kind);

      g_hash_table_remove_all (table);
      for (guint i = 0; i < items->len; i++)
        {
          TextHits *h = scan_item (klass, g_ptr_array_index (items, i), i);
          if (h != NULL)
            g_hash_table_insert (table, h, h);
        }
      return;
    }

  for (guint i = 0; i < dirty->len; i++)
    {
      gint64 id = g_array_index (dirty, gint64, i);
      gconstpointer e = bud_document_lookup (run->doc, kind, id);
      TextHits *h;

      g_hash_table_remove (table, &id);
      /* G_MAXUINT: its position is looked up when a finding needs it */
      if (e != NULL && (h = scan_item (klass, e, G_MAXUINT)) != NULL)
        g_hash_table_insert (table, h, h);
    }
}

static void
emit_item (BudCheckRun *run,
           BudKind      kind,
           GPtrArray   *items,
           TextHits    *h)
{
  const BudEntityClass *klass = bud_entity_class (kind);
  gconstpointer e = bud_document_lookup (run->doc, kind, h->id);
  gint position;

  g_return_if_fail (e != NULL);
  position = bud_check_cache_position (items, e, &h->position);
  for (guint i = 0; i < h->n_hits; i++)
    {
      const BudField *field = &klass->fields[h->hits[i].field];
      const char *text = bud_field_get_text (e, field);
      const char *hit = text + h->hits[i].offset;
      gsize len = h->hits[i].len;

      bud_check_emit (run, "text.placeholder", kind, h->id, position, field->name,
                      _("%s, %s: “%.*s” is a placeholder (%s)"),
                      object_name (run, kind, e), _(field->label), (int) len, hit,
                      bud_check_take (run, excerpt (text, hit, len)));
    }
}

/* ---- text.purpose ---- */

/* 第三部分 四 lists the 功能分类 类 with 财政拨款 money: without a purpose a
 * class's sentence gives only its amount. The classes come from 表4, as the
 * narrative prints them; with the window's template (ctx->tpl) the derived
 * table is the one the window keeps up to date, so this costs little. */
static void
check_purposes (BudCheckRun *run)
{
  GPtrArray *texts = bud_document_items (run->doc, BUD_KIND_TEXT);
  g_autoptr(GArray) classes = NULL;
  g_autoptr(GHashTable) by_key = NULL;

  /* an unknown template is the tables' problem: no 表4, no classes */
  if ((classes = bud_narrative_fiscal_classes (run->doc, run->ctx->tpl, NULL)) == NULL || classes->len == 0)
    return;
  by_key = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < texts->len; i++)
    g_hash_table_insert (by_key, ((BudText *) g_ptr_array_index (texts, i))->key, g_ptr_array_index (texts, i));

  for (guint i = 0; i < classes->len; i++)
    {
      BudNarrativeClass *c = &g_array_index (classes, BudNarrativeClass, i);
      g_autofree char *name = g_strconcat ("purpose.", c->code, NULL);
      /* findings outlive the run and its string pool: the field must be
       * static, and interning one key per class (a few dozen) is */
      const char *key = g_intern_string (name);
      BudText *t = g_hash_table_lookup (by_key, key);

      if (t != NULL && !bud_check_text_blank (t->value))
        continue;
      /* a purpose not written yet has no text: the finding names its key */
      bud_check_emit (run, "text.purpose", BUD_KIND_TEXT, t != NULL ? t->id : 0, t != NULL ? -2 : -1, key,
                      _("Functional class %s “%s” has %s of fiscal appropriations, but the explanatory text does not "
                        "say what it is mainly used for: write its purpose under Texts"),
                      c->code, c->name, bud_check_wan (run, c->amount));
    }
}

void
bud_rules_texts (BudCheckRun *run)
{
  for (BudKind kind = 0; kind < BUD_N_KINDS; kind++)
    {
      GHashTableIter iter;
      gpointer value;

      if (!published (kind) || !has_scanned_field (bud_entity_class (kind)))
        continue;
      update_kind (run, kind);
      /* the final sort puts them in list order: items differ in position,
       * and one item's hits are emitted in field order as a full scan would */
      g_hash_table_iter_init (&iter, run->cache->text_hits[kind]);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        emit_item (run, kind, bud_document_items (run->doc, kind), value);
    }
  check_purposes (run);
}
