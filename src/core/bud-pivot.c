/* bud-pivot.c — the one engine that turns budget lines into disclosure tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each block of a table (one side of 表1, or the whole of 表3) adds every line
 * that passes its scope to the rows its codes (or project, carry-over item,
 * fixed row filters) land in, in every money column whose filter it passes.
 * Rows are then sorted, labelled from the catalog and, where the template
 * says so, zero rows dropped. Nothing here knows a particular table: that is
 * the template's job.
 *
 * The tables are rebuilt after every edit, so the sums are kept between
 * builds, in a cache attached to the document (one per document, for the
 * last template used):
 *
 * - Whether a line passes a filter depends only on its source, kind and
 *   经济分类 code (bud_filter_match_line). Lines sharing those three form a
 *   class; each class is matched against every filter of the template once,
 *   giving one bit mask per block.
 * - The cache remembers, for each line, what it last added (amount, codes,
 *   class, project, carry-over item). A build compares each line with that
 *   record and, for a line that changed, takes the old contribution out and
 *   puts the new one in. A single edit therefore costs one comparison pass
 *   over the lines plus the rows of the output, not a pass per table and
 *   column. Nothing relies on ::changed or on the revision: the comparison
 *   sees every change, however it was made (undo, rollback, reload).
 * - Income rows, catalog-filled rows, carry-over listings, labels and row
 *   order are worked out afresh at each build: they are few, and they depend
 *   on things (names, positions, the catalog) the line records do not hold.
 * - A table none of whose sums changed, while nothing else it shows changed
 *   either (inputs_hash), is the same table as last time: the caller gets
 *   another reference to it. An edit of one line usually touches a few
 *   tables; the others, 表7 with its row per project among them, cost
 *   nothing. Tables are read-only for their users, so sharing is safe.
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bud-pivot.h"

/* Bits of a block's mask for a class: the scope, the total filter, then one
 * per money column, then (fixed lists) one per row. */
#define BIT_SCOPE         0
#define BIT_TOTAL         1
#define BIT_FIRST_COLUMN  2

static const guint code_length[] = { 0, 3, 5, 7 };

typedef struct
{
  char             *key;           /* the row key of bud-table.h */
  char             *code;          /* classification rows: the code at the row's level */
  gint64            project;       /* per-project rows */
  gint64            entity;        /* PROJECTS / CARRYOVERS rows: the entity id, 0 for unassigned */
  BudTableRowKind   kind;
  guint             level;
  const char       *label;         /* fixed rows */
  gint64            n_lines;       /* lines adding to the row now; 0: the row exists only if listed */
  guint             listed;        /* == the build's serial: shown even when zero (catalog, carry-overs) */
  gint              order;         /* set at each build, from positions */
  gint64           *amounts;       /* lines, one per money column of the block */
  gint64           *income;        /* fixed rows and totals: control numbers of this build, or NULL */
} Acc;

typedef struct
{
  const BudTableSpec *spec;
  const BudBlockSpec *block;
  guint               n_money;
  guint              *money_col;   /* block column index of each money column */
  guint               word;        /* first mask word of this block */
  gboolean           *dirty;       /* its table's flag in the cache: a sum changed */
  GHashTable         *rows;        /* key → Acc (owned): every row a line ever made */
  GHashTable         *entities;    /* &Acc.entity → Acc: PROJECTS / CARRYOVERS rows */
  GPtrArray          *by_code;     /* code id × 4 + level → Acc: hierarchy rows, filled on demand */
  GPtrArray          *fixed;       /* FIXED: Acc (owned) in template order */
  Acc                *total;
} Block;

typedef struct
{
  char  *code;
  guint  len;
  guint  schemes;   /* bit (1 << BudScheme): used as a 功能 or 经济 code */
} Code;

typedef struct
{
  gint64  key;       /* source, kind and 经济 code id, packed */
  guint   id;
  guint  *hits;      /* blocks whose scope and at least one column the class passes */
  guint   n_hits;
} Class;

/* What one line added, last build. */
typedef struct
{
  const BudLine *line;   /* identity hint only: values decide */
  gint64         amount;
  gint64         project;
  gint64         carryover;
  int            source;
  int            kind;
  guint          func;   /* code ids */
  guint          econ;
  guint          klass;
} LineState;

typedef struct
{
  BudTemplate  *tpl;
  Block        *blocks;      /* every block of every table, in template order */
  guint         n_blocks;
  guint        *table_first; /* index of each table's first block */
  guint         n_words;     /* mask words per class */
  GHashTable   *code_ids;    /* code → GUINT_TO_POINTER (id + 1) */
  GPtrArray    *codes;       /* Code * */
  GHashTable   *class_ids;   /* &Class.key → Class */
  GPtrArray    *classes;     /* Class *, by id */
  GArray       *masks;       /* guint64, n_words per class */
  LineState    *states;
  guint         n_states;
  guint         serial;      /* counts builds, for Acc.listed */

  /* the tables of the last build, handed out again while nothing they show changed */
  BudTable    **last;
  gboolean     *dirty;
  guint64       inputs;      /* hash of what the tables show besides the lines */
} Cache;

/* What one build needs besides the cache. */
typedef struct
{
  Cache        *cache;
  BudDocument  *doc;
  BudCatalog   *cat;
  GHashTable   *positions;   /* project id → display position + 1, filled on demand */
} Build;

/* The cache is shared by whoever builds tables of a document (the preview,
 * an export in a worker thread): builds take turns. */
static GMutex cache_lock;

/* ---- rows ---- */

