/* bud-test-doc.h — small document helpers the core tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each helper asserts that what it does succeeded, so a test reads as the
 * steps it takes and fails at the step that went wrong.
 */
#pragma once

#include <glib.h>

#include "bud-document.h"

G_BEGIN_DECLS

/* data/examples/changji-2026.json under $BUD_SOURCE_ROOT (the current folder without it). */
char         *bud_test_example_path    (void);
/* The example, read from JSON, with nothing to undo. */
BudDocument  *bud_test_load_example    (void);

/* bud_document_insert, asserted; returns the inserted entity (owned by @doc). */
gpointer      bud_test_insert          (BudDocument  *doc,
                                        BudKind       kind,
                                        gpointer      entity);
/* Sets a text field of an entity not yet in a document. */
void          bud_test_set_field_text  (gpointer      entity,
                                        BudKind       kind,
                                        const char   *field,
                                        const char   *value);
/* bud_document_set_int / _set_text, asserted. */
void          bud_test_set_int         (BudDocument  *doc,
                                        BudKind       kind,
                                        gint64        id,
                                        const char   *field,
                                        gint64        value);
void          bud_test_set_text        (BudDocument  *doc,
                                        BudKind       kind,
                                        gint64        id,
                                        const char   *field,
                                        const char   *value);

/* Inserts an expenditure line; returns its id. */
gint64        bud_test_add_line        (BudDocument  *doc,
                                        gint64        unit,
                                        const char   *func,
                                        const char   *econ,
                                        BudSpendKind  kind,
                                        gint64        project,
                                        BudSource     source,
                                        gint64        carryover,
                                        gint64        amount);

/* Runs @argv (searched in PATH), standard error discarded; returns its output.
 * @status NULL: the command must succeed; else its wait status is stored. */
char         *bud_test_spawn           (const char * const *argv,
                                        int                *status);
/* Every font of the PDF at @path is embedded (and, @subset, subsetted), and one
 * of them is a CJK font (pdffonts' table). */
void          bud_test_assert_pdf_fonts (const char  *path,
                                         gboolean     subset);
/* @text without ASCII white space and form feeds (pdftotext breaks lines and
 * pages where the layout does). */
char         *bud_test_strip_spaces    (const char   *text);

G_END_DECLS
