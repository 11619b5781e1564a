/* bud-projects-page.c — list of projects; fields and allocation items of the selected one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bud-field-binding.h"
#include "bud-money.h"
#include "bud-projects-page.h"
#include "bud-entity-item.h"
#include "bud-section.h"
#include "bud-target-editor.h"

struct _BudProjectsPage
{
  AdwBin               parent_instance;

  GtkLabel            *count_label;
  GtkWidget           *add_button;
  GtkWidget           *remove_button;
  GtkListView         *list;
  GtkStack            *editor_stack;
  GtkWidget           *name;
  GtkWidget           *code;
  AdwComboRow         *unit_row;
  GtkWidget           *execution;
  GtkWidget           *owner;
  GtkWidget           *policy_basis;
  GtkWidget           *add_allocation_button;
  GtkListBox          *allocations;
  AdwActionRow        *lines_row;
  BudTargetEditor     *target_editor;

  BudDocument         *doc;
  gulong               changed_id;
  BudKindModel        *projects;
  GtkSingleSelection  *selection;
  BudKindModel        *allocation_model;
  GtkFilterListModel  *project_allocations;
  GtkCustomFilter     *allocation_filter;
  GtkStringList       *unit_names;
  GArray              *unit_ids;        /* gint64, parallel to unit_names */
  gint64               current;
};

static void bud_projects_page_section_init (BudSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BudProjectsPage, bud_projects_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (BUD_TYPE_SECTION, bud_projects_page_section_init))

/* ---- the list ---- */

static void
refresh_project_label (GtkListItem *list_item)
{
  BudEntityItem *item = gtk_list_item_get_item (list_item);
  BudProject *project = item != NULL ? bud_entity_item_get_entity (item) : NULL;
  GtkWidget *label = gtk_list_item_get_child (list_item);

  if (project != NULL)
    gtk_label_set_text (GTK_LABEL (label), project->name);
}

static void
on_project_item_changed (BudEntityItem  *item,
                         const char  *field,
                         GtkListItem *list_item)
{
  refresh_project_label (list_item);
}

static void
setup_project (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new ("");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_project (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  g_signal_connect_object (gtk_list_item_get_item (list_item), "changed",
                           G_CALLBACK (on_project_item_changed), list_item, 0);
  refresh_project_label (list_item);
}

static void
unbind_project (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (list_item),
                                        on_project_item_changed, list_item);
}

/* ---- the editor ---- */

static void
fill_units (BudProjectsPage *self)
{
  GPtrArray *units = self->doc != NULL ? bud_document_items (self->doc, BUD_KIND_UNIT) : NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->unit_names));

  g_array_set_size (self->unit_ids, 0);
  gtk_string_list_splice (self->unit_names, 0, n, NULL);
  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      BudUnit *unit = g_ptr_array_index (units, i);
      gtk_string_list_append (self->unit_names, unit->name);
      g_array_append_val (self->unit_ids, unit->id);
    }
}

