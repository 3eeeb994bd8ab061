/*
 * intake - the driver: run every case of an inbox through the stage chain.
 *
 *   intake-ocr FILES | intake-classify | intake-extract
 *     | intake-validate --case case.xml | intake-dossier -o OUT/<id>.xml
 *
 * Each case runs as its own chain of processes, several cases at once (one
 * per core by default), so a scan that crashes or exhausts a worker takes
 * down that case and nothing else.  The driver prints a line per case and a
 * total, and exits 0 only when every case got its dossier.
 *
 * Design rationale, what it deliberately does not do:
 *  - it never moves, renames or deletes anything in the inbox: the inputs
 *    stay where the clerk put them, whatever happens;
 *  - it never follows a symlink or opens a FIFO or device in the inbox;
 *  - it takes a case only once its case.xml exists: the manifest is written
 *    last, so a folder still being filled is left for the next run;
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
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char usage[] =
"usage: intake run [-j JOBS] [-q] [--timeout SECONDS] INBOX OUT\n"
"\n"
"Process every case folder of INBOX and write OUT/<case-id>.xml per case.\n"
"\n"
"  -j, --jobs N        cases processed at once (default: number of cores)\n"
"  -q, --quiet         print nothing when every case succeeds (for cron)\n"
"  -t, --timeout S     give up on a case after S seconds (default 3600)\n"
"\n"
"Exit status:\n"
"  0  every case got a dossier\n"
"  1  some case failed (its reason is printed and kept in OUT/.intake/failed/)\n"
"  2  usage error\n"
"  3  INBOX or OUT unusable\n"
"  4  another intake run holds OUT\n";

static const struct option longopts[] = {
	{"jobs", required_argument, NULL, 'j'},
	{"quiet", no_argument, NULL, 'q'},
	{"timeout", required_argument, NULL, 't'},
	{NULL, 0, NULL, 0},
};

typedef struct {
	char *id;
	char *dir;
	char **files;
	size_t nfiles;
	pid_t pid;
	double start;
	int done;
	int status;          /* worker exit status */
} job;

static char bindir[PATH_MAX];

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
case_id_ok(const char *id)
{
	size_t i, n = strlen(id);

	if (n < 1 || n > 64)
		return 0;
	for (i = 0; i < n; i++) {
		char c = id[i];
		int alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9');

		if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-')))
			return 0;
	}
	return 1;
}

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
 * List the scans of a case folder, sorted by name.  Returns 0, or -1 with
 * *why when the case cannot be taken now (no case.xml yet counts as
 * waiting: *waiting set).
 */