static Acc *
acc_new (Block           *b,
         const char      *key,
         BudTableRowKind  kind,
         guint            level,
         gboolean         with_income)
{
  Acc *a = g_new0 (Acc, 1);

  a->key = g_strdup (key);
  a->kind = kind;
  a->level = level;
  a->amounts = g_new0 (gint64, MAX (1, b->n_money));
  if (with_income)
    a->income = g_new0 (gint64, MAX (1, b->n_money));
  return a;
}

static void
acc_free (gpointer data)
{
  Acc *a = data;

  g_free (a->key);
  g_free (a->code);
  g_free (a->amounts);
  g_free (a->income);
  g_free (a);
}

/* The row of @key, made if missing. */
static Acc *
acc_get (Block           *b,
         const char      *key,
         BudTableRowKind  kind,
         guint            level)
{
  Acc *a = g_hash_table_lookup (b->rows, key);

  if (a == NULL)
    {
      a = acc_new (b, key, kind, level, FALSE);
      g_hash_table_insert (b->rows, a->key, a);
    }
  return a;
}

static inline gboolean
mask_test (const guint64 *m,
           guint          bit)
{
  return (m[bit / 64] >> (bit % 64)) & 1;
}

static inline void
mask_set (guint64 *m,
          guint    bit)
{
  m[bit / 64] |= G_GUINT64_CONSTANT (1) << (bit % 64);
}

static void
acc_add (Block         *b,
         Acc           *a,
         const guint64 *m,
         gint64         amount,
         gint64         sign)
{
  for (guint i = 0; i < b->n_money; i++)
    if (mask_test (m, BIT_FIRST_COLUMN + i))
      a->amounts[i] += amount;
  a->n_lines += sign;
  *b->dirty = TRUE;
}

/* Writes a non-negative id in decimal (at most 20 digits and the NUL). */
static void
format_id (char   *out,
           gint64  id)
{
  char digits[24];
  guint n = 0;
  guint64 v = id < 0 ? 0 : (guint64) id;

  do
    digits[n++] = '0' + v % 10;
  while ((v /= 10) > 0);
  while (n > 0)
    *out++ = digits[--n];
  *out = '\0';
}

static BudTableRowKind
level_kind (BudCodeLevel level)
{
  switch (level)
    {
    case BUD_CODE_LEVEL_CLASS:
      return BUD_ROW_CLASS;
    case BUD_CODE_LEVEL_SECTION:
      return BUD_ROW_SECTION;
    case BUD_CODE_LEVEL_ITEM:
    case BUD_CODE_LEVEL_NONE:
    default:
      return BUD_ROW_ITEM;
    }
}

/* ---- blocks ---- */

static void
block_init (Block              *b,
            const BudTableSpec *spec,
            const BudBlockSpec *bs)
{
  b->spec = spec;
  b->block = bs;
  b->money_col = g_new0 (guint, MAX (1, bs->n_columns));
  for (guint i = 0; i < bs->n_columns; i++)
    if (bs->columns[i].role == BUD_COLUMN_ROLE_MONEY)
      b->money_col[b->n_money++] = i;
  b->rows = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, acc_free);
  b->entities = g_hash_table_new (g_int64_hash, g_int64_equal);
  b->by_code = g_ptr_array_new ();
  b->fixed = g_ptr_array_new_with_free_func (acc_free);
  if (bs->total_label)
    b->total = acc_new (b, "total", BUD_ROW_TOTAL, 0, TRUE);

  if (bs->dimension == BUD_DIMENSION_FIXED)
    for (guint r = 0; r < bs->n_rows; r++)
      {
        Acc *a = acc_new (b, bs->rows[r].id, BUD_ROW_FIXED, bs->rows[r].level, TRUE);

        a->label = bs->rows[r].label;
        g_ptr_array_add (b->fixed, a);
      }
}

static guint
block_n_bits (const Block *b)
{
  return BIT_FIRST_COLUMN + b->n_money
         + (b->block->dimension == BUD_DIMENSION_FIXED ? b->block->n_rows : 0);
}

static void
block_clear (Block *b)
{
  g_free (b->money_col);
  g_clear_pointer (&b->entities, g_hash_table_unref);
  g_clear_pointer (&b->rows, g_hash_table_unref);
  g_clear_pointer (&b->by_code, g_ptr_array_unref);
  g_clear_pointer (&b->fixed, g_ptr_array_unref);
  g_clear_pointer (&b->total, acc_free);
}

/* ---- the cache ---- */

static void
code_free (gpointer data)
{
  Code *c = data;

  g_free (c->code);
  g_free (c);
}

static void
class_free (gpointer data)
{
  Class *k = data;

  g_free (k->hits);
  g_free (k);
}

static Cache *
cache_new (BudTemplate *tpl)
{
  Cache *c = g_new0 (Cache, 1);
  guint n_tables = bud_template_get_n_tables (tpl);
  guint k = 0;

  c->tpl = bud_template_ref (tpl);
  c->table_first = g_new0 (guint, n_tables + 1);
  c->last = g_new0 (BudTable *, MAX (1, n_tables));
  c->dirty = g_new0 (gboolean, MAX (1, n_tables));
  for (guint t = 0; t < n_tables; t++)
    c->n_blocks += bud_template_get_table (tpl, t)->n_blocks;
  c->blocks = g_new0 (Block, MAX (1, c->n_blocks));
  for (guint t = 0; t < n_tables; t++)
    {
      const BudTableSpec *spec = bud_template_get_table (tpl, t);

      c->table_first[t] = k;
      for (guint i = 0; i < spec->n_blocks; i++, k++)
        {
          block_init (&c->blocks[k], spec, &spec->blocks[i]);
          c->blocks[k].dirty = &c->dirty[t];
          c->blocks[k].word = c->n_words;
          c->n_words += (block_n_bits (&c->blocks[k]) + 63) / 64;
        }
    }
  c->table_first[n_tables] = k;
  c->code_ids = g_hash_table_new (g_str_hash, g_str_equal);
  c->codes = g_ptr_array_new_with_free_func (code_free);
  c->class_ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  c->classes = g_ptr_array_new_with_free_func (class_free);
  c->masks = g_array_new (FALSE, TRUE, sizeof (guint64));
  return c;
}

