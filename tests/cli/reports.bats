#!/usr/bin/env bats
# The reports of `ftrkit assess`: HTML (structure by XPath, tidy-clean, no
# external reference), JUnit and OSCAL (schema-valid against the unchanged
# schemas in tests/schemas/), --format, --lang, reproducibility, and a
# hostile evidence file name that must come out escaped in every report.

load helpers

setup() { setup_scratch; }
teardown() { teardown_scratch; }

SCHEMAS="$BATS_TEST_DIRNAME/../schemas"
HOSTILE='<script>alert(1)</script>.log'

# xp FILE XPATH: the string value of XPATH in the HTML file.
xp() {
	xmllint --html --xpath "$2" "$1" 2>/dev/null
}

# Put the hostile file into the sample workspace and cite it as a drill log.
add_hostile_evidence() {
	mkdir -p "evidence/drills/<script>alert(1)<"
	cp evidence/drills/2026-10-07-web-instance-failure.md "evidence/drills/$HOSTILE"
	sed -i 's|<drill-log>drills/2026-10-07-web-instance-failure.md</drill-log>|&\n      <drill-log>drills/\&lt;script\&gt;alert(1)\&lt;/script\&gt;.log</drill-log>|' \
		evidence/assessment.xml
	grep -q 'alert(1)' evidence/assessment.xml
}

@test "assess writes all four reports by default" {
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	for f in index.html report.json junit.xml oscal-assessment-results.xml results.sqlite; do
		[ -s "reports/$f" ]
	done
	assert_no_temp_files
}

@test "--format writes only the reports asked for" {
	ftr assess --as-of "$AS_OF" --format junit,oscal
	[ "$status" -eq 0 ]
	[ -s reports/junit.xml ]
	[ -s reports/oscal-assessment-results.xml ]
	[ -s reports/results.sqlite ]
	[ ! -e reports/index.html ]
	[ ! -e reports/report.json ]
	rm -rf reports
	ftr assess --as-of "$AS_OF" --format html
	[ -s reports/index.html ]
	[ ! -e reports/junit.xml ]
	[ ! -e reports/report.json ]
	[ ! -e reports/oscal-assessment-results.xml ]
	ftr assess --as-of "$AS_OF" --format pdf
	[ "$status" -eq 2 ]
	[[ "$output" == *"unknown report 'pdf'"* ]]
}

@test "junit.xml validates against junit-10.xsd (passing and failing workspace)" {
	ftr assess --as-of "$AS_OF"
	run xmllint --noout --schema "$SCHEMAS/junit/junit-10.xsd" reports/junit.xml
	[ "$status" -eq 0 ]
	cp -r "$REPO/tests/workspaces/failing" ws
	ftr assess -w ws --as-of "$AS_OF" -o out
	[ "$status" -eq 1 ]
	run xmllint --noout --schema "$SCHEMAS/junit/junit-10.xsd" out/junit.xml
	[ "$status" -eq 0 ]
}

@test "junit.xml: one testcase per control, failures for not met, counts agree" {
	cp -r "$REPO/tests/workspaces/failing" ws
	ftr assess -w ws --as-of "$AS_OF" -o out
	[ "$(xmllint --xpath 'count(/testsuites/testsuite)' out/junit.xml)" = 1 ]
	[ "$(xmllint --xpath 'count(//testcase)' out/junit.xml)" = 9 ]
	[ "$(xmllint --xpath 'count(//testcase[failure])' out/junit.xml)" = 8 ]
	[ "$(xmllint --xpath 'string(/testsuites/testsuite/@failures)' out/junit.xml)" = 8 ]
	[ "$(xmllint --xpath 'string(/testsuites/testsuite/@tests)' out/junit.xml)" = 9 ]
	line=$(grep -n 'rto="36 hours"' ws/assessment.xml | cut -d: -f1)
	xmllint --xpath 'string(//testcase[starts-with(@name,"DR-004")]/failure)' out/junit.xml |
		grep -q "RTO 36 h exceeds the 24 h ceiling (assessment.xml:$line)"
	[ "$(xmllint --xpath 'count(//testcase[starts-with(@name,"DR-002")]/failure)' out/junit.xml)" = 0 ]
}

