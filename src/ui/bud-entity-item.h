/* bud-entity-item.h — list models over one kind of entity of a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BudKindModel is a GListModel that mirrors bud_document_items (doc, kind) in
 * display order; its items (BudEntityItem) are made only when a view asks for
 * them, so 20,000 lines cost nothing until they scroll into view. An item
 * emits ::changed (the field's name) when its entity is edited.
 */
#pragma once

#include <gio/gio.h>

#include "bud-document.h"

G_BEGIN_DECLS

#define BUD_TYPE_ENTITY_ITEM (bud_entity_item_get_type ())
G_DECLARE_FINAL_TYPE (BudEntityItem, bud_entity_item, BUD, ENTITY_ITEM, GObject)

BudKind       bud_entity_item_get_kind     (BudEntityItem  *self);
gint64        bud_entity_item_get_id       (BudEntityItem  *self);
/* The entity, or NULL once it is removed. */
gpointer      bud_entity_item_get_entity   (BudEntityItem  *self);

#define BUD_TYPE_KIND_MODEL (bud_kind_model_get_type ())
G_DECLARE_FINAL_TYPE (BudKindModel, bud_kind_model, BUD, KIND_MODEL, GObject)

BudKindModel *bud_kind_model_new        (BudKind      kind);
void          bud_kind_model_set_document (BudKindModel *self,
                                         BudDocument  *doc);
BudDocument  *bud_kind_model_get_document (BudKindModel *self);
/* Position of the entity @id, or -1 (also when the filter hides it). */
gint          bud_kind_model_find       (BudKindModel *self,
                                         gint64        id);

/* Keeps only the entities @func accepts (NULL: all). The filter runs over the
 * document's structs, not over items, so a pass over 20,000 lines makes no
 * GObject; the rows that stay keep their place (one ::items-changed for the
 * span that differs). */
typedef gboolean (*BudKindFilterFunc) (gconstpointer entity,
                                       gpointer      data);

void          bud_kind_model_set_filter (BudKindModel     *self,
                                         BudKindFilterFunc func,
                                         gpointer          data);
/* Items stand for positions instead of entities: after a filter change or
 * any insert or removal the view gets back the very items it holds (GTK 4.8
 * rebuilds a row for every item it has not seen), and each item whose
 * position now shows another entity emits ::changed with a NULL field.
 * Call before any item is made. */
void          bud_kind_model_set_by_position (BudKindModel *self,
                                              gboolean      by_position);
/* Runs the filter again after what it depends on changed. */
void          bud_kind_model_refilter   (BudKindModel     *self);

G_END_DECLS
