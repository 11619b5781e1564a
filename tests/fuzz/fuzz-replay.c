/* fuzz-replay.c — runs a fuzz target over its seed corpus as an ordinary test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Linked with one fuzz-<target>.c instead of libFuzzer, so that every build
 * (gcc included) replays the corpus and keeps past findings fixed. Arguments
 * are files or folders; output is TAP, one case per input.
 */
#include "config.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
collect (const char *path,
         GPtrArray  *files)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    return;
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  /* a stable order, so a failure names the same case every run */
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (files, g_build_filename (path, names->pdata[i], NULL));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  int failed = 0;

  for (int i = 1; i < argc; i++)
    if (g_strcmp0 (argv[i], "--tap") != 0)
      collect (argv[i], files);

  printf ("1..%u\n", files->len);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = files->pdata[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;
      gsize len;

      if (!g_file_get_contents (path, &data, &len, &error))
        {
          printf ("not ok %u - %s: %s\n", i + 1, path, error->message);
          failed++;
          continue;
        }
      /* a copy of exactly @len bytes, so ASan sees any read past the input */
      {
        g_autofree guint8 *exact = g_memdup2 (data, len);

        LLVMFuzzerTestOneInput (exact, len);
      }
      printf ("ok %u - %s\n", i + 1, path);
      fflush (stdout);
    }
  return failed ? 1 : 0;
}
