/* bud-export-pdf-plan.c — a table measured for the PDF: widths, heights, page groups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Column widths come from the widest single-line content of each column;
 * headings wrap rather than widen a column. A table whose names and figures
 * do not fit a portrait page gets a landscape page, and a smaller font only
 * when even landscape is too narrow. A plan only measures: the same plan
 * serves the counting pass and the drawing pass.
 */
#include "config.h"

#include "bud-export-pdf-private.h"

static gboolean
single_line_role (BudGridRole role)
{
  return role == BUD_GRID_MONEY || role == BUD_GRID_CODE || role == BUD_GRID_NUMBER;
}

PangoAlignment
bud_pdf_cell_align (BudGridCell *cell)
{
  switch (cell->role)
    {
    case BUD_GRID_HEAD:
    case BUD_GRID_LABEL:
    case BUD_GRID_CODE:
    case BUD_GRID_NUMBER:
      return PANGO_ALIGN_CENTER;
    case BUD_GRID_MONEY:
      return PANGO_ALIGN_RIGHT;
    default:
      return PANGO_ALIGN_LEFT;
    }
}

double
bud_pdf_plan_cell_width (BudPdfPlan  *self,
                         BudGridCell *cell)
{
  double w = 0;

  for (guint c = cell->col; c < cell->col + cell->colspan; c++)
    w += self->col_w[c];
  return w;
}

/* Widths at @scale of the font: each column gets what its figures and codes
 * need (never wrapped), names get what they want if there is room, headings
 * wrap at about four characters when there is not. */
static void
fit_columns (BudGrid  *grid,
             BudPdfPlan *plan,
             double    avail,
             double   *need_out)
{
  guint n = grid->n_columns;
  g_autofree double *base = g_new0 (double, n);
  g_autofree double *nat = g_new0 (double, n);
  double chr = TABLE_SIZE * plan->scale;   /* one CJK character */
  double sum_base = 0, desire_text = 0, desire_other = 0, extra, total = 0;

  /* figures get room for a four-character heading, names for two characters */
  for (guint c = 0; c < n; c++)
    base[c] = nat[c] = (single_line_role (grid->column_roles[c]) && grid->column_roles[c] != BUD_GRID_CODE
                        ? 4 : 2) * chr + 2 * CELL_PAD_X;

  for (guint i = 0; i < grid->cells->len; i++)
    {
      BudGridCell *cell = g_ptr_array_index (grid->cells, i);
      double w = plan->cell_w1[i] * plan->scale + 2 * CELL_PAD_X;
      guint c = cell->col;

      if (cell->colspan != 1 || cell->role == BUD_GRID_PARA || *cell->text == '\0')
        continue;
      if (single_line_role (cell->role))
        {
          base[c] = MAX (base[c], w);
          nat[c] = MAX (nat[c], w);
        }
      else if (cell->role == BUD_GRID_HEAD || cell->role == BUD_GRID_LABEL)
        {
          base[c] = MAX (base[c], MIN (w, 4 * chr + 2 * CELL_PAD_X));
          nat[c] = MAX (nat[c], MIN (w, 8 * chr + 2 * CELL_PAD_X));
        }
      else
        {
          base[c] = MAX (base[c], MIN (w, 4 * chr + 2 * CELL_PAD_X));
          nat[c] = MAX (nat[c], MIN (w, 24 * chr + 2 * CELL_PAD_X));
        }
    }

  for (guint c = 0; c < n; c++)
    {
      gboolean text = !single_line_role (grid->column_roles[c]);

      nat[c] = MAX (nat[c], base[c]);
      sum_base += base[c];
      if (text)
        desire_text += nat[c] - base[c];
      else
        desire_other += nat[c] - base[c];
      plan->col_w[c] = base[c];
    }
  if (need_out)
    *need_out = sum_base + desire_text;

  extra = avail - sum_base;
  if (extra < 0)
    {
      /* squeeze everything: text wraps, figures may touch the border */
      for (guint c = 0; c < n; c++)
        plan->col_w[c] = base[c] * avail / sum_base;
    }
  else
    {
      double give = desire_text > 0 ? MIN (1.0, extra / desire_text) : 0;

      for (guint c = 0; c < n; c++)
        if (!single_line_role (grid->column_roles[c]))
          plan->col_w[c] += (nat[c] - base[c]) * give;
      extra -= desire_text * give;
      give = desire_other > 0 ? MIN (1.0, extra / desire_other) : 0;
      for (guint c = 0; c < n; c++)
        if (single_line_role (grid->column_roles[c]))
          plan->col_w[c] += (nat[c] - base[c]) * give;
      extra -= desire_other * give;
      /* the rest spreads out so that the table spans the page, as printed tables do */
      for (guint c = 0; c < n; c++)
        total += plan->col_w[c];
      for (guint c = 0; c < n && extra > 0.01 && total > 0; c++)
        plan->col_w[c] += extra * plan->col_w[c] / (total + 0);
    }
  plan->width = 0;
  for (guint c = 0; c < n; c++)
    plan->width += plan->col_w[c];
}

