/*
 * error.h - the one error path.
 *
 * Every message has one shape: "ftrkit: FILE:LINE: what is wrong" (LINE is
 * left out when unknown, FILE when there is no file).  error_at() reports and
 * returns -1 so callers can write "return error_at(...)" or
 * "ret = error_at(...); goto out;".  Input errors become exit code 2 in
 * main(), never deep inside a module, so every caller can clean up first.
 */
#ifndef FTRKIT_ERROR_H
#define FTRKIT_ERROR_H

#include <stdarg.h>

enum ftr_exit {
	EXIT_ALL_MET = 0,   /* every control met or not applicable */
	EXIT_FINDINGS = 1,  /* at least one control not met / tampered / overdue */
	EXIT_INPUT = 2,     /* input error: nothing was written */
};

/* Report "ftrkit: FILE:LINE: MSG" on stderr; returns -1. file may be NULL,
 * line <= 0 means unknown. */
int error_at(const char *file, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Same, message without a location. */
int error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* "ftrkit: warning: ..." on stderr; does not fail. */
void warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Out of memory: report and exit(2).  The only exit outside main(). */
_Noreturn void die_oom(void);

/* When set (fuzzers, unit tests), error_at() and warning() print nothing. */
extern int error_quiet;

/*
 * On the calling thread only: while mute is set, error_at(), error() and
 * warning() print nothing.  For speculative work whose failure is redone,
 * and reported, later in the normal order (the inventory's secret scan,
 * see workspace_open_consumed).  Returns the previous setting.
 */
int error_mute_thread(int mute);

/* Checked allocation helpers: never return NULL. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a new string; caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Same with a va_list (consumed); caller frees. */
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* Grow *array (of *alloc elements of size elem) so index nr fits. */
#define ALLOC_GROW(array, nr, alloc)                                           \
	do {                                                                   \
		if ((size_t)(nr) >= (alloc)) {                                 \
			(alloc) = (alloc) ? (alloc) * 2 : 8;                   \
			if ((alloc) <= (size_t)(nr))                           \
				(alloc) = (size_t)(nr) + 1;                    \
			(array) = xrealloc((array), (alloc) * sizeof(*(array))); \
		}                                                              \
	} while (0)

#endif
