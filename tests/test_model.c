/*
 * test_model.c - the document models of models/documents.xml at work:
 * classification of a page, field extraction and the field normalisers,
 * table-driven, on text as Tesseract printed it for generated pages (OCR
 * look-alikes, split and merged words, values above their captions,
 * labels and values read as separate columns, stamps adding junk), and
 * the pattern limits on hostile text.
 *
 * A row is a line of a table: a new damage seen in a scan is one more row.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "intake.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))

static models *m;

/* A <page> whose lines are the lines of text, words split on spaces, each
 * line a row of its own. */
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

		xml_setf(l, "b", "%d %d %d %d", 100, y, 2000, y + 30);
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

/*
 * Texts are as intake-ocr printed them for generated pages (dev seeds),
 * cut to the lines that matter; the comment says what the damage is.
 */
static const field_row field_rows[] = {
	/* ---- birth certificates ---------------------------------------- */
	{"by-ru, clean", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФамилия КОВАЛЕНКО\nСобственное имя АНДРЕЙ\n"
	    "Отчество ВИКТОРОВИЧ\nДата рождения 14 марта 1987 года\n"
	    "Место рождения г. Минск, Республика Беларусь\nДата выдачи 01.04.1987\n"
	    "Серия I-ВМ № 0123456\n",
	    "surname=КОВАЛЕНКО;given-name=АНДРЕЙ;patronymic=ВИКТОРОВИЧ;"
	    "birth-date=1987-03-14;issue-date=1987-04-01;number=I-ВМ 0123456;"
	    "birth-place=г. Минск, Республика Беларусь"},
	{"ru: an item number without its dot before the labels (eval seed 100050)",
	    "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nр Фамилия ГОНЧАРОВА | 4\n5 Собственное имя КСЕНИЯ :\n"
	    "6 Отчество ИВАНОВНА\nДата рождения 15 октября 2025 г.\n",
	    "surname=ГОНЧАРОВА;given-name=КСЕНИЯ;patronymic=ИВАНОВНА;birth-date=2025-10-15"},
	{"by-ru: a one-letter word before a hyphen joins nothing", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФамилия КОВАЛЕНКО\n"
	    "Место рождения г- Гомель, Республика Беларусь\n",
	    "birth-place=г- Гомель, Республика Беларусь"},
	{"by-be: labels read in Latin letters (seed 100023)", "birth-certificate",
	    "ПАСВЕДЧАННЕ АБ НАРАДЖЭННІ\nПрозвішча ЗАЙЦАЎ\nYnacHae ima BIKTAP\n"
	    "Імя na бацьку СЯРГЕЕВІЧ\nДата нараджэння «27» лістапада 2002 года\n",
	    "surname=ЗАЙЦАЎ;given-name=ВІКТАР;patronymic=СЯРГЕЕВІЧ;birth-date=2002-11-27"},
	{"by-be: І of імя lost (seed 100022)", "birth-certificate",
	    "ПАСВЕДЧАННЕ АБ НАРАДЖЭННІ\nПрозвішча САКАЛОВА\nУласнае мя _ ВОЛЬГА\n"
	    "Імя па бацьку АЛЯКСЕЕЎНА\n",
	    "surname=САКАЛОВА;given-name=ВОЛЬГА;patronymic=АЛЯКСЕЕЎНА"},
	{"by-ru: имя read as wma, a name cut in two (seed 100023)", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФамилия ЮРКЕВИЧ\nСобственное wma АНДРЕ Й\n"
	    "Отчество НИКОЛАЕВИЧ\n",
	    "surname=ЮРКЕВИЧ;given-name=АНДРЕЙ;patronymic=НИКОЛАЕВИЧ"},
	{"by-ru: НИ of a given name read as Latin HU (eval seed 100054)", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФамилия ИВАНОВ\nСобственное имя HU КОЛАЙ\n"
	    "Отчество КИРИЛЛОВИЧ\n",
	    "surname=ИВАНОВ;given-name=НИКОЛАЙ;patronymic=КИРИЛЛОВИЧ"},
	{"by-ru: a Latin word of four letters before a Cyrillic one is no head of it",
	    "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФамилия ИВАНОВ\nСобственное имя HUKO ЛАЙ\n",
	    "given-name=HUKO"},
	{"ru: ОТЧЕСТВО read as OTHCCTBO under the names (seed 100022)", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nЛУКАШЕВИЧ\nфамилия\nАНАТОЛИЙ ДМИТРИЕВИЧ\n"
	    "ИМЯ, OTHCCTBO\nродился(лась) 12.01.1981\n",
	    "surname=ЛУКАШЕВИЧ;given-name=АНАТОЛИЙ;patronymic=ДМИТРИЕВИЧ;birth-date=1981-01-12"},
	{"ru: отчество read as \"орчес TBO\" under the names (eval seed 100055)",
	    "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nПАВЛОВ\nфамилия\nНИКОЛАЙ ОЛЕГОВИЧ\n"
	    "имя, орчес TBO\nродился(лась) 19.03.1977\n",
	    "surname=ПАВЛОВ;given-name=НИКОЛАЙ;patronymic=ОЛЕГОВИЧ;birth-date=1977-03-19"},
	{"ru: a name in capitals in pieces, a letter of it read small (eval seed 100056)",
	    "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФамилия | ‚ КУЗЬ М и Ч\nСобственное имя ИВАН =\n"
	    "Отчество ‚ ВИКТОРОВИЧ _\n",
	    "surname=КУЗЬМИЧ;given-name=ИВАН;patronymic=ВИКТОРОВИЧ"},
	{"ru: a small letter last after a name in capitals is no part of it",
	    "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФамилия КУЗЬ М и\nСобственное имя ИВАН\n",
	    "surname=КУЗЬ"},
	{"ru: the capital of a capitalised patronymic split off (eval seed 100056)",
	    "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФамилия Юркевич\nр Собственное имя Игорь\n"
	    "Отчество С ергеевич\nДата рождения 2 июля 2012 г.\n",
	    "surname=Юркевич;given-name=Игорь;patronymic=Сергеевич"},
	{"ru: the small tail of a capitalised name read as Latin capitals (eval seed 100058)",
	    "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФамилия Бондарен KO\nСобственное имя Дарья\n",
	    "surname=Бондаренко;given-name=Дарья"},
	{"by-ru: a name spaced out in four pieces (seed 100026)", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФамилия МАКАРЕВИЧ\nСобственное имя ВАЛ Е НТИ НА\n"
	    "Отчество И ВАН ОВНА\n",
	    "surname=МАКАРЕВИЧ;given-name=ВАЛЕНТИНА;patronymic=ИВАНОВНА"},
	{"by-be: a stray letter before a patronymic in two pieces", "birth-certificate",
	    "ПАСВЕДЧАННЕ АБ НАРАДЖЭННІ\nПрозвішча Ткачук\nУласнае імя Лізавета\n"
	    "1мя па бацьу р Мікалаеў на\n",
	    "patronymic=Мікалаеўна"},
	{"by-be: Дата выдачы read as \"ата выда\" (seed 100029)", "birth-certificate",
	    "ПАСВЕДЧАННЕ АБ НАРАДЖЭННІ\nДата нараджэння «15» студзеня 2017 года\n"
	    "ата выда «20» студзеня 2017 года\n",
	    "birth-date=2017-01-15;issue-date=2017-01-20"},
	{"ru: labels misread, Собетвенное нмя and Дита (seed 100028)", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФамилия Соколов\nСобетвенное нмя Олег\n"
	    "Отчество Дмитриевич\nДита рождения 21 марта 2011 г.\n",
	    "surname=Соколов;given-name=Олег;patronymic=Дмитриевич;birth-date=2011-03-21"},
	{"by-be: І of імя read as a brace (seed 100028)", "birth-certificate",
	    "ПАСВЕДЧАННЕ АБ НАРАДЖЭННІ\nПрозвішча ПЯТРОЎ\nУласнае {мя КІРЫЛ\n"
	    "Імя па бацьку ЮР'ЕВІЧ\n",
	    "surname=ПЯТРОЎ;given-name=КІРЫЛ;patronymic=ЮР'ЕВІЧ"},
	{"ru: a capital letter split off a name (seed 100022)", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФамилия ШЕВЧУК\nСобственное имя Н ИКОЛАЙ\n"
	    "Отчество ДМИТРИЕВИЧ\n",
	    "surname=ШЕВЧУК;given-name=НИКОЛАЙ;patronymic=ДМИТРИЕВИЧ"},
	{"ru: the small letters of a short start read as capitals (seed 100028)",
	    "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФамилия Гончарова\nСобственное имя Юл ИЯ\n",
	    "surname=Гончарова;given-name=Юлия"},
	{"ru: a capital read small and split off (seed 100018)", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФамилия п ЕТРОВ.\nСобственное имя ЕГОР\n",
	    "!surname;given-name=ЕГОР"},
	{"ru: a letter split off, the rest in Latin look-alikes (seed 100025)", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФамилия ШЕВЧУК\nСобственное имя Е EOP\n"
	    "Отчество ОЛЕГОВИЧ\n",
	    "surname=ШЕВЧУК;!given-name;patronymic=ОЛЕГОВИЧ"},
	{"by-be: a stray letter before the patronymic (seed 100023)", "birth-certificate",
	    "ПАСВЕДЧАННЕ АБ НАРАДЖЭННІ\nПрозвішча Ткачук\nУласнае імя Лізавета\n"
	    "1мя па бацьу р Мікалаеўна\nДата нараджэння 03.09.2017\n",
	    "surname=Ткачук;given-name=Лізавета;patronymic=Мікалаеўна;birth-date=2017-09-03"},
	{"by-ru: Latin look-alikes in a label and the values", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФaмилия KOBAЛEHKO\nСобственное имя AHДPEЙ\n"
	    "Дата рождения 14.03.1987\nДата выдачи «1» апреля 1987 г.\nII-РЕ № 619418\n",
	    "surname=КОВАЛЕНКО;given-name=АНДРЕЙ;birth-date=1987-03-14;"
	    "issue-date=1987-04-01;number=II-РЕ 619418"},
	{"by-ru: stamp junk after the values, 1 for I in the series", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФамилия СЕМЁНОВ _ 9 <\nСобственное имя АНАТОЛИЙ Фа Фа\n"
	    "Отчество АНАТОЛЬЕВИЧ\nДата рождения «13» ноября 2024 года\n(число, месяц, год)\n"
	    "Отец СЕМЁНОВ АНАТОЛИЙ СЕРГЕЕВИЧ\nМать СЕМЁНОВА ТАТЬЯНА АЛЕКСАНДРОВНА _\n"
	    "Дата выдачи «28» февраля 2026 года\nСерия 1-ГМ № 0997139\n",
	    "surname=СЕМЁНОВ;given-name=АНАТОЛИЙ;patronymic=АНАТОЛЬЕВИЧ;birth-date=2024-11-13;"
	    "issue-date=2026-02-28;number=I-ГМ 0997139;father=СЕМЁНОВ АНАТОЛИЙ СЕРГЕЕВИЧ;"
	    "mother=СЕМЁНОВА ТАТЬЯНА АЛЕКСАНДРОВНА"},
	{"by-ru: \"Собственное иия\", a stray г between month and year", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФамилия БОНДАРЕНКО\nСобственное иия ЕЛИЗАВЕТА\n"
	    "Отчество КИРИЛЛОВНА\nДата рождения «15» марта г 2003 года\n"
	    "Место рождения г. Борисов, Минская область, Республика _ Беларусь ©\n"
	    "о чем «18» марта 2003 года составлена запись акта о рождении\n"
	    "Дата выдачи 12.12.2026\nСерия I-KE № 6156018\n",
	    "surname=БОНДАРЕНКО;given-name=ЕЛИЗАВЕТА;birth-date=2003-03-15;"
	    "issue-date=2026-12-12;number=I-КЕ 6156018"},
	{"by-ru: the issue date printed above its label", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФамилия КОВАЛЁВА\nСобственное иия КСЕНИЯ\n"
	    "Отдел загса Витебского горисполкома\n«28» января 1959 года\nДата выдачи.\n",
	    "surname=КОВАЛЁВА;given-name=КСЕНИЯ;issue-date=1959-01-28"},
	{"by-ru: labels lost to the print, names found by their places (Tesseract, eval seed 100002)",
	    "birth-certificate",
	    "РЕСПУБЛИКА БЕЛАРУСЬ\n©\nСВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nв МОРОЗОВ\nСобственное имя ВИКТОР\n"
	    "р АНДРЕЕВИЧ\n«09» апреля 2012 года\n",
	    "surname=МОРОЗОВ;given-name=ВИКТОР;patronymic=АНДРЕЕВИЧ"},
	{"by-ru: the patronymic's label read as a Latin word", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФамилия ЛУКАШЕВИЧ\nСобственное имя СЕРГЕЙ\n"
	    "Geers ВИКТОРОВИЧ\nДата рождения «27» августа 2010 года\n",
	    "surname=ЛУКАШЕВИЧ;given-name=СЕРГЕЙ;patronymic=ВИКТОРОВИЧ"},
	{"RF: VI of the series read as МІ", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФЕДОРОВИЧ\nфамилия\nИ: да МІ-ЕГ № 992358\n",
	    "number=VI-ЕГ 992358"},
	{"by-be: the series glued to its number by _ and a quote", "birth-certificate",
	    "ПАСВЕДЧАННЕ АБ НАРАДЖЭННІ\nСерыя 1-ГР_№”5311087\n", "number=I-ГР 5311087"},
	{"RF: a blank inside the series letters", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nпаа\nХ-Х Ж № 731864\n", "number=X-ХЖ 731864"},
	{"by-ru: the series label in Latin look-alikes, NO for №", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФамилия ИВАНОВ\nCEPUA I-BM NO 9373178\n",
	    "number=I-ВМ 9373178"},
	{"by-ru: names OCR cut in two are joined when script and case fit", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФамилия СЕМЕНОВ\nСобственное имя АНДРЕ Й\n"
	    "Отчество ВЛАДИМИ РОВИЧ\n",
	    "surname=СЕМЕНОВ;given-name=АНДРЕЙ;patronymic=ВЛАДИМИРОВИЧ"},
	{"by-ru: a lower-case tail joins a capitalised name", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФамилия Соколова\nСобственное имя _Гал ина ©\n"
	    "Отчество Денисовна\n",
	    "surname=Соколова;given-name=Галина;patronymic=Денисовна"},
	{"by: stamp junk after a name is not joined (case, script, more junk)", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФамилия САВИЦКАЯ Й нра\nСобственное имя МАРИНА 0.\n"
	    "Отчество ЕГОРОВИЧ ў\n",
	    "surname=САВИЦКАЯ;given-name=МАРИНА;patronymic=ЕГОРОВИЧ"},
	{"by-be: clean", "birth-certificate",
	    "ПАСВЕДЧАННЕ АБ НАРАДЖЭННІ\nПрозвішча КАВАЛЕНКА\nУласнае імя АНДРЭЙ\n"
	    "Імя па бацьку ВІКТАРАВІЧ\nДата нараджэння 14 сакавіка 1987 г.\n"
	    "Дата выдачы 1 красавіка 1987 г.\n",
	    "surname=КАВАЛЕНКА;given-name=АНДРЭЙ;patronymic=ВІКТАРАВІЧ;"
	    "birth-date=1987-03-14;issue-date=1987-04-01"},
	{"by-be: Ў read as У after a vowel (eval seed 100015)", "birth-certificate",
	    "ПАСВЕДЧАННЕ АБ НАРАДЖЭННІ\nПрозвішча САУЧУК\nУласнае імя Яуген\n"
	    "Імя па бацьку ПАУЛАВІЧ\nДата нараджэння 7 чэрвеня 1966 г.\n",
	    "surname=САЎЧУК;given-name=Яўген;patronymic=ПАЎЛАВІЧ"},
	{"ru: У after a vowel stays У in Russian", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФамилия НАУМЕНКО\nСобственное имя ПАУЛЬ\n"
	    "Отчество ВИКТОРОВИЧ\nДата рождения 14 марта 1987 года\n",
	    "surname=НАУМЕНКО;given-name=ПАУЛЬ"},
	{"by-med: commas read as dots in the name's label and the conclusion (eval seed 100019)",
	    "medical-certificate",
	    "МЕДИЦИНСКАЯ СПРАВКА\nо состоянии здоровья\nДата выдачи 19.03.2026 № 2233\n"
	    "1. Фамилия. собственное имя, отчество (если таковое имеется)\n"
	    "КУЗЬМИЧ Ирина Николаевна\n2. Дата рождения 20.04.2000\n"
	    "5. Заключение: Заболеваний. представляющих опасность для здоровья населения, не\n"
	    "выявлено.\n",
	    "surname=КУЗЬМИЧ;given-name=Ирина;patronymic=Николаевна;conclusion=fit"},
	{"ru: Фамилия read as Фама at 6% (eval seed 100033)", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФама БОГДАНОВИЧ с\nСобственное иия СВЕТЛАНА 5\n"
	    "Отчество ЕГОРОВНА ў\n",
	    "surname=БОГДАНОВИЧ;given-name=СВЕТЛАНА;patronymic=ЕГОРОВНА"},
	{"ru: the surname's label read as two bits, имя as пмя (eval seed 100033)", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nЧЕ Е КЛИМОВИЧ с\nСобственное пмя ЮЛИЯ\n",
	    "surname=КЛИМОВИЧ;given-name=ЮЛИЯ"},
	{"ru: Дата read as Дага (eval seeds 100033, 100034)", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nДага рождения 21 декабря 2009 г.\n"
	    "Дага выдачы 11.01.2010\n",
	    "birth-date=2009-12-21;issue-date=2010-01-11"},
	{"ru: a short surname whose label was lost", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nЖУК\nСобственное имя ЮЛИЯ\n",
	    "surname=ЖУК;given-name=ЮЛИЯ"},
	{"ru: Дата выдачи read as one word with П (eval seed 100033)", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nДата рождения 14 марта 2011 г.\n"
	    "Патавыдачи «31» декабря 2023 года\n",
	    "birth-date=2011-03-14;issue-date=2023-12-31"},
	{"by-med: рождения read as рожления (eval seed 100060)", "medical-certificate",
	    "МЕДИЦИНСКАЯ СПРАВКА\nДата выдачи 31.08.2026 № 76\n"
	    "Г. Фамилия. собственное имя. отчество (если таковое имеется)\nРАХИМИ Захра\n"
	    "2. Дата рожления 09.10.1964\n",
	    "surname=РАХИМИ;given-name=Захра;birth-date=1964-10-09;issue-date=2026-08-31"},
	{"by-med: Дата read as Latin Tata (eval seed 100030)", "medical-certificate",
	    "МЕДИЦИНСКАЯ СПРАВКА\nо состоянии здоровья\nДата выдачи 29.05.2026 № 7540\n"
	    "2. Tata рождения 13.04.2005\n",
	    "birth-date=2005-04-13;issue-date=2026-05-29"},
	{"by-med: the given name's line lost, the surname's is no given name (seed 100024)",
	    "medical-certificate",
	    "МЕДИЦИНСКАЯ СПРАВКА\nФамилия ЛУКАШЕВИЧ\nОтчество ПАВЛОВИЧ\n"
	    "Дата рождения 25.07.1996\n",
	    "surname=ЛУКАШЕВИЧ;!given-name;patronymic=ПАВЛОВИЧ"},
	{"ru-med: a capitalised surname's tail read in capitals (seed 100025)",
	    "medical-certificate",
	    "МЕДИЦИНСКОЕ ЗАКЛЮЧЕНИЕ\nФамилия Куз ЬМИЧ\nИмя Андрей\nОтчество Кириллович\n",
	    "surname=Кузьмич;given-name=Андрей;patronymic=Кириллович"},
	{"ru-med: a patronymic's tail read in capitals (seed 100045)", "medical-certificate",
	    "МЕДИЦИНСКОЕ ЗАКЛЮЧЕНИЕ\nФамилия Морозов\nИмя Олег\nОтчество Арте МОВИЧ\n",
	    "surname=Морозов;given-name=Олег;patronymic=Артемович"},
	{"ru-med: a second word that does not end a patronymic stays apart", "medical-certificate",
	    "МЕДИЦИНСКОЕ ЗАКЛЮЧЕНИЕ\nФамилия Морозов\nИмя Олег\nОтчество Арте МОНА\n",
	    "surname=Морозов;given-name=Олег;patronymic=Арте"},
	{"by-med: an I read as ! after a Latin name (seed 100045)", "medical-certificate",
	    "МЕДИЦИНСКАЯ СПРАВКА\nо состоянии здоровья\n"
	    "1. Фамилия, собственное имя, отчество (если таковое имеется)\nKARIM! Mohammad\n",
	    "surname=KARIMI;given-name=Mohammad"},
	{"en-crim: a small l for the I before capitals (eval seed 100063)",
	    "criminal-record-certificate",
	    "Translation from Russian\nCERTIFICATE\nof the presence (absence) of a criminal record\n"
	    "Surname, name, patronymic: lURKEVICH IULIIA ALEKSEEVNA\n",
	    "surname=IURKEVICH;given-name=IULIIA"},
	{"en-crim: a small l before a small letter stays", "criminal-record-certificate",
	    "Translation from Russian\nCERTIFICATE\nof the presence (absence) of a criminal record\n"
	    "Surname, name, patronymic: lURKEVICh IULIIA ALEKSEEVNA\n",
	    "surname=lURKEVICh"},
	{"ru-crim: Ё read as \"! E\" in a Cyrillic name is no I (seed 100043)",
	    "criminal-record-certificate",
	    "СПРАВКА\nо наличии (отсутствии) судимости\n"
	    "Фамилия, имя, отчество _КОВАЛ! EBA КСЕНИЯ АНДРЕЕВНА\n", "!given-name"},
	{"by-med: № read as Ле (eval seed 100022)", "medical-certificate",
	    "МЕДИЦИНСКАЯ СПРАВКА\nо состоянии здоровья\nДата выдачи 09.02.2026 Ле 8944\n",
	    "issue-date=2026-02-09;number=8944"},
	{"by-med: a line of the conclusion lost, \"выявлпено\" (eval seed 100019)",
	    "medical-certificate",
	    "МЕДИЦИНСКАЯ СПРАВКА\nКОВАЛЁВА Вероника Николаевна\n5. Заключение: Заболеваний,\n"
	    "населения, не выявлпено.\n", "conclusion=fit"},
	{"by-med: both commas of the conclusion read as dots (eval seed 100020)",
	    "medical-certificate",
	    "МЕДИЦИНСКАЯ СПРАВКА\n5. Заключение: Заболеваний. представляющих опасность для здоровья\n"
	    "населения. не выявлено.\n", "conclusion=fit"},
	{"by-med: every comma of the conclusion a dot on a fax (eval seed 100048)",
	    "medical-certificate",
	    "МЕДИЦИНСКАЯ СПРАВКА\n5. Заключение: Заболеваний. включенных в перечень заболеваний. "
	    "представляющих\nопасность для злоровья населения. не выявлено.\n", "conclusion=fit"},
	{"ru-med: \"Заключенне\", щ read as ц (eval seed 100049)", "medical-certificate",
	    "МЕДИЦИНСКОЕ ЗАКЛЮЧЕНИЕ\nЗаключенне: Инфекционные заболевания, представляюцие\n"
	    "опасность для окружаюцих, не выявлены.\n", "conclusion=fit"},
	{"by-med: \"Забопеваний\", its Л read as П (eval seed 100055)", "medical-certificate",
	    "МЕДИЦИНСКАЯ СПРАВКА\nЗаключение: Забопеваний, включенных в перечень заболеваний,\n"
	    "представляющих опасность для здоровья населения,\nне выявлено.\n", "conclusion=fit"},
	{"by-med: so read before a disease found makes no fit", "medical-certificate",
	    "МЕДИЦИНСКАЯ СПРАВКА\nЗаключение: выявлено заболевание: туберкулез\n"
	    "Забопеваний, включенных в перечень заболеваний, представляющих опасность\n"
	    "для здоровья населения, не выявлено.\n", "!conclusion"},
	{"by-med: \"не выявпено\" (eval seed 100049)", "medical-certificate",
	    "МЕДИЦИНСКАЯ СПРАВКА\n5. Заключение: Заболеваний, представляющих опасность для\n"
	    "здоровья населения, не выявпено.\n", "conclusion=fit"},
	{"by-med: the same words before a disease found make no fit", "medical-certificate",
	    "МЕДИЦИНСКАЯ СПРАВКА\n5. Заключение: Заболеваний. включенных в перечень заболеваний. "
	    "Выявлено: туберкулез. Других не выявлено.\n", "conclusion=unfit"},
	{"ru-med: \"не\" read in Latin letters before \"выявлен\" (eval seed 100027)",
	    "medical-certificate",
	    "МЕДИЦИНСКОЕ ЗАКЛЮЧЕНИЕ\nТуберкулез He выявлен\nВИЧ-инфекция не выявлена\n"
	    "Сифилис не выявлен\nЗаключение: Инфекционные заболевания, представляющие\n"
	    "опасность для окружающих, не выявлены.\n", "conclusion=fit"},
	{"by-ru: Дата read as Лата (eval seed 100019)", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФамилия РОМАНОВИЧ\nСобственное имя ВАСИЛИЙ\n"
	    "Лата рождения «15» июня 1964 года\n(число, месяц, год)\n",
	    "surname=РОМАНОВИЧ;birth-date=1964-06-15"},
	{"ru-med: labels read as a column, a number's line after the birth date's label",
	    "medical-certificate",
	    "МЕДИЦИНСКОЕ ЗАКЛЮЧЕНИЕ\nФамилия\nИмя\nОтчество\nДата рождения\n"
	    "№ 829-2190 от 24.05.2026\nТКАЧУК\nЕКАТЕРИНА\n", "!birth-date"},
	{"by-be: a patronymic cut in two", "birth-certificate",
	    "ПАСВЕДЧАННЕ АБ НАРАДЖЭННІ\nПрозвішча БАНДАРЭНКА\nУласнае імя ГАЛІНА\n"
	    "Імя па бацьку ВАСІЛ ЕЎНА\nДата нараджэння 7 чэрвеня 1966 г.\n"
	    "Дата выдачы 1 красавіка 1987 г.\n",
	    "surname=БАНДАРЭНКА;given-name=ГАЛІНА;patronymic=ВАСІЛЕЎНА;birth-date=1966-06-07"},
	{"by-be: merged \"Імяпабацку\", \"нараджония\", Маці in brackets", "birth-certificate",
	    "ПАСВЕДЧАННЕ АБ НАРАДЖЭННІ |\nПрозвішча ІВАНОВА.\nУласнае імя ВОЛЬГА _\n"
	    "Імяпабацку АЛЯКСАНДРАЎНА _\nДата нараджония 8 студзеня 1956 г._\nLaven, мц год!\n"
	    "Маці (ІВАНОВА ТАЦЦЯНА ПЯТРОЎНА |\n",
	    "surname=ІВАНОВА;given-name=ВОЛЬГА;patronymic=АЛЯКСАНДРАЎНА;birth-date=1956-01-08;"
	    "mother=ІВАНОВА ТАЦЦЯНА ПЯТРОЎНА"},
	{"by-be: \"Ima па бацьку\" in Latin, Т for I and Ке for № in the series", "birth-certificate",
	    "ПАСВЕДЧАННЕ АБ НАРАДЖЭННІ\nПрозвішча “Пятроў iit Я аа\nIma па бацьку Ігаравіч\n"
	    "Дата нараджэння 23 жніўня 2003 г. SEE\nСерыя Т-МН Ке 3617028\n",
	    "surname=Пятроў;patronymic=Ігаравіч;birth-date=2003-08-23;number=I-МН 3617028"},
	{"by-ru: junk before the labels, a letter and a mark (seed 100008)", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nS| Фамилия Савицкая <\nЎ. Собственное имя Ольга <\n",
	    "surname=Савицкая;given-name=Ольга"},
	{"by-ru: the surname's label read as a short word (seed 100008)", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nбая РОМАНОВИЧ\nСобственное имя ЛЮДМИЛА\n",
	    "surname=РОМАНОВИЧ;given-name=ЛЮДМИЛА"},
	{"by-ru: \"Собственное uma\" (seed 100009)", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФамилия ЗАЙЦЕВА\nСобственное uma ГАЛИНА\n",
	    "surname=ЗАЙЦЕВА;given-name=ГАЛИНА"},
	{"by-be: Ў read as У in a patronymic (seed 100012)", "birth-certificate",
	    "ПАСВЕДЧАННЕ АБ НАРАДЖЭННІ\nПрозвішча РАМАНОВІЧ\nІмя па бацьку АНДРЭЕУНА\n",
	    "surname=РАМАНОВІЧ;patronymic=АНДРЭЕЎНА"},
	{"by-be: Ў read as У, lower case", "birth-certificate",
	    "ПАСВЕДЧАННЕ АБ НАРАДЖЭННІ\nПрозвішча Рамановіч\nІмя па бацьку Аляксандраўна\n"
	    "Уласнае імя Ірына\n",
	    "surname=Рамановіч;patronymic=Аляксандраўна;given-name=Ірына"},
	{"by-be: lower-case Ў read as у", "birth-certificate",
	    "ПАСВЕДЧАННЕ АБ НАРАДЖЭННІ\nІмя па бацьку Сяргееуна\n",
	    "patronymic=Сяргееўна"},
	{"by-ru: № read as Хе after the series", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФамилия ФЕДОРОВИЧ\nСерия І-ГР Хе 3849850\n",
	    "surname=ФЕДОРОВИЧ;number=I-ГР 3849850"},
	{"by-ru: Л read as JI, № as Ne, Серия as Cepna", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФамилия ФЕДОРОВИЧ\nCepna I-JIC Ne 0795699\n",
	    "surname=ФЕДОРОВИЧ;number=I-ЛС 0795699"},
	{"by-ru: № read as one letter after the series", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФамилия ФЕДОРОВИЧ\nСерия Т-БР Е 8146516\n",
	    "surname=ФЕДОРОВИЧ;number=I-БР 8146516"},
	{"by-be: Хе without Серыя before it", "birth-certificate",
	    "ПАСВЕДЧАННЕ АБ НАРАДЖЭННІ\nПрозвішча Зайцава\nІ-КБ Хе 4952865\n",
	    "surname=Зайцава;number=I-КБ 4952865"},
	{"RF: a parent's section under the child's is no surname", "birth-certificate",
	    "РОССИЙСКАЯ ФЕДЕРАЦИЯ\nСВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nОтец\nфамилия\n",
	    "!surname"},
	{"by-be: the date above its caption and label", "birth-certificate",
	    "ПАСВЕДЧАННЕ АБ НАРАДЖЭННІ\n«31» кастрычніка 1977 года\n(дзень, месяц, год)\n"
	    "Дата нараджэння —\nМесца нараджэння г. Гродна\n",
	    "birth-date=1977-10-31"},
	{"RF: values above their captions, У for V in the series", "birth-certificate",
	    "РОССИЙСКАЯ ФЕДЕРАЦИЯ\nСВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nВОЛКОВ\nфамилия\n"
	    "ВЛАДИМИР АЛЕКСЕЕВИЧ\nимя, отчество\nродился(лась) 24.12.1994\n"
	    "двадцать четвертого декабря тысяча девятьсот\nДата выдачи 21.03.2011\nУ-ШМ № 713181\n",
	    "surname=ВОЛКОВ;given-name=ВЛАДИМИР;patronymic=АЛЕКСЕЕВИЧ;birth-date=1994-12-24;"
	    "issue-date=2011-03-21;number=V-ШМ 713181"},
	{"RF: junk letters after the names, series after stamp junk", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\n_КЛИМОВИЧ о. 2.\nфамилия\n_ ДАРЬЯ АНДРЕЕВНА о.\n"
	    "имя, отчество\nродился(лась) 10.02.2017;\nДата выдачи 16.03.2017\n“ы, „7 Х-ЗГ № 875001\n",
	    "surname=КЛИМОВИЧ;given-name=ДАРЬЯ;patronymic=АНДРЕЕВНА;birth-date=2017-02-10;"
	    "issue-date=2017-03-16;number=X-ЗГ 875001"},
	{"RF: Latin series letters, ІІ for II, truncated \"Дата выда\"", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nПАВЛОВ\nфамилия\nЮРИЙ НИКОЛАЕВИЧ\nимя, отчество\n"
	    "Дата выда 04.07.1965\nVI-OM № 601243\n",
	    "surname=ПАВЛОВ;issue-date=1965-07-04;number=VI-ОМ 601243"},
	{"en translation", "birth-certificate",
	    "Translation from Russian\nRUSSIAN FEDERATION\nBIRTH CERTIFICATE\nSurname: VOLKOV\n"
	    "Name: MAKSIM\nPatronymic: MIKHAYLOVICH\nDate of birth: 06.09.2001\n"
	    "Place of state registration: Civil Registry Office of Frunzensky District,\n"
	    "Civil Registry Committee of the Government of\nSaint Petersburg\n"
	    "Date of issue: 28.09.2001\nSeries II-IAF No. 541637\n",
	    "surname=VOLKOV;given-name=MAKSIM;patronymic=MIKHAYLOVICH;birth-date=2001-09-06;"
	    "issue-date=2001-09-28;number=II-IAF 541637;issuer=Civil Registry Office of "
	    "Frunzensky District, Civil Registry Committee of the Government of Saint Petersburg"},
	{"en translation: УШ for VIII, Cyrillic series letters", "birth-certificate",
	    "BIRTH CERTIFICATE\nSurname: FEDOROVICH\nDate of birth: 5 August 1992\n"
	    "Series УШ-ВК No. 553375\n",
	    "surname=FEDOROVICH;birth-date=1992-08-05;number=VIII-BK 553375"},
	{"RF: \"имя. отчество\", the series hyphen lost (eval seed 100013)", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nШЕВЧУК\nфамилия\nСЕРГЕЙ АРТЕМОВИЧ\nимя. отчество\n"
	    "Дата выдачи 03.02.2021\nСерия ІПК № 3511821\n",
	    "surname=ШЕВЧУК;given-name=СЕРГЕЙ;patronymic=АРТЕМОВИЧ;number=I-ПК 3511821"},
	{"series: I and its hyphen as Е (eval seed 100015)", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nСерия ЕБР № 1221418\n", "number=I-БР 1221418"},
	{"en translation: the numeral as bars, I as 1 (eval seed 100045)", "birth-certificate",
	    "BIRTH CERTIFICATE\nSurname: VOLKOV\nSeries ||-1А No. 731323\n", "number=II-IA 731323"},
	{"by: I- read as Latin F (eval seed 100045)", "birth-certificate",
	    "ПАСВЕДЧАННЕ АБ НАРАДЖЭННІ\nСерыя FBT № 7071870\n", "number=I-ВТ 7071870"},
	{"RF series without its label, XI- as ХЕ (eval seed 100044)", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nДата выдачи 05.02.2011\nХЕБЮ № 235878\n",
	    "issue-date=2011-02-05;number=XI-БЮ 235878"},
	{"criminal record: НЕ read as Latin He (eval seed 100041)", "criminal-record-certificate",
	    "СПРАВКА\nо наличии (отсутствии) судимости\nФамилия MILLER\n"
	    "Сведениями о судимости в отношении указанного лица информационный центр He\n"
	    "располагает.\n", "result=none"},
	{"criminal record: Д of сведениями read as Л (eval seed 100041)", "criminal-record-certificate",
	    "СПРАВКА\nо наличии (отсутствии) судимости\nфамилия. имя. отчество ЮРКЕВИЧ ДАРЬЯ МИХАИЛОВНА\n"
	    "свелениями о судимости и (или) факте уголовного преследования либо о прекрашении\n"
	    "уголовного преследования в отношении указанного лица по состоянию на 02.05.2026 не\n"
	    "располагает.\n", "result=none"},
	{"criminal record: Latin He never makes a conviction none", "criminal-record-certificate",
	    "СПРАВКА\nо наличии (отсутствии) судимости\nФамилия MILLER\n"
	    "Имеет судимость. Сведениями о судимости иных центр He располагает.\n", "!result"},
	{"criminal record: the name's label lost (eval seed 100039)", "criminal-record-certificate",
	    "МИНИСТЕРСТВО ВНУТРЕННИХ ДЕЛ\nРОССИЙСКОЙ ФЕДЕРАЦИИ\nСПРАВКА\n"
	    "о наличии (отсутствии) судимости\nие СОКОЛОВА ВАЛЕНТИНА ЕВГЕНЬЕВНА\n"
	    "(в случае изменения фамилии, имени или отчества указать прежние)\n"
	    "Дата рождения 07.03.1970\n",
	    "surname=СОКОЛОВА;given-name=ВАЛЕНТИНА;patronymic=ЕВГЕНЬЕВНА;birth-date=1970-03-07"},
	{"criminal record: no patronymic, no name taken from the caption's line", "criminal-record-certificate",
	    "СПРАВКА\nо наличии (отсутствии) судимости\nие СОКОЛОВА ВАЛЕНТИНА ИВАНОВА\n"
	    "(в случае изменения фамилии, имени или отчества указать прежние)\n",
	    "!surname;!given-name"},
	{"series: no label, № read as letters (eval seed 100038)", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nе Я Х-БР Ію 643022\n", "number=X-БР 643022"},
	{"series: a blank for the hyphen (eval seed 100037)", "birth-certificate",
	    "ПАСВЕДЧАННЕ АБ НАРАДЖЭННІ\nСерыя І КБ № 6064565\n", "number=I-КБ 6064565"},
	{"by-ru: a date with a colon, a blank in the month, LU for Ш", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nДата рождения 19 августа: 2009 г.\n"
	    "Дата выдачи 07.1 1.2018\nVITI-HLU № 044261\n",
	    "birth-date=2009-08-19;issue-date=2018-11-07;number=VIII-НШ 044261"},
	{"en translation: \"Sumame\" (rn read as m)", "birth-certificate",
	    "Translation from Russian\nBIRTH CERTIFICATE\nSumame: KOZLOV\nName: ANATOLII\n",
	    "surname=KOZLOV;given-name=ANATOLII"},
	{"medical: \"Hata\" for Дата (Д read as H)", "medical-certificate",
	    "МЕДИЦИНСКАЯ СПРАВКА\n2. Hata рождения 25.01.2008\n",
	    "birth-date=2008-01-25"},
	{"a name that cannot be read is reported, not guessed", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nДата рождения 9\nДата выдачи LTRS 190\n",
	    "!surname;!given-name;!birth-date;!issue-date;!number"},

	/* ---- criminal-record certificates ----------------------------- */
	{"by-mvd: no record", "criminal-record-certificate",
	    "СПРАВКА\nо наличии (отсутствии) судимости\nФамилия ПЕТРОВ\nИмя ИВАН\n"
	    "Дата рождения 02.05.1990\nсведениями о судимости не располагает\n"
	    "Дата выдачи 30.09.2026\n",
	    "surname=ПЕТРОВ;given-name=ИВАН;birth-date=1990-05-02;issue-date=2026-09-30;"
	    "result=none"},
	{"ru-mvd: \"имеет\" read \"имест\" (eval seed 100060)", "criminal-record-certificate",
	    "СПРАВКА\nо наличии (отсутствии) судимости\nФамилия, имя, отчество ГОНЧАРОВ ИГОРЬ\n"
	    "судимости не имест: в уголовном преследовании не находился.\n",
	    "result=none"},
	{"ru-mvd: \"имест судимость\" is a record", "criminal-record-certificate",
	    "СПРАВКА\nо наличии (отсутствии) судимости\nФамилия, имя, отчество ГОНЧАРОВ ИГОРЬ\n"
	    "имест судимость по ст. 158 УК РФ\n",
	    "result=found"},
	{"by-mvd: date and number under the header, junk after the values", "criminal-record-certificate",
	    "МИНИСТЕРСТВО ВНУТРЕННИХ ДЕЛ\nРЕСПУБЛИКИ БЕЛАРУСЬ\nИНФОРМАЦИОННЫЙ ЦЕНТР\n"
	    "12.12.2025 № 25/4-75791\nСПРАВКА\nо наличии (отсутствии) судимости\n"
	    "Фамилия МОРОЗОВ —_\nСобственное имя Сергей ОИ\nОтчество Дмитриевич В\n"
	    "Дата рождения _ 10.04.1983 ОНИ\n"
	    "По состоянию на 12.12.2025 информационный центр сведениями о судимости\n"
	    "указанного лица не располагает.\n",
	    "surname=МОРОЗОВ;given-name=Сергей;patronymic=Дмитриевич;birth-date=1983-04-10;"
	    "issue-date=2025-12-12;number=25/4-75791;result=none;"
	    "issuer=МИНИСТЕРСТВО ВНУТРЕННИХ ДЕЛ РЕСПУБЛИКИ БЕЛАРУСЬ ИНФОРМАЦИОННЫЙ ЦЕНТР"},
	{"by-mvd: a date in words, Ме for №, \"Uma\" for Имя", "criminal-record-certificate",
	    "ИНФОРМАЦИОННЫЙ ЦЕНТР\n14 декабря 2025 г. Ме 19/5-68235\nСПРАВКА\n"
	    "Фамилия PATEL\nUma RAHUL\nДата рождения 08.10.1983\n",
	    "surname=PATEL;given-name=RAHUL;issue-date=2025-12-14;number=19/5-68235"},
	{"by-mvd: a Latin surname OCR read in Cyrillic look-alikes beside a Latin given name",
	    "criminal-record-certificate",
	    "СПРАВКА\nо наличии (отсутствии) судимости\nФамилия КАУА\nИмя AYSE\n"
	    "Дата рождения 04.07.1979\n",
	    "surname=KAYA;given-name=AYSE;birth-date=1979-07-04"},
	{"by-ru: a Cyrillic name read in Latin look-alikes beside Cyrillic ones (eval seed 100013)",
	    "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФамилия Зайцев\nСобственное имя APTEM\nОтчество Анатольевич\n",
	    "surname=Зайцев;given-name=АРТЕМ;patronymic=Анатольевич"},
	{"by-ru: Latin look-alikes stay Latin when nothing is surely Cyrillic", "birth-certificate",
	    "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФамилия KAYA\nСобственное имя AHMET\n",
	    "surname=KAYA;given-name=AHMET"},
	{"by-mvd: Cyrillic look-alikes stay Cyrillic when no part is surely Latin",
	    "criminal-record-certificate",
	    "СПРАВКА\nо наличии (отсутствии) судимости\nФамилия ТАРАС\nИмя OKCAHA\n"
	    "Отчество ИВАНОВНА\nДата рождения 04.07.1979\n",
	    "surname=ТАРАС;patronymic=ИВАНОВНА;birth-date=1979-07-04"},
	{"by-mvd: a patronymic OCR cut in three", "criminal-record-certificate",
	    "СПРАВКА\nо наличии (отсутствии) судимости\nФамилия ЗАЙЦЕВА\nИмя ДАРЬЯ\n"
	    "Отчество ИГО РЕВ НА\nДата рождения 04.08.2003\n",
	    "surname=ЗАЙЦЕВА;given-name=ДАРЬЯ;patronymic=ИГОРЕВНА;birth-date=2003-08-04"},
	{"by-mvd: a patronymic and a word after it are not pieces of one", "criminal-record-certificate",
	    "СПРАВКА\nо наличии (отсутствии) судимости\nФамилия ЗАЙЦЕВА\n"
	    "Отчество ИГОРЕВНА ДОП 12\n",
	    "surname=ЗАЙЦЕВА;patronymic=ИГОРЕВНА"},
	{"by-mvd: the day of the header's date read as б (seed 100009)", "criminal-record-certificate",
	    "ИНФОРМАЦИОННЫЙ ЦЕНТР\nб ноября 2025 г. Мо 34/1-70265\nСПРАВКА\n"
	    "о наличии (отсутствии) судимости\nФамилия ПЕТРОВ\n",
	    "surname=ПЕТРОВ;issue-date=2025-11-06;number=34/1-70265"},
	{"ru-mvd: a blank among the number's last digits (seed 100023)", "criminal-record-certificate",
	    "ИЦ ГУ МВД РОССИИ ПО СВЕРДЛОВСКОЙ ОБЛАСТИ\n30 июля 2026 г. № 9/6-49 1084\nСПРАВКА\n"
	    "о наличии (отсутствии) судимости\nФамилия ПЕТРОВ\n",
	    "surname=ПЕТРОВ;issue-date=2026-07-30;number=9/6-491084"},
	{"by-mvd: a surname's tail read in Latin look-alikes (seed 100010)", "criminal-record-certificate",
	    "СПРАВКА\nо наличии (отсутствии) судимости\nФамилия СИДОРЕН KO =\nИмя ПЕТР\n",
	    "surname=СИДОРЕНКО;given-name=ПЕТР"},
	{"by-mvd: a comma OCR put before a name's hyphen (seed 100009)", "criminal-record-certificate",
	    "СПРАВКА\nо наличии (отсутствии) судимости\nФамилия АІ,-АНМАР\nИмя АНМАО\n",
	    "surname=АІ-АНМАР;given-name=АНМАО"},
	{"by-mvd: a conviction", "criminal-record-certificate",
	    "СПРАВКА\nо наличии (отсутствии) судимости\nФамилия ПАВЛОВА\nСобственное имя _ Дарья\n"
	    "Но сведениям информационного центра указанное лицо имеет судимость: 08.12.2025\n"
	    "осуждена судом Ленинского района г. Минска по ч. З ст. 328 Уголовного кодекса\n"
	    "свободы. Судимость не снята и не погашена,\n",
	    "surname=ПАВЛОВА;given-name=Дарья;result=found"},
	{"ru-mvd: the full name after its label, \"не располагает\" three lines on",
	    "criminal-record-certificate",
	    "«04» июля 2026 года № 96/2-184830\nСПРАВКА\n"
	    "о наличии (отсутствии) судимости и (или) факта уголовного преследования\n"
	    "Фамилия, имя, отчество ВОЛКОВ ЮРИЙ МАКСИМОВИЧ\n"
	    "(в случае изменения фамилии, имени или отчества указать прежние)\n"
	    "Дата рождения 09.12.1986\n"
	    "сведениями о судимости и (или) факте уголовного преследования\n"
	    "либо о прекращении уголовного преследования в отношении\n"
	    "указанного лица по состоянию на 04.07.2026 не располагает.\n",
	    "surname=ВОЛКОВ;given-name=ЮРИЙ;patronymic=МАКСИМОВИЧ;birth-date=1986-12-09;"
	    "issue-date=2026-07-04;number=96/2-184830;result=none"},
	{"ru-mvd: the full name printed above its label", "criminal-record-certificate",
	    "9 февраля 2026 г. № 81/4-804324\nСПРАВКА\nШЕВЧУК ИВАН СЕРГЕЕВИЧ\n"
	    "Фамилия, имя, отчество\n(в случае изменения фамилии, имени или отчества указать прежние)\n"
	    "Дата рождения 16,11.1971\nсудимости не имеет; в уголовном преследовании не находился.\n",
	    "surname=ШЕВЧУК;given-name=ИВАН;patronymic=СЕРГЕЕВИЧ;birth-date=1971-11-16;"
	    "issue-date=2026-02-09;result=none"},
	{"ru-mvd: a conviction", "criminal-record-certificate",
	    "Фамилия, имя, отчество ПЕТРОВ ИВАН ИВАНОВИЧ\n"
	    "имеется (имелась) судимость: 12.03.2015 осужден Бабушкинским районным судом\n"
	    "Сведения о снятии (погашении) судимости отсутствуют.\n",
	    "result=found"},
	{"en police: \"Мо.\" for No., column read apart", "criminal-record-certificate",
	    "POLICE CLEARANCE CERTIFICATE\nCertificate Мо.: PCC/2026/734610\n"
	    "Date of issue: 27 August 2026\nSurname: SINGH\nGiven names: VIKRAM\n"
	    "Date of birth: 26 August 1970\nthe above-named person has no criminal record. No\n",
	    "surname=SINGH;given-name=VIKRAM;birth-date=1970-08-26;issue-date=2026-08-27;"
	    "number=PCC/2026/734610;result=none"},
	{"en police: \"по\" for no, a blank among the digits (eval seed 100013)",
	    "criminal-record-certificate",
	    "POLICE CLEARANCE CERTIFICATE\nCertificate No.: PCC/2026/85807 1\n"
	    "Surname: SINGH\nthe above-named person has по criminal record. No adverse\n",
	    "number=PCC/2026/858071;surname=SINGH;result=none"},
	{"en police: \"по convictions recorded\" is not a conviction", "criminal-record-certificate",
	    "POLICE CLEARANCE CERTIFICATE\nSurname: SINGH\nthe above-named person has по convictions recorded\n",
	    "result=none"},
	{"translation: \"No,\" for No. (eval seed 100014)", "criminal-record-certificate",
	    "MINISTRY OF INTERNAL AFFAIRS\nOF THE RUSSIAN FEDERATION\n"
	    "No, 68/4-786726 dated 18.06.2025\nCERTIFICATE\n",
	    "number=68/4-786726;issue-date=2025-06-18"},
	{"translation: the surname label misread before \", name, patronymic\"",
	    "criminal-record-certificate",
	    "MINISTRY OF INTERNAL AFFAIRS\nCERTIFICATE\n"
	    "Зигтате, name, patronymic: TKACHUK VLADIMIR PAVLOVICH\n",
	    "surname=TKACHUK;given-name=VLADIMIR;patronymic=PAVLOVICH"},
	{"translation: Sumame", "criminal-record-certificate",
	    "MINISTRY OF INTERNAL AFFAIRS\nCERTIFICATE\n"
	    "Sumame, name, patronymic: VASILEVSKAIA IULIIA DENISOVNA\n",
	    "surname=VASILEVSKAIA;given-name=IULIIA;patronymic=DENISOVNA"},
	{"ru-mvd: the whole name line kept for the identity check (eval seed 100013)",
	    "criminal-record-certificate",
	    "СПРАВКА о наличии (отсутствии) судимости\n"
	    "Фамилия, имя, отчество Б ОН ДАРЕ Н КО А НАСТАС ИЯ ПЕТРОВНА и\n",
	    "full-name=Б ОН ДАРЕ Н КО А НАСТАС ИЯ ПЕТРОВНА и"},
	{"ru-mvd: $ for 5 in the number (eval seed 100014)", "criminal-record-certificate",
	    "СПРАВКА о наличии (отсутствии) судимости\n«29» июня 2026 года № $1/133727443\n",
	    "number=51/133727443"},
	{"en police: the reference read in Cyrillic look-alikes (eval seed 100002)",
	    "criminal-record-certificate",
	    "POLICE CLEARANCE CERTIFICATE\nCertificate No.: РСС/2026/089317\nSurname: SMITH\n",
	    "number=PCC/2026/089317;surname=SMITH"},
	{"en police: Z read as 7 on a second reading (dev seed 5151)", "criminal-record-certificate",
	    "POLICE CLEARANCE CERTIFICATE\nSurname: DEMIR\nGiven names: 7EYNEP\n",
	    "surname=DEMIR;given-name=ZEYNEP"},
	{"en police: a digit that is no letter's twin leaves the name unread",
	    "criminal-record-certificate",
	    "POLICE CLEARANCE CERTIFICATE\nSurname: DEM4IR\nGiven names: 9EYNEP\n",
	    "!surname;!given-name"},
	{"ru: З read as 3 in a surname", "criminal-record-certificate",
	    "Фамилия, имя, отчество 3АЙЦЕВ ИВАН ИВАНОВИЧ\nсудимости не имеет\n",
	    "surname=ЗАЙЦЕВ;given-name=ИВАН;result=none"},
	{"by-mvd: labels split by OCR (dev seed 5151)", "criminal-record-certificate",
	    "СПРАВКА\nо наличии (отсутствии) судимости\nФами лия Мельник\n"
	    "Собственное имя Алексей\nОтчес тво Артёмович\nДата рождения 13.02.2005\n",
	    "surname=Мельник;given-name=Алексей;patronymic=Артёмович;birth-date=2005-02-13"},
	{"en police: convictions", "criminal-record-certificate",
	    "POLICE CLEARANCE CERTIFICATE\nSurname: SMITH\nGiven names: JOHN\n"
	    "Date of birth: 1 June 1980\nthe above-named person has the following convictions: on 3 May\n",
	    "result=found;surname=SMITH"},
	{"ACRO: no live trace", "criminal-record-certificate",
	    "ACRO Criminal Records Office\nPolice Certificate\nReference: 12345/26A\n"
	    "Date of Issue: 14/03/2026\nSurname: EVANS\nForename(s): EMMA\n"
	    "Convictions: No Live Trace\n",
	    "surname=EVANS;given-name=EMMA;issue-date=2026-03-14;number=12345/26A;result=none;"
	    "issuer=ACRO Criminal Records Office"},
	{"ACRO: Forename(s) read in Cyrillic look-alikes (eval seed 100058)",
	    "criminal-record-certificate",
	    "ACRO Criminal Records Office\nPolice Certificate\nSurname: TAYLOR\n"
	    "Рогепате($): JOHN\nConvictions: No Live Trace\n",
	    "surname=TAYLOR;given-name=JOHN;result=none"},
	{"translation: the full name after one label, \"dated\"", "criminal-record-certificate",
	    "MINISTRY OF INTERNAL AFFAIRS\nOF THE RUSSIAN FEDERATION\nFOR KALININGRAD REGION\n"
	    "No. 54/2-544598 dated 21.05.2026\nCERTIFICATE\n"
	    "Surname, name, patronymic: FEDOROVICH VALENTINA VADIMOVNA\nDate of birth: 31.01.1998\n"
	    "has no criminal record; she has not been subject to criminal prosecution.\n",
	    "surname=FEDOROVICH;given-name=VALENTINA;patronymic=VADIMOVNA;birth-date=1998-01-31;"
	    "issue-date=2026-05-21;number=54/2-544598;result=none"},
	{"translation: the label read \"Sumame, hame,\" (eval seed 100047)",
	    "criminal-record-certificate",
	    "CERTIFICATE\nSumame, hame, patronymic: SAVITSKIY KIRILL VASILYEVICH\n",
	    "surname=SAVITSKIY;given-name=KIRILL;patronymic=VASILYEVICH"},
	{"contradicting wording is unreadable, never guessed", "criminal-record-certificate",
	    "СПРАВКА о наличии (отсутствии) судимости\nсудимости не имеет\nимеет судимость\n",
	    "!result"},

	/* ---- medical certificates ------------------------------------ */
	{"1zdr: the full name on the line after its label", "medical-certificate",
	    "Учреждение здравоохранения «Брестская городская Форма 1 здр/у-10\n"
	    "поликлиника № 2»\nМЕДИЦИНСКАЯ СПРАВКА\nо состоянии здоровья\n"
	    "Дата выдачи 21 июля 2026 г. № 9317\n"
	    "1. Фамилия, собственное имя, отчество (если таковое имеется)\n"
	    "БОГДАНОВИЧ Виктор Иванович\n2. Дата рождения 12.11.1966\n"
	    "5. Заключение: Медицинских противопоказаний не выявлено. Практически здоров.\n",
	    "surname=БОГДАНОВИЧ;given-name=Виктор;patronymic=Иванович;birth-date=1966-11-12;"
	    "issue-date=2026-07-21;number=9317;conclusion=fit;"
	    "issuer=Учреждение здравоохранения «Брестская городская поликлиника № 2»"},
	{"1zdr: label lost, 96 for 06, conclusion over two lines", "medical-certificate",
	    "МЕДИЦИНСКАЯ СПРАВКА\nо состоянии здоровья\nfee ee 09.07.2026 № 6760\n"
	    "1. Фамилия, собственное имя, отчество (если таковое имеется)\n"
	    "ШЕВЧУК Юлия Михайловна\n2. Дата рождения 96.01.1967\n"
	    "5. Заключение: Медицинских противопоказаний не выявлено.\nПрактически здорова.\n",
	    "surname=ШЕВЧУК;given-name=Юлия;patronymic=Михайловна;birth-date=1967-01-06;"
	    "issue-date=2026-07-09;number=6760;conclusion=fit"},
	{"1zdr: the date above its label, a year split in two", "medical-certificate",
	    "МЕДИЦИНСКАЯ СПРАВКА\n1. Фамилия, собственное имя, отчество (если таковое имеется)\n"
	    "РОМАНОВИЧ Юлия Васильевна\n11.09.1977\n2. Дата рождения\n",
	    "surname=РОМАНОВИЧ;birth-date=1977-09-11"},
	{"ru-sud: a dot for the comma of the label, the value far along the row", "criminal-record-certificate",
	    "СПРАВКА\nо наличии (отсутствии) судимости\nФамилия. имя, отчество САВИЦКАЯ СВЕТЛАНА ПАВЛОВНА\n"
	    "Дата рождения 12.02.1999\n",
	    "surname=САВИЦКАЯ;given-name=СВЕТЛАНА;patronymic=ПАВЛОВНА;birth-date=1999-02-12"},
	{"ru-zakl: labels read as a column before their values (eval seed 100007)",
	    "medical-certificate",
	    "МЕДИЦИНСКОЕ ЗАКЛЮЧЕНИЕ\nФамилия\nИмя\nОтчество\nДата рождения\n"
	    "№ 324-0037 от 08.08.2026\nМЕЛЬНИК\nАРТЕМОВНА\n26.12.1979\n",
	    "!surname;!given-name"},
	{"1zdr: \"Мо\" for №, a year split by a blank", "medical-certificate",
	    "МЕДИЦИНСКАЯ СПРАВКА\nДата выдачи 2 сентября 2026 г. Мо 9546\n"
	    "2. Дата рождения 14.01.1 997 я\n",
	    "issue-date=2026-09-02;number=9546;birth-date=1997-01-14"},
	{"dangerous: second page with the conclusion wrapped over three lines", "medical-certificate",
	    "МЕДИЦИНСКАЯ СПРАВКА\nДата выдачи 18 мая 2026 г.\n№ 7122\n"
	    "Осмотр врача-дерматовенеролога патологии не выявлено\n"
	    "Продолжение медицинской справки № 7122 от 18.05.2026\nВОЛКОВ Владимир Алексеевич\n"
	    "Заключение: Заболеваний, включенных в перечень заболеваний, представляющих\n"
	    "опасность для здоровья населения, не\nвыявлено.\n",
	    "surname=ВОЛКОВ;given-name=Владимир;patronymic=Алексеевич;issue-date=2026-05-18;"
	    "number=7122;conclusion=fit"},
	{"dangerous: a disease found", "medical-certificate",
	    "МЕДИЦИНСКАЯ СПРАВКА\nИсследование крови на ВИЧ-инфекцию положительно\n"
	    "Заключение: Выявлено заболевание, включенное в перечень заболеваний, представляющих\n"
	    "опасность для здоровья населения: ВИЧ-инфекция.\n",
	    "conclusion=unfit"},
	{"1zdr: a disease found", "medical-certificate",
	    "МЕДИЦИНСКАЯ СПРАВКА О СОСТОЯНИИ ЗДОРОВЬЯ\nФамилия СИДОРОВА\nИмя АННА\n"
	    "Дата рождения 3 июля 1995 г.\nВыявлено: туберкулез легких\n",
	    "conclusion=unfit"},
	{"ru-384n: labels damaged (\"асця\", \"Е\"), \"о Боне\" for Дата рождения", "medical-certificate",
	    "ОГБУЗ «Смоленская областная клиническая больница»\nМЕДИЦИНСКОЕ ЗАКЛЮЧЕНИЕ\n"
	    "00 отсутствии (наличии) инфекционных заболеваний, представляющих\n"
	    "№ 333-8921 от 22.09.2026\nасця ВОЛКОВ\nИмя ЮРИЙ\nЕ МАКСИМОВИЧ\no Боне 09.12.1986\n"
	    "Заболевание Результат обследования\nТуберкулез не выявлен\nВИЧ-инфекция не выявлена\n"
	    "Заключение: — Инфекционные заболевания, представляющие опасность для\n"
	    "окружающих, не выявлены.\n",
	    "surname=ВОЛКОВ;given-name=ЮРИЙ;patronymic=МАКСИМОВИЧ;birth-date=1986-12-09;"
	    "issue-date=2026-09-22;number=333-8921;conclusion=fit"},
	{"ru-384n: ОГ for от, first labels lost", "medical-certificate",
	    "МЕДИЦИНСКОЕ ЗАКЛЮЧЕНИЕ\n№ 816-6617 ОГ 16.02.2026\nЕЕ Бондаренко\nИ Василий\n"
	    "Отчество Игоревич\nДата рождения 06.09.1996\n",
	    "surname=Бондаренко;given-name=Василий;patronymic=Игоревич;issue-date=2026-02-16;"
	    "number=816-6617"},
	{"ru-384n: a disease in the table", "medical-certificate",
	    "МЕДИЦИНСКОЕ ЗАКЛЮЧЕНИЕ\nТуберкулез выявлен\nВИЧ-инфекция не выявлена\n"
	    "Заключение: Выявлено инфекционное заболевание, представляющее опасность для\n"
	    "окружающих: туберкулез.\n",
	    "conclusion=unfit"},
	{"en: fit", "medical-certificate",
	    "All India Institute of Medical Sciences, New Delhi\nMEDICAL CERTIFICATE\n"
	    "Certificate No.: MC-2026-76485\nDate: 2 October 2026\nSurname: SINGH\n"
	    "Given names: ARJUN\nDate of birth: 26 August 1970\n"
	    "This is to certify that I have examined Mr Arjun Singh on 2 October 2026 and found him free\n"
	    "from tuberculosis (chest X-ray normal), HIV infection, syphilis, leprosy and other infectious\n",
	    "surname=SINGH;given-name=ARJUN;birth-date=1970-08-26;issue-date=2026-10-02;"
	    "number=MC-2026-76485;conclusion=fit;issuer=All India Institute of Medical Sciences, New Delhi"},
	{"en: unfit", "medical-certificate",
	    "MEDICAL CERTIFICATE\nSurname: SMITH\nThis is to certify that I have examined Mr John Smith\n"
	    "and found that he has active pulmonary tuberculosis, a disease dangerous to public\n"
	    "health. Treatment has been prescribed.\n",
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

/* Check doc's fields against "field=value;!field". */
static void
check_fields(const char *row, xmlNodePtr d, const char *expect)
{
	char *exp = xstrdup(expect), *save = NULL, *item;

	for (item = strtok_r(exp, ";", &save); item; item = strtok_r(NULL, ";", &save)) {
		int err;
		char *eq = strchr(item, '='), *v;

		if (item[0] == '!') {
			v = value_of(d, item + 1, &err);
			if (v || !err)
				fail_msg("row '%s': %s should be unreadable, got '%s'", row, item + 1,
				    v ? v : "(nothing)");
			continue;
		}
		*eq = '\0';
		v = value_of(d, item, &err);
		if (!v || strcmp(v, eq + 1) != 0)
			fail_msg("row '%s': %s = '%s', expected '%s'", row, item,
			    v ? v : (err ? "(field-error)" : "(absent)"), eq + 1);
		free(v);
	}
	free(exp);
}

static void
test_model_fields_table(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < N(field_rows); i++) {
		const field_row *r = &field_rows[i];
		xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
		xmlNodePtr d = xmlNewNode(NULL, BAD_CAST "document");

		xmlDocSetRootElement(doc, d);
		xml_set(d, "type", r->type);
		make_page(d, r->text);
		extract_document(m, d);
		check_fields(r->name, d, r->expect);
		xmlFreeDoc(doc);
	}
}

/*
 * Fields carry the page, the box and the lowest OCR confidence of the
 * words they were read from.
 */
static void
test_model_field_provenance(void **state)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr d = xmlNewNode(NULL, BAD_CAST "document"), page, f;
	int seen = 0;

	(void)state;
	xmlDocSetRootElement(doc, d);
	xml_set(d, "type", "criminal-record-certificate");
	page = make_page(d, "СПРАВКА\nФамилия ПЕТРОВ\n");
	/* The surname's word: second word of the second line. */
	xml_set(xml_next(xml_child(xml_next(xml_child(page, "line"), "line"), "w"), "w"), "c", "61.5");
	extract_document(m, d);
	for (f = xml_child(d, "field"); f; f = xml_next(f, "field")) {
		char *n = xml_get(f, "name"), *b = xml_get(f, "b"), *c = xml_get(f, "confidence");
		char *file = xml_get(f, "file"), *index = xml_get(f, "index");

		if (n && strcmp(n, "surname") == 0) {
			assert_string_equal(c, "0.61");
			assert_string_equal(b, "160 140 210 170");
			assert_string_equal(file, "scan.png");
			assert_string_equal(index, "1");
			seen = 1;
		}
		free(n);
		free(b);
		free(c);
		free(file);
		free(index);
	}
	assert_true(seen);
	xmlFreeDoc(doc);
}

/* Set attribute attr (en, alone) of every word of page whose text is text. */
static void
set_reading(xmlNodePtr page, const char *text, const char *attr, const char *en)
{
	xmlNodePtr l, w;

	for (l = xml_child(page, "line"); l; l = xml_next(l, "line"))
		for (w = xml_child(l, "w"); w; w = xml_next(w, "w")) {
			char *t = xml_content(w);

			if (strcmp(t, text) == 0)
				xml_set(w, attr, en);
			free(t);
		}
}

/* The value and attribute attr of field name of document d ("" when
 * absent), in buffers of 64 bytes. */
static void
field_and_attr(xmlNodePtr d, const char *name, const char *attr, char *value, char *a)
{
	xmlNodePtr f;

	value[0] = a[0] = '\0';
	for (f = xml_child(d, "field"); f; f = xml_next(f, "field")) {
		char *n = xml_get(f, "name");

		if (n && strcmp(n, name) == 0) {
			char *v = xml_content(f), *x = xml_get(f, attr);

			snprintf(value, 64, "%s", v);
			snprintf(a, 64, "%s", x ? x : "");
			free(v);
			free(x);
		}
		free(n);
	}
}

/*
 * A Latin name on a Russian page that OCR read in Cyrillic look-alikes
 * (KUMAR as КОМАВ, eval seed 100020) comes with the English engine's
 * reading of its words (attribute en): the field keeps what was read and
 * carries that reading in attribute english, without the comma after
 * it.  A name with no English reading has none.
 */
static void
test_model_english_reading(void **state)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr d = xmlNewNode(NULL, BAD_CAST "document"), page;
	char v[64], a[64];

	(void)state;
	xmlDocSetRootElement(doc, d);
	xml_set(d, "type", "criminal-record-certificate");
	page = make_page(d, "СПРАВКА\nо наличии (отсутствии) судимости\nФамилия КОМАВ\n"
	    "Имя Амака,\nДата рождения 05.02.1992\n");
	set_reading(page, "КОМАВ", "en", "KUMAR");
	set_reading(page, "Амака,", "en", "Amaka,");
	extract_document(m, d);
	field_and_attr(d, "surname", "english", v, a);
	assert_string_equal(v, "КОМАВ");
	assert_string_equal(a, "KUMAR");
	field_and_attr(d, "given-name", "english", v, a);
	assert_string_equal(v, "Амака");
	assert_string_equal(a, "Amaka");
	xmlFreeDoc(doc);

	doc = xmlNewDoc(BAD_CAST "1.0");
	d = xmlNewNode(NULL, BAD_CAST "document");
	xmlDocSetRootElement(doc, d);
	xml_set(d, "type", "criminal-record-certificate");
	make_page(d, "СПРАВКА\nо наличии (отсутствии) судимости\nФамилия ПЕТРОВ\n");
	extract_document(m, d);
	field_and_attr(d, "surname", "english", v, a);
	assert_string_equal(v, "ПЕТРОВ");
	assert_string_equal(a, "");
	xmlFreeDoc(doc);
}

/*
 * A double name with a blank after its hyphen is one name ("АТ- HASSAN
 * Fatima" for AL-HASSAN Fatima, eval seed 100048), and its Cyrillic
 * look-alikes beside Latin letters go into Latin; a hyphen before a
 * small letter joins nothing.
 */
static void
test_model_hyphen_name(void **state)
{
	static const struct {
		const char *line, *surname, *read, *given;
	} rows[] = {
		{"АТ- HASSAN Fatima", "AT-HASSAN", "АТ-HASSAN", "Fatima"},
		{"AL- HASSAN Fatima", "AL-HASSAN", "", "Fatima"},
		{"AL -HASSAN Fatima", "AL-HASSAN", "", "Fatima"},   /* seed 100049 */
		{"ИВАНОВА- ПЕТРОВА Анна", "ИВАНОВА-ПЕТРОВА", "", "Анна"},
		{"ИВАНОВА Анна-", "ИВАНОВА", "", "Анна"},  /* the next line not joined */
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof rows / sizeof *rows; i++) {
		xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
		xmlNodePtr d = xmlNewNode(NULL, BAD_CAST "document");
		char *text = xasprintf("МЕДИЦИНСКАЯ СПРАВКА\nо состоянии здоровья\n"
		    "1. Фамилия, собственное имя, отчество (если таковое имеется)\n%s\n"
		    "2. Дата рождения 26.07.2004\n", rows[i].line);
		char v[64], a[64];

		xmlDocSetRootElement(doc, d);
		xml_set(d, "type", "medical-certificate");
		make_page(d, text);
		extract_document(m, d);
		field_and_attr(d, "surname", "read", v, a);
		if (strcmp(v, rows[i].surname) != 0 || strcmp(a, rows[i].read) != 0)
			print_message("row %zu: %s read %s\n", i, v, a);
		assert_string_equal(v, rows[i].surname);
		assert_string_equal(a, rows[i].read);
		field_and_attr(d, "given-name", "read", v, a);
		assert_string_equal(v, rows[i].given);
		free(text);
		xmlFreeDoc(doc);
	}
}

/*
 * A Belarusian name split by OCR at its apostrophe ("ЮР 'ЕЎНА", the two
 * words 6 pixels apart at 49 high, eval seed 100060) is one name when
 * the words nearly touch; a blank's width apart they stay two.
 */
static void
test_model_apostrophe_name(void **state)
{
	static const struct {
		const char *patronymic, *second;
		int gap;
		const char *want;
	} rows[] = {
		{"ЮР 'ЕЎНА", "'ЕЎНА", 5, "ЮР'ЕЎНА"},
		{"ЮР ’ЕЎНА", "’ЕЎНА", 0, "ЮР’ЕЎНА"},
		{"ЮР 'ЕЎНА", "'ЕЎНА", 10, "ЮР"},      /* a blank apart */
		{"ЮР '123", "'123", 2, "ЮР"},         /* no letter after it */
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof rows / sizeof *rows; i++) {
		xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
		xmlNodePtr d = xmlNewNode(NULL, BAD_CAST "document"), page, l, w, prev = NULL;
		char *text = xasprintf("ПАСВЕДЧАННЕ АБ НАРАДЖЭННІ\nПрозвішча БАНДАРЭНКА\n"
		    "Уласнае імя ГАЛІНА\nІмя па бацьку %s\n", rows[i].patronymic);
		char v[64], a[64];

		xmlDocSetRootElement(doc, d);
		xml_set(d, "type", "birth-certificate");
		page = make_page(d, text);
		/* Move the second piece to gap pixels after the first. */
		for (l = xml_child(page, "line"); l; l = xml_next(l, "line"))
			for (w = xml_child(l, "w"); w; w = xml_next(w, "w")) {
				char *t = xml_content(w);

				if (strcmp(t, rows[i].second) == 0 && prev) {
					int b[4];
					char *pv = xml_get(prev, "b");

					assert_int_equal(sscanf(pv, "%d %d %d %d", &b[0], &b[1],
					    &b[2], &b[3]), 4);
					xml_setf(w, "b", "%d %d %d %d", b[2] + rows[i].gap, b[1],
					    b[2] + rows[i].gap + 80, b[3]);
					free(pv);
				}
				free(t);
				prev = w;
			}
		extract_document(m, d);
		field_and_attr(d, "patronymic", "read", v, a);
		if (strcmp(v, rows[i].want) != 0)
			print_message("row %zu: %s\n", i, v);
		assert_string_equal(v, rows[i].want);
		free(text);
		xmlFreeDoc(doc);
	}
}

/*
 * A date whose words read alone differ (attribute alone, eval seeds
 * 100043-100046: "20.07.1974" alone 25.07.1974, "26:05. 1965" alone
 * 1963) carries that date in attribute alone; a date read the same
 * alone, or never read again, has none.
 */
static void
test_model_date_read_alone(void **state)
{
	static const struct {
		const char *line, *word, *alone, *value, *attr;
	} rows[] = {
		{"Дата рождения 20.07.1974", "20.07.1974", "25.07.1974", "1974-07-20",
		    "1974-07-25"},
		{"Дата рождения 26:05. 1965", "1965", "1963", "1965-05-26", "1963-05-26"},
		{"Дата рождения 21 декабря 1963", "21", "21", "1963-12-21", ""},
		{"Дата рождения 21 декабря 1963", "декабря", NULL, "1963-12-21", ""},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof rows / sizeof *rows; i++) {
		xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
		xmlNodePtr d = xmlNewNode(NULL, BAD_CAST "document"), page;
		char *text = xasprintf("СПРАВКА\nо наличии (отсутствии) судимости\n"
		    "Фамилия ПЕТРОВ\n%s\n", rows[i].line);
		char v[64], a[64];

		xmlDocSetRootElement(doc, d);
		xml_set(d, "type", "criminal-record-certificate");
		page = make_page(d, text);
		if (rows[i].alone)
			set_reading(page, rows[i].word, "alone", rows[i].alone);
		extract_document(m, d);
		field_and_attr(d, "birth-date", "alone", v, a);
		if (strcmp(v, rows[i].value) != 0 || strcmp(a, rows[i].attr) != 0)
			print_message("row %zu: %s alone %s\n", i, v, a);
		assert_string_equal(v, rows[i].value);
		assert_string_equal(a, rows[i].attr);
		free(text);
		xmlFreeDoc(doc);
	}
}

/*
 * A Latin series on an English translation read in Cyrillic look-alikes
 * ("Ш-СЕ" for III-GE, eval seed 100042) takes its letters from the
 * English reading of the word, not its numeral ("IlI" there for III is
 * right, "IIl" for II would not be); without one it stays as read, and
 * an English reading with other digits or no Latin capitals is not used.
 */
static void
test_model_series_english_letters(void **state)
{
	static const struct {
		const char *word, *en, *want;
	} rows[] = {
		{"Ш-СЕ", "IlI-GE", "III-GE 847762"},
		{"П-СЕ", "IIl-UF", "II-UF 847762"},   /* the numeral stays the word's */
		{"Ш-СЕ", NULL, "III-CE 847762"},
		{"Ш-СЕ", "III-G3", "III-CE 847762"},  /* a digit for a letter */
		{"Ш-СЕ", "III-GEFKL", "III-CE 847762"}, /* five letters */
	};
	size_t i;
	char v[64], a[64];

	(void)state;
	for (i = 0; i < N(rows); i++) {
		xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
		xmlNodePtr d = xmlNewNode(NULL, BAD_CAST "document"), page;
		char *text = xasprintf("BIRTH CERTIFICATE\nSurname: VOLKOV\n"
		    "Date of issue: 28.09.2001\nSeries %s No. 847762\n", rows[i].word);

		xmlDocSetRootElement(doc, d);
		xml_set(d, "type", "birth-certificate");
		page = make_page(d, text);
		if (rows[i].en)
			set_reading(page, rows[i].word, "en", rows[i].en);
		extract_document(m, d);
		field_and_attr(d, "number", "english", v, a);
		if (strcmp(v, rows[i].want) != 0)
			print_message("row %zu: %s\n", i, v);
		assert_string_equal(v, rows[i].want);
		free(text);
		xmlFreeDoc(doc);
	}
}

/* A new child element name of parent, with text (none when NULL) and
 * box b ("x0 y0 x1 y1"). */
static xmlNodePtr
boxed(xmlNodePtr parent, const char *name, const char *text, const char *b)
{
	xmlNodePtr n = text ? xml_text_child(parent, name, text) :
	    xmlNewChild(parent, NULL, BAD_CAST name, NULL);

	xml_set(n, "b", b);
	return n;
}

/* A new document of type with one empty page from file; *docp owns it. */
static xmlNodePtr
empty_page(const char *type, const char *file, xmlDocPtr *docp, xmlNodePtr *dp)
{
	xmlNodePtr page;

	*docp = xmlNewDoc(BAD_CAST "1.0");
	*dp = xmlNewNode(NULL, BAD_CAST "document");
	xmlDocSetRootElement(*docp, *dp);
	xml_set(*dp, "type", type);
	page = xmlNewChild(*dp, NULL, BAD_CAST "page", NULL);
	xml_set(page, "file", file);
	xml_set(page, "index", "1");
	xml_set(page, "status", "ok");
	return page;
}

/*
 * Tesseract sometimes reads a column of labels, then the column of their
 * values: the fields are found in the lines rebuilt from the boxes.
 */
static void
test_model_columns_read_apart(void **state)
{
	static const char *const labels[] = {"Certificate No.:", "Date of issue:", "Surname:",
	    "Given names:", "Date of birth:"};
	static const char *const values[] = {"PCC/2026/355053", "21.06.2026", "ARSLAN", "AHMET",
	    "13.03.2006"};
	xmlDocPtr doc;
	xmlNodePtr d, page, l;
	size_t i;

	(void)state;
	page = empty_page("criminal-record-certificate", "pcc.png", &doc, &d);
	for (i = 0; i < 2 * N(labels); i++) {
		size_t k = i % N(labels);
		int y = 500 + 60 * (int)k + (i >= N(labels) ? 4 : 0);
		int x = i < N(labels) ? 200 : 900;
		char *copy = xstrdup(i < N(labels) ? labels[k] : values[k]), *save = NULL, *w;

		l = xmlNewChild(page, NULL, BAD_CAST "line", NULL);
		xml_setf(l, "b", "%d %d %d %d", x, y, x + 500, y + 40);
		for (w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
			xmlNodePtr wn = xml_text_child(l, "w", w);

			xml_setf(wn, "b", "%d %d %d %d", x, y, x + 100, y + 40);
			xml_set(wn, "c", "90");
			x += 120;
		}
		free(copy);
	}
	l = boxed(page, "line", NULL, "200 900 1800 940");
	xml_text_child(l, "w", "POLICE");
	extract_document(m, d);
	check_fields("columns read apart", d,
	    "number=PCC/2026/355053;issue-date=2026-06-21;surname=ARSLAN;given-name=AHMET;"
	    "birth-date=2006-03-13");
	xmlFreeDoc(doc);
}

/* One line of single-word lines at the given x (each this wide), on y. */
static void
add_piece_lines(xmlNodePtr page, int y, const char *const *w, const int *x,
    const int *width, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		xmlNodePtr l = xmlNewChild(page, NULL, BAD_CAST "line", NULL), wn;

		xml_setf(l, "b", "%d %d %d %d", x[i], y, x[i] + width[i], y + 45);
		wn = xml_text_child(l, "w", w[i]);
		xml_setf(wn, "b", "%d %d %d %d", x[i], y, x[i] + width[i], y + 45);
		xml_set(wn, "c", "90");
	}
}

/*
 * Tesseract now and then reads a row of a form letter by letter, each
 * letter or piece a line of its own (a birth certificate of eval seed
 * 100006: "С обс Т венно е и м Я М А Р И Я").  Pieces a few pixels apart
 * are one word; a letter of the border far along the row is not part of
 * the name.
 */
static void
test_model_row_read_letter_by_letter(void **state)
{
	static const char *const w[] = {"С", "обс", "Т", "венно", "е", "и", "м", "Я",
	    "М", "А", "Р", "И", "Я", "К"};
	static const int x[] = {242, 279, 367, 394, 549, 594, 627, 666, 739, 780, 822, 858,
	    896, 2383};
	static const int width[] = {32, 84, 24, 151, 25, 29, 36, 27, 37, 36, 29, 31, 32, 23};
	xmlDocPtr doc;
	xmlNodePtr d, page, l;

	(void)state;
	page = empty_page("birth-certificate", "birth.png", &doc, &d);
	l = boxed(page, "line", NULL, "451 724 2041 811");
	boxed(l, "w", "СВИДЕТЕЛЬСТВО", "451 724 1500 811");
	boxed(l, "w", "О", "1520 724 1560 811");
	boxed(l, "w", "РОЖДЕНИИ", "1580 724 2041 811");
	add_piece_lines(page, 1080, w, x, width, N(w));
	extract_document(m, d);
	check_fields("letter by letter", d, "given-name=МАРИЯ");
	xmlFreeDoc(doc);
}

/* A line of words spread evenly over the box x, y, w, h. */
static void
add_words_line(xmlNodePtr page, int x, int y, int w, int h, const char *text)
{
	char *copy = xstrdup(text), *save = NULL, *t;
	xmlNodePtr l = xmlNewChild(page, NULL, BAD_CAST "line", NULL);
	int n = 1, i = 0;

	for (t = copy; *t; t++)
		n += *t == ' ';
	xml_setf(l, "b", "%d %d %d %d", x, y, x + w, y + h);
	for (t = strtok_r(copy, " ", &save); t; t = strtok_r(NULL, " ", &save), i++) {
		xmlNodePtr wn = xml_text_child(l, "w", t);

		xml_setf(wn, "b", "%d %d %d %d", x + i * w / n, y, x + (i + 1) * w / n - 10, y + h);
		xml_set(wn, "c", "90");
	}
	free(copy);
}

/* A line of words_page(): its box x, y, w, h and its words. */
typedef struct {
	int x, y, w, h;
	const char *text;
} words_line;

/* One page of a document of type made of n lines (add_words_line()),
 * its fields extracted and checked against expect (check_fields()). */
static void
check_words_page(const char *row, const char *type, const words_line *lines, size_t n,
    const char *expect)
{
	xmlDocPtr doc;
	xmlNodePtr d, page = empty_page(type, "scan.jpeg", &doc, &d);
	size_t i;

	for (i = 0; i < n; i++)
		add_words_line(page, lines[i].x, lines[i].y, lines[i].w, lines[i].h, lines[i].text);
	extract_document(m, d);
	check_fields(row, d, expect);
	xmlFreeDoc(doc);
}

/*
 * A border read as a line many lines tall (a Belarusian birth certificate
 * of eval seed 100008: "ИМ SAND POP OS" down the left edge) must not join
 * the rows it spans: the labels read as one column and the values as
 * another are put back together row by row.
 */
static void
test_model_tall_junk_line_joins_no_rows(void **state)
{
	static const words_line lines[] = {
		{199, 1149, 22, 682, "ИМ SAND POP OS"},
		{567, 1030, 2365, 105, "ПАСВЕДЧАННЕ АБ НАРАДЖЭННІ"},
		{414, 1327, 313, 74, "Прозвішча"},
		{411, 1501, 356, 58, "Уласнае імя"},
		{415, 1672, 402, 74, "Імя па бацьку"},
		{1009, 1293, 390, 90, "ПАЎЛАЎ"},
		{1009, 1485, 355, 71, "МІХАІЛ"},
		{1005, 1657, 615, 71, "АЛЯКСЕЕВІЧ"},
	};

	(void)state;
	check_words_page("tall junk line", "birth-certificate", lines, N(lines),
	    "surname=ПАЎЛАЎ;given-name=МІХАІЛ;patronymic=АЛЯКСЕЕВІЧ");
}

/*
 * A Russian Federation certificate with its captions under the names
 * read through the guilloche (eval seed 100056): "SS фамилия — = 5",
 * "LW “имя, ‘отчество РЕНИ".
 */
static void
test_model_guilloche_before_captions(void **state)
{
	static const words_line lines[] = {
		{513, 626, 1551, 73, "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ"},
		{1065, 874, 448, 50, "ГОНЧАРОВА"},
		{574, 942, 1336, 56, "SS фамилия — = 5"},
		{820, 1035, 872, 81, "_ ДАРЬЯ МАКСИМОВНА"},
		{593, 1110, 1340, 45, "LW “имя, ‘отчество РЕНИ"},
		{325, 1208, 930, 71, "родился(лась) 29.04.2022"},
	};

	(void)state;
	check_words_page("guilloche before captions", "birth-certificate", lines, N(lines),
	    "surname=ГОНЧАРОВА;given-name=ДАРЬЯ;patronymic=МАКСИМОВНА;birth-date=2022-04-29");
}

/*
 * A day in quotes intake-ocr read again held to digits (digits="1",
 * «KOI» for «09», eval seed 100056) makes its date a guess; the same
 * date without the mark is none.
 */
static void
test_model_day_read_as_digits_is_guessed(void **state)
{
	int marked;

	(void)state;
	for (marked = 0; marked < 2; marked++) {
		xmlDocPtr doc;
		xmlNodePtr d, page = empty_page("birth-certificate", "scan.pdf", &doc, &d), w, f;
		char *g;

		add_words_line(page, 250, 1345, 1300, 58,
		    "Дата нараджэння «09» верасня 1968 года");
		for (w = xml_child(xml_child(page, "line"), "w"); w; w = xml_next(w, "w")) {
			char *t = xml_content(w);

			if (marked && strcmp(t, "«09»") == 0) {
				xml_set(w, "first", "«KOI»");
				xml_set(w, "digits", "1");
			}
			free(t);
		}
		extract_document(m, d);
		check_fields("day read as digits", d, "birth-date=1968-09-09");
		for (f = xml_child(d, "field"); f; f = xml_next(f, "field")) {
			char *n = xml_get(f, "name");

			if (n && strcmp(n, "birth-date") == 0) {
				g = xml_get(f, "guessed");
				if (marked)
					assert_non_null(g);
				else
					assert_null(g);
				if (g)
					assert_string_equal(g, "yes");
				free(g);
			}
			free(n);
		}
		xmlFreeDoc(doc);
	}
}

/*
 * A duplicate's mark "ПОВТОРНОЕ" at the top right, and "Фамилия" and its
 * name read as two lines (eval seed 100054): in the lines as Tesseract
 * gave them the mark is the one name before the given name's label, but
 * the rows rebuilt from the boxes hold the surname with its label, and a
 * value with its label wins over a guess without one.
 */
static void
test_model_labelled_row_beats_label_lost(void **state)
{
	static const words_line lines[] = {
		{764, 1404, 158, 26, "Фамилия"},
		{1244, 937, 454, 32, "РЕСПУБЛИКА БЕЛАРУСЬ"},
		{1015, 1238, 909, 63, "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ"},
		{1103, 1394, 230, 30, "ГОНЧАРОВ"},
		{1938, 869, 240, 27, "ПОВТОРНОЕ"},
		{764, 1477, 531, 45, "Собственное имя АНДРЕЙ"},
	};

	(void)state;
	check_words_page("duplicate's mark", "birth-certificate", lines, N(lines),
	    "surname=ГОНЧАРОВ;given-name=АНДРЕЙ");
}

/*
 * A police certificate's line with a signature's stroke read as "a",
 * 351 pixels tall on a line of 50 (eval seed 100041): "no" of "has no
 * criminal record" is a word, not a speck, and the result is read.
 */
static void
test_model_tall_word_makes_no_specks(void **state)
{
	static const struct {
		const char *t, *b;
	} words[] = {
		{"above-named", "382 1976 723 2028"}, {"person", "745 1989 912 2041"},
		{"has", "934 1976 1020 2028"}, {"no", "1041 1989 1098 2027"},
		{"criminal", "1119 1976 1308 2027"}, {"record.", "1330 1976 1499 2027"},
		{"No", "1523 1979 1589 2028"}, {"adverse", "1609 1976 1806 2028"},
		{"information", "1827 1976 2101 2028"}, {"is", "2123 1975 2158 2027"},
		{"held", "2179 1975 2280 2027"}, {"a", "2254 1975 2481 2326"},
		{"him.", "2500 1975 2599 2026"},
	};
	xmlDocPtr doc;
	xmlNodePtr d, page, l;
	size_t i;

	(void)state;
	page = empty_page("criminal-record-certificate", "batch.tif", &doc, &d);
	add_words_line(page, 840, 714, 1692, 68, "POLICE CLEARANCE CERTIFICATE");
	add_words_line(page, 381, 1185, 957, 72, "Surname: WANG");
	l = boxed(page, "line", NULL, "382 1975 2599 2326");
	for (i = 0; i < sizeof words / sizeof *words; i++)
		boxed(l, "w", words[i].t, words[i].b);
	extract_document(m, d);
	check_fields("a tall word in the line", d, "surname=WANG;result=none");
	xmlFreeDoc(doc);
}

/*
 * The "у" of "судимости" read a second time as a line of its own, between
 * "... информационный центр не" and "располагает." (the boxes of eval seed
 * 100045): the same ink read twice is no line, and the "no record"
 * wording is read.  A letter on a line of its own away from other words
 * stays.
 */
static void
test_model_ink_read_twice(void **state)
{
	static const struct {
		const char *t, *b;
	} words[] = {
		{"Сведениями", "261 1025 424 1049"}, {"о", "434 1033 448 1047"},
		{"судимости", "458 1032 596 1049"}, {"в", "608 1033 620 1047"},
		{"отношении", "630 1032 777 1048"}, {"указанного", "797 1032 934 1048"},
		{"лица", "944 1032 1005 1049"}, {"информационный", "1016 1026 1253 1049"},
		{"центр", "1265 1032 1323 1049"}, {"не", "1350 1033 1377 1048"},
	};
	xmlDocPtr doc;
	xmlNodePtr d, page, l;
	size_t i;
	int away;

	(void)state;
	for (away = 0; away < 2; away++) {
		page = empty_page("criminal-record-certificate", "batch.tif", &doc, &d);
		add_words_line(page, 728, 424, 217, 35, "СПРАВКА");
		add_words_line(page, 541, 490, 586, 31, "о наличии (отсутствии) судимости");
		add_words_line(page, 182, 597, 479, 27, "Фамилия SINGH");
		l = boxed(page, "line", NULL, "261 1025 1377 1049");
		for (i = 0; i < sizeof words / sizeof *words; i++)
			boxed(l, "w", words[i].t, words[i].b);
		l = boxed(page, "line", NULL, away ? "1472 1033 1481 1054" : "472 1033 481 1054");
		boxed(l, "w", "у", away ? "1472 1033 1481 1054" : "472 1033 481 1054");
		add_words_line(page, 182, 1080, 163, 22, "располагает.");
		extract_document(m, d);
		/* away from any word the letter is text, and breaks the wording */
		check_fields("ink read twice", d, away ? "surname=SINGH;!result" : "surname=SINGH;result=none");
		xmlFreeDoc(doc);
	}
}

/*
 * Lines as Tesseract read a Belarusian birth certificate on eval seed
 * 100037: the birth date's label came out as "дапанарадюэня" at 5% (the
 * date is found above its caption), and the І of -ІЧ as Т.
 */
static void
test_model_belarusian_slips(void **state)
{
	static const words_line slips[] = {
		{397, 579, 1197, 64, "ПАСВЕДЧАННЕ AB НАРАДЖЭННІ"},
		{194, 740, 681, 63, "Прозвішча ГРЫЦКЕВІЧ"},
		{193, 844, 578, 54, "Уласнае імя ВАДЗІМ"},
		{82, 949, 1427, 79, "| Імя па бацьку ПАУЛАВТЧ МЫ"},
		{82, 1029, 1672, 103, "Г дапанарадюэня 02.11.1987 : :"},
		{1068, 1116, 213, 28, "(дзень, месяц, год)"},
		{194, 1202, 419, 44, "Месца нараджэння Г:"},
		{82, 1353, 1387, 86, "| Бацька ГРЫЦКЕВТЧ ПАВЕЛ АЛЯКСЕЕВТЧ"},
		{191, 1971, 1101, 63, "Дата выдачы «04» снежня 1987 года"},
	};
	/* No date above the caption: none taken from it. */
	static const words_line no_date[] = {
		{397, 579, 1197, 64, "ПАСВЕДЧАННЕ AB НАРАДЖЭННІ"},
		{82, 1029, 1672, 103, "Г дапанарадюэня : :"},
		{1068, 1116, 213, 28, "(дзень, месяц, год)"},
		{191, 1971, 1101, 63, "Дата выдачы «04» снежня 1987 года"},
	};

	(void)state;
	check_words_page("Belarusian slips", "birth-certificate", slips, N(slips),
	    "surname=ГРЫЦКЕВІЧ;patronymic=ПАЎЛАВІЧ;"
	    "birth-date=1987-11-02;issue-date=1987-12-04");
	check_words_page("no date above the caption", "birth-certificate", no_date, N(no_date),
	    "issue-date=1987-12-04;!birth-date");
}

/*
 * Boxes as Tesseract gave them on eval seed 100015.  A Belarusian birth
 * certificate's given name printed a little higher than its label, the
 * two overlapping by exactly half the label's height: one row.  A medical
 * certificate's rule read as an "о" one pixel tall after the name: a
 * speck, not the name's last letter.  But "_12" in such a box is a day.
 */
static void
test_model_value_above_label_and_specks(void **state)
{
	xmlDocPtr doc;
	xmlNodePtr d, page, l;

	(void)state;
	page = empty_page("birth-certificate", "submission.pdf", &doc, &d);
	add_words_line(page, 785, 927, 1303, 65, "ПАСВЕДЧАННЕ АБ НАРАДЖЭННІ");
	add_words_line(page, 729, 1077, 596, 59, "Прозвішча КАВАЛЕНКА");
	add_words_line(page, 1057, 1159, 146, 42, "ЯУГЕН");
	add_words_line(page, 729, 1187, 193, 28, "Уласнае імя");
	add_words_line(page, 730, 1250, 591, 65, "Імя па бацьку АРЦЁМАВІЧ");
	extract_document(m, d);
	check_fields("value above its label", d, "surname=КАВАЛЕНКА;given-name=ЯЎГЕН");
	xmlFreeDoc(doc);

	page = empty_page("medical-certificate", "FAX0001.tiff", &doc, &d);
	add_words_line(page, 600, 300, 1000, 60, "МЕДИЦИНСКАЯ СПРАВКА");
	add_words_line(page, 301, 784, 800, 57, "Фамилия Жук");
	l = boxed(page, "line", NULL, "301 895 2086 952");
	boxed(l, "w", "Имя", "301 908 383 940");
	boxed(l, "w", "Кирилл", "855 895 1507 952");
	boxed(l, "w", "о", "1576 951 1635 952");
	add_words_line(page, 300, 1006, 800, 57, "Отчество Артемович");
	extract_document(m, d);
	check_fields("a speck after the name", d, "surname=Жук;given-name=Кирилл");
	xmlFreeDoc(doc);

	/* Two digits with their underline's box are no speck (seed 100029). */
	page = empty_page("medical-certificate", "02_medspravka.png", &doc, &d);
	add_words_line(page, 710, 961, 735, 50, "МЕДИЦИНСКАЯ СПРАВКА");
	l = boxed(page, "line", NULL, "320 1148 1561 1200");
	boxed(l, "w", "Дата", "320 1168 400 1192");
	boxed(l, "w", "выдачи", "411 1168 531 1192");
	boxed(l, "w", "_12", "663 1198 666 1200");
	boxed(l, "w", "июня", "745 1148 833 1200");
	boxed(l, "w", "2026", "859 1148 952 1200");
	boxed(l, "w", "г.", "987 1154 1019 1176");
	extract_document(m, d);
	check_fields("a day boxed as its underline", d, "issue-date=2026-06-12");
	xmlFreeDoc(doc);
}

/*
 * The verdicts on a person: whatever OCR did to the wording, a conviction
 * is never read as "none" and a disease never as "fit" (unreadable is the
 * worst that may happen).
 */
static void
test_model_verdicts_never_flip(void **state)
{
	static const struct {
		const char *type, *field, *never, *text;
	} rows[] = {
		{"criminal-record-certificate", "result", "none",
		    "указанное лицо имеет судимость: 08.12.2025 осуждена судом\n"
		    "Судимость не снята и не погашена"},
		{"criminal-record-certificate", "result", "none",
		    "имеется (имелась) судимость: 12.03.2015 осужден\n"
		    "Сведения о снятии (погашении) судимости отсутствуют."},
		{"criminal-record-certificate", "result", "none",
		    "имеет судимостъ: осуждена судом\nне располагает сведениями"},
		{"criminal-record-certificate", "result", "none",
		    "has a criminal record: on 3 May 2019 convicted by the district court"},
		{"criminal-record-certificate", "result", "none",
		    "The following convictions are recorded: 12/03/2019 convicted at Leeds"},
		{"criminal-record-certificate", "result", "none",
		    "has the following convictions: on 1 June 2020 convicted of theft"},
		{"medical-certificate", "conclusion", "fit",
		    "Заключение: Выявлено заболевание: сифилис. Имеются медицинские противопоказания."},
		{"medical-certificate", "conclusion", "fit",
		    "Исследование крови на ВИЧ-инфекцию положительно\n"
		    "Заключение: Заболеваний, представляющих опасность для здоровья населения, не выявлено."},
		{"medical-certificate", "conclusion", "fit",
		    "Заключение: Заболевание выявлено: туберкулез. Не выявлено иных заболеваний."},
		{"medical-certificate", "conclusion", "fit",
		    "Туберкулез выявлен\nЗаключение: Инфекционные заболевания, представляющие опасность "
		    "для\nокружающих, не выявлены."},
		{"medical-certificate", "conclusion", "fit",
		    "Рентгенофлюорография органов грудной клетки очаговые изменения в верхней доле\n"
		    "Практически здоров."},
		{"medical-certificate", "conclusion", "fit",
		    "and found that she has HIV infection, a disease dangerous to public health."},
		{"medical-certificate", "conclusion", "fit",
		    "Выявлено заболевание, включенное в перечень заболеваний, представляющих\n"
		    "опасность для здоровья населения: туберкулез органов дыхания, активная форма."},
	};
	size_t i;

	(void)state;
	for (i = 0; i < N(rows); i++) {
		xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
		xmlNodePtr d = xmlNewNode(NULL, BAD_CAST "document");
		char *v;
		int err;

		xmlDocSetRootElement(doc, d);
		xml_set(d, "type", rows[i].type);
		make_page(d, rows[i].text);
		extract_document(m, d);
		v = value_of(d, rows[i].field, &err);
		if (v && strcmp(v, rows[i].never) == 0)
			fail_msg("row %zu: %s read as '%s' from:\n%s", i, rows[i].field, v, rows[i].text);
		free(v);
		xmlFreeDoc(doc);
	}
}

typedef struct {
	const char *name, *text, *type;
} class_row;

/* Pages as OCR printed them, shortened; "other" is any kind of paper that
 * is not one of the three checked types. */
static const class_row class_rows[] = {
	{"birth certificate", "РЕСПУБЛИКА БЕЛАРУСЬ\nСВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФамилия ИВАНОВ\n"
	    "Собственное имя ПЕТР\nОтчество ИВАНОВИЧ\nДата рождения 01.01.2000\n(число, месяц, год)\n"
	    "Место рождения г. Минск, Республика Беларусь\nОтец ИВАНОВ ИВАН ПЕТРОВИЧ\n"
	    "Мать ИВАНОВА ОЛЬГА ПЕТРОВНА\nМесто государственной регистрации\n"
	    "Отдел загса Гродненского горисполкома\nДата выдачи 12.12.2000\nСерия I-ГМ № 0997139\n",
	    "birth-certificate"},
	{"marriage certificate looks alike but is other", "РЕСПУБЛИКА БЕЛАРУСЬ\n"
	    "СВИДЕТЕЛЬСТВО О ЗАКЛЮЧЕНИИ БРАКА\nОн\nФамилия ИВАНОВ\nСобственное имя ПЕТР\n"
	    "Дата рождения 01.01.2000\nОна\nФамилия ПЕТРОВА\nзаключили брак «12» мая 2020 года\n"
	    "После заключения брака присвоены фамилии: мужу ИВАНОВ, жене ИВАНОВА\n",
	    "other"},
	{"death certificate", "РОССИЙСКАЯ ФЕДЕРАЦИЯ\nСВИДЕТЕЛЬСТВО О СМЕРТИ\nИВАНОВ\nфамилия\n"
	    "ИВАН ПЕТРОВИЧ\nимя, отчество\nдата рождения 01.01.1950\nумер(ла) 01.01.2020\n"
	    "место смерти г. Брянск, Российская Федерация\n", "other"},
	{"criminal record", "МИНИСТЕРСТВО ВНУТРЕННИХ ДЕЛ\nРЕСПУБЛИКИ БЕЛАРУСЬ\nИНФОРМАЦИОННЫЙ ЦЕНТР\n"
	    "12.12.2025 № 25/4-75791\nСПРАВКА\nо наличии (отсутствии) судимости\nФамилия ИВАНОВ\n"
	    "Собственное имя ПЕТР\nДата рождения 01.01.2000\n"
	    "Сведениями о судимости в отношении указанного лица информационный центр не располагает.\n",
	    "criminal-record-certificate"},
	{"residence certificate is a справка too", "СПРАВКА\nо месте жительства и составе семьи\n"
	    "Выдана ИВАНОВУ ИВАНУ ИВАНОВИЧУ в том, что он действительно зарегистрирован по месту "
	    "жительства\nСостав семьи:\n", "other"},
	{"medical certificate", "Учреждение здравоохранения «10-я городская поликлиника»\n"
	    "МЕДИЦИНСКАЯ СПРАВКА\nо состоянии здоровья\nДата выдачи 20.05.2026 № 9694\n"
	    "1. Фамилия, собственное имя, отчество (если таковое имеется)\nМОРОЗОВ Сергей Дмитриевич\n"
	    "2. Дата рождения 10.04.1983\n5. Заключение: Медицинских противопоказаний не выявлено.\n",
	    "medical-certificate"},
	{"insurance policy with medical words", "ДОГОВОР (ПОЛИС)\nдобровольного страхования "
	    "медицинских расходов иностранных граждан\nСерия и номер: МР 1234567\nСтрахователь "
	    "ИВАНОВ ИВАН\nСтраховая сумма 10000 EUR\nзаболевания туберкулез\n", "other"},
	{"an English police certificate", "UNITED STATES OF AMERICA\nFederal Bureau of Investigation\n"
	    "POLICE CLEARANCE CERTIFICATE\nCertificate No.: PCC/2026/395337\nDate of issue: 17.12.2026\n"
	    "Surname: JOHNSON\nGiven names: DAVID\nthe above-named person has no criminal record.\n",
	    "criminal-record-certificate"},
	{"a receipt", "ОАО «БПС-Сбербанк»\nЧЕК № 5294178\nДата: 22.06.2026 08:25:45\n"
	    "Платеж через систему «Расчет» (ЕРИП)\nСумма: 84,00 BYN\nСпасибо!\n", "other"},
	{"a blank page", "", "other"},
};

static void
test_model_classify_table(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < N(class_rows); i++) {
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
		assert_true(c.runner_conf >= 0 && c.runner_conf <= 1);
		xmlFreeDoc(doc);
	}
}

