/* test-storage.c — .budget files: round trips, write-through, refusal of bad files, locking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "bud-document.h"
#include "bud-storage.h"

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("bud-storage-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  remove_tree (fx->dir);
  g_free (fx->dir);
}

static char *
path_in (Fixture    *fx,
         const char *name)
{
  return g_build_filename (fx->dir, name, NULL);
}

static int
cmp_names (gconstpointer a,
           gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* Names in @dir, sorted, joined by spaces: shows stray temporary files. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, cmp_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* ---- building documents ---- */

static void
apply_pairs (gpointer  entity,
             BudKind   kind,
             va_list   ap)
{
  const BudEntityClass *klass = bud_entity_class (kind);
  const char *name;

  while ((name = va_arg (ap, const char *)) != NULL)
    {
      const char *value = va_arg (ap, const char *);
      const BudField *f = bud_entity_class_field (klass, name);

      g_assert_nonnull (f);
      if (f->type == BUD_FIELD_TEXT)
        bud_field_set_text (entity, f, value);
      else if (f->type == BUD_FIELD_ENUM)
        {
          int idx = bud_field_enum_lookup (f, value);
          g_assert_cmpint (idx, >=, 0);
          bud_field_set_int (entity, f, idx);
        }
      else
        bud_field_set_int (entity, f, g_ascii_strtoll (value, NULL, 10));
    }
}

/* Insert a row given as field/value string pairs, NULL-terminated. */
static gint64
ins (BudDocument *doc,
     BudKind      kind,
     ...)
{
  g_autoptr(GError) error = NULL;
  gpointer e = bud_entity_new (kind);
  va_list ap;

  va_start (ap, kind);
  apply_pairs (e, kind, ap);
  va_end (ap);
  e = bud_document_insert (doc, kind, e, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (e);
  return *(gint64 *) e;
}

static void
set_single (BudDocument *doc,
            BudKind      kind,
            ...)
{
  const BudEntityClass *klass = bud_entity_class (kind);
  gpointer e = bud_entity_new (kind);
  va_list ap;

  va_start (ap, kind);
  apply_pairs (e, kind, ap);
  va_end (ap);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const BudField *f = &klass->fields[i];
      g_autoptr(GError) error = NULL;

      if (f->type == BUD_FIELD_TEXT)
        bud_document_set_text (doc, kind, 1, f->name, bud_field_get_text (e, f), &error);
      else
        bud_document_set_int (doc, kind, 1, f->name, bud_field_get_int (e, f), &error);
      g_assert_no_error (error);
    }
  bud_entity_free (kind, e);
}

/* At least one row of every kind, every field set somewhere, unicode,
 * negative and very large money, references and empty references. */
static BudDocument *
rich_document (void)
{
  BudDocument *doc = bud_document_new ();
  gint64 u1, u2, p1, p2, c1, t0, t1;

  set_single (doc, BUD_KIND_META,
              "department", "昌吉回族自治州某局（测试）", "department_code", "651001",
              "year", "2026", "template_id", "xinjiang-2026", "date", "2026-02-28",
              "status", "returned", NULL);
  set_single (doc, BUD_KIND_PROFILE,
              "functions", "主要职能：\n1. 负责……\n2. “引号” and 'quotes'",
              "structure", "内设机构 8 个", "contact", "张三", "phone", "0994-1234567",
              "staff_authorized", "45", "staff_active", "40", "staff_retired", "12",
              "staff_veteran", "1", "staff_authorized_last", "44", "staff_active_last", "39",
              "staff_retired_last", "11", "staff_veteran_last", "2", NULL);
  set_single (doc, BUD_KIND_PROCUREMENT,
              "total", "1000000000000000", "goods", "-250", "works", "3", "services", "4",
              "reserved_sme", "5", "reserved_micro", "-1000000000000000", NULL);
  set_single (doc, BUD_KIND_ASSETS,
              "as_of", "2025-12-31", "building_area", "123456", "building_value", "987654321",
              "vehicles_general", "3", "vehicles_general_value", "45000000",
              "vehicles_enforcement", "2", "vehicles_enforcement_value", "60000000",
              "vehicles_other", "1", "vehicles_other_value", "7", "furniture_value", "8",
              "other_value", "9", "equipment_50", "1", "equipment_100", "2",
              "planned_vehicles", "1", "planned_vehicles_value", "30000000",
              "planned_equipment_50", "3", "planned_equipment_100", "4", NULL);

  u1 = ins (doc, BUD_KIND_UNIT, "name", "本级", "code", "651001001", "type", "admin",
            "primary_unit", "1", NULL);
  u2 = ins (doc, BUD_KIND_UNIT, "name", "下属事业单位 🏫", "code", "651001002",
            "type", "institution", NULL);
  ins (doc, BUD_KIND_UNIT, "name", "参公单位", "type", "civil_servant", NULL);

  p1 = ins (doc, BUD_KIND_PROJECT, "code", "P2026-001", "name", "信息化建设项目", "unit", "1",
            "policy_basis", "《关于……的通知》\n第二条", "execution", "2026年1—12月",
            "owner", "李四", NULL);
  p2 = ins (doc, BUD_KIND_PROJECT, "name", "Ünïcödé project ∑", "unit", "2", NULL);
  g_assert_cmpint (u1, ==, 1);
  g_assert_cmpint (u2, ==, 2);

  ins (doc, BUD_KIND_ALLOCATION, "project", "1", "purpose", "设备购置", "amount", "5000000000", NULL);
  ins (doc, BUD_KIND_ALLOCATION, "project", "1", "purpose", "运维", "amount", "-1", NULL);
  ins (doc, BUD_KIND_ALLOCATION, "project", "2", "purpose", "培训", "amount", "0", NULL);

  c1 = ins (doc, BUD_KIND_CARRYOVER, "name", "新财预〔2025〕1号", "source", "carry_general",
            "kind", "project", "amount", "123456", NULL);
  ins (doc, BUD_KIND_CARRYOVER, "name", "基本支出结转", "source", "carry_fund", "amount", "1", NULL);

  ins (doc, BUD_KIND_INCOME, "source", "general", "amount", "100000000000", NULL);
  ins (doc, BUD_KIND_INCOME, "source", "carry_unit", "amount", "-42", NULL);

  ins (doc, BUD_KIND_LINE, "unit", "1", "func", "2010101", "econ", "30101", "kind", "basic",
       "source", "general", "amount", "123456789", NULL);
  ins (doc, BUD_KIND_LINE, "unit", "2", "func", "2050201", "econ", "30201", "kind", "project",
       "project", "1", "source", "fund", "carryover", "1", "amount", "-98765",
       "note", "备注 “quoted” 'x'); DROP TABLE lines; --\nsecond line 💰", NULL);
  ins (doc, BUD_KIND_LINE, "unit", "2", "func", "208", "econ", "302", "kind", "project",
       "project", "2", "source", "unit_other", "amount", "999999999999999", NULL);
  ins (doc, BUD_KIND_LINE, "unit", "3", "func", "20101", "econ", "30102", "amount", "5", NULL);

  ins (doc, BUD_KIND_COMPARATIVE, "measure", "total", "last_year", "99", "reason", "增加原因", NULL);
  ins (doc, BUD_KIND_COMPARATIVE, "measure", "三公经费", "last_year", "-5", NULL);

  t0 = ins (doc, BUD_KIND_TARGET, "goal", "部门整体绩效目标", "fiscal_upper", "1",
            "fiscal_local", "2", "other", "3", NULL);
  t1 = ins (doc, BUD_KIND_TARGET, "project", "1", "goal", "项目目标", "fiscal_upper", "-10",
            "fiscal_local", "20", "other", "0", NULL);
  g_assert_cmpint (t0, ==, 1);
  g_assert_cmpint (t1, ==, 2);

  ins (doc, BUD_KIND_INDICATOR, "target", "1", "level1", "产出指标", "level2", "数量指标",
       "name", "培训人次", "op", "ge", "value", "100", "unit", "人次", "basis", "计划",
       "last_value", "90", "weight", "1050", "scoring", "完成得满分", "evidence", "签到表", NULL);
  ins (doc, BUD_KIND_INDICATOR, "target", "2", "level1", "效益指标", "level2", "社会效益",
       "name", "服务质量", "op", "qual", "value", "明显提升", NULL);
  ins (doc, BUD_KIND_INDICATOR, "target", "2", "level1", "满意度", "level2", "服务对象",
       "name", "满意度", "op", "lt", "value", "5", "weight", "0", NULL);

  ins (doc, BUD_KIND_TEXT, "key", "glossary", "value", "名词解释：\n一、财政拨款……", NULL);
  ins (doc, BUD_KIND_TEXT, "key", "other_matters", "value", "", NULL);

  ins (doc, BUD_KIND_CUSTOM_CODE, "scheme", "economic", "code", "30299",
       "name", "其他商品和服务支出（自定义）", NULL);
  ins (doc, BUD_KIND_CUSTOM_CODE, "code", "2019999", "name", "其他", NULL);

  ins (doc, BUD_KIND_COMMENT, "object", "lines/2", "field", "amount", "author", "审核员",
       "created", "2026-02-01T10:00:00+08:00", "body", "请核实金额", "resolved", "1", NULL);
  ins (doc, BUD_KIND_COMMENT, "body", "整体意见", NULL);

  ins (doc, BUD_KIND_SNAPSHOT, "name", "初稿", "created", "2026-01-01T00:00:00Z",
       "content", "{\"document\":{\"department\":\"测试\"}}", NULL);

  ins (doc, BUD_KIND_STATUS_CHANGE, "from", "submitted", "to", "returned", "author", "审核员 “王”",
       "time", "2026-03-01T10:00:00+08:00", "note", "请补充说明\n第二行", "snapshot", "1", NULL);
  ins (doc, BUD_KIND_STATUS_CHANGE, "from", "drafting", "to", "submitted", NULL);

  (void) p1; (void) p2; (void) c1;
  return doc;
}

