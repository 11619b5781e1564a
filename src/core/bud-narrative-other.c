/* bud-narrative-other.c — 第三部分 十三 其他重要事项: running costs, procurement, assets, performance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * These subsections quote the document's own records (政府采购, 国有资产,
 * 绩效目标) rather than the tables; the running costs are the check engine's
 * figure of the measure running.total.
 */
#include "config.h"

#include <inttypes.h>

#include <stdio.h>
#include <string.h>

#include "bud-narrative-private.h"

static void
begin_sub (BudNarrativeBuilder *nb,
           guint                n,
           const char          *title)
{
  g_autofree char *id = g_strdup_printf ("3.13.%u", n);
  g_autofree char *num = bud_narrative_chinese_number (n);
  g_autofree char *full = g_strdup_printf ("（%s）%s", num, title);

  bud_narrative_begin (nb, BUD_NARRATIVE_PART3, id, 2, full);
}

/* 机关运行经费 is the term for 行政单位 and 参公 units; 事业单位 report 事业单位运行经费. */
static void
build_running (BudNarrativeBuilder *nb)
{
  gint64 now = bud_narrative_measure (nb, "running.total");
  const char *change = bud_narrative_change (nb, "running.total", now);

  begin_sub (nb, 1, nb->admin ? "机关运行经费情况" : "单位运行经费情况");
  bud_narrative_para (nb, "%s的%s财政拨款预算%s万元%s%s。", bud_narrative_dept_year (nb),
                      nb->admin ? "机关运行经费" : "事业单位运行经费", bud_narrative_wan (nb, now),
                      change ? "，" : "", change ? change : "");
  bud_narrative_end (nb);
}

static void
build_procurement (BudNarrativeBuilder *nb)
{
  BudProcurement *p = bud_document_procurement (nb->doc);

  begin_sub (nb, 2, "政府采购情况");
  if (p->total == 0 && p->goods == 0 && p->works == 0 && p->services == 0 && p->reserved_sme == 0)
    bud_narrative_para (nb, "%" PRId64 "年，%s未安排政府采购预算。", nb->year, nb->dept);
  else
    {
      bud_narrative_para (nb, "%" PRId64 "年，%s政府采购预算%s万元，其中：政府采购货物预算%s万元，"
                          "政府采购工程预算%s万元，政府采购服务预算%s万元。",
                          nb->year, nb->dept, bud_narrative_wan (nb, p->total), bud_narrative_wan (nb, p->goods),
                          bud_narrative_wan (nb, p->works), bud_narrative_wan (nb, p->services));
      bud_narrative_para (nb, "%" PRId64 "年，%s面向中小企业预留政府采购项目预算金额%s万元，"
                          "其中：小微企业预留政府采购项目预算金额%s万元。",
                          nb->year, nb->dept, bud_narrative_wan (nb, p->reserved_sme),
                          bud_narrative_wan (nb, p->reserved_micro));
    }
  bud_narrative_end (nb);
}

