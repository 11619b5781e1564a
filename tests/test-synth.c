/* test-synth.c — the synthetic department generator: deterministic, the right size, clean
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The benchmark's figures are comparable from run to run and machine to
 * machine only if the same seed gives the same document, and they are
 * meaningful only if the document is one a department could publish: no
 * check error, every table of the template with money in it.
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "bud-check.h"
#include "bud-jsonio.h"
#include "bud-pivot.h"
#include "bud-synth.h"

static BudTemplate *
load_template (void)
{
  g_autoptr(GError) error = NULL;
  BudTemplate *tpl = bud_template_load ("xinjiang-2026", &error);

  g_assert_no_error (error);
  return tpl;
}

static void
test_size_names (void)
{
  BudSynthSize size = BUD_SYNTH_N_SIZES;

  for (guint i = 0; i < BUD_SYNTH_N_SIZES; i++)
    {
      g_assert_true (bud_synth_size_from_string (bud_synth_size_to_string (i), &size));
      g_assert_cmpuint (size, ==, i);
    }
  g_assert_true (bud_synth_size_from_string ("xl", &size));
  g_assert_cmpuint (size, ==, BUD_SYNTH_XL);
  g_assert_false (bud_synth_size_from_string ("XXL", &size));
  g_assert_false (bud_synth_size_from_string ("", &size));
}

/* DESIGN's large department, and XL five times it */
static void
test_counts_spec (void)
{
  const BudSynthCounts *l = bud_synth_counts (BUD_SYNTH_L);
  const BudSynthCounts *xl = bud_synth_counts (BUD_SYNTH_XL);

  g_assert_cmpuint (l->units, ==, 40);
  g_assert_cmpuint (l->lines, ==, 20000);
  g_assert_cmpuint (l->projects, ==, 800);
  g_assert_cmpuint (l->indicators, ==, 8000);
  g_assert_cmpuint (xl->units, ==, 5 * l->units);
  g_assert_cmpuint (xl->lines, ==, 5 * l->lines);
  g_assert_cmpuint (xl->projects, ==, 5 * l->projects);
  g_assert_cmpuint (xl->indicators, ==, 5 * l->indicators);
  for (guint i = 1; i < BUD_SYNTH_N_SIZES; i++)
    g_assert_cmpuint (bud_synth_counts (i)->lines, >, bud_synth_counts (i - 1)->lines);
}

static void
assert_size (BudDocument  *doc,
             BudSynthSize  size)
{
  const BudSynthCounts *n = bud_synth_counts (size);
  GPtrArray *projects = bud_document_items (doc, BUD_KIND_PROJECT);

  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_UNIT), ==, n->units);
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_LINE), ==, n->lines);
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_PROJECT), ==, n->projects);
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_INDICATOR), ==, n->indicators);
  /* every project and the department have a target table */
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_TARGET), ==, n->projects + 1);
  g_assert_nonnull (bud_document_find_target (doc, 0));
  for (guint i = 0; i < projects->len; i++)
    g_assert_nonnull (bud_document_find_target (doc, ((BudProject *) g_ptr_array_index (projects, i))->id));
  /* a generated document is a loaded one: nothing to undo */
  g_assert_false (bud_document_can_undo (doc));
}

static void
test_sizes (void)
{
  for (BudSynthSize size = BUD_SYNTH_S; size <= BUD_SYNTH_L; size++)
    {
      g_autoptr(BudDocument) doc = bud_synth_generate (size, 7);

      assert_size (doc, size);
    }
}

static void
test_deterministic (void)
{
  for (BudSynthSize size = BUD_SYNTH_S; size <= BUD_SYNTH_M; size++)
    {
      g_autoptr(BudDocument) a = bud_synth_generate (size, 42);
      g_autoptr(BudDocument) b = bud_synth_generate (size, 42);
      g_autoptr(BudDocument) c = bud_synth_generate (size, 43);
      g_autofree char *ja = bud_json_write_data (a, NULL);
      g_autofree char *jb = bud_json_write_data (b, NULL);
      g_autofree char *jc = bud_json_write_data (c, NULL);

      g_assert_cmpstr (ja, ==, jb);
      g_assert_cmpstr (ja, !=, jc);
    }
}

