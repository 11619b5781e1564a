/* bud-template.h — a disclosure template (the tables of a province and year), read from data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A template is a JSON file (data/templates/<id>.json, built into the GResource)
 * that describes each table as a pivot of the budget lines: header grid, row
 * dimension, columns as filters, total row and empty-table statement. It also
 * carries settings other parts need (money unit, expected indicator weight sum,
 * the performance indicator levels). Another province is a new file, not new C.
 * The structs below are the parsed form; they are owned by the template.
 */
#pragma once

#include <glib.h>

#include "bud-catalog.h"
#include "bud-entities.h"
#include "bud-money.h"
#include "bud-table.h"

G_BEGIN_DECLS

#define BUD_TEMPLATE_ERROR (bud_template_error_quark ())

typedef enum {
  BUD_TEMPLATE_ERROR_NOT_FOUND,  /* no built-in template of that id */
  BUD_TEMPLATE_ERROR_PARSE,      /* not JSON */
  BUD_TEMPLATE_ERROR_INVALID,    /* JSON, but a key or value is wrong; the message names table and key */
} BudTemplateError;

#define BUD_TEMPLATE_RESOURCE_DIR "/io/github/deptbudget/DeptBudget/templates"

/* What a filter adds up. */
typedef enum {
  BUD_MEASURE_LINES,    /* the amounts of budget lines */
  BUD_MEASURE_INCOME,   /* the income control numbers (BudIncome) */
} BudMeasure;

/* 人员经费 / 公用经费 of basic lines, by the 经济分类 类 in the template's personnel set. */
typedef enum {
  BUD_SPLIT_NONE,
  BUD_SPLIT_PERSONNEL,
  BUD_SPLIT_PUBLIC,
} BudSplit;

#define BUD_SOURCES_ALL ((guint32) ((1u << BUD_N_SOURCES) - 1))

typedef struct {
  BudMeasure   measure;
  guint32      sources;   /* bit (1 << BudSource); BUD_SOURCES_ALL when unrestricted */
  int          kind;      /* -1: basic and project; else BudSpendKind */
  BudSplit     split;
  char       **econ;      /* NULL: any; else the line's 经济分类 starts with one of these */
} BudFilter;

typedef enum {
  BUD_COLUMN_ROLE_CODE,      /* a part of the row's code at @level */
  BUD_COLUMN_ROLE_LABEL,     /* the row's name (and the total's label) */
  BUD_COLUMN_ROLE_PROJECT,   /* the project name of a project row */
  BUD_COLUMN_ROLE_MONEY,
} BudColumnRole;

typedef struct {
  BudColumnRole  role;
  char          *id;        /* money columns: unique in the table ("total", "basic"…); else "" */
  BudCodeLevel   level;     /* CODE */
  BudFilter      filter;    /* MONEY */
} BudColumnSpec;

typedef enum {
  BUD_DIMENSION_FIXED,        /* a list of rows, each with its own filter */
  BUD_DIMENSION_FUNCTIONAL,   /* 功能分类 类/款/项 of the lines */
  BUD_DIMENSION_ECONOMIC,     /* 经济分类 类/款 */
  BUD_DIMENSION_PROJECTS,     /* one row per project */
  BUD_DIMENSION_CARRYOVERS,   /* one row per carry-over item */
} BudDimension;

typedef struct {
  char      *id;
  char      *label;
  guint      level;
  BudFilter  filter;
} BudFixedRowSpec;

typedef struct {
  BudFilter         scope;           /* every cell of the block adds only lines matching this */
  BudColumnSpec    *columns;
  guint             n_columns;
  gint              label_column;    /* index in the block of the LABEL column, -1 if none */

  BudDimension      dimension;
  guint             levels;          /* hierarchies: bit (1 << BudCodeLevel) per level shown */
  gboolean          per_project;     /* 功能分类 项 rows split by project (表7) */
  gboolean          fill_catalog;    /* list every catalog 类 even with no money (表1, 表4) */
  gboolean          code_in_label;   /* label "201 一般公共服务支出" instead of the name */
  gboolean          hide_zero;       /* drop rows whose money cells are all zero */
  char             *unassigned;      /* PROJECTS: label of a row for lines without a project, or NULL */
  BudFixedRowSpec  *rows;            /* FIXED */
  guint             n_rows;

  char             *lead_label;      /* a first row carrying the total, or NULL; may hold {department} */
  char             *total_label;     /* NULL: no total row */
  gboolean          total_filtered;  /* TRUE: the total adds @total_filter; FALSE: the rows' lines */
  BudFilter         total_filter;
} BudBlockSpec;

typedef struct {
  guint                number;
  char                *id;
  char                *title;
  BudBlockSpec        *blocks;
  guint                n_blocks;
  guint                n_columns;        /* all blocks */
  BudTableHeaderCell  *header;
  guint                n_header;
  guint                n_header_rows;
  char                *empty_statement;  /* pattern with {department}, {year}, {title}; may be NULL */
} BudTableSpec;

/* A level of the performance indicator framework and its second-level names. */
typedef struct {
  char   *name;
  char  **children;
} BudPerfLevel;

typedef struct _BudTemplate BudTemplate;

GQuark              bud_template_error_quark      (void);

/* The built-in template @id (e.g. "xinjiang-2026") from the GResource. */
BudTemplate        *bud_template_load             (const char   *id,
                                                   GError      **error);
BudTemplate        *bud_template_new_from_file    (const char   *path,
                                                   GError      **error);
BudTemplate        *bud_template_new_from_data    (const char   *data,
                                                   gssize        length,
                                                   GError      **error);
BudTemplate        *bud_template_ref              (BudTemplate  *self);
void                bud_template_unref            (BudTemplate  *self);

const char         *bud_template_get_id           (BudTemplate  *self);
const char         *bud_template_get_name         (BudTemplate  *self);
BudMoneyUnit        bud_template_get_money_unit   (BudTemplate  *self);
const char         *bud_template_get_unit_label   (BudTemplate  *self);
/* Expected sum of the weights of a target table's indicators, in hundredths (90.00 → 9000). */
gint64              bud_template_get_indicator_weight_sum (BudTemplate *self);
/* 经济分类 类 codes counted as 人员经费 (NULL-terminated, e.g. "301", "303"). */
const char * const *bud_template_get_personnel_econ (BudTemplate *self);
/* Indicator framework for @kind "project" or "department"; NULL if the template has none. */
const BudPerfLevel *bud_template_get_performance_levels (BudTemplate *self,
                                                         const char  *kind,
                                                         guint       *n_levels);

/* The 一级 names of that framework, NULL-terminated (owned by the template). */
const char * const *bud_template_get_level1_names (BudTemplate *self,
                                                   const char  *kind);

guint               bud_template_get_n_tables     (BudTemplate  *self);
const BudTableSpec *bud_template_get_table        (BudTemplate  *self,
                                                   guint         index);
/* Index of the table numbered @number (表N), or -1. */
gint                bud_template_find_table       (BudTemplate  *self,
                                                   guint         number);

/* Whether a line with these attributes passes @filter (MEASURE_LINES filters). */
gboolean            bud_filter_match_line         (const BudFilter *filter,
                                                   BudTemplate     *tpl,
                                                   const BudLine   *line);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudTemplate, bud_template_unref)

G_END_DECLS
