/*
 * intake-validate - turn an extracted stream into a judged case dossier.
 *
 * Reads the stream from intake-extract and the case manifest (case.xml),
 * builds the dossier of the contract (applicant as the clerk typed it,
 * documents with their pages and fields, without the OCR lines and words),
 * and judges it with the rules of models/procedures.xml (rules.c):
 * findings, the clerk's checklist and the verdict.  Writes the dossier to
 * stdout; intake-dossier checks it against the schema and publishes it.
 *
 * A case that cannot be judged at all (unknown procedure, a manifest that
 * is not XML or lacks the applicant's birth date) gets no dossier: the
 * program names the case and the problem and exits 3.
 */
#include "intake.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
"usage: intake-validate --case CASE.XML [-m MODELS] [--rules-date DATE] [STREAM]\n"
"\n"
"Judge the documents of an intake-extract stream against the procedure\n"
"named in CASE.XML and write the case dossier to stdout.\n"
"\n"
"  -c, --case FILE     the case manifest (required)\n"
"  -m DIR              models directory (default: $INTAKE_MODELS or <bin>/../models)\n"
"  -d, --rules-date D  apply the rules in force on D (YYYY-MM-DD) instead of\n"
"                      those in force on the submission date\n"
"  -i, --case-id ID    refuse a case.xml whose id is not ID (its folder's name)\n"
"\n"
"Exit status: 0 dossier written, 2 usage, 3 unusable case, stream or rules.\n";

static const struct option longopts[] = {
	{"case", required_argument, NULL, 'c'},
	{"rules-date", required_argument, NULL, 'd'},
	{"case-id", required_argument, NULL, 'i'},
	{NULL, 0, NULL, 0},
};

