/* bud-rules-other.c — procurement, 三公, comparisons with last year, meta data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "bud-check-private.h"

/* ---- 政府采购 ---- */

void
bud_rules_procurement (BudCheckRun *run)
{
  BudProcurement *p = bud_document_procurement (run->doc);
  gint64 parts = p->goods + p->works + p->services;

  if (parts != p->total)
    bud_check_emit (run, "procurement.sum", BUD_KIND_PROCUREMENT, p->id, 0, "total",
                    _("Procurement total %s, but goods %s + works %s + services %s = %s"),
                    bud_check_wan (run, p->total), bud_check_wan (run, p->goods),
                    bud_check_wan (run, p->works), bud_check_wan (run, p->services),
                    bud_check_wan (run, parts));
  if (p->reserved_sme > p->total)
    bud_check_emit (run, "procurement.reserved", BUD_KIND_PROCUREMENT, p->id, 0, "reserved_sme",
                    _("Reserved for small and medium enterprises %s is more than the procurement total %s"),
                    bud_check_wan (run, p->reserved_sme), bud_check_wan (run, p->total));
  if (p->reserved_micro > p->reserved_sme)
    bud_check_emit (run, "procurement.reserved", BUD_KIND_PROCUREMENT, p->id, 0, "reserved_micro",
                    _("Reserved for small and micro enterprises %s is more than the amount reserved for small and medium enterprises %s"),
                    bud_check_wan (run, p->reserved_micro), bud_check_wan (run, p->reserved_sme));
}

/* ---- 三公 ---- */

static const struct {
  const char *measure;
  const char *label;
} sangong_measures[BUD_SANGONG_N] = {
  [BUD_SANGONG_TOTAL] = { "sangong.total", N_("“Three public” expenses") },
  [BUD_SANGONG_ABROAD] = { "sangong.abroad", N_("Official overseas visits") },
  [BUD_SANGONG_RECEPTION] = { "sangong.reception", N_("Official reception") },
  [BUD_SANGONG_VEHICLE] = { "sangong.vehicle", N_("Official vehicle purchase and operation") },
  [BUD_SANGONG_VEHICLE_PURCHASE] = { "sangong.vehicle_purchase", N_("Official vehicle purchase") },
  [BUD_SANGONG_VEHICLE_OPERATION] = { "sangong.vehicle_operation", N_("Official vehicle operation") },
};

void
bud_rules_sangong (BudCheckRun *run)
{
  for (guint i = 0; i < BUD_SANGONG_N; i++)
    {
      BudComparative *c = bud_document_find_comparative (run->doc, sangong_measures[i].measure);
      gint64 now = run->fig->sangong[i];

      if (c != NULL && now > c->last_year)
        bud_check_emit (run, "sangong.growth", BUD_KIND_COMPARATIVE, c->id, -2, NULL,
                        _("%s: %s this year against %s last year, up %s; policy is that they do not grow"),
                        _(sangong_measures[i].label), bud_check_wan (run, now),
                        bud_check_wan (run, c->last_year), bud_check_diff (run, now - c->last_year));
    }
}

/* ---- comparisons with last year's budget ---- */

static void
want_comparative (BudCheckRun *run,
                  GHashTable  *have,
                  const char  *measure,
                  gint64       value)
{
  if (value == 0 || g_hash_table_contains (have, measure))
    return;
  bud_check_emit (run, "comparison.missing", BUD_KIND_COMPARATIVE, 0, -1, "last_year",
                  _("No last year’s budget is given for %s (%s this year): the narrative needs it to state the change"),
                  measure, bud_check_wan (run, value));
}

void
bud_rules_comparison (BudCheckRun *run)
{
  static const char * const top[] = {
    "expense.basic", "expense.project", "general.basic", "general.project",
    "sangong.total", "running.total",
  };
  BudCheckFigures *fig = run->fig;
  GPtrArray *comparatives = bud_document_items (run->doc, BUD_KIND_COMPARATIVE);
  const BudField *source_field = bud_entity_class_field (bud_entity_class (BUD_KIND_INCOME), "source");
  g_autoptr(GHashTable) have = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < comparatives->len; i++)
    {
      BudComparative *c = g_ptr_array_index (comparatives, i);
      gint64 now;

      g_hash_table_add (have, c->measure);
      if (!bud_check_figures_measure (fig, c->measure, &now))
        {
          bud_check_emit (run, "comparison.unknown-measure", BUD_KIND_COMPARATIVE, c->id, (gint) i,
                          "measure",
                          _("Comparative “%s” names no figure this version knows; it is kept but not checked"),
                          c->measure);
          continue;
        }
      if (now == c->last_year || !bud_check_text_blank (c->reason))
        continue;
      if (now > c->last_year)
        bud_check_emit (run, "comparison.reason", BUD_KIND_COMPARATIVE, c->id, (gint) i, "reason",
                        _("%s: %s this year against %s last year, an increase of %s, needs a main reason"),
                        c->measure, bud_check_wan (run, now), bud_check_wan (run, c->last_year),
                        bud_check_diff (run, now - c->last_year));
      else
        bud_check_emit (run, "comparison.reason", BUD_KIND_COMPARATIVE, c->id, (gint) i, "reason",
                        _("%s: %s this year against %s last year, a decrease of %s, needs a main reason"),
                        c->measure, bud_check_wan (run, now), bud_check_wan (run, c->last_year),
                        bud_check_diff (run, c->last_year - now));
    }

  /* what 第三部分 compares with last year, for the figures that have money */
  for (guint s = 0; s < BUD_N_SOURCES; s++)
    {
      g_autofree char *key = g_strconcat ("income.", source_field->enum_values[s], NULL);
      want_comparative (run, have, key, fig->income_by_source[s]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (top); i++)
    {
      gint64 v = 0;
      bud_check_figures_measure (fig, top[i], &v);
      want_comparative (run, have, top[i], v);
    }
  for (guint i = 0; i < fig->codes->len; i++)
    {
      BudCheckCode *c = g_ptr_array_index (fig->codes, i);
      g_autofree char *key = NULL;

      /* a code at the wrong level is lines.code-level's business */
      if (c->scheme != BUD_SCHEME_FUNCTIONAL || !c->has_general || !c->level_ok)
        continue;
      key = g_strconcat ("general.func.", c->code, NULL);
      want_comparative (run, have, key, c->general);
    }
}

