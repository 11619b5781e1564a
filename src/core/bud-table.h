/* bud-table.h — one derived disclosure table, ready for any view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pivot (bud-pivot.h) fills a BudTable from a template and a document;
 * exporters (PDF, XLSX, HTML, CSV), the preview and the checks read it. The
 * fields are public and read-only for consumers. Amounts stay in 分: rounding
 * to the template's unit happens only when a figure is rendered.
 */
#pragma once

#include <glib.h>

#include "bud-money.h"

G_BEGIN_DECLS

typedef enum {
  BUD_COLUMN_CODE,     /* a part of a classification code: 类 "201", 款 "03", 项 "50" */
  BUD_COLUMN_TEXT,     /* a name: 科目名称, 项目名称, a fixed row's label */
  BUD_COLUMN_MONEY,
} BudColumnKind;

typedef enum {
  BUD_CELL_EMPTY,
  BUD_CELL_TEXT,
  BUD_CELL_MONEY,
} BudCellType;

typedef struct {
  BudCellType  type;
  char        *text;     /* BUD_CELL_TEXT, else NULL */
  gint64       amount;   /* BUD_CELL_MONEY: 分 (0 prints blank) */
} BudTableCell;

typedef enum {
  BUD_ROW_TOTAL,       /* 总计 / 收入总计 */
  BUD_ROW_LEAD,        /* a first row carrying the total, e.g. the department in 表7 */
  BUD_ROW_CLASS,       /* 类 of a classification (a subtotal of its 款) */
  BUD_ROW_SECTION,     /* 款 */
  BUD_ROW_ITEM,        /* 项 */
  BUD_ROW_PROJECT,     /* a project under its 功能分类 项 (表7) */
  BUD_ROW_ENTRY,       /* a project or carry-over item as a row of its own (表11, 表12) */
  BUD_ROW_FIXED,       /* a row of a fixed list (表1 income, 表10) */
} BudTableRowKind;

typedef struct {
  BudTableRowKind  kind;
  guint            level;    /* depth for indenting: 0 类 / top, 1 款, 2 项 … */
  char           **keys;     /* one per block: the code ("201", "30101"), "<项>#<project id>",
                              * "project:<id>", "carryover:<id>", a fixed row's id, "total",
                              * "lead", or "" where the block has no row here */
  BudTableCell    *cells;    /* n_columns */
} BudTableRow;

typedef struct {
  char  *text;
  guint  row;
  guint  col;
  guint  rowspan;
  guint  colspan;
} BudTableHeaderCell;

typedef struct {
  char              *id;             /* template id of the table, e.g. "summary" */
  guint              number;         /* 表N */
  char              *title;
  char              *department;     /* 编制部门 */
  gint64             year;
  BudMoneyUnit       money_unit;
  char              *unit_label;     /* "万元" */

  guint              n_columns;
  BudColumnKind     *column_kinds;   /* n_columns */
  char             **column_ids;     /* n_columns; money columns have the template's id, others "" */

  guint              n_blocks;       /* 2 for a side-by-side table (表1, 表4) */
  guint             *block_start;    /* first column of each block */

  guint              n_header_rows;
  GPtrArray         *header;         /* BudTableHeaderCell *, by row then column */

  GPtrArray         *rows;           /* BudTableRow *, the body including the total row */

  gboolean           empty;          /* no money at all */
  char              *empty_statement;/* filled in; NULL when the table is not empty */

  /*< private >*/
  gint               ref_count;
} BudTable;

BudTable     *bud_table_new            (guint        n_columns,
                                        guint        n_blocks);
BudTable     *bud_table_ref            (BudTable    *self);
void          bud_table_unref          (BudTable    *self);

void          bud_table_add_header     (BudTable    *self,
                                        const char  *text,
                                        guint        row,
                                        guint        col,
                                        guint        rowspan,
                                        guint        colspan);
/* Appends a row of empty cells, with n_blocks empty keys. */
BudTableRow  *bud_table_append_row     (BudTable    *self,
                                        BudTableRowKind kind,
                                        guint        level);
void          bud_table_row_set_key    (BudTable    *self,
                                        BudTableRow *row,
                                        guint        block,
                                        const char  *key);
void          bud_table_cell_set_text  (BudTableCell *cell,
                                        const char   *text);
void          bud_table_cell_set_money (BudTableCell *cell,
                                        gint64        amount);

/* The block a column belongs to. */
guint         bud_table_column_block   (BudTable    *self,
                                        guint        column);
/* Column index of a money column by its id, searching all blocks; -1 if none. */
gint          bud_table_find_column    (BudTable    *self,
                                        const char  *column_id);
/* The row whose key (in the block of @column_id) is @row_key, or NULL. */
BudTableRow  *bud_table_find_row       (BudTable    *self,
                                        const char  *row_key,
                                        const char  *column_id);
/* Amount at (@row_key, @column_id); FALSE if either is unknown. For checks and tests. */
gboolean      bud_table_lookup         (BudTable    *self,
                                        const char  *row_key,
                                        const char  *column_id,
                                        gint64      *out_amount);
/* The total row (kind BUD_ROW_TOTAL), or NULL. */
BudTableRow  *bud_table_total_row      (BudTable    *self);

/* A cell as printed: money in the table's unit with 2 decimals, blank when zero. */
char         *bud_table_cell_text      (BudTable           *self,
                                        const BudTableCell *cell);

/* Renderings. TSV: "# 表N title", the header rows (a merged cell's text in its
 * top-left slot, "" in the others), the body rows, then "# statement" when empty. */
char         *bud_table_to_tsv         (BudTable    *self);
/* Aligned columns for a terminal (CJK characters count double). */
char         *bud_table_to_text        (BudTable    *self);
/* Several tables, separated by a blank line. */
char         *bud_tables_to_tsv        (GPtrArray   *tables);
char         *bud_tables_to_text       (GPtrArray   *tables);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudTable, bud_table_unref)

G_END_DECLS
