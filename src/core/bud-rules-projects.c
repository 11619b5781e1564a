/* bud-rules-projects.c — projects: target table, its money, money at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A project's 绩效目标表 states 年度预算总额 = 财政拨款 + 其他资金; both parts
 * must be what the project's lines say, or the published table contradicts
 * 表7.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bud-check-private.h"

static void
check_target_money (BudCheckRun       *run,
                    const BudTarget   *t,
                    guint              position,
                    const BudCheckSum *s)
{
  gint64 fiscal = t->fiscal_upper + t->fiscal_local;

  if (fiscal != s->fiscal)
    bud_check_emit (run, "projects.target-money", BUD_KIND_TARGET, t->id, (gint) position, "fiscal_local",
                    _("%s: fiscal funds %s (higher level %s + this level %s), but the project’s fiscal lines add up to %s"),
                    bud_check_target_name (run, t), bud_check_wan (run, fiscal),
                    bud_check_wan (run, t->fiscal_upper), bud_check_wan (run, t->fiscal_local),
                    bud_check_wan (run, s->fiscal));
  if (t->other != s->total - s->fiscal)
    bud_check_emit (run, "projects.target-money", BUD_KIND_TARGET, t->id, (gint) position, "other",
                    _("%s: other funds %s, but the project’s lines from other sources add up to %s"),
                    bud_check_target_name (run, t), bud_check_wan (run, t->other),
                    bud_check_wan (run, s->total - s->fiscal));
}

void
bud_rules_projects (BudCheckRun *run)
{
  GPtrArray *projects = bud_document_items (run->doc, BUD_KIND_PROJECT);
  GPtrArray *targets = bud_document_items (run->doc, BUD_KIND_TARGET);
  g_autoptr(GHashTable) by_project = g_hash_table_new (g_int64_hash, g_int64_equal);

  /* keys point at each target's own project field */
  for (guint i = 0; i < targets->len; i++)
    {
      BudTarget *t = g_ptr_array_index (targets, i);
      if (t->project != 0)
        g_hash_table_insert (by_project, &t->project, GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < projects->len; i++)
    {
      BudProject *p = g_ptr_array_index (projects, i);
      BudCheckSum *s = &run->fig->projects[i];
      guint tpos = GPOINTER_TO_UINT (g_hash_table_lookup (by_project, &p->id));

      if (s->total == 0 && s->n_lines == 0)
        bud_check_emit (run, "projects.no-lines", BUD_KIND_PROJECT, p->id, (gint) i, NULL,
                        _("Project “%s” has no money: no line is budgeted on it"), p->name);
      else if (s->total == 0)
        bud_check_emit (run, "projects.no-lines", BUD_KIND_PROJECT, p->id, (gint) i, NULL,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "Project “%s” has no money: its %u line adds up to 0.00 万元",
                                     "Project “%s” has no money: its %u lines add up to 0.00 万元",
                                     s->n_lines),
                        p->name, s->n_lines);

      if (tpos == 0)
        bud_check_emit (run, "projects.target", BUD_KIND_PROJECT, p->id, (gint) i, NULL,
                        _("Project “%s” (%s) has no performance target table"),
                        p->name, bud_check_wan (run, s->total));
      else
        check_target_money (run, g_ptr_array_index (targets, tpos - 1), tpos - 1, s);
    }
}
