/* test-review-report.c — the review report as PDF, read back as a reader would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDF goes through pdftotext -raw (the text in the order it is drawn:
 * cell by cell, so a wrapped message stays in one piece) and pdffonts
 * (poppler-utils). The expectations come from the document, not from the
 * report: the findings bud_check_run gives, the comments the test adds, the
 * example's own amount and the one the test sets.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "bud-check.h"
#include "bud-jsonio.h"
#include "bud-review.h"
#include "bud-review-report.h"
#include "bud-template.h"
#include "bud-test-doc.h"

/* Text without white space: pdftotext breaks lines where a cell wraps. */
static char *
pdf_text (const char *pdf,
          int         first_page,
          int         last_page)
{
  g_autofree char *f = g_strdup_printf ("%d", first_page);
  g_autofree char *l = g_strdup_printf ("%d", last_page);
  const char *argv[] = { "pdftotext", "-raw", "-f", f, "-l", l, pdf, "-", NULL };
  g_autofree char *text = bud_test_spawn (argv, NULL);

  return bud_test_strip_spaces (text);
}

static void
assert_contains (const char *flat,
                 const char *what)
{
  g_autofree char *needle = bud_test_strip_spaces (what);

  if (strstr (flat, needle) == NULL)
    g_error ("the PDF's text lacks “%s”", what);
}

typedef struct {
  char *dir;
  char *pdf;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("review-report-XXXXXX", &error);
  g_assert_no_error (error);
  fx->pdf = g_build_filename (fx->dir, "review.pdf", NULL);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fx->dir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (fx->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fx->dir);
  g_free (fx->dir);
  g_free (fx->pdf);
}

static GPtrArray *
check (BudDocument *doc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudTemplate) tpl = bud_template_load (bud_document_meta (doc)->template_id, &error);
  BudCheckContext ctx;

  g_assert_no_error (error);
  bud_check_context_init (&ctx, tpl);
  return bud_check_run (doc, &ctx);
}

static gboolean
has_rule (GPtrArray  *findings,
          const char *rule)
{
  for (guint i = 0; i < findings->len; i++)
    if (strcmp (((BudFinding *) g_ptr_array_index (findings, i))->rule, rule) == 0)
      return TRUE;
  return FALSE;
}

/* Two problems of different kinds: income 1 元 above the lines (an error) and
 * a placeholder left in the profile's text (another error rule). */
static void
add_two_problems (BudDocument *doc)
{
  g_autoptr(GError) error = NULL;
  BudIncome *income = g_ptr_array_index (bud_document_items (doc, BUD_KIND_INCOME), 0);

  g_assert_true (bud_document_set_int (doc, BUD_KIND_INCOME, income->id, "amount", income->amount + 100, &error));
  g_assert_no_error (error);
  g_assert_true (bud_document_set_text (doc, BUD_KIND_PROFILE, 1, "structure", "下设XX个科室", &error));
  g_assert_no_error (error);
}

static void
add_comment (BudDocument *doc,
             BudKind      kind,
             gint64       id,
             const char  *field,
             const char  *body)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (bud_review_add_comment (doc, kind, id, field, "审核员", body, NULL, &error));
  g_assert_no_error (error);
}

static void
test_contents (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(BudDocument) doc = bud_test_load_example ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *resolved = NULL;
  BudLine *line = g_ptr_array_index (bud_document_items (doc, BUD_KIND_LINE), 0);
  GPtrArray *comments;
  BudComment *last;

  add_two_problems (doc);
  findings = check (doc);
  g_assert_true (has_rule (findings, "balance.source"));
  g_assert_true (has_rule (findings, "text.placeholder"));

  g_assert_nonnull (bud_review_set_status (doc, BUD_STATUS_SUBMITTED, "编制人", "第一次送审", NULL, &error));
  g_assert_no_error (error);
  add_comment (doc, BUD_KIND_LINE, line->id, "amount", "请核实基本工资的测算依据");
  add_comment (doc, BUD_N_KINDS, 0, NULL, "编制说明缺少机构设置的情况");
  add_comment (doc, BUD_KIND_PROFILE, 1, "structure", "这条意见已经处理完毕");
  comments = bud_document_items (doc, BUD_KIND_COMMENT);
  last = g_ptr_array_index (comments, comments->len - 1);
  resolved = bud_test_strip_spaces (last->body);
  g_assert_true (bud_review_resolve_comment (doc, last->id, TRUE, &error));
  g_assert_no_error (error);

  g_assert_true (bud_review_report_pdf (doc, NULL, NULL, NULL, fx->pdf, &error));
  g_assert_no_error (error);
  flat = pdf_text (fx->pdf, 1, 1000);

  assert_contains (flat, bud_status_name (BUD_STATUS_SUBMITTED));
  /* the history row: the change and its note */
  assert_contains (flat, "编制中 → 已提交");
  assert_contains (flat, "第一次送审");
  for (guint i = 0; i < findings->len; i++)
    {
      BudFinding *f = g_ptr_array_index (findings, i);

      assert_contains (flat, f->message);
      assert_contains (flat, f->rule);
    }
  for (guint i = 0; i < comments->len; i++)
    {
      BudComment *c = g_ptr_array_index (comments, i);

      if (!c->resolved)
        assert_contains (flat, c->body);
    }
  g_assert_null (strstr (flat, resolved));
}

