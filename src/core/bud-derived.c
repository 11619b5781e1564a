/* bud-derived.c — the figures derived from the lines (三公, 委托业务费, carry-overs spent), explained
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built on the checks' own pass over the lines (BudCheckFigures): the figure of
 * each item is the one the checks and the narrative use, and the lines listed
 * are picked by the same per-code classification, so the explanation cannot
 * drift from the figure.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bud-catalog.h"
#include "bud-check-private.h"
#include "bud-derived.h"

#define ITEM_ENTRUSTED BUD_SANGONG_N   /* the one item after the 三公 ones */

static const struct {
  const char *key;
  const char *label;
  guint       level;
} items[] = {
  [BUD_SANGONG_TOTAL] = { "sangong.total", N_("“Three public” expenses"), 0 },
  [BUD_SANGONG_ABROAD] = { "sangong.abroad", N_("Official overseas visits"), 0 },
  [BUD_SANGONG_RECEPTION] = { "sangong.reception", N_("Official reception"), 0 },
  [BUD_SANGONG_VEHICLE] = { "sangong.vehicle", N_("Official vehicle purchase and operation"), 0 },
  [BUD_SANGONG_VEHICLE_PURCHASE] = { "sangong.vehicle_purchase", N_("Official vehicle purchase"), 1 },
  [BUD_SANGONG_VEHICLE_OPERATION] = { "sangong.vehicle_operation", N_("Official vehicle operation"), 1 },
  [ITEM_ENTRUSTED] = { "entrusted.total", N_("Entrusted services"), 0 },
};

/* The order the items are listed in: the 三公 total first, its parts, then 委托业务费. */
static const guint order[] = {
  BUD_SANGONG_TOTAL, BUD_SANGONG_ABROAD, BUD_SANGONG_RECEPTION, BUD_SANGONG_VEHICLE,
  BUD_SANGONG_VEHICLE_PURCHASE, BUD_SANGONG_VEHICLE_OPERATION, ITEM_ENTRUSTED,
};

void
bud_derived_measure_free (BudDerivedMeasure *measure)
{
  if (measure == NULL)
    return;
  g_free (measure->rule);
  g_free (measure->reason);
  g_clear_pointer (&measure->lines, g_array_unref);
  g_free (measure);
}

static void
add_codes (GPtrArray *codes,
           guint      item)
{
  const char * const *list;

  if (item == ITEM_ENTRUSTED)
    {
      g_ptr_array_add (codes, (gpointer) BUD_CHECK_ENTRUSTED_CODE);
      return;
    }
  list = bud_check_sangong_codes (item);
  if (list != NULL)
    {
      for (guint i = 0; list[i] != NULL; i++)
        g_ptr_array_add (codes, (gpointer) list[i]);
      return;
    }
  /* a sum: the codes of its parts */
  if (item == BUD_SANGONG_VEHICLE)
    {
      add_codes (codes, BUD_SANGONG_VEHICLE_PURCHASE);
      add_codes (codes, BUD_SANGONG_VEHICLE_OPERATION);
    }
  else
    {
      add_codes (codes, BUD_SANGONG_ABROAD);
      add_codes (codes, BUD_SANGONG_RECEPTION);
      add_codes (codes, BUD_SANGONG_VEHICLE);
    }
}

static char *
rule_text (BudDocument *doc,
           guint        item)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GString) list = g_string_new (NULL);
  BudCatalog *catalog = bud_catalog_get_default ();

  add_codes (codes, item);
  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      const char *name = bud_catalog_name (catalog, doc, BUD_SCHEME_ECONOMIC, code);

      if (i > 0)
        /* Translators: between the economic codes of a rule, e.g. "31013 …, 30913 …" */
        g_string_append (list, _(", "));
      g_string_append (list, code);
      if (name != NULL && name[0] != '\0')
        g_string_append_printf (list, " %s", name);
    }
  /* Translators: where a derived figure (三公, 委托业务费) comes from; %s is a list of
   * economic codes with their names, e.g. "30217 公务接待费" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Basic and project lines funded by this year’s fiscal appropriations (财政拨款, not carry-overs) on economic code %s",
                                       "Basic and project lines funded by this year’s fiscal appropriations (财政拨款, not carry-overs) on economic codes %s",
                                       codes->len),
                          list->str);
}

GPtrArray *
bud_derived_measures (BudDocument *doc)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) bud_derived_measure_free);
  BudDerivedMeasure *by_item[G_N_ELEMENTS (items)];
  GPtrArray *lines;
  BudCheckFigures fig;

  g_return_val_if_fail (BUD_IS_DOCUMENT (doc), result);

  /* no catalog: only the classification of the codes is needed, not whether they exist */
  bud_check_figures_init (&fig, doc, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      guint item = order[i];
      BudDerivedMeasure *m = g_new0 (BudDerivedMeasure, 1);
      BudComparative *c = bud_document_find_comparative (doc, items[item].key);

      m->key = items[item].key;
      m->label = _(items[item].label);
      m->level = items[item].level;
      m->rule = rule_text (doc, item);
      m->this_year = item == ITEM_ENTRUSTED ? fig.entrusted : fig.sangong[item];
      m->has_last_year = c != NULL;
      m->last_year = c != NULL ? c->last_year : 0;
      m->comparative = c != NULL ? c->id : 0;
      m->reason = g_strdup (c != NULL ? c->reason : "");
      m->lines = g_array_new (FALSE, FALSE, sizeof (gint64));
      by_item[item] = m;
      g_ptr_array_add (result, m);
    }

  /* the same test as bud_check_figures_init's: this year's 财政拨款 (no 结转) on a classified 经济 款 */
  lines = bud_document_items (doc, BUD_KIND_LINE);
  for (guint i = 0; i < lines->len; i++)
    {
      const BudLine *l = g_ptr_array_index (lines, i);
      const BudCheckCode *econ = fig.line_econ[i];

      if (econ == NULL || l->source < 0 || l->source >= BUD_N_SOURCES ||
          !bud_source_is_fiscal (l->source) || bud_source_is_carry (l->source))
        continue;
      if (econ->sangong >= 0)
        {
          g_array_append_val (by_item[econ->sangong]->lines, l->id);
          if (econ->sangong == BUD_SANGONG_VEHICLE_PURCHASE || econ->sangong == BUD_SANGONG_VEHICLE_OPERATION)
            g_array_append_val (by_item[BUD_SANGONG_VEHICLE]->lines, l->id);
          g_array_append_val (by_item[BUD_SANGONG_TOTAL]->lines, l->id);
        }
      if (econ->entrusted)
        g_array_append_val (by_item[ITEM_ENTRUSTED]->lines, l->id);
    }
  bud_check_figures_clear (&fig);
  return result;
}

gint64
bud_derived_carryover_spent (BudDocument *doc,
                             gint64       carryover,
                             guint       *n_lines)
{
  GPtrArray *lines;
  gint64 spent = 0;
  guint n = 0;

  g_return_val_if_fail (BUD_IS_DOCUMENT (doc), 0);

  lines = bud_document_items (doc, BUD_KIND_LINE);
  for (guint i = 0; carryover != 0 && i < lines->len; i++)
    {
      const BudLine *l = g_ptr_array_index (lines, i);

      if (l->carryover == carryover)
        {
          spent += l->amount;
          n++;
        }
    }
  if (n_lines != NULL)
    *n_lines = n;
  return spent;
}
