/*
 * progress.h - a progress bar on stderr for long work.
 *
 * Shown only when progress was enabled (main() enables it unless --quiet)
 * AND stderr is a terminal; otherwise every call is a cheap no-op, so
 * callers never branch on it and logs, pipes and CI output stay clean.
 * The bar is redrawn at most every PROGRESS_INTERVAL_MS and only after
 * PROGRESS_DELAY_MS (short runs show nothing), and is erased at the end.
 *
 * Updates are thread-safe: worker threads call progress_add() directly.
 * Every function accepts a NULL bar (does nothing).
 */
#ifndef FTRKIT_PROGRESS_H
#define FTRKIT_PROGRESS_H

#include <stddef.h>
#include <stdint.h>

#define PROGRESS_INTERVAL_MS 100
#define PROGRESS_DELAY_MS 300

struct progress; /* opaque */

/* Allow progress bars for this process (off by default: tests, libraries). */
void progress_enable(int on);

/*
 * Start a bar labelled label (a static string) for total_files files of
 * total_bytes bytes (0 = unknown: no ETA).  Never NULL; a disabled bar
 * costs nothing.  Finish with progress_end().
 */
struct progress *progress_begin(const char *label, uint64_t total_files, uint64_t total_bytes);

/* Change the totals (when they become known late). */
void progress_set_total(struct progress *p, uint64_t total_files, uint64_t total_bytes);

/* Count files and bytes done; redraws when due.  Thread-safe. */
void progress_add(struct progress *p, uint64_t files, uint64_t bytes);

/* Set the bytes done to fraction (0..1) of the total; for libzip. */
void progress_set_fraction(struct progress *p, double fraction);

/* Erase the bar (if drawn) and free p.  p may be NULL. */
void progress_end(struct progress *p);

/*
 * libzip progress adapter: register with
 *   zip_register_progress_callback_with_state(za, 0.001, progress_zip_callback, NULL, p)
 * (the type matches zip_progress_callback: (zip_t *, double, void *)).
 */
struct zip;
void progress_zip_callback(struct zip *za, double fraction, void *ud);

/*
 * Render one bar line into buf (at most size bytes, always NUL-terminated)
 * without touching the terminal: label, files done/total, MiB done/total,
 * throughput and ETA (when a total and a rate are known).  elapsed_ms is
 * the time since the start.  Returns strlen(buf).  Pure: unit-testable.
 */
size_t progress_format(char *buf, size_t size, const char *label,
		       uint64_t files_done, uint64_t files_total,
		       uint64_t bytes_done, uint64_t bytes_total, uint64_t elapsed_ms);

#endif
