/* bud-review-page.c — the findings of bud_check_run in a list view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bud-review.h"
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

  GtkListBox  *comments_list;
  GtkEntry    *comment_entry;
  GtkWidget   *add_comment_button;
  BudDocument *doc;
  gulong       changed_id;
  guint        comments_idle;
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

/* ---- comments ---- */

static GtkWidget *
window_of (BudReviewPage *self)
{
  return gtk_widget_get_ancestor (GTK_WIDGET (self), BUD_TYPE_WINDOW);
}

static void
report_error (BudReviewPage *self,
              const GError  *error)
{
  GtkWidget *window = window_of (self);

  if (window != NULL)
    bud_window_toast (BUD_WINDOW (window), error->message);
}

/* "2026-03-01 10:00" in local time; the stored text if it does not parse. */
static char *
format_created (const char *created)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (created, NULL);
  g_autoptr(GDateTime) local = NULL;

  if (when == NULL)
    return g_strdup (created);
  local = g_date_time_to_local (when);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
on_resolved_toggled (GtkCheckButton *check,
                     BudReviewPage  *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "comment-id"));
  gboolean active = gtk_check_button_get_active (check);
  const BudComment *comment;
  g_autoptr(GError) error = NULL;

  if (self->doc == NULL)
    return;
  comment = bud_document_lookup (self->doc, BUD_KIND_COMMENT, id);
  if (comment == NULL || !!comment->resolved == active)
    return;
  if (!bud_review_resolve_comment (self->doc, id, active, &error))
    {
      report_error (self, error);
      /* show what is stored, not what was clicked */
      g_signal_handlers_block_by_func (check, on_resolved_toggled, self);
      gtk_check_button_set_active (check, !active);
      g_signal_handlers_unblock_by_func (check, on_resolved_toggled, self);
    }
}

static GtkWidget *
comment_row (BudReviewPage    *self,
             const BudComment *comment)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *where = bud_review_describe_comment (self->doc, comment);
  g_autofree char *created = format_created (comment->created);
  g_autofree char *subtitle = NULL;

  if (where[0] == '\0')
    {
      g_free (where);
      where = g_strdup (_("The whole budget"));
    }
  /* Translators: under a comment: where it points, its author, and when */
  subtitle = g_strdup_printf (_("%s · %s · %s"), where, comment->author, created);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), comment->body);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), comment->resolved);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Resolved"));
  g_object_set_data (G_OBJECT (check), "comment-id", GSIZE_TO_POINTER ((gsize) comment->id));
  g_signal_connect (check, "toggled", G_CALLBACK (on_resolved_toggled), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  if (comment->resolved)
    gtk_widget_add_css_class (row, "dim-label");
  g_object_set_data (G_OBJECT (row), "resolved-check", check);
  return row;
}

static void
fill_comments (BudReviewPage *self)
{
  GtkWidget *child;
  GPtrArray *comments;

  g_clear_handle_id (&self->comments_idle, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->comments_list))) != NULL)
    gtk_list_box_remove (self->comments_list, child);
  if (self->doc == NULL)
    return;

  comments = bud_document_items (self->doc, BUD_KIND_COMMENT);
  for (guint i = 0; i < comments->len; i++)
    gtk_list_box_append (self->comments_list, comment_row (self, g_ptr_array_index (comments, i)));
}

static gboolean
fill_comments_idle_cb (gpointer data)
{
  BudReviewPage *self = data;

  self->comments_idle = 0;
  fill_comments (self);
  return G_SOURCE_REMOVE;
}

/* On idle: a toggled check button is not destroyed inside its own signal, and
 * a burst of edits costs one refill (a comment's place can change with any edit). */
static void
on_document_changed (BudReviewPage *self)
{
  if (self->comments_idle == 0)
    self->comments_idle = g_idle_add (fill_comments_idle_cb, self);
}

static void
on_add_comment (BudReviewPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->comment_entry));
  g_autofree char *body = g_strstrip (g_strdup (text));
  g_autoptr(GError) error = NULL;

  if (self->doc == NULL || body[0] == '\0')
    return;
  if (bud_review_add_comment (self->doc, BUD_N_KINDS, 0, NULL, g_get_real_name (), body,
                              NULL, &error) == NULL)
    {
      report_error (self, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->comment_entry), "");
  fill_comments (self);
}

static void
update_add_sensitive (BudReviewPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->comment_entry));
  g_autofree char *body = g_strstrip (g_strdup (text));

  gtk_widget_set_sensitive (self->add_comment_button, self->doc != NULL && body[0] != '\0');
}

guint
bud_review_page_get_n_comments (BudReviewPage *self)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->comments_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      n++;
  return n;
}

static GtkWidget *
nth_comment_row (BudReviewPage *self,
                 guint          index)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->comments_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row) && index-- == 0)
      return row;
  return NULL;
}

const char *
bud_review_page_get_comment_text (BudReviewPage *self,
                                  guint          index)
{
  GtkWidget *row = nth_comment_row (self, index);

  return row != NULL ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : NULL;
}

GtkWidget *
bud_review_page_get_resolved_check (BudReviewPage *self,
                                    guint          index)
{
  GtkWidget *row = nth_comment_row (self, index);

  return row != NULL ? g_object_get_data (G_OBJECT (row), "resolved-check") : NULL;
}

GtkWidget *
bud_review_page_get_comment_entry (BudReviewPage *self)
{
  return GTK_WIDGET (self->comment_entry);
}

GtkWidget *
bud_review_page_get_add_comment_button (BudReviewPage *self)
{
  return self->add_comment_button;
}

static void
review_set_document (BudSection  *section,
                     BudDocument *doc)
{
  BudReviewPage *self = BUD_REVIEW_PAGE (section);

  if (self->doc != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->doc);
      g_clear_object (&self->doc);
    }
  if (doc != NULL)
    {
      self->doc = g_object_ref (doc);
      self->changed_id = g_signal_connect_swapped (doc, "changed", G_CALLBACK (on_document_changed), self);
    }
  else
    g_list_store_remove_all (self->store);
  fill_comments (self);
  update_add_sensitive (self);
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
  BudReviewPage *self = BUD_REVIEW_PAGE (object);

  g_clear_handle_id (&self->comments_idle, g_source_remove);
  if (self->doc != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->doc);
      g_clear_object (&self->doc);
    }
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
  gtk_widget_class_bind_template_child (widget_class, BudReviewPage, comments_list);
  gtk_widget_class_bind_template_child (widget_class, BudReviewPage, comment_entry);
  gtk_widget_class_bind_template_child (widget_class, BudReviewPage, add_comment_button);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_add_comment);
}

static void
bud_review_page_init (BudReviewPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->store = g_list_store_new (BUD_TYPE_FINDING_ITEM);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect_swapped (self->comment_entry, "changed", G_CALLBACK (update_add_sensitive), self);
  update_add_sensitive (self);
  gtk_list_view_set_factory (self->list, factory);
  g_object_unref (factory);
  /* the selection model takes the store; self->store stays valid with it */
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (self->store))));
}
