/*
 * intake - the driver: run every case of an inbox through the stage chain.
 *
 *   intake-ocr FILES | intake-classify | intake-extract
 *     | intake-validate --case case.xml | intake-dossier -o OUT/<id>.xml
 *
 * Each case runs as its own chain of processes, several cases at once (one
 * per core by default), so a scan that crashes or exhausts a worker takes
 * down that case and nothing else.  The driver prints a line per case and a
 * total, and exits 0 only when every case has its dossier.
 *
 * Runs are resumable and idempotent: a dossier records the fingerprint of
 * what made it (its inputs, the models, the tool version); a case whose
 * fingerprint has not changed is not redone, a case whose inputs changed
 * is.  A case that failed on bad input is not retried until its inputs
 * change (or --force); a case that failed otherwise (killed, timed out) is
 * retried on the next run.
 *
 * Design rationale, what it deliberately does not do:
 *  - it never moves, renames or deletes anything in the inbox: the inputs
 *    stay where the clerk put them, whatever happens;
 *  - it never follows a symlink or opens a FIFO or device in the inbox;
 *  - it takes a case only once its case.xml exists and no file of it has
 *    changed for --settle seconds: a folder still being filled is left for
 *    the next run;
 *  - it writes nothing under OUT but dossiers (through intake-dossier, which
 *    publishes atomically) and its own bookkeeping in OUT/.intake/;
 *  - it prints no personal data: case ids, counts and file names only.
 */
#include "intake.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char usage[] =
"usage: intake run [-fq] [-j CORES] [--cache DIR] [--settle S] [--timeout S]\n"
"                  [--lang L] INBOX OUT\n"
"       intake audit [options] ARCHIVE...   (see intake-audit --help)\n"
"\n"
"Process every case folder of INBOX and write OUT/<case-id>.xml per case.\n"
"A case whose inputs, models and rules are unchanged since its dossier was\n"
"written is not redone.\n"
"\n"
"  -j, --jobs N        pages recognised at once, over all cases (default: the\n"
"                      number of cores); one case's pages are shared out too\n"
"  -c, --cache DIR     OCR cache (default OUT/.cache): a file seen before is\n"
"                      not read again\n"
"  -f, --force         redo every case, changed or not\n"
"  -q, --quiet         print nothing when every case succeeds (for cron)\n"
"  -s, --settle S      leave a case whose files changed less than S seconds\n"
"                      ago for the next run (default 5)\n"
"  -t, --timeout S     give up on a case after S seconds (default 3600)\n"
"  -l, --lang L        OCR languages (default rus+bel+eng)\n"
"\n"
"Bookkeeping in OUT/.intake/: lock, report.xml (the last run), logs/<id>.log,\n"
"failed/<id>.txt (why a case has no dossier).  With $INTAKE_SEAL_KEY naming a\n"
"key file, every dossier is sealed (see intake-dossier --help).\n"
"\n"
"Exit status:\n"
"  0  every case has its dossier (cases still being written are not counted)\n"
"  1  some case failed (named on stdout, reason in OUT/.intake/failed/)\n"
"  2  usage error\n"
"  3  INBOX or OUT unusable\n"
"  4  another intake run holds OUT\n"
"  5  interrupted (SIGTERM, SIGINT): unfinished cases are done next run\n";

enum { EX_INTERRUPTED = 5 };

static const struct option longopts[] = {
	{"jobs", required_argument, NULL, 'j'},
	{"cache", required_argument, NULL, 'c'},
	{"force", no_argument, NULL, 'f'},
	{"quiet", no_argument, NULL, 'q'},
	{"settle", required_argument, NULL, 's'},
	{"timeout", required_argument, NULL, 't'},
	{"lang", required_argument, NULL, 'l'},
	{NULL, 0, NULL, 0},
};

/* How a case ended in this run. */
enum state { PENDING, RUNNING, DONE, SKIPPED, FAILED, WAITING };

typedef struct {
	char *id;            /* first member: cmp_str sorts jobs by id */
	char *dir;
	char **files;        /* full paths of the scans, by name */
	char **names;        /* their names in the case folder */
	char **shas;
	size_t nfiles;
	char fp[65];         /* fingerprint of this run's inputs */
	pid_t pid;
	double start, secs;
	enum state state;
	char verdict[16];
	int pages, docs;
	char *reason;
} job;

