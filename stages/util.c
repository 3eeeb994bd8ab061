/*
 * util.c - messages, allocation, bounded file reading, shared options.
 *
 * Every program reports errors the same way: "prog: subject: message".
 * Messages never carry personal data: callers name files and case ids,
 * never field values.
 */

#include "intake.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

const char *progname = "intake";
FILE *errstream;

static FILE *
err_out(void)
{
	return errstream ? errstream : stderr;
}

static void
vwarn_(const char *subject, const char *fmt, va_list ap)
{
	FILE *f = err_out();

	fprintf(f, "%s: ", progname);
	if (subject)
		fprintf(f, "%s: ", subject);
	vfprintf(f, fmt, ap);
	fputc('\n', f);
	fflush(f);
}

void
warnx_(const char *subject, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_(subject, fmt, ap);
	va_end(ap);
}

void
die(int code, const char *subject, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_(subject, fmt, ap);
	va_end(ap);
	exit(code);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		die(EX_SOFTWARE, NULL, "out of memory (%zu bytes)", n);
	return p;
}

void *
xcalloc(size_t n, size_t m)
{
	void *p = calloc(n ? n : 1, m ? m : 1);

	if (!p)
		die(EX_SOFTWARE, NULL, "out of memory (%zu x %zu bytes)", n, m);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		die(EX_SOFTWARE, NULL, "out of memory (%zu bytes)", n);
	return q;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		die(EX_SOFTWARE, NULL, "out of memory");
	va_end(ap);
	return s;
}

int
read_fd(int fd, size_t cap, char **buf, size_t *len)
{
	size_t size = 65536, n = 0;
	char *b = xmalloc(size + 1);

	for (;;) {
		ssize_t r;

		if (n == size) {
			if (size >= cap) {
				free(b);
				errno = EFBIG;
				return -1;
			}
			size = size * 2 > cap ? cap : size * 2;
			b = xrealloc(b, size + 1);
		}
		r = read(fd, b + n, size - n);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			free(b);
			return -1;
		}
		if (r == 0)
			break;
		n += (size_t)r;
		if (n > cap) {
			free(b);
			errno = EFBIG;
			return -1;
		}
	}
	b[n] = '\0';
	*buf = b;
	*len = n;
	return 0;
}

int
read_file(const char *path, size_t cap, char **buf, size_t *len)
{
	struct stat st;
	int fd, rc, saved;

	if (strcmp(path, "-") == 0)
		return read_fd(STDIN_FILENO, cap, buf, len);
	/* O_NONBLOCK so that a FIFO planted in an inbox never blocks us. */
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		errno = EINVAL;
		return -1;
	}
	if ((size_t)st.st_size > cap) {
		close(fd);
		errno = EFBIG;
		return -1;
	}
	rc = read_fd(fd, cap, buf, len);
	saved = errno;
	close(fd);
	errno = saved;
	return rc;
}

uint64_t
str_hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ull;
	}
	return h;
}

int
case_id_valid(const char *id)
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

int
iso_date_parse(const char *s, int *y, int *m, int *d)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int i;

	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return -1;
	*y = atoi(s);
	*m = atoi(s + 5);
	*d = atoi(s + 8);
	if (*y < 1800 || *m < 1 || *m > 12 || *d < 1 || *d > mdays[*m - 1])
		return -1;
	if (*m == 2 && *d == 29 && !((*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0))
		return -1;
	return 0;
}

int
common_options(int argc, char **argv, const char *usage)
{
	if (argc < 2)
		return 0;
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(usage, stdout);
		return 1;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("%s %s (stream version %s)\n", progname, INTAKE_VERSION,
		    INTAKE_STREAM_VERSION);
		return 1;
	}
	return 0;
}

const char *
models_dir(void)
{
	static char dir[PATH_MAX];
	const char *env = getenv("INTAKE_MODELS");
	char exe[PATH_MAX - 16];
	ssize_t n;

	if (env && *env)
		return env;
	if (dir[0])
		return dir;
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		char *slash;
		struct stat st;

		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			snprintf(dir, sizeof dir, "%s/../models", exe);
			if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
				return dir;
		}
	}
	snprintf(dir, sizeof dir, "models");
	return dir;
}

