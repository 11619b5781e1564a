/* bud-lines-page.c — the fact table as an editable GtkColumnView
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows are BudEntityItems made on demand by BudKindModel, cells are recycled, and
 * each editable cell is a field binding retargeted on bind: scrolling 20,000
 * lines costs only the rows on screen. The unit, project, source and kind
 * cells are light buttons sharing one chooser popover or menu per column
 * (bud-units-choices.h says why).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bud-catalog.h"
#include "bud-cell-field.h"
#include "bud-check.h"
#include "bud-code-picker.h"
#include "bud-lines-page.h"
#include "bud-entity-item.h"
#include "bud-section.h"
#include "bud-units.h"
#include "bud-units-choices.h"
#include "bud-units-chooser.h"

/* in the order of the template's columns */
typedef enum {
  COL_FUNC,
  COL_FUNC_NAME,
  COL_ECON,
  COL_ECON_NAME,
  COL_AMOUNT,
  COL_SOURCE,
  COL_KIND,
  COL_PROJECT,
  COL_UNIT,
  COL_NOTE,
  N_COLS
} Column;

enum { FILTER_ALL, FILTER_BASIC, FILTER_PROJECT };

struct _BudLinesPage
{
  AdwBin               parent_instance;

  GtkDropDown         *kind_filter;
  GtkDropDown         *unit_filter;
  GtkSearchEntry      *search;
  GtkLabel            *count_label;
  GtkWidget           *add_button;
  GtkWidget           *remove_button;
  GtkColumnView       *view;

  BudDocument         *doc;
  BudKindModel        *model;            /* filtered by filter_line (); the selection owns it */
  GtkSingleSelection  *selection;
  GtkStringList       *source_labels;
  GtkStringList       *kind_labels;
  BudKindModel        *units;            /* shared by every unit drop-down */
  BudKindModel        *projects;
  GListModel          *unit_choices;     /* "all units", then the units (filter) */
  BudUnitsChooser     *unit_chooser;     /* one popover for every unit cell */
  BudUnitsChooser     *project_chooser;
  GtkPopover          *source_menu;      /* one menu for every source cell */
  GtkPopover          *kind_menu;
  gint64               choosing_line;    /* the line the open chooser is for */
  Column               choosing_col;
  GHashTable          *cells[N_COLS];    /* line id → the column's cell widget on screen */
  gint64               filter_unit;      /* 0: all */
  gint64               selected_id;      /* the line selected, followed across model changes */
  gulong               changed_id;
};

static void bud_lines_page_section_init (BudSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BudLinesPage, bud_lines_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (BUD_TYPE_SECTION, bud_lines_page_section_init))

/* ---- cells ---- */

static char *
cell_text (BudLinesPage  *self,
           Column         col,
           const BudLine *line)
{
  const char *name = NULL;

  switch (col)
    {
    case COL_FUNC_NAME:
      name = bud_catalog_name (NULL, self->doc, BUD_SCHEME_FUNCTIONAL, line->func);
      return g_strdup (name != NULL ? name : _("(not in the catalog)"));
    case COL_ECON_NAME:
      name = bud_catalog_name (NULL, self->doc, BUD_SCHEME_ECONOMIC, line->econ);
      return g_strdup (name != NULL ? name : _("(not in the catalog)"));
    default:
      return g_strdup ("");
    }
}

/* The code the picker chose goes straight to the document: the cell may
 * not be editing, and the picker belongs to the row, not to one line. */
static void
on_code_chosen (BudCodePicker *picker,
                const char    *code,
                GtkWidget     *cell)
{
  BudLinesPage *self = BUD_LINES_PAGE (gtk_widget_get_ancestor (cell, BUD_TYPE_LINES_PAGE));
  const char *field = g_object_get_data (G_OBJECT (cell), "field");
  gint64 id = bud_cell_field_get_id (BUD_CELL_FIELD (cell));
  g_autoptr(GError) error = NULL;

  if (self == NULL || self->doc == NULL || id == 0)
    return;
  if (!bud_document_set_text (self->doc, BUD_KIND_LINE, id, field, code, &error))
    bud_section_notify (GTK_WIDGET (self), error->message);
}

