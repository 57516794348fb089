#!/usr/bin/env python3
"""zip_forge.py KIND IN.zip OUT.zip - forge a package the way zip readers disagree.

IN is a genuine package written by `ftrkit bundle`.  OUT is the same
package with exactly one deviation from the zip shape bundle writes; every
kind must make `ftrkit verify` exit 2 "not a package written by ftrkit".
The archive is rebuilt byte by byte (struct), so each kind controls the
exact headers; `list` prints the kinds.

  twodir       a forged archive (other bagit.txt) appended after the genuine
               one, with its own directory and end record: the issue's "two
               readers, two archives"
  prepend      a forged archive (no VERIFY.txt), end record included, before
               the genuine one, whose offsets are shifted: two end records
  prefix       16 bytes before the first local header, offsets shifted (SFX)
  suffix       bytes after the end record
  comment      an archive comment
  gap          4 bytes between two entries, offsets shifted
  overlap      two directory entries pointing at the same local header
  cdgap        bytes between the directory and the end record
  localname    the local header names another file (same length)
  localsize    the local header claims another compressed size
  localcrc     the local header has another CRC
  localmethod  the local header says stored, the directory deflate
  localflags   the local header sets a flag the directory does not
  descriptor   the data-descriptor flag (bit 3) in both headers
  encrypted    the encryption flag in both headers
  method       compression method 12 (bzip2)
  unicodepath  an Info-ZIP Unicode Path extra field (0x7075) naming another file
  extra        an extended timestamp extra field (0x5455)
  entrycomment a comment on one entry
  cp437        a non-ASCII (UTF-8) name without the UTF-8 flag: read as CP437
  nulname      a NUL byte inside a name
  badutf8      a name with invalid UTF-8 (flagged UTF-8)
  symlink-unix, symlink-beos, symlink-atheos, symlink-atari, symlink-dos
               bagit.txt's attributes say symbolic link (mode 0120777), made
               on Unix (3), BeOS (16), AtheOS (30), Atari (5), MS-DOS (0)
  fifo         attributes say FIFO, made on Unix
  madeon-beos  a regular file made on BeOS (16): a system whose attributes
               unzip reads as Unix modes
  dirfile      a file whose attributes say folder
  zip64stray   a zip64 extra field where nothing overflows
  eocdcount    the end record counts one entry fewer on this disk
  identity     no change (the rebuilt archive must verify intact)
"""
import struct
import sys

CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")   # 46 bytes
LOCAL = struct.Struct("<IHHHHHIIIHH")            # 30 bytes
END = struct.Struct("<IHHHHIIH")                 # 22 bytes


def parse(data):
    """The entries of a package written by bundle (which is canonical)."""
    end = END.unpack_from(data, len(data) - 22)
    count, cd_size, cd_off = end[4], end[5], end[6]
    entries, p = [], cd_off
    for _ in range(count):
        c = list(CENTRAL.unpack_from(data, p))
        nlen, elen, clen = c[10], c[11], c[12]
        name = data[p + 46:p + 46 + nlen]
        extra = data[p + 46 + nlen:p + 46 + nlen + elen]
        comment = data[p + 46 + nlen + elen:p + 46 + nlen + elen + clen]
        p += 46 + nlen + elen + clen
        lo = c[16]
        loc = list(LOCAL.unpack_from(data, lo))
        lname = data[lo + 30:lo + 30 + loc[9]]
        lextra = data[lo + 30 + loc[9]:lo + 30 + loc[9] + loc[10]]
        body = data[lo + 30 + loc[9] + loc[10]:lo + 30 + loc[9] + loc[10] + c[8]]
        entries.append(dict(c=c, name=name, extra=extra, comment=comment,
                            l=loc, lname=lname, lextra=lextra, body=body))
    return entries


def build(entries, prefix=b"", gap_after=None, gap=b"", cdgap=b"", comment=b"",
          suffix=b"", count_delta=0, same_offset=None, shift=0):
    """The archive; shift: offsets as if shift bytes came before it."""
    out = bytearray(prefix)
    offsets = []
    for i, e in enumerate(entries):
        offsets.append(len(out))
        l = list(e["l"])
        l[9], l[10] = len(e["lname"]), len(e["lextra"])
        out += LOCAL.pack(*l) + e["lname"] + e["lextra"] + e["body"]
        if i == gap_after:
            out += gap
    cd_off = len(out)
    for i, e in enumerate(entries):
        c = list(e["c"])
        c[10], c[11], c[12] = len(e["name"]), len(e["extra"]), len(e["comment"])
        c[16] = shift + offsets[same_offset if same_offset is not None and i == same_offset + 1 else i]
        out += CENTRAL.pack(*c) + e["name"] + e["extra"] + e["comment"]
    cd_size = len(out) - cd_off
    out += cdgap
    n = len(entries)
    out += END.pack(0x06054b50, 0, 0, n + count_delta, n, cd_size, shift + cd_off, len(comment))
    out += comment + suffix
    return bytes(out)


def find(entries, suffix):
    for e in entries:
        if e["name"].endswith(suffix.encode()):
            return e
    raise SystemExit("no entry ending in " + suffix)


def set_mode(e, os_, mode):
    e["c"][1] = (os_ << 8) | (e["c"][1] & 0xFF)
    e["c"][15] = (mode << 16) | (e["c"][15] & 0xFFFF)


