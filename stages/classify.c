/*
 * intake-classify - group OCR'd pages into typed documents.
 *
 * Reads an intake stream from intake-ocr (a file or stdin), classifies
 * every page with the trained classifier and the titles and cues of
 * models/documents.xml, and writes the stream back with the pages moved,
 * in input order, into <document> elements.  A page with a title of its
 * type starts a new document; a page without one continues the document
 * before it when it is of the same type (a second page, even in another
 * file) or comes from the same file and fits that type fairly well.  A
 * page that cannot be read, has no text, or could be two types about
 * equally well becomes a document of type "unknown", which sends the case
 * to a person.  A document's confidence combines its pages' evidence; its
 * runner-up is the next most probable class.
 *
 * It does not extract fields (intake-extract) or judge the case
 * (intake-validate).  It never guesses: "other" means the page is
 * confidently none of the types the rules care about (its kind, when the
 * classifier knows it, is recorded: kind="passport").
 */
#include "intake.h"

#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
"usage: intake-classify [-m MODELS] [STREAM]\n"
"\n"
"Group the pages of an intake-ocr stream into typed documents.\n"
"Reads STREAM (default: standard input), writes the stream to stdout.\n"
"\n"
"  -m DIR   models directory (default: $INTAKE_MODELS or <bin>/../models)\n"
"\n"
"Exit status: 0 done, 2 usage, 3 unusable input stream or models.\n";

/* A page that could belong to the document before it (same file, no title
 * of its own) joins it when it gives that document's type at least this
 * probability: a second page that looks less like its first. */
#define JOIN_FLOOR 0.1
/* Page probabilities are combined as independent evidence, floored so
 * one near-zero page cannot veto the rest. */
#define P_FLOOR 1e-4

/* The document being built: its element, the class its pages agree on and
 * the sum of their log-probabilities per class. */
typedef struct {
	xmlNodePtr node, last_page;
	size_t cls;          /* output class, or (size_t)-1 for unknown */
	const char *kind;
	double logp[MODEL_MAX_CLASSES];
	size_t npages;
	int sequel;          /* its first page says it continues a document */
	int first_of_class;  /* no document of its class came before it */
} building;

static void
add_page(building *b, const page_class *v, xmlNodePtr page)
{
	size_t i;

	xmlAddChild(b->node, page);
	b->last_page = page;
	b->npages++;
	for (i = 0; i < v->nclass; i++)
		b->logp[i] += log(v->p[i] > P_FLOOR ? v->p[i] : P_FLOOR);
}

/* Write the document's confidence and runner-up from its pages' evidence. */
static void
finish(const models *m, building *b)
{
	size_t i, n = models_nclasses(m), second = (size_t)-1;
	double max = -INFINITY, sum = 0, p[MODEL_MAX_CLASSES] = {0};

	if (!b->node)
		return;
	if (b->cls >= n) {
		b->node = NULL;
		return;
	}
	for (i = 0; i < n; i++)
		if (b->logp[i] > max)
			max = b->logp[i];
	for (i = 0; i < n; i++)
		sum += (p[i] = exp(b->logp[i] - max));
	for (i = 0; i < n; i++) {
		p[i] /= sum;
		if (i != b->cls && (second == (size_t)-1 || p[i] > p[second]))
			second = i;
	}
	xml_setf(b->node, "confidence", "%.2f", p[b->cls]);
	if (second != (size_t)-1) {
		xml_set(b->node, "runner-up", models_class_name(m, second));
		xml_setf(b->node, "runner-up-confidence", "%.2f", p[second]);
	}
	b->node = NULL;
}

/*
 * Finish b, except that a document of a checked type whose first page says
 * it continues one ("Продолжение медицинской справки …") and that has no
 * document of its class before it is kept open in sequel[]: its first
 * page may come later, in a file named after it ("Скан 4.jpg" after
 * "05_medspravka.jpg", eval seed 100015), and is then put before it.
 */