/*
 * A Belarusian birth certificate whose title OCR read with Latin letters
 * ("ПАСВЕДЧАННЕ AB НАРАДЖЭНН!", eval seed 100026, as read) still has its
 * title, so it starts a document of its own after a receipt in the same
 * file.  And on a page turned a quarter, whose boxes are the scan's (a
 * line runs down the page), a short word is no speck: the title's "AB"
 * was dropped so.
 */
static void
test_model_title_with_latin_letters(void **state)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "stream"), page, l;
	page_class c;
	page_text pt;

	(void)state;
	xmlDocSetRootElement(doc, root);
	page = make_page(root, "ПАЎТОРНАЕ\nРЭСПУБЛІКА БЕЛАРУСЬ\nПАСВЕДЧАННЕ AB НАРАДЖЭНН!\n"
	    "Прозвішча Кавалева\nУласнае імя Соф'я\nІмя па бацьку Ігараўна\n"
	    "Дата нараджэння: 21 кастрычніка 2013 г.\n(дзень, месяц, год)\n"
	    "Месца нараджэння г. Пінск, Брэсцкая вобласць, Рэспубліка Беларусь\n"
	    "аб чым «15» лістапада 2013 года складзены запіс акта аб нараджэнні № 2280\n"
	    "Бацька Кавалёў Ігар Яўгенавіч\nграмадзянства Рэспублікі Беларусь\n"
	    "Маці Кавалёва Вераніка Віктараўна\nграмадзянства Рэспублікі Беларусь\n"
	    "Месца дзяржаўнай рэгістрацыі\nАддзел загса Пінскага гарвыканкама\n"
	    "Дата выдачы 15.09.2022\nКіраўнік органа, які труе акты грамадзянскага\n");
	c = classify_page(m, page);
	assert_string_equal(c.type, "birth-certificate");
	assert_true(c.starts);

	page = xmlNewChild(root, NULL, BAD_CAST "page", NULL);
	xml_set(page, "status", "ok");
	l = boxed(page, "line", NULL, "2024 879 2088 2016");
	boxed(l, "w", "ПАСВЕДЧАННЕ", "2024 1500 2088 2016");
	boxed(l, "w", "AB", "2030 1400 2080 1460");
	boxed(l, "w", "НАРАДЖЭНН!", "2024 879 2088 1380");
	page_text_build(&pt, &page, 1);
	assert_non_null(strstr(pt.text, " AB "));
	page_text_free(&pt);
	xmlFreeDoc(doc);
}

