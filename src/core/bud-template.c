/* bud-template.c — reading and validating a disclosure template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Templates are data a user or packager may edit, so every key is checked:
 * an unknown key or value is refused with a message naming the table and the
 * key path, rather than silently producing a wrong table.
 */
#include "config.h"

#include <inttypes.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "bud-schema.h"
#include "bud-template.h"

struct _BudTemplate
{
  gint           ref_count;
  char          *id;
  char          *name;
  char          *unit_label;
  BudMoneyUnit   money_unit;
  gint64         weight_sum;
  char         **personnel_econ;
  BudPerfLevel  *perf[2];
  guint          n_perf[2];
  const char   **level1[2];   /* names of perf[k], NULL-terminated; built on first use */
  BudTableSpec  *tables;
  guint          n_tables;
};

/* NULL-terminated: enum_index () and check_keys () walk it to the end */
static const char * const perf_kinds[] = { "project", "department", NULL };

typedef struct
{
  BudTemplate  *tpl;
  JsonObject   *source_sets;
  guint         table;        /* number of the table being read, 0 outside tables */
  GError      **error;
  gboolean      failed;
} Parser;

G_DEFINE_QUARK (bud-template-error-quark, bud_template_error)

static gboolean G_GNUC_PRINTF (3, 4)
fail (Parser     *p,
      const char *path,
      const char *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  if (p->failed)
    return FALSE;
  p->failed = TRUE;
  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  if (p->table > 0)
    g_set_error (p->error, BUD_TEMPLATE_ERROR, BUD_TEMPLATE_ERROR_INVALID,
                 _("Invalid template: table %u, key “%s”: %s"), p->table, path, what);
  else
    g_set_error (p->error, BUD_TEMPLATE_ERROR, BUD_TEMPLATE_ERROR_INVALID,
                 _("Invalid template: key “%s”: %s"), path, what);
  return FALSE;
}

static char *
join_path (const char *parent,
           const char *key)
{
  return *parent ? g_strconcat (parent, ".", key, NULL) : g_strdup (key);
}

/* Refuses keys the reader does not know: a misspelt key would otherwise be ignored. */
static gboolean
check_keys (Parser             *p,
            JsonObject         *obj,
            const char         *path,
            const char * const *allowed)
{
  g_autoptr(GList) members = json_object_get_members (obj);

  for (GList *l = members; l; l = l->next)
    {
      const char *key = l->data;

      if (strcmp (key, "notes") == 0 || strcmp (key, "comment") == 0)
        continue;
      if (!g_strv_contains (allowed, key))
        {
          g_autofree char *full = join_path (path, key);
          return fail (p, full, _("unknown key"));
        }
    }
  return TRUE;
}

static JsonNode *
member (JsonObject *obj,
        const char *key)
{
  return json_object_has_member (obj, key) ? json_object_get_member (obj, key) : NULL;
}

static gboolean
is_string (JsonNode *node)
{
  return node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
get_string (Parser      *p,
            JsonObject  *obj,
            const char  *path,
            const char  *key,
            gboolean     required,
            char       **out)
{
  JsonNode *node = member (obj, key);
  g_autofree char *full = join_path (path, key);

  if (node == NULL)
    {
      if (required)
        return fail (p, full, _("missing"));
      return TRUE;
    }
  if (!is_string (node))
    return fail (p, full, _("a text is expected"));
  g_free (*out);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
get_uint (Parser     *p,
          JsonObject *obj,
          const char *path,
          const char *key,
          gboolean    required,
          guint       max,
          guint      *out)
{
  JsonNode *node = member (obj, key);
  g_autofree char *full = join_path (path, key);
  gint64 v;

  if (node == NULL)
    return required ? fail (p, full, _("missing")) : TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (p, full, _("a whole number is expected"));
  v = json_node_get_int (node);
  if (v < 0 || v > max)
    return fail (p, full, _("%" PRId64 " is out of range 0–%u"), v, max);
  *out = (guint) v;
  return TRUE;
}

static gboolean
get_bool (Parser     *p,
          JsonObject *obj,
          const char *path,
          const char *key,
          gboolean   *out)
{
  JsonNode *node = member (obj, key);
  g_autofree char *full = join_path (path, key);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail (p, full, _("true or false is expected"));
  *out = json_node_get_boolean (node);
  return TRUE;
}

/* An array of strings (or a single string when @single_ok). */
static gboolean
get_strv (Parser      *p,
          JsonObject  *obj,
          const char  *path,
          const char  *key,
          gboolean     single_ok,
          char      ***out)
{
  JsonNode *node = member (obj, key);
  g_autofree char *full = join_path (path, key);
  g_autoptr(GPtrArray) v = NULL;
  JsonArray *arr;

  if (node == NULL)
    return TRUE;
  v = g_ptr_array_new_with_free_func (g_free);
  if (single_ok && is_string (node))
    g_ptr_array_add (v, g_strdup (json_node_get_string (node)));
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      arr = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (arr); i++)
        {
          JsonNode *e = json_array_get_element (arr, i);

          if (!is_string (e))
            return fail (p, full, _("element %u is not a text"), i + 1);
          g_ptr_array_add (v, g_strdup (json_node_get_string (e)));
        }
    }
  else
    return fail (p, full, _("a list of texts is expected"));
  g_ptr_array_add (v, NULL);
  g_strfreev (*out);
  *out = (char **) g_ptr_array_free (g_steal_pointer (&v), FALSE);
  return TRUE;
}

