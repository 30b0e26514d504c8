// SPDX-License-Identifier: GPL-2.0
/*
 * /init of a `pagefold qemu` guest: a static s390x program that realizes one scenario (the space
 * spec and the request, compiled in from scenario.h) in its own address space, asks the kernel for
 * the range two ways, prints what it got on the console and powers the machine off.
 *
 *  - Every page of every mapping is written with a tag, its own address XOR PF_TAG, so it is
 *    present (never the zero page) and tells which page it is; `write: false` mappings are made
 *    read-only after. /proc/self/pagemap gives each page's frame.
 *  - The fast walk alone: /proc/pagefold-gup (the hook CShim/qemu/pagefold_gup.c, in the kernel
 *    built for this) runs get_user_pages_fast_only() and returns the frames it pinned.
 *  - What a caller finally gets: vmsplice() of the range into a pipe pins the pages
 *    (get_user_pages_fast(), slow path included); each page is then marked in place, and the
 *    pipe read back: a page's tag names it, the mark shows the pipe holds that very page.
 *
 * Lines: "PAGEFOLD map VA PFN" per page, "PAGEFOLD fast NR VA|?...", "PAGEFOLD splice NR VA[+]...",
 * "PAGEFOLD error WHAT" when the guest cannot realize the scenario, then "PAGEFOLD done".
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/uio.h>
#include <unistd.h>
#include "scenario.h"

#define PF_PAGE		4096UL
#define PF_TAG		0x5041474546UL		/* "PAGEF" */
#define PF_MARK		0x4d41524bUL		/* "MARK" */
#define PF_NR_MAPPINGS	(sizeof(pf_mappings) / sizeof(pf_mappings[0]))

static unsigned long pf_vas[1 << 16], pf_pfns[1 << 16];
static int pf_nr_pages;

static void pf_finish(void)
{
	printf("PAGEFOLD done\n");
	fflush(stdout);
	sync();
	reboot(RB_POWER_OFF);
	exit(0);
}

static void pf_error(const char *what)
{
	printf("PAGEFOLD error %s: %s\n", what, strerror(errno));
	pf_finish();
}

/* Print the page a frame is, as its address; "?" for a frame no mapping has. */
static void pf_print_page(unsigned long pfn)
{
	for (int i = 0; i < pf_nr_pages; i++) {
		if (pf_pfns[i] == pfn) {
			printf(" %lx", pf_vas[i]);
			return;
		}
	}
	printf(" ?");
}

static int pf_writable(unsigned long va)
{
	for (unsigned int m = 0; m < PF_NR_MAPPINGS; m++)
		if (va >= pf_mappings[m].start && va < pf_mappings[m].end)
			return pf_mappings[m].write;
	return 0;
}

/* A task gets its fourth and fifth level when it maps above 4 TB and 8 PB (crst_table_upgrade). */
static void pf_upgrade(void)
{
	static const unsigned long above[] = { 1UL << 42, 1UL << 53 };

	for (int l = 4; l <= PF_LEVELS; l++) {
		void *p = mmap((void *)above[l - 4], PF_PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);

		if (p == MAP_FAILED)
			pf_error("upgrade");
		munmap(p, PF_PAGE);
	}
}

static void pf_map(void)
{
	int pagemap;

	for (unsigned int m = 0; m < PF_NR_MAPPINGS; m++) {
		unsigned long start = pf_mappings[m].start, len = pf_mappings[m].end - start;

		if (mmap((void *)start, len, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0) != (void *)start)
			pf_error("mmap");
		for (unsigned long va = start; va < start + len; va += PF_PAGE) {
			*(volatile unsigned long *)va = va ^ PF_TAG;
			if (pf_nr_pages == sizeof(pf_vas) / sizeof(pf_vas[0])) {
				errno = E2BIG;
				pf_error("pages");
			}
			pf_vas[pf_nr_pages++] = va;
		}
		if (!pf_mappings[m].write && mprotect((void *)start, len, PROT_READ))
			pf_error("mprotect");
	}
	pagemap = open("/proc/self/pagemap", O_RDONLY);
	if (pagemap < 0)
		pf_error("pagemap");
	for (int i = 0; i < pf_nr_pages; i++) {
		uint64_t entry = 0;

		if (pread(pagemap, &entry, 8, (off_t)(pf_vas[i] / PF_PAGE * 8)) != 8)
			pf_error("pagemap read");
		pf_pfns[i] = entry >> 63 ? entry & ((1ULL << 55) - 1) : 0;
		printf("PAGEFOLD map %lx %lx\n", pf_vas[i], pf_pfns[i]);
	}
	close(pagemap);
}

static void pf_fast(void)
{
	char line[64], result[PF_PAGES * 20 + 32], *p;
	int fd = open("/proc/pagefold-gup", O_RDWR), nr;
	ssize_t got;

	if (fd < 0)
		pf_error("/proc/pagefold-gup");
	snprintf(line, sizeof(line), "%lx %d %d\n", PF_START, PF_PAGES, PF_WRITE);
	if (write(fd, line, strlen(line)) < 0)
		pf_error("gup write");
	lseek(fd, 0, SEEK_SET);
	got = read(fd, result, sizeof(result) - 1);
	if (got <= 0)
		pf_error("gup read");
	result[got] = '\0';
	nr = (int)strtol(result, &p, 10);
	printf("PAGEFOLD fast %d", nr);
	for (int i = 0; i < nr; i++)
		pf_print_page(strtoul(p, &p, 16));
	printf("\n");
	close(fd);
}

static void pf_splice(void)
{
	static unsigned char page[PF_PAGE];
	struct iovec iov = { .iov_base = (void *)PF_START, .iov_len = PF_PAGES * PF_PAGE };
	int pipefd[2];
	ssize_t got;
	long nr;

	if (pipe(pipefd))
		pf_error("pipe");
	if (fcntl(pipefd[1], F_SETPIPE_SZ, (int)(PF_PAGES * PF_PAGE)) < 0)
		pf_error("F_SETPIPE_SZ");
	got = vmsplice(pipefd[1], &iov, 1, 0);
	nr = got > 0 ? got / (ssize_t)PF_PAGE : 0;
	for (long i = 0; i < nr; i++) {
		unsigned long va = PF_START + i * PF_PAGE;

		if (pf_writable(va))
			*(volatile unsigned long *)va = va ^ PF_TAG ^ PF_MARK;
	}
	printf("PAGEFOLD splice %ld", nr);
	for (long i = 0; i < nr; i++) {
		unsigned long tag;

		if (read(pipefd[0], page, PF_PAGE) != (ssize_t)PF_PAGE)
			pf_error("pipe read");
		memcpy(&tag, page, sizeof(tag));
		/* PF_TAG and PF_MARK both have low bits: one of the two is the page's aligned address */
		if ((tag ^ PF_TAG) % PF_PAGE)
			printf(" %lx+", tag ^ PF_TAG ^ PF_MARK);
		else
			printf(" %lx", tag ^ PF_TAG);
	}
	printf("\n");
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (mount("proc", "/proc", "proc", 0, NULL))
		pf_error("mount /proc");
	pf_upgrade();
	pf_map();
	pf_fast();
	pf_splice();
	pf_finish();
}
