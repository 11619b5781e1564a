/* bud-check.c — the check engine: rule list, shared figures, findings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules themselves live in bud-rules-*.c, grouped by the part of the
 * document they look at. This file sums the lines once, runs the groups and
 * sorts what they found.
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <string.h>

#include "bud-check-private.h"
#include "bud-money.h"

/* The order of this table is the order of the rule list the UI shows; ids
 * are stable (the UI and reviewers' notes refer to them), so never rename. */
static const BudRuleInfo rules[] = {
  { "balance.source", BUD_SEVERITY_ERROR,
    N_("Each source’s approved amount equals the lines that spend it") },
  { "lines.code-level", BUD_SEVERITY_ERROR,
    N_("Functional codes are 7-digit items, economic codes 5-digit sections") },
  { "lines.code-unknown", BUD_SEVERITY_WARNING,
    N_("Codes are in the catalog or among the document’s own codes") },
  { "lines.code-pair", BUD_SEVERITY_WARNING,
    N_("Social insurance and housing fund lines sit on their usual functional items") },
  { "lines.project-link", BUD_SEVERITY_ERROR,
    N_("Project lines belong to a project, basic lines to none") },
  { "lines.zero", BUD_SEVERITY_INFO,
    N_("Lines with a zero amount") },
  { "carryover.balance", BUD_SEVERITY_ERROR,
    N_("Carry-over items equal the lines that spend them, and carry-over lines name their item") },
  { "carryover.source", BUD_SEVERITY_ERROR,
    N_("Carry-over items have a carry-over source") },
  { "projects.target", BUD_SEVERITY_ERROR,
    N_("Every project has a performance target table") },
  { "projects.target-money", BUD_SEVERITY_ERROR,
    N_("A project’s target table shows the project’s money, fiscal and other") },
  { "projects.no-lines", BUD_SEVERITY_WARNING,
    N_("Projects have money") },
  { "perf.department", BUD_SEVERITY_ERROR,
    N_("A department-wide target table covers the whole budget") },
  { "perf.weights", BUD_SEVERITY_ERROR,
    N_("Indicator weights of each target table add up to the template’s total") },
  { "perf.value", BUD_SEVERITY_ERROR,
    N_("Indicator values are well formed: a number and a unit, or a text") },
  { "perf.levels", BUD_SEVERITY_WARNING,
    N_("Project target tables have every required level-1 category") },
  { "perf.empty", BUD_SEVERITY_ERROR,
    N_("Target tables have indicators") },
  { "procurement.sum", BUD_SEVERITY_ERROR,
    N_("Procurement total equals goods + works + services") },
  { "procurement.reserved", BUD_SEVERITY_ERROR,
    N_("Amounts reserved for small enterprises stay within the total") },
  { "sangong.growth", BUD_SEVERITY_WARNING,
    N_("“Three public” expenses do not grow on last year") },
  { "comparison.reason", BUD_SEVERITY_ERROR,
    N_("Every change on last year’s budget has a main reason") },
  { "comparison.unknown-measure", BUD_SEVERITY_WARNING,
    N_("Comparatives name a known measure") },
  { "comparison.missing", BUD_SEVERITY_INFO,
    N_("Last year’s figure is given for each figure the narrative compares") },
  { "narrative.stale", BUD_SEVERITY_WARNING,
    N_("Sections of the narrative the user rewrote still match the figures they quote") },
  { "text.placeholder", BUD_SEVERITY_ERROR,
    N_("No placeholder text (XX, ××, 待填写…)") },
  { "text.purpose", BUD_SEVERITY_WARNING,
    N_("Each functional class with fiscal money says what it is mainly used for") },
  { "meta.year", BUD_SEVERITY_WARNING,
    N_("Fiscal year and signature date are consistent") },
  { "meta.department", BUD_SEVERITY_ERROR,
    N_("The department name is set") },
  { "staffing", BUD_SEVERITY_WARNING,
    N_("Staff figures are complete") },
};

