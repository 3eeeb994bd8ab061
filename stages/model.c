/*
 * model.c - load the document models (models/documents.xml) and run their
 * PCRE2 patterns safely.
 *
 * The models are data because the documents change with the law and with
 * the offices that issue them; adding a wording or a type needs no
 * recompilation.  Patterns run on OCR text, which is hostile in its own
 * way (invalid UTF-8, long runs of near-misses), so every pattern is
 * compiled with PCRE2_UTF|PCRE2_MATCH_INVALID_UTF and run under match and
 * depth limits with a sized JIT stack; a limit hit is "unreadable", never
 * a crash and never a match.
 *
 * Pages are classified by a trained linear model over character n-grams
 * of the folded OCR text and over the titles and cues of the models
 * (models/classifier.txt, written by intake-train), its classes mapped to
 * the modelled types or "other".  Without a <classifier> the titles and
 * cues are scored by their weights, as rules.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "intake.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <libxml/tree.h>
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#define MATCH_LIMIT 200000u
#define DEPTH_LIMIT 2000u

/* <define name="X">text</define>: {{X}} in a later pattern stands for text. */
typedef struct {
	char **name, **text;
	size_t n;
} defines;

static void
defines_free(defines *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->name[i]);
		free(d->text[i]);
	}
	free(d->name);
	free(d->text);
	memset(d, 0, sizeof *d);
}

/* What {{~WORD}} puts between the letters of WORD. */
#define SPLIT "[^\\S\\n]?"

/* src with every {{NAME}} replaced, and every {{~WORD}} spelt out with
 * SPLIT between its letters; NULL with *why for an unknown name. */
static char *
expand(const defines *d, const char *src, int line, char **why)
{
	size_t cap = strlen(src) + 1, n = 0, i;
	char *out = xmalloc(cap);
	const char *s = src;

	while (*s) {
		const char *add = s, *close;
		size_t len = 1;

		if (s[0] == '{' && s[1] == '{' && s[2] == '~' &&
		    (close = strstr(s + 3, "}}")) != NULL) {
			/* {{~WORD}}: WORD as OCR may split it, a blank
			 * allowed between any two of its letters. */
			const char *c = s + 3;

			while (c < close) {
				size_t k = utf8_decode(c, (size_t)(close - c), &(uint32_t){0});

				k = k ? k : 1;
				while (n + k + sizeof SPLIT > cap)
					out = xrealloc(out, cap *= 2);
				memcpy(out + n, c, k);
				n += k;
				c += k;
				if (c < close) {
					memcpy(out + n, SPLIT, sizeof SPLIT - 1);
					n += sizeof SPLIT - 1;
				}
			}
			s = close + 2;
			continue;
		}
		if (s[0] == '{' && s[1] == '{' && (close = strstr(s + 2, "}}")) != NULL) {
			for (i = 0; i < d->n; i++)
				if (strlen(d->name[i]) == (size_t)(close - s - 2) &&
				    strncmp(d->name[i], s + 2, (size_t)(close - s - 2)) == 0)
					break;
			if (i == d->n) {
				*why = xasprintf("documents.xml line %d: {{%.*s}} is not defined",
				    line, (int)(close - s - 2), s + 2);
				free(out);
				return NULL;
			}
			add = d->text[i];
			len = strlen(add);
			s = close + 2;
		} else {
			s++;
		}
		while (n + len + 1 > cap)
			out = xrealloc(out, cap *= 2);
		memcpy(out + n, add, len);
		n += len;
	}
	out[n] = '\0';
	return out;
}

static int
compile(pattern *p, xmlNodePtr node, const defines *d, char **why)
{
	int err;
	PCRE2_SIZE off;
	pcre2_code *re;
	char *w = xml_get(node, "weight"), *raw = xml_content(node);
	char hex[65];

	p->line = node->line;
	p->src = expand(d, raw, p->line, why);
	free(raw);
	p->value = xml_get(node, "value");
	p->script = xml_get(node, "script");
	p->weight = w ? strtod(w, NULL) : 1.0;
	free(w);
	if (!p->src)
		return -1;
	sha256_hex(p->src, strlen(p->src), hex);
	memcpy(p->id, hex, 8);
	p->id[8] = '\0';
	/* Caseless and Unicode-aware: pattern authors write labels as printed
	 * and need not care about case.  The subject is folded text. */
	re = pcre2_compile((PCRE2_SPTR)p->src, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_UCP | PCRE2_CASELESS |
	    PCRE2_MULTILINE, &err, &off, NULL);
	if (!re) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(err, msg, sizeof msg);
		*why = xasprintf("documents.xml line %d: bad pattern at offset %zu: %s",
		    p->line, (size_t)off, (char *)msg);
		return -1;
	}
	/* Not JIT-compiled here: see models_jit. */
	p->re = re;
	return 0;
}

static int
compile_list(xmlNodePtr parent, const char *name, pattern **out, size_t *n,
    const defines *d, char **why)
{
	xmlNodePtr c;
	size_t count = 0;

	for (c = xml_child(parent, name); c; c = xml_next(c, name))
		count++;
	*out = xcalloc(count ? count : 1, sizeof **out);
	*n = 0;
	for (c = xml_child(parent, name); c; c = xml_next(c, name))
		if (compile(&(*out)[(*n)++], c, d, why) < 0)
			return -1;
	return 0;
}

static void
free_list(pattern *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		pcre2_code_free(p[i].re);
		free(p[i].src);
		free(p[i].value);
		free(p[i].script);
	}
	free(p);
}

/* ---- the trained classifier ------------------------------------------ */

/*
 * models/classifier.txt, written by intake-train:
 *
 *   intake-classifier 1
 *   ngrams MIN MAX
 *   classes K NAME...          the classifier's own classes
 *   bias B1 ... BK
 *   features N
 *   FEATURE<TAB>W1 ... WK      N lines
 *
 * A page's score for class k is Bk plus the sum of Wk over the features
 * the page has, divided by the square root of the number of its features;
 * a softmax of the scores gives the probabilities.
 */
typedef struct {
	size_t nfine;
	char **fine;        /* class names */
	size_t *out;        /* class -> output class (a modelled type or other) */
	double *bias;
	size_t nfeat;
	char **feat;
	float *w;           /* nfeat x nfine */
	size_t *slot;       /* open addressing: feature index + 1, or 0 */
	size_t nslot;
} classifier;

static void
clf_free(void *p)
{
	classifier *c = p;
	size_t i;

	if (!c)
		return;
	for (i = 0; i < c->nfine; i++)
		free(c->fine[i]);
	for (i = 0; i < c->nfeat; i++)
		free(c->feat[i]);
	free(c->fine);
	free(c->out);
	free(c->bias);
	free(c->feat);
	free(c->w);
	free(c->slot);
	free(c);
}

/* Index of feature f, or -1. */
static long
clf_find(const classifier *c, const char *f)
{
	size_t i;

	if (!c->nslot)
		return -1;
	for (i = str_hash(f) & (c->nslot - 1); c->slot[i]; i = (i + 1) & (c->nslot - 1))
		if (strcmp(c->feat[c->slot[i] - 1], f) == 0)
			return (long)(c->slot[i] - 1);
	return -1;
}

