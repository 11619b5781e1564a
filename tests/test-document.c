/* test-document.c — the in-memory document: validation, references, transactions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>

#include "bud-document.h"

static BudUnit *
add_unit (BudDocument *doc, const char *name)
{
  BudUnit *u = bud_entity_new (BUD_KIND_UNIT);

  bud_field_set_text (u, bud_entity_class_field (bud_entity_class (BUD_KIND_UNIT), "name"), name);
  return bud_document_insert (doc, BUD_KIND_UNIT, u, -1, NULL);
}

static BudProject *
add_project (BudDocument *doc, gint64 unit, const char *name)
{
  BudProject *p = bud_entity_new (BUD_KIND_PROJECT);

  g_free (p->name);
  p->name = g_strdup (name);
  p->unit = unit;
  return bud_document_insert (doc, BUD_KIND_PROJECT, p, -1, NULL);
}

static BudLine *
new_line (gint64 unit, const char *func, const char *econ, gint64 amount)
{
  BudLine *l = bud_entity_new (BUD_KIND_LINE);

  l->unit = unit;
  g_free (l->func);
  l->func = g_strdup (func);
  g_free (l->econ);
  l->econ = g_strdup (econ);
  l->amount = amount;
  return l;
}

static void
test_singletons (void)
{
  g_autoptr(BudDocument) doc = bud_document_new ();

  g_assert_nonnull (bud_document_meta (doc));
  g_assert_cmpint (bud_document_meta (doc)->id, ==, 1);
  g_assert_cmpstr (bud_document_meta (doc)->template_id, ==, "xinjiang-2026");
  g_assert_cmpstr (bud_document_profile (doc)->functions, ==, "");
  g_assert_true (bud_document_set_int (doc, BUD_KIND_META, 1, "year", 2026, NULL));
  g_assert_cmpint (bud_document_meta (doc)->year, ==, 2026);
  g_assert_true (bud_document_set_int (doc, BUD_KIND_PROCUREMENT, 1, "goods", 240000, NULL));
  g_assert_cmpint (bud_document_procurement (doc)->goods, ==, 240000);
}

static void
test_insert_assigns_ids (void)
{
  g_autoptr(BudDocument) doc = bud_document_new ();
  BudUnit *a = add_unit (doc, "本级");
  BudUnit *b = add_unit (doc, "下属");
  BudUnit *c = bud_entity_new (BUD_KIND_UNIT);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (a->id, ==, 1);
  g_assert_cmpint (b->id, ==, 2);
  g_assert_true (bud_document_lookup (doc, BUD_KIND_UNIT, 2) == b);

  /* an explicit id that is taken is refused, and the entity is freed */
  c->id = 2;
  g_free (c->name);
  c->name = g_strdup ("dup");
  g_assert_null (bud_document_insert (doc, BUD_KIND_UNIT, c, -1, &error));
  g_assert_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_DUPLICATE);
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_UNIT), ==, 2);
}

static void
test_validation (void)
{
  g_autoptr(BudDocument) doc = bud_document_new ();
  BudUnit *u = add_unit (doc, "本级");
  BudLine *l;
  guint64 rev;
  const char *bad_codes[] = { "20103a", "2010", "201035012", "", "２０１" };

  l = bud_document_insert (doc, BUD_KIND_LINE, new_line (u->id, "2010350", "30101", 100), -1, NULL);
  g_assert_nonnull (l);
  rev = bud_document_revision (doc);

  for (guint i = 0; i < G_N_ELEMENTS (bad_codes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_assert_false (bud_document_set_text (doc, BUD_KIND_LINE, l->id, "func", bad_codes[i], &error));
      g_assert_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_INVALID);
      g_assert_cmpstr (l->func, ==, "2010350");
    }
  {
    g_autoptr(GError) error = NULL;
    /* an enum out of range, a reference to nothing, a required reference cleared */
    g_assert_false (bud_document_set_int (doc, BUD_KIND_LINE, l->id, "source", 99, &error));
    g_assert_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (bud_document_set_int (doc, BUD_KIND_LINE, l->id, "project", 7, &error));
    g_assert_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (bud_document_set_int (doc, BUD_KIND_LINE, l->id, "unit", 0, &error));
    g_assert_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (bud_document_set_text (doc, BUD_KIND_META, 1, "date", "2026-02-30", &error));
    g_assert_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (bud_document_set_int (doc, BUD_KIND_PROFILE, 1, "staff_active", -1, &error));
    g_assert_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (bud_document_set_text (doc, BUD_KIND_UNIT, u->id, "name", "a\nb", &error));
    g_assert_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_INVALID);
  }
  /* nothing was changed by the refused edits */
  g_assert_cmpuint (bud_document_revision (doc), ==, rev);
  g_assert_true (bud_document_set_text (doc, BUD_KIND_META, 1, "date", "2026-03-13", NULL));
  g_assert_cmpuint (bud_document_revision (doc), ==, rev + 1);
  /* setting the same value again is not an edit */
  g_assert_true (bud_document_set_text (doc, BUD_KIND_META, 1, "date", "2026-03-13", NULL));
  g_assert_cmpuint (bud_document_revision (doc), ==, rev + 1);
}

