/* bud-texts-page.c — texts of the package: glossary, other matters, purposes, own section texts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every text here is a keyed text of the document (the exchange format's "Text
 * keys"); a key that does not exist yet is created by the first edit. The
 * purposes follow the classes 第三部分 四 lists, which come from the derived
 * 财政拨款收支总表, so the list is made while the page is on screen; a class
 * without a purpose is marked where the check text.purpose says so.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bud-money.h"
#include "bud-narrative.h"
#include "bud-section.h"
#include "bud-text-binding.h"
#include "bud-text-sections.h"
#include "bud-texts-page.h"

#define PURPOSE_PREFIX "purpose."

typedef struct
{
  char       *code;       /* 3-digit 类 */
  GtkWidget  *row;        /* AdwEntryRow bound to purpose.<code> */
  GtkWidget  *amount;
  GtkWidget  *missing;    /* shown while the class has no purpose */
} PurposeRow;

struct _BudTextsPage
{
  AdwBin            parent_instance;

  GtkStack         *stack;
  GtkWidget        *glossary_view;
  GtkWidget        *other_view;
  GtkWidget        *reset_glossary;
  GtkListBox       *purposes_list;
  GtkWidget        *purposes_empty;
  BudTextSections  *sections;

  BudDocument      *doc;
  BudTemplate      *tpl;
  GPtrArray        *purposes;         /* PurposeRow * */
  GHashTable       *flagged;          /* class code → message of its text.purpose finding */
  guint64           purposes_revision;
  gboolean          purposes_built;
};

static void bud_texts_page_section_init (BudSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BudTextsPage, bud_texts_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (BUD_TYPE_SECTION, bud_texts_page_section_init))

static void
purpose_row_free (PurposeRow *row)
{
  g_free (row->code);
  g_free (row);
}

/* ---- purposes ---- */

static PurposeRow *
purpose_row_new (BudTextsPage            *self,
                 const BudNarrativeClass *c)
{
  PurposeRow *row = g_new0 (PurposeRow, 1);
  g_autofree char *key = g_strconcat (PURPOSE_PREFIX, c->code, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (_("No purpose"));
  BudTextBinding *binding;

  row->code = g_strdup (c->code);
  row->row = adw_entry_row_new ();
  row->amount = gtk_label_new (NULL);
  gtk_widget_add_css_class (row->amount, "numeric");
  gtk_widget_add_css_class (row->amount, "dim-label");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row->row), row->amount);

  /* the check's finding, where the purpose is typed */
  row->missing = box;
  gtk_widget_add_css_class (icon, "warning");
  gtk_widget_add_css_class (label, "warning");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_visible (box, FALSE);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row->row), box);

  binding = bud_text_binding_new (row->row, key);
  bud_text_binding_set_single_line (binding, TRUE);
  bud_text_binding_set_document (binding, self->doc);
  gtk_list_box_append (self->purposes_list, row->row);
  return row;
}

/* The rule text.purpose decides which classes lack a purpose: the page shows
 * its findings (message as the tooltip) rather than judging on its own. */
static void
purpose_row_flag (BudTextsPage *self,
                  PurposeRow   *row)
{
  const char *message = g_hash_table_lookup (self->flagged, row->code);

  gtk_widget_set_visible (row->missing, message != NULL);
  gtk_widget_set_tooltip_text (row->missing, message);
}

static void
purpose_row_show (BudTextsPage            *self,
                  PurposeRow              *row,
                  const BudNarrativeClass *c)
{
  g_autofree char *title = g_strdup_printf ("%s %s", c->code, c->name);
  g_autofree char *amount = bud_money_format (c->amount, BUD_MONEY_YUAN, BUD_MONEY_FORMAT_GROUPING);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), title);
  gtk_label_set_text (GTK_LABEL (row->amount), amount);
  purpose_row_flag (self, row);
}

/* Class code → message of each text.purpose finding of @summary. */
static void
collect_flags (BudTextsPage     *self,
               const BudSummary *summary)
{
  g_hash_table_remove_all (self->flagged);
  for (guint i = 0; summary != NULL && i < summary->findings->len; i++)
    {
      BudFinding *f = g_ptr_array_index (summary->findings, i);

      if (g_str_equal (f->rule, "text.purpose") && f->field != NULL &&
          g_str_has_prefix (f->field, PURPOSE_PREFIX))
        g_hash_table_insert (self->flagged, g_strdup (f->field + strlen (PURPOSE_PREFIX)),
                             g_strdup (f->message));
    }
  for (guint i = 0; i < self->purposes->len; i++)
    purpose_row_flag (self, g_ptr_array_index (self->purposes, i));
}

/* Rows are made again only when the classes change, so that typing in one
 * keeps its focus while the amounts and warnings follow the figures. */
