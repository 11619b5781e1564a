/* test-money.c — strict parsing and exact formatting of amounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>

#include "bud-money.h"

static void
assert_parses (const char *text, BudMoneyUnit unit, gint64 expected)
{
  g_autoptr(GError) error = NULL;
  gint64 v = -42;

  g_assert_true (bud_money_parse (text, unit, &v, &error));
  g_assert_no_error (error);
  g_assert_cmpint (v, ==, expected);
}

static void
assert_refused (const char *text, BudMoneyUnit unit, BudMoneyError code)
{
  g_autoptr(GError) error = NULL;
  gint64 v = -42;

  g_assert_false (bud_money_parse (text, unit, &v, &error));
  g_assert_error (error, BUD_MONEY_ERROR, (gint) code);
  g_assert_cmpint (v, ==, -42);   /* output untouched on failure */
  g_assert_nonnull (error->message);
}

static void
test_parse_plain (void)
{
  assert_parses ("0", BUD_MONEY_YUAN, 0);
  assert_parses ("1234.5", BUD_MONEY_YUAN, 123450);
  assert_parses ("1234.56", BUD_MONEY_YUAN, 123456);
  assert_parses (".5", BUD_MONEY_YUAN, 50);
  assert_parses ("7.", BUD_MONEY_YUAN, 700);
  assert_parses ("  12.30 ", BUD_MONEY_YUAN, 1230);
  assert_parses ("+3", BUD_MONEY_YUAN, 300);
}

static void
test_parse_grouping (void)
{
  assert_parses ("1,234.56", BUD_MONEY_YUAN, 123456);
  assert_parses ("12,345,678", BUD_MONEY_YUAN, 1234567800);
  assert_refused ("1,23", BUD_MONEY_YUAN, BUD_MONEY_ERROR_GROUPING);
  assert_refused ("12,3456", BUD_MONEY_YUAN, BUD_MONEY_ERROR_GROUPING);
  assert_refused ("1234,567", BUD_MONEY_YUAN, BUD_MONEY_ERROR_GROUPING);
  assert_refused (",123", BUD_MONEY_YUAN, BUD_MONEY_ERROR_GROUPING);
  assert_refused ("1,234,5.00", BUD_MONEY_YUAN, BUD_MONEY_ERROR_GROUPING);
}

static void
test_parse_full_width (void)
{
  assert_parses ("１２３．４５", BUD_MONEY_YUAN, 12345);
  assert_parses ("１，２３４", BUD_MONEY_YUAN, 123400);
  assert_parses ("\u3000８\u3000", BUD_MONEY_YUAN, 800);
  assert_parses ("－５", BUD_MONEY_YUAN, -500);
}

static void
test_parse_precision (void)
{
  /* three decimals might be a European thousands separator: refuse, never round */
  assert_refused ("1.234", BUD_MONEY_YUAN, BUD_MONEY_ERROR_PRECISION);
  assert_refused ("0.001", BUD_MONEY_YUAN, BUD_MONEY_ERROR_PRECISION);
  assert_parses ("247.4215", BUD_MONEY_WAN, 247421500);
  assert_parses ("0.000001", BUD_MONEY_WAN, 1);
  assert_refused ("0.0000001", BUD_MONEY_WAN, BUD_MONEY_ERROR_PRECISION);
}

static void
test_parse_invalid (void)
{
  assert_refused ("", BUD_MONEY_YUAN, BUD_MONEY_ERROR_EMPTY);
  assert_refused ("   ", BUD_MONEY_YUAN, BUD_MONEY_ERROR_EMPTY);
  assert_refused ("12a", BUD_MONEY_YUAN, BUD_MONEY_ERROR_INVALID);
  assert_refused ("1 000", BUD_MONEY_YUAN, BUD_MONEY_ERROR_INVALID);
  assert_refused ("1.2.3", BUD_MONEY_YUAN, BUD_MONEY_ERROR_INVALID);
  assert_refused ("-", BUD_MONEY_YUAN, BUD_MONEY_ERROR_INVALID);
  assert_refused (".", BUD_MONEY_YUAN, BUD_MONEY_ERROR_INVALID);
  assert_refused ("--5", BUD_MONEY_YUAN, BUD_MONEY_ERROR_INVALID);
  assert_refused ("1e5", BUD_MONEY_YUAN, BUD_MONEY_ERROR_INVALID);
  assert_refused ("五", BUD_MONEY_YUAN, BUD_MONEY_ERROR_INVALID);
}

static void
test_parse_negative (void)
{
  assert_parses ("-12.5", BUD_MONEY_YUAN, -1250);
  assert_parses ("-0.01", BUD_MONEY_YUAN, -1);
  assert_parses ("−3", BUD_MONEY_YUAN, -300);   /* U+2212 minus sign */
}

static void
test_parse_overflow (void)
{
  /* the largest accepted is BUD_MONEY_MAX 分 */
  assert_parses ("10000000000000", BUD_MONEY_YUAN, BUD_MONEY_MAX);
  assert_refused ("10000000000000.01", BUD_MONEY_YUAN, BUD_MONEY_ERROR_OVERFLOW);
  assert_refused ("99999999999999999999999", BUD_MONEY_YUAN, BUD_MONEY_ERROR_OVERFLOW);
  assert_refused ("-10000000000001", BUD_MONEY_YUAN, BUD_MONEY_ERROR_OVERFLOW);
  assert_refused ("1000000000.000001", BUD_MONEY_WAN, BUD_MONEY_ERROR_OVERFLOW);
}

