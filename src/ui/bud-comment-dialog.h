/* bud-comment-dialog.h — asks for a reviewer's comment on one object or field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bud-document.h"

G_BEGIN_DECLS

/* Presents a dialog over @parent asking for a comment on (@kind, @id,
 * @field) of @doc (@kind BUD_N_KINDS: the whole document; @field NULL or "":
 * the whole object). "Add" stores it through bud_review_add_comment, signed
 * by bud_comment_author (); a refusal is shown as a toast in @parent when it
 * is a BudWindow. The dialog destroys itself when answered. */
AdwMessageDialog *bud_comment_dialog_present       (GtkWindow        *parent,
                                                    BudDocument      *doc,
                                                    BudKind           kind,
                                                    gint64            id,
                                                    const char       *field);
/* Where the comment is typed (for tests, which then answer the dialog with
 * adw_message_dialog_response (dialog, "add") and close it, as a click does). */
GtkTextView      *bud_comment_dialog_get_text_view (AdwMessageDialog *dialog);

/* Who signs comments and status changes: the user's real name, else the
 * login name. */
const char       *bud_comment_author               (void);

G_END_DECLS
