#!/usr/bin/env bats
# Manual attestations: a control judged by a person (partner-evidence) is
# attested in assessment.xml; the report says "manual — attested by … on …";
# an attestation older than attestation-max-age (default P365D) expires.

load helpers

setup() { setup_scratch; }
teardown() { teardown_scratch; }

# attest ATTRS [EXAMINED]: an <attestation> on RES-006 of the sample.
attest() {
	python3 - "$1" "${2-documents/sla.md}" <<'PY'
import sys
p = "evidence/assessment.xml"
s = open(p, encoding="utf-8").read()
old = '<evidence>documents/sla.md</evidence>\n'
new = old + '      <attestation %s><examined>%s</examined></attestation>\n' % (sys.argv[1], sys.argv[2])
assert old in s
open(p, "w", encoding="utf-8").write(s.replace(old, new, 1))
PY
}

assess_current() {
	ftr assess -q questionnaires/ftr-current.xml --as-of "${1:-$AS_OF}" -v
}

@test "an attested control shows manual — attested by … on … and takes the attested verdict" {
	attest 'by="Jane Doe, SRE lead" date="2026-11-20" verdict="met"'
	assess_current
	[[ "$output" == *"RES-006  met "* ]]
	[[ "$output" == *"manual — attested by Jane Doe, SRE lead on 2026-11-20: met; examined documents/sla.md (sha256 "* ]]
	[ "$(sqlite3 reports/results.sqlite "SELECT summary FROM checks WHERE control_id = 'RES-006'")" = "manual — attested by Jane Doe, SRE lead on 2026-11-20" ]
	grep -q 'manual — attested by Jane Doe, SRE lead on 2026-11-20' reports/index.html
	# the other manual controls are still manual
	[[ "$output" == *"RES-007  manual"* ]]
}

@test "an attested not met is not met" {
	attest 'by="Jane Doe" date="2026-11-20" verdict="not-met"'
	assess_current
	[ "$status" -eq 1 ]
	[[ "$output" == *"RES-006  not met"* ]]
}

@test "an attestation expires after attestation-max-age: manual again, saying so (boundary day)" {
	attest 'by="Jane Doe" date="2025-11-25" verdict="met"'
	assess_current 2026-11-25
	[[ "$output" == *"RES-006  met "* ]]
	assess_current 2026-11-26
	[[ "$output" == *"RES-006  manual"* ]]
	[[ "$output" == *"attestation by Jane Doe on 2025-11-25 expired on 2026-11-25"* ]]
}

@test "an attestation dated after --as-of is not met" {
	attest 'by="Jane Doe" date="2026-12-01" verdict="met"'
	assess_current
	[ "$status" -eq 1 ]
	[[ "$output" == *"attestation by Jane Doe is dated 2026-12-01, after the as-of date 2026-11-25"* ]]
}

@test "a bad attestation is exit 2 naming the assessment and line" {
	attest 'by="Jane Doe" date="2026-02-30" verdict="met"'
	assess_current
	[ "$status" -eq 2 ]
	[[ "$output" == *"evidence/assessment.xml:"*"attestation date '2026-02-30' is not a date"* ]]
	cp "$REPO/evidence/assessment.xml" evidence/assessment.xml
	attest 'by="   " date="2026-11-20" verdict="met"'
	assess_current
	[ "$status" -eq 2 ]
	[[ "$output" == *"attestation: by is blank"* ]]
	cp "$REPO/evidence/assessment.xml" evidence/assessment.xml
	attest 'by="Jane" date="2026-11-20" verdict="met"' documents/missing.md
	assess_current
	[ "$status" -eq 2 ]
	[[ "$output" == *"documents/missing.md"* ]]
	cp "$REPO/evidence/assessment.xml" evidence/assessment.xml
	attest 'by="Jane" date="2026-11-20" verdict="maybe"'
	assess_current
	[ "$status" -eq 2 ]
	[[ "$output" == *"evidence/assessment.xml:"*"verdict"* ]]
}
