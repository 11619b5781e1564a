/* bud-rules-perf.c — performance target tables (绩效目标表) and their indicators
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One pass over the indicators gathers each table's count, weight sum and
 * the 一级 categories it has; then each table is judged once. Values are
 * judged per indicator, and only again when the indicator changed.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bud-check-private.h"
#include "bud-money.h"

#define MAX_LEVEL1 32

typedef struct {
  guint   n_indicators;
  gint64  weight;
  guint32 level1_seen;   /* bit i: required_level1[i] present */
} TableSum;

/* "产出" and "产出指标" name the same category: compare without the suffix */
static gboolean
same_category (const char *a,
               const char *b)
{
  static const char suffix[] = "指标";
  gsize la = strlen (a), lb = strlen (b), ls = strlen (suffix);

  if (la >= ls && strcmp (a + la - ls, suffix) == 0)
    la -= ls;
  if (lb >= ls && strcmp (b + lb - ls, suffix) == 0)
    lb -= ls;
  return la == lb && la > 0 && strncmp (a, b, la) == 0;
}

static const char *
indicator_label (BudCheckRun       *run,
                 const BudTarget   *t,
                 const BudIndicator *ind)
{
  return bud_check_take (run, g_strdup_printf ("%s, %s “%s”",
                                               t ? bud_check_target_name (run, t) : "?",
                                               _("indicator"), ind->name));
}

static void
check_value (BudCheckRun        *run,
             const BudTarget    *t,
             const BudIndicator *ind,
             guint               position)
{
  if (ind->op == BUD_OP_QUAL)
    {
      if (bud_check_text_blank (ind->value))
        bud_check_emit (run, "perf.value", BUD_KIND_INDICATOR, ind->id, (gint) position, "value",
                        _("%s: a qualitative indicator needs a text value"),
                        indicator_label (run, t, ind));
      return;
    }

  if (bud_check_text_blank (ind->value))
    bud_check_emit (run, "perf.value", BUD_KIND_INDICATOR, ind->id, (gint) position, "value",
                    _("%s: the value is empty; a quantitative indicator needs a number"),
                    indicator_label (run, t, ind));
  else
    {
      g_autoptr(GError) error = NULL;
      gint64 v;

      /* the table prints the value as typed: a plain number, no thousands separators */
      if (strchr (ind->value, ',') != NULL || !bud_fixed2_parse (ind->value, &v, &error))
        bud_check_emit (run, "perf.value", BUD_KIND_INDICATOR, ind->id, (gint) position, "value",
                        _("%s: “%s” is not a plain number (%s)"),
                        indicator_label (run, t, ind), ind->value,
                        error ? error->message : _("no thousands separators"));
    }
  if (bud_check_text_blank (ind->unit))
    bud_check_emit (run, "perf.value", BUD_KIND_INDICATOR, ind->id, (gint) position, "unit",
                    _("%s: the value %s has no unit"),
                    indicator_label (run, t, ind), ind->value);
}

/* check_value for one indicator; TRUE when it found something */
static gboolean
judge_value (BudCheckRun        *run,
             GPtrArray          *targets,
             GHashTable         *index,
             const BudIndicator *ind,
             guint               position)
{
  guint tpos = GPOINTER_TO_UINT (g_hash_table_lookup (index, &ind->target));
  guint before = run->findings->len;

  check_value (run, tpos ? g_ptr_array_index (targets, tpos - 1) : NULL, ind, position);
  return run->findings->len != before;
}

/* perf.value judges an indicator on its own fields, so only the indicators
 * changed since the last run and those that had a finding then are judged
 * again: parsing 8,000 values after each edit was a quarter of the run. */
static void
check_values (BudCheckRun *run,
              GPtrArray   *indicators,
              GPtrArray   *targets,
              GHashTable  *index)
{
  BudCheckCache *cache = run->cache;
  GHashTable *bad = cache->bad_values;
  GArray *dirty = cache->dirty[BUD_KIND_INDICATOR];
  GHashTableIter iter;
  gpointer value;

  if (cache->all_dirty[BUD_KIND_INDICATOR])
    {
      g_hash_table_remove_all (bad);
      for (guint i = 0; i < indicators->len; i++)
        {
          BudIndicator *ind = g_ptr_array_index (indicators, i);
          BudCheckItemRef *ref;

          if (!judge_value (run, targets, index, ind, i))
            continue;
          ref = g_new (BudCheckItemRef, 1);
          ref->id = ind->id;
          ref->position = i;
          g_hash_table_insert (bad, ref, ref);
        }
      return;
    }

  for (guint i = 0; i < dirty->len; i++)
    {
      gint64 id = g_array_index (dirty, gint64, i);
      BudCheckItemRef *ref;

      if (g_hash_table_contains (bad, &id))
        continue;
      ref = g_new (BudCheckItemRef, 1);
      ref->id = id;
      ref->position = G_MAXUINT;   /* looked up below */
      g_hash_table_insert (bad, ref, ref);
    }

  g_hash_table_iter_init (&iter, bad);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      BudCheckItemRef *ref = value;
      BudIndicator *ind = bud_document_lookup (run->doc, BUD_KIND_INDICATOR, ref->id);
      gint position = ind ? bud_check_cache_position (indicators, ind, &ref->position) : -1;

      if (position < 0 || !judge_value (run, targets, index, ind, (guint) position))
        g_hash_table_iter_remove (&iter);
    }
}

