/* bud-schema.h — the entities of a budget document and their fields, described as data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One description of every entity and field serves the document (validation),
 * storage (SQLite columns), JSON exchange (keys) and, later, the UI forms and
 * undo. Adding a field means adding one row to a table in bud-schema.c.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BUD_DOCUMENT_ERROR (bud_document_error_quark ())

typedef enum {
  BUD_DOCUMENT_ERROR_INVALID,     /* a value breaks a field's rule */
  BUD_DOCUMENT_ERROR_NOT_FOUND,   /* no entity with that id */
  BUD_DOCUMENT_ERROR_DUPLICATE,   /* id or unique value taken */
  BUD_DOCUMENT_ERROR_REFERENCED,  /* cannot remove: something refers to it */
  BUD_DOCUMENT_ERROR_READ_ONLY,
} BudDocumentError;

GQuark bud_document_error_quark (void);

/* Entity kinds, in dependency order: a kind may only refer to kinds before it.
 * JSON import and storage load follow this order so references always resolve. */
typedef enum {
  /* singletons: exactly one row, id 1 */
  BUD_KIND_META,          /* "document"     department, year, template, date */
  BUD_KIND_PROFILE,       /* "profile"      functions, structure, staffing */
  BUD_KIND_PROCUREMENT,   /* "procurement"  政府采购 */
  BUD_KIND_ASSETS,        /* "assets"       国有资产占用 */
  /* collections */
  BUD_KIND_UNIT,          /* "units"        本级 and 下属单位 */
  BUD_KIND_PROJECT,       /* "projects" */
  BUD_KIND_ALLOCATION,    /* "allocations"  资金分配 items of a project */
  BUD_KIND_CARRYOVER,     /* "carryovers"   上年结转结余 items */
  BUD_KIND_INCOME,        /* "income"       控制数 per source */
  BUD_KIND_LINE,          /* "lines"        the fact table */
  BUD_KIND_COMPARATIVE,   /* "comparatives" last year's budget and reason per measure */
  BUD_KIND_TARGET,        /* "targets"      绩效目标表: project NULL = 部门整体 */
  BUD_KIND_INDICATOR,     /* "indicators" */
  BUD_KIND_TEXT,          /* "texts"        keyed texts: glossary, other matters, overrides */
  BUD_KIND_CUSTOM_CODE,   /* "custom_codes" codes the catalog lacks */
  BUD_KIND_COMMENT,       /* "comments"     reviewer comments */
  BUD_KIND_SNAPSHOT,      /* "snapshots"    named copies of the document (JSON) */
  BUD_KIND_STATUS_CHANGE, /* "status_changes" the history of the document's status */
  BUD_N_KINDS
} BudKind;

typedef enum {
  BUD_FIELD_INT,     /* gint64 */
  BUD_FIELD_FIXED2,  /* gint64 hundredths: money in 分 (JSON "123.45" 元), weights, areas */
  BUD_FIELD_TEXT,    /* char *, never NULL in memory ("" when empty) */
  BUD_FIELD_BOOL,    /* int (gboolean) */
  BUD_FIELD_ENUM,    /* int index into enum_values */
  BUD_FIELD_REF,     /* gint64 id of another entity, 0 = none */
} BudFieldType;

typedef enum {
  BUD_FIELD_FLAG_NONE     = 0,
  BUD_FIELD_REQUIRED      = 1 << 0,  /* TEXT: not empty; REF: not 0 */
  BUD_FIELD_UNIQUE        = 1 << 1,  /* no two rows share the value */
  BUD_FIELD_OWNER         = 1 << 2,  /* REF: the row belongs to the referred row, removed with it */
  BUD_FIELD_MONEY         = 1 << 3,  /* FIXED2 that is money (分) */
  BUD_FIELD_NONNEGATIVE   = 1 << 4,  /* INT/FIXED2 >= 0 */
} BudFieldFlags;

/* Syntactic validators for TEXT fields; domain rules (catalog, levels) are checks. */
typedef enum {
  BUD_TEXT_ANY,
  BUD_TEXT_SINGLE_LINE,
  BUD_TEXT_CODE,        /* digits only, 3/5/7 long: a classification code */
  BUD_TEXT_DATE,        /* YYYY-MM-DD, a real date, or empty */
  BUD_TEXT_DECIMAL,     /* a plain decimal number as typed ("160", "18.50"), or empty */
  BUD_TEXT_TIMESTAMP,   /* ISO 8601 date-time, or empty */
} BudTextKind;

typedef struct {
  const char          *name;         /* JSON key and SQL column */
  BudFieldType         type;
  gsize                offset;       /* into the entity struct */
  BudFieldFlags        flags;
  const char * const  *enum_values;  /* ENUM: NULL-terminated spellings */
  BudKind              ref_kind;     /* REF: the kind referred to */
  BudTextKind          text_kind;    /* TEXT: syntax */
  const char          *label;        /* English label (translatable), for messages and forms */
} BudField;

typedef struct {
  BudKind          kind;
  const char      *name;       /* JSON key and SQL table name */
  const char      *label;      /* English label (translatable) */
  gboolean         singleton;
  gsize            size;       /* sizeof the struct */
  const BudField  *fields;     /* not counting id */
  guint            n_fields;
} BudEntityClass;

const BudEntityClass *bud_entity_class          (BudKind kind);
const BudEntityClass *bud_entity_class_by_name  (const char *name);
const BudField       *bud_entity_class_field    (const BudEntityClass *klass,
                                                 const char           *name);

/* Generic field access on an entity pointer */
gint64       bud_field_get_int    (gconstpointer entity, const BudField *field);
const char  *bud_field_get_text   (gconstpointer entity, const BudField *field);
void         bud_field_set_int    (gpointer entity, const BudField *field, gint64 value);
void         bud_field_set_text   (gpointer entity, const BudField *field, const char *value);
int          bud_field_enum_lookup (const BudField *field, const char *spelling);

/* Syntax of a value for a field, before it touches the document. */
gboolean     bud_field_validate_int  (const BudField *field, gint64 value, GError **error);
gboolean     bud_field_validate_text (const BudField *field, const char *value, GError **error);

/* Entity memory */
gpointer     bud_entity_new   (BudKind kind);
gpointer     bud_entity_copy  (BudKind kind, gconstpointer entity);
void         bud_entity_free  (BudKind kind, gpointer entity);
gboolean     bud_entity_equal (BudKind kind, gconstpointer a, gconstpointer b);

G_END_DECLS
