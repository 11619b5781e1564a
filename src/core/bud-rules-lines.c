/* bud-rules-lines.c — each budget line on its own: codes, project link, amount
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One pass over the lines runs every per-line rule. Catalog answers are
 * cached per distinct code: a department has tens of thousands of lines but
 * only a few hundred codes.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bud-check-private.h"

/* The usual 经济 款 ↔ 功能 项 twins (DOMAIN "Usual pairs"): social insurance
 * and housing fund contributions are budgeted on the matching 功能 项. */
typedef struct {
  const char *econ;
  const char *func[2];
} Pair;

static const Pair pairs[] = {
  { "30108", { "2080505", NULL } },       /* 基本养老保险缴费 */
  { "30109", { "2080506", NULL } },       /* 职业年金缴费 */
  { "30110", { "2101101", "2101102" } },  /* 职工基本医疗保险缴费: 行政 / 事业单位医疗 */
  { "30111", { "2101103", NULL } },       /* 公务员医疗补助缴费 */
  { "30113", { "2210201", NULL } },       /* 住房公积金 */
  { "30114", { "2101199", NULL } },       /* 医疗费 */
};

static const Pair *
pair_of_econ (const char *econ)
{
  if (strncmp (econ, "301", 3) != 0)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    if (strcmp (pairs[i].econ, econ) == 0)
      return &pairs[i];
  return NULL;
}

static const Pair *
pair_of_func (const char *func)
{
  if (func[0] != '2' || (func[1] != '0' && func[1] != '1' && func[1] != '2'))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    for (guint j = 0; j < 2 && pairs[i].func[j]; j++)
      if (strcmp (pairs[i].func[j], func) == 0)
        return &pairs[i];
  return NULL;
}

