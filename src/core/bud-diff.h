/* bud-diff.h — what changed between two drafts of a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Compares two documents of the same origin (a snapshot and the current
 * state, or two files exported from one another): rows are matched by id,
 * fields compared one by one; the derived tables are compared cell by cell by
 * (table id, row key, column id) — money cells only, labels follow from the
 * fields; and the narrative sections by id. The review's own records
 * (comments, snapshots, status history and the status) are not part of a
 * draft and are left out.
 */
#pragma once

#include <glib.h>

#include "bud-document.h"
#include "bud-template.h"

G_BEGIN_DECLS

typedef enum {
  BUD_DIFF_ADDED,
  BUD_DIFF_REMOVED,
  BUD_DIFF_CHANGED,
} BudDiffType;

typedef struct {
  BudDiffType  type;
  BudKind      kind;
  gint64       id;
  const char  *field;       /* CHANGED: the field's name (static); NULL for a row added/removed */
  char        *where;       /* "Expenditure line 12 (2010350 × 30101) · Amount" */
  char        *old_value;   /* as shown: money "1,234.00 元", choices by spelling; NULL when added */
  char        *new_value;   /* NULL when removed */
} BudDiffField;

typedef struct {
  char      *table_id;      /* template id, e.g. "summary" */
  guint      number;        /* 表N */
  char      *table_title;
  char      *row_key;       /* the row's key in the column's block ("201", "total", …) */
  char      *row_label;     /* its code and name cells, e.g. "201 一般公共服务支出" */
  char      *column_id;
  char      *column_label;  /* the header text above the column */
  gboolean   old_present;   /* FALSE: the row is new */
  gboolean   new_present;   /* FALSE: the row is gone */
  gint64     old_amount;    /* 分 */
  gint64     new_amount;
} BudDiffCell;

typedef struct {
  char  *id;                /* narrative section id, "1.1", "3.5", … */
  char  *title;
  char  *old_body;          /* NULL: the section is new */
  char  *new_body;          /* NULL: the section is gone */
} BudDiffSection;

typedef struct {
  GPtrArray *fields;        /* BudDiffField *, kind order, then document order */
  GPtrArray *cells;         /* BudDiffCell *, table order, then row and column order */
  GPtrArray *sections;      /* BudDiffSection *, print order */
} BudDiff;

/* @tpl NULL: each document's own template. Fails only when tables or the
 * narrative cannot be derived (e.g. an unknown template). */
BudDiff   *bud_diff_documents  (BudDocument  *old_doc,
                                BudDocument  *new_doc,
                                BudTemplate  *tpl,
                                GError      **error);
gboolean   bud_diff_is_empty   (BudDiff      *diff);
void       bud_diff_free       (BudDiff      *diff);

/* Renderings: plain text for a terminal; JSON ({"equal", "fields": [{change,
 * kind, id, field, where, old, new}], "cells": [{table, number, row, row_label,
 * column, column_label, old, new}] with amounts as 元 strings and null for a
 * missing row, "sections": [{id, title, old, new}]}); HTML: a whole page, or
 * its sections only (headings <h@heading_level>) for a larger report. */
char      *bud_diff_to_text    (BudDiff      *diff);
char      *bud_diff_to_json    (BudDiff      *diff);
char      *bud_diff_to_html    (BudDiff      *diff,
                                const char   *title);
void       bud_diff_append_html (BudDiff     *diff,
                                 GString     *out,
                                 int          heading_level);

/* A money cell change as printed: "1,234.56 元" */
char      *bud_diff_format_money (gint64      fen);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudDiff, bud_diff_free)

G_END_DECLS
