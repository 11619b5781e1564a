/* bud-export-csv.c — one CSV file per table, in a folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 4180 (CRLF, fields quoted when they hold a comma, quote or line break)
 * with a UTF-8 byte order mark: without it common spreadsheet programs read
 * the Chinese as the local 8-bit code page.
 */
#include "config.h"

#ifndef _GNU_SOURCE
# define _GNU_SOURCE 1   /* syncfs */
#endif

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
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

/* Writes @data to the temporary file @temp (made by bud_export_make_temp) without
 * waiting for the disk: the whole set is synced once, before any rename. */
static gboolean
write_temp (const char  *temp,
            const char  *path,
            const char  *data,
            gsize        len,
            GError     **error)
{
  int fd = g_open (temp, O_WRONLY | O_TRUNC | O_CLOEXEC, 0);
  int saved = 0;

  if (fd < 0)
    saved = errno;
  while (fd >= 0 && saved == 0 && len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        saved = errno;
      else
        {
          data += n;
          len -= (gsize) n;
        }
    }
  if (fd >= 0 && close (fd) != 0 && saved == 0)
    saved = errno;
  if (saved != 0)
    {
      g_set_error (error, BUD_EXPORT_ERROR, BUD_EXPORT_ERROR_WRITE,
                   _("Cannot write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* Makes the written temporary files durable before they replace anything, as
 * G_FILE_SET_CONTENTS_CONSISTENT would, but at the cost of one flush for the
 * set instead of one per file: hundreds of fsyncs took seconds on a loaded
 * machine. syncfs flushes the folder's file system once; elsewhere each file
 * is flushed, still without waiting between writes. */
static gboolean
sync_temps (const char  *folder,
            GPtrArray   *temps,
            GPtrArray   *paths,
            GError     **error)
{
#ifdef __linux__
  int dir = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (dir >= 0 && syncfs (dir) == 0)
    {
      close (dir);
      return TRUE;
    }
  if (dir >= 0)
    close (dir);
#endif
  for (guint i = 0; i < temps->len; i++)
    {
      int fd = g_open (g_ptr_array_index (temps, i), O_RDONLY | O_CLOEXEC, 0);
      int saved = (fd < 0 || fsync (fd) != 0) ? errno : 0;

      if (fd >= 0)
        close (fd);
      if (saved != 0)
        {
          g_set_error (error, BUD_EXPORT_ERROR, BUD_EXPORT_ERROR_WRITE,
                       _("Cannot write “%s”: %s"), (char *) g_ptr_array_index (paths, i),
                       g_strerror (saved));
          return FALSE;
        }
    }
  return TRUE;
}

/* The renames made durable: best effort, the files are complete either way. */
static void
sync_folder (const char *folder)
{
  int dir = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (dir >= 0)
    {
      if (fsync (dir) != 0)
        { /* some file systems cannot sync a folder: nothing lost */ }
      close (dir);
    }
}

/* All or nothing: a half set of tables would pass for a whole one. Every
 * file is written to a temporary file beside it, the set is synced once,
 * then each is renamed into place; on any failure the temporary files and
 * the files already renamed are removed, and the error names the file. */
gboolean
bud_export_csv (BudExportPackage  *self,
                const char        *folder,
                GError           **error)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) temps = g_ptr_array_new_with_free_func (g_free);
  gboolean created = FALSE;
  guint renamed = 0;
  gboolean ok = TRUE;

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

  for (guint i = 0; ok && i < self->grids->len; i++)
    {
      BudGrid *grid = g_ptr_array_index (self->grids, i);
      g_autofree char *name = file_name (i, grid);
      char *path = g_build_filename (folder, name, NULL);
      g_autofree char *data = NULL;
      char *temp;
      gsize len = 0;

      g_ptr_array_add (paths, path);
      if ((temp = bud_export_make_temp (path, error)) == NULL)
        {
          ok = FALSE;
          break;
        }
      g_ptr_array_add (temps, temp);
      data = bud_export_csv_data (grid, &len);
      ok = write_temp (temp, path, data, len, error);
    }
  if (ok)
    ok = sync_temps (folder, temps, paths, error);
  /* bud_export_commit_temp removes the temporary file it could not rename */
  for (; ok && renamed < temps->len; renamed++)
    ok = bud_export_commit_temp (g_ptr_array_index (temps, renamed), g_ptr_array_index (paths, renamed), error);

  if (ok)
    {
      sync_folder (folder);
      return TRUE;
    }
  for (guint j = 0; j < temps->len; j++)
    g_unlink (g_ptr_array_index (j < renamed ? paths : temps, j));
  if (created)
    g_rmdir (folder);
  return FALSE;
}
