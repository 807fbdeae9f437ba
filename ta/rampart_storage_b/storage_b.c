// SPDX-License-Identifier: BSD-2-Clause
/* The storage test TA's code (ta/rampart_storage), built under this TA's UUID. */
#include "../rampart_storage/storage_ta.c"
