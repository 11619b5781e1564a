/* bud-preview-page.c — tables as grids with merged headers; long tables as a list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pivot runs only while the page is on screen and the document has
 * changed since the last run.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bud-narrative.h"
#include "bud-pivot.h"
#include "bud-preview-page.h"
#include "bud-section.h"

/* A GtkGrid makes a widget per cell; past this many rows a list view is used. */
#define MAX_GRID_ROWS 150

struct _BudPreviewPage
{
  AdwBin          parent_instance;

  GtkDropDown    *chooser;
  GtkStack       *content_stack;
  GtkWidget      *grid_box;
  GtkColumnView  *long_view;
  GtkWidget      *narrative_box;
  AdwStatusPage  *empty_page;

  BudDocument    *doc;
  BudTemplate    *tpl;
  GPtrArray      *tables;       /* BudTable * of the last run */
  guint64         built_revision;
  gboolean        built;
  guint           shown;        /* chooser position */
  GtkStringList  *choices;
};

static void bud_preview_page_section_init (BudSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BudPreviewPage, bud_preview_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (BUD_TYPE_SECTION, bud_preview_page_section_init))

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static GtkWidget *
cell_label (const char *text,
            gboolean    money,
            const char *css)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), money ? 1.0 : 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), !money);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_widget_add_css_class (label, "bud-cell");
  if (money)
    gtk_widget_add_css_class (label, "numeric");
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
  return label;
}

static gboolean
row_is_strong (const BudTableRow *row)
{
  return row->kind == BUD_ROW_TOTAL || row->kind == BUD_ROW_LEAD || row->kind == BUD_ROW_CLASS;
}

static void
add_caption (BudPreviewPage *self,
             BudTable       *table)
{
  g_autofree char *title = g_strdup_printf ("%s", table->title);
  g_autofree char *meta = NULL;
  GtkWidget *label = gtk_label_new (title);

  gtk_widget_add_css_class (label, "title-3");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (self->grid_box), label);

  /* Translators: under a table's title: the department and the money unit */
  meta = g_strdup_printf (_("Department: %s    Unit: %s"), table->department, table->unit_label);
  label = gtk_label_new (meta);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (self->grid_box), label);
}

static void
show_grid (BudPreviewPage *self,
           BudTable       *table)
{
  GtkWidget *grid = gtk_grid_new ();

  clear_box (self->grid_box);
  add_caption (self, table);
  gtk_widget_add_css_class (grid, "bud-table");

  for (guint i = 0; i < table->header->len; i++)
    {
      BudTableHeaderCell *h = g_ptr_array_index (table->header, i);
      GtkWidget *label = cell_label (h->text, FALSE, "bud-header");

      gtk_label_set_xalign (GTK_LABEL (label), 0.5);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_grid_attach (GTK_GRID (grid), label, h->col, h->row, MAX (h->colspan, 1), MAX (h->rowspan, 1));
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      BudTableRow *row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < table->n_columns; c++)
        {
          g_autofree char *text = bud_table_cell_text (table, &row->cells[c]);
          gboolean money = table->column_kinds[c] == BUD_COLUMN_MONEY;
          GtkWidget *label = cell_label (text, money, row_is_strong (row) ? "bud-strong" : NULL);

          if (table->column_kinds[c] == BUD_COLUMN_TEXT && row->level > 0)
            gtk_widget_set_margin_start (label, 6 + 12 * row->level);
          gtk_grid_attach (GTK_GRID (grid), label, c, table->n_header_rows + r, 1, 1);
        }
    }

  gtk_box_append (GTK_BOX (self->grid_box), grid);
  if (table->empty && table->empty_statement != NULL)
    {
      GtkWidget *note = gtk_label_new (table->empty_statement);
      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_box_append (GTK_BOX (self->grid_box), note);
    }
  gtk_stack_set_visible_child_name (self->content_stack, "grid");
}

/* ---- long tables ---- */

static void
setup_long_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new ("");

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_long_cell (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                BudTable                 *table)
{
  guint c = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  guint r = g_ascii_strtoull (gtk_string_object_get_string (gtk_list_item_get_item (list_item)), NULL, 10);
  BudTableRow *row = g_ptr_array_index (table->rows, r);
  g_autofree char *text = bud_table_cell_text (table, &row->cells[c]);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  gboolean money = table->column_kinds[c] == BUD_COLUMN_MONEY;

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), money ? 1.0 : 0.0);
  if (money)
    gtk_widget_add_css_class (label, "numeric");
  else
    gtk_widget_remove_css_class (label, "numeric");
}

