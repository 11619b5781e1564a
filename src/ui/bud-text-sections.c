/* bud-text-sections.c — the narrative's sections, each generated or the user's own text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bud-narrative.h"
#include "bud-section.h"
#include "bud-text-binding.h"
#include "bud-text-sections.h"

#define OVERRIDE_PREFIX "narrative."

typedef struct
{
  GtkWidget  *row;
  GtkLabel   *label;
  GtkWidget  *own_icon;
  GtkWidget  *stale_icon;
} Row;

struct _BudTextSections
{
  AdwBin        parent_instance;

  GtkListBox   *list;
  GtkScrolledWindow *detail_scroll;
  GtkLabel     *title;
  GtkWidget    *stale_warning;
  GtkLabel     *hint;
  GtkWidget    *write_button;
  GtkWidget    *revert_button;
  GtkWidget    *own_heading;
  GtkWidget    *own_frame;
  GtkWidget    *own_view;
  GtkWidget    *generated_heading;
  GtkLabel     *generated;

  BudDocument  *doc;
  BudTemplate  *tpl;
  GPtrArray    *sections;        /* BudNarrativeSection *, print order */
  GArray       *rows;            /* Row, one per section */
  GHashTable   *stale;           /* section ids whose own text the checks find stale */
  guint64       built_revision;
  gboolean      built;
  gboolean      selecting;       /* we select a row: not the user */
  char         *selected;
};

G_DEFINE_FINAL_TYPE (BudTextSections, bud_text_sections, ADW_TYPE_BIN)

static char *
override_key (const char *id)
{
  return g_strconcat (OVERRIDE_PREFIX, id, NULL);
}

static gboolean
has_own_text (BudTextSections *self,
              const char      *id)
{
  g_autofree char *key = override_key (id);

  return self->doc != NULL && bud_document_get_text (self->doc, key) != NULL;
}

static BudNarrativeSection *
find_section (BudTextSections *self,
              const char      *id,
              guint           *index)
{
  for (guint i = 0; self->sections != NULL && id != NULL && i < self->sections->len; i++)
    {
      BudNarrativeSection *s = g_ptr_array_index (self->sections, i);

      if (g_str_equal (s->id, id))
        {
          if (index != NULL)
            *index = i;
          return s;
        }
    }
  return NULL;
}

static const char *
section_title (BudNarrativeSection *s)
{
  return s->title[0] ? s->title : _("Signature");
}

/* 第三部分's titles all begin "关于<department><year>年": the list shows what
 * follows, so that the sections can be told apart in a narrow column. */
static char *
short_title (BudTextSections     *self,
             BudNarrativeSection *s)
{
  const char *dept = bud_document_meta (self->doc)->department;
  g_autofree char *about = g_strconcat ("关于", dept, NULL);
  const char *start = dept[0] ? strstr (s->title, about) : NULL;
  const char *rest;

  if (start == NULL)
    return g_strdup (section_title (s));
  rest = start + strlen (about);
  while (g_ascii_isdigit (*rest))
    rest++;
  if (g_str_has_prefix (rest, "年"))
    rest += strlen ("年");
  return g_strdup_printf ("%.*s%s", (int) (start - s->title), s->title, rest);
}