/* The rich document must keep covering every field as the schema grows. */
static void
assert_every_field_used (BudDocument *doc)
{
  for (guint k = 0; k < BUD_N_KINDS; k++)
    {
      const BudEntityClass *klass = bud_entity_class (k);
      GPtrArray *items = bud_document_items (doc, k);

      g_assert_cmpuint (items->len, >, 0);
      for (guint fi = 0; fi < klass->n_fields; fi++)
        {
          const BudField *f = &klass->fields[fi];
          gboolean used = FALSE;

          for (guint i = 0; i < items->len && !used; i++)
            {
              gconstpointer e = g_ptr_array_index (items, i);
              used = f->type == BUD_FIELD_TEXT ? bud_field_get_text (e, f)[0] != '\0'
                                               : bud_field_get_int (e, f) != 0;
            }
          if (!used)
            g_error ("the test document leaves %s.%s unset", klass->name, f->name);
        }
    }
}

static void
assert_equal_docs (BudDocument *a,
                   BudDocument *b)
{
  g_autofree char *diff = NULL;

  if (!bud_document_equal (a, b, &diff))
    g_error ("documents differ at %s", diff);
}

/* Open @path read-only and compare it with @expected. */
static void
assert_file_holds (const char  *path,
                   BudDocument *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDocument) doc = bud_storage_open (path, BUD_STORAGE_OPEN_READ_ONLY, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  assert_equal_docs (expected, doc);
}

static BudStorage *
create_rich (const char   *path,
             BudDocument **out_doc)
{
  g_autoptr(GError) error = NULL;
  BudDocument *doc = rich_document ();
  BudStorage *storage = bud_storage_create (path, doc, FALSE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (storage);
  *out_doc = doc;
  return storage;
}

static void
write_rich_file (const char *path)
{
  g_autoptr(BudDocument) doc = NULL;
  BudStorage *storage = create_rich (path, &doc);

  bud_storage_close (storage);
}

static void
rewrite_rich_file (const char *path)
{
  g_unlink (path);
  write_rich_file (path);
}

/* ---- raw SQLite, to inspect files and craft bad ones ---- */

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  return db;
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = raw_open (path);
  char *msg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s: %s", sql, msg);
  sqlite3_close (db);
}

static int
raw_exec_rc (const char *path,
             const char *sql)
{
  sqlite3 *db = raw_open (path);
  int rc;

  sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_close (db);
  return rc;
}

static gint64
raw_int (const char *path,
         const char *sql)
{
  sqlite3 *db = raw_open (path);
  sqlite3_stmt *stmt = NULL;
  gint64 v;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return v;
}

static char *
raw_text (const char *path,
          const char *sql)
{
  sqlite3 *db = raw_open (path);
  sqlite3_stmt *stmt = NULL;
  char *v;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  v = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return v;
}

/* The positions of a collection's rows, by id, as one string. */
static char *
raw_positions (const char *path,
               const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT group_concat(id || ':' || position, ' ') "
                                          "FROM (SELECT id, position FROM \"%s\" ORDER BY id)",
                                          table);
  return raw_text (path, sql);
}

