/* bud-carryovers-page.c — 上年结转: last year's unspent money carried over, item by item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document holds a handful of items at most, so the page is a plain grid
 * made again when items come or go; the name and amount are BudFieldBindings,
 * the two drop-downs write through the document themselves.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bud-carryovers-page.h"
#include "bud-check.h"
#include "bud-derived.h"
#include "bud-field-binding.h"
#include "bud-money.h"
#include "bud-section.h"

typedef struct
{
  gint64      id;
  GtkWidget  *name;
  GtkWidget  *source;
  GtkWidget  *kind;
  GtkWidget  *amount;
  GtkWidget  *spent;
  GtkWidget  *left;
  GtkWidget  *remove;
} Row;

struct _BudCarryoversPage
{
  AdwBin        parent_instance;
  GtkGrid      *grid;
  GtkWidget    *add_button;
  GtkLabel     *findings_label;
  GtkWidget    *empty_label;
  GPtrArray    *rows;      /* Row * */
  BudDocument  *doc;
  gulong        changed_id;
  gboolean      loading;   /* setting a drop-down ourselves: not the user choosing */
};

static void bud_carryovers_page_section_init (BudSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BudCarryoversPage, bud_carryovers_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (BUD_TYPE_SECTION, bud_carryovers_page_section_init))

/* An item's source can only be one of the 结转 sources; the drop-down lists them in enum order. */
static BudSource
source_at (guint position)
{
  guint n = 0;

  for (guint s = 0; s < BUD_N_SOURCES; s++)
    if (bud_source_is_carry (s) && n++ == position)
      return s;
  return BUD_N_SOURCES;
}

static guint
position_of_source (int source)
{
  guint n = 0;

  for (guint s = 0; s < BUD_N_SOURCES; s++)
    if (bud_source_is_carry (s))
      {
        if ((int) s == source)
          return n;
        n++;
      }
  /* not a carry-over source (an imported file): shown blank, the check says why */
  return GTK_INVALID_LIST_POSITION;
}

static Row *
find_row (BudCarryoversPage *self,
          gint64             id)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      if (row->id == id)
        return row;
    }
  return NULL;
}

static gboolean
editable (BudCarryoversPage *self)
{
  return self->doc != NULL && !bud_document_get_read_only (self->doc);
}

/* The drop-downs show what the document holds (after undo, too). */
static void
sync_choices (BudCarryoversPage *self,
              Row               *row)
{
  const BudCarryover *c = bud_document_lookup (self->doc, BUD_KIND_CARRYOVER, row->id);

  if (c == NULL)
    return;
  self->loading = TRUE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (row->source), position_of_source (c->source));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (row->kind), c->kind == BUD_SPEND_PROJECT ? 1 : 0);
  self->loading = FALSE;
}

static void
set_money (GtkWidget *label,
           gint64     fen)
{
  g_autofree char *text = bud_money_format (fen, BUD_MONEY_YUAN, BUD_MONEY_FORMAT_GROUPING);

  gtk_label_set_text (GTK_LABEL (label), text);
}

/* Σ of the lines spending each item and what is left of it. */
static void
refresh_amounts (BudCarryoversPage *self)
{
  for (guint i = 0; self->doc != NULL && i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      const BudCarryover *c = bud_document_lookup (self->doc, BUD_KIND_CARRYOVER, row->id);
      guint n = 0;
      gint64 spent;
      g_autofree char *tooltip = NULL;

      if (c == NULL)
        continue;
      spent = bud_derived_carryover_spent (self->doc, row->id, &n);
      set_money (row->spent, spent);
      tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u budget line spends this item",
                                              "%u budget lines spend this item", n), n);
      gtk_widget_set_tooltip_text (row->spent, tooltip);
      set_money (row->left, c->amount - spent);
      if (c->amount != spent)
        gtk_widget_add_css_class (row->left, "error");
      else
        gtk_widget_remove_css_class (row->left, "error");
    }
}

