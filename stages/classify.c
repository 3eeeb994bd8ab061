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

static xmlNodePtr
new_document(xmlNodePtr root, int id, const page_class *v)
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

	for (page = xml_child(root, "page"); page; page = next) {
		page_class v;

		next = xml_next(page, "page");
		v = classify_page(m, page);

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
	xmlFreeDoc(doc);
	models_free(m);
	return EX_OK;
}
