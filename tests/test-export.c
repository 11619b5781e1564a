/* test-export.c — the disclosure package in PDF, XLSX, HTML and CSV against the seed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The expectations come from the published seed: the figures of the 12
 * tables from tests/golden/changji-2026-tables.tsv (transcribed from
 * reference/seed-changji-2026.txt), the performance tables' values and
 * weights from the seed's text below. Each format is read back the way a
 * reader would: the PDF through pdftotext and pdffonts (poppler-utils), the
 * XLSX by unzipping its sheet XML, the HTML with a strict XML parser, the
 * CSV files with an RFC 4180 reader.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdarg.h>
#include <string.h>
#include <sys/wait.h>

#include "bud-export.h"
#include "bud-export-private.h"
#include "bud-jsonio.h"
#include "bud-narrative.h"
#include "bud-synth.h"
#include "bud-template.h"
#include "bud-test-doc.h"

/* ---- the seed's performance tables, as printed (指标值 with the typing damage repaired) ---- */

typedef struct {
  const char *name;
  const char *value;
  const char *weight;
} SeedIndicator;

static const SeedIndicator seed_department[] = {
  { "招商引资到位资金", "≥160亿元", "40" },
  { "开展招商活动", "≥4次", "30" },
  { "重点签约项目履约率", "≥90%", "20" },
};

static const SeedIndicator seed_project[] = {
  { "区外到位资金", "≥119亿元", "8" },
  { "新落地项目比重", "≥60%", "9" },
  { "2026年招商到位资金", "≥153亿元", "10" },
  { "签约项目履约率", "≥90%", "7" },
  { "项目完成时间", "2026年12月1日", "6" },
  { "招商办公经费", "≤18.50万元", "7" },
  { "招商宣传制作费用", "≤1万元", "5" },
  { "开展招商活动经费", "≤10.5万元", "8" },
  { "带动就业人数", "≥5000人", "20" },
  { "外商对营商环境满意度", "≥90%", "10" },
};

/* ---- the golden tables ---- */

typedef struct {
  guint       number;
  char       *title;
  GPtrArray  *rows;        /* GStrv */
  GPtrArray  *figures;     /* char *, every amount in row order */
  char       *statement;
} Golden;

static void
golden_free (gpointer data)
{
  Golden *g = data;

  g_free (g->title);
  g_ptr_array_unref (g->rows);
  g_ptr_array_unref (g->figures);
  g_free (g->statement);
  g_free (g);
}

static gboolean
is_figure (const char *s)
{
  const char *dot = strchr (s, '.');
  gsize n = strlen (s);

  if (dot == NULL || n - (dot - s) != 3 || dot == s)
    return FALSE;
  for (const char *p = s; *p; p++)
    if (!g_ascii_isdigit (*p) && p != dot && !(p == s && *p == '-'))
      return FALSE;
  return TRUE;
}

static GPtrArray *
load_golden (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "golden", "changji-2026-tables.tsv", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *tables = g_ptr_array_new_with_free_func (golden_free);
  Golden *cur = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      const char *l = lines[i];

      if (g_str_has_prefix (l, "# 表"))
        {
          const char *space = strchr (l + 2, ' ');

          cur = g_new0 (Golden, 1);
          cur->number = (guint) g_ascii_strtoull (l + strlen ("# 表"), NULL, 10);
          cur->title = g_strdup (space + 1);
          cur->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
          cur->figures = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (tables, cur);
        }
      else if (g_str_has_prefix (l, "# ") && cur)
        cur->statement = g_strdup (l + 2);
      else if (*l && cur)
        {
          char **cells = g_strsplit (l, "\t", -1);

          for (guint c = 0; cells[c]; c++)
            if (is_figure (cells[c]))
              g_ptr_array_add (cur->figures, g_strdup (cells[c]));
          g_ptr_array_add (cur->rows, cells);
        }
    }
  g_assert_cmpuint (tables->len, ==, 12);
  return tables;
}

/* The figures of @text in reading order: every token that looks like 123.45. */
static void
collect_figures (const char *text,
                 GPtrArray  *out)
{
  const char *p = text;

  while (*p)
    {
      const char *start = p;

      if (g_ascii_isdigit (*p) || (*p == '-' && g_ascii_isdigit (p[1])))
        {
          g_autofree char *tok = NULL;

          p++;
          while (g_ascii_isdigit (*p) || *p == '.')
            p++;
          tok = g_strndup (start, p - start);
          /* a figure stands alone: not part of "2026年" or a longer number */
          if (is_figure (tok))
            g_ptr_array_add (out, g_steal_pointer (&tok));
        }
      else
        p++;
    }
}

static void
assert_same_figures (const char *where,
                     GPtrArray  *want,
                     GPtrArray  *got)
{
  g_autoptr(GString) a = g_string_new (NULL);
  g_autoptr(GString) b = g_string_new (NULL);

  for (guint i = 0; i < want->len; i++)
    g_string_append_printf (a, "%s ", (char *) g_ptr_array_index (want, i));
  for (guint i = 0; i < got->len; i++)
    g_string_append_printf (b, "%s ", (char *) g_ptr_array_index (got, i));
  if (strcmp (a->str, b->str) != 0)
    g_error ("%s: figures differ from the seed\n  seed: %s\n  got:  %s", where, a->str, b->str);
}

/* ---- the fixture: the example exported once into a temporary folder ---- */

typedef struct {
  char             *dir;
  BudExportPackage *pkg;
  GPtrArray        *golden;
  char             *pdf;
  char             *xlsx;
  char             *html;
  char             *csv;
} Fixture;

static Fixture fx;

