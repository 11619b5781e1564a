/* bud-cli-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bud-cli.h"

int
bud_cli_import (int argc, char **argv)
{
  g_printerr ("not implemented yet\n");
  return BUD_CLI_UNREADABLE;
}