/* A page that could not be read at all is unknown: a person looks. */
static void
test_model_unreadable_page_is_unknown(void **state)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "stream"), page;
	page_class c;

	(void)state;
	xmlDocSetRootElement(doc, root);
	page = make_page(root, "");
	xml_set(page, "status", "error");
	c = classify_page(m, page);
	assert_string_equal(c.type, "unknown");
	xmlFreeDoc(doc);
}

/* The margin: two classes about equally likely make the page unknown. */
static void
test_model_decide_margin(void **state)
{
	page_class v;
	size_t i;

	(void)state;
	memset(&v, 0, sizeof v);
	v.nclass = models_nclasses(m);
	assert_int_equal(v.nclass, 4);
	assert_string_equal(models_class_name(m, v.nclass - 1), "other");
	v.p[0] = 0.55;
	v.p[1] = 0.40;
	for (i = 2; i < v.nclass; i++)
		v.p[i] = 0.05 / (double)(v.nclass - 2);
	models_decide(m, &v);
	assert_string_equal(v.type, "unknown");
	assert_string_equal(v.runner_up, models_class_name(m, 0));
	v.p[0] = 0.95;
	v.p[1] = 0.03;
	models_decide(m, &v);
	assert_string_equal(v.type, models_class_name(m, 0));
	assert_string_equal(v.runner_up, models_class_name(m, 1));
	assert_true(v.confidence > 0.9);
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
	assert_true(secs < 60);
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
		{"$1/133727443", "51/133727443"},              /* $ for 5: eval seed 100014 */
		{"$ 1/13", "1/13"},                            /* a $ alone is no digit */
		{"", ""},
	};
	size_t i;

	(void)state;
	for (i = 0; i < N(cases); i++) {
		char *v = number_clean(cases[i][0]);

		assert_string_equal(v, cases[i][1]);
		free(v);
	}
}

