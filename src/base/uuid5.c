/*
 * uuid5.c - RFC 9562 version-5 UUIDs: SHA-1 over namespace bytes + name,
 * first 16 bytes, version nibble 5, variant bits 10.
 */
#include <stdio.h>
#include <string.h>

#include <openssl/evp.h>

#include "base/uuid5.h"
#include "base/error.h"
#include "base/banned.h"

const char uuid_namespace_url[UUID_STR_LEN] = "6ba7b811-9dad-11d1-80b4-00c04fd430c8";

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Canonical 8-4-4-4-12 text into 16 bytes; -1 when malformed. */
static int uuid_parse(const char *s, unsigned char bytes[16])
{
	size_t i, b = 0;
	if (strlen(s) != 36)
		return -1;
	for (i = 0; i < 36;) {
		int hi, lo;
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i++] != '-')
				return -1;
			continue;
		}
		hi = hexval((unsigned char)s[i]);
		lo = hexval((unsigned char)s[i + 1]);
		if (hi < 0 || lo < 0)
			return -1;
		bytes[b++] = (unsigned char)(hi << 4 | lo);
		i += 2;
	}
	return 0;
}

int uuid5(const char *ns, const void *name, size_t n, char out[UUID_STR_LEN])
{
	unsigned char nsb[16], md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	EVP_MD_CTX *ctx;
	int ok;

	if (uuid_parse(ns, nsb) < 0)
		return -1;
	ctx = EVP_MD_CTX_new();
	if (!ctx)
		die_oom();
	ok = EVP_DigestInit_ex(ctx, EVP_sha1(), NULL) == 1 &&
	     EVP_DigestUpdate(ctx, nsb, sizeof(nsb)) == 1 &&
	     EVP_DigestUpdate(ctx, name, n) == 1 &&
	     EVP_DigestFinal_ex(ctx, md, &mdlen) == 1 && mdlen >= 16;
	EVP_MD_CTX_free(ctx);
	if (!ok)
		return error("SHA-1 is not available from OpenSSL");
	md[6] = (unsigned char)((md[6] & 0x0F) | 0x50);
	md[8] = (unsigned char)((md[8] & 0x3F) | 0x80);
	snprintf(out, UUID_STR_LEN,
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		 md[0], md[1], md[2], md[3], md[4], md[5], md[6], md[7], md[8], md[9],
		 md[10], md[11], md[12], md[13], md[14], md[15]);
	return 0;
}