static void
on_choice_changed (GtkDropDown       *drop_down,
                   GParamSpec        *pspec,
                   BudCarryoversPage *self)
{
  Row *row = g_object_get_data (G_OBJECT (drop_down), "row");
  const BudCarryover *c;
  guint selected = gtk_drop_down_get_selected (drop_down);
  gboolean is_source = GTK_WIDGET (drop_down) == row->source;
  gint64 value;
  g_autoptr(GError) error = NULL;

  if (self->loading || self->doc == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  c = bud_document_lookup (self->doc, BUD_KIND_CARRYOVER, row->id);
  if (c == NULL)
    return;
  value = is_source ? (gint64) source_at (selected) : (selected == 1 ? BUD_SPEND_PROJECT : BUD_SPEND_BASIC);
  if (value == (is_source ? c->source : c->kind))
    return;
  if (!bud_document_set_int (self->doc, BUD_KIND_CARRYOVER, row->id, is_source ? "source" : "kind", value, &error))
    {
      bud_section_notify (GTK_WIDGET (self), error->message);
      sync_choices (self, row);
    }
}

static void
on_remove_clicked (GtkButton         *button,
                   BudCarryoversPage *self)
{
  Row *row = g_object_get_data (G_OBJECT (button), "row");
  const BudCarryover *c = self->doc != NULL ? bud_document_lookup (self->doc, BUD_KIND_CARRYOVER, row->id) : NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (c == NULL)
    return;
  /* Refused rather than unlinking the lines: a line on a 结转 source without
   * its item is an error to chase, and its money would silently leave 表12.
   * The user decides where those lines go. */
  bud_derived_carryover_spent (self->doc, row->id, &n);
  if (n > 0)
    {
      g_autofree char *msg = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "“%s” is spent by %u budget line: point it at another item or remove it first",
                                                           "“%s” is spent by %u budget lines: point them at another item or remove them first",
                                                           n),
                                              c->name, n);
      bud_section_notify (GTK_WIDGET (self), msg);
      return;
    }
  if (!bud_document_remove (self->doc, BUD_KIND_CARRYOVER, row->id, &error))
    bud_section_notify (GTK_WIDGET (self), error->message);
}

static void
on_add_clicked (BudCarryoversPage *self)
{
  BudCarryover *c;
  Row *row;
  g_autoptr(GError) error = NULL;

  if (self->doc == NULL)
    return;
  c = bud_entity_new (BUD_KIND_CARRYOVER);
  /* the name is required: start from one the user types over */
  g_free (c->name);
  c->name = g_strdup (_("New carry-over item"));
  c->source = BUD_SOURCE_CARRY_GENERAL;
  c->kind = BUD_SPEND_BASIC;
  c = bud_document_insert (self->doc, BUD_KIND_CARRYOVER, c, -1, &error);
  if (c == NULL)
    {
      bud_section_notify (GTK_WIDGET (self), error->message);
      return;
    }
  row = find_row (self, c->id);
  if (row != NULL)
    {
      gtk_widget_grab_focus (row->name);
      gtk_editable_select_region (GTK_EDITABLE (row->name), 0, -1);
    }
}

static void
attach_header (BudCarryoversPage *self,
               const char        *text,
               int                column,
               float              xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (self->grid, label, column, 0, 1, 1);
}

static GtkWidget *
money_label (void)
{
  GtkWidget *label = gtk_label_new ("");

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  return label;
}

