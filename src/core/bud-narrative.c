/* bud-narrative.c — the text parts of the package: builder, phrasing, overrides
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This file holds what every section shares (figures as printed, the change on
 * last year's budget, the tables), 第一部分, 第四部分 and the signature, and
 * the user's overrides. 第三部分 is in bud-narrative-part3.c (一 … 十二) and
 * bud-narrative-other.c (十三). Disclosure wording is official Chinese
 * whatever the UI language, so it is not marked for translation.
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "bud-money.h"
#include "bud-narrative-private.h"
#include "bud-pivot.h"

/* The seed's 第四部分, with the PDF's markdown emphasis removed and its ASCII
 * punctuation made full-width like the rest of the package. */
static const char default_glossary[] =
  "一、财政拨款：指由一般公共预算、政府性基金预算、国有资本经营预算安排的财政拨款数。\n"
  "二、一般公共预算：包括公共财政拨款（补助）资金、专项收入。\n"
  "三、财政专户管理资金：包括专户管理行政事业性收费（主要是教育收费）、其他非税收入。\n"
  "四、其他资金：包括事业收入、事业经营收入、其他收入等。\n"
  "五、基本支出：包括人员经费、公用经费（定额）。其中：人员经费包括工资福利支出、对个人和家庭的补助。\n"
  "六、项目支出：部门（单位）支出预算的组成部分，是各部门（单位）为完成其特定的行政任务或事业发展目标，"
  "在基本支出预算之外编制的年度项目支出计划。\n"
  "七、“三公”经费：指部门（单位）因公出国（境）费用、公务用车购置及运行维护费和公务接待费。其中：因公出国"
  "（境）费用反映单位公务出国（境）的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出；"
  "公务用车购置反映公务用车购置支出（含车辆购置税、牌照费）；公务用车运行维护费反映单位按规定保留的公务用车"
  "燃料费、新能源汽车充电费、维修费、过桥过路费、保险费、安全奖励费用等支出；公务接待费反映单位按规定开支的"
  "各类公务接待（含外宾接待）费用。\n"
  "八、机关运行经费：指行政单位（含参照公务员法管理事业单位）的公用经费，包括办公及印刷费、邮电费、差旅费、"
  "会议费、福利费、日常维修费、专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、"
  "公务用车运行维护费及其他费用。\n"
  "九、委托业务费：反映因委托外单位办理业务而支付的委托业务费。";

const char *
bud_narrative_default_glossary (void)
{
  return default_glossary;
}

void
bud_narrative_section_free (BudNarrativeSection *section)
{
  if (section == NULL)
    return;
  g_free (section->id);
  g_free (section->title);
  g_free (section->body);
  g_free (section->generated);
  g_free (section->part_title);
  g_free (section);
}

/* ---- figures as printed ---- */

const char *
bud_narrative_take (BudNarrativeBuilder *nb,
                    char                *string)
{
  g_ptr_array_add (nb->pool, string);
  return string;
}

static const char *
quote (BudNarrativeBuilder *nb,
       char                *figure)
{
  /* the fingerprint is what a reader sees: the rounded figure, not the 分 */
  g_string_append (nb->figures, figure);
  g_string_append_c (nb->figures, ' ');
  return bud_narrative_take (nb, figure);
}

const char *
bud_narrative_wan (BudNarrativeBuilder *nb,
                   gint64               fen)
{
  return quote (nb, bud_money_format (fen, BUD_MONEY_WAN, BUD_MONEY_FORMAT_DEFAULT));
}

/* 资金分配 items are round estimates ("约12万元"): whole 万元 print without decimals. */
const char *
bud_narrative_wan_about (BudNarrativeBuilder *nb,
                         gint64               fen)
{
  if (fen % 1000000 == 0)
    return quote (nb, g_strdup_printf ("%" PRId64, fen / 1000000));
  return bud_narrative_wan (nb, fen);
}

const char *
bud_narrative_percent (BudNarrativeBuilder *nb,
                       gint64               part,
                       gint64               whole)
{
  char *p = bud_percent_format (part, whole);

  return quote (nb, p ? p : g_strdup ("0.00"));
}

const char *
bud_narrative_count (BudNarrativeBuilder *nb,
                     gint64               n)
{
  return quote (nb, g_strdup_printf ("%" PRId64, n));
}

