/* bud-review.c — status with history, snapshots and comments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "bud-check.h"
#include "bud-jsonio.h"
#include "bud-review.h"

static const char * const status_strings[BUD_N_STATUSES] = {
  "drafting", "submitted", "returned", "approved",
};

static const char * const status_names[BUD_N_STATUSES] = {
  "编制中", "已提交", "退回修改", "已审核",
};

static const char * const status_labels[BUD_N_STATUSES] = {
  N_("Drafting"), N_("Submitted"), N_("Returned for changes"), N_("Approved"),
};

/* Rows: from; each lists the statuses it may go to, ended by -1. */
static const int next_statuses[BUD_N_STATUSES][3] = {
  [BUD_STATUS_DRAFTING]  = { BUD_STATUS_SUBMITTED, -1, -1 },
  [BUD_STATUS_SUBMITTED] = { BUD_STATUS_RETURNED, BUD_STATUS_APPROVED, -1 },
  [BUD_STATUS_RETURNED]  = { BUD_STATUS_SUBMITTED, -1, -1 },
  [BUD_STATUS_APPROVED]  = { BUD_STATUS_RETURNED, -1, -1 },
};

const char *
bud_status_to_string (BudStatus status)
{
  g_return_val_if_fail ((guint) status < BUD_N_STATUSES, "");
  return status_strings[status];
}

const char *
bud_status_name (BudStatus status)
{
  g_return_val_if_fail ((guint) status < BUD_N_STATUSES, "");
  return status_names[status];
}

const char *
bud_status_label (BudStatus status)
{
  g_return_val_if_fail ((guint) status < BUD_N_STATUSES, "");
  return _(status_labels[status]);
}

BudStatus
bud_review_get_status (BudDocument *doc)
{
  g_return_val_if_fail (BUD_IS_DOCUMENT (doc), BUD_STATUS_DRAFTING);
  return bud_document_meta (doc)->status;
}

const int *
bud_review_next_statuses (BudStatus from)
{
  g_return_val_if_fail ((guint) from < BUD_N_STATUSES, next_statuses[0] + 2);
  return next_statuses[from];
}

gboolean
bud_review_can_change_status (BudStatus from,
                              BudStatus to)
{
  if ((guint) from >= BUD_N_STATUSES || (guint) to >= BUD_N_STATUSES)
    return FALSE;
  for (const int *n = next_statuses[from]; *n >= 0; n++)
    if (*n == (int) to)
      return TRUE;
  return FALSE;
}

char *
bud_review_format_time (GDateTime *when)
{
  g_autoptr(GDateTime) now = NULL;

  if (when == NULL)
    when = now = g_date_time_new_now_local ();
  return g_date_time_format (when, "%Y-%m-%dT%H:%M:%S%:z");
}

/* ---- snapshots ---- */

BudSnapshot *
bud_review_take_snapshot (BudDocument  *doc,
                          const char   *name,
                          GDateTime    *when,
                          GError      **error)
{
  BudSnapshot *sn;

  g_return_val_if_fail (BUD_IS_DOCUMENT (doc), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  sn = bud_entity_new (BUD_KIND_SNAPSHOT);
  g_free (sn->name);
  sn->name = g_strdup (name);
  g_free (sn->created);
  sn->created = bud_review_format_time (when);
  g_free (sn->content);
  sn->content = bud_json_write_data_full (doc, BUD_JSON_WRITE_SKIP_SNAPSHOTS, NULL);
  return bud_document_insert (doc, BUD_KIND_SNAPSHOT, sn, -1, error);
}

BudSnapshot *
bud_review_latest_snapshot (BudDocument *doc)
{
  GPtrArray *items;

  g_return_val_if_fail (BUD_IS_DOCUMENT (doc), NULL);
  items = bud_document_items (doc, BUD_KIND_SNAPSHOT);
  return items->len ? g_ptr_array_index (items, items->len - 1) : NULL;
}

BudDocument *
bud_review_snapshot_document (BudDocument  *doc,
                              gint64        snapshot_id,
                              GError      **error)
{
  BudSnapshot *sn;
  g_autoptr(GError) inner = NULL;
  BudDocument *copy;

  g_return_val_if_fail (BUD_IS_DOCUMENT (doc), NULL);

  sn = bud_document_lookup (doc, BUD_KIND_SNAPSHOT, snapshot_id);
  if (sn == NULL)
    {
      g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_NOT_FOUND,
                   _("There is no snapshot with id %" PRId64), snapshot_id);
      return NULL;
    }
  if (sn->content[0] == '\0')
    {
      g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_INVALID,
                   _("Snapshot “%s” is empty: it holds no document"), sn->name);
      return NULL;
    }
  copy = bud_json_read_data (sn->content, -1, &inner);
  if (copy == NULL)
    {
      g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_INVALID,
                   _("Snapshot “%s” cannot be read: %s"), sn->name, inner->message);
      return NULL;
    }
  bud_document_clear_history (copy);
  return copy;
}

