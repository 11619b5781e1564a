/* bud-projects-page.h — 项目: the list of projects and an editor for one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bud-target-editor.h"

G_BEGIN_DECLS

#define BUD_TYPE_PROJECTS_PAGE (bud_projects_page_get_type ())
G_DECLARE_FINAL_TYPE (BudProjectsPage, bud_projects_page, BUD, PROJECTS_PAGE, AdwBin)

gboolean  bud_projects_page_select   (BudProjectsPage *self,
                                      gint64           project);
gint64    bud_projects_page_get_selected (BudProjectsPage *self);
BudTargetEditor *bud_projects_page_get_target_editor (BudProjectsPage *self);

G_END_DECLS
