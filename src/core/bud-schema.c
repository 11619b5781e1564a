/* bud-schema.c — field tables of every entity, and generic access to them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "bud-entities.h"
#include "bud-money.h"
#include "bud-schema.h"

#define F_INT(S, f, fl, lbl)      { #f, BUD_FIELD_INT, G_STRUCT_OFFSET (S, f), fl, NULL, 0, 0, lbl }
#define F_MONEY(S, f, lbl)        { #f, BUD_FIELD_FIXED2, G_STRUCT_OFFSET (S, f), BUD_FIELD_MONEY, NULL, 0, 0, lbl }
#define F_FIXED2(S, f, fl, lbl)   { #f, BUD_FIELD_FIXED2, G_STRUCT_OFFSET (S, f), fl, NULL, 0, 0, lbl }
#define F_TEXT(S, f, fl, tk, lbl) { #f, BUD_FIELD_TEXT, G_STRUCT_OFFSET (S, f), fl, NULL, 0, tk, lbl }
#define F_BOOL(S, f, lbl)         { #f, BUD_FIELD_BOOL, G_STRUCT_OFFSET (S, f), 0, NULL, 0, 0, lbl }
#define F_ENUM(S, f, fl, e, lbl)  { #f, BUD_FIELD_ENUM, G_STRUCT_OFFSET (S, f), fl, e, 0, 0, lbl }
#define F_REF(S, f, fl, k, lbl)   { #f, BUD_FIELD_REF, G_STRUCT_OFFSET (S, f), fl, NULL, k, 0, lbl }

#define NN BUD_FIELD_NONNEGATIVE

static const char * const unit_types[] = { "admin", "civil_servant", "institution", NULL };
static const char * const sources[] = {
  "general", "general_transfer", "fund", "fund_transfer", "state_capital",
  "state_capital_transfer", "special_account", "unit_business", "unit_superior",
  "unit_affiliated", "unit_operating", "unit_other", "carry_general", "carry_fund",
  "carry_state_capital", "carry_special_account", "carry_unit", NULL
};
static const char * const spend_kinds[] = { "basic", "project", NULL };
static const char * const ops[] = { "ge", "le", "eq", "gt", "lt", "qual", NULL };
static const char * const schemes[] = { "functional", "economic", NULL };
static const char * const statuses[] = { "drafting", "submitted", "returned", "approved", NULL };

static const BudField meta_fields[] = {
  F_TEXT (BudMeta, department, BUD_FIELD_REQUIRED, BUD_TEXT_SINGLE_LINE, N_("Department")),
  F_TEXT (BudMeta, department_code, 0, BUD_TEXT_SINGLE_LINE, N_("Department code")),
  F_INT (BudMeta, year, NN, N_("Fiscal year")),
  F_TEXT (BudMeta, template_id, BUD_FIELD_REQUIRED, BUD_TEXT_SINGLE_LINE, N_("Template")),
  F_TEXT (BudMeta, date, 0, BUD_TEXT_DATE, N_("Date")),
  F_ENUM (BudMeta, status, 0, statuses, N_("Status")),
};

static const BudField profile_fields[] = {
  F_TEXT (BudProfile, functions, 0, BUD_TEXT_ANY, N_("Main functions")),
  F_TEXT (BudProfile, structure, 0, BUD_TEXT_ANY, N_("Organisation")),
  F_TEXT (BudProfile, contact, 0, BUD_TEXT_SINGLE_LINE, N_("Contact person")),
  F_TEXT (BudProfile, phone, 0, BUD_TEXT_SINGLE_LINE, N_("Phone")),
  F_INT (BudProfile, staff_authorized, NN, N_("Authorised posts")),
  F_INT (BudProfile, staff_active, NN, N_("Staff in service")),
  F_INT (BudProfile, staff_retired, NN, N_("Retired staff")),
  F_INT (BudProfile, staff_veteran, NN, N_("Veteran retirees")),
  F_INT (BudProfile, staff_authorized_last, NN, N_("Authorised posts last year")),
  F_INT (BudProfile, staff_active_last, NN, N_("Staff in service last year")),
  F_INT (BudProfile, staff_retired_last, NN, N_("Retired staff last year")),
  F_INT (BudProfile, staff_veteran_last, NN, N_("Veteran retirees last year")),
};

static const BudField procurement_fields[] = {
  F_MONEY (BudProcurement, total, N_("Procurement total")),
  F_MONEY (BudProcurement, goods, N_("Goods")),
  F_MONEY (BudProcurement, works, N_("Works")),
  F_MONEY (BudProcurement, services, N_("Services")),
  F_MONEY (BudProcurement, reserved_sme, N_("Reserved for small and medium enterprises")),
  F_MONEY (BudProcurement, reserved_micro, N_("Reserved for small and micro enterprises")),
};

static const BudField assets_fields[] = {
  F_TEXT (BudAssets, as_of, 0, BUD_TEXT_DATE, N_("Figures as of")),
  F_FIXED2 (BudAssets, building_area, NN, N_("Building area (m²)")),
  F_MONEY (BudAssets, building_value, N_("Building value")),
  F_INT (BudAssets, vehicles_general, NN, N_("General official vehicles")),
  F_MONEY (BudAssets, vehicles_general_value, N_("General official vehicles value")),
  F_INT (BudAssets, vehicles_enforcement, NN, N_("Law-enforcement vehicles")),
  F_MONEY (BudAssets, vehicles_enforcement_value, N_("Law-enforcement vehicles value")),
  F_INT (BudAssets, vehicles_other, NN, N_("Other vehicles")),
  F_MONEY (BudAssets, vehicles_other_value, N_("Other vehicles value")),
  F_MONEY (BudAssets, furniture_value, N_("Office furniture value")),
  F_MONEY (BudAssets, other_value, N_("Other assets value")),
  F_INT (BudAssets, equipment_50, NN, N_("Equipment over 500,000 yuan")),
  F_INT (BudAssets, equipment_100, NN, N_("Equipment over 1,000,000 yuan")),
  F_INT (BudAssets, planned_vehicles, NN, N_("Vehicles to buy")),
  F_MONEY (BudAssets, planned_vehicles_value, N_("Vehicles to buy, budget")),
  F_INT (BudAssets, planned_equipment_50, NN, N_("Equipment over 500,000 yuan to buy")),
  F_INT (BudAssets, planned_equipment_100, NN, N_("Equipment over 1,000,000 yuan to buy")),
};

static const BudField unit_fields[] = {
  F_TEXT (BudUnit, name, BUD_FIELD_REQUIRED, BUD_TEXT_SINGLE_LINE, N_("Unit name")),
  F_TEXT (BudUnit, code, 0, BUD_TEXT_SINGLE_LINE, N_("Unit code")),
  F_ENUM (BudUnit, type, 0, unit_types, N_("Unit type")),
  F_BOOL (BudUnit, primary_unit, N_("Department’s own unit")),
};

static const BudField project_fields[] = {
  F_TEXT (BudProject, code, 0, BUD_TEXT_SINGLE_LINE, N_("Project code")),
  F_TEXT (BudProject, name, BUD_FIELD_REQUIRED, BUD_TEXT_SINGLE_LINE, N_("Project name")),
  F_REF (BudProject, unit, BUD_FIELD_REQUIRED, BUD_KIND_UNIT, N_("Undertaking unit")),
  F_TEXT (BudProject, policy_basis, 0, BUD_TEXT_ANY, N_("Policy basis")),
  F_TEXT (BudProject, execution, 0, BUD_TEXT_SINGLE_LINE, N_("Execution period")),
  F_TEXT (BudProject, owner, 0, BUD_TEXT_SINGLE_LINE, N_("Project owner")),
};

static const BudField allocation_fields[] = {
  F_REF (BudAllocation, project, BUD_FIELD_REQUIRED | BUD_FIELD_OWNER, BUD_KIND_PROJECT, N_("Project")),
  F_TEXT (BudAllocation, purpose, BUD_FIELD_REQUIRED, BUD_TEXT_SINGLE_LINE, N_("Purpose")),
  F_MONEY (BudAllocation, amount, N_("Amount")),
};

static const BudField carryover_fields[] = {
  F_TEXT (BudCarryover, name, BUD_FIELD_REQUIRED, BUD_TEXT_SINGLE_LINE, N_("Carry-over item")),
  F_ENUM (BudCarryover, source, 0, sources, N_("Source")),
  F_ENUM (BudCarryover, kind, 0, spend_kinds, N_("Basic or project")),
  F_MONEY (BudCarryover, amount, N_("Amount")),
};

static const BudField income_fields[] = {
  F_ENUM (BudIncome, source, BUD_FIELD_UNIQUE, sources, N_("Source")),
  F_MONEY (BudIncome, amount, N_("Approved amount")),
};

static const BudField line_fields[] = {
  F_REF (BudLine, unit, BUD_FIELD_REQUIRED, BUD_KIND_UNIT, N_("Unit")),
  F_TEXT (BudLine, func, BUD_FIELD_REQUIRED, BUD_TEXT_CODE, N_("Functional classification")),
  F_TEXT (BudLine, econ, BUD_FIELD_REQUIRED, BUD_TEXT_CODE, N_("Economic classification")),
  F_ENUM (BudLine, kind, 0, spend_kinds, N_("Basic or project")),
  F_REF (BudLine, project, 0, BUD_KIND_PROJECT, N_("Project")),
  F_ENUM (BudLine, source, 0, sources, N_("Source")),
  F_REF (BudLine, carryover, 0, BUD_KIND_CARRYOVER, N_("Carry-over item")),
  F_MONEY (BudLine, amount, N_("Amount")),
  F_TEXT (BudLine, note, 0, BUD_TEXT_ANY, N_("Note")),
};

static const BudField comparative_fields[] = {
  F_TEXT (BudComparative, measure, BUD_FIELD_REQUIRED | BUD_FIELD_UNIQUE, BUD_TEXT_SINGLE_LINE, N_("Measure")),
  F_MONEY (BudComparative, last_year, N_("Last year’s budget")),
  F_TEXT (BudComparative, reason, 0, BUD_TEXT_ANY, N_("Main reason")),
};

static const BudField target_fields[] = {
  F_REF (BudTarget, project, BUD_FIELD_UNIQUE | BUD_FIELD_OWNER, BUD_KIND_PROJECT, N_("Project")),
  F_TEXT (BudTarget, goal, 0, BUD_TEXT_ANY, N_("Annual goal")),
  F_MONEY (BudTarget, fiscal_upper, N_("Fiscal funds from the higher level")),
  F_MONEY (BudTarget, fiscal_local, N_("Fiscal funds of this level")),
  F_MONEY (BudTarget, other, N_("Other funds")),
};

static const BudField indicator_fields[] = {
  F_REF (BudIndicator, target, BUD_FIELD_REQUIRED | BUD_FIELD_OWNER, BUD_KIND_TARGET, N_("Target table")),
  F_TEXT (BudIndicator, level1, BUD_FIELD_REQUIRED, BUD_TEXT_SINGLE_LINE, N_("Level 1 indicator")),
  F_TEXT (BudIndicator, level2, BUD_FIELD_REQUIRED, BUD_TEXT_SINGLE_LINE, N_("Level 2 indicator")),
  F_TEXT (BudIndicator, name, BUD_FIELD_REQUIRED, BUD_TEXT_SINGLE_LINE, N_("Level 3 indicator")),
  F_ENUM (BudIndicator, op, 0, ops, N_("Operator")),
  F_TEXT (BudIndicator, value, 0, BUD_TEXT_SINGLE_LINE, N_("Indicator value")),
  F_TEXT (BudIndicator, unit, 0, BUD_TEXT_SINGLE_LINE, N_("Indicator unit")),
  F_TEXT (BudIndicator, basis, 0, BUD_TEXT_ANY, N_("Basis")),
  F_TEXT (BudIndicator, last_value, 0, BUD_TEXT_SINGLE_LINE, N_("Last year’s result")),
  F_FIXED2 (BudIndicator, weight, NN, N_("Weight")),
  F_TEXT (BudIndicator, scoring, 0, BUD_TEXT_ANY, N_("Scoring rule")),
  F_TEXT (BudIndicator, evidence, 0, BUD_TEXT_ANY, N_("Evidence")),
};

static const BudField text_fields[] = {
  F_TEXT (BudText, key, BUD_FIELD_REQUIRED | BUD_FIELD_UNIQUE, BUD_TEXT_SINGLE_LINE, N_("Key")),
  F_TEXT (BudText, value, 0, BUD_TEXT_ANY, N_("Text")),
};

static const BudField custom_code_fields[] = {
  F_ENUM (BudCustomCode, scheme, 0, schemes, N_("Classification")),
  F_TEXT (BudCustomCode, code, BUD_FIELD_REQUIRED, BUD_TEXT_CODE, N_("Code")),
  F_TEXT (BudCustomCode, name, BUD_FIELD_REQUIRED, BUD_TEXT_SINGLE_LINE, N_("Name")),
};

static const BudField comment_fields[] = {
  F_TEXT (BudComment, object, 0, BUD_TEXT_SINGLE_LINE, N_("Object")),
  F_TEXT (BudComment, field, 0, BUD_TEXT_SINGLE_LINE, N_("Field")),
  F_TEXT (BudComment, author, 0, BUD_TEXT_SINGLE_LINE, N_("Author")),
  F_TEXT (BudComment, created, 0, BUD_TEXT_TIMESTAMP, N_("Created")),
  F_TEXT (BudComment, body, BUD_FIELD_REQUIRED, BUD_TEXT_ANY, N_("Comment")),
  F_BOOL (BudComment, resolved, N_("Resolved")),
};

static const BudField snapshot_fields[] = {
  F_TEXT (BudSnapshot, name, BUD_FIELD_REQUIRED, BUD_TEXT_SINGLE_LINE, N_("Snapshot name")),
  F_TEXT (BudSnapshot, created, 0, BUD_TEXT_TIMESTAMP, N_("Created")),
  F_TEXT (BudSnapshot, content, 0, BUD_TEXT_ANY, N_("Content")),
};

static const BudField status_change_fields[] = {
  F_ENUM (BudStatusChange, from, 0, statuses, N_("Previous status")),
  F_ENUM (BudStatusChange, to, 0, statuses, N_("New status")),
  F_TEXT (BudStatusChange, author, 0, BUD_TEXT_SINGLE_LINE, N_("Changed by")),
  F_TEXT (BudStatusChange, time, 0, BUD_TEXT_TIMESTAMP, N_("Changed at")),
  F_TEXT (BudStatusChange, note, 0, BUD_TEXT_ANY, N_("Note")),
  /* an id, not a reference: a snapshot's content leaves the snapshots out but
   * keeps the history, which must still load on its own */
  F_INT (BudStatusChange, snapshot, NN, N_("Snapshot")),
};