static gboolean
pair_has_func (const Pair *p,
               const char *func)
{
  for (guint j = 0; j < 2 && p->func[j]; j++)
    if (strcmp (p->func[j], func) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_code (const char *code,
         gsize       digits)
{
  gsize n = 0;

  for (; code[n]; n++)
    if (!g_ascii_isdigit (code[n]) || n >= digits)
      return FALSE;
  return n == digits;
}

typedef struct {
  BudScheme   scheme;
  const char *code;
  gint64      first_id;
  guint       first_position;
  guint       n_lines;
  gboolean    known;
} CodeUse;

typedef struct {
  BudCheckRun *run;
  GHashTable  *custom[2];   /* code → code, per scheme */
  GHashTable  *seen;        /* code → CodeUse*; 7- and 5-digit codes cannot collide */
  GPtrArray   *unknown;     /* CodeUse* in first-seen order */
} CodeCheck;

static void
code_check_init (CodeCheck   *cc,
                 BudCheckRun *run)
{
  GPtrArray *customs = bud_document_items (run->doc, BUD_KIND_CUSTOM_CODE);

  cc->run = run;
  cc->custom[0] = g_hash_table_new (g_str_hash, g_str_equal);
  cc->custom[1] = g_hash_table_new (g_str_hash, g_str_equal);
  cc->seen = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  cc->unknown = g_ptr_array_new ();
  for (guint i = 0; i < customs->len; i++)
    {
      BudCustomCode *c = g_ptr_array_index (customs, i);
      if (c->scheme == BUD_SCHEME_FUNCTIONAL || c->scheme == BUD_SCHEME_ECONOMIC)
        g_hash_table_add (cc->custom[c->scheme], c->code);
    }
}

static void
code_check_clear (CodeCheck *cc)
{
  g_hash_table_unref (cc->custom[0]);
  g_hash_table_unref (cc->custom[1]);
  g_hash_table_unref (cc->seen);
  g_ptr_array_unref (cc->unknown);
}

static void
code_check_use (CodeCheck  *cc,
                BudScheme   scheme,
                const char *code,
                BudLine    *line,
                guint       position)
{
  CodeUse *use = g_hash_table_lookup (cc->seen, code);

  if (use == NULL)
    {
      use = g_new0 (CodeUse, 1);
      use->scheme = scheme;
      use->code = code;
      use->first_id = line->id;
      use->first_position = position;
      use->known = g_hash_table_contains (cc->custom[scheme], code) ||
                   bud_catalog_lookup (cc->run->ctx->catalog, scheme, code) != NULL;
      g_hash_table_insert (cc->seen, (gpointer) code, use);
      if (!use->known)
        g_ptr_array_add (cc->unknown, use);
    }
  use->n_lines++;
}

static void
code_check_report (CodeCheck *cc)
{
  for (guint i = 0; i < cc->unknown->len; i++)
    {
      CodeUse *use = g_ptr_array_index (cc->unknown, i);
      const char *fmt;

      if (use->scheme == BUD_SCHEME_FUNCTIONAL)
        fmt = g_dngettext (GETTEXT_PACKAGE,
                           "Functional code %s is neither in the catalog nor among the document’s own codes (%u line uses it)",
                           "Functional code %s is neither in the catalog nor among the document’s own codes (%u lines use it)",
                           use->n_lines);
      else
        fmt = g_dngettext (GETTEXT_PACKAGE,
                           "Economic code %s is neither in the catalog nor among the document’s own codes (%u line uses it)",
                           "Economic code %s is neither in the catalog nor among the document’s own codes (%u lines use it)",
                           use->n_lines);
      bud_check_emit (cc->run, "lines.code-unknown", BUD_KIND_LINE, use->first_id,
                      (gint) use->first_position,
                      use->scheme == BUD_SCHEME_FUNCTIONAL ? "func" : "econ",
                      fmt, use->code, use->n_lines);
    }
}

void
bud_rules_lines (BudCheckRun *run)
{
  GPtrArray *lines = bud_document_items (run->doc, BUD_KIND_LINE);
  gboolean use_catalog = run->ctx->catalog != NULL;
  CodeCheck cc = { 0 };

  if (use_catalog)
    code_check_init (&cc, run);

  for (guint i = 0; i < lines->len; i++)
    {
      BudLine *l = g_ptr_array_index (lines, i);
      gboolean func_ok = is_code (l->func, 7);
      gboolean econ_ok = is_code (l->econ, 5);

      if (!func_ok)
        bud_check_emit (run, "lines.code-level", BUD_KIND_LINE, l->id, (gint) i, "func",
                        _("Line %s: functional code “%s” is not an item (项); lines use 7-digit functional codes"),
                        bud_check_line_label (run, l), l->func);
      if (!econ_ok)
        bud_check_emit (run, "lines.code-level", BUD_KIND_LINE, l->id, (gint) i, "econ",
                        _("Line %s: economic code “%s” is not a section (款); lines use 5-digit economic codes"),
                        bud_check_line_label (run, l), l->econ);

      if (use_catalog)
        {
          if (func_ok)
            code_check_use (&cc, BUD_SCHEME_FUNCTIONAL, l->func, l, i);
          if (econ_ok)
            code_check_use (&cc, BUD_SCHEME_ECONOMIC, l->econ, l, i);
        }

      if (func_ok && econ_ok && l->kind == BUD_SPEND_BASIC)
        {
          const Pair *pe = pair_of_econ (l->econ);
          const Pair *pf;

          if (pe != NULL && !pair_has_func (pe, l->func) && pe->func[1] != NULL)
            bud_check_emit (run, "lines.code-pair", BUD_KIND_LINE, l->id, (gint) i, "func",
                            _("Line %s: economic code %s is usually budgeted on functional item %s or %s, not %s"),
                            bud_check_line_label (run, l), l->econ, pe->func[0], pe->func[1], l->func);
          else if (pe != NULL && !pair_has_func (pe, l->func))
            bud_check_emit (run, "lines.code-pair", BUD_KIND_LINE, l->id, (gint) i, "func",
                            _("Line %s: economic code %s is usually budgeted on functional item %s, not %s"),
                            bud_check_line_label (run, l), l->econ, pe->func[0], l->func);
          else if (pe == NULL && (pf = pair_of_func (l->func)) != NULL)
            bud_check_emit (run, "lines.code-pair", BUD_KIND_LINE, l->id, (gint) i, "econ",
                            _("Line %s: functional item %s is usually spent on economic code %s, not %s"),
                            bud_check_line_label (run, l), l->func, pf->econ, l->econ);
        }

      if (l->kind == BUD_SPEND_PROJECT && l->project == 0)
        bud_check_emit (run, "lines.project-link", BUD_KIND_LINE, l->id, (gint) i, "project",
                        _("Line %s is project spending but belongs to no project"),
                        bud_check_line_label (run, l));
      else if (l->kind == BUD_SPEND_BASIC && l->project != 0)
        bud_check_emit (run, "lines.project-link", BUD_KIND_LINE, l->id, (gint) i, "project",
                        _("Line %s is basic spending but belongs to project “%s”"),
                        bud_check_line_label (run, l), bud_check_project_name (run, l->project));

      if (l->amount == 0)
        bud_check_emit (run, "lines.zero", BUD_KIND_LINE, l->id, (gint) i, "amount",
                        _("Line %s has a zero amount"), bud_check_line_label (run, l));
    }

  if (use_catalog)
    {
      code_check_report (&cc);
      code_check_clear (&cc);
    }
}
