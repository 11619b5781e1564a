/* bud-storage.c — one SQLite file per document, written through on every edit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* F_OFD_SETLK needs the GNU feature set; it must come before any system header */
#define _GNU_SOURCE 1

#include "config.h"

#include <inttypes.h>

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "bud-storage.h"
#include "bud-storage-schema.h"

G_DEFINE_QUARK (bud-storage-error-quark, bud_storage_error)

struct _BudStorage
{
  char          *path;       /* absolute */
  char          *display;    /* for messages */
  BudDocument   *doc;        /* owned reference */
  sqlite3       *db;         /* NULL when read-only: the document is all in memory */
  int            lock_fd;    /* holds the “open for editing” lock, or -1 */
  gboolean       read_only;

  sqlite3_stmt  *begin;
  sqlite3_stmt  *commit;
  sqlite3_stmt  *rollback;
  sqlite3_stmt  *insert[BUD_N_KINDS];
  sqlite3_stmt  *remove[BUD_N_KINDS];
  sqlite3_stmt  *get_position[BUD_N_KINDS];
  sqlite3_stmt  *set_position[BUD_N_KINDS];
  sqlite3_stmt  *shift[BUD_N_KINDS];
  sqlite3_stmt **update[BUD_N_KINDS];   /* one per field, in field order */
};

/* Positions stay well inside gint64 so that p + STEP and n - p never overflow,
 * whatever a crafted file holds. */
#define POSITION_MAX (G_MAXINT64 / 4)

#define ID_OF(e) (*(const gint64 *) (e))

/* ---- the “open for editing” lock ----
 *
 * An open file description lock (F_OFD_SETLK) on one byte of the database file
 * itself, through our own descriptor:
 *  - no sidecar file to create, clean up or leave behind, so it also works in
 *    folders we cannot write to;
 *  - the kernel drops it when the process dies, so there are no stale locks;
 *  - unlike classic POSIX locks it conflicts between two windows of the same
 *    process, and closing some other descriptor of the file does not drop it;
 *  - the byte lies past SQLite's own lock bytes (0x40000000–0x400001ff), so it
 *    never blocks SQLite, and read-only openers can still read the file.
 * Closing our descriptor does drop this process's classic POSIX locks on the
 * file, i.e. SQLite's; we only close it when no SQLite transaction is active
 * (all storage calls run on one thread, between transactions). */
#define LOCK_OFFSET 0x40000400

static int
lock_request (int  fd,
              int  query)
{
  struct flock fl = { 0 };

  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_SET;
  fl.l_start = LOCK_OFFSET;
  fl.l_len = 1;
#ifdef F_OFD_SETLK
  if (query)
    {
      if (fcntl (fd, F_OFD_GETLK, &fl) < 0)
        return -1;
      return fl.l_type == F_UNLCK ? 0 : (errno = EAGAIN, -1);
    }
  return fcntl (fd, F_OFD_SETLK, &fl);
#else
  if (flock (fd, LOCK_EX | LOCK_NB) < 0)
    return -1;
  if (query)
    flock (fd, LOCK_UN);
  return 0;
#endif
}

static gboolean
set_in_use_error (GError     **error,
                  const char  *display)
{
  g_set_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_IN_USE,
               _("“%s” is already open for editing in another window or program; "
                 "it can be opened read-only"), display);
  return FALSE;
}

static gboolean
take_lock (int          fd,
           const char  *display,
           GError     **error)
{
  if (lock_request (fd, FALSE) == 0)
    return TRUE;
  if (errno == EAGAIN || errno == EACCES || errno == EWOULDBLOCK)
    return set_in_use_error (error, display);
  g_set_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_IO,
               _("Could not lock “%s”: %s"), display, g_strerror (errno));
  return FALSE;
}

static gboolean
check_not_in_use (const char  *path,
                  const char  *display,
                  GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  gboolean in_use;

  if (fd < 0)
    return TRUE;   /* nothing there, or nothing we could lock either */
  in_use = lock_request (fd, TRUE) < 0 && errno == EAGAIN;
  close (fd);
  return in_use ? set_in_use_error (error, display) : TRUE;
}

/* ---- helpers ---- */

