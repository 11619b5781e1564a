/* bud-storage.h — one SQLite file per document (*.budget), written through on every edit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A .budget file is an SQLite database whose tables are generated from the
 * field tables of bud-schema.c. Files are treated as untrusted: opening one
 * checks the header, the integrity and the schema, then loads every row
 * through the document API so each value is validated. While a document is
 * attached, every edit is one SQLite transaction; there is nothing to save.
 */
#pragma once

#include <glib.h>

#include "bud-document.h"

G_BEGIN_DECLS

/* PRAGMA application_id of every .budget file: 'BUDG' */
#define BUD_STORAGE_APPLICATION_ID 0x42554447
/* PRAGMA user_version this build writes; older files are migrated on open */
#define BUD_STORAGE_FORMAT_VERSION 1

#define BUD_STORAGE_ERROR (bud_storage_error_quark ())

typedef enum {
  BUD_STORAGE_ERROR_NOT_BUDGET,       /* not SQLite, or SQLite of another application */
  BUD_STORAGE_ERROR_NEWER_VERSION,    /* made by a newer version of Department Budget */
  BUD_STORAGE_ERROR_CORRUPT,          /* damaged, incomplete, or a schema we did not write */
  BUD_STORAGE_ERROR_IN_USE,           /* open for editing elsewhere: offer read-only */
  BUD_STORAGE_ERROR_INVALID_CONTENT,  /* a row breaks a rule of the document */
  BUD_STORAGE_ERROR_IO,               /* cannot read or write the file */
  BUD_STORAGE_ERROR_EXISTS,           /* create: the file exists and overwrite was not asked */
  BUD_STORAGE_ERROR_READ_ONLY,        /* the file or its folder cannot be written: offer read-only */
} BudStorageError;

typedef enum {
  BUD_STORAGE_OPEN_DEFAULT   = 0,
  BUD_STORAGE_OPEN_READ_ONLY = 1 << 0,
} BudStorageOpenFlags;

/* Not thread-safe: use a storage and its document from one thread. */
typedef struct _BudStorage BudStorage;

GQuark        bud_storage_error_quark (void);

/* Write @doc to a new file at @path (temporary file in the same folder, then
 * rename) and attach it for write-through. An existing file is refused unless
 * @overwrite; a file open for editing elsewhere is always refused. Also “Save
 * As”: the document then writes to the new file only, and closing the old
 * storage leaves it attached to the new one. */
BudStorage   *bud_storage_create      (const char           *path,
                                       BudDocument          *doc,
                                       gboolean              overwrite,
                                       GError              **error);

/* Open, verify and load @path. Unless READ_ONLY, the document is attached for
 * write-through and *@out_storage (required then) must be closed by the caller.
 * A READ_ONLY document is marked read-only and needs no storage (out_storage
 * may be NULL; if given, it only remembers the path). Returns NULL and no
 * document on any error. */
BudDocument  *bud_storage_open        (const char           *path,
                                       BudStorageOpenFlags   flags,
                                       BudStorage          **out_storage,
                                       GError              **error);

/* A complete copy of @doc at @path ("Save a copy"), not attached. Atomic:
 * on error nothing is left behind and an existing file at @path is intact. */
gboolean      bud_storage_save_copy   (BudDocument          *doc,
                                       const char           *path,
                                       GError              **error);

const char   *bud_storage_get_path    (BudStorage           *self);
BudDocument  *bud_storage_get_document (BudStorage          *self);
gboolean      bud_storage_get_read_only (BudStorage         *self);

/* Detaches the sink, releases the lock and closes the file. NULL is allowed.
 * Call it outside bud_document_begin()/commit(). */
void          bud_storage_close       (BudStorage           *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudStorage, bud_storage_close)

G_END_DECLS
