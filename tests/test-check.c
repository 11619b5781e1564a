/* test-check.c — every check rule: a document that triggers it and one that does not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test starts from a small consistent document (no findings at all),
 * breaks one thing and asserts the rule id, severity, location and the key
 * figure of the message. Figures are computed from the test's own amounts,
 * not copied from the checker's output.
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "bud-check.h"
#include "bud-money.h"
#include "bud-test-doc.h"
#include "bud-synth.h"

/* amounts of the clean document, in 分 */
#define INCOME_GENERAL   1000000000   /* 1000.00 万元 */
#define BASIC_SALARY      600000000   /* 2010350 / 30101 */
#define BASIC_PENSION     100000000   /* 2080505 / 30108 */
#define BASIC_OFFICE      100000000   /* 2010350 / 30201 */
#define PROJECT_MONEY     200000000   /* 2010399 / 30201, project 1 */

static BudCatalog *test_catalog;

typedef struct {
  BudDocument *doc;
  gint64       unit;
  gint64       income;
  gint64       salary, pension, office, project_line;
  gint64       project;
  gint64       project_target, dept_target;
  gint64       first_indicator;
} Fixture;

static gint64
add_line (BudDocument *doc, gint64 unit, const char *func, const char *econ, BudSpendKind kind,
          gint64 project, BudSource source, gint64 amount)
{
  return bud_test_add_line (doc, unit, func, econ, kind, project, source, 0, amount);
}

static gint64
add_target (BudDocument *doc, gint64 project, gint64 fiscal_local)
{
  BudTarget *t = bud_entity_new (BUD_KIND_TARGET);

  t->project = project;
  t->fiscal_local = fiscal_local;
  bud_test_set_field_text (t, BUD_KIND_TARGET, "goal", "完成年度工作任务");
  return ((BudTarget *) bud_test_insert (doc, BUD_KIND_TARGET, t))->id;
}

static gint64
add_indicator (BudDocument *doc, gint64 target, const char *level1, const char *level2,
               const char *name, BudIndicatorOp op, const char *value, const char *unit,
               gint64 weight)
{
  BudIndicator *ind = bud_entity_new (BUD_KIND_INDICATOR);

  ind->target = target;
  bud_test_set_field_text (ind, BUD_KIND_INDICATOR, "level1", level1);
  bud_test_set_field_text (ind, BUD_KIND_INDICATOR, "level2", level2);
  bud_test_set_field_text (ind, BUD_KIND_INDICATOR, "name", name);
  ind->op = op;
  bud_test_set_field_text (ind, BUD_KIND_INDICATOR, "value", value);
  bud_test_set_field_text (ind, BUD_KIND_INDICATOR, "unit", unit);
  ind->weight = weight;
  return ((BudIndicator *) bud_test_insert (doc, BUD_KIND_INDICATOR, ind))->id;
}

static gint64
add_comparative (BudDocument *doc, const char *measure, gint64 last_year, const char *reason)
{
  BudComparative *c = bud_entity_new (BUD_KIND_COMPARATIVE);

  bud_test_set_field_text (c, BUD_KIND_COMPARATIVE, "measure", measure);
  bud_test_set_field_text (c, BUD_KIND_COMPARATIVE, "reason", reason);
  c->last_year = last_year;
  return ((BudComparative *) bud_test_insert (doc, BUD_KIND_COMPARATIVE, c))->id;
}

static gint64
add_carryover (BudDocument *doc, const char *name, BudSource source, gint64 amount)
{
  BudCarryover *c = bud_entity_new (BUD_KIND_CARRYOVER);

  bud_test_set_field_text (c, BUD_KIND_CARRYOVER, "name", name);
  c->source = source;
  c->kind = BUD_SPEND_PROJECT;
  c->amount = amount;
  return ((BudCarryover *) bud_test_insert (doc, BUD_KIND_CARRYOVER, c))->id;
}

static gint64
add_income (BudDocument *doc, BudSource source, gint64 amount)
{
  BudIncome *in = bud_entity_new (BUD_KIND_INCOME);

  in->source = source;
  in->amount = amount;
  return ((BudIncome *) bud_test_insert (doc, BUD_KIND_INCOME, in))->id;
}

/* A small department whose budget satisfies every rule. */
static void
fixture_init (Fixture *f)
{
  BudDocument *doc = bud_document_new ();
  BudUnit *u = bud_entity_new (BUD_KIND_UNIT);
  BudProject *p = bud_entity_new (BUD_KIND_PROJECT);

  f->doc = doc;
  bud_test_set_text (doc, BUD_KIND_META, 1, "department", "测试市招商引资服务中心");
  bud_test_set_int (doc, BUD_KIND_META, 1, "year", 2026);
  bud_test_set_text (doc, BUD_KIND_META, 1, "date", "2026-01-20");
  bud_test_set_text (doc, BUD_KIND_PROFILE, 1, "functions", "负责招商引资工作。");

  bud_test_set_field_text (u, BUD_KIND_UNIT, "name", "测试市招商引资服务中心");
  u->primary_unit = TRUE;
  f->unit = ((BudUnit *) bud_test_insert (doc, BUD_KIND_UNIT, u))->id;

  bud_test_set_field_text (p, BUD_KIND_PROJECT, "name", "招商引资工作经费");
  p->unit = f->unit;
  f->project = ((BudProject *) bud_test_insert (doc, BUD_KIND_PROJECT, p))->id;

  f->income = add_income (doc, BUD_SOURCE_GENERAL, INCOME_GENERAL);
  f->salary = add_line (doc, f->unit, "2010350", "30101", BUD_SPEND_BASIC, 0,
                        BUD_SOURCE_GENERAL, BASIC_SALARY);
  f->pension = add_line (doc, f->unit, "2080505", "30108", BUD_SPEND_BASIC, 0,
                         BUD_SOURCE_GENERAL, BASIC_PENSION);
  f->office = add_line (doc, f->unit, "2010350", "30201", BUD_SPEND_BASIC, 0,
                        BUD_SOURCE_GENERAL, BASIC_OFFICE);
  f->project_line = add_line (doc, f->unit, "2010399", "30201", BUD_SPEND_PROJECT, f->project,
                              BUD_SOURCE_GENERAL, PROJECT_MONEY);

  /* what 第三部分 四 says each class with fiscal money is for (text.purpose) */
  g_assert_true (bud_document_put_text (doc, "purpose.201", "人员经费和公用经费", NULL));
  g_assert_true (bud_document_put_text (doc, "purpose.208", "缴纳机关事业单位基本养老保险", NULL));

  /* last year's figures equal this year's, so no reason is needed */
  add_comparative (doc, "income.general", INCOME_GENERAL, "");
  add_comparative (doc, "expense.basic", BASIC_SALARY + BASIC_PENSION + BASIC_OFFICE, "");
  add_comparative (doc, "expense.project", PROJECT_MONEY, "");
  add_comparative (doc, "general.basic", BASIC_SALARY + BASIC_PENSION + BASIC_OFFICE, "");
  add_comparative (doc, "general.project", PROJECT_MONEY, "");
  add_comparative (doc, "general.func.2010350", BASIC_SALARY + BASIC_OFFICE, "");
  add_comparative (doc, "general.func.2080505", BASIC_PENSION, "");
  add_comparative (doc, "general.func.2010399", 0, "本年度新增招商引资工作经费项目");
  add_comparative (doc, "running.total", BASIC_OFFICE, "");
  add_comparative (doc, "sangong.total", 0, "");

  f->project_target = add_target (doc, f->project, PROJECT_MONEY);
  f->first_indicator = add_indicator (doc, f->project_target, "产出指标", "数量指标", "开展招商活动",
                                      BUD_OP_GE, "4", "次", 3000);
  add_indicator (doc, f->project_target, "成本指标", "经济成本指标", "招商办公经费",
                 BUD_OP_LE, "18.50", "万元", 2000);
  add_indicator (doc, f->project_target, "效益指标", "社会效益指标", "营商环境",
                 BUD_OP_QUAL, "持续改善", "", 2000);
  add_indicator (doc, f->project_target, "满意度指标", "服务对象满意度指标", "外商满意度",
                 BUD_OP_GE, "90", "%", 2000);

  f->dept_target = add_target (doc, 0, INCOME_GENERAL);
  add_indicator (doc, f->dept_target, "履职效能", "数量指标", "招商引资到位资金",
                 BUD_OP_GE, "160", "亿元", 5000);
  add_indicator (doc, f->dept_target, "履职效能", "质量指标", "重点签约项目履约率",
                 BUD_OP_GE, "90", "%", 4000);
}

static void
fixture_clear (Fixture *f)
{
  g_clear_object (&f->doc);
}

static GPtrArray *
check (BudDocument *doc)
{
  BudCheckContext ctx = { test_catalog, 9000, bud_check_level1_2021 };
  return bud_check_run (doc, &ctx);
}

