/* test-catalog.c — classification code lists: built-in data, import, look-ups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected codes and names are copied from the published reference package
 * (seed-changji-2026: 表1, 表2, 表6) and DOMAIN.md, never from our own output.
 */
#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "bud-catalog.h"

/* 表1 of the seed: the 30 功能分类 类, in the order printed. */
static const struct { const char *code, *name; } seed_classes[] = {
  { "201", "一般公共服务支出" },
  { "202", "外交支出" },
  { "203", "国防支出" },
  { "204", "公共安全支出" },
  { "205", "教育支出" },
  { "206", "科学技术支出" },
  { "207", "文化旅游体育与传媒支出" },
  { "208", "社会保障和就业支出" },
  { "209", "社会保险基金支出" },
  { "210", "卫生健康支出" },
  { "211", "节能环保支出" },
  { "212", "城乡社区支出" },
  { "213", "农林水支出" },
  { "214", "交通运输支出" },
  { "215", "资源勘探工业信息等支出" },
  { "216", "商业服务业等支出" },
  { "217", "金融支出" },
  { "219", "援助其他地区支出" },
  { "220", "自然资源海洋气象等支出" },
  { "221", "住房保障支出" },
  { "222", "粮油物资储备支出" },
  { "223", "国有资本经营预算支出" },
  { "224", "灾害防治及应急管理支出" },
  { "227", "预备费" },
  { "229", "其他支出" },
  { "230", "转移性支出" },
  { "231", "债务还本支出" },
  { "232", "债务付息支出" },
  { "233", "债务发行费用支出" },
  { "234", "抗疫特别国债安排的支出" },
};

/* 表2 of the seed (类 款 项 columns joined) and 表6 (经济分类). */
static const struct { BudScheme scheme; const char *code, *name; } seed_names[] = {
  { BUD_SCHEME_FUNCTIONAL, "20103", "政府办公厅（室）及相关机构事务" },
  { BUD_SCHEME_FUNCTIONAL, "2010350", "事业运行" },
  { BUD_SCHEME_FUNCTIONAL, "2010399", "其他政府办公厅（室）及相关机构事务支出" },
  { BUD_SCHEME_FUNCTIONAL, "20805", "行政事业单位养老支出" },
  { BUD_SCHEME_FUNCTIONAL, "2080505", "机关事业单位基本养老保险缴费支出" },
  { BUD_SCHEME_FUNCTIONAL, "2080506", "机关事业单位职业年金缴费支出" },
  { BUD_SCHEME_FUNCTIONAL, "21011", "行政事业单位医疗" },
  { BUD_SCHEME_FUNCTIONAL, "2101102", "事业单位医疗" },
  { BUD_SCHEME_FUNCTIONAL, "2101103", "公务员医疗补助" },
  { BUD_SCHEME_FUNCTIONAL, "2101199", "其他行政事业单位医疗支出" },
  { BUD_SCHEME_FUNCTIONAL, "22102", "住房改革支出" },
  { BUD_SCHEME_FUNCTIONAL, "2210201", "住房公积金" },
  { BUD_SCHEME_ECONOMIC, "301", "工资福利支出" },
  { BUD_SCHEME_ECONOMIC, "30101", "基本工资" },
  { BUD_SCHEME_ECONOMIC, "30102", "津贴补贴" },
  { BUD_SCHEME_ECONOMIC, "30103", "奖金" },
  { BUD_SCHEME_ECONOMIC, "30108", "机关事业单位基本养老保险缴费" },
  { BUD_SCHEME_ECONOMIC, "30109", "职业年金缴费" },
  { BUD_SCHEME_ECONOMIC, "30110", "职工基本医疗保险缴费" },
  { BUD_SCHEME_ECONOMIC, "30111", "公务员医疗补助缴费" },
  { BUD_SCHEME_ECONOMIC, "30112", "其他社会保障缴费" },
  { BUD_SCHEME_ECONOMIC, "30113", "住房公积金" },
  { BUD_SCHEME_ECONOMIC, "30114", "医疗费" },
  { BUD_SCHEME_ECONOMIC, "302", "商品和服务支出" },
  { BUD_SCHEME_ECONOMIC, "30201", "办公费" },
  { BUD_SCHEME_ECONOMIC, "30202", "印刷费" },
  { BUD_SCHEME_ECONOMIC, "30204", "手续费" },
  { BUD_SCHEME_ECONOMIC, "30205", "水费" },
  { BUD_SCHEME_ECONOMIC, "30206", "电费" },
  { BUD_SCHEME_ECONOMIC, "30207", "邮电费" },
  { BUD_SCHEME_ECONOMIC, "30209", "物业管理费" },
  { BUD_SCHEME_ECONOMIC, "30211", "差旅费" },
  { BUD_SCHEME_ECONOMIC, "30226", "劳务费" },
  { BUD_SCHEME_ECONOMIC, "30228", "工会经费" },
  { BUD_SCHEME_ECONOMIC, "30231", "公务用车运行维护费" },
  { BUD_SCHEME_ECONOMIC, "30239", "其他交通费用" },
};

static const char *
name_of (BudCatalog *catalog,
         BudScheme   scheme,
         const char *code)
{
  const BudCatalogEntry *e = bud_catalog_lookup (catalog, scheme, code);

  return e != NULL ? e->name : NULL;
}

/* ---- built-in ---- */

