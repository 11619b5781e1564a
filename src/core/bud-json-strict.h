/* bud-json-strict.h — a strict RFC 8259 check run before json-glib sees the data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to bud-jsonio.c.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Deeper than any exchange file (3 levels) and shallow enough that json-glib's
 * recursive parser cannot run out of stack. */
#define BUD_JSON_MAX_DEPTH 32

/* Checks that @data (@length bytes, NULs included) is exactly one JSON value:
 * UTF-8, RFC 8259 grammar, no duplicate keys, integers within gint64, no
 * \u0000 or lone surrogates, at most BUD_JSON_MAX_DEPTH levels. A leading
 * UTF-8 byte order mark is allowed; @out_offset (may be NULL) tells where the
 * JSON text starts after it. Errors are in BUD_JSON_ERROR. */
gboolean bud_json_strict_check (const char  *data,
                                gsize        length,
                                gsize       *out_offset,
                                GError     **error);

/* Appends ".key" or "[\"key\"]" (for keys that are not plain identifiers). */
void     bud_json_path_append_key (GString    *path,
                                   const char *key);

G_END_DECLS
