/*
 * deflate_join.h - join independently compressed raw deflate streams into
 * one stream (pigz's approach, for libdeflate's whole-buffer output).
 *
 * Compress chunk 1..n of a file apart; pass every chunk but the last
 * through deflate_make_open(); the concatenation is one valid raw deflate
 * stream of the whole file.
 */
#ifndef FTRKIT_DEFLATE_JOIN_H
#define FTRKIT_DEFLATE_JOIN_H

#include <stddef.h>
#include <stdint.h>

/*
 * Walk the complete raw deflate stream[0..len) block by block; 0 with the
 * bit offset of the final block's header and of the bit after the final
 * block, or -1 when the stream is malformed or truncated.
 */
int deflate_final_block(const unsigned char *stream, size_t len, uint64_t *final_header,
			uint64_t *end_bit);

/*
 * Turn the complete stream[0..len) (buffer of cap bytes) into an open,
 * byte-aligned one: the final block becomes non-final and an empty stored
 * block follows (at most 5 bytes more than len).  Returns the new length,
 * or 0 when the stream is malformed or cap is too small.
 */
size_t deflate_make_open(unsigned char *stream, size_t len, size_t cap);

#endif
