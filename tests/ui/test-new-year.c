/* test-new-year.c — “New Year’s Budget…” without its file chooser, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "bud-check.h"
#include "bud-storage.h"
#include "bud-ui-test.h"
#include "bud-window.h"


static void
test_new_year_file_and_window (void)
{
  BudWindow *win = bud_ui_test_open_example (NULL);
  BudDocument *doc = bud_window_get_document (win);
  gint64 year = bud_document_meta (doc)->year;
  gint64 expense = 0;
  g_autofree char *dir = g_dir_make_tmp ("bud-new-year-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "next.budget", NULL);
  g_autoptr(GError) error = NULL;
  BudWindow *next;
  BudDocument *next_doc;
  BudComparative *c;

  g_assert_true (bud_check_measure_value (doc, "expense.total", &expense));
  next = bud_window_new_year (win, path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (next);
  bud_ui_test_pump ();

  /* the new window edits next year's file; this one keeps this year's document */
  g_assert_true (next != win);
  g_assert_cmpstr (bud_window_get_path (next), ==, path);
  g_assert_false (bud_window_is_in_memory (next));
  next_doc = bud_window_get_document (next);
  g_assert_cmpint (bud_document_meta (next_doc)->year, ==, year + 1);
  c = bud_document_find_comparative (next_doc, "expense.total");
  g_assert_nonnull (c);
  g_assert_cmpint (c->last_year, ==, expense);
  g_assert_true (bud_window_get_document (win) == doc);
  g_assert_cmpint (bud_document_meta (doc)->year, ==, year);
  bud_ui_test_close_window (next);

  /* what was written is next year's document */
  {
    g_autoptr(BudDocument) reopened = bud_storage_open (path, BUD_STORAGE_OPEN_READ_ONLY, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (bud_document_meta (reopened)->year, ==, year + 1);
    g_assert_cmpint (bud_document_find_comparative (reopened, "expense.total")->last_year, ==, expense);
  }

  /* a place that cannot be written: an error, and no window */
  {
    g_autofree char *bad = g_build_filename (dir, "missing", "x.budget", NULL);

    g_assert_null (bud_window_new_year (win, bad, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }

  bud_ui_test_close_window (win);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/new-year/file-and-window", test_new_year_file_and_window);

  return g_test_run ();
}