/* ---- document data ---- */

static gint64
year_of (const char *date)
{
  return (date && strlen (date) >= 4) ? g_ascii_strtoll (date, NULL, 10) : 0;
}

void
bud_rules_meta (BudCheckRun *run)
{
  BudMeta *m = bud_document_meta (run->doc);
  BudAssets *a = bud_document_assets (run->doc);
  BudProfile *p = bud_document_profile (run->doc);
  gint64 year = m->year;
  gint64 now_staff[] = { p->staff_authorized, p->staff_active, p->staff_retired, p->staff_veteran };
  gint64 last_staff[] = { p->staff_authorized_last, p->staff_active_last,
                          p->staff_retired_last, p->staff_veteran_last };
  static const char * const staff_fields[] = {
    "staff_authorized", "staff_active", "staff_retired", "staff_veteran",
    "staff_authorized_last", "staff_active_last", "staff_retired_last", "staff_veteran_last",
  };
  gboolean any_now = FALSE, any_last = FALSE;

  if (bud_check_text_blank (m->department))
    bud_check_emit (run, "meta.department", BUD_KIND_META, m->id, 0, "department",
                    _("The department name is not set"));

  if (year == 0)
    bud_check_emit (run, "meta.year", BUD_KIND_META, m->id, 0, "year",
                    _("The fiscal year is not set"));
  else if (year < 2000 || year > 2100)
    bud_check_emit (run, "meta.year", BUD_KIND_META, m->id, 0, "year",
                    _("The fiscal year %lld is not plausible (2000–2100 expected)"), (long long) year);
  else
    {
      gint64 y = year_of (m->date);

      /* the package is signed when the budget is approved: late last year or in the year */
      if (m->date[0] && y != year && y != year - 1)
        bud_check_emit (run, "meta.year", BUD_KIND_META, m->id, 0, "date",
                        _("The signature date %s is not in %lld or %lld"),
                        m->date, (long long) year - 1, (long long) year);
      y = year_of (a->as_of);
      if (a->as_of[0] && y != year && y != year - 1)
        bud_check_emit (run, "meta.year", BUD_KIND_ASSETS, a->id, 0, "as_of",
                        _("The assets are stated as of %s, which is not in %lld or %lld"),
                        a->as_of, (long long) year - 1, (long long) year);
    }

  for (guint i = 0; i < G_N_ELEMENTS (staff_fields); i++)
    {
      gint64 v = i < 4 ? now_staff[i] : last_staff[i - 4];

      if (i < 4)
        any_now |= v != 0;
      else
        any_last |= v != 0;
      if (v < 0)
        bud_check_emit (run, "staffing", BUD_KIND_PROFILE, p->id, 0, staff_fields[i],
                        _("%s is negative: %lld"),
                        _(bud_entity_class_field (bud_entity_class (BUD_KIND_PROFILE), staff_fields[i])->label),
                        (long long) v);
    }
  if (any_now && !any_last)
    bud_check_emit (run, "staffing", BUD_KIND_PROFILE, p->id, 0, "staff_authorized_last",
                    _("Staff figures are given for this year (%lld authorised, %lld in service, "
                      "%lld retired, %lld veteran retirees) but not for last year, so the change "
                      "cannot be stated"),
                    (long long) p->staff_authorized, (long long) p->staff_active,
                    (long long) p->staff_retired, (long long) p->staff_veteran);
  else if (any_last && !any_now)
    bud_check_emit (run, "staffing", BUD_KIND_PROFILE, p->id, 0, "staff_authorized",
                    _("Last year’s staff figures are given (%lld authorised, %lld in service) "
                      "but this year’s are all 0"),
                    (long long) p->staff_authorized_last, (long long) p->staff_active_last);
}
