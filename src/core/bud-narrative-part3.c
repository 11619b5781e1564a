/* bud-narrative-part3.c — 第三部分 一 … 十二: the budget explained, from the tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every amount is read from the derived table the section explains (表1 for
 * income, 表3 for expenditure, 表5 for 一般公共预算 …), so text and tables
 * cannot disagree; every change on last year is computed from the check
 * engine's figure of the same measure, so the narrative and the checks agree
 * on what "this year" is. Wording follows the Xinjiang 2026 package.
 */
#include "config.h"

#include <inttypes.h>

#include <string.h>

#include "bud-narrative-private.h"
#include "bud-pivot.h"

/* Names of the income sources in 二 (收入预算情况说明), by BudSource. */
static const char * const source_names[BUD_N_SOURCES] = {
  [BUD_SOURCE_GENERAL] = "一般公共预算",
  [BUD_SOURCE_GENERAL_TRANSFER] = "上级一般公共预算安排的转移支付资金",
  [BUD_SOURCE_FUND] = "政府性基金预算",
  [BUD_SOURCE_FUND_TRANSFER] = "上级政府性基金安排的转移支付资金",
  [BUD_SOURCE_STATE_CAPITAL] = "国有资本经营预算",
  [BUD_SOURCE_STATE_CAPITAL_TRANSFER] = "上级国有资本经营预算安排的转移支付资金",
  [BUD_SOURCE_SPECIAL_ACCOUNT] = "财政专户管理资金",
  [BUD_SOURCE_UNIT_BUSINESS] = "事业收入",
  [BUD_SOURCE_UNIT_SUPERIOR] = "上级补助收入",
  [BUD_SOURCE_UNIT_AFFILIATED] = "附属单位上缴收入",
  [BUD_SOURCE_UNIT_OPERATING] = "事业单位经营收入",
  [BUD_SOURCE_UNIT_OTHER] = "其他收入",
  [BUD_SOURCE_CARRY_GENERAL] = "一般公共预算财政拨款结转",
  [BUD_SOURCE_CARRY_FUND] = "政府性基金预算财政拨款结转",
  [BUD_SOURCE_CARRY_STATE_CAPITAL] = "国有资本经营预算财政拨款结转",
  [BUD_SOURCE_CARRY_SPECIAL_ACCOUNT] = "财政专户管理资金结转结余",
  [BUD_SOURCE_CARRY_UNIT] = "单位资金结转结余",
};

/* The three budgets of 财政拨款, as 表4 and 表10 name their rows/columns. */
static const struct {
  const char *id;          /* 表4 income row and expenditure column */
  const char *name;        /* 收入预算包括：… */
  const char *absent;      /* 无…: the seed's own spelling */
  const char *spending;    /* …支出包括： */
} budgets[] = {
  { "general_budget", "一般公共预算拨款", "一般公共预算拨款", "一般公共预算支出" },
  { "fund_budget", "政府性基金预算拨款", "政府性基金预算拨款", "政府性基金预算支出" },
  { "state_capital_budget", "国有资本经营预算拨款", "国有资本经营预算", "国有资本经营预算支出" },
};

static const char *
source_spelling (BudSource source)
{
  return bud_entity_class_field (bud_entity_class (BUD_KIND_INCOME), "source")->enum_values[source];
}

static char *
section_title (BudNarrativeBuilder *nb,
               guint                number,
               const char          *what)
{
  g_autofree char *n = bud_narrative_chinese_number (number);

  return g_strdup_printf ("%s、关于%s%s", n, bud_narrative_dept_year (nb), what);
}

static void
begin (BudNarrativeBuilder *nb,
       guint                number,
       const char          *what)
{
  g_autofree char *id = g_strdup_printf ("3.%u", number);
  g_autofree char *title = section_title (nb, number, what);

  bud_narrative_begin (nb, BUD_NARRATIVE_PART3, id, 1, title);
}

/* "，<change>" or "" */
static const char *
with_change (BudNarrativeBuilder *nb,
             const char          *measure,
             gint64               now)
{
  const char *c = bud_narrative_change (nb, measure, now);

  return c ? bud_narrative_take (nb, g_strconcat ("，", c, NULL)) : "";
}

