/*
 * deflate_join.c - make a complete raw deflate stream joinable (see
 * deflate_join.h).
 *
 * libdeflate compresses whole buffers only and always ends the stream with
 * a final block, so chunks compressed apart (pigz's way of using several
 * cores on one file) cannot simply be concatenated.  This file walks the
 * stream's blocks exactly as an inflater would, without producing output
 * (a 12-bit lookup table decodes almost every symbol in one step, small
 * enough to build per block and to stay in cache; longer codes are decoded
 * canonically, bit by bit), to find the bit where the final block's header
 * starts.  Clearing
 * that BFINAL bit and appending an empty non-final stored block (what zlib's
 * Z_SYNC_FLUSH emits) leaves the stream byte-aligned and open, so the next
 * chunk's stream can follow it directly.  The result decodes to the same
 * bytes: the only change is one header bit and a zero-length block.
 */
#include <endian.h>
#include <stdlib.h>
#include <string.h>

#include "package/deflate_join.h"
#include "base/error.h"
#include "base/banned.h"

#define MAX_BITS 15
#define FAST_BITS 12
#define FAST_SIZE (1u << FAST_BITS)

/* One Huffman code: fast[] maps the next FAST_BITS bits to symbol |
 * length << 16 (0: a longer code, or none); count[] and symbol[] (symbols
 * ordered by code) serve canonical decoding of the rest. */
struct huffman {
	uint32_t fast[FAST_SIZE];
	uint16_t count[MAX_BITS + 1];
	uint16_t symbol[320];
};

struct walker {
	const unsigned char *start, *next, *end;
	uint64_t bitbuf;   /* the next bitcnt bits of the stream, LSB first */
	unsigned bitcnt;
	int bad;           /* read past the end or invalid code */
	struct huffman *litlen, *dist, *codelen;
};

/*
 * Top the bit buffer up to at least 56 bits (past the end of the stream it
 * fills with zeros; position() then exceeds the length and the walk fails).
 */
static inline void refill(struct walker *w)
{
	if (w->end - w->next >= 8) {
		uint64_t v;
		memcpy(&v, w->next, 8);
		w->bitbuf |= le64toh(v) << w->bitcnt;
		w->next += (63 - w->bitcnt) >> 3;
		w->bitcnt |= 56;
		return;
	}
	while (w->bitcnt <= 56) {
		if (w->next < w->end)
			w->bitbuf |= (uint64_t)*w->next << w->bitcnt;
		w->next++; /* may run past end: counted, never read */
		w->bitcnt += 8;
	}
}

/* Bit position in the stream of the next unread bit. */
static inline uint64_t position(const struct walker *w)
{
	return (uint64_t)(w->next - w->start) * 8 - w->bitcnt;
}

static inline void check_end(struct walker *w)
{
	if (position(w) > (uint64_t)(w->end - w->start) * 8)
		w->bad = 1;
}

/* Consume n (<= 32) bits; the buffer must hold them (refill first). */
static inline uint32_t take(struct walker *w, unsigned n)
{
	uint32_t v = (uint32_t)(w->bitbuf & ((1ull << n) - 1));
	w->bitbuf >>= n;
	w->bitcnt -= n;
	return v;
}

