/*
 * xlsx.h - read the cells of an Office Open XML workbook (.xlsx), streaming.
 *
 * A workbook is a zip archive of XML parts.  xlsx_open*() opens the archive
 * with libzip (nothing is ever extracted to disk), reads xl/workbook.xml for
 * the sheet names, xl/_rels/workbook.xml.rels for the part each sheet lives
 * in, and xl/sharedStrings.xml (optional) into memory.  A sheet is then read
 * row by row with libxml2's xmlTextReader, so a sheet is never held whole.
 *
 * Hostile workbooks are expected: every part is read with the network off,
 * no DTD loading and no entity substitution, and a DOCTYPE is refused
 * before libxml2 sees it.  Each part's uncompressed size and compression
 * ratio are capped (zip bombs), as are the number of rows, the column
 * number, the length of a cell value and the number of shared strings.
 * Every error is reported once, "ftrkit: NAME: sheet 'S' cell F12: what",
 * and the call fails; the caller turns that into exit 2.
 */
#ifndef FTRKIT_XLSX_H
#define FTRKIT_XLSX_H

#include <stddef.h>
#include <stdint.h>

/* Excel's own grid: 1 048 576 rows, 16 384 columns (A … XFD). */
#define XLSX_MAX_ROW 1048576u
#define XLSX_MAX_COL 16384u
/* "XFD1048576" plus NUL. */
#define XLSX_REF_SIZE 16

struct xlsx_limits {
	uint64_t max_part_size;    /* uncompressed bytes of any one part */
	uint64_t max_total_size;   /* uncompressed bytes read from the whole archive */
	uint32_t max_ratio;        /* uncompressed:compressed of any one part */
	uint32_t max_entries;      /* zip entries in the archive */
	uint32_t max_rows;         /* rows read from one sheet */
	uint32_t max_cols;         /* highest column number (<= XLSX_MAX_COL) */
	size_t max_string;         /* bytes of one cell value or shared string */
	size_t max_shared_strings; /* entries of the shared string table */
};

/* 32 MiB per part, 256 MiB in all, ratio 200:1, 10 000 entries, 100 000
 * rows, column XFD, 32 KiB per value (Excel's cell limit), 1 000 000
 * shared strings. */
extern const struct xlsx_limits xlsx_default_limits;

struct xlsx; /* an open workbook; opaque */

/*
 * Open the workbook read from fd (a regular file, read-only); the workbook
 * takes fd over and closes it, also on failure.  name is used in every
 * message (copied).  limits NULL means the defaults.  Returns the workbook
 * (free with xlsx_close) or NULL after reporting.
 */
struct xlsx *xlsx_open_fd(int fd, const char *name, const struct xlsx_limits *limits);

/* Same from memory: data[0..len) must stay valid until xlsx_close(). */
struct xlsx *xlsx_open_memory(const void *data, size_t len, const char *name,
			      const struct xlsx_limits *limits);

void xlsx_close(struct xlsx *x);

/* Number of sheets, in workbook order, and the name of sheet i (borrowed). */
size_t xlsx_sheet_count(const struct xlsx *x);
const char *xlsx_sheet_name(const struct xlsx *x, size_t i);

/* One non-empty cell: value as UTF-8 (shared and inline strings resolved,
 * numbers as written, booleans TRUE/FALSE, errors like #N/A). */
struct xlsx_cell {
	uint32_t col;               /* 1 = A */
	char ref[XLSX_REF_SIZE];    /* "F12" */
	const char *value;          /* borrowed until the next xlsx_sheet_next() */
	int time;                   /* 1: a number formatted as a time or elapsed
				     * time (h:mm, [h]:mm:ss, ...): value is in days,
				     * 0.003472222 for 0:05 (xlsx_cell_seconds) */
};

/* A row with at least one non-empty cell, cells in column order. */
struct xlsx_row {
	uint32_t number; /* 1-based spreadsheet row number */
	const struct xlsx_cell *cells;
	size_t nr_cells;
};

/*
 * A time-formatted cell (cell->time) as whole seconds, rounded: 0 and
 * *seconds, or -1 when the value is not a finite number of days >= 0.
 */
int xlsx_cell_seconds(const struct xlsx_cell *cell, int64_t *seconds);

/* Index of the sheet called name (exact, as Excel shows it), or -1. */
long xlsx_sheet_find(const struct xlsx *x, const char *name);

struct xlsx_sheet; /* a sheet being read; opaque */

/* Start reading sheet i.  NULL after reporting.  Free with xlsx_sheet_close()
 * before the workbook is closed. */
struct xlsx_sheet *xlsx_sheet_open(struct xlsx *x, size_t i);

/*
 * The next row that holds a value: 1 with *row filled (borrowed until the
 * next call), 0 at the end of the sheet, -1 after reporting an error (the
 * sheet cannot be read further).  Empty rows and empty cells are skipped.
 */
int xlsx_sheet_next(struct xlsx_sheet *s, struct xlsx_row *row);

void xlsx_sheet_close(struct xlsx_sheet *s);

/* The value of column col in row, or NULL when that cell is empty. */
const struct xlsx_cell *xlsx_row_cell(const struct xlsx_row *row, uint32_t col);

/*
 * Parse a cell reference "AB12" into column (1-based) and row; 0, or -1
 * when it is not a reference inside Excel's grid.  Lower-case letters and
 * '$' are not accepted (workbooks never write them in <c r="…">).
 */
int xlsx_ref_parse(const char *ref, uint32_t *col, uint32_t *row);

/* Column letters of col ("A", "AB", "XFD") into out (at least 4 bytes). */
void xlsx_col_name(uint32_t col, char *out, size_t size);

#endif
