/* bud-catalog.c — classification code lists (支出功能分类, 经济分类)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each scheme keeps a hash (code → entry) for the pivot engine, which asks
 * for thousands of names per recomputation, and an array in code order for
 * pickers and lists. Codes sort as strings, which for these fixed-width,
 * prefix-nested codes is the hierarchy order (201 < 20103 < 2010350 < 20105).
 *
 * Imported files come from users and from finance systems we do not control,
 * so the reader is strict, names the line it refuses, and only touches the
 * catalog once the whole file has been read.
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "bud-catalog.h"

#define N_SCHEMES          (BUD_SCHEME_ECONOMIC + 1)
#define RESOURCE_PREFIX    "/io/github/deptbudget/DeptBudget/catalog/"
/* A line of a real catalog is well under 1 KiB even with a description
 * column; anything far longer is not a catalog, and we do not want to copy it
 * into an error message either. */
#define MAX_LINE_BYTES     (64 * 1024)
#define MAX_NAME_CHARS     200
#define MAX_FILE_BYTES     (32 * 1024 * 1024)
/* How much of a refused cell an error message quotes. */
#define QUOTE_CHARS        24

typedef struct {
  GHashTable *by_code;   /* const char *code → BudCatalogEntry * */
  GPtrArray  *sorted;    /* BudCatalogEntry *, code order */
} SchemeTable;

struct _BudCatalog {
  gatomicrefcount ref_count;
  gboolean        is_default;
  SchemeTable     schemes[N_SCHEMES];
  /* Every entry ever created here, including ones an import replaced: a
   * pointer handed out by lookup stays valid for the catalog's lifetime. */
  GPtrArray      *owned;
};

G_DEFINE_QUARK (bud-catalog-error-quark, bud_catalog_error)

/* ---- entries ---- */

/* One allocation holds the entry and its two strings. */
static BudCatalogEntry *
entry_new (BudScheme   scheme,
           const char *code,
           const char *name)
{
  gsize code_size = strlen (code) + 1;
  gsize name_size = strlen (name) + 1;
  BudCatalogEntry *entry = g_malloc (sizeof *entry + code_size + name_size);
  char *buf = (char *) (entry + 1);

  memcpy (buf, code, code_size);
  memcpy (buf + code_size, name, name_size);
  entry->scheme = scheme;
  entry->code = buf;
  entry->name = buf + code_size;
  entry->level = bud_code_level (scheme, code);
  return entry;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const BudCatalogEntry *ea = *(const BudCatalogEntry * const *) a;
  const BudCatalogEntry *eb = *(const BudCatalogEntry * const *) b;

  return strcmp (ea->code, eb->code);
}

static void
scheme_table_resort (SchemeTable *table)
{
  GHashTableIter iter;
  gpointer value;

  g_ptr_array_set_size (table->sorted, 0);
  g_hash_table_iter_init (&iter, table->by_code);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (table->sorted, value);
  g_ptr_array_sort (table->sorted, compare_entries);
}

/* ---- life cycle ---- */

BudCatalog *
bud_catalog_new (void)
{
  BudCatalog *self = g_new0 (BudCatalog, 1);

  g_atomic_ref_count_init (&self->ref_count);
  for (guint i = 0; i < N_SCHEMES; i++)
    {
      self->schemes[i].by_code = g_hash_table_new (g_str_hash, g_str_equal);
      self->schemes[i].sorted = g_ptr_array_new ();
    }
  self->owned = g_ptr_array_new_with_free_func (g_free);
  return self;
}