@test "oscal-assessment-results.xml validates against the NIST OSCAL 1.2.1 schema" {
	ftr assess --as-of "$AS_OF"
	run xmllint --noout --schema "$SCHEMAS/oscal/oscal_assessment-results_schema.xsd" \
		reports/oscal-assessment-results.xml
	[ "$status" -eq 0 ]
	cp -r "$REPO/tests/workspaces/failing" ws
	ftr assess -w ws --as-of "$AS_OF" -o out
	run xmllint --noout --schema "$SCHEMAS/oscal/oscal_assessment-results_schema.xsd" \
		out/oscal-assessment-results.xml
	[ "$status" -eq 0 ]
}

@test "oscal: version 1.2.1, a finding per control with its status, observations point at hashed evidence" {
	cp -r "$REPO/tests/workspaces/failing" ws
	ftr assess -w ws --as-of "$AS_OF" -o out
	f=out/oscal-assessment-results.xml
	q() { python3 - "$f" "$1" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"o": "http://csrc.nist.gov/ns/oscal/1.0"}
root = ET.parse(sys.argv[1]).getroot()
print(eval(sys.argv[2]))
PY
	}
	[ "$(q 'root.find("o:metadata/o:oscal-version", ns).text')" = 1.2.1 ]
	[ "$(q 'root.find("o:metadata/o:last-modified", ns).text')" = 2026-11-25T00:00:00Z ]
	[ "$(q 'len(root.findall("o:result/o:finding", ns))')" = 9 ]
	[ "$(q 'len(root.findall("o:result/o:reviewed-controls/o:control-selection/o:include-control", ns))')" = 9 ]
	[ "$(q 'len(root.findall(".//o:finding/o:target/o:status[@state=\"not-satisfied\"]", ns))')" = 8 ]
	[ "$(q 'len(root.findall(".//o:finding/o:target/o:status[@state=\"satisfied\"]", ns))')" = 1 ]
	# one observation per finding row
	[ "$(q 'len(root.findall("o:result/o:observation", ns))')" = \
	  "$(sqlite3 out/results.sqlite 'SELECT count(*) FROM findings')" ]
	# every relevant-evidence points at a back-matter resource that carries the file's hash
	q '[(r.find("o:rlink", ns).get("href"), r.find("o:rlink/o:hash", ns).text) for r in root.findall("o:back-matter/o:resource", ns) if r.find("o:rlink", ns) is not None]' |
		grep -q "('assessment.xml', '$(sha256sum ws/assessment.xml | cut -d' ' -f1)')"
	[ "$(q 'all(any(("#"+r.get("uuid")) == e.get("href") for r in root.findall("o:back-matter/o:resource", ns)) for e in root.iter("{http://csrc.nist.gov/ns/oscal/1.0}relevant-evidence"))')" = True ]
}

@test "index.html: structure by XPath (verdict, controls, objectives, inventory)" {
	cp -r "$REPO/tests/workspaces/failing" ws
	ftr assess -w ws --as-of "$AS_OF" -o out
	h=out/index.html
	[ "$(xp $h 'string(/html/@lang)')" = en ]
	[ "$(xp $h 'count(//head/style)')" = 1 ]
	[ "$(xp $h 'normalize-space(//div[@id="overall"]//span[contains(@class,"badge")])')" = "✗ not met" ]
	[ "$(xp $h 'count(//section[@id="summary"]//tbody/tr)')" = 9 ]
	[ "$(xp $h 'count(//section[@id="summary"]//tbody/tr[@class="v-not-met"])')" = 8 ]
	[ "$(xp $h 'count(//article[contains(@class,"control")])')" = 9 ]
	# each control: requirement text, what was checked, findings with evidence path, line and hash
	xp $h 'string(//article[@id="DR-004"]//p[@class="requirement"])' | grep -q 'never exceed 24 hours'
	xp $h 'string(//article[@id="DR-004"]//p[@class="summary"])' | grep -q 'rto-ceiling'
	xp $h 'string(//article[@id="DR-004"]//li[@class="v-not-met"])' | grep -q 'RTO 36 h exceeds the 24 h ceiling'
	[ "$(xp $h 'string(//article[@id="DR-004"]//li[@class="v-not-met"]//a/@href)')" = ../ws/assessment.xml ]
	line=$(grep -n 'rto="36 hours"' ws/assessment.xml | cut -d: -f1)
	xp $h 'string(//article[@id="DR-004"]//li[@class="v-not-met"]//span[@class="ev"])' | grep -q ", line $line, SHA-256"
	[ "$(xp $h 'string(//article[@id="DR-004"]//li[@class="v-not-met"]//code[@class="sha"])')" = \
	  "$(sha256sum ws/assessment.xml | cut -d' ' -f1)" ]
	# objectives table and the empty drill state
	[ "$(xp $h 'count(//table[@class="objectives"]/tbody/tr)')" = \
	  "$(sqlite3 out/results.sqlite 'SELECT count(*) FROM objectives')" ]
	# drill chart: one bar per measured drill, or the "no drill measurements" note
	measured=$(sqlite3 out/results.sqlite 'SELECT count(*) FROM drills WHERE recovery_seconds IS NOT NULL')
	if [ "$measured" -eq 0 ]; then
		[ "$(xp $h 'count(//p[contains(@class,"no-drills")])')" = 1 ]
	else
		[ "$(xp $h 'count(//svg[contains(@class,"recovery")]//rect[contains(@class,"bar")])')" = "$measured" ]
	fi
	# evidence inventory: every file, with size, hash and the controls citing it
	[ "$(xp $h 'count(//table[@class="inventory"]/tbody/tr)')" = \
	  "$(sqlite3 out/results.sqlite 'SELECT count(*) FROM evidence')" ]
	xp $h 'string(//table[@class="inventory"]/tbody/tr[td[1]="assessment.xml"]/td[5])' | grep -q 'DR-001 DR-002'
}

@test "index.html: no script, no external URL of any kind, tidy reports no errors" {
	ftr assess --as-of "$AS_OF"
	h=reports/index.html
	[ "$(xp $h 'count(//script)')" = 0 ]
	[ "$(xp $h 'count(//link|//img|//iframe|//object|//embed)')" = 0 ]
	[ "$(grep -Eic '(https?|ftp):|//[a-z]|url\(' $h)" = 0 ]
	[ "$(xp $h 'count(//a[@href][not(starts-with(@href,"#")) and not(starts-with(@href,"../evidence/"))])')" = 0 ]
	run tidy -e -q "$h"
	[ "$status" -eq 0 ]
}

@test "index.html in Japanese: headings, verdict labels and durations" {
	ftr assess --as-of "$AS_OF" --lang ja
	h=reports/index.html
	[ "$(xp $h 'string(/html/@lang)')" = ja ]
	[ "$(xp $h 'string(//section[@id="objectives"]/h2)')" = 復旧目標 ]
	[ "$(xp $h 'normalize-space(//div[@id="overall"]//span[contains(@class,"badge")])')" = "✓ 適合" ]
	xp $h 'string(//article[@id="DR-001"]/header/h3)' | grep -q '目標復旧時点'
	xp $h 'string(//table[@class="objectives"]/tbody/tr[td[2]="data-corruption"][1]/td[5])' | grep -qx '2時間'
	run tidy -e -q "$h"
	[ "$status" -eq 0 ]
}

@test "terminal summary in Japanese stays aligned (display width, not bytes)" {
	cp -r "$REPO/tests/workspaces/failing" ws
	ftr assess -w ws --as-of "$AS_OF" --lang ja --format json
	[ "$status" -eq 1 ]
	[[ "${lines[1]}" == "管理策  判定    理由" ]]
	[[ "${lines[2]}" == "DR-001  不適合  api (instance): RPO が記載されていません" ]]
	[[ "${lines[3]}" == "DR-002  適合    RTO の記載: "* ]]
	[[ "$output" == *"管理策 9 件: 適合 1、不適合 8、対象外 0、要確認 0"* ]]
	# the reason column starts at the same display column on every row
	python3 - "$output" <<'PY'
import sys, unicodedata
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
rows = sys.argv[1].splitlines()[1:11]
starts = set()
for r in rows:
    # display column where the third field (the reason) starts
    parts = [p for p in r.split(" ") if p]
    third = r.index(parts[2], len(parts[0]) + len(parts[1]))
    starts.add(width(r[:third]))
assert len(starts) == 1, starts
PY
}

@test "hostile evidence file name comes out escaped in html, junit, oscal and json" {
	add_hostile_evidence
	ftr assess --as-of "$AS_OF"
	[ -s reports/index.html ]
	# html: no script element, the name is text, the link is percent-encoded
	[ "$(grep -c '<script>' reports/index.html)" = 0 ]
	[ "$(xp reports/index.html 'count(//script)')" = 0 ]
	[ "$(xp reports/index.html "count(//table[@class='inventory']//a[.='drills/$HOSTILE'])")" = 1 ]
	[ "$(xp reports/index.html "string(//table[@class='inventory']//a[.='drills/$HOSTILE']/@href)")" = \
	  "../evidence/drills/%3Cscript%3Ealert(1)%3C/script%3E.log" ]
	run tidy -e -q reports/index.html
	[ "$status" -eq 0 ]
	# junit and oscal: well-formed, schema-valid, the name present as text only
	[ "$(grep -c '<script>' reports/junit.xml)" = 0 ]
	[ "$(grep -c '<script>' reports/oscal-assessment-results.xml)" = 0 ]
	grep -q '&lt;script&gt;alert(1)&lt;/script&gt;.log' reports/junit.xml
	grep -q '&lt;script&gt;alert(1)&lt;/script&gt;.log' reports/oscal-assessment-results.xml
	xmllint --noout --schema "$SCHEMAS/junit/junit-10.xsd" reports/junit.xml
	xmllint --noout --schema "$SCHEMAS/oscal/oscal_assessment-results_schema.xsd" reports/oscal-assessment-results.xml
	xmllint --xpath 'string(/)' reports/junit.xml | grep -qF "drills/$HOSTILE"
	python3 - "$HOSTILE" <<'PY'
import sys, json, xml.etree.ElementTree as ET
name = "drills/" + sys.argv[1]
ns = {"o": "http://csrc.nist.gov/ns/oscal/1.0"}
root = ET.parse("reports/oscal-assessment-results.xml").getroot()
titles = [t.text for t in root.findall("o:back-matter/o:resource/o:title", ns)]
assert name in titles, titles
d = json.load(open("reports/report.json"))
assert name in [e["path"] for e in d["evidence"]]
PY
}

@test "two runs give byte-identical html, junit and oscal reports" {
	ftr assess --as-of "$AS_OF"
	mkdir first
	cp reports/index.html reports/junit.xml reports/oscal-assessment-results.xml first/
	TZ=Asia/Tokyo LANG=C "$FTRKIT" assess --as-of "$AS_OF" >/dev/null
	cmp first/index.html reports/index.html
	cmp first/junit.xml reports/junit.xml
	cmp first/oscal-assessment-results.xml reports/oscal-assessment-results.xml
	# a different as-of date changes the OSCAL document's identity
	"$FTRKIT" assess --as-of 2026-11-26 >/dev/null
	[ "$(xmllint --xpath 'string(/*/@uuid)' first/oscal-assessment-results.xml)" != \
	  "$(xmllint --xpath 'string(/*/@uuid)' reports/oscal-assessment-results.xml)" ]
}

@test "the schemas in tests/schemas are the unchanged published files" {
	cd "$SCHEMAS"
	sha256sum -c - <<'SUMS'
a1a816f58d1bf95ebabf371994df0b9246dee66ea9572fbec4f9296f1b2c0ff6  junit/junit-10.xsd
0d3ae02021aaf852c970efe8951764a9fd972d34fc65c6a91f0aa2209568c28a  oscal/oscal_assessment-results_schema.xsd
4f9e277a177adbcca9527612ce450a33dc6096773fa229d413d801d196c61985  oscal/oscal_assessment-results_schema.json
SUMS
	grep -q 'Copyright (c) 2014, Gregory Boissinot' junit/junit-10.xsd
}

# schema_valid SCHEMA JSON: validate JSON against the draft 2020-12 SCHEMA
# with Debian's python3-jsonschema (the system interpreter owns it).
schema_valid() {
	py=python3; [ -x /usr/bin/python3 ] && py=/usr/bin/python3
	"$py" - "$1" "$2" <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
errors = sorted(cls(schema).iter_errors(json.load(open(sys.argv[2]))), key=str)
for e in errors[:10]:
    print("%s: %s" % ("/".join(map(str, e.absolute_path)), e.message))
sys.exit(1 if errors else 0)
PY
}

@test "report.json validates against questionnaires/report.schema.json (sample and failing workspace)" {
	ftr assess --as-of "$AS_OF"
	run schema_valid "$REPO/questionnaires/report.schema.json" reports/report.json
	echo "$output"
	[ "$status" -eq 0 ]
	cp -r "$REPO/tests/workspaces/failing" ws
	ftr assess -w ws --as-of "$AS_OF" -o out
	[ "$status" -eq 1 ]
	run schema_valid "$REPO/questionnaires/report.schema.json" out/report.json
	echo "$output"
	[ "$status" -eq 0 ]
	# the schema bites: a report missing its drills, or with a bad verdict, fails
	python3 -c 'import json,sys; d=json.load(open("out/report.json")); del d["drills"]; json.dump(d, open("bad.json","w"))'
	run schema_valid "$REPO/questionnaires/report.schema.json" bad.json
	[ "$status" -eq 1 ]
	python3 -c 'import json,sys; d=json.load(open("out/report.json")); d["controls"][0]["verdict"]="pass"; json.dump(d, open("bad.json","w"))'
	run schema_valid "$REPO/questionnaires/report.schema.json" bad.json
	[ "$status" -eq 1 ]
}

@test "report.json holds what index.html shows: drills measured, schedule, configs, objectives beside drills" {
	ftr assess --as-of "$AS_OF"
	python3 - <<'PY'
import json, sqlite3
d = json.load(open("reports/report.json"))
db = sqlite3.connect("reports/results.sqlite")
count = lambda t: db.execute("SELECT count(*) FROM " + t).fetchone()[0]
for key, table in [("drills", "drills"), ("schedule", "scenario_status"), ("configs", "configs"),
                   ("components", "components"), ("scenarios", "scenarios"),
                   ("objectives", "objectives"), ("evidence", "evidence")]:
    assert len(d[key]) == count(table) > 0, (key, len(d[key]), count(table))
drills = {x["file"]: x for x in d["drills"]}
pitr = drills["drills/2026-08-20-db-pitr-restore.md"]
assert pitr["recovery_seconds"] == 3780 and pitr["data_loss_seconds"] == 60, pitr
assert pitr["outcome"] == "success" and len(pitr["sha256"]) == 64
sched = {x["scenario"]: x for x in d["schedule"]}
assert sched["db-az-failover"] == {"scenario": "db-az-failover", "cadence": "quarterly",
    "last_success": "2026-09-16", "next_due": "2026-12-16", "overdue": False}, sched
obj = {(o["component"], o["disruption"]): o for o in d["objectives"]}
assert obj[("database", "data-corruption")]["latest_drill"]["data_loss_seconds"] == 60
assert obj[("database", "instance")]["latest_drill"] is None
ev = {e["path"]: e["sha256"] for e in d["evidence"]}
for c in d["controls"]:
    for k in c["checks"]:
        for f in k["findings"]:
            assert f["sha256"] == (ev[f["file"]] if f["file"] else None), f
assert any(c["fact"] == "BackupRetentionPeriod" and c["value"] == "14" for c in d["configs"])
PY
}

# oscal_json_valid DOC: validate against NIST's OSCAL 1.2.1 JSON Schema.
oscal_json_valid() {
	py=python3; [ -x /usr/bin/python3 ] && py=/usr/bin/python3
	"$py" "$REPO/tests/tools/oscal_json_validate.py" \
		"$SCHEMAS/oscal/oscal_assessment-results_schema.json" "$1"
}

@test "--format oscal-json: oscal-assessment-results.json validates against the NIST OSCAL 1.2.1 JSON schema" {
	ftr assess --as-of "$AS_OF" --format oscal-json
	[ "$status" -eq 0 ]
	[ -s reports/oscal-assessment-results.json ]
	[ ! -e reports/oscal-assessment-results.xml ]
	run oscal_json_valid reports/oscal-assessment-results.json
	echo "$output"
	[ "$status" -eq 0 ]
	cp -r "$REPO/tests/workspaces/failing" ws
	ftr assess -w ws --as-of "$AS_OF" -o out
	[ "$status" -eq 1 ]
	run oscal_json_valid out/oscal-assessment-results.json
	echo "$output"
	[ "$status" -eq 0 ]
	# the validator bites: a result without its uuid fails
	python3 -c 'import json; d=json.load(open("out/oscal-assessment-results.json")); del d["assessment-results"]["results"][0]["uuid"]; json.dump(d, open("bad.json","w"))'
	run oscal_json_valid bad.json
	[ "$status" -eq 1 ]
	[[ "$output" == *"'uuid' is a required property"* ]]
}

@test "oscal XML and JSON: the same document; import-ap resolves to the questionnaire with its hash; findings reach components and hashed evidence" {
	cp -r "$REPO/tests/workspaces/failing" ws
	ftr assess -w ws --as-of "$AS_OF" -o out
	python3 - "$REPO/questionnaires/ftr-dr.xml" <<'PY'
import hashlib, json, sys, xml.etree.ElementTree as ET
ns = {"o": "http://csrc.nist.gov/ns/oscal/1.0"}
x = ET.parse("out/oscal-assessment-results.xml").getroot()
j = json.load(open("out/oscal-assessment-results.json"))["assessment-results"]
# the same document in both forms
assert j["uuid"] == x.get("uuid")
assert len(j["results"][0]["observations"]) == len(x.findall("o:result/o:observation", ns))
assert [f["uuid"] for f in j["results"][0]["findings"]] == \
       [f.get("uuid") for f in x.findall("o:result/o:finding", ns)]
qsha = hashlib.sha256(open(sys.argv[1], "rb").read()).hexdigest()
for ap, resources in [(x.find("o:import-ap", ns).get("href"),
                       [{"uuid": r.get("uuid"),
                         "rlinks": [{"href": l.get("href"),
                                     "hashes": [{"algorithm": h.get("algorithm"), "value": h.text}
                                                for h in l.findall("o:hash", ns)]}
                                    for l in r.findall("o:rlink", ns)]}
                        for r in x.findall("o:back-matter/o:resource", ns)]),
                      (j["import-ap"]["href"], j["back-matter"]["resources"])]:
    # import-ap resolves to a back-matter resource that links the questionnaire with its hash
    target = [r for r in resources if "#" + r["uuid"] == ap]
    assert len(target) == 1, ap
    link = target[0]["rlinks"][0]
    assert link["href"] == "questionnaire/ftr-dr.xml", link
    assert link["hashes"] == [{"algorithm": "SHA-256", "value": qsha}], link
res = j["results"][0]
components = {c["uuid"]: c for c in res["local-definitions"]["components"]}
import sqlite3
ids = {r[0] for r in sqlite3.connect("out/results.sqlite").execute("SELECT id FROM components")}
assert ids and {p["value"] for c in components.values() for p in c["props"]
                if p["name"] == "component"} == ids, (components, ids)
observations = {o["uuid"]: o for o in res["observations"]}
resources = {"#" + r["uuid"]: r for r in j["back-matter"]["resources"]}
with_subject = 0
for f in res["findings"]:
    for rel in f.get("related-observations", []):
        o = observations[rel["observation-uuid"]]
        for s in o.get("subjects", []):
            assert s["type"] == "component" and s["subject-uuid"] in components, s
            with_subject += 1
        for ev in o.get("relevant-evidence", []):
            r = resources[ev["href"]]
            assert len(r["rlinks"][0]["hashes"][0]["value"]) == 64
assert with_subject > 0
PY
}
