/*
 * fuzz_memfd.h - serve fuzz input bytes through a file descriptor (the
 * readers that take an fd: drill JSON/JUnit, the package reader, secrets).
 */
#ifndef FTRKIT_FUZZ_MEMFD_H
#define FTRKIT_FUZZ_MEMFD_H

#include <sys/mman.h>
#include <unistd.h>

/* An anonymous file holding data[0..size), offset 0; -1 when none can be
 * made (the target then skips the input).  Caller closes. */
static inline int fuzz_memfd(const uint8_t *data, size_t size)
{
	int fd = memfd_create("fuzz", MFD_CLOEXEC);
	size_t off = 0;
	if (fd < 0)
		return -1;
	while (off < size) {
		ssize_t n = write(fd, data + off, size - off);
		if (n <= 0) {
			close(fd);
			return -1;
		}
		off += (size_t)n;
	}
	if (lseek(fd, 0, SEEK_SET) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

#endif