/* "<name><amount>万元，占<share>%，<change>。" or "<name>未安排，<change>。" */
static void
amount_para (BudNarrativeBuilder *nb,
             const char          *name,
             gint64               amount,
             gint64               whole,
             const char          *measure)
{
  gint64 now = bud_narrative_measure (nb, measure);

  if (amount == 0)
    bud_narrative_para (nb, "%s未安排%s。", name, with_change (nb, measure, now));
  else if (whole != 0)
    bud_narrative_para (nb, "%s%s万元，占%s%%%s。", name, bud_narrative_wan (nb, amount),
                        bud_narrative_percent (nb, amount, whole), with_change (nb, measure, now));
  else
    bud_narrative_para (nb, "%s%s万元%s。", name, bud_narrative_wan (nb, amount),
                        with_change (nb, measure, now));
}

static gboolean
has_comparative (BudNarrativeBuilder *nb,
                 const char          *measure)
{
  return g_hash_table_contains (nb->comparatives, measure);
}

/* A 类 name without the code 表1/表4 print in front of it. */
static const char *
class_name (const char *label,
            const char *code)
{
  gsize n = strlen (code);

  if (n && strncmp (label, code, n) == 0 && label[n] == ' ')
    return label + n + 1;
  return label;
}

static void
empty_para (BudNarrativeBuilder *nb,
            BudTable            *t)
{
  if (t->empty_statement)
    bud_narrative_para (nb, "%s", t->empty_statement);
}

/* ---- 一 总体说明 ---- */

static void
build_summary (BudNarrativeBuilder *nb)
{
  BudTable *t1 = bud_narrative_table (nb, "summary");
  BudTable *t3 = bud_narrative_table (nb, "expense");
  g_autoptr(GString) income = g_string_new (NULL);
  g_autoptr(GString) spending = g_string_new (NULL);

  begin (nb, 1, "收支预算情况总体说明");
  bud_narrative_para (nb, "按照全口径预算的原则，%s所有收入和支出均纳入部门预算管理。收支总预算%s万元。",
                      bud_narrative_dept_year (nb), bud_narrative_wan (nb, bud_narrative_total (t1, "income")));
  for (guint s = 0; s < BUD_N_SOURCES; s++)
    if (bud_narrative_cell (t1, source_spelling (s), "income") != 0)
      g_string_append_printf (income, "%s%s", income->len ? "、" : "", source_names[s]);
  for (guint i = 0; t3 && i < t3->rows->len; i++)
    {
      BudTableRow *row = g_ptr_array_index (t3->rows, i);
      if (row->kind == BUD_ROW_CLASS && bud_narrative_row_amount (t3, row, "total") != 0)
        g_string_append_printf (spending, "%s%s", spending->len ? "、" : "",
                                bud_narrative_row_label (t3, row, 0));
    }
  if (income->len)
    bud_narrative_para (nb, "收入预算包括：%s。", income->str);
  if (spending->len)
    bud_narrative_para (nb, "支出预算包括：%s。", spending->str);
  bud_narrative_end (nb);
}

/* ---- 二 收入 ---- */

static void
build_income (BudNarrativeBuilder *nb)
{
  BudTable *t1 = bud_narrative_table (nb, "summary");
  gint64 total = bud_narrative_total (t1, "income");

  begin (nb, 2, "收入预算情况说明");
  bud_narrative_para (nb, "%s部门收入预算%s万元，其中：", nb->dept, bud_narrative_wan (nb, total));
  for (guint s = 0; s < BUD_N_SOURCES; s++)
    {
      g_autofree char *measure = g_strconcat ("income.", source_spelling (s), NULL);
      gint64 amount = bud_narrative_cell (t1, source_spelling (s), "income");

      /* the budget grants are always accounted for; other sources when they have money */
      if (amount != 0 || s <= BUD_SOURCE_STATE_CAPITAL_TRANSFER || has_comparative (nb, measure))
        amount_para (nb, source_names[s], amount, total, measure);
    }
  bud_narrative_end (nb);
}

/* ---- 三 支出 ---- */

static void
build_expense (BudNarrativeBuilder *nb)
{
  BudTable *t3 = bud_narrative_table (nb, "expense");
  gint64 total = bud_narrative_total (t3, "total");

  begin (nb, 3, "支出预算情况说明");
  bud_narrative_para (nb, "%s支出预算%s万元，其中：", bud_narrative_dept_year (nb),
                      bud_narrative_wan (nb, total));
  amount_para (nb, "基本支出", bud_narrative_total (t3, "basic"), total, "expense.basic");
  amount_para (nb, "项目支出", bud_narrative_total (t3, "project"), total, "expense.project");
  bud_narrative_end (nb);
}

