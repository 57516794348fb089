/*
 * options.c - the one option parser (getopt_long) and the usage text.
 */
#include <getopt.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "run/options.h"
#include "model/calendar.h"
#include "evidence/linereader.h"
#include "evidence/workspace.h"
#include "base/xmlload.h"
#include "base/error.h"
#include "base/version.h"
#include "base/banned.h"

enum long_only {
	OPT_AS_OF = 256,
	OPT_FORMAT,
	OPT_QUIET,
	OPT_VERSION,
	OPT_LANG,
	OPT_SIGN,
	OPT_REDACT,
	OPT_PUBKEY,
	OPT_FINGERPRINT,
	OPT_REQUIRE_SIGNATURE,
	OPT_NO_SANDBOX,
	OPT_NO_COLOR,
	OPT_MAX_FILE_SIZE,
	OPT_MAX_FILES,
	OPT_MAX_LINE,
	OPT_MAX_XML_DEPTH,
};

static const struct option long_options[] = {
	{ "questionnaire", required_argument, NULL, 'q' },
	{ "workspace", required_argument, NULL, 'w' },
	{ "out", required_argument, NULL, 'o' },
	{ "as-of", required_argument, NULL, OPT_AS_OF },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "sign", required_argument, NULL, OPT_SIGN },
	{ "redact", no_argument, NULL, OPT_REDACT },
	{ "pubkey", required_argument, NULL, OPT_PUBKEY },
	{ "fingerprint", required_argument, NULL, OPT_FINGERPRINT },
	{ "require-signature", no_argument, NULL, OPT_REQUIRE_SIGNATURE },
	{ "no-sandbox", no_argument, NULL, OPT_NO_SANDBOX },
	{ "no-color", no_argument, NULL, OPT_NO_COLOR },
	{ "max-file-size", required_argument, NULL, OPT_MAX_FILE_SIZE },
	{ "max-files", required_argument, NULL, OPT_MAX_FILES },
	{ "max-line", required_argument, NULL, OPT_MAX_LINE },
	{ "max-xml-depth", required_argument, NULL, OPT_MAX_XML_DEPTH },
	{ "quiet", no_argument, NULL, OPT_QUIET },
	{ "verbose", no_argument, NULL, 'v' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 },
};

static const char *const known_formats[] = { "html", "json", "junit", "oscal", NULL };

void usage(const char *command)
{
	printf("usage: ftrkit COMMAND [options]\n"
	       "\n"
	       "Offline self-assessment of the AWS FTR disaster-recovery controls.\n"
	       "\n"
	       "commands:\n"
	       "  init DIR         scaffold a workspace (never overwrites)\n"
	       "  assess           check the evidence; exit 0 all met, 1 findings, 2 input error\n"
	       "  bundle           assess, then write the review package (a zipped BagIt bag);\n"
	       "                   exit 0 all met, 1 findings, 2 not written\n"
	       "  verify PACKAGE   check a package's safety, integrity, signature and verdicts;\n"
	       "                   exit 0 intact, 1 tampered or verdicts differ, 2 unreadable\n"
	       "  keygen [NAME]    write an Ed25519 key pair NAME.key (0600) and NAME.pub\n"
	       "                   (default NAME ftrkit-signing; never overwrites)\n"
	       "  schedule         drill calendar and OUT/drills.ics; exit 0, 1 overdue, 2 input error\n"
	       "\n"
	       "options:\n"
	       "  -q, --questionnaire FILE  control catalog (default questionnaires/ftr-dr.xml)\n"
	       "  -w, --workspace DIR       assessment.xml and evidence (default evidence)\n"
	       "  -o, --out DIR             where reports go (default reports)\n"
	       "      --as-of YYYY-MM-DD    the date the assessment is made for (default today)\n"
	       "      --format LIST         reports to write: html,json,junit,oscal (default all)\n"
	       "      --lang en|ja          language of the reports (default en)\n"
	       "      --sign KEY            bundle: sign the package with this Ed25519 private key\n"
	       "      --redact              bundle: package secrets found in evidence as redacted copies\n"
	       "      --pubkey FILE         verify: insist on this signer's public key\n"
	       "      --fingerprint HEX     verify: insist on this signer's SHA-256 key fingerprint\n"
	       "      --require-signature   verify: an unsigned package fails (exit 1)\n"
	       "      --quiet               print nothing but errors\n"
	       "  -v, --verbose             print every finding\n"
	       "      --no-color            no colour even on a terminal (also NO_COLOR)\n"
	       "      --max-file-size SIZE  largest evidence file, e.g. 512M (default 4G)\n"
	       "      --max-files N         most files in the workspace (default 100000)\n"
	       "      --max-line SIZE       longest line of a text evidence file (default 64K)\n"
	       "      --max-xml-depth N     deepest element nesting in XML inputs (default 256)\n"
	       "      --no-sandbox          run without the seccomp network sandbox\n"
	       "  -h, --help                this help\n"
	       "      --version             print the version\n");
	(void)command;
}

/* Check every entry of --format against the known list. */
static int check_formats(const char *list)
{
	const char *p = list;
	while (*p) {
		const char *end = strchr(p, ',');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		size_t i;
		int ok = 0;
		for (i = 0; known_formats[i]; i++)
			if (strlen(known_formats[i]) == n && strncmp(known_formats[i], p, n) == 0)
				ok = 1;
		if (!ok)
			return error("--format: unknown report '%.*s' (use html,json,junit,oscal)",
				     (int)n, p);
		p = end ? end + 1 : p + n;
	}
	return 0;
}