static void
dump (GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    {
      BudFinding *x = g_ptr_array_index (findings, i);
      g_test_message ("%s %s %s/%" G_GINT64_FORMAT "/%s: %s", bud_severity_to_string (x->severity),
                      x->rule, x->kind < BUD_N_KINDS ? bud_entity_class (x->kind)->name : "document",
                      x->id, x->field ? x->field : "-", x->message);
    }
}

static guint
count_rule (GPtrArray *findings, const char *rule)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    if (strcmp (((BudFinding *) g_ptr_array_index (findings, i))->rule, rule) == 0)
      n++;
  return n;
}

/* A finding of @rule at (kind, id, field) with @needle in its message. */
static void
expect (GPtrArray *findings, const char *rule, BudSeverity severity, BudKind kind, gint64 id,
        const char *field, const char *needle)
{
  const char *located = NULL;

  for (guint i = 0; i < findings->len; i++)
    {
      BudFinding *x = g_ptr_array_index (findings, i);

      if (strcmp (x->rule, rule) != 0 || x->kind != kind || x->id != id ||
          g_strcmp0 (x->field, field) != 0)
        continue;
      g_assert_cmpint (x->severity, ==, severity);
      g_assert_cmpint (x->severity, ==, bud_check_rule_lookup (rule)->severity);
      located = x->message;
      if (needle == NULL || strstr (x->message, needle) != NULL)
        return;
    }
  dump (findings);
  if (located)
    g_error ("%s: message “%s” lacks “%s”", rule, located, needle);
  g_error ("no %s finding at %s/%" G_GINT64_FORMAT "/%s", rule,
           kind < BUD_N_KINDS ? bud_entity_class (kind)->name : "document", id, field ? field : "-");
}

static void
expect_none (GPtrArray *findings, const char *rule)
{
  if (count_rule (findings, rule) != 0)
    {
      dump (findings);
      g_error ("unexpected %s finding", rule);
    }
}

static char *
wan (gint64 fen)
{
  g_autofree char *n = bud_money_format (fen, BUD_MONEY_WAN, BUD_MONEY_FORMAT_DEFAULT);
  return g_strdup_printf ("%s 万元", n);
}

/* ---- the clean document, the rule list, sorting ---- */

static void
test_clean (void)
{
  Fixture f;
  g_autoptr(GPtrArray) findings = NULL;

  fixture_init (&f);
  findings = check (f.doc);
  dump (findings);
  g_assert_cmpuint (findings->len, ==, 0);
  fixture_clear (&f);
}

static void
test_rule_list (void)
{
  guint n = 0;
  const BudRuleInfo *rules = bud_check_rules (&n);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (n, >=, 26);
  for (guint i = 0; i < n; i++)
    {
      g_assert_false (g_hash_table_contains (ids, rules[i].id));
      g_hash_table_add (ids, (gpointer) rules[i].id);
      g_assert_true (rules[i].description && rules[i].description[0]);
      g_assert_true (bud_check_rule_lookup (rules[i].id) == &rules[i]);
    }
  g_assert_null (bud_check_rule_lookup ("no.such-rule"));
}

static void
test_sorted (void)
{
  Fixture f;
  g_autoptr(GPtrArray) findings = NULL;

  fixture_init (&f);
  /* an info (zero line), warnings (project without money, code pair), errors (balance, placeholder) */
  add_line (f.doc, f.unit, "2010350", "30201", BUD_SPEND_BASIC, 0, BUD_SOURCE_GENERAL, 0);
  bud_test_set_text (f.doc, BUD_KIND_LINE, f.pension, "func", "2010350");
  bud_test_set_text (f.doc, BUD_KIND_PROFILE, 1, "structure", "下设XX个科室");
  bud_test_set_int (f.doc, BUD_KIND_INCOME, f.income, "amount", INCOME_GENERAL + 100);
  findings = check (f.doc);
  dump (findings);
  g_assert_cmpuint (bud_check_count (findings, BUD_SEVERITY_ERROR), >, 0);
  g_assert_cmpuint (bud_check_count (findings, BUD_SEVERITY_WARNING), >, 0);
  g_assert_cmpuint (bud_check_count (findings, BUD_SEVERITY_INFO), >, 0);
  for (guint i = 1; i < findings->len; i++)
    {
      BudFinding *a = g_ptr_array_index (findings, i - 1);
      BudFinding *b = g_ptr_array_index (findings, i);

      g_assert_cmpint (a->severity, <=, b->severity);
      if (a->severity == b->severity)
        g_assert_cmpint (a->kind, <=, b->kind);
      if (a->severity == b->severity && a->kind == b->kind)
        g_assert_cmpint (a->position, <=, b->position);
    }
  g_assert_cmpint (((BudFinding *) g_ptr_array_index (findings, 0))->severity, ==, BUD_SEVERITY_ERROR);
  fixture_clear (&f);
}

/* ---- balance.source ---- */

static void
test_balance_source (void)
{
  Fixture f;
  g_autoptr(GPtrArray) under = NULL;
  g_autoptr(GPtrArray) over = NULL;
  g_autoptr(GPtrArray) unpaid = NULL;
  g_autoptr(GPtrArray) tiny = NULL;
  g_autofree char *gap = wan (742000);
  g_autofree char *approved = wan (INCOME_GENERAL + 742000);

  fixture_init (&f);
  /* 7.42 万元 more approved than spent */
  bud_test_set_int (f.doc, BUD_KIND_INCOME, f.income, "amount", INCOME_GENERAL + 742000);
  under = check (f.doc);
  expect (under, "balance.source", BUD_SEVERITY_ERROR, BUD_KIND_INCOME, f.income, "amount", gap);
  expect (under, "balance.source", BUD_SEVERITY_ERROR, BUD_KIND_INCOME, f.income, "amount", approved);
  expect (under, "balance.source", BUD_SEVERITY_ERROR, BUD_KIND_INCOME, f.income, "amount", "left");

  bud_test_set_int (f.doc, BUD_KIND_INCOME, f.income, "amount", INCOME_GENERAL - 742000);
  over = check (f.doc);
  expect (over, "balance.source", BUD_SEVERITY_ERROR, BUD_KIND_INCOME, f.income, "amount", gap);
  expect (over, "balance.source", BUD_SEVERITY_ERROR, BUD_KIND_INCOME, f.income, "amount", "over");

  /* a gap of 3.50 元 must not read as 0.00 万元 */
  bud_test_set_int (f.doc, BUD_KIND_INCOME, f.income, "amount", INCOME_GENERAL + 350);
  tiny = check (f.doc);
  expect (tiny, "balance.source", BUD_SEVERITY_ERROR, BUD_KIND_INCOME, f.income, "amount", "3.50 元");

  /* lines of a source with no approved amount at all */
  bud_test_set_int (f.doc, BUD_KIND_INCOME, f.income, "amount", INCOME_GENERAL);
  add_line (f.doc, f.unit, "2010350", "30201", BUD_SPEND_BASIC, 0, BUD_SOURCE_UNIT_OTHER, 1230000);
  unpaid = check (f.doc);
  expect (unpaid, "balance.source", BUD_SEVERITY_ERROR, BUD_KIND_INCOME, 0, "amount", "1.23 万元");
  g_assert_cmpuint (count_rule (unpaid, "balance.source"), ==, 1);
  fixture_clear (&f);
}

static void
test_balance_source_ok (void)
{
  Fixture f;
  g_autoptr(GPtrArray) findings = NULL;

  fixture_init (&f);
  /* a second source, balanced */
  add_income (f.doc, BUD_SOURCE_UNIT_OTHER, 1230000);
  add_line (f.doc, f.unit, "2010350", "30201", BUD_SPEND_BASIC, 0, BUD_SOURCE_UNIT_OTHER, 1000000);
  add_line (f.doc, f.unit, "2010350", "30101", BUD_SPEND_BASIC, 0, BUD_SOURCE_UNIT_OTHER, 230000);
  findings = check (f.doc);
  expect_none (findings, "balance.source");
  fixture_clear (&f);
}

/* ---- lines ---- */

static void
test_lines_code_level (void)
{
  Fixture f;
  g_autoptr(GPtrArray) findings = NULL;

  fixture_init (&f);
  bud_test_set_text (f.doc, BUD_KIND_LINE, f.office, "func", "20103");
  bud_test_set_text (f.doc, BUD_KIND_LINE, f.salary, "econ", "301");
  findings = check (f.doc);
  expect (findings, "lines.code-level", BUD_SEVERITY_ERROR, BUD_KIND_LINE, f.office, "func", "20103");
  expect (findings, "lines.code-level", BUD_SEVERITY_ERROR, BUD_KIND_LINE, f.salary, "econ", "301");
  g_assert_cmpuint (count_rule (findings, "lines.code-level"), ==, 2);
  /* a code at the wrong level is not also reported as unknown */
  expect_none (findings, "lines.code-unknown");
  fixture_clear (&f);
}

