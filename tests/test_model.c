/*
 * test_model.c - the document models of models/documents.xml at work:
 * classification of a page and field extraction, table-driven, on text as
 * Tesseract prints it (OCR look-alikes included), and the pattern limits
 * on hostile text.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "intake.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static models *m;

/* A <page> whose lines are the lines of text, words split on spaces. */
static xmlNodePtr
make_page(xmlNodePtr parent, const char *text)
{
	xmlNodePtr page = xmlNewChild(parent, NULL, BAD_CAST "page", NULL);
	char *copy = xstrdup(text), *save = NULL, *line;
	int y = 100;

	xml_set(page, "file", "scan.png");
	xml_set(page, "index", "1");
	xml_set(page, "status", "ok");
	for (line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		xmlNodePtr l = xmlNewChild(page, NULL, BAD_CAST "line", NULL);
		char *wsave = NULL, *w;
		int x = 100;

		for (w = strtok_r(line, " ", &wsave); w; w = strtok_r(NULL, " ", &wsave)) {
			xmlNodePtr wn = xml_text_child(l, "w", w);

			xml_setf(wn, "b", "%d %d %d %d", x, y, x + 50, y + 30);
			xml_set(wn, "c", "90");
			x += 60;
		}
		y += 40;
	}
	free(copy);
	return page;
}

typedef struct {
	const char *name, *type, *text;
	const char *expect;   /* "field=value;field=value;!field" (! = field-error) */
} field_row;

static const field_row field_rows[] = {
	{"Belarusian birth certificate, Russian labels", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФамилия КОВАЛЕНКО\nСобственное имя АНДРЕЙ\n"
	    "Отчество ВИКТОРОВИЧ\nДата рождения 14 марта 1987 года\n"
	    "Место рождения г. Минск, Республика Беларусь\nДата выдачи 01.04.1987\n"
	    "I-ВМ № 0123456\n",
	    "surname=КОВАЛЕНКО;given-name=АНДРЕЙ;patronymic=ВИКТОРОВИЧ;"
	    "birth-date=1987-03-14;issue-date=1987-04-01;number=I-ВМ 0123456;"
	    "birth-place=г. Минск, Республика Беларусь"},
	{"OCR read Latin look-alikes into a label and a name", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФaмилия KOBAЛEHKO\nСобственное имя AHДPEЙ\n"
	    "Дата рождения 14.03.1987\nДата выдачи «1» апреля 1987 г.\nII-РЕ № 619418\n",
	    "surname=КОВАЛЕНКО;given-name=АНДРЕЙ;birth-date=1987-03-14;"
	    "issue-date=1987-04-01;number=II-РЕ 619418"},
	{"Belarusian-language birth certificate", "birth-certificate",
	    "ПАСВЕДЧАННЕ АБ НАРАДЖЭННІ\nПрозвішча КАВАЛЕНКА\nУласнае імя АНДРЭЙ\n"
	    "Імя па бацьку ВІКТАРАВІЧ\nДата нараджэння 14 сакавіка 1987 г.\n"
	    "Дата выдачы 1 красавіка 1987 г.\n",
	    "surname=КАВАЛЕНКА;given-name=АНДРЭЙ;patronymic=ВІКТАРАВІЧ;"
	    "birth-date=1987-03-14;issue-date=1987-04-01"},
	{"English translation of a birth certificate", "birth-certificate",
	    "BIRTH CERTIFICATE\nSurname: KOVALENKO\nGiven names: ANDREI\n"
	    "Date of birth: 14 March 1987\nDate of issue: 1 April 1987\n",
	    "surname=KOVALENKO;given-name=ANDREI;birth-date=1987-03-14;issue-date=1987-04-01"},
	{"criminal record: no record", "criminal-record-certificate",
	    "СПРАВКА\nо наличии (отсутствии) судимости\nФамилия ПЕТРОВ\nИмя ИВАН\n"
	    "Дата рождения 02.05.1990\nсведениями о судимости не располагает\n"
	    "Дата выдачи 30.09.2026\n",
	    "surname=ПЕТРОВ;given-name=ИВАН;birth-date=1990-05-02;issue-date=2026-09-30;"
	    "result=none"},
	{"criminal record: negation is not a conviction", "criminal-record-certificate",
	    "СПРАВКА о наличии (отсутствии) судимости\nФамилия ПЕТРОВ\nИмя ИВАН\n"
	    "Дата рождения 02.05.1990\nПЕТРОВ И. не имеет судимости\n",
	    "result=none"},
	{"criminal record: conviction", "criminal-record-certificate",
	    "СПРАВКА о наличии (отсутствии) судимости\nФамилия ПЕТРОВ\nИмя ИВАН\n"
	    "Дата рождения 02.05.1990\nимеет судимость: осужден 12.03.2015 по ст. 205 УК\n",
	    "result=found"},
	{"police clearance: convictions", "criminal-record-certificate",
	    "POLICE CLEARANCE CERTIFICATE\nSurname: SMITH\nGiven names: JOHN\n"
	    "Date of birth: 1 June 1980\nThe person has the following convictions:\n",
	    "result=found;surname=SMITH"},
	{"police clearance: none", "criminal-record-certificate",
	    "POLICE CLEARANCE CERTIFICATE\nSurname: SMITH\nGiven names: JOHN\n"
	    "Date of birth: 1 June 1980\nNo criminal record.\n",
	    "result=none"},
	{"contradicting wording is unreadable, never guessed", "criminal-record-certificate",
	    "СПРАВКА о наличии (отсутствии) судимости\nсудимости не имеет\n"
	    "имеет судимость\n",
	    "!result"},
	{"medical certificate: fit", "medical-certificate",
	    "МЕДИЦИНСКАЯ СПРАВКА О СОСТОЯНИИ ЗДОРОВЬЯ\nФамилия СИДОРОВА\nИмя АННА\n"
	    "Дата рождения 3 июля 1995 г.\nЗаболеваний, представляющих опасность для "
	    "здоровья населения, не выявлено\nДата выдачи 12.10.2026\n",
	    "surname=СИДОРОВА;given-name=АННА;birth-date=1995-07-03;issue-date=2026-10-12;"
	    "conclusion=fit"},
	{"medical certificate: disease found", "medical-certificate",
	    "МЕДИЦИНСКАЯ СПРАВКА О СОСТОЯНИИ ЗДОРОВЬЯ\nФамилия СИДОРОВА\nИмя АННА\n"
	    "Дата рождения 3 июля 1995 г.\nВыявлено: туберкулез легких\n",
	    "conclusion=unfit"},
	{"a missing name is reported, not guessed", "medical-certificate",
	    "МЕДИЦИНСКАЯ СПРАВКА О СОСТОЯНИИ ЗДОРОВЬЯ\nДата рождения 3 июля 1995 г.\n",
	    "!surname;!given-name;!conclusion"},
};