/* ---- 四 财政拨款 ---- */

/* The 功能分类 类 a row of 表4 stands for in its expenditure block, or NULL
 * (款 and 项 rows, totals). Side-by-side blocks share rows: the row's own
 * kind is the income side's, so the code decides. */
static const char *
fiscal_class_code (BudTable    *t4,
                   BudTableRow *row)
{
  const char *code = t4->n_blocks > 1 ? row->keys[1] : NULL;

  return code != NULL && strlen (code) == 3 && g_ascii_isdigit (code[0]) ? code : NULL;
}

static void
fiscal_class_clear (BudNarrativeClass *c)
{
  g_free (c->name);
}

GArray *
bud_narrative_fiscal_classes (BudDocument  *doc,
                              BudTemplate  *tpl,
                              GError      **error)
{
  g_autoptr(BudTemplate) own = NULL;
  g_autoptr(BudTable) t4 = NULL;
  GArray *classes;

  g_return_val_if_fail (BUD_IS_DOCUMENT (doc), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (tpl == NULL && (tpl = own = bud_template_load (bud_document_meta (doc)->template_id, error)) == NULL)
    return NULL;
  for (guint i = 0; t4 == NULL && i < bud_template_get_n_tables (tpl); i++)
    if (g_strcmp0 (bud_template_get_table (tpl, i)->id, "fiscal") == 0 &&
        (t4 = bud_pivot_build (tpl, i, doc, NULL, error)) == NULL)
      return NULL;

  classes = g_array_new (FALSE, TRUE, sizeof (BudNarrativeClass));
  g_array_set_clear_func (classes, (GDestroyNotify) fiscal_class_clear);
  for (guint i = 0; t4 != NULL && i < t4->rows->len; i++)
    {
      BudTableRow *row = g_ptr_array_index (t4->rows, i);
      const char *code = fiscal_class_code (t4, row);
      BudNarrativeClass c = { { 0 }, NULL, 0 };

      if (code == NULL)
        continue;
      for (guint b = 0; b < G_N_ELEMENTS (budgets); b++)
        c.amount += bud_narrative_row_amount (t4, row, budgets[b].id);
      if (c.amount == 0)
        continue;
      memcpy (c.code, code, 3);
      c.name = g_strdup (class_name (bud_narrative_row_label (t4, row, 1), code));
      g_array_append_val (classes, c);
    }
  return classes;
}

static void
build_fiscal (BudNarrativeBuilder *nb)
{
  BudTable *t4 = bud_narrative_table (nb, "fiscal");
  g_autoptr(GString) present = g_string_new (NULL);
  g_autoptr(GString) absent = g_string_new (NULL);
  guint n_present = 0;

  begin (nb, 4, "财政拨款收支预算情况的总体说明");
  if (t4 == NULL || t4->empty)
    {
      if (t4)
        empty_para (nb, t4);
      bud_narrative_end (nb);
      return;
    }
  bud_narrative_para (nb, "%" PRId64 "年财政拨款收支总预算%s万元。", nb->year,
                      bud_narrative_wan (nb, bud_narrative_total (t4, "income")));
  for (guint b = 0; b < G_N_ELEMENTS (budgets); b++)
    {
      gint64 amount = bud_narrative_cell (t4, budgets[b].id, "income");

      if (amount != 0)
        {
          g_string_append_printf (present, "%s%s%s万元", n_present ? "，" : "", budgets[b].name,
                                  bud_narrative_wan (nb, amount));
          n_present++;
        }
      else
        g_string_append_printf (absent, "%s%s", absent->len ? "和" : "", budgets[b].absent);
    }
  if (n_present == 1)
    for (guint b = 0; b < G_N_ELEMENTS (budgets); b++)
      if (bud_narrative_cell (t4, budgets[b].id, "income") != 0)
        bud_narrative_para (nb, "收入全部为%s，无%s。", budgets[b].name, absent->str);
  if (n_present)
    bud_narrative_para (nb, "收入预算包括：%s。", present->str);

  for (guint b = 0; b < G_N_ELEMENTS (budgets); b++)
    {
      g_autoptr(GString) s = g_string_new (NULL);

      for (guint i = 0; i < t4->rows->len; i++)
        {
          BudTableRow *row = g_ptr_array_index (t4->rows, i);
          const char *code = fiscal_class_code (t4, row);
          gint64 amount = bud_narrative_row_amount (t4, row, budgets[b].id);
          g_autofree char *key = NULL;
          const char *purpose;

          if (amount == 0 || code == NULL)
            continue;
          key = g_strconcat ("purpose.", code, NULL);
          purpose = bud_narrative_text (nb, key);
          g_string_append_printf (s, "%s%s%s万元", s->len ? "；" : "",
                                  class_name (bud_narrative_row_label (t4, row, 1), code),
                                  bud_narrative_wan (nb, amount));
          if (purpose)
            g_string_append_printf (s, "，主要用于%s", purpose);
        }
      if (s->len)
        bud_narrative_para (nb, "%s包括：%s。", budgets[b].spending, s->str);
    }
  bud_narrative_end (nb);
}

/* ---- 五 一般公共预算当年拨款 ---- */

static void
build_general (BudNarrativeBuilder *nb)
{
  BudTable *t5 = bud_narrative_table (nb, "general");
  gint64 total = bud_narrative_total (t5, "total");
  const char *class = "", *section = "";
  guint n;

  begin (nb, 5, "一般公共预算当年拨款情况说明");
  if (t5 == NULL || t5->empty)
    {
      if (t5)
        empty_para (nb, t5);
      /* a grant that existed last year still has its change to explain */
      if (has_comparative (nb, "general.total"))
        bud_narrative_para (nb, "一般公共预算拨款%s。",
                            bud_narrative_change (nb, "general.total", bud_narrative_measure (nb, "general.total")));
      bud_narrative_end (nb);
      return;
    }

  bud_narrative_para (nb, "（一）一般公共预算当年拨款规模变化情况");
  bud_narrative_para (nb, "%s一般公共预算拨款合计%s万元%s，其中：", bud_narrative_dept_year (nb),
                      bud_narrative_wan (nb, total),
                      with_change (nb, "general.total", bud_narrative_measure (nb, "general.total")));
  amount_para (nb, "基本支出", bud_narrative_total (t5, "basic"), 0, "general.basic");
  amount_para (nb, "项目支出", bud_narrative_total (t5, "project"), 0, "general.project");

  bud_narrative_para (nb, "（二）一般公共预算当年拨款结构情况，其中：");
  n = 0;
  for (guint i = 0; i < t5->rows->len; i++)
    {
      BudTableRow *row = g_ptr_array_index (t5->rows, i);
      gint64 amount = bud_narrative_row_amount (t5, row, "total");

      if (row->kind == BUD_ROW_CLASS && amount != 0)
        bud_narrative_para (nb, "%u. %s（类）%s万元，占%s%%。", ++n, bud_narrative_row_label (t5, row, 0),
                            bud_narrative_wan (nb, amount), bud_narrative_percent (nb, amount, total));
    }

  bud_narrative_para (nb, "（三）一般公共预算当年拨款具体使用情况");
  n = 0;
  for (guint i = 0; i < t5->rows->len; i++)
    {
      BudTableRow *row = g_ptr_array_index (t5->rows, i);
      gint64 amount = bud_narrative_row_amount (t5, row, "total");
      g_autofree char *measure = NULL;

      if (row->kind == BUD_ROW_CLASS)
        class = bud_narrative_row_label (t5, row, 0);
      else if (row->kind == BUD_ROW_SECTION)
        section = bud_narrative_row_label (t5, row, 0);
      if (row->kind != BUD_ROW_ITEM)
        continue;
      measure = g_strconcat ("general.func.", row->keys[0], NULL);
      bud_narrative_para (nb, "%u. %s（类）%s（款）%s（项）：%" PRId64 "年预算数为%s万元%s。",
                          ++n, class, section, bud_narrative_row_label (t5, row, 0), nb->year,
                          bud_narrative_wan (nb, amount),
                          with_change (nb, measure, bud_narrative_measure (nb, measure)));
    }
  bud_narrative_end (nb);
}

/* ---- 六 一般公共预算基本支出 ---- */

static void
split_para (BudNarrativeBuilder *nb,
            BudTable            *t6,
            const char          *name,
            const char          *column)
{
  g_autoptr(GString) names = g_string_new (NULL);
  gint64 amount = bud_narrative_total (t6, column);

  if (amount == 0)
    {
      bud_narrative_para (nb, "%s未安排。", name);
      return;
    }
  for (guint i = 0; i < t6->rows->len; i++)
    {
      BudTableRow *row = g_ptr_array_index (t6->rows, i);
      if (row->kind == BUD_ROW_SECTION && bud_narrative_row_amount (t6, row, column) != 0)
        g_string_append_printf (names, "%s%s", names->len ? "、" : "", bud_narrative_row_label (t6, row, 0));
    }
  bud_narrative_para (nb, "%s%s万元，主要包括：%s。", name, bud_narrative_wan (nb, amount), names->str);
}

static void
build_general_basic (BudNarrativeBuilder *nb)
{
  BudTable *t6 = bud_narrative_table (nb, "general_basic");

  begin (nb, 6, "一般公共预算基本支出情况说明");
  if (t6 == NULL || t6->empty)
    {
      if (t6)
        empty_para (nb, t6);
      bud_narrative_end (nb);
      return;
    }
  bud_narrative_para (nb, "%s一般公共预算基本支出%s万元，其中：", bud_narrative_dept_year (nb),
                      bud_narrative_wan (nb, bud_narrative_total (t6, "total")));
  split_para (nb, t6, "人员经费", "personnel");
  split_para (nb, t6, "公用经费", "public");
  bud_narrative_end (nb);
}

/* ---- 七 一般公共预算项目支出 ---- */

static void
project_paras (BudNarrativeBuilder *nb,
               guint                n,
               BudProject          *p,
               gint64               amount,
               GPtrArray           *allocations)
{
  g_autofree char *num = bud_narrative_chinese_number (n);
  BudUnit *unit = bud_document_lookup (nb->doc, BUD_KIND_UNIT, p->unit);

  bud_narrative_para (nb, "（%s）项目名称：%s", num, p->name);
  if (p->policy_basis[0])
    bud_narrative_para (nb, "设立的政策依据：%s", p->policy_basis);
  bud_narrative_para (nb, "预算安排规模：%s万元", bud_narrative_wan (nb, amount));
  bud_narrative_para (nb, "项目承担单位：%s", unit ? unit->name : nb->dept);
  if (allocations && allocations->len)
    {
      g_autoptr(GString) s = g_string_new ("资金分配情况：本项资金计划用于");

      for (guint i = 0; i < allocations->len; i++)
        {
          BudAllocation *a = g_ptr_array_index (allocations, i);
          g_string_append_printf (s, "%s%s约%s万元", i ? "，" : "", a->purpose,
                                  bud_narrative_wan_about (nb, a->amount));
        }
      bud_narrative_para (nb, "%s。", s->str);
    }
  if (p->execution[0])
    bud_narrative_para (nb, "资金执行时间：%s", p->execution);
}

static void
build_general_project (BudNarrativeBuilder *nb)
{
  BudTable *t7 = bud_narrative_table (nb, "general_project");
  GPtrArray *projects = bud_document_items (nb->doc, BUD_KIND_PROJECT);
  GPtrArray *allocations = bud_document_items (nb->doc, BUD_KIND_ALLOCATION);
  g_autoptr(GHashTable) amounts = NULL;
  g_autoptr(GHashTable) by_project = NULL;
  guint n = 0;

  begin (nb, 7, "一般公共预算项目支出情况说明");
  if (t7 == NULL || t7->empty)
    {
      if (t7)
        empty_para (nb, t7);
      bud_narrative_end (nb);
      return;
    }

  /* a project may sit on several 功能 项: its scale is the sum of its rows in 表7 */
  amounts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < t7->rows->len; i++)
    {
      BudTableRow *row = g_ptr_array_index (t7->rows, i);
      const char *hash = row->kind == BUD_ROW_PROJECT ? strchr (row->keys[0], '#') : NULL;
      gint64 id, *sum;

      if (hash == NULL)
        continue;
      id = g_ascii_strtoll (hash + 1, NULL, 10);
      sum = g_hash_table_lookup (amounts, &id);
      if (sum == NULL)
        {
          sum = g_new0 (gint64, 1);
          g_hash_table_insert (amounts, g_memdup2 (&id, sizeof id), sum);
        }
      *sum += bud_narrative_row_amount (t7, row, "total");
    }
  by_project = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < allocations->len; i++)
    {
      BudAllocation *a = g_ptr_array_index (allocations, i);
      GPtrArray *list = g_hash_table_lookup (by_project, &a->project);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          /* the key points at the allocation's own project field */
          g_hash_table_insert (by_project, &a->project, list);
        }
      g_ptr_array_add (list, a);
    }

  for (guint i = 0; i < projects->len; i++)
    {
      BudProject *p = g_ptr_array_index (projects, i);
      gint64 *amount = g_hash_table_lookup (amounts, &p->id);

      if (amount != NULL && *amount != 0)
        project_paras (nb, ++n, p, *amount, g_hash_table_lookup (by_project, &p->id));
    }
  bud_narrative_end (nb);
}

