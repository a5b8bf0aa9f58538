// SPDX-License-Identifier: ISC
/*
 * pxelinux's file lookup order and entry selection (see pxelinux.h), as
 * documented in syslinux's doc/pxelinux.txt and doc/syslinux.txt.  The
 * config is scanned a few times instead of being stored: files are small,
 * and this keeps the parser free of allocation.  Keywords are matched
 * case-insensitively, unknown ones ignored, as syslinux does.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "pxelinux.h"

void
pxelinux_names(const char *uuid, const uint8_t *mac, const uint32_t *ip,
    struct pxelinux_names *nm)
{
	char hex[IP4_HEXLEN];
	int i;

	nm->n = 0;
	if (uuid != NULL)
		strlcpy(nm->v[nm->n++], uuid, PXELINUX_NAMELEN);
	if (mac != NULL)
		mac_pxelinux(mac, nm->v[nm->n++]);
	if (ip != NULL) {
		ip4_hex(*ip, hex);
		for (i = 8; i >= 1; i--)
			snprintf(nm->v[nm->n++], PXELINUX_NAMELEN, "%.*s", i,
			    hex);
	}
	strlcpy(nm->v[nm->n++], "default", PXELINUX_NAMELEN);
}

struct scan {
	const char	*p;
	size_t		 rem;
	unsigned	 no;
	const char	*file;
};

struct cfgline {
	char		 kw[16];	/* lower case; "" if too long */
	char		 arg[PXELINUX_APPENDMAX];
	unsigned	 no;
};

static void
scan_init(struct scan *sc, const char *text, size_t len, const char *file)
{
	sc->p = text;
	sc->rem = text == NULL ? 0 : len;
	sc->no = 0;
	sc->file = file;
}

/* Splits one raw line into keyword and argument. */
static int
scan_split(const char *s, size_t len, struct cfgline *l)
{
	size_t i = 0, k = 0;

	while (i < len && isblank((unsigned char)s[i]))
		i++;
	while (i < len && !isblank((unsigned char)s[i])) {
		if (k + 1 < sizeof(l->kw))
			l->kw[k] = (char)tolower((unsigned char)s[i]);
		k++;
		i++;
	}
	l->kw[k < sizeof(l->kw) ? k : 0] = '\0';
	while (i < len && isblank((unsigned char)s[i]))
		i++;
	while (len > i && isspace((unsigned char)s[len - 1]))
		len--;
	if (len - i >= sizeof(l->arg))
		return -1;
	memcpy(l->arg, s + i, len - i);
	l->arg[len - i] = '\0';
	return 0;
}

/* 1 with the next non-comment line, 0 at the end, -1 on a bad line. */
static int
scan_next(struct scan *sc, struct cfgline *l, struct perr *err)
{
	const char *nl, *s;
	size_t len, adv, i;

	for (;;) {
		if (sc->rem == 0)
			return 0;
		sc->no++;
		s = sc->p;
		if ((nl = memchr(s, '\n', sc->rem)) != NULL) {
			len = (size_t)(nl - s);
			adv = len + 1;
		} else
			len = adv = sc->rem;
		sc->p += adv;
		sc->rem -= adv;
		l->no = sc->no;
		if (memchr(s, '\0', len) != NULL) {
			perr_set(err, sc->file, sc->no, "NUL byte in line");
			return -1;
		}
		for (i = 0; i < len && isspace((unsigned char)s[i]); i++)
			;
		if (i == len || s[i] == '#')
			continue;
		if (scan_split(s, len, l) == -1) {
			perr_set(err, sc->file, sc->no, "line too long");
			return -1;
		}
		return 1;
	}
}

static bool
is_kernel_kw(const char *kw)
{
	static const char *const kws[] = {
		"kernel", "linux", "boot", "bss", "pxe", "fdimage", "comboot",
		"com32", "config"
	};
	size_t i;

	for (i = 0; i < sizeof(kws) / sizeof(kws[0]); i++)
		if (strcmp(kw, kws[i]) == 0)
			return true;
	return false;
}