/* One amount changed against the example: the field, old → new, in 元. */
static void
test_changes (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(BudDocument) doc = bud_test_load_example ();
  g_autoptr(BudDocument) before = bud_test_load_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *flat = NULL;
  BudLine *line = g_ptr_array_index (bud_document_items (doc, BUD_KIND_LINE), 0);
  const char *old_amount, *new_amount;

  /* the example's first line is 基本工资 567,060.00 元 (seed 表6); 100 元 more */
  g_assert_cmpint (line->amount, ==, 56706000);
  g_assert_true (bud_document_set_int (doc, BUD_KIND_LINE, line->id, "amount", line->amount + 10000, &error));
  g_assert_no_error (error);

  g_assert_true (bud_review_report_pdf (doc, NULL, before, "送审稿.budget", fx->pdf, &error));
  g_assert_no_error (error);
  flat = pdf_text (fx->pdf, 1, 1000);

  assert_contains (flat, "送审稿.budget");
  old_amount = strstr (flat, "567,060.00元");
  new_amount = strstr (flat, "567,160.00元");
  g_assert_nonnull (old_amount);
  g_assert_nonnull (new_amount);
  /* before, then after */
  g_assert_true (old_amount < new_amount);
  /* the table cells that follow: 表6's 基本工资 row */
  assert_contains (flat, "表6");
}

/* A report, not the package: no cover and no 目录, so the first page is
 * numbered 1 and carries the report's title; the fonts travel with the file. */
static void
test_layout (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(BudDocument) doc = bud_test_load_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;

  g_assert_true (bud_review_report_pdf (doc, NULL, NULL, NULL, fx->pdf, &error));
  g_assert_no_error (error);

  first = pdf_text (fx->pdf, 1, 1);
  assert_contains (first, bud_document_meta (doc)->department);
  assert_contains (first, "Review report");
  assert_contains (first, "- 1 -");
  g_assert_null (strstr (first, "目录"));
  g_assert_null (strstr (first, "部门预算公开"));

  bud_test_assert_pdf_fonts (fx->pdf, FALSE);
}

/* Written beside the target and renamed: nothing else is left in the folder,
 * and a target that cannot be written is an error, not a crash. */
static void
test_atomic (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(BudDocument) doc = bud_test_load_example ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *missing = g_build_filename (fx->dir, "no-such-folder", "review.pdf", NULL);
  g_autofree char *contents = NULL;
  const char *name;
  guint n = 0;

  g_assert_true (g_file_set_contents (fx->pdf, "old", -1, &error));
  g_assert_true (bud_review_report_pdf (doc, NULL, NULL, NULL, fx->pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (fx->pdf, &contents, NULL, &error));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  dir = g_dir_open (fx->dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)))
    {
      g_assert_cmpstr (name, ==, "review.pdf");
      n++;
    }
  g_assert_cmpuint (n, ==, 1);

  g_assert_false (bud_review_report_pdf (doc, NULL, NULL, NULL, missing, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_cli (Fixture       *fx,
          gconstpointer  data)
{
  const char *cli = g_getenv ("BUD_CLI");
  const char *root = g_getenv ("BUD_SOURCE_ROOT");
  g_autofree char *in = g_build_filename (root ? root : ".", "data", "examples", "changji-2026.json", NULL);
  const char *pdf[] = { cli, "review", in, "--format", "pdf", "-o", fx->pdf, NULL };
  const char *no_output[] = { cli, "review", in, "--format", "pdf", NULL };
  const char *unknown[] = { cli, "review", in, "--format", "docx", NULL };
  g_autofree char *out = NULL;
  g_autofree char *flat = NULL;
  int status;

  if (cli == NULL)
    {
      g_test_skip ("BUD_CLI is not set");
      return;
    }
  g_free (bud_test_spawn (pdf, NULL));
  flat = pdf_text (fx->pdf, 1, 1);
  assert_contains (flat, "Review report");

  out = bud_test_spawn (no_output, &status);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 2);
  g_clear_pointer (&out, g_free);
  out = bud_test_spawn (unknown, &status);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/review-report/pdf/status-findings-comments", test_contents);
  ADD ("/review-report/pdf/changes-old-new", test_changes);
  ADD ("/review-report/pdf/no-cover-fonts-embedded", test_layout);
  ADD ("/review-report/pdf/atomic", test_atomic);
  ADD ("/review-report/cli/pdf", test_cli);
#undef ADD

  return g_test_run ();
}
