/* test-units.c — one unit's own package, and a unit's document merged into the department's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The department is built here, in C, from lines whose sums the tests know;
 * expectations are those sums and the department's own tables, never a
 * previous run of the code under test.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bud-check.h"
#include "bud-jsonio.h"
#include "bud-pivot.h"
#include "bud-table.h"
#include "bud-template.h"
#include "bud-units.h"
#include "bud-test-doc.h"

#define DEPT "测试局"
#define CENTER "测试局检测中心"
#define CENTER_CODE "100002"

typedef struct {
  gint64 center;     /* unit ids, 0 when not built */
  gint64 office;
  gint64 p_center;   /* project ids */
  gint64 p_office;
  gint64 carry;
} Ids;

static gint64
add_unit (BudDocument *doc,
          const char  *name,
          const char  *code,
          BudUnitType  type,
          gboolean     primary)
{
  g_autoptr(GError) error = NULL;
  BudUnit *u = bud_entity_new (BUD_KIND_UNIT);

  g_free (u->name);
  u->name = g_strdup (name);
  g_free (u->code);
  u->code = g_strdup (code);
  u->type = type;
  u->primary_unit = primary;
  g_assert_nonnull (bud_document_insert (doc, BUD_KIND_UNIT, u, -1, &error));
  g_assert_no_error (error);
  return u->id;
}

static gint64
add_project (BudDocument *doc,
             const char  *name,
             gint64       unit,
             const char  *purpose,
             gint64       amount)
{
  g_autoptr(GError) error = NULL;
  BudProject *p = bud_entity_new (BUD_KIND_PROJECT);
  BudAllocation *al = bud_entity_new (BUD_KIND_ALLOCATION);
  BudTarget *t = bud_entity_new (BUD_KIND_TARGET);
  BudIndicator *ind = bud_entity_new (BUD_KIND_INDICATOR);

  g_free (p->name);
  p->name = g_strdup (name);
  p->unit = unit;
  g_assert_nonnull (bud_document_insert (doc, BUD_KIND_PROJECT, p, -1, &error));
  al->project = p->id;
  g_free (al->purpose);
  al->purpose = g_strdup (purpose);
  al->amount = amount;
  g_assert_nonnull (bud_document_insert (doc, BUD_KIND_ALLOCATION, al, -1, &error));
  t->project = p->id;
  g_free (t->goal);
  t->goal = g_strdup (purpose);
  t->fiscal_local = amount;
  g_assert_nonnull (bud_document_insert (doc, BUD_KIND_TARGET, t, -1, &error));
  ind->target = t->id;
  g_free (ind->level1);
  ind->level1 = g_strdup ("产出指标");
  g_free (ind->level2);
  ind->level2 = g_strdup ("数量指标");
  g_free (ind->name);
  ind->name = g_strdup (name);
  ind->op = BUD_OP_GE;
  g_free (ind->value);
  ind->value = g_strdup ("1");
  g_assert_nonnull (bud_document_insert (doc, BUD_KIND_INDICATOR, ind, -1, &error));
  g_assert_no_error (error);
  return p->id;
}

/* Income equal to the lines, per source: the department is balanced. */
static void
balance_income (BudDocument *doc)
{
  GPtrArray *lines = bud_document_items (doc, BUD_KIND_LINE);
  gint64 sums[BUD_N_SOURCES] = { 0 };

  for (guint i = 0; i < lines->len; i++)
    {
      BudLine *l = g_ptr_array_index (lines, i);
      sums[l->source] += l->amount;
    }
  for (guint s = 0; s < BUD_N_SOURCES; s++)
    {
      g_autoptr(GError) error = NULL;
      BudIncome *inc = bud_document_find_income (doc, s);

      if (inc)
        g_assert_true (bud_document_set_int (doc, BUD_KIND_INCOME, inc->id, "amount", sums[s], &error));
      else if (sums[s])
        {
          inc = bud_entity_new (BUD_KIND_INCOME);
          inc->source = (int) s;
          inc->amount = sums[s];
          g_assert_nonnull (bud_document_insert (doc, BUD_KIND_INCOME, inc, -1, &error));
        }
      g_assert_no_error (error);
    }
}

/* The center's rows go in first, so that a department built without it gives
 * its own rows the ids the center's document uses: an import must remap. */