#define CLASS(K, name, label, single, S, f) \
  [K] = { K, name, label, single, sizeof (S), f, G_N_ELEMENTS (f) }

static const BudEntityClass classes[BUD_N_KINDS] = {
  CLASS (BUD_KIND_META, "document", N_("Document"), TRUE, BudMeta, meta_fields),
  CLASS (BUD_KIND_PROFILE, "profile", N_("Profile"), TRUE, BudProfile, profile_fields),
  CLASS (BUD_KIND_PROCUREMENT, "procurement", N_("Government procurement"), TRUE, BudProcurement, procurement_fields),
  CLASS (BUD_KIND_ASSETS, "assets", N_("State-owned assets"), TRUE, BudAssets, assets_fields),
  CLASS (BUD_KIND_UNIT, "units", N_("Unit"), FALSE, BudUnit, unit_fields),
  CLASS (BUD_KIND_PROJECT, "projects", N_("Project"), FALSE, BudProject, project_fields),
  CLASS (BUD_KIND_ALLOCATION, "allocations", N_("Allocation item"), FALSE, BudAllocation, allocation_fields),
  CLASS (BUD_KIND_CARRYOVER, "carryovers", N_("Carry-over item"), FALSE, BudCarryover, carryover_fields),
  CLASS (BUD_KIND_INCOME, "income", N_("Income"), FALSE, BudIncome, income_fields),
  CLASS (BUD_KIND_LINE, "lines", N_("Expenditure line"), FALSE, BudLine, line_fields),
  CLASS (BUD_KIND_COMPARATIVE, "comparatives", N_("Comparative"), FALSE, BudComparative, comparative_fields),
  CLASS (BUD_KIND_TARGET, "targets", N_("Performance target"), FALSE, BudTarget, target_fields),
  CLASS (BUD_KIND_INDICATOR, "indicators", N_("Indicator"), FALSE, BudIndicator, indicator_fields),
  CLASS (BUD_KIND_TEXT, "texts", N_("Text"), FALSE, BudText, text_fields),
  CLASS (BUD_KIND_CUSTOM_CODE, "custom_codes", N_("Custom code"), FALSE, BudCustomCode, custom_code_fields),
  CLASS (BUD_KIND_COMMENT, "comments", N_("Comment"), FALSE, BudComment, comment_fields),
  CLASS (BUD_KIND_SNAPSHOT, "snapshots", N_("Snapshot"), FALSE, BudSnapshot, snapshot_fields),
  CLASS (BUD_KIND_STATUS_CHANGE, "status_changes", N_("Status change"), FALSE, BudStatusChange, status_change_fields),
};

