/* bud-performance-page.c — the department-wide target table as a section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bud-performance-page.h"
#include "bud-section.h"

struct _BudPerformancePage
{
  AdwBin           parent_instance;

  BudTargetEditor *editor;
};

static void bud_performance_page_section_init (BudSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BudPerformancePage, bud_performance_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (BUD_TYPE_SECTION, bud_performance_page_section_init))

BudTargetEditor *
bud_performance_page_get_editor (BudPerformancePage *self)
{
  return self->editor;
}

static void
performance_set_document (BudSection  *section,
                          BudDocument *doc)
{
  /* project 0: the department as a whole */
  bud_target_editor_set_target (BUD_PERFORMANCE_PAGE (section)->editor, doc, 0);
}

static void
performance_update (BudSection       *section,
                    const BudSummary *summary)
{
  bud_target_editor_update (BUD_PERFORMANCE_PAGE (section)->editor, summary);
}

static gboolean
performance_show_location (BudSection *section,
                           BudKind     kind,
                           gint64      id,
                           const char *field)
{
  BudPerformancePage *self = BUD_PERFORMANCE_PAGE (section);
  GtkWidget *row;

  if (kind != BUD_KIND_INDICATOR)
    return kind == BUD_KIND_TARGET;
  row = bud_target_editor_get_row (self->editor, id);
  if (row == NULL)
    return FALSE;
  gtk_widget_grab_focus (row);
  return TRUE;
}

static void
bud_performance_page_section_init (BudSectionInterface *iface)
{
  iface->set_document = performance_set_document;
  iface->update = performance_update;
  iface->show_location = performance_show_location;
}

static void
bud_performance_page_class_init (BudPerformancePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (BUD_TYPE_TARGET_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deptbudget/DeptBudget/bud-performance-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BudPerformancePage, editor);
}

static void
bud_performance_page_init (BudPerformancePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
