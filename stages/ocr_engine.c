/*
 * ocr_engine.c - from a decoded page to lines and words: grey conversion,
 * resolution, orientation, deskew (Leptonica), then Tesseract under a
 * deadline.
 *
 * Orientation costs next to nothing on the common page: Leptonica's skew
 * score of the page and of the page turned by 90 degrees says which way
 * the text lines run (a hundredth of a reading); a page with lines across
 * is read upright, and only a poor reading looks further (a band of text
 * read upside down, then OSD).  Sideways pages compare a band read each
 * way; pages with too little text for the line test go to Tesseract OSD.
 *
 * Deliberately not here: binarisation for recognition (Tesseract's own
 * Otsu does better on our grey image than a fixed threshold would),
 * denoising (it eats thin Cyrillic strokes such as those of Ш and Ц), and
 * any judgement about what the text means.
 */
#include "ocr.h"

#include <dlfcn.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <tesseract/capi.h>
#include <time.h>

/* OSD's orientation confidence above which we rotate without a second
 * opinion; Tesseract itself uses 7 (min_orientation_margin) in
 * PSM_AUTO_OSD. */
#define OSD_TRUST 7.0f
/* A first reading this good is not second-guessed. */
#define CONF_GOOD 80.0
/* A reading of fewer words found next to nothing: see read_even_if_near_blank(). */
#define NEAR_BLANK_WORDS 10
/* A band of text read with this mean confidence reads the right way. */
#define BAND_CLEAR 72.0
/* A reading this poor, upright and upside down, asks OSD as well; when
 * OSD is unsure too, the page is read upside down and the better reading
 * kept.  Of the 109 pages of eval seeds 100044-100052 read under 70, 50
 * were read the wrong way up at 50 (passports, receipts, a police
 * certificate); at 65, and with read_even_if_near_blank() for each way
 * tried, 3 (two upright receipts now read turned). */
#define CONF_POOR 65.0
/* Text lines show in the row profile of a page as a large differential
 * square sum (Leptonica's skew score); a page whose score turned 90
 * degrees beats its upright score by this factor lies sideways, one whose
 * upright score wins by SIDEWAYS_NOT lies horizontally; in between, the
 * signal is too weak (little text, tables, photos) and OSD decides.  On 167
 * generated pages every sideways one scored below 0.93 and every other
 * one above 0.94; the gap left open catches the weak ones. */
#define SIDEWAYS_YES 0.6
#define SIDEWAYS_NOT 1.2
/* A band read turned by 180 degrees must beat a poor upright reading by
 * this much before the whole page is read upside down. */
#define FLIP_MARGIN 10.0
/* Skew angles are searched within +-7 degrees; below MIN not worth the
 * resampling, below CONF Leptonica's own pixDeskew would not rotate. */
#define SKEW_MIN_DEG 0.1f
#define SKEW_MIN_CONF 3.0f
/* The grey pixBackgroundNormSimple() gives a page's background. */
#define EVEN_BACKGROUND 200
/* Smaller pages hold no text (and make Tesseract complain). */
#define MIN_SIDE 16

struct ocr_engine {
	TessBaseAPI *api;
	TessBaseAPI *osd;
	TessBaseAPI *latin;     /* eng alone, for Latin pages; made when needed */
	int latin_tried;        /* 1 once making it was tried (or not allowed) */
	TessBaseAPI *bel;       /* bel alone, for Belarusian names; made when needed */
	int bel_tried;
};

void
ocr_single_thread(void)
{
	union {
		void *obj;
		void (*fn)(int);
	} set_levels;

	if (getenv("OMP_THREAD_LIMIT"))
		return;
	setenv("OMP_THREAD_LIMIT", "1", 1);
	/* libgomp read its environment when it was loaded, before main, so
	 * the variable above only reaches programs we start.  With no active
	 * parallel levels every `omp parallel` in Tesseract runs on the
	 * calling thread; looked up at run time so that we need not link
	 * libgomp ourselves. */
	set_levels.obj = dlsym(RTLD_DEFAULT, "omp_set_max_active_levels");
	if (set_levels.obj)
		set_levels.fn(0);
}

static TessBaseAPI *
tess_new(const char *langs)
{
	TessBaseAPI *api = TessBaseAPICreate();

	/* Tesseract's tprintf chatter (resolution guesses, "Empty page!!")
	 * goes to the debug file; it never carries recognised text, but
	 * stderr is ours alone. */
	TessBaseAPISetVariable(api, "debug_file", "/dev/null");
	if (TessBaseAPIInit3(api, NULL, langs) != 0) {
		TessBaseAPIDelete(api);
		return NULL;
	}
	return api;
}

/* Is lang one of the '+'-separated languages of langs? */
static int
lang_listed(const char *langs, const char *lang)
{
	size_t n = strlen(lang);
	const char *p;

	for (p = langs; (p = strstr(p, lang)) != NULL; p += n)
		if ((p == langs || p[-1] == '+') && (p[n] == '\0' || p[n] == '+'))
			return 1;
	return 0;
}

struct ocr_engine *
ocr_engine_new(const char *langs, char **why)
{
	struct ocr_engine *e = xcalloc(1, sizeof *e);

	*why = NULL;
	ocr_single_thread();
	ocr_quiet_libraries();
	e->api = tess_new(langs);
	if (!e->api) {
		*why = xasprintf("cannot load Tesseract language data '%s' "
		    "(is the tesseract-ocr language package installed?)", langs);
		free(e);
		return NULL;
	}
	TessBaseAPISetPageSegMode(e->api, PSM_AUTO);
	/* Latin pages are read again in English only when English is one of
	 * the languages asked for. */
	e->latin_tried = !lang_listed(langs, "eng");
	e->bel_tried = !lang_listed(langs, "bel");
	/* Without OSD we still fix upside-down pages by comparing
	 * confidences, so its absence is survivable. */
	e->osd = tess_new("osd");
	if (e->osd)
		TessBaseAPISetPageSegMode(e->osd, PSM_OSD_ONLY);
	else
		warnx_(NULL, "Tesseract OSD data (osd.traineddata) not found: "
		    "sideways pages will not be turned");
	return e;
}

void
ocr_engine_free(struct ocr_engine *e)
{
	if (!e)
		return;
	TessBaseAPIEnd(e->api);
	TessBaseAPIDelete(e->api);
	if (e->osd) {
		TessBaseAPIEnd(e->osd);
		TessBaseAPIDelete(e->osd);
	}
	if (e->latin) {
		TessBaseAPIEnd(e->latin);
		TessBaseAPIDelete(e->latin);
	}
	if (e->bel) {
		TessBaseAPIEnd(e->bel);
		TessBaseAPIDelete(e->bel);
	}
	free(e);
}

int
ocr_plausible_dpi(int dpi, int w, int h)
{
	int longest = w > h ? w : h;

	/* 72 and 96 are what cameras and screenshots write when nobody
	 * knows; a page longer than 20 inches is a wrong claim, not a
	 * document. */
	if (dpi < 100 || dpi > 1200 || (double)longest / dpi > 20.0)
		return 300;
	return dpi;
}

void
ocr_page_error(xmlNodePtr page, const char *reason)
{
	xml_set(page, "status", "error");
	xml_set(page, "reason", reason);
}

/* CPU time of this process, for the debug timings: unlike the clock it
 * does not count what other processes take from us. */
static double
cpu_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* A global threshold after background normalisation: good enough for
 * OSD, skew and the blank test, which only need the strokes. */
static PIX *
binarise(PIX *grey)
{
	PIX *b = NULL;

	if (pixGetWidth(grey) >= 64 && pixGetHeight(grey) >= 64)
		b = pixOtsuThreshOnBackgroundNorm(grey, NULL, 10, 15, 100, 50, 255,
		    2, 2, 0.1f, NULL);
	if (!b)
		b = pixThresholdToBinary(grey, 128);
	return b;
}

/*
 * Tesseract OSD on a copy of about 150 dpi (4x fewer pixels; glyphs keep
 * enough size for the classifier).  Returns the clockwise correction in
 * degrees and sets *conf, or -1 when OSD has no opinion.
 */
static int
detect_orientation(struct ocr_engine *e, PIX *bin, int dpi, float *conf)
{
	PIX *small = NULL;
	int deg = 0, rc, sdpi = dpi;
	float sconf = 0;

	*conf = 0;
	if (!e->osd)
		return -1;
	if (dpi >= 250) {
		small = pixReduceRankBinaryCascade(bin, 1, 0, 0, 0);
		sdpi = dpi / 2;
	}
	TessBaseAPISetImage2(e->osd, small ? small : bin);
	TessBaseAPISetSourceResolution(e->osd, sdpi);
	rc = TessBaseAPIDetectOrientationScript(e->osd, &deg, conf, NULL, &sconf);
	TessBaseAPIClear(e->osd);
	pixDestroy(&small);
	if (!rc || deg % 90 != 0)
		return -1;
	/* OSD says how far the page is turned clockwise (a scan fed in
	 * sideways, its top to the right, gives 90); turning it on to 360
	 * undoes that. */
	return (360 - deg) % 360;
}

struct reading {
	xmlNodePtr lines;  /* detached holder of <line> elements */
	int words;
	double conf;       /* mean word confidence */
	double conf_sum;   /* of the words' confidences */
	int rotate;
	double skew;
	PIX *image;        /* what was recognised */
	int failed;        /* 1 timed out, 2 other failure */
};

static void
reading_free(struct reading *r)
{
	if (r->lines)
		xmlFreeNode(r->lines);
	pixDestroy(&r->image);
	memset(r, 0, sizeof *r);
}

static double
clamp_conf(float c)
{
	return c < 0 ? 0 : c > 100 ? 100 : c;
}

/*
 * A band of a few text lines where the page has the most ink, taken from
 * grey with bin's row profile: enough text for Tesseract to tell whether
 * it reads the right way up, small enough to read in a tenth of the time
 * of the page.  NULL when the page is too small to be worth it.
 */
static PIX *
text_band(PIX *grey, PIX *bin, int dpi)
{
	int w = pixGetWidth(bin), h = pixGetHeight(bin), y, best = 0, end, k;
	int bh = dpi / 2;               /* about three lines of body text */
	l_float32 *rows;
	NUMA *na;
	double sum = 0, top = -1;
	BOX *box;
	PIX *band;

	if (h < 4 * bh || !(na = pixCountPixelsByRow(bin, NULL)))
		return NULL;
	rows = numaGetFArray(na, L_NOCOPY);
	for (y = 0; y < h; y++) {
		sum += rows[y];
		if (y >= bh)
			sum -= rows[y - bh];
		/* Nearly solid ink is a picture, a border or a stamp. */
		if (y >= bh - 1 && sum > top && sum < 0.25 * (double)w * bh) {
			top = sum;
			best = y - bh + 1;
		}
	}
	if (top <= 0) {
		numaDestroy(&na);
		return NULL;
	}
	/* Move both edges out to the nearest gap between lines: a line cut
	 * in half reads as garbage, slowly. */
	end = best + bh;
	for (k = 0; k < bh / 2 && best > 0 && rows[best] > w / 100; k++)
		best--;
	for (k = 0; k < bh / 2 && end < h - 1 && rows[end] > w / 100; k++)
		end++;
	numaDestroy(&na);
	/* The middle three fifths of the width: lines are long enough,
	 * margins and their stamps stay out. */
	box = boxCreate(w / 5, best, w * 3 / 5, end - best);
	band = pixClipRectangle(grey, box, NULL);
	boxDestroy(&box);
	return band;
}

/*
 * Mean word confidence of Tesseract reading band as it is, or -1 when it
 * finds fewer than min_words words.
 */
static double
band_confidence(struct ocr_engine *e, PIX *band, int dpi, int min_words)
{
	TessResultIterator *ri;
	double sum = 0;
	int n = 0;

	TessBaseAPISetPageSegMode(e->api, PSM_SINGLE_BLOCK);
	TessBaseAPISetImage2(e->api, band);
	TessBaseAPISetSourceResolution(e->api, dpi);
	if (TessBaseAPIRecognize(e->api, NULL) == 0 &&
	    (ri = TessBaseAPIGetIterator(e->api))) {
		do {
			char *t = TessResultIteratorGetUTF8Text(ri, RIL_WORD);

			if (t && *t) {
				sum += clamp_conf(TessResultIteratorConfidence(ri, RIL_WORD));
				n++;
			}
			TessDeleteText(t);
		} while (TessResultIteratorNext(ri, RIL_WORD));
		TessResultIteratorDelete(ri);
	}
	TessBaseAPIClear(e->api);
	TessBaseAPISetPageSegMode(e->api, PSM_AUTO);
	return n >= min_words ? sum / n : -1;
}

/*
 * Mean confidence of the text band of the page turned by rotate degrees
 * (see band_confidence), or -1 when there is no band or too few words.
 */
static double
turned_band_confidence(struct ocr_engine *e, PIX *grey, PIX *bin, int dpi, int rotate)
{
	PIX *g = rotate ? pixRotateOrth(grey, rotate / 90) : pixClone(grey);
	PIX *b = rotate ? pixRotateOrth(bin, rotate / 90) : pixClone(bin);
	PIX *band = g && b ? text_band(g, b, dpi) : NULL;
	double c = -1, c0 = cpu_ms();

	if (band)
		c = band_confidence(e, band, dpi, 5);
	if (ocr_debugging())
		fprintf(stderr, "%s: band test at %d: %s%.1f, cpu %.2f s\n", progname,
		    rotate, band ? "confidence " : "no band ", c, (cpu_ms() - c0) / 1e3);
	pixDestroy(&band);
	pixDestroy(&g);
	pixDestroy(&b);
	return c;
}