typedef struct {
	int jobs, quiet, force, settle, timeout;
	const char *lang;
	const char *inbox, *out;
	char *cache;
	char jobs_arg[16];
	char models_sha[65];
} options;

static volatile sig_atomic_t stop_signal;
static pid_t driver_pid;

static void
on_stop(int sig)
{
	stop_signal = sig;
}

static char bindir[PATH_MAX];

static int
is_scan(const char *name)
{
	static const char *const ext[] = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".pdf"};
	size_t n = strlen(name), i;

	for (i = 0; i < sizeof ext / sizeof *ext; i++) {
		size_t e = strlen(ext[i]);

		if (n > e && strcasecmp(name + n - e, ext[i]) == 0)
			return 1;
	}
	return 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Take stock of a case folder: its scans (sorted by name), their digests,
 * and the fingerprint of a run on them.  Returns PENDING (ready to run),
 * or WAITING (no case.xml yet, or files still changing) or FAILED with
 * j->reason set.
 */
static enum state
scan_case(job *j, const options *o)
{
	DIR *d;
	struct dirent *e;
	struct stat st;
	char *p, case_sha[65];
	size_t cap = 16, i;
	time_t newest;

	p = xasprintf("%s/case.xml", j->dir);
	if (lstat(p, &st) < 0) {
		free(p);
		j->reason = xstrdup("no case.xml yet");
		return WAITING;
	}
	if (!S_ISREG(st.st_mode)) {
		free(p);
		j->reason = xstrdup("case.xml is not a regular file");
		return FAILED;
	}
	newest = st.st_mtime;
	if (file_sha256(p, case_sha) < 0) {
		j->reason = xasprintf("cannot read case.xml: %s", strerror(errno));
		free(p);
		return FAILED;
	}
	free(p);
	d = opendir(j->dir);
	if (!d) {
		j->reason = xasprintf("cannot open folder: %s", strerror(errno));
		return FAILED;
	}
	j->files = xmalloc(cap * sizeof *j->files);
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' || strcmp(e->d_name, "case.xml") == 0)
			continue;
		p = xasprintf("%s/%s", j->dir, e->d_name);
		if (lstat(p, &st) < 0 || !S_ISREG(st.st_mode)) {
			warnx_(j->id, "ignored '%s': not a regular file", e->d_name);
			free(p);
			continue;
		}
		if (!is_scan(e->d_name)) {
			warnx_(j->id, "ignored '%s': not a PNG, JPEG, TIFF or PDF name", e->d_name);
			free(p);
			continue;
		}
		if (st.st_mtime > newest)
			newest = st.st_mtime;
		if (j->nfiles == cap)
			j->files = xrealloc(j->files, (cap *= 2) * sizeof *j->files);
		j->files[j->nfiles++] = p;
	}
	closedir(d);
	if (o->settle > 0 && time(NULL) - newest < o->settle) {
		j->reason = xasprintf("files changed less than %d s ago", o->settle);
		return WAITING;
	}
	qsort(j->files, j->nfiles, sizeof *j->files, cmp_str);
	j->names = xcalloc(j->nfiles, sizeof *j->names);
	j->shas = xcalloc(j->nfiles, sizeof *j->shas);
	for (i = 0; i < j->nfiles; i++) {
		j->names[i] = xstrdup(strrchr(j->files[i], '/') + 1);
		j->shas[i] = xcalloc(1, 65);
		/* An unreadable scan gets no digest; OCR reports it. */
		if (file_sha256(j->files[i], j->shas[i]) < 0)
			strcpy(j->shas[i], "unreadable");
	}
	case_fingerprint(o->models_sha, o->lang, case_sha, j->names, j->shas,
	    j->nfiles, j->fp);
	return PENDING;
}

static char *
stage_path(const char *name)
{
	return xasprintf("%s/%s", bindir, name);
}

/*
 * The last message of stage in the case's log ("intake-validate: ..."),
 * or the log's last line when the stage said nothing.  New string.
 */
