/* test-derived.c — the 三公 and 委托业务费 figures explained, and carry-overs spent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures are checked three ways: against the reference package's printed
 * numbers, against bud_check_measure_value (what the narrative quotes) and
 * against 表10/表11 as the pivot builds them; the contributing lines against
 * the figure and the rule text.
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "bud-check.h"
#include "bud-derived.h"
#include "bud-jsonio.h"
#include "bud-pivot.h"

/* The reference package's 三公 figures, in 分: seed-changji-2026.txt, 第二部分 表十
 * 财政拨款“三公”经费支出情况表 and 第三部分 十 (“2026 年财政拨款“三公”经费数为 2.60 万元，
 * 其中：因公出国（境）费用 0.00 万元，公务用车购置 0.00 万元，公务用车运行维护费 2.60 万元，
 * 公务接待费 0.00 万元”); 委托业务费: 表十一 and 第三部分 十一 say the table is empty. */
static const struct {
  const char *key;
  gint64      seed;
} seed_figures[] = {
  { "sangong.total", 2600000 },
  { "sangong.abroad", 0 },
  { "sangong.reception", 0 },
  { "sangong.vehicle", 2600000 },
  { "sangong.vehicle_purchase", 0 },
  { "sangong.vehicle_operation", 2600000 },
  { "entrusted.total", 0 },
};

/* 表10's row of each 三公 key */
static const struct {
  const char *key;
  const char *row;
} table10_rows[] = {
  { "sangong.total", "total" },
  { "sangong.abroad", "abroad" },
  { "sangong.reception", "reception" },
  { "sangong.vehicle", "vehicle" },
  { "sangong.vehicle_purchase", "vehicle_purchase" },
  { "sangong.vehicle_operation", "vehicle_operation" },
};

static BudDocument *
load_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("BUD_SOURCE_ROOT"), "data", "examples",
                                            "changji-2026.json", NULL);
  g_autoptr(GError) error = NULL;
  BudDocument *doc = bud_json_read_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static const BudDerivedMeasure *
find (GPtrArray  *measures,
      const char *key)
{
  for (guint i = 0; i < measures->len; i++)
    {
      const BudDerivedMeasure *m = g_ptr_array_index (measures, i);
      if (g_str_equal (m->key, key))
        return m;
    }
  g_error ("no derived measure %s", key);
  return NULL;
}

static gint64
lines_sum (BudDocument             *doc,
           const BudDerivedMeasure *m)
{
  gint64 sum = 0;

  for (guint i = 0; i < m->lines->len; i++)
    {
      const BudLine *l = bud_document_lookup (doc, BUD_KIND_LINE, g_array_index (m->lines, gint64, i));

      g_assert_nonnull (l);
      sum += l->amount;
    }
  return sum;
}