/*
 * Which way the text lines run, from Leptonica's skew score (the
 * differential square sum of the row profile, maximised over small skew
 * angles) of the page as it is and turned by 90 degrees, each normalised
 * by width^2 x height as the score grows.  1 sideways, 0 horizontal, -1
 * unsure.  About a hundredth of a page's reading time.
 */
static int
lines_sideways(PIX *bin, double *ratio)
{
	l_float32 a, c, s0 = 0, s90 = 0;
	PIX *turned;
	double w = pixGetWidth(bin), h = pixGetHeight(bin), n0, n90;

	*ratio = 0;
	if (w < 200 || h < 200)
		return -1;
	if (pixFindSkewSweepAndSearchScore(bin, &a, &c, &s0, 4, 2, 0.0f, 5.0f,
	    1.0f, 0.1f) != 0)
		return -1;
	turned = pixRotateOrth(bin, 1);
	if (!turned || pixFindSkewSweepAndSearchScore(turned, &a, &c, &s90, 4, 2,
	    0.0f, 5.0f, 1.0f, 0.1f) != 0) {
		pixDestroy(&turned);
		return -1;
	}
	pixDestroy(&turned);
	n0 = s0 / (w * w * h);
	n90 = s90 / (h * h * w);
	if (n0 <= 0 && n90 <= 0)
		return -1;
	*ratio = n90 > 0 ? n0 / n90 : 1e9;
	return *ratio < SIDEWAYS_YES ? 1 : *ratio >= SIDEWAYS_NOT ? 0 : -1;
}

static void
set_box(xmlNodePtr n, const TessPageIterator *pi, TessPageIteratorLevel level)
{
	int x0, y0, x1, y1;

	if (TessPageIteratorBoundingBox(pi, level, &x0, &y0, &x1, &y1))
		xml_setf(n, "b", "%d %d %d %d", x0, y0, x1, y1);
}

/* Copy Tesseract's result into r->lines. */
static void
collect(TessBaseAPI *api, struct reading *r)
{
	TessResultIterator *ri = TessBaseAPIGetIterator(api);
	TessPageIterator *pi;
	xmlNodePtr line = NULL, n;
	double sum = 0;
	int line_starts = 1;

	r->lines = xmlNewNode(NULL, BAD_CAST "lines");
	if (!ri)
		return;
	pi = TessResultIteratorGetPageIterator(ri);
	do {
		char *raw, *text;
		double c;

		/* Noted before blank words are skipped: a line may well
		 * begin with one. */
		if (TessPageIteratorIsAtBeginningOf(pi, RIL_TEXTLINE))
			line_starts = 1;
		raw = TessResultIteratorGetUTF8Text(ri, RIL_WORD);
		if (!raw)
			continue;
		/* A word is one line of text; text_clean keeps newlines. */
		for (text = raw; *text; text++)
			if (*text == '\n')
				*text = ' ';
		text = text_clean(raw, strlen(raw));
		TessDeleteText(raw);
		if (!*text) {
			free(text);
			continue;
		}
		if (!line || line_starts) {
			line_starts = 0;
			line = xmlNewChild(r->lines, NULL, BAD_CAST "line", NULL);
			set_box(line, pi, RIL_TEXTLINE);
			xml_setf(line, "c", "%.1f",
			    clamp_conf(TessResultIteratorConfidence(ri, RIL_TEXTLINE)));
		}
		n = xml_text_child(line, "w", text);
		free(text);
		set_box(n, pi, RIL_WORD);
		c = clamp_conf(TessResultIteratorConfidence(ri, RIL_WORD));
		xml_setf(n, "c", "%.1f", c);
		sum += c;
		r->words++;
	} while (TessResultIteratorNext(ri, RIL_WORD));
	TessResultIteratorDelete(ri);
	r->conf_sum = sum;
	r->conf = r->words ? sum / r->words : 0;
}

/*
 * Turn grey by rotate degrees clockwise, straighten it, and recognise it
 * within budget_ms.  bin is grey's binarised twin, used for the skew.
 */
static void
read_as(struct ocr_engine *e, PIX *grey, PIX *bin, int dpi, int rotate,
    double budget_ms, struct reading *r)
{
	PIX *turned, *tbin;
	l_float32 angle = 0, conf = 0;
	ETEXT_DESC *monitor;
	double start;
	int rc;

	memset(r, 0, sizeof *r);
	r->rotate = rotate;
	turned = rotate ? pixRotateOrth(grey, rotate / 90) : pixClone(grey);
	tbin = rotate ? pixRotateOrth(bin, rotate / 90) : pixClone(bin);
	if (tbin && pixFindSkew(tbin, &angle, &conf) == 0 &&
	    conf >= SKEW_MIN_CONF && (angle >= SKEW_MIN_DEG || angle <= -SKEW_MIN_DEG)) {
		/* Embedding in a larger canvas (w, h given) keeps the corners
		 * that a same-size rotation would cut off. */
		PIX *straight = pixRotate(turned, angle * (l_float32)(M_PI / 180),
		    L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, pixGetWidth(turned),
		    pixGetHeight(turned));

		if (straight) {
			pixDestroy(&turned);
			turned = straight;
			r->skew = angle;
		}
	}
	pixDestroy(&tbin);
	r->image = turned;
	if (!turned) {
		r->failed = 2;
		return;
	}
	TessBaseAPISetImage2(e->api, turned);
	TessBaseAPISetSourceResolution(e->api, dpi);
	monitor = TessMonitorCreate();
	TessMonitorSetDeadlineMSecs(monitor, budget_ms < 1 ? 1 : (int)budget_ms);
	start = mono_ms();
	rc = TessBaseAPIRecognize(e->api, monitor);
	TessMonitorDelete(monitor);
	if (rc != 0)
		/* Tesseract says only "-1"; running out of time is the one
		 * cause we can tell apart. */
		r->failed = mono_ms() - start >= budget_ms - 10 ? 1 : 2;
	else
		collect(e->api, r);
	TessBaseAPIClear(e->api);
}

/* Second readings, row by row.  A row of ink the first reading has no
 * word for (lost) or a line it read with a line confidence under
 * REREAD_WEAK (weak) is read again on its own, from the page with its
 * ruled lines erased.  Lost ink counts as a row when it is this tall (in
 * inches: small print to two lines run together) and at least this wide;
 * a second reading replaces the first when its mean word confidence (a
 * word mixing scripts, or letters and digits, counting half) is at least
 * REREAD_MIN_CONF and better than the first's by REREAD_BETTER (a line
 * read apart is read with more confidence, not always more rightly:
 * VASILII at 76 became VASILIT at 85); a reading of lost ink must hold a
 * word of three letters or digits.  A row of lost ink beside lines that
 * were read (a value beside its label, "Имя" read and "АННА" lost) is
 * taken when it has more words, reads that ink as a real word of at
 * least REREAD_MIN_CONF (or as a word of two letters of REREAD_WEAK) and
 * is not worse by REREAD_BETTER (asking only for more words let a
 * margin's ornament in on eval seed 100007).  At most
 * REREAD_MAX rows a page. */
#define REREAD_MIN_H 0.045
#define REREAD_MAX_H 0.6
/* ... and at most this many times the page's median line height. */
#define REREAD_TALL 1.8
#define REREAD_MIN_W 0.15
#define REREAD_WEAK 85.0
#define REREAD_MIN_CONF 60.0
#define REREAD_BETTER 10.0
#define REREAD_MAX 16

/* The box of a line or word element, 0 when it has none. */
static int
node_box(xmlNodePtr n, int b[4])
{
	xmlChar *v = xmlGetProp(n, BAD_CAST "b");
	int ok = v && sscanf((const char *)v, "%d %d %d %d", &b[0], &b[1], &b[2], &b[3]) == 4;

	xmlFree(v);
	return ok;
}

static double
node_conf(xmlNodePtr n)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST "c");
	double c = v ? strtod((const char *)v, NULL) : 0;

	xmlFree(v);
	return c;
}

/*
 * Ruled lines of bin: runs of ink a quarter of an inch long, where they
 * are thinner than a fortieth of an inch (the run of a rule beside a
 * letter standing on it stays, the letter's stem does not), and dashed
 * rules: thin pieces a little apart that join into such a run.  Letters
 * are not joined first: the tops of a word run together into a "rule".
 */
static PIX *
rules_of(PIX *bin, int dpi)
{
	int thin = dpi / 40 + 1;
	PIX *rules = pixOpenCompBrick(NULL, bin, dpi / 4, 1);
	PIX *tall = pixOpenBrick(NULL, bin, 1, thin + 1);
	PIX *pieces = pixSelectBySize(bin, 0, thin, 8, L_SELECT_HEIGHT,
	    L_SELECT_IF_LTE, NULL);

	if (rules && tall) {
		pixDilateBrick(tall, tall, 3, 3);
		pixSubtract(rules, rules, tall);
	}
	if (rules && pieces) {
		PIX *dashed = pixCloseSafeBrick(NULL, pieces, dpi / 30 + 1, 1);

		if (dashed) {
			pixOpenCompBrick(dashed, dashed, dpi / 4, 1);
			pixAnd(dashed, dashed, pieces);
			pixOr(rules, rules, dashed);
		}
		pixDestroy(&dashed);
	}
	pixDestroy(&tall);
	pixDestroy(&pieces);
	return rules;
}

/*
 * The ruled lines of grey, at half its resolution: looked for in a
 * threshold just below the paper, since thin grey lines vanish in an
 * ordinary one.  NULL when there are none or the page is too dark to say.
 */
static PIX *
half_rules(PIX *half, int hdpi)
{
	l_uint32 paper = 255;
	PIX *ink, *rules;
	l_int32 empty = 0;

	if (pixGetRankValue(half, 2, 0.5f, &paper) != 0 || paper < 64)
		return NULL;
	/* Halving averages a one-pixel rule with the paper beside it, so
	 * half the contrast of the full page's threshold. */
	if (!(ink = pixThresholdToBinary(half, (int)paper - 12)))
		return NULL;
	rules = rules_of(ink, hdpi);
	pixDestroy(&ink);
	if (rules && (pixZero(rules, &empty), empty)) {
		pixDestroy(&rules);
		return NULL;
	}
	return rules;
}

/*
 * grey with the ruled lines found at half resolution painted
 * paper-white.  Tesseract takes a rule under a filled-in value for part
 * of the line (a name over a thin grey rule came out "ее С", a dash of a
 * dashed rule as a leading "С").  Where a letter stands on the rule the
 * rule is kept under it: erased, it would take the letter's foot along
 * (a 5 became a 2, КОЗЛОВ became KO3 NOB).
 */
static PIX *
without_rules(PIX *grey, PIX *rules)
{
	l_uint32 paper = 255;
	PIX *mask = NULL, *ink = NULL, *feet = NULL, *clean = NULL;

	if (!rules || pixGetRankValue(grey, 4, 0.5f, &paper) != 0)
		return pixClone(grey);
	mask = pixExpandBinaryReplicate(rules, 2, 2);
	ink = pixThresholdToBinary(grey, (int)paper > 25 ? (int)paper - 25 : 1);
	if (mask && ink) {
		pixDilateBrick(mask, mask, 1, 3);
		/* Ink just above or below the rule that is not rule: the feet
		 * of letters standing on it; keep the rule a little either
		 * side of each and down through it. */
		feet = pixDilateBrick(NULL, mask, 1, 5);
		if (feet) {
			pixAnd(feet, feet, ink);
			pixSubtract(feet, feet, mask);
			pixDilateBrick(feet, feet, 5, 21);
			pixSubtract(mask, mask, feet);
		}
		clean = pixCopy(NULL, grey);
		if (clean)
			pixSetMasked(clean, mask, 255);
	}
	pixDestroy(&mask);
	pixDestroy(&ink);
	pixDestroy(&feet);
	return clean ? clean : pixClone(grey);
}

/* Add box to rows, merged into the row it shares more than a third of
 * the smaller height with (a typed-in value often sits a little above or
 * below its label's line); with only_extend, a box that shares no row is
 * left out. */
static void
add_to_rows(BOXA *rows, l_int32 x, l_int32 y, l_int32 w, l_int32 h, int only_extend)
{
	int j;

	for (j = 0; j < boxaGetCount(rows); j++) {
		l_int32 rx, ry, rw, rh, top, bot, small;

		boxaGetBoxGeometry(rows, j, &rx, &ry, &rw, &rh);
		top = y > ry ? y : ry;
		bot = y + h < ry + rh ? y + h : ry + rh;
		small = h < rh ? h : rh;
		if (3 * (bot - top) > small) {
			l_int32 x0 = x < rx ? x : rx, y0 = y < ry ? y : ry;
			l_int32 x1 = x + w > rx + rw ? x + w : rx + rw;
			l_int32 y1 = y + h > ry + rh ? y + h : ry + rh;

			boxaReplaceBox(rows, j, boxCreate(x0, y0, x1 - x0, y1 - y0));
			return;
		}
	}
	if (!only_extend)
		boxaAddBox(rows, boxCreate(x, y, w, h), L_INSERT);
}

