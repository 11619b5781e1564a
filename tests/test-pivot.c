/* test-pivot.c — the template reader and the pivot engine on documents built in C
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expectations come from the lines the tests put in (sums computed here) and
 * from the relations a reviewer checks between tables (DOMAIN.md), never from
 * a previous run of the engine.
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "bud-catalog.h"
#include "bud-document.h"
#include "bud-pivot.h"
#include "bud-table.h"
#include "bud-template.h"
#include "bud-test-doc.h"

#define DEPT "测试部门"

static BudTemplate *
xinjiang (void)
{
  g_autoptr(GError) error = NULL;
  BudTemplate *tpl = bud_template_load ("xinjiang-2026", &error);

  g_assert_no_error (error);
  g_assert_nonnull (tpl);
  return tpl;
}

static BudDocument *
new_doc (void)
{
  g_autoptr(GError) error = NULL;
  BudDocument *doc = bud_document_new ();
  BudUnit *unit = bud_entity_new (BUD_KIND_UNIT);

  g_assert_true (bud_document_set_text (doc, BUD_KIND_META, 1, "department", DEPT, &error));
  g_assert_true (bud_document_set_text (doc, BUD_KIND_META, 1, "template_id", "xinjiang-2026", &error));
  g_assert_true (bud_document_set_int (doc, BUD_KIND_META, 1, "year", 2026, &error));
  g_free (unit->name);
  unit->name = g_strdup (DEPT);
  g_assert_nonnull (bud_document_insert (doc, BUD_KIND_UNIT, unit, -1, &error));
  g_assert_no_error (error);
  return doc;
}

static gint64
add_project (BudDocument *doc,
             const char  *name)
{
  g_autoptr(GError) error = NULL;
  BudProject *p = bud_entity_new (BUD_KIND_PROJECT);

  g_free (p->name);
  p->name = g_strdup (name);
  p->unit = 1;
  g_assert_nonnull (bud_document_insert (doc, BUD_KIND_PROJECT, p, -1, &error));
  g_assert_no_error (error);
  return p->id;
}

static gint64
add_carryover (BudDocument *doc,
               const char  *name,
               BudSource    source,
               gint64       amount)
{
  g_autoptr(GError) error = NULL;
  BudCarryover *c = bud_entity_new (BUD_KIND_CARRYOVER);

  g_free (c->name);
  c->name = g_strdup (name);
  c->source = source;
  c->amount = amount;
  g_assert_nonnull (bud_document_insert (doc, BUD_KIND_CARRYOVER, c, -1, &error));
  g_assert_no_error (error);
  return c->id;
}

static void
add_line (BudDocument *doc,
          const char  *func,
          const char  *econ,
          gint64       project,
          BudSource    source,
          gint64       amount)
{
  bud_test_add_line (doc, 1, func, econ, project ? BUD_SPEND_PROJECT : BUD_SPEND_BASIC, project, source, 0, amount);
}

static void
set_income (BudDocument *doc,
            BudSource    source,
            gint64       amount)
{
  g_autoptr(GError) error = NULL;
  BudIncome *inc = bud_document_find_income (doc, source);

  if (inc)
    {
      g_assert_true (bud_document_set_int (doc, BUD_KIND_INCOME, inc->id, "amount", amount, &error));
      return;
    }
  inc = bud_entity_new (BUD_KIND_INCOME);
  inc->source = source;
  inc->amount = amount;
  g_assert_nonnull (bud_document_insert (doc, BUD_KIND_INCOME, inc, -1, &error));
  g_assert_no_error (error);
}

static BudTable *
build (BudTemplate *tpl,
       BudDocument *doc,
       guint        number)
{
  g_autoptr(GError) error = NULL;
  gint index = bud_template_find_table (tpl, number);
  BudTable *t;

  g_assert_cmpint (index, >=, 0);
  t = bud_pivot_build (tpl, index, doc, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (t);
  g_assert_cmpuint (t->number, ==, number);
  return t;
}

static gint64
cell (BudTable   *t,
      const char *row_key,
      const char *column_id)
{
  gint64 v = -1;

  if (!bud_table_lookup (t, row_key, column_id, &v))
    g_error ("表%u has no cell (%s, %s)", t->number, row_key, column_id);
  return v;
}

static gint64
total (BudTable   *t,
       const char *column_id)
{
  return cell (t, "total", column_id);
}

static gboolean
has_row (BudTable   *t,
         const char *row_key,
         const char *column_id)
{
  return bud_table_find_row (t, row_key, column_id) != NULL;
}

static const char *
text_at (BudTable    *t,
         BudTableRow *row,
         guint        col)
{
  return row->cells[col].type == BUD_CELL_TEXT ? row->cells[col].text : "";
}

/* 类 = Σ款, 款 = Σ项 (or Σ project rows), 总计 = Σ类, in every money column. */
static void
assert_hierarchy_sums (BudTable *t)
{
  BudTableRow *tot = bud_table_total_row (t);

  for (guint c = 0; c < t->n_columns; c++)
    {
      gint64 classes = 0;

      if (t->column_kinds[c] != BUD_COLUMN_MONEY)
        continue;
      for (guint r = 0; r < t->rows->len; r++)
        {
          BudTableRow *row = g_ptr_array_index (t->rows, r);
          BudTableRowKind child = row->kind == BUD_ROW_CLASS ? BUD_ROW_SECTION : BUD_ROW_ITEM;
          gint64 sum = 0;
          guint children = 0;

          if (row->kind == BUD_ROW_CLASS)
            classes += row->cells[c].amount;
          if (row->kind != BUD_ROW_CLASS && row->kind != BUD_ROW_SECTION)
            continue;
          for (guint k = 0; k < t->rows->len; k++)
            {
              BudTableRow *other = g_ptr_array_index (t->rows, k);

              if ((other->kind == child || (child == BUD_ROW_ITEM && other->kind == BUD_ROW_PROJECT))
                  && g_str_has_prefix (other->keys[0], row->keys[0]))
                {
                  sum += other->cells[c].amount;
                  children++;
                }
            }
          /* a hierarchy shown only down to 类 has no children to add */
          if (children > 0)
            g_assert_cmpint (sum, ==, row->cells[c].amount);
        }
      g_assert_nonnull (tot);
      g_assert_cmpint (classes, ==, tot->cells[c].amount);
    }
}