static void
fixture_setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDocument) doc = bud_test_load_example ();
  g_autoptr(BudTemplate) tpl = bud_template_load ("xinjiang-2026", &error);

  g_assert_no_error (error);
  fx.dir = g_dir_make_tmp ("test-export-XXXXXX", &error);
  g_assert_no_error (error);
  fx.golden = load_golden ();
  fx.pkg = bud_export_package_new (doc, tpl, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fx.pkg);

  fx.pdf = g_build_filename (fx.dir, "package.pdf", NULL);
  fx.xlsx = g_build_filename (fx.dir, "package.xlsx", NULL);
  fx.html = g_build_filename (fx.dir, "package.html", NULL);
  fx.csv = g_build_filename (fx.dir, "csv", NULL);
  g_assert_true (bud_export_pdf (fx.pkg, fx.pdf, &error));
  g_assert_no_error (error);
  g_assert_true (bud_export_xlsx (fx.pkg, fx.xlsx, &error));
  g_assert_no_error (error);
  g_assert_true (bud_export_html (fx.pkg, fx.html, &error));
  g_assert_no_error (error);
  g_assert_true (bud_export_csv (fx.pkg, fx.csv, &error));
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_teardown (void)
{
  /* BUD_EXPORT_KEEP=1 keeps the files, to look at them */
  if (g_getenv ("BUD_EXPORT_KEEP"))
    g_printerr ("# exported files kept in %s\n", fx.dir);
  else
    remove_tree (fx.dir);
  g_free (fx.dir);
  g_free (fx.pdf);
  g_free (fx.xlsx);
  g_free (fx.html);
  g_free (fx.csv);
  bud_export_package_unref (fx.pkg);
  g_ptr_array_unref (fx.golden);
}

/* ---- PDF ---- */

static char **
pdf_lines (void)
{
  const char *argv[] = { "pdftotext", "-layout", fx.pdf, "-", NULL };
  g_autofree char *text = bud_test_spawn (argv, NULL);

  return g_strsplit (text, "\n", -1);
}

static void
test_pdf_figures (void)
{
  g_auto(GStrv) lines = pdf_lines ();
  guint n_lines = g_strv_length (lines);
  guint start = 0;

  /* each table runs from its "表N" line to the next table or 第三部分 */
  for (guint t = 0; t < fx.golden->len; t++)
    {
      Golden *g = g_ptr_array_index (fx.golden, t);
      g_autofree char *label = g_strdup_printf ("表%u", g->number);
      g_autofree char *next = g_strdup_printf ("表%u", g->number + 1);
      g_autoptr(GPtrArray) got = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GString) segment = g_string_new (NULL);
      g_autofree char *flat = NULL;
      g_autofree char *where = g_strdup_printf ("PDF %s", label);
      guint end;

      while (start < n_lines && strcmp (g_strstrip (lines[start]), label) != 0)
        start++;
      g_assert_cmpuint (start, <, n_lines);
      for (end = start + 1; end < n_lines; end++)
        {
          g_autofree char *l = g_strstrip (g_strdup (lines[end]));
          if (strcmp (l, next) == 0 || g_str_has_prefix (l, "第三部分"))
            break;
          g_string_append (segment, lines[end]);
          g_string_append_c (segment, '\n');
        }
      collect_figures (segment->str, got);
      assert_same_figures (where, g->figures, got);

      flat = bud_test_strip_spaces (segment->str);
      g_assert_nonnull (strstr (flat, g->title));
      g_assert_nonnull (strstr (flat, "编制部门：昌吉市招商引资服务中心（昌吉市产业园服务中心）"));
      g_assert_nonnull (strstr (flat, "单位：万元"));
      if (g->statement)
        g_assert_nonnull (strstr (flat, g->statement));
      start = end;
    }
}

static void
test_pdf_fonts (void)
{
  bud_test_assert_pdf_fonts (fx.pdf, TRUE);
}

static void
test_pdf_structure (void)
{
  const char *argv[] = { "pdftotext", fx.pdf, "-", NULL };
  g_autofree char *text = bud_test_spawn (argv, NULL);
  g_autofree char *flat = bud_test_strip_spaces (text);
  const char *cover, *toc, *p1, *p2, *p3, *p4, *perf13, *perf_dept, *perf_proj, *after, *sig;

  cover = strstr (flat, "2026年部门预算公开");
  toc = strstr (flat, "目录");
  p1 = toc ? strstr (toc, "第一部分2026年部门概况一、主要职能") : NULL;
  p2 = p1 ? strstr (p1, "第二部分2026年部门预算公开表") : NULL;
  p3 = p2 ? strstr (p2, "第三部分2026年部门预算情况说明") : NULL;
  perf13 = p3 ? strstr (p3, "（四）预算绩效情况") : NULL;
  perf_dept = perf13 ? strstr (perf13, "部门整体绩效目标表") : NULL;
  perf_proj = perf_dept ? strstr (perf_dept, "项目支出绩效目标表") : NULL;
  after = perf_proj ? strstr (perf_proj, "（五）其他需说明的事项") : NULL;
  p4 = after ? strstr (after, "第四部分名词解释") : NULL;
  sig = p4 ? strstr (p4, "2026年3月13日") : NULL;
  g_assert_nonnull (cover);
  g_assert_true (cover < toc);
  g_assert_nonnull (p1);
  g_assert_nonnull (p2);
  g_assert_nonnull (p3);
  g_assert_nonnull (perf13);
  g_assert_nonnull (perf_dept);
  g_assert_nonnull (perf_proj);
  g_assert_nonnull (after);
  g_assert_nonnull (p4);
  g_assert_nonnull (sig);
}

/* 目录 prints the page each entry starts on: check three of them against the pages. */
static void
test_pdf_toc_pages (void)
{
  const char *argv[] = { "pdftotext", "-layout", fx.pdf, "-", NULL };
  g_autofree char *text = bud_test_spawn (argv, NULL);
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  const char *entries[][2] = {
    { "二、部门收入总体情况表", "表2" },
    { "七、一般公共预算项目支出情况表", "表7" },
    { "第三部分 2026年部门预算情况说明", "第三部分 2026年部门预算情况说明" },
  };
  guint toc_page = 1;   /* the cover is page 0 */

  g_assert_nonnull (strstr (pages[toc_page], "目"));
  for (guint e = 0; e < G_N_ELEMENTS (entries); e++)
    {
      g_auto(GStrv) lines = g_strsplit (pages[toc_page], "\n", -1);
      guint number = 0, found = 0;

      for (guint l = 0; lines[l]; l++)
        if (strstr (lines[l], entries[e][0]))
          {
            const char *end = lines[l] + strlen (lines[l]);
            const char *p = end;

            while (p > lines[l] && g_ascii_isspace (p[-1]))
              p--;
            while (p > lines[l] && g_ascii_isdigit (p[-1]))
              p--;
            number = (guint) g_ascii_strtoull (p, NULL, 10);
          }
      g_assert_cmpuint (number, >, 0);
      /* page N of the numbering is the page that prints "- N -" */
      for (guint pg = 0; pages[pg]; pg++)
        {
          g_autofree char *footer = g_strdup_printf ("-%u-", number);
          g_auto(GStrv) lines2 = g_strsplit (pages[pg], "\n", -1);
          gboolean has_footer = FALSE;
          gboolean has_entry = FALSE;

          /* the footer is the page's last line; pdftotext may drop its spaces */
          for (guint l = 0; lines2[l]; l++)
            {
              g_autofree char *t = g_strstrip (g_strdup (lines2[l]));
              g_autofree char *bare = bud_test_strip_spaces (t);

              if (strcmp (t, entries[e][1]) == 0)
                has_entry = TRUE;
              if (*bare)
                has_footer = strcmp (bare, footer) == 0;
            }
          if (has_footer && has_entry)
            found = pg;
        }
      g_assert_cmpuint (found, >, toc_page);
    }
}