/* ---- status ---- */

BudStatusChange *
bud_review_set_status (BudDocument  *doc,
                       BudStatus     to,
                       const char   *author,
                       const char   *note,
                       GDateTime    *when,
                       GError      **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *name = NULL;
  BudStatus from;
  BudSnapshot *sn;
  BudStatusChange *change;

  g_return_val_if_fail (BUD_IS_DOCUMENT (doc), NULL);

  from = bud_review_get_status (doc);
  if ((guint) to >= BUD_N_STATUSES || !bud_review_can_change_status (from, to))
    {
      g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_INVALID,
                   _("The status cannot go from “%s” to “%s”"),
                   bud_status_label (from),
                   (guint) to < BUD_N_STATUSES ? bud_status_label (to) : "?");
      return NULL;
    }
  if (when == NULL)
    when = now = g_date_time_new_now_local ();

  /* status and history first, so the snapshot is the document as handed over */
  if (!bud_document_begin (doc, error))
    return NULL;
  if (!bud_document_set_int (doc, BUD_KIND_META, 1, "status", to, error))
    goto fail;

  change = bud_entity_new (BUD_KIND_STATUS_CHANGE);
  change->from = from;
  change->to = to;
  g_free (change->author);
  change->author = g_strdup (author ? author : "");
  g_free (change->time);
  change->time = bud_review_format_time (when);
  g_free (change->note);
  change->note = g_strdup (note ? note : "");
  change = bud_document_insert (doc, BUD_KIND_STATUS_CHANGE, change, -1, error);
  if (change == NULL)
    goto fail;

  /* taken after the history row, so the snapshot carries its own handover */
  stamp = g_date_time_format (when, "%Y-%m-%d %H:%M");
  name = g_strdup_printf ("%s %s", bud_status_name (to), stamp);
  sn = bud_review_take_snapshot (doc, name, when, error);
  if (sn == NULL ||
      !bud_document_set_int (doc, BUD_KIND_STATUS_CHANGE, change->id, "snapshot", sn->id, error))
    goto fail;
  if (!bud_document_commit (doc, error))
    return NULL;
  return change;

fail:
  bud_document_rollback (doc);
  return NULL;
}

/* ---- comments ---- */

char *
bud_review_object_path (BudKind kind,
                        gint64  id)
{
  const BudEntityClass *klass;

  if ((guint) kind >= BUD_N_KINDS)
    return g_strdup ("");
  klass = bud_entity_class (kind);
  if (klass->singleton)
    return g_strdup (klass->name);
  return g_strdup_printf ("%s/%" PRId64, klass->name, id);
}

gboolean
bud_review_parse_object_path (const char *object,
                              BudKind    *out_kind,
                              gint64     *out_id)
{
  const BudEntityClass *klass;
  const char *slash;
  g_autofree char *name = NULL;
  guint64 id = 0;

  g_return_val_if_fail (object != NULL, FALSE);

  if (object[0] == '\0')
    {
      *out_kind = BUD_N_KINDS;
      *out_id = 0;
      return TRUE;
    }
  slash = strchr (object, '/');
  name = slash ? g_strndup (object, slash - object) : g_strdup (object);
  klass = bud_entity_class_by_name (name);
  if (klass == NULL)
    return FALSE;
  if (klass->singleton)
    {
      if (slash != NULL)
        return FALSE;
      id = 1;
    }
  else if (slash == NULL ||
           !g_ascii_string_to_unsigned (slash + 1, 10, 1, G_MAXINT64, &id, NULL))
    return FALSE;
  *out_kind = klass->kind;
  *out_id = (gint64) id;
  return TRUE;
}

