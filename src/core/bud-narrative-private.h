/* bud-narrative-private.h — what the narrative's part files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The builder holds the derived tables and the check engine's figures, built
 * once, so every section quotes the same numbers the tables print and the
 * checks compare. Each section also records the figures it quotes: their
 * fingerprint tells whether a user's override was written against other
 * figures than today's.
 */
#pragma once

#include "bud-check-private.h"
#include "bud-narrative.h"
#include "bud-table.h"

G_BEGIN_DECLS

typedef struct {
  BudDocument      *doc;
  BudTemplate      *tpl;
  const char       *dept;
  gint64            year;
  gboolean          admin;          /* primary unit is 行政 or 参公: 机关运行经费 */

  GPtrArray        *tables;         /* BudTable *, template order */
  BudCheckFigures   fig;
  GHashTable       *comparatives;   /* measure → BudComparative * */
  GHashTable       *texts;          /* key → BudText * */

  GPtrArray        *sections;       /* BudNarrativeSection *, print order */
  GPtrArray        *fingerprints;   /* char *, one per section: the figures it quotes */
  GPtrArray        *pool;           /* formatted strings, freed with the builder */

  /* the section being written */
  GString          *body;
  GString          *figures;
} BudNarrativeBuilder;

/* Sections */
void         bud_narrative_begin     (BudNarrativeBuilder *nb,
                                      BudNarrativePart     part,
                                      const char          *id,
                                      int                  level,
                                      const char          *title);
void         bud_narrative_end       (BudNarrativeBuilder *nb);
/* One paragraph of the current section; printf-style. */
void         bud_narrative_para      (BudNarrativeBuilder *nb,
                                      const char          *format,
                                      ...) G_GNUC_PRINTF (2, 3);

/* Figures as printed, recorded in the section's fingerprint; owned by the builder. */
const char  *bud_narrative_wan       (BudNarrativeBuilder *nb, gint64 fen);       /* "247.42" */
const char  *bud_narrative_wan_about (BudNarrativeBuilder *nb, gint64 fen);       /* "12" or "12.50" */
const char  *bud_narrative_percent   (BudNarrativeBuilder *nb, gint64 part, gint64 whole);  /* "87.87" */
const char  *bud_narrative_count     (BudNarrativeBuilder *nb, gint64 n);
const char  *bud_narrative_fixed2    (BudNarrativeBuilder *nb, gint64 hundredths);
const char  *bud_narrative_take      (BudNarrativeBuilder *nb, char *string);

/* The change on last year's budget of @measure, whose figure this year is
 * @now: "比上年预算增加X万元，增长Y%，主要原因是R", "与上年预算持平", "上年未安排，本年新增预算X万元…",
 * or NULL when no last year's budget is given. No final punctuation. */
const char  *bud_narrative_change    (BudNarrativeBuilder *nb,
                                      const char          *measure,
                                      gint64               now);
/* This year's figure of a comparative measure, as the checks define it. */
gint64       bud_narrative_measure   (BudNarrativeBuilder *nb,
                                      const char          *measure);
const char  *bud_narrative_text      (BudNarrativeBuilder *nb,
                                      const char          *key);   /* NULL when absent or blank */

/* Tables by template id ("summary", "general" …), or NULL. */
BudTable    *bud_narrative_table     (BudNarrativeBuilder *nb,
                                      const char          *id);
gint64       bud_narrative_cell      (BudTable            *table,
                                      const char          *row_key,
                                      const char          *column_id);
gint64       bud_narrative_total     (BudTable            *table,
                                      const char          *column_id);
const char  *bud_narrative_row_label (BudTable            *table,
                                      BudTableRow         *row,
                                      guint                block);
gint64       bud_narrative_row_amount (BudTable           *table,
                                      BudTableRow         *row,
                                      const char          *column_id);

/* 一, 十二, 一百零五 …: the numbering of sections and items */
char        *bud_narrative_chinese_number (guint n);
/* "本单位2026年…" opening shared by several sections: the department and the year */
const char  *bud_narrative_dept_year (BudNarrativeBuilder *nb);

/* The part files */
void         bud_narrative_build_part3 (BudNarrativeBuilder *nb);   /* 一 … 十二 */
void         bud_narrative_build_other (BudNarrativeBuilder *nb);   /* 十三 */

G_END_DECLS
