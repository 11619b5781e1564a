/* bud-cell-field.c — plain text until edited, then an entry with a field binding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bud-cell-field.h"
#include "bud-comment-dialog.h"
#include "bud-field-binding.h"

struct _BudCellField
{
  GtkWidget       parent_instance;

  GtkWidget      *text;      /* GtkInscription: no layout work beyond the visible chars */
  GtkWidget      *entry;     /* while editing */
  BudKind         kind;
  const BudField *field;
  gboolean        numeric;
  BudDocument    *doc;
  gint64          id;
  guint           end_source;
  gboolean        commented;
};

G_DEFINE_FINAL_TYPE (BudCellField, bud_cell_field, GTK_TYPE_WIDGET)

static void
set_class (GtkWidget  *widget,
           const char *name,
           gboolean    on)
{
  /* touched only on a change: the grid refreshes cells while scrolling */
  if (on != gtk_widget_has_css_class (widget, name))
    {
      if (on)
        gtk_widget_add_css_class (widget, name);
      else
        gtk_widget_remove_css_class (widget, name);
    }
}

void
bud_cell_field_refresh (BudCellField *self)
{
  gpointer entity = self->doc != NULL && self->id != 0
                    ? bud_document_lookup (self->doc, self->kind, self->id) : NULL;
  g_autofree char *shown = entity != NULL ? bud_field_format (self->field, entity) : NULL;
  g_autofree char *comments = entity != NULL
                              ? bud_field_comments_tooltip (self->doc, self->kind, self->id, self->field->name)
                              : NULL;

  gtk_inscription_set_text (GTK_INSCRIPTION (self->text), shown);
  set_class (GTK_WIDGET (self), "bud-commented", comments != NULL);
  /* setting a tooltip asks the X server where the pointer is: only on a change */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (self)), comments) != 0)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self), comments);
}

static void
end_editing (BudCellField *self)
{
  GtkWidget *entry = self->entry;
  gboolean had_focus;

  g_clear_handle_id (&self->end_source, g_source_remove);
  if (entry == NULL)
    return;
  had_focus = gtk_widget_has_focus (gtk_editable_get_delegate (GTK_EDITABLE (entry)) != NULL
                                    ? GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (entry))) : entry);
  /* a pending edit is stored before the entry goes */
  bud_field_binding_set_target (bud_field_binding_get (entry), NULL, 0);
  self->entry = NULL;
  gtk_widget_unparent (entry);
  gtk_widget_set_visible (self->text, TRUE);
  bud_cell_field_refresh (self);
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static gboolean
end_editing_cb (gpointer data)
{
  BudCellField *self = data;

  self->end_source = 0;
  /* focus came back (the context menu, the comment dialog): still editing */
  if (self->entry != NULL && gtk_widget_has_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->entry)))))
    return G_SOURCE_REMOVE;
  /* a refused value stays on screen with its error until it is fixed */
  if (self->entry != NULL && bud_field_binding_get_error (bud_field_binding_get (self->entry)) == NULL)
    end_editing (self);
  return G_SOURCE_REMOVE;
}

static void
on_entry_focus_leave (BudCellField *self)
{
  /* after the binding's own focus-out store, and not while a signal of the
   * entry is still running */
  if (self->end_source == 0)
    self->end_source = g_idle_add (end_editing_cb, self);
}

GtkWidget *
bud_cell_field_edit (BudCellField *self,
                    const char  *typed)
{
  GtkEventController *focus;

  g_return_val_if_fail (BUD_IS_CELL_FIELD (self), NULL);
  if (self->doc == NULL || self->id == 0)
    return NULL;
  if (self->entry == NULL)
    {
      self->entry = gtk_entry_new ();
      gtk_entry_set_has_frame (GTK_ENTRY (self->entry), FALSE);
      gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 1);
      if (self->numeric)
        {
          gtk_entry_set_alignment (GTK_ENTRY (self->entry), 1);
          gtk_widget_add_css_class (self->entry, "numeric");
        }
      bud_field_binding_new (self->entry, self->kind, self->field->name);
      focus = gtk_event_controller_focus_new ();
      g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_entry_focus_leave), self);
      gtk_widget_add_controller (self->entry, focus);
      gtk_widget_set_parent (self->entry, GTK_WIDGET (self));
      gtk_widget_set_visible (self->text, FALSE);
      /* the entry carries the mark and the tooltip now */
      set_class (GTK_WIDGET (self), "bud-commented", FALSE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
      bud_field_binding_set_target (bud_field_binding_get (self->entry), self->doc, self->id);
    }
  g_clear_handle_id (&self->end_source, g_source_remove);
  gtk_widget_grab_focus (self->entry);
  if (typed != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->entry), typed);
      gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
    }
  return self->entry;
}