static int
enum_index (const char * const *names,
            const char         *value)
{
  for (int i = 0; names[i]; i++)
    if (strcmp (names[i], value) == 0)
      return i;
  return -1;
}

/* ---- sources ---- */

static gboolean
resolve_source (Parser     *p,
                const char *path,
                const char *name,
                guint       depth,
                guint32    *mask)
{
  const BudField *field = bud_entity_class_field (bud_entity_class (BUD_KIND_INCOME), "source");
  int i = bud_field_enum_lookup (field, name);
  JsonNode *set;

  if (i >= 0)
    {
      *mask |= 1u << i;
      return TRUE;
    }
  set = p->source_sets ? member (p->source_sets, name) : NULL;
  if (set == NULL)
    return fail (p, path, _("“%s” is neither an income source nor a source set"), name);
  if (depth > 16)
    return fail (p, path, _("source set “%s” refers to itself"), name);
  if (!JSON_NODE_HOLDS_ARRAY (set))
    return fail (p, path, _("source set “%s” is not a list"), name);
  for (guint k = 0; k < json_array_get_length (json_node_get_array (set)); k++)
    {
      JsonNode *e = json_array_get_element (json_node_get_array (set), k);

      if (!is_string (e))
        return fail (p, path, _("source set “%s” holds something other than names"), name);
      if (!resolve_source (p, path, json_node_get_string (e), depth + 1, mask))
        return FALSE;
    }
  return TRUE;
}

/* ---- filters ---- */

static void
filter_init (BudFilter *f)
{
  f->measure = BUD_MEASURE_LINES;
  f->sources = BUD_SOURCES_ALL;
  f->kind = -1;
  f->split = BUD_SPLIT_NONE;
  f->econ = NULL;
}

static void
filter_clear (BudFilter *f)
{
  g_clear_pointer (&f->econ, g_strfreev);
}

