/* bud-export-worker.h — the one thread the window's exports run in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "bud-template.h"

G_BEGIN_DECLS

/* Loads the PDF fonts in the export thread, in the background (see
 * bud_export_pdf_warm_up): call once the window shows. */
void  bud_export_worker_warm_up (BudTemplate     *tpl);
/* Runs @func on @task in the export thread, as g_task_run_in_thread would. */
void  bud_export_worker_run     (GTask           *task,
                                 GTaskThreadFunc  func);
/* Waits for what is running (at shutdown: no export is cut off by exit). */
void  bud_export_worker_stop    (void);

G_END_DECLS
