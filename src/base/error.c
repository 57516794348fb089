/*
 * error.c - reporting and checked allocation.  See error.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/quote.h"
#include "base/banned.h"

int error_quiet;
static _Thread_local int muted;

int error_mute_thread(int mute)
{
	int was = muted;
	muted = mute;
	return was;
}

/*
 * One report line on stderr.  File names and messages quote untrusted
 * text (names, keys, tags from the inputs): control characters and invalid
 * UTF-8 are escaped (quote.h) so no input can move the cursor, clear the
 * screen or add a line.
 */
static void vreport(const char *prefix, const char *file, long line, const char *fmt,
		    va_list ap)
{
	char *text, *shown;

	if (error_quiet || muted)
		return;
	fputs(prefix, stderr);
	if (file) {
		shown = quote_controls(file);
		if (line > 0)
			fprintf(stderr, "%s:%ld: ", shown, line);
		else
			fprintf(stderr, "%s: ", shown);
		free(shown);
	}
	text = xvasprintf(fmt, ap);
	shown = quote_controls(text);
	fputs(shown, stderr);
	fputc('\n', stderr);
	free(shown);
	free(text);
}

int error_at(const char *file, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport("ftrkit: ", file, line, fmt, ap);
	va_end(ap);
	return -1;
}

int error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport("ftrkit: ", NULL, 0, fmt, ap);
	va_end(ap);
	return -1;
}

void warning(const char *fmt, ...)
{
	va_list ap;
	if (error_quiet || muted)
		return;
	va_start(ap, fmt);
	vreport("ftrkit: warning: ", NULL, 0, fmt, ap);
	va_end(ap);
}

_Noreturn void die_oom(void)
{
	fputs("ftrkit: out of memory\n", stderr);
	exit(EXIT_INPUT);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		die_oom();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		die_oom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		die_oom();
	return q;
}

char *xstrdup(const char *s)
{
	char *p = strdup(s);
	if (!p)
		die_oom();
	return p;
}

char *xstrndup(const char *s, size_t n)
{
	char *p = strndup(s, n);
	if (!p)
		die_oom();
	return p;
}

char *xvasprintf(const char *fmt, va_list ap)
{
	char *out = NULL;
	if (vasprintf(&out, fmt, ap) < 0)
		die_oom();
	return out;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *out;
	va_start(ap, fmt);
	out = xvasprintf(fmt, ap);
	va_end(ap);
	return out;
}
