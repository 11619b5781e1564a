/* bud-entities.h — the plain structs a budget document is made of
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every struct starts with `gint64 id` (1, 2, …; 0 = none). Money is gint64 分.
 * Texts are never NULL. Enum fields are int; their JSON/SQL spellings are in
 * bud-schema.c. Change entities through BudDocument, never directly, so that
 * validation, storage and listeners see every edit.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  BUD_UNIT_ADMIN,           /* "admin"        行政单位 */
  BUD_UNIT_CIVIL_SERVANT,   /* "civil_servant" 参照公务员法管理事业单位 (参公) */
  BUD_UNIT_INSTITUTION,     /* "institution"  事业单位 */
} BudUnitType;

/* Income sources (收入). The order is the order of 表1's income side. */
typedef enum {
  BUD_SOURCE_GENERAL,                 /* "general"   一般公共预算拨款 本级一般财力 */
  BUD_SOURCE_GENERAL_TRANSFER,        /* "general_transfer" 上级一般公共预算安排转移支付 */
  BUD_SOURCE_FUND,                    /* "fund"      政府性基金收入 */
  BUD_SOURCE_FUND_TRANSFER,           /* "fund_transfer" 上级政府性基金安排转移支付 */
  BUD_SOURCE_STATE_CAPITAL,           /* "state_capital" 国有资本经营收入 */
  BUD_SOURCE_STATE_CAPITAL_TRANSFER,  /* "state_capital_transfer" 上级国有资本经营预算安排转移支付 */
  BUD_SOURCE_SPECIAL_ACCOUNT,         /* "special_account" 财政专户核拨 (教育收费) */
  BUD_SOURCE_UNIT_BUSINESS,           /* "unit_business"   单位资金: 事业收入 */
  BUD_SOURCE_UNIT_SUPERIOR,           /* "unit_superior"   上级补助收入 */
  BUD_SOURCE_UNIT_AFFILIATED,         /* "unit_affiliated" 附属单位上缴收入 */
  BUD_SOURCE_UNIT_OPERATING,          /* "unit_operating"  事业单位经营收入 */
  BUD_SOURCE_UNIT_OTHER,              /* "unit_other"      其他收入 */
  BUD_SOURCE_CARRY_GENERAL,           /* "carry_general"   财政拨款结转: 一般公共预算 */
  BUD_SOURCE_CARRY_FUND,              /* "carry_fund"      财政拨款结转: 政府性基金 */
  BUD_SOURCE_CARRY_STATE_CAPITAL,     /* "carry_state_capital" 财政拨款结转: 国有资本经营 */
  BUD_SOURCE_CARRY_SPECIAL_ACCOUNT,   /* "carry_special_account" 非财政拨款结转结余: 财政专户 */
  BUD_SOURCE_CARRY_UNIT,              /* "carry_unit"      非财政拨款结转结余: 单位资金 */
  BUD_N_SOURCES
} BudSource;

typedef enum {
  BUD_SPEND_BASIC,     /* "basic"   基本支出 */
  BUD_SPEND_PROJECT,   /* "project" 项目支出 */
} BudSpendKind;

typedef enum {
  BUD_OP_GE,     /* "ge" ≥ */
  BUD_OP_LE,     /* "le" ≤ */
  BUD_OP_EQ,     /* "eq" = */
  BUD_OP_GT,     /* "gt" > */
  BUD_OP_LT,     /* "lt" < */
  BUD_OP_QUAL,   /* "qual" 定性: value is free text */
} BudIndicatorOp;

/* Where a document stands in review. The transitions allowed are in bud-review.h. */
typedef enum {
  BUD_STATUS_DRAFTING,   /* "drafting"  编制中 */
  BUD_STATUS_SUBMITTED,  /* "submitted" 已提交 */
  BUD_STATUS_RETURNED,   /* "returned"  退回修改 */
  BUD_STATUS_APPROVED,   /* "approved"  已审核 */
  BUD_N_STATUSES
} BudStatus;

typedef enum {
  BUD_SCHEME_FUNCTIONAL,  /* "functional" 支出功能分类 */
  BUD_SCHEME_ECONOMIC,    /* "economic"   部门预算支出经济分类 */
} BudScheme;

/* ---- singletons ---- */

typedef struct {
  gint64  id;
  char   *department;      /* 部门 full name, as printed */
  char   *department_code;
  gint64  year;            /* fiscal year, e.g. 2026 */
  char   *template_id;     /* e.g. "xinjiang-2026" */
  char   *date;            /* signature date YYYY-MM-DD */
  int     status;          /* BudStatus; changed through bud_review_set_status () */
} BudMeta;

typedef struct {
  gint64  id;
  char   *functions;       /* 主要职能 */
  char   *structure;       /* 机构设置 */
  char   *contact;         /* 联系人 */
  char   *phone;
  gint64  staff_authorized;       /* 编制数 */
  gint64  staff_active;           /* 在职 */
  gint64  staff_retired;          /* 退休 */
  gint64  staff_veteran;          /* 离休 */
  gint64  staff_authorized_last;  /* last year's, for the change */
  gint64  staff_active_last;
  gint64  staff_retired_last;
  gint64  staff_veteran_last;
} BudProfile;

