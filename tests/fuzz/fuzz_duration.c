/*
 * fuzz_duration.c - duration_parse() on any text; every accepted duration
 * must be within the documented range and survive formatting and the ISO
 * round trip (the canonical ISO form parses back to the same seconds).
 */
#include "fuzz.h"
#include "model/duration.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text, iso[64], human[64], human_ja[64];
	int64_t seconds = -1, again = -1;
	const char *why = NULL;

	fuzz_setup();
	if (size > 4096)
		return 0;
	text = fuzz_cstring(data, size);
	if (duration_parse(text, &seconds, &why) == 0) {
		if (seconds < 0 || seconds > DURATION_MAX_SECONDS)
			abort();
		duration_iso(seconds, iso, sizeof(iso));
		duration_format(seconds, "en", human, sizeof(human));
		duration_format(seconds, "ja", human_ja, sizeof(human_ja));
		if (duration_parse(iso, &again, &why) != 0 || again != seconds)
			abort();
	} else if (!why) {
		abort();
	}
	free(text);
	return 0;
}