static BudDocument *
make_dept (gboolean  with_center,
           Ids      *ids)
{
  g_autoptr(GError) error = NULL;
  BudDocument *doc = bud_document_new ();
  BudTarget *t;

  memset (ids, 0, sizeof *ids);
  g_assert_true (bud_document_set_text (doc, BUD_KIND_META, 1, "department", DEPT, &error));
  g_assert_true (bud_document_set_text (doc, BUD_KIND_META, 1, "template_id", "xinjiang-2026", &error));
  g_assert_true (bud_document_set_int (doc, BUD_KIND_META, 1, "year", 2026, &error));
  g_assert_true (bud_document_set_text (doc, BUD_KIND_PROFILE, 1, "functions", "负责测试工作。", &error));
  g_assert_true (bud_document_put_text (doc, "purpose.201", "保障机关运转", &error));
  g_assert_no_error (error);

  if (with_center)
    {
      BudCarryover *c = bud_entity_new (BUD_KIND_CARRYOVER);

      ids->center = add_unit (doc, CENTER, CENTER_CODE, BUD_UNIT_INSTITUTION, FALSE);
      ids->p_center = add_project (doc, "检测设备购置", ids->center, "设备", 9000000);
      g_free (c->name);
      c->name = g_strdup ("昌市财〔2025〕9号");
      c->source = BUD_SOURCE_CARRY_GENERAL;
      c->kind = BUD_SPEND_PROJECT;
      c->amount = 2500000;
      g_assert_nonnull (bud_document_insert (doc, BUD_KIND_CARRYOVER, c, -1, &error));
      ids->carry = c->id;
    }
  ids->office = add_unit (doc, DEPT "（本级）", "100001", BUD_UNIT_ADMIN, TRUE);
  ids->p_office = add_project (doc, "信息化运维", ids->office, "运维服务", 3000000);

  if (with_center)
    {
      bud_test_add_line (doc, ids->center, "2010350", "30101", BUD_SPEND_BASIC, 0, BUD_SOURCE_GENERAL, 0, 41234567);
      bud_test_add_line (doc, ids->center, "2010350", "30201", BUD_SPEND_BASIC, 0, BUD_SOURCE_UNIT_BUSINESS, 0, 800000);
      bud_test_add_line (doc, ids->center, "2010350", "30231", BUD_SPEND_BASIC, 0, BUD_SOURCE_GENERAL, 0, 1200000);
      bud_test_add_line (doc, ids->center, "2080505", "30108", BUD_SPEND_BASIC, 0, BUD_SOURCE_GENERAL, 0, 3300033);
      bud_test_add_line (doc, ids->center, "2010399", "31002", BUD_SPEND_PROJECT, ids->p_center, BUD_SOURCE_GENERAL_TRANSFER, 0, 6500000);
      bud_test_add_line (doc, ids->center, "2010399", "30202", BUD_SPEND_PROJECT, ids->p_center, BUD_SOURCE_CARRY_GENERAL, ids->carry, 2500000);
    }
  bud_test_add_line (doc, ids->office, "2010350", "30101", BUD_SPEND_BASIC, 0, BUD_SOURCE_GENERAL, 0, 52000001);
  bud_test_add_line (doc, ids->office, "2010350", "30217", BUD_SPEND_BASIC, 0, BUD_SOURCE_GENERAL, 0, 300000);
  bud_test_add_line (doc, ids->office, "2010350", "30227", BUD_SPEND_BASIC, 0, BUD_SOURCE_GENERAL, 0, 450000);
  bud_test_add_line (doc, ids->office, "2080505", "30108", BUD_SPEND_BASIC, 0, BUD_SOURCE_GENERAL, 0, 4100000);
  bud_test_add_line (doc, ids->office, "2210201", "30113", BUD_SPEND_BASIC, 0, BUD_SOURCE_GENERAL, 0, 2700000);
  bud_test_add_line (doc, ids->office, "2010399", "30227", BUD_SPEND_PROJECT, ids->p_office, BUD_SOURCE_GENERAL, 0, 3000000);
  balance_income (doc);

  /* the department as a whole */
  t = bud_entity_new (BUD_KIND_TARGET);
  g_free (t->goal);
  t->goal = g_strdup ("完成年度工作任务");
  g_assert_nonnull (bud_document_insert (doc, BUD_KIND_TARGET, t, -1, &error));
  g_assert_no_error (error);
  return doc;
}

