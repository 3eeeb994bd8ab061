/*
 * ocr_image.c - what intake-ocr knows about files before Tesseract sees
 * them: the format (by magic bytes), the page count, the size of each page
 * from its header, and only then the decoded page.
 *
 * The decoders (libpng, libjpeg, libtiff via Leptonica; poppler for PDF)
 * make no promise on hostile input, so every page is measured against our
 * caps before a single pixel is allocated.  Deliberately not here: any
 * clean-up of the image (ocr_engine.c) and any process isolation (ocr.c).
 */
#include "ocr.h"

#include <ctype.h>
#include <glib.h>
#include <math.h>
#include <poppler.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void
ocr_limits_default(struct ocr_limits *lim)
{
	lim->max_pixels = 100000000LL;
	lim->max_side = OCR_MAX_SIDE;
	lim->max_pages = 500;
	lim->dpi = 300;
	lim->page_seconds = 120;
	lim->max_memory_mb = 2048;
}

/* ---- formats ---------------------------------------------------------- */

static int
starts(const unsigned char *buf, size_t len, const void *magic, size_t n)
{
	return len >= n && memcmp(buf, magic, n) == 0;
}

enum ocr_format
ocr_sniff(const unsigned char *buf, size_t len)
{
	size_t i, lim;

	if (len == 0)
		return OCR_FMT_EMPTY;
	if (starts(buf, len, "\x89PNG\r\n\x1a\n", 8))
		return OCR_FMT_PNG;
	if (starts(buf, len, "\xff\xd8\xff", 3))
		return OCR_FMT_JPEG;
	if (starts(buf, len, "II*\0", 4) || starts(buf, len, "MM\0*", 4) ||
	    starts(buf, len, "II+\0", 4) || starts(buf, len, "MM\0+", 4))
		return OCR_FMT_TIFF;
	if (starts(buf, len, "%PDF-", 5))
		return OCR_FMT_PDF;
	if (starts(buf, len, "PK\x03\x04", 4) || starts(buf, len, "PK\x05\x06", 4) ||
	    starts(buf, len, "PK\x07\x08", 4))
		return OCR_FMT_ZIP;
	if (starts(buf, len, "\x1f\x8b", 2))
		return OCR_FMT_GZIP;
	if (starts(buf, len, "Rar!\x1a\x07", 6))
		return OCR_FMT_RAR;
	if (starts(buf, len, "7z\xbc\xaf\x27\x1c", 6))
		return OCR_FMT_7Z;
	if (starts(buf, len, "GIF87a", 6) || starts(buf, len, "GIF89a", 6))
		return OCR_FMT_GIF;
	if (len >= 14 && starts(buf, len, "BM", 2))
		return OCR_FMT_BMP;
	if (len >= 12 && starts(buf, len, "RIFF", 4) && memcmp(buf + 8, "WEBP", 4) == 0)
		return OCR_FMT_WEBP;
	if (starts(buf, len, "\0\0\0\x0cjP  \r\n\x87\n", 12) ||
	    starts(buf, len, "\xff\x4f\xff\x51", 4))
		return OCR_FMT_JP2;
	if (len >= 12 && memcmp(buf + 4, "ftyp", 4) == 0)
		return OCR_FMT_HEIC;
	if (starts(buf, len, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8))
		return OCR_FMT_OLE;
	/* PDF readers accept up to 1 KB of junk before the header, and some
	 * scanners do write a preamble; looked for only once every format
	 * with a magic number at 0 has had its chance (a ZIP may hold a PDF
	 * near its start). */
	lim = len < 1024 ? len : 1024;
	for (i = 0; i + 5 <= lim; i++)
		if (memcmp(buf + i, "%PDF-", 5) == 0)
			return OCR_FMT_PDF;
	/* Markup after blanks or a UTF-8 byte-order mark (EF BB BF). */
	for (i = 0; i < len && i < 64; i++) {
		if (buf[i] == '<')
			return OCR_FMT_TEXT;
		if (!isspace(buf[i]) && !(i < 3 && buf[i] >= 0xbb))
			break;
	}
	return OCR_FMT_UNKNOWN;
}

