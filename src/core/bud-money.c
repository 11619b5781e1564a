/* bud-money.c — amounts as integer 分 (fen)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Money never touches floating point. Parsing is strict because a mistyped
 * amount that is silently "fixed" is worse than one that is refused: "1.234"
 * might be a European thousands separator or a slip, so it is refused, not
 * rounded.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bud-money.h"

G_DEFINE_QUARK (bud-money-error-quark, bud_money_error)

/* Fold the full-width forms an IME produces into ASCII, so "１２３．４５" reads
 * as "123.45". Returns NULL for a character we do not accept at all. */
static char *
normalise (const char *text)
{
  GString *s = g_string_new (NULL);
  const char *p;

  for (p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF10 && c <= 0xFF19)           /* ０-９ */
        g_string_append_c (s, (char) ('0' + (c - 0xFF10)));
      else if (c == 0xFF0E || c == 0x3002)      /* ． 。 */
        g_string_append_c (s, '.');
      else if (c == 0xFF0C)                     /* ， */
        g_string_append_c (s, ',');
      else if (c == 0xFF0D || c == 0x2212)      /* － − */
        g_string_append_c (s, '-');
      else if (c == 0xFF0B)                     /* ＋ */
        g_string_append_c (s, '+');
      else if (c == 0x3000 || g_unichar_isspace (c))
        {
          /* spaces only at the ends; inside they are a typo */
          g_string_append_c (s, ' ');
        }
      else
        g_string_append_unichar (s, c);
    }

  return g_strstrip (g_string_free (s, FALSE));
}

static gboolean
parse_scaled (const char *text,
              guint       max_decimals,
              gint64      scale,
              gint64     *out,
              GError    **error)
{
  g_autofree char *norm = NULL;
  g_autofree char *valid = NULL;
  const char *p;
  gboolean negative = FALSE;
  guint64 int_part = 0;
  guint64 frac = 0;
  guint n_frac = 0;
  guint n_digits = 0;
  int group_len = -1;        /* digits since last ',' or -1 when no ',' seen */
  gboolean seen_point = FALSE;
  guint i;

  g_return_val_if_fail (out != NULL, FALSE);

  /* bytes that are not UTF-8 (a file or a command line) would make the
   * character walk below step past the end, and the message unprintable:
   * they become U+FFFD, which is then refused like any other letter */
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  if (text == NULL || (norm = normalise (text))[0] == '\0')
    {
      g_set_error (error, BUD_MONEY_ERROR, BUD_MONEY_ERROR_EMPTY,
                   _("No amount was entered"));
      return FALSE;
    }

  p = norm;
  if (*p == '-' || *p == '+')
    {
      negative = (*p == '-');
      p++;
    }

  for (; *p; p++)
    {
      if (*p >= '0' && *p <= '9')
        {
          guint d = (guint) (*p - '0');

          if (seen_point)
            {
              if (++n_frac > max_decimals)
                {
                  g_set_error (error, BUD_MONEY_ERROR, BUD_MONEY_ERROR_PRECISION,
                               _("“%s” has more than %u decimal places"), text, max_decimals);
                  return FALSE;
                }
              frac = frac * 10 + d;
            }
          else
            {
              if (int_part > (G_MAXUINT64 - 9) / 10)
                goto overflow;
              int_part = int_part * 10 + d;
              n_digits++;
              if (group_len >= 0)
                group_len++;
            }
        }
      else if (*p == ',' && !seen_point)
        {
          /* separators must split whole groups of three: "1,234" yes, "12,34" no */
          if (n_digits == 0 || (group_len >= 0 && group_len != 3) ||
              (group_len < 0 && n_digits > 3))
            goto bad_grouping;
          group_len = 0;
        }
      else if (*p == '.' && !seen_point)
        {
          if (group_len >= 0 && group_len != 3)
            goto bad_grouping;
          seen_point = TRUE;
        }
      else
        {
          g_set_error (error, BUD_MONEY_ERROR, BUD_MONEY_ERROR_INVALID,
                       _("“%s” is not an amount: unexpected “%.*s”"), text,
                       (int) (g_utf8_next_char (p) - p), p);
          return FALSE;
        }
    }

  if (group_len >= 0 && group_len != 3)
    goto bad_grouping;

  if (n_digits == 0 && n_frac == 0)
    {
      g_set_error (error, BUD_MONEY_ERROR, BUD_MONEY_ERROR_INVALID,
                   _("“%s” is not an amount: it has no digits"), text);
      return FALSE;
    }

  for (i = n_frac; i < max_decimals; i++)
    frac *= 10;

  /* value = int_part * scale + frac, checked against the documented maximum */
  if (int_part > (guint64) BUD_MONEY_MAX / (guint64) scale)
    goto overflow;
  {
    guint64 v = int_part * (guint64) scale + frac;
    if (v > (guint64) BUD_MONEY_MAX)
      goto overflow;
    *out = negative ? -(gint64) v : (gint64) v;
  }
  return TRUE;

bad_grouping:
  g_set_error (error, BUD_MONEY_ERROR, BUD_MONEY_ERROR_GROUPING,
               _("“%s” has misplaced thousands separators (write 1,234.56 or 1234.56)"), text);
  return FALSE;

overflow:
  g_set_error (error, BUD_MONEY_ERROR, BUD_MONEY_ERROR_OVERFLOW,
               _("“%s” is too large to be an amount"), text);
  return FALSE;
}

