/* test-window.c — the editor window driven as a user would, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "bud-code-picker.h"
#include "bud-field-binding.h"
#include "bud-income-page.h"
#include "bud-jsonio.h"
#include "bud-lines-page.h"
#include "bud-money.h"
#include "bud-overview-page.h"
#include "bud-preview-page.h"
#include "bud-review-page.h"
#include "bud-storage.h"
#include "bud-template.h"
#include "bud-ui-test.h"
#include "bud-window.h"






static BudLine *
first_line (BudDocument *doc)
{
  return g_ptr_array_index (bud_document_items (doc, BUD_KIND_LINE), 0);
}

/* The amount cell of the first line, once the column view has made it. */
static GtkWidget *
amount_entry (BudWindow *win,
              gint64     id)
{
  BudLinesPage *page = BUD_LINES_PAGE (bud_window_get_section (win, "lines"));
  GtkWidget *entry = NULL;

  bud_window_show_section (win, "lines");
  for (guint i = 0; i < 100 && (entry = bud_lines_page_get_amount_entry (page, id)) == NULL; i++)
    bud_ui_test_wait_ms (20);
  g_assert_nonnull (entry);
  return entry;
}

static void
test_open_example (void)
{
  g_autofree char *path = bud_ui_test_example_path ();
  BudWindow *win = bud_ui_test_open (path, NULL);
  BudDocument *doc = bud_window_get_document (win);
  GPtrArray *incomes = bud_document_items (doc, BUD_KIND_INCOME);
  gint64 income = 0;
  g_autofree char *expected = NULL;

  for (guint i = 0; i < incomes->len; i++)
    income += ((BudIncome *) g_ptr_array_index (incomes, i))->amount;
  expected = bud_money_format (income, BUD_MONEY_YUAN, BUD_MONEY_FORMAT_GROUPING);

  g_assert_true (bud_window_has_document (win));
  /* a JSON file is imported, not edited in place */
  g_assert_true (bud_window_is_in_memory (win));
  g_assert_nonnull (strstr (bud_window_get_status_text (win, BUD_STATUS_INCOME), expected));
  g_assert_cmpint (bud_window_get_summary (win)->income_total, ==, income);
  bud_ui_test_close_window (win);
}

static void
test_amount_changes_totals_and_undo (void)
{
  g_autofree char *path = bud_ui_test_example_path ();
  BudWindow *win = bud_ui_test_open (path, NULL);
  BudDocument *doc = bud_window_get_document (win);
  BudLine *line = first_line (doc);
  gint64 id = line->id, before = line->amount;
  g_autofree char *spent_before = g_strdup (bud_window_get_status_text (win, BUD_STATUS_SPENT));
  g_autofree char *errors_before = g_strdup (bud_window_get_status_text (win, BUD_STATUS_ERRORS));
  guint n_errors_before = bud_window_get_summary (win)->errors;
  gint64 spent_total_before = bud_window_get_summary (win)->spent_total;
  g_autofree char *typed = bud_money_format (before + 100000, BUD_MONEY_YUAN, BUD_MONEY_FORMAT_DEFAULT);
  GtkWidget *entry = amount_entry (win, id);

  bud_ui_test_type_and_enter (entry, typed);
  line = bud_document_lookup (doc, BUD_KIND_LINE, id);
  g_assert_cmpint (line->amount, ==, before + 100000);

  /* the strip follows: one more thousand spent, and the budget no longer balances */
  g_assert_cmpint (bud_window_get_summary (win)->spent_total, ==, spent_total_before + 100000);
  g_assert_cmpstr (bud_window_get_status_text (win, BUD_STATUS_SPENT), !=, spent_before);
  g_assert_cmpuint (bud_window_get_summary (win)->errors, >, n_errors_before);
  g_assert_cmpstr (bud_window_get_status_text (win, BUD_STATUS_ERRORS), !=, errors_before);
  g_assert_cmpstr (bud_window_get_badge_text (win, BUD_SECTION_REVIEW), !=, "");

  /* Ctrl+Z's action puts everything back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.undo", NULL));
  bud_ui_test_pump ();
  line = bud_document_lookup (doc, BUD_KIND_LINE, id);
  g_assert_cmpint (line->amount, ==, before);
  g_assert_cmpstr (bud_window_get_status_text (win, BUD_STATUS_SPENT), ==, spent_before);
  g_assert_cmpstr (bud_window_get_status_text (win, BUD_STATUS_ERRORS), ==, errors_before);

  /* and redo brings the edit back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.redo", NULL));
  bud_ui_test_pump ();
  g_assert_cmpint (((BudLine *) bud_document_lookup (doc, BUD_KIND_LINE, id))->amount, ==, before + 100000);
  bud_ui_test_close_window (win);
}

static void
test_bad_amount_not_stored (void)
{
  g_autofree char *path = bud_ui_test_example_path ();
  BudWindow *win = bud_ui_test_open (path, NULL);
  BudDocument *doc = bud_window_get_document (win);
  BudLine *line = first_line (doc);
  gint64 id = line->id, before = line->amount;
  guint64 revision = bud_document_revision (doc);
  GtkWidget *entry = amount_entry (win, id);

  bud_ui_test_type_and_enter (entry, "12a");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (entry));
  g_assert_nonnull (bud_field_binding_get_error (bud_field_binding_get (entry)));
  /* even after the typing pause the value is not stored */
  bud_ui_test_wait_ms (700);
  g_assert_cmpint (((BudLine *) bud_document_lookup (doc, BUD_KIND_LINE, id))->amount, ==, before);
  g_assert_cmpuint (bud_document_revision (doc), ==, revision);

  /* fixing the text clears the error */
  bud_ui_test_type_and_enter (entry, "1,234.50");
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpint (((BudLine *) bud_document_lookup (doc, BUD_KIND_LINE, id))->amount, ==, 123450);
  bud_ui_test_close_window (win);
}