static void
cache_free (gpointer data)
{
  Cache *c = data;

  for (guint i = 0; i < c->n_blocks; i++)
    block_clear (&c->blocks[i]);
  g_free (c->blocks);
  for (guint t = 0; t < bud_template_get_n_tables (c->tpl); t++)
    g_clear_pointer (&c->last[t], bud_table_unref);
  g_free (c->last);
  g_free (c->dirty);
  g_free (c->table_first);
  g_hash_table_unref (c->code_ids);
  g_ptr_array_unref (c->codes);
  g_hash_table_unref (c->class_ids);
  g_ptr_array_unref (c->classes);
  g_array_unref (c->masks);
  g_free (c->states);
  bud_template_unref (c->tpl);
  g_free (c);
}

/* The cache of @doc for @tpl; a document built with another template before
 * starts afresh. Called with cache_lock held. */
static Cache *
cache_get (BudDocument *doc,
           BudTemplate *tpl)
{
  static GQuark quark;
  Cache *c;

  if (quark == 0)
    quark = g_quark_from_static_string ("bud-pivot-cache");
  c = g_object_get_qdata (G_OBJECT (doc), quark);
  if (c == NULL || c->tpl != tpl)
    {
      c = cache_new (tpl);
      g_object_set_qdata_full (G_OBJECT (doc), quark, c, cache_free);
    }
  return c;
}

static const char *
code_str (Cache *c,
          guint  id)
{
  return ((Code *) g_ptr_array_index (c->codes, id))->code;
}

static guint
code_intern (Cache      *c,
             const char *code)
{
  gpointer v = g_hash_table_lookup (c->code_ids, code);
  Code *entry;

  if (v != NULL)
    return GPOINTER_TO_UINT (v) - 1;
  entry = g_new0 (Code, 1);
  entry->code = g_strdup (code);
  entry->len = (guint) strlen (code);
  g_ptr_array_add (c->codes, entry);
  g_hash_table_insert (c->code_ids, entry->code, GUINT_TO_POINTER (c->codes->len));
  return c->codes->len - 1;
}

/* The class of (source, kind, 经济 code): matched once against every filter. */
static guint
class_intern (Cache *c,
              int    source,
              int    kind,
              guint  econ)
{
  gint64 key = ((gint64) econ << 32) | ((gint64) (source & 0xffff) << 16) | (kind & 0xffff);
  Class *k = g_hash_table_lookup (c->class_ids, &key);
  BudLine probe = { 0 };
  GArray *hits;
  guint id;

  if (k != NULL)
    return k->id;

  probe.source = source;
  probe.kind = kind;
  probe.econ = (char *) code_str (c, econ);
  id = c->classes->len;
  g_array_set_size (c->masks, (id + 1) * c->n_words);
  hits = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < c->n_blocks; i++)
    {
      Block *b = &c->blocks[i];
      const BudBlockSpec *bs = b->block;
      guint64 *m = &g_array_index (c->masks, guint64, id * c->n_words + b->word);
      gboolean any = FALSE;

      if (bud_filter_match_line (&bs->scope, c->tpl, &probe))
        mask_set (m, BIT_SCOPE);
      if (bs->total_filtered && bud_filter_match_line (&bs->total_filter, c->tpl, &probe))
        mask_set (m, BIT_TOTAL);
      for (guint col = 0; col < b->n_money; col++)
        if (bud_filter_match_line (&bs->columns[b->money_col[col]].filter, c->tpl, &probe))
          {
            mask_set (m, BIT_FIRST_COLUMN + col);
            any = TRUE;
          }
      if (bs->dimension == BUD_DIMENSION_FIXED)
        for (guint r = 0; r < bs->n_rows; r++)
          if (bud_filter_match_line (&bs->rows[r].filter, c->tpl, &probe))
            mask_set (m, BIT_FIRST_COLUMN + b->n_money + r);
      /* a line outside the scope, or in no column, adds nothing to the block */
      if (any && mask_test (m, BIT_SCOPE))
        g_array_append_val (hits, i);
    }
  k = g_new0 (Class, 1);
  k->key = key;
  k->id = id;
  k->n_hits = hits->len;
  k->hits = (guint *) g_array_free (hits, FALSE);
  g_ptr_array_add (c->classes, k);
  g_hash_table_insert (c->class_ids, &k->key, k);
  return id;
}

static void
state_fill (Cache         *c,
            LineState     *s,
            const BudLine *line)
{
  s->line = line;
  s->amount = line->amount;
  s->project = line->project;
  s->carryover = line->carryover;
  s->source = line->source;
  s->kind = line->kind;
  s->func = code_intern (c, line->func);
  s->econ = code_intern (c, line->econ);
  ((Code *) g_ptr_array_index (c->codes, s->func))->schemes |= 1u << BUD_SCHEME_FUNCTIONAL;
  ((Code *) g_ptr_array_index (c->codes, s->econ))->schemes |= 1u << BUD_SCHEME_ECONOMIC;
  s->klass = class_intern (c, s->source, s->kind, s->econ);
}

static gboolean
state_matches (Cache           *c,
               const LineState *s,
               const BudLine   *line)
{
  return s->amount == line->amount && s->source == line->source && s->kind == line->kind &&
         s->project == line->project && s->carryover == line->carryover &&
         strcmp (code_str (c, s->func), line->func) == 0 &&
         strcmp (code_str (c, s->econ), line->econ) == 0;
}

