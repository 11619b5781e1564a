/* bud-carryovers-page.c — 上年结转: last year's unspent money carried over, item by item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bud-carryovers-page.h"
#include "bud-section.h"

struct _BudCarryoversPage
{
  AdwBin        parent_instance;
  BudDocument  *doc;
};

static void bud_carryovers_page_section_init (BudSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BudCarryoversPage, bud_carryovers_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (BUD_TYPE_SECTION, bud_carryovers_page_section_init))

static void
bud_carryovers_page_set_document (BudSection  *section,
                                  BudDocument *doc)
{
  BudCarryoversPage *self = (BudCarryoversPage *) section;

  g_set_object (&self->doc, doc);
}

static void
bud_carryovers_page_section_init (BudSectionInterface *iface)
{
  iface->set_document = bud_carryovers_page_set_document;
}

static void
bud_carryovers_page_dispose (GObject *object)
{
  BudCarryoversPage *self = (BudCarryoversPage *) object;

  g_clear_object (&self->doc);
  G_OBJECT_CLASS (bud_carryovers_page_parent_class)->dispose (object);
}

static void
bud_carryovers_page_class_init (BudCarryoversPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bud_carryovers_page_dispose;
}

static void
bud_carryovers_page_init (BudCarryoversPage *self)
{
}
