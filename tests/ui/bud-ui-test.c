/* bud-ui-test.c — shared by the UI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bud-ui-test.h"

char *
bud_ui_test_example_path (void)
{
  return g_build_filename (g_getenv ("BUD_SOURCE_ROOT"), "data", "examples", "changji-2026.json", NULL);
}

void
bud_ui_test_pump (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
bud_ui_test_wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

void
bud_ui_test_type_and_enter (GtkWidget  *editable,
                            const char *text)
{
  GtkWidget *delegate = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (editable)));

  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  /* what the Enter key binding of GtkText emits */
  g_signal_emit_by_name (delegate != NULL ? delegate : editable, "activate");
  bud_ui_test_pump ();
}
