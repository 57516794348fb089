/*
 * pack.c - benchmark helper: the packaging stage alone.  Writes every
 * regular file below DIR into OUT.zip through deflate_pool (the path the
 * bundle's evidence takes: read once, SHA-256 checked against the
 * inventory, deflate on every core, copied into the zip as compressed
 * data), in sorted path order with a
 * fixed time stamp, and prints "files bytes-in".
 *
 *   pack DIR OUT.zip [LEVEL]
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "package/deflate_pool.h"
#include "base/error.h"
#include "evidence/workspace.h"

int main(int argc, char **argv)
{
	struct workspace ws;
	struct deflate_pool *pool;
	unsigned long long in = 0;
	size_t i;
	int err;
	zip_t *za;

	if (argc < 3) {
		fprintf(stderr, "usage: pack DIR OUT.zip [LEVEL]\n");
		return 2;
	}
	/* the inventory: sorted, hashed on every core, as assess does */
	if (workspace_open(argv[1], NULL, &ws) < 0)
		return 2;
	za = zip_open(argv[2], ZIP_CREATE | ZIP_TRUNCATE, &err);
	if (!za)
		return 2;
	pool = deflate_pool_new(argc > 3 ? atoi(argv[3]) : 5, NULL);
	for (i = 0; i < ws.nr_files; i++) {
		const struct evidence_file *f = &ws.files[i];
		int store = f->size == 0 || deflate_pool_is_compressed_name(f->path);
		zip_int64_t idx;
		idx = zip_file_add(za, f->path,
				   deflate_pool_source(pool, ws.root_fd, f->path, f->size, f->sha256,
						       store, f->path),
				   ZIP_FL_ENC_UTF_8);
		if (idx < 0 ||
		    zip_set_file_compression(za, (zip_uint64_t)idx, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0) < 0 ||
		    zip_file_set_mtime(za, (zip_uint64_t)idx, 1700000000, 0) < 0)
			return 2;
		in += f->size;
	}
	if (zip_close(za) < 0) {
		fprintf(stderr, "pack: %s\n", deflate_pool_error(pool) ? deflate_pool_error(pool) : zip_strerror(za));
		return 2;
	}
	printf("%zu %llu\n", ws.nr_files, in);
	deflate_pool_free(pool);
	workspace_close(&ws);
	return 0;
}
