/* bud-indicator-row.c — the fields of one indicator; 一级/二级 from the template's framework
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bud-field-binding.h"
#include "bud-indicator-row.h"
#include "bud-money.h"
#include "bud-section.h"

struct _BudIndicatorRow
{
  GtkListBoxRow        parent_instance;

  GtkDropDown         *level1;
  GtkDropDown         *level2;
  GtkWidget           *name;
  GtkDropDown         *op;
  GtkWidget           *value;
  GtkWidget           *unit;
  GtkWidget           *weight;
  GtkWidget           *up_button;
  GtkWidget           *down_button;
  GtkWidget           *library_button;
  GtkWidget           *remove_button;
  GtkWidget           *basis;
  GtkWidget           *last_value;
  GtkWidget           *scoring;
  GtkWidget           *evidence;

  BudDocument         *doc;
  gulong               changed_id;
  gint64               id;
  const BudPerfLevel  *levels;       /* owned by the template, which the editor holds */
  guint                n_levels;
  GtkStringList       *level1_names;
  GtkStringList       *level2_names;
  gboolean             loading;
};

G_DEFINE_FINAL_TYPE (BudIndicatorRow, bud_indicator_row, GTK_TYPE_LIST_BOX_ROW)

/* The order of BudIndicatorOp */
static const char * const op_symbols[] = { "≥", "≤", "=", ">", "<", NULL };

gboolean
bud_indicator_value_valid (int          op,
                           const char  *text,
                           GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr(GError) local = NULL;
  gint64 v;

  if (op == BUD_OP_QUAL || *stripped == '\0')
    return TRUE;
  /* the table prints the number as typed: the same rule as the perf.value check */
  if (strchr (stripped, ',') != NULL)
    {
      g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_INVALID,
                   _("“%s” is not a plain number: leave out the thousands separators"), stripped);
      return FALSE;
    }
  if (!bud_fixed2_parse (stripped, &v, &local))
    {
      g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_INVALID,
                   _("“%s” is not a number; a quantitative indicator needs a number such as 160 or 98.5 "
                     "(choose “Qualitative” for a text value)"), stripped);
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_value (BudDocument  *doc,
                gint64        id,
                const char   *text,
                gpointer      data,
                GError      **error)
{
  BudIndicator *ind = bud_document_lookup (doc, BUD_KIND_INDICATOR, id);

  return ind == NULL || bud_indicator_value_valid (ind->op, text, error);
}

static BudIndicator *
row_indicator (BudIndicatorRow *self)
{
  return self->doc != NULL ? bud_document_lookup (self->doc, BUD_KIND_INDICATOR, self->id) : NULL;
}

static const BudPerfLevel *
find_level1 (BudIndicatorRow *self,
             const char      *name)
{
  for (guint i = 0; i < self->n_levels; i++)
    if (g_strcmp0 (self->levels[i].name, name) == 0)
      return &self->levels[i];
  return NULL;
}

/* Fills @list with @names and @current (kept even when the framework lacks
 * it, so an imported name is never lost) and selects @current. */
static void
fill_choices (GtkDropDown        *dropdown,
              GtkStringList      *list,
              const char * const *names,
              guint               n_names,
              const BudPerfLevel *levels,
              const char         *current)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint selected = GTK_INVALID_LIST_POSITION;

  gtk_string_list_splice (list, 0, n, NULL);
  for (guint i = 0; i < n_names; i++)
    {
      const char *name = names != NULL ? names[i] : levels[i].name;

      if (g_strcmp0 (name, current) == 0)
        selected = i;
      gtk_string_list_append (list, name);
    }
  if (selected == GTK_INVALID_LIST_POSITION && current != NULL && current[0] != '\0')
    {
      gtk_string_list_append (list, current);
      selected = n_names;
    }
  gtk_drop_down_set_selected (dropdown, selected);
}

static void
refresh_choices (BudIndicatorRow *self)
{
  BudIndicator *ind = row_indicator (self);
  const BudPerfLevel *l1;

  if (ind == NULL)
    return;
  self->loading = TRUE;
  fill_choices (self->level1, self->level1_names, NULL, self->n_levels, self->levels, ind->level1);
  l1 = find_level1 (self, ind->level1);
  fill_choices (self->level2, self->level2_names,
                l1 != NULL ? (const char * const *) l1->children : NULL,
                l1 != NULL && l1->children != NULL ? g_strv_length (l1->children) : 0,
                NULL, ind->level2);
  gtk_drop_down_set_selected (self->op, ind->op >= 0 && ind->op <= BUD_OP_QUAL ? (guint) ind->op : 0);
  self->loading = FALSE;
}

