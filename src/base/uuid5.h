/*
 * uuid5.h - name-based UUIDs (RFC 9562 version 5, SHA-1) through OpenSSL
 * EVP.  The same namespace and name always give the same UUID, so reports
 * that carry UUIDs (OSCAL) are byte-identical across reproducible runs.
 */
#ifndef FTRKIT_UUID5_H
#define FTRKIT_UUID5_H

#include <stddef.h>

#define UUID_STR_LEN 37 /* 36 characters and a NUL */

/* The RFC 9562 URL namespace, 6ba7b811-9dad-11d1-80b4-00c04fd430c8. */
extern const char uuid_namespace_url[UUID_STR_LEN];

/*
 * Write the version-5 UUID of name (n bytes) in the namespace ns (a UUID in
 * canonical lower-case text form) into out as lower-case text.  0, or -1
 * when ns is not a canonical UUID.
 */
int uuid5(const char *ns, const void *name, size_t n, char out[UUID_STR_LEN]);

#endif
