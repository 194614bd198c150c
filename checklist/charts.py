"""Chart geometry for server-rendered SVG. Every chart has its data table beside it on the
page, and tells the two perspectives apart by pattern and label as well as colour."""

from dataclasses import dataclass, field

SCALE_MAX = 5


@dataclass
class Bar:
    label: str
    y: int
    width: float
    value: str
    css: str


@dataclass
class BarChart:
    title: str
    description: str
    bars: list[Bar]
    height: int
    width: int = 640
    label_width: int = 120
    ticks: list[tuple[float, int]] = field(default_factory=list)


def average_bars(results, *, title: str) -> BarChart:
    """Two bars per statement (person, practitioner), on a 1-to-5 scale."""
    plot = 640 - 120 - 50
    bars, y = [], 30
    for result in results:
        for cell, name, css in ((result.person, "People", "app-chart__bar--person"), (result.practitioner, "Practitioners", "app-chart__bar--practitioner")):
            shown = not cell.suppressed and cell.average is not None
            bars.append(Bar(
                label=f"{result.statement.number} {name}", y=y,
                width=round(plot * float(cell.average) / SCALE_MAX, 1) if shown else 0,
                value=str(cell.average) if shown else "not shown", css=css,
            ))
            y += 16
        y += 10
    ticks = [(120 + plot * step / SCALE_MAX, step) for step in range(SCALE_MAX + 1)]
    return BarChart(title=title, description="Average rating for each statement, people beside practitioners. The same figures are in the table.", bars=bars, height=y + 10, ticks=ticks)


@dataclass
class Line:
    name: str
    css: str
    points: list[tuple[float, float, str]]  # x, y, value

    @property
    def path(self) -> str:
        return " ".join(f"{x},{y}" for x, y, _ in self.points)


@dataclass
class LineChart:
    title: str
    description: str
    lines: list[Line]
    x_labels: list[tuple[float, str]]
    y_ticks: list[tuple[float, int]]
    width: int = 640
    height: int = 260


def trend_lines(points, *, title: str) -> LineChart:
    """Average rating per quarter, one line per perspective; a suppressed quarter breaks the line."""
    left, right, top, bottom = 50, 590, 20, 220
    step = (right - left) / max(len(points) - 1, 1)

    def y_for(value) -> float:
        return round(bottom - (bottom - top) * (float(value) - 1) / (SCALE_MAX - 1), 1)

    lines = []
    for name, attribute, css in (("People", "person", "app-chart__line--person"), ("Practitioners", "practitioner", "app-chart__line--practitioner")):
        plotted = []
        for index, point in enumerate(points):
            cell = getattr(point, attribute)
            if not cell.suppressed and cell.average is not None:
                plotted.append((round(left + index * step, 1), y_for(cell.average), str(cell.average)))
        lines.append(Line(name, css, plotted))
    return LineChart(
        title=title,
        description="Average rating each quarter, people and practitioners. The same figures are in the table.",
        lines=lines,
        x_labels=[(round(left + index * step, 1), point.label) for index, point in enumerate(points)],
        y_ticks=[(y_for(value), value) for value in range(1, SCALE_MAX + 1)],
    )
