/* bud-export-package.c — the disclosure package in print order, and safe file writing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "bud-export-private.h"
#include "bud-narrative.h"
#include "bud-perf-tables.h"
#include "bud-pivot.h"

G_DEFINE_QUARK (bud-export-error-quark, bud_export_error)

static const char * const format_names[] = {
  [BUD_EXPORT_PDF] = "pdf",
  [BUD_EXPORT_XLSX] = "xlsx",
  [BUD_EXPORT_HTML] = "html",
  [BUD_EXPORT_CSV] = "csv",
};

gboolean
bud_export_format_from_string (const char      *name,
                               BudExportFormat *out_format)
{
  for (guint i = 0; name && i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (name, format_names[i]) == 0)
      {
        *out_format = i;
        return TRUE;
      }
  return FALSE;
}

const char *
bud_export_format_to_string (BudExportFormat format)
{
  g_return_val_if_fail (format <= BUD_EXPORT_CSV, NULL);
  return format_names[format];
}

char *
bud_export_chinese_number (guint n)
{
  static const char * const digits[] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

  if (n < 10)
    return g_strdup (digits[n]);
  if (n < 20)
    return g_strconcat ("十", n % 10 ? digits[n % 10] : "", NULL);
  if (n < 100)
    return g_strconcat (digits[n / 10], "十", n % 10 ? digits[n % 10] : "", NULL);
  return g_strdup_printf ("%u", n);
}

/* ---- blocks ---- */

static void
block_free (gpointer data)
{
  BudBlock *b = data;

  g_free (b->text);
  g_clear_pointer (&b->grid, bud_grid_unref);
  g_free (b->toc_text);
  g_free (b->anchor);
  g_free (b);
}

static BudBlock *
add_block (BudExportPackage *self,
           BudBlockKind      kind,
           const char       *text)
{
  BudBlock *b = g_new0 (BudBlock, 1);

  b->kind = kind;
  b->text = g_strdup (text);
  b->toc_level = -1;
  b->anchor = g_strdup_printf ("b%u", self->blocks->len);
  g_ptr_array_add (self->blocks, b);
  return b;
}

static void
add_part (BudExportPackage *self,
          const char       *title)
{
  BudBlock *b = add_block (self, BUD_BLOCK_PART, title);

  b->toc_level = 0;
  b->toc_text = g_strdup (title);
}

static void
add_grid (BudExportPackage *self,
          BudGrid          *grid,
          gboolean          own_page)
{
  BudBlock *b = add_block (self, BUD_BLOCK_GRID, NULL);

  b->grid = bud_grid_ref (grid);
  b->own_page = own_page;
  g_free (b->anchor);
  b->anchor = g_strdup (grid->id);
  if (grid->toc_text)
    {
      b->toc_level = 1;
      b->toc_text = g_strdup (grid->toc_text);
    }
}

static void
add_paragraphs (BudExportPackage *self,
                const char       *body)
{
  g_auto(GStrv) paras = g_strsplit (body ? body : "", "\n", -1);

  for (guint i = 0; paras[i]; i++)
    {
      g_strstrip (paras[i]);
      if (*paras[i])
        add_block (self, BUD_BLOCK_PARAGRAPH, paras[i]);
    }
}

/* "2026-03-13" → "2026年3月13日"; anything else as it is */
static char *
chinese_date (const char *iso)
{
  int y, m, d;

  if (iso && sscanf (iso, "%d-%d-%d", &y, &m, &d) == 3)
    return g_strdup_printf ("%d年%d月%d日", y, m, d);
  return g_strdup (iso ? iso : "");
}

