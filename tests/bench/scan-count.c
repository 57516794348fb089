/*
 * scan-count.c - benchmark helper: count the lines of FILE that match
 * PATTERN through ftrkit's drill-log scanner (scan_fd: pattern_search +
 * pattern_match, the code the drill-log readers use), like `grep -c -P`.
 *
 *   scan-count PATTERN FILE...
 */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include "base/error.h"
#include "evidence/pattern.h"
#include "evidence/scan.h"

static int count_hit(void *arg, const struct scan_hit *hit)
{
	(void)hit;
	(*(unsigned long *)arg)++;
	return 0;
}

int main(int argc, char **argv)
{
	struct pattern *p;
	int i, ret = 0;

	if (argc < 3) {
		fprintf(stderr, "usage: scan-count PATTERN FILE...\n");
		return 2;
	}
	p = pattern_compile(argv[1], "pattern", "command line", 0);
	if (!p)
		return 2;
	for (i = 2; i < argc; i++) {
		unsigned long count = 0;
		int fd = open(argv[i], O_RDONLY | O_CLOEXEC);
		if (fd < 0 || scan_fd(fd, &p, 1, 0, count_hit, &count, NULL) < 0) {
			perror(argv[i]);
			ret = 2;
		} else {
			printf("%lu\n", count);
		}
		if (fd >= 0)
			close(fd);
	}
	pattern_free(p);
	return ret;
}
