/* bud-diff.c — fields, table cells and narrative sections that changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "bud-check.h"
#include "bud-diff.h"
#include "bud-money.h"
#include "bud-narrative.h"
#include "bud-pivot.h"

static void
diff_field_free (gpointer data)
{
  BudDiffField *f = data;

  g_free (f->where);
  g_free (f->old_value);
  g_free (f->new_value);
  g_free (f);
}

static void
diff_cell_free (gpointer data)
{
  BudDiffCell *c = data;

  g_free (c->table_id);
  g_free (c->table_title);
  g_free (c->row_key);
  g_free (c->row_label);
  g_free (c->column_id);
  g_free (c->column_label);
  g_free (c);
}

static void
diff_section_free (gpointer data)
{
  BudDiffSection *s = data;

  g_free (s->id);
  g_free (s->title);
  g_free (s->old_body);
  g_free (s->new_body);
  g_free (s);
}

void
bud_diff_free (BudDiff *diff)
{
  if (diff == NULL)
    return;
  g_ptr_array_unref (diff->fields);
  g_ptr_array_unref (diff->cells);
  g_ptr_array_unref (diff->sections);
  g_free (diff);
}

gboolean
bud_diff_is_empty (BudDiff *diff)
{
  g_return_val_if_fail (diff != NULL, TRUE);
  return diff->fields->len == 0 && diff->cells->len == 0 && diff->sections->len == 0;
}

char *
bud_diff_format_money (gint64 fen)
{
  g_autofree char *s = bud_money_format (fen, BUD_MONEY_YUAN, BUD_MONEY_FORMAT_GROUPING);
  return g_strdup_printf ("%s 元", s);
}

/* ---- fields ---- */

static gboolean
is_review_record (BudKind kind)
{
  return kind == BUD_KIND_COMMENT || kind == BUD_KIND_SNAPSHOT || kind == BUD_KIND_STATUS_CHANGE;
}

static char *
format_value (gconstpointer   entity,
              const BudField *f)
{
  gint64 v;

  if (f->type == BUD_FIELD_TEXT)
    return g_strdup (bud_field_get_text (entity, f));
  v = bud_field_get_int (entity, f);
  switch (f->type)
    {
    case BUD_FIELD_FIXED2:
      return (f->flags & BUD_FIELD_MONEY) ? bud_diff_format_money (v) : bud_fixed2_format (v);
    case BUD_FIELD_BOOL:
      return g_strdup (v ? _("yes") : _("no"));
    case BUD_FIELD_ENUM:
      return g_strdup (f->enum_values[v]);
    case BUD_FIELD_REF:
      return v ? g_strdup_printf ("#%" PRId64, v) : g_strdup ("—");
    case BUD_FIELD_INT:
    case BUD_FIELD_TEXT:
    default:
      return g_strdup_printf ("%" PRId64, v);
    }
}

static gboolean
field_equal (gconstpointer   a,
             gconstpointer   b,
             const BudField *f)
{
  if (f->type == BUD_FIELD_TEXT)
    return strcmp (bud_field_get_text (a, f), bud_field_get_text (b, f)) == 0;
  return bud_field_get_int (a, f) == bud_field_get_int (b, f);
}

static char *
describe (BudDocument    *doc,
          BudKind         kind,
          gint64          id,
          const BudField *field)
{
  BudFinding f = { 0 };

  f.kind = kind;
  f.id = id;
  f.field = field ? field->name : NULL;
  return bud_finding_describe_location (doc, &f);
}

static void
add_field (BudDiff     *diff,
           BudDiffType  type,
           BudKind      kind,
           gint64       id,
           const BudField *field,
           char        *where,
           char        *old_value,
           char        *new_value)
{
  BudDiffField *f = g_new0 (BudDiffField, 1);

  f->type = type;
  f->kind = kind;
  f->id = id;
  f->field = field ? field->name : NULL;
  f->where = where;
  f->old_value = old_value;
  f->new_value = new_value;
  g_ptr_array_add (diff->fields, f);
}

