/* bud-application.c — app-wide actions, accelerators, the command line, recent documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bud-application.h"
#include "bud-export-worker.h"
#include "bud-new-dialog.h"
#include "bud-window.h"

struct _BudApplication
{
  AdwApplication  parent_instance;
  GMenu          *recent_menu;
  gulong          recent_changed_id;
};

G_DEFINE_FINAL_TYPE (BudApplication, bud_application, ADW_TYPE_APPLICATION)

#define MAX_RECENT 10

/* ---- windows ---- */

/* A window without a document, or a new one. */
static BudWindow *
get_empty_window (BudApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (BUD_IS_WINDOW (active) && !bud_window_has_document (BUD_WINDOW (active)))
    return BUD_WINDOW (active);
  return bud_window_new (GTK_APPLICATION (self));
}

static void
open_file (BudApplication *self,
           GFile          *file)
{
  BudWindow *win = get_empty_window (self);

  gtk_window_present (GTK_WINDOW (win));
  bud_window_open (win, file);
}

/* ---- recent documents ---- */

static gint
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *ia = *(GtkRecentInfo **) a;
  GtkRecentInfo *ib = *(GtkRecentInfo **) b;
  /* owned by the infos */
  GDateTime *ta = gtk_recent_info_get_modified (ia);
  GDateTime *tb = gtk_recent_info_get_modified (ib);

  return g_date_time_compare (tb, ta);
}

static void
rebuild_recent_menu (BudApplication *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  g_autoptr(GPtrArray) ours = g_ptr_array_new ();

  g_menu_remove_all (self->recent_menu);
  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);

      if (gtk_recent_info_has_application (info, g_get_prgname ()) &&
          (g_str_has_suffix (uri, ".budget") || g_str_has_suffix (uri, ".json")) &&
          gtk_recent_info_exists (info))
        g_ptr_array_add (ours, info);
    }
  g_ptr_array_sort (ours, compare_recent);

  for (guint i = 0; i < ours->len && i < MAX_RECENT; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (ours, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      g_menu_item_set_action_and_target (item, "app.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_menu, item);
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

GMenuModel *
bud_application_get_recent_menu (BudApplication *self)
{
  g_return_val_if_fail (BUD_IS_APPLICATION (self), NULL);
  return G_MENU_MODEL (self->recent_menu);
}

/* ---- actions ---- */

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  BudApplication  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (file != NULL)
        open_file (self, file);
    }
  g_object_unref (dialog);
}

static void
open_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       data)
{
  BudApplication *self = data;
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  chooser = gtk_file_chooser_native_new (_("Open Budget"),
                                         gtk_application_get_active_window (GTK_APPLICATION (self)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Budgets and exchange files"));
  gtk_file_filter_add_pattern (filter, "*.budget");
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Budget documents"));
  gtk_file_filter_add_pattern (filter, "*.budget");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Exchange files (JSON)"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  open_file (data, file);
}

static void
new_created_cb (BudNewDialog *dialog,
                const char   *path,
                const char   *department,
                gint64        year,
                const char   *template_id,
                gpointer      data)
{
  BudApplication *self = data;
  BudWindow *win = get_empty_window (self);
  g_autoptr(GError) error = NULL;

  gtk_window_present (GTK_WINDOW (win));
  if (!bud_window_create_document (win, path, department, year, template_id, &error))
    {
      GtkWidget *alert = adw_message_dialog_new (GTK_WINDOW (win), _("Could Not Create the Budget"),
                                                 error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (alert));
    }
}

static void
new_activated (GSimpleAction *action,
               GVariant      *param,
               gpointer       data)
{
  BudApplication *self = data;
  BudNewDialog *dialog = bud_new_dialog_new (gtk_application_get_active_window (GTK_APPLICATION (self)));

  g_signal_connect (dialog, "create", G_CALLBACK (new_created_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       data)
{
  static const char *developers[] = { "Department Budget developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (data)),
                        "application-name", _("Department Budget"),
                        "application-icon", APP_ID,
                        "developer-name", _("Department Budget developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Prepare a department budget and its disclosure package."),
                        "website", "https://github.com/deptbudget/deptbudget",
                        "issue-url", "https://github.com/deptbudget/deptbudget/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
help_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       data)
{
  gtk_show_uri (gtk_application_get_active_window (GTK_APPLICATION (data)),
                "help:deptbudget", GDK_CURRENT_TIME);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       data)
{
  /* close each window so that an unsaved imported document can still ask */
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (data)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { "new", new_activated },
  { "open", open_activated },
  { "open-recent", open_recent_activated, "s" },
  { "about", about_activated },
  { "help", help_activated },
  { "quit", quit_activated },
};

/* ---- launch timing ---- */

/* BUD_REPORT_FIRST_FRAME=1 (deptbudget-bench): print the monotonic time of
 * the first frame painted with the document in it, then quit. */
static void
first_frame_cb (GdkFrameClock *clock,
                BudWindow     *win)
{
  if (!bud_window_has_document (win))
    return;
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, win);
  g_print ("first-frame-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (win))));
}

static void
report_first_frame (BudWindow *win)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (win));

  if (clock != NULL)
    g_signal_connect_object (clock, "after-paint", G_CALLBACK (first_frame_cb), win, 0);
}

/* ---- GApplication ---- */

static const GOptionEntry options[] = {
  { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Render the window to a PNG file once the document shows, then quit"), N_("PNG") },
  { "page", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Section to show: overview, income, lines, projects, performance, preview or review"), N_("NAME") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[DOCUMENT]") },
  { NULL }
};

static int
bud_application_handle_local_options (GApplication *app,
                                      GVariantDict *dict)
{
  /* a screenshot or timing run must not hand its work to an instance already running */
  if (g_variant_dict_contains (dict, "screenshot") || g_getenv ("BUD_REPORT_FIRST_FRAME") != NULL)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
  return -1;
}

static gboolean
warm_up_cb (gpointer data)
{
  g_autoptr(BudTemplate) tpl = bud_template_load ("xinjiang-2026", NULL);

  if (tpl != NULL)
    bud_export_worker_warm_up (tpl);
  return G_SOURCE_REMOVE;
}

/* Once per process, a moment after the first document shows: the fonts of
 * the PDF export load in the export thread while the user reads. */
static void
schedule_warm_up (void)
{
  static gboolean scheduled;

  if (scheduled)
    return;
  scheduled = TRUE;
  g_timeout_add_seconds_full (G_PRIORITY_LOW, 2, warm_up_cb, NULL, NULL);
}

static int
bud_application_command_line (GApplication            *app,
                              GApplicationCommandLine *cmdline)
{
  BudApplication *self = BUD_APPLICATION (app);
  GVariantDict *dict = g_application_command_line_get_options_dict (cmdline);
  g_autofree char *screenshot = NULL;
  g_autofree char *page = NULL;
  g_autofree const char **files = NULL;
  BudWindow *win;

  g_variant_dict_lookup (dict, "screenshot", "^ay", &screenshot);
  g_variant_dict_lookup (dict, "page", "s", &page);
  g_variant_dict_lookup (dict, G_OPTION_REMAINING, "^a&ay", &files);

  if (files == NULL || files[0] == NULL)
    {
      if (screenshot != NULL)
        {
          g_application_command_line_printerr (cmdline, _("--screenshot needs a document to show\n"));
          return 2;
        }
      win = get_empty_window (self);
      gtk_window_present (GTK_WINDOW (win));
      return 0;
    }

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (cmdline, files[i]);

      win = bud_window_new (GTK_APPLICATION (self));
      if (page != NULL)
        bud_window_show_section (win, page);
      gtk_window_present (GTK_WINDOW (win));
      if (screenshot != NULL)
        {
          g_autofree char *path = g_file_get_path (file);
          g_autoptr(GError) error = NULL;

          /* no dialogs in a screenshot run: fail with the reason instead */
          if (!bud_window_load (win, path, FALSE, &error))
            {
              g_application_command_line_printerr (cmdline, "%s\n", error->message);
              gtk_window_destroy (GTK_WINDOW (win));
              return 2;
            }
          bud_window_set_screenshot (win, screenshot);
          break;
        }
      bud_window_open (win, file);
      if (g_getenv ("BUD_REPORT_FIRST_FRAME") != NULL)
        report_first_frame (win);
      else
        schedule_warm_up ();
    }
  return 0;
}

static void
bud_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    open_file (BUD_APPLICATION (app), files[i]);
}

static void
bud_application_activate (GApplication *app)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (active == NULL)
    active = GTK_WINDOW (bud_window_new (GTK_APPLICATION (app)));
  gtk_window_present (active);
}

