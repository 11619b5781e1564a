/* bud-review-page.h — 审核: every finding of the checks, each leading to its field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

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

G_END_DECLS
