/* test-texts.c — the Texts page: glossary, own section texts, purposes, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "bud-narrative.h"
#include "bud-text-binding.h"
#include "bud-texts-page.h"
#include "bud-ui-test.h"
#include "bud-window.h"

/* longer than the bindings' pause before a store */
#define STORE_WAIT_MS 800

static BudTextsPage *
texts_page (BudWindow *win)
{
  return BUD_TEXTS_PAGE (bud_window_get_section (win, "texts"));
}

static char *
view_text (GtkWidget *view)
{
  GtkTextBuffer *buf = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buf, &start, &end);
  return gtk_text_buffer_get_text (buf, &start, &end, FALSE);
}

/* As typing does: the buffer changes, then the pause passes. */
static void
type_into_view (GtkWidget  *view,
                const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  bud_ui_test_wait_ms (STORE_WAIT_MS);
  bud_ui_test_pump ();
}

static void
undo (BudWindow *win)
{
  gtk_widget_activate_action (GTK_WIDGET (win), "win.undo", NULL);
  bud_ui_test_pump ();
}

static BudText *
find_text (BudDocument *doc,
           const char  *key)
{
  GPtrArray *texts = bud_document_items (doc, BUD_KIND_TEXT);

  for (guint i = 0; i < texts->len; i++)
    if (g_str_equal (((BudText *) g_ptr_array_index (texts, i))->key, key))
      return g_ptr_array_index (texts, i);
  return NULL;
}

static BudNarrativeSection *
find_section (GPtrArray  *sections,
              const char *id)
{
  for (guint i = 0; i < sections->len; i++)
    if (g_str_equal (((BudNarrativeSection *) g_ptr_array_index (sections, i))->id, id))
      return g_ptr_array_index (sections, i);
  return NULL;
}

static gboolean
shown (GtkWidget *widget)
{
  return gtk_widget_get_visible (widget) && gtk_widget_get_mapped (widget);
}

static void
click (GtkWidget *button)
{
  g_assert_true (shown (button));
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  bud_ui_test_pump ();
}

/* Typing in the glossary stores it as one undo step; undo shows the old text again. */
static void
test_glossary_edit_undo (void)
{
  BudWindow *win = bud_ui_test_open_example ("texts");
  BudDocument *doc = bud_window_get_document (win);
  GtkWidget *view = bud_texts_page_get_glossary_view (texts_page (win));
  g_autofree char *before = g_strdup (bud_document_get_text (doc, "glossary"));
  g_autofree char *edited = NULL;
  g_autofree char *after_undo = NULL;
  g_autofree char *shown_text = NULL;

  g_assert_nonnull (before);
  shown_text = view_text (view);
  g_assert_cmpstr (shown_text, ==, before);

  edited = g_strconcat (before, "\n十、测试名词：仅用于测试。", NULL);
  type_into_view (view, edited);
  g_assert_cmpstr (bud_document_get_text (doc, "glossary"), ==, edited);

  undo (win);
  g_assert_cmpstr (bud_document_get_text (doc, "glossary"), ==, before);
  after_undo = view_text (view);
  g_assert_cmpstr (after_undo, ==, before);
  bud_ui_test_close_window (win);
}

/* Without a glossary of its own the standard one shows; the first edit creates
 * the text, and undoing it removes it again. */
static void
test_glossary_standard (void)
{
  BudWindow *win = bud_ui_test_open_example ("texts");
  BudDocument *doc = bud_window_get_document (win);
  BudTextsPage *page = texts_page (win);
  GtkWidget *view = bud_texts_page_get_glossary_view (page);
  g_autofree char *standard = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *after_undo = NULL;
  GtkWidget *reset = bud_texts_page_get_reset_glossary_button (page);

  g_assert_nonnull (find_text (doc, "glossary"));
  click (reset);
  g_assert_null (find_text (doc, "glossary"));
  standard = view_text (view);
  g_assert_cmpstr (standard, ==, bud_narrative_default_glossary ());
  g_assert_false (gtk_widget_get_sensitive (reset));

  edited = g_strconcat ("一、自定义：", bud_narrative_default_glossary (), NULL);
  type_into_view (view, edited);
  g_assert_cmpstr (bud_document_get_text (doc, "glossary"), ==, edited);

  undo (win);
  g_assert_null (find_text (doc, "glossary"));
  after_undo = view_text (view);
  g_assert_cmpstr (after_undo, ==, bud_narrative_default_glossary ());
  bud_ui_test_close_window (win);
}

