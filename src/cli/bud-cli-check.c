/* bud-cli-check.c — deptbudget-cli check IN [--format text|json|html]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exit status: 0 no errors (warnings allowed), 1 errors, 2 unreadable input —
 * so a reviewer's script can gate on it.
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "bud-check.h"
#include "bud-check-report.h"
#include "bud-cli.h"

static void
print_text (BudDocument *doc,
            GPtrArray   *findings)
{
  for (guint i = 0; i < findings->len; i++)
    {
      BudFinding *f = g_ptr_array_index (findings, i);
      g_autofree char *where = bud_finding_describe_location (doc, f);

      g_print ("%s\t%s\t%s\n\t%s\n", bud_severity_label (f->severity), f->rule, where, f->message);
    }
}

static char *
findings_to_json (BudDocument *doc,
                  GPtrArray   *findings)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "department");
  json_builder_add_string_value (b, bud_document_meta (doc)->department);
  json_builder_set_member_name (b, "year");
  json_builder_add_int_value (b, bud_document_meta (doc)->year);
  for (BudSeverity s = BUD_SEVERITY_ERROR; s <= BUD_SEVERITY_INFO; s++)
    {
      g_autofree char *key = g_strconcat (bud_severity_to_string (s), "s", NULL);
      json_builder_set_member_name (b, key);
      json_builder_add_int_value (b, bud_check_count (findings, s));
    }
  json_builder_set_member_name (b, "findings");
  json_builder_begin_array (b);
  for (guint i = 0; i < findings->len; i++)
    {
      BudFinding *f = g_ptr_array_index (findings, i);
      g_autofree char *where = bud_finding_describe_location (doc, f);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "rule");
      json_builder_add_string_value (b, f->rule);
      json_builder_set_member_name (b, "severity");
      json_builder_add_string_value (b, bud_severity_to_string (f->severity));
      json_builder_set_member_name (b, "message");
      json_builder_add_string_value (b, f->message);
      json_builder_set_member_name (b, "kind");
      if (f->kind < BUD_N_KINDS)
        json_builder_add_string_value (b, bud_entity_class (f->kind)->name);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "id");
      if (f->id)
        json_builder_add_int_value (b, f->id);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "field");
      if (f->field)
        json_builder_add_string_value (b, f->field);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "location");
      json_builder_add_string_value (b, where);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
}

int
bud_cli_check (int    argc,
               char **argv)
{
  g_autofree char *format = NULL;
  g_auto(GStrv) args = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Report format: text, json or html"), N_("FORMAT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(BudDocument) doc = NULL;
  g_autoptr(BudTemplate) tpl = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  BudCheckContext ctx;

  if (!bud_cli_parse_options (_("IN"),
                              _("Check a document with every rule a reviewer applies."),
                              entries, &argc, &argv))
    return BUD_CLI_UNREADABLE;
  if (args == NULL || g_strv_length (args) != 1)
    {
      g_printerr ("%s\n", _("Usage: deptbudget-cli check IN [--format text|json|html]"));
      return BUD_CLI_UNREADABLE;
    }
  if (format == NULL)
    format = g_strdup ("text");
  if (strcmp (format, "text") != 0 && strcmp (format, "json") != 0 && strcmp (format, "html") != 0)
    {
      g_printerr (_("Unknown report format “%s” (known: text, json, html)\n"), format);
      return BUD_CLI_UNREADABLE;
    }

  doc = bud_cli_load_document (args[0], &error);
  if (doc == NULL)
    {
      g_printerr (_("Cannot read %s: %s\n"), args[0], error->message);
      return BUD_CLI_UNREADABLE;
    }
  tpl = bud_template_load (bud_document_meta (doc)->template_id, &error);
  if (tpl == NULL)
    {
      g_printerr (_("Cannot load the template of %s: %s\n"), args[0], error->message);
      return BUD_CLI_UNREADABLE;
    }

  bud_check_context_init (&ctx, tpl);
  findings = bud_check_run (doc, &ctx);

  if (strcmp (format, "json") == 0)
    {
      g_autofree char *json = findings_to_json (doc, findings);
      g_print ("%s\n", json);
    }
  else if (strcmp (format, "html") == 0)
    {
      g_autofree char *html = bud_check_report_html (doc, findings);
      g_print ("%s", html);
    }
  else
    {
      print_text (doc, findings);
      g_print (_("%u errors, %u warnings, %u notes\n"),
               bud_check_count (findings, BUD_SEVERITY_ERROR),
               bud_check_count (findings, BUD_SEVERITY_WARNING),
               bud_check_count (findings, BUD_SEVERITY_INFO));
    }

  return bud_check_count (findings, BUD_SEVERITY_ERROR) > 0 ? BUD_CLI_FAILED : BUD_CLI_OK;
}