/* Next line of buf from *pos (NUL-terminated in place), or NULL. */
static char *
next_line(char *buf, size_t len, size_t *pos)
{
	char *s, *nl;

	if (*pos >= len)
		return NULL;
	s = buf + *pos;
	nl = memchr(s, '\n', len - *pos);
	if (nl) {
		*nl = '\0';
		*pos = (size_t)(nl - buf) + 1;
	} else {
		*pos = len;
	}
	return s;
}

/*
 * One decimal number at s, as intake-train writes them (%.4g: "-0.01708",
 * "1.265e-05"), into *out; the end in *end.  Exact whenever the digits
 * fit in 53 bits and the power of ten in 22 (10^22 is the largest exact
 * double): one correctly rounded division or multiplication then gives
 * what strtod gives, at a fraction of its cost, which matters because
 * every classify run reads some 240,000 of them.  Anything else goes to
 * strtod.
 */
static double
parse_num(const char *s, char **end)
{
	static const double p10[] = {
		1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
		1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
	};
	const char *p = s;
	uint64_t mant = 0;
	int neg = 0, digits = 0, scale = 0, e = 0, eneg = 0, edigits = 0;

	while (*p == ' ')
		p++;
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	for (; *p >= '0' && *p <= '9'; p++, digits++)
		mant = mant * 10 + (uint64_t)(*p - '0');
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++, digits++, scale--)
			mant = mant * 10 + (uint64_t)(*p - '0');
	if (digits > 0 && (*p == 'e' || *p == 'E')) {
		const char *q = p + 1;

		if (*q == '-' || *q == '+')
			eneg = *q++ == '-';
		for (; *q >= '0' && *q <= '9' && edigits < 4; q++, edigits++)
			e = e * 10 + (*q - '0');
		if (edigits > 0 && !(*q >= '0' && *q <= '9')) {
			p = q;
			scale += eneg ? -e : e;
		} else {
			digits = 0;     /* odd exponent: strtod decides */
		}
	}
	if (digits == 0 || digits > 15 || scale < -22 || scale > 22 ||
	    (*p && *p != ' ' && *p != '\r'))
		return strtod(s, end);
	*end = (char *)p;
	if (scale < 0)
		return (neg ? -(double)mant : (double)mant) / p10[-scale];
	return (neg ? -(double)mant : (double)mant) * p10[scale];
}

/* K numbers from s into out; 0 or -1. */
static int
parse_nums(const char *s, size_t k, double *out)
{
	size_t i;
	char *end;

	for (i = 0; i < k; i++) {
		out[i] = parse_num(s, &end);
		if (end == s || !isfinite(out[i]))
			return -1;
		s = end;
	}
	while (*s == ' ' || *s == '\r')
		s++;
	return *s ? -1 : 0;
}

static int
clf_parse(models *m, classifier *c, char *buf, size_t len, const char *name,
    char **why)
{
	size_t pos = 0, i, k, lineno = 0;
	char *l, *save = NULL, *tok;
	int a, b;
	double *tmp = NULL;

#define BAD(msg) do { *why = xasprintf("%s line %zu: %s", name, lineno, msg); \
		free(tmp); return -1; } while (0)
#define LINE() (lineno++, l = next_line(buf, len, &pos))
	if (!LINE() || strcmp(l, "intake-classifier 1") != 0)
		BAD("not an intake classifier (version 1)");
	if (!LINE() || sscanf(l, "ngrams %d %d", &a, &b) != 2)
		BAD("expected 'ngrams MIN MAX'");
	if (a != m->ngram_min || b != m->ngram_max)
		BAD("trained on other n-grams than documents.xml names");
	if (!LINE() || strncmp(l, "classes ", 8) != 0)
		BAD("expected 'classes K NAME...'");
	tok = strtok_r(l + 8, " ", &save);
	k = tok ? strtoul(tok, NULL, 10) : 0;
	if (k < 2 || k > 1000)
		BAD("a classifier needs 2 to 1000 classes");
	c->fine = xcalloc(k, sizeof *c->fine);
	c->out = xcalloc(k, sizeof *c->out);
	for (i = 0; i < k; i++) {
		size_t t;

		if (!(tok = strtok_r(NULL, " ", &save)))
			BAD("fewer class names than classes");
		c->fine[c->nfine++] = xstrdup(tok);
		c->out[i] = m->nmodelled;             /* other */
		for (t = 0; t < m->nmodelled; t++)
			if (strcmp(m->types[t].name, tok) == 0)
				c->out[i] = t;
	}
	tmp = xmalloc(k * sizeof *tmp);
	c->bias = xmalloc(k * sizeof *c->bias);
	if (!LINE() || strncmp(l, "bias ", 5) != 0 || parse_nums(l + 5, k, c->bias) < 0)
		BAD("expected 'bias' and a number per class");
	if (!LINE() || sscanf(l, "features %zu", &c->nfeat) != 1 || c->nfeat > 50000000)
		BAD("expected 'features N'");
	c->feat = xcalloc(c->nfeat ? c->nfeat : 1, sizeof *c->feat);
	c->w = xmalloc((c->nfeat ? c->nfeat : 1) * k * sizeof *c->w);
	for (c->nslot = 16; c->nslot < 2 * c->nfeat; c->nslot *= 2)
		;
	c->slot = xcalloc(c->nslot, sizeof *c->slot);
	for (i = 0; i < c->nfeat; i++) {
		char *tab;
		size_t j, h;

		if (!LINE())
			BAD("fewer features than announced");
		if (!(tab = strchr(l, '\t')) || tab == l)
			BAD("expected FEATURE<TAB>weights");
		*tab = '\0';
		if (parse_nums(tab + 1, k, tmp) < 0)
			BAD("expected a weight per class");
		for (j = 0; j < k; j++)
			c->w[i * k + j] = (float)tmp[j];
		if (clf_find(c, l) >= 0)
			BAD("feature listed twice");
		c->feat[i] = xstrdup(l);
		for (h = str_hash(l) & (c->nslot - 1); c->slot[h]; h = (h + 1) & (c->nslot - 1))
			;
		c->slot[h] = i + 1;
	}
#undef LINE
#undef BAD
	free(tmp);
	return 0;
}

/* Load dir/FILE, whose sha256 documents.xml names. */
static int
clf_load(models *m, const char *dir, const char *sha, char **why)
{
	char *path = xasprintf("%s/%s", dir, m->clf_file), *buf = NULL, hex[65];
	size_t len;
	classifier *c;
	int rc;

	if (read_file(path, 256u << 20, &buf, &len) < 0) {
		*why = xasprintf("%s: %s (make models trains it)", path, strerror(errno));
		free(path);
		return -1;
	}
	sha256_hex(buf, len, hex);
	if (!sha || strcmp(sha, hex) != 0) {
		*why = xasprintf("%s: its sha256 is not the one documents.xml names "
		    "(make models trains and names it)", path);
		free(buf);
		free(path);
		return -1;
	}
	c = xcalloc(1, sizeof *c);
	rc = clf_parse(m, c, buf, len, path, why);
	free(buf);
	free(path);
	if (rc < 0) {
		clf_free(c);
		return -1;
	}
	m->clf = c;
	return 0;
}

