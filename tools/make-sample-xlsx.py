#!/usr/bin/env python3
"""make-sample-xlsx.py - write the filled FTR self-assessment templates.

    python3 tools/make-sample-xlsx.py            # both samples, in place
    python3 tools/make-sample-xlsx.py --check    # fail when a committed copy differs

Writes, with nothing but the standard library (zipfile), the Office Open XML
parts of a small workbook: [Content_Types].xml, the package and workbook
relationships, xl/workbook.xml, xl/styles.xml, xl/sharedStrings.xml and one
xl/worksheets/sheetN.xml per sheet.  Output is byte-for-byte reproducible
(fixed entry order and timestamps with one zlib); --check compares the
parts inside the committed copies, so a different zlib does not matter.

  evidence/documents/ftr-self-assessment.xlsx        agrees with evidence/assessment.xml
  tests/workspaces/failing/documents/ftr-self-assessment.xlsx
                                                     a Recovery Time that disagrees
                                                     and a cell that is no duration

write_workbook() is also used by tests/fixtures/xlsx/make-fixtures.py.
"""
import io
import os
import sys
import zipfile
from xml.sax.saxutils import escape, quoteattr

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
FIXED_TIME = (2026, 11, 2, 9, 0, 0)


def col_name(n):
    """1 -> A, 28 -> AB."""
    out = ""
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


class SharedStrings:
    def __init__(self):
        self.index = {}
        self.items = []
        self.count = 0

    def add(self, text):
        self.count += 1
        if text not in self.index:
            self.index[text] = len(self.items)
            self.items.append(text)
        return self.index[text]

    def xml(self):
        parts = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
                 '<sst xmlns="%s" count="%d" uniqueCount="%d">' % (MAIN_NS, self.count, len(self.items))]
        for text in self.items:
            space = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
            parts.append("<si><t%s>%s</t></si>" % (space, escape(text)))
        parts.append("</sst>")
        return "".join(parts)


def cell_xml(ref, value, sst, inline, style):
    s = ' s="%d"' % style if style else ""
    if value is None:
        return ""
    if isinstance(value, bool):
        return '<c r="%s"%s t="b"><v>%d</v></c>' % (ref, s, int(value))
    if isinstance(value, (int, float)):
        return '<c r="%s"%s><v>%s</v></c>' % (ref, s, repr(value))
    if inline or sst is None:
        return '<c r="%s"%s t="inlineStr"><is><t>%s</t></is></c>' % (ref, s, escape(value))
    return '<c r="%s"%s t="s"><v>%d</v></c>' % (ref, s, sst.add(value))


def sheet_xml(rows, sst, inline_cols=(), widths=None, header_row=None):
    """rows: {row_number: [value, ...]} or a list (row 1 first); None = empty."""
    if isinstance(rows, list):
        rows = {i + 1: r for i, r in enumerate(rows)}
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
           '<worksheet xmlns="%s" xmlns:r="%s">' % (MAIN_NS, REL_NS)]
    if header_row:
        out.append('<sheetViews><sheetView workbookViewId="0"><pane ySplit="%d" '
                   'topLeftCell="A%d" activePane="bottomLeft" state="frozen"/>'
                   '</sheetView></sheetViews>' % (header_row, header_row + 1))
    out.append('<sheetFormatPr defaultRowHeight="15"/>')
    if widths:
        out.append("<cols>")
        for i, w in enumerate(widths, 1):
            out.append('<col min="%d" max="%d" width="%s" customWidth="1"/>' % (i, i, w))
        out.append("</cols>")
    out.append("<sheetData>")
    for number in sorted(rows):
        values = rows[number]
        style = 1 if number == header_row else 0
        cells = "".join(cell_xml("%s%d" % (col_name(c), number), v, sst,
                                 c in inline_cols, style)
                        for c, v in enumerate(values, 1))
        if cells:
            out.append('<row r="%d">%s</row>' % (number, cells))
    out.append("</sheetData></worksheet>")
    return "".join(out)


STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<styleSheet xmlns="%s">'
          '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
          '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
          '<fills count="2"><fill><patternFill patternType="none"/></fill>'
          '<fill><patternFill patternType="gray125"/></fill></fills>'
          '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
          '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
          '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
          '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
          '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
          '</styleSheet>' % MAIN_NS)


