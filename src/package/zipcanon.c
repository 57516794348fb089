/*
 * zipcanon.c - a strict walk of a zip's structure, independent of libzip
 * (see zipcanon.h for the shape it accepts).
 *
 * The walk reads the end record at the very end, then the central
 * directory into memory (capped), then each local header with pread(): it
 * never reads entry data, so its cost is the directory's size whatever the
 * package's.  Everything it refuses is a shape bundle never writes, so one
 * reason is enough: the first one found is reported.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "package/zipcanon.h"
#include "base/error.h"
#include "base/quote.h"
#include "base/banned.h"

#define SIG_LOCAL 0x04034b50u
#define SIG_CENTRAL 0x02014b50u
#define SIG_END 0x06054b50u
#define SIG_END64 0x06064b50u
#define SIG_LOCATOR64 0x07064b50u
#define END_LEN 22
#define END64_LEN 56
#define LOCATOR64_LEN 20
#define CENTRAL_LEN 46
#define LOCAL_LEN 30
#define EXTRA_ZIP64 0x0001
#define ALLOWED_FLAGS 0x0806u  /* deflate options (bits 1, 2), UTF-8 (bit 11) */
#define FLAG_UTF8 0x0800u
#define MAX_VERSION_NEEDED 45

static uint16_t get16(const unsigned char *p)
{
	return (uint16_t)(p[0] | (p[1] << 8));
}

static uint32_t get32(const unsigned char *p)
{
	return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) |
	       ((uint32_t)p[3] << 24);
}

static uint64_t get64(const unsigned char *p)
{
	return (uint64_t)get32(p) | ((uint64_t)get32(p + 4) << 32);
}

/* Read exactly n bytes at off: 0, or -1 (short file or error). */
static int pread_full(int fd, void *buf, size_t n, uint64_t off)
{
	char *p = buf;
	while (n) {
		ssize_t r = pread(fd, p, n, (off_t)off);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		p += r;
		n -= (size_t)r;
		off += (uint64_t)r;
	}
	return 0;
}

