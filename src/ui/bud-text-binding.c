/* bud-text-binding.c — store one keyed text as the user types, creating it on first store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bud-section.h"
#include "bud-text-binding.h"
#include "bud-widget-text.h"

/* The field bindings' pause: a text is stored once typing rests this long. */
#define STORE_DELAY_MS 500

struct _BudTextBinding
{
  GtkWidget        *widget;       /* not owned: the binding lives as its data */
  char             *key;
  char             *fallback;
  BudDocument      *doc;
  gulong            changed_id;
  guint             store_source;
  char             *loaded;       /* what the document said when the widget was last filled */
  char             *error;
  gboolean          loading;      /* we are writing the widget: not the user typing */
  gboolean          storing;      /* our own store: its ::changed must not reload the widget */
  gboolean          single_line;
  BudTextStoreFunc  store;
  gpointer          store_data;
};

/* What the widget should show for the document as it is now. */
static const char *
document_text (BudTextBinding *self)
{
  const char *stored = NULL;

  if (self->doc != NULL && self->key != NULL)
    stored = bud_document_get_text (self->doc, self->key);
  if (stored != NULL)
    return stored;
  return self->fallback != NULL ? self->fallback : "";
}

static void
show_error (BudTextBinding *self,
            const char     *message)
{
  if (g_strcmp0 (self->error, message) == 0)
    return;
  g_free (self->error);
  self->error = g_strdup (message);
  if (message != NULL)
    gtk_widget_add_css_class (self->widget, "error");
  else
    gtk_widget_remove_css_class (self->widget, "error");
  /* a tooltip set is an X round trip: only on a change */
  gtk_widget_set_tooltip_text (self->widget, message);
}

static gboolean
validate (BudTextBinding  *self,
          const char      *text,
          GError         **error)
{
  const BudField *field = bud_entity_class_field (bud_entity_class (BUD_KIND_TEXT), "value");

  if (self->single_line && strpbrk (text, "\r\n") != NULL)
    {
      g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_INVALID,
                   _("This text is quoted inside a sentence: it must be a single line"));
      return FALSE;
    }
  return bud_field_validate_text (field, text, error);
}

static void
reload (BudTextBinding *self)
{
  const char *text = document_text (self);

  g_clear_handle_id (&self->store_source, g_source_remove);
  g_free (self->loaded);
  self->loaded = g_strdup (text);
  self->loading = TRUE;
  bud_widget_set_text (self->widget, text);
  self->loading = FALSE;
  show_error (self, NULL);
  gtk_widget_set_sensitive (self->widget, self->doc != NULL && self->key != NULL);
}

