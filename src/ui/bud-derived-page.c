/* bud-derived-page.c — 三公/委托: derived figures, read-only, explained line by line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bud-derived-page.h"
#include "bud-section.h"

struct _BudDerivedPage
{
  AdwBin        parent_instance;
  BudDocument  *doc;
};

static void bud_derived_page_section_init (BudSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BudDerivedPage, bud_derived_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (BUD_TYPE_SECTION, bud_derived_page_section_init))

static void
bud_derived_page_set_document (BudSection  *section,
                               BudDocument *doc)
{
  BudDerivedPage *self = (BudDerivedPage *) section;

  g_set_object (&self->doc, doc);
}

static void
bud_derived_page_section_init (BudSectionInterface *iface)
{
  iface->set_document = bud_derived_page_set_document;
}

static void
bud_derived_page_dispose (GObject *object)
{
  BudDerivedPage *self = (BudDerivedPage *) object;

  g_clear_object (&self->doc);
  G_OBJECT_CLASS (bud_derived_page_parent_class)->dispose (object);
}

static void
bud_derived_page_class_init (BudDerivedPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bud_derived_page_dispose;
}

static void
bud_derived_page_init (BudDerivedPage *self)
{
}
