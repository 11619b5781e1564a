/* bud-export-pdf-text.c — text shaped once per PDF export and kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same text is measured for the column widths, measured again for the
 * pagination and drawn, and most texts recur (codes, headings, indicator
 * names: the 20,000-line department has 108,000 filled cells and 9,000
 * different texts). Shaping is what costs, so each (text, size, weight,
 * wrapping width, alignment) is shaped once per export and its layout kept.
 */
#include "config.h"

#include <string.h>

#include "bud-export-pdf-private.h"

struct _BudPdfShaper {
  PangoContext          *context;
  PangoFontDescription  *font;
  GHashTable            *shaped;   /* BudPdfShaped set */
};

static guint
shaped_hash (gconstpointer data)
{
  return ((const BudPdfShaped *) data)->hash;
}

static gboolean
shaped_equal (gconstpointer a,
              gconstpointer b)
{
  const BudPdfShaped *x = a, *y = b;

  return x->hash == y->hash && x->size == y->size && x->width == y->width &&
         x->bold == y->bold && x->align == y->align && strcmp (x->text, y->text) == 0;
}

static void
shaped_free (gpointer data)
{
  BudPdfShaped *s = data;

  g_object_unref (s->layout);
  g_free (s->text);
  g_free (s);
}

BudPdfShaper *
bud_pdf_shaper_new (PangoContext *context)
{
  BudPdfShaper *self = g_new0 (BudPdfShaper, 1);

  self->context = g_object_ref (context);
  self->font = pango_font_description_from_string (FONT_FAMILY);
  self->shaped = g_hash_table_new_full (shaped_hash, shaped_equal, shaped_free, NULL);
  return self;
}

void
bud_pdf_shaper_free (BudPdfShaper *self)
{
  g_hash_table_unref (self->shaped);
  pango_font_description_free (self->font);
  g_object_unref (self->context);
  g_free (self);
}

PangoLayout *
bud_pdf_shaper_new_layout (BudPdfShaper   *self,
                           const char     *text,
                           double          size,
                           gboolean        bold,
                           double          width,
                           PangoAlignment  align)
{
  PangoLayout *l = pango_layout_new (self->context);

  pango_font_description_set_size (self->font, (gint) (size * PANGO_SCALE));
  pango_font_description_set_weight (self->font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (l, self->font);
  pango_layout_set_width (l, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_wrap (l, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (l, align);
  pango_layout_set_text (l, text, -1);
  return l;
}

const BudPdfShaped *
bud_pdf_shaper_shape (BudPdfShaper   *self,
                      const char     *text,
                      double          size,
                      gboolean        bold,
                      double          width,
                      PangoAlignment  align)
{
  BudPdfShaped key, *hit;
  int iw, ih;

  key.text = (char *) text;
  key.size = (int) (size * PANGO_SCALE);
  key.width = width > 0 ? (int) (width * PANGO_SCALE) : -1;
  key.bold = bold != FALSE;
  /* one unwrapped line sits at x = 0 whatever the alignment */
  key.align = key.width < 0 && strchr (text, '\n') == NULL ? PANGO_ALIGN_LEFT : align;
  key.hash = g_str_hash (text) ^ (guint) key.size * 31u ^ (guint) key.width * 131u ^
             (guint) key.bold * 7u ^ (guint) key.align * 1031u;
  hit = g_hash_table_lookup (self->shaped, &key);
  if (hit)
    return hit;

  hit = g_new (BudPdfShaped, 1);
  *hit = key;
  hit->text = g_strdup (text);
  hit->layout = bud_pdf_shaper_new_layout (self, text, size, bold, width, (PangoAlignment) hit->align);
  pango_layout_get_size (hit->layout, &iw, &ih);
  hit->w = (double) iw / PANGO_SCALE;
  hit->h = (double) ih / PANGO_SCALE;
  hit->line = hit->width < 0 && pango_layout_get_line_count (hit->layout) == 1
              ? pango_layout_get_line_readonly (hit->layout, 0) : NULL;
  hit->baseline = 0;
  if (hit->line)
    {
      PangoRectangle logical;

      /* the line's ascent: pango_layout_get_baseline would build an iterator */
      pango_layout_line_get_extents (hit->line, NULL, &logical);
      hit->baseline = (double) -logical.y / PANGO_SCALE;
    }
  g_hash_table_add (self->shaped, hit);
  return hit;
}

void
bud_pdf_shaper_trim (BudPdfShaper *self)
{
  if (g_hash_table_size (self->shaped) > MAX_SHAPED)
    g_hash_table_remove_all (self->shaped);
}

void
bud_pdf_shaped_show (const BudPdfShaped *t,
                     cairo_t            *cr,
                     double              x,
                     double              y)
{
  if (t->line)
    {
      /* what pango_cairo_show_layout does for one line at x = 0, without
       * building an iterator and the layout's extents again: that was a
       * tenth of the time of a large export */
      cairo_move_to (cr, x, y + t->baseline);
      pango_cairo_show_layout_line (cr, t->line);
    }
  else
    {
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, t->layout);
    }
}
