#!/usr/bin/env python3
"""bats-lint.py FILE... - find bats assertions that cannot fail.

Under bats' `set -e`, a command whose status is negated with `!` is never
enforced unless it is the last command of the test, and in `a && b` only the
last part is.  So, in every @test body, this flags:
  - a line starting with `!` that is not the body's last command,
  - a test chain `[ … ] && [ … ]` (write one `[ … ]` per line),
  - `skip` without a reason.
Exit 1 and one line FILE:LINE: why per finding; exit 0 when clean.
"""
import re
import sys

CHAIN = re.compile(r"\]\]?\s*&&\s*\[")
BARE_SKIP = re.compile(r"(^\s*|[;&|{]\s*)skip\s*($|[;}|&])")


def bodies(lines):
    """Yield (first line number, [(number, text)]) for each @test body."""
    i = 0
    while i < len(lines):
        if re.match(r"\s*@test\b.*\{\s*$", lines[i]):
            body, j = [], i + 1
            while j < len(lines) and lines[j].rstrip() != "}":
                body.append((j + 1, lines[j]))
                j += 1
            yield i + 1, body
            i = j
        i += 1


def lint(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    found = []
    for _, body in bodies(lines):
        commands = [(n, t.strip()) for n, t in body
                    if t.strip() and not t.strip().startswith("#")]
        for k, (n, text) in enumerate(commands):
            last = k == len(commands) - 1
            if text.startswith("! ") and not last:
                found.append(f"{path}:{n}: '!' before the last command is not enforced; "
                             "use run + [ \"$status\" ... ] or [ ... ]")
            if CHAIN.search(text):
                found.append(f"{path}:{n}: only the last test of an && chain is enforced; "
                             "one [ ... ] per line")
    for n, text in enumerate(lines, 1):
        code = text.split("#", 1)[0] if not text.lstrip().startswith("#") else ""
        if BARE_SKIP.search(code):
            found.append(f"{path}:{n}: skip without a reason")
    return found


def main():
    found = [f for path in sys.argv[1:] for f in lint(path)]
    for f in found:
        print(f)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
