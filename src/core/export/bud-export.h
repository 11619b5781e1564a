/* bud-export.h — the disclosure package as PDF, XLSX, HTML and CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A BudExportPackage is everything that is published, in print order: the
 * cover, 目录, 第一部分 (narrative), 第二部分 (the template's tables), 第三部分
 * (narrative, with the performance target tables after the section that asks
 * for them) and 第四部分. It is built once and handed to any writer.
 *
 * Every writer writes to a temporary file beside its target and renames it
 * into place, so a failed export leaves nothing behind and never a
 * half-written file under the target's name.
 */
#pragma once

#include <glib.h>

#include "bud-document.h"
#include "bud-template.h"

G_BEGIN_DECLS

#define BUD_EXPORT_ERROR (bud_export_error_quark ())

typedef enum {
  BUD_EXPORT_ERROR_FAILED,    /* the writer library refused (cairo, libxlsxwriter) */
  BUD_EXPORT_ERROR_WRITE,     /* the file or folder could not be written */
  BUD_EXPORT_ERROR_FORMAT,    /* unknown format name */
} BudExportError;

typedef enum {
  BUD_EXPORT_PDF,
  BUD_EXPORT_XLSX,
  BUD_EXPORT_HTML,
  BUD_EXPORT_CSV,     /* the path is a folder: one UTF-8 (with BOM) file per table */
} BudExportFormat;

typedef struct _BudExportPackage BudExportPackage;

GQuark             bud_export_error_quark        (void);

/* Builds the tables (bud_pivot_build_all), the narrative (bud_narrative_build)
 * and the performance target tables of @doc with @tpl. */
BudExportPackage  *bud_export_package_new        (BudDocument  *doc,
                                                  BudTemplate  *tpl,
                                                  GError      **error);
/* The same with narrative sections given by the caller (BudNarrativeSection *,
 * a reference is taken; NULL for none): the preview's edited text, tests. */
BudExportPackage  *bud_export_package_new_with_sections (BudDocument  *doc,
                                                  BudTemplate  *tpl,
                                                  GPtrArray    *sections,
                                                  GError      **error);
BudExportPackage  *bud_export_package_ref        (BudExportPackage *self);
void               bud_export_package_unref      (BudExportPackage *self);

/* The cover title, e.g. "昌吉市…服务中心2026年部门预算公开". */
const char        *bud_export_package_get_title  (BudExportPackage *self);
/* Number of tables the writers print: the template's, then the performance target tables. */
guint              bud_export_package_get_n_tables (BudExportPackage *self);

gboolean           bud_export_pdf                (BudExportPackage  *self,
                                                  const char        *path,
                                                  GError           **error);
/* What the first PDF of a process pays once (fontconfig's set-up, loading the
 * CJK faces and their glyphs at each size), paid now by writing the package of
 * an empty budget of @tpl nowhere. Thread-safe: the app runs it in a worker thread after its
 * first frame, so that the user's first export costs what the next ones do. */
void               bud_export_pdf_warm_up        (BudTemplate       *tpl);
gboolean           bud_export_xlsx               (BudExportPackage  *self,
                                                  const char        *path,
                                                  GError           **error);
gboolean           bud_export_html               (BudExportPackage  *self,
                                                  const char        *path,
                                                  GError           **error);
/* @folder is created if missing (its parent must exist). Files are named
 * "NN-<title>.csv" in print order. */
gboolean           bud_export_csv                (BudExportPackage  *self,
                                                  const char        *folder,
                                                  GError           **error);
gboolean           bud_export_write              (BudExportPackage  *self,
                                                  BudExportFormat    format,
                                                  const char        *path,
                                                  GError           **error);

/* "pdf", "xlsx", "html", "csv" */
gboolean           bud_export_format_from_string (const char        *name,
                                                  BudExportFormat   *out_format);
const char        *bud_export_format_to_string   (BudExportFormat    format);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudExportPackage, bud_export_package_unref)

G_END_DECLS
