/* bud-window.c — the main window: sidebar, sections, live status strip
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "bud-application.h"
#include "bud-carryovers-page.h"
#include "bud-comparisons-page.h"
#include "bud-derived-page.h"
#include "bud-income-page.h"
#include "bud-lines-page.h"
#include "bud-money.h"
#include "bud-other-page.h"
#include "bud-overview-page.h"
#include "bud-performance-page.h"
#include "bud-preview-page.h"
#include "bud-projects-page.h"
#include "bud-review-page.h"
#include "bud-texts-page.h"
#include "bud-section.h"
#include "bud-window-private.h"

G_DEFINE_FINAL_TYPE (BudWindow, bud_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_REVIEW_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- summary: recomputed on idle, once per burst of edits ---- */

static char *
format_money (gint64 fen)
{
  return bud_money_format (fen, BUD_MONEY_YUAN, BUD_MONEY_FORMAT_GROUPING);
}

static void
show_summary (BudWindow *self)
{
  const BudSummary *s = self->summary;
  g_autofree char *income = format_money (s->income_total);
  g_autofree char *spent = format_money (s->spent_total);
  g_autofree char *left = format_money (s->income_total - s->spent_total);
  g_autofree char *text = NULL;

  /* Translators: the status strip; %s is an amount in yuan */
  text = g_strdup_printf (_("Income total %s"), income);
  gtk_label_set_text (self->income_label, text);
  g_free (text);
  text = g_strdup_printf (_("Expenditure total %s"), spent);
  gtk_label_set_text (self->spent_label, text);
  g_free (text);
  text = g_strdup_printf (_("Unallocated %s"), left);
  gtk_label_set_text (self->unallocated_label, text);
  if (s->income_total != s->spent_total)
    gtk_widget_add_css_class (GTK_WIDGET (self->unallocated_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->unallocated_label), "warning");
  g_free (text);

  if (s->errors > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", s->errors), s->errors);
  else if (s->warnings > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "No errors, %u warning", "No errors, %u warnings",
                                         s->warnings), s->warnings);
  else
    text = g_strdup (_("No errors"));
  gtk_label_set_text (self->errors_label, text);
  gtk_image_set_from_icon_name (self->errors_icon,
                                s->errors > 0 ? "dialog-error-symbolic"
                                : s->warnings > 0 ? "dialog-warning-symbolic"
                                : "emblem-ok-symbolic");

  for (guint i = 0; i < BUD_N_SECTIONS; i++)
    {
      guint n = i == BUD_SECTION_REVIEW ? s->errors : s->section_errors[i];
      g_autofree char *badge = g_strdup_printf ("%u", n);

      gtk_label_set_text (self->badges[i], badge);
      gtk_widget_set_visible (GTK_WIDGET (self->badges[i]), n > 0);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->badges[i]),
                                   n > 0 ? text : NULL);
    }

  for (guint i = 0; i < BUD_N_SECTIONS; i++)
    if (self->filled[i])
      bud_section_update (BUD_SECTION (self->sections[i]), s);
}

static void update_actions (BudWindow *self);

static void
recompute (BudWindow *self)
{
  g_clear_handle_id (&self->summary_idle, g_source_remove);
  if (self->doc == NULL)
    return;
  /* ::changed is emitted inside the edit, before the undo step is recorded */
  update_actions (self);
  g_clear_pointer (&self->summary, bud_summary_free);
  self->summary = bud_summary_compute (self->doc, self->tpl);
  show_summary (self);
}

static gboolean
recompute_idle_cb (gpointer data)
{
  BudWindow *self = data;

  self->summary_idle = 0;
  recompute (self);
  return G_SOURCE_REMOVE;
}

