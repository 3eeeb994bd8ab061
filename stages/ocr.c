/*
 * ocr.c - intake-ocr: scanned files in, the intake stream (stage "ocr")
 * out: one <page> per page with its lines and words, or with the reason it
 * could not be read.
 *
 * Tesseract is loaded once, then every file is decoded and recognised in a
 * forked worker that inherits the loaded models.  The worker runs under an
 * address-space limit with core dumps off and its stdio on /dev/null; if a
 * decoder crashes, a libtiff bomb hits the limit, or a page hangs past the
 * time limit, only that page is lost: it is reported as an error page and a
 * new worker carries on with the next page.  So the stream always accounts
 * for every input page, and stderr carries only our own messages, naming
 * files, never their content.
 *
 * Deliberately not done here: classifying pages or documents, any reading
 * of the text, and retrying a page that failed.
 */
#include "ocr.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <tesseract/capi.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_LANGS "rus+bel+eng"
/* What a worker may spend on a page beyond the OCR deadline (decoding,
 * rendering, OSD and deskew of a legitimate page take seconds): half the
 * deadline, within these bounds. */
#define GRACE_MIN_S 5
#define GRACE_MAX_S 60
/* Largest single message a worker sends (one page of XML). */
#define MSG_MAX (64u << 20)

static const char usage_short[] =
    "usage: intake-ocr [-l LANGS] [-t SECONDS] [--dpi N] [--max-pixels N]\n"
    "                  [--max-pages N] [--max-memory MB] [FILE...]\n"
    "Try 'intake-ocr --help' for more information.\n";

static const char usage_text[] =
    "usage: intake-ocr [-l LANGS] [-t SECONDS] [-j N] [--cache DIR] [--dpi N]\n"
    "                  [--max-pixels N] [--max-pages N] [--max-memory MB] [FILE...]\n"
    "\n"
    "Recognise the text of scanned pages (PNG, JPEG, TIFF, PDF; the format is\n"
    "taken from the content, not the name) and write the intake stream, stage\n"
    "\"ocr\", to standard output: one <page> per page, in argument order.\n"
    "With no FILE, file names are read from standard input, one per line.\n"
    "\n"
    "  -l LANGS         Tesseract languages (default " DEFAULT_LANGS ")\n"
    "  -t SECONDS       OCR time limit per page (default 120)\n"
    "  --dpi N          resolution for rendering PDF pages (default 300)\n"
    "  --max-pixels N   refuse pages of more than N pixels (default 100000000)\n"
    "  --max-pages N    refuse files of more than N pages (default 500)\n"
    "  --max-memory MB  address-space limit of the worker process (default 2048)\n"
    "  -j, --jobs N     recognise N pages at once (default 1); the pages of a\n"
    "                   TIFF or PDF are shared out too\n"
    "  --cache DIR      keep what was read of every file in DIR and take it\n"
    "                   from there when the same file comes again\n"
    "  --help, --version\n"
    "\n"
    "Files over 256 MB and pages with a side over 30000 pixels are refused.\n"
    "\n"
    "Exit status: 0 every page was read (some may be empty), 1 some file or\n"
    "page could not be read (it is in the stream with status=\"error\" and a\n"
    "reason, and named on stderr), 2 usage error, 70 internal error.\n";

struct run {
	struct ocr_limits lim;
	struct ocr_engine *engine;  /* loaded on the first page not cached */
	const char *langs;
	xmlNodePtr stream;
	int failed;
	int jobs;                   /* workers at once (-j) */
	const char *cache;          /* --cache DIR, or NULL */
	const char *slots;          /* $INTAKE_OCR_SLOTS folder, or NULL */
	int nslots;
};

/* What a worker is given (by fork: nothing is copied). */
struct job {
	const unsigned char *buf;
	size_t len;
	enum ocr_format fmt;
	const char *base;     /* page/@file */
	const char *sha;
	const char *subject;  /* for messages */
};

/* ---- small helpers ---------------------------------------------------- */

/* The name as it may appear on stderr: control characters would let a
 * crafted file name forge log lines. */
static char *
display_name(const char *path)
{
	char *s = xasprintf("'%s'", path), *p;

	for (p = s; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	return s;
}

static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash && slash[1] ? slash + 1 : path;
}

static long
parse_num(const char *opt, const char *s, long min, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < min || v > max) {
		warnx_(NULL, "%s: expected a number from %ld to %ld, got '%s'", opt,
		    min, max, s);
		fputs(usage_short, errstream ? errstream : stderr);
		exit(EX_USAGE);
	}
	return v;
}

