// SPDX-License-Identifier: GPL-2.0
/*
 * The worker's fault reporter. A header's code runs in a worker process (Sources/PageFold/Check/
 * Worker.swift); when it crashes, this says where before the process dies: the faulting
 * instruction, as an offset into the header's library, on the worker's protocol descriptor, so
 * the parent can name the header's file and line. It runs on its own stack, so a stack overflow
 * is reported too, as such. On SIGUSR1 (the parent's time limit) it reports where the worker was.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>
#include <pagefold/pagefold.h>

/* The worker protocol's descriptor (Sources/PageFold/Check/Worker.swift). */
#define PF_WORKER_FD 3

static const char *pf_library;

/* async-signal-safe: decimal digits into buf, returns the length */
static int pf_format(char *buf, uintptr_t v)
{
	char tmp[24];
	int n = 0, len = 0;

	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n)
		buf[len++] = tmp[--n];
	return len;
}

/* The offset of pc in the library, or 0 when it is elsewhere. */
static uintptr_t pf_offset(uintptr_t pc, const char *library)
{
	Dl_info dl;

	if (!library || !dladdr((void *)pc, &dl) || !dl.dli_fname || strcmp(dl.dli_fname, library))
		return 0;
	return pc - (uintptr_t)dl.dli_fbase;
}

static void pf_report(const char *what, int sig, uintptr_t offset)
{
	char line[160];
	int len = 0;
	const char *a = "{\"fault\":\"", *b = "\",\"signal\":", *c = ",\"offset\":", *d = "}\n";

	memcpy(line + len, a, strlen(a)); len += (int)strlen(a);
	memcpy(line + len, what, strlen(what)); len += (int)strlen(what);
	memcpy(line + len, b, strlen(b)); len += (int)strlen(b);
	len += pf_format(line + len, (uintptr_t)sig);
	memcpy(line + len, c, strlen(c)); len += (int)strlen(c);
	len += pf_format(line + len, offset);
	memcpy(line + len, d, strlen(d)); len += (int)strlen(d);
	(void)!write(PF_WORKER_FD, line, (size_t)len);
}

#ifndef PF_USER_LIBRARY
static char pf_alt_stack[64 * 1024];

static uintptr_t pf_pc(void *context)
{
	ucontext_t *uc = context;
#if defined(__x86_64__)
	return (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
#elif defined(__aarch64__)
	return (uintptr_t)uc->uc_mcontext.pc;
#else
	(void)uc;
	return 0;
#endif
}

static uintptr_t pf_sp(void *context)
{
	ucontext_t *uc = context;
#if defined(__x86_64__)
	return (uintptr_t)uc->uc_mcontext.gregs[REG_RSP];
#elif defined(__aarch64__)
	return (uintptr_t)uc->uc_mcontext.sp;
#else
	(void)uc;
	return 0;
#endif
}

static void pf_on_fault(int sig, siginfo_t *info, void *context)
{
	uintptr_t sp = pf_sp(context), at = (uintptr_t)info->si_addr;
	/* A fault within a page of the stack pointer is the stack running into its guard. */
	bool overflow = sig == SIGSEGV && sp && at + 65536 > sp && at < sp + 65536;
	const char *what = sig == SIGUSR1 ? "time" : overflow ? "stack" : "signal";

	pf_report(what, sig, pf_offset(pf_pc(context), pf_library));
	if (sig == SIGUSR1)
		return;
	signal(sig, SIG_DFL);
	raise(sig);
}

void pf_worker_report_faults(const char *library)
{
	static const int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGUSR1 };
	struct sigaction sa;
	stack_t ss = { .ss_sp = pf_alt_stack, .ss_size = sizeof(pf_alt_stack) };

	pf_library = strdup(library);
	sigaltstack(&ss, NULL);
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = pf_on_fault;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaction(sigs[i], &sa, NULL);
}
#else
/*
 * Built into a header's library only, which is linked with --wrap=exit,--wrap=_exit: a call to
 * exit() in the header's code (a constructor, say) is reported with its caller before it happens.
 */
void __real_exit(int status) __attribute__((noreturn));
void __real__exit(int status) __attribute__((noreturn));

static void pf_report_caller(const char *what, int status, void *caller)
{
	Dl_info dl;

	pf_library = dladdr(caller, &dl) ? dl.dli_fname : NULL;
	pf_report(what, status, pf_offset((uintptr_t)caller - 1, pf_library));
}

PF_EXPORT __attribute__((noreturn)) void __wrap_exit(int status)
{
	pf_report_caller("exit", status, __builtin_return_address(0));
	__real_exit(status);
}

PF_EXPORT __attribute__((noreturn)) void __wrap__exit(int status)
{
	pf_report_caller("exit", status, __builtin_return_address(0));
	__real__exit(status);
}
#endif
