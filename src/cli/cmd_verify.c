/*
 * cmd_verify.c - `ftrkit verify PACKAGE`, for auditors.
 *
 * Steps, one verdict line each: safety (zipcanon.c and zipread.c accept
 * only the zip shape bundle writes, vet every entry and hash it in place),
 * bag (bagit.txt, every payload manifest line, no unlisted payload file,
 * Payload-Oxum), tags (the tag manifest), signature (Ed25519 over the tag
 * manifest; a package naming a signer must carry a valid signature;
 * --pubkey/--fingerprint pin a signer, --require-signature demands one),
 * verdicts (the checks re-run on the bundled questionnaire, assessment and
 * evidence, read from the zip through memory files, compared with
 * results.sqlite and report.json, every report regenerated in memory and
 * compared byte for byte).  Nothing is extracted to disk: the database is
 * deserialized into SQLite's memory.  Every name or path from the package
 * is printed quoted (base/quote.h); the last line of an intact package
 * says what was proven (print_proven()).
 *
 * Exit 0 intact, 1 tampered or verdicts differ, 2 unsafe or unreadable, or
 * a --pubkey/--fingerprint that cannot be used.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include <sys/mman.h>
#include <unistd.h>

#include "run/assess.h"
#include "package/bag.h"
#include "model/calendar.h"
#include "checks/checks.h"
#include "cli/commands.h"
#include "base/error.h"
#include "package/package.h"
#include "package/sign.h"
#include "base/strbuf.h"
#include "package/zipread.h"
#include "package/verify_provenance.h"
#include "reports/reports.h"
#include "base/hash.h"
#include "base/quote.h"
#include "base/banned.h"

#define TAG_LIMIT (1024 * 1024)
#define MANIFEST_LIMIT (64 * 1024 * 1024)
#define XML_LIMIT (32 * 1024 * 1024)
#define DB_LIMIT (256 * 1024 * 1024)
#define MAX_PROBLEMS_SHOWN 20

struct verify {
	struct pkg_reader pr;
	const struct options *opt;
	int failed_step;  /* problems in the current step */
	int tampered;     /* any step failed */
	struct sign_key *want_key; /* --pubkey */
	char want_fpr[65];         /* --fingerprint, normalised; "" when none */
	char signer[65];           /* the verified signer's fingerprint, or "" */
	int pinned;                /* ... and it is the --pubkey/--fingerprint one */
};

