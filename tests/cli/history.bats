#!/usr/bin/env bats
# --history FILE on assess and bundle appends each run to a SQLite history;
# ftrkit history lists the runs; the HTML report shows the changes since
# the previous run.

load helpers

setup() {
	setup_scratch
	cp -r "$REPO/tests/workspaces/failing" ws
}
teardown() { teardown_scratch; }

@test "each run is appended: as-of, questionnaire hash, per-control verdicts, evidence hashes" {
	ftr assess -w ws --as-of 2026-11-25 --history h.db --quiet
	[ "$status" -eq 1 ]
	ftr bundle -w ws --as-of 2026-11-26 --history h.db --quiet
	[ "$status" -eq 1 ]
	[ "$(sqlite3 h.db "SELECT group_concat(as_of) FROM runs")" = "2026-11-25,2026-11-26" ]
	[ "$(sqlite3 h.db "SELECT DISTINCT questionnaire_sha256 FROM runs")" = "$(sha256sum questionnaires/ftr-dr.xml | cut -d' ' -f1)" ]
	[ "$(sqlite3 h.db "SELECT count(*) FROM run_controls WHERE run = 2")" = 9 ]
	[ "$(sqlite3 h.db "SELECT sha256 FROM run_evidence WHERE run = 1 AND path = 'assessment.xml'")" = "$(sha256sum ws/assessment.xml | cut -d' ' -f1)" ]
	# the package written with a history still verifies
	ftr verify reports/*.zip
	[ "$status" -eq 0 ]
}

@test "ftrkit history lists the runs, one line each with date and per-verdict counts" {
	"$FTRKIT" assess -w ws --as-of 2026-11-25 --history h.db --quiet || true
	printf '<waivers><waiver control="DR-004" expires="2027-01-31" approved-by="CISO"><justification>accepted</justification></waiver></waivers>\n' > ws/waivers.xml
	"$FTRKIT" assess -w ws --as-of 2026-12-01 --history h.db --quiet || true
	ftr history --history h.db
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 2 ]
	[[ "${lines[0]}" == *"1  2026-11-25  ftr-dr 2024.1  not-met  1 met, 8 not met, 0 not applicable, 0 manual, 0 waived" ]]
	[[ "${lines[1]}" == *"2  2026-12-01  ftr-dr 2024.1  not-met  1 met, 7 not met, 0 not applicable, 0 manual, 1 waived" ]]
	ftr history --history h.db --format json
	[ "$status" -eq 0 ]
	echo "$output" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert [r["counts"]["waived"] for r in d["runs"]] == [0, 1]'
}

@test "the HTML report shows the changes since the previous run" {
	"$FTRKIT" assess -w ws --as-of 2026-11-25 --history h.db --quiet || true
	grep -q 'This is the first run in the history' reports/index.html
	printf '<waivers><waiver control="DR-004" expires="2027-01-31" approved-by="CISO"><justification>accepted</justification></waiver></waivers>\n' > ws/waivers.xml
	"$FTRKIT" assess -w ws --as-of 2026-11-25 --history h.db --quiet || true
	grep -q '<h2>Changes since the previous run</h2>' reports/index.html
	grep -q '<a href="#DR-004">DR-004</a></td><td><span class="badge v-not-met">✗ not met</span></td><td><span class="badge v-waived">' reports/index.html
	grep -q '<a href="../ws/waivers.xml">waivers.xml</a></td><td>added</td>' reports/index.html
	# without --history there is no such section
	"$FTRKIT" assess -w ws --as-of 2026-11-25 --quiet || true
	run grep -c 'Changes since the previous run' reports/index.html
	[ "$output" = 0 ]
}

@test "a run that fails leaves the history as it was; a new history is not created" {
	"$FTRKIT" assess -w ws --as-of 2026-11-25 --history h.db --quiet || true
	cp h.db before.db
	printf '<waivers><waiver control="DR-099" expires="2027-01-31" approved-by="CISO"><justification>x</justification></waiver></waivers>\n' > ws/waivers.xml
	ftr assess -w ws --as-of 2026-11-26 --history h.db
	[ "$status" -eq 2 ]
	[ "$(sqlite3 h.db "SELECT count(*) FROM runs")" = 1 ]
	ftr assess -w ws --as-of 2026-11-26 --history new.db
	[ "$status" -eq 2 ]
	[ ! -e new.db ]
	# the reports cannot be written (the output folder is a file): the
	# history's transaction is rolled back, a history it created removed
	rm ws/waivers.xml
	touch out-is-a-file
	ftr assess -w ws --as-of 2026-11-26 -o out-is-a-file --history h.db
	[ "$status" -eq 2 ]
	[ "$(sqlite3 h.db "SELECT count(*) FROM runs")" = 1 ]
	ftr assess -w ws --as-of 2026-11-26 -o out-is-a-file --history new.db
	[ "$status" -eq 2 ]
	[ ! -e new.db ]
}

@test "--history on a database that is not a history is exit 2 and leaves it alone" {
	"$FTRKIT" assess -w ws --as-of 2026-11-25 -o first --quiet || true
	cp first/results.sqlite keep.sqlite
	ftr assess -w ws --as-of 2026-11-25 -o second --history first/results.sqlite
	[ "$status" -eq 2 ]
	[[ "$output" == *"first/results.sqlite: not a history database of ftrkit"* ]]
	cmp keep.sqlite first/results.sqlite
	[ ! -e second/results.sqlite ]
	echo "not sqlite at all" > junk.db
	ftr history --history junk.db
	[ "$status" -eq 2 ]
	[[ "$output" == *"junk.db"* ]]
}

@test "ftrkit history needs an existing --history FILE" {
	ftr history
	[ "$status" -eq 2 ]
	[[ "$output" == *"needs --history FILE"* ]]
	ftr history --history missing.db
	[ "$status" -eq 2 ]
	[[ "$output" == *"missing.db"* ]]
	[ ! -e missing.db ]
}
