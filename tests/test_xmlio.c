/*
 * test_xmlio.c - hostile XML in, clean XML out (xmlio.c, atomic_write).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "intake.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static xmlDocPtr
parse(const char *s, char **why)
{
	return xml_parse(s, strlen(s), why);
}

static void
test_xmlio_refuses_external_entity(void **state)
{
	const char *xxe =
	    "<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE case [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
	    "<case id=\"A1\"><applicant><surname>&x;</surname></applicant></case>\n";
	char *why = NULL;
	xmlDocPtr doc = parse(xxe, &why);

	(void)state;
	assert_null(doc);
	assert_non_null(why);
	assert_non_null(strstr(why, "DOCTYPE"));
	free(why);
}

static void
test_xmlio_refuses_billion_laughs(void **state)
{
	const char *bomb =
	    "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n"
	    "<!ENTITY lol \"lol\">\n"
	    "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
	    "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
	    "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
	    "]>\n<lolz>&lol3;</lolz>\n";
	char *why = NULL;
	xmlDocPtr doc = parse(bomb, &why);

	(void)state;
	assert_null(doc);
	free(why);
}

static void
test_xmlio_refuses_deep_nesting(void **state)
{
	size_t depth = 300, i;
	char *s = xmalloc(depth * 7 + 16), *p = s;
	char *why = NULL;
	xmlDocPtr doc;

	(void)state;
	for (i = 0; i < depth; i++)
		p += sprintf(p, "<a>");
	for (i = 0; i < depth; i++)
		p += sprintf(p, "</a>");
	doc = parse(s, &why);
	/* libxml2 refuses depth > 256 without XML_PARSE_HUGE. */
	assert_null(doc);
	assert_non_null(why);
	free(why);
	free(s);
}

static void
test_xmlio_refuses_huge_text_node(void **state)
{
	size_t n = 20u << 20;
	char *s = xmalloc(n + 32), *why = NULL;
	xmlDocPtr doc;

	(void)state;
	strcpy(s, "<a>");
	memset(s + 3, 'x', n);
	strcpy(s + 3 + n, "</a>");
	doc = parse(s, &why);
	assert_null(doc);
	free(why);
	free(s);
}

static void
test_xmlio_reports_truncated_with_line(void **state)
{
	char *why = NULL;
	xmlDocPtr doc = parse("<dossier case=\"x\">\n<applicant>", &why);

	(void)state;
	assert_null(doc);
	assert_non_null(strstr(why, "line"));
	free(why);
}

/* Markup and control characters survive a round trip as text, cleaned. */
static void
test_xmlio_round_trip_escapes_and_cleans(void **state)
{
	const char *nasty = "A & B < C > D ]]> \"q\" 'a'\f\x01" "end\xff";
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0"), again;
	xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "r"), n;
	char *buf, *why = NULL, *text;
	size_t len;

	(void)state;
	xmlDocSetRootElement(doc, root);
	n = xml_text_child(root, "t", nasty);
	xml_set(n, "attr", nasty);
	buf = xml_dump(doc, &len);
	again = xml_parse(buf, len, &why);
	assert_non_null(again);
	n = xml_child(xmlDocGetRootElement(again), "t");
	text = xml_content(n);
	assert_string_equal(text, "A & B < C > D ]]> \"q\" 'a' end");
	free(text);
	text = xml_get(n, "attr");
	assert_string_equal(text, "A & B < C > D ]]> \"q\" 'a' end");
	free(text);
	free(buf);
	xmlFreeDoc(again);
	/* Replaced content is text too, never markup ("1&2" read alone
	 * by OCR in place of a word). */
	n = xml_child(root, "t");
	xml_set_text(n, "1&2 <b>");
	buf = xml_dump(doc, &len);
	again = xml_parse(buf, len, &why);
	assert_non_null(again);
	text = xml_content(xml_child(xmlDocGetRootElement(again), "t"));
	assert_string_equal(text, "1&2 <b>");
	free(text);
	free(buf);
	xmlFreeDoc(again);
	xmlFreeDoc(doc);
}

static void
test_xmlio_atomic_write_private_and_whole(void **state)
{
	char dir[] = "/tmp/intake-test-XXXXXX", *path, *link, *buf;
	struct stat st;
	size_t len;
	mode_t old;

	(void)state;
	assert_non_null(mkdtemp(dir));
	path = xasprintf("%s/d.xml", dir);
	old = umask(0);
	assert_int_equal(atomic_write(path, "<a/>", 4, 0640), 0);
	umask(old);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0640);
	assert_int_equal(read_file(path, 100, &buf, &len), 0);
	assert_string_equal(buf, "<a/>");
	free(buf);
	/* A symlink planted at the target is replaced, not followed. */
	link = xasprintf("%s/l.xml", dir);
	assert_int_equal(symlink("/etc/passwd-intake-never", link), 0);
	assert_int_equal(atomic_write(link, "<b/>", 4, 0640), 0);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	/* An unwritable folder fails cleanly and leaves no temp file. */
	free(path);
	path = xasprintf("%s/nosuchdir/d.xml", dir);
	assert_int_equal(atomic_write(path, "<a/>", 4, 0640), -1);
	free(path);
	path = xasprintf("rm -rf %s", dir);
	assert_int_equal(system(path), 0);
	free(path);
	free(link);
}

static void
test_xmlio_read_file_refuses_fifo_and_symlink(void **state)
{
	char dir[] = "/tmp/intake-test-XXXXXX", *fifo, *lnk, *buf, *cmd;
	size_t len;

	(void)state;
	assert_non_null(mkdtemp(dir));
	fifo = xasprintf("%s/f.png", dir);
	lnk = xasprintf("%s/l.png", dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_int_equal(symlink("/etc/hostname", lnk), 0);
	/* Must return at once, not block on the FIFO. */
	assert_int_equal(read_file(fifo, 100, &buf, &len), -1);
	assert_int_equal(read_file(lnk, 100, &buf, &len), -1);
	assert_int_equal(errno, ELOOP);
	cmd = xasprintf("rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(fifo);
	free(lnk);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xmlio_refuses_external_entity),
		cmocka_unit_test(test_xmlio_refuses_billion_laughs),
		cmocka_unit_test(test_xmlio_refuses_deep_nesting),
		cmocka_unit_test(test_xmlio_refuses_huge_text_node),
		cmocka_unit_test(test_xmlio_reports_truncated_with_line),
		cmocka_unit_test(test_xmlio_round_trip_escapes_and_cleans),
		cmocka_unit_test(test_xmlio_atomic_write_private_and_whole),
		cmocka_unit_test(test_xmlio_read_file_refuses_fifo_and_symlink),
	};

	errstream = stderr;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