BudCatalog *
bud_catalog_ref (BudCatalog *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  /* The default catalog lives as long as the process. */
  if (!self->is_default)
    g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
bud_catalog_unref (BudCatalog *self)
{
  g_return_if_fail (self != NULL);

  if (self->is_default || !g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < N_SCHEMES; i++)
    {
      g_hash_table_unref (self->schemes[i].by_code);
      g_ptr_array_unref (self->schemes[i].sorted);
    }
  g_ptr_array_unref (self->owned);
  g_free (self);
}

BudCatalog *
bud_catalog_copy (BudCatalog *self)
{
  BudCatalog *copy;

  if (self == NULL)
    self = bud_catalog_get_default ();

  copy = bud_catalog_new ();
  for (guint i = 0; i < N_SCHEMES; i++)
    {
      GPtrArray *sorted = self->schemes[i].sorted;

      for (guint j = 0; j < sorted->len; j++)
        {
          const BudCatalogEntry *e = g_ptr_array_index (sorted, j);
          BudCatalogEntry *c = entry_new (e->scheme, e->code, e->name);

          g_ptr_array_add (copy->owned, c);
          g_hash_table_insert (copy->schemes[i].by_code, (gpointer) c->code, c);
          g_ptr_array_add (copy->schemes[i].sorted, c);
        }
    }
  return copy;
}

static void
load_builtin (BudCatalog *self,
              BudScheme   scheme,
              const char *resource)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data;

  bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_critical ("Built-in catalog %s is missing: %s", resource, error->message);
      return;
    }
  data = g_bytes_get_data (bytes, &size);
  if (!bud_catalog_import_data (self, scheme, data, size, &error))
    g_critical ("Built-in catalog %s is broken: %s", resource, error->message);
}

BudCatalog *
bud_catalog_get_default (void)
{
  static BudCatalog *default_catalog;

  if (g_once_init_enter (&default_catalog))
    {
      BudCatalog *self = bud_catalog_new ();

      load_builtin (self, BUD_SCHEME_FUNCTIONAL, RESOURCE_PREFIX "functional-observed.tsv");
      load_builtin (self, BUD_SCHEME_ECONOMIC, RESOURCE_PREFIX "economic-2018.tsv");
      self->is_default = TRUE;
      g_once_init_leave (&default_catalog, self);
    }
  return default_catalog;
}

/* ---- levels ---- */

