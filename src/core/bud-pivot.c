/* bud-pivot.c — the one engine that turns budget lines into disclosure tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A block of a table (one side of 表1, or the whole of 表3) is built in one
 * pass over the lines: each line that passes the block's scope adds its amount
 * to the rows its codes (or project, carry-over item, fixed row filters) land
 * in, in every money column whose filter it passes. Rows are then sorted,
 * labelled from the catalog and, where the template says so, zero rows dropped.
 * Nothing here knows a particular table: that is the template's job.
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bud-pivot.h"

typedef struct
{
  char             *key;       /* the row key of bud-table.h */
  char             *code;      /* classification rows: the code at the row's level */
  gint64            project;   /* per-project rows */
  gint64            entity;    /* PROJECTS / CARRYOVERS rows: the entity id, 0 for unassigned */
  gint              order;     /* tie-break / order for rows that are not codes */
  BudTableRowKind   kind;
  guint             level;
  gboolean          always;    /* shown even when zero (catalog fill, fixed lists) */
  gboolean          placed;    /* code/entity/order set */
  const char       *label;     /* fixed rows */
  gint64           *amounts;   /* one per money column of the block */
} Acc;

typedef struct
{
  BudTemplate        *tpl;
  const BudTableSpec *spec;
  const BudBlockSpec *block;
  BudDocument        *doc;
  BudCatalog         *cat;
  guint               n_money;
  guint              *money_col;   /* block column index of each money column */
  GHashTable         *rows;        /* key → Acc (owned) */
  GPtrArray          *fixed;       /* FIXED: Acc in template order */
  Acc                *total;
  gboolean           *hit;         /* scratch: money columns a line passes */
  GHashTable         *positions;   /* project id → display position, filled on demand */
} Block;

/* bud_document_position searches the list; project rows ask once each, but there
 * can be thousands of them (表7), so projects get a map. Carry-over items are few. */
static gint
position_of (Block   *b,
             BudKind  kind,
             gint64   id)
{
  gpointer value;

  if (kind != BUD_KIND_PROJECT)
    return bud_document_position (b->doc, kind, id);
  if (b->positions == NULL)
    {
      GPtrArray *items = bud_document_items (b->doc, BUD_KIND_PROJECT);

      b->positions = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < items->len; i++)
        g_hash_table_insert (b->positions, g_ptr_array_index (items, i), GINT_TO_POINTER (i + 1));
    }
  value = g_hash_table_lookup (b->positions, &id);
  return value ? GPOINTER_TO_INT (value) - 1 : -1;
}

static Acc *
acc_new (Block           *b,
         const char      *key,
         BudTableRowKind  kind,
         guint            level)
{
  Acc *a = g_new0 (Acc, 1);

  a->key = g_strdup (key);
  a->kind = kind;
  a->level = level;
  a->amounts = g_new0 (gint64, MAX (1, b->n_money));
  return a;
}

static void
acc_free (gpointer data)
{
  Acc *a = data;

  g_free (a->key);
  g_free (a->code);
  g_free (a->amounts);
  g_free (a);
}

static Acc *
acc_get (Block           *b,
         const char      *key,
         BudTableRowKind  kind,
         guint            level)
{
  Acc *a = g_hash_table_lookup (b->rows, key);

  if (a == NULL)
    {
      a = acc_new (b, key, kind, level);
      g_hash_table_insert (b->rows, a->key, a);
    }
  return a;
}

static void
acc_add (Block  *b,
         Acc    *a,
         gint64  amount)
{
  for (guint i = 0; i < b->n_money; i++)
    if (b->hit[i])
      a->amounts[i] += amount;
}

static const guint code_length[] = { 0, 3, 5, 7 };

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

/* Adds a line to the rows of a classification hierarchy; FALSE if its code is
 * too short for any level shown. */
static gboolean
add_hierarchy (Block         *b,
               const BudLine *line)
{
  const char *code = b->block->dimension == BUD_DIMENSION_FUNCTIONAL ? line->func : line->econ;
  gsize len = strlen (code);
  gboolean accepted = FALSE;

  for (guint level = BUD_CODE_LEVEL_CLASS; level <= BUD_CODE_LEVEL_ITEM; level++)
    {
      char key[48];
      gboolean per_project;
      Acc *a;

      if (!(b->block->levels & (1u << level)) || len < code_length[level])
        continue;
      per_project = b->block->per_project && level == BUD_CODE_LEVEL_ITEM;
      /* this runs for every line of every table: no printf */
      memcpy (key, code, code_length[level]);
      key[code_length[level]] = '\0';
      if (per_project)
        {
          key[code_length[level]] = '#';
          format_id (key + code_length[level] + 1, line->project);
        }
      a = acc_get (b, key, per_project ? BUD_ROW_PROJECT : level_kind (level), level - 1);
      if (!a->placed)
        {
          a->placed = TRUE;
          a->code = g_strndup (code, code_length[level]);
          a->project = per_project ? line->project : 0;
          a->order = per_project ? position_of (b, BUD_KIND_PROJECT, line->project) : -1;
        }
      acc_add (b, a, line->amount);
      accepted = TRUE;
    }
  return accepted;
}

