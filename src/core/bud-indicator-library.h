/* bud-indicator-library.h — common performance indicators a user picks from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The library is the user's own list of indicators (一级/二级/三级, value,
 * unit, weight, basis, scoring, evidence) kept outside any document, in a JSON
 * file ({"format": "deptbudget-indicators", "version": 1, "indicators": [...]},
 * each indicator with the keys of the exchange format's "indicators" minus
 * "id" and "target"). The same format is used for import and export.
 * Entries are BudIndicator structs whose id and target are 0.
 */
#pragma once

#include "bud-document.h"

G_BEGIN_DECLS

typedef struct _BudIndicatorLibrary BudIndicatorLibrary;

BudIndicatorLibrary *bud_indicator_library_new          (void);
void                 bud_indicator_library_free         (BudIndicatorLibrary  *self);

/* $XDG_DATA_HOME/deptbudget/indicators.json */
char                *bud_indicator_library_default_path (void);

/* A missing file is an empty library; a file that is not a library is an error. */
BudIndicatorLibrary *bud_indicator_library_load         (const char           *path,
                                                         GError              **error);
/* Writes atomically; creates the parent folder. */
gboolean             bud_indicator_library_save         (BudIndicatorLibrary  *self,
                                                         const char           *path,
                                                         GError              **error);
/* Adds the indicators of the library file @path that are not in @self yet;
 * *n_added (may be NULL) says how many. Nothing is added on error. */
gboolean             bud_indicator_library_import       (BudIndicatorLibrary  *self,
                                                         const char           *path,
                                                         guint                *n_added,
                                                         GError              **error);

guint                bud_indicator_library_get_n_items  (BudIndicatorLibrary  *self);
const BudIndicator  *bud_indicator_library_get          (BudIndicatorLibrary  *self,
                                                         guint                 index);
/* Index of the entry with the same 一级, 二级 and 三级 names, or -1. */
gint                 bud_indicator_library_find         (BudIndicatorLibrary  *self,
                                                         const char           *level1,
                                                         const char           *level2,
                                                         const char           *name);
/* Copies @indicator in (its id, target and last year's result are dropped);
 * an entry with the same names is replaced. Returns its index. */
guint                bud_indicator_library_add          (BudIndicatorLibrary  *self,
                                                         const BudIndicator   *indicator);
void                 bud_indicator_library_remove       (BudIndicatorLibrary  *self,
                                                         guint                 index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudIndicatorLibrary, bud_indicator_library_free)

G_END_DECLS