/* ---- 八、九 政府性基金, 国有资本经营 ---- */

static void
build_budget (BudNarrativeBuilder *nb,
              guint                number,
              const char          *table_id,
              const char          *what,
              const char          *name)
{
  BudTable *t = bud_narrative_table (nb, table_id);
  g_autoptr(GString) classes = g_string_new (NULL);

  begin (nb, number, what);
  if (t == NULL || t->empty)
    {
      if (t)
        empty_para (nb, t);
      bud_narrative_end (nb);
      return;
    }
  bud_narrative_para (nb, "%s%s拨款安排的支出%s万元，其中：人员经费%s万元，公用经费%s万元，项目支出%s万元。",
                      bud_narrative_dept_year (nb), name,
                      bud_narrative_wan (nb, bud_narrative_total (t, "total")),
                      bud_narrative_wan (nb, bud_narrative_total (t, "personnel")),
                      bud_narrative_wan (nb, bud_narrative_total (t, "public")),
                      bud_narrative_wan (nb, bud_narrative_total (t, "project")));
  for (guint i = 0; i < t->rows->len; i++)
    {
      BudTableRow *row = g_ptr_array_index (t->rows, i);
      gint64 amount = bud_narrative_row_amount (t, row, "total");

      if (row->kind == BUD_ROW_CLASS && amount != 0)
        g_string_append_printf (classes, "%s%s（类）%s万元", classes->len ? "；" : "",
                                bud_narrative_row_label (t, row, 0), bud_narrative_wan (nb, amount));
    }
  if (classes->len)
    bud_narrative_para (nb, "按支出功能分类：%s。", classes->str);
  bud_narrative_end (nb);
}

