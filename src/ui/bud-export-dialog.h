/* bud-export-dialog.h — export the disclosure package: format, destination, progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The package is built from the document in the main thread (a snapshot that
 * owns everything it prints); the slow part, writing the file, runs in a
 * worker thread on that package alone, so the user may go on editing.
 */
#pragma once

#include <adwaita.h>

#include "bud-document.h"
#include "bud-export.h"
#include "bud-template.h"

G_BEGIN_DECLS

#define BUD_TYPE_EXPORT_DIALOG (bud_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BudExportDialog, bud_export_dialog, BUD, EXPORT_DIALOG, AdwWindow)

BudExportDialog *bud_export_dialog_new        (GtkWindow        *parent,
                                               BudDocument      *doc,
                                               BudTemplate      *tpl);
void             bud_export_dialog_set_format (BudExportDialog  *self,
                                               BudExportFormat   format);
BudExportFormat  bud_export_dialog_get_format (BudExportDialog  *self);
void             bud_export_dialog_set_path   (BudExportDialog  *self,
                                               const char       *path);
const char      *bud_export_dialog_get_path   (BudExportDialog  *self);
/* Starts the export; FALSE (and the reason shown) when it cannot start. */
gboolean         bud_export_dialog_start      (BudExportDialog  *self);
gboolean         bud_export_dialog_is_running (BudExportDialog  *self);
/* What the dialog says now: the progress, the result, or the error. */
const char      *bud_export_dialog_get_status (BudExportDialog  *self);

G_END_DECLS
