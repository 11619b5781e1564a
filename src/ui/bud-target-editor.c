/* bud-target-editor.c — goal, funds and the indicator grid of one target table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bud-field-binding.h"
#include "bud-indicator-library.h"
#include "bud-indicator-row.h"
#include "bud-money.h"
#include "bud-section.h"
#include "bud-target-editor.h"
#include "bud-template.h"

struct _BudTargetEditor
{
  AdwBin         parent_instance;

  GtkStack      *stack;
  GtkWidget     *create_button;
  GtkLabel      *findings_label;
  GtkWidget     *goal;
  GtkWidget     *fiscal_upper;
  GtkWidget     *fiscal_local;
  GtkWidget     *other;
  GtkLabel      *weight_label;
  GtkWidget     *copy_button;
  GtkPopover    *copy_popover;
  GtkListBox    *copy_list;
  GtkWidget     *library_button;
  GtkPopover    *library_popover;
  GtkSearchEntry *library_search;
  GtkListBox    *library_list;
  GtkWidget     *add_button;
  GtkListBox    *indicators;

  BudDocument   *doc;
  gulong         changed_id;
  BudTemplate   *tpl;
  gint64         project;
  gint64         target;
};

G_DEFINE_FINAL_TYPE (BudTargetEditor, bud_target_editor, ADW_TYPE_BIN)

/* ---- the user's indicator library, shared by every editor ---- */

static BudIndicatorLibrary *library;

static BudIndicatorLibrary *
get_library (GtkWidget *widget)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (library != NULL)
    return library;
  path = bud_indicator_library_default_path ();
  library = bud_indicator_library_load (path, &error);
  if (library == NULL)
    {
      /* keep the broken file: the user may want to mend it; start empty */
      bud_section_notify (widget, error->message);
      library = bud_indicator_library_new ();
    }
  return library;
}

static void
save_library (GtkWidget *widget)
{
  g_autofree char *path = bud_indicator_library_default_path ();
  g_autoptr(GError) error = NULL;

  if (!bud_indicator_library_save (get_library (widget), path, &error))
    bud_section_notify (widget, error->message);
}

/* ---- helpers ---- */

static const BudPerfLevel *
framework (BudTargetEditor *self,
           guint           *n)
{
  *n = 0;
  if (self->tpl == NULL)
    return NULL;
  return bud_template_get_performance_levels (self->tpl, self->project != 0 ? "project" : "department", n);
}

static gboolean
belongs (BudTargetEditor *self,
         BudKind          kind,
         gint64           id)
{
  if (self->target == 0 || self->doc == NULL)
    return FALSE;
  if (kind == BUD_KIND_TARGET)
    return id == self->target;
  if (kind == BUD_KIND_INDICATOR)
    {
      BudIndicator *ind = bud_document_lookup (self->doc, BUD_KIND_INDICATOR, id);
      return ind != NULL && ind->target == self->target;
    }
  return FALSE;
}

static void
show_weights (BudTargetEditor *self)
{
  GPtrArray *items;
  gint64 sum = 0, expected = self->tpl != NULL ? bud_template_get_indicator_weight_sum (self->tpl) : 0;
  g_autofree char *sum_text = NULL;
  g_autofree char *expected_text = NULL;
  g_autofree char *text = NULL;

  if (self->doc == NULL || self->target == 0)
    return;
  items = bud_document_items (self->doc, BUD_KIND_INDICATOR);
  for (guint i = 0; i < items->len; i++)
    {
      BudIndicator *ind = g_ptr_array_index (items, i);
      if (ind->target == self->target)
        sum += ind->weight;
    }
  sum_text = bud_fixed2_format (sum);
  if (expected != 0)
    {
      expected_text = bud_fixed2_format (expected);
      /* Translators: the weight sum of a table's indicators and the template's expected total */
      text = g_strdup_printf (_("Weights %s of %s"), sum_text, expected_text);
    }
  else
    text = g_strdup_printf (_("Weights %s"), sum_text);
  gtk_label_set_text (self->weight_label, text);
  if (expected != 0 && sum != expected)
    gtk_widget_add_css_class (GTK_WIDGET (self->weight_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->weight_label), "error");
}

