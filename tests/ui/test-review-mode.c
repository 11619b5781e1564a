/* test-review-mode.c — review mode locks the figures; comments, status, snapshots and comparison in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "bud-comment-dialog.h"
#include "bud-diff-view.h"
#include "bud-field-binding.h"
#include "bud-jsonio.h"
#include "bud-lines-page.h"
#include "bud-money.h"
#include "bud-review.h"
#include "bud-review-page.h"
#include "bud-ui-test.h"
#include "bud-window.h"

typedef struct {
  char      *dir;
  char      *path;
  BudWindow *win;
} Fixture;

/* The example saved as a .budget file (as a review session edits one) and open in a window. */
static void
fixture_open (Fixture *fx)
{
  g_autofree char *json = bud_ui_test_example_path ();
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("bud-ui-XXXXXX", NULL);
  fx->path = g_build_filename (fx->dir, "review.budget", NULL);
  fx->win = bud_ui_test_open (json, NULL);
  g_assert_true (bud_window_save_as (fx->win, fx->path, &error));
  g_assert_no_error (error);
  g_assert_false (bud_window_is_in_memory (fx->win));
  bud_ui_test_pump ();
}

static void
fixture_close (Fixture *fx)
{
  bud_ui_test_close_window (fx->win);
  g_unlink (fx->path);
  g_rmdir (fx->dir);
  g_free (fx->path);
  g_free (fx->dir);
}


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

static gint64
line_amount (BudDocument *doc,
             gint64       id)
{
  return ((BudLine *) bud_document_lookup (doc, BUD_KIND_LINE, id))->amount;
}

static void
test_amount_locked (void)
{
  Fixture fx;
  BudDocument *doc;
  gint64 id, before;
  guint64 revision;
  g_autofree char *typed = NULL;
  GtkWidget *entry;

  fixture_open (&fx);
  doc = bud_window_get_document (fx.win);
  id = ((BudLine *) g_ptr_array_index (bud_document_items (doc, BUD_KIND_LINE), 0))->id;
  before = line_amount (doc, id);
  typed = bud_money_format (before + 100000, BUD_MONEY_YUAN, BUD_MONEY_FORMAT_DEFAULT);

  /* the menu item's action switches the document's review mode */
  g_assert_false (bud_window_get_review_mode (fx.win));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx.win), "win.review-mode", NULL));
  bud_ui_test_pump ();
  g_assert_true (bud_window_get_review_mode (fx.win));
  g_assert_true (bud_document_get_review_mode (doc));

  revision = bud_document_revision (doc);
  entry = amount_entry (fx.win, id);
  bud_ui_test_type_and_enter (entry, typed);
  /* refused, and the field says why */
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (entry));
  g_assert_nonnull (bud_field_binding_get_error (bud_field_binding_get (entry)));
  bud_ui_test_wait_ms (700);
  g_assert_cmpint (line_amount (doc, id), ==, before);
  g_assert_cmpuint (bud_document_revision (doc), ==, revision);

  /* switched off (the test API this time), the same edit goes through */
  bud_window_set_review_mode (fx.win, FALSE);
  bud_ui_test_pump ();
  g_assert_false (bud_document_get_review_mode (doc));
  entry = amount_entry (fx.win, id);
  bud_ui_test_type_and_enter (entry, typed);
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpint (line_amount (doc, id), ==, before + 100000);

  fixture_close (&fx);
}

static void
test_comment_in_review_mode (void)
{
  Fixture fx;
  BudDocument *doc;
  BudReviewPage *page;
  const BudComment *comment;
  GtkWidget *check;

  fixture_open (&fx);
  doc = bud_window_get_document (fx.win);
  page = BUD_REVIEW_PAGE (bud_window_get_section (fx.win, "review"));
  bud_window_set_review_mode (fx.win, TRUE);
  bud_window_show_section (fx.win, "review");
  bud_ui_test_pump ();
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_COMMENT), ==, 0);
  g_assert_cmpuint (bud_review_page_get_n_comments (page), ==, 0);

  /* nothing to add yet: the button waits for text */
  g_assert_false (gtk_widget_get_sensitive (bud_review_page_get_add_comment_button (page)));
  gtk_editable_set_text (GTK_EDITABLE (bud_review_page_get_comment_entry (page)),
                         "  Explain the rise in travel costs  ");
  g_assert_true (gtk_widget_get_sensitive (bud_review_page_get_add_comment_button (page)));
  /* a keyboard activation: the button shows itself pressed, then clicks */
  gtk_widget_activate (bud_review_page_get_add_comment_button (page));
  bud_ui_test_wait_ms (500);

  /* stored on the whole document, trimmed, and listed */
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_COMMENT), ==, 1);
  comment = g_ptr_array_index (bud_document_items (doc, BUD_KIND_COMMENT), 0);
  g_assert_cmpstr (comment->body, ==, "Explain the rise in travel costs");
  g_assert_cmpstr (comment->object, ==, "");
  g_assert_false (comment->resolved);
  g_assert_cmpuint (bud_review_page_get_n_comments (page), ==, 1);
  g_assert_cmpstr (bud_review_page_get_comment_text (page, 0), ==, comment->body);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bud_review_page_get_comment_entry (page))), ==, "");

  /* the check button resolves it, still in review mode */
  check = bud_review_page_get_resolved_check (page, 0);
  g_assert_nonnull (check);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  bud_ui_test_pump ();
  comment = g_ptr_array_index (bud_document_items (doc, BUD_KIND_COMMENT), 0);
  g_assert_true (comment->resolved);
  g_assert_cmpuint (bud_review_count_open_comments (doc), ==, 0);

  /* an undo puts it back, and the list follows the document */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx.win), "win.undo", NULL));
  bud_ui_test_pump ();
  g_assert_false (((BudComment *) g_ptr_array_index (bud_document_items (doc, BUD_KIND_COMMENT), 0))->resolved);
  check = bud_review_page_get_resolved_check (page, 0);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));

  fixture_close (&fx);
}

