/* test-diff.c — comparison of drafts: fields, table cells, narrative; the diff CLI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "bud-diff.h"
#include "bud-jsonio.h"
#include "bud-money.h"
#include "bud-review.h"
#include "bud-test-doc.h"

static BudLine *
first_line (BudDocument *doc)
{
  return g_ptr_array_index (bud_document_items (doc, BUD_KIND_LINE), 0);
}

#define DELTA 10000   /* 100.00 元 */
#define NEW_FUNCTIONS "主要职能：已按审核意见修改。"

/* The copy a department sends back: one amount and one text changed. */
static BudDocument *
changed_copy (BudDocument *doc)
{
  g_autofree char *json = bud_json_write_data (doc, NULL);
  g_autoptr(GError) error = NULL;
  BudDocument *copy = bud_json_read_data (json, -1, &error);
  BudLine *l;

  g_assert_no_error (error);
  l = first_line (copy);
  g_assert_true (bud_document_set_int (copy, BUD_KIND_LINE, l->id, "amount", l->amount + DELTA, &error));
  g_assert_true (bud_document_set_text (copy, BUD_KIND_PROFILE, 1, "functions", NEW_FUNCTIONS, &error));
  g_assert_no_error (error);
  return copy;
}

static void
add_expected (GHashTable  *set,
              guint        table,
              const char  *row,
              const char  *column)
{
  g_hash_table_add (set, g_strdup_printf ("%u|%s|%s", table, row, column));
}

/* The cells a change of a basic 一般公共预算 personnel line must move, from
 * the structure of the package: its 功能分类 类/款/项 rows and the totals in
 * 表2 (income by source), 表3 and 表5 (basic/project), its 类 and the
 * expenditure total in 表1 and 表4, its 经济分类 类/款 and total in 表6. */
static GHashTable *
expected_cells (const BudLine *l)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *f_class = g_strndup (l->func, 3);
  g_autofree char *f_section = g_strndup (l->func, 5);
  g_autofree char *e_class = g_strndup (l->econ, 3);
  const char *func_rows[] = { f_class, f_section, l->func, "total" };
  const char *class_rows[] = { f_class, "total" };
  const char *econ_rows[] = { e_class, l->econ, "total" };

  for (guint r = 0; r < G_N_ELEMENTS (class_rows); r++)
    {
      add_expected (set, 1, class_rows[r], "expense");
      add_expected (set, 4, class_rows[r], "total");
      add_expected (set, 4, class_rows[r], "general_budget");
    }
  for (guint r = 0; r < G_N_ELEMENTS (func_rows); r++)
    {
      add_expected (set, 2, func_rows[r], "total");
      add_expected (set, 2, func_rows[r], "fiscal");
      add_expected (set, 2, func_rows[r], "general");
      add_expected (set, 3, func_rows[r], "total");
      add_expected (set, 3, func_rows[r], "basic");
      add_expected (set, 5, func_rows[r], "total");
      add_expected (set, 5, func_rows[r], "basic");
    }
  for (guint r = 0; r < G_N_ELEMENTS (econ_rows); r++)
    {
      add_expected (set, 6, econ_rows[r], "total");
      add_expected (set, 6, econ_rows[r], "personnel");
    }
  return set;
}