static gboolean
is_digits (const char *s,
           gsize       len)
{
  if (len == 0)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

BudCodeLevel
bud_code_level (BudScheme   scheme,
                const char *code)
{
  gsize len;

  if (code == NULL)
    return BUD_CODE_LEVEL_NONE;
  len = strlen (code);
  if (!is_digits (code, len))
    return BUD_CODE_LEVEL_NONE;

  switch (len)
    {
    case 3:
      return BUD_CODE_LEVEL_CLASS;
    case 5:
      return BUD_CODE_LEVEL_SECTION;
    case 7:
      /* 经济分类 stops at 款 */
      return scheme == BUD_SCHEME_FUNCTIONAL ? BUD_CODE_LEVEL_ITEM : BUD_CODE_LEVEL_NONE;
    default:
      return BUD_CODE_LEVEL_NONE;
    }
}

/* ---- reading text ---- */

/* A short, printable excerpt of refused input for an error message. */
static char *
quote_text (const char *text)
{
  glong n = g_utf8_strlen (text, -1);
  g_autofree char *head = NULL;

  if (n <= QUOTE_CHARS)
    return g_strdup (text);
  head = g_utf8_substring (text, 0, QUOTE_CHARS);
  return g_strconcat (head, "…", NULL);
}

/* Spreadsheets pad cells with ordinary, no-break and ideographic spaces. */
static gsize
space_prefix (const char *s,
              gsize       len)
{
  if (len >= 1 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\v' || s[0] == '\f'))
    return 1;
  if (len >= 2 && (guchar) s[0] == 0xC2 && (guchar) s[1] == 0xA0)
    return 2;
  if (len >= 3 && (guchar) s[0] == 0xE3 && (guchar) s[1] == 0x80 && (guchar) s[2] == 0x80)
    return 3;
  return 0;
}

static gsize
space_suffix (const char *s,
              gsize       len)
{
  if (len >= 1 && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\v' || s[len - 1] == '\f'))
    return 1;
  if (len >= 2 && (guchar) s[len - 2] == 0xC2 && (guchar) s[len - 1] == 0xA0)
    return 2;
  if (len >= 3 && (guchar) s[len - 3] == 0xE3 && (guchar) s[len - 2] == 0x80 && (guchar) s[len - 1] == 0x80)
    return 3;
  return 0;
}

static char *
strip_dup (const char *s,
           gsize       len)
{
  gsize n;

  while ((n = space_prefix (s, len)) > 0)
    {
      s += n;
      len -= n;
    }
  while ((n = space_suffix (s, len)) > 0)
    len -= n;
  return g_strndup (s, len);
}

/* Splits one line into cells, RFC 4180 style: a cell may be quoted, and ""
 * inside quotes is a quote. A quoted cell must end on its line (a catalog name
 * never holds a line break, and this keeps error line numbers exact).
 * @sep 0 means the whole line is one cell. */
static GPtrArray *
split_cells (const char  *line,
             gsize        len,
             char         sep,
             const char **reason)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  const char *p = line;
  const char *end = line + len;

  for (;;)
    {
      g_autoptr(GString) cell = g_string_new (NULL);
      const char *q = p;

      while (q < end && *q == ' ')
        q++;

      if (q < end && *q == '"')
        {
          q++;
          for (;;)
            {
              if (q >= end)
                {
                  *reason = _("a quoted cell is not closed");
                  return NULL;
                }
              if (*q == '"')
                {
                  if (q + 1 < end && q[1] == '"')
                    {
                      g_string_append_c (cell, '"');
                      q += 2;
                      continue;
                    }
                  q++;
                  break;
                }
              g_string_append_c (cell, *q++);
            }
          while (q < end && *q == ' ')
            q++;
          if (q < end && *q != sep)
            {
              *reason = _("text follows the closing quote of a cell");
              return NULL;
            }
          p = q;
        }
      else
        {
          const char *start = p;

          while (p < end && (sep == 0 || *p != sep))
            p++;
          g_string_append_len (cell, start, p - start);
        }

      g_ptr_array_add (cells, strip_dup (cell->str, cell->len));

      if (p < end && *p == sep)
        {
          p++;
          continue;
        }
      break;
    }

  return g_steal_pointer (&cells);
}

static gboolean
contains_ascii_digit (const char *s)
{
  for (; *s; s++)
    if (g_ascii_isdigit (*s))
      return TRUE;
  return FALSE;
}

/* The first row of an export is often its column titles. */
static gboolean
is_header_cell (const char *cell)
{
  static const char * const words[] = { "code", "编码", "代码", "编号", "科目", "名称", "name" };
  g_autofree char *lower = NULL;

  if (*cell == '\0' || contains_ascii_digit (cell))
    return FALSE;
  lower = g_ascii_strdown (cell, -1);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (lower, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* Finance systems export "2010350 事业运行", "[2010350]事业运行" or
 * "【2010350】事业运行" in one cell. On success @code and @name are set. */
static gboolean
split_combined (const char  *cell,
                char       **code,
                char       **name)
{
  const char *p = cell;
  const char *digits;
  const char *rest;
  gsize ndigits;

  if (*p == '[')
    p++;
  else if (g_str_has_prefix (p, "【"))
    p += strlen ("【");

  digits = p;
  while (g_ascii_isdigit (*p))
    p++;
  ndigits = p - digits;
  if (ndigits == 0)
    return FALSE;

  if (digits != cell)
    {
      if (*p == ']')
        p++;
      else if (g_str_has_prefix (p, "】"))
        p += strlen ("】");
      else
        return FALSE;
      rest = p;
    }
  else
    {
      gsize n;
      gboolean separated = FALSE;

      while ((n = space_prefix (p, strlen (p))) > 0)
        {
          p += n;
          separated = TRUE;
        }
      if (*p == '-' || *p == ':')
        {
          p++;
          separated = TRUE;
        }
      else if (g_str_has_prefix (p, "：") || g_str_has_prefix (p, "、"))
        {
          p += 3;
          separated = TRUE;
        }
      /* "2010350事业运行" is fine, "20103x" or "201.03" is not a code */
      if (!separated && (guchar) *p < 0x80)
        return FALSE;
      rest = p;
    }

  *name = strip_dup (rest, strlen (rest));
  if (**name == '\0')
    {
      g_clear_pointer (name, g_free);
      return FALSE;
    }
  *code = g_strndup (digits, ndigits);
  return TRUE;
}

static gboolean
check_code (BudScheme    scheme,
            const char  *code,
            guint        lineno,
            GError     **error)
{
  g_autofree char *quoted = NULL;

  if (bud_code_level (scheme, code) != BUD_CODE_LEVEL_NONE)
    return TRUE;

  quoted = quote_text (code);

  if (scheme == BUD_SCHEME_FUNCTIONAL)
    g_set_error (error, BUD_CATALOG_ERROR, BUD_CATALOG_ERROR_PARSE,
                 _("Line %u: code %s has %u digits; functional classification codes have 3, 5 or 7"),
                 lineno, quoted, (guint) strlen (code));
  else
    g_set_error (error, BUD_CATALOG_ERROR, BUD_CATALOG_ERROR_PARSE,
                 _("Line %u: code %s has %u digits; economic classification codes have 3 or 5"),
                 lineno, quoted, (guint) strlen (code));
  return FALSE;
}

static gboolean
check_name (const char  *code,
            const char  *name,
            guint        lineno,
            GError     **error)
{
  if (*name == '\0')
    {
      g_set_error (error, BUD_CATALOG_ERROR, BUD_CATALOG_ERROR_PARSE,
                   _("Line %u: code %s has no name"), lineno, code);
      return FALSE;
    }
  if (g_utf8_strlen (name, -1) > MAX_NAME_CHARS)
    {
      g_set_error (error, BUD_CATALOG_ERROR, BUD_CATALOG_ERROR_PARSE,
                   _("Line %u: the name of code %s is longer than %u characters"),
                   lineno, code, (guint) MAX_NAME_CHARS);
      return FALSE;
    }
  for (const char *p = name; *p; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        g_set_error (error, BUD_CATALOG_ERROR, BUD_CATALOG_ERROR_PARSE,
                     _("Line %u: the name of code %s contains a control character"),
                     lineno, code);
        return FALSE;
      }
  return TRUE;
}

/* Reads code and name from the cells of a data line. */
static gboolean
parse_cells (BudScheme    scheme,
             GPtrArray   *cells,
             guint        lineno,
             char       **code_out,
             char       **name_out,
             GError     **error)
{
  const char *first = g_ptr_array_index (cells, 0);
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;

  if (is_digits (first, strlen (first)))
    {
      code = g_strdup (first);
      name = g_strdup (cells->len > 1 ? (const char *) g_ptr_array_index (cells, 1) : "");
    }
  else if (!split_combined (first, &code, &name))
    {
      g_autofree char *quoted = quote_text (first);

      if (*first == '\0')
        g_set_error (error, BUD_CATALOG_ERROR, BUD_CATALOG_ERROR_PARSE,
                     _("Line %u: the code cell is empty"), lineno);
      else
        g_set_error (error, BUD_CATALOG_ERROR, BUD_CATALOG_ERROR_PARSE,
                     _("Line %u: “%s” is not a classification code (codes are made of digits)"),
                     lineno, quoted);
      return FALSE;
    }

  if (!check_code (scheme, code, lineno, error) ||
      !check_name (code, name, lineno, error))
    return FALSE;

  *code_out = g_steal_pointer (&code);
  *name_out = g_steal_pointer (&name);
  return TRUE;
}

/* Returns the next line (without its terminator: \n, \r\n or a lone \r). */
static gboolean
next_line (const char **cursor,
           const char  *end,
           const char **line,
           gsize       *len)
{
  const char *p = *cursor;
  const char *q = p;

  if (p >= end)
    return FALSE;
  while (q < end && *q != '\n' && *q != '\r')
    q++;
  *line = p;
  *len = q - p;
  if (q < end)
    q += (*q == '\r' && q + 1 < end && q[1] == '\n') ? 2 : 1;
  *cursor = q;
  return TRUE;
}

static gboolean
is_blank_or_comment (const char *line,
                     gsize       len)
{
  gsize n;

  while ((n = space_prefix (line, len)) > 0)
    {
      line += n;
      len -= n;
    }
  return len == 0 || line[0] == '#';
}

typedef struct {
  BudCatalogEntry *entry;
  guint            lineno;
} Parsed;

static void
parsed_clear (gpointer data)
{
  g_free (((Parsed *) data)->entry);
}

/* Reads the whole text into @parsed; nothing is added to a catalog here. */
static gboolean
parse_text (BudScheme    scheme,
            const char  *data,
            gsize        size,
            GArray      *parsed,
            GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *cursor = data;
  const char *end = data + size;
  const char *line;
  gsize len;
  guint lineno = 0;
  gboolean first_data_line = TRUE;
  char sep = 0;

  while (next_line (&cursor, end, &line, &len))
    {
      g_autoptr(GPtrArray) cells = NULL;
      g_autofree char *code = NULL;
      g_autofree char *name = NULL;
      const char *reason = NULL;
      guint earlier_index;
      Parsed p;

      lineno++;

      if (len > MAX_LINE_BYTES)
        {
          g_set_error (error, BUD_CATALOG_ERROR, BUD_CATALOG_ERROR_PARSE,
                       _("Line %u is too long (%zu bytes, at most %u); this is not a catalog file"),
                       lineno, len, (guint) MAX_LINE_BYTES);
          return FALSE;
        }
      if (memchr (line, '\0', len) != NULL)
        {
          g_set_error (error, BUD_CATALOG_ERROR, BUD_CATALOG_ERROR_PARSE,
                       _("Line %u contains a NUL byte; this is not a text file"), lineno);
          return FALSE;
        }
      if (!g_utf8_validate_len (line, len, NULL))
        {
          g_set_error (error, BUD_CATALOG_ERROR, BUD_CATALOG_ERROR_PARSE,
                       _("Line %u is not valid UTF-8 text; save the file as UTF-8"), lineno);
          return FALSE;
        }
      if (is_blank_or_comment (line, len))
        continue;

      if (first_data_line)
        {
          /* Tab wins: a TSV name may hold a comma, while a tab in a CSV
           * line would have to sit inside quotes. */
          if (memchr (line, '\t', len) != NULL)
            sep = '\t';
          else if (memchr (line, ',', len) != NULL)
            sep = ',';
        }

      cells = split_cells (line, len, sep, &reason);
      if (cells == NULL)
        {
          g_set_error (error, BUD_CATALOG_ERROR, BUD_CATALOG_ERROR_PARSE,
                       _("Line %u: %s"), lineno, reason);
          return FALSE;
        }

      if (first_data_line)
        {
          first_data_line = FALSE;
          if (is_header_cell (g_ptr_array_index (cells, 0)))
            continue;
        }

      if (!parse_cells (scheme, cells, lineno, &code, &name, error))
        return FALSE;

      earlier_index = GPOINTER_TO_UINT (g_hash_table_lookup (seen, code));
      if (earlier_index > 0)
        {
          const Parsed *earlier = &g_array_index (parsed, Parsed, earlier_index - 1);

          /* A repeated row is harmless; two names for one code is a choice we
           * must not make for the user. */
          if (strcmp (earlier->entry->name, name) == 0)
            continue;
          g_set_error (error, BUD_CATALOG_ERROR, BUD_CATALOG_ERROR_PARSE,
                       _("Line %u: code %s is named “%s”, but line %u names it “%s”"),
                       lineno, code, name, earlier->lineno, earlier->entry->name);
          return FALSE;
        }

      p.entry = entry_new (scheme, code, name);
      p.lineno = lineno;
      g_array_append_val (parsed, p);
      /* index + 1, since the array may move its elements */
      g_hash_table_insert (seen, (gpointer) p.entry->code, GUINT_TO_POINTER (parsed->len));
    }

  if (parsed->len == 0)
    {
      g_set_error (error, BUD_CATALOG_ERROR, BUD_CATALOG_ERROR_EMPTY,
                   _("The file has no classification codes"));
      return FALSE;
    }
  return TRUE;
}

/* UTF-16 is what spreadsheets call “Unicode text”; everything else must be
 * UTF-8 (a BOM is dropped). Returns the text to parse, in @converted if it had
 * to be converted. */
static gboolean
decode (const char  *data,
        gsize        size,
        const char **text,
        gsize       *text_size,
        char       **converted,
        GError     **error)
{
  const guchar *u = (const guchar *) data;

  *converted = NULL;
  if (size >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
    {
      const char *from = u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
      gsize written = 0;

      *converted = g_convert (data + 2, size - 2, "UTF-8", from, NULL, &written, NULL);
      if (*converted == NULL)
        {
          g_set_error (error, BUD_CATALOG_ERROR, BUD_CATALOG_ERROR_PARSE,
                       _("The file starts like UTF-16 text but is not valid UTF-16"));
          return FALSE;
        }
      data = *converted;
      size = written;
    }
  else if (size >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
    {
      data += 3;
      size -= 3;
    }

  *text = data;
  *text_size = size;
  return TRUE;
}

gboolean
bud_catalog_import_data (BudCatalog   *self,
                         BudScheme     scheme,
                         const char   *data,
                         gssize        length,
                         GError      **error)
{
  g_autoptr(GArray) parsed = NULL;
  g_autofree char *converted = NULL;
  SchemeTable *table;
  const char *text;
  gsize size;
  gboolean changed = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail ((guint) scheme < N_SCHEMES, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (data == NULL)
    data = "";
  if (length < 0)
    length = strlen (data);
  if (!decode (data, length, &text, &size, &converted, error))
    return FALSE;

  parsed = g_array_new (FALSE, FALSE, sizeof (Parsed));
  g_array_set_clear_func (parsed, parsed_clear);
  if (!parse_text (scheme, text, size, parsed, error))
    return FALSE;

  table = &self->schemes[scheme];
  for (guint i = 0; i < parsed->len; i++)
    {
      Parsed *p = &g_array_index (parsed, Parsed, i);
      BudCatalogEntry *old = g_hash_table_lookup (table->by_code, p->entry->code);

      if (old != NULL && strcmp (old->name, p->entry->name) == 0)
        continue;
      g_ptr_array_add (self->owned, p->entry);
      g_hash_table_insert (table->by_code, (gpointer) p->entry->code, p->entry);
      p->entry = NULL;
      changed = TRUE;
    }
  if (changed)
    scheme_table_resort (table);
  return TRUE;
}

gboolean
bud_catalog_import_file (BudCatalog   *self,
                         BudScheme     scheme,
                         const char   *path,
                         GError      **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *display = NULL;
  GStatBuf st;
  gsize size;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (path);

  /* Refuse a huge file before reading it into memory. */
  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > MAX_FILE_BYTES)
    {
      g_set_error (error, BUD_CATALOG_ERROR, BUD_CATALOG_ERROR_PARSE,
                   _("%s: the file is too large for a catalog (at most %u MiB)"),
                   display, (guint) (MAX_FILE_BYTES / (1024 * 1024)));
      return FALSE;
    }

  if (!g_file_get_contents (path, &contents, &size, error))
    return FALSE;
  if (size > MAX_FILE_BYTES)
    {
      g_set_error (error, BUD_CATALOG_ERROR, BUD_CATALOG_ERROR_PARSE,
                   _("%s: the file is too large for a catalog (at most %u MiB)"),
                   display, (guint) (MAX_FILE_BYTES / (1024 * 1024)));
      return FALSE;
    }

  if (!bud_catalog_import_data (self, scheme, contents, size, error))
    {
      g_prefix_error (error, "%s: ", display);
      return FALSE;
    }
  return TRUE;
}

/* ---- queries ---- */

static inline BudCatalog *
resolve (BudCatalog *self)
{
  return self != NULL ? self : bud_catalog_get_default ();
}

const BudCatalogEntry *
bud_catalog_lookup (BudCatalog   *self,
                    BudScheme     scheme,
                    const char   *code)
{
  g_return_val_if_fail ((guint) scheme < N_SCHEMES, NULL);

  if (code == NULL)
    return NULL;
  return g_hash_table_lookup (resolve (self)->schemes[scheme].by_code, code);
}

/* The document's custom codes, indexed once per document revision so that a
 * pivot asking for thousands of names does not scan them each time. Names are
 * interned so a returned pointer outlives later edits of the document. */
typedef struct {
  guint64     revision;
  GHashTable *names[N_SCHEMES];   /* code (owned) → interned name */
} CustomIndex;

static void
custom_index_free (gpointer data)
{
  CustomIndex *index = data;

  for (guint i = 0; i < N_SCHEMES; i++)
    g_hash_table_unref (index->names[i]);
  g_free (index);
}

static const char *
custom_name (BudDocument *doc,
             BudScheme    scheme,
             const char  *code)
{
  static GQuark quark;
  CustomIndex *index;
  guint64 revision;

  if (bud_document_count (doc, BUD_KIND_CUSTOM_CODE) == 0)
    return NULL;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("bud-catalog-custom-index");

  revision = bud_document_revision (doc);
  index = g_object_get_qdata (G_OBJECT (doc), quark);
  if (index == NULL || index->revision != revision)
    {
      GPtrArray *items = bud_document_items (doc, BUD_KIND_CUSTOM_CODE);

      index = g_new0 (CustomIndex, 1);
      index->revision = revision;
      for (guint i = 0; i < N_SCHEMES; i++)
        index->names[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < items->len; i++)
        {
          const BudCustomCode *cc = g_ptr_array_index (items, i);

          /* With duplicates, the first in document order wins. */
          if ((guint) cc->scheme < N_SCHEMES && cc->code != NULL && cc->name != NULL &&
              !g_hash_table_contains (index->names[cc->scheme], cc->code))
            g_hash_table_insert (index->names[cc->scheme], g_strdup (cc->code),
                                 (gpointer) g_intern_string (cc->name));
        }
      g_object_set_qdata_full (G_OBJECT (doc), quark, index, custom_index_free);
    }

  return g_hash_table_lookup (index->names[scheme], code);
}

const char *
bud_catalog_name (BudCatalog   *self,
                  BudDocument  *doc,
                  BudScheme     scheme,
                  const char   *code)
{
  const BudCatalogEntry *entry;

  g_return_val_if_fail ((guint) scheme < N_SCHEMES, NULL);
  g_return_val_if_fail (doc == NULL || BUD_IS_DOCUMENT (doc), NULL);

  if (code == NULL)
    return NULL;

  if (doc != NULL)
    {
      const char *name = custom_name (doc, scheme, code);

      if (name != NULL)
        return name;
    }

  entry = bud_catalog_lookup (self, scheme, code);
  return entry != NULL ? entry->name : NULL;
}

/* strstr that folds ASCII case; multi-byte UTF-8 compares byte for byte,
 * which is exact for valid UTF-8. */
static gboolean
contains_ascii_casefold (const char *haystack,
                         const char *needle)
{
  gsize n = strlen (needle);

  if (n == 0)
    return TRUE;
  for (const char *h = haystack; *h; h++)
    if (g_ascii_strncasecmp (h, needle, n) == 0)
      return TRUE;
  return FALSE;
}

GPtrArray *
bud_catalog_search (BudCatalog   *self,
                    BudScheme     scheme,
                    const char   *query,
                    guint         max_results)
{
  g_autofree char *needle = NULL;
  GPtrArray *sorted;
  GPtrArray *result;

  g_return_val_if_fail ((guint) scheme < N_SCHEMES, NULL);

  sorted = resolve (self)->schemes[scheme].sorted;
  needle = strip_dup (query != NULL ? query : "", query != NULL ? strlen (query) : 0);
  result = g_ptr_array_new ();

  for (guint i = 0; i < sorted->len; i++)
    {
      const BudCatalogEntry *e = g_ptr_array_index (sorted, i);

      if (max_results > 0 && result->len >= max_results)
        break;
      if (g_str_has_prefix (e->code, needle) || contains_ascii_casefold (e->name, needle))
        g_ptr_array_add (result, (gpointer) e);
    }
  return result;
}

GPtrArray *
bud_catalog_list (BudCatalog   *self,
                  BudScheme     scheme,
                  BudCodeLevel  level)
{
  GPtrArray *sorted;
  GPtrArray *result;

  g_return_val_if_fail ((guint) scheme < N_SCHEMES, NULL);

  sorted = resolve (self)->schemes[scheme].sorted;
  result = g_ptr_array_new ();
  for (guint i = 0; i < sorted->len; i++)
    {
      const BudCatalogEntry *e = g_ptr_array_index (sorted, i);

      if (e->level == level)
        g_ptr_array_add (result, (gpointer) e);
    }
  return result;
}
