/* test-jsonio.c — the JSON exchange format: round trip, canonical form, refusals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "bud-document.h"
#include "bud-jsonio.h"
#include "bud-money.h"
#include "bud-test-doc.h"

/* Every kind of character a text may hold: control characters, quotes,
 * backslashes, characters JavaScript treats as line ends, CJK, emoji,
 * a combining accent and the highest code point. */
#define WILD_TEXT "控制\x01\x02\x1f 制表\t 回车\r 换行\n 引号\" 反斜杠\\ 斜杠/ DEL\x7f " \
                  "\xe2\x80\xa8\xe2\x80\xa9 e\xcc\x81 😀 \xf4\x8f\xbf\xbf 末"
#define WILD_LINE "单位\t“甲” \"乙\" \\ \x01 😀"

static void
set_int (BudDocument *doc,
         BudKind      kind,
         const char  *field,
         gint64       value)
{
  g_autoptr(GError) error = NULL;

  bud_document_set_int (doc, kind, 1, field, value, &error);
  g_assert_no_error (error);
}

static void
set_text (BudDocument *doc,
          BudKind      kind,
          const char  *field,
          const char  *value)
{
  g_autoptr(GError) error = NULL;

  bud_document_set_text (doc, kind, 1, field, value, &error);
  g_assert_no_error (error);
}

#define NEW(T, K) ((T *) bud_entity_new (K))
#define SET_STR(e, f, v) (g_free ((e)->f), (e)->f = g_strdup (v))

/* A document with every kind, every field set to something other than its
 * default somewhere, and texts full of characters that need escaping. */
