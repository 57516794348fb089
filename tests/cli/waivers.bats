#!/usr/bin/env bats
# Waivers (waivers.xml at the workspace root): a waived control says waived
# until its expiry day inclusive, its findings stay visible, every report
# agrees, a bad waiver is exit 2 naming file, line and the unknown id, and
# the package carries waivers.xml so verify re-derives the same verdicts.

load helpers

setup() {
	setup_scratch
	cp -r "$REPO/tests/workspaces/failing" ws
}
teardown() { teardown_scratch; }

# waiver ATTRS [BODY]: a waivers.xml holding one waiver, on line 3.
waiver() {
	printf '<?xml version="1.0" encoding="UTF-8"?>\n<waivers>\n  <waiver %s>\n    %s\n  </waiver>\n</waivers>\n' \
		"$1" "${2-<justification>Legacy batch system; migration planned for Q1.</justification>}" > ws/waivers.xml
}

@test "waiver active on its expiry day: verdict waived, findings still visible, counted apart" {
	waiver 'control="DR-004" expires="2026-11-25" approved-by="Head of Security"'
	ftr assess -w ws --as-of 2026-11-25
	[ "$status" -eq 1 ]
	[[ "$output" == *"DR-004   waived"* ]]
	[[ "$output" == *"1 met, 7 not met, 0 not applicable, 0 manual, 1 waived"* ]]
	[ "$(sqlite3 reports/results.sqlite "SELECT verdict || '/' || unwaived FROM controls WHERE id = 'DR-004'")" = "waived/not-met" ]
	[ "$(sqlite3 reports/results.sqlite "SELECT waived FROM run")" = 1 ]
	# the findings underneath are never hidden
	[ "$(sqlite3 reports/results.sqlite "SELECT count(*) FROM findings WHERE control_id = 'DR-004' AND status = 'not-met' AND message LIKE '%exceeds the 24 h ceiling%'")" -ge 1 ]
	python3 -c 'import json; d=json.load(open("reports/report.json")); c=[c for c in d["controls"] if c["id"]=="DR-004"][0]; assert c["verdict"]=="waived" and c["unwaived"]=="not-met" and "Head of Security" in c["waiver"], c; assert d["counts"]["waived"]==1'
	grep -q 'class="badge v-waived"' reports/index.html
	grep -q 'Head of Security until 2026-11-25' reports/index.html
	grep -q 'type="waived"' reports/junit.xml
	grep -q 'name="verdict" ns="urn:ftrkit" value="waived"' reports/oscal-assessment-results.xml
	# a waived report is still valid against the shipped report schema
	python3 -c 'import json, sys, jsonschema; jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))' \
		"$REPO/questionnaires/report.schema.json" reports/report.json
}

@test "waiver the day after its expiry: real verdict back, with the expiry as a finding" {
	waiver 'control="DR-004" expires="2026-11-24" approved-by="Head of Security"'
	ftr assess -w ws --as-of 2026-11-25 -v
	[ "$status" -eq 1 ]
	[[ "$output" == *"DR-004   not met"* ]]
	[[ "$output" == *"waiver approved by Head of Security expired on 2026-11-24"*"(waivers.xml:3)"* ]]
	[[ "$output" == *"0 manual, 0 waived"* ]]
	[ "$(sqlite3 reports/results.sqlite "SELECT count(*) FROM findings WHERE control_id = 'DR-004' AND message LIKE 'waiver approved by Head of Security expired on 2026-11-24%'")" = 1 ]
	[ -z "$(sqlite3 reports/results.sqlite "SELECT waiver FROM controls WHERE id = 'DR-004'")" ]
}

@test "waived counts as not failing: exit 0 when everything else is met" {
	{
		echo '<?xml version="1.0" encoding="UTF-8"?>'
		echo '<waivers>'
		for c in DR-001 DR-003 DR-004 DR-005 DR-006 DR-007 DR-008 DR-009; do
			echo "  <waiver control=\"$c\" expires=\"2027-01-31\" approved-by=\"CISO\" risk=\"medium\"><justification>accepted</justification></waiver>"
		done
		echo '</waivers>'
	} > ws/waivers.xml
	ftr assess -w ws --as-of 2026-11-25
	[ "$status" -eq 0 ]
	[[ "$output" == *"1 met, 0 not met, 0 not applicable, 0 manual, 8 waived"* ]]
	[ "$(sqlite3 reports/results.sqlite "SELECT overall FROM run")" = met ]
}