static BudDocument *
copy_doc (BudDocument *doc)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = bud_json_write_data (doc, NULL);
  BudDocument *copy = bud_json_read_data (json, -1, &error);

  g_assert_no_error (error);
  return copy;
}

static void
assert_same_doc (BudDocument *a,
                 BudDocument *b)
{
  g_autofree char *diff = NULL;

  if (!bud_document_equal (a, b, &diff))
    g_error ("documents differ: %s", diff);
}

static GPtrArray *
tables_of (BudDocument *doc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudTemplate) tpl = bud_template_load ("xinjiang-2026", &error);
  GPtrArray *tables;

  g_assert_no_error (error);
  tables = bud_pivot_build_all (tpl, doc, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tables);
  return tables;
}

static BudTable *
table_by_id (GPtrArray  *tables,
             const char *id)
{
  for (guint i = 0; i < tables->len; i++)
    {
      BudTable *t = g_ptr_array_index (tables, i);
      if (strcmp (t->id, id) == 0)
        return t;
    }
  g_error ("no table %s", id);
  return NULL;
}

static gint64
amount_or_zero (BudTable   *t,
                const char *row_key,
                const char *column_id)
{
  gint64 v = 0;

  if (!bud_table_lookup (t, row_key, column_id, &v))
    return 0;
  return v;
}

static gboolean
key_has_id (const char *key)
{
  return strchr (key, '#') != NULL || strchr (key, ':') != NULL;
}

/* Every money cell of @whole equals the sum of the same cell (row key ×
 * column id) in @parts; every row of a part with money is in @whole.
 * @skip_ids: leave out rows keyed by entity ids (projects, carry-over items),
 * for documents whose ids differ. Returns the number of cells compared. */
static guint
assert_tables_add_up (GPtrArray  *whole,
                      GPtrArray **parts,
                      guint       n_parts,
                      gboolean    skip_ids)
{
  guint compared = 0;

  for (guint ti = 0; ti < whole->len; ti++)
    {
      BudTable *t = g_ptr_array_index (whole, ti);

      for (guint ri = 0; ri < t->rows->len; ri++)
        {
          BudTableRow *row = g_ptr_array_index (t->rows, ri);

          for (guint c = 0; c < t->n_columns; c++)
            {
              const char *key = row->keys[bud_table_column_block (t, c)];
              const char *col = t->column_ids[c];
              gint64 sum = 0, have;

              if (t->column_kinds[c] != BUD_COLUMN_MONEY || key[0] == '\0' || (skip_ids && key_has_id (key)))
                continue;
              have = row->cells[c].type == BUD_CELL_MONEY ? row->cells[c].amount : 0;
              for (guint p = 0; p < n_parts; p++)
                sum += amount_or_zero (table_by_id (parts[p], t->id), key, col);
              if (have != sum)
                g_error ("表%u %s, row %s, column %s: %" G_GINT64_FORMAT " ≠ Σ units %" G_GINT64_FORMAT,
                         t->number, t->id, key, col, have, sum);
              compared++;
            }
        }
    }

  for (guint p = 0; p < n_parts; p++)
    for (guint ti = 0; ti < parts[p]->len; ti++)
      {
        BudTable *pt = g_ptr_array_index (parts[p], ti);
        BudTable *t = table_by_id (whole, pt->id);

        for (guint ri = 0; ri < pt->rows->len; ri++)
          {
            BudTableRow *row = g_ptr_array_index (pt->rows, ri);

            for (guint c = 0; c < pt->n_columns; c++)
              {
                const char *key = row->keys[bud_table_column_block (pt, c)];

                if (pt->column_kinds[c] != BUD_COLUMN_MONEY || key[0] == '\0' ||
                    (skip_ids && key_has_id (key)) ||
                    row->cells[c].type != BUD_CELL_MONEY || row->cells[c].amount == 0)
                  continue;
                if (bud_table_find_row (t, key, pt->column_ids[c]) == NULL)
                  g_error ("表%u %s: a unit has row %s, the department has not", pt->number, pt->id, key);
              }
          }
      }
  return compared;
}

