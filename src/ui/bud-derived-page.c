/* bud-derived-page.c — 三公/委托: derived figures, read-only, explained line by line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One card per figure of bud_derived_measures: this year, last year, the
 * change, the reason (edited on the Comparisons page, which a button opens),
 * the rule in words and the lines that make the figure, each of which opens
 * the line on the Budget Lines page. The cards are refreshed after each edit
 * while the page shows, and when it is shown again after edits elsewhere.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bud-catalog.h"
#include "bud-comparisons-page.h"
#include "bud-derived-page.h"
#include "bud-derived.h"
#include "bud-money.h"
#include "bud-section.h"
#include "bud-window.h"

/* Beyond this the list says how many more: the Budget Lines page is the place for thousands. */
#define MAX_LISTED_LINES 200

typedef struct
{
  char       *key;
  GtkWidget  *figure;
  GtkWidget  *last_year;
  GtkWidget  *change;
  GtkWidget  *reason;
  GtkWidget  *reason_button;
  GtkWidget  *rule;
  GtkWidget  *expander;
  GtkWidget  *list;
} Card;

struct _BudDerivedPage
{
  AdwBin        parent_instance;
  GtkBox       *cards_box;
  GPtrArray    *cards;     /* Card * */
  BudDocument  *doc;
  guint64       shown_revision;
  gboolean      stale;
};

static void bud_derived_page_section_init (BudSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BudDerivedPage, bud_derived_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (BUD_TYPE_SECTION, bud_derived_page_section_init))

static void
card_free (Card *card)
{
  g_free (card->key);
  g_free (card);
}

static Card *
find_card (BudDerivedPage *self,
           const char     *key)
{
  for (guint i = 0; i < self->cards->len; i++)
    {
      Card *card = g_ptr_array_index (self->cards, i);
      if (g_str_equal (card->key, key))
        return card;
    }
  return NULL;
}

static char *
yuan (gint64 fen)
{
  return bud_money_format (fen, BUD_MONEY_YUAN, BUD_MONEY_FORMAT_GROUPING);
}

static GtkWidget *
label_new (const char *css_class,
           float       xalign)
{
  GtkWidget *label = gtk_label_new ("");

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
on_reason_clicked (GtkButton      *button,
                   BudDerivedPage *self)
{
  Card *card = g_object_get_data (G_OBJECT (button), "card");
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), BUD_TYPE_WINDOW);
  GtkWidget *page;
  GtkWidget *entry;

  if (window == NULL)
    return;
  bud_window_show_section (BUD_WINDOW (window), "comparisons");
  page = bud_window_get_section (BUD_WINDOW (window), "comparisons");
  entry = bud_comparisons_page_get_reason_entry (BUD_COMPARISONS_PAGE (page), card->key);
  if (entry != NULL)
    gtk_widget_grab_focus (entry);
}

static void
on_line_activated (GtkListBox     *list,
                   GtkListBoxRow  *row,
                   BudDerivedPage *self)
{
  const gint64 *id = g_object_get_data (G_OBJECT (row), "line");
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), BUD_TYPE_WINDOW);

  if (id != NULL && window != NULL)
    bud_window_show_location (BUD_WINDOW (window), BUD_KIND_LINE, *id, "amount");
}