static void
test_lines_code_unknown (void)
{
  Fixture f;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) without = NULL;
  g_autoptr(GPtrArray) custom = NULL;
  BudCustomCode *cc;
  gint64 first;

  fixture_init (&f);
  first = add_line (f.doc, f.unit, "2019999", "30299", BUD_SPEND_BASIC, 0, BUD_SOURCE_GENERAL, 100);
  add_line (f.doc, f.unit, "2019999", "30201", BUD_SPEND_BASIC, 0, BUD_SOURCE_GENERAL, 100);
  bud_test_set_int (f.doc, BUD_KIND_INCOME, f.income, "amount", INCOME_GENERAL + 200);
  findings = check (f.doc);
  /* one finding per code, at the first line using it, counting the lines */
  expect (findings, "lines.code-unknown", BUD_SEVERITY_WARNING, BUD_KIND_LINE, first, "func", "2019999");
  expect (findings, "lines.code-unknown", BUD_SEVERITY_WARNING, BUD_KIND_LINE, first, "func", "2 lines");
  expect (findings, "lines.code-unknown", BUD_SEVERITY_WARNING, BUD_KIND_LINE, first, "econ", "30299");
  g_assert_cmpuint (count_rule (findings, "lines.code-unknown"), ==, 2);

  /* no catalog: the rule is skipped */
  without = bud_check_run (f.doc, &(BudCheckContext) { NULL, 9000, NULL });
  expect_none (without, "lines.code-unknown");

  /* the document's own codes count as known */
  cc = bud_entity_new (BUD_KIND_CUSTOM_CODE);
  cc->scheme = BUD_SCHEME_FUNCTIONAL;
  bud_test_set_field_text (cc, BUD_KIND_CUSTOM_CODE, "code", "2019999");
  bud_test_set_field_text (cc, BUD_KIND_CUSTOM_CODE, "name", "其他招商支出");
  bud_test_insert (f.doc, BUD_KIND_CUSTOM_CODE, cc);
  custom = check (f.doc);
  g_assert_cmpuint (count_rule (custom, "lines.code-unknown"), ==, 1);
  expect (custom, "lines.code-unknown", BUD_SEVERITY_WARNING, BUD_KIND_LINE, first, "econ", "30299");
  fixture_clear (&f);
}

static void
test_lines_code_pair (void)
{
  Fixture f;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) ok = NULL;
  gint64 medical, housing;

  fixture_init (&f);
  /* 30108 pension contribution on 2010350 instead of 2080505 */
  bud_test_set_text (f.doc, BUD_KIND_LINE, f.pension, "func", "2010350");
  /* 2210201 housing fund spent on 30101 instead of 30113 */
  housing = add_line (f.doc, f.unit, "2210201", "30101", BUD_SPEND_BASIC, 0, BUD_SOURCE_GENERAL, 500);
  /* 30110 may sit on 2101101 or 2101102: the message names both */
  medical = add_line (f.doc, f.unit, "2101103", "30110", BUD_SPEND_BASIC, 0, BUD_SOURCE_GENERAL, 500);
  bud_test_set_int (f.doc, BUD_KIND_INCOME, f.income, "amount", INCOME_GENERAL + 1000);
  findings = check (f.doc);
  expect (findings, "lines.code-pair", BUD_SEVERITY_WARNING, BUD_KIND_LINE, f.pension, "func", "2080505");
  expect (findings, "lines.code-pair", BUD_SEVERITY_WARNING, BUD_KIND_LINE, housing, "econ", "30113");
  expect (findings, "lines.code-pair", BUD_SEVERITY_WARNING, BUD_KIND_LINE, medical, "func", "2101102");
  g_assert_cmpuint (count_rule (findings, "lines.code-pair"), ==, 3);

  /* the pairs as they should be, and project lines are free */
  bud_test_set_text (f.doc, BUD_KIND_LINE, f.pension, "func", "2080505");
  bud_test_set_text (f.doc, BUD_KIND_LINE, housing, "econ", "30113");
  bud_test_set_text (f.doc, BUD_KIND_LINE, medical, "func", "2101102");
  add_line (f.doc, f.unit, "2010399", "30108", BUD_SPEND_PROJECT, f.project, BUD_SOURCE_GENERAL, 0);
  ok = check (f.doc);
  expect_none (ok, "lines.code-pair");
  fixture_clear (&f);
}

static void
test_lines_project_link (void)
{
  Fixture f;
  g_autoptr(GPtrArray) findings = NULL;

  fixture_init (&f);
  bud_test_set_int (f.doc, BUD_KIND_LINE, f.project_line, "project", 0);
  bud_test_set_int (f.doc, BUD_KIND_LINE, f.office, "project", f.project);
  findings = check (f.doc);
  expect (findings, "lines.project-link", BUD_SEVERITY_ERROR, BUD_KIND_LINE, f.project_line, "project",
          "no project");
  expect (findings, "lines.project-link", BUD_SEVERITY_ERROR, BUD_KIND_LINE, f.office, "project",
          "招商引资工作经费");
  g_assert_cmpuint (count_rule (findings, "lines.project-link"), ==, 2);
  fixture_clear (&f);
}

static void
test_lines_zero (void)
{
  Fixture f;
  g_autoptr(GPtrArray) findings = NULL;
  gint64 zero;

  fixture_init (&f);
  zero = add_line (f.doc, f.unit, "2010350", "30201", BUD_SPEND_BASIC, 0, BUD_SOURCE_GENERAL, 0);
  findings = check (f.doc);
  expect (findings, "lines.zero", BUD_SEVERITY_INFO, BUD_KIND_LINE, zero, "amount", "2010350/30201");
  g_assert_cmpuint (count_rule (findings, "lines.zero"), ==, 1);
  g_assert_cmpuint (bud_check_count (findings, BUD_SEVERITY_ERROR), ==, 0);
  fixture_clear (&f);
}

/* ---- carry-over ---- */

static void
add_carry_money (Fixture *f, gint64 *item, gint64 *line, gint64 item_amount, gint64 line_amount)
{
  *item = add_carryover (f->doc, "昌市财〔2025〕12号 招商经费", BUD_SOURCE_CARRY_GENERAL, item_amount);
  *line = add_line (f->doc, f->unit, "2010399", "30201", BUD_SPEND_PROJECT, f->project,
                    BUD_SOURCE_CARRY_GENERAL, line_amount);
  bud_test_set_int (f->doc, BUD_KIND_LINE, *line, "carryover", *item);
  add_income (f->doc, BUD_SOURCE_CARRY_GENERAL, line_amount);
  bud_test_set_int (f->doc, BUD_KIND_TARGET, f->project_target, "fiscal_local", PROJECT_MONEY + line_amount);
  bud_test_set_int (f->doc, BUD_KIND_TARGET, f->dept_target, "fiscal_local", INCOME_GENERAL + line_amount);
}

static void
test_carryover_balance (void)
{
  Fixture f;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) ok = NULL;
  g_autofree char *gap = wan (150000);
  gint64 item, line, stray, foreign;

  fixture_init (&f);
  add_carry_money (&f, &item, &line, 500000, 350000);
  /* a carry-over line naming no item, one naming an item of another source */
  stray = add_line (f.doc, f.unit, "2010399", "30201", BUD_SPEND_PROJECT, f.project,
                    BUD_SOURCE_CARRY_UNIT, 100);
  foreign = add_line (f.doc, f.unit, "2010399", "30201", BUD_SPEND_PROJECT, f.project,
                      BUD_SOURCE_GENERAL, 0);
  bud_test_set_int (f.doc, BUD_KIND_LINE, foreign, "carryover", item);
  findings = check (f.doc);
  expect (findings, "carryover.balance", BUD_SEVERITY_ERROR, BUD_KIND_CARRYOVER, item, "amount", gap);
  expect (findings, "carryover.balance", BUD_SEVERITY_ERROR, BUD_KIND_LINE, stray, "carryover",
          "2010399/30201");
  expect (findings, "carryover.balance", BUD_SEVERITY_ERROR, BUD_KIND_LINE, foreign, "source",
          "昌市财〔2025〕12号");
  g_assert_cmpuint (count_rule (findings, "carryover.balance"), ==, 3);
  fixture_clear (&f);

  fixture_init (&f);
  add_carry_money (&f, &item, &line, 350000, 350000);
  ok = check (f.doc);
  expect_none (ok, "carryover.balance");
  expect_none (ok, "carryover.source");
  expect_none (ok, "balance.source");
  fixture_clear (&f);
}