/* A whole row shown in one line: its fields that are not empty. */
static char *
summarize_row (gconstpointer          entity,
               const BudEntityClass  *klass)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const BudField *f = &klass->fields[i];
      g_autofree char *v = NULL;

      if (f->type == BUD_FIELD_TEXT ? bud_field_get_text (entity, f)[0] == '\0'
                                    : (bud_field_get_int (entity, f) == 0 && f->type != BUD_FIELD_ENUM))
        continue;
      v = format_value (entity, f);
      g_string_append_printf (s, "%s%s: %s", s->len ? "; " : "", f->name, v);
    }
  return g_string_free (s, FALSE);
}

static void
diff_fields (BudDiff     *diff,
             BudDocument *old_doc,
             BudDocument *new_doc)
{
  for (guint k = 0; k < BUD_N_KINDS; k++)
    {
      const BudEntityClass *klass = bud_entity_class (k);
      GPtrArray *old_items = bud_document_items (old_doc, k);
      GPtrArray *new_items = bud_document_items (new_doc, k);

      if (is_review_record (k))
        continue;
      for (guint i = 0; i < new_items->len; i++)
        {
          gconstpointer ne = g_ptr_array_index (new_items, i);
          gint64 id = *(const gint64 *) ne;
          gconstpointer oe = bud_document_lookup (old_doc, k, id);

          if (oe == NULL)
            {
              add_field (diff, BUD_DIFF_ADDED, k, id, NULL, describe (new_doc, k, id, NULL),
                         NULL, summarize_row (ne, klass));
              continue;
            }
          for (guint fi = 0; fi < klass->n_fields; fi++)
            {
              const BudField *f = &klass->fields[fi];

              if (k == BUD_KIND_META && strcmp (f->name, "status") == 0)
                continue;
              if (field_equal (oe, ne, f))
                continue;
              add_field (diff, BUD_DIFF_CHANGED, k, id, f, describe (new_doc, k, id, f),
                         format_value (oe, f), format_value (ne, f));
            }
        }
      for (guint i = 0; i < old_items->len; i++)
        {
          gconstpointer oe = g_ptr_array_index (old_items, i);
          gint64 id = *(const gint64 *) oe;

          if (bud_document_lookup (new_doc, k, id) == NULL)
            add_field (diff, BUD_DIFF_REMOVED, k, id, NULL, describe (old_doc, k, id, NULL),
                       summarize_row (oe, klass), NULL);
        }
    }
}

/* ---- table cells ---- */

typedef struct {
  BudTable    *table;
  BudTableRow *row;
  guint        column;
  guint        order;
} CellRef;

static char *
column_label (BudTable *t,
              guint     column)
{
  for (guint i = 0; i < t->header->len; i++)
    {
      BudTableHeaderCell *h = g_ptr_array_index (t->header, i);

      if (h->row + h->rowspan == t->n_header_rows && h->col <= column && column < h->col + h->colspan)
        return g_strdup (h->text);
    }
  return g_strdup (t->column_ids[column]);
}

static char *
row_label (BudTable    *t,
           BudTableRow *row,
           guint        column)
{
  guint block = bud_table_column_block (t, column);
  guint start = t->block_start[block];
  guint end = block + 1 < t->n_blocks ? t->block_start[block + 1] : t->n_columns;
  GString *s = g_string_new (NULL);

  for (guint c = start; c < end; c++)
    if (t->column_kinds[c] != BUD_COLUMN_MONEY && row->cells[c].type == BUD_CELL_TEXT &&
        row->cells[c].text && row->cells[c].text[0])
      g_string_append_printf (s, "%s%s", s->len ? " " : "", row->cells[c].text);
  return g_string_free (s, FALSE);
}

/* Key "row key \x1f column id", with "#n" on a repeated row key so that
 * every cell has one. */