const char * const bud_check_level1_2021[] = {
  "产出指标", "成本指标", "效益指标", "满意度指标", NULL
};

static const char * const source_labels[BUD_N_SOURCES] = {
  [BUD_SOURCE_GENERAL] = N_("General public budget"),
  [BUD_SOURCE_GENERAL_TRANSFER] = N_("General public budget transfers from higher levels"),
  [BUD_SOURCE_FUND] = N_("Government fund budget"),
  [BUD_SOURCE_FUND_TRANSFER] = N_("Government fund transfers from higher levels"),
  [BUD_SOURCE_STATE_CAPITAL] = N_("State capital operations budget"),
  [BUD_SOURCE_STATE_CAPITAL_TRANSFER] = N_("State capital operations transfers from higher levels"),
  [BUD_SOURCE_SPECIAL_ACCOUNT] = N_("Fiscal special account"),
  [BUD_SOURCE_UNIT_BUSINESS] = N_("Institution business income"),
  [BUD_SOURCE_UNIT_SUPERIOR] = N_("Subsidies from higher-level units"),
  [BUD_SOURCE_UNIT_AFFILIATED] = N_("Payments from affiliated units"),
  [BUD_SOURCE_UNIT_OPERATING] = N_("Institution operating income"),
  [BUD_SOURCE_UNIT_OTHER] = N_("Other income"),
  [BUD_SOURCE_CARRY_GENERAL] = N_("Carry-over of general public budget grants"),
  [BUD_SOURCE_CARRY_FUND] = N_("Carry-over of government fund grants"),
  [BUD_SOURCE_CARRY_STATE_CAPITAL] = N_("Carry-over of state capital operations grants"),
  [BUD_SOURCE_CARRY_SPECIAL_ACCOUNT] = N_("Carry-over of fiscal special account funds"),
  [BUD_SOURCE_CARRY_UNIT] = N_("Carry-over of unit funds"),
};

const char *
bud_source_label (BudSource source)
{
  g_return_val_if_fail (source < BUD_N_SOURCES, "");
  return _(source_labels[source]);
}

/* 财政拨款 = the three budget grants, their transfers and their 结转 (DOMAIN). */
gboolean
bud_source_is_fiscal (BudSource source)
{
  switch (source)
    {
    case BUD_SOURCE_GENERAL:
    case BUD_SOURCE_GENERAL_TRANSFER:
    case BUD_SOURCE_FUND:
    case BUD_SOURCE_FUND_TRANSFER:
    case BUD_SOURCE_STATE_CAPITAL:
    case BUD_SOURCE_STATE_CAPITAL_TRANSFER:
    case BUD_SOURCE_CARRY_GENERAL:
    case BUD_SOURCE_CARRY_FUND:
    case BUD_SOURCE_CARRY_STATE_CAPITAL:
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
bud_source_is_carry (BudSource source)
{
  return source >= BUD_SOURCE_CARRY_GENERAL && source < BUD_N_SOURCES;
}

const BudRuleInfo *
bud_check_rules (guint *n)
{
  if (n)
    *n = G_N_ELEMENTS (rules);
  return rules;
}

const BudRuleInfo *
bud_check_rule_lookup (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (g_strcmp0 (rules[i].id, id) == 0)
      return &rules[i];
  return NULL;
}

const char *
bud_severity_to_string (BudSeverity severity)
{
  switch (severity)
    {
    case BUD_SEVERITY_ERROR:
      return "error";
    case BUD_SEVERITY_WARNING:
      return "warning";
    case BUD_SEVERITY_INFO:
    default:
      return "info";
    }
}

const char *
bud_severity_label (BudSeverity severity)
{
  switch (severity)
    {
    case BUD_SEVERITY_ERROR:
      return _("Error");
    case BUD_SEVERITY_WARNING:
      return _("Warning");
    case BUD_SEVERITY_INFO:
    default:
      return _("Note");
    }
}

guint
bud_check_count (GPtrArray   *findings,
                 BudSeverity  severity)
{
  guint n = 0;

  for (guint i = 0; findings && i < findings->len; i++)
    if (((BudFinding *) g_ptr_array_index (findings, i))->severity == severity)
      n++;
  return n;
}

void
bud_finding_free (BudFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->message);
  g_free (finding);
}

/* ---- figures ---- */

GHashTable *
bud_check_index_items (GPtrArray *items)
{
  /* keys point at each entity's own id (the first member), so no copies */
  GHashTable *index = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < items->len; i++)
    g_hash_table_insert (index, g_ptr_array_index (items, i), GUINT_TO_POINTER (i + 1));
  return index;
}