static int
write_all(int fd, const void *data, size_t n)
{
	const char *p = data;

	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static xmlNodePtr
new_page(const char *base, int index, const char *sha)
{
	xmlNodePtr page = xmlNewNode(NULL, BAD_CAST "page");

	xml_set(page, "file", base);
	xml_setf(page, "index", "%d", index);
	if (sha)
		xml_set(page, "sha256", sha);
	return page;
}

/* ---- the worker ------------------------------------------------------- */

static int
send_msg(int fd, char kind, const char *data, size_t len)
{
	char head[32];
	int n = snprintf(head, sizeof head, "%c %zu\n", kind, len);

	return write_all(fd, head, (size_t)n) == 0 && write_all(fd, data, len) == 0
	    ? 0 : -1;
}

static int
send_page(int fd, xmlNodePtr page)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlChar *xml = NULL;
	int len = 0, rc;

	xmlDocSetRootElement(doc, page);
	/* Unindented: the parent re-indents the whole stream, and blanks
	 * kept from here would count as text inside <page>. */
	xmlDocDumpFormatMemoryEnc(doc, &xml, &len, "UTF-8", 0);
	rc = xml ? send_msg(fd, 'P', (const char *)xml, (size_t)len) : -1;
	xmlFree(xml);
	xmlFreeDoc(doc);
	return rc;
}

static void
worker_setup(const struct run *run, pid_t parent)
{
	struct rlimit rl;
	int null = open("/dev/null", O_RDWR | O_CLOEXEC);

	/* Orphaned workers must not go on burning a core. */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != parent)
		_exit(EX_SOFTWARE);
	signal(SIGPIPE, SIG_DFL);
	rl.rlim_cur = rl.rlim_max = (rlim_t)run->lim.max_memory_mb << 20;
	setrlimit(RLIMIT_AS, &rl);
	/* A core dump of a worker would hold an applicant's pages. */
	rl.rlim_cur = rl.rlim_max = 0;
	setrlimit(RLIMIT_CORE, &rl);
	if (null >= 0) {
		/* libpng, libjpeg, libtiff and poppler write to stderr
		 * directly, and stdout is the stream: neither is theirs. */
		dup2(null, STDIN_FILENO);
		dup2(null, STDOUT_FILENO);
		if (!ocr_debugging())
			dup2(null, STDERR_FILENO);
		if (null > STDERR_FILENO)
			close(null);
	}
}

/*
 * Fault injection for tests/test_ocr.c, which has no other way to make a
 * decoder crash or hang on cue: INTAKE_TEST_OCR_FAULT=KIND@N makes the
 * worker crash (segv), abort, hang or exit on page N of every file.
 */
static void
test_fault(int index)
{
	const char *f = getenv("INTAKE_TEST_OCR_FAULT"), *at;

	if (!f || !(at = strchr(f, '@')) || atoi(at + 1) != index)
		return;
	if (strncmp(f, "segv@", 5) == 0)
		raise(SIGSEGV);
	else if (strncmp(f, "abort@", 6) == 0)
		abort();
	else if (strncmp(f, "hang@", 5) == 0)
		for (;;)
			pause();
	else if (strncmp(f, "exit@", 5) == 0)
		_exit(3);
}

/*
 * A CPU slot shared by every intake-ocr of a run: the driver sets
 * $INTAKE_OCR_SLOTS to "DIR:N" and a page is recognised only while its
 * worker holds an flock on one of DIR/0..N-1.  So however many cases run
 * at once, at most N pages are being recognised, one per core, and a
 * worker that dies frees its slot with it (the kernel drops the lock).
 * Returns the locked descriptor, or -1 when there are no slots.
 */