/* ---- adding a line's contribution (sign -1 takes it out again) ---- */

static gboolean
add_hierarchy (Cache           *c,
               Block           *b,
               const LineState *s,
               const guint64   *m,
               gint64           amount,
               gint64           sign)
{
  guint id = b->block->dimension == BUD_DIMENSION_FUNCTIONAL ? s->func : s->econ;
  const Code *code = g_ptr_array_index (c->codes, id);
  gboolean accepted = FALSE;

  for (guint level = BUD_CODE_LEVEL_CLASS; level <= BUD_CODE_LEVEL_ITEM; level++)
    {
      char key[48];
      Acc *a;

      if (!(b->block->levels & (1u << level)) || code->len < code_length[level])
        continue;
      if (b->block->per_project && level == BUD_CODE_LEVEL_ITEM)
        {
          /* rare (表7, changed lines only): a string key is fine */
          memcpy (key, code->code, code_length[level]);
          key[code_length[level]] = '#';
          format_id (key + code_length[level] + 1, s->project);
          a = acc_get (b, key, BUD_ROW_PROJECT, level - 1);
          if (a->code == NULL)
            {
              a->code = g_strndup (code->code, code_length[level]);
              a->project = s->project;
            }
        }
      else
        {
          guint slot = id * 4 + level;

          if (slot >= b->by_code->len)
            g_ptr_array_set_size (b->by_code, (gint) (slot + 1));
          a = g_ptr_array_index (b->by_code, slot);
          if (a == NULL)
            {
              memcpy (key, code->code, code_length[level]);
              key[code_length[level]] = '\0';
              a = acc_get (b, key, level_kind (level), level - 1);
              if (a->code == NULL)
                a->code = g_strdup (key);
              g_ptr_array_index (b->by_code, slot) = a;
            }
        }
      acc_add (b, a, m, amount, sign);
      accepted = TRUE;
    }
  return accepted;
}

static Acc *
entity_acc (Block  *b,
            gint64  id)
{
  Acc *a = g_hash_table_lookup (b->entities, &id);
  gboolean projects = b->block->dimension == BUD_DIMENSION_PROJECTS;
  char key[48];

  if (a != NULL)
    return a;
  if (id == 0)
    g_strlcpy (key, "unassigned", sizeof key);
  else
    format_id (key + g_strlcpy (key, projects ? "project:" : "carryover:", sizeof key), id);
  a = acc_get (b, key, BUD_ROW_ENTRY, 0);
  a->entity = id;
  g_hash_table_insert (b->entities, &a->entity, a);
  return a;
}

static gboolean
add_entity (Block           *b,
            const LineState *s,
            const guint64   *m,
            gint64           amount,
            gint64           sign)
{
  gboolean projects = b->block->dimension == BUD_DIMENSION_PROJECTS;
  gint64 id = projects ? s->project : s->carryover;

  if (id == 0 && !(projects && b->block->unassigned))
    return FALSE;
  acc_add (b, entity_acc (b, id), m, amount, sign);
  return TRUE;
}

static gboolean
add_fixed (Block         *b,
           const guint64 *m,
           gint64         amount,
           gint64         sign)
{
  gboolean accepted = FALSE;

  for (guint r = 0; r < b->fixed->len; r++)
    if (mask_test (m, BIT_FIRST_COLUMN + b->n_money + r))
      {
        acc_add (b, g_ptr_array_index (b->fixed, r), m, amount, sign);
        accepted = TRUE;
      }
  return accepted;
}

static void
apply (Cache           *c,
       const LineState *s,
       gint64           sign)
{
  const Class *k = g_ptr_array_index (c->classes, s->klass);
  const guint64 *class_masks = &g_array_index (c->masks, guint64, s->klass * c->n_words);
  gint64 amount = sign * s->amount;

  for (guint h = 0; h < k->n_hits; h++)
    {
      Block *b = &c->blocks[k->hits[h]];
      const BudBlockSpec *bs = b->block;
      const guint64 *m = class_masks + b->word;
      gboolean accepted;

      switch (bs->dimension)
        {
        case BUD_DIMENSION_FUNCTIONAL:
        case BUD_DIMENSION_ECONOMIC:
          accepted = add_hierarchy (c, b, s, m, amount, sign);
          break;
        case BUD_DIMENSION_PROJECTS:
        case BUD_DIMENSION_CARRYOVERS:
          accepted = add_entity (b, s, m, amount, sign);
          break;
        case BUD_DIMENSION_FIXED:
        default:
          accepted = add_fixed (b, m, amount, sign);
          break;
        }
      if (b->total && (bs->total_filtered ? mask_test (m, BIT_TOTAL) : accepted))
        acc_add (b, b->total, m, amount, sign);
    }
}

static void
replace (Cache         *c,
         LineState     *s,
         const BudLine *line)
{
  apply (c, s, -1);
  state_fill (c, s, line);
  apply (c, s, +1);
}

/* Brings the sums up to date with the document's lines. Lines are matched
 * with their records by position while the list lines up; after an insert,
 * removal or move, the rest is matched by the line itself, so only the lines
 * that really changed are taken out and put back. */