static int
scan_case(job *j, int *waiting, char **why)
{
	DIR *d;
	struct dirent *e;
	struct stat st;
	char *p;
	size_t cap = 16;

	*waiting = 0;
	p = xasprintf("%s/case.xml", j->dir);
	if (lstat(p, &st) < 0) {
		free(p);
		*waiting = 1;
		*why = xstrdup("no case.xml yet");
		return -1;
	}
	free(p);
	if (!S_ISREG(st.st_mode)) {
		*why = xstrdup("case.xml is not a regular file");
		return -1;
	}
	d = opendir(j->dir);
	if (!d) {
		*why = xasprintf("cannot open folder: %s", strerror(errno));
		return -1;
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
		if (j->nfiles == cap)
			j->files = xrealloc(j->files, (cap *= 2) * sizeof *j->files);
		j->files[j->nfiles++] = p;
	}
	closedir(d);
	qsort(j->files, j->nfiles, sizeof *j->files, cmp_str);
	return 0;
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
run_chain(const job *j, const char *out, int logfd, const char *logpath,
    const char *failpath)
{
	char *argv0[5], *dossier = xasprintf("%s/%s.xml", out, j->id);
	char *casexml = xasprintf("%s/case.xml", j->dir);
	char **ocr_argv = xcalloc(j->nfiles + 3, sizeof *ocr_argv);
	char **chain[5];
	char *cls[] = {NULL, NULL}, *ext[] = {NULL, NULL};
	char *val[] = {NULL, "--case", casexml, NULL};
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
	ocr_argv[1] = "--";
	for (k = 0; k < j->nfiles; k++)
		ocr_argv[k + 2] = j->files[k];
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

/* The verdict and counts from a published dossier, for the summary. */
static int
dossier_summary(const char *path, char *verdict, size_t vn, int *pages, int *docs)
{
	char *why = NULL;
	xmlDocPtr doc = xml_read(path, &why);
	xmlNodePtr root, d, p;

	*pages = *docs = 0;
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
	xmlFreeDoc(doc);
	return 0;
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

static int
run(const char *inbox, const char *out, int jobs, int quiet, int timeout)
{
	DIR *d;
	struct dirent *e;
	job *js = NULL;
	size_t nj = 0, cap = 0, next = 0, running = 0, i;
	int failed = 0, waiting = 0, lockfd, total_pages = 0;
	int counts[3] = {0, 0, 0};
	char *book, *faildir, *logdir, *lockpath;
	double t0 = now();

	if (mkdir_private(out) < 0)
		die(EX_BADINPUT, out, "cannot use as output folder: %s", strerror(errno));
	book = xasprintf("%s/.intake", out);
	faildir = xasprintf("%s/failed", book);
	logdir = xasprintf("%s/logs", book);
	if (mkdir(book, 0700) < 0 && errno != EEXIST)
		die(EX_BADINPUT, out, "cannot create %s: %s", book, strerror(errno));
	if (mkdir_private(faildir) < 0 || mkdir_private(logdir) < 0)
		die(EX_BADINPUT, out, "cannot create bookkeeping folders: %s", strerror(errno));
	lockpath = xasprintf("%s/lock", book);
	lockfd = open(lockpath, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (lockfd < 0)
		die(EX_BADINPUT, lockpath, "cannot open lock: %s", strerror(errno));
	/* The kernel drops the lock when we die, however we die. */
	if (flock(lockfd, LOCK_EX | LOCK_NB) < 0)
		die(EX_LOCKED, out, "another intake run is using this folder");

	d = opendir(inbox);
	if (!d)
		die(EX_BADINPUT, inbox, "cannot open inbox: %s", strerror(errno));
	while ((e = readdir(d))) {
		struct stat st;
		char *dir;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		dir = xasprintf("%s/%s", inbox, e->d_name);
		if (lstat(dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
			if (e->d_name[0] != '.')
				warnx_(inbox, "'%s' is not a case folder, skipped", e->d_name);
			free(dir);
			continue;
		}
		if (!case_id_ok(e->d_name)) {
			warnx_(inbox, "folder name is not a valid case id, skipped "
			    "(letters, digits, '.', '_', '-'; at most 64)");
			free(dir);
			continue;
		}
		if (nj == cap)
			js = xrealloc(js, (cap = cap ? cap * 2 : 16) * sizeof *js);
		memset(&js[nj], 0, sizeof js[nj]);
		js[nj].id = xstrdup(e->d_name);
		js[nj].dir = dir;
		nj++;
	}
	closedir(d);
	if (nj > 1)
		qsort(js, nj, sizeof *js, cmp_str);   /* id is the first member */

	while (next < nj || running > 0) {
		while (next < nj && running < (size_t)jobs) {
			job *j = &js[next++];
			char *why = NULL, *logp, *failp;
			int wait_, logfd;

			if (scan_case(j, &wait_, &why) < 0) {
				if (wait_) {
					waiting++;
					if (!quiet)
						printf("%-24s waiting   %s\n", j->id, why);
				} else {
					failed++;
					printf("%-24s FAILED    %s\n", j->id, why);
				}
				j->done = 1;
				free(why);
				continue;
			}
			logp = xasprintf("%s/%s.log", logdir, j->id);
			failp = xasprintf("%s/%s.txt", faildir, j->id);
			unlink(failp);
			logfd = open(logp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0640);
			if (logfd < 0)
				die(EX_BADINPUT, out, "cannot write logs: %s", strerror(errno));
			j->start = now();
			fflush(NULL);
			j->pid = fork();
			if (j->pid < 0)
				die(EX_SOFTWARE, NULL, "cannot fork: %s", strerror(errno));
			if (j->pid == 0) {
				setpgid(0, 0);
				signal(SIGPIPE, SIG_DFL);
				alarm((unsigned)timeout);
				signal(SIGALRM, SIG_DFL);
				run_chain(j, out, logfd, logp, failp);
			}
			free(logp);
			free(failp);
			close(logfd);
			running++;
		}
		if (running > 0) {
			int st;
			pid_t pid = wait(&st);

			if (pid < 0) {
				if (errno == EINTR)
					continue;
				break;
			}
			for (i = 0; i < nj; i++) {
				job *j = &js[i];
				char *dpath, *failp;
				char verdict[32] = "?";
				int pages = 0, docs = 0;

				if (j->pid != pid || j->done)
					continue;
				j->done = 1;
				running--;
				/* Whatever the worker left running goes with it. */
				kill(-pid, SIGKILL);
				dpath = xasprintf("%s/%s.xml", out, j->id);
				failp = xasprintf("%s/%s.txt", faildir, j->id);
				if (WIFEXITED(st) && WEXITSTATUS(st) == 0 &&
				    dossier_summary(dpath, verdict, sizeof verdict, &pages, &docs) == 0) {
					total_pages += pages;
					counts[strcmp(verdict, "complete") == 0 ? 0 :
					    strcmp(verdict, "incomplete") == 0 ? 1 : 2]++;
					unlink(failp);
					if (!quiet)
						printf("%-24s %-10s %3d pages %3d documents %6.1f s\n",
						    j->id, verdict, pages, docs, now() - j->start);
				} else {
					char *msg, *len_buf = NULL;
					size_t len;

					if (WIFSIGNALED(st)) {
						msg = xasprintf("timed out or killed (signal %d)",
						    WTERMSIG(st));
						atomic_write(failp, msg, strlen(msg), 0640);
					} else if (read_file(failp, 4096, &len_buf, &len) == 0) {
						msg = len_buf;
					} else {
						msg = xstrdup("failed (no message)");
					}
					failed++;
					printf("%-24s FAILED    %s\n", j->id, msg);
					free(msg);
				}
				fflush(stdout);
				free(dpath);
				free(failp);
				break;
			}
		}
	}
	if (!quiet || failed)
		printf("%zu cases: %d complete, %d incomplete, %d review, %d failed, "
		    "%d waiting; %d pages in %.1f s\n", nj, counts[0], counts[1],
		    counts[2], failed, waiting, total_pages, now() - t0);
	for (i = 0; i < nj; i++) {
		size_t k;

		for (k = 0; k < js[i].nfiles; k++)
			free(js[i].files[k]);
		free(js[i].files);
		free(js[i].id);
		free(js[i].dir);
	}
	free(js);
	free(book);
	free(faildir);
	free(logdir);
	free(lockpath);
	close(lockfd);
	return failed ? EX_FAIL : EX_OK;
}

int
cmd_main(int argc, char **argv)
{
	int c, jobs = (int)sysconf(_SC_NPROCESSORS_ONLN), quiet = 0, timeout = 3600;
	ssize_t n;
	char *slash;

	if (common_options(argc, argv, usage))
		return EX_OK;
	if (argc < 2 || strcmp(argv[1], "run") != 0) {
		fputs(usage, errstream);
		return EX_USAGE;
	}
	argc--;
	argv++;
	while ((c = getopt_long(argc, argv, "j:qt:", longopts, NULL)) != -1) {
		switch (c) {
		case 'j':
			jobs = atoi(optarg);
			break;
		case 'q':
			quiet = 1;
			break;
		case 't':
			timeout = atoi(optarg);
			break;
		default:
			fputs(usage, errstream);
			return EX_USAGE;
		}
	}
	if (argc - optind != 2 || jobs < 1 || timeout < 1) {
		fputs(usage, errstream);
		return EX_USAGE;
	}
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
	return run(argv[optind], argv[optind + 1], jobs, quiet, timeout);
}
