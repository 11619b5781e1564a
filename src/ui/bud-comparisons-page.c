/* bud-comparisons-page.c — one row per measure the narrative compares with last year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The measures are the ones next year's rollover records (bud_rollover_measures
 * on this document), plus any comparative the document already holds. A
 * measure has no comparative row until the user enters something for it, so
 * the entries are not BudFieldBindings: the first good entry creates the row.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bud-catalog.h"
#include "bud-check.h"
#include "bud-comparisons-page.h"
#include "bud-money.h"
#include "bud-rollover.h"
#include "bud-section.h"

typedef struct
{
  char       *measure;
  GtkWidget  *this_year;
  GtkWidget  *last_year;
  GtkWidget  *change;
  GtkWidget  *percent;
  GtkWidget  *reason;
} Row;

struct _BudComparisonsPage
{
  AdwBin        parent_instance;
  GtkGrid      *grid;
  GPtrArray    *rows;        /* Row * */
  GStrv         measures;    /* what the rows are made of */
  BudDocument  *doc;
  gulong        changed_id;
};

static void bud_comparisons_page_section_init (BudSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BudComparisonsPage, bud_comparisons_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (BUD_TYPE_SECTION, bud_comparisons_page_section_init))

static void
row_free (Row *row)
{
  g_free (row->measure);
  g_free (row);
}

static const struct { const char *key; const char *label; } fixed_labels[] = {
  { "income.total", N_("Income total") },
  { "expense.total", N_("Expenditure total") },
  { "expense.basic", N_("Basic expenditure") },
  { "expense.project", N_("Project expenditure") },
  { "general.total", N_("General public budget appropriations") },
  { "general.basic", N_("General public budget: basic expenditure") },
  { "general.project", N_("General public budget: project expenditure") },
  { "sangong.total", N_("“Three public” expenses") },
  { "sangong.abroad", N_("Official travel abroad") },
  { "sangong.reception", N_("Official reception") },
  { "sangong.vehicle", N_("Official vehicles") },
  { "sangong.vehicle_purchase", N_("Official vehicle purchase") },
  { "sangong.vehicle_operation", N_("Official vehicle operation and maintenance") },
  { "entrusted.total", N_("Entrusted services") },
  { "running.total", N_("Running costs") },
};

static char *
measure_label (BudDocument *doc,
               const char  *measure)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixed_labels); i++)
    if (g_str_equal (measure, fixed_labels[i].key))
      return g_strdup (_(fixed_labels[i].label));

  if (g_str_has_prefix (measure, "income."))
    {
      const BudField *f = bud_entity_class_field (bud_entity_class (BUD_KIND_INCOME), "source");
      int source = bud_field_enum_lookup (f, measure + strlen ("income."));

      if (source >= 0 && source < BUD_N_SOURCES)
        /* Translators: a row of the comparisons page; %s is an income source */
        return g_strdup_printf (_("Income: %s"), bud_source_label (source));
    }
  if (g_str_has_prefix (measure, "general.func."))
    {
      const char *code = measure + strlen ("general.func.");
      const char *name = bud_catalog_name (bud_catalog_get_default (), doc, BUD_SCHEME_FUNCTIONAL, code);

      return g_strdup_printf ("%s %s", code, name != NULL ? name : "");
    }
  return g_strdup (measure);
}

static Row *
find_row (BudComparisonsPage *self,
          const char         *measure)
{
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      if (g_str_equal (row->measure, measure))
        return row;
    }
  return NULL;
}

static void
show_error (GtkWidget  *entry,
            const char *message)
{
  if (message != NULL)
    gtk_widget_add_css_class (entry, "error");
  else
    gtk_widget_remove_css_class (entry, "error");
  gtk_widget_set_tooltip_text (entry, message);
}

