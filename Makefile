# ftrkit - offline self-assessment of the AWS FTR disaster-recovery controls.
#
#   make             build build/ftrkit
#   make demo        install what is missing, build, assess the sample workspace
#                    and write its review package
#   make check       the fast loop (README's test command): install what is
#                    missing, check the layering of src/ (tools/layers.py),
#                    build, run every unit and command-line test and replay
#                    the fuzz corpora
#   make check-full  the heavy suites CI runs after `make check`: the same
#                    tests against an ASan + UBSan build, then valgrind memcheck
#   make mutation-check  apply deliberate defects to a scratch copy and require
#                    the suite to fail for each ("mutants killed N/N"; CI)
#   make valgrind    unit tests and representative runs under valgrind memcheck
#   make fuzz        libFuzzer targets (clang), FUZZ_SECONDS=N each (default 60)
#   make install PREFIX=/usr/local DESTDIR=   (and make uninstall, the same
#                    variables): the binary, the man page, bash completion and
#                    the questionnaires (also built into the binary)
#
# Build flags: CPPFLAGS, CFLAGS (default -O2 -g) and LDFLAGS from the
# environment or the command line are honoured and come after ftrkit's own,
# so a distribution's flags win.  Hardening is on by default
# (-D_FORTIFY_SOURCE=2, -fstack-protector-strong, PIE, -z relro -z now).
# Warnings are errors only with WERROR=1, which the development targets
# (check, check-full, unit, sanitize, valgrind, fuzz, ...) set by default.

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/ftrkit
MANDIR ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions

PKGS := libxml-2.0 sqlite3 libzip libpcre2-8 libcrypto libseccomp libdeflate zlib xlsxwriter
CC ?= cc
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm

# -Werror for developers and CI, never for someone building a release.
DEV_GOALS := check check-full harness unit sanitize run-san valgrind layers bench mutation-check \
             fuzz fuzz-build fuzz-replay fuzz-run-%
ifeq ($(origin WERROR),undefined)
ifneq ($(filter $(DEV_GOALS),$(MAKECMDGOALS)),)
WERROR := 1
endif
endif
export WERROR

WARN := -Wall -Wextra -Wshadow -Wformat=2 -Wno-format-nonliteral \
        -Wstrict-prototypes -Wmissing-prototypes -Wvla \
        $(if $(filter 1,$(WERROR)),-Werror)
BASE_CFLAGS := -std=c11 -D_GNU_SOURCE -DFTRKIT_DATADIR='"$(DATADIR)"' $(WARN)
CFLAGS ?= -O2 -g
HARDEN_CPPFLAGS := -U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=2
HARDEN_CFLAGS := -fstack-protector-strong -fPIE
HARDEN_LDFLAGS := -pie -Wl,-z,relro -Wl,-z,now
# The normal build: ftrkit's flags, then the hardening, then the caller's.
OPT_CFLAGS = $(HARDEN_CPPFLAGS) $(CPPFLAGS) $(HARDEN_CFLAGS) $(CFLAGS)
OPT_LDFLAGS = $(HARDEN_LDFLAGS) $(LDFLAGS)
SAN_CFLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
              -fno-sanitize-recover=all

