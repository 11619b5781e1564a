/* bud-review.h — a reviewer's records: status with history, snapshots, comments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * All of these are ordinary document edits (written through, undoable) and are
 * allowed in review mode (bud_document_set_review_mode), where the figures are
 * locked. A review session opens the file for writing (so comments are saved)
 * and turns review mode on; "switch to editing" turns it off. A file open
 * elsewhere can only be opened read-only, and then nothing, comments included,
 * can be changed.
 *
 * Status state machine (anything else is refused with BUD_DOCUMENT_ERROR_INVALID):
 *
 *   drafting  ──submit──▶ submitted ──approve──▶ approved
 *                           │   ▲                  │
 *                      return   resubmit        reopen (return)
 *                           ▼   │                  │
 *                          returned ◀──────────────┘
 *
 * i.e. drafting→submitted, submitted→returned, submitted→approved,
 * returned→submitted, approved→returned. Each change appends a status_changes
 * row and takes a snapshot named like "已提交 2026-03-01 10:00", in one
 * transaction.
 */
#pragma once

#include <glib.h>

#include "bud-document.h"

G_BEGIN_DECLS

/* "drafting", "submitted", "returned", "approved" (the JSON spellings) */
const char      *bud_status_to_string          (BudStatus     status);
/* The official wording whatever the UI language: 编制中, 已提交, 退回修改, 已审核 */
const char      *bud_status_name               (BudStatus     status);
/* Translated, for the UI */
const char      *bud_status_label              (BudStatus     status);

BudStatus        bud_review_get_status         (BudDocument  *doc);
gboolean         bud_review_can_change_status  (BudStatus     from,
                                                BudStatus     to);
/* The statuses reachable from @from, terminated by -1 (static). For the UI's menu. */
const int       *bud_review_next_statuses      (BudStatus     from);

/* Sets the status, appends the history row and takes the automatic snapshot.
 * @when NULL: now. Returns the new history row (owned by the document). */
BudStatusChange *bud_review_set_status         (BudDocument  *doc,
                                                BudStatus     to,
                                                const char   *author,
                                                const char   *note,
                                                GDateTime    *when,
                                                GError      **error);

/* ---- snapshots ---- */

/* A snapshot of the document as it is now (without the snapshots themselves).
 * @when NULL: now. */
BudSnapshot     *bud_review_take_snapshot      (BudDocument  *doc,
                                                const char   *name,
                                                GDateTime    *when,
                                                GError      **error);
/* The most recently taken snapshot (last in the list), or NULL. */
BudSnapshot     *bud_review_latest_snapshot    (BudDocument  *doc);
/* A new, free-standing document read from snapshot @snapshot_id (for viewing,
 * comparing, or saving as a file: "restore as a document"). */
BudDocument     *bud_review_snapshot_document  (BudDocument  *doc,
                                                gint64        snapshot_id,
                                                GError      **error);

/* ---- comments ---- */

/* "lines/12" for (BUD_KIND_LINE, 12); "" for the document as a whole
 * (kind BUD_N_KINDS); "profile" for a singleton. */
char            *bud_review_object_path        (BudKind       kind,
                                                gint64        id);
/* The reverse; FALSE for a path that names no kind. "" gives BUD_N_KINDS, 0. */
gboolean         bud_review_parse_object_path  (const char   *object,
                                                BudKind      *out_kind,
                                                gint64       *out_id);

/* Adds a comment on (@kind, @id, @field); @kind BUD_N_KINDS = the document,
 * @field NULL or "" = the whole object. The object and field must exist. */
BudComment      *bud_review_add_comment        (BudDocument  *doc,
                                                BudKind       kind,
                                                gint64        id,
                                                const char   *field,
                                                const char   *author,
                                                const char   *body,
                                                GDateTime    *when,
                                                GError      **error);
gboolean         bud_review_resolve_comment    (BudDocument  *doc,
                                                gint64        comment_id,
                                                gboolean      resolved,
                                                GError      **error);
/* Comments on (@kind, @id), in document order (BudComment *, borrowed):
 * @field NULL = on the object and any of its fields; @include_resolved FALSE =
 * open ones only. @kind BUD_N_KINDS = the comments on the document as a whole. */
GPtrArray       *bud_review_comments_for       (BudDocument  *doc,
                                                BudKind       kind,
                                                gint64        id,
                                                const char   *field,
                                                gboolean      include_resolved);
guint            bud_review_count_open_comments (BudDocument *doc);
/* Where a comment points, in the words of the check findings
 * ("Expenditure line 12 (2010350 × 30101) · Amount"); "(missing)" when the
 * object has been removed since. */
char            *bud_review_describe_comment   (BudDocument      *doc,
                                                const BudComment *comment);

/* ISO 8601 with the local offset, as the timestamp fields take it. */
char            *bud_review_format_time        (GDateTime    *when);

G_END_DECLS
