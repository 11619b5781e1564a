/* fuzz-storage.c — libFuzzer target for opening a .budget file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is written to a file and opened read-only, the way a reviewer
 * opens a stranger's file. Whatever the bytes: no crash, an error from
 * BUD_STORAGE_ERROR when refused, and an accepted file gives the same
 * document when opened for editing.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "bud-storage.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static char *dir;

static void
remove_dir (void)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
  g_clear_pointer (&dir, g_free);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDocument) doc = NULL;
  g_autoptr(BudDocument) edited = NULL;
  g_autofree char *path = NULL;
  g_autofree char *journal = NULL;
  BudStorage *storage = NULL;

  if (dir == NULL)
    {
      dir = g_dir_make_tmp ("bud-fuzz-storage-XXXXXX", NULL);
      g_assert (dir != NULL);
      atexit (remove_dir);
    }
  path = g_build_filename (dir, "input.budget", NULL);
  journal = g_strconcat (path, "-journal", NULL);
  g_unlink (journal);
  g_assert (g_file_set_contents (path, (const char *) data, (gssize) size, NULL));

  doc = bud_storage_open (path, BUD_STORAGE_OPEN_READ_ONLY, NULL, &error);
  if (doc == NULL)
    {
      g_assert (error != NULL && error->domain == BUD_STORAGE_ERROR);
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  edited = bud_storage_open (path, BUD_STORAGE_OPEN_DEFAULT, &storage, &error);
  g_assert_no_error (error);
  g_assert (bud_document_equal (doc, edited, NULL));
  bud_storage_close (storage);
  return 0;
}
