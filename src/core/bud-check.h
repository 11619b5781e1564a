/* bud-check.h — the rules a reviewer applies to a budget document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A check run applies every rule to the whole document and returns findings:
 * a stable rule id, a severity, a translated message that names the figures,
 * and the object (kind, id) and field at fault, so the UI can jump there and
 * the CLI can print it. The run is cheap enough to repeat after every edit.
 */
#pragma once

#include <glib.h>

#include "bud-catalog.h"
#include "bud-document.h"
#include "bud-template.h"

G_BEGIN_DECLS

typedef enum {
  BUD_SEVERITY_ERROR,     /* the package cannot be published like this */
  BUD_SEVERITY_WARNING,   /* probably wrong; a reviewer will ask */
  BUD_SEVERITY_INFO,      /* worth knowing, nothing to fix */
} BudSeverity;

typedef struct {
  const char  *rule;      /* stable id, e.g. "balance.source" (static) */
  BudSeverity  severity;
  char        *message;   /* translated, names the figures (万元, 2 decimals) */
  BudKind      kind;      /* object at fault; BUD_N_KINDS = the document as a whole */
  gint64       id;        /* its id; 0 = an object that is missing (e.g. no income row) */
  const char  *field;     /* field name at fault (static), or NULL */
  /* private: sort keys */
  gint         position;  /* index of the object in its list, -1 when missing */
  guint        order;     /* rule order, then emission order */
} BudFinding;

typedef struct {
  const char  *id;
  BudSeverity  severity;
  const char  *description;   /* English, marked N_(): pass through _() to show */
} BudRuleInfo;

typedef struct {
  BudCatalog          *catalog;          /* NULL: code-existence rules are skipped */
  gint64               expected_weight;  /* Σ indicator weights per table, hundredths; 0 = do not check */
  const char * const  *required_level1;  /* 一级 categories each project table must have; NULL = skip */
  BudTemplate         *tpl;              /* for rules that need the derived tables (narrative.stale);
                                            NULL: the document's own template is loaded when needed */
} BudCheckContext;

/* The 一级 categories of the 财预〔2021〕101号 framework, NULL-terminated. */
extern const char * const bud_check_level1_2021[];

/* Findings (BudFinding*, owned by the array), errors first, then warnings and
 * infos; within a severity by kind (dependency order) and position in the list. */
/* Fills @ctx for a document of @tpl (weights, required 一级) and the default
 * catalog; @ctx borrows from @tpl, which must outlive it. */
void                bud_check_context_init (BudCheckContext       *ctx,
                                            BudTemplate           *tpl);

GPtrArray          *bud_check_run          (BudDocument           *doc,
                                            const BudCheckContext *ctx);
const BudRuleInfo  *bud_check_rules        (guint                 *n);
const BudRuleInfo  *bud_check_rule_lookup  (const char            *id);

guint               bud_check_count        (GPtrArray             *findings,
                                            BudSeverity            severity);
const char         *bud_severity_to_string (BudSeverity            severity);   /* "error", "warning", "info" */
const char         *bud_severity_label     (BudSeverity            severity);   /* translated */
/* Where a finding points, in words a reviewer recognises ("Expenditure line 12 (2010350 × 30101)"). */
char               *bud_finding_describe_location (BudDocument *doc,
                                                   const BudFinding *finding);
void                bud_finding_free       (BudFinding            *finding);

/* This year's figure of a comparative measure key (see the exchange format):
 * income.<source>/total = 控制数; expense.total/basic/project = all lines;
 * general.* and general.func.<项> = lines of 一般公共预算 (本级 and 上级转移支付,
 * without 结转); sangong.* = this year's 财政拨款 lines (without 结转, as 表10
 * prints them) on 30212 / 30217 / 31013+30913 / 30231, basic and project;
 * entrusted.total = this year's 财政拨款 on 30227 (表11);
 * running.total = 公用经费 of 财政拨款 basic lines (not 301/303).
 * FALSE for a key that names no figure we know. The sums are kept on the
 * document between calls and check runs: after no edit, or only amount
 * edits, a call costs a look-up; after other edits, one pass over the lines. */
gboolean            bud_check_measure_value (BudDocument          *doc,
                                             const char           *measure,
                                             gint64               *out_value);

/* Helpers shared with the views */
const char         *bud_source_label       (BudSource              source);   /* translated */
gboolean            bud_source_is_fiscal   (BudSource              source);   /* 财政拨款, incl. its 结转 */
gboolean            bud_source_is_carry    (BudSource              source);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudFinding, bud_finding_free)

G_END_DECLS