/* The JSON reader accepts what the generator makes (it validates every value),
 * and the round trip keeps it whole. */
static void
test_json_round_trip (void)
{
  g_autoptr(BudDocument) doc = bud_synth_generate (BUD_SYNTH_M, 3);
  g_autofree char *json = bud_json_write_data (doc, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDocument) back = bud_json_read_data (json, -1, &error);
  g_autofree char *diff = NULL;

  g_assert_no_error (error);
  g_assert_true (bud_document_equal (doc, back, &diff));
}

/* 控制数 = lines per source, summed here independently of the checks */
static void
test_income_balances (void)
{
  g_autoptr(BudDocument) doc = bud_synth_generate (BUD_SYNTH_M, 11);
  GPtrArray *lines = bud_document_items (doc, BUD_KIND_LINE);
  GPtrArray *income = bud_document_items (doc, BUD_KIND_INCOME);
  gint64 by_source[BUD_N_SOURCES] = { 0 };
  guint n_sources = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      BudLine *l = g_ptr_array_index (lines, i);
      by_source[l->source] += l->amount;
    }
  for (guint s = 0; s < BUD_N_SOURCES; s++)
    {
      BudIncome *in = bud_document_find_income (doc, s);

      g_assert_cmpint (in ? in->amount : 0, ==, by_source[s]);
      n_sources += by_source[s] != 0;
    }
  g_assert_cmpuint (income->len, ==, n_sources);
  /* a department of several sources, not one */
  g_assert_cmpuint (n_sources, >=, 6);
}

static void
assert_clean (BudSynthSize size,
              guint32      seed)
{
  g_autoptr(BudTemplate) tpl = load_template ();
  g_autoptr(BudDocument) doc = bud_synth_generate (size, seed);
  g_autoptr(GPtrArray) findings = NULL;
  BudCheckContext ctx;

  bud_check_context_init (&ctx, tpl);
  findings = bud_check_run (doc, &ctx);
  for (guint i = 0; i < findings->len; i++)
    {
      BudFinding *f = g_ptr_array_index (findings, i);

      if (f->severity != BUD_SEVERITY_INFO)
        g_test_message ("%s %s: %s", bud_severity_to_string (f->severity), f->rule, f->message);
    }
  g_assert_cmpuint (bud_check_count (findings, BUD_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (bud_check_count (findings, BUD_SEVERITY_WARNING), ==, 0);
}

static void
test_checks_clean_small (void)
{
  assert_clean (BUD_SYNTH_S, 1);
  assert_clean (BUD_SYNTH_S, 2);
  assert_clean (BUD_SYNTH_M, 1);
}

static void
test_checks_clean_large (void)
{
  assert_clean (BUD_SYNTH_L, 1);
}

/* Every table of the template has money, so a benchmark builds all of them for real. */
static void
test_tables_filled (void)
{
  g_autoptr(BudTemplate) tpl = load_template ();
  g_autoptr(BudDocument) doc = bud_synth_generate (BUD_SYNTH_L, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tables = bud_pivot_build_all (tpl, doc, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (tables->len, ==, bud_template_get_n_tables (tpl));
  for (guint i = 0; i < tables->len; i++)
    {
      BudTable *t = g_ptr_array_index (tables, i);

      if (t->empty)
        g_test_message ("table %u (%s) is empty", t->number, t->title);
      g_assert_false (t->empty);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/synth/size-names", test_size_names);
  g_test_add_func ("/synth/counts/spec", test_counts_spec);
  g_test_add_func ("/synth/counts/generated", test_sizes);
  g_test_add_func ("/synth/deterministic", test_deterministic);
  g_test_add_func ("/synth/json-round-trip", test_json_round_trip);
  g_test_add_func ("/synth/income-balances", test_income_balances);
  g_test_add_func ("/synth/checks/clean-small", test_checks_clean_small);
  g_test_add_func ("/synth/checks/clean-large", test_checks_clean_large);
  g_test_add_func ("/synth/tables-filled", test_tables_filled);

  return g_test_run ();
}