/* The text of the deepest header cell over column @c: a column view has one title row. */
static const char *
column_title (BudTable *table,
              guint     c)
{
  const char *title = "";
  guint best = 0;

  for (guint i = 0; i < table->header->len; i++)
    {
      BudTableHeaderCell *h = g_ptr_array_index (table->header, i);
      if (c >= h->col && c < h->col + MAX (h->colspan, 1) && h->row + 1 >= best)
        {
          best = h->row + 1;
          title = h->text;
        }
    }
  return title;
}

static void
show_long (BudPreviewPage *self,
           BudTable       *table)
{
  GListModel *columns = gtk_column_view_get_columns (self->long_view);
  GtkStringList *rows = gtk_string_list_new (NULL);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) col = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (self->long_view, col);
    }

  for (guint c = 0; c < table->n_columns; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *col;

      g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (c));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_long_cell), NULL);
      /* the table outlives the columns: both are replaced together */
      g_signal_connect (factory, "bind", G_CALLBACK (bind_long_cell), table);
      col = gtk_column_view_column_new (column_title (table, c), factory);
      gtk_column_view_column_set_resizable (col, TRUE);
      gtk_column_view_column_set_expand (col, table->column_kinds[c] == BUD_COLUMN_TEXT);
      gtk_column_view_append_column (self->long_view, col);
      g_object_unref (col);
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      char index[16];
      g_snprintf (index, sizeof index, "%u", r);
      gtk_string_list_append (rows, index);
    }
  gtk_column_view_set_model (self->long_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (rows))));
  gtk_stack_set_visible_child_name (self->content_stack, "long");
}

/* ---- narrative ---- */

static void
show_narrative (BudPreviewPage *self)
{
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GError) error = NULL;

  clear_box (self->narrative_box);
  if (self->tpl != NULL)
    sections = bud_narrative_build (self->doc, self->tpl, &error);
  if (sections == NULL || sections->len == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Narrative Yet"));
      adw_status_page_set_description (self->empty_page,
                                       error != NULL ? error->message
                                       : _("The explanatory text is generated from the figures once this version can write it."));
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }

  for (guint i = 0; i < sections->len; i++)
    {
      BudNarrativeSection *s = g_ptr_array_index (sections, i);
      GtkWidget *body;

      if (s->title[0] != '\0')
        {
          GtkWidget *title = gtk_label_new (s->title);
          gtk_label_set_xalign (GTK_LABEL (title), 0);
          gtk_label_set_wrap (GTK_LABEL (title), TRUE);
          gtk_widget_add_css_class (title, s->level <= 1 ? "title-3" : "heading");
          gtk_box_append (GTK_BOX (self->narrative_box), title);
        }
      body = gtk_label_new (s->body);
      gtk_label_set_xalign (GTK_LABEL (body), 0);
      gtk_label_set_wrap (GTK_LABEL (body), TRUE);
      gtk_label_set_selectable (GTK_LABEL (body), TRUE);
      gtk_box_append (GTK_BOX (self->narrative_box), body);
    }
  gtk_stack_set_visible_child_name (self->content_stack, "narrative");
}

/* ---- building ---- */

static void
show_current (BudPreviewPage *self)
{
  guint n = self->tables != NULL ? self->tables->len : 0;

  if (self->shown < n)
    {
      BudTable *table = g_ptr_array_index (self->tables, self->shown);
      if (table->rows->len > MAX_GRID_ROWS)
        show_long (self, table);
      else
        show_grid (self, table);
    }
  else if (self->doc != NULL)
    show_narrative (self);
}