def workbook_parts(sheets, shared=True):
    """sheets: [(name, sheet_xml_or_rows_spec)].  Returns [(part, bytes)] in
    archive order.  A spec is a dict with rows, inline_cols, widths,
    header_row; a str is taken as the sheet XML itself."""
    sst = SharedStrings() if shared else None
    sheet_parts = []
    for i, (name, spec) in enumerate(sheets, 1):
        if isinstance(spec, str):
            body = spec
        else:
            body = sheet_xml(spec["rows"], sst, spec.get("inline_cols", ()),
                             spec.get("widths"), spec.get("header_row"))
        sheet_parts.append(("xl/worksheets/sheet%d.xml" % i, body))
    overrides = ['<Override PartName="/xl/workbook.xml" ContentType="application/'
                 'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
                 '<Override PartName="/xl/styles.xml" ContentType="application/'
                 'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>']
    for part, _ in sheet_parts:
        overrides.append('<Override PartName="/%s" ContentType="application/vnd.'
                         'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' % part)
    if sst is not None:
        overrides.append('<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                         'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
    content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>%s</Types>'
                     % "".join(overrides))
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Relationships xmlns="%s"><Relationship Id="rId1" Type="%s/officeDocument" '
                 'Target="xl/workbook.xml"/></Relationships>' % (PKG_REL_NS, REL_NS))
    sheets_xml = "".join('<sheet name=%s sheetId="%d" r:id="rId%d"/>' % (quoteattr(name), i, i)
                         for i, (name, _) in enumerate(sheets, 1))
    workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<workbook xmlns="%s" xmlns:r="%s"><bookViews><workbookView activeTab="%d"/>'
                '</bookViews><sheets>%s</sheets></workbook>'
                % (MAIN_NS, REL_NS, len(sheets) - 1, sheets_xml))
    rels = ['<Relationship Id="rId%d" Type="%s/worksheet" Target="worksheets/sheet%d.xml"/>'
            % (i, REL_NS, i) for i in range(1, len(sheets) + 1)]
    n = len(sheets)
    rels.append('<Relationship Id="rId%d" Type="%s/styles" Target="styles.xml"/>' % (n + 1, REL_NS))
    if sst is not None:
        rels.append('<Relationship Id="rId%d" Type="%s/sharedStrings" Target="sharedStrings.xml"/>'
                    % (n + 2, REL_NS))
    wb_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<Relationships xmlns="%s">%s</Relationships>' % (PKG_REL_NS, "".join(rels)))
    parts = [("[Content_Types].xml", content_types), ("_rels/.rels", root_rels),
             ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", wb_rels),
             ("xl/styles.xml", STYLES)]
    parts += sheet_parts
    if sst is not None:
        parts.append(("xl/sharedStrings.xml", sst.xml()))
    return [(p, b if isinstance(b, bytes) else b.encode("utf-8")) for p, b in parts]


