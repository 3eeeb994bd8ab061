/*
 * intake.h - the small library every intake program shares.
 *
 * Sections are labelled by the source file that implements them.  A stage
 * links only the objects it uses (see the Makefile), so only intake-ocr
 * pulls in Tesseract, Leptonica and poppler.
 */
#ifndef INTAKE_H
#define INTAKE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <libxml/tree.h>

#define INTAKE_VERSION "0.1.0"
/* Version of the XML stream that stages pass to each other (stages/FORMAT.md). */
#define INTAKE_STREAM_VERSION "1"

/*
 * Exit codes shared by every program (repeated in each --help and in README).
 */
enum {
	EX_OK = 0,        /* everything done */
	EX_FAIL = 1,      /* some input could not be processed; the rest was */
	EX_USAGE = 2,     /* bad command line */
	EX_BADINPUT = 3,  /* the input stream or case file is unusable */
	EX_LOCKED = 4,    /* intake run: another run holds the lock on OUT */
	EX_SOFTWARE = 70, /* internal error (a bug) */
};

/* ---- util.c ---------------------------------------------------------- */

/* Set once by main(): the name used in messages ("intake-ocr"). */
extern const char *progname;
/* Where messages go; stderr unless a test swaps it. */
extern FILE *errstream;

/* "prog: subject: message\n" on errstream.  subject may be NULL. */
void warnx_(const char *subject, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* warnx_ and exit(code). */
void die(int code, const char *subject, const char *fmt, ...)
	__attribute__((noreturn, format(printf, 3, 4)));

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t m);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a new string; never NULL. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * Read all of fd into a NUL-terminated buffer.  Returns 0 and sets *buf,
 * *len, or -1 with errno (EFBIG when the data exceeds cap bytes).
 * The caller frees *buf.
 */
int read_fd(int fd, size_t cap, char **buf, size_t *len);
/* Same for a path; "-" is stdin.  Opened with O_NOFOLLOW|O_NONBLOCK and
 * refused unless it is a regular file (or stdin). */
int read_file(const char *path, size_t cap, char **buf, size_t *len);

/* FNV-1a hash of a NUL-terminated string: a fast, stable key for hash
 * tables (the classifier's features), not a digest. */
uint64_t str_hash(const char *s);

/* 1 when id is a case id by the contract's allow-list:
 * [A-Za-z0-9][A-Za-z0-9._-]{0,63}.  Anything else is never used in a path. */
int case_id_valid(const char *id);

/* Parse "YYYY-MM-DD" strictly; 0 on success. */
int iso_date_parse(const char *s, int *y, int *m, int *d);

/* Standard option handling: returns 1 and prints when argv[1] is --help
 * or --version (usage is the whole help text). */
int common_options(int argc, char **argv, const char *usage);

/* The directory holding models/: $INTAKE_MODELS, else <bindir>/../models,
 * else ./models.  Returned string is static. */
const char *models_dir(void);

/*
 * Write data to path atomically: a temp file in the same directory opened
 * O_EXCL with the given mode, written, fsync'ed, renamed over path, then the
 * directory fsync'ed.  A symlink at path is replaced, never followed.  On
 * failure the temp file is removed, path is untouched, and -1 is returned
 * with errno set.
 */
int atomic_write(const char *path, const void *data, size_t len, unsigned mode);

/*
 * Digest of everything in models/ that decides a dossier (documents.xml,
 * classifier.txt, procedures.xml, dossier.xsd, given-names.txt): a change
 * to any of them redoes the cases it may change.  0, or -1 when one cannot
 * be read.
 */
int models_digest(const char *dir, char hex[65]);

/*
 * The fingerprint of one run of a case: tool version, models digest, OCR
 * languages, case.xml digest and every scan's name and digest (in name
 * order).  Same inputs, same fingerprint: the driver skips such a case.
 */
void case_fingerprint(const char *models_sha, const char *lang, const char *case_sha,
    char *const *names, char *const *shas, size_t n, char hex[65]);

/* A monotonic clock (not the wall clock: it never jumps), for timings. */
double mono_ms(void);
double mono_seconds(void);

/* sha256 of a file's content in hex; 0 or -1 with errno. */
int file_sha256(const char *path, char hex[65]);

