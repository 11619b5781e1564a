/* bud-export-dialog.c — choose a format and a destination, write in a thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bud-export-dialog.h"
#include "bud-export-worker.h"

struct _BudExportDialog
{
  AdwWindow      parent_instance;

  GtkWidget     *cancel_button;
  GtkWidget     *export_button;
  AdwComboRow   *format_row;
  AdwActionRow  *path_row;
  GtkWidget     *choose_button;
  GtkProgressBar *progress;
  GtkLabel      *status_label;

  BudDocument   *doc;
  BudTemplate   *tpl;
  char          *path;
  gboolean       running;
  guint          pulse_id;
};

G_DEFINE_FINAL_TYPE (BudExportDialog, bud_export_dialog, ADW_TYPE_WINDOW)

static const char * const extensions[] = { ".pdf", ".xlsx", ".html", "" };

typedef struct {
  BudExportPackage *package;   /* the thread's alone while it runs */
  BudExportFormat   format;
  char             *path;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_pointer (&job->package, bud_export_package_unref);
  g_free (job->path);
  g_free (job);
}

static void
set_status (BudExportDialog *self,
            const char      *text,
            gboolean         error)
{
  gtk_label_set_text (self->status_label, text);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
update_sensitivity (BudExportDialog *self)
{
  gtk_widget_set_sensitive (self->export_button, !self->running && self->path != NULL);
  gtk_widget_set_sensitive (self->cancel_button, !self->running);
  gtk_widget_set_sensitive (self->choose_button, !self->running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->format_row), !self->running);
  gtk_window_set_deletable (GTK_WINDOW (self), !self->running);
}

void
bud_export_dialog_set_path (BudExportDialog *self,
                            const char      *path)
{
  g_free (self->path);
  self->path = g_strdup (path);
  adw_action_row_set_subtitle (self->path_row, path != NULL ? path : _("Not chosen yet"));
  update_sensitivity (self);
}

const char *
bud_export_dialog_get_path (BudExportDialog *self)
{
  return self->path;
}

BudExportFormat
bud_export_dialog_get_format (BudExportDialog *self)
{
  return (BudExportFormat) adw_combo_row_get_selected (self->format_row);
}

void
bud_export_dialog_set_format (BudExportDialog *self,
                              BudExportFormat  format)
{
  adw_combo_row_set_selected (self->format_row, format);
}

/* A chosen file name follows the format: report.pdf becomes report.xlsx. */
static void
on_format_selected (BudExportDialog *self)
{
  BudExportFormat format = bud_export_dialog_get_format (self);
  g_autofree char *path = NULL;

  if (self->path == NULL || format > BUD_EXPORT_CSV)
    return;
  path = g_strdup (self->path);
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (extensions[i][0] != '\0' && g_str_has_suffix (path, extensions[i]))
      {
        path[strlen (path) - strlen (extensions[i])] = '\0';
        break;
      }
  {
    g_autofree char *with = g_strconcat (path, extensions[format], NULL);
    bud_export_dialog_set_path (self, with);
  }
}

static gboolean
pulse_cb (gpointer data)
{
  BudExportDialog *self = data;

  gtk_progress_bar_pulse (self->progress);
  return G_SOURCE_CONTINUE;
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (bud_export_write (job->package, job->format, job->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  BudExportDialog *self = BUD_EXPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  self->running = FALSE;
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), FALSE);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      text = g_strdup_printf (_("Exported to %s"), self->path);
      set_status (self, text, FALSE);
    }
  else
    {
      text = g_strdup_printf (_("The export failed: %s"), error->message);
      set_status (self, text, TRUE);
    }
  update_sensitivity (self);
}

