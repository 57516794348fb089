#!/usr/bin/env bats
# Hostile input (issue 8): every case is exit 2 with one line naming the
# file, nothing written, within 64 MiB (RSS is only measured for the normal
# build: ASan's shadow memory is not ftrkit's).  Speed is the benchmark's
# business (make bench), not a test's: a test only has a generous hang guard
# (60 s), so a slow or sanitizer build never fails for being slow.  The catastrophic
# pattern is the exception the contract asks for: a finding, not a hang.

load helpers

setup() { setup_scratch; }
teardown() { teardown_scratch; }

DRILL=evidence/drills/2026-10-07-web-instance-failure.md

# bounded ARGS...: run ftrkit measured by /usr/bin/time; sets status, output
# (ftrkit's stdout+stderr), seconds and rss_kb.
bounded() {
	run /usr/bin/time -f '%e %M' -o "$SCRATCH/.time" timeout 60 "$FTRKIT" "$@"
	[ "$status" -ne 124 ] || { echo "ftrkit $*: still running after 60 s (hang guard)" >&2; return 1; }
	read -r seconds rss_kb < <(tail -n 1 "$SCRATCH/.time")
	echo "# $seconds s, $rss_kb KiB" >&3
}

# assert_refused FILE: exit 2, one line naming FILE, nothing written, in memory budget.
assert_refused() {
	echo "status=$status output=$output" >&2
	[ "$status" -eq 2 ]
	[ "${#lines[@]}" -eq 1 ]
	[[ "${lines[0]}" == "ftrkit: $1"* ]]
	[ ! -e reports ]
	case "$FTRKIT" in
	*build-san*) ;;
	*) [ "$rss_kb" -lt 65536 ] ;;
	esac
}

@test "XXE: an external entity to /etc/passwd is refused at the DOCTYPE" {
	printf '<?xml version="1.0"?>\n<!DOCTYPE assessment [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<assessment>&x;</assessment>\n' > evidence/assessment.xml
	bounded assess --as-of "$AS_OF"
	assert_refused evidence/assessment.xml:2
	[[ "$output" == *"DOCTYPE declarations are not allowed"* ]]
	[[ "$output" != *"root:"* ]]
}

@test "external DTD over http is refused, never fetched" {
	printf '<?xml version="1.0"?>\n<!DOCTYPE questionnaire SYSTEM "http://127.0.0.1:9/evil.dtd">\n<questionnaire/>\n' > q.xml
	bounded assess -q q.xml --as-of "$AS_OF"
	assert_refused q.xml:2
	[[ "$output" == *"DOCTYPE declarations are not allowed"* ]]
}

@test "billion laughs is refused before any entity is declared" {
	{
		printf '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
		prev=lol
		for i in 1 2 3 4 5 6 7 8 9; do
			printf '<!ENTITY lol%s "' "$i"
			for _ in 1 2 3 4 5 6 7 8 9 10; do printf '&%s;' "$prev"; done
			printf '">\n'
			prev=lol$i
		done
		printf ']>\n<assessment>&lol9;</assessment>\n'
	} > evidence/assessment.xml
	bounded assess --as-of "$AS_OF"
	assert_refused evidence/assessment.xml:2
}

@test "100 000-deep nesting stops at the depth limit" {
	python3 -c 'import sys; sys.stdout.write("<a>" * 100000 + "</a>" * 100000)' > evidence/assessment.xml
	bounded assess --as-of "$AS_OF"
	assert_refused evidence/assessment.xml:1
	[[ "$output" == *"nested deeper than 256 levels (limit; see --max-xml-depth)"* ]]
}

@test "invalid UTF-8 in XML is one line naming file and line" {
	printf '<?xml version="1.0"?>\n<assessment>\xff\xfe</assessment>\n' > evidence/assessment.xml
	bounded assess --as-of "$AS_OF"
	assert_refused evidence/assessment.xml:2
	[[ "$output" == *"not proper UTF-8"* ]]
}

