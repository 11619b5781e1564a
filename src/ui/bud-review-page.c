/* bud-review-page.c — the findings of bud_check_run; status and history, snapshots, comments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bud-comment-dialog.h"
#include "bud-diff-view.h"
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

  AdwActionRow *status_row;
  GtkBox       *status_buttons;
  AdwEntryRow  *status_note;
  GtkListBox   *history_list;
  GtkListBox   *snapshots_list;
  GtkWidget    *take_snapshot_button;
  GtkWidget    *compare_file_button;

  GtkListBox  *comments_list;
  GtkEntry    *comment_entry;
  GtkWidget   *add_comment_button;
  BudDocument *doc;
  gulong       changed_id;
  guint        refill_idle;
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

static void
on_comment_activated (AdwActionRow  *row,
                      BudReviewPage *self)
{
  GtkWidget *window = window_of (self);
  const char *field = g_object_get_data (G_OBJECT (row), "field");

  if (window != NULL)
    bud_window_show_location (BUD_WINDOW (window),
                              GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "kind")),
                              GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "id")),
                              field[0] != '\0' ? field : NULL);
}

static GtkWidget *
comment_row (BudReviewPage    *self,
             const BudComment *comment)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  BudKind kind;
  gint64 id;
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

  /* the row leads to what it is about, the check button only resolves */
  if (bud_review_parse_object_path (comment->object, &kind, &id) && kind < BUD_N_KINDS &&
      bud_document_lookup (self->doc, kind, id) != NULL)
    {
      g_object_set_data (G_OBJECT (row), "kind", GINT_TO_POINTER (kind));
      g_object_set_data (G_OBJECT (row), "id", GSIZE_TO_POINTER ((gsize) id));
      g_object_set_data_full (G_OBJECT (row), "field", g_strdup (comment->field), g_free);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_signal_connect (row, "activated", G_CALLBACK (on_comment_activated), self);
    }
  if (comment->resolved)
    gtk_widget_add_css_class (row, "dim-label");
  g_object_set_data (G_OBJECT (row), "resolved-check", check);
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  /* rows only: the placeholder is a child widget too, and removing it would
   * leave an empty list without its "nothing yet" label */
  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static void
fill_comments (BudReviewPage *self)
{
  GPtrArray *comments;

  clear_list (self->comments_list);
  if (self->doc == NULL)
    return;

  comments = bud_document_items (self->doc, BUD_KIND_COMMENT);
  for (guint i = 0; i < comments->len; i++)
    gtk_list_box_append (self->comments_list, comment_row (self, g_ptr_array_index (comments, i)));
}

/* ---- status, history, snapshots ---- */

static const char *
status_verb (BudStatus to)
{
  switch (to)
    {
    case BUD_STATUS_SUBMITTED: return _("_Submit");
    case BUD_STATUS_RETURNED:  return _("_Return for Changes");
    case BUD_STATUS_APPROVED:  return _("A_pprove");
    default:                   return bud_status_label (to);
    }
}

static void
on_status_clicked (GtkButton     *button,
                   BudReviewPage *self)
{
  BudStatus to = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "status"));
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->status_note))));
  g_autoptr(GError) error = NULL;

  if (self->doc == NULL)
    return;
  /* the buttons are rebuilt on idle from the document's new status */
  if (bud_review_set_status (self->doc, to, bud_comment_author (), note, NULL, &error) == NULL)
    {
      report_error (self, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->status_note), "");
}

static void
fill_status (BudReviewPage *self)
{
  GtkWidget *child;
  BudStatus status;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->status_buttons))) != NULL)
    gtk_box_remove (self->status_buttons, child);
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_note), self->doc != NULL);
  if (self->doc == NULL)
    {
      adw_action_row_set_subtitle (self->status_row, "");
      return;
    }

  status = bud_review_get_status (self->doc);
  adw_action_row_set_subtitle (self->status_row, bud_status_label (status));
  for (const int *next = bud_review_next_statuses (status); *next >= 0; next++)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (status_verb (*next));

      if (*next == BUD_STATUS_APPROVED)
        gtk_widget_add_css_class (button, "suggested-action");
      g_object_set_data (G_OBJECT (button), "status", GINT_TO_POINTER (*next));
      g_signal_connect (button, "clicked", G_CALLBACK (on_status_clicked), self);
      gtk_box_append (self->status_buttons, button);
    }
}

static GtkWidget *
history_row (const BudStatusChange *change)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *when = format_created (change->time);
  g_autofree char *subtitle = NULL;

  /* Translators: a status change, before and after */
  title = g_strdup_printf (_("%s → %s"), bud_status_label (change->from), bud_status_label (change->to));
  if (change->note[0] != '\0')
    subtitle = g_strdup_printf (_("%s · %s · %s"), change->author, when, change->note);
  else
    subtitle = g_strdup_printf (_("%s · %s"), change->author, when);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

