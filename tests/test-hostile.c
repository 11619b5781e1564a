/* test-hostile.c — hostile and broken inputs not covered by test-storage/test-jsonio
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The issue's list, checked against what test-storage.c and test-jsonio.c
 * already cover; here are the rest: a refused file is left byte for byte as
 * it was (and no journal is left beside it), random bytes, NUL bytes and a
 * huge text inside a .budget file, amounts that are negative, have
 * fractions of 分 or lie beyond int64, an import that fails leaves no output,
 * and two processes on one file.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bud-jsonio.h"
#include "bud-money.h"
#include "bud-schema.h"
#include "bud-storage.h"
#include "bud-test-doc.h"

static char *tmp_dir;
static char *self_path;

static char *
example_text (void)
{
  g_autofree char *path = bud_test_example_path ();
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static BudDocument *
example_document (void)
{
  g_autofree char *path = bud_test_example_path ();
  g_autoptr(GError) error = NULL;
  BudDocument *doc = bud_json_read_file (path, &error);

  g_assert_no_error (error);
  return doc;
}

static char *
tmp_file (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* A fresh .budget copy of the example at @path. */
static void
write_example (const char *path)
{
  g_autoptr(BudDocument) doc = example_document ();
  g_autoptr(GError) error = NULL;

  g_unlink (path);
  g_assert_true (bud_storage_save_copy (doc, path, &error));
  g_assert_no_error (error);
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static char *
replace_once (const char *text,
              const char *from,
              const char *to)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

/* Opening @path (read-only and for editing) is refused with @code, the
 * message names the file, and the file is left exactly as it was. */
static void
assert_refused_untouched (const char *path,
                          int         code)
{
  g_autofree char *before = NULL;
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *base = g_path_get_basename (path);
  gsize before_len;
  struct stat st_before, st_after;

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  g_assert_cmpint (g_stat (path, &st_before), ==, 0);

  for (int mode = 0; mode < 2; mode++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BudDocument) doc = NULL;
      g_autofree char *after = NULL;
      BudStorage *storage = NULL;
      gsize after_len;

      doc = bud_storage_open (path, mode == 0 ? BUD_STORAGE_OPEN_READ_ONLY : BUD_STORAGE_OPEN_DEFAULT,
                              &storage, &error);
      g_assert_null (doc);
      g_assert_null (storage);
      g_assert_error (error, BUD_STORAGE_ERROR, code);
      g_assert_nonnull (strstr (error->message, base));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_test_message ("refused: %s", error->message);

      g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
      g_assert_cmpuint (after_len, ==, before_len);
      g_assert_true (memcmp (before, after, before_len) == 0);
      g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
      g_assert_cmpint (g_stat (path, &st_after), ==, 0);
      g_assert_cmpint (st_after.st_mode, ==, st_before.st_mode);
    }
}

static void
test_refused_untouched (void)
{
  g_autofree char *path = tmp_file ("refused.budget");
  g_autofree char *contents = NULL;
  g_autofree char *sql = NULL;
  gsize len;

  /* truncated to a few pages */
  write_example (path);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (path, contents, 2 * 4096, NULL));
  assert_refused_untouched (path, BUD_STORAGE_ERROR_CORRUPT);

  /* made by a newer version */
  write_example (path);
  sql = g_strdup_printf ("PRAGMA user_version = %d", BUD_STORAGE_FORMAT_VERSION + 1);
  raw_exec (path, sql);
  assert_refused_untouched (path, BUD_STORAGE_ERROR_NEWER_VERSION);

  /* a trigger that would fire on the next edit */
  write_example (path);
  raw_exec (path, "CREATE TRIGGER t AFTER INSERT ON comments BEGIN DELETE FROM lines; END");
  assert_refused_untouched (path, BUD_STORAGE_ERROR_CORRUPT);

  /* a view */
  write_example (path);
  raw_exec (path, "CREATE VIEW v AS SELECT * FROM lines");
  assert_refused_untouched (path, BUD_STORAGE_ERROR_CORRUPT);

  /* a value the document refuses, found late in the load */
  write_example (path);
  raw_exec (path, "UPDATE lines SET func = '12a' WHERE id = (SELECT max(id) FROM lines)");
  assert_refused_untouched (path, BUD_STORAGE_ERROR_INVALID_CONTENT);
}