static void
create_picker (GtkMenuButton *button,
               gpointer       data)
{
  GtkWidget *cell = data;
  BudScheme scheme = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "scheme"));
  BudCodePicker *picker;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;
  picker = bud_code_picker_new (scheme);
  g_signal_connect_object (picker, "chosen", G_CALLBACK (on_code_chosen), cell, 0);
  gtk_menu_button_set_popover (button, GTK_WIDGET (picker));
}

static void refresh_cell (GtkListItem *list_item);

/* A basic line belongs to no project: switching to basic clears the project in
 * the same undo step, as the check lines.project-link requires. A project line
 * without a project is allowed for a moment (the check flags it) so that the
 * user can choose the project next, but not when there is none to choose. */
static gboolean
store_kind (BudLinesPage  *self,
            BudLine       *line,
            BudSpendKind   kind,
            GError       **error)
{
  if (kind == BUD_SPEND_PROJECT && bud_document_count (self->doc, BUD_KIND_PROJECT) == 0)
    {
      g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_INVALID,
                   _("A project line must belong to a project: add one on the Projects page first"));
      return FALSE;
    }
  if (!bud_document_begin (self->doc, error))
    return FALSE;
  if (!bud_document_set_int (self->doc, BUD_KIND_LINE, line->id, "kind", kind, error) ||
      (kind == BUD_SPEND_BASIC && line->project != 0 &&
       !bud_document_set_int (self->doc, BUD_KIND_LINE, line->id, "project", 0, error)))
    {
      bud_document_rollback (self->doc);
      return FALSE;
    }
  return bud_document_commit (self->doc, error);
}

static void
on_chooser_cell_clicked (GtkWidget    *cell,
                         BudLinesPage *self)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (cell), "list-item");
  Column col = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "column"));
  BudEntityItem *item = gtk_list_item_get_item (list_item);
  BudLine *line = item != NULL ? bud_entity_item_get_entity (item) : NULL;

  if (line == NULL)
    return;
  self->choosing_line = line->id;
  self->choosing_col = col;
  if (col == COL_SOURCE)
    bud_units_choices_menu_popup (self->source_menu, cell, line->source);
  else if (col == COL_KIND)
    bud_units_choices_menu_popup (self->kind_menu, cell, line->kind);
  else if (col == COL_UNIT)
    bud_units_chooser_popup (self->unit_chooser, cell, line->unit);
  else
    bud_units_chooser_popup (self->project_chooser, cell, line->project);
}

static void
on_chosen (BudUnitsChooser *chooser,
           gint64           id,
           BudLinesPage    *self)
{
  const char *field = chooser == self->unit_chooser ? "unit" : "project";
  g_autoptr(GError) error = NULL;

  if (self->doc == NULL || bud_document_lookup (self->doc, BUD_KIND_LINE, self->choosing_line) == NULL)
    return;
  if (!bud_document_set_int (self->doc, BUD_KIND_LINE, self->choosing_line, field, id, &error))
    bud_section_notify (GTK_WIDGET (self), error->message);
}

/* The Source or Kind menu: position is the BudSource or BudSpendKind chosen. */
static void
on_menu_chosen (guint    position,
                gpointer data)
{
  BudLinesPage *self = data;
  BudLine *line = self->doc != NULL ? bud_document_lookup (self->doc, BUD_KIND_LINE, self->choosing_line) : NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (line == NULL)
    return;
  /* refused: the cell still shows the stored value, nothing changed */
  if (self->choosing_col == COL_KIND && (int) position != line->kind)
    ok = store_kind (self, line, position, &error);
  else if (self->choosing_col == COL_SOURCE && (int) position != line->source)
    ok = bud_document_set_int (self->doc, BUD_KIND_LINE, line->id, "source", position, &error);
  if (!ok)
    bud_section_notify (GTK_WIDGET (self), error->message);
}

