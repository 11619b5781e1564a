/* bud-pivot.h — derive the disclosure tables of a template from a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One engine for every table: each table of the template is a pivot of the
 * budget lines (and, for income rows, of the income control numbers). The
 * sums are kept with the document between builds and only the lines that
 * changed are redone, so the whole package can be rebuilt after every edit;
 * a table that did not change is returned again (another reference), so
 * treat the tables as read-only.
 */
#pragma once

#include <glib.h>

#include "bud-catalog.h"
#include "bud-document.h"
#include "bud-table.h"
#include "bud-template.h"

G_BEGIN_DECLS

/* Names of codes come from @cat (NULL: the built-in catalog) and the document's
 * custom codes; an unknown code shows as the code itself. */
BudTable   *bud_pivot_build      (BudTemplate  *tpl,
                                  guint         table_index,
                                  BudDocument  *doc,
                                  BudCatalog   *cat,
                                  GError      **error);
/* All tables of @tpl, in template order (BudTable *, owned by the array). */
GPtrArray  *bud_pivot_build_all  (BudTemplate  *tpl,
                                  BudDocument  *doc,
                                  BudCatalog   *cat,
                                  GError      **error);

G_END_DECLS
