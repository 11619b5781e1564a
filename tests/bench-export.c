/* bench-export.c — how long exporting the disclosure package takes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times building the package and writing PDF, XLSX, HTML and CSV for the
 * reference example and for the DESIGN target document (40 units, 20,000
 * lines, 800 projects, 8,000 indicators: bud_synth_generate, size L). Not a test: timings on a shared machine are not pass/fail
 * material. Usage: bench-export [EXAMPLE.json [--warm-up]] (default: the source
 * tree's data/examples/changji-2026.json via BUD_SOURCE_ROOT, else the current
 * folder); --warm-up first runs bud_export_pdf_warm_up, as the app does in its
 * export thread after launch.
 *
 * The first PDF of a process also pays for loading the CJK fonts (fontconfig,
 * FreeType faces, cairo reading the 16 MB CFF table of each face); the
 * example's PDF is written a second time to show what an export costs once
 * they are loaded, as for every export after the first in the app.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "bud-document.h"
#include "bud-export.h"
#include "bud-jsonio.h"
#include "bud-synth.h"
#include "bud-template.h"

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
bench (const char  *label,
       BudDocument *doc,
       BudTemplate *tpl,
       const char  *dir,
       gboolean     again)
{
  static const BudExportFormat formats[] = { BUD_EXPORT_PDF, BUD_EXPORT_XLSX, BUD_EXPORT_HTML, BUD_EXPORT_CSV };
  g_autoptr(GError) error = NULL;
  g_autoptr(BudExportPackage) pkg = NULL;
  double package_ms, pdf_xlsx = 0;
  gint64 start;

  start = g_get_monotonic_time ();
  pkg = bud_export_package_new (doc, tpl, &error);
  package_ms = ms_since (start);
  if (pkg == NULL)
    g_error ("%s: %s", label, error->message);
  g_print ("%s: package (tables, narrative, performance tables) %.1f ms, %u tables\n",
           label, package_ms, bud_export_package_get_n_tables (pkg));

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      const char *ext = bud_export_format_to_string (formats[i]);
      g_autofree char *name = g_strdup_printf ("%s.%s", label, ext);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GStatBuf st = { 0 };
      double ms;

      start = g_get_monotonic_time ();
      if (!bud_export_write (pkg, formats[i], path, &error))
        g_error ("%s %s: %s", label, ext, error->message);
      ms = ms_since (start);
      if (formats[i] == BUD_EXPORT_PDF || formats[i] == BUD_EXPORT_XLSX)
        pdf_xlsx += ms;
      g_stat (path, &st);
      g_print ("  %-4s %8.1f ms  %10lld bytes\n", ext, ms,
               formats[i] == BUD_EXPORT_CSV ? 0LL : (long long) st.st_size);
      if (formats[i] == BUD_EXPORT_PDF && again)
        {
          start = g_get_monotonic_time ();
          if (!bud_export_write (pkg, formats[i], path, &error))
            g_error ("%s %s: %s", label, ext, error->message);
          g_print ("  %-4s %8.1f ms  again, fonts loaded\n", ext, ms_since (start));
        }
    }
  g_print ("  package + PDF + XLSX: %.1f ms\n", package_ms + pdf_xlsx);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudTemplate) tpl = bud_template_load ("xinjiang-2026", &error);
  g_autoptr(BudDocument) example = NULL;
  g_autoptr(BudDocument) large = NULL;
  g_autofree char *example_path = NULL;
  g_autofree char *dir = NULL;
  gint64 start;

  if (tpl == NULL)
    g_error ("%s", error->message);
  if (argc > 1)
    example_path = g_strdup (argv[1]);
  else
    example_path = g_build_filename (g_getenv ("BUD_SOURCE_ROOT") ? g_getenv ("BUD_SOURCE_ROOT") : ".",
                                     "data", "examples", "changji-2026.json", NULL);
  dir = g_dir_make_tmp ("bench-export-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);

  example = bud_json_read_file (example_path, &error);
  if (example == NULL)
    g_error ("%s: %s", example_path, error->message);
  /* --warm-up: as the app does in its export thread after launch */
  if (argc > 2 && g_str_equal (argv[2], "--warm-up"))
    {
      start = g_get_monotonic_time ();
      bud_export_pdf_warm_up (tpl);
      g_print ("warm-up (the package of an empty budget, written nowhere) %.1f ms\n", ms_since (start));
    }
  bench ("example", example, tpl, dir, TRUE);

  start = g_get_monotonic_time ();
  large = bud_synth_generate (BUD_SYNTH_L, 1);
  g_print ("large document: %u units, %u lines, %u projects, %u indicators (built in %.1f ms)\n",
           bud_document_count (large, BUD_KIND_UNIT), bud_document_count (large, BUD_KIND_LINE),
           bud_document_count (large, BUD_KIND_PROJECT), bud_document_count (large, BUD_KIND_INDICATOR),
           ms_since (start));
  bench ("large", large, tpl, dir, FALSE);

  if (g_getenv ("BUD_BENCH_KEEP"))
    g_print ("files kept in %s\n", dir);
  else
    remove_tree (dir);
  return 0;
}
