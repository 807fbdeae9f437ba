#!/usr/bin/env bash
# image-spec.sh NM NAME ELF ENTRY-SYMBOL: print NAME=BIN@LOAD,ENTRY for tools/fwpack, with the
# load address (__text_start) and the entry point taken from the ELF's symbols.
set -euo pipefail
nm=$1 name=$2 elf=$3 entry=$4
addr() { "$nm" "$elf" | awk -v s="$1" '$3 == s { print "0x" $1 }'; }
load=$(addr __text_start)
start=$(addr "$entry")
[[ -n $load && -n $start ]] || { echo "image-spec: $elf lacks __text_start or $entry" >&2; exit 1; }
echo "$name=${elf%.elf}.bin@$load,$start"