def zip_bytes(parts):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for part, data in parts:
            info = zipfile.ZipInfo(part, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    return buf.getvalue()


def write_workbook(path, sheets, shared=True):
    data = zip_bytes(workbook_parts(sheets, shared))
    write_bytes(path, data)
    return data


def write_bytes(path, data):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


HEADER = ["Requirement ID", "Requirement", "Component", "Disruption",
          "Recovery Point", "Recovery Time", "Response"]
WIDTHS = [16, 60, 36, 22, 16, 16, 60]

INSTRUCTIONS = {"rows": [
    ["AWS Foundational Technical Review - partner self-assessment"],
    ["Fill in one row per requirement.  For DR-003 and DR-006 give one row per "
     "component and disruption type, with the RPO in 'Recovery Point' and the RTO "
     "in 'Recovery Time' (for example 15m, 2 hours, PT1H, 2時間)."],
    ["Send the completed workbook to your AWS Partner Solutions Architect."],
], "widths": [120]}


def requirement(rid, text, response):
    return [rid, text, None, None, None, None, response]


def objective_row(component, disruption, rpo, rto, response=None, rid="DR-003 / DR-006",
                  text=None):
    return [rid, text, component, disruption, rpo, rto, response]


def sample_sheets():
    """The sample workspace's template: agrees with evidence/assessment.xml."""
    rows = {
        1: ["AWS FTR self-assessment: Resiliency (DR)"],
        2: ["Partner: Acme Cloud Services K.K.", "Product: acme-ledger 4.2 (ap-northeast-1)"],
        4: HEADER,
        5: requirement("DR-001", "Define a Recovery Point Objective (RPO) according to your "
                       "organizational needs.",
                       "Met. RPO per component and disruption type, see documents/dr-policy.md."),
        6: requirement("DR-002", "Define a Recovery Time Objective (RTO) according to your "
                       "organizational needs.",
                       "Met. RTO per component and disruption type, see documents/dr-policy.md."),
        7: objective_row("web", "instance", "0m", "5m",
                         "Met. Auto Scaling replaces the instance; stateless tier.",
                         text="Provide your RPO in the 'Recovery Point' column and your RTO "
                              "in the 'Recovery Time' column of the assessment template."),
        8: objective_row("web", "az", "0m", "15m", "Met. ALB across three AZs."),
        9: objective_row("Ledger database (Aurora PostgreSQL)", "instance", "0m", "10m",
                         "Met. Aurora replica promotion."),
        10: objective_row("database", "AZ failure", "1m", "15m", "Met. Multi-AZ cluster."),
        11: objective_row("database", "Data corruption", "1 hour", "2 hours",
                          "Met. Point-in-time recovery, drilled half-yearly."),
        12: objective_row("documents", "accidental deletion", "1時間", "2時間",
                          "Met. S3 versioning and replication."),
        13: objective_row("sessions", "data-corruption", "PT1H", "PT4H",
                          "Met. DynamoDB point-in-time recovery (non-critical)."),
        14: requirement("DR-004", "Define an RTO to meet business needs; minutes for critical "
                        "components, never over 24 hours.",
                        "Met. Minutes for instance and AZ loss; 2 hours for data corruption."),
        15: requirement("DR-005", "RTO of critical components no more than 24 hours.",
                        "Met. Longest critical RTO: 2 hours."),
        16: requirement("DR-007", "Perform testing.", "Met. Drills follow runbooks/, logs in drills/."),
        17: requirement("DR-008", "Test regularly, periodically and after major updates.",
                        "Met. Quarterly/half-yearly/yearly drills; repeated after the Aurora 16 upgrade."),
        18: requirement("DR-009", "Provide the test log of the most recent test.",
                        "Met. drills/2026-10-07-web-instance-failure.md"),
    }
    return [("Instructions", INSTRUCTIONS),
            ("Resiliency", {"rows": rows, "inline_cols": (7,), "widths": WIDTHS,
                            "header_row": 4})]


def failing_sheets():
    """The failing workspace's template: api's region RTO disagrees with the
    assessment (24 hours vs 36 hours) and queue's RPO is no duration."""
    rows = {
        1: ["FTR self-assessment: tiny-api"],
        3: HEADER,
        4: objective_row("api", "instance", None, "10分", "Met"),
        5: objective_row("Public API", "region", "1 hour", "24 hours", "Met"),
        6: objective_row("queue", "az", "??", "30m", "Met"),
    }
    return [("Resiliency", {"rows": rows, "widths": WIDTHS, "header_row": 3})]


TARGETS = [
    ("evidence/documents/ftr-self-assessment.xlsx", sample_sheets),
    ("tests/workspaces/failing/documents/ftr-self-assessment.xlsx", failing_sheets),
]


def main(argv):
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    check = "--check" in argv
    stale = []
    for rel, sheets in TARGETS:
        parts = workbook_parts(sheets())
        path = os.path.join(repo, rel)
        if check:
            # Compare the parts, not the bytes: another zlib may deflate
            # differently and still be right.
            try:
                with zipfile.ZipFile(path) as z:
                    same = [(i.filename, z.read(i)) for i in z.infolist()] == parts
            except (OSError, zipfile.BadZipFile):
                same = False
            if not same:
                stale.append(rel)
        else:
            write_bytes(path, zip_bytes(parts))
            print("wrote", rel)
    if stale:
        print("stale (run python3 tools/make-sample-xlsx.py): " + ", ".join(stale),
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
