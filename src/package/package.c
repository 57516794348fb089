/*
 * package.c - lay out the review package and write it.
 *
 * Layout (TOP = <product>-ftr-review-<as-of>, also the zip's name):
 *   TOP/bagit.txt, bag-info.txt, manifest-sha256.txt, tagmanifest-sha256.txt
 *   TOP/VERIFY.txt                   checking by hand with unzip, sha256sum, openssl
 *   TOP/signer-public-key.pem, tagmanifest-sha256.txt.sig   when signed
 *   TOP/data/<every report assess wrote>, data/results.sqlite
 *   TOP/data/questionnaire/<questionnaire file>, data/assessment.xml
 *   TOP/data/evidence/<workspace-relative path>   (assessment.xml is not repeated)
 *   TOP/data/redactions.txt          when --redact changed anything
 *
 * Every entry is collected first (name, where its bytes come from, size,
 * SHA-256), sorted by name with strcmp, and only then handed to the zip
 * writer, so the archive does not depend on the order files were found in.
 * The tag manifest lists every tag file but the signature, which signs it.
 */
#include <errno.h>
#include <pthread.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "package/package.h"
#include "base/atomicfile.h"
#include "base/datadir.h"
#include "package/bag.h"
#include "model/provenance.h"
#include "package/entryname.h"
#include "package/zipread.h"
#include "base/safetext.h"
#include "base/error.h"
#include "base/jobs.h"
#include "base/hash.h"
#include "reports/reports.h"
#include "package/sign.h"
#include "base/strbuf.h"
#include "base/version.h"
#include "package/zipwrite.h"
#include "evidence/inventory_scan.h"
#include "evidence/container.h"
#include "evidence/secret_catalog.h"
#include "base/banned.h"

/* ---- what verify would refuse ---------------------------------------- */

/* Room left in the declared-size budget for the reports and tag files. */
#define REPORTS_RESERVE ((uint64_t)256 << 20)

/* The packaged name of workspace file relpath ("data/evidence/...");
 * caller frees. */
static char *payload_name(const struct assess_run *run, const char *relpath)
{
	return strcmp(relpath, run->assessment_relpath) == 0
		? xstrdup("data/assessment.xml")
		: xasprintf("data/evidence/%s", relpath);
}

/* Refuse shown's packaged name under top when verify would; 0 or -1. */
static int check_entry_name(const char *top, const char *name, const char *shown)
{
	char *full = xasprintf("%s/%s", top, name);
	const char *why = entry_name_problem(full);
	int ret = 0;

	if (why) {
		char *quoted = safetext_dup(shown, SAFETEXT_TERM);
		ret = error_at(quoted, 0, "cannot be packaged: %s (verify refuses such packages); "
			       "rename it", why);
		free(quoted);
	}
	free(full);
	return ret;
}

int package_check_inputs(const struct options *opt, const struct assess_run *run)
{
	const struct workspace *ws = &run->workspace;
	char *top = package_name(run), *copy, *name;
	uint64_t total = 0;
	size_t i, entries = 32; /* the top folder, data/, tag files and reports */
	int ret = 0;

	(void)opt;
	copy = xstrdup(run->questionnaire.path);
	name = xasprintf("data/questionnaire/%s", basename(copy));
	ret = check_entry_name(top, name, run->questionnaire.path);
	free(name);
	free(copy);
	for (i = 0; i < ws->nr_files && ret == 0; i++) {
		const struct evidence_file *f = &ws->files[i];
		const char *prev = i ? ws->files[i - 1].path : "";
		const char *slash;
		char *shown;

		name = payload_name(run, f->path);
		shown = workspace_display_path(ws, f->path);
		ret = check_entry_name(top, name, shown);
		free(name);
		free(shown);
		total += f->size;
		entries++;
		/* paths are sorted: a folder is new unless the previous path shares it */
		for (slash = strchr(f->path, '/'); slash; slash = strchr(slash + 1, '/')) {
			size_t len = (size_t)(slash - f->path) + 1;
			if (strncmp(prev, f->path, len) != 0)
				entries++;
		}
	}
	if (ret == 0 && total > PKG_MAX_TOTAL - REPORTS_RESERVE)
		ret = error_at(ws->root, 0, "%llu bytes of evidence: over the %llu bytes a package "
			       "may hold (verify would refuse it as a zip bomb)",
			       (unsigned long long)total,
			       (unsigned long long)(PKG_MAX_TOTAL - REPORTS_RESERVE));
	if (ret == 0 && entries > PKG_MAX_ENTRIES)
		ret = error_at(ws->root, 0, "%zu files and folders: over the %d entries a package "
			       "may hold (verify would refuse it)", entries, PKG_MAX_ENTRIES);
	free(top);
	return ret;
}

/* ---- one bundle at a time ------------------------------------------- */