static uint32_t get(struct walker *w, unsigned n)
{
	uint32_t v;
	refill(w);
	v = take(w, n);
	check_end(w);
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

/* The code of lens[0..n) into h; -1 on an oversubscribed code. */
static int build(struct huffman *h, const unsigned char *lens, unsigned n)
{
	unsigned offs[MAX_BITS + 2], next[MAX_BITS + 1];
	unsigned code = 0, bits, sym;
	int left = 1;

	memset(h->count, 0, sizeof(h->count));
	for (sym = 0; sym < n; sym++)
		h->count[lens[sym]]++;
	h->count[0] = 0;
	for (bits = 1; bits <= MAX_BITS; bits++) {
		left <<= 1;
		left -= (int)h->count[bits];
		if (left < 0)
			return -1;
	}
	offs[1] = 0;
	for (bits = 1; bits <= MAX_BITS; bits++) {
		offs[bits + 1] = offs[bits] + h->count[bits];
		code = (code + h->count[bits - 1]) << 1;
		next[bits] = code;
	}
	memset(h->fast, 0, sizeof(h->fast));
	for (sym = 0; sym < n; sym++) {
		unsigned len = lens[sym], j;
		if (!len)
			continue;
		h->symbol[offs[len]++] = (uint16_t)sym;
		j = reverse_bits(next[len]++, len);
		if (len > FAST_BITS)
			continue;
		for (; j < FAST_SIZE; j += 1u << len)
			h->fast[j] = sym | (uint32_t)len << 16;
	}
	return 0;
}

/* A code longer than FAST_BITS (or none): canonical decoding, one bit at a
 * time, first bit read = most significant bit of the code. */
static unsigned decode_slow(struct walker *w, const struct huffman *h)
{
	uint64_t bits = w->bitbuf;
	int code = 0, first = 0, index = 0;
	unsigned len;
	for (len = 1; len <= MAX_BITS; len++) {
		int count = h->count[len];
		code |= (int)(bits & 1);
		bits >>= 1;
		if (code < first + count) {
			w->bitbuf >>= len;
			w->bitcnt -= len;
			return h->symbol[index + (code - first)];
		}
		index += count;
		first = (first + count) << 1;
		code <<= 1;
	}
	w->bad = 1;
	return 0;
}

/* Decode one symbol; the buffer must hold 15 bits (refill first). */
static inline unsigned decode(struct walker *w, const struct huffman *h)
{
	uint32_t e = h->fast[w->bitbuf & (FAST_SIZE - 1)];
	unsigned len = e >> 16;
	if (!len)
		return decode_slow(w, h);
	w->bitbuf >>= len;
	w->bitcnt -= len;
	return e & 0xffff;
}

static const unsigned char length_extra[29] = {
	0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
};
static const unsigned char dist_extra[30] = {
	0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
};

/*
 * Skip the Huffman-coded data of one block up to its end-of-block symbol.
 * One refill (56 bits) serves several symbols: a literal needs at most 15
 * bits, a length with its distance at most 15 + 5 + 15 + 13.
 */
static int skip_codes(struct walker *w)
{
	refill(w);
	for (;;) {
		unsigned sym;
		if (w->bitcnt < 48) {
			refill(w);
			if (w->next > w->end) {
				check_end(w);
				if (w->bad)
					return -1;
			}
		}
		sym = decode(w, w->litlen);
		if (w->bad)
			return -1;
		if (sym < 256)
			continue;
		if (sym == 256)
			break;
		if (sym > 285)
			return -1;
		take(w, length_extra[sym - 257]);
		sym = decode(w, w->dist);
		if (w->bad || sym >= 30)
			return -1;
		take(w, dist_extra[sym]);
	}
	check_end(w);
	return w->bad ? -1 : 0;
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
		unsigned sym, rep;
		refill(w);
		sym = decode(w, w->codelen);
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
	w.start = w.next = stream;
	w.end = stream + len;
	w.litlen = xmalloc(3 * sizeof(struct huffman));
	w.dist = w.litlen + 1;
	w.codelen = w.litlen + 2;
	for (;;) {
		uint64_t header = position(&w);
		unsigned final = get(&w, 1), type = get(&w, 2);
		if (w.bad)
			break;
		if (type == 0) {
			/* stored: drop to the byte boundary, LEN, NLEN, then LEN bytes */
			uint64_t at = (position(&w) + 7) & ~(uint64_t)7;
			unsigned n, nn;
			if (at + 32 > (uint64_t)len * 8)
				break;
			n = stream[at / 8] | (unsigned)stream[at / 8 + 1] << 8;
			nn = stream[at / 8 + 2] | (unsigned)stream[at / 8 + 3] << 8;
			if ((n ^ 0xffff) != nn)
				break;
			at += 32 + (uint64_t)n * 8;
			if (at > (uint64_t)len * 8)
				break;
			/* restart the bit buffer at the byte after the block */
			w.next = stream + at / 8;
			w.bitbuf = 0;
			w.bitcnt = 0;
		} else if (type == 3 ||
			   (type == 1 ? fixed_tables(&w) : dynamic_tables(&w)) < 0 ||
			   skip_codes(&w) < 0) {
			break;
		}
		if (final) {
			*final_header = header;
			*end_bit = position(&w);
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
