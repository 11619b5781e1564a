/* bud-units-row.h — one unit of the department on the Overview page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An expander row: the title is the unit's name, the subtitle says whether it
 * is the department's own unit (本级) or a subordinate one (下属单位), its type,
 * and how many lines it has with their total. Expanded, it edits the name and
 * code (field bindings), the type and the 本级 mark; the remove button
 * activates "units.remove" with the unit's id.
 */
#pragma once

#include <adwaita.h>

#include "bud-entity-item.h"
#include "bud-units.h"

G_BEGIN_DECLS

#define BUD_TYPE_UNITS_ROW (bud_units_row_get_type ())
G_DECLARE_FINAL_TYPE (BudUnitsRow, bud_units_row, BUD, UNITS_ROW, AdwExpanderRow)

/* @item is a BUD_KIND_UNIT item of a BudKindModel over @doc. */
BudUnitsRow *bud_units_row_new           (BudEntityItem        *item,
                                          BudDocument          *doc);
gint64       bud_units_row_get_id        (BudUnitsRow          *self);
/* What the unit holds; NULL when unknown (not summarised yet). */
void         bud_units_row_set_summary   (BudUnitsRow          *self,
                                          const BudUnitSummary *summary);

/* The widget editing @field (tests, jump-to-field): the rows of "name",
 * "code" and "type", the switch of "primary_unit". */
GtkWidget   *bud_units_row_get_field_row (BudUnitsRow          *self,
                                          const char           *field);

G_END_DECLS
