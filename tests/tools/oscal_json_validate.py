#!/usr/bin/env python3
"""oscal_json_validate.py SCHEMA DOCUMENT - validate an OSCAL JSON document
against NIST's published JSON Schema (draft-07) with python3-jsonschema.

The schema's token pattern uses \\p{L} and \\p{N}, which Python's re lacks;
they are read as [^\\W\\d_] (a Unicode letter) and \\d (a Unicode digit),
which is what they mean.  Every other keyword is jsonschema's own.  Prints
each error with its path; exits 1 when there is any."""
import json
import re
import sys

import jsonschema


def translate(pattern):
    return pattern.replace(r"\p{L}", r"[^\W\d_]").replace(r"\p{N}", r"\d")


def pattern_keyword(validator, pattern, instance, schema):
    if validator.is_type(instance, "string") and not re.search(translate(pattern), instance):
        yield jsonschema.ValidationError("%r does not match %r" % (instance, pattern))


schema = json.load(open(sys.argv[1]))
base = jsonschema.validators.validator_for(schema)
base.check_schema(schema)
Validator = jsonschema.validators.extend(base, {"pattern": pattern_keyword})
errors = sorted(Validator(schema).iter_errors(json.load(open(sys.argv[2]))), key=str)
for e in errors[:20]:
    print("%s: %s" % ("/".join(map(str, e.absolute_path)), e.message))
sys.exit(1 if errors else 0)