static BudLine *
nth_line (BudDocument *doc,
          guint        index)
{
  return g_ptr_array_index (bud_document_items (doc, BUD_KIND_LINE), index);
}

/* The one message dialog on screen (the comment dialog just opened). */
static AdwMessageDialog *
open_message_dialog (void)
{
  return (AdwMessageDialog *) bud_ui_test_message_dialog ();
}

static void
test_comment_on_field (void)
{
  Fixture fx;
  BudDocument *doc;
  BudReviewPage *page;
  AdwMessageDialog *dialog;
  const BudComment *comment;
  GtkWidget *entry, *other;
  gint64 id, other_id;
  g_autofree char *path = NULL;

  fixture_open (&fx);
  doc = bud_window_get_document (fx.win);
  page = BUD_REVIEW_PAGE (bud_window_get_section (fx.win, "review"));
  bud_window_set_review_mode (fx.win, TRUE);
  id = nth_line (doc, 0)->id;
  other_id = nth_line (doc, 1)->id;
  entry = amount_entry (fx.win, id);
  g_assert_false (gtk_widget_has_css_class (entry, "bud-commented"));

  /* the context menu's item: the action on the field's own widget */
  g_assert_true (gtk_widget_activate_action (entry, "binding.add-comment", NULL));
  bud_ui_test_pump ();
  dialog = open_message_dialog ();
  g_assert_nonnull (dialog);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (bud_comment_dialog_get_text_view (dialog)),
                            "  Why twice last year's amount?\n", -1);
  /* a click on "Add": the response, then the dialog closes (answering its close response, which adds nothing) */
  adw_message_dialog_response (dialog, "add");
  gtk_window_close (GTK_WINDOW (dialog));
  bud_ui_test_wait_ms (300);
  g_assert_null (open_message_dialog ());

  /* stored on (line, id, amount), trimmed and signed, in review mode */
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_COMMENT), ==, 1);
  comment = g_ptr_array_index (bud_document_items (doc, BUD_KIND_COMMENT), 0);
  path = bud_review_object_path (BUD_KIND_LINE, id);
  g_assert_cmpstr (comment->object, ==, path);
  g_assert_cmpstr (comment->field, ==, "amount");
  g_assert_cmpstr (comment->body, ==, "Why twice last year's amount?");
  g_assert_cmpstr (comment->author, ==, bud_comment_author ());
  g_assert_cmpstr (comment->author, !=, "");

  /* the field shows it; its neighbour and the same line's other fields do not */
  entry = amount_entry (fx.win, id);
  g_assert_true (gtk_widget_has_css_class (entry, "bud-commented"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (entry), comment->body));
  other = amount_entry (fx.win, other_id);
  g_assert_false (gtk_widget_has_css_class (other, "bud-commented"));
  g_assert_null (gtk_widget_get_tooltip_text (other));

  /* listed on the Review page, and its row leads back to the field */
  bud_window_show_section (fx.win, "review");
  bud_ui_test_pump ();
  g_assert_cmpuint (bud_review_page_get_n_comments (page), ==, 1);
  g_assert_cmpstr (bud_review_page_get_comment_text (page, 0), ==, comment->body);
  bud_review_page_activate_comment (page, 0);
  bud_ui_test_pump ();
  g_assert_cmpstr (bud_window_get_visible_section (fx.win), ==, "lines");

  /* resolved from the page in review mode: the field's mark goes */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (bud_review_page_get_resolved_check (page, 0)), TRUE);
  bud_ui_test_pump ();
  g_assert_cmpuint (bud_review_count_open_comments (doc), ==, 0);
  entry = amount_entry (fx.win, id);
  g_assert_false (gtk_widget_has_css_class (entry, "bud-commented"));
  g_assert_null (gtk_widget_get_tooltip_text (entry));

  fixture_close (&fx);
}

