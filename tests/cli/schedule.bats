#!/usr/bin/env bats
# ftrkit schedule: the drill calendar table, reports/drills.ics checked with
# an independent parser (python3-icalendar), exit codes.

load helpers

# Debian's python3-icalendar belongs to the system interpreter, which may
# not be the first python3 on PATH.
ical_python() {
	if [ -x /usr/bin/python3 ]; then /usr/bin/python3 "$@"; else python3 "$@"; fi
}

setup() { setup_scratch; }
teardown() { teardown_scratch; }

@test "sample: nothing overdue, exit 0, a table and drills.ics" {
	ftr schedule --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	[[ "$output" == *"db-az-failover               quarterly    2026-09-16   2026-12-16   ok"* ]]
	[ -s reports/drills.ics ]
	assert_no_temp_files
}

@test "drills.ics parses with python3-icalendar: one event per scenario, RRULE, stable UIDs" {
	ftr schedule --as-of "$AS_OF"
	ical_python - <<'PY'
from icalendar import Calendar
cal = Calendar.from_ical(open("reports/drills.ics", "rb").read())
events = [c for c in cal.walk() if c.name == "VEVENT"]
assert len(events) == 6, len(events)
by_uid = {str(e["UID"]): e for e in events}
db = by_uid["db-az-failover@acme-ledger.ftrkit"]
assert db.decoded("DTSTART").isoformat() == "2026-12-16", db.decoded("DTSTART")
rr = db["RRULE"]
assert rr["FREQ"] == ["MONTHLY"] and rr["INTERVAL"] == [3], rr
s3 = by_uid["s3-accidental-deletion@acme-ledger.ftrkit"]
assert s3["RRULE"]["INTERVAL"] == [12]
assert all(e.decoded("DTSTAMP").isoformat() == "2026-11-25T00:00:00+00:00" for e in events)
pitr = by_uid["db-pitr-restore@acme-ledger.ftrkit"]
assert "データ破損" in str(pitr["SUMMARY"]), pitr["SUMMARY"]
PY
	# RFC 5545: CRLF everywhere, no line longer than 75 octets
	[ "$(LC_ALL=C grep -c $'[^\r]$' reports/drills.ics)" = 0 ]
	[ "$(LC_ALL=C grep -c '^$' reports/drills.ics)" = 0 ]
	[ "$(LC_ALL=C awk '{ sub(/\r$/, ""); if (length($0) > 75) n++ } END { print n+0 }' reports/drills.ics)" = 0 ]
}

@test "same inputs give the same calendar bytes" {
	ftr schedule --as-of "$AS_OF"
	cp reports/drills.ics first.ics
	TZ=Pacific/Auckland "$FTRKIT" schedule --as-of "$AS_OF" >/dev/null
	cmp first.ics reports/drills.ics
}

@test "failing workspace: overdue scenarios, exit 1, duration cadence as DAILY" {
	cp -r "$REPO/tests/workspaces/failing" ws
	sed -i 's/id="queue-restore" component="queue" disruption="data-corruption" cadence="quarterly"/id="queue-restore" component="queue" disruption="data-corruption" cadence="45d"/' ws/assessment.xml
	ftr schedule -w ws --as-of "$AS_OF" -o out
	[ "$status" -eq 1 ]
	[[ "$output" == *"queue-restore                45d          2026-03-05   2026-04-19   OVERDUE"* ]]
	[[ "$output" == *"api-region-failover          yearly       never        now          OVERDUE (never drilled successfully)"* ]]
	ical_python - <<'PY'
from icalendar import Calendar
cal = Calendar.from_ical(open("out/drills.ics", "rb").read())
ev = {str(e["UID"]): e for e in cal.walk("VEVENT")}
q = ev["queue-restore@tiny-api.ftrkit"]
assert q["RRULE"]["FREQ"] == ["DAILY"] and q["RRULE"]["INTERVAL"] == [45], q["RRULE"]
assert "overdue" in str(q["SUMMARY"])
# never drilled: due on the as-of date
assert ev["api-region-failover@tiny-api.ftrkit"].decoded("DTSTART").isoformat() == "2026-11-25"
PY
}

@test "a major change brings the next drill forward" {
	sed -i 's|</major-changes>|  <change date="2026-11-20" component="web">Moved the web tier to Graviton.</change>\n  </major-changes>|' evidence/assessment.xml
	ftr schedule --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	[[ "$output" == *"web-instance-failure         quarterly    2026-10-07   2026-11-20   OVERDUE"* ]]
	ftr schedule --as-of 2026-11-20
	[ "$status" -eq 0 ]
	[[ "$output" == *"2026-11-20   due after major change"* ]]
}

@test "input error: exit 2, message names the file, no calendar written" {
	sed -i 's/cadence="quarterly"/cadence="every blue moon"/' evidence/assessment.xml
	ftr schedule --as-of "$AS_OF"
	[ "$status" -eq 2 ]
	[[ "$output" == "ftrkit: evidence/assessment.xml:"* ]]
	[ ! -e reports/drills.ics ]
}

@test "schedule takes no arguments" {
	ftr schedule extra
	[ "$status" -eq 2 ]
	[[ "$output" == *"schedule takes no arguments"* ]]
}
