/*
 * sha256.c - SHA-256 as specified in FIPS 180-4, section 6.2.
 *
 * Written from the specification so the suite needs no crypto library just
 * to fingerprint input files.  The digest only identifies files (unchanged
 * inputs are not OCRed twice); nothing here is meant to resist timing
 * attacks.
 */
#include <string.h>

#include "intake.h"

#if (defined(__x86_64__) || defined(__i386__)) && defined(__GNUC__)
#include <cpuid.h>
#include <immintrin.h>
#define HAVE_SHA_EXT 1
#endif

/* FIPS 180-4 4.2.2: first 32 bits of the fractional parts of the cube
 * roots of the first 64 primes. */
static const uint32_t K[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t
rotr(uint32_t x, unsigned n)
{
	return (x >> n) | (x << (32 - n));
}

static uint32_t
load_be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

static void
store_be32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

/* One 512-bit block, FIPS 180-4 6.2.2 steps 1-4. */
static void
compress_portable(uint32_t h[8], const unsigned char block[64])
{
	uint32_t w[64], a, b, c, d, e, f, g, hh;
	int t;

	for (t = 0; t < 16; t++)
		w[t] = load_be32(block + 4 * t);
	for (t = 16; t < 64; t++) {
		uint32_t s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
		uint32_t s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);

		w[t] = s1 + w[t - 7] + s0 + w[t - 16];
	}
	a = h[0], b = h[1], c = h[2], d = h[3];
	e = h[4], f = h[5], g = h[6], hh = h[7];
	for (t = 0; t < 64; t++) {
		uint32_t S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
		uint32_t ch = (e & f) ^ (~e & g);
		uint32_t S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
		uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
		uint32_t t1 = hh + S1 + ch + K[t] + w[t];
		uint32_t t2 = S0 + maj;

		hh = g, g = f, f = e, e = d + t1;
		d = c, c = b, b = a, a = t1 + t2;
	}
	h[0] += a, h[1] += b, h[2] += c, h[3] += d;
	h[4] += e, h[5] += f, h[6] += g, h[7] += hh;
}

#ifdef HAVE_SHA_EXT
/*
 * The same block with the x86 SHA extensions (Intel SDM vol. 2,
 * SHA256RNDS2/SHA256MSG1/SHA256MSG2): the instructions keep the working
 * variables as two registers, ABEF and CDGH, do two rounds per
 * SHA256RNDS2 with W[t] + K[t] in the low half of the message operand,
 * and MSG1/MSG2 compute four schedule words
 *   W[t] = s1(W[t-2]) + W[t-7] + s0(W[t-15]) + W[t-16]
 * at a time.  About five times the speed of the portable code; it makes
 * the audit's MACs and the driver's input fingerprints nearly free.
 */
__attribute__((target("sha,sse4.1,ssse3"))) static void
compress_sha_ext(uint32_t h[8], const unsigned char block[64])
{
	/* Each 32-bit word big-endian to little-endian. */
	const __m128i bswap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
	__m128i abef, cdgh, abef0, cdgh0, t, m[4];
	int i;

	t = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)h), 0xB1);
	cdgh = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)(h + 4)), 0x1B);
	abef = _mm_alignr_epi8(t, cdgh, 8);
	cdgh = _mm_blend_epi16(cdgh, t, 0xF0);
	abef0 = abef;
	cdgh0 = cdgh;
	for (i = 0; i < 16; i++) {
		__m128i *w = &m[i & 3];

		if (i < 4) {
			*w = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(block + 16 * i)), bswap);
		} else {
			/* m[i&3] holds W[t-16..t-13], m[(i+1)&3] W[t-12..t-9],
			 * m[(i+2)&3] W[t-8..t-5], m[(i+3)&3] W[t-4..t-1]. */
			t = _mm_sha256msg1_epu32(*w, m[(i + 1) & 3]);
			t = _mm_add_epi32(t, _mm_alignr_epi8(m[(i + 3) & 3], m[(i + 2) & 3], 4));
			*w = _mm_sha256msg2_epu32(t, m[(i + 3) & 3]);
		}
		t = _mm_add_epi32(*w, _mm_loadu_si128((const __m128i *)(K + 4 * i)));
		cdgh = _mm_sha256rnds2_epu32(cdgh, abef, t);
		abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(t, 0x0E));
	}
	abef = _mm_add_epi32(abef, abef0);
	cdgh = _mm_add_epi32(cdgh, cdgh0);
	t = _mm_shuffle_epi32(abef, 0x1B);
	cdgh = _mm_shuffle_epi32(cdgh, 0xB1);
	_mm_storeu_si128((__m128i *)h, _mm_blend_epi16(t, cdgh, 0xF0));
	_mm_storeu_si128((__m128i *)(h + 4), _mm_alignr_epi8(cdgh, t, 8));
}