/* The first blank-separated word of s into buf. */
static int
first_word(const char *s, char *buf, size_t bufsz)
{
	size_t n = strcspn(s, " \t");

	if (n >= bufsz)
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return 0;
}

static int
copy(char *dst, size_t dstsz, const char *src, const struct scan *sc,
    unsigned no, struct perr *err)
{
	if (strlcpy(dst, src, dstsz) >= dstsz) {
		perr_set(err, sc->file, no, "value too long");
		return -1;
	}
	return 0;
}

struct survey {
	char		def[PXELINUX_APPENDMAX];	/* DEFAULT's argument */
	unsigned	def_no;
	char		first[PXELINUX_LABELMAX];	/* first LABEL */
	unsigned	first_no;
	char		menudef[PXELINUX_LABELMAX];	/* MENU DEFAULT's */
	unsigned	menudef_no;
	bool		ui;				/* a UI line */
};

static int
survey(struct scan *sc, struct survey *sv, struct perr *err)
{
	struct cfgline l;
	char label[PXELINUX_LABELMAX] = "";
	unsigned label_no = 0;
	int r;

	memset(sv, 0, sizeof(*sv));
	while ((r = scan_next(sc, &l, err)) == 1) {
		if (strcmp(l.kw, "default") == 0) {
			strlcpy(sv->def, l.arg, sizeof(sv->def));
			sv->def_no = l.no;
		} else if (strcmp(l.kw, "label") == 0) {
			if (copy(label, sizeof(label), l.arg, sc, l.no, err))
				return -1;
			label_no = l.no;
			if (sv->first_no == 0) {
				strlcpy(sv->first, label, sizeof(sv->first));
				sv->first_no = l.no;
			}
		} else if (strcmp(l.kw, "ui") == 0)
			sv->ui = true;
		else if (strcmp(l.kw, "menu") == 0 && label_no != 0 &&
		    strcasecmp(l.arg, "default") == 0) {
			strlcpy(sv->menudef, label, sizeof(sv->menudef));
			sv->menudef_no = label_no;
		}
	}
	return r;
}

static int
find_label(struct scan *sc, const char *name, unsigned *no, struct perr *err)
{
	struct cfgline l;
	int r;

	while ((r = scan_next(sc, &l, err)) == 1)
		if (strcmp(l.kw, "label") == 0 && strcmp(l.arg, name) == 0) {
			*no = l.no;
			return 1;
		}
	return r;
}

/*
 * Collects label `name' (NULL: only the global APPEND) into e; *append is
 * the label's own APPEND or the global one.
 */
static int
collect(struct scan *sc, const char *name, struct pxelinux_entry *e,
    char *append, struct perr *err)
{
	struct cfgline l;
	bool inlabel = false, seen = false;
	int r;

	while ((r = scan_next(sc, &l, err)) == 1) {
		if (strcmp(l.kw, "label") == 0) {
			seen = true;
			inlabel = name != NULL && strcmp(l.arg, name) == 0;
		} else if (strcmp(l.kw, "append") == 0 && (inlabel || !seen))
			strlcpy(append, l.arg, PXELINUX_APPENDMAX);
		else if (!inlabel)
			continue;
		else if (is_kernel_kw(l.kw)) {
			if (copy(e->kernel, sizeof(e->kernel), l.arg, sc,
			    l.no, err) == -1)
				return -1;
		} else if (strcmp(l.kw, "initrd") == 0) {
			if (copy(e->initrd, sizeof(e->initrd), l.arg, sc,
			    l.no, err) == -1)
				return -1;
		} else if (strcmp(l.kw, "localboot") == 0)
			e->localboot = true;
	}
	return r;
}

/*
 * initrd= in the command line overrides an INITRD line; the last one
 * counts, as syslinux's find_argument() takes it.
 */
