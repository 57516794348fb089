/*
 * summary.c - what `ftrkit assess` prints.
 *
 * Widths are computed in terminal columns, not bytes, so Japanese titles
 * and reasons stay aligned.  Reasons are cut to fit 100 columns; --verbose
 * prints every finding with its file and line below its control.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/summary.h"
#include "base/error.h"
#include "base/messages.h"
#include "base/textwidth.h"
#include "base/quote.h"
#include "base/banned.h"

#define REASON_COLUMNS 72

/* Print s cut to at most columns (with "…" when cut). */
static void print_cut(FILE *out, const char *s, size_t columns)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t w = 0;
	if (display_width(s) <= columns) {
		fputs(s, out);
		return;
	}
	while (*p) {
		unsigned cp;
		size_t n = utf8_decode_one(p, &cp);
		unsigned cw = codepoint_width(cp);
		if (w + cw > columns - 1)
			break;
		fwrite(p, 1, n, out);
		w += cw;
		p += n;
	}
	fputs("…", out);
}

/*
 * One finding for -v: its message and file come from the inputs (file
 * names, JSON keys, FIS tags, log excerpts), so control characters are
 * escaped (quote.h) before they reach the terminal.
 */
static void print_finding(FILE *out, const struct finding *f, const char *lang)
{
	char *message = quote_controls(f->message ? f->message : "");
	fprintf(out, "    [%s] %s", verdict_label(f->status, lang), message);
	free(message);
	if (f->file) {
		char *file = quote_controls(f->file);
		if (f->line > 0)
			fprintf(out, " (%s:%ld)", file, f->line);
		else
			fprintf(out, " (%s)", file);
		free(file);
	}
	fputc('\n', out);
}

static void pad(FILE *out, size_t used, size_t width)
{
	while (used++ < width)
		fputc(' ', out);
}

static const char *colour_of(enum verdict v)
{
	switch (v) {
	case VERDICT_MET: return "\033[32m";
	case VERDICT_NOT_MET: return "\033[31m";
	case VERDICT_MANUAL: return "\033[33m";
	case VERDICT_WAIVED: return "\033[36m";
	default: return "\033[2m";
	}
}

void summary_print(FILE *out, const struct options *opt, const struct assess_run *run)
{
	const struct run_result *r = &run->results;
	int colour = !opt->no_color && isatty(fileno(out));
	const char *h_control = msg(M_SUMMARY_CONTROL, run->lang);
	const char *h_verdict = msg(M_SUMMARY_VERDICT, run->lang);
	size_t i, j, k, id_w = display_width(h_control), verdict_w = display_width(h_verdict);

	for (i = 0; i < r->nr_controls; i++) {
		size_t w = display_width(r->controls[i].id);
		if (w > id_w)
			id_w = w;
	}
	for (i = 0; i < VERDICT__COUNT; i++) {
		size_t w = display_width(verdict_label((enum verdict)i, run->lang));
		if (w > verdict_w)
			verdict_w = w;
	}
	{
		char *header = xasprintf(msg(M_SUMMARY_HEADER, run->lang), run->assessment.product,
					 run->assessment.product_version ?
					 run->assessment.product_version : "",
					 run->questionnaire.id, run->questionnaire.version, run->as_of);
		size_t n = strlen(header);
		char *shown;
		if (n && header[n - 1] == '\n')
			header[n - 1] = '\0'; /* the format's own newline */
		shown = quote_controls(header);
		fprintf(out, "%s\n", shown);
		free(shown);
		free(header);
	}
	/* headings are as wide as their column's widest cell, in columns */
	fputs(h_control, out);
	pad(out, display_width(h_control), id_w + 2);
	fputs(h_verdict, out);
	pad(out, display_width(h_verdict), verdict_w + 2);
	fputs(msg(M_SUMMARY_REASON, run->lang), out);
	fputc('\n', out);
	for (i = 0; i < r->nr_controls; i++) {
		const struct control_result *c = &r->controls[i];
		const char *label = verdict_label(c->verdict, run->lang);
		fputs(c->id, out);
		pad(out, display_width(c->id), id_w + 2);
		if (colour)
			fputs(colour_of(c->verdict), out);
		fputs(label, out);
		if (colour)
			fputs("\033[0m", out);
		pad(out, display_width(label), verdict_w + 2);
		{
			char *reason = quote_controls(c->reason ? c->reason : "");
			print_cut(out, reason, REASON_COLUMNS);
			free(reason);
		}
		fputc('\n', out);
		if (!opt->verbose)
			continue;
		for (j = 0; j < c->nr_checks; j++) {
			const struct check_result *cr = &c->checks[j];
			for (k = 0; k < cr->nr_findings; k++) {
				const struct finding *f = &cr->findings[k];
				print_finding(out, f, run->lang);
			}
		}
	}
	fprintf(out, msg(M_SUMMARY_COUNTS, run->lang), r->nr_controls,
		r->count[VERDICT_MET], r->count[VERDICT_NOT_MET],
		r->count[VERDICT_NOT_APPLICABLE], r->count[VERDICT_MANUAL],
		r->count[VERDICT_WAIVED]);
}