static void
test_carryover_source (void)
{
  Fixture f;
  g_autoptr(GPtrArray) findings = NULL;
  gint64 item;

  fixture_init (&f);
  item = add_carryover (f.doc, "上年结余", BUD_SOURCE_FUND, 0);
  findings = check (f.doc);
  expect (findings, "carryover.source", BUD_SEVERITY_ERROR, BUD_KIND_CARRYOVER, item, "source", "上年结余");
  bud_test_set_int (f.doc, BUD_KIND_CARRYOVER, item, "source", BUD_SOURCE_CARRY_FUND);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = check (f.doc);
  expect_none (findings, "carryover.source");
  fixture_clear (&f);
}

/* ---- projects ---- */

static void
test_projects_target (void)
{
  Fixture f;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *money = wan (PROJECT_MONEY);

  fixture_init (&f);
  g_assert_true (bud_document_remove (f.doc, BUD_KIND_TARGET, f.project_target, &error));
  g_assert_no_error (error);
  findings = check (f.doc);
  expect (findings, "projects.target", BUD_SEVERITY_ERROR, BUD_KIND_PROJECT, f.project, NULL, money);
  g_assert_cmpuint (count_rule (findings, "projects.target"), ==, 1);
  expect_none (findings, "projects.target-money");
  fixture_clear (&f);
}

static void
test_projects_target_money (void)
{
  Fixture f;
  g_autoptr(GPtrArray) fiscal = NULL;
  g_autoptr(GPtrArray) other = NULL;
  g_autoptr(GPtrArray) split = NULL;
  g_autofree char *lines = wan (PROJECT_MONEY);
  g_autofree char *stated = wan (PROJECT_MONEY - 100000);

  fixture_init (&f);
  bud_test_set_int (f.doc, BUD_KIND_TARGET, f.project_target, "fiscal_local", PROJECT_MONEY - 100000);
  fiscal = check (f.doc);
  expect (fiscal, "projects.target-money", BUD_SEVERITY_ERROR, BUD_KIND_TARGET, f.project_target,
          "fiscal_local", lines);
  expect (fiscal, "projects.target-money", BUD_SEVERITY_ERROR, BUD_KIND_TARGET, f.project_target,
          "fiscal_local", stated);

  /* the total is right but 100 万元 is shown as other funds */
  bud_test_set_int (f.doc, BUD_KIND_TARGET, f.project_target, "other", 100000);
  other = check (f.doc);
  expect (other, "projects.target-money", BUD_SEVERITY_ERROR, BUD_KIND_TARGET, f.project_target,
          "other", "0.10 万元");

  /* higher-level and local fiscal money may be split any way */
  bud_test_set_int (f.doc, BUD_KIND_TARGET, f.project_target, "other", 0);
  bud_test_set_int (f.doc, BUD_KIND_TARGET, f.project_target, "fiscal_upper", 100000);
  split = check (f.doc);
  expect_none (split, "projects.target-money");
  fixture_clear (&f);
}

static void
test_projects_no_lines (void)
{
  Fixture f;
  g_autoptr(GPtrArray) findings = NULL;
  BudProject *p = bud_entity_new (BUD_KIND_PROJECT);
  gint64 empty;

  fixture_init (&f);
  bud_test_set_field_text (p, BUD_KIND_PROJECT, "name", "空项目");
  p->unit = f.unit;
  empty = ((BudProject *) bud_test_insert (f.doc, BUD_KIND_PROJECT, p))->id;
  findings = check (f.doc);
  expect (findings, "projects.no-lines", BUD_SEVERITY_WARNING, BUD_KIND_PROJECT, empty, NULL, "空项目");
  /* the fixture's project has money */
  g_assert_cmpuint (count_rule (findings, "projects.no-lines"), ==, 1);
  fixture_clear (&f);
}

/* ---- performance targets ---- */

static void
test_perf_department (void)
{
  Fixture f;
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GPtrArray) short_ = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *whole = wan (INCOME_GENERAL);

  fixture_init (&f);
  bud_test_set_int (f.doc, BUD_KIND_TARGET, f.dept_target, "fiscal_local", INCOME_GENERAL - PROJECT_MONEY);
  short_ = check (f.doc);
  expect (short_, "perf.department", BUD_SEVERITY_ERROR, BUD_KIND_TARGET, f.dept_target, "fiscal_local",
          whole);

  g_assert_true (bud_document_remove (f.doc, BUD_KIND_TARGET, f.dept_target, &error));
  g_assert_no_error (error);
  missing = check (f.doc);
  expect (missing, "perf.department", BUD_SEVERITY_ERROR, BUD_KIND_TARGET, 0, NULL, whole);
  fixture_clear (&f);
}

static void
test_perf_weights (void)
{
  Fixture f;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) unchecked = NULL;

  fixture_init (&f);
  bud_test_set_int (f.doc, BUD_KIND_INDICATOR, f.first_indicator, "weight", 2500);
  findings = check (f.doc);
  expect (findings, "perf.weights", BUD_SEVERITY_ERROR, BUD_KIND_TARGET, f.project_target, NULL, "85.00");
  expect (findings, "perf.weights", BUD_SEVERITY_ERROR, BUD_KIND_TARGET, f.project_target, NULL, "90.00");
  g_assert_cmpuint (count_rule (findings, "perf.weights"), ==, 1);
  /* expected weight 0: templates that print no weights */
  unchecked = bud_check_run (f.doc, &(BudCheckContext) { test_catalog, 0, bud_check_level1_2021 });
  expect_none (unchecked, "perf.weights");
  fixture_clear (&f);
}

static void
test_perf_value (void)
{
  Fixture f;
  g_autoptr(GPtrArray) findings = NULL;
  gint64 damaged, unitless, qual, empty;

  fixture_init (&f);
  /* the seed's typing damage: "18.5 0" */
  damaged = add_indicator (f.doc, f.dept_target, "履职效能", "成本指标", "办公经费",
                           BUD_OP_LE, "18.5 0", "万元", 0);
  unitless = add_indicator (f.doc, f.dept_target, "履职效能", "数量指标", "对接次数",
                            BUD_OP_GE, "4", "", 0);
  qual = add_indicator (f.doc, f.dept_target, "履职效能", "质量指标", "服务质量",
                        BUD_OP_QUAL, "", "", 0);
  empty = add_indicator (f.doc, f.dept_target, "履职效能", "数量指标", "项目数",
                         BUD_OP_EQ, "", "个", 0);
  findings = check (f.doc);
  expect (findings, "perf.value", BUD_SEVERITY_ERROR, BUD_KIND_INDICATOR, damaged, "value", "18.5 0");
  expect (findings, "perf.value", BUD_SEVERITY_ERROR, BUD_KIND_INDICATOR, unitless, "unit", "对接次数");
  expect (findings, "perf.value", BUD_SEVERITY_ERROR, BUD_KIND_INDICATOR, qual, "value", "服务质量");
  expect (findings, "perf.value", BUD_SEVERITY_ERROR, BUD_KIND_INDICATOR, empty, "value", "项目数");
  g_assert_cmpuint (count_rule (findings, "perf.value"), ==, 4);
  fixture_clear (&f);
}

static void
test_perf_levels (void)
{
  Fixture f;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) suffix = NULL;
  GPtrArray *inds;

  fixture_init (&f);
  /* the fixture's last project indicator is 满意度指标: rename it away */
  inds = bud_document_items (f.doc, BUD_KIND_INDICATOR);
  for (guint i = 0; i < inds->len; i++)
    {
      BudIndicator *ind = g_ptr_array_index (inds, i);
      if (strcmp (ind->level1, "满意度指标") == 0)
        bud_test_set_text (f.doc, BUD_KIND_INDICATOR, ind->id, "level1", "效益指标");
    }
  findings = check (f.doc);
  expect (findings, "perf.levels", BUD_SEVERITY_WARNING, BUD_KIND_TARGET, f.project_target, NULL,
          "满意度指标");
  /* the department-wide table (履职效能 …) is not held to the project framework */
  g_assert_cmpuint (count_rule (findings, "perf.levels"), ==, 1);

  /* "满意度" without the suffix names the same category */
  for (guint i = 0; i < inds->len; i++)
    {
      BudIndicator *ind = g_ptr_array_index (inds, i);
      if (strcmp (ind->name, "外商满意度") == 0)
        bud_test_set_text (f.doc, BUD_KIND_INDICATOR, ind->id, "level1", "满意度");
    }
  suffix = check (f.doc);
  expect_none (suffix, "perf.levels");
  fixture_clear (&f);
}