static gboolean
is_code_prefix (const char *s)
{
  gsize n = strlen (s);

  if (n == 0 || n > 7)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

static gboolean
parse_filter (Parser     *p,
              JsonObject *parent,
              const char *path,
              const char *key,
              BudFilter  *f)
{
  static const char * const keys[] = { "measure", "sources", "kind", "split", "econ", NULL };
  static const char * const measures[] = { "lines", "income", NULL };
  static const char * const kinds[] = { "basic", "project", NULL };
  static const char * const splits[] = { "none", "personnel", "public", NULL };
  JsonNode *node = member (parent, key);
  g_autofree char *full = join_path (path, key);
  g_autofree char *s = NULL;
  g_auto(GStrv) sources = NULL;
  JsonObject *obj;
  int i;

  filter_init (f);
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (p, full, _("an object is expected"));
  obj = json_node_get_object (node);
  if (!check_keys (p, obj, full, keys))
    return FALSE;

  if (!get_string (p, obj, full, "measure", FALSE, &s))
    return FALSE;
  if (s && (i = enum_index (measures, s)) < 0)
    return fail (p, full, _("unknown measure “%s” (lines or income)"), s);
  if (s)
    f->measure = i;
  g_clear_pointer (&s, g_free);

  if (!get_strv (p, obj, full, "sources", TRUE, &sources))
    return FALSE;
  if (sources)
    {
      g_autofree char *sp = join_path (full, "sources");

      f->sources = 0;
      for (guint k = 0; sources[k]; k++)
        if (!resolve_source (p, sp, sources[k], 0, &f->sources))
          return FALSE;
    }

  if (!get_string (p, obj, full, "kind", FALSE, &s))
    return FALSE;
  if (s && (i = enum_index (kinds, s)) < 0)
    return fail (p, full, _("unknown kind “%s” (basic or project)"), s);
  if (s)
    f->kind = i;
  g_clear_pointer (&s, g_free);

  if (!get_string (p, obj, full, "split", FALSE, &s))
    return FALSE;
  if (s && (i = enum_index (splits, s)) < 0)
    return fail (p, full, _("unknown split “%s” (personnel or public)"), s);
  if (s)
    f->split = i;
  g_clear_pointer (&s, g_free);

  if (!get_strv (p, obj, full, "econ", FALSE, &f->econ))
    return FALSE;
  for (guint k = 0; f->econ && f->econ[k]; k++)
    if (!is_code_prefix (f->econ[k]))
      {
        g_autofree char *ep = join_path (full, "econ");
        return fail (p, ep, _("“%s” is not a classification code"), f->econ[k]);
      }

  if (f->measure == BUD_MEASURE_INCOME && (f->kind >= 0 || f->split || f->econ))
    return fail (p, full, _("an income filter can only select sources"));
  return TRUE;
}

/* ---- blocks ---- */

static gboolean
parse_columns (Parser       *p,
               JsonObject   *obj,
               const char   *path,
               BudBlockSpec *b,
               GHashTable   *ids)
{
  static const char * const keys[] = { "type", "id", "level", "filter", NULL };
  static const char * const roles[] = { "code", "label", "project", "money", NULL };
  static const char * const levels[] = { "none", "class", "section", "item", NULL };
  JsonNode *node = member (obj, "columns");
  JsonArray *arr;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node)
      || json_array_get_length (json_node_get_array (node)) == 0)
    {
      g_autofree char *full = join_path (path, "columns");
      return fail (p, full, _("a non-empty list of columns is expected"));
    }
  arr = json_node_get_array (node);
  b->n_columns = json_array_get_length (arr);
  b->columns = g_new0 (BudColumnSpec, b->n_columns);
  b->label_column = -1;
  for (guint i = 0; i < b->n_columns; i++)
    {
      BudColumnSpec *c = &b->columns[i];
      JsonNode *e = json_array_get_element (arr, i);
      g_autofree char *cp = g_strdup_printf ("%s%scolumns[%u]", path, *path ? "." : "", i);
      g_autofree char *type = NULL;
      g_autofree char *level = NULL;
      int r;

      c->id = g_strdup ("");
      filter_init (&c->filter);
      if (!JSON_NODE_HOLDS_OBJECT (e))
        return fail (p, cp, _("an object is expected"));
      if (!check_keys (p, json_node_get_object (e), cp, keys)
          || !get_string (p, json_node_get_object (e), cp, "type", TRUE, &type))
        return FALSE;
      if ((r = enum_index (roles, type)) < 0)
        {
          g_autofree char *tp = join_path (cp, "type");
          return fail (p, tp, _("unknown column type “%s”"), type);
        }
      c->role = r;
      if (c->role == BUD_COLUMN_ROLE_CODE)
        {
          int l;

          if (!get_string (p, json_node_get_object (e), cp, "level", TRUE, &level))
            return FALSE;
          if ((l = enum_index (levels, level)) <= 0)
            {
              g_autofree char *lp = join_path (cp, "level");
              return fail (p, lp, _("unknown level “%s” (class, section or item)"), level);
            }
          c->level = l;
        }
      else if (member (json_node_get_object (e), "level"))
        {
          g_autofree char *lp = join_path (cp, "level");
          return fail (p, lp, _("only code columns have a level"));
        }
      if (c->role == BUD_COLUMN_ROLE_LABEL)
        {
          if (b->label_column >= 0)
            return fail (p, cp, _("a block has at most one label column"));
          b->label_column = i;
        }
      if (c->role == BUD_COLUMN_ROLE_MONEY)
        {
          if (!get_string (p, json_node_get_object (e), cp, "id", TRUE, &c->id)
              || !parse_filter (p, json_node_get_object (e), cp, "filter", &c->filter))
            return FALSE;
          if (*c->id == '\0' || g_hash_table_contains (ids, c->id))
            {
              g_autofree char *ip = join_path (cp, "id");
              return fail (p, ip, _("money column id “%s” is empty or used twice"), c->id);
            }
          g_hash_table_add (ids, c->id);
        }
      else if (member (json_node_get_object (e), "filter") || member (json_node_get_object (e), "id"))
        return fail (p, cp, _("only money columns have an id and a filter"));
    }
  return TRUE;
}

static gboolean
parse_fixed_rows (Parser       *p,
                  JsonObject   *rows,
                  const char   *path,
                  BudBlockSpec *b)
{
  static const char * const keys[] = { "id", "label", "level", "filter", NULL };
  JsonNode *node = member (rows, "items");
  g_autofree char *ip = join_path (path, "items");
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *arr;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return fail (p, ip, _("a fixed list needs a list of items"));
  arr = json_node_get_array (node);
  b->n_rows = json_array_get_length (arr);
  b->rows = g_new0 (BudFixedRowSpec, b->n_rows);
  for (guint i = 0; i < b->n_rows; i++)
    {
      BudFixedRowSpec *r = &b->rows[i];
      JsonNode *e = json_array_get_element (arr, i);
      g_autofree char *rp = g_strdup_printf ("%s[%u]", ip, i);

      filter_init (&r->filter);
      if (!JSON_NODE_HOLDS_OBJECT (e))
        return fail (p, rp, _("an object is expected"));
      if (!check_keys (p, json_node_get_object (e), rp, keys)
          || !get_string (p, json_node_get_object (e), rp, "id", TRUE, &r->id)
          || !get_string (p, json_node_get_object (e), rp, "label", TRUE, &r->label)
          || !get_uint (p, json_node_get_object (e), rp, "level", FALSE, 9, &r->level)
          || !parse_filter (p, json_node_get_object (e), rp, "filter", &r->filter))
        return FALSE;
      if (!g_hash_table_add (ids, r->id))
        return fail (p, rp, _("row id “%s” is used twice"), r->id);
    }
  return TRUE;
}