static void
cache_update (Cache       *c,
              BudDocument *doc)
{
  GPtrArray *lines = bud_document_items (doc, BUD_KIND_LINE);
  guint n = lines->len;
  guint i = 0;
  g_autoptr(GHashTable) rest = NULL;
  g_autofree LineState *old = NULL;
  guint n_old;

  for (; i < MIN (n, c->n_states); i++)
    {
      const BudLine *line = g_ptr_array_index (lines, i);
      LineState *s = &c->states[i];

      if (s->line != line)
        break;
      if (!state_matches (c, s, line))
        replace (c, s, line);
    }
  if (i == n && n == c->n_states)
    return;

  n_old = c->n_states - i;
  old = g_memdup2 (c->states + i, n_old * sizeof (LineState));
  rest = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint j = 0; j < n_old; j++)
    g_hash_table_insert (rest, (gpointer) old[j].line, &old[j]);

  c->states = g_renew (LineState, c->states, MAX (n, 1));
  c->n_states = n;
  for (; i < n; i++)
    {
      const BudLine *line = g_ptr_array_index (lines, i);
      LineState *s = &c->states[i];
      LineState *prev = g_hash_table_lookup (rest, line);

      if (prev != NULL)
        {
          *s = *prev;
          g_hash_table_remove (rest, line);
          if (!state_matches (c, s, line))
            replace (c, s, line);
        }
      else
        {
          state_fill (c, s, line);
          apply (c, s, +1);
        }
    }
  /* lines no longer in the document */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, rest);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      apply (c, value, -1);
  }
}

/* ---- what the tables show besides the sums ---- */

/* FNV-1a: not for security, only to notice a change between two builds */
static guint64
hash_bytes (guint64     h,
            const void *data,
            gsize       n)
{
  const guchar *p = data;

  for (gsize i = 0; i < n; i++)
    {
      h ^= p[i];
      h *= G_GUINT64_CONSTANT (0x100000001b3);
    }
  return h;
}

static guint64
hash_str (guint64     h,
          const char *s)
{
  if (s == NULL)
    s = "";
  return hash_bytes (h, s, strlen (s) + 1);
}

static guint64
hash_int (guint64 h,
          gint64  v)
{
  return hash_bytes (h, &v, sizeof v);
}

/* Everything a table shows that the line records do not hold: the
 * department and year, income, the names and order of projects and
 * carry-over items, the names of codes (the catalog, which a user may
 * import into, and the document's own codes). A table whose sums did not
 * change is handed out again only while this stays the same. */
static guint64
inputs_hash (Build *build)
{
  Cache *c = build->cache;
  BudDocument *doc = build->doc;
  BudMeta *meta = bud_document_meta (doc);
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);
  GPtrArray *items;

  h = hash_str (h, meta->department);
  h = hash_int (h, meta->year);

  items = bud_document_items (doc, BUD_KIND_INCOME);
  for (guint i = 0; i < items->len; i++)
    {
      const BudIncome *in = g_ptr_array_index (items, i);

      h = hash_int (h, in->source);
      h = hash_int (h, in->amount);
    }
  items = bud_document_items (doc, BUD_KIND_PROJECT);
  h = hash_int (h, items->len);
  for (guint i = 0; i < items->len; i++)
    {
      const BudProject *p = g_ptr_array_index (items, i);

      h = hash_int (h, p->id);
      h = hash_str (h, p->name);
    }
  items = bud_document_items (doc, BUD_KIND_CARRYOVER);
  h = hash_int (h, items->len);
  for (guint i = 0; i < items->len; i++)
    {
      const BudCarryover *co = g_ptr_array_index (items, i);

      h = hash_int (h, co->id);
      h = hash_str (h, co->name);
    }

  for (BudScheme scheme = BUD_SCHEME_FUNCTIONAL; scheme <= BUD_SCHEME_ECONOMIC; scheme++)
    {
      g_autoptr(GPtrArray) classes = bud_catalog_list (build->cat, scheme, BUD_CODE_LEVEL_CLASS);

      for (guint i = 0; i < classes->len; i++)
        h = hash_str (h, ((const BudCatalogEntry *) g_ptr_array_index (classes, i))->code);
      for (guint i = 0; i < c->codes->len; i++)
        {
          const Code *code = g_ptr_array_index (c->codes, i);

          if (!(code->schemes & (1u << scheme)))
            continue;
          for (guint level = BUD_CODE_LEVEL_CLASS; level <= BUD_CODE_LEVEL_ITEM; level++)
            {
              char prefix[8];

              if (code->len < code_length[level])
                break;
              memcpy (prefix, code->code, code_length[level]);
              prefix[code_length[level]] = '\0';
              h = hash_str (h, bud_catalog_name (build->cat, doc, scheme, prefix));
            }
        }
    }
  return h;
}

/* ---- a build: rows of a block in display order ---- */

/* bud_document_position searches the list; project rows ask once each, but there
 * can be thousands of them (表7), so projects get a map. Carry-over items are few. */
static gint
position_of (Build   *build,
             BudKind  kind,
             gint64   id)
{
  gpointer value;

  if (kind != BUD_KIND_PROJECT)
    return bud_document_position (build->doc, kind, id);
  if (build->positions == NULL)
    {
      GPtrArray *items = bud_document_items (build->doc, BUD_KIND_PROJECT);

      build->positions = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < items->len; i++)
        g_hash_table_insert (build->positions, g_ptr_array_index (items, i), GINT_TO_POINTER (i + 1));
    }
  value = g_hash_table_lookup (build->positions, &id);
  return value ? GPOINTER_TO_INT (value) - 1 : -1;
}

