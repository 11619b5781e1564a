/* test-carryovers.c — the carry-overs page and the derived 三公/委托 page, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "bud-carryovers-page.h"
#include "bud-check.h"
#include "bud-derived-page.h"
#include "bud-lines-page.h"
#include "bud-money.h"
#include "bud-ui-test.h"
#include "bud-window.h"

static char *
yuan (gint64 fen)
{
  return bud_money_format (fen, BUD_MONEY_YUAN, BUD_MONEY_FORMAT_GROUPING);
}

/* The summary (and so every page's update) recomputed now, as after the idle. */
static void
settle (BudWindow *win)
{
  bud_ui_test_pump ();
  bud_window_get_summary (win);
  bud_ui_test_pump ();
}

/* GtkButton's own activate clicks only after a press animation */
static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static void
undo (BudWindow *win)
{
  gtk_widget_activate_action (GTK_WIDGET (win), "win.undo", NULL);
  settle (win);
}

static void
assert_shown (BudCarryoversPage *page,
              gint64             id,
              gint64             spent,
              gint64             left)
{
  g_autofree char *spent_text = yuan (spent);
  g_autofree char *left_text = yuan (left);

  g_assert_cmpstr (bud_carryovers_page_get_spent (page, id), ==, spent_text);
  g_assert_cmpstr (bud_carryovers_page_get_left (page, id), ==, left_text);
}

static gboolean
has_focus_within (BudWindow *win,
                  GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (win));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
test_carryover_item (void)
{
  BudWindow *win = bud_ui_test_open_example ("carryovers");
  BudDocument *doc = bud_window_get_document (win);
  BudCarryoversPage *page = BUD_CARRYOVERS_PAGE (bud_window_get_section (win, "carryovers"));
  GPtrArray *items = bud_document_items (doc, BUD_KIND_CARRYOVER);
  guint before = items->len;
  const BudLine *line = g_ptr_array_index (bud_document_items (doc, BUD_KIND_LINE), 0);
  gint64 line_id = line->id;
  gint64 line_amount = line->amount;
  const BudCarryover *c;
  GtkWidget *amount;
  gint64 id;
  g_autoptr(GError) error = NULL;

  click (bud_carryovers_page_get_add_button (page));
  settle (win);
  g_assert_cmpuint (items->len, ==, before + 1);
  c = g_ptr_array_index (items, items->len - 1);
  id = c->id;
  g_assert_cmpstr (c->name, !=, "");
  g_assert_true (bud_source_is_carry (c->source));
  /* the new item's name is focused, to be typed over */
  g_assert_true (has_focus_within (win, bud_carryovers_page_get_field_widget (page, id, "name")));

  /* a bad amount: the error shows and nothing is stored */
  amount = bud_carryovers_page_get_field_widget (page, id, "amount");
  g_assert_nonnull (amount);
  bud_ui_test_type_and_enter (amount, "12.345");
  g_assert_true (gtk_widget_has_css_class (amount, "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (amount));
  g_assert_cmpint (((BudCarryover *) bud_document_lookup (doc, BUD_KIND_CARRYOVER, id))->amount, ==, 0);

  bud_ui_test_type_and_enter (amount, "50000");
  settle (win);
  g_assert_false (gtk_widget_has_css_class (amount, "error"));
  g_assert_cmpint (((BudCarryover *) bud_document_lookup (doc, BUD_KIND_CARRYOVER, id))->amount, ==, 5000000);
  assert_shown (page, id, 0, 5000000);
  /* nothing spends it yet: the check says so on the page */
  g_assert_nonnull (strstr (bud_carryovers_page_get_findings_text (page), c->name));

  /* a line spends it */
  g_assert_true (bud_document_begin (doc, &error));
  g_assert_true (bud_document_set_int (doc, BUD_KIND_LINE, line_id, "source", BUD_SOURCE_CARRY_GENERAL, &error));
  g_assert_true (bud_document_set_int (doc, BUD_KIND_LINE, line_id, "carryover", id, &error));
  g_assert_true (bud_document_commit (doc, &error));
  g_assert_no_error (error);
  settle (win);
  assert_shown (page, id, line_amount, 5000000 - line_amount);

  /* removing an item a line spends is refused */
  click (bud_carryovers_page_get_remove_button (page, id));
  settle (win);
  g_assert_nonnull (bud_document_lookup (doc, BUD_KIND_CARRYOVER, id));

  /* the kind drop-down writes through the document */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (bud_carryovers_page_get_field_widget (page, id, "kind")), 1);
  g_assert_cmpint (((BudCarryover *) bud_document_lookup (doc, BUD_KIND_CARRYOVER, id))->kind, ==, BUD_SPEND_PROJECT);
  undo (win);
  g_assert_cmpint (((BudCarryover *) bud_document_lookup (doc, BUD_KIND_CARRYOVER, id))->kind, ==, BUD_SPEND_BASIC);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (bud_carryovers_page_get_field_widget (page, id, "kind"))), ==, 0);

  /* a finding on the item brings its field into focus, from another page */
  bud_window_show_section (win, "income");
  bud_ui_test_pump ();
  bud_window_show_location (win, BUD_KIND_CARRYOVER, id, "amount");
  bud_ui_test_pump ();
  g_assert_cmpstr (bud_window_get_visible_section (win), ==, "carryovers");
  g_assert_true (has_focus_within (win, amount));

  /* undo the link, then the amount: what the page shows follows */
  undo (win);
  g_assert_cmpint (((BudLine *) bud_document_lookup (doc, BUD_KIND_LINE, line_id))->carryover, ==, 0);
  assert_shown (page, id, 0, 5000000);
  undo (win);
  g_assert_cmpint (((BudCarryover *) bud_document_lookup (doc, BUD_KIND_CARRYOVER, id))->amount, ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amount)), ==, "0.00");
  assert_shown (page, id, 0, 0);

  /* nothing spends it now: it goes, and its row with it */
  click (bud_carryovers_page_get_remove_button (page, id));
  settle (win);
  g_assert_null (bud_document_lookup (doc, BUD_KIND_CARRYOVER, id));
  g_assert_null (bud_carryovers_page_get_field_widget (page, id, "amount"));
  g_assert_cmpstr (bud_carryovers_page_get_findings_text (page), ==, "");
  bud_ui_test_close_window (win);
}