static char *
stage_message(const char *path, const char *stage)
{
	char *buf, *line, *save = NULL, *found = NULL, *last = NULL, *out;
	size_t len, n = strlen(stage);

	if (read_file(path, 1 << 20, &buf, &len) < 0)
		return xasprintf("%s failed (no message)", stage);
	for (line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		last = line;
		if (strncmp(line, stage, n) == 0 && line[n] == ':')
			found = line;
	}
	out = found ? xstrdup(found) : last ? xstrdup(last) :
	    xasprintf("%s failed (no message)", stage);
	free(buf);
	return out;
}

/*
 * The worker: runs the chain for one case and exits with 0 when the dossier
 * was published, else with the exit status of the first stage that failed
 * (its message already went to the case's log).
 */
static void
run_chain(const job *j, const options *o, int logfd, const char *logpath,
    const char *failpath)
{
	const char *out = o->out;
	char *argv0[5], *dossier = xasprintf("%s/%s.xml", out, j->id);
	char *casexml = xasprintf("%s/case.xml", j->dir);
	char **ocr_argv = xcalloc(j->nfiles + 9, sizeof *ocr_argv);
	char **chain[5];
	char *cls[] = {NULL, NULL}, *ext[] = {NULL, NULL};
	char *val[] = {NULL, "--case", casexml, "--case-id", j->id, NULL};
	char *dos[] = {NULL, "-o", dossier, NULL};
	pid_t pids[5];
	int in = -1, i, worst = 0, culprit = 0;
	size_t k;

	argv0[0] = stage_path("intake-ocr");
	argv0[1] = stage_path("intake-classify");
	argv0[2] = stage_path("intake-extract");
	argv0[3] = stage_path("intake-validate");
	argv0[4] = stage_path("intake-dossier");
	ocr_argv[0] = argv0[0];
	ocr_argv[1] = "-l";
	ocr_argv[2] = (char *)o->lang;
	ocr_argv[3] = "-j";
	ocr_argv[4] = (char *)o->jobs_arg;
	ocr_argv[5] = "--cache";
	ocr_argv[6] = o->cache;
	ocr_argv[7] = "--";
	for (k = 0; k < j->nfiles; k++)
		ocr_argv[k + 8] = j->files[k];
	cls[0] = argv0[1];
	ext[0] = argv0[2];
	val[0] = argv0[3];
	dos[0] = argv0[4];
	chain[0] = ocr_argv;
	chain[1] = cls;
	chain[2] = ext;
	chain[3] = val;
	chain[4] = dos;

	in = open("/dev/null", O_RDONLY | O_CLOEXEC);
	for (i = 0; i < 5; i++) {
		int fds[2] = {-1, -1};

		if (i < 4 && pipe2(fds, O_CLOEXEC) < 0)
			_exit(EX_SOFTWARE);
		pids[i] = fork();
		if (pids[i] < 0)
			_exit(EX_SOFTWARE);
		if (pids[i] == 0) {
			/* A stage outlives nobody: if its worker dies, so does it. */
			prctl(PR_SET_PDEATHSIG, SIGKILL);
			dup2(in, 0);
			if (i < 4)
				dup2(fds[1], 1);
			dup2(logfd, 2);
			execv(chain[i][0], chain[i]);
			dprintf(2, "intake: cannot run %s: %s\n", chain[i][0], strerror(errno));
			_exit(127);
		}
		close(in);
		if (i < 4) {
			close(fds[1]);
			in = fds[0];
		}
	}
	/* The root cause is the first stage, in chain order, that failed by
	 * itself: the stages before it then die of SIGPIPE and the ones after
	 * it read an empty stream, and neither is news.  OCR's 1 ("some pages
	 * unreadable") is no failure: those pages are in the dossier. */
	for (i = 0; i < 5; i++) {
		int st, bad;

		while (waitpid(pids[i], &st, 0) < 0 && errno == EINTR)
			;
		if (WIFSIGNALED(st))
			bad = WTERMSIG(st) == SIGPIPE ? 0 : 128 + WTERMSIG(st);
		else
			bad = WEXITSTATUS(st) == EX_FAIL && i == 0 ? 0 : WEXITSTATUS(st);
		if (bad && !worst) {
			worst = bad;
			culprit = i;
			if (WIFSIGNALED(st))
				dprintf(logfd, "%s: killed by signal %d\n",
				    strrchr(chain[i][0], '/') + 1, WTERMSIG(st));
		}
	}
	if (worst) {
		char *why = stage_message(logpath, strrchr(chain[culprit][0], '/') + 1);

		atomic_write(failpath, why, strlen(why), 0640);
		free(why);
	}
	_exit(worst);
}