static const struct {
	const char *name;      /* as a heading: "PNG" */
	const char *described; /* in a sentence: "a PNG image" */
} formats[] = {
	[OCR_FMT_EMPTY] = {"empty file", "empty"},
	[OCR_FMT_UNKNOWN] = {"unknown", "its content is not a recognised image or PDF"},
	[OCR_FMT_PNG] = {"PNG", "a PNG image"},
	[OCR_FMT_JPEG] = {"JPEG", "a JPEG image"},
	[OCR_FMT_TIFF] = {"TIFF", "a TIFF image"},
	[OCR_FMT_PDF] = {"PDF", "a PDF document"},
	[OCR_FMT_ZIP] = {"ZIP archive", "a ZIP archive (or an Office document)"},
	[OCR_FMT_GZIP] = {"gzip archive", "a gzip archive"},
	[OCR_FMT_RAR] = {"RAR archive", "a RAR archive"},
	[OCR_FMT_7Z] = {"7-Zip archive", "a 7-Zip archive"},
	[OCR_FMT_GIF] = {"GIF", "a GIF image"},
	[OCR_FMT_BMP] = {"BMP", "a BMP image"},
	[OCR_FMT_WEBP] = {"WebP", "a WebP image"},
	[OCR_FMT_JP2] = {"JPEG 2000", "a JPEG 2000 image"},
	[OCR_FMT_HEIC] = {"HEIC/MP4", "a HEIC photo or MP4 video"},
	[OCR_FMT_OLE] = {"MS Office", "an old-style MS Office document"},
	[OCR_FMT_TEXT] = {"XML/HTML", "an XML or HTML document"},
};

const char *
ocr_format_name(enum ocr_format f)
{
	if ((unsigned)f >= sizeof formats / sizeof formats[0])
		return "unknown";
	return formats[f].name;
}

int
ocr_format_supported(enum ocr_format f)
{
	return f == OCR_FMT_PNG || f == OCR_FMT_JPEG || f == OCR_FMT_TIFF ||
	    f == OCR_FMT_PDF;
}

/* The format a file's extension promises, or UNKNOWN. */
static enum ocr_format
format_of_name(const char *name)
{
	const char *dot = strrchr(name, '.');

	if (!dot || strchr(dot, '/'))
		return OCR_FMT_UNKNOWN;
	dot++;
	if (strcasecmp(dot, "png") == 0)
		return OCR_FMT_PNG;
	if (strcasecmp(dot, "jpg") == 0 || strcasecmp(dot, "jpeg") == 0 ||
	    strcasecmp(dot, "jpe") == 0)
		return OCR_FMT_JPEG;
	if (strcasecmp(dot, "tif") == 0 || strcasecmp(dot, "tiff") == 0)
		return OCR_FMT_TIFF;
	if (strcasecmp(dot, "pdf") == 0)
		return OCR_FMT_PDF;
	return OCR_FMT_UNKNOWN;
}

char *
ocr_refuse_reason(const char *name, enum ocr_format f)
{
	enum ocr_format promised = format_of_name(name);

	if (f == OCR_FMT_EMPTY)
		return xstrdup("file is empty (0 bytes)");
	if (promised != OCR_FMT_UNKNOWN)
		return xasprintf("not a %s file: %s%s", ocr_format_name(promised),
		    f == OCR_FMT_UNKNOWN ? "" : "it is ", formats[f].described);
	if (f == OCR_FMT_UNKNOWN)
		return xstrdup("not a scan: neither PNG, JPEG, TIFF nor PDF");
	return xasprintf("not a scan: it is %s (intake reads PNG, JPEG, TIFF "
	    "and PDF)", formats[f].described);
}

char *
ocr_check_size(long long w, long long h, const struct ocr_limits *lim)
{
	if (w <= 0 || h <= 0)
		return xasprintf("damaged page: its header gives a size of "
		    "%lld x %lld pixels", w, h);
	if (w > lim->max_side || h > lim->max_side)
		return xasprintf("page too large: %lld x %lld pixels (no side may "
		    "exceed %d)", w, h, lim->max_side);
	if (w * h > lim->max_pixels)
		return xasprintf("page too large: %lld x %lld pixels = %.1f "
		    "megapixels (limit %.1f)", w, h, (double)(w * h) / 1e6,
		    (double)lim->max_pixels / 1e6);
	return NULL;
}

/* ---- library messages ------------------------------------------------- */

static int debug_libs = -1;
static int lept_errors;

int
ocr_debugging(void)
{
	if (debug_libs < 0) {
		const char *v = getenv("INTAKE_DEBUG");

		debug_libs = v && *v && strcmp(v, "0") != 0;
	}
	return debug_libs;
}

/* Leptonica names functions and sometimes files, never content; still,
 * nothing but our own words reaches stderr unless asked for. */
