/*
 * fuzz_drill_junit.c - drill_read_junit() on any bytes (an fd on a memfd):
 * records or a problem, never a crash, hang or leak.
 */
#include "fuzz.h"
#include "fuzz_memfd.h"
#include "fuzz_drill_fixture.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct drill_reader_ctx *rc = fuzz_drill_ctx();
	struct drill_set set = { 0 };
	int fd = fuzz_memfd(data, size);

	if (fd < 0)
		return 0;
	drill_read_junit(fd, "drills/test.xml", rc, &set);
	drill_set_free(&set);
	close(fd);
	return 0;
}