static BudDocument *
new_rich_document (void)
{
  BudDocument *doc = bud_document_new ();
  BudUnit *u1, *u2;
  BudProject *p1, *p2;
  BudAllocation *al;
  BudCarryover *co;
  BudIncome *in;
  BudLine *ln;
  BudComparative *cmp;
  BudTarget *t1, *t2;
  BudIndicator *ind;
  BudCustomCode *cc;
  BudComment *cm;
  BudSnapshot *sn;
  BudStatusChange *sc;
  g_autofree char *content = NULL;

  set_text (doc, BUD_KIND_META, "department", "昌吉市某某局（本级）");
  set_text (doc, BUD_KIND_META, "department_code", "301001");
  set_int (doc, BUD_KIND_META, "year", 2026);
  set_text (doc, BUD_KIND_META, "template_id", "xinjiang-2026");
  set_text (doc, BUD_KIND_META, "date", "2026-02-28");
  set_int (doc, BUD_KIND_META, "status", BUD_STATUS_APPROVED);

  set_text (doc, BUD_KIND_PROFILE, "functions", WILD_TEXT);
  set_text (doc, BUD_KIND_PROFILE, "structure", "内设机构 5 个\n下属单位 1 个");
  set_text (doc, BUD_KIND_PROFILE, "contact", "张三");
  set_text (doc, BUD_KIND_PROFILE, "phone", "0994-1234567");
  set_int (doc, BUD_KIND_PROFILE, "staff_authorized", 40);
  set_int (doc, BUD_KIND_PROFILE, "staff_active", 38);
  set_int (doc, BUD_KIND_PROFILE, "staff_retired", 12);
  set_int (doc, BUD_KIND_PROFILE, "staff_veteran", 1);
  set_int (doc, BUD_KIND_PROFILE, "staff_authorized_last", 41);
  set_int (doc, BUD_KIND_PROFILE, "staff_active_last", 37);
  set_int (doc, BUD_KIND_PROFILE, "staff_retired_last", 11);
  set_int (doc, BUD_KIND_PROFILE, "staff_veteran_last", 2);

  set_int (doc, BUD_KIND_PROCUREMENT, "total", 152712000);
  set_int (doc, BUD_KIND_PROCUREMENT, "goods", 100000000);
  set_int (doc, BUD_KIND_PROCUREMENT, "works", 50000000);
  set_int (doc, BUD_KIND_PROCUREMENT, "services", 2712000);
  set_int (doc, BUD_KIND_PROCUREMENT, "reserved_sme", 1);
  set_int (doc, BUD_KIND_PROCUREMENT, "reserved_micro", -5);

  set_text (doc, BUD_KIND_ASSETS, "as_of", "2025-12-31");
  set_int (doc, BUD_KIND_ASSETS, "building_area", 123456);
  set_int (doc, BUD_KIND_ASSETS, "building_value", BUD_MONEY_MAX);
  set_int (doc, BUD_KIND_ASSETS, "vehicles_general", 3);
  set_int (doc, BUD_KIND_ASSETS, "vehicles_general_value", 45000000);
  set_int (doc, BUD_KIND_ASSETS, "vehicles_enforcement", 2);
  set_int (doc, BUD_KIND_ASSETS, "vehicles_enforcement_value", -BUD_MONEY_MAX);
  set_int (doc, BUD_KIND_ASSETS, "vehicles_other", 1);
  set_int (doc, BUD_KIND_ASSETS, "vehicles_other_value", 99);
  set_int (doc, BUD_KIND_ASSETS, "furniture_value", 100);
  set_int (doc, BUD_KIND_ASSETS, "other_value", 101);
  set_int (doc, BUD_KIND_ASSETS, "equipment_50", 4);
  set_int (doc, BUD_KIND_ASSETS, "equipment_100", 5);
  set_int (doc, BUD_KIND_ASSETS, "planned_vehicles", 6);
  set_int (doc, BUD_KIND_ASSETS, "planned_vehicles_value", 7);
  set_int (doc, BUD_KIND_ASSETS, "planned_equipment_50", 8);
  set_int (doc, BUD_KIND_ASSETS, "planned_equipment_100", 9);

  u1 = NEW (BudUnit, BUD_KIND_UNIT);
  SET_STR (u1, name, WILD_LINE);
  SET_STR (u1, code, "301001");
  u1->type = BUD_UNIT_ADMIN;
  u1->primary_unit = TRUE;
  u1 = bud_test_insert (doc, BUD_KIND_UNIT, u1);
  u2 = NEW (BudUnit, BUD_KIND_UNIT);
  u2->id = 7;                   /* ids from a file keep their gaps */
  SET_STR (u2, name, "下属事业单位");
  u2->type = BUD_UNIT_INSTITUTION;
  u2 = bud_test_insert (doc, BUD_KIND_UNIT, u2);

  p1 = NEW (BudProject, BUD_KIND_PROJECT);
  SET_STR (p1, code, "65230126P001");
  SET_STR (p1, name, "城市管理专项");
  p1->unit = u1->id;
  SET_STR (p1, policy_basis, WILD_TEXT);
  SET_STR (p1, execution, "2026年1月-12月");
  SET_STR (p1, owner, "李四");
  p1 = bud_test_insert (doc, BUD_KIND_PROJECT, p1);
  p2 = NEW (BudProject, BUD_KIND_PROJECT);
  SET_STR (p2, name, "第二个项目");
  p2->unit = u2->id;
  p2 = bud_test_insert (doc, BUD_KIND_PROJECT, p2);

  al = NEW (BudAllocation, BUD_KIND_ALLOCATION);
  al->project = p1->id;
  SET_STR (al, purpose, "设备购置");
  al->amount = 12345;
  bud_test_insert (doc, BUD_KIND_ALLOCATION, al);

  co = NEW (BudCarryover, BUD_KIND_CARRYOVER);
  SET_STR (co, name, "昌市财预〔2025〕12号");
  co->source = BUD_SOURCE_CARRY_UNIT;
  co->kind = BUD_SPEND_PROJECT;
  co->amount = 500000;
  co = bud_test_insert (doc, BUD_KIND_CARRYOVER, co);

  in = NEW (BudIncome, BUD_KIND_INCOME);
  in->source = BUD_SOURCE_GENERAL;
  in->amount = 152712000;
  bud_test_insert (doc, BUD_KIND_INCOME, in);
  in = NEW (BudIncome, BUD_KIND_INCOME);
  in->source = BUD_SOURCE_UNIT_BUSINESS;
  in->amount = 5;
  bud_test_insert (doc, BUD_KIND_INCOME, in);

  ln = NEW (BudLine, BUD_KIND_LINE);
  ln->unit = u1->id;
  SET_STR (ln, func, "2010350");
  SET_STR (ln, econ, "30101");
  ln->kind = BUD_SPEND_BASIC;
  ln->source = BUD_SOURCE_GENERAL;
  ln->amount = 152712000;
  bud_test_insert (doc, BUD_KIND_LINE, ln);
  ln = NEW (BudLine, BUD_KIND_LINE);
  ln->unit = u2->id;
  SET_STR (ln, func, "2130199");
  SET_STR (ln, econ, "31002");
  ln->kind = BUD_SPEND_PROJECT;
  ln->project = p1->id;
  ln->source = BUD_SOURCE_CARRY_UNIT;
  ln->carryover = co->id;
  ln->amount = -5;
  SET_STR (ln, note, WILD_TEXT);
  bud_test_insert (doc, BUD_KIND_LINE, ln);

  cmp = NEW (BudComparative, BUD_KIND_COMPARATIVE);
  SET_STR (cmp, measure, "general.func.2010350");
  cmp->last_year = 150000000;
  SET_STR (cmp, reason, "人员增加");
  bud_test_insert (doc, BUD_KIND_COMPARATIVE, cmp);

  t1 = NEW (BudTarget, BUD_KIND_TARGET);
  SET_STR (t1, goal, "部门整体目标");
  t1 = bud_test_insert (doc, BUD_KIND_TARGET, t1);
  t2 = NEW (BudTarget, BUD_KIND_TARGET);
  t2->project = p1->id;
  SET_STR (t2, goal, WILD_TEXT);
  t2->fiscal_upper = 1;
  t2->fiscal_local = 2;
  t2->other = 3;
  t2 = bud_test_insert (doc, BUD_KIND_TARGET, t2);

  ind = NEW (BudIndicator, BUD_KIND_INDICATOR);
  ind->target = t2->id;
  SET_STR (ind, level1, "产出指标");
  SET_STR (ind, level2, "数量指标");
  SET_STR (ind, name, "设备数量");
  ind->op = BUD_OP_GE;
  SET_STR (ind, value, "18.50");
  SET_STR (ind, unit, "台");
  SET_STR (ind, basis, "计划");
  SET_STR (ind, last_value, "17");
  ind->weight = 4000;
  SET_STR (ind, scoring, "完成得满分");
  SET_STR (ind, evidence, "验收单");
  bud_test_insert (doc, BUD_KIND_INDICATOR, ind);
  ind = NEW (BudIndicator, BUD_KIND_INDICATOR);
  ind->target = t1->id;
  SET_STR (ind, level1, "满意度指标");
  SET_STR (ind, level2, "服务对象满意度指标");
  SET_STR (ind, name, "群众满意度");
  ind->op = BUD_OP_QUAL;
  SET_STR (ind, value, "有效保障");
  ind->weight = 5;
  bud_test_insert (doc, BUD_KIND_INDICATOR, ind);

  g_assert_true (bud_document_put_text (doc, "glossary", WILD_TEXT, NULL));
  g_assert_true (bud_document_put_text (doc, "purpose.201", "保障机关正常运转", NULL));
  g_assert_true (bud_document_put_text (doc, "narrative.section5", "", NULL));

  cc = NEW (BudCustomCode, BUD_KIND_CUSTOM_CODE);
  cc->scheme = BUD_SCHEME_ECONOMIC;
  SET_STR (cc, code, "30299");
  SET_STR (cc, name, "其他商品和服务支出");
  bud_test_insert (doc, BUD_KIND_CUSTOM_CODE, cc);

  cm = NEW (BudComment, BUD_KIND_COMMENT);
  SET_STR (cm, object, "lines/1");
  SET_STR (cm, field, "amount");
  SET_STR (cm, author, "审核人");
  SET_STR (cm, created, "2026-03-01T10:30:00+08:00");
  SET_STR (cm, body, WILD_TEXT);
  cm->resolved = TRUE;
  bud_test_insert (doc, BUD_KIND_COMMENT, cm);

  /* a snapshot holds a whole document as JSON: quotes and backslashes galore */
  content = bud_json_write_data_full (doc, BUD_JSON_WRITE_SKIP_SNAPSHOTS, NULL);
  sn = NEW (BudSnapshot, BUD_KIND_SNAPSHOT);
  SET_STR (sn, name, "送审稿");
  SET_STR (sn, created, "2026-03-02T09:00:00Z");
  SET_STR (sn, content, content);
  sn = bud_test_insert (doc, BUD_KIND_SNAPSHOT, sn);

  sc = NEW (BudStatusChange, BUD_KIND_STATUS_CHANGE);
  sc->from = BUD_STATUS_SUBMITTED;
  sc->to = BUD_STATUS_APPROVED;
  SET_STR (sc, author, "审核人");
  SET_STR (sc, time, "2026-03-02T09:00:00Z");
  SET_STR (sc, note, WILD_TEXT);
  sc->snapshot = sn->id;
  bud_test_insert (doc, BUD_KIND_STATUS_CHANGE, sc);

  return doc;
}

