/*
 * fuzz_zipread.c - the package reader of `verify` on hostile zips: any
 * bytes as a memfd, pkg_open() vets it (one top folder, safe names, no
 * duplicates, size/ratio limits), then every entry is hashed, looked up
 * and read with a cap; the tag files are parsed as `verify` does.  Never a crash, leak or hang.
 */
#include "fuzz.h"
#include "fuzz_memfd.h"
#include "package/bag.h"
#include "package/zipread.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pkg_reader pr;
	char path[64];
	size_t i;
	int fd;

	fuzz_setup();
	setenv("FTRKIT_THREADS", "1", 1); /* serial hashing: one thread per input */
	fd = fuzz_memfd(data, size);
	if (fd < 0)
		return 0;
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	if (pkg_open(path, &pr) == 0 && pkg_hash_all(&pr) == 0) {
		for (i = 0; i < pr.nr; i++) {
			const struct pkg_entry *e = &pr.entries[i];
			struct strbuf sb;
			if (pkg_find(&pr, e->name) != e)
				abort(); /* names are unique and sorted */
			if (e->is_dir)
				continue;
			strbuf_init(&sb, 1 << 16);
			if (pkg_read(&pr, e, 1 << 16, &sb) == 0) {
				if (!strcmp(e->name, "manifest-sha256.txt") ||
				    !strcmp(e->name, "tagmanifest-sha256.txt")) {
					struct bag_manifest m = { 0 };
					bag_manifest_parse(sb.buf, sb.len, e->name, &m);
					bag_manifest_free(&m);
				} else if (!strcmp(e->name, "bag-info.txt")) {
					free(bag_info_get(sb.buf, sb.len, "Payload-Oxum"));
				}
			}
			strbuf_release(&sb);
		}
	}
	pkg_close(&pr);
	close(fd);
	return 0;
}
