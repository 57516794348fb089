/*
 * fuzz_timestamp.c - timestamp_find() over any text (every timestamp in
 * it, in order), timestamp_parse() and timestamp_offset_parse() on it whole:
 * found spans lie inside the text and move forward; never a crash or UB.
 */
#include "fuzz.h"
#include "model/calendar.h"
#include "model/timestamp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ts_context ctx = { 0 };
	struct timestamp ts;
	char *text, out[64];
	size_t from = 0;
	int secs;

	fuzz_setup();
	ctx.tz_offset_seconds = 9 * 3600;
	ctx.as_of_day = days_from_civil(2026, 11, 25);
	text = fuzz_cstring(data, size);
	while (from <= size && timestamp_find(text, size, from, &ctx, &ts) == 1) {
		if (ts.start < from || ts.end <= ts.start || ts.end > size)
			abort();
		timestamp_format_utc(ts.epoch, out, sizeof(out));
		from = ts.end;
	}
	if (timestamp_parse(text, &ctx, &ts) == 0)
		timestamp_format_utc(ts.epoch, out, sizeof(out));
	timestamp_offset_parse(text, &secs);
	free(text);
	return 0;
}
