/* bud-review-report-pdf.c — the reviewer's report as PDF, by the package's writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report (bud_review_report_collect) becomes the same flow of blocks the
 * disclosure package is made of, so bud_export_pdf lays it out with the
 * package's fonts, table rules and page breaks; only the cover and 目录 are
 * left out (BudExportPackage.report). Long texts (the narrative's old and new
 * bodies) are paragraphs rather than table cells: a table row never splits
 * across pages, a paragraph does.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bud-check.h"
#include "bud-export-private.h"
#include "bud-review-report.h"

static void
add_paragraph (BudExportPackage *pkg,
               const char       *text)
{
  bud_export_package_add_block (pkg, BUD_BLOCK_PARAGRAPH, text);
}

/* A section heading, also a bookmark in the PDF's outline. */
static void
add_heading (BudExportPackage *pkg,
             int               level,
             const char       *text)
{
  BudBlock *b = bud_export_package_add_block (pkg, BUD_BLOCK_HEADING, text);

  b->level = level;
  b->toc_level = level - 1;
  b->toc_text = g_strdup (text);
}

/* A grid of one heading row (repeated on continuation pages) and the body
 * rows the caller adds from row 1; add it with add_grid once filled. */
static BudGrid *
new_grid (BudExportPackage   *pkg,
          const char         *title,
          const char * const *headings,
          const BudGridRole  *roles,
          guint               n)
{
  BudGrid *grid = bud_grid_new (n);

  grid->id = g_strdup_printf ("review-%u", pkg->grids->len + 1);
  grid->name = g_strdup (title);
  grid->title = g_strdup (title);
  grid->head_rows = 1;
  grid->repeat_start = 0;
  grid->repeat_count = 1;
  for (guint c = 0; c < n; c++)
    {
      grid->column_roles[c] = roles[c];
      bud_grid_add (grid, 0, c, 1, 1, BUD_GRID_HEAD, headings[c]);
    }
  return grid;
}

static void
add_grid (BudExportPackage *pkg,
          BudGrid          *grid)
{
  BudBlock *b = bud_export_package_add_block (pkg, BUD_BLOCK_GRID, NULL);

  bud_grid_finish (grid);
  g_ptr_array_add (pkg->grids, grid);
  b->grid = bud_grid_ref (grid);
}

/* Rows of GStrv, their columns picked and ordered by @columns. */
static void
add_rows_grid (BudExportPackage   *pkg,
               const char         *title,
               const char * const *headings,
               const BudGridRole  *roles,
               const guint        *columns,
               guint               n,
               GPtrArray          *rows)
{
  BudGrid *grid = new_grid (pkg, title, headings, roles, n);

  for (guint i = 0; i < rows->len; i++)
    {
      GStrv row = g_ptr_array_index (rows, i);

      for (guint c = 0; c < n; c++)
        bud_grid_add (grid, i + 1, c, 1, 1, roles[c], row[columns[c]]);
    }
  add_grid (pkg, grid);
}

static void
add_status (BudExportPackage *pkg,
            BudReviewReport  *r)
{
  static const guint columns[] = {
    BUD_REVIEW_HISTORY_WHEN, BUD_REVIEW_HISTORY_CHANGE, BUD_REVIEW_HISTORY_BY,
    BUD_REVIEW_HISTORY_NOTE, BUD_REVIEW_HISTORY_SNAPSHOT,
  };
  static const BudGridRole roles[] = {
    BUD_GRID_TEXT, BUD_GRID_TEXT, BUD_GRID_TEXT, BUD_GRID_TEXT, BUD_GRID_TEXT,
  };
  const char *headings[] = { _("When"), _("Change"), _("By"), _("Note"), _("Snapshot") };

  add_heading (pkg, 1, _("Status"));
  add_paragraph (pkg, r->status);
  if (r->history->len == 0)
    add_paragraph (pkg, _("The status has not been changed yet."));
  else
    add_rows_grid (pkg, _("Status history"), headings, roles, columns, G_N_ELEMENTS (columns), r->history);
}

/* One table per severity, errors first: what must be fixed comes before what
 * only deserves a look. */