static void
expect_refused (const char      *path,
                BudStorageError  code,
                ...)   /* substrings the message must contain, NULL-terminated */
{
  g_autoptr(GError) error = NULL;
  BudStorage *storage = NULL;
  BudDocument *doc;
  const char *part;
  va_list ap;

  doc = bud_storage_open (path, BUD_STORAGE_OPEN_READ_ONLY, &storage, &error);
  g_assert_null (doc);
  g_assert_null (storage);
  g_assert_error (error, BUD_STORAGE_ERROR, (gint) code);
  g_test_message ("refused as expected: %s", error->message);

  va_start (ap, code);
  while ((part = va_arg (ap, const char *)) != NULL)
    if (strstr (error->message, part) == NULL)
      g_error ("“%s” does not mention “%s”", error->message, part);
  va_end (ap);

  /* opening for editing gives the same answer */
  g_clear_error (&error);
  doc = bud_storage_open (path, BUD_STORAGE_OPEN_DEFAULT, &storage, &error);
  g_assert_null (doc);
  g_assert_null (storage);
  g_assert_error (error, BUD_STORAGE_ERROR, (gint) code);
}

/* ---- round trip ---- */

static void
test_roundtrip_rich (Fixture       *fx,
                     gconstpointer  data)
{
  g_autofree char *path = path_in (fx, "rich.budget");
  g_autoptr(BudDocument) doc = NULL;
  g_autoptr(BudDocument) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  BudStorage *storage = create_rich (path, &doc);

  assert_every_field_used (doc);
  g_assert_cmpstr (bud_storage_get_path (storage), ==, path);
  g_assert_true (bud_storage_get_document (storage) == doc);
  bud_storage_close (storage);

  /* only the file itself: no temporary file or journal left over */
  listing = list_dir (fx->dir);
  g_assert_cmpstr (listing, ==, "rich.budget");

  again = bud_storage_open (path, BUD_STORAGE_OPEN_DEFAULT, &storage, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_assert_false (bud_document_get_read_only (again));
  g_assert_false (bud_storage_get_read_only (storage));
  assert_equal_docs (doc, again);
  bud_storage_close (storage);

  /* the file says what it is */
  g_assert_cmpint (raw_int (path, "PRAGMA application_id"), ==, BUD_STORAGE_APPLICATION_ID);
  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, BUD_STORAGE_FORMAT_VERSION);
}

/* A brand-new document, with its initial (partly empty) singletons. */
static void
test_roundtrip_new (Fixture       *fx,
                    gconstpointer  data)
{
  g_autofree char *path = path_in (fx, "new.budget");
  g_autoptr(BudDocument) doc = bud_document_new ();
  g_autoptr(GError) error = NULL;
  BudStorage *storage = bud_storage_create (path, doc, FALSE, &error);

  g_assert_no_error (error);
  bud_storage_close (storage);
  assert_file_holds (path, doc);
}

static void
test_schema_constraints (Fixture       *fx,
                         gconstpointer  data)
{
  g_autofree char *path = path_in (fx, "c.budget");
  g_autofree char *kind = NULL;
  BudLine *line;
  g_autoptr(BudDocument) doc = NULL;
  BudStorage *storage = create_rich (path, &doc);

  bud_storage_close (storage);
  line = g_ptr_array_index (bud_document_items (doc, BUD_KIND_LINE), 1);

  /* money is an exact integer of 分, enums are their spellings, no ref is NULL */
  g_assert_cmpint (raw_int (path, "SELECT typeof(amount) = 'integer' FROM lines WHERE id = 2"), ==, 1);
  g_assert_cmpint (raw_int (path, "SELECT amount FROM lines WHERE id = 2"), ==, line->amount);
  g_assert_cmpint (raw_int (path, "SELECT total FROM procurement"), ==, G_GINT64_CONSTANT (1000000000000000));
  kind = raw_text (path, "SELECT kind FROM lines WHERE id = 2");
  g_assert_cmpstr (kind, ==, "project");
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM lines WHERE project IS NULL"), ==, 2);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM targets WHERE project IS NULL"), ==, 1);

  /* the file itself refuses what the document refuses */
  g_assert_cmpint (raw_exec_rc (path, "UPDATE lines SET amount = 'abc' WHERE id = 1") & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_exec_rc (path, "UPDATE lines SET kind = 'other' WHERE id = 1") & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_exec_rc (path, "UPDATE lines SET unit = 99 WHERE id = 1") & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_exec_rc (path, "UPDATE lines SET note = NULL WHERE id = 1") & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_exec_rc (path, "UPDATE units SET primary_unit = 2 WHERE id = 1") & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_exec_rc (path, "DELETE FROM units WHERE id = 1") & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_exec_rc (path, "INSERT INTO document (id, department, department_code, year, "
                                      "template_id, date) VALUES (2, 'x', '', 1, 'x', '')") & 0xff,
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_exec_rc (path, "INSERT INTO texts (id, position, key, value) "
                                      "VALUES (99, 0, 'glossary', '')") & 0xff, ==, SQLITE_CONSTRAINT);
  /* owned rows go with their owner */
  g_assert_cmpint (raw_exec_rc (path, "DELETE FROM targets WHERE id = 2"), ==, SQLITE_OK);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM indicators WHERE target = 2"), ==, 0);
}

/* ---- write-through ---- */