/* Every numbered page carries its number once, as its last line, in sequence —
 * a page break inside a paragraph once printed the previous number at the top. */
static void
test_pdf_page_numbers (void)
{
  const char *argv[] = { "pdftotext", "-layout", fx.pdf, "-", NULL };
  g_autofree char *text = bud_test_spawn (argv, NULL);
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  g_autoptr(GRegex) number = g_regex_new ("^-\\s*([0-9]+)\\s*-$", 0, 0, NULL);
  guint expected = 1, numbered = 0;

  for (guint pg = 0; pages[pg] && pages[pg + 1]; pg++)   /* the last split is empty */
    {
      g_auto(GStrv) lines = g_strsplit (pages[pg], "\n", -1);
      guint found = 0, last_nonblank = 0, at = 0, value = 0;

      for (guint l = 0; lines[l]; l++)
        {
          g_autofree char *t = g_strstrip (g_strdup (lines[l]));
          g_autoptr(GMatchInfo) m = NULL;

          if (*t == '\0')
            continue;
          last_nonblank = l;
          if (g_regex_match (number, t, 0, &m))
            {
              g_autofree char *digits = g_match_info_fetch (m, 1);
              found++;
              at = l;
              value = (guint) g_ascii_strtoull (digits, NULL, 10);
            }
        }
      if (numbered == 0 && found == 0)
        continue;          /* cover and 目录 carry no number */
      g_assert_cmpuint (found, ==, 1);
      g_assert_cmpuint (at, ==, last_nonblank);
      g_assert_cmpuint (value, ==, expected);
      expected++;
      numbered++;
    }
  g_assert_cmpuint (numbered, >, 15);
}

static void
check_indicator_lines (char            **lines,
                       const SeedIndicator *want,
                       guint             n)
{
  for (guint i = 0; i < n; i++)
    {
      gboolean ok = FALSE;

      for (guint l = 0; lines[l] && !ok; l++)
        {
          g_auto(GStrv) words = NULL;

          if (!strstr (lines[l], want[i].name) || !strstr (lines[l], want[i].value))
            continue;
          words = g_strsplit_set (lines[l], " ", -1);
          for (guint w = 0; words[w]; w++)
            if (strcmp (words[w], want[i].weight) == 0)
              ok = TRUE;
        }
      if (!ok)
        g_error ("PDF: no line with indicator %s, value %s and weight %s", want[i].name, want[i].value,
                 want[i].weight);
    }
}

/* Whether one line of @lines holds every one of the NULL-terminated words, in order. */
static gboolean
line_with (char **lines,
           ...)
{
  for (guint l = 0; lines[l]; l++)
    {
      const char *p = lines[l];
      const char *word;
      va_list args;

      va_start (args, lines);
      while (p && (word = va_arg (args, const char *)))
        {
          p = strstr (p, word);
          if (p)
            p += strlen (word);
        }
      va_end (args);
      if (p)
        return TRUE;
    }
  return FALSE;
}

static void
test_pdf_performance (void)
{
  g_auto(GStrv) lines = pdf_lines ();

  check_indicator_lines (lines, seed_department, G_N_ELEMENTS (seed_department));
  check_indicator_lines (lines, seed_project, G_N_ELEMENTS (seed_project));
  g_assert_true (line_with (lines, "部门联系人", "毛鹏飞", "联系电话", "13565607150", NULL));
  g_assert_true (line_with (lines, "本级安排", "247.42", NULL));
  g_assert_true (line_with (lines, "合计：", "247.42", NULL));
  g_assert_true (line_with (lines, "项目名称", "招商引资工作经费", "项目负责人", "毛鹏飞", NULL));
  g_assert_true (line_with (lines, "年度预算总额", "30.00", "其中：财政拨款", "30.00", "其他资金", "0.00", NULL));
  g_assert_true (line_with (lines, "区外到位资金", "计划标准", "/", "8", "按照完成比例赋分", "工作资料", NULL));
}

/* ---- XLSX: a small zip reader ---- */

static guint32
le32 (const guchar *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

static guint16
le16 (const guchar *p)
{
  return p[0] | (p[1] << 8);
}

/* The member @name of the zip archive @zip, inflated; NULL if absent. */
static char *
zip_member (GBytes     *zip,
            const char *name)
{
  gsize len;
  const guchar *d = g_bytes_get_data (zip, &len);
  gssize eocd = -1;
  guint32 cd, n;

  for (gssize i = (gssize) len - 22; i >= 0; i--)
    if (le32 (d + i) == 0x06054b50)
      {
        eocd = i;
        break;
      }
  g_assert_cmpint (eocd, >=, 0);
  n = le16 (d + eocd + 10);
  cd = le32 (d + eocd + 16);
  for (guint e = 0; e < n; e++)
    {
      const guchar *h = d + cd;
      guint16 method = le16 (h + 10), nlen = le16 (h + 28), xlen = le16 (h + 30), clen = le16 (h + 32);
      guint32 csize = le32 (h + 20), usize = le32 (h + 24), local = le32 (h + 42);

      g_assert_cmpuint (le32 (h), ==, 0x02014b50);
      if (nlen == strlen (name) && memcmp (h + 46, name, nlen) == 0)
        {
          const guchar *lh = d + local;
          const guchar *data = lh + 30 + le16 (lh + 26) + le16 (lh + 28);
          char *out = g_malloc (usize + 1);

          if (method == 0)
            memcpy (out, data, usize);
          else
            {
              g_autoptr(GZlibDecompressor) z = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW);
              gsize read = 0, written = 0, in_off = 0, out_off = 0;
              GConverterResult r;

              g_assert_cmpuint (method, ==, 8);
              do
                {
                  g_autoptr(GError) error = NULL;

                  r = g_converter_convert (G_CONVERTER (z), data + in_off, csize - in_off,
                                           out + out_off, usize - out_off + 1,
                                           G_CONVERTER_INPUT_AT_END, &read, &written, &error);
                  g_assert_no_error (error);
                  in_off += read;
                  out_off += written;
                }
              while (r != G_CONVERTER_FINISHED);
              g_assert_cmpuint (out_off, ==, usize);
            }
          out[usize] = '\0';
          return out;
        }
      cd += 46 + nlen + xlen + clen;
    }
  return NULL;
}