/* ---- sha256.c -------------------------------------------------------- */

typedef struct {
	uint32_t h[8];
	uint64_t nbytes;
	unsigned char buf[64];
	size_t nbuf;
} sha256_ctx;

void sha256_init(sha256_ctx *c);
void sha256_update(sha256_ctx *c, const void *data, size_t n);
/* Writes 32 bytes. */
void sha256_final(sha256_ctx *c, unsigned char out[32]);
/* Lower-case hex of the digest of data into hex (65 bytes incl. NUL). */
void sha256_hex(const void *data, size_t n, char hex[65]);
/* Use the CPU's SHA instructions if it has them (want 1, the default) or
 * the portable code (want 0); returns 1 when the instructions are used. */
int sha256_hw(int want);

/* ---- text.c: UTF-8, cleaning, folding, dates, names ------------------ */

/*
 * Decode one code point from s (at most len bytes).  Returns the number of
 * bytes used (1-4) and sets *cp, or 0 when the bytes are not valid UTF-8
 * (overlong, surrogate, > U+10FFFF, truncated).
 */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Encode cp into out (4 bytes room); returns bytes written. */
size_t utf8_encode(uint32_t cp, char *out);
/* Is code point c a letter (Latin, Cyrillic, a combining mark), or a
 * letter or an ASCII digit? */
int cp_letter(uint32_t c);
int cp_alnum(uint32_t c);

/*
 * Clean text for XML and for matching: invalid UTF-8 bytes are dropped,
 * control characters (C0 except \t and \n, DEL, C1, U+FFFE/U+FFFF) become a
 * space, runs of spaces/tabs collapse to one space, each line is trimmed.
 * Returns a new string.
 */
char *text_clean(const char *s, size_t len);

/*
 * Fold text for tolerant matching of labels: upper case (Cyrillic, Latin,
 * Belarusian І/Ў), Ё->Е, Й->И, Ў->У kept as Ў, Latin look-alike letters
 * (A B C E H K M O P T X Y and lower-case a c e o p x y) become the Cyrillic
 * letters inside a word that holds at least one Cyrillic letter, and digits
 * 0->О, 3->З inside such a word.  Each output byte maps back to the byte
 * offset in s where its source code point starts: map[i] for i in
 * [0, outlen], with map[outlen] == len.  Returns the folded string; *map is
 * malloc'd (may be NULL when map is NULL).
 */
char *text_fold(const char *s, size_t len, size_t **map, size_t *outlen);

/*
 * Find the first date in s: 14.03.1987, 14/03/1987, 14-03-1987, 1987-03-14,
 * 14 марта 1987 г., «14» марта 1987 года, 14 сакавіка 1987 г.,
 * 14 March 1987, March 14, 1987, 14 MAR 1987; month names in Russian,
 * Belarusian (both cases: сакавік/сакавіка) and English, tolerant of OCR
 * look-alikes.  Two-digit years are refused.  The date must exist in the
 * calendar.  Returns 0 and sets y, m, d (and *end to the byte offset just
 * after the date when end is not NULL), or -1.
 */
int date_find(const char *s, int *y, int *m, int *d, size_t *end);
/* date_find(), and *short_part set when the date is numeric with a day or
 * month of one digit (official papers print 07.12.1967: a lost digit). */
int date_find_short(const char *s, int *y, int *m, int *d, size_t *end, int *short_part);

/* Days since 1970-01-01 (proleptic Gregorian). */
long days_from_civil(int y, int m, int d);
/* Full years of age on (y2,m2,d2) for someone born (y1,m1,d1); a person
 * born on 29 February has a birthday on 1 March in common years. */
int age_on(int y1, int m1, int d1, int y2, int m2, int d2);
/* The date n calendar months after (y,m,d), the day clamped to the end of
 * the month (31 Aug + 6 months = 28/29 Feb).  n may be negative. */
void add_months(int *y, int *m, int *d, int n);

/*
 * Normalise a name as printed: strip surrounding punctuation and label
 * remnants (":", "—", "_"), collapse spaces, and replace look-alike letters
 * of the other script by the word's dominant script (ПETPOB -> ПЕТРОВ).
 * Case is kept.  Returns a new string.
 */