static void
on_compare_snapshot_clicked (GtkButton     *button,
                             BudReviewPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "snapshot-id"));
  g_autoptr(GError) error = NULL;

  if (bud_review_page_compare_snapshot (self, id, &error) == NULL)
    report_error (self, error);
}

static GtkWidget *
snapshot_row (BudReviewPage     *self,
              const BudSnapshot *snapshot)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Compare"));
  g_autofree char *when = format_created (snapshot->created);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), snapshot->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Show what changed since this snapshot"));
  g_object_set_data (G_OBJECT (button), "snapshot-id", GSIZE_TO_POINTER ((gsize) snapshot->id));
  g_signal_connect (button, "clicked", G_CALLBACK (on_compare_snapshot_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  g_object_set_data (G_OBJECT (row), "snapshot-id", GSIZE_TO_POINTER ((gsize) snapshot->id));
  return row;
}

/* Newest first: a reviewer looks at the latest round. */
static void
fill_history_and_snapshots (BudReviewPage *self)
{
  GPtrArray *items;

  clear_list (self->history_list);
  clear_list (self->snapshots_list);
  gtk_widget_set_sensitive (self->take_snapshot_button, self->doc != NULL);
  gtk_widget_set_sensitive (self->compare_file_button, self->doc != NULL);
  if (self->doc == NULL)
    return;

  items = bud_document_items (self->doc, BUD_KIND_STATUS_CHANGE);
  for (guint i = items->len; i-- > 0;)
    gtk_list_box_append (self->history_list, history_row (g_ptr_array_index (items, i)));
  items = bud_document_items (self->doc, BUD_KIND_SNAPSHOT);
  for (guint i = items->len; i-- > 0;)
    gtk_list_box_append (self->snapshots_list, snapshot_row (self, g_ptr_array_index (items, i)));
}

static void
fill_all (BudReviewPage *self)
{
  g_clear_handle_id (&self->refill_idle, g_source_remove);
  fill_status (self);
  fill_history_and_snapshots (self);
  fill_comments (self);
}

static gboolean
fill_all_idle_cb (gpointer data)
{
  BudReviewPage *self = data;

  self->refill_idle = 0;
  fill_all (self);
  return G_SOURCE_REMOVE;
}

/* On idle: a toggled check button is not destroyed inside its own signal, and
 * a burst of edits costs one refill (a comment's place can change with any edit). */
static void
on_document_changed (BudReviewPage *self)
{
  if (self->refill_idle == 0)
    self->refill_idle = g_idle_add (fill_all_idle_cb, self);
}

static void
on_add_comment (BudReviewPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->comment_entry));
  g_autofree char *body = g_strstrip (g_strdup (text));
  g_autoptr(GError) error = NULL;

  if (self->doc == NULL || body[0] == '\0')
    return;
  if (bud_review_add_comment (self->doc, BUD_N_KINDS, 0, NULL, bud_comment_author (), body,
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

static guint count_rows (GtkListBox *list);

guint
bud_review_page_get_n_comments (BudReviewPage *self)
{
  return count_rows (self->comments_list);
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

/* ---- taking and comparing snapshots ---- */

static void
on_snapshot_name_changed (GtkEditable      *entry,
                          AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "take", name[0] != '\0');
}

static void
on_snapshot_response (AdwMessageDialog *dialog,
                      const char       *response,
                      BudReviewPage    *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "take") || self->doc == NULL || name[0] == '\0')
    return;
  if (bud_review_take_snapshot (self->doc, name, NULL, &error) == NULL)
    report_error (self, error);
}