static GHashTable *
index_cells (BudTable *t)
{
  GHashTable *cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint order = 0;

  for (guint r = 0; r < t->rows->len; r++)
    {
      BudTableRow *row = g_ptr_array_index (t->rows, r);

      for (guint c = 0; c < t->n_columns; c++)
        {
          guint block;
          char *key;
          CellRef *ref;

          if (t->column_kinds[c] != BUD_COLUMN_MONEY)
            continue;
          block = bud_table_column_block (t, c);
          if (row->keys[block] == NULL || row->keys[block][0] == '\0')
            continue;
          key = g_strdup_printf ("%s\x1f%s\x1f%u", row->keys[block], t->column_ids[c], c);
          for (guint n = 2; g_hash_table_contains (cells, key); n++)
            {
              g_free (key);
              key = g_strdup_printf ("%s#%u\x1f%s\x1f%u", row->keys[block], n, t->column_ids[c], c);
            }
          ref = g_new0 (CellRef, 1);
          ref->table = t;
          ref->row = row;
          ref->column = c;
          ref->order = order++;
          g_hash_table_insert (cells, key, ref);
        }
    }
  return cells;
}

static void
add_cell (BudDiff  *diff,
          CellRef  *old_ref,
          CellRef  *new_ref,
          const char *key)
{
  CellRef *ref = new_ref ? new_ref : old_ref;
  BudTable *t = ref->table;
  BudDiffCell *c = g_new0 (BudDiffCell, 1);
  const char *sep = strchr (key, '\x1f');

  c->table_id = g_strdup (t->id);
  c->number = t->number;
  c->table_title = g_strdup (t->title);
  c->row_key = g_strndup (key, sep - key);
  c->row_label = row_label (t, ref->row, ref->column);
  c->column_id = g_strdup (t->column_ids[ref->column]);
  c->column_label = column_label (t, ref->column);
  c->old_present = old_ref != NULL;
  c->new_present = new_ref != NULL;
  c->old_amount = old_ref ? old_ref->row->cells[old_ref->column].amount : 0;
  c->new_amount = new_ref ? new_ref->row->cells[new_ref->column].amount : 0;
  g_ptr_array_add (diff->cells, c);
}

static gint
compare_cell_order (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  GHashTable *order = user_data;
  guint oa = GPOINTER_TO_UINT (g_hash_table_lookup (order, *(gpointer *) a));
  guint ob = GPOINTER_TO_UINT (g_hash_table_lookup (order, *(gpointer *) b));

  return oa < ob ? -1 : oa > ob;
}

static void
diff_table (BudDiff  *diff,
            BudTable *old_t,
            BudTable *new_t)
{
  g_autoptr(GHashTable) old_cells = old_t ? index_cells (old_t) : NULL;
  g_autoptr(GHashTable) new_cells = new_t ? index_cells (new_t) : NULL;
  g_autoptr(GHashTable) order = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GHashTableIter it;
  gpointer key, value;

  /* new rows in their order, then the rows that are gone after them */
  if (new_cells)
    {
      g_hash_table_iter_init (&it, new_cells);
      while (g_hash_table_iter_next (&it, &key, &value))
        {
          CellRef *o = old_cells ? g_hash_table_lookup (old_cells, key) : NULL;
          CellRef *n = value;

          if (o && o->row->cells[o->column].amount == n->row->cells[n->column].amount)
            continue;
          g_ptr_array_add (keys, key);
          g_hash_table_insert (order, key, GUINT_TO_POINTER (n->order));
        }
    }
  if (old_cells)
    {
      g_hash_table_iter_init (&it, old_cells);
      while (g_hash_table_iter_next (&it, &key, &value))
        if (new_cells == NULL || !g_hash_table_contains (new_cells, key))
          {
            g_ptr_array_add (keys, key);
            g_hash_table_insert (order, key, GUINT_TO_POINTER (G_MAXUINT / 2 + ((CellRef *) value)->order));
          }
    }
  g_ptr_array_sort_with_data (keys, compare_cell_order, order);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *k = g_ptr_array_index (keys, i);
      add_cell (diff, old_cells ? g_hash_table_lookup (old_cells, k) : NULL,
                new_cells ? g_hash_table_lookup (new_cells, k) : NULL, k);
    }
}

