/*
 * fuzz_evidence_text.c - the text evidence reader every drill-log, runbook
 * and text-config reader builds on.  The first byte picks --max-line
 * (1..256); the rest becomes the only file of a scratch workspace, which is
 * inventoried and then read through evidence_text to the end.  Whatever the
 * bytes: no crash, no leak, and when the read succeeds every line was valid
 * UTF-8 without NUL and within the limit.
 */
#include <stdio.h>
#include <unistd.h>

#include "fuzz.h"
#include "evidence_text.h"

static char dir[64];

/* Remove the scratch workspace when the fuzzer or the replay exits. */
static void remove_dir(void)
{
	char *path = xasprintf("%s/drill.log", dir);
	unlink(path);
	rmdir(dir);
	free(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct workspace_limits limits = workspace_default_limits;
	struct workspace ws;
	struct evidence_text t;
	char *path, *line;
	size_t len;
	FILE *f;
	int rc;

	fuzz_setup();
	if (size < 1 || size > (1 << 20))
		return 0;
	if (!dir[0]) {
		snprintf(dir, sizeof(dir), "/tmp/ftrkit-fuzz-et.XXXXXX");
		if (!mkdtemp(dir))
			abort();
		atexit(remove_dir);
	}
	path = xasprintf("%s/drill.log", dir);
	f = fopen(path, "wb");
	if (!f)
		abort();
	if (size > 1 && fwrite(data + 1, 1, size - 1, f) != size - 1)
		abort();
	fclose(f);
	limits.max_line = (size_t)data[0] + 1;
	if (workspace_open(dir, &limits, &ws) < 0)
		abort(); /* a regular file inside: the inventory must take it */
	if (evidence_text_open(&t, &ws, "drill.log", "drill log") < 0)
		abort();
	while ((rc = evidence_text_next(&t, &line, &len)) == 1) {
		if (len > limits.max_line || !utf8_text_valid(line, len, NULL))
			abort();
	}
	evidence_text_close(&t);
	workspace_close(&ws);
	free(path);
	return 0;
}
