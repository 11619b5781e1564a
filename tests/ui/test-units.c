/* test-units.c — units on the Overview page and the lines grid's drop-downs, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include <glib/gstdio.h>
#include <string.h>

#include "bud-check.h"
#include "bud-field-binding.h"
#include "bud-jsonio.h"
#include "bud-lines-page.h"
#include "bud-overview-page.h"
#include "bud-pivot.h"
#include "bud-synth.h"
#include "bud-ui-test.h"
#include "bud-units-choices.h"
#include "bud-units-group.h"
#include "bud-window.h"

#define NEW_UNIT "测试下属单位"

static BudUnitsGroup *
units_group (BudWindow *win)
{
  bud_window_show_section (win, "overview");
  bud_ui_test_pump ();
  return bud_overview_page_get_units_group (BUD_OVERVIEW_PAGE (bud_window_get_section (win, "overview")));
}

static BudLinesPage *
lines_page (BudWindow *win)
{
  bud_window_show_section (win, "lines");
  bud_ui_test_pump ();
  return BUD_LINES_PAGE (bud_window_get_section (win, "lines"));
}

/* The grid's cell of @field for line @id, once the column view has made it. */
static GtkWidget *
grid_cell (BudWindow  *win,
           gint64      id,
           const char *field)
{
  BudLinesPage *page = lines_page (win);
  GtkWidget *cell = NULL;

  g_assert_true (bud_lines_page_select_line (page, id));
  for (guint i = 0; i < 100 && (cell = bud_lines_page_get_cell (page, id, field)) == NULL; i++)
    bud_ui_test_wait_ms (20);
  g_assert_nonnull (cell);
  return cell;
}

/* Clicks a chooser cell of the grid. */
static void
click_cell (GtkWidget *cell)
{
  g_assert_true (gtk_widget_get_sensitive (cell));
  /* a popover placed before Xvfb has put the window on its monitor makes
   * GTK 4.8 warn (gdk_monitor_get_geometry on NULL): wait for it, as a user's
   * click always does */
  for (guint i = 0; i < 250 && gdk_display_get_monitor_at_surface (gtk_widget_get_display (cell),
                                                                   gtk_native_get_surface (gtk_widget_get_native (cell))) == NULL; i++)
    bud_ui_test_wait_ms (20);
  g_signal_emit_by_name (cell, "clicked");
  bud_ui_test_pump ();
}

/* Clicks the @field cell of line @id and picks the entity @choice in the chooser it opens. */
static void
choose_in_cell (BudWindow  *win,
                gint64      id,
                const char *field,
                gint64      choice)
{
  BudDocument *doc = bud_window_get_document (win);
  GtkWidget *cell = grid_cell (win, id, field);
  BudUnitsChooser *chooser = bud_lines_page_get_chooser (lines_page (win), field);
  BudKind kind = g_str_equal (field, "unit") ? BUD_KIND_UNIT : BUD_KIND_PROJECT;

  click_cell (cell);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (chooser)));
  g_assert_true (bud_units_chooser_get_cell (chooser) == cell);
  gtk_widget_activate_action (bud_units_chooser_get_list (chooser), "list.activate-item", "u",
                              (guint) bud_document_position (doc, kind, choice));
  bud_ui_test_pump ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (chooser)));
}

/* Clicks the @field ("kind" or "source") cell of line @id and picks the
 * @position'th choice in the menu it opens, as a user would. */
static GtkWidget *
pick_in_menu (BudWindow  *win,
              gint64      id,
              const char *field,
              guint       position)
{
  GtkWidget *cell = grid_cell (win, id, field);
  GtkPopover *menu = bud_lines_page_get_menu (lines_page (win), field);

  click_cell (cell);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (menu)));
  g_signal_emit_by_name (bud_units_choices_menu_get_row (menu, position), "activate");
  bud_ui_test_pump ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (menu)));
  return cell;
}

static const char *
cell_text (BudWindow  *win,
           gint64      id,
           const char *field)
{
  return bud_units_choices_cell_get_text (grid_cell (win, id, field));
}