static void
update_row (BudTextSections *self,
            guint            i)
{
  BudNarrativeSection *s = g_ptr_array_index (self->sections, i);
  Row *row = &g_array_index (self->rows, Row, i);
  gboolean own = has_own_text (self, s->id);
  g_autofree char *label = short_title (self, s);

  gtk_label_set_text (row->label, label);
  gtk_widget_set_visible (row->own_icon, own);
  gtk_widget_set_visible (row->stale_icon, own && g_hash_table_contains (self->stale, s->id));
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       data)
{
  BudTextSections *self = data;
  gint index = gtk_list_box_row_get_index (row);
  BudNarrativeSection *s, *prev;
  GtkWidget *header;

  /* rows going away while the sections they showed are already gone */
  if (self->sections == NULL || index < 0 || (guint) index >= self->sections->len)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  s = g_ptr_array_index (self->sections, index);
  prev = before != NULL && index > 0 ? g_ptr_array_index (self->sections, index - 1) : NULL;
  /* 第四部分's only section carries its part's heading as its title */
  if ((prev != NULL && g_strcmp0 (prev->part_title, s->part_title) == 0) ||
      s->part_title == NULL || g_strcmp0 (s->part_title, s->title) == 0 || s->title[0] == '\0')
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_label_new (s->part_title);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_ellipsize (GTK_LABEL (header), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (header, prev != NULL ? 12 : 6);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_bottom (header, 3);
  gtk_widget_add_css_class (header, "heading");
  gtk_list_box_row_set_header (row, header);
}

static void
make_rows (BudTextSections *self)
{
  GtkWidget *child;

  self->selecting = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_array_set_size (self->rows, 0);

  for (guint i = 0; self->sections != NULL && i < self->sections->len; i++)
    {
      BudNarrativeSection *s = g_ptr_array_index (self->sections, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      Row row;

      row.label = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_xalign (row.label, 0);
      gtk_label_set_ellipsize (row.label, PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (GTK_WIDGET (row.label), TRUE);
      gtk_widget_set_margin_start (GTK_WIDGET (row.label), s->level > 1 ? 18 : 0);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (row.label));

      row.own_icon = gtk_image_new_from_icon_name ("document-edit-symbolic");
      gtk_widget_set_tooltip_text (row.own_icon, _("Your own text"));
      gtk_box_append (GTK_BOX (box), row.own_icon);
      row.stale_icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (row.stale_icon, "warning");
      gtk_widget_set_tooltip_text (row.stale_icon, _("The figures changed since you wrote your own text"));
      gtk_box_append (GTK_BOX (box), row.stale_icon);

      row.row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row.row), box);
      gtk_widget_set_tooltip_text (row.row, section_title (s));
      gtk_list_box_append (self->list, row.row);
      g_array_append_val (self->rows, row);
    }
  self->selecting = FALSE;
}

/* Rows are made again only when the sections themselves change (a template
 * with other sections): otherwise selection and scrolling stay put. */
static gboolean
same_sections (GPtrArray *a,
               GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!g_str_equal (((BudNarrativeSection *) g_ptr_array_index (a, i))->id,
                      ((BudNarrativeSection *) g_ptr_array_index (b, i))->id))
      return FALSE;
  return TRUE;
}

static void
show_detail (BudTextSections *self)
{
  BudNarrativeSection *s = find_section (self, self->selected, NULL);
  gboolean own, editable;
  const char *hint = NULL;

  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->title)), s != NULL);
  if (s == NULL)
    return;

  own = has_own_text (self, s->id);
  editable = !bud_document_get_read_only (self->doc) && !bud_document_get_review_mode (self->doc);
  gtk_label_set_text (self->title, section_title (s));
  gtk_widget_set_visible (self->stale_warning, own && g_hash_table_contains (self->stale, s->id));

  if (g_str_equal (s->id, "4"))
    hint = _("This section prints the glossary: edit it under Glossary rather than here.");
  else if (g_str_equal (s->id, "3.13.5"))
    hint = _("This section prints the other matters: edit them under Other Matters to Explain rather than here.");
  else if (g_str_equal (s->id, "signature"))
    hint = _("The department’s name and the budget’s date.");
  gtk_label_set_text (self->hint, hint ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint), hint != NULL);

  gtk_widget_set_visible (self->write_button, !own);
  gtk_widget_set_visible (self->revert_button, own);
  gtk_widget_set_sensitive (self->write_button, editable);
  gtk_widget_set_sensitive (self->revert_button, editable);
  gtk_widget_set_visible (self->own_heading, own);
  gtk_widget_set_visible (self->own_frame, own);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->own_view), editable);
  {
    g_autofree char *key = override_key (s->id);
    bud_text_binding_set_key (bud_text_binding_get (self->own_view), key);
  }

  gtk_label_set_text (self->generated, s->generated[0] ? s->generated : _("This heading has no text of its own."));
  if (s->generated[0])
    gtk_widget_remove_css_class (GTK_WIDGET (self->generated), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->generated), "dim-label");
}

static void
select_row (BudTextSections *self,
            guint            i)
{
  self->selecting = TRUE;
  gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (g_array_index (self->rows, Row, i).row));
  self->selecting = FALSE;
}

