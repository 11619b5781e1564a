/* bud-units.c — one unit's own package, and a unit's document merged into the department's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "bud-check.h"
#include "bud-units.h"

G_DEFINE_QUARK (bud-units-error-quark, bud_units_error)

const char *
bud_unit_type_label (BudUnitType type)
{
  switch (type)
    {
    case BUD_UNIT_ADMIN:
      return _("Administrative unit");
    case BUD_UNIT_CIVIL_SERVANT:
      return _("Institution managed as civil service");
    case BUD_UNIT_INSTITUTION:
      return _("Public institution");
    default:
      return "";
    }
}

BudUnit *
bud_units_primary (BudDocument *doc)
{
  GPtrArray *units = bud_document_items (doc, BUD_KIND_UNIT);

  for (guint i = 0; i < units->len; i++)
    {
      BudUnit *u = g_ptr_array_index (units, i);
      if (u->primary_unit)
        return u;
    }
  return NULL;
}

guint
bud_units_count_subordinate (BudDocument *doc)
{
  GPtrArray *units = bud_document_items (doc, BUD_KIND_UNIT);
  guint n = 0;

  for (guint i = 0; i < units->len; i++)
    if (!((BudUnit *) g_ptr_array_index (units, i))->primary_unit)
      n++;
  return n;
}

GArray *
bud_units_summarize (BudDocument *doc)
{
  GPtrArray *units = bud_document_items (doc, BUD_KIND_UNIT);
  GPtrArray *lines = bud_document_items (doc, BUD_KIND_LINE);
  GPtrArray *projects = bud_document_items (doc, BUD_KIND_PROJECT);
  GArray *out = g_array_sized_new (FALSE, TRUE, sizeof (BudUnitSummary), units->len);

  for (guint i = 0; i < units->len; i++)
    {
      BudUnitSummary s = { 0 };
      s.unit = ((BudUnit *) g_ptr_array_index (units, i))->id;
      g_array_append_val (out, s);
    }
  /* units are few: a linear search per row beats a hash table here */
  for (guint i = 0; i < lines->len; i++)
    {
      BudLine *l = g_ptr_array_index (lines, i);
      for (guint j = 0; j < out->len; j++)
        {
          BudUnitSummary *s = &g_array_index (out, BudUnitSummary, j);
          if (s->unit != l->unit)
            continue;
          s->n_lines++;
          s->total += l->amount;
          if (bud_source_is_fiscal (l->source))
            s->fiscal += l->amount;
          break;
        }
    }
  for (guint i = 0; i < projects->len; i++)
    {
      BudProject *p = g_ptr_array_index (projects, i);
      for (guint j = 0; j < out->len; j++)
        if (g_array_index (out, BudUnitSummary, j).unit == p->unit)
          {
            g_array_index (out, BudUnitSummary, j).n_projects++;
            break;
          }
    }
  return out;
}

/* ---- shared helpers ---- */