static void
test_extract_consolidates (void)
{
  g_autoptr(GError) error = NULL;
  Ids ids;
  g_autoptr(BudDocument) dept = make_dept (TRUE, &ids);
  g_autoptr(BudDocument) office = bud_units_extract (dept, ids.office, &error);
  g_autoptr(BudDocument) center = NULL;
  g_autoptr(GPtrArray) t_dept = NULL;
  GPtrArray *parts[2];
  guint compared;

  g_assert_no_error (error);
  center = bud_units_extract (dept, ids.center, &error);
  g_assert_no_error (error);

  t_dept = tables_of (dept);
  parts[0] = tables_of (office);
  parts[1] = tables_of (center);
  compared = assert_tables_add_up (t_dept, parts, 2, FALSE);
  /* the two units share rows (2010350, 30101, the totals): not a vacuous pass */
  g_assert_cmpuint (compared, >, 100);
  g_assert_cmpint (amount_or_zero (table_by_id (t_dept, "summary"), "total", table_by_id (t_dept, "summary")->column_ids[1]), !=, 0);
  g_ptr_array_unref (parts[0]);
  g_ptr_array_unref (parts[1]);
}

static void
test_extract_content (void)
{
  g_autoptr(GError) error = NULL;
  Ids ids;
  g_autoptr(BudDocument) dept = make_dept (TRUE, &ids);
  g_autoptr(BudDocument) center = NULL;
  BudMeta *m;
  BudUnit *u;
  BudTarget *whole;
  BudCarryover *c;
  gint64 v = 0;

  g_assert_true (bud_document_put_text (dept, "narrative.3.1", "部门的总体说明", &error));
  center = bud_units_extract (dept, ids.center, &error);
  g_assert_no_error (error);

  m = bud_document_meta (center);
  g_assert_cmpstr (m->department, ==, CENTER);
  g_assert_cmpstr (m->department_code, ==, CENTER_CODE);
  g_assert_cmpint (m->year, ==, 2026);
  g_assert_cmpuint (bud_document_count (center, BUD_KIND_UNIT), ==, 1);
  u = bud_units_primary (center);
  g_assert_nonnull (u);
  g_assert_cmpint (u->id, ==, ids.center);
  g_assert_cmpint (u->type, ==, BUD_UNIT_INSTITUTION);
  g_assert_cmpuint (bud_document_count (center, BUD_KIND_LINE), ==, 6);
  g_assert_cmpuint (bud_document_count (center, BUD_KIND_PROJECT), ==, 1);
  g_assert_nonnull (bud_document_lookup (center, BUD_KIND_PROJECT, ids.p_center));
  g_assert_nonnull (bud_document_find_target (center, ids.p_center));
  g_assert_null (bud_document_find_target (center, ids.p_office));

  /* income per source = the unit's lines of that source */
  g_assert_cmpint (bud_document_find_income (center, BUD_SOURCE_GENERAL)->amount, ==, 41234567 + 1200000 + 3300033);
  g_assert_cmpint (bud_document_find_income (center, BUD_SOURCE_GENERAL_TRANSFER)->amount, ==, 6500000);
  g_assert_cmpint (bud_document_find_income (center, BUD_SOURCE_UNIT_BUSINESS)->amount, ==, 800000);
  g_assert_true (bud_check_measure_value (center, "income.total", &v));
  g_assert_true (bud_check_measure_value (center, "expense.total", &v) && v == 41234567 + 800000 + 1200000 + 3300033 + 6500000 + 2500000);

  /* the department-wide table, funded by the unit's own lines */
  whole = bud_document_find_target (center, 0);
  g_assert_nonnull (whole);
  g_assert_cmpstr (whole->goal, ==, "完成年度工作任务");
  g_assert_cmpint (whole->fiscal_upper, ==, 6500000);
  g_assert_cmpint (whole->fiscal_local, ==, 41234567 + 1200000 + 3300033 + 2500000);
  g_assert_cmpint (whole->other, ==, 800000);

  c = bud_document_lookup (center, BUD_KIND_CARRYOVER, ids.carry);
  g_assert_nonnull (c);
  g_assert_cmpint (c->amount, ==, 2500000);

  /* department texts stay as defaults; its overrides of the narrative do not */
  g_assert_cmpstr (bud_document_get_text (center, "purpose.201"), ==, "保障机关运转");
  g_assert_null (bud_document_get_text (center, "narrative.3.1"));
  g_assert_cmpstr (bud_document_profile (center)->functions, ==, "负责测试工作。");
  g_assert_false (bud_document_can_undo (center));
}