@test "a waiver of one check and one component waives only those findings" {
	waiver 'control="DR-004" check="rto-ceiling" component="api" expires="2026-12-31" approved-by="CTO"'
	ftr assess -w ws --as-of 2026-11-25
	[ "$(sqlite3 reports/results.sqlite "SELECT count(*) FROM findings WHERE control_id = 'DR-004' AND status = 'waived' AND component = 'api'")" -ge 1 ]
	[ "$(sqlite3 reports/results.sqlite "SELECT count(*) FROM findings WHERE status = 'waived' AND (component IS NOT 'api' OR control_id <> 'DR-004')")" = 0 ]
}

@test "a waiver of a met control leaves it met" {
	waiver 'control="DR-002" expires="2027-01-31" approved-by="CTO"'
	ftr assess -w ws --as-of 2026-11-25
	[ "$(sqlite3 reports/results.sqlite "SELECT verdict FROM controls WHERE id = 'DR-002'")" = met ]
}

@test "a waiver naming a control that does not exist is exit 2 naming file, line and id; nothing written" {
	waiver 'control="DR-099" expires="2027-01-31" approved-by="CTO"'
	ftr assess -w ws --as-of 2026-11-25
	[ "$status" -eq 2 ]
	[[ "$output" == *"ws/waivers.xml:3:"*"control 'DR-099'"* ]]
	[ ! -e reports/results.sqlite ]
}

@test "a waiver naming a check the control does not have is exit 2" {
	waiver 'control="DR-004" check="drill-current" expires="2027-01-31" approved-by="CTO"'
	ftr assess -w ws --as-of 2026-11-25
	[ "$status" -eq 2 ]
	[[ "$output" == *"ws/waivers.xml:3:"*"check 'drill-current' that control DR-004 does not have"* ]]
}

@test "a waiver without approver, without or with a blank justification is exit 2 at its line" {
	waiver 'control="DR-004" expires="2027-01-31"'
	ftr assess -w ws --as-of 2026-11-25
	[ "$status" -eq 2 ]
	[[ "$output" == *"ws/waivers.xml:3:"*"approved-by"* ]]
	waiver 'control="DR-004" expires="2027-01-31" approved-by="CTO"' ''
	ftr assess -w ws --as-of 2026-11-25
	[ "$status" -eq 2 ]
	[[ "$output" == *"ws/waivers.xml:3:"*"justification"* ]]
	waiver 'control="DR-004" expires="2027-01-31" approved-by="  "'
	ftr assess -w ws --as-of 2026-11-25
	[ "$status" -eq 2 ]
	[[ "$output" == *"ws/waivers.xml:3: waiver of DR-004: approved-by is blank"* ]]
	waiver 'control="DR-004" expires="2027-01-31" approved-by="CTO"' '<justification> </justification>'
	ftr assess -w ws --as-of 2026-11-25
	[ "$status" -eq 2 ]
	[[ "$output" == *"ws/waivers.xml:3: waiver of DR-004: justification is blank"* ]]
}

@test "a malformed or impossible expiry date is exit 2 at its line" {
	waiver 'control="DR-004" expires="31/01/2027" approved-by="CTO"'
	ftr assess -w ws --as-of 2026-11-25
	[ "$status" -eq 2 ]
	[[ "$output" == *"ws/waivers.xml:3:"*"expires"* ]]
	waiver 'control="DR-004" expires="2027-02-30" approved-by="CTO"'
	ftr assess -w ws --as-of 2026-11-25
	[ "$status" -eq 2 ]
	[[ "$output" == *"ws/waivers.xml:3: waiver of DR-004: expires '2027-02-30' is not a date"* ]]
}

@test "waivers.xml is packaged and verify re-derives the waived verdict" {
	waiver 'control="DR-004" expires="2026-11-25" approved-by="Head of Security"'
	ftr bundle -w ws --as-of 2026-11-25
	[ "$status" -eq 1 ]
	pkg="$(ls reports/*.zip)"
	unzip -l "$pkg" | grep -q 'data/evidence/waivers.xml'
	ftr verify "$pkg"
	[ "$status" -eq 0 ]
	[[ "$output" == *"verdicts   ok"* ]]
}

@test "--lang ja labels the waived verdict" {
	waiver 'control="DR-004" expires="2026-11-25" approved-by="Head of Security"'
	ftr assess -w ws --as-of 2026-11-25 --lang ja
	[[ "$output" == *"DR-004"*"免除"* ]]
	[[ "$output" == *"免除 1"* ]]
}