static void
test_random_bytes (void)
{
  g_autofree char *path = tmp_file ("random.budget");
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  static const char header[] = "SQLite format 3";

  for (int round = 0; round < 8; round++)
    {
      gsize len = (gsize) g_rand_int_range (rand, 1, 64 * 1024);
      g_autofree guint8 *bytes = g_malloc (len);

      for (gsize i = 0; i < len; i++)
        bytes[i] = (guint8) g_rand_int_range (rand, 0, 256);
      /* half of them start like an SQLite file of ours (magic, user_version,
       * application_id), to get past the first glance */
      if (round % 2 == 1)
        {
          len = MAX (len, 512);
          bytes = g_realloc (bytes, len);
          memcpy (bytes, header, sizeof header);
          bytes[60] = bytes[61] = bytes[62] = 0;
          bytes[63] = BUD_STORAGE_FORMAT_VERSION;
          bytes[68] = 'B', bytes[69] = 'U', bytes[70] = 'D', bytes[71] = 'G';
        }
      g_assert_true (g_file_set_contents (path, (const char *) bytes, (gssize) len, NULL));
      assert_refused_untouched (path, round % 2 == 1 ? BUD_STORAGE_ERROR_CORRUPT
                                                     : BUD_STORAGE_ERROR_NOT_BUDGET);
    }
}

static void
test_text_with_nul (void)
{
  g_autofree char *path = tmp_file ("nul.budget");

  /* a NUL inside a text value would cut it short in C: refused, not truncated */
  write_example (path);
  raw_exec (path, "UPDATE units SET name = CAST(x'e69cac00e7baa7' AS TEXT) WHERE id = 1");
  assert_refused_untouched (path, BUD_STORAGE_ERROR_INVALID_CONTENT);

  /* a blob where a text belongs cannot even be stored in a STRICT table;
   * invalid UTF-8 in a text is refused */
  write_example (path);
  raw_exec (path, "UPDATE texts SET value = CAST(x'c0af' AS TEXT) WHERE id = 1");
  assert_refused_untouched (path, BUD_STORAGE_ERROR_INVALID_CONTENT);
}

static void
test_huge_text (void)
{
  g_autofree char *path = tmp_file ("huge.budget");
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDocument) doc = NULL;
  BudStorage *storage = NULL;
  BudComment *c;

  /* 16 MB in one text is a lot, but a legitimate document: it opens whole */
  write_example (path);
  raw_exec (path, "INSERT INTO comments (id, position, object, field, author, created, body, resolved) "
                  "VALUES (900, 900, '', '', '', '', printf('%.*c', 16777216, 'x'), 0)");
  doc = bud_storage_open (path, BUD_STORAGE_OPEN_DEFAULT, &storage, &error);
  g_assert_no_error (error);
  c = bud_document_lookup (doc, BUD_KIND_COMMENT, 900);
  g_assert_nonnull (c);
  g_assert_cmpuint (strlen (c->body), ==, 16777216);
  bud_storage_close (storage);

  /* so does a single-line name of 1 MB in JSON; the whole document round-trips */
  {
    g_autofree char *json = bud_json_write_data (doc, NULL);
    g_autoptr(BudDocument) back = bud_json_read_data (json, -1, &error);

    g_assert_no_error (error);
    g_assert_true (bud_document_equal (doc, back, NULL));
  }
}

/* An editor that died mid-transaction leaves a hot journal. A reader must
 * still open the file (as it was before that transaction), without touching
 * it; the next editor rolls the journal back. */
static void
test_hot_journal (void)
{
  g_autofree char *path = tmp_file ("hot.budget");
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *journal_before = NULL;
  g_autofree char *journal_after = NULL;
  g_autoptr(BudDocument) example = example_document ();
  g_autoptr(BudDocument) ro = NULL;
  g_autoptr(BudDocument) rw = NULL;
  g_autoptr(GError) error = NULL;
  BudStorage *storage = NULL;
  gsize len, journal_len;
  pid_t pid;
  int status;

  write_example (path);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      sqlite3 *db = NULL;

      /* a one-page cache spills the changed pages into the file before commit */
      if (sqlite3_open (path, &db) != SQLITE_OK ||
          sqlite3_exec (db, "PRAGMA cache_size = 1; BEGIN;"
                            "UPDATE lines SET note = printf('%.*c', 3000, 'y');"
                            "UPDATE texts SET value = 'half-written'",
                        NULL, NULL, NULL) != SQLITE_OK)
        _exit (1);
      /* no commit, no rollback, no clean-up (nor a leak check under valgrind) */
      raise (SIGKILL);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  g_assert_true (g_file_get_contents (journal, &journal_before, &journal_len, NULL));
  g_assert_cmpuint (journal_len, >, 0);
  g_assert_true (g_file_get_contents (path, &before, &len, NULL));

  ro = bud_storage_open (path, BUD_STORAGE_OPEN_READ_ONLY, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (bud_document_equal (ro, example, NULL));
  /* the reader left both files as they were */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_true (memcmp (before, after, len) == 0);
  g_assert_true (g_file_get_contents (journal, &journal_after, NULL, NULL));
  g_assert_true (memcmp (journal_before, journal_after, journal_len) == 0);

  rw = bud_storage_open (path, BUD_STORAGE_OPEN_DEFAULT, &storage, &error);
  g_assert_no_error (error);
  g_assert_true (bud_document_equal (rw, example, NULL));
  bud_storage_close (storage);
}

static void
assert_json_refused (const char *text,
                     int         code,
                     const char *where)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDocument) doc = bud_json_read_data (text, -1, &error);

  g_assert_null (doc);
  g_assert_error (error, BUD_JSON_ERROR, code);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, where));
}