int package_lock_out(const char *out)
{
	int fd;

	if (make_dirs(out) < 0)
		return -1;
	fd = open(out, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return error_at(out, 0, "cannot open output folder: %s", strerror(errno));
	while (flock(fd, LOCK_EX | LOCK_NB) < 0) {
		int saved = errno;
		if (saved == EINTR)
			continue;
		close(fd);
		if (saved == EWOULDBLOCK)
			return error("another bundle is writing to %s", out);
		return error_at(out, 0, "cannot lock output folder: %s", strerror(saved));
	}
	return fd;
}

/* ---- secret scan ---------------------------------------------------- */

/* Scan one file; with out_fd >= 0 write the redacted copy.  0 or -1. */
static int scan_file(const struct assess_run *run, const struct secret_rules *rules,
		     const struct evidence_file *f, int out_fd, struct secret_scan *res)
{
	char *shown = workspace_display_path(&run->workspace, f->path);
	int fd = workspace_open_file(&run->workspace, f->path), ret = -1;

	if (fd < 0)
		goto out;
	if (secrets_scan_container_fd(rules, fd, out_fd, shown, res) < 0)
		goto out;
	if (res->size != f->size || strcmp(res->sha256, f->sha256) != 0) {
		secret_scan_free(res);
		error_at(shown, 0, "file changed while it was being assessed");
		goto out;
	}
	ret = 0;
out:
	if (fd >= 0)
		close(fd);
	free(shown);
	return ret;
}

static int redact_file(const struct assess_run *run, const struct secret_rules *rules,
		       const struct evidence_file *f, struct package_scan *scan)
{
	struct secret_scan res;
	struct redacted_file *r;
	int fd = memfd_create("ftrkit-redacted", MFD_CLOEXEC);

	if (fd < 0)
		return error("cannot create a memory file for a redacted copy: %s",
			     strerror(errno));
	if (scan_file(run, rules, f, fd, &res) < 0) {
		close(fd);
		return -1;
	}
	ALLOC_GROW(scan->redacted, scan->nr_redacted, scan->alloc_redacted);
	r = &scan->redacted[scan->nr_redacted++];
	r->path = xstrdup(f->path);
	memcpy(r->orig_sha256, res.sha256, sizeof(r->orig_sha256));
	r->lines = secret_scan_lines(&res);
	r->fd = fd;
	r->size = res.out_size;
	memcpy(r->sha256, res.out_sha256, sizeof(r->sha256));
	secret_scan_free(&res);
	return 0;
}

/* Every file's scan, done by worker threads in any order, used in path order.
 * A file the inventory scanned gets a copy of those hits, read no more. */
struct scan_jobs {
	const struct assess_run *run;
	const struct secret_rules *rules;
	struct secret_scan *res;  /* one per file */
	int *rc;                  /* one per file: 0, or -1 reported */
	size_t next, nr;
	pthread_mutex_t lock;
};

static void *scan_worker(void *arg)
{
	struct scan_jobs *jobs = arg;
	for (;;) {
		const struct secret_scan *done;
		size_t i;
		pthread_mutex_lock(&jobs->lock);
		i = jobs->next++;
		pthread_mutex_unlock(&jobs->lock);
		if (i >= jobs->nr)
			return NULL;
		done = inventory_scan_of(&jobs->run->workspace.files[i]);
		if (done) {
			struct secret_scan *res = &jobs->res[i];
			res->nr_hits = res->alloc_hits = done->nr_hits;
			res->hits = done->nr_hits ? xmalloc(done->nr_hits * sizeof(*res->hits)) : NULL;
			if (done->nr_hits) /* parts stay borrowed from done */
				memcpy(res->hits, done->hits, done->nr_hits * sizeof(*res->hits));
			res->unredactable = done->unredactable;
			jobs->rc[i] = 0;
			continue;
		}
		jobs->rc[i] = scan_file(jobs->run, jobs->rules, &jobs->run->workspace.files[i], -1,
					&jobs->res[i]);
	}
}

/*
 * Scan every file on jobs_count() threads (rules are shared read-only;
 * each scan has its own match data).  Results are kept per file and used
 * in path order below, so what is reported and packaged never depends on
 * scheduling; only when several files cannot be read at all may their
 * error lines come out in another order.
 */
static void scan_all(const struct assess_run *run, const struct secret_rules *rules,
		     struct scan_jobs *jobs)
{
	pthread_t threads[JOBS_MAX];
	int n = jobs_count(), started = 0, t;
	size_t i, unscanned = 0;

	memset(jobs, 0, sizeof(*jobs));
	jobs->run = run;
	jobs->rules = rules;
	jobs->nr = run->workspace.nr_files;
	jobs->res = xcalloc(jobs->nr ? jobs->nr : 1, sizeof(*jobs->res));
	jobs->rc = xcalloc(jobs->nr ? jobs->nr : 1, sizeof(*jobs->rc));
	if (pthread_mutex_init(&jobs->lock, NULL) != 0)
		die_oom();
	for (i = 0; i < jobs->nr; i++)
		unscanned += !inventory_scan_of(&run->workspace.files[i]);
	if (!unscanned)
		n = 0; /* nothing to read: copy the inventory's hits here */
	for (t = 0; t < n && (size_t)t < unscanned; t++)
		if (pthread_create(&threads[started], NULL, scan_worker, jobs) == 0)
			started++;
	if (!started)
		scan_worker(jobs);
	for (t = 0; t < started; t++)
		pthread_join(threads[t], NULL);
	pthread_mutex_destroy(&jobs->lock);
}

int package_scan(const struct options *opt, const struct assess_run *run,
		 struct package_scan *scan)
{
	const struct workspace *ws = &run->workspace;
	struct scan_jobs jobs;
	size_t i, j;
	int ret = 0;

	memset(scan, 0, sizeof(*scan));
	if (run->loaded_rules) {
		scan->rules = &run->secret_rules;
	} else {
		scan->rules = &scan->own_rules;
		if (secret_catalog_load(&run->questionnaire, &scan->own_rules) < 0)
			return -1;
	}
	scan_all(run, scan->rules, &jobs);
	for (i = 0; i < ws->nr_files && ret == 0; i++) {
		const struct evidence_file *f = &ws->files[i];
		struct secret_scan *res = &jobs.res[i];
		char *shown;

		if (jobs.rc[i] < 0) {
			ret = -1;
			break;
		}
		if (res->nr_hits == 0)
			continue;
		shown = workspace_display_path(ws, f->path);
		for (j = 0; j < res->nr_hits; j++) {
			char *at = res->hits[j].part ? xasprintf("%s!%s", shown, res->hits[j].part)
						     : xstrdup(shown);
			error_at(at, res->hits[j].line, "possible secret (%s)%s", res->hits[j].rule,
				 opt->redact && !res->unredactable ? "; redacted in the package" : "");
			free(at);
		}
		scan->nr_hits += res->nr_hits;
		if (opt->redact && res->unredactable)
			ret = error_at(shown, 0, "--redact cannot rewrite %s: remove the secret "
				       "from the file", res->unredactable);
		else if (opt->redact && redact_file(run, scan->rules, f, scan) < 0)
			ret = -1;
		free(shown);
	}
	for (i = 0; i < jobs.nr; i++)
		if (jobs.rc[i] == 0)
			secret_scan_free(&jobs.res[i]);
	free(jobs.res);
	free(jobs.rc);
	if (ret < 0)
		return -1;
	if (scan->nr_hits && !opt->redact)
		return error("%zu possible secret%s in the evidence: package not written "
			     "(remove them, or use --redact to package redacted copies)",
			     scan->nr_hits, scan->nr_hits == 1 ? "" : "s");
	return 0;
}

void package_scan_free(struct package_scan *scan)
{
	size_t i;
	for (i = 0; i < scan->nr_redacted; i++) {
		free(scan->redacted[i].path);
		free(scan->redacted[i].lines);
		if (scan->redacted[i].fd >= 0)
			close(scan->redacted[i].fd);
	}
	free(scan->redacted);
	secret_rules_free(&scan->own_rules);
	memset(scan, 0, sizeof(*scan));
}

static const struct redacted_file *find_redacted(const struct package_scan *scan,
						 const char *path)
{
	size_t i;
	for (i = 0; i < scan->nr_redacted; i++)
		if (!strcmp(scan->redacted[i].path, path))
			return &scan->redacted[i];
	return NULL;
}

/* ---- entries ------------------------------------------------------- */

/* ENTRY_WORKSPACE: an inventoried evidence file, reopened by the packer
 * through workspace_reopen() (the very file the inventory hashed). */
enum entry_kind { ENTRY_BUFFER, ENTRY_FILE, ENTRY_FD, ENTRY_WORKSPACE };

struct entry {
	char *name;       /* inside the bag: "data/evidence/x", "bagit.txt" */
	enum entry_kind kind;
	struct strbuf data;   /* ENTRY_BUFFER */
	int dirfd;            /* ENTRY_FILE: borrowed; ENTRY_FD: the fd (borrowed) */
	char *relpath;        /* ENTRY_FILE, ENTRY_WORKSPACE */
	const struct workspace *ws; /* ENTRY_WORKSPACE: borrowed */
	char *shown;
	uint64_t size;
	char sha256[65];
};

struct entries {
	struct entry *items;
	size_t nr, alloc;
};

static struct entry *entry_new(struct entries *es, const char *name, enum entry_kind kind)
{
	struct entry *e;
	ALLOC_GROW(es->items, es->nr, es->alloc);
	e = &es->items[es->nr++];
	memset(e, 0, sizeof(*e));
	e->name = xstrdup(name);
	e->kind = kind;
	e->dirfd = -1;
	strbuf_init(&e->data, 0);
	return e;
}

static void add_buffer(struct entries *es, const char *name, struct strbuf *sb)
{
	struct entry *e = entry_new(es, name, ENTRY_BUFFER);
	strbuf_add(&e->data, sb->buf ? sb->buf : "", sb->len);
	e->size = sb->len;
	sha256_hex(sb->buf ? sb->buf : "", sb->len, e->sha256);
}

/*
 * A file outside the workspace (report, questionnaire): hash it now.
 * nofollow: refuse a symlink (our own outputs are never links; the
 * questionnaire the user named may be one).
 */
static int add_hashed_file(struct entries *es, const char *name, int dirfd,
			   const char *relpath, const char *shown, int nofollow)
{
	int fd = openat(dirfd, relpath, O_RDONLY | O_CLOEXEC | (nofollow ? O_NOFOLLOW : 0));
	struct entry *e;
	uint64_t size;
	char hex[65];

	if (fd < 0)
		return error_at(shown, 0, "cannot open: %s", strerror(errno));
	if (sha256_fd(fd, hex, &size) < 0) {
		int ret = error_at(shown, 0, "cannot read: %s", strerror(errno));
		close(fd);
		return ret;
	}
	close(fd);
	e = entry_new(es, name, ENTRY_FILE);
	e->dirfd = dirfd;
	e->relpath = xstrdup(relpath);
	e->shown = xstrdup(shown);
	e->size = size;
	memcpy(e->sha256, hex, sizeof(hex));
	return 0;
}

/* Add the memory file fd (borrowed; read from its start) as entry name. */
static int add_memory_file(struct entries *es, const char *name, int fd, const char *shown)
{
	struct entry *e;
	uint64_t size;
	char hex[65];

	if (lseek(fd, 0, SEEK_SET) != 0 || sha256_fd(fd, hex, &size) < 0)
		return error_at(shown, 0, "cannot read the package's copy: %s", strerror(errno));
	e = entry_new(es, name, ENTRY_FD);
	e->dirfd = fd;
	e->shown = xstrdup(shown);
	e->size = size;
	memcpy(e->sha256, hex, sizeof(hex));
	return 0;
}

static void entries_free(struct entries *es)
{
	size_t i;
	for (i = 0; i < es->nr; i++) {
		free(es->items[i].name);
		free(es->items[i].relpath);
		free(es->items[i].shown);
		strbuf_release(&es->items[i].data);
	}
	free(es->items);
	memset(es, 0, sizeof(*es));
}

static int cmp_entry(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->name, ((const struct entry *)b)->name);
}

