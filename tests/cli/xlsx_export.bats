#!/usr/bin/env bats
# --format xlsx: reports/ftr-self-assessment.xlsx, the FTR self-assessment
# workbook ready to hand in, in the layout export and import share.  Read
# back with independent readers (python3-openpyxl, LibreOffice) and with
# ftrkit's own template-column reader; reproducible, atomic, and hostile
# text (control characters, <>&, formula prefixes, invalid UTF-8 names,
# over-long cells) comes out as plain, well-formed string cells.

load helpers

setup() { setup_scratch; }
teardown() { teardown_scratch; }

XLSX=reports/ftr-self-assessment.xlsx

# Debian's python3-openpyxl belongs to the system interpreter, which may not
# be the first python3 on PATH.
xl_python() {
	if [ -x /usr/bin/python3 ]; then /usr/bin/python3 "$@"; else python3 "$@"; fi
}

@test "xlsx: header, title rows, DR-001 and the objective rows read back with openpyxl" {
	ftr assess --as-of 2026-11-02 --format xlsx
	[ "$status" -eq 0 ]
	[ -s "$XLSX" ]
	[ ! -e reports/index.html ]
	assert_no_temp_files
	policy_sha="$(sha256sum evidence/documents/dr-policy.md | cut -d' ' -f1)"
	POLICY_SHA="$policy_sha" xl_python - "$XLSX" <<'PY'
import os, re, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["Resiliency", "Components"], wb.sheetnames
ws = wb["Resiliency"]
v = lambda ref: ws[ref].value
assert v("A1") == "AWS FTR self-assessment: Resiliency (DR)", v("A1")
assert v("A2") == "Partner: Acme Cloud Services K.K.", v("A2")
assert v("B2") == "Product: acme-ledger 4.2", v("B2")
assert v("C2") == "As of: 2026-11-02", v("C2")
assert v("D2").startswith("Written by ftrkit "), v("D2")
assert all(c.value is None for c in ws[3]), "row 3 is empty"
header = [ws.cell(4, c).value for c in range(1, 13)]
assert header == ["Requirement ID", "Requirement", "Component", "Disruption",
                  "Recovery Point", "Recovery Time", "Response", "Status",
                  "Last drill", "ftrkit verdict", "Findings", "Evidence (SHA-256)"], header
assert ws.cell(4, 13).value is None
# every cell is a string: no numbers, no formulas
for row in ws.iter_rows():
    for c in row:
        if c.value is not None:
            assert c.data_type == "s", (c.coordinate, c.data_type, c.value)
rows = [[ws.cell(r, c).value for c in range(1, 13)] for r in range(5, ws.max_row + 1)]
dr1 = rows[0]
assert dr1[0] == "DR-001", dr1
assert dr1[1].startswith("Recovery Point Objective") or "RPO" in dr1[1], dr1[1]
assert dr1[2] is None and dr1[4] is None and dr1[5] is None
assert dr1[6] == "RPO per component and disruption type; see the objectives above.", dr1[6]
assert dr1[7] == "met" and dr1[9] == "met", dr1
assert dr1[10], "DR-001 has findings"
ev = dr1[11].split("\n")
line = os.environ["POLICY_SHA"] + "  documents/dr-policy.md"
assert line in ev, ev
assert all(re.fullmatch(r"[0-9a-f]{64}  \S.*", e) for e in ev), ev
# the objective rows follow DR-003's row, one per component x objective
ids = [r[0] for r in rows]
i3 = ids.index("DR-003")
objs = rows[i3 + 1:i3 + 1 + 9]
assert all(r[0] == "DR-003 / DR-006" for r in objs), objs
assert ids[i3 + 10] == "DR-004", ids
got = [(r[2], r[3], r[4], r[5]) for r in objs]
assert got == [("web", "instance", "0m", "5m"), ("web", "az", "0m", "15m"),
               ("database", "instance", "0m", "10m"), ("database", "az", "1m", "15m"),
               ("database", "data-corruption", "1h", "2h"),
               ("documents", "accidental-deletion", "1時間", "2時間"),
               ("sessions", "data-corruption", "PT1H", "PT4H"),
               ("api", "az", "0m", "30m"), ("api", "data-corruption", "2d", "4h")], got
last = {(r[2], r[3]): r[8] for r in objs}
assert last[("documents", "accidental-deletion")] == "2026-06-11", last
assert last[("web", "instance")] == "2026-10-07", last
assert last[("api", "az")] is None, last
assert all(r[9] is None and r[10] is None for r in objs)
# every control of the questionnaire, in order
ctl = [i for i in ids if i != "DR-003 / DR-006"]
assert ctl[:9] == ["DR-%03d" % n for n in range(1, 10)], ctl
c = wb["Components"]
assert [x.value for x in c[1]] == ["Component", "Name", "Criticality", "Resources"]
api = [x.value for x in c[6]]
assert api[0] == "api" and api[2] == "non-critical", api
assert api[3].split("\n") == [
    "arn:aws:ecs:ap-northeast-1:111122223333:service/ledger-prod/ledger-api",
    "arn:aws:elasticache:ap-northeast-1:111122223333:replicationgroup:ledger-cache"], api
assert [x.value for x in c[2]][:3] == ["web", "Web tier (EC2 Auto Scaling + ALB)", "critical"]
PY
}

