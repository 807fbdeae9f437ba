/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The shipped TAs (build/ta/<uuid>.ta, signed like any), carried so nwfuzz can answer
 * LOAD_TA as tee-supplicant would and reach the TAs behind the messages (mk/fuzz.mk names them).
 */
	.section .rodata.tas, "a"
	.balign 8
	.global nwfuzz_ta_test, nwfuzz_ta_test_end, nwfuzz_ta_peer, nwfuzz_ta_peer_end
nwfuzz_ta_test:
	.incbin NWFUZZ_TA_TEST
nwfuzz_ta_test_end:
	.balign 8
nwfuzz_ta_peer:
	.incbin NWFUZZ_TA_PEER
nwfuzz_ta_peer_end:
