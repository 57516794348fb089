#!/usr/bin/env bats
# The filled FTR self-assessment workbook (<template> in the assessment):
# DR-003 / DR-006 read its Recovery Point / Recovery Time columns.

load helpers

setup() { setup_scratch; }
teardown() { teardown_scratch; }

XLSX=documents/ftr-self-assessment.xlsx

@test "template: the sample workbook agrees with the assessment, every control met" {
	ftr assess --as-of "$AS_OF" --verbose
	[ "$status" -eq 0 ]
	[[ "$output" == *"$XLSX: sheet 'Resiliency' cell E7: RPO 0 min agrees with assessment.xml line "* ]]
	[[ "$output" == *"$XLSX: sheet 'Resiliency' cell F12: RTO 2 h agrees with assessment.xml line "* ]]
	[ "$(sqlite3 reports/results.sqlite "SELECT kind FROM evidence WHERE path='$XLSX'")" = template ]
	# seven component rows in each column, every one met, pointing at row and cell
	[ "$(sqlite3 reports/results.sqlite "SELECT count(*) FROM findings WHERE control_id='DR-003' AND file='$XLSX' AND status='met'")" = 7 ]
	[ "$(sqlite3 reports/results.sqlite "SELECT count(*) FROM findings WHERE control_id='DR-006' AND file='$XLSX' AND status='met'")" = 7 ]
	[ "$(sqlite3 reports/results.sqlite "SELECT line || ' ' || subject FROM findings WHERE control_id='DR-006' AND file='$XLSX' AND component='documents'")" = "12 F12" ]
}

@test "template: the current FTR numbering reads the same columns (RES-001, RES-002 met)" {
	ftr assess --as-of "$AS_OF" -q questionnaires/ftr-current.xml
	[ "$(sqlite3 reports/results.sqlite "SELECT group_concat(id || '=' || verdict, ' ') FROM controls WHERE id IN ('RES-001','RES-002') ORDER BY id")" = "RES-001=met RES-002=met" ]
	[ "$(sqlite3 reports/results.sqlite "SELECT count(*) FROM findings WHERE file='$XLSX' AND status='met'")" = 14 ]
	[ "$(sqlite3 reports/results.sqlite "SELECT count(*) FROM findings WHERE file='$XLSX' AND status!='met'")" = 0 ]
}

@test "template: failing workspace shows the disagreeing RTO and the cell that is no duration" {
	cp -r "$REPO/tests/workspaces/failing" ws
	ftr assess -w ws --as-of "$AS_OF" -o out --verbose
	[ "$status" -eq 1 ]
	[[ "$output" == *"$XLSX: sheet 'Resiliency' cell F5: RTO 24 h disagrees with assessment.xml line "*", which states 36 h for api (region)"* ]]
	[[ "$output" == *"$XLSX: sheet 'Resiliency' cell E6: '??' is not a duration"* ]]
	[ "$(sqlite3 out/results.sqlite "SELECT line || ' ' || subject || ' ' || component FROM findings WHERE control_id='DR-006' AND file='$XLSX' AND status='not-met'")" = "5 F5 api" ]
	[ "$(sqlite3 out/results.sqlite "SELECT line || ' ' || subject FROM findings WHERE control_id='DR-003' AND file='$XLSX' AND status='not-met'")" = "6 E6" ]
}

@test "template: a corrupt workbook is exit 2 with one line naming it; nothing written" {
	head -c 3000 evidence/$XLSX > cut.xlsx && mv cut.xlsx evidence/$XLSX
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 2 ]
	[ "${#lines[@]}" -eq 1 ]
	[[ "$output" == "ftrkit: evidence/$XLSX: "*"zip archive"* ]]
	[ ! -e reports ]
}

@test "template: a DOCTYPE inside a sheet is refused, naming file and sheet" {
	cp "$REPO/tests/fixtures/xlsx/doctype.xlsx" evidence/$XLSX
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 2 ]
	[ "$output" = "ftrkit: evidence/$XLSX: sheet 'Sheet1': DOCTYPE declarations are not allowed (no DTDs or entities)" ]
}

@test "template: a zip bomb is refused before it is inflated" {
	cp "$REPO/tests/fixtures/xlsx/bomb-size.xlsx" evidence/$XLSX
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 2 ]
	[[ "$output" == "ftrkit: evidence/$XLSX: sheet 'Sheet1': "*"(zip bomb?)" ]]
}

