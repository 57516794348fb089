/*
 * replay.c - run a fuzz target's LLVMFuzzerTestOneInput() over files and
 * folders without libFuzzer, so `make check` replays the seed corpora and
 * the kept crash inputs with the ordinary compiler (normal and ASan builds).
 *
 * usage: replay-TARGET PATH...   (folders are read one level deep)
 * Exit 0 when every input ran; a crash aborts (the sanitizer reports it).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t len = 0, cap = 0, n;

	if (!f) {
		perror(path);
		return -1;
	}
	for (;;) {
		if (len == cap) {
			cap = cap ? cap * 2 : 4096;
			buf = xrealloc(buf, cap);
		}
		n = fread(buf + len, 1, cap - len, f);
		if (!n)
			break;
		len += n;
	}
	fclose(f);
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
	int i, ret = 0, count = 0;

	for (i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) < 0) {
			perror(argv[i]);
			return 1;
		}
		if (S_ISDIR(st.st_mode)) {
			DIR *d = opendir(argv[i]);
			struct dirent *de;
			char **names = NULL;
			size_t nr = 0, alloc = 0, j;
			while (d && (de = readdir(d))) {
				if (de->d_name[0] == '.')
					continue;
				ALLOC_GROW(names, nr, alloc);
				names[nr++] = xasprintf("%s/%s", argv[i], de->d_name);
			}
			if (d)
				closedir(d);
			if (nr)
				qsort(names, nr, sizeof(*names), cmp_str);
			for (j = 0; j < nr; j++) {
				if (run_file(names[j]) < 0)
					ret = 1;
				count++;
				free(names[j]);
			}
			free(names);
		} else {
			if (run_file(argv[i]) < 0)
				ret = 1;
			count++;
		}
	}
	fprintf(stderr, "replayed %d input%s\n", count, count == 1 ? "" : "s");
	return ret;
}