static void
on_take_snapshot (BudReviewPage *self)
{
  GtkWidget *window = window_of (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d %H:%M");
  /* Translators: the suggested name of a snapshot; %s is the date and time */
  g_autofree char *name = g_strdup_printf (_("Snapshot %s"), stamp);
  GtkWidget *dialog, *entry;

  if (self->doc == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Take Snapshot"),
                                   _("A named copy of the budget as it is now, kept in the file to compare with later."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "take", _("_Take Snapshot"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "take", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "take");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Snapshot name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_signal_connect (entry, "changed", G_CALLBACK (on_snapshot_name_changed), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_snapshot_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkWindow *
bud_review_page_compare_snapshot (BudReviewPage  *self,
                                  gint64          snapshot_id,
                                  GError        **error)
{
  g_autoptr(BudDocument) old_doc = NULL;
  g_autofree char *subtitle = NULL;
  const BudSnapshot *snapshot;

  g_return_val_if_fail (self->doc != NULL, NULL);
  old_doc = bud_review_snapshot_document (self->doc, snapshot_id, error);
  if (old_doc == NULL)
    return NULL;
  snapshot = bud_document_lookup (self->doc, BUD_KIND_SNAPSHOT, snapshot_id);
  subtitle = g_strdup_printf (_("Since snapshot “%s”"), snapshot->name);
  return bud_diff_window_compare (GTK_WINDOW (window_of (self)), old_doc, self->doc, subtitle, error);
}

GtkWindow *
bud_review_page_compare_file (BudReviewPage  *self,
                              const char     *path,
                              GError        **error)
{
  g_autoptr(BudDocument) old_doc = NULL;
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (self->doc != NULL, NULL);
  old_doc = bud_diff_read_document (path, error);
  if (old_doc == NULL)
    return NULL;
  subtitle = g_strdup_printf (_("From “%s” to this budget"), base);
  return bud_diff_window_compare (GTK_WINDOW (window_of (self)), old_doc, self->doc, subtitle, error);
}

static void
on_compare_file_response (GtkNativeDialog *chooser,
                          int              response,
                          BudReviewPage   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->doc != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (path = g_file_get_path (file)) != NULL &&
      bud_review_page_compare_file (self, path, &error) == NULL)
    report_error (self, error);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_compare_file (BudReviewPage *self)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Compare with File"), GTK_WINDOW (window_of (self)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Compare"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Budget documents and exchange files"));
  gtk_file_filter_add_pattern (filter, "*.budget");
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_mime_type (filter, "application/x-deptbudget");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_compare_file_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- for tests ---- */

GtkWidget *
bud_review_page_get_status_button (BudReviewPage *self,
                                   BudStatus      to)
{
  for (GtkWidget *b = gtk_widget_get_first_child (GTK_WIDGET (self->status_buttons));
       b != NULL; b = gtk_widget_get_next_sibling (b))
    if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (b), "status")) == (int) to)
      return b;
  return NULL;
}

GtkWidget *
bud_review_page_get_status_note (BudReviewPage *self)
{
  return GTK_WIDGET (self->status_note);
}

const char *
bud_review_page_get_status_text (BudReviewPage *self)
{
  return adw_action_row_get_subtitle (self->status_row);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      n++;
  return n;
}

guint
bud_review_page_get_n_history (BudReviewPage *self)
{
  return count_rows (self->history_list);
}

guint
bud_review_page_get_n_snapshots (BudReviewPage *self)
{
  return count_rows (self->snapshots_list);
}

gint64
bud_review_page_get_snapshot_id (BudReviewPage *self,
                                 guint          index)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->snapshots_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row) && index-- == 0)
      return GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "snapshot-id"));
  return 0;
}

void
bud_review_page_activate_comment (BudReviewPage *self,
                                  guint          index)
{
  GtkWidget *row = nth_comment_row (self, index);

  if (row != NULL && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)))
    adw_action_row_activate (ADW_ACTION_ROW (row));
}

static void
review_set_document (BudSection  *section,
                     BudDocument *doc)
{
  BudReviewPage *self = BUD_REVIEW_PAGE (section);

  bud_watch_document (&self->doc, &self->changed_id, doc, G_CALLBACK (on_document_changed), self);
  if (doc == NULL)
    g_list_store_remove_all (self->store);
  fill_all (self);
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

  g_clear_handle_id (&self->refill_idle, g_source_remove);
  bud_watch_document (&self->doc, &self->changed_id, NULL, NULL, NULL);
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
  gtk_widget_class_bind_template_child (widget_class, BudReviewPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, BudReviewPage, status_buttons);
  gtk_widget_class_bind_template_child (widget_class, BudReviewPage, status_note);
  gtk_widget_class_bind_template_child (widget_class, BudReviewPage, history_list);
  gtk_widget_class_bind_template_child (widget_class, BudReviewPage, snapshots_list);
  gtk_widget_class_bind_template_child (widget_class, BudReviewPage, take_snapshot_button);
  gtk_widget_class_bind_template_child (widget_class, BudReviewPage, compare_file_button);
  gtk_widget_class_bind_template_child (widget_class, BudReviewPage, comments_list);
  gtk_widget_class_bind_template_child (widget_class, BudReviewPage, comment_entry);
  gtk_widget_class_bind_template_child (widget_class, BudReviewPage, add_comment_button);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_add_comment);
  gtk_widget_class_bind_template_callback (widget_class, on_take_snapshot);
  gtk_widget_class_bind_template_callback (widget_class, on_compare_file);
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
