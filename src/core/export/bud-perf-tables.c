/* bud-perf-tables.c — the performance target tables as printed grids
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bud-perf-tables.h"

static const char * const op_symbols[] = {
  [BUD_OP_GE] = "≥",
  [BUD_OP_LE] = "≤",
  [BUD_OP_EQ] = "=",
  [BUD_OP_GT] = ">",
  [BUD_OP_LT] = "<",
};

char *
bud_perf_indicator_value (const BudIndicator *indicator)
{
  /* structured entry prints the operator the way the seed meant it, without
   * the typing damage (">=160 亿元", "< =18.5 0 万元") of the published file */
  if (indicator->op == BUD_OP_QUAL || indicator->op < 0 || indicator->op > BUD_OP_LT)
    return g_strconcat (indicator->value, indicator->unit, NULL);
  return g_strconcat (op_symbols[indicator->op], indicator->value, indicator->unit, NULL);
}

char *
bud_perf_weight_text (gint64 hundredths)
{
  gint64 a = hundredths < 0 ? -hundredths : hundredths;
  const char *sign = hundredths < 0 ? "-" : "";

  if (a % 100 == 0)
    return g_strdup_printf ("%s%" G_GINT64_FORMAT, sign, a / 100);
  if (a % 10 == 0)
    return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%d", sign, a / 100, (int) (a % 100) / 10);
  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02d", sign, a / 100, (int) (a % 100));
}

/* Columns of the indicator part; the department table has no 上年完成值, 赋分规则, 佐证资料. */
typedef enum {
  COL_LEVEL1,
  COL_LEVEL2,
  COL_NAME,
  COL_VALUE,
  COL_BASIS,
  COL_LAST,
  COL_WEIGHT,
  COL_SCORING,
  COL_EVIDENCE,
} IndicatorColumn;

static const IndicatorColumn department_columns[] = {
  COL_LEVEL1, COL_LEVEL2, COL_NAME, COL_VALUE, COL_BASIS, COL_WEIGHT,
};
static const char * const department_headings[] = {
  "一级指标", "二级指标", "三级指标", "指标值", "指标设定依据", "分值权重",
};
static const IndicatorColumn project_columns[] = {
  COL_LEVEL1, COL_LEVEL2, COL_NAME, COL_VALUE, COL_BASIS, COL_LAST, COL_WEIGHT, COL_SCORING, COL_EVIDENCE,
};
static const char * const project_headings[] = {
  "一级指标", "二级指标", "三级指标", "指标值", "指标值设置依据", "上年完成值", "指标分值权重",
  "指标赋分规则", "佐证资料",
};

/* The heading row, then one row per indicator from @row. 一级 cells span the
 * consecutive rows with the same 一级; 二级 cells the consecutive rows with the
 * same 一级 and 二级, as the seed prints them. */
static void
add_indicators (BudGrid               *grid,
                guint                  row,
                GPtrArray             *indicators,
                const IndicatorColumn *columns,
                const char * const    *headings,
                guint                  n_columns)
{
  guint first = row + 1;

  for (guint c = 0; c < n_columns; c++)
    bud_grid_add (grid, row, c, 1, 1, BUD_GRID_HEAD, headings[c]);
  grid->repeat_start = row;
  grid->repeat_count = 1;

  for (guint i = 0; indicators && i < indicators->len; i++)
    {
      BudIndicator *ind = g_ptr_array_index (indicators, i);
      BudIndicator *prev = i > 0 ? g_ptr_array_index (indicators, i - 1) : NULL;
      gboolean same1 = prev && strcmp (prev->level1, ind->level1) == 0;
      gboolean same2 = same1 && strcmp (prev->level2, ind->level2) == 0;
      guint r = first + i;

      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *text = NULL;
          BudGridCell *cell;
          guint span = 1;

          switch (columns[c])
            {
            case COL_LEVEL1:
            case COL_LEVEL2:
              if (columns[c] == COL_LEVEL1 ? same1 : same2)
                continue;   /* covered by the cell above */
              for (guint j = i + 1; j < indicators->len; j++)
                {
                  BudIndicator *next = g_ptr_array_index (indicators, j);
                  if (strcmp (next->level1, ind->level1) != 0 ||
                      (columns[c] == COL_LEVEL2 && strcmp (next->level2, ind->level2) != 0))
                    break;
                  span++;
                }
              bud_grid_add (grid, r, c, span, 1, BUD_GRID_TEXT,
                            columns[c] == COL_LEVEL1 ? ind->level1 : ind->level2);
              break;
            case COL_NAME:
              bud_grid_add (grid, r, c, 1, 1, BUD_GRID_TEXT, ind->name);
              break;
            case COL_VALUE:
              text = bud_perf_indicator_value (ind);
              bud_grid_add (grid, r, c, 1, 1, BUD_GRID_TEXT, text);
              break;
            case COL_BASIS:
              bud_grid_add (grid, r, c, 1, 1, BUD_GRID_TEXT, ind->basis);
              break;
            case COL_LAST:
              bud_grid_add (grid, r, c, 1, 1, BUD_GRID_TEXT, ind->last_value);
              break;
            case COL_WEIGHT:
              text = bud_perf_weight_text (ind->weight);
              cell = bud_grid_add (grid, r, c, 1, 1, BUD_GRID_NUMBER, text);
              cell->has_value = TRUE;
              cell->value = ind->weight;
              break;
            case COL_SCORING:
              bud_grid_add (grid, r, c, 1, 1, BUD_GRID_TEXT, ind->scoring);
              break;
            case COL_EVIDENCE:
              bud_grid_add (grid, r, c, 1, 1, BUD_GRID_TEXT, ind->evidence);
              break;
            default:
              g_assert_not_reached ();
            }
        }
    }
}

