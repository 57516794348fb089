/*
 * test_sandbox.c - the seccomp filter in-process: before it, an AF_INET
 * socket can be created (so the test can tell); after it, every network
 * path fails with EACCES while AF_UNIX sockets and ordinary I/O still work.
 * Tests run in order; the filter cannot be removed, so it is installed last.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <netinet/in.h>
#include <unistd.h>

#include "unit.h"
#include "base/error.h"
#include "run/options.h"
#include "cli/sandbox.h"

static void test_network_open_before(void **state)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	(void)state;
	assert_true(fd >= 0);
	close(fd);
}

static void test_refusal_when_unavailable(void **state)
{
	struct options opt = { 0 };
	(void)state;
	setenv("FTRKIT_SANDBOX_SIMULATE_FAILURE", "1", 1);
	assert_int_equal(sandbox_enter(&opt), -1);
	opt.no_sandbox = 1;                     /* explicit opt-out runs */
	assert_int_equal(sandbox_enter(&opt), 0);
	unsetenv("FTRKIT_SANDBOX_SIMULATE_FAILURE");
}

static void test_denied_after(void **state)
{
	struct options opt = { 0 };
	struct sockaddr_in sin = { 0 };
	int fd, sv[2];
	(void)state;
	assert_int_equal(sandbox_enter(&opt), 0);
	errno = 0;
	assert_int_equal(socket(AF_INET, SOCK_STREAM, 0), -1);
	assert_int_equal(errno, EACCES);
	assert_int_equal(socket(AF_INET6, SOCK_DGRAM, 0), -1);
	assert_int_equal(errno, EACCES);
	assert_int_equal(socket(AF_NETLINK, SOCK_RAW, 0), -1);
	assert_int_equal(errno, EACCES);
	assert_int_equal(socket(AF_PACKET, SOCK_RAW, 0), -1);
	assert_int_equal(errno, EACCES);
	assert_int_equal(socketpair(AF_INET, SOCK_STREAM, 0, sv), -1);
	assert_int_equal(errno, EACCES);
	assert_int_equal(syscall(SYS_io_uring_setup, 1, NULL), -1);
	assert_int_equal(errno, EACCES);
	/* AF_UNIX still works, but even it cannot connect or send anywhere */
	fd = socket(AF_UNIX, SOCK_STREAM, 0);
	assert_true(fd >= 0);
	sin.sin_family = AF_INET;
	assert_int_equal(connect(fd, (struct sockaddr *)&sin, sizeof(sin)), -1);
	assert_int_equal(errno, EACCES);
	assert_int_equal(sendto(fd, "x", 1, 0, NULL, 0), -1);
	assert_int_equal(errno, EACCES);
	close(fd);
	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	close(sv[0]);
	close(sv[1]);
	/* ordinary files are untouched */
	fd = open("/dev/null", O_RDONLY);
	assert_true(fd >= 0);
	close(fd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_network_open_before),
		cmocka_unit_test(test_refusal_when_unavailable),
		cmocka_unit_test(test_denied_after),
	};
	error_quiet = 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