static void
test_edit_insert (Fixture       *fx,
                  gconstpointer  data)
{
  g_autofree char *path = path_in (fx, "i.budget");
  g_autoptr(BudDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  BudStorage *storage = create_rich (path, &doc);
  BudLine *line;

  ins (doc, BUD_KIND_LINE, "unit", "1", "func", "2010102", "econ", "30103", "amount", "7", NULL);
  line = bud_entity_new (BUD_KIND_LINE);
  line->unit = 2;
  bud_field_set_text (line, bud_entity_class_field (bud_entity_class (BUD_KIND_LINE), "func"), "2010103");
  bud_field_set_text (line, bud_entity_class_field (bud_entity_class (BUD_KIND_LINE), "econ"), "30104");
  line->amount = -3;
  g_assert_nonnull (bud_document_insert (doc, BUD_KIND_LINE, line, 0, &error));
  g_assert_no_error (error);
  line = bud_entity_copy (BUD_KIND_LINE, g_ptr_array_index (bud_document_items (doc, BUD_KIND_LINE), 1));
  line->id = 0;
  g_assert_nonnull (bud_document_insert (doc, BUD_KIND_LINE, line, 2, &error));
  g_assert_no_error (error);
  ins (doc, BUD_KIND_PROJECT, "name", "新项目", "unit", "2", NULL);
  g_assert_true (bud_document_put_text (doc, "new_key", "新文字", &error));
  g_assert_no_error (error);

  /* on disk at once, before close */
  assert_file_holds (path, doc);
  bud_storage_close (storage);
  assert_file_holds (path, doc);
}

static void
test_edit_set (Fixture       *fx,
               gconstpointer  data)
{
  g_autofree char *path = path_in (fx, "s.budget");
  g_autoptr(BudDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  BudStorage *storage = create_rich (path, &doc);
  g_autofree char *note = NULL;

  g_assert_true (bud_document_set_int (doc, BUD_KIND_LINE, 1, "amount", -G_GINT64_CONSTANT (1000000000000000), &error));
  g_assert_true (bud_document_set_int (doc, BUD_KIND_LINE, 1, "kind", BUD_SPEND_PROJECT, &error));
  g_assert_true (bud_document_set_int (doc, BUD_KIND_LINE, 1, "project", 2, &error));
  g_assert_true (bud_document_set_int (doc, BUD_KIND_LINE, 2, "carryover", 0, &error));
  g_assert_true (bud_document_set_int (doc, BUD_KIND_UNIT, 2, "primary_unit", TRUE, &error));
  g_assert_true (bud_document_set_text (doc, BUD_KIND_LINE, 3, "note", "新备注 ✓\n第二行", &error));
  g_assert_true (bud_document_set_text (doc, BUD_KIND_META, 1, "department", "改名后的部门", &error));
  g_assert_true (bud_document_set_int (doc, BUD_KIND_ASSETS, 1, "building_area", 1, &error));
  g_assert_true (bud_document_put_text (doc, "glossary", "", &error));
  g_assert_no_error (error);

  assert_file_holds (path, doc);
  g_assert_cmpint (raw_int (path, "SELECT carryover IS NULL FROM lines WHERE id = 2"), ==, 1);
  note = raw_text (path, "SELECT note FROM lines WHERE id = 3");
  g_assert_cmpstr (note, ==, "新备注 ✓\n第二行");
  bud_storage_close (storage);
  assert_file_holds (path, doc);
}

static void
test_edit_remove_cascade (Fixture       *fx,
                          gconstpointer  data)
{
  g_autofree char *path = path_in (fx, "r.budget");
  g_autoptr(BudDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  BudStorage *storage = create_rich (path, &doc);

  /* still used by a line: refused by the document, nothing written */
  g_assert_false (bud_document_remove (doc, BUD_KIND_PROJECT, 1, &error));
  g_assert_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_REFERENCED);
  g_clear_error (&error);
  assert_file_holds (path, doc);

  g_assert_true (bud_document_remove (doc, BUD_KIND_LINE, 2, &error));
  g_assert_no_error (error);
  /* project 1 owns two allocations and a target, which owns two indicators */
  g_assert_true (bud_document_remove (doc, BUD_KIND_PROJECT, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_ALLOCATION), ==, 1);
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_TARGET), ==, 1);
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_INDICATOR), ==, 1);
  g_assert_true (bud_document_remove (doc, BUD_KIND_COMMENT, 2, &error));
  g_assert_no_error (error);

  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM allocations"), ==, 1);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM indicators"), ==, 1);
  bud_storage_close (storage);
  assert_file_holds (path, doc);
}

