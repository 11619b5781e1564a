/* fuzz-jsonio.c — libFuzzer target for the exchange-format reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not built by meson. By hand, from the repository root:
 *   CC=clang meson setup _fuzz -Db_sanitize=address,undefined && ninja -C _fuzz src/core/libbudcore.a
 *   clang -g -fsanitize=fuzzer,address,undefined -I_fuzz -Isrc/core tests/fuzz/fuzz-jsonio.c \
 *     -Wl,--whole-archive _fuzz/src/core/libbudcore.a -Wl,--no-whole-archive \
 *     $(pkg-config --cflags --libs gio-2.0 json-glib-1.0 sqlite3) -lm -o _fuzz/fuzz-jsonio
 *   _fuzz/fuzz-jsonio -max_len=65536 corpus/   (seed corpus: docs/exchange-format.md's example)
 *
 * Whatever the input, reading must not crash, must not leak, and a document
 * it accepts must write out and read back to the same bytes.
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "bud-jsonio.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDocument) doc = NULL;
  g_autoptr(BudDocument) again = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_len, second_len;

  doc = bud_json_read_data ((const char *) data, (gssize) size, &error);
  if (doc == NULL)
    {
      g_assert (error != NULL && error->domain == BUD_JSON_ERROR);
      return 0;
    }
  first = bud_json_write_data (doc, &first_len);
  again = bud_json_read_data (first, (gssize) first_len, &error);
  g_assert_no_error (error);
  second = bud_json_write_data (again, &second_len);
  g_assert (first_len == second_len && memcmp (first, second, first_len) == 0);
  return 0;
}
