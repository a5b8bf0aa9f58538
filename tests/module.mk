# SPDX-License-Identifier: ISC
#
# tests/: unit suites (Check, under ASan+UBSan, linking only cores and
# the libraries), test tools (small programs the golden and integration tests
# drive), golden cases and integration scripts.  A suite is a file
# tests/unit/check_<module>.c defining <module>_suite(); check_all.c finds
# them through a generated list, so adding one touches no other file.

SUITE_SRC := $(sort $(wildcard tests/unit/*/check_*.c))
UNIT_SRC := tests/unit/check_all.c $(SUITE_SRC)
TEST_OBJ := $(patsubst %.c,$(B)/san/%.o,$(UNIT_SRC))

$(B)/san/tests/unit/suites.h: $(SUITE_SRC) mk/suites.sh
	@mkdir -p $(@D)
	$(Q)sh mk/suites.sh $(SUITE_SRC) > $@

$(TEST_OBJ): $(B)/san/tests/unit/suites.h
$(TEST_OBJ): CPPFLAGS += -I$(B)/san/tests/unit -Itests/unit \
    -DNB_TESTDATA='"$(CURDIR)/tests/data"'

# The cores are listed here, not through CORES_SAN: GNUmakefile sets that
# after including this file, and prerequisites expand when read.
$(B)/san/check_all: $(TEST_OBJ) \
    $(foreach p,$(PROGS),$(if $($(p)_CORE),$(B)/san/$(p)/core.a)) \
    $(LIBS_SAN_A)
	@$(if $(Q),echo "  LD-SAN  $@")
	$(Q)$(CC) $(SAN) -o $@ $^ $(CHECK_LIBS) $(LIBS)

# Test tools: one .c each, linked against the libraries (and nothing else).
TOOL_SRC := $(sort $(wildcard tests/tools/*.c))
TOOL_OBJ := $(patsubst %.c,$(B)/obj/%.o,$(TOOL_SRC))
TEST_TOOLS := $(patsubst tests/tools/%.c,$(B)/tests/%,$(TOOL_SRC))

$(B)/tests/%: $(B)/obj/tests/tools/%.o $(LIBS_A)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(HARDEN_LD) $(LDFLAGS) -o $@ $^ $(LIBS)
