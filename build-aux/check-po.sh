#!/bin/sh
# check-po.sh SRCDIR LANG [help] — the translation is valid and complete for the current sources.
#
# Without "help": po/LANG.po against the C sources of po/POTFILES.in.
# With "help": help/LANG/LANG.po against the Mallard pages help/C/*.page.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Extracts the messages afresh (with the same arguments as meson's i18n 'glib'
# preset, so the flags match `ninja deptbudget-pot`) and merges the translation
# against them, so a new untranslated string fails the test suite.
set -eu
src="$1"; lang="$2"; what="${3:-po}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"
if [ "$what" = help ]; then
  po="help/$lang/$lang.po"
  itstool -o "$tmp/all.pot" help/C/*.page
else
  po="po/$lang.po"
  xgettext --from-code=UTF-8 --add-comments \
    --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
    --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
    --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
    --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
    --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
    --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
    --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format --flag=g_print:1:c-format \
    --flag=g_printerr:1:c-format --flag=g_printf:1:c-format --flag=g_fprintf:2:c-format \
    --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
    --files-from=po/POTFILES.in --output="$tmp/all.pot" 2>"$tmp/xgettext.log" || { cat "$tmp/xgettext.log"; exit 1; }
  # A msgid cut short by a format macro (G_GINT64_FORMAT, which xgettext does
  # not know) can never be looked up at run time: list them, without failing,
  # until the sources are fixed.
  cut=$(awk '/^#:/ { loc = $0 }
    /^msgid / { inid = 1; s = $0; sub (/^msgid "/, "", s); sub (/"$/, "", s); id = s; next }
    inid && /^"/ { s = $0; sub (/^"/, "", s); sub (/"$/, "", s); id = id s; next }
    inid { if (id ~ /(^|[^%])(%%)*%$/) print "  " substr (loc, 4) ": \"" id "\""; inid = 0 }' "$tmp/all.pot")
  if [ -n "$cut" ]; then
    echo "warning: messages cut short by a format macro, never translated at run time:"
    echo "$cut"
  fi
fi
msgfmt --check --output-file=/dev/null "$po"
msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/merged.po" "$po" "$tmp/all.pot"
# the flags now come from the sources: a translation that drops or swaps a
# conversion fails here even when $po carries stale flags
msgfmt --check --output-file=/dev/null "$tmp/merged.po"
# msgattrib prints the header entry whenever it prints any message, so the
# header is counted once in a non-empty listing and never in an empty one
count ()
{
  n=$(msgattrib "$@" --no-obsolete "$tmp/merged.po" | grep -c '^msgid ' || true)
  [ "$n" -gt 0 ] && n=$((n - 1))
  echo "$n"
}
untranslated=$(count --untranslated)
fuzzy=$(count --only-fuzzy)
if [ "$untranslated" -ne 0 ] || [ "$fuzzy" -ne 0 ]; then
  echo "$po: $untranslated untranslated, $fuzzy fuzzy messages:"
  msgattrib --untranslated --no-obsolete "$tmp/merged.po" | grep '^msgid ' | tail -n +2 | head -20
  msgattrib --only-fuzzy --no-obsolete "$tmp/merged.po" | grep '^msgid ' | tail -n +2 | head -20
  exit 1
fi
echo "$po: complete ($(msgfmt --statistics --output-file=/dev/null "$tmp/merged.po" 2>&1))"
