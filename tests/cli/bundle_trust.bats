#!/usr/bin/env bats
# bundle never writes what verify refuses, reads only the files the
# inventory saw, and writes one package at a time per output folder
# (issue 15, items 7-10).

load helpers

TOOLS="$REPO/tests/tools"

setup() { setup_scratch; }
teardown() { teardown_scratch; }

# A fingerprint of everything in reports/: names, sizes, mtimes, contents.
reports_state() {
	(cd reports && find . -type f -printf '%p %s %T@\n' | LC_ALL=C sort &&
		find . -type f -exec sha256sum {} + | LC_ALL=C sort)
}

@test "names verify refuses are refused up front: exit 2 naming the file, reports untouched" {
	"$FTRKIT" bundle --as-of "$AS_OF" --quiet
	before=$(reports_state)
	for name in $'cr\rname.md' $'lf\nname.md' $'tab\tname.md' 'back\slash.md' \
		    $'esc\e[2Jname.md' $'bad\xffutf8.md' $'c1\xc2\x9bname.md' $'del\x7fname.md'; do
		echo evidence > "evidence/documents/$name"
		ftr bundle --as-of "$AS_OF"
		[ "$status" -eq 2 ] || { echo "not refused: $name ($status)"; false; }
		[[ "$output" == "ftrkit: evidence/documents/"*": cannot be packaged: "*"(verify refuses such packages); rename it" ]]
		[ "${#lines[@]}" -eq 1 ]
		# the message shows the name escaped, never a raw control character
		run bash -c 'LC_ALL=C grep -c "[[:cntrl:]]" <<<"$1"' _ "$output"
		[ "$output" = "0" ]
		[ "$(reports_state)" = "$before" ]
		assert_no_temp_files
		rm "evidence/documents/$name"
	done
	echo x > $'evidence/documents/esc\e]0;title\a.md'
	ftr bundle --as-of "$AS_OF"
	[ "$status" -eq 2 ]
	[[ "$output" == *'esc\x1B]0;title\x07.md: cannot be packaged: control character in name'* ]]
	echo x > $'evidence/documents/bad\xff.md'
	rm $'evidence/documents/esc\e]0;title\a.md'
	ftr bundle --as-of "$AS_OF"
	[[ "$output" == *'bad\xFF.md: cannot be packaged: invalid UTF-8 in name'* ]]
}

@test "a name with % packages, and VERIFY.txt's sha256sum route checks it as written" {
	echo "quarterly" > "evidence/documents/q3 review 100%.md"
	"$FTRKIT" keygen signer >/dev/null
	ftr bundle --as-of "$AS_OF" --sign signer.key
	[ "$status" -eq 0 ]
	run unzip -p "$PKG" "$PKG_NAME/manifest-sha256.txt"
	[[ "$output" == *"  data/evidence/documents/q3 review 100%25.md"* ]]
	mkdir auditor && cp "$PKG" auditor/
	unzip -p "$PKG" "$PKG_NAME/VERIFY.txt" | sed -n 's/^    \$ //p' > auditor/steps.sh
	cd auditor
	run bash -e -o pipefail steps.sh
	[ "$status" -eq 0 ]
	[[ "$output" == *"data/evidence/documents/q3 review 100%.md: OK"* ]]
	[[ "$output" == *"Signature Verified Successfully"* ]]
	# the same route catches a change to that very file
	echo x >> "$PKG_NAME.check/$PKG_NAME/data/evidence/documents/q3 review 100%.md"
	run bash -e -o pipefail steps.sh
	[ "$status" -ne 0 ]
	cd ..
	ftr verify "$PKG"
	[ "$status" -eq 0 ]
}

@test "a 5 MiB repetitive log and a sparse file bundle and verify" {
	yes '2026-11-20T10:00:00Z health-check ok latency_ms=12' | head -c $((5 << 20)) \
		> evidence/documents/health.log
	truncate -s 64M evidence/documents/sparse.img
	ftr bundle --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	# they did compress better than 200:1
	run unzip -v "$PKG" "$PKG_NAME/data/evidence/documents/sparse.img"
	[[ "$output" == *"100%"* ]]
	ftr verify "$PKG"
	[ "$status" -eq 0 ]
	[ "${lines[-2]}" = "intact: $PKG" ]
	[ "${lines[-1]}" = "integrity only — not signed" ]
}

