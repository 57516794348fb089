/*
 * svg_chart.c - inline SVG charts (see svg_chart.h).
 *
 * Geometry is integer or one-decimal user units in a fixed viewBox; the
 * page's CSS scales the picture to the column width, so it prints at A4
 * without resampling.  Colours are classes styled by the page, and every
 * colour is doubled by text (value labels, "exceeds", "overdue") for
 * readers who cannot tell them apart and for black-and-white print.
 */
#include <stdio.h>
#include <string.h>

#include "reports/svg_chart.h"
#include "model/calendar.h"
#include "model/duration.h"
#include "base/messages.h"
#include "base/textwidth.h"
#include "base/banned.h"

#define CHART_W 980
#define LABEL_W 300
#define LABEL_COLUMNS 46 /* display columns that fit LABEL_W at 12 px */
#define PLOT_X (LABEL_W + 12)
#define PLOT_W 360
#define ROW_H 28
#define TOP 34
#define BOTTOM 30

static void svg_open(struct xo *xo, int width, int height, const char *title, const char *cls)
{
	xo_start(xo, "svg");
	xo_attrf(xo, "viewBox", "0 0 %d %d", width, height);
	xo_attrf(xo, "width", "%d", width);
	xo_attrf(xo, "height", "%d", height);
	xo_attr(xo, "class", cls);
	xo_attr(xo, "role", "img");
	xo_elem(xo, "title", title);
}

static void line(struct xo *xo, double x1, double y1, double x2, double y2, const char *cls)
{
	xo_start(xo, "line");
	xo_attrf(xo, "x1", "%.1f", x1);
	xo_attrf(xo, "y1", "%.1f", y1);
	xo_attrf(xo, "x2", "%.1f", x2);
	xo_attrf(xo, "y2", "%.1f", y2);
	xo_attr(xo, "class", cls);
	xo_end(xo);
}

static void text(struct xo *xo, double x, double y, const char *anchor, const char *cls,
		 const char *s)
{
	xo_start(xo, "text");
	xo_attrf(xo, "x", "%.1f", x);
	xo_attrf(xo, "y", "%.1f", y);
	if (anchor)
		xo_attr(xo, "text-anchor", anchor);
	xo_attr(xo, "class", cls);
	xo_text(xo, s);
	xo_end(xo);
}

static void rect(struct xo *xo, double x, double y, double w, double h, const char *cls)
{
	xo_start(xo, "rect");
	xo_attrf(xo, "x", "%.1f", x);
	xo_attrf(xo, "y", "%.1f", y);
	xo_attrf(xo, "width", "%.1f", w < 0 ? 0 : w);
	xo_attrf(xo, "height", "%.1f", h);
	xo_attr(xo, "class", cls);
	xo_end(xo);
}

/*
 * Copy s into out (size bytes), cut at a code point boundary so that it
 * takes at most columns display columns, with "…" when cut.
 */
static void cut_label(const char *s, size_t columns, char *out, size_t size)
{
	size_t n = 0, end = 0;
	if (display_width(s) <= columns && strlen(s) < size) {
		snprintf(out, size, "%s", s);
		return;
	}
	/* grow the prefix one code point at a time while it fits */
	while (s[end] && end + 4 < size) {
		size_t next = end + 1;
		while (s[next] && ((unsigned char)s[next] & 0xC0) == 0x80)
			next++;
		memcpy(out, s, next);
		out[next] = '\0';
		if (display_width(out) > columns - 1)
			break;
		end = next;
	}
	n = end;
	memcpy(out + n, "…", sizeof("…")); /* 3 bytes and the NUL; end + 4 < size */
}

/* Row label "date · title", cut to fit the label column. */
static void row_label(struct xo *xo, double y, const char *label, const char *date,
		      const char *cls)
{
	char full[512], cut[512];
	if (date)
		snprintf(full, sizeof(full), "%s · %s", date, label);
	else
		snprintf(full, sizeof(full), "%s", label);
	cut_label(full, LABEL_COLUMNS, cut, sizeof(cut));
	text(xo, LABEL_W, y, "end", cls, cut);
}

