/* test-indicator-library.c — the user's indicator library file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "bud-indicator-library.h"
#include "bud-jsonio.h"

static BudIndicator *
make_indicator (const char *level1,
                const char *level2,
                const char *name,
                int         op,
                const char *value,
                gint64      weight)
{
  BudIndicator *ind = bud_entity_new (BUD_KIND_INDICATOR);

  ind->id = 42;
  ind->target = 7;
  g_free (ind->level1); ind->level1 = g_strdup (level1);
  g_free (ind->level2); ind->level2 = g_strdup (level2);
  g_free (ind->name); ind->name = g_strdup (name);
  ind->op = op;
  g_free (ind->value); ind->value = g_strdup (value);
  g_free (ind->unit); ind->unit = g_strdup ("%");
  g_free (ind->last_value); ind->last_value = g_strdup ("95");
  g_free (ind->scoring); ind->scoring = g_strdup ("按比例赋分\n第二行");
  ind->weight = weight;
  return ind;
}

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("bud-indlib-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
test_missing_is_empty (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "none.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BudIndicatorLibrary) lib = bud_indicator_library_load (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (lib);
  g_assert_cmpuint (bud_indicator_library_get_n_items (lib), ==, 0);
  g_rmdir (dir);
}

static void
test_round_trip (void)
{
  g_autofree char *dir = temp_dir ();
  /* the parent folder does not exist yet: save creates it */
  g_autofree char *path = g_build_filename (dir, "sub", "indicators.json", NULL);
  g_autofree char *sub = g_path_get_dirname (path);
  g_autoptr(BudIndicatorLibrary) lib = bud_indicator_library_new ();
  g_autoptr(BudIndicatorLibrary) back = NULL;
  g_autoptr(GError) error = NULL;
  BudIndicator *a = make_indicator ("产出指标", "数量指标", "培训人次", BUD_OP_GE, "160", 1050);
  BudIndicator *b = make_indicator ("满意度指标", "服务对象满意度指标", "群众满意度", BUD_OP_QUAL, "较高", 1000);
  const BudIndicator *got;

  g_assert_cmpuint (bud_indicator_library_add (lib, a), ==, 0);
  g_assert_cmpuint (bud_indicator_library_add (lib, b), ==, 1);
  g_assert_true (bud_indicator_library_save (lib, path, &error));
  g_assert_no_error (error);

  back = bud_indicator_library_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bud_indicator_library_get_n_items (back), ==, 2);
  got = bud_indicator_library_get (back, 0);
  g_assert_cmpstr (got->level1, ==, a->level1);
  g_assert_cmpstr (got->name, ==, a->name);
  g_assert_cmpint (got->op, ==, BUD_OP_GE);
  g_assert_cmpstr (got->value, ==, "160");
  g_assert_cmpint (got->weight, ==, a->weight);
  g_assert_cmpstr (got->scoring, ==, a->scoring);
  /* owner, id and last year's result belong to a table, not to the library */
  g_assert_cmpint (got->id, ==, 0);
  g_assert_cmpint (got->target, ==, 0);
  g_assert_cmpstr (got->last_value, ==, "");
  got = bud_indicator_library_get (back, 1);
  g_assert_cmpint (got->op, ==, BUD_OP_QUAL);
  g_assert_cmpstr (got->value, ==, "较高");

  bud_entity_free (BUD_KIND_INDICATOR, a);
  bud_entity_free (BUD_KIND_INDICATOR, b);
  g_unlink (path);
  g_rmdir (sub);
  g_rmdir (dir);
}

static void
test_add_replaces_same_names (void)
{
  g_autoptr(BudIndicatorLibrary) lib = bud_indicator_library_new ();
  BudIndicator *a = make_indicator ("产出指标", "数量指标", "培训人次", BUD_OP_GE, "160", 1000);
  BudIndicator *b = make_indicator ("产出指标", "数量指标", "培训人次", BUD_OP_LE, "200", 500);

  bud_indicator_library_add (lib, a);
  g_assert_cmpuint (bud_indicator_library_add (lib, b), ==, 0);
  g_assert_cmpuint (bud_indicator_library_get_n_items (lib), ==, 1);
  g_assert_cmpstr (bud_indicator_library_get (lib, 0)->value, ==, "200");
  g_assert_cmpint (bud_indicator_library_find (lib, "产出指标", "数量指标", "培训人次"), ==, 0);
  g_assert_cmpint (bud_indicator_library_find (lib, "产出指标", "质量指标", "培训人次"), ==, -1);
  bud_indicator_library_remove (lib, 0);
  g_assert_cmpuint (bud_indicator_library_get_n_items (lib), ==, 0);
  bud_entity_free (BUD_KIND_INDICATOR, a);
  bud_entity_free (BUD_KIND_INDICATOR, b);
}