static BudUnit *
find_unit (BudDocument *doc,
           const char  *name)
{
  GPtrArray *units = bud_document_items (doc, BUD_KIND_UNIT);

  for (guint i = 0; i < units->len; i++)
    if (g_str_equal (((BudUnit *) g_ptr_array_index (units, i))->name, name))
      return g_ptr_array_index (units, i);
  return NULL;
}

static BudLine *
first_line_of_kind (BudDocument  *doc,
                    BudSpendKind  kind)
{
  GPtrArray *lines = bud_document_items (doc, BUD_KIND_LINE);

  for (guint i = 0; i < lines->len; i++)
    if (((BudLine *) g_ptr_array_index (lines, i))->kind == (int) kind)
      return g_ptr_array_index (lines, i);
  g_assert_not_reached ();
}

/* 表1 of the department as printed: consolidation keeps it whatever unit a line has. */
static char *
table1_text (BudDocument *doc)
{
  g_autoptr(GError) error = NULL;
  BudTemplate *tpl = bud_template_load (bud_document_meta (doc)->template_id, &error);
  g_autoptr(BudTable) table = NULL;

  g_assert_no_error (error);
  table = bud_pivot_build (tpl, bud_template_find_table (tpl, 1), doc, NULL, &error);
  g_assert_no_error (error);
  bud_template_unref (tpl);
  return bud_table_to_text (table);
}

static const BudUnitSummary *
summary_of (GArray *summaries,
            gint64  unit)
{
  for (guint i = 0; i < summaries->len; i++)
    if (g_array_index (summaries, BudUnitSummary, i).unit == unit)
      return &g_array_index (summaries, BudUnitSummary, i);
  return NULL;
}

/* Adds NEW_UNIT on the Overview page as a user would, and sets its type. */
static BudUnit *
add_unit (BudWindow *win)
{
  BudDocument *doc = bud_window_get_document (win);
  BudUnitsGroup *group = units_group (win);
  guint before = bud_document_count (doc, BUD_KIND_UNIT);
  BudUnitsRow *row;
  GtkWidget *type_row;
  BudUnit *unit;

  bud_ui_test_type_and_enter (bud_units_group_get_add_row (group), NEW_UNIT);
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_UNIT), ==, before + 1);
  unit = find_unit (doc, NEW_UNIT);
  g_assert_nonnull (unit);
  /* a subordinate unit: the department keeps its own */
  g_assert_false (unit->primary_unit);
  g_assert_true (bud_units_primary (doc) != unit);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bud_units_group_get_add_row (group))), ==, "");

  row = bud_units_group_get_row (group, unit->id);
  g_assert_nonnull (row);
  type_row = bud_units_row_get_field_row (row, "type");
  adw_combo_row_set_selected (ADW_COMBO_ROW (type_row), BUD_UNIT_CIVIL_SERVANT);
  g_assert_cmpint (unit->type, ==, BUD_UNIT_CIVIL_SERVANT);
  adw_combo_row_set_selected (ADW_COMBO_ROW (type_row), BUD_UNIT_INSTITUTION);
  g_assert_cmpint (unit->type, ==, BUD_UNIT_INSTITUTION);

  /* the same name twice would make a unit's file match either */
  bud_ui_test_type_and_enter (bud_units_group_get_add_row (group), NEW_UNIT);
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_UNIT), ==, before + 1);
  gtk_editable_set_text (GTK_EDITABLE (bud_units_group_get_add_row (group)), "");
  return unit;
}

