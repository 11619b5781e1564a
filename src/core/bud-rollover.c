/* bud-rollover.c — next year's budget document, started from this year's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bud-check.h"
#include "bud-rollover.h"

static const char * const fixed_measures[] = {
  "income.total",
  "expense.total", "expense.basic", "expense.project",
  "general.total", "general.basic", "general.project",
};

static const char * const tail_measures[] = {
  "sangong.total", "sangong.abroad", "sangong.reception", "sangong.vehicle",
  "sangong.vehicle_purchase", "sangong.vehicle_operation",
  "entrusted.total", "running.total",
};

static const char *
source_spelling (BudSource source)
{
  const BudField *f = bud_entity_class_field (bud_entity_class (BUD_KIND_INCOME), "source");
  return f->enum_values[source];
}

/* g_ptr_array_sort passes pointers to the elements */
static gint
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

char **
bud_rollover_measures (BudDocument *doc)
{
  GPtrArray *lines = bud_document_items (doc, BUD_KIND_LINE);
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();

  g_return_val_if_fail (BUD_IS_DOCUMENT (doc), NULL);

  /* the narrative always speaks of the 财政拨款 sources, of the others when they have a row */
  for (guint s = 0; s < BUD_N_SOURCES; s++)
    if (s <= BUD_SOURCE_STATE_CAPITAL_TRANSFER || bud_document_find_income (doc, s) != NULL)
      {
        g_autofree char *key = g_strconcat ("income.", source_spelling (s), NULL);
        g_strv_builder_add (b, key);
      }
  for (guint i = 0; i < G_N_ELEMENTS (fixed_measures); i++)
    g_strv_builder_add (b, fixed_measures[i]);

  for (guint i = 0; i < lines->len; i++)
    {
      BudLine *l = g_ptr_array_index (lines, i);

      if ((l->source == BUD_SOURCE_GENERAL || l->source == BUD_SOURCE_GENERAL_TRANSFER) &&
          strlen (l->func) == 7 && g_hash_table_add (seen, l->func))
        g_ptr_array_add (codes, l->func);
    }
  g_ptr_array_sort (codes, compare_codes);
  for (guint i = 0; i < codes->len; i++)
    {
      g_autofree char *key = g_strconcat ("general.func.", (char *) g_ptr_array_index (codes, i), NULL);
      gint64 v = 0;

      /* a 项 whose 一般公共预算 lines cancel out is not in the narrative's table */
      if (bud_check_measure_value (doc, key, &v) && v != 0)
        g_strv_builder_add (b, key);
    }
  for (guint i = 0; i < G_N_ELEMENTS (tail_measures); i++)
    g_strv_builder_add (b, tail_measures[i]);
  return g_strv_builder_end (b);
}

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

/* Overrides that speak of this year's figures or date: 第三部分 and the signature. */
static gboolean
text_is_this_years (const char *key)
{
  return g_str_has_prefix (key, "narrative.3.") ||
         strcmp (key, "narrative.signature") == 0 ||
         strcmp (key, "narrative.signature.basis") == 0;
}