static gboolean
parse_rows (Parser       *p,
            JsonObject   *obj,
            const char   *path,
            BudBlockSpec *b)
{
  static const char * const keys[] = { "dimension", "levels", "per_project", "fill", "label",
                                       "hide_zero", "unassigned", "items", NULL };
  static const char * const dims[] = { "fixed", "functional", "economic", "projects", "carryovers", NULL };
  static const char * const level_names[] = { "none", "class", "section", "item", NULL };
  JsonNode *node = member (obj, "rows");
  g_autofree char *rp = join_path (path, "rows");
  g_autofree char *dim = NULL;
  g_autofree char *fill = NULL;
  g_autofree char *label = NULL;
  g_auto(GStrv) levels = NULL;
  JsonObject *rows;
  gboolean hierarchy;
  int d;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return fail (p, rp, _("an object is expected"));
  rows = json_node_get_object (node);
  if (!check_keys (p, rows, rp, keys) || !get_string (p, rows, rp, "dimension", TRUE, &dim))
    return FALSE;
  if ((d = enum_index (dims, dim)) < 0)
    {
      g_autofree char *dp = join_path (rp, "dimension");
      return fail (p, dp, _("unknown dimension “%s”"), dim);
    }
  b->dimension = d;
  hierarchy = d == BUD_DIMENSION_FUNCTIONAL || d == BUD_DIMENSION_ECONOMIC;
  b->hide_zero = d != BUD_DIMENSION_FIXED && d != BUD_DIMENSION_CARRYOVERS;

  if (!get_bool (p, rows, rp, "hide_zero", &b->hide_zero)
      || !get_bool (p, rows, rp, "per_project", &b->per_project)
      || !get_string (p, rows, rp, "fill", FALSE, &fill)
      || !get_string (p, rows, rp, "label", FALSE, &label)
      || !get_string (p, rows, rp, "unassigned", FALSE, &b->unassigned)
      || !get_strv (p, rows, rp, "levels", FALSE, &levels))
    return FALSE;

  if (!hierarchy && (levels || fill || label))
    return fail (p, rp, _("levels, fill and label apply to classification dimensions only"));
  if (b->per_project && d != BUD_DIMENSION_FUNCTIONAL)
    return fail (p, rp, _("per_project applies to the functional dimension only"));
  if (b->unassigned && d != BUD_DIMENSION_PROJECTS)
    return fail (p, rp, _("unassigned applies to the projects dimension only"));
  if ((d == BUD_DIMENSION_FIXED) != (member (rows, "items") != NULL))
    return fail (p, rp, _("items are given with, and only with, the fixed dimension"));

  if (hierarchy)
    {
      BudCodeLevel deepest = d == BUD_DIMENSION_FUNCTIONAL ? BUD_CODE_LEVEL_ITEM : BUD_CODE_LEVEL_SECTION;

      if (levels == NULL)
        for (guint l = BUD_CODE_LEVEL_CLASS; l <= deepest; l++)
          b->levels |= 1u << l;
      for (guint k = 0; levels && levels[k]; k++)
        {
          int l = enum_index (level_names, levels[k]);

          if (l <= 0 || (guint) l > deepest)
            {
              g_autofree char *lp = join_path (rp, "levels");
              return fail (p, lp, _("unknown level “%s” for this dimension"), levels[k]);
            }
          b->levels |= 1u << l;
        }
      if (fill && strcmp (fill, "catalog") != 0)
        {
          g_autofree char *fp = join_path (rp, "fill");
          return fail (p, fp, _("unknown fill “%s” (catalog)"), fill);
        }
      b->fill_catalog = fill != NULL;
      if (b->fill_catalog && (b->levels != (1u << BUD_CODE_LEVEL_CLASS) || b->per_project))
        return fail (p, rp, _("fill lists 类 rows only: levels must be [\"class\"]"));
      if (label && strcmp (label, "name") != 0 && strcmp (label, "code_name") != 0)
        {
          g_autofree char *lp = join_path (rp, "label");
          return fail (p, lp, _("unknown label “%s” (name or code_name)"), label);
        }
      b->code_in_label = label && strcmp (label, "code_name") == 0;
    }
  if (d == BUD_DIMENSION_FIXED)
    return parse_fixed_rows (p, rows, rp, b);
  return TRUE;
}