/* One <type> (modelled) or <distractor>: its titles, cues and fields. */
static int
load_type(models *m, xmlNodePtr t, int modelled, const defines *d, const char *path,
    char **why)
{
	doc_type *dt = &m->types[m->ntypes++];
	char *key = xml_get(t, "key");
	xmlNodePtr f;
	size_t nf = 0, i;

	dt->name = xml_get(t, "name");
	dt->key = modelled && key && strcmp(key, "yes") == 0;
	dt->modelled = modelled;
	free(key);
	if (modelled)
		m->nmodelled++;
	if (!dt->name || !*dt->name || strcmp(dt->name, "other") == 0 ||
	    strcmp(dt->name, "unknown") == 0) {
		*why = xasprintf("%s line %d: <%s> needs a name other than other and unknown",
		    path, t->line, (const char *)t->name);
		return -1;
	}
	for (i = 0; i + 1 < m->ntypes; i++)
		if (strcmp(m->types[i].name, dt->name) == 0) {
			*why = xasprintf("%s line %d: '%s' is defined twice", path, t->line,
			    dt->name);
			return -1;
		}
	if (compile_list(t, "title", &dt->titles, &dt->ntitles, d, why) < 0 ||
	    compile_list(t, "sequel", &dt->sequels, &dt->nsequels, d, why) < 0 ||
	    compile_list(t, "cue", &dt->cues, &dt->ncues, d, why) < 0)
		return -1;
	for (f = xml_child(t, "field"); f; f = xml_next(f, "field"))
		nf++;
	dt->fields = xcalloc(nf ? nf : 1, sizeof *dt->fields);
	for (f = xml_child(t, "field"); f; f = xml_next(f, "field")) {
		field_model *fm = &dt->fields[dt->nfields++];
		char *req = xml_get(f, "required");

		fm->name = xml_get(f, "name");
		fm->kind = xml_get(f, "kind");
		fm->required = !req || strcmp(req, "no") != 0;
		free(req);
		if (!fm->name || !fm->kind) {
			*why = xasprintf("%s line %d: <field> needs name and kind", path,
			    f->line);
			return -1;
		}
		if (compile_list(f, "match", &fm->pats, &fm->npats, d, why) < 0)
			return -1;
	}
	return 0;
}

