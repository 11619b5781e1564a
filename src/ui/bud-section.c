/* bud-section.c — the section interface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bud-section.h"

G_DEFINE_INTERFACE (BudSection, bud_section, GTK_TYPE_WIDGET)

static void
bud_section_default_init (BudSectionInterface *iface)
{
}

void
bud_section_set_document (BudSection  *self,
                          BudDocument *doc)
{
  g_return_if_fail (BUD_IS_SECTION (self));
  if (BUD_SECTION_GET_IFACE (self)->set_document)
    BUD_SECTION_GET_IFACE (self)->set_document (self, doc);
}

void
bud_section_update (BudSection       *self,
                    const BudSummary *summary)
{
  g_return_if_fail (BUD_IS_SECTION (self));
  if (BUD_SECTION_GET_IFACE (self)->update)
    BUD_SECTION_GET_IFACE (self)->update (self, summary);
}

gboolean
bud_section_show_location (BudSection *self,
                           BudKind     kind,
                           gint64      id,
                           const char *field)
{
  g_return_val_if_fail (BUD_IS_SECTION (self), FALSE);
  if (BUD_SECTION_GET_IFACE (self)->show_location)
    return BUD_SECTION_GET_IFACE (self)->show_location (self, kind, id, field);
  return FALSE;
}

void
bud_section_notify (GtkWidget  *widget,
                    const char *message)
{
  gtk_widget_activate_action (widget, "win.notify", "s", message);
}

void
bud_watch_document (BudDocument **slot,
                    gulong       *handler,
                    BudDocument  *doc,
                    GCallback     callback,
                    gpointer      instance)
{
  if (*slot != NULL)
    g_clear_signal_handler (handler, *slot);
  g_clear_object (slot);
  if (doc != NULL)
    {
      *slot = g_object_ref (doc);
      *handler = g_signal_connect_swapped (doc, "changed", callback, instance);
    }
}
