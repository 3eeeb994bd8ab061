/*
 * fields.c - read the fields of one classified document.
 *
 * Runs the field patterns of the document's type over the folded text of
 * its pages, maps each match back to the original text, normalises it by
 * the field's kind (dates to ISO 8601, names stripped of labels and
 * look-alike letters, numbers with their series) and records where it was
 * printed and how sure the OCR was.  A field that cannot be read becomes a
 * <field-error>; nothing is guessed.
 *
 * Every field is looked for twice if need be: in the lines as Tesseract
 * read them, then in the lines put in rows by their boxes, for pages whose
 * labels and values were read as separate columns.
 */
#include "intake.h"

#include <stdlib.h>
#include <string.h>

/* ---- numbers ---------------------------------------------------------- */

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
		/* A 5 read as a dollar sign before a digit: "$1/133727443". */
		if (cp == '$' && i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '9')
			cp = '5';
		if (is_number_char(cp) && cp != 0x2116) {
			if (space && o > 0)
				out[o++] = ' ';
			space = 0;
			if (cp == '5')
				out[o] = '5';
			else
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

/* Letters that print alike in both scripts, upper case: Latin, Cyrillic. */
static const uint32_t twins[][2] = {
	{'A', 0x410}, {'B', 0x412}, {'C', 0x421}, {'E', 0x415}, {'H', 0x41D},
	{'K', 0x41A}, {'M', 0x41C}, {'O', 0x41E}, {'P', 0x420}, {'T', 0x422},
	{'X', 0x425}, {'Y', 0x423}, {'I', 0x406},
};

static uint32_t
upper_cp(uint32_t c)
{
	if (c >= 'a' && c <= 'z')
		return c - 32;
	if (c >= 0x430 && c <= 0x44F)
		return c - 0x20;
	if (c >= 0x450 && c <= 0x45F)
		return c - 0x50;
	return c;
}

static uint32_t
to_script(uint32_t c, int cyrillic)
{
	size_t i;

	c = upper_cp(c);
	for (i = 0; i < sizeof twins / sizeof *twins; i++)
		if (c == twins[i][!cyrillic])
			return twins[i][!!cyrillic];
	return c;
}

/* The Roman numeral OCR made of s (I read as 1, l, |, І, Т or т, Г, Е; V as
 * У or М, which no series has, as in "МІ-ЕГ" for VI-ЕГ; X as Х; II as П, Н
 * or И; III as Ш), or NULL when s is no Roman numeral of 1-39. */
static char *
roman(const char *s)
{
	char out[32];
	size_t i = 0, o = 0, len = strlen(s);
	static const char *const valid[] = {
		"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
		"XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII",
		"XXIII", "XXIV", "XXV", "XXVI", "XXVII", "XXVIII", "XXIX", "XXX",
	};

	while (i < len) {
		uint32_t c;
		size_t n = utf8_decode(s + i, len - i, &c);
		const char *r;

		if (n == 0 || o > 20)
			return NULL;
		i += n;
		switch (c) {
		case 'I': case 'i': case '1': case 'l': case '|': case '!': case 0x406:
		case 0x456: case 0x422: case 0x442: case 'T': case 0x413:
			r = "I";
			break;
		case 'V': case 'v': case 0x423: case 0x443: case 'Y':
		case 'M': case 0x41C: case 0x43C:
			r = "V";
			break;
		case 'X': case 'x': case 0x425: case 0x445:
			r = "X";
			break;
		case 0x415:   /* Е ("ХЕ-ТШ" for XI-ТШ, eval seed 100021) */
			r = "I";
			break;
		case 0x41F:   /* П */
		case 0x41D:   /* Н ("ХН-АУ" for XII-АУ) */
		case 0x418:   /* И ("ХИ-АЛ" for XII-АЛ, eval seed 100036) */
			r = "II";
			break;
		case 0x428:   /* Ш */
			r = "III";
			break;
		default:
			return NULL;
		}
		memcpy(out + o, r, strlen(r));
		o += strlen(r);
	}
	out[o] = '\0';
	for (i = 0; i < sizeof valid / sizeof *valid; i++)
		if (strcmp(out, valid[i]) == 0)
			return xstrdup(out);
	return NULL;
}

/* Digits OCR read as letters inside a run of digits: О->0, З->3, l->1 ... */
static uint32_t
digit_twin(uint32_t c)
{
	switch (c) {
	case 'O': case 'o': case 0x41E: case 0x43E: case 'D':
		return '0';
	case 'l': case 'I': case '|': case 0x406: case 0x456:
		return '1';
	case 0x417: case 0x437:
		return '3';
	case 0x431:   /* б */
		return '6';
	case 'S':
		return '5';
	default:
		return 0;
	}
}

/* Append code point c to buf (room assumed). */
static size_t
put(char *buf, size_t o, uint32_t c)
{
	return o + utf8_encode(c, buf + o);
}

/* A letter of a series, Latin or Cyrillic. */
static int
is_series_letter(uint32_t c)
{
	c = upper_cp(c);
	return (c >= 'A' && c <= 'Z') || (c >= 0x410 && c <= 0x42F) || c == 0x406 || c == 0x40E;
}

/* Is [s, end) a Roman numeral written in the Latin I, V, X (and І, 1, l,
 * | for I)?  Not the Cyrillic letters OCR also gives for Roman digits
 * (П, Ш, Т, Х, ...): without a hyphen those would be a series letter. */
static int
roman_iv_only(const char *s, const char *end)
{
	char *t = xmalloc((size_t)(end - s) + 1), *r;
	size_t i = 0, n = (size_t)(end - s);
	int ok = n > 0;

	memcpy(t, s, n);
	t[n] = '\0';
	while (ok && i < n) {
		uint32_t c;
		size_t k = utf8_decode(t + i, n - i, &c);

		ok = k && ((c < 0x80 && strchr("IVX1l|", (int)c)) || c == 0x406);
		i += k ? k : 1;
	}
	r = ok ? roman(t) : NULL;
	free(t);
	free(r);
	return r != NULL;
}

/* How many letters does s start with (up to a blank, a digit or the end)? */
static size_t
letters_ahead(const char *s)
{
	size_t i = 0, n, len = strlen(s), count = 0;
	uint32_t cp;

	while (i < len && (n = utf8_decode(s + i, len - i, &cp)) > 0 && cp != ' ' &&
	    !(cp >= '0' && cp <= '9')) {
		count++;
		i += n;
	}
	return count;
}

/*
 * The first word of series c (up to sp) with the numeral's last I and its
 * hyphen read as one letter: Е or Г ("ЕБР № 1221418" for I-БР, eval seeds
 * 100015 and 100017; "ГЛС", "ЕМГ", seeds 100019 and 100025), alone also a
 * Latin F or E ("FBT № 7071870" for I-ВТ, seed 100045), after more of the
 * numeral only Е or Г before Cyrillic letters ("ХЕБЮ № 235878" for XI-БЮ,
 * seed 100044; Х and У count as Roman digits there: before the Е they
 * cannot be letters of a two-letter series).  Such a word becomes the
 * numeral with one I more, a hyphen and the two letters; c is freed then.
 * Any other word leaves c as it is.
 */
static char *
i_read_as_letter(char *c, const char *sp)
{
	uint32_t cp[16];
	size_t at[16], n = 0, i = 0, k, len = (size_t)(sp - c);
	uint32_t f, a, b;
	char *num, *r, *t;

	while (i < len && n < 16 && (k = utf8_decode(c + i, len - i, &cp[n])) > 0) {
		at[n++] = i;
		i += k;
	}
	if (i < len || n < 3)
		return c;
	f = cp[n - 3], a = cp[n - 2], b = cp[n - 1];
	if (!is_series_letter(a) || !is_series_letter(b))
		return c;
	if (n == 3 ? !(f == 0x415 || f == 0x413 || f == 'F' || f == 'E') :
	    !((f == 0x415 || f == 0x413) && a >= 0x80 && b >= 0x80))
		return c;
	for (k = 0; k + 3 < n; k++)
		if (!((cp[k] > 0 && cp[k] < 0x80 && strchr("IVX1l|", (int)cp[k])) ||
		    cp[k] == 0x406 || cp[k] == 0x425 || cp[k] == 0x423))
			return c;
	num = xasprintf("%.*sI", (int)at[n - 3], c);
	r = roman(num);
	free(num);
	if (!r)
		return c;
	t = xasprintf("%s-%s", r, c + at[n - 2]);
	free(r);
	free(c);
	return t;
}

/*
 * A series and number: "1-ГМ № 0997139" -> "I-ГМ 0997139" (script
 * cyrillic), "УШ-ВК No. 553375" -> "VIII-BK 553375" (latin).  The first
 * word is the series: a Roman numeral, a hyphen, letters put into the
 * document's script; the rest are digits, with look-alike letters read as
 * the digits they stand for.  NULL when the series has no Roman numeral.
 */
static char *
series_clean(const char *s, int cyrillic)
{
	char *c, *sp, *dash, *rom, *out, *bars = xstrdup(s);
	size_t len, o = 0, i, nl;

	/* The hyphen read as an equals sign or a dot ("Т=ПК", "І.МГ", eval
	 * seeds 100022, 100024). */
	if (!strchr(bars, '-') && (sp = bars + strcspn(bars, "=. ")) && *sp && *sp != ' ')
		*sp = '-';
	/* A bar, an exclamation mark or a brace before the hyphen is a
	 * Roman I ("{-ВМ", eval seed 100013); number_clean would drop it.
	 * A bar alone is read as II, two strokes read as one: on eval seeds
	 * 100013-100024 "|-" stood for II four times (II-ГП, II-УД, II-ДН,
	 * II-УС) and for I once (I-ДЕ, seed 100021), which was unread
	 * before and is now wrong instead. */
	if (bars[0] == '|' && bars[1] == '-') {
		char *t = xasprintf("II%s", bars + 1);

		free(bars);
		bars = t;
	}
	for (i = 0; bars[i] && bars[i] != '-'; i++)
		if (strchr("|![{", bars[i]))
			bars[i] = 'I';
	/* Ф read as ® ("V-H® № 308007" for V-НФ, eval seed 100025): both
	 * two bytes. */
	for (sp = bars; cyrillic && (sp = strstr(sp, "®")) != NULL; sp += 2)
		memcpy(sp, "Ф", 2);
	c = number_clean(bars);
	free(bars);
	/* A blank for the hyphen ("І КБ № 6064565", eval seed 100037): a
	 * Roman numeral of I, V, X only, then a word of two letters. */
	sp = strchr(c, ' ');
	if (!strchr(c, '-') && sp && roman_iv_only(c, sp)) {
		const char *w = sp + 1;
		size_t n1, n2;
		uint32_t a, b;

		if ((n1 = utf8_decode(w, strlen(w), &a)) && is_series_letter(a) &&
		    (n2 = utf8_decode(w + n1, strlen(w + n1), &b)) && is_series_letter(b) &&
		    w[n1 + n2] == ' ')
			*sp = '-';
	}
	/* The numeral's last I and its hyphen read as one letter (see
	 * i_read_as_letter()). */
	sp = strchr(c, ' ');
	if (!strchr(c, '-') && sp)
		c = i_read_as_letter(c, sp);
	/* A hyphen OCR lost ("ІПК № 3511821" for I-ПК): a series has two
	 * letters, so the first word's last two letters after a Roman
	 * numeral of I, V, X only (П and Ш would be ambiguous). */
	sp = strchr(c, ' ');
	if (!strchr(c, '-') && sp) {
		char *end = sp, *two;
		uint32_t a, b;
		size_t n1, k;

		/* back two code points from the blank */
		for (k = 0, two = end; k < 2 && two > c; k++)
			do
				two--;
			while (two > c && ((unsigned char)*two & 0xC0) == 0x80);
		n1 = utf8_decode(two, (size_t)(end - two), &a);
		if (k == 2 && two > c && n1 && utf8_decode(two + n1, (size_t)(end - two - n1), &b) &&
		    is_series_letter(a) && is_series_letter(b) && roman_iv_only(c, two)) {
			char *t = xmalloc(strlen(c) + 2);

			memcpy(t, c, (size_t)(two - c));
			t[two - c] = '-';
			strcpy(t + (two - c) + 1, two);
			free(c);
			c = t;
		}
	}

	/* "I-ГМ0997139": no space after the letters. */
	sp = strchr(c, ' ');
	dash = strchr(c, '-');
	if (!dash || (sp && dash > sp)) {
		free(c);
		return NULL;
	}
	*dash = '\0';
	rom = roman(c);
	if (!rom) {
		free(c);
		return NULL;
	}
	len = strlen(dash + 1);
	out = xmalloc(strlen(rom) + 4 * len + 8);
	o = strlen(rom);
	memcpy(out, rom, o);
	out[o++] = '-';
	free(rom);
	/* The letters up to the first blank or digit, then the number; a
	 * blank OCR put between the first letter and the next ("Х-Х Ж") is
	 * not the end of the letters. */
	for (i = 0, nl = 0; dash[1 + i];) {
		const char *p = dash + 1 + i;
		uint32_t cp, next = 0;
		size_t n = utf8_decode(p, strlen(p), &cp);

		/* З read as 3 among the letters ("IX-C3 № 708981", eval seed
		 * 100031): a 3 before a letter, or after the first letter and
		 * not before a digit. */
		if (cyrillic && cp == '3' && nl < 2 && (letters_ahead(p + 1) > 0 ||
		    (nl == 1 && !(p[1] >= '0' && p[1] <= '9'))))
			cp = 0x417;
		/* Ч read as 4 before a letter ("VII-4H № 453601", eval
		 * seed 100033). */
		if (cyrillic && cp == '4' && nl == 0 && letters_ahead(p + 1) > 0)
			cp = 0x427;
		/* A Latin I read as 1 before a letter ("||-1А No. 731323"
		 * for II-IA, eval seed 100045). */
		if (!cyrillic && cp == '1' && nl < 2 && letters_ahead(p + 1) > 0)
			cp = 'I';
		if (n == 0 || (cp >= '0' && cp <= '9'))
			break;
		/* Blanks after the hyphen before two letters ("т. БР", eval
		 * seed 100029; not "|-|П", whose bar was junk). */
		if (cp == ' ' && nl == 0 && letters_ahead(p + 1) >= 2) {
			i += n;
			continue;
		}
		if (cp == ' ') {
			if (nl != 1 || utf8_decode(p + 1, strlen(p + 1), &next) == 0 ||
			    (next >= '0' && next <= '9') || digit_twin(next) || next == ' ')
				break;
			i += n;
			continue;
		}
		i += n;
		nl++;
		/* Ш read as L and U or I ("VITI-HLU" for VIII-НШ). */
		if (cyrillic && cp == 'L' && dash[1 + i] &&
		    utf8_decode(dash + 1 + i, strlen(dash + 1 + i), &next) &&
		    (next == 'U' || next == 'I' || next == 0x406)) {
			i += utf8_decode(dash + 1 + i, strlen(dash + 1 + i), &next);
			o = put(out, o, 0x428);
			continue;
		}
		/* Л read as two letters, J and I ("I-JIC" for I-ЛС). */
		if (cyrillic && (cp == 'J' || cp == 0x408) && dash[1 + i] &&
		    utf8_decode(dash + 1 + i, strlen(dash + 1 + i), &next) &&
		    (next == 'I' || next == 0x406 || next == '1' || next == 'l')) {
			i += utf8_decode(dash + 1 + i, strlen(dash + 1 + i), &next);
			o = put(out, o, 0x41B);
			continue;
		}
		cp = to_script(cp, cyrillic);
		/* A Cyrillic series has no Latin letter: U and N are how OCR
		 * reads И ("IV-UТ" for IV-ИТ), F how it reads Г ("IV-FО");
		 * and no series has Й. */
		if (cyrillic && (cp == 'U' || cp == 'N' || cp == 0x419))
			cp = 0x418;
		if (cyrillic && cp == 'F')
			cp = 0x413;
		o = put(out, o, cp);
	}
	/* A series without letters is no series ("|-|П": the bar after
	 * the hyphen was junk). */
	if (nl == 0) {
		free(out);
		free(c);
		return NULL;
	}
	if (dash[1 + i])
		out[o++] = ' ';
	for (; dash[1 + i];) {
		const char *p = dash + 1 + i;
		uint32_t cp, d;
		size_t n = utf8_decode(p, strlen(p), &cp);

		if (n == 0)
			break;
		i += n;
		d = cp >= '0' && cp <= '9' ? cp : digit_twin(cp);
		if (d)
			out[o++] = (char)d;
		else if (cp == ' ' && o > 0 && out[o - 1] != ' ')
			out[o++] = ' ';
	}
	while (o > 0 && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
	free(c);
	return out;
}

/* number_clean, then every letter with a twin in the other script put
 * into this one: "РСС/2026/089317" (OCR's Cyrillic look-alikes) is
 * PCC/2026/089317 on an English certificate. */
static char *
letters_in_script(const char *s, int cyrillic)
{
	char *c = number_clean(s), *out = xmalloc(2 * strlen(c) + 1);
	size_t i = 0, o = 0, len = strlen(c);

	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(c + i, len - i, &cp);

		if (n == 0) {
			i++;
			continue;
		}
		/* Such a reference has no blank: one before a digit, after a
		 * digit or a separator, is OCR's ("MC-2026- 19860"). */
		if (cp == ' ' && o > 0 && ((out[o - 1] >= '0' && out[o - 1] <= '9') ||
		    out[o - 1] == '-' || out[o - 1] == '/') && c[i + 1] >= '0' && c[i + 1] <= '9') {
			i++;
			continue;
		}
		o = put(out, o, to_script(cp, cyrillic));
		i += n;
	}
	out[o] = '\0';
	free(c);
	return out;
}

char *
number_normalise(const char *s, const char *script)
{
	if (script && (strcmp(script, "cyrillic") == 0 || strcmp(script, "latin") == 0))
		return series_clean(s, strcmp(script, "cyrillic") == 0);
	if (script && strcmp(script, "latin-letters") == 0)
		return letters_in_script(s, 0);
	/* digits and separators alone: the blanks are OCR's, as above */
	if (script && strcmp(script, "digits") == 0)
		return letters_in_script(s, 0);
	return number_clean(s);
}

/* ---- dates -------------------------------------------------------------- */

/* 1 when s[i..] is an ASCII digit. */
static int
dig(const char *s, size_t i)
{
	return s[i] >= '0' && s[i] <= '9';
}

/* 1 when the word s[0..n) names a month (date_find knows them all). */
static int
is_month_word(const char *s, size_t n)
{
	char *probe;
	int rc;

	if (n < 3)
		return 0;
	probe = xasprintf("1 %.*s 2000", (int)n, s);
	rc = date_find(probe, NULL, NULL, NULL, NULL) == 0;
	free(probe);
	return rc;
}

/* Bytes of the quote mark at s: " (1), “ ” „ (3); 0 when there is none. */
static size_t
quote_len(const char *s)
{
	if (*s == '"')
		return 1;
	return !strncmp(s, "“", 3) || !strncmp(s, "”", 3) || !strncmp(s, "„", 3) ? 3 : 0;
}

/* Does s[a..] hold blanks or closing quotes, then a month's name? */
static int
month_after(const char *s, size_t a)
{
	size_t start = a, b, n = strlen(s), k;
	uint32_t c;

	for (;;)
		if (s[a] == ' ' || s[a] == '"')
			a++;
		else if (!strncmp(s + a, "»", 2))
			a += 2;
		else if (!strncmp(s + a, "”", 3))
			a += 3;
		else
			break;
	for (b = a; b < n && (k = utf8_decode(s + b, n - b, &c)) != 0 &&
	    ((c >= 'A' && c <= 'z') || (c >= 0x400 && c <= 0x4FF)); b += k)
		;
	return a > start && is_month_word(s + a, b - a);
}

/* Does s hold at a the month and year of a numeric date after its day:
 * ".", maybe a blank, two digits, ".", four digits? */
static int
month_year_after(const char *s, size_t a)
{
	if (s[a] != '.')
		return 0;
	a++;
	if (s[a] == ' ')
		a++;
	return dig(s, a) && dig(s, a + 1) && s[a + 2] == '.' && dig(s, a + 3) &&
	    dig(s, a + 4) && dig(s, a + 5) && dig(s, a + 6) && !dig(s, a + 7);
}

/*
 * Digits OCR read as look-alike letters in a date: a word of digits with
 * an О or З in it ("2О26", "«О4»"), or a day of one or two letters, a
 * look-alike among them, just before a month name ("Э марта" for 9 марта,
 * "сЗ апреля", "Эиюня", "«П» января").  Returns a new string, with a byte to spare (see
 * mend_separators).  *guess is set when a digit came from a sign that is
 * no digit's twin (Э, $) or a letter beside the look-alike was passed
 * over (the с of "сЗ" may have been a 1).
 */
static char *
date_repair(const char *s, int *guess)
{
	size_t len = strlen(s), i = 0, o = 0;
	char *out = xmalloc(len + 2);

	while (i < len) {
		size_t j = i, k, nl = 0, nd = 0, nx = 0;
		uint32_t c;

		/* A word: letters and digits. */
		while (j < len) {
			size_t n = utf8_decode(s + j, len - j, &c);
			int digit = c >= '0' && c <= '9';

			if (n == 0 || !(digit || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
			    (c >= 0x400 && c <= 0x4FF)))
				break;
			nd += digit;
			nx += !digit && (digit_twin(c) || c == 0x42D || c == 'i');
			nl++;
			j += n;
		}
		/* A 9 read as Э and run into the month's name ("Эиюня
		 * 1994", seed 100034), or 11 read as П between quotes before
		 * one ("«П» января"): guesses, each the same length. */
		if (j - i > 5 && !strncmp(s + i, "Э", 2) && is_month_word(s + i + 2, j - i - 2)) {
			out[o++] = '9', out[o++] = ' ', i += 2, *guess = 1;
			continue;
		}
		if (j - i == 2 && !strncmp(s + i, "П", 2) && i >= 2 && !strncmp(s + i - 2, "«", 2) &&
		    month_after(s, j)) {
			out[o++] = '1', out[o++] = '1', i = j, *guess = 1;
			continue;
		}
		if (j == i) {
			size_t q = quote_len(s + i);

			/* A 5 read as a dollar sign beside a digit: "1$ мая". */
			if (s[i] == '$' && ((o > 0 && dig(out, o - 1)) || dig(s, i + 1)))
				out[o++] = '5', i++, *guess = 1;
			/* A 0 read as an at sign beside a digit: "“1@»
			 * кастрычніка" (seed 100025). */
			else if (s[i] == '@' && ((o > 0 && dig(out, o - 1)) || dig(s, i + 1)))
				out[o++] = '0', i++, *guess = 1;
			/* A quote before a year: "августа “1980 года". */
			else if (q && (o == 0 || out[o - 1] == ' ') && dig(s, i + q) &&
			    dig(s, i + q + 1) && dig(s, i + q + 2) && dig(s, i + q + 3) &&
			    !dig(s, i + q + 4))
				i += q;
			/* A mark after a day before a month's name: "15!
			 * марта" (seed 100027); a guess, it may be a digit. */
			else if (s[i] == '!' && o > 0 && dig(out, o - 1) && month_after(s, i + 1))
				i++, *guess = 1;
			/* A stray apostrophe between digits: "21.09.19'74". */
			else if ((s[i] == '\'' || s[i] == '`') && o > 0 && dig(out, o - 1) &&
			    dig(s, i + 1))
				i++;
			else
				out[o++] = s[i++];
			continue;
		}
		{
			int fix = 0;

			if (nd > 0 && nd + nx == nl && nl <= 4)
				fix = 1;
			else if (nd == 0 && nx > 0 && nl <= 2)
				/* (and maybe one more letter: "сЗ апреля",
				 * seed 100023) before a month's name, or
				 * the day before the rest of a numeric date
				 * ("ii. 12.2000", eval seed 100055) */
				fix = month_after(s, j) || (nx == nl && month_year_after(s, j));
			for (k = i; k < j;) {
				size_t n = utf8_decode(s + k, len - k, &c);
				uint32_t d = c == 0x42D ? '9' : c == 'i' ? '1' : digit_twin(c);

				if (fix && !(c >= '0' && c <= '9') && d) {
					out[o++] = (char)d;
					*guess |= c == 0x42D || c == 'i' || nx < nl;
				} else {
					memcpy(out + o, s + k, n);
					o += n;
				}
				k += n;
			}
		}
		i = j;
	}
	out[o] = '\0';
	return out;
}

/* Would s (n bytes) hold the numeric date dd.dd.dddd at a, once the
 * blank at i (a < i) is taken out, with no more digits after it, joined
 * or past a blank (a year with a digit too many, see guess_digits())? */
static int
numeric_date_without(const char *s, size_t n, size_t a, size_t i)
{
	char w[11];
	size_t k, o = 0;

	if (a > 0 && dig(s, a - 1))
		return 0;
	for (k = a; k < n && o < 10; k++)
		if (k != i)
			w[o++] = s[k];
	if (o < 10 || (k < n && dig(s, k)) || (k + 1 < n && s[k] == ' ' && dig(s, k + 1)))
		return 0;
	w[10] = '\0';
	return dig(w, 0) && dig(w, 1) && strchr(".,", w[2]) && dig(w, 3) && dig(w, 4) &&
	    strchr(".,", w[5]) && dig(w, 6) && dig(w, 7) && dig(w, 8) && dig(w, 9);
}

static int letter_kinds(const char *s, size_t n);

/*
 * A month's name split by a blank ("4 янва ря 2024 г.", eval seed
 * 100058): two words of letters side by side that name a month together,
 * the first not alone.  Joined, in place.
 */
static void
join_month_pieces(char *s)
{
	size_t n = strlen(s), i, a, b;

	for (i = 0; i < n; i++) {
		char *joined;
		int yes;

		if ((i > 0 && s[i - 1] != ' ') || s[i] == ' ')
			continue;
		for (a = i; a < n && s[a] != ' '; a++)
			;
		for (b = a + 1; b < n && s[b] != ' '; b++)
			;
		if (a >= n || b == a + 1 || letter_kinds(s + i, a - i) < 0 ||
		    letter_kinds(s + a + 1, b - a - 1) < 0 || is_month_word(s + i, a - i))
			continue;
		joined = xasprintf("%.*s%.*s", (int)(a - i), s + i, (int)(b - a - 1), s + a + 1);
		yes = is_month_word(joined, strlen(joined));
		free(joined);
		if (yes) {
			memmove(s + a, s + a + 1, n - a);
			n--;
		}
	}
}

/*
 * A year after a month's name split by a blank into pieces of four
 * digits in all, the last maybe a 1 read as І, l, I or | ("«25»
 * лістапада 201 І года", eval seed 100046; "мая 19 87"): joined.  In
 * place (the text only gets shorter).
 */
static void
join_year_pieces(char *s)
{
	size_t n = strlen(s), i, a, b, c, m, k;
	uint32_t cp = 0;

	for (i = 0; i < n; i++) {
		/* a month's name comes first: never at the start */
		if (i == 0 || !dig(s, i) || s[i - 1] != ' ')
			continue;
		for (a = i; a < n && dig(s, a); a++)
			;
		if (a - i > 3 || s[a] != ' ')
			continue;
		for (b = a + 1; b < n && dig(s, b); b++)
			;
		c = b;
		if (b == a + 1 && (m = utf8_decode(s + b, n - b, &cp)) > 0 && digit_twin(cp) == '1')
			c = b + m;
		if ((a - i) + (c > b ? 1 : b - (a + 1)) != 4 || c == a + 1 ||
		    (c < n && (dig(s, c) || ((unsigned char)s[c] & 0x80) ||
		    (s[c] >= 'A' && s[c] <= 'z'))))
			continue;
		/* the word before, past blanks and commas: a month's name */
		for (m = i - 1; m > 0 && strchr(" ,", s[m - 1]); m--)
			;
		for (k = m; k > 0 && s[k - 1] != ' '; k--)
			;
		if (k == m || !is_month_word(s + k, m - k))
			continue;
		if (c > b)
			s[b] = '1', b++;
		memmove(s + a, s + a + 1, b - a - 1);
		memmove(s + b - 1, s + c, n - c + 1);
		n = strlen(s);
	}
}

/*
 * Numeric dates OCR damaged in ways that leave one reading: a year split by
 * a blank ("14.01.1 997"), a dot lost before the year ("13.01 1969"), a
 * comma for a dot between the parts
 * ("16,11.1971"), and a day of 62-99 or a month of 63-99 whose first digit
 * is a 6, 8 or 9 that was a 0 ("96.01.1967", "18.67.2005": no such day or
 * month, and OCR reads a round 0 so; 0 is the one digit that gives a date
 * there, as 1 is no round glyph and 3 no month).  In place.
 */
static void
numeric_repair(char *s)
{
	size_t i, n = strlen(s);

	/* Blanks both sides of a dot between digits: "01 . 01 . 20 15". */
	for (i = 2; i + 2 < n; i++)
		if (s[i] == '.' && s[i - 1] == ' ' && dig(s, i - 2) && s[i + 1] == ' ' &&
		    dig(s, i + 2)) {
			memmove(s + i + 1, s + i + 2, n - i - 1);
			memmove(s + i - 1, s + i, n - i);
			n -= 2;
		}
	/* Blanks beside the dots of a numeric date: "92.01 .2026", "16 .01.2004". */
	for (i = 1; i + 2 < n; i++)
		if (s[i] == ' ' && ((dig(s, i - 1) && s[i + 1] == '.' && dig(s, i + 2)) ||
		    (i >= 2 && s[i - 1] == '.' && dig(s, i - 2) && dig(s, i + 1)))) {
			memmove(s + i, s + i + 1, n - i);
			n--;
			i--;
		}
	/* A year split by a blank: "14.01.1 997". */
	for (i = 0; i + 6 < n; i++) {
		size_t j, nd = 0, ns = 0;

		if ((i > 0 && dig(s, i - 1)) || !dig(s, i) || !dig(s, i + 1) || !strchr(".,", s[i + 2]) ||
		    !dig(s, i + 3) || !dig(s, i + 4) || !strchr(".,", s[i + 5]))
			continue;
		for (j = i + 6; j < n && nd < 4; j++) {
			if (dig(s, j))
				nd++;
			else if (s[j] == ' ' && nd > 0 && ns == 0 && j + 1 < n && dig(s, j + 1))
				ns++;
			else
				break;
		}
		/* not when more digits follow: a digit too many (below) */
		if (nd == 4 && ns == 1 && (j == n || (!dig(s, j) &&
		    !(s[j] == ' ' && j + 1 < n && dig(s, j + 1))))) {
			size_t k, o = i + 6;

			for (k = i + 6; k < j; k++)
				if (s[k] != ' ')
					s[o++] = s[k];
			memmove(s + o, s + j, n - j + 1);
			n = strlen(s);
		}
	}
	/* A blank inside the day or the month: "07.1 1.2018", "0 7.11.2018". */
	for (i = 1; i + 1 < n; i++) {
		size_t a;

		if (s[i] != ' ' || !dig(s, i - 1) || !dig(s, i + 1))
			continue;
		for (a = i >= 4 ? i - 4 : 0; a < i; a++)
			if (numeric_date_without(s, n, a, i)) {
				memmove(s + i, s + i + 1, n - i);
				n--;
				break;
			}
	}
	/* Blanks all through a numeric date: "2 4. 0 9. 197 6".  A day and
	 * a month of two digits each, a year of four in at most two pieces,
	 * a blank or two beside the dots. */
	for (i = 0; i < n; i++) {
		char w[11];
		size_t j = i, o = 0, part, blanks = 0;
		static const int digits[3] = {2, 2, 4};

		if (!dig(s, i) || (i > 0 && dig(s, i - 1)))
			continue;
		for (part = 0; part < 3; part++) {
			int got = 0, pieces = 1;

			while (got < digits[part]) {
				if (dig(s, j)) {
					w[o++] = s[j++];
					got++;
				} else if (s[j] == ' ' && got > 0 && dig(s, j + 1)) {
					j++;
					blanks++;
					pieces++;
				} else {
					break;
				}
			}
			if (got < digits[part] || pieces > 2)
				break;
			if (part < 2) {
				while (s[j] == ' ')
					j++, blanks++;
				if (s[j] != '.')
					break;
				w[o++] = s[j++];
				while (s[j] == ' ')
					j++, blanks++;
			}
		}
		if (part < 3 || dig(s, j) || (s[j] == ' ' && dig(s, j + 1)) || blanks == 0 ||
		    blanks > 5)
			continue;
		memcpy(s + i, w, 10);
		memmove(s + i + 10, s + j, n - j + 1);
		n = strlen(s);
	}
	/* A year's last 1 read as a bracket or a bar: "03.08.199]". */
	for (i = 0; i + 10 <= n; i++)
		if ((i == 0 || !dig(s, i - 1)) && dig(s, i) && dig(s, i + 1) && s[i + 2] == '.' &&
		    dig(s, i + 3) && dig(s, i + 4) && s[i + 5] == '.' && dig(s, i + 6) &&
		    dig(s, i + 7) && dig(s, i + 8) && strchr("]|", s[i + 9]))
			s[i + 9] = '1';
	/* A dot lost before the year: "13.01 1969". */
	for (i = 0; i + 10 <= n; i++)
		if ((i == 0 || !dig(s, i - 1)) && dig(s, i) && dig(s, i + 1) && s[i + 2] == '.' &&
		    dig(s, i + 3) && dig(s, i + 4) && s[i + 5] == ' ' && dig(s, i + 6) &&
		    dig(s, i + 7) && dig(s, i + 8) && dig(s, i + 9) && (i + 10 == n || !dig(s, i + 10)))
			s[i + 5] = '.';
	for (i = 0; i + 10 <= n; i++) {
		if ((i > 0 && dig(s, i - 1)) || !dig(s, i) || !dig(s, i + 1) || !dig(s, i + 3) ||
		    !dig(s, i + 4) || !dig(s, i + 6) || !dig(s, i + 7) || !dig(s, i + 8) ||
		    !dig(s, i + 9) || (i + 10 < n && dig(s, i + 10)))
			continue;
		if (!strchr(".,-", s[i + 2]) || !strchr(".,-", s[i + 5]))
			continue;
		s[i + 2] = s[i + 5] = '.';
		if (strchr("689", s[i]) && s[i + 1] >= '2')
			s[i] = '0';
		if (strchr("689", s[i + 3]) && s[i + 4] >= '3')
			s[i + 3] = '0';
	}
}

/* Does s[*i..] hold a separator OCR made of a date's dot: blanks and at
 * most one sign, quote or lone е ("04 = 02 е 2008", "07 . 03 - 1989",
 * "14 “ 10 . 1988", "12. 12; 1980")?  Moves *i
 * past it and returns the number of signs (0 or 1), or -1. */
static int
junk_separator(const char *s, size_t *i)
{
	size_t j = *i, signs = 0;

	for (;;) {
		if (s[j] == ' ') {
			j++;
		} else if (s[j] && strchr(".,-=/:;\"'", s[j])) {
			j++, signs++;
		} else if (quote_len(s + j) == 3) {
			j += 3, signs++;
		} else if (!strncmp(s + j, "е", 2) || !strncmp(s + j, "Е", 2) ||
		    !strncmp(s + j, "о", 2) || !strncmp(s + j, "с", 2)) {
			/* е, о, с: a dot read as a small round letter ("10 о
			 * 07 с 1991", seed 100020) */
			j += 2, signs++;
		} else if (s[j] == 'e' || s[j] == 'o' || s[j] == 'c') {
			j++, signs++;
		} else {
			break;
		}
	}
	if (signs > 1 || j == *i)
		return -1;
	*i = j;
	return (int)signs;
}

/*
 * A year after a month word with a dot OCR put inside it ("«12» августа
 * 202.5 года", eval seed 100043): four digits in all, 19.. or 20.. once
 * joined, a letter before them (past blanks) and no digit or dot after.
 * In place; 1 when one was mended.
 */
static int
mend_year_dot(char *s)
{
	size_t i, n = strlen(s);

	for (i = 0; i + 5 <= n; i++) {
		size_t k, dots = 0, digits = 0, at = 0, b;
		char second;

		if (!dig(s, i) || (i > 0 && (dig(s, i - 1) || s[i - 1] == '.')))
			continue;
		for (k = i; k < n && (dig(s, k) || s[k] == '.') && digits + dots < 5; k++) {
			if (s[k] == '.')
				dots++, at = k;
			else
				digits++;
		}
		if (digits != 4 || dots != 1 || at == i || s[k - 1] == '.' ||
		    (k < n && (dig(s, k) || s[k] == '.')))
			continue;
		for (b = i; b > 0 && s[b - 1] == ' '; b--)
			;
		/* the second digit, past the dot when it comes first */
		second = s[at == i + 1 ? at + 1 : i + 1];
		if (b == i || b == 0 || (unsigned char)s[b - 1] < 0x80 ||
		    !((s[i] == '1' && second == '9') || (s[i] == '2' && second == '0')))
			continue;
		memmove(s + at, s + at + 1, n - at);
		return 1;
	}
	return 0;
}

/*
 * A numeric date whose dots OCR read as other signs with blanks about
 * them: day and month of two digits, a year of four, each separator
 * blanks and one sign ("04 = 02 е 2008").  The digits are as printed.  In
 * place; 1 when one was mended.
 */
static int
mend_separators(char *s)
{
	size_t i, n = strlen(s);

	for (i = 0; i + 8 <= n; i++) {
		size_t j = i + 2, m, y;
		int a, b;

		if ((i > 0 && dig(s, i - 1)) || !dig(s, i) || !dig(s, i + 1) ||
		    (a = junk_separator(s, &j)) < 0 || !dig(s, j) || !dig(s, j + 1))
			continue;
		m = j;
		j += 2;
		if ((b = junk_separator(s, &j)) < 0 || !dig(s, j) ||
		    !dig(s, j + 1) || !dig(s, j + 2) || !dig(s, j + 3) || dig(s, j + 4))
			continue;
		/* Blanks alone (the signs were stray letters, dropped:
		 * "10 о 07 с 1991", seed 100020): a day and a month. */
		if (a + b == 0 && (s[i] > '3' || (s[i] == '3' && s[i + 1] > '1') ||
		    (s[i] == '0' && s[i + 1] == '0') || s[m] > '1' ||
		    (s[m] == '1' && s[m + 1] > '2') || (s[m] == '0' && s[m + 1] == '0')))
			continue;
		y = j;
		s[i + 2] = '.';
		s[i + 3] = s[m];
		s[i + 4] = s[m + 1];
		s[i + 5] = '.';
		memmove(s + i + 6, s + y, n - y + 1);
		return 1;
	}
	/* Both dots of the day and month lost: "1311 2025" (seed 100023).
	 * This makes s one byte longer: date_repair() leaves room. */
	for (i = 0; i + 9 <= n; i++) {
		size_t j = i + 4;
		int d, m;

		if ((i > 0 && (dig(s, i - 1) || s[i - 1] == '.')) || !dig(s, i) || !dig(s, i + 1) ||
		    !dig(s, i + 2) || !dig(s, i + 3) || s[j] != ' ')
			continue;
		while (s[j] == ' ')
			j++;
		if (!dig(s, j) || !dig(s, j + 1) || !dig(s, j + 2) || !dig(s, j + 3) ||
		    dig(s, j + 4) || s[j + 4] == '.')
			continue;
		d = (s[i] - '0') * 10 + s[i + 1] - '0';
		m = (s[i + 2] - '0') * 10 + s[i + 3] - '0';
		if (d < 1 || d > 31 || m < 1 || m > 12)
			continue;
		memmove(s + i + 5, s + i + 4, n - i - 3);
		s[i + 4] = s[i + 3];
		s[i + 3] = s[i + 2];
		s[i + 2] = '.';
		s[i + 5] = '.';
		memmove(s + i + 6, s + j + 1, strlen(s + j + 1) + 1);
		return 1;
	}
	return 0;
}

/* Does s hold a numeric day and month and the year's first digit
 * ("dd.mm.d") at i, with no digit before it?  s holds i + 7 bytes. */
static int
day_month_at(const char *s, size_t i)
{
	return !(i > 0 && dig(s, i - 1)) && dig(s, i) && dig(s, i + 1) && s[i + 2] == '.' &&
	    dig(s, i + 3) && dig(s, i + 4) && s[i + 5] == '.' && dig(s, i + 6);
}

/* The blanks of s[from..to) taken out, the rest of s after them, in place. */
static void
squeeze_blanks(char *s, size_t from, size_t to)
{
	size_t o = from, k, n = strlen(s);

	for (k = from; k < to; k++)
		if (s[k] != ' ')
			s[o++] = s[k];
	memmove(s + o, s + to, n - to + 1);
}

/*
 * Readings that take a guess, tried last: a day of 90-91 or 39, or a month
 * of 90-92 or 19 ("29.19.2025", seed 100029), whose 9 was a typewriter 0
 * (a 1 or a 3 could have been read as 9 too, but 0 is the usual one:
 * "21.91.1969", eval seed 100022); a day of 91-99 before a month's name,
 * its 9 a 0; a year in three pieces; a day of three digits before a
 * month's name, one of them a mark misread, when only one day comes of
 * taking one out ("«099» лістапада", "404» красавіка"; not "309 июля", 30
 * or 09, nor "141 октября", 14 or 11); a year in pieces with a digit
 * read twice.
 * In place; 1 when something changed.
 */
static int
guess_digits(char *s)
{
	size_t i, n = strlen(s);
	int changed = 0;

	for (i = 0; i + 10 <= n; i++) {
		if ((i > 0 && dig(s, i - 1)) || !dig(s, i) || !dig(s, i + 1) || s[i + 2] != '.' ||
		    !dig(s, i + 3) || !dig(s, i + 4) || s[i + 5] != '.' || !dig(s, i + 6) ||
		    !dig(s, i + 7) || !dig(s, i + 8) || !dig(s, i + 9) ||
		    (i + 10 < n && dig(s, i + 10)))
			continue;
		if (s[i] == '9' && s[i + 1] <= '1')
			s[i] = '0', changed = 1;
		if (s[i] == '3' && s[i + 1] == '9')
			s[i + 1] = '0', changed = 1;
		if (s[i + 3] == '9' && s[i + 4] <= '2')
			s[i + 3] = '0', changed = 1;
		if (s[i + 3] == '1' && s[i + 4] == '9')
			s[i + 4] = '0', changed = 1;
	}
	/* A day of 61-69, 81-89 or 91-99 before a month's name, its first
	 * digit a round 0: "«91» июня" (seed 100024), "«67» марта" (seed
	 * 100027). */
	for (i = 0; i + 2 < n; i++) {
		size_t a = i + 2;

		if ((i > 0 && dig(s, i - 1)) || !strchr("689", s[i]) || !s[i] || !dig(s, i + 1) ||
		    s[i + 1] == '0' || dig(s, a))
			continue;
		if (month_after(s, a))
			s[i] = '0', changed = 1;
	}
	/* A day of 39 before a month's name, its 9 a round 0: "«39» ліпеня"
	 * (seed 100026). */
	for (i = 0; i + 2 < n; i++)
		if ((i == 0 || !dig(s, i - 1)) && s[i] == '3' && s[i + 1] == '9' &&
		    !dig(s, i + 2) && month_after(s, i + 2))
			s[i + 1] = '0', changed = 1;
	/* A year in pieces with a digit too many, the same digit ending one
	 * piece and starting the next: one glyph read into two words whose
	 * boxes overlap ("17.08.1 197 1" for 17.08.1971, eval seed 100057).
	 * That digit once, when only one such place is there. */
	for (i = 0; i + 9 < n; i++) {
		size_t j, nd = 0, ndup = 0, dup = 0;

		if (!day_month_at(s, i))
			continue;
		for (j = i + 6; j < n; j++) {
			if (dig(s, j)) {
				nd++;
			} else if (s[j] == ' ' && dig(s, j - 1) && j + 1 < n && dig(s, j + 1)) {
				if (s[j - 1] == s[j + 1])
					dup = j, ndup++;
			} else {
				break;
			}
		}
		if (nd != 5 || ndup != 1)
			continue;
		/* the blank and the digit after it go, then the other blanks */
		memmove(s + dup, s + dup + 2, n - dup - 1);
		squeeze_blanks(s, i + 6, j - 2);
		n = strlen(s);
		changed = 1;
	}
	/* A year in three pieces after a numeric day and month: "25.02.2 02 1"
	 * (seed 100024); the sure repairs join two pieces at most. */
	for (i = 0; i + 9 < n; i++) {
		size_t j, nd = 0;

		if (!day_month_at(s, i))
			continue;
		for (j = i + 6; j < n && nd < 4; j++) {
			if (dig(s, j))
				nd++;
			else if (!(s[j] == ' ' && dig(s, j + 1)))
				break;
		}
		if (nd != 4 || (j < n && dig(s, j)) || (s[j] == ' ' && dig(s, j + 1)))
			continue;
		squeeze_blanks(s, i + 6, j);
		n = strlen(s);
		changed = 1;
	}
	for (i = 0; i + 3 < n; i++) {
		size_t a = i + 3, k;
		int day = 0, cand;

		if ((i > 0 && dig(s, i - 1)) || !dig(s, i) || !dig(s, i + 1) || !dig(s, i + 2) ||
		    dig(s, a) || !month_after(s, a))
			continue;
		/* the one day that taking out one digit can give */
		for (k = 0; k < 3; k++) {
			size_t x = k == 0 ? 1 : 0, y = k == 2 ? 1 : 2;

			cand = (s[i + x] - '0') * 10 + s[i + y] - '0';
			if (cand < 1 || cand > 31)
				continue;
			if (day && cand != day)
				break;
			day = cand;
		}
		if (k < 3 || !day)
			continue;
		s[i] = (char)('0' + day / 10);
		s[i + 1] = (char)('0' + day % 10);
		memmove(s + i + 2, s + i + 3, n - i - 2);
		n--;
		changed = 1;
	}
	return changed;
}

/* A word of one letter alone between a month name and a year: "марта г
 * 2003" (a stray mark read as a letter).  Removed in place. */
static void
drop_stray_letters(char *s)
{
	size_t i = 0, n = strlen(s);

	while (i < n) {
		uint32_t c;
		size_t k = utf8_decode(s + i, n - i, &c);
		int letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= 0x400 && c <= 0x4FF);

		if (k == 0) {
			i++;
			continue;
		}
		if (letter && i > 0 && s[i - 1] == ' ' && (i + k == n || s[i + k] == ' ') &&
		    i + k + 1 < n && dig(s, i + k + 1)) {
			memmove(s + i, s + i + k, n - i - k + 1);
			n -= k;
			continue;
		}
		i += k;
	}
}

