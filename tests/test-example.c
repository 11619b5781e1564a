/* test-example.c — the reference example survives every path through the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * data/examples/changji-2026.json is the seed entered completely. Whatever we
 * do to it — read, store, reopen, export, via the library or the CLI — must
 * give back the same bytes; and the checks must find nothing to object to.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "bud-check.h"
#include "bud-jsonio.h"
#include "bud-storage.h"
#include "bud-template.h"
#include "bud-test-doc.h"

static char *
read_example (gsize *len)
{
  g_autofree char *path = bud_test_example_path ();
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, len, &error);
  g_assert_no_error (error);
  return text;
}

/* The file is kept in canonical form, so diffs of it stay meaningful. */
static void
test_canonical (void)
{
  gsize len = 0, out_len = 0;
  g_autofree char *text = read_example (&len);
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDocument) doc = bud_json_read_data (text, (gssize) len, &error);
  g_autofree char *out = NULL;

  g_assert_no_error (error);
  out = bud_json_write_data (doc, &out_len);
  g_assert_cmpmem (out, out_len, text, len);
}

/* JSON → .budget → close → reopen → JSON is identical, field for field. */
static void
test_budget_round_trip (void)
{
  gsize len = 0, out_len = 0;
  g_autofree char *text = read_example (&len);
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDocument) doc = bud_json_read_data (text, (gssize) len, &error);
  g_autofree char *dir = g_dir_make_tmp ("bud-example-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "changji.budget", NULL);
  g_autoptr(BudDocument) reopened = NULL;
  g_autofree char *out = NULL;
  g_autofree char *diff = NULL;
  BudStorage *storage;

  g_assert_no_error (error);
  storage = bud_storage_create (path, doc, FALSE, &error);
  g_assert_no_error (error);
  bud_storage_close (storage);

  reopened = bud_storage_open (path, BUD_STORAGE_OPEN_DEFAULT, &storage, &error);
  g_assert_no_error (error);
  if (!bud_document_equal (doc, reopened, &diff))
    g_error ("reopened document differs at %s", diff);
  out = bud_json_write_data (reopened, &out_len);
  g_assert_cmpmem (out, out_len, text, len);

  /* an edit made on the reopened file is there after another reopen */
  g_assert_true (bud_document_set_text (reopened, BUD_KIND_META, 1, "date", "2026-03-14", &error));
  g_assert_no_error (error);
  bud_storage_close (storage);
  g_clear_object (&reopened);
  reopened = bud_storage_open (path, BUD_STORAGE_OPEN_READ_ONLY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bud_document_meta (reopened)->date, ==, "2026-03-14");
  g_assert_false (bud_document_can_undo (reopened));   /* loading is not an edit */

  /* undo goes through the file too */
  g_clear_object (&reopened);
  reopened = bud_storage_open (path, BUD_STORAGE_OPEN_DEFAULT, &storage, &error);
  g_assert_no_error (error);
  g_assert_true (bud_document_set_text (reopened, BUD_KIND_META, 1, "date", "2026-03-15", &error));
  g_assert_true (bud_document_undo (reopened, &error));
  g_assert_no_error (error);
  bud_storage_close (storage);
  g_clear_object (&reopened);
  reopened = bud_storage_open (path, BUD_STORAGE_OPEN_READ_ONLY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bud_document_meta (reopened)->date, ==, "2026-03-14");

  g_unlink (path);
  g_rmdir (dir);
}

static int
run_cli (const char * const *args, char **out, char **err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  int status = -1;

  g_ptr_array_add (argv, (char *) g_getenv ("BUD_CLI"));
  for (; *args; args++)
    g_ptr_array_add (argv, (char *) *args);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/* The same through the command line, as a user would do it. */
static void
test_cli_round_trip (void)
{
  g_autofree char *json = bud_test_example_path ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bud-example-XXXXXX", &error);
  g_autofree char *budget = g_build_filename (dir, "c.budget", NULL);
  g_autofree char *back = g_build_filename (dir, "c.json", NULL);
  g_autofree char *a = NULL, *b = NULL;
  gsize alen, blen;

  g_assert_nonnull (g_getenv ("BUD_CLI"));
  {
    g_autofree char *out = NULL, *err = NULL;
    g_assert_cmpint (run_cli ((const char *[]) { "import", json, budget, NULL }, &out, &err), ==, 0);
  }
  {
    /* importing again over an existing document is refused unless --force */
    g_autofree char *out = NULL, *err = NULL;
    g_assert_cmpint (run_cli ((const char *[]) { "import", json, budget, NULL }, &out, &err), !=, 0);
    g_assert_nonnull (strstr (err, budget));
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    g_assert_cmpint (run_cli ((const char *[]) { "export", budget, "--format", "json", "--output", back, NULL },
                              &out, &err), ==, 0);
  }
  g_file_get_contents (json, &a, &alen, NULL);
  g_file_get_contents (back, &b, &blen, NULL);
  g_assert_cmpmem (a, alen, b, blen);

  g_unlink (budget);
  g_unlink (back);
  g_rmdir (dir);
}

/* A broken input gets a message that says where, and exit status 2. */
static void
test_cli_bad_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bud-example-XXXXXX", &error);
  g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *budget = g_build_filename (dir, "bad.budget", NULL);
  g_autofree char *out = NULL, *err = NULL;
  gsize len = 0;
  g_autofree char *text = read_example (&len);
  GString *s = g_string_new (text);
  g_autofree char *broken = NULL;

  /* a mistyped amount in the first line */
  g_assert_cmpuint (g_string_replace (s, "\"567060.00\"", "\"5670a60.00\"", 1), ==, 1);
  broken = g_string_free (s, FALSE);
  g_file_set_contents (bad, broken, -1, &error);
  g_assert_no_error (error);

  g_assert_cmpint (run_cli ((const char *[]) { "import", bad, budget, NULL }, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "$.lines["));
  g_assert_nonnull (strstr (err, "5670a60.00"));
  g_assert_false (g_file_test (budget, G_FILE_TEST_EXISTS));   /* nothing half-written */

  g_unlink (bad);
  g_rmdir (dir);
}