const BudEntityClass *
bud_entity_class (BudKind kind)
{
  g_return_val_if_fail (kind < BUD_N_KINDS, NULL);
  return &classes[kind];
}

const BudEntityClass *
bud_entity_class_by_name (const char *name)
{
  for (guint i = 0; i < BUD_N_KINDS; i++)
    if (g_strcmp0 (classes[i].name, name) == 0)
      return &classes[i];
  return NULL;
}

const BudField *
bud_entity_class_field (const BudEntityClass *klass,
                        const char           *name)
{
  for (guint i = 0; i < klass->n_fields; i++)
    if (strcmp (klass->fields[i].name, name) == 0)
      return &klass->fields[i];
  return NULL;
}

gint64
bud_field_get_int (gconstpointer   entity,
                   const BudField *field)
{
  const guint8 *p = (const guint8 *) entity + field->offset;

  switch (field->type)
    {
    case BUD_FIELD_BOOL:
    case BUD_FIELD_ENUM:
      return *(const int *) p;
    case BUD_FIELD_INT:
    case BUD_FIELD_FIXED2:
    case BUD_FIELD_REF:
      return *(const gint64 *) p;
    case BUD_FIELD_TEXT:
    default:
      g_return_val_if_reached (0);
    }
}

const char *
bud_field_get_text (gconstpointer   entity,
                    const BudField *field)
{
  g_return_val_if_fail (field->type == BUD_FIELD_TEXT, NULL);
  return *(char * const *) ((const guint8 *) entity + field->offset);
}