static void
add_sections (BudExportPackage *self,
              GPtrArray        *sections,
              BudNarrativePart  part,
              const char       *part_title,
              gboolean          with_perf,
              guint             first_perf,
              gboolean         *perf_done)
{
  for (guint i = 0; sections && i < sections->len; i++)
    {
      BudNarrativeSection *s = g_ptr_array_index (sections, i);

      if (s->part != part || g_strcmp0 (s->id, "signature") == 0)
        continue;
      /* 第四部分's one section may repeat the part's own title */
      if (s->title && *s->title && !g_str_has_suffix (part_title, s->title))
        {
          BudBlock *b = add_block (self, BUD_BLOCK_HEADING, s->title);

          b->level = CLAMP (s->level, 1, 2);
          if (b->level == 1 && part != BUD_NARRATIVE_PART4)
            {
              b->toc_level = 1;
              b->toc_text = g_strdup (s->title);
            }
        }
      add_paragraphs (self, s->body);
      if (with_perf && s->performance_tables_after && !*perf_done)
        {
          for (guint g = first_perf; g < self->grids->len; g++)
            add_grid (self, g_ptr_array_index (self->grids, g), FALSE);
          *perf_done = TRUE;
        }
    }
  if (with_perf && !*perf_done)
    {
      /* no section asked for them: they still belong to 第三部分 */
      for (guint g = first_perf; g < self->grids->len; g++)
        add_grid (self, g_ptr_array_index (self->grids, g), FALSE);
      *perf_done = TRUE;
    }
}

static void
build_blocks (BudExportPackage *self,
              BudDocument      *doc,
              GPtrArray        *sections,
              guint             n_tables)
{
  BudMeta *meta = bud_document_meta (doc);
  g_autofree char *part1 = g_strdup_printf ("第一部分 %" G_GINT64_FORMAT "年部门概况", meta->year);
  g_autofree char *part2 = g_strdup_printf ("第二部分 %" G_GINT64_FORMAT "年部门预算公开表", meta->year);
  g_autofree char *part3 = g_strdup_printf ("第三部分 %" G_GINT64_FORMAT "年部门预算情况说明", meta->year);
  const char *part4 = "第四部分 名词解释";
  gboolean perf_done = FALSE;
  BudNarrativeSection *signature = NULL;

  add_part (self, part1);
  add_sections (self, sections, BUD_NARRATIVE_PART1, part1, FALSE, 0, &perf_done);

  add_part (self, part2);
  for (guint i = 0; i < n_tables; i++)
    add_grid (self, g_ptr_array_index (self->grids, i), TRUE);

  add_part (self, part3);
  add_sections (self, sections, BUD_NARRATIVE_PART3, part3, TRUE, n_tables, &perf_done);

  add_part (self, part4);
  add_sections (self, sections, BUD_NARRATIVE_PART4, part4, FALSE, 0, &perf_done);

  for (guint i = 0; sections && i < sections->len; i++)
    {
      BudNarrativeSection *s = g_ptr_array_index (sections, i);
      if (g_strcmp0 (s->id, "signature") == 0)
        signature = s;
    }
  if (signature)
    add_block (self, BUD_BLOCK_SIGNATURE, signature->body);
  else
    {
      g_autofree char *date = chinese_date (meta->date);
      g_autofree char *text = g_strconcat (meta->department, "\n", date, NULL);
      add_block (self, BUD_BLOCK_SIGNATURE, text);
    }
}

/* add_block for the other documents' writers */
BudBlock *
bud_export_package_add_block (BudExportPackage *self,
                              BudBlockKind      kind,
                              const char       *text)
{
  return add_block (self, kind, text);
}

BudExportPackage *
bud_export_package_new_blank (const char *title,
                              const char *department,
                              gint64      year)
{
  BudExportPackage *self = g_new0 (BudExportPackage, 1);

  self->ref_count = 1;
  self->title = g_strdup (title);
  self->department = g_strdup (department);
  self->year = year;
  self->grids = g_ptr_array_new_with_free_func ((GDestroyNotify) bud_grid_unref);
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  return self;
}

