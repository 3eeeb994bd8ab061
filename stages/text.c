/*
 * text.c - UTF-8, cleaning, folding, dates and names for OCR text.
 *
 * Everything here takes untrusted bytes: OCR output of Belarusian, Russian
 * and English documents, with invalid UTF-8, control characters and Latin
 * letters where Cyrillic ones were printed (and the reverse).  Each function
 * runs in time linear in its input, never recurses on it, and keeps no
 * state between calls, so stages may call it from several threads.
 *
 * What it deliberately does not do: full Unicode case mapping or
 * normalisation (only Latin, Latin-1, Latin Extended-A and Cyrillic are
 * case-folded; decomposed accents are left as they are), and no guessing of
 * dates written with two-digit years or month-first numbers.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "intake.h"

/* ---- UTF-8 ------------------------------------------------------------ */

size_t
utf8_decode(const char *s, size_t len, uint32_t *cp)
/* One code point from at most len bytes: its length (1-4) and *cp (cp may be
 * NULL), or 0 for anything RFC 3629 forbids, including a truncated tail. */
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c;
	size_t need, i;

	if (!s || len == 0)
		return 0;
	if (u[0] < 0x80) {
		if (cp)
			*cp = u[0];
		return 1;
	}
	if (u[0] < 0xC2)        /* continuation byte or overlong 2-byte lead */
		return 0;
	if (u[0] < 0xE0)
		need = 1, c = u[0] & 0x1F;
	else if (u[0] < 0xF0)
		need = 2, c = u[0] & 0x0F;
	else if (u[0] < 0xF5)
		need = 3, c = u[0] & 0x07;
	else
		return 0;
	if (len < need + 1)
		return 0;
	for (i = 1; i <= need; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (u[i] & 0x3F);
	}
	if ((need == 2 && c < 0x800) || (need == 3 && c < 0x10000) ||
	    c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	if (cp)
		*cp = c;
	return need + 1;
}

size_t
utf8_encode(uint32_t cp, char *out)
/* UTF-8 of cp into out (room for 4 bytes); returns the length, or 0 and
 * writes nothing for a surrogate or a value above U+10FFFF. */
{
	unsigned char *o = (unsigned char *)out;

	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | cp >> 6);
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp >= 0xD800 && cp <= 0xDFFF)
		return 0;
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | cp >> 12);
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	if (cp > 0x10FFFF)
		return 0;
	o[0] = (unsigned char)(0xF0 | cp >> 18);
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

/* ---- Character classes ---------------------------------------------- */

static int
is_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

static int
is_cyr(uint32_t c)
{
	return (c >= 0x400 && c <= 0x481) || (c >= 0x48A && c <= 0x52F);
}

static int
is_latin(uint32_t c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
	       (c >= 0x1E00 && c <= 0x1EFF);
}

/* Combining accents count as part of the word they follow. */
static int
is_letter(uint32_t c)
{
	return is_cyr(c) || is_latin(c) || (c >= 0x300 && c <= 0x36F);
}

static int
is_alnum(uint32_t c)
{
	return is_letter(c) || is_digit(c);
}

int
cp_letter(uint32_t c)
{
	return is_letter(c);
}

int
cp_alnum(uint32_t c)
{
	return is_alnum(c);
}