static void
finish_keeping_sequel(const models *m, building *b, building *sequel, int *seen,
    xmlNodePtr *last)
{
	if (!b->node)
		return;
	if (b->cls < MODEL_MAX_CLASSES) {
		if (b->sequel && b->first_of_class && b->cls + 1 < models_nclasses(m) &&
		    !sequel[b->cls].node) {
			sequel[b->cls] = *b;
			b->node = NULL;
			seen[b->cls] = 1;
			return;
		}
		seen[b->cls] = 1;
		if (b->cls + 1 < models_nclasses(m))
			last[b->cls] = b->node;
	}
	finish(m, b);
}

static void
new_document(const models *m, xmlNodePtr root, int id, const page_class *v,
    xmlNodePtr page, building *b)
{
	xmlNodePtr d = xmlNewChild(root, NULL, BAD_CAST "document", NULL);

	xml_setf(d, "id", "d%d", id);
	xml_set(d, "type", v->type);
	if (v->kind && strcmp(v->type, "other") == 0)
		xml_set(d, "kind", v->kind);
	xml_setf(d, "confidence", "%.2f", v->confidence);
	xml_set(d, "runner-up", v->runner_up);
	xml_setf(d, "runner-up-confidence", "%.2f", v->runner_conf);
	/* The model could not tell it from the runner-up; its title or
	 * sequel line did (for the auditor). */
	if (v->decided_by)
		xml_set(d, "decided-by", v->decided_by);
	memset(b, 0, sizeof *b);
	b->node = d;
	b->cls = models_class_index(m, v->type);
	b->kind = v->kind;
	add_page(b, v, page);
}

static int
same_file(xmlNodePtr a, xmlNodePtr b)
{
	char *fa = xml_get(a, "file"), *fb = xml_get(b, "file");
	int same = fa && fb && strcmp(fa, fb) == 0;

	free(fa);
	free(fb);
	return same;
}

/*
 * Does page (classified v) continue the document being built?  Never when
 * it carries a title of its own.  Yes when it is of the same type (for
 * "other", the same kind of paper or the same file), or when it comes from
 * the same file and gives that type a fair probability.
 */
static int
continues(const models *m, const building *b, const page_class *v, xmlNodePtr page)
{
	int file;

	if (!b->node || b->cls == (size_t)-1 || v->starts || !v->readable)
		return 0;
	file = same_file(page, b->last_page);
	if (b->cls < v->nclass && v->p[b->cls] >= JOIN_FLOOR && file)
		return 1;
	if (strcmp(v->type, "unknown") == 0 || b->cls != models_class_index(m, v->type))
		return 0;
	if (b->cls + 1 == v->nclass)     /* other */
		return file || (v->kind && b->kind && strcmp(v->kind, b->kind) == 0);
	return 1;
}

/*
 * The number a continuation page gives for its certificate: the first
 * word of three digits or more on its first line ("Продолжение
 * медицинской справки № 5452 от 11.08.2026"), newly allocated; NULL when
 * there is none.
 */
static char *
sequel_number(xmlNodePtr page)
{
	xmlNodePtr l = xml_child(page, "line"), w;

	for (w = l ? xml_child(l, "w") : NULL; w; w = xml_next(w, "w")) {
		char *t = xml_content(w);
		size_t n = strspn(t, "0123456789");

		if (n >= 3 && t[n] == '\0')
			return t;
		free(t);
	}
	return NULL;
}

/* Does a page of document doc hold the word number? */
static int
document_says(xmlNodePtr doc, const char *number)
{
	xmlNodePtr page, l, w;

	for (page = xml_child(doc, "page"); page; page = xml_next(page, "page"))
		for (l = xml_child(page, "line"); l; l = xml_next(l, "line"))
			for (w = xml_child(l, "w"); w; w = xml_next(w, "w")) {
				char *t = xml_content(w);
				int same = strcmp(t, number) == 0;

				free(t);
				if (same)
					return 1;
			}
	return 0;
}