const char *
bud_narrative_fixed2 (BudNarrativeBuilder *nb,
                      gint64               hundredths)
{
  return quote (nb, bud_fixed2_format (hundredths));
}

const char *
bud_narrative_text (BudNarrativeBuilder *nb,
                    const char          *key)
{
  BudText *t = g_hash_table_lookup (nb->texts, key);

  if (t == NULL || bud_check_text_blank (t->value))
    return NULL;
  return t->value;
}

gint64
bud_narrative_measure (BudNarrativeBuilder *nb,
                       const char          *measure)
{
  gint64 v = 0;

  /* the engine's own definition, summed once for the whole narrative */
  if (!bud_check_figures_measure (&nb->fig, measure, &v))
    g_return_val_if_reached (0);
  return v;
}

/* A reason as the user typed it may end with its own punctuation; the
 * sentence supplies it. */
static char *
clean_reason (const char *reason)
{
  char *r = g_strstrip (g_strdup (reason));
  static const char * const tails[] = { "。", "；", "，", ".", ";", "," };
  gboolean again = TRUE;

  while (again)
    {
      again = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (tails); i++)
        if (g_str_has_suffix (r, tails[i]))
          {
            r[strlen (r) - strlen (tails[i])] = '\0';
            again = TRUE;
          }
    }
  return r;
}

const char *
bud_narrative_change (BudNarrativeBuilder *nb,
                      const char          *measure,
                      gint64               now)
{
  BudComparative *c = g_hash_table_lookup (nb->comparatives, measure);
  GString *s;
  gint64 last;

  if (c == NULL)
    return NULL;
  last = c->last_year;
  s = g_string_new (NULL);
  if (now == last)
    g_string_append (s, "与上年预算持平");
  else if (last == 0)
    /* nothing to grow from: "增长100%" would be false (DOMAIN, rules a reviewer checks) */
    g_string_append_printf (s, now > 0 ? "上年未安排，本年新增预算%s万元" : "上年未安排，本年预算%s万元",
                            bud_narrative_wan (nb, now));
  else if (now > last)
    {
      g_string_append_printf (s, "比上年预算增加%s万元", bud_narrative_wan (nb, now - last));
      if (last > 0)
        g_string_append_printf (s, "，增长%s%%", bud_narrative_percent (nb, now - last, last));
    }
  else
    {
      g_string_append_printf (s, "比上年预算减少%s万元", bud_narrative_wan (nb, last - now));
      if (last > 0)
        g_string_append_printf (s, "，下降%s%%", bud_narrative_percent (nb, last - now, last));
    }
  /* an unchanged figure needs no reason, but one the user gave is still said */
  if (!bud_check_text_blank (c->reason))
    {
      g_autofree char *r = clean_reason (c->reason);
      if (r[0])
        g_string_append_printf (s, "，主要原因是%s", r);
    }
  return bud_narrative_take (nb, g_string_free (s, FALSE));
}

char *
bud_narrative_chinese_number (guint n)
{
  static const char * const digits[] = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
  static const char * const units[] = { "", "十", "百", "千" };
  GString *s;
  guint d[4];
  gboolean zero = FALSE;
  int top;

  if (n >= 10000)
    return g_strdup_printf ("%u", n);
  if (n == 0)
    return g_strdup (digits[0]);
  for (int i = 0; i < 4; i++, n /= 10)
    d[i] = n % 10;
  for (top = 3; d[top] == 0; top--)
    ;
  s = g_string_new (NULL);
  for (int i = top; i >= 0; i--)
    {
      if (d[i] == 0)
        {
          zero = TRUE;
          continue;
        }
      if (zero)
        g_string_append (s, digits[0]);
      zero = FALSE;
      /* 十二, not 一十二; but 一百一十二 */
      if (!(i == 1 && d[i] == 1 && top == 1))
        g_string_append (s, digits[d[i]]);
      g_string_append (s, units[i]);
    }
  return g_string_free (s, FALSE);
}

const char *
bud_narrative_dept_year (BudNarrativeBuilder *nb)
{
  return bud_narrative_take (nb, g_strdup_printf ("%s%" PRId64 "年", nb->dept, nb->year));
}

/* ---- tables ---- */

BudTable *
bud_narrative_table (BudNarrativeBuilder *nb,
                     const char          *id)
{
  for (guint i = 0; i < nb->tables->len; i++)
    {
      BudTable *t = g_ptr_array_index (nb->tables, i);
      if (g_strcmp0 (t->id, id) == 0)
        return t;
    }
  return NULL;
}

