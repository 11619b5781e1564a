/* bud-application.h — the application: windows, app-wide actions, command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BUD_TYPE_APPLICATION (bud_application_get_type ())
G_DECLARE_FINAL_TYPE (BudApplication, bud_application, BUD, APPLICATION, AdwApplication)

BudApplication *bud_application_new             (void);
/* Recently used documents, as a menu of app.open-recent items; kept current. */
GMenuModel     *bud_application_get_recent_menu (BudApplication *self);

G_END_DECLS