/*
 * The verdict, counts and fingerprint of a published dossier.  0, or -1
 * when there is no readable dossier with a fingerprint at path.
 */
static int
dossier_summary(const char *path, char *verdict, size_t vn, int *pages, int *docs,
    char fp[65])
{
	char *why = NULL;
	xmlDocPtr doc;
	xmlNodePtr root, d, p;
	struct stat st;

	*pages = *docs = 0;
	fp[0] = '\0';
	if (lstat(path, &st) < 0 || !S_ISREG(st.st_mode))
		return -1;
	doc = xml_read(path, &why);
	if (!doc) {
		free(why);
		return -1;
	}
	root = xmlDocGetRootElement(doc);
	for (d = xml_child(root, "document"); d; d = xml_next(d, "document")) {
		(*docs)++;
		for (p = xml_child(d, "page"); p; p = xml_next(p, "page"))
			(*pages)++;
	}
	d = xml_child(root, "verdict");
	if (d) {
		char *v = xml_content(d);

		snprintf(verdict, vn, "%s", v);
		free(v);
	}
	d = xml_child(root, "inputs");
	if (d) {
		char *v = xml_get(d, "fingerprint");

		if (v && strlen(v) == 64)
			memcpy(fp, v, 65);
		free(v);
	}
	xmlFreeDoc(doc);
	return fp[0] ? 0 : -1;
}

static int
mkdir_private(const char *path)
{
	struct stat st;

	if (mkdir(path, 0750) < 0 && errno != EEXIST)
		return -1;
	if (lstat(path, &st) < 0 || !S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return -1;
	}
	return 0;
}


/*
 * The failure record of a case: "reason\nfingerprint: X\nstatus: N\n".
 * Returns the status when the record is for fingerprint fp (and sets
 * *reason), else -1.
 */
static int
failed_before(const char *path, const char *fp, char **reason)
{
	char *buf, *f, *st;
	size_t len;
	int status = -1;

	if (read_file(path, 65536, &buf, &len) < 0)
		return -1;
	f = strstr(buf, "\nfingerprint: ");
	st = strstr(buf, "\nstatus: ");
	if (f && st && strncmp(f + 14, fp, 64) == 0) {
		status = atoi(st + 9);
		*reason = xstrndup(buf, (size_t)(f - buf));
	}
	free(buf);
	return status;
}

/* Remove the temp files a killed run may have left (we hold the lock). */
static void
clean_temps(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d)))
		if (strncmp(e->d_name, ".tmp-", 5) == 0) {
			char *p = xasprintf("%s/%s", dir, e->d_name);

			unlink(p);
			free(p);
		}
	closedir(d);
}

static const char *
state_name(const job *j)
{
	switch (j->state) {
	case DONE:
	case SKIPPED:
		return j->verdict;
	case FAILED:
		return "failed";
	case WAITING:
		return "waiting";
	default:
		return "unfinished";
	}
}

/* OUT/.intake/report.xml: the last run, for scripts and people. */
static void
write_report(const options *o, const char *book, const job *js, size_t nj,
    double secs, int pages, const char *ended)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "run"), c;
	char *path = xasprintf("%s/report.xml", book), *buf, stamp[32];
	time_t t = time(NULL);
	size_t i, len;

	strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
	xmlDocSetRootElement(doc, root);
	xml_setf(root, "tool", "intake %s", INTAKE_VERSION);
	xml_set(root, "finished", stamp);
	xml_set(root, "ended", ended);
	xml_set(root, "inbox", o->inbox);
	xml_setf(root, "seconds", "%.1f", secs);
	xml_setf(root, "pages", "%d", pages);
	xml_setf(root, "pages-per-second", "%.3f", secs > 0 ? pages / secs : 0.0);
	xml_set(root, "models-sha256", o->models_sha);
	for (i = 0; i < nj; i++) {
		c = xmlNewChild(root, NULL, BAD_CAST "case", NULL);
		xml_set(c, "id", js[i].id);
		xml_set(c, "status", state_name(&js[i]));
		xml_set(c, "redone", js[i].state == DONE ? "yes" : "no");
		if (js[i].state == DONE || js[i].state == SKIPPED) {
			xml_setf(c, "pages", "%d", js[i].pages);
			xml_setf(c, "documents", "%d", js[i].docs);
		}
		if (js[i].state == DONE)
			xml_setf(c, "seconds", "%.1f", js[i].secs);
		if (js[i].reason)
			xml_set(c, "reason", js[i].reason);
	}
	buf = xml_dump(doc, &len);
	if (atomic_write(path, buf, len, 0640) < 0)
		warnx_(path, "cannot write the run report: %s", strerror(errno));
	free(buf);
	free(path);
	xmlFreeDoc(doc);
}