/* ---- 十 三公 ---- */

static const struct {
  const char *row;       /* 表10 row id */
  const char *measure;
  const char *label;
} sangong_items[] = {
  /* the order of the Xinjiang text, not of 表10 */
  { "abroad", "sangong.abroad", "因公出国（境）费用" },
  { "vehicle_purchase", "sangong.vehicle_purchase", "公务用车购置" },
  { "vehicle_operation", "sangong.vehicle_operation", "公务用车运行维护费" },
  { "reception", "sangong.reception", "公务接待费" },
};

static void
build_sangong (BudNarrativeBuilder *nb)
{
  BudTable *t10 = bud_narrative_table (nb, "sangong");
  g_autoptr(GString) items = g_string_new (NULL);
  g_autoptr(GString) changes = g_string_new (NULL);
  const char *total_change;

  begin (nb, 10, "财政拨款“三公”经费预算情况说明");
  if (t10 == NULL)
    {
      bud_narrative_end (nb);
      return;
    }
  if (t10->empty)
    empty_para (nb, t10);
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (sangong_items); i++)
        g_string_append_printf (items, "%s%s%s万元", i ? "，" : "", sangong_items[i].label,
                                bud_narrative_wan (nb, bud_narrative_cell (t10, sangong_items[i].row, "total")));
      bud_narrative_para (nb, "%s财政拨款“三公”经费数为%s万元，其中：%s。", bud_narrative_dept_year (nb),
                          bud_narrative_wan (nb, bud_narrative_total (t10, "total")), items->str);
    }

  total_change = bud_narrative_change (nb, "sangong.total", bud_narrative_measure (nb, "sangong.total"));
  for (guint i = 0; i < G_N_ELEMENTS (sangong_items); i++)
    {
      const char *c = bud_narrative_change (nb, sangong_items[i].measure,
                                            bud_narrative_measure (nb, sangong_items[i].measure));
      if (c)
        g_string_append_printf (changes, "%s%s%s", changes->len ? "；" : "", sangong_items[i].label, c);
    }
  if (total_change && changes->len)
    bud_narrative_para (nb, "%" PRId64 "年财政拨款“三公”经费预算%s，其中：%s。", nb->year,
                        total_change, changes->str);
  else if (total_change)
    bud_narrative_para (nb, "%" PRId64 "年财政拨款“三公”经费预算%s。", nb->year, total_change);
  else if (changes->len)
    bud_narrative_para (nb, "%" PRId64 "年财政拨款“三公”经费预算中，%s。", nb->year, changes->str);
  bud_narrative_end (nb);
}

