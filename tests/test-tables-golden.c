/* test-tables-golden.c — the 12 tables of the example document against the seed, cell by cell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/golden/changji-2026-tables.tsv is transcribed from the published seed
 * (reference/seed-changji-2026.txt), never from our output. The example
 * document data/examples/changji-2026.json holds the seed's facts; building
 * its tables with the Xinjiang 2026 template must print every figure the seed
 * prints.
 */
#include "config.h"

#include <glib.h>
#include <string.h>
#include <sys/wait.h>

#include "bud-catalog.h"
#include "bud-document.h"
#include "bud-jsonio.h"
#include "bud-pivot.h"
#include "bud-table.h"
#include "bud-template.h"

/* ---- a private reader of the exchange format, so this test does not wait for bud-jsonio ---- */

/* ---- TSV comparison ---- */

typedef struct
{
  char      *title;       /* the "# 表N …" line */
  GPtrArray *rows;        /* GStrv */
  char      *statement;   /* the "# …" line after the body, or NULL */
} TsvTable;

static void
tsv_table_free (gpointer data)
{
  TsvTable *t = data;

  g_free (t->title);
  g_ptr_array_unref (t->rows);
  g_free (t->statement);
  g_free (t);
}

static GPtrArray *
parse_tsv (const char *text)
{
  GPtrArray *tables = g_ptr_array_new_with_free_func (tsv_table_free);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  TsvTable *cur = NULL;

  for (guint i = 0; lines[i]; i++)
    {
      const char *l = lines[i];

      if (g_str_has_prefix (l, "# 表"))
        {
          cur = g_new0 (TsvTable, 1);
          cur->title = g_strdup (l);
          cur->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
          g_ptr_array_add (tables, cur);
        }
      else if (g_str_has_prefix (l, "# ") && cur)
        cur->statement = g_strdup (l + 2);
      else if (*l && cur)
        g_ptr_array_add (cur->rows, g_strsplit (l, "\t", -1));
    }
  return tables;
}

/* Returns the number of differences, describing the first few in @report. */
static guint
compare_tsv (const char *expected,
             const char *actual,
             GString    *report)
{
  g_autoptr(GPtrArray) want = parse_tsv (expected);
  g_autoptr(GPtrArray) got = parse_tsv (actual);
  guint n = 0;

#define DIFF(...) G_STMT_START { if (n++ < 12) { g_string_append_printf (report, __VA_ARGS__); g_string_append_c (report, '\n'); } } G_STMT_END

  if (want->len != got->len)
    DIFF ("expected %u tables, got %u", want->len, got->len);
  for (guint t = 0; t < MIN (want->len, got->len); t++)
    {
      TsvTable *w = g_ptr_array_index (want, t);
      TsvTable *g = g_ptr_array_index (got, t);

      if (g_strcmp0 (w->title, g->title) != 0)
        DIFF ("table %u: title “%s”, got “%s”", t + 1, w->title, g->title);
      if (w->rows->len != g->rows->len)
        DIFF ("%s: expected %u rows, got %u", w->title, w->rows->len, g->rows->len);
      for (guint r = 0; r < MIN (w->rows->len, g->rows->len); r++)
        {
          char **wr = g_ptr_array_index (w->rows, r);
          char **gr = g_ptr_array_index (g->rows, r);
          guint nc = MAX (g_strv_length (wr), g_strv_length (gr));

          /* a missing trailing cell is an empty one */
          for (guint c = 0; c < nc; c++)
            {
              const char *wc = c < g_strv_length (wr) ? wr[c] : "";
              const char *gc = c < g_strv_length (gr) ? gr[c] : "";

              if (strcmp (wc, gc) != 0)
                DIFF ("%s, row %u, column %u: expected “%s”, got “%s”", w->title, r + 1, c + 1, wc, gc);
            }
        }
      if (g_strcmp0 (w->statement, g->statement) != 0)
        DIFF ("%s: expected statement “%s”, got “%s”", w->title,
              w->statement ? w->statement : "(none)", g->statement ? g->statement : "(none)");
    }
#undef DIFF
  return n;
}

static char *
source_path (const char *relative)
{
  const char *root = g_getenv ("BUD_SOURCE_ROOT");

  return g_build_filename (root ? root : "..", relative, NULL);
}

