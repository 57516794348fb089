/*
 * jsonguard.c - see jsonguard.h for why this exists.
 *
 * One pass: a stack of open containers, and for each open object whether
 * the next token must be a member key.  Inside a string only '\' escapes
 * and the closing quote matter.  Anything else (numbers, literals, colons,
 * malformed text) is left for SQLite's json_valid to judge.
 */
#include "base/jsonguard.h"
#include "base/banned.h"

#define MAX_NESTING 1000

int json_keys_are_strings(const char *text, size_t len)
{
	char open[MAX_NESTING];  /* '{' or '[' per level */
	int want_key[MAX_NESTING];
	size_t depth = 0, i;

	for (i = 0; i < len; i++) {
		char c = text[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
			continue;
		if (depth && open[depth - 1] == '{' && want_key[depth - 1]) {
			if (c == '}') {
				depth--;
				continue;
			}
			if (c != '"')
				return 0;
			want_key[depth - 1] = 0;
		}
		switch (c) {
		case '"':
			for (i++; i < len && text[i] != '"'; i++)
				if (text[i] == '\\')
					i++;
			break;
		case '{':
		case '[':
			if (depth == MAX_NESTING)
				return 0;
			open[depth] = c;
			want_key[depth] = c == '{';
			depth++;
			break;
		case '}':
		case ']':
			if (depth)
				depth--;
			break;
		case ',':
			if (depth && open[depth - 1] == '{')
				want_key[depth - 1] = 1;
			break;
		default:
			break;
		}
	}
	return 1;
}