static void
test_edit_move (Fixture       *fx,
                gconstpointer  data)
{
  g_autofree char *path = path_in (fx, "m.budget");
  g_autoptr(BudDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  BudStorage *storage = create_rich (path, &doc);
  GPtrArray *lines = bud_document_items (doc, BUD_KIND_LINE);
  guint changed = 0;

  /* one move into a gap rewrites one row */
  before = raw_positions (path, "lines");
  g_assert_true (bud_document_move (doc, BUD_KIND_LINE, 4, 1, &error));
  g_assert_no_error (error);
  after = raw_positions (path, "lines");
  {
    g_auto(GStrv) b = g_strsplit (before, " ", -1);
    g_auto(GStrv) a = g_strsplit (after, " ", -1);
    g_assert_cmpuint (g_strv_length (a), ==, g_strv_length (b));
    for (guint i = 0; a[i]; i++)
      changed += g_strcmp0 (a[i], b[i]) != 0;
  }
  g_assert_cmpuint (changed, ==, 1);
  assert_file_holds (path, doc);

  g_assert_true (bud_document_move (doc, BUD_KIND_LINE, 4, 0, &error));
  g_assert_true (bud_document_move (doc, BUD_KIND_LINE, 4, 99, &error));
  g_assert_true (bud_document_move (doc, BUD_KIND_UNIT, 1, 2, &error));
  g_assert_no_error (error);
  assert_file_holds (path, doc);

  /* used-up gaps: always insert right after the first line */
  for (guint i = 0; i < 40; i++)
    {
      BudLine *l = bud_entity_copy (BUD_KIND_LINE, g_ptr_array_index (lines, 0));
      l->id = 0;
      l->amount = i;
      g_assert_nonnull (bud_document_insert (doc, BUD_KIND_LINE, l, 1, &error));
      g_assert_no_error (error);
    }
  assert_file_holds (path, doc);

  /* and a random walk of moves and inserts */
  for (guint i = 0; i < 200; i++)
    {
      guint n = lines->len;
      gint64 id = ((BudLine *) g_ptr_array_index (lines, g_test_rand_int_range (0, (gint32) n)))->id;

      if (i % 5 == 0)
        {
          BudLine *l = bud_entity_copy (BUD_KIND_LINE, g_ptr_array_index (lines, 0));
          l->id = 0;
          g_assert_nonnull (bud_document_insert (doc, BUD_KIND_LINE, l,
                                                 g_test_rand_int_range (0, (gint32) n + 1), &error));
        }
      else
        g_assert_true (bud_document_move (doc, BUD_KIND_LINE, id,
                                          (guint) g_test_rand_int_range (0, (gint32) n), &error));
      g_assert_no_error (error);
    }
  bud_storage_close (storage);
  assert_file_holds (path, doc);
}

/* Positions a crafted file leaves no room between still give the right order. */
static void
test_edit_move_ties (Fixture       *fx,
                     gconstpointer  data)
{
  g_autofree char *path = path_in (fx, "t.budget");
  g_autoptr(BudDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  BudStorage *storage = NULL;

  write_rich_file (path);
  raw_exec (path, "UPDATE lines SET position = 7; UPDATE units SET position = 9223372036854775000");
  doc = bud_storage_open (path, BUD_STORAGE_OPEN_DEFAULT, &storage, &error);
  g_assert_no_error (error);

  ins (doc, BUD_KIND_UNIT, "name", "末尾", NULL);
  g_assert_true (bud_document_move (doc, BUD_KIND_LINE, 1, 2, &error));
  g_assert_no_error (error);
  {
    BudLine *l = bud_entity_copy (BUD_KIND_LINE, g_ptr_array_index (bud_document_items (doc, BUD_KIND_LINE), 0));
    l->id = 0;
    g_assert_nonnull (bud_document_insert (doc, BUD_KIND_LINE, l, 1, &error));
    g_assert_no_error (error);
  }
  bud_storage_close (storage);
  assert_file_holds (path, doc);
}

static void
test_edit_transaction (Fixture       *fx,
                       gconstpointer  data)
{
  g_autofree char *path = path_in (fx, "x.budget");
  g_autoptr(BudDocument) doc = NULL;
  g_autoptr(BudDocument) before = NULL;
  g_autoptr(GError) error = NULL;
  BudStorage *storage = create_rich (path, &doc);

  g_assert_true (bud_document_begin (doc, &error));
  ins (doc, BUD_KIND_UNIT, "name", "新单位", NULL);
  g_assert_true (bud_document_set_int (doc, BUD_KIND_LINE, 1, "amount", 1, &error));
  g_assert_true (bud_document_commit (doc, &error));
  g_assert_no_error (error);
  assert_file_holds (path, doc);

  before = bud_storage_open (path, BUD_STORAGE_OPEN_READ_ONLY, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (bud_document_begin (doc, &error));
  ins (doc, BUD_KIND_UNIT, "name", "不要的单位", NULL);
  g_assert_true (bud_document_remove (doc, BUD_KIND_LINE, 1, &error));
  bud_document_rollback (doc);
  g_assert_no_error (error);
  assert_equal_docs (before, doc);
  assert_file_holds (path, doc);

  /* and the connection is usable afterwards */
  g_assert_true (bud_document_set_int (doc, BUD_KIND_LINE, 1, "amount", 2, &error));
  g_assert_no_error (error);
  bud_storage_close (storage);
  assert_file_holds (path, doc);
}

/* The file refuses an edit the document accepted: memory must not move. */
static void
test_edit_refused (Fixture       *fx,
                   gconstpointer  data)
{
  g_autofree char *path = path_in (fx, "f.budget");
  g_autoptr(BudDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  BudStorage *storage = create_rich (path, &doc);
  guint n_texts = bud_document_count (doc, BUD_KIND_TEXT);
  guint n_lines = bud_document_count (doc, BUD_KIND_LINE);
  BudLine *line2 = bud_document_lookup (doc, BUD_KIND_LINE, 2);
  gint64 amount2 = line2->amount;
  g_autofree char *positions = NULL;

  /* another program slipped rows in and out behind our back */
  raw_exec (path, "INSERT INTO texts (id, position, key, value) VALUES (50, 0, 'dup', 'x');"
                  "DELETE FROM lines WHERE id = 2;");

  g_assert_false (bud_document_put_text (doc, "dup", "mine", &error));
  g_assert_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_INVALID_CONTENT);
  g_assert_nonnull (strstr (error->message, "f.budget"));
  g_clear_error (&error);
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_TEXT), ==, n_texts);
  g_assert_null (bud_document_get_text (doc, "dup"));

  g_assert_false (bud_document_set_int (doc, BUD_KIND_LINE, 2, "amount", 1, &error));
  g_assert_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_true (bud_document_lookup (doc, BUD_KIND_LINE, 2) == line2);
  g_assert_cmpint (line2->amount, ==, amount2);

  /* a failing row inside a group undoes the whole group, in memory and on disk */
  positions = raw_positions (path, "lines");
  g_assert_true (bud_document_begin (doc, &error));
  g_assert_true (bud_document_set_int (doc, BUD_KIND_LINE, 1, "amount", 77, &error));
  g_assert_true (bud_document_move (doc, BUD_KIND_LINE, 4, 0, &error));
  g_assert_false (bud_document_remove (doc, BUD_KIND_LINE, 2, &error));
  g_assert_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_CORRUPT);
  g_clear_error (&error);
  bud_document_rollback (doc);   /* already undone: the document aborted the group */
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_LINE), ==, n_lines);
  g_assert_cmpint (((BudLine *) bud_document_lookup (doc, BUD_KIND_LINE, 1))->amount, ==, 123456789);
  g_assert_cmpint (bud_document_position (doc, BUD_KIND_LINE, 4), ==, 3);
  g_assert_cmpint (raw_int (path, "SELECT amount FROM lines WHERE id = 1"), ==, 123456789);
  {
    g_autofree char *now = raw_positions (path, "lines");
    g_assert_cmpstr (now, ==, positions);
  }

  /* later edits still go through */
  g_assert_true (bud_document_set_int (doc, BUD_KIND_LINE, 1, "amount", 5, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (path, "SELECT amount FROM lines WHERE id = 1"), ==, 5);
  bud_storage_close (storage);
}

/* ---- refusing files ---- */

static void
test_open_text_file (Fixture       *fx,
                     gconstpointer  data)
{
  g_autofree char *path = path_in (fx, "notes.budget");

  g_assert_true (g_file_set_contents (path, "部门预算 — just some text, long enough to fill a "
                                      "whole SQLite header of one hundred bytes and then some more.\n",
                                      -1, NULL));
  expect_refused (path, BUD_STORAGE_ERROR_NOT_BUDGET, "notes.budget", "not an SQLite", NULL);
  g_assert_true (g_file_set_contents (path, "SQLite", -1, NULL));
  expect_refused (path, BUD_STORAGE_ERROR_NOT_BUDGET, "notes.budget", NULL);
}

static void
test_open_empty (Fixture       *fx,
                 gconstpointer  data)
{
  g_autofree char *path = path_in (fx, "empty.budget");
  g_autofree char *missing = path_in (fx, "missing.budget");

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  expect_refused (path, BUD_STORAGE_ERROR_NOT_BUDGET, "empty.budget", "empty", NULL);
  expect_refused (missing, BUD_STORAGE_ERROR_IO, "missing.budget", NULL);
}