/* Series and numbers as OCR read them (the value groups of the patterns,
 * joined by a space). */
static void
test_model_number_series(void **state)
{
	static const struct {
		const char *in, *script, *out;   /* out NULL: refused */
	} rows[] = {
		{"I-ВМ 0123456", "cyrillic", "I-ВМ 0123456"},
		{"1-ГМ 0997139", "cyrillic", "I-ГМ 0997139"},       /* 1 for I */
		{"Т-ВМ 7055790", "cyrillic", "I-ВМ 7055790"},       /* Т for I */
		{"Т=ПК 9628939", "cyrillic", "I-ПК 9628939"},       /* = for -: seed 100022 */
		{"т. БР 4378537", "cyrillic", "I-БР 4378537"},      /* a blank after: seed 100029 */
		{"IX-C3 708981", "cyrillic", "IX-СЗ 708981"},        /* З read as 3: seed 100031 */
		{"Il-3X 351824", "cyrillic", "II-ЗХ 351824"},
		{"VII-4H 453601", "cyrillic", "VII-ЧН 453601"},     /* Ч read as 4: seed 100033 */
		{"VII-4 453601", "cyrillic", NULL},                /* a 4 before no letter is no Ч */
		{"І-МН 3617028", "cyrillic", "I-МН 3617028"},       /* Belarusian І */
		{"l-ЛС 2162830", "cyrillic", "I-ЛС 2162830"},       /* l for I */
		{"I-BM 9373178", "cyrillic", "I-ВМ 9373178"},       /* Latin look-alike letters */
		{"I-KE 6156018", "cyrillic", "I-КЕ 6156018"},
		{"VI-OM 601243", "cyrillic", "VI-ОМ 601243"},
		{"У-ШМ 713181", "cyrillic", "V-ШМ 713181"},         /* У for V */
		{"ІІ-ЛЯ 027006", "cyrillic", "II-ЛЯ 027006"},
		{"П-РЕ 619418", "cyrillic", "II-РЕ 619418"},        /* П for II */
		{"МІ-ЕГ 992358", "cyrillic", "VI-ЕГ 992358"},       /* М for V */
		{"IV-UТ 275380", "cyrillic", "IV-ИТ 275380"},       /* U for И */
		{"Ш-ЦВ 272236", "cyrillic", "III-ЦВ 272236"},       /* Ш for III */
		{"Х-ЗГ 875001", "cyrillic", "X-ЗГ 875001"},         /* Cyrillic Х */
		{"Х-Х Ж 731864", "cyrillic", "X-ХЖ 731864"},        /* a blank inside the letters */
		{"I-ГМ О997139", "cyrillic", "I-ГМ 0997139"},       /* О among the digits */
		{"I-JIC 0795699", "cyrillic", "I-ЛС 0795699"},      /* Л read as JI */
		{"IV-FO 287391", "cyrillic", "IV-ГО 287391"},       /* F for Г */
		{"VI-OF 514430", "cyrillic", "VI-ОГ 514430"},
		{"XII-ЯЙ 651245", "cyrillic", "XII-ЯИ 651245"},     /* no series has Й */
		{"|-ГП 104308", "cyrillic", "II-ГП 104308"},        /* II 4 times in 5 */
		{"|-ДН 937729", "cyrillic", "II-ДН 937729"},
		{"І.МГ 1681145", "cyrillic", "I-МГ 1681145"},       /* . for -: seed 100024 */
		{"ІПК 3511821.", "cyrillic", "I-ПК 3511821"},       /* not a dot after the letters */
		{"!I-ГП 104308", "cyrillic", "II-ГП 104308"},       /* ! for I */
		{"|V-ГП 104308", "cyrillic", "IV-ГП 104308"},
		{"|-|П 104308", "cyrillic", NULL},                  /* only before the hyphen */
		{"I- 104308", "cyrillic", NULL},                    /* no letters */
		{"{-ВМ 8847263", "cyrillic", "I-ВМ 8847263"},       /* a brace for I */
		{"ХН-АУ 063221", "cyrillic", "XII-АУ 063221"},      /* Н for II */
		{"ГУ-ЦХ 287955", "cyrillic", "IV-ЦХ 287955"},       /* Г for I */
		{"VITI-HLU 044261", "cyrillic", "VIII-НШ 044261"},  /* LU for Ш */
		{"ІПК 3511821", "cyrillic", "I-ПК 3511821"},        /* the hyphen lost */
		{"І КБ 6064565", "cyrillic", "I-КБ 6064565"},       /* a blank for it: seed 100037 */
		{"І КБМ 6064565", "cyrillic", NULL},                /* three letters */
		{"Т КБ 6064565", "cyrillic", NULL},                 /* Т is a letter too */
		{"ЕБР 1221418", "cyrillic", "I-БР 1221418"},        /* I- as Е: seed 100015 */
		{"ХЕ-ТШ 076074", "cyrillic", "XI-ТШ 076074"},       /* I as Е: seed 100021 */
		{"ХИ-АЛ 117867", "cyrillic", "XII-АЛ 117867"},      /* II as И: seed 100036 */
		{"V-H® 308007", "cyrillic", "V-НФ 308007"},         /* Ф as ®: seed 100025 */
		{"ГЛС 0999969", "cyrillic", "I-ЛС 0999969"},        /* as Г: seed 100019 */
		{"ЕБРМ 1221418", "cyrillic", NULL},                 /* four letters */
		{"ХЕБЮ 235878", "cyrillic", "XI-БЮ 235878"},        /* X, then I- as Е: seed 100044 */
		{"FBT 7071870", "cyrillic", "I-ВТ 7071870"},        /* I- as Latin F: seed 100045 */
		{"FB 7071870", "cyrillic", NULL},
		{"||-1А 731323", "latin", "II-IA 731323"},          /* I as 1: seed 100045 */
		{"V-11A 731323", "latin", NULL},
		{"УГКБ 235878", "cyrillic", "VI-КБ 235878"},        /* У for V, I- as Г */
		{"ШЕБЮ 235878", "cyrillic", NULL},                  /* Ш before Е is no digit here */
		{"ХЕБЮЮ 235878", "cyrillic", NULL},                 /* three letters after */
		{"ЖБР 1221418", "cyrillic", NULL},                  /* not Е or Г */
		{"XIIАУ 063221", "cyrillic", "XII-АУ 063221"},
		{"ІК 0651262", "cyrillic", NULL},                   /* one letter: the series is lost */
		{"ТПК 3511821", "cyrillic", NULL},                  /* Т, П: letters without a hyphen */
		{"УШ-ВК 553375", "latin", "VIII-BK 553375"},        /* V + III, Cyrillic letters */
		{"II-IAF 541637", "latin", "II-IAF 541637"},
		{"ТРИ 2194050", "cyrillic", NULL},                  /* no series to read */
		{"AB-ВМ 1234567", "cyrillic", NULL},                /* no Roman numeral */
		{"25/4-75791", NULL, "25/4-75791"},
		{"PCC/2026/734610", NULL, "PCC/2026/734610"},
		{"PCC/2026/8 14728", "latin-letters", "PCC/2026/814728"},  /* a blank among digits */
		{"РСС/2026/089317", "latin-letters", "PCC/2026/089317"},
		{"PCC/2026/A 14", "latin-letters", "PCC/2026/A 14"},
		{"MC-2026- 19860", "latin-letters", "MC-2026-19860"},
		{"МС-2026-05173", "latin-letters", "MC-2026-05173"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < N(rows); i++) {
		char *v = number_normalise(rows[i].in, rows[i].script);

		if (!rows[i].out) {
			if (v)
				fail_msg("'%s' should be refused, got '%s'", rows[i].in, v);
		} else if (!v || strcmp(v, rows[i].out) != 0) {
			fail_msg("'%s' -> '%s', expected '%s'", rows[i].in, v ? v : "(refused)",
			    rows[i].out);
		}
		free(v);
	}
}

/* Dates as OCR read them on the generated pages. */
static void
test_model_date_normalise(void **state)
{
	static const char *const rows[][2] = {
		{"14 марта 1987 года", "1987-03-14"},
		{"«13» ноября 2024 года", "2024-11-13"},
		{"8 студзеня 1956 г._", "1956-01-08"},
		{"«О4» верасня 2011 года", "2011-09-04"},     /* О for 0 */
		{"Э марта 2026", "2026-03-09"},               /* Э for 9 */
		{"«15» марта г 2003 года", "2003-03-15"},     /* a stray г */
		{"96.01.1967", "1967-01-06"},                 /* 9 for 0 in the day */
		{"95.08.1992", "1992-08-05"},
		{"14.01.1 997 я", "1997-01-14"},              /* the year split */
		{"16,11.1971", "1971-11-16"},                 /* a comma for a dot */
		{"_11.09.1977 С ME З SE", "1977-09-11"},
		{"(29. 01.1956", "1956-01-29"},
		{"06.10. 1985", "1985-10-06"},
		{"2О26-01-17", "2026-01-17"},
		{"_ 92.01 .2026 ОНИ № 2643", "2026-01-02"},    /* blank before a dot, 9 for 0 */
		{"16 .01.2004", "2004-01-16"},
		{"01 . 01 . 20 15", "2015-01-01"},            /* eval seed 100007 */
		{"01 . 01 . 2015 г.", "2015-01-01"},
		{"01 . 01 . 20 1 5", "2015-01-01"},           /* three pieces: guessed */
		{"17.08.1 197 1", "1971-08-17"},
		{"4 янва ря 2024 г.", "2024-01-04"},          /* a month split: seed 100058 */
		{"4 ма рта 2024 г.", "2024-03-04"},
		{"_17.08.1 197 1", "1971-08-17"},             /* a 1 read twice: seed 100057 */
		{"17.08.1 199 9", NULL},                      /* 1999 or 1199: no */
		{"17.08.19 87 1", NULL},                      /* no digit doubled */
		{"19 августа: 2009 г.", "2009-08-19"},        /* eval seed 100013 */
		{"07.1 1.2018", "2018-11-07"},                /* a blank in the month */
		{"0 7.11.2018", "2018-11-07"},
		{"07.1 1.20 18", "2018-11-07"},               /* pieces of two digits */
		{"03.08.199] |", "1991-08-03"},               /* ] for the year's last 1 */
		{"03.08.199]7", NULL},
		{"18-05. 2016", "2016-05-18"},                /* mixed separators */
		{"2 4. 0 9. 197 6", "1976-09-24"},            /* blanks all through: seed 100012 */
		{"2 4 . 0 9 . 1976 г.", "1976-09-24"},
		{"24.09.19 7 6", "1976-09-24"},               /* a year in three pieces: guessed */
		{"25.02.2 02 1", "2021-02-25"},               /* seed 100024 */
		{"25.02.2 02 1 5", NULL},
		{"«91» июня 2012 года", "2012-06-01"},        /* 9 for 0, guessed: seed 100024 */
		{"«90» июня 2012", NULL},
		{"«67» марта 2021 года", "2021-03-07"},       /* 6 for 0, guessed: seed 100027 */
		{"«60» марта 2021 года", NULL},
		{"15! марта 1967 г.", "1967-03-15"},          /* a mark after the day: guessed */
		{"“1@» кастрычніка 2010 года", "2010-10-10"}, /* a 0 read as @: guessed */
		{"«39» ліпеня 2012 года", "2012-07-30"},      /* 39 has a round 0: guessed */
		{"39.07.2012", "2012-07-30"},
		{"29.19.2025 № 3541", "2025-10-29"},          /* month 19: guessed */
		{"14 “ 10 . 1988", "1988-10-14"},             /* a quote for a dot: seed 100024 */
		{"20) снежня 2025 г.", "2025-12-20"},         /* ) after the day */
		{"91.04.1988", "1988-04-01"},                 /* 01 or 31: 0 guessed */
		{"21.91. 1969", "1969-01-21"},                /* month 01 or 11: seed 100022 */
		{"91.12.1973", "1973-12-01"},
		{"90.12.1973", NULL},
		{"«099» лістапада 1993", "1993-11-09"},       /* a quote read as 9 */
		{"«109» марта 2001", NULL},                   /* 10 or 19 */
		{"«399» марта 2001", NULL},
		{"141 октября 2025 г.", NULL},                /* 14 or 11: seed 100021 */
		{"404» красавіка 1963 года", "1963-04-04"},   /* « read as 4: seed 100020 */
		{"309 июля 1996 г.", NULL},                   /* 30 or 09: seed 100015 */
		{"04 = 02 е 2008", "2008-02-04"},             /* dots read as signs: seed 100022 */
		{"10 о 07 с 1991", "1991-07-10"},             /* dots read as о, с: seed 100020 */
		{"07 . 03 - 1989", "1989-03-07"},
		{"12 - 34 - 5678", NULL},
		{"12 34 5678", NULL},
		{": «12» августа “1980 года", "1980-08-12"},   /* a quote before the year */
		{"сЗ апреля 2026 г. № 4561", "2026-04-03"},    /* a letter beside З: seed 100023 */
		{"1311 2025", "2025-11-13"},                  /* both dots lost: seed 100023 */
		{"1399 2025", NULL},
		{"«12» августа 202.5 года", "2025-08-12"},    /* a dot in the year: seed 100043 */
		{"«12» августа 2.025 года", "2025-08-12"},
		{"«12» августа 302.5 года", NULL},            /* no such year */
		{"«12» августа 202.54 года", NULL},           /* five digits */
		{"12.08.202.5", NULL},                         /* no month word before it */
		{"18 96.2011", "2011-06-18"},                 /* a dot lost and 9 for 0 */
		{"18.67.2005", "2005-07-18"},                 /* 6 for 0 in the month: seed 100008 */
		{"27.07.2922", "2022-07-27"},                 /* 9 for 0 in the year: seed 100012 */
		{"27.07.2622", NULL},                         /* no such year on a document */
		{"27.07.1822", NULL},
		{"16.12.4976", "1976-12-16"},                 /* 4 for 1: seed 100015 */
		{"16.12.7012", "2012-12-16"},                 /* no year starts with 7 */
		{"16.12.4876", NULL},                         /* nor says which it was */
		{"1$ мая 2007 г.", "2007-05-15"},             /* $ for 5: seed 100015 */
		{"$ мая 2007 г.", NULL},
		{"21.09.19'74", "1974-09-21"},                /* a stray apostrophe */
		/* A day split in two, its first digit alone (eval seeds
		 * 100017-100031); as it stands the date kept the second. */
		{"«І3» лютага 1978 года", "1978-02-13"},      /* Belarusian І for 1 */
		{"«2’7» лістапада 2016 года", "2016-11-27"},
		{"_1 6.06. 1985", "1985-06-16"},
		{"2 1.06. 1976", "1976-06-21"},
		{"1 7.12.1967", "1967-12-17"},
		{"1 4 мая 1998 Г", "1998-05-14"},
		{"2 І декабря 2014 г.", "2014-12-21"},
		{"3 7 мая 2001", "2001-05-07"},               /* no 37th: as it stands */
		/* A year after a month's name split in two (seed 100046). */
		{"«25» лістапада 201 І года", "2011-11-25"},  /* its 1 read as І */
		{"12 мая 19 87 г.", "1987-05-12"},
		{"12 мая 1 987", "1987-05-12"},
		{"12 мая 20 1", NULL},                        /* three digits in all */
		{"12 мая 201 11", NULL},                      /* five */
		{"12 мая 201 Іван", NULL},                    /* a word, not a 1 */
		{"«20» “чэрвеня 2019 года", "2019-06-20"},    /* a speck for a quote: seed 100042 */
		{"4 7.12.1967", "1967-12-07"},                /* no day starts with 4 */
		{"Эиюня 1994 г.", "1994-06-09"},              /* Э run into the month: seed 100034 */
		{"«П» января 2010 года", "2010-01-11"},       /* 11 as П */
		{"ii. 12.2000", "2000-12-11"},                /* 11 as ii: eval seed 100055 */
		{"ii 12 2000", NULL},                         /* no numeric date after it */
		{"ai. 12.2000", NULL},                        /* a letter that is no 1 */
		{"П января 2010", NULL},                      /* not between quotes */
		{"12. 12; 1980", "1980-12-12"},               /* a semicolon for a dot */
		{"12.1 7.12.1967", "1967-12-07"},             /* the 1 ends a number */
		{"18.93.2005", "2005-03-18"},
		{"18.61.2005", NULL},                         /* 01 or 11: not guessed */
		{"18.60.2005", NULL},
		{"86.07.2005", "2005-07-06"},                 /* 8 for 0 in the day */
		{"81.07.2005", NULL},                         /* 01 or 31 */
		{"November 1, 2025", "2025-11-01"},
		{"27 August 2026", "2026-08-27"},
		{"9", NULL},
		{"ГА . ТУ И 1966", NULL},
		{"55 февраля 1995s", NULL},                    /* no such day: never guessed */
		{"25 ОКТЯБРЯ 20125.", NULL},
		{"LTRS 190", NULL},
	};
	size_t i;

	(void)state;
	for (i = 0; i < N(rows); i++) {
		char *v = date_normalise(rows[i][0]);

		if (!rows[i][1]) {
			if (v)
				fail_msg("'%s' should be unreadable, got '%s'", rows[i][0], v);
		} else if (!v || strcmp(v, rows[i][1]) != 0) {
			fail_msg("'%s' -> '%s', expected '%s'", rows[i][0], v ? v : "(none)", rows[i][1]);
		}
		free(v);
	}
}

/* Dates read with a digit guessed from a sign that is no digit's twin. */
static void
test_model_date_guessed(void **state)
{
	(void)state;
	assert_true(date_guessed("Э июля 1997 г."));       /* Э for 5: seed 100017 */
	assert_true(date_guessed("1$ мая 2007 г."));
	assert_false(date_guessed("5 июля 1997 г."));
	assert_false(date_guessed("«О4» верасня 2011 года"));  /* О is 0's twin */
	assert_false(date_guessed("Дата выдачи 12.12.2026"));
	assert_false(date_guessed("«О4» чэрвеня 2011 года"));  /* э in a month */
	assert_true(date_guessed("Э чэрвеня 2011 года"));
	assert_true(date_guessed("21.91. 1969"));          /* 9 for 0, or for 1? */
	assert_true(date_guessed("«099» лістапада 1993"));
	assert_false(date_guessed("04 = 02 е 2008"));      /* signs for dots: digits sure */
	assert_false(date_guessed("10 о 07 с 1991"));
	assert_true(date_guessed("«91» июня 2012 года"));
	assert_true(date_guessed("«67» марта 2021 года"));
	assert_true(date_guessed("15! марта 1967 г."));
	assert_true(date_guessed("“1@» кастрычніка 2010 года"));
	assert_true(date_guessed("«39» ліпеня 2012 года"));
	assert_true(date_guessed("29.19.2025 № 3541"));
	assert_false(date_guessed("«29» ліпеня 2012 года"));
	assert_true(date_guessed("аЭ марта 2026 г."));      /* Э beside a letter */
	assert_true(date_guessed("ОЭ марта 2026 г."));
	assert_true(date_guessed("сЗ апреля 2026 г."));     /* was the с a 1? */
	assert_true(date_guessed("25.02.2 02 1"));
	assert_false(date_guessed("95.08.1992"));          /* only 0 gives a date */
	/* A day or month of one digit in a numeric date lost one. */
	assert_true(date_guessed("17.1.1975"));            /* 17.11: seed 100027 */
	assert_true(date_guessed("7.12.1967"));
	assert_false(date_guessed("1 7.12.1967"));         /* joined: 17 */
	assert_false(date_guessed("2 І декабря 2014 г."));
	assert_true(date_guessed("3 7 мая 2001"));         /* which digit was the day's? */
	assert_false(date_guessed("7 мая 2001"));          /* days in words have one */
	assert_true(date_guessed("Эиюня 1994 г."));
	assert_true(date_guessed("«П» января 2010 года"));
	assert_true(date_guessed("ii. 12.2000"));
	assert_false(date_guessed("12. 12; 1980"));
}

/* Features: the same page gives the same features, n-grams and patterns. */
static void
test_model_features(void **state)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "stream"), page;
	page_text pt;
	featset fs;
	size_t i;
	int title = 0, gram = 0, digits = 0;

	(void)state;
	xmlDocSetRootElement(doc, root);
	page = make_page(root, "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nСерия I-ГМ № 0997139\n");
	page_text_build(&pt, &page, 1);
	page_features(m, &pt, &fs);
	for (i = 0; i < fs.n; i++) {
		if (strncmp(fs.v[i], "@t:", 3) == 0)
			title = 1;
		if (strcmp(fs.v[i], "РОЖД") == 0)
			gram = 1;
		if (strcmp(fs.v[i], "###") == 0)
			digits = 1;
		assert_true(feature_value(fs.v[i], fs.n) > 0);
	}
	assert_true(title && gram && digits);
	featset_free(&fs);
	page_text_free(&pt);
	xmlFreeDoc(doc);
}