static void
rebuild (BudTextSections *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *sections = NULL;
  guint index = 0;

  if (self->doc != NULL && self->tpl != NULL)
    sections = bud_narrative_build (self->doc, self->tpl, &error);
  if (error != NULL)
    g_message ("The explanatory text could not be built: %s", error->message);

  self->built = TRUE;
  self->built_revision = self->doc != NULL ? bud_document_revision (self->doc) : 0;
  if (same_sections (self->sections, sections))
    {
      g_ptr_array_unref (self->sections);
      self->sections = sections;
    }
  else
    {
      g_clear_pointer (&self->sections, g_ptr_array_unref);
      self->sections = sections;
      make_rows (self);
    }
  for (guint i = 0; i < self->rows->len; i++)
    update_row (self, i);

  if (self->sections != NULL && self->sections->len > 0 && find_section (self, self->selected, &index) == NULL)
    {
      g_free (self->selected);
      self->selected = g_strdup (((BudNarrativeSection *) g_ptr_array_index (self->sections, 0))->id);
    }
  if (find_section (self, self->selected, &index) != NULL)
    select_row (self, index);
  show_detail (self);
}

static void
refresh (BudTextSections *self)
{
  if (!self->built || (self->doc != NULL && self->built_revision != bud_document_revision (self->doc)))
    rebuild (self);
  else
    {
      for (guint i = 0; i < self->rows->len; i++)
        update_row (self, i);
      show_detail (self);
    }
}

static void
on_row_selected (BudTextSections *self,
                 GtkListBoxRow   *row)
{
  BudNarrativeSection *s;

  if (self->selecting || row == NULL)
    return;
  s = g_ptr_array_index (self->sections, gtk_list_box_row_get_index (row));
  g_free (self->selected);
  self->selected = g_strdup (s->id);
  show_detail (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->detail_scroll), 0);
}

/* Stores the user's own text with the fingerprint of today's figures. */
static gboolean
store_override (BudDocument  *doc,
                const char   *key,
                const char   *text,
                gpointer      data,
                GError      **error)
{
  BudTextSections *self = data;
  const char *id = key + strlen (OVERRIDE_PREFIX);

  if (!bud_narrative_override (doc, self->tpl, id, text, error))
    return FALSE;
  /* written against today's figures: no longer stale, whatever the last run said */
  g_hash_table_remove (self->stale, id);
  return TRUE;
}