static void
test_unit_per_line (void)
{
  BudWindow *win = bud_ui_test_open_sized (NULL, 1300, 800);
  BudDocument *doc = bud_window_get_document (win);
  BudUnit *own = bud_units_primary (doc);
  g_autofree char *table_before = table1_text (doc);
  g_autofree char *table_after = NULL;
  g_autoptr(GArray) summaries = NULL;
  g_autoptr(BudDocument) extract = NULL;
  g_autoptr(GError) error = NULL;
  BudUnit *unit;
  BudLine *line;
  BudLine *copy;
  gint64 unit_id, line_id, amount;
  guint own_lines;

  g_assert_nonnull (own);
  summaries = bud_units_summarize (doc);
  own_lines = summary_of (summaries, own->id)->n_lines;
  g_clear_pointer (&summaries, g_array_unref);

  unit = add_unit (win);
  unit_id = unit->id;
  line = first_line_of_kind (doc, BUD_SPEND_BASIC);
  line_id = line->id;
  amount = line->amount;
  g_assert_cmpint (line->unit, ==, own->id);

  /* choose the new unit in the line's unit cell */
  g_assert_cmpstr (cell_text (win, line_id, "unit"), ==, own->name);
  choose_in_cell (win, line_id, "unit", unit_id);
  line = bud_document_lookup (doc, BUD_KIND_LINE, line_id);
  g_assert_cmpint (line->unit, ==, unit_id);
  g_assert_cmpstr (cell_text (win, line_id, "unit"), ==, NEW_UNIT);

  /* the unit holds that line, in its list and in its own package … */
  summaries = bud_units_summarize (doc);
  g_assert_cmpuint (summary_of (summaries, unit_id)->n_lines, ==, 1);
  g_assert_cmpint (summary_of (summaries, unit_id)->total, ==, amount);
  g_assert_cmpuint (summary_of (summaries, own->id)->n_lines, ==, own_lines - 1);
  extract = bud_units_extract (doc, unit_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bud_document_count (extract, BUD_KIND_LINE), ==, 1);
  copy = bud_document_lookup (extract, BUD_KIND_LINE, line_id);
  g_assert_nonnull (copy);
  g_assert_cmpint (copy->amount, ==, amount);
  /* … and the department's tables still add up all its units */
  table_after = table1_text (doc);
  g_assert_cmpstr (table_after, ==, table_before);

  /* the filter by unit shows that one line */
  bud_lines_page_set_unit_filter (lines_page (win), unit_id);
  bud_ui_test_pump ();
  g_assert_cmpuint (bud_lines_page_get_n_shown (lines_page (win)), ==, 1);
  bud_lines_page_set_unit_filter (lines_page (win), 0);
  bud_ui_test_pump ();
  g_assert_cmpuint (bud_lines_page_get_n_shown (lines_page (win)), ==, bud_document_count (doc, BUD_KIND_LINE));

  /* removing a unit that has lines is refused, and says how many */
  g_assert_false (bud_units_group_remove_unit (units_group (win), unit_id, &error));
  g_assert_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_REFERENCED);
  g_assert_nonnull (strstr (error->message, NEW_UNIT));
  g_assert_nonnull (strstr (error->message, "1 line"));
  g_clear_error (&error);
  g_assert_nonnull (bud_document_lookup (doc, BUD_KIND_UNIT, unit_id));
  g_assert_cmpint (((BudLine *) bud_document_lookup (doc, BUD_KIND_LINE, line_id))->unit, ==, unit_id);
  /* nor can the department's own unit go */
  g_assert_false (bud_units_group_remove_unit (units_group (win), own->id, &error));
  g_clear_error (&error);
  g_assert_nonnull (bud_document_lookup (doc, BUD_KIND_UNIT, own->id));

  /* renaming the unit on the Overview page renames it in the grid */
  {
    BudUnitsRow *row = bud_units_group_get_row (units_group (win), unit_id);

    bud_ui_test_type_and_enter (bud_units_row_get_field_row (row, "name"), "改名后的下属单位");
    g_assert_cmpstr (((BudUnit *) bud_document_lookup (doc, BUD_KIND_UNIT, unit_id))->name, ==, "改名后的下属单位");
    g_assert_cmpstr (cell_text (win, line_id, "unit"), ==, "改名后的下属单位");
    g_assert_true (bud_document_undo (doc, &error));
    g_assert_no_error (error);
    bud_ui_test_pump ();
    g_assert_cmpstr (cell_text (win, line_id, "unit"), ==, NEW_UNIT);
  }

  /* undoing the choice gives the line its unit back, in the document and the cell */
  g_assert_true (bud_document_undo (doc, &error));
  g_assert_no_error (error);
  bud_ui_test_pump ();
  g_assert_cmpint (((BudLine *) bud_document_lookup (doc, BUD_KIND_LINE, line_id))->unit, ==, own->id);
  g_assert_cmpstr (cell_text (win, line_id, "unit"), ==, own->name);

  /* now nothing uses it: it goes, in one undo step */
  g_assert_true (bud_units_group_remove_unit (units_group (win), unit_id, &error));
  g_assert_no_error (error);
  g_assert_null (bud_document_lookup (doc, BUD_KIND_UNIT, unit_id));
  g_assert_null (bud_units_group_get_row (units_group (win), unit_id));
  g_assert_true (bud_document_undo (doc, &error));
  g_assert_nonnull (bud_document_lookup (doc, BUD_KIND_UNIT, unit_id));
  bud_ui_test_close_window (win);
}

