/*
 * deflate_join.c - make a complete raw deflate stream joinable (see
 * deflate_join.h).
 *
 * libdeflate compresses whole buffers only and always ends the stream with
 * a final block, so chunks compressed apart (pigz's way of using several
 * cores on one file) cannot simply be concatenated.  This file walks the
 * stream's blocks exactly as an inflater would, without producing output
 * (Huffman tables are full 15-bit lookup tables, so each symbol costs one
 * lookup), to find the bit where the final block's header starts.  Clearing
 * that BFINAL bit and appending an empty non-final stored block (what zlib's
 * Z_SYNC_FLUSH emits) leaves the stream byte-aligned and open, so the next
 * chunk's stream can follow it directly.  The result decodes to the same
 * bytes: the only change is one header bit and a zero-length block.
 */
#include <endian.h>
#include <stdlib.h>
#include <string.h>

#include "deflate_join.h"
#include "error.h"
#include "banned.h"

#define MAX_BITS 15
#define TABLE_SIZE (1u << MAX_BITS)

struct walker {
	const unsigned char *p;
	size_t len;        /* bytes */
	uint64_t pos;      /* bit position */
	int bad;           /* read past the end or invalid code */
	uint32_t *litlen;  /* TABLE_SIZE entries: symbol | length << 16 */
	uint32_t *dist;
	uint32_t *codelen;
};

/* The next n (<= 32) bits, LSB first, without consuming them. */
static uint32_t peek(struct walker *w, unsigned n)
{
	size_t byte = (size_t)(w->pos >> 3);
	unsigned shift = (unsigned)(w->pos & 7);
	uint64_t v = 0;

	if (byte + 8 <= w->len) {
		memcpy(&v, w->p + byte, 8);
		v = le64toh(v);
	} else {
		size_t i;
		for (i = 0; byte + i < w->len && i < 8; i++)
			v |= (uint64_t)w->p[byte + i] << (8 * i);
	}
	return (uint32_t)((v >> shift) & ((n >= 32) ? 0xffffffffu : ((1u << n) - 1)));
}

static uint32_t get(struct walker *w, unsigned n)
{
	uint32_t v = peek(w, n);
	w->pos += n;
	if (w->pos > (uint64_t)w->len * 8)
		w->bad = 1;
	return v;
}

static unsigned reverse_bits(unsigned code, unsigned n)
{
	unsigned r = 0, i;
	for (i = 0; i < n; i++) {
		r = (r << 1) | (code & 1);
		code >>= 1;
	}
	return r;
}

/* Canonical Huffman decode table from code lengths; -1 on an oversubscribed code. */
static int build(uint32_t *table, const unsigned char *lens, unsigned n)
{
	unsigned count[MAX_BITS + 1] = { 0 }, next[MAX_BITS + 1];
	unsigned code = 0, bits, sym;
	int left = 1;

	for (sym = 0; sym < n; sym++)
		count[lens[sym]]++;
	count[0] = 0;
	for (bits = 1; bits <= MAX_BITS; bits++) {
		left <<= 1;
		left -= (int)count[bits];
		if (left < 0)
			return -1;
	}
	for (bits = 1; bits <= MAX_BITS; bits++) {
		code = (code + count[bits - 1]) << 1;
		next[bits] = code;
	}
	memset(table, 0, TABLE_SIZE * sizeof(*table));
	for (sym = 0; sym < n; sym++) {
		unsigned len = lens[sym], j;
		if (!len)
			continue;
		for (j = reverse_bits(next[len]++, len); j < TABLE_SIZE; j += 1u << len)
			table[j] = sym | (uint32_t)len << 16;
	}
	return 0;
}

static unsigned decode(struct walker *w, const uint32_t *table)
{
	uint32_t e = table[peek(w, MAX_BITS)];
	unsigned len = e >> 16;
	if (!len) {
		w->bad = 1;
		return 0;
	}
	w->pos += len;
	if (w->pos > (uint64_t)w->len * 8)
		w->bad = 1;
	return e & 0xffff;
}

static const unsigned char length_extra[29] = {
	0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
};
static const unsigned char dist_extra[30] = {
	0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
};

/* Skip the Huffman-coded data of one block up to its end-of-block symbol. */
static int skip_codes(struct walker *w)
{
	for (;;) {
		unsigned sym = decode(w, w->litlen);
		if (w->bad)
			return -1;
		if (sym < 256)
			continue;
		if (sym == 256)
			return 0;
		if (sym > 285)
			return -1;
		w->pos += length_extra[sym - 257];
		sym = decode(w, w->dist);
		if (w->bad || sym >= 30)
			return -1;
		w->pos += dist_extra[sym];
		if (w->pos > (uint64_t)w->len * 8)
			return -1;
	}
}