@test "a truncated assessment names the file" {
	head -c 700 "$REPO/evidence/assessment.xml" > evidence/assessment.xml
	bounded assess --as-of "$AS_OF"
	assert_refused evidence/assessment.xml:
}

@test "a 0-byte assessment and a 0-byte questionnaire are empty files" {
	: > evidence/assessment.xml
	bounded assess --as-of "$AS_OF"
	assert_refused "evidence/assessment.xml: empty file"
	: > q.xml
	bounded assess -q q.xml --as-of "$AS_OF"
	assert_refused "q.xml: empty file"
}

@test "binary garbage as XML, and a gzip file is never decompressed" {
	head -c 4096 /dev/urandom > evidence/assessment.xml
	bounded assess --as-of "$AS_OF"
	assert_refused evidence/assessment.xml
	gzip -c "$REPO/evidence/assessment.xml" > evidence/assessment.xml
	bounded assess --as-of "$AS_OF"
	assert_refused evidence/assessment.xml:1
}

@test "a 100 MB drill log line without newline is refused at the line limit" {
	{ cat "$REPO/$DRILL"; head -c 100000000 /dev/zero | tr '\0' a; } > "$DRILL"
	bounded assess --as-of "$AS_OF"
	assert_refused "$DRILL:"
	[[ "$output" == *"line longer than 65536 bytes in drill log (limit; see --max-line)"* ]]
}

@test "binary garbage named .log as a drill log is refused" {
	head -c 8192 /dev/urandom > evidence/drills/garbage.log
	sed -i 's|drills/2026-10-07-web-instance-failure.md|drills/garbage.log|' evidence/assessment.xml
	bounded assess --as-of "$AS_OF"
	assert_refused evidence/drills/garbage.log:
	[[ "$output" == *"not a text drill log"* || "$output" == *"line longer than"* ]]
}

@test "a NUL byte deep in a drill log is found wherever it is" {
	printf 'trailing junk \0 here\n' >> "$DRILL"
	bounded assess --as-of "$AS_OF"
	lines_in_log=$(wc -l < "$DRILL")
	assert_refused "$DRILL:$lines_in_log: NUL byte at column 15: binary data, not a text drill log"
}

@test "invalid UTF-8 in a drill log names the line" {
	printf 'caf\xc3\x28 overlong \xc0\xaf\n' >> "$DRILL"
	bounded assess --as-of "$AS_OF"
	assert_refused "$DRILL:$(wc -l < "$DRILL"): invalid UTF-8 at column 4"
}

@test "a symlink in the evidence pointing outside the workspace" {
	ln -s /etc/passwd evidence/drills/passwd.md
	bounded assess --as-of "$AS_OF"
	assert_refused "evidence/drills/passwd.md: symbolic link points outside the workspace"
}

@test "evidence references with '..' or an absolute path" {
	sed -i 's|drills/2026-10-07-web-instance-failure.md|../../etc/passwd|' evidence/assessment.xml
	bounded assess --as-of "$AS_OF"
	assert_refused evidence/assessment.xml:
	[[ "$output" == *"'..' leaves the workspace"* ]]
	cp "$REPO/evidence/assessment.xml" evidence/
	sed -i 's|drills/2026-10-07-web-instance-failure.md|/etc/passwd|' evidence/assessment.xml
	bounded assess --as-of "$AS_OF"
	assert_refused evidence/assessment.xml:
	[[ "$output" == *"absolute path"* ]]
}

@test "a directory loop through symlinked folders" {
	ln -s .. evidence/drills/up
	bounded assess --as-of "$AS_OF"
	assert_refused "evidence/drills/up: symbolic link to folder"
	[[ "$output" == *"makes a directory loop"* ]]
	rm evidence/drills/up
	ln -s loop evidence/drills/loop
	bounded assess --as-of "$AS_OF"
	assert_refused "evidence/drills/loop: symbolic link cannot be resolved"
}

