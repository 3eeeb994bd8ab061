/*
 * test_seal.c - HMAC-SHA256 against the RFC 4231 test vectors, key files,
 * and what a seal does and does not survive.
 *
 * The claim tested (seal.c): any change to an element, an attribute or a
 * character of a value breaks the seal, including whitespace inside a
 * value; re-indenting, attribute order and quoting, the XML declaration,
 * character references and comments do not.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "intake.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void
hex_of(const unsigned char *b, size_t n, char *hex)
{
	static const char digits[] = "0123456789abcdef";

	for (size_t i = 0; i < n; i++) {
		hex[2 * i] = digits[b[i] >> 4];
		hex[2 * i + 1] = digits[b[i] & 15];
	}
	hex[2 * n] = '\0';
}

/* ---- RFC 4231, section 4 -------------------------------------------- */

typedef struct {
	unsigned char key[131];
	size_t klen;
	const char *data;
	size_t dlen;
	const char *mac;   /* hex; test case 5 is truncated to 128 bits */
} vector;

static void
fill(unsigned char *b, unsigned char v, size_t n)
{
	memset(b, v, n);
}

static void
test_hmac_rfc4231(void **state)
{
	static char dd[50], cd[50];
	vector v[7];
	size_t i;

	(void)state;
	memset(v, 0, sizeof v);
	memset(dd, 0xdd, sizeof dd);
	memset(cd, 0xcd, sizeof cd);
	/* 1: a 20-byte key */
	fill(v[0].key, 0x0b, 20), v[0].klen = 20;
	v[0].data = "Hi There", v[0].dlen = 8;
	v[0].mac = "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7";
	/* 2: a key shorter than the output */
	memcpy(v[1].key, "Jefe", 4), v[1].klen = 4;
	v[1].data = "what do ya want for nothing?", v[1].dlen = 28;
	v[1].mac = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
	/* 3: 50 bytes of 0xdd */
	fill(v[2].key, 0xaa, 20), v[2].klen = 20;
	v[2].data = dd, v[2].dlen = 50;
	v[2].mac = "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe";
	/* 4: a 25-byte key 0x01..0x19 */
	for (i = 0; i < 25; i++)
		v[3].key[i] = (unsigned char)(i + 1);
	v[3].klen = 25;
	v[3].data = cd, v[3].dlen = 50;
	v[3].mac = "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b";
	/* 5: truncation to 128 bits */
	fill(v[4].key, 0x0c, 20), v[4].klen = 20;
	v[4].data = "Test With Truncation", v[4].dlen = 20;
	v[4].mac = "a3b6167473100ee06e0c796c2955552b";
	/* 6: a key larger than the block (hashed first) */
	fill(v[5].key, 0xaa, 131), v[5].klen = 131;
	v[5].data = "Test Using Larger Than Block-Size Key - Hash Key First";
	v[5].dlen = 54;
	v[5].mac = "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54";
	/* 7: large key and large data */
	fill(v[6].key, 0xaa, 131), v[6].klen = 131;
	v[6].data = "This is a test using a larger than block-size key and a larger "
	    "than block-size data. The key needs to be hashed before being used by "
	    "the HMAC algorithm.";
	v[6].dlen = strlen(v[6].data);
	v[6].mac = "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2";

	for (i = 0; i < 7; i++) {
		unsigned char mac[32];
		char hex[65];

		hmac_sha256(v[i].key, v[i].klen, v[i].data, v[i].dlen, mac);
		hex_of(mac, strlen(v[i].mac) / 2, hex);
		assert_string_equal(hex, v[i].mac);
	}
}

/* Updates split anywhere give the one-shot MAC; a prepared key is reusable. */
static void
test_hmac_split_and_reuse(void **state)
{
	const char *msg = "This is a test using a larger than block-size key and a "
	    "larger than block-size data. The key needs to be hashed first.";
	size_t n = strlen(msg), cut;
	unsigned char key[40], one[32], two[32];
	seal_key k;

	(void)state;
	memset(key, 0x5a, sizeof key);
	hmac_sha256(key, sizeof key, msg, n, one);
	seal_key_init(&k, key, sizeof key);
	for (cut = 0; cut <= n; cut += 7) {
		hmac_sha256_ctx c = k.base;

		hmac_sha256_update(&c, msg, cut);
		hmac_sha256_update(&c, msg + cut, n - cut);
		hmac_sha256_final(&c, two);
		assert_memory_equal(one, two, 32);
	}
}

