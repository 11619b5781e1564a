/* bud-table.c — the derived table model and its plain renderings (TSV, terminal text)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bud-table.h"

static void
header_cell_free (gpointer data)
{
  BudTableHeaderCell *c = data;

  g_free (c->text);
  g_free (c);
}

static void
row_free (gpointer data,
          gpointer user_data)
{
  BudTableRow *row = data;
  BudTable *table = user_data;

  for (guint i = 0; i < table->n_columns; i++)
    g_free (row->cells[i].text);
  g_free (row->cells);
  g_strfreev (row->keys);
  g_free (row);
}

BudTable *
bud_table_new (guint n_columns,
               guint n_blocks)
{
  BudTable *self = g_new0 (BudTable, 1);

  g_return_val_if_fail (n_blocks >= 1, NULL);

  self->ref_count = 1;
  self->id = g_strdup ("");
  self->title = g_strdup ("");
  self->department = g_strdup ("");
  self->unit_label = g_strdup ("");
  self->money_unit = BUD_MONEY_WAN;
  self->n_columns = n_columns;
  self->column_kinds = g_new0 (BudColumnKind, MAX (1, n_columns));
  self->column_ids = g_new0 (char *, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    self->column_ids[i] = g_strdup ("");
  self->n_blocks = n_blocks;
  self->block_start = g_new0 (guint, n_blocks);
  self->header = g_ptr_array_new_with_free_func (header_cell_free);
  self->rows = g_ptr_array_new ();
  return self;
}

BudTable *
bud_table_ref (BudTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
bud_table_unref (BudTable *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_int_dec_and_test (&self->ref_count))
    return;
  g_ptr_array_foreach (self->rows, row_free, self);
  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->header);
  g_free (self->id);
  g_free (self->title);
  g_free (self->department);
  g_free (self->unit_label);
  g_free (self->column_kinds);
  g_strfreev (self->column_ids);
  g_free (self->block_start);
  g_free (self->empty_statement);
  g_free (self);
}

void
bud_table_add_header (BudTable   *self,
                      const char *text,
                      guint       row,
                      guint       col,
                      guint       rowspan,
                      guint       colspan)
{
  BudTableHeaderCell *c = g_new0 (BudTableHeaderCell, 1);

  g_return_if_fail (col + colspan <= self->n_columns);

  c->text = g_strdup (text ? text : "");
  c->row = row;
  c->col = col;
  c->rowspan = MAX (1, rowspan);
  c->colspan = MAX (1, colspan);
  g_ptr_array_add (self->header, c);
  self->n_header_rows = MAX (self->n_header_rows, row + c->rowspan);
}

BudTableRow *
bud_table_append_row (BudTable        *self,
                      BudTableRowKind  kind,
                      guint            level)
{
  BudTableRow *row = g_new0 (BudTableRow, 1);

  row->kind = kind;
  row->level = level;
  row->cells = g_new0 (BudTableCell, MAX (1, self->n_columns));
  row->keys = g_new0 (char *, self->n_blocks + 1);
  for (guint i = 0; i < self->n_blocks; i++)
    row->keys[i] = g_strdup ("");
  g_ptr_array_add (self->rows, row);
  return row;
}

void
bud_table_row_set_key (BudTable    *self,
                       BudTableRow *row,
                       guint        block,
                       const char  *key)
{
  g_return_if_fail (block < self->n_blocks);

  g_free (row->keys[block]);
  row->keys[block] = g_strdup (key ? key : "");
}

void
bud_table_cell_set_text (BudTableCell *cell,
                         const char   *text)
{
  g_free (cell->text);
  cell->text = NULL;
  cell->amount = 0;
  cell->type = text && *text ? BUD_CELL_TEXT : BUD_CELL_EMPTY;
  if (cell->type == BUD_CELL_TEXT)
    cell->text = g_strdup (text);
}

void
bud_table_cell_set_money (BudTableCell *cell,
                          gint64        amount)
{
  g_clear_pointer (&cell->text, g_free);
  cell->type = BUD_CELL_MONEY;
  cell->amount = amount;
}

guint
bud_table_column_block (BudTable *self,
                        guint     column)
{
  guint block = 0;

  for (guint k = 1; k < self->n_blocks; k++)
    if (column >= self->block_start[k])
      block = k;
  return block;
}

gint
bud_table_find_column (BudTable   *self,
                       const char *column_id)
{
  for (guint i = 0; i < self->n_columns; i++)
    if (self->column_kinds[i] == BUD_COLUMN_MONEY && strcmp (self->column_ids[i], column_id) == 0)
      return i;
  return -1;
}

BudTableRow *
bud_table_find_row (BudTable   *self,
                    const char *row_key,
                    const char *column_id)
{
  gint col = column_id ? bud_table_find_column (self, column_id) : 0;
  guint block;

  if (col < 0)
    return NULL;
  block = bud_table_column_block (self, col);
  for (guint r = 0; r < self->rows->len; r++)
    {
      BudTableRow *row = g_ptr_array_index (self->rows, r);

      if (strcmp (row->keys[block], row_key) == 0)
        return row;
    }
  return NULL;
}

gboolean
bud_table_lookup (BudTable   *self,
                  const char *row_key,
                  const char *column_id,
                  gint64     *out_amount)
{
  gint col = bud_table_find_column (self, column_id);
  BudTableRow *row;

  if (col < 0 || (row = bud_table_find_row (self, row_key, column_id)) == NULL)
    return FALSE;
  if (out_amount)
    *out_amount = row->cells[col].type == BUD_CELL_MONEY ? row->cells[col].amount : 0;
  return TRUE;
}

BudTableRow *
bud_table_total_row (BudTable *self)
{
  for (guint r = self->rows->len; r > 0; r--)
    {
      BudTableRow *row = g_ptr_array_index (self->rows, r - 1);

      if (row->kind == BUD_ROW_TOTAL)
        return row;
    }
  return NULL;
}

char *
bud_table_cell_text (BudTable           *self,
                     const BudTableCell *cell)
{
  switch (cell->type)
    {
    case BUD_CELL_TEXT:
      return g_strdup (cell->text);
    case BUD_CELL_MONEY:
      return bud_money_format (cell->amount, self->money_unit, BUD_MONEY_FORMAT_BLANK_ZERO);
    case BUD_CELL_EMPTY:
    default:
      return g_strdup ("");
    }
}

/* Header rows as a grid of slots: a merged cell's text in its top-left slot. */
static char ***
header_grid (BudTable *self)
{
  char ***grid = g_new0 (char **, self->n_header_rows + 1);

  for (guint r = 0; r < self->n_header_rows; r++)
    {
      grid[r] = g_new0 (char *, self->n_columns + 1);
      for (guint c = 0; c < self->n_columns; c++)
        grid[r][c] = g_strdup ("");
    }
  for (guint i = 0; i < self->header->len; i++)
    {
      BudTableHeaderCell *h = g_ptr_array_index (self->header, i);

      if (h->row < self->n_header_rows && h->col < self->n_columns)
        {
          g_free (grid[h->row][h->col]);
          grid[h->row][h->col] = g_strdup (h->text);
        }
    }
  return grid;
}

