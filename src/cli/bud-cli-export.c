/* bud-cli-export.c — deptbudget-cli export IN --format FORMAT --output PATH
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json writes the exchange format; pdf, xlsx and html the disclosure package;
 * csv a folder with one file per table; all a folder with every one of them,
 * named after the input (changji-2026.pdf, …, changji-2026-csv/).
 */
#include "config.h"

#include <inttypes.h>

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "bud-cli.h"
#include "bud-export.h"
#include "bud-jsonio.h"
#include "bud-template.h"
#include "bud-units.h"

#define BUD_DEFAULT_TEMPLATE "xinjiang-2026"

static BudExportPackage *
make_package (BudDocument  *doc,
              const char   *template_path,
              GError      **error)
{
  g_autoptr(BudTemplate) tpl = NULL;
  const char *template_id = bud_document_meta (doc)->template_id;

  if (template_path)
    tpl = bud_template_new_from_file (template_path, error);
  else
    tpl = bud_template_load (template_id && *template_id ? template_id : BUD_DEFAULT_TEMPLATE, error);
  if (tpl == NULL)
    return NULL;
  return bud_export_package_new (doc, tpl, error);
}

static char *
input_stem (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');

  if (dot && dot != base)
    *dot = '\0';
  return g_strdup (base);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir && (name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          g_unlink (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* Every format into @folder; on failure what this run wrote is removed again. */
static gboolean
export_all (BudDocument       *doc,
            BudExportPackage  *pkg,
            const char        *input,
            const char        *folder,
            GError           **error)
{
  g_autofree char *stem = input_stem (input);
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  gboolean created = FALSE;
  static const BudExportFormat formats[] = { BUD_EXPORT_PDF, BUD_EXPORT_XLSX, BUD_EXPORT_HTML, BUD_EXPORT_CSV };

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      if (g_mkdir (folder, 0777) != 0)
        {
          int saved = errno;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Cannot create the folder “%s”: %s"), folder, g_strerror (saved));
          return FALSE;
        }
      created = TRUE;
    }

  for (guint i = 0; i <= G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = NULL;
      char *path;
      gboolean ok;

      if (i == G_N_ELEMENTS (formats))
        name = g_strconcat (stem, ".json", NULL);
      else if (formats[i] == BUD_EXPORT_CSV)
        name = g_strconcat (stem, "-csv", NULL);
      else
        name = g_strconcat (stem, ".", bud_export_format_to_string (formats[i]), NULL);
      path = g_build_filename (folder, name, NULL);

      if (i == G_N_ELEMENTS (formats))
        ok = bud_json_write_file (doc, path, error);
      else
        ok = bud_export_write (pkg, formats[i], path, error);
      if (!ok)
        {
          g_free (path);
          for (guint j = 0; j < written->len; j++)
            remove_tree (g_ptr_array_index (written, j));
          if (created)
            g_rmdir (folder);
          return FALSE;
        }
      g_ptr_array_add (written, path);
    }
  return TRUE;
}

int
bud_cli_export (int    argc,
                char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *template_path = NULL;
  gint64 unit_id = 0;
  g_auto(GStrv) args = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("Output format: pdf, xlsx, html, csv (a folder), json or all (a folder); default json"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write (“-” for standard output, json and html only)"), N_("PATH") },
    { "template", 0, 0, G_OPTION_ARG_FILENAME, &template_path,
      N_("Use the template in FILE instead of the document’s"), N_("FILE") },
    { "unit", 0, 0, G_OPTION_ARG_INT64, &unit_id,
      N_("Export the own package (单位预算) of the unit with this id (see “units list”)"), N_("ID") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDocument) doc = NULL;
  g_autoptr(BudExportPackage) pkg = NULL;
  BudExportFormat fmt = BUD_EXPORT_PDF;
  gboolean is_json, is_all;

  if (!bud_cli_parse_options (_("IN"),
                              _("Export a .budget document or JSON exchange file."),
                              entries, &argc, &argv))
    return BUD_CLI_UNREADABLE;
  if (args == NULL || g_strv_length (args) != 1 || output == NULL)
    {
      g_printerr ("%s\n", _("Usage: deptbudget-cli export IN --format pdf|xlsx|html|csv|json|all --output PATH"));
      return BUD_CLI_UNREADABLE;
    }
  if (format == NULL)
    format = g_strdup ("json");
  is_json = strcmp (format, "json") == 0;
  is_all = strcmp (format, "all") == 0;
  if (!is_json && !is_all && !bud_export_format_from_string (format, &fmt))
    {
      g_printerr (_("Unknown export format “%s” (known: pdf, xlsx, html, csv, json, all)\n"), format);
      return BUD_CLI_UNREADABLE;
    }
  if (strcmp (output, "-") == 0 && !is_json && !(fmt == BUD_EXPORT_HTML && !is_all))
    {
      g_printerr (_("The %s format cannot be written to standard output; give a file or folder with --output\n"),
                  format);
      return BUD_CLI_UNREADABLE;
    }

  doc = bud_cli_load_document (args[0], &error);
  if (doc == NULL)
    {
      g_printerr (_("Cannot read %s: %s\n"), args[0], error->message);
      return BUD_CLI_UNREADABLE;
    }

  /* --unit: the unit's own document stands in for the department's (bud-units.h) */
  if (unit_id != 0)
    {
      BudDocument *unit_doc = bud_units_extract (doc, unit_id, &error);

      if (unit_doc == NULL)
        {
          g_printerr (_("Cannot export unit %" PRId64 " of %s: %s\n"), unit_id, args[0], error->message);
          return BUD_CLI_UNREADABLE;
        }
      g_object_unref (doc);
      doc = unit_doc;
    }

  if (is_json)
    {
      if (strcmp (output, "-") == 0)
        {
          gsize len = 0;
          g_autofree char *data = bud_json_write_data (doc, &len);
          if (fwrite (data, 1, len, stdout) != len || fflush (stdout) != 0)
            return BUD_CLI_FAILED;
          return BUD_CLI_OK;
        }
      if (!bud_json_write_file (doc, output, &error))
        {
          g_printerr (_("Cannot write %s: %s\n"), output, error->message);
          return BUD_CLI_FAILED;
        }
      return BUD_CLI_OK;
    }

  pkg = make_package (doc, template_path, &error);
  if (pkg == NULL)
    {
      g_printerr (_("Cannot build the disclosure package of %s: %s\n"), args[0], error->message);
      return BUD_CLI_FAILED;
    }

  if (is_all)
    {
      if (!export_all (doc, pkg, args[0], output, &error))
        {
          g_printerr ("%s\n", error->message);
          return BUD_CLI_FAILED;
        }
      return BUD_CLI_OK;
    }
  if (strcmp (output, "-") == 0)
    {
      /* html only (checked above): through a temporary file, so one writer serves both */
      g_autofree char *tmpdir = g_dir_make_tmp ("deptbudget-XXXXXX", &error);
      g_autofree char *path = tmpdir ? g_build_filename (tmpdir, "out.html", NULL) : NULL;
      g_autofree char *data = NULL;
      gsize len = 0;
      gboolean ok = tmpdir && bud_export_html (pkg, path, &error) &&
                    g_file_get_contents (path, &data, &len, &error);

      if (path)
        g_unlink (path);
      if (tmpdir)
        g_rmdir (tmpdir);
      if (!ok)
        {
          g_printerr ("%s\n", error->message);
          return BUD_CLI_FAILED;
        }
      if (fwrite (data, 1, len, stdout) != len || fflush (stdout) != 0)
        return BUD_CLI_FAILED;
      return BUD_CLI_OK;
    }
  if (!bud_export_write (pkg, fmt, output, &error))
    {
      g_printerr ("%s\n", error->message);
      return BUD_CLI_FAILED;
    }
  return BUD_CLI_OK;
}