static void
test_extract_balanced (void)
{
  g_autoptr(GError) error = NULL;
  Ids ids;
  g_autoptr(BudDocument) dept = make_dept (TRUE, &ids);
  g_autoptr(BudTemplate) tpl = bud_template_load ("xinjiang-2026", &error);
  BudCheckContext ctx;

  bud_check_context_init (&ctx, tpl);
  ctx.catalog = NULL;
  for (guint k = 0; k < 2; k++)
    {
      g_autoptr(BudDocument) unit = bud_units_extract (dept, k ? ids.center : ids.office, &error);
      g_autoptr(GPtrArray) findings = NULL;

      g_assert_no_error (error);
      findings = bud_check_run (unit, &ctx);
      for (guint i = 0; i < findings->len; i++)
        {
          BudFinding *f = g_ptr_array_index (findings, i);
          /* the money rules: income, carry-over items and target tables match the lines */
          if (g_str_has_prefix (f->rule, "balance.") || g_str_has_prefix (f->rule, "carryover.") ||
              strcmp (f->rule, "perf.department") == 0 || strcmp (f->rule, "projects.target-money") == 0)
            g_error ("unit %u: %s: %s", k, f->rule, f->message);
        }
    }
}

static void
test_extract_unknown_unit (void)
{
  g_autoptr(GError) error = NULL;
  Ids ids;
  g_autoptr(BudDocument) dept = make_dept (TRUE, &ids);
  BudDocument *none = bud_units_extract (dept, 999, &error);

  g_assert_null (none);
  g_assert_error (error, BUD_UNITS_ERROR, BUD_UNITS_ERROR_NOT_FOUND);
}

static BudProject *
project_named (BudDocument *doc,
               const char  *name)
{
  GPtrArray *a = bud_document_items (doc, BUD_KIND_PROJECT);

  for (guint i = 0; i < a->len; i++)
    if (strcmp (((BudProject *) g_ptr_array_index (a, i))->name, name) == 0)
      return g_ptr_array_index (a, i);
  return NULL;
}

