/* bud-export-html.c — the package as one self-contained HTML file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Inline CSS only (the file is mailed and put on web sites as it is), tables
 * with caption, thead and th scope, a print stylesheet, and tables that
 * scroll sideways on a phone instead of squeezing the figures. The markup is
 * also well-formed XML (void elements closed, only the XML entities), so any
 * strict parser reads it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bud-export-private.h"

static const char style[] =
  ":root{color-scheme:light}"
  "body{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"PingFang SC\",\"Microsoft YaHei\",sans-serif;"
  "line-height:1.7;margin:0 auto;max-width:64rem;padding:1rem 1.5rem;color:#111;background:#fff}"
  ".cover{text-align:center;padding:6rem 0 4rem}"
  ".cover h1{font-size:2rem;line-height:1.5;margin:0}"
  ".cover h1 span{display:block}"
  ".cover .dept{font-size:1.5rem}"
  "nav.toc h2{letter-spacing:1em}"
  "nav.toc ul{list-style:none;padding-left:0;margin:.2em 0}"
  "nav.toc ul ul{padding-left:2em}"
  "nav.toc a{color:inherit;text-decoration:none}"
  "nav.toc a:hover,nav.toc a:focus{text-decoration:underline}"
  "h2{text-align:center;font-size:1.4rem;margin:3rem 0 1.5rem}"
  "h3{font-size:1.1rem;margin:1.5rem 0 .5rem}"
  "h4{font-size:1rem;margin:1rem 0 .4rem}"
  "p{text-indent:2em;margin:.4em 0}"
  ".signature{text-align:right;margin-top:3rem}"
  ".signature p{text-indent:0;margin:0}"
  "section.table{margin:2.5rem 0}"
  ".table-scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;max-width:100%}"
  "table{border-collapse:collapse;width:100%;font-size:.85rem;line-height:1.4}"
  "caption{caption-side:top;padding-bottom:.4rem}"
  "caption .no{display:block;text-align:left;font-weight:bold}"
  "caption .title{display:block;text-align:center;font-size:1.25rem;font-weight:bold;margin:.2em 0}"
  "caption .sub{display:block;text-align:center}"
  "caption .meta{display:flex;flex-wrap:wrap;justify-content:space-between;gap:0 2em;font-size:.9em}"
  "th,td{border:1px solid #555;padding:.25em .45em;vertical-align:middle}"
  "th{background:#eef1f5;font-weight:bold;text-align:center}"
  "th.rowhead{background:transparent;font-weight:normal;text-align:left}"
  "td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}"
  "td.code,td.number{text-align:center;white-space:nowrap}"
  "td.para{min-width:16em}"
  "tr.total th,tr.total td{font-weight:bold}"
  "p.statement{margin-top:.6em}"
  "@media (max-width:40rem){body{padding:.5rem}.cover{padding:3rem 0 2rem}"
  "h2{font-size:1.2rem}table{font-size:.8rem}}"
  "@page{size:A4;margin:15mm}"
  "@page wide{size:A4 landscape;margin:12mm}"
  "@media print{body{max-width:none;padding:0;font-size:10.5pt}"
  ".cover{padding-top:35%;break-after:page}"
  "nav.toc{break-after:page}"
  "section.part{break-before:page}"
  "section.table.own-page{break-before:page}"
  "section.table.wide{page:wide}"
  ".table-scroll{overflow:visible}"
  "thead{display:table-header-group}"
  "tr{break-inside:avoid}"
  "th{background:#eee;-webkit-print-color-adjust:exact;print-color-adjust:exact}"
  "a{color:inherit;text-decoration:none}}";

static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p; p++)
    switch (*p)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '"': g_string_append (out, "&quot;"); break;
      case '\'': g_string_append (out, "&#39;"); break;
      default:
        /* control characters are not allowed in XML; a tab or line break reads as a space */
        if ((guchar) *p < 0x20)
          g_string_append_c (out, ' ');
        else
          g_string_append_c (out, *p);
      }
}

static void
append_span_attrs (GString     *out,
                   BudGridCell *cell)
{
  if (cell->colspan > 1)
    g_string_append_printf (out, " colspan=\"%u\"", cell->colspan);
  if (cell->rowspan > 1)
    g_string_append_printf (out, " rowspan=\"%u\"", cell->rowspan);
}