static void
sum_add (BudCheckSum *s,
         gint64       amount,
         gboolean     fiscal,
         guint        count)
{
  s->total += amount;
  if (fiscal)
    s->fiscal += amount;
  s->n_lines += count;
}

static gboolean
is_general (int source)
{
  return source == BUD_SOURCE_GENERAL || source == BUD_SOURCE_GENERAL_TRANSFER;
}

/* Codes are at most 7 digits: scheme, length and value fit one integer key,
 * so a line's codes are found without hashing or comparing strings. */
guint
bud_check_code_key (BudScheme   scheme,
                    const char *code)
{
  guint value = 0, n;

  for (n = 0; code[n]; n++)
    {
      if (n >= 7 || !g_ascii_isdigit (code[n]))
        return 0;
      value = value * 10 + (guint) (code[n] - '0');
    }
  return n ? ((guint) scheme << 28) | (n << 24) | value : 0;
}

/* The one list of the 经济 款 each 三公 item is made of: the checks, the
 * measures and the derived page (bud-derived.c) all read it. */
static const char * const sangong_abroad[] = { "30212", NULL };
static const char * const sangong_reception[] = { "30217", NULL };
static const char * const sangong_purchase[] = { "31013", "30913", NULL };
static const char * const sangong_operation[] = { "30231", NULL };

const char * const *
bud_check_sangong_codes (BudSangong item)
{
  switch (item)
    {
    case BUD_SANGONG_ABROAD:
      return sangong_abroad;
    case BUD_SANGONG_RECEPTION:
      return sangong_reception;
    case BUD_SANGONG_VEHICLE_PURCHASE:
      return sangong_purchase;
    case BUD_SANGONG_VEHICLE_OPERATION:
      return sangong_operation;
    default:
      return NULL;   /* a sum of the others */
    }
}

static int
sangong_of (const char *econ)
{
  static const BudSangong leaves[] = {
    BUD_SANGONG_ABROAD, BUD_SANGONG_RECEPTION, BUD_SANGONG_VEHICLE_PURCHASE, BUD_SANGONG_VEHICLE_OPERATION
  };

  for (guint i = 0; i < G_N_ELEMENTS (leaves); i++)
    if (g_strv_contains (bud_check_sangong_codes (leaves[i]), econ))
      return leaves[i];
  return -1;
}

typedef struct {
  BudCatalog *catalog;
  GHashTable *custom[2];   /* code → code, per scheme */
} CodeSource;