/* Own text for 3.1: stored as the override the narrative prints; an amount it
 * quotes changes → the stale warning; "Use Generated Text" → both gone. */
static void
test_own_section_text (void)
{
  BudWindow *win = bud_ui_test_open_example ("texts");
  BudDocument *doc = bud_window_get_document (win);
  BudTextsPage *page = texts_page (win);
  BudTextSections *sections = bud_texts_page_get_sections (page);
  GtkWidget *own = bud_text_sections_get_own_view (sections);
  GtkWidget *warning = bud_text_sections_get_stale_warning (sections);
  g_autoptr(GPtrArray) narrative = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *generated = NULL;
  g_autofree char *generated_after = NULL;
  const char *mine = "本部门2026年收支总预算247.42万元，全部纳入部门预算管理。";
  BudIncome *income;
  BudNarrativeSection *s;

  bud_texts_page_show_tab (page, "sections");
  bud_ui_test_pump ();
  g_assert_true (bud_text_sections_select (sections, "3.1"));
  generated = g_strdup (bud_text_sections_get_generated (sections));
  g_assert_nonnull (strstr (generated, "247.42"));
  g_assert_false (shown (own));
  g_assert_false (shown (warning));

  click (bud_text_sections_get_write_button (sections));
  g_assert_cmpstr (bud_document_get_text (doc, "narrative.3.1"), ==, generated);
  g_assert_nonnull (bud_document_get_text (doc, "narrative.3.1.basis"));
  g_assert_true (shown (own));

  type_into_view (own, mine);
  g_assert_cmpstr (bud_document_get_text (doc, "narrative.3.1"), ==, mine);
  narrative = bud_narrative_build (doc, NULL, &error);
  g_assert_no_error (error);
  s = find_section (narrative, "3.1");
  g_assert_true (s->overridden);
  g_assert_false (s->stale);
  g_assert_cmpstr (s->body, ==, mine);
  bud_window_get_summary (win);
  g_assert_false (shown (warning));

  /* 收支总预算 follows the income: 100 元 more makes the own text stale */
  income = bud_document_find_income (doc, BUD_SOURCE_GENERAL);
  g_assert_true (bud_document_set_int (doc, BUD_KIND_INCOME, income->id, "amount",
                                       income->amount + 10000, &error));
  g_assert_no_error (error);
  bud_window_get_summary (win);
  bud_ui_test_pump ();
  g_assert_true (shown (warning));
  /* both texts to compare: the user's, and today's generated one */
  generated_after = g_strdup (bud_text_sections_get_generated (sections));
  g_assert_cmpstr (generated_after, !=, generated);
  g_assert_cmpstr (generated_after, !=, mine);
  g_assert_true (shown (own));
  {
    g_autofree char *still_mine = view_text (own);
    g_assert_cmpstr (still_mine, ==, mine);
  }

  click (bud_text_sections_get_revert_button (sections));
  g_assert_null (find_text (doc, "narrative.3.1"));
  g_assert_null (find_text (doc, "narrative.3.1.basis"));
  bud_window_get_summary (win);
  bud_ui_test_pump ();
  g_assert_false (shown (warning));
  g_assert_false (shown (own));
  g_clear_pointer (&narrative, g_ptr_array_unref);
  narrative = bud_narrative_build (doc, NULL, &error);
  g_assert_no_error (error);
  s = find_section (narrative, "3.1");
  g_assert_false (s->overridden);
  g_assert_cmpstr (s->body, ==, generated_after);
  bud_ui_test_close_window (win);
}