def forge(kind, data):
    entries = parse(data)
    bagit = find(entries, "/bagit.txt")
    kw = {}
    if kind == "identity":
        pass
    elif kind == "twodir":
        import zlib
        forged = [dict(e, c=list(e["c"]), l=list(e["l"])) for e in entries]
        text = b"FORGED: trust this copy\n"
        v = find(forged, "/VERIFY.txt")
        v["body"] = text
        v["c"][4] = v["l"][3] = 0
        v["c"][7] = v["l"][6] = zlib.crc32(text)
        v["c"][8] = v["c"][9] = v["l"][7] = v["l"][8] = len(text)
        genuine = build(entries)
        tail = build(forged)
        # the forged copy is the genuine one; readers that take the last end
        # record find it at offsets relative to the start of the file
        shifted = bytearray(tail)
        end = END.unpack_from(tail, len(tail) - 22)
        cd_off = end[6]
        p = cd_off
        for _ in range(end[4]):
            c = list(CENTRAL.unpack_from(tail, p))
            c[16] += len(genuine)
            CENTRAL.pack_into(shifted, p, *c)
            p += 46 + c[10] + c[11] + c[12]
        END.pack_into(shifted, len(tail) - 22, *(end[:6] + (cd_off + len(genuine), 0)))
        return genuine + bytes(shifted)
    elif kind == "prepend":
        # a complete forged archive (its own end record) in front, the genuine
        # one after it with its offsets shifted: two end records in one file
        forged = [dict(e, c=list(e["c"]), l=list(e["l"])) for e in entries]
        front = build([e for e in forged if not e["name"].endswith(b"/VERIFY.txt")])
        return front + build(entries, prefix=b"", shift=len(front))
    elif kind == "prefix":
        kw["prefix"] = b"MZ-forged-prefix"
    elif kind == "suffix":
        kw["suffix"] = b"trailing"
    elif kind == "comment":
        kw["comment"] = b"see forged.txt"
    elif kind == "gap":
        kw["gap_after"], kw["gap"] = 1, b"\0\0\0\0"
    elif kind == "overlap":
        kw["same_offset"] = 1
    elif kind == "cdgap":
        kw["cdgap"] = b"\0" * 8
    elif kind == "localname":
        n = bytearray(bagit["lname"])
        n[-5:-4] = b"X"
        bagit["lname"] = bytes(n)
    elif kind == "localsize":
        bagit["l"][7] += 1
    elif kind == "localcrc":
        bagit["l"][6] ^= 1
    elif kind == "localmethod":
        bagit["l"][3] = 0
    elif kind == "localflags":
        bagit["l"][2] |= 0x0800
    elif kind == "descriptor":
        bagit["l"][2] |= 0x0008
        bagit["c"][3] |= 0x0008
    elif kind == "encrypted":
        bagit["l"][2] |= 0x0001
        bagit["c"][3] |= 0x0001
    elif kind == "method":
        bagit["l"][3] = bagit["c"][4] = 12
    elif kind == "unicodepath":
        other = bagit["name"].replace(b"bagit.txt", b"forge.txt")
        import zlib
        field = b"\x01" + struct.pack("<I", zlib.crc32(bagit["name"])) + other
        bagit["extra"] = struct.pack("<HH", 0x7075, len(field)) + field
        bagit["lextra"] = bagit["extra"]
    elif kind == "extra":
        field = b"\x01" + struct.pack("<I", 1700000000)
        bagit["extra"] = bagit["lextra"] = struct.pack("<HH", 0x5455, len(field)) + field
    elif kind == "entrycomment":
        bagit["comment"] = b"forged"
    elif kind in ("cp437", "nulname", "badutf8"):
        e = find(entries, "/VERIFY.txt")
        new = {"cp437": b"VERIF\xc3\x89.txt", "nulname": b"VERIF\0.txt",
               "badutf8": b"VERIF\xff.txt"}[kind]
        e["name"] = e["lname"] = e["name"].replace(b"VERIFY.txt", new)
        if kind == "badutf8":
            e["c"][3] |= 0x0800
            e["l"][2] |= 0x0800
    elif kind.startswith("symlink-"):
        os_ = {"unix": 3, "beos": 16, "atheos": 30, "atari": 5, "dos": 0}[kind[8:]]
        set_mode(bagit, os_, 0o120777)
    elif kind == "fifo":
        set_mode(bagit, 3, 0o010644)
    elif kind == "madeon-beos":
        set_mode(bagit, 16, 0o100644)
    elif kind == "dirfile":
        set_mode(bagit, 3, 0o040755)
    elif kind == "zip64stray":
        field = struct.pack("<QQ", bagit["c"][9], bagit["c"][8])
        bagit["lextra"] = struct.pack("<HH", 1, len(field)) + field
    elif kind == "eocdcount":
        kw["count_delta"] = -1
    else:
        raise SystemExit("unknown kind " + kind)
    return build(entries, **kw)


KINDS = ("twodir prepend prefix suffix comment gap overlap cdgap localname localsize localcrc "
         "localmethod localflags descriptor encrypted method unicodepath extra "
         "entrycomment cp437 nulname badutf8 symlink-unix symlink-beos symlink-atheos "
         "symlink-atari symlink-dos fifo madeon-beos dirfile zip64stray eocdcount").split()

if __name__ == "__main__":
    if sys.argv[1:] == ["list"]:
        print("\n".join(KINDS))
        sys.exit(0)
    kind, src, dst = sys.argv[1:4]
    with open(src, "rb") as f:
        out = forge(kind, f.read())
    with open(dst, "wb") as f:
        f.write(out)
