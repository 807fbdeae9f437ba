#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Point the first dynamic relocation (DT_RELA) of a shared TA library outside the library's
own segments, for the trusted OS's refusal test (ta/rampart_shlib_bad).
    tools/shlib_bad_reloc.py IN.so OUT.so"""
import struct
import sys

PT_LOAD, PT_DYNAMIC, DT_RELA = 1, 2, 7
# Well past any segment of the library and past the TA's address space (TA_VA_LIMIT).
OUTSIDE = 0x7ff0000


def main():
    data = bytearray(open(sys.argv[1], 'rb').read())
    phoff, = struct.unpack_from('<Q', data, 0x20)
    phentsize, phnum = struct.unpack_from('<HH', data, 0x36)
    loads, dyn = [], None
    for i in range(phnum):
        ptype, _, off, vaddr, _, filesz, _, _ = struct.unpack_from('<IIQQQQQQ', data,
                                                                      phoff + i * phentsize)
        if ptype == PT_LOAD:
            loads.append((vaddr, off, filesz))
        elif ptype == PT_DYNAMIC:
            dyn = off

    def file_offset(va):
        for vaddr, off, filesz in loads:
            if vaddr <= va < vaddr + filesz:
                return off + va - vaddr
        sys.exit('shlib_bad_reloc: address %#x not in the file' % va)

    if dyn is None:
        sys.exit('shlib_bad_reloc: no PT_DYNAMIC')
    while True:
        tag, val = struct.unpack_from('<qQ', data, dyn)
        if tag == 0:
            sys.exit('shlib_bad_reloc: no DT_RELA')
        if tag == DT_RELA:
            break
        dyn += 16
    struct.pack_into('<Q', data, file_offset(val), OUTSIDE)
    open(sys.argv[2], 'wb').write(data)


if __name__ == '__main__':
    main()