static GtkWidget *
new_drop_down (BudCarryoversPage *self,
               Row               *row,
               const char       **labels,
               const char        *accessible_label)
{
  GtkWidget *drop_down = gtk_drop_down_new_from_strings (labels);

  g_object_set_data (G_OBJECT (drop_down), "row", row);
  g_signal_connect (drop_down, "notify::selected", G_CALLBACK (on_choice_changed), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  gtk_widget_set_sensitive (drop_down, editable (self));
  return drop_down;
}

static void
add_row (BudCarryoversPage  *self,
         const BudCarryover *c,
         int                 y)
{
  Row *row = g_new0 (Row, 1);
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  const char *kinds[] = { _("Basic expenditure"), _("Project expenditure"), NULL };

  row->id = c->id;
  for (guint s = 0; s < BUD_N_SOURCES; s++)
    if (bud_source_is_carry (s))
      g_ptr_array_add (sources, (gpointer) bud_source_label (s));
  g_ptr_array_add (sources, NULL);

  row->name = gtk_entry_new ();
  gtk_widget_set_hexpand (row->name, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (row->name), 28);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->name), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Carry-over item"), -1);
  bud_field_binding_new (row->name, BUD_KIND_CARRYOVER, "name");
  bud_field_binding_set_target (bud_field_binding_get (row->name), self->doc, c->id);
  gtk_grid_attach (self->grid, row->name, 0, y, 1, 1);

  row->source = new_drop_down (self, row, (const char **) sources->pdata, _("Source"));
  gtk_grid_attach (self->grid, row->source, 1, y, 1, 1);
  row->kind = new_drop_down (self, row, kinds, _("Basic or project"));
  gtk_grid_attach (self->grid, row->kind, 2, y, 1, 1);

  row->amount = gtk_entry_new ();
  gtk_entry_set_alignment (GTK_ENTRY (row->amount), 1);
  gtk_editable_set_width_chars (GTK_EDITABLE (row->amount), 14);
  gtk_widget_add_css_class (row->amount, "numeric");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->amount), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Amount"), -1);
  bud_field_binding_new (row->amount, BUD_KIND_CARRYOVER, "amount");
  bud_field_binding_set_target (bud_field_binding_get (row->amount), self->doc, c->id);
  gtk_grid_attach (self->grid, row->amount, 3, y, 1, 1);

  row->spent = money_label ();
  gtk_grid_attach (self->grid, row->spent, 4, y, 1, 1);
  row->left = money_label ();
  gtk_grid_attach (self->grid, row->left, 5, y, 1, 1);

  row->remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (row->remove, "flat");
  gtk_widget_set_valign (row->remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (row->remove, _("Remove this item"));
  gtk_widget_set_sensitive (row->remove, editable (self));
  g_object_set_data (G_OBJECT (row->remove), "row", row);
  g_signal_connect (row->remove, "clicked", G_CALLBACK (on_remove_clicked), self);
  gtk_grid_attach (self->grid, row->remove, 6, y, 1, 1);

  g_ptr_array_add (self->rows, row);
  sync_choices (self, row);
}

static void
rebuild (BudCarryoversPage *self)
{
  GPtrArray *items = self->doc != NULL ? bud_document_items (self->doc, BUD_KIND_CARRYOVER) : NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *child;

  /* focus must not stay on a row about to go (GTK trips over it later) */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->grid)) &&
      !gtk_widget_grab_focus (self->add_button))
    gtk_root_set_focus (root, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  g_ptr_array_set_size (self->rows, 0);

  gtk_widget_set_sensitive (self->add_button, editable (self));
  gtk_widget_set_visible (self->empty_label, items != NULL && items->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->grid), items != NULL && items->len > 0);
  if (items == NULL || items->len == 0)
    return;

  attach_header (self, _("Item"), 0, 0);
  attach_header (self, _("Source"), 1, 0);
  attach_header (self, _("Basic or project"), 2, 0);
  attach_header (self, _("Amount"), 3, 1);
  attach_header (self, _("Spent by lines"), 4, 1);
  attach_header (self, _("Left"), 5, 1);
  for (guint i = 0; i < items->len; i++)
    add_row (self, g_ptr_array_index (items, i), i + 1);
  refresh_amounts (self);
}

static void
on_document_changed (BudCarryoversPage *self,
                     int                kind,
                     gint64             id,
                     const char        *field,
                     int                type)
{
  if (type == BUD_CHANGE_RELOAD ||
      (kind == BUD_KIND_CARRYOVER && type != BUD_CHANGE_UPDATE))
    rebuild (self);
  else if (kind == BUD_KIND_CARRYOVER)
    {
      Row *row = find_row (self, id);

      if (row != NULL)
        sync_choices (self, row);
    }
}

static void
carryovers_set_document (BudSection  *section,
                         BudDocument *doc)
{
  BudCarryoversPage *self = BUD_CARRYOVERS_PAGE (section);

  bud_watch_document (&self->doc, &self->changed_id, doc, G_CALLBACK (on_document_changed), self);
  gtk_widget_set_visible (GTK_WIDGET (self->findings_label), FALSE);
  rebuild (self);
}