char *name_clean(const char *s);

/*
 * Romanise Cyrillic (Russian and Belarusian) the way passports of Belarus
 * and Russia do (ICAO Doc 9303 table), upper case ASCII.  Latin input is
 * upper-cased and stripped of diacritics.  Returns a new string.
 */
char *translit_latin(const char *s);

/*
 * 1 when a and b name the same person part: equal after upper-casing and
 * Ё->Е, or equal after both are romanised (ЁЛКИН = YOLKIN = ELKIN is
 * accepted; KOVALENKO = КОВАЛЕНКО), 0 otherwise.
 */
int names_match(const char *a, const char *b);

/*
 * 1 when the patronymic read is full cut short inside its ending, as OCR
 * loses the end of a line (ДМИТРИ for ДМИТРИЕВНА): read has five letters
 * or more, is the start of full, and what is missing is the end of a
 * patronymic ending (-ОВИЧ, -ЕВНА, -ИЧНА, Belarusian -АЎНА, ...).  The
 * father's name is all there; the sex is the given name's to tell.
 */
int patronymic_cut(const char *read, const char *full);
/* Does s, in capitals (text_fold() gives them), end as a Russian or
 * Belarusian patronymic does (-ОВИЧ, -ЕВНА, -ИЧНА, -АЎНА, ...)? */
int patronymic_end(const char *s);

/* Does the name end as a patronymic does, in either script (КІРЫЛАВІЧ,
 * VIKTOROVICH, ІВАНАЎНА, ПЕТРОВНА, ИЛЬИЧ, ФОМИНИЧНА)? */
int patronymic_shaped(const char *s);

/* The key of a name in a list of names: romanised (translit_latin()),
 * the spellings of one letter made one (skeleton()), so that the name
 * in Russian, in Belarusian as romanised alike, and in a passport's or a
 * translator's Latin has one key.  A new string. */
char *name_key(const char *s);

/*
 * 1 when the name read, in the script of mine, is mine cut short (two
 * letters or more of its start: ЮЛ for ЮЛИЯ, КО for КОЗЛОВ) or of its end
 * after a lost capital (горовна for Егоровна), mine with
 * one letter replaced (ГРИПКЕВИЧ for ГРИЦКЕВИЧ, WEL for WEI) or, from five
 * letters, one added or lost inside (ЕЛИЙЗАВЕТА for ЕЛИЗАВЕТА,
 * ВЛАДИМИРОВА for ВЛАДИМИРОВНА); in the
 * other script, of three letters or more, when one letter of it put back
 * as a letter OCR mistakes it for (Л for Д, П for Д, Н for И, ...) makes a
 * name names_match() takes for mine (ХАЙЛАРИ for HAIDARI).  A reading
 * all in Latin look-alikes of Cyrillic letters is taken in Cyrillic when
 * mine is Cyrillic ("Ma" for Марозаў), and one with a word of both
 * scripts ("ЗАМЕS" for JAMES) is always a near miss: what OCR makes of a
 * name more often than another person's name differs so.
 */
int name_near_miss(const char *read, const char *mine);

/*
 * 1 when the name read looks whole (five letters or more of one script,
 * capitalised or all capitals) and, in the script of mine, is three
 * letters or more away from it (Полина for Анна, Анастасия for Софья):
 * another person's name, however unsure OCR was of it.
 */
int name_far_and_whole(const char *read, const char *mine);

/*
 * 1 when a name in Latin (value), put into Latin from what OCR read in
 * Cyrillic letters (read: КОМАВ gave KOMAB), differs from mine (Latin,
 * as long, four letters or more) in one or two letters, each of them a
 * letter Cyrillic has no look-alike for (D F G J L N Q R S U V W Z): the
 * Cyrillic reading could not hold it (KOMAB for KUMAR, EYAMS for EVANS).
 * A letter with a look-alike read as another (KARIMI for RAHIMI) is not
 * so excused.
 */
int latin_read_as_cyrillic(const char *value, const char *read, const char *mine);

/*
 * 1 when the name read is mine with a С (or C) before it, five letters
 * or more after: the edge of a bracket, a box or a stamp before a name
 * comes out of OCR as a С (СГУПТА for ГУПТА, eval seed 100015).
 */