static models *
load(const char *dir, int with_clf, char **why)
{
	char *path = xasprintf("%s/documents.xml", dir);
	xmlDocPtr doc = xml_read(path, why);
	xmlNodePtr root, t, c;
	models *m = NULL;
	size_t nt = 0;
	char *reason = NULL;
	int pass;
	defines defs = {0};

	if (!doc) {
		reason = *why;
		*why = xasprintf("%s: %s", path, reason);
		free(reason);
		free(path);
		return NULL;
	}
	root = xmlDocGetRootElement(doc);
	if (!xml_is(root, "models")) {
		*why = xasprintf("%s: root element is not <models>", path);
		goto fail;
	}
	m = xcalloc(1, sizeof *m);
	m->version = xml_get(root, "version");
	if (!m->version)
		m->version = xstrdup("unversioned");
	m->min_score = xml_get_num(root, "min-score", 3);
	m->title_score = xml_get_num(root, "title-score", 8);
	m->margin = xml_get_num(root, "margin", 2);
	m->max_subject = (size_t)xml_get_num(root, "max-subject", 262144);
	for (t = root->children; t; t = t->next)
		if (xml_is(t, "type") || xml_is(t, "distractor"))
			nt++;
	if (nt == 0) {
		*why = xasprintf("%s: no <type>", path);
		goto fail;
	}
	m->types = xcalloc(nt, sizeof *m->types);
	/* Pattern macros, each in terms of those before it. */
	for (t = xml_child(root, "define"); t; t = xml_next(t, "define")) {
		char *name = xml_get(t, "name"), *raw = xml_content(t), *text;

		if (!name || !*name || strstr(name, "}}")) {
			*why = xasprintf("%s line %d: <define> needs a name", path, t->line);
			free(name);
			free(raw);
			goto fail;
		}
		text = expand(&defs, raw, t->line, why);
		free(raw);
		if (!text) {
			free(name);
			goto fail;
		}
		defs.name = xrealloc(defs.name, (defs.n + 1) * sizeof *defs.name);
		defs.text = xrealloc(defs.text, (defs.n + 1) * sizeof *defs.text);
		defs.name[defs.n] = name;
		defs.text[defs.n++] = text;
	}
	/* Modelled types first (they are the output classes), then the
	 * distractors, whose titles and cues only help to recognise them. */
	for (pass = 0; pass < 2; pass++)
		for (t = xml_child(root, pass ? "distractor" : "type"); t;
		    t = xml_next(t, pass ? "distractor" : "type"))
			if (load_type(m, t, !pass, &defs, path, why) < 0)
				goto fail;
	if (m->nmodelled + 1 > MODEL_MAX_CLASSES) {
		*why = xasprintf("%s: more than %d types", path, MODEL_MAX_CLASSES - 1);
		goto fail;
	}
	m->ngram_min = 3;
	m->ngram_max = 5;
	if ((c = xml_child(root, "classifier")) != NULL) {
		char *sha = xml_get(c, "sha256");

		m->ngram_min = (int)xml_get_num(c, "ngram-min", 3);
		m->ngram_max = (int)xml_get_num(c, "ngram-max", 5);
		m->clf_file = xml_get(c, "file");
		if (!m->clf_file || strchr(m->clf_file, '/') || m->ngram_min < 1 ||
		    m->ngram_max < m->ngram_min || m->ngram_max > 8) {
			*why = xasprintf("%s line %d: <classifier> needs a plain file name and "
			    "1 <= ngram-min <= ngram-max <= 8", path, c->line);
			free(sha);
			goto fail;
		}
		if (with_clf && clf_load(m, dir, sha, why) < 0) {
			free(sha);
			goto fail;
		}
		free(sha);
	}
	m->mctx = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(m->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(m->mctx, DEPTH_LIMIT);
	m->jit_stack = pcre2_jit_stack_create(32 * 1024, 512 * 1024, NULL);
	if (m->jit_stack)
		pcre2_jit_stack_assign(m->mctx, NULL, m->jit_stack);
	xmlFreeDoc(doc);
	free(path);
	defines_free(&defs);
	return m;
fail:
	/* Prefix the file name only where compile() did not. */
	if (*why && strncmp(*why, path, strlen(path)) != 0 &&
	    strncmp(*why, "documents.xml", 13) != 0) {
		reason = *why;
		*why = xasprintf("%s: %s", path, reason);
		free(reason);
	}
	xmlFreeDoc(doc);
	free(path);
	defines_free(&defs);
	models_free(m);
	return NULL;
}

models *
models_load(const char *dir, char **why)
{
	return load(dir, 1, why);
}

models *
models_load_untrained(const char *dir, char **why)
{
	return load(dir, 0, why);
}

static void
jit_list(pattern *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		pcre2_jit_compile(p[i].re, PCRE2_JIT_COMPLETE);
}

void
models_jit(models *m)
{
	size_t i, j;

	for (i = 0; i < m->ntypes; i++) {
		doc_type *dt = &m->types[i];

		jit_list(dt->titles, dt->ntitles);
		jit_list(dt->cues, dt->ncues);
		for (j = 0; j < dt->nfields; j++)
			jit_list(dt->fields[j].pats, dt->fields[j].npats);
	}
}

void
models_free(models *m)
{
	size_t i, j;

	if (!m)
		return;
	for (i = 0; i < m->ntypes; i++) {
		doc_type *dt = &m->types[i];

		free(dt->name);
		free_list(dt->titles, dt->ntitles);
		free_list(dt->sequels, dt->nsequels);
		free_list(dt->cues, dt->ncues);
		for (j = 0; j < dt->nfields; j++) {
			free(dt->fields[j].name);
			free(dt->fields[j].kind);
			free_list(dt->fields[j].pats, dt->fields[j].npats);
		}
		free(dt->fields);
	}
	free(m->types);
	free(m->version);
	free(m->clf_file);
	clf_free(m->clf);
	if (m->mctx)
		pcre2_match_context_free(m->mctx);
	if (m->jit_stack)
		pcre2_jit_stack_free(m->jit_stack);
	free(m);
}

const doc_type *
models_type(const models *m, const char *name)
{
	size_t i;

	for (i = 0; i < m->ntypes; i++)
		if (strcmp(m->types[i].name, name) == 0)
			return &m->types[i];
	return NULL;
}

int
pattern_match_values(const models *m, const pattern *p, const char *s, size_t len,
    size_t start, size_t *ms, size_t *me, size_t *vs, size_t *ve, int maxv, int *nvals)
{
	static const char *const names[] = {"v", "v2", "v3", "v4"};
	pcre2_match_data *md;
	PCRE2_SIZE *ov;
	int rc, g, i, nv = 0;

	if (len > m->max_subject)
		len = m->max_subject;
	if (start > len)
		return 0;
	md = pcre2_match_data_create_from_pattern(p->re, NULL);
	if (!md)
		die(EX_SOFTWARE, NULL, "out of memory");
	rc = pcre2_match(p->re, (PCRE2_SPTR)s, len, start, 0, md, m->mctx);
	if (rc < 0) {
		pcre2_match_data_free(md);
		return rc == PCRE2_ERROR_NOMATCH ? 0 : -1;
	}
	ov = pcre2_get_ovector_pointer(md);
	*ms = ov[0];
	*me = ov[1];
	for (i = 0; i < 4 && nv < maxv; i++) {
		g = pcre2_substring_number_from_name(p->re, (PCRE2_SPTR)names[i]);
		if (g > 0 && g < rc && ov[2 * g] != PCRE2_UNSET && ov[2 * g + 1] > ov[2 * g]) {
			vs[nv] = ov[2 * g];
			ve[nv++] = ov[2 * g + 1];
		} else if (i == 0 && g <= 0) {
			/* No group v: the whole match is the value. */
			vs[nv] = *ms;
			ve[nv++] = *me;
			break;
		}
	}
	pcre2_match_data_free(md);
	*nvals = nv;
	return 1;
}

int
pattern_match(const models *m, const pattern *p, const char *s, size_t len,
    size_t start, size_t *ms, size_t *me, size_t *vs, size_t *ve)
{
	size_t a[4], b[4];
	int nv, rc = pattern_match_values(m, p, s, len, start, ms, me, a, b, 4, &nv);

	if (rc != 1)
		return rc;
	/* The span from the first piece to the last; an empty value is the
	 * empty span at the end of the match. */
	*vs = nv ? a[0] : *me;
	*ve = nv ? b[nv - 1] : *me;
	return 1;
}

static void
parse_box(xmlNodePtr n, int b[4])
{
	char *v = xml_get(n, "b");

	b[0] = b[1] = b[2] = b[3] = 0;
	if (v && sscanf(v, "%d %d %d %d", &b[0], &b[1], &b[2], &b[3]) != 4)
		b[0] = b[1] = b[2] = b[3] = 0;
	free(v);
}

/* How many letters and digits does s hold (*digits: how many digits)? */
static int
alnums(const char *s, int *digits)
{
	size_t i = 0, n = strlen(s), k;
	uint32_t c;
	int count = 0;

	*digits = 0;
	for (; i < n; i += k ? k : 1)
		if ((k = utf8_decode(s + i, n - i, &c)) && cp_alnum(c)) {
			count++;
			*digits += c >= '0' && c <= '9';
		}
	return count;
}

/*
 * A word read from a speck: letters or digits in a box under an eighth of
 * its line's height, no letter's size.  A rule under a form's line came
 * out as "о" a pixel tall after a name (КИРИЛЛО for КИРИЛЛ, eval seed
 * 100015), or as "ира", "ой".  Two digits or more are real text whose box
 * Tesseract gave as its underline's ("_12" of "Дата выдачи _12 июня",
 * seed 100029).  Boxes not given (all zero) say nothing.
 */
static int cmp_int(const void *a, const void *b);

static int
speck_word(const int wb[4], const int lb[4], int across, const char *s)
{
	/* Across the line: its height, or its width when the line runs
	 * down the page (a page turned a quarter: the boxes are the scan's,
	 * eval seed 100026 lost "AB" of a title so). */
	int lw = lb[2] - lb[0], lh = lb[3] - lb[1], down = lh > lw;
	int wt = down ? wb[2] - wb[0] : wb[3] - wb[1], lt = down ? lw : lh, digits;

	if (across > 0 && across < lt)
		lt = across;
	return wb[2] > wb[0] && lt > 0 && wt >= 0 && 8 * wt < lt && alnums(s, &digits) > 0 &&
	    digits < 2;
}

/*
 * Twice the size across the line of the second tallest word (letters or
 * digits) of a line of three such words or more, 0 for fewer: the
 * line's size for telling specks, when smaller than its box.  One tall
 * word (a signature's stroke read as "a", 351 pixels tall on a line of
 * 50, eval seed 100041) makes the line's box no measure of its letters:
 * "no" of "has no criminal record" went for a speck.  (A median would
 * not do: specks can be most of a line's words, "Фамилия Е ФЕДОРОВИЧ СН
 * г" on eval seed 100021.)
 */
static int
line_word_size(xmlNodePtr line, const int lb[4])
{
	int sizes[64], n = 0, down = lb[3] - lb[1] > lb[2] - lb[0], wb[4];
	xmlNodePtr w;

	for (w = xml_child(line, "w"); w && n < 64; w = xml_next(w, "w")) {
		char *t = xml_content(w);
		int digits;

		parse_box(w, wb);
		/* rules read as bars ("|") are no words */
		if (wb[2] > wb[0] && alnums(t, &digits) > 0)
			sizes[n++] = down ? wb[2] - wb[0] : wb[3] - wb[1];
		free(t);
	}
	if (n < 3)
		return 0;
	qsort(sizes, (size_t)n, sizeof *sizes, cmp_int);
	return 2 * sizes[n - 2];
}

/* Is s[from..to) all ASCII capitals? */
static int
ascii_capitals(const char *s, size_t from, size_t to)
{
	for (; from < to; from++)
		if (s[from] < 'A' || s[from] > 'Z')
			return 0;
	return 1;
}

/*
 * A word of Latin capitals ending in "!": the ! is an I misread (KARIM!
 * for KARIMI, eval seed 100045; a name in capitals never ends in an
 * exclamation mark).  Only a word all ASCII capitals: "КОВАЛ! EBA" for
 * КОВАЛЁВА (seed 100043) is no Latin name.  So is a small l before three
 * capitals or more ("lURKEVICH" for IURKEVICH, seed 100063): no word is
 * written so.  In place.
 */
static void
latin_capital_i(char *s)
{
	size_t n = strlen(s);

	if (n >= 4 && s[0] == 'l' && ascii_capitals(s, 1, n))
		s[0] = 'I';
	if (n >= 3 && s[n - 1] == '!' && ascii_capitals(s, 0, n - 1))
		s[n - 1] = 'I';
}

/* Does s start with a capital: A-Z, or Cyrillic Ё-Я? */
static int
is_capital_at(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	/* A-Z; Cyrillic capitals Ё-Я (U+0401-U+042F, UTF-8 D0 81-AF) */
	return (u[0] >= 'A' && u[0] <= 'Z') || (u[0] == 0xD0 && u[1] >= 0x81 && u[1] <= 0xAF);
}

/* Letters (code points) of text[a..b) when it ends in two or more
 * letters: a word's start up to b, or its last letters. */
static size_t
letters_ending(const char *text, size_t a, size_t b)
{
	size_t n = 0, i;

	for (i = b; i > a; i--) {
		unsigned char c = (unsigned char)text[i - 1];

		if (c >= 0x80 && c < 0xC0)
			continue;   /* inside a code point */
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0xC0))
			break;
		n++;
	}
	return n;
}