static void
append_cell (GString     *out,
             BudGridCell *cell,
             gboolean     row_heading)
{
  const char *tag = "td";
  const char *klass = NULL;
  const char *scope = NULL;

  switch (cell->role)
    {
    case BUD_GRID_HEAD:
      tag = "th";
      scope = cell->colspan > 1 ? "colgroup" : "col";
      break;
    case BUD_GRID_LABEL:
      tag = "th";
      scope = cell->rowspan > 1 ? "rowgroup" : "row";
      break;
    case BUD_GRID_MONEY:
      klass = "num";
      break;
    case BUD_GRID_CODE:
      klass = "code";
      break;
    case BUD_GRID_NUMBER:
      klass = "number";
      break;
    case BUD_GRID_PARA:
      klass = "para";
      break;
    case BUD_GRID_TEXT:
    default:
      if (row_heading)
        {
          tag = "th";
          scope = "row";
          klass = "rowhead";
        }
      break;
    }
  g_string_append_printf (out, "<%s", tag);
  if (scope)
    g_string_append_printf (out, " scope=\"%s\"", scope);
  if (klass)
    g_string_append_printf (out, " class=\"%s\"", klass);
  append_span_attrs (out, cell);
  g_string_append_c (out, '>');
  append_escaped (out, cell->text);
  g_string_append_printf (out, "</%s>", tag);
}

static void
append_row (GString *out,
            BudGrid *grid,
            guint    r)
{
  gboolean strong = FALSE;
  gboolean heading_done = grid->label == NULL;   /* only template tables have a name column */

  for (guint c = 0; c < grid->n_columns; c++)
    {
      BudGridCell *cell = bud_grid_slot (grid, r, c);
      if (cell && cell->strong)
        strong = TRUE;
    }
  g_string_append (out, strong ? "<tr class=\"total\">" : "<tr>");
  for (guint c = 0; c < grid->n_columns; c++)
    {
      BudGridCell *cell = bud_grid_slot (grid, r, c);

      if (cell == NULL)
        {
          g_string_append (out, "<td></td>");
          continue;
        }
      if (cell->row != r || cell->col != c)
        continue;
      /* the first name in a body row heads the row for screen readers */
      if (!heading_done && r >= grid->head_rows && cell->role == BUD_GRID_TEXT)
        {
          append_cell (out, cell, TRUE);
          heading_done = TRUE;
        }
      else
        append_cell (out, cell, FALSE);
    }
  g_string_append (out, "</tr>\n");
}