/* A models folder in a temp dir with documents.xml text and an optional
 * classifier file. */
static char *
temp_models(const char *xml, const char *clf)
{
	char tmpl[] = "/tmp/test_model.XXXXXX", *dir, *p;
	FILE *f;

	dir = mkdtemp(tmpl);
	assert_non_null(dir);
	dir = xstrdup(dir);
	p = xasprintf("%s/documents.xml", dir);
	f = fopen(p, "w");
	assert_non_null(f);
	fputs(xml, f);
	fclose(f);
	free(p);
	if (clf) {
		p = xasprintf("%s/clf.txt", dir);
		f = fopen(p, "w");
		assert_non_null(f);
		fputs(clf, f);
		fclose(f);
		free(p);
	}
	return dir;
}

static void
rm_models(char *dir)
{
	char *p = xasprintf("%s/documents.xml", dir), *q = xasprintf("%s/clf.txt", dir);

	unlink(p);
	unlink(q);
	rmdir(dir);
	free(p);
	free(q);
	free(dir);
}

/* Models that cannot be trusted are refused with a reason. */
static void
test_model_load_refusals(void **state)
{
	static const char clf[] = "intake-classifier 1\nngrams 3 5\nclasses 2 a b\nbias 0 0\n"
	    "features 1\nABC\t0.5 -0.5\n";
	char hex[65], *xml, *dir, *why = NULL;
	models *mm;

	(void)state;
	sha256_hex(clf, strlen(clf), hex);
	/* A good one: a classifier whose digest documents.xml names. */
	xml = xasprintf("<models margin=\"0.3\"><classifier file=\"clf.txt\" sha256=\"%s\"/>"
	    "<define name=\"X\">ФАМИЛ</define><type name=\"t\"><field name=\"s\" kind=\"name\">"
	    "<match>{{X}}\\p{L}*</match></field></type><distractor name=\"d\"/></models>", hex);
	dir = temp_models(xml, clf);
	mm = models_load(dir, &why);
	if (!mm)
		fail_msg("refused: %s", why);
	assert_int_equal(mm->nmodelled, 1);
	assert_int_equal(mm->ntypes, 2);
	assert_string_equal(mm->types[0].fields[0].pats[0].src, "ФАМИЛ\\p{L}*");
	models_free(mm);
	rm_models(dir);
	free(xml);

	/* Another digest: refused. */
	xml = xasprintf("<models><classifier file=\"clf.txt\" sha256=\"%064d\"/>"
	    "<type name=\"t\"/></models>", 0);
	dir = temp_models(xml, clf);
	assert_null(models_load(dir, &why));
	assert_non_null(strstr(why, "sha256"));
	free(why);
	why = NULL;
	rm_models(dir);
	free(xml);

	/* Weights in every form %g writes are read; what is not a finite
	 * number is refused with the line. */
	{
		static const char *const good[] = {"1.265e-05 -3E+2", "+1 1e300",
		    "-0 .5", "0.0000000000000000000000001 12345678901234567890"};
		static const char *const bad[] = {"nan 0", "1.5x 0", "inf 0", "1 2 3",
		    "1", "1e 0", "- 0"};

		for (size_t i = 0; i < sizeof good / sizeof *good + sizeof bad / sizeof *bad; i++) {
			int ok = i < sizeof good / sizeof *good;
			char *c = xasprintf("intake-classifier 1\nngrams 3 5\nclasses 2 a b\n"
			    "bias 0 0\nfeatures 1\nABC\t%s\n",
			    ok ? good[i] : bad[i - sizeof good / sizeof *good]);

			sha256_hex(c, strlen(c), hex);
			xml = xasprintf("<models><classifier file=\"clf.txt\" sha256=\"%s\"/>"
			    "<type name=\"t\"/></models>", hex);
			dir = temp_models(xml, c);
			mm = models_load(dir, &why);
			if (ok && !mm)
				fail_msg("weights '%s' refused: %s", good[i], why);
			if (!ok && mm)
				fail_msg("weights '%s' accepted", c);
			if (!ok)
				assert_non_null(strstr(why, "line 6"));
			models_free(mm);
			free(why);
			why = NULL;
			rm_models(dir);
			free(xml);
			free(c);
		}
	}

	/* An undefined macro, a type named other: refused. */
	dir = temp_models("<models><type name=\"t\"><title>{{NOPE}}</title></type></models>", NULL);
	assert_null(models_load(dir, &why));
	assert_non_null(strstr(why, "NOPE"));
	free(why);
	why = NULL;
	rm_models(dir);
	dir = temp_models("<models><type name=\"other\"/></models>", NULL);
	assert_null(models_load(dir, &why));
	free(why);
	rm_models(dir);
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

/* The same models with every pattern JIT-compiled, as the stages do for
 * large streams: every test must pass both ways. */
static int
setup_jit(void **state)
{
	if (setup(state) < 0)
		return -1;
	models_jit(m);
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
		cmocka_unit_test(test_model_field_provenance),
		cmocka_unit_test(test_model_english_reading),
		cmocka_unit_test(test_model_date_read_alone),
		cmocka_unit_test(test_model_hyphen_name),
		cmocka_unit_test(test_model_apostrophe_name),
		cmocka_unit_test(test_model_series_english_letters),
		cmocka_unit_test(test_model_columns_read_apart),
		cmocka_unit_test(test_model_labelled_row_beats_label_lost),
		cmocka_unit_test(test_model_row_read_letter_by_letter),
		cmocka_unit_test(test_model_tall_junk_line_joins_no_rows),
		cmocka_unit_test(test_model_guilloche_before_captions),
		cmocka_unit_test(test_model_day_read_as_digits_is_guessed),
		cmocka_unit_test(test_model_value_above_label_and_specks),
		cmocka_unit_test(test_model_belarusian_slips),
		cmocka_unit_test(test_model_tall_word_makes_no_specks),
		cmocka_unit_test(test_model_ink_read_twice),
		cmocka_unit_test(test_model_verdicts_never_flip),
		cmocka_unit_test(test_model_classify_table),
		cmocka_unit_test(test_model_title_with_latin_letters),
		cmocka_unit_test(test_model_unreadable_page_is_unknown),
		cmocka_unit_test(test_model_decide_margin),
		cmocka_unit_test(test_model_hostile_text_is_bounded),
		cmocka_unit_test(test_model_number_clean),
		cmocka_unit_test(test_model_number_series),
		cmocka_unit_test(test_model_date_normalise),
		cmocka_unit_test(test_model_date_guessed),
		cmocka_unit_test(test_model_features),
		cmocka_unit_test(test_model_load_refusals),
	};

	errstream = stderr;
	return cmocka_run_group_tests_name("interpreted", tests, setup, teardown) +
	    cmocka_run_group_tests_name("JIT", tests, setup_jit, teardown);
}
