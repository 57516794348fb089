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

@test "month-end due dates never skip a month; every event has a VALARM a week before" {
	# monthly from 2026-10-30 and quarterly from a change on 2026-11-30:
	# plain FREQ=MONTHLY would skip every February
	sed -i 's/id="sessions-pitr-restore" component="sessions" disruption="data-corruption" cadence="half-yearly"/id="sessions-pitr-restore" component="sessions" disruption="data-corruption" cadence="monthly"/' evidence/assessment.xml
	sed -i 's/id="db-az-failover" component="database" disruption="az" cadence="quarterly"/id="db-az-failover" component="database" disruption="az" cadence="monthly"/' evidence/assessment.xml
	sed -i 's|</major-changes>|  <change date="2026-12-31" component="web">Web tier rebuilt.</change>\n  </major-changes>|' evidence/assessment.xml
	ftr schedule --as-of 2026-12-31
	[ "$status" -eq 1 ]
	ical_python - <<'PY'
import datetime
from icalendar import Calendar
from dateutil.rrule import rrulestr
cal = Calendar.from_ical(open("reports/drills.ics", "rb").read())
ev = {str(e["UID"]).split("@")[0]: e for e in cal.walk("VEVENT")}

def occurrences(e, n):
    start = e.decoded("DTSTART")
    start = datetime.datetime(start.year, start.month, start.day)
    rule = rrulestr(e["RRULE"].to_ical().decode(), dtstart=start)
    return [d.date().isoformat() for d in rule[:n]]

got = occurrences(ev["sessions-pitr-restore"], 6)
assert got == ["2026-10-30", "2026-11-30", "2026-12-30", "2027-01-30",
               "2027-02-28", "2027-03-30"], got
got = occurrences(ev["web-instance-failure"], 5)
assert got == ["2026-12-31", "2027-03-31", "2027-06-30", "2027-09-30",
               "2027-12-31"], got
# an ordinary day keeps a plain rule
assert "BYSETPOS" not in ev["db-az-failover"]["RRULE"], ev["db-az-failover"]["RRULE"]
for uid, e in ev.items():
    alarms = [c for c in e.subcomponents if c.name == "VALARM"]
    assert len(alarms) == 1, uid
    assert alarms[0]["ACTION"] == "DISPLAY"
    assert alarms[0].decoded("TRIGGER") == datetime.timedelta(days=-7), uid
    assert "In a week" in str(alarms[0]["DESCRIPTION"])
PY
}

@test "SEQUENCE: 0 at first, kept while an event is unchanged, one up when it changes" {
	ftr schedule --as-of "$AS_OF"
	[ "$(grep -c '^SEQUENCE:0' reports/drills.ics)" -eq 6 ]
	# a later day changes nothing but DTSTAMP: the same SEQUENCE
	ftr schedule --as-of 2026-11-26
	[ "$(grep -c '^SEQUENCE:0' reports/drills.ics)" -eq 6 ]
	sed -i 's/id="s3-accidental-deletion" component="documents" disruption="accidental-deletion" cadence="yearly"/id="s3-accidental-deletion" component="documents" disruption="accidental-deletion" cadence="half-yearly"/' evidence/assessment.xml
	ftr schedule --as-of 2026-11-26
	sed -i 's/id="s3-accidental-deletion" component="documents" disruption="accidental-deletion" cadence="half-yearly"/id="s3-accidental-deletion" component="documents" disruption="accidental-deletion" cadence="yearly"/' evidence/assessment.xml
	ftr schedule --as-of 2026-11-26
	[ "$status" -eq 0 ]
	ical_python - <<'PY'
from icalendar import Calendar
cal = Calendar.from_ical(open("reports/drills.ics", "rb").read())
seq = {str(e["UID"]).split("@")[0]: int(e["SEQUENCE"]) for e in cal.walk("VEVENT")}
assert seq.pop("s3-accidental-deletion") == 2, seq
assert set(seq.values()) == {0}, seq
PY
	# a previous calendar that is garbage or hostile only restarts the count
	printf 'BEGIN:VEVENT\r\nUID:s3-accidental-deletion@acme-ledger.ftrkit\r\nSEQUENCE:99999999999999999999\r\nEND:VEVENT\r\n' > reports/drills.ics
	ftr schedule --as-of 2026-11-26
	[ "$status" -eq 0 ]
	[ "$(grep -c '^SEQUENCE:0' reports/drills.ics)" -eq 6 ]
}
