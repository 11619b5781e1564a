/* bud-units-group.h — the units of the department (本级 and 下属单位) on the Overview page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lists the units (BudUnitsRow), adds a subordinate unit by name, removes a
 * unit nothing uses, and imports a unit's own document (bud_units_import).
 * Every change goes through the document, one undo step each.
 */
#pragma once

#include <adwaita.h>

#include "bud-document.h"
#include "bud-units.h"
#include "bud-units-row.h"

G_BEGIN_DECLS

#define BUD_TYPE_UNITS_GROUP (bud_units_group_get_type ())
G_DECLARE_FINAL_TYPE (BudUnitsGroup, bud_units_group, BUD, UNITS_GROUP, AdwPreferencesGroup)

void          bud_units_group_set_document (BudUnitsGroup        *self,
                                            BudDocument          *doc);
/* Recounts the lines and totals shown per unit. */
void          bud_units_group_refresh      (BudUnitsGroup        *self);

/* A new subordinate unit (下属单位, 事业单位 until the user says otherwise)
 * named @name; its id, or 0 and @error. */
gint64        bud_units_group_add_unit     (BudUnitsGroup        *self,
                                            const char           *name,
                                            GError              **error);
/* Refused (FALSE, @error says how many lines and projects still use it, or
 * that it is the department's own unit) unless nothing refers to the unit:
 * its lines are that unit's budget, so moving them elsewhere is the user's
 * decision, line by line, not a side effect of removing the unit. */
gboolean      bud_units_group_remove_unit  (BudUnitsGroup        *self,
                                            gint64                id,
                                            GError              **error);
/* Reads a unit's .budget or .json and merges it (bud_units_import_full). */
gboolean      bud_units_group_import_file  (BudUnitsGroup        *self,
                                            const char           *path,
                                            BudUnitsImportFlags   flags,
                                            GError              **error);

/* The row of unit @id, or NULL (tests, jump-to-field). */
BudUnitsRow  *bud_units_group_get_row      (BudUnitsGroup        *self,
                                            gint64                id);
/* The entry that adds a unit by name (tests). */
GtkWidget    *bud_units_group_get_add_row  (BudUnitsGroup        *self);

G_END_DECLS