/* Guards the round trip against a field added to the schema but not to the
 * rich document: every field must differ from its default somewhere. */
static void
test_rich_covers_every_field (void)
{
  g_autoptr(BudDocument) doc = new_rich_document ();

  for (guint k = 0; k < BUD_N_KINDS; k++)
    {
      const BudEntityClass *klass = bud_entity_class (k);
      GPtrArray *items = bud_document_items (doc, k);

      g_assert_cmpuint (items->len, >, 0);
      for (guint fi = 0; fi < klass->n_fields; fi++)
        {
          const BudField *f = &klass->fields[fi];
          gboolean set = FALSE;

          for (guint i = 0; i < items->len && !set; i++)
            {
              gconstpointer e = g_ptr_array_index (items, i);
              set = f->type == BUD_FIELD_TEXT ? bud_field_get_text (e, f)[0] != '\0'
                                              : bud_field_get_int (e, f) != 0;
            }
          if (!set)
            g_test_message ("%s.%s is never set", klass->name, f->name);
          g_assert_true (set);
        }
    }
}

static void
assert_equal_documents (BudDocument *a,
                        BudDocument *b)
{
  g_autofree char *difference = NULL;

  if (!bud_document_equal (a, b, &difference))
    g_test_message ("first difference: %s", difference);
  g_assert_null (difference);
}

static BudDocument *
read_ok (const char *data,
         gssize      length)
{
  g_autoptr(GError) error = NULL;
  BudDocument *doc = bud_json_read_data (data, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static void
test_round_trip (void)
{
  g_autoptr(BudDocument) doc = new_rich_document ();
  g_autoptr(BudDocument) back = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_len, second_len;

  first = bud_json_write_data (doc, &first_len);
  g_assert_cmpuint (first_len, ==, strlen (first));
  back = read_ok (first, (gssize) first_len);
  assert_equal_documents (doc, back);

  second = bud_json_write_data (back, &second_len);
  g_assert_cmpuint (second_len, ==, first_len);
  g_assert_cmpmem (first, first_len, second, second_len);

  /* texts come back character for character */
  g_assert_cmpstr (bud_document_profile (back)->functions, ==, WILD_TEXT);
  g_assert_cmpstr (((BudUnit *) bud_document_lookup (back, BUD_KIND_UNIT, 1))->name, ==, WILD_LINE);
  g_assert_nonnull (bud_document_lookup (back, BUD_KIND_UNIT, 7));
}

static void
test_round_trip_empty (void)
{
  g_autoptr(BudDocument) doc = bud_document_new ();
  g_autoptr(BudDocument) back = NULL;
  g_autofree char *first = bud_json_write_data (doc, NULL);
  g_autofree char *second = NULL;

  back = read_ok (first, -1);
  assert_equal_documents (doc, back);
  second = bud_json_write_data (back, NULL);
  g_assert_cmpstr (first, ==, second);
}

/* The output is read by an independent parser (json-glib) and compared with
 * the contract in the spec, not with a stored copy of our own output. */
static void
test_canonical_form (void)
{
  g_autoptr(BudDocument) doc = new_rich_document ();
  g_autofree char *text = bud_json_write_data (doc, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = json_from_string (text, &error);
  g_autoptr(GList) top = NULL;
  JsonObject *o;
  GList *l;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "{\n  \"format\": "));
  g_assert_true (g_str_has_suffix (text, "\n}\n"));
  g_assert_null (strstr (text, "\n\t"));

  o = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (o, "format"), ==, "deptbudget");
  g_assert_cmpint (json_object_get_int_member (o, "version"), ==, 1);

  top = json_object_get_members (o);
  l = top;
  g_assert_cmpstr (l->data, ==, "format");
  l = l->next;
  g_assert_cmpstr (l->data, ==, "version");
  for (guint k = 0; k < BUD_N_KINDS; k++)
    {
      const BudEntityClass *klass = bud_entity_class (k);
      JsonNode *member;
      GPtrArray *items = bud_document_items (doc, k);

      l = l->next;
      g_assert_nonnull (l);
      g_assert_cmpstr (l->data, ==, klass->name);
      member = json_object_get_member (o, klass->name);

      for (guint i = 0; i < items->len; i++)
        {
          JsonObject *eo = klass->singleton ? json_node_get_object (member)
                                            : json_array_get_object_element (json_node_get_array (member), i);
          g_autoptr(GList) keys = json_object_get_members (eo);
          GList *kl = keys;

          g_assert_true (klass->singleton ? json_node_get_node_type (member) == JSON_NODE_OBJECT
                                          : json_node_get_node_type (member) == JSON_NODE_ARRAY);
          if (!klass->singleton)
            {
              g_assert_cmpstr (kl->data, ==, "id");
              g_assert_cmpint (json_object_get_int_member (eo, "id"), ==,
                               *(gint64 *) g_ptr_array_index (items, i));
              kl = kl->next;
            }
          for (guint fi = 0; fi < klass->n_fields; fi++, kl = kl->next)
            {
              const BudField *f = &klass->fields[fi];
              JsonNode *v;
              GType want;

              g_assert_nonnull (kl);
              g_assert_cmpstr (kl->data, ==, f->name);
              v = json_object_get_member (eo, f->name);
              if (f->type == BUD_FIELD_REF && bud_field_get_int (g_ptr_array_index (items, i), f) == 0)
                {
                  g_assert_true (JSON_NODE_HOLDS_NULL (v));
                  continue;
                }
              want = f->type == BUD_FIELD_BOOL ? G_TYPE_BOOLEAN
                   : f->type == BUD_FIELD_INT || f->type == BUD_FIELD_REF ? G_TYPE_INT64
                   : G_TYPE_STRING;
              g_assert_cmpint (json_node_get_value_type (v), ==, want);
            }
          g_assert_null (kl);
        }
    }
  g_assert_null (l->next);

  /* the spec's own example of money: 152,712,000 分 = "1527120.00" 元 */
  o = json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), "lines"), 0);
  g_assert_cmpstr (json_object_get_string_member (o, "amount"), ==, "1527120.00");
  g_assert_cmpstr (json_object_get_string_member (o, "source"), ==, "general");
  g_assert_cmpstr (json_object_get_string_member (o, "kind"), ==, "basic");
  g_assert_true (json_object_get_null_member (o, "project"));
}