/* ---- template ---- */

static void
test_template_builtin (void)
{
  g_autoptr(BudTemplate) tpl = xinjiang ();
  const BudPerfLevel *levels;
  const char * const *personnel;
  guint n = 0;

  g_assert_cmpstr (bud_template_get_id (tpl), ==, "xinjiang-2026");
  g_assert_cmpuint (bud_template_get_n_tables (tpl), ==, 12);
  for (guint i = 0; i < 12; i++)
    g_assert_cmpuint (bud_template_get_table (tpl, i)->number, ==, i + 1);
  g_assert_cmpint (bud_template_get_indicator_weight_sum (tpl), ==, 9000);
  g_assert_cmpint (bud_template_get_money_unit (tpl), ==, BUD_MONEY_WAN);
  g_assert_cmpstr (bud_template_get_unit_label (tpl), ==, "万元");
  personnel = bud_template_get_personnel_econ (tpl);
  g_assert_true (g_strv_contains (personnel, "301"));
  g_assert_true (g_strv_contains (personnel, "303"));
  g_assert_false (g_strv_contains (personnel, "302"));
  levels = bud_template_get_performance_levels (tpl, "project", &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpstr (levels[0].name, ==, "产出指标");
  g_assert_true (g_strv_contains ((const char * const *) levels[0].children, "数量指标"));
  g_assert_nonnull (bud_template_get_performance_levels (tpl, "department", &n));
  g_assert_cmpuint (n, >, 0);
  g_assert_null (bud_template_get_performance_levels (tpl, "nothing", &n));
  g_assert_cmpint (bud_template_find_table (tpl, 13), ==, -1);
}

static const char minimal_template[] =
  "{\"format\": \"deptbudget-template\", \"version\": 1, \"id\": \"t\",\n"
  " \"source_sets\": {\"gb\": [\"general\", \"general_transfer\"]},\n"
  " \"tables\": [{\"number\": 3, \"id\": \"x\", \"title\": \"T\",\n"
  "  \"header\": [[{\"text\": \"科目\", \"col\": 0}, {\"text\": \"合计\", \"col\": 1}]],\n"
  "  \"columns\": [{\"type\": \"label\"}, {\"type\": \"money\", \"id\": \"total\", \"filter\": {\"kind\": \"basic\", \"sources\": \"gb\"}}],\n"
  "  \"rows\": {\"dimension\": \"functional\", \"levels\": [\"class\"]},\n"
  "  \"total\": {\"label\": \"总计\"}}]}";

static void
assert_refused (const char *from,
                const char *to,
                const char *expected_key)
{
  g_autoptr(GString) s = g_string_new (minimal_template);
  g_autoptr(GError) error = NULL;
  g_autoptr(BudTemplate) tpl = NULL;

  g_assert_cmpuint (g_string_replace (s, from, to, 1), ==, 1);
  tpl = bud_template_new_from_data (s->str, -1, &error);
  g_assert_null (tpl);
  g_assert_error (error, BUD_TEMPLATE_ERROR, BUD_TEMPLATE_ERROR_INVALID);
  if (strstr (error->message, "table 3") == NULL || strstr (error->message, expected_key) == NULL)
    g_error ("the message “%s” should name table 3 and “%s”", error->message, expected_key);
}

static void
test_template_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudTemplate) ok = bud_template_new_from_data (minimal_template, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ok);
  g_assert_cmpuint (bud_template_get_table (ok, 0)->n_columns, ==, 2);

  assert_refused ("\"functional\"", "\"functionl\"", "rows.dimension");
  assert_refused ("\"kind\": \"basic\"", "\"kinds\": \"basic\"", "columns[1].filter.kinds");
  assert_refused ("\"kind\": \"basic\"", "\"kind\": \"both\"", "columns[1].filter");
  assert_refused ("\"sources\": \"gb\"", "\"sources\": \"gbx\"", "columns[1].filter.sources");
  assert_refused ("\"type\": \"label\"", "\"type\": \"lable\"", "columns[0].type");
  assert_refused ("\"levels\": [\"class\"]", "\"levels\": [\"klass\"]", "rows.levels");
  assert_refused ("\"col\": 1}", "\"col\": 0}", "header[0][1]");
  assert_refused ("\"col\": 1}", "\"col\": 2}", "header[0][1]");
  assert_refused ("\"total\": {\"label\"", "\"totals\": {\"label\"", "totals");

  g_clear_error (&error);
  g_assert_null (bud_template_new_from_data ("{\"format\": ", -1, &error));
  g_assert_error (error, BUD_TEMPLATE_ERROR, BUD_TEMPLATE_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_null (bud_template_load ("atlantis-2099", &error));
  g_assert_error (error, BUD_TEMPLATE_ERROR, BUD_TEMPLATE_ERROR_NOT_FOUND);
}

/* ---- dimensions and columns ---- */