gint64
bud_narrative_cell (BudTable   *table,
                    const char *row_key,
                    const char *column_id)
{
  gint64 v = 0;

  if (table == NULL || !bud_table_lookup (table, row_key, column_id, &v))
    return 0;
  return v;
}

gint64
bud_narrative_row_amount (BudTable    *table,
                          BudTableRow *row,
                          const char  *column_id)
{
  gint col;

  if (table == NULL || row == NULL || (col = bud_table_find_column (table, column_id)) < 0)
    return 0;
  return row->cells[col].type == BUD_CELL_MONEY ? row->cells[col].amount : 0;
}

gint64
bud_narrative_total (BudTable   *table,
                     const char *column_id)
{
  return table ? bud_narrative_row_amount (table, bud_table_total_row (table), column_id) : 0;
}

/* The name a row prints: the first text column of its block. */
const char *
bud_narrative_row_label (BudTable    *table,
                         BudTableRow *row,
                         guint        block)
{
  guint start = table->block_start[block];
  guint end = block + 1 < table->n_blocks ? table->block_start[block + 1] : table->n_columns;

  for (guint c = start; c < end; c++)
    if (table->column_kinds[c] == BUD_COLUMN_TEXT)
      return row->cells[c].text ? row->cells[c].text : "";
  return "";
}

/* ---- sections ---- */

static char *
part_title (BudNarrativeBuilder *nb,
            BudNarrativePart     part)
{
  switch (part)
    {
    case BUD_NARRATIVE_PART1:
      return g_strdup_printf ("第一部分 %" PRId64 "年部门概况", nb->year);
    case BUD_NARRATIVE_PART3:
      return g_strdup_printf ("第三部分 %" PRId64 "年部门预算情况说明", nb->year);
    case BUD_NARRATIVE_PART4:
    default:
      return g_strdup ("第四部分 名词解释");
    }
}

void
bud_narrative_begin (BudNarrativeBuilder *nb,
                     BudNarrativePart     part,
                     const char          *id,
                     int                  level,
                     const char          *title)
{
  BudNarrativeSection *s = g_new0 (BudNarrativeSection, 1);

  s->part = part;
  s->id = g_strdup (id);
  s->level = level;
  s->title = g_strdup (title);
  s->part_title = part_title (nb, part);
  g_ptr_array_add (nb->sections, s);
  g_string_truncate (nb->body, 0);
  g_string_truncate (nb->figures, 0);
}

void
bud_narrative_para (BudNarrativeBuilder *nb,
                    const char          *format,
                    ...)
{
  va_list args;

  if (nb->body->len)
    g_string_append_c (nb->body, '\n');
  va_start (args, format);
  g_string_append_vprintf (nb->body, format, args);
  va_end (args);
}

static char *
fingerprint (const char *figures)
{
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, figures, -1);

  /* 64 bits tell changed figures apart well enough, and keep the text short */
  return g_strdup_printf ("v1:%.16s", sum);
}

void
bud_narrative_end (BudNarrativeBuilder *nb)
{
  BudNarrativeSection *s = g_ptr_array_index (nb->sections, nb->sections->len - 1);
  g_autofree char *key = g_strconcat ("narrative.", s->id, NULL);
  g_autofree char *basis_key = g_strconcat (key, ".basis", NULL);
  BudText *override = g_hash_table_lookup (nb->texts, key);
  BudText *basis = g_hash_table_lookup (nb->texts, basis_key);
  char *fp = fingerprint (nb->figures->str);

  g_ptr_array_add (nb->fingerprints, fp);
  s->generated = g_strdup (nb->body->str);
  if (override != NULL)
    {
      s->body = g_strdup (override->value);
      s->overridden = TRUE;
      /* without a basis (typed into the exchange file) staleness is unknown */
      s->stale = basis != NULL && basis->value[0] && strcmp (basis->value, fp) != 0;
    }
  else
    s->body = g_strdup (s->generated);
}

/* ---- 第一部分 ---- */

static const char *
staff_change (gint64 now,
              gint64 last)
{
  if (now == last)
    return "，与上年持平";
  return now > last ? "，比上年增加" : "，比上年减少";
}


/* With no text of the department's own, 机构设置 says which units the budget
 * consolidates, from the units themselves (the text a department writes
 * usually says just this). */