/*
 * A year a document may carry: 1900-2099.  A year of 29xx is 20xx with
 * its 0 read as 9 (a typewriter zero with a dot inside: "2922" for 2022,
 * eval seed 100012); any other year out of range is no date.  1 when
 * *y is (now) plausible.
 */
static int
plausible_year(int *y)
{
	int first = *y / 1000, second = *y / 100 % 10;

	if (*y >= 2900 && *y <= 2999)
		*y -= 900;
	/* A first digit no year of ours has (3-8; "4976" for 1976, eval
	 * seed 100015): the second digit says which it was, a 9 a 1 and a
	 * 0 a 2. */
	else if (first >= 3 && first <= 8 && second == 9)
		*y = 1900 + *y % 100;
	else if (first >= 3 && first <= 8 && second == 0)
		*y = 2000 + *y % 100;
	return *y >= 1900 && *y <= 2099;
}

/* Is s[i] a word's start: the text's, or after a blank, an underscore, a
 * dash or an opening quote? */
static int
word_start(const char *s, size_t i)
{
	return i == 0 || strchr(" _-\"", s[i - 1]) ||
	    (i >= 2 && (!strncmp(s + i - 2, "«", 2))) ||
	    (i >= 3 && (!strncmp(s + i - 3, "—", 3) || !strncmp(s + i - 3, "„", 3) ||
	    !strncmp(s + i - 3, "“", 3)));
}

