/* bud-units.h — 本级 and 下属单位: one unit's own package, and a unit's document merged in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every line belongs to a unit, so the department's tables consolidate all of
 * its units by construction. This module gives the other direction: the
 * budget of one unit as a document of its own (单位预算), which every
 * exporter and the narrative handle unchanged, and the import of a unit's
 * document (prepared by the unit) into the department's document.
 */
#pragma once

#include <glib.h>

#include "bud-document.h"

G_BEGIN_DECLS

#define BUD_UNITS_ERROR (bud_units_error_quark ())

typedef enum {
  BUD_UNITS_ERROR_NOT_FOUND,   /* no unit with that id */
  BUD_UNITS_ERROR_MISMATCH,    /* the documents are of another year or template */
  BUD_UNITS_ERROR_CONFLICT,    /* a unit matches by code but not by name, or the reverse */
  BUD_UNITS_ERROR_PRESENT,     /* the unit already has lines or projects in the department */
  BUD_UNITS_ERROR_EMPTY,       /* the unit's document has no unit */
} BudUnitsError;

typedef enum {
  BUD_UNITS_IMPORT_DEFAULT = 0,
  /* A unit that already has lines or projects in the department: remove them
   * (and their share of the 控制数) and take the imported ones instead. */
  BUD_UNITS_IMPORT_REPLACE = 1 << 0,
} BudUnitsImportFlags;

/* What one unit holds, for lists (units list, the UI's unit page). */
typedef struct {
  gint64  unit;          /* its id */
  guint   n_lines;
  guint   n_projects;    /* projects whose 承担单位 it is */
  gint64  total;         /* Σ its lines, 分 */
  gint64  fiscal;        /* Σ its 财政拨款 lines (incl. 结转), 分 */
} BudUnitSummary;

GQuark        bud_units_error_quark      (void);

/* One unit's own package (单位预算) as a new document, ids kept:
 * - the unit (now marked 本级, since it is the package's own unit), its lines,
 *   the projects it carries or its lines spend (with their allocations,
 *   target tables and indicators), the 上年结转 items its lines spend, with
 *   the amount its lines spend of each;
 * - income: income is recorded per department, not per unit, so each
 *   source's 控制数 is the sum of the unit's lines of that source (a row for
 *   every source the department has a row for, or the unit's lines use);
 * - the department-wide target table (部门整体绩效目标) with its goal and
 *   indicators, its funding set from the unit's lines (上级安排 = the
 *   transfer sources, 本级安排 = the other 财政拨款, 其他资金 = the rest);
 * - as defaults to edit: the profile (functions, structure, staffing),
 *   procurement, assets, the texts (without the user's narrative overrides,
 *   which quote department figures) and the custom codes;
 * - meta: department = the unit's name, department_code = its code, year,
 *   template and date as the department's.
 * Not copied: comparatives (last year's figures are the department's),
 * comments and snapshots. */
BudDocument  *bud_units_extract          (BudDocument          *dept,
                                          gint64                unit_id,
                                          GError              **error);

/* Merge @unit_doc (a unit's own document) into @dept, in one transaction:
 * on any error @dept is left exactly as it was.
 * - Refused unless both are of the same year and template.
 * - Each unit of @unit_doc is matched to a unit of @dept by code (when it has
 *   one), else by name; a code match with another name, or a name match with
 *   another non-empty code, is a conflict and refused. Unmatched units are
 *   added as 下属单位 (never 本级).
 * - A matched unit that already has lines or projects in @dept: refused,
 *   unless BUD_UNITS_IMPORT_REPLACE; then its lines and projects are removed
 *   first, with the carry-over items only they spent, and its lines' sums
 *   are taken off the 控制数 of their sources.
 * - Projects, allocations, carry-over items, lines, the projects' target
 *   tables and indicators are copied with new ids and references remapped;
 *   custom codes the department lacks are added; each source's 控制数 of
 *   @unit_doc is added to the department's.
 * - Not merged: @unit_doc's meta, profile, procurement, assets, texts,
 *   comparatives, its department-wide target table, comments, snapshots:
 *   those of the department stand. */
gboolean      bud_units_import_full      (BudDocument          *dept,
                                          BudDocument          *unit_doc,
                                          BudUnitsImportFlags   flags,
                                          GError              **error);
/* The same with BUD_UNITS_IMPORT_DEFAULT: a unit already present is refused. */
gboolean      bud_units_import           (BudDocument          *dept,
                                          BudDocument          *unit_doc,
                                          GError              **error);

/* One BudUnitSummary per unit, in the document's unit order. */
GArray       *bud_units_summarize        (BudDocument          *doc);
/* The 本级 unit (the first marked primary_unit), or NULL. */
BudUnit      *bud_units_primary          (BudDocument          *doc);
/* How many units are not 本级: the 下属单位 the narrative may count. */
guint         bud_units_count_subordinate (BudDocument         *doc);
/* 行政单位 / 参照公务员法管理事业单位 / 事业单位: English, translated by the catalog. */
const char   *bud_unit_type_label        (BudUnitType           type);

G_END_DECLS
