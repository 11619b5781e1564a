/* bud-document.h — one department's budget for one year, in memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document owns every entity (see bud-entities.h). All changes go through
 * the functions below: they validate, keep references whole, tell the attached
 * sink (storage) so each edit is committed at once, and emit ::changed.
 * If the sink refuses an edit, the document is left as it was.
 */
#pragma once

#include <glib-object.h>

#include "bud-entities.h"
#include "bud-schema.h"

G_BEGIN_DECLS


typedef enum {
  BUD_CHANGE_INSERT,
  BUD_CHANGE_UPDATE,
  BUD_CHANGE_REMOVE,
  BUD_CHANGE_MOVE,
  BUD_CHANGE_RELOAD,   /* everything may have changed */
} BudChangeType;

/* Persistence hooks; every call happens inside begin/commit. A failing call
 * makes the document roll the edit back and report the sink's error. */
typedef struct {
  gboolean (*begin)    (gpointer store, GError **error);
  gboolean (*commit)   (gpointer store, GError **error);
  void     (*rollback) (gpointer store);
  gboolean (*insert)   (gpointer store, BudKind kind, gconstpointer entity, guint position, GError **error);
  gboolean (*update)   (gpointer store, BudKind kind, gconstpointer entity, const BudField *field, GError **error);
  gboolean (*remove)   (gpointer store, BudKind kind, gint64 id, GError **error);
  gboolean (*move)     (gpointer store, BudKind kind, GPtrArray *items, guint from, guint to, GError **error);
} BudDocumentSink;

#define BUD_TYPE_DOCUMENT (bud_document_get_type ())
G_DECLARE_FINAL_TYPE (BudDocument, bud_document, BUD, DOCUMENT, GObject)


BudDocument  *bud_document_new         (void);

/* Read access. Arrays are in display order and owned by the document. */
GPtrArray    *bud_document_items       (BudDocument *self, BudKind kind);
guint         bud_document_count       (BudDocument *self, BudKind kind);
gpointer      bud_document_lookup      (BudDocument *self, BudKind kind, gint64 id);
gint          bud_document_position    (BudDocument *self, BudKind kind, gint64 id);
gpointer      bud_document_singleton   (BudDocument *self, BudKind kind);
guint64       bud_document_revision    (BudDocument *self);

#define bud_document_meta(d)        ((BudMeta *) bud_document_singleton ((d), BUD_KIND_META))
#define bud_document_profile(d)     ((BudProfile *) bud_document_singleton ((d), BUD_KIND_PROFILE))
#define bud_document_procurement(d) ((BudProcurement *) bud_document_singleton ((d), BUD_KIND_PROCUREMENT))
#define bud_document_assets(d)      ((BudAssets *) bud_document_singleton ((d), BUD_KIND_ASSETS))

/* Convenience look-ups */
BudIncome      *bud_document_find_income      (BudDocument *self, BudSource source);
BudComparative *bud_document_find_comparative (BudDocument *self, const char *measure);
const char     *bud_document_get_text         (BudDocument *self, const char *key);
BudTarget      *bud_document_find_target      (BudDocument *self, gint64 project);

/* Edits. insert takes ownership of @entity; id 0 assigns a new id.
 * position -1 appends. Returns the entity now in the document, or NULL. */
gpointer      bud_document_insert      (BudDocument *self, BudKind kind, gpointer entity,
                                        gint position, GError **error);
gboolean      bud_document_remove      (BudDocument *self, BudKind kind, gint64 id, GError **error);
gboolean      bud_document_set_int     (BudDocument *self, BudKind kind, gint64 id,
                                        const char *field, gint64 value, GError **error);
gboolean      bud_document_set_text    (BudDocument *self, BudKind kind, gint64 id,
                                        const char *field, const char *value, GError **error);
gboolean      bud_document_move        (BudDocument *self, BudKind kind, gint64 id,
                                        guint new_position, GError **error);
/* Set a keyed text (texts table), inserting or updating. */
gboolean      bud_document_put_text    (BudDocument *self, const char *key, const char *value,
                                        GError **error);

/* Several edits as one transaction (and, later, one undo step). Nestable. */
gboolean      bud_document_begin       (BudDocument *self, GError **error);
gboolean      bud_document_commit      (BudDocument *self, GError **error);
void          bud_document_rollback    (BudDocument *self);

/* Undo/redo: each outermost transaction (a single edit, or begin…commit) is one
 * step. Undo and redo go through the sink like any edit. Loading a document
 * (import, open) should call bud_document_clear_history afterwards. */
gboolean      bud_document_can_undo    (BudDocument *self);
gboolean      bud_document_can_redo    (BudDocument *self);
gboolean      bud_document_undo        (BudDocument *self, GError **error);
gboolean      bud_document_redo        (BudDocument *self, GError **error);
void          bud_document_clear_history (BudDocument *self);

void          bud_document_set_sink    (BudDocument *self, const BudDocumentSink *sink,
                                        gpointer store);
void          bud_document_set_read_only (BudDocument *self, gboolean read_only);
gboolean      bud_document_get_read_only (BudDocument *self);
/* Review mode: the figures are locked (BUD_DOCUMENT_ERROR_READ_ONLY) but a
 * reviewer may still add and resolve comments, take snapshots and change the
 * status (comments, snapshots, status_changes and the meta "status" field),
 * written through like any edit. Undo refuses a step that touches anything
 * else. Read-only (no storage) wins over review mode. */
void          bud_document_set_review_mode (BudDocument *self, gboolean review_mode);
gboolean      bud_document_get_review_mode (BudDocument *self);

/* Whole-document comparison, field by field (tests, snapshots). */
gboolean      bud_document_equal       (BudDocument *a, BudDocument *b, char **first_difference);

/* Signals: changed (BudKind kind, gint64 id, const char *field_or_NULL, BudChangeType type) */

G_END_DECLS
