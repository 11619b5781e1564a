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

/* The pivot keeps its sums between builds and only redoes the lines that
 * changed. After every kind of edit, what it builds must be exactly what a
 * document that never had tables built (a fresh copy) gives. */
static char *
tables_tsv (BudTemplate *tpl,
            BudDocument *doc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tables = bud_pivot_build_all (tpl, doc, NULL, &error);

  g_assert_no_error (error);
  return bud_tables_to_tsv (tables);
}

static void
assert_tables_fresh (BudTemplate *tpl,
                     BudDocument *doc,
                     const char  *after)
{
  g_autofree char *json = bud_json_write_data (doc, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDocument) fresh = bud_json_read_data (json, -1, &error);
  g_autofree char *kept = NULL;
  g_autofree char *anew = NULL;
  g_autoptr(BudTable) one = NULL;
  g_autoptr(BudTable) one_fresh = NULL;
  g_autofree char *one_tsv = NULL;
  g_autofree char *one_fresh_tsv = NULL;
  guint t = g_str_hash (after) % bud_template_get_n_tables (tpl);

  g_assert_no_error (error);
  kept = tables_tsv (tpl, doc);
  anew = tables_tsv (tpl, fresh);
  if (strcmp (kept, anew) != 0)
    {
      g_auto(GStrv) a = g_strsplit (kept, "\n", -1);
      g_auto(GStrv) b = g_strsplit (anew, "\n", -1);
      guint i = 0;

      while (a[i] && b[i] && strcmp (a[i], b[i]) == 0)
        i++;
      g_test_message ("tables differ after %s, line %u:\n  kept:  %s\n  fresh: %s",
                      after, i + 1, a[i] ? a[i] : "(end)", b[i] ? b[i] : "(end)");
      g_test_fail ();
      return;
    }

  /* one table at a time sees the same */
  one = bud_pivot_build (tpl, t, doc, NULL, &error);
  g_assert_no_error (error);
  one_fresh = bud_pivot_build (tpl, t, fresh, NULL, &error);
  g_assert_no_error (error);
  one_tsv = bud_table_to_tsv (one);
  one_fresh_tsv = bud_table_to_tsv (one_fresh);
  g_assert_cmpstr (one_tsv, ==, one_fresh_tsv);
}

static BudLine *
random_line (BudDocument *doc,
             GRand       *rand)
{
  GPtrArray *lines = bud_document_items (doc, BUD_KIND_LINE);

  return g_ptr_array_index (lines, g_rand_int_range (rand, 0, lines->len));
}

