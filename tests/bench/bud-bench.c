/* bud-bench.c — deptbudget-bench: the figures DESIGN.md sets targets for, on synthetic departments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each size (bud-synth.h) it generates the document, writes it as a
 * .budget file, opens it again, then times 1,000 random edits the way the
 * app lives them: one line amount changed through the document and committed
 * to the file, then all tables, all checks and the status totals recomputed.
 * Export times are measured when the core has an exporter. With a display
 * (run it under xvfb-run) it also times the GUI from exec of `deptbudget
 * FILE` to the first frame that shows the document, on each size and on
 * the seed document (data/examples): the app, with BUD_REPORT_FIRST_FRAME
 * set, prints the monotonic time of that frame and quits, and the time is
 * taken against the moment just before the exec.
 *
 * Each size runs in a child process of its own (this program re-executed with
 * --one SIZE), so that the peak resident memory of one size does not hide
 * in the peak of a bigger one, and no size inherits another's warm heap.
 * The child prints one JSON object; the parent collects them.
 *
 * Not a test: timings on a shared machine are not pass/fail material.
 */
#include "config.h"

#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "bud-check.h"
#include "bud-jsonio.h"
#include "bud-pivot.h"
#include "bud-storage.h"
#include "bud-synth.h"

#if defined(__has_include)
# if __has_include("bud-export.h")
#  include "bud-export.h"
#  define HAVE_EXPORT 1
# endif
#endif

#define TEMPLATE_ID "xinjiang-2026"
#define N_OPENS     3

#ifndef BENCH_APP
# define BENCH_APP NULL   /* built without the GUI */
#endif
#ifndef BENCH_SCHEMA_DIR
# define BENCH_SCHEMA_DIR NULL
#endif

static guint opt_edits = 1000;
static guint opt_seed = 1;
static char *opt_sizes = NULL;
static char *opt_json = NULL;
static char *opt_one = NULL;
static char *opt_dir = NULL;
static char *opt_app = NULL;
static guint opt_launches = 3;

static GOptionEntry entries[] = {
  { "sizes", 's', 0, G_OPTION_ARG_STRING, &opt_sizes, "Sizes to run, comma-separated (S,M,L,XL; default S,M,L)", "LIST" },
  { "edits", 'n', 0, G_OPTION_ARG_INT, &opt_edits, "Random edits to time per size (default 1000)", "N" },
  { "seed", 0, 0, G_OPTION_ARG_INT, &opt_seed, "Seed of the documents and of the edits (default 1)", "N" },
  { "json", 'j', 0, G_OPTION_ARG_FILENAME, &opt_json, "Also write the figures as JSON to FILE", "FILE" },
  { "dir", 0, 0, G_OPTION_ARG_FILENAME, &opt_dir, "Folder for the .budget and export files (default: a new temporary folder, removed afterwards)", "DIR" },
  { "app", 0, 0, G_OPTION_ARG_FILENAME, &opt_app, "The deptbudget program to time from launch to first frame (default: this build's; \"\" to skip)", "PATH" },
  { "launches", 0, 0, G_OPTION_ARG_INT, &opt_launches, "Launches to time per document (default 3; the median is reported)", "N" },
  { "one", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &opt_one, "Run one size in this process and print JSON", "SIZE" },
  { NULL }
};

/* ---- figures ---- */

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* nearest-rank percentile of sorted @v */
static double
percentile (const double *v,
            guint         n,
            guint         p)
{
  guint rank;

  if (n == 0)
    return 0;
  rank = (n * p + 99) / 100;
  return v[CLAMP (rank, 1, n) - 1];
}

static double
median_of (double *v,
           guint   n)
{
  qsort (v, n, sizeof *v, compare_double);
  return percentile (v, n, 50);
}

/* Peak resident set of this process in MiB: VmHWM, else ru_maxrss. */
static double
peak_rss_mib (void)
{
  g_autofree char *status = NULL;
  struct rusage ru;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    {
      const char *hwm = strstr (status, "VmHWM:");

      if (hwm)
        return g_ascii_strtod (hwm + strlen ("VmHWM:"), NULL) / 1024.0;
    }
  if (getrusage (RUSAGE_SELF, &ru) == 0)
    return ru.ru_maxrss / 1024.0;
  return 0;
}