static void
test_bad_year_not_stored (void)
{
  g_autofree char *path = bud_ui_test_example_path ();
  BudWindow *win = bud_ui_test_open (path, NULL);
  BudDocument *doc = bud_window_get_document (win);
  BudOverviewPage *page = BUD_OVERVIEW_PAGE (bud_window_get_section (win, "overview"));
  GtkWidget *year = bud_overview_page_get_field_widget (page, "year");
  gint64 before = bud_document_meta (doc)->year;

  bud_ui_test_type_and_enter (year, "20x6");
  g_assert_true (gtk_widget_has_css_class (year, "error"));
  g_assert_cmpint (bud_document_meta (doc)->year, ==, before);

  bud_ui_test_type_and_enter (bud_overview_page_get_field_widget (page, "date"), "2026-02-30");
  g_assert_true (gtk_widget_has_css_class (bud_overview_page_get_field_widget (page, "date"), "error"));
  g_assert_cmpstr (bud_document_meta (doc)->date, !=, "2026-02-30");
  bud_ui_test_close_window (win);
}

static void
test_income_left_to_allocate (void)
{
  g_autofree char *path = bud_ui_test_example_path ();
  BudWindow *win = bud_ui_test_open (path, NULL);
  BudDocument *doc = bud_window_get_document (win);
  BudIncomePage *page = BUD_INCOME_PAGE (bud_window_get_section (win, "income"));
  BudIncome *inc = bud_document_find_income (doc, BUD_SOURCE_GENERAL);
  gint64 before = inc->amount;
  g_autofree char *typed = bud_money_format (before + 500, BUD_MONEY_YUAN, BUD_MONEY_FORMAT_GROUPING);
  g_autofree char *left = NULL;

  bud_window_show_section (win, "income");
  bud_ui_test_type_and_enter (bud_income_page_get_entry (page, BUD_SOURCE_GENERAL), typed);
  g_assert_cmpint (bud_document_find_income (doc, BUD_SOURCE_GENERAL)->amount, ==, before + 500);
  bud_window_get_summary (win);
  left = bud_money_format (bud_window_get_summary (win)->income[BUD_SOURCE_GENERAL] -
                           bud_window_get_summary (win)->spent[BUD_SOURCE_GENERAL],
                           BUD_MONEY_YUAN, BUD_MONEY_FORMAT_GROUPING);
  g_assert_cmpstr (bud_income_page_get_left (page, BUD_SOURCE_GENERAL), ==, left);
  g_assert_cmpstr (bud_income_page_get_left (page, BUD_SOURCE_GENERAL), ==, "5.00");
  bud_ui_test_close_window (win);
}

