/* bud-rules-lines.c — each budget line on its own: codes, project link, amount
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The engine has already resolved each line's codes (level, catalog, usual
 * pair) once per distinct code; this pass only reads those answers, so tens
 * of thousands of lines cost no catalog look-up and no string comparison.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bud-check-private.h"

/* The usual 经济 款 ↔ 功能 项 twins (DOMAIN "Usual pairs"): social insurance
 * and housing fund contributions are budgeted on the matching 功能 项. */
typedef struct {
  const char *econ;
  const char *func[2];
} Pair;

static const Pair pairs[] = {
  { "30108", { "2080505", NULL } },       /* 基本养老保险缴费 */
  { "30109", { "2080506", NULL } },       /* 职业年金缴费 */
  { "30110", { "2101101", "2101102" } },  /* 职工基本医疗保险缴费: 行政 / 事业单位医疗 */
  { "30111", { "2101103", NULL } },       /* 公务员医疗补助缴费 */
  { "30113", { "2210201", NULL } },       /* 住房公积金 */
  { "30114", { "2101199", NULL } },       /* 医疗费 */
};

gboolean
bud_check_pair_of_econ (const char  *econ,
                        const char **func,
                        const char **func2)
{
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    if (strcmp (pairs[i].econ, econ) == 0)
      {
        *func = pairs[i].func[0];
        *func2 = pairs[i].func[1];
        return TRUE;
      }
  *func = *func2 = NULL;
  return FALSE;
}

const char *
bud_check_pair_of_func (const char *func)
{
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    for (guint j = 0; j < 2 && pairs[i].func[j]; j++)
      if (strcmp (pairs[i].func[j], func) == 0)
        return pairs[i].econ;
  return NULL;
}

static void
report_unknown_codes (BudCheckRun *run)
{
  GPtrArray *codes = run->fig->codes;

  for (guint i = 0; i < codes->len; i++)
    {
      BudCheckCode *c = g_ptr_array_index (codes, i);
      const char *fmt;

      if (c->known)
        continue;
      if (c->scheme == BUD_SCHEME_FUNCTIONAL)
        fmt = g_dngettext (GETTEXT_PACKAGE,
                           "Functional code %s is neither in the catalog nor among the document’s own codes (%u line uses it)",
                           "Functional code %s is neither in the catalog nor among the document’s own codes (%u lines use it)",
                           c->n_lines);
      else
        fmt = g_dngettext (GETTEXT_PACKAGE,
                           "Economic code %s is neither in the catalog nor among the document’s own codes (%u line uses it)",
                           "Economic code %s is neither in the catalog nor among the document’s own codes (%u lines use it)",
                           c->n_lines);
      bud_check_emit (run, "lines.code-unknown", BUD_KIND_LINE, c->first_line, (gint) c->first_position,
                      c->scheme == BUD_SCHEME_FUNCTIONAL ? "func" : "econ",
                      fmt, c->code, c->n_lines);
    }
}

static void
check_pair (BudCheckRun        *run,
            const BudLine      *l,
            guint               i,
            const BudCheckCode *func,
            const BudCheckCode *econ)
{
  if (econ->pair != NULL)
    {
      if (strcmp (econ->pair, l->func) == 0 || (econ->pair2 && strcmp (econ->pair2, l->func) == 0))
        return;
      if (econ->pair2 != NULL)
        bud_check_emit (run, "lines.code-pair", BUD_KIND_LINE, l->id, (gint) i, "func",
                        _("Line %s: economic code %s is usually budgeted on functional item %s or %s, not %s"),
                        bud_check_line_label (run, l), l->econ, econ->pair, econ->pair2, l->func);
      else
        bud_check_emit (run, "lines.code-pair", BUD_KIND_LINE, l->id, (gint) i, "func",
                        _("Line %s: economic code %s is usually budgeted on functional item %s, not %s"),
                        bud_check_line_label (run, l), l->econ, econ->pair, l->func);
    }
  else if (func->pair != NULL)
    bud_check_emit (run, "lines.code-pair", BUD_KIND_LINE, l->id, (gint) i, "econ",
                    _("Line %s: functional item %s is usually spent on economic code %s, not %s"),
                    bud_check_line_label (run, l), l->func, func->pair, l->econ);
}

void
bud_rules_lines (BudCheckRun *run)
{
  GPtrArray *lines = bud_document_items (run->doc, BUD_KIND_LINE);

  for (guint i = 0; i < lines->len; i++)
    {
      BudLine *l = g_ptr_array_index (lines, i);
      const BudCheckCode *func = run->fig->line_func[i];
      const BudCheckCode *econ = run->fig->line_econ[i];
      gboolean func_ok = func != NULL && func->level_ok;
      gboolean econ_ok = econ != NULL && econ->level_ok;

      if (!func_ok)
        bud_check_emit (run, "lines.code-level", BUD_KIND_LINE, l->id, (gint) i, "func",
                        _("Line %s: functional code “%s” is not an item (项); lines use 7-digit functional codes"),
                        bud_check_line_label (run, l), l->func);
      if (!econ_ok)
        bud_check_emit (run, "lines.code-level", BUD_KIND_LINE, l->id, (gint) i, "econ",
                        _("Line %s: economic code “%s” is not a section (款); lines use 5-digit economic codes"),
                        bud_check_line_label (run, l), l->econ);

      if (func_ok && econ_ok && l->kind == BUD_SPEND_BASIC)
        check_pair (run, l, i, func, econ);

      if (l->kind == BUD_SPEND_PROJECT && l->project == 0)
        bud_check_emit (run, "lines.project-link", BUD_KIND_LINE, l->id, (gint) i, "project",
                        _("Line %s is project spending but belongs to no project"),
                        bud_check_line_label (run, l));
      else if (l->kind == BUD_SPEND_BASIC && l->project != 0)
        bud_check_emit (run, "lines.project-link", BUD_KIND_LINE, l->id, (gint) i, "project",
                        _("Line %s is basic spending but belongs to project “%s”"),
                        bud_check_line_label (run, l), bud_check_project_name (run, l->project));

      if (l->amount == 0)
        bud_check_emit (run, "lines.zero", BUD_KIND_LINE, l->id, (gint) i, "amount",
                        _("Line %s has a zero amount"), bud_check_line_label (run, l));
    }

  if (run->ctx->catalog != NULL)
    report_unknown_codes (run);
}
