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
	OPT_HISTORY,
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
	{ "history", required_argument, NULL, OPT_HISTORY },
	{ "tailoring", required_argument, NULL, 't' },
	{ "quiet", no_argument, NULL, OPT_QUIET },
	{ "verbose", no_argument, NULL, 'v' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 },
};

static const char *const known_formats[] = { "html", "json", "junit", "oscal", "oscal-json",
					     "xlsx", NULL };

/*
 * Reports written only when --format names them: the workbook to hand in
 * is a deliberate export, so the default reports (and the default review
 * package) stay as they were.
 */
static const char *const on_request_formats[] = { "xlsx", NULL };

/*
 * One entry per command: its synopsis, what it does and its exit codes, and
 * the options it reads (a string of the option lines below, by key).  A new
 * command adds one entry here; usage() prints the general help from the
 * table and `ftrkit CMD --help` prints the entry alone.
 */
struct command_help {
	const char *name;
	const char *args;       /* positional arguments, for the general help */
	const char *synopsis;   /* after "ftrkit NAME" */
	const char *summary;    /* one line or two, the general help's column */
	const char *exits;      /* exit codes */
	const char *options;    /* option keys, space-separated (option_help) */
};

static const struct command_help command_help[] = {
	{ "init", "DIR", "DIR [-q FILE]",
	  "scaffold a workspace (never overwrites)",
	  "exit 0 made, 2 refused",
	  "q" },
	{ "assess", "", "[options]",
	  "check the evidence and write the reports",
	  "exit 0 all met, 1 findings, 2 input error",
	  "q w t o as-of format lang history quiet v no-color limits no-sandbox" },
	{ "bundle", "", "[options] [--sign KEY] [--redact]",
	  "assess, then write the review package (a zipped BagIt bag)",
	  "exit 0 all met, 1 findings, 2 not written",
	  "q w t o as-of format lang sign redact history quiet v no-color limits no-sandbox" },
	{ "verify", "PACKAGE", "[--pubkey FILE | --fingerprint HEX] [--require-signature] PACKAGE",
	  "check a package's safety, integrity, signature and verdicts",
	  "exit 0 intact, 1 tampered or verdicts differ, 2 unreadable",
	  "pubkey fingerprint require-signature quiet v no-color limits no-sandbox" },
	{ "keygen", "[NAME]", "[NAME]",
	  "write an Ed25519 key pair NAME.key (0600) and NAME.pub\n"
	  "(default NAME ftrkit-signing; never overwrites)",
	  "exit 0 written, 2 refused",
	  "" },
	{ "schedule", "", "[options]",
	  "drill calendar and OUT/drills.ics",
	  "exit 0, 1 overdue, 2 input error",
	  "q w o as-of lang quiet no-color no-sandbox" },
	{ "explain", "FILE", "[-q FILE] [-w DIR] [--lang en|ja] FILE",
	  "every line of a drill log that matched, as which event and time,\n"
	  "then its drill records",
	  "exit 0 measured success, 1 not, 2 error",
	  "q w as-of lang no-sandbox" },
	{ "diff", "OLD NEW", "[--format text|json] OLD NEW",
	  "what changed between two packages (.zip) or results.sqlite files:\n"
	  "verdicts, findings, evidence",
	  "exit 0 same, 1 differs, 2 error",
	  "diff-format no-sandbox" },
	{ "import", "WORKBOOK", "WORKBOOK [-w DIR] [-q FILE]",
	  "start or update DIR/assessment.xml from a filled self-assessment\n"
	  "workbook (.xlsx): objectives, statuses, notes",
	  "exit 0 all read, 1 written but cells left out (listed), 2 not written",
	  "q w quiet no-sandbox" },
	{ "history", "", "--history FILE [--format text|json]",
	  "the runs recorded in the history database, one line each",
	  "exit 0, 2 error",
	  "history diff-format no-sandbox" },
};

struct option_help {
	const char *key;
	const char *text;
};

