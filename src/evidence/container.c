/*
 * container.c - the secret scan through gzip streams, UTF-16 text and zip
 * archives (container.h).
 *
 * Design: a decode_stream is two sniffing stages in front of a
 * secret_stream.  The raw stage looks at the first 4 bytes: gzip is
 * inflated (zlib, every member) into the text stage, a zip is only
 * counted (it is scanned afterwards from its central directory with
 * libzip), anything else goes to the text stage as it is.  The text stage
 * looks at the first 2 bytes: a UTF-16 BOM switches on a small transcoder
 * to UTF-8, else the bytes pass through.  Sniffing buffers the first bytes,
 * so results never depend on how the caller cuts what it feeds.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <zip.h>
#include <zlib.h>

#include "evidence/container.h"
#include "base/error.h"
#include "base/hash.h"
#include "base/strbuf.h"
#include "base/banned.h"

#define CHUNK (64 * 1024)

const struct container_limits container_default_limits = {
	.max_size = (uint64_t)4 << 30,
	.max_total = (uint64_t)4 << 30,
	.max_ratio = 200,
	.max_entries = 10000,
};

enum raw_mode { RAW_SNIFF, RAW_PLAIN, RAW_GZIP, RAW_ZIP };
enum text_mode { TEXT_SNIFF, TEXT_PLAIN, TEXT_UTF16LE, TEXT_UTF16BE };

struct decode_stream {
	const struct secret_rules *rules;
	struct secret_stream *st;
	const struct container_limits *limits;
	int quiet, failed, begun;
	const char *shown;
	struct secret_scan *res;
	int out_fd;
	uint64_t raw_bytes;          /* fed so far */
	uint64_t text_bytes;         /* reaching the text stage */
	enum raw_mode raw;
	unsigned char head[4];
	size_t nhead;
	z_stream z;
	int z_live, z_ended;         /* inflate initialised; a member just ended */
	enum text_mode text;
	unsigned char thead[2];
	size_t nthead;
	int odd;                     /* UTF-16: a pending first byte, or -1 */
	unsigned hi;                 /* UTF-16: a pending high surrogate, or 0 */
	char *out;                   /* CHUNK bytes: inflated or transcoded text */
	size_t nout;
};

/* Report (unless quiet) and fail the stream.  Always -1. */
static int ds_fail(struct decode_stream *ds, const char *fmt, const char *detail)
{
	if (!ds->quiet)
		error_at(ds->shown, 0, fmt, detail);
	ds->failed = 1;
	return -1;
}

struct decode_stream *decode_stream_new(const struct secret_rules *rules, int quiet)
{
	struct decode_stream *ds = xcalloc(1, sizeof(*ds));
	ds->rules = rules;
	ds->quiet = quiet;
	ds->limits = &container_default_limits;
	ds->st = secret_stream_new(rules);
	ds->out = xmalloc(CHUNK);
	return ds;
}

static void end_inflate(struct decode_stream *ds)
{
	if (ds->z_live)
		inflateEnd(&ds->z);
	ds->z_live = 0;
}

void decode_stream_free(struct decode_stream *ds)
{
	if (!ds)
		return;
	end_inflate(ds);
	secret_stream_free(ds->st);
	free(ds->out);
	free(ds);
}

void decode_stream_begin(struct decode_stream *ds, int out_fd, const char *shown,
			 struct secret_scan *res)
{
	end_inflate(ds);
	memset(res, 0, sizeof(*res));
	ds->res = res;
	ds->shown = shown;
	ds->out_fd = out_fd;
	ds->failed = ds->begun = 0;
	ds->raw_bytes = ds->text_bytes = 0;
	ds->raw = RAW_SNIFF;
	ds->text = TEXT_SNIFF;
	ds->nhead = ds->nthead = ds->nout = 0;
	ds->odd = -1;
	ds->hi = 0;
	ds->z_ended = 0;
}

/* Hand the decoded text buffered in ds->out to the scanner. */
static int flush_out(struct decode_stream *ds)
{
	int rc = ds->nout ? secret_stream_feed(ds->st, ds->out, ds->nout) : 0;
	ds->nout = 0;
	if (rc < 0)
		ds->failed = 1;
	return rc;
}

