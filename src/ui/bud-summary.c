/* bud-summary.c — totals, checks and per-section error counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bud-summary.h"

static const char * const section_names[BUD_N_SECTIONS] = {
  "overview", "income", "lines", "projects", "carryovers", "derived", "performance", "comparisons", "other",
  "texts", "preview", "review",
};

const char *
bud_section_name (BudSectionId section)
{
  g_return_val_if_fail (section < BUD_N_SECTIONS, NULL);
  return section_names[section];
}

gint
bud_section_from_name (const char *name)
{
  for (guint i = 0; name != NULL && i < BUD_N_SECTIONS; i++)
    if (g_str_equal (name, section_names[i]))
      return i;
  return -1;
}

BudSectionId
bud_section_for_kind (BudKind kind)
{
  switch (kind)
    {
    case BUD_KIND_META:
    case BUD_KIND_PROFILE:
    case BUD_KIND_UNIT:
      return BUD_SECTION_OVERVIEW;
    case BUD_KIND_INCOME:
      return BUD_SECTION_INCOME;
    case BUD_KIND_LINE:
    case BUD_KIND_CUSTOM_CODE:
      return BUD_SECTION_LINES;
    case BUD_KIND_PROJECT:
    case BUD_KIND_ALLOCATION:
      return BUD_SECTION_PROJECTS;
    case BUD_KIND_TARGET:
    case BUD_KIND_INDICATOR:
      return BUD_SECTION_PERFORMANCE;
    case BUD_KIND_COMPARATIVE:
      return BUD_SECTION_COMPARISONS;
    case BUD_KIND_CARRYOVER:
      return BUD_SECTION_CARRYOVERS;
    case BUD_KIND_TEXT:
      return BUD_SECTION_TEXTS;
    case BUD_KIND_PROCUREMENT:
    case BUD_KIND_ASSETS:
      return BUD_SECTION_OTHER;
    default:
      /* no form for it in this version: the review list is where it shows */
      return BUD_SECTION_REVIEW;
    }
}

BudSectionId
bud_section_for_location (BudDocument *doc,
                          BudKind      kind,
                          gint64       id)
{
  if (kind == BUD_KIND_INDICATOR)
    {
      BudIndicator *ind = bud_document_lookup (doc, BUD_KIND_INDICATOR, id);
      if (ind == NULL)
        return BUD_SECTION_PERFORMANCE;
      kind = BUD_KIND_TARGET;
      id = ind->target;
    }
  if (kind == BUD_KIND_TARGET)
    {
      BudTarget *t = bud_document_lookup (doc, BUD_KIND_TARGET, id);
      return t != NULL && t->project != 0 ? BUD_SECTION_PROJECTS : BUD_SECTION_PERFORMANCE;
    }
  return bud_section_for_kind (kind);
}

BudSummary *
bud_summary_compute (BudDocument *doc,
                     BudTemplate *tpl)
{
  BudSummary *s = g_new0 (BudSummary, 1);
  GPtrArray *items;
  BudCheckContext ctx = { 0 };

  s->revision = bud_document_revision (doc);

  items = bud_document_items (doc, BUD_KIND_INCOME);
  for (guint i = 0; i < items->len; i++)
    {
      const BudIncome *inc = g_ptr_array_index (items, i);
      if (inc->source >= 0 && inc->source < BUD_N_SOURCES)
        s->income[inc->source] += inc->amount;
      s->income_total += inc->amount;
    }

  items = bud_document_items (doc, BUD_KIND_LINE);
  for (guint i = 0; i < items->len; i++)
    {
      const BudLine *line = g_ptr_array_index (items, i);
      if (line->source >= 0 && line->source < BUD_N_SOURCES)
        s->spent[line->source] += line->amount;
      s->spent_total += line->amount;
    }

  ctx.catalog = bud_catalog_get_default ();
  /* the window's template: rules that derive tables (text.purpose) then
   * share its incremental pivot cache instead of starting it afresh */
  ctx.tpl = tpl;
  ctx.expected_weight = tpl != NULL ? bud_template_get_indicator_weight_sum (tpl) : 0;
  ctx.required_level1 = bud_check_level1_2021;
  s->findings = bud_check_run (doc, &ctx);

  for (guint i = 0; i < s->findings->len; i++)
    {
      const BudFinding *f = g_ptr_array_index (s->findings, i);

      if (f->severity == BUD_SEVERITY_ERROR)
        {
          s->errors++;
          s->section_errors[bud_section_for_location (doc, f->kind, f->id)]++;
        }
      else if (f->severity == BUD_SEVERITY_WARNING)
        s->warnings++;
    }

  return s;
}

void
bud_summary_free (BudSummary *summary)
{
  if (summary == NULL)
    return;
  g_clear_pointer (&summary->findings, g_ptr_array_unref);
  g_free (summary);
}