@test "a real bomb is still refused: sizes that lie, and declared sizes over the budget" {
	mkdir empty && cd empty
	python3 "$TOOLS/hostile_zip.py" bomb ../bomb.zip
	run "$FTRKIT" verify ../bomb.zip
	[ "$status" -eq 2 ]
	[[ "$output" == *"data/zeros.log: declared size 1024 but more than 1024 bytes: refused (zip bomb?)"* ]]
	python3 "$TOOLS/hostile_zip.py" overbudget ../over.zip
	run "$FTRKIT" verify ../over.zip
	[ "$status" -eq 2 ]
	[[ "$output" == *"bytes uncompressed: refused (zip bomb?)"* ]]
	[ -z "$(ls -A .)" ]
}

# bundle_swapping SCRIPT: run bundle with the test-only pause between
# inventory and packing (FTRKIT_TEST_PAUSE_BEFORE_PACK), run SCRIPT in the
# window, then let bundle go on.  Sets status and output like bats' run; a
# bundle that hangs is killed by timeout (status 124).
bundle_swapping() {
	mkfifo "$BATS_TEST_TMPDIR/pause"
	FTRKIT_TEST_PAUSE_BEFORE_PACK="$BATS_TEST_TMPDIR/pause" \
		timeout 60 "$FTRKIT" bundle --as-of "$AS_OF" >"$BATS_TEST_TMPDIR/out" 2>&1 &
	local pid=$!
	# opening the write end waits until bundle is at the pause
	timeout 30 bash -c 'exec 3>"$1"; eval "$2"; exec 3>&-' _ "$BATS_TEST_TMPDIR/pause" "$1"
	status=0
	wait "$pid" || status=$?
	output=$(cat "$BATS_TEST_TMPDIR/out")
}

@test "a FIFO swapped in after the inventory: exit 2 naming it, never a hang" {
	bundle_swapping 'rm evidence/documents/sla.md && mkfifo evidence/documents/sla.md'
	[ "$status" -eq 2 ]
	[[ "$output" == *"ftrkit: evidence/documents/sla.md: changed since the inventory (no longer the regular file it hashed)"* ]]
	[ ! -e "$PKG" ]
	assert_no_temp_files
}

@test "a symlink swapped in after the inventory is refused at open, even to a same-size file" {
	size=$(stat -c %s evidence/documents/sla.md)
	head -c "$size" /dev/zero > evidence/same-size.bin
	bundle_swapping 'mv evidence/documents/sla.md sla.keep && ln -s ../same-size.bin evidence/documents/sla.md'
	[ "$status" -eq 2 ]
	[[ "$output" == *"ftrkit: evidence/documents/sla.md: changed since the inventory (now a symbolic link)"* ]]
	[ ! -e "$PKG" ]
}

@test "another file swapped in under the same name and size: refused by its inode" {
	bundle_swapping 'cp evidence/documents/sla.md copy.md && mv copy.md evidence/documents/sla.md'
	[ "$status" -eq 2 ]
	[[ "$output" == *"ftrkit: evidence/documents/sla.md: changed since the inventory (no longer the regular file it hashed)"* ]]
	[ ! -e "$PKG" ]
}

@test "the pause hook itself changes nothing: untouched evidence packs as usual" {
	bundle_swapping 'true'
	[ "$status" -eq 0 ]
	ftr verify "$PKG"
	[ "$status" -eq 0 ]
}

@test "two bundles into one folder: the second exits 2 and touches nothing of the first" {
	export FTRKIT AS_OF
	# The first bundle pauses while packing, its temporary zip open; the
	# second runs in that window.
	bundle_swapping '
		(cd reports && ls -A | LC_ALL=C sort && sha256sum -- * .??* 2>/dev/null) > during.before
		"$FTRKIT" bundle --as-of "$AS_OF" > second.out 2>&1; echo $? > second.rc
		(cd reports && ls -A | LC_ALL=C sort && sha256sum -- * .??* 2>/dev/null) > during.after'
	[ "$status" -eq 0 ]
	[ "$(cat second.rc)" -eq 2 ]
	[ "$(cat second.out)" = "ftrkit: another bundle is writing to reports" ]
	grep -q '\.tmp-' during.before
	cmp during.before during.after
	ftr verify "$PKG"
	[ "$status" -eq 0 ]
	assert_no_temp_files
	# the lock goes with the first run: a third run works
	ftr bundle --as-of "$AS_OF" --quiet
	[ "$status" -eq 0 ]
}