/* Shows this year, last year, the change and whether a reason is missing. */
static void
refresh_row (BudComparisonsPage *self,
             Row                *row)
{
  BudComparative *c = bud_document_find_comparative (self->doc, row->measure);
  gint64 this_year = 0;
  gint64 last_year = c != NULL ? c->last_year : 0;
  gboolean known = bud_check_measure_value (self->doc, row->measure, &this_year);
  g_autofree char *this_text = NULL;
  g_autofree char *change = NULL;
  g_autofree char *percent = NULL;
  gboolean missing_reason;

  this_text = known ? bud_money_format (this_year, BUD_MONEY_YUAN, BUD_MONEY_FORMAT_GROUPING) : g_strdup ("—");
  gtk_label_set_text (GTK_LABEL (row->this_year), this_text);
  change = bud_money_format (this_year - last_year, BUD_MONEY_YUAN, BUD_MONEY_FORMAT_GROUPING);
  gtk_label_set_text (GTK_LABEL (row->change), change);
  percent = bud_percent_format (this_year - last_year, last_year);
  gtk_label_set_text (GTK_LABEL (row->percent), percent != NULL ? percent : "—");

  /* a text the user is correcting stays as typed */
  if (!gtk_widget_has_css_class (row->last_year, "error"))
    {
      g_autofree char *text = c != NULL ? bud_money_format (c->last_year, BUD_MONEY_YUAN, BUD_MONEY_FORMAT_GROUPING)
                                        : g_strdup ("");

      if (!g_str_equal (gtk_editable_get_text (GTK_EDITABLE (row->last_year)), text))
        gtk_editable_set_text (GTK_EDITABLE (row->last_year), text);
    }
  if (!gtk_widget_has_css_class (row->reason, "error"))
    {
      const char *reason = c != NULL ? c->reason : "";

      if (!g_str_equal (gtk_editable_get_text (GTK_EDITABLE (row->reason)), reason))
        gtk_editable_set_text (GTK_EDITABLE (row->reason), reason);
    }

  missing_reason = c != NULL && this_year != last_year && c->reason[0] == '\0';
  if (missing_reason)
    {
      gtk_widget_add_css_class (row->reason, "warning");
      if (!gtk_widget_has_css_class (row->reason, "error"))
        gtk_widget_set_tooltip_text (row->reason, _("The figure changed from last year: say why"));
    }
  else
    {
      gtk_widget_remove_css_class (row->reason, "warning");
      if (!gtk_widget_has_css_class (row->reason, "error"))
        gtk_widget_set_tooltip_text (row->reason, NULL);
    }
}

/* The comparative of @measure, created (with nothing in it) if there is none yet. */
static BudComparative *
ensure_comparative (BudDocument  *doc,
                    const char   *measure,
                    GError      **error)
{
  BudComparative *c = bud_document_find_comparative (doc, measure);

  if (c != NULL)
    return c;
  c = bud_entity_new (BUD_KIND_COMPARATIVE);
  g_free (c->measure);
  c->measure = g_strdup (measure);
  return bud_document_insert (doc, BUD_KIND_COMPARATIVE, c, -1, error);
}

static gboolean
commit_last_year (BudComparisonsPage *self,
                  Row                *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->last_year))));
  BudComparative *c;
  gint64 fen = 0;
  g_autoptr(GError) error = NULL;

  if (self->doc == NULL)
    return FALSE;
  c = bud_document_find_comparative (self->doc, row->measure);
  if (text[0] == '\0' && c == NULL)
    {
      show_error (row->last_year, NULL);
      return TRUE;
    }
  if (!bud_money_parse (text, BUD_MONEY_YUAN, &fen, &error) && !g_error_matches (error, BUD_MONEY_ERROR, BUD_MONEY_ERROR_EMPTY))
    {
      g_autofree char *label = measure_label (self->doc, row->measure);
      /* Translators: %s is a row of the comparisons page, then why the amount is refused */
      g_autofree char *msg = g_strdup_printf (_("Last year’s budget of “%s”: %s"), label, error->message);

      show_error (row->last_year, msg);
      return FALSE;
    }
  g_clear_error (&error);
  if ((c = ensure_comparative (self->doc, row->measure, &error)) == NULL ||
      (c->last_year != fen &&
       !bud_document_set_int (self->doc, BUD_KIND_COMPARATIVE, c->id, "last_year", fen, &error)))
    {
      show_error (row->last_year, error->message);
      return FALSE;
    }
  show_error (row->last_year, NULL);
  refresh_row (self, row);
  return TRUE;
}

static gboolean
commit_reason (BudComparisonsPage *self,
               Row                *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row->reason));
  BudComparative *c;
  g_autoptr(GError) error = NULL;

  if (self->doc == NULL)
    return FALSE;
  c = bud_document_find_comparative (self->doc, row->measure);
  if (c == NULL && text[0] == '\0')
    return TRUE;
  if ((c = ensure_comparative (self->doc, row->measure, &error)) == NULL ||
      (!g_str_equal (c->reason, text) &&
       !bud_document_set_text (self->doc, BUD_KIND_COMPARATIVE, c->id, "reason", text, &error)))
    {
      show_error (row->reason, error->message);
      return FALSE;
    }
  show_error (row->reason, NULL);
  refresh_row (self, row);
  return TRUE;
}

