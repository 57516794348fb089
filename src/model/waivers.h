/*
 * waivers.h - approved exceptions (waivers.xml, questionnaires/waivers.xsd).
 *
 * A waiver names a control, optionally one check of it and/or one
 * component, who approved it, until which day (inclusive) and why.  Loading
 * validates the schema and then every name against the questionnaire: a
 * control or check that does not exist is an input error at its line.
 * Applying waivers to a run changes verdicts only while a waiver is active
 * as of the run's as-of day; the findings underneath stay as they were (a
 * waived finding keeps its message and only its status says waived).  The
 * waivers own all their strings; waivers_free() releases them.
 */
#ifndef FTRKIT_WAIVERS_H
#define FTRKIT_WAIVERS_H

#include <stddef.h>
#include <stdint.h>

#include "model/questionnaire.h"
#include "model/results.h"

/* The workspace-relative name waivers are read from. */
#define WAIVERS_FILE "waivers.xml"

struct waiver {
	char *control;       /* a control id of the questionnaire */
	char *check;         /* a check of that control, or NULL = all */
	char *component;     /* only this component's findings, or NULL = all */
	char *approved_by;
	char *justification;
	char *risk;          /* low | medium | high | critical, or NULL */
	int64_t expires_day; /* calendar.h day number; active while as-of <= it */
	char expires[16];    /* YYYY-MM-DD */
	long line;
};

struct waivers {
	struct waiver *items; /* in file order */
	size_t nr, alloc;
};

/*
 * Parse and validate waivers.xml held in memory (name is used in messages)
 * against the embedded schema, then check every control and check name
 * against q.  0, or -1 after reporting "NAME:LINE: why" (nothing to free
 * then).  On success the caller frees with waivers_free().
 */
int waivers_load_memory(const char *data, size_t len, const char *name,
			const struct questionnaire *q, struct waivers *w);
void waivers_free(struct waivers *w);

/*
 * Apply w to r as of as_of_day, in lang.  An active control waiver makes
 * the control's verdict waived; an active waiver of a check or component
 * marks the not-met and manual findings it covers as waived and settles
 * their check and control again.  Either way the control remembers its
 * verdict without the waiver (unwaived) and the waiver line (waiver).  An
 * expired waiver leaves the verdict alone and adds a not-applicable finding
 * "waiver approved by ... expired on ..." to the first check it covers.
 * Settles r's overall verdict and counts afterwards.
 */
void waivers_apply(const struct waivers *w, struct run_result *r, int64_t as_of_day,
		   const char *lang);

#endif