/* Every row the view shows for a cell says that cell's old and new amounts. */
static void
assert_cells_shown (BudDiffView *view,
                    BudDiff     *diff)
{
  g_assert_cmpuint (bud_diff_view_get_n_rows (view, BUD_DIFF_VIEW_CELLS), ==, diff->cells->len);
  for (guint i = 0; i < diff->cells->len; i++)
    {
      const BudDiffCell *c = g_ptr_array_index (diff->cells, i);
      g_autofree char *old_amount = bud_diff_format_money (c->old_amount);
      g_autofree char *new_amount = bud_diff_format_money (c->new_amount);
      const char *subtitle = bud_diff_view_get_row_subtitle (view, BUD_DIFF_VIEW_CELLS, i);

      g_assert_nonnull (strstr (subtitle, old_amount));
      g_assert_nonnull (strstr (subtitle, new_amount));
      g_assert_nonnull (strstr (bud_diff_view_get_row_title (view, BUD_DIFF_VIEW_CELLS, i),
                                c->column_label));
    }
}

static void
test_status_snapshot_compare (void)
{
  Fixture fx;
  BudDocument *doc;
  BudReviewPage *page;
  const BudStatusChange *change;
  const BudSnapshot *snapshot;
  BudDiffView *view;
  BudDiff *diff;
  BudLine *line;
  GtkWindow *window;
  GtkWidget *entry;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *typed = NULL;
  gint64 id, old_amount;
  const char *title;

  fixture_open (&fx);
  doc = bud_window_get_document (fx.win);
  page = BUD_REVIEW_PAGE (bud_window_get_section (fx.win, "review"));
  bud_window_show_section (fx.win, "review");
  bud_ui_test_pump ();
  g_assert_cmpint (bud_review_get_status (doc), ==, BUD_STATUS_DRAFTING);
  g_assert_cmpstr (bud_review_page_get_status_text (page), ==, bud_status_label (BUD_STATUS_DRAFTING));
  /* only the moves the state machine allows are offered */
  g_assert_null (bud_review_page_get_status_button (page, BUD_STATUS_APPROVED));
  g_assert_null (bud_review_page_get_status_button (page, BUD_STATUS_RETURNED));
  g_assert_nonnull (bud_review_page_get_status_button (page, BUD_STATUS_SUBMITTED));
  g_assert_cmpuint (bud_review_page_get_n_history (page), ==, 0);
  g_assert_cmpuint (bud_review_page_get_n_snapshots (page), ==, 0);

  /* 编制中 → 已提交 with a note */
  gtk_editable_set_text (GTK_EDITABLE (bud_review_page_get_status_note (page)), "First draft");
  g_signal_emit_by_name (bud_review_page_get_status_button (page, BUD_STATUS_SUBMITTED), "clicked");
  bud_ui_test_pump ();
  g_assert_cmpint (bud_review_get_status (doc), ==, BUD_STATUS_SUBMITTED);
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_STATUS_CHANGE), ==, 1);
  change = g_ptr_array_index (bud_document_items (doc, BUD_KIND_STATUS_CHANGE), 0);
  g_assert_cmpint (change->from, ==, BUD_STATUS_DRAFTING);
  g_assert_cmpint (change->to, ==, BUD_STATUS_SUBMITTED);
  g_assert_cmpstr (change->note, ==, "First draft");
  g_assert_cmpstr (change->author, ==, bud_comment_author ());
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bud_review_page_get_status_note (page))), ==, "");
  /* the automatic snapshot, listed */
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_SNAPSHOT), ==, 1);
  snapshot = g_ptr_array_index (bud_document_items (doc, BUD_KIND_SNAPSHOT), 0);
  g_assert_cmpint (change->snapshot, ==, snapshot->id);
  g_assert_cmpuint (bud_review_page_get_n_history (page), ==, 1);
  g_assert_cmpuint (bud_review_page_get_n_snapshots (page), ==, 1);
  g_assert_cmpint (bud_review_page_get_snapshot_id (page, 0), ==, snapshot->id);
  /* the page follows: submitted can be returned or approved, not submitted again */
  g_assert_cmpstr (bud_review_page_get_status_text (page), ==, bud_status_label (BUD_STATUS_SUBMITTED));
  g_assert_nonnull (bud_review_page_get_status_button (page, BUD_STATUS_RETURNED));
  g_assert_nonnull (bud_review_page_get_status_button (page, BUD_STATUS_APPROVED));
  g_assert_null (bud_review_page_get_status_button (page, BUD_STATUS_SUBMITTED));

  /* an amount changed after the handover */
  line = nth_line (doc, 0);
  id = line->id;
  old_amount = line->amount;
  typed = bud_money_format (old_amount + 123400, BUD_MONEY_YUAN, BUD_MONEY_FORMAT_DEFAULT);
  entry = amount_entry (fx.win, id);
  bud_ui_test_type_and_enter (entry, typed);
  g_assert_cmpint (nth_line (doc, 0)->amount, ==, old_amount + 123400);

  window = bud_review_page_compare_snapshot (page,
                                             bud_review_page_get_snapshot_id (page, 0), &error);
  g_assert_no_error (error);
  g_assert_nonnull (window);
  bud_ui_test_pump ();
  view = bud_diff_window_get_view (window);
  g_assert_false (bud_diff_view_is_empty (view));
  diff = bud_diff_view_get_diff (view);

  /* exactly that line's amount, old → new */
  g_assert_cmpuint (bud_diff_view_get_n_rows (view, BUD_DIFF_VIEW_FIELDS), ==, 1);
  title = bud_diff_view_get_row_title (view, BUD_DIFF_VIEW_FIELDS, 0);
  line = nth_line (doc, 0);
  g_assert_nonnull (strstr (title, line->func));
  g_assert_nonnull (strstr (title, line->econ));
  before = bud_diff_format_money (old_amount);
  after = bud_diff_format_money (old_amount + 123400);
  g_assert_nonnull (strstr (bud_diff_view_get_row_subtitle (view, BUD_DIFF_VIEW_FIELDS, 0), before));
  g_assert_nonnull (strstr (bud_diff_view_get_row_subtitle (view, BUD_DIFF_VIEW_FIELDS, 0), after));
  /* and the table cells that follow from it, each by the same 1,234.00 */
  g_assert_cmpuint (diff->cells->len, >, 0);
  for (guint i = 0; i < diff->cells->len; i++)
    {
      const BudDiffCell *c = g_ptr_array_index (diff->cells, i);

      g_assert_true (c->old_present && c->new_present);
      g_assert_cmpint (c->new_amount - c->old_amount, ==, 123400);
    }
  assert_cells_shown (view, diff);

  /* the changed field leads to its place in the main window */
  bud_window_show_section (fx.win, "review");
  bud_diff_view_activate_field (view, 0);
  bud_ui_test_pump ();
  g_assert_cmpstr (bud_window_get_visible_section (fx.win), ==, "lines");

  gtk_window_destroy (window);
  fixture_close (&fx);
}

