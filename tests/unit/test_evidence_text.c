/*
 * test_evidence_text.c - text evidence as hostile input: UTF-8 and NUL
 * checks, the line limit, and files that change, vanish or turn into
 * symlinks between the inventory and the read (workspace_open_file).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"
#include "base/error.h"
#include "evidence/evidence_text.h"
#include "evidence/workspace.h"

static char root[64];

static void put(const char *rel, const void *data, size_t n)
{
	char *p = xasprintf("%s/%s", root, rel);
	FILE *f = fopen(p, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	fclose(f);
	free(p);
}

/* A string literal's bytes, embedded NULs included. */
#define PUT(rel, lit) put(rel, lit, sizeof(lit) - 1)

static int setup(void **state)
{
	(void)state;
	error_quiet = 1;
	snprintf(root, sizeof(root), "/tmp/ftrkit-et.XXXXXX");
	assert_non_null(mkdtemp(root));
	return 0;
}

static int teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", root);
	(void)state;
	assert_int_equal(system(cmd), 0);
	free(cmd);
	return 0;
}

/* Read relpath to the end; returns the last rc (0 or -1) and the line count. */
static int read_all(struct workspace *ws, const char *rel, long *nlines)
{
	struct evidence_text t;
	char *line;
	size_t len;
	int rc;
	*nlines = 0;
	if (evidence_text_open(&t, ws, rel, "log") < 0)
		return -2;
	while ((rc = evidence_text_next(&t, &line, &len)) == 1) {
		assert_int_equal(strlen(line), len);
		(*nlines)++;
	}
	/* after the end, the same answer again */
	assert_int_equal(evidence_text_next(&t, &line, &len), rc);
	evidence_text_close(&t);
	return rc;
}

static void test_utf8(void **state)
{
	size_t bad = 99;
	(void)state;
	assert_true(utf8_text_valid("plain ascii", 11, NULL));
	assert_true(utf8_text_valid("\xE6\x99\x82\xE9\x96\x93 2時間", strlen("\xE6\x99\x82\xE9\x96\x93 2時間"), NULL));
	assert_true(utf8_text_valid("\xF0\x9F\x98\x80", 4, NULL));      /* U+1F600 */
	assert_true(utf8_text_valid("\xF4\x8F\xBF\xBF", 4, NULL));      /* U+10FFFF */
	assert_false(utf8_text_valid("ab\0c", 4, &bad));
	assert_int_equal(bad, 2);
	assert_false(utf8_text_valid("\xC0\xAF", 2, &bad));             /* overlong '/' */
	assert_int_equal(bad, 0);
	assert_false(utf8_text_valid("a\xE0\x80\xAF", 4, &bad));        /* overlong 3-byte */
	assert_int_equal(bad, 1);
	assert_false(utf8_text_valid("\xED\xA0\x80", 3, &bad));         /* surrogate */
	assert_false(utf8_text_valid("\xF4\x90\x80\x80", 4, &bad));     /* > U+10FFFF */
	assert_false(utf8_text_valid("\xF5\x80\x80\x80", 4, &bad));
	assert_false(utf8_text_valid("xy\xE6\x99", 4, &bad));           /* truncated */
	assert_int_equal(bad, 2);
	assert_false(utf8_text_valid("\x80", 1, &bad));                 /* lone continuation */
	assert_false(utf8_text_valid("\xC3\x28", 2, &bad));
	assert_false(utf8_text_valid("\xFF", 1, &bad));
}

static void test_good_text_and_limits(void **state)
{
	struct workspace ws;
	struct workspace_limits lim = workspace_default_limits;
	long n;
	(void)state;
	PUT("a.log", "\xEF\xBB\xBFline one\r\nline two\nlast");
	PUT("long.log", "short\nthis line is longer than twenty\n");
	PUT("nul.log", "ok\nbad\0line\n");
	PUT("bad.log", "ok\n\xC3\x28\n");
	lim.max_line = 20;
	assert_int_equal(workspace_open(root, &lim, &ws), 0);
	assert_int_equal(read_all(&ws, "a.log", &n), 0);
	assert_int_equal(n, 3);
	assert_int_equal(read_all(&ws, "long.log", &n), -1);
	assert_int_equal(n, 1);
	assert_int_equal(read_all(&ws, "nul.log", &n), -1);
	assert_int_equal(n, 1);
	assert_int_equal(read_all(&ws, "bad.log", &n), -1);
	assert_int_equal(read_all(&ws, "missing.log", &n), -2);
	workspace_close(&ws);
}

