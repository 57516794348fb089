#!/usr/bin/env bats
# -t/--tailoring FILE: select controls and override check parameters
# without touching the shipped questionnaire; recorded in results.sqlite,
# bag-info and every report, packaged, and re-derived by verify.

load helpers

setup() { setup_scratch; }
teardown() { teardown_scratch; }

# tailor BODY...: strict.xml for ftr-dr by Head of Security holding BODY.
tailor() {
	{
		echo '<?xml version="1.0" encoding="UTF-8"?>'
		echo '<tailoring questionnaire="ftr-dr" by="Head of Security">'
		printf '%s\n' "$@"
		echo '</tailoring>'
	} > strict.xml
}

@test "a tailored RTO ceiling decides the verdict and every report says so" {
	cp questionnaires/ftr-dr.xml shipped.xml
	tailor '  <set control="DR-004" check="rto-ceiling" param="ceiling" value="PT1H"/>'
	ftr assess --as-of "$AS_OF" -t strict.xml
	[ "$status" -eq 1 ]
	[[ "$output" == *"DR-004   not met         database (data-corruption): RTO 2 h exceeds the 1 h ceiling"* ]]
	# untailored, the same workspace meets it
	"$FTRKIT" assess --as-of "$AS_OF" -o plain --quiet
	[ "$(sqlite3 plain/results.sqlite "SELECT verdict FROM controls WHERE id = 'DR-004'")" = met ]
	cmp shipped.xml questionnaires/ftr-dr.xml
	[ "$(sqlite3 reports/results.sqlite "SELECT file || ' ' || param || ' ' || value || ' ' || by FROM tailoring")" = "strict.xml ceiling PT1H Head of Security" ]
	[ "$(sqlite3 reports/results.sqlite "SELECT sha256 FROM tailoring")" = "$(sha256sum strict.xml | cut -d' ' -f1)" ]
	for f in index.html report.json junit.xml oscal-assessment-results.xml; do
		grep -q 'tailored: ceiling PT1H on DR-004 by Head of Security (strict.xml)' "reports/$f"
	done
}

@test "the tailored package carries the file in its manifest and bag-info, and verifies" {
	tailor '  <set control="DR-004" check="rto-ceiling" param="ceiling" value="PT1H"/>'
	ftr bundle --as-of "$AS_OF" --tailoring strict.xml
	[ "$status" -eq 1 ]
	unzip -p "$PKG" "$PKG_NAME/manifest-sha256.txt" | grep -q "^$(sha256sum strict.xml | cut -d' ' -f1)  data/tailoring/strict.xml$"
	unzip -p "$PKG" "$PKG_NAME/bag-info.txt" | grep -q '^FTR-Tailoring: data/tailoring/strict.xml'
	ftr verify "$PKG"
	[ "$status" -eq 0 ]
	[[ "$output" == *"verdicts   ok"* ]]
}

@test "a deselected control is not applicable, saying who took it out and why" {
	tailor '  <select control="DR-009" selected="false"><reason>covered by DR-007</reason></select>'
	ftr assess --as-of "$AS_OF" -t strict.xml
	[ "$status" -eq 0 ]
	[ "$(sqlite3 reports/results.sqlite "SELECT verdict || ' ' || reason FROM controls WHERE id = 'DR-009'")" = \
	  "not-applicable tailored: not selected by Head of Security (strict.xml): covered by DR-007" ]
	[ "$(sqlite3 reports/results.sqlite "SELECT count(*) FROM checks WHERE control_id = 'DR-009'")" = 0 ]
}

@test "a quarterly drill max-age makes an older drill overdue" {
	tailor '  <set control="DR-008" check="drill-current" param="max-age" value="P92D"/>'
	ftr assess --as-of "$AS_OF" -t strict.xml
	[ "$status" -eq 1 ]
	[[ "$output" == *"DR-008   not met"* ]]
}

@test "a tailoring naming what the questionnaire lacks is exit 2 at its line" {
	tailor '  <set control="DR-099" check="rto-ceiling" param="ceiling" value="PT1H"/>'
	ftr assess --as-of "$AS_OF" -t strict.xml
	[ "$status" -eq 2 ]
	[[ "$output" == *"strict.xml:3: tailoring names control 'DR-099'"* ]]
	[ ! -e reports/results.sqlite ]
	tailor '  <set control="DR-004" check="drill-current" param="ceiling" value="PT1H"/>'
	ftr assess --as-of "$AS_OF" -t strict.xml
	[ "$status" -eq 2 ]
	[[ "$output" == *"strict.xml:3: tailoring names check 'drill-current' that control DR-004 does not have"* ]]
	tailor '  <set control="DR-004" check="rto-ceiling" param="cieling" value="PT1H"/>'
	ftr assess --as-of "$AS_OF" -t strict.xml
	[ "$status" -eq 2 ]
	[[ "$output" == *"strict.xml:3: tailoring sets parameter 'cieling'"* ]]
	sed -i 's/questionnaire="ftr-dr"/questionnaire="ftr-current"/' strict.xml
	ftr assess --as-of "$AS_OF" -t strict.xml
	[ "$status" -eq 2 ]
	[[ "$output" == *"strict.xml:2: tailoring is for questionnaire 'ftr-current', not ftr-dr"* ]]
}

@test "a missing, DOCTYPE-carrying or schema-breaking tailoring file is exit 2" {
	ftr assess --as-of "$AS_OF" -t nowhere.xml
	[ "$status" -eq 2 ]
	[[ "$output" == *"nowhere.xml"* ]]
	printf '<?xml version="1.0"?>\n<!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<tailoring questionnaire="ftr-dr" by="&x;"/>\n' > strict.xml
	ftr assess --as-of "$AS_OF" -t strict.xml
	[ "$status" -eq 2 ]
	[[ "$output" == *"strict.xml"* ]]
	tailor '  <set control="DR-004" check="rto-ceiling" param="ceiling"/>'
	ftr assess --as-of "$AS_OF" -t strict.xml
	[ "$status" -eq 2 ]
	[[ "$output" == *"strict.xml:3:"* ]]
}
