/* test-review-mode.c — review mode locks the figures; comments from the Review page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "bud-field-binding.h"
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
  fx->win = bud_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (fx->win), 1200, 800);
  gtk_window_present (GTK_WINDOW (fx->win));
  g_assert_true (bud_window_load (fx->win, json, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (bud_window_save_as (fx->win, fx->path, &error));
  g_assert_no_error (error);
  g_assert_false (bud_window_is_in_memory (fx->win));
  bud_ui_test_pump ();
}

static void
fixture_close (Fixture *fx)
{
  bud_window_close_document (fx->win);
  gtk_window_destroy (GTK_WINDOW (fx->win));
  bud_ui_test_pump ();
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

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/review-mode/amount-locked", test_amount_locked);
  g_test_add_func ("/ui/review-mode/comment-through-page", test_comment_in_review_mode);

  return g_test_run ();
}