static void
lept_message(const char *msg)
{
	/* Counted because a failed allocation deep inside Leptonica or
	 * Tesseract can otherwise pass for a blank page. */
	if (strncmp(msg, "Error", 5) == 0)
		lept_errors++;
	if (ocr_debugging())
		fprintf(errstream ? errstream : stderr, "%s: leptonica: %s", progname,
		    msg);
}

static void
glib_message(const gchar *domain, GLogLevelFlags level, const gchar *msg,
    gpointer data)
{
	(void)level;
	(void)data;
	if (ocr_debugging())
		fprintf(errstream ? errstream : stderr, "%s: %s: %s\n", progname,
		    domain ? domain : "glib", msg);
}

static void
glib_print(const gchar *msg)
{
	if (ocr_debugging())
		fprintf(errstream ? errstream : stderr, "%s: poppler: %s", progname, msg);
}

int
ocr_library_errors(void)
{
	return lept_errors;
}

int
ocr_memory_short(size_t bytes)
{
	/* Under RLIMIT_AS malloc fails honestly instead of overcommitting,
	 * so a trial allocation tells "too big for the limit" from "bad
	 * data". */
	void *p = malloc(bytes);

	free(p);
	return p == NULL;
}

void
ocr_quiet_libraries(void)
{
	static int done;

	if (done)
		return;
	done = 1;
	leptSetStderrHandler(lept_message);
	g_log_set_default_handler(glib_message, NULL);
	g_set_printerr_handler(glib_print);
	g_set_print_handler(glib_print);
}

/* ---- TIFF page list --------------------------------------------------- */

static uint64_t
get_u(const unsigned char *p, int n, int big)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < n; i++)
		v |= (uint64_t)p[big ? i : n - 1 - i] << (8 * (n - 1 - i));
	return v;
}

/* Where each page's directory is, and the size it declares. */
struct tiff_page {
	uint64_t off;
	long long w, h;
	int cut;        /* the directory runs past the end of the file */
};

/* Insert off into an open-addressing set of nslots; 0 if already there. */
static int
set_add(uint64_t *set, size_t nslots, uint64_t off)
{
	size_t i = (size_t)((off * 0x9e3779b97f4a7c15ull) >> 17) % nslots;

	while (set[i]) {
		if (set[i] == off)
			return 0;
		i = (i + 1) % nslots;
	}
	set[i] = off;
	return 1;
}

/*
 * Read one directory: ImageWidth and ImageLength, and the offset of the
 * next directory.  Returns 0, or -1 when it does not fit in the file.
 */
static int
tiff_dir(const unsigned char *buf, size_t len, int big, int bigtiff,
    struct tiff_page *pg, uint64_t *next)
{
	int offsz = bigtiff ? 8 : 4, cntsz = bigtiff ? 8 : 2, entsz = bigtiff ? 20 : 12;
	uint64_t off = pg->off, entries, e;

	if (off > len || len - off < (uint64_t)cntsz)
		return -1;
	entries = get_u(buf + off, cntsz, big);
	if (entries == 0 || entries > (len - off - cntsz) / entsz ||
	    len - off - cntsz - entries * entsz < (uint64_t)offsz)
		return -1;
	for (e = 0; e < entries; e++) {
		const unsigned char *ent = buf + off + cntsz + e * entsz;
		unsigned tag = (unsigned)get_u(ent, 2, big), type = (unsigned)get_u(ent + 2, 2, big);
		uint64_t count = get_u(ent + 4, bigtiff ? 8 : 4, big);
		const unsigned char *val = ent + (bigtiff ? 12 : 8);
		long long v;

		if ((tag != 256 && tag != 257) || count != 1)
			continue;
		if (type == 3)          /* SHORT */
			v = (long long)get_u(val, 2, big);
		else if (type == 4)     /* LONG */
			v = (long long)get_u(val, 4, big);
		else if (type == 16 && bigtiff) /* LONG8 */
			v = (long long)(get_u(val, 8, big) & 0x7fffffffffffffffull);
		else
			continue;
		if (tag == 256)
			pg->w = v;
		else
			pg->h = v;
	}
	*next = get_u(buf + off + cntsz + entries * entsz, offsz, big);
	return 0;
}

/*
 * List the pages of a TIFF by walking its chain of directories ourselves:
 * a crafted file may chain millions of them, and libtiff would read every
 * one (Leptonica's tiffGetCount), or walk the chain again for every page
 * (pixReadMemTiff).  We stop one past the cap.  Returns the count with
 * *pages malloc'd, or -1 with *why.
 */
