/*
 * fuzz.h - what every libFuzzer target (tests/fuzz/fuzz_*.c) includes.
 *
 * A target defines LLVMFuzzerTestOneInput() and nothing else; it must not
 * print (error_quiet is set by fuzz_setup()), must free everything it
 * allocates on every path, and must never call exit().  The same target
 * source is linked two ways: with -fsanitize=fuzzer by `make fuzz`
 * (build-fuzz/), and with tests/fuzz/replay.c by `make check`, which replays
 * the seed corpus and every kept crash input (tests/fuzz/corpus/TARGET/)
 * under the normal and the ASan+UBSan builds.
 */
#ifndef FTRKIT_FUZZ_H
#define FTRKIT_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/xmlload.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* One-time set-up shared by all targets: quiet errors, hardened libxml2. */
static inline void fuzz_setup(void)
{
	static int done;
	if (done)
		return;
	done = 1;
	error_quiet = 1;
	xml_init();
}

/* data[0..size) as a NUL-terminated string; caller frees. */
static inline char *fuzz_cstring(const uint8_t *data, size_t size)
{
	char *s = xmalloc(size + 1);
	if (size)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

#endif
