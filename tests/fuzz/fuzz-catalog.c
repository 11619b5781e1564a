/* fuzz-catalog.c — libFuzzer target for catalog import (TSV/CSV code lists)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte picks the scheme, the rest is the file. Whatever the file:
 * no crash, and all or nothing — a refused import leaves the (empty)
 * catalog empty, an accepted one can be imported again with the same result.
 */
#include "config.h"

#include <glib.h>

#include "bud-catalog.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static guint
count_entries (BudCatalog *catalog,
               BudScheme   scheme)
{
  guint n = 0;

  for (BudCodeLevel level = BUD_CODE_LEVEL_CLASS; level <= BUD_CODE_LEVEL_ITEM; level++)
    {
      g_autoptr(GPtrArray) list = bud_catalog_list (catalog, scheme, level);

      n += list->len;
    }
  return n;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(BudCatalog) catalog = bud_catalog_new ();
  g_autoptr(GError) error = NULL;
  BudScheme scheme;
  guint first;

  if (size == 0)
    return 0;
  scheme = (data[0] & 1) ? BUD_SCHEME_ECONOMIC : BUD_SCHEME_FUNCTIONAL;

  if (!bud_catalog_import_data (catalog, scheme, (const char *) data + 1, (gssize) size - 1, &error))
    {
      g_assert (error != NULL);
      g_assert (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpuint (count_entries (catalog, scheme), ==, 0);
      return 0;
    }
  first = count_entries (catalog, scheme);
  g_assert (bud_catalog_import_data (catalog, scheme, (const char *) data + 1, (gssize) size - 1, NULL));
  g_assert_cmpuint (count_entries (catalog, scheme), ==, first);
  return 0;
}