int options_wants_format(const struct options *opt, const char *fmt)
{
	const char *p = opt->formats;
	size_t n = strlen(fmt);
	if (!p)
		return 1;
	while (*p) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == n && strncmp(p, fmt, n) == 0)
			return 1;
		p = end ? end + 1 : p + len;
	}
	return 0;
}

/*
 * A positive size or count: digits, optionally followed by K, M or G
 * (binary multiples) when units is set.  0 on success, -1 after reporting
 * "--NAME 'TEXT': ..." naming the option.
 */
static int parse_limit(const char *name, const char *text, int units, uint64_t max,
		       uint64_t *out)
{
	uint64_t v = 0, mult = 1;
	const char *p = text;

	if (!*p)
		return error("--%s: needs a number", name);
	for (; *p >= '0' && *p <= '9'; p++) {
		if (v > (UINT64_MAX - 9) / 10)
			return error("--%s '%s': too large", name, text);
		v = v * 10 + (uint64_t)(*p - '0');
	}
	if (p == text)
		return error("--%s '%s': not a number", name, text);
	if (units && *p && !p[1]) {
		switch (*p) {
		case 'k': case 'K': mult = (uint64_t)1 << 10; p++; break;
		case 'm': case 'M': mult = (uint64_t)1 << 20; p++; break;
		case 'g': case 'G': mult = (uint64_t)1 << 30; p++; break;
		}
	}
	if (*p)
		return error("--%s '%s': not a number%s", name, text,
			     units ? " (digits, optionally K, M or G)" : "");
	if (v == 0)
		return error("--%s '%s': must be at least 1", name, text);
	if (v > max / mult)
		return error("--%s '%s': larger than the most allowed (%llu)", name, text,
			     (unsigned long long)max);
	*out = v * mult;
	return 0;
}

int options_parse(struct options *opt, const char *command, int argc, char **argv)
{
	int c;
	uint64_t limit;

	memset(opt, 0, sizeof(*opt));
	opt->command = command;
	opt->workspace = "evidence";
	opt->out = "reports";
	opt->lang = "en";
	opt->no_color = getenv("NO_COLOR") && *getenv("NO_COLOR");
	opt->max_file_size = workspace_default_limits.max_file_size;
	opt->max_files = workspace_default_limits.max_files;
	opt->max_line = LINE_READER_DEFAULT_MAX;
	opt->max_xml_depth = XML_DEFAULT_MAX_DEPTH;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+q:w:o:vh", long_options, NULL)) != -1) {
		switch (c) {
		case 'q': opt->questionnaire = optarg; break;
		case 'w': opt->workspace = optarg; break;
		case 'o': opt->out = optarg; break;
		case OPT_AS_OF: opt->as_of = optarg; break;
		case OPT_FORMAT: opt->formats = optarg; break;
		case OPT_LANG: opt->lang = optarg; break;
		case OPT_SIGN: opt->sign_key = optarg; break;
		case OPT_REDACT: opt->redact = 1; break;
		case OPT_PUBKEY: opt->pubkey = optarg; break;
		case OPT_FINGERPRINT: opt->fingerprint = optarg; break;
		case OPT_REQUIRE_SIGNATURE: opt->require_signature = 1; break;
		case OPT_NO_SANDBOX: opt->no_sandbox = 1; break;
		case OPT_NO_COLOR: opt->no_color = 1; break;
		case OPT_MAX_FILE_SIZE:
			if (parse_limit("max-file-size", optarg, 1, UINT64_MAX, &limit) < 0)
				return -1;
			opt->max_file_size = limit;
			break;
		case OPT_MAX_FILES:
			if (parse_limit("max-files", optarg, 0, 100000000, &limit) < 0)
				return -1;
			opt->max_files = (size_t)limit;
			break;
		case OPT_MAX_LINE:
			if (parse_limit("max-line", optarg, 1, LINE_READER_MAX_MAX, &limit) < 0)
				return -1;
			opt->max_line = (size_t)limit;
			break;
		case OPT_MAX_XML_DEPTH:
			if (parse_limit("max-xml-depth", optarg, 0, XML_MAX_MAX_DEPTH, &limit) < 0)
				return -1;
			opt->max_xml_depth = (unsigned)limit;
			break;
		case OPT_QUIET: opt->quiet = 1; break;
		case 'v': opt->verbose = 1; break;
		case 'h': usage(command); return 1;
		case OPT_VERSION: printf("ftrkit %s\n", FTRKIT_VERSION); return 1;
		case ':':
			return error("option %s needs a value", argv[optind - 1]);
		default:
			return error("unknown option '%s' (see ftrkit --help)", argv[optind - 1]);
		}
	}
	opt->argc = argc - optind;
	opt->argv = argv + optind;
	if (opt->as_of) {
		if (strlen(opt->as_of) != 10 || date_parse(opt->as_of, &opt->as_of_day) < 0)
			return error("--as-of '%s': not a date (YYYY-MM-DD)", opt->as_of);
	} else {
		opt->as_of_day = date_today();
	}
	if (opt->formats && check_formats(opt->formats) < 0)
		return -1;
	if (strcmp(opt->lang, "en") != 0 && strcmp(opt->lang, "ja") != 0)
		return error("--lang '%s': use en or ja", opt->lang);
	return 0;
}
