// SPDX-License-Identifier: GPL-2.0
/*
 * A test-only kernel hook, added by `pagefold qemu` to its scratch copy of a tree and never to the
 * tree: /proc/pagefold-gup runs get_user_pages_fast_only(), the GUP-fast walk alone with no slow
 * path to repair a short walk, for the task that writes "START NR_PAGES WRITE" to it, and reads
 * back "NR PFN..." with the frames it pinned (released again at once).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/proc_fs.h>
#include <linux/uaccess.h>

#define PAGEFOLD_MAX_PAGES 256

static struct page *pagefold_pages[PAGEFOLD_MAX_PAGES];
static char pagefold_result[PAGEFOLD_MAX_PAGES * 20 + 32];
static size_t pagefold_result_len;

static ssize_t pagefold_gup_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	char line[80];
	unsigned long start;
	int nr_pages, write, nr, i;
	size_t len = 0;

	if (count >= sizeof(line))
		return -EINVAL;
	if (copy_from_user(line, buf, count))
		return -EFAULT;
	line[count] = '\0';
	if (sscanf(line, "%lx %d %d", &start, &nr_pages, &write) != 3 ||
	    nr_pages < 1 || nr_pages > PAGEFOLD_MAX_PAGES)
		return -EINVAL;
	nr = get_user_pages_fast_only(start, nr_pages, write ? FOLL_WRITE : 0, pagefold_pages);
	len += scnprintf(pagefold_result + len, sizeof(pagefold_result) - len, "%d", nr);
	for (i = 0; i < nr; i++) {
		len += scnprintf(pagefold_result + len, sizeof(pagefold_result) - len, " %lx",
				 page_to_pfn(pagefold_pages[i]));
		put_page(pagefold_pages[i]);
	}
	len += scnprintf(pagefold_result + len, sizeof(pagefold_result) - len, "\n");
	pagefold_result_len = len;
	return count;
}

static ssize_t pagefold_gup_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	return simple_read_from_buffer(buf, count, ppos, pagefold_result, pagefold_result_len);
}

static const struct proc_ops pagefold_gup_ops = {
	.proc_write = pagefold_gup_write,
	.proc_read = pagefold_gup_read,
};

static int __init pagefold_gup_init(void)
{
	return proc_create("pagefold-gup", 0600, NULL, &pagefold_gup_ops) ? 0 : -ENOMEM;
}
device_initcall(pagefold_gup_init);