/*
 * Read rel whole, line by line (block 0) or in block mode (block 1), with
 * every error message caught: the rc, t.lineno at the end, the text read
 * (lines joined by "\n", "\r" before a newline dropped) and the message.
 */
static int read_mode(struct workspace *ws, const char *rel, int block, long *lineno,
		     char *text, size_t text_size, char *msg, size_t msg_size)
{
	struct evidence_text t;
	FILE *err = tmpfile();
	int saved = dup(2), rc;
	size_t n = 0, got;
	char *data;
	size_t len;
	long first;

	assert_non_null(err);
	fflush(stderr);
	dup2(fileno(err), 2);
	error_quiet = 0;
	text[0] = '\0';
	assert_int_equal(evidence_text_open(&t, ws, rel, "log"), 0);
	if (!block) {
		while ((rc = evidence_text_next(&t, &data, &len)) == 1) {
			assert_true(n + len + 1 < text_size);
			memcpy(text + n, data, len);
			n += len;
			text[n++] = '\n';
		}
	} else {
		while ((rc = evidence_text_block(&t, &data, &len, &first)) == 1) {
			size_t i;
			assert_true(n + len + 1 < text_size);
			for (i = 0; i < len; i++)
				if (data[i] != '\r' || (i + 1 < len && data[i + 1] != '\n'))
					text[n++] = data[i]; /* as lines: no "\r" at a line end */
			if (data[len - 1] != '\n')
				text[n++] = '\n';
		}
		assert_int_equal(evidence_text_block(&t, &data, &len, &first), rc);
	}
	text[n] = '\0';
	*lineno = t.lineno;
	evidence_text_close(&t);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	error_quiet = 1;
	rewind(err);
	got = fread(msg, 1, msg_size - 1, err);
	msg[got] = '\0';
	fclose(err);
	return rc;
}

static void test_block_mode_reads_and_reports_as_lines(void **state)
{
	static const struct {
		const char *name, *data;
		size_t len;
	} files[] = {
#define F(name, lit) { name, lit, sizeof(lit) - 1 }
		F("good.log", "\xEF\xBB\xBFone\r\ntwo\n\nfour 時間\nlast"),
		F("crlf.log", "a\r\nb\rc\r\n"),
		F("long3.log", "short\nshort\nthis line is longer than twenty\nok\n"),
		F("longlast.log", "short\nthis last line is longer than twenty"),
		F("long20.log", "exactly twenty bytes\nexactly twenty byte\r\n"),
		F("nul.log", "ok\nok\nbad\0line\n"),
		F("utf8.log", "ok\n\xE6\x99\x82 ok\nmid \xC3\x28 bad\n"),
		F("first.log", "x \xFF\nthis line is longer than twenty\n"),
		F("second.log", "this line is longer than twenty \xFF\nok\n"),
		F("empty.log", ""),
#undef F
	};
	struct workspace ws;
	struct workspace_limits lim = workspace_default_limits;
	size_t i;
	(void)state;

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		put(files[i].name, files[i].data, files[i].len);
	lim.max_line = 20;
	assert_int_equal(workspace_open(root, &lim, &ws), 0);
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char text_line[512], text_block[512], msg_line[512], msg_block[512];
		long n_line, n_block;
		int rc_line = read_mode(&ws, files[i].name, 0, &n_line, text_line, sizeof(text_line),
					msg_line, sizeof(msg_line));
		int rc_block = read_mode(&ws, files[i].name, 1, &n_block, text_block,
					 sizeof(text_block), msg_block, sizeof(msg_block));
		if (rc_line != rc_block || strcmp(msg_line, msg_block) != 0 ||
		    (rc_line == 0 && (n_line != n_block || strcmp(text_line, text_block) != 0)))
			fail_msg("%s: lines rc %d, %ld lines, '%s', msg '%s'; blocks rc %d, "
				 "%ld lines, '%s', msg '%s'", files[i].name, rc_line, n_line,
				 text_line, msg_line, rc_block, n_block, text_block, msg_block);
		if (rc_line < 0)
			assert_non_null(strstr(msg_line, files[i].name));
	}
	workspace_close(&ws);
}

