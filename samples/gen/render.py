"""Drawing documents and turning them into scans.

A Sheet is one page of a paper document drawn at the scan resolution, in
millimetre coordinates, so that layouts are written once and rendered at any
dpi.  scan() then does to it what a scanner and a tired office do: place it on
the glass, tilt it, light it unevenly, blur, add noise, turn it over, reduce
it to grey or to black and white.

Only fonts from Debian packages fonts-dejavu-core, fonts-dejavu-extra,
fonts-liberation, fonts-freefont-ttf and fonts-noto-core are used: all of them
cover Russian and Belarusian (і, ў) and the № sign.
"""

import math
import os
from statistics import NormalDist

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/liberation",
             "/usr/share/fonts/truetype/freefont", "/usr/share/fonts/truetype/noto")

# face name -> (regular, bold, italic) file names
FACES = {
    "dejavu-serif": ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf"),
    "dejavu-serif-cond": ("DejaVuSerifCondensed.ttf", "DejaVuSerifCondensed-Bold.ttf",
                          "DejaVuSerifCondensed-Italic.ttf"),
    "dejavu-sans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"),
    "dejavu-sans-cond": ("DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf",
                         "DejaVuSansCondensed-Oblique.ttf"),
    "dejavu-mono": ("DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf", "DejaVuSansMono-Oblique.ttf"),
    "liberation-serif": ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
                         "LiberationSerif-Italic.ttf"),
    "liberation-sans": ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf",
                        "LiberationSans-Italic.ttf"),
    "liberation-narrow": ("LiberationSansNarrow-Regular.ttf", "LiberationSansNarrow-Bold.ttf",
                          "LiberationSansNarrow-Italic.ttf"),
    "liberation-mono": ("LiberationMono-Regular.ttf", "LiberationMono-Bold.ttf",
                        "LiberationMono-Italic.ttf"),
    "free-serif": ("FreeSerif.ttf", "FreeSerifBold.ttf", "FreeSerifItalic.ttf"),
    "free-sans": ("FreeSans.ttf", "FreeSansBold.ttf", "FreeSansOblique.ttf"),
    "free-mono": ("FreeMono.ttf", "FreeMonoBold.ttf", "FreeMonoOblique.ttf"),
    "noto-serif": ("NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf"),
    "noto-sans": ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf"),
    "noto-mono": ("NotoSansMono-Regular.ttf", "NotoSansMono-Bold.ttf", "NotoSansMono-Regular.ttf"),
}
SERIFS = ("dejavu-serif", "liberation-serif", "free-serif", "noto-serif", "dejavu-serif-cond")
SANS = ("dejavu-sans", "liberation-sans", "free-sans", "noto-sans", "dejavu-sans-cond",
        "liberation-narrow")
MONOS = ("dejavu-mono", "liberation-mono", "free-mono", "noto-mono")

INK = (24, 24, 28)
FONT_DEBS = ("fonts-dejavu-core fonts-dejavu-extra fonts-liberation fonts-freefont-ttf fonts-noto-core "
             "fonts-noto-mono")

_font_paths = {}
_font_cache = {}


def font_path(name):
    if name not in _font_paths:
        for d in FONT_DIRS:
            p = os.path.join(d, name)
            if os.path.exists(p):
                _font_paths[name] = p
                break
        else:
            raise FileNotFoundError(f"generate: font '{name}' not found: install " + FONT_DEBS)
    return _font_paths[name]


def check_fonts():
    """Exit with a message when a face is missing.  Called before any worker
    starts: a worker that exits leaves multiprocessing's Pool.map waiting for
    ever (seen on a fresh machine without fonts-noto-mono)."""
    missing = sorted({f for faces in FACES.values() for f in faces
                      if not any(os.path.exists(os.path.join(d, f)) for d in FONT_DIRS)})
    if missing:
        raise SystemExit(f"generate: fonts not found: {', '.join(missing)}; install {FONT_DEBS}")


