/*
 * fuzz_drill_text.c - drill_read_text() (text/Markdown drill logs, through
 * evidence_text) on any bytes, served as the one file of a virtual
 * workspace with its true SHA-256: a record or a problem, never a crash.
 */
#include "fuzz.h"
#include "fuzz_memfd.h"
#include "fuzz_drill_fixture.h"
#include "base/hash.h"
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct drill_reader_ctx *rc = fuzz_drill_ctx();
	struct drill_set set = { 0 };
	struct workspace ws;
	char hex[65];
	int fd = fuzz_memfd(data, size);

	if (fd < 0)
		return 0;
	sha256_hex(data, size, hex);
	workspace_init_virtual(&ws, "ws", open_memfd, &fd);
	workspace_add_virtual(&ws, "drills/test.md", size, hex);
	drill_read_text(&ws, "drills/test.md", rc, &set);
	workspace_close(&ws);
	drill_set_free(&set);
	close(fd);
	return 0;
}