static int refuse(char **why, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int refuse(char **why, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	*why = xvasprintf(fmt, ap);
	va_end(ap);
	return -1;
}

/* refuse() naming entry i by its quoted name. */
static int refuse_entry(char **why, size_t i, const char *name, size_t nlen, const char *what)
{
	char *q = quote_mem(name, nlen);
	int ret = refuse(why, "entry %zu '%s': %s", i + 1, q, what);
	free(q);
	return ret;
}

/*
 * The zip64 values of an entry: fields[] holds the 32-bit values from the
 * header; each that is 0xFFFFFFFF is replaced, in order, from the zip64
 * extra field, which must hold exactly those (want_all: a local header,
 * where both sizes are always present once it is used).  The extra area
 * may hold nothing else.  0, or -1 with the reason in *what.
 */
static int read_extra(const unsigned char *extra, size_t len, uint64_t *fields, size_t nr,
		      const char **what)
{
	size_t need = 0, k, off = 0, have = 0;
	const unsigned char *z64 = NULL;
	size_t z64len = 0;

	while (off < len) {
		uint16_t id, n;
		if (len - off < 4) {
			*what = "truncated extra field";
			return -1;
		}
		id = get16(extra + off);
		n = get16(extra + off + 2);
		if (len - off - 4 < n) {
			*what = "extra field overruns its header";
			return -1;
		}
		if (id != EXTRA_ZIP64 || z64) {
			*what = "extra field other than one zip64 field (bundle writes none)";
			return -1;
		}
		z64 = extra + off + 4;
		z64len = n;
		off += 4 + (size_t)n;
	}
	for (k = 0; k < nr; k++)
		need += fields[k] == 0xFFFFFFFFu;
	if (!need && z64) {
		*what = "zip64 field where no size or offset overflows";
		return -1;
	}
	if (need && (!z64 || z64len != 8 * need)) {
		*what = "a size or offset of 0xFFFFFFFF without its exact zip64 field";
		return -1;
	}
	for (k = 0; k < nr; k++)
		if (fields[k] == 0xFFFFFFFFu)
			fields[k] = get64(z64 + 8 * have++);
	return 0;
}

/* The end records: directory offset and size, entry count.  0 or -1. */
static int walk_end(int fd, uint64_t file_size, struct zipcanon *zc, uint64_t *count,
		    char **why)
{
	unsigned char end[END_LEN], loc[LOCATOR64_LEN], e64[END64_LEN];
	uint64_t dir_end = file_size - END_LEN, n, size, off;
	uint16_t n16, n16_disk;
	uint32_t size32, off32;

	if (file_size < END_LEN || pread_full(fd, end, END_LEN, file_size - END_LEN) < 0)
		return refuse(why, "too short for a zip archive");
	if (get32(end) != SIG_END)
		return refuse(why, "does not end with its end-of-central-directory record "
			      "(an archive comment, trailing bytes, or not a zip at all)");
	if (get16(end + 20) != 0)
		return refuse(why, "end record declares an archive comment");
	if (get16(end + 4) != 0 || get16(end + 6) != 0)
		return refuse(why, "spans more than one disk");
	n16_disk = get16(end + 8);
	n16 = get16(end + 10);
	size32 = get32(end + 12);
	off32 = get32(end + 16);
	if (n16_disk != n16)
		return refuse(why, "end record counts %u entries on this disk but %u in all",
			      n16_disk, n16);
	n = n16, size = size32, off = off32;
	if (n16 == 0xFFFF || size32 == 0xFFFFFFFFu || off32 == 0xFFFFFFFFu) {
		uint64_t at;
		if (dir_end < LOCATOR64_LEN + END64_LEN ||
		    pread_full(fd, loc, LOCATOR64_LEN, dir_end - LOCATOR64_LEN) < 0 ||
		    get32(loc) != SIG_LOCATOR64)
			return refuse(why, "end record needs zip64 but no zip64 locator precedes it");
		at = get64(loc + 8);
		if (get32(loc + 4) != 0 || get32(loc + 16) != 1 ||
		    at != dir_end - LOCATOR64_LEN - END64_LEN)
			return refuse(why, "zip64 locator does not point at the record just before it");
		if (pread_full(fd, e64, END64_LEN, at) < 0 || get32(e64) != SIG_END64 ||
		    get64(e64 + 4) != END64_LEN - 12 || get32(e64 + 16) != 0 ||
		    get32(e64 + 20) != 0 || get64(e64 + 24) != get64(e64 + 32))
			return refuse(why, "zip64 end record is not a plain one-disk record");
		if ((n16 != 0xFFFF && n16 != get64(e64 + 32)) ||
		    (size32 != 0xFFFFFFFFu && size32 != get64(e64 + 40)) ||
		    (off32 != 0xFFFFFFFFu && off32 != get64(e64 + 48)))
			return refuse(why, "end record and zip64 end record disagree");
		n = get64(e64 + 32);
		size = get64(e64 + 40);
		off = get64(e64 + 48);
		dir_end = at;
	}
	if (n == 0)
		return refuse(why, "no entries");
	if (n > ZIPCANON_MAX_ENTRIES)
		return refuse(why, "%llu entries (limit %d)", (unsigned long long)n,
			      ZIPCANON_MAX_ENTRIES);
	if (size > ZIPCANON_MAX_DIRECTORY)
		return refuse(why, "central directory of %llu bytes (limit %llu)",
			      (unsigned long long)size, (unsigned long long)ZIPCANON_MAX_DIRECTORY);
	if (off > dir_end || dir_end - off != size)
		return refuse(why, "central directory does not end where the end record begins "
			      "(bytes between them, or a second directory)");
	if (size < n * CENTRAL_LEN)
		return refuse(why, "central directory too small for %llu entries",
			      (unsigned long long)n);
	zc->directory_offset = off;
	zc->directory_size = size;
	*count = n;
	return 0;
}

/* The attribute rules for one directory entry (see zipcanon.h). */
static const char *check_attributes(uint16_t made_by, uint32_t external, int is_dir)
{
	unsigned os = made_by >> 8, type = (external >> 16) & S_IFMT;

	/* the type first, whatever the system: unzip reads Unix modes from many */
	if (type == S_IFLNK)
		return "symbolic link: refused";
	if (type != 0 && type != S_IFREG && type != S_IFDIR)
		return "not a regular file or folder: refused";
	if (os != 0 && os != 3)
		return "made on a system other than MS-DOS (0) or Unix (3), whose attributes "
		       "readers interpret differently (bundle writes Unix)";
	if (!is_dir && (type == S_IFDIR || (external & 0x10)))
		return "folder without '/': refused";
	if (is_dir && type == S_IFREG)
		return "name ends in '/' but the attributes say regular file";
	return NULL;
}

/*
 * One directory entry at dir[*pos], whose local header must start at
 * *cursor; on success the entry is appended to zc and both advance.
 */
static int walk_entry(int fd, const unsigned char *dir, uint64_t dir_size, uint64_t *pos,
		      uint64_t *cursor, size_t i, struct zipcanon *zc, char **why)
{
	const unsigned char *c = dir + *pos;
	unsigned char lh[LOCAL_LEN], *lvar = NULL;
	uint16_t flags, method, nlen, elen, clen, lnlen, lelen;
	uint64_t cf[3], lf[2];
	const char *name, *what = NULL;
	struct zipcanon_entry *e;
	int is_dir, ret = -1;

	if (dir_size - *pos < CENTRAL_LEN || get32(c) != SIG_CENTRAL)
		return refuse(why, "central directory entry %zu is not where the previous one ends",
			      i + 1);
	flags = get16(c + 8);
	method = get16(c + 10);
	nlen = get16(c + 28);
	elen = get16(c + 30);
	clen = get16(c + 32);
	if (dir_size - *pos - CENTRAL_LEN < (uint64_t)nlen + elen + clen)
		return refuse(why, "central directory entry %zu overruns the directory", i + 1);
	name = (const char *)c + CENTRAL_LEN;
	if (nlen == 0)
		return refuse(why, "entry %zu has an empty name", i + 1);
	is_dir = name[nlen - 1] == '/';
	if (memchr(name, '\0', nlen))
		return refuse_entry(why, i, name, nlen, "NUL byte in name (readers cut it there)");
	if (!utf8_valid(name, nlen))
		return refuse_entry(why, i, name, nlen, "name is not valid UTF-8");
	if (!(flags & FLAG_UTF8)) {
		size_t k;
		for (k = 0; k < nlen; k++)
			if ((unsigned char)name[k] >= 0x80)
				return refuse_entry(why, i, name, nlen, "non-ASCII name without the "
						    "UTF-8 flag (readers would decode it as CP437)");
	}
	if (clen)
		return refuse_entry(why, i, name, nlen, "entry comment (bundle writes none)");
	if (flags & ~ALLOWED_FLAGS)
		return refuse_entry(why, i, name, nlen, (flags & 0x41) ? "encrypted: refused" :
				    (flags & 0x08) ? "data descriptor (bundle writes sizes in "
				    "the local header)" : "unknown general-purpose flags");
	if (method != 0 && method != 8)
		return refuse_entry(why, i, name, nlen, "compression method other than stored "
				    "or deflate");
	if (get16(c + 6) > MAX_VERSION_NEEDED)
		return refuse_entry(why, i, name, nlen, "needs a zip version above 4.5");
	if (get16(c + 34) != 0 || (get16(c + 36) & ~1u))
		return refuse_entry(why, i, name, nlen, "disk number or internal attributes set");
	what = check_attributes(get16(c + 4), get32(c + 38), is_dir);
	if (what)
		return refuse_entry(why, i, name, nlen, what);
	cf[0] = get32(c + 24); /* zip64 order: size, compressed size, offset */
	cf[1] = get32(c + 20);
	cf[2] = get32(c + 42);
	if (read_extra(c + CENTRAL_LEN + nlen, elen, cf, 3, &what) < 0)
		return refuse_entry(why, i, name, nlen, what);
	if (method == 0 && cf[0] != cf[1])
		return refuse_entry(why, i, name, nlen, "stored, but its compressed and "
				    "uncompressed sizes differ");
	if (is_dir && (method != 0 || cf[0] || get32(c + 16)))
		return refuse_entry(why, i, name, nlen, "folder with content: refused");
	if (cf[2] != *cursor)
		return refuse_entry(why, i, name, nlen, cf[2] < *cursor ?
				    "local header overlaps the previous entry" :
				    "bytes before its local header (a gap, or a prefix)");

	/* the local header: the same entry, exactly */
	if (*cursor > zc->directory_offset || zc->directory_offset - *cursor < LOCAL_LEN ||
	    pread_full(fd, lh, LOCAL_LEN, *cursor) < 0 || get32(lh) != SIG_LOCAL)
		return refuse_entry(why, i, name, nlen, "no local header where the directory "
				    "says");
	lnlen = get16(lh + 26);
	lelen = get16(lh + 28);
	if (zc->directory_offset - *cursor - LOCAL_LEN < (uint64_t)lnlen + lelen)
		return refuse_entry(why, i, name, nlen, "local header overruns the directory");
	lvar = xmalloc((size_t)lnlen + lelen + 1);
	if (pread_full(fd, lvar, (size_t)lnlen + lelen, *cursor + LOCAL_LEN) < 0) {
		refuse_entry(why, i, name, nlen, "local header cannot be read");
		goto out;
	}
	if (lnlen != nlen || memcmp(lvar, name, nlen) != 0) {
		refuse_entry(why, i, name, nlen, "local header names another file");
		goto out;
	}
	if (get16(lh + 6) != flags || get16(lh + 8) != method || get32(lh + 14) != get32(c + 16)) {
		refuse_entry(why, i, name, nlen, "local header disagrees with the directory "
			     "(flags, method or CRC)");
		goto out;
	}
	if (get16(lh + 4) != get16(c + 6) || get32(lh + 10) != get32(c + 12)) {
		refuse_entry(why, i, name, nlen, "local header disagrees with the directory "
			     "(version needed or time)");
		goto out;
	}
	lf[0] = get32(lh + 22);
	lf[1] = get32(lh + 18);
	if ((lf[0] == 0xFFFFFFFFu) != (lf[1] == 0xFFFFFFFFu)) {
		refuse_entry(why, i, name, nlen, "local header gives one size in zip64 only");
		goto out;
	}
	if (read_extra(lvar + lnlen, lelen, lf, 2, &what) < 0) {
		refuse_entry(why, i, name, nlen, what);
		goto out;
	}
	if (lf[0] != cf[0] || lf[1] != cf[1]) {
		refuse_entry(why, i, name, nlen, "local header disagrees with the directory "
			     "on the sizes");
		goto out;
	}
	if (cf[1] > zc->directory_offset - *cursor - LOCAL_LEN - lnlen - lelen) {
		refuse_entry(why, i, name, nlen, "data runs into the central directory");
		goto out;
	}
	ALLOC_GROW(zc->entries, zc->nr, zc->alloc);
	e = &zc->entries[zc->nr++];
	memset(e, 0, sizeof(*e));
	e->name = xstrndup(name, nlen);
	e->offset = *cursor;
	e->size = cf[0];
	e->comp_size = cf[1];
	e->crc = get32(c + 16);
	e->method = method;
	e->flags = flags;
	e->is_dir = is_dir;
	*cursor += LOCAL_LEN + (uint64_t)lnlen + lelen + cf[1];
	*pos += CENTRAL_LEN + (uint64_t)nlen + elen + clen;
	ret = 0;
out:
	free(lvar);
	return ret;
}

int zipcanon_walk(int fd, struct zipcanon *zc, char **why)
{
	struct stat st;
	uint64_t n = 0, i, pos = 0, cursor = 0;
	unsigned char *dir = NULL;
	int ret = -1;

	memset(zc, 0, sizeof(*zc));
	*why = NULL;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))
		return refuse(why, "not a regular file");
	if (walk_end(fd, (uint64_t)st.st_size, zc, &n, why) < 0)
		return -1;
	dir = xmalloc(zc->directory_size ? (size_t)zc->directory_size : 1);
	if (pread_full(fd, dir, (size_t)zc->directory_size, zc->directory_offset) < 0) {
		refuse(why, "central directory cannot be read");
		goto out;
	}
	for (i = 0; i < n; i++)
		if (walk_entry(fd, dir, zc->directory_size, &pos, &cursor, (size_t)i, zc, why) < 0)
			goto out;
	if (pos != zc->directory_size) {
		refuse(why, "central directory holds %llu bytes after its %llu entries",
		       (unsigned long long)(zc->directory_size - pos), (unsigned long long)n);
		goto out;
	}
	if (cursor != zc->directory_offset) {
		refuse(why, "%llu bytes between the last entry's data and the central directory",
		       (unsigned long long)(zc->directory_offset - cursor));
		goto out;
	}
	ret = 0;
out:
	free(dir);
	return ret;
}

void zipcanon_free(struct zipcanon *zc)
{
	size_t i;
	for (i = 0; i < zc->nr; i++)
		free(zc->entries[i].name);
	free(zc->entries);
	memset(zc, 0, sizeof(*zc));
}
