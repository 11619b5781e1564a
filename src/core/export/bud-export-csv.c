/* bud-export-csv.c — one CSV file per table, in a folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 4180 (CRLF, fields quoted when they hold a comma, quote or line break)
 * with a UTF-8 byte order mark: without it common spreadsheet programs read
 * the Chinese as the local 8-bit code page.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bud-export-private.h"

static void
append_field (GString    *out,
              const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* The header rows, then the body rows, as the TSV rendering lays them out. */
static char *
bud_export_csv_data (BudGrid *grid,
                     gsize   *out_len)
{
  g_autoptr(GPtrArray) rows = bud_grid_to_rows (grid);
  GString *out = g_string_new ("\xEF\xBB\xBF");

  for (guint r = 0; r < rows->len; r++)
    {
      char **fields = g_ptr_array_index (rows, r);

      for (guint c = 0; fields[c]; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          append_field (out, fields[c]);
        }
      g_string_append (out, "\r\n");
    }
  *out_len = out->len;
  return g_string_free (out, FALSE);
}

/* A file name from a table name: no path separators or characters that
 * common file systems refuse. */
static char *
file_name (guint       index,
           BudGrid    *grid)
{
  g_autofree char *name = grid->label ? g_strconcat (grid->name, "-", grid->title, NULL)
                                      : g_strdup (grid->name);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%02u-", index + 1);
  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      if (ch < 0x20 || strchr ("/\\:*?\"<>|", (int) (ch < 0x80 ? ch : 'a')) != NULL)
        g_string_append_c (out, '_');
      else
        g_string_append_unichar (out, ch);
    }
  g_string_append (out, ".csv");
  return g_string_free (out, FALSE);
}

gboolean
bud_export_csv (BudExportPackage  *self,
                const char        *folder,
                GError           **error)
{
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  gboolean created = FALSE;

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      if (g_mkdir (folder, 0777) != 0)
        {
          int saved = errno;
          g_set_error (error, BUD_EXPORT_ERROR, BUD_EXPORT_ERROR_WRITE,
                       _("Cannot create the folder “%s”: %s"), folder, g_strerror (saved));
          return FALSE;
        }
      created = TRUE;
    }

  for (guint i = 0; i < self->grids->len; i++)
    {
      BudGrid *grid = g_ptr_array_index (self->grids, i);
      g_autofree char *name = file_name (i, grid);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *data = NULL;
      gsize len = 0;

      data = bud_export_csv_data (grid, &len);
      if (!bud_export_write_atomic (path, data, len, error))
        {
          /* all or nothing: a half set of tables would pass for a whole one */
          for (guint j = 0; j < written->len; j++)
            g_unlink (g_ptr_array_index (written, j));
          if (created)
            g_rmdir (folder);
          return FALSE;
        }
      g_ptr_array_add (written, g_steal_pointer (&path));
    }
  return TRUE;
}
