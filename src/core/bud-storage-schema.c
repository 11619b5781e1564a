/* bud-storage-schema.c — tables, statements, verification and migrations of .budget files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bud-storage.h"
#include "bud-storage-schema.h"

/* ---- errors ---- */

int
bud_storage_error_code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_FORMAT:
      return BUD_STORAGE_ERROR_CORRUPT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return BUD_STORAGE_ERROR_IN_USE;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return BUD_STORAGE_ERROR_READ_ONLY;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
      return BUD_STORAGE_ERROR_INVALID_CONTENT;
    default:
      return BUD_STORAGE_ERROR_IO;
    }
}

void
bud_storage_set_sqlite_error (GError     **error,
                              sqlite3     *db,
                              int          rc,
                              const char  *what)
{
  /* SQLite quotes the file's own bytes (a hostile schema's type names, say),
   * which need not be UTF-8; a message must be */
  g_autofree char *detail = g_utf8_make_valid (db ? sqlite3_errmsg (db) : sqlite3_errstr (rc), -1);

  g_set_error (error, BUD_STORAGE_ERROR, bud_storage_error_code_for_sqlite (rc),
               "%s: %s", what, detail);
}

/* ---- SQL text ---- */

static const char *
sql_type (const BudField *f)
{
  return f->type == BUD_FIELD_TEXT || f->type == BUD_FIELD_ENUM ? "TEXT" : "INTEGER";
}

static gboolean
sql_not_null (const BudField *f)
{
  return f->type != BUD_FIELD_REF || (f->flags & BUD_FIELD_REQUIRED);
}

static void
append_column (GString        *s,
               const BudField *f)
{
  g_string_append_printf (s, ",\n  \"%s\" %s", f->name, sql_type (f));
  if (sql_not_null (f))
    g_string_append (s, " NOT NULL");

  switch (f->type)
    {
    case BUD_FIELD_BOOL:
      g_string_append_printf (s, " CHECK (\"%s\" IN (0, 1))", f->name);
      break;
    case BUD_FIELD_ENUM:
      g_string_append_printf (s, " CHECK (\"%s\" IN (", f->name);
      for (guint i = 0; f->enum_values[i]; i++)
        {
          char *quoted = sqlite3_mprintf ("%Q", f->enum_values[i]);
          g_string_append_printf (s, "%s%s", i ? ", " : "", quoted);
          sqlite3_free (quoted);
        }
      g_string_append (s, "))");
      break;
    case BUD_FIELD_REF:
      /* owned rows go with their owner; any other reference must be cleared
       * first, exactly as the document itself insists */
      g_string_append_printf (s, " REFERENCES \"%s\" (\"id\") ON DELETE %s",
                              bud_entity_class (f->ref_kind)->name,
                              (f->flags & BUD_FIELD_OWNER) ? "CASCADE" : "RESTRICT");
      break;
    case BUD_FIELD_INT:
    case BUD_FIELD_FIXED2:
    case BUD_FIELD_TEXT:
    default:
      break;
    }

  if (f->flags & BUD_FIELD_UNIQUE)
    g_string_append (s, " UNIQUE");
}

static char *
sql_create_table (const BudEntityClass *klass)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "CREATE TABLE \"%s\" (\n  \"id\" INTEGER PRIMARY KEY", klass->name);
  if (klass->singleton)
    g_string_append (s, " CHECK (\"id\" = 1)");
  else
    g_string_append (s, ",\n  \"" BUD_STORAGE_POSITION_COLUMN "\" INTEGER NOT NULL");
  for (guint i = 0; i < klass->n_fields; i++)
    append_column (s, &klass->fields[i]);
  g_string_append (s, "\n) STRICT");
  return g_string_free (s, FALSE);
}

/* Reference columns are indexed so that removing a parent row need not scan
 * every child table (SQLite checks foreign keys on the child side). */
static gboolean
field_has_index (const BudField *f)
{
  return f->type == BUD_FIELD_REF && !(f->flags & BUD_FIELD_UNIQUE);
}

static char *
sql_index_name (const BudEntityClass *klass,
                const BudField       *f)
{
  return g_strdup_printf ("%s_%s", klass->name, f->name);
}

static char *
sql_create_index (const BudEntityClass *klass,
                  const BudField       *f)
{
  g_autofree char *name = sql_index_name (klass, f);

  return g_strdup_printf ("CREATE INDEX \"%s\" ON \"%s\" (\"%s\")", name, klass->name, f->name);
}

