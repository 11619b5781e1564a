/* bench-gui.c — how long the window takes to show what the user asked for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run under a display (xvfb-run). Each figure is the time from the action to
 * the end of the next frame painted after it (the frame clock's after-paint),
 * in this process, on a synthesized document written to a .budget file and
 * opened the way the app opens it. Not a test: a shared machine's timings are
 * numbers to read, not pass/fail material.
 *
 *   bench-gui --size L --repeat 5
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "bud-lines-page.h"
#include "bud-storage.h"
#include "bud-synth.h"
#include "bud-window.h"

static char *opt_size = NULL;
static guint opt_repeat = 5;

static GOptionEntry entries[] = {
  { "size", 's', 0, G_OPTION_ARG_STRING, &opt_size, "Document size: S, M, L or XL (default L)", "SIZE" },
  { "repeat", 'r', 0, G_OPTION_ARG_INT, &opt_repeat, "Times to repeat the repeatable figures (default 5; the median is reported)", "N" },
  { NULL }
};

/* ---- waiting for a frame ---- */

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Runs the main loop until @win has painted a frame; ms since @start. */
static double
wait_for_paint (BudWindow *win,
                gint64     start)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (win));
  gboolean painted = FALSE;
  gulong id;

  /* something must be drawn even if the action changed nothing visible */
  gtk_widget_queue_draw (GTK_WIDGET (win));
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Lets every pending idle (the pages filled after the first frame) finish. */
static double
settle (void)
{
  gint64 start = g_get_monotonic_time ();

  while (g_main_context_iteration (NULL, FALSE))
    ;
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *t,
        guint   n)
{
  qsort (t, n, sizeof *t, compare_double);
  return n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
}

static void
report (const char *what,
        double      ms)
{
  g_print ("%-58s %9.1f ms\n", what, ms);
}

/* ---- the figures ---- */

static BudWindow *
open_window (const char *path,
             const char *page,
             double     *ms)
{
  BudWindow *win = bud_window_new (NULL);
  g_autoptr(GError) error = NULL;
  gint64 start;

  gtk_window_set_default_size (GTK_WINDOW (win), 1400, 900);
  bud_window_show_section (win, page);
  gtk_window_present (GTK_WINDOW (win));
  wait_for_paint (win, g_get_monotonic_time ());

  start = g_get_monotonic_time ();
  if (!bud_window_load (win, path, FALSE, &error))
    g_error ("%s", error->message);
  *ms = wait_for_paint (win, start);
  return win;
}

