/* bud-jsonio.c — the JSON exchange format: strict import, canonical export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both directions are driven by the field tables of bud-schema.c: a new field
 * there is a new key here without code. Import goes through bud_document_insert
 * and bud_document_set_* so the document's own validation has the last word;
 * this file adds the JSON path to its messages and the checks only JSON needs
 * (types, keys, ids).
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "bud-json-strict.h"
#include "bud-jsonio.h"
#include "bud-money.h"

G_DEFINE_QUARK (bud-json-error-quark, bud_json_error)

#define FORMAT_NAME "deptbudget"

/* Ids stay within what a JavaScript tool reads exactly, and far from the
 * gint64 overflow a document's next id would otherwise risk. */
#define MAX_ID G_GINT64_CONSTANT (9007199254740991)

/* Values echoed in messages are cut, so a hostile megabyte stays out of them. */
#define SHOWN_MAX 60

/* ------------------------------------------------------------------ */
/* Reading                                                             */
/* ------------------------------------------------------------------ */

static char *
shorten (const char *text)
{
  if (g_utf8_strlen (text, SHOWN_MAX + 1) <= SHOWN_MAX)
    return g_strdup (text);
  return g_strdup_printf ("%.*s…",
                          (int) (g_utf8_offset_to_pointer (text, SHOWN_MAX) - text), text);
}

G_GNUC_PRINTF (4, 5)
static gboolean
fail (GError       **error,
      BudJsonError   code,
      const char    *path,
      const char    *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, BUD_JSON_ERROR, code, "%s: %s", path, what);
  return FALSE;
}

/* Another module's error, placed at @path. */
static gboolean
fail_with (GError       **error,
           BudJsonError   code,
           const char    *path,
           const GError  *inner)
{
  return fail (error, code, path, "%s", inner->message);
}

static const char *
describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          return _("a whole number");
        case G_TYPE_DOUBLE:
          return _("a number with a fraction or an exponent");
        case G_TYPE_BOOLEAN:
          return _("true or false");
        case G_TYPE_STRING:
        default:
          return _("a string");
        }
    }
}

static gboolean
holds (JsonNode *node,
       GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static char *
enum_choices (const BudField *f)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; f->enum_values[i]; i++)
    g_string_append_printf (s, "%s“%s”", i ? ", " : "", f->enum_values[i]);
  return g_string_free (s, FALSE);
}

static char *
describe_expected (const BudField *f)
{
  switch (f->type)
    {
    case BUD_FIELD_INT:
      return g_strdup (_("a whole number"));
    case BUD_FIELD_FIXED2:
      if (f->flags & BUD_FIELD_MONEY)
        return g_strdup (_("an amount in yuan written as a string, such as \"1527120.00\""));
      return g_strdup (_("a decimal number written as a string, such as \"40.00\""));
    case BUD_FIELD_TEXT:
      return g_strdup (_("a string (\"\" when empty)"));
    case BUD_FIELD_BOOL:
      return g_strdup (_("true or false"));
    case BUD_FIELD_ENUM:
      {
        g_autofree char *choices = enum_choices (f);
        return g_strdup_printf (_("one of the strings %s"), choices);
      }
    case BUD_FIELD_REF:
    default:
      return g_strdup_printf (_("the id of an entry of “%s”, or null"),
                              bud_entity_class (f->ref_kind)->name);
    }
}

static gboolean
wrong_type (GError         **error,
            const char      *path,
            const BudField  *f,
            JsonNode        *node)
{
  g_autofree char *expected = describe_expected (f);

  return fail (error, BUD_JSON_ERROR_FORMAT, path,
               _("expected %s, found %s"), expected, describe_node (node));
}

/* Converts one JSON value for @f and, if @check, checks it against the
 * field's own rules and, for a reference, against what the document holds so
 * far. Singletons are checked by bud_document_set_*, which lets a value equal
 * to a new document's pass (an empty department), so that a document just
 * created still round-trips. */