char *
bud_storage_sql_insert (const BudEntityClass *klass)
{
  GString *s = g_string_new (NULL);
  guint n = klass->n_fields + (klass->singleton ? 1 : 2);

  g_string_append_printf (s, "INSERT INTO \"%s\" (\"id\"", klass->name);
  if (!klass->singleton)
    g_string_append (s, ", \"" BUD_STORAGE_POSITION_COLUMN "\"");
  for (guint i = 0; i < klass->n_fields; i++)
    g_string_append_printf (s, ", \"%s\"", klass->fields[i].name);
  g_string_append (s, ") VALUES (");
  for (guint i = 1; i <= n; i++)
    g_string_append_printf (s, "%s?%u", i > 1 ? ", " : "", i);
  g_string_append (s, ")");
  return g_string_free (s, FALSE);
}

char *
bud_storage_sql_select (const BudEntityClass *klass)
{
  GString *s = g_string_new ("SELECT \"id\"");

  for (guint i = 0; i < klass->n_fields; i++)
    g_string_append_printf (s, ", \"%s\"", klass->fields[i].name);
  g_string_append_printf (s, " FROM \"%s\"", klass->name);
  if (!klass->singleton)
    g_string_append (s, " ORDER BY \"" BUD_STORAGE_POSITION_COLUMN "\", \"id\"");
  return g_string_free (s, FALSE);
}

char *
bud_storage_sql_update (const BudEntityClass *klass,
                        const BudField       *field)
{
  return g_strdup_printf ("UPDATE \"%s\" SET \"%s\" = ?1 WHERE \"id\" = ?2",
                          klass->name, field->name);
}

char *
bud_storage_sql_delete (const BudEntityClass *klass)
{
  return g_strdup_printf ("DELETE FROM \"%s\" WHERE \"id\" = ?1", klass->name);
}

/* ---- values ---- */

int
bud_storage_bind_field (sqlite3_stmt   *stmt,
                        int             index,
                        const BudField *f,
                        gconstpointer   entity)
{
  gint64 v;

  switch (f->type)
    {
    case BUD_FIELD_TEXT:
      return sqlite3_bind_text (stmt, index, bud_field_get_text (entity, f), -1, SQLITE_STATIC);
    case BUD_FIELD_ENUM:
      v = bud_field_get_int (entity, f);
      g_return_val_if_fail (v >= 0 && v < (gint64) g_strv_length ((char **) f->enum_values),
                            SQLITE_MISUSE);
      return sqlite3_bind_text (stmt, index, f->enum_values[v], -1, SQLITE_STATIC);
    case BUD_FIELD_REF:
      v = bud_field_get_int (entity, f);
      return v == 0 ? sqlite3_bind_null (stmt, index) : sqlite3_bind_int64 (stmt, index, v);
    case BUD_FIELD_INT:
    case BUD_FIELD_FIXED2:
    case BUD_FIELD_BOOL:
    default:
      return sqlite3_bind_int64 (stmt, index, bud_field_get_int (entity, f));
    }
}

int
bud_storage_bind_fields (sqlite3_stmt         *stmt,
                         const BudEntityClass *klass,
                         gconstpointer         entity,
                         int                   first)
{
  for (guint i = 0; i < klass->n_fields; i++)
    {
      int rc = bud_storage_bind_field (stmt, first + (int) i, &klass->fields[i], entity);
      if (rc != SQLITE_OK)
        return rc;
    }
  return SQLITE_OK;
}

static const char *
column_type_name (int t)
{
  switch (t)
    {
    case SQLITE_INTEGER: return "integer";
    case SQLITE_FLOAT: return "real";
    case SQLITE_TEXT: return "text";
    case SQLITE_BLOB: return "blob";
    case SQLITE_NULL:
    default: return "null";
    }
}