BudPdfPlan *
bud_pdf_plan_new (BudPdfShaper *shaper,
                  BudGrid      *grid,
                  gboolean      allow_landscape)
{
  BudPdfPlan *plan;
  static const double sizes[] = { 9.0, 8.5, 8.0, 7.5 };
  double portrait = A4_SHORT - 2 * 56, landscape = A4_LONG - 2 * 40;
  double need;
  guint n = grid->n_columns;
  gboolean chosen = FALSE;

  plan = g_new0 (BudPdfPlan, 1);
  plan->col_w = g_new0 (double, n);
  plan->row_h = g_new0 (double, MAX (grid->n_rows, 1));
  plan->group_end = g_new0 (guint, MAX (grid->n_rows, 1));
  plan->cell_w1 = g_new0 (double, MAX (grid->cells->len, 1));
  plan->row_first = g_new0 (guint, grid->n_rows + 1);
  for (guint i = grid->cells->len, r = grid->n_rows + 1; r-- > 0;)
    {
      while (i > 0 && ((BudGridCell *) g_ptr_array_index (grid->cells, i - 1))->row >= r)
        i--;
      plan->row_first[r] = i;
    }

  /* shape each cell once at the reference size; other sizes scale linearly */
  for (guint i = 0; i < grid->cells->len; i++)
    {
      BudGridCell *cell = g_ptr_array_index (grid->cells, i);
      double w = 0;

      if (*cell->text && cell->role != BUD_GRID_PARA)
        w = bud_pdf_shaper_shape (shaper, cell->text, TABLE_SIZE, cell->strong, -1, PANGO_ALIGN_LEFT)->w;
      plan->cell_w1[i] = w;
    }

  plan->landscape = FALSE;
  plan->scale = 1.0;
  fit_columns (grid, plan, portrait, &need);
  if (need > portrait + 0.01 && allow_landscape)
    {
      plan->landscape = TRUE;
      for (guint s = 0; s < G_N_ELEMENTS (sizes) && !chosen; s++)
        {
          plan->scale = sizes[s] / TABLE_SIZE;
          fit_columns (grid, plan, landscape, &need);
          chosen = need <= landscape + 0.01;
        }
      if (!chosen)
        fit_columns (grid, plan, landscape, NULL);
    }
  else if (need > portrait + 0.01)
    {
      for (guint s = 1; s < G_N_ELEMENTS (sizes) && !chosen; s++)
        {
          plan->scale = sizes[s] / TABLE_SIZE;
          fit_columns (grid, plan, portrait, &need);
          chosen = need <= portrait + 0.01;
        }
      if (!chosen)
        fit_columns (grid, plan, portrait, NULL);
    }
  plan->size = TABLE_SIZE * plan->scale;
  plan->line_h = bud_pdf_shaper_shape (shaper, "国8", plan->size, FALSE, -1, PANGO_ALIGN_LEFT)->h;

  /* row heights: the tallest cell of each row; a merged cell's extra height
   * goes to the last row it covers */
  for (guint r = 0; r < grid->n_rows; r++)
    plan->row_h[r] = plan->line_h + 2 * CELL_PAD_Y;
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < grid->cells->len; i++)
      {
        BudGridCell *cell = g_ptr_array_index (grid->cells, i);
        double avail = bud_pdf_plan_cell_width (plan, cell) - 2 * CELL_PAD_X;
        double h = plan->line_h, have = 0;

        if ((cell->rowspan > 1) != (pass == 1) || *cell->text == '\0')
          continue;
        if (cell->role == BUD_GRID_PARA || plan->cell_w1[i] * plan->scale > avail)
          h = bud_pdf_shaper_shape (shaper, cell->text, plan->size, cell->strong, avail, bud_pdf_cell_align (cell))->h;
        h += 2 * CELL_PAD_Y;
        for (guint r = cell->row; r < cell->row + cell->rowspan; r++)
          have += plan->row_h[r];
        if (h > have)
          plan->row_h[cell->row + cell->rowspan - 1] += h - have;
      }

  /* groups of rows a merged cell binds together */
  for (guint r = 0; r < grid->n_rows;)
    {
      guint end = r;

      for (guint k = r; k <= end; k++)
        for (guint c = 0; c < n; c++)
          {
            BudGridCell *cell = bud_grid_slot (grid, k, c);
            if (cell && cell->row + cell->rowspan - 1 > end)
              end = cell->row + cell->rowspan - 1;
          }
      for (guint k = r; k <= end; k++)
        plan->group_end[k] = end;
      r = end + 1;
    }

  return plan;
}

double
bud_pdf_plan_rows_height (BudPdfPlan *self,
                          guint       first,
                          guint       last)
{
  double h = 0;

  for (guint r = first; r <= last; r++)
    h += self->row_h[r];
  return h;
}

void
bud_pdf_plan_free (gpointer data)
{
  BudPdfPlan *p = data;

  g_free (p->col_w);
  g_free (p->row_h);
  g_free (p->group_end);
  g_free (p->row_first);
  g_free (p->cell_w1);
  g_free (p);
}
