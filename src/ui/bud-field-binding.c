/* bud-field-binding.c — parse, validate, store, and show errors for one field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bud-comment-dialog.h"
#include "bud-field-binding.h"
#include "bud-widget-text.h"
#include "bud-money.h"
#include "bud-review.h"

/* Long enough not to store half a number while the user is still typing. */
#define COMMIT_DELAY_MS 500

struct _BudFieldBinding
{
  GtkWidget       *widget;      /* not owned: the binding lives as its data */
  BudKind          kind;
  const BudField  *field;
  BudDocument     *doc;
  gint64           id;
  gulong           changed_id;
  guint            commit_source;
  char            *error;
  gboolean         loading;     /* we are writing the widget: not the user typing */
  BudFieldValidator validator;
  gpointer         validator_data;
  GSimpleAction   *comment_action;  /* "binding.add-comment" on the widget */
  gboolean         commented;       /* the widget carries the commented style */
};

/* ---- open comments, looked up per object ---- */

/* The grid binds thousands of cells while it scrolls: each asks for its
 * comments through one hash per document revision instead of scanning the
 * comments. */
typedef struct {
  gboolean    built;
  guint64     revision;
  GHashTable *by_object;   /* gint64 object key → GPtrArray of open BudComment * (borrowed) */
} CommentIndex;

static gint64
object_key (BudKind kind,
            gint64  id)
{
  return id * (BUD_N_KINDS + 1) + kind;
}

static void
comment_index_free (gpointer data)
{
  CommentIndex *index = data;

  g_hash_table_unref (index->by_object);
  g_free (index);
}

static GPtrArray *
open_comments_on (BudDocument *doc,
                  BudKind      kind,
                  gint64       id)
{
  static GQuark quark;
  CommentIndex *index;
  gint64 key;

  if (quark == 0)
    quark = g_quark_from_static_string ("bud-comment-index");
  index = g_object_get_qdata (G_OBJECT (doc), quark);
  if (index == NULL)
    {
      index = g_new0 (CommentIndex, 1);
      index->by_object = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                (GDestroyNotify) g_ptr_array_unref);
      g_object_set_qdata_full (G_OBJECT (doc), quark, index, comment_index_free);
    }

  if (!index->built || index->revision != bud_document_revision (doc))
    {
      GPtrArray *comments = bud_document_items (doc, BUD_KIND_COMMENT);

      g_hash_table_remove_all (index->by_object);
      for (guint i = 0; i < comments->len; i++)
        {
          BudComment *c = g_ptr_array_index (comments, i);
          BudKind ckind;
          gint64 cid;
          GPtrArray *list;

          if (c->resolved || !bud_review_parse_object_path (c->object, &ckind, &cid) ||
              ckind >= BUD_N_KINDS)
            continue;
          key = object_key (ckind, cid);
          list = g_hash_table_lookup (index->by_object, &key);
          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (index->by_object, g_memdup2 (&key, sizeof key), list);
            }
          g_ptr_array_add (list, c);
        }
      index->built = TRUE;
      index->revision = bud_document_revision (doc);
    }

  if (kind < BUD_N_KINDS && bud_entity_class (kind)->singleton)
    id = 1;
  key = object_key (kind, id);
  return g_hash_table_lookup (index->by_object, &key);
}

char *
bud_field_comments_tooltip (BudDocument *doc,
                            BudKind      kind,
                            gint64       id,
                            const char  *field)
{
  GPtrArray *open;
  GString *out = NULL;

  if (doc == NULL || id == 0 || (open = open_comments_on (doc, kind, id)) == NULL)
    return NULL;
  for (guint i = 0; i < open->len; i++)
    {
      const BudComment *c = g_ptr_array_index (open, i);

      if (!g_str_equal (c->field, field))
        continue;
      if (out == NULL)
        out = g_string_new (NULL);
      else
        g_string_append_c (out, '\n');
      if (c->author[0] != '\0')
        /* Translators: a comment in a field's tooltip: its author, then its text */
        g_string_append_printf (out, _("%s: %s"), c->author, c->body);
      else
        g_string_append (out, c->body);
    }
  return out != NULL ? g_string_free (out, FALSE) : NULL;
}

/* The field's open comments as tooltip lines, or NULL. */
static char *
comments_tooltip (BudFieldBinding *self)
{
  return bud_field_comments_tooltip (self->doc, self->kind, self->id, self->field->name);
}

static const char *
binding_get_text (BudFieldBinding *self,
                  char           **to_free)
{
  return *to_free = bud_widget_dup_text (self->widget);
}

