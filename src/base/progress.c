/*
 * progress.c - the stderr progress bar (see progress.h).
 *
 * Design: counters live under one mutex; whoever adds work checks the clock
 * and redraws when PROGRESS_INTERVAL_MS passed.  Rendering is split into
 * progress_format() (pure, tested) and the drawing ("\r" + line + erase to
 * end of line), which happens only when the bar is active: enabled for the
 * process and stderr is a terminal, decided once in progress_begin().
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <zip.h>

#include "base/progress.h"
#include "base/error.h"
#include "base/banned.h"

#define BAR_WIDTH 20

static int progress_allowed;

struct progress {
	int active;            /* drawing at all */
	int drawn;             /* a line is on the terminal */
	const char *label;
	uint64_t files_done, files_total;
	uint64_t bytes_done, bytes_total;
	uint64_t start_ms, last_draw_ms;
	pthread_mutex_t lock;
};

/* A disabled bar shared by every caller when progress is off. */
static struct progress disabled_bar;

void progress_enable(int on)
{
	progress_allowed = on;
}

static uint64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

struct progress *progress_begin(const char *label, uint64_t total_files, uint64_t total_bytes)
{
	struct progress *p;
	if (!progress_allowed || !isatty(STDERR_FILENO))
		return &disabled_bar;
	p = xcalloc(1, sizeof(*p));
	p->active = 1;
	p->label = label;
	p->files_total = total_files;
	p->bytes_total = total_bytes;
	p->start_ms = p->last_draw_ms = now_ms();
	if (pthread_mutex_init(&p->lock, NULL) != 0)
		die_oom();
	return p;
}

void progress_set_total(struct progress *p, uint64_t total_files, uint64_t total_bytes)
{
	if (!p || !p->active)
		return;
	pthread_mutex_lock(&p->lock);
	p->files_total = total_files;
	p->bytes_total = total_bytes;
	pthread_mutex_unlock(&p->lock);
}

/* Redraw when due; the caller holds p->lock. */
static void maybe_draw(struct progress *p)
{
	char line[160];
	uint64_t now = now_ms();
	if (now - p->start_ms < PROGRESS_DELAY_MS || now - p->last_draw_ms < PROGRESS_INTERVAL_MS)
		return;
	p->last_draw_ms = now;
	progress_format(line, sizeof(line), p->label, p->files_done, p->files_total,
			p->bytes_done, p->bytes_total, now - p->start_ms);
	fprintf(stderr, "\r%s\033[K", line);
	fflush(stderr);
	p->drawn = 1;
}

void progress_add(struct progress *p, uint64_t files, uint64_t bytes)
{
	if (!p || !p->active)
		return;
	pthread_mutex_lock(&p->lock);
	p->files_done += files;
	p->bytes_done += bytes;
	maybe_draw(p);
	pthread_mutex_unlock(&p->lock);
}

void progress_set_fraction(struct progress *p, double fraction)
{
	if (!p || !p->active)
		return;
	if (fraction < 0)
		fraction = 0;
	if (fraction > 1)
		fraction = 1;
	pthread_mutex_lock(&p->lock);
	p->bytes_done = (uint64_t)(fraction * (double)p->bytes_total);
	maybe_draw(p);
	pthread_mutex_unlock(&p->lock);
}

void progress_zip_callback(zip_t *za, double fraction, void *ud)
{
	(void)za;
	progress_set_fraction(ud, fraction);
}

void progress_end(struct progress *p)
{
	if (!p || !p->active)
		return;
	if (p->drawn) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
	pthread_mutex_destroy(&p->lock);
	free(p);
}

/* Append to buf at *len, never past size (snprintf semantics, clamped). */
static void put(char *buf, size_t size, size_t *len, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void put(char *buf, size_t size, size_t *len, const char *fmt, ...)
{
	va_list ap;
	int n;
	if (*len + 1 >= size)
		return;
	va_start(ap, fmt);
	n = vsnprintf(buf + *len, size - *len, fmt, ap);
	va_end(ap);
	if (n > 0)
		*len = *len + (size_t)n < size ? *len + (size_t)n : size - 1;
}

static void put_duration(char *buf, size_t size, size_t *len, uint64_t seconds)
{
	if (seconds >= 3600)
		put(buf, size, len, "%llu:%02llu:%02llu", (unsigned long long)(seconds / 3600),
		    (unsigned long long)(seconds / 60 % 60), (unsigned long long)(seconds % 60));
	else
		put(buf, size, len, "%llu:%02llu", (unsigned long long)(seconds / 60),
		    (unsigned long long)(seconds % 60));
}

size_t progress_format(char *buf, size_t size, const char *label,
		       uint64_t files_done, uint64_t files_total,
		       uint64_t bytes_done, uint64_t bytes_total, uint64_t elapsed_ms)
{
	const double mib = 1024.0 * 1024.0;
	size_t len = 0;
	double rate = elapsed_ms ? (double)bytes_done / mib / ((double)elapsed_ms / 1000.0) : 0;

	if (!size)
		return 0;
	buf[0] = '\0';
	put(buf, size, &len, "%s ", label);
	if (bytes_total) {
		uint64_t done = bytes_done > bytes_total ? bytes_total : bytes_done;
		unsigned filled = (unsigned)(done * BAR_WIDTH / bytes_total), i;
		put(buf, size, &len, "[");
		for (i = 0; i < BAR_WIDTH; i++)
			put(buf, size, &len, "%c", i < filled ? '#' : '.');
		put(buf, size, &len, "] %3u%% ", (unsigned)(done * 100 / bytes_total));
	}
	if (files_total)
		put(buf, size, &len, "%llu/%llu files", (unsigned long long)files_done,
		    (unsigned long long)files_total);
	else
		put(buf, size, &len, "%llu files", (unsigned long long)files_done);
	if (bytes_total)
		put(buf, size, &len, "  %.1f/%.1f MiB", (double)bytes_done / mib,
		    (double)bytes_total / mib);
	else
		put(buf, size, &len, "  %.1f MiB", (double)bytes_done / mib);
	if (elapsed_ms)
		put(buf, size, &len, "  %.1f MiB/s", rate);
	if (bytes_total && bytes_done > 0 && bytes_done < bytes_total && elapsed_ms) {
		/* remaining / (done per ms), in seconds, rounded up */
		uint64_t left = bytes_total - bytes_done;
		uint64_t eta = (uint64_t)((double)left * (double)elapsed_ms / (double)bytes_done
					  / 1000.0 + 0.999);
		put(buf, size, &len, "  ETA ");
		put_duration(buf, size, &len, eta);
	}
	return len;
}
