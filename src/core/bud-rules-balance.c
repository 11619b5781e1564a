/* bud-rules-balance.c — income 控制数 against the lines, carry-over items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The approved amount of each source is given to the department; its lines
 * must use exactly that, no more, no less. Carry-over items are the same
 * promise one level down: each item's amount is spent by the lines naming it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bud-check-private.h"

void
bud_rules_balance (BudCheckRun *run)
{
  BudCheckFigures *fig = run->fig;
  GPtrArray *income = bud_document_items (run->doc, BUD_KIND_INCOME);
  gboolean have[BUD_N_SOURCES] = { FALSE };

  for (guint i = 0; i < income->len; i++)
    {
      BudIncome *in = g_ptr_array_index (income, i);
      gint64 lines, gap;

      if (in->source < 0 || in->source >= BUD_N_SOURCES)
        continue;
      have[in->source] = TRUE;
      lines = fig->by_source[in->source];
      gap = in->amount - lines;
      if (gap > 0)
        bud_check_emit (run, "balance.source", BUD_KIND_INCOME, in->id, (gint) i, "amount",
                        _("%s: approved amount %s, lines %s, %s left to allocate"),
                        bud_source_label (in->source), bud_check_wan (run, in->amount),
                        bud_check_wan (run, lines), bud_check_diff (run, gap));
      else if (gap < 0)
        bud_check_emit (run, "balance.source", BUD_KIND_INCOME, in->id, (gint) i, "amount",
                        _("%s: approved amount %s, lines %s, %s over the approved amount"),
                        bud_source_label (in->source), bud_check_wan (run, in->amount),
                        bud_check_wan (run, lines), bud_check_diff (run, -gap));
    }

  for (guint s = 0; s < BUD_N_SOURCES; s++)
    if (!have[s] && fig->by_source[s] != 0)
      bud_check_emit (run, "balance.source", BUD_KIND_INCOME, 0, -1, "amount",
                      g_dngettext (GETTEXT_PACKAGE,
                                   "%s: %u line spends %s but no approved amount is entered for this source",
                                   "%s: %u lines spend %s but no approved amount is entered for this source",
                                   fig->lines_of_source[s]),
                      bud_source_label (s), fig->lines_of_source[s],
                      bud_check_wan (run, fig->by_source[s]));
}

void
bud_rules_carryovers (BudCheckRun *run)
{
  BudCheckFigures *fig = run->fig;
  GPtrArray *items = bud_document_items (run->doc, BUD_KIND_CARRYOVER);
  GPtrArray *lines = bud_document_items (run->doc, BUD_KIND_LINE);

  for (guint i = 0; i < items->len; i++)
    {
      BudCarryover *c = g_ptr_array_index (items, i);
      gint64 spent = fig->carryovers[i].total;
      gint64 gap = c->amount - spent;

      if (!bud_source_is_carry (c->source))
        bud_check_emit (run, "carryover.source", BUD_KIND_CARRYOVER, c->id, (gint) i, "source",
                        _("Carry-over item “%s”: its source is %s, which is not a carry-over source"),
                        c->name, bud_source_label (c->source));
      if (gap > 0)
        bud_check_emit (run, "carryover.balance", BUD_KIND_CARRYOVER, c->id, (gint) i, "amount",
                        _("Carry-over item “%s”: amount %s, lines spending it %s, %s not spent"),
                        c->name, bud_check_wan (run, c->amount), bud_check_wan (run, spent),
                        bud_check_diff (run, gap));
      else if (gap < 0)
        bud_check_emit (run, "carryover.balance", BUD_KIND_CARRYOVER, c->id, (gint) i, "amount",
                        _("Carry-over item “%s”: amount %s, lines spending it %s, %s more than the item"),
                        c->name, bud_check_wan (run, c->amount), bud_check_wan (run, spent),
                        bud_check_diff (run, -gap));
    }

  /* a line cannot be traced to its carry-over item, or names one of another source */
  for (guint i = 0; i < lines->len; i++)
    {
      BudLine *l = g_ptr_array_index (lines, i);
      BudCarryover *c;

      if (l->carryover == 0)
        {
          if (bud_source_is_carry (l->source))
            bud_check_emit (run, "carryover.balance", BUD_KIND_LINE, l->id, (gint) i, "carryover",
                            _("Line %s: its source is %s but it names no carry-over item"),
                            bud_check_line_label (run, l), bud_source_label (l->source));
          continue;
        }
      c = bud_document_lookup (run->doc, BUD_KIND_CARRYOVER, l->carryover);
      if (c != NULL && c->source != l->source)
        bud_check_emit (run, "carryover.balance", BUD_KIND_LINE, l->id, (gint) i, "source",
                        _("Line %s spends carry-over item “%s” of %s, but its own source is %s"),
                        bud_check_line_label (run, l), c->name,
                        bud_source_label (c->source), bud_source_label (l->source));
    }
}