void
bud_field_set_int (gpointer        entity,
                   const BudField *field,
                   gint64          value)
{
  guint8 *p = (guint8 *) entity + field->offset;

  switch (field->type)
    {
    case BUD_FIELD_BOOL:
      *(int *) p = value != 0;
      break;
    case BUD_FIELD_ENUM:
      *(int *) p = (int) value;
      break;
    case BUD_FIELD_INT:
    case BUD_FIELD_FIXED2:
    case BUD_FIELD_REF:
      *(gint64 *) p = value;
      break;
    case BUD_FIELD_TEXT:
    default:
      g_return_if_reached ();
    }
}

void
bud_field_set_text (gpointer        entity,
                    const BudField *field,
                    const char     *value)
{
  char **p = (char **) ((guint8 *) entity + field->offset);

  g_return_if_fail (field->type == BUD_FIELD_TEXT);
  g_free (*p);
  *p = g_strdup (value ? value : "");
}

int
bud_field_enum_lookup (const BudField *field,
                       const char     *spelling)
{
  if (field->type == BUD_FIELD_BOOL)
    return -1;
  for (int i = 0; field->enum_values && field->enum_values[i]; i++)
    if (g_strcmp0 (field->enum_values[i], spelling) == 0)
      return i;
  return -1;
}