static GtkWidget *
choice_cell (BudLinesPage *self,
             GtkListItem  *list_item,
             Column        col)
{
  GtkWidget *child = bud_units_choices_cell_new ();

  g_signal_connect (child, "clicked", G_CALLBACK (on_chooser_cell_clicked), self);
  g_object_set_data (G_OBJECT (child), "list-item", list_item);
  g_object_set_data (G_OBJECT (child), "column", GINT_TO_POINTER (col));
  return child;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            BudLinesPage             *self)
{
  Column col = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *child;

  switch (col)
    {
    case COL_FUNC:
    case COL_ECON:
      {
        const char *field = col == COL_FUNC ? "func" : "econ";
        GtkWidget *entry = bud_cell_field_new (BUD_KIND_LINE, field, FALSE);
        GtkWidget *button = gtk_menu_button_new ();

        g_object_set_data (G_OBJECT (entry), "field", (gpointer) field);
        gtk_widget_set_hexpand (entry, TRUE);
        gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "edit-find-symbolic");
        gtk_widget_add_css_class (button, "flat");
        bud_units_choices_lazy_tooltip (button, NULL, col == COL_FUNC ? _("Find a functional classification code")
                                                                       : _("Find an economic classification code"));
        g_object_set_data (G_OBJECT (button), "scheme",
                           GINT_TO_POINTER (col == COL_FUNC ? BUD_SCHEME_FUNCTIONAL : BUD_SCHEME_ECONOMIC));
        gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_picker, entry, NULL);
        child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
        gtk_box_append (GTK_BOX (child), entry);
        gtk_box_append (GTK_BOX (child), button);
        g_object_set_data (G_OBJECT (child), "entry", entry);
        break;
      }
    case COL_AMOUNT:
      child = bud_cell_field_new (BUD_KIND_LINE, "amount", TRUE);
      g_object_set_data (G_OBJECT (child), "entry", child);
      break;
    case COL_NOTE:
      child = bud_cell_field_new (BUD_KIND_LINE, "note", FALSE);
      g_object_set_data (G_OBJECT (child), "entry", child);
      break;
    case COL_SOURCE:
    case COL_KIND:
    case COL_UNIT:
    case COL_PROJECT:
      child = choice_cell (self, list_item, col);
      break;
    default:
      child = gtk_label_new ("");
      gtk_label_set_xalign (GTK_LABEL (child), 0);
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
      /* the whole name when the column cuts it short */
      bud_units_choices_lazy_tooltip (child, GTK_LABEL (child), NULL);
      break;
    }
  gtk_list_item_set_child (list_item, child);
}

static void
refresh_cell (GtkListItem *list_item)
{
  BudLinesPage *self = g_object_get_data (G_OBJECT (list_item), "page");
  Column col = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (list_item), "column"));
  BudEntityItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  BudLine *line = item != NULL ? bud_entity_item_get_entity (item) : NULL;

  if (line == NULL || self == NULL || self->doc == NULL)
    return;

  if (col == COL_SOURCE || col == COL_KIND)
    {
      GListModel *labels = G_LIST_MODEL (col == COL_SOURCE ? self->source_labels : self->kind_labels);
      int pos = col == COL_SOURCE ? line->source : line->kind;

      bud_units_choices_cell_set_text (child, pos >= 0 && (guint) pos < g_list_model_get_n_items (labels)
                                              ? gtk_string_list_get_string (GTK_STRING_LIST (labels), pos) : "");
      gtk_widget_set_sensitive (child, !bud_document_get_read_only (self->doc));
    }
  else if (col == COL_UNIT || col == COL_PROJECT)
    {
      gpointer chosen = col == COL_UNIT ? bud_document_lookup (self->doc, BUD_KIND_UNIT, line->unit)
                        : line->project != 0 ? bud_document_lookup (self->doc, BUD_KIND_PROJECT, line->project)
                        : NULL;
      const char *name = chosen == NULL ? (col == COL_UNIT ? "" : "—")
                         : col == COL_UNIT ? ((BudUnit *) chosen)->name : ((BudProject *) chosen)->name;

      bud_units_choices_cell_set_text (child, name);
      gtk_widget_set_sensitive (child, !bud_document_get_read_only (self->doc) &&
                                (col == COL_UNIT || line->kind == BUD_SPEND_PROJECT));
    }
  else if (g_object_get_data (G_OBJECT (child), "entry") != NULL)
    /* the text cell is already targeted (track_cell ()) */
    bud_cell_field_refresh (g_object_get_data (G_OBJECT (child), "entry"));
  else if (GTK_IS_LABEL (child))
    {
      g_autofree char *text = cell_text (self, col, line);
      gtk_label_set_text (GTK_LABEL (child), text);
    }
}