static gboolean
check_sqlite_version (GError **error)
{
  /* STRICT tables and pragma_table_list */
  if (sqlite3_libversion_number () >= 3037000)
    return TRUE;
  g_set_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_IO,
               _("SQLite %s is too old; Department Budget needs SQLite 3.37 or newer"),
               sqlite3_libversion ());
  return FALSE;
}

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *format,
                 const char  *display)
{
  int code = BUD_STORAGE_ERROR_IO;

  if (saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS)
    code = BUD_STORAGE_ERROR_READ_ONLY;
  g_set_error (error, BUD_STORAGE_ERROR, code, format, display, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
exec_fixed (sqlite3     *db,
            const char  *sql,
            const char  *what,
            GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      bud_storage_set_sqlite_error (error, db, rc, what);
      return FALSE;
    }
  return TRUE;
}

/* Every connection, to our own files too: the same rules everywhere means the
 * code that writes files is tested under the rules that read them. */
static gboolean
configure_connection (sqlite3     *db,
                      const char  *display,
                      GError     **error)
{
  static const struct { int op; int value; } configs[] = {
    { SQLITE_DBCONFIG_DEFENSIVE, 1 },
    { SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0 },
    { SQLITE_DBCONFIG_ENABLE_FKEY, 1 },
    { SQLITE_DBCONFIG_ENABLE_TRIGGER, 0 },
    { SQLITE_DBCONFIG_ENABLE_VIEW, 0 },
    { SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0 },
    { SQLITE_DBCONFIG_DQS_DDL, 0 },
    { SQLITE_DBCONFIG_DQS_DML, 0 },
  };
  static const struct { int id; int value; } limits[] = {
    { SQLITE_LIMIT_LENGTH, 128 * 1024 * 1024 },  /* snapshots hold a whole document */
    { SQLITE_LIMIT_SQL_LENGTH, 1024 * 1024 },
    { SQLITE_LIMIT_COLUMN, 200 },
    { SQLITE_LIMIT_EXPR_DEPTH, 100 },
    { SQLITE_LIMIT_COMPOUND_SELECT, 8 },
    { SQLITE_LIMIT_VDBE_OP, 100000 },
    { SQLITE_LIMIT_FUNCTION_ARG, 8 },
    { SQLITE_LIMIT_ATTACHED, 0 },
    { SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 100 },
    { SQLITE_LIMIT_VARIABLE_NUMBER, 200 },
    { SQLITE_LIMIT_TRIGGER_DEPTH, 10 },
  };
  g_autofree char *what = g_strdup_printf (_("Could not set up “%s”"), display);

  sqlite3_extended_result_codes (db, 1);
  for (guint i = 0; i < G_N_ELEMENTS (configs); i++)
    {
      int now = -1;
      int rc = sqlite3_db_config (db, configs[i].op, configs[i].value, &now);
      if (rc != SQLITE_OK || now != configs[i].value)
        {
          bud_storage_set_sqlite_error (error, db, rc != SQLITE_OK ? rc : SQLITE_ERROR, what);
          return FALSE;
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    sqlite3_limit (db, limits[i].id, limits[i].value);
  sqlite3_busy_timeout (db, 2000);

  /* secure_delete: files travel to reviewers; removed rows should not linger */
  return exec_fixed (db,
                     "PRAGMA trusted_schema = OFF;"
                     "PRAGMA cell_size_check = ON;"
                     "PRAGMA mmap_size = 0;"
                     "PRAGMA foreign_keys = ON;"
                     "PRAGMA secure_delete = ON;",
                     what, error);
}

static gboolean
open_connection (const char  *path,
                 const char  *display,
                 gboolean     read_only,
                 sqlite3    **out_db,
                 GError     **error)
{
  sqlite3 *db = NULL;
  int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  int rc = sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_EXRESCODE, NULL);

  if (rc != SQLITE_OK)
    {
      g_autofree char *what = g_strdup_printf (_("Could not open “%s”"), display);
      bud_storage_set_sqlite_error (error, db, rc, what);
      sqlite3_close (db);
      return FALSE;
    }
  if (!configure_connection (db, display, error))
    {
      sqlite3_close (db);
      return FALSE;
    }
  *out_db = db;
  return TRUE;
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           const char  *display,
           gint64      *out,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *out = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      return TRUE;
    }
  {
    g_autofree char *what = g_strdup_printf (_("Could not read “%s”"), display);
    bud_storage_set_sqlite_error (error, db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, what);
  }
  sqlite3_finalize (stmt);
  return FALSE;
}

/* ---- checks before and after SQLite opens the file ---- */

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static gboolean
check_identity (gint64       application_id,
                gint64       version,
                const char  *display,
                GError     **error)
{
  if (application_id != BUD_STORAGE_APPLICATION_ID)
    {
      g_set_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_NOT_BUDGET,
                   _("“%s” is a database of another application, not a Department Budget file"),
                   display);
      return FALSE;
    }
  if (version > BUD_STORAGE_FORMAT_VERSION)
    {
      g_set_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_NEWER_VERSION,
                   _("“%s” was made by a newer version of Department Budget (file format %"
                     PRId64 "; this version reads up to %d); update the application to open it"),
                   display, version, BUD_STORAGE_FORMAT_VERSION);
      return FALSE;
    }
  /* files are created whole (temporary file + rename), so format 0 — an empty
   * database with our id — is never something we wrote */
  if (version < 1)
    {
      g_set_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_CORRUPT,
                   _("“%s” is an incomplete Department Budget file (it has no file format version)"),
                   display);
      return FALSE;
    }
  return TRUE;
}

/* The header speaks before SQLite does, so that a text file or a file of
 * another program gets a plain message rather than SQLite's. */
static gboolean
check_header (const char  *path,
              const char  *display,
              GError     **error)
{
  guint8 header[100];
  gssize n;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    {
      int saved = errno;
      if (saved == ENOENT)
        {
          g_set_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_IO,
                       _("“%s” does not exist"), display);
          return FALSE;
        }
      return set_errno_error (error, saved, _("Could not open “%s”: %s"), display);
    }
  do
    n = read (fd, header, sizeof header);
  while (n < 0 && errno == EINTR);
  if (n < 0)
    {
      int saved = errno;
      close (fd);
      return set_errno_error (error, saved, _("Could not read “%s”: %s"), display);
    }
  close (fd);

  if (n == 0)
    {
      g_set_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_NOT_BUDGET,
                   _("“%s” is empty; it is not a Department Budget file"), display);
      return FALSE;
    }
  if (n < (gssize) sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_NOT_BUDGET,
                   _("“%s” is not a Department Budget file (it is not an SQLite database)"),
                   display);
      return FALSE;
    }
  return check_identity ((gint32) read_be32 (header + 68), (gint32) read_be32 (header + 60),
                         display, error);
}

