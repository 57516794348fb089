/*
 * fuzz_calendar.c - date_parse() on any text; an accepted date must format
 * back to its first ten bytes, and month arithmetic on it gives a real day.
 */
#include "fuzz.h"
#include "model/calendar.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text, out[32];
	int64_t day, later, y;
	unsigned m, d;

	fuzz_setup();
	if (size > 256)
		return 0;
	text = fuzz_cstring(data, size);
	if (date_parse(text, &day) == 0) {
		date_format(day, out, sizeof(out));
		if (strncmp(out, text, 10) != 0)
			abort();
		civil_from_days(day, &y, &m, &d);
		if (!civil_valid(y, m, d) || days_from_civil(y, m, d) != day)
			abort();
		later = days_add_months(day, size > 11 ? (int)(unsigned char)text[11] - 128 : 13);
		/* The result may leave 1..9999 (civil_valid's range) but is a
		 * real calendar day that round-trips. */
		civil_from_days(later, &y, &m, &d);
		if (m < 1 || m > 12 || d < 1 || d > 31 || days_from_civil(y, m, d) != later)
			abort();
	}
	free(text);
	return 0;
}