def get_font(face, style, px):
    key = (face, style, px)
    f = _font_cache.get(key)
    if f is None:
        files = FACES[face]
        f = ImageFont.truetype(font_path(files[{"r": 0, "b": 1, "i": 2}[style]]), size=max(6, px))
        _font_cache[key] = f
    return f


class Sheet:
    """One side of a paper document at a given resolution.  Coordinates in mm."""

    def __init__(self, w_mm, h_mm, dpi, rng, paper=(251, 250, 246)):
        self.w, self.h, self.dpi, self.rng = w_mm, h_mm, dpi, rng
        self.k = dpi / 25.4
        self.img = Image.new("RGB", (round(w_mm * self.k), round(h_mm * self.k)), paper)
        self.draw = ImageDraw.Draw(self.img)
        self.paper = paper
        # Stamps and signatures are drawn last, over the text, like real ink.
        self.overlays = []

    def px(self, mm):
        return round(mm * self.k)

    def font(self, face, pt, style="r"):
        return get_font(face, style, round(pt * self.dpi / 72))

    def width(self, s, face, pt, style="r"):
        return self.draw.textlength(s, font=self.font(face, pt, style)) / self.k

    def text(self, x, y, s, face, pt, style="r", fill=INK, anchor="ls"):
        """Draw s with its baseline at y (mm); returns the x where it ends."""
        f = self.font(face, pt, style)
        self.draw.text((x * self.k, y * self.k), s, font=f, fill=fill, anchor=anchor)
        if anchor[0] == "l":
            return x + self.draw.textlength(s, font=f) / self.k
        return x

    def center(self, y, s, face, pt, style="r", fill=INK, x0=None, x1=None):
        x0 = 0 if x0 is None else x0
        x1 = self.w if x1 is None else x1
        self.text((x0 + x1) / 2, y, s, face, pt, style, fill, anchor="ms")

    def fit_pt(self, s, face, pt, width, style="r"):
        """The largest size <= pt at which s fits in width mm."""
        while pt > 5 and self.width(s, face, pt, style) > width:
            pt -= 0.5
        return pt

    def hline(self, x0, x1, y, w=0.2, fill=INK):
        self.draw.line([(x0 * self.k, y * self.k), (x1 * self.k, y * self.k)], fill=fill,
                       width=max(1, self.px(w)))

    def rect(self, x0, y0, x1, y1, w=0.25, fill=None, outline=INK):
        self.draw.rectangle([x0 * self.k, y0 * self.k, x1 * self.k, y1 * self.k], fill=fill,
                            outline=outline, width=max(1, self.px(w)))

    def wrap_lines(self, text, face, pt, width, style="r"):
        words, lines, cur = text.split(), [], ""
        for w in words:
            t = w if not cur else cur + " " + w
            if self.width(t, face, pt, style) <= width or not cur:
                cur = t
            else:
                lines.append(cur)
                cur = w
        if cur:
            lines.append(cur)
        return lines

    def para(self, x0, x1, y, text, face, pt, style="r", lead=1.35, indent=0.0, fill=INK,
             align="left"):
        """Word-wrapped paragraph starting at baseline y; returns the next baseline."""
        step = pt * 0.3528 * lead
        first = True
        for line in self.wrap_lines(text, face, pt, x1 - x0 - indent, style):
            xs = x0 + (indent if first else 0)
            if align == "center":
                self.center(y, line, face, pt, style, fill, x0, x1)
            else:
                self.text(xs, y, line, face, pt, style, fill)
            first = False
            y += step
        return y

    def field(self, x, y, label, value, st, x_val=None, x_end=None, under=True, caption=None):
        """A form line: printed label, then the value typed into the blank.

        st is the document's Style.  The value sits on the blank's line with
        the small misalignment of a form fed through a printer.  Returns the
        next baseline.
        """
        x_end = self.w - st.margin if x_end is None else x_end
        lx = self.text(x, y, label, st.label, st.label_pt, st.label_style, st.label_ink) if label else x
        vx = max(lx + 2, x_val) if x_val is not None else lx + 2
        if under:
            self.hline(vx - 1, x_end, y + 1.0, 0.12, st.label_ink)
        if value:
            pt = self.fit_pt(value, st.value, st.value_pt, x_end - vx - 1, st.value_style)
            self.text(vx + st.jx, y + st.jy, value, st.value, pt, st.value_style, st.value_ink)
        if caption:
            self.center(y + 3.3, caption, st.label, st.label_pt * 0.62, "r", st.label_ink, vx, x_end)
            return y + st.step + 2.6
        return y + st.step

    # ---------------------------------------------------------- decorations

    def guilloche(self, colour, density=1.0, rosette=True):
        """Security-paper background: bands of interleaved sine waves and a
        rosette, in a pale tint that a thresholding scanner mostly drops."""
        rng = self.rng
        W, H = self.img.size
        lw = max(1, round(self.dpi / 300))
        period = W / rng.uniform(2.5, 5.0)
        amp = H * rng.uniform(0.006, 0.014)
        gap = H / (70 * density)
        n = int(H / gap) + 2
        xs = np.linspace(0, W, 240)
        for i in range(n):
            y0 = i * gap
            for ph in (0.0, math.pi):
                ys = y0 + amp * np.sin(2 * math.pi * xs / period + ph + i * 0.21)
                self.draw.line(list(zip(xs.tolist(), ys.tolist())), fill=colour, width=lw)
        if rosette:
            cx, cy = W * rng.uniform(0.4, 0.6), H * rng.uniform(0.4, 0.6)
            R = min(W, H) * rng.uniform(0.25, 0.38)
            lobes = rng.randint(9, 17)
            t = np.linspace(0, 2 * math.pi, 1400)
            for j in range(24):
                r = R * (0.55 + 0.45 * np.sin(lobes * t + j * 2 * math.pi / 24) ** 2)
                pts = list(zip((cx + r * np.cos(t)).tolist(), (cy + r * np.sin(t)).tolist()))
                self.draw.line(pts, fill=colour, width=lw)

    def border(self, colour, inset=6.0):
        """A certificate's ornamental frame: a double rule and a wave between."""
        k = self.k
        x0, y0, x1, y1 = inset, inset, self.w - inset, self.h - inset
        self.rect(x0, y0, x1, y1, 0.5, outline=colour)
        self.rect(x0 + 2.4, y0 + 2.4, x1 - 2.4, y1 - 2.4, 0.25, outline=colour)
        lw = max(1, round(self.dpi / 250))
        for (ax, ay, bx, by) in ((x0, y0, x1, y0), (x0, y1, x1, y1)):
            xs = np.linspace(ax + 1, bx - 1, 400)
            ys = ay + (1.2 if ay == y0 else -1.2) + 0.7 * np.sin(xs * 2.2)
            self.draw.line(list(zip((xs * k).tolist(), (ys * k).tolist())), fill=colour, width=lw)
        for (ax, ay, bx, by) in ((x0, y0, x0, y1), (x1, y0, x1, y1)):
            ys = np.linspace(ay + 1, by - 1, 500)
            xs = ax + (1.2 if ax == x0 else -1.2) + 0.7 * np.sin(ys * 2.2)
            self.draw.line(list(zip((xs * k).tolist(), (ys * k).tolist())), fill=colour, width=lw)

    def stamp(self, x, y, ring_text, centre_lines=(), radius=19.0, colour=None):
        self.overlays.append(("stamp", x, y, ring_text, tuple(centre_lines), radius, colour))

    def rect_stamp(self, x, y, lines, colour=None):
        self.overlays.append(("rstamp", x, y, tuple(lines), colour))

    def signature(self, x, y, width=30.0, colour=None):
        self.overlays.append(("sig", x, y, width, colour))

    def qr(self, x, y, size):
        """A QR-like block of modules (not a decodable code: only its look matters)."""
        n = 29
        m = size / n
        cells = self.rng.getrandbits(n * n)
        corners = ((0, 0), (0, n - 7), (n - 7, 0))
        for i in range(n):
            for j in range(n):
                on = (cells >> (i * n + j)) & 1
                for ci, cj in corners:
                    if ci <= i < ci + 8 and cj - (cj > 0) <= j < cj + 7 + (cj == 0):
                        a, b = i - ci, j - cj
                        on = 0 <= a < 7 and 0 <= b < 7 and max(abs(a - 3), abs(b - 3)) != 2
                if on:
                    self.draw.rectangle([(x + j * m) * self.k, (y + i * m) * self.k,
                                         (x + (j + 1) * m) * self.k - 1, (y + (i + 1) * m) * self.k - 1],
                                        fill=INK)

    def finish(self):
        """Apply the overlays (ink multiplies with what is under it) and return the image."""
        for ov in self.overlays:
            if ov[0] == "stamp":
                _draw_stamp(self, *ov[1:])
            elif ov[0] == "rstamp":
                _draw_rect_stamp(self, *ov[1:])
            else:
                _draw_signature(self, *ov[1:])
        self.overlays = []
        return self.img