gboolean
bud_text_binding_commit (BudTextBinding *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);

  g_clear_handle_id (&self->store_source, g_source_remove);
  if (self->doc == NULL || self->key == NULL)
    return FALSE;

  text = bud_widget_dup_text (self->widget);
  if (!validate (self, text, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  if (g_strcmp0 (text, document_text (self)) == 0)
    {
      show_error (self, NULL);
      return TRUE;
    }

  self->storing = TRUE;
  if (self->store != NULL)
    ok = self->store (self->doc, self->key, text, self->store_data, &error);
  else
    ok = bud_document_put_text (self->doc, self->key, text, &error);
  self->storing = FALSE;

  if (ok)
    {
      g_free (self->loaded);
      self->loaded = g_strdup (document_text (self));
    }
  show_error (self, ok ? NULL : error->message);
  return ok;
}

static gboolean
store_timeout_cb (gpointer data)
{
  BudTextBinding *self = data;

  self->store_source = 0;
  bud_text_binding_commit (self);
  return G_SOURCE_REMOVE;
}

static void
on_widget_changed (BudTextBinding *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (self->loading || self->doc == NULL || self->key == NULL)
    return;

  /* Say at once what is wrong; store only once typing pauses. */
  g_clear_handle_id (&self->store_source, g_source_remove);
  text = bud_widget_dup_text (self->widget);
  if (!validate (self, text, &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  if (g_strcmp0 (text, document_text (self)) != 0)
    self->store_source = g_timeout_add (STORE_DELAY_MS, store_timeout_cb, self);
}

static void
on_focus_leave (BudTextBinding *self)
{
  if (self->store_source != 0 || self->error != NULL)
    bud_text_binding_commit (self);
}

static void
on_document_changed (BudTextBinding *self,
                     int             kind,
                     gint64          id,
                     const char     *field,
                     int             type)
{
  if (self->storing)
    return;
  /* A removed row no longer says its key, so any text change is looked at;
   * what the user is typing stays unless this key's text really changed. */
  if (type == BUD_CHANGE_RELOAD ||
      (kind == BUD_KIND_TEXT && g_strcmp0 (document_text (self), self->loaded) != 0))
    reload (self);
}

static void
binding_free (gpointer data)
{
  BudTextBinding *self = data;

  g_clear_handle_id (&self->store_source, g_source_remove);
  if (self->doc != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->doc);
      g_object_unref (self->doc);
    }
  g_free (self->key);
  g_free (self->fallback);
  g_free (self->loaded);
  g_free (self->error);
  g_free (self);
}

BudTextBinding *
bud_text_binding_new (GtkWidget  *widget,
                      const char *key)
{
  BudTextBinding *self;
  GtkEventController *focus;

  g_return_val_if_fail (GTK_IS_EDITABLE (widget) || GTK_IS_TEXT_VIEW (widget), NULL);

  self = g_new0 (BudTextBinding, 1);
  self->widget = widget;
  self->key = g_strdup (key);
  g_object_set_data_full (G_OBJECT (widget), "bud-text-binding", self, binding_free);

  if (GTK_IS_TEXT_VIEW (widget))
    g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), "changed",
                              G_CALLBACK (on_widget_changed), self);
  else
    {
      GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (widget));

      g_signal_connect_swapped (widget, "changed", G_CALLBACK (on_widget_changed), self);
      /* Enter stores at once: GtkEntry and AdwEntryRow both end in a GtkText */
      if (delegate == NULL && GTK_IS_TEXT (widget))
        delegate = GTK_EDITABLE (widget);
      if (delegate != NULL)
        g_signal_connect_swapped (delegate, "activate", G_CALLBACK (bud_text_binding_commit), self);
    }

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (widget, focus);

  gtk_widget_set_sensitive (widget, FALSE);
  return self;
}

BudTextBinding *
bud_text_binding_get (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "bud-text-binding");
}

void
bud_text_binding_set_document (BudTextBinding *self,
                               BudDocument    *doc)
{
  g_return_if_fail (self != NULL);

  /* a pending edit belongs to the old document */
  if (self->store_source != 0)
    bud_text_binding_commit (self);
  bud_watch_document (&self->doc, &self->changed_id, doc, G_CALLBACK (on_document_changed), self);
  reload (self);
}

void
bud_text_binding_set_key (BudTextBinding *self,
                          const char     *key)
{
  g_return_if_fail (self != NULL);

  if (g_strcmp0 (key, self->key) == 0)
    return;
  if (self->store_source != 0)
    bud_text_binding_commit (self);
  g_free (self->key);
  self->key = g_strdup (key);
  reload (self);
}

const char *
bud_text_binding_get_key (BudTextBinding *self)
{
  return self->key;
}

void
bud_text_binding_set_fallback (BudTextBinding *self,
                               const char     *fallback)
{
  g_return_if_fail (self != NULL);

  g_free (self->fallback);
  self->fallback = g_strdup (fallback);
  if (self->store_source == 0)
    reload (self);
}

void
bud_text_binding_set_single_line (BudTextBinding *self,
                                  gboolean        single_line)
{
  self->single_line = single_line;
}

void
bud_text_binding_set_store (BudTextBinding   *self,
                            BudTextStoreFunc  store,
                            gpointer          data)
{
  self->store = store;
  self->store_data = data;
}

const char *
bud_text_binding_get_error (BudTextBinding *self)
{
  return self->error;
}