static BudTable *
find_table (GPtrArray  *tables,
            const char *id)
{
  for (guint i = 0; i < tables->len; i++)
    {
      BudTable *t = g_ptr_array_index (tables, i);
      if (g_strcmp0 (t->id, id) == 0)
        return t;
    }
  return NULL;
}

static void
diff_tables (BudDiff   *diff,
             GPtrArray *old_tables,
             GPtrArray *new_tables)
{
  for (guint i = 0; i < new_tables->len; i++)
    {
      BudTable *t = g_ptr_array_index (new_tables, i);
      diff_table (diff, find_table (old_tables, t->id), t);
    }
  for (guint i = 0; i < old_tables->len; i++)
    {
      BudTable *t = g_ptr_array_index (old_tables, i);
      if (find_table (new_tables, t->id) == NULL)
        diff_table (diff, t, NULL);
    }
}

/* ---- narrative ---- */

static BudNarrativeSection *
find_section (GPtrArray  *sections,
              const char *id)
{
  for (guint i = 0; i < sections->len; i++)
    {
      BudNarrativeSection *s = g_ptr_array_index (sections, i);
      if (strcmp (s->id, id) == 0)
        return s;
    }
  return NULL;
}

static void
add_section (BudDiff                   *diff,
             const BudNarrativeSection *old_s,
             const BudNarrativeSection *new_s)
{
  BudDiffSection *d = g_new0 (BudDiffSection, 1);
  const BudNarrativeSection *s = new_s ? new_s : old_s;

  d->id = g_strdup (s->id);
  d->title = g_strdup (s->title);
  d->old_body = old_s ? g_strdup (old_s->body) : NULL;
  d->new_body = new_s ? g_strdup (new_s->body) : NULL;
  g_ptr_array_add (diff->sections, d);
}

static void
diff_sections (BudDiff   *diff,
               GPtrArray *old_sections,
               GPtrArray *new_sections)
{
  for (guint i = 0; i < new_sections->len; i++)
    {
      BudNarrativeSection *n = g_ptr_array_index (new_sections, i);
      BudNarrativeSection *o = find_section (old_sections, n->id);

      if (o == NULL || strcmp (o->title, n->title) != 0 || strcmp (o->body, n->body) != 0)
        add_section (diff, o, n);
    }
  for (guint i = 0; i < old_sections->len; i++)
    {
      BudNarrativeSection *o = g_ptr_array_index (old_sections, i);
      if (find_section (new_sections, o->id) == NULL)
        add_section (diff, o, NULL);
    }
}

/* ---- the comparison ---- */

typedef struct {
  BudTemplate *tpl;
  GPtrArray   *tables;
  GPtrArray   *sections;
} Derived;

static void
derived_clear (Derived *d)
{
  g_clear_pointer (&d->tables, g_ptr_array_unref);
  g_clear_pointer (&d->sections, g_ptr_array_unref);
  g_clear_pointer (&d->tpl, bud_template_unref);
}

static gboolean
derive (BudDocument  *doc,
        BudTemplate  *tpl,
        Derived      *out,
        GError      **error)
{
  out->tpl = tpl ? bud_template_ref (tpl) : bud_template_load (bud_document_meta (doc)->template_id, error);
  if (out->tpl == NULL)
    return FALSE;
  out->tables = bud_pivot_build_all (out->tpl, doc, NULL, error);
  if (out->tables == NULL)
    return FALSE;
  out->sections = bud_narrative_build_with_tables (doc, out->tpl, out->tables, error);
  return out->sections != NULL;
}

