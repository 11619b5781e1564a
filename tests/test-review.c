/* test-review.c — status with history, snapshots, comments, review mode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bud-jsonio.h"
#include "bud-review.h"
#include "bud-review-report.h"
#include "bud-storage.h"
#include "bud-test-doc.h"

static GDateTime *
at (int day,
    int hour)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (8 * 3600);
  return g_date_time_new (tz, 2026, 3, day, hour, 0, 0);
}

static BudLine *
first_line (BudDocument *doc)
{
  return g_ptr_array_index (bud_document_items (doc, BUD_KIND_LINE), 0);
}

static void
assert_equal_docs (BudDocument *a,
                   BudDocument *b)
{
  g_autofree char *difference = NULL;

  if (!bud_document_equal (a, b, &difference))
    g_test_message ("first difference: %s", difference);
  g_assert_null (difference);
}

static void
test_status_machine (void)
{
  static const struct { BudStatus from, to; gboolean ok; } cases[] = {
    { BUD_STATUS_DRAFTING, BUD_STATUS_SUBMITTED, TRUE },
    { BUD_STATUS_DRAFTING, BUD_STATUS_APPROVED, FALSE },
    { BUD_STATUS_DRAFTING, BUD_STATUS_RETURNED, FALSE },
    { BUD_STATUS_DRAFTING, BUD_STATUS_DRAFTING, FALSE },
    { BUD_STATUS_SUBMITTED, BUD_STATUS_RETURNED, TRUE },
    { BUD_STATUS_SUBMITTED, BUD_STATUS_APPROVED, TRUE },
    { BUD_STATUS_SUBMITTED, BUD_STATUS_DRAFTING, FALSE },
    { BUD_STATUS_RETURNED, BUD_STATUS_SUBMITTED, TRUE },
    { BUD_STATUS_RETURNED, BUD_STATUS_APPROVED, FALSE },
    { BUD_STATUS_APPROVED, BUD_STATUS_RETURNED, TRUE },
    { BUD_STATUS_APPROVED, BUD_STATUS_DRAFTING, FALSE },
    { BUD_STATUS_APPROVED, BUD_STATUS_SUBMITTED, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (bud_review_can_change_status (cases[i].from, cases[i].to), ==, cases[i].ok);
  /* the menu list agrees with the predicate */
  for (BudStatus from = 0; from < BUD_N_STATUSES; from++)
    for (const int *n = bud_review_next_statuses (from); *n >= 0; n++)
      g_assert_true (bud_review_can_change_status (from, *n));
  g_assert_cmpstr (bud_status_name (BUD_STATUS_RETURNED), ==, "退回修改");
  g_assert_cmpstr (bud_status_to_string (BUD_STATUS_APPROVED), ==, "approved");
}

static void
test_status_history (void)
{
  g_autoptr(BudDocument) doc = bud_test_load_example ();
  g_autoptr(GDateTime) t1 = at (1, 10);
  g_autoptr(GDateTime) t2 = at (2, 15);
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDocument) snap = NULL;
  BudStatusChange *c;
  BudSnapshot *sn;
  guint64 rev;
  gint64 amount = first_line (doc)->amount;

  g_assert_cmpint (bud_review_get_status (doc), ==, BUD_STATUS_DRAFTING);

  /* a senseless transition changes nothing */
  rev = bud_document_revision (doc);
  g_assert_null (bud_review_set_status (doc, BUD_STATUS_APPROVED, "审核员", NULL, t1, &error));
  g_assert_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (bud_document_revision (doc), ==, rev);
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_SNAPSHOT), ==, 0);

  c = bud_review_set_status (doc, BUD_STATUS_SUBMITTED, "编制人", "送审", t1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (c);
  g_assert_cmpint (c->from, ==, BUD_STATUS_DRAFTING);
  g_assert_cmpint (c->to, ==, BUD_STATUS_SUBMITTED);
  g_assert_cmpstr (c->author, ==, "编制人");
  g_assert_cmpstr (c->note, ==, "送审");
  g_assert_cmpstr (c->time, ==, "2026-03-01T10:00:00+08:00");
  g_assert_cmpint (bud_review_get_status (doc), ==, BUD_STATUS_SUBMITTED);

  sn = bud_document_lookup (doc, BUD_KIND_SNAPSHOT, c->snapshot);
  g_assert_nonnull (sn);
  g_assert_true (sn == bud_review_latest_snapshot (doc));
  g_assert_cmpstr (sn->name, ==, "已提交 2026-03-01 10:00");
  g_assert_cmpstr (sn->created, ==, "2026-03-01T10:00:00+08:00");

  /* the whole change is one undo step */
  g_assert_true (bud_document_undo (doc, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bud_review_get_status (doc), ==, BUD_STATUS_DRAFTING);
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_SNAPSHOT), ==, 0);
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_STATUS_CHANGE), ==, 0);
  g_assert_true (bud_document_redo (doc, &error));
  g_assert_cmpint (bud_review_get_status (doc), ==, BUD_STATUS_SUBMITTED);
  c = g_ptr_array_index (bud_document_items (doc, BUD_KIND_STATUS_CHANGE), 0);

  /* the snapshot is the document as handed over, and stays so after edits */
  g_assert_true (bud_document_set_int (doc, BUD_KIND_LINE, first_line (doc)->id, "amount", amount + 100, &error));
  snap = bud_review_snapshot_document (doc, c->snapshot, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first_line (snap)->amount, ==, amount);
  g_assert_cmpint (bud_review_get_status (snap), ==, BUD_STATUS_SUBMITTED);
  g_assert_cmpuint (bud_document_count (snap, BUD_KIND_SNAPSHOT), ==, 0);
  g_assert_cmpuint (bud_document_count (snap, BUD_KIND_STATUS_CHANGE), ==, 1);

  c = bud_review_set_status (doc, BUD_STATUS_RETURNED, "审核员", "请核实基本工资", t2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_STATUS_CHANGE), ==, 2);
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_SNAPSHOT), ==, 2);
  g_assert_cmpstr (bud_review_latest_snapshot (doc)->name, ==, "退回修改 2026-03-02 15:00");

  g_assert_null (bud_review_snapshot_document (doc, 999, &error));
  g_assert_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_NOT_FOUND);
}

