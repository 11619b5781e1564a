/* test-rollover.c — next year's document from this year's, on the reference example
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures expected are the reference package's (seed-changji-2026.txt):
 * 一般公共预算 247.42 万元, 事业运行 (2010350) 152.71 万元, 项目支出 30.00 万元.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bud-check.h"
#include "bud-jsonio.h"
#include "bud-narrative.h"
#include "bud-rollover.h"

static BudDocument *
load_example (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("BUD_SOURCE_ROOT"), "data", "examples",
                                            "changji-2026.json", NULL);
  BudDocument *doc = bud_json_read_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static BudDocument *
roll_example (BudDocument **out_this_year)
{
  g_autoptr(GError) error = NULL;
  BudDocument *doc = load_example ();
  BudDocument *next = bud_rollover (doc, &error);

  g_assert_no_error (error);
  g_assert_nonnull (next);
  if (out_this_year)
    *out_this_year = doc;
  else
    g_object_unref (doc);
  return next;
}

static gint64
last_year (BudDocument *doc,
           const char  *measure)
{
  BudComparative *c = bud_document_find_comparative (doc, measure);

  if (c == NULL)
    g_error ("no comparative for %s", measure);
  return c->last_year;
}

static void
test_comparatives (void)
{
  g_autoptr(BudDocument) doc = NULL;
  g_autoptr(BudDocument) next = roll_example (&doc);
  GPtrArray *comps = bud_document_items (next, BUD_KIND_COMPARATIVE);
  GPtrArray *lines = bud_document_items (doc, BUD_KIND_LINE);
  static const char * const required[] = {
    "income.general", "income.total", "expense.total", "expense.basic", "expense.project",
    "general.total", "general.basic", "general.project", "sangong.total", "sangong.abroad",
    "sangong.reception", "sangong.vehicle", "sangong.vehicle_purchase", "sangong.vehicle_operation",
    "entrusted.total", "running.total",
  };

  g_assert_cmpint (bud_document_meta (next)->year, ==, 2027);
  g_assert_cmpstr (bud_document_meta (next)->date, ==, "");
  g_assert_cmpstr (bud_document_meta (next)->template_id, ==, bud_document_meta (doc)->template_id);

  /* the reference package's figures */
  g_assert_cmpint (last_year (next, "general.func.2010350"), ==, 152712000);
  g_assert_cmpint (last_year (next, "income.general"), ==, 247422000);
  g_assert_cmpint (last_year (next, "expense.project"), ==, 30000000);

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    last_year (next, required[i]);
  /* every 项 with 一般公共预算 money has its comparative */
  for (guint i = 0; i < lines->len; i++)
    {
      BudLine *l = g_ptr_array_index (lines, i);
      g_autofree char *key = g_strconcat ("general.func.", l->func, NULL);
      gint64 v = 0;

      g_assert_true (bud_check_measure_value (doc, key, &v));
      if (l->source == BUD_SOURCE_GENERAL && v != 0)
        last_year (next, key);
    }
  /* and each equals this year's figure, with no reason yet */
  for (guint i = 0; i < comps->len; i++)
    {
      BudComparative *c = g_ptr_array_index (comps, i);
      gint64 v = 0;

      g_assert_true (bud_check_measure_value (doc, c->measure, &v));
      if (c->last_year != v)
        g_error ("%s: last year %" G_GINT64_FORMAT ", this year's figure %" G_GINT64_FORMAT,
                 c->measure, c->last_year, v);
      g_assert_cmpstr (c->reason, ==, "");
    }
}