BudComment *
bud_review_add_comment (BudDocument  *doc,
                        BudKind       kind,
                        gint64        id,
                        const char   *field,
                        const char   *author,
                        const char   *body,
                        GDateTime    *when,
                        GError      **error)
{
  BudComment *c;

  g_return_val_if_fail (BUD_IS_DOCUMENT (doc), NULL);

  if (field == NULL)
    field = "";
  if ((guint) kind < BUD_N_KINDS)
    {
      const BudEntityClass *klass = bud_entity_class (kind);

      if (klass->singleton)
        id = 1;
      if (bud_document_lookup (doc, kind, id) == NULL)
        {
          g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_NOT_FOUND,
                       _("Cannot comment on %s %" PRId64 ": there is no such row"),
                       _(klass->label), id);
          return NULL;
        }
      if (field[0] && bud_entity_class_field (klass, field) == NULL)
        {
          g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_NOT_FOUND,
                       _("Cannot comment on field “%s”: %s has no such field"),
                       field, _(klass->label));
          return NULL;
        }
    }
  else if (field[0])
    {
      g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_INVALID,
                   _("A comment on the whole document cannot name a field (“%s”)"), field);
      return NULL;
    }

  c = bud_entity_new (BUD_KIND_COMMENT);
  g_free (c->object);
  c->object = bud_review_object_path (kind, id);
  g_free (c->field);
  c->field = g_strdup (field);
  g_free (c->author);
  c->author = g_strdup (author ? author : "");
  g_free (c->created);
  c->created = bud_review_format_time (when);
  g_free (c->body);
  c->body = g_strdup (body ? body : "");
  return bud_document_insert (doc, BUD_KIND_COMMENT, c, -1, error);
}

gboolean
bud_review_resolve_comment (BudDocument  *doc,
                            gint64        comment_id,
                            gboolean      resolved,
                            GError      **error)
{
  g_return_val_if_fail (BUD_IS_DOCUMENT (doc), FALSE);
  return bud_document_set_int (doc, BUD_KIND_COMMENT, comment_id, "resolved", !!resolved, error);
}

GPtrArray *
bud_review_comments_for (BudDocument *doc,
                         BudKind      kind,
                         gint64       id,
                         const char  *field,
                         gboolean     include_resolved)
{
  GPtrArray *items, *out;
  g_autofree char *path = NULL;

  g_return_val_if_fail (BUD_IS_DOCUMENT (doc), NULL);

  if ((guint) kind < BUD_N_KINDS && bud_entity_class (kind)->singleton)
    id = 1;
  path = bud_review_object_path (kind, id);
  items = bud_document_items (doc, BUD_KIND_COMMENT);
  out = g_ptr_array_new ();
  for (guint i = 0; i < items->len; i++)
    {
      BudComment *c = g_ptr_array_index (items, i);

      if (strcmp (c->object, path) != 0 || (!include_resolved && c->resolved))
        continue;
      if (field != NULL && strcmp (c->field, field) != 0)
        continue;
      g_ptr_array_add (out, c);
    }
  return out;
}

guint
bud_review_count_open_comments (BudDocument *doc)
{
  GPtrArray *items;
  guint n = 0;

  g_return_val_if_fail (BUD_IS_DOCUMENT (doc), 0);
  items = bud_document_items (doc, BUD_KIND_COMMENT);
  for (guint i = 0; i < items->len; i++)
    if (!((BudComment *) g_ptr_array_index (items, i))->resolved)
      n++;
  return n;
}

char *
bud_review_describe_comment (BudDocument      *doc,
                             const BudComment *comment)
{
  BudFinding f = { 0 };
  BudKind kind;
  gint64 id;

  g_return_val_if_fail (BUD_IS_DOCUMENT (doc), NULL);
  g_return_val_if_fail (comment != NULL, NULL);

  if (!bud_review_parse_object_path (comment->object, &kind, &id))
    return g_strdup_printf (_("Unknown object “%s”"), comment->object);
  f.kind = kind;
  f.id = id;
  f.field = comment->field[0] ? comment->field : NULL;
  return bud_finding_describe_location (doc, &f);
}
