/* bench-export.c — how long exporting the disclosure package takes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times building the package and writing PDF, XLSX, HTML and CSV for the
 * reference example and for the DESIGN target document (40 units, 20,000
 * lines, 800 projects, 8,000 indicators, built deterministically as in
 * bench-check.c). Not a test: timings on a shared machine are not pass/fail
 * material. Usage: bench-export [EXAMPLE.json] (default: the source tree's
 * data/examples/changji-2026.json via BUD_SOURCE_ROOT, else the current folder).
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "bud-catalog.h"
#include "bud-document.h"
#include "bud-export.h"
#include "bud-jsonio.h"
#include "bud-template.h"

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

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
bench (const char  *label,
       BudDocument *doc,
       BudTemplate *tpl,
       const char  *dir)
{
  static const BudExportFormat formats[] = { BUD_EXPORT_PDF, BUD_EXPORT_XLSX, BUD_EXPORT_HTML, BUD_EXPORT_CSV };
  g_autoptr(GError) error = NULL;
  g_autoptr(BudExportPackage) pkg = NULL;
  double package_ms, pdf_xlsx = 0;
  gint64 start;

  start = g_get_monotonic_time ();
  pkg = bud_export_package_new (doc, tpl, &error);
  package_ms = ms_since (start);
  if (pkg == NULL)
    g_error ("%s: %s", label, error->message);
  g_print ("%s: package (tables, narrative, performance tables) %.1f ms, %u tables\n",
           label, package_ms, bud_export_package_get_n_tables (pkg));

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      const char *ext = bud_export_format_to_string (formats[i]);
      g_autofree char *name = g_strdup_printf ("%s.%s", label, ext);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GStatBuf st = { 0 };
      double ms;

      start = g_get_monotonic_time ();
      if (!bud_export_write (pkg, formats[i], path, &error))
        g_error ("%s %s: %s", label, ext, error->message);
      ms = ms_since (start);
      if (formats[i] == BUD_EXPORT_PDF || formats[i] == BUD_EXPORT_XLSX)
        pdf_xlsx += ms;
      g_stat (path, &st);
      g_print ("  %-4s %8.1f ms  %10lld bytes\n", ext, ms,
               formats[i] == BUD_EXPORT_CSV ? 0LL : (long long) st.st_size);
    }
  g_print ("  package + PDF + XLSX: %.1f ms\n", package_ms + pdf_xlsx);
}

int
main (int argc, char **argv)
{
  BudCatalog *catalog = bud_catalog_get_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BudTemplate) tpl = bud_template_load ("xinjiang-2026", &error);
  g_autoptr(BudDocument) example = NULL;
  g_autoptr(BudDocument) large = NULL;
  g_autofree char *example_path = NULL;
  g_autofree char *dir = NULL;
  gint64 start;

  if (tpl == NULL)
    g_error ("%s", error->message);
  if (argc > 1)
    example_path = g_strdup (argv[1]);
  else
    example_path = g_build_filename (g_getenv ("BUD_SOURCE_ROOT") ? g_getenv ("BUD_SOURCE_ROOT") : ".",
                                     "data", "examples", "changji-2026.json", NULL);
  dir = g_dir_make_tmp ("bench-export-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);

  example = bud_json_read_file (example_path, &error);
  if (example == NULL)
    g_error ("%s: %s", example_path, error->message);
  bench ("example", example, tpl, dir);

  start = g_get_monotonic_time ();
  large = build (catalog);
  g_print ("large document: %u units, %u lines, %u projects, %u indicators (built in %.1f ms)\n",
           bud_document_count (large, BUD_KIND_UNIT), bud_document_count (large, BUD_KIND_LINE),
           bud_document_count (large, BUD_KIND_PROJECT), bud_document_count (large, BUD_KIND_INDICATOR),
           ms_since (start));
  bench ("large", large, tpl, dir);

  if (g_getenv ("BUD_BENCH_KEEP"))
    g_print ("files kept in %s\n", dir);
  else
    remove_tree (dir);
  return 0;
}
