/* bud-export-xlsx.c — one worksheet per table with libxlsxwriter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Amounts are numbers, so the recipient can add them up: the value is the
 * printed figure exactly (the amount rounded to hundredths of the unit first,
 * then divided by 100), shown with "0.00". Zero stays blank as in the seed.
 * Each sheet prints on A4, fitted to the page width, headings repeated.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "bud-export-private.h"

#define FONT_SIZE   10
#define LINE_HEIGHT 13.5   /* points per line at FONT_SIZE */

typedef struct {
  lxw_format *head;
  lxw_format *label;
  lxw_format *text[2];     /* [strong] */
  lxw_format *code[2];
  lxw_format *money[2];
  lxw_format *number[2];
  lxw_format *para;
  lxw_format *table_no;
  lxw_format *title;
  lxw_format *subtitle;
  lxw_format *dept;
  lxw_format *unit;
  lxw_format *statement;
} Formats;

static lxw_format *
cell_format (lxw_workbook *wb,
             gboolean      strong)
{
  lxw_format *f = workbook_add_format (wb);

  format_set_font_size (f, FONT_SIZE);
  format_set_border (f, LXW_BORDER_THIN);
  format_set_align (f, LXW_ALIGN_VERTICAL_CENTER);
  if (strong)
    format_set_bold (f);
  return f;
}

static void
make_formats (lxw_workbook *wb,
              Formats      *f)
{
  f->head = cell_format (wb, TRUE);
  format_set_align (f->head, LXW_ALIGN_CENTER);
  format_set_text_wrap (f->head);
  format_set_bg_color (f->head, 0xEEF1F5);

  f->label = cell_format (wb, FALSE);
  format_set_align (f->label, LXW_ALIGN_CENTER);
  format_set_text_wrap (f->label);
  format_set_bg_color (f->label, 0xEEF1F5);

  for (int s = 0; s < 2; s++)
    {
      f->text[s] = cell_format (wb, s);
      format_set_text_wrap (f->text[s]);

      f->code[s] = cell_format (wb, s);
      format_set_align (f->code[s], LXW_ALIGN_CENTER);
      /* codes like "03" must stay text, and they are written as strings */

      f->money[s] = cell_format (wb, s);
      format_set_align (f->money[s], LXW_ALIGN_RIGHT);
      format_set_num_format (f->money[s], "0.00");

      f->number[s] = cell_format (wb, s);
      format_set_align (f->number[s], LXW_ALIGN_CENTER);
    }

  f->para = cell_format (wb, FALSE);
  format_set_text_wrap (f->para);
  format_set_align (f->para, LXW_ALIGN_LEFT);

  f->table_no = workbook_add_format (wb);
  format_set_font_size (f->table_no, FONT_SIZE);
  format_set_bold (f->table_no);

  f->title = workbook_add_format (wb);
  format_set_font_size (f->title, 16);
  format_set_bold (f->title);
  format_set_align (f->title, LXW_ALIGN_CENTER);
  format_set_align (f->title, LXW_ALIGN_VERTICAL_CENTER);

  f->subtitle = workbook_add_format (wb);
  format_set_font_size (f->subtitle, FONT_SIZE);
  format_set_align (f->subtitle, LXW_ALIGN_CENTER);

  f->dept = workbook_add_format (wb);
  format_set_font_size (f->dept, FONT_SIZE);
  format_set_align (f->dept, LXW_ALIGN_LEFT);

  f->unit = workbook_add_format (wb);
  format_set_font_size (f->unit, FONT_SIZE);
  format_set_align (f->unit, LXW_ALIGN_RIGHT);

  f->statement = workbook_add_format (wb);
  format_set_font_size (f->statement, FONT_SIZE);
  format_set_text_wrap (f->statement);
  format_set_align (f->statement, LXW_ALIGN_VERTICAL_TOP);
}

static lxw_format *
format_of (Formats     *f,
           BudGridCell *cell)
{
  int s = cell->strong ? 1 : 0;

  switch (cell->role)
    {
    case BUD_GRID_HEAD:   return f->head;
    case BUD_GRID_LABEL:  return f->label;
    case BUD_GRID_CODE:   return f->code[s];
    case BUD_GRID_MONEY:  return f->money[s];
    case BUD_GRID_NUMBER: return f->number[s];
    case BUD_GRID_PARA:   return f->para;
    case BUD_GRID_TEXT:
    default:              return f->text[s];
    }
}

/* Display width in Excel's units (the width of "0"): a CJK character takes two. */
static double
text_units (const char *text)
{
  double w = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      w += g_unichar_iswide (ch) || g_unichar_iswide_cjk (ch) ? 2.1 : 1.1;
    }
  return w;
}