static GtkWidget *
find_column_view (GtkWidget *widget)
{
  if (GTK_IS_COLUMN_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_column_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The adjustment the grid scrolls by. */
static GtkAdjustment *
grid_adjustment (BudLinesPage *page)
{
  GtkWidget *view = find_column_view (GTK_WIDGET (page));

  g_assert (view != NULL);
  return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
}

/* Median ms from showing only @unit's lines to the frame, back to all between. */
static double
time_unit_filter (BudWindow    *win,
                  BudLinesPage *page,
                  gint64        unit,
                  double       *t)
{
  for (guint i = 0; i < opt_repeat; i++)
    {
      gint64 start = g_get_monotonic_time ();

      bud_lines_page_set_unit_filter (page, unit);
      t[i] = wait_for_paint (win, start);
      settle ();
      bud_lines_page_set_unit_filter (page, 0);
      wait_for_paint (win, g_get_monotonic_time ());
      settle ();
    }
  return median (t, opt_repeat);
}

static void
run (const char *path)
{
  g_autofree double *t = g_new0 (double, opt_repeat);
  BudWindow *win;
  BudLinesPage *page;
  BudDocument *doc;
  GtkAdjustment *adj;
  BudUnit *unit;
  double ms;
  gint64 start;

  /* the launch's part in the window: Overview first, then Lines first */
  win = open_window (path, "overview", &ms);
  report ("open on Overview: load to first frame", ms);
  report ("· then the other pages filled on idle", settle ());
  bud_window_close_document (win);
  gtk_window_destroy (GTK_WINDOW (win));
  settle ();

  win = open_window (path, "lines", &ms);
  report ("open on Lines: load to first frame", ms);
  settle ();
  bud_window_close_document (win);
  gtk_window_destroy (GTK_WINDOW (win));
  settle ();

  /* switching to Lines before and after its idle fill */
  win = open_window (path, "overview", &ms);
  start = g_get_monotonic_time ();
  bud_window_show_section (win, "lines");
  report ("show Lines right after the first frame (not yet filled)", wait_for_paint (win, start));
  settle ();
  bud_window_show_section (win, "overview");
  wait_for_paint (win, g_get_monotonic_time ());
  start = g_get_monotonic_time ();
  bud_window_show_section (win, "lines");
  report ("show Lines again", wait_for_paint (win, start));
  settle ();

  page = BUD_LINES_PAGE (bud_window_get_section (win, "lines"));
  doc = bud_window_get_document (win);
  adj = grid_adjustment (page);

  for (guint i = 0; i < opt_repeat; i++)
    {
      start = g_get_monotonic_time ();
      gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj));
      t[i] = wait_for_paint (win, start);
    }
  report ("scroll down one screen of rows (median)", median (t, opt_repeat));

  start = g_get_monotonic_time ();
  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
  report ("scroll to the last line", wait_for_paint (win, start));
  settle ();

  unit = g_ptr_array_index (bud_document_items (doc, BUD_KIND_UNIT),
                            bud_document_count (doc, BUD_KIND_UNIT) > 1 ? 1 : 0);
  report ("filter by one unit (median)", time_unit_filter (win, page, unit->id, t));

  for (guint i = 0; i < opt_repeat; i++)
    {
      bud_lines_page_set_unit_filter (page, unit->id);
      wait_for_paint (win, g_get_monotonic_time ());
      settle ();
      start = g_get_monotonic_time ();
      bud_lines_page_set_unit_filter (page, 0);
      t[i] = wait_for_paint (win, start);
      settle ();
    }
  report ("back to all units (median)", median (t, opt_repeat));

  /* the same from the top of the grid, where a user who just opened the
   * document starts: the rows on screen stay, only their lines change */
  gtk_adjustment_set_value (adj, 0);
  wait_for_paint (win, g_get_monotonic_time ());
  settle ();
  report ("filter by one unit, grid at the top (median)", time_unit_filter (win, page, unit->id, t));

  for (guint i = 0; i < opt_repeat; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s%u", unit->name, i);
      g_autoptr(GError) error = NULL;

      start = g_get_monotonic_time ();
      if (!bud_document_set_text (doc, BUD_KIND_UNIT, unit->id, "name", name, &error))
        g_error ("%s", error->message);
      t[i] = wait_for_paint (win, start);
      settle ();
    }
  report ("rename a unit, grid on screen (median)", median (t, opt_repeat));

  for (guint i = 0; i < opt_repeat; i++)
    {
      BudLine *line = g_ptr_array_index (bud_document_items (doc, BUD_KIND_LINE),
                                         bud_document_count (doc, BUD_KIND_LINE) - 1);
      g_autoptr(GError) error = NULL;

      start = g_get_monotonic_time ();
      if (!bud_document_set_int (doc, BUD_KIND_LINE, line->id, "amount", line->amount + 100, &error))
        g_error ("%s", error->message);
      /* the status strip follows on idle: count it in */
      settle ();
      t[i] = wait_for_paint (win, start);
    }
  report ("edit an amount on screen, with the status strip (median)", median (t, opt_repeat));

  bud_window_close_document (win);
  gtk_window_destroy (GTK_WINDOW (win));
  settle ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the window on a synthesized document");
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDocument) doc = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  BudSynthSize size = BUD_SYNTH_L;
  BudStorage *storage;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (opt_size != NULL && !bud_synth_size_from_string (opt_size, &size))
    {
      g_printerr ("unknown size %s\n", opt_size);
      return 2;
    }
  opt_repeat = MAX (opt_repeat, 1);

  adw_init ();
  dir = g_dir_make_tmp ("bench-gui-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "bench.budget", NULL);
  doc = bud_synth_generate (size, 1);
  storage = bud_storage_create (path, doc, TRUE, &error);
  if (storage == NULL)
    g_error ("%s", error->message);
  bud_storage_close (storage);

  g_print ("size %s, %u lines; load average %s", bud_synth_size_to_string (size),
           bud_document_count (doc, BUD_KIND_LINE), "");
  {
    g_autofree char *load = NULL;

    if (g_file_get_contents ("/proc/loadavg", &load, NULL, NULL))
      g_print ("%s", load);
    else
      g_print ("unknown\n");
  }

  run (path);

  g_unlink (path);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_unlink (journal);
  g_rmdir (dir);
  return 0;
}