static BudGrid *
department_table (BudDocument *doc,
                  BudTarget   *target,
                  GPtrArray   *indicators,
                  BudMoneyUnit unit)
{
  BudMeta *meta = bud_document_meta (doc);
  BudProfile *profile = bud_document_profile (doc);
  BudGrid *grid = bud_grid_new (G_N_ELEMENTS (department_columns));

  grid->money_unit = unit;
  grid->id = g_strdup ("perf-department");
  grid->title = g_strdup ("部门整体绩效目标表");
  grid->name = g_strdup (grid->title);
  grid->subtitle = g_strdup_printf ("（%" G_GINT64_FORMAT "年）", meta->year);
  grid->column_roles[5] = BUD_GRID_NUMBER;

  bud_grid_add (grid, 0, 0, 1, 2, BUD_GRID_LABEL, "部门名称（盖章）");
  bud_grid_add (grid, 0, 2, 1, 4, BUD_GRID_TEXT, meta->department);
  bud_grid_add (grid, 1, 0, 1, 2, BUD_GRID_LABEL, "部门联系人");
  bud_grid_add (grid, 1, 2, 1, 1, BUD_GRID_TEXT, profile->contact);
  bud_grid_add (grid, 1, 3, 1, 1, BUD_GRID_LABEL, "联系电话");
  bud_grid_add (grid, 1, 4, 1, 2, BUD_GRID_TEXT, profile->phone);
  bud_grid_add (grid, 2, 0, 1, 2, BUD_GRID_LABEL, "年度绩效目标");
  bud_grid_add (grid, 2, 2, 1, 4, BUD_GRID_PARA, target->goal);
  bud_grid_add (grid, 3, 0, 5, 2, BUD_GRID_LABEL, "年度预算(万元)");
  bud_grid_add (grid, 3, 2, 1, 2, BUD_GRID_HEAD, "资金来源");
  bud_grid_add (grid, 3, 4, 1, 2, BUD_GRID_HEAD, "资金总额（万元）");
  bud_grid_add (grid, 4, 2, 2, 1, BUD_GRID_LABEL, "财政资金（万元）");
  bud_grid_add (grid, 4, 3, 1, 1, BUD_GRID_LABEL, "上级安排");
  bud_grid_add_money (grid, 4, 4, 2, target->fiscal_upper, FALSE);
  bud_grid_add (grid, 5, 3, 1, 1, BUD_GRID_LABEL, "本级安排");
  bud_grid_add_money (grid, 5, 4, 2, target->fiscal_local, FALSE);
  bud_grid_add (grid, 6, 2, 1, 1, BUD_GRID_LABEL, "其他资金（万元）");
  bud_grid_add (grid, 6, 3, 1, 1, BUD_GRID_LABEL, "其他");
  bud_grid_add_money (grid, 6, 4, 2, target->other, FALSE);
  bud_grid_add (grid, 7, 2, 1, 2, BUD_GRID_LABEL, "合计：");
  bud_grid_add_money (grid, 7, 4, 2, target->fiscal_upper + target->fiscal_local + target->other, FALSE)
    ->strong = TRUE;

  add_indicators (grid, 8, indicators, department_columns, department_headings,
                  G_N_ELEMENTS (department_columns));
  bud_grid_finish (grid);
  return grid;
}