/*
 * A day OCR split in two, which the date read as it stands would take
 * for its second digit alone: a digit alone, a blank, then a digit (or
 * І, the Belarusian twin of 1) before a month's name ("1 4 мая", "2 І
 * декабря") or the one-digit day of a numeric date ("1 7.12.1967", "_1
 * 6.06. 1985"); an apostrophe between a day's digits ("«2’7»").  Eval
 * seeds 100017-100031: seven false birth-date mismatches.  The first
 * digit is 0-3, as a day's is.  A new string when one was joined, else
 * NULL.
 */
static char *
join_split_day(const char *s)
{
	size_t n = strlen(s), i, j, k;
	char *out = NULL;

	for (i = 0; i + 2 < n; i++) {
		const char *t = out ? out : s;
		size_t a = 0;

		if (!dig(t, i) || (i > 0 && dig(t, i - 1)))
			continue;
		if (dig(t, i + 1))
			continue;
		/* "2’7", "2'7": the apostrophe goes. */
		if (!strncmp(t + i + 1, "’", 3) && dig(t, i + 4) && !dig(t, i + 5))
			a = 3;
		else if ((t[i + 1] == '\'' || t[i + 1] == '`') && dig(t, i + 2) && !dig(t, i + 3))
			a = 1;
		if (a && t[i] <= '3' && (i == 0 || t[i - 1] != '.')) {
			if (!out)
				out = xstrdup(s), t = out;
			memmove(out + i + 1, out + i + 1 + a, strlen(out + i + 1 + a) + 1);
			continue;
		}
		if (t[i] > '3' || !word_start(t, i) || t[i + 1] != ' ')
			continue;
		for (j = i + 1; t[j] == ' '; j++)
			;
		/* the second digit: a digit or І alone before a month's
		 * name, or a digit starting d.mm. */
		if (dig(t, j) && !dig(t, j + 1) && (t[j + 1] == '.' || t[j + 1] == ',') &&
		    dig(t, j + 2) && dig(t, j + 3) && t[j + 4] && strchr(".,", t[j + 4]))
			k = j + 1;
		else if (dig(t, j) && (t[j + 1] == ' ' || !strncmp(t + j + 1, "»", 2)) &&
		    month_after(t, j + 1))
			k = j + 1;
		else if (!strncmp(t + j, "І", 2) && month_after(t, j + 2))
			k = j + 2;
		else
			continue;
		if (!out)
			out = xstrdup(s), t = out;
		out[i + 1] = k == j + 2 ? '1' : out[j];
		memmove(out + i + 2, out + k, strlen(out + k) + 1);
	}
	return out;
}

