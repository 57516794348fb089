/*
 * tailoring.h - a team's tailoring of a questionnaire (-t FILE,
 * questionnaires/tailoring.xsd): controls taken out of the assessment and
 * check parameters overridden, without editing the questionnaire file.
 *
 * Loading validates the schema and every name against the questionnaire
 * (its id, each control, each check of that control).  Applying changes
 * only the questionnaire in memory; annotating puts one not-applicable
 * finding per change on the check it changed ("tailored: ceiling PT12H on
 * DR-004 by ...") so every report says so, and gives a deselected control
 * its reason.  The tailoring owns all its strings.
 */
#ifndef FTRKIT_TAILORING_H
#define FTRKIT_TAILORING_H

#include <stddef.h>

#include "model/questionnaire.h"
#include "model/results.h"

struct tailoring_item {
	char *control;
	char *check, *param, *value; /* a <set>; NULL for a <select> */
	int selected;                /* a <select>: 0 takes the control out */
	char *reason;                /* a <select>'s reason, or NULL */
	long line;
	char *statement;             /* set by tailoring_annotate: what it did */
};

struct tailoring {
	char *name;      /* the file's base name: "strict.xml" */
	char *shown;     /* as given, for messages */
	char sha256[65]; /* of the bytes read */
	char *by;
	struct tailoring_item *items;
	size_t nr, alloc;
};

/*
 * Parse and validate a tailoring file held in memory (shown names it in
 * messages; its base name is recorded) against the embedded schema and q.
 * 0, or -1 after reporting "SHOWN:LINE: why".  On success free with
 * tailoring_free().
 */
int tailoring_load_memory(const char *data, size_t len, const char *shown,
			  const struct questionnaire *q, struct tailoring *t);
void tailoring_free(struct tailoring *t);

/* Override the parameters and mark deselected controls in q (owned by the
 * caller; t's strings are copied). */
void tailoring_apply(const struct tailoring *t, struct questionnaire *q);

/* Record every change on r in lang (see above); sets each item's statement. */
void tailoring_annotate(struct tailoring *t, struct run_result *r, const char *lang);

#endif