static void
test_comments (void)
{
  g_autoptr(BudDocument) doc = bud_test_load_example ();
  g_autoptr(GDateTime) t1 = at (3, 9);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) on_line = NULL;
  g_autoptr(GPtrArray) on_amount = NULL;
  g_autoptr(GPtrArray) on_doc = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autofree char *where = NULL;
  BudLine *l = first_line (doc);
  BudComment *c1, *c2, *c3;
  BudKind kind;
  gint64 id;

  c1 = bud_review_add_comment (doc, BUD_KIND_LINE, l->id, "amount", "审核员", "请核实金额", t1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (c1->object, ==, "lines/1");
  g_assert_cmpstr (c1->field, ==, "amount");
  g_assert_cmpstr (c1->created, ==, "2026-03-03T09:00:00+08:00");
  c2 = bud_review_add_comment (doc, BUD_KIND_LINE, l->id, NULL, "审核员", "科目是否正确？", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (c2->field, ==, "");
  c3 = bud_review_add_comment (doc, BUD_N_KINDS, 0, NULL, "审核员", "整体意见", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (c3->object, ==, "");
  g_assert_nonnull (bud_review_add_comment (doc, BUD_KIND_PROFILE, 0, "functions", "", "职能表述", NULL, &error));
  g_assert_cmpstr (((BudComment *) g_ptr_array_index (bud_document_items (doc, BUD_KIND_COMMENT), 3))->object, ==, "profile");

  /* they must point at something that exists */
  g_assert_null (bud_review_add_comment (doc, BUD_KIND_LINE, 9999, NULL, "", "x", NULL, &error));
  g_assert_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (bud_review_add_comment (doc, BUD_KIND_LINE, l->id, "amout", "", "x", NULL, &error));
  g_assert_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (bud_review_add_comment (doc, BUD_KIND_LINE, l->id, NULL, "", "", NULL, &error));
  g_assert_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);

  on_line = bud_review_comments_for (doc, BUD_KIND_LINE, l->id, NULL, TRUE);
  g_assert_cmpuint (on_line->len, ==, 2);
  g_assert_true (g_ptr_array_index (on_line, 0) == c1);
  g_assert_true (g_ptr_array_index (on_line, 1) == c2);
  on_amount = bud_review_comments_for (doc, BUD_KIND_LINE, l->id, "amount", TRUE);
  g_assert_cmpuint (on_amount->len, ==, 1);
  on_doc = bud_review_comments_for (doc, BUD_N_KINDS, 0, NULL, TRUE);
  g_assert_cmpuint (on_doc->len, ==, 1);
  g_assert_cmpuint (bud_review_count_open_comments (doc), ==, 4);

  g_assert_true (bud_review_resolve_comment (doc, c1->id, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bud_review_count_open_comments (doc), ==, 3);
  open = bud_review_comments_for (doc, BUD_KIND_LINE, l->id, NULL, FALSE);
  g_assert_cmpuint (open->len, ==, 1);
  g_assert_true (g_ptr_array_index (open, 0) == c2);

  where = bud_review_describe_comment (doc, c1);
  g_assert_nonnull (strstr (where, "2010350"));
  g_assert_nonnull (strstr (where, "Amount"));

  g_assert_true (bud_review_parse_object_path ("projects/3", &kind, &id));
  g_assert_cmpint (kind, ==, BUD_KIND_PROJECT);
  g_assert_cmpint (id, ==, 3);
  g_assert_false (bud_review_parse_object_path ("nothing/3", &kind, &id));
  g_assert_false (bud_review_parse_object_path ("lines/", &kind, &id));
  g_assert_false (bud_review_parse_object_path ("lines/x", &kind, &id));
  g_assert_false (bud_review_parse_object_path ("profile/1", &kind, &id));
}

static void
test_review_mode (void)
{
  g_autoptr(BudDocument) doc = bud_test_load_example ();
  g_autoptr(GError) error = NULL;
  BudLine *l = first_line (doc);
  gint64 amount = l->amount;
  guint64 rev;
  BudComment *c;
  gpointer line;

  /* a figure edit before review: review mode must not let it be undone */
  g_assert_true (bud_document_set_text (doc, BUD_KIND_LINE, l->id, "note", "复核", &error));

  bud_document_set_review_mode (doc, TRUE);
  g_assert_true (bud_document_get_review_mode (doc));
  rev = bud_document_revision (doc);

  g_assert_false (bud_document_set_int (doc, BUD_KIND_LINE, l->id, "amount", amount + 1, &error));
  g_assert_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (bud_document_put_text (doc, "other_matters", "x", &error));
  g_assert_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (bud_document_remove (doc, BUD_KIND_LINE, l->id, &error));
  g_assert_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (bud_document_move (doc, BUD_KIND_LINE, l->id, 3, &error));
  g_assert_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (bud_document_set_text (doc, BUD_KIND_META, 1, "department", "x", &error));
  g_assert_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  line = bud_entity_copy (BUD_KIND_LINE, l);
  *(gint64 *) line = 0;
  g_assert_null (bud_document_insert (doc, BUD_KIND_LINE, line, -1, &error));
  g_assert_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (bud_document_undo (doc, &error));
  g_assert_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpuint (bud_document_revision (doc), ==, rev);
  g_assert_cmpint (first_line (doc)->amount, ==, amount);
  g_assert_cmpstr (first_line (doc)->note, ==, "复核");

  /* the reviewer's own records are allowed, and undoable */
  c = bud_review_add_comment (doc, BUD_KIND_LINE, l->id, "amount", "审核员", "偏高", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (bud_review_resolve_comment (doc, c->id, TRUE, &error));
  g_assert_no_error (error);
  g_assert_nonnull (bud_review_take_snapshot (doc, "审核前", NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (bud_review_set_status (doc, BUD_STATUS_SUBMITTED, "", "", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bud_document_undo (doc, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bud_review_get_status (doc), ==, BUD_STATUS_DRAFTING);

  /* switching to editing lifts the lock */
  bud_document_set_review_mode (doc, FALSE);
  g_assert_true (bud_document_set_int (doc, BUD_KIND_LINE, l->id, "amount", amount + 1, &error));
  g_assert_no_error (error);

  /* read-only (a file open elsewhere) wins: not even comments */
  bud_document_set_review_mode (doc, TRUE);
  bud_document_set_read_only (doc, TRUE);
  g_assert_null (bud_review_add_comment (doc, BUD_N_KINDS, 0, NULL, "", "x", NULL, &error));
  g_assert_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_READ_ONLY);
}

/* Comments, status and history made in a review session are written through
 * and survive reopening the .budget file and a JSON round trip. */
static void
test_persist (void)
{
  g_autoptr(BudDocument) doc = bud_test_load_example ();
  g_autoptr(BudDocument) reopened = NULL;
  g_autoptr(BudDocument) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bud-review-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "review.budget", NULL);
  g_autofree char *json = NULL;
  g_autoptr(GDateTime) t1 = at (1, 10);
  BudStorage *storage;
  BudStorage *storage2 = NULL;

  g_assert_no_error (error);
  storage = bud_storage_create (path, doc, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bud_review_set_status (doc, BUD_STATUS_SUBMITTED, "编制人", "", t1, &error));
  bud_storage_close (storage);
  g_clear_object (&doc);

  /* the reviewer's session: open for writing, then lock the figures */
  doc = bud_storage_open (path, BUD_STORAGE_OPEN_DEFAULT, &storage, &error);
  g_assert_no_error (error);
  bud_document_set_review_mode (doc, TRUE);
  g_assert_false (bud_document_set_int (doc, BUD_KIND_LINE, first_line (doc)->id, "amount", 1, NULL));
  g_assert_nonnull (bud_review_add_comment (doc, BUD_KIND_LINE, first_line (doc)->id, "amount",
                                            "审核员", "请核实金额\n附件见邮件", t1, &error));
  g_assert_nonnull (bud_review_add_comment (doc, BUD_N_KINDS, 0, NULL, "审核员", "整体意见", t1, &error));
  g_assert_true (bud_review_resolve_comment (doc, 2, TRUE, &error));
  g_assert_nonnull (bud_review_set_status (doc, BUD_STATUS_RETURNED, "审核员", "退回", t1, &error));
  g_assert_no_error (error);
  bud_storage_close (storage);

  reopened = bud_storage_open (path, BUD_STORAGE_OPEN_DEFAULT, &storage2, &error);
  g_assert_no_error (error);
  assert_equal_docs (doc, reopened);
  g_assert_cmpint (bud_review_get_status (reopened), ==, BUD_STATUS_RETURNED);
  g_assert_cmpuint (bud_document_count (reopened, BUD_KIND_STATUS_CHANGE), ==, 2);
  g_assert_cmpuint (bud_document_count (reopened, BUD_KIND_SNAPSHOT), ==, 2);
  g_assert_cmpuint (bud_review_count_open_comments (reopened), ==, 1);
  bud_storage_close (storage2);

  json = bud_json_write_data (doc, NULL);
  back = bud_json_read_data (json, -1, &error);
  g_assert_no_error (error);
  assert_equal_docs (doc, back);
  {
    /* and each snapshot still reads, history and all */
    BudStatusChange *c = g_ptr_array_index (bud_document_items (back, BUD_KIND_STATUS_CHANGE), 1);
    g_autoptr(BudDocument) snap = bud_review_snapshot_document (back, c->snapshot, &error);

    g_assert_no_error (error);
    g_assert_cmpint (bud_review_get_status (snap), ==, BUD_STATUS_RETURNED);
    /* the history up to and including its own change (which names no snapshot there) */
    g_assert_cmpuint (bud_document_count (snap, BUD_KIND_STATUS_CHANGE), ==, 2);
    g_assert_cmpint (((BudStatusChange *) g_ptr_array_index (bud_document_items (snap, BUD_KIND_STATUS_CHANGE), 1))->snapshot, ==, 0);
    g_assert_cmpuint (bud_document_count (snap, BUD_KIND_COMMENT), ==, 2);
  }

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_report (void)
{
  g_autoptr(BudDocument) doc = bud_test_load_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;
  BudLine *l = first_line (doc);

  g_assert_nonnull (bud_review_set_status (doc, BUD_STATUS_SUBMITTED, "编制人", "", NULL, &error));
  g_assert_nonnull (bud_review_add_comment (doc, BUD_KIND_LINE, l->id, "amount", "审核员",
                                            "<请核实> & 说明", NULL, &error));
  g_assert_nonnull (bud_review_add_comment (doc, BUD_N_KINDS, 0, NULL, "审核员", "已解决的意见", NULL, &error));
  g_assert_true (bud_review_resolve_comment (doc, 2, TRUE, &error));
  g_assert_true (bud_document_set_int (doc, BUD_KIND_LINE, l->id, "amount", l->amount + 10000, &error));

  html = bud_review_report_html (doc, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (html, "已提交"));
  g_assert_nonnull (strstr (html, "&lt;请核实&gt; &amp; 说明"));
  g_assert_null (strstr (html, "已解决的意见"));
  /* changes against the automatic snapshot: the amount, old → new in 元 */
  g_assert_nonnull (strstr (html, "567,060.00 元"));
  g_assert_nonnull (strstr (html, "567,160.00 元"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/review/status/machine", test_status_machine);
  g_test_add_func ("/review/status/history-and-snapshot", test_status_history);
  g_test_add_func ("/review/comments/add-list-resolve", test_comments);
  g_test_add_func ("/review/mode/figures-locked-comments-allowed", test_review_mode);
  g_test_add_func ("/review/persist/budget-and-json", test_persist);
  g_test_add_func ("/review/report/html", test_report);

  return g_test_run ();
}