BudDiff *
bud_diff_documents (BudDocument  *old_doc,
                    BudDocument  *new_doc,
                    BudTemplate  *tpl,
                    GError      **error)
{
  Derived o = { 0 }, n = { 0 };
  BudDiff *diff;

  g_return_val_if_fail (BUD_IS_DOCUMENT (old_doc), NULL);
  g_return_val_if_fail (BUD_IS_DOCUMENT (new_doc), NULL);

  if (!derive (old_doc, tpl, &o, error) || !derive (new_doc, tpl, &n, error))
    {
      derived_clear (&o);
      derived_clear (&n);
      return NULL;
    }

  diff = g_new0 (BudDiff, 1);
  diff->fields = g_ptr_array_new_with_free_func (diff_field_free);
  diff->cells = g_ptr_array_new_with_free_func (diff_cell_free);
  diff->sections = g_ptr_array_new_with_free_func (diff_section_free);

  diff_fields (diff, old_doc, new_doc);
  diff_tables (diff, o.tables, n.tables);
  diff_sections (diff, o.sections, n.sections);

  derived_clear (&o);
  derived_clear (&n);
  return diff;
}

/* ---- renderings ---- */

static const char *
type_label (BudDiffType type)
{
  switch (type)
    {
    case BUD_DIFF_ADDED:
      return _("Added");
    case BUD_DIFF_REMOVED:
      return _("Removed");
    case BUD_DIFF_CHANGED:
    default:
      return _("Changed");
    }
}

static const char *
type_string (BudDiffType type)
{
  return type == BUD_DIFF_ADDED ? "added" : type == BUD_DIFF_REMOVED ? "removed" : "changed";
}

static char *
cell_value (gboolean present,
            gint64   amount)
{
  return present ? bud_diff_format_money (amount) : g_strdup (_("(no row)"));
}

char *
bud_diff_to_text (BudDiff *diff)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (diff != NULL, NULL);

  if (bud_diff_is_empty (diff))
    {
      g_string_append_printf (out, "%s\n", _("No differences."));
      return g_string_free (out, FALSE);
    }
  g_string_append_printf (out, _("%u field changes, %u table cells, %u narrative sections\n"),
                          diff->fields->len, diff->cells->len, diff->sections->len);
  if (diff->fields->len)
    g_string_append_printf (out, "\n## %s\n", _("Fields"));
  for (guint i = 0; i < diff->fields->len; i++)
    {
      BudDiffField *f = g_ptr_array_index (diff->fields, i);

      if (f->type == BUD_DIFF_CHANGED)
        g_string_append_printf (out, "%s: %s → %s\n", f->where, f->old_value, f->new_value);
      else
        g_string_append_printf (out, "%s: %s (%s)\n", type_label (f->type), f->where,
                                f->new_value ? f->new_value : f->old_value);
    }
  if (diff->cells->len)
    g_string_append_printf (out, "\n## %s\n", _("Table cells"));
  for (guint i = 0; i < diff->cells->len; i++)
    {
      BudDiffCell *c = g_ptr_array_index (diff->cells, i);
      g_autofree char *o = cell_value (c->old_present, c->old_amount);
      g_autofree char *n = cell_value (c->new_present, c->new_amount);

      g_string_append_printf (out, "表%u %s · %s · %s: %s → %s\n", c->number, c->table_title,
                              c->row_label[0] ? c->row_label : c->row_key, c->column_label, o, n);
    }
  if (diff->sections->len)
    g_string_append_printf (out, "\n## %s\n", _("Narrative"));
  for (guint i = 0; i < diff->sections->len; i++)
    {
      BudDiffSection *s = g_ptr_array_index (diff->sections, i);

      g_string_append_printf (out, "[%s] %s\n", s->id, s->title);
      if (s->old_body)
        g_string_append_printf (out, "- %s\n", s->old_body);
      if (s->new_body)
        g_string_append_printf (out, "+ %s\n", s->new_body);
    }
  return g_string_free (out, FALSE);
}

