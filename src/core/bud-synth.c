/* bud-synth.c — deterministic synthetic departments, for tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The benchmark's figures only mean something if the document looks like a
 * real one: codes spread over the catalog the way a department's are, money
 * from several sources, carry-over items, every table of the template with
 * rows. So the generator follows the domain rules a reviewer checks, and the
 * test asserts that bud_check_run finds no error in what it makes.
 *
 * Only our own PRNG (splitmix64) and integer arithmetic decide anything, so a
 * seed gives the same document on every platform and GLib version.
 */
#include "config.h"

#include <string.h>

#include "bud-catalog.h"
#include "bud-check-private.h"
#include "bud-money.h"
#include "bud-synth.h"
#include "bud-template.h"

static const BudSynthCounts counts[BUD_SYNTH_N_SIZES] = {
  [BUD_SYNTH_S]  = {   2,    200,    8,     80 },
  [BUD_SYNTH_M]  = {  10,  2000,    80,    800 },
  [BUD_SYNTH_L]  = {  40,  20000,  800,   8000 },
  [BUD_SYNTH_XL] = { 200, 100000, 4000,  40000 },
};

static const char * const size_names[BUD_SYNTH_N_SIZES] = { "S", "M", "L", "XL" };

/* A department-wide target table has this many indicators; the projects share the rest. */
#define DEPT_INDICATORS 6
/* Share of the lines that are project lines, in percent. */
#define PROJECT_LINE_SHARE 45

typedef struct
{
  guint64 state;
} Rng;