/* Cells of a sheet: reference ("B3"), and value (the shared string resolved) */
typedef struct {
  char    *ref;
  char    *value;
  gboolean number;
} XCell;

typedef struct {
  GPtrArray  *strings;   /* sharedStrings: char * */
  GPtrArray  *cells;     /* XCell * */
  GPtrArray  *merges;    /* char * refs */
  GString    *text;
  gboolean    in_value;
  gboolean    in_t;
  char       *ref;
  char       *type;
} XParse;

static void
xcell_free (gpointer data)
{
  XCell *c = data;

  g_free (c->ref);
  g_free (c->value);
  g_free (c);
}

static void
x_start (GMarkupParseContext *ctx, const char *element, const char **names, const char **values,
         gpointer user_data, GError **error)
{
  XParse *x = user_data;

  if (strcmp (element, "c") == 0)
    {
      g_free (x->ref);
      g_free (x->type);
      x->ref = NULL;
      x->type = NULL;
      for (guint i = 0; names[i]; i++)
        if (strcmp (names[i], "r") == 0)
          x->ref = g_strdup (values[i]);
        else if (strcmp (names[i], "t") == 0)
          x->type = g_strdup (values[i]);
    }
  else if (strcmp (element, "v") == 0)
    {
      x->in_value = TRUE;
      g_string_truncate (x->text, 0);
    }
  else if (strcmp (element, "si") == 0)
    g_string_truncate (x->text, 0);
  else if (strcmp (element, "t") == 0)
    x->in_t = TRUE;
  else if (strcmp (element, "mergeCell") == 0)
    for (guint i = 0; names[i]; i++)
      if (strcmp (names[i], "ref") == 0)
        g_ptr_array_add (x->merges, g_strdup (values[i]));
}

static void
x_end (GMarkupParseContext *ctx, const char *element, gpointer user_data, GError **error)
{
  XParse *x = user_data;

  if (strcmp (element, "v") == 0 && x->cells)
    {
      XCell *c = g_new0 (XCell, 1);

      c->ref = g_strdup (x->ref);
      c->number = g_strcmp0 (x->type, "s") != 0;
      if (c->number)
        {
          c->value = g_strdup (x->text->str);
        }
      else
        {
          guint64 i = g_ascii_strtoull (x->text->str, NULL, 10);
          g_assert_cmpuint (i, <, x->strings->len);
          c->value = g_strdup (g_ptr_array_index (x->strings, i));
        }
      g_ptr_array_add (x->cells, c);
      x->in_value = FALSE;
    }
  else if (strcmp (element, "t") == 0)
    x->in_t = FALSE;
  else if (strcmp (element, "si") == 0 && x->cells == NULL)
    g_ptr_array_add (x->strings, g_strdup (x->text->str));
}

static void
x_text (GMarkupParseContext *ctx, const char *text, gsize len, gpointer user_data, GError **error)
{
  XParse *x = user_data;

  if (x->in_value || x->in_t)
    g_string_append_len (x->text, text, len);
}

static void
x_parse (XParse *x, const char *xml)
{
  static const GMarkupParser parser = { x_start, x_end, x_text, NULL, NULL };
  g_autoptr(GMarkupParseContext) ctx = g_markup_parse_context_new (&parser, 0, x, NULL);
  g_autoptr(GError) error = NULL;

  g_markup_parse_context_parse (ctx, xml, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (ctx, &error);
  g_assert_no_error (error);
}

typedef struct {
  GBytes    *zip;
  GPtrArray *strings;
} Xlsx;

static Xlsx *
xlsx_open (void)
{
  Xlsx *x = g_new0 (Xlsx, 1);
  g_autofree char *data = NULL;
  g_autofree char *shared = NULL;
  gsize len;
  XParse p = { 0 };

  g_assert_true (g_file_get_contents (fx.xlsx, &data, &len, NULL));
  x->zip = g_bytes_new_take (g_steal_pointer (&data), len);
  x->strings = g_ptr_array_new_with_free_func (g_free);
  shared = zip_member (x->zip, "xl/sharedStrings.xml");
  g_assert_nonnull (shared);
  p.strings = x->strings;
  p.text = g_string_new (NULL);
  p.merges = g_ptr_array_new_with_free_func (g_free);
  x_parse (&p, shared);
  g_string_free (p.text, TRUE);
  g_ptr_array_unref (p.merges);
  return x;
}

static void
xlsx_close (Xlsx *x)
{
  g_bytes_unref (x->zip);
  g_ptr_array_unref (x->strings);
  g_free (x);
}

static void
xlsx_sheet (Xlsx       *x,
            guint       n,
            GPtrArray **cells,
            GPtrArray **merges)
{
  g_autofree char *name = g_strdup_printf ("xl/worksheets/sheet%u.xml", n);
  g_autofree char *xml = zip_member (x->zip, name);
  XParse p = { 0 };

  g_assert_nonnull (xml);
  p.strings = x->strings;
  p.cells = g_ptr_array_new_with_free_func (xcell_free);
  p.merges = g_ptr_array_new_with_free_func (g_free);
  p.text = g_string_new (NULL);
  x_parse (&p, xml);
  g_string_free (p.text, TRUE);
  g_free (p.ref);
  g_free (p.type);
  *cells = p.cells;
  *merges = p.merges;
}

/* "247.42" or "30" → hundredths, exactly (no floating point) */
static gint64
hundredths (const char *s)
{
  gint64 whole = 0, frac = 0;
  int digits = 0;
  gboolean neg = *s == '-';

  if (neg)
    s++;
  while (g_ascii_isdigit (*s))
    whole = whole * 10 + (*s++ - '0');
  if (*s == '.')
    {
      for (s++; g_ascii_isdigit (*s); s++, digits++)
        {
          if (digits < 2)
            frac = frac * 10 + (*s - '0');
          else
            g_assert_cmpint (*s, ==, '0');   /* a figure holds the printed value exactly */
        }
    }
  g_assert_true (*s == '\0');
  if (digits == 1)
    frac *= 10;
  return (neg ? -1 : 1) * (whole * 100 + frac);
}

static void
test_xlsx_figures (void)
{
  Xlsx *x = xlsx_open ();
  g_autofree char *styles = zip_member (x->zip, "xl/styles.xml");

  g_assert_nonnull (strstr (styles, "formatCode=\"0.00\""));
  for (guint t = 0; t < fx.golden->len; t++)
    {
      Golden *g = g_ptr_array_index (fx.golden, t);
      g_autoptr(GPtrArray) cells = NULL;
      g_autoptr(GPtrArray) merges = NULL;
      g_autoptr(GPtrArray) want = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) got = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *where = g_strdup_printf ("XLSX sheet of 表%u", g->number);
      gboolean title = FALSE, dept = FALSE;

      xlsx_sheet (x, t + 1, &cells, &merges);
      for (guint i = 0; i < g->figures->len; i++)
        g_ptr_array_add (want, g_strdup_printf ("%" G_GINT64_FORMAT,
                                                hundredths (g_ptr_array_index (g->figures, i))));
      for (guint i = 0; i < cells->len; i++)
        {
          XCell *c = g_ptr_array_index (cells, i);

          if (c->number)
            g_ptr_array_add (got, g_strdup_printf ("%" G_GINT64_FORMAT, hundredths (c->value)));
          else if (strcmp (c->value, g->title) == 0)
            title = TRUE;
          else if (g_str_has_prefix (c->value, "编制部门："))
            dept = TRUE;
        }
      assert_same_figures (where, want, got);
      g_assert_true (title);
      g_assert_true (dept);
      /* the title's merge, and the header's merges (every template table has some) */
      g_assert_cmpuint (merges->len, >=, 2);
    }
  xlsx_close (x);
}