static int
tiff_scan(const unsigned char *buf, size_t len, int cap, struct tiff_page **pages,
    char **why)
{
	int big = buf[0] == 'M', bigtiff = len > 3 && buf[2 + big] == 43;
	size_t nslots = 2 * (size_t)cap + 3;
	uint64_t *seen, off;
	struct tiff_page *pg;
	int n = 0;

	*pages = NULL;
	if (len < (size_t)(bigtiff ? 16 : 8)) {
		*why = xstrdup("damaged TIFF file (truncated header)");
		return -1;
	}
	off = get_u(buf + (bigtiff ? 8 : 4), bigtiff ? 8 : 4, big);
	seen = xcalloc(nslots, sizeof *seen);
	pg = xcalloc((size_t)cap + 1, sizeof *pg);
	/* A chain that comes back to a page it passed ends there, as it
	 * does for libtiff. */
	while (off != 0 && n <= cap && set_add(seen, nslots, off)) {
		pg[n].off = off;
		if (tiff_dir(buf, len, big, bigtiff, &pg[n], &off) < 0) {
			if (n == 0) {
				*why = xstrdup("damaged TIFF file (truncated)");
				n = -1;
				break;
			}
			/* The pages before it are still evidence; this one
			 * becomes an error page. */
			pg[n++].cut = 1;
			break;
		}
		n++;
	}
	free(seen);
	if (n == 0) {
		*why = xstrdup("damaged TIFF file (no pages)");
		n = -1;
	}
	if (n < 0)
		free(pg);
	else
		*pages = pg;
	return n;
}

/* ---- sources ---------------------------------------------------------- */

struct ocr_source {
	const unsigned char *buf;
	size_t len;
	enum ocr_format fmt;
	const struct ocr_limits *lim;
	int pages;
	struct tiff_page *tiff;
	GBytes *bytes;
	PopplerDocument *pdf;
};

static int
pdf_open(struct ocr_source *s, char **why)
{
	GError *err = NULL;

	s->bytes = g_bytes_new_static(s->buf, s->len);
	s->pdf = poppler_document_new_from_bytes(s->bytes, NULL, &err);
	if (!s->pdf) {
		if (err && err->domain == POPPLER_ERROR && err->code == POPPLER_ERROR_ENCRYPTED)
			*why = xstrdup("PDF is password-protected");
		else
			*why = xstrdup("damaged PDF file (cannot be opened)");
		if (err)
			g_error_free(err);
		return -1;
	}
	s->pages = poppler_document_get_n_pages(s->pdf);
	if (s->pages <= 0) {
		*why = xstrdup("PDF has no pages");
		return -1;
	}
	return 0;
}

struct ocr_source *
ocr_source_open(const unsigned char *buf, size_t len, enum ocr_format fmt,
    const struct ocr_limits *lim, char **why)
{
	struct ocr_source *s = xcalloc(1, sizeof *s);

	*why = NULL;
	s->buf = buf;
	s->len = len;
	s->fmt = fmt;
	s->lim = lim;
	ocr_quiet_libraries();
	switch (fmt) {
	case OCR_FMT_PNG:
	case OCR_FMT_JPEG:
		s->pages = 1;
		break;
	case OCR_FMT_TIFF:
		s->pages = tiff_scan(buf, len, lim->max_pages, &s->tiff, why);
		break;
	case OCR_FMT_PDF:
		if (pdf_open(s, why) < 0)
			s->pages = -1;
		break;
	default:
		*why = xstrdup("not a supported format");
		s->pages = -1;
		break;
	}
	if (s->pages > lim->max_pages) {
		*why = xasprintf("too many pages: more than %d (the limit)",
		    lim->max_pages);
		s->pages = -1;
	}
	if (s->pages < 0) {
		ocr_source_close(s);
		return NULL;
	}
	return s;
}

int
ocr_source_pages(const struct ocr_source *src)
{
	return src->pages;
}

void
ocr_source_close(struct ocr_source *s)
{
	if (!s)
		return;
	if (s->pdf)
		g_object_unref(s->pdf);
	if (s->bytes)
		g_bytes_unref(s->bytes);
	free(s->tiff);
	free(s);
}

