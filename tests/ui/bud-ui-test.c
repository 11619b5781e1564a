/* bud-ui-test.c — shared by the UI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "bud-ui-test.h"

char *
bud_ui_test_example_path (void)
{
  return g_build_filename (g_getenv ("BUD_SOURCE_ROOT"), "data", "examples", "changji-2026.json", NULL);
}

BudWindow *
bud_ui_test_open_sized (const char *path,
                        int         width,
                        int         height)
{
  g_autofree char *example = path == NULL ? bud_ui_test_example_path () : NULL;
  BudWindow *win = bud_window_new (NULL);
  g_autoptr(GError) error = NULL;

  gtk_window_set_default_size (GTK_WINDOW (win), width, height);
  gtk_window_present (GTK_WINDOW (win));
  g_assert_true (bud_window_load (win, path != NULL ? path : example, FALSE, &error));
  g_assert_no_error (error);
  bud_ui_test_pump ();
  return win;
}

BudWindow *
bud_ui_test_open (const char *path,
                  const char *section)
{
  BudWindow *win = bud_ui_test_open_sized (path, 1200, 800);

  if (section != NULL)
    {
      bud_window_show_section (win, section);
      bud_ui_test_pump ();
      g_assert_cmpstr (bud_window_get_visible_section (win), ==, section);
    }
  return win;
}

BudWindow *
bud_ui_test_open_example (const char *section)
{
  return bud_ui_test_open (NULL, section);
}

void
bud_ui_test_close_window (BudWindow *win)
{
  bud_window_close_document (win);
  gtk_window_destroy (GTK_WINDOW (win));
  bud_ui_test_pump ();
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

GtkWindow *
bud_ui_test_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      {
        g_assert_null (found);
        found = l->data;
      }
  return found;
}
