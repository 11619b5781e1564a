/* bud-review-page.c — the findings of bud_check_run in a list view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bud-review-page.h"
#include "bud-section.h"
#include "bud-window.h"

/* A finding copied out of the summary, which is replaced on every edit. */
#define BUD_TYPE_FINDING_ITEM (bud_finding_item_get_type ())
G_DECLARE_FINAL_TYPE (BudFindingItem, bud_finding_item, BUD, FINDING_ITEM, GObject)

struct _BudFindingItem
{
  GObject      parent_instance;
  const char  *rule;
  BudSeverity  severity;
  char        *message;
  BudKind      kind;
  gint64       id;
  const char  *field;
};

G_DEFINE_FINAL_TYPE (BudFindingItem, bud_finding_item, G_TYPE_OBJECT)

static void
bud_finding_item_finalize (GObject *object)
{
  g_free (BUD_FINDING_ITEM (object)->message);
  G_OBJECT_CLASS (bud_finding_item_parent_class)->finalize (object);
}

static void
bud_finding_item_class_init (BudFindingItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bud_finding_item_finalize;
}

static void
bud_finding_item_init (BudFindingItem *self)
{
}

struct _BudReviewPage
{
  AdwBin       parent_instance;
  GtkStack    *stack;
  GtkLabel    *summary_label;
  GtkListView *list;
  GListStore  *store;
};

static void bud_review_page_section_init (BudSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BudReviewPage, bud_review_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (BUD_TYPE_SECTION, bud_review_page_section_init))

static const char *
severity_icon (BudSeverity severity)
{
  switch (severity)
    {
    case BUD_SEVERITY_ERROR:   return "dialog-error-symbolic";
    case BUD_SEVERITY_WARNING: return "dialog-warning-symbolic";
    default:                   return "dialog-information-symbolic";
    }
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *message = gtk_label_new ("");
  GtkWidget *where = gtk_label_new ("");

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_xalign (GTK_LABEL (where), 0);
  gtk_widget_add_css_class (where, "dim-label");
  gtk_widget_add_css_class (where, "caption");
  gtk_box_append (GTK_BOX (text), message);
  gtk_box_append (GTK_BOX (text), where);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), text);
  g_object_set_data (G_OBJECT (box), "icon", icon);
  g_object_set_data (G_OBJECT (box), "message", message);
  g_object_set_data (G_OBJECT (box), "where", where);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item)
{
  BudFindingItem *f = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *icon = g_object_get_data (G_OBJECT (box), "icon");
  g_autofree char *where = NULL;

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), severity_icon (f->severity));
  gtk_widget_set_tooltip_text (icon, bud_severity_label (f->severity));
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "message"), f->message);

  if (f->kind < BUD_N_KINDS && f->field != NULL)
    {
      const BudEntityClass *klass = bud_entity_class (f->kind);
      const BudField *field = bud_entity_class_field (klass, f->field);
      /* Translators: where a finding is: rule id, then the object and field */
      where = g_strdup_printf (_("%s · %s, %s"), f->rule, _(klass->label),
                               field != NULL ? _(field->label) : f->field);
    }
  else if (f->kind < BUD_N_KINDS)
    where = g_strdup_printf (_("%s · %s"), f->rule, _(bud_entity_class (f->kind)->label));
  else
    where = g_strdup_printf (_("%s · the whole budget"), f->rule);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "where"), where);
}

void
bud_review_page_activate (BudReviewPage *self,
                          guint          position)
{
  g_autoptr(BudFindingItem) f = g_list_model_get_item (G_LIST_MODEL (self->store), position);
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), BUD_TYPE_WINDOW);

  if (f != NULL && window != NULL)
    bud_window_show_location (BUD_WINDOW (window), f->kind, f->id, f->field);
}

static void
on_activate (BudReviewPage *self,
             guint          position)
{
  bud_review_page_activate (self, position);
}

guint
bud_review_page_get_n_findings (BudReviewPage *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->store));
}

static void
review_update (BudSection       *section,
               const BudSummary *summary)
{
  BudReviewPage *self = BUD_REVIEW_PAGE (section);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *text = NULL;
  guint infos;

  for (guint i = 0; i < summary->findings->len; i++)
    {
      const BudFinding *src = g_ptr_array_index (summary->findings, i);
      BudFindingItem *f = g_object_new (BUD_TYPE_FINDING_ITEM, NULL);

      f->rule = src->rule;
      f->severity = src->severity;
      f->message = g_strdup (src->message);
      f->kind = src->kind;
      f->id = src->id;
      f->field = src->field;
      g_ptr_array_add (items, f);
    }
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);

  infos = summary->findings->len - summary->errors - summary->warnings;
  /* Translators: the three counts of the review page */
  text = g_strdup_printf (_("%u errors, %u warnings, %u notes. Click a finding to go to its place."),
                          summary->errors, summary->warnings, infos);
  gtk_label_set_text (self->summary_label, text);
  gtk_stack_set_visible_child_name (self->stack, summary->findings->len > 0 ? "list" : "clean");
}

static void
review_set_document (BudSection  *section,
                     BudDocument *doc)
{
  BudReviewPage *self = BUD_REVIEW_PAGE (section);

  if (doc == NULL)
    g_list_store_remove_all (self->store);
}

static void
bud_review_page_section_init (BudSectionInterface *iface)
{
  iface->set_document = review_set_document;
  iface->update = review_update;
}

static void
bud_review_page_dispose (GObject *object)
{
  /* no gtk_widget_dispose_template (): AdwBin unparents its child itself, and
   * libadwaita 1.2 criticals when that child is already gone */
  G_OBJECT_CLASS (bud_review_page_parent_class)->dispose (object);
}

static void
bud_review_page_class_init (BudReviewPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bud_review_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deptbudget/DeptBudget/bud-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BudReviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BudReviewPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, BudReviewPage, list);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
}

static void
bud_review_page_init (BudReviewPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->store = g_list_store_new (BUD_TYPE_FINDING_ITEM);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list, factory);
  g_object_unref (factory);
  /* the selection model takes the store; self->store stays valid with it */
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (self->store))));
}