static void
set_text_field (BudIndicatorRow *self,
                const char      *field,
                const char      *value)
{
  g_autoptr(GError) error = NULL;
  BudIndicator *ind = row_indicator (self);

  if (ind == NULL || value == NULL ||
      g_strcmp0 (bud_field_get_text (ind, bud_entity_class_field (bud_entity_class (BUD_KIND_INDICATOR),
                                                                    field)), value) == 0)
    return;
  if (!bud_document_set_text (self->doc, BUD_KIND_INDICATOR, self->id, field, value, &error))
    {
      bud_section_notify (GTK_WIDGET (self), error->message);
      refresh_choices (self);
    }
}

static const char *
dropdown_string (GtkDropDown *dropdown)
{
  gpointer item = gtk_drop_down_get_selected_item (dropdown);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

static void
on_level1_selected (BudIndicatorRow *self)
{
  const char *name = dropdown_string (self->level1);
  const BudPerfLevel *l1;
  BudIndicator *ind = row_indicator (self);

  if (self->loading || ind == NULL || name == NULL || g_strcmp0 (name, ind->level1) == 0)
    return;
  /* a new 一级 makes the 二级 a choice among its own children: take the first */
  l1 = find_level1 (self, name);
  bud_document_begin (self->doc, NULL);
  set_text_field (self, "level1", name);
  if (l1 != NULL && l1->children != NULL && l1->children[0] != NULL &&
      !g_strv_contains ((const char * const *) l1->children, ind->level2))
    set_text_field (self, "level2", l1->children[0]);
  bud_document_commit (self->doc, NULL);
  refresh_choices (self);
}

static void
on_level2_selected (BudIndicatorRow *self)
{
  if (!self->loading)
    set_text_field (self, "level2", dropdown_string (self->level2));
}

static void
on_op_selected (BudIndicatorRow *self)
{
  guint op = gtk_drop_down_get_selected (self->op);
  BudIndicator *ind = row_indicator (self);
  g_autoptr(GError) error = NULL;

  if (self->loading || ind == NULL || op == GTK_INVALID_LIST_POSITION || (int) op == ind->op)
    return;
  if (!bud_document_set_int (self->doc, BUD_KIND_INDICATOR, self->id, "op", op, &error))
    bud_section_notify (GTK_WIDGET (self), error->message);
  /* what the value may hold depends on the operator */
  bud_field_binding_revalidate (bud_field_binding_get (self->value));
}

static gint64
neighbour (BudIndicatorRow *self,
           gint             direction)
{
  GPtrArray *items = bud_document_items (self->doc, BUD_KIND_INDICATOR);
  BudIndicator *ind = row_indicator (self);
  gint pos = bud_document_position (self->doc, BUD_KIND_INDICATOR, self->id);

  if (ind == NULL || pos < 0)
    return -1;
  for (gint i = pos + direction; i >= 0 && i < (gint) items->len; i += direction)
    if (((BudIndicator *) g_ptr_array_index (items, i))->target == ind->target)
      return i;
  return -1;
}

static void
move (BudIndicatorRow *self,
      gint             direction)
{
  gint to = neighbour (self, direction);
  g_autoptr(GError) error = NULL;

  if (to < 0)
    return;
  if (!bud_document_move (self->doc, BUD_KIND_INDICATOR, self->id, (guint) to, &error))
    bud_section_notify (GTK_WIDGET (self), error->message);
}

static void
on_up_clicked (BudIndicatorRow *self)
{
  move (self, -1);
}

static void
on_down_clicked (BudIndicatorRow *self)
{
  move (self, +1);
}

static void
on_remove_clicked (BudIndicatorRow *self)
{
  g_autoptr(GError) error = NULL;

  if (!bud_document_remove (self->doc, BUD_KIND_INDICATOR, self->id, &error))
    bud_section_notify (GTK_WIDGET (self), error->message);
}

static void
on_document_changed (BudIndicatorRow *self,
                     int              kind,
                     gint64           id,
                     const char      *field,
                     int              type)
{
  if (kind == BUD_KIND_INDICATOR && id == self->id && type == BUD_CHANGE_UPDATE)
    {
      refresh_choices (self);
      if (g_strcmp0 (field, "op") == 0)
        bud_field_binding_revalidate (bud_field_binding_get (self->value));
    }
}

GtkWidget *
bud_indicator_row_new (BudDocument        *doc,
                       gint64              id,
                       const BudPerfLevel *levels,
                       guint               n_levels)
{
  BudIndicatorRow *self = g_object_new (BUD_TYPE_INDICATOR_ROW, NULL);
  GtkWidget *bound[] = { self->name, self->value, self->unit, self->weight,
                         self->basis, self->last_value, self->scoring, self->evidence };
  gboolean writable = !bud_document_get_read_only (doc);

  self->doc = g_object_ref (doc);
  self->id = id;
  self->levels = levels;
  self->n_levels = levels != NULL ? n_levels : 0;
  self->changed_id = g_signal_connect_swapped (doc, "changed", G_CALLBACK (on_document_changed), self);

  bud_field_binding_set_validator (bud_field_binding_get (self->value), validate_value, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (bound); i++)
    bud_field_binding_set_target (bud_field_binding_get (bound[i]), doc, id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->library_button), "x", id);

  gtk_widget_set_sensitive (GTK_WIDGET (self->level1), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->level2), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->op), writable);
  gtk_widget_set_sensitive (self->up_button, writable);
  gtk_widget_set_sensitive (self->down_button, writable);
  gtk_widget_set_sensitive (self->remove_button, writable);
  refresh_choices (self);
  return GTK_WIDGET (self);
}

