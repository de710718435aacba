"""Charts drawn with matplotlib (Agg, no display) to SVG text: one renderer for page and PDF.

The SVG is shown as a data: image (the CSP allows data: images but not inline styles, which
matplotlib's SVG uses), always beside its table, with the chart's text alternative as alt.
"""

import base64
import io
from functools import cache

from reports.registry import Chart

# Colour-blind-safe (Okabe-Ito), with distinct markers so lines differ without colour too.
COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]
HATCHES = ["", "//", "..", "xx", "\\\\", "--", "++", "oo"]
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]


@cache
def _pyplot():
    """matplotlib, loaded when the first chart is drawn. Imported at the top, it made every web
    worker's first request load it through the URLs (0.7 s) and hold it in memory."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    return pyplot


def render_svg(chart: Chart) -> str:
    """The chart as SVG text (text kept as text, no timestamp, so output is repeatable)."""
    plt = _pyplot()
    with plt.rc_context({"svg.fonttype": "none", "svg.hashsalt": "peel", "font.size": 9}):
        figure, axes = plt.subplots(figsize=(5.2, 2.8))
        try:
            _draw(axes, chart)
            buffer = io.StringIO()
            figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
        finally:
            plt.close(figure)
    return buffer.getvalue()


def _draw(axes, chart: Chart) -> None:
    if chart.kind == "bar":
        _draw_bars(axes, chart)
    else:
        _draw_lines(axes, chart)
    axes.set_ylabel(chart.y_label)
    axes.grid(axis="y", color="#dddddd")
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=8)


def _draw_bars(axes, chart: Chart) -> None:
    """Grouped bars, one group per x label; hatching tells series apart without colour.
    Negative values (benefits in Table 1) go below the zero line."""
    x = list(range(len(chart.x_labels)))
    count = max(len(chart.series), 1)
    width = 0.8 / count
    for n, (name, values) in enumerate(chart.series.items()):
        offsets = [i - 0.4 + width * (n + 0.5) for i in x]
        heights = [0 if v is None else v for v in values]
        axes.bar(
            offsets,
            heights,
            width=width,
            label=name,
            color=COLOURS[n % len(COLOURS)],
            hatch=HATCHES[n % len(HATCHES)],
            edgecolor="white",
        )
    axes.axhline(0, color="#555555", linewidth=0.8)
    crowded = len(x) > 4
    axes.set_xticks(
        x, chart.x_labels, rotation=30 if crowded else 0, ha="right" if crowded else "center"
    )


def _draw_lines(axes, chart: Chart) -> None:
    x = list(range(len(chart.x_labels)))
    for n, (name, values) in enumerate(chart.series.items()):
        points = [float("nan") if v is None else v for v in values]
        axes.plot(
            x,
            points,
            label=name,
            color=COLOURS[n % len(COLOURS)],
            marker=MARKERS[n % len(MARKERS)],
            linewidth=1.6,
        )
    axes.set_xticks(x, chart.x_labels)
    axes.set_ylim(bottom=0)


def data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