static gboolean
read_value (BudDocument     *doc,
            const BudField  *f,
            JsonNode        *node,
            const char      *path,
            gboolean         check,
            gint64          *ivalue,
            const char     **tvalue,
            GError         **error)
{
  g_autoptr(GError) inner = NULL;

  *ivalue = 0;
  *tvalue = NULL;

  switch (f->type)
    {
    case BUD_FIELD_INT:
      if (!holds (node, G_TYPE_INT64))
        return wrong_type (error, path, f, node);
      *ivalue = json_node_get_int (node);
      break;

    case BUD_FIELD_FIXED2:
      {
        const char *s;

        if (!holds (node, G_TYPE_STRING))
          return wrong_type (error, path, f, node);
        s = json_node_get_string (node);
        if (strlen (s) > SHOWN_MAX)
          {
            g_autofree char *shown = shorten (s);
            return fail (error, BUD_JSON_ERROR_INVALID, path,
                         _("“%s” is too long to be a number"), shown);
          }
        if (!bud_fixed2_parse (s, ivalue, &inner))
          return fail_with (error, BUD_JSON_ERROR_INVALID, path, inner);
        break;
      }

    case BUD_FIELD_TEXT:
      if (!holds (node, G_TYPE_STRING))
        return wrong_type (error, path, f, node);
      *tvalue = json_node_get_string (node);
      if (check && !bud_field_validate_text (f, *tvalue, &inner))
        return fail_with (error, BUD_JSON_ERROR_INVALID, path, inner);
      return TRUE;

    case BUD_FIELD_BOOL:
      if (!holds (node, G_TYPE_BOOLEAN))
        return wrong_type (error, path, f, node);
      *ivalue = json_node_get_boolean (node) ? 1 : 0;
      break;

    case BUD_FIELD_ENUM:
      {
        int i;

        if (!holds (node, G_TYPE_STRING))
          return wrong_type (error, path, f, node);
        i = bud_field_enum_lookup (f, json_node_get_string (node));
        if (i < 0)
          {
            g_autofree char *shown = shorten (json_node_get_string (node));
            g_autofree char *choices = enum_choices (f);
            return fail (error, BUD_JSON_ERROR_INVALID, path,
                         _("“%s” is not allowed here; use one of %s"), shown, choices);
          }
        *ivalue = i;
        break;
      }

    case BUD_FIELD_REF:
      if (JSON_NODE_HOLDS_NULL (node))
        *ivalue = 0;
      else if (holds (node, G_TYPE_INT64))
        {
          *ivalue = json_node_get_int (node);
          if (*ivalue <= 0)
            return fail (error, BUD_JSON_ERROR_INVALID, path,
                         _("%" PRId64 " is not an id: ids start at 1 (write null for none)"),
                         *ivalue);
        }
      else
        return wrong_type (error, path, f, node);
      if (check && !bud_field_validate_int (f, *ivalue, &inner))
        return fail_with (error, BUD_JSON_ERROR_INVALID, path, inner);
      if (check && *ivalue != 0 && bud_document_lookup (doc, f->ref_kind, *ivalue) == NULL)
        return fail (error, BUD_JSON_ERROR_INVALID, path,
                     _("there is no id %" PRId64 " in $.%s"),
                     *ivalue, bud_entity_class (f->ref_kind)->name);
      return TRUE;

    default:
      g_return_val_if_reached (FALSE);
    }

  if (check && !bud_field_validate_int (f, *ivalue, &inner))
    return fail_with (error, BUD_JSON_ERROR_INVALID, path, inner);
  return TRUE;
}

static char *
member_path (const char *parent,
             const char *key)
{
  GString *s = g_string_new (parent);

  bud_json_path_append_key (s, key);
  return g_string_free (s, FALSE);
}

