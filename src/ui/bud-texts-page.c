/* bud-texts-page.c — texts of the package: glossary, other matters, purposes, own section texts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bud-texts-page.h"
#include "bud-section.h"

struct _BudTextsPage
{
  AdwBin        parent_instance;
  BudDocument  *doc;
};

static void bud_texts_page_section_init (BudSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BudTextsPage, bud_texts_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (BUD_TYPE_SECTION, bud_texts_page_section_init))

static void
bud_texts_page_set_document (BudSection  *section,
                             BudDocument *doc)
{
  BudTextsPage *self = (BudTextsPage *) section;

  g_set_object (&self->doc, doc);
}

static void
bud_texts_page_section_init (BudSectionInterface *iface)
{
  iface->set_document = bud_texts_page_set_document;
}

static void
bud_texts_page_dispose (GObject *object)
{
  BudTextsPage *self = (BudTextsPage *) object;

  g_clear_object (&self->doc);
  G_OBJECT_CLASS (bud_texts_page_parent_class)->dispose (object);
}

static void
bud_texts_page_class_init (BudTextsPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bud_texts_page_dispose;
}

static void
bud_texts_page_init (BudTextsPage *self)
{
}