static void
test_open_truncated (Fixture       *fx,
                     gconstpointer  data)
{
  g_autofree char *path = path_in (fx, "cut.budget");
  g_autofree char *contents = NULL;
  gsize len;

  write_rich_file (path);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 3 * 4096);
  g_assert_true (g_file_set_contents (path, contents, 3 * 4096, NULL));
  expect_refused (path, BUD_STORAGE_ERROR_CORRUPT, "cut.budget", NULL);
}

static void
test_open_corrupted (Fixture       *fx,
                     gconstpointer  data)
{
  g_autofree char *path = path_in (fx, "bad.budget");
  g_autofree char *contents = NULL;
  gsize len;

  write_rich_file (path);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  /* scramble the b-tree page headers of every page but the first */
  for (gsize page = 4096; page + 16 <= len; page += 4096)
    for (gsize i = 0; i < 16; i++)
      contents[page + i] ^= 0x5a;
  g_assert_true (g_file_set_contents (path, contents, (gssize) len, NULL));
  expect_refused (path, BUD_STORAGE_ERROR_CORRUPT, "bad.budget", NULL);
}

static void
test_open_other_app (Fixture       *fx,
                     gconstpointer  data)
{
  g_autofree char *path = path_in (fx, "other.budget");
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE lines (id INTEGER PRIMARY KEY, x TEXT);"
                                     "INSERT INTO lines VALUES (1, 'a')", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  expect_refused (path, BUD_STORAGE_ERROR_NOT_BUDGET, "other.budget", "another application", NULL);

  raw_exec (path, "PRAGMA application_id = 1179011410");   /* 'FFLR': somebody else's */
  expect_refused (path, BUD_STORAGE_ERROR_NOT_BUDGET, "another application", NULL);
}

static void
test_open_newer_version (Fixture       *fx,
                         gconstpointer  data)
{
  g_autofree char *path = path_in (fx, "future.budget");
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", BUD_STORAGE_FORMAT_VERSION + 1);

  write_rich_file (path);
  raw_exec (path, sql);
  expect_refused (path, BUD_STORAGE_ERROR_NEWER_VERSION, "future.budget",
                  "made by a newer version of Department Budget", NULL);
}

/* Format 0 is the empty database the migration ladder starts from (a new file
 * is written by running the ladder from 0); a file still at 0 is incomplete. */
static void
test_open_version_zero (Fixture       *fx,
                        gconstpointer  data)
{
  g_autofree char *path = path_in (fx, "zero.budget");

  write_rich_file (path);
  raw_exec (path, "PRAGMA user_version = 0");
  expect_refused (path, BUD_STORAGE_ERROR_CORRUPT, "zero.budget", "incomplete", NULL);
}

static void
test_open_extra_objects (Fixture       *fx,
                         gconstpointer  data)
{
  g_autofree char *path = path_in (fx, "trig.budget");

  write_rich_file (path);
  raw_exec (path, "CREATE TRIGGER sneaky AFTER UPDATE ON lines BEGIN DELETE FROM units; END");
  expect_refused (path, BUD_STORAGE_ERROR_CORRUPT, "trig.budget", "trigger", "sneaky", NULL);

  rewrite_rich_file (path);
  raw_exec (path, "CREATE VIEW peek AS SELECT * FROM lines");
  expect_refused (path, BUD_STORAGE_ERROR_CORRUPT, "view", "peek", NULL);

  rewrite_rich_file (path);
  raw_exec (path, "CREATE TABLE extra (x)");
  expect_refused (path, BUD_STORAGE_ERROR_CORRUPT, "table", "extra", NULL);

  rewrite_rich_file (path);
  raw_exec (path, "CREATE INDEX lines_amount ON lines (amount)");
  expect_refused (path, BUD_STORAGE_ERROR_CORRUPT, "index", "lines_amount", NULL);
}

static void
test_open_wrong_schema (Fixture       *fx,
                        gconstpointer  data)
{
  g_autofree char *path = path_in (fx, "schema.budget");

  write_rich_file (path);
  raw_exec (path, "ALTER TABLE lines ADD COLUMN bonus INTEGER");
  expect_refused (path, BUD_STORAGE_ERROR_CORRUPT, "lines", "bonus", NULL);

  rewrite_rich_file (path);
  raw_exec (path, "ALTER TABLE comments DROP COLUMN resolved");
  expect_refused (path, BUD_STORAGE_ERROR_CORRUPT, "comments", "resolved", "missing", NULL);

  rewrite_rich_file (path);
  raw_exec (path, "DROP TABLE snapshots");
  expect_refused (path, BUD_STORAGE_ERROR_CORRUPT, "snapshots", "missing", NULL);

  /* same columns, but a loose (non-STRICT) table */
  rewrite_rich_file (path);
  raw_exec (path, "DROP TABLE snapshots;"
                  "CREATE TABLE snapshots (id INTEGER PRIMARY KEY, position INTEGER NOT NULL, "
                  "name TEXT NOT NULL, created TEXT NOT NULL, content TEXT NOT NULL)");
  expect_refused (path, BUD_STORAGE_ERROR_CORRUPT, "snapshots", "STRICT", NULL);
}