static void
fill_choices (BudPreviewPage *self)
{
  guint old = g_list_model_get_n_items (G_LIST_MODEL (self->choices));
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; self->tables != NULL && i < self->tables->len; i++)
    {
      BudTable *t = g_ptr_array_index (self->tables, i);
      g_ptr_array_add (labels, g_strdup_printf ("%s", t->title));
    }
  g_ptr_array_add (labels, g_strdup (_("Explanatory text")));
  g_ptr_array_add (labels, NULL);

  g_signal_handlers_block_matched (self->chooser, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_string_list_splice (self->choices, 0, old, (const char * const *) labels->pdata);
  gtk_drop_down_set_selected (self->chooser, MIN (self->shown, labels->len - 2));
  g_signal_handlers_unblock_matched (self->chooser, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

static void
rebuild (BudPreviewPage *self)
{
  g_autoptr(GError) error = NULL;
  guint old_n = self->tables != NULL ? self->tables->len : 0;

  if (self->doc == NULL)
    return;
  self->built = TRUE;
  self->built_revision = bud_document_revision (self->doc);

  if (self->tpl == NULL)
    self->tpl = bud_template_load (bud_document_meta (self->doc)->template_id, &error);
  /* the long view binds to the old tables: detach it before they go */
  gtk_column_view_set_model (self->long_view, NULL);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  if (self->tpl != NULL)
    self->tables = bud_pivot_build_all (self->tpl, self->doc, NULL, &error);

  if (self->tables == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("The Tables Cannot Be Built"));
      adw_status_page_set_description (self->empty_page, error != NULL ? error->message : NULL);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }
  if (old_n != self->tables->len || g_list_model_get_n_items (G_LIST_MODEL (self->choices)) == 0)
    fill_choices (self);
  show_current (self);
}

static void
on_chooser_changed (BudPreviewPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->chooser);

  if (selected == GTK_INVALID_LIST_POSITION)
    return;
  self->shown = selected;
  if (self->tables != NULL)
    show_current (self);
}

void
bud_preview_page_show (BudPreviewPage *self,
                       guint           index)
{
  self->shown = index;
  if (!self->built || (self->doc != NULL && self->built_revision != bud_document_revision (self->doc)))
    rebuild (self);
  gtk_drop_down_set_selected (self->chooser, index);
  show_current (self);
}

guint
bud_preview_page_get_n_tables (BudPreviewPage *self)
{
  if (!self->built)
    rebuild (self);
  return self->tables != NULL ? self->tables->len : 0;
}

static void
bud_preview_page_map (GtkWidget *widget)
{
  BudPreviewPage *self = BUD_PREVIEW_PAGE (widget);

  GTK_WIDGET_CLASS (bud_preview_page_parent_class)->map (widget);
  if (self->doc != NULL && (!self->built || self->built_revision != bud_document_revision (self->doc)))
    rebuild (self);
}

static void
preview_set_document (BudSection  *section,
                      BudDocument *doc)
{
  BudPreviewPage *self = BUD_PREVIEW_PAGE (section);

  g_clear_object (&self->doc);
  g_clear_pointer (&self->tpl, bud_template_unref);
  gtk_column_view_set_model (self->long_view, NULL);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  self->built = FALSE;
  if (doc != NULL)
    self->doc = g_object_ref (doc);
  if (doc != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
}

static void
preview_update (BudSection       *section,
                const BudSummary *summary)
{
  BudPreviewPage *self = BUD_PREVIEW_PAGE (section);

  /* tables follow the figures while they are looked at; otherwise on the next look */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->built_revision != summary->revision)
    rebuild (self);
}

static void
bud_preview_page_section_init (BudSectionInterface *iface)
{
  iface->set_document = preview_set_document;
  iface->update = preview_update;
}

static void
bud_preview_page_dispose (GObject *object)
{
  BudPreviewPage *self = BUD_PREVIEW_PAGE (object);

  if (self->long_view != NULL)
    gtk_column_view_set_model (self->long_view, NULL);
  /* no gtk_widget_dispose_template (): AdwBin unparents its child itself, and
   * libadwaita 1.2 criticals when that child is already gone */
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_pointer (&self->tpl, bud_template_unref);
  g_clear_object (&self->doc);
  G_OBJECT_CLASS (bud_preview_page_parent_class)->dispose (object);
}

static void
bud_preview_page_class_init (BudPreviewPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bud_preview_page_dispose;
  widget_class->map = bud_preview_page_map;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deptbudget/DeptBudget/bud-preview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BudPreviewPage, chooser);
  gtk_widget_class_bind_template_child (widget_class, BudPreviewPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, BudPreviewPage, grid_box);
  gtk_widget_class_bind_template_child (widget_class, BudPreviewPage, long_view);
  gtk_widget_class_bind_template_child (widget_class, BudPreviewPage, narrative_box);
  gtk_widget_class_bind_template_child (widget_class, BudPreviewPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_chooser_changed);
}

static void
bud_preview_page_init (BudPreviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->choices = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->chooser, G_LIST_MODEL (self->choices));
  g_object_unref (self->choices);   /* the drop-down keeps it */
}
