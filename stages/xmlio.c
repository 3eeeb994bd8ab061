/*
 * xmlio.c - libxml2, hardened for input we did not write.
 *
 * Every XML intake reads (case.xml, the stream between stages, archived
 * dossiers) may come from outside.  libxml2 itself does not promise safety
 * on hostile input, so: parse from memory only, never substitute entities
 * (XML_PARSE_NOENT), never load a DTD, never touch the network, never lift
 * the built-in size limits (XML_PARSE_HUGE), and refuse every external
 * entity in the loader as a second line of defence.
 *
 * On output, text is cleaned (text_clean) before it enters the tree,
 * because xmlNewTextChild escapes markup but happily writes control
 * characters and invalid UTF-8 that make the result unparseable.
 */
#include "intake.h"

#include <errno.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static int initialised;

static xmlParserInputPtr
refuse_entity(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

/* libxml2's generic messages would go to stderr unfiltered; they can quote
 * document content, so they are dropped and errors are reported from the
 * structured xmlError instead. */
static void
quiet_generic(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

void
xml_init(void)
{
	if (initialised)
		return;
	initialised = 1;
	xmlInitParser();
	xmlSetExternalEntityLoader(refuse_entity);
	xmlSetGenericErrorFunc(NULL, quiet_generic);
}

static int
parse_options(void)
{
	return XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	    XML_PARSE_NOCDATA;
}

xmlDocPtr
xml_parse(const char *buf, size_t len, char **why)
{
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;

	xml_init();
	*why = NULL;
	if (len > XML_MAX_INPUT || len > (size_t)INT32_MAX) {
		*why = xasprintf("larger than %u MB", XML_MAX_INPUT >> 20);
		return NULL;
	}
	ctxt = xmlNewParserCtxt();
	if (!ctxt) {
		*why = xstrdup("out of memory");
		return NULL;
	}
	doc = xmlCtxtReadMemory(ctxt, buf, (int)len, NULL, "UTF-8", parse_options());
	if (!doc || !ctxt->wellFormed) {
		const xmlError *e = xmlCtxtGetLastError(ctxt);

		if (e && e->message) {
			char *msg = xstrdup(e->message);
			size_t n = strlen(msg);

			while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
				msg[--n] = '\0';
			*why = xasprintf("not well-formed XML (line %d: %s)", e->line, msg);
			free(msg);
		} else {
			*why = xstrdup("not well-formed XML");
		}
		if (doc)
			xmlFreeDoc(doc);
		doc = NULL;
	} else if (doc->intSubset || doc->extSubset) {
		/* A DOCTYPE can only serve entity tricks here: none of our
		 * formats uses one. */
		*why = xstrdup("has a DOCTYPE declaration, which intake does not accept");
		xmlFreeDoc(doc);
		doc = NULL;
	} else if (!xmlDocGetRootElement(doc)) {
		*why = xstrdup("has no root element");
		xmlFreeDoc(doc);
		doc = NULL;
	}
	xmlFreeParserCtxt(ctxt);
	return doc;
}

xmlDocPtr
xml_read(const char *path, char **why)
{
	char *buf;
	size_t len;
	xmlDocPtr doc;

	if (read_file(path, XML_MAX_INPUT, &buf, &len) < 0) {
		*why = xasprintf("cannot read: %s", strerror(errno));
		return NULL;
	}
	if (len == 0) {
		free(buf);
		*why = xstrdup("empty input");
		return NULL;
	}
	doc = xml_parse(buf, len, why);
	free(buf);
	return doc;
}

char *
xml_dump(xmlDocPtr doc, size_t *len)
{
	xmlChar *mem = NULL;
	int n = 0;
	char *out;

	xmlDocDumpFormatMemoryEnc(doc, &mem, &n, "UTF-8", 1);
	if (!mem)
		die(EX_SOFTWARE, NULL, "cannot serialise XML");
	out = xstrndup((const char *)mem, (size_t)n);
	xmlFree(mem);
	*len = (size_t)n;
	return out;
}

int
xml_write(xmlDocPtr doc, FILE *f)
{
	size_t len;
	char *buf = xml_dump(doc, &len);
	int rc = fwrite(buf, 1, len, f) == len && fflush(f) == 0 ? 0 : -1;

	free(buf);
	return rc;
}

struct schema_err {
	char *first;
	int count;
};

static void
collect_schema_error(void *ctx, xmlErrorPtr e)
{
	struct schema_err *se = ctx;

	if (se->count++ == 0 && e && e->message) {
		char *msg = xstrdup(e->message);
		size_t n = strlen(msg);

		while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
			msg[--n] = '\0';
		se->first = xasprintf("line %d: %s", e->line, msg);
		free(msg);
	}
}

int
xml_validate(xmlDocPtr doc, const char *xsd_path, char **why)
{
	xmlSchemaParserCtxtPtr pctxt = NULL;
	xmlSchemaPtr schema = NULL;
	xmlSchemaValidCtxtPtr vctxt = NULL;
	struct schema_err se = {NULL, 0};
	char *buf = NULL;
	size_t len;
	int rc = -1;

	xml_init();
	*why = NULL;
	if (read_file(xsd_path, 4u << 20, &buf, &len) < 0) {
		*why = xasprintf("cannot read schema %s: %s", xsd_path, strerror(errno));
		goto out;
	}
	pctxt = xmlSchemaNewMemParserCtxt(buf, (int)len);
	if (pctxt)
		xmlSchemaSetParserStructuredErrors(pctxt, collect_schema_error, &se);
	schema = pctxt ? xmlSchemaParse(pctxt) : NULL;
	if (!schema) {
		*why = xasprintf("schema %s is unusable: %s", xsd_path,
		    se.first ? se.first : "parse error");
		goto out;
	}
	vctxt = xmlSchemaNewValidCtxt(schema);
	if (!vctxt) {
		*why = xstrdup("out of memory");
		goto out;
	}
	xmlSchemaSetValidStructuredErrors(vctxt, collect_schema_error, &se);
	if (xmlSchemaValidateDoc(vctxt, doc) == 0) {
		rc = 0;
	} else {
		*why = xasprintf("not valid against %s (%d errors; first: %s)",
		    xsd_path, se.count, se.first ? se.first : "?");
	}
out:
	free(se.first);
	if (vctxt)
		xmlSchemaFreeValidCtxt(vctxt);
	if (schema)
		xmlSchemaFree(schema);
	if (pctxt)
		xmlSchemaFreeParserCtxt(pctxt);
	free(buf);
	return rc;
}

xmlNodePtr
xml_text_child(xmlNodePtr parent, const char *name, const char *text)
{
	char *clean = text_clean(text ? text : "", text ? strlen(text) : 0);
	xmlNodePtr n = xmlNewTextChild(parent, NULL, BAD_CAST name, BAD_CAST clean);

	free(clean);
	return n;
}

void
xml_set_text(xmlNodePtr node, const char *text)
{
	char *clean = text_clean(text ? text : "", text ? strlen(text) : 0);

	/* xmlNodeSetContent would read "&" as the start of an entity. */
	xmlNodeSetContent(node, NULL);
	xmlNodeAddContent(node, BAD_CAST clean);
	free(clean);
}

void
xml_set(xmlNodePtr node, const char *name, const char *value)
{
	char *clean = text_clean(value ? value : "", value ? strlen(value) : 0);

	xmlSetProp(node, BAD_CAST name, BAD_CAST clean);
	free(clean);
}

void
xml_setf(xmlNodePtr node, const char *name, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		die(EX_SOFTWARE, NULL, "out of memory");
	va_end(ap);
	xml_set(node, name, s);
	free(s);
}

char *
xml_get(xmlNodePtr node, const char *name)
{
	xmlChar *v = xmlGetProp(node, BAD_CAST name);
	char *s;

	if (!v)
		return NULL;
	s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

double
xml_get_num(xmlNodePtr node, const char *name, double dflt)
{
	char *v = xml_get(node, name), *end;
	double d;

	if (!v)
		return dflt;
	d = strtod(v, &end);
	if (end == v)
		d = dflt;
	free(v);
	return d;
}

char *
xml_content(xmlNodePtr node)
{
	xmlChar *v = xmlNodeGetContent(node);
	char *s = xstrdup(v ? (const char *)v : "");

	xmlFree(v);
	return s;
}

int
xml_is(xmlNodePtr node, const char *name)
{
	return node && node->type == XML_ELEMENT_NODE &&
	    (!name || xmlStrcmp(node->name, BAD_CAST name) == 0);
}

xmlNodePtr
xml_next(xmlNodePtr node, const char *name)
{
	for (node = node ? node->next : NULL; node; node = node->next)
		if (xml_is(node, name))
			return node;
	return NULL;
}

xmlNodePtr
xml_child(xmlNodePtr node, const char *name)
{
	xmlNodePtr c;

	for (c = node ? node->children : NULL; c; c = c->next)
		if (xml_is(c, name))
			return c;
	return NULL;
}

xmlDocPtr
stream_read(const char *path)
{
	char *why = NULL, *ver;
	const char *name = strcmp(path, "-") == 0 ? "standard input" : path;
	xmlDocPtr doc = xml_read(path, &why);
	xmlNodePtr root;

	if (!doc)
		die(EX_BADINPUT, name, "%s", why);
	root = xmlDocGetRootElement(doc);
	if (!xml_is(root, "stream"))
		die(EX_BADINPUT, name, "not an intake stream (root is <%s>)",
		    (const char *)root->name);
	ver = xml_get(root, "version");
	if (!ver || strcmp(ver, INTAKE_STREAM_VERSION) != 0)
		die(EX_BADINPUT, name, "stream version %s, this program reads version %s",
		    ver ? ver : "(none)", INTAKE_STREAM_VERSION);
	free(ver);
	return doc;
}