/* Value of field name in doc, or NULL; sets *err when a field-error names it. */
static char *
value_of(xmlNodePtr doc, const char *name, int *err)
{
	xmlNodePtr f;
	char *v = NULL;

	*err = 0;
	for (f = doc->children; f; f = f->next) {
		char *n;

		if (!xml_is(f, "field") && !xml_is(f, "field-error"))
			continue;
		n = xml_get(f, "name");
		if (n && strcmp(n, name) == 0) {
			if (xml_is(f, "field-error"))
				*err = 1;
			else
				v = xml_content(f);
		}
		free(n);
	}
	return v;
}

static void
test_model_fields_table(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof field_rows / sizeof *field_rows; i++) {
		const field_row *r = &field_rows[i];
		xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
		xmlNodePtr d = xmlNewNode(NULL, BAD_CAST "document");
		char *exp = xstrdup(r->expect), *save = NULL, *item;

		xmlDocSetRootElement(doc, d);
		xml_set(d, "type", r->type);
		make_page(d, r->text);
		extract_document(m, d);
		for (item = strtok_r(exp, ";", &save); item; item = strtok_r(NULL, ";", &save)) {
			int err;
			char *eq = strchr(item, '='), *v;

			if (item[0] == '!') {
				v = value_of(d, item + 1, &err);
				if (v || !err)
					fail_msg("row '%s': %s should be unreadable, got '%s'",
					    r->name, item + 1, v ? v : "(nothing)");
				continue;
			}
			*eq = '\0';
			v = value_of(d, item, &err);
			if (!v || strcmp(v, eq + 1) != 0)
				fail_msg("row '%s': %s = '%s', expected '%s'", r->name, item,
				    v ? v : (err ? "(field-error)" : "(absent)"), eq + 1);
			free(v);
		}
		free(exp);
		xmlFreeDoc(doc);
	}
}