static const struct option_help option_help[] = {
	{ "q", "  -q, --questionnaire FILE  control catalog (default questionnaires/ftr-dr.xml,\n"
	       "                            else the one built into ftrkit)\n" },
	{ "w", "  -w, --workspace DIR       assessment.xml and evidence (default evidence)\n" },
	{ "t", "  -t, --tailoring FILE      select controls and override check parameters\n"
	       "                            (questionnaires/tailoring.xsd) without editing the questionnaire\n" },
	{ "o", "  -o, --out DIR             where reports go (default reports)\n" },
	{ "as-of", "      --as-of YYYY-MM-DD    the date the assessment is made for (default today)\n" },
	{ "format", "      --format LIST         reports to write: html,json,junit,oscal,oscal-json,\n"
		    "                            xlsx (default all but xlsx)\n" },
	{ "diff-format", "      --format text|json    text for people (default), json for scripts\n" },
	{ "lang", "      --lang en|ja          language of the reports (default en)\n" },
	{ "sign", "      --sign KEY            bundle: sign the package with this Ed25519 private key\n" },
	{ "redact", "      --redact              bundle: package secrets found in evidence as redacted copies\n" },
	{ "history", "      --history FILE        append this run to the history database FILE (assess,\n"
		     "                            bundle; the HTML report then shows what changed)\n" },
	{ "pubkey", "      --pubkey FILE         verify: insist on this signer's public key\n" },
	{ "fingerprint", "      --fingerprint HEX     verify: insist on this signer's SHA-256 key fingerprint\n" },
	{ "require-signature", "      --require-signature   verify: an unsigned package fails (exit 1)\n" },
	{ "quiet", "      --quiet               print nothing but errors\n" },
	{ "v", "  -v, --verbose             print every finding\n" },
	{ "no-color", "      --no-color            no colour even on a terminal (also NO_COLOR, TERM=dumb)\n" },
	{ "limits", "      --max-file-size SIZE  largest evidence file, e.g. 512M (default 4G)\n"
		    "      --max-files N         most files in the workspace (default 100000)\n"
		    "      --max-line SIZE       longest line of a text evidence file (default 64K)\n"
		    "      --max-xml-depth N     deepest element nesting in XML inputs (default 256)\n" },
	{ "no-sandbox", "      --no-sandbox          run without the seccomp network sandbox\n" },
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Print the option lines named by keys (space-separated), in table order. */
static void print_options(const char *keys)
{
	size_t i;
	for (i = 0; i < COUNT(option_help); i++) {
		const char *p = keys;
		size_t n = strlen(option_help[i].key);
		while (p && *p) {
			size_t len = strcspn(p, " ");
			if (len == n && strncmp(p, option_help[i].key, n) == 0) {
				fputs(option_help[i].text, stdout);
				break;
			}
			p += len;
			p += strspn(p, " ");
		}
	}
}

/* Print text indented by indent spaces on every line after the first. */
static void print_indented(const char *text, int indent)
{
	for (; *text; text++) {
		putchar(*text);
		if (*text == '\n')
			printf("%*s", indent, "");
	}
}

void usage(const char *command)
{
	size_t i;

	for (i = 0; command && i < COUNT(command_help); i++) {
		const struct command_help *h = &command_help[i];
		if (strcmp(h->name, command) != 0)
			continue;
		printf("usage: ftrkit %s %s\n\n", h->name, h->synopsis);
		print_indented(h->summary, 0);
		printf("; %s.\n\noptions:\n", h->exits);
		print_options(h->options);
		printf("  -h, --help                this help\n");
		return;
	}
	printf("usage: ftrkit COMMAND [options]\n"
	       "\n"
	       "Offline self-assessment of the AWS FTR disaster-recovery controls.\n"
	       "\n"
	       "commands:\n");
	for (i = 0; i < COUNT(command_help); i++) {
		const struct command_help *h = &command_help[i];
		char head[64];
		snprintf(head, sizeof(head), "%s %s", h->name, h->args);
		printf("  %-16s ", head);
		print_indented(h->summary, 19);
		printf(";\n%19s%s\n", "", h->exits);
	}
	printf("\n`ftrkit COMMAND --help` prints one command's usage and options.\n"
	       "\noptions:\n");
	print_options("q w t o as-of format lang sign redact history pubkey fingerprint require-signature quiet v "
		      "no-color limits no-sandbox");
	printf("  -h, --help                this help\n"
	       "      --version             print the version\n"
	       "\n"
	       "environment: NO_COLOR, TERM=dumb (no colour), FTRKIT_THREADS (worker threads),\n"
	       "SOURCE_DATE_EPOCH (bundle time stamps); see man ftrkit.\n");
}

int options_colour_unwanted(void)
{
	const char *no_color = getenv("NO_COLOR"), *term = getenv("TERM");
	return (no_color && *no_color) || (term && strcmp(term, "dumb") == 0);
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
			return error("--format: unknown report '%.*s' (use html,json,junit,oscal,oscal-json,xlsx)",
				     (int)n, p);
		p = end ? end + 1 : p + n;
	}
	return 0;
}

int options_wants_format(const struct options *opt, const char *fmt)
{
	const char *p = opt->formats;
	size_t n = strlen(fmt), i;
	if (!p) {
		for (i = 0; on_request_formats[i]; i++)
			if (strcmp(on_request_formats[i], fmt) == 0)
				return 0;
		return 1;
	}
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
	opt->no_color = options_colour_unwanted();
	opt->max_file_size = workspace_default_limits.max_file_size;
	opt->max_files = workspace_default_limits.max_files;
	opt->max_line = LINE_READER_DEFAULT_MAX;
	opt->max_xml_depth = XML_DEFAULT_MAX_DEPTH;
	optind = 1;
	opterr = 0;
	/* import takes options after its WORKBOOK too (ftrkit import BOOK -w DIR). */
	while ((c = getopt_long(argc, argv,
				strcmp(command, "import") == 0 ? "q:w:o:t:vh" : "+q:w:o:t:vh",
				long_options, NULL)) != -1) {
		switch (c) {
		case 'q': opt->questionnaire = optarg; break;
		case 'w': opt->workspace = optarg; break;
		case 'o': opt->out = optarg; break;
		case 't': opt->tailoring = optarg; break;
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
		case OPT_HISTORY: opt->history = optarg; break;
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
	/* diff and history print text or json; they check --format themselves */
	if (opt->formats && strcmp(command, "diff") != 0 && strcmp(command, "history") != 0 &&
	    check_formats(opt->formats) < 0)
		return -1;
	if (strcmp(opt->lang, "en") != 0 && strcmp(opt->lang, "ja") != 0)
		return error("--lang '%s': use en or ja", opt->lang);
	return 0;
}