static void
test_builtin_lookup (void)
{
  BudCatalog *catalog = bud_catalog_get_default ();
  const BudCatalogEntry *e;

  g_assert_nonnull (catalog);
  g_assert_true (bud_catalog_get_default () == catalog);

  e = bud_catalog_lookup (catalog, BUD_SCHEME_FUNCTIONAL, "2010350");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->code, ==, "2010350");
  g_assert_cmpstr (e->name, ==, "事业运行");
  g_assert_cmpint (e->level, ==, BUD_CODE_LEVEL_ITEM);
  g_assert_cmpint (e->scheme, ==, BUD_SCHEME_FUNCTIONAL);

  e = bud_catalog_lookup (catalog, BUD_SCHEME_ECONOMIC, "30227");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->name, ==, "委托业务费");
  g_assert_cmpint (e->level, ==, BUD_CODE_LEVEL_SECTION);
  g_assert_cmpint (e->scheme, ==, BUD_SCHEME_ECONOMIC);

  e = bud_catalog_lookup (catalog, BUD_SCHEME_ECONOMIC, "301");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->name, ==, "工资福利支出");
  g_assert_cmpint (e->level, ==, BUD_CODE_LEVEL_CLASS);

  /* the 三公 codes DOMAIN.md derives table 10 from */
  g_assert_nonnull (bud_catalog_lookup (catalog, BUD_SCHEME_ECONOMIC, "30212"));
  g_assert_nonnull (bud_catalog_lookup (catalog, BUD_SCHEME_ECONOMIC, "30217"));
  g_assert_nonnull (bud_catalog_lookup (catalog, BUD_SCHEME_ECONOMIC, "31013"));
  g_assert_nonnull (bud_catalog_lookup (catalog, BUD_SCHEME_ECONOMIC, "30913"));

  /* schemes are separate name spaces */
  g_assert_null (bud_catalog_lookup (catalog, BUD_SCHEME_ECONOMIC, "2010350"));
  g_assert_null (bud_catalog_lookup (catalog, BUD_SCHEME_FUNCTIONAL, "30227"));
  g_assert_null (bud_catalog_lookup (catalog, BUD_SCHEME_FUNCTIONAL, "9999999"));
  g_assert_null (bud_catalog_lookup (catalog, BUD_SCHEME_FUNCTIONAL, ""));
  g_assert_null (bud_catalog_lookup (catalog, BUD_SCHEME_FUNCTIONAL, NULL));

  /* NULL stands for the built-in catalog */
  g_assert_true (bud_catalog_lookup (NULL, BUD_SCHEME_FUNCTIONAL, "2010350") ==
                 bud_catalog_lookup (catalog, BUD_SCHEME_FUNCTIONAL, "2010350"));
}

static void
test_builtin_classes (void)
{
  g_autoptr(GPtrArray) classes = bud_catalog_list (bud_catalog_get_default (),
                                                   BUD_SCHEME_FUNCTIONAL, BUD_CODE_LEVEL_CLASS);
  g_autoptr(GPtrArray) econ = NULL;
  static const char * const econ_classes[] = {
    "301", "302", "303", "307", "309", "310", "311", "312", "313", "399",
  };

  g_assert_cmpuint (classes->len, ==, G_N_ELEMENTS (seed_classes));
  for (guint i = 0; i < classes->len; i++)
    {
      const BudCatalogEntry *e = g_ptr_array_index (classes, i);

      g_assert_cmpstr (e->code, ==, seed_classes[i].code);
      g_assert_cmpstr (e->name, ==, seed_classes[i].name);
      g_assert_cmpint (e->level, ==, BUD_CODE_LEVEL_CLASS);
    }

  /* the ten 经济分类 类 that head the columns of table 7 */
  econ = bud_catalog_list (NULL, BUD_SCHEME_ECONOMIC, BUD_CODE_LEVEL_CLASS);
  g_assert_cmpuint (econ->len, ==, G_N_ELEMENTS (econ_classes));
  for (guint i = 0; i < econ->len; i++)
    g_assert_cmpstr (((const BudCatalogEntry *) g_ptr_array_index (econ, i))->code, ==, econ_classes[i]);
}

static void
test_builtin_seed_names (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (seed_names); i++)
    {
      const char *name = name_of (NULL, seed_names[i].scheme, seed_names[i].code);

      if (g_strcmp0 (name, seed_names[i].name) != 0)
        g_error ("%s: expected “%s”, catalog has “%s”",
                 seed_names[i].code, seed_names[i].name, name ? name : "(missing)");
    }
}

/* Every 款 and 项 sits under a parent the catalog knows, and lists come in
 * strictly increasing code order. */
static void
test_builtin_hierarchy (void)
{
  for (int scheme = BUD_SCHEME_FUNCTIONAL; scheme <= BUD_SCHEME_ECONOMIC; scheme++)
    {
      g_autoptr(GPtrArray) all = bud_catalog_search (NULL, scheme, "", 0);
      guint counts[4] = { 0 };

      g_assert_cmpuint (all->len, >, 50);
      for (guint i = 0; i < all->len; i++)
        {
          const BudCatalogEntry *e = g_ptr_array_index (all, i);

          g_assert_cmpint (e->level, ==, bud_code_level (scheme, e->code));
          g_assert_cmpint (e->level, !=, BUD_CODE_LEVEL_NONE);
          g_assert_cmpint (e->scheme, ==, scheme);
          g_assert_cmpstr (e->name, !=, "");
          counts[e->level]++;
          if (i > 0)
            g_assert_cmpstr (((const BudCatalogEntry *) g_ptr_array_index (all, i - 1))->code, <, e->code);
          if (e->level != BUD_CODE_LEVEL_CLASS)
            {
              g_autofree char *parent = g_strndup (e->code, strlen (e->code) - 2);

              if (bud_catalog_lookup (NULL, scheme, parent) == NULL)
                g_error ("%s has no parent %s", e->code, parent);
            }
        }

      for (BudCodeLevel level = BUD_CODE_LEVEL_CLASS; level <= BUD_CODE_LEVEL_ITEM; level++)
        {
          g_autoptr(GPtrArray) list = bud_catalog_list (NULL, scheme, level);

          g_assert_cmpuint (list->len, ==, counts[level]);
        }
    }
}