static gboolean
check_integrity (sqlite3     *db,
                 const char  *display,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *first = NULL;
  guint rows = 0;
  int rc;

  /* loading checks every value anyway, more precisely; evaluating every
   * CHECK here as well would double the time quick_check takes */
  sqlite3_exec (db, "PRAGMA ignore_check_constraints = ON", NULL, NULL, NULL);
  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      /* quick_check also reports rows that break a CHECK or NOT NULL rule;
       * those are content, not damage, and loading names their row and
       * column precisely, so leave them to it */
      if (line == NULL || g_str_has_prefix (line, "CHECK constraint failed in ") ||
          g_str_has_prefix (line, "NULL value in "))
        continue;
      if (rows++ == 0)
        first = g_utf8_make_valid (line, -1);
    }
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    rc = SQLITE_OK;
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "PRAGMA ignore_check_constraints = OFF", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *what = g_strdup_printf (_("“%s” is damaged"), display);
      bud_storage_set_sqlite_error (error, db, rc, what);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  if (rows > 0 && (rows != 1 || g_strcmp0 (first, "ok") != 0))
    {
      g_set_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_CORRUPT,
                   _("“%s” is damaged: %s"), display, first ? first : "");
      return FALSE;
    }
  return TRUE;
}

/* A read-only file of an older format is migrated in memory only. */
static gboolean
copy_to_memory (sqlite3    **db,
                const char  *display,
                GError     **error)
{
  sqlite3 *mem = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (":memory:", &mem, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK && !configure_connection (mem, display, error))
    {
      sqlite3_close (mem);
      return FALSE;
    }
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (mem, "main", *db, "main");
      rc = backup ? sqlite3_backup_step (backup, -1) : sqlite3_errcode (mem);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
      if (backup)
        sqlite3_backup_finish (backup);
    }
  if (rc != SQLITE_OK)
    {
      g_autofree char *what = g_strdup_printf (_("Could not read “%s”"), display);
      bud_storage_set_sqlite_error (error, mem, rc, what);
      sqlite3_close (mem);
      return FALSE;
    }
  sqlite3_close (*db);
  *db = mem;
  return TRUE;
}