/* The line the cell shows now, tracked in cells[] by id (the model's items
 * stand for positions, so the line behind an item changes on a filter). */
static void
track_cell (BudLinesPage *self,
            GtkListItem  *list_item,
            Column        col,
            gint64        id)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);
  GtkWidget *entry = g_object_get_data (G_OBJECT (child), "entry");
  GtkWidget *cell = entry != NULL ? entry : child;
  gint64 *bound = g_object_get_data (G_OBJECT (list_item), "bound-id");

  if (bound != NULL && g_hash_table_lookup (self->cells[col], bound) == cell)
    g_hash_table_remove (self->cells[col], bound);
  if (id != 0)
    {
      g_hash_table_insert (self->cells[col], g_memdup2 (&id, sizeof id), cell);
      g_object_set_data_full (G_OBJECT (list_item), "bound-id", g_memdup2 (&id, sizeof id), g_free);
    }
  else
    g_object_set_data (G_OBJECT (list_item), "bound-id", NULL);
  if (entry != NULL)
    bud_cell_field_set_target (BUD_CELL_FIELD (entry), id != 0 ? self->doc : NULL, id);
}

static void
on_item_changed (BudEntityItem *item,
                 const char    *field,
                 GtkListItem   *list_item)
{
  BudLinesPage *self = g_object_get_data (G_OBJECT (list_item), "page");

  /* no field: the item's position now shows another line */
  if (field == NULL && self != NULL)
    track_cell (self, list_item, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (list_item), "column")),
                bud_entity_item_get_id (item));
  refresh_cell (list_item);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           BudLinesPage             *self)
{
  Column col = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  BudEntityItem *item = gtk_list_item_get_item (list_item);

  g_object_set_data (G_OBJECT (list_item), "page", self);
  g_object_set_data (G_OBJECT (list_item), "column", GINT_TO_POINTER (col));
  g_signal_connect_object (item, "changed", G_CALLBACK (on_item_changed), list_item, 0);
  track_cell (self, list_item, col, bud_entity_item_get_id (item));
  refresh_cell (list_item);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             BudLinesPage             *self)
{
  Column col = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  BudEntityItem *item = gtk_list_item_get_item (list_item);

  track_cell (self, list_item, col, 0);
  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, on_item_changed, list_item);
}

/* ---- filtering ---- */

static gboolean
filter_line (gconstpointer entity,
             gpointer      data)
{
  BudLinesPage *self = data;
  const BudLine *line = entity;
  guint kind = gtk_drop_down_get_selected (self->kind_filter);
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search));

  if (line == NULL)
    return FALSE;
  if (kind == FILTER_BASIC && line->kind != BUD_SPEND_BASIC)
    return FALSE;
  if (kind == FILTER_PROJECT && line->kind != BUD_SPEND_PROJECT)
    return FALSE;
  if (self->filter_unit != 0 && line->unit != self->filter_unit)
    return FALSE;
  if (*query != '\0' &&
      !g_str_has_prefix (line->func, query) && !g_str_has_prefix (line->econ, query) &&
      strstr (line->note, query) == NULL)
    return FALSE;
  return TRUE;
}

static gboolean
filter_active (BudLinesPage *self)
{
  return gtk_drop_down_get_selected (self->kind_filter) != FILTER_ALL || self->filter_unit != 0 ||
         *gtk_editable_get_text (GTK_EDITABLE (self->search)) != '\0';
}

