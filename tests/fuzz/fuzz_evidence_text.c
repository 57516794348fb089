/*
 * fuzz_evidence_text.c - the text evidence reader every drill-log, runbook
 * and text-config reader builds on.  The first byte picks --max-line
 * (1..256); the rest becomes the only file of a scratch workspace, which is
 * inventoried and then read through evidence_text to the end, line by line
 * and in block mode.  Whatever the bytes: no crash, no leak; when the read
 * succeeds every line was valid UTF-8 without NUL and within the limit; and
 * both modes agree on success, the number of lines and the text.
 */
#include <stdio.h>
#include <unistd.h>

#include "fuzz.h"
#include "evidence/evidence_text.h"

static char dir[64];

/* FNV-1a over the text as lines give it: each line, then "\n". */
static uint64_t fnv(uint64_t h, const char *p, size_t n)
{
	while (n--)
		h = (h ^ (unsigned char)*p++) * 0x100000001b3ull;
	return h;
}

/* Block mode: the same text as lines would give ("\r" before a line end
 * dropped, "\n" after every line), into *hash; the last rc. */
static int read_blocks(struct workspace *ws, uint64_t *hash, long *lines)
{
	struct evidence_text t;
	char *block;
	size_t len;
	long first;
	int rc;

	*hash = 0xcbf29ce484222325ull;
	if (evidence_text_open(&t, ws, "drill.log", "drill log") < 0)
		abort();
	while ((rc = evidence_text_block(&t, &block, &len, &first)) == 1) {
		size_t at = 0;
		if (first != *lines + 1)
			abort(); /* runs must follow each other */
		while (at < len) {
			char *nl = memchr(block + at, '\n', len - at);
			size_t end = nl ? (size_t)(nl - block) : len, n = end - at;
			if (n && block[at + n - 1] == '\r')
				n--;
			*hash = fnv(fnv(*hash, block + at, n), "\n", 1);
			at = end + 1;
		}
		*lines = t.lineno;
	}
	evidence_text_close(&t);
	return rc;
}

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
	uint64_t hash, block_hash;
	long lines = 0, block_lines = 0;

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
	hash = 0xcbf29ce484222325ull;
	while ((rc = evidence_text_next(&t, &line, &len)) == 1) {
		if (len > limits.max_line || !utf8_text_valid(line, len, NULL))
			abort();
		hash = fnv(fnv(hash, line, len), "\n", 1);
		lines++;
	}
	evidence_text_close(&t);
	if (read_blocks(&ws, &block_hash, &block_lines) != rc ||
	    (rc == 0 && (block_lines != lines || block_hash != hash)))
		abort(); /* block mode read something else than lines */
	workspace_close(&ws);
	free(path);
	return 0;
}