static void
check_xlsx_perf (Xlsx                *x,
                 guint                sheet,
                 const SeedIndicator *want,
                 guint                n,
                 const char          *weight_column)
{
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GPtrArray) merges = NULL;
  guint w = 0;

  xlsx_sheet (x, sheet, &cells, &merges);
  for (guint i = 0; i < n; i++)
    {
      gboolean name = FALSE, value = FALSE;

      for (guint k = 0; k < cells->len; k++)
        {
          XCell *c = g_ptr_array_index (cells, k);
          name |= !c->number && strcmp (c->value, want[i].name) == 0;
          value |= !c->number && strcmp (c->value, want[i].value) == 0;
        }
      if (!name || !value)
        g_error ("XLSX sheet %u: indicator %s or its value %s missing", sheet, want[i].name, want[i].value);
    }
  /* the weights are numbers in their column, in the seed's order */
  for (guint k = 0; k < cells->len; k++)
    {
      XCell *c = g_ptr_array_index (cells, k);

      if (c->number && g_str_has_prefix (c->ref, weight_column) && g_ascii_isdigit (c->ref[1]))
        {
          g_assert_cmpuint (w, <, n);
          g_assert_cmpint (hundredths (c->value), ==, hundredths (want[w].weight));
          w++;
        }
    }
  g_assert_cmpuint (w, ==, n);
  g_assert_cmpuint (merges->len, >, 3);
}

static void
test_xlsx_performance (void)
{
  Xlsx *x = xlsx_open ();

  check_xlsx_perf (x, 13, seed_department, G_N_ELEMENTS (seed_department), "F");
  check_xlsx_perf (x, 14, seed_project, G_N_ELEMENTS (seed_project), "G");
  xlsx_close (x);
}

/* ---- HTML ---- */

typedef struct {
  GPtrArray *tables;        /* GPtrArray of figures, one per <table> */
  GString   *text;          /* all text */
  GString   *captions;
  GSList    *stack;
  gboolean   in_num;
  gboolean   in_caption;
  guint      th_without_scope;
  gboolean   lang;
  gboolean   in_style;
} HParse;

static void
h_start (GMarkupParseContext *ctx, const char *element, const char **names, const char **values,
         gpointer user_data, GError **error)
{
  HParse *h = user_data;

  h->stack = g_slist_prepend (h->stack, g_strdup (element));
  if (strcmp (element, "html") == 0)
    for (guint i = 0; names[i]; i++)
      h->lang |= strcmp (names[i], "lang") == 0 && strcmp (values[i], "zh-CN") == 0;
  if (strcmp (element, "table") == 0)
    g_ptr_array_add (h->tables, g_ptr_array_new_with_free_func (g_free));
  if (strcmp (element, "caption") == 0)
    h->in_caption = TRUE;
  if (strcmp (element, "style") == 0)
    h->in_style = TRUE;
  if (strcmp (element, "th") == 0)
    {
      gboolean scope = FALSE;
      for (guint i = 0; names[i]; i++)
        scope |= strcmp (names[i], "scope") == 0;
      if (!scope)
        h->th_without_scope++;
    }
  if (strcmp (element, "td") == 0)
    for (guint i = 0; names[i]; i++)
      if (strcmp (names[i], "class") == 0 && strcmp (values[i], "num") == 0)
        h->in_num = TRUE;
}

static void
h_end (GMarkupParseContext *ctx, const char *element, gpointer user_data, GError **error)
{
  HParse *h = user_data;
  GSList *top = h->stack;

  g_assert_nonnull (top);
  g_assert_cmpstr (top->data, ==, element);
  g_free (top->data);
  h->stack = g_slist_delete_link (h->stack, top);
  if (strcmp (element, "td") == 0)
    h->in_num = FALSE;
  if (strcmp (element, "caption") == 0)
    {
      h->in_caption = FALSE;
      g_string_append_c (h->captions, '\n');
    }
  if (strcmp (element, "style") == 0)
    h->in_style = FALSE;
}

