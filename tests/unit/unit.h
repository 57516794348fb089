/*
 * unit.h - what every cmocka unit test includes.  Tests link against
 * build/libftrkit.a (all of src/ but main.c).  Test data lives in
 * tests/fixtures/ and tests run from the repository root.
 */
#ifndef FTRKIT_UNIT_H
#define FTRKIT_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#endif