static void
test_import_remaps (void)
{
  g_autoptr(GError) error = NULL;
  Ids full_ids, ids;
  g_autoptr(BudDocument) full = make_dept (TRUE, &full_ids);
  g_autoptr(BudDocument) unit_doc = bud_units_extract (full, full_ids.center, &error);
  g_autoptr(BudDocument) dept = make_dept (FALSE, &ids);
  g_autoptr(BudDocument) before = copy_doc (dept);
  g_autoptr(GPtrArray) t_full = NULL;
  g_autoptr(GPtrArray) t_dept = NULL;
  GPtrArray *parts[1];
  GPtrArray *lines;
  BudUnit *center = NULL;
  BudProject *p;
  guint n_center_lines = 0;
  static const char * const measures[] = {
    "income.general", "income.general_transfer", "income.unit_business", "income.carry_general",
    "income.total", "expense.total", "expense.basic", "expense.project", "general.total",
    "general.func.2010350", "sangong.total", "running.total", "entrusted.total",
  };

  g_assert_no_error (error);
  /* the ids collide: the department's own rows hold the ids of the unit's */
  g_assert_nonnull (bud_document_lookup (dept, BUD_KIND_UNIT, full_ids.center));
  g_assert_nonnull (bud_document_lookup (dept, BUD_KIND_PROJECT, full_ids.p_center));

  g_assert_true (bud_units_import (dept, unit_doc, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (bud_document_count (dept, BUD_KIND_UNIT), ==, 2);
  g_assert_cmpint (bud_units_primary (dept)->id, ==, ids.office);
  g_assert_cmpuint (bud_units_count_subordinate (dept), ==, 1);
  for (guint i = 0; i < bud_document_count (dept, BUD_KIND_UNIT); i++)
    {
      BudUnit *u = g_ptr_array_index (bud_document_items (dept, BUD_KIND_UNIT), i);
      if (strcmp (u->name, CENTER) == 0)
        center = u;
    }
  g_assert_nonnull (center);
  g_assert_false (center->primary_unit);
  g_assert_cmpint (center->id, !=, ids.office);
  p = project_named (dept, "检测设备购置");
  g_assert_nonnull (p);
  g_assert_cmpint (p->unit, ==, center->id);
  g_assert_nonnull (bud_document_find_target (dept, p->id));
  /* the department's own project kept its id and unit */
  g_assert_cmpint (project_named (dept, "信息化运维")->id, ==, ids.p_office);
  g_assert_cmpint (project_named (dept, "信息化运维")->unit, ==, ids.office);

  lines = bud_document_items (dept, BUD_KIND_LINE);
  for (guint i = 0; i < lines->len; i++)
    {
      BudLine *l = g_ptr_array_index (lines, i);

      if (l->unit != center->id)
        {
          g_assert_cmpint (l->unit, ==, ids.office);
          continue;
        }
      n_center_lines++;
      if (l->kind == BUD_SPEND_PROJECT)
        g_assert_cmpint (l->project, ==, p->id);
      if (l->source == BUD_SOURCE_CARRY_GENERAL)
        {
          BudCarryover *c = bud_document_lookup (dept, BUD_KIND_CARRYOVER, l->carryover);
          g_assert_nonnull (c);
          g_assert_cmpstr (c->name, ==, "昌市财〔2025〕9号");
        }
    }
  g_assert_cmpuint (n_center_lines, ==, 6);

  /* the merged department has the figures of the department built whole */
  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    {
      gint64 a = 0, b = 0;

      g_assert_true (bud_check_measure_value (full, measures[i], &a));
      g_assert_true (bud_check_measure_value (dept, measures[i], &b));
      if (a != b)
        g_error ("%s: built whole %" G_GINT64_FORMAT ", merged %" G_GINT64_FORMAT, measures[i], a, b);
    }
  t_full = tables_of (full);
  t_dept = tables_of (dept);
  parts[0] = t_dept;
  g_assert_cmpuint (assert_tables_add_up (t_full, parts, 1, TRUE), >, 100);

  /* one transaction: one undo step takes the whole import back */
  g_assert_true (bud_document_undo (dept, &error));
  g_assert_no_error (error);
  assert_same_doc (dept, before);
}

static void
test_import_refusals (void)
{
  g_autoptr(GError) error = NULL;
  Ids full_ids, ids;
  g_autoptr(BudDocument) full = make_dept (TRUE, &full_ids);
  g_autoptr(BudDocument) unit_doc = bud_units_extract (full, full_ids.center, &error);
  g_autoptr(BudDocument) dept = make_dept (FALSE, &ids);
  g_autoptr(BudDocument) before = copy_doc (dept);
  g_autoptr(BudDocument) full_before = copy_doc (full);

  g_assert_no_error (error);

  /* another year */
  g_assert_true (bud_document_set_int (unit_doc, BUD_KIND_META, 1, "year", 2027, &error));
  g_assert_false (bud_units_import (dept, unit_doc, &error));
  g_assert_error (error, BUD_UNITS_ERROR, BUD_UNITS_ERROR_MISMATCH);
  g_assert_nonnull (strstr (error->message, "2027"));
  g_clear_error (&error);
  assert_same_doc (dept, before);
  g_assert_true (bud_document_set_int (unit_doc, BUD_KIND_META, 1, "year", 2026, &error));

  /* another template */
  g_assert_true (bud_document_set_text (unit_doc, BUD_KIND_META, 1, "template_id", "other-2026", &error));
  g_assert_false (bud_units_import (dept, unit_doc, &error));
  g_assert_error (error, BUD_UNITS_ERROR, BUD_UNITS_ERROR_MISMATCH);
  g_clear_error (&error);
  assert_same_doc (dept, before);
  g_assert_true (bud_document_set_text (unit_doc, BUD_KIND_META, 1, "template_id", "xinjiang-2026", &error));

  /* the department's 本级 code under another name */
  g_assert_true (bud_document_set_text (unit_doc, BUD_KIND_UNIT, full_ids.center, "code", "100001", &error));
  g_assert_false (bud_units_import (dept, unit_doc, &error));
  g_assert_error (error, BUD_UNITS_ERROR, BUD_UNITS_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "100001"));
  g_clear_error (&error);
  assert_same_doc (dept, before);
  g_assert_true (bud_document_set_text (unit_doc, BUD_KIND_UNIT, full_ids.center, "code", CENTER_CODE, &error));

  /* the unit is already in the department with its lines */
  g_assert_false (bud_units_import (full, unit_doc, &error));
  g_assert_error (error, BUD_UNITS_ERROR, BUD_UNITS_ERROR_PRESENT);
  g_assert_nonnull (strstr (error->message, CENTER));
  g_clear_error (&error);
  assert_same_doc (full, full_before);
}

static void
test_import_replace (void)
{
  g_autoptr(GError) error = NULL;
  Ids ids;
  g_autoptr(BudDocument) full = make_dept (TRUE, &ids);
  g_autoptr(BudDocument) unit_doc = bud_units_extract (full, ids.center, &error);
  g_autoptr(BudDocument) before = copy_doc (full);
  gint64 general_before = bud_document_find_income (full, BUD_SOURCE_GENERAL)->amount;
  BudLine *changed = NULL;
  GPtrArray *lines;

  g_assert_no_error (error);
  /* the unit revised its 30101 line by +1000.00 元 */
  lines = bud_document_items (unit_doc, BUD_KIND_LINE);
  for (guint i = 0; i < lines->len && !changed; i++)
    if (strcmp (((BudLine *) g_ptr_array_index (lines, i))->econ, "30101") == 0)
      changed = g_ptr_array_index (lines, i);
  g_assert_true (bud_document_set_int (unit_doc, BUD_KIND_LINE, changed->id, "amount", changed->amount + 100000, &error));
  g_assert_true (bud_document_set_int (unit_doc, BUD_KIND_INCOME, bud_document_find_income (unit_doc, BUD_SOURCE_GENERAL)->id,
                                       "amount", bud_document_find_income (unit_doc, BUD_SOURCE_GENERAL)->amount + 100000, &error));

  g_assert_true (bud_units_import_full (full, unit_doc, BUD_UNITS_IMPORT_REPLACE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bud_document_count (full, BUD_KIND_UNIT), ==, 2);
  g_assert_cmpuint (bud_document_count (full, BUD_KIND_LINE), ==, bud_document_count (before, BUD_KIND_LINE));
  g_assert_cmpuint (bud_document_count (full, BUD_KIND_PROJECT), ==, 2);
  g_assert_cmpuint (bud_document_count (full, BUD_KIND_CARRYOVER), ==, 1);
  g_assert_cmpuint (bud_document_count (full, BUD_KIND_TARGET), ==, 3);
  g_assert_cmpint (bud_document_find_income (full, BUD_SOURCE_GENERAL)->amount, ==, general_before + 100000);
  g_assert_cmpint (bud_document_find_income (full, BUD_SOURCE_CARRY_GENERAL)->amount, ==, 2500000);
  g_assert_null (bud_document_lookup (full, BUD_KIND_PROJECT, ids.p_center));

  g_assert_true (bud_document_undo (full, &error));
  assert_same_doc (full, before);
}

/* A step inside the transaction fails: nothing of the import stays. */
static void
test_import_rolls_back (void)
{
  g_autoptr(GError) error = NULL;
  Ids ids;
  g_autoptr(BudDocument) full = make_dept (TRUE, &ids);
  g_autoptr(BudDocument) unit_doc = bud_units_extract (full, ids.center, &error);
  g_autoptr(BudDocument) before = NULL;

  g_assert_no_error (error);
  /* the 本级 spends the center's project: replacing the center cannot remove it */
  bud_test_add_line (full, ids.office, "2010399", "30201", BUD_SPEND_PROJECT, ids.p_center, BUD_SOURCE_GENERAL, 0, 100);
  before = copy_doc (full);

  g_assert_false (bud_units_import_full (full, unit_doc, BUD_UNITS_IMPORT_REPLACE, &error));
  g_assert_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_REFERENCED);
  assert_same_doc (full, before);
}

static void
test_summarize (void)
{
  Ids ids;
  g_autoptr(BudDocument) dept = make_dept (TRUE, &ids);
  g_autoptr(GArray) sums = bud_units_summarize (dept);
  BudUnitSummary *center = &g_array_index (sums, BudUnitSummary, 0);
  BudUnitSummary *office = &g_array_index (sums, BudUnitSummary, 1);

  g_assert_cmpuint (sums->len, ==, 2);
  g_assert_cmpint (center->unit, ==, ids.center);
  g_assert_cmpuint (center->n_lines, ==, 6);
  g_assert_cmpuint (center->n_projects, ==, 1);
  g_assert_cmpint (center->total, ==, 41234567 + 800000 + 1200000 + 3300033 + 6500000 + 2500000);
  g_assert_cmpint (center->fiscal, ==, center->total - 800000);
  g_assert_cmpint (office->unit, ==, ids.office);
  g_assert_cmpint (office->total, ==, 52000001 + 300000 + 450000 + 4100000 + 2700000 + 3000000);
  g_assert_cmpstr (bud_unit_type_label (BUD_UNIT_INSTITUTION), !=, bud_unit_type_label (BUD_UNIT_ADMIN));
}

/* ---- the command line ---- */

static char *
run_cli (int         *status,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  const char *arg;
  va_list ap;

  g_ptr_array_add (argv, (gpointer) g_getenv ("BUD_CLI"));
  va_start (ap, first);
  for (arg = first; arg; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, status, &error));
  g_assert_no_error (error);
  return out;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_cli (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-units-XXXXXX", &error);
  g_autofree char *full_path = g_build_filename (dir, "full.json", NULL);
  g_autofree char *dept_path = g_build_filename (dir, "dept.json", NULL);
  g_autofree char *unit_path = g_build_filename (dir, "center.json", NULL);
  g_autofree char *unit_id = NULL;
  g_autofree char *out = NULL;
  g_autoptr(BudDocument) full = NULL;
  g_autoptr(BudDocument) dept = NULL;
  g_autoptr(BudDocument) unit_doc = NULL;
  g_autoptr(BudDocument) merged = NULL;
  g_autoptr(BudDocument) expected = NULL;
  Ids full_ids, ids;
  int status = 0;
  gint64 a = 0, b = 0;

  g_assert_no_error (error);
  full = make_dept (TRUE, &full_ids);
  dept = make_dept (FALSE, &ids);
  g_assert_true (bud_json_write_file (full, full_path, &error));
  g_assert_true (bud_json_write_file (dept, dept_path, &error));
  g_assert_no_error (error);

  out = run_cli (&status, "units", "list", full_path, NULL);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, CENTER));
  g_assert_nonnull (strstr (out, "institution"));
  g_clear_pointer (&out, g_free);

  unit_id = g_strdup_printf ("%" G_GINT64_FORMAT, full_ids.center);
  out = run_cli (&status, "export", full_path, "--unit", unit_id, "--format", "json", "--output", unit_path, NULL);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_clear_pointer (&out, g_free);
  unit_doc = bud_json_read_file (unit_path, &error);
  g_assert_no_error (error);
  expected = bud_units_extract (full, full_ids.center, &error);
  assert_same_doc (unit_doc, expected);

  out = run_cli (&status, "export", full_path, "--unit", "999", "--format", "json", "--output", unit_path, NULL);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_clear_pointer (&out, g_free);

  out = run_cli (&status, "units", "import", dept_path, unit_path, NULL);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_clear_pointer (&out, g_free);
  merged = bud_json_read_file (dept_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bud_document_count (merged, BUD_KIND_UNIT), ==, 2);
  g_assert_true (bud_check_measure_value (merged, "expense.total", &a));
  g_assert_true (bud_check_measure_value (full, "expense.total", &b));
  g_assert_cmpint (a, ==, b);

  /* a second import of the same unit is refused, and --replace takes it */
  out = run_cli (&status, "units", "import", dept_path, unit_path, NULL);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_clear_pointer (&out, g_free);
  out = run_cli (&status, "units", "import", "--replace", dept_path, unit_path, NULL);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/units/extract/consolidates", test_extract_consolidates);
  g_test_add_func ("/units/extract/content", test_extract_content);
  g_test_add_func ("/units/extract/balanced", test_extract_balanced);
  g_test_add_func ("/units/extract/unknown-unit", test_extract_unknown_unit);
  g_test_add_func ("/units/import/remaps", test_import_remaps);
  g_test_add_func ("/units/import/refusals", test_import_refusals);
  g_test_add_func ("/units/import/replace", test_import_replace);
  g_test_add_func ("/units/import/rolls-back", test_import_rolls_back);
  g_test_add_func ("/units/summarize", test_summarize);
  g_test_add_func ("/units/cli", test_cli);

  return g_test_run ();
}
