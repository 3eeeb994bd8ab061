# intake - batch document intake for citizenship and migration offices.
#
# A program links only the libraries it uses, so a broken OCR library never
# stops the programs that do not need it: only intake-ocr links Tesseract,
# Leptonica and poppler.

CC      ?= cc
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_GNU_SOURCE -Wall -Wextra -Istages
PY      := /usr/bin/python3
PKG     := pkg-config

XML_CFLAGS  := $(shell $(PKG) --cflags libxml-2.0 2>/dev/null)
XML_LIBS    := $(shell $(PKG) --libs libxml-2.0 2>/dev/null)
PCRE_CFLAGS := $(shell $(PKG) --cflags libpcre2-8 2>/dev/null)
PCRE_LIBS   := $(shell $(PKG) --libs libpcre2-8 2>/dev/null)
OCR_CFLAGS  := $(shell $(PKG) --cflags lept tesseract poppler-glib cairo 2>/dev/null)
OCR_LIBS    := $(shell $(PKG) --libs lept tesseract poppler-glib cairo 2>/dev/null)
CMOCKA_LIBS := $(shell $(PKG) --libs cmocka 2>/dev/null)

# Debian packages the build, the samples and the tests need.  `make deps`
# installs the missing ones (as root, or through sudo).
DEBS := build-essential pkg-config tesseract-ocr tesseract-ocr-rus tesseract-ocr-bel \
	tesseract-ocr-eng tesseract-ocr-osd libtesseract-dev libleptonica-dev libxml2-dev \
	libxml2-utils libpcre2-dev libcmocka-dev libpoppler-glib-dev libcairo2-dev \
	poppler-utils python3 python3-pil python3-numpy fonts-dejavu-core fonts-dejavu-extra \
	fonts-liberation fonts-freefont-ttf fonts-noto-core fonts-noto-mono time bc

LIB_OBJS := build/util.o build/xmlio.o build/text.o build/sha256.o
MODEL_OBJS := build/model.o
RULE_OBJS := build/rules.o
OCR_OBJS := build/ocr.o build/ocr_image.o build/ocr_engine.o build/ocr_numeral.o

STAGES := bin/intake-ocr bin/intake-classify bin/intake-extract bin/intake-validate \
	bin/intake-dossier bin/intake-audit
PROGS  := $(STAGES) bin/intake

all: $(PROGS)

build bin:
	@mkdir -p $@

build/%.o: stages/%.c stages/intake.h | build
	$(CC) $(CFLAGS) $(XML_CFLAGS) $(PCRE_CFLAGS) -c $< -o $@

# The OCR stage's own objects are the only ones that see Tesseract's,
# Leptonica's and poppler's headers.
$(OCR_OBJS): build/%.o: stages/%.c stages/intake.h stages/ocr.h | build
	$(CC) $(CFLAGS) $(XML_CFLAGS) $(OCR_CFLAGS) -c $< -o $@

build/%.o: pipeline/%.c stages/intake.h | build
	$(CC) $(CFLAGS) $(XML_CFLAGS) -c $< -o $@

# One link rule for every program; each lists only the extra objects it needs.
bin/intake-ocr:      $(OCR_OBJS)
bin/intake-classify: build/classify.o $(MODEL_OBJS)
bin/intake-extract:  build/extract.o build/fields.o $(MODEL_OBJS)
bin/intake-validate: build/validate.o $(RULE_OBJS)
bin/intake-dossier:  build/dossier.o build/seal.o
bin/intake-audit:    build/audit.o build/seal.o $(RULE_OBJS)
bin/intake:          build/driver.o

bin/intake-ocr: LDLIBS = $(XML_LIBS) $(OCR_LIBS)
bin/intake-classify bin/intake-extract: LDLIBS = $(XML_LIBS) $(PCRE_LIBS) -lm
bin/intake-validate bin/intake-dossier bin/intake-audit bin/intake: LDLIBS = $(XML_LIBS)

$(PROGS): build/common_main.o $(LIB_OBJS) | bin
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