static void
h_text (GMarkupParseContext *ctx, const char *text, gsize len, gpointer user_data, GError **error)
{
  HParse *h = user_data;

  if (h->in_style)
    return;
  g_string_append_len (h->text, text, len);
  if (h->in_caption)
    g_string_append_len (h->captions, text, len);
  if (h->in_num && h->tables->len > 0)
    {
      g_autofree char *s = g_strndup (text, len);
      if (*g_strstrip (s))
        g_ptr_array_add (g_ptr_array_index (h->tables, h->tables->len - 1), g_strdup (s));
    }
}

static void
test_html_parse (void)
{
  static const GMarkupParser parser = { h_start, h_end, h_text, NULL, NULL };
  g_autofree char *data = NULL;
  g_autoptr(GMarkupParseContext) ctx = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *flat = NULL;
  HParse h = { 0 };
  const char *body;

  g_assert_true (g_file_get_contents (fx.html, &data, NULL, NULL));
  g_assert_true (g_str_has_prefix (data, "<!DOCTYPE html>\n"));
  g_assert_true (g_utf8_validate (data, -1, NULL));
  body = data + strlen ("<!DOCTYPE html>\n");
  /* self-contained: nothing loaded from elsewhere */
  g_assert_null (strstr (data, "<link"));
  g_assert_null (strstr (data, "<script"));
  g_assert_null (strstr (data, "src=\""));
  g_assert_nonnull (strstr (data, "@media print"));
  g_assert_nonnull (strstr (data, "name=\"viewport\""));

  h.tables = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  h.text = g_string_new (NULL);
  h.captions = g_string_new (NULL);
  ctx = g_markup_parse_context_new (&parser, 0, &h, NULL);
  g_markup_parse_context_parse (ctx, body, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (ctx, &error);
  g_assert_no_error (error);
  g_assert_null (h.stack);
  g_assert_true (h.lang);
  g_assert_cmpuint (h.th_without_scope, ==, 0);
  g_assert_cmpuint (h.tables->len, ==, 14);

  for (guint t = 0; t < fx.golden->len; t++)
    {
      Golden *g = g_ptr_array_index (fx.golden, t);
      g_autofree char *where = g_strdup_printf ("HTML 表%u", g->number);
      g_autofree char *caption = g_strdup_printf ("表%u%s", g->number, g->title);

      assert_same_figures (where, g->figures, g_ptr_array_index (h.tables, t));
      g_assert_nonnull (strstr (h.captions->str, caption));
      if (g->statement)
        g_assert_nonnull (strstr (h.text->str, g->statement));
    }

  flat = bud_test_strip_spaces (h.text->str);
  for (guint i = 0; i < G_N_ELEMENTS (seed_department); i++)
    {
      g_autofree char *row = g_strconcat (seed_department[i].name, seed_department[i].value, NULL);
      g_assert_nonnull (strstr (flat, row));
    }
  for (guint i = 0; i < G_N_ELEMENTS (seed_project); i++)
    {
      g_autofree char *row = g_strconcat (seed_project[i].name, seed_project[i].value, NULL);
      g_assert_nonnull (strstr (flat, row));
    }
  g_assert_nonnull (strstr (flat, "计划标准/8按照完成比例赋分工作资料"));
  g_assert_nonnull (strstr (flat, "2026年招商引资工作方案40"));

  g_string_free (h.text, TRUE);
  g_string_free (h.captions, TRUE);
  g_ptr_array_unref (h.tables);
}

/* Text is escaped: a department name with markup characters stays text. */
static void
test_html_escaping (void)
{
  g_autoptr(BudDocument) doc = bud_test_load_example ();
  g_autoptr(BudTemplate) tpl = bud_template_load ("xinjiang-2026", NULL);
  g_autoptr(BudExportPackage) pkg = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fx.dir, "escape.html", NULL);
  g_autofree char *data = NULL;

  g_assert_true (bud_document_set_text (doc, BUD_KIND_META, bud_document_meta (doc)->id, "department",
                                        "A&B <局> \"x\" 'y'", &error));
  g_assert_no_error (error);
  pkg = bud_export_package_new_with_sections (doc, tpl, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (bud_export_html (pkg, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g_assert_null (strstr (data, "<局>"));
  g_assert_nonnull (strstr (data, "A&amp;B &lt;局&gt; &quot;x&quot; &#39;y&#39;"));
}

/* ---- CSV ---- */

static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GPtrArray *row = g_ptr_array_new ();
  GString *field = g_string_new (NULL);
  const char *p = text;

  while (*p)
    {
      if (*p == '"')
        {
          for (p++; *p; p++)
            {
              if (*p == '"' && p[1] == '"')
                g_string_append_c (field, *p++);
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p);
            }
        }
      else if (*p == ',')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          p++;
        }
      else if (*p == '\r' && p[1] == '\n')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (row, NULL);
          g_ptr_array_add (rows, g_ptr_array_free (row, FALSE));
          row = g_ptr_array_new ();
          p += 2;
        }
      else
        {
          g_assert_true (*p != '\n' && *p != '\r');   /* line breaks only as CRLF */
          g_string_append_c (field, *p++);
        }
    }
  g_assert_cmpuint (row->len, ==, 0);   /* the last line ends with CRLF */
  g_ptr_array_free (row, TRUE);
  g_string_free (field, TRUE);
  return rows;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char **) a, *(char **) b);
}

static void
test_csv_files (void)
{
  g_autoptr(GDir) dir = g_dir_open (fx.csv, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, ==, 14);

  for (guint t = 0; t < fx.golden->len; t++)
    {
      Golden *g = g_ptr_array_index (fx.golden, t);
      const char *file = g_ptr_array_index (names, t);
      g_autofree char *path = g_build_filename (fx.csv, file, NULL);
      g_autofree char *data = NULL;
      g_autoptr(GPtrArray) rows = NULL;

      g_assert_nonnull (strstr (file, g->title));
      g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
      g_assert_true (g_str_has_prefix (data, "\xEF\xBB\xBF"));
      rows = parse_csv (data + 3);
      /* every cell as the seed prints it: headings and figures */
      g_assert_cmpuint (rows->len, ==, g->rows->len);
      for (guint r = 0; r < rows->len; r++)
        {
          char **want = g_ptr_array_index (g->rows, r);
          char **got = g_ptr_array_index (rows, r);

          g_assert_cmpuint (g_strv_length (got), ==, g_strv_length (want));
          for (guint c = 0; want[c]; c++)
            if (strcmp (want[c], got[c]) != 0)
              g_error ("CSV 表%u row %u column %u: seed “%s”, got “%s”", g->number, r + 1, c + 1,
                       want[c], got[c]);
        }
    }
}