/*
 * Does a word starting s go on the one that ends text[0..len): the two
 * halves of a double name split beside its hyphen, a word of two letters
 * or more ending in a letter and a hyphen before a capital, or ending in
 * a letter before a hyphen and a capital ("АТ- HASSAN Fatima", "AL
 * -HASSAN" for AL-HASSAN, eval seeds 100048, 100049: the surname
 * otherwise is АТ or AL).  Not after one letter: "г- Гомель" is "г.".
 */
static int
hyphen_joins(const char *text, size_t len, const char *s)
{
	size_t w = len;

	while (w > 0 && text[w - 1] != ' ' && text[w - 1] != '\n')
		w--;
	if (len > w && text[len - 1] == '-')
		return letters_ending(text, w, len - 1) >= 2 && is_capital_at(s);
	return letters_ending(text, w, len) >= 2 && s[0] == '-' && is_capital_at(s + 1);
}

/* Is byte c the first of a two-byte Cyrillic letter (U+0400-U+047F)? */
static int
cyrillic_lead(unsigned char c)
{
	return c == 0xD0 || c == 0xD1;
}

/*
 * Does a word starting s, boxed wb, go on the Cyrillic one that ends
 * text[0..len), boxed pb: it starts with an apostrophe and a Cyrillic
 * letter and follows within a quarter of the word's height.  OCR splits
 * Belarusian names at the apostrophe ("ЮР 'ЕЎНА" for ЮР'ЕЎНА, 6 pixels
 * apart at 49 high, eval seed 100060; "МАР 'ИЯ", seed 100059), and the
 * name was cut to ЮР; a word in quotes stands a blank's width apart.
 */
static int
apostrophe_joins(const char *text, size_t len, const int *pb, const char *s, const int *wb)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t k = u[0] == '\'' ? 1 : strncmp(s, "’", 3) == 0 ? 3 : 0;

	if (k == 0 || len < 2 || !cyrillic_lead(u[k]) ||
	    !cyrillic_lead((unsigned char)text[len - 2]))
		return 0;
	return wb[0] - pb[2] <= (pb[3] - pb[1]) / 4;
}

/* Append one line's words to pt (a space between words, none at the end;
 * none after a hyphen hyphen_joins() takes either, nor before an
 * apostrophe apostrophe_joins() takes). */
static void
add_line(page_text *pt, xmlNodePtr page, xmlNodePtr line, size_t *cap, size_t *wcap,
    int *first)
{
	xmlNodePtr w;
	int lb[4], across, in_line = 0;

	parse_box(line, lb);
	across = line_word_size(line, lb);
	for (w = xml_child(line, "w"); w; w = xml_next(w, "w")) {
		char *s = xml_content(w);
		size_t n = strlen(s);
		word_ref *wr;
		int wb[4];

		parse_box(w, wb);
		if (n == 0 || speck_word(wb, lb, across, s)) {
			free(s);
			continue;
		}
		latin_capital_i(s);
		while (pt->len + n + 3 > *cap)
			pt->text = xrealloc(pt->text, *cap *= 2);
		/* in_line: the last word of pt is the one before, on this line */
		if (!*first && !(in_line && (hyphen_joins(pt->text, pt->len, s) ||
		    apostrophe_joins(pt->text, pt->len, pt->words[pt->nwords - 1].b, s, wb))))
			pt->text[pt->len++] = ' ';
		*first = 0;
		if (pt->nwords == *wcap)
			pt->words = xrealloc(pt->words, (*wcap *= 2) * sizeof *pt->words);
		wr = &pt->words[pt->nwords++];
		wr->start = pt->len;
		memcpy(pt->text + pt->len, s, n);
		pt->len += n;
		wr->end = pt->len;
		wr->page = page;
		wr->conf = xml_get_num(w, "c", 0);
		wr->node = w;
		memcpy(wr->b, wb, sizeof wr->b);
		free(s);
		in_line = 1;
	}
}

typedef struct {
	xmlNodePtr node;
	int b[4];
	size_t row;
} line_box;

static int
cmp_line_y(const void *a, const void *b)
{
	const line_box *x = a, *y = b;
	int cx = x->b[1] + x->b[3], cy = y->b[1] + y->b[3];

	return cx != cy ? (cx < cy ? -1 : 1) : (x->b[0] - y->b[0]);
}

static int
cmp_line_row(const void *a, const void *b)
{
	const line_box *x = a, *y = b;

	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return x->b[0] - y->b[0];
}

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* Three times the median line height of v[0..n): taller is no text line.
 * INT_MAX with fewer than three lines. */
