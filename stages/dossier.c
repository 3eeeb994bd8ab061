/*
 * intake-dossier - check a dossier and publish it, whole or not at all.
 *
 * Reads a dossier (from intake-validate), parses it again as any reader
 * would, checks it against models/dossier.xsd, and writes it either to
 * stdout or, with -o, atomically to a file: a temporary file in the same
 * directory, fsync, rename, fsync of the directory, mode 0640 whatever the
 * umask.  A reader of OUT therefore sees the old dossier or the new one,
 * never half of one, and never one that fails the schema.
 *
 * It does not judge anything; that is intake-validate's job.
 */
#include "intake.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
"usage: intake-dossier [-m MODELS] [-o FILE] [DOSSIER]\n"
"\n"
"Check a dossier against models/dossier.xsd and publish it: to FILE,\n"
"atomically and private (mode 0640), or to standard output.\n"
"\n"
"  -o FILE   where to publish (default: standard output)\n"
"  -m DIR    models directory (default: $INTAKE_MODELS or <bin>/../models)\n"
"\n"
"Exit status: 0 published, 1 cannot write FILE, 2 usage,\n"
"3 the dossier is not well-formed or not valid.\n";

int
cmd_main(int argc, char **argv)
{
	const char *mdir = NULL, *outpath = NULL, *input = "-";
	char *why = NULL, *xsd, *buf;
	size_t len;
	xmlDocPtr doc, again;
	int c;

	if (common_options(argc, argv, usage))
		return EX_OK;
	while ((c = getopt(argc, argv, "m:o:")) != -1) {
		switch (c) {
		case 'm':
			mdir = optarg;
			break;
		case 'o':
			outpath = optarg;
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
	doc = xml_read(input, &why);
	if (!doc)
		die(EX_BADINPUT, strcmp(input, "-") ? input : "standard input", "%s", why);
	xsd = xasprintf("%s/dossier.xsd", mdir ? mdir : models_dir());
	if (xml_validate(doc, xsd, &why) < 0)
		die(EX_BADINPUT, "dossier", "%s", why);
	buf = xml_dump(doc, &len);
	/* What we publish is what a reader will parse: check that very text. */
	again = xml_parse(buf, len, &why);
	if (!again)
		die(EX_SOFTWARE, "dossier", "serialised dossier does not parse: %s", why);
	xmlFreeDoc(again);
	if (outpath) {
		if (atomic_write(outpath, buf, len, 0640) < 0)
			die(EX_FAIL, outpath, "cannot publish dossier: %s", strerror(errno));
	} else if (fwrite(buf, 1, len, stdout) != len || fflush(stdout) != 0) {
		die(EX_FAIL, "standard output", "write error");
	}
	free(buf);
	free(xsd);
	xmlFreeDoc(doc);
	return EX_OK;
}