static void
carryovers_update (BudSection       *section,
                   const BudSummary *summary)
{
  BudCarryoversPage *self = BUD_CARRYOVERS_PAGE (section);
  g_autoptr(GString) text = g_string_new (NULL);

  refresh_amounts (self);
  for (guint i = 0; summary != NULL && i < summary->findings->len; i++)
    {
      const BudFinding *f = g_ptr_array_index (summary->findings, i);

      if (!g_str_has_prefix (f->rule, "carryover."))
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s %s", f->severity == BUD_SEVERITY_ERROR ? "✖" : "⚠", f->message);
    }
  gtk_label_set_text (self->findings_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->findings_label), text->len > 0);
}

GtkWidget *
bud_carryovers_page_get_field_widget (BudCarryoversPage *self,
                                      gint64             id,
                                      const char        *field)
{
  Row *row = find_row (self, id);

  if (row == NULL)
    return NULL;
  if (g_strcmp0 (field, "source") == 0)
    return row->source;
  if (g_strcmp0 (field, "kind") == 0)
    return row->kind;
  if (g_strcmp0 (field, "amount") == 0)
    return row->amount;
  return row->name;
}

static gboolean
carryovers_show_location (BudSection *section,
                          BudKind     kind,
                          gint64      id,
                          const char *field)
{
  BudCarryoversPage *self = BUD_CARRYOVERS_PAGE (section);
  GtkWidget *widget = kind == BUD_KIND_CARRYOVER ? bud_carryovers_page_get_field_widget (self, id, field) : NULL;

  /* focusing scrolls the row into view: the viewport follows the focus */
  return widget != NULL && gtk_widget_grab_focus (widget);
}

static void
bud_carryovers_page_section_init (BudSectionInterface *iface)
{
  iface->set_document = carryovers_set_document;
  iface->update = carryovers_update;
  iface->show_location = carryovers_show_location;
}

GtkWidget *
bud_carryovers_page_get_add_button (BudCarryoversPage *self)
{
  return self->add_button;
}

GtkWidget *
bud_carryovers_page_get_remove_button (BudCarryoversPage *self,
                                       gint64             id)
{
  Row *row = find_row (self, id);
  return row != NULL ? row->remove : NULL;
}

const char *
bud_carryovers_page_get_spent (BudCarryoversPage *self,
                               gint64             id)
{
  Row *row = find_row (self, id);
  return row != NULL ? gtk_label_get_text (GTK_LABEL (row->spent)) : NULL;
}

const char *
bud_carryovers_page_get_left (BudCarryoversPage *self,
                              gint64             id)
{
  Row *row = find_row (self, id);
  return row != NULL ? gtk_label_get_text (GTK_LABEL (row->left)) : NULL;
}

const char *
bud_carryovers_page_get_findings_text (BudCarryoversPage *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->findings_label)) ? gtk_label_get_text (self->findings_label) : "";
}

static void
bud_carryovers_page_dispose (GObject *object)
{
  BudCarryoversPage *self = BUD_CARRYOVERS_PAGE (object);

  bud_watch_document (&self->doc, &self->changed_id, NULL, NULL, NULL);
  /* no gtk_widget_dispose_template (): AdwBin unparents its child itself, and
   * libadwaita 1.2 criticals when that child is already gone */
  G_OBJECT_CLASS (bud_carryovers_page_parent_class)->dispose (object);
}

static void
bud_carryovers_page_finalize (GObject *object)
{
  BudCarryoversPage *self = BUD_CARRYOVERS_PAGE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (bud_carryovers_page_parent_class)->finalize (object);
}

static void
bud_carryovers_page_class_init (BudCarryoversPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bud_carryovers_page_dispose;
  G_OBJECT_CLASS (klass)->finalize = bud_carryovers_page_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deptbudget/DeptBudget/bud-carryovers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BudCarryoversPage, grid);
  gtk_widget_class_bind_template_child (widget_class, BudCarryoversPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, BudCarryoversPage, findings_label);
  gtk_widget_class_bind_template_child (widget_class, BudCarryoversPage, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
}

static void
bud_carryovers_page_init (BudCarryoversPage *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  rebuild (self);
}
