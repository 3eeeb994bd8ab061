/*
 * The Roman numeral of a certificate's series read from its ink.
 *
 * Tesseract reads the numeral of a series such as "II-ЧЦ № 226722" a
 * stroke off: two bars of a condensed sans face as one (I-ЧЦ), three as
 * "11" or Ш, VIII as "МИ", VII as ХІІ (eval seeds 100041-100042, clean
 * scans all).  The glyphs of a Roman numeral are simple enough to read
 * from their shapes: each is one blob of ink, I a narrow bar, V two arms
 * that meet at the foot, X two arms that cross in the middle and part
 * again.  This file finds the blobs left of the series' hyphen and
 * names each by the number of strokes a row across it cuts at a fifth,
 * half and most of its height; anything else (a blob of another height,
 * two glyphs run together, a seal's line across them) makes it unsure,
 * and then it says nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "intake.h"
#include "ocr.h"

/* Glyphs of a numeral: at most this many before the hyphen. */
#define NUMERAL_MAX 4

struct blob {
	l_int32 x, y, w, h;
	PIX *pix;
};

static int
by_x(const void *a, const void *b)
{
	const struct blob *p = a, *q = b;

	return (p->x > q->x) - (p->x < q->x);
}

/* Strokes row y of 1-bpp pix cuts: runs of ink at least min_run long. */
static int
runs_at(PIX *pix, int y, int min_run)
{
	l_int32 w = pixGetWidth(pix), x, len = 0, runs = 0;
	l_uint32 v;

	for (x = 0; x <= w; x++) {
		v = 0;
		if (x < w)
			pixGetPixel(pix, x, y, &v);
		if (v) {
			len++;
		} else {
			runs += len >= min_run;
			len = 0;
		}
	}
	return runs;
}

/* The same runs over three rows around y: the count two of them agree
 * on, -1 when all three differ (a ragged edge). */
static int
runs_near(PIX *pix, int y, int min_run)
{
	int h = pixGetHeight(pix), a, b, c;

	a = runs_at(pix, y > 0 ? y - 1 : y, min_run);
	b = runs_at(pix, y, min_run);
	c = runs_at(pix, y + 1 < h ? y + 1 : y, min_run);
	return a == b || a == c ? a : b == c ? b : -1;
}

/* Horizontal extent of the ink in row y, in pixels. */
static int
ink_span(PIX *pix, int y)
{
	l_int32 w = pixGetWidth(pix), x, first = -1, last = -1;
	l_uint32 v;

	for (x = 0; x < w; x++) {
		v = 0;
		pixGetPixel(pix, x, y, &v);
		if (v) {
			if (first < 0)
				first = x;
			last = x;
		}
	}
	return first < 0 ? 0 : last - first + 1;
}

/* 'I', 'V', 'X' for the glyph in b, 0 when it is none of them. */
static char
glyph(const struct blob *b)
{
	int min_run = b->h >= 30 ? 2 : 1;
	int top = runs_near(b->pix, b->h / 5, min_run);
	int mid = runs_near(b->pix, b->h / 2, min_run);
	int foot = runs_near(b->pix, b->h * 17 / 20, min_run);

	if (b->w * 2 <= b->h)
		return top == 1 && mid == 1 && foot == 1 ? 'I' : 0;
	/* A serif face's I: a narrow stem between wide serifs at the head
	 * and the foot (a Т has none at its foot). */
	if (top == 1 && mid == 1 && foot == 1)
		return ink_span(b->pix, b->h / 2) * 2 <= b->w &&
		    ink_span(b->pix, b->h / 20) * 10 >= b->w * 6 &&
		    ink_span(b->pix, b->h * 19 / 20) * 10 >= b->w * 6 ? 'I' : 0;
	if (b->w * 20 < b->h * 11)
		return 0;
	/* V: arms that near meet at the foot (a serif face's a pixel apart;
	 * a heavy face's run together by half height at a small size) */
	if (top == 2 && (mid == 1 || mid == 2) &&
	    ink_span(b->pix, b->h * 17 / 20) * 2 <= b->w)
		return 'V';
	if (top == 2 && mid == 1 && foot == 2 &&
	    ink_span(b->pix, b->h * 17 / 20) * 2 > b->w)
		return 'X';
	return 0;
}

/* Is cp a capital letter a series can hold, Latin or Cyrillic? */
static int
series_capital(uint32_t cp)
{
	return (cp >= 'A' && cp <= 'Z') || (cp >= 0x410 && cp <= 0x42F) ||
	    cp == 0x401 || cp == 0x406 || cp == 0x40E;
}