/* Deterministic edits, independent of the document generator's sequence. */
static guint32
edit_rng (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return (guint32) ((z ^ (z >> 31)) >> 32);
}

/* The status strip: 收入总计, 支出总计, 未分配 per source, error count. */
typedef struct {
  gint64 income;
  gint64 expense;
  gint64 unallocated[BUD_N_SOURCES];
  guint  errors;
} Totals;

static void
compute_totals (BudDocument *doc,
                GPtrArray   *findings,
                Totals      *t)
{
  GPtrArray *lines = bud_document_items (doc, BUD_KIND_LINE);
  GPtrArray *income = bud_document_items (doc, BUD_KIND_INCOME);

  memset (t, 0, sizeof *t);
  for (guint i = 0; i < income->len; i++)
    {
      BudIncome *in = g_ptr_array_index (income, i);

      t->income += in->amount;
      t->unallocated[in->source] += in->amount;
    }
  for (guint i = 0; i < lines->len; i++)
    {
      BudLine *l = g_ptr_array_index (lines, i);

      t->expense += l->amount;
      t->unallocated[l->source] -= l->amount;
    }
  t->errors = bud_check_count (findings, BUD_SEVERITY_ERROR);
}

/* ---- GUI launch to first frame ---- */

static const char *
app_path (void)
{
  const char *app = opt_app ? opt_app : BENCH_APP;

  return (app && app[0] && g_getenv ("DISPLAY") != NULL) ? app : NULL;
}

/* One launch of the app on @path: ms from just before exec to the first
 * frame with the document, or a negative number when it failed. */
static double
launch_once (const char *app,
             const char *path)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *argv[] = { "timeout", "120", app, path, NULL };
  const char *line;
  gint64 start, frame;
  int status = 0;

  env = g_environ_setenv (env, "BUD_REPORT_FIRST_FRAME", "1", TRUE);
  /* the window size must not come from (or go to) the user's settings */
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  if (BENCH_SCHEMA_DIR != NULL && opt_app == NULL)
    env = g_environ_setenv (env, "GSETTINGS_SCHEMA_DIR", BENCH_SCHEMA_DIR, FALSE);

  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s %s: %s\n", app, path, error->message);
      return -1;
    }
  line = out ? strstr (out, "first-frame-us ") : NULL;
  if (line == NULL)
    {
      g_printerr ("%s %s: no first frame reported\n", app, path);
      return -1;
    }
  frame = g_ascii_strtoll (line + strlen ("first-frame-us "), NULL, 10);
  return (frame - start) / 1000.0;
}

/* Median of opt_launches launches, or a negative number. */
static double
launch_ms (const char *path)
{
  const char *app = app_path ();
  g_autofree double *t = NULL;
  guint n = MAX (opt_launches, 1);

  if (app == NULL)
    return -1;
  t = g_new0 (double, n);
  for (guint i = 0; i < n; i++)
    if ((t[i] = launch_once (app, path)) < 0)
      return -1;
  return median_of (t, n);
}

/* ---- one size, in this process ---- */

static void
add_ms (JsonBuilder *b,
        const char  *name,
        double       ms)
{
  json_builder_set_member_name (b, name);
  json_builder_add_double_value (b, ms);
}

