/*
 * summary.c - what `ftrkit assess` prints.
 *
 * Widths are computed in terminal columns, not bytes, so Japanese titles
 * and reasons stay aligned.  Reasons are cut to fit 100 columns; --verbose
 * prints every finding with its file and line below its control.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "summary.h"
#include "error.h"
#include "messages.h"
#include "banned.h"

#define REASON_COLUMNS 72

/* Decode one UTF-8 sequence at s; returns its length (1 on invalid bytes). */
static size_t utf8_decode(const unsigned char *s, unsigned *cp)
{
	if (s[0] < 0x80) { *cp = s[0]; return 1; }
	if ((s[0] & 0xE0) == 0xC0 && (s[1] & 0xC0) == 0x80) {
		*cp = ((s[0] & 0x1Fu) << 6) | (s[1] & 0x3Fu);
		return 2;
	}
	if ((s[0] & 0xF0) == 0xE0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
		*cp = ((s[0] & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
		return 3;
	}
	if ((s[0] & 0xF8) == 0xF0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 &&
	    (s[3] & 0xC0) == 0x80) {
		*cp = ((s[0] & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) |
		      ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
		return 4;
	}
	*cp = 0xFFFD;
	return 1;
}

/* Columns of one code point: East Asian Wide and Fullwidth ranges take 2. */
static unsigned cp_width(unsigned cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return 0;
	if (cp >= 0x300 && cp <= 0x36F)
		return 0; /* combining marks */
	if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
	    (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	    (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
	    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
	    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
	    (cp >= 0x20000 && cp <= 0x3FFFD))
		return 2;
	return 1;
}

size_t display_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t w = 0;
	while (*p) {
		unsigned cp;
		p += utf8_decode(p, &cp);
		w += cp_width(cp);
	}
	return w;
}

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
		size_t n = utf8_decode(p, &cp);
		unsigned cw = cp_width(cp);
		if (w + cw > columns - 1)
			break;
		fwrite(p, 1, n, out);
		w += cw;
		p += n;
	}
	fputs("…", out);
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
	for (i = 0; i <= VERDICT_NOT_MET; i++) {
		size_t w = display_width(verdict_label((enum verdict)i, run->lang));
		if (w > verdict_w)
			verdict_w = w;
	}
	fprintf(out, msg(M_SUMMARY_HEADER, run->lang), run->assessment.product,
		run->assessment.product_version ? run->assessment.product_version : "",
		run->questionnaire.id, run->questionnaire.version, run->as_of);
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
		print_cut(out, c->reason ? c->reason : "", REASON_COLUMNS);
		fputc('\n', out);
		if (!opt->verbose)
			continue;
		for (j = 0; j < c->nr_checks; j++) {
			const struct check_result *cr = &c->checks[j];
			for (k = 0; k < cr->nr_findings; k++) {
				const struct finding *f = &cr->findings[k];
				fprintf(out, "    [%s] %s", verdict_label(f->status, run->lang),
					f->message);
				if (f->file && f->line > 0)
					fprintf(out, " (%s:%ld)", f->file, f->line);
				else if (f->file)
					fprintf(out, " (%s)", f->file);
				fputc('\n', out);
			}
		}
	}
	fprintf(out, msg(M_SUMMARY_COUNTS, run->lang), r->nr_controls,
		r->count[VERDICT_MET], r->count[VERDICT_NOT_MET],
		r->count[VERDICT_NOT_APPLICABLE], r->count[VERDICT_MANUAL]);
}