/* Marking another unit as the department's own takes the mark from the old one. */
static void
test_own_unit_moves (void)
{
  BudWindow *win = bud_ui_test_open_sized (NULL, 1300, 800);
  BudDocument *doc = bud_window_get_document (win);
  gint64 own = bud_units_primary (doc)->id;
  BudUnit *unit = add_unit (win);
  gint64 unit_id = unit->id;
  BudUnitsRow *row = bud_units_group_get_row (units_group (win), unit_id);
  GtkWidget *primary = bud_units_row_get_field_row (row, "primary_unit");
  g_autoptr(GError) error = NULL;

  g_assert_true (GTK_IS_SWITCH (primary));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (primary)));
  gtk_switch_set_active (GTK_SWITCH (primary), TRUE);
  bud_ui_test_pump ();
  g_assert_true (((BudUnit *) bud_document_lookup (doc, BUD_KIND_UNIT, unit_id))->primary_unit);
  g_assert_false (((BudUnit *) bud_document_lookup (doc, BUD_KIND_UNIT, own))->primary_unit);
  /* taking the mark away without giving it to another unit is refused */
  gtk_switch_set_active (GTK_SWITCH (primary), FALSE);
  bud_ui_test_pump ();
  g_assert_true (((BudUnit *) bud_document_lookup (doc, BUD_KIND_UNIT, unit_id))->primary_unit);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (primary)));
  /* one undo step gives it back */
  g_assert_true (bud_document_undo (doc, &error));
  g_assert_no_error (error);
  g_assert_false (((BudUnit *) bud_document_lookup (doc, BUD_KIND_UNIT, unit_id))->primary_unit);
  g_assert_true (((BudUnit *) bud_document_lookup (doc, BUD_KIND_UNIT, own))->primary_unit);
  bud_ui_test_close_window (win);
}

/* Kind Basic on a project line clears its project (the project link check
 * requires it), in one undo step; the project cell follows the kind. */