static gboolean
lists_line (const BudDerivedMeasure *m,
            gint64                   id)
{
  for (guint i = 0; i < m->lines->len; i++)
    if (g_array_index (m->lines, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static BudTable *
build_table (BudDocument *doc,
             guint        number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudTemplate) tpl = bud_template_load (bud_document_meta (doc)->template_id, &error);
  BudTable *t;

  g_assert_no_error (error);
  g_assert_cmpint (bud_template_find_table (tpl, number), >=, 0);
  t = bud_pivot_build (tpl, bud_template_find_table (tpl, number), doc, NULL, &error);
  g_assert_no_error (error);
  return t;
}

/* Every figure agrees with the checks, 表10 and 表11, and its lines add up to it. */
static void
assert_consistent (BudDocument *doc)
{
  g_autoptr(GPtrArray) measures = bud_derived_measures (doc);
  g_autoptr(BudTable) t10 = build_table (doc, 10);
  g_autoptr(BudTable) t11 = build_table (doc, 11);
  const BudDerivedMeasure *entrusted;
  gint64 cell = -1;

  g_assert_cmpuint (measures->len, ==, G_N_ELEMENTS (seed_figures));
  for (guint i = 0; i < measures->len; i++)
    {
      const BudDerivedMeasure *m = g_ptr_array_index (measures, i);
      gint64 value = -1;

      g_assert_true (bud_check_measure_value (doc, m->key, &value));
      g_assert_cmpint (m->this_year, ==, value);
      g_assert_cmpint (lines_sum (doc, m), ==, m->this_year);
      for (guint j = 0; j < m->lines->len; j++)
        {
          const BudLine *l = bud_document_lookup (doc, BUD_KIND_LINE, g_array_index (m->lines, gint64, j));

          /* the rule says which codes and money: every line listed fits it */
          g_assert_true (bud_source_is_fiscal (l->source) && !bud_source_is_carry (l->source));
          g_assert_nonnull (strstr (m->rule, l->econ));
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (table10_rows); i++)
    {
      g_assert_true (bud_table_lookup (t10, table10_rows[i].row, "total", &cell));
      g_assert_cmpint (find (measures, table10_rows[i].key)->this_year, ==, cell);
    }
  entrusted = find (measures, "entrusted.total");
  if (bud_table_lookup (t11, "total", "total", &cell))
    g_assert_cmpint (entrusted->this_year, ==, cell);
  else
    g_assert_cmpint (entrusted->this_year, ==, 0);
}

static void
test_example (void)
{
  g_autoptr(BudDocument) doc = load_example ();
  g_autoptr(GPtrArray) measures = bud_derived_measures (doc);
  const BudDerivedMeasure *m;

  g_assert_cmpuint (measures->len, ==, G_N_ELEMENTS (seed_figures));
  for (guint i = 0; i < G_N_ELEMENTS (seed_figures); i++)
    {
      m = g_ptr_array_index (measures, i);
      g_assert_cmpstr (m->key, ==, seed_figures[i].key);
      g_assert_cmpint (m->this_year, ==, seed_figures[i].seed);
      g_assert_nonnull (m->label);
      g_assert_nonnull (m->rule);
    }
  assert_consistent (doc);

  /* the seed's one 三公 line: 公务用车运行维护费 */
  m = find (measures, "sangong.vehicle_operation");
  g_assert_cmpuint (m->lines->len, >=, 1);
  g_assert_cmpuint (m->level, ==, 1);
  g_assert_nonnull (strstr (m->rule, "30231"));
  /* last year and the reason come from the comparative */
  g_assert_true (m->has_last_year);
  g_assert_cmpint (m->last_year, ==, 2600000);
  g_assert_cmpint (m->comparative, ==, bud_document_find_comparative (doc, "sangong.vehicle_operation")->id);
  g_assert_cmpstr (m->reason, ==, bud_document_find_comparative (doc, "sangong.vehicle_operation")->reason);
  g_assert_cmpuint (find (measures, "sangong.reception")->lines->len, ==, 0);
  /* the example has no comparative for 委托业务费 */
  m = find (measures, "entrusted.total");
  g_assert_false (m->has_last_year);
  g_assert_cmpint (m->comparative, ==, 0);
  g_assert_cmpstr (m->reason, ==, "");
  g_assert_nonnull (strstr (m->rule, "30227"));
}

/* A basic line like the example's first, with its own code, source and amount. */
static gint64
add_line (BudDocument *doc,
          const char  *econ,
          BudSource    source,
          gint64       amount,
          gint64       carryover)
{
  const BudLine *first = g_ptr_array_index (bud_document_items (doc, BUD_KIND_LINE), 0);
  BudLine *l = bud_entity_copy (BUD_KIND_LINE, first);
  g_autoptr(GError) error = NULL;
  BudLine *added;

  l->id = 0;
  g_free (l->econ);
  l->econ = g_strdup (econ);
  l->kind = BUD_SPEND_BASIC;
  l->project = 0;
  l->source = source;
  l->carryover = carryover;
  l->amount = amount;
  added = bud_document_insert (doc, BUD_KIND_LINE, l, -1, &error);
  g_assert_no_error (error);
  return added->id;
}

static gint64
value_of (BudDocument *doc,
          const char  *key)
{
  g_autoptr(GPtrArray) measures = bud_derived_measures (doc);
  return find (measures, key)->this_year;
}

static void
test_reception_line (void)
{
  g_autoptr(BudDocument) doc = load_example ();
  gint64 reception = value_of (doc, "sangong.reception");
  gint64 total = value_of (doc, "sangong.total");
  gint64 vehicle = value_of (doc, "sangong.vehicle");
  gint64 fiscal, unit, carried;

  fiscal = add_line (doc, "30217", BUD_SOURCE_GENERAL, 123456, 0);
  {
    g_autoptr(GPtrArray) measures = bud_derived_measures (doc);

    g_assert_cmpint (find (measures, "sangong.reception")->this_year, ==, reception + 123456);
    g_assert_cmpint (find (measures, "sangong.total")->this_year, ==, total + 123456);
    g_assert_cmpint (find (measures, "sangong.vehicle")->this_year, ==, vehicle);
    g_assert_true (lists_line (find (measures, "sangong.reception"), fiscal));
    g_assert_true (lists_line (find (measures, "sangong.total"), fiscal));
    g_assert_false (lists_line (find (measures, "sangong.vehicle"), fiscal));
    g_assert_false (lists_line (find (measures, "entrusted.total"), fiscal));
  }
  assert_consistent (doc);

  /* 单位资金 is not 财政拨款: neither counted nor listed */
  unit = add_line (doc, "30217", BUD_SOURCE_UNIT_BUSINESS, 50000, 0);
  {
    g_autoptr(GPtrArray) measures = bud_derived_measures (doc);

    g_assert_cmpint (find (measures, "sangong.reception")->this_year, ==, reception + 123456);
    g_assert_false (lists_line (find (measures, "sangong.reception"), unit));
    g_assert_false (lists_line (find (measures, "sangong.total"), unit));
  }

  /* nor is 财政拨款结转: 表10 has no column for it */
  carried = add_line (doc, "30217", BUD_SOURCE_CARRY_GENERAL, 700, 0);
  {
    g_autoptr(GPtrArray) measures = bud_derived_measures (doc);

    g_assert_cmpint (find (measures, "sangong.reception")->this_year, ==, reception + 123456);
    g_assert_false (lists_line (find (measures, "sangong.reception"), carried));
  }
  assert_consistent (doc);
}

static void
test_vehicle_and_entrusted (void)
{
  g_autoptr(BudDocument) doc = load_example ();
  gint64 purchase = value_of (doc, "sangong.vehicle_purchase");
  gint64 vehicle = value_of (doc, "sangong.vehicle");
  gint64 entrusted = value_of (doc, "entrusted.total");
  gint64 bought, services;

  bought = add_line (doc, "30913", BUD_SOURCE_GENERAL, 30000000, 0);
  services = add_line (doc, "30227", BUD_SOURCE_GENERAL_TRANSFER, 880000, 0);
  {
    g_autoptr(GPtrArray) measures = bud_derived_measures (doc);

    g_assert_cmpint (find (measures, "sangong.vehicle_purchase")->this_year, ==, purchase + 30000000);
    g_assert_cmpint (find (measures, "sangong.vehicle")->this_year, ==, vehicle + 30000000);
    g_assert_true (lists_line (find (measures, "sangong.vehicle"), bought));
    g_assert_false (lists_line (find (measures, "sangong.vehicle_operation"), bought));
    g_assert_cmpint (find (measures, "entrusted.total")->this_year, ==, entrusted + 880000);
    g_assert_true (lists_line (find (measures, "entrusted.total"), services));
    g_assert_false (lists_line (find (measures, "sangong.total"), services));
  }
  assert_consistent (doc);
}

static void
test_carryover_spent (void)
{
  g_autoptr(BudDocument) doc = load_example ();
  g_autoptr(GError) error = NULL;
  BudCarryover *a = bud_entity_new (BUD_KIND_CARRYOVER);
  BudCarryover *b = bud_entity_new (BUD_KIND_CARRYOVER);
  gint64 a_id, b_id;
  guint n = 99;

  g_free (a->name);
  a->name = g_strdup ("昌财预〔2025〕1号");
  a->source = BUD_SOURCE_CARRY_GENERAL;
  a->amount = 1000000;
  a = bud_document_insert (doc, BUD_KIND_CARRYOVER, a, -1, &error);
  g_assert_no_error (error);
  a_id = a->id;
  g_free (b->name);
  b->name = g_strdup ("other");
  b->source = BUD_SOURCE_CARRY_UNIT;
  b = bud_document_insert (doc, BUD_KIND_CARRYOVER, b, -1, &error);
  g_assert_no_error (error);
  b_id = b->id;

  g_assert_cmpint (bud_derived_carryover_spent (doc, a_id, &n), ==, 0);
  g_assert_cmpuint (n, ==, 0);
  add_line (doc, "30201", BUD_SOURCE_CARRY_GENERAL, 300000, a_id);
  add_line (doc, "30217", BUD_SOURCE_CARRY_GENERAL, 2500, a_id);
  add_line (doc, "30201", BUD_SOURCE_CARRY_UNIT, 42, b_id);
  g_assert_cmpint (bud_derived_carryover_spent (doc, a_id, &n), ==, 302500);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (bud_derived_carryover_spent (doc, b_id, &n), ==, 42);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (bud_derived_carryover_spent (doc, 0, NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/derived/example", test_example);
  g_test_add_func ("/derived/reception-line", test_reception_line);
  g_test_add_func ("/derived/vehicle-and-entrusted", test_vehicle_and_entrusted);
  g_test_add_func ("/derived/carryover-spent", test_carryover_spent);
  return g_test_run ();
}
