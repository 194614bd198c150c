"""The plan in the format the person needs: Easy Read words built from the section definitions,
and the braille-ready (BRF) and audio files made from them with the server's own engines.

Easy Read, braille and audio copies are the person's own copy, whoever asks for it: they speak to
the person as "you". The person's own words are kept exactly as they wrote them."""

import io
import re
import shutil
import subprocess
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from coproduction.core.money import money_text

from .plan_content import describe

# The formats a copy can be asked for in, as the agreement section names them.
STANDARD, LARGE_PRINT, EASY_READ, BRAILLE, AUDIO = "standard", "large_print", "easy_read", "braille", "audio"

# Liblouis: Unified English Braille, grade 2 (contracted), shown as North American ASCII braille.
BRAILLE_TABLES = "en-us-brf.dis,en-ueb-g2.ctb"
# The usual embosser page: 40 cells a line, 25 lines a page.
BRF_CELLS, BRF_LINES = 40, 25
SPEECH_VOICE = "en-gb"
SPEECH_WORDS_A_MINUTE = 150
ENGINE_SECONDS = 120

MACHINE_READ = "A computer voice reads this recording. It was not read by a person."
ATTRIBUTION = "Pictures: OpenMoji, the open-source emoji and icon project (openmoji.org). Licence: CC BY-SA 4.0."

# What each format needs on the server, and what the page says when it is missing.
_ENGINES = {
    BRAILLE: ("lou_translate", "Braille-ready files cannot be made on this server at the moment, because its braille translator (liblouis) is not installed. Ask the council for a braille copy."),
    AUDIO: ("espeak-ng", "Audio copies cannot be made on this server at the moment, because its speech engine (eSpeak NG) is not installed. Ask the council for an audio copy."),
}


def format_unavailable(copy_format: str) -> str:
    """Why this format cannot be made on this server, in plain words; "" when it can."""
    program, reason = _ENGINES.get(copy_format, (None, ""))
    return reason if program and shutil.which(program) is None else ""


# --- Easy Read words ---------------------------------------------------------------------------


@dataclass
class EasyEntry:
    label: str
    lines: list[str]
    # "In your own words": the lines are theirs, as they wrote them.
    whose_label: str = ""
    own_words: bool = False


@dataclass
class EasyPart:
    number: int
    heading: str
    explanation: tuple[str, ...]
    symbol: str
    symbol_alt: str
    entries: list[EasyEntry] = field(default_factory=list)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"‘'(])")


def short_lines(text: str) -> list[str]:
    """Someone else's words, one sentence a line."""
    return [sentence.strip() for line in text.splitlines() for sentence in _SENTENCE_END.split(line) if sentence.strip()]


def _own_lines(text: str) -> list[str]:
    """The person's own words, as they wrote them: their own line breaks, nothing reworded."""
    return [line.rstrip() for line in text.splitlines() if line.strip()]


def easy_read(plan, person) -> tuple[list[str], list[EasyPart]]:
    """The Easy Read copy: a few lines about the plan, then each section in the plan's order."""
    about = [f"This plan is for {person.full_name}.", "This is your care and support plan.", "It says what matters to you.", "It says the help you will get."]
    if plan.agreed_at:
        about.append(f"You agreed this plan on {plan.agreed_at:%-d %B %Y}.")
    if plan.review_due:
        about.append(f"We will look at your plan again on {plan.review_due:%-d %B %Y}.")
    about.append("Your own words are kept as you wrote them.")
    parts = []
    for described in describe(plan, person, own=True, shown_to_read=True):
        section = described["section"]
        easy = section.easy
        part = EasyPart(section.number, easy.heading, easy.explanation, easy.symbol, easy.symbol_alt)
        for shown in described["fields"]:
            own = shown.whose in ("person", "with_practitioner")
            part.entries.append(EasyEntry(shown.easy_label, _own_lines(shown.value) if own else short_lines(shown.value), shown.whose_label, own))
        for shown_list in described["lists"]:
            definition = shown_list["definition"]
            for index, item in enumerate(shown_list["items"], start=1):
                lines = [f"{f.easy_label}{'' if f.easy_label.endswith('?') else ':'} {f.value}" for f in item["fields"]]
                own = item["whose_label"].startswith("In your own words")
                part.entries.append(EasyEntry(f"{definition.easy_item or definition.item_name.capitalize()} {index}", lines, item["whose_label"], own))
        if described["total"] is not None:
            part.entries.append(EasyEntry("Money each week", [f"{money_text(described['total'])} each week."]))
        if not part.entries:
            part.entries.append(EasyEntry("", ["Nothing is written here yet."]))
        parts.append(part)
    return about, parts


