/*
 * entryname.c - the package name rule shared by bundle and verify (see
 * entryname.h).  One left-to-right pass: path structure at each '/', and
 * every byte sequence decoded as UTF-8 (safetext.h) so that control
 * characters beyond ASCII (C1) are found too.
 */
#include <stddef.h>
#include <stdint.h>

#include "package/entryname.h"
#include "base/safetext.h"
#include "base/banned.h"

const char *entry_name_problem(const char *name)
{
	const unsigned char *p = (const unsigned char *)name, *comp = p;

	if (!*name)
		return "empty name";
	if (name[0] == '/')
		return "absolute path";
	if (((name[0] >= 'A' && name[0] <= 'Z') || (name[0] >= 'a' && name[0] <= 'z')) &&
	    name[1] == ':')
		return "drive letter";
	for (;;) {
		uint32_t cp;
		size_t n;

		if (*p == '/' || *p == '\0') {
			size_t len = (size_t)(p - comp);
			if (len == 0)
				return "empty path component";
			if (len == 1 && comp[0] == '.')
				return "'.' component";
			if (len == 2 && comp[0] == '.' && comp[1] == '.')
				return "'..' component (zip slip)";
			if (!*p)
				return NULL;
			comp = ++p;
			continue;
		}
		if (*p == '\\')
			return "backslash in name";
		n = utf8_char(p, &cp);
		if (!n)
			return "invalid UTF-8 in name";
		if (is_control_char(cp))
			return "control character in name";
		p += n;
	}
}