static void
test_hierarchy (void)
{
  g_autoptr(BudTemplate) tpl = xinjiang ();
  g_autoptr(BudDocument) doc = new_doc ();
  g_autoptr(BudTable) t3 = NULL;
  g_autoptr(BudTable) t2 = NULL;
  gint64 p = add_project (doc, "项目甲");
  BudTableRow *row;

  add_line (doc, "2010350", "30101", 0, BUD_SOURCE_GENERAL, 100000);
  add_line (doc, "2010350", "30201", 0, BUD_SOURCE_GENERAL, 23456);
  add_line (doc, "2010399", "30299", p, BUD_SOURCE_GENERAL, 300000);
  add_line (doc, "2010601", "30201", 0, BUD_SOURCE_UNIT_BUSINESS, 5000);
  add_line (doc, "2080505", "30108", 0, BUD_SOURCE_GENERAL_TRANSFER, 77777);
  /* lines that cancel out and a zero line leave no row behind */
  add_line (doc, "2130101", "30201", 0, BUD_SOURCE_GENERAL, 1000);
  add_line (doc, "2130101", "30201", 0, BUD_SOURCE_GENERAL, -1000);
  add_line (doc, "2120101", "30201", 0, BUD_SOURCE_GENERAL, 0);

  t3 = build (tpl, doc, 3);
  assert_hierarchy_sums (t3);
  g_assert_cmpint (cell (t3, "201", "total"), ==, 100000 + 23456 + 300000 + 5000);
  g_assert_cmpint (cell (t3, "20103", "basic"), ==, 123456);
  g_assert_cmpint (cell (t3, "20103", "project"), ==, 300000);
  g_assert_cmpint (cell (t3, "2010601", "total"), ==, 5000);
  g_assert_cmpint (total (t3, "total"), ==, 100000 + 23456 + 300000 + 5000 + 77777);
  g_assert_cmpint (total (t3, "basic") + total (t3, "project"), ==, total (t3, "total"));
  g_assert_false (has_row (t3, "213", "total"));
  g_assert_false (has_row (t3, "2130101", "total"));
  g_assert_false (has_row (t3, "212", "total"));
  g_assert_false (t3->empty);
  g_assert_null (t3->empty_statement);

  /* sorted by code, codes split into 类 / 款 / 项 as the seed prints them */
  row = g_ptr_array_index (t3->rows, 0);
  g_assert_cmpint (row->kind, ==, BUD_ROW_CLASS);
  g_assert_cmpstr (text_at (t3, row, 0), ==, "201");
  g_assert_cmpstr (text_at (t3, row, 1), ==, "");
  g_assert_cmpstr (text_at (t3, row, 3), ==, "一般公共服务支出");
  row = g_ptr_array_index (t3->rows, 2);
  g_assert_cmpint (row->kind, ==, BUD_ROW_ITEM);
  g_assert_cmpstr (row->keys[0], ==, "2010350");
  g_assert_cmpstr (text_at (t3, row, 0), ==, "201");
  g_assert_cmpstr (text_at (t3, row, 1), ==, "03");
  g_assert_cmpstr (text_at (t3, row, 2), ==, "50");
  g_assert_cmpstr (text_at (t3, row, 3), ==, "事业运行");
  for (guint r = 1; r + 1 < t3->rows->len; r++)
    g_assert_cmpstr (((BudTableRow *) g_ptr_array_index (t3->rows, r - 1))->keys[0], <,
                     ((BudTableRow *) g_ptr_array_index (t3->rows, r))->keys[0]);
  row = bud_table_total_row (t3);
  g_assert_true (row == g_ptr_array_index (t3->rows, t3->rows->len - 1));
  g_assert_cmpstr (text_at (t3, row, 3), ==, "总计");

  /* 表2: the source columns add up to 总计, 财政拨款 to its parts */
  t2 = build (tpl, doc, 2);
  assert_hierarchy_sums (t2);
  g_assert_cmpint (cell (t2, "201", "general"), ==, 423456);
  g_assert_cmpint (cell (t2, "201", "unit_funds"), ==, 5000);
  g_assert_cmpint (cell (t2, "208", "general_transfer"), ==, 77777);
  g_assert_cmpint (cell (t2, "208", "fiscal"), ==, 77777);
  g_assert_cmpint (total (t2, "total"), ==, total (t3, "total"));
  g_assert_cmpint (total (t2, "fiscal") + total (t2, "special_account") + total (t2, "unit_funds")
                   + total (t2, "carry_fiscal") + total (t2, "carry_nonfiscal"), ==, total (t2, "total"));
}

static void
test_personnel_public (void)
{
  g_autoptr(BudTemplate) tpl = xinjiang ();
  g_autoptr(BudDocument) doc = new_doc ();
  g_autoptr(BudTable) t6 = NULL;
  g_autoptr(BudTable) t8 = NULL;
  gint64 p = add_project (doc, "项目");

  add_line (doc, "2010350", "30101", 0, BUD_SOURCE_GENERAL, 1000);
  add_line (doc, "2010350", "30102", 0, BUD_SOURCE_GENERAL, 2000);
  add_line (doc, "2080501", "30301", 0, BUD_SOURCE_GENERAL, 400);
  add_line (doc, "2010350", "30201", 0, BUD_SOURCE_GENERAL, 80);
  add_line (doc, "2010350", "31002", 0, BUD_SOURCE_GENERAL, 6);
  add_line (doc, "2010350", "30201", p, BUD_SOURCE_GENERAL, 50000);          /* project: not in 表6 */
  add_line (doc, "2010350", "30101", 0, BUD_SOURCE_UNIT_BUSINESS, 70000);    /* not 一般公共预算 */
  add_line (doc, "2120101", "30101", 0, BUD_SOURCE_FUND, 9);
  add_line (doc, "2120101", "30201", 0, BUD_SOURCE_FUND_TRANSFER, 10);
  add_line (doc, "2120101", "30201", p, BUD_SOURCE_FUND, 100);

  t6 = build (tpl, doc, 6);
  assert_hierarchy_sums (t6);
  g_assert_cmpint (cell (t6, "301", "personnel"), ==, 3000);
  g_assert_cmpint (cell (t6, "301", "public"), ==, 0);
  g_assert_cmpint (cell (t6, "30102", "total"), ==, 2000);
  g_assert_cmpint (cell (t6, "303", "personnel"), ==, 400);
  g_assert_cmpint (cell (t6, "302", "public"), ==, 80);
  g_assert_cmpint (cell (t6, "310", "public"), ==, 6);
  g_assert_cmpint (total (t6, "total"), ==, 3486);
  g_assert_cmpint (total (t6, "personnel") + total (t6, "public"), ==, total (t6, "total"));

  t8 = build (tpl, doc, 8);
  assert_hierarchy_sums (t8);
  g_assert_cmpint (total (t8, "personnel"), ==, 9);
  g_assert_cmpint (total (t8, "public"), ==, 10);
  g_assert_cmpint (total (t8, "project"), ==, 100);
  g_assert_cmpint (total (t8, "total"), ==, 119);
  g_assert_false (t8->empty);
  g_assert_null (t8->empty_statement);
}

