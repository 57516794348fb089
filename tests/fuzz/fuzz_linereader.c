/*
 * fuzz_linereader.c - the bounded line reader over a memfd: the first byte
 * picks max_line (1..256), the rest is the file.  Every line it returns is
 * at most max_line bytes, NUL-terminated, without '\n', and line numbers
 * count up by one; the reader never reads past what was written.
 */
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz.h"
#include "evidence/linereader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct line_reader r;
	char *line;
	size_t len, max_line, total = 0;
	long expect = 0;
	int fd, rc;

	fuzz_setup();
	if (size < 1 || size > (1 << 20))
		return 0;
	max_line = (size_t)data[0] + 1;
	fd = memfd_create("fuzz", MFD_CLOEXEC);
	if (fd < 0)
		return 0;
	if (size > 1 && write(fd, data + 1, size - 1) != (ssize_t)(size - 1)) {
		close(fd);
		return 0;
	}
	lseek(fd, 0, SEEK_SET);
	line_reader_init(&r, fd, max_line);
	while ((rc = line_reader_next(&r, &line, &len)) == 1) {
		if (len > max_line || line[len] != '\0' || memchr(line, '\n', len))
			abort();
		if (r.lineno != ++expect)
			abort();
		total += len;
	}
	if (rc < 0 || total > size || r.bytes != size - 1)
		abort();
	line_reader_free(&r);
	close(fd);
	return 0;
}
