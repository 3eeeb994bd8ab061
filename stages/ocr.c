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
#include <sys/prctl.h>
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
    "usage: intake-ocr [-l LANGS] [-t SECONDS] [--dpi N] [--max-pixels N]\n"
    "                  [--max-pages N] [--max-memory MB] [FILE...]\n"
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
    "  --help, --version\n"
    "\n"
    "Files over 256 MB and pages with a side over 30000 pixels are refused.\n"
    "\n"
    "Exit status: 0 every page was read (some may be empty), 1 some file or\n"
    "page could not be read (it is in the stream with status=\"error\" and a\n"
    "reason, and named on stderr), 2 usage error, 70 internal error.\n";

struct run {
	struct ocr_limits lim;
	struct ocr_engine *engine;
	xmlNodePtr stream;
	int failed;
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

static double
mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
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

static void
add_error_page(struct run *run, const struct job *job, int index, int of,
    const char *reason)
{
	xmlNodePtr page = new_page(job->base, index, job->sha);

	ocr_page_error(page, reason);
	xmlAddChild(run->stream, page);
	if (of == 1)
		warnx_(job->subject, "%s", reason);
	else
		warnx_(job->subject, "page %d: %s", index, reason);
	run->failed = 1;
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

static void __attribute__((noreturn))
worker(const struct run *run, const struct job *job, int start, int fd)
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
		xmlNodePtr page = new_page(job->base, start, job->sha);

		ocr_page_error(page, why);
		free(why);
		_exit(send_page(fd, page) < 0 ? EX_FAIL : EX_OK);
	}
	for (i = start; i <= n; i++) {
		xmlNodePtr page = new_page(job->base, i, job->sha);
		int dpi = 0;
		PIX *pix;

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
	if (f->len < 3 || (f->buf[0] != 'C' && f->buf[0] != 'P') || f->buf[1] != ' ')
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

/*
 * Take a page element sent by a worker into the stream.  Returns its
 * index, or -1 when it is not the page we expected.
 */
static int
accept_page(struct run *run, const struct job *job, const char *xml,
    size_t len, int expect, int of)
{
	char *why = NULL;
	xmlDocPtr doc = xml_parse(xml, len, &why);
	xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
	int index = root && xml_is(root, "page") ?
	    (int)xml_get_num(root, "index", -1) : -1;

	free(why);
	if (index != expect) {
		if (doc)
			xmlFreeDoc(doc);
		return -1;
	}
	xmlAddChild(run->stream, xmlDocCopyNode(root, run->stream->doc, 1));
	{
		char *status = xml_get(root, "status");

		if (status && strcmp(status, "error") == 0) {
			char *reason = xml_get(root, "reason");

			if (of == 1)
				warnx_(job->subject, "%s", reason ? reason : "error");
			else
				warnx_(job->subject, "page %d: %s", index,
				    reason ? reason : "error");
			free(reason);
			run->failed = 1;
		}
		free(status);
	}
	xmlFreeDoc(doc);
	return index;
}

/*
 * Recognise every page of one file through workers.  A worker handles the
 * pages from `next` on; when one dies or stalls, its current page becomes
 * an error page and a fresh worker takes the page after it.
 */
static void
run_file(struct run *run, const struct job *job)
{
	int next = 1, count = -1;
	double hard_ms = hard_limit(run) * 1000.0;

	while (count < 0 || next <= count) {
		int fds[2], status = 0, timed_out = 0, bad = 0;
		struct feed f = {NULL, 0, 0};
		double deadline;
		pid_t pid, self;
		char *why;

		if (pipe2(fds, O_CLOEXEC) < 0) {
			add_error_page(run, job, next, count, "cannot start a worker "
			    "(out of file descriptors)");
			return;
		}
		fflush(NULL);
		self = getpid();
		pid = fork();
		if (pid < 0) {
			close(fds[0]);
			close(fds[1]);
			add_error_page(run, job, next, count, "cannot start a worker "
			    "(out of memory or processes)");
			return;
		}
		if (pid == 0) {
			close(fds[0]);
			worker_setup(run, self);
			worker(run, job, next, fds[1]);
		}
		close(fds[1]);
		deadline = mono_ms() + hard_ms;
		for (;;) {
			struct pollfd pfd = {fds[0], POLLIN, 0};
			double left = deadline - mono_ms();
			ssize_t r;
			char kind, *data;
			size_t dlen, used;
			int got;

			if (left <= 0) {
				timed_out = 1;
				break;
			}
			r = poll(&pfd, 1, left > INT_MAX ? INT_MAX : (int)left + 1);
			if (r < 0 && errno == EINTR)
				continue;
			if (r == 0)
				continue;
			if (f.cap - f.len < 65536) {
				f.cap = f.cap ? f.cap * 2 : 131072;
				f.buf = xrealloc(f.buf, f.cap);
			}
			r = read(fds[0], f.buf + f.len, f.cap - f.len);
			if (r < 0 && errno == EINTR)
				continue;
			if (r <= 0)
				break;
			f.len += (size_t)r;
			while ((got = next_msg(&f, &kind, &data, &dlen, &used)) == 1) {
				if (kind == 'C') {
					char num[24];
					long c;

					snprintf(num, sizeof num, "%.*s",
					    (int)(dlen < 23 ? dlen : 23), data);
					c = strtol(num, NULL, 10);
					if (count < 0)
						count = c > 0 && c <= INT_MAX ? (int)c : -1;
					if (count < 0)
						bad = 1;
				} else if (count < 0 || next > count ||
				    accept_page(run, job, data, dlen, next, count) != next) {
					bad = 1;
				} else {
					next++;
				}
				/* Each sign of progress restarts the clock. */
				deadline = mono_ms() + hard_ms;
				memmove(f.buf, f.buf + used, f.len - used);
				f.len -= used;
				if (bad)
					break;
			}
			if (got < 0 || bad) {
				bad = 1;
				break;
			}
		}
		close(fds[0]);
		free(f.buf);
		if (timed_out || bad)
			kill(pid, SIGKILL);
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
		if (count > 0 && next > count && !bad)
			return;
		if (bad)
			why = xstrdup("internal error: the worker's reply was garbled");
		else
			why = death_reason(run, status, timed_out);
		if (count < 0) {
			add_error_page(run, job, 1, 1, why);
			free(why);
			return;
		}
		add_error_page(run, job, next, count, why);
		free(why);
		next++;
	}
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

static void
do_file(struct run *run, const char *path)
{
	struct job job;
	char *buf = NULL, *subject = display_name(path);
	char hex[65];
	size_t len = 0;
	/* util.c's read_file treats "-" as stdin, which here carries names. */
	const char *open_path = strcmp(path, "-") == 0 ? "./-" : path;

	memset(&job, 0, sizeof job);
	job.base = base_name(path);
	job.subject = subject;
	if (read_file(open_path, OCR_MAX_FILE, &buf, &len) < 0) {
		char *why = open_reason(errno);

		add_error_page(run, &job, 1, 1, why);
		free(why);
		free(subject);
		return;
	}
	sha256_hex(buf, len, hex);
	job.sha = hex;
	job.buf = (const unsigned char *)buf;
	job.len = len;
	job.fmt = ocr_sniff(job.buf, len);
	if (!ocr_format_supported(job.fmt)) {
		char *why = ocr_refuse_reason(job.base, job.fmt);

		add_error_page(run, &job, 1, 1, why);
		free(why);
	} else {
		run_file(run, &job);
	}
	free(buf);
	free(subject);
}

int
cmd_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"dpi", required_argument, NULL, 'D'},
		{"max-pixels", required_argument, NULL, 'P'},
		{"max-pages", required_argument, NULL, 'N'},
		{"max-memory", required_argument, NULL, 'M'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	struct run run;
	const char *langs = DEFAULT_LANGS, *p;
	int c, langs_given = 0, i;
	xmlDocPtr doc;
	char *why = NULL;

	if (common_options(argc, argv, usage_text))
		return EX_OK;
	memset(&run, 0, sizeof run);
	ocr_limits_default(&run.lim);
	optind = 0; /* cmd_main may run more than once (tests) */
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":l:t:h", longopts, NULL)) != -1) {
		switch (c) {
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
	run.engine = ocr_engine_new(langs, &why);
	if (!run.engine) {
		warnx_(NULL, "%s", why);
		free(why);
		return langs_given ? EX_USAGE : EX_SOFTWARE;
	}
	doc = xmlNewDoc(BAD_CAST "1.0");
	run.stream = xmlNewNode(NULL, BAD_CAST "stream");
	xmlDocSetRootElement(doc, run.stream);
	xml_set(run.stream, "version", INTAKE_STREAM_VERSION);
	xml_set(run.stream, "stage", "ocr");
	xml_set(run.stream, "tool", "intake-ocr " INTAKE_VERSION);
	xml_set(run.stream, "lang", langs);

	if (optind < argc) {
		for (i = optind; i < argc; i++)
			do_file(&run, argv[i]);
	} else {
		char *line = NULL;
		size_t cap = 0;
		ssize_t n;

		while ((n = getline(&line, &cap, stdin)) >= 0) {
			while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
				line[--n] = '\0';
			if (n > 0)
				do_file(&run, line);
		}
		free(line);
	}

	ocr_engine_free(run.engine);
	if (xml_write(doc, stdout) < 0) {
		xmlFreeDoc(doc);
		warnx_(NULL, "cannot write to standard output: %s", strerror(errno));
		return EX_FAIL;
	}
	xmlFreeDoc(doc);
	return run.failed ? EX_FAIL : EX_OK;
}
