#!/bin/sh
# deps.sh - make sure every build and test dependency is here.
# As root: installs what is missing with apt-get (after apt-get update).
# Otherwise: prints the exact apt-get line to run and fails.
set -eu

need=""
has_pc() { pkg-config --exists "$1" 2>/dev/null; }
has_cmd() { command -v "$1" >/dev/null 2>&1; }

has_cmd pkg-config || need="$need pkg-config"
has_cmd cc || need="$need gcc"
has_cmd make || need="$need make"
for pair in libxml-2.0:libxml2-dev sqlite3:libsqlite3-dev libzip:libzip-dev \
            libpcre2-8:libpcre2-dev libcrypto:libssl-dev libseccomp:libseccomp-dev \
            cmocka:libcmocka-dev libdeflate:libdeflate-dev zlib:zlib1g-dev \
            xlsxwriter:libxlsxwriter-dev; do
	pc=${pair%%:*}; pkg=${pair#*:}
	has_pc "$pc" || need="$need $pkg"
done
has_cmd bats || need="$need bats"
has_cmd xmllint || need="$need libxml2-utils"
has_cmd sqlite3 || need="$need sqlite3"
has_cmd unzip || need="$need unzip"
has_cmd zip || need="$need zip"
has_cmd openssl || need="$need openssl"
has_cmd sha256sum || need="$need coreutils"
has_cmd python3 || need="$need python3"
has_cmd tidy || need="$need tidy"
# schedule.bats checks drills.ics with an independent iCalendar parser.
{ [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import icalendar' 2>/dev/null; } ||
	need="$need python3-icalendar"
# reports.bats validates report.json against questionnaires/report.schema.json.
{ [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import jsonschema' 2>/dev/null; } ||
	need="$need python3-jsonschema"
# xlsx_export.bats reads the exported workbook with two independent readers.
{ [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; } ||
	need="$need python3-openpyxl"
has_cmd soffice || need="$need libreoffice-calc-nogui"
# hardening: strace (offline proof), valgrind (make check), clang (make fuzz)
has_cmd strace || need="$need strace"
has_cmd valgrind || need="$need valgrind"
has_cmd clang || need="$need clang"
[ -x /usr/bin/time ] || need="$need time"      # GNU time -v: peak RSS in make bench
has_cmd script || need="$need bsdutils"        # script(1): a pseudo-terminal for progress.bats

[ -z "$need" ] && exit 0

if [ "$(id -u)" = 0 ] && has_cmd apt-get; then
	echo "deps: installing$need"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $need
else
	echo "deps: missing packages; run:" >&2
	echo "  sudo apt-get install$need" >&2
	exit 1
fi
