/* test-comparisons.c — the comparisons and other-matters pages, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "bud-check.h"
#include "bud-comparisons-page.h"
#include "bud-field-binding.h"
#include "bud-money.h"
#include "bud-other-page.h"
#include "bud-ui-test.h"
#include "bud-window.h"



static char *
yuan (gint64 fen)
{
  return bud_money_format (fen, BUD_MONEY_YUAN, BUD_MONEY_FORMAT_GROUPING);
}

/* A measure the example has no comparative for: typing creates one, typing
 * again updates it, and the change follows. */
static void
test_last_year_creates_and_updates (void)
{
  BudWindow *win = bud_ui_test_open_example (NULL);
  BudDocument *doc = bud_window_get_document (win);
  BudComparisonsPage *page = BUD_COMPARISONS_PAGE (bud_window_get_section (win, "comparisons"));
  const char *measure = "expense.total";
  GtkWidget *entry;
  BudComparative *c;
  gint64 this_year = 0;
  gint64 id;
  g_autofree char *expected = NULL;

  bud_window_show_section (win, "comparisons");
  bud_ui_test_pump ();
  g_assert_cmpstr (bud_window_get_visible_section (win), ==, "comparisons");
  g_assert_null (bud_document_find_comparative (doc, measure));
  g_assert_true (bud_check_measure_value (doc, measure, &this_year));
  entry = bud_comparisons_page_get_last_year_entry (page, measure);
  g_assert_nonnull (entry);

  bud_ui_test_type_and_enter (entry, "1000");
  c = bud_document_find_comparative (doc, measure);
  g_assert_nonnull (c);
  g_assert_cmpint (c->last_year, ==, 100000);
  expected = yuan (this_year - 100000);
  g_assert_cmpstr (bud_comparisons_page_get_change (page, measure), ==, expected);
  /* changed, and no reason yet */
  g_assert_true (gtk_widget_has_css_class (bud_comparisons_page_get_reason_entry (page, measure), "warning"));

  id = c->id;
  bud_ui_test_type_and_enter (entry, "2500.5");
  c = bud_document_find_comparative (doc, measure);
  /* the same row, updated */
  g_assert_cmpint (c->id, ==, id);
  g_assert_cmpint (c->last_year, ==, 250050);
  g_free (expected);
  expected = yuan (this_year - 250050);
  g_assert_cmpstr (bud_comparisons_page_get_change (page, measure), ==, expected);

  bud_ui_test_type_and_enter (bud_comparisons_page_get_reason_entry (page, measure), "More staff");
  c = bud_document_find_comparative (doc, measure);
  g_assert_cmpstr (c->reason, ==, "More staff");
  g_assert_false (gtk_widget_has_css_class (bud_comparisons_page_get_reason_entry (page, measure), "warning"));
  bud_ui_test_close_window (win);
}

static void
test_bad_last_year_refused (void)
{
  BudWindow *win = bud_ui_test_open_example (NULL);
  BudDocument *doc = bud_window_get_document (win);
  BudComparisonsPage *page = BUD_COMPARISONS_PAGE (bud_window_get_section (win, "comparisons"));
  GPtrArray *comparatives = bud_document_items (doc, BUD_KIND_COMPARATIVE);
  BudComparative *c;
  GtkWidget *entry;
  gint64 before;
  guint count = comparatives->len;

  g_assert_cmpuint (count, >, 0);
  c = g_ptr_array_index (comparatives, 0);
  before = c->last_year;
  entry = bud_comparisons_page_get_last_year_entry (page, c->measure);
  g_assert_nonnull (entry);

  /* what the entry shows (grouped) goes back in unchanged, as when focus leaves */
  {
    g_autofree char *shown = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));

    bud_ui_test_type_and_enter (entry, shown);
    g_assert_false (gtk_widget_has_css_class (entry, "error"));
    g_assert_cmpint (bud_document_find_comparative (doc, c->measure)->last_year, ==, before);
  }

  bud_ui_test_type_and_enter (entry, "12.345");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (entry));
  g_assert_cmpint (bud_document_find_comparative (doc, c->measure)->last_year, ==, before);

  /* nor does a bad amount create a comparative where there was none */
  entry = bud_comparisons_page_get_last_year_entry (page, "expense.total");
  g_assert_null (bud_document_find_comparative (doc, "expense.total"));
  bud_ui_test_type_and_enter (entry, "abc");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_null (bud_document_find_comparative (doc, "expense.total"));
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_COMPARATIVE), ==, count);
  bud_ui_test_close_window (win);
}

static void
test_other_matters_amounts (void)
{
  BudWindow *win = bud_ui_test_open_example (NULL);
  BudDocument *doc = bud_window_get_document (win);
  BudOtherPage *page = BUD_OTHER_PAGE (bud_window_get_section (win, "other"));
  GtkWidget *goods = bud_other_page_get_row (page, BUD_KIND_PROCUREMENT, "goods");
  GtkWidget *furniture = bud_other_page_get_row (page, BUD_KIND_ASSETS, "furniture_value");
  gint64 before = bud_document_procurement (doc)->goods;

  bud_window_show_section (win, "other");
  bud_ui_test_pump ();
  g_assert_cmpstr (bud_window_get_visible_section (win), ==, "other");
  g_assert_nonnull (goods);
  g_assert_nonnull (furniture);

  bud_ui_test_type_and_enter (goods, "1,2,3");
  g_assert_nonnull (bud_field_binding_get_error (bud_field_binding_get (goods)));
  g_assert_cmpint (bud_document_procurement (doc)->goods, ==, before);

  bud_ui_test_type_and_enter (goods, "30000.50");
  g_assert_null (bud_field_binding_get_error (bud_field_binding_get (goods)));
  g_assert_cmpint (bud_document_procurement (doc)->goods, ==, 3000050);

  bud_ui_test_type_and_enter (furniture, "8800");
  g_assert_cmpint (bud_document_assets (doc)->furniture_value, ==, 880000);
  bud_ui_test_close_window (win);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/comparisons/last-year-creates-and-updates", test_last_year_creates_and_updates);
  g_test_add_func ("/ui/comparisons/bad-amount-refused", test_bad_last_year_refused);
  g_test_add_func ("/ui/other/procurement-and-assets-amounts", test_other_matters_amounts);

  return g_test_run ();
}