static void
test_open_bad_values (Fixture       *fx,
                      gconstpointer  data)
{
  static const struct {
    const char *sql;
    const char *parts[4];
  } cases[] = {
    { "UPDATE lines SET kind = 'bogus' WHERE id = 2", { "lines", "row 2", "kind", "bogus" } },
    { "UPDATE lines SET func = '12a' WHERE id = 3", { "lines", "row 3", "func", "12a" } },
    { "UPDATE lines SET project = 999 WHERE id = 1", { "lines", "row 1", "project", "999" } },
    { "UPDATE lines SET unit = 0 WHERE id = 4", { "lines", "row 4", "unit", NULL } },
    { "UPDATE allocations SET amount = 1000000000000001 WHERE id = 2", { "allocations", "row 2", "amount", NULL } },
    { "UPDATE units SET primary_unit = 2 WHERE id = 1", { "units", "row 1", "primary_unit", NULL } },
    { "UPDATE units SET name = '' WHERE id = 3", { "units", "row 3", "name", NULL } },
    { "UPDATE units SET name = 'a' || char(10) || 'b' WHERE id = 3", { "units", "row 3", "name", NULL } },
    { "UPDATE units SET name = CAST(x'61ff62' AS TEXT) WHERE id = 2", { "units", "row 2", "name", NULL } },
    { "UPDATE document SET date = '2026-02-30'", { "document", "row 1", "date", "2026-02-30" } },
    { "UPDATE profile SET staff_active = -1", { "profile", "row 1", "staff_active", NULL } },
    { "UPDATE targets SET project = NULL WHERE id = 2", { "targets", "row 2", "already used", NULL } },
    { "UPDATE indicators SET target = 77 WHERE id = 1", { "indicators", "row 1", "target", "77" } },
    { "DELETE FROM assets", { "assets", "no row", NULL, NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("bad-%u.budget", i);
      g_autofree char *path = path_in (fx, name);
      g_autofree char *sql = g_strconcat ("PRAGMA ignore_check_constraints = ON;", cases[i].sql, NULL);

      write_rich_file (path);
      raw_exec (path, sql);
      expect_refused (path, BUD_STORAGE_ERROR_INVALID_CONTENT, name,
                      cases[i].parts[0], cases[i].parts[1], cases[i].parts[2], cases[i].parts[3], NULL);
    }
}

/* ---- locking ---- */

static void
test_lock_in_use (Fixture       *fx,
                  gconstpointer  data)
{
  g_autofree char *path = path_in (fx, "shared.budget");
  g_autoptr(BudDocument) doc = NULL;
  g_autoptr(BudDocument) ro = NULL;
  g_autoptr(BudDocument) rw = NULL;
  g_autoptr(GError) error = NULL;
  BudStorage *storage = create_rich (path, &doc);
  BudStorage *second = NULL;

  /* a second editor is told, specifically */
  g_assert_null (bud_storage_open (path, BUD_STORAGE_OPEN_DEFAULT, &second, &error));
  g_assert_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "shared.budget"));
  g_assert_null (second);
  g_clear_error (&error);

  /* nor may anyone replace the file under the editor */
  g_assert_false (bud_storage_save_copy (doc, path, &error));
  g_assert_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_IN_USE);
  g_clear_error (&error);
  g_assert_null (bud_storage_create (path, doc, TRUE, &error));
  g_assert_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_IN_USE);
  g_clear_error (&error);

  /* read-only still works, and the editor goes on editing */
  ro = bud_storage_open (path, BUD_STORAGE_OPEN_READ_ONLY, &second, &error);
  g_assert_no_error (error);
  g_assert_true (bud_document_get_read_only (ro));
  g_assert_true (bud_storage_get_read_only (second));
  assert_equal_docs (doc, ro);
  g_assert_true (bud_document_set_int (doc, BUD_KIND_LINE, 1, "amount", 3, &error));
  g_assert_no_error (error);
  g_assert_false (bud_document_set_int (ro, BUD_KIND_LINE, 1, "amount", 4, &error));
  g_assert_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  bud_storage_close (second);

  /* closing releases it */
  bud_storage_close (storage);
  rw = bud_storage_open (path, BUD_STORAGE_OPEN_DEFAULT, &storage, &error);
  g_assert_no_error (error);
  assert_equal_docs (doc, rw);
  bud_storage_close (storage);
}

/* ---- create and save a copy ---- */

static void
test_create_exists (Fixture       *fx,
                    gconstpointer  data)
{
  g_autofree char *path = path_in (fx, "taken.budget");
  g_autoptr(BudDocument) doc = rich_document ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  BudStorage *storage;

  g_assert_true (g_file_set_contents (path, "keep me", -1, NULL));
  g_assert_null (bud_storage_create (path, doc, FALSE, &error));
  g_assert_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "taken.budget"));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");

  storage = bud_storage_create (path, doc, TRUE, &error);
  g_assert_no_error (error);
  bud_storage_close (storage);
  assert_file_holds (path, doc);
  listing = list_dir (fx->dir);
  g_assert_cmpstr (listing, ==, "taken.budget");
}

static void
test_save_copy (Fixture       *fx,
                gconstpointer  data)
{
  g_autofree char *path = path_in (fx, "main.budget");
  g_autofree char *copy = path_in (fx, "copy.budget");
  g_autoptr(BudDocument) doc = NULL;
  g_autoptr(BudDocument) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  BudStorage *storage = create_rich (path, &doc);

  g_assert_true (bud_document_set_int (doc, BUD_KIND_LINE, 1, "amount", 11, &error));
  g_assert_true (bud_storage_save_copy (doc, copy, &error));
  g_assert_no_error (error);
  assert_file_holds (copy, doc);

  /* the copy is not attached: later edits go to the original only */
  snapshot = bud_storage_open (copy, BUD_STORAGE_OPEN_READ_ONLY, NULL, &error);
  g_assert_true (bud_document_set_int (doc, BUD_KIND_LINE, 1, "amount", 12, &error));
  g_assert_no_error (error);
  assert_file_holds (copy, snapshot);
  assert_file_holds (path, doc);

  /* and a copy may replace an older copy */
  g_assert_true (bud_storage_save_copy (doc, copy, &error));
  g_assert_no_error (error);
  assert_file_holds (copy, doc);
  bud_storage_close (storage);
}

static void
test_save_as (Fixture       *fx,
              gconstpointer  data)
{
  g_autofree char *first = path_in (fx, "first.budget");
  g_autofree char *second = path_in (fx, "second.budget");
  g_autoptr(BudDocument) doc = NULL;
  g_autoptr(BudDocument) old = NULL;
  g_autoptr(GError) error = NULL;
  BudStorage *a = create_rich (first, &doc);
  BudStorage *b;

  old = bud_storage_open (first, BUD_STORAGE_OPEN_READ_ONLY, NULL, &error);
  b = bud_storage_create (second, doc, FALSE, &error);
  g_assert_no_error (error);
  bud_storage_close (a);   /* must not detach @b */
  g_assert_true (bud_document_set_int (doc, BUD_KIND_LINE, 1, "amount", 31, &error));
  g_assert_no_error (error);
  assert_file_holds (second, doc);
  assert_file_holds (first, old);
  bud_storage_close (b);
  assert_file_holds (second, doc);
}

static void
test_save_copy_failure (Fixture       *fx,
                        gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fx->dir, "no-such-folder", "x.budget", NULL);
  g_autofree char *folder = path_in (fx, "folder.budget");
  g_autofree char *listing = NULL;
  g_autoptr(BudDocument) doc = rich_document ();
  g_autoptr(GError) error = NULL;

  g_assert_false (bud_storage_save_copy (doc, missing, &error));
  g_assert_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_clear_error (&error);

  /* fails only at the final rename, after the whole file was written */
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_false (bud_storage_save_copy (doc, folder, &error));
  g_assert_error (error, BUD_STORAGE_ERROR, BUD_STORAGE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "folder.budget"));
  g_clear_error (&error);
  g_assert_false (bud_storage_save_copy (doc, folder, &error));   /* via overwrite checks too */
  g_clear_error (&error);
  g_assert_null (bud_storage_create (folder, doc, TRUE, &error));
  g_assert_nonnull (error);

  listing = list_dir (fx->dir);
  g_assert_cmpstr (listing, ==, "folder.budget");
}

