/*
 * fuzz_configs.c - configs_read_memory() (one AWS CLI JSON export) on any
 * bytes: recognised with resources and facts, or a problem; never a crash.
 */
#include "fuzz.h"
#include "configs/configs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config_set set;
	struct config_file *f;
	size_t i, j;

	fuzz_setup();
	memset(&set, 0, sizeof(set));
	f = configs_read_memory(&set, "configs/export.json", 1, (const char *)data, size,
				CONFIG_MAX_BYTES);
	if (!f || !f->kind)
		abort();
	for (i = 0; i < set.nr_resources; i++) {
		const struct config_resource *r = &set.resources[i];
		for (j = 0; j < r->nr_facts; j++) {
			int64_t v;
			config_fact_int(&r->facts[j], INT64_MAX, &v);
			config_fact_bool(&r->facts[j]);
			config_fact_list_count(&r->facts[j]);
		}
		if (r->arn) {
			char region[64];
			arn_name(r->arn);
			arn_region(r->arn, region, sizeof(region));
		}
	}
	configs_free(&set);
	return 0;
}
