/* bud-new-dialog.c — collect what a new budget needs, then ask where to save it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bud-new-dialog.h"
#include "bud-template.h"

/* The templates this version ships (data/templates). */
static const char * const template_ids[] = { "xinjiang-2026", NULL };

struct _BudNewDialog
{
  AdwWindow       parent_instance;
  GtkWidget      *create_button;
  GtkWidget      *department;
  GtkSpinButton  *year;
  AdwComboRow    *template_row;
};

G_DEFINE_FINAL_TYPE (BudNewDialog, bud_new_dialog, ADW_TYPE_WINDOW)

enum { CREATE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
on_department_changed (BudNewDialog *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->department))));

  gtk_widget_set_sensitive (self->create_button, *text != '\0');
}

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  BudNewDialog    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autofree char *department = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->department))));
      guint t = adw_combo_row_get_selected (self->template_row);

      if (path != NULL && !g_str_has_suffix (path, ".budget"))
        {
          char *with = g_strconcat (path, ".budget", NULL);
          g_free (path);
          path = with;
        }
      if (path != NULL)
        {
          gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
          g_signal_emit (self, signals[CREATE], 0, path, department,
                         (gint64) gtk_spin_button_get_value_as_int (self->year),
                         template_ids[t < G_N_ELEMENTS (template_ids) - 1 ? t : 0]);
          gtk_window_destroy (GTK_WINDOW (self));
        }
    }
  g_object_unref (chooser);
}

static void
on_create_clicked (BudNewDialog *self)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();
  g_autofree char *name = g_strdup_printf ("%s-%d.budget",
                                           gtk_editable_get_text (GTK_EDITABLE (self->department)),
                                           gtk_spin_button_get_value_as_int (self->year));

  g_strdelimit (name, "/\\:", '-');
  chooser = gtk_file_chooser_native_new (_("Save the New Budget"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Budget documents"));
  gtk_file_filter_add_pattern (filter, "*.budget");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
bud_new_dialog_class_init (BudNewDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[CREATE] = g_signal_new ("create", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 4,
                                  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deptbudget/DeptBudget/bud-new-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BudNewDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, BudNewDialog, department);
  gtk_widget_class_bind_template_child (widget_class, BudNewDialog, year);
  gtk_widget_class_bind_template_child (widget_class, BudNewDialog, template_row);
  gtk_widget_class_bind_template_callback (widget_class, on_department_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_create_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bud_new_dialog_init (BudNewDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; template_ids[i] != NULL; i++)
    {
      g_autoptr(BudTemplate) tpl = bud_template_load (template_ids[i], NULL);
      gtk_string_list_append (names, tpl != NULL ? bud_template_get_name (tpl) : template_ids[i]);
    }
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (names));
  /* budgets are prepared in the autumn for the next year */
  gtk_spin_button_set_value (self->year, g_date_time_get_year (now) + 1);
}

BudNewDialog *
bud_new_dialog_new (GtkWindow *parent)
{
  return g_object_new (BUD_TYPE_NEW_DIALOG, "transient-for", parent, NULL);
}