static gboolean
roll_singletons (BudDocument  *out,
                 BudDocument  *in,
                 GError      **error)
{
  BudMeta *m = bud_document_meta (in);
  BudProfile *p = bud_document_profile (in);
  static const char * const staff[] = { "staff_authorized", "staff_active", "staff_retired", "staff_veteran" };
  const BudEntityClass *pk = bud_entity_class (BUD_KIND_PROFILE);
  const BudEntityClass *ak = bud_entity_class (BUD_KIND_ASSETS);
  static const char * const planned[] = {
    "as_of", "planned_vehicles", "planned_vehicles_value", "planned_equipment_50", "planned_equipment_100",
  };

  if (!copy_singleton (out, in, BUD_KIND_META, error) ||
      !bud_document_set_int (out, BUD_KIND_META, 1, "year", m->year + 1, error) ||
      !bud_document_set_text (out, BUD_KIND_META, 1, "date", "", error) ||
      !copy_singleton (out, in, BUD_KIND_PROFILE, error) ||
      !copy_singleton (out, in, BUD_KIND_ASSETS, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (staff); i++)
    {
      g_autofree char *last = g_strconcat (staff[i], "_last", NULL);
      gint64 now = bud_field_get_int (p, bud_entity_class_field (pk, staff[i]));

      if (!bud_document_set_int (out, BUD_KIND_PROFILE, 1, last, now, error))
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (planned); i++)
    {
      const BudField *f = bud_entity_class_field (ak, planned[i]);
      gboolean ok = f->type == BUD_FIELD_TEXT
                    ? bud_document_set_text (out, BUD_KIND_ASSETS, 1, f->name, "", error)
                    : bud_document_set_int (out, BUD_KIND_ASSETS, 1, f->name, 0, error);
      if (!ok)
        return FALSE;
    }
  /* procurement is this year's plan: a new document's zeros */
  return TRUE;
}

/* Each adjusts a copy of this year's row for next year; FALSE drops it. */
typedef gboolean (*RollFunc) (gpointer row);

static gboolean
roll_keep (gpointer row)
{
  return TRUE;
}

static gboolean
roll_project (gpointer row)
{
  BudProject *p = row;

  g_free (p->execution);
  p->execution = g_strdup ("");
  return TRUE;
}

static gboolean
roll_allocation (gpointer row)
{
  ((BudAllocation *) row)->amount = 0;
  return TRUE;
}

static gboolean
roll_income (gpointer row)
{
  BudIncome *inc = row;

  inc->amount = 0;
  return !bud_source_is_carry (inc->source);
}

static gboolean
roll_line (gpointer row)
{
  BudLine *l = row;

  l->amount = 0;
  /* this year's 上年结转 items are spent this year; next year has its own */
  return l->carryover == 0 && !bud_source_is_carry (l->source);
}

static gboolean
roll_target (gpointer row)
{
  BudTarget *t = row;

  t->fiscal_upper = t->fiscal_local = t->other = 0;
  return TRUE;
}

static gboolean
roll_indicator (gpointer row)
{
  BudIndicator *ind = row;

  g_free (ind->last_value);
  ind->last_value = g_strdup ("");
  return TRUE;
}

static gboolean
roll_text (gpointer row)
{
  return !text_is_this_years (((BudText *) row)->key);
}

static gboolean
roll_collections (BudDocument  *out,
                  BudDocument  *in,
                  GError      **error)
{
  static const struct {
    BudKind  kind;
    RollFunc roll;
  } kinds[] = {
    { BUD_KIND_UNIT, roll_keep },
    { BUD_KIND_PROJECT, roll_project },
    { BUD_KIND_ALLOCATION, roll_allocation },
    { BUD_KIND_INCOME, roll_income },
    { BUD_KIND_LINE, roll_line },
    { BUD_KIND_TARGET, roll_target },
    { BUD_KIND_INDICATOR, roll_indicator },
    { BUD_KIND_TEXT, roll_text },
    { BUD_KIND_CUSTOM_CODE, roll_keep },
  };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GPtrArray *a = bud_document_items (in, kinds[k].kind);

      for (guint i = 0; i < a->len; i++)
        {
          gpointer row = bud_entity_copy (kinds[k].kind, g_ptr_array_index (a, i));

          if (!kinds[k].roll (row))
            bud_entity_free (kinds[k].kind, row);
          else if (!bud_document_insert (out, kinds[k].kind, row, -1, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
roll_comparatives (BudDocument  *out,
                   BudDocument  *in,
                   GError      **error)
{
  g_auto(GStrv) measures = bud_rollover_measures (in);

  for (guint i = 0; measures[i]; i++)
    {
      BudComparative *c;
      gint64 v = 0;

      if (!bud_check_measure_value (in, measures[i], &v))
        {
          /* every key above is one bud-check knows: a mismatch is a bug here */
          g_critical ("bud_rollover: unknown measure “%s”", measures[i]);
          continue;
        }
      c = bud_entity_new (BUD_KIND_COMPARATIVE);
      g_free (c->measure);
      c->measure = g_strdup (measures[i]);
      c->last_year = v;
      if (!bud_document_insert (out, BUD_KIND_COMPARATIVE, c, -1, error))
        return FALSE;
    }
  return TRUE;
}

BudDocument *
bud_rollover (BudDocument  *this_year,
              GError      **error)
{
  g_autoptr(BudDocument) out = NULL;

  g_return_val_if_fail (BUD_IS_DOCUMENT (this_year), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  out = bud_document_new ();
  if (!roll_singletons (out, this_year, error) ||
      !roll_collections (out, this_year, error) ||
      !roll_comparatives (out, this_year, error))
    return NULL;
  bud_document_clear_history (out);
  return g_steal_pointer (&out);
}
