/*
 * intake-train - train the page classifier of the document models.
 *
 * Reads pairs of folders: OCR streams of generated submissions
 * (CASE.xml, as intake-ocr writes them) and their ground truth
 * (CASE.xml, as samples/gen writes it), labels every page with the type of
 * the truth document that holds it, and fits a multinomial logistic
 * regression over the features model.c gives a page (character n-grams of
 * the folded text and the titles and cues of models/documents.xml).  The
 * classes are the truth's own types; model.c maps those that are not
 * modelled types to "other", so distractors (passports, applications,
 * receipts, look-alike certificates) are learnt as what they are.
 *
 * The result is written to MODELS/<file of <classifier>> and its sha256
 * into the <classifier> element of MODELS/documents.xml, so a dossier made
 * with another classifier has another models digest.  Training is
 * deterministic: same data, same options, same bytes.
 *
 * With -c it trains nothing and reports how the installed classifier does
 * on the given pages (accuracy, confusions, the least sure pages).
 *
 * Seeds: train on development seeds only (1-99999); evaluation seeds
 * (>= 100000) must never be seen here.
 */
#include "intake.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
"usage: intake-train [-m MODELS] [-e EPOCHS] [-l LAMBDA] [-d MINDF] OCRDIR TRUTHDIR...\n"
"       intake-train -c [-m MODELS] [-v] OCRDIR TRUTHDIR...\n"
"\n"
"Train the page classifier of MODELS/documents.xml on OCR streams of\n"
"generated submissions (OCRDIR/CASE.xml) labelled by their ground truth\n"
"(TRUTHDIR/CASE.xml); folders come in pairs.  Writes the classifier file\n"
"that <classifier file=...> names and records its sha256 there.\n"
"Use development seeds (1-99999) only.\n"
"\n"
"  -m DIR     models directory (default: $INTAKE_MODELS or <bin>/../models)\n"
"  -e N       training epochs (default 40)\n"
"  -l X       L2 regularisation (default 1e-4)\n"
"  -d N       keep features seen on at least N pages (default 5)\n"
"  -c         check: report how the installed classifier does, train nothing\n"
"  -v         with -c, list every wrong or unsure page\n"
"\n"
"Exit status: 0 done, 2 usage, 3 unusable models or data.\n";

/* One labelled page. */
typedef struct {
	char *label;        /* truth type */
	char *where;        /* case/file#index, for messages */
	size_t *f;          /* feature indices in the vocabulary */
	double *x;          /* their values (feature_value) */
	size_t nf;
	size_t y;           /* class index */
	page_class pc;      /* -c: what the installed classifier says */
} example;

typedef struct {
	example *v;
	size_t n, cap;
} examples;

/* The vocabulary while reading: feature -> index, with page counts. */
typedef struct {
	char **name;
	size_t *df;
	size_t n, cap;
	size_t *slot;
	size_t nslot;
} vocab;

static void
vocab_grow(vocab *vc)
{
	size_t i, nslot = vc->nslot ? vc->nslot * 2 : 1u << 16;
	size_t *slot = xcalloc(nslot, sizeof *slot);

	for (i = 0; i < vc->n; i++) {
		size_t h = str_hash(vc->name[i]) & (nslot - 1);

		while (slot[h])
			h = (h + 1) & (nslot - 1);
		slot[h] = i + 1;
	}
	free(vc->slot);
	vc->slot = slot;
	vc->nslot = nslot;
}

/* Index of s, added when new. */
static size_t
vocab_id(vocab *vc, const char *s)
{
	size_t h;

	if (2 * (vc->n + 1) > vc->nslot)
		vocab_grow(vc);
	for (h = str_hash(s) & (vc->nslot - 1); vc->slot[h]; h = (h + 1) & (vc->nslot - 1))
		if (strcmp(vc->name[vc->slot[h] - 1], s) == 0)
			return vc->slot[h] - 1;
	if (vc->n == vc->cap) {
		vc->cap = vc->cap ? vc->cap * 2 : 4096;
		vc->name = xrealloc(vc->name, vc->cap * sizeof *vc->name);
		vc->df = xrealloc(vc->df, vc->cap * sizeof *vc->df);
	}
	vc->name[vc->n] = xstrdup(s);
	vc->df[vc->n] = 0;
	vc->slot[h] = vc->n + 1;
	return vc->n++;
}

/* Truth: (file, index) -> type, for one case. */
typedef struct {
	char *file;
	long index;
	char *type;
} truth_page;