static void
test_perf_empty (void)
{
  Fixture f;
  g_autoptr(GPtrArray) findings = NULL;
  BudProject *p = bud_entity_new (BUD_KIND_PROJECT);
  gint64 project, target;

  fixture_init (&f);
  bud_test_set_field_text (p, BUD_KIND_PROJECT, "name", "新项目");
  p->unit = f.unit;
  project = ((BudProject *) bud_test_insert (f.doc, BUD_KIND_PROJECT, p))->id;
  target = add_target (f.doc, project, 0);
  findings = check (f.doc);
  expect (findings, "perf.empty", BUD_SEVERITY_ERROR, BUD_KIND_TARGET, target, NULL, "新项目");
  g_assert_cmpuint (count_rule (findings, "perf.empty"), ==, 1);
  /* no weight or level finding on top of it */
  expect_none (findings, "perf.weights");
  expect_none (findings, "perf.levels");
  fixture_clear (&f);
}

/* ---- procurement ---- */

static void
test_procurement (void)
{
  Fixture f;
  g_autoptr(GPtrArray) ok = NULL;
  g_autoptr(GPtrArray) sum = NULL;
  g_autoptr(GPtrArray) reserved = NULL;

  fixture_init (&f);
  /* the seed's figures: 18.85 = 2.40 + 0 + 16.45, all reserved */
  bud_test_set_int (f.doc, BUD_KIND_PROCUREMENT, 1, "total", 18850000);
  bud_test_set_int (f.doc, BUD_KIND_PROCUREMENT, 1, "goods", 2400000);
  bud_test_set_int (f.doc, BUD_KIND_PROCUREMENT, 1, "services", 16450000);
  bud_test_set_int (f.doc, BUD_KIND_PROCUREMENT, 1, "reserved_sme", 18850000);
  bud_test_set_int (f.doc, BUD_KIND_PROCUREMENT, 1, "reserved_micro", 18850000);
  ok = check (f.doc);
  expect_none (ok, "procurement.sum");
  expect_none (ok, "procurement.reserved");

  bud_test_set_int (f.doc, BUD_KIND_PROCUREMENT, 1, "services", 16000000);
  sum = check (f.doc);
  expect (sum, "procurement.sum", BUD_SEVERITY_ERROR, BUD_KIND_PROCUREMENT, 1, "total", "18.40 万元");
  expect (sum, "procurement.sum", BUD_SEVERITY_ERROR, BUD_KIND_PROCUREMENT, 1, "total", "18.85 万元");

  bud_test_set_int (f.doc, BUD_KIND_PROCUREMENT, 1, "services", 16450000);
  bud_test_set_int (f.doc, BUD_KIND_PROCUREMENT, 1, "reserved_sme", 19000000);
  bud_test_set_int (f.doc, BUD_KIND_PROCUREMENT, 1, "reserved_micro", 19100000);
  reserved = check (f.doc);
  expect (reserved, "procurement.reserved", BUD_SEVERITY_ERROR, BUD_KIND_PROCUREMENT, 1, "reserved_sme",
          "19.00 万元");
  expect (reserved, "procurement.reserved", BUD_SEVERITY_ERROR, BUD_KIND_PROCUREMENT, 1, "reserved_micro",
          "19.10 万元");
  fixture_clear (&f);
}

/* ---- 三公 ---- */

static void
test_sangong_growth (void)
{
  Fixture f;
  g_autoptr(GPtrArray) grown = NULL;
  g_autoptr(GPtrArray) level = NULL;
  gint64 total, operation;

  fixture_init (&f);
  /* 2.60 万元 公务用车运行维护费 this year: one basic and one project line */
  add_line (f.doc, f.unit, "2010350", "30231", BUD_SPEND_BASIC, 0, BUD_SOURCE_GENERAL, 2000000);
  add_line (f.doc, f.unit, "2010399", "30231", BUD_SPEND_PROJECT, f.project, BUD_SOURCE_GENERAL, 600000);
  /* unit money is not 财政拨款: not counted */
  add_line (f.doc, f.unit, "2010350", "30231", BUD_SPEND_BASIC, 0, BUD_SOURCE_UNIT_OTHER, 900000);
  add_income (f.doc, BUD_SOURCE_UNIT_OTHER, 900000);
  bud_test_set_int (f.doc, BUD_KIND_INCOME, f.income, "amount", INCOME_GENERAL + 2600000);
  bud_test_set_int (f.doc, BUD_KIND_TARGET, f.project_target, "fiscal_local", PROJECT_MONEY + 600000);
  bud_test_set_int (f.doc, BUD_KIND_TARGET, f.dept_target, "fiscal_local", INCOME_GENERAL + 2600000);
  bud_test_set_int (f.doc, BUD_KIND_TARGET, f.dept_target, "other", 900000);

  total = bud_document_find_comparative (f.doc, "sangong.total")->id;
  bud_test_set_int (f.doc, BUD_KIND_COMPARATIVE, total, "last_year", 2000000);
  bud_test_set_text (f.doc, BUD_KIND_COMPARATIVE, total, "reason", "新增公务用车");
  operation = add_comparative (f.doc, "sangong.vehicle_operation", 2000000, "新增公务用车");
  grown = check (f.doc);
  expect (grown, "sangong.growth", BUD_SEVERITY_WARNING, BUD_KIND_COMPARATIVE, total, NULL, "2.60 万元");
  expect (grown, "sangong.growth", BUD_SEVERITY_WARNING, BUD_KIND_COMPARATIVE, total, NULL, "0.60 万元");
  expect (grown, "sangong.growth", BUD_SEVERITY_WARNING, BUD_KIND_COMPARATIVE, operation, NULL, "2.60 万元");
  g_assert_cmpuint (count_rule (grown, "sangong.growth"), ==, 2);

  /* the same as last year: no warning */
  bud_test_set_int (f.doc, BUD_KIND_COMPARATIVE, total, "last_year", 2600000);
  bud_test_set_int (f.doc, BUD_KIND_COMPARATIVE, operation, "last_year", 2600000);
  level = check (f.doc);
  expect_none (level, "sangong.growth");
  fixture_clear (&f);
}

/* ---- comparisons ---- */

static void
test_comparison_reason (void)
{
  Fixture f;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) reasoned = NULL;
  gint64 func, basic;

  fixture_init (&f);
  func = bud_document_find_comparative (f.doc, "general.func.2010350")->id;
  basic = bud_document_find_comparative (f.doc, "expense.basic")->id;
  /* 2010350 this year 700.00 万元; last year 640.76 → +59.24 */
  bud_test_set_int (f.doc, BUD_KIND_COMPARATIVE, func, "last_year", BASIC_SALARY + BASIC_OFFICE - 59240000);
  bud_test_set_int (f.doc, BUD_KIND_COMPARATIVE, basic, "last_year", BASIC_SALARY + BASIC_PENSION + BASIC_OFFICE + 100);
  bud_test_set_text (f.doc, BUD_KIND_COMPARATIVE, basic, "reason", "  ");
  findings = check (f.doc);
  expect (findings, "comparison.reason", BUD_SEVERITY_ERROR, BUD_KIND_COMPARATIVE, func, "reason",
          "59.24 万元");
  expect (findings, "comparison.reason", BUD_SEVERITY_ERROR, BUD_KIND_COMPARATIVE, func, "reason",
          "increase");
  expect (findings, "comparison.reason", BUD_SEVERITY_ERROR, BUD_KIND_COMPARATIVE, basic, "reason",
          "decrease");
  expect (findings, "comparison.reason", BUD_SEVERITY_ERROR, BUD_KIND_COMPARATIVE, basic, "reason",
          "1.00 元");
  g_assert_cmpuint (count_rule (findings, "comparison.reason"), ==, 2);

  bud_test_set_text (f.doc, BUD_KIND_COMPARATIVE, func, "reason", "人员增加 2 人");
  bud_test_set_text (f.doc, BUD_KIND_COMPARATIVE, basic, "reason", "人员减少");
  reasoned = check (f.doc);
  expect_none (reasoned, "comparison.reason");
  fixture_clear (&f);
}

static void
test_comparison_unknown_measure (void)
{
  Fixture f;
  g_autoptr(GPtrArray) findings = NULL;
  gint64 a, b, c;

  fixture_init (&f);
  a = add_comparative (f.doc, "income.nonsense", 0, "");
  b = add_comparative (f.doc, "general.func.20103", 0, "");
  c = add_comparative (f.doc, "assets.total", 0, "");
  /* known keys with no money this year are fine */
  add_comparative (f.doc, "income.fund", 0, "");
  add_comparative (f.doc, "entrusted.total", 0, "");
  add_comparative (f.doc, "sangong.vehicle_purchase", 0, "");
  findings = check (f.doc);
  expect (findings, "comparison.unknown-measure", BUD_SEVERITY_WARNING, BUD_KIND_COMPARATIVE, a, "measure",
          "income.nonsense");
  expect (findings, "comparison.unknown-measure", BUD_SEVERITY_WARNING, BUD_KIND_COMPARATIVE, b, "measure",
          "general.func.20103");
  expect (findings, "comparison.unknown-measure", BUD_SEVERITY_WARNING, BUD_KIND_COMPARATIVE, c, "measure",
          "assets.total");
  g_assert_cmpuint (count_rule (findings, "comparison.unknown-measure"), ==, 3);
  fixture_clear (&f);
}

