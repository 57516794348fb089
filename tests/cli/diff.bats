#!/usr/bin/env bats
# ftrkit diff OLD NEW: packages (read in place) or results.sqlite files;
# verdicts, findings and evidence that changed; exit 0 same, 1 differs,
# 2 error, like diff(1).

load helpers

setup() {
	setup_scratch
	cp -r evidence old
	cp -r evidence new
}
teardown() { teardown_scratch; }

# bundle WS OUT: the package of workspace WS as of $AS_OF in OUT/.
bundle() {
	"$FTRKIT" bundle -w "$1" -o "$2" --as-of "$AS_OF" --quiet
}

@test "two packages from workspaces that differ in one file: that file, exit 1" {
	echo "one more line" >> new/runbooks/db-az-failover.md
	bundle old a
	bundle new b
	ftr diff a/$PKG_NAME.zip b/$PKG_NAME.zip
	[ "$status" -eq 1 ]
	[[ "$output" == *"~ runbooks/db-az-failover.md  sha256 $(sha256sum old/runbooks/db-az-failover.md | cut -c1-12) → $(sha256sum new/runbooks/db-az-failover.md | cut -c1-12)"* ]]
	[ "$(echo "$output" | grep -c '^  [~+-] ')" -eq 1 ]
	[[ "$output" != *"verdicts changed"* ]]
}

@test "the same package twice, or a package and its own results.sqlite: no differences, exit 0" {
	bundle old a
	ftr diff a/$PKG_NAME.zip a/$PKG_NAME.zip
	[ "$status" -eq 0 ]
	[[ "$output" == *"no differences"* ]]
	ftr diff a/$PKG_NAME.zip a/results.sqlite
	[ "$status" -eq 0 ]
}

@test "a verdict change shows from → to, with the findings added and removed" {
	cp -r "$REPO/tests/workspaces/failing" f1
	cp -r f1 f2
	sed -i 's/PT36H/PT12H/g; s/36h/12h/g; s/36 hours/12 hours/g' f2/assessment.xml
	"$FTRKIT" assess -w f1 -o r1 --as-of "$AS_OF" --quiet || true
	"$FTRKIT" assess -w f2 -o r2 --as-of "$AS_OF" --quiet || true
	ftr diff r1/results.sqlite r2/results.sqlite
	[ "$status" -eq 1 ]
	[[ "$output" == *"DR-004: not-met → met"* ]]
	[[ "$output" == *"  - DR-004 [not-met] api (region): RTO 36 h exceeds the 24 h ceiling"* ]]
	[[ "$output" == *"  ~ assessment.xml"* ]]
}

@test "--format json is valid JSON with the same differences" {
	echo "one more line" >> new/runbooks/db-az-failover.md
	echo 'a "quoted" \ file' > new/documents/added.txt
	bundle old a
	bundle new b
	ftr diff --format json a/$PKG_NAME.zip b/$PKG_NAME.zip
	[ "$status" -eq 1 ]
	echo "$output" > diff.json
	python3 - <<'PY'
import json
d = json.load(open("diff.json"))
assert d["format"] == "ftrkit-diff" and d["differs"] is True
ev = {e["path"]: e["change"] for e in d["evidence"]}
assert ev == {"runbooks/db-az-failover.md": "changed", "documents/added.txt": "added"}, ev
assert d["controls"] == []
PY
	ftr diff --format json a/$PKG_NAME.zip a/$PKG_NAME.zip
	[ "$status" -eq 0 ]
	[[ "$output" == *'"differs":false'* ]]
}

@test "a side that is neither a package nor a results database is exit 2 naming it" {
	bundle old a
	ftr diff a/index.html a/results.sqlite
	[ "$status" -eq 2 ]
	[[ "$output" == *"a/index.html: neither a review package (.zip) nor a results.sqlite"* ]]
	ftr diff a/results.sqlite missing.sqlite
	[ "$status" -eq 2 ]
	[[ "$output" == *"missing.sqlite: cannot open"* ]]
}

@test "a zip without results.sqlite, a foreign SQLite file and a truncated package are exit 2" {
	bundle old a
	mkdir -p z/top && echo hi > z/top/x.txt
	(cd z && zip -qr ../plain.zip top)
	ftr diff plain.zip a/results.sqlite
	[ "$status" -eq 2 ]
	# any zip bundle did not write is refused by the same reader as verify's
	[[ "$output" == *"plain.zip: not a package written by ftrkit"* ]]
	sqlite3 other.sqlite "CREATE TABLE t(x); INSERT INTO t VALUES (1);"
	ftr diff a/results.sqlite other.sqlite
	[ "$status" -eq 2 ]
	[[ "$output" == *"other.sqlite: not a results database of ftrkit"* ]]
	head -c 2000 a/$PKG_NAME.zip > cut.zip
	ftr diff cut.zip a/results.sqlite
	[ "$status" -eq 2 ]
	[[ "$output" == *"cut.zip"* ]]
}

@test "diff wants exactly two arguments and a text or json format" {
	ftr diff only-one
	[ "$status" -eq 2 ]
	ftr diff --format html a b
	[ "$status" -eq 2 ]
	[[ "$output" == *"diff writes text or json"* ]]
}