static BudGrid *
project_table (BudDocument *doc,
               BudTarget   *target,
               BudProject  *project,
               GPtrArray   *indicators,
               BudMoneyUnit unit)
{
  BudMeta *meta = bud_document_meta (doc);
  BudUnit *owner = project->unit ? bud_document_lookup (doc, BUD_KIND_UNIT, project->unit) : NULL;
  BudGrid *grid = bud_grid_new (G_N_ELEMENTS (project_columns));

  grid->money_unit = unit;
  grid->id = g_strdup_printf ("perf-project-%" G_GINT64_FORMAT, project->id);
  grid->title = g_strdup ("项目支出绩效目标表");
  grid->name = g_strconcat ("项目绩效目标-", project->name, NULL);
  grid->subtitle = g_strdup_printf ("（%" G_GINT64_FORMAT "年）", meta->year);
  grid->column_roles[6] = BUD_GRID_NUMBER;

  bud_grid_add (grid, 0, 0, 1, 2, BUD_GRID_LABEL, "预算单位");
  bud_grid_add (grid, 0, 2, 1, 7, BUD_GRID_TEXT,
                owner && *owner->name ? owner->name : meta->department);
  bud_grid_add (grid, 1, 0, 1, 2, BUD_GRID_LABEL, "项目名称");
  bud_grid_add (grid, 1, 2, 1, 4, BUD_GRID_TEXT, project->name);
  bud_grid_add (grid, 1, 6, 1, 1, BUD_GRID_LABEL, "项目负责人");
  bud_grid_add (grid, 1, 7, 1, 2, BUD_GRID_TEXT, project->owner);
  bud_grid_add (grid, 2, 0, 1, 2, BUD_GRID_LABEL, "项目资金(万元)");
  bud_grid_add (grid, 2, 2, 1, 1, BUD_GRID_LABEL, "年度预算总额");
  bud_grid_add_money (grid, 2, 3, 1, target->fiscal_upper + target->fiscal_local + target->other, FALSE);
  bud_grid_add (grid, 2, 4, 1, 1, BUD_GRID_LABEL, "其中：财政拨款");
  bud_grid_add_money (grid, 2, 5, 1, target->fiscal_upper + target->fiscal_local, FALSE);
  bud_grid_add (grid, 2, 6, 1, 1, BUD_GRID_LABEL, "其他资金");
  bud_grid_add_money (grid, 2, 7, 2, target->other, FALSE);
  bud_grid_add (grid, 3, 0, 1, 2, BUD_GRID_LABEL, "项目总体目标");
  bud_grid_add (grid, 3, 2, 1, 7, BUD_GRID_PARA, target->goal);

  add_indicators (grid, 4, indicators, project_columns, project_headings,
                  G_N_ELEMENTS (project_columns));
  bud_grid_finish (grid);
  return grid;
}

GPtrArray *
bud_perf_tables_build (BudDocument *doc,
                       BudTemplate *tpl)
{
  GPtrArray *grids = g_ptr_array_new_with_free_func ((GDestroyNotify) bud_grid_unref);
  GPtrArray *all = bud_document_items (doc, BUD_KIND_INDICATOR);
  GPtrArray *projects = bud_document_items (doc, BUD_KIND_PROJECT);
  BudMoneyUnit unit = tpl ? bud_template_get_money_unit (tpl) : BUD_MONEY_WAN;
  g_autoptr(GHashTable) by_target = NULL;
  BudTarget *department;

  /* one pass over the indicators, so 8,000 of them cost nothing per table */
  by_target = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                     (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < all->len; i++)
    {
      BudIndicator *ind = g_ptr_array_index (all, i);
      GPtrArray *list = g_hash_table_lookup (by_target, &ind->target);

      if (list == NULL)
        {
          BudTarget *t = bud_document_lookup (doc, BUD_KIND_TARGET, ind->target);
          if (t == NULL)
            continue;
          list = g_ptr_array_new ();
          g_hash_table_insert (by_target, &t->id, list);
        }
      g_ptr_array_add (list, ind);
    }

  department = bud_document_find_target (doc, 0);
  if (department)
    g_ptr_array_add (grids, department_table (doc, department,
                                              g_hash_table_lookup (by_target, &department->id), unit));

  for (guint p = 0; p < projects->len; p++)
    {
      BudProject *project = g_ptr_array_index (projects, p);
      BudTarget *t = bud_document_find_target (doc, project->id);

      if (t == NULL)
        continue;
      g_ptr_array_add (grids, project_table (doc, t, project,
                                             g_hash_table_lookup (by_target, &t->id), unit));
    }
  return grids;
}