static void
column_widths (BudGrid *grid,
               double  *widths)
{
  for (guint c = 0; c < grid->n_columns; c++)
    widths[c] = grid->column_roles[c] == BUD_GRID_MONEY ? 10 : 4;

  for (guint i = 0; i < grid->cells->len; i++)
    {
      BudGridCell *cell = g_ptr_array_index (grid->cells, i);
      double w;

      if (cell->colspan != 1 || cell->role == BUD_GRID_PARA)
        continue;
      w = text_units (cell->text) + 1.5;
      /* headings wrap rather than widen their column; names wrap past 40 */
      if (cell->role == BUD_GRID_HEAD || cell->role == BUD_GRID_LABEL)
        w = MIN (w, 12);
      widths[cell->col] = MAX (widths[cell->col], MIN (w, 40));
    }
}

/* Excel does not grow a row for wrapped text when the file is opened: give each
 * row the height its tallest cell needs. */
static void
row_heights (BudGrid      *grid,
             const double *widths,
             double       *heights)
{
  for (guint r = 0; r < grid->n_rows; r++)
    heights[r] = LINE_HEIGHT + 4;
  for (guint i = 0; i < grid->cells->len; i++)
    {
      BudGridCell *cell = g_ptr_array_index (grid->cells, i);
      double avail = 0, lines, h;

      if (cell->role == BUD_GRID_MONEY || cell->role == BUD_GRID_CODE || cell->role == BUD_GRID_NUMBER)
        continue;
      for (guint c = cell->col; c < cell->col + cell->colspan; c++)
        avail += widths[c];
      lines = MAX (1.0, (double) (guint) (text_units (cell->text) / MAX (avail - 1, 1.0) + 0.999));
      h = lines * LINE_HEIGHT + 4;
      /* a merged cell shares its height among its rows */
      h /= cell->rowspan;
      for (guint r = cell->row; r < cell->row + cell->rowspan; r++)
        heights[r] = MAX (heights[r], MIN (h, 409));
    }
}

/* Sheet names: at most 31 characters, none of []:*?/\, unique. */
static char *
sheet_name (const char *name,
            GHashTable *used)
{
  GString *s = g_string_new (NULL);
  guint n = 0;
  char *result;

  for (const char *p = name; *p && n < 28; p = g_utf8_next_char (p), n++)
    {
      gunichar ch = g_utf8_get_char (p);
      if (ch < 0x20 || (ch < 0x80 && strchr ("[]:*?/\\'", (int) ch)))
        g_string_append_c (s, '_');
      else
        g_string_append_unichar (s, ch);
    }
  if (s->len == 0)
    g_string_append (s, "Sheet");
  result = g_string_free (s, FALSE);
  for (guint i = 2; g_hash_table_contains (used, result); i++)
    {
      g_autofree char *base = g_strdup (result);
      char *cut = strrchr (base, '(');
      if (cut && i > 2)
        *cut = '\0';
      g_free (result);
      result = g_strdup_printf ("%s(%u)", base, i);
    }
  g_hash_table_add (used, g_strdup (result));
  return result;
}

static void
write_cell (lxw_worksheet *ws,
            Formats       *f,
            BudGridCell   *cell,
            guint          top,
            BudMoneyUnit   unit)
{
  lxw_format *fmt = format_of (f, cell);
  lxw_row_t r = top + cell->row;
  lxw_col_t c = cell->col;
  gboolean number = cell->has_value && *cell->text &&
                    (cell->role == BUD_GRID_MONEY || cell->role == BUD_GRID_NUMBER);

  if (cell->rowspan > 1 || cell->colspan > 1)
    worksheet_merge_range (ws, r, c, r + cell->rowspan - 1, c + cell->colspan - 1,
                           number ? "" : cell->text, fmt);
  if (number)
    {
      /* the rounded integer first: the cell holds exactly the printed figure */
      gint64 hundredths = cell->role == BUD_GRID_MONEY ? bud_money_round (cell->value, unit) : cell->value;
      double v = (double) hundredths / 100.0;
      worksheet_write_number (ws, r, c, v, fmt);
    }
  else if (cell->rowspan == 1 && cell->colspan == 1)
    worksheet_write_string (ws, r, c, cell->text, fmt);
}