static void
test_review_jumps (void)
{
  g_autofree char *path = bud_ui_test_example_path ();
  BudWindow *win = bud_ui_test_open (path, NULL);
  BudDocument *doc = bud_window_get_document (win);
  BudReviewPage *review = BUD_REVIEW_PAGE (bud_window_get_section (win, "review"));
  BudLine *line = first_line (doc);
  const BudFinding *f;

  /* spending more than the income of the source makes findings */
  g_assert_true (bud_document_set_int (doc, BUD_KIND_LINE, line->id, "amount", line->amount + 100000, NULL));
  bud_window_get_summary (win);
  g_assert_cmpuint (bud_review_page_get_n_findings (review), >, 0);
  bud_window_show_section (win, "review");

  f = g_ptr_array_index (bud_window_get_summary (win)->findings, 0);
  bud_review_page_activate (review, 0);
  bud_ui_test_pump ();
  g_assert_cmpstr (bud_window_get_visible_section (win), ==,
                   bud_section_name (f->kind < BUD_N_KINDS ? bud_section_for_location (doc, f->kind, f->id)
                                                      : BUD_SECTION_REVIEW));
  if (f->kind == BUD_KIND_LINE)
    g_assert_cmpint (bud_lines_page_get_selected (BUD_LINES_PAGE (bud_window_get_section (win, "lines"))), ==, f->id);
  bud_ui_test_close_window (win);
}

static void
test_new_add_close_reopen (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bud-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "new.budget", NULL);
  BudWindow *win = bud_window_new (NULL);
  BudLinesPage *page;
  g_autoptr(GError) error = NULL;
  gint64 id;
  BudDocument *doc;

  gtk_window_present (GTK_WINDOW (win));
  g_assert_true (bud_window_create_document (win, path, "测试部门", 2027, "xinjiang-2026", &error));
  g_assert_no_error (error);
  g_assert_false (bud_window_is_in_memory (win));

  page = BUD_LINES_PAGE (bud_window_get_section (win, "lines"));
  bud_window_show_section (win, "lines");
  id = bud_lines_page_add_line (page);
  g_assert_cmpint (id, !=, 0);
  bud_ui_test_type_and_enter (amount_entry (win, id), "1,234.56");
  g_assert_cmpuint (bud_lines_page_get_n_shown (page), ==, 1);
  bud_ui_test_close_window (win);

  win = bud_ui_test_open (path, NULL);
  doc = bud_window_get_document (win);
  g_assert_cmpstr (bud_document_meta (doc)->department, ==, "测试部门");
  g_assert_cmpint (bud_document_meta (doc)->year, ==, 2027);
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_LINE), ==, 1);
  g_assert_cmpint (first_line (doc)->amount, ==, 123456);
  bud_ui_test_close_window (win);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_in_use_elsewhere (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bud-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "shared.budget", NULL);
  g_autofree char *json = bud_ui_test_example_path ();
  BudWindow *first, *second;
  g_autoptr(GError) error = NULL;

  first = bud_window_new (NULL);
  g_assert_true (bud_window_load (first, json, FALSE, &error));
  g_assert_true (bud_window_save_as (first, path, &error));
  g_assert_no_error (error);
  g_assert_false (bud_window_is_in_memory (first));

  second = bud_window_new (NULL);
  g_assert_false (bud_window_load (second, path, FALSE, &error));
  g_assert_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_IN_USE);
  g_clear_error (&error);
  g_assert_false (bud_window_has_document (second));

  /* what the dialog offers: read-only */
  g_assert_true (bud_window_load (second, path, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (bud_document_get_read_only (bud_window_get_document (second)));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (second), "win.undo", NULL) &&
                  bud_document_can_undo (bud_window_get_document (second)));

  bud_ui_test_close_window (second);
  bud_ui_test_close_window (first);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_code_picker (void)
{
  BudCodePicker *picker = bud_code_picker_new (BUD_SCHEME_ECONOMIC);

  g_object_ref_sink (picker);
  bud_code_picker_set_query (picker, "30101");
  g_assert_cmpuint (bud_code_picker_get_n_results (picker), ==, 1);
  /* by name: the catalog's name of 30101 finds it too */
  bud_code_picker_set_query (picker, bud_catalog_name (NULL, NULL, BUD_SCHEME_ECONOMIC, "30101"));
  g_assert_cmpuint (bud_code_picker_get_n_results (picker), >=, 1);
  bud_code_picker_set_query (picker, "no such thing");
  g_assert_cmpuint (bud_code_picker_get_n_results (picker), ==, 0);
  g_object_unref (picker);
}