static gboolean
add_entity (Block         *b,
            const BudLine *line)
{
  gboolean projects = b->block->dimension == BUD_DIMENSION_PROJECTS;
  gint64 id = projects ? line->project : line->carryover;
  char key[48];
  Acc *a;

  if (id == 0 && !(projects && b->block->unassigned))
    return FALSE;
  if (id == 0)
    g_strlcpy (key, "unassigned", sizeof key);
  else
    {
      gsize n = g_strlcpy (key, projects ? "project:" : "carryover:", sizeof key);

      format_id (key + n, id);
    }
  a = acc_get (b, key, BUD_ROW_ENTRY, 0);
  if (!a->placed)
    {
      a->placed = TRUE;
      a->entity = id;
      a->order = id == 0 ? G_MAXINT
                         : position_of (b, projects ? BUD_KIND_PROJECT : BUD_KIND_CARRYOVER, id);
    }
  acc_add (b, a, line->amount);
  return TRUE;
}

static gboolean
add_fixed_line (Block         *b,
                const BudLine *line)
{
  gboolean accepted = FALSE;

  for (guint r = 0; r < b->block->n_rows; r++)
    if (bud_filter_match_line (&b->block->rows[r].filter, b->tpl, line))
      {
        acc_add (b, g_ptr_array_index (b->fixed, r), line->amount);
        accepted = TRUE;
      }
  return accepted;
}

static void
scan_lines (Block *b)
{
  GPtrArray *lines = bud_document_items (b->doc, BUD_KIND_LINE);
  const BudBlockSpec *bs = b->block;

  for (guint i = 0; i < lines->len; i++)
    {
      const BudLine *line = g_ptr_array_index (lines, i);
      gboolean any = FALSE;
      gboolean accepted;

      if (!bud_filter_match_line (&bs->scope, b->tpl, line))
        continue;
      for (guint c = 0; c < b->n_money; c++)
        any |= b->hit[c] = bud_filter_match_line (&bs->columns[b->money_col[c]].filter, b->tpl, line);
      if (!any)
        continue;

      switch (bs->dimension)
        {
        case BUD_DIMENSION_FUNCTIONAL:
        case BUD_DIMENSION_ECONOMIC:
          accepted = add_hierarchy (b, line);
          break;
        case BUD_DIMENSION_PROJECTS:
        case BUD_DIMENSION_CARRYOVERS:
          accepted = add_entity (b, line);
          break;
        case BUD_DIMENSION_FIXED:
        default:
          accepted = add_fixed_line (b, line);
          break;
        }
      if (b->total && (bs->total_filtered ? bud_filter_match_line (&bs->total_filter, b->tpl, line) : accepted))
        acc_add (b, b->total, line->amount);
    }
}

/* Income rows add the control numbers; only the sources of filters apply to them. */
static void
scan_income (Block *b)
{
  GPtrArray *income = bud_document_items (b->doc, BUD_KIND_INCOME);
  const BudBlockSpec *bs = b->block;

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
        b->hit[c] = (bs->columns[b->money_col[c]].filter.sources & bit) != 0;
      for (guint r = 0; r < bs->n_rows; r++)
        if (bs->rows[r].filter.measure == BUD_MEASURE_INCOME && (bs->rows[r].filter.sources & bit))
          {
            acc_add (b, g_ptr_array_index (b->fixed, r), inc->amount);
            accepted = TRUE;
          }
      if (b->total && (bs->total_filtered
                       ? bs->total_filter.measure == BUD_MEASURE_INCOME && (bs->total_filter.sources & bit)
                       : accepted))
        acc_add (b, b->total, inc->amount);
    }
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

static gboolean
acc_is_zero (Block     *b,
             const Acc *a)
{
  for (guint i = 0; i < b->n_money; i++)
    if (a->amounts[i] != 0)
      return FALSE;
  return TRUE;
}

