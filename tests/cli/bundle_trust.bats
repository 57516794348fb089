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
	[[ "${lines[-1]}" == "intact: $PKG" ]]
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