static void
test_unique (void)
{
  g_autoptr(BudDocument) doc = bud_document_new ();
  BudIncome *a = bud_entity_new (BUD_KIND_INCOME), *b = bud_entity_new (BUD_KIND_INCOME);
  g_autoptr(GError) error = NULL;

  a->source = BUD_SOURCE_GENERAL;
  b->source = BUD_SOURCE_GENERAL;
  g_assert_nonnull (bud_document_insert (doc, BUD_KIND_INCOME, a, -1, NULL));
  g_assert_null (bud_document_insert (doc, BUD_KIND_INCOME, b, -1, &error));
  g_assert_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_DUPLICATE);
  g_assert_true (bud_document_find_income (doc, BUD_SOURCE_GENERAL) == a);
  g_assert_null (bud_document_find_income (doc, BUD_SOURCE_FUND));

  g_assert_true (bud_document_put_text (doc, "glossary", "一、财政拨款", NULL));
  g_assert_true (bud_document_put_text (doc, "glossary", "二、", NULL));
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_TEXT), ==, 1);
  g_assert_cmpstr (bud_document_get_text (doc, "glossary"), ==, "二、");
  g_assert_null (bud_document_get_text (doc, "missing"));
}

static void
test_remove_references (void)
{
  g_autoptr(BudDocument) doc = bud_document_new ();
  BudUnit *u = add_unit (doc, "本级");
  BudProject *p = add_project (doc, u->id, "招商引资工作经费");
  BudAllocation *al = bud_entity_new (BUD_KIND_ALLOCATION);
  BudTarget *t = bud_entity_new (BUD_KIND_TARGET);
  BudIndicator *ind = bud_entity_new (BUD_KIND_INDICATOR);
  BudLine *l = new_line (u->id, "2010399", "30299", 300000);
  g_autoptr(GError) error = NULL;
  gint64 pid = p->id;

  al->project = pid;
  g_free (al->purpose);
  al->purpose = g_strdup ("外出招商");
  g_assert_nonnull (bud_document_insert (doc, BUD_KIND_ALLOCATION, al, -1, NULL));
  t->project = pid;
  g_assert_nonnull (bud_document_insert (doc, BUD_KIND_TARGET, t, -1, NULL));
  ind->target = t->id;
  for (const char **f = (const char *[]) { "level1", "level2", "name", NULL }; *f; f++)
    bud_field_set_text (ind, bud_entity_class_field (bud_entity_class (BUD_KIND_INDICATOR), *f), "x");
  g_assert_nonnull (bud_document_insert (doc, BUD_KIND_INDICATOR, ind, -1, NULL));
  l->kind = BUD_SPEND_PROJECT;
  l->project = pid;
  l = bud_document_insert (doc, BUD_KIND_LINE, l, -1, NULL);
  g_assert_nonnull (l);

  /* a line still spends the project's money: refused, nothing removed */
  g_assert_false (bud_document_remove (doc, BUD_KIND_PROJECT, pid, &error));
  g_assert_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_REFERENCED);
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_ALLOCATION), ==, 1);
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_INDICATOR), ==, 1);
  g_clear_error (&error);

  /* the unit is referred to by the project and the line */
  g_assert_false (bud_document_remove (doc, BUD_KIND_UNIT, u->id, &error));
  g_assert_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_REFERENCED);
  g_clear_error (&error);

  g_assert_true (bud_document_remove (doc, BUD_KIND_LINE, l->id, NULL));
  /* owned rows go with their owner: allocation, target, and the target's indicators */
  g_assert_true (bud_document_remove (doc, BUD_KIND_PROJECT, pid, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_PROJECT), ==, 0);
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_ALLOCATION), ==, 0);
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_TARGET), ==, 0);
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_INDICATOR), ==, 0);
}

