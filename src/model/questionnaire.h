/*
 * questionnaire.h - a control catalog loaded from XML.
 *
 * The questionnaire owns every string in it; questionnaire_free() releases
 * all of it.  Localised texts keep every language; pick one with
 * text_pick().  Check parameters are looked up with check_param(), which
 * falls back to the questionnaire's defaults.
 */
#ifndef FTRKIT_QUESTIONNAIRE_H
#define FTRKIT_QUESTIONNAIRE_H

#include <stddef.h>

struct localized {
	char *lang; /* "en", "ja", or "" when xml:lang is absent */
	char *text;
};

struct localized_list {
	struct localized *items;
	size_t nr, alloc;
};

struct param {
	char *name;
	char *value;
	long line;
};

struct param_list {
	struct param *items;
	size_t nr, alloc;
};

struct check_spec {
	char *name;
	struct param_list params;
	long line;
	const struct param_list *defaults; /* borrowed from the questionnaire */
};

struct control {
	char *id;
	long line;
	struct localized_list title, requirement, guidance;
	char **evidence_kinds;
	size_t nr_evidence_kinds, alloc_evidence_kinds;
	struct check_spec *checks;
	size_t nr_checks, alloc_checks;
	char **maps_to;
	size_t nr_maps_to, alloc_maps_to;
	int deselected; /* taken out by a tailoring file (tailoring.h): no check runs */
};

struct questionnaire {
	char *path; /* as given on the command line */
	/* The bytes it was read from when it is the copy built into ftrkit
	 * (static, borrowed; datadir.h shipped_builtin), else NULL. */
	const char *builtin;
	size_t builtin_len;
	char sha256[65]; /* of the bytes read; "" when they could not be hashed */
	char *id;
	char *version;
	struct localized_list title, source;
	struct param_list defaults;
	struct control *controls;
	size_t nr_controls, alloc_controls;
};

/*
 * Whether a check of this name exists.  The questionnaire is data and knows
 * no checks; the caller hands in the registry's lookup (checks_known), so
 * the model never depends on the checks above it.
 */
typedef int (*check_known_fn)(const char *name);

/*
 * Load and validate path.  Returns 0 and fills q (caller frees with
 * questionnaire_free), or -1 after reporting "FILE:LINE: why".
 * A check whose name known() denies is an error too, reported at its line.
 */
int questionnaire_load(const char *path, check_known_fn known, struct questionnaire *q);

/* Same from memory; name is used in messages and as q->path. */
int questionnaire_load_memory(const char *data, size_t len, const char *name,
			      check_known_fn known, struct questionnaire *q);

void questionnaire_free(struct questionnaire *q);

/* Text in lang, else English, else the first; "" when the list is empty.
 * Borrowed from the list. */
const char *text_pick(const struct localized_list *list, const char *lang);

/* Parameter value of the check, else the questionnaire default, else NULL.
 * Borrowed. *line gets the line it was set on (0 when unknown), if non-NULL. */
const char *check_param(const struct check_spec *spec, const char *name, long *line);

/* The control with this id, or NULL. */
const struct control *questionnaire_find(const struct questionnaire *q, const char *id);

#endif
