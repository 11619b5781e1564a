/* bench-journal.c — what one committed edit costs under each rollback-journal mode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app commits every edit in its own transaction with synchronous=FULL
 * (bud-storage.c). This program writes a synthetic department as a .budget
 * file, then replays the app's write of one line amount (BEGIN IMMEDIATE,
 * one prepared UPDATE, COMMIT) under journal_mode DELETE, TRUNCATE and
 * PERSIST, in rounds that alternate the modes so a busy disk or machine
 * weighs on all of them alike, and prints the median and p99 per mode.
 * Every mode keeps the same durability: the journal is synced before the
 * database is written, the database before the commit is marked.
 *
 * Not a test. Usage: bench-journal [--size S|M|L|XL] [--edits N] [--mode MODE] [--dir DIR]
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>

#include "bud-storage.h"
#include "bud-synth.h"

static const char * const modes[] = { "DELETE", "TRUNCATE", "PERSIST" };

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  char *msg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s: %s", sql, msg);
}

/* @n committed amount updates under @mode; times in ms appended to @out */
static void
run_mode (const char *path,
          const char *mode,
          guint       n,
          gint64      max_id,
          GArray     *out)
{
  g_autofree char *pragma = g_strdup_printf ("PRAGMA journal_mode = %s", mode);
  sqlite3 *db = NULL;
  sqlite3_stmt *begin, *update, *commit;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));
  /* as bud-storage.c configures an editing connection */
  exec_or_die (db, "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON; PRAGMA synchronous = FULL");
  exec_or_die (db, pragma);
  sqlite3_prepare_v3 (db, "BEGIN IMMEDIATE", -1, SQLITE_PREPARE_PERSISTENT, &begin, NULL);
  sqlite3_prepare_v3 (db, "UPDATE \"lines\" SET \"amount\" = ?1 WHERE \"id\" = ?2", -1,
                      SQLITE_PREPARE_PERSISTENT, &update, NULL);
  sqlite3_prepare_v3 (db, "COMMIT", -1, SQLITE_PREPARE_PERSISTENT, &commit, NULL);
  if (!begin || !update || !commit)
    g_error ("prepare: %s", sqlite3_errmsg (db));

  for (guint i = 0; i < n; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      sqlite3_bind_int64 (update, 1, 100 * g_random_int_range (1, 2000000));
      sqlite3_bind_int64 (update, 2, g_random_int_range (1, (gint32) max_id + 1));
      if (sqlite3_step (begin) != SQLITE_DONE || sqlite3_step (update) != SQLITE_DONE ||
          sqlite3_step (commit) != SQLITE_DONE)
        g_error ("edit: %s", sqlite3_errmsg (db));
      sqlite3_reset (begin);
      sqlite3_reset (update);
      sqlite3_reset (commit);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (out, ms);
    }
  sqlite3_finalize (begin);
  sqlite3_finalize (update);
  sqlite3_finalize (commit);
  /* back to the app's mode, so the next round starts from the same file state */
  exec_or_die (db, "PRAGMA journal_mode = DELETE");
  sqlite3_close (db);
}

int
main (int    argc,
      char **argv)
{
  static char *opt_size = NULL, *opt_dir = NULL, *opt_mode = NULL;
  static int opt_edits = 1000;
  static GOptionEntry entries[] = {
    { "size", 's', 0, G_OPTION_ARG_STRING, &opt_size, "Synthetic department size (default L)", "SIZE" },
    { "edits", 'n', 0, G_OPTION_ARG_INT, &opt_edits, "Edits per mode (default 1000)", "N" },
    { "mode", 'm', 0, G_OPTION_ARG_STRING, &opt_mode, "Only this journal mode (to count its system calls with strace -c)", "MODE" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &opt_dir, "Folder for the file (default: a new temporary folder)", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— commit time per journal mode");
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDocument) doc = NULL;
  g_autofree char *dir = NULL, *path = NULL, *journal = NULL;
  GArray *times[G_N_ELEMENTS (modes)];
  BudSynthSize size = BUD_SYNTH_L;
  BudStorage *storage;
  const guint rounds = 10;
  guint per_round;
  gint64 max_id;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      (opt_size && !bud_synth_size_from_string (opt_size, &size)))
    {
      g_printerr ("%s\n", error ? error->message : "unknown size");
      return 2;
    }
  per_round = MAX ((guint) opt_edits / rounds, 1);

  dir = opt_dir ? g_strdup (opt_dir) : g_dir_make_tmp ("deptbudget-journal-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "bench-journal.budget", NULL);
  journal = g_strconcat (path, "-journal", NULL);
  g_unlink (path);
  doc = bud_synth_generate (size, 1);
  storage = bud_storage_create (path, doc, TRUE, &error);
  if (storage == NULL)
    g_error ("%s", error->message);
  bud_storage_close (storage);
  max_id = bud_document_count (doc, BUD_KIND_LINE);

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    times[m] = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint r = 0; r < rounds; r++)
    for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
      if (opt_mode == NULL || g_ascii_strcasecmp (opt_mode, modes[m]) == 0)
        run_mode (path, modes[m], per_round, max_id, times[m]);

  g_print ("%s: %u committed edits per mode on size %s (synchronous = FULL)\n", path,
           per_round * rounds, bud_synth_size_to_string (size));
  g_print ("%-10s %10s %10s\n", "journal", "median ms", "p99 ms");
  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      GArray *t = times[m];

      if (t->len == 0)
        {
          g_array_unref (t);
          continue;
        }
      g_array_sort (t, compare_double);
      g_print ("%-10s %10.3f %10.3f\n", modes[m], g_array_index (t, double, t->len / 2),
               g_array_index (t, double, MIN (t->len - 1, (t->len * 99 + 99) / 100 - 1)));
      g_array_unref (t);
    }

  g_unlink (journal);
  if (!opt_dir)
    {
      g_unlink (path);
      g_rmdir (dir);
    }
  return 0;
}