static void
test_comparison_missing (void)
{
  Fixture f;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *money = wan (BASIC_PENSION);

  fixture_init (&f);
  g_assert_true (bud_document_remove (f.doc, BUD_KIND_COMPARATIVE,
                                      bud_document_find_comparative (f.doc, "general.func.2080505")->id,
                                      &error));
  g_assert_no_error (error);
  /* a 项 of other money only needs no 一般公共预算 comparative */
  add_income (f.doc, BUD_SOURCE_UNIT_OTHER, 500);
  add_line (f.doc, f.unit, "2130101", "30201", BUD_SPEND_BASIC, 0, BUD_SOURCE_UNIT_OTHER, 500);
  bud_test_set_int (f.doc, BUD_KIND_TARGET, f.dept_target, "other", 500);
  findings = check (f.doc);
  expect (findings, "comparison.missing", BUD_SEVERITY_INFO, BUD_KIND_COMPARATIVE, 0, "last_year",
          "general.func.2080505");
  expect (findings, "comparison.missing", BUD_SEVERITY_INFO, BUD_KIND_COMPARATIVE, 0, "last_year", money);
  expect (findings, "comparison.missing", BUD_SEVERITY_INFO, BUD_KIND_COMPARATIVE, 0, "last_year",
          "income.unit_other");
  g_assert_cmpuint (count_rule (findings, "comparison.missing"), ==, 2);
  fixture_clear (&f);
}

/* ---- texts ---- */

static gint64
text_id (BudDocument *doc, const char *key)
{
  GPtrArray *texts = bud_document_items (doc, BUD_KIND_TEXT);

  for (guint i = 0; i < texts->len; i++)
    if (strcmp (((BudText *) g_ptr_array_index (texts, i))->key, key) == 0)
      return ((BudText *) g_ptr_array_index (texts, i))->id;
  g_assert_not_reached ();
}

static void
test_text_placeholder (void)
{
  Fixture f;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) fine = NULL;
  g_autoptr(GError) error = NULL;

  fixture_init (&f);
  bud_test_set_text (f.doc, BUD_KIND_PROFILE, 1, "structure", "内设科室 XX 个");
  bud_test_set_text (f.doc, BUD_KIND_PROJECT, f.project, "policy_basis", "根据昌市党财【2025】××号");
  bud_test_set_text (f.doc, BUD_KIND_INDICATOR, f.first_indicator, "basis", "待填写");
  bud_test_set_text (f.doc, BUD_KIND_LINE, f.office, "note", "***");
  bud_test_set_text (f.doc, BUD_KIND_PROJECT, f.project, "execution", "2026 年ＸＸ月");
  g_assert_true (bud_document_put_text (f.doc, "other_matters", "本部门xx事项", &error));
  g_assert_no_error (error);
  findings = check (f.doc);
  expect (findings, "text.placeholder", BUD_SEVERITY_ERROR, BUD_KIND_PROFILE, 1, "structure", "XX");
  expect (findings, "text.placeholder", BUD_SEVERITY_ERROR, BUD_KIND_PROJECT, f.project, "policy_basis",
          "××");
  expect (findings, "text.placeholder", BUD_SEVERITY_ERROR, BUD_KIND_INDICATOR, f.first_indicator, "basis",
          "待填写");
  expect (findings, "text.placeholder", BUD_SEVERITY_ERROR, BUD_KIND_LINE, f.office, "note", "***");
  expect (findings, "text.placeholder", BUD_SEVERITY_ERROR, BUD_KIND_TEXT,
          text_id (f.doc, "other_matters"), "value", "other_matters");
  expect (findings, "text.placeholder", BUD_SEVERITY_ERROR, BUD_KIND_PROJECT, f.project, "execution",
          "ＸＸ");
  g_assert_cmpuint (count_rule (findings, "text.placeholder"), ==, 6);
  fixture_clear (&f);

  /* words that merely contain x, bold markup, reviewers' comments */
  fixture_init (&f);
  bud_test_set_text (f.doc, BUD_KIND_PROFILE, 1, "structure", "与 Exxon、XXL 展会对接；X 射线设备 1 台");
  g_assert_true (bud_document_put_text (f.doc, "glossary", "一、**财政拨款**：指……", &error));
  g_assert_no_error (error);
  {
    BudComment *c = bud_entity_new (BUD_KIND_COMMENT);
    bud_test_set_field_text (c, BUD_KIND_COMMENT, "body", "XX 处请补充");
    bud_test_insert (f.doc, BUD_KIND_COMMENT, c);
  }
  fine = check (f.doc);
  expect_none (fine, "text.placeholder");
  fixture_clear (&f);
}

static void
test_text_purpose (void)
{
  Fixture f;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) blank = NULL;
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GPtrArray) fiscal_again = NULL;
  g_autoptr(GPtrArray) unit_money = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *class_212 = wan (3000000);
  g_autofree char *class_201 = wan (BASIC_SALARY + BASIC_OFFICE + PROJECT_MONEY);
  gint64 unit_line;

  /* a new class with 政府性基金 money and no purpose text: named by its key, id 0 */
  fixture_init (&f);
  add_income (f.doc, BUD_SOURCE_FUND, 3000000);
  add_line (f.doc, f.unit, "2120801", "30201", BUD_SPEND_BASIC, 0, BUD_SOURCE_FUND, 3000000);
  findings = check (f.doc);
  expect (findings, "text.purpose", BUD_SEVERITY_WARNING, BUD_KIND_TEXT, 0, "purpose.212", "212");
  expect (findings, "text.purpose", BUD_SEVERITY_WARNING, BUD_KIND_TEXT, 0, "purpose.212", class_212);
  g_assert_cmpuint (count_rule (findings, "text.purpose"), ==, 1);

  /* a blank purpose is no purpose: the finding names the text's row */
  g_assert_true (bud_document_put_text (f.doc, "purpose.201", " \u3000\n", &error));
  g_assert_no_error (error);
  blank = check (f.doc);
  expect (blank, "text.purpose", BUD_SEVERITY_WARNING, BUD_KIND_TEXT, text_id (f.doc, "purpose.201"),
          "purpose.201", class_201);
  g_assert_cmpuint (count_rule (blank, "text.purpose"), ==, 2);

  /* written: nothing to say */
  g_assert_true (bud_document_put_text (f.doc, "purpose.201", "人员经费和公用经费", &error));
  g_assert_true (bud_document_put_text (f.doc, "purpose.212", "城市基础设施建设", &error));
  g_assert_no_error (error);
  written = check (f.doc);
  expect_none (written, "text.purpose");
  fixture_clear (&f);

  /* money from the unit's own sources is not 财政拨款: 第三部分 四 does not list its class */
  fixture_init (&f);
  add_income (f.doc, BUD_SOURCE_UNIT_BUSINESS, 5000000);
  unit_line = add_line (f.doc, f.unit, "2130101", "30201", BUD_SPEND_BASIC, 0, BUD_SOURCE_UNIT_BUSINESS, 5000000);
  unit_money = check (f.doc);
  expect_none (unit_money, "text.purpose");
  /* … until a fiscal source pays for the same class */
  bud_test_set_int (f.doc, BUD_KIND_LINE, unit_line, "source", BUD_SOURCE_GENERAL);
  fiscal_again = check (f.doc);
  expect (fiscal_again, "text.purpose", BUD_SEVERITY_WARNING, BUD_KIND_TEXT, 0, "purpose.213", "213");
  fixture_clear (&f);
}

/* ---- meta data ---- */

static void
test_meta_year (void)
{
  Fixture f;
  g_autoptr(GPtrArray) late = NULL;
  g_autoptr(GPtrArray) odd = NULL;
  g_autoptr(GPtrArray) unset = NULL;
  g_autoptr(GPtrArray) ok = NULL;

  fixture_init (&f);
  bud_test_set_text (f.doc, BUD_KIND_META, 1, "date", "2024-12-30");
  bud_test_set_text (f.doc, BUD_KIND_ASSETS, 1, "as_of", "2023-12-31");
  late = check (f.doc);
  expect (late, "meta.year", BUD_SEVERITY_WARNING, BUD_KIND_META, 1, "date", "2024-12-30");
  expect (late, "meta.year", BUD_SEVERITY_WARNING, BUD_KIND_ASSETS, 1, "as_of", "2023-12-31");

  bud_test_set_int (f.doc, BUD_KIND_META, 1, "year", 1926);
  odd = check (f.doc);
  expect (odd, "meta.year", BUD_SEVERITY_WARNING, BUD_KIND_META, 1, "year", "1926");

  bud_test_set_int (f.doc, BUD_KIND_META, 1, "year", 0);
  unset = check (f.doc);
  expect (unset, "meta.year", BUD_SEVERITY_WARNING, BUD_KIND_META, 1, "year", NULL);

  /* signed late in the year before, assets as of its end */
  bud_test_set_int (f.doc, BUD_KIND_META, 1, "year", 2026);
  bud_test_set_text (f.doc, BUD_KIND_META, 1, "date", "2025-12-28");
  bud_test_set_text (f.doc, BUD_KIND_ASSETS, 1, "as_of", "2025-12-31");
  ok = check (f.doc);
  expect_none (ok, "meta.year");
  fixture_clear (&f);
}

