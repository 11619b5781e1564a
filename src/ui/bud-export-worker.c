/* bud-export-worker.c — the one thread the window's exports run in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What pango and cairo load for a PDF (faces, glyphs at each size) is kept
 * partly per thread, so a first export in a new thread costs 120–160 ms more
 * on the example than the next one in the same thread. Every export therefore
 * runs in one long-lived thread, which warms up right after launch: the
 * user's first export costs what the next ones do.
 */
#include "config.h"

#include "bud-export.h"
#include "bud-export-worker.h"

typedef struct {
  GTask           *task;   /* NULL: a warm-up */
  GTaskThreadFunc  func;
  BudTemplate     *tpl;
} Job;

static GThreadPool *pool;

static void
run_job (gpointer data,
         gpointer user_data)
{
  Job *job = data;

  if (job->task != NULL)
    {
      job->func (job->task, g_task_get_source_object (job->task),
                 g_task_get_task_data (job->task), g_task_get_cancellable (job->task));
      g_object_unref (job->task);
    }
  else
    {
      bud_export_pdf_warm_up (job->tpl);
      bud_template_unref (job->tpl);
    }
  g_free (job);
}

static void
push (Job *job)
{
  /* exclusive, one thread: jobs run in order, always in the same thread */
  if (pool == NULL)
    pool = g_thread_pool_new (run_job, NULL, 1, TRUE, NULL);
  g_thread_pool_push (pool, job, NULL);
}

void
bud_export_worker_warm_up (BudTemplate *tpl)
{
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (tpl != NULL);
  job->tpl = bud_template_ref (tpl);
  push (job);
}

void
bud_export_worker_run (GTask           *task,
                       GTaskThreadFunc  func)
{
  Job *job = g_new0 (Job, 1);

  job->task = g_object_ref (task);
  job->func = func;
  push (job);
}

void
bud_export_worker_stop (void)
{
  if (pool != NULL)
    g_thread_pool_free (g_steal_pointer (&pool), FALSE, TRUE);
}
