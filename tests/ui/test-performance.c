/* test-performance.c — the performance target editors driven as a user would, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "bud-field-binding.h"
#include "bud-indicator-library.h"
#include "bud-indicator-row.h"
#include "bud-money.h"
#include "bud-performance-page.h"
#include "bud-projects-page.h"
#include "bud-target-editor.h"
#include "bud-template.h"
#include "bud-ui-test.h"
#include "bud-window.h"




static BudTargetEditor *
department_editor (BudWindow *win)
{
  GtkWidget *page = bud_window_get_section (win, "performance");

  bud_window_show_section (win, "performance");
  bud_ui_test_pump ();
  return bud_performance_page_get_editor (BUD_PERFORMANCE_PAGE (page));
}

static gint64
table_weight (BudDocument *doc,
              gint64       target)
{
  GPtrArray *items = bud_document_items (doc, BUD_KIND_INDICATOR);
  gint64 sum = 0;

  for (guint i = 0; i < items->len; i++)
    {
      BudIndicator *ind = g_ptr_array_index (items, i);
      if (ind->target == target)
        sum += ind->weight;
    }
  return sum;
}

static guint
table_count (BudDocument *doc,
             gint64       target)
{
  GPtrArray *items = bud_document_items (doc, BUD_KIND_INDICATOR);
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    n += ((BudIndicator *) g_ptr_array_index (items, i))->target == target;
  return n;
}

/* The weight label says what the indicators' weights add up to, right after an edit. */
static void
assert_weight_label (BudTargetEditor *editor,
                     BudDocument     *doc)
{
  g_autofree char *sum = bud_fixed2_format (table_weight (doc, bud_target_editor_get_target_id (editor)));

  g_assert_nonnull (strstr (bud_target_editor_get_weight_text (editor), sum));
}

static void
test_department_table_shown (void)
{
  BudWindow *win = bud_ui_test_open_example (NULL);
  BudDocument *doc = bud_window_get_document (win);
  BudTargetEditor *editor = department_editor (win);
  BudTarget *t = bud_document_find_target (doc, 0);
  g_autoptr(BudTemplate) tpl = bud_template_load (bud_document_meta (doc)->template_id, NULL);
  g_autofree char *expected = bud_fixed2_format (bud_template_get_indicator_weight_sum (tpl));
  GPtrArray *items = bud_document_items (doc, BUD_KIND_INDICATOR);

  g_assert_nonnull (t);
  g_assert_cmpint (bud_target_editor_get_target_id (editor), ==, t->id);
  /* every indicator of the table has its row */
  for (guint i = 0; i < items->len; i++)
    {
      BudIndicator *ind = g_ptr_array_index (items, i);
      if (ind->target == t->id)
        g_assert_nonnull (bud_target_editor_get_row (editor, ind->id));
    }
  assert_weight_label (editor, doc);
  g_assert_nonnull (strstr (bud_target_editor_get_weight_text (editor), expected));
  bud_ui_test_close_window (win);
}