PIX *
ocr_pix_from_cairo(cairo_surface_t *s)
{
	cairo_format_t f;
	int w, h, stride, x, y, wpl;
	const unsigned char *data;
	l_uint32 *pd;
	PIX *pix;

	if (!s || cairo_surface_get_type(s) != CAIRO_SURFACE_TYPE_IMAGE)
		return NULL;
	f = cairo_image_surface_get_format(s);
	if (f != CAIRO_FORMAT_ARGB32 && f != CAIRO_FORMAT_RGB24)
		return NULL;
	cairo_surface_flush(s);
	w = cairo_image_surface_get_width(s);
	h = cairo_image_surface_get_height(s);
	stride = cairo_image_surface_get_stride(s);
	data = cairo_image_surface_get_data(s);
	if (!data || w <= 0 || h <= 0 || !(pix = pixCreateNoInit(w, h, 32)))
		return NULL;
	pd = pixGetData(pix);
	wpl = pixGetWpl(pix);
	for (y = 0; y < h; y++) {
		/* Rows are stride bytes apart, and each pixel is one native
		 * uint32 0xAARRGGBB, whatever the byte order. */
		const uint32_t *row = (const uint32_t *)(const void *)(data + (size_t)y * stride);
		l_uint32 *out = pd + (size_t)y * wpl;

		for (x = 0; x < w; x++) {
			uint32_t p = row[x];
			unsigned a = f == CAIRO_FORMAT_ARGB32 ? p >> 24 : 255;
			/* ARGB32 is premultiplied: compositing over white adds
			 * the missing coverage back as white. */
			unsigned r = ((p >> 16) & 0xff) + 255 - a;
			unsigned g = ((p >> 8) & 0xff) + 255 - a;
			unsigned b = (p & 0xff) + 255 - a;

			out[x] = (l_uint32)(r > 255 ? 255 : r) << L_RED_SHIFT |
			    (l_uint32)(g > 255 ? 255 : g) << L_GREEN_SHIFT |
			    (l_uint32)(b > 255 ? 255 : b) << L_BLUE_SHIFT |
			    (l_uint32)255 << L_ALPHA_SHIFT;
		}
	}
	pixSetSpp(pix, 3);
	return pix;
}

static PIX *
pdf_page(struct ocr_source *s, int index, l_int32 *w, l_int32 *h, char **why)
{
	PopplerPage *page = poppler_document_get_page(s->pdf, index - 1);
	double wpt = 0, hpt = 0, scale = s->lim->dpi / 72.0, pw, ph;
	cairo_surface_t *surf;
	cairo_t *cr;
	PIX *pix = NULL;

	if (!page) {
		*why = xstrdup("damaged PDF page (cannot be read)");
		return NULL;
	}
	poppler_page_get_size(page, &wpt, &hpt);
	pw = wpt * scale;
	ph = hpt * scale;
	if (!isfinite(pw) || !isfinite(ph) || pw < 1 || ph < 1) {
		*why = xstrdup("damaged PDF page (no usable page size)");
		g_object_unref(page);
		return NULL;
	}
	/* Round up (by hand: libm is not among our link flags), forgiving
	 * the float noise of 240 pt * 300/72 = 1000.0000001. */
	if (pw < 1e9)
		pw = (double)(long long)(pw + 0.99);
	if (ph < 1e9)
		ph = (double)(long long)(ph + 0.99);
	if (pw <= OCR_MAX_SIDE && ph <= OCR_MAX_SIDE) {
		*w = (l_int32)pw;
		*h = (l_int32)ph;
	}
	if (pw > 1e9 || ph > 1e9 ||
	    (*why = ocr_check_size((long long)pw, (long long)ph, s->lim))) {
		if (!*why)
			*why = ocr_check_size(1000000000LL, 1000000000LL, s->lim);
		g_object_unref(page);
		return NULL;
	}
	surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)pw, (int)ph);
	if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS) {
		*why = xstrdup("not enough memory to render the PDF page");
		cairo_surface_destroy(surf);
		g_object_unref(page);
		return NULL;
	}
	cr = cairo_create(surf);
	/* Scans are black on white paper; a transparent page would come out
	 * black after grey conversion. */
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, scale, scale);
	poppler_page_render_for_printing(page, cr);
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		*why = xstrdup("damaged PDF page (cannot be rendered)");
	cairo_destroy(cr);
	if (!*why && !(pix = ocr_pix_from_cairo(surf)))
		*why = xstrdup("not enough memory to render the PDF page");
	cairo_surface_destroy(surf);
	g_object_unref(page);
	if (pix)
		pixSetResolution(pix, s->lim->dpi, s->lim->dpi);
	return pix;
}

