/*
 * fuzz_secrets.c - the secret scanner (questionnaires/secret-patterns.txt)
 * on any bytes, writing the redacted copy: hits in line order, never a
 * crash, leak or hang.  The rules are loaded once and kept.
 */
#include "fuzz.h"
#include "fuzz_memfd.h"
#include "evidence/secrets.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct secret_rules rules;
	static int loaded;
	struct secret_scan res;
	int in, out;
	size_t i;

	fuzz_setup();
	if (!loaded) {
		if (secret_rules_load("questionnaires/secret-patterns.txt", &rules) < 0)
			abort();
		loaded = 1;
	}
	in = fuzz_memfd(data, size);
	if (in < 0)
		return 0;
	out = memfd_create("fuzz-out", MFD_CLOEXEC);
	if (secrets_scan_fd(&rules, in, out, "evidence/x.log", &res) == 0) {
		for (i = 1; i < res.nr_hits; i++)
			if (res.hits[i].line < res.hits[i - 1].line)
				abort();
		free(secret_scan_lines(&res));
		secret_scan_free(&res);
	}
	if (out >= 0)
		close(out);
	close(in);
	return 0;
}
