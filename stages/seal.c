/*
 * seal.c - tamper evidence for published dossiers: a keyed MAC.
 *
 * intake-dossier seals a dossier with HMAC-SHA256 (RFC 2104) over its
 * canonical form; intake-audit checks the seal.  The key is a file the
 * office keeps apart from the archive: whoever can change a dossier but
 * not read the key cannot make a new seal that verifies.
 *
 * Why a MAC and not an XML signature (xmlsec, XML-DSig):
 *  - no new dependency: HMAC is a few lines over our own sha256.c, and
 *    libxml2 already has the canonicaliser;
 *  - no signature-wrapping attack surface: XML-DSig signs what References
 *    and Transforms point at, and verifiers have been fooled again and
 *    again into checking one element while the application reads another.
 *    Here there is nothing to point at: the MAC covers the whole dossier
 *    except the one <seal> element, always, by construction;
 *  - the key stays with the office: no certificates, no PKI to run.
 * The trade-off: verifying needs the same secret as sealing, so an auditor
 * who can verify could also forge.  Give auditors the key only on a
 * machine the office trusts; an outside party who must verify without
 * being able to seal needs a public-key signature instead.
 *
 * What the MAC covers.  The canonical form is C14N 1.0 without comments
 * (libxml2's xmlC14NExecute, the engine under xmlC14NDocDumpMemory) of
 * the document minus two kinds of node:
 *  - the <seal> element that is a child of the root, with its content;
 *  - whitespace-only text between elements (indentation).  C14N itself
 *    keeps it, so this is our choice: the dossier schema has no mixed
 *    content, that whitespace carries nothing, and leaving it out means
 *    re-indenting a dossier (xmllint --format) does not break its seal.
 * Everything else counts: every element, attribute and character of every
 * value, including whitespace inside a value (<field> ПЕТРОВ</field> is
 * not <field>ПЕТРОВ</field>).  C14N makes attribute order and quoting,
 * the XML declaration, character references versus literal characters and
 * empty-element syntax irrelevant; comments are ignored.  The file name of
 * a dossier is outside the MAC: intake-audit checks that the case id
 * matches it.
 *
 * A seal proves only that whoever made it held the key; it says nothing
 * of when.  This file does not decide what a broken seal means to anyone;
 * callers report it.  Nothing here resists timing attacks beyond comparing MACs in
 * constant time: sealing and auditing run offline on the office's side.
 */
#include "intake.h"

#include <errno.h>
#include <fcntl.h>
#include <libxml/c14n.h>
#include <libxml/xmlIO.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- HMAC-SHA256, RFC 2104 with H = SHA-256 (B = 64, L = 32) -------- */

void
hmac_sha256_init(hmac_sha256_ctx *c, const void *key, size_t klen)
{
	unsigned char k0[64], pad[64];
	size_t i;

	/* A key longer than the block is replaced by its digest (RFC 2104
	 * section 2); a shorter one is padded with zeros. */
	memset(k0, 0, sizeof k0);
	if (klen > sizeof k0) {
		sha256_ctx h;

		sha256_init(&h);
		sha256_update(&h, key, klen);
		sha256_final(&h, k0);
	} else if (klen > 0) {
		memcpy(k0, key, klen);
	}
	for (i = 0; i < 64; i++)
		pad[i] = k0[i] ^ 0x36;
	sha256_init(&c->inner);
	sha256_update(&c->inner, pad, 64);
	for (i = 0; i < 64; i++)
		pad[i] = k0[i] ^ 0x5c;
	sha256_init(&c->outer);
	sha256_update(&c->outer, pad, 64);
	explicit_bzero(k0, sizeof k0);
	explicit_bzero(pad, sizeof pad);
}

void
hmac_sha256_update(hmac_sha256_ctx *c, const void *data, size_t n)
{
	sha256_update(&c->inner, data, n);
}

void
hmac_sha256_final(hmac_sha256_ctx *c, unsigned char out[32])
{
	unsigned char ih[32];

	sha256_final(&c->inner, ih);
	sha256_update(&c->outer, ih, 32);
	sha256_final(&c->outer, out);
	explicit_bzero(ih, sizeof ih);
	explicit_bzero(c, sizeof *c);
}

void
hmac_sha256(const void *key, size_t klen, const void *data, size_t n,
    unsigned char out[32])
{
	hmac_sha256_ctx c;

	hmac_sha256_init(&c, key, klen);
	hmac_sha256_update(&c, data, n);
	hmac_sha256_final(&c, out);
}

/* ---- keys ------------------------------------------------------------ */

static void
hex_encode(const unsigned char *b, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < n; i++) {
		out[2 * i] = digits[b[i] >> 4];
		out[2 * i + 1] = digits[b[i] & 15];
	}
	out[2 * n] = '\0';
}

