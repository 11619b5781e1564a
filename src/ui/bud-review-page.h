/* bud-review-page.h — 审核: findings, status and its history, snapshots and comparisons, comments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bud-document.h"

G_BEGIN_DECLS

#define BUD_TYPE_REVIEW_PAGE (bud_review_page_get_type ())
G_DECLARE_FINAL_TYPE (BudReviewPage, bud_review_page, BUD, REVIEW_PAGE, AdwBin)

guint  bud_review_page_get_n_findings (BudReviewPage *self);
/* Does what clicking finding @position does. */
void   bud_review_page_activate       (BudReviewPage *self,
                                       guint          position);


/* The comments group (for tests): rows listed, a row's body and its
 * "resolved" check button, the new-comment entry and its button. */
guint        bud_review_page_get_n_comments         (BudReviewPage *self);
const char  *bud_review_page_get_comment_text       (BudReviewPage *self,
                                                     guint          index);
GtkWidget   *bud_review_page_get_resolved_check     (BudReviewPage *self,
                                                     guint          index);
GtkWidget   *bud_review_page_get_comment_entry      (BudReviewPage *self);
GtkWidget   *bud_review_page_get_add_comment_button (BudReviewPage *self);
/* Does what clicking comment @index does: shows the object it is on (nothing
 * for a comment on the whole budget or on a removed object). */
void         bud_review_page_activate_comment       (BudReviewPage *self,
                                                     guint          index);

/* The status group (for tests): the button that changes the status to @to
 * (NULL when @to is not a next status), the optional note, the status shown. */
GtkWidget   *bud_review_page_get_status_button      (BudReviewPage *self,
                                                     BudStatus      to);
GtkWidget   *bud_review_page_get_status_note        (BudReviewPage *self);
const char  *bud_review_page_get_status_text        (BudReviewPage *self);
/* Rows of the status history and of the snapshots, newest first. */
guint        bud_review_page_get_n_history          (BudReviewPage *self);
guint        bud_review_page_get_n_snapshots        (BudReviewPage *self);
gint64       bud_review_page_get_snapshot_id        (BudReviewPage *self,
                                                     guint          index);

/* What "Compare" on a snapshot and "Compare with File…" (after the file
 * chooser) do: a window with the changes from the snapshot or file (.budget,
 * read-only, or .json) to the document, presented over this page's window
 * (see bud_diff_window_get_view). NULL and @error when it cannot be read. */
GtkWindow   *bud_review_page_compare_snapshot       (BudReviewPage *self,
                                                     gint64         snapshot_id,
                                                     GError       **error);
GtkWindow   *bud_review_page_compare_file           (BudReviewPage *self,
                                                     const char    *path,
                                                     GError       **error);

G_END_DECLS
