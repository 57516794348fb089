#!/usr/bin/env python3
"""bagit_validate.py - an independent BagIt (RFC 8493) validator, stdlib only.

Written from the RFC, not from ftrkit's code, so that the tests check the
package against the standard rather than against itself.

    python3 bagit_validate.py BAG_DIR      exit 0 valid, 1 invalid (reasons on stderr)

Checks (RFC 8493 section numbers):
  2.1.1  bagit.txt: exactly "BagIt-Version: M.N" and
         "Tag-File-Character-Encoding: ENC" lines, in that order
  2.1.2  a data/ payload directory
  2.1.3  at least one manifest-ALG.txt; every line "CHECKSUM<ws>PATH" with
         %0D %0A %25 decoded; every listed file exists under data/ and
         matches; every payload file is listed in every payload manifest
  2.2.1  tagmanifest-ALG.txt: listed files exist, are tag files, match
  2.2.2  bag-info.txt: "Label: value" lines with indented continuations;
         Payload-Oxum, when present, equals OCTETS.COUNT of the payload
  7.2    no listed path may escape the bag (absolute, '..')
"""
import hashlib
import os
import re
import sys

ALGS = {"md5", "sha1", "sha256", "sha512"}


def fail(errors, msg):
    errors.append(msg)


def decode_path(p):
    # Only these three escapes are defined (2.1.3); anything else stays literal.
    return re.sub(r"%(0[DdAa]|25)", lambda m: chr(int(m.group(1), 16)), p)


def file_digest(path, alg):
    h = hashlib.new(alg)
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(65536), b""):
            h.update(block)
    return h.hexdigest()


def read_manifest(bag, name, errors):
    entries = {}
    with open(os.path.join(bag, name), "rb") as f:
        text = f.read().decode("utf-8")
    for n, line in enumerate(text.splitlines(), 1):
        m = re.match(r"^([0-9a-fA-F]+)[ \t]+(.+)$", line)
        if not m:
            fail(errors, "%s:%d: malformed line" % (name, n))
            continue
        path = decode_path(m.group(2))
        if path.startswith("/") or ".." in path.split("/"):
            fail(errors, "%s:%d: path escapes the bag: %s" % (name, n, path))
            continue
        if path in entries:
            fail(errors, "%s:%d: %s listed twice" % (name, n, path))
        entries[path] = m.group(1).lower()
    return entries


def payload_files(bag):
    out = []
    for root, dirs, files in os.walk(os.path.join(bag, "data")):
        for f in files:
            full = os.path.join(root, f)
            out.append(os.path.relpath(full, bag).replace(os.sep, "/"))
    return sorted(out)


def validate(bag):
    errors = []
    bagit = os.path.join(bag, "bagit.txt")
    if not os.path.isfile(bagit):
        return ["bagit.txt missing"]
    with open(bagit, "rb") as f:
        lines = f.read().decode("utf-8").splitlines()
    if len(lines) != 2 or not re.match(r"^BagIt-Version: \d+\.\d+$", lines[0]) \
            or not re.match(r"^Tag-File-Character-Encoding: \S+$", lines[1]):
        fail(errors, "bagit.txt: want exactly the BagIt-Version and "
             "Tag-File-Character-Encoding lines, got %r" % lines)
    if not os.path.isdir(os.path.join(bag, "data")):
        fail(errors, "data/ payload directory missing")
        return errors

    top = os.listdir(bag)
    manifests = [f for f in top if re.match(r"^manifest-([a-z0-9]+)\.txt$", f)]
    if not manifests:
        fail(errors, "no payload manifest")
    payload = payload_files(bag)
    for name in manifests:
        alg = name[len("manifest-"):-len(".txt")]
        if alg not in ALGS:
            fail(errors, "%s: unknown algorithm" % name)
            continue
        entries = read_manifest(bag, name, errors)
        for path, digest in entries.items():
            full = os.path.join(bag, path)
            if not path.startswith("data/"):
                fail(errors, "%s: %s is not a payload path" % (name, path))
            elif not os.path.isfile(full):
                fail(errors, "%s: %s listed but missing" % (name, path))
            elif file_digest(full, alg) != digest:
                fail(errors, "%s: %s does not match" % (name, path))
        for path in payload:
            if path not in entries:
                fail(errors, "%s: payload file %s not listed" % (name, path))

    for name in [f for f in top if re.match(r"^tagmanifest-([a-z0-9]+)\.txt$", f)]:
        alg = name[len("tagmanifest-"):-len(".txt")]
        entries = read_manifest(bag, name, errors)
        for path, digest in entries.items():
            full = os.path.join(bag, path)
            if path.startswith("data/"):
                fail(errors, "%s lists payload file %s" % (name, path))
            elif not os.path.isfile(full):
                fail(errors, "%s: %s listed but missing" % (name, path))
            elif file_digest(full, alg) != digest:
                fail(errors, "%s: %s does not match" % (name, path))

    info = os.path.join(bag, "bag-info.txt")
    if os.path.isfile(info):
        fields = []
        with open(info, "rb") as f:
            for n, line in enumerate(f.read().decode("utf-8").splitlines(), 1):
                if line[:1] in (" ", "\t") and fields:
                    fields[-1][1] += " " + line.strip()
                    continue
                m = re.match(r"^([^:\s][^:]*):\s*(.*)$", line)
                if not m:
                    fail(errors, "bag-info.txt:%d: not 'Label: value'" % n)
                    continue
                fields.append([m.group(1), m.group(2)])
        for label, value in fields:
            if label.lower() == "payload-oxum":
                octets = sum(os.path.getsize(os.path.join(bag, p)) for p in payload)
                want = "%d.%d" % (octets, len(payload))
                if value != want:
                    fail(errors, "Payload-Oxum %s, payload is %s" % (value, want))
    return errors


def main():
    if len(sys.argv) != 2:
        print("usage: bagit_validate.py BAG_DIR", file=sys.stderr)
        return 2
    errors = validate(sys.argv[1])
    for e in errors:
        print("invalid: " + e, file=sys.stderr)
    if not errors:
        print("valid BagIt bag: " + sys.argv[1])
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