GtkWidget *
bud_cell_field_get_entry (BudCellField *self)
{
  return self->entry;
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            BudCellField     *self)
{
  if (self->entry == NULL && bud_cell_field_edit (self, NULL) != NULL)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

void
bud_cell_field_cancel (BudCellField *self)
{
  g_return_if_fail (BUD_IS_CELL_FIELD (self));

  if (self->entry == NULL)
    return;
  bud_field_binding_revert (bud_field_binding_get (self->entry));
  end_editing (self);
}

/* "Add Comment…" on a right click, as the field's entry offers it while edited */
static void
add_comment_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  BudCellField *self = BUD_CELL_FIELD (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->doc == NULL || self->id == 0)
    return;
  bud_comment_dialog_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->doc,
                              self->kind, self->id, self->field->name);
}

static void
on_secondary_pressed (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      BudCellField     *self)
{
  g_autoptr(GMenu) menu = NULL;
  GtkWidget *popover;

  if (self->entry != NULL || self->doc == NULL || self->id == 0 ||
      bud_document_get_read_only (self->doc))
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  menu = g_menu_new ();
  g_menu_append (menu, _("Add Comment…"), "cell.add-comment");
  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  /* the popover goes with the click: unparented once closed */
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BudCellField           *self)
{
  gunichar c = gdk_keyval_to_unicode (keyval);
  char typed[8] = { 0 };

  if (self->entry != NULL)
    {
      if (keyval != GDK_KEY_Escape)
        return FALSE;
      bud_cell_field_cancel (self);
      return TRUE;
    }
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_F2)
    return bud_cell_field_edit (self, NULL) != NULL;
  /* typing replaces the value, as in a spreadsheet; shortcuts stay shortcuts */
  if (c == 0 || !g_unichar_isprint (c) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;
  g_unichar_to_utf8 (c, typed);
  return bud_cell_field_edit (self, typed) != NULL;
}

void
bud_cell_field_set_target (BudCellField *self,
                          BudDocument *doc,
                          gint64       id)
{
  g_return_if_fail (BUD_IS_CELL_FIELD (self));
  if (self->entry != NULL && (doc != self->doc || id != self->id))
    end_editing (self);
  g_set_object (&self->doc, doc);
  self->id = doc != NULL ? id : 0;
  bud_cell_field_refresh (self);
}

gint64
bud_cell_field_get_id (BudCellField *self)
{
  return self->id;
}

static void
bud_cell_field_dispose (GObject *object)
{
  BudCellField *self = BUD_CELL_FIELD (object);

  if (self->entry != NULL)
    end_editing (self);
  g_clear_pointer (&self->text, gtk_widget_unparent);
  /* a context menu still open */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->doc);
  G_OBJECT_CLASS (bud_cell_field_parent_class)->dispose (object);
}

static void
bud_cell_field_class_init (BudCellFieldClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bud_cell_field_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bud-cell-field");
  gtk_widget_class_install_action (widget_class, "cell.add-comment", NULL, add_comment_cb);
}

static void
bud_cell_field_init (BudCellField *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->text = gtk_inscription_new (NULL);
  gtk_widget_set_parent (self->text, GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_secondary_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
bud_cell_field_new (BudKind     kind,
                   const char *field,
                   gboolean    numeric)
{
  BudCellField *self = g_object_new (BUD_TYPE_CELL_FIELD, NULL);

  self->kind = kind;
  self->field = bud_entity_class_field (bud_entity_class (kind), field);
  g_return_val_if_fail (self->field != NULL, GTK_WIDGET (self));
  self->numeric = numeric;
  if (numeric)
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (self->text), 1);
      gtk_widget_add_css_class (GTK_WIDGET (self), "numeric");
    }
  return GTK_WIDGET (self);
}