/* Progress for a person at a terminal; nothing for cron. */
static void
progress(const options *o, size_t done, size_t total, int pages, double t0)
{
	double el = mono_seconds() - t0, rate = el > 0 ? done / el : 0;

	if (o->quiet || !isatty(STDERR_FILENO))
		return;
	fprintf(stderr, "\r[%zu/%zu cases, %d pages, %.2f pages/s, ETA %.0f s]   ",
	    done, total, pages, el > 0 ? pages / el : 0.0,
	    rate > 0 ? (double)(total - done) / rate : 0.0);
	if (done == total)
		fputc('\n', stderr);
}

static void
start_job(job *j, const options *o, const char *logdir, const char *faildir)
{
	char *logp = xasprintf("%s/%s.log", logdir, j->id);
	char *whyp = xasprintf("%s/%s.why", faildir, j->id);
	int logfd;

	unlink(whyp);
	logfd = open(logp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0640);
	if (logfd < 0)
		die(EX_BADINPUT, o->out, "cannot write logs: %s", strerror(errno));
	j->start = mono_seconds();
	fflush(NULL);
	driver_pid = getpid();
	j->pid = fork();
	if (j->pid < 0)
		die(EX_SOFTWARE, NULL, "cannot fork: %s", strerror(errno));
	if (j->pid == 0) {
		struct sigaction sa;

		setpgid(0, 0);
		/* kill -9 of the driver takes its workers along: the next run
		 * then finds no orphan still writing, only temp files to clean. */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != driver_pid)
			_exit(EX_SOFTWARE);     /* the driver died before prctl */
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = SIG_DFL;
		sigaction(SIGTERM, &sa, NULL);
		sigaction(SIGINT, &sa, NULL);
		sigaction(SIGHUP, &sa, NULL);
		sigaction(SIGPIPE, &sa, NULL);
		sigaction(SIGALRM, &sa, NULL);
		alarm((unsigned)o->timeout);
		run_chain(j, o, logfd, logp, whyp);
	}
	/* Both sides set the group, so a kill can never miss it. */
	setpgid(j->pid, j->pid);
	close(logfd);
	free(logp);
	free(whyp);
	j->state = RUNNING;
}

/* A worker ended: record how, print the case's line. */
static void
finish_job(job *j, int st, const options *o, const char *faildir, int *pages)
{
	char *dpath = xasprintf("%s/%s.xml", o->out, j->id);
	char *failp = xasprintf("%s/%s.txt", faildir, j->id);
	char *whyp = xasprintf("%s/%s.why", faildir, j->id);
	char fp[65];

	/* Whatever the worker left running goes with it. */
	kill(-j->pid, SIGKILL);
	j->secs = mono_seconds() - j->start;
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0 &&
	    dossier_summary(dpath, j->verdict, sizeof j->verdict, &j->pages,
	    &j->docs, fp) == 0) {
		j->state = DONE;
		*pages += j->pages;
		unlink(failp);
		if (!o->quiet)
			printf("%-24s %-10s %3d pages %3d documents %6.1f s\n", j->id,
			    j->verdict, j->pages, j->docs, j->secs);
	} else {
		char *msg = NULL, *rec;
		size_t len;
		int status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);

		if (WIFSIGNALED(st) && WTERMSIG(st) == SIGALRM)
			msg = xasprintf("timed out after %d s", o->timeout);
		else if (WIFSIGNALED(st))
			msg = xasprintf("killed (signal %d)", WTERMSIG(st));
		else if (read_file(whyp, 4096, &msg, &len) < 0)
			msg = xstrdup("failed (no message)");
		j->state = FAILED;
		j->reason = msg;
		rec = xasprintf("%s\nfingerprint: %s\nstatus: %d\n", msg, j->fp, status);
		if (atomic_write(failp, rec, strlen(rec), 0640) < 0)
			warnx_(failp, "cannot record the failure: %s", strerror(errno));
		free(rec);
		printf("%-24s FAILED    %s\n", j->id, msg);
	}
	unlink(whyp);
	fflush(stdout);
	free(dpath);
	free(failp);
	free(whyp);
}