static char *date_read_as_is(const char *span, int *guessed);

/* The date in span as date_normalise() reads it; *guessed set when it
 * took guess_digits() to read it, or when it is numeric with a day or
 * month of one digit (one was lost: "17.1.1975" for 17.11.1975, eval
 * seed 100027). */
static char *
date_read(const char *span, int *guessed)
{
	char *joined = join_split_day(span), *v;

	if (joined) {
		v = date_read(joined, guessed);
		free(joined);
		if (v)
			return v;
		/* No date once joined ("3 7 мая"): as it stands, a guess. */
		v = date_read_as_is(span, guessed);
		*guessed |= v != NULL;
		return v;
	}
	return date_read_as_is(span, guessed);
}

/* date_read() of a span with no split day to join. */
static char *
date_read_as_is(const char *span, int *guessed)
{
	int y, mo, d, step, repair_guess = 0, short_part = 0;
	char *fixed = NULL;

	*guessed = 0;
	if (date_find_short(span, &y, &mo, &d, NULL, &short_part) == 0) {
		*guessed = short_part;
		return plausible_year(&y) ?
		    xasprintf("%04d-%02d-%02d", y, mo, d) : NULL;
	}
	/* Repairs, each only when the text read as it is holds no date. */
	for (step = 0; step < 5; step++) {
		if (step == 0) {
			fixed = date_repair(span, &repair_guess);
		} else if (step == 1) {
			numeric_repair(fixed);
			join_month_pieces(fixed);
			join_year_pieces(fixed);
		} else if (step == 2) {
			drop_stray_letters(fixed);
		} else if (step == 3) {
			if (!mend_separators(fixed) && !mend_year_dot(fixed))
				continue;
			/* what the dots were hiding: "18 96.2011" */
			numeric_repair(fixed);
		} else if (!(*guessed = guess_digits(fixed))) {
			continue;
		}
		if (date_find(fixed, &y, &mo, &d, NULL) == 0) {
			*guessed |= repair_guess;
			free(fixed);
			return plausible_year(&y) ?
			    xasprintf("%04d-%02d-%02d", y, mo, d) : NULL;
		}
	}
	*guessed = 0;
	free(fixed);
	return NULL;
}