static gint64
find_line (BudDocument *doc,
           const char  *econ)
{
  GPtrArray *lines = bud_document_items (doc, BUD_KIND_LINE);

  for (guint i = 0; i < lines->len; i++)
    {
      const BudLine *l = g_ptr_array_index (lines, i);
      if (g_str_equal (l->econ, econ) && bud_source_is_fiscal (l->source) && !bud_source_is_carry (l->source))
        return l->id;
    }
  return 0;
}

static void
assert_figure (BudWindow      *win,
               BudDerivedPage *page,
               const char     *key)
{
  gint64 value = -1;
  g_autofree char *expected = NULL;

  g_assert_true (bud_check_measure_value (bud_window_get_document (win), key, &value));
  expected = yuan (value);
  g_assert_cmpstr (bud_derived_page_get_figure (page, key), ==, expected);
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_LIST_BOX_ROW (child);
  return n;
}

static void
test_derived_figures (void)
{
  BudWindow *win = bud_ui_test_open_example ("derived");
  BudDocument *doc = bud_window_get_document (win);
  BudDerivedPage *page = BUD_DERIVED_PAGE (bud_window_get_section (win, "derived"));
  gint64 vehicle_line = find_line (doc, "30231");
  const BudLine *first = g_ptr_array_index (bud_document_items (doc, BUD_KIND_LINE), 0);
  BudLine *l;
  gint64 reception_line;
  gint64 before = 0;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (vehicle_line, !=, 0);
  assert_figure (win, page, "sangong.reception");
  assert_figure (win, page, "sangong.vehicle_operation");
  assert_figure (win, page, "sangong.total");
  assert_figure (win, page, "entrusted.total");
  g_assert_cmpuint (n_rows (bud_derived_page_get_lines (page, "sangong.vehicle_operation")), ==, 1);
  g_assert_cmpuint (n_rows (bud_derived_page_get_lines (page, "sangong.reception")), ==, 0);

  /* a 财政拨款 line on 30217 appears under 公务接待费 and moves its figure */
  g_assert_true (bud_check_measure_value (doc, "sangong.reception", &before));
  l = bud_entity_copy (BUD_KIND_LINE, first);
  l->id = 0;
  g_free (l->econ);
  l->econ = g_strdup ("30217");
  l->kind = BUD_SPEND_BASIC;
  l->project = 0;
  l->carryover = 0;
  l->source = BUD_SOURCE_GENERAL;
  l->amount = 300000;
  l = bud_document_insert (doc, BUD_KIND_LINE, l, -1, &error);
  g_assert_no_error (error);
  reception_line = l->id;
  settle (win);
  assert_figure (win, page, "sangong.reception");
  g_assert_cmpuint (n_rows (bud_derived_page_get_lines (page, "sangong.reception")), ==, 1);
  {
    g_autofree char *expected = yuan (before + 300000);
    g_assert_cmpstr (bud_derived_page_get_figure (page, "sangong.reception"), ==, expected);
  }

  /* its amount edited: the figure follows */
  g_assert_true (bud_document_set_int (doc, BUD_KIND_LINE, reception_line, "amount", 123456, &error));
  settle (win);
  assert_figure (win, page, "sangong.reception");
  assert_figure (win, page, "sangong.total");
  {
    g_autofree char *expected = yuan (before + 123456);
    g_assert_cmpstr (bud_derived_page_get_figure (page, "sangong.reception"), ==, expected);
  }

  /* activating the line opens it on the Budget Lines page */
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (bud_derived_page_get_lines (page, "sangong.reception"), 0)));
  bud_ui_test_pump ();
  g_assert_cmpstr (bud_window_get_visible_section (win), ==, "lines");
  g_assert_cmpint (bud_lines_page_get_selected (BUD_LINES_PAGE (bud_window_get_section (win, "lines"))), ==, reception_line);

  /* an edit made while the page is hidden shows when it comes back */
  g_assert_true (bud_document_set_int (doc, BUD_KIND_LINE, vehicle_line, "amount", 777700, &error));
  settle (win);
  bud_window_show_section (win, "derived");
  bud_ui_test_pump ();
  {
    g_autofree char *expected = yuan (777700);
    g_assert_cmpstr (bud_derived_page_get_figure (page, "sangong.vehicle_operation"), ==, expected);
  }

  /* the reason is edited on the Comparisons page: the button goes there */
  click (bud_derived_page_get_reason_button (page, "sangong.vehicle_operation"));
  bud_ui_test_pump ();
  g_assert_cmpstr (bud_window_get_visible_section (win), ==, "comparisons");
  bud_ui_test_close_window (win);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/carryovers/item", test_carryover_item);
  g_test_add_func ("/ui/derived/figures", test_derived_figures);

  return g_test_run ();
}
