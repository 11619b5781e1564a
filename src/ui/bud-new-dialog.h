/* bud-new-dialog.h — the new-document assistant: department, year, template, then a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BUD_TYPE_NEW_DIALOG (bud_new_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BudNewDialog, bud_new_dialog, BUD, NEW_DIALOG, AdwWindow)

/* ::create (const char *path, const char *department, gint64 year, const char *template_id)
 * is emitted once the user has chosen where to save; the dialog then closes. */
BudNewDialog *bud_new_dialog_new (GtkWindow *parent);

G_END_DECLS
