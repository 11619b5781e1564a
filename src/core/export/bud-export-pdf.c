/* bud-export-pdf.c — the package as an A4 PDF with cairo and pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two passes over the same flow of blocks: the first only lays out and counts
 * pages (so 目录 can print real page numbers), the second draws. Layout
 * decisions depend only on measurements, which are identical in both passes,
 * so the pages come out the same. Page numbers start at 第一部分; the cover
 * and 目录 are not numbered.
 *
 * Tables are measured by bud-export-pdf-plan.c. Rows bound together by a
 * merged cell never split across pages, and the heading rows are repeated on
 * every continuation page.
 *
 * Speed (issue 11): each text is shaped once per export and its layout kept
 * for measuring and drawing (bud-export-pdf-text.c); paragraphs are broken
 * into lines once for both passes; the rows of a table on a page are drawn
 * with one fill, one stroke and one run of text, since cairo's cost is per
 * operation.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>

#include "bud-export-pdf-private.h"

typedef struct {
  BudExportPackage      *pkg;
  cairo_surface_t       *surface;
  cairo_t               *cr;
  PangoContext          *pango;
  BudPdfShaper          *shaper;
  GPtrArray             *paragraphs;   /* per block: its flowing text's layout, from pass 1 to pass 2 */
  gboolean               drawing;

  /* the current page */
  gboolean               page_open;
  gboolean               landscape;
  double                 page_w, page_h;
  double                 left, right, top, bottom;   /* content box edges, from the page's origin */
  double                 y;
  gboolean               fresh;        /* nothing but a part heading on this page yet */
  guint                  page;         /* physical page, 1-based */
  guint                  front_pages;  /* cover + 目录: not numbered */

  guint                 *block_page;   /* per block: physical page where it starts */
  GHashTable            *plans;        /* BudGrid * → BudPdfPlan * */
  GArray                *outline;      /* pass 2: outline parent ids */
} Pdf;

/* ---- text ---- */

static void
unref_layout (gpointer layout)
{
  if (layout)
    g_object_unref (layout);
}

static const BudPdfShaped *
shape (Pdf            *pdf,
       const char     *text,
       double          size,
       gboolean        bold,
       double          width,
       PangoAlignment  align)
{
  return bud_pdf_shaper_shape (pdf->shaper, text, size, bold, width, align);
}

static void
show (Pdf         *pdf,
      PangoLayout *l,
      double       x,
      double       y)
{
  if (!pdf->drawing)
    return;
  cairo_move_to (pdf->cr, x, y);
  pango_cairo_show_layout (pdf->cr, l);
}

static void
show_shaped (Pdf                *pdf,
             const BudPdfShaped *t,
             double              x,
             double              y)
{
  if (pdf->drawing)
    bud_pdf_shaped_show (t, pdf->cr, x, y);
}

/* ---- pages ---- */

static void
finish_page (Pdf *pdf)
{
  if (!pdf->page_open)
    return;
  if (pdf->drawing && pdf->page > pdf->front_pages)
    {
      g_autofree char *number = g_strdup_printf ("- %u -", pdf->page - pdf->front_pages);
      const BudPdfShaped *t = shape (pdf, number, 9, FALSE, -1, PANGO_ALIGN_LEFT);

      show_shaped (pdf, t, (pdf->page_w - t->w) / 2, pdf->page_h - pdf->bottom / 2 - t->h / 2);
    }
  if (pdf->drawing)
    cairo_show_page (pdf->cr);
  pdf->page_open = FALSE;
}

static void
new_page (Pdf      *pdf,
          gboolean  landscape)
{
  finish_page (pdf);
  pdf->landscape = landscape;
  pdf->page_w = landscape ? A4_LONG : A4_SHORT;
  pdf->page_h = landscape ? A4_SHORT : A4_LONG;
  pdf->left = pdf->right = landscape ? 40 : 56;
  pdf->top = landscape ? 44 : 64;
  pdf->bottom = landscape ? 44 : 64;
  if (pdf->drawing)
    cairo_pdf_surface_set_size (pdf->surface, pdf->page_w, pdf->page_h);
  pdf->page++;
  pdf->page_open = TRUE;
  pdf->fresh = TRUE;
  pdf->y = pdf->top;
}

static double
content_width (Pdf *pdf)
{
  return pdf->page_w - pdf->left - pdf->right;
}