BudExportPackage *
bud_export_package_new_with_sections (BudDocument  *doc,
                                      BudTemplate  *tpl,
                                      GPtrArray    *sections,
                                      GError      **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GPtrArray) perf = NULL;
  g_autofree char *title = NULL;
  BudExportPackage *self;
  BudMeta *meta;

  g_return_val_if_fail (BUD_IS_DOCUMENT (doc), NULL);
  g_return_val_if_fail (tpl != NULL, NULL);

  tables = bud_pivot_build_all (tpl, doc, NULL, error);
  if (tables == NULL)
    return NULL;
  perf = bud_perf_tables_build (doc, tpl);
  meta = bud_document_meta (doc);

  title = g_strdup_printf ("%s%" G_GINT64_FORMAT "年部门预算公开", meta->department, meta->year);
  self = bud_export_package_new_blank (title, meta->department, meta->year);

  for (guint i = 0; i < tables->len; i++)
    {
      BudGrid *grid = bud_grid_new_from_table (g_ptr_array_index (tables, i));
      g_autofree char *numeral = bud_export_chinese_number (i + 1);

      grid->toc_text = g_strconcat (numeral, "、", grid->title, NULL);
      g_ptr_array_add (self->grids, grid);
    }
  for (guint i = 0; i < perf->len; i++)
    g_ptr_array_add (self->grids, bud_grid_ref (g_ptr_array_index (perf, i)));

  build_blocks (self, doc, sections, tables->len);
  return self;
}

BudExportPackage *
bud_export_package_new (BudDocument  *doc,
                        BudTemplate  *tpl,
                        GError      **error)
{
  g_autoptr(GPtrArray) sections = NULL;

  sections = bud_narrative_build (doc, tpl, error);
  if (sections == NULL)
    return NULL;
  return bud_export_package_new_with_sections (doc, tpl, sections, error);
}

BudExportPackage *
bud_export_package_ref (BudExportPackage *self)
{
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
bud_export_package_unref (BudExportPackage *self)
{
  if (self == NULL || !g_atomic_int_dec_and_test (&self->ref_count))
    return;
  g_free (self->title);
  g_free (self->department);
  g_ptr_array_unref (self->grids);
  g_ptr_array_unref (self->blocks);
  g_free (self);
}

const char *
bud_export_package_get_title (BudExportPackage *self)
{
  return self->title;
}

guint
bud_export_package_get_n_tables (BudExportPackage *self)
{
  return self->grids->len;
}

gboolean
bud_export_write (BudExportPackage  *self,
                  BudExportFormat    format,
                  const char        *path,
                  GError           **error)
{
  switch (format)
    {
    case BUD_EXPORT_PDF:
      return bud_export_pdf (self, path, error);
    case BUD_EXPORT_XLSX:
      return bud_export_xlsx (self, path, error);
    case BUD_EXPORT_HTML:
      return bud_export_html (self, path, error);
    case BUD_EXPORT_CSV:
      return bud_export_csv (self, path, error);
    default:
      g_set_error (error, BUD_EXPORT_ERROR, BUD_EXPORT_ERROR_FORMAT,
                   _("Unknown export format %d"), (int) format);
      return FALSE;
    }
}

/* ---- files ---- */

gboolean
bud_export_write_atomic (const char  *path,
                         const char  *data,
                         gsize        len,
                         GError     **error)
{
  g_autoptr(GError) local = NULL;

  /* g_file_set_contents_full writes a temporary file beside @path, renames it
   * and removes it on failure */
  if (!g_file_set_contents_full (path, data, len, G_FILE_SET_CONTENTS_CONSISTENT, 0666, &local))
    {
      g_set_error (error, BUD_EXPORT_ERROR, BUD_EXPORT_ERROR_WRITE,
                   _("Cannot write “%s”: %s"), path, local->message);
      return FALSE;
    }
  return TRUE;
}

char *
bud_export_make_temp (const char  *path,
                      GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  char *temp = g_build_filename (dir, name, NULL);
  mode_t mask;
  int fd;

  fd = g_mkstemp_full (temp, O_RDWR, 0666);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, BUD_EXPORT_ERROR, BUD_EXPORT_ERROR_WRITE,
                   _("Cannot write “%s”: %s"), path, g_strerror (saved));
      g_free (temp);
      return NULL;
    }
  /* g_mkstemp_full ignores the umask's intent for a published file: apply it */
  mask = umask (0);
  umask (mask);
  if (fchmod (fd, 0666 & ~mask) != 0)
    { /* best effort: the file stays private */ }
  close (fd);
  return temp;
}

gboolean
bud_export_commit_temp (const char  *temp,
                        const char  *path,
                        GError     **error)
{
  if (g_rename (temp, path) != 0)
    {
      int saved = errno;
      g_unlink (temp);
      g_set_error (error, BUD_EXPORT_ERROR, BUD_EXPORT_ERROR_WRITE,
                   _("Cannot write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
