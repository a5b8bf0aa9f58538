// SPDX-License-Identifier: ISC
/*
 * check_all: one Check runner over every suite in tests/unit.  The list of
 * suites is generated from the check_*.c files (mk/suites.sh), so a new
 * suite needs no edit here.  Prints Check's one summary line and exits
 * non-zero on any failure.  CK_RUN_SUITE / CK_RUN_CASE narrow the run and
 * CK_FORK=no runs in-process for gdb (Check manual, appendix A).
 */
#include <stdlib.h>

#include "tests.h"

static Suite *(*const suites[])(void) = {
#define X(fn)	fn,
#include "suites.h"
#undef X
};

int
main(void)
{
	SRunner *sr;
	size_t i;
	int failed;

	sr = srunner_create(NULL);
	for (i = 0; i < sizeof(suites) / sizeof(suites[0]); i++)
		srunner_add_suite(sr, suites[i]());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
