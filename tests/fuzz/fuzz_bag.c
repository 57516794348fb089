/*
 * fuzz_bag.c - the BagIt manifest parser and the bag-info reader on any
 * bytes: entries with a 64-hex digest and a decoded path, or a refusal;
 * never a crash or leak.
 */
#include "fuzz.h"
#include "package/bag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *labels[] = { "Bagging-Date", "Payload-Oxum", "External-Identifier",
					"Source-Organization", "" };
	struct bag_manifest m = { 0 };
	size_t i;

	fuzz_setup();
	if (bag_manifest_parse((const char *)data, size, "manifest-sha256.txt", &m) == 0)
		for (i = 0; i < m.nr; i++)
			if (strlen(m.entries[i].sha256) != 64 || !m.entries[i].path)
				abort();
	bag_manifest_free(&m);
	for (i = 0; i < sizeof(labels) / sizeof(*labels); i++)
		free(bag_info_get((const char *)data, size, labels[i]));
	return 0;
}