/*
 * Decide what to do with a case before running it: wait, skip (dossier up
 * to date), fail again without running (the same bad input as last time),
 * or run.  Returns 1 when it must run.
 */
static int
triage(job *j, const options *o, const char *faildir)
{
	char *dpath, *failp, fp[65];
	int status;

	j->state = scan_case(j, o);
	if (j->state == WAITING) {
		if (!o->quiet)
			printf("%-24s waiting    %s\n", j->id, j->reason);
		return 0;
	}
	if (j->state == FAILED) {
		printf("%-24s FAILED    %s\n", j->id, j->reason);
		return 0;
	}
	if (o->force)
		return 1;
	dpath = xasprintf("%s/%s.xml", o->out, j->id);
	if (dossier_summary(dpath, j->verdict, sizeof j->verdict, &j->pages,
	    &j->docs, fp) == 0 && strcmp(fp, j->fp) == 0) {
		j->state = SKIPPED;
		if (!o->quiet)
			printf("%-24s %-10s %3d pages %3d documents  unchanged\n", j->id,
			    j->verdict, j->pages, j->docs);
		free(dpath);
		return 0;
	}
	free(dpath);
	failp = xasprintf("%s/%s.txt", faildir, j->id);
	status = failed_before(failp, j->fp, &j->reason);
	free(failp);
	/* Bad input stays bad until it changes: its OCR is not redone every
	 * night.  Other failures (killed, timed out) are retried. */
	if (status == EX_BADINPUT) {
		j->state = FAILED;
		printf("%-24s FAILED    %s (unchanged since the last run)\n", j->id,
		    j->reason);
		return 0;
	}
	free(j->reason);
	j->reason = NULL;
	return 1;
}