static void
test_sangong (void)
{
  g_autoptr(BudTemplate) tpl = xinjiang ();
  g_autoptr(BudDocument) doc = new_doc ();
  g_autoptr(BudTable) t10 = NULL;
  gint64 p = add_project (doc, "项目");

  add_line (doc, "2010350", "30212", 0, BUD_SOURCE_GENERAL, 100);
  add_line (doc, "2010350", "30212", p, BUD_SOURCE_GENERAL, 20);
  add_line (doc, "2010350", "30217", 0, BUD_SOURCE_GENERAL_TRANSFER, 3);
  add_line (doc, "2010350", "31013", p, BUD_SOURCE_GENERAL, 40000);
  add_line (doc, "2010350", "30913", p, BUD_SOURCE_FUND, 5000);
  add_line (doc, "2010350", "30231", 0, BUD_SOURCE_GENERAL, 600);
  add_line (doc, "2010350", "30231", p, BUD_SOURCE_STATE_CAPITAL, 7);
  add_line (doc, "2010350", "30231", 0, BUD_SOURCE_UNIT_OTHER, 999999);  /* not 财政拨款 */
  add_line (doc, "2010350", "30211", 0, BUD_SOURCE_GENERAL, 888888);     /* 差旅费, not 三公 */

  t10 = build (tpl, doc, 10);
  g_assert_cmpint (cell (t10, "abroad", "total"), ==, 120);
  g_assert_cmpint (cell (t10, "reception", "general_budget"), ==, 3);
  g_assert_cmpint (cell (t10, "vehicle_purchase", "total"), ==, 45000);
  g_assert_cmpint (cell (t10, "vehicle_purchase", "fund_budget"), ==, 5000);
  g_assert_cmpint (cell (t10, "vehicle_operation", "total"), ==, 607);
  g_assert_cmpint (cell (t10, "vehicle_operation", "state_capital_budget"), ==, 7);
  g_assert_cmpint (cell (t10, "vehicle", "total"), ==,
                   cell (t10, "vehicle_purchase", "total") + cell (t10, "vehicle_operation", "total"));
  g_assert_cmpint (total (t10, "total"), ==, 120 + 3 + 45000 + 607);
  g_assert_cmpint (total (t10, "total"), ==,
                   cell (t10, "abroad", "total") + cell (t10, "reception", "total") + cell (t10, "vehicle", "total"));
  g_assert_cmpint (total (t10, "general_budget") + total (t10, "fund_budget") + total (t10, "state_capital_budget"),
                   ==, total (t10, "total"));
  g_assert_null (t10->empty_statement);
}

static void
test_entrusted (void)
{
  g_autoptr(BudTemplate) tpl = xinjiang ();
  g_autoptr(BudDocument) doc = new_doc ();
  g_autoptr(BudTable) t11 = NULL;
  g_autoptr(BudTable) t11_empty = NULL;
  g_autoptr(BudDocument) none = new_doc ();
  gint64 a = add_project (doc, "项目甲");
  gint64 b = add_project (doc, "项目乙");
  gint64 c = add_project (doc, "项目丙");
  g_autofree char *ka = g_strdup_printf ("project:%" G_GINT64_FORMAT, a);
  g_autofree char *kb = g_strdup_printf ("project:%" G_GINT64_FORMAT, b);
  g_autofree char *kc = g_strdup_printf ("project:%" G_GINT64_FORMAT, c);
  BudTableRow *row;

  add_line (doc, "2010350", "30227", b, BUD_SOURCE_FUND, 500);
  add_line (doc, "2010350", "30227", a, BUD_SOURCE_GENERAL, 100);
  add_line (doc, "2010399", "30227", a, BUD_SOURCE_GENERAL_TRANSFER, 10);
  add_line (doc, "2010350", "30201", c, BUD_SOURCE_GENERAL, 9999);     /* no 委托业务费 */
  add_line (doc, "2010350", "30227", c, BUD_SOURCE_UNIT_OTHER, 9999);  /* not 财政拨款 */
  add_line (doc, "2010350", "30227", 0, BUD_SOURCE_GENERAL, 7);

  t11 = build (tpl, doc, 11);
  g_assert_cmpint (cell (t11, ka, "total"), ==, 110);
  g_assert_cmpint (cell (t11, ka, "general_budget"), ==, 110);
  g_assert_cmpint (cell (t11, kb, "fund_budget"), ==, 500);
  g_assert_false (has_row (t11, kc, "total"));
  g_assert_cmpint (cell (t11, "unassigned", "total"), ==, 7);
  g_assert_cmpint (total (t11, "total"), ==, 617);
  /* rows in project order, names as labels */
  row = g_ptr_array_index (t11->rows, 0);
  g_assert_cmpstr (row->keys[0], ==, ka);
  g_assert_cmpstr (text_at (t11, row, 0), ==, "项目甲");
  g_assert_cmpint (row->kind, ==, BUD_ROW_ENTRY);
  g_assert_null (t11->empty_statement);

  t11_empty = build (tpl, none, 11);
  g_assert_true (t11_empty->empty);
  g_assert_cmpstr (t11_empty->empty_statement, ==,
                   DEPT "2026年没有委托业务费预算的支出，财政拨款委托业务费支出情况表为空表。");
  g_assert_cmpuint (t11_empty->rows->len, ==, 1);
  g_assert_cmpint (((BudTableRow *) g_ptr_array_index (t11_empty->rows, 0))->kind, ==, BUD_ROW_TOTAL);
}