@test "template: a named workbook missing from the workspace is exit 2 naming the assessment line" {
	rm evidence/$XLSX
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 2 ]
	[[ "$output" == "ftrkit: evidence/assessment.xml:"[0-9]*": "*"$XLSX"* ]]
}

@test "template: without <template> the check is not applicable and DR-003/DR-006 still met" {
	sed -i '/<template path=/d' evidence/assessment.xml
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	[ "$(sqlite3 reports/results.sqlite "SELECT count(*) FROM findings WHERE control_id IN ('DR-003','DR-006') AND status='not-applicable' AND message LIKE '%names no self-assessment template%'")" = 2 ]
	[ "$(sqlite3 reports/results.sqlite "SELECT group_concat(verdict) FROM controls WHERE id IN ('DR-003','DR-006')")" = "met,met" ]
}

@test "template: an empty Recovery Time column is not met" {
	python3 - "$REPO/tools/make-sample-xlsx.py" evidence/$XLSX <<-'EOF'
	import importlib.util, sys
	spec = importlib.util.spec_from_file_location("mk", sys.argv[1])
	mk = importlib.util.module_from_spec(spec); spec.loader.exec_module(mk)
	sheets = mk.sample_sheets()
	rows = sheets[1][1]["rows"]
	for r in rows.values():
	    if len(r) > 5 and r is not rows[4]:
	        r[5] = None
	mk.write_workbook(sys.argv[2], sheets)
	EOF
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	[ "$(sqlite3 reports/results.sqlite "SELECT verdict FROM controls WHERE id='DR-006'")" = not-met ]
	[ "$(sqlite3 reports/results.sqlite "SELECT subject || ': ' || message FROM findings WHERE control_id='DR-006' AND status='not-met'")" = \
	  "F4: $XLSX: sheet 'Resiliency' column F (header F4) holds no RTO at all" ]
}

@test "template: the committed samples are what tools/make-sample-xlsx.py writes" {
	python3 "$REPO/tools/make-sample-xlsx.py" --check
}

@test "template: the sample workbook is well-formed OOXML (zipfile + xml.etree)" {
	python3 - "$REPO/evidence/$XLSX" "$REPO/tests/workspaces/failing/$XLSX" <<-'EOF'
	import posixpath, sys, zipfile
	import xml.etree.ElementTree as ET
	M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
	R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
	P = "{http://schemas.openxmlformats.org/package/2006/relationships}"
	CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
	for path in sys.argv[1:]:
	    z = zipfile.ZipFile(path)
	    assert z.testzip() is None, path
	    names = set(z.namelist())
	    trees = {n: ET.fromstring(z.read(n)) for n in names if n.endswith((".xml", ".rels"))}
	    assert "<!DOCTYPE" not in "".join(z.read(n).decode("utf-8") for n in trees)
	    types = trees["[Content_Types].xml"]
	    overrides = {o.get("PartName") for o in types.iter(CT + "Override")}
	    defaults = {d.get("Extension") for d in types.iter(CT + "Default")}
	    for n in names:
	        assert "/" + n in overrides or n.rsplit(".", 1)[-1] in defaults, n
	    root = {r.get("Target") for r in trees["_rels/.rels"].iter(P + "Relationship")}
	    assert "xl/workbook.xml" in root
	    rels = {r.get("Id"): posixpath.join("xl", r.get("Target"))
	            for r in trees["xl/_rels/workbook.xml.rels"].iter(P + "Relationship")}
	    assert all(t in names for t in rels.values()), rels
	    sst = [si for si in trees["xl/sharedStrings.xml"].iter(M + "si")]
	    sheets = list(trees["xl/workbook.xml"].iter(M + "sheet"))
	    assert sheets and sheets[-1].get("name") == "Resiliency"
	    for s in sheets:
	        sheet = trees[rels[s.get(R + "id")]]
	        last = 0
	        for row in sheet.iter(M + "row"):
	            assert int(row.get("r")) > last
	            last = int(row.get("r"))
	            for c in row.iter(M + "c"):
	                assert c.get("r").endswith(row.get("r")), c.get("r")
	                if c.get("t") == "s":
	                    assert int(c.find(M + "v").text) < len(sst)
	EOF
}