static guint32
rng_next (Rng *r)
{
  guint64 z = (r->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return (guint32) ((z ^ (z >> 31)) >> 32);
}

/* 0 ≤ result < n, without modulo bias worth caring about here */
static guint
rng_below (Rng   *r,
           guint  n)
{
  return n == 0 ? 0 : (guint) (((guint64) rng_next (r) * n) >> 32);
}

static gint64
rng_range (Rng    *r,
           gint64  lo,
           gint64  hi)
{
  guint64 span = (guint64) (hi - lo) + 1;
  guint64 v = ((guint64) rng_next (r) << 32) | rng_next (r);

  return lo + (gint64) (v % span);
}

static gboolean
rng_percent (Rng   *r,
             guint  percent)
{
  return rng_below (r, 100) < percent;
}

/* Amounts as departments write them: mostly whole 元, a fifth with 角/分;
 * @lo_yuan … @hi_yuan in 元, returned in 分. */
static gint64
rng_amount (Rng    *r,
            gint64  lo_yuan,
            gint64  hi_yuan)
{
  gint64 yuan = rng_range (r, lo_yuan, hi_yuan);

  if (rng_percent (r, 20))
    return yuan * 100 + rng_range (r, 1, 99);
  if (rng_percent (r, 50))
    yuan = MAX (lo_yuan, yuan / 100 * 100);
  return yuan * 100;
}

/* Splits @total into @n parts between @min and @max (when possible), with
 * some spread: equal shares first, then random moves between pairs. */
static guint *
distribute (Rng   *r,
            guint  total,
            guint  n,
            guint  min,
            guint  max)
{
  guint *parts = g_new0 (guint, MAX (n, 1));
  guint base;

  if (n == 0)
    return parts;
  base = total / n;
  for (guint i = 0; i < n; i++)
    parts[i] = base + (i < total % n ? 1 : 0);
  for (guint k = 0; k < n; k++)
    {
      guint i = rng_below (r, n), j = rng_below (r, n);
      guint d = rng_below (r, base / 2 + 1);

      if (i != j && parts[i] >= min + d && parts[j] + d <= max)
        {
          parts[i] -= d;
          parts[j] += d;
        }
    }
  return parts;
}

static void
set_str (char       **slot,
         const char  *value)
{
  g_free (*slot);
  *slot = g_strdup (value);
}

static void
take_str (char **slot,
          char  *value)
{
  g_free (*slot);
  *slot = value;
}

/* ---- the parts of a department ---- */

typedef struct
{
  BudDocument     *doc;
  Rng              rng;
  const BudSynthCounts *n;
  BudCatalog      *cat;

  GPtrArray       *funcs;          /* const char * 功能 项 of the catalog, without paired ones */
  guint           *unit_func;      /* per unit: index of its main and second 功能 项 */
  guint           *unit_func2;
  int             *unit_type;
  gint64          *project_unit;
  guint           *project_func;
  int             *project_source;
  GArray          *carry;          /* CarryItem */

  /* what the lines add up to, for 控制数, target tables and comparatives */
  gint64           by_source[BUD_N_SOURCES];
  gint64          *proj_upper, *proj_local, *proj_other;
  gint64          *carry_amount;
  GHashTable      *general_func;   /* 项 (borrowed) → gint64* */
  gint64           total, basic, project, general, general_basic, general_project;
  gint64           sangong[6], entrusted, running;
} Gen;

typedef struct
{
  gint64  id;
  int     source;
  int     kind;
} CarryItem;

static const char * const unit_kinds[] = {
  "第一中学", "第二中学", "实验小学", "第三小学", "幼儿园", "职业技术学校", "教育研究中心",
  "电化教育馆", "少年宫", "教师发展中心", "招生考试中心", "学生资助管理中心", "青少年活动中心",
  "特殊教育学校", "第四中学", "第五小学", "民族中学", "第二幼儿园", "教育技术装备站", "体育运动学校",
};

static const char * const project_kinds[] = {
  "教学设备购置", "校舍维修改造", "信息化建设运维", "学生资助", "教师培训", "安全保障",
  "食堂运营补助", "课后服务", "校园绿化", "图书资料购置", "实验室建设", "考务组织",
  "学科竞赛", "心理健康教育", "劳动教育基地建设", "义务教育均衡发展",
};

static const char * const reasons[] = {
  "人员增加，工资及社会保障缴费相应增加",
  "根据工作任务调整预算安排",
  "严格落实过紧日子要求，压减一般性支出",
  "部分项目已完成，预算相应减少",
  "新增项目支出",
  "上级转移支付资金增加",
};

/* 基本支出 on 经济分类 款: weight (how many lines per cycle), 元 range. The
 * paired ones (30108 …) go on their usual 功能 项 (see bud-rules-lines.c). */
typedef struct
{
  const char *econ;
  gint64      lo, hi;
} EconSpec;

static const EconSpec basic_econ[] = {
  { "30101", 200000, 3000000 }, { "30102", 100000, 2000000 }, { "30103", 20000, 500000 },
  { "30107", 100000, 2500000 }, { "30108", 50000, 600000 },   { "30109", 20000, 300000 },
  { "30110", 30000, 400000 },   { "30111", 5000, 80000 },     { "30112", 2000, 40000 },
  { "30113", 40000, 500000 },   { "30114", 2000, 50000 },     { "30199", 5000, 100000 },
  { "30201", 5000, 200000 },    { "30205", 2000, 60000 },     { "30206", 5000, 150000 },
  { "30207", 2000, 40000 },     { "30211", 5000, 120000 },    { "30213", 5000, 300000 },
  { "30216", 2000, 60000 },     { "30217", 1000, 30000 },     { "30228", 5000, 80000 },
  { "30229", 5000, 100000 },    { "30231", 5000, 90000 },     { "30239", 10000, 200000 },
  { "30299", 5000, 100000 },    { "30302", 50000, 900000 },   { "30305", 2000, 60000 },
  { "30309", 2000, 50000 },
};

static const EconSpec project_econ[] = {
  { "30201", 5000, 200000 },    { "30202", 2000, 80000 },     { "30211", 5000, 100000 },
  { "30213", 20000, 800000 },   { "30215", 5000, 60000 },     { "30216", 10000, 200000 },
  { "30218", 10000, 500000 },   { "30226", 10000, 400000 },   { "30227", 20000, 600000 },
  { "30299", 5000, 200000 },    { "30308", 20000, 900000 },   { "31002", 20000, 900000 },
  { "31003", 50000, 1500000 },  { "31007", 30000, 800000 },   { "30905", 100000, 3000000 },
  { "30212", 20000, 150000 },   { "31013", 150000, 300000 },
};

/* Sources of basic and project lines, in percent (a project takes one as its
 * main source and now and then a line from another) */
typedef struct
{
  int   source;
  guint weight;
} SourceWeight;

static const SourceWeight basic_sources[] = {
  { BUD_SOURCE_GENERAL, 78 }, { BUD_SOURCE_GENERAL_TRANSFER, 4 }, { BUD_SOURCE_SPECIAL_ACCOUNT, 4 },
  { BUD_SOURCE_UNIT_BUSINESS, 8 }, { BUD_SOURCE_UNIT_OTHER, 4 }, { BUD_SOURCE_CARRY_GENERAL, 2 },
};

static const SourceWeight project_sources[] = {
  { BUD_SOURCE_GENERAL, 52 }, { BUD_SOURCE_GENERAL_TRANSFER, 12 }, { BUD_SOURCE_FUND, 7 },
  { BUD_SOURCE_FUND_TRANSFER, 3 }, { BUD_SOURCE_STATE_CAPITAL, 2 }, { BUD_SOURCE_SPECIAL_ACCOUNT, 3 },
  { BUD_SOURCE_UNIT_BUSINESS, 6 }, { BUD_SOURCE_UNIT_OTHER, 4 }, { BUD_SOURCE_CARRY_GENERAL, 8 },
  { BUD_SOURCE_CARRY_FUND, 1 }, { BUD_SOURCE_CARRY_UNIT, 2 },
};

static int
pick_source (Rng                *r,
             const SourceWeight *w,
             guint               n)
{
  guint sum = 0, x;

  for (guint i = 0; i < n; i++)
    sum += w[i].weight;
  x = rng_below (r, sum);
  for (guint i = 0; i < n; i++)
    {
      if (x < w[i].weight)
        return w[i].source;
      x -= w[i].weight;
    }
  return w[0].source;
}

static gboolean
is_transfer (int source)
{
  return source == BUD_SOURCE_GENERAL_TRANSFER || source == BUD_SOURCE_FUND_TRANSFER ||
         source == BUD_SOURCE_STATE_CAPITAL_TRANSFER;
}

static gpointer
insert (Gen      *g,
        BudKind   kind,
        gpointer  entity)
{
  g_autoptr(GError) error = NULL;
  gpointer e = bud_document_insert (g->doc, kind, entity, -1, &error);

  /* the generator's own data breaking a document rule is a bug here, not input */
  if (e == NULL)
    g_error ("bud_synth_generate: %s", error->message);
  return e;
}

static gboolean
is_paired_func (const char *code)
{
  return g_str_has_prefix (code, "20805") || g_str_has_prefix (code, "21011") ||
         g_str_has_prefix (code, "22102");
}

static void
collect_funcs (Gen *g)
{
  g_autoptr(GPtrArray) all = bud_catalog_list (g->cat, BUD_SCHEME_FUNCTIONAL, BUD_CODE_LEVEL_ITEM);

  g->funcs = g_ptr_array_new ();
  for (guint i = 0; i < all->len; i++)
    {
      const BudCatalogEntry *e = g_ptr_array_index (all, i);

      if (!is_paired_func (e->code))
        g_ptr_array_add (g->funcs, (gpointer) e->code);
    }
  if (g->funcs->len == 0)
    g_error ("bud_synth_generate: the built-in catalog has no functional items");
}

static void
add_singletons (Gen *g)
{
  BudDocument *doc = g->doc;
  Rng *r = &g->rng;
  gint64 goods = rng_amount (r, 200000, 5000000), works = rng_amount (r, 0, 3000000);
  gint64 services = rng_amount (r, 100000, 4000000);
  gint64 total = goods + works + services;
  gint64 sme = total / 100 * 40;
  BudAssets *a;

  bud_document_set_text (doc, BUD_KIND_META, 1, "department", "某市教育局", NULL);
  bud_document_set_text (doc, BUD_KIND_META, 1, "department_code", "101001", NULL);
  bud_document_set_int (doc, BUD_KIND_META, 1, "year", 2026, NULL);
  bud_document_set_text (doc, BUD_KIND_META, 1, "template_id", "xinjiang-2026", NULL);
  bud_document_set_text (doc, BUD_KIND_META, 1, "date", "2026-03-13", NULL);

  bud_document_set_text (doc, BUD_KIND_PROFILE, 1, "functions",
                         "贯彻执行国家教育工作方针、政策和法律法规；统筹全市各级各类教育发展；"
                         "负责全市教育经费的统筹管理；指导学校安全、后勤和校园文化建设。", NULL);
  {
    g_autofree char *structure =
      g_strdup_printf ("本部门预算由局机关本级和 %u 个下属单位的预算组成。", g->n->units - 1);
    bud_document_set_text (doc, BUD_KIND_PROFILE, 1, "structure", structure, NULL);
  }
  bud_document_set_text (doc, BUD_KIND_PROFILE, 1, "contact", "张明", NULL);
  bud_document_set_text (doc, BUD_KIND_PROFILE, 1, "phone", "0994-1234567", NULL);
  {
    static const char * const staff[] = {
      "staff_authorized", "staff_active", "staff_retired", "staff_veteran",
      "staff_authorized_last", "staff_active_last", "staff_retired_last", "staff_veteran_last",
    };
    gint64 per_unit[] = { 60, 55, 20, 0 };

    for (guint i = 0; i < G_N_ELEMENTS (staff); i++)
      bud_document_set_int (doc, BUD_KIND_PROFILE, 1, staff[i],
                            per_unit[i % 4] * g->n->units - (i >= 4 ? (gint64) rng_below (r, 10) : 0),
                            NULL);
  }

  bud_document_set_int (doc, BUD_KIND_PROCUREMENT, 1, "total", total, NULL);
  bud_document_set_int (doc, BUD_KIND_PROCUREMENT, 1, "goods", goods, NULL);
  bud_document_set_int (doc, BUD_KIND_PROCUREMENT, 1, "works", works, NULL);
  bud_document_set_int (doc, BUD_KIND_PROCUREMENT, 1, "services", services, NULL);
  bud_document_set_int (doc, BUD_KIND_PROCUREMENT, 1, "reserved_sme", sme, NULL);
  bud_document_set_int (doc, BUD_KIND_PROCUREMENT, 1, "reserved_micro", sme / 100 * 70, NULL);

  a = bud_document_assets (doc);
  bud_document_set_text (doc, BUD_KIND_ASSETS, a->id, "as_of", "2025-12-31", NULL);
  bud_document_set_int (doc, BUD_KIND_ASSETS, a->id, "building_area", 850000 * (gint64) g->n->units, NULL);
  bud_document_set_int (doc, BUD_KIND_ASSETS, a->id, "building_value",
                        rng_amount (r, 3000000, 9000000) * g->n->units, NULL);
  bud_document_set_int (doc, BUD_KIND_ASSETS, a->id, "vehicles_general", 1 + g->n->units / 10, NULL);
  bud_document_set_int (doc, BUD_KIND_ASSETS, a->id, "vehicles_general_value",
                        rng_amount (r, 150000, 250000) * (1 + g->n->units / 10), NULL);
  bud_document_set_int (doc, BUD_KIND_ASSETS, a->id, "furniture_value", rng_amount (r, 20000, 90000) * g->n->units, NULL);
  bud_document_set_int (doc, BUD_KIND_ASSETS, a->id, "other_value", rng_amount (r, 50000, 400000) * g->n->units, NULL);
  bud_document_set_int (doc, BUD_KIND_ASSETS, a->id, "equipment_50", g->n->units / 4, NULL);
  bud_document_set_int (doc, BUD_KIND_ASSETS, a->id, "equipment_100", g->n->units / 10, NULL);
}

static void
add_units (Gen *g)
{
  Rng *r = &g->rng;

  g->unit_func = g_new0 (guint, g->n->units + 1);
  g->unit_func2 = g_new0 (guint, g->n->units + 1);
  g->unit_type = g_new0 (int, g->n->units + 1);
  for (guint u = 1; u <= g->n->units; u++)
    {
      BudUnit *unit = bud_entity_new (BUD_KIND_UNIT);

      if (u == 1)
        take_str (&unit->name, g_strdup ("某市教育局（本级）"));
      else if (u - 2 < G_N_ELEMENTS (unit_kinds))
        take_str (&unit->name, g_strdup_printf ("某市%s", unit_kinds[u - 2]));
      else
        take_str (&unit->name, g_strdup_printf ("某市%s（第%u分部）",
                                                unit_kinds[(u - 2) % G_N_ELEMENTS (unit_kinds)],
                                                (u - 2) / (guint) G_N_ELEMENTS (unit_kinds) + 1));
      take_str (&unit->code, g_strdup_printf ("101%03u", u));
      unit->primary_unit = u == 1;
      unit->type = u == 1 ? BUD_UNIT_ADMIN : rng_percent (r, 10) ? BUD_UNIT_CIVIL_SERVANT : BUD_UNIT_INSTITUTION;
      g->unit_type[u] = unit->type;
      g->unit_func[u] = rng_below (r, g->funcs->len);
      g->unit_func2[u] = rng_below (r, g->funcs->len);
      insert (g, BUD_KIND_UNIT, unit);
    }
}

static void
add_projects (Gen *g)
{
  Rng *r = &g->rng;
  guint n = g->n->projects;

  g->project_unit = g_new0 (gint64, n + 1);
  g->project_func = g_new0 (guint, n + 1);
  g->project_source = g_new0 (int, n + 1);
  g->proj_upper = g_new0 (gint64, n + 1);
  g->proj_local = g_new0 (gint64, n + 1);
  g->proj_other = g_new0 (gint64, n + 1);
  for (guint p = 1; p <= n; p++)
    {
      BudProject *proj = bud_entity_new (BUD_KIND_PROJECT);
      const char *kind = project_kinds[rng_below (r, G_N_ELEMENTS (project_kinds))];

      /* the 本级 carries more projects than any school */
      proj->unit = rng_percent (r, 25) ? 1 : 1 + rng_below (r, g->n->units);
      take_str (&proj->code, g_strdup_printf ("2026-%05u", p));
      take_str (&proj->name, g_strdup_printf ("2026年%s项目（%u）", kind, p));
      take_str (&proj->policy_basis, g_strdup_printf ("依据某市财政局关于下达2026年%s经费的通知（某财教〔2026〕%u号）",
                                                      kind, 1 + rng_below (r, 200)));
      take_str (&proj->execution, g_strdup_printf ("2026年%u月至12月", 1 + rng_below (r, 6)));
      set_str (&proj->owner, "李华");
      g->project_unit[p] = proj->unit;
      g->project_func[p] = rng_below (r, g->funcs->len);
      g->project_source[p] = pick_source (r, project_sources, G_N_ELEMENTS (project_sources));
      insert (g, BUD_KIND_PROJECT, proj);
    }
}

static void
add_carryovers (Gen *g)
{
  static const struct { int source; int kind; } plan[] = {
    { BUD_SOURCE_CARRY_GENERAL, BUD_SPEND_PROJECT }, { BUD_SOURCE_CARRY_GENERAL, BUD_SPEND_BASIC },
    { BUD_SOURCE_CARRY_FUND, BUD_SPEND_PROJECT }, { BUD_SOURCE_CARRY_UNIT, BUD_SPEND_PROJECT },
  };
  guint n = MAX (G_N_ELEMENTS (plan), g->n->projects / 40);

  g->carry = g_array_new (FALSE, FALSE, sizeof (CarryItem));
  for (guint i = 0; i < n; i++)
    {
      BudCarryover *c = bud_entity_new (BUD_KIND_CARRYOVER);
      CarryItem item;

      c->source = plan[i % G_N_ELEMENTS (plan)].source;
      c->kind = plan[i % G_N_ELEMENTS (plan)].kind;
      take_str (&c->name, g_strdup_printf ("某财教〔2025〕%u号 结转资金", 10 + i));
      c = insert (g, BUD_KIND_CARRYOVER, c);
      item.id = c->id;
      item.source = c->source;
      item.kind = c->kind;
      g_array_append_val (g->carry, item);
    }
  g->carry_amount = g_new0 (gint64, n);
}

/* A carry-over item of that source and kind, or 0 when there is none. */
static gint64
pick_carryover (Gen  *g,
                int   source,
                int   kind,
                guint *index)
{
  guint n = 0, k;

  for (guint i = 0; i < g->carry->len; i++)
    {
      CarryItem *c = &g_array_index (g->carry, CarryItem, i);
      n += c->source == source && c->kind == kind;
    }
  if (n == 0)
    return 0;
  k = rng_below (&g->rng, n);
  for (guint i = 0; i < g->carry->len; i++)
    {
      CarryItem *c = &g_array_index (g->carry, CarryItem, i);

      if (c->source == source && c->kind == kind && k-- == 0)
        {
          *index = i;
          return c->id;
        }
    }
  return 0;
}

static int
sangong_of (const char *econ)
{
  if (strcmp (econ, "30212") == 0)
    return 1;
  if (strcmp (econ, "30217") == 0)
    return 2;
  if (strcmp (econ, "31013") == 0 || strcmp (econ, "30913") == 0)
    return 4;
  if (strcmp (econ, "30231") == 0)
    return 5;
  return -1;
}

/* Adds a line and keeps every sum the later parts need. */
static void
add_line (Gen        *g,
          gint64      unit,
          const char *func,
          const char *econ,
          int         kind,
          gint64      project,
          int         source,
          gint64      amount)
{
  BudLine *l = bud_entity_new (BUD_KIND_LINE);
  gboolean fiscal = bud_source_is_fiscal (source);
  guint carry_index = 0;

  /* a carry-over source with no item of that kind falls back to the grant it was */
  if (bud_source_is_carry (source))
    {
      l->carryover = pick_carryover (g, source, kind, &carry_index);
      if (l->carryover == 0)
        source = BUD_SOURCE_GENERAL;
      else
        g->carry_amount[carry_index] += amount;
    }

  l->unit = unit;
  set_str (&l->func, func);
  set_str (&l->econ, econ);
  l->kind = kind;
  l->project = project;
  l->source = source;
  l->amount = amount;
  insert (g, BUD_KIND_LINE, l);

  g->by_source[source] += amount;
  g->total += amount;
  if (kind == BUD_SPEND_BASIC)
    g->basic += amount;
  else
    g->project += amount;
  if (project)
    {
      if (!fiscal)
        g->proj_other[project] += amount;
      else if (is_transfer (source))
        g->proj_upper[project] += amount;
      else
        g->proj_local[project] += amount;
    }
  if (source == BUD_SOURCE_GENERAL || source == BUD_SOURCE_GENERAL_TRANSFER)
    {
      gint64 *sum = g_hash_table_lookup (g->general_func, func);

      if (sum == NULL)
        {
          sum = g_new0 (gint64, 1);
          g_hash_table_insert (g->general_func, (gpointer) func, sum);
        }
      *sum += amount;
      g->general += amount;
      if (kind == BUD_SPEND_BASIC)
        g->general_basic += amount;
      else
        g->general_project += amount;
    }
  if (fiscal)
    {
      /* 三公 and 委托 count this year's grants only, as 表10/11 (bud_check_measure_value) */
      gboolean granted = !bud_source_is_carry (source);
      int s = granted ? sangong_of (econ) : -1;

      if (s >= 0)
        {
          g->sangong[s] += amount;
          g->sangong[0] += amount;
          if (s == 4 || s == 5)
            g->sangong[3] += amount;
        }
      if (granted && strcmp (econ, "30227") == 0)
        g->entrusted += amount;
      if (kind == BUD_SPEND_BASIC && !g_str_has_prefix (econ, "301") && !g_str_has_prefix (econ, "303"))
        g->running += amount;
    }
}

/* The usual 功能 项 of a paired 经济 款, or NULL */
static const char *
paired_func (const char *econ,
             int         unit_type)
{
  const char *func, *func2;

  if (!bud_check_pair_of_econ (econ, &func, &func2))
    return NULL;
  /* 行政 units book 职工基本医疗 on 行政单位医疗, the others on 事业单位医疗 */
  if (func2 != NULL && unit_type == BUD_UNIT_INSTITUTION)
    return func2;
  return func;
}

static void
add_basic_lines (Gen   *g,
                 guint  n_lines)
{
  Rng *r = &g->rng;
  g_autofree guint *per_unit = distribute (r, n_lines, g->n->units, 8, G_MAXUINT);

  for (guint u = 1; u <= g->n->units; u++)
    for (guint k = 0; k < per_unit[u - 1]; k++)
      {
        const EconSpec *e = &basic_econ[k % G_N_ELEMENTS (basic_econ)];
        const char *func = paired_func (e->econ, g->unit_type[u]);
        int source = pick_source (r, basic_sources, G_N_ELEMENTS (basic_sources));

        /* 行政 units have no 事业收入 or 财政专户 money */
        if (g->unit_type[u] != BUD_UNIT_INSTITUTION &&
            (source == BUD_SOURCE_SPECIAL_ACCOUNT || source == BUD_SOURCE_UNIT_BUSINESS))
          source = BUD_SOURCE_GENERAL;
        if (func == NULL)
          func = g_ptr_array_index (g->funcs, (k / G_N_ELEMENTS (basic_econ)) % 3 == 2
                                              ? g->unit_func2[u] : g->unit_func[u]);
        add_line (g, u, func, e->econ, BUD_SPEND_BASIC, 0, source, rng_amount (r, e->lo, e->hi));
      }
}

static void
add_project_lines (Gen   *g,
                   guint  n_lines)
{
  Rng *r = &g->rng;
  g_autofree guint *per_project = distribute (r, n_lines, g->n->projects, 2, 60);

  for (guint p = 1; p <= g->n->projects; p++)
    for (guint k = 0; k < per_project[p - 1]; k++)
      {
        const EconSpec *e = &project_econ[rng_below (r, G_N_ELEMENTS (project_econ))];
        guint f = rng_percent (r, 80) ? g->project_func[p] : rng_below (r, g->funcs->len);
        int source = rng_percent (r, 80) ? g->project_source[p]
                                         : pick_source (r, project_sources, G_N_ELEMENTS (project_sources));

        /* cars and trips abroad are rare; most projects buy neither */
        if (sangong_of (e->econ) >= 0 && !rng_percent (r, 10))
          e = &project_econ[0];
        add_line (g, g->project_unit[p], g_ptr_array_index (g->funcs, f), e->econ, BUD_SPEND_PROJECT,
                  p, source, rng_amount (r, e->lo, e->hi));
      }
}

/* Items get the amount their lines spend; one no line chose is dropped. */
static void
settle_carryovers (Gen *g)
{
  for (guint i = 0; i < g->carry->len; i++)
    {
      CarryItem *c = &g_array_index (g->carry, CarryItem, i);

      if (g->carry_amount[i] == 0)
        bud_document_remove (g->doc, BUD_KIND_CARRYOVER, c->id, NULL);
      else
        bud_document_set_int (g->doc, BUD_KIND_CARRYOVER, c->id, "amount", g->carry_amount[i], NULL);
    }
}

static void
add_income (Gen *g)
{
  for (int s = 0; s < BUD_N_SOURCES; s++)
    if (g->by_source[s] != 0)
      {
        BudIncome *in = bud_entity_new (BUD_KIND_INCOME);

        in->source = s;
        in->amount = g->by_source[s];
        insert (g, BUD_KIND_INCOME, in);
      }
}

static void
add_allocations (Gen *g)
{
  static const char * const purposes[] = {
    "设备及材料采购", "劳务及服务费用", "维修维护", "培训及会议组织", "学生补助发放",
  };
  Rng *r = &g->rng;

  for (guint p = 1; p <= g->n->projects; p++)
    {
      gint64 total = g->proj_upper[p] + g->proj_local[p] + g->proj_other[p];
      guint n = 1 + rng_below (r, 3);
      gint64 left = total;

      for (guint i = 0; i < n && left > 0; i++)
        {
          BudAllocation *a = bud_entity_new (BUD_KIND_ALLOCATION);

          a->project = p;
          a->amount = i + 1 == n ? left : left / 100 * (30 + rng_below (r, 40));
          left -= a->amount;
          set_str (&a->purpose, purposes[(p + i) % G_N_ELEMENTS (purposes)]);
          insert (g, BUD_KIND_ALLOCATION, a);
        }
    }
}

typedef struct
{
  BudIndicatorOp  op;
  const char     *name;
  const char     *value;   /* NULL: a figure made up for the table */
  const char     *unit;
} IndicatorSpec;

static const IndicatorSpec indicator_specs[] = {
  { BUD_OP_GE, "覆盖学校数量", NULL, "所" },
  { BUD_OP_GE, "设备验收合格率", "98", "%" },
  { BUD_OP_LE, "项目完成时间", "12", "月" },
  { BUD_OP_LE, "成本控制", NULL, "万元" },
  { BUD_OP_QUAL, "办学条件改善", "有效改善", "" },
  { BUD_OP_QUAL, "社会公众认可度", "逐步提高", "" },
  { BUD_OP_GE, "受益学生人数", NULL, "人" },
  { BUD_OP_GE, "服务对象满意度", "90", "%" },
};

/* Weights add up to @sum exactly: equal shares, the rest on the last. */
static void
add_indicators (Gen                *g,
                BudTemplate        *tpl,
                const char         *kind,
                gint64              target,
                guint               n,
                gint64              money)
{
  guint n_levels = 0;
  const BudPerfLevel *levels = bud_template_get_performance_levels (tpl, kind, &n_levels);
  gint64 sum = bud_template_get_indicator_weight_sum (tpl);
  gint64 share = sum / n;
  Rng *r = &g->rng;

  if (levels == NULL || n_levels == 0)
    g_error ("bud_synth_generate: template “%s” has no %s indicator levels", bud_template_get_id (tpl), kind);
  for (guint k = 0; k < n; k++)
    {
      BudIndicator *ind = bud_entity_new (BUD_KIND_INDICATOR);
      const BudPerfLevel *l1 = &levels[k % n_levels];
      guint n_children = l1->children ? g_strv_length (l1->children) : 0;
      /* satisfaction names a satisfaction; money for a cost: pick what fits the level */
      const IndicatorSpec *spec = &indicator_specs[strstr (l1->name, "满意") ? 7
                                                   : strstr (l1->name, "成本") ? 3
                                                   : strstr (l1->name, "效益") ? 4 + rng_below (r, 3) % 2
                                                   : rng_below (r, 3) == 0 ? 6 : rng_below (r, 3)];

      ind->target = target;
      set_str (&ind->level1, l1->name);
      set_str (&ind->level2, n_children ? l1->children[(k / n_levels) % n_children] : l1->name);
      take_str (&ind->name, k < n_levels ? g_strdup (spec->name)
                                         : g_strdup_printf ("%s（%u）", spec->name, k / n_levels + 1));
      ind->op = spec->op;
      if (spec->value)
        set_str (&ind->value, spec->value);
      else if (spec->op == BUD_OP_LE)
        take_str (&ind->value, bud_fixed2_format (MAX (money / 10000, 1)));
      else
        take_str (&ind->value, g_strdup_printf ("%u", 5 + rng_below (r, 500)));
      set_str (&ind->unit, spec->unit);
      set_str (&ind->basis, "2026年度工作计划");
      set_str (&ind->last_value, ind->op == BUD_OP_QUAL ? "" : ind->value);
      ind->weight = k + 1 == n ? sum - share * (n - 1) : share;
      set_str (&ind->scoring, "完成得满分，未完成按比例扣分");
      set_str (&ind->evidence, "项目验收资料");
      insert (g, BUD_KIND_INDICATOR, ind);
    }
}

static void
add_targets (Gen         *g,
             BudTemplate *tpl)
{
  g_autofree guint *per_project = NULL;
  guint n_levels = 0;
  BudTarget *t;

  bud_template_get_performance_levels (tpl, "project", &n_levels);
  per_project = distribute (&g->rng, g->n->indicators - DEPT_INDICATORS, g->n->projects,
                            MAX (n_levels, 1), 20);

  /* 部门整体: the whole budget, basic lines included */
  t = bud_entity_new (BUD_KIND_TARGET);
  set_str (&t->goal, "保障部门正常运转，推进教育优质均衡发展，完成年度重点工作任务。");
  t->fiscal_upper = g->by_source[BUD_SOURCE_GENERAL_TRANSFER] + g->by_source[BUD_SOURCE_FUND_TRANSFER] +
                    g->by_source[BUD_SOURCE_STATE_CAPITAL_TRANSFER];
  t->fiscal_local = 0;
  t->other = 0;
  for (int s = 0; s < BUD_N_SOURCES; s++)
    if (!bud_source_is_fiscal (s))
      t->other += g->by_source[s];
    else if (!is_transfer (s))
      t->fiscal_local += g->by_source[s];
  t = insert (g, BUD_KIND_TARGET, t);
  add_indicators (g, tpl, "department", t->id, DEPT_INDICATORS, g->total);

  for (guint p = 1; p <= g->n->projects; p++)
    {
      t = bud_entity_new (BUD_KIND_TARGET);
      t->project = p;
      t->fiscal_upper = g->proj_upper[p];
      t->fiscal_local = g->proj_local[p];
      t->other = g->proj_other[p];
      set_str (&t->goal, "按期完成项目建设任务，改善办学条件，提升教育教学质量。");
      t = insert (g, BUD_KIND_TARGET, t);
      add_indicators (g, tpl, "project", t->id, per_project[p - 1],
                      g->proj_upper[p] + g->proj_local[p] + g->proj_other[p]);
    }
}

static void
add_comparative (Gen        *g,
                 const char *measure,
                 gint64      now,
                 gboolean    no_growth)
{
  BudComparative *c;
  Rng *r = &g->rng;
  guint percent;

  if (now == 0)
    return;
  c = bud_entity_new (BUD_KIND_COMPARATIVE);
  set_str (&c->measure, measure);
  /* last year 85–115 % of this year, a tenth unchanged; 三公 never below this year */
  percent = rng_percent (r, 10) ? 100 : no_growth ? 100 + rng_below (r, 16) : 85 + rng_below (r, 31);
  c->last_year = percent == 100 ? now : now / 100 * percent;
  if (c->last_year != now)
    set_str (&c->reason, reasons[rng_below (r, G_N_ELEMENTS (reasons))]);
  insert (g, BUD_KIND_COMPARATIVE, c);
}

static void
add_comparatives (Gen *g)
{
  static const char * const sangong_keys[] = {
    "sangong.total", "sangong.abroad", "sangong.reception", "sangong.vehicle",
    "sangong.vehicle_purchase", "sangong.vehicle_operation",
  };
  const BudField *source_field = bud_entity_class_field (bud_entity_class (BUD_KIND_INCOME), "source");
  g_autoptr(GList) funcs = g_list_sort (g_hash_table_get_keys (g->general_func), (GCompareFunc) strcmp);

  for (int s = 0; s < BUD_N_SOURCES; s++)
    {
      g_autofree char *key = g_strconcat ("income.", source_field->enum_values[s], NULL);
      add_comparative (g, key, g->by_source[s], FALSE);
    }
  add_comparative (g, "expense.total", g->total, FALSE);
  add_comparative (g, "expense.basic", g->basic, FALSE);
  add_comparative (g, "expense.project", g->project, FALSE);
  add_comparative (g, "general.total", g->general, FALSE);
  add_comparative (g, "general.basic", g->general_basic, FALSE);
  add_comparative (g, "general.project", g->general_project, FALSE);
  for (GList *l = funcs; l; l = l->next)
    {
      g_autofree char *key = g_strconcat ("general.func.", (const char *) l->data, NULL);
      add_comparative (g, key, *(gint64 *) g_hash_table_lookup (g->general_func, l->data), FALSE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (sangong_keys); i++)
    add_comparative (g, sangong_keys[i], g->sangong[i], TRUE);
  add_comparative (g, "entrusted.total", g->entrusted, FALSE);
  add_comparative (g, "running.total", g->running, FALSE);
}

static void
add_texts (Gen *g)
{
  bud_document_put_text (g->doc, "glossary",
                         "一、财政拨款收入：指本级财政当年拨付的资金。\n"
                         "二、基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。\n"
                         "三、项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。", NULL);
  bud_document_put_text (g->doc, "other_matters", "无其他需说明的事项。", NULL);

  /* a complete package says what each 功能分类 类 is mainly used for (text.purpose) */
  {
    GPtrArray *lines = bud_document_items (g->doc, BUD_KIND_LINE);
    g_autoptr(GHashTable) classes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    GHashTableIter iter;
    gpointer code;

    for (guint i = 0; i < lines->len; i++)
      {
        const BudLine *l = g_ptr_array_index (lines, i);

        if (strlen (l->func) >= 3)
          g_hash_table_add (classes, g_strndup (l->func, 3));
      }
    g_hash_table_iter_init (&iter, classes);
    while (g_hash_table_iter_next (&iter, &code, NULL))
      {
        g_autofree char *key = g_strconcat ("purpose.", (const char *) code, NULL);
        bud_document_put_text (g->doc, key, "保障部门履职和各项事业发展", NULL);
      }
  }
}

const BudSynthCounts *
bud_synth_counts (BudSynthSize size)
{
  g_return_val_if_fail (size < BUD_SYNTH_N_SIZES, NULL);
  return &counts[size];
}

gboolean
bud_synth_size_from_string (const char   *name,
                            BudSynthSize *out_size)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < BUD_SYNTH_N_SIZES; i++)
    if (g_ascii_strcasecmp (name, size_names[i]) == 0)
      {
        if (out_size)
          *out_size = i;
        return TRUE;
      }
  return FALSE;
}