static gboolean
copy_singleton (BudDocument  *dst,
                BudDocument  *src,
                BudKind       kind,
                GError      **error)
{
  const BudEntityClass *klass = bud_entity_class (kind);
  gconstpointer e = bud_document_singleton (src, kind);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const BudField *f = &klass->fields[i];
      gboolean ok;

      if (f->type == BUD_FIELD_TEXT)
        ok = bud_document_set_text (dst, kind, 1, f->name, bud_field_get_text (e, f), error);
      else
        ok = bud_document_set_int (dst, kind, 1, f->name, bud_field_get_int (e, f), error);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* Insert a copy of @src (same id) into @dst. */
static gpointer
insert_copy (BudDocument    *dst,
             BudKind         kind,
             gconstpointer   src,
             GError        **error)
{
  return bud_document_insert (dst, kind, bud_entity_copy (kind, src), -1, error);
}

static gboolean
is_transfer (BudSource source)
{
  return source == BUD_SOURCE_GENERAL_TRANSFER || source == BUD_SOURCE_FUND_TRANSFER ||
         source == BUD_SOURCE_STATE_CAPITAL_TRANSFER;
}

/* ---- extract ---- */

static gboolean
extract_into (BudDocument  *out,
              BudDocument  *dept,
              BudUnit      *unit,
              GError      **error)
{
  GPtrArray *lines = bud_document_items (dept, BUD_KIND_LINE);
  g_autoptr(GHashTable) projects = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) carry_spent = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  g_autoptr(GHashTable) targets = g_hash_table_new (g_int64_hash, g_int64_equal);
  gint64 by_source[BUD_N_SOURCES] = { 0 };
  gboolean used[BUD_N_SOURCES] = { FALSE };
  gint64 fiscal_upper = 0, fiscal_local = 0, other = 0;
  BudMeta *m = bud_document_meta (dept);
  BudUnit *u;
  GPtrArray *a;

  if (!bud_document_set_text (out, BUD_KIND_META, 1, "department", unit->name, error) ||
      !bud_document_set_text (out, BUD_KIND_META, 1, "department_code", unit->code, error) ||
      !bud_document_set_int (out, BUD_KIND_META, 1, "year", m->year, error) ||
      !bud_document_set_text (out, BUD_KIND_META, 1, "template_id", m->template_id, error) ||
      !bud_document_set_text (out, BUD_KIND_META, 1, "date", m->date, error) ||
      !copy_singleton (out, dept, BUD_KIND_PROFILE, error) ||
      !copy_singleton (out, dept, BUD_KIND_PROCUREMENT, error) ||
      !copy_singleton (out, dept, BUD_KIND_ASSETS, error))
    return FALSE;

  u = bud_entity_copy (BUD_KIND_UNIT, unit);
  u->primary_unit = TRUE;
  if (!bud_document_insert (out, BUD_KIND_UNIT, u, -1, error))
    return FALSE;

  /* what the unit's lines reach: projects, carry-over items, sums per source */
  for (guint i = 0; i < lines->len; i++)
    {
      BudLine *l = g_ptr_array_index (lines, i);

      if (l->unit != unit->id)
        continue;
      if (l->project)
        g_hash_table_add (projects, &l->project);
      if (l->carryover)
        {
          gint64 *spent = g_hash_table_lookup (carry_spent, &l->carryover);
          if (spent == NULL)
            {
              spent = g_new0 (gint64, 1);
              g_hash_table_insert (carry_spent, &l->carryover, spent);
            }
          *spent += l->amount;
        }
      by_source[l->source] += l->amount;
      used[l->source] = TRUE;
      if (!bud_source_is_fiscal (l->source))
        other += l->amount;
      else if (is_transfer (l->source))
        fiscal_upper += l->amount;
      else
        fiscal_local += l->amount;
    }

  a = bud_document_items (dept, BUD_KIND_PROJECT);
  for (guint i = 0; i < a->len; i++)
    {
      BudProject *p = g_ptr_array_index (a, i);
      BudProject *copy;

      if (p->unit != unit->id && !g_hash_table_contains (projects, &p->id))
        continue;
      g_hash_table_add (projects, &p->id);
      copy = bud_entity_copy (BUD_KIND_PROJECT, p);
      /* another unit's project that this unit's lines spend: the package has
       * one unit only, so it is carried here */
      copy->unit = unit->id;
      if (!bud_document_insert (out, BUD_KIND_PROJECT, copy, -1, error))
        return FALSE;
    }

  a = bud_document_items (dept, BUD_KIND_ALLOCATION);
  for (guint i = 0; i < a->len; i++)
    {
      BudAllocation *al = g_ptr_array_index (a, i);
      if (g_hash_table_contains (projects, &al->project) &&
          !insert_copy (out, BUD_KIND_ALLOCATION, al, error))
        return FALSE;
    }

  a = bud_document_items (dept, BUD_KIND_CARRYOVER);
  for (guint i = 0; i < a->len; i++)
    {
      BudCarryover *c = g_ptr_array_index (a, i);
      gint64 *spent = g_hash_table_lookup (carry_spent, &c->id);
      BudCarryover *copy;

      if (spent == NULL)
        continue;
      copy = bud_entity_copy (BUD_KIND_CARRYOVER, c);
      copy->amount = *spent;
      if (!bud_document_insert (out, BUD_KIND_CARRYOVER, copy, -1, error))
        return FALSE;
    }

  /* income: the department's rows in its order, then sources only the unit uses */
  a = bud_document_items (dept, BUD_KIND_INCOME);
  for (guint i = 0; i < a->len; i++)
    {
      BudIncome *inc = bud_entity_copy (BUD_KIND_INCOME, g_ptr_array_index (a, i));

      inc->amount = by_source[inc->source];
      used[inc->source] = FALSE;
      if (!bud_document_insert (out, BUD_KIND_INCOME, inc, -1, error))
        return FALSE;
    }
  for (guint s = 0; s < BUD_N_SOURCES; s++)
    {
      BudIncome *inc;

      if (!used[s])
        continue;
      inc = bud_entity_new (BUD_KIND_INCOME);
      inc->source = (int) s;
      inc->amount = by_source[s];
      if (!bud_document_insert (out, BUD_KIND_INCOME, inc, -1, error))
        return FALSE;
    }

  for (guint i = 0; i < lines->len; i++)
    {
      BudLine *l = g_ptr_array_index (lines, i);
      if (l->unit == unit->id && !insert_copy (out, BUD_KIND_LINE, l, error))
        return FALSE;
    }

  a = bud_document_items (dept, BUD_KIND_TARGET);
  for (guint i = 0; i < a->len; i++)
    {
      BudTarget *t = g_ptr_array_index (a, i);
      BudTarget *copy;

      if (t->project != 0 && !g_hash_table_contains (projects, &t->project))
        continue;
      copy = bud_entity_copy (BUD_KIND_TARGET, t);
      if (t->project == 0)
        {
          copy->fiscal_upper = fiscal_upper;
          copy->fiscal_local = fiscal_local;
          copy->other = other;
        }
      if (!bud_document_insert (out, BUD_KIND_TARGET, copy, -1, error))
        return FALSE;
      g_hash_table_add (targets, &t->id);
    }

  a = bud_document_items (dept, BUD_KIND_INDICATOR);
  for (guint i = 0; i < a->len; i++)
    {
      BudIndicator *ind = g_ptr_array_index (a, i);
      if (g_hash_table_contains (targets, &ind->target) &&
          !insert_copy (out, BUD_KIND_INDICATOR, ind, error))
        return FALSE;
    }

  a = bud_document_items (dept, BUD_KIND_TEXT);
  for (guint i = 0; i < a->len; i++)
    {
      BudText *t = g_ptr_array_index (a, i);
      if (!g_str_has_prefix (t->key, "narrative.") && !insert_copy (out, BUD_KIND_TEXT, t, error))
        return FALSE;
    }

  a = bud_document_items (dept, BUD_KIND_CUSTOM_CODE);
  for (guint i = 0; i < a->len; i++)
    if (!insert_copy (out, BUD_KIND_CUSTOM_CODE, g_ptr_array_index (a, i), error))
      return FALSE;

  return TRUE;
}