static void
test_kind_and_project (void)
{
  BudWindow *win = bud_ui_test_open_sized (NULL, 1300, 800);
  BudDocument *doc = bud_window_get_document (win);
  BudLine *line = first_line_of_kind (doc, BUD_SPEND_PROJECT);
  gint64 line_id = line->id;
  gint64 project = line->project;
  BudProject *p = bud_document_lookup (doc, BUD_KIND_PROJECT, project);
  GtkWidget *kind, *project_cell;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (project, !=, 0);
  kind = grid_cell (win, line_id, "kind");
  project_cell = grid_cell (win, line_id, "project");
  g_assert_cmpstr (bud_units_choices_cell_get_text (kind), ==, "Project");
  g_assert_cmpstr (bud_units_choices_cell_get_text (project_cell), ==, p->name);
  g_assert_true (gtk_widget_get_sensitive (project_cell));

  kind = pick_in_menu (win, line_id, "kind", BUD_SPEND_BASIC);
  g_assert_cmpstr (bud_units_choices_cell_get_text (kind), ==, "Basic");
  line = bud_document_lookup (doc, BUD_KIND_LINE, line_id);
  g_assert_cmpint (line->kind, ==, BUD_SPEND_BASIC);
  g_assert_cmpint (line->project, ==, 0);
  g_assert_false (gtk_widget_get_sensitive (project_cell));
  g_assert_cmpstr (bud_units_choices_cell_get_text (project_cell), !=, p->name);

  g_assert_true (bud_document_undo (doc, &error));
  g_assert_no_error (error);
  bud_ui_test_pump ();
  line = bud_document_lookup (doc, BUD_KIND_LINE, line_id);
  g_assert_cmpint (line->kind, ==, BUD_SPEND_PROJECT);
  g_assert_cmpint (line->project, ==, project);
  g_assert_cmpstr (bud_units_choices_cell_get_text (kind), ==, "Project");
  g_assert_cmpstr (bud_units_choices_cell_get_text (project_cell), ==, p->name);
  g_assert_true (gtk_widget_get_sensitive (project_cell));

  /* a basic line made a project line again waits for its project, then takes it */
  line = first_line_of_kind (doc, BUD_SPEND_BASIC);
  line_id = line->id;
  project_cell = grid_cell (win, line_id, "project");
  pick_in_menu (win, line_id, "kind", BUD_SPEND_PROJECT);
  line = bud_document_lookup (doc, BUD_KIND_LINE, line_id);
  g_assert_cmpint (line->kind, ==, BUD_SPEND_PROJECT);
  g_assert_true (gtk_widget_get_sensitive (project_cell));
  g_assert_cmpint (line->project, ==, 0);
  choose_in_cell (win, line_id, "project", project);
  g_assert_cmpint (((BudLine *) bud_document_lookup (doc, BUD_KIND_LINE, line_id))->project, ==, project);
  bud_ui_test_close_window (win);
}

/* A project line needs a project: with none in the document, the kind cell
 * refuses and shows the stored kind again. */
static void
test_project_kind_needs_a_project (void)
{
  BudWindow *win = bud_ui_test_open_sized (NULL, 1300, 800);
  BudDocument *doc = bud_window_get_document (win);
  GPtrArray *lines = bud_document_items (doc, BUD_KIND_LINE);
  g_autoptr(GError) error = NULL;
  GtkWidget *kind;
  gint64 line_id;

  /* make the example's project lines basic and drop its projects */
  g_assert_true (bud_document_begin (doc, &error));
  for (guint i = 0; i < lines->len; i++)
    {
      BudLine *l = g_ptr_array_index (lines, i);

      if (l->kind == BUD_SPEND_PROJECT)
        {
          g_assert_true (bud_document_set_int (doc, BUD_KIND_LINE, l->id, "kind", BUD_SPEND_BASIC, &error));
          g_assert_true (bud_document_set_int (doc, BUD_KIND_LINE, l->id, "project", 0, &error));
        }
    }
  while (bud_document_count (doc, BUD_KIND_PROJECT) > 0)
    {
      BudProject *p = g_ptr_array_index (bud_document_items (doc, BUD_KIND_PROJECT), 0);
      g_assert_true (bud_document_remove (doc, BUD_KIND_PROJECT, p->id, &error));
    }
  g_assert_true (bud_document_commit (doc, &error));
  g_assert_no_error (error);

  line_id = first_line_of_kind (doc, BUD_SPEND_BASIC)->id;
  kind = pick_in_menu (win, line_id, "kind", BUD_SPEND_PROJECT);
  g_assert_cmpint (((BudLine *) bud_document_lookup (doc, BUD_KIND_LINE, line_id))->kind, ==, BUD_SPEND_BASIC);
  g_assert_cmpstr (bud_units_choices_cell_get_text (kind), ==, "Basic");
  bud_ui_test_close_window (win);
}

