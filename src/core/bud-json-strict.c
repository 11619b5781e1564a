/* bud-json-strict.c — a strict RFC 8259 check run before json-glib sees the data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib 1.6 is lenient in ways that silently change what a file says:
 * "\u0000" cuts a string short, 9223372036854775808 wraps to a negative
 * number, "012" reads as octal 10, a repeated key keeps the last value,
 * comments, single quotes and a second top-level value are accepted, a lone
 * surrogate yields invalid UTF-8, and very deep nesting overflows its
 * recursive parser. An exchange file is untrusted input, so this scanner
 * refuses all of that first, saying where; json-glib then builds the tree.
 */
#include "config.h"

#include <inttypes.h>

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "bud-json-strict.h"
#include "bud-jsonio.h"

typedef struct {
  gboolean  object;
  char     *key;     /* object: NULL between members */
  guint     index;   /* array */
} Segment;

typedef struct {
  const char  *start;
  const char  *p;
  const char  *end;
  guint        depth;
  Segment      segs[BUD_JSON_MAX_DEPTH + 1];
  GError     **error;
} Scanner;

static gboolean
is_identifier (const char *key)
{
  if (!g_ascii_isalpha (*key) && *key != '_')
    return FALSE;
  for (; *key; key++)
    if (!g_ascii_isalnum (*key) && *key != '_')
      return FALSE;
  return TRUE;
}

void
bud_json_path_append_key (GString    *path,
                          const char *key)
{
  if (is_identifier (key))
    {
      g_string_append_c (path, '.');
      g_string_append (path, key);
      return;
    }
  g_string_append (path, "[\"");
  for (const char *k = key; *k; k++)
    {
      if (*k == '"' || *k == '\\')
        g_string_append_c (path, '\\');
      if ((guchar) *k < 0x20)
        g_string_append_printf (path, "\\u%04x", (guint) (guchar) *k);
      else
        g_string_append_c (path, *k);
    }
  g_string_append (path, "\"]");
}

/* The path of the first @n levels. */
static char *
scanner_path (Scanner *s,
              guint    n)
{
  GString *path = g_string_new ("$");

  for (guint i = 1; i <= n; i++)
    {
      if (!s->segs[i].object)
        g_string_append_printf (path, "[%u]", s->segs[i].index);
      else if (s->segs[i].key != NULL)
        bud_json_path_append_key (path, s->segs[i].key);
    }
  return g_string_free (path, FALSE);
}

/* A syntax error: say where in the text (line and column count from 1, in
 * characters) and where in the document the scanner had got to. */
G_GNUC_PRINTF (3, 4)
static gboolean
fail_at (Scanner    *s,
         const char *at,
         const char *format,
         ...)
{
  g_autofree char *what = NULL;
  g_autofree char *path = scanner_path (s, s->depth);
  const char *line_start = s->start;
  guint line = 1;
  va_list args;

  for (const char *q = s->start; q < at; q++)
    if (*q == '\n')
      {
        line++;
        line_start = q + 1;
      }

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: a JSON path, then a line and column of the file, then what is wrong */
  g_set_error (s->error, BUD_JSON_ERROR, BUD_JSON_ERROR_SYNTAX,
               _("%s (line %u, column %ld): %s"), path, line,
               g_utf8_pointer_to_offset (line_start, at) + 1, what);
  return FALSE;
}

/* A well-formed value this format cannot hold: the path is enough. */
G_GNUC_PRINTF (4, 5)
static gboolean
fail_value (Scanner      *s,
            guint         levels,
            BudJsonError  code,
            const char   *format,
            ...)
{
  g_autofree char *what = NULL;
  g_autofree char *path = scanner_path (s, levels);
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (s->error, BUD_JSON_ERROR, code, "%s: %s", path, what);
  return FALSE;
}

/* The character at @p, printable in a message. */
static char *
show_char (const char *p,
           const char *end)
{
  gunichar c;

  if (p >= end)
    return g_strdup (_("the end of the data"));
  c = g_utf8_get_char (p);
  if (c < 0x20 || c == 0x7f)
    return g_strdup_printf ("U+%04X", c);
  return g_strdup_printf ("“%.*s”", (int) (g_utf8_next_char (p) - p), p);
}