static gboolean
read_value (sqlite3_stmt    *stmt,
            int              col,
            const BudField  *f,
            gboolean         validate,
            gpointer         entity,
            GError         **error)
{
  int t = sqlite3_column_type (stmt, col);
  int want = f->type == BUD_FIELD_TEXT || f->type == BUD_FIELD_ENUM ? SQLITE_TEXT : SQLITE_INTEGER;

  if (f->type == BUD_FIELD_REF && t == SQLITE_NULL)
    {
      bud_field_set_int (entity, f, 0);
      return TRUE;
    }
  if (t != want)
    {
      g_set_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_INVALID_CONTENT,
                   _("the stored value is %s, expected %s"),
                   column_type_name (t), column_type_name (want));
      return FALSE;
    }

  if (want == SQLITE_TEXT)
    {
      const char *s = (const char *) sqlite3_column_text (stmt, col);
      int n = sqlite3_column_bytes (stmt, col);

      if (s == NULL || memchr (s, '\0', (gsize) n) != NULL)
        {
          g_set_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_INVALID_CONTENT,
                       _("the text contains a NUL character"));
          return FALSE;
        }
      if (f->type == BUD_FIELD_ENUM)
        {
          int idx = bud_field_enum_lookup (f, s);
          if (idx < 0)
            {
              g_autofree char *shown = g_utf8_make_valid (s, MIN (n, 64));
              g_autofree char *choices = g_strjoinv (", ", (char **) f->enum_values);
              g_set_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_INVALID_CONTENT,
                           _("“%s” is not one of the allowed choices (%s)"), shown, choices);
              return FALSE;
            }
          bud_field_set_int (entity, f, idx);
          return TRUE;
        }
      if (validate && !bud_field_validate_text (f, s, error))
        return FALSE;
      bud_field_set_text (entity, f, s);
      return TRUE;
    }
  else
    {
      gint64 v = sqlite3_column_int64 (stmt, col);

      if (f->type == BUD_FIELD_BOOL && v != 0 && v != 1)
        {
          g_set_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_INVALID_CONTENT,
                       _("%" PRId64 " is neither 0 nor 1"), v);
          return FALSE;
        }
      /* 0 means “none” in memory; a stored 0 would silently drop a reference */
      if (f->type == BUD_FIELD_REF && v < 1)
        {
          g_set_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_INVALID_CONTENT,
                       _("%" PRId64 " is not a row id"), v);
          return FALSE;
        }
      if (validate && !bud_field_validate_int (f, v, error))
        return FALSE;
      bud_field_set_int (entity, f, v);
      return TRUE;
    }
}

gpointer
bud_storage_read_row (sqlite3_stmt         *stmt,
                      const BudEntityClass *klass,
                      GError              **error)
{
  gpointer entity;
  gint64 id;

  if (sqlite3_column_type (stmt, 0) != SQLITE_INTEGER || (id = sqlite3_column_int64 (stmt, 0)) < 1)
    {
      g_set_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_INVALID_CONTENT,
                   _("table “%s” has a row whose id is not a positive whole number"),
                   klass->name);
      return NULL;
    }

  entity = bud_entity_new (klass->kind);
  *(gint64 *) entity = id;
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const BudField *f = &klass->fields[i];
      g_autoptr(GError) local = NULL;

      /* a singleton is not inserted but set field by field, and the document
       * lets a field keep its initial value (an empty required text of a new
       * document): leave its rules to bud_document_set_*() */
      if (!read_value (stmt, (int) i + 1, f, !klass->singleton, entity, &local))
        {
          g_set_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_INVALID_CONTENT,
                       _("table “%s”, row %" PRId64 ", column “%s”: %s"),
                       klass->name, id, f->name, local->message);
          bud_entity_free (klass->kind, entity);
          return NULL;
        }
    }
  return entity;
}

/* ---- migrations ---- */

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      bud_storage_set_sqlite_error (error, db, rc, _("Could not update the file’s tables"));
      return FALSE;
    }
  return TRUE;
}

/* Writes the current format in one go, so a new file never replays history
 * and this step keeps following the field tables as they grow. */
static gboolean
create_current_schema (sqlite3  *db,
                       GError  **error)
{
  char header[64];

  g_snprintf (header, sizeof header, "PRAGMA application_id = %d", BUD_STORAGE_APPLICATION_ID);
  if (!exec (db, header, error))
    return FALSE;

  for (guint k = 0; k < BUD_N_KINDS; k++)
    {
      const BudEntityClass *klass = bud_entity_class (k);
      g_autofree char *table = sql_create_table (klass);

      if (!exec (db, table, error))
        return FALSE;
      for (guint i = 0; i < klass->n_fields; i++)
        if (field_has_index (&klass->fields[i]))
          {
            g_autofree char *index = sql_create_index (klass, &klass->fields[i]);
            if (!exec (db, index, error))
              return FALSE;
          }
    }
  return TRUE;
}

typedef struct {
  gint64     from;
  gint64     to;
  gboolean (*run) (sqlite3 *db, GError **error);
} MigrationStep;