static void
update_count (BudLinesPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  guint all = self->doc != NULL ? bud_document_count (self->doc, BUD_KIND_LINE) : 0;
  g_autofree char *text = NULL;

  if (shown == all)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u line", "%u lines", all), all);
  else
    /* Translators: lines shown by the filter, of all lines */
    text = g_strdup_printf (_("%u of %u lines"), shown, all);
  gtk_label_set_text (self->count_label, text);
}

static void
on_filter_changed (BudLinesPage *self)
{
  /* the filter drop-downs also speak while the page is built and torn down */
  if (self->model == NULL)
    return;
  self->filter_unit = bud_units_choices_selected (self->unit_filter);
  /* The model filters the document's structs itself: a GtkFilterListModel
   * would make an item per line, 20,000 GObjects a pass. */
  bud_kind_model_set_filter (self->model, filter_active (self) ? filter_line : NULL, self);
  update_count (self);
}

/* The model's items stand for positions: after a change the selection keeps
 * its position, which may now show another line. The line stays selected
 * where it went, or nothing is when it is gone or filtered out. */
static void
on_selection_changed (BudLinesPage *self)
{
  BudEntityItem *item = gtk_single_selection_get_selected_item (self->selection);

  self->selected_id = item != NULL ? bud_entity_item_get_id (item) : 0;
}

static void
on_model_items_changed (BudLinesPage *self)
{
  gint pos = self->selected_id != 0 ? bud_kind_model_find (self->model, self->selected_id) : -1;
  guint want = pos >= 0 ? (guint) pos : GTK_INVALID_LIST_POSITION;

  if (gtk_single_selection_get_selected (self->selection) != want)
    gtk_single_selection_set_selected (self->selection, want);
}

/* ---- editing rows ---- */

static BudLine *
selected_line (BudLinesPage *self)
{
  BudEntityItem *item = gtk_single_selection_get_selected_item (self->selection);

  return item != NULL ? bud_entity_item_get_entity (item) : NULL;
}

gint64
bud_lines_page_get_selected (BudLinesPage *self)
{
  BudLine *line = selected_line (self);

  return line != NULL ? line->id : 0;
}

static gint64
first_unit (BudDocument *doc)
{
  GPtrArray *units = bud_document_items (doc, BUD_KIND_UNIT);

  for (guint i = 0; i < units->len; i++)
    if (((BudUnit *) g_ptr_array_index (units, i))->primary_unit)
      return ((BudUnit *) g_ptr_array_index (units, i))->id;
  return units->len > 0 ? ((BudUnit *) g_ptr_array_index (units, 0))->id : 0;
}

gint64
bud_lines_page_add_line (BudLinesPage *self)
{
  BudLine *like = selected_line (self);
  BudLine *line;
  g_autoptr(GError) error = NULL;
  gint position = -1;

  if (self->doc == NULL)
    return 0;

  line = bud_entity_new (BUD_KIND_LINE);
  if (like != NULL)
    {
      line->unit = like->unit;
      g_free (line->func);
      line->func = g_strdup (like->func);
      g_free (line->econ);
      line->econ = g_strdup (like->econ);
      line->kind = like->kind;
      line->project = like->project;
      line->source = like->source;
      position = bud_document_position (self->doc, BUD_KIND_LINE, like->id) + 1;
    }
  else
    {
      GPtrArray *projects = bud_document_items (self->doc, BUD_KIND_PROJECT);

      /* a new line of the unit the user is looking at */
      line->unit = self->filter_unit != 0 ? self->filter_unit : first_unit (self->doc);
      /* a placeholder the user replaces with the picker; the checks flag it until then */
      g_free (line->func);
      line->func = g_strdup ("2010101");
      g_free (line->econ);
      line->econ = g_strdup ("30101");
      line->source = BUD_SOURCE_GENERAL;
      if (gtk_drop_down_get_selected (self->kind_filter) == FILTER_PROJECT && projects->len > 0)
        {
          line->kind = BUD_SPEND_PROJECT;
          line->project = ((BudProject *) g_ptr_array_index (projects, 0))->id;
          g_free (line->econ);
          line->econ = g_strdup ("30201");
        }
    }

  line = bud_document_insert (self->doc, BUD_KIND_LINE, line, position, &error);
  if (line == NULL)
    {
      bud_section_notify (GTK_WIDGET (self), error->message);
      return 0;
    }
  bud_lines_page_select_line (self, line->id);
  return line->id;
}

