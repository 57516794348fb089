/*
 * fuzz_zipcanon.c - the canonical-shape walk of `verify` (zipcanon.c)
 * against a second, independent walker written here.
 *
 * Whenever zipcanon_walk() accepts an input, this target walks it two other
 * ways and aborts unless all three agree: (1) the central directory from
 * the end record in the last 22 bytes, entry by entry; (2) the local
 * headers forward from offset 0, as a streaming reader would, each followed
 * by its data, up to the directory.  Same count, same names in the same
 * order, same sizes and offsets.  Inputs that need zip64 are compared on
 * what both walkers read without it (the count and the walk itself).
 * Rejections must come with a reason.  Never a crash, leak or hang.
 */
#include "fuzz.h"
#include "fuzz_memfd.h"
#include "package/zipcanon.h"

static unsigned rd16(const uint8_t *p)
{
	return (unsigned)p[0] | ((unsigned)p[1] << 8);
}

static uint64_t rd32(const uint8_t *p)
{
	return (uint64_t)p[0] | ((uint64_t)p[1] << 8) | ((uint64_t)p[2] << 16) |
	       ((uint64_t)p[3] << 24);
}

/* (1) the directory as the last end record describes it */
static void check_directory(const uint8_t *d, size_t size, const struct zipcanon *zc)
{
	const uint8_t *end = d + size - 22;
	uint64_t n = rd16(end + 10), off = rd32(end + 16), p, i;

	if (n == 0xFFFF || rd32(end + 12) == 0xFFFFFFFFu || off == 0xFFFFFFFFu)
		return; /* zip64: not modelled here */
	if (n != zc->nr || off != zc->directory_offset)
		abort();
	for (i = 0, p = off; i < n; i++) {
		const uint8_t *c = d + p;
		const struct zipcanon_entry *e = &zc->entries[i];
		unsigned nlen, elen, clen;
		if (p + 46 > size - 22 || rd32(c) != 0x02014b50u)
			abort();
		nlen = rd16(c + 28), elen = rd16(c + 30), clen = rd16(c + 32);
		if (p + 46 + nlen + elen + clen > size - 22)
			abort();
		if (strlen(e->name) != nlen || memcmp(e->name, c + 46, nlen) != 0)
			abort();
		if (!elen && (rd32(c + 20) != e->comp_size || rd32(c + 24) != e->size ||
			      rd32(c + 42) != e->offset))
			abort();
		if (rd32(c + 16) != e->crc || rd16(c + 10) != e->method)
			abort();
		p += 46 + nlen + elen + clen;
	}
	if (p != size - 22)
		abort(); /* no zip64 records: the directory ends at the end record */
}

/* (2) the local headers, forward from 0, as a streaming reader sees them */
static void check_locals(const uint8_t *d, const struct zipcanon *zc)
{
	uint64_t p = 0;
	size_t i;

	for (i = 0; i < zc->nr; i++) {
		const struct zipcanon_entry *e = &zc->entries[i];
		const uint8_t *l = d + p;
		unsigned nlen, elen;
		uint64_t csize;
		if (p + 30 > zc->directory_offset || rd32(l) != 0x04034b50u || e->offset != p)
			abort();
		nlen = rd16(l + 26), elen = rd16(l + 28);
		if (strlen(e->name) != nlen || memcmp(e->name, l + 30, nlen) != 0)
			abort();
		if (rd16(l + 6) & 0x0008)
			abort(); /* a data descriptor: the size would come after the data */
		csize = rd32(l + 18);
		if (csize == 0xFFFFFFFFu)
			csize = e->comp_size; /* zip64: trust the walk, checked above */
		else if (csize != e->comp_size || rd32(l + 22) != e->size)
			abort();
		p += 30 + nlen + elen + csize;
	}
	if (p != zc->directory_offset)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct zipcanon zc;
	char *why = NULL;
	int fd;

	fuzz_setup();
	fd = fuzz_memfd(data, size);
	if (fd < 0)
		return 0;
	if (zipcanon_walk(fd, &zc, &why) == 0) {
		if (why || zc.nr == 0 || size < 22)
			abort();
		check_directory(data, size, &zc);
		check_locals(data, &zc);
	} else if (!why || !*why) {
		abort(); /* every refusal says why */
	}
	free(why);
	zipcanon_free(&zc);
	close(fd);
	return 0;
}
