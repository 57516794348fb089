/*
 * fuzz_questionnaire.c - questionnaire_load_memory() on any bytes: load or
 * reject, never crash, leak or reach out (DTDs and entities are refused).
 */
#include "fuzz.h"
#include "checks/checks.h"
#include "model/questionnaire.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct questionnaire q;

	fuzz_setup();
	if (questionnaire_load_memory((const char *)data, size, "fuzz.xml", checks_known, &q) == 0)
		questionnaire_free(&q);
	return 0;
}
