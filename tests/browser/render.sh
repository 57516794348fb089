#!/usr/bin/env bash
# render.sh - open the sample report in a real browser (headless Chromium):
# render it to PNG and PDF in English and Japanese without error, and prove
# it made no network request.  Not part of `make check` (Chromium is heavy);
# CI runs it after `make check`:   tests/browser/render.sh
#
# Checks, per language:
#   - the PNG and the PDF are written and are what they claim to be;
#   - the DOM Chromium built (--dump-dom) holds the report and no http(s) URL;
#   - Chromium's network log shows no request made on behalf of the page
#     (its own update pings are told apart by their initiator), with a proxy
#     that points nowhere and DNS mapped to nothing as a second fence;
#   - the same network check flags a canary page that loads an external
#     image, so the check is shown to be able to fail.
# Artifacts stay in $OUT (default build/browser/) for a human to look at.
set -euo pipefail

REPO="$(cd "$(dirname "$0")/../.." && pwd)"
FTRKIT="${FTRKIT:-$REPO/build/ftrkit}"
OUT="${OUT:-$REPO/build/browser}"
AS_OF=2026-11-25

need=""
command -v chromium >/dev/null 2>&1 || need="$need chromium"
# Japanese glyphs for the --lang ja rendering
fc-list 2>/dev/null | grep -qi 'ipa\|noto sans cjk\|droid sans fallback' || need="$need fonts-ipafont-gothic"
if [ -n "$need" ]; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq
		# shellcheck disable=SC2086
		apt-get install -y -qq --no-install-recommends $need >/dev/null
	else
		echo "render.sh: missing packages; run: sudo apt-get install$need" >&2
		exit 1
	fi
fi
[ -x "$FTRKIT" ] || make -C "$REPO" --no-print-directory all

WORK="$(mktemp -d "${TMPDIR:-/tmp}/ftrkit-browser.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"

fail() { echo "render.sh: FAIL: $*" >&2; exit 1; }

# chrome LOGNAME ARGS... : headless Chromium, fenced off the network.
chrome() {
	local name="$1"; shift
	timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--disable-default-apps --disable-extensions --no-pings \
		--user-data-dir="$(mktemp -d "$WORK/profile.XXXXXX")" \
		--proxy-server=127.0.0.1:9 --host-resolver-rules='MAP * ~NOTFOUND' \
		--log-net-log="$WORK/$name.netlog.json" --net-log-capture-mode=Default \
		"$@" 2>>"$WORK/chromium.log"
}

cd "$WORK"
cp -r "$REPO/questionnaires" "$REPO/evidence" .

for lang in en ja; do
	"$FTRKIT" assess --as-of "$AS_OF" --lang "$lang" -o "reports-$lang" --format html >/dev/null ||
		fail "ftrkit assess --lang $lang"
	page="file://$WORK/reports-$lang/index.html"

	chrome "$lang-png" --window-size=1240,1754 --screenshot="$OUT/index-$lang.png" "$page" >/dev/null ||
		fail "screenshot ($lang)"
	chrome "$lang-pdf" --no-pdf-header-footer --print-to-pdf="$OUT/index-$lang.pdf" "$page" >/dev/null ||
		fail "print to PDF ($lang)"
	chrome "$lang-dom" --dump-dom "$page" >"$OUT/index-$lang.dom.html" || fail "dump DOM ($lang)"

	[ "$(head -c 8 "$OUT/index-$lang.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
		fail "index-$lang.png is not a PNG"
	[ "$(stat -c %s "$OUT/index-$lang.png")" -gt 20000 ] || fail "index-$lang.png is nearly empty"
	[ "$(head -c 5 "$OUT/index-$lang.pdf")" = "%PDF-" ] || fail "index-$lang.pdf is not a PDF"
	[ "$(stat -c %s "$OUT/index-$lang.pdf")" -gt 10000 ] || fail "index-$lang.pdf is nearly empty"
	grep -q 'acme-ledger' "$OUT/index-$lang.dom.html" || fail "DOM ($lang) lacks the report"
	grep -q 'id="overall"' "$OUT/index-$lang.dom.html" || fail "DOM ($lang) lacks the verdict"
	if grep -Eio '(https?|ftp)://[^"<> ]*' "$OUT/index-$lang.dom.html"; then
		fail "DOM ($lang) names an external URL"
	fi
	for log in "$WORK/$lang"-*.netlog.json; do
		python3 "$REPO/tests/browser/netlog_check.py" "$log" || fail "network request ($lang)"
	done
	echo "render.sh: $lang: PNG, PDF and DOM written to $OUT, no network request"
done

# The fence must be able to fail: a page with an external image is caught.
printf '<!DOCTYPE html><title>canary</title><img src="http://example.invalid/x.png" alt="">\n' >canary.html
chrome canary --dump-dom "file://$WORK/canary.html" >/dev/null || fail "canary page"
# exit 3 is "a request was found"; 0 (nothing seen) or anything else (a
# broken log or check) means the check cannot be trusted to catch one
canary_status=0
python3 "$REPO/tests/browser/netlog_check.py" "$WORK/canary.netlog.json" >/dev/null || canary_status=$?
[ "$canary_status" = 3 ] ||
	fail "the network check did not catch the canary's external image (exit $canary_status, expected 3)"
echo "render.sh: ok (the network check flags a canary page that loads an external image)"