/* ---- key files ------------------------------------------------------- */

static char tmpdir[] = "/tmp/test_seal.XXXXXX";
static int made_tmpdir;

static char *
key_file(const char *name, const void *bytes, size_t n, mode_t mode)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, bytes, n), (ssize_t)n);
	close(fd);
	assert_int_equal(chmod(path, mode), 0);
	return path;
}

static void
test_key_file_rules(void **state)
{
	unsigned char bytes[64];
	char *p, *why = NULL, hex[65];
	seal_key k;

	(void)state;
	memset(bytes, 0x42, sizeof bytes);
	assert_non_null(mkdtemp(tmpdir));
	made_tmpdir = 1;

	p = key_file("good", bytes, 32, 0600);
	assert_int_equal(seal_key_load(p, &k, &why), 0);
	sha256_hex(bytes, 32, hex);
	assert_int_equal(strlen(k.id), 16);
	assert_memory_equal(k.id, hex, 16);
	free(p);

	p = key_file("readable", bytes, 32, 0640);
	assert_int_equal(seal_key_load(p, &k, &why), -1);
	assert_non_null(strstr(why, "group or others"));
	free(why);
	free(p);

	p = key_file("world", bytes, 32, 0604);
	assert_int_equal(seal_key_load(p, &k, &why), -1);
	free(why);
	free(p);

	p = key_file("short", bytes, 31, 0600);
	assert_int_equal(seal_key_load(p, &k, &why), -1);
	assert_non_null(strstr(why, "at least 32"));
	free(why);
	free(p);

	/* A symlink to a good key is not followed. */
	p = xasprintf("%s/link", tmpdir);
	{
		char *target = xasprintf("%s/good", tmpdir);

		assert_int_equal(symlink(target, p), 0);
		free(target);
	}
	assert_int_equal(seal_key_load(p, &k, &why), -1);
	free(why);
	free(p);

	p = xasprintf("%s/none", tmpdir);
	assert_int_equal(seal_key_load(p, &k, &why), -1);
	free(why);
	free(p);
}

/* ---- sealing --------------------------------------------------------- */