BudDocument *
bud_units_extract (BudDocument  *dept,
                   gint64        unit_id,
                   GError      **error)
{
  g_autoptr(BudDocument) out = NULL;
  BudUnit *unit;

  g_return_val_if_fail (BUD_IS_DOCUMENT (dept), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  unit = bud_document_lookup (dept, BUD_KIND_UNIT, unit_id);
  if (unit == NULL)
    {
      g_set_error (error, BUD_UNITS_ERROR, BUD_UNITS_ERROR_NOT_FOUND,
                   _("The document has no unit with id %" PRId64), unit_id);
      return NULL;
    }

  out = bud_document_new ();
  if (!extract_into (out, dept, unit, error))
    return NULL;
  bud_document_clear_history (out);
  return g_steal_pointer (&out);
}

/* ---- import ---- */

typedef struct {
  BudDocument          *dept;
  BudDocument          *src;
  BudUnitsImportFlags   flags;
  GHashTable           *map[BUD_N_KINDS];   /* old id (gint64 *) → new id (gint64 *) */
  GArray               *replaced;           /* gint64: department units whose rows go */
} ImportRun;

static void
map_put (ImportRun *run,
         BudKind    kind,
         gint64     old_id,
         gint64     new_id)
{
  gint64 *k = g_new (gint64, 1);
  gint64 *v = g_new (gint64, 1);

  *k = old_id;
  *v = new_id;
  g_hash_table_insert (run->map[kind], k, v);
}

static gint64
map_get (ImportRun *run,
         BudKind    kind,
         gint64     old_id)
{
  gint64 *v = g_hash_table_lookup (run->map[kind], &old_id);
  return v ? *v : 0;
}

static BudUnit *
find_unit (BudDocument *doc,
           const char  *field,
           const char  *value)
{
  GPtrArray *units = bud_document_items (doc, BUD_KIND_UNIT);
  gboolean by_code = strcmp (field, "code") == 0;

  for (guint i = 0; i < units->len; i++)
    {
      BudUnit *u = g_ptr_array_index (units, i);
      if (strcmp (by_code ? u->code : u->name, value) == 0)
        return u;
    }
  return NULL;
}

static gboolean
unit_has_rows (BudDocument *doc,
               gint64       unit,
               guint       *n_lines,
               guint       *n_projects)
{
  GPtrArray *lines = bud_document_items (doc, BUD_KIND_LINE);
  GPtrArray *projects = bud_document_items (doc, BUD_KIND_PROJECT);

  *n_lines = *n_projects = 0;
  for (guint i = 0; i < lines->len; i++)
    if (((BudLine *) g_ptr_array_index (lines, i))->unit == unit)
      (*n_lines)++;
  for (guint i = 0; i < projects->len; i++)
    if (((BudProject *) g_ptr_array_index (projects, i))->unit == unit)
      (*n_projects)++;
  return *n_lines + *n_projects > 0;
}

/* Everything that can be refused without touching the department. */
static gboolean
match_units (ImportRun  *run,
             GError    **error)
{
  GPtrArray *units = bud_document_items (run->src, BUD_KIND_UNIT);

  if (units->len == 0)
    {
      g_set_error (error, BUD_UNITS_ERROR, BUD_UNITS_ERROR_EMPTY,
                   _("The unit’s document has no unit to import"));
      return FALSE;
    }
  for (guint i = 0; i < units->len; i++)
    {
      BudUnit *u = g_ptr_array_index (units, i);
      BudUnit *by_code = u->code[0] ? find_unit (run->dept, "code", u->code) : NULL;
      BudUnit *by_name = find_unit (run->dept, "name", u->name);
      BudUnit *match = by_code ? by_code : by_name;
      guint n_lines, n_projects;

      if (by_code && strcmp (by_code->name, u->name) != 0)
        {
          g_set_error (error, BUD_UNITS_ERROR, BUD_UNITS_ERROR_CONFLICT,
                       _("Unit “%s” has the code %s, which the department gives to “%s”"),
                       u->name, u->code, by_code->name);
          return FALSE;
        }
      if (!by_code && by_name && by_name->code[0] && u->code[0])
        {
          g_set_error (error, BUD_UNITS_ERROR, BUD_UNITS_ERROR_CONFLICT,
                       _("Unit “%s” has the code %s, but in the department its code is %s"),
                       u->name, u->code, by_name->code);
          return FALSE;
        }
      if (match == NULL)
        continue;
      map_put (run, BUD_KIND_UNIT, u->id, match->id);
      if (unit_has_rows (run->dept, match->id, &n_lines, &n_projects))
        {
          if (!(run->flags & BUD_UNITS_IMPORT_REPLACE))
            {
              g_set_error (error, BUD_UNITS_ERROR, BUD_UNITS_ERROR_PRESENT,
                           _("Unit “%s” already has %u expenditure lines and %u projects in the department; "
                             "remove them first or replace them"),
                           match->name, n_lines, n_projects);
              return FALSE;
            }
          g_array_append_val (run->replaced, match->id);
        }
    }
  return TRUE;
}

static gboolean
is_replaced (ImportRun *run,
             gint64     unit)
{
  for (guint i = 0; i < run->replaced->len; i++)
    if (g_array_index (run->replaced, gint64, i) == unit)
      return TRUE;
  return FALSE;
}

static gboolean
add_income (BudDocument  *doc,
            BudSource     source,
            gint64        delta,
            GError      **error)
{
  BudIncome *inc;

  if (delta == 0)
    return TRUE;
  inc = bud_document_find_income (doc, source);
  if (inc)
    return bud_document_set_int (doc, BUD_KIND_INCOME, inc->id, "amount", inc->amount + delta, error);
  inc = bud_entity_new (BUD_KIND_INCOME);
  inc->source = (int) source;
  inc->amount = delta;
  return bud_document_insert (doc, BUD_KIND_INCOME, inc, -1, error) != NULL;
}

/* Remove the replaced units' lines, projects (with what they own) and the
 * carry-over items only those lines spent; their sums leave the 控制数. */
static gboolean
remove_replaced (ImportRun  *run,
                 GError    **error)
{
  GPtrArray *lines = bud_document_items (run->dept, BUD_KIND_LINE);
  GPtrArray *projects = bud_document_items (run->dept, BUD_KIND_PROJECT);
  GPtrArray *carry = bud_document_items (run->dept, BUD_KIND_CARRYOVER);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) carry_gone = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 removed[BUD_N_SOURCES] = { 0 };

  if (run->replaced->len == 0)
    return TRUE;

  for (guint i = 0; i < lines->len; i++)
    {
      BudLine *l = g_ptr_array_index (lines, i);
      if (!is_replaced (run, l->unit))
        continue;
      g_array_append_val (ids, l->id);
      removed[l->source] += l->amount;
      if (l->carryover)
        g_hash_table_add (carry_gone, g_memdup2 (&l->carryover, sizeof (gint64)));
    }
  for (guint i = 0; i < ids->len; i++)
    if (!bud_document_remove (run->dept, BUD_KIND_LINE, g_array_index (ids, gint64, i), error))
      return FALSE;

  /* a carry-over item another unit's line still spends stays */
  for (guint i = 0; i < lines->len; i++)
    {
      BudLine *l = g_ptr_array_index (lines, i);
      if (l->carryover)
        g_hash_table_remove (carry_gone, &l->carryover);
    }
  g_array_set_size (ids, 0);
  for (guint i = 0; i < carry->len; i++)
    {
      BudCarryover *c = g_ptr_array_index (carry, i);
      if (g_hash_table_contains (carry_gone, &c->id))
        g_array_append_val (ids, c->id);
    }
  for (guint i = 0; i < ids->len; i++)
    if (!bud_document_remove (run->dept, BUD_KIND_CARRYOVER, g_array_index (ids, gint64, i), error))
      return FALSE;

  g_array_set_size (ids, 0);
  for (guint i = 0; i < projects->len; i++)
    {
      BudProject *p = g_ptr_array_index (projects, i);
      if (is_replaced (run, p->unit))
        g_array_append_val (ids, p->id);
    }
  /* allocations and target tables go with their project (owner references);
   * a project another unit's line still spends is refused by the document */
  for (guint i = 0; i < ids->len; i++)
    if (!bud_document_remove (run->dept, BUD_KIND_PROJECT, g_array_index (ids, gint64, i), error))
      return FALSE;

  for (guint s = 0; s < BUD_N_SOURCES; s++)
    if (!add_income (run->dept, s, -removed[s], error))
      return FALSE;
  return TRUE;
}

