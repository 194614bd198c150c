"""Chart geometry for server-rendered SVG. Every chart has its data table beside it on the
page, and tells the two perspectives apart by pattern, shape and label as well as colour.

How each series is drawn travels in the SVG itself, as presentation attributes (fill, stroke,
stroke-dasharray), not in a stylesheet: WeasyPrint draws an SVG without the page's CSS, so the
same markup then looks the same on screen and in the PDF reports."""

from dataclasses import dataclass, field
from typing import ClassVar

SCALE_MAX = 5

# GOV.UK Frontend's palette.
BLUE, ORANGE, BLACK, MID_GREY = "#1d70b8", "#f47738", "#0b0c0c", "#cecece"


@dataclass(frozen=True)
class Series:
    """One perspective's look, and the words the caption uses for it, so they cannot disagree."""

    name: str
    fill: str  # bars and points
    outline: str  # the edge of bars and points; empty for none
    line: str  # the trend line's colour
    dashes: str  # the trend line's dash pattern; empty for a solid line
    point: str  # "circle" or "square"
    bar_words: str
    line_words: str


PEOPLE = Series(
    "People", fill=BLUE, outline="", line=BLUE, dashes="", point="circle",
    bar_words="the upper bar of each pair, solid blue",
    line_words="a solid blue line with round blue points",
)
PRACTITIONERS = Series(
    "Practitioners", fill=ORANGE, outline=BLACK, line=BLACK, dashes="8 4", point="square",
    bar_words="the lower bar, orange with a black outline",
    line_words="a dashed black line with square orange points outlined in black",
)
SERIES = ((PEOPLE, "person"), (PRACTITIONERS, "practitioner"))


class Look:
    """What a chart's grid and text are drawn with, and its caption naming each series' look."""

    grid: ClassVar[str] = MID_GREY
    text: ClassVar[str] = BLACK
    font_size: ClassVar[int] = 12
    words: ClassVar[str]  # which of a Series' descriptions the caption uses

    @property
    def caption(self) -> str:
        return " ".join(f"{series.name}: {getattr(series, self.words)}." for series, _ in SERIES)


@dataclass
class Bar:
    label: str
    y: int
    width: float
    value: str
    series: Series
    percent: float = 0  # of the scale, for the page's chart, drawn in HTML


@dataclass
class BarChart(Look):
    title: str
    description: str
    bars: list[Bar]
    height: int
    width: int = 640
    # Wide enough for "10 Practitioners" in the widest font either place draws it with.
    label_width: int = 150
    ticks: list[tuple[float, int]] = field(default_factory=list)
    words: ClassVar[str] = "bar_words"


def average_bars(results, *, title: str) -> BarChart:
    """Two bars per statement (person, practitioner), on a 1-to-5 scale."""
    chart = BarChart(title=title, description="Average rating for each statement, people beside practitioners. The same figures are in the table.", bars=[], height=0)
    plot = chart.width - chart.label_width - 50
    y = 30
    for result in results:
        for series, attribute in SERIES:
            cell = getattr(result, attribute)
            shown = not cell.suppressed and cell.average is not None
            chart.bars.append(Bar(
                label=f"{result.statement.number} {series.name}", y=y,
                width=round(plot * float(cell.average) / SCALE_MAX, 1) if shown else 0,
                value=str(cell.average) if shown else "not shown", series=series,
                percent=round(100 * float(cell.average) / SCALE_MAX, 1) if shown else 0,
            ))
            y += 16
        y += 10
    chart.ticks = [(chart.label_width + plot * step / SCALE_MAX, step) for step in range(SCALE_MAX + 1)]
    chart.height = y + 10
    return chart


@dataclass
class Point:
    x: float
    y: float
    value: str
    size: ClassVar[int] = 8

    @property
    def radius(self) -> float:  # a round point's
        return self.size / 2

    @property
    def left(self) -> float:  # a square point's edges
        return round(self.x - self.size / 2, 1)

    @property
    def top(self) -> float:
        return round(self.y - self.size / 2, 1)


@dataclass
class Line:
    series: Series
    points: list[Point]

    @property
    def path(self) -> str:
        return " ".join(f"{point.x},{point.y}" for point in self.points)


@dataclass
class LineChart(Look):
    title: str
    description: str
    lines: list[Line]
    x_labels: list[tuple[float, str]]
    y_ticks: list[tuple[float, int]]
    width: int = 640
    height: int = 260
    words: ClassVar[str] = "line_words"


def trend_lines(points, *, title: str) -> LineChart:
    """Average rating per quarter, one line per perspective; a suppressed quarter breaks the line."""
    # Room at both ends for a quarter's label centred on its point, at twice the usual text size.
    left, right, top, bottom = 60, 570, 20, 220
    step = (right - left) / max(len(points) - 1, 1)

    def y_for(value) -> float:
        return round(bottom - (bottom - top) * (float(value) - 1) / (SCALE_MAX - 1), 1)

    lines = []
    for series, attribute in SERIES:
        plotted = []
        for index, point in enumerate(points):
            cell = getattr(point, attribute)
            if not cell.suppressed and cell.average is not None:
                plotted.append(Point(round(left + index * step, 1), y_for(cell.average), str(cell.average)))
        lines.append(Line(series, plotted))
    return LineChart(
        title=title,
        description="Average rating each quarter, people and practitioners. The same figures are in the table.",
        lines=lines,
        x_labels=[(round(left + index * step, 1), point.label) for index, point in enumerate(points)],
        y_ticks=[(y_for(value), value) for value in range(1, SCALE_MAX + 1)],
    )