static void
test_preview_tables (void)
{
  g_autofree char *path = bud_ui_test_example_path ();
  BudWindow *win = bud_ui_test_open (path, NULL);
  BudPreviewPage *page = BUD_PREVIEW_PAGE (bud_window_get_section (win, "preview"));
  g_autoptr(BudTemplate) tpl = bud_template_load ("xinjiang-2026", NULL);

  bud_window_show_section (win, "preview");
  bud_ui_test_pump ();
  g_assert_cmpuint (bud_preview_page_get_n_tables (page), ==, bud_template_get_n_tables (tpl));
  for (guint i = 0; i <= bud_preview_page_get_n_tables (page); i++)
    {
      bud_preview_page_show (page, i);
      bud_ui_test_pump ();
    }
  bud_ui_test_close_window (win);
}

/* 20,000 lines: the list scrolls to the last one and its cell edits. */
static void
test_large_document (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bud-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "large.budget", NULL);
  g_autoptr(BudDocument) doc = bud_document_new ();
  g_autoptr(GError) error = NULL;
  BudUnit *unit = bud_entity_new (BUD_KIND_UNIT);
  BudStorage *storage;
  BudWindow *win;
  gint64 last = 0;
  GtkWidget *entry;

  g_assert_true (bud_document_set_text (doc, BUD_KIND_META, 1, "department", "大部门", NULL));
  g_free (unit->name);
  unit->name = g_strdup ("大部门");
  unit->primary_unit = TRUE;
  unit = bud_document_insert (doc, BUD_KIND_UNIT, unit, -1, NULL);
  for (guint i = 0; i < 20000; i++)
    {
      BudLine *line = bud_entity_new (BUD_KIND_LINE);
      line->unit = unit->id;
      g_free (line->func);
      line->func = g_strdup ("2010101");
      g_free (line->econ);
      line->econ = g_strdup (i % 2 ? "30101" : "30201");
      line->amount = 100 + i;
      line = bud_document_insert (doc, BUD_KIND_LINE, line, -1, &error);
      g_assert_no_error (error);
      last = line->id;
    }
  storage = bud_storage_create (path, doc, FALSE, &error);
  g_assert_no_error (error);
  bud_storage_close (storage);

  win = bud_ui_test_open (path, NULL);
  g_assert_cmpuint (bud_window_get_summary (win)->spent_total, >, 0);
  bud_window_show_section (win, "lines");
  bud_ui_test_pump ();
  g_assert_true (bud_lines_page_select_line (BUD_LINES_PAGE (bud_window_get_section (win, "lines")), last));
  entry = amount_entry (win, last);
  bud_ui_test_type_and_enter (entry, "7");
  g_assert_cmpint (((BudLine *) bud_document_lookup (bud_window_get_document (win), BUD_KIND_LINE, last))->amount,
                   ==, 700);
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

  g_test_add_func ("/ui/window/open-example", test_open_example);
  g_test_add_func ("/ui/window/amount-updates-totals-and-undo", test_amount_changes_totals_and_undo);
  g_test_add_func ("/ui/window/bad-amount-not-stored", test_bad_amount_not_stored);
  g_test_add_func ("/ui/window/bad-year-not-stored", test_bad_year_not_stored);
  g_test_add_func ("/ui/window/income-left-to-allocate", test_income_left_to_allocate);
  g_test_add_func ("/ui/window/review-jumps-to-place", test_review_jumps);
  g_test_add_func ("/ui/window/new-add-line-close-reopen", test_new_add_close_reopen);
  g_test_add_func ("/ui/window/in-use-elsewhere", test_in_use_elsewhere);
  g_test_add_func ("/ui/code-picker/search", test_code_picker);
  g_test_add_func ("/ui/preview/every-table", test_preview_tables);
  g_test_add_func ("/ui/lines/twenty-thousand", test_large_document);

  return g_test_run ();
}