gint64
bud_indicator_row_get_id (BudIndicatorRow *self)
{
  return self->id;
}

GtkWidget *
bud_indicator_row_get_value_entry (BudIndicatorRow *self)
{
  return self->value;
}

GtkWidget *
bud_indicator_row_get_weight_entry (BudIndicatorRow *self)
{
  return self->weight;
}

GtkWidget *
bud_indicator_row_get_name_entry (BudIndicatorRow *self)
{
  return self->name;
}

GtkDropDown *
bud_indicator_row_get_op_dropdown (BudIndicatorRow *self)
{
  return self->op;
}

GtkWidget *
bud_indicator_row_get_move_button (BudIndicatorRow *self,
                                   gboolean         up)
{
  return up ? self->up_button : self->down_button;
}

static void
bud_indicator_row_dispose (GObject *object)
{
  BudIndicatorRow *self = BUD_INDICATOR_ROW (object);

  bud_watch_document (&self->doc, &self->changed_id, NULL, NULL, NULL);
  g_clear_object (&self->level1_names);
  g_clear_object (&self->level2_names);
  G_OBJECT_CLASS (bud_indicator_row_parent_class)->dispose (object);
}

static void
bud_indicator_row_class_init (BudIndicatorRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bud_indicator_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deptbudget/DeptBudget/bud-indicator-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BudIndicatorRow, level1);
  gtk_widget_class_bind_template_child (widget_class, BudIndicatorRow, level2);
  gtk_widget_class_bind_template_child (widget_class, BudIndicatorRow, name);
  gtk_widget_class_bind_template_child (widget_class, BudIndicatorRow, op);
  gtk_widget_class_bind_template_child (widget_class, BudIndicatorRow, value);
  gtk_widget_class_bind_template_child (widget_class, BudIndicatorRow, unit);
  gtk_widget_class_bind_template_child (widget_class, BudIndicatorRow, weight);
  gtk_widget_class_bind_template_child (widget_class, BudIndicatorRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, BudIndicatorRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, BudIndicatorRow, library_button);
  gtk_widget_class_bind_template_child (widget_class, BudIndicatorRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, BudIndicatorRow, basis);
  gtk_widget_class_bind_template_child (widget_class, BudIndicatorRow, last_value);
  gtk_widget_class_bind_template_child (widget_class, BudIndicatorRow, scoring);
  gtk_widget_class_bind_template_child (widget_class, BudIndicatorRow, evidence);
  gtk_widget_class_bind_template_callback (widget_class, on_level1_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_level2_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_op_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_up_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_down_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
}

static void
bud_indicator_row_init (BudIndicatorRow *self)
{
  g_autoptr(GtkStringList) ops = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->level1_names = gtk_string_list_new (NULL);
  self->level2_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->level1, G_LIST_MODEL (self->level1_names));
  gtk_drop_down_set_model (self->level2, G_LIST_MODEL (self->level2_names));
  ops = gtk_string_list_new ((const char * const *) op_symbols);
  /* Translators: the operator of an indicator whose value is a text (定性) */
  gtk_string_list_append (ops, _("Qualitative"));
  gtk_drop_down_set_model (self->op, G_LIST_MODEL (ops));

  bud_field_binding_new (self->name, BUD_KIND_INDICATOR, "name");
  bud_field_binding_new (self->value, BUD_KIND_INDICATOR, "value");
  bud_field_binding_new (self->unit, BUD_KIND_INDICATOR, "unit");
  bud_field_binding_new (self->weight, BUD_KIND_INDICATOR, "weight");
  bud_field_binding_new (self->basis, BUD_KIND_INDICATOR, "basis");
  bud_field_binding_new (self->last_value, BUD_KIND_INDICATOR, "last_value");
  bud_field_binding_new (self->scoring, BUD_KIND_INDICATOR, "scoring");
  bud_field_binding_new (self->evidence, BUD_KIND_INDICATOR, "evidence");
}