/* ---- failures leave nothing behind ---- */

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir && g_dir_read_name (dir))
    n++;
  return n;
}

static void
test_failure_missing_folder (void)
{
  g_autofree char *missing = g_build_filename (fx.dir, "missing", NULL);
  g_autofree char *file = g_build_filename (missing, "out", NULL);
  g_autofree char *nested = g_build_filename (missing, "csv", NULL);

  for (BudExportFormat f = BUD_EXPORT_PDF; f <= BUD_EXPORT_CSV; f++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (bud_export_write (fx.pkg, f, f == BUD_EXPORT_CSV ? nested : file, &error));
      g_assert_error (error, BUD_EXPORT_ERROR, BUD_EXPORT_ERROR_WRITE);
      g_assert_nonnull (strstr (error->message, missing));
      g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
    }
}

/* The target is a folder: the rename fails after the file was written, and
 * the temporary file must go. */
static void
test_failure_no_temp_left (void)
{
  g_autofree char *area = g_build_filename (fx.dir, "area", NULL);
  g_autofree char *target = g_build_filename (area, "target", NULL);
  g_autofree char *inside = g_build_filename (target, "keep", NULL);

  g_assert_cmpint (g_mkdir (area, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (target, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "x", 1, NULL));
  for (BudExportFormat f = BUD_EXPORT_PDF; f <= BUD_EXPORT_HTML; f++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (bud_export_write (fx.pkg, f, target, &error));
      g_assert_nonnull (error);
      g_assert_cmpuint (count_entries (area), ==, 1);   /* only the folder itself */
      g_assert_cmpuint (count_entries (target), ==, 1);
    }
  g_unlink (inside);
  g_rmdir (target);
  g_rmdir (area);
}

/* One table's file cannot be written (a folder has its name): the whole set
 * fails, naming that file, and neither temporary files nor the other tables
 * are left behind. */
static void
test_failure_csv_one_file (void)
{
  g_autofree char *folder = g_build_filename (fx.dir, "csv-blocked", NULL);
  g_autoptr(GDir) made = g_dir_open (fx.csv, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *blocker = NULL;
  g_autofree char *inside = NULL;
  const char *name;

  g_assert_nonnull (made);
  while ((name = g_dir_read_name (made)))
    g_ptr_array_add (names, g_strdup (name));
  g_assert_cmpuint (names->len, >, 2);
  g_ptr_array_sort (names, compare_names);
  /* one in the middle: some files are written before it, some after */
  blocker = g_build_filename (folder, (char *) g_ptr_array_index (names, names->len / 2), NULL);
  inside = g_build_filename (blocker, "keep", NULL);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (blocker, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "x", 1, NULL));

  g_assert_false (bud_export_csv (fx.pkg, folder, &error));
  g_assert_error (error, BUD_EXPORT_ERROR, BUD_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, (char *) g_ptr_array_index (names, names->len / 2)));
  g_assert_cmpuint (count_entries (folder), ==, 1);   /* only the blocking folder */
  g_assert_cmpuint (count_entries (blocker), ==, 1);

  /* once it can be written, the same folder takes the whole set */
  g_unlink (inside);
  g_rmdir (blocker);
  g_clear_error (&error);
  g_assert_true (bud_export_csv (fx.pkg, folder, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_entries (folder), ==, names->len);
  remove_tree (folder);
}

/* ---- the command line ---- */

static void
test_cli_formats (void)
{
  g_autofree char *input = g_build_filename (g_getenv ("BUD_SOURCE_ROOT"), "data", "examples",
                                             "changji-2026.json", NULL);
  g_autofree char *all = g_build_filename (fx.dir, "all", NULL);
  g_autofree char *pdf = g_build_filename (all, "changji-2026.pdf", NULL);
  g_autofree char *xlsx = g_build_filename (all, "changji-2026.xlsx", NULL);
  g_autofree char *html = g_build_filename (all, "changji-2026.html", NULL);
  g_autofree char *json = g_build_filename (all, "changji-2026.json", NULL);
  g_autofree char *csv = g_build_filename (all, "changji-2026-csv", NULL);
  const char *cli = g_getenv ("BUD_CLI");
  int status;

  g_assert_nonnull (cli);
  {
    const char *argv[] = { cli, "export", input, "--format", "all", "--output", all, NULL };
    g_autofree char *out = bud_test_spawn (argv, NULL);
  }
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (html, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (json, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_entries (csv), ==, 14);
  g_assert_cmpuint (count_entries (all), ==, 5);
  {
    const char *argv[] = { cli, "export", input, "--format", "docx", "--output", all, NULL };
    g_autofree char *out = bud_test_spawn (argv, &status);
    g_assert_true (g_spawn_check_wait_status (status, NULL) == FALSE);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 2);
  }
  {
    g_autofree char *bad = g_build_filename (fx.dir, "nowhere", "deeper", NULL);
    const char *argv[] = { cli, "export", input, "--format", "pdf", "--output", bad, NULL };
    g_autofree char *out = bud_test_spawn (argv, &status);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 1);
  }
}

/* ---- the package itself ---- */

static void
test_package_numbers (void)
{
  g_assert_cmpuint (bud_export_package_get_n_tables (fx.pkg), ==, 14);
  g_assert_cmpstr (bud_export_package_get_title (fx.pkg), ==,
                   "昌吉市招商引资服务中心（昌吉市产业园服务中心）2026年部门预算公开");
}

/* ---- long tables: the rows of a page are drawn together ---- */

static gboolean
page_has_line (const char *page,
               const char *want)
{
  g_auto(GStrv) lines = g_strsplit (page, "\n", -1);

  for (guint l = 0; lines[l]; l++)
    if (strcmp (g_strstrip (lines[l]), want) == 0)
      return TRUE;
  return FALSE;
}

/* A synthetic department's longest template table runs over several pages:
 * every figure of every row is printed once and in order (none lost or drawn
 * twice at a page break), and each continuation page repeats the headings. */