int stray_c_before(const char *read, const char *mine);
/* Add to *be the letters of s only Belarusian has (І, Ў, either case),
 * to *ru those only Russian has (И, Щ, Ъ). */
void be_ru_letters(const char *s, size_t *be, size_t *ru);

/*
 * 1 when the letters of line, all blanks and marks taken out, are the
 * letters of surname, given and patronymic (NULL: none) run together,
 * compared romanised, with at most two stray letters at either end.  A
 * full name printed letter-spaced comes out of OCR cut anywhere ("Б ОН
 * ДАРЕ Н КО А НАСТАС ИЯ ПЕТРОВНА"); its parts cannot be told apart, but
 * whether it is the applicant's can.
 */
int full_name_holds(const char *line, const char *surname, const char *given,
    const char *patronymic);

/* ---- model.c: document models (models/documents.xml) ---------------- */

/* One compiled PCRE2 pattern from the models, with what a match means. */
typedef struct {
	void *re;        /* pcre2_code; opaque so that only model.c needs pcre2.h */
	double weight;   /* classification weight (titles, cues) */
	char *value;     /* enum fields: the value a match stands for */
	char *script;    /* number fields: series letters in "cyrillic" or "latin" */
	char *src;       /* the pattern text ({{macros}} expanded), for messages */
	int line;        /* line in documents.xml, for messages */
	char id[9];      /* first 8 hex digits of sha256(src): its feature name */
} pattern;

typedef struct {
	char *name;      /* contract field name: surname, birth-date, ... */
	char *kind;      /* name, date, number, text, enum */
	int required;    /* missing -> field-error */
	pattern *pats;
	size_t npats;
} field_model;

typedef struct {
	char *name;      /* contract type name, or a distractor's kind */
	int key;         /* one of the types the rules check */
	int modelled;    /* a <type> (output as such); 0: a <distractor>, output "other" */
	pattern *titles; /* a title match starts a new document */
	size_t ntitles;
	pattern *sequels; /* a page saying it continues a document of the type
			   * ("Продолжение медицинской справки № …") */
	size_t nsequels;
	pattern *cues;   /* weaker evidence, may be negative */
	size_t ncues;
	field_model *fields;
	size_t nfields;
} doc_type;

/* Output classes are the modelled types in model order, then "other". */
#define MODEL_MAX_CLASSES 32

typedef struct {
	char *version;
	double min_score;   /* rules only: below this a page shows no type at all */
	double title_score; /* rules only: this much title evidence starts a document */
	double margin;      /* best - runner-up probability below this -> unknown */
	doc_type *types;    /* the modelled <type>s first, then the <distractor>s */
	size_t ntypes;
	size_t nmodelled;
	size_t max_subject; /* bytes of text a pattern may be run on */
	int ngram_min, ngram_max; /* character n-grams the classifier sees */
	char *clf_file;     /* the trained classifier's file name, or NULL: rules */
	void *clf;          /* the loaded classifier (model.c) */
	void *mctx;         /* pcre2_match_context with our limits */
	void *jit_stack;
} models;

/*
 * Load dir/documents.xml, compile every pattern and load the trained
 * classifier it names (<classifier file="…" sha256="…"/>), refusing one
 * whose digest differs.  NULL with *why.
 */
models *models_load(const char *dir, char **why);
/* The same without the classifier (for intake-train, which makes it). */
models *models_load_untrained(const char *dir, char **why);
/*
 * JIT-compile every pattern.  Matching gives the same results either way;
 * JIT matches about twice as fast but costs some 15 ms for the whole set,
 * which pays from about 16 pages on, so the stages call it for large
 * streams only (MODELS_JIT_PAGES).  Without JIT on this CPU, a no-op.
 */
void models_jit(models *m);
#define MODELS_JIT_PAGES 16
void models_free(models *m);
/* A <type> or <distractor> by name, or NULL. */
const doc_type *models_type(const models *m, const char *name);
/* Number of output classes (modelled types + other) and the name of one. */
size_t models_nclasses(const models *m);
const char *models_class_name(const models *m, size_t i);
/* The output class named name, or (size_t)-1 when there is none. */
size_t models_class_index(const models *m, const char *name);