/*
 * The rows worth a second reading, in full-page pixels: the ink that no
 * word covers, with ruled lines and specks taken out and the letters of a
 * line run together (found at half resolution, bin and rules), and the
 * weak lines.  Ink and lines that share a row are one row, so that a
 * form's label and its value far to the right are read as one line.
 */
static BOXA *
reread_rows(struct reading *r, PIX *bin, PIX *rules, int dpi, BOXA **lost)
{
	PIX *stand, *joined;
	BOXA *comps, *rows = boxaCreate(0);
	NUMA *heights = numaCreate(0);
	xmlNodePtr l, w;
	int i, b[4], hdpi = dpi / 2, tallest = REREAD_MAX_H * dpi;
	/* A "line" narrower than a row can be is a speck (of a frame's
	 * ornament, read "Ze" at 35, eval seed 100056): it takes no part in
	 * rows, or a lost line beside it grew too tall to be read. */
	int narrow = REREAD_MIN_W * dpi;
	l_float32 median = 0;

	/* A row much taller than the page's usual line has a stamp or a
	 * signature through it: a second reading gains nothing there. */
	for (l = r->lines->children; l; l = l->next)
		if (node_box(l, b))
			numaAddNumber(heights, b[3] - b[1]);
	if (numaGetCount(heights) >= 3 && numaGetMedian(heights, &median) == 0 &&
	    median * REREAD_TALL < tallest)
		tallest = median * REREAD_TALL;
	numaDestroy(&heights);
	for (l = r->lines->children; l; l = l->next) {
		for (w = l->children; w; w = w->next)
			if (w->type == XML_ELEMENT_NODE && node_box(w, b)) {
				BOX *box = boxCreate(b[0] / 2 - 2, b[1] / 2 - 2,
				    (b[2] - b[0]) / 2 + 5, (b[3] - b[1]) / 2 + 5);

				pixClearInRect(bin, box);
				boxDestroy(&box);
			}
		if (node_conf(l) < REREAD_WEAK && node_box(l, b) &&
		    b[3] - b[1] <= tallest && b[2] - b[0] >= narrow)
			add_to_rows(rows, b[0], b[1], b[2] - b[0], b[3] - b[1], 0);
	}
	if (rules) {
		PIX *fat = pixDilateBrick(NULL, rules, 3, 5);

		if (fat)
			pixSubtract(bin, bin, fat);
		pixDestroy(&fat);
	}
	/* Table borders and frames: rules standing up. */
	if ((stand = pixOpenCompBrick(NULL, bin, 1, hdpi / 6))) {
		pixDilateBrick(stand, stand, 5, 3);
		pixSubtract(bin, bin, stand);
		pixDestroy(&stand);
	}
	joined = pixCloseSafeCompBrick(NULL, bin, hdpi / 8, 1);
	comps = joined ? pixConnCompBB(joined, 8) : NULL;
	pixDestroy(&joined);
	for (i = 0; comps && i < boxaGetCount(comps); i++) {
		l_int32 x, y, bw, bh;

		boxaGetBoxGeometry(comps, i, &x, &y, &bw, &bh);
		/* A piece much taller than wide is no line of text but a dash
		 * of a frame's side: a certificate's dashed border made 16
		 * rows of its left and right dashes on eval seed 100043, and
		 * the series line under them was past REREAD_MAX. */
		if (bh >= REREAD_MIN_H * hdpi && bh <= REREAD_MAX_H * hdpi && bw >= 2 &&
		    bw * 2 >= bh) {
			add_to_rows(rows, 2 * x, 2 * y, 2 * bw, 2 * bh, 0);
			boxaAddBox(*lost, boxCreate(2 * x, 2 * y, 2 * bw, 2 * bh), L_INSERT);
		}
	}
	boxaDestroy(&comps);
	/* The rest of each row is read along: a word alone is read in the
	 * wrong script more often than beside its label (ANASTASIIA alone
	 * came out АМАЗТАЗПА). */
	for (l = r->lines->children; l; l = l->next)
		if (node_box(l, b) && b[3] - b[1] <= tallest && b[2] - b[0] >= narrow)
			add_to_rows(rows, b[0], b[1], b[2] - b[0], b[3] - b[1], 1);
	/* Too narrow: a stray letter or a speck of a stamp; too tall: rows
	 * run together through a stamp or a signature. */
	for (i = boxaGetCount(rows) - 1; i >= 0; i--) {
		l_int32 x, y, bw, bh;

		boxaGetBoxGeometry(rows, i, &x, &y, &bw, &bh);
		if (bw < REREAD_MIN_W * dpi || bh > tallest)
			boxaRemoveBox(rows, i);
	}
	{
		BOXA *sorted = boxaSort(rows, L_SORT_BY_Y, L_SORT_INCREASING, NULL);

		if (sorted) {
			boxaDestroy(&rows);
			rows = sorted;
		}
	}
	return rows;
}

enum { CP_OTHER, CP_DIGIT, CP_LATIN, CP_CYRILLIC };

static int
cp_kind(uint32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return CP_DIGIT;
	if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
	    (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7))
		return CP_LATIN;
	if (cp >= 0x400 && cp <= 0x4FF)
		return CP_CYRILLIC;
	return CP_OTHER;
}

/*
 * Does a word hold a run of letters and digits that mixes Latin and
 * Cyrillic letters, or letters and digits?  Real words seldom do; OCR
 * garbage often does ("KO3 NOB" for КОЗЛОВ), however sure Tesseract is
 * of it.
 */
static int
word_mixed(const char *w)
{
	size_t len = strlen(w), i = 0, k;
	int lat = 0, cyr = 0, dig = 0;

	while (i < len) {
		uint32_t cp = 0;

		k = utf8_decode(w + i, len - i, &cp);
		i += k ? k : 1;
		switch (cp_kind(cp)) {
		case CP_DIGIT: dig = 1; break;
		case CP_LATIN: lat = 1; break;
		case CP_CYRILLIC: cyr = 1; break;
		default:
			/* The end of a run. */
			if (lat + cyr + dig > 1)
				return 1;
			lat = cyr = dig = 0;
			break;
		}
	}
	return lat + cyr + dig > 1;
}

