#!/usr/bin/env python3
"""hostile_zip.py KIND OUT.zip - archives `ftrkit verify` must refuse (exit 2).

Each kind breaks exactly one safety rule of an otherwise bag-shaped archive:
  zipslip    an entry named top/../../evil.txt
  absolute   an entry named /tmp/evil.txt
  symlink    a Unix symlink entry pointing at /etc/passwd
  duplicate  the same name twice
  twotop     entries under two top folders
  bomb       256 MiB of zeros deflated to a few hundred KiB, declared as
             1 KiB (an honest size would be no bomb: it is within budget)
  overbudget five entries declaring ~4 GiB each, over the 16 GiB budget
  sizelie    an entry whose declared size is not what its data holds
  random     random bytes, not a zip at all
"""
import os
import struct
import sys
import zipfile

TOP = "pkg-ftr-review-2026-11-25/"


def base(z):
    z.writestr(TOP + "bagit.txt",
               "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")


def main(kind, out):
    if kind == "random":
        with open(out, "wb") as f:
            f.write(os.urandom(4096))
        return
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        base(z)
        if kind == "zipslip":
            z.writestr(TOP + "../../evil.txt", "pwned\n")
        elif kind == "absolute":
            z.writestr("/tmp/evil.txt", "pwned\n")
        elif kind == "symlink":
            info = zipfile.ZipInfo(TOP + "data/passwd")
            info.create_system = 3
            info.external_attr = (0o120777 << 16)
            z.writestr(info, "/etc/passwd")
        elif kind == "duplicate":
            import warnings
            warnings.simplefilter("ignore")
            z.writestr(TOP + "data/a.txt", "one\n")
            z.writestr(TOP + "data/a.txt", "two\n")
        elif kind == "twotop":
            z.writestr("other-top/data/a.txt", "x\n")
        elif kind == "bomb":
            with z.open(TOP + "data/zeros.log", "w", force_zip64=False) as f:
                block = b"\0" * (1 << 20)
                for _ in range(256):
                    f.write(block)
        elif kind == "overbudget":
            for k in range(5):
                z.writestr(TOP + "data/big%d.log" % k, "x" * 100)
        elif kind == "sizelie":
            info = zipfile.ZipInfo(TOP + "data/a.txt")
            info.compress_type = zipfile.ZIP_STORED
            z.writestr(info, "hello world\n")
        else:
            raise SystemExit("unknown kind " + kind)
    if kind == "sizelie":
        # data/a.txt claims 5 bytes instead of 12.
        declare(out, {"data/a.txt": 5})
    elif kind == "bomb":
        declare(out, {"data/zeros.log": 1024})
    elif kind == "overbudget":
        declare(out, {"data/big%d.log" % k: 0xFFFFFFF0 for k in range(5)})


def declare(out, sizes):
    """Rewrite the uncompressed size of each entry (name below TOP) in both
    headers, so that they agree with each other and only lie about the
    data."""
    data = bytearray(open(out, "rb").read())
    names = {(TOP + n).encode(): v for n, v in sizes.items()}
    for sig, off in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        i = 0
        while True:
            i = data.find(sig, i)
            if i < 0:
                break
            hdr = 30 if sig == b"PK\x03\x04" else 46
            nlen = struct.unpack_from("<H", data, i + (26 if hdr == 30 else 28))[0]
            name = bytes(data[i + hdr:i + hdr + nlen])
            if name in names:
                struct.pack_into("<I", data, i + off, names[name])
            i += 4
    open(out, "wb").write(bytes(data))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
