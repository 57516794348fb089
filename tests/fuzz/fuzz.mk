# fuzz.mk - libFuzzer targets and their replay in `make check`.
#
# Every tests/fuzz/fuzz_NAME.c is a target (auto-discovered: a new reader's
# target drops in with its seeds in tests/fuzz/corpus/NAME/, and an optional
# libFuzzer dictionary tests/fuzz/NAME.dict).
#
#   make fuzz                   build with clang -fsanitize=fuzzer,address,undefined
#                               and run each target FUZZ_SECONDS (default 60)
#   make fuzz FUZZ_SECONDS=N    run each N seconds (make -jJ fuzz: J at a time)
#   make fuzz FUZZ_SEED=S       libFuzzer's -seed=S: from the same corpora the
#                               same mutations in the same order, so a crash CI
#                               finds (CI uses FUZZ_SEED=1) is, as a rule, found
#                               again by the same command (targets that start
#                               threads may drift); without it, a new seed each run
#   make fuzz-build             build only (build-fuzz/fuzz_NAME)
#   make fuzz-replay B=build    replay every seed and kept crash input through
#                               each target linked with the ordinary compiler
#                               against B/libftrkit.a (run by `make check`)
#
# The working corpus grows in build-fuzz/corpus/NAME/ (the seeds in
# tests/fuzz/corpus/NAME/ are read only); crash inputs land in
# build-fuzz/crashes/.  Keep each one, once fixed, as
# tests/fuzz/corpus/NAME/crash-WHAT so the replay guards the fix.

FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_FLAGS ?= -timeout=10 -rss_limit_mb=2048 -max_len=65536
FUZZ_SEED ?=
FUZZ_SRCS := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_NAMES := $(patsubst tests/fuzz/fuzz_%.c,%,$(FUZZ_SRCS))
FUZZ_CFLAGS := $(BASE_CFLAGS) -O1 -g -fno-omit-frame-pointer \
               -fsanitize=address,undefined -fno-sanitize-recover=all

build-fuzz/obj/%.o: src/%.c $(HDRS) | build-fuzz/obj
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link $(PKG_CFLAGS) -Isrc -c $< -o $@
build-fuzz/obj/embedded.o: build-fuzz/gen/embedded.c | build-fuzz/obj
	$(FUZZ_CC) $(FUZZ_CFLAGS) -c $< -o $@
build-fuzz/gen/embedded.c: $(EMBED_FILES) tools/embed.sh Makefile | build-fuzz/gen
	sh tools/embed.sh $@ $(EMBED)
build-fuzz/libftrkit.a: $(patsubst src/%.c,build-fuzz/obj/%.o,$(LIB_SRCS)) build-fuzz/obj/embedded.o
	rm -f $@ && ar rcs $@ $^
build-fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h build-fuzz/libftrkit.a
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer $(PKG_CFLAGS) -Isrc $< \
		build-fuzz/libftrkit.a $(PKG_LIBS) -o $@
build-fuzz/obj build-fuzz/gen:
	mkdir -p $@

.PHONY: fuzz fuzz-build fuzz-replay fuzz-force
fuzz-build: $(addprefix build-fuzz/fuzz_,$(FUZZ_NAMES))

fuzz: $(addprefix fuzz-run-,$(FUZZ_NAMES))

# One target per fuzzer, so `make -j4 fuzz` runs four at a time.
fuzz-run-%: build-fuzz/fuzz_% fuzz-force
	@mkdir -p build-fuzz/crashes build-fuzz/corpus/$*
	@echo "== fuzz_$* for $(FUZZ_SECONDS) s"
	@./build-fuzz/fuzz_$* $(FUZZ_FLAGS) -max_total_time=$(FUZZ_SECONDS) \
		$(if $(FUZZ_SEED),-seed=$(FUZZ_SEED)) \
		$(if $(wildcard tests/fuzz/$*.dict),-dict=tests/fuzz/$*.dict) \
		-print_final_stats=1 -artifact_prefix=build-fuzz/crashes/$*- \
		build-fuzz/corpus/$* tests/fuzz/corpus/$* 2>build-fuzz/fuzz_$*.log \
		|| { tail -n 40 build-fuzz/fuzz_$*.log; exit 1; }
	@grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units)' build-fuzz/fuzz_$*.log \
		| sed 's/^/fuzz_$*: /'

fuzz-force:

# Replay drivers: the same target sources, ordinary compiler, no libFuzzer.
REPLAY_DEPS = tests/fuzz/replay.c tests/fuzz/fuzz.h
build/fuzz/replay_%: tests/fuzz/fuzz_%.c $(REPLAY_DEPS) build/libftrkit.a
	@mkdir -p build/fuzz
	$(CC) $(BASE_CFLAGS) $(OPT_CFLAGS) $(PKG_CFLAGS) -Isrc -Itests/fuzz $< \
		tests/fuzz/replay.c build/libftrkit.a $(PKG_LIBS) -o $@
build-san/fuzz/replay_%: tests/fuzz/fuzz_%.c $(REPLAY_DEPS) build-san/libftrkit.a
	@mkdir -p build-san/fuzz
	$(CC) $(BASE_CFLAGS) $(SAN_CFLAGS) $(PKG_CFLAGS) -Isrc -Itests/fuzz $< \
		tests/fuzz/replay.c build-san/libftrkit.a $(PKG_LIBS) -o $@

B ?= build
fuzz-replay: $(addprefix $(B)/fuzz/replay_,$(FUZZ_NAMES))
	@set -e; for t in $(FUZZ_NAMES); do \
		printf '== replay %s: ' $$t; ./$(B)/fuzz/replay_$$t tests/fuzz/corpus/$$t; done
