/* bud-test-doc.c — small document helpers the core tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bud-jsonio.h"
#include "bud-test-doc.h"

char *
bud_test_example_path (void)
{
  const char *root = g_getenv ("BUD_SOURCE_ROOT");

  return g_build_filename (root ? root : ".", "data", "examples", "changji-2026.json", NULL);
}

BudDocument *
bud_test_load_example (void)
{
  g_autofree char *path = bud_test_example_path ();
  g_autoptr(GError) error = NULL;
  BudDocument *doc = bud_json_read_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  bud_document_clear_history (doc);
  return doc;
}

gpointer
bud_test_insert (BudDocument *doc,
                 BudKind      kind,
                 gpointer     entity)
{
  g_autoptr(GError) error = NULL;
  gpointer e = bud_document_insert (doc, kind, entity, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (e);
  return e;
}

void
bud_test_set_field_text (gpointer    entity,
                         BudKind     kind,
                         const char *field,
                         const char *value)
{
  bud_field_set_text (entity, bud_entity_class_field (bud_entity_class (kind), field), value);
}

void
bud_test_set_int (BudDocument *doc,
                  BudKind      kind,
                  gint64       id,
                  const char  *field,
                  gint64       value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bud_document_set_int (doc, kind, id, field, value, &error));
  g_assert_no_error (error);
}

void
bud_test_set_text (BudDocument *doc,
                   BudKind      kind,
                   gint64       id,
                   const char  *field,
                   const char  *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bud_document_set_text (doc, kind, id, field, value, &error));
  g_assert_no_error (error);
}

gint64
bud_test_add_line (BudDocument  *doc,
                   gint64        unit,
                   const char   *func,
                   const char   *econ,
                   BudSpendKind  kind,
                   gint64        project,
                   BudSource     source,
                   gint64        carryover,
                   gint64        amount)
{
  BudLine *l = bud_entity_new (BUD_KIND_LINE);

  l->unit = unit;
  bud_test_set_field_text (l, BUD_KIND_LINE, "func", func);
  bud_test_set_field_text (l, BUD_KIND_LINE, "econ", econ);
  l->kind = kind;
  l->project = project;
  l->source = source;
  l->carryover = carryover;
  l->amount = amount;
  return ((BudLine *) bud_test_insert (doc, BUD_KIND_LINE, l))->id;
}

char *
bud_test_spawn (const char * const *argv,
                int                *status)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int st = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &st, &error);
  g_assert_no_error (error);
  if (status)
    *status = st;
  else
    g_assert_true (g_spawn_check_wait_status (st, NULL));
  return out;
}

char *
bud_test_strip_spaces (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p) && *p != '\f')
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

void
bud_test_assert_pdf_fonts (const char *path,
                           gboolean    subset)
{
  const char *argv[] = { "pdffonts", path, NULL };
  g_autofree char *out = bud_test_spawn (argv, NULL);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  guint n_fonts = 0, n_cjk = 0;

  /* two heading lines, then: name type encoding emb sub uni object-id generation */
  for (guint i = 2; lines[i]; i++)
    {
      g_auto(GStrv) tok = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      g_autoptr(GPtrArray) words = g_ptr_array_new ();

      if (*lines[i] == '\0')
        continue;
      for (guint k = 0; tok[k]; k++)
        if (*tok[k])
          g_ptr_array_add (words, tok[k]);
      g_assert_cmpuint (words->len, >=, 6);
      g_assert_cmpstr (g_ptr_array_index (words, words->len - 5), ==, "yes");
      if (subset)
        g_assert_cmpstr (g_ptr_array_index (words, words->len - 3), ==, "yes");
      n_fonts++;
      if (strstr (lines[i], "CJK"))
        n_cjk++;
    }
  g_assert_cmpuint (n_fonts, >, 0);
  g_assert_cmpuint (n_cjk, >, 0);
}