static gboolean
has_purpose_finding (const BudSummary *summary,
                     const char       *key)
{
  for (guint i = 0; i < summary->findings->len; i++)
    {
      BudFinding *f = g_ptr_array_index (summary->findings, i);

      if (g_str_equal (f->rule, "text.purpose") && f->kind == BUD_KIND_TEXT && g_strcmp0 (f->field, key) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A class with fiscal money and no purpose is flagged at its row; what is
 * typed there is stored under purpose.<code> and the flag goes. */
static void
test_purposes (void)
{
  BudWindow *win = bud_ui_test_open_example ("texts");
  BudDocument *doc = bud_window_get_document (win);
  BudTextsPage *page = texts_page (win);
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  bud_texts_page_show_tab (page, "purposes");
  bud_ui_test_pump ();
  /* 213 has no fiscal money in the example: no row */
  g_assert_null (bud_texts_page_get_purpose_row (page, "213"));
  row = bud_texts_page_get_purpose_row (page, "210");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, bud_document_get_text (doc, "purpose.210"));
  g_assert_false (bud_texts_page_purpose_is_flagged (page, "210"));

  g_assert_false (has_purpose_finding (bud_window_get_summary (win), "purpose.210"));

  /* the flag is the check's: its finding and the row's mark come and go together */
  g_assert_true (bud_document_remove (doc, BUD_KIND_TEXT, find_text (doc, "purpose.210")->id, &error));
  g_assert_no_error (error);
  g_assert_true (has_purpose_finding (bud_window_get_summary (win), "purpose.210"));
  bud_ui_test_pump ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  g_assert_true (bud_texts_page_purpose_is_flagged (page, "210"));
  g_assert_false (bud_texts_page_purpose_is_flagged (page, "201"));

  bud_ui_test_type_and_enter (row, "缴纳职工基本医疗保险");
  g_assert_cmpstr (bud_document_get_text (doc, "purpose.210"), ==, "缴纳职工基本医疗保险");
  g_assert_false (has_purpose_finding (bud_window_get_summary (win), "purpose.210"));
  bud_ui_test_pump ();
  g_assert_false (bud_texts_page_purpose_is_flagged (page, "210"));

  /* a purpose continues a sentence: a line break (pasted) is refused and not stored */
  gtk_editable_set_text (GTK_EDITABLE (row), "缴纳\n医疗保险");
  g_assert_false (bud_text_binding_commit (bud_text_binding_get (row)));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (bud_document_get_text (doc, "purpose.210"), ==, "缴纳职工基本医疗保险");
  bud_ui_test_close_window (win);
}

/* A finding on a text brings its editor into view with the focus in it. */
static void
test_show_location (void)
{
  BudWindow *win = bud_ui_test_open_example ("texts");
  BudDocument *doc = bud_window_get_document (win);
  BudTextsPage *page = texts_page (win);
  GtkWidget *other = bud_texts_page_get_other_matters_view (page);
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  bud_window_show_section (win, "overview");
  bud_ui_test_pump ();
  bud_window_show_location (win, BUD_KIND_TEXT, find_text (doc, "other_matters")->id, "value");
  bud_ui_test_pump ();
  g_assert_cmpstr (bud_window_get_visible_section (win), ==, "texts");
  g_assert_true (shown (other));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (win)), other) ||
                 gtk_root_get_focus (GTK_ROOT (win)) == other);

  /* a purpose not written yet: named by its key */
  g_assert_true (bud_document_remove (doc, BUD_KIND_TEXT, find_text (doc, "purpose.221")->id, &error));
  bud_window_show_section (win, "overview");
  bud_ui_test_pump ();
  bud_window_show_location (win, BUD_KIND_TEXT, 0, "purpose.221");
  bud_ui_test_pump ();
  row = bud_texts_page_get_purpose_row (page, "221");
  g_assert_true (shown (row));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (win)), row));

  /* an own section text: its section is selected */
  g_assert_true (bud_narrative_override (doc, NULL, "3.2", "自己的说明。", &error));
  g_assert_no_error (error);
  bud_window_show_section (win, "overview");
  bud_ui_test_pump ();
  bud_window_show_location (win, BUD_KIND_TEXT, find_text (doc, "narrative.3.2")->id, "value");
  bud_ui_test_pump ();
  g_assert_cmpstr (bud_text_sections_get_selected (bud_texts_page_get_sections (page)), ==, "3.2");
  g_assert_true (shown (bud_text_sections_get_own_view (bud_texts_page_get_sections (page))));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (win)) == bud_text_sections_get_own_view (bud_texts_page_get_sections (page)));
  bud_ui_test_close_window (win);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/texts/glossary-edit-undo", test_glossary_edit_undo);
  g_test_add_func ("/ui/texts/glossary-standard", test_glossary_standard);
  g_test_add_func ("/ui/texts/own-section-text", test_own_section_text);
  g_test_add_func ("/ui/texts/purposes", test_purposes);
  g_test_add_func ("/ui/texts/show-location", test_show_location);
  return g_test_run ();
}