static BudCheckCode *
code_info (BudCheckFigures *fig,
           CodeSource      *src,
           BudScheme        scheme,
           const char      *code,
           const BudLine   *line,
           guint            position)
{
  guint key = bud_check_code_key (scheme, code);
  guint slot = (key * 2654435761u) >> 22;   /* Fibonacci hashing into 1024 slots */
  BudCheckCode *c;

  if (key == 0)
    return NULL;
  c = fig->code_cache[slot];
  if (c == NULL || c->key != key)
    c = g_hash_table_lookup (fig->code_index, GUINT_TO_POINTER (key));
  if (c != NULL)
    {
      fig->code_cache[slot] = c;
      c->n_lines++;
      return c;
    }

  c = g_new0 (BudCheckCode, 1);
  c->key = key;
  fig->code_cache[slot] = c;
  c->code = code;
  c->scheme = scheme;
  c->first_line = line->id;
  c->first_position = position;
  c->n_lines = 1;
  c->sangong = -1;
  if (scheme == BUD_SCHEME_FUNCTIONAL)
    {
      c->level_ok = strlen (code) == 7;
      if (c->level_ok)
        c->pair = bud_check_pair_of_func (code);
    }
  else
    {
      c->level_ok = strlen (code) == 5;
      if (c->level_ok)
        {
          bud_check_pair_of_econ (code, &c->pair, &c->pair2);
          c->sangong = sangong_of (code);
          c->personnel = g_str_has_prefix (code, "301") || g_str_has_prefix (code, "303");
          c->entrusted = strcmp (code, BUD_CHECK_ENTRUSTED_CODE) == 0;
        }
    }
  c->known = src->catalog == NULL || !c->level_ok ||
             g_hash_table_contains (src->custom[scheme], code) ||
             bud_catalog_lookup (src->catalog, scheme, code) != NULL;
  g_hash_table_insert (fig->code_index, GUINT_TO_POINTER (key), c);
  g_ptr_array_add (fig->codes, c);
  return c;
}

/* Adds @amount of line @l (at @position, its codes resolved) to every sum
 * the line counts in. @count is 1 when the line itself is being counted,
 * 0 when only its amount changed (then @amount is the difference). */
static void
add_line (BudCheckFigures *fig,
          const BudLine   *l,
          guint            position,
          gint64           amount,
          guint            count)
{
  BudCheckCode *func = fig->line_func[position];
  BudCheckCode *econ = fig->line_econ[position];
  gboolean fiscal;

  if (l->source < 0 || l->source >= BUD_N_SOURCES)
    return;
  fiscal = bud_source_is_fiscal (l->source);
  fig->by_source[l->source] += amount;
  fig->lines_of_source[l->source] += count;
  sum_add (&fig->all, amount, fiscal, count);
  sum_add (l->kind == BUD_SPEND_PROJECT ? &fig->project : &fig->basic, amount, fiscal, count);

  if (is_general (l->source))
    {
      fig->general_total += amount;
      if (l->kind == BUD_SPEND_PROJECT)
        fig->general_project += amount;
      else
        fig->general_basic += amount;
      if (func != NULL)
        {
          func->general += amount;
          func->has_general = TRUE;
        }
    }

  if (fiscal && econ != NULL)
    {
      /* 表10 and 表11 count this year's grants only (their columns are the
       * three budgets, no 结转), and the narrative quotes them */
      gboolean granted = !bud_source_is_carry (l->source);

      if (granted && econ->sangong >= 0)
        {
          fig->sangong[econ->sangong] += amount;
          if (econ->sangong == BUD_SANGONG_VEHICLE_PURCHASE ||
              econ->sangong == BUD_SANGONG_VEHICLE_OPERATION)
            fig->sangong[BUD_SANGONG_VEHICLE] += amount;
          fig->sangong[BUD_SANGONG_TOTAL] += amount;
        }
      if (granted && econ->entrusted)
        fig->entrusted += amount;
      /* 公用经费 = 基本支出 other than 人员经费 (301 工资福利, 303 对个人和家庭的补助) */
      if (l->kind == BUD_SPEND_BASIC && !econ->personnel)
        fig->running += amount;
    }

  if (l->project != 0)
    {
      BudCheckSum *s = bud_check_project_sum (fig, l->project);
      if (s)
        sum_add (s, amount, fiscal, count);
    }
  if (l->carryover != 0)
    {
      BudCheckSum *s = bud_check_carryover_sum (fig, l->carryover);
      if (s)
        sum_add (s, amount, fiscal, count);
    }
}