/* ---- tag files ----------------------------------------------------- */

char *package_name(const struct assess_run *run)
{
	const char *p = run->assessment.product && *run->assessment.product
		? run->assessment.product : "product";
	struct strbuf sb = STRBUF_INIT;
	for (; *p; p++) {
		unsigned char c = (unsigned char)*p;
		int safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			   (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
		if (!sb.len && (c == '.' || !safe))
			continue; /* no hidden or odd-looking leading characters */
		if (safe)
			strbuf_addch(&sb, c);
		else if (sb.buf[sb.len - 1] != '-')
			strbuf_addch(&sb, '-');
	}
	if (!sb.len)
		strbuf_addstr(&sb, "product");
	strbuf_addf(&sb, "-ftr-review-%s", run->as_of);
	return strbuf_detach(&sb);
}

static void write_verify_txt(struct strbuf *sb, const char *top, int signed_pkg,
			     int encoded_names)
{
	strbuf_addf(sb,
		"How to check this review package without ftrkit\n"
		"===============================================\n"
		"\n"
		"%s.zip is a BagIt bag (RFC 8493) in one folder.  Everything below\n"
		"needs only unzip, sha256sum (GNU coreutils) and OpenSSL 3.0 or later.\n"
		"Lines that start with '$' are commands; run them in the folder holding\n"
		"the zip.  Lines that start with 'macOS$' are the same step on macOS,\n"
		"which has no sha256sum but shasum (Perl, built in).  macOS's own\n"
		"openssl is LibreSSL, which cannot check an Ed25519 signature: use\n"
		"OpenSSL 3 (for example Homebrew's openssl@3) for step 5.\n"
		"\n"
		"1. Unpack it into a fresh folder:\n"
		"    $ unzip -q %s.zip -d %s.check\n"
		"    $ cd %s.check/%s\n"
		"\n"
		"2. The tag files (bagit.txt, bag-info.txt, the manifests, this file)\n"
		"   match the tag manifest; every line must say OK:\n"
		"    $ sha256sum --strict -c tagmanifest-sha256.txt\n"
		"    macOS$ shasum -a 256 --strict -c tagmanifest-sha256.txt\n"
		"\n"
		"3. Every payload file under data/ matches the payload manifest:\n"
		"%s"
		"\n"
		"4. No payload file was added that the manifest does not list (no\n"
		"   output means none):\n"
		"    $ find data -type f | LC_ALL=C sort > ../payload-files.txt\n"
		"%s"
		"\n", top, top, top, top, top,
		/* ftrkit refuses names with CR, LF or any other control character
		 * (entryname.h), so '%' -> %25 is the only RFC 8493 encoding a
		 * manifest can hold, and sed undoes it for sha256sum. */
		encoded_names
		? "   Some file names hold '%', which the manifest writes as %25\n"
		  "   (RFC 8493, 2.1.3); sed turns it back for sha256sum:\n"
		  "    $ sed 's/%25/%/g' manifest-sha256.txt | sha256sum --strict -c\n"
		  "    macOS$ sed 's/%25/%/g' manifest-sha256.txt | shasum -a 256 --strict -c\n"
		: "    $ sha256sum --strict -c manifest-sha256.txt\n"
		  "    macOS$ shasum -a 256 --strict -c manifest-sha256.txt\n",
		encoded_names
		? "    $ cut -c67- manifest-sha256.txt | sed 's/%25/%/g' | LC_ALL=C sort | diff - ../payload-files.txt\n"
		: "    $ cut -c67- manifest-sha256.txt | LC_ALL=C sort | diff - ../payload-files.txt\n");
	if (signed_pkg)
		strbuf_addstr(sb,
			"5. The signature: the tag manifest (which covers the payload\n"
			"   manifest, which covers every payload file) is signed with\n"
			"   Ed25519.  Check it, then compare the signer's fingerprint with\n"
			"   the one the signer gave you out of band (and with\n"
			"   FTR-Signer-Fingerprint in bag-info.txt):\n"
			"    $ openssl pkeyutl -verify -pubin -inkey " PACKAGE_PUBKEY_FILE " -rawin -in tagmanifest-sha256.txt -sigfile " PACKAGE_SIG_FILE "\n"
			"    $ openssl pkey -pubin -in " PACKAGE_PUBKEY_FILE " -outform DER | sha256sum\n"
			"    macOS$ /opt/homebrew/opt/openssl@3/bin/openssl pkeyutl -verify -pubin -inkey " PACKAGE_PUBKEY_FILE " -rawin -in tagmanifest-sha256.txt -sigfile " PACKAGE_SIG_FILE "\n"
			"    macOS$ /opt/homebrew/opt/openssl@3/bin/openssl pkey -pubin -in " PACKAGE_PUBKEY_FILE " -outform DER | shasum -a 256\n"
			"   A valid signature proves only that the holder of that key signed\n"
			"   these files: it tells who made the package once you have matched\n"
			"   the fingerprint, not that the verdicts are right.  The key file\n"
			"   travels inside the package, so a signature without that\n"
			"   comparison proves nothing about who made it.  A package that\n"
			"   names a signer but has no valid signature has been tampered with.\n"
			"\n");
	else
		strbuf_addstr(sb,
			"5. This package is not signed: integrity only.  The hashes above\n"
			"   show the files agree with each other, not who made them: anyone\n"
			"   can rebuild matching manifests.  Compare the SHA-256 of the zip\n"
			"   with the one the sender gave you to be sure it is their package.\n"
			"\n");
	strbuf_addstr(sb,
		"6. Read the report: open data/index.html in a browser (it needs no\n"
		"   network), or query data/results.sqlite with sqlite3.  Every verdict\n"
		"   names the evidence files (data/evidence/...) and lines it rests on,\n"
		"   and the evidence table of results.sqlite holds their SHA-256.\n"
		"   data/redactions.txt, when present, lists evidence files whose\n"
		"   secrets were replaced by [REDACTED:...] markers, with the SHA-256\n"
		"   of each original and the lines changed.\n"
		"\n"
		"With ftrkit:\n"
		"    ftrkit verify " );
	strbuf_addf(sb, "%s.zip\n"
		"does all of this in place, refuses a zip not shaped exactly as\n"
		"ftrkit writes it (so that it checks the very entries unzip shows\n"
		"you), re-derives every verdict from the bundled evidence, and ends\n"
		"with one line saying what was proven:\n"
		"\"integrity only \u2014 not signed\", \"signed by SHA256:<fingerprint> \u2014 not\n"
		"pinned: compare it with the fingerprint you were given\" or \"signed by\n"
		"the pinned key\" (with --pubkey or --fingerprint).  --require-signature\n"
		"makes an unsigned package fail.\n", top);
}

static int64_t package_epoch(const struct options *opt)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	if (!opt->as_of && sde && *sde) {
		char *end;
		long long v;
		errno = 0;
		v = strtoll(sde, &end, 10);
		if (!errno && !*end && v >= 0)
			return v;
		warning("SOURCE_DATE_EPOCH '%s' is not a number of seconds; using --as-of", sde);
	}
	return opt->as_of_day * 86400;
}

