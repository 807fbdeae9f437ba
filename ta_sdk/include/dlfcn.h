/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Loading shared TA libraries at run time (POSIX.1-2017 <dlfcn.h>, as OP-TEE's libdl offers it):
 * a library is named by its UUID as text ("b3091a65-9751-4784-abf7-0298a7cc35ba"), fetched,
 * verified and linked by the trusted OS like the libraries a TA is linked with. Link with -ldl.
 * Libraries stay loaded until the TA instance ends: dlclose() only forgets the handle.
 */
#ifndef DLFCN_H
#define DLFCN_H

#define RTLD_LAZY 0x0001
#define RTLD_NOW 0x0002
#define RTLD_GLOBAL 0x0100
#define RTLD_LOCAL 0x0000
#define RTLD_NODELETE 0x1000
#define RTLD_DEFAULT ((void *)0)

/* NULL gives the handle of the TA and every library it has loaded (the global scope). */
void *dlopen(const char *filename, int flags);
void *dlsym(void *handle, const char *symbol);
int dlclose(void *handle);
/* What the last failing call of this thread was refused for, once; NULL if nothing failed. */
char *dlerror(void);

#endif