static void
test_pdf_long_table (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDocument) doc = bud_synth_generate (BUD_SYNTH_M, 3);
  g_autoptr(BudTemplate) tpl = bud_template_load ("xinjiang-2026", &error);
  g_autoptr(BudExportPackage) pkg = NULL;
  g_autoptr(GPtrArray) want = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) got = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = g_build_filename (fx.dir, "long.pdf", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  BudGrid *grid = NULL, *next = NULL;
  const char *next_line, *heading;
  guint first = 0, last, n_pages;

  g_assert_no_error (error);
  pkg = bud_export_package_new (doc, tpl, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < pkg->grids->len; i++)
    {
      BudGrid *g = g_ptr_array_index (pkg->grids, i);

      if (g->label && (grid == NULL || g->n_rows > grid->n_rows))
        {
          grid = g;
          next = i + 1 < pkg->grids->len ? g_ptr_array_index (pkg->grids, i + 1) : NULL;
        }
    }
  g_assert_nonnull (grid);
  g_assert_nonnull (next);
  g_assert_cmpuint (grid->repeat_count, >, 0);
  heading = bud_grid_slot (grid, grid->repeat_start, 0)->text;
  next_line = next->label ? next->label : next->title;

  g_assert_true (bud_export_pdf (pkg, path, &error));
  g_assert_no_error (error);
  {
    const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
    text = bud_test_spawn (argv, NULL);
  }
  pages = g_strsplit (text, "\f", -1);
  n_pages = g_strv_length (pages);
  while (first < n_pages && !page_has_line (pages[first], grid->label))
    first++;
  g_assert_cmpuint (first, <, n_pages);
  for (last = first + 1; last < n_pages && !page_has_line (pages[last], next_line); last++)
    g_assert_nonnull (strstr (pages[last], heading));
  g_assert_cmpuint (last, <, n_pages);
  /* the point of the test: the table does not fit one page */
  g_assert_cmpuint (last - first, >=, 3);

  for (guint i = 0; i < grid->cells->len; i++)
    collect_figures (((BudGridCell *) g_ptr_array_index (grid->cells, i))->text, want);
  g_assert_cmpuint (want->len, >, 100);
  for (guint pg = first; pg < last; pg++)
    collect_figures (pages[pg], got);
  assert_same_figures ("PDF long table", want, got);
}

/* Exporting another package in between changes nothing in the next export of
 * the first: whatever the writer keeps between exports (fonts) is not stale. */
static void
test_pdf_export_again (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDocument) doc = bud_synth_generate (BUD_SYNTH_S, 5);
  g_autoptr(BudTemplate) tpl = bud_template_load ("xinjiang-2026", &error);
  g_autoptr(BudExportPackage) other = NULL;
  g_autofree char *between = g_build_filename (fx.dir, "between.pdf", NULL);
  g_autofree char *again = g_build_filename (fx.dir, "again.pdf", NULL);
  g_autofree char *first_text = NULL, *again_text = NULL;

  g_assert_no_error (error);
  other = bud_export_package_new (doc, tpl, &error);
  g_assert_no_error (error);
  g_assert_true (bud_export_pdf (other, between, &error));
  g_assert_true (bud_export_pdf (fx.pkg, again, &error));
  g_assert_no_error (error);
  {
    const char *argv[] = { "pdftotext", "-layout", fx.pdf, "-", NULL };
    first_text = bud_test_spawn (argv, NULL);
  }
  {
    const char *argv[] = { "pdftotext", "-layout", again, "-", NULL };
    again_text = bud_test_spawn (argv, NULL);
  }
  g_assert_cmpstr (again_text, ==, first_text);
}

static gpointer
warm_up_thread (gpointer tpl)
{
  bud_export_pdf_warm_up (tpl);
  return NULL;
}

static gpointer
export_thread (gpointer path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bud_export_pdf (fx.pkg, path, &error));
  g_assert_no_error (error);
  return NULL;
}

/* The app warms the fonts up in its export thread while another export may
 * start: both at once share one font map under its lock, and the export
 * prints what it prints alone. */
static void
test_pdf_warm_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudTemplate) tpl = bud_template_load ("xinjiang-2026", &error);
  g_autofree char *path = g_build_filename (fx.dir, "warm.pdf", NULL);
  g_autofree char *first_text = NULL, *warm_text = NULL;
  GThread *warm, *export;

  g_assert_no_error (error);
  warm = g_thread_new ("warm-up", warm_up_thread, tpl);
  export = g_thread_new ("export", export_thread, path);
  g_thread_join (warm);
  g_thread_join (export);
  {
    const char *argv[] = { "pdftotext", "-layout", fx.pdf, "-", NULL };
    first_text = bud_test_spawn (argv, NULL);
  }
  {
    const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
    warm_text = bud_test_spawn (argv, NULL);
  }
  g_assert_cmpstr (warm_text, ==, first_text);
}

int
main (int    argc,
      char **argv)
{
  int result;

  g_test_init (&argc, &argv, NULL);
  fixture_setup ();

  g_test_add_func ("/export/package/title-and-tables", test_package_numbers);
  g_test_add_func ("/export/pdf/figures-match-seed", test_pdf_figures);
  g_test_add_func ("/export/pdf/fonts-embedded", test_pdf_fonts);
  g_test_add_func ("/export/pdf/parts-in-order", test_pdf_structure);
  g_test_add_func ("/export/pdf/toc-page-numbers", test_pdf_toc_pages);
  g_test_add_func ("/export/pdf/page-numbers", test_pdf_page_numbers);
  g_test_add_func ("/export/pdf/performance-tables", test_pdf_performance);
  g_test_add_func ("/export/pdf/long-table", test_pdf_long_table);
  g_test_add_func ("/export/pdf/export-again", test_pdf_export_again);
  g_test_add_func ("/export/pdf/warm-up-in-thread", test_pdf_warm_up);
  g_test_add_func ("/export/xlsx/figures-match-seed", test_xlsx_figures);
  g_test_add_func ("/export/xlsx/performance-tables", test_xlsx_performance);
  g_test_add_func ("/export/html/parses-and-matches-seed", test_html_parse);
  g_test_add_func ("/export/html/escaping", test_html_escaping);
  g_test_add_func ("/export/csv/files-match-seed", test_csv_files);
  g_test_add_func ("/export/failure/missing-folder", test_failure_missing_folder);
  g_test_add_func ("/export/failure/no-temp-left", test_failure_no_temp_left);
  g_test_add_func ("/export/failure/csv-one-file", test_failure_csv_one_file);
  g_test_add_func ("/export/cli/formats", test_cli_formats);

  result = g_test_run ();
  fixture_teardown ();
  return result;
}
