/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The PKCS#11 token TA: one instance for all clients, so that the token's state (PIN failure
 * counts, which sessions exist) is one and the same for every application that opens it. The
 * instance is kept alive between applications: each pkcs11-tool run would otherwise load the TA
 * and read the token and every object from trusted storage again (about half its time).
 */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <rampart_pkcs11_ta.h>

#define TA_UUID	       TA_RAMPART_PKCS11_UUID
#define TA_FLAGS       (TA_FLAG_SINGLE_INSTANCE | TA_FLAG_MULTI_SESSION | TA_FLAG_INSTANCE_KEEP_ALIVE)
#define TA_STACK_SIZE  (16 * 1024)
#define TA_DATA_SIZE   (384 * 1024) /* objects (up to 64, their attributes up to 8 KiB each) */
#define TA_VERSION     "0.1"
#define TA_DESCRIPTION "Rampart PKCS#11 token"

#endif