/* deptbudget-cli check: exit 0 on the example, 1 with errors, 2 unreadable;
 * the json and html reports carry the rule, the place and the figures. */
static void
test_cli_check (void)
{
  g_autofree char *json = bud_test_example_path ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bud-example-XXXXXX", &error);
  g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
  gsize len = 0;
  g_autofree char *text = read_example (&len);
  GString *s = g_string_new (text);
  g_autofree char *broken = NULL;

  {
    g_autofree char *out = NULL, *err = NULL;
    g_assert_cmpint (run_cli ((const char *[]) { "check", json, NULL }, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "0 errors"));
  }

  /* 100 元 more on one line: the income no longer covers the lines */
  g_assert_cmpuint (g_string_replace (s, "\"567060.00\"", "\"567160.00\"", 1), ==, 1);
  broken = g_string_free (s, FALSE);
  g_file_set_contents (bad, broken, -1, &error);
  g_assert_no_error (error);
  {
    g_autofree char *out = NULL, *err = NULL;
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *root;
    JsonArray *findings;
    gboolean seen = FALSE;

    g_assert_cmpint (run_cli ((const char *[]) { "check", bad, "--format", "json", NULL }, &out, &err), ==, 1);
    g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
    g_assert_no_error (error);
    root = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpint (json_object_get_int_member (root, "errors"), >=, 1);
    findings = json_object_get_array_member (root, "findings");
    for (guint i = 0; i < json_array_get_length (findings); i++)
      {
        JsonObject *f = json_array_get_object_element (findings, i);
        if (g_strcmp0 (json_object_get_string_member (f, "rule"), "balance.source") != 0)
          continue;
        seen = TRUE;
        g_assert_cmpstr (json_object_get_string_member (f, "severity"), ==, "error");
        g_assert_cmpstr (json_object_get_string_member (f, "kind"), ==, "income");
        g_assert_cmpstr (json_object_get_string_member (f, "field"), ==, "amount");
        g_assert_nonnull (strstr (json_object_get_string_member (f, "message"), "247.43"));
      }
    g_assert_true (seen);
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    g_assert_cmpint (run_cli ((const char *[]) { "check", bad, "--format", "html", NULL }, &out, &err), ==, 1);
    g_assert_true (g_str_has_prefix (out, "<!DOCTYPE html>"));
    g_assert_nonnull (strstr (out, "<code>balance.source</code>"));
    g_assert_nonnull (strstr (out, "247.43"));
    g_assert_nonnull (strstr (out, "</table>\n</body>\n</html>\n"));
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    g_assert_cmpint (run_cli ((const char *[]) { "check", "/nonexistent/x.budget", NULL }, &out, &err), ==, 2);
    g_assert_nonnull (strstr (err, "/nonexistent/x.budget"));
  }
  g_unlink (bad);
  g_rmdir (dir);
}

/* The seed, entered completely, passes every rule with no error. */
static void
test_checks_clean (void)
{
  gsize len = 0;
  g_autofree char *text = read_example (&len);
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDocument) doc = bud_json_read_data (text, (gssize) len, &error);
  g_autoptr(BudTemplate) tpl = bud_template_load ("xinjiang-2026", &error);
  g_autoptr(GPtrArray) findings = NULL;
  BudCheckContext ctx;

  g_assert_no_error (error);
  bud_check_context_init (&ctx, tpl);
  g_assert_cmpint (ctx.expected_weight, ==, 9000);
  g_assert_cmpstr (ctx.required_level1[0], ==, "产出指标");

  findings = bud_check_run (doc, &ctx);
  for (guint i = 0; i < findings->len; i++)
    {
      BudFinding *f = g_ptr_array_index (findings, i);
      g_test_message ("%s %s: %s", bud_severity_to_string (f->severity), f->rule, f->message);
    }
  g_assert_cmpuint (bud_check_count (findings, BUD_SEVERITY_ERROR), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/example/canonical", test_canonical);
  g_test_add_func ("/example/budget-round-trip", test_budget_round_trip);
  g_test_add_func ("/example/cli/round-trip", test_cli_round_trip);
  g_test_add_func ("/example/cli/bad-json", test_cli_bad_json);
  g_test_add_func ("/example/checks-clean", test_checks_clean);
  g_test_add_func ("/example/cli/check", test_cli_check);

  return g_test_run ();
}