void
bud_check_figures_init (BudCheckFigures *fig,
                        BudDocument     *doc,
                        BudCatalog      *catalog)
{
  GPtrArray *projects = bud_document_items (doc, BUD_KIND_PROJECT);
  GPtrArray *carryovers = bud_document_items (doc, BUD_KIND_CARRYOVER);
  GPtrArray *income = bud_document_items (doc, BUD_KIND_INCOME);
  GPtrArray *lines = bud_document_items (doc, BUD_KIND_LINE);
  GPtrArray *customs = bud_document_items (doc, BUD_KIND_CUSTOM_CODE);
  CodeSource src = { catalog, { NULL, NULL } };

  memset (fig, 0, sizeof *fig);
  fig->project_index = bud_check_index_items (projects);
  fig->projects = g_new0 (BudCheckSum, projects->len + 1);
  fig->carry_index = bud_check_index_items (carryovers);
  fig->carryovers = g_new0 (BudCheckSum, carryovers->len + 1);
  fig->code_index = g_hash_table_new (g_direct_hash, g_direct_equal);
  fig->codes = g_ptr_array_new_with_free_func (g_free);
  fig->line_func = g_new0 (BudCheckCode *, lines->len + 1);
  fig->line_econ = g_new0 (BudCheckCode *, lines->len + 1);
  fig->line_amount = g_new0 (gint64, lines->len + 1);

  src.custom[0] = g_hash_table_new (g_str_hash, g_str_equal);
  src.custom[1] = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < customs->len; i++)
    {
      BudCustomCode *c = g_ptr_array_index (customs, i);
      if (c->scheme == BUD_SCHEME_FUNCTIONAL || c->scheme == BUD_SCHEME_ECONOMIC)
        g_hash_table_add (src.custom[c->scheme], c->code);
    }

  for (guint i = 0; i < income->len; i++)
    {
      BudIncome *in = g_ptr_array_index (income, i);

      if (in->source >= 0 && in->source < BUD_N_SOURCES)
        fig->income_by_source[in->source] += in->amount;
      fig->income_total += in->amount;
    }

  for (guint i = 0; i < lines->len; i++)
    {
      BudLine *l = g_ptr_array_index (lines, i);

      fig->line_func[i] = code_info (fig, &src, BUD_SCHEME_FUNCTIONAL, l->func, l, i);
      fig->line_econ[i] = code_info (fig, &src, BUD_SCHEME_ECONOMIC, l->econ, l, i);
      fig->line_amount[i] = l->amount;
      add_line (fig, l, i, l->amount, 1);
    }

  g_hash_table_unref (src.custom[0]);
  g_hash_table_unref (src.custom[1]);
}

void
bud_check_figures_clear (BudCheckFigures *fig)
{
  g_clear_pointer (&fig->project_index, g_hash_table_unref);
  g_clear_pointer (&fig->carry_index, g_hash_table_unref);
  g_clear_pointer (&fig->code_index, g_hash_table_unref);
  g_clear_pointer (&fig->codes, g_ptr_array_unref);
  g_clear_pointer (&fig->line_func, g_free);
  g_clear_pointer (&fig->line_econ, g_free);
  g_clear_pointer (&fig->line_amount, g_free);
  g_clear_pointer (&fig->projects, g_free);
  g_clear_pointer (&fig->carryovers, g_free);
}

gboolean
bud_check_figures_update_amount (BudCheckFigures *fig,
                                 GPtrArray       *lines,
                                 const BudLine   *line,
                                 guint           *hint)
{
  gint position = bud_check_cache_position (lines, line, hint);

  if (position < 0)
    return FALSE;
  add_line (fig, line, (guint) position, line->amount - fig->line_amount[position], 0);
  fig->line_amount[position] = line->amount;
  return TRUE;
}

