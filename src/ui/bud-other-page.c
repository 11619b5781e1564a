/* bud-other-page.c — the procurement and assets figures, one entry row per field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both are singletons whose fields the schema describes completely, so the rows
 * are made from the field tables: a field added there shows here.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bud-field-binding.h"
#include "bud-other-page.h"
#include "bud-section.h"

struct _BudOtherPage
{
  AdwBin        parent_instance;
  GPtrArray    *rows;        /* AdwEntryRow, each with its BudFieldBinding */
  BudDocument  *doc;
  gulong        changed_id;
};

static void bud_other_page_section_init (BudSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BudOtherPage, bud_other_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (BUD_TYPE_SECTION, bud_other_page_section_init))

static BudKind
row_kind (GtkWidget *row)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "kind"));
}

static void
retarget (BudOtherPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      gint64 *entity = self->doc != NULL ? bud_document_singleton (self->doc, row_kind (row)) : NULL;

      /* every entity struct starts with its id */
      bud_field_binding_set_target (bud_field_binding_get (row), self->doc, entity != NULL ? *entity : 0);
    }
}

static void
on_document_changed (BudOtherPage *self,
                     int           kind,
                     gint64        id,
                     const char   *field,
                     int           type)
{
  if (type == BUD_CHANGE_RELOAD)
    retarget (self);
}

static void
other_set_document (BudSection  *section,
                    BudDocument *doc)
{
  BudOtherPage *self = BUD_OTHER_PAGE (section);

  bud_watch_document (&self->doc, &self->changed_id, doc, G_CALLBACK (on_document_changed), self);
  retarget (self);
}

GtkWidget *
bud_other_page_get_row (BudOtherPage *self,
                        BudKind       kind,
                        const char   *field)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (row_kind (row) == kind && g_str_equal (g_object_get_data (G_OBJECT (row), "field"), field))
        return row;
    }
  return NULL;
}

static gboolean
other_show_location (BudSection *section,
                     BudKind     kind,
                     gint64      id,
                     const char *field)
{
  BudOtherPage *self = BUD_OTHER_PAGE (section);
  GtkWidget *row = NULL;

  if (field != NULL)
    row = bud_other_page_get_row (self, kind, field);
  for (guint i = 0; row == NULL && i < self->rows->len; i++)
    if (row_kind (g_ptr_array_index (self->rows, i)) == kind)
      row = g_ptr_array_index (self->rows, i);
  if (row == NULL)
    return FALSE;
  gtk_widget_grab_focus (row);
  return TRUE;
}

static void
bud_other_page_section_init (BudSectionInterface *iface)
{
  iface->set_document = other_set_document;
  iface->show_location = other_show_location;
}

static void
bud_other_page_dispose (GObject *object)
{
  BudOtherPage *self = BUD_OTHER_PAGE (object);

  bud_watch_document (&self->doc, &self->changed_id, NULL, NULL, NULL);
  G_OBJECT_CLASS (bud_other_page_parent_class)->dispose (object);
}

static void
bud_other_page_finalize (GObject *object)
{
  g_clear_pointer (&BUD_OTHER_PAGE (object)->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (bud_other_page_parent_class)->finalize (object);
}

static void
bud_other_page_class_init (BudOtherPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bud_other_page_dispose;
  G_OBJECT_CLASS (klass)->finalize = bud_other_page_finalize;
}

static GtkWidget *
new_group (BudOtherPage *self,
           BudKind       kind,
           const char   *title,
           const char   *description)
{
  const BudEntityClass *klass = bud_entity_class (kind);
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const BudField *field = &klass->fields[i];
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field->label));
      g_object_set_data (G_OBJECT (row), "kind", GINT_TO_POINTER (kind));
      g_object_set_data (G_OBJECT (row), "field", (gpointer) field->name);
      bud_field_binding_new (row, kind, field->name);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_ptr_array_add (self->rows, row);
    }
  return group;
}

static void
bud_other_page_init (BudOtherPage *self)
{
  GtkWidget *page = adw_preferences_page_new ();

  self->rows = g_ptr_array_new ();
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (new_group (self, BUD_KIND_PROCUREMENT, _("Government Procurement"),
                                                              _("The procurement budget of the year, in yuan, and what is reserved for small and medium enterprises."))));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (new_group (self, BUD_KIND_ASSETS, _("State-Owned Assets"),
                                                              _("The assets held and the purchases planned this year; values in yuan."))));
  adw_bin_set_child (ADW_BIN (self), page);
}