/* ---- 十一 委托业务费 ---- */

static void
build_entrusted (BudNarrativeBuilder *nb)
{
  BudTable *t11 = bud_narrative_table (nb, "entrusted");
  g_autoptr(GString) rows = g_string_new (NULL);
  const char *change;

  begin (nb, 11, "财政拨款委托业务费支出情况说明");
  if (t11 == NULL)
    {
      bud_narrative_end (nb);
      return;
    }
  change = with_change (nb, "entrusted.total", bud_narrative_measure (nb, "entrusted.total"));
  if (t11->empty)
    {
      empty_para (nb, t11);
      if (change[0])
        bud_narrative_para (nb, "财政拨款委托业务费预算%s。", change + strlen ("，"));
      bud_narrative_end (nb);
      return;
    }
  for (guint i = 0; i < t11->rows->len; i++)
    {
      BudTableRow *row = g_ptr_array_index (t11->rows, i);
      gint64 amount = bud_narrative_row_amount (t11, row, "total");

      if (row->kind != BUD_ROW_TOTAL && amount != 0)
        g_string_append_printf (rows, "%s%s%s万元", rows->len ? "，" : "",
                                bud_narrative_row_label (t11, row, 0), bud_narrative_wan (nb, amount));
    }
  bud_narrative_para (nb, "%s财政拨款委托业务费预算%s万元%s。", bud_narrative_dept_year (nb),
                      bud_narrative_wan (nb, bud_narrative_total (t11, "total")), change);
  if (rows->len)
    bud_narrative_para (nb, "其中：%s。", rows->str);
  bud_narrative_end (nb);
}