/*
 * Run p over s[0..len) from start.  Returns 1 and sets the match span
 * [*ms,*me) and the span of the named group "v" (or the whole match when
 * there is none) [*vs,*ve); 0 on no match; -1 when a match or depth limit
 * was hit (the text is then treated as unreadable, never as a match).
 */
int pattern_match(const models *m, const pattern *p, const char *s, size_t len,
    size_t start, size_t *ms, size_t *me, size_t *vs, size_t *ve);
/*
 * The same, for a value in up to four pieces: the groups named v, v2, v3,
 * v4 that took part in the match, in that order (a piece printed on
 * another line, with junk between them left out; empty ones are skipped).
 * Returns 1 and sets *nvals (0 when every group is empty), 0 on no match,
 * -1 on a limit.
 */
int pattern_match_values(const models *m, const pattern *p, const char *s, size_t len,
    size_t start, size_t *ms, size_t *me, size_t *vs, size_t *ve, int maxv, int *nvals);

/*
 * The text of one or more pages as patterns see it: lines of words joined
 * by spaces, lines and pages by newlines, then folded (text_fold).  Every
 * word keeps its span in text, its page and box, so a match anywhere maps
 * back to where it was printed and how sure the OCR was.
 */
typedef struct {
	size_t start, end;   /* span in text */
	xmlNodePtr page;     /* the <page> it is on */
	int b[4];            /* x0 y0 x1 y1 */
	double conf;         /* 0-100 */
	xmlNodePtr node;     /* the <w> element */
} word_ref;

typedef struct {
	char *text;          /* original (cleaned) text */
	size_t len;
	char *fold;          /* folded text, what patterns run on */
	size_t foldlen;
	size_t *map;         /* fold byte -> text byte */
	word_ref *words;
	size_t nwords;
} page_text;

void page_text_build(page_text *pt, xmlNodePtr *pages, size_t npages);
/* The same with each page's lines put in rows by their boxes (top to
 * bottom, left to right), for pages whose labels and values Tesseract read
 * as separate columns. */
void page_text_build_rows(page_text *pt, xmlNodePtr *pages, size_t npages);
void page_text_free(page_text *pt);

/*
 * What the classifier sees of a page: the distinct character n-grams
 * (ngram_min..ngram_max code points) of its folded text with digits read
 * as '#' and anything but letters and digits as a word break, plus "@t:ID"
 * for every title and "@c:ID" for every cue of the models that matches
 * (ID: the pattern's id).  Shared by intake-classify and intake-train so
 * that both see exactly the same thing.
 */
typedef struct {
	char **v;
	size_t n, cap;
} featset;

void page_features(const models *m, const page_text *pt, featset *fs);
/* The value of feature f on a page with n features: 1/sqrt(n) for an
 * n-gram (each page's vector has length about 1), 1 for a title or cue. */
double feature_value(const char *f, size_t n);
void featset_free(featset *fs);

/* How one page (or a document) was classified. */
typedef struct {
	const char *type;       /* a model type, "other" or "unknown" */
	const char *kind;       /* the classifier's own class ("passport"), or NULL */
	double confidence;      /* 0-1 */
	const char *runner_up;
	double runner_conf;
	int starts;             /* carries a title: starts a new document */
	int sequel;             /* says it continues a document of its type */
	int readable;           /* an ok page with text */
	const char *decided_by; /* "title" or "sequel" when the classes were too
				 * close and that line of the page decided */
	size_t nclass;          /* models_nclasses() */
	double p[MODEL_MAX_CLASSES]; /* probability of each output class */
} page_class;

page_class classify_page(const models *m, xmlNodePtr page);

/*
 * Set type, confidence and runner-up of v from v->p: the most probable
 * class, or "unknown" when the runner-up is within m->margin of it.
 */
void models_decide(const models *m, page_class *v);

/* ---- fields.c: field extraction ------------------------------------- */

/*
 * Add a <field> (value, confidence, file, index, box) for every field the
 * model of doc's type defines and can read on its pages, and a
 * <field-error name= reason=> for each required one it cannot.
 */
