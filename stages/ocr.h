/*
 * ocr.h - internals of intake-ocr, shared by stages/ocr*.c and
 * tests/test_ocr.c.  Not part of the intake library: nothing else links
 * Leptonica, poppler or Tesseract.
 */
#ifndef OCR_H
#define OCR_H

#include "intake.h"

#include <cairo.h>
#include <leptonica/allheaders.h>

/* What the first bytes of a file say it is (never the extension). */
enum ocr_format {
	OCR_FMT_EMPTY,   /* zero bytes */
	OCR_FMT_UNKNOWN,
	OCR_FMT_PNG,
	OCR_FMT_JPEG,
	OCR_FMT_TIFF,
	OCR_FMT_PDF,
	/* Recognised only to say clearly what was sent instead of a scan. */
	OCR_FMT_ZIP,
	OCR_FMT_GZIP,
	OCR_FMT_RAR,
	OCR_FMT_7Z,
	OCR_FMT_GIF,
	OCR_FMT_BMP,
	OCR_FMT_WEBP,
	OCR_FMT_JP2,
	OCR_FMT_HEIC,
	OCR_FMT_OLE,     /* old MS Office */
	OCR_FMT_TEXT,    /* XML, HTML or other text */
};

/* Largest input file read at all. */
#define OCR_MAX_FILE (256u << 20)
/* No side of a page may exceed this, whatever the pixel budget. */
#define OCR_MAX_SIDE 30000

struct ocr_limits {
	long long max_pixels;   /* per page, before decoding */
	int max_side;
	int max_pages;          /* per file */
	int dpi;                /* PDF rendering resolution */
	int page_seconds;       /* Tesseract deadline per page */
	long max_memory_mb;     /* RLIMIT_AS of each worker */
};

void ocr_limits_default(struct ocr_limits *lim);

/* ---- ocr_image.c: formats, caps, decoding ------------------------------ */

enum ocr_format ocr_sniff(const unsigned char *buf, size_t len);
/* "PNG", "ZIP archive", ... */
const char *ocr_format_name(enum ocr_format f);
/* 1 for the formats intake reads. */
int ocr_format_supported(enum ocr_format f);
/* Reason (malloc'd) why a file of format f named name is refused, in words
 * fit for a clerk; name's extension only sharpens the wording. */
char *ocr_refuse_reason(const char *name, enum ocr_format f);

/* NULL when a page of w x h pixels is within the limits, else the reason
 * (malloc'd). */
char *ocr_check_size(long long w, long long h, const struct ocr_limits *lim);

/* Route Leptonica's (and GLib's) messages to our handler: dropped unless
 * $INTAKE_DEBUG is set, then prefixed with progname.  Idempotent. */
void ocr_quiet_libraries(void);

/* 1 when $INTAKE_DEBUG asks for library messages and timings on stderr
 * (never recognised text). */
int ocr_debugging(void);
/* Leptonica errors seen so far (they are counted even when dropped). */
int ocr_library_errors(void);
/* 1 when bytes more cannot be allocated now (under the worker's limit). */
int ocr_memory_short(size_t bytes);

/*
 * One input file, opened for page-by-page decoding.  Opening reads only
 * headers: the page count (refused over max_pages) and, for PDF, the
 * document structure.  The buffer must outlive the source.
 */
struct ocr_source;
struct ocr_source *ocr_source_open(const unsigned char *buf, size_t len,
    enum ocr_format fmt, const struct ocr_limits *lim, char **why);
int ocr_source_pages(const struct ocr_source *src);
/*
 * Decode page index (1-based) after checking its header against the caps.
 * Returns the page (any depth) with *dpi set to its resolution (0 when the
 * file does not say), or NULL with *why (malloc'd).
 */
PIX *ocr_source_page(struct ocr_source *src, int index, int *dpi, char **why);
void ocr_source_close(struct ocr_source *src);

/* Copy a cairo ARGB32/RGB24 image surface into a new 32 bpp PIX (alpha
 * dropped: PDF pages are rendered on white). */
PIX *ocr_pix_from_cairo(cairo_surface_t *s);

/* ---- ocr_engine.c: clean-up and Tesseract ------------------------------ */

struct ocr_engine;

/* Load Tesseract for langs ("rus+bel+eng") and the OSD model.  NULL with
 * *why on failure. */
struct ocr_engine *ocr_engine_new(const char *langs, char **why);
void ocr_engine_free(struct ocr_engine *e);

