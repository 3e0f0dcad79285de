"""Pictures for the demo content, drawn locally with Pillow.

The example site must load without network access, so nothing is downloaded: every picture is
drawn from its key and an index. The index picks the palette, so that neighbouring items (the
articles of a list, the authors of a page) get distinct colours; the shapes are seeded by a
stable hash of the key, so the same key always gives the same picture (Python's ``hash()`` is
salted per process and would not).
"""

import hashlib
import io
import math
import random

from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERO_SIZE = (1600, 900)
PORTRAIT_SIZE = (400, 400)
LOGO_SIZE = (320, 160)
INLINE_SIZE = (1200, 800)

# (gradient start, gradient end, accent): calm, readable colour sets that suit a career site.
PALETTES = (
    ((18, 52, 86), (52, 140, 168), (244, 197, 92)),
    ((44, 30, 80), (186, 84, 120), (255, 214, 170)),
    ((12, 74, 66), (118, 184, 140), (250, 240, 200)),
    ((70, 38, 24), (214, 132, 72), (255, 236, 190)),
    ((26, 40, 70), (120, 110, 200), (160, 230, 220)),
    ((60, 64, 72), (150, 170, 190), (255, 170, 120)),
)


def _rng(key):
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def _png(image):
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _gradient(size, start, end, angle):
    """A linear gradient from ``start`` to ``end``, rotated by ``angle`` degrees."""
    width, height = size
    # Rotate a square as wide as the diagonal, so the centred crop has no empty corners.
    side = math.ceil(math.hypot(width, height))
    mask = Image.linear_gradient("L").resize((side, side)).rotate(angle, Image.BICUBIC)
    left, top = (side - width) // 2, (side - height) // 2
    mask = mask.crop((left, top, left + width, top + height))
    return Image.composite(Image.new("RGB", size, end), Image.new("RGB", size, start), mask)


def _rgba(colour, alpha):
    return (*colour, alpha)


def _palette(index):
    return PALETTES[index % len(PALETTES)]