static gboolean
write_sheet (lxw_workbook *wb,
             Formats      *f,
             BudGrid      *grid,
             const char   *name)
{
  lxw_worksheet *ws = workbook_add_worksheet (wb, name);
  g_autofree double *widths = g_new0 (double, grid->n_columns);
  g_autofree double *heights = g_new0 (double, MAX (grid->n_rows, 1));
  guint last = grid->n_columns - 1;
  guint row = 0, top;
  double total_width = 0;

  if (ws == NULL)
    return FALSE;

  column_widths (grid, widths);
  row_heights (grid, widths, heights);
  for (guint c = 0; c < grid->n_columns; c++)
    {
      worksheet_set_column (ws, c, c, widths[c], NULL);
      total_width += widths[c];
    }

  if (grid->label)
    worksheet_write_string (ws, row++, 0, grid->label, f->table_no);
  worksheet_set_row (ws, row, 28, NULL);
  if (last > 0)
    worksheet_merge_range (ws, row, 0, row, last, grid->title, f->title);
  else
    worksheet_write_string (ws, row, 0, grid->title, f->title);
  row++;
  if (grid->subtitle)
    {
      if (last > 0)
        worksheet_merge_range (ws, row, 0, row, last, grid->subtitle, f->subtitle);
      else
        worksheet_write_string (ws, row, 0, grid->subtitle, f->subtitle);
      row++;
    }
  if (grid->department_line || grid->unit_line)
    {
      if (last > 1)
        worksheet_merge_range (ws, row, 0, row, last - 1,
                               grid->department_line ? grid->department_line : "", f->dept);
      else
        worksheet_write_string (ws, row, 0, grid->department_line ? grid->department_line : "", f->dept);
      worksheet_write_string (ws, row, last, grid->unit_line ? grid->unit_line : "", f->unit);
      row++;
    }

  top = row;
  for (guint r = 0; r < grid->n_rows; r++)
    worksheet_set_row (ws, top + r, heights[r], NULL);
  for (guint r = 0; r < grid->n_rows; r++)
    for (guint c = 0; c < grid->n_columns; c++)
      {
        BudGridCell *cell = bud_grid_slot (grid, r, c);

        if (cell == NULL)
          worksheet_write_blank (ws, top + r, c, f->text[0]);
        else if (cell->row == r && cell->col == c)
          write_cell (ws, f, cell, top, grid->money_unit);
      }
  row = top + grid->n_rows;

  if (grid->statement)
    {
      row++;
      worksheet_set_row (ws, row, LINE_HEIGHT * 2 + 4, NULL);
      if (last > 0)
        worksheet_merge_range (ws, row, 0, row, last, grid->statement, f->statement);
      else
        worksheet_write_string (ws, row, 0, grid->statement, f->statement);
    }

  worksheet_set_paper (ws, 9);   /* A4 */
  if (total_width > 100)
    worksheet_set_landscape (ws);
  worksheet_fit_to_pages (ws, 1, 0);
  worksheet_set_margins (ws, 0.5, 0.5, 0.6, 0.6);
  worksheet_center_horizontally (ws);
  worksheet_set_footer (ws, "&C&P / &N");
  if (grid->repeat_count > 0 && grid->repeat_start == 0)
    {
      worksheet_repeat_rows (ws, top, top + grid->repeat_count - 1);
      worksheet_freeze_panes (ws, top + grid->repeat_count, 0);
    }
  return TRUE;
}

gboolean
bud_export_xlsx (BudExportPackage  *self,
                 const char        *path,
                 GError           **error)
{
  g_autofree char *temp = bud_export_make_temp (path, error);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL, .use_zip64 = LXW_FALSE };
  lxw_doc_properties props = { 0 };
  lxw_workbook *wb;
  lxw_error err;
  Formats f;

  if (temp == NULL)
    return FALSE;
  wb = workbook_new_opt (temp, &options);
  if (wb == NULL)
    {
      g_unlink (temp);
      g_set_error (error, BUD_EXPORT_ERROR, BUD_EXPORT_ERROR_FAILED,
                   _("Cannot create the spreadsheet “%s”"), path);
      return FALSE;
    }
  props.title = self->title;
  props.company = self->department;
  workbook_set_properties (wb, &props);
  make_formats (wb, &f);

  for (guint i = 0; i < self->grids->len; i++)
    {
      BudGrid *grid = g_ptr_array_index (self->grids, i);
      g_autofree char *name = sheet_name (grid->name, used);

      if (!write_sheet (wb, &f, grid, name))
        {
          workbook_close (wb);
          g_unlink (temp);
          g_set_error (error, BUD_EXPORT_ERROR, BUD_EXPORT_ERROR_FAILED,
                       _("Cannot add the sheet “%s” to “%s”"), name, path);
          return FALSE;
        }
    }

  err = workbook_close (wb);
  if (err != LXW_NO_ERROR)
    {
      g_unlink (temp);
      g_set_error (error, BUD_EXPORT_ERROR, BUD_EXPORT_ERROR_WRITE,
                   _("Cannot write “%s”: %s"), path, lxw_strerror (err));
      return FALSE;
    }
  return bud_export_commit_temp (temp, path, error);
}