static gboolean
migrate (sqlite3     *db,
         gint64       version,
         const char  *display,
         GError     **error)
{
  g_autofree char *what = g_strdup_printf (_("Could not update “%s” to the current file format"),
                                           display);

  if (!exec_fixed (db, "BEGIN IMMEDIATE", what, error))
    return FALSE;
  if (!bud_storage_schema_migrate (db, version, error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      g_prefix_error (error, "%s: ", what);
      return FALSE;
    }
  if (!exec_fixed (db, "COMMIT", what, error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

/* ---- loading: every row through the document API, so every value is checked ---- */

static gboolean
set_content_error (GError      **error,
                   GError       *cause,
                   const char   *display,
                   const char   *table,
                   gint64        id)
{
  if (id > 0)
    g_set_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_INVALID_CONTENT,
                 _("“%s” holds a value Department Budget does not accept: table “%s”, row %"
                   PRId64 ": %s"), display, table, id, cause->message);
  else
    g_set_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_INVALID_CONTENT,
                 _("“%s” holds a value Department Budget does not accept: %s"),
                 display, cause->message);
  return FALSE;
}

static gboolean
load_singleton (BudDocument           *doc,
                const BudEntityClass  *klass,
                gconstpointer          row,
                const char            *display,
                GError               **error)
{
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const BudField *f = &klass->fields[i];
      g_autoptr(GError) local = NULL;
      gboolean ok = f->type == BUD_FIELD_TEXT
        ? bud_document_set_text (doc, klass->kind, 1, f->name, bud_field_get_text (row, f), &local)
        : bud_document_set_int (doc, klass->kind, 1, f->name, bud_field_get_int (row, f), &local);

      if (!ok)
        {
          g_autofree char *msg = g_strdup_printf (_("column “%s”: %s"), f->name, local->message);
          g_autoptr(GError) wrapped = g_error_new_literal (BUD_STORAGE_ERROR, 0, msg);
          return set_content_error (error, wrapped, display, klass->name, 1);
        }
    }
  return TRUE;
}

/* The document checks references too; checking first names the column. */
static gboolean
check_references (BudDocument           *doc,
                  const BudEntityClass  *klass,
                  gconstpointer          row,
                  const char            *display,
                  GError               **error)
{
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const BudField *f = &klass->fields[i];
      gint64 v;

      if (f->type != BUD_FIELD_REF)
        continue;
      v = bud_field_get_int (row, f);
      if (v != 0 && bud_document_lookup (doc, f->ref_kind, v) == NULL)
        {
          g_set_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_INVALID_CONTENT,
                       _("“%s” holds a value Department Budget does not accept: table “%s”, row %"
                         PRId64 ", column “%s”: there is no row %" PRId64
                         " in table “%s”"),
                       display, klass->name, ID_OF (row), f->name, v,
                       bud_entity_class (f->ref_kind)->name);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
load_kind (sqlite3              *db,
           BudDocument          *doc,
           const BudEntityClass *klass,
           const char           *display,
           GError              **error)
{
  g_autofree char *sql = bud_storage_sql_select (klass);
  sqlite3_stmt *stmt = NULL;
  guint rows = 0;
  gboolean ok = TRUE;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  while (ok && stmt != NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GError) local = NULL;
      gpointer row = bud_storage_read_row (stmt, klass, &local);
      gint64 id;

      rows++;
      if (row == NULL)
        {
          ok = set_content_error (error, local, display, klass->name, 0);
          break;
        }
      id = *(gint64 *) row;
      if (klass->singleton)
        {
          if (id != 1 || rows > 1)
            {
              g_set_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_INVALID_CONTENT,
                           _("“%s” is not a valid Department Budget file: table “%s” must have "
                             "exactly one row, with id 1"), display, klass->name);
              ok = FALSE;
            }
          else
            ok = load_singleton (doc, klass, row, display, error);
          bud_entity_free (klass->kind, row);
        }
      else if (!check_references (doc, klass, row, display, error))
        {
          bud_entity_free (klass->kind, row);
          ok = FALSE;
        }
      else if (bud_document_insert (doc, klass->kind, row, -1, &local) == NULL)
        ok = set_content_error (error, local, display, klass->name, id);
    }
  if (ok && rc != SQLITE_DONE)
    {
      g_autofree char *what = g_strdup_printf (_("Could not read table “%s” of “%s”"),
                                               klass->name, display);
      bud_storage_set_sqlite_error (error, db, rc, what);
      ok = FALSE;
    }
  if (ok && klass->singleton && rows == 0)
    {
      g_set_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_INVALID_CONTENT,
                   _("“%s” is not a valid Department Budget file: table “%s” has no row"),
                   display, klass->name);
      ok = FALSE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

static BudDocument *
load_document (sqlite3     *db,
               const char  *display,
               GError     **error)
{
  g_autoptr(BudDocument) doc = bud_document_new ();

  /* one transaction: the load is not a pile of undo steps */
  if (!bud_document_begin (doc, error))
    return NULL;
  /* kinds are in dependency order, so every reference finds its row */
  for (guint k = 0; k < BUD_N_KINDS; k++)
    if (!load_kind (db, doc, bud_entity_class (k), display, error))
      return NULL;
  if (!bud_document_commit (doc, error))
    return NULL;
  bud_document_clear_history (doc);
  return g_steal_pointer (&doc);
}

/* ---- writing a whole document ---- */

static gboolean
write_rows (sqlite3      *db,
            BudDocument  *doc,
            const char   *display,
            GError      **error)
{
  g_autofree char *what = g_strdup_printf (_("Could not write “%s”"), display);

  for (guint k = 0; k < BUD_N_KINDS; k++)
    {
      const BudEntityClass *klass = bud_entity_class (k);
      GPtrArray *items = bud_document_items (doc, k);
      g_autofree char *sql = bud_storage_sql_insert (klass);
      sqlite3_stmt *stmt = NULL;
      int first = klass->singleton ? 2 : 3;
      int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

      for (guint i = 0; rc == SQLITE_OK && i < items->len; i++)
        {
          gconstpointer e = g_ptr_array_index (items, i);

          sqlite3_bind_int64 (stmt, 1, *(const gint64 *) e);
          if (!klass->singleton)
            sqlite3_bind_int64 (stmt, 2, ((gint64) i + 1) * BUD_STORAGE_POSITION_STEP);
          rc = bud_storage_bind_fields (stmt, klass, e, first);
          if (rc == SQLITE_OK)
            rc = sqlite3_step (stmt);
          if (rc == SQLITE_DONE)
            rc = sqlite3_reset (stmt);
        }
      if (rc != SQLITE_OK)
        {
          bud_storage_set_sqlite_error (error, db, rc, what);
          sqlite3_finalize (stmt);
          return FALSE;
        }
      sqlite3_finalize (stmt);
    }
  return TRUE;
}

static void
remove_temporary (const char *tmp)
{
  g_autofree char *journal = g_strconcat (tmp, "-journal", NULL);

  g_unlink (tmp);
  g_unlink (journal);
}

static void
sync_folder (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Write @doc as a complete file next to @path, then rename it over @path.
 * Returns the locked descriptor of the new file in *@out_fd if asked. */
static gboolean
write_file (const char   *path,
            const char   *display,
            BudDocument  *doc,
            gboolean      overwrite,
            int          *out_fd,
            GError      **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmpl = NULL;
  g_autofree char *what = g_strdup_printf (_("Could not write “%s”"), display);
  sqlite3 *db = NULL;
  int fd;

  if (!check_sqlite_version (error))
    return FALSE;
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!overwrite)
        {
          g_set_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_EXISTS,
                       _("“%s” already exists"), display);
          return FALSE;
        }
      if (!check_not_in_use (path, display, error))
        return FALSE;
    }

  tmpl = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      g_autofree char *dir_display = g_filename_display_name (dir);
      return set_errno_error (error, errno, _("Could not create a file in “%s”: %s"), dir_display);
    }
  /* locked before it has a name anyone would open */
  if (out_fd && !take_lock (fd, display, error))
    goto fail;

  if (!open_connection (tmpl, display, FALSE, &db, error))
    goto fail;
  /* nobody else knows this file yet: a crash leaves only a temporary file,
   * so no on-disk journal or syncing until the single fsync below */
  if (!exec_fixed (db, "PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; BEGIN",
                   what, error))
    goto fail;
  if (!bud_storage_schema_migrate (db, 0, error) || !write_rows (db, doc, display, error))
    goto fail;
  if (!exec_fixed (db, "COMMIT", what, error))
    goto fail;
  if (sqlite3_close (db) != SQLITE_OK)
    {
      bud_storage_set_sqlite_error (error, db, SQLITE_IOERR, what);
      goto fail;
    }
  db = NULL;

  if (fsync (fd) < 0)
    {
      set_errno_error (error, errno, _("Could not write “%s”: %s"), display);
      goto fail;
    }
  /* a file that appeared meanwhile is still not overwritten unless asked
   * (checked again: the window is now only the rename itself) */
  if (!overwrite && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_EXISTS,
                   _("“%s” already exists"), display);
      goto fail;
    }
  if (g_rename (tmpl, path) < 0)
    {
      set_errno_error (error, errno, _("Could not write “%s”: %s"), display);
      goto fail;
    }
  sync_folder (dir);

  if (out_fd)
    *out_fd = fd;
  else
    close (fd);
  return TRUE;