static void
on_activate (GtkWidget          *entry,
             BudComparisonsPage *self)
{
  Row *row = g_object_get_data (G_OBJECT (entry), "row");

  if (entry == row->last_year)
    commit_last_year (self, row);
  else
    commit_reason (self, row);
}

static void
on_focus_leave (GtkEventControllerFocus *focus,
                BudComparisonsPage      *self)
{
  on_activate (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus)), self);
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
new_entry (BudComparisonsPage *self,
           Row                *row,
           const char         *accessible_label)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_object_set_data (G_OBJECT (entry), "row", row);
  g_signal_connect (entry, "activate", G_CALLBACK (on_activate), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (entry, focus);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  gtk_widget_set_sensitive (entry, !bud_document_get_read_only (self->doc));
  return entry;
}

static void
attach_header (BudComparisonsPage *self,
               const char         *text,
               int                 column,
               float               xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (self->grid, label, column, 0, 1, 1);
}

static GStrv
current_measures (BudDocument *doc)
{
  g_auto(GStrv) measures = bud_rollover_measures (doc);
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  GPtrArray *comparatives = bud_document_items (doc, BUD_KIND_COMPARATIVE);

  for (guint i = 0; measures[i] != NULL; i++)
    {
      gint64 v = 0;

      /* a source without money this year has nothing to compare unless the user already did */
      if (g_str_has_prefix (measures[i], "income.") && !g_str_equal (measures[i], "income.total") &&
          bud_check_measure_value (doc, measures[i], &v) && v == 0 &&
          bud_document_find_comparative (doc, measures[i]) == NULL)
        continue;
      g_strv_builder_add (b, measures[i]);
    }
  /* what the document already compares stays visible, even if no longer computed */
  for (guint i = 0; i < comparatives->len; i++)
    {
      const BudComparative *c = g_ptr_array_index (comparatives, i);
      if (!g_strv_contains ((const char * const *) measures, c->measure))
        g_strv_builder_add (b, c->measure);
    }
  return g_strv_builder_end (b);
}

static void
rebuild (BudComparisonsPage *self)
{
  GtkWidget *child;
  g_auto(GStrv) measures = NULL;

  if (self->doc != NULL)
    {
      measures = current_measures (self->doc);
      if (self->measures != NULL && g_strv_equal ((const char * const *) measures,
                                                  (const char * const *) self->measures))
        {
          for (guint i = 0; i < self->rows->len; i++)
            refresh_row (self, g_ptr_array_index (self->rows, i));
          return;
        }
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  g_ptr_array_set_size (self->rows, 0);
  g_clear_pointer (&self->measures, g_strfreev);
  if (self->doc == NULL)
    return;

  attach_header (self, _("Measure"), 0, 0);
  attach_header (self, _("This year"), 1, 1);
  attach_header (self, _("Last year’s budget"), 2, 1);
  attach_header (self, _("Difference"), 3, 1);
  attach_header (self, _("Difference (%)"), 4, 1);
  attach_header (self, _("Main reason"), 5, 0);

  for (guint i = 0; measures[i] != NULL; i++)
    {
      Row *row = g_new0 (Row, 1);
      g_autofree char *label = measure_label (self->doc, measures[i]);
      g_autofree char *reason_label = NULL;
      GtkWidget *name = gtk_label_new (label);

      row->measure = g_strdup (measures[i]);
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 30);
      gtk_widget_set_tooltip_text (name, measures[i]);
      gtk_grid_attach (self->grid, name, 0, i + 1, 1, 1);

      row->this_year = money_label ();
      gtk_grid_attach (self->grid, row->this_year, 1, i + 1, 1, 1);

      row->last_year = new_entry (self, row, label);
      gtk_entry_set_alignment (GTK_ENTRY (row->last_year), 1);
      gtk_editable_set_width_chars (GTK_EDITABLE (row->last_year), 14);
      gtk_widget_add_css_class (row->last_year, "numeric");
      gtk_grid_attach (self->grid, row->last_year, 2, i + 1, 1, 1);

      row->change = money_label ();
      gtk_grid_attach (self->grid, row->change, 3, i + 1, 1, 1);
      row->percent = money_label ();
      gtk_grid_attach (self->grid, row->percent, 4, i + 1, 1, 1);

      /* Translators: accessible name of a reason entry; %s is the measure */
      reason_label = g_strdup_printf (_("Main reason: %s"), label);
      row->reason = new_entry (self, row, reason_label);
      gtk_widget_set_hexpand (row->reason, TRUE);
      gtk_grid_attach (self->grid, row->reason, 5, i + 1, 1, 1);

      g_ptr_array_add (self->rows, row);
      refresh_row (self, row);
    }
  self->measures = g_steal_pointer (&measures);
}

