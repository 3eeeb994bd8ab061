/*
 * intake-audit - prove that an archive of dossiers is intact, and say
 * which verdicts the rules would change today.
 *
 * For every dossier of the archives given (folders of OUT/<case-id>.xml,
 * or single dossier files), one at a time:
 *   1. parse it with the hardened reader (xmlio.c): entities, DTDs, the
 *      network and libxml2's size limits are refused, never lifted;
 *   2. check it against models/dossier.xsd;
 *   3. with -k, check its seal (seal.c): the MAC must match the content;
 *   4. with --scans, check that the scans it was made from are still the
 *      ones it recorded (sha256 of each input file);
 *   5. judge it again with the rules in force on a date and compare the
 *      findings (code, doc-type, document, severity) and the verdict with
 *      the recorded ones.
 * It writes an XML report (-o, atomically, mode 0640) and a short summary
 * on stdout, and exits with the code of the most serious status found.
 *
 * It never modifies an archive and never re-seals anything: an audit tool
 * that could make seals would make them worthless.  It does not re-read
 * the scans' text (no OCR): a changed scan is reported, not re-judged.
 *
 * Speed and memory: the schema, the rules and the keys are loaded once,
 * before the workers are forked, and the validation context is reused for
 * every dossier.  Each worker enumerates the archive itself and takes the
 * dossiers whose name hashes to it, so no list of the archive is ever
 * held: memory does not grow with the number of dossiers.  Each dossier's
 * tree is freed before the next is read; buffers are reused and grow only
 * to the largest dossier.  Workers write their part of the report to an
 * unlinked temporary file, which the parent concatenates.
 *
 * A dossier that crashes a worker (libxml2 does not promise safety on
 * hostile input) is reported as unreadable by the parent, which starts a
 * new worker after it: one file never stops the audit.
 */
#include "intake.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <libxml/xmlschemas.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char usage[] =
"usage: intake-audit [options] ARCHIVE...\n"
"\n"
"Re-check archived dossiers: readable, valid against models/dossier.xsd,\n"
"sealed (with -k), made from the recorded scans (with --scans), and judged\n"
"the same by the rules in force on a date.  ARCHIVE is a folder of\n"
"dossiers (the *.xml at its top; dotfiles and .intake/ are skipped) or a\n"
"single dossier file.  The archive is never modified.\n"
"\n"
"  -k, --key KEYFILE     verify seals with this key; repeat for dossiers sealed\n"
"                        with older keys (the seal's key-id picks the key)\n"
"  -o, --output REPORT   write the XML report there (atomically, mode 0640)\n"
"  -d, --rules-date DATE judge with the rules in force on DATE (YYYY-MM-DD;\n"
"                        default: today)\n"
"  -s, --as-submitted    judge each case with the rules in force on its\n"
"                        submission date\n"
"      --scans DIR       check each recorded input file against\n"
"                        DIR/<case-id>/<file> (sha256)\n"
"  -j, --jobs N          worker processes (default: number of cores)\n"
"  -m DIR                models directory (default: $INTAKE_MODELS or\n"
"                        <bin>/../models)\n"
"  -q, --quiet           print only the summary, not the dossiers with problems\n"
"\n"
"Standard output lists every dossier that is not unchanged (at most 20 when\n"
"-o is given: the report has them all), then the count per status and the\n"
"speed.  Keep REPORT outside ARCHIVE.  $INTAKE_SEAL_KEY is not read: an audit\n"
"checks seals only with the keys named on its command line.\n"
"\n"
"Status of a dossier, most serious first:\n"
"  tampered        its seal does not match its content, is malformed, or was\n"
"                  made with a key not given with -k\n"
"  unsealed        -k was given and it carries no seal\n"
"  unreadable      not a well-formed, safe XML file (entities, DOCTYPE, depth,\n"
"                  size limits, truncated, not UTF-8)\n"
"  invalid         not valid against dossier.xsd, or (in a folder) not named\n"
"                  after its case id\n"
"  input-mismatch  a scan differs from its recorded sha256 (--scans)\n"
"  input-missing   a recorded scan is not in DIR/<case-id>/ (--scans)\n"
"  changed         the rules now give other findings or another verdict, or\n"
"                  cannot judge the case any more\n"
"  unchanged       intact, and judged the same\n"
"\n"
"Exit status (the most serious status found wins):\n"
"  0  every dossier intact and unchanged\n"
"  1  the report (or the audit's temporary files) could not be written\n"
"  2  usage error\n"
"  3  unusable key file, models, schema or ARCHIVE\n"
"  5  changed findings or verdicts\n"
"  6  input-mismatch or input-missing\n"
"  7  unreadable or invalid dossiers\n"
"  8  unsealed dossiers\n"
"  9  tampered dossiers\n"
"  70 internal error (a worker died outside any dossier)\n"
"A dossier that crashes the audit is reported as unreadable and the audit\n"
"goes on with the next one.\n";

enum {
	OPT_SCANS = 256,
};

static const struct option longopts[] = {
	{"key", required_argument, NULL, 'k'},
	{"output", required_argument, NULL, 'o'},
	{"rules-date", required_argument, NULL, 'd'},
	{"as-submitted", no_argument, NULL, 's'},
	{"scans", required_argument, NULL, OPT_SCANS},
	{"jobs", required_argument, NULL, 'j'},
	{"quiet", no_argument, NULL, 'q'},
	{NULL, 0, NULL, 0},
};

/* Statuses in rising seriousness; a dossier gets the worst that applies. */
typedef enum {
	ST_UNCHANGED,
	ST_CHANGED,
	ST_INPUT_MISSING,
	ST_INPUT_MISMATCH,
	ST_INVALID,
	ST_UNREADABLE,
	ST_UNSEALED,
	ST_TAMPERED,
	ST_N
} status;