static void
fill_indicators (BudTargetEditor *self)
{
  GtkWidget *child;
  GPtrArray *items;
  const BudPerfLevel *levels;
  guint n_levels;

  /* rows only: the placeholder is a child of the list too */
  while ((child = GTK_WIDGET (gtk_list_box_get_row_at_index (self->indicators, 0))) != NULL)
    gtk_list_box_remove (self->indicators, child);
  if (self->doc == NULL || self->target == 0)
    return;

  levels = framework (self, &n_levels);
  items = bud_document_items (self->doc, BUD_KIND_INDICATOR);
  for (guint i = 0; i < items->len; i++)
    {
      BudIndicator *ind = g_ptr_array_index (items, i);
      if (ind->target == self->target)
        gtk_list_box_append (self->indicators, bud_indicator_row_new (self->doc, ind->id, levels, n_levels));
    }
  show_weights (self);
}

static void
show_target (BudTargetEditor *self)
{
  BudTarget *t = NULL;
  GtkWidget *bound[] = { self->goal, self->fiscal_upper, self->fiscal_local, self->other };
  gboolean writable = self->doc != NULL && !bud_document_get_read_only (self->doc);

  if (self->doc != NULL)
    t = bud_document_find_target (self->doc, self->project);
  self->target = t != NULL ? t->id : 0;
  for (guint i = 0; i < G_N_ELEMENTS (bound); i++)
    bud_field_binding_set_target (bud_field_binding_get (bound[i]), self->doc, self->target);
  gtk_stack_set_visible_child_name (self->stack, self->target != 0 ? "table" : "none");
  gtk_widget_set_sensitive (self->create_button, writable);
  gtk_widget_set_sensitive (self->add_button, writable);
  gtk_widget_set_sensitive (self->copy_button, writable);
  gtk_widget_set_sensitive (self->library_button, writable);
  gtk_widget_set_visible (GTK_WIDGET (self->findings_label), FALSE);
  fill_indicators (self);
}

/* ---- document ---- */

static void
on_document_changed (BudTargetEditor *self,
                     int              kind,
                     gint64           id,
                     const char      *field,
                     int              type)
{
  if (type == BUD_CHANGE_RELOAD ||
      (kind == BUD_KIND_TARGET && (type != BUD_CHANGE_UPDATE || id == self->target)))
    {
      gint64 before = self->target;
      BudTarget *t = bud_document_find_target (self->doc, self->project);

      if (type == BUD_CHANGE_RELOAD || (t != NULL ? t->id : 0) != before)
        {
          show_target (self);
          return;
        }
    }
  if (kind != BUD_KIND_INDICATOR || self->target == 0)
    return;
  if (type == BUD_CHANGE_UPDATE)
    {
      if (g_strcmp0 (field, "weight") == 0 || field == NULL)
        show_weights (self);
      return;
    }
  /* insert, remove, move: few rows per table, rebuilding is cheap. A removed
   * indicator can no longer be asked for its table: rebuild anyway. */
  if (type == BUD_CHANGE_REMOVE || belongs (self, BUD_KIND_INDICATOR, id))
    fill_indicators (self);
}

void
bud_target_editor_set_target (BudTargetEditor *self,
                              BudDocument     *doc,
                              gint64           project)
{
  g_return_if_fail (BUD_IS_TARGET_EDITOR (self));

  if (doc != self->doc)
    {
      if (self->doc != NULL)
        {
          g_clear_signal_handler (&self->changed_id, self->doc);
          g_clear_object (&self->doc);
        }
      g_clear_pointer (&self->tpl, bud_template_unref);
      if (doc != NULL)
        {
          self->doc = g_object_ref (doc);
          self->changed_id = g_signal_connect_swapped (doc, "changed", G_CALLBACK (on_document_changed), self);
          /* without its template the editor still works, with free 一级/二级 */
          self->tpl = bud_template_load (bud_document_meta (doc)->template_id, NULL);
        }
    }
  self->project = project;
  show_target (self);
}

gint64
bud_target_editor_get_target_id (BudTargetEditor *self)
{
  return self->target;
}

