/*
 * package.h - the review package: a zipped BagIt bag of the reports, the
 * results database, the questionnaire, the assessment and the evidence.
 *
 * Two steps, so that nothing is written when a secret is found:
 * package_scan() reports the secrets the inventory found as it hashed
 * (assess.h, opt->scan_secrets), scanning any file it did not, and, with --redact, makes redacted copies in memory
 * files (memfd, never on disk); package_write() then lays out the bag and
 * writes the zip beside its final path, fsyncs it and renames it into
 * place.  Layout and file names are documented in package.c and README.md.
 */
#ifndef FTRKIT_PACKAGE_H
#define FTRKIT_PACKAGE_H

#include <stdint.h>

#include "run/assess.h"
#include "run/options.h"
#include "evidence/secrets.h"

#define PACKAGE_SIG_FILE "tagmanifest-sha256.txt.sig"
#define PACKAGE_PUBKEY_FILE "signer-public-key.pem"
#define PACKAGE_REDACTIONS_FILE "data/redactions.txt"

struct redacted_file {
	char *path;         /* workspace-relative */
	char orig_sha256[65];
	char *lines;        /* "3,7" */
	int fd;             /* memfd with the redacted copy */
	uint64_t size;
	char sha256[65];    /* of the redacted copy */
};

struct package_scan {
	const struct secret_rules *rules; /* the run's, or own_rules */
	struct secret_rules own_rules;
	struct redacted_file *redacted; /* sorted by path */
	size_t nr_redacted, alloc_redacted;
	size_t nr_hits;
};

/*
 * Scan every evidence file of run's workspace for secrets; a file the
 * inventory already scanned (inventory_scan_of) is not read again
 * unless it has hits and opt->redact asks for its redacted copy.  Rules come from
 * secret-patterns.txt beside the questionnaire (else ./questionnaires/,
 * else the installed data folder) plus every questionnaire default named
 * "secret-pattern-NAME" (a value rule).  Each hit is reported as
 * "ftrkit: FILE:LINE: possible secret (RULE)".  Returns 0 when clean or
 * when every hit was redacted (opt->redact), -1 after reporting hits
 * without --redact or an error.  Free with package_scan_free() either way.
 */
int package_scan(const struct options *opt, const struct assess_run *run,
		 struct package_scan *scan);
void package_scan_free(struct package_scan *scan);

/*
 * Before anything is written: refuse (exit 2) a workspace or questionnaire
 * whose package verify would refuse -- a file name that fails
 * entry_name_problem() (entryname.h; the message names the file, its
 * control characters and invalid bytes written \xHH), more evidence bytes
 * than verify's PKG_MAX_TOTAL budget leaves room for, or more entries than
 * PKG_MAX_ENTRIES.  0, or -1 after reporting the first problem.
 */
int package_check_inputs(const struct options *opt, const struct assess_run *run);

/*
 * One bundle at a time per output folder: create out (mkdir -p) and take
 * an exclusive flock(2) on the folder itself -- no lock file is left
 * behind, and the kernel drops the lock when the process ends however it
 * ends.  Returns the locked descriptor (close it to release), or -1 after
 * reporting "another bundle is writing to OUT" (exit 2) without touching
 * anything in the folder.
 */
int package_lock_out(const char *out);

struct sign_key;

/*
 * Write OUT/<product>-ftr-review-<as-of>.zip from the reports in opt->out
 * (already written by assess_write_reports) and the scanned workspace,
 * signed with key (borrowed) unless it is NULL.
 * *path gets the final path (caller frees).  0, or -1 after reporting with
 * nothing at the final path changed.
 */
int package_write(const struct options *opt, const struct assess_run *run,
		  const struct package_scan *scan, const struct sign_key *key, char **path);

/* "<product>-ftr-review-<as-of>" with the product name made file-safe;
 * caller frees. */
char *package_name(const struct assess_run *run);

#endif