/* Decode page index, after its header passed the caps; *w and *h are set
 * as soon as the header is read. */
static PIX *
decode(struct ocr_source *s, int index, l_int32 *pw, l_int32 *ph, char **why)
{
	l_int32 w = 0, h = 0, bps = 0, spp = 0, cmap = 0;
	l_int32 ycck = 0, cmyk = 0, nwarn = 0;
	PIX *pix = NULL;

	*pw = *ph = 0;
	switch (s->fmt) {
	case OCR_FMT_PNG:
		if (readHeaderMemPng(s->buf, s->len, &w, &h, &bps, &spp, &cmap) != 0) {
			*why = xstrdup("damaged PNG file (unreadable header)");
			return NULL;
		}
		*pw = w;
		*ph = h;
		if ((*why = ocr_check_size(w, h, s->lim)))
			return NULL;
		if (!(pix = pixReadMemPng(s->buf, s->len)))
			*why = xstrdup("damaged or truncated PNG file");
		break;
	case OCR_FMT_JPEG:
		if (readHeaderMemJpeg(s->buf, s->len, &w, &h, &spp, &ycck, &cmyk) != 0) {
			*why = xstrdup("damaged JPEG file (unreadable header)");
			return NULL;
		}
		*pw = w;
		*ph = h;
		if ((*why = ocr_check_size(w, h, s->lim)))
			return NULL;
		/* Hint 0: since Leptonica 1.80 that means fail on corrupt
		 * data; a warning from libjpeg is refused as well, since it
		 * can mean the bottom of the page is grey filler. */
		pix = pixReadMemJpeg(s->buf, s->len, 0, 1, &nwarn, 0);
		if (pix && nwarn > 0)
			pixDestroy(&pix);
		if (!pix)
			*why = xstrdup("damaged or truncated JPEG file");
		break;
	case OCR_FMT_TIFF: {
		/* Straight to the page's directory: libtiff's own seeking is
		 * linear in the page number. */
		size_t off = (size_t)s->tiff[index - 1].off;

		if (s->tiff[index - 1].cut) {
			*why = xstrdup("damaged TIFF page (the file is cut off)");
			return NULL;
		}
		w = *pw = (l_int32)(s->tiff[index - 1].w > OCR_MAX_SIDE * 2 ?
		    OCR_MAX_SIDE * 2 : s->tiff[index - 1].w);
		h = *ph = (l_int32)(s->tiff[index - 1].h > OCR_MAX_SIDE * 2 ?
		    OCR_MAX_SIDE * 2 : s->tiff[index - 1].h);
		if ((*why = ocr_check_size(s->tiff[index - 1].w,
		    s->tiff[index - 1].h, s->lim)))
			return NULL;
		pix = pixReadMemFromMultipageTiff(s->buf, s->len, &off);
		if (pix && (pixGetWidth(pix) != w || pixGetHeight(pix) != h))
			pixDestroy(&pix);
		if (!pix)
			*why = xstrdup("damaged TIFF page (cannot be decoded)");
		break;
	}
	case OCR_FMT_PDF:
		return pdf_page(s, index, pw, ph, why);
	default:
		*why = xstrdup("not a supported format");
		return NULL;
	}
	return pix;
}

PIX *
ocr_source_page(struct ocr_source *s, int index, int *dpi, char **why)
{
	l_int32 w = 0, h = 0, xres = 0, yres = 0;
	PIX *pix;

	*why = NULL;
	*dpi = 0;
	if (index < 1 || index > s->pages) {
		*why = xasprintf("no page %d in this file", index);
		return NULL;
	}
	pix = decode(s, index, &w, &h, why);
	if (!pix && w > 0 && h > 0) {
		/* Within the caps yet undecodable: bad data, or our memory
		 * limit? */
		char *capped = ocr_check_size(w, h, s->lim);

		if (!capped && ocr_memory_short((size_t)w * (size_t)h * 4 + (32u << 20))) {
			free(*why);
			*why = xasprintf("not enough memory to decode this page of "
			    "%d x %d pixels (see --max-memory)", w, h);
		}
		free(capped);
	}
	if (pix && s->fmt == OCR_FMT_PDF) {
		*dpi = s->lim->dpi;
	} else if (pix) {
		pixGetResolution(pix, &xres, &yres);
		*dpi = yres > 0 ? yres : xres;
	}
	return pix;
}
