/* bud-widget-text.h — the text of an entry or a text view, one way for both
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bindings and dialogs edit one-line fields in a GtkEditable (GtkEntry,
 * AdwEntryRow) and long texts in a GtkTextView; they read and write either
 * through these two calls.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* All the text @widget holds, newly allocated. */
char  *bud_widget_dup_text (GtkWidget   *widget);
void   bud_widget_set_text (GtkWidget   *widget,
                            const char  *text);

G_END_DECLS