static int fixed_tables(struct walker *w)
{
	unsigned char lens[288];
	unsigned i;
	for (i = 0; i < 144; i++)
		lens[i] = 8;
	for (; i < 256; i++)
		lens[i] = 9;
	for (; i < 280; i++)
		lens[i] = 7;
	for (; i < 288; i++)
		lens[i] = 8;
	if (build(w->litlen, lens, 288) < 0)
		return -1;
	for (i = 0; i < 30; i++)
		lens[i] = 5;
	return build(w->dist, lens, 30);
}

static int dynamic_tables(struct walker *w)
{
	static const unsigned char order[19] = {
		16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
	};
	unsigned char cl[19] = { 0 }, lens[320];
	unsigned hlit = get(w, 5) + 257, hdist = get(w, 5) + 1, hclen = get(w, 4) + 4, i = 0;

	if (hlit > 286 || hdist > 30)
		return -1;
	for (i = 0; i < hclen; i++)
		cl[order[i]] = (unsigned char)get(w, 3);
	if (build(w->codelen, cl, 19) < 0)
		return -1;
	i = 0;
	while (i < hlit + hdist && !w->bad) {
		unsigned sym = decode(w, w->codelen), rep;
		unsigned char value = 0;
		if (sym < 16) {
			lens[i++] = (unsigned char)sym;
			continue;
		}
		if (sym == 16) {
			if (!i)
				return -1;
			value = lens[i - 1];
			rep = 3 + get(w, 2);
		} else if (sym == 17) {
			rep = 3 + get(w, 3);
		} else {
			rep = 11 + get(w, 7);
		}
		if (i + rep > hlit + hdist)
			return -1;
		while (rep--)
			lens[i++] = value;
	}
	if (w->bad || build(w->litlen, lens, hlit) < 0 || build(w->dist, lens + hlit, hdist) < 0)
		return -1;
	return 0;
}

int deflate_final_block(const unsigned char *stream, size_t len, uint64_t *final_header,
			uint64_t *end_bit)
{
	struct walker w;
	int ret = -1;

	memset(&w, 0, sizeof(w));
	w.p = stream;
	w.len = len;
	w.litlen = xmalloc(3 * TABLE_SIZE * sizeof(uint32_t));
	w.dist = w.litlen + TABLE_SIZE;
	w.codelen = w.dist + TABLE_SIZE;
	for (;;) {
		uint64_t header = w.pos;
		unsigned final = get(&w, 1), type = get(&w, 2);
		if (w.bad)
			break;
		if (type == 0) {
			unsigned n, nn;
			w.pos = (w.pos + 7) & ~(uint64_t)7;
			n = get(&w, 16);
			nn = get(&w, 16);
			if (w.bad || (n ^ 0xffff) != nn)
				break;
			w.pos += (uint64_t)n * 8;
			if (w.pos > (uint64_t)len * 8)
				break;
		} else if (type == 3 ||
			   (type == 1 ? fixed_tables(&w) : dynamic_tables(&w)) < 0 ||
			   skip_codes(&w) < 0) {
			break;
		}
		if (final) {
			*final_header = header;
			*end_bit = w.pos;
			ret = 0;
			break;
		}
	}
	free(w.litlen);
	return ret;
}

size_t deflate_make_open(unsigned char *stream, size_t len, size_t cap)
{
	uint64_t header, end;
	size_t byte, out;

	if (deflate_final_block(stream, len, &header, &end) < 0)
		return 0;
	/* after the final block: 3 header bits of an empty stored block, pad, LEN/NLEN */
	out = (size_t)((end + 3 + 7) >> 3) + 4;
	if (out > cap)
		return 0;
	stream[header >> 3] &= (unsigned char)~(1u << (header & 7)); /* BFINAL = 0 */
	byte = (size_t)(end >> 3);
	if (end & 7)
		stream[byte++] &= (unsigned char)((1u << (end & 7)) - 1); /* clear bits past the end */
	while (byte < out - 4)
		stream[byte++] = 0;
	stream[out - 4] = 0x00;
	stream[out - 3] = 0x00;
	stream[out - 2] = 0xff;
	stream[out - 1] = 0xff;
	return out;
}