static void
test_one_amount_one_text (void)
{
  g_autoptr(BudDocument) doc = bud_test_load_example ();
  g_autoptr(BudDocument) copy = changed_copy (doc);
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDiff) diff = bud_diff_documents (doc, copy, NULL, &error);
  g_autoptr(GHashTable) expected = NULL;
  g_autofree char *old_money = NULL;
  g_autofree char *new_money = NULL;
  BudLine *l = first_line (doc);
  BudDiffField *f;
  gboolean saw_functions = FALSE;

  g_assert_no_error (error);
  g_assert_false (bud_diff_is_empty (diff));

  /* the preconditions of the expected cells below */
  g_assert_cmpint (l->kind, ==, BUD_SPEND_BASIC);
  g_assert_cmpint (l->source, ==, BUD_SOURCE_GENERAL);
  g_assert_true (g_str_has_prefix (l->econ, "301"));

  /* exactly the two fields, old → new, money in 元 */
  g_assert_cmpuint (diff->fields->len, ==, 2);
  f = g_ptr_array_index (diff->fields, 0);
  g_assert_cmpint (f->type, ==, BUD_DIFF_CHANGED);
  g_assert_cmpint (f->kind, ==, BUD_KIND_PROFILE);
  g_assert_cmpstr (f->field, ==, "functions");
  g_assert_cmpstr (f->old_value, ==, bud_document_profile (doc)->functions);
  g_assert_cmpstr (f->new_value, ==, NEW_FUNCTIONS);
  f = g_ptr_array_index (diff->fields, 1);
  g_assert_cmpint (f->type, ==, BUD_DIFF_CHANGED);
  g_assert_cmpint (f->kind, ==, BUD_KIND_LINE);
  g_assert_cmpint (f->id, ==, l->id);
  g_assert_cmpstr (f->field, ==, "amount");
  old_money = bud_money_format (l->amount, BUD_MONEY_YUAN, BUD_MONEY_FORMAT_GROUPING);
  new_money = bud_money_format (l->amount + DELTA, BUD_MONEY_YUAN, BUD_MONEY_FORMAT_GROUPING);
  g_assert_true (g_str_has_prefix (f->old_value, old_money));
  g_assert_true (g_str_has_suffix (f->old_value, "元"));
  g_assert_true (g_str_has_prefix (f->new_value, new_money));
  g_assert_nonnull (strstr (f->where, l->func));

  /* exactly the cells that follow, each moved by the amount's change */
  expected = expected_cells (l);
  for (guint i = 0; i < diff->cells->len; i++)
    {
      BudDiffCell *c = g_ptr_array_index (diff->cells, i);
      g_autofree char *key = g_strdup_printf ("%u|%s|%s", c->number, c->row_key, c->column_id);

      if (!g_hash_table_remove (expected, key))
        g_error ("unexpected changed cell %s (表%u %s · %s)", key, c->number, c->row_label, c->column_label);
      g_assert_true (c->old_present && c->new_present);
      g_assert_cmpint (c->new_amount - c->old_amount, ==, DELTA);
    }
  if (g_hash_table_size (expected) > 0)
    {
      GHashTableIter it;
      gpointer key;

      g_hash_table_iter_init (&it, expected);
      while (g_hash_table_iter_next (&it, &key, NULL))
        g_test_message ("missing changed cell %s", (char *) key);
      g_assert_cmpuint (g_hash_table_size (expected), ==, 0);
    }

  /* the narrative: 主要职能 for the text, and only 第三部分 sections quoting figures */
  for (guint i = 0; i < diff->sections->len; i++)
    {
      BudDiffSection *s = g_ptr_array_index (diff->sections, i);

      g_assert_nonnull (s->old_body);
      g_assert_nonnull (s->new_body);
      if (strcmp (s->id, "1.1") == 0)
        {
          saw_functions = TRUE;
          g_assert_nonnull (strstr (s->new_body, NEW_FUNCTIONS));
        }
      else
        g_assert_true (g_str_has_prefix (s->id, "3."));
    }
  g_assert_true (saw_functions);
  g_assert_cmpuint (diff->sections->len, >, 1);
}

static void
test_identical_and_review_records (void)
{
  g_autoptr(BudDocument) doc = bud_test_load_example ();
  g_autoptr(BudDocument) copy = bud_test_load_example ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDiff) diff = NULL;
  g_autofree char *text = NULL;

  /* the review's records are not part of the draft */
  g_assert_nonnull (bud_review_add_comment (copy, BUD_N_KINDS, 0, NULL, "审核员", "意见", NULL, &error));
  g_assert_nonnull (bud_review_set_status (copy, BUD_STATUS_SUBMITTED, "", "", NULL, &error));
  g_assert_no_error (error);

  diff = bud_diff_documents (doc, copy, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (bud_diff_is_empty (diff));
  text = bud_diff_to_text (diff);
  g_assert_cmpstr (text, ==, "No differences.\n");
}

static void
test_added_removed (void)
{
  g_autoptr(BudDocument) doc = bud_test_load_example ();
  g_autoptr(BudDocument) copy = bud_test_load_example ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDiff) diff = NULL;
  BudCustomCode *cc = bud_entity_new (BUD_KIND_CUSTOM_CODE);
  GPtrArray *texts = bud_document_items (copy, BUD_KIND_TEXT);
  gint64 removed_id;
  guint added = 0, removed = 0;

  g_assert_cmpuint (texts->len, >, 0);
  removed_id = ((BudText *) g_ptr_array_index (texts, 0))->id;
  g_assert_true (bud_document_remove (copy, BUD_KIND_TEXT, removed_id, &error));
  g_free (cc->code);
  cc->code = g_strdup ("2019999");
  g_free (cc->name);
  cc->name = g_strdup ("新增科目");
  g_assert_nonnull (bud_document_insert (copy, BUD_KIND_CUSTOM_CODE, cc, -1, &error));
  g_assert_no_error (error);

  diff = bud_diff_documents (doc, copy, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < diff->fields->len; i++)
    {
      BudDiffField *f = g_ptr_array_index (diff->fields, i);

      g_assert_cmpint (f->type, !=, BUD_DIFF_CHANGED);
      if (f->type == BUD_DIFF_ADDED)
        {
          added++;
          g_assert_cmpint (f->kind, ==, BUD_KIND_CUSTOM_CODE);
          g_assert_null (f->old_value);
          g_assert_nonnull (strstr (f->new_value, "新增科目"));
        }
      else
        {
          removed++;
          g_assert_cmpint (f->kind, ==, BUD_KIND_TEXT);
          g_assert_cmpint (f->id, ==, removed_id);
          g_assert_null (f->new_value);
        }
    }
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpuint (removed, ==, 1);
}

