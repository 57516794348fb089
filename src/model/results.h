/*
 * results.h - verdicts and the findings they rest on.
 *
 * A run holds one control_result per questionnaire control, each holding
 * one check_result per check, each holding findings.  A finding is one
 * observation with its own status (met / not met / not applicable /
 * manual / waived) and the evidence file and line it rests on.  Everything is owned
 * by the run; run_result_free() releases it.
 */
#ifndef FTRKIT_RESULTS_H
#define FTRKIT_RESULTS_H

#include <stddef.h>
#include <stdint.h>

enum verdict {
	VERDICT_MET,
	VERDICT_NOT_APPLICABLE,
	VERDICT_MANUAL,
	VERDICT_NOT_MET,
	VERDICT_WAIVED, /* an approved waiver (waivers.xml) until it expires */
	VERDICT__COUNT
};

struct finding {
	enum verdict status;
	char *message;
	char *file;      /* workspace-relative evidence path, or NULL */
	long line;       /* 0 when not about a line */
	char *component; /* component id, or NULL */
	char *subject;   /* what it is about: "rto/az", "scenario db-az-failover", ... or NULL */
};

struct check_result {
	char *name;
	enum verdict verdict;
	char *summary; /* one line: what was checked and the outcome */
	struct finding *findings;
	size_t nr_findings, alloc_findings;
};

struct control_result {
	char *id;
	char *declared; /* partner's self-declared status, "unanswered" when none */
	enum verdict verdict;
	char *reason;   /* one line */
	/* An active waiver: the verdict the checks gave without it, and the
	 * waiver as one line; waiver NULL when none applies. */
	enum verdict unwaived;
	char *waiver;
	struct check_result *checks;
	size_t nr_checks, alloc_checks;
};

struct run_result {
	struct control_result *controls;
	size_t nr_controls, alloc_controls;
	enum verdict overall; /* MET when every control is met, not applicable or waived */
	size_t count[VERDICT__COUNT]; /* per verdict */
};

/* "met", "not-met", "not-applicable", "manual", "waived". */
const char *verdict_name(enum verdict v);
/* Human label: "met", "not met", "not applicable", "manual", "waived". */
const char *verdict_label(enum verdict v, const char *lang);
/* Parse a verdict_name(); -1 when unknown. */
int verdict_parse(const char *name, enum verdict *out);

/* Append a finding; file/component/subject may be NULL; strings are copied. */
struct finding *finding_add(struct check_result *cr, enum verdict status,
			    const char *file, long line, const char *component,
			    const char *subject, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

/*
 * Derive cr->verdict from its findings: not met if any is not met, else
 * manual if any is manual, else waived if any is waived, else met if any is
 * met, else not applicable.
 */
void check_result_settle(struct check_result *cr);

/* Same rule over a control's checks; also sets reason when NULL. */
void control_result_settle(struct control_result *c);

/* Overall verdict and counts over all controls. */
void run_result_settle(struct run_result *r);

void run_result_free(struct run_result *r);

#endif