static void
test_project_rows (void)
{
  g_autoptr(BudTemplate) tpl = xinjiang ();
  g_autoptr(BudDocument) doc = new_doc ();
  g_autoptr(BudTable) t7 = NULL;
  gint64 a = add_project (doc, "项目甲");
  gint64 b = add_project (doc, "项目乙");
  g_autofree char *ka = g_strdup_printf ("2010399#%" G_GINT64_FORMAT, a);
  g_autofree char *kb = g_strdup_printf ("2010399#%" G_GINT64_FORMAT, b);
  BudTableRow *lead, *row;
  gint64 econ_sum = 0;

  add_line (doc, "2010399", "30201", b, BUD_SOURCE_GENERAL, 200);
  add_line (doc, "2010399", "30101", a, BUD_SOURCE_GENERAL, 1);
  add_line (doc, "2010399", "31002", a, BUD_SOURCE_GENERAL, 30);
  add_line (doc, "2010399", "39999", a, BUD_SOURCE_GENERAL, 4000);
  add_line (doc, "2130101", "30201", b, BUD_SOURCE_GENERAL_TRANSFER, 50000);
  add_line (doc, "2010350", "30201", 0, BUD_SOURCE_GENERAL, 777);       /* basic: not in 表7 */
  add_line (doc, "2010399", "30201", b, BUD_SOURCE_FUND, 666);          /* fund: not in 表7 */

  t7 = build (tpl, doc, 7);
  assert_hierarchy_sums (t7);
  lead = g_ptr_array_index (t7->rows, 0);
  g_assert_cmpint (lead->kind, ==, BUD_ROW_LEAD);
  g_assert_cmpstr (text_at (t7, lead, 3), ==, DEPT);
  g_assert_cmpint (cell (t7, "lead", "total"), ==, total (t7, "total"));
  g_assert_cmpint (total (t7, "total"), ==, 54231);
  g_assert_cmpint (cell (t7, ka, "total"), ==, 4031);
  g_assert_cmpint (cell (t7, ka, "econ_301"), ==, 1);
  g_assert_cmpint (cell (t7, ka, "econ_310"), ==, 30);
  g_assert_cmpint (cell (t7, ka, "econ_399"), ==, 4000);
  g_assert_cmpint (cell (t7, kb, "econ_302"), ==, 200);
  g_assert_cmpint (cell (t7, "20103", "total"), ==, 4231);
  g_assert_false (has_row (t7, "2010399", "total"));
  for (guint c = 0; c < t7->n_columns; c++)
    if (t7->column_kinds[c] == BUD_COLUMN_MONEY && g_str_has_prefix (t7->column_ids[c], "econ_"))
      econ_sum += bud_table_total_row (t7)->cells[c].amount;
  g_assert_cmpint (econ_sum, ==, total (t7, "total"));

  /* one row per project under the same 项, each with the 项 code and name and the project name */
  row = bud_table_find_row (t7, ka, "total");
  g_assert_cmpint (row->kind, ==, BUD_ROW_PROJECT);
  g_assert_cmpstr (text_at (t7, row, 2), ==, "99");
  g_assert_cmpstr (text_at (t7, row, 3), ==, "其他政府办公厅（室）及相关机构事务支出");
  g_assert_cmpstr (text_at (t7, row, 4), ==, "项目甲");
  row = bud_table_find_row (t7, kb, "total");
  g_assert_cmpstr (text_at (t7, row, 4), ==, "项目乙");
}

static void
test_carryover (void)
{
  g_autoptr(BudTemplate) tpl = xinjiang ();
  g_autoptr(BudDocument) doc = new_doc ();
  g_autoptr(BudTable) t12 = NULL;
  g_autoptr(BudTable) t2 = NULL;
  gint64 p = add_project (doc, "项目");
  gint64 c1 = add_carryover (doc, "昌财预〔2025〕1号", BUD_SOURCE_CARRY_GENERAL, 10400);
  gint64 c2 = add_carryover (doc, "单位资金结余", BUD_SOURCE_CARRY_UNIT, 330);
  gint64 c3 = add_carryover (doc, "未安排的结转", BUD_SOURCE_CARRY_FUND, 5);
  g_autofree char *k1 = g_strdup_printf ("carryover:%" G_GINT64_FORMAT, c1);
  g_autofree char *k2 = g_strdup_printf ("carryover:%" G_GINT64_FORMAT, c2);
  g_autofree char *k3 = g_strdup_printf ("carryover:%" G_GINT64_FORMAT, c3);
  BudTableRow *row;

  bud_test_add_line (doc, 1, "2010350", "30101", BUD_SPEND_BASIC, 0, BUD_SOURCE_CARRY_GENERAL, c1, 400);
  bud_test_add_line (doc, 1, "2010350", "30201", BUD_SPEND_BASIC, 0, BUD_SOURCE_CARRY_GENERAL, c1, 10000);
  bud_test_add_line (doc, 1, "2010399", "30201", BUD_SPEND_PROJECT, p, BUD_SOURCE_CARRY_UNIT, c2, 300);
  bud_test_add_line (doc, 1, "2010350", "30301", BUD_SPEND_BASIC, 0, BUD_SOURCE_CARRY_UNIT, c2, 30);
  add_line (doc, "2010350", "30101", 0, BUD_SOURCE_GENERAL, 123456);  /* this year's money */

  t12 = build (tpl, doc, 12);
  g_assert_cmpint (cell (t12, k1, "total"), ==, 10400);
  g_assert_cmpint (cell (t12, k1, "fiscal_personnel"), ==, 400);
  g_assert_cmpint (cell (t12, k1, "fiscal_public"), ==, 10000);
  g_assert_cmpint (cell (t12, k1, "nonfiscal"), ==, 0);
  g_assert_cmpint (cell (t12, k2, "nonfiscal_project"), ==, 300);
  g_assert_cmpint (cell (t12, k2, "nonfiscal_personnel"), ==, 30);
  g_assert_cmpint (cell (t12, k3, "total"), ==, 0);  /* listed although unspent */
  g_assert_cmpint (total (t12, "total"), ==, 10730);
  g_assert_cmpint (total (t12, "fiscal") + total (t12, "nonfiscal"), ==, total (t12, "total"));
  g_assert_cmpint (total (t12, "fiscal_personnel") + total (t12, "fiscal_public") + total (t12, "fiscal_project"),
                   ==, total (t12, "fiscal"));
  row = g_ptr_array_index (t12->rows, 0);
  g_assert_cmpstr (text_at (t12, row, 0), ==, "昌财预〔2025〕1号");
  g_assert_null (t12->empty_statement);

  t2 = build (tpl, doc, 2);
  g_assert_cmpint (total (t2, "carry_fiscal"), ==, 10400);
  g_assert_cmpint (total (t2, "carry_nonfiscal"), ==, 330);
}