static void
test_json_amounts (void)
{
  g_autofree char *base = example_text ();
  static const struct {
    const char *amount;
    int         code;
  } refused[] = {
    { "\"120000.001\"", BUD_JSON_ERROR_INVALID },           /* a tenth of a 分 */
    { "\"120000.005\"", BUD_JSON_ERROR_INVALID },           /* half a 分: not rounded */
    { "\"-0.001\"", BUD_JSON_ERROR_INVALID },
    { "\"9223372036854775808.00\"", BUD_JSON_ERROR_INVALID },  /* beyond int64 */
    { "\"-9223372036854775809.00\"", BUD_JSON_ERROR_INVALID },
    { "\"92233720368547758.07\"", BUD_JSON_ERROR_INVALID },  /* int64 in 分, beyond the model */
    { "\"10000000000000.01\"", BUD_JSON_ERROR_INVALID },     /* just past 10¹³ 元 */
    { "\"1e5\"", BUD_JSON_ERROR_INVALID },
    { "\"NaN\"", BUD_JSON_ERROR_INVALID },
    { "\"--5.00\"", BUD_JSON_ERROR_INVALID },
    { "120000", BUD_JSON_ERROR_FORMAT },                     /* a number where a string belongs */
    { "120000.5", BUD_JSON_ERROR_FORMAT },
    { "9223372036854775808", BUD_JSON_ERROR_INVALID },    /* documented: out of range, not a type error */
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *text = replace_once (base, "\"amount\": \"120000.00\"",
                                            "\"amount\": @");
      g_autofree char *hostile = replace_once (text, "@", refused[i].amount);

      g_test_message ("amount %s", refused[i].amount);
      assert_json_refused (hostile, refused[i].code, "$.allocations[0].amount");
    }

  /* negative amounts are legitimate (reductions, corrections) and exact */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *text = replace_once (base, "\"amount\": \"120000.00\"", "\"amount\": \"-120000.07\"");
    g_autoptr(BudDocument) doc = bud_json_read_data (text, -1, &error);
    g_autoptr(BudDocument) edge = NULL;
    g_autofree char *max = NULL;
    BudAllocation *a;

    g_assert_no_error (error);
    a = bud_document_lookup (doc, BUD_KIND_ALLOCATION, 1);
    g_assert_cmpint (a->amount, ==, -12000007);

    /* the model's limit itself is accepted */
    max = g_strdup_printf ("\"amount\": \"-%" G_GINT64_FORMAT ".00\"", BUD_MONEY_MAX / 100 / 100);
    g_free (text);
    text = replace_once (base, "\"amount\": \"120000.00\"", max);
    edge = bud_json_read_data (text, -1, &error);
    g_assert_no_error (error);
  }
}

static void
test_json_duplicates_and_references (void)
{
  g_autofree char *base = example_text ();
  g_autofree char *dup_line = replace_once (base, "\"id\": 2,\n      \"unit\": 1,", "\"id\": 1,\n      \"unit\": 1,");
  g_autofree char *dangling = replace_once (base, "\"unit\": 1,\n      \"func\": \"2010350\"",
                                            "\"unit\": 42,\n      \"func\": \"2010350\"");

  assert_json_refused (dup_line, BUD_JSON_ERROR_INVALID, "$.lines[1].id");
  assert_json_refused (dangling, BUD_JSON_ERROR_INVALID, "$.lines[0].unit");
}