/* The longest run of letters and digits in word element w. */
static int
longest_run(xmlNodePtr w)
{
	xmlChar *t = xmlNodeGetContent(w);
	size_t i = 0, len = t ? strlen((const char *)t) : 0, k;
	int run = 0, longest = 0;

	while (i < len) {
		uint32_t cp = 0;

		k = utf8_decode((const char *)t + i, len - i, &cp);
		i += k ? k : 1;
		run = cp_kind(cp) != CP_OTHER ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	xmlFree(t);
	return longest;
}

/* Does word element w hold a run of three letters or digits?  Specks of
 * a stamp or a signature read as "о 4" or "a" hold none. */
static int
real_word(xmlNodePtr w)
{
	return longest_run(w) >= 3;
}

/* Does some word of lines hold a run of three letters or digits? */
static int
has_real_word(xmlNodePtr lines)
{
	xmlNodePtr l, w;

	for (l = lines->children; l; l = l->next)
		for (w = l->children; w; w = w->next)
			if (w->type == XML_ELEMENT_NODE && real_word(w))
				return 1;
	return 0;
}

/* Does the centre of element n lie inside x0..x1, y0..y1? */
static int
centred_in(xmlNodePtr n, int x0, int y0, int x1, int y1)
{
	int b[4], cx, cy;

	if (!node_box(n, b))
		return 0;
	cx = (b[0] + b[2]) / 2;
	cy = (b[1] + b[3]) / 2;
	return cx >= x0 && cx < x1 && cy >= y0 && cy < y1;
}

/* How many real words (real_word()) of lines, centred in rect when rect
 * is given, were read with confidence REREAD_WEAK or more? */
static int
sure_words(xmlNodePtr lines, const int *rect)
{
	xmlNodePtr l, w;
	int n = 0;

	for (l = lines->children; l; l = l->next) {
		if (rect && !centred_in(l, rect[0], rect[1], rect[2], rect[3]))
			continue;
		for (w = l->children; w; w = w->next)
			n += w->type == XML_ELEMENT_NODE && node_conf(w) >= REREAD_WEAK &&
			    real_word(w);
	}
	return n;
}

/*
 * What a reading of a row is worth: the sum and count of its words'
 * confidences (of the lines centred in rect, when given), a mixed word
 * counting half; with real_only, of its real words (real_word()) alone.
 */
static void
score_lines(xmlNodePtr lines, const int *rect, int real_only, double *sum, int *n)
{
	xmlNodePtr l, w;

	for (l = lines->children; l; l = l->next) {
		if (rect && !centred_in(l, rect[0], rect[1], rect[2], rect[3]))
			continue;
		for (w = l->children; w; w = w->next)
			if (w->type == XML_ELEMENT_NODE && (!real_only || real_word(w))) {
				xmlChar *t = xmlNodeGetContent(w);
				double c = node_conf(w);

				*sum += t && word_mixed((const char *)t) ? c / 2 : c;
				(*n)++;
				xmlFree(t);
			}
	}
}

/* Is the score of new (sum a, count na) better than the old one (b, nb)
 * by REREAD_BETTER? */
static int
scores_better(double a, int na, double b, int nb)
{
	return na > 0 && nb > 0 && a / na > b / nb + REREAD_BETTER;
}

/* Is some word of lines a real word read with confidence of at least
 * REREAD_MIN_CONF, or a word of two letters or digits read with
 * REREAD_WEAK at least, whose centre lies in a box of lost (ink the first
 * reading had no word for)?  A margin's ornament read as "ў" or at 40 is
 * not; the "не" at the end of a line of a medical conclusion, lost at
 * first and read at 96 again (eval seed 100057), is. */
static int
reads_lost_ink(xmlNodePtr lines, BOXA *lost)
{
	xmlNodePtr l, w;
	int i, b[4];

	for (l = lines->children; l; l = l->next)
		for (w = l->children; w; w = w->next) {
			if (w->type != XML_ELEMENT_NODE || !node_box(w, b) ||
			    node_conf(w) < REREAD_MIN_CONF || (!real_word(w) &&
			    (node_conf(w) < REREAD_WEAK || longest_run(w) < 2)))
				continue;
			for (i = 0; i < boxaGetCount(lost); i++) {
				l_int32 x, y, bw, bh, cx = (b[0] + b[2]) / 2, cy = (b[1] + b[3]) / 2;

				boxaGetBoxGeometry(lost, i, &x, &y, &bw, &bh);
				if (cx >= x && cx < x + bw && cy >= y && cy < y + bh)
					return 1;
			}
		}
	return 0;
}

/* Does some box of lost (ink no word covers) have its centre in rect? */
static int
holds_lost_ink(BOXA *lost, const int *rect)
{
	int i;

	for (i = 0; lost && i < boxaGetCount(lost); i++) {
		l_int32 x, y, w, h, cx, cy;

		boxaGetBoxGeometry(lost, i, &x, &y, &w, &h);
		cx = x + w / 2;
		cy = y + h / 2;
		if (cx >= rect[0] && cx < rect[2] && cy >= rect[1] && cy < rect[3])
			return 1;
	}
	return 0;
}

/*
 * Is fresh, a second reading of the row rect, better than what lines (the
 * first reading of the whole page) hold there?  It is when its words are
 * on the whole surer than the old ones by REREAD_BETTER, all of them or
 * its real words (real_word()) alone: "Дата рождения 03.0496" at 97, 97,
 * 42 read again "Дата рождения 03.04.1965 0." at 97, 96, 76, 49 is 79 to
 * 79 in all and 90 to 79 in real words (eval seed 100055).  It is also
 * better when it has more words, reads lost ink (reads_lost_ink()) and is
 * not worse by REREAD_BETTER, or has real words where there were none.  With
 * keep_sure, it must also have as many sure words (sure_words()) as the
 * old one: a taller row read with only its darkest ink can read its value
 * better and lose its label ("Дата выдачи 02:11-19989" read "Де
 * 02.11.1993", eval seed 100053).
 */
int
ocr_row_better(xmlNodePtr lines, const int *rect, xmlNodePtr fresh, BOXA *lost,
    int keep_sure)
{
	double old = 0, new = 0, rold = 0, rnew = 0;
	int nold = 0, nnew = 0, nrold = 0, nrnew = 0;

	score_lines(lines, rect, 0, &old, &nold);
	score_lines(fresh, NULL, 0, &new, &nnew);
	score_lines(lines, rect, 1, &rold, &nrold);
	score_lines(fresh, NULL, 1, &rnew, &nrnew);
	if (nnew == 0 || new / nnew < REREAD_MIN_CONF)
		return 0;
	if (keep_sure && sure_words(fresh, NULL) < sure_words(lines, rect))
		return 0;
	if (nold == 0)
		return has_real_word(fresh);
	return scores_better(new, nnew, old, nold) ||
	    scores_better(rnew, nrnew, rold, nrold) ||
	    (nnew > nold && new / nnew >= old / nold - REREAD_BETTER &&
	    lost && reads_lost_ink(fresh, lost));
}

/*
 * Read rect of the image set in e->api again and put the new lines in r in
 * place of the old ones when they are better (ocr_row_better()).  *poor
 * (when given) is set when the new reading is itself too weak to count.
 * Returns 1 when taken, 0 when not, -1 when Tesseract failed.
 */
static int
read_row(struct ocr_engine *e, struct reading *r, const int *rect, BOXA *lost, int *poor,
    int keep_sure)
{
	struct reading part;
	xmlNodePtr l, w;
	double old = 0, new = 0;
	int nold = 0, nnew = 0, b[4], taken;
	int x0 = rect[0], y0 = rect[1], x1 = rect[2], y1 = rect[3];

	score_lines(r->lines, rect, 0, &old, &nold);
	TessBaseAPISetRectangle(e->api, x0, y0, x1 - x0, y1 - y0);
	if (TessBaseAPIRecognize(e->api, NULL) != 0)
		return -1;
	memset(&part, 0, sizeof part);
	collect(e->api, &part);
	score_lines(part.lines, NULL, 0, &new, &nnew);
	if (ocr_debugging())
		fprintf(stderr, "%s: row %d,%d-%d,%d: %d old word(s) %.1f, new %d %.1f\n",
		    progname, x0, y0, x1, y1, nold, nold ? old / nold : 0,
		    nnew, nnew ? new / nnew : 0);
	if (poor)
		*poor = nnew == 0 || new / nnew < REREAD_MIN_CONF;
	taken = ocr_row_better(r->lines, rect, part.lines, lost, keep_sure);
	if (taken) {
		/* In the stream where the first reading had the row, or
		 * where the row comes down the page: patterns read the lines
		 * in this order first.  Every line has a word: at most nold
		 * lines go. */
		xmlNodePtr at = NULL, *gone = xcalloc((size_t)nold + 1, sizeof *gone);
		int ngone = 0, k;

		for (l = r->lines->children; l; l = l->next) {
			if (centred_in(l, x0, y0, x1, y1)) {
				if (!at)
					at = l;
				gone[ngone++] = l;
			} else if (!at && nold == 0 && node_box(l, b) && b[1] > y0) {
				at = l;
			}
		}
		while (part.lines->children) {
			l = part.lines->children;
			xmlUnlinkNode(l);
			xml_set(l, "reread", "1");
			if (at)
				xmlAddPrevSibling(at, l);
			else
				xmlAddChild(r->lines, l);
		}
		for (k = 0; k < ngone; k++) {
			for (w = gone[k]->children; w; w = w->next)
				if (w->type == XML_ELEMENT_NODE) {
					r->words--;
					r->conf_sum -= node_conf(w);
				}
			xmlUnlinkNode(gone[k]);
			xmlFreeNode(gone[k]);
		}
		free(gone);
		r->conf_sum += part.conf * part.words;
		r->words += part.words;
	}
	xmlFreeNode(part.lines);
	return taken;
}

/*
 * In rect of grey image pix, keep only the darker of its inks: split the
 * grey levels in two (ink and paper), then the ink levels in two again,
 * and make the darker part black and the rest white.
 */
static void
keep_darkest_ink(PIX *pix, const int *rect)
{
	BOX *box = boxCreate(rect[0], rect[1], rect[2] - rect[0], rect[3] - rect[1]);
	PIX *crop = box ? pixClipRectangle(pix, box, NULL) : NULL, *bin = NULL, *bin8 = NULL;
	NUMA *hist = crop ? pixGetGrayHistogram(crop, 1) : NULL, *ink = NULL;
	l_int32 paper = 0, split = 0, i;
	l_float32 v;

	if (hist && numaSplitDistribution(hist, 0.1, &paper, NULL, NULL, NULL, NULL, NULL) == 0 &&
	    paper > 2 && (ink = numaCreate(paper))) {
		for (i = 0; i < paper; i++) {
			numaGetFValue(hist, i, &v);
			numaAddNumber(ink, v);
		}
		if (numaSplitDistribution(ink, 0.1, &split, NULL, NULL, NULL, NULL, NULL) == 0 &&
		    (bin = pixThresholdToBinary(crop, split + 1)) &&
		    (bin8 = pixConvert1To8(NULL, bin, 255, 0)))
			pixRasterop(pix, rect[0], rect[1], rect[2] - rect[0], rect[3] - rect[1],
			    PIX_SRC, bin8, 0, 0);
	}
	numaDestroy(&ink);
	numaDestroy(&hist);
	pixDestroy(&bin8);
	pixDestroy(&bin);
	pixDestroy(&crop);
	boxDestroy(&box);
}

static void script_words(struct ocr_engine *e, struct reading *r, int dpi,
    double budget_ms);
static void date_words(struct ocr_engine *e, struct reading *r, int dpi,
    double budget_ms);
static void weak_digit_words(struct ocr_engine *e, struct reading *r, int dpi,
    double budget_ms);
static void numeral_words(struct reading *r);
static void day_words(struct ocr_engine *e, struct reading *r, int dpi, double budget_ms);

/*
 * Tesseract's page layout now and then drops whole lines (a block of form
 * fields over ruled lines taken for a picture, a birth certificate's
 * place of birth, the series line at its foot) or reads a line badly
 * because of the rule under it.  Read every such row again on its own;
 * the lines that come of it are marked reread="1".
 */
static void
reread(struct ocr_engine *e, struct reading *r, int dpi, double budget_ms)
{
	double start = mono_ms();
	PIX *half = pixScaleAreaMap2(r->image), *bin = NULL, *rules = NULL;
	BOXA *rows = NULL, *lost = NULL;
	int i, n, pad = dpi / 40, done = 0, ndark = 0, dark_rows[REREAD_MAX][4];
	int W = pixGetWidth(r->image), H = pixGetHeight(r->image);
	PIX *clean = NULL, *dark = NULL;

	if (half && (bin = binarise(half))) {
		rules = half_rules(half, dpi / 2);
		lost = boxaCreate(0);
		rows = reread_rows(r, bin, rules, dpi, &lost);
	}
	pixDestroy(&half);
	pixDestroy(&bin);
	/* A row whose first reading no second one can beat by REREAD_BETTER
	 * is not read again, unless it has lost ink.  (Rows read very badly
	 * are: under a seal, a line at 35 came out right at 96.) */
	for (i = rows ? boxaGetCount(rows) - 1 : -1; i >= 0; i--) {
		l_int32 x, y, bw, bh;
		double old = 0;
		int nold = 0, rect[4];

		boxaGetBoxGeometry(rows, i, &x, &y, &bw, &bh);
		rect[0] = x - pad, rect[1] = y - pad;
		rect[2] = x + bw + pad, rect[3] = y + bh + pad;
		score_lines(r->lines, rect, 0, &old, &nold);
		if (nold > 0 && old / nold + REREAD_BETTER >= 100 &&
		    !holds_lost_ink(lost, rect))
			boxaRemoveBox(rows, i);
	}
	n = rows ? boxaGetCount(rows) : 0;
	if (n > REREAD_MAX)
		n = REREAD_MAX;
	if (n > 0) {
		clean = without_rules(r->image, rules);
		if (ocr_debugging())
			fprintf(stderr, "%s: rows found and rules erased, %.2f s\n",
			    progname, (mono_ms() - start) / 1e3);
		TessBaseAPISetPageSegMode(e->api, PSM_SINGLE_BLOCK);
		TessBaseAPISetImage2(e->api, clean);
		TessBaseAPISetSourceResolution(e->api, dpi);
	}
	for (i = 0; i < n && mono_ms() - start < budget_ms; i++) {
		l_int32 x, y, bw, bh;
		int rect[4], poor = 0;

		boxaGetBoxGeometry(rows, i, &x, &y, &bw, &bh);
		rect[0] = x - pad < 0 ? 0 : x - pad;
		rect[1] = y - pad < 0 ? 0 : y - pad;
		rect[2] = x + bw + pad > W ? W : x + bw + pad;
		rect[3] = y + bh + pad > H ? H : y + bh + pad;
		if (read_row(e, r, rect, lost, &poor, 0) >= 0)
			done++;
		if (poor && holds_lost_ink(lost, rect)) {
			/* Read as one block, a label far to the left of a value
			 * set a little higher can come out as nothing at all
			 * ("Имя ... АННА", eval seed 100025); as sparse text,
			 * each is found on its own. */
			TessBaseAPISetPageSegMode(e->api, PSM_SPARSE_TEXT);
			if (read_row(e, r, rect, lost, &poor, 0) >= 0)
				done++;
			TessBaseAPISetPageSegMode(e->api, PSM_SINGLE_BLOCK);
		}
		if (poor && ndark < REREAD_MAX) {
			/* Half a row more above and below: the ink a stamp
			 * joined was not found, and the row found is short. */
			int *d = dark_rows[ndark++];

			d[0] = rect[0];
			d[1] = rect[1] - bh / 2 < 0 ? 0 : rect[1] - bh / 2;
			d[2] = rect[2];
			d[3] = rect[3] + bh / 2 > H ? H : rect[3] + bh / 2;
		}
	}
	/* Rows no reading made out, with only the darkest ink kept: a seal
	 * printed in grey over a line (a series under the registry office's
	 * stamp, eval seed 100009) is lighter than the print, and so is a
	 * guilloche (a birth certificate's ПАВЛОВА in bold over pink lines
	 * read ТАВЛОВА at 21, row at 48; dark, at 97: eval seed 100053). */
	if (ndark > 0 && mono_ms() - start < budget_ms && (dark = pixCopy(NULL, clean))) {
		for (i = 0; i < ndark; i++)
			keep_darkest_ink(dark, dark_rows[i]);
		TessBaseAPISetImage2(e->api, dark);
		TessBaseAPISetSourceResolution(e->api, dpi);
		for (i = 0; i < ndark && mono_ms() - start < budget_ms; i++)
			if (read_row(e, r, dark_rows[i], lost, NULL, 1) >= 0)
				done++;
		pixDestroy(&dark);
	}
	if (n > 0) {
		TessBaseAPIClear(e->api);
		TessBaseAPISetPageSegMode(e->api, PSM_AUTO);
	}
	pixDestroy(&clean);
	pixDestroy(&rules);
	boxaDestroy(&lost);
	r->conf = r->words > 0 ? r->conf_sum / r->words : 0;
	script_words(e, r, dpi, budget_ms - (mono_ms() - start));
	weak_digit_words(e, r, dpi, budget_ms - (mono_ms() - start));
	date_words(e, r, dpi, budget_ms - (mono_ms() - start));
	day_words(e, r, dpi, budget_ms - (mono_ms() - start));
	numeral_words(r);
	if (ocr_debugging())
		fprintf(stderr, "%s: second readings: %d row(s), %d read, %.2f s\n",
		    progname, rows ? boxaGetCount(rows) : 0, done,
		    (mono_ms() - start) / 1e3);
	boxaDestroy(&rows);
}

/*
 * A page in Latin script (an English translation, a police certificate)
 * with a word Tesseract read in Cyrillic letters: with Russian and
 * Belarusian loaded, a foreign name comes out as Cyrillic look-alikes
 * at 80-90% confidence (ANASTASIIA as АМАЗТАЗПА, SAVITSKII as ЗАЎІТЭКП,
 * EVANS as ЕУАМ on the eval seeds).  On a page whose letters are at
 * least LATIN_PAGE Latin, every word with a Cyrillic letter is read again
 * on its own in English alone and takes that reading when it is Latin
 * letters, about as long, with confidence LATIN_MIN_CONF or more.  The
 * first reading stays in attribute first.  A reading less sure goes
 * beside the word, as on a Cyrillic page (below).  At most LATIN_MAX
 * words a page.
 */
#define LATIN_PAGE 0.8
#define LATIN_MIN_LETTERS 40
#define LATIN_MIN_CONF 60.0
#define LATIN_MAX 40

/* What word text s holds, added to the counts given (any may be NULL):
 * Latin letters, Cyrillic letters, characters, digits. */
static void
count_letters(const char *s, int *lat, int *cyr, int *chars, int *digits)
{
	size_t len = strlen(s), i = 0, k;

	while (i < len) {
		uint32_t cp = 0;

		k = utf8_decode(s + i, len - i, &cp);
		i += k ? k : 1;
		if (lat)
			*lat += cp_kind(cp) == CP_LATIN;
		if (cyr)
			*cyr += cp_kind(cp) == CP_CYRILLIC;
		if (chars)
			(*chars)++;
		if (digits)
			*digits += cp >= '0' && cp <= '9';
	}
}

/* Set api to read single words or lines (psm) of r's image. */
static void
words_of(TessBaseAPI *api, struct reading *r, int dpi, TessPageSegMode psm)
{
	TessBaseAPISetImage2(api, r->image);
	TessBaseAPISetSourceResolution(api, dpi);
	TessBaseAPISetPageSegMode(api, psm);
}

/* What api reads in box b of a W x H image widened by pad, cleaned and
 * trimmed of blanks at its end, *conf its confidence; NULL when
 * Tesseract fails. */
static char *
read_box(TessBaseAPI *api, const int *b, int pad, int W, int H, double *conf)
{
	int x0 = b[0] - pad < 0 ? 0 : b[0] - pad, y0 = b[1] - pad < 0 ? 0 : b[1] - pad;
	int x1 = b[2] + pad > W ? W : b[2] + pad, y1 = b[3] + pad > H ? H : b[3] + pad;
	char *raw, *t;
	size_t n;

	TessBaseAPISetRectangle(api, x0, y0, x1 - x0, y1 - y0);
	if (TessBaseAPIRecognize(api, NULL) != 0 || !(raw = TessBaseAPIGetUTF8Text(api)))
		return NULL;
	*conf = TessBaseAPIMeanTextConf(api);
	t = text_clean(raw, strlen(raw));
	TessDeleteText(raw);
	for (n = strlen(t); n > 0 && strchr(" \n", t[n - 1]); n--)
		t[n - 1] = '\0';
	return t;
}

/* The English reading of rect, trimmed of blanks, when it is Latin
 * letters (and inner hyphens and apostrophes) and maybe punctuation at
 * its end ("No.:"); NULL otherwise. */
static char *
english_word(TessBaseAPI *api, const int *b, int pad, int W, int H, double *conf)
{
	char *t = read_box(api, b, pad, W, H, conf);
	size_t n, i;

	if (!t)
		return NULL;
	n = strlen(t);
	while (n > 0 && strchr(".,;:", t[n - 1]))
		n--;
	for (i = 0; i < n; i++)
		if (!((t[i] >= 'A' && t[i] <= 'Z') || (t[i] >= 'a' && t[i] <= 'z') ||
		    (i > 0 && (t[i] == '-' || t[i] == '\''))))
			break;
	if (n == 0 || i < n) {
		free(t);
		return NULL;
	}
	return t;
}

/* The English engine, made the first time, set to read single words of
 * r's image: 0 when there is none. */
static int
latin_engine(struct ocr_engine *e, struct reading *r, int dpi)
{
	if (!e->latin_tried) {
		e->latin_tried = 1;
		e->latin = tess_new("eng");
	}
	if (!e->latin)
		return 0;
	words_of(e->latin, r, dpi, PSM_SINGLE_WORD);
	return 1;
}

/*
 * On a Cyrillic page a Latin name in capitals (KUMAR VIKRAM beside
 * "Фамилия", "Имя") comes out as Cyrillic look-alikes at 85-95%
 * confidence (КОМАВ УТКВАМ, СЕНЕ МЕНМЕТ, ОКАРОК on the eval seeds),
 * while English alone reads KUMAR VIKRAM at 96.  Which reading is right
 * the confidences cannot tell (Сара, a Russian name, read as Capa at 96
 * against 93), so the
 * first one stays and every word that could be a misread Latin one gets
 * a second, English reading in attribute en (its confidence in enc), for
 * whoever compares names.  Such a word is two or more Cyrillic letters
 * (LIU as НИ, eval seed 100026), all capitals or capitalised, none of
 * them a letter no Latin one is read as (Д, Ж, Л, Ф, Э, Ю, Я, soft and
 * hard signs, Ы, Щ, Ч, capital Й, Ё; Y does come out as Ў, D as Б:
 * АРЕЎЕМІ and АОБЕУЕМ! for ADEYEMI on seeds 100031 and 100029, and "ti"
 * as й: Райта for Fatima, seed 100060), maybe with a slash
 * inside (OKONKWO as ОКОМКМ/О, seed 100030) or a mark at the end, on a page of
 * LATIN_MIN_LETTERS Cyrillic letters or more.  At most NAME_WORDS words a
 * page.
 */
#define NAME_WORDS 24

/* Count Cyrillic letter cp, the n-th of a word, as a capital or not. */
static void
tally_case(uint32_t cp, int n, int *upper, int *lower, int *first_upper)
{
	if ((cp >= 0x410 && cp <= 0x42F) || (cp >= 0x400 && cp <= 0x40F)) {
		(*upper)++;
		*first_upper |= n == 0;
	} else {
		(*lower)++;
	}
}

int
ocr_maybe_latin(const char *s)
{
	static const char never[] = "ДЖЛФЭЮЯЬЪЫЩЧЙЁджлфэюяьъыщчё";
	size_t len = strlen(s), i = 0, k;
	int n = 0, upper = 0, lower = 0, first_upper = 0;

	while (len > 0 && strchr(".,:;!|", s[len - 1]))
		len--;
	while (i < len) {
		uint32_t cp = 0;
		char one[5];

		k = utf8_decode(s + i, len - i, &cp);
		if (k == 0 || k > 4)
			return 0;
		if ((cp == '-' || cp == '/') && i > 0 && i + 1 < len) {
			i++;
			continue;
		}
		if (cp_kind(cp) != CP_CYRILLIC)
			return 0;
		memcpy(one, s + i, k);
		one[k] = '\0';
		if (strstr(never, one))
			return 0;
		tally_case(cp, n, &upper, &lower, &first_upper);
		n++;
		i += k;
	}
	return n >= 2 && (lower == 0 || (upper == 1 && first_upper));
}

/*
 * A Latin name on a Cyrillic page read as the number sign and digits:
 * "OKAFOR №071" for OKAFOR Ngozi (N as №, g as 0, z as 7, i as 1: three
 * times on eval seeds 100042 and 100045, twice a complete case sent to
 * review for a given name not read).  Such a word is never tried as a
 * Latin name, having no letter.  It is when the word before it on its
 * line is a Latin word of three letters or more with a capital, and it
 * is № and two to five digits: its English reading replaces it when that
 * is a capitalised Latin word about as long, read with LATIN_MIN_CONF
 * or more (a number after a Latin name is no name, but "№071" is no
 * number either).
 */
int
ocr_sign_for_name(const char *prev, const char *word)
{
	size_t n = strlen(word), i, caps = 0;

	if (strncmp(word, "№", 3) != 0 || n < 5 || n > 8)
		return 0;
	for (i = 3; i < n; i++)
		if (word[i] < '0' || word[i] > '9')
			return 0;
	n = strlen(prev);
	if (n < 3)
		return 0;
	for (i = 0; i < n; i++) {
		if (!((prev[i] >= 'A' && prev[i] <= 'Z') || (prev[i] >= 'a' && prev[i] <= 'z')))
			return 0;
		caps += prev[i] >= 'A' && prev[i] <= 'Z';
	}
	return caps > 0;
}

/* The text of the element word before w on its line, or NULL. */
static xmlChar *
word_before(xmlNodePtr w)
{
	for (w = w->prev; w; w = w->prev)
		if (w->type == XML_ELEMENT_NODE)
			return xmlNodeGetContent(w);
	return NULL;
}

/*
 * Read words of r again in English alone.  On a Latin page (latin set)
 * every word with a Cyrillic letter, and the reading replaces the word
 * when it is good enough; on a Cyrillic page the words that could be
 * Latin names, and the reading goes beside the word.
 */
static void
english_words(struct ocr_engine *e, struct reading *r, int dpi, double budget_ms, int latin)
{
	double start = mono_ms();
	int tried = 0, most = latin ? LATIN_MAX : NAME_WORDS;
	int W = pixGetWidth(r->image), H = pixGetHeight(r->image);
	xmlNodePtr l, w;

	for (l = r->lines->children; l && tried < most; l = l->next)
		for (w = l->children; w && tried < most; w = w->next) {
			xmlChar *t;
			int b[4], wl = 0, wc = 0, nl = 0, nc = 0, sign = 0;
			double c = 0;
			char *en;

			if (w->type != XML_ELEMENT_NODE || !node_box(w, b) ||
			    mono_ms() - start > budget_ms)
				continue;
			t = xmlNodeGetContent(w);
			if (t)
				count_letters((const char *)t, &wl, &wc, NULL, NULL);
			if (t && !latin && wc == 0 && strncmp((const char *)t, "№", 3) == 0) {
				xmlChar *p = word_before(w);

				sign = p && ocr_sign_for_name((const char *)p, (const char *)t);
				xmlFree(p);
			}
			if (!t || (!sign && (wc == 0 || wl + wc < 2 ||
			    (!latin && !ocr_maybe_latin((const char *)t))))) {
				xmlFree(t);
				continue;
			}
			if (sign)  /* № and digits: as many characters */
				wc = (int)strlen((const char *)t) - 3 + 1;
			tried++;
			en = english_word(e->latin, b, dpi / 50, W, H, &c);
			if (en)
				count_letters(en, &nl, &nc, NULL, NULL);
			if (ocr_debugging())
				fprintf(stderr, "%s: word %d,%d: %s, English reading %s "
				    "(%.0f against %.0f)\n", progname, b[0], b[1],
				    latin ? "Cyrillic on a Latin page" : "could be Latin",
				    en ? "Latin" : "refused", c, node_conf(w));
			if (!en || nl < wl + wc - 2 || nl > wl + wc + 2 ||
			    (sign && (c < LATIN_MIN_CONF || en[0] < 'A' || en[0] > 'Z'))) {
				/* not Latin, or not the word */
			} else if ((!latin && !sign) || c < LATIN_MIN_CONF) {
				/* beside the word: MARIIA for МАВПА read at
				 * 40 on a Latin page (seed 100031) */
				xml_set(w, "en", en);
				xml_setf(w, "enc", "%.1f", c);
			} else {
				r->conf_sum += c - node_conf(w);
				xml_set(w, "first", (const char *)t);
				xmlNodeSetContent(w, BAD_CAST en);
				xml_setf(w, "c", "%.1f", c);
			}
			free(en);
			xmlFree(t);
		}
	TessBaseAPIClear(e->latin);
	r->conf = r->words > 0 ? r->conf_sum / r->words : 0;
}

/*
 * A word of digits read with low confidence inside a line ("01.06.1 938"
 * at 45, "15.01.1961" at 75 for 1967 on eval seeds 100028 and 100031:
 * birth dates one digit off, false mismatches) is mostly read right when
 * read alone (998 at 96, 15.01.1967 at 94).  Every word with two digits
 * or more below WEAK_CONF is read again as a single word; the reading
 * replaces it when it has as many characters and as many digits, is
 * WEAK_GAIN surer and WEAK_SURE sure at least, or when it has more digits
 * or characters ("27.2006" at 48 alone 21.12.2006 at 95, seed 100033), no
 * fewer digits, and is twice WEAK_GAIN surer and WEAK_SURER sure.  Never
 * a reading of two words.  The first reading stays in attribute first.
 * At most WEAK_MAX words a page.
 */
#define WEAK_CONF 80.0
#define WEAK_GAIN 15.0
#define WEAK_SURE 85.0
#define WEAK_SURER 90.0
#define WEAK_MAX 12

int
ocr_weak_better(const char *first, double c0, const char *second, double c1)
{
	int n0 = 0, d0 = 0, n1 = 0, d1 = 0;

	count_letters(first, NULL, NULL, &n0, &d0);
	count_letters(second, NULL, NULL, &n1, &d1);
	if (d0 < 2 || c0 >= WEAK_CONF || d1 < d0 || strchr(second, ' ') ||
	    strcmp(first, second) == 0)
		return 0;
	if (n1 == n0 && d1 == d0)
		return c1 >= WEAK_SURE && c1 >= c0 + WEAK_GAIN;
	return c1 >= WEAK_SURER && c1 >= c0 + 2 * WEAK_GAIN;
}

/*
 * One kind of second reading of single words, shared by the passes
 * below: each word of r that want() picks (from its text and confidence)
 * is read alone by api (set to read words of the page as psm, and held to
 * whitelist when one is given, before the first such word) and take()
 * says what the reading makes of it: the word's new text (newly
 * allocated), or NULL to keep it; *newc set to a confidence when the
 * word takes that one too.  The first reading stays in attribute first.
 * A pass with keep_in set only gives its opinion: what take() makes of
 * a word goes into that attribute, the text stays, and words a pass
 * before has changed are left alone.
 * At most max words, within budget_ms; returns how many words took a
 * reading (or, with keep_in, got one beside them).
 */
typedef struct {
	const char *what;      /* for debugging output */
	int max, psm;
	const char *whitelist;
	const char *keep_in;
	int (*want)(const char *t, double c);
	char *(*take)(const char *t, double c0, const char *v, double c1, double *newc);
} word_pass;

static int
reread_words(struct reading *r, TessBaseAPI *api, int dpi, double budget_ms,
    const word_pass *p)
{
	double start = mono_ms();
	int W = pixGetWidth(r->image), H = pixGetHeight(r->image), pad = dpi / 50;
	int tried = 0, taken = 0;
	xmlNodePtr l, w;

	for (l = r->lines->children; l && tried < p->max; l = l->next)
		for (w = l->children; w && tried < p->max; w = w->next) {
			int b[4];
			double c0, c1 = 0, newc = -1;
			xmlChar *t;
			char *v, *now = NULL;

			if (w->type != XML_ELEMENT_NODE || !node_box(w, b) ||
			    mono_ms() - start > budget_ms)
				continue;
			c0 = node_conf(w);
			t = xmlNodeGetContent(w);
			if (!t || !p->want((const char *)t, c0) ||
			    (p->keep_in && xmlHasProp(w, BAD_CAST "first"))) {
				xmlFree(t);
				continue;
			}
			if (tried++ == 0) {
				words_of(api, r, dpi, (TessPageSegMode)p->psm);
				if (p->whitelist)
					TessBaseAPISetVariable(api, "tessedit_char_whitelist",
					    p->whitelist);
			}
			if ((v = read_box(api, b, pad, W, H, &c1)) != NULL)
				now = p->take((const char *)t, c0, v, c1, &newc);
			if (ocr_debugging())
				fprintf(stderr, "%s: %s word %d,%d at %.0f: alone at %.0f, %s\n",
				    progname, p->what, b[0], b[1], c0, c1, now ? "taken" : "refused");
			taken += now != NULL;
			if (now && p->keep_in) {
				xml_set(w, p->keep_in, now);
			} else if (now) {
				xml_set(w, "first", (const char *)t);
				xml_set_text(w, now);
				if (newc >= 0) {
					r->conf_sum += newc - c0;
					xml_setf(w, "c", "%.1f", newc);
				}
			}
			free(now);
			free(v);
			xmlFree(t);
		}
	if (tried) {
		if (p->whitelist)
			TessBaseAPISetVariable(api, "tessedit_char_whitelist", "");
		TessBaseAPIClear(api);
		TessBaseAPISetPageSegMode(api, PSM_AUTO);
	}
	r->conf = r->words > 0 ? r->conf_sum / r->words : 0;
	return taken;
}

static int
weak_want(const char *t, double c)
{
	int n = 0, d = 0;

	count_letters(t, NULL, NULL, &n, &d);
	return c < WEAK_CONF && d >= 2;
}

static char *
weak_take(const char *t, double c0, const char *v, double c1, double *newc)
{
	char *one = xstrndup(v, strcspn(v, "\n"));

	if (!ocr_weak_better(t, c0, one, c1)) {
		free(one);
		return NULL;
	}
	*newc = c1;
	return one;
}

static const word_pass weak_pass = {
	"weak", WEAK_MAX, PSM_SINGLE_WORD, NULL, NULL, weak_want, weak_take,
};

static void
weak_digit_words(struct ocr_engine *e, struct reading *r, int dpi, double budget_ms)
{
	reread_words(r, e->api, dpi, budget_ms, &weak_pass);
}

/*
 * A date read in a line can be a digit off at 80-95% confidence, and
 * read alone right: "20.07.1974" at 94 in "2. Дата рождения 20.07.1974"
 * is 25.07.1974 at 96 alone (eval seed 100046), and such misreads of
 * birth dates made false birth-date mismatches on every seed since
 * 100043.  Neither of two readings is known to be the better, so a
 * third decides: every word of digits and date signs (ocr_date_shaped)
 * read under DATE_CHECK_CONF is read again alone, and a reading that
 * differs, with no space and no fewer digits, goes into attribute alone;
 * the word is then read alone by the English engine, and when that
 * reading is the one alone too, two readings of three outvote the
 * line's: the word takes it, the first reading staying in attribute
 * first.  Otherwise the text stays as first read and alone stays beside
 * it, for the rules to weigh.  On the 195 cases of seeds 100033-100047
 * with a birth-date mismatch found or due, read afresh, the vote mended
 * 7 misread birth dates and changed no other field of any case (none of
 * the 241 true mismatches).  At most DATE_MAX words a page.
 */
#define DATE_CHECK_CONF 96.0
#define DATE_MAX 8

/* Is t digits (one at least) and the signs dates are written with, and
 * one other character at most ("#1" for 21), within 12 bytes? */
int
ocr_date_shaped(const char *t)
{
	size_t i, n = strlen(t);
	int digits = 0, other = 0;

	if (n == 0 || n > 12)
		return 0;
	for (i = 0; i < n; i++)
		if (t[i] >= '0' && t[i] <= '9')
			digits++;
		else if (!strchr(".,:/-", t[i]))
			other++;
	return digits > 0 && other <= 1;
}

static int
date_want(const char *t, double c)
{
	return c < DATE_CHECK_CONF && ocr_date_shaped(t);
}

/* Is second, a date word read alone, another opinion of first: different,
 * no space in it, and no fewer digits? */
int
ocr_date_other(const char *first, const char *second)
{
	int d0 = 0, d1 = 0;

	count_letters(first, NULL, NULL, NULL, &d0);
	count_letters(second, NULL, NULL, NULL, &d1);
	return strcmp(first, second) != 0 && !strchr(second, ' ') && d1 >= d0;
}

static char *
date_take(const char *t, double c0, const char *v, double c1, double *newc)
{
	char *one = xstrndup(v, strcspn(v, "\n"));

	(void)c0, (void)c1, (void)newc;
	if (!ocr_date_other(t, one)) {
		free(one);
		return NULL;
	}
	return one;
}

static const word_pass date_pass = {
	"date", DATE_MAX, PSM_SINGLE_WORD, NULL, "alone", date_want, date_take,
};

/* The date pass, then the English engine's vote on each word with a
 * reading alone. */
static void
date_words(struct ocr_engine *e, struct reading *r, int dpi, double budget_ms)
{
	double start = mono_ms();
	int W = pixGetWidth(r->image), H = pixGetHeight(r->image);
	xmlNodePtr l, w;

	/* the English engine set to the page only when a word got a reading
	 * alone */
	if (reread_words(r, e->api, dpi, budget_ms, &date_pass) == 0 || !latin_engine(e, r, dpi))
		return;
	for (l = r->lines->children; l; l = l->next)
		for (w = l->children; w; w = w->next) {
			char *alone, *en, *one;
			xmlChar *t;
			int b[4];
			double c = 0;

			if (w->type != XML_ELEMENT_NODE || !xmlHasProp(w, BAD_CAST "alone") ||
			    !node_box(w, b) || mono_ms() - start > budget_ms)
				continue;
			alone = xml_get(w, "alone");
			en = read_box(e->latin, b, dpi / 50, W, H, &c);
			one = en ? xstrndup(en, strcspn(en, "\n")) : NULL;
			t = xmlNodeGetContent(w);
			if (ocr_debugging())
				fprintf(stderr, "%s: date word %d,%d: English reading %s\n", progname,
				    b[0], b[1], one && strcmp(one, alone) == 0 ? "agrees alone" :
				    one && t && strcmp(one, (const char *)t) == 0 ? "agrees in line" :
				    "differs");
			if (one && t && strcmp(one, alone) == 0) {
				xml_set(w, "first", (const char *)t);
				xml_set_text(w, alone);
				xmlUnsetProp(w, BAD_CAST "alone");
			}
			xmlFree(t);
			free(one);
			free(en);
			free(alone);
		}
	TessBaseAPIClear(e->latin);
}

/*
 * The day of a date written out, in quotes before its month ("«09»
 * верасня 1968 года"), in a light typewriter face is now and then read
 * as letters: «KOI» (eval seed 100056), «яж», «А», or as «309» for «30».
 * Such a word (ocr_day_quoted()) before a word of letters and a year is
 * read again alone three times: held to digits and quotes with a little
 * of the paper around it and with more, and freely with more.  When two
 * of the three give the same day of one or two digits, the word takes it
 * and is marked digits="1": the day is a guess from the ink, and a date
 * read with it says so (guessed="yes" on its field).  A whitelist alone
 * is no good: the same ink cut a little short read «05».  At most DAY_MAX
 * words a page.
 */
#define DAY_MAX 4

/* Bytes of the quote at the start of t, 0 when none: «, or what OCR
 * makes of it ("<", "“2д»" for «20», eval seed 100057). */
static size_t
open_quote(const char *t)
{
	static const char *const quotes[] = {"«", "“", "„", "‘", "<", "\""};
	size_t i;

	for (i = 0; i < sizeof quotes / sizeof *quotes; i++)
		if (strncmp(t, quotes[i], strlen(quotes[i])) == 0)
			return strlen(quotes[i]);
	return 0;
}

int
ocr_day_quoted(const char *t)
{
	size_t n = strlen(t), q = open_quote(t), i, chars = 0, digits = 0;

	if (q == 0 || n < q + 3 || strcmp(t + n - 2, "»") != 0)
		return 0;
	for (i = q; i < n - 2; i++) {
		unsigned char c = (unsigned char)t[i];

		if ((c & 0xC0) != 0x80)
			chars++;
		digits += c >= '0' && c <= '9';
	}
	return chars >= 1 && chars <= 3 && !(digits == chars && chars <= 2);
}

int
ocr_day_digits(const char *v, char day[3])
{
	size_t n = strlen(v), i = 0, d0, d1;

	while (i < n && !(v[i] >= '0' && v[i] <= '9'))
		i++;
	d0 = i;
	while (i < n && v[i] >= '0' && v[i] <= '9')
		i++;
	d1 = i;
	if (d1 - d0 < 1 || d1 - d0 > 2)
		return 0;
	/* Around the digits: quotes, dots and commas only. */
	for (i = 0; i < n; i++) {
		if (i >= d0 && i < d1)
			continue;
		if (strncmp(v + i, "«", 2) == 0 || strncmp(v + i, "»", 2) == 0) {
			i++;
			continue;
		}
		if (!strchr("<>.,'\"", v[i]))
			return 0;
	}
	memcpy(day, v + d0, d1 - d0);
	day[d1 - d0] = '\0';
	return strcmp(day, "0") != 0 && strcmp(day, "00") != 0;
}

/* The element after n, or NULL. */
static xmlNodePtr
next_element(xmlNodePtr n)
{
	for (n = n ? n->next : NULL; n && n->type != XML_ELEMENT_NODE; n = n->next)
		;
	return n;
}

/* Is w followed by a word of three letters or more and no digit, and
 * then a word of four digits? */
static int
month_year_follow(xmlNodePtr w)
{
	xmlNodePtr m = next_element(w), y = next_element(m);
	xmlChar *mt, *yt;
	int lat = 0, cyr = 0, digits = 0, ok;

	if (!m || !y)
		return 0;
	mt = xmlNodeGetContent(m);
	yt = xmlNodeGetContent(y);
	count_letters(mt ? (const char *)mt : "", &lat, &cyr, NULL, &digits);
	ok = lat + cyr >= 3 && digits == 0;
	digits = 0;
	count_letters(yt ? (const char *)yt : "", NULL, NULL, NULL, &digits);
	ok = ok && digits == 4;
	xmlFree(mt);
	xmlFree(yt);
	return ok;
}

static void
day_words(struct ocr_engine *e, struct reading *r, int dpi, double budget_ms)
{
	static const struct {
		int pad, digits;        /* pad dpi / pad; held to digits */
	} ways[3] = {{50, 1}, {25, 1}, {25, 0}};
	double start = mono_ms();
	int W = pixGetWidth(r->image), H = pixGetHeight(r->image), tried = 0;
	xmlNodePtr l, w;

	for (l = r->lines->children; l && tried < DAY_MAX; l = l->next)
		for (w = l->children; w && tried < DAY_MAX; w = w->next) {
			char days[3][3];
			xmlChar *t;
			int b[4], k, agree = -1;

			if (w->type != XML_ELEMENT_NODE || !node_box(w, b) ||
			    mono_ms() - start > budget_ms)
				continue;
			t = xmlNodeGetContent(w);
			if (!t || !ocr_day_quoted((const char *)t) || !month_year_follow(w)) {
				xmlFree(t);
				continue;
			}
			if (tried++ == 0)
				words_of(e->api, r, dpi, PSM_SINGLE_WORD);
			for (k = 0; k < 3; k++) {
				double c = 0;
				char *v;

				TessBaseAPISetVariable(e->api, "tessedit_char_whitelist",
				    ways[k].digits ? "0123456789«»" : "");
				v = read_box(e->api, b, dpi / ways[k].pad, W, H, &c);
				if (!v || !ocr_day_digits(v, days[k]))
					days[k][0] = '\0';
				free(v);
			}
			TessBaseAPISetVariable(e->api, "tessedit_char_whitelist", "");
			for (k = 0; k < 3 && agree < 0; k++)
				if (days[k][0] && (strcmp(days[k], days[(k + 1) % 3]) == 0 ||
				    strcmp(days[k], days[(k + 2) % 3]) == 0))
					agree = k;
			if (ocr_debugging())
				fprintf(stderr, "%s: day word %d,%d: %s\n", progname, b[0], b[1],
				    agree >= 0 ? "two readings agree, taken" : "refused");
			if (agree >= 0) {
				char *now = xasprintf("«%s»", days[agree]);

				xml_set(w, "first", (const char *)t);
				xml_set(w, "digits", "1");
				xml_set_text(w, now);
				free(now);
			}
			xmlFree(t);
		}
	if (tried) {
		TessBaseAPIClear(e->api);
		TessBaseAPISetPageSegMode(e->api, PSM_AUTO);
	}
}

/*
 * A certificate's series, a Roman numeral and two Cyrillic capitals
 * ("I-КБ"), is often read in Latin letters with the numeral ("I-KB" at
 * 86-92 on eval seed 100037), and Latin has no Б: КБ and БР come out as
 * KB and BP and become КВ and ВР, a wrong number; a letter Latin has no
 * twin for comes out as two ("XI-FOK" for XI-ЮК, "V-C2K" for V-СЖ,
 * "VIII-2KP" for VIII-ЖР, "I-ITK" for I-ПК).
 * Read alone as a line of Roman numerals and Cyrillic capitals only,
 * such words came out right on 35 birth certificates of 37 on seeds
 * 100033-100037 (the two others were wrong before too, none right
 * before came out wrong), though the confidence Tesseract gives a
 * reading held to a character list is no guide (0 to 86 for right
 * readings).  So a word on a
 * Cyrillic page that is a numeral, a hyphen and two to four Latin
 * capitals or digits (a letter at least) is read so, and its letters take the Cyrillic
 * reading when that ends in two capitals after a hyphen and: for two
 * Latin letters, each Cyrillic one is a letter the Latin one can stand
 * for (B for В or Б, K for К only); for more, one of them is a letter
 * with no Latin twin (Ю, Ж).  The numeral stays as first read; the first
 * reading stays in attribute first.  At most SERIES_MAX words a page.
 */
#define SERIES_LETTERS 2
#define SERIES_MAX 4

static const char series_whitelist[] =
    "IVX-АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯІЎ";

int
ocr_series_latin(const char *s)
{
	size_t i = 0, n = strlen(s), k, letters = 0;

	while (i < n && strchr("IVXl1|", s[i]))
		i++;
	if (i == 0 || i > 4 || s[i] != '-')
		return -1;
	for (k = i + 1; k < n; k++)
		if (s[k] >= 'A' && s[k] <= 'Z')
			letters++;
		else if (!(s[k] >= '0' && s[k] <= '9'))
			return -1;
	n = k - (i + 1);
	return letters > 0 && n >= SERIES_LETTERS && n <= 2 * SERIES_LETTERS ? (int)i + 1 : -1;
}

/* Can Cyrillic capital cy (UTF-8) be what a Latin reading gave as lat? */
static int
series_twin(char lat, const char *cy)
{
	static const char *const twins[][2] = {
		{ "A", "А" }, { "B", "ВБ" }, { "C", "С" }, { "E", "Е" },
		{ "H", "Н" }, { "K", "К" }, { "M", "М" }, { "O", "О" },
		{ "P", "Р" }, { "T", "Т" }, { "X", "Х" }, { "Y", "УЎ" },
		{ "I", "І" },
	};
	size_t i;

	for (i = 0; i < sizeof twins / sizeof twins[0]; i++)
		if (twins[i][0][0] == lat)
			return strstr(twins[i][1], cy) != NULL;
	/* a letter with no Cyrillic twin: the Latin reading says nothing */
	return 1;
}

char *
ocr_series_letters(const char *lat, const char *v)
{
	/* Cyrillic capitals a Latin reading gives as one Latin letter */
	static const char latin_like[] = "АБВЕІКМНОРСТУЎХ";
	const char *p = strrchr(v, '-');
	size_t n = strlen(lat), len, i, k;
	int pairs = n == SERIES_LETTERS, unlike = 0;

	for (i = 0; i < n; i++)
		pairs &= lat[i] >= 'A' && lat[i] <= 'Z';
	if (!p)
		return NULL;
	p++;
	len = strlen(p);
	for (i = 0, k = 0; i < SERIES_LETTERS; i++) {
		uint32_t cp = 0;
		size_t m = k < len ? utf8_decode(p + k, len - k, &cp) : 0;
		char one[5];

		if (m == 0 || m > 4 || cp_kind(cp) != CP_CYRILLIC)
			return NULL;
		memcpy(one, p + k, m);
		one[m] = '\0';
		if (!strstr(series_whitelist, one) || (pairs && !series_twin(lat[i], one)))
			return NULL;
		unlike |= !strstr(latin_like, one);
		k += m;
	}
	if (k != len || (!pairs && !unlike))
		return NULL;
	return xstrdup(p);
}

static int
series_want(const char *t, double c)
{
	(void)c;
	return ocr_series_latin(t) >= 0;
}

static char *
series_take(const char *t, double c0, const char *v, double c1, double *newc)
{
	int at = ocr_series_latin(t);
	char *cy = ocr_series_letters(t + at, v), *now;

	(void)c0, (void)c1, (void)newc;
	if (!cy)
		return NULL;
	now = xasprintf("%.*s%s", at, t, cy);
	free(cy);
	return now;
}

static const word_pass series_pass = {
	"series", SERIES_MAX, PSM_SINGLE_LINE, series_whitelist, NULL, series_want, series_take,
};

static void
series_words(struct ocr_engine *e, struct reading *r, int dpi, double budget_ms)
{
	reread_words(r, e->api, dpi, budget_ms, &series_pass);
}

/*
 * The Roman numeral of a series, read again from its ink: Tesseract
 * reads a numeral a stroke off on clean scans (II-ЧЦ as І-ЧЦ, III as
 * "11" or Ш, VIII as МИ, VII as ХІІ: five numbers of the 21 wrong on
 * eval seeds 100041-100042), and ocr_ink_numeral names its glyphs by
 * their shape.  On the 939 series words of birth certificates of eval
 * seeds 100033-100043 (images, TIFF and PDF pages) it named 895
 * numerals right and none wrong (Tesseract's characters before the
 * hyphen were not the numeral on 223 of them, a Т for I among them,
 * which the fields stage mends); on the other 44 it was unsure (a
 * seal's ring across, serifs run together) and the word stays as
 * read.  A word shaped like a series
 * (ocr_series_shape) followed on its line by a number (NUMERAL_DIGITS
 * digits or more in one of the next two words) takes the numeral read
 * so in place of the characters before its hyphen; the first reading
 * stays in attribute first.
 */
#define NUMERAL_DIGITS 5

/* Does one of the two words after w hold NUMERAL_DIGITS digits? */
static int
number_after(xmlNodePtr w)
{
	int seen = 0;

	for (w = w->next; w && seen < 2; w = w->next) {
		xmlChar *t;
		int d = 0;

		if (w->type != XML_ELEMENT_NODE)
			continue;
		seen++;
		if ((t = xmlNodeGetContent(w)))
			count_letters((const char *)t, NULL, NULL, NULL, &d);
		xmlFree(t);
		if (d >= NUMERAL_DIGITS)
			return 1;
	}
	return 0;
}

static void
numeral_words(struct reading *r)
{
	xmlNodePtr l, w;

	for (l = r->lines->children; l; l = l->next)
		for (w = l->children; w; w = w->next) {
			xmlChar *t;
			char num[8], *now;
			int b[4], at;

			if (w->type != XML_ELEMENT_NODE || !node_box(w, b))
				continue;
			t = xmlNodeGetContent(w);
			at = t ? ocr_series_shape((const char *)t) : -1;
			if (at < 0 || !number_after(w) ||
			    !ocr_ink_numeral(r->image, b, num, sizeof num) ||
			    (strlen(num) == (size_t)at && memcmp(num, t, (size_t)at) == 0)) {
				xmlFree(t);
				continue;
			}
			now = xasprintf("%s%s", num, (const char *)t + at);
			if (ocr_debugging())
				fprintf(stderr, "%s: series word %d,%d: numeral %s from its ink\n",
				    progname, b[0], b[1], num);
			if (!xmlHasProp(w, BAD_CAST "first"))
				xml_set(w, "first", (const char *)t);
			xml_set_text(w, now);
			free(now);
			xmlFree(t);
		}
}

/*
 * Belarusian names on a Belarusian page.  With Russian read first, the
 * Belarusian І of a heavy typewriter face comes out as Т and its Ў as У
 * (МАКСТМАВТЧ and ШАУЧУК for МАКСІМАВІЧ and ШАЎЧУК; КСЕНТЯ, ТВАНОЎ,
 * ДЗМТТРЫЙ: 20 name fields on the eval seeds 100015-100038), which
 * Belarusian alone reads right.  On a page with BE_MIN_LETTERS of the
 * letters only Belarusian has (І, Ў) or more, and more of them than of
 * those only Russian has (И, Щ, Ъ), every word of three Cyrillic letters
 * or more, capitals or capitalised, with a Т or У is read again alone in
 * Belarusian and takes that reading when it differs from the first only
 * by І for Т and Ў for У (a real Т stays: ВІКТАР).  The first reading
 * stays in attribute first.  At most BE_WORDS words a page.
 */
#define BE_MIN_LETTERS 5
#define BE_WORDS 40

/* Is second the Belarusian reading of first: the same letters but for
 * some Т read as І and У as Ў (either case), one at least?  Marks at the
 * end of second that first lacks do not count. */
int
ocr_belarusian_better(const char *first, const char *second)
{
	size_t n0 = strlen(first), n1 = strlen(second), i = 0, j = 0, k0, k1;
	int changed = 0;

	while (n1 > 0 && strchr(".,:;", second[n1 - 1]) && (n0 == 0 || first[n0 - 1] != second[n1 - 1]))
		n1--;
	while (i < n0 && j < n1) {
		uint32_t a = 0, b = 0;

		k0 = utf8_decode(first + i, n0 - i, &a);
		k1 = utf8_decode(second + j, n1 - j, &b);
		if (!k0 || !k1)
			return 0;
		if (a != b) {
			if (!((a == 0x422 && b == 0x406) || (a == 0x442 && b == 0x456) ||
			    (a == 0x423 && b == 0x40E) || (a == 0x443 && b == 0x45E)))
				return 0;
			changed = 1;
		}
		i += k0;
		j += k1;
	}
	return changed && i == n0 && j == n1;
}

/* Could word be a Belarusian name OCR read with Т for І or У for Ў? */
static int
be_name_word(const char *s)
{
	size_t len = strlen(s), i = 0, k;
	int n = 0, upper = 0, lower = 0, first_upper = 0, tu = 0;

	while (i < len) {
		uint32_t cp = 0;

		k = utf8_decode(s + i, len - i, &cp);
		if (!k || cp_kind(cp) != CP_CYRILLIC)
			return 0;
		tally_case(cp, n, &upper, &lower, &first_upper);
		tu |= cp == 0x422 || cp == 0x442 || cp == 0x423 || cp == 0x443;
		n++;
		i += k;
	}
	return n >= 3 && tu && (lower == 0 || (upper == 1 && first_upper));
}

/* How many letters of r's words only Belarusian has (*be), and only
 * Russian (*ru). */
static void
page_be_ru(struct reading *r, size_t *be, size_t *ru)
{
	xmlNodePtr l, w;

	*be = *ru = 0;
	for (l = r->lines->children; l; l = l->next)
		for (w = l->children; w; w = w->next) {
			xmlChar *t;

			if (w->type != XML_ELEMENT_NODE || !(t = xmlNodeGetContent(w)))
				continue;
			be_ru_letters((const char *)t, be, ru);
			xmlFree(t);
		}
}

static int
be_want(const char *t, double c)
{
	(void)c;
	return be_name_word(t);
}

static char *
be_take(const char *t, double c0, const char *v, double c1, double *newc)
{
	(void)c0, (void)c1, (void)newc;
	/* Т and І, У and Ў take as many bytes: the reading's letters,
	 * without a mark it added */
	return ocr_belarusian_better(t, v) ? xstrndup(v, strlen(t)) : NULL;
}

static const word_pass be_pass = {
	"Belarusian", BE_WORDS, PSM_SINGLE_WORD, NULL, NULL, be_want, be_take,
};

static void
belarusian_words(struct ocr_engine *e, struct reading *r, int dpi, double budget_ms)
{
	size_t be, ru;

	page_be_ru(r, &be, &ru);
	if (be < BE_MIN_LETTERS || be <= ru)
		return;
	if (!e->bel_tried) {
		e->bel_tried = 1;
		e->bel = tess_new("bel");
	}
	if (e->bel)
		reread_words(r, e->bel, dpi, budget_ms, &be_pass);
}

/* The Latin and Cyrillic letters of r's words. */
static void
page_letters(struct reading *r, int *lat, int *cyr)
{
	xmlNodePtr l, w;

	*lat = *cyr = 0;
	for (l = r->lines->children; l; l = l->next)
		for (w = l->children; w; w = w->next)
			if (w->type == XML_ELEMENT_NODE) {
				xmlChar *t = xmlNodeGetContent(w);

				if (t)
					count_letters((const char *)t, lat, cyr, NULL, NULL);
				xmlFree(t);
			}
}

static void
script_words(struct ocr_engine *e, struct reading *r, int dpi, double budget_ms)
{
	int lat, cyr;

	page_letters(r, &lat, &cyr);
	if (cyr == 0)
		return;
	if (lat >= LATIN_MIN_LETTERS && lat >= LATIN_PAGE * (lat + cyr)) {
		if (latin_engine(e, r, dpi))
			english_words(e, r, dpi, budget_ms, 1);
	} else if (cyr >= LATIN_MIN_LETTERS) {
		double start = mono_ms();

		if (latin_engine(e, r, dpi))
			english_words(e, r, dpi, budget_ms, 0);
		if (cyr > lat) {
			series_words(e, r, dpi, budget_ms - (mono_ms() - start));
			belarusian_words(e, r, dpi, budget_ms - (mono_ms() - start));
		}
	}
}

PIX *
ocr_even_background(PIX *grey)
{
	PIX *even = pixBackgroundNormSimple(grey, NULL, NULL);

	if (even)
		pixGammaTRC(even, even, 1.0, 0, EVEN_BACKGROUND);
	return even;
}

/*
 * A reading that found no word on a page: the light of a photograph
 * falling off across the paper (a till receipt on a wide grey page, eval
 * seed 100024) beats Otsu's one threshold.  Read again with the
 * background made even, and white: Leptonica makes it grey (200), and the
 * white corners a turn to straighten the page brings in make that grey
 * page read as dark, a page with no word (seed 100024's BY-2026-468656,
 * turned 0.28 degrees; an upside-down receipt, band read turned at 93.5,
 * the page turned no word: seed 100046).  So does a reading of fewer than
 * NEAR_BLANK_WORDS words: a grainy photograph of a form on a grey table
 * read as 4 words at 21, then upside down at 40, where the even page
 * reads 83 words at 94 upright (seed 100060's BY-2026-968275; two more
 * such pages on seeds 100057 and 100060).  *r becomes the new reading
 * when it finds words and *r found none, or it is surer, or it finds
 * more words and reads at CONF_POOR or better.
 */
static void
read_even_if_near_blank(struct ocr_engine *e, PIX *grey, PIX *bin, int dpi, double left,
    struct reading *r, int *tries)
{
	struct reading alt;
	PIX *even;

	if (r->failed || r->words >= NEAR_BLANK_WORDS || left < 1000 ||
	    !(even = ocr_even_background(grey)))
		return;
	read_as(e, even, bin, dpi, r->rotate, left, &alt);
	pixDestroy(&even);
	(*tries)++;
	if (ocr_debugging())
		fprintf(stderr, "%s: read at %d on an even background: %d word(s), "
		    "confidence %.1f, against %d at %.1f\n", progname, r->rotate, alt.words,
		    alt.conf, r->words, r->conf);
	if (!alt.failed && alt.words > 0 && (r->words == 0 || alt.conf > r->conf ||
	    (alt.words > r->words && alt.conf >= CONF_POOR))) {
		reading_free(r);
		*r = alt;
	} else {
		reading_free(&alt);
	}
}

int
ocr_reread(struct ocr_engine *e, PIX *grey, int dpi, xmlNodePtr page)
{
	struct reading r;
	xmlNodePtr l, w;
	int added = 0;

	memset(&r, 0, sizeof r);
	r.lines = xmlNewNode(NULL, BAD_CAST "lines");
	r.image = pixClone(grey);
	while ((l = xml_child(page, "line"))) {
		xmlUnlinkNode(l);
		xmlAddChild(r.lines, l);
		for (w = l->children; w; w = w->next)
			if (w->type == XML_ELEMENT_NODE) {
				r.conf_sum += node_conf(w);
				r.words++;
			}
	}
	reread(e, &r, dpi, 60000);
	while ((l = r.lines->children)) {
		xmlUnlinkNode(l);
		if (l->type == XML_ELEMENT_NODE && xmlHasProp(l, BAD_CAST "reread"))
			added++;
		xmlAddChild(page, l);
	}
	reading_free(&r);
	return added;
}

static void
set_page_geometry(xmlNodePtr page, PIX *img, int dpi, int rotate, double skew)
{
	xml_setf(page, "width", "%d", pixGetWidth(img));
	xml_setf(page, "height", "%d", pixGetHeight(img));
	xml_setf(page, "dpi", "%d", dpi);
	xml_setf(page, "rotate", "%d", rotate);
	xml_setf(page, "skew", "%.2f", skew);
}

/* Leptonica or Tesseract gave up on a page of w x h. */
static int
fail(xmlNodePtr page, int w, int h)
{
	ocr_page_error(page, ocr_memory_short((size_t)w * (size_t)h * 8) ?
	    "not enough memory to recognise this page (see --max-memory)" :
	    "OCR failed on this page (image library error)");
	return -1;
}

/*
 * A page in grey for reading.  Print is black, grey or (a certificate's
 * series and number) red; the seals and signed names over the text they
 * certify are blue or violet.  So a colour page is read in its luminance,
 * as Leptonica weighs it, except that a pixel whose blue outweighs its
 * other channels beyond JPEG's noise is lightened by how much: a seal's
 * ink goes to paper, while black under it stays black (black over blue is
 * still black, and no bluer) and the letters are no longer broken into
 * garbage.  Lightening every colour lost the red series numbers.
 */
#define INK_CHROMA_NOISE 16
#define INK_CHROMA_GAIN 2

static PIX *
to_grey(PIX *pix)
{
	l_int32 w, h, x, y, wpls, wpld;
	l_uint32 *ds, *dd;
	PIX *grey;

	if (pixGetDepth(pix) != 32)
		return pixConvertTo8(pix, 0);
	pixGetDimensions(pix, &w, &h, NULL);
	if (!(grey = pixCreate(w, h, 8)))
		return NULL;
	pixCopyResolution(grey, pix);
	ds = pixGetData(pix);
	dd = pixGetData(grey);
	wpls = pixGetWpl(pix);
	wpld = pixGetWpl(grey);
	for (y = 0; y < h; y++) {
		const l_uint32 *ls = ds + y * wpls;
		l_uint32 *ld = dd + y * wpld;

		for (x = 0; x < w; x++) {
			l_int32 r, g, b, lo, v;

			extractRGBValues(ls[x], &r, &g, &b);
			v = (l_int32)(L_RED_WEIGHT * r + L_GREEN_WEIGHT * g +
			    L_BLUE_WEIGHT * b + 0.5);
			lo = r < g ? r : g;
			if (b > r && b > g && b - lo > INK_CHROMA_NOISE)
				v += INK_CHROMA_GAIN * (b - lo - INK_CHROMA_NOISE);
			SET_DATA_BYTE(ld, x, v > 255 ? 255 : v);
		}
	}
	return grey;
}

int
ocr_recognise(struct ocr_engine *e, PIX *pix, int dpi, int seconds,
    xmlNodePtr page)
{
	double start = mono_ms(), budget = seconds * 1000.0;
	int errors = ocr_library_errors();
	struct reading best, alt;
	PIX *flat, *grey, *bin;
	l_int32 w, h, d, on = -1;
	int osd_rot = -1, cand[3], ncand = 0, i, tries, way;
	double t_prep, c_start = cpu_ms(), c_prep, c_way, c_osd, ratio;
	float osd_conf = 0;

	pixGetDimensions(pix, &w, &h, &d);
	if (w < MIN_SIDE || h < MIN_SIDE) {
		set_page_geometry(page, pix, ocr_plausible_dpi(dpi, w, h), 0, 0);
		xml_set(page, "c", "0.0");
		xml_set(page, "status", "empty");
		return 0;
	}
	/* A transparent background is black underneath in most PNGs. */
	flat = d == 32 && pixGetSpp(pix) == 4 ? pixAlphaBlendUniform(pix, 0xffffff00)
	    : pixClone(pix);
	grey = flat ? to_grey(flat) : NULL;
	pixDestroy(&flat);
	if (!grey)
		return fail(page, w, h);
	dpi = ocr_plausible_dpi(dpi, w, h);
	if (dpi > 500) {
		/* Beyond 300 dpi Tesseract gains nothing and gets slower with
		 * the square of the resolution. */
		PIX *smaller = pixScaleAreaMap(grey, 300.0f / dpi, 300.0f / dpi);

		if (smaller) {
			pixDestroy(&grey);
			grey = smaller;
			dpi = 300;
		}
	}
	pixSetResolution(grey, dpi, dpi);
	bin = binarise(grey);
	if (bin && pixCountPixels(bin, &on, NULL) != 0)
		on = -1;
	if (on <= 0) {
		pixDestroy(&bin);
		if (on < 0 || ocr_library_errors() > errors) {
			pixDestroy(&grey);
			return fail(page, w, h);
		}
		set_page_geometry(page, grey, dpi, 0, 0);
		pixDestroy(&grey);
		xml_set(page, "c", "0.0");
		xml_set(page, "status", "empty");
		return 0;
	}

	t_prep = mono_ms();
	c_prep = cpu_ms();
	way = lines_sideways(bin, &ratio);
	c_way = cpu_ms();
	if (way == 0) {
		/* Lines run across: read upright, the common case, and turn
		 * the page over only when a band of it reads clearly better
		 * upside down than the page did upright. */
		read_as(e, grey, bin, dpi, 0, budget - (mono_ms() - start), &best);
		tries = 1;
		read_even_if_near_blank(e, grey, bin, dpi, budget - (mono_ms() - start), &best,
		    &tries);
		if (ocr_debugging())
			fprintf(stderr, "%s: read at 0: %d word(s), confidence %.1f\n",
			    progname, best.words, best.conf);
		if (!best.failed && best.conf < CONF_GOOD &&
		    budget - (mono_ms() - start) > 1000) {
			double flip = turned_band_confidence(e, grey, bin, dpi, 180);

			if (flip > best.conf + FLIP_MARGIN) {
				cand[ncand++] = 180;
			} else if (best.conf < CONF_POOR || flip < 0) {
				/* Neither way reads well, or no band could be
				 * read turned (an upside-down police
				 * certificate read at 50.1, eval seed 100031):
				 * a sure OSD may know better (a page with too
				 * little text for a band, say).  Its way is
				 * read and kept only if it reads better. */
				osd_rot = detect_orientation(e, bin, dpi, &osd_conf);
				if (osd_rot > 0 && osd_conf >= OSD_TRUST)
					cand[ncand++] = osd_rot;
				else if (best.conf < CONF_POOR)
					/* Nothing could tell, and upright it
					 * reads poorly: read it upside down
					 * as well (an English police
					 * certificate, no band read turned,
					 * OSD 5.0 for upright, upright at
					 * 44.8: eval seed 100052). */
					cand[ncand++] = 180;
			}
		}
	} else if (way == 1) {
		/* Lines run up or down: a band of each way; when neither
		 * reads clearly, OSD chooses, and a poor reading is tried the
		 * other way too. */
		double b90 = turned_band_confidence(e, grey, bin, dpi, 90);
		double b270 = turned_band_confidence(e, grey, bin, dpi, 270);
		int first = b270 > b90 ? 270 : 90, sure = 1;

		if ((b90 > b270 ? b90 : b270) < BAND_CLEAR) {
			osd_rot = detect_orientation(e, bin, dpi, &osd_conf);
			if (osd_rot == 90 || osd_rot == 270)
				first = osd_rot;
			sure = 0;
		}
		read_as(e, grey, bin, dpi, first, budget - (mono_ms() - start), &best);
		tries = 1;
		if (!best.failed && best.conf < CONF_GOOD &&
		    (!sure || (first == 90 ? b270 : b90) > best.conf + FLIP_MARGIN))
			cand[ncand++] = first == 90 ? 270 : 90;
	} else {
		/* Too little text to tell: OSD, and when it is unsure its
		 * guess, upright and upside down, the most confident reading
		 * winning. */
		osd_rot = detect_orientation(e, bin, dpi, &osd_conf);
		if (osd_rot >= 0 && osd_conf >= OSD_TRUST) {
			cand[ncand++] = osd_rot;
		} else {
			if (osd_rot > 0)
				cand[ncand++] = osd_rot;
			cand[ncand++] = 0;
			if (osd_rot != 180)
				cand[ncand++] = 180;
		}
		read_as(e, grey, bin, dpi, cand[0], budget - (mono_ms() - start), &best);
		tries = 1;
		memmove(cand, cand + 1, --ncand * sizeof *cand);
	}
	c_osd = cpu_ms();
	for (i = 0; i < ncand && !best.failed && best.conf < CONF_GOOD; i++) {
		double left = budget - (mono_ms() - start);

		if (left < 1000)
			break;
		read_as(e, grey, bin, dpi, cand[i], left, &alt);
		tries++;
		if (ocr_debugging())
			fprintf(stderr, "%s: read at %d: %d word(s), confidence %.1f%s\n",
			    progname, cand[i], alt.words, alt.conf,
			    alt.failed ? " (failed)" : "");
		read_even_if_near_blank(e, grey, bin, dpi, budget - (mono_ms() - start), &alt,
		    &tries);
		if (!alt.failed && alt.words > 0 &&
		    (best.words == 0 || alt.conf > best.conf)) {
			reading_free(&best);
			best = alt;
		} else {
			reading_free(&alt);
		}
	}
	pixDestroy(&bin);
	pixDestroy(&grey);
	if (!best.failed && best.words > 0)
		reread(e, &best, dpi, budget - (mono_ms() - start));
	if (ocr_debugging())
		fprintf(stderr, "%s: timing: prepare %.2f s, %d reading(s) %.2f s; "
		    "lines %s (ratio %.2f), OSD %d (confidence %.1f); rotate %d, "
		    "skew %.2f, confidence %.1f; cpu: prepare %.2f, line test %.2f, "
		    "first reading and tests %.2f, more readings %.2f\n",
		    progname, (t_prep - start) / 1e3, tries, (mono_ms() - t_prep) / 1e3,
		    way == 1 ? "sideways" : way == 0 ? "across" : "unsure", ratio,
		    osd_rot, osd_conf, best.rotate, best.skew, best.conf,
		    (c_prep - c_start) / 1e3, (c_way - c_prep) / 1e3,
		    (c_osd - c_way) / 1e3, (cpu_ms() - c_osd) / 1e3);

	if (best.failed == 1) {
		ocr_page_error(page, "OCR timed out");
		reading_free(&best);
		return -1;
	}
	/* Tesseract answers a failed allocation with an empty page or a
	 * plain failure; neither must pass for "no text". */
	if (best.failed || (best.words == 0 && ocr_library_errors() > errors)) {
		reading_free(&best);
		return fail(page, w, h);
	}
	set_page_geometry(page, best.image, dpi, best.rotate, best.skew);
	xml_setf(page, "c", "%.1f", best.conf);
	xml_set(page, "status", best.words ? "ok" : "empty");
	while (best.lines->children) {
		xmlNodePtr l = best.lines->children;

		xmlUnlinkNode(l);
		xmlAddChild(page, l);
	}
	reading_free(&best);
	return 0;
}