/* Read the inbox: one job per folder whose name is a valid case id. */
static job *
list_cases(const options *o, size_t *nj)
{
	DIR *d = opendir(o->inbox);
	struct dirent *e;
	job *js = NULL;
	size_t cap = 0;

	*nj = 0;
	if (!d)
		die(EX_BADINPUT, o->inbox, "cannot open inbox: %s", strerror(errno));
	while ((e = readdir(d))) {
		struct stat st;
		char *dir;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		dir = xasprintf("%s/%s", o->inbox, e->d_name);
		if (lstat(dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
			if (e->d_name[0] != '.' && case_id_valid(e->d_name))
				warnx_(o->inbox, "'%s' is not a case folder, skipped", e->d_name);
			free(dir);
			continue;
		}
		if (!case_id_valid(e->d_name)) {
			/* The name itself may be hostile (a newline, 300 bytes):
			 * it is not repeated. */
			warnx_(o->inbox, "a folder name is not a valid case id, skipped "
			    "(letters, digits, '.', '_', '-'; at most 64)");
			free(dir);
			continue;
		}
		if (*nj == cap)
			js = xrealloc(js, (cap = cap ? cap * 2 : 16) * sizeof *js);
		memset(&js[*nj], 0, sizeof js[*nj]);
		js[*nj].id = xstrdup(e->d_name);
		js[*nj].dir = dir;
		(*nj)++;
	}
	closedir(d);
	if (*nj > 1)
		qsort(js, *nj, sizeof *js, cmp_str);
	return js;
}

static void
free_jobs(job *js, size_t nj)
{
	size_t i, k;

	for (i = 0; i < nj; i++) {
		for (k = 0; k < js[i].nfiles; k++) {
			free(js[i].files[k]);
			if (js[i].names)
				free(js[i].names[k]);
			if (js[i].shas)
				free(js[i].shas[k]);
		}
		free(js[i].files);
		free(js[i].names);
		free(js[i].shas);
		free(js[i].reason);
		free(js[i].id);
		free(js[i].dir);
	}
	free(js);
}

/* Stop the workers of an interrupted run and leave nothing half-done. */
static void
stop_all(job *js, size_t nj, const options *o, const char *faildir)
{
	size_t i;

	for (i = 0; i < nj; i++)
		if (js[i].state == RUNNING)
			kill(-js[i].pid, SIGKILL);
	while (wait(NULL) > 0 || errno == EINTR)
		;
	/* Dossiers are whole or absent (atomic publishing); the temp files
	 * of the killed writers go. */
	clean_temps(o->out);
	clean_temps(faildir);
	for (i = 0; i < nj; i++)
		if (js[i].state == RUNNING) {
			char *whyp = xasprintf("%s/%s.why", faildir, js[i].id);

			unlink(whyp);
			free(whyp);
			js[i].state = PENDING;
		}
}

static int
run(options *o)
{
	job *js;
	size_t nj = 0, next = 0, running = 0, i, ended = 0;
	int lockfd, pages = 0, counts[6] = {0}, verdicts[3] = {0};
	char *book, *faildir, *logdir, *lockpath;
	double t0 = mono_seconds();
	struct sigaction sa;

	if (mkdir_private(o->out) < 0)
		die(EX_BADINPUT, o->out, "cannot use as output folder: %s", strerror(errno));
	book = xasprintf("%s/.intake", o->out);
	faildir = xasprintf("%s/failed", book);
	logdir = xasprintf("%s/logs", book);
	if (mkdir(book, 0700) < 0 && errno != EEXIST)
		die(EX_BADINPUT, o->out, "cannot create %s: %s", book, strerror(errno));
	if (mkdir_private(faildir) < 0 || mkdir_private(logdir) < 0)
		die(EX_BADINPUT, o->out, "cannot create bookkeeping folders: %s", strerror(errno));
	lockpath = xasprintf("%s/lock", book);
	lockfd = open(lockpath, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (lockfd < 0)
		die(EX_BADINPUT, lockpath, "cannot open lock: %s", strerror(errno));
	/* The kernel drops the lock when we die, however we die. */
	if (flock(lockfd, LOCK_EX | LOCK_NB) < 0)
		die(EX_LOCKED, o->out, "another intake run is using this folder");
	clean_temps(o->out);
	clean_temps(faildir);
	clean_temps(book);
	{
		/* At most one page recognised per core, over all cases: every
		 * OCR worker takes a slot (an flock on slots/N) per page. */
		char *slots = xasprintf("%s/slots", book), *env;

		if (mkdir(slots, 0700) < 0 && errno != EEXIST)
			die(EX_BADINPUT, o->out, "cannot create %s: %s", slots, strerror(errno));
		env = xasprintf("%s:%d", slots, o->jobs);
		setenv("INTAKE_OCR_SLOTS", env, 1);
		free(env);
		free(slots);
	}
	if (!o->cache)
		o->cache = xasprintf("%s/.cache", o->out);
	if (mkdir(o->cache, 0700) < 0 && errno != EEXIST)
		die(EX_BADINPUT, o->cache, "cannot create the OCR cache: %s", strerror(errno));
	if (models_digest(models_dir(), o->models_sha) < 0)
		die(EX_BADINPUT, models_dir(), "cannot read the models: %s", strerror(errno));

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);

	js = list_cases(o, &nj);
	while ((next < nj || running > 0) && !stop_signal) {
		/* One case more than cores: its reading of files and its
		 * classify..dossier tail overlap the others' recognition. */
		while (next < nj && running < (size_t)o->jobs + 1 && !stop_signal) {
			job *j = &js[next++];

			if (!triage(j, o, faildir)) {
				ended++;
				continue;
			}
			start_job(j, o, logdir, faildir);
			running++;
		}
		if (running > 0) {
			int st;
			pid_t pid = wait(&st);

			if (pid < 0)
				continue;       /* EINTR: a stop signal, checked above */
			for (i = 0; i < nj; i++)
				if (js[i].state == RUNNING && js[i].pid == pid) {
					finish_job(&js[i], st, o, faildir, &pages);
					running--;
					ended++;
					progress(o, ended, nj, pages, t0);
					break;
				}
		}
	}
	if (stop_signal)
		stop_all(js, nj, o, faildir);
	for (i = 0; i < nj; i++) {
		counts[js[i].state]++;
		if (js[i].state == DONE || js[i].state == SKIPPED)
			verdicts[strcmp(js[i].verdict, "complete") == 0 ? 0 :
			    strcmp(js[i].verdict, "incomplete") == 0 ? 1 : 2]++;
	}
	write_report(o, book, js, nj, mono_seconds() - t0, pages,
	    stop_signal ? "interrupted" : "finished");
	if (!o->quiet || counts[FAILED] || stop_signal)
		printf("%zu cases: %d complete, %d incomplete, %d review, %d failed, "
		    "%d waiting, %d unchanged%s; %d pages read in %.1f s\n", nj,
		    verdicts[0], verdicts[1], verdicts[2], counts[FAILED],
		    counts[WAITING], counts[SKIPPED],
		    stop_signal ? ", interrupted" : "", pages, mono_seconds() - t0);
	free_jobs(js, nj);
	free(book);
	free(faildir);
	free(logdir);
	free(lockpath);
	free(o->cache);
	close(lockfd);
	if (stop_signal)
		return EX_INTERRUPTED;
	return counts[FAILED] ? EX_FAIL : EX_OK;
}

int
cmd_main(int argc, char **argv)
{
	options o = {0};
	int c;
	ssize_t n;
	char *slash;

	o.jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
	o.settle = 5;
	o.timeout = 3600;
	o.lang = "rus+bel+eng";
	if (common_options(argc, argv, usage))
		return EX_OK;
	if (argc >= 2 && strcmp(argv[1], "audit") == 0) {
		/* "intake audit ..." is intake-audit, beside this program. */
		char *audit;

		n = readlink("/proc/self/exe", bindir, sizeof bindir - 1);
		if (n <= 0)
			die(EX_SOFTWARE, NULL, "cannot find my own directory");
		bindir[n] = '\0';
		if ((slash = strrchr(bindir, '/')))
			*slash = '\0';
		audit = stage_path("intake-audit");
		argv[1] = audit;
		execv(audit, argv + 1);
		die(EX_SOFTWARE, audit, "cannot run: %s", strerror(errno));
	}
	if (argc < 2 || strcmp(argv[1], "run") != 0) {
		fputs(usage, errstream);
		return EX_USAGE;
	}
	argc--;
	argv++;
	while ((c = getopt_long(argc, argv, "c:fj:l:qs:t:", longopts, NULL)) != -1) {
		switch (c) {
		case 'c':
			o.cache = xstrdup(optarg);
			break;
		case 'f':
			o.force = 1;
			break;
		case 'j':
			o.jobs = atoi(optarg);
			break;
		case 'l':
			o.lang = optarg;
			break;
		case 'q':
			o.quiet = 1;
			break;
		case 's':
			o.settle = atoi(optarg);
			break;
		case 't':
			o.timeout = atoi(optarg);
			break;
		default:
			fputs(usage, errstream);
			return EX_USAGE;
		}
	}
	if (argc - optind != 2 || o.jobs < 1 || o.timeout < 1 || o.settle < 0) {
		fputs(usage, errstream);
		return EX_USAGE;
	}
	o.inbox = argv[optind];
	o.out = argv[optind + 1];
	snprintf(o.jobs_arg, sizeof o.jobs_arg, "%d", o.jobs);
	n = readlink("/proc/self/exe", bindir, sizeof bindir - 1);
	if (n <= 0)
		die(EX_SOFTWARE, NULL, "cannot find my own directory");
	bindir[n] = '\0';
	slash = strrchr(bindir, '/');
	if (slash)
		*slash = '\0';
	/* One OCR process per case, each single-threaded: Tesseract's own
	 * OpenMP threads only fight the other workers for the cores. */
	setenv("OMP_THREAD_LIMIT", "1", 0);
	signal(SIGPIPE, SIG_IGN);
	return run(&o);
}