/* The rows of a block, in display order, lead first (the total is kept apart). */
static GPtrArray *
block_rows (Block *b)
{
  const BudBlockSpec *bs = b->block;
  GPtrArray *out = g_ptr_array_new ();
  g_autoptr(GPtrArray) sorted = NULL;
  GHashTableIter iter;
  gpointer value;

  if (bs->dimension == BUD_DIMENSION_FIXED)
    {
      for (guint r = 0; r < b->fixed->len; r++)
        g_ptr_array_add (out, g_ptr_array_index (b->fixed, r));
      return out;
    }

  sorted = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, b->rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Acc *a = value;

      if (!a->always && bs->hide_zero && acc_is_zero (b, a))
        continue;
      g_ptr_array_add (sorted, a);
    }
  g_ptr_array_sort (sorted, acc_compare);
  for (guint i = 0; i < sorted->len; i++)
    g_ptr_array_add (out, g_ptr_array_index (sorted, i));
  return out;
}

static void
block_prepare (Block *b)
{
  const BudBlockSpec *bs = b->block;

  b->money_col = g_new0 (guint, MAX (1, bs->n_columns));
  for (guint i = 0; i < bs->n_columns; i++)
    if (bs->columns[i].role == BUD_COLUMN_ROLE_MONEY)
      b->money_col[b->n_money++] = i;
  b->hit = g_new0 (gboolean, MAX (1, b->n_money));
  b->rows = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, acc_free);
  b->fixed = g_ptr_array_new_with_free_func (acc_free);
  if (bs->total_label)
    b->total = acc_new (b, "total", BUD_ROW_TOTAL, 0);

  if (bs->dimension == BUD_DIMENSION_FIXED)
    for (guint r = 0; r < bs->n_rows; r++)
      {
        Acc *a = acc_new (b, bs->rows[r].id, BUD_ROW_FIXED, bs->rows[r].level);

        a->label = bs->rows[r].label;
        a->always = TRUE;
        g_ptr_array_add (b->fixed, a);
      }

  if (bs->fill_catalog)
    {
      BudScheme scheme = bs->dimension == BUD_DIMENSION_FUNCTIONAL ? BUD_SCHEME_FUNCTIONAL : BUD_SCHEME_ECONOMIC;
      g_autoptr(GPtrArray) classes = bud_catalog_list (b->cat, scheme, BUD_CODE_LEVEL_CLASS);

      for (guint i = 0; classes && i < classes->len; i++)
        {
          const BudCatalogEntry *e = g_ptr_array_index (classes, i);
          Acc *a = acc_get (b, e->code, BUD_ROW_CLASS, 0);

          a->code = g_strdup (e->code);
          a->order = -1;
          a->always = TRUE;
          a->placed = TRUE;
        }
    }

  /* every carry-over item is listed, spent or not, unless zero rows are hidden */
  if (bs->dimension == BUD_DIMENSION_CARRYOVERS && !bs->hide_zero)
    {
      GPtrArray *items = bud_document_items (b->doc, BUD_KIND_CARRYOVER);

      for (guint i = 0; i < items->len; i++)
        {
          const BudCarryover *co = g_ptr_array_index (items, i);
          char key[48];
          Acc *a;

          g_snprintf (key, sizeof key, "carryover:%" PRId64, co->id);
          a = acc_get (b, key, BUD_ROW_ENTRY, 0);
          a->entity = co->id;
          a->order = i;
          a->always = TRUE;
          a->placed = TRUE;
        }
    }
}

static void
block_clear (Block *b)
{
  g_free (b->money_col);
  g_free (b->hit);
  g_clear_pointer (&b->rows, g_hash_table_unref);
  g_clear_pointer (&b->fixed, g_ptr_array_unref);
  g_clear_pointer (&b->total, acc_free);
  g_clear_pointer (&b->positions, g_hash_table_unref);
}