void
bud_target_editor_update (BudTargetEditor  *self,
                          const BudSummary *summary)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (summary == NULL || self->target == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->findings_label), FALSE);
      return;
    }
  for (guint i = 0; i < summary->findings->len; i++)
    {
      const BudFinding *f = g_ptr_array_index (summary->findings, i);

      if (!g_str_has_prefix (f->rule, "perf.") || !belongs (self, f->kind, f->id))
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s %s", f->severity == BUD_SEVERITY_ERROR ? "✖" : "⚠", f->message);
    }
  gtk_label_set_text (self->findings_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->findings_label), text->len > 0);
}

const char *
bud_target_editor_get_weight_text (BudTargetEditor *self)
{
  return gtk_label_get_text (self->weight_label);
}

const char *
bud_target_editor_get_findings_text (BudTargetEditor *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->findings_label)) ? gtk_label_get_text (self->findings_label) : "";
}

GtkWidget *
bud_target_editor_get_row (BudTargetEditor *self,
                           gint64           id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->indicators));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (BUD_IS_INDICATOR_ROW (child) && bud_indicator_row_get_id (BUD_INDICATOR_ROW (child)) == id)
      return child;
  return NULL;
}

/* ---- adding ---- */

static void
on_create_clicked (BudTargetEditor *self)
{
  BudTarget *t;
  g_autoptr(GError) error = NULL;

  if (self->doc == NULL)
    return;
  t = bud_entity_new (BUD_KIND_TARGET);
  t->project = self->project;
  if (bud_document_insert (self->doc, BUD_KIND_TARGET, t, -1, &error) == NULL)
    bud_section_notify (GTK_WIDGET (self), error->message);
}

/* Inserts @ind (taken) into this table; NULL with a message when refused. */
static BudIndicator *
insert_indicator (BudTargetEditor *self,
                  BudIndicator    *ind)
{
  g_autoptr(GError) error = NULL;
  BudIndicator *done;

  ind->id = 0;
  ind->target = self->target;
  done = bud_document_insert (self->doc, BUD_KIND_INDICATOR, ind, -1, &error);
  if (done == NULL)
    bud_section_notify (GTK_WIDGET (self), error->message);
  return done;
}

gint64
bud_target_editor_add_indicator (BudTargetEditor *self)
{
  BudIndicator *ind;
  const BudPerfLevel *levels;
  guint n;
  GtkWidget *row;

  if (self->doc == NULL || self->target == 0)
    return 0;
  levels = framework (self, &n);
  ind = bud_entity_new (BUD_KIND_INDICATOR);
  g_free (ind->level1);
  ind->level1 = g_strdup (n > 0 ? levels[0].name : _("Output"));
  g_free (ind->level2);
  ind->level2 = g_strdup (n > 0 && levels[0].children != NULL && levels[0].children[0] != NULL
                          ? levels[0].children[0] : _("Quantity"));
  g_free (ind->name);
  ind->name = g_strdup (_("New indicator"));
  ind = insert_indicator (self, ind);
  if (ind == NULL)
    return 0;
  row = bud_target_editor_get_row (self, ind->id);
  if (row != NULL)
    gtk_widget_grab_focus (bud_indicator_row_get_name_entry (BUD_INDICATOR_ROW (row)));
  return ind->id;
}

static void
on_add_clicked (BudTargetEditor *self)
{
  bud_target_editor_add_indicator (self);
}

guint
bud_target_editor_copy_from (BudTargetEditor *self,
                             gint64           from_target)
{
  g_autoptr(GPtrArray) copies = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *items;
  guint n = 0;

  if (self->doc == NULL || self->target == 0 || from_target == self->target)
    return 0;
  items = bud_document_items (self->doc, BUD_KIND_INDICATOR);
  /* copy first: inserting grows the array being read */
  for (guint i = 0; i < items->len; i++)
    {
      BudIndicator *ind = g_ptr_array_index (items, i);
      if (ind->target == from_target)
        g_ptr_array_add (copies, bud_entity_copy (BUD_KIND_INDICATOR, ind));
    }
  /* one step to undo */
  if (!bud_document_begin (self->doc, &error))
    {
      bud_section_notify (GTK_WIDGET (self), error->message);
      for (guint i = 0; i < copies->len; i++)
        bud_entity_free (BUD_KIND_INDICATOR, copies->pdata[i]);
      return 0;
    }
  for (guint i = 0; i < copies->len; i++)
    if (insert_indicator (self, copies->pdata[i]) != NULL)
      n++;
  if (!bud_document_commit (self->doc, &error))
    {
      bud_section_notify (GTK_WIDGET (self), error->message);
      return 0;
    }
  return n;
}