@test "the lock is on the folder itself: no lock file is left behind" {
	ftr bundle --as-of "$AS_OF" --quiet
	[ "$status" -eq 0 ]
	run ls -A reports
	[[ "$output" != *lock* ]]
	run flock -n reports true
	[ "$status" -eq 0 ]
	# someone else holding it (flock(1) on the folder) keeps bundle out
	run flock -n reports "$FTRKIT" bundle --as-of "$AS_OF" --quiet
	[ "$status" -eq 2 ]
	[ "$output" = "ftrkit: another bundle is writing to reports" ]
}

@test "reports stay well-formed for hostile names and tags: one \\xHH rule everywhere" {
	# every C0 control but NUL, DEL, C1, and bytes that are not UTF-8
	python3 -c '
names = [bytes([b]) for b in list(range(1, 32)) + [127]]
names += [b"\xff", b"\x80", b"\xc0\xaf", b"\xed\xa0\x80", b"\xc2\x9b"]
for n in names:
    open(b"evidence/documents/odd-" + n + b"-name.md", "wb").write(b"x\n")
'
	# a FIS tag with an escape sequence, BEL, NEL and a lone surrogate
	sed -i 's/"scenario": "web-az-outage"/"scenario": "web\\u001b[2J\\u0007\\u0085\\ud800-az"/' \
		evidence/drills/2026-10-21-web-az-outage-fis.json
	# JSON keys likewise, in an export the assessment lists
	printf '{"k\\u001b[31mX\\u0001\\ud800": 1, "ok": 2}' > evidence/configs/odd.json
	sed -i 's|^    <config path="configs/rds-describe-db-clusters.json"/>|&\n    <config path="configs/odd.json"/>|' \
		evidence/assessment.xml
	ftr assess --as-of "$AS_OF" --quiet
	[ "$status" -eq 1 ]
	grep -q 'keys: k\\x1B\[31mX\\x01\\xED\\xA0\\x80, ok' reports/junit.xml
	grep -q 'keys: k\\x1B\[31mX\\x01\\xED\\xA0\\x80, ok' reports/oscal-assessment-results.xml
	run xmllint --noout --schema "$REPO/tests/schemas/junit/junit-10.xsd" reports/junit.xml
	[ "$status" -eq 0 ]
	run xmllint --noout --schema "$REPO/tests/schemas/oscal/oscal_assessment-results_schema.xsd" \
		reports/oscal-assessment-results.xml
	[ "$status" -eq 0 ]
	run xmllint --noout --html reports/index.html
	[ "$status" -eq 0 ]
	run python3 -c 'import json, sys; json.load(open(sys.argv[1], encoding="utf-8", errors="strict"))' \
		reports/report.json
	[ "$status" -eq 0 ]
	# the database holds valid UTF-8 only, with the rule's escapes
	run python3 -c '
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
paths = [r[0] for r in db.execute("SELECT path FROM evidence WHERE path LIKE ?", ("documents/%-name.md",))]
print(len(paths))
for p in sorted(paths): print(p)
' reports/results.sqlite
	[ "$status" -eq 0 ]
	[ "${lines[0]}" -eq 37 ]
	[[ "$output" == *'documents/odd-\x1B-name.md'* ]]
	[[ "$output" == *'documents/odd-\x01-name.md'* ]]
	[[ "$output" == *'documents/odd-\x7F-name.md'* ]]
	[[ "$output" == *'documents/odd-\xED\xA0\x80-name.md'* ]]
	[[ "$output" == *'documents/odd-\xC2\x9B-name.md'* ]]
	# no raw control character in any report
	run python3 -c '
import re, sys
for f in sys.argv[1:]:
    text = open(f, encoding="utf-8", errors="strict").read()
    bad = re.findall("[\x00-\x08\x0b-\x1f\x7f-\x9f]", text)
    if bad: print(f, repr(bad[:3]))
' reports/report.json reports/junit.xml reports/oscal-assessment-results.xml reports/index.html
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	run grep -c "names scenario 'web\\\\x1B\[2J\\\\x07\\\\xC2\\\\x85\\\\xED\\\\xA0\\\\x80-az'" reports/junit.xml
	[ "$output" -ge 1 ]
}