/* Append one code point as UTF-8 (U+FFFD for what is not one). */
static int put_utf8(struct decode_stream *ds, unsigned cp)
{
	unsigned char *o;
	if (ds->nout + 4 > CHUNK && flush_out(ds) < 0)
		return -1;
	o = (unsigned char *)ds->out + ds->nout;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		ds->nout += 1;
	} else if (cp < 0x800) {
		o[0] = (unsigned char)(0xc0 | cp >> 6);
		o[1] = (unsigned char)(0x80 | (cp & 0x3f));
		ds->nout += 2;
	} else if (cp < 0x10000) {
		o[0] = (unsigned char)(0xe0 | cp >> 12);
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		o[2] = (unsigned char)(0x80 | (cp & 0x3f));
		ds->nout += 3;
	} else {
		o[0] = (unsigned char)(0xf0 | cp >> 18);
		o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
		o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		o[3] = (unsigned char)(0x80 | (cp & 0x3f));
		ds->nout += 4;
	}
	return 0;
}

/* UTF-16 code units to UTF-8; a pending byte or high surrogate carries
 * over to the next call.  0 or -1. */
static int utf16_feed(struct decode_stream *ds, const unsigned char *p, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		unsigned u;
		if (ds->odd < 0) {
			ds->odd = p[i];
			continue;
		}
		u = ds->text == TEXT_UTF16LE ? (unsigned)ds->odd | (unsigned)p[i] << 8
					     : (unsigned)ds->odd << 8 | p[i];
		ds->odd = -1;
		if (u >= 0xd800 && u < 0xdc00) {
			if (ds->hi && put_utf8(ds, 0xfffd) < 0)
				return -1;
			ds->hi = u;
			continue;
		}
		if (u >= 0xdc00 && u < 0xe000) {
			unsigned cp = ds->hi ? 0x10000 + ((ds->hi - 0xd800) << 10) + (u - 0xdc00)
					     : 0xfffd;
			ds->hi = 0;
			if (put_utf8(ds, cp) < 0)
				return -1;
			continue;
		}
		if (ds->hi && put_utf8(ds, 0xfffd) < 0)
			return -1;
		ds->hi = 0;
		if (put_utf8(ds, u) < 0)
			return -1;
	}
	return flush_out(ds);
}

/* Start the scanner once the text stage knows what it has: only a plain,
 * undecoded file gets the redacted copy. */
static void begin_scan(struct decode_stream *ds)
{
	int plain = ds->raw == RAW_PLAIN && ds->text == TEXT_PLAIN;
	struct secret_scan *res = ds->res;
	secret_stream_begin(ds->st, plain ? ds->out_fd : -1, ds->shown, res);
	if (ds->raw == RAW_GZIP)
		res->unredactable = "a gzip stream";
	else if (ds->text != TEXT_PLAIN)
		res->unredactable = "UTF-16 text";
	ds->begun = 1;
}

static int text_pass(struct decode_stream *ds, const unsigned char *p, size_t n)
{
	if (!n)
		return 0;
	if (ds->text == TEXT_PLAIN) {
		if (secret_stream_feed(ds->st, p, n) < 0) {
			ds->failed = 1;
			return -1;
		}
		return 0;
	}
	return utf16_feed(ds, p, n);
}

/* The text stage: sniff a UTF-16 BOM in the first 2 bytes (eof: decide
 * with fewer), then scan.  0 or -1. */
static int text_feed(struct decode_stream *ds, const unsigned char *p, size_t n, int eof)
{
	ds->text_bytes += n;
	if (ds->text == TEXT_SNIFF) {
		while (n && ds->nthead < 2) {
			ds->thead[ds->nthead++] = *p++;
			n--;
		}
		if (ds->nthead < 2 && !eof)
			return 0;
		if (ds->nthead == 2 && ds->thead[0] == 0xff && ds->thead[1] == 0xfe)
			ds->text = TEXT_UTF16LE;
		else if (ds->nthead == 2 && ds->thead[0] == 0xfe && ds->thead[1] == 0xff)
			ds->text = TEXT_UTF16BE;
		else
			ds->text = TEXT_PLAIN;
		begin_scan(ds);
		if (ds->text == TEXT_PLAIN && text_pass(ds, ds->thead, ds->nthead) < 0)
			return -1;
	}
	return text_pass(ds, p, n);
}

/* Inflate p[0..n) (every gzip member) into the text stage, within the
 * size and ratio limits.  0 or -1. */