/* Income rows add the control numbers; only the sources of filters apply to them. */
static void
scan_income (Build *build,
             Block *b)
{
  GPtrArray *income = bud_document_items (build->doc, BUD_KIND_INCOME);
  const BudBlockSpec *bs = b->block;
  g_autofree gboolean *hit = g_new0 (gboolean, MAX (1, b->n_money));

  for (guint r = 0; r < b->fixed->len; r++)
    memset (((Acc *) g_ptr_array_index (b->fixed, r))->income, 0, MAX (1, b->n_money) * sizeof (gint64));
  if (b->total)
    memset (b->total->income, 0, MAX (1, b->n_money) * sizeof (gint64));

  for (guint i = 0; i < income->len; i++)
    {
      const BudIncome *inc = g_ptr_array_index (income, i);
      guint32 bit;
      gboolean accepted = FALSE;

      if (inc->source < 0 || inc->source >= BUD_N_SOURCES)
        continue;
      bit = 1u << inc->source;
      if (!(bs->scope.sources & bit))
        continue;
      for (guint c = 0; c < b->n_money; c++)
        hit[c] = (bs->columns[b->money_col[c]].filter.sources & bit) != 0;
      for (guint r = 0; r < bs->n_rows; r++)
        if (bs->rows[r].filter.measure == BUD_MEASURE_INCOME && (bs->rows[r].filter.sources & bit))
          {
            Acc *a = g_ptr_array_index (b->fixed, r);

            for (guint c = 0; c < b->n_money; c++)
              if (hit[c])
                a->income[c] += inc->amount;
            accepted = TRUE;
          }
      if (b->total && (bs->total_filtered
                       ? bs->total_filter.measure == BUD_MEASURE_INCOME && (bs->total_filter.sources & bit)
                       : accepted))
        for (guint c = 0; c < b->n_money; c++)
          if (hit[c])
            b->total->income[c] += inc->amount;
    }
}

/* Rows listed even without money: every catalog 类 (表1, 表4), every carry-over item. */
static void
list_rows (Build *build,
           Block *b)
{
  const BudBlockSpec *bs = b->block;
  guint serial = build->cache->serial;

  if (bs->fill_catalog)
    {
      BudScheme scheme = bs->dimension == BUD_DIMENSION_FUNCTIONAL ? BUD_SCHEME_FUNCTIONAL : BUD_SCHEME_ECONOMIC;
      g_autoptr(GPtrArray) classes = bud_catalog_list (build->cat, scheme, BUD_CODE_LEVEL_CLASS);

      for (guint i = 0; classes && i < classes->len; i++)
        {
          const BudCatalogEntry *e = g_ptr_array_index (classes, i);
          Acc *a = acc_get (b, e->code, BUD_ROW_CLASS, 0);

          if (a->code == NULL)
            a->code = g_strdup (e->code);
          a->listed = serial;
        }
    }

  /* every carry-over item is listed, spent or not, unless zero rows are hidden */
  if (bs->dimension == BUD_DIMENSION_CARRYOVERS && !bs->hide_zero)
    {
      GPtrArray *items = bud_document_items (build->doc, BUD_KIND_CARRYOVER);

      for (guint i = 0; i < items->len; i++)
        entity_acc (b, ((const BudCarryover *) g_ptr_array_index (items, i))->id)->listed = serial;
    }
}

static const gint64 *
acc_amounts (Block     *b,
             const Acc *a,
             gint64    *buffer)
{
  if (a->income == NULL)
    return a->amounts;
  for (guint i = 0; i < b->n_money; i++)
    buffer[i] = a->amounts[i] + a->income[i];
  return buffer;
}

static gboolean
acc_is_zero (Block     *b,
             const Acc *a)
{
  for (guint i = 0; i < b->n_money; i++)
    if (a->amounts[i] != 0 || (a->income && a->income[i] != 0))
      return FALSE;
  return TRUE;
}

static gint
acc_compare (gconstpointer pa,
             gconstpointer pb)
{
  const Acc *a = *(const Acc **) pa;
  const Acc *b = *(const Acc **) pb;
  int c;

  if (a->code && b->code && (c = strcmp (a->code, b->code)) != 0)
    return c;
  return (a->order > b->order) - (a->order < b->order);
}

/* The rows of a block, in display order (the lead and the total are kept apart). */
static GPtrArray *
block_rows (Build *build,
            Block *b)
{
  const BudBlockSpec *bs = b->block;
  guint serial = build->cache->serial;
  GPtrArray *out;
  GHashTableIter iter;
  gpointer value;

  if (bs->dimension == BUD_DIMENSION_FIXED)
    {
      out = g_ptr_array_sized_new (b->fixed->len);
      for (guint r = 0; r < b->fixed->len; r++)
        g_ptr_array_add (out, g_ptr_array_index (b->fixed, r));
      return out;
    }

  out = g_ptr_array_sized_new (g_hash_table_size (b->rows));
  g_hash_table_iter_init (&iter, b->rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Acc *a = value;
      gboolean listed = a->listed == serial;

      /* a row no line reaches any more is gone, unless listed */
      if (a->n_lines == 0 && !listed)
        continue;
      if (!listed && bs->hide_zero && acc_is_zero (b, a))
        continue;
      if (a->kind == BUD_ROW_PROJECT)
        a->order = position_of (build, BUD_KIND_PROJECT, a->project);
      else if (a->kind == BUD_ROW_ENTRY)
        a->order = a->entity == 0 ? G_MAXINT
                 : position_of (build, bs->dimension == BUD_DIMENSION_PROJECTS ? BUD_KIND_PROJECT
                                                                               : BUD_KIND_CARRYOVER,
                                a->entity);
      else
        a->order = -1;
      g_ptr_array_add (out, a);
    }
  g_ptr_array_sort (out, acc_compare);
  return out;
}

/* ---- a build: the table ---- */

static char *
expand (const char  *pattern,
        BudDocument *doc,
        const char  *title)
{
  BudMeta *meta = bud_document_meta (doc);
  g_autofree char *year = g_strdup_printf ("%" PRId64, meta->year);
  GString *s = g_string_new (pattern);

  g_string_replace (s, "{department}", meta->department, 0);
  g_string_replace (s, "{year}", year, 0);
  g_string_replace (s, "{title}", title, 0);
  return g_string_free (s, FALSE);
}