/* The resolution to assume for a page of w x h that claims dpi. */
int ocr_plausible_dpi(int dpi, int w, int h);

/*
 * Make pix upright and straight and recognise it.  Fills page (which
 * already carries file/index/sha256) with width, height, dpi, rotate, skew,
 * c and status, and its line/w children; or status="error" and reason.
 * Returns 0 for ok/empty, -1 for error.  pix is not consumed.
 */
int ocr_recognise(struct ocr_engine *e, PIX *pix, int dpi, int seconds,
    xmlNodePtr page);

/*
 * The second readings ocr_recognise makes, on their own: rows of grey
 * (8 bpp, the page as recognised) that page's lines leave without a word
 * or read poorly are read again, and what reads better replaces them.
 * Returns the number of lines page gained from second readings.
 */
int ocr_reread(struct ocr_engine *e, PIX *grey, int dpi, xmlNodePtr page);

/*
 * grey (8 bpp) with its background made even and white, the print kept
 * dark: for a page photographed in uneven light.  NULL on failure.
 */
PIX *ocr_even_background(PIX *grey);

/* Is fresh, a second reading of the row rect, better than what lines
 * hold there?  lost (may be NULL) holds ink no first word covered.  See
 * ocr_engine.c. */
int ocr_row_better(xmlNodePtr lines, const int *rect, xmlNodePtr fresh, BOXA *lost,
    int keep_sure);

/*
 * Could word (as OCR read it on a Cyrillic page) be a Latin name read in
 * Cyrillic look-alikes: two or more Cyrillic letters, all capitals or
 * capitalised, none a letter no Latin one is read as?  Such words get a
 * second, English reading (attribute en).
 */
int ocr_maybe_latin(const char *word);
/* Is word ("№071") a Latin name read as № and digits, after prev
 * ("OKAFOR") on its line?  See ocr_engine.c. */
int ocr_sign_for_name(const char *prev, const char *word);
/* Does the second reading of a word of digits read weakly in its line
 * (first, confidence c0), read alone (second, c1), replace it: as many
 * characters and digits, and surer by far?  See ocr_engine.c. */
int ocr_weak_better(const char *first, double c0, const char *second, double c1);
/* Is t a word of digits and date signs, one other character at most
 * (read again alone to check it, attribute alone)?  See ocr_engine.c. */
int ocr_date_shaped(const char *t);
/* Does second, that word read alone, differ from first as an opinion
 * worth keeping? */
int ocr_date_other(const char *first, const char *second);
/* Is t a day in quotes read as something else than one or two digits
 * («KOI», «309»)?  See ocr_engine.c. */
int ocr_day_quoted(const char *t);
/* The day of one or two digits (not 0) a reading of such a word holds,
 * copied into day; 0 when it holds none.  See ocr_engine.c. */
int ocr_day_digits(const char *v, char day[3]);
/* Is second, a Belarusian reading of a word, first but for Т read for І
 * and У for Ў?  See ocr_engine.c. */
int ocr_belarusian_better(const char *first, const char *second);
/* A series read in Latin on a Cyrillic page ("I-KB", "XI-FOK"): where
 * its letters begin in word, or -1 when word is none. */
int ocr_series_latin(const char *word);
/* The Cyrillic letters (newly allocated) a reading v of the series word
 * whose Latin letters are lat gives them, when they fit; NULL otherwise.
 * See ocr_engine.c. */
char *ocr_series_letters(const char *lat, const char *v);

/* Mark page as failed: status="error" reason=reason. */
void ocr_page_error(xmlNodePtr page, const char *reason);

/* ---- ocr_numeral.c: Roman numerals read from their ink ----------------- */

/* The bytes before the hyphen of a word shaped like a series: one to
 * five characters, a hyphen, two to four capitals (Latin or Cyrillic);
 * -1 for any other word. */
int ocr_series_shape(const char *word);
/* Is s a Roman numeral as written, I to XXXIX? */
int ocr_roman_valid(const char *s);
/* The Roman numeral that starts the series word in box b (x0 y0 x1 y1)
 * of grey, up to its hyphen, read from the shapes of its glyphs: 1 and
 * the numeral in out, 0 when unsure.  See ocr_numeral.c. */
int ocr_ink_numeral(PIX *grey, const int *b, char *out, size_t outsz);

/* ---- ocr.c ----------------------------------------------------------- */

/* Make OpenMP (linked in by Tesseract) single-threaded: the driver runs one
 * process per core. */
void ocr_single_thread(void);

int cmd_main(int argc, char **argv);

#endif
