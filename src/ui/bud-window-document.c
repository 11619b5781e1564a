/* bud-window-document.c — open, import, create, save a copy, close: the document's life in a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A .budget file is edited in place: every edit is already committed when it
 * shows, so there is nothing to save and closing loses nothing. A .json
 * exchange file is imported into a document that lives in memory until the
 * user saves it as a .budget file (Ctrl+S asks where); closing an edited
 * imported document asks first. We do not ask for a file name at import
 * time because most imports are only looked at (a reviewer checking a file).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bud-application.h"
#include "bud-jsonio.h"
#include "bud-rollover.h"
#include "bud-export-dialog.h"
#include "bud-window-private.h"

static void
add_recent (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

  if (uri != NULL)
    gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

gboolean
bud_window_load (BudWindow   *self,
                 const char  *path,
                 gboolean     read_only,
                 GError     **error)
{
  g_autoptr(BudDocument) doc = NULL;
  BudStorage *storage = NULL;

  g_return_val_if_fail (BUD_IS_WINDOW (self), FALSE);

  if (g_str_has_suffix (path, ".json") || g_str_has_suffix (path, ".JSON"))
    {
      doc = bud_json_read_file (path, error);
      if (doc == NULL)
        return FALSE;
      bud_window_attach_document (self, doc, NULL, NULL, FALSE);
      self->imported_from = g_strdup (path);
      bud_window_update_title (self);
      add_recent (path);
      return TRUE;
    }

  doc = bud_storage_open (path, read_only ? BUD_STORAGE_OPEN_READ_ONLY : BUD_STORAGE_OPEN_DEFAULT,
                          read_only ? NULL : &storage, error);
  if (doc == NULL)
    return FALSE;
  bud_window_attach_document (self, doc, storage, path, read_only);
  add_recent (path);
  return TRUE;
}

gboolean
bud_window_create_document (BudWindow   *self,
                            const char  *path,
                            const char  *department,
                            gint64       year,
                            const char  *template_id,
                            GError     **error)
{
  g_autoptr(BudDocument) doc = bud_document_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  BudUnit *unit;
  BudStorage *storage;

  if (!bud_document_set_text (doc, BUD_KIND_META, 1, "department", department, error) ||
      !bud_document_set_int (doc, BUD_KIND_META, 1, "year", year, error) ||
      !bud_document_set_text (doc, BUD_KIND_META, 1, "template_id", template_id, error) ||
      !bud_document_set_text (doc, BUD_KIND_META, 1, "date", date, error))
    return FALSE;

  /* every line needs a unit: start with the department's own */
  unit = bud_entity_new (BUD_KIND_UNIT);
  g_free (unit->name);
  unit->name = g_strdup (department);
  unit->primary_unit = TRUE;
  if (bud_document_insert (doc, BUD_KIND_UNIT, unit, -1, error) == NULL)
    return FALSE;

  /* the file chooser has already asked before replacing a file */
  storage = bud_storage_create (path, doc, TRUE, error);
  if (storage == NULL)
    return FALSE;
  bud_window_attach_document (self, doc, storage, path, FALSE);
  add_recent (path);
  return TRUE;
}

gboolean
bud_window_save_as (BudWindow   *self,
                    const char  *path,
                    GError     **error)
{
  BudStorage *storage;

  g_return_val_if_fail (self->doc != NULL, FALSE);

  storage = bud_storage_create (path, self->doc, TRUE, error);
  if (storage == NULL)
    return FALSE;
  g_clear_pointer (&self->storage, bud_storage_close);
  self->storage = storage;
  g_free (self->path);
  self->path = g_strdup (path);
  g_clear_pointer (&self->imported_from, g_free);
  self->unsaved = FALSE;
  bud_window_update_title (self);
  add_recent (path);
  return TRUE;
}

BudWindow *
bud_window_new_year (BudWindow   *self,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(BudDocument) next = NULL;
  BudStorage *storage;
  BudWindow *win;

  g_return_val_if_fail (BUD_IS_WINDOW (self), NULL);
  g_return_val_if_fail (self->doc != NULL, NULL);

  next = bud_rollover (self->doc, error);
  if (next == NULL)
    return NULL;
  storage = bud_storage_create (path, next, TRUE, error);
  if (storage == NULL)
    return NULL;
  /* a window of its own: this year's document may have edits not saved yet */
  win = bud_window_new (gtk_window_get_application (GTK_WINDOW (self)));
  bud_window_attach_document (win, next, storage, path, FALSE);
  add_recent (path);
  gtk_window_present (GTK_WINDOW (win));
  return win;
}

/* ---- asking ---- */

static void
show_error (BudWindow  *self,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
read_only_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       BudWindow        *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "read-only") && !bud_window_load (self, path, TRUE, &error))
    show_error (self, _("Could Not Open the Budget"), error->message);
}

