/* bud-narrative.h — the text parts of the package, generated from the figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 第一部分 (profile), 第三部分 (情况说明, 13 sections) and 第四部分 (名词解释) as a
 * flat list of sections in print order. Exports and the preview render them;
 * the user may override any generated section (texts key "narrative.<id>").
 */
#pragma once

#include <glib.h>

#include "bud-document.h"
#include "bud-template.h"

G_BEGIN_DECLS

typedef enum {
  BUD_NARRATIVE_PART1 = 1,   /* 第一部分 部门概况 */
  BUD_NARRATIVE_PART3 = 3,   /* 第三部分 部门预算情况说明 */
  BUD_NARRATIVE_PART4 = 4,   /* 第四部分 名词解释, and the closing signature */
} BudNarrativePart;

typedef struct {
  BudNarrativePart  part;
  char             *id;          /* stable: "1.1" 主要职能, "1.2" 机构设置, "3.1" … "3.12",
                                    "3.13.1" … "3.13.5" (其他重要事项 subsections), "4" 名词解释,
                                    "signature" */
  int               level;       /* 1 = a numbered section (一、…), 2 = a subsection ((一)…) */
  char             *title;       /* as printed, e.g. "一、关于…2026年收支预算情况总体说明"; "" for signature */
  char             *body;        /* paragraphs separated by "\n" */
  char             *generated;   /* what the figures give, even when overridden;
                                    equal to body otherwise */
  gboolean          overridden;  /* the body is the user's own text */
  gboolean          stale;       /* overridden, and the figures it was written against have changed */
  gboolean          performance_tables_after;  /* exports print the performance target tables after it */
  char             *part_title;  /* heading of its part, e.g. "第三部分 2026年部门预算情况说明";
                                    printed before the first section of each part */
} BudNarrativeSection;

/* @tpl NULL: the document's own template (meta template_id). */
GPtrArray  *bud_narrative_build        (BudDocument  *doc,
                                        BudTemplate  *tpl,
                                        GError      **error);   /* of BudNarrativeSection, print order */
/* The same from tables already derived from @doc with @tpl (bud_pivot_build_all),
 * for views that rebuild the tables after each edit anyway: the narrative then
 * costs only its own pass. */
GPtrArray  *bud_narrative_build_with_tables (BudDocument  *doc,
                                             BudTemplate  *tpl,
                                             GPtrArray    *tables,
                                             GError      **error);
char       *bud_narrative_to_text      (GPtrArray    *sections);
void        bud_narrative_section_free (BudNarrativeSection *section);

/* Replace the generated body of section @id by @text: stores texts
 * "narrative.<id>" = @text and "narrative.<id>.basis" = a fingerprint of the
 * figures the generated section quotes now, in one transaction. When the
 * figures change later, the section is built with stale = TRUE and the check
 * rule "narrative.stale" warns. */
gboolean    bud_narrative_override     (BudDocument  *doc,
                                        BudTemplate  *tpl,
                                        const char   *id,
                                        const char   *text,
                                        GError      **error);
/* Back to the generated text: removes both texts (nothing to do is success). */
gboolean    bud_narrative_revert       (BudDocument  *doc,
                                        const char   *id,
                                        GError      **error);
/* A 功能分类 类 that 第三部分 四 lists: one with 财政拨款 money this year in
 * 表4 (财政拨款收支总表). Its sentence ends "，主要用于<text purpose.<code>>". */
typedef struct {
  char    code[4];   /* "201" */
  char   *name;      /* as 表4 prints it, without the code: "一般公共服务支出" */
  gint64  amount;    /* 一般公共预算 + 政府性基金 + 国有资本经营预算 拨款 */
} BudNarrativeClass;

/* The classes in 表4's order: an array of BudNarrativeClass that frees their
 * names; empty when the template has no 表4. @tpl NULL: the document's own
 * template. Derives 表4 only (bud_pivot_build, incremental with one @tpl). */
GArray     *bud_narrative_fiscal_classes (BudDocument  *doc,
                                          BudTemplate  *tpl,
                                          GError      **error);

/* The standard 第四部分 名词解释, used when the document has no "glossary" text. */
const char *bud_narrative_default_glossary (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudNarrativeSection, bud_narrative_section_free)

G_END_DECLS