static void
structure_from_units (BudNarrativeBuilder *nb)
{
  GPtrArray *units = bud_document_items (nb->doc, BUD_KIND_UNIT);
  g_autoptr(GString) names = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < units->len; i++)
    {
      BudUnit *u = g_ptr_array_index (units, i);

      if (u->primary_unit)
        continue;
      g_string_append_printf (names, "%s%u. %s（%s）", n ? "；" : "", n + 1, u->name,
                              u->type == BUD_UNIT_ADMIN ? "行政单位"
                              : u->type == BUD_UNIT_CIVIL_SERVANT ? "参照公务员法管理事业单位"
                              : "事业单位");
      n++;
    }
  if (n == 0)
    bud_narrative_para (nb, "%s无下属预算单位。", nb->dept);
  else
    {
      bud_narrative_para (nb, "%s部门预算由本级预算和%u个下属单位预算组成。", nb->dept, n);
      bud_narrative_para (nb, "纳入%" PRId64 "年部门预算编制范围的下属单位包括：%s。", nb->year, names->str);
    }
}

static void
build_part1 (BudNarrativeBuilder *nb)
{
  BudProfile *p = bud_document_profile (nb->doc);
  gint64 real = p->staff_active + p->staff_retired + p->staff_veteran;
  gint64 real_last = p->staff_active_last + p->staff_retired_last + p->staff_veteran_last;
  gboolean have_last = p->staff_authorized_last || real_last;

  bud_narrative_begin (nb, BUD_NARRATIVE_PART1, "1.1", 1, "一、主要职能");
  if (p->functions[0])
    bud_narrative_para (nb, "%s", p->functions);
  bud_narrative_end (nb);

  bud_narrative_begin (nb, BUD_NARRATIVE_PART1, "1.2", 1, "二、机构设置");
  if (p->structure[0])
    bud_narrative_para (nb, "%s", p->structure);
  else
    structure_from_units (nb);
  if (p->staff_authorized || real)
    {
      GString *s = g_string_new ("人员情况：");

      g_string_append_printf (s, "编制数%s人", bud_narrative_count (nb, p->staff_authorized));
      if (have_last)
        {
          g_string_append (s, staff_change (p->staff_authorized, p->staff_authorized_last));
          if (p->staff_authorized != p->staff_authorized_last)
            g_string_append_printf (s, "%s人", bud_narrative_count (nb, ABS (p->staff_authorized - p->staff_authorized_last)));
        }
      g_string_append_printf (s, "；实有人数%s人", bud_narrative_count (nb, real));
      if (have_last)
        {
          g_string_append (s, staff_change (real, real_last));
          if (real != real_last)
            g_string_append_printf (s, "%s人", bud_narrative_count (nb, ABS (real - real_last)));
        }
      g_string_append_printf (s, "，其中：在职%s人，退休%s人，离休%s人。",
                              bud_narrative_count (nb, p->staff_active),
                              bud_narrative_count (nb, p->staff_retired),
                              bud_narrative_count (nb, p->staff_veteran));
      bud_narrative_para (nb, "%s", s->str);
      g_string_free (s, TRUE);
    }
  bud_narrative_end (nb);
}

/* ---- 第四部分 and the signature ---- */

static void
build_part4 (BudNarrativeBuilder *nb)
{
  BudMeta *m = bud_document_meta (nb->doc);
  const char *glossary = bud_narrative_text (nb, "glossary");
  int y, mo, d;

  bud_narrative_begin (nb, BUD_NARRATIVE_PART4, "4", 1, "第四部分 名词解释");
  bud_narrative_para (nb, "%s", glossary ? glossary : default_glossary);
  bud_narrative_end (nb);

  bud_narrative_begin (nb, BUD_NARRATIVE_PART4, "signature", 1, "");
  bud_narrative_para (nb, "%s", nb->dept);
  if (sscanf (m->date, "%4d-%2d-%2d", &y, &mo, &d) == 3)
    bud_narrative_para (nb, "%d年%d月%d日", y, mo, d);
  bud_narrative_end (nb);
}

/* ---- the whole ---- */

