/*
 * fuzz_xlsx.c - xlsx_open_memory() on any bytes, then every row of every
 * sheet (cells looked up by column): a workbook or a refusal, never a
 * crash, leak or hang (zip bombs and huge sheets stop at the limits).
 */
#include "fuzz.h"
#include "evidence/xlsx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct xlsx *x;
	size_t i, n, j;

	fuzz_setup();
	x = xlsx_open_memory(data, size, "fuzz.xlsx", &xlsx_default_limits);
	if (!x)
		return 0;
	n = xlsx_sheet_count(x);
	for (i = 0; i < n; i++) {
		struct xlsx_sheet *s;
		struct xlsx_row row;
		if (!xlsx_sheet_name(x, i))
			abort();
		s = xlsx_sheet_open(x, i);
		if (!s)
			continue;
		while (xlsx_sheet_next(s, &row) == 1)
			for (j = 0; j < row.nr_cells; j++)
				if (xlsx_row_cell(&row, row.cells[j].col) == NULL)
					abort();
		xlsx_sheet_close(s);
	}
	xlsx_close(x);
	return 0;
}