static void
refresh_purposes (BudTextsPage *self)
{
  g_autoptr(GArray) classes = NULL;
  g_autoptr(GError) error = NULL;
  gboolean same;

  if (self->doc == NULL || self->tpl == NULL)
    return;
  if (self->purposes_built && self->purposes_revision == bud_document_revision (self->doc))
    return;
  self->purposes_built = TRUE;
  self->purposes_revision = bud_document_revision (self->doc);

  if ((classes = bud_narrative_fiscal_classes (self->doc, self->tpl, &error)) == NULL)
    {
      g_message ("表4 could not be derived: %s", error->message);
      classes = g_array_new (FALSE, TRUE, sizeof (BudNarrativeClass));
    }
  same = classes->len == self->purposes->len;
  for (guint i = 0; same && i < classes->len; i++)
    same = g_str_equal (g_array_index (classes, BudNarrativeClass, i).code,
                        ((PurposeRow *) g_ptr_array_index (self->purposes, i))->code);
  if (!same)
    {
      for (guint i = 0; i < self->purposes->len; i++)
        gtk_list_box_remove (self->purposes_list, ((PurposeRow *) g_ptr_array_index (self->purposes, i))->row);
      g_ptr_array_set_size (self->purposes, 0);
      for (guint i = 0; i < classes->len; i++)
        g_ptr_array_add (self->purposes, purpose_row_new (self, &g_array_index (classes, BudNarrativeClass, i)));
    }
  for (guint i = 0; i < classes->len; i++)
    purpose_row_show (self, g_ptr_array_index (self->purposes, i), &g_array_index (classes, BudNarrativeClass, i));
  gtk_widget_set_visible (GTK_WIDGET (self->purposes_list), classes->len > 0);
  gtk_widget_set_visible (self->purposes_empty, classes->len == 0);
}

static PurposeRow *
find_purpose (BudTextsPage *self,
              const char   *code)
{
  for (guint i = 0; i < self->purposes->len; i++)
    {
      PurposeRow *row = g_ptr_array_index (self->purposes, i);

      if (g_str_equal (row->code, code))
        return row;
    }
  return NULL;
}

/* ---- glossary ---- */

static void
update_reset (BudTextsPage *self)
{
  gtk_widget_set_sensitive (self->reset_glossary,
                            self->doc != NULL && bud_document_get_text (self->doc, "glossary") != NULL);
}

static void
on_reset_glossary (BudTextsPage *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *texts;

  if (self->doc == NULL)
    return;
  texts = bud_document_items (self->doc, BUD_KIND_TEXT);
  for (guint i = 0; i < texts->len; i++)
    {
      BudText *t = g_ptr_array_index (texts, i);

      if (g_str_equal (t->key, "glossary"))
        {
          if (!bud_document_remove (self->doc, BUD_KIND_TEXT, t->id, &error))
            bud_section_notify (GTK_WIDGET (self), error->message);
          update_reset (self);
          return;
        }
    }
}

/* ---- BudSection ---- */

static void
texts_set_document (BudSection  *section,
                    BudDocument *doc)
{
  BudTextsPage *self = BUD_TEXTS_PAGE (section);
  g_autoptr(GError) error = NULL;

  g_set_object (&self->doc, doc);
  g_clear_pointer (&self->tpl, bud_template_unref);
  if (doc != NULL && (self->tpl = bud_template_load (bud_document_meta (doc)->template_id, &error)) == NULL)
    g_message ("No template for the texts page: %s", error->message);

  bud_text_binding_set_document (bud_text_binding_get (self->glossary_view), doc);
  bud_text_binding_set_document (bud_text_binding_get (self->other_view), doc);
  bud_text_sections_set_document (self->sections, doc, self->tpl);

  for (guint i = 0; i < self->purposes->len; i++)
    gtk_list_box_remove (self->purposes_list, ((PurposeRow *) g_ptr_array_index (self->purposes, i))->row);
  g_ptr_array_set_size (self->purposes, 0);
  g_hash_table_remove_all (self->flagged);
  self->purposes_built = FALSE;
  update_reset (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh_purposes (self);
}

static void
texts_update (BudSection       *section,
              const BudSummary *summary)
{
  BudTextsPage *self = BUD_TEXTS_PAGE (section);

  update_reset (self);
  collect_flags (self, summary);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh_purposes (self);
  bud_text_sections_update (self->sections, summary);
}

static void
focus_at_start (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buf = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start;

      gtk_text_buffer_get_start_iter (buf, &start);
      gtk_text_buffer_place_cursor (buf, &start);
    }
  gtk_widget_grab_focus (widget);
}

/* A text finding names its row; a purpose not written yet has no row, so it is
 * named by its key as @field with @id 0. */