static void
test_import_merges (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "shared.json", NULL);
  g_autoptr(BudIndicatorLibrary) other = bud_indicator_library_new ();
  g_autoptr(BudIndicatorLibrary) mine = bud_indicator_library_new ();
  g_autoptr(GError) error = NULL;
  BudIndicator *a = make_indicator ("产出指标", "数量指标", "培训人次", BUD_OP_GE, "160", 1000);
  BudIndicator *b = make_indicator ("效益指标", "社会效益指标", "覆盖率", BUD_OP_GE, "90", 1000);
  BudIndicator *mine_a = make_indicator ("产出指标", "数量指标", "培训人次", BUD_OP_GE, "300", 1000);
  guint added = 99;

  bud_indicator_library_add (other, a);
  bud_indicator_library_add (other, b);
  g_assert_true (bud_indicator_library_save (other, path, &error));
  bud_indicator_library_add (mine, mine_a);

  g_assert_true (bud_indicator_library_import (mine, path, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpuint (bud_indicator_library_get_n_items (mine), ==, 2);
  /* the user's own entry is kept, not overwritten by the imported one */
  g_assert_cmpstr (bud_indicator_library_get (mine, 0)->value, ==, "300");

  bud_entity_free (BUD_KIND_INDICATOR, a);
  bud_entity_free (BUD_KIND_INDICATOR, b);
  bud_entity_free (BUD_KIND_INDICATOR, mine_a);
  g_unlink (path);
  g_rmdir (dir);
}

static void
check_refused (const char *json,
               const char *expect_in_message)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "bad.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BudIndicatorLibrary) lib = NULL;
  g_autoptr(BudIndicatorLibrary) mine = bud_indicator_library_new ();
  BudIndicator *a = make_indicator ("产出指标", "数量指标", "培训人次", BUD_OP_GE, "160", 1000);

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  lib = bud_indicator_library_load (path, &error);
  g_assert_null (lib);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, expect_in_message));
  g_clear_error (&error);

  /* a failed import adds nothing */
  bud_indicator_library_add (mine, a);
  g_assert_false (bud_indicator_library_import (mine, path, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (bud_indicator_library_get_n_items (mine), ==, 1);

  bud_entity_free (BUD_KIND_INDICATOR, a);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_refuses_bad_files (void)
{
  check_refused ("{\"format\": \"deptbudget\", \"version\": 1, \"indicators\": []}", "not an indicator library");
  check_refused ("{\"format\": \"deptbudget-indicators\", \"version\": 9, \"indicators\": []}", "version 9");
  check_refused ("{\"format\": \"deptbudget-indicators\", \"version\": 1, \"indicators\": "
                 "[{\"level1\": \"产出指标\", \"level2\": \"数量指标\", \"name\": \"x\", \"op\": \"about\"}]}",
                 "about");
  check_refused ("{\"format\": \"deptbudget-indicators\", \"version\": 1, \"indicators\": "
                 "[{\"level1\": \"产出指标\", \"level2\": \"数量指标\", \"name\": \"x\", \"weight\": \"ten\"}]}",
                 "indicator 1");
  check_refused ("{\"format\": \"deptbudget-indicators\", \"version\": 1, \"indicators\": "
                 "[{\"level1\": \"产出指标\", \"name\": \"x\"}]}", "needs level1, level2 and name");
  check_refused ("{\"format\": \"deptbudget-indicators\", \"version\": 1, \"indicators\": "
                 "[{\"level1\": \"a\", \"level2\": \"b\", \"name\": \"x\", \"colour\": \"red\"}]}", "colour");
  check_refused ("not json", "Could not read");
}

/* The example's own indicators survive a trip through the library. */
static void
test_example_indicators (void)
{
  g_autofree char *example = g_build_filename (g_getenv ("BUD_SOURCE_ROOT"), "data", "examples",
                                               "changji-2026.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDocument) doc = bud_json_read_file (example, &error);
  g_autoptr(BudIndicatorLibrary) lib = bud_indicator_library_new ();
  g_autoptr(BudIndicatorLibrary) back = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "ex.json", NULL);
  GPtrArray *inds;

  g_assert_no_error (error);
  inds = bud_document_items (doc, BUD_KIND_INDICATOR);
  g_assert_cmpuint (inds->len, >, 0);
  for (guint i = 0; i < inds->len; i++)
    bud_indicator_library_add (lib, g_ptr_array_index (inds, i));
  g_assert_true (bud_indicator_library_save (lib, path, &error));
  back = bud_indicator_library_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bud_indicator_library_get_n_items (back), ==, bud_indicator_library_get_n_items (lib));
  for (guint i = 0; i < bud_indicator_library_get_n_items (lib); i++)
    g_assert_true (bud_entity_equal (BUD_KIND_INDICATOR, bud_indicator_library_get (lib, i),
                                     bud_indicator_library_get (back, i)));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/indicator-library/missing-is-empty", test_missing_is_empty);
  g_test_add_func ("/indicator-library/round-trip", test_round_trip);
  g_test_add_func ("/indicator-library/add-replaces-same-names", test_add_replaces_same_names);
  g_test_add_func ("/indicator-library/import-merges", test_import_merges);
  g_test_add_func ("/indicator-library/refuses-bad-files", test_refuses_bad_files);
  g_test_add_func ("/indicator-library/example-indicators", test_example_indicators);
  return g_test_run ();
}