static double
page_bottom (Pdf *pdf)
{
  return pdf->page_h - pdf->bottom;
}

static void
ensure_space (Pdf    *pdf,
              double  height)
{
  if (!pdf->page_open)
    new_page (pdf, FALSE);
  else if (pdf->y + height > page_bottom (pdf) && !(pdf->y <= pdf->top + 0.01))
    new_page (pdf, pdf->landscape);
}

/* A paragraph that may continue on the next page, line by line. */
static void
flow_text (Pdf            *pdf,
           const char     *text,
           double          size,
           gboolean        bold,
           PangoAlignment  align,
           double          indent_chars,
           double          space_after,
           guint           block_index)
{
  PangoLayout *l = g_ptr_array_index (pdf->paragraphs, block_index);
  PangoLayoutIter *iter;
  double origin, last = 0;

  if (!pdf->page_open || pdf->landscape)
    new_page (pdf, FALSE);
  if (l == NULL)
    {
      /* a layout of its own: indent, justification and spacing are this
       * paragraph's; kept for the drawing pass, which would break the lines
       * the same way again */
      l = bud_pdf_shaper_new_layout (pdf->shaper, text, size, bold, content_width (pdf), align);
      pango_layout_set_indent (l, (int) (indent_chars * size * PANGO_SCALE));
      pango_layout_set_justify (l, align == PANGO_ALIGN_LEFT);
      pango_layout_set_line_spacing (l, LINE_SPACING);
      g_ptr_array_index (pdf->paragraphs, block_index) = l;
    }

  origin = pdf->y;
  iter = pango_layout_get_iter (l);
  do
    {
      PangoRectangle logical;
      double ly, lh, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      ly = (double) logical.y / PANGO_SCALE;
      lh = (double) logical.height / PANGO_SCALE;
      baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      if (origin + ly + lh > page_bottom (pdf) && origin + ly > pdf->top + 0.01)
        {
          new_page (pdf, FALSE);
          origin = pdf->top - ly;
        }
      if (pdf->drawing)
        {
          cairo_move_to (pdf->cr, pdf->left + (double) logical.x / PANGO_SCALE, origin + baseline);
          pango_cairo_show_layout_line (pdf->cr, pango_layout_iter_get_line_readonly (iter));
        }
      last = origin + ly + lh;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  if (pdf->drawing)
    {
      g_object_unref (l);
      g_ptr_array_index (pdf->paragraphs, block_index) = NULL;
    }

  pdf->y = last + space_after;
  pdf->fresh = FALSE;
}

/* ---- tables ---- */

/* A grid is planned once, in the counting pass, and drawn with the same plan. */
static BudPdfPlan *
plan_grid (Pdf      *pdf,
           BudGrid  *grid,
           gboolean  allow_landscape)
{
  BudPdfPlan *plan = g_hash_table_lookup (pdf->plans, grid);

  if (plan == NULL)
    {
      plan = bud_pdf_plan_new (pdf->shaper, grid, allow_landscape);
      g_hash_table_insert (pdf->plans, grid, plan);
    }
  return plan;
}

static gboolean
is_shaded (BudGridCell *cell)
{
  return cell && (cell->role == BUD_GRID_HEAD || cell->role == BUD_GRID_LABEL);
}

/* Whether the slot at (@row, ·) has a rule above it: an empty slot or the top of a cell. */
static gboolean
starts_row (BudGridCell *cell,
            guint        row)
{
  return cell == NULL || cell->row == row;
}

static gboolean
starts_col (BudGridCell *cell,
            guint        col)
{
  return cell == NULL || cell->col == col;
}

/* Only the text: draw_rows has shaded and ruled the cells. */
static void
draw_cell_text (Pdf         *pdf,
                BudPdfPlan  *plan,
                BudGridCell *cell,
                guint        index,
                double       x,
                double       y)
{
  double w = bud_pdf_plan_cell_width (plan, cell);
  double h = bud_pdf_plan_rows_height (plan, cell->row, cell->row + cell->rowspan - 1);
  double avail = w - 2 * CELL_PAD_X;
  gboolean one_line = cell->role != BUD_GRID_PARA && plan->cell_w1[index] * plan->scale <= avail;
  PangoAlignment align = bud_pdf_cell_align (cell);
  const BudPdfShaped *t;
  double tx;

  if (*cell->text == '\0')
    return;
  t = shape (pdf, cell->text, plan->size, cell->strong, one_line ? -1 : avail, align);
  if (one_line)
    tx = align == PANGO_ALIGN_LEFT ? x + CELL_PAD_X
       : align == PANGO_ALIGN_RIGHT ? x + w - CELL_PAD_X - t->w
       : x + (w - t->w) / 2;
  else
    tx = x + CELL_PAD_X;
  show_shaped (pdf, t, tx, y + (h - t->h) / 2);
}

static void
draw_rows (Pdf      *pdf,
           BudGrid  *grid,
           BudPdfPlan *plan,
           double    x0,
           double    y,
           guint     first,
           guint     last)
{
  if (pdf->drawing && first <= last)
    {
      g_autofree double *col_x = g_new0 (double, grid->n_columns + 1);
      g_autofree double *row_y = g_new0 (double, last - first + 2);
      /* the cells are sorted by row, so those starting in these rows are contiguous */
      guint from = plan->row_first[first], to = plan->row_first[last + 1];
      cairo_t *cr = pdf->cr;
      gboolean shaded = FALSE;

      col_x[0] = x0;
      for (guint c = 0; c < grid->n_columns; c++)
        col_x[c + 1] = col_x[c] + plan->col_w[c];
      row_y[0] = y;
      for (guint r = first; r <= last; r++)
        row_y[r - first + 1] = row_y[r - first] + plan->row_h[r];

      /* one fill for the shading, one stroke for the rules, then the text:
       * three PDF operations for the rows of a table on a page rather than
       * two or three per cell, which is what made writing the pages slow */
      cairo_new_path (cr);
      for (guint r = first; r <= last; r++)
        for (guint c = 0; c < grid->n_columns;)
          {
            guint end = c;

            while (end < grid->n_columns && is_shaded (bud_grid_slot (grid, r, end)))
              end++;
            if (end > c)
              {
                cairo_rectangle (cr, col_x[c], row_y[r - first], col_x[end] - col_x[c], plan->row_h[r]);
                shaded = TRUE;
              }
            c = end + 1;
          }
      if (shaded)
        {
          cairo_set_source_rgb (cr, 0.93, 0.94, 0.96);
          cairo_fill (cr);
        }

      /* a rule above and left of each slot where a cell (or an empty slot)
       * starts, in runs; then the right and bottom edges of the group */
      cairo_set_line_width (cr, 0.5);
      /* square caps close the corners where a run ends */
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
      cairo_set_source_rgb (cr, 0, 0, 0);
      for (guint r = first; r <= last; r++)
        for (guint c = 0; c < grid->n_columns;)
          {
            guint end = c;

            while (end < grid->n_columns && starts_row (bud_grid_slot (grid, r, end), r))
              end++;
            if (end > c)
              {
                cairo_move_to (cr, col_x[c], row_y[r - first]);
                cairo_line_to (cr, col_x[end], row_y[r - first]);
              }
            c = end + 1;
          }
      for (guint c = 0; c < grid->n_columns; c++)
        for (guint r = first; r <= last;)
          {
            guint end = r;

            while (end <= last && starts_col (bud_grid_slot (grid, end, c), c))
              end++;
            if (end > r)
              {
                cairo_move_to (cr, col_x[c], row_y[r - first]);
                cairo_line_to (cr, col_x[c], row_y[end - first]);
              }
            r = end + 1;
          }
      cairo_move_to (cr, col_x[grid->n_columns], row_y[0]);
      cairo_line_to (cr, col_x[grid->n_columns], row_y[last - first + 1]);
      cairo_line_to (cr, col_x[0], row_y[last - first + 1]);
      cairo_stroke (cr);

      for (guint i = from; i < to; i++)
        {
          BudGridCell *cell = g_ptr_array_index (grid->cells, i);
          draw_cell_text (pdf, plan, cell, i, col_x[cell->col], row_y[cell->row - first]);
        }
    }
}

/* The lines above a table (表N, title, year, department and unit); draws them
 * at @y when @draw and the pass draws. Returns their height. */
static double
title_block (Pdf     *pdf,
             BudGrid *grid,
             double   x0,
             double   y,
             double   width,
             gboolean draw)
{
  const BudPdfShaped *t;
  double y0 = y;

  draw = draw && pdf->drawing;
  if (grid->label)
    {
      t = shape (pdf, grid->label, 11, TRUE, width, PANGO_ALIGN_LEFT);
      if (draw)
        show_shaped (pdf, t, x0, y);
      y += t->h + 4;
    }
  t = shape (pdf, grid->title, 15, TRUE, width, PANGO_ALIGN_CENTER);
  if (draw)
    show_shaped (pdf, t, x0, y);
  y += t->h + 6;
  if (grid->subtitle)
    {
      t = shape (pdf, grid->subtitle, 10.5, FALSE, width, PANGO_ALIGN_CENTER);
      if (draw)
        show_shaped (pdf, t, x0, y);
      y += t->h + 4;
    }
  if (grid->department_line || grid->unit_line)
    {
      double uh = 0;

      if (grid->unit_line)
        {
          t = shape (pdf, grid->unit_line, 10, FALSE, -1, PANGO_ALIGN_LEFT);
          if (draw)
            show_shaped (pdf, t, x0 + width - t->w, y);
          uh = t->h;
        }
      t = shape (pdf, grid->department_line ? grid->department_line : "", 10, FALSE,
                 width * 0.75, PANGO_ALIGN_LEFT);
      if (draw)
        show_shaped (pdf, t, x0, y);
      y += MAX (t->h, uh) + 4;
    }
  return y - y0;
}

static void
flow_grid (Pdf      *pdf,
           BudBlock *block,
           guint     block_index)
{
  BudGrid *grid = block->grid;
  BudPdfPlan *plan = plan_grid (pdf, grid, block->own_page);
  double x0, head_h, first_h, run_y = 0;
  guint r, run_first = 0;
  gboolean table_rows_on_page = FALSE;

  if (!pdf->page_open || plan->landscape != pdf->landscape ||
      (block->own_page && !pdf->fresh))
    new_page (pdf, plan->landscape);
  else if (!block->own_page)
    pdf->y += 8;

  x0 = pdf->left + MAX (0, (content_width (pdf) - plan->width) / 2);

  /* keep the title, the heading rows and the first body group together */
  head_h = title_block (pdf, grid, x0, pdf->y, plan->width, FALSE);
  first_h = 0;
  if (grid->n_rows > 0)
    {
      guint end = plan->group_end[0];

      if (grid->repeat_start == 0 && grid->repeat_count > 0 && end + 1 < grid->n_rows)
        end = plan->group_end[end + 1];
      first_h = bud_pdf_plan_rows_height (plan, 0, end);
    }
  if (pdf->y + head_h + first_h > page_bottom (pdf) && !pdf->fresh)
    new_page (pdf, plan->landscape);
  else if (pdf->y > pdf->top + 0.01)
    {
      /* a table that fits a page of its own is not split to fill the rest of this one */
      double all = head_h + bud_pdf_plan_rows_height (plan, 0, grid->n_rows ? grid->n_rows - 1 : 0);

      if (pdf->y + all > page_bottom (pdf) && pdf->top + all <= page_bottom (pdf))
        new_page (pdf, plan->landscape);
    }

  pdf->block_page[block_index] = pdf->page;
  pdf->fresh = FALSE;
  pdf->y += title_block (pdf, grid, x0, pdf->y, plan->width, TRUE);

  for (r = 0; r < grid->n_rows;)
    {
      guint end = plan->group_end[r];
      double h = bud_pdf_plan_rows_height (plan, r, end);

      /* the heading row of a performance table keeps its first indicator */
      if (grid->repeat_count > 0 && r == grid->repeat_start && end + 1 < grid->n_rows)
        h += bud_pdf_plan_rows_height (plan, end + 1, plan->group_end[end + 1]);

      if (pdf->y + h > page_bottom (pdf) && table_rows_on_page)
        {
          draw_rows (pdf, grid, plan, x0, run_y, run_first, r - 1);
          new_page (pdf, plan->landscape);
          pdf->fresh = FALSE;
          if (grid->repeat_count > 0 && r >= grid->repeat_start + grid->repeat_count)
            {
              guint first = grid->repeat_start, last = first + grid->repeat_count - 1;

              draw_rows (pdf, grid, plan, x0, pdf->y, first, last);
              pdf->y += bud_pdf_plan_rows_height (plan, first, last);
            }
          table_rows_on_page = FALSE;
        }
      if (!table_rows_on_page)
        {
          run_first = r;
          run_y = pdf->y;
        }
      pdf->y += bud_pdf_plan_rows_height (plan, r, end);
      table_rows_on_page = TRUE;
      r = end + 1;
    }
  /* the rows on a page are drawn together when the page is full */
  if (table_rows_on_page)
    draw_rows (pdf, grid, plan, x0, run_y, run_first, grid->n_rows - 1);

  pdf->y += 6;
  if (grid->statement)
    flow_text (pdf, grid->statement, BODY_SIZE, FALSE, PANGO_ALIGN_LEFT, 2, 6, block_index);
}

/* ---- the flow ---- */

static void
flow_block (Pdf      *pdf,
            BudBlock *b,
            guint     index)
{
  const BudPdfShaped *t;

  switch (b->kind)
    {
    case BUD_BLOCK_PART:
      new_page (pdf, FALSE);
      pdf->block_page[index] = pdf->page;
      t = shape (pdf, b->text, 16, TRUE, content_width (pdf), PANGO_ALIGN_CENTER);
      pdf->y += 12;
      show_shaped (pdf, t, pdf->left, pdf->y);
      pdf->y += t->h + 24;
      pdf->fresh = TRUE;
      break;

    case BUD_BLOCK_HEADING:
      {
        double size = b->level == 1 ? 12 : BODY_SIZE;

        if (!pdf->page_open || pdf->landscape)
          new_page (pdf, FALSE);
        t = shape (pdf, b->text, size, TRUE, content_width (pdf), PANGO_ALIGN_LEFT);
        /* never a heading alone at the foot of a page */
        ensure_space (pdf, t->h + 8 + 3 * BODY_SIZE * LINE_SPACING);
        pdf->y += b->level == 1 ? 8 : 4;
        pdf->block_page[index] = pdf->page;
        show_shaped (pdf, t, pdf->left, pdf->y);
        pdf->y += t->h + 6;
        pdf->fresh = FALSE;
      }
      break;

    case BUD_BLOCK_PARAGRAPH:
      pdf->block_page[index] = pdf->page;
      flow_text (pdf, b->text, BODY_SIZE, FALSE, PANGO_ALIGN_LEFT, 2, 4, index);
      break;

    case BUD_BLOCK_GRID:
      flow_grid (pdf, b, index);
      break;

    case BUD_BLOCK_SIGNATURE:
      if (b->text && *b->text)
        {
          g_autoptr(PangoLayout) l = NULL;
          int h;

          if (!pdf->page_open || pdf->landscape)
            new_page (pdf, FALSE);
          pdf->y += 24;
          l = bud_pdf_shaper_new_layout (pdf->shaper, b->text, BODY_SIZE, FALSE, content_width (pdf), PANGO_ALIGN_RIGHT);
          pango_layout_set_line_spacing (l, LINE_SPACING);
          pango_layout_get_size (l, NULL, &h);
          ensure_space (pdf, (double) h / PANGO_SCALE);
          pdf->block_page[index] = pdf->page;
          show (pdf, l, pdf->left, pdf->y);
          pdf->y += (double) h / PANGO_SCALE;
        }
      break;

    default:
      break;
    }
}

static void
draw_cover (Pdf *pdf)
{
  g_autofree char *year = g_strdup_printf ("%" G_GINT64_FORMAT "年部门预算公开", pdf->pkg->year);
  const BudPdfShaped *t;

  new_page (pdf, FALSE);
  pdf->y = pdf->page_h * 0.30;
  t = shape (pdf, pdf->pkg->department, 22, TRUE, content_width (pdf), PANGO_ALIGN_CENTER);
  show_shaped (pdf, t, pdf->left, pdf->y);
  pdf->y += t->h + 28;
  t = shape (pdf, year, 28, TRUE, content_width (pdf), PANGO_ALIGN_CENTER);
  show_shaped (pdf, t, pdf->left, pdf->y);
  finish_page (pdf);
}

/* 目录: one line per entry, the page number at the right edge, dots between. */
static void
draw_toc (Pdf *pdf)
{
  const BudPdfShaped *t;

  new_page (pdf, FALSE);
  t = shape (pdf, "目  录", 16, TRUE, content_width (pdf), PANGO_ALIGN_CENTER);
  show_shaped (pdf, t, pdf->left, pdf->y);
  pdf->y += t->h + 20;

  for (guint i = 0; i < pdf->pkg->blocks->len; i++)
    {
      BudBlock *b = g_ptr_array_index (pdf->pkg->blocks, i);
      gboolean part = b->toc_level == 0;
      double size = part ? 12 : 11, indent = part ? 0 : 2 * size;
      g_autofree char *number = NULL;
      const BudPdfShaped *num, *entry;
      double nw, th, reserve;

      if (b->toc_level < 0)
        continue;
      number = g_strdup_printf ("%u", pdf->block_page[i] > pdf->front_pages
                                      ? pdf->block_page[i] - pdf->front_pages : 0);
      /* the first pass has no numbers yet: wrap the titles the same in both */
      reserve = shape (pdf, "9999", size, part, -1, PANGO_ALIGN_LEFT)->w;
      num = shape (pdf, number, size, part, -1, PANGO_ALIGN_LEFT);
      nw = num->w;
      if (pdf->y + num->h * 1.7 > page_bottom (pdf))
        new_page (pdf, FALSE);
      if (part)
        pdf->y += 6;
      entry = shape (pdf, b->toc_text, size, part, content_width (pdf) - indent - reserve - 24, PANGO_ALIGN_LEFT);
      th = entry->h;
      show_shaped (pdf, entry, pdf->left + indent, pdf->y);
      /* the number stands on the entry's last line, where the dots end */
      show_shaped (pdf, num, pdf->page_w - pdf->right - nw, pdf->y + th - num->h);
      if (pdf->drawing)
        {
          PangoLayout *l = entry->layout;
          PangoLayoutLine *last = pango_layout_get_line_readonly (l, pango_layout_get_line_count (l) - 1);
          PangoRectangle ext;
          double lx, ly = pdf->y + th - size * 0.45;

          pango_layout_line_get_pixel_extents (last, NULL, &ext);
          lx = pdf->left + indent + ext.x + ext.width + 4;
          /* the leader: one dotted stroke, not a shape per dot */
          cairo_save (pdf->cr);
          cairo_set_source_rgb (pdf->cr, 0.35, 0.35, 0.35);
          cairo_set_line_width (pdf->cr, 1.1);
          cairo_set_line_cap (pdf->cr, CAIRO_LINE_CAP_ROUND);
          cairo_set_dash (pdf->cr, (const double[]) { 0, 4 }, 2, 0);
          cairo_new_path (pdf->cr);
          cairo_move_to (pdf->cr, lx, ly);
          cairo_line_to (pdf->cr, pdf->page_w - pdf->right - nw - 4, ly);
          cairo_stroke (pdf->cr);
          cairo_restore (pdf->cr);
          cairo_set_source_rgb (pdf->cr, 0, 0, 0);
        }
      pdf->y += th * 1.7;
    }
  finish_page (pdf);
}

static void
add_outline (Pdf *pdf)
{
  int part = CAIRO_PDF_OUTLINE_ROOT;

  for (guint i = 0; i < pdf->pkg->blocks->len; i++)
    {
      BudBlock *b = g_ptr_array_index (pdf->pkg->blocks, i);
      g_autofree char *link = NULL;
      int id;

      if (b->toc_level < 0 || pdf->block_page[i] == 0)
        continue;
      link = g_strdup_printf ("page=%u", pdf->block_page[i]);
      id = cairo_pdf_surface_add_outline (pdf->surface, b->toc_level == 0 ? CAIRO_PDF_OUTLINE_ROOT : part,
                                          b->toc_text, link, 0);
      if (b->toc_level == 0)
        part = id;
    }
}

/* One pass: cover, 目录 (not in a report), the blocks. Returns the number of pages. */
static guint
run_pass (Pdf *pdf)
{
  pdf->page = 0;
  pdf->page_open = FALSE;
  if (!pdf->pkg->report)
    {
      draw_cover (pdf);
      draw_toc (pdf);
    }
  pdf->front_pages = pdf->page;
  for (guint i = 0; i < pdf->pkg->blocks->len; i++)
    {
      bud_pdf_shaper_trim (pdf->shaper);
      flow_block (pdf, g_ptr_array_index (pdf->pkg->blocks, i), i);
    }
  finish_page (pdf);
  return pdf->page;
}

static cairo_status_t
write_to_file (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  return fwrite (data, 1, length, closure) == length ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static cairo_status_t
write_nowhere (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

/* One font map for every PDF of the process, whatever thread writes it:
 * pango's default map is per thread, and the app exports from a worker pool,
 * so each export would load the faces again. A font map is not thread-safe:
 * pdf_lock is held while one is used (exports are one at a time anyway). */
static GMutex pdf_lock;
static PangoFontMap *pdf_font_map;

static PangoContext *
create_pango_context (cairo_t *cr)
{
  PangoContext *pango;
  cairo_font_options_t *options = cairo_font_options_create ();

  if (pdf_font_map == NULL)
    pdf_font_map = pango_cairo_font_map_new ();
  pango = pango_font_map_create_context (pdf_font_map);
  pango_cairo_update_context (cr, pango);

  /* points, unhinted: the layout is the same whatever reads the file */
  pango_cairo_context_set_resolution (pango, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pango, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (pango, FALSE);
  return pango;
}

/* The package into @write, both passes, under the lock of the font map. */
static cairo_status_t
write_pdf (BudExportPackage   *self,
           cairo_write_func_t  write,
           void               *closure)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&pdf_lock);
  cairo_status_t status;
  Pdf pdf = { 0 };

  pdf.pkg = self;
  pdf.surface = cairo_pdf_surface_create_for_stream (write, closure, A4_SHORT, A4_LONG);
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_AUTHOR, self->department);
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_CREATOR, "deptbudget " PACKAGE_VERSION);
  pdf.cr = cairo_create (pdf.surface);
  pdf.pango = create_pango_context (pdf.cr);
  pdf.shaper = bud_pdf_shaper_new (pdf.pango);
  pdf.paragraphs = g_ptr_array_new_full (self->blocks->len, unref_layout);
  g_ptr_array_set_size (pdf.paragraphs, self->blocks->len);
  pdf.block_page = g_new0 (guint, MAX (self->blocks->len, 1));
  pdf.plans = g_hash_table_new_full (NULL, NULL, NULL, bud_pdf_plan_free);

  /* pass 1: where everything goes; pass 2: the same, drawn */
  pdf.drawing = FALSE;
  run_pass (&pdf);
  pdf.drawing = TRUE;
  run_pass (&pdf);
  add_outline (&pdf);

  g_hash_table_unref (pdf.plans);
  g_free (pdf.block_page);
  bud_pdf_shaper_free (pdf.shaper);
  g_ptr_array_unref (pdf.paragraphs);
  g_object_unref (pdf.pango);
  cairo_destroy (pdf.cr);
  cairo_surface_finish (pdf.surface);
  status = cairo_surface_status (pdf.surface);
  cairo_surface_destroy (pdf.surface);
  return status;
}

