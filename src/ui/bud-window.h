/* bud-window.h — one document in a window: sections, status strip, document life
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bud-document.h"
#include "bud-summary.h"

G_BEGIN_DECLS

#define BUD_TYPE_WINDOW (bud_window_get_type ())
G_DECLARE_FINAL_TYPE (BudWindow, bud_window, BUD, WINDOW, AdwApplicationWindow)

typedef enum {
  BUD_STATUS_INCOME,
  BUD_STATUS_SPENT,
  BUD_STATUS_UNALLOCATED,
  BUD_STATUS_ERRORS,
} BudStatusField;

BudWindow        *bud_window_new              (GtkApplication  *app);

/* Document life (bud-window-document.c). The _load/_create functions do the
 * work without asking anything; bud_window_open asks when it must (a file in
 * use elsewhere, read-only). */
void              bud_window_open             (BudWindow       *self,
                                               GFile           *file);
gboolean          bud_window_load             (BudWindow       *self,
                                               const char      *path,
                                               gboolean         read_only,
                                               GError         **error);
gboolean          bud_window_create_document  (BudWindow       *self,
                                               const char      *path,
                                               const char      *department,
                                               gint64           year,
                                               const char      *template_id,
                                               GError         **error);
/* Saves an imported (in-memory) document as a .budget file and keeps editing it there. */
gboolean          bud_window_save_as          (BudWindow       *self,
                                               const char      *path,
                                               GError         **error);
/* Next year's budget (bud_rollover) of this window's document, written to
 * @path (replacing a file there: the file chooser has asked) and opened in a
 * new window of the same application, which is returned presented; this
 * window keeps its document. NULL and @error if it could not be made. */
BudWindow        *bud_window_new_year         (BudWindow       *self,
                                               const char      *path,
                                               GError         **error);
void              bud_window_close_document   (BudWindow       *self);
gboolean          bud_window_has_document     (BudWindow       *self);
/* TRUE when the document lives only in memory (imported JSON, not saved yet). */
gboolean          bud_window_is_in_memory     (BudWindow       *self);
const char       *bud_window_get_path         (BudWindow       *self);

BudDocument      *bud_window_get_document     (BudWindow       *self);
/* Recomputes now if a recomputation is pending. */
const BudSummary *bud_window_get_summary      (BudWindow       *self);
const char       *bud_window_get_status_text  (BudWindow       *self,
                                               BudStatusField   field);
const char       *bud_window_get_badge_text   (BudWindow       *self,
                                               BudSectionId     section);

void              bud_window_show_section     (BudWindow       *self,
                                               const char      *name);
GtkWidget        *bud_window_get_section      (BudWindow       *self,
                                               const char      *name);
const char       *bud_window_get_visible_section (BudWindow    *self);
/* Brings the object of a finding into view. */
void              bud_window_show_location    (BudWindow       *self,
                                               BudKind          kind,
                                               gint64           id,
                                               const char      *field);
void              bud_window_toast            (BudWindow       *self,
                                               const char      *message);

/* Review mode (bud_document_set_review_mode) on the open document: figures
 * are locked, comments and status can still change. The "win.review-mode"
 * toggle action does the same. */
void              bud_window_set_review_mode  (BudWindow       *self,
                                               gboolean         review_mode);
gboolean          bud_window_get_review_mode  (BudWindow       *self);

/* Renders the window to @png once it shows its document, then closes it. */
void              bud_window_set_screenshot   (BudWindow       *self,
                                               const char      *png);

G_END_DECLS
