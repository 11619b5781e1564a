/* bud-export-pdf-private.h — what the PDF writer's files share: shaped text, table plans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bud-export-pdf.c flows the package onto pages and draws it;
 * bud-export-pdf-text.c shapes text once per export and keeps the layouts;
 * bud-export-pdf-plan.c measures a grid (column widths, row heights, the
 * groups of rows a merged cell binds, portrait or landscape) without drawing.
 */
#pragma once

#include <pango/pangocairo.h>

#include "bud-export-private.h"

G_BEGIN_DECLS

#define A4_SHORT          595.276
#define A4_LONG           841.890
#define FONT_FAMILY       "Noto Sans CJK SC"

#define BODY_SIZE         11.0
#define TABLE_SIZE        9.0
#define MIN_TABLE_SIZE    7.5
#define CELL_PAD_X        3.0
#define CELL_PAD_Y        2.0
#define LINE_SPACING      1.6   /* body text, as a factor of the font's line height */
#define MAX_SHAPED        32768 /* cached layouts, about 1 kB each; the 20,000-line department needs 18,000 */

/* ---- shaped text ---- */

typedef struct _BudPdfShaper BudPdfShaper;

typedef struct {
  char             *text;
  int               size;      /* Pango units */
  int               width;     /* Pango units; -1: one line */
  guint8            bold;
  guint8            align;     /* PangoAlignment */
  guint             hash;
  PangoLayout      *layout;
  PangoLayoutLine  *line;      /* the only line, when unwrapped: drawn without a layout iterator */
  double            baseline;
  double            w, h;      /* its size in points */
} BudPdfShaped;

BudPdfShaper       *bud_pdf_shaper_new        (PangoContext   *context);
void                bud_pdf_shaper_free       (BudPdfShaper   *self);
/* A new layout with the writer's settings; the caller owns it. */
PangoLayout        *bud_pdf_shaper_new_layout (BudPdfShaper   *self,
                                               const char     *text,
                                               double          size,
                                               gboolean        bold,
                                               double          width,
                                               PangoAlignment  align);
/* @text shaped (@width ≤ 0: on one line), shared: owned by @self, never to be changed. */
const BudPdfShaped *bud_pdf_shaper_shape      (BudPdfShaper   *self,
                                               const char     *text,
                                               double          size,
                                               gboolean        bold,
                                               double          width,
                                               PangoAlignment  align);
/* Empties the cache when it holds more than MAX_SHAPED layouts: only where no
 * caller holds a shaped text. */
void                bud_pdf_shaper_trim       (BudPdfShaper   *self);
/* Draws @t with its top left corner at (@x, @y). */
void                bud_pdf_shaped_show       (const BudPdfShaped *t,
                                               cairo_t        *cr,
                                               double          x,
                                               double          y);

/* ---- table plans ---- */

typedef struct {
  gboolean   landscape;
  double     size;          /* font size of the cells */
  double     scale;         /* size / TABLE_SIZE */
  double    *col_w;         /* n_columns */
  double    *row_h;         /* n_rows */
  guint     *group_end;     /* n_rows: last row of the group that starts at a row */
  guint     *row_first;     /* n_rows + 1: index of the first cell starting at or after a row */
  double    *cell_w1;       /* per cell (grid->cells order): single-line text width at TABLE_SIZE */
  double     width;         /* Σ col_w */
  double     line_h;        /* height of one line of cell text */
} BudPdfPlan;

/* Measures @grid; @allow_landscape: the table may take a landscape page. */
BudPdfPlan         *bud_pdf_plan_new          (BudPdfShaper   *shaper,
                                               BudGrid        *grid,
                                               gboolean        allow_landscape);
void                bud_pdf_plan_free         (gpointer        plan);
double              bud_pdf_plan_rows_height  (BudPdfPlan     *self,
                                               guint           first,
                                               guint           last);
double              bud_pdf_plan_cell_width   (BudPdfPlan     *self,
                                               BudGridCell    *cell);
PangoAlignment      bud_pdf_cell_align        (BudGridCell    *cell);

G_END_DECLS