static void
update_actions (BudWindow *self)
{
  gboolean has_doc = self->doc != NULL;
  gboolean can_undo = FALSE, can_redo = FALSE;

  if (has_doc && !self->read_only)
    {
      can_undo = bud_document_can_undo (self->doc);
      can_redo = bud_document_can_redo (self->doc);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", can_undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", can_redo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-year", has_doc);
  /* a read-only document cannot be edited anyway: nothing to lock */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review-mode", has_doc && !self->read_only);
}

static void
on_document_changed (BudWindow  *self,
                     int         kind,
                     gint64      id,
                     const char *field,
                     int         type)
{
  if (self->storage == NULL && !self->read_only)
    {
      if (!self->unsaved)
        {
          self->unsaved = TRUE;
          bud_window_update_title (self);
        }
    }
  if (kind == BUD_KIND_META && (field == NULL || g_str_equal (field, "department") ||
                                g_str_equal (field, "year")))
    bud_window_update_title (self);

  update_actions (self);
  /* Coalesce: a burst of edits (typing, undo of a block) costs one run. */
  if (self->summary_idle == 0)
    self->summary_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, recompute_idle_cb, self, NULL);
}

void
bud_window_update_title (BudWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  BudMeta *meta;

  if (self->doc == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Department Budget"));
      adw_window_title_set_subtitle (self->window_title, "");
      gtk_window_set_title (GTK_WINDOW (self), _("Department Budget"));
      return;
    }

  meta = bud_document_meta (self->doc);
  if (meta->department[0] != '\0')
    /* Translators: window title: department and fiscal year */
    title = g_strdup_printf (_("%s — %" PRId64), meta->department, meta->year);
  else
    title = g_strdup (_("Untitled Budget"));

  if (self->path != NULL)
    {
      g_autofree char *base = g_path_get_basename (self->path);
      if (self->read_only)
        subtitle = g_strdup_printf (_("%s (read-only)"), base);
      else
        subtitle = g_steal_pointer (&base);
    }
  else if (self->imported_from != NULL)
    {
      g_autofree char *base = g_path_get_basename (self->imported_from);
      subtitle = g_strdup_printf (_("Imported from %s — not saved yet"), base);
    }
  else
    subtitle = g_strdup (_("Not saved yet"));

  if (bud_document_get_review_mode (self->doc) && !self->read_only)
    {
      g_autofree char *where = g_steal_pointer (&subtitle);
      /* Translators: window subtitle; %s is the file name or "Not saved yet" */
      subtitle = g_strdup_printf (_("%s — Review mode, figures are read-only"), where);
    }

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_widget_set_visible (GTK_WIDGET (self->read_only_label), self->read_only);
}

/* ---- screenshot ---- */