BudCheckSum *
bud_check_project_sum (BudCheckFigures *fig,
                       gint64           project)
{
  guint idx = GPOINTER_TO_UINT (g_hash_table_lookup (fig->project_index, &project));
  return idx ? &fig->projects[idx - 1] : NULL;
}

BudCheckSum *
bud_check_carryover_sum (BudCheckFigures *fig,
                         gint64           carryover)
{
  guint idx = GPOINTER_TO_UINT (g_hash_table_lookup (fig->carry_index, &carryover));
  return idx ? &fig->carryovers[idx - 1] : NULL;
}

static gboolean
is_item_code (const char *s)
{
  for (guint i = 0; i < 7; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return s[7] == '\0';
}

gboolean
bud_check_figures_measure (BudCheckFigures *fig,
                           const char      *measure,
                           gint64          *out)
{
  static const char * const sangong_keys[BUD_SANGONG_N] = {
    "total", "abroad", "reception", "vehicle", "vehicle_purchase", "vehicle_operation"
  };
  const char *rest;

  if (g_str_has_prefix (measure, "income."))
    {
      const BudField *f = bud_entity_class_field (bud_entity_class (BUD_KIND_INCOME), "source");
      int source;

      rest = measure + strlen ("income.");
      if (strcmp (rest, "total") == 0)
        {
          *out = fig->income_total;
          return TRUE;
        }
      source = bud_field_enum_lookup (f, rest);
      if (source < 0)
        return FALSE;
      *out = fig->income_by_source[source];
      return TRUE;
    }
  if (g_str_has_prefix (measure, "expense."))
    {
      rest = measure + strlen ("expense.");
      if (strcmp (rest, "total") == 0)
        *out = fig->all.total;
      else if (strcmp (rest, "basic") == 0)
        *out = fig->basic.total;
      else if (strcmp (rest, "project") == 0)
        *out = fig->project.total;
      else
        return FALSE;
      return TRUE;
    }
  if (g_str_has_prefix (measure, "general.func."))
    {
      BudCheckCode *c;

      rest = measure + strlen ("general.func.");
      if (!is_item_code (rest))
        return FALSE;
      c = g_hash_table_lookup (fig->code_index, GUINT_TO_POINTER (bud_check_code_key (BUD_SCHEME_FUNCTIONAL, rest)));
      *out = c ? c->general : 0;
      return TRUE;
    }
  if (g_str_has_prefix (measure, "general."))
    {
      rest = measure + strlen ("general.");
      if (strcmp (rest, "total") == 0)
        *out = fig->general_total;
      else if (strcmp (rest, "basic") == 0)
        *out = fig->general_basic;
      else if (strcmp (rest, "project") == 0)
        *out = fig->general_project;
      else
        return FALSE;
      return TRUE;
    }
  if (g_str_has_prefix (measure, "sangong."))
    {
      rest = measure + strlen ("sangong.");
      for (guint i = 0; i < BUD_SANGONG_N; i++)
        if (strcmp (rest, sangong_keys[i]) == 0)
          {
            *out = fig->sangong[i];
            return TRUE;
          }
      return FALSE;
    }
  if (strcmp (measure, "entrusted.total") == 0)
    {
      *out = fig->entrusted;
      return TRUE;
    }
  if (strcmp (measure, "running.total") == 0)
    {
      *out = fig->running;
      return TRUE;
    }
  return FALSE;
}

gboolean
bud_check_measure_value (BudDocument *doc,
                         const char  *measure,
                         gint64      *out_value)
{
  BudCheckCache *cache;
  gint64 value = 0;
  gboolean ok;

  g_return_val_if_fail (BUD_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (measure != NULL, FALSE);

  /* the pages ask for one measure per row: the kept sums serve them all.
   * No measure depends on the catalog, so whichever the sums were made with will do */
  cache = bud_check_cache_get (doc);
  ok = bud_check_figures_measure (bud_check_cache_figures (cache, cache->fig_valid ? cache->fig_catalog : NULL),
                                  measure, &value);
  if (out_value)
    *out_value = ok ? value : 0;
  return ok;
}

/* ---- emission and message helpers ---- */

void
bud_check_emit (BudCheckRun *run,
                const char  *rule,
                BudKind      kind,
                gint64       id,
                gint         position,
                const char  *field,
                const char  *format,
                ...)
{
  const BudRuleInfo *info = bud_check_rule_lookup (rule);
  BudFinding *f;
  va_list args;

  g_return_if_fail (info != NULL);

  f = g_new0 (BudFinding, 1);
  f->rule = info->id;
  f->severity = info->severity;
  f->kind = kind;
  f->id = id;
  f->field = field;
  if (position == -2)
    position = (kind < BUD_N_KINDS && id != 0) ? bud_document_position (run->doc, kind, id) : -1;
  f->position = position;
  f->order = run->seq++;
  va_start (args, format);
  f->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (run->findings, f);
}

const char *
bud_check_take (BudCheckRun *run,
                char        *string)
{
  g_ptr_array_add (run->strings, string);
  return string;
}

const char *
bud_check_wan (BudCheckRun *run,
               gint64       fen)
{
  g_autofree char *n = NULL;

  /* below 50 元 the figure would read 0.00 万元: say what it is */
  if (fen != 0 && fen > -5000 && fen < 5000)
    return bud_check_diff (run, fen);
  n = bud_money_format (fen, BUD_MONEY_WAN, BUD_MONEY_FORMAT_DEFAULT);
  return bud_check_take (run, g_strdup_printf ("%s 万元", n));
}

const char *
bud_check_diff (BudCheckRun *run,
                gint64       fen)
{
  g_autofree char *w = bud_money_format (fen, BUD_MONEY_WAN, BUD_MONEY_FORMAT_DEFAULT);
  g_autofree char *y = NULL;

  /* 1 万元 with 2 decimals = 100 元 = 10000 分 */
  if (fen % 10000 == 0)
    return bud_check_take (run, g_strdup_printf ("%s 万元", w));
  y = bud_money_format (fen, BUD_MONEY_YUAN, BUD_MONEY_FORMAT_GROUPING);
  return bud_check_take (run, g_strdup_printf ("%s 万元 (%s 元)", w, y));
}

const char *
bud_check_fixed2 (BudCheckRun *run,
                  gint64       hundredths)
{
  return bud_check_take (run, bud_fixed2_format (hundredths));
}

const char *
bud_check_project_name (BudCheckRun *run,
                        gint64       project)
{
  BudProject *p = bud_document_lookup (run->doc, BUD_KIND_PROJECT, project);

  if (p && p->name[0])
    return p->name;
  return bud_check_take (run, g_strdup_printf ("#%" PRId64, project));
}

const char *
bud_check_target_name (BudCheckRun     *run,
                       const BudTarget *target)
{
  if (target->project == 0)
    return _("The department-wide target table");
  return bud_check_take (run, g_strdup_printf (_("The target table of project “%s”"),
                                               bud_check_project_name (run, target->project)));
}

const char *
bud_check_line_label (BudCheckRun   *run,
                      const BudLine *line)
{
  return bud_check_take (run, g_strdup_printf ("%s/%s, %s", line->func, line->econ,
                                               bud_check_wan (run, line->amount)));
}

gboolean
bud_check_text_blank (const char *text)
{
  /* the usual case: a text starting with visible ASCII or a CJK ideograph */
  if (text && (((guchar) text[0] > ' ' && (guchar) text[0] < 0x7F) ||
               ((guchar) text[0] >= 0xE4 && (guchar) text[0] <= 0xE9)))
    return FALSE;
  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c) && c != 0x3000)
        return FALSE;
    }
  return TRUE;
}

