/*
 * textwidth.h - display width of UTF-8 text in terminal columns.
 */
#ifndef FTRKIT_TEXTWIDTH_H
#define FTRKIT_TEXTWIDTH_H

#include <stddef.h>

/* Decode one UTF-8 sequence at s into *cp; returns its length (1 and
 * U+FFFD on an invalid byte).  s must be NUL-terminated. */
size_t utf8_decode_one(const unsigned char *s, unsigned *cp);

/* Columns of one code point: 0 for controls and combining marks, 2 for East
 * Asian Wide and Fullwidth ranges, else 1. */
unsigned codepoint_width(unsigned cp);

/* Display width of UTF-8 text in terminal columns (East Asian wide = 2). */
size_t display_width(const char *s);

#endif