void
seal_key_init(seal_key *k, const void *key, size_t len)
{
	char hex[65];

	/* The key is absorbed into the HMAC pads once; each MAC then starts
	 * from a copy, so the audit does not rehash the key per dossier. */
	hmac_sha256_init(&k->base, key, len);
	sha256_hex(key, len, hex);
	memcpy(k->id, hex, 16);
	k->id[16] = '\0';
}

void
seal_key_wipe(seal_key *k)
{
	explicit_bzero(k, sizeof *k);
}

int
seal_key_load(const char *path, seal_key *k, char **why)
{
	struct stat st;
	char *buf = NULL;
	size_t len;
	int fd, rc = -1;

	*why = NULL;
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		*why = xasprintf("cannot open key file: %s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		*why = xstrdup("key file is not a regular file");
		goto out;
	}
	/* A key others can read is no longer the office's secret; one others
	 * can write could be swapped.  Same rule as ssh for private keys. */
	if (st.st_mode & 077) {
		*why = xasprintf("key file is accessible by group or others (mode %04o); "
		    "it must be readable by its owner only (chmod 600)",
		    (unsigned)(st.st_mode & 07777));
		goto out;
	}
	if (read_fd(fd, SEAL_KEY_MAX, &buf, &len) < 0) {
		*why = errno == EFBIG ?
		    xasprintf("key file is larger than %d bytes: not a key", SEAL_KEY_MAX) :
		    xasprintf("cannot read key file: %s", strerror(errno));
		goto out;
	}
	/* Shorter than the hash output weakens HMAC below SHA-256's strength
	 * (RFC 2104 section 3). */
	if (len < SEAL_KEY_MIN) {
		*why = xasprintf("key file holds %zu bytes; a key needs at least %d "
		    "(e.g. head -c 32 /dev/urandom >KEYFILE)", len, SEAL_KEY_MIN);
		goto out;
	}
	/* The key is the file's bytes exactly as they are, newline and all. */
	seal_key_init(k, buf, len);
	rc = 0;
out:
	if (buf) {
		explicit_bzero(buf, len);
		free(buf);
	}
	close(fd);
	return rc;
}

/* ---- canonical form ------------------------------------------------- */

xmlNodePtr
seal_find(xmlDocPtr doc)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);

	return xml_child(root, "seal");
}

static int
is_xml_space(const xmlChar *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

struct visible {
	xmlNodePtr seal;
};

/*
 * Which nodes the MAC covers (see the top of the file).  Called by C14N
 * for every node, attribute and namespace; an element that is left out
 * does not hide its children, so descendants of the seal are tested by
 * ancestry.  A namespace node is an xmlNs, which has no parent pointer:
 * for it only the parent argument may be used.
 */
static int
covered(void *user, xmlNodePtr node, xmlNodePtr parent)
{
	const struct visible *v = user;
	xmlNodePtr n;

	if (node->type == XML_NAMESPACE_DECL)
		node = parent;
	for (n = node; n; n = n->parent)
		if (n == v->seal)
			return 0;
	if (node->type == XML_TEXT_NODE && node->parent &&
	    node->parent->type == XML_ELEMENT_NODE && is_xml_space(node->content)) {
		/* Ignorable when it sits among elements: the parent has element
		 * content, not a whitespace value like <patronymic> </patronymic>. */
		for (n = node->parent->children; n; n = n->next)
			if (n->type == XML_ELEMENT_NODE)
				return 0;
	}
	return 1;
}

static int
feed_hmac(void *ctx, const char *buf, int len)
{
	if (len > 0)
		hmac_sha256_update(ctx, buf, (size_t)len);
	return len;
}

int
seal_mac(xmlDocPtr doc, const seal_key *k, unsigned char mac[32], char **why)
{
	hmac_sha256_ctx c = k->base;
	struct visible v;
	xmlOutputBufferPtr out;
	int rc;

	*why = NULL;
	v.seal = seal_find(doc);
	/* The canonical text streams straight into the MAC: no copy of the
	 * dossier is held in memory. */
	out = xmlOutputBufferCreateIO(feed_hmac, NULL, &c, NULL);
	if (!out) {
		*why = xstrdup("out of memory");
		explicit_bzero(&c, sizeof c);
		return -1;
	}
	rc = xmlC14NExecute(doc, covered, &v, XML_C14N_1_0, NULL, 0, out);
	if (xmlOutputBufferClose(out) < 0 || rc < 0) {
		*why = xstrdup("cannot canonicalise the dossier");
		explicit_bzero(&c, sizeof c);
		return -1;
	}
	hmac_sha256_final(&c, mac);
	return 0;
}

/* ---- sealing and checking ------------------------------------------- */

void
seal_remove(xmlDocPtr doc)
{
	xmlNodePtr s;

	while ((s = seal_find(doc))) {
		xmlUnlinkNode(s);
		xmlFreeNode(s);
	}
}

/* Drop indentation between elements so the sealed dossier is written
 * freshly indented; the MAC ignores it either way. */
static void
strip_indentation(xmlNodePtr node)
{
	xmlNodePtr c, next;
	int elements = 0;

	for (c = node->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			elements = 1;
	for (c = node->children; c; c = next) {
		next = c->next;
		if (elements && c->type == XML_TEXT_NODE && is_xml_space(c->content)) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		} else if (c->type == XML_ELEMENT_NODE) {
			strip_indentation(c);
		}
	}
}

int
seal_apply(xmlDocPtr doc, const seal_key *k, char **why)
{
	xmlNodePtr root = xmlDocGetRootElement(doc), s;
	unsigned char mac[32];
	char hex[65];

	*why = NULL;
	if (!root) {
		*why = xstrdup("no root element");
		return -1;
	}
	/* A seal from upstream says nothing about this dossier: replace it. */
	seal_remove(doc);
	strip_indentation(root);
	if (seal_mac(doc, k, mac, why) < 0)
		return -1;
	hex_encode(mac, 32, hex);
	s = xmlNewTextChild(root, NULL, BAD_CAST "seal", BAD_CAST hex);
	xmlSetProp(s, BAD_CAST "alg", BAD_CAST SEAL_ALG);
	xmlSetProp(s, BAD_CAST "key-id", BAD_CAST k->id);
	explicit_bzero(mac, sizeof mac);
	return 0;
}

static int
hex_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The 32 bytes written in the seal's text (surrounding XML whitespace
 * allowed); 0, or -1 when it is not 64 hex digits. */