char *
date_normalise(const char *span)
{
	int guessed;

	return date_read(span, &guessed);
}

/*
 * Did the date in span need a guess: a digit from a sign that is no
 * digit's twin (Э, read for 9 on eval seed 100012 and for 5 on seed
 * 100017; $), a letter passed over beside a look-alike, or one of
 * guess_digits()' readings?  Such a date is the best reading, not a sure
 * one.
 */
int
date_guessed(const char *span)
{
	char *v;
	int guessed;

	v = date_read(span, &guessed);
	free(v);
	return guessed;
}

/* ---- text -------------------------------------------------------------- */

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
	/* Punctuation and rules left by the layout are not part of the value. */
	for (size_t n = strlen(p); n > 0 && strchr(" ,;:_|-", p[n - 1]); n--)
		p[n - 1] = '\0';
	return p;
}

/* "…АУНА" / "…ЕУНА" / "…ОУНА" (either case) at the end of a word of v
 * -> "…АЎНА": in place (У and Ў take two bytes each in UTF-8). */
static void
short_u_ending(char *v)
{
	static const char *const vowels[] = {"А", "Е", "О", "Э", "а", "е", "о", "э"};
	size_t n = strlen(v), i;

	for (i = 0; i < sizeof vowels / sizeof *vowels; i++) {
		int upper = i < 4;
		const char *tail = upper ? "УНА" : "уна";
		size_t lv = strlen(vowels[i]), lt = strlen(tail);
		char *p = v;

		while ((p = strstr(p, vowels[i])) && (size_t)(p - v) + lv + lt <= n) {
			char *u = p + lv;
			char after = u[lt];

			if (p > v && strncmp(u, tail, lt) == 0 && (after == '\0' || after == ' '))
				memcpy(u, upper ? "Ў" : "ў", 2);
			p += lv;
		}
	}
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
		v = date_normalise(span);
	} else if (strcmp(fm->kind, "name") == 0) {
		v = name_clean(span);
		/* A comma or dot OCR put before a hyphen ("АІ,-АНМАР"). */
		if (v) {
			char *q, *o;

			for (q = o = v; *q; q++)
				if (!((*q == ',' || *q == '.') && q[1] == '-'))
					*o++ = *q;
			*o = '\0';
		}
		/* Ў read as У in a Belarusian patronymic: Russian has no
		 * -АУНА, -ЕУНА, -ОУНА (АЛЯКСАНДРАУНА, seed 100012). */
		if (v && strcmp(fm->name, "patronymic") == 0)
			short_u_ending(v);
		/* A digit left in a name is a letter misread: unreadable. */
		if (v && strpbrk(v, "0123456789")) {
			free(v);
			v = NULL;
		}
	} else if (strcmp(fm->kind, "number") == 0) {
		v = number_normalise(span, p->script);
	} else {
		v = text_value(span);
	}
	if (v && !*v) {
		free(v);
		v = NULL;
	}
	return v;
}