static int gzip_feed(struct decode_stream *ds, const unsigned char *p, size_t n)
{
	const struct container_limits *lim = ds->limits;
	z_stream *z = &ds->z;

	if (!ds->z_live) {
		memset(z, 0, sizeof(*z));
		if (inflateInit2(z, 16 + MAX_WBITS) != Z_OK)
			die_oom();
		ds->z_live = 1;
	}
	z->next_in = (Bytef *)p;
	z->avail_in = (uInt)n;
	while (z->avail_in) {
		int rc;
		size_t got;
		if (ds->z_ended) { /* another member follows */
			inflateReset(z);
			ds->z_ended = 0;
		}
		z->next_out = (Bytef *)ds->out;
		z->avail_out = CHUNK;
		rc = inflate(z, Z_NO_FLUSH);
		if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
			return ds_fail(ds, "not a valid gzip stream (%s): cannot judge whether "
				       "it holds a secret", z->msg ? z->msg : "corrupt data");
		got = CHUNK - z->avail_out;
		if (ds->text_bytes + got > lim->max_size)
			return ds_fail(ds, "gzip stream inflates past the size limit%s (zip "
				       "bomb?): cannot judge whether it holds a secret", "");
		if (ds->text_bytes + got > ((uint64_t)1 << 20) &&
		    ds->text_bytes + got > (uint64_t)lim->max_ratio * ds->raw_bytes)
			return ds_fail(ds, "gzip stream has a compression ratio over the "
				       "limit%s (zip bomb?): cannot judge whether it holds a "
				       "secret", "");
		if (text_feed(ds, (const unsigned char *)ds->out, got, 0) < 0)
			return -1;
		if (rc == Z_STREAM_END)
			ds->z_ended = 1;
		else if (rc == Z_BUF_ERROR || (got == 0 && z->avail_in == 0))
			break;
	}
	return 0;
}

int decode_stream_feed(struct decode_stream *ds, const void *data, size_t n)
{
	const unsigned char *p = data;

	if (ds->failed)
		return -1;
	ds->raw_bytes += n;
	if (ds->raw == RAW_SNIFF) {
		static const unsigned char zip_local[4] = { 'P', 'K', 3, 4 };
		static const unsigned char zip_empty[4] = { 'P', 'K', 5, 6 };
		while (n && ds->nhead < 4) {
			ds->head[ds->nhead++] = *p++;
			n--;
		}
		if (ds->nhead < 4)
			return 0;
		if (!memcmp(ds->head, zip_local, 4) || !memcmp(ds->head, zip_empty, 4))
			ds->raw = RAW_ZIP;
		else if (ds->head[0] == 0x1f && ds->head[1] == 0x8b)
			ds->raw = RAW_GZIP;
		else
			ds->raw = RAW_PLAIN;
		if (ds->raw == RAW_GZIP && gzip_feed(ds, ds->head, 4) < 0)
			return -1;
		if (ds->raw == RAW_PLAIN && text_feed(ds, ds->head, 4, 0) < 0)
			return -1;
	}
	switch (ds->raw) {
	case RAW_PLAIN:
		return text_feed(ds, p, n, 0);
	case RAW_GZIP:
		return gzip_feed(ds, p, n);
	default:
		return 0;
	}
}

int decode_stream_end(struct decode_stream *ds)
{
	struct secret_scan *res = ds->res;
	int rc;

	if (!ds->failed && ds->raw == RAW_SNIFF) { /* shorter than 4 bytes */
		ds->raw = RAW_PLAIN;
		(void)text_feed(ds, ds->head, ds->nhead, 0);
	}
	if (ds->raw == RAW_ZIP && !ds->failed) {
		memset(res, 0, sizeof(*res));
		return 1;
	}
	if (!ds->failed && ds->raw == RAW_GZIP && !ds->z_ended)
		ds_fail(ds, "truncated gzip stream%s: cannot judge whether it holds a secret", "");
	end_inflate(ds);
	if (!ds->failed)
		(void)text_feed(ds, NULL, 0, 1); /* decide the sniff of short text */
	if (!ds->failed && ds->hi)
		(void)put_utf8(ds, 0xfffd);
	if (!ds->failed)
		(void)flush_out(ds);
	if (!ds->begun) { /* failed before the scanner started: start it to end it */
		secret_stream_begin(ds->st, -1, ds->shown, res);
		ds->failed = 1;
	}
	rc = secret_stream_end(ds->st);
	if (ds->failed && rc == 0)
		secret_scan_free(res);
	if (ds->failed || rc < 0)
		return -1;
	res->size = ds->raw_bytes;
	return 0;
}

/* ---- zip archives -------------------------------------------------------- */

static int scan_fd_depth(const struct secret_rules *rules, int fd, int out_fd,
			 const char *shown, struct secret_scan *res, int depth);

/* Move the hits of a part's scan into res, naming the part (prefixed by
 * the part's own part for a zip inside a zip). */