static gboolean
parse_block (Parser       *p,
             JsonObject   *obj,
             const char   *path,
             BudBlockSpec *b,
             GHashTable   *ids)
{
  static const char * const lead_keys[] = { "label", NULL };
  static const char * const total_keys[] = { "label", "filter", NULL };
  JsonNode *node;

  filter_init (&b->scope);
  filter_init (&b->total_filter);
  if (!parse_filter (p, obj, path, "scope", &b->scope)
      || !parse_columns (p, obj, path, b, ids)
      || !parse_rows (p, obj, path, b))
    return FALSE;
  if (b->scope.measure != BUD_MEASURE_LINES)
    {
      g_autofree char *sp = join_path (path, "scope");
      return fail (p, sp, _("a scope selects lines; income rows say so themselves"));
    }
  for (guint i = 0; i < b->n_columns; i++)
    if (b->columns[i].role == BUD_COLUMN_ROLE_MONEY && b->columns[i].filter.measure != BUD_MEASURE_LINES)
      return fail (p, path, _("a column selects lines; income rows say so themselves"));
  for (guint i = 0; i < b->n_columns; i++)
    {
      const BudColumnSpec *c = &b->columns[i];

      if (c->role == BUD_COLUMN_ROLE_CODE
          && (b->dimension == BUD_DIMENSION_FIXED || !(b->levels & (1u << c->level))))
        return fail (p, path, _("code column %u shows a level the rows do not have"), i + 1);
      if (c->role == BUD_COLUMN_ROLE_PROJECT && !b->per_project)
        return fail (p, path, _("a project column needs rows with per_project"));
    }

  if ((node = member (obj, "lead")))
    {
      g_autofree char *lp = join_path (path, "lead");

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (p, lp, _("an object is expected"));
      if (!check_keys (p, json_node_get_object (node), lp, lead_keys)
          || !get_string (p, json_node_get_object (node), lp, "label", TRUE, &b->lead_label))
        return FALSE;
    }
  if ((node = member (obj, "total")))
    {
      g_autofree char *tp = join_path (path, "total");

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (p, tp, _("an object is expected"));
      if (!check_keys (p, json_node_get_object (node), tp, total_keys)
          || !get_string (p, json_node_get_object (node), tp, "label", TRUE, &b->total_label)
          || !parse_filter (p, json_node_get_object (node), tp, "filter", &b->total_filter))
        return FALSE;
      b->total_filtered = member (json_node_get_object (node), "filter") != NULL;
    }
  if ((b->lead_label || b->total_label) && b->label_column < 0)
    return fail (p, path, _("a lead or total row needs a label column"));
  if (b->lead_label && !b->total_label)
    return fail (p, path, _("a lead row repeats the total: give a total"));
  return TRUE;
}

static gboolean
parse_header (Parser       *p,
              JsonObject   *obj,
              BudTableSpec *t)
{
  static const char * const keys[] = { "text", "col", "colspan", "rowspan", NULL };
  JsonNode *node = member (obj, "header");
  g_autofree guint8 *grid = NULL;
  GArray *cells;
  JsonArray *rows;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return fail (p, "header", _("a list of header rows is expected"));
  rows = json_node_get_array (node);
  t->n_header_rows = json_array_get_length (rows);
  grid = g_malloc0 (MAX (1, t->n_header_rows * t->n_columns));
  cells = g_array_new (FALSE, TRUE, sizeof (BudTableHeaderCell));
  for (guint r = 0; r < t->n_header_rows; r++)
    {
      JsonNode *rn = json_array_get_element (rows, r);
      JsonArray *ra;

      if (!JSON_NODE_HOLDS_ARRAY (rn))
        {
          g_autofree char *hp = g_strdup_printf ("header[%u]", r);
          g_array_unref (cells);
          return fail (p, hp, _("a list of cells is expected"));
        }
      ra = json_node_get_array (rn);
      for (guint i = 0; i < json_array_get_length (ra); i++)
        {
          JsonNode *cn = json_array_get_element (ra, i);
          g_autofree char *hp = g_strdup_printf ("header[%u][%u]", r, i);
          BudTableHeaderCell c = { NULL, r, 0, 1, 1 };
          gboolean ok;

          ok = JSON_NODE_HOLDS_OBJECT (cn)
               && check_keys (p, json_node_get_object (cn), hp, keys)
               && get_string (p, json_node_get_object (cn), hp, "text", TRUE, &c.text)
               && get_uint (p, json_node_get_object (cn), hp, "col", TRUE, 999, &c.col)
               && get_uint (p, json_node_get_object (cn), hp, "colspan", FALSE, 999, &c.colspan)
               && get_uint (p, json_node_get_object (cn), hp, "rowspan", FALSE, 99, &c.rowspan);
          if (ok && (c.colspan == 0 || c.rowspan == 0 || c.col + c.colspan > t->n_columns
                     || r + c.rowspan > t->n_header_rows))
            ok = fail (p, hp, _("the cell does not fit the %u columns and %u header rows"),
                       t->n_columns, t->n_header_rows);
          for (guint y = r; ok && y < r + c.rowspan; y++)
            for (guint x = c.col; ok && x < c.col + c.colspan; x++)
              {
                if (grid[y * t->n_columns + x])
                  ok = fail (p, hp, _("the cell overlaps another one"));
                grid[y * t->n_columns + x] = 1;
              }
          if (!ok)
            {
              g_free (c.text);
              if (!p->failed)
                fail (p, hp, _("an object is expected"));
              for (guint k = 0; k < cells->len; k++)
                g_free (g_array_index (cells, BudTableHeaderCell, k).text);
              g_array_unref (cells);
              return FALSE;
            }
          g_array_append_val (cells, c);
        }
    }
  t->n_header = cells->len;
  t->header = (BudTableHeaderCell *) g_array_free (cells, FALSE);
  return TRUE;
}

