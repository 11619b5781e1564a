/* bud-overview-page.c — 概况: forms bound field by field to the document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bud-field-binding.h"
#include "bud-overview-page.h"
#include "bud-section.h"
#include "bud-units-group.h"

typedef struct {
  const char *id;     /* template child id = field name */
  BudKind     kind;
} FieldSpec;

static const FieldSpec fields[] = {
  { "department", BUD_KIND_META },
  { "department_code", BUD_KIND_META },
  { "year", BUD_KIND_META },
  { "date", BUD_KIND_META },
  { "functions", BUD_KIND_PROFILE },
  { "structure", BUD_KIND_PROFILE },
  { "contact", BUD_KIND_PROFILE },
  { "phone", BUD_KIND_PROFILE },
  { "staff_authorized", BUD_KIND_PROFILE },
  { "staff_active", BUD_KIND_PROFILE },
  { "staff_retired", BUD_KIND_PROFILE },
  { "staff_veteran", BUD_KIND_PROFILE },
  { "staff_authorized_last", BUD_KIND_PROFILE },
  { "staff_active_last", BUD_KIND_PROFILE },
  { "staff_retired_last", BUD_KIND_PROFILE },
  { "staff_veteran_last", BUD_KIND_PROFILE },
};

struct _BudOverviewPage
{
  AdwBin          parent_instance;
  GtkWidget      *widgets[G_N_ELEMENTS (fields)];
  BudUnitsGroup  *units_group;
};

static void bud_overview_page_section_init (BudSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BudOverviewPage, bud_overview_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (BUD_TYPE_SECTION, bud_overview_page_section_init))

GtkWidget *
bud_overview_page_get_field_widget (BudOverviewPage *self,
                                    const char      *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].id, field))
      return self->widgets[i];
  return NULL;
}

static void
overview_set_document (BudSection  *section,
                       BudDocument *doc)
{
  BudOverviewPage *self = BUD_OVERVIEW_PAGE (section);

  /* the singletons always have id 1 */
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    bud_field_binding_set_target (bud_field_binding_get (self->widgets[i]), doc, doc != NULL ? 1 : 0);
  bud_units_group_set_document (self->units_group, doc);
}

static void
overview_update (BudSection       *section,
                 const BudSummary *summary)
{
  /* the lines each unit has change with any edit of the lines */
  bud_units_group_refresh (BUD_OVERVIEW_PAGE (section)->units_group);
}

BudUnitsGroup *
bud_overview_page_get_units_group (BudOverviewPage *self)
{
  return self->units_group;
}

static gboolean
overview_show_location (BudSection *section,
                        BudKind     kind,
                        gint64      id,
                        const char *field)
{
  BudOverviewPage *self = BUD_OVERVIEW_PAGE (section);
  GtkWidget *widget = NULL;

  if (kind == BUD_KIND_UNIT)
    {
      BudUnitsRow *row = bud_units_group_get_row (self->units_group, id);

      if (row == NULL)
        return FALSE;
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      widget = field != NULL ? bud_units_row_get_field_row (row, field) : NULL;
      gtk_widget_grab_focus (widget != NULL ? widget : GTK_WIDGET (row));
      return TRUE;
    }
  if (field != NULL)
    widget = bud_overview_page_get_field_widget (self, field);
  if (widget == NULL)
    return FALSE;
  gtk_widget_grab_focus (widget);
  return TRUE;
}

static void
bud_overview_page_section_init (BudSectionInterface *iface)
{
  iface->set_document = overview_set_document;
  iface->update = overview_update;
  iface->show_location = overview_show_location;
}

static void
bud_overview_page_dispose (GObject *object)
{
  /* no gtk_widget_dispose_template (): AdwBin unparents its child itself, and
   * libadwaita 1.2 criticals when that child is already gone */
  G_OBJECT_CLASS (bud_overview_page_parent_class)->dispose (object);
}

static void
bud_overview_page_class_init (BudOverviewPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bud_overview_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deptbudget/DeptBudget/bud-overview-page.ui");
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    gtk_widget_class_bind_template_child_full (widget_class, fields[i].id, FALSE,
                                               G_STRUCT_OFFSET (BudOverviewPage, widgets) + i * sizeof (GtkWidget *));
  gtk_widget_class_bind_template_child (widget_class, BudOverviewPage, units_group);
}

static void
bud_overview_page_init (BudOverviewPage *self)
{
  g_type_ensure (BUD_TYPE_UNITS_GROUP);
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    bud_field_binding_new (self->widgets[i], fields[i].kind, fields[i].id);
}