static void merge_part(struct secret_scan *res, const char *name, struct secret_scan *part)
{
	size_t i, first = res->nr_parts;
	char *own;

	if (!part->nr_hits)
		return;
	own = xstrdup(name);
	ALLOC_GROW(res->parts, res->nr_parts, res->alloc_parts);
	res->parts[res->nr_parts++] = own;
	for (i = 0; i < part->nr_parts; i++) { /* nested: "inner.zip!x.txt" */
		ALLOC_GROW(res->parts, res->nr_parts, res->alloc_parts);
		res->parts[res->nr_parts++] = xasprintf("%s!%s", name, part->parts[i]);
	}
	for (i = 0; i < part->nr_hits; i++) {
		struct secret_hit h = part->hits[i];
		size_t k;
		if (h.part) {
			for (k = 0; k < part->nr_parts; k++)
				if (part->parts[k] == h.part)
					break;
			h.part = res->parts[first + 1 + k];
		} else {
			h.part = own;
		}
		ALLOC_GROW(res->hits, res->nr_hits, res->alloc_hits);
		res->hits[res->nr_hits++] = h;
	}
}

/* Copy part idx into a fresh memory file (for a zip inside a zip).  The
 * fd, or -1 reported. */
static int part_to_memfd(zip_t *za, zip_uint64_t idx, const char *shown, const char *name)
{
	zip_file_t *zf = zip_fopen_index(za, idx, 0);
	char *buf = xmalloc(CHUNK);
	int fd = memfd_create("ftrkit-part", MFD_CLOEXEC);
	zip_int64_t n;

	if (fd < 0 || !zf) {
		error_at(shown, 0, "cannot read part %s: %s", name,
			 zf ? strerror(errno) : zip_strerror(za));
		goto fail;
	}
	while ((n = zip_fread(zf, buf, CHUNK)) > 0)
		if (write(fd, buf, (size_t)n) != n) {
			error_at(shown, 0, "cannot copy part %s: %s", name, strerror(errno));
			goto fail;
		}
	if (n < 0) {
		error_at(shown, 0, "cannot read part %s: %s", name, zip_file_strerror(zf));
		goto fail;
	}
	zip_fclose(zf);
	free(buf);
	if (lseek(fd, 0, SEEK_SET) < 0) {
		close(fd);
		return -1;
	}
	return fd;
fail:
	if (zf)
		zip_fclose(zf);
	if (fd >= 0)
		close(fd);
	free(buf);
	return -1;
}

/* Scan one part of za: streamed through a decode_stream, or, when it is a
 * zip itself, copied out and scanned as one.  0 or -1 reported. */
static int scan_part(const struct secret_rules *rules, zip_t *za, zip_uint64_t idx,
		     const char *name, const char *shown, struct secret_scan *res,
		     struct decode_stream *ds, char *buf, int depth)
{
	char *where = xasprintf("%s!%s", shown, name);
	zip_file_t *zf = zip_fopen_index(za, idx, 0);
	struct secret_scan part;
	zip_int64_t n;
	int rc = -1;

	if (!zf) {
		error_at(shown, 0, "cannot read part %s: %s; cannot judge whether it holds a "
			 "secret", name, zip_strerror(za));
		goto out;
	}
	decode_stream_begin(ds, -1, where, &part);
	while ((n = zip_fread(zf, buf, CHUNK)) > 0)
		if (decode_stream_feed(ds, buf, (size_t)n) < 0)
			break;
	if (n < 0)
		error_at(shown, 0, "cannot read part %s: %s; cannot judge whether it holds "
			 "a secret", name, zip_file_strerror(zf));
	zip_fclose(zf);
	rc = decode_stream_end(ds);
	if (n < 0) {
		if (rc == 0)
			secret_scan_free(&part);
		rc = -1;
		goto out;
	}
	if (rc == 1) { /* a zip inside the zip */
		int fd;
		if (depth + 1 >= CONTAINER_MAX_DEPTH) {
			rc = error_at(shown, 0, "part %s is a zip nested more than %d deep: cannot "
				      "judge whether it holds a secret", name, CONTAINER_MAX_DEPTH);
			goto out;
		}
		fd = part_to_memfd(za, idx, shown, name);
		if (fd < 0)
			goto out;
		rc = scan_fd_depth(rules, fd, -1, where, &part, depth + 1);
		close(fd);
	}
	if (rc == 0) {
		merge_part(res, name, &part);
		secret_scan_free(&part);
	}
out:
	free(where);
	return rc < 0 ? -1 : 0;
}