/* ---- the run ---- */

static gint
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  const BudFinding *x = *(BudFinding * const *) a;
  const BudFinding *y = *(BudFinding * const *) b;

  if (x->severity != y->severity)
    return x->severity < y->severity ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;
  if (x->order != y->order)
    return x->order < y->order ? -1 : 1;
  return 0;
}

GPtrArray *
bud_check_run (BudDocument           *doc,
               const BudCheckContext *ctx)
{
  static const BudCheckContext none = { NULL, 0, NULL, NULL };
  BudCheckRun run = { 0 };

  g_return_val_if_fail (BUD_IS_DOCUMENT (doc), NULL);

  run.doc = doc;
  run.ctx = ctx ? ctx : &none;
  run.cache = bud_check_cache_get (doc);
  run.fig = bud_check_cache_figures (run.cache, run.ctx->catalog);
  run.findings = g_ptr_array_new_with_free_func ((GDestroyNotify) bud_finding_free);
  run.strings = g_ptr_array_new_with_free_func (g_free);

  bud_rules_meta (&run);
  bud_rules_balance (&run);
  bud_rules_lines (&run);
  bud_rules_carryovers (&run);
  bud_rules_projects (&run);
  bud_rules_perf (&run);
  bud_rules_procurement (&run);
  bud_rules_sangong (&run);
  bud_rules_comparison (&run);
  bud_rules_texts (&run);
  bud_rules_narrative (&run);
  /* every rule that keeps verdicts has seen this run's changes */
  bud_check_cache_settle (run.cache);

  g_ptr_array_sort (run.findings, compare_findings);

  g_ptr_array_unref (run.strings);
  return run.findings;
}