gboolean
bud_export_dialog_start (BudExportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  ExportJob *job;
  BudExportPackage *package;

  if (self->running)
    return FALSE;
  if (self->path == NULL)
    {
      set_status (self, _("Choose where to export to first"), TRUE);
      return FALSE;
    }
  if (self->tpl == NULL)
    {
      set_status (self, _("The disclosure template of this budget is not available: nothing to export"), TRUE);
      return FALSE;
    }

  /* built here, from the document as it is now: the thread never sees the document */
  package = bud_export_package_new (self->doc, self->tpl, &error);
  if (package == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The export failed: %s"), error->message);
      set_status (self, text, TRUE);
      return FALSE;
    }

  job = g_new0 (ExportJob, 1);
  job->package = package;
  job->format = bud_export_dialog_get_format (self);
  job->path = g_strdup (self->path);

  self->running = TRUE;
  update_sensitivity (self);
  set_status (self, _("Exporting…"), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), TRUE);
  self->pulse_id = g_timeout_add (100, pulse_cb, self);

  task = g_task_new (self, NULL, export_done, NULL);
  g_task_set_task_data (task, job, export_job_free);
  bud_export_worker_run (task, export_thread);
  return TRUE;
}

gboolean
bud_export_dialog_is_running (BudExportDialog *self)
{
  return self->running;
}

const char *
bud_export_dialog_get_status (BudExportDialog *self)
{
  return gtk_label_get_text (self->status_label);
}

static void
on_export_clicked (BudExportDialog *self)
{
  bud_export_dialog_start (self);
}

static void
on_close_clicked (BudExportDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     BudExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      bud_export_dialog_set_path (self, path);
    }
  g_object_unref (chooser);
}

static void
on_choose_clicked (BudExportDialog *self)
{
  BudExportFormat format = bud_export_dialog_get_format (self);
  gboolean folder = format == BUD_EXPORT_CSV;
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (folder ? _("Export to a Folder") : _("Export to a File"),
                                         GTK_WINDOW (self),
                                         folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                                : GTK_FILE_CHOOSER_ACTION_SAVE,
                                         NULL, NULL);
  if (!folder)
    {
      BudMeta *meta = bud_document_meta (self->doc);
      g_autofree char *name = g_strdup_printf ("%s %" G_GINT64_FORMAT "%s", meta->department, meta->year,
                                               extensions[format]);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
bud_export_dialog_close_request (GtkWindow *window)
{
  /* the thread writes to our target: stay until it is done */
  if (BUD_EXPORT_DIALOG (window)->running)
    return TRUE;
  return GTK_WINDOW_CLASS (bud_export_dialog_parent_class)->close_request (window);
}

BudExportDialog *
bud_export_dialog_new (GtkWindow   *parent,
                       BudDocument *doc,
                       BudTemplate *tpl)
{
  BudExportDialog *self = g_object_new (BUD_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);

  self->doc = g_object_ref (doc);
  self->tpl = tpl != NULL ? bud_template_ref (tpl) : NULL;
  return self;
}

static void
bud_export_dialog_dispose (GObject *object)
{
  BudExportDialog *self = BUD_EXPORT_DIALOG (object);

  g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_clear_object (&self->doc);
  g_clear_pointer (&self->tpl, bud_template_unref);
  g_clear_pointer (&self->path, g_free);
  G_OBJECT_CLASS (bud_export_dialog_parent_class)->dispose (object);
}

static void
bud_export_dialog_class_init (BudExportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bud_export_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = bud_export_dialog_close_request;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deptbudget/DeptBudget/bud-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BudExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, BudExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, BudExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, BudExportDialog, path_row);
  gtk_widget_class_bind_template_child (widget_class, BudExportDialog, choose_button);
  gtk_widget_class_bind_template_child (widget_class, BudExportDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, BudExportDialog, status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_format_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_close_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked);
}

static void
bud_export_dialog_init (BudExportDialog *self)
{
  g_autoptr(GtkStringList) formats = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* the order of BudExportFormat */
  gtk_string_list_append (formats, _("PDF document"));
  gtk_string_list_append (formats, _("Excel workbook (XLSX)"));
  gtk_string_list_append (formats, _("Web page (HTML)"));
  gtk_string_list_append (formats, _("CSV files, one per table (a folder)"));
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (formats));
  update_sensitivity (self);
}