/* Is s Belarusian rather than Russian: more of the letters only Belarusian
 * has (І, Ў) than of those only Russian has (И, Щ, Ъ), five at least? */
static int
belarusian_text(const char *s)
{
	size_t be = 0, ru = 0;

	be_ru_letters(s, &be, &ru);
	return be >= 5 && be > ru;
}

/*
 * Belarusian writes Ў, never У, after a vowel inside a word (ЯЎГЕН,
 * САЎЧУК, НАЎМЕНКА); OCR reads it as У (ЯУГЕН, eval seed 100015).  In a
 * name of a Belarusian document, in place (both two bytes in UTF-8).
 */
static void
short_u_after_vowel(char *v)
{
	static const uint32_t vowels[] = {0x410, 0x415, 0x401, 0x406, 0x41E, 0x423, 0x42B,
	    0x42D, 0x42E, 0x42F};
	size_t n = strlen(v), i = 0, k, j;
	uint32_t c, prev = 0;

	for (; i < n; i += k ? k : 1, prev = c) {
		if (!(k = utf8_decode(v + i, n - i, &c))) {
			c = 0;
			continue;
		}
		if ((c == 0x423 || c == 0x443) && prev) {
			for (j = 0; j < sizeof vowels / sizeof *vowels; j++)
				if (upper_cp(prev) == vowels[j]) {
					utf8_encode(c == 0x423 ? 0x40E : 0x45E, v + i);
					c = 0x40E;      /* no vowel: УУ stays ЎУ */
					break;
				}
		}
	}
}

/*
 * OCR reads the Belarusian І of a name's -ІЧ as Т (ПАЎЛАВТЧ, ФЕДАРОВТЧ,
 * ГРЫЦКЕВТЧ on eval seed 100037); no name ends in -ТЧ.  In a name of a
 * Belarusian document, in place (both two bytes in UTF-8).
 */
static void
i_ending(char *v)
{
	char *p = v;

	while ((p = strstr(p, "ТЧ")) != NULL) {
		if (p > v && p[-1] != ' ' && (p[4] == '\0' || p[4] == ' '))
			memcpy(p, "І", 2);
		p += 4;
	}
	for (p = v; (p = strstr(p, "тч")) != NULL; p += 4)
		if (p > v && p[-1] != ' ' && (p[4] == '\0' || p[4] == ' '))
			memcpy(p, "і", 2);
}

/* ---- provenance -------------------------------------------------------- */

/* Attach where the pieces [s[i],e[i]) of the value were printed: the page
 * of the first, the box around its words on that page, and the lowest OCR
 * confidence of any of its words. */
static void
provenance(xmlNodePtr f, const page_text *pt, const size_t *s, const size_t *e, int n)
{
	size_t i;
	int b[4] = {0, 0, 0, 0}, have = 0, k;
	double conf = 100;
	xmlNodePtr page = NULL;

	for (i = 0; i < pt->nwords; i++) {
		const word_ref *w = &pt->words[i];
		int in = 0;

		for (k = 0; k < n; k++)
			if (w->end > s[k] && w->start < e[k])
				in = 1;
		if (!in)
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

/* ---- extraction ------------------------------------------------------------ */

/* Where word text s[0..n) ends without its trailing punctuation. */
static size_t
without_stops(const char *s, size_t n)
{
	while (n > 0 && strchr(".,:;", s[n - 1]))
		n--;
	return n;
}

/* Does a word that overlaps a piece [s[i],e[i]) of a value carry attribute
 * attr (digits="1": intake-ocr read it again held to digits)? */
static int
pieces_marked(const page_text *pt, const size_t *s, const size_t *e, int n, const char *attr)
{
	size_t i;
	int k;

	for (k = 0; k < n; k++)
		for (i = 0; i < pt->nwords; i++) {
			const word_ref *w = &pt->words[i];

			if (w->end > s[k] && w->start < e[k] && w->node &&
			    xmlHasProp(w->node, BAD_CAST attr))
				return 1;
		}
	return 0;
}

/*
 * The pieces [s[i],e[i]) of a value joined by sep, with every word that
 * starts inside a piece and has another reading in attribute attr (see
 * intake-ocr) in that reading: with "en", its English reading, how the
 * value reads if its letters are Latin; with "alone", how it reads with
 * its dates' words read alone.  NULL when no word has one, one that does
 * starts before its piece, or, for "en", a letter outside ASCII is left.
 */
static char *
reading_pieces(const page_text *pt, const size_t *s, const size_t *e, int n, const char *sep,
    const char *attr)
{
	char *out = xstrdup(""), *t;
	int k, used = 0, latin = strcmp(attr, "en") == 0;
	size_t i;

	for (k = 0; k < n; k++) {
		size_t pos = s[k];

		t = xasprintf("%s%s", out, k ? sep : "");
		free(out);
		out = t;
		for (i = 0; i < pt->nwords; i++) {
			const word_ref *w = &pt->words[i];
			size_t ws = w->start, we = w->end, wl;
			char *en;

			if (we <= s[k] || ws >= e[k])
				continue;
			en = w->node ? xml_get(w->node, attr) : NULL;
			if (!en)
				continue;
			wl = ws + without_stops(pt->text + ws, we - ws);
			if (ws < s[k]) {
				free(en);
				free(out);
				return NULL;
			}
			/* A value cut inside the word ("ОКОМКМ" of ОКОМКМ/О,
			 * whose English reading is OKONKWO): the reading is
			 * of the whole word. */
			if (wl > e[k])
				wl = e[k];
			t = xasprintf("%s%.*s%.*s", out, (int)(ws - pos), pt->text + pos,
			    (int)without_stops(en, strlen(en)), en);
			free(out);
			free(en);
			out = t;
			pos = wl;
			used++;
		}
		t = xasprintf("%s%.*s", out, (int)(e[k] - pos), pt->text + pos);
		free(out);
		out = t;
	}
	/* A Cyrillic word left beside an English reading is no reading. */
	for (i = 0; latin && out[i] && !((unsigned char)out[i] & 0x80); i++)
		;
	if (used == 0 || (latin && out[i])) {
		free(out);
		return NULL;
	}
	return out;
}

#define MAXPIECES 4

/* What one view of the text gave for a field. */
typedef struct {
	char *value;
	char *english;   /* a name as its words' English readings give it */
	char *alone;     /* a date as its words read alone give it */
	size_t s[MAXPIECES], e[MAXPIECES];   /* pieces in the original text */
	int n;
	int limit;       /* a pattern hit its limit */
	int conflict;    /* enum: two wordings disagree */
	int unreadable;  /* a label matched but its value did not normalise */
	int guessed;     /* a date with a digit read from a letter or a sign */
	size_t pat;      /* the pattern that gave the value */
} found;

/* The value pieces of one match, mapped back and joined by sep. */
static char *
join_pieces(const page_text *pt, const size_t *fs, const size_t *fe, int n, size_t *s,
    size_t *e, const char *sep)
{
	char *out = xstrdup(""), *t;
	int i;

	for (i = 0; i < n; i++) {
		s[i] = pt->map[fs[i]];
		e[i] = pt->map[fe[i]];
		t = xasprintf("%s%s%.*s", out, i ? sep : "", (int)(e[i] - s[i]), pt->text + s[i]);
		free(out);
		out = t;
	}
	return out;
}

/* Letters of s[0..n): 1 upper-case, 2 lower-case, 4 Cyrillic, 8 Latin, or
 * -1 when anything but a letter is there. */
static int
letter_kinds(const char *s, size_t n)
{
	size_t i = 0;
	int k = 0;

	while (i < n) {
		uint32_t c, u;
		size_t l = utf8_decode(s + i, n - i, &c);

		if (l == 0)
			return -1;
		i += l;
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
			k |= 8;
		else if (c >= 0x400 && c <= 0x4FF)
			k |= 4;
		else
			return -1;
		u = upper_cp(c);
		if (c == 0x456)
			u = 0x406;       /* і */
		else if (c == 0x45E)
			u = 0x40E;       /* ў */
		k |= u == c ? 1 : 2;
	}
	return k;
}

/* Are all letters of s[0..n) Latin capitals with a Cyrillic twin (KO)? */
static int
latin_twins_only(const char *s, size_t n)
{
	size_t i = 0, k;

	while (i < n) {
		uint32_t c;
		size_t l = utf8_decode(s + i, n - i, &c);

		if (l == 0)
			return 0;
		i += l;
		for (k = 0; k < sizeof twins / sizeof *twins; k++)
			if (twins[k][0] == c)
				break;
		if (k == sizeof twins / sizeof *twins)
			return 0;
	}
	return n > 0;
}

/* Is s[0..n) two or three Latin capitals, each a Cyrillic capital's twin
 * or U (how OCR reads И)? */
static int
latin_head(const char *s, size_t n)
{
	size_t i;

	if (n < 2 || n > 3)
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] != 'U' && !latin_twins_only(s + i, 1))
			return 0;
	return 1;
}

/* Cyrillic capitals А-Я of s in small letters (small set) or small
 * letters а-я in capitals, in place (both take two bytes in UTF-8). */
static void
cyrillic_case(char *s, int small)
{
	size_t i = 0, n = strlen(s), k;
	uint32_t c;

	for (; i < n; i += k ? k : 1)
		if ((k = utf8_decode(s + i, n - i, &c)) == 2) {
			if (small && c >= 0x410 && c <= 0x42F)
				utf8_encode(c + 0x20, s + i);
			else if (!small && c >= 0x430 && c <= 0x44F)
				utf8_encode(c - 0x20, s + i);
		}
}

/* Are all letters of s[0..n) Cyrillic capitals whose small letters are
 * smaller copies of them (ЬМИЧ: OCR cannot tell the case of such)? */