static void
skip_ws (Scanner *s)
{
  while (s->p < s->end &&
         (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
    s->p++;
}

static gboolean scan_value (Scanner *s);

static int
hex4 (const char *p,
      const char *end)
{
  int v = 0;

  if (end - p < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);
      if (d < 0)
        return -1;
      v = v * 16 + d;
    }
  return v;
}

/* At the opening quote. Decodes into @out when it is not NULL (keys). */
static gboolean
scan_string (Scanner *s,
             GString *out)
{
  s->p++;
  while (s->p < s->end)
    {
      guchar c = (guchar) *s->p;

      if (c == '"')
        {
          s->p++;
          return TRUE;
        }
      if (c == 0)
        return fail_value (s, s->depth, BUD_JSON_ERROR_INVALID,
                           _("the text contains a NUL byte, which is not allowed"));
      if (c < 0x20)
        return fail_at (s, s->p,
                        _("a control character (U+%04X) inside a string must be written as an escape such as \\n or \\u%04x"),
                        (guint) c, (guint) c);
      if (c != '\\')
        {
          if (out)
            g_string_append_c (out, (char) c);
          s->p++;
          continue;
        }

      /* an escape */
      if (s->p + 1 >= s->end)
        break;
      switch (s->p[1])
        {
        case '"': case '\\': case '/':
          if (out)
            g_string_append_c (out, s->p[1]);
          s->p += 2;
          break;
        case 'b': case 'f': case 'n': case 'r': case 't':
          if (out)
            g_string_append_c (out, s->p[1] == 'b' ? '\b' : s->p[1] == 'f' ? '\f'
                               : s->p[1] == 'n' ? '\n' : s->p[1] == 'r' ? '\r' : '\t');
          s->p += 2;
          break;
        case 'u':
          {
            int cp = hex4 (s->p + 2, s->end);

            if (cp < 0)
              return fail_at (s, s->p, _("“\\u” must be followed by 4 hexadecimal digits"));
            if (cp >= 0xDC00 && cp <= 0xDFFF)
              return fail_at (s, s->p, _("“\\u%04x” is half of a UTF-16 surrogate pair without its first half"), (guint) cp);
            if (cp >= 0xD800 && cp <= 0xDBFF)
              {
                int lo = (s->end - s->p >= 12 && s->p[6] == '\\' && s->p[7] == 'u')
                         ? hex4 (s->p + 8, s->end) : -1;
                if (lo < 0xDC00 || lo > 0xDFFF)
                  return fail_at (s, s->p, _("“\\u%04x” is half of a UTF-16 surrogate pair without its second half"), (guint) cp);
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                s->p += 6;
              }
            if (cp == 0)
              return fail_value (s, s->depth, BUD_JSON_ERROR_INVALID,
                                 _("the text contains a NUL character (\\u0000), which is not allowed"));
            if (out)
              g_string_append_unichar (out, (gunichar) cp);
            s->p += 6;
            break;
          }
        default:
          {
            g_autofree char *shown = show_char (s->p + 1, s->end);
            return fail_at (s, s->p, _("%s is not a JSON escape (use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)"),
                            shown);
          }
        }
    }
  return fail_at (s, s->end, _("a string is not closed by a double quote"));
}

static gboolean
scan_digits (Scanner *s)
{
  const char *first = s->p;

  while (s->p < s->end && g_ascii_isdigit (*s->p))
    s->p++;
  if (s->p == first)
    {
      g_autofree char *shown = show_char (s->p, s->end);
      return fail_at (s, s->p, _("expected a digit, found %s"), shown);
    }
  return TRUE;
}

static gboolean
scan_number (Scanner *s)
{
  const char *first = s->p;
  gboolean integer = TRUE;

  if (*s->p == '-')
    s->p++;
  if (s->p < s->end && *s->p == '0')
    {
      s->p++;
      if (s->p < s->end && g_ascii_isdigit (*s->p))
        return fail_at (s, first, _("a number must not start with 0 (it could be read as octal)"));
    }
  else if (!scan_digits (s))
    return FALSE;
  if (s->p < s->end && *s->p == '.')
    {
      s->p++;
      integer = FALSE;
      if (!scan_digits (s))
        return FALSE;
    }
  if (s->p < s->end && (*s->p == 'e' || *s->p == 'E'))
    {
      s->p++;
      integer = FALSE;
      if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
        s->p++;
      if (!scan_digits (s))
        return FALSE;
    }

  if (integer)
    {
      gsize n = (gsize) (s->p - first);
      char buf[32];
      char *tail;
      gint64 v;

      /* −9223372036854775808 is 20 characters; anything longer is out of range */
      errno = 0;
      if (n < sizeof buf)
        {
          memcpy (buf, first, n);
          buf[n] = '\0';
          v = g_ascii_strtoll (buf, &tail, 10);
          (void) v;
        }
      if (n >= sizeof buf || errno == ERANGE)
        return fail_value (s, s->depth, BUD_JSON_ERROR_INVALID,
                           _("the number %.*s%s is out of range: whole numbers lie between %"
                             PRId64 " and %" PRId64),
                           (int) MIN (n, 24), first, n > 24 ? "…" : "",
                           G_MININT64, G_MAXINT64);
    }
  return TRUE;
}

static gboolean
scan_literal (Scanner    *s,
              const char *word)
{
  gsize n = strlen (word);

  if ((gsize) (s->end - s->p) < n || memcmp (s->p, word, n) != 0 ||
      (s->p + n < s->end && g_ascii_isalnum (s->p[n])))
    {
      g_autofree char *shown = show_char (s->p, s->end);
      return fail_at (s, s->p, _("unexpected %s, expected a value"), shown);
    }
  s->p += n;
  return TRUE;
}

static gboolean
enter (Scanner  *s,
       gboolean  object)
{
  if (s->depth >= BUD_JSON_MAX_DEPTH)
    return fail_at (s, s->p, _("the data is nested more than %u levels deep"), BUD_JSON_MAX_DEPTH);
  s->depth++;
  s->segs[s->depth].object = object;
  s->segs[s->depth].key = NULL;
  s->segs[s->depth].index = 0;
  s->p++;
  return TRUE;
}

static void
leave (Scanner *s)
{
  g_clear_pointer (&s->segs[s->depth].key, g_free);
  s->depth--;
}

static gboolean
scan_object (Scanner *s)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean ok = FALSE;

  if (!enter (s, TRUE))
    return FALSE;
  skip_ws (s);
  if (s->p < s->end && *s->p == '}')
    {
      s->p++;
      leave (s);
      return TRUE;
    }
  for (;;)
    {
      GString *key = g_string_new (NULL);

      skip_ws (s);
      if (s->p >= s->end || *s->p != '"')
        {
          g_autofree char *shown = show_char (s->p, s->end);
          g_string_free (key, TRUE);
          fail_at (s, s->p, _("expected a key in double quotes, found %s"), shown);
          break;
        }
      if (!scan_string (s, key))
        {
          g_string_free (key, TRUE);
          break;
        }
      if (g_hash_table_contains (keys, key->str))
        {
          g_autofree char *k = g_string_free (key, FALSE);
          fail_value (s, s->depth - 1, BUD_JSON_ERROR_FORMAT,
                      _("the key “%s” appears more than once"), k);
          break;
        }
      g_free (s->segs[s->depth].key);
      s->segs[s->depth].key = g_strdup (key->str);
      g_hash_table_add (keys, g_string_free (key, FALSE));

      skip_ws (s);
      if (s->p >= s->end || *s->p != ':')
        {
          g_autofree char *shown = show_char (s->p, s->end);
          fail_at (s, s->p, _("expected “:” after the key, found %s"), shown);
          break;
        }
      s->p++;
      if (!scan_value (s))
        break;
      skip_ws (s);
      if (s->p < s->end && *s->p == ',')
        {
          s->p++;
          g_clear_pointer (&s->segs[s->depth].key, g_free);
          continue;
        }
      if (s->p < s->end && *s->p == '}')
        {
          s->p++;
          ok = TRUE;
          break;
        }
      {
        g_autofree char *shown = show_char (s->p, s->end);
        fail_at (s, s->p, _("expected “,” or “}”, found %s"), shown);
        break;
      }
    }
  leave (s);
  return ok;
}

