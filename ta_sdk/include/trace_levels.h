/* SPDX-License-Identifier: BSD-2-Clause */
/* Trace levels of the TA trace macros (trace.h); CFG_TEE_TA_LOG_LEVEL picks the highest shown. */
#ifndef TRACE_LEVELS_H
#define TRACE_LEVELS_H

#define TRACE_MIN   1
#define TRACE_ERROR 1
#define TRACE_INFO  2
#define TRACE_DEBUG 3
#define TRACE_FLOW  4
#define TRACE_MAX   TRACE_FLOW

#endif
