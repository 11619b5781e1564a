/* crash-child.c — makes the scripted edits until it is killed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: crash-child FILE.budget [MAX-EDITS]
 * Opens FILE for editing, works out from its content how far the script got,
 * and continues from there. After each edit is committed it prints
 * “committed N” and flushes, so that whatever the parent has read was on
 * disk (in the kernel's hands) before the parent killed it.
 */
#include "config.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "bud-schema.h"
#include "bud-storage.h"
#include "crash-script.h"

static BudComment *
find_comment (BudDocument *doc,
              const char  *body)
{
  GPtrArray *items = bud_document_items (doc, BUD_KIND_COMMENT);

  for (guint i = 0; i < items->len; i++)
    {
      BudComment *c = items->pdata[i];
      if (strcmp (c->body, body) == 0)
        return c;
    }
  return NULL;
}

static gboolean
insert_comment (BudDocument  *doc,
                const char   *body,
                gint64        n,
                GError      **error)
{
  BudComment *c = bud_entity_new (BUD_KIND_COMMENT);
  g_autofree char *padding = g_strnfill (crash_script_padding (n), 'x');

  g_free (c->body);
  c->body = g_strdup (body);
  g_free (c->field);
  c->field = g_steal_pointer (&padding);
  return bud_document_insert (doc, BUD_KIND_COMMENT, c, -1, error) != NULL;
}

static gboolean
run_edit (BudDocument  *doc,
          gint64        n,
          GError      **error)
{
  g_autofree char *name = g_strdup_printf ("edit %" G_GINT64_FORMAT, n);

  switch (n % 4)
    {
    case 1:
      return insert_comment (doc, name, n, error);
    case 2:
      return bud_document_set_text (doc, BUD_KIND_COMMENT, find_comment (doc, CRASH_ANCHOR)->id,
                                    "author", name, error);
    case 3:
      {
        g_autofree char *gone = g_strdup_printf ("edit %" G_GINT64_FORMAT, n - 2);
        BudComment *c = find_comment (doc, gone);

        /* already gone if this edit was committed just before the last kill */
        return c == NULL || bud_document_remove (doc, BUD_KIND_COMMENT, c->id, error);
      }
    default:
      {
        g_autofree char *a = g_strconcat (name, " a", NULL);
        g_autofree char *b = g_strconcat (name, " b", NULL);

        if (!bud_document_begin (doc, error))
          return FALSE;
        if (!insert_comment (doc, a, n, error) || !insert_comment (doc, b, n, error))
          {
            bud_document_rollback (doc);
            return FALSE;
          }
        return bud_document_commit (doc, error);
      }
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDocument) doc = NULL;
  BudStorage *storage = NULL;
  gint64 max_edits = argc > 2 ? g_ascii_strtoll (argv[2], NULL, 10) : G_MAXINT64;
  gint64 done = 0;
  GPtrArray *items;

  if (argc < 2)
    {
      fprintf (stderr, "usage: crash-child FILE.budget [MAX-EDITS]\n");
      return 2;
    }
  doc = bud_storage_open (argv[1], BUD_STORAGE_OPEN_DEFAULT, &storage, &error);
  if (doc == NULL)
    {
      fprintf (stderr, "crash-child: %s\n", error->message);
      return 1;
    }

  /* the highest edit number the file shows is the last one that got there */
  items = bud_document_items (doc, BUD_KIND_COMMENT);
  for (guint i = 0; i < items->len; i++)
    {
      BudComment *c = items->pdata[i];
      done = MAX (done, crash_script_number (c->body));
      done = MAX (done, crash_script_number (c->author));
    }
  printf ("resumed %" G_GINT64_FORMAT "\n", done);
  fflush (stdout);

  for (gint64 n = done + 1; n <= max_edits; n++)
    {
      if (!run_edit (doc, n, &error))
        {
          fprintf (stderr, "crash-child: edit %" G_GINT64_FORMAT ": %s\n", n, error->message);
          bud_storage_close (storage);
          return 1;
        }
      printf ("committed %" G_GINT64_FORMAT "\n", n);
      fflush (stdout);
    }
  bud_storage_close (storage);
  return 0;
}
