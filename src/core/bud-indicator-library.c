/* bud-indicator-library.c — the user's indicator library as a JSON file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "bud-indicator-library.h"
#include "bud-money.h"

#define LIBRARY_FORMAT  "deptbudget-indicators"
#define LIBRARY_VERSION 1

struct _BudIndicatorLibrary
{
  GPtrArray *items;   /* BudIndicator * */
};

static void
indicator_free (gpointer data)
{
  bud_entity_free (BUD_KIND_INDICATOR, data);
}

BudIndicatorLibrary *
bud_indicator_library_new (void)
{
  BudIndicatorLibrary *self = g_new0 (BudIndicatorLibrary, 1);

  self->items = g_ptr_array_new_with_free_func (indicator_free);
  return self;
}

void
bud_indicator_library_free (BudIndicatorLibrary *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->items);
  g_free (self);
}

char *
bud_indicator_library_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "deptbudget", "indicators.json", NULL);
}

/* Which fields travel: everything but the owner and last year's result,
 * which belongs to one table's history, not to a reusable indicator. */
static gboolean
field_travels (const BudField *field)
{
  return !g_str_equal (field->name, "target") && !g_str_equal (field->name, "last_value");
}

static BudIndicator *
indicator_from_json (JsonObject  *obj,
                     const char  *path,
                     guint        index,
                     GError     **error)
{
  const BudEntityClass *klass = bud_entity_class (BUD_KIND_INDICATOR);
  g_autoptr(GList) members = json_object_get_members (obj);
  BudIndicator *ind = bud_entity_new (BUD_KIND_INDICATOR);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      const BudField *field = bud_entity_class_field (klass, key);
      JsonNode *node = json_object_get_member (obj, key);
      const char *text;
      g_autoptr(GError) local = NULL;

      if (field == NULL || !field_travels (field))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s: indicator %u has an unknown key “%s”"), path, index + 1, key);
          goto fail;
        }
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s: indicator %u: “%s” must be a string"), path, index + 1, key);
          goto fail;
        }
      text = json_node_get_string (node);

      switch (field->type)
        {
        case BUD_FIELD_TEXT:
          if (!bud_field_validate_text (field, text, &local))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("%s: indicator %u: %s"), path, index + 1, local->message);
              goto fail;
            }
          bud_field_set_text (ind, field, text);
          break;
        case BUD_FIELD_ENUM:
          {
            int v = bud_field_enum_lookup (field, text);
            if (v < 0)
              {
                g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             _("%s: indicator %u: “%s” is not an operator"), path, index + 1, text);
                goto fail;
              }
            bud_field_set_int (ind, field, v);
          }
          break;
        case BUD_FIELD_FIXED2:
          {
            gint64 v;
            if (!bud_fixed2_parse (text, &v, &local) || !bud_field_validate_int (field, v, &local))
              {
                g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             _("%s: indicator %u: %s"), path, index + 1, local->message);
                goto fail;
              }
            bud_field_set_int (ind, field, v);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  if (ind->level1[0] == '\0' || ind->level2[0] == '\0' || ind->name[0] == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: indicator %u needs level1, level2 and name"), path, index + 1);
      goto fail;
    }
  return ind;

fail:
  bud_entity_free (BUD_KIND_INDICATOR, ind);
  return NULL;
}

/* Reads @path into a new array; a missing file gives an empty one. */
static GPtrArray *
read_items (const char  *path,
            gboolean     missing_ok,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (indicator_free);
  g_autoptr(GError) local = NULL;
  JsonNode *root;
  JsonObject *obj;
  JsonArray *array;

  if (!json_parser_load_from_file (parser, path, &local))
    {
      if (missing_ok && g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&items);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Could not read the indicator library %s: %s"), path, local->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      g_strcmp0 (json_object_get_string_member_with_default (obj = json_node_get_object (root),
                                                             "format", ""), LIBRARY_FORMAT) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s is not an indicator library (no \"format\": \"%s\")"), path, LIBRARY_FORMAT);
      return NULL;
    }
  if (json_object_get_int_member_with_default (obj, "version", 0) != LIBRARY_VERSION)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: indicator library version %" PRId64 " is not supported"),
                   path, json_object_get_int_member_with_default (obj, "version", 0));
      return NULL;
    }
  if (!json_object_has_member (obj, "indicators") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (obj, "indicators")))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: \"indicators\" must be a list"), path);
      return NULL;
    }

  array = json_object_get_array_member (obj, "indicators");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      BudIndicator *ind;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s: indicator %u is not an object"), path, i + 1);
          return NULL;
        }
      ind = indicator_from_json (json_node_get_object (node), path, i, error);
      if (ind == NULL)
        return NULL;
      g_ptr_array_add (items, ind);
    }
  return g_steal_pointer (&items);
}