/* ---- 十二 上年结转结余 ---- */

static void
build_carryover (BudNarrativeBuilder *nb)
{
  BudTable *t12 = bud_narrative_table (nb, "carryover");
  g_autoptr(GString) rows = g_string_new (NULL);

  begin (nb, 12, "上年结转结余预算情况说明");
  if (t12 == NULL || t12->empty)
    {
      if (t12)
        empty_para (nb, t12);
      bud_narrative_end (nb);
      return;
    }
  bud_narrative_para (nb, "%s上年结转结余预算%s万元，其中：财政拨款结转%s万元，非财政拨款结转结余%s万元。",
                      bud_narrative_dept_year (nb),
                      bud_narrative_wan (nb, bud_narrative_total (t12, "total")),
                      bud_narrative_wan (nb, bud_narrative_total (t12, "fiscal")),
                      bud_narrative_wan (nb, bud_narrative_total (t12, "nonfiscal")));
  for (guint i = 0; i < t12->rows->len; i++)
    {
      BudTableRow *row = g_ptr_array_index (t12->rows, i);
      gint64 amount = bud_narrative_row_amount (t12, row, "total");

      if (row->kind != BUD_ROW_TOTAL && amount != 0)
        g_string_append_printf (rows, "%s%s%s万元", rows->len ? "；" : "",
                                bud_narrative_row_label (t12, row, 0), bud_narrative_wan (nb, amount));
    }
  if (rows->len)
    bud_narrative_para (nb, "按结转结余事项：%s。", rows->str);
  bud_narrative_end (nb);
}

void
bud_narrative_build_part3 (BudNarrativeBuilder *nb)
{
  build_summary (nb);
  build_income (nb);
  build_expense (nb);
  build_fiscal (nb);
  build_general (nb);
  build_general_basic (nb);
  build_general_project (nb);
  build_budget (nb, 8, "fund", "政府性基金预算拨款情况说明", "政府性基金预算");
  build_budget (nb, 9, "state_capital", "国有资本经营预算拨款情况说明", "国有资本经营预算");
  build_sangong (nb);
  build_entrusted (nb);
  build_carryover (nb);
}
