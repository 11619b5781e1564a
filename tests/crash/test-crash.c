/* test-crash.c — crash consistency: edits killed with SIGKILL at random moments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A child (crash-child.c) makes the scripted edits of crash-script.h on a
 * .budget file and reports each committed one; this test kills it at a random
 * moment, then checks that the file opens (read-only and for editing), that
 * SQLite's own integrity check passes, and that the document is exactly the
 * script's state after the last reported edit, or after the one that was
 * committed but not yet reported — never anything in between.
 *
 * BUD_CRASH_KILLS=N sets the number of kills (default 20; the issue asks for
 * at least 200 on demand: BUD_CRASH_KILLS=200 build-aux/test crash).
 */
#include "config.h"

#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bud-schema.h"
#include "bud-storage.h"
#include "crash-script.h"

static char *
integrity_check (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *result = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (result, "%s%s", result->len ? "; " : "",
                            (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (result, FALSE);
}

/* Whether @doc holds exactly the script's state after @n edits. */
static gboolean
matches_script (BudDocument  *doc,
                gint64        n,
                char        **why)
{
  g_autofree char *author = NULL;
  g_autoptr(GHashTable) bodies = crash_script_expect (n, &author);
  GPtrArray *items = bud_document_items (doc, BUD_KIND_COMMENT);

  for (guint i = 0; i < items->len; i++)
    {
      BudComment *c = items->pdata[i];

      if (!g_hash_table_contains (bodies, c->body))
        {
          *why = g_strdup_printf ("after edit %" G_GINT64_FORMAT ": unexpected comment “%s”", n, c->body);
          return FALSE;
        }
      if (strcmp (c->body, CRASH_ANCHOR) == 0 && strcmp (c->author, author) != 0)
        {
          *why = g_strdup_printf ("after edit %" G_GINT64_FORMAT ": anchor author “%s”, expected “%s”",
                                  n, c->author, author);
          return FALSE;
        }
      if (strcmp (c->body, CRASH_ANCHOR) != 0 &&
          strlen (c->field) != crash_script_padding (crash_script_number (c->body)))
        {
          *why = g_strdup_printf ("comment “%s” has a damaged padding", c->body);
          return FALSE;
        }
    }
  if (items->len != g_hash_table_size (bodies))
    {
      *why = g_strdup_printf ("after edit %" G_GINT64_FORMAT ": %u comments, expected %u",
                              n, items->len, g_hash_table_size (bodies));
      return FALSE;
    }
  return TRUE;
}

static void
check_file (const char *path,
            gint64      reported,
            guint       kill_number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDocument) read_only = NULL;
  g_autoptr(BudDocument) doc = NULL;
  g_autofree char *integrity = NULL;
  g_autofree char *why_now = NULL;
  g_autofree char *why_next = NULL;
  BudStorage *storage = NULL;

  /* a reviewer may be the first to open the file after the crash */
  if ((kill_number / 2) % 2 == 0)
    {
      read_only = bud_storage_open (path, BUD_STORAGE_OPEN_READ_ONLY, NULL, &error);
      g_assert_no_error (error);
    }
  doc = bud_storage_open (path, BUD_STORAGE_OPEN_DEFAULT, &storage, &error);
  g_assert_no_error (error);
  bud_storage_close (storage);
  if (read_only)
    g_assert_true (bud_document_equal (read_only, doc, NULL));

  integrity = integrity_check (path);
  g_assert_cmpstr (integrity, ==, "ok");

  if (!matches_script (doc, reported, &why_now) && !matches_script (doc, reported + 1, &why_next))
    g_error ("kill %u: the file is neither the state after the last reported edit (%s) nor after the next (%s)",
             kill_number, why_now, why_next);
}

static void
test_kill (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bud-crash-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *child = g_test_build_filename (G_TEST_BUILT, "crash", "crash-child", NULL);
  const char *env = g_getenv ("BUD_CRASH_KILLS");
  guint kills = env ? (guint) g_ascii_strtoull (env, NULL, 10) : 20;
  gint64 reported = 0;
  guint mid_run = 0;

  g_assert_no_error (error);
  path = g_build_filename (dir, "crash.budget", NULL);
  {
    g_autoptr(BudDocument) doc = bud_document_new ();
    BudComment *anchor = bud_entity_new (BUD_KIND_COMMENT);
    BudStorage *storage;

    g_free (anchor->body);
    anchor->body = g_strdup (CRASH_ANCHOR);
    g_assert_nonnull (bud_document_insert (doc, BUD_KIND_COMMENT, anchor, -1, &error));
    storage = bud_storage_create (path, doc, FALSE, &error);
    g_assert_no_error (error);
    bud_storage_close (storage);
  }

  for (guint k = 1; k <= kills; k++)
    {
      const char *argv[] = { child, path, NULL };
      g_autoptr(GString) out = g_string_new (NULL);
      g_auto(GStrv) lines = NULL;
      GPid pid;
      int out_fd, status;
      char buf[4096];
      gssize got;
      gint64 before = reported;

      g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);
      /* odd kills: anywhere from the open (hot journal roll-back, loading)
       * on; even kills: once the child is editing, so most land mid-write */
      if (k % 2 == 0)
        while (strchr (out->str, '\n') == NULL &&
               (got = read (out_fd, buf, sizeof buf)) != 0)
          {
            if (got < 0 && errno == EINTR)
              continue;
            g_assert_cmpint (got, >, 0);
            g_string_append_len (out, buf, got);
          }
      g_usleep (g_random_int_range (0, 40000));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      while ((got = read (out_fd, buf, sizeof buf)) != 0)
        {
          if (got < 0 && errno == EINTR)
            continue;
          g_assert_cmpint (got, >, 0);
          g_string_append_len (out, buf, got);
        }
      close (out_fd);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      /* it must have died of the kill, not of an error of its own */
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

      lines = g_strsplit (out->str, "\n", -1);
      /* the last piece has no newline yet: a line cut by the kill */
      for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
        if (g_str_has_prefix (lines[i], "committed "))
          reported = MAX (reported, g_ascii_strtoll (lines[i] + 10, NULL, 10));
        else if (g_str_has_prefix (lines[i], "resumed "))
          {
            gint64 resumed = g_ascii_strtoll (lines[i] + 8, NULL, 10);

            /* a removal leaves no number behind, so the child may redo it */
            g_assert_cmpint (resumed, >=, before - (before % 4 == 3));
            /* the previous child may have committed an edit and died before
             * saying so: what this child found on disk counts as reported,
             * or a second such edit would look like one too many */
            reported = MAX (reported, resumed);
          }
      if (reported > before)
        mid_run++;

      check_file (path, reported, k);
    }

  g_test_message ("survived %u kills (%u in the middle of a run of edits); %" G_GINT64_FORMAT
                  " edits reported committed, all present", kills, mid_run, reported);
  if (g_test_verbose () || g_getenv ("BUD_CRASH_KILLS"))
    g_printerr ("crash: survived %u kills (%u during edits), %" G_GINT64_FORMAT " edits committed\n",
                kills, mid_run, reported);

  {
    g_autofree char *journal = g_strconcat (path, "-journal", NULL);
    g_unlink (journal);
    g_unlink (path);
    g_rmdir (dir);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/kill-and-reopen", test_kill);
  return g_test_run ();
}