gboolean
bud_money_parse (const char    *text,
                 BudMoneyUnit   unit,
                 gint64        *out_fen,
                 GError       **error)
{
  /* 1 元 = 100 分; 1 万元 = 1,000,000 分, so 万元 may carry 6 decimals */
  if (unit == BUD_MONEY_WAN)
    return parse_scaled (text, 6, 1000000, out_fen, error);
  return parse_scaled (text, 2, 100, out_fen, error);
}

gboolean
bud_fixed2_parse (const char  *text,
                  gint64      *out,
                  GError     **error)
{
  return parse_scaled (text, 2, 100, out, error);
}

/* The one rounding rule: num/den, half away from zero, on 128 bits so that
 * products like BUD_MONEY_MAX × 10000 stay exact. */
static __int128
div_round_128 (__int128 num,
               __int128 den)
{
  __int128 q, r;

  if (den < 0)
    {
      num = -num;
      den = -den;
    }
  q = num / den;
  r = num % den;
  if (r < 0)
    r = -r;
  if (2 * r >= den)
    q += (num < 0) ? -1 : 1;
  return q;
}

/* Integer division rounding half away from zero. */
gint64
bud_div_round (gint64 num,
               gint64 den)
{
  g_return_val_if_fail (den != 0, 0);
  return (gint64) div_round_128 (num, den);
}

/* Hundredths of the display unit, rounded once, half away from zero. */
gint64
bud_money_round (gint64       fen,
                 BudMoneyUnit unit)
{
  return unit == BUD_MONEY_WAN ? bud_div_round (fen, 10000) : fen;
}

static char *
format_hundredths (gint64   v,
                   gboolean grouping)
{
  GString *s = g_string_new (NULL);
  guint64 a = v < 0 ? (guint64) (-(v + 1)) + 1 : (guint64) v;
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, a / 100);
  gsize n = strlen (digits);
  gsize i;

  if (v < 0)
    g_string_append_c (s, '-');
  for (i = 0; i < n; i++)
    {
      if (grouping && i > 0 && (n - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, digits[i]);
    }
  g_string_append_printf (s, ".%02u", (guint) (a % 100));
  return g_string_free (s, FALSE);
}

char *
bud_money_format (gint64              fen,
                  BudMoneyUnit        unit,
                  BudMoneyFormatFlags flags)
{
  gint64 h = bud_money_round (fen, unit);

  if (h == 0 && (flags & BUD_MONEY_FORMAT_BLANK_ZERO))
    return g_strdup ("");
  return format_hundredths (h, (flags & BUD_MONEY_FORMAT_GROUPING) != 0);
}

char *
bud_fixed2_format (gint64 value)
{
  return format_hundredths (value, FALSE);
}

/* part/whole as hundredths of a percent, exact: 12.345% → 1235 (half away from zero).
 * The 128-bit product keeps BUD_MONEY_MAX × 10000 exact. */
gint64
bud_percent_hundredths (gint64 part,
                        gint64 whole)
{
  __int128 q;

  g_return_val_if_fail (whole != 0, 0);
  q = div_round_128 ((__int128) part * 10000, whole);
  /* a share of more than 10^14 % is not a figure anyone prints: saturate */
  if (q > G_MAXINT64 || q < -G_MAXINT64)
    return q > 0 ? G_MAXINT64 : -G_MAXINT64;
  return (gint64) q;
}

char *
bud_percent_format (gint64 part,
                    gint64 whole)
{
  if (whole == 0)
    return NULL;
  return format_hundredths (bud_percent_hundredths (part, whole), FALSE);
}