static Card *
add_card (BudDerivedPage          *self,
          const BudDerivedMeasure *m)
{
  Card *card = g_new0 (Card, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *figures = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *reason_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = label_new ("heading", 0);

  card->key = g_strdup (m->key);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_margin_start (box, m->level * 36);
  gtk_widget_set_margin_top (top, 12);

  gtk_label_set_text (GTK_LABEL (title), m->label);
  gtk_widget_set_tooltip_text (title, m->key);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (top), title);
  card->figure = label_new ("title-3", 1);
  gtk_widget_add_css_class (card->figure, "numeric");
  gtk_box_append (GTK_BOX (top), card->figure);
  gtk_box_append (GTK_BOX (box), top);

  card->last_year = label_new ("numeric", 0);
  gtk_box_append (GTK_BOX (figures), card->last_year);
  card->change = label_new ("numeric", 0);
  gtk_box_append (GTK_BOX (figures), card->change);
  gtk_box_append (GTK_BOX (box), figures);

  card->reason = label_new (NULL, 0);
  gtk_widget_set_hexpand (card->reason, TRUE);
  gtk_label_set_selectable (GTK_LABEL (card->reason), TRUE);
  gtk_box_append (GTK_BOX (reason_box), card->reason);
  card->reason_button = gtk_button_new_with_label (_("Edit on Comparisons Page"));
  gtk_widget_set_valign (card->reason_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (card->reason_button, _("Last year’s figure and the reason are entered on the Comparisons page"));
  g_object_set_data (G_OBJECT (card->reason_button), "card", card);
  g_signal_connect (card->reason_button, "clicked", G_CALLBACK (on_reason_clicked), self);
  gtk_box_append (GTK_BOX (reason_box), card->reason_button);
  gtk_box_append (GTK_BOX (box), reason_box);

  card->rule = label_new ("dim-label", 0);
  gtk_box_append (GTK_BOX (box), card->rule);

  card->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (card->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (card->list, "boxed-list");
  g_signal_connect (card->list, "row-activated", G_CALLBACK (on_line_activated), self);
  card->expander = gtk_expander_new ("");
  gtk_expander_set_child (GTK_EXPANDER (card->expander), card->list);
  /* a short list is the explanation itself: shown open; the user's choice stays after that */
  gtk_expander_set_expanded (GTK_EXPANDER (card->expander), m->lines->len > 0 && m->lines->len <= 10);
  gtk_widget_set_sensitive (card->expander, m->lines->len > 0);
  gtk_box_append (GTK_BOX (box), card->expander);

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      gtk_widget_set_margin_start (child, 12);
      gtk_widget_set_margin_end (child, 12);
    }
  gtk_widget_set_margin_bottom (card->expander, 12);

  gtk_box_append (self->cards_box, box);
  g_ptr_array_add (self->cards, card);
  return card;
}

/* "unit · 功能 code name · 经济 code name · basic/project · project" */
static char *
describe_line (BudDocument   *doc,
               const BudLine *l)
{
  BudCatalog *catalog = bud_catalog_get_default ();
  const BudUnit *unit = bud_document_lookup (doc, BUD_KIND_UNIT, l->unit);
  const BudProject *project = l->project != 0 ? bud_document_lookup (doc, BUD_KIND_PROJECT, l->project) : NULL;
  const char *func = bud_catalog_name (catalog, doc, BUD_SCHEME_FUNCTIONAL, l->func);
  const char *econ = bud_catalog_name (catalog, doc, BUD_SCHEME_ECONOMIC, l->econ);
  GString *s = g_string_new (unit != NULL ? unit->name : "");

  g_string_append_printf (s, " · %s %s · %s %s · %s", l->func, func != NULL ? func : "",
                          l->econ, econ != NULL ? econ : "",
                          l->kind == BUD_SPEND_PROJECT ? _("Project expenditure") : _("Basic expenditure"));
  if (project != NULL)
    g_string_append_printf (s, " · %s", project->name);
  return g_string_free (s, FALSE);
}

static void
fill_lines (BudDerivedPage          *self,
            Card                    *card,
            const BudDerivedMeasure *m)
{
  GtkListBox *list = GTK_LIST_BOX (card->list);
  GtkWidget *child;
  g_autofree char *title = NULL;

  while ((child = gtk_widget_get_first_child (card->list)) != NULL)
    gtk_list_box_remove (list, child);

  for (guint i = 0; i < m->lines->len && i < MAX_LISTED_LINES; i++)
    {
      gint64 id = g_array_index (m->lines, gint64, i);
      const BudLine *l = bud_document_lookup (self->doc, BUD_KIND_LINE, id);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      g_autofree char *text = describe_line (self->doc, l);
      g_autofree char *amount = yuan (l->amount);
      GtkWidget *what = gtk_label_new (text);
      GtkWidget *money = gtk_label_new (amount);

      gtk_label_set_xalign (GTK_LABEL (what), 0);
      gtk_label_set_ellipsize (GTK_LABEL (what), PANGO_ELLIPSIZE_END);
      gtk_widget_set_tooltip_text (what, text);
      gtk_widget_set_hexpand (what, TRUE);
      gtk_box_append (GTK_BOX (box), what);
      gtk_widget_add_css_class (money, "numeric");
      gtk_box_append (GTK_BOX (box), money);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_widget_set_tooltip_text (row, _("Open this line on the Budget Lines page"));
      g_object_set_data_full (G_OBJECT (row), "line", g_memdup2 (&id, sizeof id), g_free);
      gtk_list_box_append (list, row);
    }
  if (m->lines->len > MAX_LISTED_LINES)
    {
      guint more = m->lines->len - MAX_LISTED_LINES;
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %u more line",
                                                            "… and %u more lines", more), more);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (list, row);
    }

  if (m->lines->len == 0)
    title = g_strdup (_("No budget line makes this figure"));
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u budget line makes this figure",
                                          "%u budget lines make this figure", m->lines->len),
                             m->lines->len);
  gtk_expander_set_label (GTK_EXPANDER (card->expander), title);
  /* lines appearing where there were none: show them, as a short list shows on opening */
  if (!gtk_widget_get_sensitive (card->expander) && m->lines->len > 0 && m->lines->len <= 10)
    gtk_expander_set_expanded (GTK_EXPANDER (card->expander), TRUE);
  gtk_widget_set_sensitive (card->expander, m->lines->len > 0);
}