STAMP_INKS = ((62, 58, 168), (88, 52, 150), (40, 72, 170), (70, 70, 185))
PEN_INKS = ((22, 34, 120), (30, 30, 40), (18, 50, 140))


def _ink_layer(sheet, mask, colour, x, y, strength):
    """Multiply a coloured ink, shaped by an L mask, into the sheet at (x, y) px
    (top-left), with the patchy coverage of a rubber stamp."""
    rng = sheet.rng
    w, h = mask.size
    # Low-frequency patchiness: ink is never even.
    small = np.array([[rng.random() for _ in range(6)] for _ in range(6)], dtype=np.float32)
    patch = Image.fromarray((small * 255).astype(np.uint8)).resize((w, h), Image.BICUBIC)
    m = np.asarray(mask, dtype=np.float32) / 255.0
    m *= (0.55 + 0.45 * np.asarray(patch, dtype=np.float32) / 255.0) * strength
    region = sheet.img.crop((x, y, x + w, y + h))
    base = np.asarray(region, dtype=np.float32)
    col = np.array(colour, dtype=np.float32) / 255.0
    out = base * (1 - m[..., None] * (1 - col))
    sheet.img.paste(Image.fromarray(np.clip(out, 0, 255).astype(np.uint8)), (x, y))


def _draw_stamp(sheet, x, y, ring_text, centre_lines, radius, colour):
    rng = sheet.rng
    k = sheet.k
    R = radius * k
    size = int(2 * R + 8)
    mask = Image.new("L", (size, size), 0)
    d = ImageDraw.Draw(mask)
    c = size / 2
    lw = max(2, round(0.45 * k))
    d.ellipse([c - R, c - R, c + R, c + R], outline=255, width=lw)
    d.ellipse([c - R * 0.68, c - R * 0.68, c + R * 0.68, c + R * 0.68], outline=255, width=max(1, lw // 2))
    # Ring text, one glyph at a time around the circle.
    font = get_font("dejavu-sans-cond", "b", max(8, round(R * 0.17)))
    text = ring_text + " • "
    n = len(text)
    r_text = R * 0.84
    for i, ch in enumerate(text):
        a = -math.pi / 2 + 2 * math.pi * i / n
        g = Image.new("L", (font.size * 2, font.size * 2), 0)
        ImageDraw.Draw(g).text((font.size, font.size), ch, font=font, fill=255, anchor="mm")
        g = g.rotate(-math.degrees(a) - 90, resample=Image.BICUBIC)
        gx = int(c + r_text * math.cos(a) - g.size[0] / 2)
        gy = int(c + r_text * math.sin(a) - g.size[1] / 2)
        mask.paste(ImageChops.lighter(mask.crop((gx, gy, gx + g.size[0], gy + g.size[1])), g), (gx, gy))
    cf = get_font("dejavu-sans-cond", "b", max(8, round(R * 0.15)))
    yy = c - (len(centre_lines) - 1) * cf.size * 0.6
    for line in centre_lines:
        d.text((c, yy), line, font=cf, fill=255, anchor="mm")
        yy += cf.size * 1.2
    mask = mask.rotate(rng.uniform(-40, 40), resample=Image.BICUBIC)
    colour = colour or rng.choice(STAMP_INKS)
    px, py = int(x * k - size / 2), int(y * k - size / 2)
    px = min(max(px, 0), sheet.img.size[0] - size)
    py = min(max(py, 0), sheet.img.size[1] - size)
    _ink_layer(sheet, mask, colour, px, py, rng.uniform(0.55, 0.85))


def _draw_rect_stamp(sheet, x, y, lines, colour):
    rng = sheet.rng
    k = sheet.k
    f = get_font("dejavu-sans-cond", "b", round(2.6 * k))
    w = int(max(f.getlength(s) for s in lines) + 4 * k)
    h = int(len(lines) * f.size * 1.3 + 3 * k)
    mask = Image.new("L", (w + 8, h + 8), 0)
    d = ImageDraw.Draw(mask)
    d.rectangle([4, 4, w + 3, h + 3], outline=255, width=max(2, round(0.4 * k)))
    yy = 4 + 1.5 * k
    for s in lines:
        d.text((4 + 2 * k, yy), s, font=f, fill=255)
        yy += f.size * 1.3
    mask = mask.rotate(rng.uniform(-6, 6), resample=Image.BICUBIC, expand=True)
    px = min(max(int(x * k), 0), sheet.img.size[0] - mask.size[0])
    py = min(max(int(y * k), 0), sheet.img.size[1] - mask.size[1])
    _ink_layer(sheet, mask, colour or rng.choice(STAMP_INKS), px, py, rng.uniform(0.6, 0.9))


def _draw_signature(sheet, x, y, width, colour):
    """A hand signature: a fast looping stroke, smoothed through random points."""
    rng = sheet.rng
    k = sheet.k
    W, H = int(width * k), int(width * 0.45 * k)
    mask = Image.new("L", (W + 20, H + 20), 0)
    d = ImageDraw.Draw(mask)
    n = rng.randint(7, 12)
    px_ = [10 + W * i / (n - 1) + rng.uniform(-0.08, 0.08) * W for i in range(n)]
    py_ = [10 + H * (0.5 + rng.uniform(-0.45, 0.45)) for _ in range(n)]
    pts = []
    for i in range(n - 1):
        for t in np.linspace(0, 1, 24):
            # Loops: a circular wiggle on top of the straight path.
            lx = px_[i] + (px_[i + 1] - px_[i]) * t + 0.06 * W * math.sin(t * 2 * math.pi)
            ly = py_[i] + (py_[i + 1] - py_[i]) * t - 0.25 * H * math.sin(t * math.pi) * (1 if i % 2 else -1)
            pts.append((lx, ly))
    d.line(pts, fill=255, width=max(2, round(0.35 * k)), joint="curve")
    d.line([(10 + W * 0.1, 10 + H * 0.9), (10 + W * rng.uniform(0.6, 1.0), 10 + H * rng.uniform(0.7, 1.0))],
           fill=255, width=max(2, round(0.3 * k)))
    px = min(max(int(x * k), 0), sheet.img.size[0] - mask.size[0])
    py = min(max(int(y * k - H / 2), 0), sheet.img.size[1] - mask.size[1])
    _ink_layer(sheet, mask, colour or rng.choice(PEN_INKS), px, py, rng.uniform(0.8, 1.0))


# ---------------------------------------------------------------- scanning

class ScanParams:
    """What the scanner and the handling did to one page."""

    def __init__(self, dpi, mode="rgb", skew=0.0, rotate=0, blur=0.0, noise=0.0, light=0.0,
                 bed=True, bed_colour=245, threshold=150, offset=(6.0, 6.0)):
        self.dpi = dpi
        self.mode = mode            # "rgb", "grey" or "bilevel"
        self.skew = skew            # degrees, counter-clockwise as placed on the glass
        self.rotate = rotate        # clockwise degrees needed to make the page upright
        self.blur = blur
        self.noise = noise
        self.light = light          # depth of uneven lighting, 0..0.2
        self.bed = bed              # scanned on an A4 glass (else cropped to the paper)
        self.bed_colour = bed_colour
        self.threshold = threshold
        self.offset = offset


_NORMAL_TABLE = np.array([NormalDist().inv_cdf((i + 0.5) / 256) for i in range(256)], dtype=np.float32)


def scan(img, sp, rng, nprng):
    """Turn a drawn page into a scanned image per ScanParams."""
    k = sp.dpi / 25.4
    # Grey and bilevel scans are worked on in grey: a third of the pixels to move.
    grey = sp.mode != "rgb"
    if grey:
        img = img.convert("L")
    fill = sp.bed_colour if grey else (sp.bed_colour,) * 3
    if sp.bed:
        W, H = round(210 * k), round(297 * k)
        if img.size[0] > W or img.size[1] > H:
            W, H = max(W, img.size[0] + 20), max(H, img.size[1] + 20)
        bed = Image.new(img.mode, (W, H), fill)
        ox = min(int(sp.offset[0] * k), W - img.size[0])
        oy = min(int(sp.offset[1] * k), H - img.size[1])
        bed.paste(img, (max(0, ox), max(0, oy)))
        img = bed
    if sp.skew:
        # Bilinear: a scanner's own interpolation, and 2.5 times cheaper than bicubic in Pillow.
        img = img.rotate(sp.skew, resample=Image.BILINEAR, fillcolor=fill)
    if sp.blur > 0:
        # One box pass is enough for a scanner's softness, and three times
        # cheaper than Pillow's Gaussian.
        img = img.filter(ImageFilter.BoxBlur(sp.blur))
    a = np.asarray(img, dtype=np.float32)
    h, w = a.shape[:2]
    if sp.light > 0:
        small = nprng.random((4, 3)).astype(np.float32)
        field = np.asarray(Image.fromarray((small * 255).astype(np.uint8)).resize((w, h), Image.BICUBIC),
                           dtype=np.float32) / 255.0
        shade = 1.0 - sp.light * field
        a *= shade if grey else shade[..., None]
    if sp.noise > 0:
        # Gaussian noise through a table of 256 normal quantiles indexed by
        # random bytes: indistinguishable here and several times faster.
        noise = _NORMAL_TABLE[nprng.integers(0, 256, size=(h, w), dtype=np.uint8)] * np.float32(sp.noise)
        a += noise if grey else noise[..., None]
    a = np.clip(a, 0, 255).astype(np.uint8)
    img = Image.fromarray(a, "L" if grey else "RGB")
    if sp.mode == "bilevel":
        img = img.point(lambda v, t=sp.threshold: 255 if v >= t else 0).convert("1", dither=Image.NONE)
    # The page lies turned on the glass: rotate so that turning it back by
    # sp.rotate clockwise makes it upright.
    if sp.rotate == 90:
        img = img.transpose(Image.ROTATE_90)
    elif sp.rotate == 180:
        img = img.transpose(Image.ROTATE_180)
    elif sp.rotate == 270:
        img = img.transpose(Image.ROTATE_270)
    return img