static void problem(struct verify *v, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void problem(struct verify *v, const char *fmt, ...)
{
	va_list ap;
	char *text, *shown;
	v->failed_step++;
	v->tampered = 1;
	if (v->failed_step > MAX_PROBLEMS_SHOWN)
		return;
	va_start(ap, fmt);
	text = xvasprintf(fmt, ap);
	va_end(ap);
	/* names and paths come from the package: never raw on the terminal */
	shown = quote_controls(text);
	printf("  - %s\n", shown);
	free(shown);
	free(text);
}

/* Print the step line: ok with the summary, or FAILED with the count. */
static void step_line(struct verify *v, const char *step, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void step_line(struct verify *v, const char *step, const char *fmt, ...)
{
	va_list ap;
	char *text, *shown;
	if (v->failed_step > MAX_PROBLEMS_SHOWN)
		printf("  - ... and %d more\n", v->failed_step - MAX_PROBLEMS_SHOWN);
	va_start(ap, fmt);
	text = xvasprintf(fmt, ap);
	va_end(ap);
	shown = quote_controls(text);
	printf("%-10s %s %s\n", step, v->failed_step ? "FAILED" : "ok    ", shown);
	free(shown);
	free(text);
	fflush(stdout);
	v->failed_step = 0;
}

/* A small tag file; NULL-safe: missing is reported as a problem. */
static int read_tag(struct verify *v, const char *name, size_t limit, struct strbuf *out)
{
	const struct pkg_entry *e = pkg_find(&v->pr, name);
	if (!e || e->is_dir) {
		problem(v, "%s is missing", name);
		strbuf_init(out, 0);
		return -1;
	}
	if (pkg_read(&v->pr, e, limit, out) < 0) {
		problem(v, "%s cannot be read", name);
		return -1;
	}
	return 0;
}

static int is_payload(const char *name)
{
	return strncmp(name, "data/", 5) == 0;
}

/* bagit.txt: must declare a version and UTF-8.  -1 = not a bag at all. */
static int step_bagit(struct verify *v)
{
	struct strbuf sb;
	char *version, *encoding;
	const struct pkg_entry *e = pkg_find(&v->pr, "bagit.txt");
	int ret = 0;

	if (!e || e->is_dir || pkg_read(&v->pr, e, TAG_LIMIT, &sb) < 0) {
		char *shown = pkg_display(&v->pr, "bagit.txt");
		error_at(shown, 0, "missing or unreadable: not a BagIt bag");
		free(shown);
		return -1;
	}
	version = bag_info_get(sb.buf, sb.len, "BagIt-Version");
	encoding = bag_info_get(sb.buf, sb.len, "Tag-File-Character-Encoding");
	if (!version || !encoding) {
		char *shown = pkg_display(&v->pr, "bagit.txt");
		ret = error_at(shown, 0, "no BagIt-Version or Tag-File-Character-Encoding: "
			       "not a BagIt bag");
		free(shown);
	} else if (strcmp(version, "1.0") != 0 && strcmp(version, "0.97") != 0) {
		problem(v, "bagit.txt: BagIt-Version %s (want 1.0)", version);
	} else if (strcasecmp(encoding, "UTF-8") != 0) {
		problem(v, "bagit.txt: Tag-File-Character-Encoding %s (want UTF-8)", encoding);
	}
	free(version);
	free(encoding);
	strbuf_release(&sb);
	return ret;
}

/*
 * Check a manifest against the package: every line's file exists with that
 * hash; every file that should be listed (payload or tag) is.  Returns the
 * number of lines checked.
 */
static size_t check_manifest(struct verify *v, const char *manifest_name, int payload,
			     uint64_t *octets)
{
	struct strbuf sb;
	struct bag_manifest m;
	char *shown;
	size_t i, nr = 0;
	unsigned char *listed;

	*octets = 0;
	if (read_tag(v, manifest_name, MANIFEST_LIMIT, &sb) < 0)
		return 0;
	shown = pkg_display(&v->pr, manifest_name);
	if (bag_manifest_parse(sb.buf, sb.len, shown, &m) < 0) {
		problem(v, "%s is not a valid manifest", manifest_name);
		free(shown);
		strbuf_release(&sb);
		return 0;
	}
	free(shown);
	strbuf_release(&sb);
	listed = xcalloc(v->pr.nr ? v->pr.nr : 1, 1);
	for (i = 0; i < m.nr; i++) {
		const struct bag_manifest_entry *me = &m.entries[i];
		const struct pkg_entry *e = pkg_find(&v->pr, me->path);
		if (payload != is_payload(me->path)) {
			problem(v, "%s line %ld: %s does not belong in this manifest",
				manifest_name, me->line, me->path);
			continue;
		}
		if (!e || e->is_dir) {
			problem(v, "%s: listed in %s but missing", me->path, manifest_name);
			continue;
		}
		if (listed[e - v->pr.entries]) {
			problem(v, "%s: listed twice in %s", me->path, manifest_name);
			continue;
		}
		listed[e - v->pr.entries] = 1;
		if (strcmp(e->sha256, me->sha256) != 0) {
			problem(v, "%s: SHA-256 differs from %s (changed)", me->path, manifest_name);
			continue;
		}
		*octets += e->size;
		nr++;
	}
	for (i = 0; i < v->pr.nr; i++) {
		const struct pkg_entry *e = &v->pr.entries[i];
		if (e->is_dir || listed[i] || payload != is_payload(e->name))
			continue;
		if (!payload && (!strcmp(e->name, PACKAGE_SIG_FILE) ||
				 !strcmp(e->name, "tagmanifest-sha256.txt")))
			continue;
		if (!payload && strncmp(e->name, "tagmanifest-", 12) == 0)
			continue;
		problem(v, "%s: present but not listed in %s (added)", e->name, manifest_name);
	}
	free(listed);
	bag_manifest_free(&m);
	return nr;
}

static void step_bag(struct verify *v)
{
	struct strbuf info;
	uint64_t octets;
	size_t files = check_manifest(v, "manifest-sha256.txt", 1, &octets);
	char *oxum = NULL, *want = xasprintf("%llu.%zu", (unsigned long long)octets, files);

	if (read_tag(v, "bag-info.txt", TAG_LIMIT, &info) == 0) {
		oxum = bag_info_get(info.buf, info.len, "Payload-Oxum");
		if (!oxum)
			problem(v, "bag-info.txt has no Payload-Oxum");
		else if (!v->failed_step && strcmp(oxum, want) != 0)
			problem(v, "Payload-Oxum %s in bag-info.txt, %s in the package", oxum, want);
	}
	strbuf_release(&info);
	step_line(v, "bag", "%zu payload files match manifest-sha256.txt, Payload-Oxum %s",
		  files, oxum ? oxum : "missing");
	free(oxum);
	free(want);
}

static void step_tags(struct verify *v)
{
	uint64_t octets;
	size_t files = check_manifest(v, "tagmanifest-sha256.txt", 0, &octets);
	static const char *const required[] = { "bagit.txt", "bag-info.txt",
						 "manifest-sha256.txt", NULL };
	struct strbuf sb;
	size_t i;

	/* the tag manifest must cover what the signature is meant to cover */
	if (read_tag(v, "tagmanifest-sha256.txt", MANIFEST_LIMIT, &sb) == 0) {
		struct bag_manifest m;
		if (bag_manifest_parse(sb.buf, sb.len, "tagmanifest-sha256.txt", &m) == 0) {
			for (i = 0; required[i]; i++) {
				size_t j;
				int found = 0;
				for (j = 0; j < m.nr; j++)
					found |= !strcmp(m.entries[j].path, required[i]);
				if (!found)
					problem(v, "tagmanifest-sha256.txt does not list %s", required[i]);
			}
			bag_manifest_free(&m);
		}
	}
	strbuf_release(&sb);
	step_line(v, "tags", "%zu tag files match tagmanifest-sha256.txt", files);
}

/*
 * --pubkey and --fingerprint, checked before the package is read: a pin
 * that cannot be used is an input error (exit 2), never "tampered".
 * 0, or -1 after reporting.
 */
static int load_pins(struct verify *v)
{
	if (v->opt->fingerprint && sign_fingerprint_parse(v->opt->fingerprint, v->want_fpr) < 0) {
		char *q = quote_str(v->opt->fingerprint);
		int ret = error("--fingerprint '%s' is not a SHA-256 fingerprint (64 hex digits)", q);
		free(q);
		return ret;
	}
	if (v->opt->pubkey) {
		v->want_key = sign_load_public(v->opt->pubkey); /* reports why, one line */
		if (!v->want_key)
			return -1;
	}
	return 0;
}

/*
 * An unsigned package: tampered when anything in it names a signer (the
 * signature was stripped) or when a signature was required.
 */
static void check_unsigned(struct verify *v)
{
	struct strbuf info;
	const struct pkg_entry *ie = pkg_find(&v->pr, "bag-info.txt");

	if (ie && !ie->is_dir && pkg_read(&v->pr, ie, TAG_LIMIT, &info) == 0) {
		char *recorded = bag_info_get(info.buf, info.len, "FTR-Signer-Fingerprint");
		if (recorded) {
			char *q = quote_str(recorded);
			problem(v, "bag-info.txt names signer SHA256:%s, but %s is missing: the "
				"signature was removed", q, PACKAGE_SIG_FILE);
			free(q);
		}
		free(recorded);
		strbuf_release(&info);
	}
	if (pkg_find(&v->pr, PACKAGE_PUBKEY_FILE))
		problem(v, "%s is present, but %s is missing: the signature was removed",
			PACKAGE_PUBKEY_FILE, PACKAGE_SIG_FILE);
	if (v->want_key || *v->want_fpr)
		problem(v, "the package is not signed, but a signer was required");
	else if (v->opt->require_signature)
		problem(v, "the package is not signed, and --require-signature was given");
	step_line(v, "signature", "none: the package is not signed");
}

static void step_signature(struct verify *v)
{
	const struct pkg_entry *sig = pkg_find(&v->pr, PACKAGE_SIG_FILE);
	struct sign_key *pkg_key = NULL;
	struct strbuf sigdata, pem, tm, info;
	char fpr[65] = "", *recorded = NULL;
	int have_tm = 0, have_info = 0, have_sig = 0, have_pem = 0;

	if (!sig) {
		check_unsigned(v);
		return;
	}
	strbuf_init(&sigdata, 0);
	strbuf_init(&pem, 0);
	strbuf_init(&tm, 0);
	strbuf_init(&info, 0);
	have_sig = pkg_read(&v->pr, sig, 4096, &sigdata) == 0;
	have_pem = read_tag(v, PACKAGE_PUBKEY_FILE, 64 * 1024, &pem) == 0;
	have_tm = read_tag(v, "tagmanifest-sha256.txt", MANIFEST_LIMIT, &tm) == 0;
	have_info = read_tag(v, "bag-info.txt", TAG_LIMIT, &info) == 0;
	if (!have_sig || !have_pem || !have_tm)
		goto out;
	pkg_key = sign_load_public_mem(pem.buf, pem.len, PACKAGE_PUBKEY_FILE);
	if (!pkg_key) {
		problem(v, "%s is not an Ed25519 public key", PACKAGE_PUBKEY_FILE);
		goto out;
	}
	sign_fingerprint(pkg_key, fpr);
	if (!sign_verify(pkg_key, tm.buf, tm.len, (const unsigned char *)sigdata.buf, sigdata.len))
		problem(v, "%s does not verify with %s: the tag manifest was changed or "
			"signed by another key", PACKAGE_SIG_FILE, PACKAGE_PUBKEY_FILE);
	if (have_info) {
		recorded = bag_info_get(info.buf, info.len, "FTR-Signer-Fingerprint");
		if (!recorded || strcmp(recorded, fpr) != 0) {
			char *q = quote_str(recorded ? recorded : "(none)");
			problem(v, "bag-info.txt records signer %s, the package key is %s", q, fpr);
			free(q);
		}
	}
	if (v->want_key) {
		char kf[65];
		sign_fingerprint(v->want_key, kf);
		if (strcmp(kf, fpr) != 0)
			problem(v, "signed by SHA256:%s, not by the --pubkey key SHA256:%s", fpr, kf);
		else if (!sign_verify(v->want_key, tm.buf, tm.len,
				      (const unsigned char *)sigdata.buf, sigdata.len))
			problem(v, "signature does not verify with --pubkey %s", v->opt->pubkey);
	}
	if (*v->want_fpr && strcmp(v->want_fpr, fpr) != 0)
		problem(v, "signed by SHA256:%s, not by the required SHA256:%s", fpr, v->want_fpr);
	if (!v->failed_step) {
		memcpy(v->signer, fpr, sizeof(v->signer));
		v->pinned = v->want_key || *v->want_fpr;
	}
out:
	step_line(v, "signature", "Ed25519, signer SHA256:%s%s", *fpr ? fpr : "unknown",
		  v->failed_step ? "" : v->pinned ? " (the required signer)"
		  : " (compare it with the one the signer gave you)");
	free(recorded);
	sign_key_free(pkg_key);
	strbuf_release(&sigdata);
	strbuf_release(&pem);
	strbuf_release(&tm);
	strbuf_release(&info);
}

/*
 * The last line of an intact package: what was proven, in plain words.
 * Integrity alone proves the files agree with the manifests; only a
 * signature by a key the auditor pinned proves who made the package.
 */
static void print_proven(const struct verify *v)
{
	if (!*v->signer)
		printf("integrity only \u2014 not signed\n");
	else if (v->pinned)
		printf("signed by the pinned key SHA256:%s\n", v->signer);
	else
		printf("signed by SHA256:%s \u2014 not pinned: compare it with the fingerprint "
		       "you were given\n", v->signer);
}

/* ---- verdicts ------------------------------------------------------ */

struct vws_ctx {
	struct pkg_reader *pr;
};

/* The package entry behind a workspace-relative evidence path; caller frees. */
static char *evidence_entry(const char *relpath)
{
	if (!strcmp(relpath, "assessment.xml"))
		return xstrdup("data/assessment.xml");
	return xasprintf("data/evidence/%s", relpath);
}

static int vws_open(void *arg, const char *relpath)
{
	struct vws_ctx *ctx = arg;
	char *name = evidence_entry(relpath);
	const struct pkg_entry *e = pkg_find(ctx->pr, name);
	int fd;

	if (!e) {
		char *shown = pkg_display(ctx->pr, name);
		fd = error_at(shown, 0, "not in the package");
		free(shown);
	} else {
		fd = pkg_memfd(ctx->pr, e);
	}
	free(name);
	return fd;
}

/*
 * The redaction record: original SHA-256 of a packaged path, or NULL; the
 * record's "lines=" list into *lines (caller frees; NULL when none).
 */
static char *redacted_original(const struct strbuf *rec, const char *name, char **lines)
{
	const char *p = rec->buf, *end = rec->buf + rec->len;
	*lines = NULL;
	while (p && p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;
		const char *path = NULL, *list = NULL;
		if (*p != '#' && eol - p > 64 + 2) {
			const char *q = p + 64;
			while (q < eol && *q == ' ')
				q++;
			list = q;
			q = memchr(q, ' ', (size_t)(eol - q));
			if (q && (size_t)(q - list) > 6 && memcmp(list, "lines=", 6) == 0)
				list += 6;
			else
				list = NULL;
			while (q && q < eol && *q == ' ')
				q++;
			path = q;
		}
		if (path && (size_t)(eol - path) == strlen(name) &&
		    memcmp(path, name, (size_t)(eol - path)) == 0) {
			if (list)
				*lines = xstrndup(list, (size_t)(strcspn(list, " ")));
			return xstrndup(p, 64);
		}
		p = nl ? nl + 1 : end;
	}
	return NULL;
}

/* 1 when text holds a "[REDACTED:RULE]" marker (RULE: [A-Za-z0-9_-]+). */
static int has_marker(const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	while ((p = memmem(p, (size_t)(end - p), "[REDACTED:", 10)) != NULL) {
		const char *q = p + 10;
		while (q < end && (isalnum((unsigned char)*q) || *q == '-' || *q == '_'))
			q++;
		if (q > p + 10 && q < end && *q == ']')
			return 1;
		p += 10;
	}
	return 0;
}

/*
 * The record may excuse a packaged file that differs from the assessed one
 * only when it is a redaction: every line the record lists (1-based,
 * ascending) holds a [REDACTED:RULE] marker in the packaged copy.  A
 * forged record naming a changed file without markers excuses nothing.
 * 1 when the redaction holds, else 0 after a problem.
 */
static int redaction_holds(struct verify *v, const struct pkg_entry *e, const char *name,
			   const char *lines)
{
	struct strbuf sb;
	const char *p = lines, *text, *end;
	long want, at = 1, last = 0;
	int ok = 1;

	if (!lines || !*lines) {
		problem(v, "%s: redactions.txt lists it without its changed lines", name);
		return 0;
	}
	if (pkg_read(&v->pr, e, MANIFEST_LIMIT, &sb) < 0) {
		problem(v, "%s: the redacted copy cannot be read", name);
		return 0;
	}
	text = sb.buf;
	end = sb.buf + sb.len;
	while (ok && *p) {
		char *stop;
		const char *eol;
		want = strtol(p, &stop, 10);
		if (stop == p || want <= last || (*stop && *stop != ',')) {
			problem(v, "%s: redactions.txt lines=%s is not an ascending list", name, lines);
			ok = 0;
			break;
		}
		p = *stop ? stop + 1 : stop;
		last = want;
		while (at < want && text < end) {
			const char *nl = memchr(text, '\n', (size_t)(end - text));
			text = nl ? nl + 1 : end;
			at++;
		}
		eol = text < end ? memchr(text, '\n', (size_t)(end - text)) : NULL;
		if (!eol)
			eol = end;
		if (at != want || text >= end || !has_marker(text, (size_t)(eol - text))) {
			problem(v, "%s line %ld: listed in redactions.txt but holds no "
				"[REDACTED:RULE] marker: not a redaction", name, want);
			ok = 0;
		}
	}
	strbuf_release(&sb);
	return ok;
}

static int db_open(struct verify *v, sqlite3 **db, struct strbuf *image)
{
	const struct pkg_entry *e = pkg_find(&v->pr, "data/results.sqlite");
	if (!e || pkg_read(&v->pr, e, DB_LIMIT, image) < 0) {
		problem(v, "data/results.sqlite is missing or unreadable");
		return -1;
	}
	if (sqlite3_open_v2(":memory:", db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
	    sqlite3_deserialize(*db, "main", (unsigned char *)image->buf, (sqlite3_int64)image->len,
				(sqlite3_int64)image->len, SQLITE_DESERIALIZE_READONLY) != SQLITE_OK) {
		problem(v, "data/results.sqlite is not a SQLite database");
		return -1;
	}
	return 0;
}

/*
 * issue 19: a packaged tailoring file (data/tailoring/FILE, at most one)
 * tailors the bundled questionnaire before the checks re-run.  0, or -1
 * after a problem was counted.
 */
static int verify_tailoring(struct verify *v, struct assess_run *run)
{
	const struct pkg_entry *te = NULL;
	struct strbuf txml;
	char *shown;
	size_t i, nr = 0;
	int ret;

	for (i = 0; i < v->pr.nr; i++)
		if (!v->pr.entries[i].is_dir && strncmp(v->pr.entries[i].name, "data/tailoring/", 15) == 0) {
			te = &v->pr.entries[i];
			nr++;
		}
	if (nr == 0)
		return 0;
	if (nr > 1) {
		problem(v, "want at most one tailoring file in data/tailoring/, found %zu", nr);
		return -1;
	}
	if (pkg_read(&v->pr, te, XML_LIMIT, &txml) < 0) {
		problem(v, "%s cannot be read", te->name);
		return -1;
	}
	shown = pkg_display(&v->pr, te->name);
	ret = assess_tailor(run, txml.buf ? txml.buf : "", txml.len, shown);
	free(shown);
	strbuf_release(&txml);
	if (ret < 0)
		problem(v, "the bundled tailoring file does not load");
	return ret;
}

/* SHA-256 of everything in fd from offset 0 into hex; 0 or -1. */
static int hash_fd(int fd, char hex[65])
{
	uint64_t size;
	if (lseek(fd, 0, SEEK_SET) != 0)
		return -1;
	return sha256_fd(fd, hex, &size);
}

/*
 * Every report in the package regenerated in memory (a memory file, never
 * the disk) from the bundled results.sqlite and the re-derived run, and
 * compared byte for byte (by SHA-256) with the packaged copy: an edited
 * index.html, junit.xml, OSCAL file or report.json is tampered, named.
 * Returns the number of reports that matched.
 */
static size_t check_reports(struct verify *v, sqlite3 *db)
{
	const struct report_def *r;
	const struct report_links package_links = { NULL }; /* reports sit in data/ */
	size_t same = 0;

	for (r = report_registry(); r->format; r++) {
		char *name = xasprintf("data/%s", r->filename), hex[65];
		const struct pkg_entry *e = pkg_find(&v->pr, name);
		int fd;

		if (!e || e->is_dir) {
			free(name);
			continue;
		}
		fd = report_render_memory(r, db, &package_links, name);
		if (fd < 0 || hash_fd(fd, hex) < 0)
			problem(v, "%s cannot be regenerated from results.sqlite", name);
		else if (strcmp(hex, e->sha256) != 0)
			problem(v, "%s is not the report results.sqlite and the bundled evidence "
				"give (edited)", name);
		else
			same++;
		if (fd >= 0)
			close(fd);
		free(name);
	}
	return same;
}

static void step_verdicts(struct verify *v)
{
	struct questionnaire q;
	struct assessment a;
	struct workspace ws;
	struct assess_run run;
	struct vws_ctx ctx = { &v->pr };
	struct strbuf qxml, axml, image, json, redactions;
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	const struct pkg_entry *qe = NULL;
	char *as_of = NULL, *lang = NULL, *shown;
	int64_t as_of_day;
	size_t i, j, nr_q = 0, controls = 0, rows, reports = 0;
	int loaded_q = 0, loaded_a = 0, have_ws = 0, have_json = 0;

	memset(&run, 0, sizeof(run));
	strbuf_init(&qxml, 0);
	strbuf_init(&axml, 0);
	strbuf_init(&image, 0);
	strbuf_init(&json, 0);
	strbuf_init(&redactions, 0);
	for (i = 0; i < v->pr.nr; i++) {
		const struct pkg_entry *e = &v->pr.entries[i];
		if (!e->is_dir && strncmp(e->name, "data/questionnaire/", 19) == 0) {
			qe = e;
			nr_q++;
		}
	}
	if (nr_q != 1) {
		problem(v, "want one questionnaire in data/questionnaire/, found %zu", nr_q);
		goto out;
	}
	if (db_open(v, &db, &image) < 0)
		goto out;
	if (sqlite3_prepare_v2(db, "SELECT as_of, lang FROM run", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW) {
		problem(v, "results.sqlite has no run row");
		goto out;
	}
	as_of = xstrdup((const char *)sqlite3_column_text(st, 0) ? (const char *)sqlite3_column_text(st, 0) : "");
	lang = xstrdup((const char *)sqlite3_column_text(st, 1) ? (const char *)sqlite3_column_text(st, 1) : "en");
	sqlite3_finalize(st);
	st = NULL;
	if (date_parse(as_of, &as_of_day) < 0) {
		problem(v, "results.sqlite: as_of '%s' is not a date", as_of);
		goto out;
	}

	if (pkg_read(&v->pr, qe, XML_LIMIT, &qxml) < 0)
		goto unreadable;
	shown = pkg_display(&v->pr, qe->name);
	loaded_q = questionnaire_load_memory(qxml.buf, qxml.len, shown, checks_known, &q) == 0;
	free(shown);
	if (!loaded_q) {
		problem(v, "the bundled questionnaire does not load");
		goto out;
	}
	{
		char *why = verify_questionnaire_provenance(&v->pr, &q);
		if (why)
			problem(v, "%s", why);
		free(why);
	}
	{
		const struct pkg_entry *ae = pkg_find(&v->pr, "data/assessment.xml");
		if (!ae || pkg_read(&v->pr, ae, XML_LIMIT, &axml) < 0)
			goto unreadable;
		shown = pkg_display(&v->pr, "data/assessment.xml");
		loaded_a = assessment_load_memory(axml.buf, axml.len, shown, &a) == 0;
		free(shown);
		if (!loaded_a) {
			problem(v, "the bundled assessment does not load");
			goto out;
		}
		shown = pkg_display(&v->pr, "data/evidence");
		workspace_init_virtual(&ws, shown, vws_open, &ctx);
		free(shown);
		have_ws = 1;
		workspace_add_virtual(&ws, "assessment.xml", ae->size, ae->sha256);
	}
	for (i = 0; i < v->pr.nr; i++) {
		const struct pkg_entry *e = &v->pr.entries[i];
		if (!e->is_dir && strncmp(e->name, "data/evidence/", 14) == 0)
			workspace_add_virtual(&ws, e->name + 14, e->size, e->sha256);
	}
	/* Hand the loaded inputs to the same pipeline assess runs. */
	run.questionnaire = q;
	run.assessment = a;
	run.workspace = ws;
	run.loaded_q = run.loaded_a = run.loaded_ws = 1;
	loaded_q = loaded_a = have_ws = 0;
	if (verify_tailoring(v, &run) < 0)
		goto out;
	run.as_of_day = as_of_day;
	date_format(as_of_day, run.as_of, sizeof(run.as_of));
	run.lang = lang;
	run.assessment_relpath = "assessment.xml";
	if (assess_check(&run) < 0) {
		problem(v, "the checks cannot run on the bundled inputs");
		goto out;
	}

	/* bag-info.txt says the same as the re-derived run */
	{
		struct strbuf info;
		const struct pkg_entry *ie = pkg_find(&v->pr, "bag-info.txt");
		if (ie && pkg_read(&v->pr, ie, TAG_LIMIT, &info) == 0) {
			char *date = bag_info_get(info.buf, info.len, "Bagging-Date");
			char *overall = bag_info_get(info.buf, info.len, "FTR-Overall-Verdict");
			if (!date || strcmp(date, as_of) != 0)
				problem(v, "bag-info.txt Bagging-Date %s, results.sqlite as_of %s",
					date ? date : "(none)", as_of);
			if (!overall || strcmp(overall, verdict_name(run.results.overall)) != 0)
				problem(v, "bag-info.txt says overall %s, the bundled evidence gives %s",
					overall ? overall : "(none)", verdict_name(run.results.overall));
			free(date);
			free(overall);
			strbuf_release(&info);
		}
	}

	/* results.sqlite: control and check verdicts, in questionnaire order */
	if (sqlite3_prepare_v2(db, "SELECT id, verdict FROM controls ORDER BY seq", -1, &st,
			       NULL) != SQLITE_OK) {
		problem(v, "results.sqlite has no controls table");
		goto out;
	}
	for (rows = 0; sqlite3_step(st) == SQLITE_ROW; rows++) {
		const char *id = (const char *)sqlite3_column_text(st, 0);
		const char *verdict = (const char *)sqlite3_column_text(st, 1);
		if (rows >= run.results.nr_controls) {
			problem(v, "results.sqlite has control %s the questionnaire does not", id ? id : "?");
			continue;
		}
		if (!id || !verdict || strcmp(id, run.results.controls[rows].id) != 0 ||
		    strcmp(verdict, verdict_name(run.results.controls[rows].verdict)) != 0)
			problem(v, "%s: results.sqlite says %s, the bundled evidence gives %s",
				run.results.controls[rows].id, verdict ? verdict : "nothing",
				verdict_name(run.results.controls[rows].verdict));
	}
	sqlite3_finalize(st);
	st = NULL;
	if (rows < run.results.nr_controls)
		problem(v, "results.sqlite lacks %zu control(s)", run.results.nr_controls - rows);
	controls = run.results.nr_controls;
	if (sqlite3_prepare_v2(db, "SELECT verdict FROM checks WHERE control_id = ?1 AND name = ?2 "
			       "ORDER BY seq", -1, &st, NULL) != SQLITE_OK) {
		problem(v, "results.sqlite has no checks table");
		goto out;
	}
	for (i = 0; i < run.results.nr_controls; i++)
		for (j = 0; j < run.results.controls[i].nr_checks; j++) {
			const struct check_result *c = &run.results.controls[i].checks[j];
			sqlite3_reset(st);
			sqlite3_bind_text(st, 1, run.results.controls[i].id, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, c->name, -1, SQLITE_STATIC);
			if (sqlite3_step(st) != SQLITE_ROW ||
			    strcmp((const char *)sqlite3_column_text(st, 0), verdict_name(c->verdict)))
				problem(v, "%s check %s: results.sqlite disagrees with the bundled "
					"evidence (%s)", run.results.controls[i].id, c->name,
					verdict_name(c->verdict));
		}
	sqlite3_finalize(st);
	st = NULL;

	/* report.json, when bundled */
	{
		const struct pkg_entry *je = pkg_find(&v->pr, "data/report.json");
		if (je) {
			if (pkg_read(&v->pr, je, MANIFEST_LIMIT, &json) < 0)
				goto unreadable;
			have_json = 1;
			if (sqlite3_prepare_v2(db, "SELECT json_extract(value, '$.id'), "
					       "json_extract(value, '$.verdict') "
					       "FROM json_each(?1, '$.controls')", -1, &st, NULL) != SQLITE_OK) {
				problem(v, "data/report.json: %s", sqlite3_errmsg(db));
				goto out;
			}
			sqlite3_bind_text(st, 1, json.buf, (int)json.len, SQLITE_STATIC);
			rows = 0;
			for (;;) {
				int rc = sqlite3_step(st);
				const char *id, *verdict;
				if (rc != SQLITE_ROW) {
					if (rc != SQLITE_DONE)
						problem(v, "data/report.json is not valid JSON");
					break;
				}
				id = (const char *)sqlite3_column_text(st, 0);
				verdict = (const char *)sqlite3_column_text(st, 1);
				if (rows >= run.results.nr_controls || !id || !verdict ||
				    strcmp(id, run.results.controls[rows].id) ||
				    strcmp(verdict, verdict_name(run.results.controls[rows].verdict)))
					problem(v, "data/report.json: control %s says %s, the bundled "
						"evidence gives %s", id ? id : "?", verdict ? verdict : "?",
						rows < run.results.nr_controls ? verdict_name(run.results.controls[rows].verdict) : "nothing");
				rows++;
			}
			sqlite3_finalize(st);
			st = NULL;
			if (rows != run.results.nr_controls)
				problem(v, "data/report.json has %zu controls, want %zu", rows, run.results.nr_controls);
		}
	}

	/* every assessed evidence file is the one in the package (or its redacted copy) */
	{
		const struct pkg_entry *re = pkg_find(&v->pr, PACKAGE_REDACTIONS_FILE);
		if (re && pkg_read(&v->pr, re, MANIFEST_LIMIT, &redactions) < 0)
			goto unreadable;
	}
	if (sqlite3_prepare_v2(db, "SELECT path, sha256 FROM evidence ORDER BY path", -1, &st,
			       NULL) != SQLITE_OK) {
		problem(v, "results.sqlite has no evidence table");
		goto out;
	}
	for (rows = 0; sqlite3_step(st) == SQLITE_ROW; rows++) {
		const char *path = (const char *)sqlite3_column_text(st, 0);
		const char *sha = (const char *)sqlite3_column_text(st, 1);
		char *name = evidence_entry(path ? path : "");
		const struct pkg_entry *e = pkg_find(&v->pr, name);
		char *lines = NULL, *orig = redacted_original(&redactions, name, &lines);
		if (!e)
			problem(v, "%s: assessed but not in the package", name);
		else if (!sha || strcmp(sha, orig ? orig : e->sha256) != 0)
			problem(v, "%s: not the file that was assessed (SHA-256 differs from "
				"results.sqlite)", name);
		else if (orig)
			redaction_holds(v, e, name, lines);
		free(orig);
		free(lines);
		free(name);
	}
	if (rows != ws.nr_files)
		problem(v, "results.sqlite lists %zu evidence files, the package holds %zu",
			rows, ws.nr_files);
	sqlite3_finalize(st);
	st = NULL;
	reports = check_reports(v, db);
	goto out;
unreadable:
	problem(v, "a bundled input cannot be read");
out:
	if (st)
		sqlite3_finalize(st);
	if (db)
		sqlite3_close(db);
	step_line(v, "verdicts", "%zu controls re-derived from the bundled evidence, compared "
		  "with results.sqlite%s; %zu reports regenerated byte for byte", controls,
		  have_json ? " and report.json" : "", reports);
	assess_free(&run);
	if (have_ws)
		workspace_close(&ws);
	if (loaded_a)
		assessment_free(&a);
	if (loaded_q)
		questionnaire_free(&q);
	free(as_of);
	free(lang);
	strbuf_release(&qxml);
	strbuf_release(&axml);
	strbuf_release(&image);
	strbuf_release(&json);
	strbuf_release(&redactions);
}

/* The safety step's line: the entry count and the (quoted) top folder. */
static void print_safety(const struct verify *v)
{
	char *top = quote_str(v->pr.top);
	printf("%-10s ok     %zu entries in one top folder %s/, read in place\n", "safety",
	       v->pr.nr, top);
	free(top);
}

static int cmp_index(const void *a, const void *b)
{
	uint64_t x = (*(const struct pkg_entry *const *)a)->index;
	uint64_t y = (*(const struct pkg_entry *const *)b)->index;
	return x < y ? -1 : x > y;
}

/*
 * --verbose: every entry verify checked, by its full name in archive order
 * ("  entry NAME", quoted), so an auditor can compare with `unzip -Z1`.
 */
static void list_entries(const struct verify *v)
{
	const struct pkg_entry **order = xcalloc(v->pr.nr ? v->pr.nr : 1, sizeof(*order));
	size_t i;

	for (i = 0; i < v->pr.nr; i++)
		order[i] = &v->pr.entries[i];
	qsort(order, v->pr.nr, sizeof(*order), cmp_index);
	for (i = 0; i < v->pr.nr; i++) {
		const struct pkg_entry *e = order[i];
		char *full = *e->name ? xasprintf("%s/%s%s", v->pr.top, e->name, e->is_dir ? "/" : "")
				      : xasprintf("%s/", v->pr.top);
		char *q = quote_str(full);
		printf("  entry %s\n", q);
		free(q);
		free(full);
	}
	free(order);
}

int cmd_verify(struct options *opt)
{
	struct verify v;
	char *shown = NULL; /* the package's path as given, for the terminal */
	int ret = EXIT_INPUT;

	if (opt->argc != 1) {
		error("verify takes one PACKAGE (a .zip written by ftrkit bundle)");
		return EXIT_INPUT;
	}
	memset(&v, 0, sizeof(v));
	v.opt = opt;
	shown = quote_controls(opt->argv[0]);
	if (load_pins(&v) < 0)
		goto out;
	if (pkg_open(opt->argv[0], &v.pr) < 0 || pkg_hash_all(&v.pr) < 0) {
		printf("%-10s REFUSED %s: unsafe or unreadable, nothing checked further\n",
		       "safety", shown);
		goto out;
	}
	print_safety(&v);
	if (opt->verbose)
		list_entries(&v);
	if (step_bagit(&v) < 0) {
		printf("%-10s REFUSED not a BagIt bag\n", "bag");
		goto out;
	}
	step_bag(&v);
	step_tags(&v);
	step_signature(&v);
	step_verdicts(&v);
	if (v.tampered) {
		printf("TAMPERED: %s fails verification (see above)\n", shown);
		ret = EXIT_FINDINGS;
	} else {
		printf("intact: %s\n", shown);
		print_proven(&v);
		ret = EXIT_ALL_MET;
	}
out:
	sign_key_free(v.want_key);
	pkg_close(&v.pr);
	free(shown);
	return ret;
}