static void
header_grid_free (char ***grid)
{
  for (guint r = 0; grid[r]; r++)
    g_strfreev (grid[r]);
  g_free (grid);
}

/* TSV cells never hold tabs or newlines: a name with one would shift the columns. */
static void
append_tsv_cell (GString    *out,
                 const char *text)
{
  for (const char *p = text; *p; p++)
    g_string_append_c (out, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
}

static void
append_tsv (BudTable *self,
            GString  *out)
{
  char ***grid = header_grid (self);

  g_string_append_printf (out, "# 表%u %s\n", self->number, self->title);
  for (guint r = 0; r < self->n_header_rows; r++)
    {
      for (guint c = 0; c < self->n_columns; c++)
        {
          if (c > 0)
            g_string_append_c (out, '\t');
          append_tsv_cell (out, grid[r][c]);
        }
      g_string_append_c (out, '\n');
    }
  header_grid_free (grid);

  for (guint r = 0; r < self->rows->len; r++)
    {
      BudTableRow *row = g_ptr_array_index (self->rows, r);

      for (guint c = 0; c < self->n_columns; c++)
        {
          g_autofree char *text = bud_table_cell_text (self, &row->cells[c]);

          if (c > 0)
            g_string_append_c (out, '\t');
          append_tsv_cell (out, text);
        }
      g_string_append_c (out, '\n');
    }
  if (self->empty && self->empty_statement)
    g_string_append_printf (out, "# %s\n", self->empty_statement);
}

char *
bud_table_to_tsv (BudTable *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);
  append_tsv (self, out);
  return g_string_free (out, FALSE);
}

