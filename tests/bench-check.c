/* bench-check.c — how long a full check run takes on a large department
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates the DESIGN target document (bud_synth_generate, size L: 40 units,
 * 20,000 lines, 800 projects, 8,000 indicators), then times bud_check_run after
 * each of 50 edits (a line's amount, as the app does) and prints the median;
 * the first run, which judges every item, is shown apart, since later runs
 * judge again only what changed. Not a test: timings on a shared machine are
 * not pass/fail material. Usage: bench-check [runs]
 */
#include "config.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "bud-check.h"
#include "bud-synth.h"
#include "bud-template.h"

static int
compare_gint64 (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

int
main (int argc, char **argv)
{
  guint runs = argc > 1 ? (guint) atoi (argv[1]) : 50;
  g_autoptr(BudTemplate) tpl = bud_template_load ("xinjiang-2026", NULL);
  BudCheckContext ctx;
  g_autoptr(BudDocument) doc = NULL;
  g_autofree gint64 *times = NULL;
  GPtrArray *lines;
  gint64 start;
  guint n_findings = 0;

  if (runs == 0)
    runs = 50;
  times = g_new0 (gint64, runs);

  bud_check_context_init (&ctx, tpl);
  start = g_get_monotonic_time ();
  doc = bud_synth_generate (BUD_SYNTH_L, 1);
  g_print ("document: %u units, %u lines, %u projects, %u targets, %u indicators (built in %.1f ms)\n",
           bud_document_count (doc, BUD_KIND_UNIT), bud_document_count (doc, BUD_KIND_LINE),
           bud_document_count (doc, BUD_KIND_PROJECT), bud_document_count (doc, BUD_KIND_TARGET),
           bud_document_count (doc, BUD_KIND_INDICATOR),
           (g_get_monotonic_time () - start) / 1000.0);

  {
    g_autoptr(GPtrArray) findings = NULL;

    start = g_get_monotonic_time ();
    findings = bud_check_run (doc, &ctx);
    g_print ("first run (every item judged): %.2f ms\n", (g_get_monotonic_time () - start) / 1000.0);
  }

  lines = bud_document_items (doc, BUD_KIND_LINE);
  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GPtrArray) findings = NULL;
      BudLine *l = g_ptr_array_index (lines, g_random_int_range (0, lines->len));

      if (!bud_document_set_int (doc, BUD_KIND_LINE, l->id, "amount", l->amount + 100, NULL))
        g_error ("edit refused");
      start = g_get_monotonic_time ();
      findings = bud_check_run (doc, &ctx);
      times[i] = g_get_monotonic_time () - start;
      n_findings = findings->len;
      if (i == 0)
        for (guint j = 0; j < MIN (findings->len, 10u); j++)
          g_print ("  e.g. %s: %s\n", ((BudFinding *) g_ptr_array_index (findings, j))->rule,
                   ((BudFinding *) g_ptr_array_index (findings, j))->message);
    }
  qsort (times, runs, sizeof (gint64), compare_gint64);
  g_print ("bud_check_run after an edit: %u findings; median %.2f ms, min %.2f ms, max %.2f ms over %u runs\n",
           n_findings, times[runs / 2] / 1000.0, times[0] / 1000.0, times[runs - 1] / 1000.0, runs);
  return 0;
}
