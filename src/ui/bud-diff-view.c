/* bud-diff-view.c — groups of rows, one a change; changed fields lead to their place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bud-diff-view.h"
#include "bud-jsonio.h"
#include "bud-storage.h"
#include "bud-window.h"

/* A whole-file comparison of unrelated drafts can change thousands of cells;
 * past this many rows a group says how many more there are instead of
 * building rows nobody reads. */
#define MAX_ROWS_PER_GROUP 200

struct _BudDiffView
{
  AdwBin      parent_instance;
  GtkStack   *stack;
  GtkBox     *content;
  GtkLabel   *summary_label;

  BudDiff    *diff;
  GPtrArray  *groups;                         /* the AdwPreferencesGroups we added */
  GPtrArray  *rows[BUD_DIFF_VIEW_N_GROUPS];   /* AdwPreferencesRow *, in diff order */
};

G_DEFINE_FINAL_TYPE (BudDiffView, bud_diff_view, ADW_TYPE_BIN)

static const char *
or_empty (const char *text)
{
  return text[0] != '\0' ? text : _("(empty)");
}

static GtkWidget *
add_group (BudDiffView *self,
           const char  *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (self->content, group);
  g_ptr_array_add (self->groups, group);
  return group;
}

/* Closes a group that hit MAX_ROWS_PER_GROUP with how many were left out. */
static void
add_more_row (GtkWidget *group,
              guint      left_out)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf (ngettext ("… and %u more change",
                                                      "… and %u more changes", left_out),
                                            left_out);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (row, "dim-label");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static GtkWidget *
change_row (const char *title,
            const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

static char *
old_to_new (const char *old_value,
            const char *new_value)
{
  /* Translators: a changed value, before and after */
  return g_strdup_printf (_("%s → %s"), or_empty (old_value), or_empty (new_value));
}

static void
on_field_activated (AdwActionRow *row,
                    BudDiffView  *self)
{
  bud_diff_view_activate_field (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index")));
}

static void
show_fields (BudDiffView *self)
{
  GtkWidget *group = NULL;
  int group_kind = -1;
  guint in_group = 0, left_out = 0;

  for (guint i = 0; i < self->diff->fields->len; i++)
    {
      const BudDiffField *f = g_ptr_array_index (self->diff->fields, i);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if ((int) f->kind != group_kind)
        {
          if (left_out > 0)
            add_more_row (group, left_out);
          group = add_group (self, _(bud_entity_class (f->kind)->label));
          group_kind = f->kind;
          in_group = left_out = 0;
        }
      if (in_group++ >= MAX_ROWS_PER_GROUP)
        {
          left_out++;
          continue;
        }

      if (f->type == BUD_DIFF_ADDED)
        subtitle = g_strdup (_("Added"));
      else if (f->type == BUD_DIFF_REMOVED)
        subtitle = g_strdup (_("Removed"));
      else
        subtitle = old_to_new (f->old_value, f->new_value);
      row = change_row (f->where, subtitle);
      /* a removed row has no place to go to */
      if (f->type != BUD_DIFF_REMOVED)
        {
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (i));
          g_signal_connect (row, "activated", G_CALLBACK (on_field_activated), self);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_ptr_array_add (self->rows[BUD_DIFF_VIEW_FIELDS], row);
    }
  if (left_out > 0)
    add_more_row (group, left_out);
}

static char *
cell_amount (gboolean present,
             gint64   fen)
{
  return present ? bud_diff_format_money (fen) : g_strdup (_("(no row)"));
}

static void
show_cells (BudDiffView *self)
{
  GtkWidget *group = NULL;
  const char *group_table = NULL;
  guint in_group = 0, left_out = 0;

  for (guint i = 0; i < self->diff->cells->len; i++)
    {
      const BudDiffCell *c = g_ptr_array_index (self->diff->cells, i);
      g_autofree char *old_amount = NULL;
      g_autofree char *new_amount = NULL;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (g_strcmp0 (c->table_id, group_table) != 0)
        {
          g_autofree char *heading = NULL;

          if (left_out > 0)
            add_more_row (group, left_out);
          /* Translators: a table of the disclosure package: its number and title */
          heading = g_strdup_printf (_("Table %u: %s"), c->number, c->table_title);
          group = add_group (self, heading);
          group_table = c->table_id;
          in_group = left_out = 0;
        }
      if (in_group++ >= MAX_ROWS_PER_GROUP)
        {
          left_out++;
          continue;
        }

      old_amount = cell_amount (c->old_present, c->old_amount);
      new_amount = cell_amount (c->new_present, c->new_amount);
      /* Translators: a table cell: its row, then its column */
      title = g_strdup_printf (_("%s · %s"), c->row_label, c->column_label);
      subtitle = old_to_new (old_amount, new_amount);
      row = change_row (title, subtitle);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_ptr_array_add (self->rows[BUD_DIFF_VIEW_CELLS], row);
    }
  if (left_out > 0)
    add_more_row (group, left_out);
}

static GtkWidget *
section_text (const char *heading,
              const char *body)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *text = gtk_label_new (or_empty (body));

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), text);
  return box;
}