.DEFAULT_GOAL := all
SRCS := $(sort $(wildcard src/*/*.c))
HDRS := $(wildcard src/*/*.h)
LIB_SRCS := $(filter-out src/cli/main.c,$(SRCS))
UNIT_SRCS := $(sort $(wildcard tests/unit/test_*.c))
# The shipped catalogs: their id, version and SHA-256 are compiled in
# (model/provenance.h), so an edited copy under a shipped name is noticed.
CATALOGS := $(sort $(wildcard questionnaires/*.xml))
EMBED := questionnaire_xsd=questionnaires/questionnaire.xsd \
         assessment_xsd=questionnaires/assessment.xsd \
         waivers_xsd=questionnaires/waivers.xsd \
         tailoring_xsd=questionnaires/tailoring.xsd \
         ftr_dr_xml=questionnaires/ftr-dr.xml \
         ftr_current_xml=questionnaires/ftr-current.xml \
         secret_patterns_txt=questionnaires/secret-patterns.txt \
         $(addprefix catalog=,$(CATALOGS))
EMBED_FILES := $(sort $(foreach pair,$(EMBED),$(word 2,$(subst =, ,$(pair)))))

# One rule set, instantiated for the normal and the sanitizer build:
# $(1) the folder, $(2) compile flags, $(3) link flags.
define build_rules
$(1)/obj/%.o: src/%.c $(HDRS) | $(1)/obj
	@mkdir -p $$(@D)
	$$(CC) $(2) $$(PKG_CFLAGS) -Isrc -c $$< -o $$@
$(1)/obj/embedded.o: $(1)/gen/embedded.c | $(1)/obj
	$$(CC) $(2) -c $$< -o $$@
$(1)/gen/embedded.c: $(EMBED_FILES) tools/embed.sh Makefile | $(1)/gen
	sh tools/embed.sh $$@ $(EMBED)
$(1)/libftrkit.a: $(patsubst src/%.c,$(1)/obj/%.o,$(LIB_SRCS)) $(1)/obj/embedded.o
	rm -f $$@ && ar rcs $$@ $$^
$(1)/ftrkit: $(1)/obj/cli/main.o $(1)/libftrkit.a
	$$(CC) $(2) $(3) $$^ $$(PKG_LIBS) -o $$@
$(1)/tests/%: tests/unit/%.c $(1)/libftrkit.a $(wildcard tests/unit/*.h) | $(1)/tests
	$$(CC) $(2) $(3) $$(PKG_CFLAGS) -Isrc -Itests/unit $$< $(1)/libftrkit.a \
		$$(PKG_LIBS) $$(shell pkg-config --libs cmocka) -o $$@
$(1)/obj $(1)/gen $(1)/tests:
	mkdir -p $$@
endef

$(eval $(call build_rules,build,$(BASE_CFLAGS) $(OPT_CFLAGS),$(OPT_LDFLAGS)))
$(eval $(call build_rules,build-san,$(BASE_CFLAGS) $(SAN_CFLAGS),))

.PHONY: all deps demo check check-full layers harness unit sanitize run-san mutation-check install \
	uninstall clean bench

all: build/ftrkit

deps:
	@sh tools/deps.sh

# The sample's drills are dated for this day; pinning it keeps the demo
# green (and its package byte-identical) however late it is run.
DEMO_AS_OF ?= 2026-11-25

demo: deps
	@$(MAKE) --no-print-directory all
	./build/ftrkit bundle --as-of $(DEMO_AS_OF); rc=$$?; [ $$rc -le 1 ] || exit $$rc
	@echo "demo: open reports/index.html in a browser; the review package is reports/*.zip"

define run_suites
	@$(MAKE) --no-print-directory fuzz-replay B=$(1)
	@sh tools/run-tests.sh $(1)
endef

unit: build/ftrkit $(patsubst tests/unit/%.c,build/tests/%,$(UNIT_SRCS))
	$(call run_suites,build)

# Every sanitizer report exits with 86, a code ftrkit never uses (0, 1 and 2
# are its verdicts), so a leak or undefined behaviour on the findings path
# can never pass as "findings"; the test harness fails on it whatever status
# a test expected (tests/cli/helpers.bash).
SAN_ENV := ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=86 \
           UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=86 \
           LSAN_OPTIONS=exitcode=86
sanitize: build-san/ftrkit $(patsubst tests/unit/%.c,build-san/tests/%,$(UNIT_SRCS))
	$(SAN_ENV) $(MAKE) --no-print-directory run-san

run-san:
	$(call run_suites,build-san)

# Dependencies point down the layers of src/ and never in a circle.
layers:
	@python3 tools/layers.py src

# The harness's own tests (tests/harness: run-tests.sh, the sanitizer guard,
# the browser canary) and bats-lint, which finds assertions that cannot fail.
harness:
	@python3 tools/bats-lint.py tests/cli/*.bats tests/harness/*.bats
	@bats tests/harness

check: deps
	@$(MAKE) --no-print-directory layers
	@$(MAKE) --no-print-directory harness
	@$(MAKE) --no-print-directory unit
	@echo "check: layering, harness, unit and command-line tests passed (make check-full: ASan+UBSan, valgrind)"

# Proves the suite bites (tools/mutation-check.sh); slow: it rebuilds a
# scratch copy once per mutant.  Not part of check; CI runs it.
mutation-check: deps
	@sh tools/mutation-check.sh

check-full: deps
	@$(MAKE) --no-print-directory sanitize
	@$(MAKE) --no-print-directory valgrind
	@echo "check-full: ASan+UBSan and valgrind suites passed"

# Benchmark against the manual pipeline (tests/bench/run; BENCH_MB=256,
# BENCH_BIG_MB=1024, BENCH_SCAN_MB=1024, BENCH_SMALL=10000, BENCH_RUNS=3).
# Not a test: never part of check, never fails on timing.
bench: deps build/ftrkit build/bench/scan-count build/bench/pack
	bash tests/bench/run

build/bench/%: tests/bench/%.c build/libftrkit.a
	@mkdir -p build/bench
	$(CC) $(BASE_CFLAGS) $(OPT_CFLAGS) $(OPT_LDFLAGS) $(PKG_CFLAGS) -Isrc $< build/libftrkit.a $(PKG_LIBS) -o $@

install: build/ftrkit
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/questionnaires \
		$(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(BASHCOMPDIR)
	install -m 0755 build/ftrkit $(DESTDIR)$(BINDIR)/ftrkit
	install -m 0644 questionnaires/*.xml questionnaires/*.xsd questionnaires/*.txt \
		questionnaires/*.json $(DESTDIR)$(DATADIR)/questionnaires/
	install -m 0644 man/ftrkit.1 $(DESTDIR)$(MANDIR)/man1/ftrkit.1
	install -m 0644 completions/ftrkit.bash $(DESTDIR)$(BASHCOMPDIR)/ftrkit

# Removes exactly what install wrote (the same PREFIX and DESTDIR), then the
# folders it made for ftrkit alone if they are empty.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/ftrkit $(DESTDIR)$(MANDIR)/man1/ftrkit.1 \
		$(DESTDIR)$(BASHCOMPDIR)/ftrkit
	rm -f $(addprefix $(DESTDIR)$(DATADIR)/,$(wildcard questionnaires/*.xml questionnaires/*.json \
		questionnaires/*.xsd questionnaires/*.txt))
	-rmdir $(DESTDIR)$(DATADIR)/questionnaires $(DESTDIR)$(DATADIR) 2>/dev/null

clean:
	rm -rf build build-san build-fuzz

include tests/fuzz/fuzz.mk
include tests/valgrind.mk
