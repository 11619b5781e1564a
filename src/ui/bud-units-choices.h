/* bud-units-choices.h — drop-downs over a document's units or projects, for grids
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A grid of 20,000 lines shows a unit and a project drop-down on every row on
 * screen. They all share one list model per kind (a BudKindModel, optionally
 * behind a "none" item) and one item factory, whose labels follow renames:
 * each label listens to its own BudEntityItem, so renaming a unit redraws the
 * cells that show it and nothing else.
 */
#pragma once

#include <gtk/gtk.h>

#include "bud-entity-item.h"

G_BEGIN_DECLS

/* @model's items after one "none" item (a BudEntityItem of id 0). */
GListModel         *bud_units_choices_with_none  (GListModel   *model);
/* Labels: the entity's name, @none_label for the "none" item. */
GtkListItemFactory *bud_units_choices_factory    (const char   *none_label);
/* A drop-down over @model (not taken) drawn by @factory (not taken). */
GtkWidget          *bud_units_choices_drop_down  (GListModel         *model,
                                                  GtkListItemFactory *factory);
/* The id of the entity chosen in @dropdown: 0 for the "none" item or nothing. */
gint64              bud_units_choices_selected   (GtkDropDown  *dropdown);
/* What a drop-down's button shows now (tests). */
const char         *bud_units_choices_shown_text (GtkDropDown  *dropdown);

G_END_DECLS