/* ---- copy from another table ---- */

static void
on_copy_popover_show (BudTargetEditor *self)
{
  GtkWidget *child;
  GPtrArray *targets;

  while ((child = GTK_WIDGET (gtk_list_box_get_row_at_index (self->copy_list, 0))) != NULL)
    gtk_list_box_remove (self->copy_list, child);
  if (self->doc == NULL)
    return;
  targets = bud_document_items (self->doc, BUD_KIND_TARGET);
  for (guint i = 0; i < targets->len; i++)
    {
      BudTarget *t = g_ptr_array_index (targets, i);
      BudProject *p = t->project != 0 ? bud_document_lookup (self->doc, BUD_KIND_PROJECT, t->project) : NULL;
      GtkWidget *label;

      if (t->id == self->target)
        continue;
      label = gtk_label_new (p != NULL ? p->name : _("Department as a whole"));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_append (self->copy_list, label);
      g_object_set_data_full (G_OBJECT (gtk_widget_get_parent (label)), "target-id",
                              g_memdup2 (&t->id, sizeof t->id), g_free);
    }
}

static void
on_copy_row_activated (BudTargetEditor *self,
                       GtkListBoxRow   *row)
{
  gint64 *from = g_object_get_data (G_OBJECT (row), "target-id");
  guint n;
  g_autofree char *msg = NULL;

  gtk_popover_popdown (self->copy_popover);
  if (from == NULL)
    return;
  n = bud_target_editor_copy_from (self, *from);
  msg = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Copied %u indicator", "Copied %u indicators", n), n);
  bud_section_notify (GTK_WIDGET (self), msg);
}

/* ---- library ---- */

static void
fill_library (BudTargetEditor *self)
{
  BudIndicatorLibrary *lib = get_library (GTK_WIDGET (self));
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->library_search));
  GtkWidget *child;

  while ((child = GTK_WIDGET (gtk_list_box_get_row_at_index (self->library_list, 0))) != NULL)
    gtk_list_box_remove (self->library_list, child);
  for (guint i = 0; i < bud_indicator_library_get_n_items (lib); i++)
    {
      const BudIndicator *ind = bud_indicator_library_get (lib, i);
      g_autofree char *title = NULL;
      GtkWidget *row;

      if (query[0] != '\0' && strstr (ind->name, query) == NULL && strstr (ind->level2, query) == NULL &&
          strstr (ind->level1, query) == NULL)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ind->name);
      title = g_strdup_printf ("%s / %s", ind->level1, ind->level2);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), title);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (i + 1));
      gtk_list_box_append (self->library_list, row);
    }
  if (bud_indicator_library_get_n_items (lib) == 0)
    {
      GtkWidget *label = gtk_label_new (_("The library is empty: add indicators with the star button of an indicator, or import a library file."));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_append (self->library_list, label);
    }
}

static void
on_library_popover_show (BudTargetEditor *self)
{
  fill_library (self);
}

static void
on_library_search_changed (BudTargetEditor *self)
{
  fill_library (self);
}

static void
on_library_row_activated (BudTargetEditor *self,
                          GtkListBoxRow   *row)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index"));
  BudIndicatorLibrary *lib = get_library (GTK_WIDGET (self));

  if (index == 0 || index > bud_indicator_library_get_n_items (lib) || self->target == 0)
    return;
  gtk_popover_popdown (self->library_popover);
  insert_indicator (self, bud_entity_copy (BUD_KIND_INDICATOR, bud_indicator_library_get (lib, index - 1)));
}

static void
save_to_library_action (GtkWidget  *widget,
                        const char *action,
                        GVariant   *param)
{
  BudTargetEditor *self = BUD_TARGET_EDITOR (widget);
  gint64 id = g_variant_get_int64 (param);
  BudIndicator *ind = self->doc != NULL ? bud_document_lookup (self->doc, BUD_KIND_INDICATOR, id) : NULL;
  g_autofree char *msg = NULL;

  if (ind == NULL)
    return;
  bud_indicator_library_add (get_library (widget), ind);
  save_library (widget);
  msg = g_strdup_printf (_("“%s” is in your indicator library"), ind->name);
  bud_section_notify (widget, msg);
}