def hero_image(key, index):
    """A 1600x900 PNG: a gradient with translucent circles, rings and a dot grid."""
    rng = _rng(key)
    start, end, accent = _palette(index)
    width, height = HERO_SIZE
    image = _gradient(HERO_SIZE, start, end, rng.uniform(-60, 60)).convert("RGBA")

    # Large soft blobs first, blurred, to give depth behind the crisp shapes.
    blobs = Image.new("RGBA", HERO_SIZE)
    draw = ImageDraw.Draw(blobs)
    for _ in range(4):
        radius = rng.randint(180, 420)
        x, y = rng.randint(0, width), rng.randint(0, height)
        colour = accent if rng.random() < 0.4 else (255, 255, 255)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), _rgba(colour, 46))
    image.alpha_composite(blobs.filter(ImageFilter.GaussianBlur(60)))

    shapes = Image.new("RGBA", HERO_SIZE)
    draw = ImageDraw.Draw(shapes)
    # ImageDraw replaces pixels instead of blending them, so the faint diagonal band goes first
    # and the shapes drawn over it stay whole.
    offset = rng.randint(-300, 300)
    draw.polygon(
        ((offset, height), (offset + 260, height), (offset + 1100, 0), (offset + 840, 0)),
        (255, 255, 255, 28),
    )
    for _ in range(3):
        radius = rng.randint(60, 200)
        x, y = rng.randint(radius, width - radius), rng.randint(radius, height - radius)
        draw.ellipse(
            (x - radius, y - radius, x + radius, y + radius),
            outline=_rgba(accent, 150),
            width=rng.randint(6, 14),
        )
    radius = rng.randint(90, 150)
    x, y = rng.randint(width // 2, width - radius), rng.randint(radius, height - radius)
    draw.ellipse((x - radius, y - radius, x + radius, y + radius), _rgba(accent, 200))

    # A small dot grid in one corner echoes the structure of a page layout.
    origin_x, origin_y = rng.choice(((80, 80), (width - 340, 80), (80, height - 260)))
    for row in range(5):
        for column in range(7):
            cx, cy = origin_x + column * 40, origin_y + row * 40
            draw.ellipse((cx - 5, cy - 5, cx + 5, cy + 5), (255, 255, 255, 120))
    image.alpha_composite(shapes)
    return _png(image.convert("RGB"))


def initials(name):
    """``"Olivier Bergeron-Roy"`` -> ``"OB"``: first letters of the first and last words."""
    words = name.split()
    return (words[0][0] + words[-1][0]).upper() if len(words) > 1 else words[0][:2].upper()


def portrait_image(index, name):
    """A 400x400 PNG: the initials of ``name`` on a coloured disc."""
    start, end, _accent = _palette(index)
    image = _gradient(PORTRAIT_SIZE, (246, 244, 240), (226, 230, 236), 30)
    draw = ImageDraw.Draw(image)
    margin = 30
    width, height = PORTRAIT_SIZE
    draw.ellipse((margin, margin, width - margin, height - margin), fill=start)
    draw.ellipse(
        (margin + 14, margin + 14, width - margin - 14, height - margin - 14),
        outline=end,
        width=6,
    )
    # Pillow's bundled default font scales when given a size, so no font file is needed.
    font = ImageFont.load_default(size=150)
    draw.text((width / 2, height / 2), initials(name), fill="white", font=font, anchor="mm")
    return _png(image)


def _draw_screen(draw, rng, accent, ink):
    """A desk seen from the front: a monitor with a person on screen and a lamp."""
    draw.rectangle((0, 600, 1200, 800), fill=(214, 196, 170))
    draw.rounded_rectangle((300, 170, 900, 540), 28, fill=ink)
    draw.rounded_rectangle((326, 196, 874, 514), 16, fill=(236, 242, 248))
    draw.ellipse((540, 250, 660, 370), fill=accent)
    draw.pieslice((470, 380, 730, 640), 180, 360, fill=accent)
    draw.rectangle((326, 470, 874, 514), fill=(236, 242, 248))
    draw.rectangle((570, 540, 630, 600), fill=ink)
    draw.rounded_rectangle((470, 590, 730, 616), 10, fill=ink)
    draw.ellipse((590, 178, 610, 190), fill=(120, 200, 140))
    # A lamp lights the face from the front, as the article advises.
    draw.line((1010, 600, 1010, 380), fill=ink, width=14)
    draw.line((1010, 380, 930, 300), fill=ink, width=14)
    draw.pieslice((850, 240, 1010, 400), 200, 340, fill=(250, 214, 110))
    draw.rounded_rectangle((960, 590, 1060, 612), 8, fill=ink)
    draw.rounded_rectangle((120, 520, 240, 600), 12, fill=(170, 120, 90))
    draw.ellipse((140, 470 - rng.randint(0, 20), 220, 530), fill=(110, 170, 110))


def _draw_document(draw, rng, accent, ink):
    """A one-column CV: a header block, then sections with a title bar and text lines."""
    draw.rounded_rectangle((390, 60, 810, 740), 18, fill=(255, 255, 255), outline=ink, width=4)
    draw.rectangle((430, 100, 770, 170), fill=accent)
    draw.rectangle((430, 190, 640, 204), fill=ink)
    top = 240
    for _section in range(3):
        draw.rectangle((430, top, 560, top + 18), fill=ink)
        top += 40
        for _line in range(rng.randint(3, 4)):
            length = rng.randint(220, 340)
            draw.rectangle((430, top, 430 + length, top + 10), fill=(190, 196, 206))
            top += 26
        top += 20
    # Check marks beside the sheet hint at a successful automated reading.
    for index in range(3):
        cx, cy = 920, 240 + index * 150
        draw.ellipse((cx - 44, cy - 44, cx + 44, cy + 44), fill=accent)
        draw.line((cx - 20, cy, cx - 4, cy + 18, cx + 24, cy - 16), fill="white", width=12)


def _draw_path(draw, rng, accent, ink):
    """A rising path of milestones ending at a flag: a career change as a staged project."""
    points = [(140, 660), (380, 560), (600, 600), (820, 400), (1040, 240)]
    draw.line(points, fill=ink, width=16, joint="curve")
    for x, y in points[:-1]:
        draw.ellipse((x - 34, y - 34, x + 34, y + 34), fill=accent, outline=ink, width=8)
    flag_x, flag_y = points[-1]
    draw.line((flag_x, flag_y, flag_x, flag_y - 180), fill=ink, width=10)
    pennant = ((flag_x, flag_y - 180), (flag_x + 120, flag_y - 145), (flag_x, flag_y - 110))
    draw.polygon(pennant, accent)
    for _ in range(6):
        x, y, radius = rng.randint(60, 1140), rng.randint(40, 200), rng.randint(6, 16)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(255, 255, 255))


MOTIFS = {
    "screen": _draw_screen,
    "document": _draw_document,
    "path": _draw_path,
}


def inline_image(key, index, motif):
    """A 1200x800 PNG illustration of ``motif`` (a key of ``MOTIFS``) on a soft gradient."""
    rng = _rng(key)
    start, end, _accent = _palette(index)
    # A pale version of the palette keeps the drawing readable on top of the background.
    pale_start = tuple(round(c + (255 - c) * 0.82) for c in start)
    pale_end = tuple(round(c + (255 - c) * 0.7) for c in end)
    image = _gradient(INLINE_SIZE, pale_start, pale_end, rng.uniform(-30, 30))
    MOTIFS[motif](ImageDraw.Draw(image), rng, end, start)
    return _png(image)


def logo_image(letters, colour):
    """A 320x160 PNG employer logo: ``letters`` in white on a rounded ``colour`` plate."""
    image = Image.new("RGB", LOGO_SIZE, "white")
    draw = ImageDraw.Draw(image)
    width, height = LOGO_SIZE
    draw.rounded_rectangle((8, 8, width - 8, height - 8), radius=24, fill=colour)
    font = ImageFont.load_default(size=84)
    draw.text((width / 2, height / 2), letters, fill="white", font=font, anchor="mm")
    return _png(image)