static void
test_add_indicator_bad_value (void)
{
  BudWindow *win = bud_ui_test_open_example (NULL);
  BudDocument *doc = bud_window_get_document (win);
  BudTargetEditor *editor = department_editor (win);
  gint64 target = bud_target_editor_get_target_id (editor);
  guint before = table_count (doc, target);
  gint64 id;
  GtkWidget *row, *value;
  BudIndicator *ind;

  id = bud_target_editor_add_indicator (editor);
  bud_ui_test_pump ();
  g_assert_cmpint (id, !=, 0);
  g_assert_cmpuint (table_count (doc, target), ==, before + 1);
  row = bud_target_editor_get_row (editor, id);
  g_assert_nonnull (row);
  value = bud_indicator_row_get_value_entry (BUD_INDICATOR_ROW (row));

  /* a quantitative indicator (≥) takes a plain number only */
  bud_ui_test_type_and_enter (value, "about 160");
  ind = bud_document_lookup (doc, BUD_KIND_INDICATOR, id);
  g_assert_cmpstr (ind->value, ==, "");
  g_assert_true (gtk_widget_has_css_class (value, "error"));
  g_assert_nonnull (bud_field_binding_get_error (bud_field_binding_get (value)));
  bud_ui_test_type_and_enter (value, "1,600");
  g_assert_cmpstr (ind->value, ==, "");
  g_assert_true (gtk_widget_has_css_class (value, "error"));

  bud_ui_test_type_and_enter (value, "160");
  g_assert_cmpstr (ind->value, ==, "160");
  g_assert_false (gtk_widget_has_css_class (value, "error"));

  /* qualitative: any text; switching back to ≥ flags the text at once */
  gtk_drop_down_set_selected (bud_indicator_row_get_op_dropdown (BUD_INDICATOR_ROW (row)), BUD_OP_QUAL);
  bud_ui_test_pump ();
  g_assert_cmpint (ind->op, ==, BUD_OP_QUAL);
  bud_ui_test_type_and_enter (value, "较好");
  g_assert_cmpstr (ind->value, ==, "较好");
  g_assert_false (gtk_widget_has_css_class (value, "error"));
  gtk_drop_down_set_selected (bud_indicator_row_get_op_dropdown (BUD_INDICATOR_ROW (row)), BUD_OP_GE);
  bud_ui_test_pump ();
  g_assert_true (gtk_widget_has_css_class (value, "error"));

  /* the check's finding about the table shows in the editor */
  bud_window_get_summary (win);
  g_assert_nonnull (strstr (bud_target_editor_get_findings_text (editor), ind->name));
  bud_ui_test_close_window (win);
}

static void
test_weights_live (void)
{
  BudWindow *win = bud_ui_test_open_example (NULL);
  BudDocument *doc = bud_window_get_document (win);
  BudTargetEditor *editor = department_editor (win);
  gint64 target = bud_target_editor_get_target_id (editor);
  GPtrArray *items = bud_document_items (doc, BUD_KIND_INDICATOR);
  BudIndicator *first = NULL;
  GtkWidget *weight;
  gint64 before = table_weight (doc, target);

  for (guint i = 0; i < items->len && first == NULL; i++)
    if (((BudIndicator *) g_ptr_array_index (items, i))->target == target)
      first = g_ptr_array_index (items, i);
  g_assert_nonnull (first);
  weight = bud_indicator_row_get_weight_entry (BUD_INDICATOR_ROW (bud_target_editor_get_row (editor, first->id)));

  g_assert_cmpint (first->weight, !=, 5500);
  bud_ui_test_type_and_enter (weight, "55");
  g_assert_cmpint (first->weight, ==, 5500);
  g_assert_cmpint (table_weight (doc, target), !=, before);
  assert_weight_label (editor, doc);
  /* the sum no longer matches the template: the check says so in the editor */
  bud_window_get_summary (win);
  g_assert_nonnull (strstr (bud_target_editor_get_findings_text (editor), "weight"));

  /* a bad weight is refused and the label keeps the stored sum */
  bud_ui_test_type_and_enter (weight, "lots");
  g_assert_true (gtk_widget_has_css_class (weight, "error"));
  assert_weight_label (editor, doc);

  /* undo brings the old weight and sum back */
  g_assert_true (bud_document_undo (doc, NULL));
  bud_ui_test_pump ();
  g_assert_cmpint (table_weight (doc, target), ==, before);
  assert_weight_label (editor, doc);
  bud_ui_test_close_window (win);
}