static void
bud_application_startup (GApplication *app)
{
  BudApplication *self = BUD_APPLICATION (app);
  static const char *undo_accels[] = { "<Control>z", NULL };
  static const char *redo_accels[] = { "<Control><Shift>z", NULL };
  static const char *save_accels[] = { "<Control>s", NULL };
  static const char *save_copy_accels[] = { "<Control><Shift>s", NULL };
  static const char *new_accels[] = { "<Control>n", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *review_accels[] = { "<Control>e", NULL };
  static const char *export_accels[] = { "<Control><Shift>e", NULL };

  G_APPLICATION_CLASS (bud_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.undo", undo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.redo", redo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.save", save_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.save-copy", save_copy_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new", new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-section::review", review_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.export", export_accels);

  self->recent_changed_id = g_signal_connect_swapped (gtk_recent_manager_get_default (), "changed",
                                                      G_CALLBACK (rebuild_recent_menu), self);
  rebuild_recent_menu (self);
}

static void
bud_application_shutdown (GApplication *app)
{
  BudApplication *self = BUD_APPLICATION (app);

  g_clear_signal_handler (&self->recent_changed_id, gtk_recent_manager_get_default ());
  bud_export_worker_stop ();
  G_APPLICATION_CLASS (bud_application_parent_class)->shutdown (app);
}

static void
bud_application_finalize (GObject *object)
{
  BudApplication *self = BUD_APPLICATION (object);

  g_clear_object (&self->recent_menu);
  G_OBJECT_CLASS (bud_application_parent_class)->finalize (object);
}

static void
bud_application_class_init (BudApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = bud_application_finalize;
  app_class->startup = bud_application_startup;
  app_class->shutdown = bud_application_shutdown;
  app_class->activate = bud_application_activate;
  app_class->open = bud_application_open;
  app_class->command_line = bud_application_command_line;
  app_class->handle_local_options = bud_application_handle_local_options;
}

static void
bud_application_init (BudApplication *self)
{
  self->recent_menu = g_menu_new ();
  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[DOCUMENT]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Edit a department budget: DOCUMENT is a .budget file, "
                                              "or a .json exchange file to import."));
}

BudApplication *
bud_application_new (void)
{
  return g_object_new (BUD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/io/github/deptbudget/DeptBudget",
                       NULL);
}