static void
on_import_response (GtkNativeDialog *dialog,
                    int              response,
                    BudTargetEditor *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      guint n = 0;

      if (!bud_indicator_library_import (get_library (GTK_WIDGET (self)), path, &n, &error))
        bud_section_notify (GTK_WIDGET (self), error->message);
      else
        {
          g_autofree char *msg = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u indicator added to your library",
                                                               "%u indicators added to your library", n), n);
          save_library (GTK_WIDGET (self));
          bud_section_notify (GTK_WIDGET (self), msg);
        }
    }
  g_object_unref (dialog);
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    BudTargetEditor *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (!bud_indicator_library_save (get_library (GTK_WIDGET (self)), path, &error))
        bud_section_notify (GTK_WIDGET (self), error->message);
    }
  g_object_unref (dialog);
}

static void
run_chooser (BudTargetEditor      *self,
             GtkFileChooserAction  action,
             const char           *title,
             GCallback             response)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_popover_popdown (self->library_popover);
  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, action, NULL, NULL);
  gtk_file_filter_set_name (filter, _("Indicator libraries (JSON)"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "indicators.json");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", response, self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_library_import_clicked (BudTargetEditor *self)
{
  run_chooser (self, GTK_FILE_CHOOSER_ACTION_OPEN, _("Import Indicators"), G_CALLBACK (on_import_response));
}

static void
on_library_export_clicked (BudTargetEditor *self)
{
  run_chooser (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export My Indicator Library"), G_CALLBACK (on_export_response));
}

/* ---- object ---- */

static void
bud_target_editor_dispose (GObject *object)
{
  BudTargetEditor *self = BUD_TARGET_EDITOR (object);

  bud_watch_document (&self->doc, &self->changed_id, NULL, NULL, NULL);
  g_clear_pointer (&self->tpl, bud_template_unref);
  G_OBJECT_CLASS (bud_target_editor_parent_class)->dispose (object);
}

static void
bud_target_editor_class_init (BudTargetEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bud_target_editor_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deptbudget/DeptBudget/bud-target-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BudTargetEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, BudTargetEditor, create_button);
  gtk_widget_class_bind_template_child (widget_class, BudTargetEditor, findings_label);
  gtk_widget_class_bind_template_child (widget_class, BudTargetEditor, goal);
  gtk_widget_class_bind_template_child (widget_class, BudTargetEditor, fiscal_upper);
  gtk_widget_class_bind_template_child (widget_class, BudTargetEditor, fiscal_local);
  gtk_widget_class_bind_template_child (widget_class, BudTargetEditor, other);
  gtk_widget_class_bind_template_child (widget_class, BudTargetEditor, weight_label);
  gtk_widget_class_bind_template_child (widget_class, BudTargetEditor, copy_button);
  gtk_widget_class_bind_template_child (widget_class, BudTargetEditor, copy_popover);
  gtk_widget_class_bind_template_child (widget_class, BudTargetEditor, copy_list);
  gtk_widget_class_bind_template_child (widget_class, BudTargetEditor, library_button);
  gtk_widget_class_bind_template_child (widget_class, BudTargetEditor, library_popover);
  gtk_widget_class_bind_template_child (widget_class, BudTargetEditor, library_search);
  gtk_widget_class_bind_template_child (widget_class, BudTargetEditor, library_list);
  gtk_widget_class_bind_template_child (widget_class, BudTargetEditor, add_button);
  gtk_widget_class_bind_template_child (widget_class, BudTargetEditor, indicators);
  gtk_widget_class_bind_template_callback (widget_class, on_create_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_library_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_library_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_library_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_library_import_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_library_export_clicked);
  gtk_widget_class_install_action (widget_class, "target.save-to-library", "x", save_to_library_action);
}

static void
bud_target_editor_init (BudTargetEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  bud_field_binding_new (self->goal, BUD_KIND_TARGET, "goal");
  bud_field_binding_new (self->fiscal_upper, BUD_KIND_TARGET, "fiscal_upper");
  bud_field_binding_new (self->fiscal_local, BUD_KIND_TARGET, "fiscal_local");
  bud_field_binding_new (self->other, BUD_KIND_TARGET, "other");
}