static void
test_meta_department (void)
{
  g_autoptr(BudDocument) doc = bud_document_new ();
  g_autoptr(GPtrArray) findings = check (doc);
  g_autoptr(GPtrArray) named = NULL;

  /* a new, empty document: no money, so only the meta data is missing */
  expect (findings, "meta.department", BUD_SEVERITY_ERROR, BUD_KIND_META, 1, "department", NULL);
  expect_none (findings, "perf.department");
  bud_test_set_text (doc, BUD_KIND_META, 1, "department", "某部门");
  named = check (doc);
  expect_none (named, "meta.department");
}

static void
test_staffing (void)
{
  Fixture f;
  g_autoptr(GPtrArray) half = NULL;
  g_autoptr(GPtrArray) ok = NULL;

  fixture_init (&f);
  bud_test_set_int (f.doc, BUD_KIND_PROFILE, 1, "staff_authorized", 12);
  bud_test_set_int (f.doc, BUD_KIND_PROFILE, 1, "staff_active", 11);
  half = check (f.doc);
  expect (half, "staffing", BUD_SEVERITY_WARNING, BUD_KIND_PROFILE, 1, "staff_authorized_last", "12");

  bud_test_set_int (f.doc, BUD_KIND_PROFILE, 1, "staff_authorized_last", 10);
  bud_test_set_int (f.doc, BUD_KIND_PROFILE, 1, "staff_active_last", 9);
  ok = check (f.doc);
  expect_none (ok, "staffing");
  fixture_clear (&f);
}

/* ---- figures ---- */

static void
test_measure_values (void)
{
  Fixture f;
  gint64 v = -1;

  fixture_init (&f);
  add_line (f.doc, f.unit, "2010350", "30217", BUD_SPEND_PROJECT, f.project, BUD_SOURCE_GENERAL, 300);
  add_line (f.doc, f.unit, "2010350", "31013", BUD_SPEND_BASIC, 0, BUD_SOURCE_GENERAL, 50);
  add_line (f.doc, f.unit, "2010350", "30913", BUD_SPEND_BASIC, 0, BUD_SOURCE_FUND, 7);
  add_line (f.doc, f.unit, "2010350", "30227", BUD_SPEND_PROJECT, f.project, BUD_SOURCE_GENERAL, 11);
  add_line (f.doc, f.unit, "2010350", "30212", BUD_SPEND_BASIC, 0, BUD_SOURCE_UNIT_OTHER, 1000);

  g_assert_true (bud_check_measure_value (f.doc, "expense.total", &v));
  g_assert_cmpint (v, ==, INCOME_GENERAL + 300 + 50 + 7 + 11 + 1000);
  g_assert_true (bud_check_measure_value (f.doc, "general.basic", &v));
  g_assert_cmpint (v, ==, BASIC_SALARY + BASIC_PENSION + BASIC_OFFICE + 50);
  g_assert_true (bud_check_measure_value (f.doc, "general.func.2010350", &v));
  g_assert_cmpint (v, ==, BASIC_SALARY + BASIC_OFFICE + 300 + 50 + 11);
  g_assert_true (bud_check_measure_value (f.doc, "general.func.2130101", &v));
  g_assert_cmpint (v, ==, 0);
  g_assert_true (bud_check_measure_value (f.doc, "sangong.total", &v));
  g_assert_cmpint (v, ==, 300 + 50 + 7);
  g_assert_true (bud_check_measure_value (f.doc, "sangong.vehicle", &v));
  g_assert_cmpint (v, ==, 50 + 7);
  g_assert_true (bud_check_measure_value (f.doc, "sangong.abroad", &v));
  g_assert_cmpint (v, ==, 0);
  g_assert_true (bud_check_measure_value (f.doc, "entrusted.total", &v));
  g_assert_cmpint (v, ==, 11);
  /* 公用经费: fiscal basic lines outside 301/303 */
  g_assert_true (bud_check_measure_value (f.doc, "running.total", &v));
  g_assert_cmpint (v, ==, BASIC_OFFICE + 50 + 7);
  g_assert_true (bud_check_measure_value (f.doc, "income.general", &v));
  g_assert_cmpint (v, ==, INCOME_GENERAL);
  g_assert_true (bud_check_measure_value (f.doc, "income.total", &v));
  g_assert_cmpint (v, ==, INCOME_GENERAL);
  g_assert_false (bud_check_measure_value (f.doc, "income.bogus", &v));
  g_assert_false (bud_check_measure_value (f.doc, "sangong.bogus", &v));
  fixture_clear (&f);
}

/* ---- incremental runs ---- */

/* Some rules keep verdicts per item between runs on one document and look
 * again only at what changed (bud-check-cache.c). Whatever the edits, a run
 * must find exactly what a first run on a copy of the document finds. */

static const char * const edit_texts[] = {
  "", "正常的说明文字", "XX", "内设科室 XX 个", "与 Exxon、XXL 展会对接", "待填写", "根据××号文件",
  "***", "一、**财政拨款**", "2026 年ＸＸ月", "ｘｘ", "待补充", "x", "12.5", "1,000", "abc", "90", "%",
};

static const BudKind edit_kinds[] = {
  BUD_KIND_META, BUD_KIND_PROFILE, BUD_KIND_UNIT, BUD_KIND_PROJECT, BUD_KIND_ALLOCATION,
  BUD_KIND_CARRYOVER, BUD_KIND_LINE, BUD_KIND_COMPARATIVE, BUD_KIND_TARGET, BUD_KIND_INDICATOR,
  BUD_KIND_TEXT, BUD_KIND_COMMENT,
};

static gpointer
random_item (BudDocument *doc, BudKind kind)
{
  GPtrArray *items = bud_document_items (doc, kind);

  return items->len ? g_ptr_array_index (items, g_test_rand_int_range (0, items->len)) : NULL;
}

static const char *
random_text (GString *long_text)
{
  guint i = g_test_rand_int_range (0, G_N_ELEMENTS (edit_texts) + 1);

  if (i < G_N_ELEMENTS (edit_texts))
    return edit_texts[i];
  /* a long text with the placeholder far from the start */
  g_string_truncate (long_text, 0);
  for (guint n = g_test_rand_int_range (1, 200); n > 0; n--)
    g_string_append (long_text, "本项目资金用于");
  g_string_append (long_text, g_test_rand_bit () ? "（待填写）" : "。");
  return long_text->str;
}

/* One random edit through the document API; refused edits are fine too. */
static void
random_edit (BudDocument *doc, GString *long_text)
{
  g_autoptr(GError) error = NULL;
  BudKind kind = edit_kinds[g_test_rand_int_range (0, G_N_ELEMENTS (edit_kinds))];
  const BudEntityClass *klass = bud_entity_class (kind);
  gint64 *e = random_item (doc, kind);
  const BudField *f = &klass->fields[g_test_rand_int_range (0, klass->n_fields)];
  BudIndicator *ind = random_item (doc, BUD_KIND_INDICATOR);
  BudLine *line = random_item (doc, BUD_KIND_LINE);

  switch (g_test_rand_int_range (0, 12))
    {
    case 0: case 1: case 2:
      if (e != NULL && f->type == BUD_FIELD_TEXT)
        bud_document_set_text (doc, kind, *e, f->name, random_text (long_text), &error);
      break;
    case 3:
      if (ind == NULL)
        break;
      if (g_test_rand_bit ())
        bud_document_set_int (doc, BUD_KIND_INDICATOR, ind->id, "op",
                              g_test_rand_int_range (BUD_OP_GE, BUD_OP_QUAL + 1), &error);
      else
        bud_document_set_text (doc, BUD_KIND_INDICATOR, ind->id, g_test_rand_bit () ? "value" : "unit",
                               random_text (long_text), &error);
      break;
    case 4:
      if (line != NULL)
        bud_document_set_int (doc, BUD_KIND_LINE, line->id, "amount",
                              g_test_rand_int_range (0, 1000000) * 100, &error);
      break;
    case 5:
      if (ind != NULL)
        {
          BudIndicator *copy = bud_entity_copy (BUD_KIND_INDICATOR, ind);

          copy->id = 0;
          bud_test_set_field_text (copy, BUD_KIND_INDICATOR, "name", random_text (long_text));
          bud_document_insert (doc, BUD_KIND_INDICATOR, copy,
                               g_test_rand_int_range (-1, bud_document_count (doc, BUD_KIND_INDICATOR)),
                               &error);
        }
      break;
    case 6:
      if (e != NULL && !klass->singleton)
        bud_document_remove (doc, kind, *e, &error);
      break;
    case 7:
      if (e != NULL && !klass->singleton)
        bud_document_move (doc, kind, *e,
                           g_test_rand_int_range (0, bud_document_count (doc, kind)), &error);
      break;
    case 8:
      if (bud_document_can_undo (doc))
        bud_document_undo (doc, &error);
      break;
    case 9:
      if (bud_document_can_redo (doc))
        bud_document_redo (doc, &error);
      break;
    case 10:
      /* edits that are rolled back: the document reloads */
      g_assert_true (bud_document_begin (doc, &error));
      if (ind != NULL)
        bud_document_set_text (doc, BUD_KIND_INDICATOR, ind->id, "basis", "XX", NULL);
      if (line != NULL)
        bud_document_set_text (doc, BUD_KIND_LINE, line->id, "note", "待填写", NULL);
      bud_document_rollback (doc);
      break;
    default:
      bud_document_put_text (doc, g_test_rand_bit () ? "other_matters" : "glossary",
                             random_text (long_text), &error);
      break;
    }
}

