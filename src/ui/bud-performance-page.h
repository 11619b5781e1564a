/* bud-performance-page.h — 部门整体绩效目标: the department-wide target table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bud-target-editor.h"

G_BEGIN_DECLS

#define BUD_TYPE_PERFORMANCE_PAGE (bud_performance_page_get_type ())
G_DECLARE_FINAL_TYPE (BudPerformancePage, bud_performance_page, BUD, PERFORMANCE_PAGE, AdwBin)

BudTargetEditor *bud_performance_page_get_editor (BudPerformancePage *self);

G_END_DECLS
