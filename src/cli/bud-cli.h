/* bud-cli.h — the commands of deptbudget-cli, one file each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "bud-document.h"

G_BEGIN_DECLS

/* Exit codes shared by every command */
enum {
  BUD_CLI_OK = 0,
  BUD_CLI_FAILED = 1,     /* the command ran and found a problem (e.g. check errors) */
  BUD_CLI_UNREADABLE = 2, /* the input could not be read, or bad usage */
};

/* Parses a command's options: @parameters and @summary (translated, @summary
 * may be NULL) make its --help; FALSE after saying what is wrong on stderr. */
gboolean bud_cli_parse_options (const char          *parameters,
                                const char          *summary,
                                const GOptionEntry  *entries,
                                int                 *argc,
                                char              ***argv);

/* Opens a .budget file or imports a .json exchange file, by extension/content. */
BudDocument *bud_cli_load_document (const char *path, GError **error);

int bud_cli_import (int argc, char **argv);
int bud_cli_export (int argc, char **argv);
int bud_cli_tables (int argc, char **argv);
int bud_cli_check (int argc, char **argv);
int bud_cli_narrative (int argc, char **argv);
int bud_cli_rollover (int argc, char **argv);
int bud_cli_units (int argc, char **argv);

/* Writes @doc to @path: JSON when it ends in .json, else a new .budget file. */
gboolean bud_cli_write_document (BudDocument *doc, const char *path, gboolean overwrite, GError **error);
int bud_cli_diff (int argc, char **argv);
int bud_cli_review (int argc, char **argv);

G_END_DECLS
