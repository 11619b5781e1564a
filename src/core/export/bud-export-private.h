/* bud-export-private.h — what the export writers share: grids, the package, files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every printed table (a template table or a performance target table) is
 * turned into one BudGrid: a rectangle of slots with merged cells anywhere,
 * header or body. The writers render grids and never look at BudTable, so a
 * merge in a performance table and a merge in 表2's header take one code path.
 */
#pragma once

#include <glib.h>

#include "bud-export.h"
#include "bud-money.h"
#include "bud-narrative.h"
#include "bud-table.h"

G_BEGIN_DECLS

typedef enum {
  BUD_GRID_HEAD,    /* a column heading: centred, shaded */
  BUD_GRID_LABEL,   /* a row heading inside the body (项目名称, 一级指标): shaded */
  BUD_GRID_TEXT,    /* left-aligned text */
  BUD_GRID_CODE,    /* a part of a classification code: centred, never wrapped */
  BUD_GRID_MONEY,   /* an amount: right-aligned, never wrapped */
  BUD_GRID_NUMBER,  /* another number (weights): centred, a number in XLSX */
  BUD_GRID_PARA,    /* a long paragraph in a merged cell (年度绩效目标) */
} BudGridRole;

typedef struct {
  char        *text;       /* as printed; "" for a blank amount */
  guint        row;
  guint        col;
  guint        rowspan;
  guint        colspan;
  BudGridRole  role;
  gboolean     has_value;  /* MONEY: value is 分; NUMBER: value is hundredths */
  gint64       value;
  gboolean     strong;     /* total rows */
} BudGridCell;

typedef struct {
  gint            ref_count;
  char           *id;             /* file-name friendly: "table-1", "perf-department", "perf-project-3" */
  char           *name;           /* short and unique: "表1", "部门整体绩效目标表", "项目绩效目标-<项目>" */
  char           *label;          /* "表1", or NULL */
  char           *title;
  char           *subtitle;       /* "（2026年）", or NULL */
  char           *department_line;/* "编制部门：…", or NULL */
  char           *unit_line;      /* "单位：万元", or NULL */
  char           *statement;      /* printed after the table (empty tables), or NULL */
  char           *toc_text;       /* its line in 目录 when it has one, else NULL */
  BudMoneyUnit    money_unit;

  guint           n_columns;
  guint           n_rows;
  guint           head_rows;      /* leading rows that are column headings (thead) */
  guint           repeat_start;   /* rows repeated at the top of continuation pages */
  guint           repeat_count;
  BudGridRole    *column_roles;   /* n_columns: the body's kind of each column, for widths */
  GPtrArray      *cells;          /* BudGridCell *, by row then column */
  BudGridCell   **slots;          /* n_rows × n_columns after bud_grid_finish: the covering cell or NULL */
} BudGrid;

BudGrid      *bud_grid_new            (guint         n_columns);
BudGrid      *bud_grid_ref            (BudGrid      *self);
void          bud_grid_unref          (BudGrid      *self);
BudGridCell  *bud_grid_add            (BudGrid      *self,
                                       guint         row,
                                       guint         col,
                                       guint         rowspan,
                                       guint         colspan,
                                       BudGridRole   role,
                                       const char   *text);
BudGridCell  *bud_grid_add_money      (BudGrid      *self,
                                       guint         row,
                                       guint         col,
                                       guint         colspan,
                                       gint64        fen,
                                       gboolean      blank_zero);
/* Sorts the cells and fills the slot map; call once, after the last add. */
void          bud_grid_finish         (BudGrid      *self);
/* The cell covering (row, col), or NULL for an empty slot. */
static inline BudGridCell *
bud_grid_slot (BudGrid *self, guint row, guint col)
{
  return self->slots[row * self->n_columns + col];
}
/* A template table as a grid: header merges, body, statement. */
BudGrid      *bud_grid_new_from_table (BudTable     *table);
/* Rows as TSV does them (a merged cell's text in its top-left slot, "" in the
 * others): GPtrArray of GStrv, n_columns each. */
GPtrArray    *bud_grid_to_rows        (BudGrid      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudGrid, bud_grid_unref)

/* ---- the package as a flow of blocks ---- */

typedef enum {
  BUD_BLOCK_PART,        /* 第N部分 heading: a new page */
  BUD_BLOCK_HEADING,     /* a section title, level 1 (一、) or 2 ((一)) */
  BUD_BLOCK_PARAGRAPH,
  BUD_BLOCK_GRID,        /* a table, with its title lines and statement */
  BUD_BLOCK_SIGNATURE,   /* right-aligned lines: department, date */
} BudBlockKind;

typedef struct {
  BudBlockKind  kind;
  int           level;        /* HEADING: 1 or 2 */
  char         *text;         /* PART, HEADING, PARAGRAPH, SIGNATURE ("\n" between lines) */
  BudGrid      *grid;         /* GRID */
  gboolean      own_page;     /* GRID: starts a page of its own (第二部分's tables) */
  int           toc_level;    /* -1: not in 目录; 0: a part; 1: an entry under it */
  char         *toc_text;
  char         *anchor;       /* HTML id, unique */
} BudBlock;

struct _BudExportPackage {
  gint         ref_count;
  char        *title;         /* cover: "<部门><年>年部门预算公开" */
  char        *department;
  gint64       year;
  GPtrArray   *grids;         /* BudGrid *: the template's tables, then the performance tables */
  GPtrArray   *blocks;        /* BudBlock *, print order */
  gboolean     report;        /* PDF: a report, not the package: no cover, no 目录, pages numbered from 1 */
};

/* A package with no grids and no blocks yet, for a writer's other documents
 * (the review report). */
BudExportPackage *bud_export_package_new_blank (const char       *title,
                                                const char       *department,
                                                gint64            year);
/* Appends a block (not in 目录, anchor "b<N>") and returns it, owned by @self. */
BudBlock     *bud_export_package_add_block (BudExportPackage *self,
                                            BudBlockKind      kind,
                                            const char       *text);

/* Chinese numeral for 1 … 99 (一, 十二, 二十), newly allocated. */
char         *bud_export_chinese_number (guint n);

/* Writes @data to @path atomically (temporary file beside it, then rename). */
gboolean      bud_export_write_atomic   (const char  *path,
                                         const char  *data,
                                         gsize        len,
                                         GError     **error);
/* A new empty temporary file beside @path (".<name>.XXXXXX"), closed; returns its name.
 * The caller renames it over @path with bud_export_commit_temp or removes it. */
char         *bud_export_make_temp      (const char  *path,
                                         GError     **error);
gboolean      bud_export_commit_temp    (const char  *temp,
                                         const char  *path,
                                         GError     **error);

G_END_DECLS