deps:
	@missing=$$(for p in $(DEBS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
		grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:" $$missing; \
		SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

# The main job on the bundled samples (--settle 0: a fresh clone's files
# are all new, and none of them is still being written).
demo: deps
	$(MAKE) all
	bin/intake run --settle 0 samples/inbox out

# Regenerate the bundled samples and their expected dossiers (seed 1, a
# development seed; see samples/gen/README.md for the seed ranges).
samples:
	rm -rf samples/inbox samples/expected
	$(PY) samples/gen/generate.py --seed 1 --cases 8 --out samples --small

# ---- models (issue 4) ----
# intake-train fits the page classifier (models/classifier.txt) on OCR'd
# generated submissions of development seeds; `make models` generates,
# OCRs (cached in build/train/) and trains.  Evaluation seeds (>= 100000)
# are never used here.
TRAIN_SEEDS ?= 21 22 25
TRAIN_CASES ?= 60
all: bin/intake-train
bin/intake-train: build/train.o $(MODEL_OBJS) build/common_main.o $(LIB_OBJS) | bin
	$(CC) $(LDFLAGS) -o $@ $^ $(XML_LIBS) $(PCRE_LIBS) -lm
models: bin/intake-train bin/intake-ocr
	sh stages/train.sh $(TRAIN_CASES) $(TRAIN_SEEDS)
.PHONY: models
# ---- end of models (issue 4) ----

# ---- tests ------------------------------------------------------------
# One cmocka binary per unit (tests/test_<unit>.c), then the end-to-end
# tests of the programs (tests/t*.sh).
UNIT_TESTS := test_sha256 test_text test_xmlio test_rules test_procedures test_seal test_model test_ocr
UNIT_BINS := $(UNIT_TESTS:%=build/tests/%)

build/tests:
	@mkdir -p $@

build/tests/%: tests/%.c $(LIB_OBJS) | build/tests
	$(CC) $(CFLAGS) $(XML_CFLAGS) $(PCRE_CFLAGS) -o $@ $< $(EXTRA) $(LIB_OBJS) \
		$(XML_LIBS) $(CMOCKA_LIBS) $(LDLIBS)

build/tests/test_rules build/tests/test_procedures: EXTRA = $(RULE_OBJS)
build/tests/test_rules build/tests/test_procedures: $(RULE_OBJS)
build/tests/test_seal: EXTRA = build/seal.o
build/tests/test_seal: build/seal.o
build/tests/test_model: EXTRA = $(MODEL_OBJS) build/fields.o
build/tests/test_model: $(MODEL_OBJS) build/fields.o
build/tests/test_model: LDLIBS = $(PCRE_LIBS) -lm
build/tests/test_ocr: EXTRA = build/ocr_image.o build/ocr_engine.o build/ocr_numeral.o
build/tests/test_ocr: build/ocr_image.o build/ocr_engine.o build/ocr_numeral.o
build/tests/test_ocr: LDLIBS = $(OCR_LIBS)
build/tests/test_ocr: CFLAGS += $(OCR_CFLAGS)

test check: deps
	$(MAKE) all $(UNIT_BINS)
	$(MAKE) run-tests

run-tests:
	@set -e; for t in $(UNIT_BINS); do echo "== $$t"; INTAKE_MODELS=models ./$$t; done
	$(PY) tests/eval/test_score.py
	$(PY) tests/eval/test_generator.py
	@sh tests/run-e2e.sh

# ---- measurements -----------------------------------------------------
# Each prints its figures and writes them as JSON; none is part of `test`.
# Accuracy on a fresh generated set (evaluation seeds are >= 100000).
eval: deps
	$(MAKE) all
	sh tests/eval/run-eval.sh $(if $(SEED),--seed $(SEED)) $(if $(CASES),--cases $(CASES))

bench: deps
	$(MAKE) all
	sh tests/bench.sh $(if $(SEED),--seed $(SEED)) $(if $(CASES),--cases $(CASES))

# intake-audit: dossiers per second and peak memory for N and 2N sealed
# dossiers (N=10000, or N=...).
bench-audit: deps
	$(MAKE) all
	sh tests/bench-audit.sh $(N)

clean:
	rm -rf build bin tests/tmp

.PHONY: all deps demo clean test check run-tests samples eval bench bench-audit
