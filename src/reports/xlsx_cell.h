/*
 * xlsx_cell.h - the text of one cell of the exported workbook.  Excel
 * refuses a cell longer than 32767 characters (counted in UTF-16 code
 * units); a longer text is cut at a character boundary and ends with a
 * marker naming its full length, so nothing is dropped silently.
 */
#ifndef FTRKIT_XLSX_CELL_H
#define FTRKIT_XLSX_CELL_H

#define XLSX_CELL_MAX 32767

/*
 * s under safetext.h's rule for documents (control characters other than
 * tab, LF and CR, and invalid UTF-8, written \xHH), as it is when it fits XLSX_CELL_MAX, else its longest prefix
 * that fits together with "\n[truncated by ftrkit: N characters]" (N the
 * length of s in characters), plus that marker.  Caller frees.
 */
char *xlsx_cell_text(const char *s);

#endif
