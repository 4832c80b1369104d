#!/usr/bin/env python3
"""Loads report.html of every shipped experiment in headless Chromium.

Each experiment's committed results are drawn again (`backprop plot`) into a
scratch folder, and the page is opened with `#selftest`: its own script then
counts the curves it drew, hides and shows a run through the legend, sorts a
table both ways, and writes what it saw (and any script error) into the page,
which Chromium prints (--dump-dom). This checks what a reader would meet: no
script error, every curve drawn, the interactions working. One screenshot is
saved for README (docs/images/report-html.png with --screenshot).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

# No virtual time for the probe: the page's own clock must be the real one.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("make browser-test needs Chromium: apt-get install -y chromium")


def probe(browser, page):
    """The page's #selftest report, and how long the load took."""
    started = time.monotonic()
    dom = subprocess.run([browser, *CHROMIUM_FLAGS, "--dump-dom", "file://" + page + "#selftest"],
                         capture_output=True, text=True, timeout=120).stdout
    seconds = time.monotonic() - started
    found = re.search(r'<pre id="selftest">(.*?)</pre>', dom, re.S)
    if not found:
        return None, seconds
    text = found.group(1).replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return json.loads(text), seconds


def expected_loss_curves(folder):
    """The loss chart's curves as summary.json counts them: a training curve per
    run that has a finite loss, and a validation curve where it has one too."""
    with open(os.path.join(folder, "summary.json")) as file:
        summary = json.load(file)
    def measured(statistic):
        return bool(statistic) and statistic.get("count", 0) > 0
    return sum(measured(run.get("best_loss")) + measured(run.get("best_validation_loss")) for run in summary["runs"])


def check(name, report, loss_curves):
    problems = []
    if report is None:
        return [f"{name}: the page wrote no #selftest report (did its script run?)"]
    loss = next((chart for chart in report["charts"] if chart["id"] == "loss"), None)
    if loss and loss["series"] != loss_curves:
        problems.append(f"the loss chart has {loss['series']} curves, summary.json {loss_curves}")
    problems += [f"script error: {message}" for message in report["problems"]]
    for chart in report["charts"]:
        if chart["drawn"] != chart["series"] or chart["series"] == 0:
            problems.append(f"chart {chart['id']}: drew {chart['drawn']} of {chart['series']} curves")
        if "afterHide" in chart and not (chart["afterHide"] < chart["drawn"] and chart["afterShow"] == chart["drawn"]):
            problems.append(f"chart {chart['id']}: hiding a run left {chart['afterHide']} curves, showing it again {chart['afterShow']}")
    if report.get("sort") and not (report["sort"]["ascending"] and report["sort"]["descending"]):
        problems.append(f"sorting by {report['sort']['column']} did not order the rows")
    return [f"{name}: {problem}" for problem in problems]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=".build/release/backprop")
    parser.add_argument("--screenshot", help="save a screenshot of the xor-optimizers page here")
    arguments = parser.parse_args()
    browser = chromium()
    failures = []
    with tempfile.TemporaryDirectory(prefix="backprop-browser-") as scratch:
        names = sorted(name for name in os.listdir("plots") if os.path.isfile(os.path.join("plots", name, "results.json")))
        for name in names:
            folder = os.path.join(scratch, name)
            shutil.copytree(os.path.join("plots", name), folder)
            drawn = subprocess.run([arguments.binary, "plot", folder], capture_output=True, text=True)
            page = os.path.join(folder, "report.html")
            if drawn.returncode != 0 or not os.path.isfile(page):
                failures.append(f"{name}: backprop plot failed: {drawn.stderr.strip()}")
                continue
            report, seconds = probe(browser, page)
            found = check(name, report, expected_loss_curves(folder))
            failures += found
            charts = ", ".join(f"{chart['id']} {chart['drawn']}" for chart in (report or {}).get("charts", []))
            size = os.path.getsize(page) / 1e6
            ready, drawn = (report or {}).get("readyMilliseconds"), (report or {}).get("allChartsMilliseconds")
            print(f"{'ok  ' if not found else 'FAIL'} {name}: {size:.2f} MB, ready after {ready} ms, every chart drawn after {drawn} ms "
                  f"(Chromium started and probed in {seconds:.1f} s); "
                  f"curves: {charts or 'none'}")
            if arguments.screenshot and name == "xor-optimizers":
                subprocess.run([browser, *CHROMIUM_FLAGS, "--virtual-time-budget=5000", "--window-size=1100,1500", "--screenshot=" + os.path.abspath(arguments.screenshot),
                                "file://" + page], capture_output=True, timeout=120)
    for failure in failures:
        print("error: " + failure, file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