static void
binding_set_widget_text (BudFieldBinding *self,
                         const char      *text)
{
  self->loading = TRUE;
  bud_widget_set_text (self->widget, text);
  self->loading = FALSE;
}

char *
bud_field_format (const BudField *field,
                  gconstpointer   entity)
{
  gint64 v;

  switch (field->type)
    {
    case BUD_FIELD_TEXT:
      return g_strdup (bud_field_get_text (entity, field));
    case BUD_FIELD_FIXED2:
      v = bud_field_get_int (entity, field);
      if (field->flags & BUD_FIELD_MONEY)
        return bud_money_format (v, BUD_MONEY_YUAN, BUD_MONEY_FORMAT_GROUPING);
      return bud_fixed2_format (v);
    default:
      return g_strdup_printf ("%" G_GINT64_FORMAT, bud_field_get_int (entity, field));
    }
}

/* Parses @text as the field's value: *is_int tells which of the outputs holds it. */
static gboolean
parse_value (const BudField *field,
             const char     *text,
             gint64         *out_int,
             GError        **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  switch (field->type)
    {
    case BUD_FIELD_FIXED2:
      if (*stripped == '\0')
        {
          *out_int = 0;
          return TRUE;
        }
      if (field->flags & BUD_FIELD_MONEY)
        return bud_money_parse (stripped, BUD_MONEY_YUAN, out_int, error);
      return bud_fixed2_parse (stripped, out_int, error);

    case BUD_FIELD_INT:
    case BUD_FIELD_BOOL:
    case BUD_FIELD_ENUM:
    case BUD_FIELD_REF:
      if (*stripped == '\0')
        {
          *out_int = 0;
          return TRUE;
        }
      if (!g_ascii_string_to_signed (stripped, 10, G_MININT64, G_MAXINT64, out_int, NULL))
        {
          g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_INVALID,
                       _("“%s” is not a whole number"), stripped);
          return FALSE;
        }
      return TRUE;

    case BUD_FIELD_TEXT:
    default:
      g_assert_not_reached ();
    }
}

/* The error (which says what to fix, so it wins the tooltip) and the open
 * comments on the field. */
static void
binding_decorate (BudFieldBinding *self)
{
  g_autofree char *comments = comments_tooltip (self);
  const char *tip = self->error != NULL ? self->error : comments;

  if (comments != NULL && !self->commented)
    gtk_widget_add_css_class (self->widget, "bud-commented");
  else if (comments == NULL && self->commented)
    gtk_widget_remove_css_class (self->widget, "bud-commented");
  self->commented = comments != NULL;

  /* The grid refreshes every cell it binds while scrolling: touch the style
   * only on a change, and the tooltip too, since setting one asks the X
   * server where the pointer is (a round trip per call in GTK 4.8). */
  if ((self->error != NULL) != gtk_widget_has_css_class (self->widget, "error"))
    {
      if (self->error != NULL)
        gtk_widget_add_css_class (self->widget, "error");
      else
        gtk_widget_remove_css_class (self->widget, "error");
    }
  if (g_strcmp0 (gtk_widget_get_tooltip_text (self->widget), tip) != 0)
    gtk_widget_set_tooltip_text (self->widget, tip);
}

static void
binding_show_error (BudFieldBinding *self,
                    const char      *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  binding_decorate (self);
}

/* Validates @text; on success sets *value / *text_value and whether it differs
 * from the document. */
static gboolean
binding_check (BudFieldBinding *self,
               const char      *text,
               gint64          *value,
               gboolean        *differs,
               GError         **error)
{
  gpointer entity = bud_document_lookup (self->doc, self->kind, self->id);

  if (entity == NULL)
    {
      g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_NOT_FOUND,
                   _("The %s no longer exists"), _(bud_entity_class (self->kind)->label));
      return FALSE;
    }

  if (self->field->type == BUD_FIELD_TEXT)
    {
      if (!bud_field_validate_text (self->field, text, error))
        return FALSE;
      if (self->validator != NULL &&
          !self->validator (self->doc, self->id, text, self->validator_data, error))
        return FALSE;
      *differs = g_strcmp0 (text, bud_field_get_text (entity, self->field)) != 0;
      return TRUE;
    }

  if (!parse_value (self->field, text, value, error) ||
      !bud_field_validate_int (self->field, *value, error))
    return FALSE;
  *differs = *value != bud_field_get_int (entity, self->field);
  return TRUE;
}