/* ---- performance (-m perf): numbers for the report, no timed assertions ---- */

static BudDocument *
large_document (void)
{
  BudDocument *doc = bud_document_new ();
  static const char * const funcs[] = { "2010101", "2010102", "2050201", "2080501", "2130101" };
  static const char * const econs[] = { "30101", "30102", "30201", "30211", "31002" };

  for (guint u = 0; u < 40; u++)
    {
      g_autofree char *name = g_strdup_printf ("单位 %u", u + 1);
      ins (doc, BUD_KIND_UNIT, "name", name, "type", u ? "institution" : "admin", NULL);
    }
  for (guint p = 0; p < 800; p++)
    {
      g_autofree char *name = g_strdup_printf ("项目 %u", p + 1);
      g_autofree char *unit = g_strdup_printf ("%u", p % 40 + 1);
      g_autofree char *project = g_strdup_printf ("%u", p + 1);
      gint64 target;

      ins (doc, BUD_KIND_PROJECT, "name", name, "unit", unit, NULL);
      target = ins (doc, BUD_KIND_TARGET, "project", project, "goal", "目标", NULL);
      for (guint i = 0; i < 10; i++)
        {
          g_autofree char *t = g_strdup_printf ("%" G_GINT64_FORMAT, target);
          ins (doc, BUD_KIND_INDICATOR, "target", t, "level1", "产出指标", "level2", "数量指标",
               "name", "指标", "op", "ge", "value", "100", NULL);
        }
    }
  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *unit = g_strdup_printf ("%u", i % 40 + 1);
      g_autofree char *project = g_strdup_printf ("%u", i % 2 ? i % 800 + 1 : 0);
      g_autofree char *amount = g_strdup_printf ("%u", (i * 7919u) % 100000000u);

      ins (doc, BUD_KIND_LINE, "unit", unit, "func", funcs[i % 5], "econ", econs[i % 5],
           "kind", i % 2 ? "project" : "basic", "project", project, "amount", amount, NULL);
    }
  return doc;
}

static int
cmp_double (gconstpointer a,
            gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static void
test_perf_large (Fixture       *fx,
                 gconstpointer  data)
{
  g_autofree char *path = path_in (fx, "large.budget");
  g_autoptr(BudDocument) doc = large_document ();
  g_autoptr(BudDocument) opened = NULL;
  g_autoptr(GError) error = NULL;
  BudStorage *storage;
  double times[101];
  GStatBuf st;

  g_test_timer_start ();
  storage = bud_storage_create (path, doc, FALSE, &error);
  g_test_message ("create, 20,000 lines: %.1f ms", g_test_timer_elapsed () * 1000);
  g_assert_no_error (error);
  bud_storage_close (storage);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_test_message ("file size: %.1f MiB", st.st_size / 1048576.0);

  g_test_timer_start ();
  opened = bud_storage_open (path, BUD_STORAGE_OPEN_DEFAULT, &storage, &error);
  g_test_message ("open (verify + load), 20,000 lines: %.1f ms", g_test_timer_elapsed () * 1000);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_test_timer_start ();
      g_assert_true (bud_document_set_int (opened, BUD_KIND_LINE, 10000, "amount", i + 1, &error));
      times[i] = g_test_timer_elapsed () * 1000;
    }
  qsort (times, G_N_ELEMENTS (times), sizeof times[0], cmp_double);
  g_test_message ("set_int committed: median %.3f ms, max %.3f ms", times[50], times[100]);

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_test_timer_start ();
      g_assert_true (bud_document_move (opened, BUD_KIND_LINE, 10000 + i, 5000 + i, &error));
      times[i] = g_test_timer_elapsed () * 1000;
    }
  qsort (times, G_N_ELEMENTS (times), sizeof times[0], cmp_double);
  g_test_message ("move committed: median %.3f ms, max %.3f ms", times[50], times[100]);
  bud_storage_close (storage);

  g_test_timer_start ();
  g_clear_object (&opened);
  opened = bud_storage_open (path, BUD_STORAGE_OPEN_READ_ONLY, NULL, &error);
  g_test_message ("open read-only, 20,000 lines: %.1f ms", g_test_timer_elapsed () * 1000);
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/storage/roundtrip/rich", test_roundtrip_rich);
  ADD ("/storage/roundtrip/new", test_roundtrip_new);
  ADD ("/storage/schema/constraints", test_schema_constraints);
  ADD ("/storage/edit/insert", test_edit_insert);
  ADD ("/storage/edit/set", test_edit_set);
  ADD ("/storage/edit/remove-cascade", test_edit_remove_cascade);
  ADD ("/storage/edit/move", test_edit_move);
  ADD ("/storage/edit/move-ties", test_edit_move_ties);
  ADD ("/storage/edit/transaction", test_edit_transaction);
  ADD ("/storage/edit/refused", test_edit_refused);
  ADD ("/storage/open/text-file", test_open_text_file);
  ADD ("/storage/open/empty", test_open_empty);
  ADD ("/storage/open/truncated", test_open_truncated);
  ADD ("/storage/open/corrupted", test_open_corrupted);
  ADD ("/storage/open/other-app", test_open_other_app);
  ADD ("/storage/open/newer-version", test_open_newer_version);
  ADD ("/storage/open/version-zero", test_open_version_zero);
  ADD ("/storage/open/extra-objects", test_open_extra_objects);
  ADD ("/storage/open/wrong-schema", test_open_wrong_schema);
  ADD ("/storage/open/bad-values", test_open_bad_values);
  ADD ("/storage/lock/in-use", test_lock_in_use);
  ADD ("/storage/create/exists", test_create_exists);
  ADD ("/storage/save-copy/attached-elsewhere", test_save_copy);
  ADD ("/storage/create/save-as", test_save_as);
  ADD ("/storage/save-copy/failure-leaves-nothing", test_save_copy_failure);
  if (g_test_perf ())
    ADD ("/storage/perf/large", test_perf_large);
#undef ADD

  return g_test_run ();
}