static int
seal_value(xmlNodePtr s, unsigned char mac[32])
{
	xmlChar *t = xmlNodeGetContent(s);
	const xmlChar *p = t;
	size_t n = 0;
	int rc = -1;

	if (!t)
		return -1;
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	for (; n < 32; n++, p += 2) {
		int hi = hex_value(p[0]), lo = hi < 0 ? -1 : hex_value(p[1]);

		if (hi < 0 || lo < 0)
			break;
		mac[n] = (unsigned char)(hi << 4 | lo);
	}
	if (n == 32 && is_xml_space(p))
		rc = 0;
	xmlFree(t);
	return rc;
}

const char *
seal_status_name(seal_status st)
{
	switch (st) {
	case SEAL_OK:
		return "valid";
	case SEAL_MISSING:
		return "missing";
	case SEAL_MISMATCH:
		return "mismatch";
	case SEAL_UNKNOWN_KEY:
		return "unknown-key";
	case SEAL_MALFORMED:
		return "malformed";
	}
	return "?";
}

seal_status
seal_verify(xmlDocPtr doc, const seal_key *keys, size_t nkeys, char **why)
{
	xmlNodePtr s = seal_find(doc);
	const seal_key *k = NULL;
	unsigned char want[32], got[32], diff = 0;
	char *alg, *id;
	size_t i;

	*why = NULL;
	if (!s)
		return SEAL_MISSING;
	if (xml_next(s, "seal")) {
		*why = xstrdup("more than one seal");
		return SEAL_MALFORMED;
	}
	alg = xml_get(s, "alg");
	id = xml_get(s, "key-id");
	if (!alg || strcmp(alg, SEAL_ALG) != 0) {
		*why = xstrdup("seal algorithm is not " SEAL_ALG);
		free(alg);
		free(id);
		return SEAL_MALFORMED;
	}
	for (i = 0; id && i < nkeys; i++)
		if (strcmp(keys[i].id, id) == 0)
			k = &keys[i];
	if (!k) {
		/* Nothing can tell a seal made with a key we were not given from
		 * a forged one; the caller must not treat this as intact. */
		*why = xasprintf("sealed with a key that was not given (key-id %.16s)",
		    id ? id : "none");
		free(alg);
		free(id);
		return SEAL_UNKNOWN_KEY;
	}
	free(alg);
	free(id);
	if (seal_value(s, got) < 0) {
		*why = xstrdup("seal value is not 64 hex digits");
		return SEAL_MALFORMED;
	}
	if (seal_mac(doc, k, want, why) < 0)
		return SEAL_MALFORMED;
	for (i = 0; i < 32; i++)
		diff |= want[i] ^ got[i];
	explicit_bzero(want, sizeof want);
	if (diff) {
		*why = xstrdup("MAC does not match the content");
		return SEAL_MISMATCH;
	}
	return SEAL_OK;
}
