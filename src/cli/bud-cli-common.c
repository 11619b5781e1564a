/* bud-cli-common.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bud-cli.h"

BudDocument *
bud_cli_load_document (const char *path, GError **error)
{
  return NULL;
}