static void
add_findings (BudExportPackage *pkg,
              BudDocument      *doc,
              BudReviewReport  *r)
{
  static const BudSeverity order[] = { BUD_SEVERITY_ERROR, BUD_SEVERITY_WARNING, BUD_SEVERITY_INFO };
  static const BudGridRole roles[] = { BUD_GRID_CODE, BUD_GRID_CODE, BUD_GRID_TEXT, BUD_GRID_TEXT };
  const char *headings[] = { _("Severity"), _("Rule"), _("Finding"), _("Where") };

  add_heading (pkg, 1, _("Checks"));
  if (r->findings->len == 0)
    {
      add_paragraph (pkg, _("No problems were found."));
      return;
    }
  for (guint s = 0; s < G_N_ELEMENTS (order); s++)
    {
      guint n = bud_check_count (r->findings, order[s]);
      g_autofree char *title = NULL;
      BudGrid *grid;
      guint row = 1;

      if (n == 0)
        continue;
      /* Translators: a table's title: a severity ("Error") and how many findings have it */
      title = g_strdup_printf (_("%s (%u)"), bud_severity_label (order[s]), n);
      grid = new_grid (pkg, title, headings, roles, G_N_ELEMENTS (roles));
      for (guint i = 0; i < r->findings->len; i++)
        {
          BudFinding *f = g_ptr_array_index (r->findings, i);
          g_autofree char *where = NULL;

          if (f->severity != order[s])
            continue;
          where = bud_finding_describe_location (doc, f);
          bud_grid_add (grid, row, 0, 1, 1, BUD_GRID_CODE, bud_severity_label (f->severity));
          bud_grid_add (grid, row, 1, 1, 1, BUD_GRID_CODE, f->rule);
          bud_grid_add (grid, row, 2, 1, 1, BUD_GRID_TEXT, f->message);
          bud_grid_add (grid, row, 3, 1, 1, BUD_GRID_TEXT, where);
          row++;
        }
      add_grid (pkg, grid);
    }
}

static void
add_comments (BudExportPackage *pkg,
              BudReviewReport  *r)
{
  static const guint columns[] = {
    BUD_REVIEW_COMMENT_WHERE, BUD_REVIEW_COMMENT_BY, BUD_REVIEW_COMMENT_WHEN, BUD_REVIEW_COMMENT_BODY,
  };
  static const BudGridRole roles[] = { BUD_GRID_TEXT, BUD_GRID_TEXT, BUD_GRID_TEXT, BUD_GRID_TEXT };
  const char *headings[] = { _("Where"), _("By"), _("When"), _("Comment") };
  g_autofree char *title = NULL;

  add_heading (pkg, 1, _("Open comments"));
  if (r->comments->len == 0)
    {
      add_paragraph (pkg, _("No open comments."));
      return;
    }
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open comment", "%u open comments",
                                        r->comments->len), r->comments->len);
  add_rows_grid (pkg, title, headings, roles, columns, G_N_ELEMENTS (columns), r->comments);
}

static const char *
change_label (BudDiffType type)
{
  return type == BUD_DIFF_ADDED ? _("Added") : type == BUD_DIFF_REMOVED ? _("Removed") : _("Changed");
}

static char *
cell_amount (gboolean present,
             gint64   fen)
{
  return present ? bud_diff_format_money (fen) : g_strdup (_("(no row)"));
}

/* "Before:" on a line of its own, then the text's paragraphs: the paragraphs
 * are justified, and a label run into the first one would stretch its gap. */
static void
add_labelled_text (BudExportPackage *pkg,
                   const char       *label,
                   const char       *body)
{
  g_auto(GStrv) paras = g_strsplit (body, "\n", -1);
  /* Translators: a label over a text ("Before:") */
  g_autofree char *head = g_strdup_printf (_("%s:"), label);

  add_paragraph (pkg, head);
  for (guint i = 0; paras[i]; i++)
    {
      g_strstrip (paras[i]);
      if (*paras[i])
        add_paragraph (pkg, paras[i]);
    }
}

