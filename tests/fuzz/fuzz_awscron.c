/*
 * fuzz_awscron.c - aws_schedule_parse() on any text, then, for what it
 * accepts, aws_schedule_max_gap() from a day chosen by the input: a
 * schedule or a reason, a gap or NEVER/ENDS, never a crash or a hang.
 */
#include "fuzz.h"
#include "configs/awscron.h"
#include "model/calendar.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct aws_schedule *s;
	char why[256], *text;
	int64_t from, gap = -1, start = 0;
	enum schedule_gap g;

	fuzz_setup();
	if (size > 4096)
		return 0;
	from = days_from_civil(2026, 11, 25);
	if (size >= 2) { /* the first two bytes move the start day by up to ~±90 years */
		from += (int64_t)(int16_t)((uint16_t)data[0] << 8 | data[1]);
		data += 2;
		size -= 2;
	}
	text = fuzz_cstring(data, size);
	s = xmalloc(sizeof(*s));
	if (aws_schedule_parse(text, s, why, sizeof(why)) == 0) {
		aws_schedule_runs_on(s, from);
		g = aws_schedule_max_gap(s, from, &gap, &start);
		if (g == SCHEDULE_GAP_FOUND && gap < 0)
			abort();
	} else if (!why[0]) {
		abort(); /* a refusal always says why */
	}
	free(s);
	free(text);
	return 0;
}
