/*
 * intake-classify - group OCR'd pages into typed documents.
 *
 * Reads an intake stream from intake-ocr (a file or stdin), classifies
 * every page with the title and cue patterns of models/documents.xml, and
 * writes the stream back with the pages moved, in input order, into
 * <document> elements.  A page whose title names a type starts a new
 * document; a page with no title that follows a document of the same file
 * continues it (a two-page certificate); a page that cannot be read, has
 * no text, or could be two types equally well becomes a document of type
 * "unknown", which sends the case to a person.
 *
 * It does not extract fields (intake-extract) or judge the case
 * (intake-validate).  It never guesses: "other" means the page carries no
 * sign of any type the rules care about.
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

/* How a page scored against one type. */
typedef struct {
	double score;
	int title;    /* a title pattern matched */
} type_score;

typedef struct {
	const char *type;      /* chosen type, or "other"/"unknown" */
	double confidence;
	const char *runner_up;
	double runner_conf;
	int starts;            /* starts a new document */
} verdict;

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

/* Map a score gap to (0,1): the same gap means the same certainty. */
static double
gap_confidence(double best, double second)
{
	double gap = best - (second > 0 ? second : 0);

	return 1.0 - exp(-gap / 6.0);
}

static verdict
decide(const models *m, xmlNodePtr page, const type_score *sc, size_t nwords)
{
	verdict v = {"unknown", 0, "other", 0, 1};
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
			v.runner_conf = gap_confidence(sc[best].score, 0) / 2;
		}
		return v;
	}
	v.type = m->types[best].name;
	v.starts = sc[best].title || sc[best].score >= m->title_score;
	v.confidence = gap_confidence(sc[best].score,
	    second == (size_t)-1 ? 0 : sc[second].score);
	if (second != (size_t)-1 && sc[second].score > 0) {
		v.runner_up = m->types[second].name;
		v.runner_conf = gap_confidence(sc[second].score, sc[best].score);
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

static xmlNodePtr
new_document(xmlNodePtr root, int id, const verdict *v)
{
	xmlNodePtr d = xmlNewChild(root, NULL, BAD_CAST "document", NULL);

	xml_setf(d, "id", "d%d", id);
	xml_set(d, "type", v->type);
	xml_setf(d, "confidence", "%.2f", v->confidence);
	xml_set(d, "runner-up", v->runner_up);
	xml_setf(d, "runner-up-confidence", "%.2f", v->runner_conf);
	return d;
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

int
cmd_main(int argc, char **argv)
{
	const char *mdir = NULL, *input = "-";
	char *why = NULL;
	models *m;
	xmlDocPtr doc;
	xmlNodePtr root, page, next, cur = NULL, last_page = NULL;
	type_score *sc;
	int c, ndoc = 0;

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
	sc = xcalloc(m->ntypes ? m->ntypes : 1, sizeof *sc);

	for (page = xml_child(root, "page"); page; page = next) {
		page_text pt;
		verdict v;

		next = xml_next(page, "page");
		page_text_build(&pt, &page, 1);
		score_page(m, &pt, sc);
		v = decide(m, page, sc, count_words(&pt));
		page_text_free(&pt);

		xmlUnlinkNode(page);
		/* A page with no title of its own continues the document before
		 * it when both come from the same file and that document was
		 * readable: the second page of a certificate. */
		if (!v.starts && cur && last_page && same_file(page, last_page)) {
			char *t = xml_get(cur, "type");
			int readable = t && strcmp(t, "unknown") != 0;

			free(t);
			if (readable) {
				xmlAddChild(cur, page);
				last_page = page;
				continue;
			}
		}
		cur = new_document(root, ++ndoc, &v);
		xmlAddChild(cur, page);
		last_page = page;
	}
	xml_set(root, "stage", "classify");
	xml_set(root, "models", m->version);
	if (xml_write(doc, stdout) < 0)
		die(EX_FAIL, "standard output", "write error");
	free(sc);
	xmlFreeDoc(doc);
	models_free(m);
	return EX_OK;
}