static void
test_compare_with_file (void)
{
  Fixture fx;
  BudDocument *doc;
  BudReviewPage *page;
  GtkWindow *window;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *missing = NULL;

  fixture_open (&fx);
  doc = bud_window_get_document (fx.win);
  page = BUD_REVIEW_PAGE (bud_window_get_section (fx.win, "review"));
  json = g_build_filename (fx.dir, "copy.json", NULL);
  g_assert_true (bud_json_write_file (doc, json, &error));
  g_assert_no_error (error);

  /* an exchange file equal to the document */
  window = bud_review_page_compare_file (page, json, &error);
  g_assert_no_error (error);
  bud_ui_test_pump ();
  g_assert_true (bud_diff_view_is_empty (bud_diff_window_get_view (window)));
  gtk_window_destroy (window);

  /* the .budget file itself, opened read-only beside the window's own copy */
  window = bud_review_page_compare_file (page, fx.path, &error);
  g_assert_no_error (error);
  g_assert_true (bud_diff_view_is_empty (bud_diff_window_get_view (window)));
  gtk_window_destroy (window);

  /* the file then differs from the document: one amount */
  g_assert_true (bud_document_set_int (doc, BUD_KIND_LINE, nth_line (doc, 0)->id, "amount",
                                       nth_line (doc, 0)->amount + 100, &error));
  window = bud_review_page_compare_file (page, json, &error);
  g_assert_no_error (error);
  g_assert_false (bud_diff_view_is_empty (bud_diff_window_get_view (window)));
  g_assert_cmpuint (bud_diff_view_get_n_rows (bud_diff_window_get_view (window), BUD_DIFF_VIEW_FIELDS), ==, 1);
  gtk_window_destroy (window);

  /* a file that is not there: refused, with the reason */
  missing = g_build_filename (fx.dir, "missing.budget", NULL);
  g_assert_null (bud_review_page_compare_file (page, missing, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_unlink (json);
  fixture_close (&fx);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/review-mode/amount-locked", test_amount_locked);
  g_test_add_func ("/ui/review-mode/comment-through-page", test_comment_in_review_mode);
  g_test_add_func ("/ui/review-mode/comment-on-field", test_comment_on_field);
  g_test_add_func ("/ui/review-mode/status-snapshot-compare", test_status_snapshot_compare);
  g_test_add_func ("/ui/review-mode/compare-with-file", test_compare_with_file);

  return g_test_run ();
}
