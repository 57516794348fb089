/*
 * xlsx_table.h - reading a filled FTR self-assessment workbook as a table:
 * what the check template-column and `ftrkit import` share.
 *
 * A sheet's header row is found by the text of its cells (patterns in
 * English and Japanese), not by position; cells are compared trimmed (ASCII
 * space, NBSP and the ideographic space); a cell is a duration when it is a
 * time-formatted number (0:05 stored as 0.003472 days) or text duration.h
 * parses; a row names a component by id or name and a disruption by the
 * objective's name ("AZ failure" is az).
 */
#ifndef FTRKIT_XLSX_TABLE_H
#define FTRKIT_XLSX_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "evidence/pattern.h"
#include "evidence/xlsx.h"
#include "model/assessment.h"

/* How far down a sheet the header row may be (title rows above it). */
#define XLSX_HEADER_SCAN_ROWS 30

/* Header patterns (PCRE2, case-insensitive, matched against the trimmed cell). */
#define XLSX_HEADER_COMPONENT "^(Component|Components|System|Service|コンポーネント|構成要素|システム|サービス)"
#define XLSX_HEADER_DISRUPTION "^(Disruption|Failure|Disruption\\s*type|障害|障害種別|災害)"
#define XLSX_HEADER_RPO "^(Recovery\\s*Point|RPO\\b|目標復旧時点|復旧時点)"
#define XLSX_HEADER_RTO "^(Recovery\\s*Time|RTO\\b|目標復旧時間|復旧時間)"
#define XLSX_HEADER_REQUIREMENT "^(Requirement\\s*ID|ID$|Control$|Control\\s*ID|要件\\s*ID|項目\\s*ID)"
#define XLSX_HEADER_STATUS "^(Status|Met\\?|Self[- ]declared\\s*status|ステータス|状態|適合)"
#define XLSX_HEADER_RESPONSE "^(Response|Partner\\s*response|Notes|Comments?|回答|備考)"

/* Copy of s without surrounding ASCII space, NBSP or ideographic space;
 * caller frees. */
char *xlsx_trimmed(const char *s);

/* 1 when the trimmed text matches p. */
int xlsx_text_matches(const struct pattern *p, const char *text);

/*
 * The duration a cell states: a time-formatted number (cell->time) or text
 * duration_parse() reads.  0 with *seconds, or -1 with *why set (static).
 * An empty (all-space) cell is -1 with why "empty".
 */
int xlsx_cell_duration(const struct xlsx_cell *cell, int64_t *seconds, const char **why);

/* The component a row's label names (id or name, case-insensitive,
 * trimmed), or NULL. */
const struct component *xlsx_named_component(const struct assessment *a, const char *label);

/*
 * 1 when a disruption label names the objective name d: the label
 * lower-cased, spaces and underscores as '-', is d or begins with d and
 * '-' ("AZ failure" names az, "Data corruption" names data-corruption).
 */
int xlsx_names_disruption(const char *label, const char *d);

/* The objective of c a disruption label names, or NULL. */
const struct objective *xlsx_named_disruption(const struct component *c, const char *label);

/*
 * Find the RPO and RTO a response text states: "RPO 1 hour, RTO 4 hours",
 * "RPO: 15m / RTO: 1h", "RPO 1時間 RTO 4時間", "目標復旧時点 1時間".  Each
 * found value is the text as written (a new string the caller frees, into
 * *rpo / *rto; NULL when the text states none) and parses as a duration.
 * Returns how many were found.
 */
int xlsx_response_objectives(const char *text, char **rpo, char **rto);

/*
 * The assessment status a self-declared status cell means: met for Met,
 * Yes, Y, 適合, 対応済み; not-met for Not met, No, N, 不適合, 未対応;
 * not-applicable for N/A, Not applicable, 該当なし, 対象外; and the
 * schema's own words (met, not-met, not-applicable, manual, unanswered).
 * Case and surrounding space do not matter.  NULL for anything else.
 */
const char *xlsx_status_word(const char *text);

#endif
