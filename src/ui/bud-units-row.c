/* bud-units-row.c — one unit of the department on the Overview page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bud-field-binding.h"
#include "bud-money.h"
#include "bud-section.h"
#include "bud-units-row.h"

struct _BudUnitsRow
{
  AdwExpanderRow   parent_instance;

  GtkWidget       *remove_button;
  GtkWidget       *name_row;
  GtkWidget       *code_row;
  AdwComboRow     *type_row;
  GtkWidget       *primary_row;
  GtkSwitch       *primary_switch;

  BudDocument     *doc;
  BudEntityItem   *item;
  BudUnitSummary   summary;
  gboolean         has_summary;
  gboolean         syncing;   /* showing the stored value, not the user's choice */
};

G_DEFINE_FINAL_TYPE (BudUnitsRow, bud_units_row, ADW_TYPE_EXPANDER_ROW)

/* NULL while the template is being built, and once the unit is removed */
static BudUnit *
current_unit (BudUnitsRow *self)
{
  return self->item != NULL ? bud_entity_item_get_entity (self->item) : NULL;
}

static void
update_subtitle (BudUnitsRow *self,
                 BudUnit     *unit)
{
  GString *text = g_string_new (unit->primary_unit ? _("Own unit") : _("Subordinate unit"));

  g_string_append (text, " · ");
  g_string_append (text, bud_unit_type_label (unit->type));
  if (*unit->code != '\0')
    {
      g_string_append (text, " · ");
      /* Translators: a unit's code in the units list */
      g_string_append_printf (text, _("code %s"), unit->code);
    }
  if (self->has_summary)
    {
      g_autofree char *total = bud_money_format (self->summary.total, BUD_MONEY_YUAN,
                                                 BUD_MONEY_FORMAT_GROUPING);

      g_string_append (text, " · ");
      /* Translators: how many budget lines a unit has, and their sum */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u line, %s yuan", "%u lines, %s yuan",
                                                 self->summary.n_lines),
                              self->summary.n_lines, total);
    }
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), text->str);
  g_string_free (text, TRUE);
}

/* Shows the stored unit; the combo and the switch do not echo it back. */
static void
refresh (BudUnitsRow *self)
{
  BudUnit *unit = current_unit (self);
  gboolean editable = !bud_document_get_read_only (self->doc);

  if (unit == NULL)
    return;
  self->syncing = TRUE;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), unit->name);
  adw_combo_row_set_selected (self->type_row, unit->type);
  gtk_switch_set_active (self->primary_switch, unit->primary_unit);
  self->syncing = FALSE;
  update_subtitle (self, unit);
  /* the department always keeps its own unit */
  gtk_widget_set_sensitive (self->remove_button, editable && !unit->primary_unit);
  gtk_widget_set_tooltip_text (self->remove_button, unit->primary_unit
                               ? _("The department’s own unit cannot be removed")
                               : _("Remove this unit"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->type_row), editable);
  gtk_widget_set_sensitive (self->primary_row, editable);
}

static void
on_item_changed (BudUnitsRow *self,
                 const char  *field)
{
  refresh (self);
}

static void
refuse (BudUnitsRow *self,
        const char  *message)
{
  bud_section_notify (GTK_WIDGET (self), message);
  refresh (self);
}

static void
on_type_selected (BudUnitsRow *self)
{
  BudUnit *unit = current_unit (self);
  guint selected = adw_combo_row_get_selected (self->type_row);
  g_autoptr(GError) error = NULL;

  if (self->syncing || unit == NULL || selected == GTK_INVALID_LIST_POSITION || (int) selected == unit->type)
    return;
  if (!bud_document_set_int (self->doc, BUD_KIND_UNIT, unit->id, "type", selected, &error))
    refuse (self, error->message);
}

/* Exactly one unit is the department's own: marking one unmarks the others,
 * in one undo step; the mark cannot simply be taken away. */