static void
on_add_clicked (BudLinesPage *self)
{
  bud_lines_page_add_line (self);
}

static void
on_remove_clicked (BudLinesPage *self)
{
  BudLine *line = selected_line (self);
  g_autoptr(GError) error = NULL;

  if (line != NULL && !bud_document_remove (self->doc, BUD_KIND_LINE, line->id, &error))
    bud_section_notify (GTK_WIDGET (self), error->message);
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LIST_VIEW (child))
        return child;
      if ((found = find_list_view (child)) != NULL)
        return found;
    }
  return NULL;
}

gboolean
bud_lines_page_select_line (BudLinesPage *self,
                            gint64        id)
{
  GtkWidget *list;
  gint pos;

  if (self->doc == NULL || bud_document_lookup (self->doc, BUD_KIND_LINE, id) == NULL)
    return FALSE;

  pos = bud_kind_model_find (self->model, id);
  if (pos < 0)
    {
      /* the filter hides it: show everything */
      gtk_drop_down_set_selected (self->kind_filter, FILTER_ALL);
      gtk_drop_down_set_selected (self->unit_filter, 0);
      gtk_editable_set_text (GTK_EDITABLE (self->search), "");
      on_filter_changed (self);
      pos = bud_kind_model_find (self->model, id);
    }
  if (pos < 0)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, pos);
  /* GTK 4.8 has no gtk_column_view_scroll_to (): use the inner list's action */
  list = find_list_view (GTK_WIDGET (self->view));
  if (list != NULL)
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", (guint) pos);
  return TRUE;
}

GtkWidget *
bud_lines_page_get_amount_entry (BudLinesPage *self,
                                 gint64        id)
{
  GtkWidget *cell = g_hash_table_lookup (self->cells[COL_AMOUNT], &id);

  /* what the user gets by clicking the cell */
  return cell != NULL ? bud_cell_field_edit (BUD_CELL_FIELD (cell), NULL) : NULL;
}

GtkPopover *
bud_lines_page_get_menu (BudLinesPage *self,
                         const char   *field)
{
  return g_str_equal (field, "kind") ? self->kind_menu : self->source_menu;
}

BudUnitsChooser *
bud_lines_page_get_chooser (BudLinesPage *self,
                            const char   *field)
{
  return g_str_equal (field, "unit") ? self->unit_chooser : self->project_chooser;
}

GtkWidget *
bud_lines_page_get_cell (BudLinesPage *self,
                         gint64        id,
                         const char   *field)
{
  static const struct { const char *field; Column col; } columns[] = {
    { "func", COL_FUNC }, { "econ", COL_ECON }, { "amount", COL_AMOUNT }, { "source", COL_SOURCE },
    { "kind", COL_KIND }, { "project", COL_PROJECT }, { "unit", COL_UNIT }, { "note", COL_NOTE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (g_str_equal (columns[i].field, field))
      return g_hash_table_lookup (self->cells[columns[i].col], &id);
  return NULL;
}

void
bud_lines_page_set_unit_filter (BudLinesPage *self,
                                gint64        unit)
{
  gint pos = unit != 0 ? bud_kind_model_find (self->units, unit) : -1;

  /* after "All units" */
  gtk_drop_down_set_selected (self->unit_filter, pos >= 0 ? (guint) pos + 1 : 0);
}

guint
bud_lines_page_get_n_shown (BudLinesPage *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->model));
}

/* ---- names shown in the cells ---- */

/* A unit or project renamed (or everything reloaded): only the cells on
 * screen that show it are redrawn. */
static void
refresh_names (BudLinesPage *self,
               BudKind       kind,
               gint64        id)
{
  Column col = kind == BUD_KIND_UNIT ? COL_UNIT : COL_PROJECT;
  GHashTableIter iter;
  gpointer cell;

  g_hash_table_iter_init (&iter, self->cells[col]);
  while (g_hash_table_iter_next (&iter, NULL, &cell))
    {
      GtkListItem *list_item = g_object_get_data (cell, "list-item");
      BudEntityItem *item = gtk_list_item_get_item (list_item);
      BudLine *line = item != NULL ? bud_entity_item_get_entity (item) : NULL;

      if (line != NULL && (id == 0 || (kind == BUD_KIND_UNIT ? line->unit : line->project) == id))
        refresh_cell (list_item);
    }
}

