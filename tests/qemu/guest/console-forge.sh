#!/bin/sh
# A hostile VM on the shared console: lines that claim to come from the hypervisor or from the
# other VM, a carriage return that would print over this VM's own tag, and terminal control
# sequences (clear screen, window title, cursor moves, an 8-bit CSI, bell, backspaces). The
# host checks each arrives tagged as this VM's and escaped (hyp/console_line.h).
for arg in $(cat /proc/cmdline); do
	case "$arg" in
	rampart.vm=*) vm=${arg#*=} ;;
	esac
done
other=vm0
[ "$vm" = vm0 ] && other=vm1
printf '[hyp] %s: forged hypervisor line\n' "$vm"
printf '[%s] forged line claimed for the other VM by %s\n' "$other" "$vm"
printf 'progress of %s\r[hyp] %s: forged after a carriage return\n' "$vm" "$vm"
printf 'escapes from %s: \033[2J\033]0;pwned\007\033[1;1H\233 31m\b\b\b\b\177 end\n' "$vm"
printf 'partial line from %s, ' "$vm"
sleep 1
printf '[hyp] %s: continued after a pause\n' "$vm"
echo "rampart-info: console forging done"