void svg_recovery_chart(struct xo *xo, const struct chart_bar *bars, size_t n,
			const char *lang)
{
	double max_share = 1.5, x100;
	int height = TOP + (int)n * ROW_H + BOTTOM, pct;
	size_t i;

	for (i = 0; i < n; i++) {
		if (bars[i].stated_rto_seconds > 0) {
			double share = (double)bars[i].recovery_seconds /
				       (double)bars[i].stated_rto_seconds;
			if (share * 1.1 > max_share)
				max_share = share * 1.1;
		}
	}
	if (max_share > 3.0)
		max_share = 3.0; /* longer bars are cut and say so */
	x100 = PLOT_X + PLOT_W / max_share;

	svg_open(xo, CHART_W, height, msg(M_CHART_TITLE, lang), "chart recovery");
	/* grid every 50 % with labels under the plot */
	for (pct = 0; pct <= (int)(max_share * 100); pct += 50) {
		double x = PLOT_X + PLOT_W * (pct / 100.0) / max_share;
		char label[16];
		snprintf(label, sizeof(label), "%d %%", pct);
		line(xo, x, TOP - 6, x, TOP + (double)n * ROW_H, "grid");
		text(xo, x, TOP + (double)n * ROW_H + 14, "middle", "tick", label);
	}
	text(xo, PLOT_X + PLOT_W / 2.0, TOP + (double)n * ROW_H + 27, "middle", "axis",
	     msg(M_CHART_AXIS, lang));

	for (i = 0; i < n; i++) {
		const struct chart_bar *b = &bars[i];
		double y = TOP + (double)i * ROW_H;
		char measured[48], stated[48], value[160];

		duration_format(b->recovery_seconds, lang, measured, sizeof(measured));
		row_label(xo, y + 17, b->label, b->date, "lbl");
		if (b->stated_rto_seconds <= 0) {
			snprintf(value, sizeof(value), "%s (%s)", measured, msg(M_NO_RTO, lang));
			text(xo, PLOT_X + 4, y + 17, NULL, "val", value);
			continue;
		}
		{
			double share = (double)b->recovery_seconds / (double)b->stated_rto_seconds;
			int over = b->recovery_seconds > b->stated_rto_seconds;
			int cut = share > max_share;
			double w = PLOT_W * (cut ? 1.0 : share / max_share);
			duration_format(b->stated_rto_seconds, lang, stated, sizeof(stated));
			xo_start(xo, "g");
			xo_attr(xo, "class", over ? "drill over" : "drill ok");
			xo_start(xo, "title");
			xo_textf(xo, "%s: %s / RTO %s", b->label, measured, stated);
			xo_end(xo);
			rect(xo, PLOT_X, y + 5, w < 1 ? 1 : w, ROW_H - 10, over ? "bar over" : "bar ok");
			snprintf(value, sizeof(value), "%s / RTO %s%s%s (%.0f %%)%s", measured, stated,
				 over ? " · " : "", over ? msg(M_EXCEEDS, lang) : "",
				 share * 100.0, cut ? " ›" : "");
			text(xo, PLOT_X + PLOT_W + 8, y + 17, NULL, over ? "val over" : "val", value);
			xo_end(xo);
		}
	}
	/* the stated RTO: one dashed line at 100 % over every row */
	line(xo, x100, TOP - 10, x100, TOP + (double)n * ROW_H + 2, "rto");
	text(xo, x100, TOP - 14, "middle", "rto-label", "RTO");
	xo_end(xo);
}