static int
small_caps_only(const char *s, size_t n)
{
	static const char same[] = "ВГЖЗИЙКЛМНОПСТХЧШЩЪЫЬЭЮЯ";
	size_t i = 0, k;

	while (i < n) {
		char one[5];
		uint32_t c;

		k = utf8_decode(s + i, n - i, &c);
		if (k == 0 || k > 4)
			return 0;
		memcpy(one, s + i, k);
		one[k] = '\0';
		if (k != 2 || !strstr(same, one))
			return 0;
		i += k;
	}
	return n > 0;
}

/* Is s[0..n) one Cyrillic small letter that is a smaller copy of its
 * capital (и of И), which OCR reads small in a name in capitals? */
static int
small_copy_letter(const char *s, size_t n)
{
	char cap[3];
	uint32_t c;

	if (n != 2 || utf8_decode(s, n, &c) != 2 || c < 0x430 || c > 0x44F)
		return 0;
	memcpy(cap, s, 2);
	cap[2] = '\0';
	cyrillic_case(cap, 0);
	return small_caps_only(cap, 2);
}

/*
 * The Cyrillic small letter that Latin capital c stands for, in out (two
 * bytes and a NUL), when c has a Cyrillic twin (see twins) whose small
 * letter is a smaller copy of it: к о н м т в с х, for K O H M T B C X.
 * 1 when so, else 0.
 */
static int
small_twin(char c, char out[3])
{
	size_t k;

	for (k = 0; k < sizeof twins / sizeof *twins; k++)
		if (twins[k][0] == (uint32_t)(unsigned char)c) {
			if (utf8_encode(twins[k][1], out) != 2)
				return 0;
			out[2] = '\0';
			if (!small_caps_only(out, 2))
				return 0;
			cyrillic_case(out, 1);
			return 1;
		}
	return 0;
}

/* Is s[0..n) one to three of those Latin capitals? */
static int
latin_small_copies(const char *s, size_t n)
{
	char t[3];
	size_t i;

	if (n < 1 || n > 3)
		return 0;
	for (i = 0; i < n; i++)
		if (!small_twin(s[i], t))
			return 0;
	return 1;
}

/* s with each of those Latin capitals from byte from on made its Cyrillic
 * small letter; s is freed. */
static char *
small_from_twins(char *s, size_t from)
{
	size_t i, n = strlen(s), o;
	char *out = xmalloc(2 * n + 1), t[3];

	memcpy(out, s, from);
	for (i = from, o = from; i < n; i++) {
		if (small_twin(s[i], t)) {
			memcpy(out + o, t, 2);
			o += 2;
		} else {
			out[o++] = s[i];
		}
	}
	out[o] = '\0';
	free(s);
	return out;
}

/* Are the n bytes at s at most two letters, too short for most names? */
static int
short_piece(const char *s, size_t n)
{
	size_t i = 0, k, letters = 0;
	uint32_t c;

	while (i < n && (k = utf8_decode(s + i, n - i, &c)) > 0) {
		i += k;
		letters++;
	}
	return letters <= 2;
}

/* Are the n bytes at s one letter (one UTF-8 character)? */
static int
one_letter(const char *s, size_t n)
{
	uint32_t cp;

	return n > 0 && utf8_decode(s, n, &cp) == n;
}

/* Do pieces a and b (b in capitals) end as a patronymic joined, and a
 * alone does not ("Арте МОВИЧ" for Артемович, eval seed 100045)? */
static int
patronymic_tail(const char *a, size_t na, const char *b, size_t nb)
{
	char *joined = xasprintf("%.*s%.*s", (int)na, a, (int)nb, b);
	char *fa = text_fold(a, na, NULL, NULL), *fj = text_fold(joined, strlen(joined), NULL, NULL);
	int yes = patronymic_end(fj) && !patronymic_end(fa);

	free(joined);
	free(fa);
	free(fj);
	return yes;
}

/*
 * A name OCR cut in two ("АНДРЕ Й", "_Гал ина", "ВАСІЛ ЕЎНА", "СИДОРЕН KO"): the patterns
 * offer the fragment after the name, alone at the end of its line, as a
 * second piece.  It is part of the name only when it is in the same script
 * and fits its case: upper case after upper case, lower case after a
 * capitalised word.  Otherwise it is junk (a stamp's "ОИ" after "Сергей").
 */
static int
name_fragment_fits(const char *a, size_t na, const char *b, size_t nb)
{
	int ka = letter_kinds(a, na), kb = letter_kinds(b, nb);

	/* The small letters of a capitalised name read as capitals ("Куз
	 * ЬМИЧ", eval seed 100025), when they start with a letter no word
	 * starts with or follow too short a start ("Юл ИЯ", seed 100028;
	 * not a stamp's "ОИ" after "Сергей"). */
	if (ka >= 0 && (ka & 12) == 4 && (ka & 3) == 3 && small_caps_only(b, nb) &&
	    (!strncmp(b, "Ь", 2) || !strncmp(b, "Ъ", 2) || !strncmp(b, "Ы", 2) ||
	    short_piece(a, na) || patronymic_tail(a, na, b, nb)))
		kb = (kb & ~3) | 2;

	/* A capitalised Cyrillic name's small tail read as Latin capitals
	 * that are smaller copies ("Бондарен KO", eval seed 100058). */
	if (ka >= 0 && (ka & 12) == 4 && (ka & 3) == 3 && !short_piece(a, na) &&
	    latin_small_copies(b, nb))
		return 1;
	/* A Cyrillic name's tail read in Latin look-alikes ("СИДОРЕН KO"),
	 * not after a letter split off (Е EOP for ЕГОР, seed 100025). */
	if (ka >= 0 && (ka & 12) == 4 && !one_letter(a, na) && latin_twins_only(b, nb))
		kb = (kb & ~8) | 4;
	/* Its head so read, И as U ("HU КОЛАЙ" for НИКОЛАЙ, eval seed
	 * 100054): two or three capitals before three Cyrillic ones or more. */
	if (kb == 5 && !short_piece(b, nb) && latin_head(a, na))
		ka = 5;
	if (ka < 0 || kb < 0 || (ka & 12) != (kb & 12) || (ka & 12) == 12)
		return 0;
	/* A capitalised name with its capital split off ("С ергеевич", eval
	 * seed 100056) as well as one in capitals ("Н ИКОЛАЙ"). */
	if ((ka & 3) == 1)
		return (kb & 3) == 1 || (one_letter(a, na) && (kb & 3) == 2);
	return (kb & 3) == 2;
}

/* The word of pt whose span holds text offset at, or NULL. */
static const word_ref *
word_holding(const page_text *pt, size_t at)
{
	size_t i;

	for (i = 0; i < pt->nwords; i++)
		if (pt->words[i].start <= at && at < pt->words[i].end)
			return &pt->words[i];
	return NULL;
}

/* Is the piece starting at text offset b0 printed close after the one
 * ending at a1: on the same page, at most two of its letter heights to
 * the right?  A letter of a border far along the row ("МАРИЯ ... К") is
 * not the end of the name. */
static int
piece_close_after(const page_text *pt, size_t a1, size_t b0)
{
	const word_ref *a = a1 > 0 ? word_holding(pt, a1 - 1) : NULL;
	const word_ref *b = word_holding(pt, b0);

	if (!a || !b)
		return 1;
	return a->page == b->page && b->b[0] - a->b[2] <= 2 * (a->b[3] - a->b[1]);
}

/*
 * A Latin series on a Latin page read in Cyrillic look-alikes ("Ш-СЕ"
 * for III-GE, "П-СЕ" for II-UF: С and Е stand for C and E, not G and F)
 * whose English reading (attribute en) has the letters right: on eval
 * seeds 100033-100043 the five such words with an English reading had
 * it right every time.  The letters of series v are taken from that
 * reading when it normalises to a series with two to four Latin
 * capitals and the same number; its numeral is not (read "IlI" for II,
 * the numeral is better in the word, read from its ink).  v is freed
 * when replaced.
 */
static char *
series_english_letters(const field_model *fm, const pattern *p, const page_text *pt,
    const size_t *s, const size_t *e, int n, const char *sep, char *v)
{
	char *en = reading_pieces(pt, s, e, n, sep, "en"), *v2 = en ? normalise(fm, p, en) : NULL;
	const char *d1 = strchr(v, '-'), *d2 = v2 ? strchr(v2, '-') : NULL;
	const char *b1 = strchr(v, ' '), *b2 = v2 ? strchr(v2, ' ') : NULL;
	char *now = NULL;
	size_t k;

	free(en);
	if (d1 && d2 && b1 && b2 && b1 > d1 && b2 > d2 && strcmp(b1, b2) == 0 &&
	    b2 - d2 - 1 >= 2 && b2 - d2 - 1 <= 4) {
		for (k = 1; d2 + k < b2 && d2[k] >= 'A' && d2[k] <= 'Z'; k++)
			;
		if (d2 + k == b2 && (b1 - d1 != b2 - d2 || memcmp(d1, d2, (size_t)(b2 - d2)) != 0))
			now = xasprintf("%.*s%.*s%s", (int)(d1 - v), v, (int)(b2 - d2), d2, b1);
	}
	free(v2);
	if (!now)
		return v;
	free(v);
	return now;
}

/*
 * Look for one field in one view: the first pattern (in model order) that
 * yields a value wins, except for enum fields, where every pattern is
 * tried and disagreeing values make the field unreadable.
 */
