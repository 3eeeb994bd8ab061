/*
 * fields.c - read the fields of one classified document.
 *
 * Runs the field patterns of the document's type over the folded text of
 * its pages, maps each match back to the original text, normalises it by
 * the field's kind (dates to ISO 8601, names stripped of labels and
 * look-alike letters, numbers with their series) and records where it was
 * printed and how sure the OCR was.  A field that cannot be read becomes a
 * <field-error>; nothing is guessed.
 */
#include "intake.h"

#include <stdlib.h>
#include <string.h>

/* Characters allowed around a document number: series letters, digits,
 * Roman numerals read as Latin or Cyrillic, hyphens. */
static int
is_number_char(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
	    (cp >= 'a' && cp <= 'z') || (cp >= 0x0400 && cp <= 0x04FF) ||
	    cp == '-' || cp == '/';
}

/*
 * Normalise a document number as printed: drop the № sign and labels'
 * punctuation, collapse spaces, keep series and number ("II-РЕ 619418").
 * Returns a new string, empty when nothing number-like is left.
 */
char *
number_clean(const char *s)
{
	size_t len = strlen(s), i = 0, o = 0;
	char *out = xmalloc(len + 1);
	int space = 0;

	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);

		if (n == 0) {
			i++;
			continue;
		}
		if (is_number_char(cp) && cp != 0x2116) {
			if (space && o > 0)
				out[o++] = ' ';
			space = 0;
			memcpy(out + o, s + i, n);
			o += n;
		} else {
			space = 1;
		}
		i += n;
	}
	out[o] = '\0';
	return out;
}

/* Collapse white space and trim; for issuers and places. */
static char *
text_value(const char *s)
{
	char *c = text_clean(s, strlen(s)), *p;

	for (p = c; *p; p++)
		if (*p == '\n')
			*p = ' ';
	p = text_clean(c, strlen(c));
	free(c);
	/* Trailing punctuation left by the layout is not part of the value. */
	for (size_t n = strlen(p); n > 0 && strchr(" ,;:_", p[n - 1]); n--)
		p[n - 1] = '\0';
	return p;
}

/*
 * Normalise a captured span by the field's kind.  Returns the value (new
 * string) or NULL when the span holds nothing of that kind.
 */
static char *
normalise(const field_model *fm, const pattern *p, const char *span)
{
	char *v = NULL;

	if (strcmp(fm->kind, "enum") == 0) {
		v = p->value ? xstrdup(p->value) : NULL;
	} else if (strcmp(fm->kind, "date") == 0) {
		int y, mo, d;

		if (date_find(span, &y, &mo, &d, NULL) == 0)
			v = xasprintf("%04d-%02d-%02d", y, mo, d);
	} else if (strcmp(fm->kind, "name") == 0) {
		v = name_clean(span);
	} else if (strcmp(fm->kind, "number") == 0) {
		v = number_clean(span);
	} else {
		v = text_value(span);
	}
	if (v && !*v) {
		free(v);
		v = NULL;
	}
	return v;
}

/* Attach provenance of text span [s,e) to the field element. */
static void
provenance(xmlNodePtr f, const page_text *pt, size_t s, size_t e)
{
	size_t i;
	int b[4] = {0, 0, 0, 0}, have = 0;
	double conf = 100;
	xmlNodePtr page = NULL;

	for (i = 0; i < pt->nwords; i++) {
		const word_ref *w = &pt->words[i];

		if (w->end <= s || w->start >= e)
			continue;
		if (!page)
			page = w->page;
		if (w->conf < conf)
			conf = w->conf;
		if (w->page != page)
			continue;
		if (!have) {
			memcpy(b, w->b, sizeof b);
			have = 1;
		} else {
			b[0] = w->b[0] < b[0] ? w->b[0] : b[0];
			b[1] = w->b[1] < b[1] ? w->b[1] : b[1];
			b[2] = w->b[2] > b[2] ? w->b[2] : b[2];
			b[3] = w->b[3] > b[3] ? w->b[3] : b[3];
		}
	}
	xml_setf(f, "confidence", "%.2f", have ? conf / 100.0 : 0.0);
	if (page) {
		char *file = xml_get(page, "file"), *index = xml_get(page, "index");

		xml_set(f, "file", file);
		xml_set(f, "index", index);
		free(file);
		free(index);
	}
	if (have)
		xml_setf(f, "b", "%d %d %d %d", b[0], b[1], b[2], b[3]);
}

static void
field_error(xmlNodePtr doc, const char *name, const char *reason)
{
	xmlNodePtr e = xmlNewChild(doc, NULL, BAD_CAST "field-error", NULL);

	xml_set(e, "name", name);
	xml_set(e, "reason", reason);
}

/* Span of folded text [fs,fe) back to the original text. */
static void
unfold(const page_text *pt, size_t fs, size_t fe, size_t *s, size_t *e)
{
	*s = pt->map[fs];
	*e = pt->map[fe];
}

/*
 * Extract one field: the first pattern (in model order) that yields a
 * value wins, except for enum fields, where every pattern is tried and
 * disagreeing values make the field unreadable.
 */
static void
extract_field(const models *m, const field_model *fm, const page_text *pt,
    xmlNodePtr doc)
{
	size_t i, ms, me, vs, ve, s = 0, e = 0;
	char *value = NULL;
	int limit = 0, conflict = 0, is_enum = strcmp(fm->kind, "enum") == 0;

	for (i = 0; i < fm->npats && !conflict; i++) {
		size_t start = 0;
		int rc;

		/* Try every match of the pattern until one normalises. */
		while ((rc = pattern_match(m, &fm->pats[i], pt->fold, pt->foldlen,
		    start, &ms, &me, &vs, &ve)) == 1) {
			size_t os, oe;
			char *span, *v;

			unfold(pt, vs, ve, &os, &oe);
			span = xstrndup(pt->text + os, oe - os);
			v = normalise(fm, &fm->pats[i], span);
			free(span);
			if (v) {
				if (!value) {
					value = v;
					s = os;
					e = oe;
				} else {
					if (strcmp(v, value) != 0)
						conflict = 1;
					free(v);
				}
				if (!is_enum)
					break;
			}
			start = me > start ? me : start + 1;
			if (is_enum)
				break;
		}
		if (rc < 0)
			limit = 1;
		if (value && !is_enum)
			break;
	}
	if (conflict) {
		field_error(doc, fm->name, "conflicting wording");
	} else if (value) {
		xmlNodePtr f = xml_text_child(doc, "field", value);

		xml_set(f, "name", fm->name);
		provenance(f, pt, s, e);
	} else if (fm->required) {
		field_error(doc, fm->name, limit ? "pattern limit reached" : "not found");
	}
	free(value);
}

void
extract_document(const models *m, xmlNodePtr doc)
{
	char *type = xml_get(doc, "type");
	const doc_type *dt = type ? models_type(m, type) : NULL;
	xmlNodePtr pages[4096], p;
	size_t n = 0, i;
	page_text pt;

	free(type);
	if (!dt || dt->nfields == 0)
		return;
	for (p = xml_child(doc, "page"); p && n < 4096; p = xml_next(p, "page"))
		pages[n++] = p;
	page_text_build(&pt, pages, n);
	for (i = 0; i < dt->nfields; i++)
		extract_field(m, &dt->fields[i], &pt, doc);
	page_text_free(&pt);
}