static int
run_one (BudSynthSize size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudTemplate) tpl = NULL;
  g_autoptr(BudDocument) doc = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree double *edit = NULL, *commit = NULL, *tables_ms = NULL, *checks_ms = NULL, *totals_ms = NULL;
  double opens[N_OPENS];
  BudStorage *storage = NULL;
  BudCheckContext ctx;
  GPtrArray *lines;
  GStatBuf st;
  guint64 rng;
  gint64 start;
  double generate_ms, create_ms;
  guint n_edits = MAX (opt_edits, 1);
  guint n_findings = 0, n_errors_before = 0;
  Totals totals;

  tpl = bud_template_load (TEMPLATE_ID, &error);
  if (tpl == NULL)
    g_error ("%s", error->message);
  bud_check_context_init (&ctx, tpl);

  dir = opt_dir ? g_strdup (opt_dir) : g_dir_make_tmp ("deptbudget-bench-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_strdup_printf ("%s/bench-%s.budget", dir, bud_synth_size_to_string (size));
  g_unlink (path);

  start = g_get_monotonic_time ();
  doc = bud_synth_generate (size, opt_seed);
  generate_ms = ms_since (start);

  start = g_get_monotonic_time ();
  storage = bud_storage_create (path, doc, TRUE, &error);
  if (storage == NULL)
    g_error ("%s", error->message);
  create_ms = ms_since (start);
  bud_storage_close (storage);
  g_clear_object (&doc);

  /* the first open is as warm as the others: the file was just written */
  for (guint i = 0; i < N_OPENS; i++)
    {
      if (doc)
        {
          bud_storage_close (storage);
          g_clear_object (&doc);
        }
      start = g_get_monotonic_time ();
      doc = bud_storage_open (path, BUD_STORAGE_OPEN_DEFAULT, &storage, &error);
      opens[i] = ms_since (start);
      if (doc == NULL)
        g_error ("%s", error->message);
    }

  /* what the window shows once the document is open */
  {
    g_autoptr(GPtrArray) tables = bud_pivot_build_all (tpl, doc, NULL, &error);
    g_autoptr(GPtrArray) findings = bud_check_run (doc, &ctx);

    if (tables == NULL)
      g_error ("%s", error->message);
    n_errors_before = bud_check_count (findings, BUD_SEVERITY_ERROR);
  }

  edit = g_new0 (double, n_edits);
  commit = g_new0 (double, n_edits);
  tables_ms = g_new0 (double, n_edits);
  checks_ms = g_new0 (double, n_edits);
  totals_ms = g_new0 (double, n_edits);
  lines = bud_document_items (doc, BUD_KIND_LINE);
  rng = G_GUINT64_CONSTANT (0x65646974) ^ opt_seed;   /* "edit" */
  for (guint i = 0; i < n_edits; i++)
    {
      BudLine *l = g_ptr_array_index (lines, edit_rng (&rng) % lines->len);
      gint64 amount = 100 * (gint64) (1 + edit_rng (&rng) % 2000000);
      g_autoptr(GPtrArray) tables = NULL;
      g_autoptr(GPtrArray) findings = NULL;
      gint64 t0, t1, t2, t3, t4;

      t0 = g_get_monotonic_time ();
      if (!bud_document_set_int (doc, BUD_KIND_LINE, l->id, "amount", amount, &error))
        g_error ("%s", error->message);
      t1 = g_get_monotonic_time ();
      tables = bud_pivot_build_all (tpl, doc, NULL, &error);
      if (tables == NULL)
        g_error ("%s", error->message);
      t2 = g_get_monotonic_time ();
      findings = bud_check_run (doc, &ctx);
      t3 = g_get_monotonic_time ();
      compute_totals (doc, findings, &totals);
      t4 = g_get_monotonic_time ();

      edit[i] = (t4 - t0) / 1000.0;
      commit[i] = (t1 - t0) / 1000.0;
      tables_ms[i] = (t2 - t1) / 1000.0;
      checks_ms[i] = (t3 - t2) / 1000.0;
      totals_ms[i] = (t4 - t3) / 1000.0;
      n_findings = findings->len;
    }

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "size");
  json_builder_add_string_value (b, bud_synth_size_to_string (size));
  json_builder_set_member_name (b, "seed");
  json_builder_add_int_value (b, opt_seed);
  json_builder_set_member_name (b, "units");
  json_builder_add_int_value (b, bud_document_count (doc, BUD_KIND_UNIT));
  json_builder_set_member_name (b, "lines");
  json_builder_add_int_value (b, bud_document_count (doc, BUD_KIND_LINE));
  json_builder_set_member_name (b, "projects");
  json_builder_add_int_value (b, bud_document_count (doc, BUD_KIND_PROJECT));
  json_builder_set_member_name (b, "indicators");
  json_builder_add_int_value (b, bud_document_count (doc, BUD_KIND_INDICATOR));
  json_builder_set_member_name (b, "file_bytes");
  json_builder_add_int_value (b, g_stat (path, &st) == 0 ? (gint64) st.st_size : -1);
  json_builder_set_member_name (b, "errors_before_edits");
  json_builder_add_int_value (b, n_errors_before);
  json_builder_set_member_name (b, "findings_after_edits");
  json_builder_add_int_value (b, n_findings);
  add_ms (b, "generate_ms", generate_ms);
  add_ms (b, "create_ms", create_ms);
  add_ms (b, "open_ms", median_of (opens, N_OPENS));
  json_builder_set_member_name (b, "edits");
  json_builder_add_int_value (b, n_edits);
  qsort (edit, n_edits, sizeof *edit, compare_double);
  add_ms (b, "edit_median_ms", percentile (edit, n_edits, 50));
  add_ms (b, "edit_p99_ms", percentile (edit, n_edits, 99));
  add_ms (b, "edit_max_ms", edit[n_edits - 1]);
  add_ms (b, "commit_median_ms", median_of (commit, n_edits));
  add_ms (b, "tables_median_ms", median_of (tables_ms, n_edits));
  add_ms (b, "checks_median_ms", median_of (checks_ms, n_edits));
  add_ms (b, "totals_median_ms", median_of (totals_ms, n_edits));

  bud_storage_close (storage);
  storage = NULL;

  /* the app opens the file for editing, so only once this process let go of it */
  {
    double ms = launch_ms (path);

    if (ms >= 0)
      add_ms (b, "first_frame_ms", ms);
  }