static void
show_unit (BudProjectsPage *self)
{
  BudProject *project = self->doc != NULL ? bud_document_lookup (self->doc, BUD_KIND_PROJECT, self->current) : NULL;

  g_signal_handlers_block_matched (self->unit_row, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  adw_combo_row_set_selected (self->unit_row, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; project != NULL && i < self->unit_ids->len; i++)
    if (g_array_index (self->unit_ids, gint64, i) == project->unit)
      adw_combo_row_set_selected (self->unit_row, i);
  g_signal_handlers_unblock_matched (self->unit_row, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

static void
on_unit_selected (BudProjectsPage *self)
{
  guint i = adw_combo_row_get_selected (self->unit_row);
  g_autoptr(GError) error = NULL;

  if (self->doc == NULL || self->current == 0 || i >= self->unit_ids->len)
    return;
  if (!bud_document_set_int (self->doc, BUD_KIND_PROJECT, self->current, "unit",
                             g_array_index (self->unit_ids, gint64, i), &error))
    {
      bud_section_notify (GTK_WIDGET (self), error->message);
      show_unit (self);
    }
}

static void
show_lines_summary (BudProjectsPage *self)
{
  GPtrArray *lines;
  gint64 total = 0;
  guint n = 0;
  g_autofree char *money = NULL;
  g_autofree char *text = NULL;

  if (self->doc == NULL || self->current == 0)
    return;
  lines = bud_document_items (self->doc, BUD_KIND_LINE);
  for (guint i = 0; i < lines->len; i++)
    {
      BudLine *line = g_ptr_array_index (lines, i);
      if (line->project == self->current)
        {
          n++;
          total += line->amount;
        }
    }
  money = bud_money_format (total, BUD_MONEY_YUAN, BUD_MONEY_FORMAT_GROUPING);
  /* Translators: number of budget lines of a project and their total in yuan */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u line, %s yuan", "%u lines, %s yuan", n), n, money);
  adw_action_row_set_subtitle (self->lines_row, text);
}

static void
show_project (BudProjectsPage *self,
              gint64           id)
{
  GtkWidget *editors[] = { self->name, self->code, self->execution, self->owner, self->policy_basis };

  self->current = id;
  for (guint i = 0; i < G_N_ELEMENTS (editors); i++)
    bud_field_binding_set_target (bud_field_binding_get (editors[i]), self->doc, id);
  gtk_filter_changed (GTK_FILTER (self->allocation_filter), GTK_FILTER_CHANGE_DIFFERENT);
  show_unit (self);
  show_lines_summary (self);
  bud_target_editor_set_target (self->target_editor, id != 0 ? self->doc : NULL, id);
  gtk_stack_set_visible_child_name (self->editor_stack, id != 0 ? "editor" : "empty");
  gtk_widget_set_sensitive (self->remove_button, id != 0 && !bud_document_get_read_only (self->doc));
}

static void
on_selection_changed (BudProjectsPage *self)
{
  BudEntityItem *item = gtk_single_selection_get_selected_item (self->selection);

  show_project (self, item != NULL ? bud_entity_item_get_id (item) : 0);
}

gint64
bud_projects_page_get_selected (BudProjectsPage *self)
{
  return self->current;
}

gboolean
bud_projects_page_select (BudProjectsPage *self,
                          gint64           project)
{
  gint pos = bud_kind_model_find (self->projects, project);

  if (pos < 0)
    return FALSE;
  gtk_single_selection_set_selected (self->selection, pos);
  gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", (guint) pos);
  return TRUE;
}

/* ---- allocation items ---- */

static gboolean
filter_allocation (gpointer item,
                   gpointer data)
{
  BudProjectsPage *self = data;
  BudAllocation *a = bud_entity_item_get_entity (item);

  return a != NULL && a->project == self->current && self->current != 0;
}

static void
on_remove_allocation (GtkButton       *button,
                      BudProjectsPage *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "id");
  g_autoptr(GError) error = NULL;

  if (!bud_document_remove (self->doc, BUD_KIND_ALLOCATION, id, &error))
    bud_section_notify (GTK_WIDGET (self), error->message);
}

static GtkWidget *
create_allocation_row (gpointer item,
                       gpointer data)
{
  BudProjectsPage *self = data;
  gint64 id = bud_entity_item_get_id (item);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *purpose = gtk_entry_new ();
  GtkWidget *amount = gtk_entry_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  gtk_widget_set_hexpand (purpose, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (purpose), _("Purpose"));
  bud_field_binding_new (purpose, BUD_KIND_ALLOCATION, "purpose");
  bud_field_binding_set_target (bud_field_binding_get (purpose), self->doc, id);

  gtk_entry_set_alignment (GTK_ENTRY (amount), 1);
  gtk_editable_set_width_chars (GTK_EDITABLE (amount), 16);
  gtk_widget_add_css_class (amount, "numeric");
  gtk_entry_set_placeholder_text (GTK_ENTRY (amount), _("Amount"));
  bud_field_binding_new (amount, BUD_KIND_ALLOCATION, "amount");
  bud_field_binding_set_target (bud_field_binding_get (amount), self->doc, id);

  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove this allocation item"));
  g_object_set_data_full (G_OBJECT (remove), "id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_allocation), self);
  gtk_widget_set_sensitive (remove, !bud_document_get_read_only (self->doc));

  gtk_box_append (GTK_BOX (box), purpose);
  gtk_box_append (GTK_BOX (box), amount);
  gtk_box_append (GTK_BOX (box), remove);
  return box;
}

static void
on_add_allocation_clicked (BudProjectsPage *self)
{
  BudAllocation *a;
  g_autoptr(GError) error = NULL;

  if (self->doc == NULL || self->current == 0)
    return;
  a = bud_entity_new (BUD_KIND_ALLOCATION);
  a->project = self->current;
  g_free (a->purpose);
  a->purpose = g_strdup (_("New item"));
  if (bud_document_insert (self->doc, BUD_KIND_ALLOCATION, a, -1, &error) == NULL)
    bud_section_notify (GTK_WIDGET (self), error->message);
}

/* ---- adding and removing projects ---- */

static void
on_add_clicked (BudProjectsPage *self)
{
  BudProject *p;
  GPtrArray *units;
  g_autoptr(GError) error = NULL;

  if (self->doc == NULL)
    return;
  units = bud_document_items (self->doc, BUD_KIND_UNIT);
  if (units->len == 0)
    {
      bud_section_notify (GTK_WIDGET (self), _("Add a unit before adding projects: every project has an undertaking unit"));
      return;
    }
  p = bud_entity_new (BUD_KIND_PROJECT);
  g_free (p->name);
  p->name = g_strdup (_("New project"));
  p->unit = ((BudUnit *) g_ptr_array_index (units, 0))->id;
  p = bud_document_insert (self->doc, BUD_KIND_PROJECT, p, -1, &error);
  if (p == NULL)
    {
      bud_section_notify (GTK_WIDGET (self), error->message);
      return;
    }
  bud_projects_page_select (self, p->id);
  gtk_widget_grab_focus (self->name);
}

static void
on_remove_clicked (BudProjectsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->doc == NULL || self->current == 0)
    return;
  /* lines refer to the project: the document refuses and says so */
  if (!bud_document_remove (self->doc, BUD_KIND_PROJECT, self->current, &error))
    bud_section_notify (GTK_WIDGET (self), error->message);
}

/* ---- section ---- */

static void
update_count (BudProjectsPage *self)
{
  guint n = self->doc != NULL ? bud_document_count (self->doc, BUD_KIND_PROJECT) : 0;
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project", "%u projects", n), n);

  gtk_label_set_text (self->count_label, text);
}

static void
on_document_changed (BudProjectsPage *self,
                     int              kind,
                     gint64           id,
                     const char      *field,
                     int              type)
{
  if (type == BUD_CHANGE_RELOAD || kind == BUD_KIND_UNIT)
    {
      fill_units (self);
      show_unit (self);
    }
  if (kind == BUD_KIND_PROJECT && id == self->current && g_strcmp0 (field, "unit") == 0)
    show_unit (self);
  if (kind == BUD_KIND_PROJECT || type == BUD_CHANGE_RELOAD)
    update_count (self);
  if (kind == BUD_KIND_LINE || type == BUD_CHANGE_RELOAD)
    show_lines_summary (self);
}

static void
projects_set_document (BudSection  *section,
                       BudDocument *doc)
{
  BudProjectsPage *self = BUD_PROJECTS_PAGE (section);

  bud_watch_document (&self->doc, &self->changed_id, doc, G_CALLBACK (on_document_changed), self);
  show_project (self, 0);
  fill_units (self);
  bud_kind_model_set_document (self->allocation_model, doc);
  bud_kind_model_set_document (self->projects, doc);
  /* open on the first project rather than an empty editor */
  if (doc != NULL && bud_document_count (doc, BUD_KIND_PROJECT) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
  gtk_widget_set_sensitive (self->add_button, doc != NULL && !bud_document_get_read_only (doc));
  gtk_widget_set_sensitive (self->add_allocation_button, doc != NULL && !bud_document_get_read_only (doc));
  update_count (self);
}

static gboolean
projects_show_location (BudSection *section,
                        BudKind     kind,
                        gint64      id,
                        const char *field)
{
  BudProjectsPage *self = BUD_PROJECTS_PAGE (section);

  if (kind == BUD_KIND_ALLOCATION)
    {
      BudAllocation *a = bud_document_lookup (self->doc, BUD_KIND_ALLOCATION, id);
      if (a == NULL)
        return FALSE;
      id = a->project;
    }
  else if (kind == BUD_KIND_TARGET || kind == BUD_KIND_INDICATOR)
    {
      BudTarget *t;

      if (kind == BUD_KIND_INDICATOR)
        {
          BudIndicator *ind = bud_document_lookup (self->doc, BUD_KIND_INDICATOR, id);
          id = ind != NULL ? ind->target : 0;
        }
      t = bud_document_lookup (self->doc, BUD_KIND_TARGET, id);
      if (t == NULL || !bud_projects_page_select (self, t->project))
        return FALSE;
      return TRUE;
    }
  else if (kind != BUD_KIND_PROJECT)
    return FALSE;
  if (!bud_projects_page_select (self, id))
    return FALSE;
  if (g_strcmp0 (field, "name") == 0)
    gtk_widget_grab_focus (self->name);
  else if (g_strcmp0 (field, "code") == 0)
    gtk_widget_grab_focus (self->code);
  return TRUE;
}

static void
projects_update (BudSection       *section,
                 const BudSummary *summary)
{
  bud_target_editor_update (BUD_PROJECTS_PAGE (section)->target_editor, summary);
}

BudTargetEditor *
bud_projects_page_get_target_editor (BudProjectsPage *self)
{
  return self->target_editor;
}

static void
bud_projects_page_section_init (BudSectionInterface *iface)
{
  iface->update = projects_update;
  iface->set_document = projects_set_document;
  iface->show_location = projects_show_location;
}

static void
bud_projects_page_dispose (GObject *object)
{
  BudProjectsPage *self = BUD_PROJECTS_PAGE (object);

  bud_watch_document (&self->doc, &self->changed_id, NULL, NULL, NULL);
  /* no gtk_widget_dispose_template (): AdwBin unparents its child itself, and
   * libadwaita 1.2 criticals when that child is already gone */
  g_clear_object (&self->selection);
  g_clear_object (&self->project_allocations);
  g_clear_object (&self->allocation_filter);
  g_clear_object (&self->unit_names);
  g_clear_pointer (&self->unit_ids, g_array_unref);
  G_OBJECT_CLASS (bud_projects_page_parent_class)->dispose (object);
}

static void
bud_projects_page_class_init (BudProjectsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bud_projects_page_dispose;
  g_type_ensure (BUD_TYPE_TARGET_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deptbudget/DeptBudget/bud-projects-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BudProjectsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, BudProjectsPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, BudProjectsPage, remove_button);
  gtk_widget_class_bind_template_child (widget_class, BudProjectsPage, list);
  gtk_widget_class_bind_template_child (widget_class, BudProjectsPage, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, BudProjectsPage, name);
  gtk_widget_class_bind_template_child (widget_class, BudProjectsPage, code);
  gtk_widget_class_bind_template_child (widget_class, BudProjectsPage, unit_row);
  gtk_widget_class_bind_template_child (widget_class, BudProjectsPage, execution);
  gtk_widget_class_bind_template_child (widget_class, BudProjectsPage, owner);
  gtk_widget_class_bind_template_child (widget_class, BudProjectsPage, policy_basis);
  gtk_widget_class_bind_template_child (widget_class, BudProjectsPage, add_allocation_button);
  gtk_widget_class_bind_template_child (widget_class, BudProjectsPage, allocations);
  gtk_widget_class_bind_template_child (widget_class, BudProjectsPage, lines_row);
  gtk_widget_class_bind_template_child (widget_class, BudProjectsPage, target_editor);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_add_allocation_clicked);
}

static void
bud_projects_page_init (BudProjectsPage *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  bud_field_binding_new (self->name, BUD_KIND_PROJECT, "name");
  bud_field_binding_new (self->code, BUD_KIND_PROJECT, "code");
  bud_field_binding_new (self->execution, BUD_KIND_PROJECT, "execution");
  bud_field_binding_new (self->owner, BUD_KIND_PROJECT, "owner");
  bud_field_binding_new (self->policy_basis, BUD_KIND_PROJECT, "policy_basis");

  self->unit_names = gtk_string_list_new (NULL);
  self->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  adw_combo_row_set_model (self->unit_row, G_LIST_MODEL (self->unit_names));

  self->projects = bud_kind_model_new (BUD_KIND_PROJECT);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->projects));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_selection_changed), self);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_project), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_project), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_project), NULL);
  gtk_list_view_set_factory (self->list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));

  self->allocation_model = bud_kind_model_new (BUD_KIND_ALLOCATION);
  self->allocation_filter = gtk_custom_filter_new (filter_allocation, self, NULL);
  self->project_allocations = gtk_filter_list_model_new (G_LIST_MODEL (self->allocation_model),
                                                         g_object_ref (GTK_FILTER (self->allocation_filter)));
  gtk_list_box_bind_model (self->allocations, G_LIST_MODEL (self->project_allocations),
                           create_allocation_row, self, NULL);
}