static void
add_string_or_null (JsonBuilder *b,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_money_or_null (JsonBuilder *b,
                   const char  *name,
                   gboolean     present,
                   gint64       fen)
{
  g_autofree char *s = present ? bud_money_format (fen, BUD_MONEY_YUAN, 0) : NULL;
  add_string_or_null (b, name, s);
}

char *
bud_diff_to_json (BudDiff *diff)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (diff != NULL, NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "equal");
  json_builder_add_boolean_value (b, bud_diff_is_empty (diff));
  json_builder_set_member_name (b, "fields");
  json_builder_begin_array (b);
  for (guint i = 0; i < diff->fields->len; i++)
    {
      BudDiffField *f = g_ptr_array_index (diff->fields, i);

      json_builder_begin_object (b);
      add_string_or_null (b, "change", type_string (f->type));
      add_string_or_null (b, "kind", bud_entity_class (f->kind)->name);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, f->id);
      add_string_or_null (b, "field", f->field);
      add_string_or_null (b, "where", f->where);
      add_string_or_null (b, "old", f->old_value);
      add_string_or_null (b, "new", f->new_value);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "cells");
  json_builder_begin_array (b);
  for (guint i = 0; i < diff->cells->len; i++)
    {
      BudDiffCell *c = g_ptr_array_index (diff->cells, i);

      json_builder_begin_object (b);
      add_string_or_null (b, "table", c->table_id);
      json_builder_set_member_name (b, "number");
      json_builder_add_int_value (b, c->number);
      add_string_or_null (b, "row", c->row_key);
      add_string_or_null (b, "row_label", c->row_label);
      add_string_or_null (b, "column", c->column_id);
      add_string_or_null (b, "column_label", c->column_label);
      add_money_or_null (b, "old", c->old_present, c->old_amount);
      add_money_or_null (b, "new", c->new_present, c->new_amount);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "sections");
  json_builder_begin_array (b);
  for (guint i = 0; i < diff->sections->len; i++)
    {
      BudDiffSection *s = g_ptr_array_index (diff->sections, i);

      json_builder_begin_object (b);
      add_string_or_null (b, "id", s->id);
      add_string_or_null (b, "title", s->title);
      add_string_or_null (b, "old", s->old_body);
      add_string_or_null (b, "new", s->new_body);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
}

static void
esc (GString    *out,
     const char *text)
{
  g_autofree char *e = g_markup_escape_text (text ? text : "", -1);
  g_string_append (out, e);
}

/* Paragraphs kept apart: narrative bodies separate them with "\n". */
static void
esc_paragraphs (GString    *out,
                const char *text)
{
  g_auto(GStrv) paras = g_strsplit (text, "\n", -1);

  for (guint i = 0; paras[i]; i++)
    {
      if (i)
        g_string_append (out, "<br>");
      esc (out, paras[i]);
    }
}