#ifdef HAVE_EXPORT
  {
    g_autoptr(BudExportPackage) pkg = NULL;
    g_autofree char *pdf = g_strdup_printf ("%s/bench-%s.pdf", dir, bud_synth_size_to_string (size));
    g_autofree char *xlsx = g_strdup_printf ("%s/bench-%s.xlsx", dir, bud_synth_size_to_string (size));
    double package_ms, pdf_ms, xlsx_ms;

    start = g_get_monotonic_time ();
    pkg = bud_export_package_new (doc, tpl, &error);
    if (pkg == NULL)
      g_error ("%s", error->message);
    package_ms = ms_since (start);
    start = g_get_monotonic_time ();
    if (!bud_export_pdf (pkg, pdf, &error))
      g_error ("%s", error->message);
    pdf_ms = ms_since (start);
    start = g_get_monotonic_time ();
    if (!bud_export_xlsx (pkg, xlsx, &error))
      g_error ("%s", error->message);
    xlsx_ms = ms_since (start);
    add_ms (b, "export_package_ms", package_ms);
    add_ms (b, "export_pdf_ms", pdf_ms);
    add_ms (b, "export_xlsx_ms", xlsx_ms);
    /* DESIGN's “full PDF + XLSX export”: both files from one document */
    add_ms (b, "export_total_ms", package_ms + pdf_ms + xlsx_ms);
    if (!opt_dir)
      {
        g_unlink (pdf);
        g_unlink (xlsx);
      }
  }
#endif

  json_builder_set_member_name (b, "peak_rss_mib");
  json_builder_add_double_value (b, peak_rss_mib ());
  json_builder_end_object (b);

  if (!opt_dir)
    {
      g_unlink (path);
      g_rmdir (dir);
    }

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  out = json_generator_to_data (gen, NULL);
  g_print ("%s\n", out);
  return 0;
}

/* ---- the parent: one child per size, then the report ---- */

typedef struct {
  const char *key;
  const char *label;
  const char *unit;     /* "ms", "MiB", "" */
  double      target;   /* DESIGN.md target (on L), 0 for none */
} Row;