static size_t
read_truth(const char *path, truth_page **out)
{
	char *why = NULL;
	xmlDocPtr doc = xml_read(path, &why);
	xmlNodePtr d, p;
	size_t n = 0, cap = 0;

	*out = NULL;
	if (!doc)
		die(EX_BADINPUT, path, "%s", why);
	for (d = xml_child(xmlDocGetRootElement(doc), "document"); d;
	    d = xml_next(d, "document"))
		for (p = xml_child(d, "page"); p; p = xml_next(p, "page")) {
			if (n == cap) {
				cap = cap ? cap * 2 : 16;
				*out = xrealloc(*out, cap * sizeof **out);
			}
			(*out)[n].file = xml_get(p, "file");
			(*out)[n].index = (long)xml_get_num(p, "index", 0);
			(*out)[n].type = xml_get(d, "type");
			if (!(*out)[n].file || !(*out)[n].type)
				die(EX_BADINPUT, path, "a truth page without file or type");
			n++;
		}
	xmlFreeDoc(doc);
	return n;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every labelled page of one OCRDIR/TRUTHDIR pair. */
static void
read_pair(const models *m, const char *ocrdir, const char *truthdir, examples *ex,
    vocab *vc, int check)
{
	DIR *dir = opendir(truthdir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0, i;

	if (!dir)
		die(EX_BADINPUT, truthdir, "%s", strerror(errno));
	while ((e = readdir(dir)) != NULL) {
		size_t l = strlen(e->d_name);

		if (l < 5 || strcmp(e->d_name + l - 4, ".xml") != 0 || e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			names = xrealloc(names, cap * sizeof *names);
		}
		names[n++] = xstrdup(e->d_name);
	}
	closedir(dir);
	qsort(names, n, sizeof *names, cmp_str);
	for (i = 0; i < n; i++) {
		char *tpath = xasprintf("%s/%s", truthdir, names[i]);
		char *opath = xasprintf("%s/%s", ocrdir, names[i]);
		truth_page *tp;
		size_t ntp = read_truth(tpath, &tp), k;
		xmlDocPtr doc;
		xmlNodePtr page;

		if (access(opath, R_OK) != 0) {
			warnx_(opath, "no OCR stream for this truth; skipped");
			goto next;
		}
		doc = stream_read(opath);
		for (page = xml_child(xmlDocGetRootElement(doc), "page"); page;
		    page = xml_next(page, "page")) {
			char *file = xml_get(page, "file");
			long index = (long)xml_get_num(page, "index", 0);
			const char *label = NULL;
			example *x;

			for (k = 0; k < ntp && !label; k++)
				if (file && strcmp(tp[k].file, file) == 0 && tp[k].index == index)
					label = tp[k].type;
			if (!label) {
				warnx_(opath, "page %s#%ld is in no truth document; skipped",
				    file ? file : "?", index);
				free(file);
				continue;
			}
			if (ex->n == ex->cap) {
				ex->cap = ex->cap ? ex->cap * 2 : 256;
				ex->v = xrealloc(ex->v, ex->cap * sizeof *ex->v);
			}
			x = &ex->v[ex->n++];
			memset(x, 0, sizeof *x);
			x->label = xstrdup(label);
			x->where = xasprintf("%.*s/%s#%ld", (int)strlen(names[i]) - 4, names[i],
			    file ? file : "?", index);
			free(file);
			if (check) {
				x->pc = classify_page(m, page);
			} else {
				page_text pt;
				featset fs;
				size_t j;

				page_text_build(&pt, &page, 1);
				page_features(m, &pt, &fs);
				x->f = xmalloc((fs.n ? fs.n : 1) * sizeof *x->f);
				x->x = xmalloc((fs.n ? fs.n : 1) * sizeof *x->x);
				for (j = 0; j < fs.n; j++) {
					size_t id = vocab_id(vc, fs.v[j]);

					vc->df[id]++;
					x->x[x->nf] = feature_value(fs.v[j], fs.n);
					x->f[x->nf++] = id;
				}
				featset_free(&fs);
				page_text_free(&pt);
			}
		}
		xmlFreeDoc(doc);
next:
		for (k = 0; k < ntp; k++) {
			free(tp[k].file);
			free(tp[k].type);
		}
		free(tp);
		free(tpath);
		free(opath);
		free(names[i]);
	}
	free(names);
}

/* A small deterministic generator for the order of examples. */
static uint64_t
rnd(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* The output class a truth type stands for: itself when modelled. */
static const char *
out_class(const models *m, const char *label)
{
	const doc_type *dt = models_type(m, label);

	return dt && dt->modelled ? dt->name : "other";
}

static int
check(const models *m, examples *ex, int verbose)
{
	size_t i, right = 0, unknown = 0;
	size_t nc = models_nclasses(m);

	for (i = 0; i < ex->n; i++) {
		example *x = &ex->v[i];
		const char *want = out_class(m, x->label);
		int ok = strcmp(x->pc.type, want) == 0;
		size_t c = models_class_index(m, want);
		double pw = c < nc ? x->pc.p[c] : 0;
		right += ok;
		unknown += strcmp(x->pc.type, "unknown") == 0;
		if (verbose && (!ok || pw < 0.9))
			printf("%s %-40s %-28s -> %-28s p(truth)=%.3f kind=%s\n", ok ? "  " : "!!",
			    x->where, x->label, x->pc.type, pw, x->pc.kind ? x->pc.kind : "-");
	}
	printf("pages %zu, right %zu (%.2f%%), unknown %zu\n", ex->n, right,
	    ex->n ? 100.0 * right / ex->n : 0, unknown);
	return 0;
}

/* Replace the sha256 attribute of <classifier> in documents.xml's text. */
static void
record_digest(const char *mdir, const char *hex)
{
	char *path = xasprintf("%s/documents.xml", mdir), *buf, *tag, *end, *at, *out;
	size_t len;

	if (read_file(path, 64u << 20, &buf, &len) < 0)
		die(EX_BADINPUT, path, "%s", strerror(errno));
	/* The element, not a mention of it in a comment. */
	for (tag = strstr(buf, "<classifier"); tag; tag = strstr(tag + 1, "<classifier")) {
		char *open = NULL, *close = NULL, *q;

		for (q = buf; (q = strstr(q, "<!--")) && q < tag; q++)
			open = q;
		for (q = buf; (q = strstr(q, "-->")) && q < tag; q++)
			close = q;
		if (!open || (close && close > open))
			break;
	}
	if (!tag || !(end = strchr(tag, '>')))
		die(EX_BADINPUT, path, "no <classifier> element to record the digest in");
	at = strstr(tag, "sha256=\"");
	if (!at || at > end || strlen(at) < 8 + 64 || at[8 + 64] != '"') {
		/* No attribute yet: add it after the element name. */
		out = xasprintf("%.*s sha256=\"%s\"%s", (int)(tag + 11 - buf), buf, hex, tag + 11);
	} else {
		out = xstrdup(buf);
		memcpy(out + (at - buf) + 8, hex, 64);
	}
	if (atomic_write(path, out, strlen(out), 0644) < 0)
		die(EX_FAIL, path, "%s", strerror(errno));
	free(out);
	free(buf);
	free(path);
}

/* Append printf output to a growing buffer. */
typedef struct {
	char *p;
	size_t n, cap;
} obuf;

static void
ob_printf(obuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
ob_printf(obuf *b, const char *fmt, ...)
{
	va_list ap;
	int k;

	for (;;) {
		va_start(ap, fmt);
		k = vsnprintf(b->p ? b->p + b->n : NULL, b->p ? b->cap - b->n : 0, fmt, ap);
		va_end(ap);
		if (k < 0)
			die(EX_SOFTWARE, NULL, "format error");
		if (b->p && (size_t)k < b->cap - b->n) {
			b->n += (size_t)k;
			return;
		}
		b->cap = b->cap ? b->cap * 2 : 1u << 20;
		while (b->cap - b->n <= (size_t)k)
			b->cap *= 2;
		b->p = xrealloc(b->p, b->cap);
	}
}

/* A weight as text: short, exact enough, "0" for nothing. */
static void
ob_weight(obuf *b, double w, int first)
{
	if (fabs(w) < 5e-5)
		ob_printf(b, first ? "0" : " 0");
	else
		ob_printf(b, first ? "%.4g" : " %.4g", w);
}

int
cmd_main(int argc, char **argv)
{
	const char *mdir = NULL;
	char *why = NULL, *path, hex[65];
	models *m;
	examples ex = {0};
	vocab vc = {0};
	size_t i, j, k, e, nclass = 0, nkeep = 0, *remap;
	char **classes = NULL;
	size_t *count;
	double lambda = 1e-4, *W, *G, *bias, *gb, *cw, loss;
	int c, epochs = 40, mindf = 5, check_only = 0, verbose = 0;
	uint64_t seed = 0x9E3779B97F4A7C15ull;
	obuf out = {0};

	if (common_options(argc, argv, usage))
		return EX_OK;
	while ((c = getopt(argc, argv, "m:e:l:d:cv")) != -1) {
		switch (c) {
		case 'm':
			mdir = optarg;
			break;
		case 'e':
			epochs = atoi(optarg);
			break;
		case 'l':
			lambda = strtod(optarg, NULL);
			break;
		case 'd':
			mindf = atoi(optarg);
			break;
		case 'c':
			check_only = 1;
			break;
		case 'v':
			verbose = 1;
			break;
		default:
			fputs(usage, errstream);
			return EX_USAGE;
		}
	}
	if (optind >= argc || (argc - optind) % 2 != 0 || epochs < 1 || mindf < 1 ||
	    !(lambda >= 0)) {
		fputs(usage, errstream);
		return EX_USAGE;
	}
	if (!mdir)
		mdir = models_dir();
	m = check_only ? models_load(mdir, &why) : models_load_untrained(mdir, &why);
	if (!m)
		die(EX_BADINPUT, NULL, "%s", why);
	if (!m->clf_file)
		die(EX_BADINPUT, mdir, "documents.xml names no <classifier file=...>");
	for (i = (size_t)optind; i + 1 < (size_t)argc; i += 2)
		read_pair(m, argv[i], argv[i + 1], &ex, &vc, check_only);
	if (ex.n == 0)
		die(EX_BADINPUT, NULL, "no labelled pages");
	if (check_only) {
		check(m, &ex, verbose);
		models_free(m);
		return EX_OK;
	}

	/* Classes: the truth's types, sorted, so the file does not depend on
	 * the order of the data. */
	for (i = 0; i < ex.n; i++) {
		for (k = 0; k < nclass && strcmp(classes[k], ex.v[i].label) != 0; k++)
			;
		if (k == nclass) {
			classes = xrealloc(classes, (nclass + 1) * sizeof *classes);
			classes[nclass++] = ex.v[i].label;
		}
	}
	if (nclass < 2)
		die(EX_BADINPUT, NULL, "the pages show fewer than two types");
	qsort(classes, nclass, sizeof *classes, cmp_str);
	count = xcalloc(nclass, sizeof *count);
	for (i = 0; i < ex.n; i++) {
		for (k = 0; strcmp(classes[k], ex.v[i].label) != 0; k++)
			;
		ex.v[i].y = k;
		count[k]++;
	}
	/* Rare classes weigh more (square root of the inverse frequency), so
	 * two death certificates are not drowned by thirty receipts. */
	cw = xmalloc(nclass * sizeof *cw);
	for (k = 0; k < nclass; k++)
		cw[k] = sqrt((double)ex.n / ((double)nclass * (double)count[k]));

	/* Keep the features seen often enough; sorted by name for a stable file. */
	{
		char **keep = xmalloc((vc.n ? vc.n : 1) * sizeof *keep);
		vocab kv = {0};

		for (i = 0; i < vc.n; i++)
			if (vc.df[i] >= (size_t)mindf)
				keep[nkeep++] = vc.name[i];
		qsort(keep, nkeep, sizeof *keep, cmp_str);
		for (i = 0; i < nkeep; i++)
			vocab_id(&kv, keep[i]);
		remap = xmalloc((vc.n ? vc.n : 1) * sizeof *remap);
		for (i = 0; i < vc.n; i++) {
			size_t h;

			remap[i] = (size_t)-1;
			if (vc.df[i] < (size_t)mindf)
				continue;
			for (h = str_hash(vc.name[i]) & (kv.nslot - 1); kv.slot[h];
			    h = (h + 1) & (kv.nslot - 1))
				if (strcmp(kv.name[kv.slot[h] - 1], vc.name[i]) == 0) {
					remap[i] = kv.slot[h] - 1;
					break;
				}
		}
		for (i = 0; i < ex.n; i++) {
			size_t o = 0;

			for (j = 0; j < ex.v[i].nf; j++)
				if (remap[ex.v[i].f[j]] != (size_t)-1) {
					ex.v[i].x[o] = ex.v[i].x[j];
					ex.v[i].f[o++] = remap[ex.v[i].f[j]];
				}
			ex.v[i].nf = o;
		}
		free(keep);
		for (i = 0; i < vc.n; i++)
			free(vc.name[i]);
		free(vc.name);
		free(vc.df);
		free(vc.slot);
		vc = kv;
	}
	fprintf(errstream, "%s: %zu pages, %zu classes, %zu features\n", progname, ex.n,
	    nclass, nkeep);

	/* Multinomial logistic regression by AdaGrad, L2 applied to the
	 * weights a page touches. */
	W = xcalloc(nkeep * nclass + 1, sizeof *W);
	G = xcalloc(nkeep * nclass + 1, sizeof *G);
	bias = xcalloc(nclass, sizeof *bias);
	gb = xcalloc(nclass, sizeof *gb);
	{
		size_t *order = xmalloc(ex.n * sizeof *order);
		double *s = xmalloc(nclass * sizeof *s);
		const double eta = 0.5, eps = 1e-8;

		for (i = 0; i < ex.n; i++)
			order[i] = i;
		for (e = 0; e < (size_t)epochs; e++) {
			size_t wrong = 0;

			loss = 0;
			for (i = ex.n; i > 1; i--) {
				size_t r = rnd(&seed) % i, t = order[i - 1];

				order[i - 1] = order[r];
				order[r] = t;
			}
			for (i = 0; i < ex.n; i++) {
				example *x = &ex.v[order[i]];
				double max = -INFINITY, sum = 0;
				size_t best = 0;

				for (k = 0; k < nclass; k++) {
					s[k] = bias[k];
					for (j = 0; j < x->nf; j++)
						s[k] += x->x[j] * W[x->f[j] * nclass + k];
					if (s[k] > max) {
						max = s[k];
						best = k;
					}
				}
				for (k = 0; k < nclass; k++)
					sum += (s[k] = exp(s[k] - max));
				for (k = 0; k < nclass; k++)
					s[k] /= sum;
				loss -= cw[x->y] * log(s[x->y] > 1e-300 ? s[x->y] : 1e-300);
				wrong += best != x->y;
				for (k = 0; k < nclass; k++) {
					double d = cw[x->y] * (s[k] - (k == x->y));

					gb[k] += d * d;
					bias[k] -= eta * d / sqrt(gb[k] + eps);
					for (j = 0; j < x->nf; j++) {
						size_t q = x->f[j] * nclass + k;
						double g = d * x->x[j] + lambda * W[q];

						G[q] += g * g;
						W[q] -= eta * g / sqrt(G[q] + eps);
					}
				}
			}
			if (e == 0 || e + 1 == (size_t)epochs || (e + 1) % 10 == 0)
				fprintf(errstream, "%s: epoch %zu: loss %.4f, %zu wrong of %zu\n",
				    progname, e + 1, loss / ex.n, wrong, ex.n);
		}
		free(order);
		free(s);
	}

	/* Write: weights centred per feature (a softmax does not see a
	 * constant), features that weigh nothing left out. */
	{
		size_t nout = 0;
		char *lines;
		obuf body = {0};

		for (i = 0; i < nkeep; i++) {
			double mean = 0, big = 0;

			for (k = 0; k < nclass; k++)
				mean += W[i * nclass + k] / nclass;
			for (k = 0; k < nclass; k++) {
				W[i * nclass + k] -= mean;
				if (fabs(W[i * nclass + k]) > big)
					big = fabs(W[i * nclass + k]);
			}
			if (big < 5e-4)
				continue;
			nout++;
			ob_printf(&body, "%s\t", vc.name[i]);
			for (k = 0; k < nclass; k++)
				ob_weight(&body, W[i * nclass + k], k == 0);
			ob_printf(&body, "\n");
		}
		ob_printf(&out, "intake-classifier 1\nngrams %d %d\nclasses %zu", m->ngram_min,
		    m->ngram_max, nclass);
		for (k = 0; k < nclass; k++)
			ob_printf(&out, " %s", classes[k]);
		ob_printf(&out, "\nbias");
		for (k = 0; k < nclass; k++)
			ob_weight(&out, bias[k], 0);
		ob_printf(&out, "\nfeatures %zu\n", nout);
		lines = body.p ? body.p : "";
		ob_printf(&out, "%s", lines);
		free(body.p);
		path = xasprintf("%s/%s", mdir, m->clf_file);
		if (atomic_write(path, out.p, out.n, 0644) < 0)
			die(EX_FAIL, path, "%s", strerror(errno));
		sha256_hex(out.p, out.n, hex);
		record_digest(mdir, hex);
		fprintf(errstream, "%s: wrote %s (%zu features, %zu bytes), sha256 %s\n", progname,
		    path, nout, out.n, hex);
		free(path);
	}
	for (i = 0; i < ex.n; i++) {
		free(ex.v[i].label);
		free(ex.v[i].where);
		free(ex.v[i].f);
		free(ex.v[i].x);
	}
	free(ex.v);
	for (i = 0; i < vc.n; i++)
		free(vc.name[i]);
	free(vc.name);
	free(vc.slot);
	free(vc.df);
	free(W);
	free(G);
	free(bias);
	free(gb);
	free(cw);
	free(count);
	free(remap);
	free(classes);
	free(out.p);
	models_free(m);
	return EX_OK;
}
