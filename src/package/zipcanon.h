/*
 * zipcanon.h - the one zip shape `verify` accepts: the shape bundle writes.
 *
 * Different zip readers find an archive's entries in different ways (from
 * the last end-of-central-directory record, the first, by scanning local
 * headers, ...), so an archive with prefix bytes, two directories or gaps
 * can show one reader one set of files and another reader another.
 * zipcanon_walk() accepts an archive only when every reader must see the
 * same entries:
 *
 *   - exactly one end-of-central-directory record, ending the file (no
 *     archive comment, no trailing bytes), one disk; a zip64 record and
 *     locator only where a field overflows, directly before it;
 *   - the central directory directly before that, its entries filling it
 *     exactly, with no entry comments and no extra fields but zip64;
 *   - the local headers contiguous from offset 0 in the directory's order,
 *     each followed by exactly its compressed data, with nothing between
 *     the last one's data and the directory; every local header agreeing
 *     with its directory entry (name, flags, method, CRC, sizes);
 *   - flags: only the UTF-8 flag and deflate's option bits (no encryption,
 *     no data descriptor); methods stored (sizes equal) or deflate;
 *   - names without NUL, valid UTF-8 and flagged as such when not ASCII;
 *   - made on MS-DOS (0) or Unix (3) only, and whatever the system, the
 *     file type in the attributes is a regular file or a folder (a folder
 *     is a name ending in '/', stored, empty).
 */
#ifndef FTRKIT_ZIPCANON_H
#define FTRKIT_ZIPCANON_H

#include <stddef.h>
#include <stdint.h>

#define ZIPCANON_MAX_ENTRIES 200000
#define ZIPCANON_MAX_DIRECTORY ((uint64_t)64 << 20)

struct zipcanon_entry {
	char *name;         /* as stored, NUL-terminated (holds no NUL) */
	uint64_t offset;    /* of the local header */
	uint64_t comp_size, size;
	uint32_t crc;
	uint16_t method, flags;
	int is_dir;         /* name ends in '/' */
};

struct zipcanon {
	struct zipcanon_entry *entries; /* in directory (= file) order */
	size_t nr, alloc;
	uint64_t directory_offset, directory_size;
};

/*
 * Walk the whole file open at fd (read with pread, any size).  0 when its
 * shape is the one above (zc filled); -1 otherwise, with *why set to one
 * line saying what is wrong (caller frees; names in it are quoted).
 * zc is filled as far as the walk got: free it with zipcanon_free() either
 * way.
 */
int zipcanon_walk(int fd, struct zipcanon *zc, char **why);

void zipcanon_free(struct zipcanon *zc);

#endif
