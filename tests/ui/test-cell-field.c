/* test-cell-field.c — the grid's light text cells: edited in place, marked when commented
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "bud-cell-field.h"
#include "bud-comment-dialog.h"
#include "bud-lines-page.h"
#include "bud-review.h"
#include "bud-ui-test.h"
#include "bud-window.h"

static BudLinesPage *
lines_page (BudWindow *win)
{
  return BUD_LINES_PAGE (bud_window_get_section (win, "lines"));
}

/* The light cell of @field for line @id, once the column view has made it. */
static GtkWidget *
grid_cell (BudWindow  *win,
           gint64      id,
           const char *field)
{
  GtkWidget *cell = NULL;

  bud_window_show_section (win, "lines");
  g_assert_true (bud_lines_page_select_line (lines_page (win), id));
  for (guint i = 0; i < 100 && (cell = bud_lines_page_get_cell (lines_page (win), id, field)) == NULL; i++)
    bud_ui_test_wait_ms (20);
  g_assert_nonnull (cell);
  return cell;
}

static BudLine *
nth_line (BudDocument *doc,
          guint        n)
{
  return g_ptr_array_index (bud_document_items (doc, BUD_KIND_LINE), n);
}

/* Typing into a cell starts from what was typed; Enter stores one undo step. */
static void
test_typed_edit (void)
{
  BudWindow *win = bud_ui_test_open_example ("lines");
  BudDocument *doc = bud_window_get_document (win);
  gint64 id = nth_line (doc, 2)->id, before = nth_line (doc, 2)->amount;
  GtkWidget *cell = grid_cell (win, id, "amount");
  GtkWidget *entry;

  /* light until edited: no entry, and nothing editable in the cell */
  g_assert_true (BUD_IS_CELL_FIELD (cell));
  g_assert_null (bud_cell_field_get_entry (BUD_CELL_FIELD (cell)));
  g_assert_false (GTK_IS_EDITABLE (cell));

  entry = bud_cell_field_edit (BUD_CELL_FIELD (cell), "7");
  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "7");
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (entry)), "activate");
  bud_ui_test_pump ();
  g_assert_cmpint (((BudLine *) bud_document_lookup (doc, BUD_KIND_LINE, id))->amount, ==, 700);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.undo", NULL));
  bud_ui_test_pump ();
  g_assert_cmpint (((BudLine *) bud_document_lookup (doc, BUD_KIND_LINE, id))->amount, ==, before);
  /* the cell shows the stored value again, not what was typed */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), !=, "7");

  /* Escape drops what is typed and not stored yet, and ends the edit */
  entry = bud_cell_field_edit (BUD_CELL_FIELD (cell), "9");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "9");
  bud_cell_field_cancel (BUD_CELL_FIELD (cell));
  bud_ui_test_wait_ms (700);
  g_assert_null (bud_cell_field_get_entry (BUD_CELL_FIELD (cell)));
  g_assert_cmpint (((BudLine *) bud_document_lookup (doc, BUD_KIND_LINE, id))->amount, ==, before);

  /* a bad value is refused, and its entry stays with the error */
  entry = bud_cell_field_edit (BUD_CELL_FIELD (cell), NULL);
  bud_ui_test_type_and_enter (entry, "12a");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_true (bud_cell_field_get_entry (BUD_CELL_FIELD (cell)) == entry);
  g_assert_cmpint (((BudLine *) bud_document_lookup (doc, BUD_KIND_LINE, id))->amount, ==, before);
  bud_ui_test_close_window (win);
}

/* An open comment marks the light cell of its field, not its neighbours. */
static void
test_comment_mark (void)
{
  BudWindow *win = bud_ui_test_open_example ("lines");
  BudDocument *doc = bud_window_get_document (win);
  gint64 id = nth_line (doc, 0)->id, other = nth_line (doc, 1)->id;
  BudComment *comment = bud_entity_new (BUD_KIND_COMMENT);
  g_autoptr(GError) error = NULL;
  GtkWidget *cell;

  cell = grid_cell (win, id, "amount");
  g_assert_false (gtk_widget_has_css_class (cell, "bud-commented"));

  g_free (comment->object);
  comment->object = bud_review_object_path (BUD_KIND_LINE, id);
  g_free (comment->field);
  comment->field = g_strdup ("amount");
  g_free (comment->body);
  comment->body = g_strdup ("Twice last year");
  g_assert_nonnull (bud_document_insert (doc, BUD_KIND_COMMENT, comment, -1, &error));
  g_assert_no_error (error);
  bud_ui_test_pump ();

  cell = grid_cell (win, id, "amount");
  g_assert_null (bud_cell_field_get_entry (BUD_CELL_FIELD (cell)));
  g_assert_true (gtk_widget_has_css_class (cell, "bud-commented"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (cell), "Twice last year"));
  g_assert_false (gtk_widget_has_css_class (grid_cell (win, id, "note"), "bud-commented"));
  g_assert_false (gtk_widget_has_css_class (grid_cell (win, other, "amount"), "bud-commented"));
  bud_ui_test_close_window (win);
}

