/*
 * sandbox.c - seccomp filter that denies network access (see sandbox.h).
 *
 * Design: an allow-by-default filter with a few targeted SCMP_ACT_ERRNO
 * rules.  Deny-by-default would be tighter but would break with every new
 * libc or library version (and under sanitizers and valgrind); the promise
 * here is "no network", and every network path in Linux goes through one of
 * the calls below.
 */
#include <errno.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "cli/sandbox.h"
#include "base/error.h"
#include "base/banned.h"

/* Calls denied whatever their arguments. */
static const char *const denied_calls[] = {
	"connect", "bind", "listen", "accept", "accept4",
	"sendto", "sendmsg", "sendmmsg", "io_uring_setup",
};

int sandbox_install(void)
{
	scmp_filter_ctx ctx;
	int rc, sys;
	size_t i;

	/* argument 0 (the address family) is not AF_UNIX; spelled out rather
	 * than SCMP_A0() so clang's -Wmissing-field-initializers stays quiet */
	const struct scmp_arg_cmp not_unix = {
		.arg = 0, .op = SCMP_CMP_NE, .datum_a = AF_UNIX, .datum_b = 0,
	};

	ctx = seccomp_init(SCMP_ACT_ALLOW);
	if (!ctx) {
		errno = ENOMEM;
		return -1;
	}
	rc = seccomp_rule_add_array(ctx, SCMP_ACT_ERRNO(SANDBOX_ERRNO), SCMP_SYS(socket), 1,
				    &not_unix);
	if (rc == 0)
		rc = seccomp_rule_add_array(ctx, SCMP_ACT_ERRNO(SANDBOX_ERRNO),
					    SCMP_SYS(socketpair), 1, &not_unix);
	for (i = 0; rc == 0 && i < sizeof(denied_calls) / sizeof(denied_calls[0]); i++) {
		sys = seccomp_syscall_resolve_name(denied_calls[i]);
		if (sys == __NR_SCMP_ERROR)
			continue; /* not on this architecture (e.g. accept on some) */
		rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(SANDBOX_ERRNO), sys, 0);
	}
	if (rc == 0)
		rc = seccomp_load(ctx);
	seccomp_release(ctx);
	if (rc < 0) {
		errno = -rc;
		return -1;
	}
	return 0;
}

static int simulate_failure(void)
{
	const char *v = getenv("FTRKIT_SANDBOX_SIMULATE_FAILURE");
	return v && strcmp(v, "1") == 0;
}

int sandbox_enter(const struct options *opt)
{
	if (opt->no_sandbox) {
		if (opt->verbose)
			warning("--no-sandbox: running without the network sandbox");
		return 0;
	}
	if (simulate_failure())
		errno = ENOSYS;
	else if (sandbox_install() == 0)
		return 0;
	return error("cannot install the network sandbox (seccomp): %s; refusing to run "
		     "(give --no-sandbox to run without it)", strerror(errno));
}

/* One probe: rc is the call's result, saved_errno its errno. 1 when denied as promised. */
static int probe(const char *what, int rc, int saved_errno, int expect_denied)
{
	int denied = rc < 0 && saved_errno == SANDBOX_ERRNO;
	if (rc >= 0)
		close(rc);
	printf("%-28s %s\n", what,
	       rc >= 0 ? "allowed" : denied ? "denied (EACCES)" : strerror(saved_errno));
	return expect_denied ? denied : rc >= 0;
}

int sandbox_selftest(int argc, char **argv)
{
	int no_sandbox = 0, ok = 1, rc, e, i, sv[2];

	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--no-sandbox") == 0)
			no_sandbox = 1;
		else {
			error("--sandbox-selftest: unknown argument '%s'", argv[i]);
			return 2;
		}
	}
	if (!no_sandbox && (simulate_failure() || sandbox_install() < 0)) {
		error("cannot install the network sandbox (seccomp): %s",
		      simulate_failure() ? strerror(ENOSYS) : strerror(errno));
		return 2;
	}
	printf("sandbox: %s\n", no_sandbox ? "not installed (--no-sandbox)" : "installed");
	rc = socket(AF_INET, SOCK_STREAM, 0); e = errno;
	ok &= probe("socket(AF_INET)", rc, e, 1);
	rc = socket(AF_INET6, SOCK_DGRAM, 0); e = errno;
	ok &= probe("socket(AF_INET6)", rc, e, 1);
	rc = socket(AF_NETLINK, SOCK_RAW, 0); e = errno;
	ok &= probe("socket(AF_NETLINK)", rc, e, 1);
	rc = socketpair(AF_INET, SOCK_STREAM, 0, sv); e = errno;
	if (rc == 0) {
		close(sv[1]);
		rc = sv[0];
	}
	/* socketpair(AF_INET) is EOPNOTSUPP without the filter: count only EACCES. */
	ok &= probe("socketpair(AF_INET)", rc, e, 1);
	rc = (int)syscall(SYS_io_uring_setup, 1, NULL); e = errno;
	ok &= probe("io_uring_setup", rc, e, 1);
	rc = socket(AF_UNIX, SOCK_STREAM, 0); e = errno;
	ok &= probe("socket(AF_UNIX)", rc, e, 0);
	printf("sandbox selftest: %s\n", ok ? "network denied" : "NETWORK NOT DENIED");
	return ok ? 0 : 1;
}
