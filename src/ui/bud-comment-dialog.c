/* bud-comment-dialog.c — a message dialog with a text view that stores a comment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bud-comment-dialog.h"
#include "bud-widget-text.h"
#include "bud-review.h"
#include "bud-window.h"

typedef struct {
  BudDocument *doc;
  BudKind      kind;
  gint64       id;
  char        *field;
  GtkTextView *view;
  GtkWindow   *parent;    /* weak: only for the toast */
} Target;

static void
target_free (gpointer data)
{
  Target *t = data;

  g_clear_weak_pointer (&t->parent);
  g_object_unref (t->doc);
  g_free (t->field);
  g_free (t);
}

const char *
bud_comment_author (void)
{
  const char *name = g_get_real_name ();

  /* GLib says "Unknown" when the account has no real name */
  if (name == NULL || name[0] == '\0' || g_str_equal (name, "Unknown"))
    name = g_get_user_name ();
  return name;
}

static char *
typed_text (GtkTextView *view)
{
  return g_strstrip (bud_widget_dup_text (GTK_WIDGET (view)));
}

static void
on_buffer_changed (AdwMessageDialog *dialog)
{
  Target *t = g_object_get_data (G_OBJECT (dialog), "bud-comment-target");
  g_autofree char *text = typed_text (t->view);

  adw_message_dialog_set_response_enabled (dialog, "add", text[0] != '\0');
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response)
{
  Target *t = g_object_get_data (G_OBJECT (dialog), "bud-comment-target");
  g_autofree char *text = typed_text (t->view);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "add") || text[0] == '\0')
    return;
  if (bud_review_add_comment (t->doc, t->kind, t->id, t->field, bud_comment_author (), text,
                              NULL, &error) == NULL &&
      t->parent != NULL && BUD_IS_WINDOW (t->parent))
    bud_window_toast (BUD_WINDOW (t->parent), error->message);
}

AdwMessageDialog *
bud_comment_dialog_present (GtkWindow   *parent,
                            BudDocument *doc,
                            BudKind      kind,
                            gint64       id,
                            const char  *field)
{
  Target *t = g_new0 (Target, 1);
  BudComment probe = { 0 };
  g_autofree char *object = bud_review_object_path (kind, id);
  g_autofree char *where = NULL;
  GtkWidget *dialog, *scrolled;

  g_return_val_if_fail (BUD_IS_DOCUMENT (doc), NULL);

  t->doc = g_object_ref (doc);
  t->kind = kind;
  t->id = id;
  t->field = g_strdup (field != NULL ? field : "");
  g_set_weak_pointer (&t->parent, parent);

  /* said the way the comment list will say it */
  probe.object = object;
  probe.field = t->field;
  where = bud_review_describe_comment (doc, &probe);
  if (where[0] == '\0')
    {
      g_free (where);
      where = g_strdup (_("The whole budget"));
    }

  dialog = adw_message_dialog_new (parent, _("Add Comment"), where);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add Comment"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);

  t->view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (t->view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (t->view, FALSE);
  gtk_text_view_set_top_margin (t->view, 6);
  gtk_text_view_set_bottom_margin (t->view, 6);
  gtk_text_view_set_left_margin (t->view, 6);
  gtk_text_view_set_right_margin (t->view, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (t->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Comment"), -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 100);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (t->view));
  gtk_widget_add_css_class (scrolled, "card");
  gtk_widget_set_size_request (scrolled, 320, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);

  g_object_set_data_full (G_OBJECT (dialog), "bud-comment-target", t, target_free);
  g_signal_connect_swapped (gtk_text_view_get_buffer (t->view), "changed",
                            G_CALLBACK (on_buffer_changed), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), NULL);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (t->view));
  return ADW_MESSAGE_DIALOG (dialog);
}

GtkTextView *
bud_comment_dialog_get_text_view (AdwMessageDialog *dialog)
{
  Target *t = g_object_get_data (G_OBJECT (dialog), "bud-comment-target");

  return t != NULL ? t->view : NULL;
}