/* ---- writing ------------------------------------------------------- */

static int strcmp_ptr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* deflate_pool_open_fn for ENTRY_WORKSPACE: ctx is the workspace. */
static int open_inventoried(void *ctx, const char *relpath, const char **why)
{
	return workspace_reopen(ctx, relpath, why);
}

/* Add every folder entry the sorted names need, then write all. */
static int write_zip(const char *tmp, const char *top, struct entries *es,
		     uint16_t dd, uint16_t dt)
{
	struct zip_writer *zw = zipw_open(tmp, dd, dt);
	struct strbuf name = STRBUF_INIT;
	char **dirs = NULL;
	size_t nr_dirs = 0, alloc_dirs = 0, i, di = 0;
	int ret = -1;

	if (!zw)
		return -1;
	/* Folders: TOP and every parent of an entry, deduplicated. */
	ALLOC_GROW(dirs, nr_dirs, alloc_dirs);
	dirs[nr_dirs++] = xasprintf("%s/", top);
	for (i = 0; i < es->nr; i++) {
		const char *p = es->items[i].name, *slash;
		for (slash = strchr(p, '/'); slash; slash = strchr(slash + 1, '/')) {
			char *d = xasprintf("%s/%.*s/", top, (int)(slash - p), p);
			size_t k;
			int seen = 0;
			for (k = nr_dirs; k > 0 && !seen; k--)
				seen = !strcmp(dirs[k - 1], d);
			if (seen) {
				free(d);
				continue;
			}
			ALLOC_GROW(dirs, nr_dirs, alloc_dirs);
			dirs[nr_dirs++] = d;
		}
	}
	qsort(dirs, nr_dirs, sizeof(*dirs), strcmp_ptr);
	for (i = 0; i <= es->nr; i++) {
		struct entry *e = i < es->nr ? &es->items[i] : NULL;
		strbuf_reset(&name);
		if (e)
			strbuf_addf(&name, "%s/%s", top, e->name);
		/* folders that sort before this entry go first */
		while (di < nr_dirs && (!e || strcmp(dirs[di], name.buf) < 0)) {
			size_t dl = strlen(dirs[di]);
			char *d = xstrndup(dirs[di], dl - 1);
			int rc = zipw_add_dir(zw, d);
			free(d);
			di++;
			if (rc < 0)
				goto fail;
		}
		if (!e)
			break;
		if (e->kind == ENTRY_BUFFER) {
			if (zipw_add_buffer(zw, name.buf, e->data.buf ? e->data.buf : "", e->data.len,
					    zipw_method_for(e->name)) < 0)
				goto fail;
		} else if (e->kind == ENTRY_FILE) {
			if (zipw_add_file(zw, name.buf, e->dirfd, e->relpath, e->shown, e->size,
					  e->sha256, zipw_method_for(e->name)) < 0)
				goto fail;
		} else if (e->kind == ENTRY_WORKSPACE) {
			if (zipw_add_opened(zw, name.buf, open_inventoried, (void *)e->ws, e->relpath,
					    e->shown, e->size, e->sha256, zipw_method_for(e->name)) < 0)
				goto fail;
		} else {
			int fd = dup(e->dirfd);
			if (fd < 0) {
				error("cannot duplicate a descriptor: %s", strerror(errno));
				goto fail;
			}
			if (zipw_add_file(zw, name.buf, fd, NULL, e->shown, e->size, e->sha256,
					  zipw_method_for(e->name)) < 0)
				goto fail;
		}
	}
	ret = zipw_close(zw);
	zw = NULL;
fail:
	if (zw)
		zipw_discard(zw);
	for (i = 0; i < nr_dirs; i++)
		free(dirs[i]);
	free(dirs);
	strbuf_release(&name);
	return ret;
}

