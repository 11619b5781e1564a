#!/bin/sh
# check-po.sh SRCDIR LANG — the translation is valid and complete for the current sources.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Extracts the messages afresh (as `ninja deptbudget-pot` would) and merges the
# translation against them, so a new untranslated string fails the test suite.
set -eu
src="$1"; lang="$2"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"
xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 --keyword=g_dpgettext2:2c,3 \
  --files-from=po/POTFILES.in --output="$tmp/all.pot" 2>"$tmp/xgettext.log" || { cat "$tmp/xgettext.log"; exit 1; }
msgfmt --check --output-file=/dev/null "po/$lang.po"
msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/merged.po" "po/$lang.po" "$tmp/all.pot"
untranslated=$(msgattrib --untranslated --no-obsolete "$tmp/merged.po" | grep -c '^msgid ' || true)
fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$tmp/merged.po" | grep -c '^msgid ' || true)
# the header entry counts once in each listing when present
[ "$untranslated" -gt 0 ] && untranslated=$((untranslated - 1))
[ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
if [ "$untranslated" -ne 0 ] || [ "$fuzzy" -ne 0 ]; then
  echo "po/$lang.po: $untranslated untranslated, $fuzzy fuzzy messages:"
  msgattrib --untranslated --no-obsolete "$tmp/merged.po" | grep '^msgid ' | head -20
  exit 1
fi
echo "po/$lang.po: complete"