static void
test_summary_classes (void)
{
  g_autoptr(BudTemplate) tpl = xinjiang ();
  g_autoptr(BudDocument) doc = new_doc ();
  g_autoptr(BudTable) t1 = NULL;
  g_autoptr(BudTable) t4 = NULL;
  g_autoptr(GPtrArray) classes = bud_catalog_list (bud_catalog_get_default (), BUD_SCHEME_FUNCTIONAL,
                                                   BUD_CODE_LEVEL_CLASS);
  guint listed = 0;
  BudTableRow *row;

  add_line (doc, "2010350", "30101", 0, BUD_SOURCE_GENERAL, 1000);
  add_line (doc, "2080505", "30108", 0, BUD_SOURCE_FUND, 200);
  add_line (doc, "2990101", "30201", 0, BUD_SOURCE_UNIT_BUSINESS, 30);     /* a 类 the catalog lacks */
  bud_test_add_line (doc, 1, "2010350", "30201", BUD_SPEND_BASIC, 0, BUD_SOURCE_CARRY_GENERAL, 0, 4);
  set_income (doc, BUD_SOURCE_GENERAL, 1000);
  set_income (doc, BUD_SOURCE_FUND, 200);
  set_income (doc, BUD_SOURCE_UNIT_BUSINESS, 30);
  set_income (doc, BUD_SOURCE_CARRY_GENERAL, 4);

  t1 = build (tpl, doc, 1);
  g_assert_cmpuint (t1->n_blocks, ==, 2);
  for (guint r = 0; r < t1->rows->len; r++)
    {
      row = g_ptr_array_index (t1->rows, r);
      if (strlen (row->keys[1]) == 3)
        listed++;
    }
  g_assert_cmpuint (classes->len, ==, 30);
  g_assert_cmpuint (listed, ==, 31);
  g_assert_cmpint (cell (t1, "202", "expense"), ==, 0);
  g_assert_cmpint (cell (t1, "201", "expense"), ==, 1004);
  g_assert_cmpint (cell (t1, "299", "expense"), ==, 30);
  row = bud_table_find_row (t1, "201", "expense");
  g_assert_cmpstr (text_at (t1, row, 2), ==, "201 一般公共服务支出");
  row = bud_table_find_row (t1, "299", "expense");
  g_assert_cmpstr (text_at (t1, row, 2), ==, "299");  /* unknown: the code itself */

  /* income side: the fixed list adds the control numbers of its sources */
  g_assert_cmpint (cell (t1, "current", "income"), ==, 1230);
  g_assert_cmpint (cell (t1, "general_budget", "income"), ==, 1000);
  g_assert_cmpint (cell (t1, "general_transfer", "income"), ==, 0);
  g_assert_cmpint (cell (t1, "fund_budget", "income"), ==, 200);
  g_assert_cmpint (cell (t1, "unit_funds", "income"), ==, 30);
  g_assert_cmpint (cell (t1, "carry", "income"), ==, 4);
  g_assert_cmpint (cell (t1, "carry_fiscal", "income"), ==, 4);
  g_assert_cmpint (total (t1, "income"), ==, 1234);
  g_assert_cmpint (total (t1, "expense"), ==, 1234);
  row = bud_table_total_row (t1);
  g_assert_cmpstr (text_at (t1, row, 0), ==, "收入总计");
  g_assert_cmpstr (text_at (t1, row, 2), ==, "支出总计");
  /* the income list is shorter than the 30 classes: its side is left blank */
  row = g_ptr_array_index (t1->rows, t1->rows->len - 2);
  g_assert_cmpint (row->cells[0].type, ==, BUD_CELL_EMPTY);
  g_assert_cmpint (row->cells[1].type, ==, BUD_CELL_EMPTY);
  g_assert_cmpstr (row->keys[0], ==, "");

  /* 表4: this year's 财政拨款 only */
  t4 = build (tpl, doc, 4);
  g_assert_cmpint (total (t4, "income"), ==, 1200);
  g_assert_cmpint (total (t4, "total"), ==, 1200);
  g_assert_cmpint (cell (t4, "208", "fund_budget"), ==, 200);
  g_assert_false (has_row (t4, "299", "total"));
}

static void
test_custom_code_name (void)
{
  g_autoptr(BudTemplate) tpl = xinjiang ();
  g_autoptr(BudDocument) doc = new_doc ();
  g_autoptr(BudTable) t3 = NULL;
  g_autoptr(GError) error = NULL;
  BudCustomCode *cc = bud_entity_new (BUD_KIND_CUSTOM_CODE);

  cc->scheme = BUD_SCHEME_FUNCTIONAL;
  g_free (cc->code);
  cc->code = g_strdup ("2010388");
  g_free (cc->name);
  cc->name = g_strdup ("自定义科目");
  g_assert_nonnull (bud_document_insert (doc, BUD_KIND_CUSTOM_CODE, cc, -1, &error));
  add_line (doc, "2010388", "30201", 0, BUD_SOURCE_GENERAL, 1);
  add_line (doc, "2019999", "30201", 0, BUD_SOURCE_GENERAL, 1);

  t3 = build (tpl, doc, 3);
  g_assert_cmpstr (text_at (t3, bud_table_find_row (t3, "2010388", "total"), 3), ==, "自定义科目");
  g_assert_cmpstr (text_at (t3, bud_table_find_row (t3, "2019999", "total"), 3), ==, "2019999");
}

static void
test_empty_statements (void)
{
  g_autoptr(BudTemplate) tpl = xinjiang ();
  g_autoptr(BudDocument) doc = new_doc ();
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GError) error = NULL;

  tables = bud_pivot_build_all (tpl, doc, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tables->len, ==, 12);
  for (guint i = 0; i < tables->len; i++)
    {
      BudTable *t = g_ptr_array_index (tables, i);

      g_assert_true (t->empty);
      g_assert_nonnull (t->empty_statement);
      g_assert_true (g_str_has_prefix (t->empty_statement, DEPT "2026年没有"));
      g_assert_nonnull (strstr (t->empty_statement, t->title));
      g_assert_true (g_str_has_suffix (t->empty_statement, "为空表。"));
      g_assert_nonnull (bud_table_total_row (t));
    }
  g_assert_cmpstr (((BudTable *) g_ptr_array_index (tables, 7))->empty_statement, ==,
                   DEPT "2026年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。");

  /* money in 国有资本经营 only: 表9 loses its statement, 表8 keeps it */
  add_line (doc, "2230101", "30201", 0, BUD_SOURCE_STATE_CAPITAL_TRANSFER, 1);
  g_clear_pointer (&tables, g_ptr_array_unref);
  tables = bud_pivot_build_all (tpl, doc, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (((BudTable *) g_ptr_array_index (tables, 7))->empty_statement);
  g_assert_null (((BudTable *) g_ptr_array_index (tables, 8))->empty_statement);
  g_assert_false (((BudTable *) g_ptr_array_index (tables, 8))->empty);
  g_assert_null (((BudTable *) g_ptr_array_index (tables, 0))->empty_statement);
  g_assert_nonnull (((BudTable *) g_ptr_array_index (tables, 4))->empty_statement);
}