static void
test_skip_snapshots (void)
{
  g_autoptr(BudDocument) doc = new_rich_document ();
  g_autofree char *text = bud_json_write_data_full (doc, BUD_JSON_WRITE_SKIP_SNAPSHOTS, NULL);
  g_autoptr(BudDocument) back = read_ok (text, -1);

  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_SNAPSHOT), ==, 1);
  g_assert_cmpuint (bud_document_count (back, BUD_KIND_SNAPSHOT), ==, 0);
  g_assert_cmpuint (bud_document_count (back, BUD_KIND_LINE), ==, bud_document_count (doc, BUD_KIND_LINE));
}

/* A snapshot's content is itself an exchange file. */
static void
test_snapshot_content_reads (void)
{
  g_autoptr(BudDocument) doc = new_rich_document ();
  BudSnapshot *sn = g_ptr_array_index (bud_document_items (doc, BUD_KIND_SNAPSHOT), 0);
  g_autoptr(BudDocument) inner = read_ok (sn->content, -1);

  g_assert_cmpuint (bud_document_count (inner, BUD_KIND_COMMENT), ==, 1);
  g_assert_cmpuint (bud_document_count (inner, BUD_KIND_SNAPSHOT), ==, 0);
}

/* ---- refusals ---- */

static char *base_text;   /* the rich document, written once */

static void
assert_refused (const char   *data,
                gssize        length,
                BudJsonError  code,
                const char   *needle1,
                const char   *needle2)
{
  g_autoptr(GError) error = NULL;
  BudDocument *doc = bud_json_read_data (data, length, &error);

  g_assert_null (doc);
  g_assert_nonnull (error);
  g_test_message ("refused: %s", error->message);
  g_assert_error (error, BUD_JSON_ERROR, (int) code);
  if (needle1)
    g_assert_nonnull (strstr (error->message, needle1));
  if (needle2)
    g_assert_nonnull (strstr (error->message, needle2));
  /* a hostile value is not echoed in full */
  g_assert_cmpuint (strlen (error->message), <, 2000);
}

/* An edit of the base document through json-glib's tree.
 * top: top-level key; index: array element, or -1 for the member itself;
 * key: member of that object, or NULL to replace top's value;
 * value: JSON text, or NULL to remove. */
typedef struct {
  const char   *name;
  const char   *top;
  int           index;
  const char   *key;
  const char   *value;
  BudJsonError  code;
  const char   *needle1;
  const char   *needle2;
} Edit;

#define OK ((BudJsonError) -1)

