/* bud-units-chooser.c — one popover to choose a unit or a project, for a whole grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bud-units-choices.h"
#include "bud-units-chooser.h"

struct _BudUnitsChooser
{
  GtkPopover           parent_instance;

  GtkSearchEntry      *search;
  GtkListView         *list;

  BudKindModel        *entities;
  GtkFilterListModel  *filtered;
  GtkCustomFilter     *filter;
  GtkSingleSelection  *selection;
  GtkWidget           *cell;      /* weak: the cell it was opened for */
};

G_DEFINE_FINAL_TYPE (BudUnitsChooser, bud_units_chooser, GTK_TYPE_POPOVER)

enum { CHOSEN, N_SIGNALS };
static guint signals[N_SIGNALS];

static gboolean
matches (gpointer item,
         gpointer data)
{
  BudUnitsChooser *self = data;
  const char *name = bud_units_choices_name (item);
  g_autofree char *folded = NULL;
  g_autofree char *query = NULL;

  if (name == NULL)
    return FALSE;
  folded = g_utf8_casefold (name, -1);
  query = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search)), -1);
  return strstr (folded, query) != NULL;
}

static void
on_search_changed (BudUnitsChooser *self)
{
  /* without a query the list passes through: no item made for the 800
   * projects that are not on screen */
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search)) == '\0')
    gtk_filter_list_model_set_filter (self->filtered, NULL);
  else
    {
      gtk_filter_list_model_set_filter (self->filtered, GTK_FILTER (self->filter));
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
    }
}

static void
choose (BudUnitsChooser *self,
        guint            position)
{
  g_autoptr(BudEntityItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (item == NULL)
    return;
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[CHOSEN], 0, bud_entity_item_get_id (item));
}

static void
on_activate (BudUnitsChooser *self,
             guint            position)
{
  choose (self, position);
}

/* Enter in the search takes the only match, or the selected one. */
static void
on_search_activate (BudUnitsChooser *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  if (n == 1)
    choose (self, 0);
  else if (gtk_single_selection_get_selected (self->selection) != GTK_INVALID_LIST_POSITION)
    choose (self, gtk_single_selection_get_selected (self->selection));
}

void
bud_units_chooser_popup (BudUnitsChooser *self,
                         GtkWidget       *cell,
                         gint64           current)
{
  gint pos;

  g_set_weak_pointer (&self->cell, cell);
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  on_search_changed (self);
  pos = bud_kind_model_find (self->entities, current);
  gtk_single_selection_set_selected (self->selection, pos >= 0 ? (guint) pos : GTK_INVALID_LIST_POSITION);
  bud_units_choices_point_at (GTK_POPOVER (self), cell);
  gtk_popover_popup (GTK_POPOVER (self));
  if (pos >= 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", (guint) pos);
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
}

GtkWidget *
bud_units_chooser_get_cell (BudUnitsChooser *self)
{
  return self->cell;
}

GtkWidget *
bud_units_chooser_get_list (BudUnitsChooser *self)
{
  return GTK_WIDGET (self->list);
}

static void
bud_units_chooser_dispose (GObject *object)
{
  BudUnitsChooser *self = BUD_UNITS_CHOOSER (object);

  g_clear_weak_pointer (&self->cell);
  if (self->list != NULL)
    gtk_list_view_set_model (self->list, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->entities);
  /* GtkPopover unparents its child itself */
  G_OBJECT_CLASS (bud_units_chooser_parent_class)->dispose (object);
}

static void
bud_units_chooser_class_init (BudUnitsChooserClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bud_units_chooser_dispose;
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deptbudget/DeptBudget/bud-units-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, BudUnitsChooser, search);
  gtk_widget_class_bind_template_child (widget_class, BudUnitsChooser, list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
}

static void
bud_units_chooser_init (BudUnitsChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

BudUnitsChooser *
bud_units_chooser_new (BudKindModel       *entities,
                       GtkListItemFactory *factory)
{
  BudUnitsChooser *self = g_object_new (BUD_TYPE_UNITS_CHOOSER, NULL);

  self->entities = g_object_ref (entities);
  self->filter = gtk_custom_filter_new (matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (entities)), NULL);
  /* the selection takes the filter model over */
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
  gtk_list_view_set_factory (self->list, factory);
  return self;
}
