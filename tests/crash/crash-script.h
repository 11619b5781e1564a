/* crash-script.h — the scripted edits of the crash-consistency test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the child that makes the edits and the test that checks what
 * survived, so both agree on what the document holds after edit n:
 *   n % 4 == 1  insert comment “edit n” (one write-through transaction)
 *   n % 4 == 2  set the author of the comment “anchor” to “edit n”
 *   n % 4 == 3  remove comment “edit n-2”
 *   n % 4 == 0  insert “edit n a” and “edit n b” in one begin/commit
 * Inserted comments carry a padding field of varying length so that
 * transactions span several pages of the file.
 */
#pragma once

#include <glib.h>

#define CRASH_ANCHOR "anchor"

/* The comment bodies and the anchor's author after edits 1 … @n. */
static inline GHashTable *
crash_script_expect (gint64   n,
                     char   **out_author)
{
  GHashTable *bodies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  char *author = g_strdup ("");

  g_hash_table_add (bodies, g_strdup (CRASH_ANCHOR));
  for (gint64 i = 1; i <= n; i++)
    switch (i % 4)
      {
      case 1:
        g_hash_table_add (bodies, g_strdup_printf ("edit %" G_GINT64_FORMAT, i));
        break;
      case 2:
        g_free (author);
        author = g_strdup_printf ("edit %" G_GINT64_FORMAT, i);
        break;
      case 3:
        {
          g_autofree char *gone = g_strdup_printf ("edit %" G_GINT64_FORMAT, i - 2);
          g_hash_table_remove (bodies, gone);
        }
        break;
      default:
        g_hash_table_add (bodies, g_strdup_printf ("edit %" G_GINT64_FORMAT " a", i));
        g_hash_table_add (bodies, g_strdup_printf ("edit %" G_GINT64_FORMAT " b", i));
        break;
      }
  *out_author = author;
  return bodies;
}

/* The edit number a body or author names, or 0. */
static inline gint64
crash_script_number (const char *text)
{
  if (!g_str_has_prefix (text, "edit "))
    return 0;
  return g_ascii_strtoll (text + 5, NULL, 10);
}

static inline guint
crash_script_padding (gint64 n)
{
  return (guint) ((n * 7919) % 12000);
}