static void
on_write_clicked (BudTextSections *self)
{
  BudNarrativeSection *s = find_section (self, self->selected, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  guint index;

  if (s == NULL)
    return;
  key = override_key (s->id);
  if (!store_override (self->doc, key, s->generated, self, &error))
    {
      bud_section_notify (GTK_WIDGET (self), error->message);
      return;
    }
  if (find_section (self, s->id, &index) != NULL)
    update_row (self, index);
  show_detail (self);
  gtk_widget_grab_focus (self->own_view);
}

static void
on_revert_clicked (BudTextSections *self)
{
  g_autoptr(GError) error = NULL;
  guint index;

  if (self->selected == NULL)
    return;
  if (!bud_narrative_revert (self->doc, self->selected, &error))
    bud_section_notify (GTK_WIDGET (self), error->message);
  g_hash_table_remove (self->stale, self->selected);
  if (find_section (self, self->selected, &index) != NULL)
    update_row (self, index);
  show_detail (self);
}

void
bud_text_sections_set_document (BudTextSections *self,
                                BudDocument     *doc,
                                BudTemplate     *tpl)
{
  g_return_if_fail (BUD_IS_TEXT_SECTIONS (self));

  g_set_object (&self->doc, doc);
  g_clear_pointer (&self->tpl, bud_template_unref);
  if (tpl != NULL)
    self->tpl = bud_template_ref (tpl);
  g_hash_table_remove_all (self->stale);
  g_clear_pointer (&self->selected, g_free);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  self->built = FALSE;
  make_rows (self);
  bud_text_binding_set_document (bud_text_binding_get (self->own_view), doc);
  if (doc != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
  else
    show_detail (self);
}

void
bud_text_sections_update (BudTextSections  *self,
                          const BudSummary *summary)
{
  g_return_if_fail (BUD_IS_TEXT_SECTIONS (self));

  if (self->doc == NULL)
    return;
  g_hash_table_remove_all (self->stale);
  for (guint i = 0; i < summary->findings->len; i++)
    {
      BudFinding *f = g_ptr_array_index (summary->findings, i);
      BudText *t;

      if (f->kind != BUD_KIND_TEXT || g_strcmp0 (f->rule, "narrative.stale") != 0 ||
          (t = bud_document_lookup (self->doc, BUD_KIND_TEXT, f->id)) == NULL ||
          !g_str_has_prefix (t->key, OVERRIDE_PREFIX))
        continue;
      g_hash_table_add (self->stale, g_strdup (t->key + strlen (OVERRIDE_PREFIX)));
    }
  /* the narrative costs the derived tables: built while shown, else on the next look */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}

gboolean
bud_text_sections_select (BudTextSections *self,
                          const char      *id)
{
  guint index;

  g_return_val_if_fail (BUD_IS_TEXT_SECTIONS (self), FALSE);

  if (self->doc != NULL && !self->built)
    rebuild (self);
  if (find_section (self, id, &index) == NULL)
    return FALSE;
  g_free (self->selected);
  self->selected = g_strdup (id);
  select_row (self, index);
  show_detail (self);
  return TRUE;
}

const char *
bud_text_sections_get_selected (BudTextSections *self)
{
  return self->selected;
}

GtkWidget *
bud_text_sections_get_own_view (BudTextSections *self)
{
  return self->own_view;
}

GtkWidget *
bud_text_sections_get_stale_warning (BudTextSections *self)
{
  return self->stale_warning;
}

GtkWidget *
bud_text_sections_get_write_button (BudTextSections *self)
{
  return self->write_button;
}

GtkWidget *
bud_text_sections_get_revert_button (BudTextSections *self)
{
  return self->revert_button;
}

const char *
bud_text_sections_get_generated (BudTextSections *self)
{
  BudNarrativeSection *s = find_section (self, self->selected, NULL);

  return s != NULL ? s->generated : NULL;
}

static void
bud_text_sections_map (GtkWidget *widget)
{
  BudTextSections *self = BUD_TEXT_SECTIONS (widget);

  GTK_WIDGET_CLASS (bud_text_sections_parent_class)->map (widget);
  if (self->doc != NULL)
    refresh (self);
}

static void
bud_text_sections_dispose (GObject *object)
{
  BudTextSections *self = BUD_TEXT_SECTIONS (object);

  g_clear_object (&self->doc);
  g_clear_pointer (&self->tpl, bud_template_unref);
  /* no gtk_widget_dispose_template (): AdwBin unparents its child itself, and
   * libadwaita 1.2 criticals when that child is already gone */
  G_OBJECT_CLASS (bud_text_sections_parent_class)->dispose (object);
}

static void
bud_text_sections_finalize (GObject *object)
{
  BudTextSections *self = BUD_TEXT_SECTIONS (object);

  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->stale, g_hash_table_unref);
  g_free (self->selected);
  G_OBJECT_CLASS (bud_text_sections_parent_class)->finalize (object);
}

static void
bud_text_sections_class_init (BudTextSectionsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bud_text_sections_dispose;
  G_OBJECT_CLASS (klass)->finalize = bud_text_sections_finalize;
  widget_class->map = bud_text_sections_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/deptbudget/DeptBudget/bud-text-sections.ui");
  gtk_widget_class_bind_template_child (widget_class, BudTextSections, list);
  gtk_widget_class_bind_template_child (widget_class, BudTextSections, detail_scroll);
  gtk_widget_class_bind_template_child (widget_class, BudTextSections, title);
  gtk_widget_class_bind_template_child (widget_class, BudTextSections, stale_warning);
  gtk_widget_class_bind_template_child (widget_class, BudTextSections, hint);
  gtk_widget_class_bind_template_child (widget_class, BudTextSections, write_button);
  gtk_widget_class_bind_template_child (widget_class, BudTextSections, revert_button);
  gtk_widget_class_bind_template_child (widget_class, BudTextSections, own_heading);
  gtk_widget_class_bind_template_child (widget_class, BudTextSections, own_frame);
  gtk_widget_class_bind_template_child (widget_class, BudTextSections, own_view);
  gtk_widget_class_bind_template_child (widget_class, BudTextSections, generated_heading);
  gtk_widget_class_bind_template_child (widget_class, BudTextSections, generated);
  gtk_widget_class_bind_template_callback (widget_class, on_write_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_revert_clicked);
}

static void
bud_text_sections_init (BudTextSections *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  self->stale = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_list_box_set_header_func (self->list, header_func, self, NULL);
  g_signal_connect_swapped (self->list, "row-selected", G_CALLBACK (on_row_selected), self);
  bud_text_binding_set_store (bud_text_binding_new (self->own_view, NULL), store_override, self);
}