static void
assert_same_findings (GPtrArray *got, GPtrArray *want, guint step)
{
  for (guint i = 0; i < MAX (got->len, want->len); i++)
    {
      BudFinding *a = i < got->len ? g_ptr_array_index (got, i) : NULL;
      BudFinding *b = i < want->len ? g_ptr_array_index (want, i) : NULL;

      if (a && b && strcmp (a->rule, b->rule) == 0 && a->severity == b->severity &&
          a->kind == b->kind && a->id == b->id && g_strcmp0 (a->field, b->field) == 0 &&
          a->position == b->position && strcmp (a->message, b->message) == 0)
        continue;
      dump (got);
      g_error ("after edit %u, finding %u: incremental “%s: %s”, full run “%s: %s”", step, i,
               a ? a->rule : "(none)", a ? a->message : "", b ? b->rule : "(none)",
               b ? b->message : "");
    }
}

/* A new document with the same items, ids and order, that no run has seen. */
static BudDocument *
copy_document (BudDocument *doc)
{
  BudDocument *copy = bud_document_new ();

  for (BudKind kind = 0; kind < BUD_N_KINDS; kind++)
    {
      const BudEntityClass *klass = bud_entity_class (kind);
      GPtrArray *items = bud_document_items (doc, kind);

      for (guint i = 0; i < items->len; i++)
        {
          gconstpointer e = g_ptr_array_index (items, i);

          if (klass->singleton)
            for (guint f = 0; f < klass->n_fields; f++)
              {
                const BudField *field = &klass->fields[f];

                if (field->type == BUD_FIELD_TEXT)
                  bud_field_set_text (bud_document_singleton (copy, kind), field,
                                      bud_field_get_text (e, field));
                else
                  bud_field_set_int (bud_document_singleton (copy, kind), field,
                                     bud_field_get_int (e, field));
              }
          else
            bud_test_insert (copy, kind, bud_entity_copy (kind, e));
        }
    }
  return copy;
}

static void
test_incremental (void)
{
  g_autoptr(BudTemplate) tpl = bud_template_load ("xinjiang-2026", NULL);
  g_autoptr(BudDocument) doc = bud_synth_generate (BUD_SYNTH_M, 3);
  g_autoptr(GString) long_text = g_string_new (NULL);
  BudCheckContext ctx;
  guint with_placeholder = 0, with_value = 0;

  g_assert_nonnull (tpl);
  bud_check_context_init (&ctx, tpl);
  g_ptr_array_unref (bud_check_run (doc, &ctx));   /* the cache starts from here */

  for (guint step = 0; step < 300; step++)
    {
      g_autoptr(GPtrArray) got = NULL;
      g_autoptr(GPtrArray) want = NULL;
      g_autoptr(BudDocument) copy = NULL;
      static const char * const measures[] = { "expense.total", "general.basic", "sangong.total",
                                               "running.total", "general.func.2010301" };
      const char *measure = measures[step % G_N_ELEMENTS (measures)];
      gint64 value = 0, fresh = 0;

      random_edit (doc, long_text);
      /* the pages ask for measures between check runs, from the same kept sums */
      if (step % 2 == 0)
        g_assert_true (bud_check_measure_value (doc, measure, &value));
      got = bud_check_run (doc, &ctx);

      copy = copy_document (doc);
      want = bud_check_run (copy, &ctx);
      assert_same_findings (got, want, step);
      if (step % 2 == 0)
        {
          g_autoptr(BudDocument) other = copy_document (doc);

          g_assert_true (bud_check_measure_value (other, measure, &fresh));
          g_assert_cmpint (value, ==, fresh);
        }
      with_placeholder += count_rule (got, "text.placeholder") > 0;
      with_value += count_rule (got, "perf.value") > 0;
    }
  /* the edits did reach the rules that keep verdicts */
  g_assert_cmpuint (with_placeholder, >, 0);
  g_assert_cmpuint (with_value, >, 0);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  /* a catalog of exactly the codes the fixture uses, plus the usual pairs' */
  test_catalog = bud_catalog_new ();
  g_assert_true (bud_catalog_import_data (test_catalog, BUD_SCHEME_FUNCTIONAL,
                                          "2010350\t事业运行\n2010399\t其他政府办公厅（室）及相关机构事务支出\n"
                                          "2080505\t机关事业单位基本养老保险缴费支出\n2101101\t行政单位医疗\n"
                                          "2101102\t事业单位医疗\n2101103\t公务员医疗补助\n"
                                          "2210201\t住房公积金\n2130101\t行政运行\n",
                                          -1, &error));
  g_assert_no_error (error);
  g_assert_true (bud_catalog_import_data (test_catalog, BUD_SCHEME_ECONOMIC,
                                          "30101\t基本工资\n30108\t机关事业单位基本养老保险缴费\n"
                                          "30110\t职工基本医疗保险缴费\n30113\t住房公积金\n30201\t办公费\n"
                                          "30212\t因公出国（境）费用\n30217\t公务接待费\n30227\t委托业务费\n"
                                          "30231\t公务用车运行维护费\n30913\t公务用车购置\n31013\t公务用车购置\n",
                                          -1, &error));
  g_assert_no_error (error);

  g_test_add_func ("/check/clean", test_clean);
  g_test_add_func ("/check/rule-list", test_rule_list);
  g_test_add_func ("/check/sorted", test_sorted);
  g_test_add_func ("/check/measure-values", test_measure_values);
  g_test_add_func ("/check/balance/source", test_balance_source);
  g_test_add_func ("/check/balance/source-ok", test_balance_source_ok);
  g_test_add_func ("/check/lines/code-level", test_lines_code_level);
  g_test_add_func ("/check/lines/code-unknown", test_lines_code_unknown);
  g_test_add_func ("/check/lines/code-pair", test_lines_code_pair);
  g_test_add_func ("/check/lines/project-link", test_lines_project_link);
  g_test_add_func ("/check/lines/zero", test_lines_zero);
  g_test_add_func ("/check/carryover/balance", test_carryover_balance);
  g_test_add_func ("/check/carryover/source", test_carryover_source);
  g_test_add_func ("/check/projects/target", test_projects_target);
  g_test_add_func ("/check/projects/target-money", test_projects_target_money);
  g_test_add_func ("/check/projects/no-lines", test_projects_no_lines);
  g_test_add_func ("/check/perf/department", test_perf_department);
  g_test_add_func ("/check/perf/weights", test_perf_weights);
  g_test_add_func ("/check/perf/value", test_perf_value);
  g_test_add_func ("/check/perf/levels", test_perf_levels);
  g_test_add_func ("/check/perf/empty", test_perf_empty);
  g_test_add_func ("/check/procurement", test_procurement);
  g_test_add_func ("/check/sangong/growth", test_sangong_growth);
  g_test_add_func ("/check/comparison/reason", test_comparison_reason);
  g_test_add_func ("/check/comparison/unknown-measure", test_comparison_unknown_measure);
  g_test_add_func ("/check/comparison/missing", test_comparison_missing);
  g_test_add_func ("/check/text/placeholder", test_text_placeholder);
  g_test_add_func ("/check/text/purpose", test_text_purpose);
  g_test_add_func ("/check/meta/year", test_meta_year);
  g_test_add_func ("/check/meta/department", test_meta_department);
  g_test_add_func ("/check/staffing", test_staffing);
  g_test_add_func ("/check/incremental", test_incremental);

  ret = g_test_run ();
  bud_catalog_unref (test_catalog);
  return ret;
}