static int
tall_line(const line_box *v, size_t n)
{
	int *h, m;
	size_t i;

	if (n < 3)
		return INT_MAX;
	h = xmalloc(n * sizeof *h);
	for (i = 0; i < n; i++)
		h[i] = v[i].b[3] - v[i].b[1];
	qsort(h, n, sizeof *h, cmp_int);
	m = h[n / 2];
	free(h);
	return 3 * (m > 1 ? m : 1);
}

/*
 * The lines of a page in reading order by their boxes: lines whose
 * vertical extents overlap by more than a third of the smaller height
 * share a row, left to right.  Tesseract sometimes reads a column of
 * labels and then the column of their values; this puts each value back
 * after its label.  (Half was too strict: a given name printed higher
 * than its small label overlapped it by exactly half, eval seed 100015;
 * lines of text one under the other do not overlap at all.)
 */
static size_t
page_rows(xmlNodePtr page, line_box **out)
{
	xmlNodePtr l;
	line_box *v = NULL;
	size_t n = 0, cap = 0, i, row = 0;
	int top = 0, bottom = -1, tall;

	for (l = xml_child(page, "line"); l; l = xml_next(l, "line")) {
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			v = xrealloc(v, cap * sizeof *v);
		}
		v[n].node = l;
		parse_box(l, v[n].b);
		n++;
	}
	if (n)
		qsort(v, n, sizeof *v, cmp_line_y);
	tall = tall_line(v, n);
	for (i = 0; i < n; i++) {
		int h = v[i].b[3] - v[i].b[1], rh = bottom - top;

		/* A border or a stamp read as a line, many lines tall, would
		 * join every row it spans: it goes after the rows. */
		if (h > tall) {
			v[i].row = (size_t)-1;
			continue;
		}
		int ov = (v[i].b[3] < bottom ? v[i].b[3] : bottom) -
		    (v[i].b[1] > top ? v[i].b[1] : top);
		int small = h < rh ? h : rh;

		if (i == 0 || small <= 0 || 3 * ov <= small) {
			row++;
			top = v[i].b[1];
			bottom = v[i].b[3];
		} else {
			if (v[i].b[1] < top)
				top = v[i].b[1];
			if (v[i].b[3] > bottom)
				bottom = v[i].b[3];
		}
		v[i].row = row;
	}
	if (n)
		qsort(v, n, sizeof *v, cmp_line_row);
	*out = v;
	return n;
}

/*
 * Do two lines of one row, a left of b, hold pieces of one word?  Their
 * gap is under a fifth of the line height (a blank between words is a
 * third or more).  Tesseract now and then reads a line of a form letter
 * by letter, each a line of its own ("С обс Т венно е и м Я М А Р И Я").
 */
static int
same_word(const line_box *a, const line_box *b)
{
	int ha = a->b[3] - a->b[1], hb = b->b[3] - b->b[1];
	int h = ha < hb ? ha : hb, gap = b->b[0] - a->b[2];

	return h > 0 && gap >= -h / 4 && 5 * gap < h;
}

/*
 * A line of one word of a letter or two whose ink is half or more inside
 * a word of another line: the same ink read twice.  The "у" of
 * "судимости" came out again as a line of its own, between "...
 * информационный центр не" and "располагает." (eval seed 100045), and
 * the "no record" wording was not found.  Such a line is no text.
 */
static int
echo_line(xmlNodePtr page, xmlNodePtr line)
{
	xmlNodePtr w = xml_child(line, "w"), l, o;
	char *t;
	int wb[4], ob[4], n, digits, area;

	if (!w || xml_next(w, "w"))
		return 0;
	t = xml_content(w);
	n = alnums(t, &digits);
	free(t);
	parse_box(w, wb);
	area = (wb[2] - wb[0]) * (wb[3] - wb[1]);
	if (n < 1 || n > 2 || digits > 1 || area <= 0)
		return 0;
	for (l = xml_child(page, "line"); l; l = xml_next(l, "line")) {
		if (l == line)
			continue;
		for (o = xml_child(l, "w"); o; o = xml_next(o, "w")) {
			int x0, y0, x1, y1;

			parse_box(o, ob);
			x0 = wb[0] > ob[0] ? wb[0] : ob[0];
			y0 = wb[1] > ob[1] ? wb[1] : ob[1];
			x1 = wb[2] < ob[2] ? wb[2] : ob[2];
			y1 = wb[3] < ob[3] ? wb[3] : ob[3];
			if (x1 > x0 && y1 > y0 && 2 * (x1 - x0) * (y1 - y0) >= area)
				return 1;
		}
	}
	return 0;
}

static void
build(page_text *pt, xmlNodePtr *pages, size_t npages, int rows)
{
	size_t cap = 4096, wcap = 256, i, k;
	xmlNodePtr line;

	memset(pt, 0, sizeof *pt);
	pt->text = xmalloc(cap);
	pt->words = xmalloc(wcap * sizeof *pt->words);
	for (i = 0; i < npages; i++) {
		if (rows) {
			line_box *lb;
			size_t n = page_rows(pages[i], &lb);

			int skipped_first = 0;

			for (k = 0; k < n; k++) {
				int first = k == 0 || lb[k].row != lb[k - 1].row ||
				    same_word(&lb[k - 1], &lb[k]) || skipped_first;
				int echo = echo_line(pages[i], lb[k].node);

				/* a row's first line skipped: the next is first */
				skipped_first = echo && first;
				if (!echo)
					add_line(pt, pages[i], lb[k].node, &cap, &wcap, &first);
				if (pt->len + 2 > cap)
					pt->text = xrealloc(pt->text, cap *= 2);
				if (k + 1 == n || lb[k + 1].row != lb[k].row)
					pt->text[pt->len++] = '\n';
			}
			free(lb);
		} else {
			for (line = xml_child(pages[i], "line"); line; line = xml_next(line, "line")) {
				int first = 1;

				if (echo_line(pages[i], line))
					continue;
				add_line(pt, pages[i], line, &cap, &wcap, &first);
				if (pt->len + 2 > cap)
					pt->text = xrealloc(pt->text, cap *= 2);
				if (!first)
					pt->text[pt->len++] = '\n';
			}
		}
		if (pt->len + 2 > cap)
			pt->text = xrealloc(pt->text, cap *= 2);
		pt->text[pt->len++] = '\n';
	}
	pt->text[pt->len] = '\0';
	pt->fold = text_fold(pt->text, pt->len, &pt->map, &pt->foldlen);
}

void
page_text_build(page_text *pt, xmlNodePtr *pages, size_t npages)
{
	build(pt, pages, npages, 0);
}

void
page_text_build_rows(page_text *pt, xmlNodePtr *pages, size_t npages)
{
	build(pt, pages, npages, 1);
}

void
page_text_free(page_text *pt)
{
	free(pt->text);
	free(pt->fold);
	free(pt->map);
	free(pt->words);
	memset(pt, 0, sizeof *pt);
}

/* ---- features ------------------------------------------------------- */

