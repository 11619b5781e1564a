/* bud-ui-test.h — what every UI test needs: the example, the main loop, typing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* data/examples/changji-2026.json of the source tree (BUD_SOURCE_ROOT) */
char *bud_ui_test_example_path   (void);
/* Runs the pending main-loop work without blocking. */
void  bud_ui_test_pump           (void);
/* Runs the main loop for @ms: lets lists lay out and timers fire. */
void  bud_ui_test_wait_ms        (guint ms);
/* Types into @editable and presses Enter, as a user would. */
void  bud_ui_test_type_and_enter (GtkWidget  *editable,
                                  const char *text);

G_END_DECLS
