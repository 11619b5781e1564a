/* bud-units-choices.c — choosing a unit or a project in a grid of 20,000 lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bud-units-choices.h"

GListModel *
bud_units_choices_with_none (GListModel *model)
{
  GListStore *none = g_list_store_new (BUD_TYPE_ENTITY_ITEM);
  GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GObject) none_item = g_object_new (BUD_TYPE_ENTITY_ITEM, NULL);

  g_list_store_append (none, none_item);
  g_list_store_append (parts, none);
  g_list_store_append (parts, model);
  g_object_unref (none);
  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (parts)));
}

const char *
bud_units_choices_name (BudEntityItem *item)
{
  gpointer entity = bud_entity_item_get_entity (item);

  if (entity == NULL)
    return NULL;
  switch (bud_entity_item_get_kind (item))
    {
    case BUD_KIND_UNIT:
      return ((BudUnit *) entity)->name;
    case BUD_KIND_PROJECT:
      return ((BudProject *) entity)->name;
    default:
      return NULL;
    }
}

static void
show_name (BudEntityItem *item,
           const char    *field,
           GtkLabel      *label)
{
  const char *name = bud_units_choices_name (item);

  if (name == NULL)
    name = g_object_get_data (G_OBJECT (label), "none-label");
  gtk_label_set_text (label, name);
}

static void
setup_item (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  g_object_set_data (G_OBJECT (label), "none-label", g_object_get_data (G_OBJECT (factory), "none-label"));
  gtk_list_item_set_child (list_item, label);
}

static void
bind_item (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item)
{
  BudEntityItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  show_name (item, NULL, GTK_LABEL (label));
  /* a rename reaches exactly the labels showing that unit or project */
  if (bud_entity_item_get_id (item) != 0)
    g_signal_connect_object (item, "changed", G_CALLBACK (show_name), label, 0);
}

static void
unbind_item (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item)
{
  BudEntityItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, show_name, gtk_list_item_get_child (list_item));
}

GtkListItemFactory *
bud_units_choices_factory (const char *none_label)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data_full (G_OBJECT (factory), "none-label", g_strdup (none_label), g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_item), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_item), NULL);
  return factory;
}

gint64
bud_units_choices_selected (GtkDropDown *dropdown)
{
  BudEntityItem *item = gtk_drop_down_get_selected_item (dropdown);

  return item != NULL ? bud_entity_item_get_id (item) : 0;
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    data)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (widget), "bud-tooltip-label");
  const char *text = label != NULL ? gtk_label_get_text (label) : data;

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
bud_units_choices_lazy_tooltip (GtkWidget  *widget,
                                GtkLabel   *label,
                                const char *text)
{
  g_object_set_data (G_OBJECT (widget), "bud-tooltip-label", label);
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), (gpointer) text);
}

GtkWidget *
bud_units_choices_cell_new (void)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  /* regular weight and size like the other cells, not a flat button's bold
   * (libadwaita's "body" class also makes the text larger) */
  gtk_widget_add_css_class (button, "bud-choice-cell");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("pan-down-symbolic"));
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "label", label);
  bud_units_choices_lazy_tooltip (button, GTK_LABEL (label), NULL);
  return button;
}

void
bud_units_choices_cell_set_text (GtkWidget  *cell,
                                 const char *text)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (cell), "label");

  gtk_label_set_text (label, text);
}

const char *
bud_units_choices_cell_get_text (GtkWidget *cell)
{
  return gtk_label_get_text (g_object_get_data (G_OBJECT (cell), "label"));
}

void
bud_units_choices_point_at (GtkPopover *popover,
                            GtkWidget  *cell)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (popover));
  graphene_rect_t bounds;
  int w, h, x, y;

  if (parent == NULL || !gtk_widget_compute_bounds (cell, parent, &bounds))
    return;
  /* a cell the list has built but scrolled out of sight lies outside the
   * window, maybe outside every monitor, where GTK 4.8 cannot place a
   * popover (it warns about a NULL monitor): point at the nearest edge */
  w = MAX (gtk_widget_get_width (parent), 1);
  h = MAX (gtk_widget_get_height (parent), 1);
  x = CLAMP ((int) bounds.origin.x, 0, w - 1);
  y = CLAMP ((int) bounds.origin.y, 0, h - 1);
  gtk_popover_set_pointing_to (popover, &(GdkRectangle) {
                                 x, y,
                                 CLAMP ((int) bounds.size.width, 1, w - x),
                                 CLAMP ((int) bounds.size.height, 1, h - y) });
}

static void
on_menu_row_activated (GtkListBox    *list,
                       GtkListBoxRow *row,
                       GtkPopover    *menu)
{
  BudChoiceChosen chosen = (BudChoiceChosen) g_object_get_data (G_OBJECT (menu), "chosen");

  gtk_popover_popdown (menu);
  chosen (gtk_list_box_row_get_index (row), g_object_get_data (G_OBJECT (menu), "chosen-data"));
}

GtkPopover *
bud_units_choices_menu_new (GListModel      *labels,
                            BudChoiceChosen  chosen,
                            gpointer         data)
{
  GtkWidget *menu = gtk_popover_new ();
  GtkWidget *list = gtk_list_box_new ();
  guint n = g_list_model_get_n_items (labels);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *label = gtk_label_new (gtk_string_list_get_string (GTK_STRING_LIST (labels), i));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_list_box_append (GTK_LIST_BOX (list), label);
    }
  g_object_set_data (G_OBJECT (menu), "chosen", (gpointer) chosen);
  g_object_set_data (G_OBJECT (menu), "chosen-data", data);
  g_object_set_data (G_OBJECT (menu), "list", list);
  g_signal_connect_object (list, "row-activated", G_CALLBACK (on_menu_row_activated), menu, 0);
  gtk_popover_set_child (GTK_POPOVER (menu), list);
  return GTK_POPOVER (menu);
}

GtkWidget *
bud_units_choices_menu_get_row (GtkPopover *menu,
                                guint       position)
{
  GtkListBox *list = g_object_get_data (G_OBJECT (menu), "list");
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, position);

  return row != NULL ? GTK_WIDGET (row) : NULL;
}

void
bud_units_choices_menu_popup (GtkPopover *menu,
                              GtkWidget  *cell,
                              guint       current)
{
  GtkWidget *row = bud_units_choices_menu_get_row (menu, current);

  bud_units_choices_point_at (menu, cell);
  gtk_popover_popup (menu);
  /* the keyboard starts on the stored value: arrows move, Enter chooses */
  if (row != NULL)
    gtk_widget_grab_focus (row);
}
