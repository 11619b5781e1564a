/* bud-storage-schema.h — the SQL side of the .budget format (internal to storage)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tables, statements, schema verification and the migration ladder, all
 * generated from the field tables of bud-schema.c. SQL text is only ever
 * built from those tables (names, enum spellings), never from values.
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "bud-schema.h"

G_BEGIN_DECLS

/* Collections keep document order in a sparse "position" column: appends and
 * most inserts and moves write one row; a full gap is widened locally. */
#define BUD_STORAGE_POSITION_COLUMN "position"
#define BUD_STORAGE_POSITION_STEP   G_GINT64_CONSTANT (65536)

/* Statements of one kind's table. Parameters: ?1 id, then (collections) ?2
 * position, then the fields in table order. */
char     *bud_storage_sql_insert          (const BudEntityClass *klass);
/* Columns: id, then the fields in table order; collections in document order. */
char     *bud_storage_sql_select          (const BudEntityClass *klass);
/* ?1 value, ?2 id */
char     *bud_storage_sql_update          (const BudEntityClass *klass,
                                           const BudField       *field);
/* ?1 id */
char     *bud_storage_sql_delete          (const BudEntityClass *klass);

/* Bind every field of @entity from parameter @first on. Texts are bound
 * SQLITE_STATIC: step before @entity changes. */
int       bud_storage_bind_fields         (sqlite3_stmt         *stmt,
                                           const BudEntityClass *klass,
                                           gconstpointer         entity,
                                           int                   first);
int       bud_storage_bind_field          (sqlite3_stmt         *stmt,
                                           int                   index,
                                           const BudField       *field,
                                           gconstpointer         entity);

/* Read the current row of a bud_storage_sql_select() statement into a new
 * entity, checking each stored value's type and spelling. Errors name the
 * table, the row id and the column. */
gpointer  bud_storage_read_row            (sqlite3_stmt         *stmt,
                                           const BudEntityClass *klass,
                                           GError              **error);

/* Run the ladder from @from_version to BUD_STORAGE_FORMAT_VERSION. Call it
 * inside a write transaction; 0 is an empty database. */
gboolean  bud_storage_schema_migrate      (sqlite3              *db,
                                           gint64                from_version,
                                           GError              **error);

/* Refuse triggers, views and any object a .budget file never has; safe to
 * run on a file of any format version, before migrating it. */
gboolean  bud_storage_schema_check_objects (sqlite3             *db,
                                           const char           *display,
                                           GError              **error);
/* Every table of the current format, with exactly the expected columns. */
gboolean  bud_storage_schema_verify       (sqlite3              *db,
                                           const char           *display,
                                           GError              **error);

/* Set @error from SQLite's last error: "@what: <sqlite message>", with a
 * BudStorageError code chosen from @rc. */
void      bud_storage_set_sqlite_error    (GError              **error,
                                           sqlite3              *db,
                                           int                   rc,
                                           const char           *what);
int       bud_storage_error_code_for_sqlite (int                 rc);

G_END_DECLS