static void
test_kept_and_cleared (void)
{
  g_autoptr(BudDocument) doc = NULL;
  g_autoptr(BudDocument) next = roll_example (&doc);
  BudProfile *p = bud_document_profile (doc), *np = bud_document_profile (next);
  GPtrArray *a;

  g_assert_cmpstr (np->functions, ==, p->functions);
  g_assert_cmpint (np->staff_authorized_last, ==, p->staff_authorized);
  g_assert_cmpint (np->staff_active_last, ==, p->staff_active);
  g_assert_cmpuint (bud_document_count (next, BUD_KIND_UNIT), ==, bud_document_count (doc, BUD_KIND_UNIT));
  g_assert_cmpuint (bud_document_count (next, BUD_KIND_PROJECT), ==, bud_document_count (doc, BUD_KIND_PROJECT));
  g_assert_cmpuint (bud_document_count (next, BUD_KIND_INDICATOR), ==, bud_document_count (doc, BUD_KIND_INDICATOR));
  g_assert_cmpuint (bud_document_count (next, BUD_KIND_TARGET), ==, bud_document_count (doc, BUD_KIND_TARGET));
  g_assert_cmpuint (bud_document_count (next, BUD_KIND_COMMENT), ==, 0);
  g_assert_cmpuint (bud_document_count (next, BUD_KIND_SNAPSHOT), ==, 0);
  g_assert_cmpstr (bud_document_get_text (next, "glossary"), ==, bud_document_get_text (doc, "glossary"));
  g_assert_cmpint (bud_document_procurement (next)->total, ==, 0);

  a = bud_document_items (next, BUD_KIND_LINE);
  g_assert_cmpuint (a->len, >, 0);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpint (((BudLine *) g_ptr_array_index (a, i))->amount, ==, 0);
  a = bud_document_items (next, BUD_KIND_INCOME);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpint (((BudIncome *) g_ptr_array_index (a, i))->amount, ==, 0);
  a = bud_document_items (next, BUD_KIND_PROJECT);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (((BudProject *) g_ptr_array_index (a, i))->execution, ==, "");
  a = bud_document_items (next, BUD_KIND_TARGET);
  for (guint i = 0; i < a->len; i++)
    {
      BudTarget *t = g_ptr_array_index (a, i);
      BudTarget *old = bud_document_lookup (doc, BUD_KIND_TARGET, t->id);

      g_assert_cmpstr (t->goal, ==, old->goal);
      g_assert_cmpint (t->fiscal_upper + t->fiscal_local + t->other, ==, 0);
    }
  a = bud_document_items (next, BUD_KIND_INDICATOR);
  for (guint i = 0; i < a->len; i++)
    {
      BudIndicator *ind = g_ptr_array_index (a, i);
      BudIndicator *old = bud_document_lookup (doc, BUD_KIND_INDICATOR, ind->id);

      g_assert_cmpstr (ind->value, ==, old->value);
      g_assert_cmpstr (ind->last_value, ==, "");
    }
  g_assert_false (bud_document_can_undo (next));
}

static const char *
paragraph_with (GPtrArray  *sections,
                const char *needle)
{
  for (guint i = 0; i < sections->len; i++)
    {
      BudNarrativeSection *s = g_ptr_array_index (sections, i);
      const char *hit = strstr (s->body, needle);

      if (hit)
        return hit;
    }
  return NULL;
}

/* The narrative of 2027 compares the amounts entered against 2026's figures. */
static void
test_narrative_compares (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDocument) next = roll_example (NULL);
  g_autoptr(GPtrArray) sections = NULL;
  GPtrArray *lines = bud_document_items (next, BUD_KIND_LINE);
  BudLine *admin = NULL;
  const char *p;

  for (guint i = 0; i < lines->len && !admin; i++)
    {
      BudLine *l = g_ptr_array_index (lines, i);
      if (strcmp (l->func, "2010350") == 0 && strcmp (l->econ, "30101") == 0 && l->source == BUD_SOURCE_GENERAL)
        admin = l;
    }
  g_assert_nonnull (admin);
  /* 事业运行 160.00 万元 against 152.712 万元: +7.288 → 7.29, 4.77 % */
  g_assert_true (bud_document_set_int (next, BUD_KIND_LINE, admin->id, "amount", 160000000, &error));
  /* 一般公共预算 200.00 万元 against 247.422 万元: −47.422 → 47.42 */
  g_assert_true (bud_document_set_int (next, BUD_KIND_INCOME, bud_document_find_income (next, BUD_SOURCE_GENERAL)->id,
                                       "amount", 200000000, &error));
  g_assert_no_error (error);

  sections = bud_narrative_build (next, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sections);

  p = paragraph_with (sections, "事业运行（项）：2027年预算数为160.00万元，比上年预算增加7.29万元，增长4.77%");
  g_assert_nonnull (p);
  g_assert_nonnull (paragraph_with (sections, "比上年预算减少47.42万元"));
}

static void
test_cli (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-rollover-XXXXXX", &error);
  g_autofree char *json = g_build_filename (dir, "changji-2027.json", NULL);
  g_autofree char *budget = g_build_filename (dir, "changji-2027.budget", NULL);
  g_autofree char *in = g_build_filename (g_getenv ("BUD_SOURCE_ROOT"), "data", "examples",
                                          "changji-2026.json", NULL);
  g_autoptr(BudDocument) read = NULL;
  g_autoptr(BudDocument) expected = roll_example (NULL);
  g_autofree char *diff = NULL;
  const char *argv[] = { g_getenv ("BUD_CLI"), "rollover", in, json, NULL };
  int status = 0;

  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL | G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  read = bud_json_read_file (json, &error);
  g_assert_no_error (error);
  g_assert_true (bud_document_equal (read, expected, &diff));

  /* OUT exists: refused without --force */
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL | G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_false (g_spawn_check_wait_status (status, NULL));

  argv[3] = budget;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL | G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_test (budget, G_FILE_TEST_IS_REGULAR));

  g_unlink (json);
  g_unlink (budget);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rollover/example/comparatives", test_comparatives);
  g_test_add_func ("/rollover/example/kept-and-cleared", test_kept_and_cleared);
  g_test_add_func ("/rollover/example/narrative", test_narrative_compares);
  g_test_add_func ("/rollover/cli", test_cli);

  return g_test_run ();
}