static int
cpu_has_sha_ext(void)
{
	unsigned a, b, c, d;

	if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_SSSE3) || !(c & bit_SSE4_1))
		return 0;
	if (!__get_cpuid_count(7, 0, &a, &b, &c, &d))
		return 0;
	return (b & bit_SHA) != 0;
}
#endif

/* 1 hardware, 0 portable, -1 not decided yet. */
static int use_hw = -1;

int
sha256_hw(int want)
/* Use the CPU's SHA instructions when there are some (want 1, the
 * default) or the portable code (want 0, for tests); returns whether the
 * instructions are now used. */
{
#ifdef HAVE_SHA_EXT
	use_hw = want && cpu_has_sha_ext();
#else
	(void)want;
	use_hw = 0;
#endif
	return use_hw;
}

static void
compress(uint32_t h[8], const unsigned char block[64])
{
	if (use_hw < 0)
		sha256_hw(1);
#ifdef HAVE_SHA_EXT
	if (use_hw) {
		compress_sha_ext(h, block);
		return;
	}
#endif
	compress_portable(h, block);
}

void
sha256_init(sha256_ctx *c)
/* Initial hash value of FIPS 180-4 5.3.3 (square roots of the first eight
 * primes); the context may then be fed any number of updates. */
{
	static const uint32_t h0[8] = {
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
		0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
	};

	memcpy(c->h, h0, sizeof h0);
	c->nbytes = 0;
	c->nbuf = 0;
}

void
sha256_update(sha256_ctx *c, const void *data, size_t n)
/* Absorb n bytes; data may be NULL when n is 0.  Splitting the input over
 * several calls gives the same digest as one call. */
{
	const unsigned char *p = data;

	if (n == 0)
		return;
	c->nbytes += n;
	if (c->nbuf > 0) {
		size_t take = 64 - c->nbuf < n ? 64 - c->nbuf : n;

		memcpy(c->buf + c->nbuf, p, take);
		c->nbuf += take;
		p += take;
		n -= take;
		if (c->nbuf < 64)
			return;
		compress(c->h, c->buf);
		c->nbuf = 0;
	}
	/* Whole blocks straight from the caller's memory: no copy. */
	for (; n >= 64; p += 64, n -= 64)
		compress(c->h, p);
	memcpy(c->buf, p, n);
	c->nbuf = n;
}

void
sha256_final(sha256_ctx *c, unsigned char out[32])
/* Pad (FIPS 180-4 5.1.1), write the 32-byte digest and wipe the context;
 * the context must be re-initialised before further use. */
{
	uint64_t bits = c->nbytes * 8;
	int i;

	c->buf[c->nbuf++] = 0x80;
	if (c->nbuf > 56) {
		memset(c->buf + c->nbuf, 0, 64 - c->nbuf);
		compress(c->h, c->buf);
		c->nbuf = 0;
	}
	memset(c->buf + c->nbuf, 0, 56 - c->nbuf);
	for (i = 0; i < 8; i++)
		c->buf[56 + i] = (unsigned char)(bits >> (56 - 8 * i));
	compress(c->h, c->buf);
	for (i = 0; i < 8; i++)
		store_be32(out + 4 * i, c->h[i]);
	memset(c, 0, sizeof *c);
}

void
sha256_hex(const void *data, size_t n, char hex[65])
/* Lower-case hex digest of n bytes at data, NUL-terminated. */
{
	static const char digits[] = "0123456789abcdef";
	unsigned char md[32];
	sha256_ctx c;
	int i;

	sha256_init(&c);
	sha256_update(&c, data, n);
	sha256_final(&c, md);
	for (i = 0; i < 32; i++) {
		hex[2 * i] = digits[md[i] >> 4];
		hex[2 * i + 1] = digits[md[i] & 15];
	}
	hex[64] = '\0';
}