/* ---- import ---- */

static void
assert_import_ok (BudCatalog *catalog,
                  BudScheme   scheme,
                  const char *data,
                  gssize      length)
{
  g_autoptr(GError) error = NULL;

  if (!bud_catalog_import_data (catalog, scheme, data, length, &error))
    g_error ("import failed: %s", error->message);
}

static void
test_import_tsv (void)
{
  g_autoptr(BudCatalog) catalog = bud_catalog_copy (bud_catalog_get_default ());
  const char *tsv =
    "# 2027 official list, trimmed\r\n"
    "科目编码\t科目名称\t级次\r\n"
    "\r\n"
    "2019901\t  测试专项事务  \t项\r\n"
    "20199\t其他一般公共服务支出\t款\r\n"
    "   # an indented comment\r\n"
    "2010350\t事业运行（新）\r\n"
    "2019901\t测试专项事务\t项\r\n";   /* a repeated row is harmless */

  assert_import_ok (catalog, BUD_SCHEME_FUNCTIONAL, tsv, -1);

  g_assert_cmpstr (name_of (catalog, BUD_SCHEME_FUNCTIONAL, "2019901"), ==, "测试专项事务");
  g_assert_cmpint (bud_catalog_lookup (catalog, BUD_SCHEME_FUNCTIONAL, "2019901")->level, ==, BUD_CODE_LEVEL_ITEM);
  g_assert_cmpstr (name_of (catalog, BUD_SCHEME_FUNCTIONAL, "20199"), ==, "其他一般公共服务支出");
  g_assert_cmpstr (name_of (catalog, BUD_SCHEME_FUNCTIONAL, "2010350"), ==, "事业运行（新）");
  /* entries the file does not mention stay */
  g_assert_cmpstr (name_of (catalog, BUD_SCHEME_FUNCTIONAL, "2010399"), ==,
                   "其他政府办公厅（室）及相关机构事务支出");
  /* the header row is not an entry */
  g_assert_null (bud_catalog_lookup (catalog, BUD_SCHEME_FUNCTIONAL, "科目编码"));

  /* the built-in catalog is untouched by imports into a copy */
  g_assert_cmpstr (name_of (NULL, BUD_SCHEME_FUNCTIONAL, "2010350"), ==, "事业运行");
  g_assert_null (bud_catalog_lookup (NULL, BUD_SCHEME_FUNCTIONAL, "2019901"));

  /* new entries appear in lists in code order */
  {
    g_autoptr(GPtrArray) sections = bud_catalog_list (catalog, BUD_SCHEME_FUNCTIONAL, BUD_CODE_LEVEL_SECTION);
    gboolean found = FALSE;

    for (guint i = 0; i < sections->len; i++)
      {
        const BudCatalogEntry *e = g_ptr_array_index (sections, i);

        if (i > 0)
          g_assert_cmpstr (((const BudCatalogEntry *) g_ptr_array_index (sections, i - 1))->code, <, e->code);
        found |= strcmp (e->code, "20199") == 0;
      }
    g_assert_true (found);
  }
}

static void
test_import_csv (void)
{
  g_autoptr(BudCatalog) catalog = bud_catalog_new ();
  const char *csv =
    "code,name,level\n"
    "301,工资福利支出,类\n"
    "30101,\"基本工资\",款\n"
    "\"30199\",\"其他工资福利支出, 含 \"\"补发\"\"\",款\n"
    "30201, \"办公费\" ,款\n"
    "302,商品和服务支出";            /* no final newline */

  assert_import_ok (catalog, BUD_SCHEME_ECONOMIC, csv, -1);

  g_assert_cmpstr (name_of (catalog, BUD_SCHEME_ECONOMIC, "301"), ==, "工资福利支出");
  g_assert_cmpstr (name_of (catalog, BUD_SCHEME_ECONOMIC, "30101"), ==, "基本工资");
  g_assert_cmpstr (name_of (catalog, BUD_SCHEME_ECONOMIC, "30199"), ==, "其他工资福利支出, 含 \"补发\"");
  g_assert_cmpstr (name_of (catalog, BUD_SCHEME_ECONOMIC, "30201"), ==, "办公费");
  g_assert_cmpstr (name_of (catalog, BUD_SCHEME_ECONOMIC, "302"), ==, "商品和服务支出");
  /* a new catalog starts empty, and an import fills one scheme only */
  g_assert_null (bud_catalog_lookup (catalog, BUD_SCHEME_ECONOMIC, "30227"));
  g_assert_null (bud_catalog_lookup (catalog, BUD_SCHEME_FUNCTIONAL, "301"));
}