gboolean
bud_field_validate_int (const BudField  *field,
                        gint64           value,
                        GError         **error)
{
  switch (field->type)
    {
    case BUD_FIELD_ENUM:
      if (value < 0 || value >= (gint64) g_strv_length ((char **) field->enum_values))
        {
          g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_INVALID,
                       _("%s: %" PRId64 " is not one of the allowed choices"),
                       _(field->label), value);
          return FALSE;
        }
      return TRUE;
    case BUD_FIELD_BOOL:
      return TRUE;
    case BUD_FIELD_REF:
      if (value < 0 || (value == 0 && (field->flags & BUD_FIELD_REQUIRED)))
        {
          g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_INVALID,
                       _("%s must be chosen"), _(field->label));
          return FALSE;
        }
      return TRUE;
    case BUD_FIELD_INT:
    case BUD_FIELD_FIXED2:
      if (value > BUD_MONEY_MAX || value < -BUD_MONEY_MAX)
        {
          g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_INVALID,
                       _("%s is out of range"), _(field->label));
          return FALSE;
        }
      if ((field->flags & BUD_FIELD_NONNEGATIVE) && value < 0)
        {
          g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_INVALID,
                       _("%s cannot be negative"), _(field->label));
          return FALSE;
        }
      return TRUE;
    case BUD_FIELD_TEXT:
    default:
      g_return_val_if_reached (FALSE);
    }
}

