#!/bin/sh
# intake-classify: documents out of the pages of a stream.
. "$(dirname "$0")/lib.sh"

# One page of an OCR stream: file name, then one line of words per argument.
page() {
	f=$1; shift
	printf '  <page file="%s" index="1" status="ok">\n' "$f"
	for l in "$@"; do
		printf '    <line>'
		for w in $l; do printf '<w c="95">%s</w>' "$w"; done
		printf '</line>\n'
	done
	printf '  </page>\n'
}
sequel() {
	page "$1" "Продолжение медицинской справки № 2109 от 27.10.2026" "АХМАДИ Фарид" \
		"5. Заключение: Заболеваний, представляющих опасность для здоровья населения, не" \
		"выявлено." "6. Справка действительна до 27.10.2027"
}
first() {
	page "$1" "Государственное учреждение здравоохранения Форма 1 здр/у-10" \
		"«Городская поликлиника № 4 г. Гродно»" "МЕДИЦИНСКАЯ СПРАВКА" "о состоянии здоровья" \
		"Дата выдачи 27 октября 2026 г. № 2109" \
		"1. Фамилия, собственное имя, отчество (если таковое имеется)" "АХМАДИ Фарид" \
		"2. Дата рождения 26.10.1968" "Результаты обследований:" \
		"Рентгенофлюорография органов грудной клетки без патологии" \
		"Исследование крови на ВИЧ-инфекцию отрицательно" "(см. на обороте)"
}
policy() {
	page "$1" "ДОГОВОР (ПОЛИС) СТРАХОВАНИЯ" "медицинских расходов иностранных граждан" \
		"Страховщик: ЗАСО «Промтрансинвест»" "Страхователь AHMADI FARID"
}
stream() {
	printf '<?xml version="1.0" encoding="UTF-8"?>\n<stream version="1" stage="ocr">\n'
	"$@"
	printf '</stream>\n'
}
# Documents and their pages, one line each: "type: file file".
docs() {
	$PY -c '
import sys, xml.etree.ElementTree as ET
for d in ET.parse(sys.argv[1]).getroot().iter("document"):
    print(d.get("type") + ": " + " ".join(p.get("file") for p in d.iter("page")))' "$1"
}

# A medical certificate whose second page ("Продолжение ...") is in a file
# that sorts before its first ("05_medspravka.jpg", "Скан 4.jpg"; eval
# seed 100015): one document, first page first.
test_expect_success 'a continuation met before its first page joins it' '
	stream eval "sequel 05_medspravka.jpg; policy 06_polis.png; first \"Скан 4.jpg\"" >s.xml &&
	intake-classify s.xml >out.xml && docs out.xml >got &&
	printf "%s\n" "medical-certificate: Скан 4.jpg 05_medspravka.jpg" "other: 06_polis.png" >want &&
	diff want got
'

test_expect_success 'a continuation with no first page after it stays a document' '
	stream eval "sequel 05_medspravka.jpg; policy 06_polis.png" >s.xml &&
	intake-classify s.xml >out.xml && docs out.xml >got &&
	printf "%s\n" "medical-certificate: 05_medspravka.jpg" "other: 06_polis.png" >want &&
	diff want got
'

# After a certificate of its type and other papers, a continuation with
# that certificate's number goes back to it (eval seed 100039: a passport
# between "02_medspravka.jpg" and "Скан 3.jpg"), never forward to the next.
test_expect_success 'a continuation goes back to the certificate whose number it gives' '
	stream eval "first a.jpg; policy b.png; sequel c.jpg; first d.jpg" >s.xml &&
	intake-classify s.xml >out.xml && docs out.xml >got &&
	printf "%s\n" "medical-certificate: a.jpg c.jpg" "other: b.png" \
		"medical-certificate: d.jpg" >want &&
	diff want got
'

# With another number, whose it is a person decides.
other_sequel() {
	page "$1" "Продолжение медицинской справки № 3187 от 27.10.2026" "АХМАДИ Фарид" \
		"5. Заключение: Заболеваний, представляющих опасность для здоровья населения, не" \
		"выявлено."
}
test_expect_success 'a continuation with another number stays apart' '
	stream eval "first a.jpg; policy b.png; other_sequel c.jpg; first d.jpg" >s.xml &&
	intake-classify s.xml >out.xml && docs out.xml >got &&
	printf "%s\n" "medical-certificate: a.jpg" "other: b.png" "medical-certificate: c.jpg" \
		"medical-certificate: d.jpg" >want &&
	diff want got
'

# A continuation OCR read badly ("Продолнсение", eval seed 100028): the
# classifier cannot decide, but the page says whose sequel it is.
misread_sequel() {
	page "$1" "Продолнсение медицинской справки № 4704 от 05.12.2025" "WANG Ling" \
		"5. Заключение: Медицинских противопоказаний не выявлено. Практически" \
		"здорова." "6. Справка лействизельна ло 05.12.2026" "м ." \
		"Врач © ^^ ў, 2 6 Е.О. Снлорепко" "Главный врач >" "М.Н."
}
test_expect_success 'a misread continuation the classifier is unsure of joins its certificate' '
	stream eval "first a.jpg; misread_sequel b.jpg" >s.xml &&
	intake-classify s.xml >out.xml && docs out.xml >got &&
	printf "%s\n" "medical-certificate: a.jpg b.jpg" >want &&
	diff want got
'

# A Belarusian birth certificate under a seal whose noise OCR read as
# words (eval seed 100033): the classifier is torn between it and other,
# but the page has the title of that type and of no other.
seal_cert() {
	page "$1" "РЭСПУБЛІКА БЕЛАРУСЬ" "ПАСВЕДЧАННЕ АБ НАРАДЖЭННІ" "Прозвішча Сідарэнка" \
		"Уласнае імя Максім" "Імя па бацьку Максімавіч" "Даа нараджэння 07.01.2012" \
		"Е пень, месяце" "Месца нараджэння Г. Орша, Віцебская вобласць, Рэспубліка Беларусь" \
		"аб чым «15» лютага 2012 года складзены запіс ака аб нараджэнні №: 1356" \
		"Бацька Сідарэнка Максім Ігаравіч" "грамадзянства Рэспублікі Беларусь" \
		"Мапі Сідарэнка Галіна Кірылаўна" "грамадзянства Рэспублікі Беларусь" \
		"Месна дзяржаўнай рэгістрацыі" "Аддзел загса Аршанскага гарвыканкама" \
		"Дага выдачы « | 2» студзеня 201 2 года" "ЕЛ" "Юр: Как органа. які рэгіструе акты" \
		"грарадзянскіга стану / (" "| ч у | а ха" "М.П. і" "5" ". еза" \
		"op . М" "NY М yw" "Серыя 1-БР № 1808169"
}
test_expect_success 'an undecided page with the title of one type is of that type' '
	stream eval "seal_cert a.pdf" >s.xml &&
	intake-classify s.xml >out.xml && docs out.xml >got &&
	printf "%s\n" "birth-certificate: a.pdf" >want &&
	diff want got &&
	grep -q "decided-by=\"title\"" out.xml
'

test_done
