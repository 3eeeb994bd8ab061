/*
 * test_sha256.c - SHA-256 against the FIPS 180-2 / NIST example vectors,
 * the padding boundaries, and split updates.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "intake.h"

static void
hex_of(const unsigned char md[32], char hex[65])
{
	static const char digits[] = "0123456789abcdef";

	for (int i = 0; i < 32; i++) {
		hex[2 * i] = digits[md[i] >> 4];
		hex[2 * i + 1] = digits[md[i] & 15];
	}
	hex[64] = '\0';
}

static void
test_sha256_empty(void **state)
{
	char hex[65];

	(void)state;
	sha256_hex("", 0, hex);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	sha256_hex(NULL, 0, hex);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void
test_sha256_abc(void **state)
{
	char hex[65];

	(void)state;
	sha256_hex("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

/* 448 bits: the padding no longer fits in the first block. */
static void
test_sha256_448bit(void **state)
{
	const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	char hex[65];

	(void)state;
	assert_int_equal(strlen(m) * 8, 448);
	sha256_hex(m, strlen(m), hex);
	assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

static void
test_sha256_896bit(void **state)
{
	const char *m = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
			"hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
	char hex[65];

	(void)state;
	sha256_hex(m, strlen(m), hex);
	assert_string_equal(hex, "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

static void
test_sha256_million_a(void **state)
{
	const char *want = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
	char *m = malloc(1000000), hex[65];
	unsigned char md[32];
	sha256_ctx c;

	(void)state;
	assert_non_null(m);
	memset(m, 'a', 1000000);
	sha256_hex(m, 1000000, hex);
	assert_string_equal(hex, want);
	/* The same fed in uneven pieces that straddle block boundaries. */
	sha256_init(&c);
	for (size_t off = 0, step = 1; off < 1000000; step = step * 7 % 1000 + 1) {
		size_t n = 1000000 - off < step ? 1000000 - off : step;

		sha256_update(&c, m + off, n);
		off += n;
	}
	sha256_final(&c, md);
	hex_of(md, hex);
	assert_string_equal(hex, want);
	free(m);
}

/* Lengths around 55/56/64 bytes exercise each padding branch; digests
 * computed independently with Python's hashlib. */
static void
test_sha256_padding_boundaries(void **state)
{
	static const struct {
		size_t n;
		const char *hex;
	} cases[] = {
		{55, "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b"},
		{56, "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27"},
		{57, "35df609437dcfea3279283ab79fd554e2bf78f8f7ae2de532d8ee300b09e8f73"},
		{63, "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055"},
		{64, "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241"},
		{65, "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e"},
		{119, "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e"},
		{120, "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5"},
		{127, "a8d23e75d936f303d248888d9b165ee543f4cbafcad3c9dd2a79bd84faa11d07"},
		{128, "d2742f1f4ac6bb7ca2b239ee18402ba8b3f9f8e652d2a72973c2b9ba11c08cf6"},
		{129, "307f8fc2c1622b92762e818d39a185d4d667ad49a4b07ceae1f4afa008a93ec4"},
	};
	unsigned char buf[129];
	char hex[65];

	(void)state;
	for (size_t i = 0; i < sizeof buf; i++)
		buf[i] = (unsigned char)((i * 7 + 3) & 255);
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		sha256_hex(buf, cases[k].n, hex);
		assert_string_equal(hex, cases[k].hex);
	}
}

/* Every split point of a message gives the one-shot digest. */
static void
test_sha256_split_update(void **state)
{
	const char *m = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
			"hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
	size_t len = strlen(m);
	char want[65], hex[65];
	unsigned char md[32];

	(void)state;
	sha256_hex(m, len, want);
	for (size_t a = 0; a <= len; a++) {
		for (size_t b = a; b <= len; b += 5) {
			sha256_ctx c;

			sha256_init(&c);
			sha256_update(&c, m, a);
			sha256_update(&c, NULL, 0);
			sha256_update(&c, m + a, b - a);
			sha256_update(&c, m + b, len - b);
			sha256_final(&c, md);
			hex_of(md, hex);
			assert_string_equal(hex, want);
		}
	}
}

/* A context is reusable after sha256_init. */
static void
test_sha256_reinit(void **state)
{
	sha256_ctx c;
	unsigned char md[32];
	char hex[65];

	(void)state;
	sha256_init(&c);
	sha256_update(&c, "garbage", 7);
	sha256_final(&c, md);
	sha256_init(&c);
	sha256_update(&c, "abc", 3);
	sha256_final(&c, md);
	hex_of(md, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

/* The CPU's SHA instructions and the portable code agree on every length
 * up to a few blocks of pseudo-random data (where the CPU has them). */
static void
test_sha256_hw_matches_portable(void **state)
{
	static unsigned char buf[1100];
	uint32_t x = 2463534242u;
	char a[65], b[65];

	(void)state;
	if (!sha256_hw(1)) {
		print_message("no SHA instructions on this CPU: portable code only\n");
		return;
	}
	for (size_t i = 0; i < sizeof buf; i++) {
		x ^= x << 13, x ^= x >> 17, x ^= x << 5;
		buf[i] = (unsigned char)x;
	}
	for (size_t n = 0; n <= sizeof buf; n++) {
		sha256_hw(0);
		sha256_hex(buf, n, a);
		sha256_hw(1);
		sha256_hex(buf, n, b);
		assert_string_equal(a, b);
	}
}

static int
portable(void **state)
{
	(void)state;
	sha256_hw(0);
	return 0;
}

static int
hardware(void **state)
{
	(void)state;
	sha256_hw(1);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sha256_empty),
		cmocka_unit_test(test_sha256_abc),
		cmocka_unit_test(test_sha256_448bit),
		cmocka_unit_test(test_sha256_896bit),
		cmocka_unit_test(test_sha256_million_a),
		cmocka_unit_test(test_sha256_padding_boundaries),
		cmocka_unit_test(test_sha256_split_update),
		cmocka_unit_test(test_sha256_reinit),
	};

	const struct CMUnitTest cross[] = {
		cmocka_unit_test(test_sha256_hw_matches_portable),
	};
	int bad;

	/* Every vector through the portable code, then through the CPU's
	 * instructions when it has them (else the portable code again). */
	bad = cmocka_run_group_tests_name("portable", tests, portable, NULL);
	bad += cmocka_run_group_tests_name("hardware", tests, hardware, NULL);
	return bad + cmocka_run_group_tests(cross, NULL, NULL);
}