static void
find_field(const models *m, const field_model *fm, const page_text *pt, found *r)
{
	size_t i, ms, me, fs[MAXPIECES], fe[MAXPIECES];
	int is_enum = strcmp(fm->kind, "enum") == 0, nv, rc;
	int be_names = strcmp(fm->kind, "name") == 0 && belarusian_text(pt->text);

	memset(r, 0, sizeof *r);
	for (i = 0; i < fm->npats && !r->conflict; i++) {
		size_t start = 0;

		/* Try every match of the pattern until one normalises. */
		while ((rc = pattern_match_values(m, &fm->pats[i], pt->fold, pt->foldlen, start,
		    &ms, &me, fs, fe, MAXPIECES, &nv)) == 1) {
			size_t s[MAXPIECES], e[MAXPIECES];
			char *span, *v;
			int tail_small = 0, caps_tail = 0;

			if (nv > 0) {
				const char *sep = " ";

				while (strcmp(fm->kind, "name") == 0 && nv >= 2) {
					size_t a0 = pt->map[fs[0]], a1 = pt->map[fe[0]];
					size_t b0 = pt->map[fs[1]], b1 = pt->map[fe[1]];

					/* A leading "_" or quote is not part of the name. */
					while (a0 < a1 && strchr("_\"'", pt->text[a0]))
						a0++;
					if (name_fragment_fits(pt->text + a0, a1 - a0, pt->text + b0,
					    b1 - b0) && piece_close_after(pt, a1, b0)) {
						int k;

						sep = "";
						tail_small = (letter_kinds(pt->text + a0, a1 - a0) & 3) == 3;
						/* A name spaced out in more pieces
						 * ("ВАЛ Е НТИ НА", seed 100026): each
						 * must fit and follow close, or all
						 * after the first are junk ("САВИЦКАЯ
						 * Й нра"). */
						for (k = 2; k < nv; k++) {
							const char *pk = pt->text + pt->map[fs[k]];
							size_t nk = pt->map[fe[k]] - pt->map[fs[k]];

							if (!piece_close_after(pt, pt->map[fe[k - 1]],
							    pt->map[fs[k]]))
								break;
							if (name_fragment_fits(pt->text + a0, a1 - a0,
							    pk, nk))
								continue;
							/* A letter read small between
							 * capitals of a name in capitals
							 * ("КУЗЬ М и Ч", eval seed 100056). */
							if (k + 1 < nv && small_copy_letter(pk, nk) &&
							    letter_kinds(pt->text + a0, a1 - a0) == 5)
								caps_tail = 1;
							else
								break;
						}
						if (k < nv) {
							nv = 1;
							caps_tail = 0;
						}
						break;
					}
					/* A capital letter is the start of a name
					 * that does not go on (see NAMEHEAD); so is a
					 * small one before capitals ("п ЕТРОВ", seed
					 * 100018), a capital read small. */
					if (!one_letter(pt->text + a0, a1 - a0) ||
					    (letter_kinds(pt->text + a0, a1 - a0) & 3) == 1 ||
					    (letter_kinds(pt->text + b0, b1 - b0) & 3) == 1) {
						nv = 1;
						break;
					}
					/* One letter is no name but a stray mark
					 * ("р Мікалаеўна", seed 100023): the name is
					 * in the pieces after it. */
					memmove(fs, fs + 1, (size_t)(nv - 1) * sizeof *fs);
					memmove(fe, fe + 1, (size_t)(nv - 1) * sizeof *fe);
					nv--;
				}
				/* A letter split off that nothing fits after is
				 * no name (see NAMEHEAD). */
				if (strcmp(fm->kind, "name") == 0 && nv == 1 &&
				    one_letter(pt->text + pt->map[fs[0]],
				    pt->map[fe[0]] - pt->map[fs[0]])) {
					r->unreadable = 1;
					goto next;
				}
				span = join_pieces(pt, fs, fe, nv, s, e, sep);
				if (tail_small) {
					span = small_from_twins(span, e[0] - s[0]);
					cyrillic_case(span + (e[0] - s[0]), 1);
				}
				if (caps_tail)
					cyrillic_case(span, 0);
				v = normalise(fm, &fm->pats[i], span);
				if (v && fm->pats[i].script &&
				    strcmp(fm->pats[i].script, "latin") == 0)
					v = series_english_letters(fm, &fm->pats[i], pt, s, e, nv,
					    sep, v);
				if (v && !r->value && strcmp(fm->kind, "name") == 0) {
					char *en = reading_pieces(pt, s, e, nv, sep, "en");

					r->english = en ? normalise(fm, &fm->pats[i], en) : NULL;
					free(en);
				}
				if (v && !r->value && strcmp(fm->kind, "date") == 0) {
					char *al = reading_pieces(pt, s, e, nv, sep, "alone");

					r->guessed = date_guessed(span) ||
					    pieces_marked(pt, s, e, nv, "digits");
					r->alone = al ? normalise(fm, &fm->pats[i], al) : NULL;
					free(al);
				}
				free(span);
				if (v && be_names) {
					short_u_after_vowel(v);
					i_ending(v);
				}
				if (v) {
					if (!r->value) {
						r->value = v;
						r->pat = i;
						memcpy(r->s, s, sizeof s);
						memcpy(r->e, e, sizeof e);
						r->n = nv;
					} else {
						if (strcmp(v, r->value) != 0)
							r->conflict = 1;
						free(v);
					}
					break;
				}
				r->unreadable = 1;
			}
next:
			if (me >= pt->foldlen)
				break;
			start = me > start ? me : start + 1;
		}
		if (rc < 0)
			r->limit = 1;
		if (r->value && !is_enum)
			break;
	}
}

static void
found_free(found *r)
{
	free(r->value);
	free(r->english);
	free(r->alone);
	r->value = r->english = r->alone = NULL;
}

static void
extract_field(const models *m, const field_model *fm, const page_text *lines,
    const page_text *rows, xmlNodePtr doc)
{
	found a, b, *use = NULL;
	const page_text *pt = lines;

	find_field(m, fm, lines, &a);
	memset(&b, 0, sizeof b);
	if (a.conflict) {
		use = &a;
	} else if (a.value) {
		use = &a;
		/* An enum read one way in the lines must not read the other way
		 * in the rows: a verdict on a person is never picked. */
		if (strcmp(fm->kind, "enum") == 0) {
			find_field(m, fm, rows, &b);
			if (b.conflict || (b.value && strcmp(b.value, a.value) != 0))
				a.conflict = 1;
		} else if (a.pat > 0) {
			/* Patterns are in the order they are trusted: a value
			 * with its label in the rows beats a guess from the
			 * lines that lost it ("ПОВТОРНОЕ", a duplicate's mark,
			 * above the given name's label while "Фамилия" and
			 * its name were read as two lines, eval seed 100054). */
			find_field(m, fm, rows, &b);
			if (b.value && !b.conflict && b.pat < a.pat) {
				use = &b;
				pt = rows;
			}
		}
	} else {
		find_field(m, fm, rows, &b);
		use = &b;
		pt = rows;
		b.limit |= a.limit;
		b.unreadable |= a.unreadable;
	}
	if (use->conflict) {
		field_error(doc, fm->name, "conflicting wording");
	} else if (use->value) {
		xmlNodePtr f = xml_text_child(doc, "field", use->value);

		xml_set(f, "name", fm->name);
		if (use->guessed)
			xml_set(f, "guessed", "yes");
		if (use->english && strcmp(use->english, use->value) != 0)
			xml_set(f, "english", use->english);
		if (use->alone && strcmp(use->alone, use->value) != 0)
			xml_set(f, "alone", use->alone);
		provenance(f, pt, use->s, use->e, use->n);
	} else if (fm->required) {
		field_error(doc, fm->name, use->limit ? "pattern limit reached" :
		    use->unreadable ? "unreadable" : "not found");
	}
	found_free(&a);
	found_free(&b);
}


/* Name s in the other script when every letter is a capital with a twin
 * there: into Latin, КАУА -> KAYA; into Cyrillic, APTEM -> АРТЕМ.  A
 * letter already in that script stays (АТ-HASSAN -> AT-HASSAN, eval seed
 * 100048).  NULL when a letter has no twin, or nothing changed. */
static char *
twins_to_script(const char *s, int cyrillic)
{
	size_t i = 0, len = strlen(s), o = 0, k;
	char *out = xmalloc(2 * len + 1);
	uint32_t c;

	while (i < len) {
		size_t n = utf8_decode(s + i, len - i, &c);

		if (n == 0)
			break;
		i += n;
		if (c == '-' || c == ' ' || c == '\'') {
			out[o++] = (char)c;
			continue;
		}
		if (cyrillic ? c >= 0x400 && c <= 0x4FF :
		    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
			o = put(out, o, c);
			continue;
		}
		for (k = 0; k < sizeof twins / sizeof *twins; k++)
			if (twins[k][!cyrillic] == c)
				break;
		if (k == sizeof twins / sizeof *twins) {
			free(out);
			return NULL;
		}
		o = put(out, o, twins[k][!!cyrillic]);
	}
	out[o] = '\0';
	if (i < len || o == 0 || strcmp(out, s) == 0) {
		free(out);
		return NULL;
	}
	return out;
}

/* Does name s hold a letter of the script (Latin, or Cyrillic when
 * cyrillic) with no twin in the other: S in AYSE, Ц in ЗАЙЦЕВ?  Not Ё, Й:
 * OCR's Е, И with a mark. */
static int
surely_in(const char *s, int cyrillic)
{
	size_t i = 0, len = strlen(s), k;
	uint32_t c;

	while (i < len) {
		size_t n = utf8_decode(s + i, len - i, &c);

		if (n == 0)
			return 0;
		i += n;
		c = upper_cp(c);
		if (cyrillic ? c < 0x400 || c > 0x4FF || c == 0x401 || c == 0x419 :
		    c < 'A' || c > 'Z')
			continue;
		for (k = 0; k < sizeof twins / sizeof *twins; k++)
			if (twins[k][!!cyrillic] == c)
				break;
		if (k == sizeof twins / sizeof *twins)
			return 1;
	}
	return 0;
}

/*
 * A document writes one person's name in one script.  When one part of
 * the name is surely Latin (AYSE) and another is all Cyrillic capitals
 * that have Latin twins (КАУА: OCR took KAYA for Cyrillic beside a
 * Russian label), that one is put back in Latin; the other way round,
 * Latin capitals beside a surely Cyrillic part (APTEM beside Зайцев,
 * eval seed 100013) go into Cyrillic.  Attribute read keeps what OCR
 * read.  A surely Latin part wins: Latin names come with Cyrillic
 * look-alikes more often than the other way round.
 */
static void
one_script_names(xmlNodePtr doc)
{
	static const char *const parts[] = {"surname", "given-name", "patronymic"};
	xmlNodePtr f[3] = {NULL, NULL, NULL}, n;
	int i, latin = 0, cyrillic = 0;

	for (n = xml_child(doc, "field"); n; n = xml_next(n, "field")) {
		char *name = xml_get(n, "name");

		for (i = 0; name && i < 3; i++)
			if (strcmp(name, parts[i]) == 0)
				f[i] = n;
		free(name);
	}
	for (i = 0; i < 3; i++)
		if (f[i]) {
			xmlChar *v = xmlNodeGetContent(f[i]);

			latin |= v && surely_in((const char *)v, 0);
			cyrillic |= v && surely_in((const char *)v, 1);
			xmlFree(v);
		}
	if (!latin && !cyrillic)
		return;
	for (i = 0; i < 3; i++)
		if (f[i]) {
			xmlChar *v = xmlNodeGetContent(f[i]);
			char *l = v ? twins_to_script((const char *)v, !latin) : NULL;

			if (l) {
				/* What OCR read stays, for the identity check
				 * (КАВТМТ is how OCR reads KARIMI) and the auditor. */
				xml_set(f[i], "read", (const char *)v);
				xmlNodeSetContent(f[i], BAD_CAST l);
			}
			free(l);
			xmlFree(v);
		}
}

void
extract_document(const models *m, xmlNodePtr doc)
{
	char *type = xml_get(doc, "type");
	const doc_type *dt = type ? models_type(m, type) : NULL;
	xmlNodePtr *pages = NULL, p;
	size_t n = 0, cap = 0, i;
	page_text lines, rows;

	free(type);
	if (!dt || !dt->modelled || dt->nfields == 0)
		return;
	for (p = xml_child(doc, "page"); p; p = xml_next(p, "page")) {
		if (n == cap) {
			cap = cap ? cap * 2 : 8;
			pages = xrealloc(pages, cap * sizeof *pages);
		}
		pages[n++] = p;
	}
	page_text_build(&lines, pages, n);
	page_text_build_rows(&rows, pages, n);
	for (i = 0; i < dt->nfields; i++)
		extract_field(m, &dt->fields[i], &lines, &rows, doc);
	one_script_names(doc);
	page_text_free(&lines);
	page_text_free(&rows);
	free(pages);
}