/* The Source menu stores the chosen source in one undo step, and the cell
 * shows it; undo shows the old one again. */
static void
test_source_menu (void)
{
  BudWindow *win = bud_ui_test_open_sized (NULL, 1300, 800);
  BudDocument *doc = bud_window_get_document (win);
  BudLine *line = first_line_of_kind (doc, BUD_SPEND_BASIC);
  gint64 line_id = line->id;
  BudSource before = line->source;
  BudSource after = before == BUD_SOURCE_GENERAL ? BUD_SOURCE_GENERAL + 1 : BUD_SOURCE_GENERAL;
  g_autoptr(GError) error = NULL;
  GtkWidget *cell;

  cell = pick_in_menu (win, line_id, "source", after);
  g_assert_cmpint (((BudLine *) bud_document_lookup (doc, BUD_KIND_LINE, line_id))->source, ==, after);
  g_assert_cmpstr (bud_units_choices_cell_get_text (cell), ==, bud_source_label (after));

  g_assert_true (bud_document_undo (doc, &error));
  g_assert_no_error (error);
  bud_ui_test_pump ();
  g_assert_cmpint (((BudLine *) bud_document_lookup (doc, BUD_KIND_LINE, line_id))->source, ==, before);
  g_assert_cmpstr (bud_units_choices_cell_get_text (cell), ==, bud_source_label (before));
  bud_ui_test_close_window (win);
}

/* A unit's own file goes in as one undo step; the same unit again is a conflict. */
static void
test_import_unit (void)
{
  BudWindow *win = bud_ui_test_open_sized (NULL, 1300, 800);
  BudDocument *doc = bud_window_get_document (win);
  BudUnitsGroup *group = units_group (win);
  g_autofree char *dir = g_dir_make_tmp ("bud-units-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "unit.json", NULL);
  g_autoptr(BudDocument) unit_doc = bud_document_new ();
  g_autoptr(GError) error = NULL;
  BudMeta *meta = bud_document_meta (doc);
  BudUnit *unit = bud_entity_new (BUD_KIND_UNIT);
  BudLine *line = bud_entity_new (BUD_KIND_LINE);
  BudLine *like = first_line_of_kind (doc, BUD_SPEND_BASIC);
  guint units = bud_document_count (doc, BUD_KIND_UNIT);
  guint lines = bud_document_count (doc, BUD_KIND_LINE);

  /* a unit's document of the same year and template, with one line */
  g_assert_true (bud_document_set_int (unit_doc, BUD_KIND_META, 1, "year", meta->year, &error));
  g_assert_true (bud_document_set_text (unit_doc, BUD_KIND_META, 1, "template_id", meta->template_id, &error));
  g_assert_true (bud_document_set_text (unit_doc, BUD_KIND_META, 1, "department", "导入单位", &error));
  g_free (unit->name);
  unit->name = g_strdup ("导入单位");
  unit->primary_unit = TRUE;
  unit = bud_document_insert (unit_doc, BUD_KIND_UNIT, unit, -1, &error);
  g_assert_nonnull (unit);
  line->unit = unit->id;
  g_free (line->func);
  line->func = g_strdup (like->func);
  g_free (line->econ);
  line->econ = g_strdup (like->econ);
  line->amount = 12345;
  g_assert_nonnull (bud_document_insert (unit_doc, BUD_KIND_LINE, line, -1, &error));
  g_assert_true (bud_json_write_file (unit_doc, path, &error));
  g_assert_no_error (error);

  g_assert_true (bud_units_group_import_file (group, path, BUD_UNITS_IMPORT_DEFAULT, &error));
  g_assert_no_error (error);
  bud_ui_test_pump ();
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_UNIT), ==, units + 1);
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_LINE), ==, lines + 1);
  g_assert_nonnull (bud_units_group_get_row (group, find_unit (doc, "导入单位")->id));

  g_assert_false (bud_units_group_import_file (group, path, BUD_UNITS_IMPORT_DEFAULT, &error));
  g_assert_error (error, BUD_UNITS_ERROR, BUD_UNITS_ERROR_PRESENT);
  g_clear_error (&error);
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_LINE), ==, lines + 1);

  g_assert_true (bud_document_undo (doc, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_UNIT), ==, units);
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_LINE), ==, lines);
  g_assert_null (find_unit (doc, "导入单位"));

  g_unlink (path);
  g_rmdir (dir);
  bud_ui_test_close_window (win);
}

