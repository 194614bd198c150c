"""Reading a rendered PDF as a reader sees it: the words with where they sit (poppler's
`pdftotext -bbox`), and a page as pixels (`pdftoppm`), to check what a chart looks like."""

import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup
from PIL import Image, ImageFilter

POINTS_PER_INCH = 72


@dataclass(frozen=True)
class Word:
    text: str
    left: float  # points from the page's top left corner
    top: float
    right: float
    bottom: float


@dataclass(frozen=True)
class Page:
    number: int  # from 1
    width: float
    words: list[Word]

    def find(self, phrase: str, *, below: Word | None = None) -> Word | None:
        """The first word of the first place the words of `phrase` follow one another, if
        `below` is given the first place lower on the page than that word."""
        wanted = phrase.split()
        texts = [word.text for word in self.words]
        for index in range(len(texts) - len(wanted) + 1):
            if below is not None and self.words[index].top < below.bottom:
                continue
            if texts[index:index + len(wanted)] == wanted:
                return self.words[index]
        return None


def pdf_pages(path: Path | str) -> list[Page]:
    xml = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, check=True, text=True).stdout
    pages = []
    for number, page in enumerate(BeautifulSoup(xml, "html.parser").find_all("page"), start=1):
        words = [
            Word(word.get_text(), float(word["xmin"]), float(word["ymin"]), float(word["xmax"]), float(word["ymax"]))
            for word in page.find_all("word")
        ]
        pages.append(Page(number, float(page["width"]), words))
    return pages


def page_image(path: Path | str, page: int, *, dpi: int = 50) -> Image.Image:
    """One page as RGB pixels, `dpi` pixels to the inch."""
    with tempfile.TemporaryDirectory() as folder:
        prefix = Path(folder) / "page"
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-f", str(page), "-l", str(page), str(path), str(prefix)],
            check=True, capture_output=True,
        )
        with Image.open(prefix.with_suffix(".png")) as image:
            return image.convert("RGB")


def crop_points(image: Image.Image, box: tuple[float, float, float, float], *, dpi: int = 50) -> Image.Image:
    """The part of a page image inside a box given in points (left, top, right, bottom)."""
    scale = dpi / POINTS_PER_INCH
    return image.crop(tuple(round(value * scale) for value in box))


def pixels_near(image: Image.Image, colour: str, *, tolerance: int = 24) -> int:
    """How many pixels are within `tolerance` of a colour ("#rrggbb") in every channel."""
    wanted = tuple(int(colour[index:index + 2], 16) for index in (1, 3, 5))
    return sum(
        1 for pixel in image.get_flattened_data() if all(abs(channel - target) <= tolerance for channel, target in zip(pixel, wanted))
    )


def solid_black_pixels(image: Image.Image, *, darkest: int = 60) -> int:
    """Pixels inside a solid black patch at least 3 pixels each way: text strokes and thin lines
    are narrower, so any left are filled shapes drawn black."""
    black = image.convert("L").point(lambda value: 255 if value < darkest else 0)
    return sum(1 for value in black.filter(ImageFilter.MinFilter(3)).get_flattened_data() if value)


def holds_in_order(text: str, phrase: str) -> bool:
    """True when the phrase's words appear in order, each within a few words of the last: a table
    cell's wrapped lines come out of the PDF interleaved with the lines of the cells beside it."""
    words, wanted = text.split(), phrase.split()
    for start in (index for index, word in enumerate(words) if word == wanted[0]):
        at = start
        for word in wanted[1:]:
            window = words[at + 1:at + 16]
            if word not in window:
                break
            at += 1 + window.index(word)
        else:
            return True
    return False