fail:
  if (db)
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close (db);
    }
  close (fd);
  remove_temporary (tmpl);
  return FALSE;
}

/* ---- write-through sink ---- */

static gboolean
prepare_cached (BudStorage     *self,
                sqlite3_stmt  **slot,
                char           *sql,   /* (transfer full) */
                GError        **error)
{
  int rc;

  if (*slot != NULL)
    {
      g_free (sql);
      return TRUE;
    }
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, slot, NULL);
  g_free (sql);
  if (rc != SQLITE_OK)
    {
      g_autofree char *what = g_strdup_printf (_("Could not save the change to “%s”"),
                                               self->display);
      bud_storage_set_sqlite_error (error, self->db, rc, what);
      return FALSE;
    }
  return TRUE;
}

/* Step a bound statement to completion; @changes is the number of rows it
 * must touch, or -1 for any. */
static gboolean
run (BudStorage    *self,
     sqlite3_stmt  *stmt,
     int            changes,
     GError       **error)
{
  int rc = sqlite3_step (stmt);
  gboolean ok = TRUE;

  if (rc != SQLITE_DONE)
    {
      g_autofree char *what = g_strdup_printf (_("Could not save the change to “%s”"),
                                               self->display);
      bud_storage_set_sqlite_error (error, self->db, rc, what);
      ok = FALSE;
    }
  else if (changes >= 0 && sqlite3_changes (self->db) != changes)
    {
      g_set_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_CORRUPT,
                   _("Could not save the change to “%s”: the file no longer matches the "
                     "document (was it changed by another program?)"), self->display);
      ok = FALSE;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return ok;
}

static gboolean
sink_begin (gpointer   store,
            GError   **error)
{
  BudStorage *self = store;

  /* a transaction a failed rollback left behind holds only reverted edits */
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return prepare_cached (self, &self->begin, g_strdup ("BEGIN IMMEDIATE"), error) &&
         run (self, self->begin, -1, error);
}

static gboolean
sink_commit (gpointer   store,
             GError   **error)
{
  BudStorage *self = store;

  return prepare_cached (self, &self->commit, g_strdup ("COMMIT"), error) &&
         run (self, self->commit, -1, error);
}

static void
sink_rollback (gpointer store)
{
  BudStorage *self = store;

  /* SQLite may already have rolled back by itself (disk full, I/O error) */
  if (sqlite3_get_autocommit (self->db))
    return;
  if (prepare_cached (self, &self->rollback, g_strdup ("ROLLBACK"), NULL))
    run (self, self->rollback, -1, NULL);
}