static const char *const status_name[ST_N] = {
	"unchanged", "changed", "input-missing", "input-mismatch", "invalid",
	"unreadable", "unsealed", "tampered",
};

/* Exit codes >= 5 so as not to clash with intake.h's 1-4 and 70. */
static const int status_exit[ST_N] = {0, 5, 6, 6, 7, 7, 8, 9};

#define MAX_KEYS 8
#define MAX_JOBS 64
/* Listed on stdout when a report holds them all anyway. */
#define LIST_CAP 20
/* A worker's address space: one hostile file costs one restart, not the
 * machine's memory (dossiers are read whole, up to XML_MAX_INPUT). */
#define WORKER_MEMORY (2ul << 30)

/* ---- a growable string, reused across dossiers ------------------------ */

typedef struct {
	char *s;
	size_t len, cap;
} strbuf;

static void
sb_reserve(strbuf *b, size_t more)
{
	if (b->len + more + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 1024;

		while (cap < b->len + more + 1)
			cap *= 2;
		b->s = xrealloc(b->s, cap);
		b->cap = cap;
	}
}

static void
sb_add(strbuf *b, const char *s, size_t n)
{
	sb_reserve(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void sb_addf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
sb_addf(strbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(b->s ? b->s + b->len : NULL, b->s ? b->cap - b->len : 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		die(EX_SOFTWARE, NULL, "formatting failed");
	if (!b->s || b->len + (size_t)n + 1 > b->cap) {
		sb_reserve(b, (size_t)n);
		va_start(ap, fmt);
		vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}

/* name="value" with value escaped for an attribute.  The value must be
 * clean UTF-8 (text_clean) when it comes from outside. */
static void
sb_attr(strbuf *b, const char *name, const char *value)
{
	const char *p;

	sb_addf(b, " %s=\"", name);
	for (p = value ? value : ""; *p; p++) {
		switch (*p) {
		case '&': sb_add(b, "&amp;", 5); break;
		case '<': sb_add(b, "&lt;", 4); break;
		case '>': sb_add(b, "&gt;", 4); break;
		case '"': sb_add(b, "&quot;", 6); break;
		case '\n': sb_add(b, "&#10;", 5); break;
		case '\t': sb_add(b, "&#9;", 4); break;
		case '\r': sb_add(b, "&#13;", 5); break;
		default: sb_add(b, p, 1);
		}
	}
	sb_add(b, "\"", 1);
}

/* Same, for a string we did not make (file names, library messages). */
static void
sb_attr_clean(strbuf *b, const char *name, const char *value)
{
	char *c = text_clean(value ? value : "", value ? strlen(value) : 0);

	sb_attr(b, name, c);
	free(c);
}

/* A name fit for one line of the listing: clean UTF-8, no line breaks
 * (a file name could otherwise forge a line).  Caller frees. */
static char *
one_line(const char *s)
{
	char *c = text_clean(s, strlen(s)), *p;

	for (p = c; *p; p++)
		if (*p == '\n')
			*p = ' ';
	return c;
}

static void
write_all(int fd, const char *s, size_t n, const char *what)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			die(EX_FAIL, what, "write error: %s", strerror(w < 0 ? errno : EIO));
		s += w;
		n -= (size_t)w;
	}
}

/* ---- shared state between the parent and its workers -------------- */

/* One per worker, in memory shared with the parent (MAP_SHARED). */
typedef struct {
	unsigned long count[ST_N];
	unsigned long done;       /* dossiers of its share finished */
	unsigned long listed;     /* lines written to its listing */
	int busy;                 /* 1 while a dossier is being audited */
	char current[PATH_MAX];   /* that dossier */
	char case_id[65];         /* its case, as its file name says ("" if none) */
} slot;

typedef struct {
	/* what to check */
	seal_key keys[MAX_KEYS];
	size_t nkeys;
	const char *rules_date;   /* NULL: each case's submission date */
	const char *scans;
	rulebook *rb;
	xmlSchemaValidCtxtPtr vctxt;
	/* the schema's first complaint about the current dossier */
	int nerrors;
	char first_error[512];
	/* partition */
	unsigned worker, nworkers;
	unsigned long skip;       /* dossiers of the share already done */
	unsigned long seq;        /* position in the share */
	slot *slot;
	int xml_fd, list_fd;
	/* reused buffers */
	strbuf out, line, detail, keys_old, keys_new;
	const char **old, **new;
	size_t nold, nnew, capold, capnew;
	const char *crash_on;     /* $INTAKE_TEST_AUDIT_CRASH: die on this file */
	pid_t parent;
} auditor;

/* ---- the schema, parsed once ---------------------------------------- */

/*
 * libxml2's schema messages quote the offending values ("'1987-3-14' is
 * not a valid value"), and a value may be personal data.  Keep the message
 * but write every quoted text that follows ": " or "value " as '…';
 * element and attribute names are quoted after "Element " and "attribute "
 * and stay.
 */
static void
redact_values(const char *in, char *out, size_t size)
{
	const char *p = in;
	size_t n = 0;

	while (*p && n + 6 < size) {
		if (*p == '\'' && ((p - in >= 2 && p[-2] == ':' && p[-1] == ' ') ||
		    (p - in >= 6 && strncmp(p - 6, "value ", 6) == 0))) {
			const char *end = strchr(p + 1, '\'');

			if (end) {
				memcpy(out + n, "'\xe2\x80\xa6'", 5);
				n += 5;
				p = end + 1;
				continue;
			}
		}
		out[n++] = *p++;
	}
	out[n] = '\0';
}

static void
schema_error(void *ctx, xmlErrorPtr e)
{
	auditor *a = ctx;

	if (a->nerrors++ == 0 && e && e->message) {
		char msg[512];
		size_t n;

		snprintf(msg, sizeof msg, "line %d: %s", e->line, e->message);
		n = strcspn(msg, "\n");
		msg[n] = '\0';
		while (n > 0 && msg[n - 1] == ' ')
			msg[--n] = '\0';
		redact_values(msg, a->first_error, sizeof a->first_error);
	}
}

/* xmlio's xml_validate parses the schema at each call, which is right for
 * one dossier and far too slow for an archive: parse it once here. */
static xmlSchemaValidCtxtPtr
schema_load(const char *path, auditor *a, char **why)
{
	xmlSchemaParserCtxtPtr pctxt;
	xmlSchemaPtr schema;
	xmlSchemaValidCtxtPtr v;
	char *buf;
	size_t len;

	if (read_file(path, 4u << 20, &buf, &len) < 0) {
		*why = xasprintf("cannot read: %s", strerror(errno));
		return NULL;
	}
	pctxt = xmlSchemaNewMemParserCtxt(buf, (int)len);
	schema = pctxt ? xmlSchemaParse(pctxt) : NULL;
	if (pctxt)
		xmlSchemaFreeParserCtxt(pctxt);
	free(buf);
	if (!schema) {
		*why = xstrdup("not a usable XML schema");
		return NULL;
	}
	/* The schema lives as long as the program: never freed. */
	v = xmlSchemaNewValidCtxt(schema);
	if (!v) {
		*why = xstrdup("out of memory");
		return NULL;
	}
	xmlSchemaSetValidStructuredErrors(v, schema_error, a);
	return v;
}

/* ---- looking at a dossier without copying it ------------------------ */

/* An attribute's text, or NULL; points into the tree (no allocation). */
static const char *
attr(xmlNodePtr n, const char *name)
{
	xmlAttrPtr a = xmlHasProp(n, BAD_CAST name);

	if (!a || !a->children || a->children->type != XML_TEXT_NODE)
		return NULL;
	return (const char *)a->children->content;
}

/* The verdict's text into out (empty when there is none). */
static void
verdict_of(xmlNodePtr root, char *out, size_t n)
{
	xmlNodePtr v = xml_child(root, "verdict");

	out[0] = '\0';
	if (v && v->children && v->children->type == XML_TEXT_NODE)
		snprintf(out, n, "%s", (const char *)v->children->content);
}

static int
cmp_str(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/*
 * The findings of root as sorted keys "code\tdoc-type\tdocument\tseverity"
 * (the schema allows no tab in any of them), in a reused arena.
 */
static size_t
finding_keys(xmlNodePtr root, strbuf *arena, const char ***list, size_t *cap)
{
	xmlNodePtr f;
	size_t n = 0, i, off;

	arena->len = 0;
	for (f = xml_child(root, "finding"); f; f = xml_next(f, "finding")) {
		const char *code = attr(f, "code"), *type = attr(f, "doc-type");
		const char *doc = attr(f, "document"), *sev = attr(f, "severity");

		sb_addf(arena, "%s\t%s\t%s\t%s", code ? code : "", type ? type : "",
		    doc ? doc : "", sev ? sev : "");
		sb_add(arena, "", 1);   /* keep the NUL inside the arena */
		n++;
	}
	if (n > *cap) {
		*cap = n;
		*list = xrealloc(*list, n * sizeof **list);
	}
	/* Pointers only now: the arena may have moved while it grew. */
	for (i = 0, off = 0; i < n; i++) {
		(*list)[i] = arena->s + off;
		off += strlen(arena->s + off) + 1;
	}
	if (n > 1)
		qsort(*list, n, sizeof **list, cmp_str);
	return n;
}

/* <finding change="added|removed" code= doc-type= document= severity=/> */
static void
finding_element(strbuf *b, const char *change, const char *key)
{
	static const char *const names[] = {"code", "doc-type", "document", "severity"};
	const char *p = key;
	size_t i;

	sb_addf(b, "    <finding change=\"%s\"", change);
	for (i = 0; i < 4; i++) {
		size_t n = strcspn(p, "\t");
		char *v = xstrndup(p, n);

		if (*v)
			sb_attr(b, names[i], v);
		free(v);
		p += n + (p[n] == '\t');
	}
	sb_add(b, "/>\n", 3);
}

/* ---- the recorded scans --------------------------------------------- */

/* A name inside the case folder, nothing more. */
static int
plain_name(const char *s)
{
	return *s && !strchr(s, '/') && strcmp(s, ".") != 0 && strcmp(s, "..") != 0;
}

/*
 * Every (file, sha256) the dossier records, in <inputs> and on <page>s,
 * checked once against DIR/<case>/<file>.  Returns the worst status and
 * appends an <input> element per problem.
 */
static status
check_inputs(auditor *a, xmlNodePtr root, const char *case_id, strbuf *detail,
    const char **summary, char *first_bad, size_t first_bad_size,
    const char **first_state, size_t *nbad)
{
	/* Pairs already checked for this dossier: few, so a linear scan. */
	const char *seen[64][2];
	size_t nseen = 0, i, checked = 0;
	status worst = ST_UNCHANGED;
	xmlNodePtr p, in = xml_child(root, "inputs");
	int pass;

	for (pass = 0; pass < 2; pass++) {
		xmlNodePtr parent = pass == 0 ? in : xml_child(root, "document");

		for (; parent; parent = pass == 0 ? NULL : xml_next(parent, "document")) {
			for (p = xml_child(parent, pass == 0 ? "input" : "page"); p;
			    p = xml_next(p, pass == 0 ? "input" : "page")) {
				const char *file = attr(p, "file"), *sha = attr(p, "sha256");
				const char *st = NULL;
				char hex[65], *path;
				status s = ST_UNCHANGED;

				if (!file || !sha || !*sha)
					continue;
				for (i = 0; i < nseen; i++)
					if (strcmp(seen[i][0], file) == 0 && strcmp(seen[i][1], sha) == 0)
						break;
				if (i < nseen)
					continue;
				if (nseen < 64) {
					seen[nseen][0] = file;
					seen[nseen][1] = sha;
					nseen++;
				}
				checked++;
				if (!plain_name(file)) {
					st = "unsafe-name";
					s = ST_INPUT_MISMATCH;
				} else {
					path = xasprintf("%s/%s/%s", a->scans, case_id, file);
					if (file_sha256(path, hex) < 0) {
						st = errno == ENOENT ? "missing" : "unreadable";
						s = ST_INPUT_MISSING;
					} else if (strcasecmp(hex, sha) != 0) {
						st = "mismatch";
						s = ST_INPUT_MISMATCH;
					}
					free(path);
				}
				if (st) {
					if ((*nbad)++ == 0) {
						snprintf(first_bad, first_bad_size, "%s", file);
						*first_state = st;
					}
					sb_add(detail, "    <input", 10);
					sb_attr_clean(detail, "file", file);
					sb_attr(detail, "status", st);
					sb_add(detail, "/>\n", 3);
				}
				if (s > worst)
					worst = s;
			}
		}
	}
	*summary = !checked ? "none-recorded" : worst == ST_UNCHANGED ? "ok" :
	    worst == ST_INPUT_MISSING ? "missing" : "mismatch";
	return worst;
}

/* ---- one dossier ---------------------------------------------------- */

static const char *
base_name(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

/* What was found about one dossier, for the report and the listing. */
typedef struct {
	status st;
	const char *schema, *seal, *inputs, *rules;
	char *reason;          /* why unreadable / invalid (malloc'd) */
	char *rules_reason;    /* why the rules cannot judge it (malloc'd) */
	char *seal_reason;     /* why the seal failed (malloc'd) */
	char verdict[32], new_verdict[32];
	char *recorded_rules, *applied_rules;
	size_t added, removed;
	char bad_input[256];           /* the first scan with a problem */
	const char *bad_input_state;
	size_t nbad_inputs;
} outcome;

static void
escalate(outcome *o, status s)
{
	if (s > o->st)
		o->st = s;
}

static void
emit(auditor *a, const char *path, const char *case_id, outcome *o, strbuf *detail)
{
	strbuf *b = &a->out;

	b->len = 0;
	sb_add(b, "  <dossier", 10);
	sb_attr_clean(b, "file", path);
	sb_attr(b, "case", case_id);
	sb_attr(b, "status", status_name[o->st]);
	if (o->reason)
		sb_attr_clean(b, "reason", o->reason);
	if (o->schema)
		sb_attr(b, "schema", o->schema);
	if (o->seal)
		sb_attr(b, "seal", o->seal);
	if (o->seal_reason)
		sb_attr_clean(b, "seal-reason", o->seal_reason);
	if (o->inputs)
		sb_attr(b, "inputs", o->inputs);
	if (o->rules) {
		sb_attr(b, "rules", o->rules);
		sb_attr(b, "verdict", o->verdict);
		if (o->new_verdict[0])
			sb_attr(b, "new-verdict", o->new_verdict);
		if (o->recorded_rules)
			sb_attr_clean(b, "recorded-rules", o->recorded_rules);
		if (o->applied_rules)
			sb_attr_clean(b, "applied-rules", o->applied_rules);
		if (o->rules_reason)
			sb_attr_clean(b, "rules-reason", o->rules_reason);
	}
	if (detail->len) {
		sb_add(b, ">\n", 2);
		sb_add(b, detail->s, detail->len);
		sb_add(b, "  </dossier>\n", 13);
	} else {
		sb_add(b, "/>\n", 3);
	}
	write_all(a->xml_fd, b->s, b->len, "report");

	if (o->st == ST_UNCHANGED)
		return;
	/* One line per dossier with a problem: status, file, case, why. */
	b = &a->line;
	b->len = 0;
	{
		char *file = one_line(path);

		sb_addf(b, "%-14s %s", status_name[o->st], file);
		free(file);
	}
	if (*case_id)
		sb_addf(b, " (case %s)", case_id);
	if (o->st >= ST_INVALID && o->st <= ST_UNREADABLE && o->reason) {
		char *r = one_line(o->reason);

		sb_addf(b, ": %s", r);
		free(r);
	} else if (o->st >= ST_UNSEALED) {
		char *r = one_line(o->seal_reason ? o->seal_reason : "no seal");

		sb_addf(b, ": %s", r);
		free(r);
	} else if (o->st == ST_INPUT_MISMATCH || o->st == ST_INPUT_MISSING) {
		char *f = one_line(o->bad_input);

		sb_addf(b, ": input file %s %s", f, o->bad_input_state);
		if (o->nbad_inputs > 1)
			sb_addf(b, " (and %zu more)", o->nbad_inputs - 1);
		free(f);
	} else if (o->st == ST_CHANGED && o->new_verdict[0]) {
		sb_addf(b, ": verdict %s -> %s, findings +%zu -%zu", o->verdict,
		    o->new_verdict, o->added, o->removed);
	} else if (o->st == ST_CHANGED) {
		char *r = one_line(o->rules_reason ? o->rules_reason : "?");

		sb_addf(b, ": cannot be judged: %s", r);
		free(r);
	}
	sb_add(b, "\n", 1);
	write_all(a->list_fd, b->s, b->len, "listing");
	a->slot->listed++;
}

static void
audit_one(auditor *a, const char *path, const char *named_case)
{
	outcome o;
	strbuf *detail = &a->detail;
	char *why = NULL, case_buf[65] = "";
	const char *case_id;
	xmlDocPtr doc;
	xmlNodePtr root;

	memset(&o, 0, sizeof o);
	detail->len = 0;
	/* Until the dossier says otherwise, its case is what its name says. */
	if (named_case && case_id_valid(named_case))
		snprintf(case_buf, sizeof case_buf, "%s", named_case);
	case_id = case_buf;
	/* Fault injection for the tests (in the manner of git's GIT_TEST_*):
	 * a worker dying on a dossier must cost that dossier only. */
	if (a->crash_on && strcmp(base_name(path), a->crash_on) == 0)
		abort();

	doc = xml_read(path, &why);
	if (!doc) {
		o.st = ST_UNREADABLE;
		if (errno == EINVAL && strncmp(why, "cannot read", 11) == 0) {
			free(why);
			why = xstrdup("not a regular file");
		}
		/* libxml2 may add a second line quoting the bad bytes: drop it,
		 * and close the parenthesis it leaves open. */
		if (why[strcspn(why, "\n")]) {
			why[strcspn(why, "\n")] = '\0';
			if (strchr(why, '(') && !strchr(why, ')')) {
				char *closed = xasprintf("%s)", why);

				free(why);
				why = closed;
			}
		}
		o.reason = why;
		why = NULL;
		goto out;
	}
	root = xmlDocGetRootElement(doc);
	if (xml_is(root, "dossier") && attr(root, "case") &&
	    case_id_valid(attr(root, "case")))
		snprintf(case_buf, sizeof case_buf, "%s", attr(root, "case"));

	a->nerrors = 0;
	a->first_error[0] = '\0';
	if (xmlSchemaValidateDoc(a->vctxt, doc) != 0) {
		o.st = ST_INVALID;
		o.schema = "invalid";
		o.reason = xasprintf("not valid against dossier.xsd (%d errors; first: %s)",
		    a->nerrors, a->first_error[0] ? a->first_error : "?");
	} else {
		o.schema = "valid";
		/* In a folder, OUT/<case-id>.xml: a dossier filed under another
		 * case's name would pass every other check (the seal does not
		 * cover the file name). */
		if (named_case && strcmp(named_case, case_id) != 0) {
			o.st = ST_INVALID;
			o.reason = xstrdup("file name does not match the dossier's case id");
		}
	}

	/* The seal before anything touches the tree. */
	if (a->nkeys) {
		seal_status ss = seal_verify(doc, a->keys, a->nkeys, &why);

		o.seal = seal_status_name(ss);
		o.seal_reason = why;
		why = NULL;
		if (ss == SEAL_MISSING)
			escalate(&o, ST_UNSEALED);
		else if (ss != SEAL_OK)
			escalate(&o, ST_TAMPERED);
	} else {
		o.seal = "not-checked";
	}
	if (o.schema && strcmp(o.schema, "invalid") == 0)
		goto out;   /* judging a dossier that breaks the schema means nothing */

	if (a->scans) {
		const char *summary;

		escalate(&o, check_inputs(a, root, case_id, detail, &summary,
		    o.bad_input, sizeof o.bad_input, &o.bad_input_state, &o.nbad_inputs));
		o.inputs = summary;
	}

	/*
	 * Judge again.  The tree is judged in place rather than copied: the
	 * recorded findings and verdict are taken first, the seal and the
	 * scans are already checked, and the tree is freed right after, so a
	 * copy would only cost time.
	 */
	{
		size_t i, j;
		const char *r = attr(root, "rules");

		verdict_of(root, o.verdict, sizeof o.verdict);
		o.recorded_rules = r ? xstrdup(r) : NULL;
		a->nold = finding_keys(root, &a->keys_old, &a->old, &a->capold);
		if (rules_apply(a->rb, root, a->rules_date, &why) < 0) {
			o.rules = "unjudged";
			escalate(&o, ST_CHANGED);
			o.rules_reason = why;
			why = NULL;
			goto out;
		}
		r = attr(root, "rules");
		o.applied_rules = r ? xstrdup(r) : NULL;
		verdict_of(root, o.new_verdict, sizeof o.new_verdict);
		a->nnew = finding_keys(root, &a->keys_new, &a->new, &a->capnew);
		for (i = 0, j = 0; i < a->nold || j < a->nnew;) {
			int c = i == a->nold ? 1 : j == a->nnew ? -1 :
			    strcmp(a->old[i], a->new[j]);

			if (c == 0) {
				i++;
				j++;
			} else if (c < 0) {
				finding_element(detail, "removed", a->old[i++]);
				o.removed++;
			} else {
				finding_element(detail, "added", a->new[j++]);
				o.added++;
			}
		}
		if (o.added || o.removed || strcmp(o.verdict, o.new_verdict) != 0) {
			o.rules = "changed";
			escalate(&o, ST_CHANGED);
		} else {
			o.rules = "unchanged";
		}
	}
out:
	emit(a, path, case_id, &o, detail);
	/* Counted as soon as its element is out: a crash from here on must
	 * not report it twice. */
	a->slot->count[o.st]++;
	a->slot->done++;
	a->slot->busy = 0;
	if (doc)
		xmlFreeDoc(doc);
	free(o.reason);
	free(o.rules_reason);
	free(o.seal_reason);
	free(o.recorded_rules);
	free(o.applied_rules);
	free(why);
}

/* ---- the worker: its share of the archive -------------------------- */

/* FNV-1a: spreads names evenly over the workers, the same in each. */
static unsigned
name_hash(const char *s)
{
	unsigned h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* Take one dossier of the share: skip those done by a worker before (a
 * restarted worker enumerates the archive again, in the same order as
 * long as nobody adds files to it meanwhile). */
static void
take(auditor *a, const char *path, const char *named_case)
{
	if (a->seq++ < a->skip)
		return;
	snprintf(a->slot->current, sizeof a->slot->current, "%s", path);
	snprintf(a->slot->case_id, sizeof a->slot->case_id, "%s",
	    named_case && case_id_valid(named_case) ? named_case : "");
	a->slot->busy = 1;
	audit_one(a, path, named_case);
}

static int
is_dossier_name(const char *name)
{
	size_t n = strlen(name);

	return name[0] != '.' && n > 4 && strcmp(name + n - 4, ".xml") == 0;
}

static void
audit_folder(auditor *a, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	strbuf path = {0};
	size_t dlen = strlen(dir);

	if (!d)
		die(EX_BADINPUT, dir, "cannot open folder: %s", strerror(errno));
	sb_add(&path, dir, dlen);
	if (dlen && dir[dlen - 1] != '/')
		sb_add(&path, "/", 1), dlen++;
	while ((errno = 0, e = readdir(d))) {
		char stem[256];
		size_t n;

		if (!is_dossier_name(e->d_name) ||
		    name_hash(e->d_name) % a->nworkers != a->worker)
			continue;
		path.len = dlen;
		sb_add(&path, e->d_name, strlen(e->d_name));
		n = strlen(e->d_name) - 4;
		memcpy(stem, e->d_name, n);
		stem[n] = '\0';
		take(a, path.s, stem);
	}
	if (errno)
		die(EX_FAIL, dir, "cannot read folder: %s", strerror(errno));
	closedir(d);
	free(path.s);
}

static void
run_worker(auditor *a, char **archives, int narchives)
{
	int i;
	unsigned nth = 0;

	/* A worker outlives no parent: nobody would read its work. */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != a->parent)
		_exit(EX_SOFTWARE);
#ifndef __SANITIZE_ADDRESS__
	{
		/* ASan reserves terabytes of address space: no limit there. */
		struct rlimit rl = {WORKER_MEMORY, WORKER_MEMORY};

		setrlimit(RLIMIT_AS, &rl);
	}
#endif
	for (i = 0; i < narchives; i++) {
		struct stat st;

		if (stat(archives[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			audit_folder(a, archives[i]);
		} else if (nth++ % a->nworkers == a->worker) {
			take(a, archives[i], NULL);
		}
	}
	_exit(EX_OK);
}

/* ---- the parent ----------------------------------------------------- */

/* The folder a path is in ("." for a bare name, "/" for /name). */
static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return xstrdup(".");
	return xstrndup(path, slash == path ? 1 : (size_t)(slash - path));
}

static pid_t
start_worker(auditor *a, char **archives, int narchives)
{
	pid_t pid;

	fflush(NULL);
	pid = fork();
	if (pid < 0)
		die(EX_SOFTWARE, NULL, "cannot fork: %s", strerror(errno));
	if (pid == 0)
		run_worker(a, archives, narchives);
	return pid;
}

/*
 * A worker died on a dossier: that dossier goes in the report as
 * unreadable, and a new worker carries on after it.
 */
static void
record_crash(auditor *a, int wstatus)
{
	strbuf b = {0};
	char *why = WIFSIGNALED(wstatus) ?
	    xasprintf("the audit crashed on it (signal %d)", WTERMSIG(wstatus)) :
	    xasprintf("the audit failed on it (exit %d: out of memory?)",
		WEXITSTATUS(wstatus));
	char *file = one_line(a->slot->current);

	warnx_(file, "%s; going on with the rest", why);
	sb_add(&b, "  <dossier", 10);
	sb_attr(&b, "file", file);
	sb_attr(&b, "case", a->slot->case_id);
	sb_attr(&b, "status", status_name[ST_UNREADABLE]);
	sb_attr(&b, "reason", why);
	sb_add(&b, "/>\n", 3);
	write_all(a->xml_fd, b.s, b.len, "report");
	b.len = 0;
	sb_addf(&b, "%-14s %s", status_name[ST_UNREADABLE], file);
	if (a->slot->case_id[0])
		sb_addf(&b, " (case %s)", a->slot->case_id);
	sb_addf(&b, ": %s\n", why);
	write_all(a->list_fd, b.s, b.len, "listing");
	a->slot->listed++;
	a->slot->count[ST_UNREADABLE]++;
	a->slot->done++;
	a->slot->busy = 0;
	free(b.s);
	free(why);
	free(file);
}

/* Copy fd (from its start) to out. */
static int
copy_fd(int fd, int out, unsigned char *buf)
{
	ssize_t r;

	if (lseek(fd, 0, SEEK_SET) < 0)
		return -1;
	while ((r = read(fd, buf, 65536)) != 0) {
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		for (ssize_t off = 0; off < r;) {
			ssize_t w = write(out, buf + off, (size_t)(r - off));

			if (w < 0) {
				if (errno == EINTR)
					continue;
				return -1;
			}
			off += w;
		}
	}
	return 0;
}

static int
write_str(int fd, const char *s)
{
	size_t n = strlen(s);

	while (n > 0) {
		ssize_t w = write(fd, s, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

/*
 * The report, streamed from the workers' parts into a temporary file next
 * to it, then renamed over it: readers see the old report or the new one,
 * and memory does not grow with the archive (atomic_write would need the
 * whole report in one buffer).
 */
static int
write_report(const char *outpath, const char *header, const int *parts,
    unsigned nparts, const char *footer)
{
	char *dir = dir_of(outpath);
	/* A leading dot keeps it out of globs of *.xml. */
	char *tmp = xasprintf("%s/.tmp-%ld-%s", dir, (long)getpid(), base_name(outpath));
	unsigned char *buf = xmalloc(65536);
	int fd, dfd, saved, rc = -1;
	unsigned i;

	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0640);
	if (fd < 0)
		goto out;
	if (fchmod(fd, 0640) < 0 || write_str(fd, header) < 0)
		goto fail;
	for (i = 0; i < nparts; i++)
		if (copy_fd(parts[i], fd, buf) < 0)
			goto fail;
	if (write_str(fd, footer) < 0 || fsync(fd) < 0)
		goto fail;
	if (close(fd) < 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, outpath) < 0)
		goto fail;
	dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	rc = 0;
	goto out;
fail:
	saved = errno;
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	errno = saved;
out:
	saved = errno;
	free(buf);
	free(tmp);
	free(dir);
	errno = saved;
	return rc;
}

static void
print_listing(int fd, unsigned long limit, unsigned long *printed)
{
	char buf[65536];
	ssize_t r;
	size_t off;

	if (lseek(fd, 0, SEEK_SET) < 0)
		return;
	fflush(stdout);
	while (*printed < limit && (r = read(fd, buf, sizeof buf)) > 0) {
		for (off = 0; off < (size_t)r && *printed < limit;) {
			char *nl = memchr(buf + off, '\n', (size_t)r - off);
			size_t n = nl ? (size_t)(nl - (buf + off)) + 1 : (size_t)r - off;

			fwrite(buf + off, 1, n, stdout);
			off += n;
			if (nl)
				(*printed)++;
		}
	}
}

static int
tmp_fd(void)
{
	FILE *f = tmpfile();
	int fd;

	if (!f)
		die(EX_SOFTWARE, NULL, "cannot create a temporary file: %s", strerror(errno));
	/* tmpfile() is already unlinked; keep only the descriptor. */
	fd = dup(fileno(f));
	fclose(f);
	if (fd < 0)
		die(EX_SOFTWARE, NULL, "cannot create a temporary file: %s", strerror(errno));
	return fd;
}

int
cmd_main(int argc, char **argv)
{
	static auditor a;
	const char *mdir = NULL, *outpath = NULL, *rules_date = NULL;
	const char *keypaths[MAX_KEYS];
	char today[11], *why = NULL, *xsd, stamp[32];
	int c, as_submitted = 0, quiet = 0, i, jobs = 0, rc;
	int xml_fds[MAX_JOBS], list_fds[MAX_JOBS];
	pid_t pids[MAX_JOBS];
	unsigned long restarted_at[MAX_JOBS];
	slot *slots;
	unsigned long total[ST_N] = {0}, all = 0, printed = 0, listed = 0;
	double t0 = mono_seconds(), secs;
	unsigned w, running;
	status worst = ST_UNCHANGED;
	int failed = 0;
	strbuf hdr = {0}, ftr = {0};
	time_t t = time(NULL);
	struct tm tm;

	if (common_options(argc, argv, usage))
		return EX_OK;
	a.nkeys = 0;
	while ((c = getopt_long(argc, argv, "d:j:k:m:o:qs", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			rules_date = optarg;
			break;
		case 'j':
			jobs = atoi(optarg);
			if (jobs < 1 || jobs > MAX_JOBS)
				die(EX_USAGE, NULL, "-j wants 1 to %d", MAX_JOBS);
			break;
		case 'k':
			if (a.nkeys == MAX_KEYS)
				die(EX_USAGE, NULL, "at most %d keys", MAX_KEYS);
			keypaths[a.nkeys++] = optarg;
			break;
		case 'm':
			mdir = optarg;
			break;
		case 'o':
			outpath = optarg;
			break;
		case 'q':
			quiet = 1;
			break;
		case 's':
			as_submitted = 1;
			break;
		case OPT_SCANS:
			a.scans = optarg;
			break;
		default:
			fputs(usage, errstream);
			return EX_USAGE;
		}
	}
	if (optind >= argc) {
		fputs(usage, errstream);
		return EX_USAGE;
	}
	if (rules_date && as_submitted)
		die(EX_USAGE, NULL, "--rules-date and --as-submitted exclude each other");
	{
		int y, m, d;

		if (rules_date && iso_date_parse(rules_date, &y, &m, &d) < 0)
			die(EX_USAGE, NULL, "--rules-date '%s' is not YYYY-MM-DD", rules_date);
	}
	localtime_r(&t, &tm);
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
	gmtime_r(&t, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
	a.rules_date = as_submitted ? NULL : rules_date ? rules_date : today;
	a.crash_on = getenv("INTAKE_TEST_AUDIT_CRASH");
	a.parent = getpid();

	/* Everything that can be wrong with the command is found before any
	 * dossier is read. */
	for (i = optind; i < argc; i++) {
		struct stat st;

		if (stat(argv[i], &st) < 0)
			die(EX_BADINPUT, argv[i], "cannot audit: %s", strerror(errno));
		if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode))
			die(EX_BADINPUT, argv[i], "is neither a folder nor a file");
	}
	if (a.scans) {
		struct stat st;

		if (stat(a.scans, &st) < 0 || !S_ISDIR(st.st_mode))
			die(EX_BADINPUT, a.scans, "--scans wants a folder");
	}
	for (i = 0; i < (int)a.nkeys; i++)
		if (seal_key_load(keypaths[i], &a.keys[i], &why) < 0)
			die(EX_BADINPUT, keypaths[i], "%s", why);
	xml_init();
	if (!mdir)
		mdir = models_dir();
	a.rb = rules_load(mdir, &why);
	if (!a.rb)
		die(EX_BADINPUT, NULL, "%s", why);
	xsd = xasprintf("%s/dossier.xsd", mdir);
	a.vctxt = schema_load(xsd, &a, &why);
	if (!a.vctxt)
		die(EX_BADINPUT, xsd, "%s", why);
	free(xsd);
	if (outpath) {
		/* Fail now, not after an hour of auditing. */
		char *dir = dir_of(outpath);
		int ok = access(dir, W_OK) == 0, saved = errno;

		free(dir);
		if (!ok)
			die(EX_FAIL, outpath, "cannot write the report there: %s", strerror(saved));
	}

	if (!jobs) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);

		jobs = n < 1 ? 1 : n > MAX_JOBS ? MAX_JOBS : (int)n;
	}
	a.nworkers = (unsigned)jobs;
	slots = mmap(NULL, (size_t)jobs * sizeof *slots, PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (slots == MAP_FAILED)
		die(EX_SOFTWARE, NULL, "cannot map shared memory: %s", strerror(errno));
	for (w = 0; w < a.nworkers; w++) {
		restarted_at[w] = (unsigned long)-1;
		xml_fds[w] = tmp_fd();
		list_fds[w] = tmp_fd();
		a.worker = w;
		a.slot = &slots[w];
		a.xml_fd = xml_fds[w];
		a.list_fd = list_fds[w];
		a.skip = 0;
		pids[w] = start_worker(&a, argv + optind, argc - optind);
	}
	for (running = a.nworkers; running > 0;) {
		int st;
		pid_t pid = wait(&st);

		if (pid < 0) {
			if (errno == EINTR)
				continue;
			die(EX_SOFTWARE, NULL, "wait: %s", strerror(errno));
		}
		for (w = 0; w < a.nworkers && pids[w] != pid; w++)
			;
		if (w == a.nworkers)
			continue;
		if (WIFEXITED(st) && WEXITSTATUS(st) == EX_OK) {
			running--;
			pids[w] = 0;
			continue;
		}
		a.worker = w;
		a.slot = &slots[w];
		a.xml_fd = xml_fds[w];
		a.list_fd = list_fds[w];
		if (WIFEXITED(st) && WEXITSTATUS(st) != EX_SOFTWARE) {
			/* The worker said why (a folder it cannot read, a full
			 * disk); the rest of its share is lost. */
			failed = WEXITSTATUS(st);
			warnx_(NULL, "worker %u stopped (exit %d); its remaining dossiers "
			    "were not audited", w, WEXITSTATUS(st));
			running--;
			pids[w] = 0;
			continue;
		}
		/* Killed, or out of memory: the dossier it was on is to blame. */
		if (slots[w].busy) {
			record_crash(&a, st);
		} else if (slots[w].done == restarted_at[w]) {
			failed = EX_SOFTWARE;
			warnx_(NULL, "worker %u keeps dying between dossiers; its "
			    "remaining dossiers were not audited", w);
			running--;
			pids[w] = 0;
			continue;
		}
		restarted_at[w] = slots[w].done;
		a.skip = slots[w].done;
		pids[w] = start_worker(&a, argv + optind, argc - optind);
	}

	for (w = 0; w < a.nworkers; w++) {
		int s;

		for (s = 0; s < ST_N; s++) {
			total[s] += slots[w].count[s];
			all += slots[w].count[s];
		}
		listed += slots[w].listed;
	}
	for (i = 0; i < ST_N; i++)
		if (total[i])
			worst = (status)i;

	rc = status_exit[worst];
	if (!quiet) {
		unsigned long limit = outpath ? LIST_CAP : (unsigned long)-1;

		for (w = 0; w < a.nworkers; w++)
			print_listing(list_fds[w], limit, &printed);
		if (listed > printed)
			printf("... and %lu more in %s\n", listed - printed, outpath);
	}
	secs = mono_seconds() - t0;

	if (outpath) {
		sb_add(&hdr, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<audit", 45);
		sb_attr(&hdr, "tool", "intake-audit " INTAKE_VERSION);
		sb_attr(&hdr, "date", stamp);
		sb_attr(&hdr, "rules-date", a.rules_date ? a.rules_date : "as-submitted");
		if (a.nkeys) {
			strbuf ids = {0};

			for (i = 0; i < (int)a.nkeys; i++)
				sb_addf(&ids, "%s%s", i ? " " : "", a.keys[i].id);
			sb_attr(&hdr, "key-ids", ids.s);
			free(ids.s);
		}
		sb_attr(&hdr, "scans", a.scans ? "checked" : "not-checked");
		sb_add(&hdr, ">\n", 2);
		sb_addf(&ftr, "  <summary dossiers=\"%lu\"", all);
		for (i = 0; i < ST_N; i++)
			sb_addf(&ftr, " %s=\"%lu\"", status_name[i], total[i]);
		sb_addf(&ftr, " seconds=\"%.3f\" exit=\"%d\"/>\n</audit>\n", secs, rc);
		if (write_report(outpath, hdr.s, xml_fds, a.nworkers, ftr.s) < 0) {
			warnx_(outpath, "cannot write the report: %s", strerror(errno));
			failed = EX_FAIL;
		}
		free(hdr.s);
		free(ftr.s);
	}

	printf("%lu dossiers audited in %.2f s (%.0f dossiers/s)\n", all, secs,
	    secs > 0 ? all / secs : 0.0);
	{
		int first = 1;

		for (i = ST_N - 1; i >= 0; i--)
			if (total[i] || i == ST_UNCHANGED) {
				printf("%s%s %lu", first ? "" : ", ", status_name[i], total[i]);
				first = 0;
			}
		printf("\n");
	}
	if (fflush(stdout) != 0)
		failed = failed ? failed : EX_FAIL;

	for (w = 0; w < a.nworkers; w++) {
		close(xml_fds[w]);
		close(list_fds[w]);
	}
	munmap(slots, (size_t)jobs * sizeof *slots);
	for (i = 0; i < (int)a.nkeys; i++)
		seal_key_wipe(&a.keys[i]);
	rules_free(a.rb);
	if (failed)
		return failed;
	return rc;
}
