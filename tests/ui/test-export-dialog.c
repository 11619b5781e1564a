/* test-export-dialog.c — exporting from the window, the file written in a thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "bud-export-dialog.h"
#include "bud-ui-test.h"
#include "bud-window.h"


static void
wait_done (BudExportDialog *dialog)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (bud_export_dialog_is_running (dialog) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (bud_export_dialog_is_running (dialog));
}

static void
test_export_html (void)
{
  BudWindow *win = bud_ui_test_open_example (NULL);
  BudDocument *doc = bud_window_get_document (win);
  g_autofree char *dir = g_dir_make_tmp ("bud-ui-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "package.pdf", NULL);
  g_autofree char *html = g_build_filename (dir, "package.html", NULL);
  g_autofree char *department = g_strdup (bud_document_meta (doc)->department);
  g_autofree char *contents = NULL;
  BudExportDialog *dialog = bud_export_dialog_new (GTK_WINDOW (win), doc, NULL);

  /* without a template there is nothing to export: said, not crashed */
  bud_export_dialog_set_path (dialog, path);
  g_assert_false (bud_export_dialog_start (dialog));
  g_assert_cmpstr (bud_export_dialog_get_status (dialog), !=, "");
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_widget_activate_action (GTK_WIDGET (win), "win.export", NULL);
  bud_ui_test_pump ();
  dialog = NULL;
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (BUD_IS_EXPORT_DIALOG (l->data))
      dialog = l->data;
  g_assert_nonnull (dialog);

  bud_export_dialog_set_path (dialog, path);
  /* the file name follows the format */
  bud_export_dialog_set_format (dialog, BUD_EXPORT_HTML);
  g_assert_cmpstr (bud_export_dialog_get_path (dialog), ==, html);

  g_assert_true (bud_export_dialog_start (dialog));
  g_assert_true (bud_export_dialog_is_running (dialog));
  /* closing waits for the thread */
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  /* the user may edit while the file is written: the package is a snapshot */
  g_assert_true (bud_document_set_text (doc, BUD_KIND_META, 1, "department", "Edited meanwhile", NULL));
  wait_done (dialog);

  g_assert_nonnull (strstr (bud_export_dialog_get_status (dialog), html));
  g_assert_true (g_file_get_contents (html, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, department));
  g_assert_null (strstr (contents, "Edited meanwhile"));
  g_unlink (html);

  /* a destination that cannot be written: the error is shown, nothing is left */
  {
    g_autofree char *bad = g_build_filename (dir, "missing", "folder", "x.html", NULL);
    bud_export_dialog_set_path (dialog, bad);
    g_assert_true (bud_export_dialog_start (dialog));
    wait_done (dialog);
    g_assert_nonnull (strstr (bud_export_dialog_get_status (dialog), "failed"));
    g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_rmdir (dir);
  bud_ui_test_close_window (win);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/ui/export/html-in-thread", test_export_html);
  return g_test_run ();
}