static const Edit edits[] = {
  /* header */
  { "format-wrong", NULL, -1, "format", "\"otherformat\"", BUD_JSON_ERROR_FORMAT, "$.format", "otherformat" },
  { "format-missing", NULL, -1, "format", NULL, BUD_JSON_ERROR_FORMAT, "format", NULL },
  { "format-not-string", NULL, -1, "format", "1", BUD_JSON_ERROR_FORMAT, "$.format", NULL },
  { "version-missing", NULL, -1, "version", NULL, BUD_JSON_ERROR_VERSION, "version", NULL },
  { "version-newer", NULL, -1, "version", "2", BUD_JSON_ERROR_VERSION, "$.version", "newer" },
  { "version-string", NULL, -1, "version", "\"1\"", BUD_JSON_ERROR_VERSION, "$.version", NULL },
  { "version-zero", NULL, -1, "version", "0", BUD_JSON_ERROR_VERSION, "$.version", NULL },
  { "version-fraction", NULL, -1, "version", "1.0", BUD_JSON_ERROR_VERSION, "$.version", NULL },
  /* keys */
  { "unknown-top-key", NULL, -1, "extra", "[]", BUD_JSON_ERROR_FORMAT, "$:", "extra" },
  { "unknown-field", "projects", 0, "nmae", "\"x\"", BUD_JSON_ERROR_FORMAT, "$.projects[0]", "nmae" },
  { "unknown-odd-key", "projects", 0, "a\"b", "1", BUD_JSON_ERROR_FORMAT, "$.projects[0]", "a\"b" },
  { "id-in-singleton", "profile", -1, "id", "1", BUD_JSON_ERROR_FORMAT, "$.profile", "“id”" },
  { "document-missing", NULL, -1, "document", NULL, BUD_JSON_ERROR_FORMAT, "document", NULL },
  { "id-missing", "units", 0, "id", NULL, BUD_JSON_ERROR_FORMAT, "$.units[0]", "id" },
  { "required-missing", "units", 1, "name", NULL, BUD_JSON_ERROR_FORMAT, "$.units[1]", "name" },
  { "required-ref-missing", "allocations", 0, "project", NULL, BUD_JSON_ERROR_FORMAT, "$.allocations[0]", "project" },
  { "singleton-required-missing", "document", -1, "template_id", NULL, BUD_JSON_ERROR_FORMAT, "$.document", "template_id" },
  { "enum-missing", "lines", 0, "source", NULL, BUD_JSON_ERROR_FORMAT, "$.lines[0]", "source" },
  /* JSON types */
  { "money-as-number", "lines", 0, "amount", "1527120.5", BUD_JSON_ERROR_FORMAT, "$.lines[0].amount", NULL },
  { "money-as-integer", "lines", 0, "amount", "1527120", BUD_JSON_ERROR_FORMAT, "$.lines[0].amount", NULL },
  { "money-null", "procurement", -1, "total", "null", BUD_JSON_ERROR_FORMAT, "$.procurement.total", NULL },
  { "int-as-string", "document", -1, "year", "\"2026\"", BUD_JSON_ERROR_FORMAT, "$.document.year", NULL },
  { "int-as-fraction", "profile", -1, "staff_active", "38.0", BUD_JSON_ERROR_FORMAT, "$.profile.staff_active", NULL },
  { "int-as-exponent", "document", -1, "year", "2.026e3", BUD_JSON_ERROR_FORMAT, "$.document.year", NULL },
  { "text-null", "units", 0, "code", "null", BUD_JSON_ERROR_FORMAT, "$.units[0].code", NULL },
  { "text-number", "units", 0, "code", "301001", BUD_JSON_ERROR_FORMAT, "$.units[0].code", NULL },
  { "bool-as-int", "units", 0, "primary_unit", "1", BUD_JSON_ERROR_FORMAT, "$.units[0].primary_unit", NULL },
  { "ref-as-string", "projects", 0, "unit", "\"1\"", BUD_JSON_ERROR_FORMAT, "$.projects[0].unit", NULL },
  { "ref-as-object", "projects", 0, "unit", "{\"id\": 1}", BUD_JSON_ERROR_FORMAT, "$.projects[0].unit", NULL },
  { "enum-as-int", "lines", 0, "kind", "0", BUD_JSON_ERROR_FORMAT, "$.lines[0].kind", NULL },
  { "id-as-string", "units", 0, "id", "\"1\"", BUD_JSON_ERROR_FORMAT, "$.units[0].id", NULL },
  { "singleton-as-array", "profile", -1, NULL, "[{\"contact\": \"x\"}]", BUD_JSON_ERROR_FORMAT, "$.profile", "array" },
  { "collection-as-object", "units", -1, NULL, "{\"id\": 1}", BUD_JSON_ERROR_FORMAT, "$.units", "object" },
  { "element-not-object", "comments", -1, NULL, "[1]", BUD_JSON_ERROR_FORMAT, "$.comments[0]", NULL },
  { "root-array-member", "texts", -1, NULL, "null", BUD_JSON_ERROR_FORMAT, "$.texts", NULL },
  /* values */
  { "money-letters", "lines", 0, "amount", "\"12a\"", BUD_JSON_ERROR_INVALID, "$.lines[0].amount", "12a" },
  { "money-three-decimals", "lines", 1, "amount", "\"1.234\"", BUD_JSON_ERROR_INVALID, "$.lines[1].amount", NULL },
  { "money-too-large", "lines", 0, "amount", "\"99999999999999999999.00\"", BUD_JSON_ERROR_INVALID, "$.lines[0].amount", NULL },
  { "money-empty", "lines", 0, "amount", "\"\"", BUD_JSON_ERROR_INVALID, "$.lines[0].amount", NULL },
  { "weight-negative", "indicators", 0, "weight", "\"-1.00\"", BUD_JSON_ERROR_INVALID, "$.indicators[0].weight", NULL },
  { "enum-misspelt", "lines", 0, "source", "\"genral\"", BUD_JSON_ERROR_INVALID, "$.lines[0].source", "unit_business" },
  { "enum-case", "units", 0, "type", "\"Admin\"", BUD_JSON_ERROR_INVALID, "$.units[0].type", "civil_servant" },
  { "code-short", "lines", 0, "func", "\"12\"", BUD_JSON_ERROR_INVALID, "$.lines[0].func", NULL },
  { "required-empty", "units", 0, "name", "\"\"", BUD_JSON_ERROR_INVALID, "$.units[0].name", NULL },
  { "single-line", "units", 0, "name", "\"a\\nb\"", BUD_JSON_ERROR_INVALID, "$.units[0].name", NULL },
  { "negative-count", "profile", -1, "staff_active", "-1", BUD_JSON_ERROR_INVALID, "$.profile.staff_active", NULL },
  { "int-out-of-model-range", "document", -1, "year", "9223372036854775807", BUD_JSON_ERROR_INVALID, "$.document.year", NULL },
  { "bad-date", "document", -1, "date", "\"2026-02-30\"", BUD_JSON_ERROR_INVALID, "$.document.date", NULL },
  { "bad-timestamp", "comments", 0, "created", "\"yesterday\"", BUD_JSON_ERROR_INVALID, "$.comments[0].created", NULL },
  { "unique-income", "income", 1, "source", "\"general\"", BUD_JSON_ERROR_INVALID, "$.income[1]", NULL },
  { "unique-text-key", "texts", 1, "key", "\"glossary\"", BUD_JSON_ERROR_INVALID, "$.texts[1]", NULL },
  { "ref-dangling", "lines", 0, "project", "999", BUD_JSON_ERROR_INVALID, "$.lines[0].project", "999" },
  { "ref-zero", "lines", 0, "project", "0", BUD_JSON_ERROR_INVALID, "$.lines[0].project", NULL },
  { "ref-negative", "lines", 0, "unit", "-1", BUD_JSON_ERROR_INVALID, "$.lines[0].unit", NULL },
  { "ref-required-null", "allocations", 0, "project", "null", BUD_JSON_ERROR_INVALID, "$.allocations[0].project", NULL },
  /* a reference to a row of the same kind that comes later cannot resolve */
  { "ref-to-later-kind-row", "indicators", 0, "target", "3", BUD_JSON_ERROR_INVALID, "$.indicators[0].target", NULL },
  { "id-duplicate", "units", 1, "id", "1", BUD_JSON_ERROR_INVALID, "$.units[1].id", "$.units[0]" },
  { "id-zero", "units", 0, "id", "0", BUD_JSON_ERROR_INVALID, "$.units[0].id", NULL },
  { "id-negative", "units", 0, "id", "-3", BUD_JSON_ERROR_INVALID, "$.units[0].id", NULL },
  { "id-huge", "units", 0, "id", "9007199254740992", BUD_JSON_ERROR_INVALID, "$.units[0].id", NULL },
  /* what may be left out */
  /* (needle1: where the document read differs from the rich one) */
  { "optional-text-missing", "lines", 1, "note", NULL, OK, "lines[1].note", NULL },
  { "optional-ref-missing", "lines", 1, "carryover", NULL, OK, "lines[1].carryover", NULL },
  { "optional-money-missing", "procurement", -1, "total", NULL, OK, "procurement[0].total", NULL },
  { "optional-bool-missing", "comments", 0, "resolved", NULL, OK, "comments[0].resolved", NULL },
  { "collection-missing", NULL, -1, "comments", NULL, OK, "comments", NULL },
  { "singleton-missing", NULL, -1, "assets", NULL, OK, "assets[0]", NULL },
};

