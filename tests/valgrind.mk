# valgrind.mk - `make valgrind`: memcheck over every unit test and a handful
# of representative command runs (good, findings, init, hostile input), with
# no leak and no error allowed (--error-exitcode=99).  `make check` runs it.
# Valgrind's own output goes to build/valgrind/NAME.log, shown on failure.
# (Valgrind does not know seccomp(2) or openat2(2) and prints a warning for
# each; ftrkit then falls back to prctl(PR_SET_SECCOMP) and its /proc check.)

VALGRIND ?= valgrind
VALGRIND_FLAGS := --leak-check=full --errors-for-leak-kinds=definite,indirect \
                  --error-exitcode=99 --track-fds=no
VG_DIR := build/valgrind

# vg NAME EXPECTED-EXIT-CODES COMMAND...: run under memcheck in $(VG_DIR)/work.
VG_RUN = sh tests/valgrind-run.sh $(VALGRIND) "$(VALGRIND_FLAGS)" $(CURDIR)/$(VG_DIR)

.PHONY: valgrind
valgrind: build/ftrkit $(patsubst tests/unit/%.c,build/tests/%,$(UNIT_SRCS))
	@rm -rf $(VG_DIR) && mkdir -p $(VG_DIR)/work
	@set -e; for t in $(patsubst tests/unit/%.c,build/tests/%,$(UNIT_SRCS)); do \
		$(VG_RUN) unit-$$(basename $$t) 0 $(CURDIR) $(CURDIR)/$$t; done
	@cp -r questionnaires evidence $(VG_DIR)/work/ && cp -r tests/workspaces/failing $(VG_DIR)/work/failing
	@set -e; F=$(CURDIR)/build/ftrkit; W=$(CURDIR)/$(VG_DIR)/work; \
	$(VG_RUN) assess-sample 0 $$W $$F assess --as-of 2026-11-25 -o out; \
	$(VG_RUN) assess-failing 1 $$W $$F assess -w failing --as-of 2026-11-25 -o out-failing; \
	$(VG_RUN) assess-xlsx 0 $$W $$F assess --as-of 2026-11-25 -o out-xlsx --format xlsx; \
	$(VG_RUN) init 0 $$W $$F init new-ws; \
	$(VG_RUN) sandbox-selftest 0 $$W $$F --sandbox-selftest; \
	printf '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>' > $$W/xxe.xml; \
	$(VG_RUN) hostile-xxe 2 $$W $$F assess -q xxe.xml -o out-xxe; \
	cp -r $$W/evidence $$W/binlog && head -c 4096 /dev/urandom > $$W/binlog/drills/2026-10-07-web-instance-failure.md; \
	$(VG_RUN) hostile-drill-log 2 $$W $$F assess -w binlog -o out-binlog --as-of 2026-11-25; \
	$(VG_RUN) limit-max-line 2 $$W $$F assess --max-line 40 -o out-line --as-of 2026-11-25
	@echo "valgrind: no errors, no leaks"
