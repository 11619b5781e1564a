/* bud-units-group.c — the units of the department on the Overview page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bud-entity-item.h"
#include "bud-jsonio.h"
#include "bud-section.h"
#include "bud-storage.h"
#include "bud-units-group.h"

struct _BudUnitsGroup
{
  AdwPreferencesGroup  parent_instance;

  GtkListBox          *list;
  GtkWidget           *add_row;
  GtkWidget           *import_button;

  BudDocument         *doc;
  BudKindModel        *model;
};

G_DEFINE_FINAL_TYPE (BudUnitsGroup, bud_units_group, ADW_TYPE_PREFERENCES_GROUP)

static GtkWidget *
create_row (gpointer item,
            gpointer data)
{
  BudUnitsGroup *self = data;

  return GTK_WIDGET (bud_units_row_new (item, self->doc));
}

BudUnitsRow *
bud_units_group_get_row (BudUnitsGroup *self,
                         gint64         id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (BUD_IS_UNITS_ROW (child) && bud_units_row_get_id (BUD_UNITS_ROW (child)) == id)
      return BUD_UNITS_ROW (child);
  return NULL;
}

GtkWidget *
bud_units_group_get_add_row (BudUnitsGroup *self)
{
  return self->add_row;
}

void
bud_units_group_refresh (BudUnitsGroup *self)
{
  g_autoptr(GArray) summaries = NULL;

  if (self->doc == NULL)
    return;
  summaries = bud_units_summarize (self->doc);
  for (guint i = 0; i < summaries->len; i++)
    {
      const BudUnitSummary *s = &g_array_index (summaries, BudUnitSummary, i);
      BudUnitsRow *row = bud_units_group_get_row (self, s->unit);

      if (row != NULL)
        bud_units_row_set_summary (row, s);
    }
}

static void
on_items_changed (BudUnitsGroup *self)
{
  /* rows made for new or reloaded units start without their counts */
  bud_units_group_refresh (self);
}

void
bud_units_group_set_document (BudUnitsGroup *self,
                              BudDocument   *doc)
{
  gboolean editable = doc != NULL && !bud_document_get_read_only (doc);

  /* rows are made for the document they are given: unbind before switching */
  gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  bud_kind_model_set_document (self->model, doc);
  g_set_object (&self->doc, doc);
  if (doc != NULL)
    gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->model), create_row, self, NULL);
  gtk_widget_set_sensitive (self->add_row, editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.import", editable);
  bud_units_group_refresh (self);
}

/* ---- adding ---- */

gint64
bud_units_group_add_unit (BudUnitsGroup  *self,
                          const char     *name,
                          GError        **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (name));
  GPtrArray *units;
  BudUnit *unit;

  g_return_val_if_fail (self->doc != NULL, 0);
  if (*clean == '\0')
    {
      g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_INVALID,
                   _("Type the name of the unit to add"));
      return 0;
    }
  /* a unit's document is matched to its unit by name when it has no code */
  units = bud_document_items (self->doc, BUD_KIND_UNIT);
  for (guint i = 0; i < units->len; i++)
    if (g_str_equal (((BudUnit *) g_ptr_array_index (units, i))->name, clean))
      {
        g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_DUPLICATE,
                     _("There is already a unit named “%s”"), clean);
        return 0;
      }

  unit = bud_entity_new (BUD_KIND_UNIT);
  g_free (unit->name);
  unit->name = g_steal_pointer (&clean);
  /* most subordinate units of a department are 事业单位 */
  unit->type = BUD_UNIT_INSTITUTION;
  unit->primary_unit = bud_units_primary (self->doc) == NULL;
  unit = bud_document_insert (self->doc, BUD_KIND_UNIT, unit, -1, error);
  return unit != NULL ? unit->id : 0;
}