static int
initrd_param(struct pxelinux_entry *e)
{
	const char *s = e->append, *w;
	size_t n;

	while (*s != '\0') {
		s += strspn(s, " \t");
		w = s;
		n = strcspn(s, " \t");
		s += n;
		if (n >= 7 && strncmp(w, "initrd=", 7) == 0) {
			if (n - 7 >= sizeof(e->initrd))
				return -1;
			memcpy(e->initrd, w + 7, n - 7);
			e->initrd[n - 7] = '\0';
		}
	}
	return 0;
}

/*
 * The entry pxelinux boots unattended: *name is its label, or NULL when
 * DEFAULT is a command line; *no the line it starts at.  A menu (UI) boots
 * its MENU DEFAULT, else what DEFAULT says, else its first entry; without
 * a menu only DEFAULT counts: pxelinux would stop at its boot: prompt.
 */
static int
pick(const struct survey *sv, const char *text, size_t len, const char *file,
    char word[PXELINUX_LABELMAX], const char **name, unsigned *no,
    struct perr *err)
{
	struct scan sc;
	int r = 0;

	if (sv->ui && (sv->menudef_no != 0 || sv->def_no == 0)) {
		*name = sv->menudef_no != 0 ? sv->menudef : sv->first;
		*no = sv->menudef_no != 0 ? sv->menudef_no : sv->first_no;
		if (*no == 0) {
			perr_set(err, file, 1, "UI without any LABEL");
			return -1;
		}
		return 0;
	}
	if (sv->def_no == 0) {
		perr_set(err, file, 1, "no DEFAULT (pxelinux would wait at its "
		    "boot: prompt)");
		return -1;
	}
	/* A DEFAULT naming no label is a command line (syslinux). */
	if (first_word(sv->def, word, PXELINUX_LABELMAX) == 0) {
		scan_init(&sc, text, len, file);
		if ((r = find_label(&sc, word, no, err)) == -1)
			return -1;
	}
	*name = r == 1 ? word : NULL;
	if (r == 0)
		*no = sv->def_no;
	return 0;
}

/* "DEFAULT kernel args...": the global APPEND only if there are no args. */
static int
default_cmdline(struct pxelinux_entry *e, const char *def, const char *file,
    struct perr *err)
{
	size_t len = strcspn(def, " \t");

	if (len >= sizeof(e->kernel)) {
		perr_set(err, file, e->line, "value too long");
		return -1;
	}
	memcpy(e->kernel, def, len);
	e->kernel[len] = '\0';
	def += len + strspn(def + len, " \t");
	if (*def != '\0')
		strlcpy(e->append, def, sizeof(e->append));
	return 0;
}

int
pxelinux_parse(const char *text, size_t len, const char *file,
    struct pxelinux_entry *e, struct perr *err)
{
	struct scan sc;
	struct survey sv;
	char word[PXELINUX_LABELMAX];
	const char *name;
	unsigned no = 0;

	memset(e, 0, sizeof(*e));
	scan_init(&sc, text, len, file);
	if (survey(&sc, &sv, err) == -1 ||
	    pick(&sv, text, len, file, word, &name, &no, err) == -1)
		return -1;
	scan_init(&sc, text, len, file);
	if (collect(&sc, name, e, e->append, err) == -1)
		return -1;
	e->line = no;
	if (name == NULL) {
		if (default_cmdline(e, sv.def, file, err) == -1)
			return -1;
	} else
		strlcpy(e->label, name, sizeof(e->label));
	if (strcmp(e->append, "-") == 0)
		e->append[0] = '\0';
	if (initrd_param(e) == -1) {
		perr_set(err, file, no, "initrd= too long");
		return -1;
	}
	if (e->kernel[0] == '\0' && !e->localboot) {
		perr_set(err, file, no, "entry %s has no KERNEL", e->label);
		return -1;
	}
	return 0;
}

const char *
pxelinux_lastfile(const struct pxelinux_entry *e)
{
	const char *s, *comma;

	if (e->localboot)
		return NULL;
	s = e->initrd[0] != '\0' ? e->initrd : e->kernel;
	if ((comma = strrchr(s, ',')) != NULL)
		s = comma + 1;
	while (*s == '/')
		s++;
	return s;
}