static void
test_import_bom (void)
{
  g_autoptr(BudCatalog) catalog = bud_catalog_new ();
  g_autoptr(GPtrArray) all = NULL;

  /* BOM immediately followed by a header, as spreadsheets save it */
  assert_import_ok (catalog, BUD_SCHEME_FUNCTIONAL,
                    "\xEF\xBB\xBF" "科目代码,科目名称\n201,一般公共服务支出\n", -1);
  g_assert_cmpstr (name_of (catalog, BUD_SCHEME_FUNCTIONAL, "201"), ==, "一般公共服务支出");

  /* BOM followed by data: the first code must not carry the BOM */
  assert_import_ok (catalog, BUD_SCHEME_FUNCTIONAL, "\xEF\xBB\xBF" "202\t外交支出\n", -1);
  g_assert_cmpstr (name_of (catalog, BUD_SCHEME_FUNCTIONAL, "202"), ==, "外交支出");

  all = bud_catalog_search (catalog, BUD_SCHEME_FUNCTIONAL, NULL, 0);
  g_assert_cmpuint (all->len, ==, 2);
}

static void
test_import_utf16 (void)
{
  g_autoptr(BudCatalog) catalog = bud_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *utf16 = NULL;
  g_autofree char *data = NULL;
  gsize written = 0;

  /* "Unicode text" as a spreadsheet saves it: UTF-16LE with a BOM */
  utf16 = g_convert ("科目编码\t科目名称\r\n2010350\t事业运行\r\n", -1,
                     "UTF-16LE", "UTF-8", NULL, &written, &error);
  g_assert_no_error (error);
  data = g_malloc (written + 2);
  data[0] = (char) 0xFF;
  data[1] = (char) 0xFE;
  memcpy (data + 2, utf16, written);

  g_assert_true (bud_catalog_import_data (catalog, BUD_SCHEME_FUNCTIONAL, data, written + 2, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (name_of (catalog, BUD_SCHEME_FUNCTIONAL, "2010350"), ==, "事业运行");
}

static void
test_import_combined (void)
{
  g_autoptr(BudCatalog) catalog = bud_catalog_new ();
  const char *export =
    "科目\t金额\n"
    "2010350 事业运行\t152.71\n"
    "[2010399]其他政府办公厅（室）及相关机构事务支出\t30.00\n"
    "【2080505】机关事业单位基本养老保险缴费支出\t20.83\n"
    "2080506　机关事业单位职业年金缴费支出\t10.42\n"     /* ideographic space */
    "2101102-事业单位医疗\n"
    "2101103公务员医疗补助\n";

  assert_import_ok (catalog, BUD_SCHEME_FUNCTIONAL, export, -1);

  g_assert_cmpstr (name_of (catalog, BUD_SCHEME_FUNCTIONAL, "2010350"), ==, "事业运行");
  g_assert_cmpstr (name_of (catalog, BUD_SCHEME_FUNCTIONAL, "2010399"), ==,
                   "其他政府办公厅（室）及相关机构事务支出");
  g_assert_cmpstr (name_of (catalog, BUD_SCHEME_FUNCTIONAL, "2080505"), ==,
                   "机关事业单位基本养老保险缴费支出");
  g_assert_cmpstr (name_of (catalog, BUD_SCHEME_FUNCTIONAL, "2080506"), ==,
                   "机关事业单位职业年金缴费支出");
  g_assert_cmpstr (name_of (catalog, BUD_SCHEME_FUNCTIONAL, "2101102"), ==, "事业单位医疗");
  g_assert_cmpstr (name_of (catalog, BUD_SCHEME_FUNCTIONAL, "2101103"), ==, "公务员医疗补助");

  /* a single-column file of combined cells */
  assert_import_ok (catalog, BUD_SCHEME_FUNCTIONAL, "221 住房保障支出\n22102 住房改革支出\n", -1);
  g_assert_cmpstr (name_of (catalog, BUD_SCHEME_FUNCTIONAL, "22102"), ==, "住房改革支出");
}

typedef struct {
  const char *label;
  BudScheme   scheme;
  const char *data;
  gssize      length;     /* -1: NUL-terminated */
  int         code;       /* BudCatalogError */
  guint       line;       /* line the message must name; 0: none */
} Bad;

#define WITH_NUL "201\t一般公共服务支出\n202\t外交\0支出\n"

static void
test_import_refuse (void)
{
  static const Bad bad[] = {
    { "letters in code", BUD_SCHEME_FUNCTIONAL, "code\tname\n201\t一般公共服务支出\n20A03\t坏\n", -1,
      BUD_CATALOG_ERROR_PARSE, 3 },
    { "wrong length", BUD_SCHEME_FUNCTIONAL, "201\t一般公共服务支出\n\n2010\t四位\n", -1,
      BUD_CATALOG_ERROR_PARSE, 3 },
    { "7 digits economic", BUD_SCHEME_ECONOMIC, "301,工资福利支出\n3010101,太长\n", -1,
      BUD_CATALOG_ERROR_PARSE, 2 },
    { "no name", BUD_SCHEME_FUNCTIONAL, "# c\n201\t一般公共服务支出\n202\t\n", -1,
      BUD_CATALOG_ERROR_PARSE, 3 },
    { "no name column", BUD_SCHEME_FUNCTIONAL, "201\n", -1, BUD_CATALOG_ERROR_PARSE, 1 },
    { "empty code", BUD_SCHEME_FUNCTIONAL, "201,一般公共服务支出\n,无编码\n", -1,
      BUD_CATALOG_ERROR_PARSE, 2 },
    { "open quote", BUD_SCHEME_FUNCTIONAL, "201,一般公共服务支出\n202,\"外交支出\n203,国防支出\n", -1,
      BUD_CATALOG_ERROR_PARSE, 2 },
    { "text after quote", BUD_SCHEME_FUNCTIONAL, "201,\"一般\"公共服务支出\n", -1,
      BUD_CATALOG_ERROR_PARSE, 1 },
    { "conflicting names", BUD_SCHEME_FUNCTIONAL, "201\t一般公共服务支出\n202\t外交支出\n201\t别的名字\n", -1,
      BUD_CATALOG_ERROR_PARSE, 3 },
    { "control character", BUD_SCHEME_FUNCTIONAL, "201\t一般\x01公共\n", -1, BUD_CATALOG_ERROR_PARSE, 1 },
    { "invalid UTF-8", BUD_SCHEME_FUNCTIONAL, "201\t一般公共服务支出\n202\t\xCD\xE2\xBD\xBB\xD6\xA7\xB3\xF6\n", -1,
      BUD_CATALOG_ERROR_PARSE, 2 },
    { "NUL byte", BUD_SCHEME_FUNCTIONAL, WITH_NUL, sizeof WITH_NUL - 1,
      BUD_CATALOG_ERROR_PARSE, 2 },
    { "CR line ends", BUD_SCHEME_FUNCTIONAL, "201\t一般公共服务支出\r202\t外交支出\rx\ty\r", -1,
      BUD_CATALOG_ERROR_PARSE, 3 },
    { "garbage first line", BUD_SCHEME_FUNCTIONAL, "hello world\n201\t一般公共服务支出\n", -1,
      BUD_CATALOG_ERROR_PARSE, 1 },
    { "empty", BUD_SCHEME_FUNCTIONAL, "", -1, BUD_CATALOG_ERROR_EMPTY, 0 },
    { "header only", BUD_SCHEME_FUNCTIONAL, "\xEF\xBB\xBF科目编码,科目名称\r\n# nothing\r\n\r\n", -1,
      BUD_CATALOG_ERROR_EMPTY, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(BudCatalog) catalog = bud_catalog_copy (NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) before = bud_catalog_search (catalog, bad[i].scheme, "", 0);
      g_autoptr(GPtrArray) after = NULL;
      const BudCatalogEntry *e201 = bud_catalog_lookup (catalog, BUD_SCHEME_FUNCTIONAL, "201");

      g_test_message ("case: %s", bad[i].label);
      g_assert_false (bud_catalog_import_data (catalog, bad[i].scheme, bad[i].data, bad[i].length, &error));
      g_assert_error (error, BUD_CATALOG_ERROR, bad[i].code);
      if (bad[i].line > 0)
        {
          g_autofree char *where = g_strdup_printf ("Line %u", bad[i].line);

          if (strstr (error->message, where) == NULL)
            g_error ("%s: “%s” does not name line %u", bad[i].label, error->message, bad[i].line);
        }

      /* all or nothing: the good lines before the bad one were not added */
      after = bud_catalog_search (catalog, bad[i].scheme, "", 0);
      g_assert_cmpuint (after->len, ==, before->len);
      for (guint j = 0; j < after->len; j++)
        g_assert_true (g_ptr_array_index (after, j) == g_ptr_array_index (before, j));
      g_assert_true (bud_catalog_lookup (catalog, BUD_SCHEME_FUNCTIONAL, "201") == e201);
    }
}

static void
test_import_all_or_nothing (void)
{
  g_autoptr(BudCatalog) catalog = bud_catalog_copy (NULL);
  g_autoptr(GError) error = NULL;

  /* renames and new codes before the bad line must not land */
  g_assert_false (bud_catalog_import_data (catalog, BUD_SCHEME_FUNCTIONAL,
                                           "2010350\t改名\n2019901\t新项\n201990X\t坏\n", -1, &error));
  g_assert_error (error, BUD_CATALOG_ERROR, BUD_CATALOG_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "Line 3"));
  g_assert_cmpstr (name_of (catalog, BUD_SCHEME_FUNCTIONAL, "2010350"), ==, "事业运行");
  g_assert_null (bud_catalog_lookup (catalog, BUD_SCHEME_FUNCTIONAL, "2019901"));
}

static void
test_import_hostile (void)
{
  g_autoptr(BudCatalog) catalog = bud_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  gsize huge = 1024 * 1024;
  char *data = g_malloc (huge + 1);
  char *p;

  /* one enormous line */
  memset (data, '2', huge);
  data[huge] = '\0';
  g_assert_false (bud_catalog_import_data (catalog, BUD_SCHEME_FUNCTIONAL, data, -1, &error));
  g_assert_error (error, BUD_CATALOG_ERROR, BUD_CATALOG_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "Line 1"));
  g_assert_cmpuint (strlen (error->message), <, 500);
  g_clear_error (&error);

  /* a very long code in a line of normal length: quoted briefly */
  p = g_strnfill (5000, '7');
  g_assert_false (bud_catalog_import_data (catalog, BUD_SCHEME_FUNCTIONAL, p, -1, &error));
  g_assert_error (error, BUD_CATALOG_ERROR, BUD_CATALOG_ERROR_PARSE);
  g_assert_cmpuint (strlen (error->message), <, 500);
  g_clear_error (&error);
  g_free (p);

  /* random bytes, and random mixes of the characters the parser cares
   * about: refused or accepted, never a crash */
  for (guint round = 0; round < 2000; round++)
    {
      static const char alphabet[] = "0123456789\t,\"\r\n #[]【】 事业a\xEF\xBB\xBF";
      gsize len = g_rand_int_range (rand, 0, 200);

      for (gsize i = 0; i < len; i++)
        data[i] = round % 2 ? (char) g_rand_int_range (rand, 0, 256)
                            : alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      if (bud_catalog_import_data (catalog, BUD_SCHEME_FUNCTIONAL, data, len, &error))
        g_assert_no_error (error);
      else
        {
          g_assert_nonnull (error);
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
          g_clear_error (&error);
        }
    }

  /* whatever got in is well-formed */
  {
    g_autoptr(GPtrArray) all = bud_catalog_search (catalog, BUD_SCHEME_FUNCTIONAL, "", 0);

    for (guint i = 0; i < all->len; i++)
      {
        const BudCatalogEntry *e = g_ptr_array_index (all, i);

        g_assert_cmpint (bud_code_level (BUD_SCHEME_FUNCTIONAL, e->code), !=, BUD_CODE_LEVEL_NONE);
        g_assert_true (g_utf8_validate (e->name, -1, NULL));
        g_assert_cmpstr (e->name, !=, "");
      }
  }
  g_free (data);
}

static void
test_import_file (void)
{
  g_autoptr(BudCatalog) catalog = bud_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bud-catalog-XXXXXX", &error);
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *missing = NULL;

  g_assert_no_error (error);
  good = g_build_filename (dir, "catalog.csv", NULL);
  bad = g_build_filename (dir, "broken.tsv", NULL);
  missing = g_build_filename (dir, "missing.csv", NULL);

  g_assert_true (g_file_set_contents (good, "科目编码,科目名称\r\n30227,委托业务费\r\n", -1, &error));
  g_assert_true (g_file_set_contents (bad, "30227\t委托业务费\n3022\t坏\n", -1, &error));

  g_assert_true (bud_catalog_import_file (catalog, BUD_SCHEME_ECONOMIC, good, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (name_of (catalog, BUD_SCHEME_ECONOMIC, "30227"), ==, "委托业务费");

  /* the message names the file and the line */
  g_assert_false (bud_catalog_import_file (catalog, BUD_SCHEME_ECONOMIC, bad, &error));
  g_assert_error (error, BUD_CATALOG_ERROR, BUD_CATALOG_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "broken.tsv"));
  g_assert_nonnull (strstr (error->message, "Line 2"));
  g_clear_error (&error);

  g_assert_false (bud_catalog_import_file (catalog, BUD_SCHEME_ECONOMIC, missing, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  g_unlink (good);
  g_unlink (bad);
  g_rmdir (dir);
}

static void
test_copy (void)
{
  g_autoptr(BudCatalog) copy = bud_catalog_copy (bud_catalog_get_default ());
  g_autoptr(BudCatalog) copy2 = NULL;
  g_autoptr(GPtrArray) a = bud_catalog_search (NULL, BUD_SCHEME_ECONOMIC, "", 0);
  g_autoptr(GPtrArray) b = bud_catalog_search (copy, BUD_SCHEME_ECONOMIC, "", 0);
  const BudCatalogEntry *before;

  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const BudCatalogEntry *x = g_ptr_array_index (a, i);
      const BudCatalogEntry *y = g_ptr_array_index (b, i);

      g_assert_cmpstr (x->code, ==, y->code);
      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpint (x->level, ==, y->level);
    }

  /* a copy of a copy carries the imports; the source keeps its own */
  assert_import_ok (copy, BUD_SCHEME_ECONOMIC, "39998\t测试款\n", -1);
  copy2 = bud_catalog_copy (copy);
  g_assert_cmpstr (name_of (copy2, BUD_SCHEME_ECONOMIC, "39998"), ==, "测试款");
  before = bud_catalog_lookup (copy, BUD_SCHEME_ECONOMIC, "39998");
  assert_import_ok (copy2, BUD_SCHEME_ECONOMIC, "39998\t改过\n", -1);
  g_assert_cmpstr (name_of (copy, BUD_SCHEME_ECONOMIC, "39998"), ==, "测试款");
  g_assert_true (bud_catalog_lookup (copy, BUD_SCHEME_ECONOMIC, "39998") == before);
  g_assert_null (bud_catalog_lookup (NULL, BUD_SCHEME_ECONOMIC, "39998"));

  /* ref/unref keep a catalog alive; the default survives any of it */
  bud_catalog_unref (bud_catalog_ref (copy));
  bud_catalog_unref (bud_catalog_ref (bud_catalog_get_default ()));
  bud_catalog_unref (bud_catalog_get_default ());
  g_assert_cmpstr (name_of (NULL, BUD_SCHEME_ECONOMIC, "301"), ==, "工资福利支出");
}

/* An entry handed out stays readable after an import renames its code. */
static void
test_entry_lifetime (void)
{
  g_autoptr(BudCatalog) catalog = bud_catalog_copy (NULL);
  const BudCatalogEntry *old = bud_catalog_lookup (catalog, BUD_SCHEME_FUNCTIONAL, "2010350");
  const char *old_name = bud_catalog_name (catalog, NULL, BUD_SCHEME_FUNCTIONAL, "2010350");

  assert_import_ok (catalog, BUD_SCHEME_FUNCTIONAL, "2010350\t事业运行（改）\n", -1);
  g_assert_cmpstr (old->name, ==, "事业运行");
  g_assert_cmpstr (old_name, ==, "事业运行");
  g_assert_cmpstr (name_of (catalog, BUD_SCHEME_FUNCTIONAL, "2010350"), ==, "事业运行（改）");
}

/* ---- names with a document ---- */

static gint64
add_custom (BudDocument *doc,
            BudScheme    scheme,
            const char  *code,
            const char  *name)
{
  g_autoptr(GError) error = NULL;
  BudCustomCode *cc = bud_entity_new (BUD_KIND_CUSTOM_CODE);
  BudCustomCode *in;

  cc->scheme = scheme;
  g_free (cc->code);
  cc->code = g_strdup (code);
  g_free (cc->name);
  cc->name = g_strdup (name);
  in = bud_document_insert (doc, BUD_KIND_CUSTOM_CODE, cc, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (in);
  return in->id;
}

static void
test_name_custom (void)
{
  g_autoptr(BudDocument) doc = bud_document_new ();
  g_autoptr(GError) error = NULL;
  BudCatalog *catalog = bud_catalog_get_default ();
  gint64 id;

  /* no custom codes: the catalog answers */
  g_assert_cmpstr (bud_catalog_name (catalog, doc, BUD_SCHEME_FUNCTIONAL, "2010350"), ==, "事业运行");
  g_assert_cmpstr (bud_catalog_name (catalog, NULL, BUD_SCHEME_FUNCTIONAL, "2010350"), ==, "事业运行");
  g_assert_null (bud_catalog_name (catalog, doc, BUD_SCHEME_FUNCTIONAL, "2019901"));
  g_assert_null (bud_catalog_name (catalog, doc, BUD_SCHEME_FUNCTIONAL, NULL));

  id = add_custom (doc, BUD_SCHEME_FUNCTIONAL, "2010350", "事业运行（本地口径）");
  add_custom (doc, BUD_SCHEME_FUNCTIONAL, "2019901", "本地专项");
  add_custom (doc, BUD_SCHEME_ECONOMIC, "30299", "其他商品和服务支出（本地）");

  /* the document's codes win over the catalog, per scheme */
  g_assert_cmpstr (bud_catalog_name (catalog, doc, BUD_SCHEME_FUNCTIONAL, "2010350"), ==, "事业运行（本地口径）");
  g_assert_cmpstr (bud_catalog_name (catalog, doc, BUD_SCHEME_FUNCTIONAL, "2019901"), ==, "本地专项");
  g_assert_null (bud_catalog_name (catalog, doc, BUD_SCHEME_ECONOMIC, "2019901"));
  g_assert_cmpstr (bud_catalog_name (catalog, doc, BUD_SCHEME_ECONOMIC, "30299"), ==, "其他商品和服务支出（本地）");
  g_assert_cmpstr (bud_catalog_name (catalog, doc, BUD_SCHEME_ECONOMIC, "30201"), ==, "办公费");
  /* without the document, the catalog's own name */
  g_assert_cmpstr (bud_catalog_name (catalog, NULL, BUD_SCHEME_FUNCTIONAL, "2010350"), ==, "事业运行");

  /* edits to the custom codes show at once */
  g_assert_true (bud_document_set_text (doc, BUD_KIND_CUSTOM_CODE, id, "name", "事业运行（再改）", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bud_catalog_name (catalog, doc, BUD_SCHEME_FUNCTIONAL, "2010350"), ==, "事业运行（再改）");

  g_assert_true (bud_document_remove (doc, BUD_KIND_CUSTOM_CODE, id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bud_catalog_name (catalog, doc, BUD_SCHEME_FUNCTIONAL, "2010350"), ==, "事业运行");
  g_assert_cmpstr (bud_catalog_name (catalog, doc, BUD_SCHEME_FUNCTIONAL, "2019901"), ==, "本地专项");
}

/* ---- search ---- */

static gboolean
contains_code (GPtrArray  *entries,
               const char *code)
{
  for (guint i = 0; i < entries->len; i++)
    if (strcmp (((const BudCatalogEntry *) g_ptr_array_index (entries, i))->code, code) == 0)
      return TRUE;
  return FALSE;
}

static void
assert_code_order (GPtrArray *entries)
{
  for (guint i = 1; i < entries->len; i++)
    g_assert_cmpstr (((const BudCatalogEntry *) g_ptr_array_index (entries, i - 1))->code, <,
                     ((const BudCatalogEntry *) g_ptr_array_index (entries, i))->code);
}

static void
test_search_code (void)
{
  g_autoptr(GPtrArray) r = bud_catalog_search (NULL, BUD_SCHEME_FUNCTIONAL, "20103", 0);
  g_autoptr(GPtrArray) capped = NULL;
  g_autoptr(GPtrArray) econ = NULL;

  g_assert_cmpuint (r->len, ==, 3);
  g_assert_cmpstr (((const BudCatalogEntry *) g_ptr_array_index (r, 0))->code, ==, "20103");
  g_assert_cmpstr (((const BudCatalogEntry *) g_ptr_array_index (r, 1))->code, ==, "2010350");
  g_assert_cmpstr (((const BudCatalogEntry *) g_ptr_array_index (r, 2))->code, ==, "2010399");

  /* every code under 类 201, the class first, capped */
  capped = bud_catalog_search (NULL, BUD_SCHEME_FUNCTIONAL, " 201 ", 5);
  g_assert_cmpuint (capped->len, ==, 5);
  g_assert_cmpstr (((const BudCatalogEntry *) g_ptr_array_index (capped, 0))->code, ==, "201");
  for (guint i = 0; i < capped->len; i++)
    g_assert_true (g_str_has_prefix (((const BudCatalogEntry *) g_ptr_array_index (capped, i))->code, "201"));
  assert_code_order (capped);

  econ = bud_catalog_search (NULL, BUD_SCHEME_ECONOMIC, "3022", 0);
  g_assert_true (contains_code (econ, "30227"));
  g_assert_false (contains_code (econ, "30101"));
  assert_code_order (econ);
}

static void
test_search_name (void)
{
  g_autoptr(BudCatalog) catalog = bud_catalog_copy (NULL);
  g_autoptr(GPtrArray) r = bud_catalog_search (catalog, BUD_SCHEME_FUNCTIONAL, "事业运行", 0);
  g_autoptr(GPtrArray) one = NULL;
  g_autoptr(GPtrArray) ascii = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) econ = NULL;

  /* 201 03 50 and 201 13 50 are both 事业运行 */
  g_assert_true (contains_code (r, "2010350"));
  g_assert_true (contains_code (r, "2011350"));
  for (guint i = 0; i < r->len; i++)
    g_assert_nonnull (strstr (((const BudCatalogEntry *) g_ptr_array_index (r, i))->name, "事业运行"));
  assert_code_order (r);

  one = bud_catalog_search (catalog, BUD_SCHEME_FUNCTIONAL, "事业运行", 1);
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_true (g_ptr_array_index (one, 0) == g_ptr_array_index (r, 0));

  econ = bud_catalog_search (catalog, BUD_SCHEME_ECONOMIC, "委托", 0);
  g_assert_true (contains_code (econ, "30227"));

  assert_import_ok (catalog, BUD_SCHEME_FUNCTIONAL, "2019902\tPPP Project Fund\n", -1);
  ascii = bud_catalog_search (catalog, BUD_SCHEME_FUNCTIONAL, "ppp project", 0);
  g_assert_cmpuint (ascii->len, ==, 1);
  g_assert_cmpstr (((const BudCatalogEntry *) g_ptr_array_index (ascii, 0))->code, ==, "2019902");

  none = bud_catalog_search (catalog, BUD_SCHEME_FUNCTIONAL, "不存在的名称", 0);
  g_assert_cmpuint (none->len, ==, 0);
}

/* ---- levels ---- */

static void
test_code_level (void)
{
  g_assert_cmpint (bud_code_level (BUD_SCHEME_FUNCTIONAL, "201"), ==, BUD_CODE_LEVEL_CLASS);
  g_assert_cmpint (bud_code_level (BUD_SCHEME_FUNCTIONAL, "20103"), ==, BUD_CODE_LEVEL_SECTION);
  g_assert_cmpint (bud_code_level (BUD_SCHEME_FUNCTIONAL, "2010350"), ==, BUD_CODE_LEVEL_ITEM);
  g_assert_cmpint (bud_code_level (BUD_SCHEME_ECONOMIC, "301"), ==, BUD_CODE_LEVEL_CLASS);
  g_assert_cmpint (bud_code_level (BUD_SCHEME_ECONOMIC, "30101"), ==, BUD_CODE_LEVEL_SECTION);
  /* 经济分类 has no 项 */
  g_assert_cmpint (bud_code_level (BUD_SCHEME_ECONOMIC, "3010101"), ==, BUD_CODE_LEVEL_NONE);

  g_assert_cmpint (bud_code_level (BUD_SCHEME_FUNCTIONAL, NULL), ==, BUD_CODE_LEVEL_NONE);
  g_assert_cmpint (bud_code_level (BUD_SCHEME_FUNCTIONAL, ""), ==, BUD_CODE_LEVEL_NONE);
  g_assert_cmpint (bud_code_level (BUD_SCHEME_FUNCTIONAL, "20"), ==, BUD_CODE_LEVEL_NONE);
  g_assert_cmpint (bud_code_level (BUD_SCHEME_FUNCTIONAL, "2010"), ==, BUD_CODE_LEVEL_NONE);
  g_assert_cmpint (bud_code_level (BUD_SCHEME_FUNCTIONAL, "201035"), ==, BUD_CODE_LEVEL_NONE);
  g_assert_cmpint (bud_code_level (BUD_SCHEME_FUNCTIONAL, "20103501"), ==, BUD_CODE_LEVEL_NONE);
  g_assert_cmpint (bud_code_level (BUD_SCHEME_FUNCTIONAL, "20a"), ==, BUD_CODE_LEVEL_NONE);
  g_assert_cmpint (bud_code_level (BUD_SCHEME_FUNCTIONAL, " 201"), ==, BUD_CODE_LEVEL_NONE);
  /* full-width digits are not codes */
  g_assert_cmpint (bud_code_level (BUD_SCHEME_FUNCTIONAL, "２０１"), ==, BUD_CODE_LEVEL_NONE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/builtin/lookup", test_builtin_lookup);
  g_test_add_func ("/catalog/builtin/classes", test_builtin_classes);
  g_test_add_func ("/catalog/builtin/seed-names", test_builtin_seed_names);
  g_test_add_func ("/catalog/builtin/hierarchy", test_builtin_hierarchy);
  g_test_add_func ("/catalog/import/tsv", test_import_tsv);
  g_test_add_func ("/catalog/import/csv", test_import_csv);
  g_test_add_func ("/catalog/import/bom", test_import_bom);
  g_test_add_func ("/catalog/import/utf16", test_import_utf16);
  g_test_add_func ("/catalog/import/combined", test_import_combined);
  g_test_add_func ("/catalog/import/refuse", test_import_refuse);
  g_test_add_func ("/catalog/import/all-or-nothing", test_import_all_or_nothing);
  g_test_add_func ("/catalog/import/hostile", test_import_hostile);
  g_test_add_func ("/catalog/import/file", test_import_file);
  g_test_add_func ("/catalog/copy", test_copy);
  g_test_add_func ("/catalog/entry-lifetime", test_entry_lifetime);
  g_test_add_func ("/catalog/name/custom", test_name_custom);
  g_test_add_func ("/catalog/search/code", test_search_code);
  g_test_add_func ("/catalog/search/name", test_search_name);
  g_test_add_func ("/catalog/code-level", test_code_level);

  return g_test_run ();
}