static gboolean
is_digits (const char *s)
{
  for (; *s; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}

gboolean
bud_field_validate_text (const BudField  *field,
                         const char      *value,
                         GError         **error)
{
  const char *label = _(field->label);

  g_return_val_if_fail (field->type == BUD_FIELD_TEXT, FALSE);

  if (value == NULL)
    value = "";
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_INVALID,
                   _("%s is not valid UTF-8 text"), label);
      return FALSE;
    }
  if ((field->flags & BUD_FIELD_REQUIRED) && value[0] == '\0')
    {
      g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_INVALID,
                   _("%s must not be empty"), label);
      return FALSE;
    }
  if (value[0] == '\0')
    return TRUE;

  switch (field->text_kind)
    {
    case BUD_TEXT_ANY:
      return TRUE;
    case BUD_TEXT_SINGLE_LINE:
      if (strpbrk (value, "\r\n") != NULL)
        {
          g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_INVALID,
                       _("%s must be a single line"), label);
          return FALSE;
        }
      return TRUE;
    case BUD_TEXT_CODE:
      {
        gsize n = strlen (value);
        if (!is_digits (value) || (n != 3 && n != 5 && n != 7))
          {
            g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_INVALID,
                         _("%s: “%s” is not a classification code (3, 5 or 7 digits)"),
                         label, value);
            return FALSE;
          }
        return TRUE;
      }
    case BUD_TEXT_DATE:
      {
        int y, m, d;
        char tail;
        if (strlen (value) != 10 || sscanf (value, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
            !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
          {
            g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_INVALID,
                         _("%s: “%s” is not a date (YYYY-MM-DD)"), label, value);
            return FALSE;
          }
        return TRUE;
      }
    case BUD_TEXT_DECIMAL:
      {
        gint64 dummy;
        if (!bud_fixed2_parse (value, &dummy, NULL) || strchr (value, ',') != NULL)
          {
            g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_INVALID,
                         _("%s: “%s” is not a number"), label, value);
            return FALSE;
          }
        return TRUE;
      }
    case BUD_TEXT_TIMESTAMP:
      {
        g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (value, NULL);
        if (dt == NULL)
          {
            g_set_error (error, BUD_DOCUMENT_ERROR, BUD_DOCUMENT_ERROR_INVALID,
                         _("%s: “%s” is not a date and time (ISO 8601)"), label, value);
            return FALSE;
          }
        return TRUE;
      }
    default:
      g_return_val_if_reached (FALSE);
    }
}

gpointer
bud_entity_new (BudKind kind)
{
  const BudEntityClass *klass = bud_entity_class (kind);
  gpointer e = g_malloc0 (klass->size);

  for (guint i = 0; i < klass->n_fields; i++)
    if (klass->fields[i].type == BUD_FIELD_TEXT)
      bud_field_set_text (e, &klass->fields[i], "");
  return e;
}

gpointer
bud_entity_copy (BudKind       kind,
                 gconstpointer entity)
{
  const BudEntityClass *klass = bud_entity_class (kind);
  gpointer e = g_memdup2 (entity, klass->size);

  for (guint i = 0; i < klass->n_fields; i++)
    if (klass->fields[i].type == BUD_FIELD_TEXT)
      {
        char **p = (char **) ((guint8 *) e + klass->fields[i].offset);
        *p = g_strdup (*p);
      }
  return e;
}

void
bud_entity_free (BudKind  kind,
                 gpointer entity)
{
  const BudEntityClass *klass = bud_entity_class (kind);

  if (entity == NULL)
    return;
  for (guint i = 0; i < klass->n_fields; i++)
    if (klass->fields[i].type == BUD_FIELD_TEXT)
      g_free (*(char **) ((guint8 *) entity + klass->fields[i].offset));
  g_free (entity);
}

gboolean
bud_entity_equal (BudKind       kind,
                  gconstpointer a,
                  gconstpointer b)
{
  const BudEntityClass *klass = bud_entity_class (kind);

  if (*(const gint64 *) a != *(const gint64 *) b)
    return FALSE;
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const BudField *f = &klass->fields[i];
      if (f->type == BUD_FIELD_TEXT)
        {
          if (g_strcmp0 (bud_field_get_text (a, f), bud_field_get_text (b, f)) != 0)
            return FALSE;
        }
      else if (bud_field_get_int (a, f) != bud_field_get_int (b, f))
        return FALSE;
    }
  return TRUE;
}