int
ocr_series_shape(const char *s)
{
	size_t n = strlen(s), i = 0, k, m;
	int before = 0, after = 0;
	uint32_t cp = 0;

	while (i < n && s[i] != '-') {
		k = utf8_decode(s + i, n - i, &cp);
		if (k == 0 || cp == ' ' || ++before > NUMERAL_MAX + 1)
			return -1;
		i += k;
	}
	if (before == 0 || i == n)
		return -1;
	for (m = i + 1; m < n; m += k) {
		k = utf8_decode(s + m, n - m, &cp);
		if (k == 0 || !series_capital(cp))
			return -1;
		after++;
	}
	return after >= 2 && after <= 4 ? (int)i : -1;
}

/* Is s a Roman numeral as written (I to XXXIX)? */
int
ocr_roman_valid(const char *s)
{
	static const char *const units[] = {
		"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
	};
	size_t tens = 0, i;

	while (s[tens] == 'X' && tens < 3)
		tens++;
	for (i = 0; i < sizeof units / sizeof units[0]; i++)
		if (strcmp(s + tens, units[i]) == 0)
			return tens + i > 0;
	return 0;
}

int
ocr_ink_numeral(PIX *grey, const int *b, char *out, size_t outsz)
{
	BOX *box = boxCreate(b[0], b[1], b[2] - b[0], b[3] - b[1]);
	PIX *crop = box ? pixClipRectangle(grey, box, NULL) : NULL;
	PIX *g8 = crop ? pixConvertTo8(crop, 0) : NULL, *bin = NULL;
	NUMA *hist = g8 ? pixGetGrayHistogram(g8, 1) : NULL;
	PIXA *pixa = NULL;
	BOXA *boxa = NULL;
	struct blob *bl = NULL;
	l_int32 split = 0, n = 0, i, k, maxh = 0, hyphen = -1, H = 0, top = 0, last = 0;
	char s[NUMERAL_MAX + 1];
	int ok = 0;

	if (hist && numaSplitDistribution(hist, 0.1, &split, NULL, NULL, NULL, NULL,
	    NULL) == 0)
		bin = pixThresholdToBinary(g8, split + 1);
	if (bin)
		boxa = pixConnComp(bin, &pixa, 8);
	if (boxa)
		n = boxaGetCount(boxa);
	if (n < 2 || n > 40 || !(bl = calloc((size_t)n, sizeof *bl)))
		goto done;
	for (i = 0; i < n; i++) {
		boxaGetBoxGeometry(boxa, i, &bl[i].x, &bl[i].y, &bl[i].w, &bl[i].h);
		bl[i].pix = pixaGetPix(pixa, i, L_CLONE);
		if (bl[i].h > maxh)
			maxh = bl[i].h;
	}
	qsort(bl, (size_t)n, sizeof *bl, by_x);
	/* Glyphs from the left up to the hyphen: specks (a dot of dust,
	 * a fax's noise) are passed over. */
	for (i = 0, k = 0; i < n; i++) {
		struct blob *p = &bl[i];

		if (p->w * p->h * 100 < maxh * maxh)
			continue;
		if (k > 0 && p->h * 10 <= H * 3 && p->w * 5 >= p->h * 6) {
			int mid = p->y + p->h / 2;

			if (mid >= top + H * 3 / 10 && mid <= top + H * 3 / 4)
				hyphen = i;
			break;
		}
		if (k == NUMERAL_MAX)
			break;
		if (k == 0) {
			H = p->h;
			top = p->y;
		} else if (p->h * 20 < H * 17 || p->h * 17 > H * 20 ||
		    abs(p->y - top) * 10 > H || p->x < bl[last].x + bl[last].w) {
			break;  /* not a glyph of the same line, or overlapping */
		}
		s[k] = glyph(p);
		if (!s[k])
			break;
		last = i;
		k++;
	}
	if (hyphen < 0 || k == 0 || H * 2 < maxh)
		goto done;
	s[k] = '\0';
	if (ocr_roman_valid(s) && strlen(s) < outsz) {
		memcpy(out, s, strlen(s) + 1);
		ok = 1;
	}
done:
	for (i = 0; bl && i < n; i++)
		pixDestroy(&bl[i].pix);
	free(bl);
	boxaDestroy(&boxa);
	pixaDestroy(&pixa);
	pixDestroy(&bin);
	numaDestroy(&hist);
	pixDestroy(&g8);
	pixDestroy(&crop);
	boxDestroy(&box);
	return ok;
}