static gboolean
get_position (BudStorage     *self,
              BudKind         kind,
              gint64          id,
              gint64         *out,
              GError        **error)
{
  const BudEntityClass *klass = bud_entity_class (kind);
  sqlite3_stmt *stmt;
  int rc;

  if (!prepare_cached (self, &self->get_position[kind],
                       g_strdup_printf ("SELECT \"" BUD_STORAGE_POSITION_COLUMN "\" FROM \"%s\" "
                                        "WHERE \"id\" = ?1", klass->name), error))
    return FALSE;
  stmt = self->get_position[kind];
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    g_set_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_CORRUPT,
                 _("Could not save the change to “%s”: row %" PRId64 " of table “%s” "
                   "is missing from the file"), self->display, id, klass->name);
  else
    {
      g_autofree char *what = g_strdup_printf (_("Could not save the change to “%s”"),
                                               self->display);
      bud_storage_set_sqlite_error (error, self->db, rc, what);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

static gboolean
set_position (BudStorage  *self,
              BudKind      kind,
              gint64       id,
              gint64       position,
              GError     **error)
{
  sqlite3_stmt *stmt;

  if (!prepare_cached (self, &self->set_position[kind],
                       g_strdup_printf ("UPDATE \"%s\" SET \"" BUD_STORAGE_POSITION_COLUMN "\" = ?1 "
                                        "WHERE \"id\" = ?2", bud_entity_class (kind)->name),
                       error))
    return FALSE;
  stmt = self->set_position[kind];
  sqlite3_bind_int64 (stmt, 1, position);
  sqlite3_bind_int64 (stmt, 2, id);
  return run (self, stmt, 1, error);
}

/* Rewrite every position in document order: only when the stored positions
 * give no room at all (ties or extreme values a crafted file may hold).
 * @gap is the index left free for a row being inserted, or -1. */
static gboolean
renumber (BudStorage  *self,
          BudKind      kind,
          GPtrArray   *items,
          gint         gap,
          gint         skip,
          GError     **error)
{
  for (guint i = 0; i < items->len; i++)
    {
      gint64 slot = (gint64) i + 1 + (gap >= 0 && (gint) i >= gap ? 1 : 0);

      if ((gint) i == skip)
        continue;
      if (!set_position (self, kind, ID_OF (g_ptr_array_index (items, i)),
                         slot * BUD_STORAGE_POSITION_STEP, error))
        return FALSE;
    }
  return TRUE;
}

/* Find a position value between the rows around @index. Usually one or two
 * primary-key look-ups; a used-up gap shifts only the rows after it. */
static gboolean
place (BudStorage  *self,
       BudKind      kind,
       GPtrArray   *items,
       guint        index,
       gboolean     inserting,
       gint64      *out,
       GError     **error)
{
  const BudEntityClass *klass = bud_entity_class (kind);
  gconstpointer prev, next;
  guint next_index = inserting ? index : index + 1;
  gint64 p = 0, n = 0, last = 0;

  prev = index > 0 ? g_ptr_array_index (items, index - 1) : NULL;
  next = next_index < items->len ? g_ptr_array_index (items, next_index) : NULL;

  if (prev && !get_position (self, kind, ID_OF (prev), &p, error))
    return FALSE;
  if (next && !get_position (self, kind, ID_OF (next), &n, error))
    return FALSE;

  if (prev == NULL && next == NULL)
    {
      *out = BUD_STORAGE_POSITION_STEP;
      return TRUE;
    }
  if (next == NULL && p >= -POSITION_MAX && p <= POSITION_MAX)
    {
      *out = p + BUD_STORAGE_POSITION_STEP;
      return TRUE;
    }
  if (prev == NULL && n >= -POSITION_MAX && n <= POSITION_MAX)
    {
      *out = n - BUD_STORAGE_POSITION_STEP;
      return TRUE;
    }
  if (prev && next && p < n && p >= -POSITION_MAX && n <= POSITION_MAX)
    {
      if (n - p >= 2)
        {
          *out = p + (n - p) / 2;
          return TRUE;
        }
      if (!get_position (self, kind, ID_OF (g_ptr_array_index (items, items->len - 1)), &last, error))
        return FALSE;
      if (last >= n && last <= POSITION_MAX)
        {
          sqlite3_stmt *stmt;

          if (!prepare_cached (self, &self->shift[kind],
                               g_strdup_printf ("UPDATE \"%s\" SET \"" BUD_STORAGE_POSITION_COLUMN "\" = \""
                                                BUD_STORAGE_POSITION_COLUMN "\" + ?1 WHERE \""
                                                BUD_STORAGE_POSITION_COLUMN "\" >= ?2", klass->name),
                               error))
            return FALSE;
          stmt = self->shift[kind];
          sqlite3_bind_int64 (stmt, 1, BUD_STORAGE_POSITION_STEP);
          sqlite3_bind_int64 (stmt, 2, n);
          if (!run (self, stmt, -1, error))
            return FALSE;
          *out = p + BUD_STORAGE_POSITION_STEP / 2;
          return TRUE;
        }
    }

  if (!renumber (self, kind, items, inserting ? (gint) index : -1,
                 inserting ? -1 : (gint) index, error))
    return FALSE;
  *out = ((gint64) index + 1) * BUD_STORAGE_POSITION_STEP;
  return TRUE;
}

static gboolean
sink_insert (gpointer        store,
             BudKind         kind,
             gconstpointer   entity,
             guint           position,
             GError        **error)
{
  BudStorage *self = store;
  const BudEntityClass *klass = bud_entity_class (kind);
  sqlite3_stmt *stmt;
  gint64 pos = 0;
  int rc;

  g_return_val_if_fail (!klass->singleton, FALSE);

  if (!place (self, kind, bud_document_items (self->doc, kind), position, TRUE, &pos, error))
    return FALSE;
  if (!prepare_cached (self, &self->insert[kind], bud_storage_sql_insert (klass), error))
    return FALSE;
  stmt = self->insert[kind];
  sqlite3_bind_int64 (stmt, 1, ID_OF (entity));
  sqlite3_bind_int64 (stmt, 2, pos);
  rc = bud_storage_bind_fields (stmt, klass, entity, 3);
  if (rc != SQLITE_OK)
    {
      g_autofree char *what = g_strdup_printf (_("Could not save the change to “%s”"),
                                               self->display);
      bud_storage_set_sqlite_error (error, self->db, rc, what);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return FALSE;
    }
  return run (self, stmt, 1, error);
}

static gboolean
sink_update (gpointer         store,
             BudKind          kind,
             gconstpointer    entity,
             const BudField  *field,
             GError         **error)
{
  BudStorage *self = store;
  const BudEntityClass *klass = bud_entity_class (kind);
  guint fi = (guint) (field - klass->fields);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (fi < klass->n_fields, FALSE);

  if (self->update[kind] == NULL)
    self->update[kind] = g_new0 (sqlite3_stmt *, klass->n_fields);
  if (!prepare_cached (self, &self->update[kind][fi], bud_storage_sql_update (klass, field), error))
    return FALSE;
  stmt = self->update[kind][fi];
  bud_storage_bind_field (stmt, 1, field, entity);
  sqlite3_bind_int64 (stmt, 2, ID_OF (entity));
  return run (self, stmt, 1, error);
}

static gboolean
sink_remove (gpointer   store,
             BudKind    kind,
             gint64     id,
             GError   **error)
{
  BudStorage *self = store;
  sqlite3_stmt *stmt;

  if (!prepare_cached (self, &self->remove[kind],
                       bud_storage_sql_delete (bud_entity_class (kind)), error))
    return FALSE;
  stmt = self->remove[kind];
  sqlite3_bind_int64 (stmt, 1, id);
  return run (self, stmt, 1, error);
}

static gboolean
sink_move (gpointer    store,
           BudKind     kind,
           GPtrArray  *items,
           guint       from,
           guint       to,
           GError    **error)
{
  BudStorage *self = store;
  gint64 pos = 0;

  /* @items is already in the new order: the row sits at @to */
  if (!place (self, kind, items, to, FALSE, &pos, error))
    return FALSE;
  return set_position (self, kind, ID_OF (g_ptr_array_index (items, to)), pos, error);
}

static const BudDocumentSink storage_sink = {
  sink_begin,
  sink_commit,
  sink_rollback,
  sink_insert,
  sink_update,
  sink_remove,
  sink_move,
};

/* ---- public API ---- */

static BudStorage *
storage_new (const char *path)
{
  BudStorage *self = g_new0 (BudStorage, 1);

  self->path = g_strdup (path);
  self->display = g_filename_display_name (path);
  self->lock_fd = -1;
  return self;
}

/* Which storage a document writes to, so that closing a storage the document
 * has since moved away from (“Save As”) does not detach the new one. */
#define ATTACHED_KEY "bud-storage-attached"

static void
storage_attach (BudStorage  *self,
                BudDocument *doc)
{
  self->doc = g_object_ref (doc);
  bud_document_set_sink (doc, &storage_sink, self);
  g_object_set_data (G_OBJECT (doc), ATTACHED_KEY, self);
}

BudStorage *
bud_storage_create (const char   *path,
                    BudDocument  *doc,
                    gboolean      overwrite,
                    GError      **error)
{
  g_autofree char *abs = NULL;
  BudStorage *self;
  int fd = -1;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (BUD_IS_DOCUMENT (doc), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  abs = g_canonicalize_filename (path, NULL);
  self = storage_new (abs);
  if (!write_file (abs, self->display, doc, overwrite, &fd, error))
    {
      bud_storage_close (self);
      return NULL;
    }
  self->lock_fd = fd;
  /* reopened under its final name, so SQLite's journal sits next to it */
  if (!open_connection (abs, self->display, FALSE, &self->db, error))
    {
      bud_storage_close (self);
      return NULL;
    }
  storage_attach (self, doc);
  return self;
}

/* A file whose editor died in the middle of a transaction keeps a hot journal
 * beside it, and only a writer may roll that back: SQLite refuses to read it
 * read-only. A reader must not write to the file either (it may not even be
 * allowed to), so the roll-back happens on a private copy of the file and its
 * journal, which is then read instead. Only when nobody has the file open for
 * editing: an editor's journal is not hot, and SQLite's locks handle it.
 * *@out_copy is NULL when there is nothing to recover. */
static gboolean
recover_private_copy (const char  *path,
                      const char  *display,
                      char       **out_dir,
                      char       **out_copy,
                      GError     **error)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *copy_journal = NULL;
  g_autofree char *data = NULL;
  g_autofree char *journal_data = NULL;
  gsize len = 0, journal_len = 0;
  sqlite3 *db = NULL;
  GStatBuf st;
  gboolean ok;

  *out_dir = NULL;
  *out_copy = NULL;
  if (g_stat (journal, &st) != 0 || st.st_size == 0 || !check_not_in_use (path, display, NULL))
    return TRUE;

  dir = g_dir_make_tmp ("deptbudget-XXXXXX", NULL);
  if (dir == NULL ||
      !g_file_get_contents (path, &data, &len, NULL) ||
      !g_file_get_contents (journal, &journal_data, &journal_len, NULL))
    {
      if (dir)
        g_rmdir (dir);
      return set_errno_error (error, errno ? errno : EIO, _("Could not read “%s”: %s"), display);
    }
  copy = g_build_filename (dir, "recovered.budget", NULL);
  copy_journal = g_strconcat (copy, "-journal", NULL);
  ok = g_file_set_contents (copy, data, (gssize) len, NULL) &&
       g_file_set_contents (copy_journal, journal_data, (gssize) journal_len, NULL);
  /* the first read on a writable connection rolls the journal back */
  ok = ok && open_connection (copy, display, FALSE, &db, error);
  if (ok)
    {
      g_autofree char *what = g_strdup_printf (_("Could not read “%s”"), display);
      ok = exec_fixed (db, "SELECT count(*) FROM sqlite_schema", what, error);
    }
  sqlite3_close (db);
  g_unlink (copy_journal);
  if (!ok)
    {
      if (error && *error == NULL)
        set_errno_error (error, errno ? errno : EIO, _("Could not read “%s”: %s"), display);
      g_unlink (copy);
      g_rmdir (dir);
      return FALSE;
    }
  *out_dir = g_steal_pointer (&dir);
  *out_copy = g_steal_pointer (&copy);
  return TRUE;
}

static void
remove_private_copy (char *dir,
                     char *copy)
{
  if (copy)
    g_unlink (copy);
  if (dir)
    g_rmdir (dir);
  g_free (copy);
  g_free (dir);
}

BudDocument *
bud_storage_open (const char           *path,
                  BudStorageOpenFlags   flags,
                  BudStorage          **out_storage,
                  GError              **error)
{
  gboolean read_only = (flags & BUD_STORAGE_OPEN_READ_ONLY) != 0;
  g_autofree char *abs = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(BudDocument) doc = NULL;
  BudStorage *self;
  gint64 application_id = 0, version = 0;
  char *recover_dir = NULL;
  char *recover_copy = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (read_only || out_storage != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (out_storage)
    *out_storage = NULL;
  if (!check_sqlite_version (error))
    return NULL;

  /* absolute, so that SQLite never reads a “file:” name as a URI */
  abs = g_canonicalize_filename (path, NULL);
  dir = g_path_get_dirname (abs);
  self = storage_new (abs);
  self->read_only = read_only;

  if (!check_header (abs, self->display, error))
    goto fail;
  if (!read_only)
    {
      self->lock_fd = g_open (abs, O_RDWR | O_CLOEXEC, 0);
      if (self->lock_fd < 0)
        {
          set_errno_error (error, errno, _("Could not open “%s” for editing: %s"), self->display);
          goto fail;
        }
      if (!take_lock (self->lock_fd, self->display, error))
        goto fail;
      /* SQLite creates its journal beside the file on the first edit */
      if (g_access (dir, W_OK) != 0)
        {
          set_errno_error (error, errno, _("Could not open “%s” for editing: %s"), self->display);
          goto fail;
        }
    }

  if (read_only && !recover_private_copy (abs, self->display, &recover_dir, &recover_copy, error))
    goto fail;
  if (!open_connection (recover_copy ? recover_copy : abs, self->display, read_only, &self->db, error))
    goto fail;
  if (!read_only && sqlite3_db_readonly (self->db, "main") == 1)
    {
      set_errno_error (error, EACCES, _("Could not open “%s” for editing: %s"), self->display);
      goto fail;
    }
  /* the header may have been read before a hot journal was rolled back: ask again */
  if (!query_int (self->db, "PRAGMA application_id", self->display, &application_id, error) ||
      !query_int (self->db, "PRAGMA user_version", self->display, &version, error) ||
      !check_identity (application_id, version, self->display, error))
    goto fail;
  if (!check_integrity (self->db, self->display, error) ||
      !bud_storage_schema_check_objects (self->db, self->display, error))
    goto fail;
  if (version < BUD_STORAGE_FORMAT_VERSION)
    {
      if (read_only && !copy_to_memory (&self->db, self->display, error))
        goto fail;
      if (!migrate (self->db, version, self->display, error))
        goto fail;
    }
  if (!bud_storage_schema_verify (self->db, self->display, error))
    goto fail;

  doc = load_document (self->db, self->display, error);
  if (doc == NULL)
    goto fail;

  if (read_only)
    {
      /* everything is in memory; holding the file open would only get in
       * the way of whoever edits it */
      sqlite3_close (self->db);
      self->db = NULL;
      remove_private_copy (g_steal_pointer (&recover_dir), g_steal_pointer (&recover_copy));
      bud_document_set_read_only (doc, TRUE);
      self->doc = g_object_ref (doc);
    }
  else
    storage_attach (self, doc);

  if (out_storage)
    *out_storage = self;
  else
    bud_storage_close (self);
  return g_steal_pointer (&doc);

fail:
  bud_storage_close (self);
  remove_private_copy (recover_dir, recover_copy);
  return NULL;
}

gboolean
bud_storage_save_copy (BudDocument  *doc,
                       const char   *path,
                       GError      **error)
{
  g_autofree char *abs = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (BUD_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  abs = g_canonicalize_filename (path, NULL);
  display = g_filename_display_name (abs);
  return write_file (abs, display, doc, TRUE, NULL, error);
}

const char *
bud_storage_get_path (BudStorage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->path;
}

BudDocument *
bud_storage_get_document (BudStorage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->doc;
}

gboolean
bud_storage_get_read_only (BudStorage *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->read_only;
}

static void
finalize_statement (sqlite3_stmt **slot)
{
  if (*slot)
    sqlite3_finalize (*slot);
  *slot = NULL;
}

void
bud_storage_close (BudStorage *self)
{
  if (self == NULL)
    return;

  if (self->doc)
    {
      if (g_object_get_data (G_OBJECT (self->doc), ATTACHED_KEY) == self)
        {
          bud_document_set_sink (self->doc, NULL, NULL);
          g_object_set_data (G_OBJECT (self->doc), ATTACHED_KEY, NULL);
        }
      g_clear_object (&self->doc);
    }

  finalize_statement (&self->begin);
  finalize_statement (&self->commit);
  finalize_statement (&self->rollback);
  for (guint k = 0; k < BUD_N_KINDS; k++)
    {
      finalize_statement (&self->insert[k]);
      finalize_statement (&self->remove[k]);
      finalize_statement (&self->get_position[k]);
      finalize_statement (&self->set_position[k]);
      finalize_statement (&self->shift[k]);
      if (self->update[k])
        {
          for (guint i = 0; i < bud_entity_class (k)->n_fields; i++)
            finalize_statement (&self->update[k][i]);
          g_free (self->update[k]);
        }
    }
  if (self->db)
    sqlite3_close (self->db);

  /* after SQLite is done with the file: see the note on the lock above */
  if (self->lock_fd >= 0)
    close (self->lock_fd);

  g_free (self->path);
  g_free (self->display);
  g_free (self);
}