static void
fill_card (BudDerivedPage          *self,
           Card                    *card,
           const BudDerivedMeasure *m)
{
  g_autofree char *figure = yuan (m->this_year);
  g_autofree char *rule = g_strdup_printf (_("Where it comes from: %s."), m->rule);
  gboolean missing_reason = m->has_last_year && m->this_year != m->last_year && m->reason[0] == '\0';

  gtk_label_set_text (GTK_LABEL (card->figure), figure);
  if (m->has_last_year)
    {
      g_autofree char *last = yuan (m->last_year);
      g_autofree char *diff = yuan (m->this_year - m->last_year);
      g_autofree char *percent = bud_percent_format (m->this_year - m->last_year, m->last_year);
      g_autofree char *last_text = g_strdup_printf (_("Last year’s budget: %s"), last);
      g_autofree char *change_text = NULL;

      if (percent != NULL)
        /* Translators: the change from last year: an amount, then a percentage ("12.50") */
        change_text = g_strdup_printf (_("Difference: %s (%s%%)"), diff, percent);
      else
        /* Translators: the change from last year when last year was zero: no percentage */
        change_text = g_strdup_printf (_("Difference: %s"), diff);

      gtk_label_set_text (GTK_LABEL (card->last_year), last_text);
      gtk_label_set_text (GTK_LABEL (card->change), change_text);
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (card->last_year), _("Last year’s budget: not entered"));
      gtk_label_set_text (GTK_LABEL (card->change), "");
    }

  if (m->reason[0] != '\0')
    {
      g_autofree char *text = g_strdup_printf (_("Main reason: %s"), m->reason);

      gtk_label_set_text (GTK_LABEL (card->reason), text);
      gtk_widget_remove_css_class (card->reason, "dim-label");
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (card->reason), missing_reason ? _("The figure changed from last year: say why")
                                                                   : _("No reason entered"));
      gtk_widget_add_css_class (card->reason, "dim-label");
    }
  if (missing_reason)
    gtk_widget_add_css_class (card->reason, "warning");
  else
    gtk_widget_remove_css_class (card->reason, "warning");

  gtk_label_set_text (GTK_LABEL (card->rule), rule);
  fill_lines (self, card, m);
}