static void
append_grid (GString  *out,
             BudBlock *block)
{
  BudGrid *grid = block->grid;

  g_string_append_printf (out, "<section class=\"table%s%s\" id=\"",
                          block->own_page ? " own-page" : "", grid->n_columns > 8 ? " wide" : "");
  append_escaped (out, block->anchor);
  g_string_append (out, "\">\n<div class=\"table-scroll\">\n<table>\n<caption>");
  if (grid->label)
    {
      g_string_append (out, "<span class=\"no\">");
      append_escaped (out, grid->label);
      g_string_append (out, "</span>");
    }
  g_string_append (out, "<span class=\"title\">");
  append_escaped (out, grid->title);
  g_string_append (out, "</span>");
  if (grid->subtitle)
    {
      g_string_append (out, "<span class=\"sub\">");
      append_escaped (out, grid->subtitle);
      g_string_append (out, "</span>");
    }
  if (grid->department_line || grid->unit_line)
    {
      g_string_append (out, "<span class=\"meta\"><span>");
      append_escaped (out, grid->department_line ? grid->department_line : "");
      g_string_append (out, "</span><span>");
      append_escaped (out, grid->unit_line ? grid->unit_line : "");
      g_string_append (out, "</span></span>");
    }
  g_string_append (out, "</caption>\n");

  if (grid->head_rows > 0)
    {
      g_string_append (out, "<thead>\n");
      for (guint r = 0; r < grid->head_rows; r++)
        append_row (out, grid, r);
      g_string_append (out, "</thead>\n");
    }
  g_string_append (out, "<tbody>\n");
  for (guint r = grid->head_rows; r < grid->n_rows; r++)
    append_row (out, grid, r);
  g_string_append (out, "</tbody>\n</table>\n</div>\n");
  if (grid->statement)
    {
      g_string_append (out, "<p class=\"statement\">");
      append_escaped (out, grid->statement);
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</section>\n");
}

static void
append_toc (GString          *out,
            BudExportPackage *self)
{
  gboolean sublist = FALSE;
  gboolean item = FALSE;

  g_string_append (out, "<nav class=\"toc\" aria-labelledby=\"toc-title\">\n"
                        "<h2 id=\"toc-title\">目录</h2>\n<ul>\n");
  for (guint i = 0; i < self->blocks->len; i++)
    {
      BudBlock *b = g_ptr_array_index (self->blocks, i);

      if (b->toc_level < 0)
        continue;
      if (b->toc_level == 0)
        {
          if (sublist)
            g_string_append (out, "</ul>");
          if (item)
            g_string_append (out, "</li>\n");
          sublist = FALSE;
          item = TRUE;
          g_string_append (out, "<li>");
        }
      else
        {
          if (!sublist)
            g_string_append (out, "\n<ul>\n");
          sublist = TRUE;
          g_string_append (out, "<li>");
        }
      g_string_append (out, "<a href=\"#");
      append_escaped (out, b->anchor);
      g_string_append (out, "\">");
      append_escaped (out, b->toc_text);
      g_string_append (out, "</a>");
      if (b->toc_level > 0)
        g_string_append (out, "</li>\n");
    }
  if (sublist)
    g_string_append (out, "</ul>");
  if (item)
    g_string_append (out, "</li>\n");
  g_string_append (out, "</ul>\n</nav>\n");
}

static char *
bud_export_html_data (BudExportPackage *self,
                      gsize            *out_len)
{
  GString *out = g_string_sized_new (64 * 1024);
  gboolean in_part = FALSE;
  g_autofree char *year_title = g_strdup_printf ("%" G_GINT64_FORMAT "年部门预算公开", self->year);

  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                        "<meta name=\"generator\" content=\"deptbudget " PACKAGE_VERSION "\"/>\n<title>");
  append_escaped (out, self->title);
  g_string_append_printf (out, "</title>\n<style>%s</style>\n</head>\n<body>\n", style);

  g_string_append (out, "<header class=\"cover\">\n<h1><span class=\"dept\">");
  append_escaped (out, self->department);
  g_string_append (out, "</span><span>");
  append_escaped (out, year_title);
  g_string_append (out, "</span></h1>\n</header>\n");
  append_toc (out, self);
  g_string_append (out, "<main>\n");

  for (guint i = 0; i < self->blocks->len; i++)
    {
      BudBlock *b = g_ptr_array_index (self->blocks, i);

      switch (b->kind)
        {
        case BUD_BLOCK_PART:
          if (in_part)
            g_string_append (out, "</section>\n");
          in_part = TRUE;
          g_string_append (out, "<section class=\"part\">\n<h2 id=\"");
          append_escaped (out, b->anchor);
          g_string_append (out, "\">");
          append_escaped (out, b->text);
          g_string_append (out, "</h2>\n");
          break;
        case BUD_BLOCK_HEADING:
          g_string_append_printf (out, "<h%d id=\"", b->level + 2);
          append_escaped (out, b->anchor);
          g_string_append (out, "\">");
          append_escaped (out, b->text);
          g_string_append_printf (out, "</h%d>\n", b->level + 2);
          break;
        case BUD_BLOCK_PARAGRAPH:
          g_string_append (out, "<p>");
          append_escaped (out, b->text);
          g_string_append (out, "</p>\n");
          break;
        case BUD_BLOCK_GRID:
          append_grid (out, b);
          break;
        case BUD_BLOCK_SIGNATURE:
          {
            g_auto(GStrv) lines = g_strsplit (b->text ? b->text : "", "\n", -1);

            g_string_append (out, "<div class=\"signature\">\n");
            for (guint l = 0; lines[l]; l++)
              {
                g_string_append (out, "<p>");
                append_escaped (out, lines[l]);
                g_string_append (out, "</p>\n");
              }
            g_string_append (out, "</div>\n");
          }
          break;
        default:
          break;
        }
    }
  if (in_part)
    g_string_append (out, "</section>\n");
  g_string_append (out, "</main>\n</body>\n</html>\n");
  *out_len = out->len;
  return g_string_free (out, FALSE);
}

gboolean
bud_export_html (BudExportPackage  *self,
                 const char        *path,
                 GError           **error)
{
  gsize len = 0;
  g_autofree char *data = bud_export_html_data (self, &len);

  return bud_export_write_atomic (path, data, len, error);
}