static char *
expand (const char *pattern,
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
code_label (Block      *b,
            const char *code)
{
  BudScheme scheme = b->block->dimension == BUD_DIMENSION_FUNCTIONAL ? BUD_SCHEME_FUNCTIONAL
                                                                      : BUD_SCHEME_ECONOMIC;
  const char *name = bud_catalog_name (b->cat, b->doc, scheme, code);

  if (name == NULL || *name == '\0')
    return g_strdup (code);
  if (b->block->code_in_label)
    return g_strconcat (code, " ", name, NULL);
  return g_strdup (name);
}

static char *
acc_label (Block     *b,
           const Acc *a)
{
  const BudBlockSpec *bs = b->block;

  switch (a->kind)
    {
    case BUD_ROW_TOTAL:
      return g_strdup (bs->total_label);
    case BUD_ROW_LEAD:
      return expand (bs->lead_label, b->doc, b->spec->title);
    case BUD_ROW_FIXED:
      return g_strdup (a->label);
    case BUD_ROW_ENTRY:
      if (a->entity == 0)
        return g_strdup (bs->unassigned);
      if (bs->dimension == BUD_DIMENSION_PROJECTS)
        {
          BudProject *p = bud_document_lookup (b->doc, BUD_KIND_PROJECT, a->entity);
          return g_strdup (p ? p->name : "");
        }
      else
        {
          BudCarryover *co = bud_document_lookup (b->doc, BUD_KIND_CARRYOVER, a->entity);
          return g_strdup (co ? co->name : "");
        }
    case BUD_ROW_CLASS:
    case BUD_ROW_SECTION:
    case BUD_ROW_ITEM:
    case BUD_ROW_PROJECT:
    default:
      return a->code ? code_label (b, a->code) : g_strdup ("");
    }
}

/* Writes a block's part of a table row. */
static void
fill_cells (Block       *b,
            BudTable    *table,
            BudTableRow *row,
            guint        block_index,
            const Acc   *a,
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
              g_autofree char *part = g_strndup (a->code + from, code_length[c->level] - from);

              bud_table_cell_set_text (cell, part);
            }
          break;
        case BUD_COLUMN_ROLE_LABEL:
          {
            g_autofree char *label = acc_label (b, a);

            bud_table_cell_set_text (cell, label);
          }
          break;
        case BUD_COLUMN_ROLE_PROJECT:
          if (a->kind == BUD_ROW_PROJECT && a->project != 0)
            {
              BudProject *p = bud_document_lookup (b->doc, BUD_KIND_PROJECT, a->project);

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

BudTable *
bud_pivot_build (BudTemplate  *tpl,
                 guint         table_index,
                 BudDocument  *doc,
                 BudCatalog   *cat,
                 GError      **error)
{
  const BudTableSpec *spec;
  BudMeta *meta;
  BudTable *table;
  Block *blocks;
  GPtrArray **rows;
  guint n_body = 0;
  guint col = 0;
  gboolean any_total = FALSE;

  g_return_val_if_fail (tpl != NULL, NULL);
  g_return_val_if_fail (BUD_IS_DOCUMENT (doc), NULL);

  if (table_index >= bud_template_get_n_tables (tpl))
    {
      g_set_error (error, BUD_TEMPLATE_ERROR, BUD_TEMPLATE_ERROR_NOT_FOUND,
                   _("Template “%s” has no table %u"), bud_template_get_id (tpl), table_index + 1);
      return NULL;
    }
  if (cat == NULL)
    cat = bud_catalog_get_default ();
  spec = bud_template_get_table (tpl, table_index);
  meta = bud_document_meta (doc);

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

  blocks = g_new0 (Block, spec->n_blocks);
  rows = g_new0 (GPtrArray *, spec->n_blocks);
  for (guint k = 0; k < spec->n_blocks; k++)
    {
      Block *b = &blocks[k];
      const BudBlockSpec *bs = &spec->blocks[k];

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

      b->tpl = tpl;
      b->spec = spec;
      b->block = bs;
      b->doc = doc;
      b->cat = cat;
      block_prepare (b);
      scan_lines (b);
      if (bs->dimension == BUD_DIMENSION_FIXED)
        scan_income (b);
      rows[k] = block_rows (b);
      n_body = MAX (n_body, rows[k]->len + (bs->lead_label ? 1 : 0));
      any_total |= b->total != NULL;
    }

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
          fill_cells (b, table, row, k, a, a->kind == BUD_ROW_LEAD ? b->total->amounts : a->amounts);
        }
    }
  if (any_total)
    {
      BudTableRow *row = bud_table_append_row (table, BUD_ROW_TOTAL, 0);

      for (guint k = 0; k < spec->n_blocks; k++)
        if (blocks[k].total)
          fill_cells (&blocks[k], table, row, k, blocks[k].total, blocks[k].total->amounts);
    }

  table->empty = TRUE;
  for (guint r = 0; r < table->rows->len && table->empty; r++)
    if (row_has_money (g_ptr_array_index (table->rows, r), table->n_columns))
      table->empty = FALSE;
  if (table->empty && spec->empty_statement)
    table->empty_statement = expand (spec->empty_statement, doc, spec->title);

  for (guint k = 0; k < spec->n_blocks; k++)
    {
      g_ptr_array_unref (rows[k]);
      block_clear (&blocks[k]);
    }
  g_free (rows);
  g_free (blocks);
  return table;
}

GPtrArray *
bud_pivot_build_all (BudTemplate  *tpl,
                     BudDocument  *doc,
                     BudCatalog   *cat,
                     GError      **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify) bud_table_unref);

  g_return_val_if_fail (tpl != NULL, NULL);
  g_return_val_if_fail (BUD_IS_DOCUMENT (doc), NULL);

  for (guint i = 0; i < bud_template_get_n_tables (tpl); i++)
    {
      BudTable *t = bud_pivot_build (tpl, i, doc, cat, error);

      if (t == NULL)
        return NULL;
      g_ptr_array_add (tables, t);
    }
  return g_steal_pointer (&tables);
}