/* Every key of @object must be a field of @klass (or "id" in a collection). */
static gboolean
check_keys (const BudEntityClass  *klass,
            JsonObject            *object,
            const char            *path,
            GError               **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l; l = l->next)
    {
      const char *key = l->data;
      GString *allowed;
      g_autofree char *shown = NULL;

      if (bud_entity_class_field (klass, key) != NULL ||
          (!klass->singleton && strcmp (key, "id") == 0))
        continue;

      allowed = g_string_new (klass->singleton ? "" : "id");
      for (guint i = 0; i < klass->n_fields; i++)
        g_string_append_printf (allowed, "%s%s", allowed->len ? ", " : "",
                                klass->fields[i].name);
      shown = shorten (key);
      fail (error, BUD_JSON_ERROR_FORMAT, path,
            _("unknown key “%s” (the keys of “%s” are: %s)"),
            shown, klass->name, allowed->str);
      g_string_free (allowed, TRUE);
      return FALSE;
    }
  return TRUE;
}

/* Fields that may be left out: those whose default says "nothing" (empty
 * text, zero, false, no reference). A required field, and an enum, whose
 * default would be a real choice, must be written out. */
static gboolean
may_omit (const BudField *f)
{
  return !(f->flags & BUD_FIELD_REQUIRED) && f->type != BUD_FIELD_ENUM;
}

static gboolean
missing_key (const char      *path,
             const BudField  *f,
             GError         **error)
{
  return fail (error, BUD_JSON_ERROR_FORMAT, path,
               _("the key “%s” is missing (%s)"), f->name, _(f->label));
}

static gboolean
read_singleton (BudDocument  *doc,
                BudKind       kind,
                JsonNode     *node,
                GError      **error)
{
  const BudEntityClass *klass = bud_entity_class (kind);
  g_autofree char *path = g_strconcat ("$.", klass->name, NULL);
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, BUD_JSON_ERROR_FORMAT, path,
                 _("expected an object, found %s"), describe_node (node));
  object = json_node_get_object (node);
  if (!check_keys (klass, object, path, error))
    return FALSE;

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const BudField *f = &klass->fields[i];
      JsonNode *value = json_object_get_member (object, f->name);
      g_autofree char *fpath = member_path (path, f->name);
      g_autoptr(GError) inner = NULL;
      const char *tvalue;
      gint64 ivalue;
      gboolean ok;

      if (value == NULL)
        {
          if (may_omit (f))
            continue;
          return missing_key (path, f, error);
        }
      if (!read_value (doc, f, value, fpath, FALSE, &ivalue, &tvalue, error))
        return FALSE;
      if (f->type == BUD_FIELD_TEXT)
        ok = bud_document_set_text (doc, kind, 1, f->name, tvalue, &inner);
      else
        ok = bud_document_set_int (doc, kind, 1, f->name, ivalue, &inner);
      if (!ok)
        return fail_with (error, BUD_JSON_ERROR_INVALID, fpath, inner);
    }
  return TRUE;
}

static gboolean
read_id (JsonObject  *object,
         const char  *path,
         GHashTable  *seen,
         const char  *collection,
         gint64      *id,
         GError     **error)
{
  JsonNode *node = json_object_get_member (object, "id");
  g_autofree char *ipath = member_path (path, "id");
  gpointer where;

  if (node == NULL)
    return fail (error, BUD_JSON_ERROR_FORMAT, path, _("the key “id” is missing"));
  if (!holds (node, G_TYPE_INT64))
    return fail (error, BUD_JSON_ERROR_FORMAT, ipath,
                 _("expected a whole number, found %s"), describe_node (node));
  *id = json_node_get_int (node);
  if (*id < 1 || *id > MAX_ID)
    return fail (error, BUD_JSON_ERROR_INVALID, ipath,
                 _("%" PRId64 " is not a valid id: ids are whole numbers from 1 to %"
                   PRId64), *id, MAX_ID);
  if (g_hash_table_lookup_extended (seen, id, NULL, &where))
    return fail (error, BUD_JSON_ERROR_INVALID, ipath,
                 _("the id %" PRId64 " is already used by $.%s[%u]"),
                 *id, collection, GPOINTER_TO_UINT (where));
  return TRUE;
}