static void
refresh (BudDerivedPage *self)
{
  g_autoptr(GPtrArray) measures = NULL;

  self->stale = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->cards_box), self->doc != NULL);
  if (self->doc == NULL)
    return;
  self->shown_revision = bud_document_revision (self->doc);
  measures = bud_derived_measures (self->doc);
  for (guint i = 0; i < measures->len; i++)
    {
      const BudDerivedMeasure *m = g_ptr_array_index (measures, i);
      Card *card = find_card (self, m->key);

      if (card == NULL)
        card = add_card (self, m);
      fill_card (self, card, m);
    }
}

/* Only a page on screen is worth the work; one shown later catches up on map. */
static void
refresh_if_shown (BudDerivedPage *self)
{
  if (self->doc != NULL && self->shown_revision == bud_document_revision (self->doc) && !self->stale)
    return;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    self->stale = TRUE;
}

static void
derived_set_document (BudSection  *section,
                      BudDocument *doc)
{
  BudDerivedPage *self = BUD_DERIVED_PAGE (section);

  g_set_object (&self->doc, doc);
  self->stale = TRUE;
  refresh_if_shown (self);
}

static void
derived_update (BudSection       *section,
                const BudSummary *summary)
{
  refresh_if_shown (BUD_DERIVED_PAGE (section));
}

static void
bud_derived_page_section_init (BudSectionInterface *iface)
{
  iface->set_document = derived_set_document;
  iface->update = derived_update;
}

static void
bud_derived_page_map (GtkWidget *widget)
{
  BudDerivedPage *self = BUD_DERIVED_PAGE (widget);

  GTK_WIDGET_CLASS (bud_derived_page_parent_class)->map (widget);
  if (self->stale)
    refresh (self);
}

const char *
bud_derived_page_get_figure (BudDerivedPage *self,
                             const char     *key)
{
  Card *card = find_card (self, key);
  return card != NULL ? gtk_label_get_text (GTK_LABEL (card->figure)) : NULL;
}

GtkListBox *
bud_derived_page_get_lines (BudDerivedPage *self,
                            const char     *key)
{
  Card *card = find_card (self, key);
  return card != NULL ? GTK_LIST_BOX (card->list) : NULL;
}

GtkWidget *
bud_derived_page_get_reason_button (BudDerivedPage *self,
                                    const char     *key)
{
  Card *card = find_card (self, key);
  return card != NULL ? card->reason_button : NULL;
}

static void
bud_derived_page_dispose (GObject *object)
{
  BudDerivedPage *self = BUD_DERIVED_PAGE (object);

  g_clear_object (&self->doc);
  /* no gtk_widget_dispose_template (): AdwBin unparents its child itself, and
   * libadwaita 1.2 criticals when that child is already gone */
  G_OBJECT_CLASS (bud_derived_page_parent_class)->dispose (object);
}

static void
bud_derived_page_finalize (GObject *object)
{
  BudDerivedPage *self = BUD_DERIVED_PAGE (object);

  g_clear_pointer (&self->cards, g_ptr_array_unref);
  G_OBJECT_CLASS (bud_derived_page_parent_class)->finalize (object);
}

static void
bud_derived_page_class_init (BudDerivedPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bud_derived_page_dispose;
  G_OBJECT_CLASS (klass)->finalize = bud_derived_page_finalize;
  widget_class->map = bud_derived_page_map;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deptbudget/DeptBudget/bud-derived-page.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "cards", FALSE,
                                             G_STRUCT_OFFSET (BudDerivedPage, cards_box));
}

static void
bud_derived_page_init (BudDerivedPage *self)
{
  self->cards = g_ptr_array_new_with_free_func ((GDestroyNotify) card_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}