static char *
read_golden (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "golden", "changji-2026-tables.tsv", NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
test_golden_example (void)
{
  g_autofree char *path = source_path ("data/examples/changji-2026.json");
  g_autofree char *golden = NULL;
  g_autofree char *tsv = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDocument) doc = NULL;
  g_autoptr(BudTemplate) tpl = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  guint n;

  doc = bud_json_read_file (path, &error);
  g_assert_no_error (error);
  tpl = bud_template_load ("xinjiang-2026", &error);
  g_assert_no_error (error);
  tables = bud_pivot_build_all (tpl, doc, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tables->len, ==, 12);

  tsv = bud_tables_to_tsv (tables);
  golden = read_golden ();
  n = compare_tsv (golden, tsv, report);
  if (n > 0)
    g_error ("%u differences from the seed:\n%s", n, report->str);
}

/* The comparison itself must catch a changed figure, a lost row and a lost statement. */
static void
test_golden_compare (void)
{
  g_autofree char *golden = read_golden ();
  g_autoptr(GString) report = g_string_new (NULL);
  g_autofree char *figure = NULL;
  g_autofree char *statement = NULL;
  GString *s;

  g_assert_cmpuint (compare_tsv (golden, golden, report), ==, 0);

  s = g_string_new (golden);
  g_assert_cmpuint (g_string_replace (s, "\t152.71\t", "\t152.72\t", 1), ==, 1);
  figure = g_string_free (s, FALSE);
  g_assert_cmpuint (compare_tsv (golden, figure, report), ==, 1);
  g_assert_nonnull (strstr (report->str, "expected “152.71”, got “152.72”"));

  s = g_string_new (golden);
  g_assert_cmpuint (g_string_replace (s, "# 昌吉市", "昌吉市", 1), ==, 1);
  statement = g_string_free (s, FALSE);
  g_assert_cmpuint (compare_tsv (golden, statement, report), >, 0);
}

/* The golden file has the shape the seed has: 12 tables, 4 of them empty with a statement. */
static void
test_golden_shape (void)
{
  g_autofree char *golden = read_golden ();
  g_autoptr(GPtrArray) tables = parse_tsv (golden);
  g_autoptr(BudTemplate) tpl = NULL;
  g_autoptr(GError) error = NULL;
  guint empty = 0;

  tpl = bud_template_load ("xinjiang-2026", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tables->len, ==, bud_template_get_n_tables (tpl));
  for (guint i = 0; i < tables->len; i++)
    {
      TsvTable *t = g_ptr_array_index (tables, i);
      const BudTableSpec *spec = bud_template_get_table (tpl, i);
      g_autofree char *title = g_strdup_printf ("# 表%u %s", spec->number, spec->title);

      g_assert_cmpstr (t->title, ==, title);
      for (guint r = 0; r < t->rows->len; r++)
        g_assert_cmpuint (g_strv_length (g_ptr_array_index (t->rows, r)), ==, spec->n_columns);
      empty += t->statement != NULL;
    }
  g_assert_cmpuint (empty, ==, 4);
}

static void
test_cli_unreadable (void)
{
  const char *cli = g_getenv ("BUD_CLI");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { cli, "tables", "/nonexistent/nothing.budget", NULL };
  int status;

  g_assert_nonnull (cli);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  g_assert_nonnull (strstr (err, "/nonexistent/nothing.budget"));
}

static void
test_cli_golden (void)
{
  const char *cli = g_getenv ("BUD_CLI");
  g_autofree char *path = source_path ("data/examples/changji-2026.json");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *golden = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  const char *argv[] = { cli, "tables", path, "--format", "tsv", NULL };
  const char *argv7[] = { cli, "tables", path, "--format=tsv", "--table", "7", NULL };
  int status;
  guint n;

  g_assert_nonnull (cli);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  golden = read_golden ();
  n = compare_tsv (golden, out, report);
  if (n > 0)
    g_error ("deptbudget-cli tables: %u differences from the seed:\n%s", n, report->str);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_spawn_sync (NULL, (char **) argv7, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_true (g_str_has_prefix (out, "# 表7 "));
  g_assert_null (strstr (out, "# 表6 "));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tables-golden/compare", test_golden_compare);
  g_test_add_func ("/tables-golden/shape", test_golden_shape);
  g_test_add_func ("/tables-golden/example", test_golden_example);
  g_test_add_func ("/tables-golden/cli/unreadable", test_cli_unreadable);
  g_test_add_func ("/tables-golden/cli/example", test_cli_golden);
  return g_test_run ();
}
