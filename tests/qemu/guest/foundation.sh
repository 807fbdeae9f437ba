#!/bin/sh
# The full baremetal check-list in one boot.
d=/usr/share/rampart/tests
$d/smp.sh
$d/hotplug.sh 25
$d/smp.sh
$d/secure-memory.sh
$d/tee.sh