static void
test_pivot_incremental (void)
{
  static const char * const funcs[] = { "2010350", "2080505", "2050101", "20103", "2010399", "2299999" };
  static const char * const econs[] = { "30101", "30227", "30217", "31013", "30302", "30399", "39999" };
  g_autoptr(BudTemplate) tpl = load_template ();
  /* small: each step copies the document through JSON */
  g_autoptr(BudDocument) doc = bud_synth_generate (BUD_SYNTH_S, 5);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  GPtrArray *projects = bud_document_items (doc, BUD_KIND_PROJECT);
  g_autofree char *first = tables_tsv (tpl, doc);

  for (guint step = 0; step < 160; step++)
    {
      g_autoptr(GError) error = NULL;
      BudLine *l = random_line (doc, rand);
      guint what = step % 16;
      const char *after = NULL;

      switch (what)
        {
        case 0:
          g_assert_true (bud_document_set_int (doc, BUD_KIND_LINE, l->id, "amount",
                                               g_rand_int_range (rand, 0, 1000000), &error));
          after = "an amount";
          break;
        case 1:
          g_assert_true (bud_document_set_text (doc, BUD_KIND_LINE, l->id, "func",
                                                funcs[g_rand_int_range (rand, 0, G_N_ELEMENTS (funcs))], &error));
          after = "a functional code";
          break;
        case 2:
          g_assert_true (bud_document_set_text (doc, BUD_KIND_LINE, l->id, "econ",
                                                econs[g_rand_int_range (rand, 0, G_N_ELEMENTS (econs))], &error));
          after = "an economic code";
          break;
        case 3:
          g_assert_true (bud_document_set_int (doc, BUD_KIND_LINE, l->id, "source",
                                               g_rand_int_range (rand, 0, BUD_N_SOURCES), &error));
          after = "a source";
          break;
        case 4:
          g_assert_true (bud_document_set_int (doc, BUD_KIND_LINE, l->id, "kind",
                                               l->kind == BUD_SPEND_BASIC ? BUD_SPEND_PROJECT : BUD_SPEND_BASIC,
                                               &error));
          after = "a kind";
          break;
        case 5:
          {
            BudProject *p = g_ptr_array_index (projects, g_rand_int_range (rand, 0, projects->len));
            g_assert_true (bud_document_set_int (doc, BUD_KIND_LINE, l->id, "project",
                                                 l->project ? 0 : p->id, &error));
            after = "a project link";
          }
          break;
        case 6:
          {
            BudLine *copy = bud_entity_copy (BUD_KIND_LINE, l);
            GPtrArray *lines = bud_document_items (doc, BUD_KIND_LINE);

            copy->id = 0;
            copy->amount += 12345;
            g_assert_nonnull (bud_document_insert (doc, BUD_KIND_LINE, copy,
                                                   g_rand_int_range (rand, 0, lines->len), &error));
            after = "an insert";
          }
          break;
        case 7:
          g_assert_true (bud_document_remove (doc, BUD_KIND_LINE, l->id, &error));
          after = "a removal";
          break;
        case 8:
          g_assert_true (bud_document_move (doc, BUD_KIND_LINE, l->id,
                                            g_rand_int_range (rand, 0, bud_document_count (doc, BUD_KIND_LINE)),
                                            &error));
          after = "a move";
          break;
        case 9:
          {
            BudProject *p = g_ptr_array_index (projects, g_rand_int_range (rand, 0, projects->len));
            g_autofree char *name = g_strdup_printf ("改名项目 %u", step);

            g_assert_true (bud_document_set_text (doc, BUD_KIND_PROJECT, p->id, "name", name, &error));
            g_assert_true (bud_document_move (doc, BUD_KIND_PROJECT, p->id, 0, &error));
            after = "a project renamed and moved";
          }
          break;
        case 10:
          {
            BudIncome *in = g_ptr_array_index (bud_document_items (doc, BUD_KIND_INCOME), 0);
            g_assert_true (bud_document_set_int (doc, BUD_KIND_INCOME, in->id, "amount", in->amount + 100, &error));
            after = "an income amount";
          }
          break;
        case 11:
          /* tables built inside a transaction that is then rolled back */
          g_assert_true (bud_document_begin (doc, &error));
          g_assert_true (bud_document_set_int (doc, BUD_KIND_LINE, l->id, "amount", l->amount + 777, &error));
          g_assert_true (bud_document_set_text (doc, BUD_KIND_LINE, l->id, "func", "2010350", &error));
          g_free (tables_tsv (tpl, doc));
          bud_document_rollback (doc);
          after = "a rollback";
          break;
        case 12:
          g_assert_true (bud_document_undo (doc, &error));
          after = "an undo";
          break;
        case 13:
          {
            /* a name the document gives a code wins over the catalog's */
            BudCustomCode *cc = bud_entity_new (BUD_KIND_CUSTOM_CODE);
            g_autofree char *name = g_strdup_printf ("自定义名称 %u", step);

            cc->scheme = step % 2 ? BUD_SCHEME_FUNCTIONAL : BUD_SCHEME_ECONOMIC;
            g_free (cc->code);
            cc->code = g_strdup (step % 2 ? l->func : l->econ);
            g_free (cc->name);
            cc->name = g_strdup (name);
            g_assert_nonnull (bud_document_insert (doc, BUD_KIND_CUSTOM_CODE, cc, -1, &error));
            after = "a custom code name";
          }
          break;
        case 14:
          {
            g_autofree char *name = g_strdup_printf ("改名部门 %u", step);

            g_assert_true (bud_document_set_text (doc, BUD_KIND_META, 1, "department", name, &error));
            after = "a department name";
          }
          break;
        default:
          g_assert_true (bud_document_set_int (doc, BUD_KIND_LINE, l->id, "amount", l->amount, &error));
          g_assert_true (bud_document_redo (doc, &error) || !bud_document_can_redo (doc));
          after = "a redo";
          break;
        }
      g_assert_no_error (error);
      assert_tables_fresh (tpl, doc, after);
    }

  /* and undoing everything gives the first tables back */
  while (bud_document_can_undo (doc))
    g_assert_true (bud_document_undo (doc, NULL));
  {
    g_autofree char *last = tables_tsv (tpl, doc);
    g_assert_cmpstr (first, ==, last);
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
  g_test_add_func ("/synth/pivot/incremental-equals-fresh", test_pivot_incremental);

  return g_test_run ();
}