static gboolean
read_collection (BudDocument  *doc,
                 BudKind       kind,
                 JsonNode     *node,
                 GError      **error)
{
  const BudEntityClass *klass = bud_entity_class (kind);
  g_autofree char *path = g_strconcat ("$.", klass->name, NULL);
  g_autoptr(GHashTable) seen = NULL;
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, BUD_JSON_ERROR_FORMAT, path,
                 _("expected an array, found %s"), describe_node (node));
  array = json_node_get_array (node);
  n = json_array_get_length (array);
  seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      g_autofree char *epath = g_strdup_printf ("%s[%u]", path, i);
      g_autoptr(GError) inner = NULL;
      JsonObject *object;
      gpointer entity;
      gint64 id;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        return fail (error, BUD_JSON_ERROR_FORMAT, epath,
                     _("expected an object, found %s"), describe_node (item));
      object = json_node_get_object (item);
      if (!check_keys (klass, object, epath, error) ||
          !read_id (object, epath, seen, klass->name, &id, error))
        return FALSE;

      entity = bud_entity_new (kind);
      *(gint64 *) entity = id;
      for (guint fi = 0; fi < klass->n_fields; fi++)
        {
          const BudField *f = &klass->fields[fi];
          JsonNode *value = json_object_get_member (object, f->name);
          g_autofree char *fpath = member_path (epath, f->name);
          const char *tvalue;
          gint64 ivalue;

          if (value == NULL)
            {
              if (may_omit (f))
                continue;
              bud_entity_free (kind, entity);
              return missing_key (epath, f, error);
            }
          if (!read_value (doc, f, value, fpath, TRUE, &ivalue, &tvalue, error))
            {
              bud_entity_free (kind, entity);
              return FALSE;
            }
          if (f->type == BUD_FIELD_TEXT)
            bud_field_set_text (entity, f, tvalue);
          else
            bud_field_set_int (entity, f, ivalue);
        }

      /* the document checks again, and alone knows uniqueness across rows */
      if (bud_document_insert (doc, kind, entity, -1, &inner) == NULL)
        return fail_with (error, BUD_JSON_ERROR_INVALID, epath, inner);
      g_hash_table_insert (seen, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (i));
    }
  return TRUE;
}

static gboolean
read_header (JsonObject  *root,
             GError     **error)
{
  JsonNode *format = json_object_get_member (root, "format");
  JsonNode *version = json_object_get_member (root, "version");
  gint64 v;

  if (format == NULL)
    return fail (error, BUD_JSON_ERROR_FORMAT, "$",
                 _("the key “format” is missing: this is not a Department Budget exchange file"));
  if (!holds (format, G_TYPE_STRING) || strcmp (json_node_get_string (format), FORMAT_NAME) != 0)
    {
      g_autofree char *shown = holds (format, G_TYPE_STRING)
        ? g_strdup_printf ("“%s”", json_node_get_string (format))
        : g_strdup (describe_node (format));
      g_autofree char *cut = shorten (shown);
      return fail (error, BUD_JSON_ERROR_FORMAT, "$.format",
                   _("expected “%s”, found %s: this is not a Department Budget exchange file"),
                   FORMAT_NAME, cut);
    }

  if (version == NULL)
    return fail (error, BUD_JSON_ERROR_VERSION, "$",
                 _("the key “version” is missing, so the file cannot be read safely"));
  if (!holds (version, G_TYPE_INT64))
    return fail (error, BUD_JSON_ERROR_VERSION, "$.version",
                 _("expected a whole number, found %s"), describe_node (version));
  v = json_node_get_int (version);
  if (v > BUD_JSON_FORMAT_VERSION)
    return fail (error, BUD_JSON_ERROR_VERSION, "$.version",
                 _("the file was made by a newer version of Department Budget (format version %"
                   PRId64 "; this version reads format version %d): please update the program"),
                 v, BUD_JSON_FORMAT_VERSION);
  if (v < 1)
    return fail (error, BUD_JSON_ERROR_VERSION, "$.version",
                 _("%" PRId64 " is not a format version (the versions start at 1)"), v);
  return TRUE;
}

