/* bud-units-choices.h — choosing a unit or a project in a grid of 20,000 lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkDropDown per cell is too heavy in GTK 4.8: each one builds the rows of
 * its own popup list as soon as it has a model, whether or not it is ever
 * opened, and GtkListView keeps up to 200 rows bound, so a grid of unit and
 * project drop-downs made some 100,000 label widgets when a filter changed.
 * Instead a cell is a flat button showing the name, and one chooser popover
 * per column (bud-units-chooser.h), over the page's one list of units or
 * projects, opens at the clicked cell.
 *
 * The helpers below also serve real drop-downs over those lists (the grid's
 * unit filter): a "none" item before the entities, and an item factory whose
 * labels follow renames (each label listens to its own BudEntityItem).
 */
#pragma once

#include <gtk/gtk.h>

#include "bud-entity-item.h"

G_BEGIN_DECLS

/* @model's items after one "none" item (a BudEntityItem of id 0). */
GListModel         *bud_units_choices_with_none  (GListModel   *model);
/* Labels: the entity's name, @none_label for the "none" item. */
GtkListItemFactory *bud_units_choices_factory    (const char   *none_label);
/* The name of a unit or project item, or NULL. */
const char         *bud_units_choices_name       (BudEntityItem *item);
/* The id of the entity chosen in @dropdown: 0 for the "none" item or nothing. */
gint64              bud_units_choices_selected   (GtkDropDown  *dropdown);

/* A grid cell: a flat button with the chosen name and a drop-down arrow. */
GtkWidget          *bud_units_choices_cell_new      (void);
void                bud_units_choices_cell_set_text (GtkWidget    *cell,
                                                     const char   *text);
const char         *bud_units_choices_cell_get_text (GtkWidget    *cell);

/* Gives @widget a tooltip asked for only when the pointer rests on it: the
 * text of @label, or @text when @label is NULL (a string that outlives the
 * widget). gtk_widget_set_tooltip_text () asks the X server where the pointer
 * is on every call, one round trip each, too slow for cells rebound by the
 * hundred on every scroll or filter. */
void                bud_units_choices_lazy_tooltip  (GtkWidget    *widget,
                                                     GtkLabel     *label,
                                                     const char   *text);

/* Points @popover (parented to a widget above the grid) at @cell, even one
 * scrolled out of sight. */
void                bud_units_choices_point_at      (GtkPopover   *popover,
                                                     GtkWidget    *cell);

/* A short fixed list (the grid's Source column) the same way: the cells are
 * light buttons, one menu per column opens at the clicked cell. @chosen gets
 * the position of the label chosen in @labels (a GtkStringList). */
typedef void (*BudChoiceChosen) (guint    position,
                                 gpointer data);
GtkPopover         *bud_units_choices_menu_new      (GListModel      *labels,
                                                     BudChoiceChosen  chosen,
                                                     gpointer         data);
void                bud_units_choices_menu_popup    (GtkPopover   *menu,
                                                     GtkWidget    *cell,
                                                     guint         current);
/* The row of @position, for tests and keyboard focus. */
GtkWidget          *bud_units_choices_menu_get_row  (GtkPopover   *menu,
                                                     guint         position);

G_END_DECLS
