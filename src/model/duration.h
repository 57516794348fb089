/*
 * duration.h - the one parser for stated durations (RPO, RTO, cadences).
 *
 * Accepted forms, all to whole seconds:
 *   ISO 8601     PT1H30M, P1D, P1DT2H, P2W, PT0.5H   (no years or months:
 *                their length is ambiguous)
 *   compact      90m, 1h30m, 2d, 45s, 1.5h, 1h 30m
 *   words        2 hours, 1 hour 30 minutes, 1 hour and 30 minutes, 90 min
 *   Japanese     2時間, 30分, 1時間30分, 1日, 90秒, 1時間半, full-width ２時間
 * Units must come in decreasing order and at most once each.  Zero is a
 * valid duration (an RPO of zero means synchronous replication).
 */
#ifndef FTRKIT_DURATION_H
#define FTRKIT_DURATION_H

#include <stdint.h>
#include <stddef.h>

/* Longest accepted duration: 100 years.  Anything longer is an error. */
#define DURATION_MAX_SECONDS ((int64_t)100 * 366 * 86400)

/*
 * Parse text into *seconds.  Returns 0 on success; on failure returns -1 and
 * sets *why to a static explanation (the caller quotes the text itself).
 */
int duration_parse(const char *text, int64_t *seconds, const char **why);

/*
 * Human form of a duration in lang "en" ("1 h 10 min") or "ja"
 * ("1時間10分") into out (size bytes, always NUL-terminated).
 */
void duration_format(int64_t seconds, const char *lang, char *out, size_t size);

/* Canonical ISO 8601 form ("PT1H30M", "P1DT2H", "PT0S") into out. */
void duration_iso(int64_t seconds, char *out, size_t size);

#endif