@test "questionnaire provenance: id, version and SHA-256 in bag-info and results.sqlite" {
	sum=$(sha256sum questionnaires/ftr-dr.xml | cut -c1-64)
	ftr bundle --as-of "$AS_OF" --quiet
	[ "$status" -eq 0 ]
	run unzip -p "$PKG" "$PKG_NAME/bag-info.txt"
	[[ "$output" == *"FTR-Questionnaire: ftr-dr 2024.1"* ]]
	[[ "$output" == *"FTR-Questionnaire-SHA256: $sum"* ]]
	[[ "$output" == *"FTR-Questionnaire-Provenance: shipped"* ]]
	run sqlite3 reports/results.sqlite \
		"SELECT questionnaire_id, questionnaire_version, questionnaire_sha256, questionnaire_provenance FROM run"
	[ "$output" = "ftr-dr|2024.1|$sum|shipped" ]
}

@test "a weakened copy under the shipped id and version: assess, report and verify say so" {
	mkdir q && cp questionnaires/ftr-dr.xml q/ftr-dr.xml
	sed -i 's/PT24H/PT48H/' q/ftr-dr.xml
	run cmp -s q/ftr-dr.xml questionnaires/ftr-dr.xml
	[ "$status" -ne 0 ]
	ftr assess -q q/ftr-dr.xml --as-of "$AS_OF" --quiet
	[[ "$output" == *"ftrkit: warning: q/ftr-dr.xml: modified questionnaire: ftr-dr 2024.1 differs from the shipped catalog"* ]]
	run python3 -c 'import json,sys; q=json.load(open(sys.argv[1]))["questionnaire"]; print(q["provenance"]); print(q["problem"])' reports/report.json
	[ "${lines[0]}" = "modified" ]
	[ "${lines[1]}" = "modified questionnaire: ftr-dr 2024.1 differs from the shipped catalog" ]
	grep -q "modified questionnaire: ftr-dr 2024.1 differs from the shipped catalog" reports/index.html
	"$FTRKIT" keygen signer >/dev/null
	"$FTRKIT" bundle -q q/ftr-dr.xml --as-of "$AS_OF" --sign signer.key --quiet 2>/dev/null
	run unzip -p "$PKG" "$PKG_NAME/bag-info.txt"
	[[ "$output" == *"FTR-Questionnaire-Provenance: modified"* ]]
	ftr verify "$PKG"
	[ "$status" -eq 1 ]
	[[ "$output" == *"  - modified questionnaire: ftr-dr 2024.1 differs from the shipped catalog"* ]]
	[[ "$output" == *"TAMPERED"* ]]
}

@test "a catalog with its own id is custom: recorded, no warning, verify intact" {
	mkdir q && sed 's/<questionnaire id="ftr-dr" version="2024.1">/<questionnaire id="acme-dr" version="1">/' \
		questionnaires/ftr-dr.xml > q/acme-dr.xml
	grep -q 'id="acme-dr"' q/acme-dr.xml
	cp questionnaires/secret-patterns.txt q/
	ftr bundle -q q/acme-dr.xml --as-of "$AS_OF" --quiet
	[ "$status" -eq 0 ]
	[[ "$output" != *"modified questionnaire"* ]]
	run unzip -p "$PKG" "$PKG_NAME/bag-info.txt"
	[[ "$output" == *"FTR-Questionnaire: acme-dr 1"* ]]
	[[ "$output" == *"FTR-Questionnaire-Provenance: custom"* ]]
	run sqlite3 reports/results.sqlite "SELECT questionnaire_provenance FROM run"
	[ "$output" = "custom" ]
	ftr verify "$PKG"
	[ "$status" -eq 0 ]
}