static void
binding_refresh (BudFieldBinding *self)
{
  gpointer entity = NULL;
  g_autofree char *to_free = NULL;
  g_autofree char *shown = NULL;
  const char *current;
  gint64 value;
  gboolean differs = TRUE;

  if (self->doc != NULL && self->id != 0)
    entity = bud_document_lookup (self->doc, self->kind, self->id);

  gtk_widget_set_sensitive (self->widget, entity != NULL);
  g_simple_action_set_enabled (self->comment_action,
                               entity != NULL && !bud_document_get_read_only (self->doc));
  if (entity == NULL)
    {
      binding_show_error (self, NULL);
      binding_set_widget_text (self, "");
      return;
    }

  /* Leave the user's own spelling ("1234" for "1,234.00") alone when it
   * already means what the document holds. */
  current = binding_get_text (self, &to_free);
  if (binding_check (self, current, &value, &differs, NULL) && !differs)
    {
      binding_show_error (self, NULL);
      return;
    }

  shown = bud_field_format (self->field, entity);
  binding_set_widget_text (self, shown);
  binding_show_error (self, NULL);
}

gboolean
bud_field_binding_commit (BudFieldBinding *self)
{
  g_autofree char *to_free = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;
  gint64 value = 0;
  gboolean differs = FALSE;
  gboolean ok;

  g_clear_handle_id (&self->commit_source, g_source_remove);
  if (self->doc == NULL || self->id == 0)
    return FALSE;

  text = binding_get_text (self, &to_free);
  if (!binding_check (self, text, &value, &differs, &error))
    {
      binding_show_error (self, error->message);
      return FALSE;
    }
  if (!differs)
    {
      binding_show_error (self, NULL);
      return TRUE;
    }

  if (self->field->type == BUD_FIELD_TEXT)
    ok = bud_document_set_text (self->doc, self->kind, self->id, self->field->name, text, &error);
  else
    ok = bud_document_set_int (self->doc, self->kind, self->id, self->field->name, value, &error);

  binding_show_error (self, ok ? NULL : error->message);
  return ok;
}

static gboolean
commit_timeout_cb (gpointer data)
{
  BudFieldBinding *self = data;

  self->commit_source = 0;
  bud_field_binding_commit (self);
  return G_SOURCE_REMOVE;
}

static void
on_widget_changed (BudFieldBinding *self)
{
  g_autofree char *to_free = NULL;
  g_autoptr(GError) error = NULL;
  gint64 value;
  gboolean differs;

  if (self->loading || self->doc == NULL || self->id == 0)
    return;

  /* Say at once what is wrong; store only once typing pauses. */
  if (!binding_check (self, binding_get_text (self, &to_free), &value, &differs, &error))
    {
      g_clear_handle_id (&self->commit_source, g_source_remove);
      binding_show_error (self, error->message);
      return;
    }
  binding_show_error (self, NULL);
  g_clear_handle_id (&self->commit_source, g_source_remove);
  if (differs)
    self->commit_source = g_timeout_add (COMMIT_DELAY_MS, commit_timeout_cb, self);
}

static void
on_activate (BudFieldBinding *self)
{
  bud_field_binding_commit (self);
}

static void
on_focus_leave (BudFieldBinding *self)
{
  if (self->commit_source != 0 || self->error != NULL)
    bud_field_binding_commit (self);
}

static void
on_document_changed (BudFieldBinding *self,
                     int              kind,
                     gint64           id,
                     const char      *field,
                     int              type)
{
  if (type == BUD_CHANGE_RELOAD ||
      (kind == (int) self->kind && id == self->id &&
       (field == NULL || g_str_equal (field, self->field->name))))
    binding_refresh (self);
  else if (kind == BUD_KIND_COMMENT)
    binding_decorate (self);
}

static void
add_comment_cb (GSimpleAction *action,
                GVariant      *param,
                gpointer       data)
{
  BudFieldBinding *self = data;
  GtkRoot *root = gtk_widget_get_root (self->widget);

  if (self->doc == NULL || self->id == 0)
    return;
  /* what is typed but not yet stored belongs to the field, not the dialog */
  if (self->commit_source != 0)
    bud_field_binding_commit (self);
  bud_comment_dialog_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->doc,
                              self->kind, self->id, self->field->name);
}

/* One menu for every bound widget: its item names an action each widget
 * carries for itself. */
static GMenuModel *
comment_menu (void)
{
  static GMenu *menu;

  if (menu == NULL)
    {
      menu = g_menu_new ();
      g_menu_append (menu, _("Add Comment…"), "binding.add-comment");
    }
  return G_MENU_MODEL (menu);
}

