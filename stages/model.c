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
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "intake.h"

#include <errno.h>
#include <math.h>
#include <libxml/tree.h>
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#define MATCH_LIMIT 200000u
#define DEPTH_LIMIT 2000u

static int
compile(pattern *p, xmlNodePtr node, char **why)
{
	int err;
	PCRE2_SIZE off;
	pcre2_code *re;
	char *w = xml_get(node, "weight");

	p->src = xml_content(node);
	p->line = node->line;
	p->value = xml_get(node, "value");
	p->weight = w ? strtod(w, NULL) : 1.0;
	free(w);
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
	/* JIT is an optimisation: without it (no JIT on this CPU) the
	 * interpreter runs under the same limits. */
	pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	p->re = re;
	return 0;
}

static int
compile_list(xmlNodePtr parent, const char *name, pattern **out, size_t *n,
    char **why)
{
	xmlNodePtr c;
	size_t count = 0, i = 0;

	for (c = xml_child(parent, name); c; c = xml_next(c, name))
		count++;
	*out = xcalloc(count, sizeof **out);
	*n = count;
	for (c = xml_child(parent, name); c; c = xml_next(c, name))
		if (compile(&(*out)[i++], c, why) < 0)
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
	}
	free(p);
}

models *
models_load(const char *dir, char **why)
{
	char *path = xasprintf("%s/documents.xml", dir);
	xmlDocPtr doc = xml_read(path, why);
	xmlNodePtr root, t;
	models *m = NULL;
	size_t nt = 0;
	char *reason = NULL;

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
	for (t = xml_child(root, "type"); t; t = xml_next(t, "type"))
		nt++;
	m->types = xcalloc(nt, sizeof *m->types);
	for (t = xml_child(root, "type"); t; t = xml_next(t, "type")) {
		doc_type *dt = &m->types[m->ntypes++];
		char *key = xml_get(t, "key");
		xmlNodePtr f;
		size_t nf = 0;

		dt->name = xml_get(t, "name");
		dt->key = key && strcmp(key, "yes") == 0;
		free(key);
		if (!dt->name) {
			*why = xasprintf("%s line %d: <type> without name", path, t->line);
			goto fail;
		}
		if (compile_list(t, "title", &dt->titles, &dt->ntitles, why) < 0 ||
		    compile_list(t, "cue", &dt->cues, &dt->ncues, why) < 0)
			goto fail;
		for (f = xml_child(t, "field"); f; f = xml_next(f, "field"))
			nf++;
		dt->fields = xcalloc(nf, sizeof *dt->fields);
		for (f = xml_child(t, "field"); f; f = xml_next(f, "field")) {
			field_model *fm = &dt->fields[dt->nfields++];
			char *req = xml_get(f, "required");

			fm->name = xml_get(f, "name");
			fm->kind = xml_get(f, "kind");
			fm->required = !req || strcmp(req, "no") != 0;
			free(req);
			if (!fm->name || !fm->kind) {
				*why = xasprintf("%s line %d: <field> needs name and kind",
				    path, f->line);
				goto fail;
			}
			if (compile_list(f, "match", &fm->pats, &fm->npats, why) < 0)
				goto fail;
		}
	}
	m->mctx = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(m->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(m->mctx, DEPTH_LIMIT);
	m->jit_stack = pcre2_jit_stack_create(32 * 1024, 512 * 1024, NULL);
	if (m->jit_stack)
		pcre2_jit_stack_assign(m->mctx, NULL, m->jit_stack);
	xmlFreeDoc(doc);
	free(path);
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
	models_free(m);
	return NULL;
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
pattern_match(const models *m, const pattern *p, const char *s, size_t len,
    size_t start, size_t *ms, size_t *me, size_t *vs, size_t *ve)
{
	pcre2_match_data *md;
	PCRE2_SIZE *ov;
	int rc, g;

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
	g = pcre2_substring_number_from_name(p->re, (PCRE2_SPTR) "v");
	if (g > 0 && g < rc && ov[2 * g] != PCRE2_UNSET) {
		*vs = ov[2 * g];
		*ve = ov[2 * g + 1];
	} else {
		*vs = *ms;
		*ve = *me;
	}
	pcre2_match_data_free(md);
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

void
page_text_build(page_text *pt, xmlNodePtr *pages, size_t npages)
{
	size_t cap = 4096, wcap = 256, i;
	xmlNodePtr line, w;

	memset(pt, 0, sizeof *pt);
	pt->text = xmalloc(cap);
	pt->words = xmalloc(wcap * sizeof *pt->words);
	for (i = 0; i < npages; i++) {
		for (line = xml_child(pages[i], "line"); line; line = xml_next(line, "line")) {
			int first = 1;

			for (w = xml_child(line, "w"); w; w = xml_next(w, "w")) {
				char *s = xml_content(w);
				size_t n = strlen(s);
				word_ref *wr;

				if (n == 0) {
					free(s);
					continue;
				}
				while (pt->len + n + 3 > cap)
					pt->text = xrealloc(pt->text, cap *= 2);
				if (!first)
					pt->text[pt->len++] = ' ';
				first = 0;
				if (pt->nwords == wcap)
					pt->words = xrealloc(pt->words, (wcap *= 2) * sizeof *pt->words);
				wr = &pt->words[pt->nwords++];
				wr->start = pt->len;
				memcpy(pt->text + pt->len, s, n);
				pt->len += n;
				wr->end = pt->len;
				wr->page = pages[i];
				wr->conf = xml_get_num(w, "c", 0);
				parse_box(w, wr->b);
				free(s);
			}
			if (!first)
				pt->text[pt->len++] = '\n';
		}
		if (pt->len + 2 > cap)
			pt->text = xrealloc(pt->text, cap *= 2);
		pt->text[pt->len++] = '\n';
	}
	pt->text[pt->len] = '\0';
	pt->fold = text_fold(pt->text, pt->len, &pt->map, &pt->foldlen);
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

/* How a page scored against one type. */
typedef struct {
	double score;
	int title;    /* a title pattern matched */
} type_score;


/* Words of text on the page, as a rough measure of how much there is. */
static size_t
count_words(const page_text *pt)
{
	return pt->nwords;
}

/*
 * Score every type on one page's folded text.  A limit hit inside a
 * pattern counts as no match: classification must never stall on text.
 */
static void
score_page(const models *m, const page_text *pt, type_score *sc)
{
	size_t t, i, ms, me, vs, ve;

	for (t = 0; t < m->ntypes; t++) {
		const doc_type *dt = &m->types[t];

		sc[t].score = 0;
		sc[t].title = 0;
		for (i = 0; i < dt->ntitles; i++)
			if (pattern_match(m, &dt->titles[i], pt->fold, pt->foldlen, 0,
			    &ms, &me, &vs, &ve) == 1) {
				sc[t].score += dt->titles[i].weight;
				sc[t].title = 1;
			}
		for (i = 0; i < dt->ncues; i++)
			if (pattern_match(m, &dt->cues[i], pt->fold, pt->foldlen, 0,
			    &ms, &me, &vs, &ve) == 1)
				sc[t].score += dt->cues[i].weight;
	}
}

/*
 * Share of the evidence: a softmax over the types' scores, with "none of
 * them" standing at min_score, so a lone strong title gives a confidence
 * near 1 and two close types each get about half.
 */
static double
share(const models *m, const type_score *sc, double score)
{
	double sum = exp(m->min_score / 3.0);
	size_t t;

	for (t = 0; t < m->ntypes; t++)
		if (sc[t].score > 0)
			sum += exp(sc[t].score / 3.0);
	return exp(score / 3.0) / sum;
}

static page_class
decide(const models *m, xmlNodePtr page, const type_score *sc, size_t nwords)
{
	page_class v = {"unknown", 0, "other", 0, 1};
	size_t t, best = (size_t)-1, second = (size_t)-1;
	char *status = xml_get(page, "status");
	int ok = status && strcmp(status, "ok") == 0;

	free(status);
	if (!ok || nwords == 0)
		return v;
	for (t = 0; t < m->ntypes; t++) {
		if (best == (size_t)-1 || sc[t].score > sc[best].score) {
			second = best;
			best = t;
		} else if (second == (size_t)-1 || sc[t].score > sc[second].score) {
			second = t;
		}
	}
	if (best == (size_t)-1 || sc[best].score < m->min_score) {
		/* No sign of any type: a continuation, or a document we do
		 * not model.  Too little text to say either way is unknown. */
		v.starts = 0;
		v.type = nwords >= 12 ? "other" : "unknown";
		v.confidence = nwords >= 12 ? 0.6 : 0.2;
		if (best != (size_t)-1 && sc[best].score > 0) {
			v.runner_up = m->types[best].name;
			v.runner_conf = share(m, sc, sc[best].score);
		}
		return v;
	}
	v.type = m->types[best].name;
	v.starts = sc[best].title || sc[best].score >= m->title_score;
	v.confidence = share(m, sc, sc[best].score);
	if (second != (size_t)-1 && sc[second].score > 0) {
		v.runner_up = m->types[second].name;
		v.runner_conf = share(m, sc, sc[second].score);
	}
	if (second != (size_t)-1 && sc[best].score - sc[second].score < m->margin) {
		/* Two types fit about equally well: a person decides. */
		v.runner_up = m->types[best].name;
		v.runner_conf = v.confidence;
		v.type = "unknown";
		v.confidence = v.confidence < 0.5 ? v.confidence : 0.5;
		v.starts = 1;
	}
	return v;
}

/*
 * Classify one page of an intake-ocr stream.  Pattern limits count as no
 * match: classification never stalls on hostile text.
 */
page_class
classify_page(const models *m, xmlNodePtr page)
{
	type_score *sc = xcalloc(m->ntypes ? m->ntypes : 1, sizeof *sc);
	page_text pt;
	page_class v;

	page_text_build(&pt, &page, 1);
	score_page(m, &pt, sc);
	v = decide(m, page, sc, count_words(&pt));
	page_text_free(&pt);
	free(sc);
	return v;
}