void extract_document(const models *m, xmlNodePtr doc);
/* "II-РЕ № 619418" -> "II-РЕ 619418": series and number, no № or labels. */
char *number_clean(const char *s);
/*
 * A number as a field of the models reads it: with script "cyrillic" or
 * "latin" the first word is a series, its Roman numeral repaired from what
 * OCR makes of it (1-ГМ, У-ШМ, П-РЕ, УШ-ВК) and its letters put into that
 * script, and look-alike letters among the digits read as digits
 * ("1-ГМ № О997139" -> "I-ГМ 0997139"); NULL when there is no Roman
 * numeral.  Without a script, number_clean.  Returns a new string.
 */
char *number_normalise(const char *s, const char *script);
/*
 * The first date in s as ISO 8601 (new string), or NULL.  When s as read
 * holds none, OCR damage that leaves one reading is repaired: look-alike
 * letters among digits ("2О26", "Э марта" for 9 марта), a year split by a
 * blank ("14.01.1 997"), a comma for a dot, a day of 32-99 whose 9 was a 0
 * ("96.01.1967"), a stray letter between month and year, dots read as
 * other signs ("04 = 02 е 2008"); then, as a last resort, readings that
 * guess (see date_guessed).
 */
char *date_normalise(const char *s);
/* 1 when the date date_normalise() reads in span needed a digit guessed:
 * from Э or $, a 9 taken for a 0 where a 1 or 3 would do as well (month
 * 91), a day of three digits cut to two: the best reading, not a sure
 * one. */
int date_guessed(const char *span);

/* ---- rules.c: procedure rules (models/procedures.xml) ---------------- */

typedef struct rulebook rulebook;

/* Load dir/procedures.xml.  NULL with *why. */
rulebook *rules_load(const char *dir, char **why);
void rules_free(rulebook *rb);

/*
 * Check the dossier under construction against the rules: reads the
 * dossier's case attributes, <applicant> and <document>s (types, fields,
 * pages), removes any earlier <finding>, <checklist> and <verdict>, and
 * appends the findings, the clerk's checklist and the verdict.  The rules
 * applied are those in force on rules_date (ISO; NULL: the case's
 * submission date); the ruleset used is recorded on the root as
 * rules="ID@EFFECTIVE-FROM".  Returns 0, or -1 with *why when the case
 * cannot be judged (unknown procedure, bad dates, missing applicant data).
 */
int rules_apply(const rulebook *rb, xmlNodePtr dossier, const char *rules_date,
    char **why);

/* ---- xmlio.c: hardened libxml2 input, clean output ------------------ */

/* Largest XML document any intake program will parse (bytes). */
#define XML_MAX_INPUT (256u << 20)

/* Install the refuse-everything external entity loader and route libxml2
 * messages to us.  Call once at start (xml_parse does it if needed). */
void xml_init(void);

/*
 * Parse an XML document from memory with no network, no DTD loading, no
 * entity substitution and libxml2's default size limits.  On failure
 * returns NULL and sets *why (malloc'd, caller frees) to a one-line reason
 * with the line number.
 */
xmlDocPtr xml_parse(const char *buf, size_t len, char **why);
/* Read path ("-" for stdin, bounded by XML_MAX_INPUT) and xml_parse it. */
xmlDocPtr xml_read(const char *path, char **why);

/* Serialise doc as indented UTF-8 into a new buffer; *len set.  */
char *xml_dump(xmlDocPtr doc, size_t *len);
/* Write doc to f; 0 or -1. */
int xml_write(xmlDocPtr doc, FILE *f);

/*
 * Validate doc against the schema at xsd_path.  Returns 0 when valid, else
 * -1 with *why (malloc'd) saying what is wrong.
 */
int xml_validate(xmlDocPtr doc, const char *xsd_path, char **why);

/*
 * Read an intake stream (stages/FORMAT.md) from path ("-" = stdin) and
 * check its root and version.  Dies with EX_BADINPUT naming the input when
 * it is unusable; a stage cannot do anything sensible with half a stream.
 */
xmlDocPtr stream_read(const char *path);

