/* bench-check.c — how long a full check run takes on a large department
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds, deterministically, the DESIGN target document (40 units, 20,000
 * lines, 800 projects, 8,000 indicators), then times bud_check_run 50 times
 * and prints the median. Not a test: timings on a shared machine are not
 * pass/fail material. Usage: bench-check [runs]
 */
#include "config.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "bud-check.h"

#define N_UNITS              40
#define N_PROJECTS          800
#define N_LINES           20000
#define LINES_PER_PROJECT    10
#define INDICATORS_PER_TABLE 10

static const char * const basic_econ[] = {
  "30101", "30102", "30103", "30107", "30112", "30199", "30201", "30202", "30205",
  "30206", "30207", "30211", "30213", "30216", "30228", "30229", "30231", "30239",
};
static const char * const project_econ[] = {
  "30201", "30202", "30211", "30213", "30215", "30216", "30226", "30227", "30299", "31002",
};
static const char * const level1[] = { "产出指标", "成本指标", "效益指标", "满意度指标" };

static void
set_text (gpointer entity, BudKind kind, const char *field, const char *value)
{
  bud_field_set_text (entity, bud_entity_class_field (bud_entity_class (kind), field), value);
}

static gpointer
insert (BudDocument *doc, BudKind kind, gpointer entity)
{
  g_autoptr(GError) error = NULL;
  gpointer e = bud_document_insert (doc, kind, entity, -1, &error);

  if (e == NULL)
    g_error ("cannot build the document: %s", error->message);
  return e;
}

/* 7-digit functional items of the built-in catalog, minus the usual-pair ones
 * (a line there would need its twin 经济 code) */
static GPtrArray *
functional_items (BudCatalog *catalog)
{
  g_autoptr(GPtrArray) all = bud_catalog_list (catalog, BUD_SCHEME_FUNCTIONAL, BUD_CODE_LEVEL_ITEM);
  GPtrArray *items = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    {
      const BudCatalogEntry *e = g_ptr_array_index (all, i);
      if (!g_str_has_prefix (e->code, "20805") && !g_str_has_prefix (e->code, "21011") &&
          !g_str_has_prefix (e->code, "22102"))
        g_ptr_array_add (items, (gpointer) e->code);
    }
  if (items->len == 0)
    g_error ("the built-in catalog has no functional items");
  return items;
}