void
bud_diff_append_html (BudDiff *diff,
                      GString *out,
                      int      h)
{
  g_return_if_fail (diff != NULL);

  if (bud_diff_is_empty (diff))
    {
      g_string_append (out, "<p>");
      esc (out, _("No differences."));
      g_string_append (out, "</p>\n");
      return;
    }
  if (diff->fields->len)
    {
      g_string_append_printf (out, "<h%d>", h);
      esc (out, _("Fields"));
      g_string_append_printf (out, "</h%d>\n<table class=\"diff\">\n<thead><tr><th scope=\"col\">", h);
      esc (out, _("Change"));
      g_string_append (out, "</th><th scope=\"col\">");
      esc (out, _("Where"));
      g_string_append (out, "</th><th scope=\"col\">");
      esc (out, _("Before"));
      g_string_append (out, "</th><th scope=\"col\">");
      esc (out, _("After"));
      g_string_append (out, "</th></tr></thead>\n<tbody>\n");
      for (guint i = 0; i < diff->fields->len; i++)
        {
          BudDiffField *f = g_ptr_array_index (diff->fields, i);

          g_string_append_printf (out, "<tr class=\"%s\"><td>", type_string (f->type));
          esc (out, type_label (f->type));
          g_string_append (out, "</td><td>");
          esc (out, f->where);
          g_string_append (out, "</td><td class=\"old\">");
          if (f->old_value)
            esc_paragraphs (out, f->old_value);
          g_string_append (out, "</td><td class=\"new\">");
          if (f->new_value)
            esc_paragraphs (out, f->new_value);
          g_string_append (out, "</td></tr>\n");
        }
      g_string_append (out, "</tbody>\n</table>\n");
    }
  if (diff->cells->len)
    {
      g_string_append_printf (out, "<h%d>", h);
      esc (out, _("Table cells"));
      g_string_append_printf (out, "</h%d>\n<table class=\"diff\">\n<thead><tr><th scope=\"col\">", h);
      esc (out, _("Table"));
      g_string_append (out, "</th><th scope=\"col\">");
      esc (out, _("Row"));
      g_string_append (out, "</th><th scope=\"col\">");
      esc (out, _("Column"));
      g_string_append (out, "</th><th scope=\"col\">");
      esc (out, _("Before"));
      g_string_append (out, "</th><th scope=\"col\">");
      esc (out, _("After"));
      g_string_append (out, "</th></tr></thead>\n<tbody>\n");
      for (guint i = 0; i < diff->cells->len; i++)
        {
          BudDiffCell *c = g_ptr_array_index (diff->cells, i);
          g_autofree char *o = cell_value (c->old_present, c->old_amount);
          g_autofree char *n = cell_value (c->new_present, c->new_amount);

          g_string_append_printf (out, "<tr><td>表%u ", c->number);
          esc (out, c->table_title);
          g_string_append (out, "</td><td>");
          esc (out, c->row_label[0] ? c->row_label : c->row_key);
          g_string_append (out, "</td><td>");
          esc (out, c->column_label);
          g_string_append (out, "</td><td class=\"old num\">");
          esc (out, o);
          g_string_append (out, "</td><td class=\"new num\">");
          esc (out, n);
          g_string_append (out, "</td></tr>\n");
        }
      g_string_append (out, "</tbody>\n</table>\n");
    }
  if (diff->sections->len)
    {
      g_string_append_printf (out, "<h%d>", h);
      esc (out, _("Narrative"));
      g_string_append_printf (out, "</h%d>\n", h);
      for (guint i = 0; i < diff->sections->len; i++)
        {
          BudDiffSection *s = g_ptr_array_index (diff->sections, i);

          g_string_append (out, "<div class=\"section\"><p class=\"section-title\">");
          esc (out, s->title[0] ? s->title : s->id);
          g_string_append (out, "</p>\n");
          if (s->old_body)
            {
              g_string_append (out, "<p class=\"old\"><del>");
              esc_paragraphs (out, s->old_body);
              g_string_append (out, "</del></p>\n");
            }
          if (s->new_body)
            {
              g_string_append (out, "<p class=\"new\"><ins>");
              esc_paragraphs (out, s->new_body);
              g_string_append (out, "</ins></p>\n");
            }
          g_string_append (out, "</div>\n");
        }
    }
}

char *
bud_diff_to_html (BudDiff    *diff,
                  const char *title)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (diff != NULL, NULL);

  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
  esc (out, title ? title : _("Comparison"));
  g_string_append (out, "</title>\n<style>\n"
    "body{font-family:\"Noto Sans CJK SC\",sans-serif;margin:2em;color:#222}\n"
    "h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.5em;border-bottom:1px solid #999}\n"
    "table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.3em .5em;text-align:left;vertical-align:top}\n"
    "th{background:#eee}.num{text-align:right;white-space:nowrap}.old,del{color:#a00}.new,ins{color:#070}\n"
    "</style>\n</head>\n<body>\n<h1>");
  esc (out, title ? title : _("Comparison"));
  g_string_append (out, "</h1>\n");
  bud_diff_append_html (diff, out, 2);
  g_string_append (out, "</body>\n</html>\n");
  return g_string_free (out, FALSE);
}
