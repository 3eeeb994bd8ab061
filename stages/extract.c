/*
 * intake-extract - read the fields of each classified document.
 *
 * Reads an intake stream from intake-classify, runs the field patterns of
 * the document's type (models/documents.xml) over the folded text of its
 * pages, normalises what they capture (dates to ISO 8601, names stripped
 * of labels and look-alike letters, numbers with their series) and adds a
 * <field> per value, with the file, page, box and OCR confidence it came
 * from.  A field the model expects but cannot read becomes <field-error>:
 * it is never guessed.  For fields whose value is a verdict on the person
 * (a conviction, a disease), two patterns that disagree make the field
 * unreadable rather than picking one.
 */
#include "intake.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
"usage: intake-extract [-m MODELS] [STREAM]\n"
"\n"
"Extract the fields of every classified document of an intake stream.\n"
"Reads STREAM (default: standard input), writes the stream to stdout.\n"
"\n"
"  -m DIR   models directory (default: $INTAKE_MODELS or <bin>/../models)\n"
"\n"
"Exit status: 0 done, 2 usage, 3 unusable input stream or models.\n";

int
cmd_main(int argc, char **argv)
{
	const char *mdir = NULL, *input = "-";
	char *why = NULL;
	models *m;
	xmlDocPtr doc;
	xmlNodePtr root, d, p;
	size_t npages = 0;
	int c;

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
	/* Fields need the patterns, not the page classifier: loading its
	 * 2 MB of weights was most of this program's time on a cached run. */
	m = models_load_untrained(mdir ? mdir : models_dir(), &why);
	if (!m)
		die(EX_BADINPUT, NULL, "%s", why);
	doc = stream_read(input);
	root = xmlDocGetRootElement(doc);
	for (d = xml_child(root, "document"); d; d = xml_next(d, "document"))
		for (p = xml_child(d, "page"); p; p = xml_next(p, "page"))
			npages++;
	if (npages >= MODELS_JIT_PAGES)
		models_jit(m);
	for (d = xml_child(root, "document"); d; d = xml_next(d, "document"))
		extract_document(m, d);
	xml_set(root, "stage", "extract");
	if (xml_write(doc, stdout) < 0)
		die(EX_FAIL, "standard output", "write error");
	xmlFreeDoc(doc);
	models_free(m);
	return EX_OK;
}