typedef struct {
	const char *name, *text, *type;
} class_row;

static const class_row class_rows[] = {
	{"birth certificate", "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФамилия ИВАНОВ\nОтец ИВАНОВ ПЕТР\n"
	    "Мать ИВАНОВА ОЛЬГА\nДата рождения 01.01.2000\n", "birth-certificate"},
	{"marriage certificate looks alike but is not", "СВИДЕТЕЛЬСТВО О ЗАКЛЮЧЕНИИ БРАКА\n"
	    "Фамилия ИВАНОВ\nДата рождения 01.01.2000\nзаключили брак\n", "marriage-certificate"},
	{"death certificate", "СВИДЕТЕЛЬСТВО О СМЕРТИ\nФамилия ИВАНОВ\nДата смерти 01.01.2020\n",
	    "death-certificate"},
	{"criminal record", "СПРАВКА\nо наличии (отсутствии) судимости\nФамилия ИВАНОВ\n",
	    "criminal-record-certificate"},
	{"residence certificate is a справка too", "СПРАВКА О МЕСТЕ ЖИТЕЛЬСТВА И СОСТАВЕ СЕМЬИ\n"
	    "зарегистрирован по месту жительства\n", "residence-certificate"},
	{"medical certificate", "МЕДИЦИНСКАЯ СПРАВКА О СОСТОЯНИИ ЗДОРОВЬЯ\nформа 1 здр/у-10\n",
	    "medical-certificate"},
	{"insurance policy with medical words", "СТРАХОВОЙ ПОЛИС\nмедицинских расходов\n"
	    "заболевания туберкулез страхователь\n", "insurance-policy"},
	{"no text at all", "", "unknown"},
};

static void
test_model_classify_table(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof class_rows / sizeof *class_rows; i++) {
		xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
		xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "stream"), page;
		page_class c;

		xmlDocSetRootElement(doc, root);
		page = make_page(root, class_rows[i].text);
		c = classify_page(m, page);
		if (strcmp(c.type, class_rows[i].type) != 0)
			fail_msg("row '%s': classified %s (%.2f), expected %s",
			    class_rows[i].name, c.type, c.confidence, class_rows[i].type);
		assert_true(c.confidence >= 0 && c.confidence <= 1);
		xmlFreeDoc(doc);
	}
}

/* 1 MB of near-misses: every pattern must give up within its limits. */
static void
test_model_hostile_text_is_bounded(void **state)
{
	size_t n = 1u << 20, i;
	char *s = xmalloc(n + 1);
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr d = xmlNewNode(NULL, BAD_CAST "document");
	clock_t t0;
	double secs;

	(void)state;
	for (i = 0; i < n; i++)
		s[i] = "ДАТА РОЖДЕНИЯ 1 9 . \xff"[i % 22];
	s[n] = '\0';
	for (i = 200; i < n; i += 200)
		s[i] = '\n';
	xmlDocSetRootElement(doc, d);
	xml_set(d, "type", "criminal-record-certificate");
	make_page(d, s);
	t0 = clock();
	extract_document(m, d);
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	/* A generous bound: the point is "bounded", not "fast". */
	assert_true(secs < 30);
	free(s);
	xmlFreeDoc(doc);
}

static void
test_model_number_clean(void **state)
{
	static const char *const cases[][2] = {
		{"II-РЕ № 619418", "II-РЕ 619418"},
		{"I-ВМ №0123456", "I-ВМ 0123456"},
		{"  № 12/345-K ", "12/345-K"},
		{"", ""},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *v = number_clean(cases[i][0]);

		assert_string_equal(v, cases[i][1]);
		free(v);
	}
}

static int
setup(void **state)
{
	char *why = NULL;
	const char *dir = getenv("INTAKE_MODELS");

	(void)state;
	m = models_load(dir ? dir : "models", &why);
	if (!m) {
		fprintf(stderr, "cannot load models: %s\n", why);
		return -1;
	}
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	models_free(m);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_model_fields_table),
		cmocka_unit_test(test_model_classify_table),
		cmocka_unit_test(test_model_hostile_text_is_bounded),
		cmocka_unit_test(test_model_number_clean),
	};

	errstream = stderr;
	return cmocka_run_group_tests(tests, setup, teardown);
}
