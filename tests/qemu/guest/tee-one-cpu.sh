#!/bin/sh
# On one CPU, Linux runs only if the TEE hands its interrupts over: while the test TA spins at
# S-EL0, the timer interrupt must reach Linux (as FIQ, then RPC FOREIGN_INTR), so the other
# thread of tee-test can ask for the cancellation that ends the spin.
tee-test open-invoke-close cancel all-cpus
echo "tee-test: exit $?"
