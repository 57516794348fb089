/*
 * awscron.h - AWS schedule expressions (EventBridge / AWS Backup) and the
 * worst-case gap between two consecutive runs.
 *
 *   cron(Minutes Hours Day-of-month Month Day-of-week Year)   (UTC)
 *   rate(N minute|minutes|hour|hours|day|days)
 *
 * Fields accept '*', lists (a,b), ranges (a-b), steps (a/s, * /s, a-b/s);
 * Month also JAN-DEC, Day-of-week 1-7 = SUN-SAT (names too).  Day-of-month
 * also takes 'L' (last day), 'NW' (weekday nearest day N, within the
 * month) and 'LW' (last weekday); Day-of-week takes 'L' (Saturday), 'NL'
 * (last weekday N of the month) and 'N#k' (k-th weekday N).  As in AWS,
 * one of Day-of-month and Day-of-week must be '?' and the other must not.
 * Ranges that run backwards (FRI-MON) are rejected, as AWS does.
 */
#ifndef FTRKIT_AWSCRON_H
#define FTRKIT_AWSCRON_H

#include <stdint.h>

#define CRON_YEAR_MIN 1970
#define CRON_YEAR_MAX 2199

struct aws_schedule {
	int64_t rate_seconds;   /* > 0 for rate(); 0 for cron() */
	uint64_t minutes;       /* bit m for minute m (0-59) */
	uint32_t hours;         /* bit h (0-23) */
	uint32_t dom;           /* bit d (1-31) */
	uint16_t months;        /* bit m (1-12) */
	uint8_t dow;            /* bit d (1-7, 1 = Sunday) */
	unsigned char years[CRON_YEAR_MAX - CRON_YEAR_MIN + 1]; /* 1 = runs that year */
	int dom_any;            /* day-of-month is '?' */
	int dow_any;            /* day-of-week is '?' */
	int dom_last;           /* 'L' */
	int dom_last_weekday;   /* 'LW' */
	int dom_nearest_weekday;/* N of 'NW', 0 = none */
	int dow_last;           /* weekday (1-7) of 'NL', 0 = none */
	int dow_nth_day, dow_nth; /* 'D#N': weekday D, N-th of the month; 0 = none */
};

/*
 * Parse text ("cron(...)" or "rate(...)", surrounding blanks allowed).
 * Returns 0, or -1 with why[] (why_size bytes) saying what is wrong.
 */
int aws_schedule_parse(const char *text, struct aws_schedule *out, char *why, size_t why_size);

/* 1 when the schedule runs on day (calendar.h day number). */
int aws_schedule_runs_on(const struct aws_schedule *s, int64_t day);

enum schedule_gap {
	SCHEDULE_GAP_FOUND,  /* *gap_seconds is the worst gap */
	SCHEDULE_GAP_NEVER,  /* no run at all from from_day on (within 8 years) */
	SCHEDULE_GAP_ENDS,   /* runs stop: a run has no successor within 8 years */
};

/*
 * The longest time between two consecutive runs whose first run falls in
 * the year starting at from_day (00:00 UTC); when no run falls in that
 * year, the gap after the first later run.  *gap_start is the epoch second
 * of the run that opens the worst gap (earliest one on ties).  For
 * rate() the gap is the rate itself.  Both outputs are set on every
 * outcome (0 and from_day's start when the schedule never runs).
 */
enum schedule_gap aws_schedule_max_gap(const struct aws_schedule *s, int64_t from_day,
				       int64_t *gap_seconds, int64_t *gap_start);

#endif
