/* bud-code-picker.c — catalog search for code cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bud-catalog.h"
#include "bud-code-picker.h"

#define MAX_RESULTS 60

struct _BudCodePicker
{
  GtkPopover      parent_instance;
  GtkSearchEntry *search;
  GtkListBox     *results;
  GtkLabel       *hint;
  BudScheme       scheme;
  guint           n_results;
};

G_DEFINE_FINAL_TYPE (BudCodePicker, bud_code_picker, GTK_TYPE_POPOVER)

enum { CHOSEN, N_SIGNALS };
static guint signals[N_SIGNALS];

static BudCodeLevel
line_level (BudScheme scheme)
{
  return scheme == BUD_SCHEME_FUNCTIONAL ? BUD_CODE_LEVEL_ITEM : BUD_CODE_LEVEL_SECTION;
}

static void
fill (BudCodePicker *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search));
  g_autoptr(GPtrArray) found = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_list_box_remove (self->results, child);
  self->n_results = 0;

  /* search wide, then keep the codes a line can use */
  found = bud_catalog_search (NULL, self->scheme, query, 2000);
  for (guint i = 0; found != NULL && i < found->len && self->n_results < MAX_RESULTS; i++)
    {
      const BudCatalogEntry *e = g_ptr_array_index (found, i);
      g_autofree char *text = NULL;
      GtkWidget *label;

      if (e->level != line_level (self->scheme))
        continue;
      text = g_strdup_printf ("%s  %s", e->code, e->name);
      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_list_box_append (self->results, label);
      g_object_set_data_full (G_OBJECT (gtk_widget_get_parent (label)), "code", g_strdup (e->code), g_free);
      self->n_results++;
    }

  if (self->n_results == 0)
    gtk_label_set_text (self->hint, _("No code matches. Codes the catalog lacks can be typed in the cell."));
  else if (self->n_results == MAX_RESULTS)
    gtk_label_set_text (self->hint, _("Showing the first matches; type more to narrow the list."));
  else
    gtk_label_set_text (self->hint, "");
}

static void
on_search_changed (BudCodePicker *self)
{
  fill (self);
}

static void
choose (BudCodePicker *self,
        GtkListBoxRow *row)
{
  const char *code = g_object_get_data (G_OBJECT (row), "code");

  if (code == NULL)
    return;
  g_signal_emit (self, signals[CHOSEN], 0, code);
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_search_activate (BudCodePicker *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->results, 0);

  if (row != NULL)
    choose (self, row);
}

static void
on_row_activated (BudCodePicker *self,
                  GtkListBoxRow *row)
{
  choose (self, row);
}

static void
bud_code_picker_show (GtkWidget *widget)
{
  BudCodePicker *self = BUD_CODE_PICKER (widget);

  GTK_WIDGET_CLASS (bud_code_picker_parent_class)->show (widget);
  fill (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
}

static void
bud_code_picker_class_init (BudCodePickerClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->show = bud_code_picker_show;

  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deptbudget/DeptBudget/bud-code-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, BudCodePicker, search);
  gtk_widget_class_bind_template_child (widget_class, BudCodePicker, results);
  gtk_widget_class_bind_template_child (widget_class, BudCodePicker, hint);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
bud_code_picker_init (BudCodePicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

BudCodePicker *
bud_code_picker_new (BudScheme scheme)
{
  BudCodePicker *self = g_object_new (BUD_TYPE_CODE_PICKER, NULL);

  self->scheme = scheme;
  return self;
}

void
bud_code_picker_set_query (BudCodePicker *self,
                           const char    *query)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search), query);
  fill (self);
}

guint
bud_code_picker_get_n_results (BudCodePicker *self)
{
  return self->n_results;
}
