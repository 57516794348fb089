/*
 * strbuf.h - growable byte buffer with an optional hard limit.
 *
 * Invariant: buf[len] == '\0' always, so buf is usable as a C string when
 * the content has no NUL.  A buffer initialised with a limit refuses to grow
 * past it (strbuf_add* return -1 and leave the content unchanged), so
 * untrusted input can never grow memory without bound.  The buffer owns buf;
 * strbuf_release() frees it, strbuf_detach() hands it to the caller.
 */
#ifndef FTRKIT_STRBUF_H
#define FTRKIT_STRBUF_H

#include <stddef.h>

struct strbuf {
	char *buf;
	size_t len;
	size_t alloc;
	size_t limit; /* 0 = unlimited */
};

#define STRBUF_INIT { NULL, 0, 0, 0 }

void strbuf_init(struct strbuf *sb, size_t limit);
void strbuf_release(struct strbuf *sb);
/* Returns the string (never NULL) and resets sb; caller frees. */
char *strbuf_detach(struct strbuf *sb);
void strbuf_reset(struct strbuf *sb);
int strbuf_add(struct strbuf *sb, const void *data, size_t n);
int strbuf_addstr(struct strbuf *sb, const char *s);
int strbuf_addch(struct strbuf *sb, int c);
int strbuf_addf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Always-valid C string view (empty string when nothing was added). */
const char *strbuf_str(const struct strbuf *sb);

#endif