static gboolean
screenshot_tick_cb (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       data)
{
  BudWindow *self = BUD_WINDOW (widget);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  GskRenderer *renderer;
  int width, height;

  /* let a few frames pass so that lists have been populated and laid out */
  if (++self->screenshot_frames < 8)
    return G_SOURCE_CONTINUE;

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  renderer = gtk_native_get_renderer (GTK_NATIVE (widget));
  if (node != NULL && renderer != NULL)
    texture = gsk_renderer_render_texture (renderer, node,
                                           &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_clear_pointer (&node, gsk_render_node_unref);
  /* the first frames may have nothing to draw yet: try again a little later */
  if (texture == NULL && self->screenshot_frames < 120)
    return G_SOURCE_CONTINUE;

  self->screenshot_tick = 0;
  if (texture == NULL || !gdk_texture_save_to_png (texture, self->screenshot))
    g_printerr (_("Could not write the screenshot to %s\n"), self->screenshot);

  gtk_window_destroy (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

static void
maybe_take_screenshot (BudWindow *self)
{
  if (self->screenshot == NULL || self->doc == NULL || self->screenshot_tick != 0 ||
      !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  recompute (self);
  self->screenshot_frames = 0;
  self->screenshot_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), screenshot_tick_cb,
                                                        NULL, NULL);
}

void
bud_window_set_screenshot (BudWindow  *self,
                           const char *png)
{
  g_return_if_fail (BUD_IS_WINDOW (self));
  g_free (self->screenshot);
  self->screenshot = g_strdup (png);
  maybe_take_screenshot (self);
}

/* ---- the document ---- */

/* Gives page @i the document, once: a page not on screen costs nothing until
 * it is shown, asked for, or its turn on idle comes. */
/* The page of each section, in BudSectionId order */
static GType
section_type (BudSectionId i)
{
  switch (i)
    {
    case BUD_SECTION_OVERVIEW: return BUD_TYPE_OVERVIEW_PAGE;
    case BUD_SECTION_INCOME: return BUD_TYPE_INCOME_PAGE;
    case BUD_SECTION_LINES: return BUD_TYPE_LINES_PAGE;
    case BUD_SECTION_PROJECTS: return BUD_TYPE_PROJECTS_PAGE;
    case BUD_SECTION_CARRYOVERS: return BUD_TYPE_CARRYOVERS_PAGE;
    case BUD_SECTION_DERIVED: return BUD_TYPE_DERIVED_PAGE;
    case BUD_SECTION_PERFORMANCE: return BUD_TYPE_PERFORMANCE_PAGE;
    case BUD_SECTION_COMPARISONS: return BUD_TYPE_COMPARISONS_PAGE;
    case BUD_SECTION_OTHER: return BUD_TYPE_OTHER_PAGE;
    case BUD_SECTION_TEXTS: return BUD_TYPE_TEXTS_PAGE;
    case BUD_SECTION_PREVIEW: return BUD_TYPE_PREVIEW_PAGE;
    case BUD_SECTION_REVIEW: return BUD_TYPE_REVIEW_PAGE;
    case BUD_N_SECTIONS:
    default:
      g_assert_not_reached ();
    }
}

/* Builds page @i the first time it is needed: twelve pages of widgets built
 * and styled before the window first shows would delay it by a third. */
static void
ensure_section (BudWindow    *self,
                BudSectionId  i)
{
  if (self->sections[i] != NULL)
    return;
  self->sections[i] = g_object_new (section_type (i), NULL);
  adw_bin_set_child (self->slots[i], self->sections[i]);
}

static void
fill_section (BudWindow    *self,
              BudSectionId  i)
{
  ensure_section (self, i);
  if (self->doc == NULL || self->filled[i])
    return;
  self->filled[i] = TRUE;
  bud_section_set_document (BUD_SECTION (self->sections[i]), self->doc);
  /* the status strip's summary is already there: the page catches up */
  if (self->summary != NULL && self->summary_idle == 0)
    bud_section_update (BUD_SECTION (self->sections[i]), self->summary);
}

static gboolean
fill_idle_cb (gpointer data)
{
  BudWindow *self = data;

  for (guint i = 0; i < BUD_N_SECTIONS; i++)
    if (!self->filled[i])
      {
        /* one page per turn, so that input and frames come in between */
        fill_section (self, i);
        return G_SOURCE_CONTINUE;
      }
  self->fill_idle = 0;
  return G_SOURCE_REMOVE;
}

/* After the first frame with the document, not before it. */
static void
after_first_paint_cb (GdkFrameClock *clock,
                      BudWindow     *self)
{
  g_signal_handlers_disconnect_by_func (clock, after_first_paint_cb, self);
  if (self->doc != NULL && self->fill_idle == 0)
    self->fill_idle = g_idle_add_full (G_PRIORITY_LOW, fill_idle_cb, self, NULL);
}

static void
schedule_fill (BudWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_clear_handle_id (&self->fill_idle, g_source_remove);
  if (clock != NULL)
    g_signal_connect_object (clock, "after-paint", G_CALLBACK (after_first_paint_cb), self, 0);
  else
    self->fill_idle = g_idle_add_full (G_PRIORITY_LOW, fill_idle_cb, self, NULL);
}

static void
on_visible_page_changed (BudWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);
  gint i = name != NULL ? bud_section_from_name (name) : -1;

  if (i >= 0)
    fill_section (self, i);
}

void
bud_window_attach_document (BudWindow   *self,
                            BudDocument *doc,
                            BudStorage  *storage,
                            const char  *path,
                            gboolean     read_only)
{
  g_autoptr(GError) error = NULL;

  bud_window_close_document (self);

  self->doc = g_object_ref (doc);
  self->storage = storage;
  self->path = g_strdup (path);
  self->read_only = read_only;
  self->unsaved = FALSE;
  self->changed_id = g_signal_connect_swapped (doc, "changed", G_CALLBACK (on_document_changed), self);

  self->tpl = bud_template_load (bud_document_meta (doc)->template_id, &error);
  if (self->tpl == NULL)
    {
      g_autofree char *msg = g_strdup_printf (_("The disclosure template is not available: %s"),
                                              error->message);
      bud_window_toast (self, msg);
    }

  memset (self->filled, 0, sizeof self->filled);
  on_visible_page_changed (self);

  gtk_stack_set_visible_child_name (self->main_stack, "document");
  bud_window_update_title (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW_MODE]);
  recompute (self);
  schedule_fill (self);
  maybe_take_screenshot (self);
}