/* ---- the relations between tables, on a random document ---- */

static const char * const rand_funcs[] = {
  "2010350", "2010301", "2010399", "2010601", "2080505", "2080506", "2101102", "2101103",
  "2101199", "2210201", "2120101", "2130101", "2230101", "2290101", "2011308",
};
static const char * const rand_econs[] = {
  "30101", "30102", "30103", "30107", "30108", "30112", "30199", "30201", "30212", "30217",
  "30227", "30231", "30239", "30299", "30301", "30305", "30913", "31002", "31013", "39999",
};

static void
test_relations_random (void)
{
  g_autoptr(BudTemplate) tpl = xinjiang ();
  g_autoptr(BudDocument) doc = new_doc ();
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  gint64 by_source[BUD_N_SOURCES] = { 0 };
  gint64 projects[6];
  gint64 carry[3];
  gint64 all = 0, general = 0, general_basic = 0, sangong = 0;
  BudTable *t[13] = { NULL };

  for (guint i = 0; i < G_N_ELEMENTS (projects); i++)
    {
      g_autofree char *name = g_strdup_printf ("项目%u", i + 1);
      projects[i] = add_project (doc, name);
    }
  carry[0] = add_carryover (doc, "结转一", BUD_SOURCE_CARRY_GENERAL, 0);
  carry[1] = add_carryover (doc, "结转二", BUD_SOURCE_CARRY_FUND, 0);
  carry[2] = add_carryover (doc, "结余三", BUD_SOURCE_CARRY_UNIT, 0);

  for (guint i = 0; i < 600; i++)
    {
      const char *func = rand_funcs[g_rand_int_range (rand, 0, G_N_ELEMENTS (rand_funcs))];
      const char *econ = rand_econs[g_rand_int_range (rand, 0, G_N_ELEMENTS (rand_econs))];
      BudSource source = g_rand_int_range (rand, 0, BUD_N_SOURCES);
      gboolean project = g_rand_boolean (rand);
      gint64 amount = g_rand_int_range (rand, 1, 5000000);
      gint64 co = 0;

      if (source == BUD_SOURCE_CARRY_GENERAL)
        co = carry[0];
      else if (source == BUD_SOURCE_CARRY_FUND)
        co = carry[1];
      else if (source == BUD_SOURCE_CARRY_UNIT)
        co = carry[2];
      bud_test_add_line (doc, 1, func, econ, project ? BUD_SPEND_PROJECT : BUD_SPEND_BASIC,
                         project ? projects[g_rand_int_range (rand, 0, G_N_ELEMENTS (projects))] : 0,
                         source, co, amount);
      by_source[source] += amount;
      all += amount;
      if (source == BUD_SOURCE_GENERAL || source == BUD_SOURCE_GENERAL_TRANSFER)
        {
          general += amount;
          if (!project)
            general_basic += amount;
        }
      if (source <= BUD_SOURCE_STATE_CAPITAL_TRANSFER
          && (g_str_equal (econ, "30212") || g_str_equal (econ, "30217") || g_str_equal (econ, "30231")
              || g_str_equal (econ, "30913") || g_str_equal (econ, "31013")))
        sangong += amount;
    }
  /* the control numbers equal the lines, so both sides balance */
  for (BudSource s = 0; s < BUD_N_SOURCES; s++)
    set_income (doc, s, by_source[s]);

  tables = bud_pivot_build_all (tpl, doc, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < tables->len; i++)
    t[i + 1] = g_ptr_array_index (tables, i);

  /* independent sums of the input */
  g_assert_cmpint (total (t[3], "total"), ==, all);
  g_assert_cmpint (total (t[5], "total"), ==, general);
  g_assert_cmpint (total (t[6], "total"), ==, general_basic);
  g_assert_cmpint (total (t[10], "total"), ==, sangong);

  /* 表1: 收入总计 = 支出总计 */
  g_assert_cmpint (total (t[1], "income"), ==, total (t[1], "expense"));
  g_assert_cmpint (total (t[1], "income"), ==, all);
  g_assert_cmpint (cell (t[1], "current", "income") + cell (t[1], "carry", "income"), ==, total (t[1], "income"));
  g_assert_cmpint (cell (t[1], "general", "income") + cell (t[1], "general_transfer", "income"), ==,
                   cell (t[1], "general_budget", "income"));
  /* 表1 财政拨款 part = 表4 totals */
  g_assert_cmpint (cell (t[1], "general_budget", "income") + cell (t[1], "fund_budget", "income")
                   + cell (t[1], "state_capital_budget", "income"), ==, total (t[4], "income"));
  g_assert_cmpint (total (t[4], "income"), ==, total (t[4], "total"));
  g_assert_cmpint (cell (t[4], "general_budget", "income"), ==, total (t[4], "general_budget"));
  /* 表4 一般公共预算 = 表5, 基金 = 表8, 国资 = 表9 */
  g_assert_cmpint (total (t[4], "general_budget"), ==, total (t[5], "total"));
  g_assert_cmpint (total (t[4], "fund_budget"), ==, total (t[8], "total"));
  g_assert_cmpint (total (t[4], "state_capital_budget"), ==, total (t[9], "total"));
  /* 表5 基本 = 表6, 项目 = 表7 */
  g_assert_cmpint (total (t[5], "basic"), ==, total (t[6], "total"));
  g_assert_cmpint (total (t[5], "project"), ==, total (t[7], "total"));
  g_assert_cmpint (cell (t[7], "lead", "total"), ==, total (t[7], "total"));
  /* 表2 = 表3 */
  g_assert_cmpint (total (t[2], "total"), ==, total (t[3], "total"));
  g_assert_cmpint (total (t[2], "fiscal"), ==, total (t[2], "general") + total (t[2], "general_transfer")
                   + total (t[2], "fund") + total (t[2], "fund_transfer") + total (t[2], "state_capital"));
  /* 人员 + 公用 = 基本 */
  g_assert_cmpint (total (t[6], "personnel") + total (t[6], "public"), ==, total (t[6], "total"));
  g_assert_cmpint (total (t[8], "personnel") + total (t[8], "public") + total (t[8], "project"), ==, total (t[8], "total"));
  /* 三公 */
  g_assert_cmpint (cell (t[10], "abroad", "total") + cell (t[10], "reception", "total")
                   + cell (t[10], "vehicle", "total"), ==, total (t[10], "total"));
  g_assert_cmpint (cell (t[10], "vehicle_purchase", "total") + cell (t[10], "vehicle_operation", "total"), ==,
                   cell (t[10], "vehicle", "total"));
  /* 表12 covers every carried-over line */
  g_assert_cmpint (total (t[12], "total"), ==, by_source[BUD_SOURCE_CARRY_GENERAL] + by_source[BUD_SOURCE_CARRY_FUND]
                   + by_source[BUD_SOURCE_CARRY_UNIT]);
  g_assert_cmpint (total (t[12], "nonfiscal"), ==, by_source[BUD_SOURCE_CARRY_UNIT]);

  for (guint n = 2; n <= 9; n++)
    if (n != 4 && n != 6)
      assert_hierarchy_sums (t[n]);
  assert_hierarchy_sums (t[6]);

  /* every row: 合计 = 基本 + 项目 (表3, 表5) and Σ source columns (表2) */
  for (guint r = 0; r < t[3]->rows->len; r++)
    {
      BudTableRow *row = g_ptr_array_index (t[3]->rows, r);

      g_assert_cmpint (row->cells[4].amount, ==, row->cells[5].amount + row->cells[6].amount);
    }
  for (guint r = 0; r < t[2]->rows->len; r++)
    {
      BudTableRow *row = g_ptr_array_index (t[2]->rows, r);
      gint64 sum = row->cells[5].amount;

      for (guint c = 11; c < 15; c++)
        sum += row->cells[c].amount;
      g_assert_cmpint (row->cells[4].amount, ==, sum);
    }
  for (guint i = 1; i <= 12; i++)
    g_assert_null (t[i]->empty_statement);
}