static void
test_move (void)
{
  g_autoptr(BudDocument) doc = bud_document_new ();
  BudUnit *a = add_unit (doc, "A"), *b = add_unit (doc, "B"), *c = add_unit (doc, "C");

  g_assert_true (bud_document_move (doc, BUD_KIND_UNIT, c->id, 0, NULL));
  g_assert_cmpint (bud_document_position (doc, BUD_KIND_UNIT, c->id), ==, 0);
  g_assert_cmpint (bud_document_position (doc, BUD_KIND_UNIT, a->id), ==, 1);
  g_assert_cmpint (bud_document_position (doc, BUD_KIND_UNIT, b->id), ==, 2);
  g_assert_true (bud_document_move (doc, BUD_KIND_UNIT, c->id, 99, NULL));
  g_assert_cmpint (bud_document_position (doc, BUD_KIND_UNIT, c->id), ==, 2);
}

/* A sink that refuses on demand: the document must end up as it was. */
typedef struct { int fail_at; int calls; int begins, commits, rollbacks; } FakeStore;

static gboolean fs_begin (gpointer s, GError **e) { ((FakeStore *) s)->begins++; return TRUE; }
static gboolean fs_commit (gpointer s, GError **e) { ((FakeStore *) s)->commits++; return TRUE; }
static void fs_rollback (gpointer s) { ((FakeStore *) s)->rollbacks++; }
static gboolean
fs_step (FakeStore *s, GError **e)
{
  if (++s->calls == s->fail_at)
    {
      g_set_error_literal (e, G_FILE_ERROR, G_FILE_ERROR_NOSPC, "disk full");
      return FALSE;
    }
  return TRUE;
}
static gboolean fs_insert (gpointer s, BudKind k, gconstpointer en, guint p, GError **e) { return fs_step (s, e); }
static gboolean fs_update (gpointer s, BudKind k, gconstpointer en, const BudField *f, GError **e) { return fs_step (s, e); }
static gboolean fs_remove (gpointer s, BudKind k, gint64 id, GError **e) { return fs_step (s, e); }

static const BudDocumentSink fake_sink = {
  fs_begin, fs_commit, fs_rollback, fs_insert, fs_update, fs_remove, NULL,
};

static void
test_sink_failure_rolls_back (void)
{
  g_autoptr(BudDocument) doc = bud_document_new ();
  g_autoptr(BudDocument) before = NULL;
  FakeStore store = { 0 };
  BudUnit *u = add_unit (doc, "本级");
  BudLine *l = bud_document_insert (doc, BUD_KIND_LINE, new_line (u->id, "2010350", "30101", 100), -1, NULL);
  g_autoptr(GError) error = NULL;
  gint64 lid = l->id;

  bud_document_set_sink (doc, &fake_sink, &store);

  /* a group of three edits whose third write fails: all three are undone */
  store.fail_at = 3;
  g_assert_true (bud_document_begin (doc, NULL));
  g_assert_true (bud_document_set_int (doc, BUD_KIND_LINE, lid, "amount", 555, NULL));
  g_assert_true (bud_document_set_text (doc, BUD_KIND_LINE, lid, "econ", "30102", NULL));
  g_assert_false (bud_document_insert (doc, BUD_KIND_LINE, new_line (u->id, "2010350", "30103", 9), -1, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC);
  g_assert_cmpint (store.rollbacks, ==, 1);
  g_assert_cmpint (store.commits, ==, 0);
  l = bud_document_lookup (doc, BUD_KIND_LINE, lid);
  g_assert_cmpint (l->amount, ==, 100);
  g_assert_cmpstr (l->econ, ==, "30101");
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_LINE), ==, 1);
  g_clear_error (&error);

  /* a failing single remove keeps the row */
  store.calls = 0;
  store.fail_at = 1;
  g_assert_false (bud_document_remove (doc, BUD_KIND_LINE, lid, &error));
  g_assert_nonnull (bud_document_lookup (doc, BUD_KIND_LINE, lid));
  g_clear_error (&error);

  /* and a working edit commits once */
  store.fail_at = 0;
  g_assert_true (bud_document_set_int (doc, BUD_KIND_LINE, lid, "amount", 777, NULL));
  g_assert_cmpint (store.commits, ==, 1);
}