/* A refused import leaves nothing behind: not a partial .budget, not a temporary. */
static void
test_import_nothing_partial (void)
{
  g_autofree char *base = example_text ();
  g_autofree char *bad = replace_once (base, "\"amount\": \"120000.00\"", "\"amount\": \"12a\"");
  g_autofree char *in = tmp_file ("bad.json");
  g_autofree char *out = tmp_file ("bad-import.budget");
  g_autofree char *stderr_text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *argv[] = { g_getenv ("BUD_CLI"), "import", in, out, NULL };
  const char *name;
  int status;

  g_assert_nonnull (argv[0]);
  g_assert_true (g_file_set_contents (in, bad, -1, NULL));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, &stderr_text, &status, &error));
  g_assert_no_error (error);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (stderr_text, "$.allocations[0].amount"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  dir = g_dir_open (tmp_dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, "bad-import"));
  g_unlink (in);
}

/* ---- two processes on one file ---- */

/* Run as “test-hostile --hold PATH”: opens PATH for editing, makes an edit,
 * says “ready”, and on end of input makes one more edit and closes. */
static int
hold_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDocument) doc = NULL;
  BudStorage *storage = NULL;
  char buf[64];

  doc = bud_storage_open (path, BUD_STORAGE_OPEN_DEFAULT, &storage, &error);
  if (doc == NULL)
    {
      fprintf (stderr, "hold: %s\n", error->message);
      return 1;
    }
  if (!bud_document_put_text (doc, "other_matters", "first process, first edit", &error))
    return 1;
  printf ("ready\n");
  fflush (stdout);
  while (fgets (buf, sizeof buf, stdin) != NULL)
    ;
  if (!bud_document_put_text (doc, "other_matters", "first process, last edit", &error))
    return 1;
  bud_storage_close (storage);
  return 0;
}

static void
test_two_processes (void)
{
  g_autofree char *path = tmp_file ("shared.budget");
  const char *argv[] = { self_path, "--hold", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDocument) ro = NULL;
  g_autoptr(BudDocument) after = NULL;
  g_autoptr(BudDocument) example = example_document ();
  BudStorage *storage = NULL;
  GPid pid;
  int in_fd, out_fd, status;
  char ready[16] = { 0 };
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  write_example (path);
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, &in_fd, &out_fd, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (read (out_fd, ready, 6), ==, 6);
  g_assert_cmpstr (ready, ==, "ready\n");

  /* the second process is told the file is in use … */
  g_assert_null (bud_storage_open (path, BUD_STORAGE_OPEN_DEFAULT, &storage, &error));
  g_assert_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "shared.budget"));
  g_test_message ("second process: %s", error->message);
  g_clear_error (&error);
  /* … may not replace it … */
  g_assert_false (bud_storage_save_copy (example, path, &error));
  g_assert_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_IN_USE);
  g_clear_error (&error);
  /* … and can read it, with the first process's committed edit */
  ro = bud_storage_open (path, BUD_STORAGE_OPEN_READ_ONLY, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (bud_document_get_read_only (ro));
  g_assert_cmpstr (bud_document_get_text (ro, "other_matters"), ==, "first process, first edit");

  /* the first process edits again and exits */
  close (in_fd);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  close (out_fd);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);

  /* no corruption; the last edit is there; now the file is free to edit */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  after = bud_storage_open (path, BUD_STORAGE_OPEN_DEFAULT, &storage, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bud_document_get_text (after, "other_matters"), ==, "first process, last edit");
  /* the read-only copy was a snapshot: it did not change under the reader */
  g_assert_cmpstr (bud_document_get_text (ro, "other_matters"), ==, "first process, first edit");
  bud_storage_close (storage);
}

static void
remove_tmp_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (tmp_dir);
}

int
main (int    argc,
      char **argv)
{
  int status;

  if (argc == 3 && strcmp (argv[1], "--hold") == 0)
    return hold_file (argv[2]);

  self_path = g_canonicalize_filename (argv[0], NULL);
  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("bud-hostile-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/hostile/storage/refused-file-untouched", test_refused_untouched);
  g_test_add_func ("/hostile/storage/random-bytes", test_random_bytes);
  g_test_add_func ("/hostile/storage/text-with-nul", test_text_with_nul);
  g_test_add_func ("/hostile/storage/huge-text", test_huge_text);
  g_test_add_func ("/hostile/storage/hot-journal", test_hot_journal);
  g_test_add_func ("/hostile/json/amounts", test_json_amounts);
  g_test_add_func ("/hostile/json/duplicates-and-references", test_json_duplicates_and_references);
  g_test_add_func ("/hostile/import/nothing-partial", test_import_nothing_partial);
  g_test_add_func ("/hostile/two-processes", test_two_processes);

  status = g_test_run ();
  remove_tmp_dir ();
  g_free (tmp_dir);
  g_free (self_path);
  return status;
}