static void
show_sections (BudDiffView *self)
{
  GtkWidget *group;

  if (self->diff->sections->len == 0)
    return;
  group = add_group (self, _("Texts"));
  for (guint i = 0; i < self->diff->sections->len; i++)
    {
      const BudDiffSection *s = g_ptr_array_index (self->diff->sections, i);
      GtkWidget *row = adw_expander_row_new ();
      g_autofree char *title = g_strdup_printf ("%s %s", s->id, s->title);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (s->old_body == NULL)
        adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), _("Added"));
      else if (s->new_body == NULL)
        adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), _("Removed"));
      else
        adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), _("Changed"));
      if (s->old_body != NULL)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row), section_text (_("Before"), s->old_body));
      if (s->new_body != NULL)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row), section_text (_("After"), s->new_body));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_ptr_array_add (self->rows[BUD_DIFF_VIEW_SECTIONS], row);
    }
}

static void
clear (BudDiffView *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->content, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  for (guint g = 0; g < BUD_DIFF_VIEW_N_GROUPS; g++)
    g_ptr_array_set_size (self->rows[g], 0);
  g_clear_pointer (&self->diff, bud_diff_free);
}

void
bud_diff_view_set_diff (BudDiffView *self,
                        BudDiff     *diff)
{
  g_autofree char *fields = NULL;
  g_autofree char *cells = NULL;
  g_autofree char *texts = NULL;
  g_autofree char *summary = NULL;

  g_return_if_fail (BUD_IS_DIFF_VIEW (self));

  clear (self);
  self->diff = diff;
  if (diff == NULL || bud_diff_is_empty (diff))
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  fields = g_strdup_printf (ngettext ("%u field", "%u fields", diff->fields->len), diff->fields->len);
  cells = g_strdup_printf (ngettext ("%u table cell", "%u table cells", diff->cells->len), diff->cells->len);
  texts = g_strdup_printf (ngettext ("%u text", "%u texts", diff->sections->len), diff->sections->len);
  /* Translators: above a comparison: the counts of changed fields, table cells and texts */
  summary = g_strdup_printf (_("Changed: %s, %s and %s. Click a field to go to it."), fields, cells, texts);
  gtk_label_set_text (self->summary_label, summary);
  show_fields (self);
  show_cells (self);
  show_sections (self);
  gtk_stack_set_visible_child_name (self->stack, "changes");
}

BudDiff *
bud_diff_view_get_diff (BudDiffView *self)
{
  return self->diff;
}

gboolean
bud_diff_view_is_empty (BudDiffView *self)
{
  return g_str_equal (gtk_stack_get_visible_child_name (self->stack), "empty");
}

guint
bud_diff_view_get_n_rows (BudDiffView      *self,
                          BudDiffViewGroup  group)
{
  g_return_val_if_fail (group < BUD_DIFF_VIEW_N_GROUPS, 0);
  return self->rows[group]->len;
}

const char *
bud_diff_view_get_row_title (BudDiffView      *self,
                             BudDiffViewGroup  group,
                             guint             index)
{
  g_return_val_if_fail (group < BUD_DIFF_VIEW_N_GROUPS && index < self->rows[group]->len, NULL);
  return adw_preferences_row_get_title (g_ptr_array_index (self->rows[group], index));
}

