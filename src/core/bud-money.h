/* bud-money.h — amounts as integer 分 (fen): strict parsing, formatting, percentages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BUD_MONEY_ERROR (bud_money_error_quark ())

typedef enum {
  BUD_MONEY_ERROR_EMPTY,
  BUD_MONEY_ERROR_INVALID,
  BUD_MONEY_ERROR_PRECISION,
  BUD_MONEY_ERROR_GROUPING,
  BUD_MONEY_ERROR_OVERFLOW,
} BudMoneyError;

/* The unit a text is read in or written to. Storage is always 分. */
typedef enum {
  BUD_MONEY_YUAN,   /* 元, at most 2 decimals */
  BUD_MONEY_WAN,    /* 万元, at most 6 decimals when parsing */
} BudMoneyUnit;

typedef enum {
  BUD_MONEY_FORMAT_DEFAULT  = 0,
  BUD_MONEY_FORMAT_GROUPING = 1 << 0,  /* 1,234.56 */
  BUD_MONEY_FORMAT_BLANK_ZERO = 1 << 1, /* zero prints as "" (disclosure tables) */
} BudMoneyFormatFlags;

/* Largest magnitude we accept: 10^15 分 = 10 trillion 元, far above any budget,
 * and small enough that sums of millions of lines and ×10000 percentages stay in range. */
#define BUD_MONEY_MAX G_GINT64_CONSTANT (1000000000000000)

GQuark   bud_money_error_quark   (void);

gboolean bud_money_parse         (const char    *text,
                                  BudMoneyUnit   unit,
                                  gint64        *out_fen,
                                  GError       **error);
char    *bud_money_format        (gint64               fen,
                                  BudMoneyUnit         unit,
                                  BudMoneyFormatFlags  flags);
gint64   bud_money_round         (gint64        fen,
                                  BudMoneyUnit  unit);
char    *bud_percent_format      (gint64        part,
                                  gint64        whole);
gint64   bud_percent_hundredths  (gint64        part,
                                  gint64        whole);
gint64   bud_div_round           (gint64        num,
                                  gint64        den);

/* Generic fixed-point with 2 decimals (weights, areas): same rules as 元. */
gboolean bud_fixed2_parse        (const char    *text,
                                  gint64        *out,
                                  GError       **error);
char    *bud_fixed2_format       (gint64        value);

G_END_DECLS
