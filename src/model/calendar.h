/*
 * calendar.h - proleptic Gregorian dates as day numbers, no time zones.
 *
 * Day numbers count days since 1970-01-01 (which is day 0), so
 * day * 86400 is the epoch second of that date's midnight UTC.  Pure
 * arithmetic: no mktime(), no TZ, no locale, hence reproducible.
 */
#ifndef FTRKIT_CALENDAR_H
#define FTRKIT_CALENDAR_H

#include <stdint.h>
#include <stddef.h>

int64_t days_from_civil(int64_t y, unsigned m, unsigned d);
void civil_from_days(int64_t days, int64_t *y, unsigned *m, unsigned *d);

/* 1 when y-m-d is a real date (1 <= m <= 12, d within the month). */
int civil_valid(int64_t y, unsigned m, unsigned d);

/*
 * Parse exactly "YYYY-MM-DD" (optionally followed by an xs:date zone such
 * as "Z" or "+09:00", which is ignored) into a day number.  -1 on error.
 */
int date_parse(const char *text, int64_t *days);

/* "YYYY-MM-DD" of a day number into out (at least 11 bytes). */
void date_format(int64_t days, char *out, size_t size);

/* Add months to a date, clamping the day to the month's end. */
int64_t days_add_months(int64_t days, int months);

/* Today's local date as a day number. */
int64_t date_today(void);

#endif
