/*
 * options.h - command-line options shared by every command.
 *
 * One parser for all commands (getopt_long); each command then checks its
 * positional arguments.  Strings point into argv (borrowed).
 */
#ifndef FTRKIT_OPTIONS_H
#define FTRKIT_OPTIONS_H

#include <stdint.h>

struct options {
	const char *command;
	const char *questionnaire; /* -q; default questionnaires/ftr-dr.xml */
	const char *workspace;     /* -w; default evidence */
	const char *out;           /* -o; default reports */
	const char *as_of;         /* --as-of YYYY-MM-DD; default today */
	int64_t as_of_day;
	const char *formats;       /* --format LIST; default all */
	const char *lang;          /* --lang en|ja */
	const char *sign_key;      /* bundle --sign KEY */
	const char *pubkey;        /* verify --pubkey FILE */
	const char *fingerprint;   /* verify --fingerprint HEX */
	const char *history;       /* assess, bundle, history: --history FILE */
	const char *tailoring;     /* -t/--tailoring FILE */
	int require_signature;     /* verify --require-signature */
	int redact;                /* bundle --redact */
	int force;                 /* keygen --force is not offered; reserved 0 */
	int quiet, verbose;
	int no_sandbox;
	int no_color;
	int scan_secrets;          /* not an option: bundle sets it so the inventory
				    * scans for secrets as it hashes (assess.h) */
	/* Input limits (--max-file-size, --max-files, --max-line,
	 * --max-xml-depth); options_parse() fills the defaults of
	 * workspace_default_limits and XML_DEFAULT_MAX_DEPTH. */
	uint64_t max_file_size;    /* bytes per evidence file */
	size_t max_files;          /* files in the workspace */
	size_t max_line;           /* bytes per line of a text evidence file */
	unsigned max_xml_depth;    /* element nesting of XML inputs */
	int argc;                  /* positional arguments after options */
	char **argv;
};

/*
 * Parse argv (after the command name).  Returns 0, 1 when --help or
 * --version was handled (exit 0), or -1 after reporting a usage error.
 */
int options_parse(struct options *opt, const char *command, int argc, char **argv);

/* Is fmt ("html", "json", ...) selected by --format?  Without --format every
 * format but the on-request ones (xlsx) is. */
int options_wants_format(const struct options *opt, const char *fmt);

/* Print the usage of command (or of ftrkit when NULL or unknown) to stdout. */
void usage(const char *command);

/* True when the environment asks for no colour: NO_COLOR set and not empty
 * (no-color.org), or TERM=dumb. */
int options_colour_unwanted(void);

#endif