static char *join(const char *dir, const char *name)
{
	size_t n = strlen(dir);
	return n && dir[n - 1] == '/' ? xasprintf("%s%s", dir, name)
				      : xasprintf("%s/%s", dir, name);
}

/* The payload: reports, database, questionnaire, assessment, evidence. */
static int collect_payload(const struct options *opt, const struct assess_run *run,
			   const struct package_scan *scan, int outfd, struct entries *es)
{
	const struct report_def *r;
	const struct workspace *ws = &run->workspace;
	char *copy, *name, *shown;
	size_t i;
	int ret;

	shown = join(opt->out, "results.sqlite");
	ret = add_hashed_file(es, "data/results.sqlite", outfd, "results.sqlite", shown, 1);
	free(shown);
	if (ret < 0)
		return -1;
	for (r = report_registry(); r->format; r++) {
		if (!options_wants_format(opt, r->format))
			continue;
		name = xasprintf("data/%s", r->filename);
		shown = join(opt->out, r->filename);
		if (strcmp(r->format, "html") == 0 && run->package_html_fd > 0)
			/* index.html with the package's evidence links */
			ret = add_memory_file(es, name, run->package_html_fd, shown);
		else
			ret = add_hashed_file(es, name, outfd, r->filename, shown, 1);
		free(name);
		free(shown);
		if (ret < 0)
			return -1;
	}
	copy = xstrdup(run->questionnaire.path);
	name = xasprintf("data/questionnaire/%s", basename(copy));
	if (run->questionnaire.builtin) {
		/* The copy built into ftrkit: no file to read. */
		struct strbuf sb = STRBUF_INIT;
		strbuf_add(&sb, run->questionnaire.builtin, run->questionnaire.builtin_len);
		add_buffer(es, name, &sb);
		strbuf_release(&sb);
		ret = 0;
	} else {
		ret = add_hashed_file(es, name, AT_FDCWD, run->questionnaire.path,
				      run->questionnaire.path, 0);
	}
	free(name);
	free(copy);
	if (ret < 0)
		return -1;
	/* issue 19: the tailoring file (-t), so verify re-derives with it */
	if (run->loaded_tailoring) {
		name = xasprintf("data/tailoring/%s", run->tailoring.name);
		ret = add_hashed_file(es, name, AT_FDCWD, opt->tailoring, opt->tailoring, 0);
		free(name);
		if (ret < 0)
			return -1;
	}

	for (i = 0; i < ws->nr_files; i++) {
		const struct evidence_file *f = &ws->files[i];
		const struct redacted_file *red = find_redacted(scan, f->path);
		struct entry *e;

		name = payload_name(run, f->path);
		e = entry_new(es, name, red ? ENTRY_FD : ENTRY_WORKSPACE);
		free(name);
		e->shown = workspace_display_path(ws, f->path);
		if (red) {
			e->dirfd = red->fd;
			e->size = red->size;
			memcpy(e->sha256, red->sha256, sizeof(e->sha256));
		} else {
			e->ws = ws;
			e->relpath = xstrdup(f->path);
			e->size = f->size;
			memcpy(e->sha256, f->sha256, sizeof(e->sha256));
		}
	}
	if (scan->nr_redacted) {
		struct strbuf sb = STRBUF_INIT;
		strbuf_addstr(&sb,
			"# ftrkit redaction record\n"
			"# Secrets found in these evidence files were replaced by [REDACTED:RULE]\n"
			"# in the packaged copy; the originals never left the workspace.\n"
			"# Each line: SHA-256 of the original  lines=changed lines  packaged path\n");
		for (i = 0; i < scan->nr_redacted; i++) {
			const struct redacted_file *red = &scan->redacted[i];
			char *path = payload_name(run, red->path);
			strbuf_addf(&sb, "%s  lines=%s  ", red->orig_sha256, red->lines);
			bag_path_encode(&sb, path);
			strbuf_addch(&sb, '\n');
			free(path);
		}
		add_buffer(es, PACKAGE_REDACTIONS_FILE, &sb);
		strbuf_release(&sb);
	}
	return 0;
}

