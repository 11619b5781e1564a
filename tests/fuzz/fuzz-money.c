/* fuzz-money.c — libFuzzer target for the amount parser (bud_money_parse)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte picks the unit (元 or 万元), the rest is the typed text.
 * Whatever the text: no crash, an error exactly when refused, an accepted
 * amount within ±BUD_MONEY_MAX, and for 元 its formatted form (with and
 * without grouping) parses back to the same 分.
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
  g_autofree char *text = NULL;
  BudMoneyUnit unit;
  gint64 fen = 0;

  if (size == 0)
    return 0;
  unit = (data[0] & 1) ? BUD_MONEY_WAN : BUD_MONEY_YUAN;
  text = g_strndup ((const char *) data + 1, size - 1);

  if (!bud_money_parse (text, unit, &fen, &error))
    {
      g_assert (error != NULL && error->domain == BUD_MONEY_ERROR);
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);
  g_assert (fen >= -BUD_MONEY_MAX && fen <= BUD_MONEY_MAX);

  for (int grouping = 0; grouping < 2; grouping++)
    {
      g_autofree char *shown = bud_money_format (fen, BUD_MONEY_YUAN,
                                                 grouping ? BUD_MONEY_FORMAT_GROUPING
                                                          : BUD_MONEY_FORMAT_DEFAULT);
      gint64 again = 0;

      g_assert (bud_money_parse (shown, BUD_MONEY_YUAN, &again, NULL));
      g_assert_cmpint (again, ==, fen);
    }
  return 0;
}