/* A comment added or resolved: its mark shows on the text cells on screen. */
static void
refresh_text_cells (BudLinesPage *self)
{
  static const Column text_cols[] = { COL_FUNC, COL_ECON, COL_AMOUNT, COL_NOTE };

  for (guint i = 0; i < G_N_ELEMENTS (text_cols); i++)
    {
      GHashTableIter iter;
      gpointer cell;

      g_hash_table_iter_init (&iter, self->cells[text_cols[i]]);
      while (g_hash_table_iter_next (&iter, NULL, &cell))
        bud_cell_field_refresh (cell);
    }
}

/* ---- section ---- */

static void
on_document_changed (BudLinesPage *self,
                     int           kind,
                     gint64        id,
                     const char   *field,
                     int           type)
{
  if (kind == BUD_KIND_LINE && type == BUD_CHANGE_UPDATE && filter_active (self) &&
      field != NULL && (g_str_equal (field, "kind") || g_str_equal (field, "unit") || g_str_equal (field, "func") ||
                        g_str_equal (field, "econ") || g_str_equal (field, "note")))
    bud_kind_model_refilter (self->model);
  if ((kind == BUD_KIND_UNIT || kind == BUD_KIND_PROJECT) && type == BUD_CHANGE_UPDATE &&
      g_strcmp0 (field, "name") == 0)
    refresh_names (self, kind, id);
  if (kind == BUD_KIND_COMMENT || type == BUD_CHANGE_RELOAD)
    refresh_text_cells (self);
  if (type == BUD_CHANGE_RELOAD)
    {
      refresh_names (self, BUD_KIND_UNIT, 0);
      refresh_names (self, BUD_KIND_PROJECT, 0);
    }
  if (type != BUD_CHANGE_UPDATE || kind == BUD_KIND_LINE)
    update_count (self);
}

static void
lines_set_document (BudSection  *section,
                    BudDocument *doc)
{
  BudLinesPage *self = BUD_LINES_PAGE (section);
  gboolean editable = doc != NULL && !bud_document_get_read_only (doc);

  bud_watch_document (&self->doc, &self->changed_id, doc, G_CALLBACK (on_document_changed), self);
  gtk_popover_popdown (GTK_POPOVER (self->unit_chooser));
  gtk_popover_popdown (GTK_POPOVER (self->project_chooser));
  gtk_popover_popdown (self->source_menu);
  gtk_popover_popdown (self->kind_menu);
  gtk_drop_down_set_selected (self->unit_filter, 0);
  bud_kind_model_set_document (self->units, doc);
  bud_kind_model_set_document (self->projects, doc);
  bud_kind_model_set_document (self->model, doc);
  gtk_widget_set_sensitive (self->add_button, editable);
  gtk_widget_set_sensitive (self->remove_button, editable);
  update_count (self);
}

static gboolean
lines_show_location (BudSection *section,
                     BudKind     kind,
                     gint64      id,
                     const char *field)
{
  if (kind != BUD_KIND_LINE)
    return FALSE;
  return bud_lines_page_select_line (BUD_LINES_PAGE (section), id);
}

static void
bud_lines_page_section_init (BudSectionInterface *iface)
{
  iface->set_document = lines_set_document;
  iface->show_location = lines_show_location;
}