static char *
code_label (Build      *build,
            Block      *b,
            const char *code)
{
  BudScheme scheme = b->block->dimension == BUD_DIMENSION_FUNCTIONAL ? BUD_SCHEME_FUNCTIONAL
                                                                      : BUD_SCHEME_ECONOMIC;
  const char *name = bud_catalog_name (build->cat, build->doc, scheme, code);

  if (name == NULL || *name == '\0')
    return g_strdup (code);
  if (b->block->code_in_label)
    return g_strconcat (code, " ", name, NULL);
  return g_strdup (name);
}

static char *
acc_label (Build     *build,
           Block     *b,
           const Acc *a)
{
  const BudBlockSpec *bs = b->block;

  switch (a->kind)
    {
    case BUD_ROW_TOTAL:
      return g_strdup (bs->total_label);
    case BUD_ROW_LEAD:
      return expand (bs->lead_label, build->doc, b->spec->title);
    case BUD_ROW_FIXED:
      return g_strdup (a->label);
    case BUD_ROW_ENTRY:
      if (a->entity == 0)
        return g_strdup (bs->unassigned);
      if (bs->dimension == BUD_DIMENSION_PROJECTS)
        {
          BudProject *p = bud_document_lookup (build->doc, BUD_KIND_PROJECT, a->entity);
          return g_strdup (p ? p->name : "");
        }
      else
        {
          BudCarryover *co = bud_document_lookup (build->doc, BUD_KIND_CARRYOVER, a->entity);
          return g_strdup (co ? co->name : "");
        }
    case BUD_ROW_CLASS:
    case BUD_ROW_SECTION:
    case BUD_ROW_ITEM:
    case BUD_ROW_PROJECT:
    default:
      return a->code ? code_label (build, b, a->code) : g_strdup ("");
    }
}

/* bud_table_cell_set_text without another copy of a string made for the cell */
static void
cell_take_text (BudTableCell *cell,
                char         *text)
{
  if (text == NULL || *text == '\0')
    {
      bud_table_cell_set_text (cell, NULL);
      g_free (text);
      return;
    }
  g_free (cell->text);
  cell->text = text;
  cell->amount = 0;
  cell->type = BUD_CELL_TEXT;
}

/* Writes a block's part of a table row. */
static void
fill_cells (Build        *build,
            Block        *b,
            BudTable     *table,
            BudTableRow  *row,
            guint         block_index,
            const Acc    *a,
            const gint64 *amounts)
{
  const BudBlockSpec *bs = b->block;
  guint start = table->block_start[block_index];
  guint m = 0;

  bud_table_row_set_key (table, row, block_index, a->kind == BUD_ROW_LEAD ? "lead" : a->key);
  for (guint i = 0; i < bs->n_columns; i++)
    {
      const BudColumnSpec *c = &bs->columns[i];
      BudTableCell *cell = &row->cells[start + i];

      switch (c->role)
        {
        case BUD_COLUMN_ROLE_CODE:
          if (a->code && (a->kind == BUD_ROW_CLASS || a->kind == BUD_ROW_SECTION
                          || a->kind == BUD_ROW_ITEM || a->kind == BUD_ROW_PROJECT)
              && strlen (a->code) >= code_length[c->level])
            {
              guint from = code_length[c->level - 1];
              char part[8];

              memcpy (part, a->code + from, code_length[c->level] - from);
              part[code_length[c->level] - from] = '\0';
              bud_table_cell_set_text (cell, part);
            }
          break;
        case BUD_COLUMN_ROLE_LABEL:
          cell_take_text (cell, acc_label (build, b, a));
          break;
        case BUD_COLUMN_ROLE_PROJECT:
          if (a->kind == BUD_ROW_PROJECT && a->project != 0)
            {
              BudProject *p = bud_document_lookup (build->doc, BUD_KIND_PROJECT, a->project);

              if (p)
                bud_table_cell_set_text (cell, p->name);
            }
          break;
        case BUD_COLUMN_ROLE_MONEY:
        default:
          bud_table_cell_set_money (cell, amounts[m++]);
          break;
        }
    }
}

static gboolean
row_has_money (const BudTableRow *row,
               guint              n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    if (row->cells[i].type == BUD_CELL_MONEY && row->cells[i].amount != 0)
      return TRUE;
  return FALSE;
}