const char *
bud_diff_view_get_row_subtitle (BudDiffView      *self,
                                BudDiffViewGroup  group,
                                guint             index)
{
  gpointer row;

  g_return_val_if_fail (group < BUD_DIFF_VIEW_N_GROUPS && index < self->rows[group]->len, NULL);
  row = g_ptr_array_index (self->rows[group], index);
  if (ADW_IS_EXPANDER_ROW (row))
    return adw_expander_row_get_subtitle (row);
  return adw_action_row_get_subtitle (row);
}

void
bud_diff_view_activate_field (BudDiffView *self,
                              guint        index)
{
  const BudDiffField *f;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *window = NULL;

  g_return_if_fail (self->diff != NULL && index < self->diff->fields->len);
  f = g_ptr_array_index (self->diff->fields, index);
  if (BUD_IS_WINDOW (root))
    window = GTK_WINDOW (root);
  else if (GTK_IS_WINDOW (root) && BUD_IS_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (root))))
    window = gtk_window_get_transient_for (GTK_WINDOW (root));
  if (window == NULL || f->type == BUD_DIFF_REMOVED)
    return;
  bud_window_show_location (BUD_WINDOW (window), f->kind, f->id, f->field);
  gtk_window_present (window);
}

GtkWidget *
bud_diff_view_new (void)
{
  return g_object_new (BUD_TYPE_DIFF_VIEW, NULL);
}

static void
bud_diff_view_finalize (GObject *object)
{
  BudDiffView *self = BUD_DIFF_VIEW (object);

  g_clear_pointer (&self->diff, bud_diff_free);
  g_ptr_array_unref (self->groups);
  for (guint g = 0; g < BUD_DIFF_VIEW_N_GROUPS; g++)
    g_ptr_array_unref (self->rows[g]);
  G_OBJECT_CLASS (bud_diff_view_parent_class)->finalize (object);
}

static void
bud_diff_view_class_init (BudDiffViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = bud_diff_view_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deptbudget/DeptBudget/bud-diff-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BudDiffView, stack);
  gtk_widget_class_bind_template_child (widget_class, BudDiffView, content);
  gtk_widget_class_bind_template_child (widget_class, BudDiffView, summary_label);
}

static void
bud_diff_view_init (BudDiffView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_ptr_array_new ();
  for (guint g = 0; g < BUD_DIFF_VIEW_N_GROUPS; g++)
    self->rows[g] = g_ptr_array_new ();
}

/* ---- the window ---- */

GtkWindow *
bud_diff_window_new (GtkWindow  *parent,
                     const char *subtitle,
                     BudDiff    *diff)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *view = bud_diff_view_new ();

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Changes"), subtitle));
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (view, TRUE);
  gtk_box_append (GTK_BOX (box), view);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), _("Changes"));
  gtk_window_set_default_size (GTK_WINDOW (window), 760, 680);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  g_object_set_data (G_OBJECT (window), "bud-diff-view", view);
  bud_diff_view_set_diff (BUD_DIFF_VIEW (view), diff);
  return GTK_WINDOW (window);
}

BudDiffView *
bud_diff_window_get_view (GtkWindow *window)
{
  return g_object_get_data (G_OBJECT (window), "bud-diff-view");
}

GtkWindow *
bud_diff_window_compare (GtkWindow    *parent,
                         BudDocument  *old_doc,
                         BudDocument  *new_doc,
                         const char   *subtitle,
                         GError      **error)
{
  BudDiff *diff = bud_diff_documents (old_doc, new_doc, NULL, error);
  GtkWindow *window;

  if (diff == NULL)
    return NULL;
  window = bud_diff_window_new (parent, subtitle, diff);
  gtk_window_present (window);
  return window;
}

BudDocument *
bud_diff_read_document (const char  *path,
                        GError     **error)
{
  /* as the window opens them, but never for writing: the other draft is only read */
  if (g_str_has_suffix (path, ".json") || g_str_has_suffix (path, ".JSON"))
    return bud_json_read_file (path, error);
  return bud_storage_open (path, BUD_STORAGE_OPEN_READ_ONLY, NULL, error);
}