static gboolean
parse_table (Parser       *p,
             JsonNode     *node,
             guint         index,
             BudTableSpec *t)
{
  static const char * const keys[] = { "number", "id", "title", "header", "blocks", "empty_statement",
                                       "scope", "columns", "rows", "lead", "total", NULL };
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *tp = g_strdup_printf ("tables[%u]", index);
  JsonObject *obj;
  JsonNode *blocks;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (p, tp, _("an object is expected"));
  obj = json_node_get_object (node);
  if (!get_uint (p, obj, tp, "number", TRUE, 999, &t->number))
    return FALSE;
  p->table = t->number;
  if (!check_keys (p, obj, "", keys)
      || !get_string (p, obj, "", "id", TRUE, &t->id)
      || !get_string (p, obj, "", "title", TRUE, &t->title)
      || !get_string (p, obj, "", "empty_statement", FALSE, &t->empty_statement))
    return FALSE;

  blocks = member (obj, "blocks");
  if (blocks)
    {
      JsonArray *arr;

      if (!JSON_NODE_HOLDS_ARRAY (blocks) || json_array_get_length (json_node_get_array (blocks)) == 0)
        return fail (p, "blocks", _("a non-empty list of blocks is expected"));
      for (const char * const *k = keys + 6; *k; k++)
        if (member (obj, *k))
          return fail (p, *k, _("a table with blocks keeps this key inside each block"));
      arr = json_node_get_array (blocks);
      t->n_blocks = json_array_get_length (arr);
      t->blocks = g_new0 (BudBlockSpec, t->n_blocks);
      for (guint i = 0; i < t->n_blocks; i++)
        {
          JsonNode *bn = json_array_get_element (arr, i);
          g_autofree char *bp = g_strdup_printf ("blocks[%u]", i);

          if (!JSON_NODE_HOLDS_OBJECT (bn))
            return fail (p, bp, _("an object is expected"));
          if (!parse_block (p, json_node_get_object (bn), bp, &t->blocks[i], ids))
            return FALSE;
        }
    }
  else
    {
      t->n_blocks = 1;
      t->blocks = g_new0 (BudBlockSpec, 1);
      if (!parse_block (p, obj, "", &t->blocks[0], ids))
        return FALSE;
    }
  for (guint i = 0; i < t->n_blocks; i++)
    t->n_columns += t->blocks[i].n_columns;
  return parse_header (p, obj, t);
}

static gboolean
parse_perf_levels (Parser     *p,
                   JsonObject *settings)
{
  static const char * const keys[] = { "name", "children", NULL };
  JsonNode *node = member (settings, "performance_levels");
  JsonObject *obj;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (p, "settings.performance_levels", _("an object is expected"));
  obj = json_node_get_object (node);
  if (!check_keys (p, obj, "settings.performance_levels", perf_kinds))
    return FALSE;
  for (guint k = 0; perf_kinds[k] != NULL; k++)
    {
      JsonNode *ln = member (obj, perf_kinds[k]);
      g_autofree char *lp = g_strdup_printf ("settings.performance_levels.%s", perf_kinds[k]);
      JsonArray *arr;

      if (ln == NULL)
        continue;
      if (!JSON_NODE_HOLDS_ARRAY (ln))
        return fail (p, lp, _("a list is expected"));
      arr = json_node_get_array (ln);
      p->tpl->n_perf[k] = json_array_get_length (arr);
      p->tpl->perf[k] = g_new0 (BudPerfLevel, p->tpl->n_perf[k]);
      for (guint i = 0; i < p->tpl->n_perf[k]; i++)
        {
          JsonNode *e = json_array_get_element (arr, i);
          g_autofree char *ep = g_strdup_printf ("%s[%u]", lp, i);
          BudPerfLevel *level = &p->tpl->perf[k][i];

          if (!JSON_NODE_HOLDS_OBJECT (e))
            return fail (p, ep, _("an object is expected"));
          if (!check_keys (p, json_node_get_object (e), ep, keys)
              || !get_string (p, json_node_get_object (e), ep, "name", TRUE, &level->name)
              || !get_strv (p, json_node_get_object (e), ep, "children", FALSE, &level->children))
            return FALSE;
          if (level->children == NULL)
            level->children = g_new0 (char *, 1);
        }
    }
  return TRUE;
}