/* json-glib 1.6 writes U+001F raw, which is not JSON: escape it after the
 * fact (the byte occurs nowhere but inside strings). */
static char *
to_json (JsonNode *root)
{
  g_autofree char *text = json_to_string (root, TRUE);
  g_auto(GStrv) parts = g_strsplit (text, "\x1f", -1);

  return g_strjoinv ("\\u001f", parts);
}

static char *
apply_edit (const Edit *e)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = json_from_string (base_text, &error);
  JsonObject *target;
  JsonNode *value = NULL;

  g_assert_no_error (error);
  if (e->value)
    {
      value = json_from_string (e->value, &error);
      g_assert_no_error (error);
    }

  target = json_node_get_object (root);
  if (e->top && e->key == NULL)
    {
      json_object_set_member (target, e->top, value);
      return to_json (root);
    }
  if (e->top)
    target = e->index < 0 ? json_object_get_object_member (target, e->top)
                          : json_array_get_object_element (json_object_get_array_member (target, e->top),
                                                           (guint) e->index);
  if (value)
    json_object_set_member (target, e->key, value);
  else
    {
      g_assert_true (json_object_has_member (target, e->key));
      json_object_remove_member (target, e->key);
    }
  return to_json (root);
}

static void
test_edit (gconstpointer data)
{
  const Edit *e = data;
  g_autofree char *text = apply_edit (e);

  if (e->code == OK)
    {
      g_autoptr(BudDocument) doc = read_ok (text, -1);
      g_autoptr(BudDocument) rich = new_rich_document ();
      g_autofree char *difference = NULL;

      /* left out = the default value */
      g_assert_false (bud_document_equal (rich, doc, &difference));
      g_test_message ("difference: %s", difference);
      g_assert_true (g_str_has_prefix (difference, e->needle1));
      if (e->top && e->key)
        {
          const BudEntityClass *klass = bud_entity_class_by_name (e->top);
          const BudField *f = bud_entity_class_field (klass, e->key);
          gconstpointer entity = g_ptr_array_index (bud_document_items (doc, klass->kind),
                                                    (guint) MAX (e->index, 0));

          if (f->type == BUD_FIELD_TEXT)
            g_assert_cmpstr (bud_field_get_text (entity, f), ==, "");
          else
            g_assert_cmpint (bud_field_get_int (entity, f), ==, 0);
        }
      return;
    }
  assert_refused (text, -1, e->code, e->needle1, e->needle2);
}

/* Edits of the text itself, for what a tree cannot express. find NULL: the
 * whole text is replace. */
typedef struct {
  const char   *name;
  const char   *find;
  const char   *replace;
  BudJsonError  code;
  const char   *needle;
} TextEdit;

static const TextEdit text_edits[] = {
  { "not-json", NULL, "this is not JSON", BUD_JSON_ERROR_SYNTAX, "line 1" },
  { "empty", NULL, "", BUD_JSON_ERROR_SYNTAX, NULL },
  { "whitespace", NULL, " \n\t ", BUD_JSON_ERROR_SYNTAX, NULL },
  { "root-array", NULL, "[]", BUD_JSON_ERROR_FORMAT, "$" },
  { "root-number", NULL, "42", BUD_JSON_ERROR_FORMAT, "$" },
  { "root-null", NULL, "null", BUD_JSON_ERROR_FORMAT, "$" },
  { "truncated", "\n}\n", "", BUD_JSON_ERROR_SYNTAX, NULL },
  { "trailing-garbage", "\n}\n", "\n} x", BUD_JSON_ERROR_SYNTAX, NULL },
  { "second-value", "\n}\n", "\n} {}", BUD_JSON_ERROR_SYNTAX, NULL },
  { "comment", "\"version\": 1", "\"version\": 1 /* one */", BUD_JSON_ERROR_SYNTAX, "$.version" },
  { "single-quotes", "\"version\": 1", "'version': 1", BUD_JSON_ERROR_SYNTAX, "$ (line 3" },
  { "trailing-comma", "\"version\": 1,", "\"version\": 1,,", BUD_JSON_ERROR_SYNTAX, NULL },
  { "leading-zero", "\"version\": 1", "\"version\": 01", BUD_JSON_ERROR_SYNTAX, "$.version" },
  { "plus-sign", "\"version\": 1", "\"version\": +1", BUD_JSON_ERROR_SYNTAX, NULL },
  { "nan", "\"year\": 2026", "\"year\": NaN", BUD_JSON_ERROR_SYNTAX, "$.document.year" },
  { "raw-newline-in-string", "\"department_code\": \"301001\"", "\"department_code\": \"301\n001\"",
    BUD_JSON_ERROR_SYNTAX, "line 6, column 28" },
  { "bad-escape", "\"department_code\": \"301001\"", "\"department_code\": \"\\x41\"",
    BUD_JSON_ERROR_SYNTAX, "$.document.department_code" },
  { "short-unicode-escape", "\"department_code\": \"301001\"", "\"department_code\": \"\\u12\"",
    BUD_JSON_ERROR_SYNTAX, NULL },
  { "lone-high-surrogate", "\"department_code\": \"301001\"", "\"department_code\": \"\\ud800x\"",
    BUD_JSON_ERROR_SYNTAX, "$.document.department_code" },
  { "lone-low-surrogate", "\"department_code\": \"301001\"", "\"department_code\": \"\\udc00\"",
    BUD_JSON_ERROR_SYNTAX, NULL },
  { "nul-escape", "\"department_code\": \"301001\"", "\"department_code\": \"301\\u0000001\"",
    BUD_JSON_ERROR_INVALID, "$.document.department_code" },
  { "invalid-utf8", "\"department_code\": \"301001\"", "\"department_code\": \"301\xff\xfe\"",
    BUD_JSON_ERROR_SYNTAX, "UTF-8" },
  { "overlong-utf8", "\"department_code\": \"301001\"", "\"department_code\": \"\xc0\xaf\"",
    BUD_JSON_ERROR_SYNTAX, "UTF-8" },
  { "utf16-surrogate-in-utf8", "\"department_code\": \"301001\"", "\"department_code\": \"\xed\xa0\x80\"",
    BUD_JSON_ERROR_SYNTAX, "UTF-8" },
  { "duplicate-key", "\"year\": 2026", "\"year\": 2026, \"year\": 2027",
    BUD_JSON_ERROR_FORMAT, "$.document" },
  { "duplicate-key-escaped", "\"year\": 2026", "\"year\": 2026, \"y\\u0065ar\": 2027",
    BUD_JSON_ERROR_FORMAT, "$.document" },
  { "int-past-gint64", "\"year\": 2026", "\"year\": 9223372036854775808",
    BUD_JSON_ERROR_INVALID, "$.document.year" },
  { "int-below-gint64", "\"year\": 2026", "\"year\": -9223372036854775809",
    BUD_JSON_ERROR_INVALID, "$.document.year" },
  { "int-huge", "\"year\": 2026", "\"year\": 99999999999999999999999999999999999999999",
    BUD_JSON_ERROR_INVALID, "$.document.year" },
  { "float-huge", "\"year\": 2026", "\"year\": 1e99999", BUD_JSON_ERROR_FORMAT, "$.document.year" },
  { "newer-version-with-new-keys", "\"version\": 1,", "\"version\": 3, \"ledger\": {},",
    BUD_JSON_ERROR_VERSION, "newer" },
};

