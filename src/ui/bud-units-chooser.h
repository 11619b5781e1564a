/* bud-units-chooser.h — one popover to choose a unit or a project, for a whole grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens at a cell (see bud-units-choices.h for why one popover serves every
 * cell of a column): a search entry over the names, and the list of the
 * document's units or projects. Activating one emits ::chosen with its id.
 */
#pragma once

#include <gtk/gtk.h>

#include "bud-entity-item.h"

G_BEGIN_DECLS

#define BUD_TYPE_UNITS_CHOOSER (bud_units_chooser_get_type ())
G_DECLARE_FINAL_TYPE (BudUnitsChooser, bud_units_chooser, BUD, UNITS_CHOOSER, GtkPopover)

/* Lists @entities (shared, not copied); names drawn by @factory. */
BudUnitsChooser *bud_units_chooser_new      (BudKindModel        *entities,
                                             GtkListItemFactory  *factory);
/* Shows the chooser pointing at @cell (a descendant of the popover's parent)
 * with @current selected. */
void             bud_units_chooser_popup    (BudUnitsChooser     *self,
                                             GtkWidget           *cell,
                                             gint64               current);
/* Where the cell it was opened for is, and the list (tests). */
GtkWidget       *bud_units_chooser_get_cell (BudUnitsChooser     *self);
GtkWidget       *bud_units_chooser_get_list (BudUnitsChooser     *self);

/* Signals: chosen (gint64 id) */

G_END_DECLS