static void
test_format (void)
{
  struct { gint64 fen; BudMoneyUnit unit; BudMoneyFormatFlags flags; const char *want; } cases[] = {
    { 0, BUD_MONEY_YUAN, 0, "0.00" },
    { 0, BUD_MONEY_WAN, BUD_MONEY_FORMAT_BLANK_ZERO, "" },
    { 123456, BUD_MONEY_YUAN, 0, "1234.56" },
    { 123456789, BUD_MONEY_YUAN, BUD_MONEY_FORMAT_GROUPING, "1,234,567.89" },
    { -123456789, BUD_MONEY_YUAN, BUD_MONEY_FORMAT_GROUPING, "-1,234,567.89" },
    /* 万元: 1 万元 = 1,000,000 分; rounding half away from zero, once */
    { 247422000, BUD_MONEY_WAN, 0, "247.42" },
    { 1527120000 / 10, BUD_MONEY_WAN, 0, "152.71" },
    { 5000, BUD_MONEY_WAN, 0, "0.01" },
    { 4999, BUD_MONEY_WAN, 0, "0.00" },
    { -5000, BUD_MONEY_WAN, 0, "-0.01" },
    { -4999, BUD_MONEY_WAN, BUD_MONEY_FORMAT_BLANK_ZERO, "" },
    { 1, BUD_MONEY_WAN, BUD_MONEY_FORMAT_BLANK_ZERO, "" },
    { BUD_MONEY_MAX, BUD_MONEY_YUAN, BUD_MONEY_FORMAT_GROUPING, "10,000,000,000,000.00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *s = bud_money_format (cases[i].fen, cases[i].unit, cases[i].flags);
      g_assert_cmpstr (s, ==, cases[i].want);
    }
}

static void
test_round_trip (void)
{
  const gint64 values[] = { 0, 1, 99, 100, 123456, -98765, BUD_MONEY_MAX, -BUD_MONEY_MAX };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *s = bud_money_format (values[i], BUD_MONEY_YUAN, BUD_MONEY_FORMAT_GROUPING);
      gint64 back = 0;
      g_assert_true (bud_money_parse (s, BUD_MONEY_YUAN, &back, NULL));
      g_assert_cmpint (back, ==, values[i]);
    }
}

static void
test_percent (void)
{
  struct { gint64 part, whole; const char *want; } cases[] = {
    /* shares and changes from the reference seed, 2 decimals */
    { 182710000, 247420000, "73.85" },
    { 30000000, 247420000, "12.13" },
    { 123760000, 123660000, "100.08" },
    { 60000, 70000, "85.71" },
    { 1, 3, "33.33" },
    { 2, 3, "66.67" },
    { 1, 8, "12.50" },
    { -1, 8, "-12.50" },
    { 1, 80000, "0.00" },
    { 1, 20000, "0.01" },        /* 0.005% rounds away from zero */
    { BUD_MONEY_MAX, BUD_MONEY_MAX / 2, "200.00" },   /* no overflow at the extremes */

  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *s = bud_percent_format (cases[i].part, cases[i].whole);
      g_assert_cmpstr (s, ==, cases[i].want);
    }
  g_assert_null (bud_percent_format (5, 0));
}

static void
test_div_round (void)
{
  g_assert_cmpint (bud_div_round (15, 10), ==, 2);
  g_assert_cmpint (bud_div_round (14, 10), ==, 1);
  g_assert_cmpint (bud_div_round (-15, 10), ==, -2);
  g_assert_cmpint (bud_div_round (-14, 10), ==, -1);
  g_assert_cmpint (bud_div_round (15, -10), ==, -2);
}

static void
test_fixed2 (void)
{
  gint64 v = 0;
  g_autofree char *s = NULL;

  g_assert_true (bud_fixed2_parse ("8.5", &v, NULL));
  g_assert_cmpint (v, ==, 850);
  s = bud_fixed2_format (v);
  g_assert_cmpstr (s, ==, "8.50");
  g_assert_false (bud_fixed2_parse ("8.555", &v, NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/parse/plain", test_parse_plain);
  g_test_add_func ("/money/parse/grouping", test_parse_grouping);
  g_test_add_func ("/money/parse/full-width", test_parse_full_width);
  g_test_add_func ("/money/parse/precision", test_parse_precision);
  g_test_add_func ("/money/parse/invalid", test_parse_invalid);
  g_test_add_func ("/money/parse/negative", test_parse_negative);
  g_test_add_func ("/money/parse/overflow", test_parse_overflow);
  g_test_add_func ("/money/format", test_format);
  g_test_add_func ("/money/round-trip", test_round_trip);
  g_test_add_func ("/money/percent", test_percent);
  g_test_add_func ("/money/div-round", test_div_round);
  g_test_add_func ("/money/fixed2", test_fixed2);

  return g_test_run ();
}