static void
on_document_changed (BudComparisonsPage *self,
                     int                 kind,
                     gint64              id,
                     const char         *field,
                     int                 type)
{
  if (type == BUD_CHANGE_RELOAD)
    {
      g_clear_pointer (&self->measures, g_strfreev);
      rebuild (self);
    }
  else if (kind == BUD_KIND_COMPARATIVE)
    rebuild (self);
}

static void
comparisons_set_document (BudSection  *section,
                          BudDocument *doc)
{
  BudComparisonsPage *self = BUD_COMPARISONS_PAGE (section);

  g_clear_pointer (&self->measures, g_strfreev);
  bud_watch_document (&self->doc, &self->changed_id, doc, G_CALLBACK (on_document_changed), self);
  rebuild (self);
}

static void
comparisons_update (BudSection       *section,
                    const BudSummary *summary)
{
  rebuild (BUD_COMPARISONS_PAGE (section));
}

static gboolean
comparisons_show_location (BudSection *section,
                           BudKind     kind,
                           gint64      id,
                           const char *field)
{
  BudComparisonsPage *self = BUD_COMPARISONS_PAGE (section);
  BudComparative *c = self->doc != NULL ? bud_document_lookup (self->doc, BUD_KIND_COMPARATIVE, id) : NULL;
  Row *row = c != NULL ? find_row (self, c->measure) : NULL;

  if (row == NULL)
    return FALSE;
  gtk_widget_grab_focus (g_strcmp0 (field, "reason") == 0 ? row->reason : row->last_year);
  return TRUE;
}

static void
bud_comparisons_page_section_init (BudSectionInterface *iface)
{
  iface->set_document = comparisons_set_document;
  iface->update = comparisons_update;
  iface->show_location = comparisons_show_location;
}

GtkWidget *
bud_comparisons_page_get_last_year_entry (BudComparisonsPage *self,
                                          const char         *measure)
{
  Row *row = find_row (self, measure);
  return row != NULL ? row->last_year : NULL;
}

GtkWidget *
bud_comparisons_page_get_reason_entry (BudComparisonsPage *self,
                                       const char         *measure)
{
  Row *row = find_row (self, measure);
  return row != NULL ? row->reason : NULL;
}

const char *
bud_comparisons_page_get_change (BudComparisonsPage *self,
                                 const char         *measure)
{
  Row *row = find_row (self, measure);
  return row != NULL ? gtk_label_get_text (GTK_LABEL (row->change)) : NULL;
}

static void
bud_comparisons_page_dispose (GObject *object)
{
  BudComparisonsPage *self = BUD_COMPARISONS_PAGE (object);

  bud_watch_document (&self->doc, &self->changed_id, NULL, NULL, NULL);
  G_OBJECT_CLASS (bud_comparisons_page_parent_class)->dispose (object);
}

static void
bud_comparisons_page_finalize (GObject *object)
{
  BudComparisonsPage *self = BUD_COMPARISONS_PAGE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->measures, g_strfreev);
  G_OBJECT_CLASS (bud_comparisons_page_parent_class)->finalize (object);
}

static void
bud_comparisons_page_class_init (BudComparisonsPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bud_comparisons_page_dispose;
  G_OBJECT_CLASS (klass)->finalize = bud_comparisons_page_finalize;
}

static void
bud_comparisons_page_init (BudComparisonsPage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *title = gtk_label_new (_("Comparison with Last Year"));
  GtkWidget *intro = gtk_label_new (_("Last year’s budget of each figure the narrative compares, in yuan, and the main reason for the change. A figure that changed needs a reason."));

  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1200);
  gtk_widget_set_margin_top (clamp, 24);
  gtk_widget_set_margin_bottom (clamp, 24);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-2");
  gtk_box_append (GTK_BOX (box), title);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_widget_add_css_class (intro, "dim-label");
  gtk_box_append (GTK_BOX (box), intro);

  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->grid, 12);
  gtk_grid_set_row_spacing (self->grid, 6);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->grid));

  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  adw_bin_set_child (ADW_BIN (self), scrolled);
}
