/* bud-check-private.h — what the rule files share with the check engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The engine sums the lines once per run (per source, per project, per
 * carry-over item, per 功能 项 of 一般公共预算, 三公 …) so that no rule ever
 * scans the lines for each project: the whole run stays linear in the size
 * of the document.
 */
#pragma once

#include "bud-check.h"

G_BEGIN_DECLS

typedef struct {
  gint64  total;
  gint64  fiscal;      /* of which 财政拨款 sources */
  guint   n_lines;
} BudCheckSum;

typedef enum {
  BUD_SANGONG_TOTAL,
  BUD_SANGONG_ABROAD,             /* 30212 */
  BUD_SANGONG_RECEPTION,          /* 30217 */
  BUD_SANGONG_VEHICLE,            /* purchase + operation */
  BUD_SANGONG_VEHICLE_PURCHASE,   /* 31013, 30913 */
  BUD_SANGONG_VEHICLE_OPERATION,  /* 30231 */
  BUD_SANGONG_N
} BudSangong;

/* The 经济 款 of a 三公 item (NULL-terminated); NULL for the sums (total, vehicle). */
const char * const *bud_check_sangong_codes (BudSangong item);
#define BUD_CHECK_ENTRUSTED_CODE "30227"   /* 委托业务费 */

/* What a classification code means to the rules, worked out once per
 * distinct code and run, then shared by every line using it. */
typedef struct {
  guint        key;             /* bud_check_code_key () */
  const char  *code;            /* borrowed from the first line using it */
  BudScheme    scheme;
  gboolean     level_ok;        /* 7-digit 功能 项, 5-digit 经济 款 */
  gboolean     known;           /* in the catalog or the document's own codes (TRUE without catalog) */
  const char  *pair;            /* the usual twin: 功能 项(s) of an 经济 款 or the 款 of a 项, or NULL */
  const char  *pair2;           /* a second allowed 功能 项 (30110), or NULL */
  int          sangong;         /* BudSangong item of an 经济 款, -1 for none */
  gboolean     personnel;       /* 经济 301/303: 人员经费 */
  gboolean     entrusted;       /* 经济 30227 委托业务费 */
  gint64       general;         /* 功能 项: money from 一般公共预算 */
  gboolean     has_general;
  gint64       first_line;      /* first line using it, and its position */
  guint        first_position;
  guint        n_lines;
} BudCheckCode;

/* Figures derived from the lines (and income rows) in one pass. */
typedef struct {
  gint64       by_source[BUD_N_SOURCES];
  guint        lines_of_source[BUD_N_SOURCES];
  gint64       income_by_source[BUD_N_SOURCES];
  gint64       income_total;
  BudCheckSum  all, basic, project;
  gint64       general_total, general_basic, general_project;
  gint64       sangong[BUD_SANGONG_N];
  gint64       entrusted;   /* 30227 委托业务费, 财政拨款 */
  gint64       running;     /* 公用经费 of 财政拨款 basic lines */

  /* per project / carry-over item, indexed by the item's position */
  GHashTable  *project_index;    /* gint64* id → GUINT_TO_POINTER (position + 1) */
  BudCheckSum *projects;
  GHashTable  *carry_index;
  BudCheckSum *carryovers;

  /* every distinct code, in first-seen order, and each line's two codes */
  GHashTable  *code_index;   /* GUINT_TO_POINTER (bud_check_code_key ()) → BudCheckCode* */
  GPtrArray   *codes;        /* BudCheckCode*, owned */
  BudCheckCode *code_cache[1024];  /* direct-mapped in front of code_index */
  BudCheckCode **line_func;  /* by line position; NULL for a malformed code */
  BudCheckCode **line_econ;
  gint64      *line_amount;  /* by line position: the amount summed, for bud_check_figures_update_amount */
} BudCheckFigures;

/* Verdicts kept between runs on one document (bud-check-cache.c), for the
 * rules that judge each item on its own fields. dirty/all_dirty say which
 * items changed since the last run; bud_check_run settles them at its end. */
typedef struct {
  BudDocument *doc;
  gulong       handler;
  GArray      *dirty[BUD_N_KINDS];       /* gint64 ids, maybe repeated */
  gboolean     all_dirty[BUD_N_KINDS];   /* never judged, reloaded, or too many to list */
  GHashTable  *text_hits[BUD_N_KINDS];   /* text.placeholder: id → its hits (value starts with the id) */
  GHashTable  *bad_values;               /* perf.value: id → BudCheckItemRef of indicators with a finding */
  /* the sums of the last run, brought up to date by the amount changes of
   * lines; any other change to what they are made of makes them invalid */
  BudCheckFigures  fig;
  gboolean         fig_valid;
  BudCatalog      *fig_catalog;
  GArray          *amount_dirty;         /* ids of lines whose amount changed */
} BudCheckCache;