static void
test_read_only (void)
{
  g_autoptr(BudDocument) doc = bud_document_new ();
  g_autoptr(GError) error = NULL;

  bud_document_set_read_only (doc, TRUE);
  g_assert_false (bud_document_set_int (doc, BUD_KIND_META, 1, "year", 2026, &error));
  g_assert_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_READ_ONLY);
  g_assert_cmpint (bud_document_meta (doc)->year, ==, 0);
}

static void
test_equal (void)
{
  g_autoptr(BudDocument) a = bud_document_new ();
  g_autoptr(BudDocument) b = bud_document_new ();
  g_autofree char *diff = NULL;

  add_unit (a, "本级");
  add_unit (b, "本级");
  g_assert_true (bud_document_equal (a, b, NULL));
  bud_document_set_text (b, BUD_KIND_UNIT, 1, "code", "901001", NULL);
  g_assert_false (bud_document_equal (a, b, &diff));
  g_assert_cmpstr (diff, ==, "units[0].code");
}

static void
test_undo_redo (void)
{
  g_autoptr(BudDocument) doc = bud_document_new ();
  g_autoptr(BudDocument) empty = bud_document_new ();
  BudUnit *u;
  BudLine *l;
  gint64 lid;
  g_autofree char *diff = NULL;

  g_assert_false (bud_document_can_undo (doc));
  u = add_unit (doc, "本级");
  l = bud_document_insert (doc, BUD_KIND_LINE, new_line (u->id, "2010350", "30101", 100), -1, NULL);
  lid = l->id;
  g_assert_true (bud_document_set_int (doc, BUD_KIND_LINE, lid, "amount", 250, NULL));
  g_assert_true (bud_document_set_text (doc, BUD_KIND_LINE, lid, "note", "补发", NULL));

  /* a group is one step */
  g_assert_true (bud_document_begin (doc, NULL));
  g_assert_true (bud_document_set_text (doc, BUD_KIND_META, 1, "department", "某局", NULL));
  g_assert_true (bud_document_set_int (doc, BUD_KIND_META, 1, "year", 2026, NULL));
  g_assert_true (bud_document_commit (doc, NULL));

  g_assert_true (bud_document_undo (doc, NULL));
  g_assert_cmpstr (bud_document_meta (doc)->department, ==, "");
  g_assert_cmpint (bud_document_meta (doc)->year, ==, 0);
  g_assert_true (bud_document_can_redo (doc));
  g_assert_true (bud_document_redo (doc, NULL));
  g_assert_cmpstr (bud_document_meta (doc)->department, ==, "某局");
  g_assert_cmpint (bud_document_meta (doc)->year, ==, 2026);

  /* remove, then undo brings the same row back at the same id and place */
  g_assert_true (bud_document_remove (doc, BUD_KIND_LINE, lid, NULL));
  g_assert_null (bud_document_lookup (doc, BUD_KIND_LINE, lid));
  g_assert_true (bud_document_undo (doc, NULL));
  l = bud_document_lookup (doc, BUD_KIND_LINE, lid);
  g_assert_nonnull (l);
  g_assert_cmpint (l->amount, ==, 250);
  g_assert_cmpstr (l->note, ==, "补发");

  /* undo everything: the document is empty again */
  while (bud_document_can_undo (doc))
    g_assert_true (bud_document_undo (doc, NULL));
  g_assert_true (bud_document_equal (doc, empty, &diff));
  g_assert_null (diff);
  /* and redo everything, the removal of the line (undone above) included */
  while (bud_document_can_redo (doc))
    g_assert_true (bud_document_redo (doc, NULL));
  g_assert_null (bud_document_lookup (doc, BUD_KIND_LINE, lid));
  g_assert_true (bud_document_undo (doc, NULL));
  l = bud_document_lookup (doc, BUD_KIND_LINE, lid);
  g_assert_nonnull (l);
  g_assert_cmpint (l->amount, ==, 250);
  g_assert_cmpstr (bud_document_meta (doc)->department, ==, "某局");

  /* a new edit after an undo drops the redo steps */
  g_assert_true (bud_document_undo (doc, NULL));
  g_assert_true (bud_document_set_int (doc, BUD_KIND_LINE, lid, "amount", 7, NULL));
  g_assert_false (bud_document_can_redo (doc));

  bud_document_clear_history (doc);
  g_assert_false (bud_document_can_undo (doc));
}