/*
 * Test-only hook, never set in normal use: when FTRKIT_TEST_PAUSE_BEFORE_PACK
 * names a FIFO, open it for reading and read to end-of-file before the
 * evidence is packed.  The test opening the FIFO's write end thereby knows
 * the inventory is done, swaps a file, and closes it to let bundle go on:
 * a deterministic window between inventory and packing.
 */
static void test_pause_before_pack(void)
{
	const char *fifo = getenv("FTRKIT_TEST_PAUSE_BEFORE_PACK");
	char buf[64];
	int fd;

	if (!fifo || !*fifo)
		return;
	fd = open(fifo, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	while (read(fd, buf, sizeof(buf)) > 0)
		;
	close(fd);
}

int package_write(const struct options *opt, const struct assess_run *run,
		  const struct package_scan *scan, const struct sign_key *key, char **path)
{
	struct entries es = { NULL, 0, 0 };
	struct strbuf sb = STRBUF_INIT, manifest = STRBUF_INIT, tagmanifest = STRBUF_INIT;
	char *top = package_name(run), *zipname = xasprintf("%s.zip", top);
	char *final = join(opt->out, zipname);
	struct atomic_file af;
	char fpr[65] = "";
	uint64_t octets = 0;
	size_t i, nr_payload;
	uint16_t dd, dt;
	int outfd = -1, begun = 0, ret = -1;

	*path = NULL;
	if (key)
		sign_fingerprint(key, fpr);
	outfd = open(opt->out, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (outfd < 0) {
		error_at(opt->out, 0, "cannot open output folder: %s", strerror(errno));
		goto out;
	}
	if (collect_payload(opt, run, scan, outfd, &es) < 0)
		goto out;
	qsort(es.items, es.nr, sizeof(*es.items), cmp_entry);
	nr_payload = es.nr;
	for (i = 0; i < nr_payload; i++) {
		bag_manifest_add(&manifest, es.items[i].sha256, es.items[i].name);
		octets += es.items[i].size;
	}

	/* Tag files. */
	strbuf_addstr(&sb, BAGIT_TXT);
	add_buffer(&es, "bagit.txt", &sb);
	strbuf_reset(&sb);
	bag_info_add(&sb, "Source-Organization",
		     run->assessment.organisation && *run->assessment.organisation
		     ? run->assessment.organisation : run->assessment.product);
	bag_info_add(&sb, "Bagging-Date", run->as_of);
	bag_info_add(&sb, "External-Identifier", top);
	{
		char *desc = xasprintf("AWS Foundational Technical Review, disaster recovery: "
				       "self-assessment of %s%s%s as of %s",
				       run->assessment.product,
				       run->assessment.product_version ? " " : "",
				       run->assessment.product_version ? run->assessment.product_version : "",
				       run->as_of);
		bag_info_add(&sb, "External-Description", desc);
		free(desc);
	}
	{
		char *oxum = xasprintf("%llu.%zu", (unsigned long long)octets, nr_payload);
		bag_info_add(&sb, "Payload-Oxum", oxum);
		free(oxum);
	}
	bag_info_add(&sb, "Bag-Software-Agent", "ftrkit " FTRKIT_VERSION);
	{
		char *qv = xasprintf("%s %s", run->questionnaire.id, run->questionnaire.version);
		bag_info_add(&sb, "FTR-Questionnaire", qv);
		free(qv);
	}
	if (*run->questionnaire.sha256)
		bag_info_add(&sb, "FTR-Questionnaire-SHA256", run->questionnaire.sha256);
	bag_info_add(&sb, "FTR-Questionnaire-Provenance",
		     provenance_name(catalog_provenance(run->questionnaire.id,
							run->questionnaire.version,
							run->questionnaire.sha256)));
	bag_info_add(&sb, "FTR-Overall-Verdict", verdict_name(run->results.overall));
	if (run->loaded_tailoring) { /* issue 19 */
		char *tl = xasprintf("data/tailoring/%s sha256 %s by %s", run->tailoring.name,
				     run->tailoring.sha256, run->tailoring.by);
		bag_info_add(&sb, "FTR-Tailoring", tl);
		free(tl);
	}
	if (key)
		bag_info_add(&sb, "FTR-Signer-Fingerprint", fpr);
	add_buffer(&es, "bag-info.txt", &sb);
	add_buffer(&es, "manifest-sha256.txt", &manifest);
	strbuf_reset(&sb);
	write_verify_txt(&sb, top, key != NULL, strpbrk(manifest.buf ? manifest.buf : "", "%") != NULL);
	add_buffer(&es, "VERIFY.txt", &sb);
	if (key) {
		strbuf_reset(&sb);
		sign_public_pem(key, &sb);
		add_buffer(&es, PACKAGE_PUBKEY_FILE, &sb);
	}
	/* The tag manifest: every tag file so far, in name order. */
	qsort(es.items + nr_payload, es.nr - nr_payload, sizeof(*es.items), cmp_entry);
	for (i = nr_payload; i < es.nr; i++)
		bag_manifest_add(&tagmanifest, es.items[i].sha256, es.items[i].name);
	add_buffer(&es, "tagmanifest-sha256.txt", &tagmanifest);
	if (key) {
		unsigned char sig[SIGN_SIG_LEN];
		if (sign_message(key, tagmanifest.buf, tagmanifest.len, sig) < 0)
			goto out;
		strbuf_reset(&sb);
		strbuf_add(&sb, sig, sizeof(sig));
		add_buffer(&es, PACKAGE_SIG_FILE, &sb);
	}
	qsort(es.items, es.nr, sizeof(*es.items), cmp_entry);

	/* Write beside the target; atomic_commit flushes, sets the mode and renames. */
	atomic_clean_stale(final);
	if (atomic_begin(&af, final, 0644) < 0)
		goto out;
	begun = 1;
	close(af.fd); /* libzip writes the temporary file by name */
	af.fd = -1;
	test_pause_before_pack();
	zipw_dos_datetime(package_epoch(opt), &dd, &dt);
	if (write_zip(af.tmp_path, top, &es, dd, dt) < 0)
		goto out;
	begun = 0;
	if (atomic_commit(&af) < 0)
		goto out;
	*path = final;
	final = NULL;
	ret = 0;
out:
	if (begun)
		atomic_abort(&af);
	if (outfd >= 0)
		close(outfd);
	entries_free(&es);
	strbuf_release(&sb);
	strbuf_release(&manifest);
	strbuf_release(&tagmanifest);
	free(top);
	free(zipname);
	free(final);
	return ret;
}