static void
on_add_activated (BudUnitsGroup *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = bud_units_group_add_unit (self, gtk_editable_get_text (GTK_EDITABLE (self->add_row)), &error);
  BudUnitsRow *row;

  if (id == 0)
    {
      bud_section_notify (GTK_WIDGET (self), error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
  row = bud_units_group_get_row (self, id);
  if (row != NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
}

/* ---- removing ---- */

static void
alert (BudUnitsGroup *self,
       const char    *heading,
       const char    *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
bud_units_group_remove_unit (BudUnitsGroup  *self,
                             gint64          id,
                             GError        **error)
{
  BudUnit *unit = bud_document_lookup (self->doc, BUD_KIND_UNIT, id);
  g_autoptr(GArray) summaries = NULL;
  g_autofree char *lines = NULL;
  g_autofree char *projects = NULL;
  g_autofree char *what = NULL;

  if (unit == NULL)
    return bud_document_remove (self->doc, BUD_KIND_UNIT, id, error);
  if (unit->primary_unit)
    {
      g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_REFERENCED,
                   _("“%s” is the department’s own unit and cannot be removed; mark another unit as the department’s own first"),
                   unit->name);
      return FALSE;
    }

  summaries = bud_units_summarize (self->doc);
  for (guint i = 0; i < summaries->len; i++)
    {
      const BudUnitSummary *s = &g_array_index (summaries, BudUnitSummary, i);

      if (s->unit != id || (s->n_lines == 0 && s->n_projects == 0))
        continue;
      lines = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u line", "%u lines", s->n_lines), s->n_lines);
      projects = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project", "%u projects", s->n_projects),
                                  s->n_projects);
      if (s->n_projects == 0)
        what = g_steal_pointer (&lines);
      else if (s->n_lines == 0)
        what = g_steal_pointer (&projects);
      else
        /* Translators: “3 lines and 1 project” */
        what = g_strdup_printf (_("%s and %s"), lines, projects);
      g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_REFERENCED,
                   _("“%s” cannot be removed: it still has %s. Give them another unit first (the Lines page can show one unit’s lines), or remove them."),
                   unit->name, what);
      return FALSE;
    }
  return bud_document_remove (self->doc, BUD_KIND_UNIT, id, error);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BudUnitsGroup *self = BUD_UNITS_GROUP (widget);
  g_autoptr(GError) error = NULL;

  if (!bud_units_group_remove_unit (self, g_variant_get_int64 (parameter), &error))
    alert (self, _("Unit Still in Use"), error->message);
}

/* ---- importing ---- */

static BudDocument *
read_unit_document (const char  *path,
                    GError     **error)
{
  if (g_str_has_suffix (path, ".json") || g_str_has_suffix (path, ".JSON"))
    return bud_json_read_file (path, error);
  return bud_storage_open (path, BUD_STORAGE_OPEN_READ_ONLY, NULL, error);
}

static gboolean
import_document (BudUnitsGroup        *self,
                 BudDocument          *unit_doc,
                 BudUnitsImportFlags   flags,
                 GError              **error)
{
  guint n = bud_document_count (unit_doc, BUD_KIND_LINE);
  g_autofree char *message = NULL;

  if (!bud_units_import_full (self->doc, unit_doc, flags, error))
    return FALSE;
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Unit imported: %u line added",
                                          "Unit imported: %u lines added", n), n);
  bud_section_notify (GTK_WIDGET (self), message);
  return TRUE;
}

gboolean
bud_units_group_import_file (BudUnitsGroup        *self,
                             const char           *path,
                             BudUnitsImportFlags   flags,
                             GError              **error)
{
  g_autoptr(BudDocument) unit_doc = read_unit_document (path, error);

  return unit_doc != NULL && import_document (self, unit_doc, flags, error);
}

static void
on_replace_response (AdwMessageDialog *dialog,
                     const char       *response,
                     BudUnitsGroup    *self)
{
  BudDocument *unit_doc = g_object_get_data (G_OBJECT (dialog), "unit-document");
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "replace") &&
      !import_document (self, unit_doc, BUD_UNITS_IMPORT_REPLACE, &error))
    alert (self, _("Could Not Import the Unit"), error->message);
}

static void
import_path (BudUnitsGroup *self,
             const char    *path)
{
  g_autoptr(BudDocument) unit_doc = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  unit_doc = read_unit_document (path, &error);
  if (unit_doc != NULL && import_document (self, unit_doc, BUD_UNITS_IMPORT_DEFAULT, &error))
    return;
  if (!g_error_matches (error, BUD_UNITS_ERROR, BUD_UNITS_ERROR_PRESENT))
    {
      alert (self, _("Could Not Import the Unit"), error->message);
      return;
    }

  /* the unit sent its budget again: offer to take the new one instead */
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Replace the Unit’s Budget?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", error->message,
                                  _("Replacing removes the unit’s lines and projects now in the department, with their share of the control figures, and adds the imported ones. Undo takes the whole import back."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "unit-document", g_steal_pointer (&unit_doc), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_replace_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     BudUnitsGroup   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        import_path (self, path);
    }
  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BudUnitsGroup *self = BUD_UNITS_GROUP (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import a Unit’s Budget"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Budgets and exchange files"));
  gtk_file_filter_add_pattern (filter, "*.budget");
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- life ---- */

static void
bud_units_group_dispose (GObject *object)
{
  BudUnitsGroup *self = BUD_UNITS_GROUP (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->model);
  g_clear_object (&self->doc);
  G_OBJECT_CLASS (bud_units_group_parent_class)->dispose (object);
}

static void
bud_units_group_class_init (BudUnitsGroupClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bud_units_group_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deptbudget/DeptBudget/bud-units-group.ui");
  gtk_widget_class_bind_template_child (widget_class, BudUnitsGroup, list);
  gtk_widget_class_bind_template_child (widget_class, BudUnitsGroup, add_row);
  gtk_widget_class_bind_template_child (widget_class, BudUnitsGroup, import_button);
  gtk_widget_class_bind_template_callback (widget_class, on_add_activated);
  gtk_widget_class_install_action (widget_class, "units.remove", "x", remove_action);
  gtk_widget_class_install_action (widget_class, "units.import", NULL, import_action);
}

static void
bud_units_group_init (BudUnitsGroup *self)
{
  g_type_ensure (BUD_TYPE_UNITS_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->model = bud_kind_model_new (BUD_KIND_UNIT);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (on_items_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.import", FALSE);
}
