#!/usr/bin/env bats
# Evidence dates: effective= (the day the evidence speaks for) separate from
# collected= (the day it was exported); DR-008's evidence-current judges
# recency by the effective date and flags stale evidence.

load helpers

setup() { setup_scratch; }
teardown() { teardown_scratch; }

# date_config ATTRS: put ATTRS on the first <config> of the sample.
date_config() {
	sed -i "0,/<config path=\"configs\/rds-describe-db-clusters.json\"\/>/s||<config path=\"configs/rds-describe-db-clusters.json\" $1/>|" evidence/assessment.xml
	grep -q "rds-describe-db-clusters.json\" $1" evidence/assessment.xml
}

@test "undated evidence: evidence-current is not applicable and DR-008 stays met" {
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	[ "$(sqlite3 reports/results.sqlite "SELECT verdict || ' ' || summary FROM checks WHERE control_id = 'DR-008' AND name = 'evidence-current'")" = \
	  "not-applicable no evidence carries an effective or collection date" ]
}

@test "recency uses the effective date, not the collection date (boundary day)" {
	# collected yesterday, but it speaks for a day 93 days ago: stale
	date_config 'effective="2026-08-24" collected="2026-11-24"'
	ftr assess --as-of "$AS_OF" -v
	[ "$status" -eq 1 ]
	[[ "$output" == *"DR-008   not met"* ]]
	[[ "$output" == *"configs/rds-describe-db-clusters.json is stale: effective 2026-08-24, older than 92 d"* ]]
	# 92 days is still current
	cp "$REPO/evidence/assessment.xml" evidence/assessment.xml
	date_config 'effective="2026-08-25" collected="2026-08-26"'
	ftr assess --as-of "$AS_OF" -v
	[ "$status" -eq 0 ]
	[[ "$output" == *"configs/rds-describe-db-clusters.json is current: effective 2026-08-25"* ]]
}

@test "only a collection date: it decides; a future date is not met" {
	date_config 'collected="2026-12-01"'
	ftr assess --as-of "$AS_OF" -v
	[ "$status" -eq 1 ]
	[[ "$output" == *"configs/rds-describe-db-clusters.json is dated 2026-12-01, after the as-of date"* ]]
}

@test "a bad evidence date, or effective after collected, is exit 2 at its line" {
	date_config 'effective="2026-13-01"'
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 2 ]
	line=$(grep -n 'rds-describe-db-clusters.json' evidence/assessment.xml | head -n 1 | cut -d: -f1)
	[[ "$output" == *"evidence/assessment.xml:$line:"* ]]
	cp "$REPO/evidence/assessment.xml" evidence/assessment.xml
	date_config 'effective="2026-11-02" collected="2026-11-01"'
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 2 ]
	[[ "$output" == *"evidence/assessment.xml:$line: evidence 'configs/rds-describe-db-clusters.json': effective date after its collection date"* ]]
}