static void test_changes_after_inventory(void **state)
{
	struct workspace ws;
	struct evidence_text t;
	char *line, *p, *q;
	size_t len;
	long n;
	int fd;
	(void)state;
	PUT("grow.log", "one\ntwo\n");
	PUT("same-size.log", "one\ntwo\n");
	PUT("gone.log", "one\n");
	PUT("swap.log", "one\n");
	assert_int_equal(workspace_open(root, NULL, &ws), 0);

	PUT("grow.log", "one\ntwo\nthree\n");       /* size changed */
	assert_int_equal(read_all(&ws, "grow.log", &n), -2);
	PUT("same-size.log", "one\nTWO\n");          /* same size, other bytes */
	assert_int_equal(read_all(&ws, "same-size.log", &n), -1);
	assert_int_equal(n, 2);

	p = xasprintf("%s/gone.log", root);           /* disappeared */
	assert_int_equal(unlink(p), 0);
	free(p);
	assert_int_equal(read_all(&ws, "gone.log", &n), -2);

	p = xasprintf("%s/swap.log", root);           /* swapped for an escaping symlink */
	assert_int_equal(unlink(p), 0);
	assert_int_equal(symlink("/etc/hostname", p), 0);
	free(p);
	assert_int_equal(workspace_open_file(&ws, "swap.log"), -1);
	p = xasprintf("%s/swap.log", root);
	assert_int_equal(unlink(p), 0);
	free(p);

	/* a file that shrinks while it is being read */
	PUT("grow.log", "one\ntwo\n");
	workspace_close(&ws);
	PUT("shrink.log", "line one\nline two\nline three\n");
	assert_int_equal(workspace_open(root, NULL, &ws), 0);
	assert_int_equal(evidence_text_open(&t, &ws, "shrink.log", "log"), 0);
	q = xasprintf("%s/shrink.log", root);
	fd = open(q, O_WRONLY);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, 3), 0);
	close(fd);
	free(q);
	while (evidence_text_next(&t, &line, &len) == 1)
		;
	assert_int_equal(evidence_text_next(&t, &line, &len), -1);
	evidence_text_close(&t);
	workspace_close(&ws);
}

static void test_symlinked_folder_swap(void **state)
{
	struct workspace ws;
	char *d, *f;
	(void)state;
	d = xasprintf("%s/sub", root);
	assert_int_equal(mkdir(d, 0755), 0);
	PUT("sub/x.log", "x\n");
	assert_int_equal(workspace_open(root, NULL, &ws), 0);
	/* the folder becomes a symlink to /etc after the inventory */
	f = xasprintf("%s/sub/x.log", root);
	assert_int_equal(unlink(f), 0);
	assert_int_equal(rmdir(d), 0);
	{
		/* outside holds a file of the very same name and size */
		char outside[64], *of, *cmd;
		FILE *fp;
		snprintf(outside, sizeof(outside), "/tmp/ftrkit-out.XXXXXX");
		assert_non_null(mkdtemp(outside));
		of = xasprintf("%s/x.log", outside);
		fp = fopen(of, "w");
		assert_non_null(fp);
		fputs("y\n", fp);
		fclose(fp);
		assert_int_equal(symlink(outside, d), 0);
		assert_int_equal(workspace_open_file(&ws, "sub/x.log"), -1);
		/* a relative link escaping with '..' is refused too */
		assert_int_equal(unlink(d), 0);
		cmd = xasprintf("../../%s", outside + 1);
		assert_int_equal(symlink(cmd, d), 0);
		assert_int_equal(workspace_open_file(&ws, "sub/x.log"), -1);
		free(cmd);
		cmd = xasprintf("rm -rf '%s'", outside);
		assert_int_equal(system(cmd), 0);
		free(cmd);
		free(of);
	}
	assert_int_equal(unlink(d), 0);
	workspace_close(&ws);
	free(d);
	free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8),
		cmocka_unit_test_setup_teardown(test_block_mode_reads_and_reports_as_lines, setup, teardown),
		cmocka_unit_test_setup_teardown(test_good_text_and_limits, setup, teardown),
		cmocka_unit_test_setup_teardown(test_changes_after_inventory, setup, teardown),
		cmocka_unit_test_setup_teardown(test_symlinked_folder_swap, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
