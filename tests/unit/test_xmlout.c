/*
 * test_xmlout.c - the markup writer: untrusted text is escaped in text and
 * attributes, HTML mode never writes "<x/>" for a non-void element, and a
 * write error (a full disk, simulated with /dev/full) fails the report
 * instead of leaving it half-written unnoticed.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"
#include "base/error.h"
#include "base/xmlload.h"
#include "base/xmlout.h"

/* Write with fn into a temporary file and return its contents (caller frees). */
static char *capture(int html, void (*fn)(struct xo *), int *rc)
{
	char path[] = "/tmp/ftrkit-xo.XXXXXX";
	struct atomic_file af = { NULL, NULL, -1, 0644 };
	struct xo xo;
	char *buf = xcalloc(1, 65536);
	ssize_t n;
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	af.fd = fd;
	af.final_path = path;
	*rc = xo_open(&xo, &af, html, 0);
	fn(&xo);
	if (xo_close(&xo) < 0)
		*rc = -1;
	n = pread(fd, buf, 65535, 0);
	assert_true(n >= 0);
	close(fd);
	unlink(path);
	return buf;
}

static void hostile(struct xo *xo)
{
	xo_start(xo, "p");
	xo_attr(xo, "title", "\"><script>alert(1)</script>");
	xo_text(xo, "<script>alert(1)</script> & more");
	xo_end(xo);
}

static void escapes_text_and_attributes(void **state)
{
	int rc;
	char *out = capture(0, hostile, &rc);
	(void)state;
	assert_int_equal(rc, 0);
	assert_null(strstr(out, "<script>"));
	assert_non_null(strstr(out, "title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""));
	assert_non_null(strstr(out, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"));
	assert_non_null(strstr(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
	free(out);
}

static void empty_elements(struct xo *xo)
{
	xo_start(xo, "html");
	xo_start(xo, "meta");
	xo_attr(xo, "charset", "utf-8");
	xo_end_void(xo);
	xo_elem(xo, "td", NULL);
	xo_elem(xo, "a", "");
	xo_end(xo);
}

static void html_mode_keeps_end_tags(void **state)
{
	int rc;
	char *out = capture(1, empty_elements, &rc);
	(void)state;
	assert_int_equal(rc, 0);
	assert_int_equal(strncmp(out, "<!DOCTYPE html>\n<html>", 22), 0);
	assert_non_null(strstr(out, "<meta charset=\"utf-8\"/>"));
	assert_non_null(strstr(out, "<td></td>"));
	assert_non_null(strstr(out, "<a></a>"));
	assert_null(strstr(out, "<?xml"));
	free(out);
}

static void big(struct xo *xo)
{
	int i;
	xo_start(xo, "root");
	for (i = 0; i < 20000; i++)
		xo_elem(xo, "row", "some text that fills the output buffer");
	xo_end(xo);
}

static void full_disk_fails_the_report(void **state)
{
	struct atomic_file af = { "reports/index.html", NULL, -1, 0644 };
	struct xo xo;
	int ret;
	(void)state;
	af.fd = open("/dev/full", O_WRONLY);
	if (af.fd < 0) {
		print_message("machine: /dev/full cannot be opened here\n");
		skip();
	}
	xml_init(); /* libxml2's own messages off, as in the program */
	error_quiet = 1;
	ret = xo_open(&xo, &af, 1, 0);
	big(&xo);
	ret = xo_close(&xo) < 0 ? -1 : ret;
	error_quiet = 0;
	close(af.fd);
	assert_int_equal(ret, -1);
	assert_true(xo.failed != 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(escapes_text_and_attributes),
		cmocka_unit_test(html_mode_keeps_end_tags),
		cmocka_unit_test(full_disk_fails_the_report),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