char *
bud_tables_to_tsv (GPtrArray *tables)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < tables->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\n');
      append_tsv (g_ptr_array_index (tables, i), out);
    }
  return g_string_free (out, FALSE);
}

/* Terminal columns a text takes: CJK characters are two wide. */
static guint
display_width (const char *text)
{
  guint w = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (ch))
        continue;
      w += g_unichar_iswide (ch) ? 2 : 1;
    }
  return w;
}

static void
append_padded (GString    *out,
               const char *text,
               guint       width,
               gboolean    right)
{
  guint w = display_width (text);
  guint pad = width > w ? width - w : 0;

  if (right)
    for (guint i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right)
    for (guint i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
}

#define GAP 2

static void
append_text (BudTable *self,
             GString  *out)
{
  char ***grid = header_grid (self);
  g_autofree guint *width = g_new0 (guint, MAX (1, self->n_columns));
  g_autoptr(GPtrArray) body = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint total_width = 0;

  /* single-column header cells and body cells set the widths; merged cells fit their span */
  for (guint i = 0; i < self->header->len; i++)
    {
      BudTableHeaderCell *h = g_ptr_array_index (self->header, i);

      if (h->colspan == 1 && h->col < self->n_columns)
        width[h->col] = MAX (width[h->col], display_width (h->text));
    }
  for (guint r = 0; r < self->rows->len; r++)
    {
      BudTableRow *row = g_ptr_array_index (self->rows, r);
      char **cells = g_new0 (char *, self->n_columns + 1);

      for (guint c = 0; c < self->n_columns; c++)
        {
          cells[c] = bud_table_cell_text (self, &row->cells[c]);
          width[c] = MAX (width[c], display_width (cells[c]));
        }
      g_ptr_array_add (body, cells);
    }
  for (guint i = 0; i < self->header->len; i++)
    {
      BudTableHeaderCell *h = g_ptr_array_index (self->header, i);
      guint span = 0;

      if (h->colspan == 1 || h->col + h->colspan > self->n_columns)
        continue;
      for (guint c = h->col; c < h->col + h->colspan; c++)
        span += width[c] + (c > h->col ? GAP : 0);
      if (display_width (h->text) > span)
        width[h->col + h->colspan - 1] += display_width (h->text) - span;
    }
  for (guint c = 0; c < self->n_columns; c++)
    total_width += width[c] + (c > 0 ? GAP : 0);

  g_string_append_printf (out, "表%u  %s\n", self->number, self->title);
  g_string_append_printf (out, "编制部门：%s    单位：%s\n", self->department, self->unit_label);

  for (guint r = 0; r < self->n_header_rows; r++)
    {
      GString *line = g_string_new (NULL);

      for (guint c = 0; c < self->n_columns;)
        {
          guint span = 1;
          guint w = width[c];

          for (guint i = 0; i < self->header->len; i++)
            {
              BudTableHeaderCell *h = g_ptr_array_index (self->header, i);

              if (h->row == r && h->col == c)
                span = MIN (h->colspan, self->n_columns - c);
            }
          for (guint k = 1; k < span; k++)
            w += GAP + width[c + k];
          if (c > 0)
            g_string_append (line, "  ");
          append_padded (line, grid[r][c], w, FALSE);
          c += span;
        }
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_string_append (out, line->str);
      g_string_append_c (out, '\n');
      g_string_free (line, TRUE);
    }
  for (guint i = 0; i < total_width; i++)
    g_string_append (out, "─");
  g_string_append_c (out, '\n');

  for (guint r = 0; r < body->len; r++)
    {
      char **cells = g_ptr_array_index (body, r);
      GString *line = g_string_new (NULL);

      for (guint c = 0; c < self->n_columns; c++)
        {
          if (c > 0)
            g_string_append (line, "  ");
          append_padded (line, cells[c], width[c], self->column_kinds[c] == BUD_COLUMN_MONEY);
        }
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_string_append (out, line->str);
      g_string_append_c (out, '\n');
      g_string_free (line, TRUE);
    }
  if (self->empty && self->empty_statement)
    g_string_append_printf (out, "%s\n", self->empty_statement);
  header_grid_free (grid);
}

char *
bud_table_to_text (BudTable *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);
  append_text (self, out);
  return g_string_free (out, FALSE);
}

char *
bud_tables_to_text (GPtrArray *tables)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < tables->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\n');
      append_text (g_ptr_array_index (tables, i), out);
    }
  return g_string_free (out, FALSE);
}
