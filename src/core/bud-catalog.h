/* bud-catalog.h — classification code lists (支出功能分类, 经济分类)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The built-in lists come from data/catalog/ (compiled into a GResource). The
 * official catalog changes every year, so a user can import one (TSV or CSV),
 * and a document can carry codes of its own (BUD_KIND_CUSTOM_CODE), which win.
 */
#pragma once

#include <glib.h>

#include "bud-document.h"

G_BEGIN_DECLS

#define BUD_CATALOG_ERROR (bud_catalog_error_quark ())

typedef enum {
  BUD_CATALOG_ERROR_PARSE,      /* a line of an imported file is malformed */
  BUD_CATALOG_ERROR_EMPTY,      /* an imported file has no codes */
} BudCatalogError;

typedef enum {
  BUD_CODE_LEVEL_NONE,
  BUD_CODE_LEVEL_CLASS,     /* 类: 3 digits */
  BUD_CODE_LEVEL_SECTION,   /* 款: 5 digits */
  BUD_CODE_LEVEL_ITEM,      /* 项: 7 digits (功能分类 only) */
} BudCodeLevel;

typedef struct {
  int           scheme;   /* BudScheme */
  const char   *code;
  const char   *name;
  BudCodeLevel  level;
} BudCatalogEntry;

typedef struct _BudCatalog BudCatalog;

GQuark           bud_catalog_error_quark   (void);

/* The built-in catalog; shared, never freed. */
BudCatalog      *bud_catalog_get_default   (void);

BudCatalog      *bud_catalog_new           (void);
BudCatalog      *bud_catalog_ref           (BudCatalog *self);
void             bud_catalog_unref         (BudCatalog *self);

/* Adds or replaces entries from TSV or CSV text (columns code, name[, level…];
 * '#' comment lines and a header row are allowed; UTF-8 with or without BOM).
 * All or nothing: on error the catalog is unchanged and the message names the line. */
gboolean         bud_catalog_import_data   (BudCatalog   *self,
                                            BudScheme     scheme,
                                            const char   *data,
                                            gssize        length,
                                            GError      **error);
gboolean         bud_catalog_import_file   (BudCatalog   *self,
                                            BudScheme     scheme,
                                            const char   *path,
                                            GError      **error);
/* A copy of the default catalog that imports may extend without touching the default. */
BudCatalog      *bud_catalog_copy          (BudCatalog   *self);

const BudCatalogEntry *bud_catalog_lookup  (BudCatalog   *self,
                                            BudScheme     scheme,
                                            const char   *code);
/* Name of a code: the document's custom codes first, then the catalog; NULL if unknown. */
const char      *bud_catalog_name          (BudCatalog   *self,
                                            BudDocument  *doc,
                                            BudScheme     scheme,
                                            const char   *code);
/* Entries whose code starts with, or whose name contains, @query (for pickers), in code order. */
GPtrArray       *bud_catalog_search        (BudCatalog   *self,
                                            BudScheme     scheme,
                                            const char   *query,
                                            guint         max_results);
/* All entries of a scheme at a level, in code order (e.g. the 30 功能分类 类 of 表1). */
GPtrArray       *bud_catalog_list          (BudCatalog   *self,
                                            BudScheme     scheme,
                                            BudCodeLevel  level);

BudCodeLevel     bud_code_level            (BudScheme     scheme,
                                            const char   *code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudCatalog, bud_catalog_unref)

G_END_DECLS