static char *
replace_once (const char *text,
              const char *find,
              const char *replace)
{
  const char *at = strstr (text, find);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, replace, at + strlen (find));
}

static void
test_text_edit (gconstpointer data)
{
  const TextEdit *e = data;
  g_autofree char *text = e->find ? replace_once (base_text, e->find, e->replace)
                                  : g_strdup (e->replace);

  assert_refused (text, -1, e->code, e->needle, NULL);
}

static void
test_bom_accepted (void)
{
  g_autofree char *text = g_strconcat ("\xEF\xBB\xBF", base_text, NULL);
  g_autoptr(BudDocument) doc = read_ok (text, -1);
  g_autoptr(BudDocument) rich = new_rich_document ();

  assert_equal_documents (rich, doc);
}

/* With an explicit length a NUL byte can hide inside the data. */
static void
test_nul_bytes (void)
{
  g_autofree char *in_string = replace_once (base_text, "\"301001\"", "\"301#001\"");
  g_autofree char *outside = replace_once (base_text, "\"version\": 1", "\"version\": 1#");
  gsize n = strlen (in_string);

  *strchr (in_string, '#') = '\0';
  assert_refused (in_string, (gssize) n, BUD_JSON_ERROR_INVALID, "$.document.department_code", NULL);
  n = strlen (outside);
  *strchr (outside, '#') = '\0';
  assert_refused (outside, (gssize) n, BUD_JSON_ERROR_SYNTAX, "U+0000", NULL);
  /* and the data may stop short of its NUL terminator */
  assert_refused (base_text, 10, BUD_JSON_ERROR_SYNTAX, NULL, NULL);
}

static void
test_deep_nesting (void)
{
  GString *deep = g_string_new (NULL);
  g_autofree char *in_doc = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append_c (deep, '[');
  assert_refused (deep->str, (gssize) deep->len, BUD_JSON_ERROR_SYNTAX, "levels", NULL);

  /* well-formed but deep: closed properly, inside a valid header */
  g_string_truncate (deep, 0);
  for (guint i = 0; i < 40; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 40; i++)
    g_string_append_c (deep, ']');
  in_doc = g_strdup_printf ("{\"format\": \"deptbudget\", \"version\": 1, \"texts\": %s}", deep->str);
  assert_refused (in_doc, -1, BUD_JSON_ERROR_SYNTAX, "$.texts[0][0]", NULL);
  g_string_free (deep, TRUE);
}

static void
test_long_values (void)
{
  g_autoptr(BudDocument) doc = new_rich_document ();
  g_autoptr(BudDocument) back = NULL;
  g_autofree char *text = NULL;
  g_autofree char *digits = g_strnfill (100000, '9');
  g_autofree char *hostile = NULL;
  GString *big = g_string_new (NULL);

  /* a 4 MB text survives */
  while (big->len < 4 * 1024 * 1024)
    g_string_append (big, "一二三四五六七八九十\n\"\\\t");
  g_assert_true (bud_document_put_text (doc, "other_matters", big->str, NULL));
  text = bud_json_write_data (doc, NULL);
  back = read_ok (text, -1);
  g_assert_cmpstr (bud_document_get_text (back, "other_matters"), ==, big->str);
  g_string_free (big, TRUE);

  /* a 100,000-digit amount is refused without being quoted back in full */
  hostile = replace_once (base_text, "\"1527120.00\"", digits);
  assert_refused (hostile, -1, BUD_JSON_ERROR_INVALID, "$.procurement.total", NULL);
  g_free (hostile);
  hostile = g_strdup_printf ("\"%s\"", digits);
  {
    g_autofree char *as_string = replace_once (base_text, "\"1527120.00\"", hostile);
    assert_refused (as_string, -1, BUD_JSON_ERROR_INVALID, "$.procurement.total", NULL);
  }
  {
    g_autofree char *key = g_strdup_printf ("\"%s\": 1, \"version\"", digits);
    g_autofree char *long_key = replace_once (base_text, "\"version\"", key);
    assert_refused (long_key, -1, BUD_JSON_ERROR_FORMAT, "unknown key", NULL);
  }
}