void
bud_check_context_init (BudCheckContext *ctx,
                        BudTemplate     *tpl)
{
  g_return_if_fail (ctx != NULL);

  memset (ctx, 0, sizeof *ctx);
  ctx->catalog = bud_catalog_get_default ();
  if (tpl == NULL)
    return;
  ctx->tpl = tpl;
  ctx->expected_weight = bud_template_get_indicator_weight_sum (tpl);
  ctx->required_level1 = bud_template_get_level1_names (tpl, "project");
}

char *
bud_finding_describe_location (BudDocument      *doc,
                               const BudFinding *finding)
{
  const BudEntityClass *klass;
  gpointer e;
  GString *s;

  if (finding->kind >= BUD_N_KINDS)
    return g_strdup (_("The document"));
  klass = bud_entity_class (finding->kind);
  e = finding->id ? bud_document_lookup (doc, finding->kind, finding->id) : NULL;
  s = g_string_new (_(klass->label));

  if (e == NULL)
    {
      if (!klass->singleton)
        g_string_append_printf (s, " %s", _("(missing)"));
    }
  else if (finding->kind == BUD_KIND_LINE)
    {
      const BudLine *l = e;
      g_string_append_printf (s, " %" PRId64 " (%s × %s)", l->id, l->func, l->econ);
    }
  else if (finding->kind == BUD_KIND_PROJECT)
    g_string_append_printf (s, " “%s”", ((const BudProject *) e)->name);
  else if (finding->kind == BUD_KIND_INCOME)
    g_string_append_printf (s, " %s", bud_source_label (((const BudIncome *) e)->source));
  else if (finding->kind == BUD_KIND_COMPARATIVE)
    g_string_append_printf (s, " %s", ((const BudComparative *) e)->measure);
  else if (finding->kind == BUD_KIND_TEXT)
    g_string_append_printf (s, " %s", ((const BudText *) e)->key);
  else if (!klass->singleton)
    g_string_append_printf (s, " %" PRId64, *(const gint64 *) e);

  if (finding->field)
    {
      const BudField *f = bud_entity_class_field (klass, finding->field);
      g_string_append_printf (s, " · %s", f ? _(f->label) : finding->field);
    }
  return g_string_free (s, FALSE);
}