@test "xlsx: the failing workspace's not-met verdicts and findings, as results.sqlite has them" {
	cp -r "$REPO/tests/workspaces/failing" ws
	ftr assess -w ws --as-of "$AS_OF" -o out --format xlsx
	[ "$status" -eq 1 ]
	xl_python - out/ftr-self-assessment.xlsx out/results.sqlite <<'PY'
import sqlite3, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Resiliency"]
db = sqlite3.connect(sys.argv[2])
rows = {ws.cell(r, 1).value: r for r in range(5, ws.max_row + 1)}
notmet = 0
for cid, verdict in db.execute("SELECT id, verdict FROM controls ORDER BY seq"):
    r = rows[cid]
    assert ws.cell(r, 10).value == verdict.replace("-", " "), (cid, ws.cell(r, 10).value, verdict)
    notmet += verdict == "not-met"
    findings = ws.cell(r, 11).value or ""
    for (msg,) in db.execute("SELECT message FROM findings WHERE control_id = ? AND status = 'not-met'", (cid,)):
        assert msg in findings, (cid, msg, findings)
assert notmet >= 3, notmet
PY
}

@test "xlsx: an evidence cell's hash is the file's sha256sum" {
	ftr assess --as-of "$AS_OF" --format xlsx
	[ "$status" -eq 0 ]
	xl_python - "$XLSX" > cells.txt <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Resiliency"]
for r in range(5, ws.max_row + 1):
    if ws.cell(r, 1).value == "DR-007":
        print(ws.cell(r, 12).value)
PY
	[ "$(wc -l < cells.txt)" -ge 7 ]
	(cd evidence && sha256sum -c --strict ../cells.txt)
	grep -q '  drills/2026-10-07-web-instance-failure.md$' cells.txt
}

@test "xlsx: two runs with the same --as-of give identical bytes; bundle carries it and verify regenerates it" {
	mkdir tmp
	TMPDIR="$SCRATCH/tmp" ftr assess --as-of "$AS_OF" --format xlsx
	[ "$status" -eq 0 ]
	# libxlsxwriter's part files and the workbook built under $TMPDIR are gone
	[ -z "$(ls -A tmp)" ]
	cp "$XLSX" first.xlsx
	sleep 1
	ftr assess --as-of "$AS_OF" --format xlsx,html
	[ "$status" -eq 0 ]
	cmp first.xlsx "$XLSX"
	unzip -Z -T "$XLSX" | grep -q ' 19800101\.000000 '
	run bash -c "unzip -Z -T '$XLSX' | grep -v ' 19800101\.000000 ' | grep -c 'xml'"
	[ "$output" = 0 ]
	run bash -c "unzip -p '$XLSX' docProps/core.xml"
	[[ "$output" == *"2026-11-25T00:00:00Z"* ]]
	ftr bundle --as-of "$AS_OF" --format xlsx,html
	[ "$status" -eq 0 ]
	run bash -c "unzip -p '$PKG' '$PKG_NAME/data/ftr-self-assessment.xlsx' | cmp - first.xlsx"
	[ "$status" -eq 0 ]
	ftr verify "$PKG"
	[ "$status" -eq 0 ]
}

@test "xlsx: not asked for, not written (the default reports stay as they were)" {
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	[ -s reports/index.html ]
	[ ! -e "$XLSX" ]
}

@test "xlsx: a failed write leaves no workbook and no temporary file" {
	ftr assess --as-of "$AS_OF" --format xlsx
	[ "$status" -eq 0 ]
	cp "$XLSX" before.xlsx
	TMPDIR="$SCRATCH/no-such-dir" ftr assess --as-of 2026-11-26 --format xlsx,json
	[ "$status" -ne 0 ]
	[[ "$output" == *"ftr-self-assessment.xlsx"* ]]
	cmp before.xlsx "$XLSX"
	[ ! -e reports/report.json ]
	assert_no_temp_files
}