static int
slot_acquire(const struct run *run)
{
	int fds[64], n = run->nslots < 64 ? run->nslots : 64, k, got = -1;

	if (!run->slots || n <= 0)
		return -1;
	for (k = 0; k < n; k++) {
		char *p = xasprintf("%s/%d", run->slots, k);

		fds[k] = open(p, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
		free(p);
	}
	while (got < 0) {
		for (k = 0; k < n && got < 0; k++)
			if (fds[k] >= 0 && flock(fds[k], LOCK_EX | LOCK_NB) == 0)
				got = k;
		if (got < 0)
			usleep(20000);
	}
	for (k = 0; k < n; k++)
		if (k != got && fds[k] >= 0)
			close(fds[k]);
	return fds[got];
}

/*
 * Recognise pages start, start+stride, ... of one file and send them to
 * the parent: first the page count ('C'), then per page a start mark
 * ('S', once a CPU slot is held: the parent's time limit runs from there)
 * and the page itself ('P').
 */
static void __attribute__((noreturn))
worker(const struct run *run, const struct job *job, int start, int stride, int fd)
{
	struct ocr_source *src;
	char *why = NULL;
	char count[24];
	int i, n;

	src = ocr_source_open(job->buf, job->len, job->fmt, &run->lim, &why);
	n = src ? ocr_source_pages(src) : 1;
	snprintf(count, sizeof count, "%d", n);
	if (send_msg(fd, 'C', count, strlen(count)) < 0)
		_exit(EX_FAIL);
	if (!src) {
		xmlNodePtr page;

		if (start != 1)
			_exit(EX_OK);
		page = new_page(job->base, 1, job->sha);
		ocr_page_error(page, why);
		free(why);
		_exit(send_page(fd, page) < 0 ? EX_FAIL : EX_OK);
	}
	for (i = start; i <= n; i += stride) {
		xmlNodePtr page = new_page(job->base, i, job->sha);
		int dpi = 0, slot = slot_acquire(run);
		PIX *pix;

		snprintf(count, sizeof count, "%d", i);
		if (send_msg(fd, 'S', count, strlen(count)) < 0)
			_exit(EX_FAIL);
		test_fault(i);
		pix = ocr_source_page(src, i, &dpi, &why);

		if (!pix) {
			ocr_page_error(page, why);
			free(why);
			why = NULL;
		} else {
			ocr_recognise(run->engine, pix, dpi, run->lim.page_seconds, page);
			pixDestroy(&pix);
		}
		if (send_page(fd, page) < 0)
			_exit(EX_FAIL);
		if (slot >= 0)
			close(slot);
	}
	ocr_source_close(src);
	/* The models are the parent's to free; _exit also skips Tesseract's
	 * static destructors. */
	_exit(EX_OK);
}

/* ---- the parent's side ------------------------------------------------ */

struct feed {
	char *buf;
	size_t len, cap;
};

/* Take one complete message off the front of f: 1 and its kind/payload,
 * 0 when incomplete, -1 when malformed. */
static int
next_msg(struct feed *f, char *kind, char **data, size_t *dlen, size_t *used)
{
	char *nl = memchr(f->buf, '\n', f->len), *end;
	unsigned long long n;

	if (!nl)
		return f->len > 32 ? -1 : 0;
	if (f->len < 3 || !strchr("CPS", f->buf[0]) || f->buf[1] != ' ')
		return -1;
	errno = 0;
	n = strtoull(f->buf + 2, &end, 10);
	if (errno || end != nl || n > MSG_MAX)
		return -1;
	if ((size_t)(nl + 1 - f->buf) + n > f->len)
		return 0;
	*kind = f->buf[0];
	*data = nl + 1;
	*dlen = (size_t)n;
	*used = (size_t)(nl + 1 - f->buf) + (size_t)n;
	return 1;
}

/* Seconds a worker may stay silent on one page before it is killed. */
static int
hard_limit(const struct run *run)
{
	int grace = run->lim.page_seconds / 2;

	grace = grace < GRACE_MIN_S ? GRACE_MIN_S : grace > GRACE_MAX_S ?
	    GRACE_MAX_S : grace;
	return run->lim.page_seconds + grace;
}

static char *
death_reason(const struct run *run, int status, int timed_out)
{
	if (timed_out)
		return xasprintf("page took longer than %d s to process (time "
		    "limit); the file may be damaged", hard_limit(run));
	if (WIFSIGNALED(status)) {
		switch (WTERMSIG(status)) {
		case SIGSEGV:
		case SIGBUS:
		case SIGILL:
		case SIGFPE:
			return xstrdup("the decoder crashed on this page (damaged "
			    "or malicious file)");
		case SIGABRT:
			return xasprintf("processing aborted: damaged file, or the "
			    "page needs more than the %ld MB memory limit",
			    run->lim.max_memory_mb);
		case SIGKILL:
			return xstrdup("processing was killed (out of memory?)");
		default:
			return xasprintf("processing stopped by signal %d",
			    WTERMSIG(status));
		}
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == EX_SOFTWARE)
		return xasprintf("not enough memory to process this page (limit "
		    "%ld MB)", run->lim.max_memory_mb);
	return xasprintf("processing failed (worker exit status %d)",
	    WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

/* ---- files, lanes and the cache ---------------------------------------- */

/* One input file and the pages gathered for it. */
struct file_state {
	struct job job;
	char *buf;
	char *subject;
	char sha[65];
	char *reason;           /* the file cannot be read at all: one error page */
	int count;              /* pages; -1 until a worker has said */
	xmlNodePtr *pages;      /* [count], in the run's document, as they arrive */
	int lanes;              /* workers sharing the file's pages (stride) */
	int from_cache;
};

/* A worker process recognising every lanes-th page of a file. */
struct lane {
	struct file_state *fs;
	int next;               /* the page it will send next */
	pid_t pid;
	int fd;
	struct feed f;
	double deadline;        /* 0: none (opening, or waiting for a CPU slot) */
	int active;
};

/*
 * The cache key of a file: its content and everything that changes what
 * OCR makes of it (tool and Tesseract versions, languages, PDF resolution).
 * Limits are not in it: pages they refuse are never cached.
 */
static void
cache_key(const struct run *run, const char *sha, char key[65])
{
	char *s = xasprintf("intake-ocr-cache 27\n%s\n%s\n%s\n%d\n%s\n", INTAKE_VERSION,
	    TessVersion(), run->langs, run->lim.dpi, sha);

	sha256_hex(s, strlen(s), key);
	free(s);
}

static char *
cache_path(const struct run *run, const char *key)
{
	return xasprintf("%s/%.2s/%s.xml", run->cache, key, key);
}

/*
 * Take a file's pages from the cache: 1 when they were all there.  The
 * cached pages are the very elements a worker produced, so a cached run
 * gives the same stream as a fresh one; only the file's name is the
 * current one (the same scan may come back under another name).
 */
static int
cache_load(struct run *run, struct file_state *fs)
{
	char key[65], *path, *why = NULL;
	xmlDocPtr doc;
	xmlNodePtr root, p;
	int n = 0, i;

	if (!run->cache)
		return 0;
	cache_key(run, fs->sha, key);
	path = cache_path(run, key);
	doc = access(path, R_OK) == 0 ? xml_read(path, &why) : NULL;
	free(path);
	free(why);
	if (!doc)
		return 0;
	root = xmlDocGetRootElement(doc);
	for (p = xml_child(root, "page"); p; p = xml_next(p, "page"))
		n++;
	if (!xml_is(root, "ocr-cache") || n < 1 || n != (int)xml_get_num(root, "pages", -1)) {
		xmlFreeDoc(doc);
		return 0;
	}
	fs->count = n;
	fs->pages = xcalloc((size_t)n, sizeof *fs->pages);
	for (p = xml_child(root, "page"), i = 0; p; p = xml_next(p, "page"), i++) {
		fs->pages[i] = xmlDocCopyNode(p, run->stream->doc, 1);
		xml_set(fs->pages[i], "file", fs->job.base);
	}
	fs->from_cache = 1;
	xmlFreeDoc(doc);
	return 1;
}

/* Keep a file's pages for the next run, when every one was read. */
static void
cache_store(const struct run *run, const struct file_state *fs)
{
	xmlDocPtr doc;
	xmlNodePtr root;
	char key[65], *path, *dir, *buf;
	size_t len;
	int i;

	if (!run->cache || fs->from_cache || fs->count < 1)
		return;
	for (i = 0; i < fs->count; i++) {
		char *st = fs->pages[i] ? xml_get(fs->pages[i], "status") : NULL;
		int bad = !st || strcmp(st, "error") == 0;

		free(st);
		if (bad)
			return;
	}
	cache_key(run, fs->sha, key);
	doc = xmlNewDoc(BAD_CAST "1.0");
	root = xmlNewNode(NULL, BAD_CAST "ocr-cache");
	xmlDocSetRootElement(doc, root);
	xml_set(root, "key", key);
	xml_setf(root, "pages", "%d", fs->count);
	for (i = 0; i < fs->count; i++)
		xmlAddChild(root, xmlDocCopyNode(fs->pages[i], doc, 1));
	buf = xml_dump(doc, &len);
	xmlFreeDoc(doc);
	/* The cache holds the text of people's documents: private. */
	mkdir(run->cache, 0700);
	dir = xasprintf("%s/%.2s", run->cache, key);
	mkdir(dir, 0700);
	path = cache_path(run, key);
	if (atomic_write(path, buf, len, 0600) < 0)
		warnx_(run->cache, "cannot write to the OCR cache: %s", strerror(errno));
	free(path);
	free(dir);
	free(buf);
}

static char *
open_reason(int err)
{
	switch (err) {
	case ENOENT:
		return xstrdup("file not found");
	case ELOOP:
		return xstrdup("is a symbolic link (not followed)");
	case EINVAL:
		return xstrdup("not a regular file");
	case EFBIG:
		return xasprintf("file too large (over %u MB)", OCR_MAX_FILE >> 20);
	case EACCES:
	case EPERM:
		return xstrdup("permission denied");
	default:
		return xasprintf("cannot read the file: %s", strerror(err));
	}
}

/* Read, digest and sniff one file; pages come later (cache or workers). */
static void
file_open(struct run *run, struct file_state *fs, const char *path)
{
	/* util.c's read_file treats "-" as stdin, which here carries names. */
	const char *open_path = strcmp(path, "-") == 0 ? "./-" : path;
	size_t len = 0;

	memset(fs, 0, sizeof *fs);
	fs->count = -1;
	fs->lanes = 1;
	fs->job.base = base_name(path);
	fs->subject = display_name(path);
	fs->job.subject = fs->subject;
	if (read_file(open_path, OCR_MAX_FILE, &fs->buf, &len) < 0) {
		fs->reason = open_reason(errno);
		return;
	}
	sha256_hex(fs->buf, len, fs->sha);
	fs->job.sha = fs->sha;
	fs->job.buf = (const unsigned char *)fs->buf;
	fs->job.len = len;
	fs->job.fmt = ocr_sniff(fs->job.buf, len);
	if (!ocr_format_supported(fs->job.fmt)) {
		fs->reason = ocr_refuse_reason(fs->job.base, fs->job.fmt);
		return;
	}
	if (cache_load(run, fs))
		return;
	/* Only TIFF and PDF hold several pages worth sharing out. */
	if (fs->job.fmt == OCR_FMT_TIFF || fs->job.fmt == OCR_FMT_PDF)
		fs->lanes = run->jobs;
}

/* Record page index of fs as failed (the worker died or stalled on it). */
static void
page_failed(const struct run *run, struct file_state *fs, int index, const char *why)
{
	xmlNodePtr page = new_page(fs->job.base, index, fs->sha);

	ocr_page_error(page, why);
	xmlSetTreeDoc(page, run->stream->doc);
	if (fs->pages[index - 1])
		xmlFreeNode(fs->pages[index - 1]);
	fs->pages[index - 1] = page;
}

/* A page element from a worker: 0 when it is the one expected. */
static int
take_page(struct run *run, struct lane *l, const char *xml, size_t len)
{
	char *why = NULL;
	xmlDocPtr doc = xml_parse(xml, len, &why);
	xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
	int index = root && xml_is(root, "page") ? (int)xml_get_num(root, "index", -1) : -1;

	free(why);
	if (index != l->next || l->fs->count < index) {
		if (doc)
			xmlFreeDoc(doc);
		return -1;
	}
	l->fs->pages[index - 1] = xmlDocCopyNode(root, run->stream->doc, 1);
	xmlFreeDoc(doc);
	return 0;
}

static void
lane_start(struct run *run, struct lane *l)
{
	int fds[2];
	pid_t self = getpid();

	l->f.len = 0;
	l->active = 0;
	if (pipe2(fds, O_CLOEXEC) < 0) {
		l->pid = -1;
		return;
	}
	fflush(NULL);
	l->pid = fork();
	if (l->pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return;
	}
	if (l->pid == 0) {
		close(fds[0]);
		worker_setup(run, self);
		worker(run, &l->fs->job, l->next, l->fs->lanes, fds[1]);
	}
	close(fds[1]);
	l->fd = fds[0];
	l->active = 1;
	/* Opening a file (PDF structure, TIFF directory) is bounded too. */
	l->deadline = mono_ms() + hard_limit(run) * 1000.0;
}

/*
 * Read what a lane's worker sent.  Returns 1 while it goes on, 0 when it
 * finished its pages, -1 when it ended early (the caller works out why
 * from its exit status), -2 when what it sent is garbled.
 */
static int
lane_read(struct run *run, struct lane *l)
{
	char kind, *data;
	size_t dlen, used;
	ssize_t r;
	int got;

	if (l->f.cap - l->f.len < 65536) {
		l->f.cap = l->f.cap ? l->f.cap * 2 : 131072;
		l->f.buf = xrealloc(l->f.buf, l->f.cap);
	}
	r = read(l->fd, l->f.buf + l->f.len, l->f.cap - l->f.len);
	if (r < 0 && errno == EINTR)
		return 1;
	if (r <= 0)
		return l->fs->count >= 0 && l->next > l->fs->count ? 0 : -1;
	l->f.len += (size_t)r;
	while ((got = next_msg(&l->f, &kind, &data, &dlen, &used)) == 1) {
		char num[24];
		long v;

		snprintf(num, sizeof num, "%.*s", (int)(dlen < 23 ? dlen : 23), data);
		v = kind == 'P' ? 0 : strtol(num, NULL, 10);
		if (kind == 'C') {
			if (v < 1 || v > INT_MAX || (l->fs->count >= 0 && v != l->fs->count))
				return -2;
			if (l->fs->count < 0) {
				l->fs->count = (int)v;
				l->fs->pages = xcalloc((size_t)v, sizeof *l->fs->pages);
			}
			l->deadline = 0;        /* next: waiting for a CPU slot */
		} else if (kind == 'S') {
			if (v != l->next)
				return -2;
			l->deadline = mono_ms() + hard_limit(run) * 1000.0;
		} else {
			if (l->fs->count < 0 || take_page(run, l, data, dlen) < 0)
				return -2;
			l->next += l->fs->lanes;
			l->deadline = 0;
		}
		memmove(l->f.buf, l->f.buf + used, l->f.len - used);
		l->f.len -= used;
	}
	return got < 0 ? -2 : 1;
}

/*
 * A lane's worker is gone.  When it still owed pages, the one it was on
 * becomes an error page and the lane carries on after it with a new
 * worker.  Returns 1 when the lane must be started again.
 */
static int
lane_end(struct run *run, struct lane *l, int garbled, int timed_out)
{
	int status = 0;
	char *why;

	close(l->fd);
	if (garbled || timed_out)
		kill(l->pid, SIGKILL);
	while (waitpid(l->pid, &status, 0) < 0 && errno == EINTR)
		;
	l->active = 0;
	if (!garbled && !timed_out && l->fs->count >= 0 && l->next > l->fs->count)
		return 0;
	why = garbled ? xstrdup("internal error: the worker's reply was garbled") :
	    death_reason(run, status, timed_out);
	if (l->fs->count < 0) {
		/* It died opening the file: the file is one error page. */
		l->fs->count = 1;
		l->fs->pages = xcalloc(1, sizeof *l->fs->pages);
		if (l->next == 1)
			page_failed(run, l->fs, 1, why);
		free(why);
		return 0;
	}
	if (l->next <= l->fs->count)
		page_failed(run, l->fs, l->next, why);
	free(why);
	l->next += l->fs->lanes;
	return l->next <= l->fs->count;
}

/*
 * Recognise every page of every file that needs it, run->jobs workers at
 * a time: single-page files one worker each, the pages of a TIFF or PDF
 * dealt out over several, so that one long file uses every core.
 */
static void
run_lanes(struct run *run, struct file_state *files, size_t nfiles)
{
	struct lane *lanes;
	size_t nl = 0, cap = 16, i;
	int active = 0;

	lanes = xcalloc(cap, sizeof *lanes);
	for (i = 0; i < nfiles; i++) {
		int k;

		if (files[i].reason || files[i].from_cache)
			continue;
		for (k = 1; k <= files[i].lanes; k++) {
			if (nl == cap)
				lanes = xrealloc(lanes, (cap *= 2) * sizeof *lanes);
			memset(&lanes[nl], 0, sizeof *lanes);
			lanes[nl].fs = &files[i];
			lanes[nl].next = k;
			nl++;
		}
	}
	for (;;) {
		struct pollfd *pfd;
		double now_ms, soonest = 0;
		int timeout, n = 0;

		/* Start lanes in file order while there is room. */
		for (i = 0; i < nl && active < run->jobs; i++) {
			struct lane *l = &lanes[i];

			if (l->active || l->pid != 0)
				continue;
			lane_start(run, l);
			if (l->active) {
				active++;
			} else {
				/* No worker could be had: the lane's pages fail. */
				if (l->fs->count < 0) {
					l->fs->count = 1;
					l->fs->pages = xcalloc(1, sizeof *l->fs->pages);
				}
				for (; l->next <= l->fs->count; l->next += l->fs->lanes)
					page_failed(run, l->fs, l->next,
					    "cannot start a worker (out of memory or processes)");
			}
		}
		if (active == 0)
			break;
		pfd = xcalloc((size_t)active, sizeof *pfd);
		now_ms = mono_ms();
		for (i = 0; i < nl; i++)
			if (lanes[i].active) {
				pfd[n].fd = lanes[i].fd;
				pfd[n++].events = POLLIN;
				if (lanes[i].deadline > 0 &&
				    (soonest == 0 || lanes[i].deadline < soonest))
					soonest = lanes[i].deadline;
			}
		timeout = soonest == 0 ? -1 : soonest <= now_ms ? 0 :
		    (int)(soonest - now_ms) + 1;
		if (poll(pfd, (nfds_t)n, timeout) < 0 && errno != EINTR) {
			free(pfd);
			break;
		}
		free(pfd);
		now_ms = mono_ms();
		for (i = 0; i < nl; i++) {
			struct lane *l = &lanes[i];
			struct pollfd one = {0, POLLIN, 0};
			int rc = 1, restart;

			if (!l->active)
				continue;
			one.fd = l->fd;
			if (poll(&one, 1, 0) > 0)
				rc = lane_read(run, l);
			if (rc == 1 && !(l->deadline > 0 && l->deadline <= now_ms))
				continue;
			active--;
			restart = lane_end(run, l, rc == -2, rc == 1);
			if (restart) {
				lane_start(run, l);
				if (l->active)
					active++;
				else
					for (; l->next <= l->fs->count; l->next += l->fs->lanes)
						page_failed(run, l->fs, l->next, "cannot "
						    "start a worker (out of memory or processes)");
			}
		}
	}
	for (i = 0; i < nl; i++)
		free(lanes[i].f.buf);
	free(lanes);
}

/*
 * OCR the named files into run->stream, in order: from the cache where it
 * has them, through workers otherwise.  Tesseract is loaded only when some
 * page needs it.  Returns 0, or -1 when the engine cannot be loaded.
 */
static int
do_files(struct run *run, char **paths, size_t n)
{
	struct file_state *files = xcalloc(n ? n : 1, sizeof *files);
	size_t i;
	int need = 0, k;
	char *why = NULL;

	for (i = 0; i < n; i++) {
		file_open(run, &files[i], paths[i]);
		need |= !files[i].reason && !files[i].from_cache;
	}
	if (need && !run->engine) {
		run->engine = ocr_engine_new(run->langs, &why);
		if (!run->engine) {
			warnx_(NULL, "%s", why);
			free(why);
			for (i = 0; i < n; i++) {
				free(files[i].buf);
				free(files[i].subject);
				free(files[i].reason);
			}
			free(files);
			return -1;
		}
	}
	run_lanes(run, files, n);
	for (i = 0; i < n; i++) {
		struct file_state *fs = &files[i];

		if (fs->reason) {
			xmlNodePtr page = new_page(fs->job.base, 1, fs->buf ? fs->sha : NULL);

			ocr_page_error(page, fs->reason);
			xmlAddChild(run->stream, page);
			warnx_(fs->subject, "%s", fs->reason);
			run->failed = 1;
		}
		for (k = 0; !fs->reason && k < fs->count; k++) {
			char *st, *reason;

			if (!fs->pages[k])
				page_failed(run, fs, k + 1, "internal error: page lost");
			st = xml_get(fs->pages[k], "status");
			if (st && strcmp(st, "error") == 0) {
				reason = xml_get(fs->pages[k], "reason");
				if (fs->count == 1)
					warnx_(fs->subject, "%s", reason ? reason : "error");
				else
					warnx_(fs->subject, "page %d: %s", k + 1,
					    reason ? reason : "error");
				free(reason);
				run->failed = 1;
			}
			free(st);
			xmlAddChild(run->stream, fs->pages[k]);
		}
		if (!fs->reason)
			cache_store(run, fs);
		free(fs->pages);
		free(fs->buf);
		free(fs->subject);
		free(fs->reason);
	}
	free(files);
	return 0;
}

int
cmd_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"dpi", required_argument, NULL, 'D'},
		{"max-pixels", required_argument, NULL, 'P'},
		{"max-pages", required_argument, NULL, 'N'},
		{"max-memory", required_argument, NULL, 'M'},
		{"jobs", required_argument, NULL, 'j'},
		{"cache", required_argument, NULL, 'C'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	struct run run;
	const char *langs = DEFAULT_LANGS, *p, *slots;
	int c, langs_given = 0, i;
	xmlDocPtr doc;
	char **paths, **owned = NULL, *slot_dir = NULL;
	size_t npaths = 0;

	if (common_options(argc, argv, usage_text))
		return EX_OK;
	memset(&run, 0, sizeof run);
	ocr_limits_default(&run.lim);
	optind = 0; /* cmd_main may run more than once (tests) */
	opterr = 0;
	run.jobs = 1;
	while ((c = getopt_long(argc, argv, ":j:l:t:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'j':
			run.jobs = (int)parse_num("-j", optarg, 1, 64);
			break;
		case 'C':
			run.cache = optarg;
			break;
		case 'l':
			langs = optarg;
			langs_given = 1;
			break;
		case 't':
			run.lim.page_seconds = (int)parse_num("-t", optarg, 1, 86400);
			break;
		case 'D':
			run.lim.dpi = (int)parse_num("--dpi", optarg, 50, 1200);
			break;
		case 'P':
			run.lim.max_pixels = parse_num("--max-pixels", optarg, 1,
			    (long)OCR_MAX_SIDE * OCR_MAX_SIDE);
			break;
		case 'N':
			run.lim.max_pages = (int)parse_num("--max-pages", optarg, 1,
			    100000);
			break;
		case 'M':
			run.lim.max_memory_mb = parse_num("--max-memory", optarg, 64,
			    1L << 20);
			break;
		case 'h':
			fputs(usage_text, stdout);
			return EX_OK;
		case 'V':
			printf("%s %s (stream version %s)\n", progname, INTAKE_VERSION,
			    INTAKE_STREAM_VERSION);
			return EX_OK;
		default:
		{
			/* getopt reports long options through argv, short
			 * ones (possibly grouped, "-xt") through optopt. */
			const char *arg = argv[optind - 1];
			char shortopt[3] = {'-', (char)optopt, '\0'};
			const char *name = strncmp(arg, "--", 2) == 0 ? arg : shortopt;

			warnx_(NULL, c == ':' ? "option '%s' needs a value" :
			    "unknown option '%s'", name);
		}
			fputs(usage_short, errstream ? errstream : stderr);
			return EX_USAGE;
		}
	}
	/* Language names go into a path inside tessdata. */
	for (p = langs; *p; p++)
		if (!(*p >= 'a' && *p <= 'z') && !(*p >= 'A' && *p <= 'Z') &&
		    !(*p >= '0' && *p <= '9') && *p != '_' && *p != '+' && *p != '-')
			break;
	if (!*langs || *p || strstr(langs, "++")) {
		warnx_(NULL, "-l: not a list of Tesseract languages like rus+bel+eng");
		return EX_USAGE;
	}

	xml_init();
	run.langs = langs;
	slots = getenv("INTAKE_OCR_SLOTS");
	if (slots && (p = strrchr(slots, ':')) && atoi(p + 1) > 0) {
		run.slots = slot_dir = xstrndup(slots, (size_t)(p - slots));
		run.nslots = atoi(p + 1);
	}
	doc = xmlNewDoc(BAD_CAST "1.0");
	run.stream = xmlNewNode(NULL, BAD_CAST "stream");
	xmlDocSetRootElement(doc, run.stream);
	xml_set(run.stream, "version", INTAKE_STREAM_VERSION);
	xml_set(run.stream, "stage", "ocr");
	xml_set(run.stream, "tool", "intake-ocr " INTAKE_VERSION);
	xml_set(run.stream, "lang", langs);

	if (optind < argc) {
		paths = argv + optind;
		npaths = (size_t)(argc - optind);
	} else {
		char *line = NULL;
		size_t cap = 0, pcap = 0;
		ssize_t n;

		while ((n = getline(&line, &cap, stdin)) >= 0) {
			while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
				line[--n] = '\0';
			if (n == 0)
				continue;
			if (npaths == pcap)
				owned = xrealloc(owned, (pcap = pcap ? pcap * 2 : 16) * sizeof *owned);
			owned[npaths++] = xstrdup(line);
		}
		free(line);
		paths = owned;
	}
	if (do_files(&run, paths, npaths) < 0) {
		xmlFreeDoc(doc);
		return langs_given ? EX_USAGE : EX_SOFTWARE;
	}
	for (i = 0; owned && i < (int)npaths; i++)
		free(owned[i]);
	free(owned);
	free(slot_dir);

	ocr_engine_free(run.engine);
	if (xml_write(doc, stdout) < 0) {
		xmlFreeDoc(doc);
		warnx_(NULL, "cannot write to standard output: %s", strerror(errno));
		return EX_FAIL;
	}
	xmlFreeDoc(doc);
	return run.failed ? EX_FAIL : EX_OK;
}