static const Row rows[] = {
  { "lines", "lines", "", 0 },
  { "projects", "projects", "", 0 },
  { "indicators", "indicators", "", 0 },
  { "file_bytes", ".budget file size", "MiB", 0 },
  { "generate_ms", "generate (in memory)", "ms", 0 },
  { "create_ms", "create .budget", "ms", 0 },
  { "open_ms", "open .budget", "ms", 300 },
  { "edit_median_ms", "one edit, median", "ms", 5 },
  { "edit_p99_ms", "one edit, p99", "ms", 0 },
  { "edit_max_ms", "one edit, max", "ms", 0 },
  { "commit_median_ms", "  of which commit, median", "ms", 0 },
  { "tables_median_ms", "  of which 12 tables, median", "ms", 0 },
  { "checks_median_ms", "  of which checks, median", "ms", 0 },
  { "totals_median_ms", "  of which totals, median", "ms", 0 },
  { "export_package_ms", "export: package", "ms", 0 },
  { "export_pdf_ms", "export: PDF", "ms", 0 },
  { "export_xlsx_ms", "export: XLSX", "ms", 0 },
  { "export_total_ms", "export: package + PDF + XLSX", "ms", 2000 },
  { "peak_rss_mib", "peak resident memory", "MiB", 200 },
  { "first_frame_ms", "GUI launch to first frame", "ms", 0 },
};

static char *
format_value (JsonObject *o,
              const Row  *row)
{
  JsonNode *n = json_object_get_member (o, row->key);
  double v;

  if (n == NULL)
    return g_strdup ("n/a");
  v = json_node_get_double (n);
  if (strcmp (row->key, "file_bytes") == 0)
    return g_strdup_printf ("%.1f", v / (1024.0 * 1024.0));
  if (row->unit[0] == '\0')
    return g_strdup_printf ("%.0f", v);
  return g_strdup_printf (v < 10 ? "%.2f" : "%.1f", v);
}

static void
print_report (GPtrArray *results)
{
  g_autofree char *head = g_strdup_printf ("figure (seed %u, %u edits)", opt_seed, opt_edits);

  g_print ("\n%-32s %-5s", head, "unit");
  for (guint i = 0; i < results->len; i++)
    g_print (" %10s", json_object_get_string_member (g_ptr_array_index (results, i), "size"));
  g_print ("   target (L)\n");
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      g_print ("%-32s %-5s", rows[r].label, rows[r].unit);
      for (guint i = 0; i < results->len; i++)
        {
          g_autofree char *v = format_value (g_ptr_array_index (results, i), &rows[r]);
          g_print (" %10s", v);
        }
      if (rows[r].target > 0)
        g_print ("   <= %g %s", rows[r].target, rows[r].unit);
      g_print ("\n");
    }
#ifndef HAVE_EXPORT
  g_print ("\nexport: n/a - this build of the core has no exporter (bud-export.h)\n");
#endif
  if (app_path () == NULL)
    g_print ("\nGUI launch: n/a - %s\n", g_getenv ("DISPLAY") == NULL
             ? "no display (run the benchmark under xvfb-run)" : "no app (built without the GUI, or --app \"\")");
}

/* The seed document (data/examples) as a .budget file, opened by the app. */
static double
seed_launch_ms (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDocument) doc = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  BudStorage *storage;
  double ms;

  if (app_path () == NULL)
    return -1;
  doc = bud_json_read_file (BENCH_SEED_DOC, &error);
  dir = g_dir_make_tmp ("deptbudget-bench-XXXXXX", &error);
  if (doc == NULL || dir == NULL)
    {
      g_printerr ("seed: %s\n", error->message);
      return -1;
    }
  path = g_build_filename (dir, "seed.budget", NULL);
  storage = bud_storage_create (path, doc, TRUE, &error);
  if (storage == NULL)
    {
      g_printerr ("seed: %s\n", error->message);
      g_rmdir (dir);
      return -1;
    }
  bud_storage_close (storage);
  ms = launch_ms (path);
  g_unlink (path);
  g_rmdir (dir);
  return ms;
}