/* Fixed-point input follows bud_fixed2_parse: "40" and "1,234.5" are fine. */
static void
test_lenient_numbers (void)
{
  g_autofree char *a = replace_once (base_text, "\"1527120.00\"", "\"1,527,120\"");
  g_autoptr(BudDocument) doc = read_ok (a, -1);
  BudLine *ln = g_ptr_array_index (bud_document_items (doc, BUD_KIND_LINE), 0);

  g_assert_cmpint (ln->amount, ==, 152712000);
}

/* ---- files ---- */

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-jsonio-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d))
    n++;
  return n;
}

static void
test_file_round_trip (void)
{
  g_autoptr(BudDocument) doc = new_rich_document ();
  g_autoptr(BudDocument) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "budget.json", NULL);
  g_autofree char *written = NULL;
  g_autofree char *expected = bud_json_write_data (doc, NULL);

  g_assert_true (bud_json_write_file (doc, path, &error));
  g_assert_no_error (error);
  /* overwriting goes through the same temporary file and rename */
  g_assert_true (bud_json_write_file (doc, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, expected);

  back = bud_json_read_file (path, &error);
  g_assert_no_error (error);
  assert_equal_documents (doc, back);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_file_missing_directory (void)
{
  g_autoptr(BudDocument) doc = new_rich_document ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "no-such-dir", "budget.json", NULL);

  g_assert_false (bud_json_write_file (doc, path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_cmpuint (count_entries (dir), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_file_read_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);

  g_assert_null (bud_json_read_file (missing, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (bad, "{\"format\": \"deptbudget\", \"version\": 9}", -1, NULL));
  g_assert_null (bud_json_read_file (bad, &error));
  g_assert_error (error, BUD_JSON_ERROR, BUD_JSON_ERROR_VERSION);

  g_remove (bad);
  g_rmdir (dir);
}

/* The example document shipped in data/examples, once it exists. */
static void
test_example_file (void)
{
  const char *root = g_getenv ("BUD_SOURCE_ROOT");
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(BudDocument) doc = NULL;
  g_autoptr(BudDocument) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize length = 0;

  path = g_build_filename (root ? root : ".", "data", "examples", "changji-2026.json", NULL);
  if (!g_file_get_contents (path, &contents, &length, NULL) || length < 100)
    {
      g_test_skip ("no example document yet");
      return;
    }
  doc = bud_json_read_data (contents, (gssize) length, &error);
  g_assert_no_error (error);
  first = bud_json_write_data (doc, NULL);
  again = read_ok (first, -1);
  assert_equal_documents (doc, again);
  second = bud_json_write_data (again, NULL);
  g_assert_cmpstr (first, ==, second);
}

/* The example in docs/exchange-format.md must stay readable and canonical. */
static void
test_documented_example (void)
{
  const char *root = g_getenv ("BUD_SOURCE_ROOT");
  g_autofree char *path = g_build_filename (root ? root : ".", "docs", "exchange-format.md", NULL);
  g_autofree char *markdown = NULL;
  g_autofree char *example = NULL;
  g_autofree char *written = NULL;
  g_autoptr(BudDocument) doc = NULL;
  const char *start, *end;

  if (!g_file_get_contents (path, &markdown, NULL, NULL))
    {
      g_test_skip ("docs/exchange-format.md not found (BUD_SOURCE_ROOT unset?)");
      return;
    }
  start = strstr (markdown, "## A complete example");
  g_assert_nonnull (start);
  start = strstr (start, "```json\n");
  g_assert_nonnull (start);
  start += strlen ("```json\n");
  end = strstr (start, "\n```");
  g_assert_nonnull (end);
  example = g_strndup (start, (gsize) (end - start) + 1);

  doc = read_ok (example, -1);
  g_assert_cmpuint (bud_document_count (doc, BUD_KIND_LINE), >, 0);
  written = bud_json_write_data (doc, NULL);
  g_assert_cmpstr (written, ==, example);
}

int
main (int argc, char **argv)
{
  g_autoptr(BudDocument) rich = NULL;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  rich = new_rich_document ();
  base_text = bud_json_write_data (rich, NULL);

  g_test_add_func ("/jsonio/rich/covers-every-field", test_rich_covers_every_field);
  g_test_add_func ("/jsonio/round-trip/rich", test_round_trip);
  g_test_add_func ("/jsonio/round-trip/empty", test_round_trip_empty);
  g_test_add_func ("/jsonio/round-trip/skip-snapshots", test_skip_snapshots);
  g_test_add_func ("/jsonio/round-trip/snapshot-content", test_snapshot_content_reads);
  g_test_add_func ("/jsonio/write/canonical-form", test_canonical_form);
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *name = g_strdup_printf ("/jsonio/%s/%s",
                                               edits[i].code == OK ? "accept" : "refuse",
                                               edits[i].name);
      g_test_add_data_func (name, &edits[i], test_edit);
    }
  for (guint i = 0; i < G_N_ELEMENTS (text_edits); i++)
    {
      g_autofree char *name = g_strdup_printf ("/jsonio/refuse/%s", text_edits[i].name);
      g_test_add_data_func (name, &text_edits[i], test_text_edit);
    }
  g_test_add_func ("/jsonio/accept/byte-order-mark", test_bom_accepted);
  g_test_add_func ("/jsonio/accept/grouped-amount", test_lenient_numbers);
  g_test_add_func ("/jsonio/refuse/nul-bytes", test_nul_bytes);
  g_test_add_func ("/jsonio/refuse/deep-nesting", test_deep_nesting);
  g_test_add_func ("/jsonio/hostile/long-values", test_long_values);
  g_test_add_func ("/jsonio/file/round-trip", test_file_round_trip);
  g_test_add_func ("/jsonio/file/missing-directory", test_file_missing_directory);
  g_test_add_func ("/jsonio/file/read-errors", test_file_read_errors);
  g_test_add_func ("/jsonio/example/changji-2026", test_example_file);
  g_test_add_func ("/jsonio/example/documented", test_documented_example);

  return g_test_run ();
}
