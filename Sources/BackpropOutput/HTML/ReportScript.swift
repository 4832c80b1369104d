/// The script of report.html (see `ReportPage`): draws the `PageChart`s as
/// SVG with hover, legend toggles, zoom, log/linear and epochs/seconds, makes
/// every table sortable, and with `#selftest` reports what it drew (the
/// browser test reads it). Plain JavaScript, no dependencies, so the page
/// works offline and from file://.
enum ReportScript {
    static let source = #"""
// backprop report.html: interactive charts and sortable tables, no dependencies.
// The page carries its data as JSON (<script id="backprop-data">); this script
// draws each chart as SVG and wires the controls. It runs offline, from file://.
"use strict";
(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const problems = [];
  window.addEventListener("error", (event) => problems.push(String(event.message)));
  const consoleError = console.error.bind(console);
  console.error = (...args) => { problems.push(args.map(String).join(" ")); consoleError(...args); };

  function element(tag, attributes, parent) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attributes || {})) node.setAttribute(key, value);
    if (parent) parent.appendChild(node);
    return node;
  }

  function html(tag, attributes, parent, text) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes || {})) node.setAttribute(key, value);
    if (text !== undefined) node.textContent = text;
    if (parent) parent.appendChild(node);
    return node;
  }

  const superscripts = { "-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹" };

  // 10⁻³ rather than 0.001000: a log axis reads in powers of ten.
  function powerOfTen(exponent) {
    if (exponent === 0) return "1";
    if (exponent === 1) return "10";
    return "10" + String(exponent).split("").map((c) => superscripts[c]).join("");
  }

  function formatNumber(value) {
    if (!isFinite(value)) return String(value);
    const magnitude = Math.abs(value);
    if (magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e5)) return value.toExponential(2).replace("e", "e");
    return String(Number(value.toPrecision(4)));
  }

  // Ticks at 1, 2, 5 times a power of ten, about `count` of them.
  function linearTicks(low, high, count) {
    if (!(high > low)) return [low];
    const step = Math.pow(10, Math.floor(Math.log10((high - low) / count)));
    const scaled = (high - low) / count / step;
    const nice = scaled >= 5 ? 10 * step : scaled >= 2 ? 5 * step : scaled >= 1 ? 2 * step : step;
    const ticks = [];
    // Counted, not summed: at 1e20 adding a step of 1e4 changes nothing, and the loop would never end.
    const firstIndex = Math.ceil(low / nice);
    for (let index = firstIndex; index * nice <= high + nice * 1e-9 && ticks.length < 50; index++) {
      const tick = index * nice;
      ticks.push(Math.abs(tick) < nice * 1e-9 ? 0 : tick);
    }
    return ticks;
  }

  function logTicks(low, high) {
    const ticks = [];
    if (!(low > 0) || !isFinite(high)) return [];
    const first = Math.floor(Math.log10(low)), last = Math.ceil(Math.log10(high));
    const stride = Math.max(1, Math.ceil((last - first) / 8));
    for (let exponent = first; exponent <= last; exponent += stride) {
      const value = Math.pow(10, exponent);
      if (value >= low * 0.999 && value <= high * 1.001) ticks.push({ value, label: powerOfTen(exponent) });
    }
    if (ticks.length >= 2) return ticks;
    // Less than two decades: 1, 2 and 5 times each power of ten (or every digit), labelled plainly.
    for (const steps of [[1, 2, 5], [1, 2, 3, 4, 5, 6, 7, 8, 9]]) {
      const fine = [];
      for (let exponent = first; exponent <= last; exponent++) {
        for (const step of steps) {
          const value = step * Math.pow(10, exponent);
          if (value >= low * 0.999 && value <= high * 1.001) fine.push({ value, label: formatNumber(value) });
        }
      }
      if (fine.length >= 3) return fine;
    }
    return linearTicks(low, high, 4).filter((v) => v > 0).map((value) => ({ value, label: formatNumber(value) }));
  }

  class Chart {
    constructor(spec, container) {
      this.spec = spec;
      this.container = container;
      this.hidden = new Set();
      this.state = { log: !!spec.logY, xKey: "x", bands: true, fit: true, zoom: null };
      this.width = 760;
      this.height = 420;
      this.margin = { left: 70, right: 20, top: 30, bottom: 45 };
      this.buildControls();
      this.svg = element("svg", { viewBox: `0 0 ${this.width} ${this.height}`, class: "chart", role: "img" }, container);
      this.tooltip = html("div", { class: "tooltip", hidden: "" }, container);
      this.legend = html("div", { class: "legend" }, container);
      this.buildLegend();
      this.draw();
      this.wirePointer();
    }

    buildControls() {
      const bar = html("div", { class: "controls" }, this.container);
      const toggle = (label, key, title) => {
        const button = html("button", { type: "button", "data-control": key, title }, bar, label);
        button.addEventListener("click", () => { this.state[key] = !this.state[key]; this.state.zoom = null; this.refreshControls(); this.draw(); });
        return button;
      };
      this.buttons = {};
      if (this.spec.logAllowed !== false) this.buttons.log = toggle("log y", "log", "logarithmic or linear y axis");
      if (this.spec.series.some((s) => s.t)) {
        const button = html("button", { type: "button", "data-control": "x", title: "epochs or seconds on x" }, bar, "x: epochs");
        button.addEventListener("click", () => { this.state.xKey = this.state.xKey === "x" ? "t" : "x"; this.state.zoom = null; this.refreshControls(); this.draw(); });
        this.buttons.x = button;
      }
      if (this.spec.series.some((s) => s.lo && s.seeds > 1)) this.buttons.bands = toggle("seed bands", "bands", "min–max over seeds");
      if (this.spec.unitInterval) this.buttons.fit = toggle("fit y", "fit", "fit the y axis to the data, or show 0–1");
      const reset = html("button", { type: "button", "data-control": "reset", title: "undo the zoom (or double-click the chart)" }, bar, "reset zoom");
      reset.addEventListener("click", () => { this.state.zoom = null; this.draw(); });
      this.refreshControls();
    }

    refreshControls() {
      for (const [key, button] of Object.entries(this.buttons)) {
        if (key === "x") button.textContent = this.state.xKey === "x" ? "x: epochs" : "x: seconds";
        else button.setAttribute("aria-pressed", String(!!this.state[key]));
      }
    }

    buildLegend() {
      const groups = [];
      for (const series of this.spec.series) if (!groups.some((g) => g.group === series.group)) groups.push(series);
      for (const series of groups) {
        const entry = html("button", { type: "button", class: "legend-entry", "data-group": series.group }, this.legend);
        const swatch = element("svg", { width: 28, height: 10 }, entry);
        element("line", { x1: 0, y1: 5, x2: 28, y2: 5, stroke: series.color, "stroke-width": 3, "stroke-dasharray": this.dashOf(series) }, swatch);
        entry.appendChild(document.createTextNode(" " + series.group + (series.divergedSeeds ? ` (diverged: ${series.divergedSeeds}/${series.seeds})` : "")));
        entry.addEventListener("click", () => {
          if (this.hidden.has(series.group)) this.hidden.delete(series.group); else this.hidden.add(series.group);
          entry.classList.toggle("off", this.hidden.has(series.group));
          this.draw();
        });
      }
      if (this.spec.series.some((s) => s.heldOut)) {
        html("span", { class: "legend-note" }, this.legend, "solid: training · dashed: validation");
      }
    }

    // Where a chart has validation curves, dashes mean validation; otherwise each run has its own dash.
    dashOf(series) {
      if (this.spec.series.some((s) => s.heldOut)) return series.heldOut ? "6 4" : "";
      return series.dash || "";
    }

    visibleSeries() {
      return this.spec.series.filter((s) => !this.hidden.has(s.group) && (this.state.xKey === "x" || s.t));
    }

    domain(series) {
      const xKey = this.state.xKey;
      let xLow = Infinity, xHigh = -Infinity, yLow = Infinity, yHigh = -Infinity;
      for (const s of series) {
        const xs = s[xKey];
        for (let i = 0; i < s.y.length; i++) {
          const candidates = [s.y[i]];
          if (this.state.bands && s.lo) candidates.push(s.lo[i], s.hi[i]);
          for (const y of candidates) {
            if (y === null || !isFinite(y) || (this.state.log && y <= 0)) continue;
            yLow = Math.min(yLow, y); yHigh = Math.max(yHigh, y);
          }
          xLow = Math.min(xLow, xs[i]); xHigh = Math.max(xHigh, xs[i]);
        }
        for (const x of (xKey === "x" ? s.divergedAt || [] : [])) { xLow = Math.min(xLow, x); xHigh = Math.max(xHigh, x); }
      }
      if (!isFinite(xLow)) { xLow = 0; xHigh = 1; }
      if (!isFinite(yLow)) { yLow = this.state.log ? 0.1 : 0; yHigh = 1; }
      if (this.spec.unitInterval && !this.state.fit) { yLow = 0; yHigh = 1; }
      if (xHigh === xLow) xHigh = xLow + 1;
      if (yHigh === yLow) { yLow = this.state.log ? yLow / 2 : yLow - 0.5; yHigh = this.state.log ? yHigh * 2 : yHigh + 0.5; }
      if (!this.state.log && !(this.spec.unitInterval && !this.state.fit)) {
        const pad = (yHigh - yLow) * 0.04;
        yLow -= pad; yHigh += pad;
      }
      if (this.state.zoom) return this.state.zoom;
      return { xLow, xHigh, yLow, yHigh };
    }

    scales(domain) {
      const { left, right, top, bottom } = this.margin;
      const plotWidth = this.width - left - right, plotHeight = this.height - top - bottom;
      const log = this.state.log;
      const yValue = (y) => (log ? Math.log10(y) : y);
      const yLow = yValue(domain.yLow), yHigh = yValue(domain.yHigh);
      return {
        x: (x) => left + ((x - domain.xLow) / (domain.xHigh - domain.xLow)) * plotWidth,
        y: (y) => top + plotHeight - ((yValue(y) - yLow) / (yHigh - yLow)) * plotHeight,
        invertX: (px) => domain.xLow + ((px - left) / plotWidth) * (domain.xHigh - domain.xLow),
        invertY: (py) => {
          const v = yLow + ((top + plotHeight - py) / plotHeight) * (yHigh - yLow);
          return log ? Math.pow(10, v) : v;
        },
        plotWidth, plotHeight,
      };
    }

    draw() {
      const svg = this.svg;
      while (svg.firstChild) svg.removeChild(svg.firstChild);
      const series = this.visibleSeries();
      const domain = this.domain(series);
      this.currentDomain = domain;
      const scale = this.scales(domain);
      this.scale = scale;
      const { left, top } = this.margin;
      element("text", { x: this.width / 2, y: 18, "text-anchor": "middle", class: "title" }, svg).textContent = this.spec.title;
      const clipId = "clip-" + this.spec.id;
      const clip = element("clipPath", { id: clipId }, element("defs", {}, svg));
      element("rect", { x: left, y: top, width: scale.plotWidth, height: scale.plotHeight }, clip);
      const axes = element("g", { class: "axes" }, svg);
      element("rect", { x: left, y: top, width: scale.plotWidth, height: scale.plotHeight, class: "frame" }, axes);
      const yTicks = this.state.log ? logTicks(domain.yLow, domain.yHigh)
        : linearTicks(domain.yLow, domain.yHigh, 6).map((value) => ({ value, label: formatNumber(value) }));
      for (const tick of yTicks) {
        const y = scale.y(tick.value);
        element("line", { x1: left, x2: left + scale.plotWidth, y1: y, y2: y, class: "grid" }, axes);
        element("text", { x: left - 6, y: y + 4, "text-anchor": "end", class: "tick" }, axes).textContent = tick.label;
      }
      for (const value of linearTicks(domain.xLow, domain.xHigh, 8)) {
        const x = scale.x(value);
        element("line", { x1: x, x2: x, y1: top, y2: top + scale.plotHeight, class: "grid" }, axes);
        element("text", { x, y: top + scale.plotHeight + 16, "text-anchor": "middle", class: "tick" }, axes).textContent = formatNumber(value);
      }
      const xLabel = this.state.xKey === "x" ? this.spec.xLabel : "seconds (mean over seeds)";
      element("text", { x: left + scale.plotWidth / 2, y: this.height - 6, "text-anchor": "middle", class: "label" }, svg).textContent = xLabel;
      element("text", { x: 14, y: top + scale.plotHeight / 2, "text-anchor": "middle", class: "label",
        transform: `rotate(-90 14 ${top + scale.plotHeight / 2})` }, svg).textContent = this.spec.yLabel + (this.state.log ? " (log scale)" : "");

      const plot = element("g", { "clip-path": `url(#${clipId})` }, svg);
      const xKey = this.state.xKey;
      const usable = (y) => y !== null && isFinite(y) && !(this.state.log && y <= 0);
      for (const s of series) {
        const xs = s[xKey];
        if (this.state.bands && s.lo && s.seeds > 1) {
          const upper = [], lower = [];
          for (let i = 0; i < xs.length; i++) {
            if (usable(s.lo[i]) && usable(s.hi[i])) { upper.push(`${scale.x(xs[i])},${scale.y(s.hi[i])}`); lower.unshift(`${scale.x(xs[i])},${scale.y(s.lo[i])}`); }
          }
          if (upper.length > 1) element("polygon", { points: upper.concat(lower).join(" "), fill: s.color, opacity: s.heldOut ? 0.08 : 0.15, class: "band" }, plot);
        }
        let path = "", pen = "M";
        for (let i = 0; i < xs.length; i++) {
          if (!usable(s.y[i])) { pen = "M"; continue; }
          path += `${pen}${scale.x(xs[i]).toFixed(1)},${scale.y(s.y[i]).toFixed(1)}`;
          pen = "L";
        }
        if (path) {
          element("path", { d: path, fill: "none", stroke: s.color, "stroke-width": s.heldOut ? 1.5 : 2,
            "stroke-dasharray": this.dashOf(s), class: "series", "data-group": s.group }, plot);
        }
      }
      // A diverged seed has no value to draw: an ✕ at the top of the axis marks the epoch it diverged.
      for (const s of series) {
        if (xKey !== "x" || !s.divergedAt) continue;
        for (const x of s.divergedAt) {
          const marker = element("text", { x: scale.x(x), y: top + 12, "text-anchor": "middle", fill: s.color, class: "diverged" }, svg);
          marker.textContent = "✕";
          element("title", {}, marker).textContent = `${s.group} diverged at ${this.spec.xLabel} ${x}`;
        }
      }
      this.selection = element("rect", { class: "selection", visibility: "hidden" }, svg);
      this.crosshair = element("circle", { r: 4, class: "crosshair", visibility: "hidden" }, svg);
      svg.setAttribute("data-series", String(series.length));
    }

    nearest(px, py) {
      let best = null;
      for (const s of this.visibleSeries()) {
        const xs = s[this.state.xKey];
        for (let i = 0; i < xs.length; i++) {
          const y = s.y[i];
          if (y === null || !isFinite(y) || (this.state.log && y <= 0)) continue;
          const dx = this.scale.x(xs[i]) - px, dy = this.scale.y(y) - py;
          const distance = dx * dx + dy * dy;
          if (!best || distance < best.distance) best = { distance, series: s, index: i };
        }
      }
      return best && best.distance < 900 ? best : null;
    }

    pointerPosition(event) {
      const box = this.svg.getBoundingClientRect();
      return { x: ((event.clientX - box.left) / box.width) * this.width, y: ((event.clientY - box.top) / box.height) * this.height };
    }

    wirePointer() {
      let start = null;
      this.svg.addEventListener("mousedown", (event) => { start = this.pointerPosition(event); });
      this.svg.addEventListener("mousemove", (event) => {
        const point = this.pointerPosition(event);
        if (start) {
          const x = Math.min(start.x, point.x), y = Math.min(start.y, point.y);
          Object.entries({ x, y, width: Math.abs(point.x - start.x), height: Math.abs(point.y - start.y), visibility: "visible" })
            .forEach(([key, value]) => this.selection.setAttribute(key, value));
          return;
        }
        const hit = this.nearest(point.x, point.y);
        if (!hit) { this.tooltip.hidden = true; this.crosshair.setAttribute("visibility", "hidden"); return; }
        const s = hit.series, i = hit.index, xs = s[this.state.xKey];
        this.crosshair.setAttribute("cx", this.scale.x(xs[i]));
        this.crosshair.setAttribute("cy", this.scale.y(s.y[i]));
        this.crosshair.setAttribute("stroke", s.color);
        this.crosshair.setAttribute("visibility", "visible");
        const band = s.lo && s.seeds > 1 ? ` (seeds ${formatNumber(s.lo[i])} – ${formatNumber(s.hi[i])})` : "";
        const xName = this.state.xKey === "x" ? this.spec.xLabel : "seconds";
        this.tooltip.textContent = `${s.group}${s.heldOut ? " (validation)" : ""}: ${xName} ${formatNumber(xs[i])}, ${this.spec.yLabel} ${formatNumber(s.y[i])}${band}`;
        this.tooltip.hidden = false;
      });
      const finish = (event) => {
        if (!start) return;
        const end = this.pointerPosition(event);
        this.selection.setAttribute("visibility", "hidden");
        if (Math.abs(end.x - start.x) > 8 && Math.abs(end.y - start.y) > 8) {
          const xs = [this.scale.invertX(start.x), this.scale.invertX(end.x)], ys = [this.scale.invertY(start.y), this.scale.invertY(end.y)];
          this.state.zoom = { xLow: Math.min(...xs), xHigh: Math.max(...xs), yLow: Math.min(...ys), yHigh: Math.max(...ys) };
          this.draw();
        }
        start = null;
      };
      this.svg.addEventListener("mouseup", finish);
      this.svg.addEventListener("mouseleave", (event) => { finish(event); this.tooltip.hidden = true; });
      this.svg.addEventListener("dblclick", () => { this.state.zoom = null; this.draw(); });
    }
  }

  // A cell's number for sorting: "0.951 ± 0.029" sorts by 0.951, "(6.45 ± 0.07)e-5" by 6.45e-5, "—" last.
  function sortKey(text) {
    const cleaned = text.replace(/[,\s]/g, "");
    const scaled = cleaned.match(/^\(([-+]?\d*\.?\d+)±[^)]*\)e([-+]?\d+)/);
    if (scaled) return Number(scaled[1]) * Math.pow(10, Number(scaled[2]));
    const number = cleaned.match(/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?/i);
    return number ? Number(number[0]) : null;
  }

  function makeSortable(table) {
    const head = table.tHead && table.tHead.rows[0];
    if (!head || !table.tBodies[0]) return;
    Array.from(head.cells).forEach((cell, column) => {
      cell.classList.add("sortable");
      cell.title = "sort by this column";
      cell.addEventListener("click", () => {
        const body = table.tBodies[0];
        const descending = cell.getAttribute("aria-sort") === "ascending";
        Array.from(head.cells).forEach((other) => other.removeAttribute("aria-sort"));
        cell.setAttribute("aria-sort", descending ? "descending" : "ascending");
        const rows = Array.from(body.rows);
        rows.sort((a, b) => {
          const textA = a.cells[column] ? a.cells[column].textContent.trim() : "", textB = b.cells[column] ? b.cells[column].textContent.trim() : "";
          const keyA = sortKey(textA), keyB = sortKey(textB);
          let order;
          if (keyA !== null && keyB !== null) order = keyA - keyB;
          else if (keyA !== null) return -1;
          else if (keyB !== null) return 1;
          else order = textA.localeCompare(textB);
          return descending ? -order : order;
        });
        rows.forEach((row) => body.appendChild(row));
      });
    });
  }

  // #selftest: the browser test's probe. It counts what was drawn, hides a run
  // and sorts a table as a person would, and writes what it saw into the page.
  function selfTest(charts, readyAt, drawnAt) {
    // From the start of navigation to the page ready (what a reader waits), and to every chart drawn.
    const report = { charts: [], tables: document.querySelectorAll("table").length, problems,
      readyMilliseconds: Math.round(readyAt), allChartsMilliseconds: Math.round(drawnAt) };
    for (const chart of charts) {
      const drawn = Number(chart.svg.getAttribute("data-series"));
      const entry = { id: chart.spec.id, series: chart.spec.series.length, drawn };
      const legend = chart.legend.querySelector(".legend-entry");
      if (legend) {
        legend.click();
        entry.afterHide = Number(chart.svg.getAttribute("data-series"));
        legend.click();
        entry.afterShow = Number(chart.svg.getAttribute("data-series"));
      }
      report.charts.push(entry);
    }
    const table = document.querySelector("table");
    if (table && table.tHead && table.tBodies[0] && table.tBodies[0].rows.length > 1) {
      const column = Array.from(table.tHead.rows[0].cells).findIndex((_, index) =>
        Array.from(table.tBodies[0].rows).every((row) => row.cells[index] && sortKey(row.cells[index].textContent.trim()) !== null));
      if (column >= 0) {
        const header = table.tHead.rows[0].cells[column];
        const values = () => Array.from(table.tBodies[0].rows).map((row) => sortKey(row.cells[column].textContent.trim()));
        header.click();
        const ascending = values();
        header.click();
        const descending = values();
        report.sort = {
          column: header.textContent.trim(),
          ascending: ascending.every((v, i) => i === 0 || ascending[i - 1] <= v),
          descending: descending.every((v, i) => i === 0 || descending[i - 1] >= v),
        };
      }
    }
    html("pre", { id: "selftest" }, document.body, JSON.stringify(report));
  }

  function start() {
    const data = JSON.parse(document.getElementById("backprop-data").textContent);
    // A chart is drawn when it comes near the screen: a 300-run sweep's page opens at once.
    const pending = new Map();
    const charts = [];
    const draw = (container) => {
      const spec = pending.get(container);
      if (!spec) return;
      pending.delete(container);
      for (const series of spec.series) if (!series.x) series.x = series.y.map((_, index) => series.xStart + index);
      charts.push(new Chart(spec, container));
    };
    const observer = "IntersectionObserver" in window
      ? new IntersectionObserver((entries) => entries.forEach((entry) => { if (entry.isIntersecting) { observer.unobserve(entry.target); draw(entry.target); } }),
        { rootMargin: "400px" })
      : null;
    for (const spec of data.charts) {
      const container = document.getElementById("chart-" + spec.id);
      if (!container) continue;
      pending.set(container, spec);
      if (observer) observer.observe(container); else draw(container);
    }
    document.querySelectorAll("main table").forEach(makeSortable);
    if (location.hash === "#selftest") {
      const readyAt = performance.now();
      for (const container of Array.from(pending.keys())) { if (observer) observer.unobserve(container); draw(container); }
      selfTest(charts, readyAt, performance.now());
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
"""#
}