/* One step from each older format to the next. A later format appends e.g.
 * { 1, 2, migrate_1_to_2 } (ALTER TABLE … ADD COLUMN … DEFAULT …) and bumps
 * BUD_STORAGE_FORMAT_VERSION; step 0 then writes format 2 directly. Note that
 * step 0's result must equal every other path's result: verification checks
 * the file against the current field tables whatever its history. */
static const MigrationStep ladder[] = {
  { 0, BUD_STORAGE_FORMAT_VERSION, create_current_schema },
};

gboolean
bud_storage_schema_migrate (sqlite3  *db,
                            gint64    from_version,
                            GError  **error)
{
  gint64 version = from_version;

  while (version < BUD_STORAGE_FORMAT_VERSION)
    {
      const MigrationStep *step = NULL;
      char pragma[64];

      for (guint i = 0; i < G_N_ELEMENTS (ladder); i++)
        if (ladder[i].from == version)
          step = &ladder[i];
      if (step == NULL)
        {
          g_set_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_CORRUPT,
                       _("File format %" PRId64 " is unknown and cannot be updated"),
                       version);
          return FALSE;
        }
      g_assert (step->to > version);
      if (!step->run (db, error))
        return FALSE;
      version = step->to;
      g_snprintf (pragma, sizeof pragma, "PRAGMA user_version = %" PRId64, version);
      if (!exec (db, pragma, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- verification ---- */

static gboolean
is_our_table (const char *name)
{
  return bud_entity_class_by_name (name) != NULL;
}

static gboolean
is_our_index (const char *name,
              const char *table,
              const char *sql)
{
  const BudEntityClass *klass = bud_entity_class_by_name (table);

  if (klass == NULL)
    return FALSE;
  /* UNIQUE constraints make these; SQLite owns their names and keeps no SQL */
  if (sql == NULL)
    return g_str_has_prefix (name, "sqlite_autoindex_") &&
           g_str_has_prefix (name + strlen ("sqlite_autoindex_"), table);
  for (guint i = 0; i < klass->n_fields; i++)
    if (field_has_index (&klass->fields[i]))
      {
        g_autofree char *want_name = sql_index_name (klass, &klass->fields[i]);
        g_autofree char *want_sql = sql_create_index (klass, &klass->fields[i]);
        if (strcmp (name, want_name) == 0)
          return strcmp (sql, want_sql) == 0;
      }
  return FALSE;
}

gboolean
bud_storage_schema_check_objects (sqlite3     *db,
                                  const char  *display,
                                  GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, sql FROM sqlite_schema", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *what = g_strdup_printf (_("Could not read the tables of “%s”"), display);
      bud_storage_set_sqlite_error (error, db, rc, what);
      return FALSE;
    }
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *table = (const char *) sqlite3_column_text (stmt, 2);
      const char *sql = (const char *) sqlite3_column_text (stmt, 3);
      gboolean expected;

      type = type ? type : "";
      name = name ? name : "";
      table = table ? table : "";
      if (strcmp (type, "table") == 0)
        expected = is_our_table (name) || strcmp (name, "sqlite_stat1") == 0 ||
                   strcmp (name, "sqlite_stat4") == 0;
      else if (strcmp (type, "index") == 0)
        expected = is_our_index (name, table, sql);
      else
        expected = FALSE;

      if (!expected)
        {
          g_autofree char *shown = g_utf8_make_valid (name, MIN (strlen (name), 64));
          g_autofree char *kind = g_utf8_make_valid (type, MIN (strlen (type), 16));
          g_set_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_CORRUPT,
                       _("“%s” contains an unexpected %s, “%s”, which a Department Budget file "
                         "never has; it was altered by another program and will not be opened"),
                       display, kind, shown);
          ok = FALSE;
        }
    }
  if (ok && rc != SQLITE_DONE)
    {
      g_autofree char *what = g_strdup_printf (_("Could not read the tables of “%s”"), display);
      bud_storage_set_sqlite_error (error, db, rc, what);
      ok = FALSE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

typedef struct {
  const char *name;
  const char *type;
  gboolean    not_null;
  gboolean    pk;
  gboolean    seen;
} ExpectedColumn;

static gboolean
verify_table (sqlite3              *db,
              sqlite3_stmt         *list,
              sqlite3_stmt         *info,
              const BudEntityClass *klass,
              const char           *display,
              GError              **error)
{
  g_autofree ExpectedColumn *cols = g_new0 (ExpectedColumn, klass->n_fields + 2);
  guint n = 0;
  const char *problem = NULL;
  g_autofree char *column = NULL;
  int rc;

  cols[n++] = (ExpectedColumn) { "id", "INTEGER", FALSE, TRUE, FALSE };
  if (!klass->singleton)
    cols[n++] = (ExpectedColumn) { BUD_STORAGE_POSITION_COLUMN, "INTEGER", TRUE, FALSE, FALSE };
  for (guint i = 0; i < klass->n_fields; i++)
    cols[n++] = (ExpectedColumn) { klass->fields[i].name, sql_type (&klass->fields[i]),
                                   sql_not_null (&klass->fields[i]), FALSE, FALSE };

  sqlite3_bind_text (list, 1, klass->name, -1, SQLITE_STATIC);
  rc = sqlite3_step (list);
  if (rc == SQLITE_DONE)
    problem = N_("the table is missing");
  else if (rc == SQLITE_ROW &&
           (g_strcmp0 ((const char *) sqlite3_column_text (list, 0), "table") != 0 ||
            sqlite3_column_int (list, 1) != 1))
    problem = N_("it is not a plain STRICT table");
  sqlite3_reset (list);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    goto sqlite_failed;

  sqlite3_bind_text (info, 1, klass->name, -1, SQLITE_STATIC);
  while (problem == NULL && (rc = sqlite3_step (info)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (info, 0);
      const char *type = (const char *) sqlite3_column_text (info, 1);
      ExpectedColumn *c = NULL;

      for (guint i = 0; i < n; i++)
        if (g_strcmp0 (cols[i].name, name) == 0)
          c = &cols[i];
      g_free (column);
      column = g_utf8_make_valid (name ? name : "", -1);
      if (c == NULL)
        problem = N_("there is an unexpected column");
      else if (c->seen)
        problem = N_("the column appears twice");
      else if (type == NULL || g_ascii_strcasecmp (type, c->type) != 0)
        problem = N_("the column has the wrong type");
      else if ((sqlite3_column_int (info, 2) != 0) != c->not_null)
        problem = N_("the column has the wrong NOT NULL rule");
      else if ((sqlite3_column_int (info, 3) != 0) != c->pk)
        problem = N_("the column has the wrong primary key rule");
      else if (sqlite3_column_int (info, 4) != 0)
        problem = N_("the column is hidden or generated");
      if (c)
        c->seen = TRUE;
    }
  sqlite3_reset (info);
  if (problem == NULL && rc != SQLITE_DONE)
    goto sqlite_failed;

  for (guint i = 0; problem == NULL && i < n; i++)
    if (!cols[i].seen)
      {
        g_free (column);
        column = g_strdup (cols[i].name);
        problem = N_("the column is missing");
      }

  if (problem == NULL)
    return TRUE;
  if (column != NULL)
    g_set_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_CORRUPT,
                 _("“%s” does not have the tables of a Department Budget file: table “%s”, column “%s”: %s"),
                 display, klass->name, column, _(problem));
  else
    g_set_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_CORRUPT,
                 _("“%s” does not have the tables of a Department Budget file: table “%s”: %s"),
                 display, klass->name, _(problem));
  return FALSE;

sqlite_failed:
  {
    g_autofree char *what = g_strdup_printf (_("Could not read table “%s” of “%s”"),
                                             klass->name, display);
    bud_storage_set_sqlite_error (error, db, rc, what);
    return FALSE;
  }
}

gboolean
bud_storage_schema_verify (sqlite3     *db,
                           const char  *display,
                           GError     **error)
{
  sqlite3_stmt *list = NULL, *info = NULL;
  gboolean ok = TRUE;
  int rc;

  if (!bud_storage_schema_check_objects (db, display, error))
    return FALSE;

  rc = sqlite3_prepare_v2 (db, "SELECT type, strict FROM pragma_table_list "
                               "WHERE schema = 'main' AND name = ?1", -1, &list, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "SELECT name, type, \"notnull\", pk, hidden "
                                 "FROM pragma_table_xinfo (?1)", -1, &info, NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *what = g_strdup_printf (_("Could not read the tables of “%s”"), display);
      bud_storage_set_sqlite_error (error, db, rc, what);
      ok = FALSE;
    }

  for (guint k = 0; ok && k < BUD_N_KINDS; k++)
    ok = verify_table (db, list, info, bud_entity_class (k), display, error);

  sqlite3_finalize (list);
  sqlite3_finalize (info);
  return ok;
}
