#!/usr/bin/env python3
"""zip_edit.py IN OUT OP... - rewrite a package the way a tamperer would.

Entries are copied in order with their attributes; then each OP applies:
  flip:NAME            change one byte (the middle one) of entry NAME
  add:NAME:TEXT        add a new entry NAME holding TEXT
  sub:NAME:OLD:NEW     replace the first OLD by NEW in entry NAME
  put:NAME:FILE        replace entry NAME by the bytes of FILE
  del:NAME             remove entry NAME
  sql:NAME:STATEMENT   run a SQL statement on the SQLite database NAME
  rebag                recompute both manifests and Payload-Oxum afterwards
                       (a tamperer who knows BagIt but cannot sign)
NAME is relative to the top folder.
"""
import hashlib
import os
import re
import sqlite3
import sys
import tempfile
import zipfile


def main(src, dst, ops):
    with zipfile.ZipFile(src) as z:
        infos = z.infolist()
        data = {i.filename: z.read(i) for i in infos}
    top = infos[0].filename.split("/")[0] + "/"
    order = [i.filename for i in infos]
    meta = {i.filename: i for i in infos}
    rebag = False
    for op in ops:
        kind, _, rest = op.partition(":")
        if kind == "rebag":
            rebag = True
            continue
        name, _, arg = rest.partition(":")
        full = top + name
        if kind == "flip":
            b = bytearray(data[full])
            b[len(b) // 2] ^= 0x01
            data[full] = bytes(b)
        elif kind == "add":
            data[full] = arg.encode()
            order.append(full)
        elif kind == "sub":
            old, _, new = arg.partition(":")
            assert old.encode() in data[full], (old, name)
            data[full] = data[full].replace(old.encode(), new.encode(), 1)
        elif kind == "del":
            del data[full]
            order.remove(full)
        elif kind == "put":
            data[full] = open(arg, "rb").read()
        elif kind == "sql":
            fd, path = tempfile.mkstemp()
            os.write(fd, data[full])
            os.close(fd)
            db = sqlite3.connect(path)
            db.execute(arg)
            db.commit()
            db.close()
            data[full] = open(path, "rb").read()
            os.unlink(path)
        else:
            raise SystemExit("unknown op " + op)
    if rebag:
        payload = sorted(n for n in data if n.startswith(top + "data/") and not n.endswith("/"))
        man = "".join("%s  %s\n" % (hashlib.sha256(data[n]).hexdigest(), n[len(top):])
                      for n in payload)
        data[top + "manifest-sha256.txt"] = man.encode()
        oxum = "Payload-Oxum: %d.%d" % (sum(len(data[n]) for n in payload), len(payload))
        info = top + "bag-info.txt"
        data[info] = re.sub(rb"(?m)^Payload-Oxum: .*$", oxum.encode(), data[info])
        tags = sorted(n for n in data if not n.startswith(top + "data/") and not n.endswith("/")
                      and not n[len(top):].startswith("tagmanifest-"))
        tm = "".join("%s  %s\n" % (hashlib.sha256(data[n]).hexdigest(), n[len(top):])
                     for n in tags)
        data[top + "tagmanifest-sha256.txt"] = tm.encode()
    with zipfile.ZipFile(dst, "w") as z:
        for n in order:
            info = meta.get(n) or zipfile.ZipInfo(n, (2026, 11, 25, 0, 0, 0))
            if n not in meta:
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o100644 << 16
            z.writestr(info, data[n])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
