/*
 * check_messages.c - the table behind check_messages.h: one row per
 * message id, English and Japanese, built from the header's macros so the
 * formats live in one place.
 */
#include <string.h>

#include "model/check_messages.h"
#include "base/banned.h"

struct cm_row {
	const char *name, *en, *ja;
};

static const struct cm_row table[CM__COUNT] = {
#define CM_TABLE_ROW(name) [CM_##name] = { #name, CM_##name##_EN, CM_##name##_JA },
	CHECK_MESSAGE_IDS(CM_TABLE_ROW)
#undef CM_TABLE_ROW
};

static int is_ja(const char *lang)
{
	return lang && strcmp(lang, "ja") == 0;
}

const char *cm_format(const char *lang, enum cm_id id, const char *en)
{
	if ((unsigned)id >= CM__COUNT)
		return en ? en : "";
	return is_ja(lang) ? table[id].ja : table[id].en;
}

const char *cm_name(enum cm_id id)
{
	return (unsigned)id < CM__COUNT ? table[id].name : "";
}

const char *cm_text(enum cm_id id, const char *lang)
{
	return cm_format(lang, id, NULL);
}
