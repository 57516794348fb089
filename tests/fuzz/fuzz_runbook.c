/*
 * fuzz_runbook.c - the runbook-sections check on any bytes as the one
 * runbook of a one-scenario assessment (a virtual workspace serving the
 * input with its true SHA-256), with the shipped questionnaire's section
 * patterns: met or not-met findings, or an input error; never a crash,
 * leak or hang.  The questionnaire is loaded once and kept.
 */
#include "fuzz.h"
#include "fuzz_memfd.h"
#include "checks/checks.h"
#include "base/hash.h"
#include "model/questionnaire.h"
#include "model/results.h"
#include "evidence/workspace.h"

static int open_memfd(void *ctx, const char *relpath)
{
	int fd = dup(*(int *)ctx);
	(void)relpath;
	if (fd >= 0 && lseek(fd, 0, SEEK_SET) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* The runbook-sections spec of the shipped questionnaire (aborts when gone). */
static const struct check_spec *runbook_spec(const struct questionnaire **qp)
{
	static struct questionnaire q;
	static const struct check_spec *spec;
	size_t i, j;

	if (!spec) {
		if (questionnaire_load("questionnaires/ftr-dr.xml", checks_known, &q) < 0)
			abort();
		for (i = 0; i < q.nr_controls && !spec; i++)
			for (j = 0; j < q.controls[i].nr_checks && !spec; j++)
				if (!strcmp(q.controls[i].checks[j].name, "runbook-sections"))
					spec = &q.controls[i].checks[j];
		if (!spec)
			abort();
	}
	*qp = &q;
	return spec;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct questionnaire *q;
	const struct check_spec *spec;
	struct assessment a;
	struct scenario sc;
	struct check_ctx ctx;
	struct check_result res;
	struct workspace ws;
	char hex[65];
	size_t k;
	int fd;

	fuzz_setup();
	spec = runbook_spec(&q);
	fd = fuzz_memfd(data, size);
	if (fd < 0)
		return 0;
	memset(&a, 0, sizeof(a));
	memset(&sc, 0, sizeof(sc));
	memset(&ctx, 0, sizeof(ctx));
	memset(&res, 0, sizeof(res));
	sc.id = (char *)"db-az-failover";
	sc.component = (char *)"db";
	sc.runbook.path = (char *)"runbooks/db-az-failover.md";
	sc.runbook.line = 1;
	sc.line = 1;
	a.path = (char *)"assessment.xml";
	a.scenarios = &sc;
	a.nr_scenarios = 1;
	sha256_hex(data, size, hex);
	workspace_init_virtual(&ws, "ws", open_memfd, &fd);
	workspace_add_virtual(&ws, sc.runbook.path, size, hex);
	ctx.questionnaire = q;
	ctx.assessment = &a;
	ctx.assessment_relpath = "assessment.xml";
	ctx.workspace = &ws;
	if (check_runbook_sections(&ctx, spec, &res) == 0 && (!res.summary || !res.nr_findings))
		abort(); /* a completed check always says what it found */
	for (k = 0; k < res.nr_findings; k++) {
		free(res.findings[k].message);
		free(res.findings[k].file);
		free(res.findings[k].component);
		free(res.findings[k].subject);
	}
	free(res.findings);
	free(res.summary);
	workspace_close(&ws);
	close(fd);
	return 0;
}