/* The characters text_clean turns into a space (its contract's list). */
static int
is_ctrl(uint32_t c)
{
	return (c < 0x20 && c != '\t' && c != '\n') || c == 0x7F ||
	       (c >= 0x80 && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF;
}

/* Anything that separates words: OCR and PDF text carry no-break, thin
 * and zero-width spaces as often as plain ones. */
static int
is_blank(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || is_ctrl(c) || c == 0xA0 ||
	       c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 ||
	       c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 ||
	       c == 0xFEFF || c == 0xAD;
}

static int
is_apostrophe(uint32_t c)
{
	return c == '\'' || c == '`' || c == 0x2018 || c == 0x2019 ||
	       c == 0x02BC || c == 0x02B9 || c == 0xB4;
}

/* Upper case for the scripts our documents use; other code points are
 * returned unchanged. */
static uint32_t
up(uint32_t c)
{
	if (c >= 'a' && c <= 'z')
		return c - 32;
	if (c < 0x80)
		return c;
	if (c >= 0xE0 && c <= 0xFE && c != 0xF7)
		return c - 0x20;
	if (c == 0xFF)
		return 0x178;
	if (c >= 0x100 && c <= 0x17F) {
		if (c == 0x131)
			return 'I';
		if (c == 0x17F)
			return 'S';
		if (c <= 0x12F || (c >= 0x132 && c <= 0x137) ||
		    (c >= 0x14A && c <= 0x177))
			return c & ~1u;
		if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
			return (c & 1) ? c : c - 1;
		return c;
	}
	if (c >= 0x218 && c <= 0x21B)
		return c & ~1u;
	if (c >= 0x430 && c <= 0x44F)
		return c - 0x20;
	if (c >= 0x450 && c <= 0x45F)
		return c - 0x50;
	if ((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) ||
	    (c >= 0x4D0 && c <= 0x52F))
		return c & ~1u;
	if (c >= 0x4C1 && c <= 0x4CE)
		return (c & 1) ? c : c - 1;
	if (c == 0x4CF)
		return 0x4C0;
	return c;
}

static int
is_lower(uint32_t c)
{
	return up(c) != c;
}

/*
 * Letters that print the same in Latin and Cyrillic, case by case.  OCR
 * swaps them freely, so names and labels are repaired through this table.
 * Latin I/i pair with the Belarusian І/і, which they are indistinguishable
 * from.
 */
static const uint32_t lookalike[][2] = {
	{'A', 0x410}, {'B', 0x412}, {'C', 0x421}, {'E', 0x415}, {'H', 0x41D},
	{'K', 0x41A}, {'M', 0x41C}, {'O', 0x41E}, {'P', 0x420}, {'T', 0x422},
	{'X', 0x425}, {'Y', 0x423}, {'I', 0x406},
	{'a', 0x430}, {'c', 0x441}, {'e', 0x435}, {'o', 0x43E}, {'p', 0x440},
	{'x', 0x445}, {'y', 0x443}, {'i', 0x456},
	{0xCB, 0x401}, {0xEB, 0x451},
};

/* Cyrillic twin of Latin c, or 0. */
static uint32_t
lat2cyr(uint32_t c)
{
	for (size_t i = 0; i < sizeof lookalike / sizeof lookalike[0]; i++)
		if (lookalike[i][0] == c)
			return lookalike[i][1];
	return 0;
}

/* Latin twin of Cyrillic c, or 0. */
static uint32_t
cyr2lat(uint32_t c)
{
	for (size_t i = 0; i < sizeof lookalike / sizeof lookalike[0]; i++)
		if (lookalike[i][1] == c)
			return lookalike[i][0];
	return 0;
}

/* ---- Growing buffers ------------------------------------------------- */

typedef struct {
	char *p;
	size_t n, cap;
} sbuf;

static void
sb_grow(sbuf *b, size_t more)
{
	if (b->cap - b->n > more)
		return;
	if (more > SIZE_MAX / 2 - b->n)
		die(EX_SOFTWARE, NULL, "text too long");
	while (b->cap - b->n <= more)
		b->cap = b->cap ? b->cap * 2 : 64;
	b->p = xrealloc(b->p, b->cap);
}

static void
sb_put(sbuf *b, const char *s, size_t n)
{
	sb_grow(b, n);
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static void
sb_cp(sbuf *b, uint32_t cp)
{
	char u[4];
	size_t n = utf8_encode(cp, u);

	sb_put(b, u, n);
}

/* The buffer as a string that is never NULL. */
static char *
sb_done(sbuf *b)
{
	if (!b->p)
		return xstrdup("");
	return b->p;
}

/* Decoded valid code points of s[0..len), invalid bytes skipped; each
 * code point's starting byte offset goes to *offp when offp is not NULL. */
static size_t
decode_all(const char *s, size_t len, uint32_t **cpp, size_t **offp)
{
	uint32_t *cp;
	size_t *off = NULL, n = 0, i = 0;

	if (len >= SIZE_MAX / sizeof *off)
		die(EX_SOFTWARE, NULL, "text too long");
	cp = xmalloc((len + 1) * sizeof *cp);
	if (offp)
		off = xmalloc((len + 1) * sizeof *off);
	while (i < len) {
		size_t k = utf8_decode(s + i, len - i, &cp[n]);

		if (k == 0) {
			i++;
			continue;
		}
		if (off)
			off[n] = i;
		n++;
		i += k;
	}
	if (off)
		off[n] = len;
	*cpp = cp;
	if (offp)
		*offp = off;
	return n;
}

/* ---- Cleaning and folding -------------------------------------------- */

char *
text_clean(const char *s, size_t len)
/* Valid UTF-8 fit for XML: invalid bytes dropped, control characters made
 * spaces, runs of spaces and tabs made one space, lines trimmed.  Newlines
 * are kept, so empty lines stay.  The result is never longer than s. */
{
	char *out;
	size_t i = 0, o = 0;
	int line_start = 1, pending = 0;

	if (!s)
		len = 0;
	if (len == SIZE_MAX)
		die(EX_SOFTWARE, NULL, "text too long");
	out = xmalloc(len + 1);
	while (i < len) {
		uint32_t c;
		size_t k = utf8_decode(s + i, len - i, &c);

		if (k == 0) {
			i++;
			continue;
		}
		if (c == '\n') {
			out[o++] = '\n';
			line_start = 1;
			pending = 0;
		} else if (c == ' ' || c == '\t' || is_ctrl(c)) {
			pending = 1;
		} else {
			if (pending && !line_start)
				out[o++] = ' ';
			memcpy(out + o, s + i, k);
			o += k;
			pending = line_start = 0;
		}
		i += k;
	}
	out[o] = '\0';
	return out;
}

/* Fold one letter of a word; cyr says whether the word holds a Cyrillic
 * letter, which decides what the Latin look-alikes are. */
static uint32_t
fold_letter(uint32_t c, int cyr)
{
	uint32_t u;

	if (cyr) {
		/* Lower-case b h k m t do not look Cyrillic; the others do. */
		u = lat2cyr(c);
		if (u && (c < 'a' || c > 'z' || strchr("aceopxyi", (int)c)))
			c = u;
	}
	u = up(c);
	if (u == 0x401)
		u = 0x415;
	else if (u == 0x419)
		u = 0x418;
	return u;
}

char *
text_fold(const char *s, size_t len, size_t **map, size_t *outlen)
/* Upper-cased, look-alike-repaired copy of s for label matching, with
 * (*map)[i] the offset in s of the code point that produced output byte i
 * and (*map)[*outlen] == len.  Invalid bytes are dropped and NUL becomes a
 * space, so the result is a valid C string. */
{
	uint32_t *cp;
	size_t *off, *m = NULL, n, j, o = 0;
	char *out;

	if (!s)
		len = 0;
	if (len > (SIZE_MAX / sizeof(size_t) - 1) / 2)
		die(EX_SOFTWARE, NULL, "text too long");
	n = decode_all(s, len, &cp, &off);
	/* One code point never grows by more than 1 byte (Latin -> Cyrillic). */
	out = xmalloc(2 * len + 1);
	if (map)
		m = xmalloc((2 * len + 1) * sizeof *m);

#define EMIT(u, src) do {                                         \
		size_t k_ = utf8_encode((u), out + o);            \
		for (size_t q_ = 0; q_ < k_; q_++)                \
			if (m)                                    \
				m[o + q_] = (src);                \
		o += k_;                                          \
	} while (0)

	for (j = 0; j < n;) {
		size_t k, t;
		int cyr = 0;

		if (!is_alnum(cp[j])) {
			EMIT(cp[j] == 0 ? ' ' : cp[j], off[j]);
			j++;
			continue;
		}
		for (k = j; k < n && is_alnum(cp[k]); k++)
			if (is_cyr(cp[k]))
				cyr = 1;
		for (t = j; t < k;) {
			if (is_digit(cp[t])) {
				size_t r = t;
				int zo = 1;

				for (; r < k && is_digit(cp[r]); r++)
					if (cp[r] != '0' && cp[r] != '3')
						zo = 0;
				/* 0 and 3 stand for О and З inside a Cyrillic
				 * word, but "30марта" keeps its day. */
				zo = zo && cyr && ((t > j && r < k) || r - t == 1);
				for (; t < r; t++)
					EMIT(zo ? (cp[t] == '0' ? 0x41Eu : 0x417u) : cp[t], off[t]);
				continue;
			}
			EMIT(fold_letter(cp[t], cyr), off[t]);
			t++;
		}
		j = k;
	}
#undef EMIT
	out[o] = '\0';
	if (m) {
		m[o] = len;
		m = xrealloc(m, (o + 1) * sizeof *m);
		*map = m;
	}
	if (outlen)
		*outlen = o;
	free(cp);
	free(off);
	return out;
}

/* ---- Calendar ---------------------------------------------------------- */

static long long
floor_div(long long a, long long b)
{
	long long q = a / b;

	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

static int
is_leap(long long y)
{
	return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

static int
days_in_month(long long y, int m)
{
	static const unsigned char dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m < 1 || m > 12)
		return 0;
	return dim[m - 1] + (m == 2 && is_leap(y));
}

long
days_from_civil(int y, int m, int d)
/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar.
 * Months outside 1-12 carry into the year and days outside the month
 * count on, so any int arguments give a defined answer. */
{
	long long t = (long long)y * 12 + (m - 1);
	long long yy = floor_div(t, 12);
	long long mm = t - yy * 12 + 1;
	long long era, yoe, doy, doe;

	/* Count years from March so the leap day ends the year. */
	if (mm <= 2)
		yy--;
	era = floor_div(yy, 400);
	yoe = yy - era * 400;
	doy = (153 * (mm > 2 ? mm - 3 : mm + 9) + 2) / 5 + (long long)d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (long)(era * 146097 + doe - 719468);
}

int
age_on(int y1, int m1, int d1, int y2, int m2, int d2)
/* Completed years on y2-m2-d2 of someone born y1-m1-d1 (negative when the
 * date precedes the birth).  A 29 February birthday falls on 1 March in
 * common years, as the civil codes of Belarus and Russia count it. */
{
	long long a = (long long)y2 - y1;
	int bm = m1, bd = d1;

	if (m1 == 2 && d1 == 29 && !is_leap(y2))
		bm = 3, bd = 1;
	if (m2 < bm || (m2 == bm && d2 < bd))
		a--;
	if (a > INT_MAX)
		return INT_MAX;
	if (a < INT_MIN)
		return INT_MIN;
	return (int)a;
}

void
add_months(int *y, int *m, int *d, int n)
/* Move y-m-d by n calendar months (n may be negative), clamping the day to
 * the length of the month reached; the year saturates at the int range. */
{
	long long t, ny;
	int nm, dim;

	if (!y || !m || !d)
		return;
	t = (long long)*y * 12 + (*m - 1) + n;
	ny = floor_div(t, 12);
	nm = (int)(t - ny * 12 + 1);
	if (ny > INT_MAX)
		ny = INT_MAX;
	if (ny < INT_MIN)
		ny = INT_MIN;
	*y = (int)ny;
	*m = nm;
	dim = days_in_month(ny, nm);
	if (*d > dim)
		*d = dim;
}

/* ---- Dates: month names ---------------------------------------------- */

/*
 * Month names in key form: upper case, Ё->Е, Й->И, Ў->У and І->И, so that
 * Belarusian words read by a Russian OCR model (и for і) still match.
 */
static const struct {
	const char *key;
	int month;
} month_names[] = {
	/* Russian genitive, nominative, abbreviations */
	{"ЯНВАРЯ", 1}, {"ФЕВРАЛЯ", 2}, {"МАРТА", 3}, {"АПРЕЛЯ", 4}, {"МАЯ", 5},
	{"ИЮНЯ", 6}, {"ИЮЛЯ", 7}, {"АВГУСТА", 8}, {"СЕНТЯБРЯ", 9},
	{"ОКТЯБРЯ", 10}, {"НОЯБРЯ", 11}, {"ДЕКАБРЯ", 12},
	{"ЯНВАРЬ", 1}, {"ФЕВРАЛЬ", 2}, {"МАРТ", 3}, {"АПРЕЛЬ", 4}, {"МАИ", 5},
	{"ИЮНЬ", 6}, {"ИЮЛЬ", 7}, {"АВГУСТ", 8}, {"СЕНТЯБРЬ", 9},
	{"ОКТЯБРЬ", 10}, {"НОЯБРЬ", 11}, {"ДЕКАБРЬ", 12},
	{"ЯНВ", 1}, {"ФЕВ", 2}, {"ФЕВР", 2}, {"МАР", 3}, {"АПР", 4}, {"ИЮН", 6},
	{"ИЮЛ", 7}, {"АВГ", 8}, {"СЕН", 9}, {"СЕНТ", 9}, {"ОКТ", 10},
	{"НОЯ", 11}, {"НОЯБ", 11}, {"ДЕК", 12},
	/* Belarusian genitive, nominative, abbreviations */
	{"СТУДЗЕНЯ", 1}, {"ЛЮТАГА", 2}, {"САКАВИКА", 3}, {"КРАСАВИКА", 4},
	{"ТРАУНЯ", 5}, {"ЧЭРВЕНЯ", 6}, {"ЛИПЕНЯ", 7}, {"ЖНИУНЯ", 8},
	{"ВЕРАСНЯ", 9}, {"КАСТРЫЧНИКА", 10}, {"ЛИСТАПАДА", 11}, {"СНЕЖНЯ", 12},
	{"СТУДЗЕНЬ", 1}, {"ЛЮТЫ", 2}, {"САКАВИК", 3}, {"КРАСАВИК", 4},
	{"ТРАВЕНЬ", 5}, {"ЧЭРВЕНЬ", 6}, {"ЛИПЕНЬ", 7}, {"ЖНИВЕНЬ", 8},
	{"ВЕРАСЕНЬ", 9}, {"КАСТРЫЧНИК", 10}, {"ЛИСТАПАД", 11}, {"СНЕЖАНЬ", 12},
	{"СТУДЗ", 1}, {"ЛЮТ", 2}, {"САК", 3}, {"КРАС", 4}, {"ТРАВ", 5},
	{"ЧЭРВ", 6}, {"ЛИП", 7}, {"ЖНИУ", 8}, {"ВЕР", 9}, {"КАСТР", 10},
	{"ЛИСТ", 11}, {"СНЕЖ", 12},
	/* English */
	{"JANUARY", 1}, {"FEBRUARY", 2}, {"MARCH", 3}, {"APRIL", 4}, {"MAY", 5},
	{"JUNE", 6}, {"JULY", 7}, {"AUGUST", 8}, {"SEPTEMBER", 9},
	{"OCTOBER", 10}, {"NOVEMBER", 11}, {"DECEMBER", 12},
	{"JAN", 1}, {"FEB", 2}, {"MAR", 3}, {"APR", 4}, {"JUN", 6}, {"JUL", 7},
	{"AUG", 8}, {"SEP", 9}, {"SEPT", 9}, {"OCT", 10}, {"NOV", 11}, {"DEC", 12},
};

/* Words that may follow or sit inside a date. */
enum { K_NONE, K_G, K_YEAR, K_ORD, K_OF };

static const struct {
	const char *key;
	int kind;
} date_words[] = {
	{"Г", K_G}, {"R", K_G}, {"ГОДА", K_YEAR}, {"ГОД", K_YEAR},
	{"ГОДУ", K_YEAR}, {"ГАДЫ", K_YEAR}, {"ГАДА", K_YEAR}, {"ГАД", K_YEAR},
	{"YEAR", K_YEAR}, {"ST", K_ORD}, {"ND", K_ORD}, {"RD", K_ORD},
	{"TH", K_ORD}, {"OF", K_OF},
};

/* Month names are short: longer words are never looked up. */
#define MAXKEY 24

/*
 * Key of a word read as Cyrillic: Latin look-alikes (any case, plus l for
 * і), 0 for О, 3 for З and 1 for І become Cyrillic.  Returns the number of
 * code points, or 0 when the word cannot be a Cyrillic month name.
 */
static size_t
key_cyr(const uint32_t *c, size_t n, uint32_t *k)
{
	for (size_t i = 0; i < n; i++) {
		uint32_t u = c[i];

		if (u == '0')
			u = 0x41E;
		else if (u == '3')
			u = 0x417;
		else if (u == '1' || u == 'l')
			u = 0x418;
		else if (is_digit(u))
			return 0;
		else if (lat2cyr(up(u)))
			u = lat2cyr(up(u));
		u = up(u);
		if (u == 0x401)
			u = 0x415;
		else if (u == 0x419 || u == 0x406)
			u = 0x418;
		else if (u == 0x40E)
			u = 0x423;
		k[i] = u;
	}
	return n;
}

/* Key of a word read as Latin: Cyrillic look-alikes, 0 and 1 become Latin.
 * Returns 0 when the word holds other Cyrillic letters or digits. */
static size_t
key_lat(const uint32_t *c, size_t n, uint32_t *k)
{
	for (size_t i = 0; i < n; i++) {
		uint32_t u = up(c[i]);

		if (u == '0')
			u = 'O';
		else if (u == '1')
			u = 'I';
		else if (is_digit(u))
			return 0;
		else if (is_cyr(u)) {
			u = cyr2lat(u);
			if (!u)
				return 0;
		}
		k[i] = u;
	}
	return n;
}

/* UTF-8 of key k[0..n) into out (4 * MAXKEY + 1 bytes); "" for no key. */
static void
key_utf8(const uint32_t *k, size_t n, char *out)
{
	size_t o = 0;

	for (size_t i = 0; i < n; i++)
		o += utf8_encode(k[i], out + o);
	out[o] = '\0';
}

/* Within one edit (substitution, insertion or deletion) of s? */
static int
key_near(const uint32_t *k, size_t n, const char *s)
{
	uint32_t t[MAXKEY];
	size_t len = strlen(s), i = 0, m = 0, a, b;
	const uint32_t *lo, *sh;
	size_t nl, ns;
	int edits = 0;

	while (i < len && m < MAXKEY) {
		size_t step = utf8_decode(s + i, len - i, &t[m]);

		if (step == 0)
			return 0;
		i += step;
		m++;
	}
	if (n == m) {
		for (a = 0; a < n; a++)
			edits += k[a] != t[a];
		return edits <= 1;
	}
	if (n + 1 != m && m + 1 != n)
		return 0;
	lo = n > m ? k : t, nl = n > m ? n : m;
	sh = n > m ? t : k, ns = n > m ? m : n;
	for (a = b = 0; a < nl && b < ns;) {
		if (lo[a] == sh[b]) {
			a++, b++;
		} else if (edits++) {
			return 0;
		} else {
			a++;
		}
	}
	return 1;
}

/*
 * Month (1-12) named by the word c[0..n), or 0; *kind gets the word's
 * role (K_*).  With fuzzy, a word of six or more letters one OCR error
 * away from names of a single month is taken as that month.
 */
static int
word_month(const uint32_t *c, size_t n, int fuzzy, int *kind)
{
	uint32_t kc[MAXKEY], kl[MAXKEY];
	char uc[4 * MAXKEY + 1], ul[4 * MAXKEY + 1];
	size_t nc, nl, i;
	int found = 0;

	*kind = K_NONE;
	if (n == 0 || n > MAXKEY)
		return 0;
	nc = key_cyr(c, n, kc);
	nl = key_lat(c, n, kl);
	key_utf8(kc, nc, uc);
	key_utf8(kl, nl, ul);
	for (i = 0; i < sizeof date_words / sizeof date_words[0]; i++)
		if (strcmp(uc, date_words[i].key) == 0 || strcmp(ul, date_words[i].key) == 0) {
			*kind = date_words[i].kind;
			return 0;
		}
	for (i = 0; i < sizeof month_names / sizeof month_names[0]; i++)
		if (strcmp(uc, month_names[i].key) == 0 || strcmp(ul, month_names[i].key) == 0)
			return month_names[i].month;
	if (!fuzzy || n < 6)
		return 0;
	for (i = 0; i < sizeof month_names / sizeof month_names[0]; i++) {
		const char *s = month_names[i].key;

		/* Short names are too close to ordinary words. */
		if (strlen(s) < 6 || (s[0] & 0x80 && strlen(s) < 12))
			continue;
		if ((nc && key_near(kc, nc, s)) || (nl && key_near(kl, nl, s))) {
			if (found && found != month_names[i].month)
				return 0;
			found = month_names[i].month;
		}
	}
	return found;
}

/* ---- Dates: tokens ---------------------------------------------------- */

enum { T_NUM, T_WORD, T_PUNCT };

typedef struct {
	size_t start, end;      /* bytes of s */
	long val;               /* T_NUM: value when ndig <= 9 */
	uint32_t cp;            /* T_PUNCT: the character */
	int ndig;               /* T_NUM: digits */
	unsigned char type;
	unsigned char sp;       /* white space before the token */
	signed char month;      /* T_WORD: -1 until looked up */
	signed char kind;       /* T_WORD: K_*, valid once month is */
} dtok;

/*
 * Tokens are made on demand, so a caller that walks a long text date by
 * date pays for each stretch once, and those left behind are dropped, so
 * memory stays bounded by the longest run of letters and digits.
 */
typedef struct {
	const char *s;
	size_t len, pos;
	dtok *t;
	size_t base, n, cap;    /* t[0] is token number base */
	int sp;
	uint32_t *rc;           /* current alphanumeric run */
	size_t *ro, rn, rcap;
	int short_part;         /* the numeric date matched has a one-digit day or month */
} dscan;

static void
push_tok(dscan *d, const dtok *tok)
{
	if (d->n == d->cap) {
		if (d->cap > SIZE_MAX / 2 / sizeof *d->t)
			die(EX_SOFTWARE, NULL, "text too long");
		d->cap = d->cap ? 2 * d->cap : 64;
		d->t = xrealloc(d->t, d->cap * sizeof *d->t);
	}
	d->t[d->n] = *tok;
	d->t[d->n].sp = (unsigned char)d->sp;
	d->sp = 0;
	d->n++;
}

/* Digit look-alikes inside a group of digits: l I І -> 1, O О -> 0, З -> 3
 * (the Belarusian І is Latin I's twin: "«І3» лютага", eval seed 100017). */
static int
amb_digit(uint32_t c)
{
	switch (c) {
	case 'l': case 'I': case 0x406:
		return 1;
	case 'O': case 'o': case 0x41E: case 0x43E:
		return 0;
	case 0x417: case 0x437:
		return 3;
	default:
		return -1;
	}
}

/* May this digit or look-alike be a letter of a month name? */
static int
month_letter_digit(uint32_t c)
{
	return c == '0' || c == '3' || c == '1' || amb_digit(c) >= 0;
}

static void
push_num(dscan *d, size_t a, size_t b)
{
	dtok t = {0};

	t.type = T_NUM;
	t.start = d->ro[a];
	t.end = d->ro[b];
	t.ndig = (int)(b - a > INT_MAX ? INT_MAX : b - a);
	for (size_t i = a; i < b && i - a < 9; i++)
		t.val = t.val * 10 + (is_digit(d->rc[i]) ? (long)(d->rc[i] - '0')
							 : amb_digit(d->rc[i]));
	push_tok(d, &t);
}

static void
push_word(dscan *d, size_t a, size_t b, int month, int kind)
{
	dtok t = {0};

	t.type = T_WORD;
	t.start = d->ro[a];
	t.end = d->ro[b];
	t.month = (signed char)month;
	t.kind = (signed char)kind;
	push_tok(d, &t);
}

/*
 * Split a run of letters and digits into numbers and words.  A group of
 * digits and digit look-alikes holding a real digit is a number, except
 * for look-alikes at its edges that touch a letter ("I4" is 14, "AI4" is
 * "AI" and 4).  A whole run spelling a month with 0/3/1 for О/З/І is a
 * word ("0ктября"; with one such digit, one more error is let pass as in
 * any month name), and so is the tail of a number ending in 0 when that
 * makes a month ("10ктября" is the 1st).
 */
static void
split_run(dscan *d)
{
	size_t n = d->rn, i, a, b, r;
	int has_d = 0, has_l = 0, only_mld = 1, kind;
	char *role;

	for (i = 0; i < n; i++) {
		if (is_digit(d->rc[i])) {
			has_d = 1;
			if (!month_letter_digit(d->rc[i]))
				only_mld = 0;
		} else if (amb_digit(d->rc[i]) < 0) {
			has_l = 1;
		}
	}
	if (!has_d) {
		push_word(d, 0, n, -1, 0);
		return;
	}
	if (!has_l) {
		push_num(d, 0, n);
		return;
	}
	if (only_mld && n <= MAXKEY) {
		/* One digit for a letter and one OCR error besides
		 * ("храсав1ка" for красавіка, eval seed 100039): still the
		 * month, as a word of letters one error away is. */
		size_t digits = 0;
		int mo;

		for (i = 0; i < n; i++)
			digits += is_digit(d->rc[i]) != 0;
		mo = word_month(d->rc, n, digits == 1, &kind);

		if (mo > 0) {
			push_word(d, 0, n, mo, kind);
			return;
		}
	}
	role = xmalloc(n);
	memset(role, 'W', n);
	for (i = 0; i < n;) {
		int digit = 0;

		if (!is_digit(d->rc[i]) && amb_digit(d->rc[i]) < 0) {
			i++;
			continue;
		}
		for (r = i; r < n && (is_digit(d->rc[r]) || amb_digit(d->rc[r]) >= 0); r++)
			digit |= is_digit(d->rc[r]);
		if (digit) {
			a = i, b = r;
			if (i > 0)
				while (a < b && !is_digit(d->rc[a]))
					a++;
			if (r < n)
				while (b > a && !is_digit(d->rc[b - 1]))
					b--;
			memset(role + a, 'N', b - a);
			if (b < n && b - a >= 2 && month_letter_digit(d->rc[b - 1])) {
				size_t e = b;

				while (e < n && role[e] == 'W' && !is_digit(d->rc[e]))
					e++;
				if (e - b >= 2 && word_month(d->rc + b, e - b, 0, &kind) == 0 &&
				    word_month(d->rc + b - 1, e - b + 1, 0, &kind) > 0 &&
				    is_digit(d->rc[b - 2]))
					role[b - 1] = 'W';
			}
		}
		i = r;
	}
	for (i = 0; i < n; i = r) {
		for (r = i; r < n && role[r] == role[i]; r++)
			;
		if (role[i] == 'N')
			push_num(d, i, r);
		else
			push_word(d, i, r, -1, 0);
	}
	free(role);
}

/* Make at least one more token; 0 at the end of the text. */
static int
more_tokens(dscan *d)
{
	while (d->pos < d->len) {
		uint32_t c;
		size_t k = utf8_decode(d->s + d->pos, d->len - d->pos, &c);
		dtok t = {0};

		if (k == 0) {
			/* A broken byte breaks a date like any punctuation. */
			t.type = T_PUNCT;
			t.cp = 0xFFFD;
			t.start = d->pos;
			t.end = ++d->pos;
			push_tok(d, &t);
			return 1;
		}
		if (is_blank(c)) {
			d->sp = 1;
			d->pos += k;
			continue;
		}
		if (is_alnum(c)) {
			d->rn = 0;
			for (;;) {
				if (d->rn + 1 >= d->rcap) {
					if (d->rcap > SIZE_MAX / 2 / sizeof *d->ro)
						die(EX_SOFTWARE, NULL, "text too long");
					d->rcap = d->rcap ? 2 * d->rcap : 64;
					d->rc = xrealloc(d->rc, d->rcap * sizeof *d->rc);
					d->ro = xrealloc(d->ro, d->rcap * sizeof *d->ro);
				}
				d->rc[d->rn] = c;
				d->ro[d->rn++] = d->pos;
				d->pos += k;
				k = utf8_decode(d->s + d->pos, d->len - d->pos, &c);
				if (k == 0 || !is_alnum(c))
					break;
			}
			d->ro[d->rn] = d->pos;
			split_run(d);
			return 1;
		}
		t.type = T_PUNCT;
		t.cp = c;
		t.start = d->pos;
		t.end = d->pos += k;
		push_tok(d, &t);
		return 1;
	}
	return 0;
}

/* Token number i, or NULL past the end.  The pointer is good only until
 * the next call. */
static dtok *
tok(dscan *d, size_t i)
{
	if (i < d->base)
		return NULL;
	while (i - d->base >= d->n)
		if (!more_tokens(d))
			return NULL;
	return &d->t[i - d->base];
}

/* Forget tokens before number i. */
static void
drop_before(dscan *d, size_t i)
{
	size_t k = i - d->base;

	/* Only when most of the array is behind us, so moving is amortised. */
	if (k < 256 || k > d->n || k < d->n / 2)
		return;
	memmove(d->t, d->t + k, (d->n - k) * sizeof *d->t);
	d->n -= k;
	d->base = i;
}

static int
num_at(dscan *d, size_t i, int mind, int maxd, long *val)
{
	dtok *t = tok(d, i);

	if (!t || t->type != T_NUM || t->ndig < mind || t->ndig > maxd)
		return 0;
	*val = t->val;
	return 1;
}

/* The punctuation character at i when it is one of set, else 0. */
static uint32_t
punct_at(dscan *d, size_t i, const uint32_t *set)
{
	dtok *t = tok(d, i);

	if (!t || t->type != T_PUNCT)
		return 0;
	for (; *set; set++)
		if (*set == t->cp)
			return t->cp;
	return 0;
}

static void
lookup(dscan *d, size_t i)
{
	dtok *t = tok(d, i);
	uint32_t c[MAXKEY];
	size_t n = 0, p, end;
	int kind, mo = 0;

	if (!t || t->type != T_WORD || t->month >= 0)
		return;
	p = t->start, end = t->end;
	while (p < end && n < MAXKEY + 1) {
		size_t k = utf8_decode(d->s + p, end - p, n < MAXKEY ? &c[n] : NULL);

		if (k == 0)
			break;
		p += k;
		n++;
	}
	kind = K_NONE;
	if (n <= MAXKEY)
		mo = word_month(c, n, 1, &kind);
	t = tok(d, i);
	t->month = (signed char)mo;
	t->kind = (signed char)kind;
}

static int
month_at(dscan *d, size_t i)
{
	dtok *t;

	lookup(d, i);
	t = tok(d, i);
	return t && t->type == T_WORD ? t->month : 0;
}

static int
kind_at(dscan *d, size_t i)
{
	dtok *t;

	lookup(d, i);
	t = tok(d, i);
	return t && t->type == T_WORD ? t->kind : K_NONE;
}

static int
sp_at(dscan *d, size_t i)
{
	dtok *t = tok(d, i);

	return t ? t->sp : 1;
}

static const uint32_t SEPS[] = {'.', '/', '-', 0};
static const uint32_t GAP[] = {'.', ',', '-', '/', ':', ';', 0};
static const uint32_t UNDERLINE[] = {'_', 0};
static const uint32_t CLOSEQ[] = {0xBB, '"', 0x201D, 0x201C, '\'', 0x2019, 0x2018, 0x203A, ')', 0};

/* Extend the end of a date over a following "г.", "года", "year". */
static size_t
year_suffix(dscan *d, size_t j, size_t end)
{
	int k = kind_at(d, j);
	uint32_t dot[] = {'.', 0};

	if (k == K_G) {
		end = tok(d, j)->end;
		if (punct_at(d, j + 1, dot) && !sp_at(d, j + 1))
			end = tok(d, j + 1)->end;
	} else if (k == K_YEAR) {
		end = tok(d, j)->end;
	}
	return end;
}

/* 14.03.1987, 14/03/1987, 14-03-1987 and 1987-03-14 at token i. */
static int
match_numeric(dscan *d, size_t i, long v[3], size_t *end)
{
	long a, b, c;
	uint32_t s1, s2;

	if (num_at(d, i, 1, 2, &a)) {
		if (!(s1 = punct_at(d, i + 1, SEPS)) || !num_at(d, i + 2, 1, 2, &b) ||
		    (s2 = punct_at(d, i + 3, SEPS)) != s1 || !num_at(d, i + 4, 4, 4, &c))
			return 0;
		v[0] = c, v[1] = b, v[2] = a;
		d->short_part = tok(d, i)->ndig < 2 || tok(d, i + 2)->ndig < 2;
	} else if (num_at(d, i, 4, 4, &a)) {
		if (!(s1 = punct_at(d, i + 1, SEPS)) || !num_at(d, i + 2, 1, 2, &b) ||
		    (s2 = punct_at(d, i + 3, SEPS)) != s1 || !num_at(d, i + 4, 1, 2, &c))
			return 0;
		v[0] = a, v[1] = b, v[2] = c;
		*end = tok(d, i + 4)->end;
		return 1;
	} else {
		return 0;
	}
	*end = year_suffix(d, i + 5, tok(d, i + 4)->end);
	return 1;
}

/* «14» марта 1987 г., 14th of March 1987, 14-MAR-1987 at token i. */
static int
match_day_month(dscan *d, size_t i, long v[3], size_t *end)
{
	size_t j = i + 1, k;
	uint32_t slash[] = {'/', 0};
	long day, year;
	int mo, gaps;

	if (!num_at(d, i, 1, 2, &day))
		return 0;
	if (kind_at(d, j) == K_ORD && !sp_at(d, j))
		j++;
	/* the day's closing quote, and an opening one OCR made of a speck
	 * before the month ("«20» “чэрвеня", eval seed 100042) */
	for (k = 0; k < 2 && punct_at(d, j, CLOSEQ); k++)
		j++;
	if (kind_at(d, j) == K_OF)
		j++;
	if (punct_at(d, j, SEPS))
		j++;
	/* A form's underline OCR kept before the month ("24 _храсавіка",
	 * eval seed 100039). */
	for (k = 0; k < 3 && punct_at(d, j, UNDERLINE); k++)
		j++;
	if ((mo = month_at(d, j)) <= 0)
		return 0;
	j++;
	/* "MAR/MARS": a second name for the month after a slash. */
	if (punct_at(d, j, slash) && tok(d, j + 1) && tok(d, j + 1)->type == T_WORD) {
		int mo2 = month_at(d, j + 1);

		if (mo2 > 0 && mo2 != mo)
			return 0;
		j += 2;
	}
	for (gaps = 0; gaps < 2 && punct_at(d, j, GAP); gaps++)
		j++;
	if (!num_at(d, j, 4, 4, &year))
		return 0;
	v[0] = year, v[1] = mo, v[2] = day;
	*end = year_suffix(d, j + 1, tok(d, j)->end);
	return 1;
}

/* March 14, 1987 and Mar. 14th 1987 at token i; the comma read as a dot
 * ("February 2. 1986", eval seed 100046) too. */
static int
match_month_day(dscan *d, size_t i, long v[3], size_t *end)
{
	size_t j = i + 1;
	uint32_t dot[] = {'.', 0}, comma[] = {',', '.', 0};
	long day, year;
	int mo;

	/* Most words are not months: look at the next token first. */
	if (!num_at(d, j, 1, 2, &day) && !(punct_at(d, j, dot) && num_at(d, j + 1, 1, 2, &day)))
		return 0;
	if ((mo = month_at(d, i)) <= 0)
		return 0;
	if (punct_at(d, j, dot))
		j++;
	if (!num_at(d, j, 1, 2, &day))
		return 0;
	j++;
	if (kind_at(d, j) == K_ORD && !sp_at(d, j))
		j++;
	if (punct_at(d, j, comma))
		j++;
	if (!num_at(d, j, 4, 4, &year))
		return 0;
	v[0] = year, v[1] = mo, v[2] = day;
	*end = year_suffix(d, j + 1, tok(d, j)->end);
	return 1;
}

int
date_find(const char *s, int *y, int *m, int *d, size_t *end)
{
	return date_find_short(s, y, m, d, end, NULL);
}

int
date_find_short(const char *s, int *y, int *m, int *d, size_t *end, int *short_part)
/* The first calendar date in s (see intake.h for the forms): 0 with
 * y-m-d and *end just past it (including a trailing г./года/year), or -1.
 * Years have four digits and start with 1-9; y, m, d may be NULL.  With
 * short_part, *short_part says whether the date is numeric with a day or
 * month of one digit ("7.12.1967"). */
{
	dscan sc;
	size_t i;
	int rc = -1;

	if (!s)
		return -1;
	memset(&sc, 0, sizeof sc);
	sc.s = s;
	sc.len = strlen(s);
	for (i = 0; tok(&sc, i); i++) {
		long v[3];
		size_t e = 0;
		int type = tok(&sc, i)->type, hit = 0;

		drop_before(&sc, i);
		sc.short_part = 0;
		if (type == T_NUM)
			hit = match_numeric(&sc, i, v, &e) || match_day_month(&sc, i, v, &e);
		else if (type == T_WORD)
			hit = match_month_day(&sc, i, v, &e);
		if (hit && v[0] >= 1000 && v[0] <= 9999 && v[1] >= 1 && v[1] <= 12 &&
		    v[2] >= 1 && v[2] <= days_in_month(v[0], (int)v[1])) {
			if (y)
				*y = (int)v[0];
			if (m)
				*m = (int)v[1];
			if (d)
				*d = (int)v[2];
			if (end)
				*end = e;
			if (short_part)
				*short_part = sc.short_part;
			rc = 0;
			break;
		}
	}
	free(sc.t);
	free(sc.rc);
	free(sc.ro);
	return rc;
}

/* ---- Names --------------------------------------------------------------- */

/*
 * The capital a digit in a capitalised name stands for: the word has at
 * least two letters and the digit a capital beside it.  Tesseract reads
 * Z as 7 (7EYNEP) and З as 3 at the start of a word more often than
 * between letters; names never hold digits.  0 when there is none.
 */
static uint32_t
digit_letter(const uint32_t *c, size_t n, size_t i, int cyrillic)
{
	/* By digit: 0 O, 1 I, 5 S, 6 G, 7 Z, 8 B. */
	static const char latin[10] = { 'O', 'I', 0, 0, 0, 'S', 'G', 'Z', 'B', 0 };
	size_t k, letters = 0;
	int beside = (i > 0 && is_letter(c[i - 1]) && !is_lower(c[i - 1])) ||
	    (i + 1 < n && is_letter(c[i + 1]) && !is_lower(c[i + 1]));

	for (k = 0; k < n; k++)
		letters += is_letter(c[k]) != 0;
	if (!beside || letters < 2)
		return 0;
	if (cyrillic)
		return c[i] == '0' ? 0x41E : c[i] == '3' ? 0x417 : 0;
	return (unsigned char)latin[c[i] - '0'];
}

/*
 * Repair the look-alikes of one word in place: the script with more
 * letters that exist only in it wins (П in ПETPOB), then the script with
 * more letters; on a tie the word is left alone.  A 0 between letters is
 * read as O of the winning script; in a word won by letters only Cyrillic
 * has, a capital U is И misread.
 */
static void
fix_word_script(uint32_t *c, size_t n)
{
	size_t i, ucyr = 0, ulat = 0, acyr = 0, alat = 0;
	int to_cyr;

	for (i = 0; i < n; i++) {
		if (is_cyr(c[i]))
			cyr2lat(c[i]) ? acyr++ : ucyr++;
		else if (is_latin(c[i]))
			lat2cyr(c[i]) ? alat++ : ulat++;
	}
	if (ucyr != ulat)
		to_cyr = ucyr > ulat;
	else if (acyr != alat)
		to_cyr = acyr > alat;
	else
		return;
	for (i = 0; i < n; i++) {
		uint32_t t = to_cyr ? lat2cyr(c[i]) : cyr2lat(c[i]);

		if (t && (to_cyr ? is_latin(c[i]) : is_cyr(c[i])))
			c[i] = t;
		else if (to_cyr && c[i] == 'U' && ucyr > ulat)
			c[i] = 0x418;   /* И as OCR reads it ("HUКОЛАЙ") */
		else if (c[i] == '0' && i > 0 && i + 1 < n && is_letter(c[i - 1]) &&
			 is_letter(c[i + 1]))
			c[i] = to_cyr ? (is_lower(c[i - 1]) ? 0x43E : 0x41E)
				      : (is_lower(c[i - 1]) ? 'o' : 'O');
		else if (c[i] >= '0' && c[i] <= '9' && (t = digit_letter(c, n, i, to_cyr)))
			c[i] = t;
	}
}

/* Is upper-case u a Russian or Belarusian vowel letter? */
static int
cyr_vowel(uint32_t u)
{
	static const uint32_t vowels[] = {
		0x410, 0x415, 0x418, 0x41E, 0x423, 0x42B, 0x42D, 0x42E, 0x42F,
		0x401, 0x406,
	};
	size_t k;

	for (k = 0; k < sizeof vowels / sizeof vowels[0]; k++)
		if (u == vowels[k])
			return 1;
	return 0;
}

/*
 * Tesseract often loses the breve of a final Й: ЮРИИ, ВАСИЛЕВСКИИ,
 * Андреи.  A Russian or Belarusian name never ends in a vowel followed
 * by И (the sound is written Й there), so such an ending is put back.
 * It also adds one: ЙГОРЬ for ИГОРЬ; a name never starts with Й before a
 * consonant (ЙОСИФ has a vowel after it).
 */
static void
fix_short_i(uint32_t *c, size_t n)
{
	uint32_t last;

	if (n < 3)
		return;
	if ((c[0] == 0x419 || c[0] == 0x439) && is_cyr(c[1]) && !cyr_vowel(up(c[1])) &&
	    is_letter(c[1]))
		c[0] = c[0] == 0x419 ? 0x418 : 0x438;
	last = c[n - 1];
	if ((last == 0x418 || last == 0x438) && cyr_vowel(up(c[n - 2])))
		c[n - 1] = last == 0x418 ? 0x419 : 0x439;
}

/*
 * Code points of a name: invalid bytes dropped, controls, blanks and '_'
 * made single spaces, look-alikes repaired word by word, and with trim,
 * everything before the first and after the last letter or digit removed.
 */
static size_t
name_cps(const char *s, int trim, uint32_t **out)
{
	uint32_t *c;
	size_t n, i, j, o;

	n = decode_all(s ? s : "", s ? strlen(s) : 0, &c, NULL);
	for (i = 0; i < n; i++)
		if (is_blank(c[i]) || c[i] == '_')
			c[i] = ' ';
		/* An S read as a dollar sign after two letters: ТНОМА$ (eval
		 * seed 100018). */
		else if (c[i] == '$' && i >= 2 && is_letter(c[i - 1]) && is_letter(c[i - 2]) &&
		    !is_lower(c[i - 1]))
			c[i] = 'S';
	for (i = 0; i < n;) {
		if (!is_alnum(c[i])) {
			i++;
			continue;
		}
		for (j = i; j < n && is_alnum(c[j]); j++)
			;
		fix_word_script(c + i, j - i);
		fix_short_i(c + i, j - i);
		i = j;
	}
	for (i = o = 0; i < n; i++) {
		if (c[i] == ' ' && (o == 0 || c[o - 1] == ' '))
			continue;
		c[o++] = c[i];
	}
	while (o > 0 && c[o - 1] == ' ')
		o--;
	n = o;
	if (trim) {
		for (i = 0; i < n && !is_alnum(c[i]); i++)
			;
		while (n > i && !is_alnum(c[n - 1]))
			n--;
		memmove(c, c + i, (n - i) * sizeof *c);
		n -= i;
	}
	*out = c;
	return n;
}

static char *
encode_all(const uint32_t *c, size_t n)
{
	sbuf b = {0};

	for (size_t i = 0; i < n; i++)
		sb_cp(&b, c[i]);
	return sb_done(&b);
}

char *
name_clean(const char *s)
/* A name as printed, tidied: surrounding punctuation and label remnants
 * gone, spaces collapsed, look-alike letters put into the word's script.
 * Case is kept.  Returns a new string (empty for NULL). */
{
	uint32_t *c;
	size_t n = name_cps(s, 1, &c);
	char *r = encode_all(c, n);

	free(c);
	return r;
}

/* ICAO Doc 9303 romanisation of upper-case Cyrillic; NULL when unknown. */
static const char *
icao(uint32_t c, int belarusian)
{
	static const char *const ru[32] = {
		"A", "B", "V", "G", "D", "E", "ZH", "Z", "I", "I", "K", "L",
		"M", "N", "O", "P", "R", "S", "T", "U", "F", "KH", "TS", "CH",
		"SH", "SHCH", "IE", "Y", "", "E", "IU", "IA",
	};

	if (c == 0x413 && belarusian)   /* Belarusian г is fricative */
		return "H";
	if (c >= 0x410 && c <= 0x42F)
		return ru[c - 0x410];
	switch (c) {
	case 0x401: return "E";         /* Ё */
	case 0x404: return "IE";        /* Є */
	case 0x406: return "I";         /* І */
	case 0x407: return "I";         /* Ї */
	case 0x40E: return "U";         /* Ў */
	case 0x490: return "G";         /* Ґ */
	default: return NULL;
	}
}

/* ASCII for an upper-case Latin letter with diacritics; NULL if none. */
static const char *
latin_base(uint32_t c)
{
	/* U+00C0..U+017F; "" marks characters that are not letters. */
	static const char *const t[] = {
		"A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E",
		"I", "I", "I", "I", "D", "N", "O", "O", "O", "O", "O", "",
		"O", "U", "U", "U", "U", "Y", "TH", "SS",
		"A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E",
		"I", "I", "I", "I", "D", "N", "O", "O", "O", "O", "O", "",
		"O", "U", "U", "U", "U", "Y", "TH", "Y",
		"A", "A", "A", "A", "A", "A", "C", "C", "C", "C", "C", "C",
		"C", "C", "D", "D", "D", "D", "E", "E", "E", "E", "E", "E",
		"E", "E", "E", "E", "G", "G", "G", "G", "G", "G", "G", "G",
		"H", "H", "H", "H", "I", "I", "I", "I", "I", "I", "I", "I",
		"I", "I", "IJ", "IJ", "J", "J", "K", "K", "K", "L", "L", "L",
		"L", "L", "L", "L", "L", "L", "L", "N", "N", "N", "N", "N",
		"N", "N", "N", "N", "O", "O", "O", "O", "O", "O", "OE", "OE",
		"R", "R", "R", "R", "R", "R", "S", "S", "S", "S", "S", "S",
		"S", "S", "T", "T", "T", "T", "T", "T", "U", "U", "U", "U",
		"U", "U", "U", "U", "U", "U", "U", "U", "W", "W", "Y", "Y",
		"Y", "Z", "Z", "Z", "Z", "Z", "Z", "S",
	};

	_Static_assert(sizeof t / sizeof t[0] == 0x180 - 0xC0, "one entry per code point");
	if (c >= 0xC0 && c <= 0x17F)
		return t[c - 0xC0][0] ? t[c - 0xC0] : NULL;
	switch (c) {
	case 0x218: case 0x219: return "S";
	case 0x21A: case 0x21B: return "T";
	default: return NULL;
	}
}

/* Romanise name code points into b (see translit_latin). */
static void
romanise(const uint32_t *c, size_t n, sbuf *b)
{
	size_t i, j, k;

	for (i = 0; i < n; i = j) {
		int bel = 0;

		/* A word, apostrophes included, decides Belarusian г = H. */
		for (j = i; j < n && (is_alnum(c[j]) || (is_apostrophe(c[j]) && j > i)); j++) {
			uint32_t u = up(c[j]);

			if (u == 0x406 || u == 0x40E || (is_apostrophe(c[j]) && j + 1 < n &&
							 is_cyr(c[j - 1]) && is_cyr(c[j + 1])))
				bel = 1;
		}
		if (j == i)
			j = i + 1;
		for (k = i; k < j; k++) {
			uint32_t u = up(c[k]);
			const char *r;
			char ch;

			if (u < 0x80) {
				if (is_apostrophe(u))
					continue;
				ch = u < 0x20 || u == 0x7F ? ' ' : (char)u;
				if (ch == ' ' && (b->n == 0 || b->p[b->n - 1] == ' '))
					continue;
				sb_put(b, &ch, 1);
			} else if ((r = icao(u, bel)) != NULL || (r = latin_base(u)) != NULL) {
				sb_put(b, r, strlen(r));
			} else if (u >= 0x2010 && u <= 0x2015) {
				sb_put(b, "-", 1);
			}
			/* Anything else (accents, other scripts) has no
			 * ASCII form in a passport and is dropped. */
		}
	}
	while (b->n > 0 && b->p[b->n - 1] == ' ')
		b->p[--b->n] = '\0';
}

char *
translit_latin(const char *s)
/* Upper-case ASCII romanisation: ICAO Doc 9303 for Cyrillic (a word with
 * І, Ў or an apostrophe is Belarusian and writes Г as H), Latin without
 * diacritics, apostrophes dropped, look-alikes repaired first.  Returns a
 * new string (empty for NULL). */
{
	uint32_t *c;
	size_t n = name_cps(s, 0, &c);
	sbuf b = {0};

	romanise(c, n, &b);
	free(c);
	return sb_done(&b);
}

/*
 * Comparison form of a name: repaired, upper case, Ё->Е, dashes and
 * hyphens as spaces.  *cyr_only says whether it has no Latin letter.
 */
static uint32_t *
match_form(const char *s, size_t *np, int *cyr_only)
{
	uint32_t *c;
	size_t n = name_cps(s, 1, &c), i, o;

	*cyr_only = 1;
	for (i = o = 0; i < n; i++) {
		uint32_t u = up(c[i]);

		if (u == 0x401)
			u = 0x415;
		if (u == '-' || (u >= 0x2010 && u <= 0x2015))
			u = ' ';
		if (is_latin(u))
			*cyr_only = 0;
		if (u == ' ' && (o == 0 || c[o - 1] == ' '))
			continue;
		c[o++] = u;
	}
	while (o > 0 && c[o - 1] == ' ')
		o--;
	*np = o;
	return c;
}

/*
 * Skeleton of a romanised name: the spellings that passports, visas and
 * clerks use for one Cyrillic letter become one symbol.  KH/H/G (Х, and
 * Г which Belarusian writes H), SHCH/SCH, X/KS, J/Y/I as a glide: a glide
 * before A, U, E, O makes Я, Ю, Е and Ё (Ё = Е), other glides and Ы
 * become I, so IURII = YURIY = YURI and ELKIN = YOLKIN.  Lower-case
 * letters in the skeleton are the digraph symbols.
 */
static char *
skeleton(const char *r)
{
	size_t len = strlen(r), i, o = 0;
	char *t = xmalloc(2 * len + 1), *k = xmalloc(2 * len + 1);

	for (i = 0; i < len;) {
		if (strncmp(r + i, "SHCH", 4) == 0)
			t[o++] = 'q', i += 4;
		else if (strncmp(r + i, "SCH", 3) == 0)
			t[o++] = 'q', i += 3;
		else if (strncmp(r + i, "ZH", 2) == 0)
			t[o++] = 'z', i += 2;
		else if (strncmp(r + i, "KH", 2) == 0)
			t[o++] = 'H', i += 2;
		else if (strncmp(r + i, "CH", 2) == 0)
			t[o++] = 'c', i += 2;
		else if (strncmp(r + i, "SH", 2) == 0)
			t[o++] = 's', i += 2;
		else if (strncmp(r + i, "TS", 2) == 0)
			t[o++] = 't', i += 2;
		else if (r[i] == 'X')
			t[o++] = 'K', t[o++] = 'S', i++;
		else if (r[i] == 'G')
			t[o++] = 'H', i++;
		else if (r[i] == 'J')
			t[o++] = 'Y', i++;
		else
			t[o++] = r[i++];
	}
	t[o] = '\0';
	len = o;
	for (i = o = 0; i < len;) {
		size_t e;

		if (t[i] != 'I' && t[i] != 'Y') {
			k[o++] = t[i++];
			continue;
		}
		for (e = i; e < len && (t[e] == 'I' || t[e] == 'Y'); e++)
			;
		switch (t[e]) {
		case 'A': k[o++] = 'a', e++; break;
		case 'U': k[o++] = 'u', e++; break;
		case 'E': case 'O': k[o++] = 'E', e++; break;
		default: k[o++] = 'I'; break;
		}
		i = e;
	}
	k[o] = '\0';
	free(t);
	return k;
}

/*
 * A name OCR read in Latin look-alikes of Cyrillic letters ("BIKTAPAYHA"
 * for ВІКТАРАЎНА, "KOBAJIEHKO" for КОВАЛЕНКО: Л comes out as JI, eval
 * seed 100031) back in Cyrillic, in place: 1 when every letter of the
 * upper-case name c[0..*n) has a Cyrillic twin (and there is at least
 * one), *n then its new length; else 0 and c unchanged.
 */
static int
lookalikes_to_cyrillic(uint32_t *c, size_t *n)
{
	size_t i, o, letters = 0;

	for (i = 0; i < *n; i++) {
		if (c[i] == ' ')
			continue;
		if (c[i] == 'J' && i + 1 < *n && c[i + 1] == 'I') {
			i++;
		} else if (c[i] > 'Z' || !lat2cyr(c[i])) {
			return 0;
		}
		letters++;
	}
	if (!letters)
		return 0;
	for (i = o = 0; i < *n; i++, o++)
		if (c[i] == 'J')
			c[o] = 0x41B, i++;
		else
			c[o] = c[i] == ' ' ? ' ' : lat2cyr(c[i]);
	*n = o;
	return 1;
}

static int
vowel(char c)
{
	return c && strchr("AEIOUY", c) != NULL;
}

/*
 * Russian writes foreign names as they sound (Смит, Уилсон, Джеймс, Ван,
 * Сю), not letter for letter, so their ICAO romanisation is not the
 * passport's spelling.  spelling_key() irons out the spellings one sound
 * has in English, German and pinyin against the romanised Russian: W (but
 * U after a vowel and not before one) and a word-initial U before a vowel
 * as V, a word-initial X as S, a final NG
 * as N, TH, PH, CK, Q and a C not before H as T, F, K, K, K, DZH, DJ,
 * pinyin's initial ZH and Palladius' ЧЖ as J, Palladius' initial ЦЗ as J
 * (and its ЦЗЮНЬ as JUN: eval seeds 100020, 100021), an H after a vowel and not
 * before one dropped, a Y after a vowel and not before one as I; double
 * letters as one.  consonant_key() then keeps the consonants,
 * the class of an initial vowel and the final vowel (the gender ending of
 * a Slavic name: PETROV is not PETROVA), and drops H and the Х digraphs,
 * which either language may leave out (JOHNSON, Джонсон).
 */
static char *
spelling_key(const char *r)
{
	size_t len = strlen(r), i, o = 0;
	char *k = xmalloc(2 * len + 1);

	for (i = 0; i < len;) {
		int start = i == 0 || r[i - 1] == ' ';
		char c = r[i];

		if (start && c == 'U' && vowel(r[i + 1]))
			c = 'V', i++;
		else if (strncmp(r + i, "CHZH", 4) == 0)
			c = 'J', i += 4;        /* pinyin zh, Palladius чж */
		else if (strncmp(r + i, "ZH", 2) == 0 && start)
			c = 'J', i += 2;
		else if (strncmp(r + i, "TSZ", 3) == 0 && start)
			/* Palladius цз is pinyin j, and цзюнь is jun. */
			c = 'J', i += 3 + (strncmp(r + i + 3, "IUN", 3) == 0);
		else if (c == 'H' && i > 0 && vowel(r[i - 1]) &&
		    (r[i + 1] == ' ' || !r[i + 1] || (r[i + 1] != 'H' && !vowel(r[i + 1])))) {
			i++;                    /* SARAH is Сара, JOHN Джон */
			continue;
		}
		else if (c == 'Y' && i > 0 && vowel(r[i - 1]) && !vowel(r[i + 1]))
			c = 'I', i++;           /* AYSE as Айше is AISE */
		else if (start && c == 'X')
			c = 'S', i++;
		else if (strncmp(r + i, "DZH", 3) == 0)
			c = 'J', i += 3;
		else if (strncmp(r + i, "DJ", 2) == 0)
			c = 'J', i += 2;
		else if (strncmp(r + i, "NG", 2) == 0 && (r[i + 2] == ' ' || !r[i + 2]))
			c = 'N', i += 2;
		else if (strncmp(r + i, "TH", 2) == 0)
			c = 'T', i += 2;
		else if (strncmp(r + i, "PH", 2) == 0)
			c = 'F', i += 2;
		else if (strncmp(r + i, "CK", 2) == 0)
			c = 'K', i += 2;
		else if (c == 'W')
			/* BROWN is Браун, NEWTON Ньютон: W after a vowel
			 * and not before one is a vowel itself. */
			c = i > 0 && vowel(r[i - 1]) && !vowel(r[i + 1]) ? 'U' : 'V', i++;
		else if (c == 'Q' || (c == 'C' && r[i + 1] != 'H'))
			c = 'K', i++;
		else
			i++;
		if (o > 0 && k[o - 1] == c && c != ' ')
			continue;
		k[o++] = c;
	}
	k[o] = '\0';
	return k;
}

static char *
consonant_key(const char *sp, size_t *symbols)
{
	size_t len = strlen(sp), i, o = 0;
	char *k = xmalloc(len + 2);

	*symbols = 0;
	for (i = 0; i < len; i++) {
		int start = i == 0 || sp[i - 1] == ' ';
		int end = !sp[i + 1] || sp[i + 1] == ' ';
		char c = sp[i];

		if (c == ' ') {
			k[o++] = c;
			continue;
		}
		/* Х as KH or CH, and H: either language may drop them. */
		if ((c == 'K' || c == 'C') && sp[i + 1] == 'H') {
			i++;
			continue;
		}
		if (c == 'H')
			continue;
		if (vowel(c) && !start) {
			if (!end)
				continue;
			/* The final vowel must agree but is not evidence. */
			k[o++] = c == 'Y' ? 'I' : c;
			continue;
		}
		if (vowel(c))
			c = '*';
		if (o > 0 && k[o - 1] == c)
			continue;
		k[o++] = c;
		(*symbols)++;
	}
	k[o] = '\0';
	return k;
}

/* Two romanised names, one written from Cyrillic, the other Latin: the
 * same spelling modulo the variants above, or the same consonant key with
 * at least three consonants (an initial vowel counting as one). */
static int
spelled_alike(const char *a, const char *b)
{
	char *sa = spelling_key(a), *sb = spelling_key(b), *ka, *kb;
	size_t na, nb;
	int rc = strcmp(sa, sb) == 0;

	if (!rc) {
		ka = consonant_key(sa, &na);
		kb = consonant_key(sb, &nb);
		rc = na >= 3 && strcmp(ka, kb) == 0;
		free(ka);
		free(kb);
	}
	free(sa);
	free(sb);
	return rc;
}

/* s with every from (not followed by the letter not_before, when given;
 * with inside, only between two vowels) replaced by to. */
static char *
replace_all(const char *s, const char *from, char not_before, int inside, const char *to)
{
	size_t nf = strlen(from), nt = strlen(to), n = 0;
	const char *p;
	char *out, *o;

	for (p = s; (p = strstr(p, from)); p += nf)
		n++;
	out = o = xmalloc(strlen(s) + n * (nt > nf ? nt - nf : 0) + 1);
	for (p = s; *p;) {
		if (strncmp(p, from, nf) == 0 && (!not_before || p[nf] != not_before) &&
		    (!inside || (p > s && vowel(p[-1]) && vowel(p[nf])))) {
			memcpy(o, to, nt);
			o += nt;
			p += nf;
		} else {
			*o++ = *p++;
		}
	}
	*o = '\0';
	return out;
}

/*
 * A Latin name against a Cyrillic one (both romanised): spelled alike as
 * it is, or with one letter group read as another language reads it: CH as
 * K (Greek names in English: MICHAEL, Майкл) or as KH (German: KOCH, Кох);
 * C as CH and S between vowels as SH (Turkish Ç and Ş, which Latin
 * passports without diacritics print C and S: CELIK, Челик; AYSE, Айше;
 * not SMITH, Шмит); AL before K as O
 * (English: WALKER, Уокер).  Only the Latin side is varied.
 */
static int
sounds_alike(const char *cyr, const char *lat)
{
	static const struct {
		const char *from;
		char not_before;
		int inside;
		const char *to;
	} v[] = {
		{"CH", 0, 0, "K"}, {"CH", 0, 0, "KH"}, {"C", 'H', 0, "CH"},
		{"S", 'H', 1, "SH"}, {"ALK", 0, 0, "OK"},
	};
	size_t i;
	int rc = spelled_alike(cyr, lat);

	for (i = 0; !rc && i < sizeof v / sizeof *v; i++)
		if (strstr(lat, v[i].from)) {
			char *t = replace_all(lat, v[i].from, v[i].not_before, v[i].inside,
			    v[i].to);

			rc = spelled_alike(cyr, t);
			free(t);
		}
	return rc;
}

static int
cps_equal(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	return na == nb && (na == 0 || memcmp(a, b, na * sizeof *a) == 0);
}

/*
 * A Latin name that OCR read in Cyrillic letters, letter for letter: the
 * same length, and each Cyrillic letter one that Tesseract gives for that
 * Latin capital (or its small letter) when it takes a Latin word for a
 * Cyrillic one.  From real misreads: SAMER ЗАМЕК, HADDAD НАРРАР, HAIDARI
 * НАІРАКІ, Amaka Атака, RANA КАМА, EMRE ЕМВЕ, KARIMI КАВТМТ, HOFFMANN
 * НОРЕМАММ, CLARK СГАВК, Emre Етге (r as г), and a pair of letters for
 * one: LI as Ц (CELIK СЕЦК, eval seed 100015), m as пи (Emma Епипа,
 * seed 100018).  Both in match form (upper case, Ё as Е).
 */
static int
ocr_script_twins(const uint32_t *cyr, size_t nc, const uint32_t *lat, size_t nl)
{
	static const struct {
		uint32_t cyr;
		const char *lat;
	} twins[] = {
		{0x410, "A"}, {0x412, "BR"}, {0x415, "EF"}, {0x417, "SZ"},
		{0x413, "LFR"}, {0x41A, "KR"}, {0x41C, "MN"}, {0x41D, "HN"}, {0x41E, "OD"},
		{0x41F, "NM"}, {0x420, "PDRF"}, {0x421, "CG"}, {0x422, "TMI"},
		{0x423, "Y"}, {0x425, "X"}, {0x406, "IL"}, {0x407, "I"},
	};
	size_t i, j, k, letters = 0;

	for (i = j = 0; i < nc && j < nl; i++, j++) {
		if (cyr[i] == ' ' && lat[j] == ' ')
			continue;
		if (cyr[i] == 0x426 && lat[j] == 'L' && j + 1 < nl && lat[j + 1] == 'I') {
			j++, letters++;
			continue;
		}
		/* m read as пи: Emma as Епипа (eval seed 100018). */
		if (cyr[i] == 0x41F && i + 1 < nc && cyr[i + 1] == 0x418 && lat[j] == 'M') {
			i++, letters++;
			continue;
		}
		for (k = 0; k < sizeof twins / sizeof twins[0]; k++)
			if (twins[k].cyr == cyr[i] && lat[j] < 0x80 && lat[j] != 0 &&
			    strchr(twins[k].lat, (int)lat[j]))
				break;
		if (k == sizeof twins / sizeof twins[0])
			return 0;
		letters++;
	}
	return i == nc && j == nl && letters >= 4;
}

/*
 * Cyrillic letters OCR reads for one another, from the eval seeds:
 * Belarusian І as Т (КУЗЬМТЧ, УЛАДЗТМТР for КУЗЬМІЧ, УЛАДЗІМІР, seed
 * 100008), Ь as Б (ДАРБЯ for ДАРЬЯ) and П as Н (НЕТРОВНА for ПЕТРОВНА,
 * seed 100011), Щ as Ш (ШЕРБАКОВА, seed 100012), Д as П (ПЕНИСОВИЧ for
 * ДЕНИСОВИЧ, seed 100013), Belarusian Ў as У (ЯУГЕН for ЯЎГЕН) and Г
 * as Т (ТОНЧАРОВА for ГОНЧАРОВА, seed 100015).  Two Cyrillic names of
 * four letters or more that differ only in such pairs.
 */
/* The fewest letters a name must have for x and y to be taken as OCR
 * twins in it, or 0 when they are not twins.  Д for П only from six:
 * ДАША and ПАША are two names; Г for Т too (ГАНЯ, ТАНЯ).  Ў only ever
 * follows a vowel, where Russian writes У: no two names differ in it. */
static size_t
cyr_twin(uint32_t x, uint32_t y)
{
	static const struct {
		uint32_t a, b;
		size_t min;
	} pairs[] = {
		{0x406, 0x422, 4}, {0x42C, 0x411, 4}, {0x41F, 0x41D, 4}, {0x429, 0x428, 4},
		{0x414, 0x41F, 6}, {0x40E, 0x423, 4}, {0x413, 0x422, 6},
	};
	size_t k;

	for (k = 0; k < sizeof pairs / sizeof *pairs; k++)
		if ((x == pairs[k].a && y == pairs[k].b) || (x == pairs[k].b && y == pairs[k].a))
			return pairs[k].min;
	return 0;
}

/* Are x[i], x[i + 1] НІ, НИ, ЦІ or ЦИ, and y a Ш? */
static int
ni_as_sha(const uint32_t *x, size_t nx, size_t i, uint32_t y)
{
	return y == 0x428 && i + 1 < nx && (x[i] == 0x41D || x[i] == 0x426) &&
	    (x[i + 1] == 0x406 || x[i + 1] == 0x418);
}

static int
cyr_ocr_twins(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	size_t i, j, letters = 0, need = 4, t;
	int pair = 0;

	for (i = j = 0; i < na && j < nb; i++, j++) {
		if (a[i] == b[j]) {
			letters += a[i] != ' ';
			continue;
		}
		/* НІ or НИ read as one Ш (КСЕШЯ for КСЕНІЯ, eval seed
		 * 100020), ЦІ too (ВАЛЯНШНА for ВАЛЯНЦІНА, seed 100032),
		 * once, in a name of six letters or more. */
		if (!pair && (ni_as_sha(a, na, i, b[j]) || ni_as_sha(b, nb, j, a[i]))) {
			if (b[j] == 0x428)
				i++;
			else
				j++;
			pair = 1;
			need = need > 6 ? need : 6;
			letters += 2;
			continue;
		}
		if (!(t = cyr_twin(a[i], b[j])))
			return 0;
		if (t > need)
			need = t;
		letters++;
	}
	return i == na && j == nb && letters >= need;
}

/*
 * The final Ч of -ИЧ OCR lost (КЛИМОВИ for КЛИМОВИЧ, seed 100011): a is b
 * without its last letter, b ends in ИЧ or ІЧ, six letters or more.
 */
static int
lost_final_che(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	return nb >= 6 && na + 1 == nb && b[nb - 1] == 0x427 &&
	    (b[nb - 2] == 0x418 || b[nb - 2] == 0x406) && cps_equal(a, na, b, na);
}

/*
 * A final Й OCR lost whole (АЛЕКСЕ for АЛЕКСЕЙ, eval seed 100007): a is b
 * and a Й after a vowel, at least five letters in all.  Both in match
 * form.  No name ends in a vowel that a Й would complete into another.
 */
static int
lost_final_short_i(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	return na >= 5 && na == nb + 1 && a[na - 1] == 0x419 && cyr_vowel(a[na - 2]) &&
	    cps_equal(a, nb, b, nb);
}

/*
 * A Belarusian І, the narrowest letter, OCR lost inside a name (ВАСЛЕЎСКАЯ
 * for ВАСІЛЕЎСКАЯ, АЛНА for АЛІНА, Васлеўна for Васілеўна: three false
 * name mismatches on eval seeds 100024 and 100025): a is b without one
 * І that is neither its first nor its last letter, b five letters or
 * more.  Both in match form.
 */
static int
lost_narrow_i(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	size_t i;

	if (nb < 5 || na + 1 != nb)
		return 0;
	for (i = 0; i < na && a[i] == b[i]; i++)
		;
	return i > 0 && i + 1 < nb && b[i] == 0x406 && cps_equal(a + i, na - i, b + i + 1, na - i);
}

/*
 * One letter OCR misread in a long name: romanised a and b (no blanks)
 * of the same length, at least SLIP_MIN, differ in one place that is
 * neither the first letter (КАРИНА is not МАРИНА) nor one of the last
 * two (endings: ВИТАЛИЙ is not ВИТАЛИК, KRISTINA not KRISTINE, КОВАЛЬЧУК
 * not КОВАЛЬЧИК; one that romanises longer, ЕВГЕНИЙ against ЕВГЕНИЯ, has
 * another length).  АЛЕКСАНЛРОВИЧ for АЛЕКСАНДРОВИЧ; KSENITA for
 * KSENIIA is a slip in the ending, taken only as latin_ocr_twins().
 * Short names have too many neighbours (АЛИНА, АЛЕНА) to be lenient
 * about.
 */
#define SLIP_MIN 7

static int
one_slip(const char *a, const char *b)
{
	size_t n = strlen(a), i, diff = 0, at = 0;

	if (n < SLIP_MIN || strlen(b) != n || strchr(a, ' ') || strchr(b, ' '))
		return 0;
	for (i = 0; i < n; i++)
		if (a[i] != b[i])
			diff++, at = i;
	return diff == 1 && at > 0 && at + 2 < n;
}

/*
 * Latin letters OCR reads for others in this data, romanised a read for
 * b: T for an I beside another I (the double I of ICAO's -IIA, -II:
 * IULITA for IULIIA, DMITRIT for DMITRII, ANASTASITA; a single I, as in
 * MARIA and MARTA, is never taken), and H for LI once (AH for ALI, eval
 * seeds 100008, 100009, 100011).  At least three letters.  (MARITA is a
 * name too, but a sister's paper still differs in the birth date, which
 * is checked on its own.)
 */
static int
latin_ocr_twins(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b), i = 0, j = 0;
	int h = 0, diff = 0;

	if (nb < 3)
		return 0;
	while (i < na && j < nb) {
		if (a[i] == b[j]) {
			i++, j++;
		} else if (a[i] == 'T' && b[j] == 'I' &&
		    ((j > 0 && b[j - 1] == 'I') || b[j + 1] == 'I')) {
			i++, j++, diff++;
		} else if (!h && a[i] == 'H' && b[j] == 'L' && b[j + 1] == 'I') {
			i++, j += 2, h = 1, diff++;
		} else {
			return 0;
		}
	}
	return i == na && j == nb && diff > 0;
}

/*
 * T read for the I of a glide before Y or beside another I (ANASTASTYA
 * for ANASTASIYA, eval seed 100018): the romanised name r with every such
 * T an I has the skeleton k.  latin_ocr_twins() takes the double I letter
 * for letter, from three letters; this compares skeletons, so the
 * spelling may differ too (IYA, IIA), and asks for seven letters: short
 * names have too many neighbours.
 */
static int
t_for_glide_i(const char *r, const char *k)
{
	size_t n = strlen(r), i;
	char *v, *kv;
	int changed = 0, rc;

	if (n < 7)
		return 0;
	v = xstrdup(r);
	for (i = 0; i < n; i++)
		if (v[i] == 'T' && (v[i + 1] == 'Y' || v[i + 1] == 'I' || (i > 0 && v[i - 1] == 'I')))
			v[i] = 'I', changed = 1;
	kv = changed ? skeleton(v) : NULL;
	rc = kv && strcmp(kv, k) == 0;
	free(kv);
	free(v);
	return rc;
}

/* Is the Latin name c[0..n), read as the Cyrillic its letters look like,
 * alike in sound to the romanised Latin name lat? */
static int
lookalike_sounds_alike(const uint32_t *c, size_t n, const char *lat)
{
	uint32_t *l = xmalloc((n + 1) * sizeof *l);
	sbuf b = {0};
	char *r;
	int rc = 0;

	memcpy(l, c, n * sizeof *l);
	if (lookalikes_to_cyrillic(l, &n)) {
		romanise(l, n, &b);
		r = sb_done(&b);
		rc = *r && sounds_alike(r, lat);
		free(r);
	}
	free(l);
	return rc;
}

int
names_match(const char *a, const char *b)
/* 1 when a and b can name the same person part: equal ignoring case, Ё/Е
 * and look-alikes; or, both Cyrillic (Latin look-alikes against Cyrillic
 * count as Cyrillic), equal once romanised by ICAO; or, either Latin,
 * equal in skeleton (see skeleton()); or, one Latin and one Cyrillic,
 * alike in sound (see spelling_key()) or the Cyrillic one an OCR reading
 * of the Latin one (see ocr_script_twins()).  Empty names match nothing. */
{
	uint32_t *ca, *cb;
	size_t na, nb;
	int oa, ob, rc = 0;
	char *ra = NULL, *rb = NULL, *ka = NULL, *kb = NULL;
	sbuf ba = {0}, bb = {0};

	if (!a || !b)
		return 0;
	ca = match_form(a, &na, &oa);
	cb = match_form(b, &nb, &ob);
	if (na == 0 || nb == 0)
		goto done;
	if (cps_equal(ca, na, cb, nb) || lost_final_short_i(ca, na, cb, nb) ||
	    lost_final_short_i(cb, nb, ca, na) || (oa && ob && (cyr_ocr_twins(ca, na, cb, nb) ||
	    lost_final_che(ca, na, cb, nb) || lost_final_che(cb, nb, ca, na) ||
	    lost_narrow_i(ca, na, cb, nb) || lost_narrow_i(cb, nb, ca, na)))) {
		rc = 1;
		goto done;
	}
	/* A Latin name read in Cyrillic letters by OCR. */
	if (oa != ob && (oa ? ocr_script_twins(ca, na, cb, nb) :
	    ocr_script_twins(cb, nb, ca, na))) {
		rc = 1;
		goto done;
	}
	/* Latin look-alikes against a Cyrillic name: read them as Cyrillic
	 * (on a copy: AHMET is all look-alikes and still Latin for АХМЕТ). */
	if (oa != ob) {
		size_t nl = oa ? nb : na;
		uint32_t *l = xmalloc((nl + 1) * sizeof *l);
		int same;

		memcpy(l, oa ? cb : ca, nl * sizeof *l);
		same = lookalikes_to_cyrillic(l, &nl);
		if (same && !cps_equal(oa ? ca : cb, oa ? na : nb, l, nl)) {
			/* Two Cyrillic spellings: equal once romanised. */
			sbuf x = {0}, y = {0};
			char *rx, *ry;

			romanise(oa ? ca : cb, oa ? na : nb, &x);
			romanise(l, nl, &y);
			rx = sb_done(&x);
			ry = sb_done(&y);
			same = *rx && strcmp(rx, ry) == 0;
			free(rx);
			free(ry);
		}
		free(l);
		if (same) {
			rc = 1;
			goto done;
		}
	}
	romanise(ca, na, &ba);
	romanise(cb, nb, &bb);
	ra = sb_done(&ba);
	rb = sb_done(&bb);
	if (!*ra || !*rb)
		goto done;
	/* Two Cyrillic spellings have no romanisation to be lenient about. */
	if (oa && ob) {
		rc = strcmp(ra, rb) == 0 || one_slip(ra, rb);
		goto done;
	}
	ka = skeleton(ra);
	kb = skeleton(rb);
	rc = strcmp(ka, kb) == 0;
	/* A Cyrillic name OCR read in Latin look-alikes ("Capa" for Сара)
	 * against a Latin one (SARAH): as written in Cyrillic, as it sounds. */
	if (!rc && !oa && !ob)
		rc = lookalike_sounds_alike(ca, na, rb) || lookalike_sounds_alike(cb, nb, ra);
	/* A foreign name written in Cyrillic as it sounds. */
	if (!rc && oa != ob)
		rc = oa ? sounds_alike(ra, rb) : sounds_alike(rb, ra);
	if (!rc)
		rc = one_slip(ra, rb) || latin_ocr_twins(ra, rb) || latin_ocr_twins(rb, ra) ||
		    t_for_glide_i(ra, kb) || t_for_glide_i(rb, ka);
done:
	free(ca);
	free(cb);
	free(ra);
	free(rb);
	free(ka);
	free(kb);
	return rc;
}

/* Levenshtein distance of a[0..na) and b[0..nb). */
static size_t
cps_distance(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	size_t *row = xmalloc((nb + 1) * sizeof *row), i, j, d;

	for (j = 0; j <= nb; j++)
		row[j] = j;
	for (i = 1; i <= na; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (j = 1; j <= nb; j++) {
			size_t up_ = row[j], best = diag + (a[i - 1] != b[j - 1]);

			if (up_ + 1 < best)
				best = up_ + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diag = up_;
			row[j] = best;
		}
	}
	d = row[nb];
	free(row);
	return d;
}

/* Does text s begin with a lower-case letter? */
static int
starts_lower(const char *s)
{
	uint32_t c = 0;

	return utf8_decode(s, strlen(s), &c) > 0 && is_letter(c) && is_lower(c);
}

void
be_ru_letters(const char *s, size_t *be, size_t *ru)
{
	size_t n = strlen(s), i = 0, k;
	uint32_t c = 0;

	for (; i < n; i += k ? k : 1) {
		if (!(k = utf8_decode(s + i, n - i, &c)))
			continue;
		*be += c == 0x406 || c == 0x456 || c == 0x40E || c == 0x45E;
		*ru += c == 0x418 || c == 0x438 || c == 0x429 || c == 0x449 || c == 0x42A ||
		    c == 0x44A;
	}
}

/* Does c[0..n) hold a word (between blanks) with Latin and Cyrillic
 * letters both? */
static int
mixed_script_word(const uint32_t *c, size_t n)
{
	size_t i;
	int lat = 0, cyr = 0;

	for (i = 0; i <= n; i++) {
		if (i == n || c[i] == ' ') {
			if (lat && cyr)
				return 1;
			lat = cyr = 0;
			continue;
		}
		lat |= is_latin(c[i]);
		cyr |= is_cyr(c[i]);
	}
	return 0;
}

int
name_near_miss(const char *read, const char *mine)
{
	uint32_t *a, *b, c0 = 0;
	size_t na, nb, i, k;
	int oa, ob, rc = 0;

	if (!read || !mine)
		return 0;
	/* A stray С or C before the name, as stray_c_before() has it, and
	 * one letter misread besides ("CBAHIMI" for RAHIMI, eval seed
	 * 100040). */
	if ((k = utf8_decode(read, strlen(read), &c0)) > 0 &&
	    (c0 == 0x421 || c0 == 0x441 || c0 == 'C' || c0 == 'c') && !strchr(read, ' ') &&
	    strlen(read + k) >= 5 && name_near_miss(read + k, mine))
		return 1;
	a = match_form(read, &na, &oa);
	b = match_form(mine, &nb, &ob);
	/* A reading all in Latin look-alikes of a Cyrillic name's letters is
	 * compared in Cyrillic ("Ma" for Марозаў, eval seed 100059). */
	if (!oa && ob && na >= 2 && lookalikes_to_cyrillic(a, &na))
		oa = 1;
	if (mixed_script_word(a, na)) {
		/* Letters of both scripts in one word: no office writes a
		 * name so, OCR does ("ЗАМЕS" for JAMES, eval seed 100059). */
		rc = 1;
	} else if (oa == ob && na >= 2 && na < nb && cps_equal(a, na, b, na)) {
		rc = 1;
	} else if (oa == ob && na >= 5 && na + 1 == nb && starts_lower(read) &&
	    cps_equal(a, na, b + 1, na)) {
		/* Its capital lost: a name read from its second letter on
		 * begins in lower case ("горовна" for Егоровна, eval seed
		 * 100035). */
		rc = 1;
	} else if (oa == ob && na >= 2 && na == nb) {
		rc = cps_distance(a, na, b, nb) == 1;
	} else if (oa == ob && nb >= 5 && (na == nb + 1 || na + 1 == nb) && a[0] == b[0] &&
	    a[na - 1] == b[nb - 1]) {
		/* A letter OCR added inside ("ЕЛІЙЗАВЕТА" for ЕЛИЗАВЕТА, eval
		 * seed 100033, І and И being one letter to OCR) or lost there
		 * ("Владимирова" for Владимировна, seed 100034); never at
		 * either end, where names of two people differ so (ИВАНОВ,
		 * ИВАНОВА). */
		for (i = 0; i < na; i++)
			a[i] = a[i] == 0x406 ? 0x418 : a[i];
		for (i = 0; i < nb; i++)
			b[i] = b[i] == 0x406 ? 0x418 : b[i];
		rc = cps_distance(a, na, b, nb) == 1;
	} else if (oa != ob && na >= 3) {
		/* Across scripts ("ХАЙЛАРИ" for HAIDARI): one letter of the
		 * reading put back as the letter OCR mistakes it for makes a
		 * name names_match() takes for mine.  Only such pairs:
		 * names_match() is lenient across scripts, and any letter
		 * would take PAVLOV (KAVLOV) for КОВАЛЕВ. */
		static const uint32_t pairs[][2] = {
			{0x41B, 0x414}, {0x41F, 0x414}, {0x41F, 0x41B}, {0x41D, 0x418},
			{0x418, 0x419}, {0x426, 0x41F}, {0x428, 0x429},
			{0x41B, 0x417},  /* Z read as Л: ЕЛЕ for EZE, seed 100061 */
			{'I', 'L'}, {'I', 'T'}, {'O', 'D'}, {'C', 'G'}, {'E', 'F'}, {'R', 'B'},
			{'M', 'N'}, {'U', 'V'},
		};
		size_t k;

		for (i = 0; i < na && !rc; i++) {
			uint32_t keep = a[i];

			for (k = 0; k < sizeof pairs / sizeof *pairs && !rc; k++) {
				char *t;

				if (keep != pairs[k][0] && keep != pairs[k][1])
					continue;
				a[i] = keep == pairs[k][0] ? pairs[k][1] : pairs[k][0];
				t = encode_all(a, na);
				rc = names_match(t, mine);
				free(t);
			}
			a[i] = keep;
		}
	}
	free(a);
	free(b);
	return rc;
}

int
name_far_and_whole(const char *read, const char *mine)
{
	uint32_t *raw, *a, *b;
	size_t nraw, na, nb, i, upper = 0;
	int oa, ob, rc = 0;

	if (!read || !mine)
		return 0;
	nraw = decode_all(read, strlen(read), &raw, NULL);
	/* Letters of one script, capitalised or all capitals. */
	for (i = 0; i < nraw; i++) {
		if (!is_letter(raw[i]) || is_latin(raw[i]) != is_latin(raw[0]))
			break;
		upper += up(raw[i]) == raw[i];
	}
	if (i < nraw || nraw < 5 || up(raw[0]) != raw[0] || (upper != 1 && upper != nraw)) {
		free(raw);
		return 0;
	}
	free(raw);
	a = match_form(read, &na, &oa);
	b = match_form(mine, &nb, &ob);
	rc = oa == ob && cps_distance(a, na, b, nb) >= 3;
	free(a);
	free(b);
	return rc;
}

int
latin_read_as_cyrillic(const char *value, const char *read, const char *mine)
{
	/* Latin capitals the Cyrillic alphabet has no look-alike for. */
	static const char twinless[] = "DFGJLNQRSUVWZ";
	uint32_t *r, *a, *b;
	size_t nr, na, nb, i, off = 0;
	int orr, oa, ob, rc = 0;

	if (!value || !read || !mine)
		return 0;
	r = match_form(read, &nr, &orr);
	a = match_form(value, &na, &oa);
	b = match_form(mine, &nb, &ob);
	if (orr && nr == na && !oa && !ob && na >= 4 && na == nb) {
		for (i = 0; i < na && off <= 2; i++) {
			if (!is_latin(a[i]) || !is_latin(b[i])) {
				off = 3;
			} else if (a[i] != b[i]) {
				off++;
				if (b[i] > 'Z' || !strchr(twinless, (int)b[i]))
					off = 3;
			}
		}
		rc = off >= 1 && off <= 2;
	}
	free(r);
	free(a);
	free(b);
	return rc;
}

/* Patronymic endings, Russian and Belarusian, in capitals. */
static const char *const patronymic_endings[] = {
	"ОВИЧ", "ЕВИЧ", "ЬЕВИЧ", "ЬИЧ", "ОВНА", "ЕВНА", "ЬЕВНА", "ИЧНА", "ИНИЧНА",
	"АВІЧ", "ЕВІЧ", "АЎНА", "ЕЎНА", "ІЧНА", "ІНІЧНА",
};
#define NENDINGS (sizeof patronymic_endings / sizeof *patronymic_endings)

int
patronymic_end(const char *s)
{
	size_t n = strlen(s), i, k;

	for (i = 0; i < NENDINGS; i++)
		if ((k = strlen(patronymic_endings[i])) <= n &&
		    strcmp(s + n - k, patronymic_endings[i]) == 0)
			return 1;
	return 0;
}

int
patronymic_shaped(const char *s)
{
	/* Romanised, the endings of both languages and both scripts: -ВИЧ,
	 * -ВІЧ, -ИЧ (-VICH, -ICH), -ВНА, -ЎНА (-VNA, -UNA), -ЧНА (-CHNA). */
	static const char *const ends[] = {"ICH", "VNA", "UNA", "CHNA"};
	char *r = translit_latin(s);
	size_t n = strlen(r), i, k;
	int rc = 0;

	for (i = 0; !rc && i < sizeof ends / sizeof *ends; i++)
		rc = (k = strlen(ends[i])) < n && strcmp(r + n - k, ends[i]) == 0;
	free(r);
	return rc;
}

char *
name_key(const char *s)
{
	char *r = translit_latin(s), *k = skeleton(r);

	free(r);
	return k;
}

int
patronymic_cut(const char *read, const char *full)
{
	uint32_t *a, *b;
	size_t na, nb, k;
	int oa, ob, rc = 0;

	if (!read || !full)
		return 0;
	a = match_form(read, &na, &oa);
	b = match_form(full, &nb, &ob);
	if (oa && ob && na >= 5 && na < nb && cps_equal(a, na, b, na)) {
		char *rest = encode_all(b + na, nb - na);
		size_t nr = strlen(rest);

		for (k = 0; !rc && k < NENDINGS; k++) {
			size_t ne = strlen(patronymic_endings[k]);

			rc = nr <= ne && strcmp(patronymic_endings[k] + ne - nr, rest) == 0;
		}
		free(rest);
	}
	free(a);
	free(b);
	return rc;
}

int
stray_c_before(const char *read, const char *mine)
{
	uint32_t c, *rest;
	size_t k, n;
	int o, rc;

	if (!read || !mine || !(k = utf8_decode(read, strlen(read), &c)) ||
	    !(c == 0x421 || c == 0x441 || c == 'C' || c == 'c') || strchr(read, ' '))
		return 0;
	rest = match_form(read + k, &n, &o);
	rc = n >= 5 && names_match(read + k, mine);
	free(rest);
	return rc;
}

/* The letters of s, nothing else, as one word. */
static char *
letters_only(const char *s)
{
	uint32_t *c;
	size_t n = decode_all(s, strlen(s), &c, NULL), i, o;
	char *out;

	for (i = o = 0; i < n; i++)
		if (is_letter(c[i]))
			c[o++] = c[i];
	out = encode_all(c, o);
	free(c);
	return out;
}

int
full_name_holds(const char *line, const char *surname, const char *given,
    const char *patronymic)
{
	char *whole, *a, *b, *ra, *rb, *at;
	size_t na, nb;
	int rc = 0;

	if (!line || !surname || !given || !*surname || !*given)
		return 0;
	whole = xasprintf("%s%s%s", surname, given, patronymic ? patronymic : "");
	a = letters_only(line);
	b = letters_only(whole);
	ra = translit_latin(a);
	rb = translit_latin(b);
	na = strlen(ra);
	nb = strlen(rb);
	if (nb >= 8 && (at = strstr(ra, rb)) != NULL)
		rc = (size_t)(at - ra) <= 2 && na - (size_t)(at - ra) - nb <= 2;
	free(whole);
	free(a);
	free(b);
	free(ra);
	free(rb);
	return rc;
}