/* An item a cached verdict is about, with where it was last seen in its list. */
typedef struct {
  gint64  id;
  guint   position;
} BudCheckItemRef;

typedef struct {
  BudDocument            *doc;
  const BudCheckContext  *ctx;
  BudCheckFigures        *fig;
  BudCheckCache          *cache;
  GPtrArray              *findings;
  GPtrArray              *strings;   /* formatted figures, freed with the run */
  guint                   seq;
} BudCheckRun;

BudCheckCache *bud_check_cache_get      (BudDocument *doc);
void           bud_check_cache_settle   (BudCheckCache *cache);
/* The run's figures: the last run's, updated, or summed anew */
BudCheckFigures *bud_check_cache_figures (BudCheckCache *cache, BudCatalog *catalog);
/* @entity's index in @items, trying *@hint first and updating it; -1 if absent */
gint           bud_check_cache_position (GPtrArray *items, gconstpointer entity, guint *hint);

/* Sums */
void         bud_check_figures_init   (BudCheckFigures *fig, BudDocument *doc, BudCatalog *catalog);
void         bud_check_figures_clear  (BudCheckFigures *fig);
/* Folds a change of @line's amount into @fig; FALSE if the line is not in @lines. */
gboolean     bud_check_figures_update_amount (BudCheckFigures *fig, GPtrArray *lines,
                                              const BudLine *line, guint *hint);
BudCheckSum *bud_check_project_sum    (BudCheckFigures *fig, gint64 project);
BudCheckSum *bud_check_carryover_sum  (BudCheckFigures *fig, gint64 carryover);
gboolean     bud_check_figures_measure (BudCheckFigures *fig, const char *measure, gint64 *out);
guint        bud_check_code_key       (BudScheme scheme, const char *code);   /* 0 unless 1–7 digits */

/* The usual 经济 ↔ 功能 pairs (bud-rules-lines.c) */
gboolean     bud_check_pair_of_econ   (const char *econ, const char **func, const char **func2);
const char  *bud_check_pair_of_func   (const char *func);

/* Emission. @position is the object's index in its list (-1: missing object,
 * or unknown: pass -2 to have it looked up). @format is already translated. */
void         bud_check_emit           (BudCheckRun *run,
                                       const char  *rule,
                                       BudKind      kind,
                                       gint64       id,
                                       gint         position,
                                       const char  *field,
                                       const char  *format,
                                       ...) G_GNUC_PRINTF (7, 8);

/* Figures for messages, owned by the run: "247.42 万元". diff adds the exact
 * 元 amount when 2 decimals of 万元 would hide it (a 3.50 元 gap is not 0.00). */
const char  *bud_check_wan            (BudCheckRun *run, gint64 fen);
const char  *bud_check_diff           (BudCheckRun *run, gint64 fen);
const char  *bud_check_fixed2         (BudCheckRun *run, gint64 hundredths);
const char  *bud_check_take           (BudCheckRun *run, char *string);
const char  *bud_check_project_name   (BudCheckRun *run, gint64 project);
const char  *bud_check_target_name    (BudCheckRun *run, const BudTarget *target);
const char  *bud_check_line_label     (BudCheckRun *run, const BudLine *line);

/* &entity->id → GUINT_TO_POINTER (position + 1), for the items of one kind */
GHashTable  *bud_check_index_items    (GPtrArray *items);
gboolean     bud_check_text_blank     (const char *text);

/* Rule groups, in the order they run */
void bud_rules_balance     (BudCheckRun *run);
void bud_rules_lines       (BudCheckRun *run);
void bud_rules_carryovers  (BudCheckRun *run);
void bud_rules_projects    (BudCheckRun *run);
void bud_rules_perf        (BudCheckRun *run);
void bud_rules_procurement (BudCheckRun *run);
void bud_rules_sangong     (BudCheckRun *run);
void bud_rules_comparison  (BudCheckRun *run);
void bud_rules_texts       (BudCheckRun *run);
void bud_rules_meta        (BudCheckRun *run);
void bud_rules_narrative   (BudCheckRun *run);   /* bud-rules-narrative.c */

G_END_DECLS