static BudDocument *
build (BudCatalog *catalog)
{
  BudDocument *doc = bud_document_new ();
  g_autoptr(GPtrArray) funcs = functional_items (catalog);
  g_autoptr(GHashTable) func_sum = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree gint64 *proj_fiscal = g_new0 (gint64, N_PROJECTS + 1);
  g_autofree gint64 *proj_other = g_new0 (gint64, N_PROJECTS + 1);
  gint64 general = 0, other = 0;
  guint32 seed = 20260101;
  BudIncome *in;
  BudTarget *t;

  bud_document_begin (doc, NULL);
  bud_document_set_text (doc, BUD_KIND_META, 1, "department", "某市大型部门", NULL);
  bud_document_set_int (doc, BUD_KIND_META, 1, "year", 2026, NULL);

  for (guint u = 1; u <= N_UNITS; u++)
    {
      BudUnit *unit = bud_entity_new (BUD_KIND_UNIT);
      g_autofree char *name = g_strdup_printf ("下属单位 %u", u);

      set_text (unit, BUD_KIND_UNIT, "name", name);
      unit->primary_unit = u == 1;
      insert (doc, BUD_KIND_UNIT, unit);
    }
  for (guint p = 1; p <= N_PROJECTS; p++)
    {
      BudProject *proj = bud_entity_new (BUD_KIND_PROJECT);
      g_autofree char *name = g_strdup_printf ("专项业务经费 %u", p);

      set_text (proj, BUD_KIND_PROJECT, "name", name);
      proj->unit = (p - 1) % N_UNITS + 1;
      insert (doc, BUD_KIND_PROJECT, proj);
    }

  for (guint i = 0; i < N_LINES; i++)
    {
      BudLine *l = bud_entity_new (BUD_KIND_LINE);
      gboolean is_project = i < N_PROJECTS * LINES_PER_PROJECT;
      guint project = is_project ? i / LINES_PER_PROJECT + 1 : 0;
      const char *func = g_ptr_array_index (funcs, (i * 7) % funcs->len);
      gint64 *sum;

      seed = seed * 1103515245u + 12345u;
      l->unit = is_project ? (project - 1) % N_UNITS + 1 : i % N_UNITS + 1;
      set_text (l, BUD_KIND_LINE, "func", func);
      set_text (l, BUD_KIND_LINE, "econ", is_project ? project_econ[i % G_N_ELEMENTS (project_econ)]
                                                     : basic_econ[i % G_N_ELEMENTS (basic_econ)]);
      l->kind = is_project ? BUD_SPEND_PROJECT : BUD_SPEND_BASIC;
      l->project = project;
      l->source = (seed >> 16) % 10 == 0 ? BUD_SOURCE_UNIT_OTHER : BUD_SOURCE_GENERAL;
      l->amount = 10000 + (gint64) ((seed >> 8) % 5000000);
      if (l->source == BUD_SOURCE_GENERAL)
        {
          general += l->amount;
          if (project)
            proj_fiscal[project] += l->amount;
          sum = g_hash_table_lookup (func_sum, func);
          if (sum == NULL)
            {
              sum = g_new0 (gint64, 1);
              g_hash_table_insert (func_sum, (gpointer) func, sum);
            }
          *sum += l->amount;
        }
      else
        {
          other += l->amount;
          if (project)
            proj_other[project] += l->amount;
        }
      insert (doc, BUD_KIND_LINE, l);
    }

  in = bud_entity_new (BUD_KIND_INCOME);
  in->source = BUD_SOURCE_GENERAL;
  in->amount = general;
  insert (doc, BUD_KIND_INCOME, in);
  in = bud_entity_new (BUD_KIND_INCOME);
  in->source = BUD_SOURCE_UNIT_OTHER;
  in->amount = other;
  insert (doc, BUD_KIND_INCOME, in);

  /* one comparative per 一般公共预算 项, 10 % up on last year, with a reason */
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, func_sum);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        BudComparative *c = bud_entity_new (BUD_KIND_COMPARATIVE);
        g_autofree char *measure = g_strconcat ("general.func.", key, NULL);

        set_text (c, BUD_KIND_COMPARATIVE, "measure", measure);
        set_text (c, BUD_KIND_COMPARATIVE, "reason", "业务量增加");
        c->last_year = *(gint64 *) value / 11 * 10;
        insert (doc, BUD_KIND_COMPARATIVE, c);
      }
  }

  for (guint p = 0; p <= N_PROJECTS; p++)
    {
      guint n = p == 0 ? 3 : INDICATORS_PER_TABLE;

      t = bud_entity_new (BUD_KIND_TARGET);
      t->project = p;
      t->fiscal_local = p ? proj_fiscal[p] : general;
      t->other = p ? proj_other[p] : other;
      set_text (t, BUD_KIND_TARGET, "goal", "保障部门履职，完成年度重点工作任务。");
      t = insert (doc, BUD_KIND_TARGET, t);
      for (guint k = 0; k < n; k++)
        {
          BudIndicator *ind = bud_entity_new (BUD_KIND_INDICATOR);
          g_autofree char *name = g_strdup_printf ("指标 %u", k + 1);

          ind->target = t->id;
          set_text (ind, BUD_KIND_INDICATOR, "level1", p ? level1[k % G_N_ELEMENTS (level1)] : "履职效能");
          set_text (ind, BUD_KIND_INDICATOR, "level2", "数量指标");
          set_text (ind, BUD_KIND_INDICATOR, "name", name);
          ind->op = k % 5 == 4 ? BUD_OP_QUAL : BUD_OP_GE;
          set_text (ind, BUD_KIND_INDICATOR, "value", k % 5 == 4 ? "有效保障" : "95");
          set_text (ind, BUD_KIND_INDICATOR, "unit", k % 5 == 4 ? "" : "%");
          set_text (ind, BUD_KIND_INDICATOR, "basis", "年度工作计划");
          ind->weight = p ? 900 : 3000;
          insert (doc, BUD_KIND_INDICATOR, ind);
        }
    }
  bud_document_commit (doc, NULL);
  return doc;
}

static int
compare_gint64 (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

int
main (int argc, char **argv)
{
  guint runs = argc > 1 ? (guint) atoi (argv[1]) : 50;
  BudCatalog *catalog = bud_catalog_get_default ();
  BudCheckContext ctx = { catalog, 9000, bud_check_level1_2021 };
  g_autoptr(BudDocument) doc = NULL;
  g_autofree gint64 *times = NULL;
  gint64 start;
  guint n_findings = 0;

  if (runs == 0)
    runs = 50;
  times = g_new0 (gint64, runs);

  start = g_get_monotonic_time ();
  doc = build (catalog);
  g_print ("document: %u units, %u lines, %u projects, %u targets, %u indicators (built in %.1f ms)\n",
           bud_document_count (doc, BUD_KIND_UNIT), bud_document_count (doc, BUD_KIND_LINE),
           bud_document_count (doc, BUD_KIND_PROJECT), bud_document_count (doc, BUD_KIND_TARGET),
           bud_document_count (doc, BUD_KIND_INDICATOR),
           (g_get_monotonic_time () - start) / 1000.0);

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GPtrArray) findings = NULL;

      start = g_get_monotonic_time ();
      findings = bud_check_run (doc, &ctx);
      times[i] = g_get_monotonic_time () - start;
      n_findings = findings->len;
      if (i == 0)
        for (guint j = 0; j < MIN (findings->len, 10u); j++)
          g_print ("  e.g. %s: %s\n", ((BudFinding *) g_ptr_array_index (findings, j))->rule,
                   ((BudFinding *) g_ptr_array_index (findings, j))->message);
    }
  qsort (times, runs, sizeof (gint64), compare_gint64);
  g_print ("bud_check_run: %u findings; median %.2f ms, min %.2f ms, max %.2f ms over %u runs\n",
           n_findings, times[runs / 2] / 1000.0, times[0] / 1000.0, times[runs - 1] / 1000.0, runs);
  return 0;
}
