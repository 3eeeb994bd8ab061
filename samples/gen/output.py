"""Writing scans to files, byte for byte reproducibly.

PNG, JPEG and TIFF go through Pillow, which writes no timestamps unless asked.
Bilevel TIFF and PDF are written here rather than by Pillow, whose writer stamps the current
time into every PDF and writes G4 TIFFs BlackIsZero in many strips: ours embeds JPEG
pages as DCTDecode and bilevel pages as CCITT G4, like a scanner's PDF, with
no dates and no document ID.
"""

import io
import struct

from PIL import Image

TIFF_STRIPOFFSETS, TIFF_STRIPBYTECOUNTS = 273, 279


def _dpi_kw(dpi):
    return {"dpi": (dpi, dpi)} if dpi else {}


def jpeg_bytes(img, quality, dpi, recompress=None):
    """JPEG data; recompress=q first saves at q and decodes again, as a scan
    that was mailed and re-saved once carries two rounds of artefacts."""
    if recompress:
        b = io.BytesIO()
        img.save(b, "JPEG", quality=recompress)
        img = Image.open(io.BytesIO(b.getvalue()))
        img.load()
    b = io.BytesIO()
    img.save(b, "JPEG", quality=quality, **_dpi_kw(dpi))
    return b.getvalue()


def png_bytes(img, dpi):
    b = io.BytesIO()
    img.save(b, "PNG", compress_level=6, **_dpi_kw(dpi))
    return b.getvalue()


def tiff_bytes(imgs, dpi):
    """A (multi-page) TIFF: bilevel pages as CCITT G4 written the way fax
    and document scanners write them (WhiteIsZero, one strip per page),
    grey or colour pages LZW through Pillow."""
    if imgs[0].mode == "1":
        return g4_tiff_bytes(imgs, dpi)
    b = io.BytesIO()
    kw = {"compression": "tiff_lzw"}
    if dpi:
        kw["dpi"] = (dpi, dpi)
    if len(imgs) > 1:
        imgs[0].save(b, "TIFF", save_all=True, append_images=imgs[1:], **kw)
    else:
        imgs[0].save(b, "TIFF", **kw)
    return b.getvalue()


def g4_stream(img):
    """Raw CCITT G4 data of a bilevel image in which the paper is coded as the
    "white" runs (as TIFF WhiteIsZero and PDF's default BlackIs1 false read it).

    libtiff codes 0 bits as white, and Pillow keeps paper as 1 bits, so the
    image is inverted before encoding.  One strip for the whole page: a PDF
    stream or a fax-style TIFF strip is one G4 run.
    """
    b = io.BytesIO()
    inverted = img.convert("L").point(lambda v: 255 - v).convert("1", dither=Image.NONE)
    inverted.save(b, "TIFF", compression="group4", strip_size=1 << 30)
    data = b.getvalue()
    t = Image.open(io.BytesIO(data))
    offs, counts = t.tag_v2[TIFF_STRIPOFFSETS], t.tag_v2[TIFF_STRIPBYTECOUNTS]
    offs = offs if isinstance(offs, tuple) else (offs,)
    counts = counts if isinstance(counts, tuple) else (counts,)
    if len(offs) != 1:
        raise RuntimeError("G4 encoder wrote more than one strip")
    return data[offs[0]:offs[0] + counts[0]]


def g4_tiff_bytes(imgs, dpi):
    """Little-endian TIFF, one G4 strip and one IFD per page."""
    SHORT, LONG, RATIONAL = 3, 4, 5
    out = bytearray(b"II*\x00\x00\x00\x00\x00")
    prev_link = 4                          # where the previous "next IFD" offset goes
    for n, img in enumerate(imgs):
        w, h = img.size
        data = g4_stream(img)
        strip = len(out)
        out += data
        if len(out) % 2:
            out += b"\x00"
        tags = [(254, LONG, 1, 2 if len(imgs) > 1 else 0), (256, LONG, 1, w), (257, LONG, 1, h),
                (258, SHORT, 1, 1), (259, SHORT, 1, 4), (262, SHORT, 1, 0), (273, LONG, 1, strip),
                (277, SHORT, 1, 1), (278, LONG, 1, h), (279, LONG, 1, len(data))]
        if dpi:
            tags += [(282, RATIONAL, 1, None), (283, RATIONAL, 1, None), (296, SHORT, 1, 2)]
        if len(imgs) > 1:
            tags.append((297, SHORT, 2, n | (len(imgs) << 16)))
        ifd = len(out)
        struct.pack_into("<I", out, prev_link, ifd)
        extra = ifd + 2 + 12 * len(tags) + 4        # rationals go right after the IFD
        body = bytearray(struct.pack("<H", len(tags)))
        tail = bytearray()
        for tag, typ, count, value in tags:
            if typ == RATIONAL:
                body += struct.pack("<HHII", tag, typ, count, extra + len(tail))
                tail += struct.pack("<II", dpi, 1)
            elif typ == SHORT and count == 1:
                body += struct.pack("<HHIHH", tag, typ, count, value, 0)
            else:
                body += struct.pack("<HHII", tag, typ, count, value)
        prev_link = ifd + len(body)
        body += b"\x00\x00\x00\x00"
        out += body + tail
    return bytes(out)


def pdf_bytes(pages):
    """An image-only PDF.  pages: [(PIL image, dpi, jpeg_quality)].  The page
    size is the image size at its dpi, as scanners write it."""
    objs = []      # object bodies, numbered from 1

    def add(body):
        objs.append(body)
        return len(objs)

    catalog = add(None)
    pages_obj = add(None)
    kids = []
    for img, dpi, quality in pages:
        w, h = img.size
        if img.mode == "1":
            data = g4_stream(img)
            head = (f"<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /DeviceGray "
                    f"/BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns {w} "
                    f"/Rows {h} >> /Length {len(data)} >>")
        else:
            data = jpeg_bytes(img, quality, None)
            cs = "/DeviceGray" if img.mode == "L" else "/DeviceRGB"
            head = (f"<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace {cs} "
                    f"/BitsPerComponent 8 /Filter /DCTDecode /Length {len(data)} >>")
        im_obj = add(head.encode() + b"\nstream\n" + data + b"\nendstream")
        pw, ph = w * 72.0 / dpi, h * 72.0 / dpi
        content = f"q {pw:.2f} 0 0 {ph:.2f} 0 0 cm /Im0 Do Q".encode()
        c_obj = add(f"<< /Length {len(content)} >>".encode() + b"\nstream\n" + content + b"\nendstream")
        page = add(f"<< /Type /Page /Parent {pages_obj} 0 R /MediaBox [0 0 {pw:.2f} {ph:.2f}] "
                   f"/Resources << /XObject << /Im0 {im_obj} 0 R >> >> /Contents {c_obj} 0 R >>".encode())
        kids.append(page)
    objs[catalog - 1] = f"<< /Type /Catalog /Pages {pages_obj} 0 R >>".encode()
    objs[pages_obj - 1] = (f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] "
                           f"/Count {len(kids)} >>").encode()
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode())
    for o in offsets:
        out.write(f"{o:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objs) + 1} /Root {catalog} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()