@test "xlsx: hostile names and notes stay plain string cells; over-long cells are cut with a marker" {
	long="$(head -c 40000 /dev/zero | tr '\0' 'x')"
	bad=$'documents/bad-\xff\xfe-name.md'
	echo "evidence" > "evidence/$bad"
	/usr/bin/python3 - evidence/assessment.xml "$long" <<'PY'
import sys
p, long = sys.argv[1], sys.argv[2]
s = open(p, encoding="utf-8").read()
s = s.replace('name="Web tier (EC2 Auto Scaling + ALB)"', 'name="Web &lt;b&gt; &amp; tier&#9;tab"', 1)
s = s.replace("<notes>RPO per component and disruption type; see the objectives above.</notes>",
              "<notes>=HYPERLINK(\"http://x\",\"y\")</notes>", 1)
s = s.replace("<notes>RTO per component and disruption type.</notes>", "<notes>+1+2</notes>", 1)
s = s.replace("<notes>Recovery Point column of the self-assessment template, one row per component and disruption.</notes>",
              "<notes>-2+3 &lt;x&gt; &amp; y</notes>", 1)
s = s.replace('<control ref="DR-005" status="met"/>',
              '<control ref="DR-005" status="met"><notes>@SUM(A1)</notes></control>', 1)
s = s.replace("<notes>Drills follow the runbooks in runbooks/; logs are in drills/.</notes>",
              "<notes>" + long + "</notes>", 1)
open(p, "w", encoding="utf-8").write(s)
PY
	ftr assess --as-of "$AS_OF" --format xlsx
	[ "$status" -eq 0 ]
	xl_python - "$XLSX" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Resiliency"]
rows = {ws.cell(r, 1).value: r for r in range(5, ws.max_row + 1)}
def g(cid):
    c = ws.cell(rows[cid], 7)
    assert c.data_type == "s", (cid, c.data_type)
    return c.value
assert g("DR-001") == '=HYPERLINK("http://x","y")', g("DR-001")
assert g("DR-002") == "+1+2"
assert g("DR-003") == "-2+3 <x> & y"
assert g("DR-005") == "@SUM(A1)"
long = g("DR-007")
assert len(long) <= 32767, len(long)
assert long.startswith("xxxx") and long.endswith("[truncated by ftrkit: 40000 characters]"), long[-80:]
for row in ws.iter_rows():
    for c in row:
        assert c.data_type in ("s", "n") and (c.value is None or isinstance(c.value, str)), c
c = wb["Components"]
name = c["B2"].value
assert name == "Web <b> & tier\ttab", repr(name)
assert c["B2"].data_type == "s"
PY
}

@test "xlsx: the exported workbook, named as the template, passes template-column (DR-003, DR-006)" {
	ftr assess --as-of "$AS_OF" --format xlsx
	[ "$status" -eq 0 ]
	cp "$XLSX" evidence/documents/exported.xlsx
	sed -i 's|<template path="documents/ftr-self-assessment.xlsx"/>|<template path="documents/exported.xlsx"/>|' \
		evidence/assessment.xml
	grep -q 'documents/exported.xlsx' evidence/assessment.xml
	ftr assess --as-of "$AS_OF" --format json
	[ "$status" -eq 0 ]
	run sqlite3 reports/results.sqlite \
		"SELECT id || ' ' || verdict FROM controls WHERE id IN ('DR-003','DR-006') ORDER BY id"
	[ "$output" = $'DR-003 met\nDR-006 met' ]
	run sqlite3 reports/results.sqlite \
		"SELECT count(*) FROM findings WHERE file = 'documents/exported.xlsx' AND control_id = 'DR-003'"
	[ "$output" -ge 9 ]
}

