/* bud-synth.h — deterministic synthetic departments, for tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A generated document looks like a large department's budget: several
 * subordinate units, basic lines on the usual 经济分类 款 (social insurance on
 * their paired 功能 项), projects with their lines, carry-over items, income
 * 控制数 equal to what the lines spend, a target table for every project and
 * for the department, comparatives with reasons. bud_check_run finds no error
 * in it. The same size and seed always give the same document (and so the
 * same JSON, byte for byte), on every machine.
 */
#pragma once

#include <glib.h>

#include "bud-document.h"

G_BEGIN_DECLS

typedef enum {
  BUD_SYNTH_S,    /* a small department */
  BUD_SYNTH_M,
  BUD_SYNTH_L,    /* DESIGN's target: 40 units, 20,000 lines, 800 projects, 8,000 indicators */
  BUD_SYNTH_XL,   /* 5 × L */
  BUD_SYNTH_N_SIZES
} BudSynthSize;

typedef struct {
  guint units;
  guint lines;
  guint projects;
  guint indicators;   /* all target tables, the department's included */
} BudSynthCounts;

/* Exact counts a size produces. */
const BudSynthCounts *bud_synth_counts            (BudSynthSize  size);
/* "S", "M", "L", "XL" (case-insensitive) */
gboolean              bud_synth_size_from_string  (const char   *name,
                                                   BudSynthSize *out_size);
const char           *bud_synth_size_to_string    (BudSynthSize  size);

/* A new document of @size, built only from @seed; no sink attached, no undo history. */
BudDocument          *bud_synth_generate          (BudSynthSize  size,
                                                   guint32       seed);

G_END_DECLS
