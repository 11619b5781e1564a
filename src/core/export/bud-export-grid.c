/* bud-export-grid.c — printed tables as grids of (possibly merged) cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bud-export-private.h"

static void
grid_cell_free (gpointer data)
{
  BudGridCell *cell = data;

  g_free (cell->text);
  g_free (cell);
}

BudGrid *
bud_grid_new (guint n_columns)
{
  BudGrid *self = g_new0 (BudGrid, 1);

  self->ref_count = 1;
  self->n_columns = n_columns;
  self->column_roles = g_new0 (BudGridRole, MAX (n_columns, 1));
  for (guint i = 0; i < n_columns; i++)
    self->column_roles[i] = BUD_GRID_TEXT;
  self->cells = g_ptr_array_new_with_free_func (grid_cell_free);
  self->money_unit = BUD_MONEY_WAN;
  return self;
}

BudGrid *
bud_grid_ref (BudGrid *self)
{
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
bud_grid_unref (BudGrid *self)
{
  if (self == NULL || !g_atomic_int_dec_and_test (&self->ref_count))
    return;
  g_free (self->id);
  g_free (self->name);
  g_free (self->label);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->department_line);
  g_free (self->unit_line);
  g_free (self->statement);
  g_free (self->toc_text);
  g_free (self->column_roles);
  g_ptr_array_unref (self->cells);
  g_free (self->slots);
  g_free (self);
}

BudGridCell *
bud_grid_add (BudGrid     *self,
              guint        row,
              guint        col,
              guint        rowspan,
              guint        colspan,
              BudGridRole  role,
              const char  *text)
{
  BudGridCell *cell;

  g_return_val_if_fail (self->slots == NULL, NULL);
  g_return_val_if_fail (rowspan >= 1 && colspan >= 1, NULL);
  g_return_val_if_fail (col + colspan <= self->n_columns, NULL);

  cell = g_new0 (BudGridCell, 1);
  cell->text = g_strdup (text ? text : "");
  cell->row = row;
  cell->col = col;
  cell->rowspan = rowspan;
  cell->colspan = colspan;
  cell->role = role;
  g_ptr_array_add (self->cells, cell);
  self->n_rows = MAX (self->n_rows, row + rowspan);
  return cell;
}

BudGridCell *
bud_grid_add_money (BudGrid  *self,
                    guint     row,
                    guint     col,
                    guint     colspan,
                    gint64    fen,
                    gboolean  blank_zero)
{
  g_autofree char *text = bud_money_format (fen, self->money_unit,
                                            blank_zero ? BUD_MONEY_FORMAT_BLANK_ZERO : 0);
  BudGridCell *cell = bud_grid_add (self, row, col, 1, colspan, BUD_GRID_MONEY, text);

  cell->has_value = TRUE;
  cell->value = fen;
  return cell;
}

static int
compare_cells (gconstpointer a,
               gconstpointer b)
{
  const BudGridCell *x = *(const BudGridCell * const *) a;
  const BudGridCell *y = *(const BudGridCell * const *) b;

  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  return x->col < y->col ? -1 : x->col > y->col;
}

void
bud_grid_finish (BudGrid *self)
{
  g_return_if_fail (self->slots == NULL);

  g_ptr_array_sort (self->cells, compare_cells);
  self->slots = g_new0 (BudGridCell *, (gsize) MAX (self->n_rows, 1) * MAX (self->n_columns, 1));
  for (guint i = 0; i < self->cells->len; i++)
    {
      BudGridCell *cell = g_ptr_array_index (self->cells, i);

      for (guint r = cell->row; r < cell->row + cell->rowspan; r++)
        for (guint c = cell->col; c < cell->col + cell->colspan; c++)
          {
            /* a later cell never overwrites an earlier one: the first merge wins */
            if (self->slots[r * self->n_columns + c] == NULL)
              self->slots[r * self->n_columns + c] = cell;
          }
    }
}

static BudGridRole
role_of_column (BudColumnKind kind)
{
  switch (kind)
    {
    case BUD_COLUMN_CODE:
      return BUD_GRID_CODE;
    case BUD_COLUMN_MONEY:
      return BUD_GRID_MONEY;
    case BUD_COLUMN_TEXT:
    default:
      return BUD_GRID_TEXT;
    }
}

BudGrid *
bud_grid_new_from_table (BudTable *table)
{
  BudGrid *self = bud_grid_new (table->n_columns);
  guint top = table->n_header_rows;

  self->id = g_strdup_printf ("table-%u", table->number);
  self->label = g_strdup_printf ("表%u", table->number);
  self->name = g_strdup (self->label);
  self->title = g_strdup (table->title);
  self->department_line = g_strdup_printf ("编制部门：%s", table->department);
  self->unit_line = g_strdup_printf ("单位：%s", table->unit_label ? table->unit_label : "万元");
  self->statement = g_strdup (table->empty ? table->empty_statement : NULL);
  self->money_unit = table->money_unit;
  self->head_rows = top;
  self->repeat_start = 0;
  self->repeat_count = top;
  for (guint c = 0; c < table->n_columns; c++)
    self->column_roles[c] = role_of_column (table->column_kinds[c]);

  for (guint i = 0; i < table->header->len; i++)
    {
      BudTableHeaderCell *h = g_ptr_array_index (table->header, i);
      bud_grid_add (self, h->row, h->col, MAX (h->rowspan, 1), MAX (h->colspan, 1), BUD_GRID_HEAD, h->text);
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      BudTableRow *row = g_ptr_array_index (table->rows, r);
      gboolean strong = row->kind == BUD_ROW_TOTAL;

      for (guint c = 0; c < table->n_columns; c++)
        {
          BudTableCell *tc = &row->cells[c];
          BudGridCell *cell;

          switch (tc->type)
            {
            case BUD_CELL_TEXT:
              if (tc->text == NULL || *tc->text == '\0')
                continue;
              cell = bud_grid_add (self, top + r, c, 1, 1, self->column_roles[c], tc->text);
              break;
            case BUD_CELL_MONEY:
              if (bud_money_round (tc->amount, table->money_unit) == 0)
                continue;   /* the seed prints zero as blank */
              cell = bud_grid_add_money (self, top + r, c, 1, tc->amount, TRUE);
              break;
            case BUD_CELL_EMPTY:
            default:
              continue;
            }
          cell->strong = strong;
        }
    }
  /* a table whose last rows are empty still has them */
  self->n_rows = MAX (self->n_rows, top + table->rows->len);
  bud_grid_finish (self);
  return self;
}

GPtrArray *
bud_grid_to_rows (BudGrid *self)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint r = 0; r < self->n_rows; r++)
    {
      char **fields = g_new0 (char *, self->n_columns + 1);

      for (guint c = 0; c < self->n_columns; c++)
        {
          BudGridCell *cell = bud_grid_slot (self, r, c);
          fields[c] = g_strdup (cell && cell->row == r && cell->col == c ? cell->text : "");
        }
      g_ptr_array_add (rows, fields);
    }
  return rows;
}