/* "2025年底" for the last day of a year, else the date; last year's end when unset. */
static char *
as_of_text (BudNarrativeBuilder *nb,
            const char          *as_of)
{
  int y, m, d;

  if (sscanf (as_of, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return g_strdup_printf ("%" PRId64 "年底", nb->year - 1);
  if (m == 12 && d == 31)
    return g_strdup_printf ("%d年底", y);
  return g_strdup_printf ("%d年%d月%d日", y, m, d);
}

static void
build_assets (BudNarrativeBuilder *nb)
{
  BudAssets *a = bud_document_assets (nb->doc);
  g_autofree char *as_of = as_of_text (nb, a->as_of);
  gint64 vehicles = a->vehicles_general + a->vehicles_enforcement + a->vehicles_other;
  gint64 vehicles_value = a->vehicles_general_value + a->vehicles_enforcement_value + a->vehicles_other_value;

  begin_sub (nb, 3, "国有资产占用使用情况");
  bud_narrative_para (nb, "截至%s，%s占用使用国有资产总体情况为：", as_of, nb->dept);
  bud_narrative_para (nb, "1. 房屋%s平方米，价值%s万元。", bud_narrative_fixed2 (nb, a->building_area),
                      bud_narrative_wan (nb, a->building_value));
  bud_narrative_para (nb, "2. 车辆%s辆，价值%s万元；其中：一般公务用车%s辆，价值%s万元；"
                      "执法执勤用车%s辆，价值%s万元；其他车辆%s辆，价值%s万元。",
                      bud_narrative_count (nb, vehicles), bud_narrative_wan (nb, vehicles_value),
                      bud_narrative_count (nb, a->vehicles_general), bud_narrative_wan (nb, a->vehicles_general_value),
                      bud_narrative_count (nb, a->vehicles_enforcement),
                      bud_narrative_wan (nb, a->vehicles_enforcement_value),
                      bud_narrative_count (nb, a->vehicles_other), bud_narrative_wan (nb, a->vehicles_other_value));
  bud_narrative_para (nb, "3. 办公家具价值%s万元。", bud_narrative_wan (nb, a->furniture_value));
  bud_narrative_para (nb, "4. 其他资产价值%s万元。", bud_narrative_wan (nb, a->other_value));
  bud_narrative_para (nb, "部门价值单价50万元以上大型设备%s台，部门价值单价100万元以上大型设备%s台。",
                      bud_narrative_count (nb, a->equipment_50), bud_narrative_count (nb, a->equipment_100));
  if (a->planned_vehicles == 0 && a->planned_vehicles_value == 0)
    bud_narrative_para (nb, "%" PRId64 "年部门预算未安排购置车辆经费，安排购置单价50万元以上大型设备%s台，"
                        "部门单价100万元以上大型设备%s台。", nb->year,
                        bud_narrative_count (nb, a->planned_equipment_50),
                        bud_narrative_count (nb, a->planned_equipment_100));
  else
    bud_narrative_para (nb, "%" PRId64 "年部门预算安排购置车辆%s辆，经费%s万元，安排购置单价50万元以上"
                        "大型设备%s台，部门单价100万元以上大型设备%s台。", nb->year,
                        bud_narrative_count (nb, a->planned_vehicles), bud_narrative_wan (nb, a->planned_vehicles_value),
                        bud_narrative_count (nb, a->planned_equipment_50),
                        bud_narrative_count (nb, a->planned_equipment_100));
  bud_narrative_end (nb);
}

static void
build_performance (BudNarrativeBuilder *nb)
{
  GPtrArray *targets = bud_document_items (nb->doc, BUD_KIND_TARGET);
  gint64 n_dept = 0, n_project = 0, dept = 0, fiscal = 0, other = 0;
  BudNarrativeSection *s;

  for (guint i = 0; i < targets->len; i++)
    {
      BudTarget *t = g_ptr_array_index (targets, i);

      if (t->project == 0)
        {
          n_dept++;
          dept += t->fiscal_upper + t->fiscal_local + t->other;
        }
      else
        {
          n_project++;
          fiscal += t->fiscal_upper + t->fiscal_local;
          other += t->other;
        }
    }

  begin_sub (nb, 4, "预算绩效情况");
  bud_narrative_para (nb, "%" PRId64 "年，本部门预算绩效管理整体预算绩效目标%s个，涉及预算金额%s万元；"
                      "当年预算安排项目共%s个，其中：财政拨款项目涉及预算金额%s万元；非财政拨款项目涉及预算金额%s万元。%s",
                      nb->year, bud_narrative_count (nb, n_dept), bud_narrative_wan (nb, dept),
                      bud_narrative_count (nb, n_project), bud_narrative_wan (nb, fiscal),
                      bud_narrative_wan (nb, other), targets->len ? "具体情况见下表：" : "");
  s = g_ptr_array_index (nb->sections, nb->sections->len - 1);
  s->performance_tables_after = targets->len > 0;
  bud_narrative_end (nb);
}

static void
build_other_matters (BudNarrativeBuilder *nb)
{
  const char *text = bud_narrative_text (nb, "other_matters");

  begin_sub (nb, 5, "其他需说明的事项");
  bud_narrative_para (nb, "%s", text ? text : "本部门无其他需说明事项。");
  bud_narrative_end (nb);
}

void
bud_narrative_build_other (BudNarrativeBuilder *nb)
{
  bud_narrative_begin (nb, BUD_NARRATIVE_PART3, "3.13", 1, "十三、其他重要事项的情况说明");
  bud_narrative_end (nb);
  build_running (nb);
  build_procurement (nb);
  build_assets (nb);
  build_performance (nb);
  build_other_matters (nb);
}