static void
add_changes (BudExportPackage *pkg,
             BudReviewReport  *r)
{
  BudDiff *diff = r->diff;

  add_heading (pkg, 1, _("Changes"));
  add_paragraph (pkg, r->compared);
  if (diff == NULL)
    return;
  if (bud_diff_is_empty (diff))
    add_paragraph (pkg, _("No differences."));

  if (diff->fields->len)
    {
      static const BudGridRole roles[] = { BUD_GRID_CODE, BUD_GRID_TEXT, BUD_GRID_TEXT, BUD_GRID_TEXT };
      const char *headings[] = { _("Change"), _("Where"), _("Before"), _("After") };
      BudGrid *grid = new_grid (pkg, _("Fields"), headings, roles, G_N_ELEMENTS (roles));

      for (guint i = 0; i < diff->fields->len; i++)
        {
          BudDiffField *f = g_ptr_array_index (diff->fields, i);

          bud_grid_add (grid, i + 1, 0, 1, 1, BUD_GRID_CODE, change_label (f->type));
          bud_grid_add (grid, i + 1, 1, 1, 1, BUD_GRID_TEXT, f->where);
          bud_grid_add (grid, i + 1, 2, 1, 1, BUD_GRID_TEXT, f->old_value);
          bud_grid_add (grid, i + 1, 3, 1, 1, BUD_GRID_TEXT, f->new_value);
        }
      add_grid (pkg, grid);
    }

  if (diff->cells->len)
    {
      static const BudGridRole roles[] = {
        BUD_GRID_TEXT, BUD_GRID_TEXT, BUD_GRID_TEXT, BUD_GRID_MONEY, BUD_GRID_MONEY,
      };
      const char *headings[] = { _("Table"), _("Row"), _("Column"), _("Before"), _("After") };
      BudGrid *grid = new_grid (pkg, _("Table cells"), headings, roles, G_N_ELEMENTS (roles));

      for (guint i = 0; i < diff->cells->len; i++)
        {
          BudDiffCell *c = g_ptr_array_index (diff->cells, i);
          g_autofree char *table = g_strdup_printf ("表%u %s", c->number, c->table_title);
          g_autofree char *old_amount = cell_amount (c->old_present, c->old_amount);
          g_autofree char *new_amount = cell_amount (c->new_present, c->new_amount);

          bud_grid_add (grid, i + 1, 0, 1, 1, BUD_GRID_TEXT, table);
          bud_grid_add (grid, i + 1, 1, 1, 1, BUD_GRID_TEXT, c->row_label[0] ? c->row_label : c->row_key);
          bud_grid_add (grid, i + 1, 2, 1, 1, BUD_GRID_TEXT, c->column_label);
          bud_grid_add (grid, i + 1, 3, 1, 1, BUD_GRID_MONEY, old_amount);
          bud_grid_add (grid, i + 1, 4, 1, 1, BUD_GRID_MONEY, new_amount);
        }
      add_grid (pkg, grid);
    }

  for (guint i = 0; i < diff->sections->len; i++)
    {
      BudDiffSection *s = g_ptr_array_index (diff->sections, i);
      g_autofree char *heading = g_strdup_printf ("%s · %s", _("Narrative"), s->title[0] ? s->title : s->id);
      BudBlock *b = bud_export_package_add_block (pkg, BUD_BLOCK_HEADING, heading);

      b->level = 2;
      /* as the HTML: a new section has no "before", a removed one no "after" */
      if (s->old_body)
        add_labelled_text (pkg, _("Before"), s->old_body);
      if (s->new_body)
        add_labelled_text (pkg, _("After"), s->new_body);
    }
}

gboolean
bud_review_report_pdf (BudDocument  *doc,
                       BudTemplate  *tpl,
                       BudDocument  *against,
                       const char   *against_label,
                       const char   *path,
                       GError      **error)
{
  g_autoptr(BudReviewReport) r = NULL;
  g_autoptr(BudExportPackage) pkg = NULL;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (BUD_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  r = bud_review_report_collect (doc, tpl, against, against_label, error);
  if (r == NULL)
    return FALSE;

  pkg = bud_export_package_new_blank (r->title, r->department, r->year);
  pkg->report = TRUE;

  heading = g_strdup_printf ("%s\n%" G_GINT64_FORMAT " — %s", r->department, r->year, _("Review report"));
  bud_export_package_add_block (pkg, BUD_BLOCK_PART, heading);
  add_paragraph (pkg, r->summary);
  add_status (pkg, r);
  add_findings (pkg, doc, r);
  add_comments (pkg, r);
  add_changes (pkg, r);

  return bud_export_pdf (pkg, path, error);
}
