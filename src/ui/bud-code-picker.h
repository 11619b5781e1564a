/* bud-code-picker.h — a popover that finds a classification code by code or name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bud-entities.h"

G_BEGIN_DECLS

#define BUD_TYPE_CODE_PICKER (bud_code_picker_get_type ())
G_DECLARE_FINAL_TYPE (BudCodePicker, bud_code_picker, BUD, CODE_PICKER, GtkPopover)

/* Offers the codes a budget line can carry: 功能分类 项 or 经济分类 款.
 * ::chosen (const char *code) is emitted when the user picks one. */
BudCodePicker *bud_code_picker_new        (BudScheme      scheme);
void           bud_code_picker_set_query  (BudCodePicker *self,
                                           const char    *query);
/* Number of codes listed now (tests). */
guint          bud_code_picker_get_n_results (BudCodePicker *self);

G_END_DECLS