void svg_drill_timeline(struct xo *xo, const struct timeline_row *rows, size_t n,
			int64_t as_of_day, const char *lang)
{
	int64_t first = as_of_day - 365, last = as_of_day + 60, span, d;
	int height = TOP + (int)n * ROW_H + BOTTOM;
	double plot_w = CHART_W - PLOT_X - 110;
	size_t i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < rows[i].nr_drills; j++) {
			if (rows[i].drills[j].day < first)
				first = rows[i].drills[j].day;
			if (rows[i].drills[j].day > last)
				last = rows[i].drills[j].day;
		}
		if (rows[i].next_due > last)
			last = rows[i].next_due;
		if (rows[i].last_success >= 0 && rows[i].last_success < first)
			first = rows[i].last_success;
		if (rows[i].next_due >= 0 && rows[i].next_due < first)
			first = rows[i].next_due;
	}
	/* whole months on both ends, so the month ticks start at the edge */
	{
		int64_t y;
		unsigned m, dd;
		civil_from_days(first, &y, &m, &dd);
		first = days_from_civil(y, m, 1);
		civil_from_days(last, &y, &m, &dd);
		last = days_add_months(days_from_civil(y, m, 1), 1);
	}
	span = last - first;

#define XDAY(day) (PLOT_X + plot_w * (double)((day) - first) / (double)span)

	svg_open(xo, CHART_W, height, msg(M_TIMELINE_TITLE, lang), "chart timeline");
	/* month grid; a label on every quarter's first month */
	for (d = first; d <= last; d = days_add_months(d, 1)) {
		int64_t y;
		unsigned m, dd;
		char label[16];
		civil_from_days(d, &y, &m, &dd);
		line(xo, XDAY(d), TOP - 6, XDAY(d), TOP + (double)n * ROW_H, "grid");
		if ((m - 1) % 3 == 0) {
			snprintf(label, sizeof(label), "%04lld-%02u", (long long)y, m);
			text(xo, XDAY(d), TOP + (double)n * ROW_H + 14, "middle", "tick", label);
		}
	}
	for (i = 0; i < n; i++) {
		const struct timeline_row *r = &rows[i];
		double y = TOP + (double)i * ROW_H, mid = y + ROW_H / 2.0;
		char label[160], due[16];

		xo_start(xo, "g");
		xo_attr(xo, "class", r->overdue ? "scenario overdue" : "scenario");
		snprintf(label, sizeof(label), "%s (%s)", r->label, r->cadence);
		row_label(xo, mid + 4, label, NULL, r->overdue ? "lbl overdue" : "lbl");
		if (r->last_success >= 0 && r->next_due >= 0)
			rect(xo, XDAY(r->last_success), mid - 6, XDAY(r->next_due) - XDAY(r->last_success),
			     12, r->overdue ? "band overdue" : "band");
		line(xo, PLOT_X, mid, PLOT_X + plot_w, mid, "track");
		for (j = 0; j < r->nr_drills; j++) {
			char day[16];
			date_format(r->drills[j].day, day, sizeof(day));
			xo_start(xo, "circle");
			xo_attrf(xo, "cx", "%.1f", XDAY(r->drills[j].day));
			xo_attrf(xo, "cy", "%.1f", mid);
			xo_attr(xo, "r", "5");
			xo_attr(xo, "class", r->drills[j].success ? "dot success" : "dot failure");
			xo_start(xo, "title");
			xo_textf(xo, "%s %s", day, msg(r->drills[j].success ? M_SUCCESS : M_FAILURE, lang));
			xo_end(xo);
			xo_end(xo);
		}
		if (r->next_due >= 0) {
			double x = XDAY(r->next_due);
			date_format(r->next_due, due, sizeof(due));
			if (r->overdue) {
				line(xo, x - 5, mid - 5, x + 5, mid + 5, "due-missed");
				line(xo, x - 5, mid + 5, x + 5, mid - 5, "due-missed");
			} else {
				line(xo, x, mid - 8, x, mid + 8, "due");
			}
		}
		snprintf(label, sizeof(label), "%s", msg(r->overdue ? M_OVERDUE : M_ON_SCHEDULE, lang));
		text(xo, PLOT_X + plot_w + 8, mid + 4, NULL, r->overdue ? "state overdue" : "state", label);
		xo_end(xo);
	}
	{
		char day[16];
		date_format(as_of_day, day, sizeof(day));
		line(xo, XDAY(as_of_day), TOP - 10, XDAY(as_of_day), TOP + (double)n * ROW_H + 2, "asof");
		text(xo, XDAY(as_of_day), TOP - 14, "middle", "asof-label", day);
	}
#undef XDAY
	xo_end(xo);
}