static gboolean
texts_show_location (BudSection *section,
                     BudKind     kind,
                     gint64      id,
                     const char *field)
{
  BudTextsPage *self = BUD_TEXTS_PAGE (section);
  const char *key = NULL;
  BudText *t;

  if (kind != BUD_KIND_TEXT || self->doc == NULL)
    return FALSE;
  if (id != 0 && (t = bud_document_lookup (self->doc, BUD_KIND_TEXT, id)) != NULL)
    key = t->key;
  else if (id == 0)
    key = field;
  if (key == NULL)
    return FALSE;

  if (g_str_equal (key, "glossary") || g_str_equal (key, "other_matters"))
    {
      gboolean glossary = g_str_equal (key, "glossary");

      gtk_stack_set_visible_child_name (self->stack, glossary ? "glossary" : "other");
      focus_at_start (glossary ? self->glossary_view : self->other_view);
      return TRUE;
    }
  if (g_str_has_prefix (key, PURPOSE_PREFIX))
    {
      PurposeRow *row;

      gtk_stack_set_visible_child_name (self->stack, "purposes");
      refresh_purposes (self);
      if ((row = find_purpose (self, key + strlen (PURPOSE_PREFIX))) == NULL)
        return FALSE;
      gtk_widget_grab_focus (row->row);
      return TRUE;
    }
  if (g_str_has_prefix (key, "narrative."))
    {
      g_autofree char *id_part = g_strdup (key + strlen ("narrative."));

      /* the fingerprint row stands for its section */
      if (g_str_has_suffix (id_part, ".basis"))
        id_part[strlen (id_part) - strlen (".basis")] = '\0';
      gtk_stack_set_visible_child_name (self->stack, "sections");
      if (!bud_text_sections_select (self->sections, id_part))
        return FALSE;
      focus_at_start (bud_text_sections_get_own_view (self->sections));
      return TRUE;
    }
  return FALSE;
}

static void
bud_texts_page_section_init (BudSectionInterface *iface)
{
  iface->set_document = texts_set_document;
  iface->update = texts_update;
  iface->show_location = texts_show_location;
}

/* ---- for tests ---- */

GtkWidget *
bud_texts_page_get_glossary_view (BudTextsPage *self)
{
  return self->glossary_view;
}

GtkWidget *
bud_texts_page_get_other_matters_view (BudTextsPage *self)
{
  return self->other_view;
}

GtkWidget *
bud_texts_page_get_reset_glossary_button (BudTextsPage *self)
{
  return self->reset_glossary;
}

GtkWidget *
bud_texts_page_get_purpose_row (BudTextsPage *self,
                                const char   *code)
{
  PurposeRow *row;

  refresh_purposes (self);
  row = find_purpose (self, code);
  return row != NULL ? row->row : NULL;
}

gboolean
bud_texts_page_purpose_is_flagged (BudTextsPage *self,
                                   const char   *code)
{
  PurposeRow *row;

  refresh_purposes (self);
  row = find_purpose (self, code);
  return row != NULL && gtk_widget_get_visible (row->missing);
}

BudTextSections *
bud_texts_page_get_sections (BudTextsPage *self)
{
  return self->sections;
}

void
bud_texts_page_show_tab (BudTextsPage *self,
                         const char   *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
}

/* ---- life ---- */

static void
bud_texts_page_map (GtkWidget *widget)
{
  BudTextsPage *self = BUD_TEXTS_PAGE (widget);

  GTK_WIDGET_CLASS (bud_texts_page_parent_class)->map (widget);
  refresh_purposes (self);
}

static void
bud_texts_page_dispose (GObject *object)
{
  BudTextsPage *self = BUD_TEXTS_PAGE (object);

  g_clear_object (&self->doc);
  g_clear_pointer (&self->tpl, bud_template_unref);
  /* no gtk_widget_dispose_template (): AdwBin unparents its child itself, and
   * libadwaita 1.2 criticals when that child is already gone */
  G_OBJECT_CLASS (bud_texts_page_parent_class)->dispose (object);
}

static void
bud_texts_page_finalize (GObject *object)
{
  g_clear_pointer (&BUD_TEXTS_PAGE (object)->purposes, g_ptr_array_unref);
  g_clear_pointer (&BUD_TEXTS_PAGE (object)->flagged, g_hash_table_unref);
  G_OBJECT_CLASS (bud_texts_page_parent_class)->finalize (object);
}

static void
bud_texts_page_class_init (BudTextsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bud_texts_page_dispose;
  G_OBJECT_CLASS (klass)->finalize = bud_texts_page_finalize;
  widget_class->map = bud_texts_page_map;

  g_type_ensure (BUD_TYPE_TEXT_SECTIONS);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/deptbudget/DeptBudget/bud-texts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BudTextsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BudTextsPage, glossary_view);
  gtk_widget_class_bind_template_child (widget_class, BudTextsPage, other_view);
  gtk_widget_class_bind_template_child (widget_class, BudTextsPage, reset_glossary);
  gtk_widget_class_bind_template_child (widget_class, BudTextsPage, purposes_list);
  gtk_widget_class_bind_template_child (widget_class, BudTextsPage, purposes_empty);
  gtk_widget_class_bind_template_child (widget_class, BudTextsPage, sections);
  gtk_widget_class_bind_template_callback (widget_class, on_reset_glossary);
}

static void
bud_texts_page_init (BudTextsPage *self)
{
  BudTextBinding *glossary;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->purposes = g_ptr_array_new_with_free_func ((GDestroyNotify) purpose_row_free);
  self->flagged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  glossary = bud_text_binding_new (self->glossary_view, "glossary");
  bud_text_binding_set_fallback (glossary, bud_narrative_default_glossary ());
  bud_text_binding_new (self->other_view, "other_matters");
}
