/*
 * drill_sources.h - every drill log of an assessment, each read by the
 * reader its form calls for: *.json is an AWS CLI export (RDS events or
 * FIS, told apart by content), *.xml is JUnit, anything else is a
 * free-text / Markdown log.
 */
#ifndef FTRKIT_DRILL_SOURCES_H
#define FTRKIT_DRILL_SOURCES_H

#include <stdint.h>

#include "drills/drill.h"
#include "evidence/workspace.h"
#include "model/assessment.h"
#include "model/questionnaire.h"

/*
 * Read every drill log of every scenario of a.  Markers come from q's
 * defaults (compiled only when a text or JSON log needs them).  0, or -1
 * after an input error (a bad marker pattern) was reported.  Why a log
 * cannot be read (drill_record.problem) is written in lang ("en", "ja";
 * NULL = en).  Free with drill_set_free().
 */
int drills_read(const struct questionnaire *q, const struct assessment *a,
		struct workspace *ws, int64_t as_of_day, const char *lang,
		struct drill_set *out);
/* A JSON export read from fd (borrowed): RDS events or a FIS experiment,
 * told apart by content; anything else is a record with a problem. */
void drill_read_json(int fd, const char *relpath, const struct drill_reader_ctx *rc,
		     struct drill_set *out);

#endif