static void
fs_add(featset *fs, char *f)
{
	if (fs->n == fs->cap) {
		fs->cap = fs->cap ? fs->cap * 2 : 256;
		fs->v = xrealloc(fs->v, fs->cap * sizeof *fs->v);
	}
	fs->v[fs->n++] = f;
}

void
featset_free(featset *fs)
{
	size_t i;

	for (i = 0; i < fs->n; i++)
		free(fs->v[i]);
	free(fs->v);
	memset(fs, 0, sizeof *fs);
}

/* Letters of the scripts our documents use (folded text is upper case). */
static int
feature_letter(uint32_t c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
	    (c >= 0x400 && c <= 0x52F);
}

/* A set of strings for de-duplicating n-grams (open addressing). */
typedef struct {
	char **slot;
	size_t n, cap;
} strset;

/* Add s (taking it) unless present; returns 1 when added, else frees s. */
static int
strset_add(strset *ss, char *s)
{
	size_t i;

	if (2 * (ss->n + 1) > ss->cap) {
		strset big = {xcalloc(ss->cap ? ss->cap * 2 : 1024, sizeof(char *)), 0,
		    ss->cap ? ss->cap * 2 : 1024};

		for (i = 0; i < ss->cap; i++)
			if (ss->slot[i])
				strset_add(&big, ss->slot[i]);
		free(ss->slot);
		*ss = big;
	}
	for (i = str_hash(s) & (ss->cap - 1); ss->slot[i]; i = (i + 1) & (ss->cap - 1))
		if (strcmp(ss->slot[i], s) == 0) {
			free(s);
			return 0;
		}
	ss->slot[i] = s;
	ss->n++;
	return 1;
}

void
page_features(const models *m, const page_text *pt, featset *fs)
{
	uint32_t *cp = xmalloc((pt->foldlen + 2) * sizeof *cp);
	size_t n = 0, i, k, t, ms, me, vs, ve;
	strset seen = {0};
	int len;

	memset(fs, 0, sizeof *fs);
	cp[n++] = ' ';
	for (i = 0; i < pt->foldlen;) {
		uint32_t c;
		size_t b = utf8_decode(pt->fold + i, pt->foldlen - i, &c);

		if (b == 0) {
			i++;
			continue;
		}
		i += b;
		if (c >= '0' && c <= '9')
			c = '#';
		else if (!feature_letter(c))
			c = ' ';
		if (c == ' ' && cp[n - 1] == ' ')
			continue;
		cp[n++] = c;
	}
	if (cp[n - 1] != ' ')
		cp[n++] = ' ';
	for (len = m->ngram_min; len <= m->ngram_max; len++)
		for (i = 0; i + (size_t)len <= n; i++) {
			char buf[8 * 4 + 1];
			size_t o = 0;

			for (k = i; k < i + (size_t)len; k++)
				o += utf8_encode(cp[k], buf + o);
			buf[o] = '\0';
			/* A lone space is no evidence. */
			if (o == 1 && buf[0] == ' ')
				continue;
			strset_add(&seen, xstrdup(buf));
		}
	/* The strings live in the set; hand them over. */
	for (i = 0; i < seen.cap; i++)
		if (seen.slot[i])
			fs_add(fs, seen.slot[i]);
	free(seen.slot);
	free(cp);
	for (t = 0; t < m->ntypes; t++) {
		const doc_type *dt = &m->types[t];

		for (k = 0; k < dt->ntitles; k++)
			if (pattern_match(m, &dt->titles[k], pt->fold, pt->foldlen, 0, &ms, &me,
			    &vs, &ve) == 1)
				fs_add(fs, xasprintf("@t:%s", dt->titles[k].id));
		for (k = 0; k < dt->ncues; k++)
			if (pattern_match(m, &dt->cues[k], pt->fold, pt->foldlen, 0, &ms, &me,
			    &vs, &ve) == 1)
				fs_add(fs, xasprintf("@c:%s", dt->cues[k].id));
	}
}

double
feature_value(const char *f, size_t n)
{
	if (f[0] == '@')
		return 1.0;
	return n ? 1.0 / sqrt((double)n) : 0;
}

/* ---- classification ------------------------------------------------- */

size_t
models_nclasses(const models *m)
{
	return m->nmodelled + 1;
}

const char *
models_class_name(const models *m, size_t i)
{
	return i < m->nmodelled ? m->types[i].name : "other";
}

size_t
models_class_index(const models *m, const char *name)
{
	size_t i, n = models_nclasses(m);

	for (i = 0; i < n; i++)
		if (strcmp(models_class_name(m, i), name) == 0)
			return i;
	return (size_t)-1;
}

void
models_decide(const models *m, page_class *v)
{
	size_t i, best = 0, second = 1;

	if (v->nclass < 2)
		return;
	if (v->p[1] > v->p[0])
		best = 1, second = 0;
	for (i = 2; i < v->nclass; i++) {
		if (v->p[i] > v->p[best]) {
			second = best;
			best = i;
		} else if (v->p[i] > v->p[second]) {
			second = i;
		}
	}
	v->type = models_class_name(m, best);
	v->confidence = v->p[best];
	v->runner_up = models_class_name(m, second);
	v->runner_conf = v->p[second];
	if (v->p[best] - v->p[second] < m->margin) {
		/* Two classes fit about equally well: a person decides.  The
		 * confidence is then how sure we are that it is undecided. */
		v->runner_up = models_class_name(m, best);
		v->runner_conf = v->p[best];
		v->type = "unknown";
		v->confidence = 1.0 - (v->p[best] - v->p[second]);
	}
}

/* 1 when one of dt's titles matches the text. */
static int
any_match(const models *m, const pattern *p, size_t n, const page_text *pt)
{
	size_t i, ms, me, vs, ve;

	for (i = 0; i < n; i++)
		if (pattern_match(m, &p[i], pt->fold, pt->foldlen, 0, &ms, &me, &vs, &ve) == 1)
			return 1;
	return 0;
}

static int
has_title(const models *m, const doc_type *dt, const page_text *pt)
{
	return any_match(m, dt->titles, dt->ntitles, pt);
}

/* The trained model: probabilities of the output classes in v->p, and
 * the most probable class of its own in v->kind. */
static void
clf_classify(const models *m, const page_text *pt, page_class *v)
{
	const classifier *c = m->clf;
	featset fs;
	double *score = xcalloc(c->nfine, sizeof *score), max, sum = 0;
	size_t i, j, best = 0;

	page_features(m, pt, &fs);
	for (i = 0; i < fs.n; i++) {
		long f = clf_find(c, fs.v[i]);
		double x = feature_value(fs.v[i], fs.n);

		if (f >= 0)
			for (j = 0; j < c->nfine; j++)
				score[j] += x * c->w[(size_t)f * c->nfine + j];
	}
	for (j = 0; j < c->nfine; j++) {
		score[j] += c->bias[j];
		if (score[j] > score[best])
			best = j;
	}
	max = score[best];
	for (j = 0; j < c->nfine; j++)
		sum += (score[j] = exp(score[j] - max));
	for (j = 0; j < c->nfine; j++)
		v->p[c->out[j]] += score[j] / sum;
	v->kind = c->fine[best];
	free(score);
	featset_free(&fs);
}

