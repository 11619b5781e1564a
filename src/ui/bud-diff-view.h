/* bud-diff-view.h — a BudDiff made readable: changed fields, table cells and texts, old → new
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bud-diff.h"

G_BEGIN_DECLS

#define BUD_TYPE_DIFF_VIEW (bud_diff_view_get_type ())
G_DECLARE_FINAL_TYPE (BudDiffView, bud_diff_view, BUD, DIFF_VIEW, AdwBin)

typedef enum {
  BUD_DIFF_VIEW_FIELDS,     /* one row a changed field or added/removed row */
  BUD_DIFF_VIEW_CELLS,      /* one row a changed money cell of a derived table */
  BUD_DIFF_VIEW_SECTIONS,   /* one row a changed narrative section */
  BUD_DIFF_VIEW_N_GROUPS
} BudDiffViewGroup;

GtkWidget  *bud_diff_view_new              (void);
/* Shows @diff, which the view takes. */
void        bud_diff_view_set_diff         (BudDiffView      *self,
                                            BudDiff          *diff);
BudDiff    *bud_diff_view_get_diff         (BudDiffView      *self);
/* TRUE while the "No Differences" state shows. */
gboolean    bud_diff_view_is_empty         (BudDiffView      *self);

/* The rows shown, for tests: a row's title (where) and subtitle (old → new). */
guint       bud_diff_view_get_n_rows       (BudDiffView      *self,
                                            BudDiffViewGroup  group);
const char *bud_diff_view_get_row_title    (BudDiffView      *self,
                                            BudDiffViewGroup  group,
                                            guint             index);
const char *bud_diff_view_get_row_subtitle (BudDiffView      *self,
                                            BudDiffViewGroup  group,
                                            guint             index);
/* Does what clicking changed field @index does: the BudWindow the view
 * belongs to (its own, or the one its window is transient for) shows the
 * field. */
void        bud_diff_view_activate_field   (BudDiffView      *self,
                                            guint             index);

/* A window over @parent showing @diff (taken); @subtitle says what the
 * document is compared with. */
GtkWindow  *bud_diff_window_new            (GtkWindow        *parent,
                                            const char       *subtitle,
                                            BudDiff          *diff);
/* The view in a window made by bud_diff_window_new. */
BudDiffView *bud_diff_window_get_view      (GtkWindow        *window);
/* Compares @new_doc with @old_doc (what changed from old to new) and
 * presents the window; NULL and @error when the tables cannot be derived. */
GtkWindow  *bud_diff_window_compare        (GtkWindow        *parent,
                                            BudDocument      *old_doc,
                                            BudDocument      *new_doc,
                                            const char       *subtitle,
                                            GError          **error);
/* Another draft, to compare with: a .json file as the window imports it,
 * anything else as a .budget file opened read-only. */
BudDocument *bud_diff_read_document        (const char       *path,
                                            GError          **error);

G_END_DECLS