/* New child element with text that is first passed through text_clean. */
xmlNodePtr xml_text_child(xmlNodePtr parent, const char *name, const char *text);
/* Set an attribute to a cleaned value. */
void xml_set(xmlNodePtr node, const char *name, const char *value);
/* Replace node's content with text taken as it is (& and < escaped, not
 * read as markup), made valid UTF-8 first. */
void xml_set_text(xmlNodePtr node, const char *text);
void xml_setf(xmlNodePtr node, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Attribute value (malloc'd) or NULL. */
char *xml_get(xmlNodePtr node, const char *name);
/* Attribute value parsed as a number, or dflt. */
double xml_get_num(xmlNodePtr node, const char *name, double dflt);
/* Text content (malloc'd, never NULL). */
char *xml_content(xmlNodePtr node);
/* First element child named name (any name if NULL), next element sibling. */
xmlNodePtr xml_child(xmlNodePtr node, const char *name);
xmlNodePtr xml_next(xmlNodePtr node, const char *name);
/* 1 if node is an element named name. */
int xml_is(xmlNodePtr node, const char *name);

/* ---- seal.c ---------------------------------------------------------- */

/* HMAC-SHA256 (RFC 2104). */
typedef struct {
	sha256_ctx inner, outer;
} hmac_sha256_ctx;

void hmac_sha256_init(hmac_sha256_ctx *c, const void *key, size_t klen);
void hmac_sha256_update(hmac_sha256_ctx *c, const void *data, size_t n);
/* Writes 32 bytes and wipes c. */
void hmac_sha256_final(hmac_sha256_ctx *c, unsigned char out[32]);
void hmac_sha256(const void *key, size_t klen, const void *data, size_t n,
    unsigned char out[32]);

#define SEAL_ALG "hmac-sha256"
#define SEAL_KEY_MIN 32      /* bytes; shorter keys are refused */
#define SEAL_KEY_MAX 4096    /* bytes; a bigger file is not a key */

/* A sealing key, ready to use: the HMAC pads already absorbed, and its
 * public name (first 16 hex digits of sha256 of the key). */
typedef struct {
	hmac_sha256_ctx base;
	char id[17];
} seal_key;

/*
 * Load a key file: its bytes, exactly, are the key.  Refused (-1, *why)
 * unless it is a regular file (not a symlink) accessible by its owner
 * only, of SEAL_KEY_MIN to SEAL_KEY_MAX bytes.
 */
int seal_key_load(const char *path, seal_key *k, char **why);
/* Make a key from len bytes (no checks; for tests and callers that have
 * the bytes already). */
void seal_key_init(seal_key *k, const void *key, size_t len);
void seal_key_wipe(seal_key *k);

/* The <seal> child of the root, or NULL. */
xmlNodePtr seal_find(xmlDocPtr doc);
/* Remove every <seal> child of the root. */
void seal_remove(xmlDocPtr doc);
/*
 * The MAC of doc: HMAC-SHA256 over its C14N 1.0 form (no comments) minus
 * the root's <seal> and minus whitespace-only text between elements.
 * 0, or -1 with *why.
 */
int seal_mac(xmlDocPtr doc, const seal_key *k, unsigned char mac[32], char **why);
/*
 * Seal doc: drop any seal and the indentation between elements, then
 * append <seal alg="hmac-sha256" key-id="ID">64 hex</seal> as the root's
 * last child.  0, or -1 with *why.
 */
int seal_apply(xmlDocPtr doc, const seal_key *k, char **why);

typedef enum {
	SEAL_OK,           /* the MAC matches */
	SEAL_MISSING,      /* no <seal> */
	SEAL_MISMATCH,     /* the content is not what was sealed */
	SEAL_UNKNOWN_KEY,  /* sealed with none of the keys given: unverifiable */
	SEAL_MALFORMED,    /* seal present but unusable (algorithm, value, two) */
} seal_status;

/* Check doc's seal against whichever of keys its key-id names.  *why is
 * set (malloc'd) for every status but SEAL_OK and SEAL_MISSING. */
seal_status seal_verify(xmlDocPtr doc, const seal_key *keys, size_t nkeys,
    char **why);
/* "valid", "missing", "mismatch", "unknown-key", "malformed". */
const char *seal_status_name(seal_status st);

#endif