static void
on_primary_toggled (BudUnitsRow *self)
{
  BudUnit *unit = current_unit (self);
  gboolean active = gtk_switch_get_active (self->primary_switch);
  GPtrArray *units;
  g_autoptr(GError) error = NULL;

  if (self->syncing || unit == NULL || active == (unit->primary_unit != 0))
    return;
  if (!active)
    {
      refuse (self, _("The department needs its own unit: mark another unit as the department’s own instead"));
      return;
    }

  units = bud_document_items (self->doc, BUD_KIND_UNIT);
  if (!bud_document_begin (self->doc, &error))
    {
      refuse (self, error->message);
      return;
    }
  for (guint i = 0; i < units->len; i++)
    {
      BudUnit *other = g_ptr_array_index (units, i);

      if (other->id != unit->id && other->primary_unit &&
          !bud_document_set_int (self->doc, BUD_KIND_UNIT, other->id, "primary_unit", FALSE, &error))
        break;
    }
  if (error == NULL)
    bud_document_set_int (self->doc, BUD_KIND_UNIT, unit->id, "primary_unit", TRUE, &error);
  if (error == NULL)
    bud_document_commit (self->doc, &error);
  else
    bud_document_rollback (self->doc);
  if (error != NULL)
    refuse (self, error->message);
}

gint64
bud_units_row_get_id (BudUnitsRow *self)
{
  return bud_entity_item_get_id (self->item);
}

void
bud_units_row_set_summary (BudUnitsRow          *self,
                           const BudUnitSummary *summary)
{
  BudUnit *unit = current_unit (self);

  self->has_summary = summary != NULL;
  if (summary != NULL)
    self->summary = *summary;
  if (unit != NULL)
    update_subtitle (self, unit);
}

GtkWidget *
bud_units_row_get_field_row (BudUnitsRow *self,
                             const char  *field)
{
  if (g_str_equal (field, "name"))
    return self->name_row;
  if (g_str_equal (field, "code"))
    return self->code_row;
  if (g_str_equal (field, "type"))
    return GTK_WIDGET (self->type_row);
  if (g_str_equal (field, "primary_unit"))
    return GTK_WIDGET (self->primary_switch);
  return NULL;
}

static void
bud_units_row_dispose (GObject *object)
{
  BudUnitsRow *self = BUD_UNITS_ROW (object);

  g_clear_object (&self->item);
  g_clear_object (&self->doc);
  G_OBJECT_CLASS (bud_units_row_parent_class)->dispose (object);
}

static void
bud_units_row_class_init (BudUnitsRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bud_units_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deptbudget/DeptBudget/bud-units-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BudUnitsRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, BudUnitsRow, name_row);
  gtk_widget_class_bind_template_child (widget_class, BudUnitsRow, code_row);
  gtk_widget_class_bind_template_child (widget_class, BudUnitsRow, type_row);
  gtk_widget_class_bind_template_child (widget_class, BudUnitsRow, primary_row);
  gtk_widget_class_bind_template_child (widget_class, BudUnitsRow, primary_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_type_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_primary_toggled);
}

static void
bud_units_row_init (BudUnitsRow *self)
{
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);

  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  for (int t = BUD_UNIT_ADMIN; t <= BUD_UNIT_INSTITUTION; t++)
    gtk_string_list_append (types, bud_unit_type_label (t));
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (types));
  bud_field_binding_new (self->name_row, BUD_KIND_UNIT, "name");
  bud_field_binding_new (self->code_row, BUD_KIND_UNIT, "code");
  self->syncing = FALSE;
}

BudUnitsRow *
bud_units_row_new (BudEntityItem *item,
                   BudDocument   *doc)
{
  BudUnitsRow *self = g_object_new (BUD_TYPE_UNITS_ROW, NULL);
  gint64 id = bud_entity_item_get_id (item);

  self->item = g_object_ref (item);
  self->doc = g_object_ref (doc);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->remove_button), "x", id);
  bud_field_binding_set_target (bud_field_binding_get (self->name_row), doc, id);
  bud_field_binding_set_target (bud_field_binding_get (self->code_row), doc, id);
  g_signal_connect_object (item, "changed", G_CALLBACK (on_item_changed), self, G_CONNECT_SWAPPED);
  refresh (self);
  return self;
}
