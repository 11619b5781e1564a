/* fuzz-jsonio.c — libFuzzer target for the exchange-format reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built by tests/fuzz/meson.build: replayed over corpus/jsonio as the test
 * fuzz-jsonio in every build, and linked with libFuzzer by build-aux/fuzz.
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
