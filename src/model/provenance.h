/*
 * provenance.h - where a questionnaire comes from: one of the catalogs
 * ftrkit ships (byte for byte), an edited copy under a shipped catalog's id
 * and version ("modified": its rules cannot be trusted to be FTR's), or a
 * catalog with an id and version of its own ("custom").
 *
 * The shipped catalogs' id, version and SHA-256 are computed at build time
 * from the .xml files in questionnaires/ (tools/embed.sh) and compiled in.
 */
#ifndef FTRKIT_PROVENANCE_H
#define FTRKIT_PROVENANCE_H

struct shipped_catalog {
	const char *id, *version, *sha256; /* sha256: 64 lower-case hex */
};

/* Every shipped catalog; ends with a row whose id is NULL. */
extern const struct shipped_catalog shipped_catalogs[];

enum provenance { PROVENANCE_SHIPPED, PROVENANCE_MODIFIED, PROVENANCE_CUSTOM };

/* The provenance of a questionnaire with this id, version and SHA-256. */
enum provenance catalog_provenance(const char *id, const char *version, const char *sha256);

/* "shipped", "modified", "custom". */
const char *provenance_name(enum provenance p);

/*
 * "modified questionnaire: ID VERSION differs from the shipped catalog"
 * when the questionnaire claims a shipped id and version with other bytes,
 * else NULL.  Caller frees.
 */
char *provenance_problem(const char *id, const char *version, const char *sha256);

#endif