static gboolean
scan_array (Scanner *s)
{
  if (!enter (s, FALSE))
    return FALSE;
  skip_ws (s);
  if (s->p < s->end && *s->p == ']')
    {
      s->p++;
      leave (s);
      return TRUE;
    }
  for (;;)
    {
      if (!scan_value (s))
        return FALSE;
      skip_ws (s);
      if (s->p < s->end && *s->p == ',')
        {
          s->p++;
          s->segs[s->depth].index++;
          continue;
        }
      if (s->p < s->end && *s->p == ']')
        {
          s->p++;
          leave (s);
          return TRUE;
        }
      {
        g_autofree char *shown = show_char (s->p, s->end);
        return fail_at (s, s->p, _("expected “,” or “]”, found %s"), shown);
      }
    }
}

static gboolean
scan_value (Scanner *s)
{
  skip_ws (s);
  if (s->p >= s->end)
    return fail_at (s, s->p, _("the data ends where a value was expected"));
  switch (*s->p)
    {
    case '{':
      return scan_object (s);
    case '[':
      return scan_array (s);
    case '"':
      return scan_string (s, NULL);
    case 't':
      return scan_literal (s, "true");
    case 'f':
      return scan_literal (s, "false");
    case 'n':
      return scan_literal (s, "null");
    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return scan_number (s);
    default:
      {
        g_autofree char *shown = show_char (s->p, s->end);
        return fail_at (s, s->p, _("unexpected %s, expected a value"), shown);
      }
    }
}

gboolean
bud_json_strict_check (const char  *data,
                       gsize        length,
                       gsize       *out_offset,
                       GError     **error)
{
  Scanner s = { 0 };
  const char *q = data;
  const char *bad;
  gboolean ok;

  s.start = data;
  s.end = data + length;
  s.error = error;

  /* NUL bytes are reported by the scanner, with their place in the document;
   * here only the rest of the UTF-8 rules */
  while (!g_utf8_validate_len (q, (gsize) (s.end - q), &bad))
    {
      if (*bad != '\0')
        return fail_at (&s, bad, _("the data is not valid UTF-8 text"));
      q = bad + 1;
    }

  /* some Windows editors start UTF-8 files with a byte order mark */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    s.start = s.p = data + 3;
  else
    s.p = data;
  if (out_offset)
    *out_offset = (gsize) (s.p - data);

  skip_ws (&s);
  if (s.p >= s.end)
    return fail_at (&s, s.p, _("the data is empty"));

  ok = scan_value (&s);
  while (s.depth > 0)
    leave (&s);
  if (!ok)
    return FALSE;
  skip_ws (&s);
  if (s.p < s.end)
    {
      g_autofree char *shown = show_char (s.p, s.end);
      return fail_at (&s, s.p, _("unexpected %s after the end of the data"), shown);
    }
  return TRUE;
}
