/* bud-income-page.c — one row per income source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows are the fixed list of sources, so they are made from that list
 * rather than written out 17 times in the template.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bud-check.h"
#include "bud-field-binding.h"
#include "bud-income-page.h"
#include "bud-money.h"
#include "bud-section.h"

struct _BudIncomePage
{
  AdwBin        parent_instance;
  GtkGrid      *grid;
  GtkWidget    *entries[BUD_N_SOURCES];
  GtkWidget    *add_buttons[BUD_N_SOURCES];
  GtkLabel     *spent[BUD_N_SOURCES];
  GtkLabel     *left[BUD_N_SOURCES];
  BudDocument  *doc;
  gulong        changed_id;
};

static void bud_income_page_section_init (BudSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BudIncomePage, bud_income_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (BUD_TYPE_SECTION, bud_income_page_section_init))

static void
retarget (BudIncomePage *self)
{
  for (guint s = 0; s < BUD_N_SOURCES; s++)
    {
      BudIncome *inc = self->doc != NULL ? bud_document_find_income (self->doc, s) : NULL;
      BudFieldBinding *b = bud_field_binding_get (self->entries[s]);

      if (bud_field_binding_get_id (b) != (inc != NULL ? inc->id : 0) || inc == NULL)
        bud_field_binding_set_target (b, self->doc, inc != NULL ? inc->id : 0);
      gtk_widget_set_visible (self->entries[s], inc != NULL);
      gtk_widget_set_visible (self->add_buttons[s], inc == NULL);
      gtk_widget_set_sensitive (self->add_buttons[s],
                                self->doc != NULL && !bud_document_get_read_only (self->doc));
    }
}

static void
on_document_changed (BudIncomePage *self,
                     int            kind,
                     gint64         id,
                     const char    *field,
                     int            type)
{
  if (type == BUD_CHANGE_RELOAD ||
      (kind == BUD_KIND_INCOME && (type == BUD_CHANGE_INSERT || type == BUD_CHANGE_REMOVE)))
    retarget (self);
}

static void
on_add_clicked (GtkButton     *button,
                BudIncomePage *self)
{
  BudSource source = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "source"));
  BudIncome *inc;
  g_autoptr(GError) error = NULL;

  if (self->doc == NULL)
    return;
  inc = bud_entity_new (BUD_KIND_INCOME);
  inc->source = source;
  if (bud_document_insert (self->doc, BUD_KIND_INCOME, inc, -1, &error) == NULL)
    {
      bud_section_notify (GTK_WIDGET (self), error->message);
      return;
    }
  gtk_widget_grab_focus (self->entries[source]);
}

static void
income_set_document (BudSection  *section,
                     BudDocument *doc)
{
  BudIncomePage *self = BUD_INCOME_PAGE (section);

  bud_watch_document (&self->doc, &self->changed_id, doc, G_CALLBACK (on_document_changed), self);
  retarget (self);
}

static void
income_update (BudSection       *section,
               const BudSummary *summary)
{
  BudIncomePage *self = BUD_INCOME_PAGE (section);

  for (guint s = 0; s < BUD_N_SOURCES; s++)
    {
      g_autofree char *spent = bud_money_format (summary->spent[s], BUD_MONEY_YUAN, BUD_MONEY_FORMAT_GROUPING);
      g_autofree char *left = bud_money_format (summary->income[s] - summary->spent[s],
                                                BUD_MONEY_YUAN, BUD_MONEY_FORMAT_GROUPING);

      gtk_label_set_text (self->spent[s], spent);
      gtk_label_set_text (self->left[s], left);
      if (summary->income[s] != summary->spent[s])
        gtk_widget_add_css_class (GTK_WIDGET (self->left[s]), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->left[s]), "error");
    }
}

static gboolean
income_show_location (BudSection *section,
                      BudKind     kind,
                      gint64      id,
                      const char *field)
{
  BudIncomePage *self = BUD_INCOME_PAGE (section);
  BudIncome *inc = self->doc != NULL ? bud_document_lookup (self->doc, BUD_KIND_INCOME, id) : NULL;

  if (inc == NULL || inc->source < 0 || inc->source >= BUD_N_SOURCES)
    return FALSE;
  gtk_widget_grab_focus (self->entries[inc->source]);
  return TRUE;
}

static void
bud_income_page_section_init (BudSectionInterface *iface)
{
  iface->set_document = income_set_document;
  iface->update = income_update;
  iface->show_location = income_show_location;
}

GtkWidget *
bud_income_page_get_entry (BudIncomePage *self,
                           BudSource      source)
{
  g_return_val_if_fail (source < BUD_N_SOURCES, NULL);
  return self->entries[source];
}

const char *
bud_income_page_get_left (BudIncomePage *self,
                          BudSource      source)
{
  g_return_val_if_fail (source < BUD_N_SOURCES, NULL);
  return gtk_label_get_text (self->left[source]);
}

static void
bud_income_page_dispose (GObject *object)
{
  BudIncomePage *self = BUD_INCOME_PAGE (object);

  bud_watch_document (&self->doc, &self->changed_id, NULL, NULL, NULL);
  /* no gtk_widget_dispose_template (): AdwBin unparents its child itself, and
   * libadwaita 1.2 criticals when that child is already gone */
  G_OBJECT_CLASS (bud_income_page_parent_class)->dispose (object);
}

static void
bud_income_page_class_init (BudIncomePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bud_income_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deptbudget/DeptBudget/bud-income-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BudIncomePage, grid);
}

static GtkLabel *
money_label (void)
{
  GtkWidget *label = gtk_label_new ("");

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  return GTK_LABEL (label);
}

static void
bud_income_page_init (BudIncomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint s = 0; s < BUD_N_SOURCES; s++)
    {
      GtkWidget *name = gtk_label_new (bud_source_label (s));
      GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_grid_attach (self->grid, name, 0, s + 1, 1, 1);

      self->entries[s] = gtk_entry_new ();
      gtk_entry_set_alignment (GTK_ENTRY (self->entries[s]), 1);
      gtk_editable_set_width_chars (GTK_EDITABLE (self->entries[s]), 16);
      gtk_widget_add_css_class (self->entries[s], "numeric");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->entries[s]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, bud_source_label (s), -1);
      bud_field_binding_new (self->entries[s], BUD_KIND_INCOME, "amount");
      gtk_box_append (GTK_BOX (cell), self->entries[s]);

      self->add_buttons[s] = gtk_button_new_with_label (_("Add"));
      gtk_widget_set_halign (self->add_buttons[s], GTK_ALIGN_END);
      gtk_widget_set_hexpand (self->add_buttons[s], TRUE);
      gtk_widget_set_tooltip_text (self->add_buttons[s], _("Add this source to enter its approved amount"));
      g_object_set_data (G_OBJECT (self->add_buttons[s]), "source", GINT_TO_POINTER (s));
      g_signal_connect (self->add_buttons[s], "clicked", G_CALLBACK (on_add_clicked), self);
      gtk_box_append (GTK_BOX (cell), self->add_buttons[s]);
      gtk_grid_attach (self->grid, cell, 1, s + 1, 1, 1);

      self->spent[s] = money_label ();
      gtk_grid_attach (self->grid, GTK_WIDGET (self->spent[s]), 2, s + 1, 1, 1);
      self->left[s] = money_label ();
      gtk_grid_attach (self->grid, GTK_WIDGET (self->left[s]), 3, s + 1, 1, 1);
    }
}
