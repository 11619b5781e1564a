/* bud-window-private.h — shared by bud-window.c and bud-window-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bud-storage.h"
#include "bud-template.h"
#include "bud-window.h"

G_BEGIN_DECLS

struct _BudWindow
{
  AdwApplicationWindow  parent_instance;

  /* template */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  GtkWidget            *content_box;
  AdwWindowTitle       *window_title;
  AdwViewStack         *stack;
  GtkLabel             *income_label;
  GtkLabel             *spent_label;
  GtkLabel             *unallocated_label;
  GtkLabel             *read_only_label;
  GtkLabel             *errors_label;
  GtkImage             *errors_icon;
  GtkLabel             *badges[BUD_N_SECTIONS];
  AdwBin               *slots[BUD_N_SECTIONS];     /* where each page goes */
  GtkWidget            *sections[BUD_N_SECTIONS];  /* NULL until first needed */
  GMenu                *recent_submenu;

  GSettings            *settings;

  /* the document */
  BudDocument          *doc;
  BudStorage           *storage;      /* NULL: in memory (imported) or read-only */
  char                 *path;         /* the .budget file; NULL while in memory */
  char                 *imported_from;
  gboolean              read_only;
  gboolean              unsaved;      /* in memory and edited since import */
  BudTemplate          *tpl;
  gulong                changed_id;

  BudSummary           *summary;
  guint                 summary_idle;

  /* Pages get the document when first shown (or asked for), the rest one
   * at a time on idle after the first frame: launch shows one page. */
  gboolean              filled[BUD_N_SECTIONS];
  guint                 fill_idle;

  char                 *screenshot;
  guint                 screenshot_tick;
  guint                 screenshot_frames;
};

/* bud-window.c */
void      bud_window_attach_document  (BudWindow    *self,
                                       BudDocument  *doc,
                                       BudStorage   *storage,
                                       const char   *path,
                                       gboolean      read_only);
void      bud_window_update_title     (BudWindow    *self);

/* bud-window-document.c */
void      bud_window_install_document_actions (GtkWidgetClass *widget_class);
gboolean  bud_window_confirm_close    (BudWindow    *self);

G_END_DECLS