/* DESIGN's large department (40 units, 20,000 lines, 800 projects): the
 * drop-downs share their models, so filtering by a unit, scrolling and a
 * rename touch only what is on screen. Timings are reported, not asserted
 * (the machine is shared); what each step shows is asserted. */
static void
test_large_department (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bud-units-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "large.json", NULL);
  g_autoptr(BudDocument) large = bud_synth_generate (BUD_SYNTH_L, 1);
  g_autoptr(GArray) summaries = bud_units_summarize (large);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  BudWindow *win;
  BudDocument *doc;
  BudLinesPage *page;
  GPtrArray *lines;
  const BudUnitSummary *last_unit;
  BudLine *line;
  GtkWidget *cell;
  BudUnitsRow *row;

  g_assert_true (bud_json_write_file (large, path, &error));
  g_assert_no_error (error);
  win = bud_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (win), 1300, 800);
  gtk_window_present (GTK_WINDOW (win));
  g_assert_true (bud_window_load (win, path, FALSE, &error));
  g_assert_no_error (error);
  doc = bud_window_get_document (win);
  lines = bud_document_items (doc, BUD_KIND_LINE);
  g_assert_cmpuint (lines->len, ==, 20000);

  g_timer_start (timer);
  page = lines_page (win);
  line = g_ptr_array_index (lines, lines->len - 1);
  cell = grid_cell (win, line->id, "unit");
  g_test_message ("lines page shown, last line on screen: %.0f ms", g_timer_elapsed (timer, NULL) * 1000);
  g_assert_cmpstr (bud_units_choices_cell_get_text (cell), ==,
                   ((BudUnit *) bud_document_lookup (doc, BUD_KIND_UNIT, line->unit))->name);

  /* the last unit's lines alone */
  last_unit = &g_array_index (summaries, BudUnitSummary, summaries->len - 1);
  g_timer_start (timer);
  bud_lines_page_set_unit_filter (page, last_unit->unit);
  bud_ui_test_pump ();
  g_test_message ("filter by unit: %.0f ms", g_timer_elapsed (timer, NULL) * 1000);
  g_assert_cmpuint (last_unit->n_lines, >, 0);
  g_assert_cmpuint (bud_lines_page_get_n_shown (page), ==, last_unit->n_lines);
  bud_lines_page_set_unit_filter (page, 0);
  bud_ui_test_pump ();
  g_assert_cmpuint (bud_lines_page_get_n_shown (page), ==, 20000);

  /* renaming the unit of the line on screen */
  row = bud_units_group_get_row (units_group (win), line->unit);
  g_assert_nonnull (row);
  g_timer_start (timer);
  bud_ui_test_type_and_enter (bud_units_row_get_field_row (row, "name"), "新名称单位");
  g_test_message ("rename a unit: %.0f ms", g_timer_elapsed (timer, NULL) * 1000);
  g_assert_cmpstr (cell_text (win, line->id, "unit"), ==, "新名称单位");

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

  g_test_add_func ("/ui/units/unit-per-line", test_unit_per_line);
  g_test_add_func ("/ui/units/own-unit-moves", test_own_unit_moves);
  g_test_add_func ("/ui/units/kind-and-project", test_kind_and_project);
  g_test_add_func ("/ui/units/project-kind-needs-a-project", test_project_kind_needs_a_project);
  g_test_add_func ("/ui/units/source-menu", test_source_menu);
  g_test_add_func ("/ui/units/import", test_import_unit);
  g_test_add_func ("/ui/units/large-department", test_large_department);

  return g_test_run ();
}