static void
builder_clear (BudNarrativeBuilder *nb)
{
  g_clear_pointer (&nb->tables, g_ptr_array_unref);
  bud_check_figures_clear (&nb->fig);
  g_clear_pointer (&nb->comparatives, g_hash_table_unref);
  g_clear_pointer (&nb->texts, g_hash_table_unref);
  g_clear_pointer (&nb->sections, g_ptr_array_unref);
  g_clear_pointer (&nb->fingerprints, g_ptr_array_unref);
  g_clear_pointer (&nb->pool, g_ptr_array_unref);
  if (nb->body)
    g_string_free (nb->body, TRUE);
  if (nb->figures)
    g_string_free (nb->figures, TRUE);
  g_clear_pointer (&nb->tpl, bud_template_unref);
}

static gboolean
primary_is_admin (BudDocument *doc)
{
  GPtrArray *units = bud_document_items (doc, BUD_KIND_UNIT);
  BudUnit *primary = NULL;

  for (guint i = 0; i < units->len && primary == NULL; i++)
    if (((BudUnit *) g_ptr_array_index (units, i))->primary_unit)
      primary = g_ptr_array_index (units, i);
  if (primary == NULL && units->len)
    primary = g_ptr_array_index (units, 0);
  return primary != NULL &&
         (primary->type == BUD_UNIT_ADMIN || primary->type == BUD_UNIT_CIVIL_SERVANT);
}

/* The tables the narrative quotes, by template id; 表2 (收入 by 功能分类) is not among them. */
static const char * const quoted_tables[] = {
  "summary", "expense", "fiscal", "general", "general_basic", "general_project",
  "fund", "state_capital", "sangong", "entrusted", "carryover",
};

static GPtrArray *
build_tables (BudTemplate  *tpl,
              BudDocument  *doc,
              GError      **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify) bud_table_unref);

  for (guint i = 0; i < bud_template_get_n_tables (tpl); i++)
    {
      const BudTableSpec *spec = bud_template_get_table (tpl, i);
      BudTable *t;

      if (!g_strv_contains (quoted_tables, spec->id))
        continue;
      if ((t = bud_pivot_build (tpl, i, doc, NULL, error)) == NULL)
        return NULL;
      g_ptr_array_add (tables, t);
    }
  return g_steal_pointer (&tables);
}

static gboolean
builder_run (BudNarrativeBuilder  *nb,
             BudDocument          *doc,
             BudTemplate          *tpl,
             GPtrArray            *tables,
             GError              **error)
{
  BudMeta *meta = bud_document_meta (doc);
  GPtrArray *comparatives = bud_document_items (doc, BUD_KIND_COMPARATIVE);
  GPtrArray *texts = bud_document_items (doc, BUD_KIND_TEXT);

  memset (nb, 0, sizeof *nb);
  nb->doc = doc;
  if (tpl != NULL)
    nb->tpl = bud_template_ref (tpl);
  else if ((nb->tpl = bud_template_load (meta->template_id, error)) == NULL)
    return FALSE;
  nb->dept = meta->department;
  nb->year = meta->year;
  nb->admin = primary_is_admin (doc);
  nb->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) bud_narrative_section_free);
  nb->fingerprints = g_ptr_array_new_with_free_func (g_free);
  nb->pool = g_ptr_array_new_with_free_func (g_free);
  nb->body = g_string_new (NULL);
  nb->figures = g_string_new (NULL);
  /* the figures of the checks: one pass over the lines for every measure */
  bud_check_figures_init (&nb->fig, doc, NULL);

  nb->comparatives = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < comparatives->len; i++)
    {
      BudComparative *c = g_ptr_array_index (comparatives, i);
      g_hash_table_insert (nb->comparatives, c->measure, c);
    }
  nb->texts = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < texts->len; i++)
    {
      BudText *t = g_ptr_array_index (texts, i);
      g_hash_table_insert (nb->texts, t->key, t);
    }

  if (tables != NULL)
    nb->tables = g_ptr_array_ref (tables);
  else if ((nb->tables = build_tables (nb->tpl, doc, error)) == NULL)
    return FALSE;

  build_part1 (nb);
  bud_narrative_build_part3 (nb);
  bud_narrative_build_other (nb);
  build_part4 (nb);
  return TRUE;
}