/*
 * A continuation page after other papers ("Продолжение медицинской
 * справки № 5452" in "Скан 3.jpg", a passport between it and
 * "02_medspravka.jpg", eval seed 100039) goes back to the last document
 * of its type when that one carries the same number; with no number, or
 * another, whose it is a person decides.
 */
static int
join_numbered_sequel(const page_class *v, xmlNodePtr page, xmlNodePtr last)
{
	char *number;
	int same;

	if (!v->sequel || v->starts || !last || !(number = sequel_number(page)))
		return 0;
	same = document_says(last, number);
	free(number);
	if (same)
		xmlAddChild(last, page);
	return same;
}

int
cmd_main(int argc, char **argv)
{
	const char *mdir = NULL, *input = "-";
	char *why = NULL;
	models *m;
	xmlDocPtr doc;
	xmlNodePtr root, page, next;
	size_t npages = 0;
	building cur, sequel[MODEL_MAX_CLASSES];
	xmlNodePtr last[MODEL_MAX_CLASSES] = {0};
	int c, ndoc = 0, seen[MODEL_MAX_CLASSES] = {0};

	memset(&cur, 0, sizeof cur);
	memset(sequel, 0, sizeof sequel);

	if (common_options(argc, argv, usage))
		return EX_OK;
	while ((c = getopt(argc, argv, "m:")) != -1) {
		switch (c) {
		case 'm':
			mdir = optarg;
			break;
		default:
			fputs(usage, errstream);
			return EX_USAGE;
		}
	}
	if (optind < argc)
		input = argv[optind++];
	if (optind < argc) {
		fputs(usage, errstream);
		return EX_USAGE;
	}
	m = models_load(mdir ? mdir : models_dir(), &why);
	if (!m)
		die(EX_BADINPUT, NULL, "%s", why);
	doc = stream_read(input);
	root = xmlDocGetRootElement(doc);
	for (page = xml_child(root, "page"); page; page = xml_next(page, "page"))
		npages++;
	if (npages >= MODELS_JIT_PAGES)
		models_jit(m);

	for (page = xml_child(root, "page"); page; page = next) {
		page_class v;
		size_t cls;

		next = xml_next(page, "page");
		v = classify_page(m, page);
		xmlUnlinkNode(page);
		if (continues(m, &cur, &v, page)) {
			add_page(&cur, &v, page);
			continue;
		}
		finish_keeping_sequel(m, &cur, sequel, seen, last);
		cls = models_class_index(m, v.type);
		if (cls < MODEL_MAX_CLASSES && join_numbered_sequel(&v, page, last[cls]))
			continue;
		if (v.starts && cls < MODEL_MAX_CLASSES && sequel[cls].node) {
			/* The first page of a document whose continuation came
			 * first: it goes before the continuation. */
			cur = sequel[cls];
			sequel[cls].node = NULL;
			xmlAddPrevSibling(xml_child(cur.node, "page"), page);
			cur.npages++;
			for (size_t i = 0; i < v.nclass; i++)
				cur.logp[i] += log(v.p[i] > P_FLOOR ? v.p[i] : P_FLOOR);
			cur.last_page = page;
			continue;
		}
		new_document(m, root, ++ndoc, &v, page, &cur);
		cur.sequel = v.sequel;          /* never with a title */
		if (cls < MODEL_MAX_CLASSES)
			cur.first_of_class = !seen[cls];
	}
	finish_keeping_sequel(m, &cur, sequel, seen, last);
	for (size_t i = 0; i < MODEL_MAX_CLASSES; i++)
		if (sequel[i].node) {
			building b = sequel[i];

			finish(m, &b);
		}
	xml_set(root, "stage", "classify");
	xml_set(root, "models", m->version);
	if (xml_write(doc, stdout) < 0)
		die(EX_FAIL, "standard output", "write error");
	xmlFreeDoc(doc);
	models_free(m);
	return EX_OK;
}