void
bud_window_close_document (BudWindow *self)
{
  g_return_if_fail (BUD_IS_WINDOW (self));

  if (self->doc == NULL)
    return;

  g_clear_handle_id (&self->fill_idle, g_source_remove);
  if (gtk_widget_get_frame_clock (GTK_WIDGET (self)) != NULL)
    g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (GTK_WIDGET (self)),
                                          after_first_paint_cb, self);
  for (guint i = 0; i < BUD_N_SECTIONS; i++)
    if (self->filled[i])
      bud_section_set_document (BUD_SECTION (self->sections[i]), NULL);
  memset (self->filled, 0, sizeof self->filled);

  g_clear_handle_id (&self->summary_idle, g_source_remove);
  g_clear_pointer (&self->summary, bud_summary_free);
  g_clear_signal_handler (&self->changed_id, self->doc);
  /* every edit is already in the file: closing the storage loses nothing */
  g_clear_pointer (&self->storage, bud_storage_close);
  g_clear_object (&self->doc);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->imported_from, g_free);
  g_clear_pointer (&self->tpl, bud_template_unref);
  self->read_only = FALSE;
  self->unsaved = FALSE;

  gtk_stack_set_visible_child_name (self->main_stack, "empty");
  bud_window_update_title (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW_MODE]);
}

gboolean
bud_window_has_document (BudWindow *self)
{
  return self->doc != NULL;
}

gboolean
bud_window_is_in_memory (BudWindow *self)
{
  return self->doc != NULL && self->path == NULL;
}

const char *
bud_window_get_path (BudWindow *self)
{
  return self->path;
}

BudDocument *
bud_window_get_document (BudWindow *self)
{
  g_return_val_if_fail (BUD_IS_WINDOW (self), NULL);
  return self->doc;
}

const BudSummary *
bud_window_get_summary (BudWindow *self)
{
  g_return_val_if_fail (BUD_IS_WINDOW (self), NULL);
  if (self->summary_idle != 0)
    recompute (self);
  return self->summary;
}

const char *
bud_window_get_status_text (BudWindow      *self,
                            BudStatusField  field)
{
  bud_window_get_summary (self);
  switch (field)
    {
    case BUD_STATUS_INCOME:      return gtk_label_get_text (self->income_label);
    case BUD_STATUS_SPENT:       return gtk_label_get_text (self->spent_label);
    case BUD_STATUS_UNALLOCATED: return gtk_label_get_text (self->unallocated_label);
    case BUD_STATUS_ERRORS:      return gtk_label_get_text (self->errors_label);
    default:                     g_return_val_if_reached (NULL);
    }
}