int
atomic_write(const char *path, const void *data, size_t len, unsigned mode)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
	char *tmp = NULL;
	const char *p = data;
	int fd = -1, dfd = -1, saved = 0, rc = -1;
	unsigned attempt;

	/* A leading dot keeps half-written files out of globs of *.xml. */
	for (attempt = 0; attempt < 100 && fd < 0; attempt++) {
		free(tmp);
		tmp = xasprintf("%s/.tmp-%ld-%u-%s", dir, (long)getpid(), attempt,
		    slash ? slash + 1 : path);
		fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
		    mode & 0777);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0)
		goto out;
	/* umask may have been looser or stricter; the mode is ours to set. */
	if (fchmod(fd, mode & 0777) < 0)
		goto out;
	while (len > 0) {
		ssize_t w = write(fd, p, len);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			goto out;
		}
		p += w;
		len -= (size_t)w;
	}
	if (fsync(fd) < 0 || close(fd) < 0) {
		fd = -1;
		goto out;
	}
	fd = -1;
	if (rename(tmp, path) < 0)
		goto out;
	free(tmp);
	tmp = NULL;
	dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	rc = 0;
out:
	saved = errno;
	if (fd >= 0)
		close(fd);
	if (tmp) {
		unlink(tmp);
		free(tmp);
	}
	free(dir);
	errno = saved;
	return rc;
}

int
file_sha256(const char *path, char hex[65])
{
	sha256_ctx c;
	unsigned char buf[65536], d[32];
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC), i;
	struct stat st;
	ssize_t n;

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		errno = EINVAL;
		return -1;
	}
	sha256_init(&c);
	while ((n = read(fd, buf, sizeof buf)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			i = errno;
			close(fd);
			errno = i;
			return -1;
		}
		sha256_update(&c, buf, (size_t)n);
	}
	close(fd);
	sha256_final(&c, d);
	for (i = 0; i < 32; i++)
		sprintf(hex + 2 * i, "%02x", d[i]);
	return 0;
}

int
models_digest(const char *dir, char hex[65])
{
	/* classifier.txt is optional (the classifier falls back to the title
	 * cues without it), so is given-names.txt (without it no given name
	 * is known, see rules.c); the others are not. */
	static const char *const files[] = {"documents.xml", "procedures.xml",
	    "dossier.xsd", "classifier.txt", "given-names.txt"};
	char all[5 * 65 + 1] = "", one[65];
	size_t i;

	for (i = 0; i < 5; i++) {
		char *p = xasprintf("%s/%s", dir, files[i]);
		int rc = file_sha256(p, one);

		free(p);
		if (rc < 0 && i >= 3 && errno == ENOENT)
			strcpy(one, "none");
		else if (rc < 0)
			return -1;
		strcat(all, one);
		strcat(all, "\n");
	}
	sha256_hex(all, strlen(all), hex);
	return 0;
}

void
case_fingerprint(const char *models_sha, const char *lang, const char *case_sha,
    char *const *names, char *const *shas, size_t n, char hex[65])
{
	sha256_ctx c;
	unsigned char d[32];
	size_t i;
	char *head = xasprintf("intake-fingerprint 1\ntool %s\nmodels %s\nlang %s\ncase %s\n",
	    INTAKE_VERSION, models_sha, lang ? lang : "", case_sha);

	sha256_init(&c);
	sha256_update(&c, head, strlen(head));
	free(head);
	for (i = 0; i < n; i++) {
		sha256_update(&c, names[i], strlen(names[i]));
		sha256_update(&c, " ", 1);
		sha256_update(&c, shas[i], strlen(shas[i]));
		sha256_update(&c, "\n", 1);
	}
	sha256_final(&c, d);
	for (i = 0; i < 32; i++)
		sprintf(hex + 2 * i, "%02x", d[i]);
}

double
mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double
mono_seconds(void)
{
	return mono_ms() / 1e3;
}
