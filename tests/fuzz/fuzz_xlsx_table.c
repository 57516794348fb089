/*
 * fuzz_xlsx_table.c - the response-text reader and the status words of
 * `ftrkit import` on any text: every RPO/RTO found must be text the input
 * holds and a valid duration; a status is one the schema allows.
 */
#include <string.h>

#include "fuzz.h"
#include "evidence/xlsx_table.h"
#include "model/duration.h"

static void check_value(const char *text, const char *value)
{
	int64_t seconds;
	const char *why;
	if (!value)
		return;
	if (!*value || !strstr(text, value) || duration_parse(value, &seconds, &why) != 0)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const statuses[] = { "met", "not-met", "not-applicable", "manual",
						"unanswered", NULL };
	char *text, *rpo = NULL, *rto = NULL;
	const char *status;
	size_t i;
	int n;

	fuzz_setup();
	if (size > 4096)
		return 0;
	text = fuzz_cstring(data, size);
	n = xlsx_response_objectives(text, &rpo, &rto);
	if (n != (rpo != NULL) + (rto != NULL))
		abort();
	check_value(text, rpo);
	check_value(text, rto);
	status = xlsx_status_word(text);
	if (status) {
		for (i = 0; statuses[i] && strcmp(statuses[i], status) != 0; i++)
			;
		if (!statuses[i])
			abort();
	}
	free(rpo);
	free(rto);
	free(text);
	return 0;
}