static BudTable *
build_table (Build *build,
             guint  table_index)
{
  Cache *cache = build->cache;
  BudTemplate *tpl = cache->tpl;
  const BudTableSpec *spec = bud_template_get_table (tpl, table_index);
  Block *blocks = &cache->blocks[cache->table_first[table_index]];
  BudMeta *meta = bud_document_meta (build->doc);
  g_autofree GPtrArray **rows = g_new0 (GPtrArray *, spec->n_blocks);
  g_autofree gint64 *buffer = NULL;
  BudTable *table;
  guint n_body = 0, max_money = 1;
  guint col = 0;
  gboolean any_total = FALSE;

  table = bud_table_new (spec->n_columns, spec->n_blocks);
  g_free (table->id);
  table->id = g_strdup (spec->id);
  table->number = spec->number;
  g_free (table->title);
  table->title = g_strdup (spec->title);
  g_free (table->department);
  table->department = g_strdup (meta->department);
  table->year = meta->year;
  table->money_unit = bud_template_get_money_unit (tpl);
  g_free (table->unit_label);
  table->unit_label = g_strdup (bud_template_get_unit_label (tpl));
  table->n_header_rows = spec->n_header_rows;
  for (guint h = 0; h < spec->n_header; h++)
    bud_table_add_header (table, spec->header[h].text, spec->header[h].row, spec->header[h].col,
                          spec->header[h].rowspan, spec->header[h].colspan);

  for (guint k = 0; k < spec->n_blocks; k++)
    {
      Block *b = &blocks[k];
      const BudBlockSpec *bs = b->block;

      table->block_start[k] = col;
      for (guint i = 0; i < bs->n_columns; i++, col++)
        {
          const BudColumnSpec *c = &bs->columns[i];

          table->column_kinds[col] = c->role == BUD_COLUMN_ROLE_CODE ? BUD_COLUMN_CODE
                                   : c->role == BUD_COLUMN_ROLE_MONEY ? BUD_COLUMN_MONEY
                                   : BUD_COLUMN_TEXT;
          g_free (table->column_ids[col]);
          table->column_ids[col] = g_strdup (c->id);
        }

      if (bs->dimension == BUD_DIMENSION_FIXED)
        scan_income (build, b);
      list_rows (build, b);
      rows[k] = block_rows (build, b);
      n_body = MAX (n_body, rows[k]->len + (bs->lead_label ? 1 : 0));
      any_total |= b->total != NULL;
      max_money = MAX (max_money, b->n_money);
    }
  buffer = g_new0 (gint64, max_money);

  for (guint r = 0; r < n_body; r++)
    {
      BudTableRow *row = NULL;

      for (guint k = 0; k < spec->n_blocks; k++)
        {
          Block *b = &blocks[k];
          guint lead = b->block->lead_label ? 1 : 0;
          const Acc *a;
          Acc lead_acc = { 0 };

          if (r < lead)
            {
              lead_acc.kind = BUD_ROW_LEAD;
              lead_acc.key = (char *) "lead";
              a = &lead_acc;
            }
          else if (r - lead < rows[k]->len)
            a = g_ptr_array_index (rows[k], r - lead);
          else
            continue;
          if (row == NULL)
            row = bud_table_append_row (table, a->kind, a->level);
          fill_cells (build, b, table, row, k, a,
                      acc_amounts (b, a->kind == BUD_ROW_LEAD ? b->total : a, buffer));
        }
    }
  if (any_total)
    {
      BudTableRow *row = bud_table_append_row (table, BUD_ROW_TOTAL, 0);

      for (guint k = 0; k < spec->n_blocks; k++)
        if (blocks[k].total)
          fill_cells (build, &blocks[k], table, row, k, blocks[k].total,
                      acc_amounts (&blocks[k], blocks[k].total, buffer));
    }

  table->empty = TRUE;
  for (guint r = 0; r < table->rows->len && table->empty; r++)
    if (row_has_money (g_ptr_array_index (table->rows, r), table->n_columns))
      table->empty = FALSE;
  if (table->empty && spec->empty_statement)
    table->empty_statement = expand (spec->empty_statement, build->doc, spec->title);

  for (guint k = 0; k < spec->n_blocks; k++)
    g_ptr_array_unref (rows[k]);
  return table;
}

static void
build_begin (Build        *build,
             BudTemplate  *tpl,
             BudDocument  *doc,
             BudCatalog   *cat)
{
  guint64 inputs;

  g_mutex_lock (&cache_lock);
  build->doc = doc;
  build->cat = cat ? cat : bud_catalog_get_default ();
  build->positions = NULL;
  build->cache = cache_get (doc, tpl);
  build->cache->serial++;
  cache_update (build->cache, doc);

  inputs = inputs_hash (build);
  if (inputs != build->cache->inputs)
    {
      Cache *c = build->cache;

      c->inputs = inputs;
      for (guint t = 0; t < bud_template_get_n_tables (tpl); t++)
        g_clear_pointer (&c->last[t], bud_table_unref);
    }
}

/* The table as the last build made it if none of its sums changed since, else anew. */
static BudTable *
table_get (Build *build,
           guint  table_index)
{
  Cache *c = build->cache;
  BudTable *table;

  if (c->last[table_index] != NULL && !c->dirty[table_index])
    return bud_table_ref (c->last[table_index]);
  table = build_table (build, table_index);
  g_clear_pointer (&c->last[table_index], bud_table_unref);
  c->last[table_index] = bud_table_ref (table);
  c->dirty[table_index] = FALSE;
  return table;
}

static void
build_end (Build *build)
{
  g_clear_pointer (&build->positions, g_hash_table_unref);
  g_mutex_unlock (&cache_lock);
}

BudTable *
bud_pivot_build (BudTemplate  *tpl,
                 guint         table_index,
                 BudDocument  *doc,
                 BudCatalog   *cat,
                 GError      **error)
{
  Build build;
  BudTable *table;

  g_return_val_if_fail (tpl != NULL, NULL);
  g_return_val_if_fail (BUD_IS_DOCUMENT (doc), NULL);

  if (table_index >= bud_template_get_n_tables (tpl))
    {
      g_set_error (error, BUD_TEMPLATE_ERROR, BUD_TEMPLATE_ERROR_NOT_FOUND,
                   _("Template “%s” has no table %u"), bud_template_get_id (tpl), table_index + 1);
      return NULL;
    }
  build_begin (&build, tpl, doc, cat);
  table = table_get (&build, table_index);
  build_end (&build);
  return table;
}

GPtrArray *
bud_pivot_build_all (BudTemplate  *tpl,
                     BudDocument  *doc,
                     BudCatalog   *cat,
                     GError      **error)
{
  GPtrArray *tables;
  Build build;
  guint n;

  g_return_val_if_fail (tpl != NULL, NULL);
  g_return_val_if_fail (BUD_IS_DOCUMENT (doc), NULL);

  n = bud_template_get_n_tables (tpl);
  tables = g_ptr_array_new_full (n, (GDestroyNotify) bud_table_unref);
  build_begin (&build, tpl, doc, cat);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (tables, table_get (&build, i));
  build_end (&build);
  return tables;
}