static gboolean
read_root (BudDocument  *doc,
           JsonNode     *root_node,
           GError      **error)
{
  g_autoptr(GList) members = NULL;
  JsonObject *root;

  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node))
    return fail (error, BUD_JSON_ERROR_FORMAT, "$",
                 _("expected an object, found %s: this is not a Department Budget exchange file"),
                 root_node ? describe_node (root_node) : _("nothing"));
  root = json_node_get_object (root_node);
  if (!read_header (root, error))
    return FALSE;

  members = json_object_get_members (root);
  for (GList *l = members; l; l = l->next)
    {
      const char *key = l->data;

      if (strcmp (key, "format") != 0 && strcmp (key, "version") != 0 &&
          bud_entity_class_by_name (key) == NULL)
        {
          g_autofree char *shown = shorten (key);
          return fail (error, BUD_JSON_ERROR_FORMAT, "$", _("unknown key “%s”"), shown);
        }
    }

  /* BudKind order: every reference points at a kind already loaded */
  for (guint k = 0; k < BUD_N_KINDS; k++)
    {
      const BudEntityClass *klass = bud_entity_class (k);
      JsonNode *node = json_object_get_member (root, klass->name);

      if (node == NULL)
        {
          /* "document" names the department: a file without it is not a budget */
          if (k == BUD_KIND_META)
            return fail (error, BUD_JSON_ERROR_FORMAT, "$",
                         _("the key “%s” is missing"), klass->name);
          continue;
        }
      if (klass->singleton ? !read_singleton (doc, k, node, error)
                           : !read_collection (doc, k, node, error))
        return FALSE;
    }
  return TRUE;
}

BudDocument *
bud_json_read_data (const char  *data,
                    gssize       length,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(BudDocument) doc = NULL;
  g_autoptr(GError) inner = NULL;
  gsize len, offset;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  len = length < 0 ? strlen (data) : (gsize) length;
  if (!bud_json_strict_check (data ? data : "", len, &offset, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data + offset, (gssize) (len - offset), &inner))
    {
      /* the strict check should have caught it; keep json-glib's words */
      g_set_error (error, BUD_JSON_ERROR, BUD_JSON_ERROR_SYNTAX, "$: %s", inner->message);
      return NULL;
    }

  doc = bud_document_new ();
  /* on failure the half-built document goes away with doc: nothing is half-imported;
   * one transaction, so the import is not a pile of undo steps */
  if (!bud_document_begin (doc, error))
    return NULL;
  if (!read_root (doc, json_parser_get_root (parser), error))
    return NULL;
  if (!bud_document_commit (doc, error))
    return NULL;
  bud_document_clear_history (doc);
  return g_steal_pointer (&doc);
}

BudDocument *
bud_json_read_file (const char  *path,
                    GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  return bud_json_read_data (contents, (gssize) length, error);
}

/* ------------------------------------------------------------------ */
/* Writing                                                             */
/* ------------------------------------------------------------------ */

/* Escapes what JSON requires, plus DEL and U+2028/U+2029 (which break
 * JavaScript string literals); every other character is written as UTF-8. */
