/* bud-section.h — what every page of the window does with the document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window owns the document and the summary; a section shows part of the
 * document, edits it through the document API, and can bring a finding's
 * object into view.
 */
#pragma once

#include <gtk/gtk.h>

#include "bud-document.h"
#include "bud-summary.h"

G_BEGIN_DECLS

#define BUD_TYPE_SECTION (bud_section_get_type ())
G_DECLARE_INTERFACE (BudSection, bud_section, BUD, SECTION, GtkWidget)

struct _BudSectionInterface
{
  GTypeInterface parent_iface;

  void     (*set_document)  (BudSection        *self,
                             BudDocument       *doc);
  void     (*update)        (BudSection        *self,
                             const BudSummary  *summary);
  gboolean (*show_location) (BudSection        *self,
                             BudKind            kind,
                             gint64             id,
                             const char        *field);
};

void      bud_section_set_document  (BudSection        *self,
                                     BudDocument       *doc);
void      bud_section_update        (BudSection        *self,
                                     const BudSummary  *summary);
gboolean  bud_section_show_location (BudSection        *self,
                                     BudKind            kind,
                                     gint64             id,
                                     const char        *field);

/* Holds @doc in *@slot (a new reference) with @callback connected, swapped
 * to @instance, to its "changed" signal, after letting go of what *@slot held
 * and its handler *@handler. @doc NULL only lets go (for dispose). */
void      bud_watch_document        (BudDocument      **slot,
                                     gulong            *handler,
                                     BudDocument       *doc,
                                     GCallback          callback,
                                     gpointer           instance);

/* Tells the window to show a short message (a toast). */
void      bud_section_notify        (GtkWidget         *widget,
                                     const char        *message);

G_END_DECLS
