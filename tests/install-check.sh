#!/bin/sh
# install-check.sh BUILDDIR — `meson install` into a DESTDIR installs everything and the installed CLI runs.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
build="$1"
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
meson install -C "$build" --no-rebuild --quiet --destdir "$dest" >/dev/null
prefix=$(meson introspect "$build" --buildoptions | python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"]=="prefix"][0])')
root="$dest$prefix"
for f in bin/deptbudget-cli share/deptbudget/examples/changji-2026.json share/locale/zh_CN/LC_MESSAGES/deptbudget.mo \
         share/help/C/deptbudget/index.page share/help/zh_CN/deptbudget/index.page; do
  [ -e "$root/$f" ] || { echo "not installed: $f"; exit 1; }
done
if [ -e "$build/src/ui/deptbudget" ]; then
  for f in bin/deptbudget share/applications/io.github.deptbudget.DeptBudget.desktop \
           share/metainfo/io.github.deptbudget.DeptBudget.metainfo.xml \
           share/glib-2.0/schemas/io.github.deptbudget.DeptBudget.gschema.xml \
           share/mime/packages/io.github.deptbudget.DeptBudget.xml \
           share/icons/hicolor/scalable/apps/io.github.deptbudget.DeptBudget.svg \
           share/icons/hicolor/symbolic/apps/io.github.deptbudget.DeptBudget-symbolic.svg; do
    [ -e "$root/$f" ] || { echo "not installed: $f"; exit 1; }
  done
fi
# the installed CLI works on the installed example
"$root/bin/deptbudget-cli" tables "$root/share/deptbudget/examples/changji-2026.json" --table 1 --format tsv | grep -q '收入总计	247.42'
echo "install: ok"