/* ---- rendering ---- */

static void
test_render (void)
{
  g_autoptr(BudTemplate) tpl = xinjiang ();
  g_autoptr(BudDocument) doc = new_doc ();
  g_autoptr(BudTable) t6 = NULL;
  g_autoptr(BudTable) t8 = NULL;
  g_autofree char *tsv = NULL;
  g_autofree char *text = NULL;
  g_autofree char *empty = NULL;
  g_auto(GStrv) lines = NULL;
  guint width = 0;

  add_line (doc, "2010350", "30101", 0, BUD_SOURCE_GENERAL, 1234500); /* 1.2345 万元 */
  add_line (doc, "2010350", "30102", 0, BUD_SOURCE_GENERAL, 1500000); /* 1.5 万元 */
  add_line (doc, "2010350", "30201", 0, BUD_SOURCE_GENERAL, 5000);    /* 0.005 万元: rounds up */
  t6 = build (tpl, doc, 6);
  tsv = bud_table_to_tsv (t6);
  lines = g_strsplit (tsv, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "# 表6 一般公共预算基本支出情况表");
  g_assert_cmpstr (lines[1], ==, "科目代码\t\t科目名称\t一般公共预算基本支出\t\t");
  g_assert_cmpstr (lines[2], ==, "类\t款\t\t合计\t人员经费\t公用经费");
  g_assert_cmpstr (lines[3], ==, "301\t\t工资福利支出\t2.73\t2.73\t");
  g_assert_cmpstr (lines[4], ==, "301\t01\t基本工资\t1.23\t1.23\t");
  g_assert_cmpstr (lines[5], ==, "301\t02\t津贴补贴\t1.50\t1.50\t");
  g_assert_cmpstr (lines[6], ==, "302\t\t商品和服务支出\t0.01\t\t0.01");
  g_assert_cmpstr (lines[8], ==, "\t\t总计\t2.74\t2.73\t0.01");
  g_assert_cmpstr (lines[9], ==, "");
  g_assert_null (lines[10]);

  t8 = build (tpl, doc, 8);
  empty = bud_table_to_tsv (t8);
  g_assert_true (g_str_has_suffix (empty, "\t\t\t总计\t\t\t\t\n# " DEPT "2026年没有使用政府性基金预算拨款安排的支出，"
                                   "政府性基金预算支出情况表为空表。\n"));

  /* terminal text: the 合计 column ends at the same place whatever the CJK names before it */
  text = bud_table_to_text (t6);
  g_strfreev (lines);
  lines = g_strsplit (text, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "表6"));
  for (guint i = 0; lines[i]; i++)
    {
      const char *end = strstr (lines[i], "2.7");
      guint w = 0;

      if (end == NULL)
        continue;
      end += strlen ("2.7x");
      for (const char *p = lines[i]; p < end; p = g_utf8_next_char (p))
        w += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
      if (width == 0)
        width = w;
      g_assert_cmpuint (w, ==, width);
    }
  g_assert_cmpuint (width, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pivot/template/builtin", test_template_builtin);
  g_test_add_func ("/pivot/template/errors", test_template_errors);
  g_test_add_func ("/pivot/functional/hierarchy", test_hierarchy);
  g_test_add_func ("/pivot/economic/personnel-public", test_personnel_public);
  g_test_add_func ("/pivot/fixed/sangong", test_sangong);
  g_test_add_func ("/pivot/projects/entrusted", test_entrusted);
  g_test_add_func ("/pivot/functional/per-project", test_project_rows);
  g_test_add_func ("/pivot/carryovers", test_carryover);
  g_test_add_func ("/pivot/side-by-side/summary", test_summary_classes);
  g_test_add_func ("/pivot/names/custom-code", test_custom_code_name);
  g_test_add_func ("/pivot/empty-statements", test_empty_statements);
  g_test_add_func ("/pivot/relations/random", test_relations_random);
  g_test_add_func ("/pivot/render", test_render);
  return g_test_run ();
}