void
bud_window_open (BudWindow *self,
                 GFile     *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    {
      show_error (self, _("Could Not Open the Budget"), _("Only local files can be opened."));
      return;
    }

  if (bud_window_load (self, path, FALSE, &error))
    return;

  if (g_error_matches (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_IN_USE) ||
      g_error_matches (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_READ_ONLY))
    {
      GtkWidget *dialog;
      g_autofree char *body = g_strdup_printf (_("%s\n\nYou can open it read-only to look at it and check it; "
                                                 "changes will not be possible."), error->message);

      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Open Read-Only?"), body);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "read-only", _("Open _Read-Only"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "read-only",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "read-only");
      g_object_set_data_full (G_OBJECT (dialog), "path", g_steal_pointer (&path), g_free);
      g_signal_connect (dialog, "response", G_CALLBACK (read_only_response_cb), self);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  show_error (self, _("Could Not Open the Budget"), error->message);
}

/* ---- save, save as, save a copy ---- */

typedef void (*SaveDone) (BudWindow *self, gboolean saved);

static char *
suggested_name (BudWindow  *self,
                const char *suffix)
{
  BudMeta *meta = bud_document_meta (self->doc);
  g_autofree char *base = NULL;

  if (meta->department[0] != '\0')
    base = g_strdup_printf ("%s-%" G_GINT64_FORMAT, meta->department, meta->year);
  else
    base = g_strdup (_("budget"));
  g_strdelimit (base, "/\\:", '-');
  return g_strconcat (base, suffix, NULL);
}

static GtkFileFilter *
budget_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Budget documents"));
  gtk_file_filter_add_pattern (filter, "*.budget");
  gtk_file_filter_add_mime_type (filter, "application/x-deptbudget");
  return filter;
}

static char *
chosen_path (GtkNativeDialog *dialog)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (path != NULL && !g_str_has_suffix (path, ".budget"))
    {
      char *with = g_strconcat (path, ".budget", NULL);
      g_free (path);
      path = with;
    }
  return path;
}

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     BudWindow       *self)
{
  SaveDone done = g_object_get_data (G_OBJECT (dialog), "done");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved = FALSE;

  if (response == GTK_RESPONSE_ACCEPT && (path = chosen_path (dialog)) != NULL)
    {
      saved = bud_window_save_as (self, path, &error);
      if (!saved)
        show_error (self, _("Could Not Save the Budget"), error->message);
      else
        bud_window_toast (self, _("All changes are saved"));
    }
  g_object_unref (dialog);
  if (done != NULL)
    done (self, saved);
}

static void
ask_save_as (BudWindow *self,
             SaveDone   done)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = suggested_name (self, ".budget");

  chooser = gtk_file_chooser_native_new (_("Save Budget"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), budget_filter ());
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "done", done);
  g_signal_connect (chooser, "response", G_CALLBACK (save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  BudWindow *self = BUD_WINDOW (widget);

  if (self->doc == NULL)
    return;
  if (self->read_only)
    bud_window_toast (self, _("This budget is open read-only; use Save a Copy to keep your own copy"));
  else if (self->storage == NULL)
    ask_save_as (self, NULL);
  else
    /* write-through: nothing is pending, Ctrl+S only confirms it */
    bud_window_toast (self, _("All changes are saved"));
}

static void
save_copy_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       BudWindow       *self)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (path = chosen_path (dialog)) != NULL && self->doc != NULL)
    {
      if (bud_storage_save_copy (self->doc, path, &error))
        {
          g_autofree char *base = g_path_get_basename (path);
          g_autofree char *msg = g_strdup_printf (_("Saved a copy as %s"), base);
          bud_window_toast (self, msg);
        }
      else
        show_error (self, _("Could Not Save a Copy"), error->message);
    }
  g_object_unref (dialog);
}

static void
save_copy_action (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  BudWindow *self = BUD_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->doc == NULL)
    return;
  name = suggested_name (self, _("-copy.budget"));
  chooser = gtk_file_chooser_native_new (_("Save a Copy"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), budget_filter ());
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (save_copy_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- closing ---- */

static void
close_after_save (BudWindow *self,
                  gboolean   saved)
{
  if (saved)
    gtk_window_close (GTK_WINDOW (self));
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   BudWindow        *self)
{
  if (g_str_equal (response, "discard"))
    {
      self->unsaved = FALSE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "save"))
    ask_save_as (self, close_after_save);
}

/* TRUE when the window may close now; otherwise asks and closes later. */
gboolean
bud_window_confirm_close (BudWindow *self)
{
  GtkWidget *dialog;
  g_autofree char *body = NULL;
  g_autofree char *base = NULL;

  if (self->doc == NULL || self->storage != NULL || !self->unsaved)
    return TRUE;

  base = g_path_get_basename (self->imported_from != NULL ? self->imported_from : "");
  body = g_strdup_printf (_("This budget was imported from %s and has been changed. "
                            "It exists only in this window until you save it as a budget document."),
                          base);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save the Budget?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard Changes"),
                                    "save", _("_Save As…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (close_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

static void
export_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  BudWindow *self = BUD_WINDOW (widget);
  BudExportDialog *dialog;

  if (self->doc == NULL)
    return;
  dialog = bud_export_dialog_new (GTK_WINDOW (self), self->doc, self->tpl);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_year_response_cb (GtkNativeDialog *dialog,
                      int              response,
                      BudWindow       *self)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (path = chosen_path (dialog)) != NULL && self->doc != NULL &&
      bud_window_new_year (self, path, &error) == NULL)
    show_error (self, _("Could Not Start Next Year’s Budget"), error->message);
  g_object_unref (dialog);
}

static void
new_year_action (GtkWidget  *widget,
                 const char *action,
                 GVariant   *param)
{
  BudWindow *self = BUD_WINDOW (widget);
  BudMeta *meta;
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->doc == NULL)
    return;
  meta = bud_document_meta (self->doc);
  name = g_strdup_printf ("%s-%" G_GINT64_FORMAT ".budget",
                          meta->department[0] != '\0' ? meta->department : _("budget"), meta->year + 1);
  g_strdelimit (name, "/\\:", '-');
  chooser = gtk_file_chooser_native_new (_("Save Next Year’s Budget"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), budget_filter ());
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (new_year_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
bud_window_install_document_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-year", NULL, new_year_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
}
