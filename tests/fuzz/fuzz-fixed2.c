/* fuzz-fixed2.c — libFuzzer target for the indicator value parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The check rule perf.value reads a quantitative indicator's value with
 * bud_fixed2_parse (weights and areas use it too). Whatever the text: no
 * crash, an error exactly when refused, and an accepted value formats back
 * to a text that parses to the same number.
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "bud-money.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *shown = NULL;
  gint64 value = 0, again = 0;

  if (!bud_fixed2_parse (text, &value, &error))
    {
      g_assert (error != NULL);
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);
  shown = bud_fixed2_format (value);
  g_assert (bud_fixed2_parse (shown, &again, NULL));
  g_assert_cmpint (again, ==, value);
  return 0;
}