static void
append_string (GString    *out,
               const char *text)
{
  g_autofree char *valid = NULL;

  /* the document validates its texts; this only keeps a bug from writing bad JSON */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\u%04x", (guint) c);
          else if (c == 0xE2 && (guchar) p[1] == 0x80 &&
                   ((guchar) p[2] == 0xA8 || (guchar) p[2] == 0xA9))
            {
              g_string_append_printf (out, "\\u%04x", (guchar) p[2] == 0xA8 ? 0x2028u : 0x2029u);
              p += 2;
            }
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

static void
append_field (GString        *out,
              gconstpointer   entity,
              const BudField *f)
{
  gint64 v;

  if (f->type == BUD_FIELD_TEXT)
    {
      append_string (out, bud_field_get_text (entity, f));
      return;
    }
  v = bud_field_get_int (entity, f);
  switch (f->type)
    {
    case BUD_FIELD_INT:
      g_string_append_printf (out, "%" PRId64, v);
      break;
    case BUD_FIELD_FIXED2:
      {
        g_autofree char *s = bud_fixed2_format (v);
        append_string (out, s);
        break;
      }
    case BUD_FIELD_BOOL:
      g_string_append (out, v ? "true" : "false");
      break;
    case BUD_FIELD_ENUM:
      if (v >= 0 && v < (gint64) g_strv_length ((char **) f->enum_values))
        append_string (out, f->enum_values[v]);
      else
        g_return_if_reached ();
      break;
    case BUD_FIELD_REF:
      if (v == 0)
        g_string_append (out, "null");
      else
        g_string_append_printf (out, "%" PRId64, v);
      break;
    case BUD_FIELD_TEXT:
    default:
      g_return_if_reached ();
    }
}

/* One entity as an object; @indent is the indentation of its braces. */
static void
append_entity (GString              *out,
               const BudEntityClass *klass,
               gconstpointer         entity,
               const char           *indent)
{
  g_string_append (out, "{\n");
  if (!klass->singleton)
    g_string_append_printf (out, "%s  \"id\": %" PRId64 "%s\n", indent,
                            *(const gint64 *) entity, klass->n_fields ? "," : "");
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const BudField *f = &klass->fields[i];

      g_string_append_printf (out, "%s  \"%s\": ", indent, f->name);
      append_field (out, entity, f);
      g_string_append (out, i + 1 < klass->n_fields ? ",\n" : "\n");
    }
  g_string_append_printf (out, "%s}", indent);
}

char *
bud_json_write_data_full (BudDocument       *doc,
                          BudJsonWriteFlags  flags,
                          gsize             *length)
{
  GString *out;

  g_return_val_if_fail (BUD_IS_DOCUMENT (doc), NULL);

  out = g_string_sized_new (4096);
  g_string_append_printf (out, "{\n  \"format\": \"%s\",\n  \"version\": %d", FORMAT_NAME,
                          BUD_JSON_FORMAT_VERSION);

  for (guint k = 0; k < BUD_N_KINDS; k++)
    {
      const BudEntityClass *klass = bud_entity_class (k);
      GPtrArray *items = bud_document_items (doc, k);

      g_string_append_printf (out, ",\n  \"%s\": ", klass->name);
      if (klass->singleton)
        {
          append_entity (out, klass, g_ptr_array_index (items, 0), "  ");
          continue;
        }
      if (items->len == 0 ||
          (k == BUD_KIND_SNAPSHOT && (flags & BUD_JSON_WRITE_SKIP_SNAPSHOTS)))
        {
          g_string_append (out, "[]");
          continue;
        }
      g_string_append (out, "[\n");
      for (guint i = 0; i < items->len; i++)
        {
          g_string_append (out, "    ");
          append_entity (out, klass, g_ptr_array_index (items, i), "    ");
          g_string_append (out, i + 1 < items->len ? ",\n" : "\n");
        }
      g_string_append (out, "  ]");
    }
  g_string_append (out, "\n}\n");

  if (length)
    *length = out->len;
  return g_string_free (out, FALSE);
}

char *
bud_json_write_data (BudDocument *doc,
                     gsize       *length)
{
  return bud_json_write_data_full (doc, BUD_JSON_WRITE_DEFAULT, length);
}

gboolean
bud_json_write_file (BudDocument  *doc,
                     const char   *path,
                     GError      **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (BUD_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = bud_json_write_data (doc, &length);
  /* a temporary file beside @path, renamed over it: never a half-written file */
  return g_file_set_contents (path, data, (gssize) length, error);
}