/* Copy the applicant's elements we know, cleaned, in the contract's order. */
static void
copy_applicant(xmlNodePtr dossier, xmlNodePtr src)
{
	static const char *const names[] = {
		"surname", "given-name", "patronymic", "birth-date", "citizenship",
	};
	xmlNodePtr a = xmlNewChild(dossier, NULL, BAD_CAST "applicant", NULL), c;
	size_t i;

	for (i = 0; i < sizeof names / sizeof *names; i++) {
		char *v;

		if (!(c = xml_child(src, names[i])))
			continue;
		v = xml_content(c);
		xml_text_child(a, names[i], v);
		free(v);
	}
	for (c = xml_child(src, "category"); c; c = xml_next(c, "category")) {
		char *v = xml_content(c);

		xml_text_child(a, "category", v);
		free(v);
	}
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Record what made this dossier: every input file and its digest, the
 * case manifest's digest, the models' digest, and the fingerprint the
 * driver compares to decide whether a case must be redone.
 */
static void
add_inputs(xmlNodePtr dossier, xmlNodePtr sroot, const char *case_path,
    const char *mdir)
{
	xmlNodePtr in = xmlNewChild(dossier, NULL, BAD_CAST "inputs", NULL), d, p;
	char **names = NULL, **shas = NULL, case_sha[65], models_sha[65], fp[65];
	char *lang = xml_get(sroot, "lang");
	size_t n = 0, cap = 0, i, k;

	for (d = xml_child(sroot, "document"); d; d = xml_next(d, "document"))
		for (p = xml_child(d, "page"); p; p = xml_next(p, "page")) {
			char *file = xml_get(p, "file"), *sha = xml_get(p, "sha256");

			for (k = 0; k < n && file && strcmp(names[k], file) != 0; k++)
				;
			if (!file || !sha || k < n) {
				free(file);
				free(sha);
				continue;
			}
			if (n == cap) {
				cap = cap ? cap * 2 : 8;
				names = xrealloc(names, cap * sizeof *names);
				shas = xrealloc(shas, cap * sizeof *shas);
			}
			names[n] = file;
			shas[n++] = sha;
		}
	/* Sort the pairs by name; n is small. */
	for (i = 1; i < n; i++)
		for (k = i; k > 0 && cmp_names(&names[k - 1], &names[k]) > 0; k--) {
			char *t = names[k];

			names[k] = names[k - 1];
			names[k - 1] = t;
			t = shas[k];
			shas[k] = shas[k - 1];
			shas[k - 1] = t;
		}
	if (file_sha256(case_path, case_sha) < 0)
		die(EX_BADINPUT, case_path, "cannot read: %s", strerror(errno));
	if (models_digest(mdir, models_sha) < 0)
		die(EX_BADINPUT, mdir, "cannot read the models: %s", strerror(errno));
	case_fingerprint(models_sha, lang, case_sha, names, shas, n, fp);
	xml_set(in, "fingerprint", fp);
	xml_set(in, "case-sha256", case_sha);
	xml_set(in, "models-sha256", models_sha);
	for (i = 0; i < n; i++) {
		xmlNodePtr e = xmlNewChild(in, NULL, BAD_CAST "input", NULL);

		xml_set(e, "file", names[i]);
		xml_set(e, "sha256", shas[i]);
		free(names[i]);
		free(shas[i]);
	}
	free(names);
	free(shas);
	free(lang);
}

/* Strip the OCR detail (lines, words) from a copied page. */
static void
strip_page(xmlNodePtr page)
{
	xmlNodePtr c, next;

	for (c = page->children; c; c = next) {
		next = c->next;
		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
}

int
cmd_main(int argc, char **argv)
{
	const char *case_path = NULL, *mdir = NULL, *rules_date = NULL, *input = "-";
	const char *expect_id = NULL;
	char *why = NULL, *id, *proc, *sub;
	xmlDocPtr cs, stream, out;
	xmlNodePtr croot, sroot, root, d, app;
	rulebook *rb;
	int c, y, m, dd;

	if (common_options(argc, argv, usage))
		return EX_OK;
	while ((c = getopt_long(argc, argv, "c:d:i:m:", longopts, NULL)) != -1) {
		switch (c) {
		case 'i':
			expect_id = optarg;
			break;
		case 'c':
			case_path = optarg;
			break;
		case 'd':
			rules_date = optarg;
			break;
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
	if (!case_path || optind < argc) {
		fputs(usage, errstream);
		return EX_USAGE;
	}
	if (rules_date && iso_date_parse(rules_date, &y, &m, &dd) < 0)
		die(EX_USAGE, NULL, "--rules-date '%s' is not YYYY-MM-DD", rules_date);

	cs = xml_read(case_path, &why);
	if (!cs)
		die(EX_BADINPUT, case_path, "%s", why);
	croot = xmlDocGetRootElement(cs);
	if (!xml_is(croot, "case"))
		die(EX_BADINPUT, case_path, "root element is not <case>");
	id = xml_get(croot, "id");
	proc = xml_get(croot, "procedure");
	sub = xml_get(croot, "submitted");
	if (!id || !case_id_valid(id))
		die(EX_BADINPUT, case_path, "case id is missing or not allowed "
		    "(letters, digits, '.', '_', '-'; at most 64)");
	if (expect_id && strcmp(id, expect_id) != 0)
		die(EX_BADINPUT, case_path, "case id '%s' is not the folder's name '%s'",
		    id, expect_id);
	if (!proc || !*proc)
		die(EX_BADINPUT, case_path, "case %s has no procedure", id);
	if (!sub || iso_date_parse(sub, &y, &m, &dd) < 0)
		die(EX_BADINPUT, case_path, "case %s: submitted date is missing or not YYYY-MM-DD", id);
	app = xml_child(croot, "applicant");
	if (!app)
		die(EX_BADINPUT, case_path, "case %s has no <applicant>", id);

	rb = rules_load(mdir ? mdir : models_dir(), &why);
	if (!rb)
		die(EX_BADINPUT, NULL, "%s", why);
	stream = stream_read(input);
	sroot = xmlDocGetRootElement(stream);

	out = xmlNewDoc(BAD_CAST "1.0");
	root = xmlNewNode(NULL, BAD_CAST "dossier");
	xmlDocSetRootElement(out, root);
	xml_set(root, "case", id);
	xml_set(root, "procedure", proc);
	xml_set(root, "submitted", sub);
	xml_setf(root, "tool", "intake %s", INTAKE_VERSION);
	{
		char *mv = xml_get(sroot, "models"), *lang = xml_get(sroot, "lang");

		if (mv)
			xml_set(root, "models", mv);
		if (lang)
			xml_set(root, "ocr-lang", lang);
		free(mv);
		free(lang);
	}
	copy_applicant(root, app);
	add_inputs(root, sroot, case_path, mdir ? mdir : models_dir());
	for (d = xml_child(sroot, "document"); d; d = xml_next(d, "document")) {
		xmlNodePtr copy = xmlDocCopyNode(d, out, 1), p;

		for (p = xml_child(copy, "page"); p; p = xml_next(p, "page"))
			strip_page(p);
		xmlAddChild(root, copy);
	}
	if (xml_child(sroot, "page"))
		die(EX_BADINPUT, input, "stream has pages outside documents: run intake-classify first");
	if (rules_apply(rb, root, rules_date, &why) < 0)
		die(EX_BADINPUT, case_path, "case %s: %s", id, why);
	if (xml_write(out, stdout) < 0)
		die(EX_FAIL, "standard output", "write error");
	xmlFreeDoc(out);
	xmlFreeDoc(stream);
	xmlFreeDoc(cs);
	rules_free(rb);
	free(id);
	free(proc);
	free(sub);
	return EX_OK;
}