const char *
bud_synth_size_to_string (BudSynthSize size)
{
  g_return_val_if_fail (size < BUD_SYNTH_N_SIZES, NULL);
  return size_names[size];
}

BudDocument *
bud_synth_generate (BudSynthSize size,
                    guint32      seed)
{
  g_autoptr(BudTemplate) tpl = NULL;
  g_autoptr(GError) error = NULL;
  Gen g = { 0 };
  guint project_lines;

  g_return_val_if_fail (size < BUD_SYNTH_N_SIZES, NULL);

  tpl = bud_template_load ("xinjiang-2026", &error);
  if (tpl == NULL)
    g_error ("bud_synth_generate: %s", error->message);

  g.doc = bud_document_new ();
  g.rng.state = G_GUINT64_CONSTANT (0x6275642D73796E74) ^ seed;   /* "bud-synt" */
  g.n = &counts[size];
  g.cat = bud_catalog_get_default ();
  g.general_func = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  project_lines = g.n->lines / 100 * PROJECT_LINE_SHARE;

  /* one transaction: a loaded document has no undo steps to offer */
  bud_document_begin (g.doc, NULL);
  collect_funcs (&g);
  add_singletons (&g);
  add_units (&g);
  add_projects (&g);
  add_carryovers (&g);
  add_basic_lines (&g, g.n->lines - project_lines);
  add_project_lines (&g, project_lines);
  settle_carryovers (&g);
  add_income (&g);
  add_allocations (&g);
  add_targets (&g, tpl);
  add_comparatives (&g);
  add_texts (&g);
  if (!bud_document_commit (g.doc, &error))
    g_error ("bud_synth_generate: %s", error->message);
  bud_document_clear_history (g.doc);

  g_ptr_array_unref (g.funcs);
  g_free (g.unit_func);
  g_free (g.unit_func2);
  g_free (g.unit_type);
  g_free (g.project_unit);
  g_free (g.project_func);
  g_free (g.project_source);
  g_free (g.proj_upper);
  g_free (g.proj_local);
  g_free (g.proj_other);
  g_free (g.carry_amount);
  g_array_unref (g.carry);
  g_hash_table_unref (g.general_func);
  return g.doc;
}
