/*
 * fuzz_relpath.c - relpath_check(): an accepted path never is absolute, never
 * has a '..' or '.' or empty component, and holds no control character or
 * backslash, so openat() below the workspace root cannot leave it.
 */
#include "fuzz.h"
#include "model/assessment.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *path, *seg, *end;
	const char *why = NULL;
	size_t i;

	fuzz_setup();
	if (size > 4096)
		return 0;
	path = fuzz_cstring(data, size);
	if (relpath_check(path, &why) == 0) {
		if (!*path || *path == '/')
			abort();
		for (i = 0; path[i]; i++)
			if ((unsigned char)path[i] < 0x20 || path[i] == 0x7f || path[i] == '\\')
				abort();
		for (seg = path; seg; seg = end ? end + 1 : NULL) {
			end = strchr(seg, '/');
			if (end)
				*end = '\0';
			if (!*seg || !strcmp(seg, "..") || !strcmp(seg, "."))
				abort();
		}
	} else if (!why) {
		abort();
	}
	free(path);
	return 0;
}