/*
 * Without a classifier: a type's score is the sum of the weights of its
 * matching titles and cues, and the probabilities a softmax over them with
 * "other" standing at min_score.
 */
static void
rule_classify(const models *m, const page_text *pt, page_class *v)
{
	double score[MODEL_MAX_CLASSES], sum = 0, best = m->min_score;
	size_t t, i, ms, me, vs, ve, nc = models_nclasses(m), kind = (size_t)-1;

	for (t = 0; t < nc; t++)
		score[t] = 0;
	score[m->nmodelled] = m->min_score;
	for (t = 0; t < m->ntypes; t++) {
		const doc_type *dt = &m->types[t];
		double s = 0;

		for (i = 0; i < dt->ntitles; i++)
			if (pattern_match(m, &dt->titles[i], pt->fold, pt->foldlen, 0, &ms, &me,
			    &vs, &ve) == 1)
				s += dt->titles[i].weight;
		for (i = 0; i < dt->ncues; i++)
			if (pattern_match(m, &dt->cues[i], pt->fold, pt->foldlen, 0, &ms, &me,
			    &vs, &ve) == 1)
				s += dt->cues[i].weight;
		if (dt->modelled) {
			score[t] = s;
		} else if (s > score[m->nmodelled]) {
			score[m->nmodelled] = s;
		}
		if (s > best) {
			best = s;
			kind = t;
		}
	}
	for (t = 0; t < nc; t++)
		sum += (score[t] = exp((score[t] - best) / 3.0));
	for (t = 0; t < nc; t++)
		v->p[t] = score[t] / sum;
	if (kind != (size_t)-1 && !m->types[kind].modelled)
		v->kind = m->types[kind].name;
}

/* The two likeliest classes of unknown page v: best (its runner-up) and
 * second.  0 when there are not two. */
static int
undecided_pair(const models *m, const page_class *v, size_t *best, size_t *second)
{
	size_t i;

	*best = models_class_index(m, v->runner_up);
	*second = v->nclass;
	if (*best >= v->nclass)
		return 0;
	for (i = 0; i < v->nclass; i++)
		if (i != *best && (*second == v->nclass || v->p[i] > v->p[*second]))
			*second = i;
	return *best < v->nclass && *second < v->nclass;
}

/* Unknown page v becomes class k, the likelier other of best and second
 * its runner-up. */
static void
settle(const models *m, page_class *v, size_t k, size_t best, size_t second)
{
	size_t other = k == best ? second : best;

	v->type = models_class_name(m, k);
	v->confidence = v->p[k];
	v->runner_up = models_class_name(m, other);
	v->runner_conf = v->p[other];
}

/* When the likeliest class of unknown page v (its runner-up) is a
 * modelled type and the page has a sequel line of it, v takes that type,
 * the next likeliest class becoming the runner-up. */
static void
take_sequel(const models *m, const page_text *pt, page_class *v)
{
	size_t t, best, second;

	if (!undecided_pair(m, v, &best, &second))
		return;
	for (t = 0; t < m->ntypes; t++) {
		const doc_type *dt = &m->types[t];

		if (dt->modelled && strcmp(dt->name, v->runner_up) == 0 &&
		    any_match(m, dt->sequels, dt->nsequels, pt)) {
			settle(m, v, best, best, second);
			v->sequel = 1;
			v->decided_by = "sequel";
			return;
		}
	}
}

/*
 * When unknown page v carries the title of one type and of no other (of
 * the distractors' neither), and that type is a modelled one among the two
 * likeliest classes, v is of that type and starts a document.  A
 * Belarusian birth certificate under a seal whose noise read as words was
 * undecided between itself and other (eval seed 100033: a false
 * missing-document).
 */
static void
take_title(const models *m, const page_text *pt, page_class *v)
{
	size_t t, best, second, k, titled = m->ntypes;

	if (!undecided_pair(m, v, &best, &second))
		return;
	for (t = 0; t < m->ntypes; t++)
		if (has_title(m, &m->types[t], pt)) {
			if (titled < m->ntypes)
				return;
			titled = t;
		}
	if (titled == m->ntypes || !m->types[titled].modelled)
		return;
	k = models_class_index(m, m->types[titled].name);
	if (k == best || k == second) {
		settle(m, v, k, best, second);
		v->starts = 1;
		v->decided_by = "title";
	}
}

/*
 * Classify one page of an intake-ocr stream.  Pattern limits count as no
 * match: classification never stalls on hostile text.
 */
page_class
classify_page(const models *m, xmlNodePtr page)
{
	page_class v;
	page_text pt;
	char *status = xml_get(page, "status");
	size_t t;

	memset(&v, 0, sizeof v);
	v.type = "unknown";
	v.runner_up = "other";
	v.nclass = models_nclasses(m);
	v.starts = 1;
	page_text_build(&pt, &page, 1);
	if (status && (strcmp(status, "empty") == 0 ||
	    (strcmp(status, "ok") == 0 && pt.nwords == 0))) {
		/* A blank page (the back of a sheet): none of the types, and
		 * nothing on it to check.  Were it a certificate the OCR could
		 * not read, its type would be missing from the case, which the
		 * rules report; it can never make a case complete. */
		v.type = "other";
		v.kind = "blank";
		v.confidence = 0.5;
		v.runner_up = "unknown";
		v.p[m->nmodelled] = 1.0;
		free(status);
		page_text_free(&pt);
		return v;
	}
	if (!status || strcmp(status, "ok") != 0) {
		/* Not read at all: a person looks at it. */
		free(status);
		page_text_free(&pt);
		return v;
	}
	free(status);
	v.readable = 1;
	if (m->clf)
		clf_classify(m, &pt, &v);
	else
		rule_classify(m, &pt, &v);
	models_decide(m, &v);
	/* A page starts a document when it carries a title of what it is: of
	 * its type, or of any distractor when it is "other". */
	v.starts = 0;
	for (t = 0; t < m->ntypes && !v.starts; t++) {
		const doc_type *dt = &m->types[t];
		int mine = dt->modelled ? strcmp(dt->name, v.type) == 0 :
		    strcmp(v.type, "other") == 0;

		if (mine && has_title(m, dt, &pt))
			v.starts = 1;
		else if (mine && dt->modelled && any_match(m, dt->sequels, dt->nsequels, &pt))
			v.sequel = 1;
	}
	/* Undecided between classes, a page that says it continues a
	 * document of the likeliest one is of that type: "Продолжение
	 * медицинской справки" over a conclusion OCR read badly (eval seed
	 * 100028). */
	if (strcmp(v.type, "unknown") == 0)
		take_title(m, &pt, &v);
	if (strcmp(v.type, "unknown") == 0)
		take_sequel(m, &pt, &v);
	if (strcmp(v.type, "unknown") == 0)
		v.starts = 1;
	page_text_free(&pt);
	return v;
}
