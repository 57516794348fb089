/*
 * sandbox.h - the "no network, ever" promise, enforced by the kernel.
 *
 * After argument parsing and before any input is read, main() calls
 * sandbox_enter().  It installs a seccomp filter (libseccomp) that makes
 * every way of reaching a network fail with EACCES (an error, not a kill, so
 * a library that tries gets a clean failure it can report):
 *   socket() and socketpair() of any family but AF_UNIX,
 *   connect, bind, listen, accept, accept4, sendto, sendmsg, sendmmsg
 *   (whatever the socket; ftrkit itself never calls them),
 *   io_uring_setup (io_uring can open and connect sockets without the
 *   syscalls above).
 * The filter allows everything else, sets no_new_privs, and is inherited by
 * every child.  System calls made through a foreign ABI (i386 int 0x80,
 * x32) kill the process (libseccomp's default for a bad architecture), so
 * socketcall() cannot go around it.
 */
#ifndef FTRKIT_SANDBOX_H
#define FTRKIT_SANDBOX_H

#include "run/options.h"

/* Errno every denied call fails with. */
#define SANDBOX_ERRNO EACCES

/*
 * Install the filter.  0 when installed; -1 with errno set when it could
 * not be (no seccomp in the kernel, a container forbidding it, ...).
 * Prints nothing.  Once installed it cannot be removed.
 */
int sandbox_install(void);

/*
 * The start-up step: install the filter unless opt->no_sandbox.  When it
 * cannot be installed, reports why and that ftrkit refuses to run without
 * it, and returns -1 (exit 2).  With --no-sandbox, says so under --verbose.
 *
 * Test hook: when FTRKIT_SANDBOX_SIMULATE_FAILURE is set to 1, installation
 * is treated as failed (errno ENOSYS) without trying, so the refusal path is
 * testable on kernels where seccomp works.  The hook can only make ftrkit
 * refuse to run, never run without the filter.
 */
int sandbox_enter(const struct options *opt);

/*
 * `ftrkit --sandbox-selftest [--no-sandbox]`: a hidden diagnostic that
 * installs the filter (unless --no-sandbox) and then really attempts
 * socket(AF_INET), socket(AF_INET6), socket(AF_NETLINK), socketpair(AF_INET)
 * and io_uring_setup, and one allowed socket(AF_UNIX).  Prints one line per
 * attempt.  Returns 0 when every network attempt failed with SANDBOX_ERRNO
 * and AF_UNIX worked, 1 otherwise (so with --no-sandbox it returns 1: the
 * probe itself is shown to detect an open network), 2 when the filter
 * could not be installed.
 */
int sandbox_selftest(int argc, char **argv);

#endif