static const char dossier[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
"<dossier case=\"BY-2026-000123\" procedure=\"12.7.1\" submitted=\"2026-11-03\">\n"
"  <applicant>\n"
"    <surname>Коваленко</surname>\n"
"    <given-name>Андрей</given-name>\n"
"    <patronymic> </patronymic>\n"
"    <birth-date>1987-03-14</birth-date>\n"
"    <citizenship>RUS</citizenship>\n"
"  </applicant>\n"
"  <document id=\"d1\" type=\"criminal-record-certificate\" confidence=\"0.97\">\n"
"    <page file=\"submission.pdf\" index=\"2\" sha256=\"ab12\"/>\n"
"    <field name=\"surname\">ПЕТРОВ</field>\n"
"    <field name=\"issue-date\">2026-09-30</field>\n"
"    <field name=\"result\">none</field>\n"
"  </document>\n"
"  <finding code=\"name-mismatch\" doc-type=\"criminal-record-certificate\" document=\"d1\" severity=\"review\">the surname on document d1 is not the applicant's</finding>\n"
"  <verdict>review</verdict>\n"
"</dossier>\n";

static seal_key key1, key2;

static xmlDocPtr
parse(const char *text)
{
	char *why = NULL;
	xmlDocPtr d = xml_parse(text, strlen(text), &why);

	if (!d)
		fail_msg("does not parse: %s", why);
	return d;
}

static char *
dump(xmlDocPtr d)
{
	size_t len;

	return xml_dump(d, &len);
}

/* The text of dossier, sealed with key1. */
static char *
sealed_text(void)
{
	xmlDocPtr d = parse(dossier);
	char *why = NULL, *s;

	assert_int_equal(seal_apply(d, &key1, &why), 0);
	s = dump(d);
	xmlFreeDoc(d);
	return s;
}

static seal_status
verify_text(const char *text, char **why)
{
	xmlDocPtr d = parse(text);
	seal_key keys[2] = {key1, key2};
	seal_status st;

	*why = NULL;
	st = seal_verify(d, keys, 2, why);
	xmlFreeDoc(d);
	return st;
}

/* text with the first occurrence of from replaced by to. */
static char *
replace(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);
	char *out;

	if (!at)
		fail_msg("'%s' is not in the sealed text", from);
	out = xasprintf("%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
	return out;
}

static int
setup_keys(void **state)
{
	(void)state;
	seal_key_init(&key1, "0123456789abcdef0123456789abcdef", 32);
	seal_key_init(&key2, "another key, also thirty-two bytes", 34);
	return 0;
}

static void
test_seal_is_last_valid_and_verifies(void **state)
{
	char *text = sealed_text(), *why = NULL, *xsd;
	xmlDocPtr d = parse(text);
	xmlNodePtr root = xmlDocGetRootElement(d), last = root->last;

	(void)state;
	while (last && last->type != XML_ELEMENT_NODE)
		last = last->prev;
	assert_true(xml_is(last, "seal"));
	{
		char *alg = xml_get(last, "alg"), *id = xml_get(last, "key-id");

		assert_string_equal(alg, "hmac-sha256");
		assert_string_equal(id, key1.id);
		free(alg);
		free(id);
	}
	xsd = xasprintf("%s/dossier.xsd", models_dir());
	if (xml_validate(d, xsd, &why) < 0)
		fail_msg("sealed dossier is not valid: %s", why);
	assert_int_equal(seal_verify(d, &key1, 1, &why), SEAL_OK);
	free(xsd);
	xmlFreeDoc(d);
	free(text);
}

/* Every change of content breaks the seal. */
static void
test_any_change_is_a_mismatch(void **state)
{
	static const char *const edits[][2] = {
		{">ПЕТРОВ<", ">ПЕТРОВА<"},                          /* a field value */
		{">ПЕТРОВ<", "> ПЕТРОВ<"},                         /* whitespace in a value */
		{"<patronymic> </patronymic>", "<patronymic/>"},   /* a blank value emptied */
		{">2026-09-30<", ">2026-10-30<"},                  /* a date */
		{"<verdict>review</verdict>", "<verdict>complete</verdict>"},
		{"code=\"name-mismatch\"", "code=\"birth-date-mismatch\""},
		{"severity=\"review\"", "severity=\"error\""},      /* a finding's attribute */
		{"confidence=\"0.97\"", "confidence=\"0.98\""},     /* any attribute */
		{"index=\"2\"", "index=\"2\" status=\"ok\""},       /* an attribute added */
		{"case=\"BY-2026-000123\"", "case=\"BY-2026-000124\""},
		{"not the applicant's", "not the applicants"},      /* a finding's text */
		{"<field name=\"result\">none</field>", ""},        /* an element removed */
		{"<verdict>", "<field-note/><verdict>"},           /* an element added */
	};
	char *text = sealed_text();
	size_t i;

	(void)state;
	for (i = 0; i < sizeof edits / sizeof *edits; i++) {
		char *t = replace(text, edits[i][0], edits[i][1]), *why = NULL;

		if (verify_text(t, &why) != SEAL_MISMATCH)
			fail_msg("edit %zu (%s) was not detected", i, edits[i][0]);
		free(why);
		free(t);
	}
	free(text);
}

/* Re-serialising without changing the content keeps the seal. */
static void
test_reformatting_keeps_the_seal(void **state)
{
	char *text = sealed_text(), *why = NULL, *t, *u;
	xmlDocPtr d;
	xmlChar *mem;
	int n;

	(void)state;
	assert_int_equal(verify_text(text, &why), SEAL_OK);

	/* compact: all indentation removed */
	d = parse(text);
	{
		xmlDocPtr c;
		char *w = NULL;

		/* xml_parse keeps blanks; re-read without them. */
		xmlDocDumpMemory(d, &mem, &n);
		c = xmlReadMemory((const char *)mem, n, NULL, "UTF-8",
		    XML_PARSE_NONET | XML_PARSE_NOBLANKS);
		xmlFree(mem);
		xmlDocDumpMemory(c, &mem, &n);
		assert_null(strstr((const char *)mem, "\n  <"));
		assert_int_equal(verify_text((const char *)mem, &w), SEAL_OK);
		xmlFree(mem);
		xmlFreeDoc(c);
	}
	xmlFreeDoc(d);

	/* deeper indentation with tabs and CRLF line ends */
	t = replace(text, "\n  <document", "\r\n\t\t<document");
	assert_int_equal(verify_text(t, &why), SEAL_OK);
	free(t);
	/* attribute order and quotes, no XML declaration, a comment */
	t = replace(text, "<page file=\"submission.pdf\" index=\"2\" sha256=\"ab12\"/>",
	    "<page sha256='ab12' index='2'   file=\"submission.pdf\"></page><!-- a note -->");
	u = replace(t, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "");
	assert_int_equal(verify_text(u, &why), SEAL_OK);
	free(t);
	free(u);
	/* a character reference for a literal character */
	t = replace(text, ">ПЕТРОВ<", ">&#1055;ЕТРОВ<");
	assert_int_equal(verify_text(t, &why), SEAL_OK);
	free(t);
	/* the seal value in upper case and on its own line */
	{
		const char *v = strstr(text, "key-id=");
		const char *gt = strchr(v, '>');
		char hexv[65], *up;
		int i;

		memcpy(hexv, gt + 1, 64);
		hexv[64] = '\0';
		up = xstrdup(hexv);
		for (i = 0; i < 64; i++)
			if (up[i] >= 'a' && up[i] <= 'f')
				up[i] = (char)(up[i] - 'a' + 'A');
		{
			char *spaced = xasprintf("\n    %s\n  ", up);

			t = replace(text, hexv, spaced);
			free(spaced);
		}
		assert_int_equal(verify_text(t, &why), SEAL_OK);
		free(t);
		free(up);
	}
	free(text);
}

static void
test_seal_problems_are_told_apart(void **state)
{
	char *text = sealed_text(), *why = NULL, *t;
	xmlDocPtr d;

	(void)state;
	/* no seal */
	d = parse(dossier);
	assert_int_equal(seal_verify(d, &key1, 1, &why), SEAL_MISSING);
	xmlFreeDoc(d);
	/* made with another key: not given -> unknown; given -> verifies */
	d = parse(text);
	assert_int_equal(seal_verify(d, &key2, 1, &why), SEAL_UNKNOWN_KEY);
	assert_non_null(strstr(why, key1.id));
	free(why);
	xmlFreeDoc(d);
	/* a forged key-id does not make it verify with the other key */
	t = replace(text, key1.id, key2.id);
	assert_int_equal(verify_text(t, &why), SEAL_MISMATCH);
	free(why);
	free(t);
	/* one digit of the MAC changed */
	{
		const char *gt = strchr(strstr(text, "key-id="), '>');

		t = xasprintf("%.*s%c%s", (int)(gt + 1 - text), text,
		    gt[1] == '0' ? '1' : '0', gt + 2);
		assert_int_equal(verify_text(t, &why), SEAL_MISMATCH);
		free(why);
		free(t);
	}
	/* another algorithm, a short value, two seals */
	t = replace(text, "alg=\"hmac-sha256\"", "alg=\"none\"");
	assert_int_equal(verify_text(t, &why), SEAL_MALFORMED);
	free(why);
	free(t);
	t = replace(text, "</seal>", "0</seal>");
	assert_int_equal(verify_text(t, &why), SEAL_MALFORMED);
	free(why);
	free(t);
	{
		const char *s = strstr(text, "<seal");
		const char *e = strstr(text, "</seal>") + 7;
		char *twice = xasprintf("%.*s%.*s%s", (int)(e - text), text, (int)(e - s), s, e);

		assert_int_equal(verify_text(twice, &why), SEAL_MALFORMED);
		free(why);
		free(twice);
	}
	free(text);
}

/* Sealing again replaces the seal, and the same content gives the same MAC. */
static void
test_reseal_is_stable(void **state)
{
	char *a = sealed_text(), *why = NULL, *b;
	xmlDocPtr d = parse(a);

	(void)state;
	assert_int_equal(seal_apply(d, &key1, &why), 0);
	b = dump(d);
	assert_string_equal(a, b);
	assert_int_equal(verify_text(b, &why), SEAL_OK);
	xmlFreeDoc(d);
	free(a);
	free(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hmac_rfc4231),
		cmocka_unit_test(test_hmac_split_and_reuse),
		cmocka_unit_test(test_key_file_rules),
		cmocka_unit_test(test_seal_is_last_valid_and_verifies),
		cmocka_unit_test(test_any_change_is_a_mismatch),
		cmocka_unit_test(test_reformatting_keeps_the_seal),
		cmocka_unit_test(test_seal_problems_are_told_apart),
		cmocka_unit_test(test_reseal_is_stable),
	};
	int rc;

	errstream = stderr;
	xml_init();
	rc = cmocka_run_group_tests(tests, setup_keys, NULL);
	if (made_tmpdir) {
		static const char *const files[] = {"good", "readable", "world", "short", "link"};

		for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
			char *p = xasprintf("%s/%s", tmpdir, files[i]);

			unlink(p);
			free(p);
		}
		rmdir(tmpdir);
	}
	return rc;
}
