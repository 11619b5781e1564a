/* bud-ui-test.h — what every UI test needs: the example, a window, the main loop, typing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bud-window.h"

G_BEGIN_DECLS

/* data/examples/changji-2026.json of the source tree (BUD_SOURCE_ROOT) */
char *bud_ui_test_example_path   (void);
/* A new window of @width × @height, presented, with @path loaded (NULL: the
 * example); the pending work is run before it is returned. */
BudWindow *bud_ui_test_open_sized    (const char *path,
                                      int         width,
                                      int         height);
/* The same at 1200 × 800, showing @section (NULL: the window's first). */
BudWindow *bud_ui_test_open          (const char *path,
                                      const char *section);
/* The example at 1200 × 800, showing @section (NULL: the window's first). */
BudWindow *bud_ui_test_open_example  (const char *section);
/* Closes the document (no question asked) and destroys the window. */
void       bud_ui_test_close_window  (BudWindow  *win);

/* The one message dialog on screen (AdwMessageDialog), or NULL. */
GtkWindow *bud_ui_test_message_dialog (void);

/* Runs the pending main-loop work without blocking. */
void  bud_ui_test_pump           (void);
/* Runs the main loop for @ms: lets lists lay out and timers fire. */
void  bud_ui_test_wait_ms        (guint ms);
/* Types into @editable and presses Enter, as a user would. */
void  bud_ui_test_type_and_enter (GtkWidget  *editable,
                                  const char *text);

G_END_DECLS