static gboolean
parse_settings (Parser     *p,
                JsonObject *root)
{
  static const char * const keys[] = { "money_unit", "unit_label", "indicator_weight_sum",
                                       "personnel_econ", "performance_levels", NULL };
  JsonNode *node = member (root, "settings");
  g_autofree char *unit = NULL;
  g_autofree char *weight = NULL;
  JsonObject *s;

  p->tpl->money_unit = BUD_MONEY_WAN;
  p->tpl->unit_label = g_strdup ("万元");
  p->tpl->weight_sum = 9000;
  p->tpl->personnel_econ = g_strsplit ("301 303", " ", -1);
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (p, "settings", _("an object is expected"));
  s = json_node_get_object (node);
  if (!check_keys (p, s, "settings", keys)
      || !get_string (p, s, "settings", "money_unit", FALSE, &unit)
      || !get_string (p, s, "settings", "unit_label", FALSE, &p->tpl->unit_label)
      || !get_string (p, s, "settings", "indicator_weight_sum", FALSE, &weight)
      || !get_strv (p, s, "settings", "personnel_econ", FALSE, &p->tpl->personnel_econ)
      || !parse_perf_levels (p, s))
    return FALSE;
  if (unit && strcmp (unit, "wan") == 0)
    p->tpl->money_unit = BUD_MONEY_WAN;
  else if (unit && strcmp (unit, "yuan") == 0)
    p->tpl->money_unit = BUD_MONEY_YUAN;
  else if (unit)
    return fail (p, "settings.money_unit", _("unknown unit “%s” (wan or yuan)"), unit);
  if (weight)
    {
      g_autoptr(GError) local = NULL;

      if (!bud_fixed2_parse (weight, &p->tpl->weight_sum, &local))
        return fail (p, "settings.indicator_weight_sum", "%s", local->message);
    }
  for (guint k = 0; p->tpl->personnel_econ[k]; k++)
    if (!is_code_prefix (p->tpl->personnel_econ[k]))
      return fail (p, "settings.personnel_econ", _("“%s” is not a classification code"),
                   p->tpl->personnel_econ[k]);
  return TRUE;
}

static void
block_clear (BudBlockSpec *b)
{
  filter_clear (&b->scope);
  filter_clear (&b->total_filter);
  for (guint i = 0; i < b->n_columns; i++)
    {
      g_free (b->columns[i].id);
      filter_clear (&b->columns[i].filter);
    }
  g_free (b->columns);
  for (guint i = 0; i < b->n_rows; i++)
    {
      g_free (b->rows[i].id);
      g_free (b->rows[i].label);
      filter_clear (&b->rows[i].filter);
    }
  g_free (b->rows);
  g_free (b->unassigned);
  g_free (b->lead_label);
  g_free (b->total_label);
}

static void
template_free (BudTemplate *self)
{
  g_free (self->level1[0]);
  g_free (self->level1[1]);
  for (guint i = 0; i < self->n_tables; i++)
    {
      BudTableSpec *t = &self->tables[i];

      for (guint b = 0; b < t->n_blocks; b++)
        block_clear (&t->blocks[b]);
      g_free (t->blocks);
      for (guint h = 0; h < t->n_header; h++)
        g_free (t->header[h].text);
      g_free (t->header);
      g_free (t->id);
      g_free (t->title);
      g_free (t->empty_statement);
    }
  g_free (self->tables);
  for (guint k = 0; k < G_N_ELEMENTS (self->perf); k++)
    {
      for (guint i = 0; i < self->n_perf[k]; i++)
        {
          g_free (self->perf[k][i].name);
          g_strfreev (self->perf[k][i].children);
        }
      g_free (self->perf[k]);
    }
  g_strfreev (self->personnel_econ);
  g_free (self->id);
  g_free (self->name);
  g_free (self->unit_label);
  g_free (self);
}

BudTemplate *
bud_template_new_from_data (const char  *data,
                            gssize       length,
                            GError     **error)
{
  static const char * const keys[] = { "format", "version", "id", "name", "settings",
                                       "source_sets", "tables", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local = NULL;
  g_autofree char *format = NULL;
  Parser p = { 0 };
  JsonNode *root;
  JsonObject *obj;
  JsonNode *node;
  JsonArray *tables;
  guint version = 0;

  g_return_val_if_fail (data != NULL, NULL);

  if (!json_parser_load_from_data (parser, data, length, &local))
    {
      g_set_error (error, BUD_TEMPLATE_ERROR, BUD_TEMPLATE_ERROR_PARSE,
                   _("The template is not valid JSON: %s"), local->message);
      return NULL;
    }
  p.tpl = g_new0 (BudTemplate, 1);
  p.tpl->ref_count = 1;
  p.error = error;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      fail (&p, "", _("the template is not a JSON object"));
      goto fail;
    }
  obj = json_node_get_object (root);
  if (!check_keys (&p, obj, "", keys)
      || !get_string (&p, obj, "", "format", TRUE, &format)
      || !get_uint (&p, obj, "", "version", TRUE, 999, &version)
      || !get_string (&p, obj, "", "id", TRUE, &p.tpl->id)
      || !get_string (&p, obj, "", "name", FALSE, &p.tpl->name))
    goto fail;
  if (strcmp (format, "deptbudget-template") != 0)
    {
      fail (&p, "format", _("“%s” is not “deptbudget-template”"), format);
      goto fail;
    }
  if (version != 1)
    {
      fail (&p, "version", _("version %u is not supported (1)"), version);
      goto fail;
    }
  if (p.tpl->name == NULL)
    p.tpl->name = g_strdup (p.tpl->id);
  if ((node = member (obj, "source_sets")))
    {
      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          fail (&p, "source_sets", _("an object is expected"));
          goto fail;
        }
      p.source_sets = json_node_get_object (node);
    }
  if (!parse_settings (&p, obj))
    goto fail;

  node = member (obj, "tables");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (&p, "tables", _("a list of tables is expected"));
      goto fail;
    }
  tables = json_node_get_array (node);
  p.tpl->n_tables = json_array_get_length (tables);
  p.tpl->tables = g_new0 (BudTableSpec, p.tpl->n_tables);
  for (guint i = 0; i < p.tpl->n_tables; i++)
    {
      if (!parse_table (&p, json_array_get_element (tables, i), i, &p.tpl->tables[i]))
        goto fail;
      for (guint k = 0; k < i; k++)
        if (p.tpl->tables[k].number == p.tpl->tables[i].number)
          {
            fail (&p, "number", _("two tables have this number"));
            goto fail;
          }
      p.table = 0;
    }
  return p.tpl;