BudIndicatorLibrary *
bud_indicator_library_load (const char  *path,
                            GError     **error)
{
  GPtrArray *items = read_items (path, TRUE, error);
  BudIndicatorLibrary *self;

  if (items == NULL)
    return NULL;
  self = bud_indicator_library_new ();
  for (guint i = 0; i < items->len; i++)
    bud_indicator_library_add (self, g_ptr_array_index (items, i));
  g_ptr_array_unref (items);
  return self;
}

gboolean
bud_indicator_library_save (BudIndicatorLibrary  *self,
                            const char           *path,
                            GError              **error)
{
  const BudEntityClass *klass = bud_entity_class (BUD_KIND_INDICATOR);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *data = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) local = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, LIBRARY_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, LIBRARY_VERSION);
  json_builder_set_member_name (builder, "indicators");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->items->len; i++)
    {
      const BudIndicator *ind = g_ptr_array_index (self->items, i);

      json_builder_begin_object (builder);
      for (guint f = 0; f < klass->n_fields; f++)
        {
          const BudField *field = &klass->fields[f];
          g_autofree char *fixed = NULL;

          if (!field_travels (field))
            continue;
          json_builder_set_member_name (builder, field->name);
          switch (field->type)
            {
            case BUD_FIELD_TEXT:
              json_builder_add_string_value (builder, bud_field_get_text (ind, field));
              break;
            case BUD_FIELD_ENUM:
              json_builder_add_string_value (builder,
                                             field->enum_values[bud_field_get_int (ind, field)]);
              break;
            case BUD_FIELD_FIXED2:
              fixed = bud_fixed2_format (bud_field_get_int (ind, field));
              json_builder_add_string_value (builder, fixed);
              break;
            default:
              g_assert_not_reached ();
            }
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  data = json_generator_to_data (gen, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  if (!g_file_set_contents (path, data, -1, &local))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the indicator library %s: %s"), path, local->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
bud_indicator_library_import (BudIndicatorLibrary  *self,
                              const char           *path,
                              guint                *n_added,
                              GError              **error)
{
  g_autoptr(GPtrArray) items = read_items (path, FALSE, error);
  guint added = 0;

  if (n_added != NULL)
    *n_added = 0;
  if (items == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      BudIndicator *ind = g_ptr_array_index (items, i);

      if (bud_indicator_library_find (self, ind->level1, ind->level2, ind->name) < 0)
        {
          bud_indicator_library_add (self, ind);
          added++;
        }
    }
  if (n_added != NULL)
    *n_added = added;
  return TRUE;
}

guint
bud_indicator_library_get_n_items (BudIndicatorLibrary *self)
{
  return self->items->len;
}

const BudIndicator *
bud_indicator_library_get (BudIndicatorLibrary *self,
                           guint                index)
{
  g_return_val_if_fail (index < self->items->len, NULL);
  return g_ptr_array_index (self->items, index);
}

gint
bud_indicator_library_find (BudIndicatorLibrary *self,
                            const char          *level1,
                            const char          *level2,
                            const char          *name)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      const BudIndicator *ind = g_ptr_array_index (self->items, i);

      if (g_strcmp0 (ind->level1, level1) == 0 && g_strcmp0 (ind->level2, level2) == 0 &&
          g_strcmp0 (ind->name, name) == 0)
        return (gint) i;
    }
  return -1;
}

guint
bud_indicator_library_add (BudIndicatorLibrary *self,
                           const BudIndicator  *indicator)
{
  BudIndicator *copy = bud_entity_copy (BUD_KIND_INDICATOR, indicator);
  gint existing = bud_indicator_library_find (self, indicator->level1, indicator->level2,
                                              indicator->name);

  copy->id = 0;
  copy->target = 0;
  g_free (copy->last_value);
  copy->last_value = g_strdup ("");
  if (existing >= 0)
    {
      bud_entity_free (BUD_KIND_INDICATOR, self->items->pdata[existing]);
      self->items->pdata[existing] = copy;
      return (guint) existing;
    }
  g_ptr_array_add (self->items, copy);
  return self->items->len - 1;
}

void
bud_indicator_library_remove (BudIndicatorLibrary *self,
                              guint                index)
{
  g_return_if_fail (index < self->items->len);
  g_ptr_array_remove_index (self->items, index);
}
