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
 * With a key (-k KEYFILE, or $INTAKE_SEAL_KEY naming the key file) it
 * also seals the dossier: an HMAC-SHA256 over its canonical form, in a
 * <seal> element after the verdict (seal.c says what the MAC covers and
 * why it is a MAC and not an XML signature).  Without a key it publishes
 * exactly what it did before sealing existed.
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
"usage: intake-dossier [-k KEYFILE] [-m MODELS] [-o FILE] [DOSSIER]\n"
"\n"
"Check a dossier against models/dossier.xsd and publish it: to FILE,\n"
"atomically and private (mode 0640), or to standard output.\n"
"\n"
"  -o FILE     where to publish (default: standard output)\n"
"  -k KEYFILE  seal the dossier with HMAC-SHA256 under this key (default:\n"
"              the file $INTAKE_SEAL_KEY names; no seal when neither is\n"
"              given).  The key file must be readable by its owner only and\n"
"              hold at least 32 bytes: head -c 32 /dev/urandom >KEYFILE\n"
"  -m DIR      models directory (default: $INTAKE_MODELS or <bin>/../models)\n"
"\n"
"Exit status: 0 published, 1 cannot write FILE, 2 usage,\n"
"3 the dossier is not well-formed or not valid, or the key file is unusable.\n";

int
cmd_main(int argc, char **argv)
{
	const char *mdir = NULL, *outpath = NULL, *input = "-", *keypath = NULL;
	char *why = NULL, *xsd, *buf;
	size_t len;
	xmlDocPtr doc, again;
	seal_key key;
	int c;

	if (common_options(argc, argv, usage))
		return EX_OK;
	while ((c = getopt(argc, argv, "k:m:o:")) != -1) {
		switch (c) {
		case 'k':
			keypath = optarg;
			break;
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
	if (!keypath && getenv("INTAKE_SEAL_KEY") && *getenv("INTAKE_SEAL_KEY"))
		keypath = getenv("INTAKE_SEAL_KEY");
	/* The key first: a dossier is never published unsealed when a seal
	 * was asked for. */
	if (keypath && seal_key_load(keypath, &key, &why) < 0)
		die(EX_BADINPUT, keypath, "%s", why);
	doc = xml_read(input, &why);
	if (!doc)
		die(EX_BADINPUT, strcmp(input, "-") ? input : "standard input", "%s", why);
	xsd = xasprintf("%s/dossier.xsd", mdir ? mdir : models_dir());
	if (xml_validate(doc, xsd, &why) < 0)
		die(EX_BADINPUT, "dossier", "%s", why);
	if (keypath && seal_apply(doc, &key, &why) < 0)
		die(EX_SOFTWARE, "dossier", "cannot seal: %s", why);
	buf = xml_dump(doc, &len);
	/* What we publish is what a reader will parse: check that very text. */
	again = xml_parse(buf, len, &why);
	if (!again)
		die(EX_SOFTWARE, "dossier", "serialised dossier does not parse: %s", why);
	if (keypath) {
		/* ...and, sealed, that the very text is still valid and its seal
		 * verifies, as the auditor will check it. */
		if (xml_validate(again, xsd, &why) < 0)
			die(EX_SOFTWARE, "dossier", "sealed dossier is not valid: %s", why);
		if (seal_verify(again, &key, 1, &why) != SEAL_OK)
			die(EX_SOFTWARE, "dossier", "sealed dossier does not verify: %s",
			    why ? why : "no seal");
		seal_key_wipe(&key);
	}
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