fail:
  template_free (p.tpl);
  return NULL;
}

BudTemplate *
bud_template_new_from_file (const char  *path,
                            GError     **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  return bud_template_new_from_data (data, length, error);
}

BudTemplate *
bud_template_load (const char  *id,
                   GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (id != NULL, NULL);

  path = g_strdup_printf (BUD_TEMPLATE_RESOURCE_DIR "/%s.json", id);
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    {
      g_set_error (error, BUD_TEMPLATE_ERROR, BUD_TEMPLATE_ERROR_NOT_FOUND,
                   _("There is no built-in template “%s”"), id);
      return NULL;
    }
  return bud_template_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
}

BudTemplate *
bud_template_ref (BudTemplate *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
bud_template_unref (BudTemplate *self)
{
  g_return_if_fail (self != NULL);
  if (g_atomic_int_dec_and_test (&self->ref_count))
    template_free (self);
}

const char *
bud_template_get_id (BudTemplate *self)
{
  return self->id;
}

const char *
bud_template_get_name (BudTemplate *self)
{
  return self->name;
}

BudMoneyUnit
bud_template_get_money_unit (BudTemplate *self)
{
  return self->money_unit;
}

const char *
bud_template_get_unit_label (BudTemplate *self)
{
  return self->unit_label;
}

gint64
bud_template_get_indicator_weight_sum (BudTemplate *self)
{
  return self->weight_sum;
}

const char * const *
bud_template_get_personnel_econ (BudTemplate *self)
{
  return (const char * const *) self->personnel_econ;
}

const BudPerfLevel *
bud_template_get_performance_levels (BudTemplate *self,
                                     const char  *kind,
                                     guint       *n_levels)
{
  int k = enum_index (perf_kinds, kind);

  if (n_levels)
    *n_levels = k >= 0 ? self->n_perf[k] : 0;
  return k >= 0 ? self->perf[k] : NULL;
}

const char * const *
bud_template_get_level1_names (BudTemplate *self,
                               const char  *kind)
{
  int k = enum_index (perf_kinds, kind);

  if (k < 0 || self->perf[k] == NULL)
    return NULL;
  if (self->level1[k] == NULL)
    {
      self->level1[k] = g_new0 (const char *, self->n_perf[k] + 1);
      for (guint i = 0; i < self->n_perf[k]; i++)
        self->level1[k][i] = self->perf[k][i].name;
    }
  return self->level1[k];
}

guint
bud_template_get_n_tables (BudTemplate *self)
{
  return self->n_tables;
}

const BudTableSpec *
bud_template_get_table (BudTemplate *self,
                        guint        index)
{
  g_return_val_if_fail (index < self->n_tables, NULL);
  return &self->tables[index];
}

gint
bud_template_find_table (BudTemplate *self,
                         guint        number)
{
  for (guint i = 0; i < self->n_tables; i++)
    if (self->tables[i].number == number)
      return i;
  return -1;
}

/* Called for every line, column and table: a plain loop, no strlen. */
static gboolean
has_any_prefix (const char         *code,
                const char * const *prefixes)
{
  for (guint k = 0; prefixes[k]; k++)
    {
      const char *p = prefixes[k];
      const char *c = code;

      while (*p && *p == *c)
        p++, c++;
      if (*p == '\0')
        return TRUE;
    }
  return FALSE;
}

/* The answer depends on the line's source, kind and 经济分类 code only: the
 * pivot classifies lines by those three once and reuses the answer for every
 * line sharing them (bud-pivot.c). Keep it so, or change the pivot too. */
gboolean
bud_filter_match_line (const BudFilter *f,
                       BudTemplate     *tpl,
                       const BudLine   *line)
{
  if (f->measure != BUD_MEASURE_LINES)
    return FALSE;
  if (line->source < 0 || line->source >= BUD_N_SOURCES || !(f->sources & (1u << line->source)))
    return FALSE;
  if (f->kind >= 0 && line->kind != f->kind)
    return FALSE;
  if (f->split != BUD_SPLIT_NONE)
    {
      gboolean personnel;

      if (line->kind != BUD_SPEND_BASIC)
        return FALSE;
      personnel = has_any_prefix (line->econ, (const char * const *) tpl->personnel_econ);
      if (personnel != (f->split == BUD_SPLIT_PERSONNEL))
        return FALSE;
    }
  if (f->econ && !has_any_prefix (line->econ, (const char * const *) f->econ))
    return FALSE;
  return TRUE;
}