/* ---- the CLI ---- */

static int
run_cli (char **argv_tail,
         char **out)
{
  const char *cli = g_getenv ("BUD_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (cli == NULL)
    return -1;
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; argv_tail[i]; i++)
    g_ptr_array_add (argv, argv_tail[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out, &err, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli (void)
{
  g_autofree char *a = bud_test_example_path ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bud-diff-XXXXXX", &error);
  g_autofree char *b = g_build_filename (dir, "b.json", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *report = g_build_filename (dir, "report.html", NULL);
  g_autoptr(BudDocument) doc = bud_test_load_example ();
  g_autoptr(BudDocument) copy = changed_copy (doc);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *html = NULL;
  char *out = NULL;
  JsonObject *root;

  if (g_getenv ("BUD_CLI") == NULL)
    {
      g_test_skip ("BUD_CLI is not set");
      return;
    }
  g_assert_no_error (error);
  g_assert_true (bud_json_write_file (copy, b, &error));
  g_assert_true (g_file_set_contents (bad, "{ not json", -1, &error));

  g_assert_cmpint (run_cli ((char *[]) { "diff", a, a, NULL }, &out), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli ((char *[]) { "diff", a, b, NULL }, &out), ==, 1);
  g_assert_nonnull (strstr (out, "567,060.00 元"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli ((char *[]) { "diff", "--format", "json", a, b, NULL }, &out), ==, 1);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_false (json_object_get_boolean_member (root, "equal"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "fields")), ==, 2);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli ((char *[]) { "diff", "--format", "html", a, b, NULL }, &out), ==, 1);
  g_assert_true (g_str_has_prefix (out, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (out, NEW_FUNCTIONS));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli ((char *[]) { "diff", a, bad, NULL }, &out), ==, 2);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli ((char *[]) { "diff", "--format", "xml", a, b, NULL }, &out), ==, 2);
  g_clear_pointer (&out, g_free);
  /* one file: against its latest snapshot; the example has none */
  g_assert_cmpint (run_cli ((char *[]) { "diff", a, NULL }, &out), ==, 2);
  g_clear_pointer (&out, g_free);
  {
    g_autofree char *s = g_build_filename (dir, "s.json", NULL);
    BudLine *l = first_line (doc);

    g_assert_nonnull (bud_review_set_status (doc, BUD_STATUS_SUBMITTED, "", "", NULL, &error));
    g_assert_true (bud_document_set_int (doc, BUD_KIND_LINE, l->id, "amount", l->amount + DELTA, &error));
    g_assert_true (bud_json_write_file (doc, s, &error));
    g_assert_cmpint (run_cli ((char *[]) { "diff", s, NULL }, &out), ==, 1);
    g_assert_nonnull (strstr (out, "567,160.00 元"));
    g_clear_pointer (&out, g_free);
    g_unlink (s);
  }

  /* the review report against the other draft */
  g_assert_cmpint (run_cli ((char *[]) { "review", b, "--against", a, "--output", report, NULL }, &out), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_true (g_file_get_contents (report, &html, NULL, &error));
  g_assert_nonnull (strstr (html, "编制中"));
  g_assert_nonnull (strstr (html, "567,160.00 元"));
  /* PDF is a review format now (test-review-report); an unknown one is refused */
  g_assert_cmpint (run_cli ((char *[]) { "review", b, "--format", "docx", "--output", report, NULL }, &out), ==, 2);
  g_clear_pointer (&out, g_free);

  g_unlink (b);
  g_unlink (bad);
  g_unlink (report);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/diff/example/one-amount-one-text", test_one_amount_one_text);
  g_test_add_func ("/diff/example/identical-review-records-ignored", test_identical_and_review_records);
  g_test_add_func ("/diff/rows/added-removed", test_added_removed);
  g_test_add_func ("/diff/cli/exit-codes-formats", test_cli);

  return g_test_run ();
}