static void
test_undo_cascade (void)
{
  g_autoptr(BudDocument) doc = bud_document_new ();
  BudUnit *u = add_unit (doc, "本级");
  BudProject *p = add_project (doc, u->id, "项目");
  BudAllocation *al = bud_entity_new (BUD_KIND_ALLOCATION);
  gint64 pid = p->id;

  al->project = pid;
  g_free (al->purpose);
  al->purpose = g_strdup ("会展");
  al->amount = 30000;
  g_assert_nonnull (bud_document_insert (doc, BUD_KIND_ALLOCATION, al, -1, NULL));
  g_assert_true (bud_document_remove (doc, BUD_KIND_PROJECT, pid, NULL));
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_ALLOCATION), ==, 0);
  /* one undo restores the project and the row it owned */
  g_assert_true (bud_document_undo (doc, NULL));
  g_assert_nonnull (bud_document_lookup (doc, BUD_KIND_PROJECT, pid));
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_ALLOCATION), ==, 1);
  al = g_ptr_array_index (bud_document_items (doc, BUD_KIND_ALLOCATION), 0);
  g_assert_cmpint (al->amount, ==, 30000);
}

static void
test_undo_sink_failure (void)
{
  g_autoptr(BudDocument) doc = bud_document_new ();
  FakeStore store = { 0 };
  BudUnit *u = add_unit (doc, "本级");

  g_assert_true (bud_document_set_text (doc, BUD_KIND_UNIT, u->id, "code", "901", NULL));
  bud_document_set_sink (doc, &fake_sink, &store);
  store.fail_at = 1;
  g_assert_false (bud_document_undo (doc, NULL));
  /* nothing changed, and the step is still there to try again */
  g_assert_cmpstr (u->code, ==, "901");
  g_assert_true (bud_document_can_undo (doc));
  store.fail_at = 0;
  g_assert_true (bud_document_undo (doc, NULL));
  g_assert_cmpstr (u->code, ==, "");
}

static void
test_undo_move (void)
{
  g_autoptr(BudDocument) doc = bud_document_new ();
  BudUnit *a = add_unit (doc, "A"), *b = add_unit (doc, "B");

  g_assert_true (bud_document_move (doc, BUD_KIND_UNIT, b->id, 0, NULL));
  g_assert_true (bud_document_undo (doc, NULL));
  g_assert_cmpint (bud_document_position (doc, BUD_KIND_UNIT, a->id), ==, 0);
  g_assert_true (bud_document_redo (doc, NULL));
  g_assert_cmpint (bud_document_position (doc, BUD_KIND_UNIT, b->id), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/singletons", test_singletons);
  g_test_add_func ("/document/insert/ids", test_insert_assigns_ids);
  g_test_add_func ("/document/validation", test_validation);
  g_test_add_func ("/document/unique", test_unique);
  g_test_add_func ("/document/remove/references", test_remove_references);
  g_test_add_func ("/document/move", test_move);
  g_test_add_func ("/document/sink/rollback", test_sink_failure_rolls_back);
  g_test_add_func ("/document/read-only", test_read_only);
  g_test_add_func ("/document/equal", test_equal);
  g_test_add_func ("/document/undo/redo", test_undo_redo);
  g_test_add_func ("/document/undo/cascade", test_undo_cascade);
  g_test_add_func ("/document/undo/sink-failure", test_undo_sink_failure);
  g_test_add_func ("/document/undo/move", test_undo_move);

  return g_test_run ();
}