static void
check_money (BudCheckRun     *run,
             const BudTarget *t,
             guint            position)
{
  BudCheckSum *all = &run->fig->all;
  gint64 fiscal = t->fiscal_upper + t->fiscal_local;

  if (fiscal != all->fiscal)
    bud_check_emit (run, "perf.department", BUD_KIND_TARGET, t->id, (gint) position, "fiscal_local",
                    _("%s: fiscal funds %s (higher level %s + this level %s), but the budget’s fiscal lines add up to %s"),
                    bud_check_target_name (run, t), bud_check_wan (run, fiscal),
                    bud_check_wan (run, t->fiscal_upper), bud_check_wan (run, t->fiscal_local),
                    bud_check_wan (run, all->fiscal));
  if (t->other != all->total - all->fiscal)
    bud_check_emit (run, "perf.department", BUD_KIND_TARGET, t->id, (gint) position, "other",
                    _("%s: other funds %s, but the budget’s lines from other sources add up to %s"),
                    bud_check_target_name (run, t), bud_check_wan (run, t->other),
                    bud_check_wan (run, all->total - all->fiscal));
}

void
bud_rules_perf (BudCheckRun *run)
{
  const BudCheckContext *ctx = run->ctx;
  GPtrArray *targets = bud_document_items (run->doc, BUD_KIND_TARGET);
  GPtrArray *indicators = bud_document_items (run->doc, BUD_KIND_INDICATOR);
  g_autoptr(GHashTable) index = bud_check_index_items (targets);
  g_autofree TableSum *sums = g_new0 (TableSum, targets->len + 1);
  guint n_required = ctx->required_level1 ? g_strv_length ((char **) ctx->required_level1) : 0;
  gint64 last_target = 0;
  guint tpos = 0;
  gint dept = -1;

  n_required = MIN (n_required, MAX_LEVEL1);

  for (guint i = 0; i < indicators->len; i++)
    {
      BudIndicator *ind = g_ptr_array_index (indicators, i);
      TableSum *ts;

      /* a table's indicators usually follow each other: one look-up per table */
      if (i == 0 || ind->target != last_target)
        {
          last_target = ind->target;
          tpos = GPOINTER_TO_UINT (g_hash_table_lookup (index, &ind->target));
        }
      if (tpos == 0)
        continue;
      ts = &sums[tpos - 1];
      ts->n_indicators++;
      ts->weight += ind->weight;
      for (guint r = 0; r < n_required; r++)
        if (!(ts->level1_seen & (1u << r)) && same_category (ind->level1, ctx->required_level1[r]))
          ts->level1_seen |= 1u << r;
    }
  check_values (run, indicators, targets, index);

  for (guint i = 0; i < targets->len; i++)
    {
      BudTarget *t = g_ptr_array_index (targets, i);
      TableSum *ts = &sums[i];

      if (t->project == 0)
        {
          dept = (gint) i;
          check_money (run, t, i);
        }

      if (ts->n_indicators == 0)
        {
          bud_check_emit (run, "perf.empty", BUD_KIND_TARGET, t->id, (gint) i, NULL,
                          _("%s has no indicators"), bud_check_target_name (run, t));
          continue;
        }

      if (ctx->expected_weight != 0 && ts->weight != ctx->expected_weight)
        bud_check_emit (run, "perf.weights", BUD_KIND_TARGET, t->id, (gint) i, NULL,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "%s: the weight of its %u indicator adds up to %s, the template expects %s",
                                     "%s: the weights of its %u indicators add up to %s, the template expects %s",
                                     ts->n_indicators),
                        bud_check_target_name (run, t), ts->n_indicators,
                        bud_check_fixed2 (run, ts->weight),
                        bud_check_fixed2 (run, ctx->expected_weight));

      /* 部门整体 tables follow their own scheme (履职效能 …): only project tables */
      if (t->project != 0 && n_required > 0 &&
          ts->level1_seen != (n_required == 32 ? G_MAXUINT32 : (1u << n_required) - 1))
        {
          g_autoptr(GString) missing = g_string_new (NULL);

          for (guint r = 0; r < n_required; r++)
            if (!(ts->level1_seen & (1u << r)))
              {
                if (missing->len)
                  g_string_append (missing, "、");
                g_string_append (missing, ctx->required_level1[r]);
              }
          bud_check_emit (run, "perf.levels", BUD_KIND_TARGET, t->id, (gint) i, NULL,
                          _("%s lacks the level-1 indicator categories: %s"),
                          bud_check_target_name (run, t), missing->str);
        }
    }

  if (dept < 0 && (run->fig->all.total != 0 || run->fig->income_total != 0))
    bud_check_emit (run, "perf.department", BUD_KIND_TARGET, 0, -1, NULL,
                    _("There is no department-wide target table, but the budget has %s"),
                    bud_check_wan (run, run->fig->all.total != 0 ? run->fig->all.total
                                                                : run->fig->income_total));
}