@test "a catastrophically backtracking pattern is a finding, not a hang" {
	python3 - <<'PY'
import re
p = 'questionnaires/ftr-dr.xml'
s = open(p).read()
s = re.sub(r'name="marker-drill-end" value="[^"]*"',
           lambda m: 'name="marker-drill-end" value="^(?:a|aa)+$"', s)
open('slow.xml', 'w').write(s)
PY
	python3 -c 'print("a" * 5000 + "!")' >> "$DRILL"
	bounded assess -q slow.xml --as-of "$AS_OF" -v
	[ "$status" -eq 1 ]
	[[ "$output" == *"a marker pattern hit its match limit on line $(wc -l < "$DRILL")"* ]]
}

@test "each limit is an option and is named when hit" {
	bounded assess --as-of "$AS_OF" --max-files 3
	assert_refused evidence/
	[[ "$output" == *"more than 3 evidence files (limit; see --max-files)"* ]]
	bounded assess --as-of "$AS_OF" --max-file-size 2K -q "$REPO/tests/fuzz/corpus/questionnaire/ftr-dr.xml"
	assert_refused "$REPO/tests/fuzz/corpus/questionnaire/ftr-dr.xml: XML document of"
	[[ "$output" == *"(see --max-file-size"* ]]
	head -c 200000 /dev/zero > evidence/documents/big.bin
	bounded assess --as-of "$AS_OF" --max-file-size 64K
	assert_refused "evidence/documents/big.bin: file of 200000 bytes exceeds the 65536-byte limit (see --max-file-size)"
	rm evidence/documents/big.bin
	bounded assess --as-of "$AS_OF" --max-line 40
	assert_refused "evidence/drills/"
	[[ "$output" == *"line longer than 40 bytes in drill log (limit; see --max-line)"* ]]
	bounded assess --as-of "$AS_OF" --max-xml-depth 2
	assert_refused "questionnaires/ftr-dr.xml:"
	[[ "$output" == *"nested deeper than 2 levels (limit; see --max-xml-depth)"* ]]
	# the defaults pass the sample; generous limits too
	ftr assess --as-of "$AS_OF" --max-files 1000 --max-file-size 1M --max-line 1K --max-xml-depth 64
	[ "$status" -eq 0 ]
}

@test "limit options reject nonsense" {
	for bad in "--max-line 0" "--max-files -1" "--max-file-size 12X" "--max-xml-depth 99999" "--max-line 1T"; do
		# shellcheck disable=SC2086
		ftr assess $bad
		[ "$status" -eq 2 ]
		[ "${#lines[@]}" -eq 1 ]
		[[ "$output" == "ftrkit: --max-"* ]]
	done
	[ ! -e reports ]
}

@test "an unreadable evidence file is a clear error, nothing written" {
	chmod 000 "$DRILL"
	if [ "$(id -u)" = 0 ]; then
		command -v setpriv >/dev/null || skip "root and no setpriv to drop privileges"
		chmod 755 "$SCRATCH"; chmod -R go+rX "$SCRATCH"; chmod 000 "$DRILL"
		chmod 777 "$SCRATCH"
		setpriv --reuid=nobody --regid=nogroup --clear-groups "$FTRKIT" --version >/dev/null 2>&1 ||
			skip "machine: user nobody cannot run $FTRKIT here (its folder is not readable to others)"
		run setpriv --reuid=nobody --regid=nogroup --clear-groups "$FTRKIT" assess --as-of "$AS_OF"
	else
		run "$FTRKIT" assess --as-of "$AS_OF"
	fi
	[ "$status" -eq 2 ]
	[ "${#lines[@]}" -eq 1 ]
	[[ "$output" == "ftrkit: $DRILL: cannot open: Permission denied" ]]
	[ ! -e reports ]
}