static void
install_comment_action (BudFieldBinding *self,
                        GObject         *text)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  self->comment_action = g_simple_action_new ("add-comment", NULL);
  g_simple_action_set_enabled (self->comment_action, FALSE);
  g_signal_connect (self->comment_action, "activate", G_CALLBACK (add_comment_cb), self);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (self->comment_action));
  gtk_widget_insert_action_group (self->widget, "binding", G_ACTION_GROUP (group));

  if (GTK_IS_TEXT_VIEW (self->widget))
    gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (self->widget), comment_menu ());
  else if (text != NULL && GTK_IS_TEXT (text))
    gtk_text_set_extra_menu (GTK_TEXT (text), comment_menu ());
}

static void
binding_free (gpointer data)
{
  BudFieldBinding *self = data;

  g_clear_handle_id (&self->commit_source, g_source_remove);
  if (self->doc != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->doc);
      g_object_unref (self->doc);
    }
  /* the widget's action group may outlive us by a moment */
  g_signal_handlers_disconnect_by_data (self->comment_action, self);
  g_object_unref (self->comment_action);
  g_free (self->error);
  g_free (self);
}

BudFieldBinding *
bud_field_binding_new (GtkWidget  *widget,
                       BudKind     kind,
                       const char *field)
{
  BudFieldBinding *self;
  GtkEventController *focus;
  GObject *text = NULL;

  g_return_val_if_fail (GTK_IS_EDITABLE (widget) || GTK_IS_TEXT_VIEW (widget), NULL);

  self = g_new0 (BudFieldBinding, 1);
  self->widget = widget;
  self->kind = kind;
  self->field = bud_entity_class_field (bud_entity_class (kind), field);
  g_return_val_if_fail (self->field != NULL, (g_free (self), NULL));

  g_object_set_data_full (G_OBJECT (widget), "bud-field-binding", self, binding_free);

  if (GTK_IS_TEXT_VIEW (widget))
    g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), "changed",
                              G_CALLBACK (on_widget_changed), self);
  else
    {
      g_signal_connect_swapped (widget, "changed", G_CALLBACK (on_widget_changed), self);
      /* Enter: GtkEntry and AdwEntryRow both end in a GtkText delegate */
      text = G_OBJECT (gtk_editable_get_delegate (GTK_EDITABLE (widget)));
      if (text == NULL && GTK_IS_TEXT (widget))
        text = G_OBJECT (widget);
      if (text != NULL)
        g_signal_connect_swapped (text, "activate", G_CALLBACK (on_activate), self);
    }
  install_comment_action (self, text);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (widget, focus);

  gtk_widget_set_sensitive (widget, FALSE);
  return self;
}

BudFieldBinding *
bud_field_binding_get (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "bud-field-binding");
}

void
bud_field_binding_set_target (BudFieldBinding *self,
                              BudDocument     *doc,
                              gint64           id)
{
  g_return_if_fail (self != NULL);

  /* a pending edit belongs to the old target */
  if (self->commit_source != 0)
    bud_field_binding_commit (self);

  if (doc != self->doc)
    {
      if (self->doc != NULL)
        {
          g_clear_signal_handler (&self->changed_id, self->doc);
          g_object_unref (self->doc);
        }
      self->doc = doc != NULL ? g_object_ref (doc) : NULL;
      if (doc != NULL)
        self->changed_id = g_signal_connect_swapped (doc, "changed",
                                                     G_CALLBACK (on_document_changed), self);
    }
  self->id = id;

  /* show the stored value, not whatever was typed for the previous target */
  binding_set_widget_text (self, "");
  binding_refresh (self);
}

void
bud_field_binding_revert (BudFieldBinding *self)
{
  g_return_if_fail (self != NULL);

  g_clear_handle_id (&self->commit_source, g_source_remove);
  binding_set_widget_text (self, "");
  binding_refresh (self);
}

gint64
bud_field_binding_get_id (BudFieldBinding *self)
{
  return self->id;
}

const char *
bud_field_binding_get_error (BudFieldBinding *self)
{
  return self->error;
}

void
bud_field_binding_set_validator (BudFieldBinding  *self,
                                 BudFieldValidator validator,
                                 gpointer          data)
{
  self->validator = validator;
  self->validator_data = data;
}

void
bud_field_binding_revalidate (BudFieldBinding *self)
{
  g_autofree char *to_free = NULL;
  g_autoptr(GError) error = NULL;
  gint64 value;
  gboolean differs;

  if (self->doc == NULL || self->id == 0)
    return;
  if (binding_check (self, binding_get_text (self, &to_free), &value, &differs, &error))
    binding_show_error (self, NULL);
  else
    binding_show_error (self, error->message);
}