static void
test_reorder_copy_library (void)
{
  BudWindow *win = bud_ui_test_open_example (NULL);
  BudDocument *doc = bud_window_get_document (win);
  BudProjectsPage *projects = BUD_PROJECTS_PAGE (bud_window_get_section (win, "projects"));
  BudTargetEditor *dept = department_editor (win);
  BudTargetEditor *editor = bud_projects_page_get_target_editor (projects);
  GPtrArray *items = bud_document_items (doc, BUD_KIND_INDICATOR);
  gint64 dept_target = bud_target_editor_get_target_id (dept);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(BudIndicatorLibrary) lib = NULL;
  g_autofree char *lib_path = bud_indicator_library_default_path ();
  BudIndicator *second;
  gint64 project_target;
  guint n_project;
  GtkWidget *row;

  for (guint i = 0; i < items->len; i++)
    if (((BudIndicator *) g_ptr_array_index (items, i))->target == dept_target)
      g_array_append_val (order, ((BudIndicator *) g_ptr_array_index (items, i))->id);
  g_assert_cmpuint (order->len, >=, 2);

  /* the second indicator moves above the first, and the rows follow */
  row = bud_target_editor_get_row (dept, g_array_index (order, gint64, 1));
  g_signal_emit_by_name (bud_indicator_row_get_move_button (BUD_INDICATOR_ROW (row), TRUE), "clicked");
  bud_ui_test_pump ();
  g_assert_cmpint (bud_document_position (doc, BUD_KIND_INDICATOR, g_array_index (order, gint64, 1)), <,
                   bud_document_position (doc, BUD_KIND_INDICATOR, g_array_index (order, gint64, 0)));
  row = bud_target_editor_get_row (dept, g_array_index (order, gint64, 1));
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)), ==, 0);
  /* and back down */
  g_signal_emit_by_name (bud_indicator_row_get_move_button (BUD_INDICATOR_ROW (row), FALSE), "clicked");
  bud_ui_test_pump ();
  g_assert_cmpint (bud_document_position (doc, BUD_KIND_INDICATOR, g_array_index (order, gint64, 1)), >,
                   bud_document_position (doc, BUD_KIND_INDICATOR, g_array_index (order, gint64, 0)));

  /* the star puts the indicator in the user's library file */
  second = bud_document_lookup (doc, BUD_KIND_INDICATOR, g_array_index (order, gint64, 1));
  row = bud_target_editor_get_row (dept, second->id);
  gtk_widget_activate_action (row, "target.save-to-library", "x", second->id);
  lib = bud_indicator_library_load (lib_path, NULL);
  g_assert_nonnull (lib);
  g_assert_cmpint (bud_indicator_library_find (lib, second->level1, second->level2, second->name), >=, 0);

  /* a project's table takes a copy of the department's indicators in one undo step */
  bud_window_show_section (win, "projects");
  bud_ui_test_pump ();
  project_target = bud_target_editor_get_target_id (editor);
  g_assert_cmpint (project_target, !=, 0);
  n_project = table_count (doc, project_target);
  g_assert_cmpuint (bud_target_editor_copy_from (editor, dept_target), ==, order->len);
  bud_ui_test_pump ();
  g_assert_cmpuint (table_count (doc, project_target), ==, n_project + order->len);
  g_assert_cmpuint (table_count (doc, dept_target), ==, order->len);
  g_assert_nonnull (bud_target_editor_get_row (editor, ((BudIndicator *) g_ptr_array_index (items, items->len - 1))->id));
  g_assert_true (bud_document_undo (doc, NULL));
  bud_ui_test_pump ();
  g_assert_cmpuint (table_count (doc, project_target), ==, n_project);
  bud_ui_test_close_window (win);
}

int
main (int argc, char **argv)
{
  g_autofree char *data = g_dir_make_tmp ("bud-ui-perf-XXXXXX", NULL);

  /* the indicator library lives in the user's data folder: keep it out of $HOME */
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/performance/department-table", test_department_table_shown);
  g_test_add_func ("/ui/performance/add-indicator-bad-value", test_add_indicator_bad_value);
  g_test_add_func ("/ui/performance/weights-live", test_weights_live);
  g_test_add_func ("/ui/performance/reorder-copy-library", test_reorder_copy_library);
  return g_test_run ();
}