@test "template: init shows where <template> goes, and uncommenting it is valid" {
	ftr init ws
	[ "$status" -eq 0 ]
	grep -q '<template path="documents/ftr-self-assessment.xlsx"/>' ws/assessment.xml
	cp "evidence/$XLSX" "ws/$XLSX"
	sed -i 's|<!-- The filled FTR self-assessment workbook.*\(<template path="[^"]*"/>\) -->|\1|' ws/assessment.xml
	grep -q '^ *<template path=' ws/assessment.xml
	ftr assess -w ws --as-of "$AS_OF" -o out
	[ "$status" -le 1 ]
	[ "$(sqlite3 out/results.sqlite "SELECT kind FROM evidence WHERE path='$XLSX'")" = template ]
}

# patch_workbook PY: rewrite evidence/$XLSX, applying the Python statements
# in PY to the text of its parts (sheet = the Resiliency sheet, styles,
# strings = the shared strings).
patch_workbook() {
	python3 - "evidence/$XLSX" "$1" <<'PY'
import sys, zipfile
path, code = sys.argv[1], sys.argv[2]
z = zipfile.ZipFile(path)
parts = {i.filename: z.read(i.filename) for i in z.infolist()}
z.close()
sheet = parts["xl/worksheets/sheet2.xml"].decode()
styles = parts["xl/styles.xml"].decode()
strings = parts["xl/sharedStrings.xml"].decode()
def cell(ref, value, style):
    """replace cell ref by a number with cell format style"""
    global sheet
    import re
    sheet, n = re.subn(r'<c r="%s"[^>]*>.*?</c>' % ref,
                       '<c r="%s" s="%d"><v>%s</v></c>' % (ref, style, value), sheet)
    assert n == 1, ref
exec(code)
parts["xl/worksheets/sheet2.xml"] = sheet.encode()
parts["xl/styles.xml"] = styles.encode()
parts["xl/sharedStrings.xml"] = strings.encode()
with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
    for name, data in parts.items():
        out.writestr(name, data)
PY
}

@test "template: Excel time and elapsed-time cells (0:05 stored as 0.003472...) read as durations" {
	# cell formats 2.. : h:mm (built-in 20), [h]:mm:ss (custom), mm:ss (built-in 45),
	# m/d/yy (built-in 14, a date: not a duration)
	patch_workbook '
styles = styles.replace("<fonts", "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"[h]:mm:ss;@\"/></numFmts><fonts")
styles = styles.replace("<cellXfs count=\"2\">", "<cellXfs count=\"6\">")
styles = styles.replace("</cellXfs>", "<xf numFmtId=\"20\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/><xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/><xf numFmtId=\"45\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/><xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>")
cell("F7", "3.4722222222222224E-3", 2)
cell("F11", "0.08333333333333333", 3)
cell("E10", "6.9444444444444447E-4", 4)
'
	ftr assess --as-of "$AS_OF" --verbose
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"cell F7: RTO 5 min agrees with assessment.xml line "* ]]
	[[ "$output" == *"cell F11: RTO 2 h agrees with assessment.xml line "* ]]
	[[ "$output" == *"cell E10: RPO 1 min agrees with assessment.xml line "* ]]
	# a date is not a duration, nor is a bare number without a time format
	patch_workbook 'cell("F7", "46351", 5)
cell("F8", "0.010416666666666666", 0)'
	ftr assess --as-of "$AS_OF" --verbose
	[ "$status" -eq 1 ]
	[[ "$output" == *"cell F7: '46351' is not a duration"* ]]
	[[ "$output" == *"cell F8: '0.010416666666666666' is not a duration"* ]]
}

@test "template: a row naming a component the assessment does not have is not met (DR-003, DR-006)" {
	patch_workbook 'strings = strings.replace("<t>sessions</t>", "<t>billing-of-another-product</t>")'
	ftr assess --as-of "$AS_OF" --verbose
	[ "$status" -eq 1 ]
	[[ "$output" == *"$XLSX: sheet 'Resiliency' cell E13: RPO 1 h for component 'billing-of-another-product', which assessment.xml does not have"* ]]
	[ "$(sqlite3 reports/results.sqlite "SELECT group_concat(id || '=' || verdict, ' ') FROM controls WHERE id IN ('DR-003','DR-006') ORDER BY id")" = "DR-003=not-met DR-006=not-met" ]
	[ "$(sqlite3 reports/results.sqlite "SELECT group_concat(subject, ' ') FROM findings WHERE file='$XLSX' AND status='not-met'")" = "E13 F13" ]
}