const char *
bud_window_get_badge_text (BudWindow    *self,
                           BudSectionId  section)
{
  g_return_val_if_fail (section < BUD_N_SECTIONS, NULL);
  bud_window_get_summary (self);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->badges[section])))
    return "";
  return gtk_label_get_text (self->badges[section]);
}

/* ---- review mode ---- */

gboolean
bud_window_get_review_mode (BudWindow *self)
{
  g_return_val_if_fail (BUD_IS_WINDOW (self), FALSE);
  return self->doc != NULL && bud_document_get_review_mode (self->doc);
}

void
bud_window_set_review_mode (BudWindow *self,
                            gboolean   review_mode)
{
  g_return_if_fail (BUD_IS_WINDOW (self));

  review_mode = !!review_mode;
  if (self->doc == NULL || review_mode == bud_document_get_review_mode (self->doc))
    return;
  bud_document_set_review_mode (self->doc, review_mode);
  bud_window_update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW_MODE]);
}

static void
bud_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_REVIEW_MODE:
      g_value_set_boolean (value, bud_window_get_review_mode (BUD_WINDOW (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bud_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_REVIEW_MODE:
      bud_window_set_review_mode (BUD_WINDOW (object), g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* ---- navigation ---- */

static void
select_sidebar_row (BudWindow  *self,
                    const char *name)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && g_str_equal (gtk_widget_get_name (row), name))
      {
        gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (row));
        return;
      }
}

void
bud_window_show_section (BudWindow  *self,
                         const char *name)
{
  g_return_if_fail (BUD_IS_WINDOW (self));
  if (bud_section_from_name (name) < 0)
    return;
  adw_view_stack_set_visible_child_name (self->stack, name);
  select_sidebar_row (self, name);
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

GtkWidget *
bud_window_get_section (BudWindow  *self,
                        const char *name)
{
  gint i = bud_section_from_name (name);

  g_return_val_if_fail (i >= 0, NULL);
  /* whoever asks for a page wants it with the document */
  fill_section (self, i);
  return self->sections[i];
}

const char *
bud_window_get_visible_section (BudWindow *self)
{
  return adw_view_stack_get_visible_child_name (self->stack);
}

void
bud_window_show_location (BudWindow  *self,
                          BudKind     kind,
                          gint64      id,
                          const char *field)
{
  BudSectionId section;

  if (kind >= BUD_N_KINDS || self->doc == NULL)
    section = BUD_SECTION_REVIEW;
  else
    section = bud_section_for_location (self->doc, kind, id);
  bud_window_show_section (self, bud_section_name (section));
  fill_section (self, section);
  if (section != BUD_SECTION_REVIEW)
    bud_section_show_location (BUD_SECTION (self->sections[section]), kind, id, field);
}

void
bud_window_toast (BudWindow  *self,
                  const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_sidebar_row_selected (BudWindow     *self,
                         GtkListBoxRow *row)
{
  if (row != NULL)
    adw_view_stack_set_visible_child_name (self->stack, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
on_sidebar_row_activated (BudWindow     *self,
                          GtkListBoxRow *row)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
on_back_clicked (BudWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* ---- actions ---- */

static void
undo_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  BudWindow *self = BUD_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->doc == NULL)
    return;
  if (g_str_equal (action, "win.undo"))
    ok = bud_document_undo (self->doc, &error);
  else
    ok = bud_document_redo (self->doc, &error);
  if (!ok)
    bud_window_toast (self, error->message);
  update_actions (self);
}

static void
show_section_action (GtkWidget  *widget,
                     const char *action,
                     GVariant   *param)
{
  bud_window_show_section (BUD_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
notify_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  bud_window_toast (BUD_WINDOW (widget), g_variant_get_string (param, NULL));
}

/* ---- window ---- */

static gboolean
bud_window_close_request (GtkWindow *window)
{
  BudWindow *self = BUD_WINDOW (window);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set (self->settings, "window-size", "(ii)", width, height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }

  /* an imported document that was never saved: ask first */
  if (self->screenshot == NULL && !bud_window_confirm_close (self))
    return TRUE;

  bud_window_close_document (self);
  return GTK_WINDOW_CLASS (bud_window_parent_class)->close_request (window);
}

static void
bud_window_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (bud_window_parent_class)->map (widget);
  maybe_take_screenshot (BUD_WINDOW (widget));
}

static void
bud_window_dispose (GObject *object)
{
  BudWindow *self = BUD_WINDOW (object);

  bud_window_close_document (self);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), BUD_TYPE_WINDOW);
  G_OBJECT_CLASS (bud_window_parent_class)->dispose (object);
}

static void
bud_window_finalize (GObject *object)
{
  BudWindow *self = BUD_WINDOW (object);

  g_free (self->screenshot);
  G_OBJECT_CLASS (bud_window_parent_class)->finalize (object);
}

static void
bud_window_class_init (BudWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = bud_window_dispose;
  object_class->finalize = bud_window_finalize;
  object_class->get_property = bud_window_get_property;
  object_class->set_property = bud_window_set_property;
  widget_class->map = bud_window_map;

  /* Stored in the document, not here: the window only shows and switches it. */
  properties[PROP_REVIEW_MODE] =
    g_param_spec_boolean ("review-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  window_class->close_request = bud_window_close_request;


  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/deptbudget/DeptBudget/bud-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BudWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BudWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, BudWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BudWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, BudWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, BudWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, BudWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BudWindow, income_label);
  gtk_widget_class_bind_template_child (widget_class, BudWindow, spent_label);
  gtk_widget_class_bind_template_child (widget_class, BudWindow, unallocated_label);
  gtk_widget_class_bind_template_child (widget_class, BudWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, BudWindow, errors_label);
  gtk_widget_class_bind_template_child (widget_class, BudWindow, errors_icon);
  gtk_widget_class_bind_template_child (widget_class, BudWindow, recent_submenu);
  gtk_widget_class_bind_template_child_full (widget_class, "badge_overview", FALSE,
                                             G_STRUCT_OFFSET (BudWindow, badges[BUD_SECTION_OVERVIEW]));
  gtk_widget_class_bind_template_child_full (widget_class, "badge_income", FALSE,
                                             G_STRUCT_OFFSET (BudWindow, badges[BUD_SECTION_INCOME]));
  gtk_widget_class_bind_template_child_full (widget_class, "badge_lines", FALSE,
                                             G_STRUCT_OFFSET (BudWindow, badges[BUD_SECTION_LINES]));
  gtk_widget_class_bind_template_child_full (widget_class, "badge_projects", FALSE,
                                             G_STRUCT_OFFSET (BudWindow, badges[BUD_SECTION_PROJECTS]));
  gtk_widget_class_bind_template_child_full (widget_class, "badge_performance", FALSE,
                                             G_STRUCT_OFFSET (BudWindow, badges[BUD_SECTION_PERFORMANCE]));
  gtk_widget_class_bind_template_child_full (widget_class, "badge_comparisons", FALSE,
                                             G_STRUCT_OFFSET (BudWindow, badges[BUD_SECTION_COMPARISONS]));
  gtk_widget_class_bind_template_child_full (widget_class, "badge_other", FALSE,
                                             G_STRUCT_OFFSET (BudWindow, badges[BUD_SECTION_OTHER]));
  gtk_widget_class_bind_template_child_full (widget_class, "badge_preview", FALSE,
                                             G_STRUCT_OFFSET (BudWindow, badges[BUD_SECTION_PREVIEW]));
  gtk_widget_class_bind_template_child_full (widget_class, "badge_review", FALSE,
                                             G_STRUCT_OFFSET (BudWindow, badges[BUD_SECTION_REVIEW]));
  gtk_widget_class_bind_template_child_full (widget_class, "badge_carryovers", FALSE,
                                             G_STRUCT_OFFSET (BudWindow, badges[BUD_SECTION_CARRYOVERS]));
  gtk_widget_class_bind_template_child_full (widget_class, "badge_derived", FALSE,
                                             G_STRUCT_OFFSET (BudWindow, badges[BUD_SECTION_DERIVED]));
  gtk_widget_class_bind_template_child_full (widget_class, "badge_texts", FALSE,
                                             G_STRUCT_OFFSET (BudWindow, badges[BUD_SECTION_TEXTS]));
  gtk_widget_class_bind_template_child_full (widget_class, "overview_slot", FALSE,
                                             G_STRUCT_OFFSET (BudWindow, slots[BUD_SECTION_OVERVIEW]));
  gtk_widget_class_bind_template_child_full (widget_class, "income_slot", FALSE,
                                             G_STRUCT_OFFSET (BudWindow, slots[BUD_SECTION_INCOME]));
  gtk_widget_class_bind_template_child_full (widget_class, "lines_slot", FALSE,
                                             G_STRUCT_OFFSET (BudWindow, slots[BUD_SECTION_LINES]));
  gtk_widget_class_bind_template_child_full (widget_class, "projects_slot", FALSE,
                                             G_STRUCT_OFFSET (BudWindow, slots[BUD_SECTION_PROJECTS]));
  gtk_widget_class_bind_template_child_full (widget_class, "performance_slot", FALSE,
                                             G_STRUCT_OFFSET (BudWindow, slots[BUD_SECTION_PERFORMANCE]));
  gtk_widget_class_bind_template_child_full (widget_class, "comparisons_slot", FALSE,
                                             G_STRUCT_OFFSET (BudWindow, slots[BUD_SECTION_COMPARISONS]));
  gtk_widget_class_bind_template_child_full (widget_class, "other_slot", FALSE,
                                             G_STRUCT_OFFSET (BudWindow, slots[BUD_SECTION_OTHER]));
  gtk_widget_class_bind_template_child_full (widget_class, "preview_slot", FALSE,
                                             G_STRUCT_OFFSET (BudWindow, slots[BUD_SECTION_PREVIEW]));
  gtk_widget_class_bind_template_child_full (widget_class, "review_slot", FALSE,
                                             G_STRUCT_OFFSET (BudWindow, slots[BUD_SECTION_REVIEW]));
  gtk_widget_class_bind_template_child_full (widget_class, "carryovers_slot", FALSE,
                                             G_STRUCT_OFFSET (BudWindow, slots[BUD_SECTION_CARRYOVERS]));
  gtk_widget_class_bind_template_child_full (widget_class, "derived_slot", FALSE,
                                             G_STRUCT_OFFSET (BudWindow, slots[BUD_SECTION_DERIVED]));
  gtk_widget_class_bind_template_child_full (widget_class, "texts_slot", FALSE,
                                             G_STRUCT_OFFSET (BudWindow, slots[BUD_SECTION_TEXTS]));
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_page_changed);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.show-section", "s", show_section_action);
  gtk_widget_class_install_action (widget_class, "win.notify", "s", notify_action);
  gtk_widget_class_install_property_action (widget_class, "win.review-mode", "review-mode");
  bud_window_install_document_actions (widget_class);
}

static void
bud_window_init (BudWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  GApplication *app = g_application_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Without the installed schema (an uninstalled build run by hand) the
   * window simply does not remember its size. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    {
      int width, height;

      self->settings = g_settings_new (APP_ID);
      g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
      gtk_window_set_default_size (GTK_WINDOW (self), width, height);
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  if (BUD_IS_APPLICATION (app))
    g_menu_append_section (self->recent_submenu, NULL,
                           bud_application_get_recent_menu (BUD_APPLICATION (app)));

  select_sidebar_row (self, "overview");
  bud_window_update_title (self);
  update_actions (self);
}

BudWindow *
bud_window_new (GtkApplication *app)
{
  return g_object_new (BUD_TYPE_WINDOW, "application", app, NULL);
}