def easy_read_text(about: list[str], part: EasyPart | None) -> list[str]:
    """A part as plain lines to read or feel, in reading order: the about lines when part is None."""
    if part is None:
        return ["Your care and support plan. Easy Read.", *about]
    lines = [f"Part {part.number}. {part.heading}.", *part.explanation]
    for entry in part.entries:
        if entry.label:
            lines.append(f"{entry.label}.")
        if entry.whose_label:
            lines.append(f"{entry.whose_label}:")
        lines.extend(entry.lines)
    return lines


# --- Braille-ready file ------------------------------------------------------------------------

_PLAIN = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "...", "\u00a0": " "})


def _ascii_for_braille(line: str) -> str:
    """Typographic marks made plain, and anything liblouis has no braille for dropped, so the
    file holds only the 64 BRF characters."""
    line = unicodedata.normalize("NFKC", line.translate(_PLAIN))
    return "".join(ch for ch in line if ch.isascii() or ch == "£")


def braille_lines(lines: list[str]) -> list[str]:
    """Each line in UEB grade 2, as ASCII braille, one translated line for each line given."""
    program = shutil.which("lou_translate")
    if program is None:
        from coproduction.reports.services import ReportCannotBeMade

        raise ReportCannotBeMade(format_unavailable(BRAILLE))
    text = "\n".join(_ascii_for_braille(line) or " " for line in lines) + "\n"
    # The words go through stdin, never the command line, which other users of the server can see.
    done = subprocess.run([program, "--forward", BRAILLE_TABLES], input=text.encode(), capture_output=True, timeout=ENGINE_SECONDS, check=True)
    translated = done.stdout.decode("ascii", errors="replace").splitlines()
    # Upper case is how BRF is usually written; anything else outside it is left out.
    return ["".join(ch for ch in line.upper() if " " <= ch <= "_") for line in translated]


def _wrap(line: str, width: int) -> list[str]:
    if not line.strip():
        return [""]
    rows, row = [], ""
    for word in line.split():
        while len(word) > width:  # a very long word runs on with a hyphen cell
            if row:
                rows.append(row)
                row = ""
            rows.append(word[: width - 1] + "-")
            word = word[width - 1 :]
        if row and len(row) + 1 + len(word) > width:
            rows.append(row)
            row = word
        else:
            row = f"{row} {word}" if row else word
    rows.append(row)
    return rows


def brf_pages(braille: list[str], *, cells: int = BRF_CELLS, lines: int = BRF_LINES) -> list[list[str]]:
    """Lines wrapped at the cell width, then cut into embosser pages."""
    rows = [row for line in braille for row in _wrap(line, cells)]
    return [rows[start : start + lines] for start in range(0, len(rows), lines)] or [[]]


def brf_file(about: list[str], parts: list[EasyPart]) -> bytes:
    """The Easy Read words in braille: a blank line between parts, a form feed between pages."""
    lines = easy_read_text(about, None)
    for part in parts:
        lines += ["", *easy_read_text(about, part)]
    pages = brf_pages(braille_lines(lines))
    return "\f".join("\r\n".join(page) + "\r\n" for page in pages).encode("ascii")


# --- Audio -------------------------------------------------------------------------------------


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def speak(text: str) -> bytes:
    """The text read aloud by the local speech engine, as a WAV file."""
    program = shutil.which("espeak-ng")
    if program is None:
        from coproduction.reports.services import ReportCannotBeMade

        raise ReportCannotBeMade(format_unavailable(AUDIO))
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "track.wav"
        subprocess.run(
            [program, "-v", SPEECH_VOICE, "-s", str(SPEECH_WORDS_A_MINUTE), "--stdin", "-w", str(out)],
            input=text.encode(), capture_output=True, timeout=ENGINE_SECONDS, check=True,
        )
        return out.read_bytes()


def audio_tracks(about: list[str], parts: list[EasyPart]) -> list[tuple[str, str]]:
    """(file name, words) for each track: a track about the plan, then one a section."""
    tracks = [("00-about-this-plan.wav", " ".join([MACHINE_READ, *easy_read_text(about, None)]))]
    for part in parts:
        tracks.append((f"{part.number:02d}-{_slug(part.heading)}.wav", " ".join(easy_read_text(about, part))))
    return tracks


def audio_zip(about: list[str], parts: list[EasyPart], progress=lambda value: None) -> bytes:
    """Numbered WAV tracks, one a section, so any player can skip to a part; with a note that a
    computer voice reads them and what each track holds."""
    tracks = audio_tracks(about, parts)
    notice = [MACHINE_READ, "", "Your care and support plan, in Easy Read, read aloud.", "One track for each part of the plan:", ""]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for done, (name, words) in enumerate(tracks):
            archive.writestr(name, speak(words))
            progress(30 + 30 * (done + 1) // len(tracks))
            notice.append(name)
        archive.writestr("READ-ME-machine-read.txt", "\n".join(notice) + "\n")
    return buffer.getvalue()
