/* SPDX-License-Identifier: ISC */
/*
 * The mkrootfs shell: one struct of settings and state, made in main.c and
 * passed down, and the functions each shell file offers.  Functions return
 * 0 or -1 after logging why; the caller cleans up what it made and exits.
 */
#ifndef MKROOTFS_MKROOTFS_H
#define MKROOTFS_MKROOTFS_H

#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/stat.h>

#include "mkrootfs/cpio_newc.h"

enum mkr_format { FMT_CPIO, FMT_EXT2 };
enum mkr_comp { COMP_GZIP, COMP_ZSTD, COMP_NONE };

struct mkr {
	const char	*root;		/* -r: the root tree, or NULL */
	const char	*workdir;	/* -w: holds rootfs and newfs */
	const char	*mountpoint;	/* -m: where `mount' shows rootfs */
	const char	*output;	/* -o */
	enum mkr_format	 format;	/* -F */
	enum mkr_comp	 comp;		/* -z */
	int		 level;		/* -l, or -1 for the default */
	uint64_t	 size_mib;	/* -s: ext2 image size */
	bool		 progress;	/* stderr is a terminal, no -q */
	bool		 force;
	char		 rootfs[PATH_MAX];	/* workdir/rootfs */
	char		 newfs[PATH_MAX];	/* workdir/newfs */
	bool		 ns;		/* in our private mount namespace */
};

/* Set by SIGINT/SIGTERM/SIGHUP; long loops stop at the next check. */
extern volatile sig_atomic_t	mkr_signal;
int	mkr_interrupted(void);

/* progress.c: "what: 12.0 MiB of 64.0 MiB (18%), 35.2 MiB/s" */
struct progress {
	bool		 on;
	const char	*what;
	uint64_t	 done, total;
	double		 start, last;
};
void	progress_start(struct progress *, bool on, const char *what,
	    uint64_t total);
void	progress_add(struct progress *, uint64_t n);
void	progress_end(struct progress *);

/* walk.c: a tree as planned cpio entries, with their stat and path. */
struct walk {
	struct cpio_ent	*ents;
	struct stat	*st;		/* indexed by ents[].src */
	char		**path;		/* full paths, by src */
	size_t		 n, cap;
	uint64_t	 bytes;		/* data of regular files */
};
int	walk_tree(struct walk *, const char *root);
void	walk_free(struct walk *);

/* zsink.c: compressed output into an atomically replaced file. */
struct zsink;
struct zsink	*zsink_open(const struct mkr *, const char *path);
int	zsink_write(struct zsink *, const void *, size_t);
int	zsink_commit(struct zsink *);		/* frees */
void	zsink_abort(struct zsink *);		/* frees, removes the temp */

int	cpio_write(const struct mkr *, const char *root, struct zsink *);
int	copy_tree(const struct mkr *, const char *from, const char *to);

/* ext2.c: images, loop devices, mounts, e2fsck. */
int	ns_enter(struct mkr *);
int	ext2_newfs(const struct mkr *, const char *path);
int	ext2_mount(const char *image, const char *dir, bool rdonly);
int	ext2_umount(const char *dir);
int	ext2_check(const char *image);
int	run_cmd(char *const argv[]);

/* steps.c: the seed's Makefile targets. */
int	step_run(struct mkr *, const char *name, int argc, char **argv);

int	starter_build(const struct mkr *, const char *dir, const char *kmods,
	    char **modules, int nmodules, const char *busybox,
	    const char *netkexec);
/* mkdir -p */
int	mkdirs_p(const char *dir);
/* modules.c: NIC modules and their dependencies into the starter root. */
int	starter_modules(const char *dir, const char *kmods, char **names,
	    int n);
int	rebootmbr(const struct mkr *, const char *target, const char *backup);

#endif