/* A right click on a light cell offers "Add Comment…", as the entry does
 * while edited: the comment goes on the cell's field. */
static void
test_comment_from_cell (void)
{
  BudWindow *win = bud_ui_test_open_example ("lines");
  BudDocument *doc = bud_window_get_document (win);
  gint64 id = nth_line (doc, 3)->id;
  GtkWidget *cell = grid_cell (win, id, "note");
  AdwMessageDialog *dialog;
  BudComment *comment;
  g_autofree char *path = bud_review_object_path (BUD_KIND_LINE, id);

  g_assert_true (gtk_widget_activate_action (cell, "cell.add-comment", NULL));
  bud_ui_test_pump ();
  dialog = (AdwMessageDialog *) bud_ui_test_message_dialog ();
  g_assert_nonnull (dialog);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (bud_comment_dialog_get_text_view (dialog)),
                            "Which contract?", -1);
  adw_message_dialog_response (dialog, "add");
  gtk_window_close (GTK_WINDOW (dialog));
  bud_ui_test_wait_ms (300);

  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_COMMENT), ==, 1);
  comment = g_ptr_array_index (bud_document_items (doc, BUD_KIND_COMMENT), 0);
  g_assert_cmpstr (comment->object, ==, path);
  g_assert_cmpstr (comment->field, ==, "note");
  g_assert_true (gtk_widget_has_css_class (grid_cell (win, id, "note"), "bud-commented"));
  bud_ui_test_close_window (win);
}

/* A filter keeps the selected line selected while it is shown, whatever
 * place it takes, and drops it when it is not. */
static void
test_filter_keeps_selection (void)
{
  BudWindow *win = bud_ui_test_open_example ("lines");
  BudDocument *doc = bud_window_get_document (win);
  BudUnit *unit = bud_entity_new (BUD_KIND_UNIT);
  gint64 id = nth_line (doc, 10)->id, first_unit = nth_line (doc, 10)->unit;
  g_autoptr(GError) error = NULL;

  /* the first five lines go to a second unit: line 10 is 5th of its unit */
  g_free (unit->name);
  unit->name = g_strdup ("Second unit");
  g_free (unit->code);
  unit->code = g_strdup ("999002");
  unit = bud_document_insert (doc, BUD_KIND_UNIT, unit, -1, &error);
  g_assert_no_error (error);
  g_assert_true (bud_document_begin (doc, &error));
  for (guint i = 0; i < 5; i++)
    g_assert_true (bud_document_set_int (doc, BUD_KIND_LINE, nth_line (doc, i)->id, "unit", unit->id, &error));
  g_assert_true (bud_document_commit (doc, &error));
  bud_ui_test_pump ();

  grid_cell (win, id, "amount");
  g_assert_cmpint (bud_lines_page_get_selected (lines_page (win)), ==, id);
  bud_lines_page_set_unit_filter (lines_page (win), first_unit);
  bud_ui_test_pump ();
  g_assert_cmpint (bud_lines_page_get_selected (lines_page (win)), ==, id);
  /* and the cells at its new place show it */
  g_assert_nonnull (grid_cell (win, id, "amount"));
  g_assert_cmpint (bud_cell_field_get_id (BUD_CELL_FIELD (grid_cell (win, id, "amount"))), ==, id);

  bud_lines_page_set_unit_filter (lines_page (win), unit->id);
  bud_ui_test_pump ();
  g_assert_cmpuint (bud_lines_page_get_n_shown (lines_page (win)), ==, 5);
  g_assert_cmpint (bud_lines_page_get_selected (lines_page (win)), ==, 0);
  bud_ui_test_close_window (win);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/cell-field/typed-edit", test_typed_edit);
  g_test_add_func ("/ui/cell-field/comment-mark", test_comment_mark);
  g_test_add_func ("/ui/cell-field/comment-from-cell", test_comment_from_cell);
  g_test_add_func ("/ui/cell-field/filter-keeps-selection", test_filter_keeps_selection);

  return g_test_run ();
}