void
bud_export_pdf_warm_up (BudTemplate *tpl)
{
  g_autoptr(BudDocument) doc = bud_document_new ();
  g_autoptr(BudExportPackage) package = NULL;

  /* an empty budget still prints every table's headings, the section titles
   * and the glossary at every size and weight the package uses: most of the
   * glyphs a real export needs */
  package = bud_export_package_new (doc, tpl, NULL);
  if (package != NULL)
    write_pdf (package, write_nowhere, NULL);
}

gboolean
bud_export_pdf (BudExportPackage  *self,
                const char        *path,
                GError           **error)
{
  g_autofree char *temp = NULL;
  cairo_status_t status;
  FILE *fp;
  gboolean ok;

  temp = bud_export_make_temp (path, error);
  if (temp == NULL)
    return FALSE;
  fp = g_fopen (temp, "wb");
  if (fp == NULL)
    {
      int saved = errno;
      g_unlink (temp);
      g_set_error (error, BUD_EXPORT_ERROR, BUD_EXPORT_ERROR_WRITE,
                   _("Cannot write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }

  status = write_pdf (self, write_to_file, fp);

  ok = status == CAIRO_STATUS_SUCCESS;
  if (fclose (fp) != 0)
    ok = FALSE;
  if (!ok)
    {
      g_unlink (temp);
      g_set_error (error, BUD_EXPORT_ERROR, BUD_EXPORT_ERROR_WRITE, _("Cannot write “%s”: %s"), path,
                   status != CAIRO_STATUS_SUCCESS ? cairo_status_to_string (status) : g_strerror (errno));
      return FALSE;
    }
  return bud_export_commit_temp (temp, path, error);
}