/* Scan every part of the zip archive open at fd (borrowed) into res.
 * 0 or -1 reported. */
static int scan_zip(const struct secret_rules *rules, int fd, const char *shown,
		    struct secret_scan *res, int depth)
{
	const struct container_limits *lim = &container_default_limits;
	int code = 0, ret = -1, zfd = dup(fd);
	zip_t *za;
	zip_int64_t entries, i;
	uint64_t total = 0;
	struct decode_stream *ds = NULL;
	char *buf = NULL;

	if (zfd < 0 || lseek(zfd, 0, SEEK_SET) < 0) {
		if (zfd >= 0)
			close(zfd);
		return error_at(shown, 0, "cannot read: %s", strerror(errno));
	}
	za = zip_fdopen(zfd, ZIP_CHECKCONS, &code);
	if (!za) {
		zip_error_t ze;
		close(zfd);
		zip_error_init_with_code(&ze, code);
		error_at(shown, 0, "starts like a zip archive but cannot be opened (%s): "
			 "cannot judge whether it holds a secret", zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return -1;
	}
	entries = zip_get_num_entries(za, 0);
	if (entries < 0 || (uint64_t)entries > lim->max_entries) {
		error_at(shown, 0, "zip archive has more than %u entries: cannot judge "
			 "whether it holds a secret", lim->max_entries);
		goto out;
	}
	ds = decode_stream_new(rules, 0);
	buf = xmalloc(CHUNK);
	for (i = 0; i < entries; i++) {
		zip_stat_t st;
		size_t len;
		if (zip_stat_index(za, (zip_uint64_t)i, 0, &st) < 0 || !(st.valid & ZIP_STAT_NAME)) {
			error_at(shown, 0, "cannot read zip entry %lld: %s", (long long)i,
				 zip_strerror(za));
			goto out;
		}
		len = strlen(st.name);
		if (len && st.name[len - 1] == '/')
			continue; /* a folder */
		if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
			error_at(shown, 0, "part %s is encrypted: cannot judge whether it holds "
				 "a secret", st.name);
			goto out;
		}
		if (!(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE) ||
		    st.size > lim->max_size || st.size > lim->max_total - total ||
		    (st.size > 0 && (st.comp_size == 0 || st.size / st.comp_size > lim->max_ratio))) {
			error_at(shown, 0, "part %s is over the size or %u:1 compression ratio "
				 "limits (zip bomb?): cannot judge whether it holds a secret",
				 st.name, lim->max_ratio);
			goto out;
		}
		total += st.size;
		if (scan_part(rules, za, (zip_uint64_t)i, st.name, shown, res, ds, buf, depth) < 0)
			goto out;
	}
	ret = 0;
out:
	if (ret < 0)
		secret_scan_free(res);
	decode_stream_free(ds);
	free(buf);
	zip_discard(za);
	return ret;
}

/* secrets_scan_container_fd() at nesting depth (0 for an evidence file). */
static int scan_fd_depth(const struct secret_rules *rules, int fd, int out_fd,
			 const char *shown, struct secret_scan *res, int depth)
{
	struct decode_stream *ds = decode_stream_new(rules, 0);
	struct sha256_stream *hash = sha256_begin();
	char *buf = xmalloc(CHUNK), hex[65];
	int rc, read_failed = 0;
	uint64_t size = 0;

	decode_stream_begin(ds, out_fd, shown, res);
	for (;;) {
		ssize_t n = read(fd, buf, CHUNK);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			error_at(shown, 0, "cannot read: %s", strerror(errno));
			read_failed = 1;
			break;
		}
		if (n == 0)
			break;
		size += (uint64_t)n;
		sha256_update(hash, buf, (size_t)n);
		if (decode_stream_feed(ds, buf, (size_t)n) < 0)
			break;
	}
	rc = decode_stream_end(ds);
	decode_stream_free(ds);
	free(buf);
	sha256_end(hash, hex);
	if (rc == 0 && read_failed) {
		secret_scan_free(res);
		rc = -1;
	}
	if (rc == 1 && !read_failed) {
		rc = scan_zip(rules, fd, shown, res, depth);
		res->unredactable = "a zip archive";
	}
	if (rc != 0)
		return -1;
	res->size = size;
	memcpy(res->sha256, hex, sizeof(hex));
	return 0;
}

int secrets_scan_container_fd(const struct secret_rules *rules, int fd, int out_fd,
			      const char *shown, struct secret_scan *res)
{
	return scan_fd_depth(rules, fd, out_fd, shown, res, 0);
}