static void
bud_lines_page_dispose (GObject *object)
{
  BudLinesPage *self = BUD_LINES_PAGE (object);

  bud_watch_document (&self->doc, &self->changed_id, NULL, NULL, NULL);
  /* no gtk_widget_dispose_template (): AdwBin unparents its child itself, and
   * libadwaita 1.2 criticals when that child is already gone */
  /* the view may outlive us by a moment: the filter must not call back */
  if (self->model != NULL)
    bud_kind_model_set_filter (self->model, NULL, NULL);
  g_clear_object (&self->selection);
  /* the selection owned it */
  self->model = NULL;
  g_clear_object (&self->source_labels);
  g_clear_object (&self->kind_labels);
  g_clear_object (&self->unit_choices);
  g_clear_object (&self->units);
  g_clear_object (&self->projects);
  if (self->unit_chooser != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->unit_chooser));
  if (self->project_chooser != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->project_chooser));
  if (self->source_menu != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->source_menu));
  self->unit_chooser = self->project_chooser = NULL;
  if (self->kind_menu != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->kind_menu));
  self->source_menu = self->kind_menu = NULL;
  for (guint i = 0; i < N_COLS; i++)
    g_clear_pointer (&self->cells[i], g_hash_table_unref);
  G_OBJECT_CLASS (bud_lines_page_parent_class)->dispose (object);
}

static void
bud_lines_page_class_init (BudLinesPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bud_lines_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deptbudget/DeptBudget/bud-lines-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BudLinesPage, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, BudLinesPage, unit_filter);
  gtk_widget_class_bind_template_child (widget_class, BudLinesPage, search);
  gtk_widget_class_bind_template_child (widget_class, BudLinesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, BudLinesPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, BudLinesPage, remove_button);
  gtk_widget_class_bind_template_child (widget_class, BudLinesPage, view);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
}

static void
bud_lines_page_init (BudLinesPage *self)
{
  GListModel *columns;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_COLS; i++)
    self->cells[i] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->source_labels = gtk_string_list_new (NULL);
  for (guint s = 0; s < BUD_N_SOURCES; s++)
    gtk_string_list_append (self->source_labels, bud_source_label (s));
  /* in BudSpendKind order */
  self->kind_labels = gtk_string_list_new ((const char *[]) { _("Basic"), _("Project"), NULL });

  self->units = bud_kind_model_new (BUD_KIND_UNIT);
  self->projects = bud_kind_model_new (BUD_KIND_PROJECT);
  self->unit_choices = bud_units_choices_with_none (G_LIST_MODEL (self->units));
  {
    g_autoptr(GtkListItemFactory) filter_factory = bud_units_choices_factory (_("All units"));
    g_autoptr(GtkListItemFactory) factory = bud_units_choices_factory ("");

    gtk_drop_down_set_model (self->unit_filter, self->unit_choices);
    gtk_drop_down_set_factory (self->unit_filter, filter_factory);
    self->unit_chooser = bud_units_chooser_new (self->units, factory);
    self->project_chooser = bud_units_chooser_new (self->projects, factory);
  }
  gtk_widget_set_parent (GTK_WIDGET (self->unit_chooser), GTK_WIDGET (self));
  gtk_widget_set_parent (GTK_WIDGET (self->project_chooser), GTK_WIDGET (self));
  g_signal_connect (self->unit_chooser, "chosen", G_CALLBACK (on_chosen), self);
  g_signal_connect (self->project_chooser, "chosen", G_CALLBACK (on_chosen), self);
  self->source_menu = bud_units_choices_menu_new (G_LIST_MODEL (self->source_labels), on_menu_chosen, self);
  gtk_widget_set_parent (GTK_WIDGET (self->source_menu), GTK_WIDGET (self));
  self->kind_menu = bud_units_choices_menu_new (G_LIST_MODEL (self->kind_labels), on_menu_chosen, self);
  gtk_widget_set_parent (GTK_WIDGET (self->kind_menu), GTK_WIDGET (self));

  self->model = bud_kind_model_new (BUD_KIND_LINE);
  /* a filter change then rebuilds no row (bud-entity-item.h) */
  bud_kind_model_set_by_position (self->model, TRUE);
  /* the selection takes the model over */
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->model));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_selection_changed), self);
  /* after the selection's own handler */
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (on_model_items_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));

  columns = gtk_column_view_get_columns (self->view);
  for (guint i = 0; i < N_COLS && i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

      g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), self);
      gtk_column_view_column_set_factory (column, factory);
      g_object_unref (factory);
    }
}
