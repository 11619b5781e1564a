/* bud-jsonio.h — the JSON exchange format (version 1): strict import, canonical export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The format is documented field by field in docs/exchange-format.md. Import
 * is all or nothing: a file that breaks any rule gives NULL and an error whose
 * message starts with the JSON path of the offending value ("$.lines[3].amount:
 * …"). Export writes the canonical form: the same document always gives the
 * same bytes, so write (read (write (doc))) == write (doc).
 */
#pragma once

#include <glib.h>

#include "bud-document.h"

G_BEGIN_DECLS

#define BUD_JSON_ERROR (bud_json_error_quark ())

typedef enum {
  BUD_JSON_ERROR_SYNTAX,   /* not JSON (RFC 8259, strictly), not UTF-8, nested too deep */
  BUD_JSON_ERROR_FORMAT,   /* JSON, but not this format: wrong "format", keys, JSON types */
  BUD_JSON_ERROR_VERSION,  /* "version" missing, or one this program cannot read */
  BUD_JSON_ERROR_INVALID,  /* a value the document refuses, a duplicate id, a dangling reference */
} BudJsonError;

/* The format version this program writes and reads. */
#define BUD_JSON_FORMAT_VERSION 1

typedef enum {
  BUD_JSON_WRITE_DEFAULT        = 0,
  BUD_JSON_WRITE_SKIP_SNAPSHOTS = 1 << 0,  /* "snapshots": [] — a snapshot's own content */
} BudJsonWriteFlags;

GQuark        bud_json_error_quark      (void);

/* @length -1: @data is NUL-terminated. Returns a new document, or NULL. */
BudDocument  *bud_json_read_data        (const char         *data,
                                         gssize              length,
                                         GError            **error);
BudDocument  *bud_json_read_file        (const char         *path,
                                         GError            **error);

/* The canonical form, UTF-8, ending in a newline. @length may be NULL. */
char         *bud_json_write_data       (BudDocument        *doc,
                                         gsize              *length);
char         *bud_json_write_data_full  (BudDocument        *doc,
                                         BudJsonWriteFlags   flags,
                                         gsize              *length);
/* Atomic: the file is either the old one or the new one, never half-written. */
gboolean      bud_json_write_file       (BudDocument        *doc,
                                         const char         *path,
                                         GError            **error);

G_END_DECLS
