# build-aux/setup.sh — shared by build-aux/run and build-aux/test (sourced, not run)
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what is missing (Debian 12 / Ubuntu), configures and builds into _build.

BUD_PACKAGES="build-essential meson ninja-build pkg-config libgtk-4-dev libadwaita-1-dev \
libjson-glib-dev libsqlite3-dev libxlsxwriter-dev libglib2.0-dev-bin gettext itstool \
yelp-tools appstream desktop-file-utils xvfb xauth fonts-noto-cjk poppler-utils flatpak-builder"

bud_missing_packages () {
  local missing=""
  for p in $BUD_PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
  done
  echo "$missing"
}

bud_install_deps () {
  local missing
  command -v dpkg-query >/dev/null 2>&1 || { echo "setup: not a Debian/Ubuntu system; install the equivalents of: $BUD_PACKAGES" >&2; return 0; }
  missing=$(bud_missing_packages)
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" = 0 ]; then
    echo "setup: installing:$missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2 && apt-get install -y -q --no-install-recommends $missing >&2 || return 1
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    echo "setup: installing with sudo:$missing" >&2
    sudo DEBIAN_FRONTEND=noninteractive apt-get update -q >&2 &&
      sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing >&2 || return 1
  else
    echo "setup: these packages are missing; install them and run again:" >&2
    echo "  sudo apt-get install --no-install-recommends$missing" >&2
    return 1
  fi
}

bud_build () {
  local top="$1"; shift
  cd "$top" || return 1
  if [ ! -f _build/build.ninja ]; then
    meson setup _build "$@" >&2 || return 1
  fi
  ninja -C _build >&2
}