/* Insert a copy of @src with a new id, its references remapped. A reference
 * without a mapping means the row belongs to something not imported. */
static gboolean
copy_remapped (ImportRun      *run,
               BudKind         kind,
               gconstpointer   src,
               gboolean       *skipped,
               GError        **error)
{
  const BudEntityClass *klass = bud_entity_class (kind);
  gpointer copy = bud_entity_copy (kind, src);
  gint64 old_id = *(const gint64 *) src;

  *skipped = FALSE;
  *(gint64 *) copy = 0;
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const BudField *f = &klass->fields[i];
      gint64 ref, to;

      if (f->type != BUD_FIELD_REF)
        continue;
      ref = bud_field_get_int (copy, f);
      if (ref == 0)
        continue;
      to = map_get (run, f->ref_kind, ref);
      if (to == 0)
        {
          bud_entity_free (kind, copy);
          *skipped = TRUE;
          return TRUE;
        }
      bud_field_set_int (copy, f, to);
    }
  copy = bud_document_insert (run->dept, kind, copy, -1, error);
  if (copy == NULL)
    return FALSE;
  map_put (run, kind, old_id, *(gint64 *) copy);
  return TRUE;
}

static gboolean
has_custom_code (BudDocument   *doc,
                 BudCustomCode *cc)
{
  GPtrArray *a = bud_document_items (doc, BUD_KIND_CUSTOM_CODE);

  for (guint i = 0; i < a->len; i++)
    {
      BudCustomCode *o = g_ptr_array_index (a, i);
      if (o->scheme == cc->scheme && strcmp (o->code, cc->code) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
import_rows (ImportRun  *run,
             GError    **error)
{
  static const BudKind copied[] = {
    BUD_KIND_PROJECT, BUD_KIND_ALLOCATION, BUD_KIND_CARRYOVER, BUD_KIND_LINE,
    BUD_KIND_TARGET, BUD_KIND_INDICATOR,
  };
  GPtrArray *a;

  if (!remove_replaced (run, error))
    return FALSE;

  a = bud_document_items (run->src, BUD_KIND_UNIT);
  for (guint i = 0; i < a->len; i++)
    {
      BudUnit *u = g_ptr_array_index (a, i);
      BudUnit *copy;

      if (map_get (run, BUD_KIND_UNIT, u->id))
        continue;
      copy = bud_entity_copy (BUD_KIND_UNIT, u);
      copy->id = 0;
      copy->primary_unit = FALSE;   /* the department has its own 本级 */
      copy = bud_document_insert (run->dept, BUD_KIND_UNIT, copy, -1, error);
      if (copy == NULL)
        return FALSE;
      map_put (run, BUD_KIND_UNIT, u->id, copy->id);
    }

  a = bud_document_items (run->src, BUD_KIND_CUSTOM_CODE);
  for (guint i = 0; i < a->len; i++)
    {
      BudCustomCode *cc = g_ptr_array_index (a, i);
      gboolean skipped;

      if (!has_custom_code (run->dept, cc) && !copy_remapped (run, BUD_KIND_CUSTOM_CODE, cc, &skipped, error))
        return FALSE;
    }

  for (guint k = 0; k < G_N_ELEMENTS (copied); k++)
    {
      a = bud_document_items (run->src, copied[k]);
      for (guint i = 0; i < a->len; i++)
        {
          gconstpointer e = g_ptr_array_index (a, i);
          gboolean skipped;

          /* the unit's department-wide table: the department has its own */
          if (copied[k] == BUD_KIND_TARGET && ((const BudTarget *) e)->project == 0)
            continue;
          if (!copy_remapped (run, copied[k], e, &skipped, error))
            return FALSE;
        }
    }

  a = bud_document_items (run->src, BUD_KIND_INCOME);
  for (guint i = 0; i < a->len; i++)
    {
      BudIncome *inc = g_ptr_array_index (a, i);
      if (!add_income (run->dept, inc->source, inc->amount, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
bud_units_import_full (BudDocument          *dept,
                       BudDocument          *unit_doc,
                       BudUnitsImportFlags   flags,
                       GError              **error)
{
  BudMeta *dm, *um;
  ImportRun run = { 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (BUD_IS_DOCUMENT (dept), FALSE);
  g_return_val_if_fail (BUD_IS_DOCUMENT (unit_doc), FALSE);
  g_return_val_if_fail (dept != unit_doc, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dm = bud_document_meta (dept);
  um = bud_document_meta (unit_doc);
  if (dm->year != um->year)
    {
      g_set_error (error, BUD_UNITS_ERROR, BUD_UNITS_ERROR_MISMATCH,
                   _("The unit’s document “%s” is the budget of %" PRId64 ", the department’s of %" PRId64),
                   um->department, um->year, dm->year);
      return FALSE;
    }
  if (strcmp (dm->template_id, um->template_id) != 0)
    {
      g_set_error (error, BUD_UNITS_ERROR, BUD_UNITS_ERROR_MISMATCH,
                   _("The unit’s document “%s” uses the template “%s”, the department’s “%s”"),
                   um->department, um->template_id, dm->template_id);
      return FALSE;
    }

  run.dept = dept;
  run.src = unit_doc;
  run.flags = flags;
  run.replaced = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint k = 0; k < BUD_N_KINDS; k++)
    run.map[k] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  if (match_units (&run, error) && bud_document_begin (dept, error))
    {
      if (import_rows (&run, error))
        ok = bud_document_commit (dept, error);
      else
        bud_document_rollback (dept);
    }

  for (guint k = 0; k < BUD_N_KINDS; k++)
    g_hash_table_unref (run.map[k]);
  g_array_unref (run.replaced);
  return ok;
}

gboolean
bud_units_import (BudDocument  *dept,
                  BudDocument  *unit_doc,
                  GError      **error)
{
  return bud_units_import_full (dept, unit_doc, BUD_UNITS_IMPORT_DEFAULT, error);
}