GPtrArray *
bud_narrative_build (BudDocument  *doc,
                     BudTemplate  *tpl,
                     GError      **error)
{
  BudNarrativeBuilder nb;
  GPtrArray *sections = NULL;

  g_return_val_if_fail (BUD_IS_DOCUMENT (doc), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (builder_run (&nb, doc, tpl, NULL, error))
    sections = g_steal_pointer (&nb.sections);
  builder_clear (&nb);
  return sections;
}

GPtrArray *
bud_narrative_build_with_tables (BudDocument  *doc,
                                 BudTemplate  *tpl,
                                 GPtrArray    *tables,
                                 GError      **error)
{
  BudNarrativeBuilder nb;
  GPtrArray *sections = NULL;

  g_return_val_if_fail (BUD_IS_DOCUMENT (doc), NULL);
  g_return_val_if_fail (tpl != NULL && tables != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (builder_run (&nb, doc, tpl, tables, error))
    sections = g_steal_pointer (&nb.sections);
  builder_clear (&nb);
  return sections;
}

char *
bud_narrative_to_text (GPtrArray *sections)
{
  GString *out = g_string_new (NULL);
  const char *part = NULL;

  g_return_val_if_fail (sections != NULL, NULL);

  for (guint i = 0; i < sections->len; i++)
    {
      BudNarrativeSection *s = g_ptr_array_index (sections, i);

      if (out->len)
        g_string_append_c (out, '\n');
      if (g_strcmp0 (part, s->part_title) != 0)
        {
          part = s->part_title;
          /* 第四部分's only section carries the part's heading as its title */
          if (part && part[0] && g_strcmp0 (part, s->title) != 0)
            g_string_append_printf (out, "%s\n\n", part);
        }
      if (s->title[0])
        g_string_append_printf (out, "%s\n", s->title);
      if (s->body[0])
        g_string_append_printf (out, "%s\n", s->body);
    }
  return g_string_free (out, FALSE);
}

/* ---- overrides ---- */

static BudText *
find_text (BudDocument *doc,
           const char  *key)
{
  GPtrArray *texts = bud_document_items (doc, BUD_KIND_TEXT);

  for (guint i = 0; i < texts->len; i++)
    {
      BudText *t = g_ptr_array_index (texts, i);
      if (strcmp (t->key, key) == 0)
        return t;
    }
  return NULL;
}

gboolean
bud_narrative_override (BudDocument  *doc,
                        BudTemplate  *tpl,
                        const char   *id,
                        const char   *text,
                        GError      **error)
{
  BudNarrativeBuilder nb;
  g_autofree char *key = NULL;
  g_autofree char *basis_key = NULL;
  g_autofree char *fp = NULL;
  gboolean ok;

  g_return_val_if_fail (BUD_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (id != NULL && text != NULL, FALSE);

  ok = builder_run (&nb, doc, tpl, NULL, error);
  for (guint i = 0; ok && i < nb.sections->len && fp == NULL; i++)
    if (strcmp (((BudNarrativeSection *) g_ptr_array_index (nb.sections, i))->id, id) == 0)
      fp = g_strdup (g_ptr_array_index (nb.fingerprints, i));
  builder_clear (&nb);
  if (!ok)
    return FALSE;
  if (fp == NULL)
    {
      g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_NOT_FOUND,
                   _("There is no narrative section “%s” to replace"), id);
      return FALSE;
    }

  key = g_strconcat ("narrative.", id, NULL);
  basis_key = g_strconcat (key, ".basis", NULL);
  if (!bud_document_begin (doc, error))
    return FALSE;
  if (!bud_document_put_text (doc, key, text, error) ||
      !bud_document_put_text (doc, basis_key, fp, error))
    {
      bud_document_rollback (doc);
      return FALSE;
    }
  return bud_document_commit (doc, error);
}

gboolean
bud_narrative_revert (BudDocument  *doc,
                      const char   *id,
                      GError      **error)
{
  g_autofree char *key = NULL;
  g_autofree char *basis_key = NULL;
  BudText *t;

  g_return_val_if_fail (BUD_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  key = g_strconcat ("narrative.", id, NULL);
  basis_key = g_strconcat (key, ".basis", NULL);
  if (!bud_document_begin (doc, error))
    return FALSE;
  if (((t = find_text (doc, key)) && !bud_document_remove (doc, BUD_KIND_TEXT, t->id, error)) ||
      ((t = find_text (doc, basis_key)) && !bud_document_remove (doc, BUD_KIND_TEXT, t->id, error)))
    {
      bud_document_rollback (doc);
      return FALSE;
    }
  return bud_document_commit (doc, error);
}
