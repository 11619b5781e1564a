/* main.c — deptbudget, the GTK application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "bud-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BudApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* BUD_LOCALEDIR: the build tree's translations, for build-aux/run and
   * tests of the uninstalled program */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("BUD_LOCALEDIR") != NULL ? g_getenv ("BUD_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = bud_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