typedef struct {
  gint64  id;
  gint64  total;           /* 政府采购预算总额 */
  gint64  goods;
  gint64  works;
  gint64  services;
  gint64  reserved_sme;    /* 面向中小企业预留 */
  gint64  reserved_micro;  /* 其中小微企业 */
} BudProcurement;

typedef struct {
  gint64  id;
  char   *as_of;                 /* date the figures stand at, YYYY-MM-DD */
  gint64  building_area;         /* 房屋, hundredths of m² */
  gint64  building_value;
  gint64  vehicles_general;      /* 一般公务用车 count */
  gint64  vehicles_general_value;
  gint64  vehicles_enforcement;  /* 执法执勤用车 */
  gint64  vehicles_enforcement_value;
  gint64  vehicles_other;
  gint64  vehicles_other_value;
  gint64  furniture_value;       /* 办公家具 */
  gint64  other_value;           /* 其他资产 */
  gint64  equipment_50;          /* 单价 50 万元以上设备 count */
  gint64  equipment_100;         /* 单价 100 万元以上设备 count */
  gint64  planned_vehicles;      /* planned purchases this year */
  gint64  planned_vehicles_value;
  gint64  planned_equipment_50;
  gint64  planned_equipment_100;
} BudAssets;

/* ---- collections ---- */

typedef struct {
  gint64  id;
  char   *name;
  char   *code;
  int     type;            /* BudUnitType */
  int     primary_unit;    /* 本级 */
} BudUnit;

typedef struct {
  gint64  id;
  char   *code;
  char   *name;
  gint64  unit;            /* 承担单位 */
  char   *policy_basis;    /* 设立的政策依据 */
  char   *execution;       /* 资金执行时间, as the department states it */
  char   *owner;           /* 项目负责人 */
} BudProject;

typedef struct {
  gint64  id;
  gint64  project;         /* owner */
  char   *purpose;
  gint64  amount;
} BudAllocation;

typedef struct {
  gint64  id;
  char   *name;            /* often the granting document */
  int     source;          /* BudSource, a carry_* one */
  int     kind;            /* BudSpendKind */
  gint64  amount;
} BudCarryover;

typedef struct {
  gint64  id;
  int     source;          /* BudSource, unique */
  gint64  amount;          /* 控制数 */
} BudIncome;

typedef struct {
  gint64  id;
  gint64  unit;
  char   *func;            /* 功能分类 项, 7 digits */
  char   *econ;            /* 经济分类 款, 5 digits */
  int     kind;            /* BudSpendKind */
  gint64  project;         /* project lines only */
  int     source;          /* BudSource */
  gint64  carryover;       /* lines spending a carry-over item */
  gint64  amount;
  char   *note;
} BudLine;

/* Last year's budget of one measure of the narrative, and the reason of the change.
 * Measure keys are documented in docs/exchange-format.md. */
typedef struct {
  gint64  id;
  char   *measure;         /* unique */
  gint64  last_year;
  char   *reason;          /* 主要原因 */
} BudComparative;

typedef struct {
  gint64  id;
  gint64  project;         /* 0: 部门整体绩效目标 */
  char   *goal;            /* 年度绩效目标 / 项目总体目标 */
  gint64  fiscal_upper;    /* 财政资金: 上级安排 */
  gint64  fiscal_local;    /* 财政资金: 本级安排 */
  gint64  other;           /* 其他资金 */
} BudTarget;

typedef struct {
  gint64  id;
  gint64  target;          /* owner */
  char   *level1;          /* 一级指标 */
  char   *level2;          /* 二级指标 */
  char   *name;            /* 三级指标 */
  int     op;              /* BudIndicatorOp */
  char   *value;           /* number as typed, or the qualitative text */
  char   *unit;
  char   *basis;           /* 指标设定依据 */
  char   *last_value;      /* 上年完成值 */
  gint64  weight;          /* 分值权重, hundredths */
  char   *scoring;         /* 赋分规则 */
  char   *evidence;        /* 佐证资料 */
} BudIndicator;

typedef struct {
  gint64  id;
  char   *key;             /* unique */
  char   *value;
} BudText;

typedef struct {
  gint64  id;
  int     scheme;          /* BudScheme */
  char   *code;
  char   *name;
} BudCustomCode;

typedef struct {
  gint64  id;
  char   *object;          /* "lines/12", "projects/3", "" for the document */
  char   *field;           /* field name or "" */
  char   *author;
  char   *created;         /* ISO 8601 */
  char   *body;
  int     resolved;
} BudComment;

typedef struct {
  gint64  id;
  char   *name;
  char   *created;         /* ISO 8601 */
  char   *content;         /* the document's JSON at that moment, without snapshots */
} BudSnapshot;

/* One step of the document's status history, oldest first. */
typedef struct {
  gint64  id;
  int     from;            /* BudStatus */
  int     to;              /* BudStatus */
  char   *author;
  char   *time;            /* ISO 8601 */
  char   *note;
  gint64  snapshot;        /* id of the snapshot taken with the change, 0 = none; not a
                            * reference (a snapshot's own content has no snapshots), so it
                            * may name one deleted since. The snapshot's own copy of the
                            * row says 0: it was taken before the id was known */
} BudStatusChange;

G_END_DECLS
