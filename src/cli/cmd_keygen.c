/*
 * cmd_keygen.c - `ftrkit keygen [NAME]`: a new Ed25519 key pair for
 * signing packages, NAME.key (PKCS#8 PEM, mode 0600) and NAME.pub (public
 * key PEM), NAME defaulting to "ftrkit-signing" in the current folder.
 * Never overwrites: when either file exists nothing is written (exit 2).
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli/commands.h"
#include "base/error.h"
#include "package/sign.h"
#include "base/banned.h"

int cmd_keygen(struct options *opt)
{
	const char *name = opt->argc > 0 ? opt->argv[0] : "ftrkit-signing";
	char *priv, *pub;
	char fpr[65];
	int ret = EXIT_INPUT;

	if (opt->argc > 1) {
		error("keygen takes one NAME (got '%s' too)", opt->argv[1]);
		return EXIT_INPUT;
	}
	priv = xasprintf("%s.key", name);
	pub = xasprintf("%s.pub", name);
	if (sign_keygen(priv, pub, fpr) == 0) {
		if (!opt->quiet)
			printf("private key: %s (keep it secret)\npublic key:  %s\n"
			       "fingerprint: SHA256:%s\n", priv, pub, fpr);
		ret = 0;
	}
	free(priv);
	free(pub);
	return ret;
}