static JsonObject *
run_child (const char   *self,
           BudSynthSize  size,
           GError      **error)
{
  g_autofree char *edits = g_strdup_printf ("%u", opt_edits);
  g_autofree char *seed = g_strdup_printf ("%u", opt_seed);
  g_autofree char *launches = g_strdup_printf ("%u", opt_launches);
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  GPtrArray *argv = g_ptr_array_new ();
  int status = 0;
  gboolean ok;

  g_ptr_array_add (argv, (char *) self);
  g_ptr_array_add (argv, (char *) "--one");
  g_ptr_array_add (argv, (char *) bud_synth_size_to_string (size));
  g_ptr_array_add (argv, (char *) "--edits");
  g_ptr_array_add (argv, edits);
  g_ptr_array_add (argv, (char *) "--seed");
  g_ptr_array_add (argv, seed);
  if (opt_dir)
    {
      g_ptr_array_add (argv, (char *) "--dir");
      g_ptr_array_add (argv, opt_dir);
    }
  if (opt_app)
    {
      g_ptr_array_add (argv, (char *) "--app");
      g_ptr_array_add (argv, opt_app);
    }
  g_ptr_array_add (argv, (char *) "--launches");
  g_ptr_array_add (argv, launches);
  g_ptr_array_add (argv, NULL);

  /* the child's stderr goes straight to ours, so its messages are seen */
  ok = g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_CHILD_INHERITS_STDIN,
                     NULL, NULL, &out, NULL, &status, error);
  g_ptr_array_unref (argv);
  if (!ok || !g_spawn_check_wait_status (status, error))
    return NULL;
  if (!json_parser_load_from_data (parser, out, -1, error))
    return NULL;
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— time open, edit, tables, checks and export on synthetic departments");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autofree char *self = NULL;
  g_auto(GStrv) sizes = NULL;
  double seed_ms;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (opt_one)
    {
      BudSynthSize size;

      if (!bud_synth_size_from_string (opt_one, &size))
        {
          g_printerr ("unknown size \"%s\"\n", opt_one);
          return 2;
        }
      return run_one (size);
    }

  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self == NULL)
    self = g_strdup (argv[0]);
  sizes = g_strsplit (opt_sizes ? opt_sizes : "S,M,L", ",", -1);
  for (guint i = 0; sizes[i]; i++)
    {
      BudSynthSize size;
      JsonObject *o;
      gint64 start = g_get_monotonic_time ();

      if (!bud_synth_size_from_string (g_strstrip (sizes[i]), &size))
        {
          g_printerr ("unknown size \"%s\" (S, M, L or XL)\n", sizes[i]);
          return 2;
        }
      g_printerr ("running %s ...", bud_synth_size_to_string (size));
      o = run_child (self, size, &error);
      if (o == NULL)
        {
          g_printerr ("\nsize %s failed: %s\n", sizes[i], error->message);
          return 1;
        }
      g_printerr (" %.1f s\n", ms_since (start) / 1000.0);
      g_ptr_array_add (results, o);
    }

  seed_ms = seed_launch_ms ();
  print_report (results);
  if (seed_ms >= 0)
    g_print ("GUI launch to first frame, seed document (%s): %.1f ms   <= 500 ms\n",
             BENCH_SEED_DOC, seed_ms);

  if (opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonGenerator) gen = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "program");
      json_builder_add_string_value (b, "deptbudget-bench");
      json_builder_set_member_name (b, "version");
      json_builder_add_string_value (b, PACKAGE_VERSION);
      json_builder_set_member_name (b, "export_available");
#ifdef HAVE_EXPORT
      json_builder_add_boolean_value (b, TRUE);
#else
      json_builder_add_boolean_value (b, FALSE);
#endif
      if (seed_ms >= 0)
        {
          json_builder_set_member_name (b, "seed_first_frame_ms");
          json_builder_add_double_value (b, seed_ms);
        }
      json_builder_set_member_name (b, "results");
      json_builder_begin_array (b);
      for (guint i = 0; i < results->len; i++)
        {
          JsonNode *n = json_node_init_object (json_node_alloc (), g_ptr_array_index (results, i));
          json_builder_add_value (b, n);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      json_generator_set_root (gen, root);
      json_generator_set_pretty (gen, TRUE);
      if (!json_generator_to_file (gen, opt_json, &error))
        {
          g_printerr ("cannot write %s: %s\n", opt_json, error->message);
          return 1;
        }
    }
  return 0;
}