@test "xlsx: LibreOffice opens the workbook (csv conversion has the expected cells)" {
	command -v soffice || skip "LibreOffice (libreoffice-calc-nogui) not installed"
	ftr assess --as-of "$AS_OF" --format xlsx
	[ "$status" -eq 0 ]
	mkdir lo csv
	HOME="$SCRATCH/lo" timeout 120 soffice -env:UserInstallation="file://$SCRATCH/lo/profile" \
		--headless --convert-to csv:"Text - txt - csv (StarCalc)":44,34,76 --outdir csv "$XLSX"
	[ -s csv/ftr-self-assessment.csv ]
	grep -q '^"Requirement ID","Requirement","Component","Disruption","Recovery Point","Recovery Time","Response","Status","Last drill","ftrkit verdict","Findings","Evidence (SHA-256)"' \
		csv/ftr-self-assessment.csv || grep -q '^Requirement ID,Requirement,Component,Disruption,Recovery Point,Recovery Time,Response,Status,Last drill,ftrkit verdict,Findings,' csv/ftr-self-assessment.csv
	grep -q '^"\?DR-003 / DR-006"\?,,"\?documents"\?,"\?accidental-deletion"\?,"\?1時間"\?,"\?2時間"\?,,,"\?2026-06-11"\?' csv/ftr-self-assessment.csv
	grep -q '^"\?DR-003 / DR-006"\?,,"\?web"\?,"\?instance"\?,"\?0m"\?,"\?5m"\?,' csv/ftr-self-assessment.csv
	grep -q '^"\?DR-001"\?,' csv/ftr-self-assessment.csv
}

@test "xlsx: with no template-column control (tailored out) the objective rows still come, after the controls" {
	cat > strict.xml <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<tailoring questionnaire="ftr-dr" by="Head of Security">
  <select control="DR-003" selected="false"><reason>no template</reason></select>
  <select control="DR-006" selected="false"><reason>no template</reason></select>
</tailoring>
XML
	ftr assess --as-of "$AS_OF" -t strict.xml --format xlsx
	[ "$status" -eq 0 ]
	xl_python - "$XLSX" <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Resiliency"]
rows = [[ws.cell(r, c).value for c in range(1, 13)] for r in range(5, ws.max_row + 1)]
ids = [r[0] for r in rows]
assert ids[:9] == ["DR-%03d" % n for n in range(1, 10)], ids
tail = rows[9:]
assert len(tail) == 9 and all(r[0] is None for r in tail), tail
assert (tail[5][2], tail[5][4], tail[5][5]) == ("documents", "1時間", "2時間"), tail[5]
assert rows[2][9] == "not applicable", rows[2]
PY
}

@test "xlsx: a findings cell over Excel's 32767 characters is cut with a marker, the workbook still opens" {
	/usr/bin/python3 - evidence/assessment.xml <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
extra = "".join(
    '<component id="svc-%04d-%s" name="Service %d" criticality="critical">'
    '<objective disruption="az" rpo="5m" rto="15m"/></component>\n' % (i, "x" * 40, i)
    for i in range(600))
s = s.replace("</components>", extra + "</components>", 1)
open(p, "w", encoding="utf-8").write(s)
PY
	ftr assess --as-of "$AS_OF" --format xlsx
	[ "$status" -le 1 ]
	xl_python - "$XLSX" <<'PY'
import re, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Resiliency"]
rows = {ws.cell(r, 1).value: r for r in range(5, ws.max_row + 1)}
k = ws.cell(rows["DR-001"], 11).value
assert 32000 < len(k) <= 32767, len(k)
m = re.search(r"\n\[truncated by ftrkit: (\d+) characters\]$", k)
assert m and int(m.group(1)) > 32767, k[-100:]
assert k.startswith("web (instance)"), k[:40]
assert wb["Components"].max_row == 1 + 5 + 600
PY
}

@test "xlsx: written under the seccomp filter, with no network call" {
	command -v strace >/dev/null || skip "strace not installed (tools/deps.sh installs it)"
	strace -qq -o /dev/null true 2>/dev/null || skip "machine: ptrace is not permitted here"
	export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
	run strace -f -qq -e trace=socket,socketpair,connect,seccomp,openat -o xlsx.trace \
		"$FTRKIT" assess --as-of "$AS_OF" --format xlsx
	[ "$status" -eq 0 ]
	[ -s "$XLSX" ]
	grep -q 'seccomp(SECCOMP_SET_MODE_FILTER, 0, {len=' xlsx.trace
	# the filter is in before the workbook's temporary folder is used
	filter="$(grep -n 'SECCOMP_SET_MODE_FILTER' xlsx.trace | head -1 | cut -d: -f1)"
	parts="$(grep -n 'ftrkit-xlsx-' xlsx.trace | head -1 | cut -d: -f1)"
	[ -n "$parts" ]
	[ "$filter" -lt "$parts" ]
	run grep -cE 'socket\(|connect\(' xlsx.trace
	[ "$output" = 0 ]
}
