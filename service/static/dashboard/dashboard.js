// newsfacts dashboard: reads only the public JSON API (/v1/...) with fetch().
// No framework and no build step: small render functions that fill the
// tables already in index.html. Every panel loads on its own, so one failing
// endpoint shows its error in its panel and leaves the others working.
"use strict";

const CATEGORIES = [
  // Colour is never the only cue: each category also has its line style and
  // marker shape, and every number is in a table as text.
  { key: "killed", label: "Killed", color: "#b2182b", dash: [], point: "circle" },
  { key: "injured", label: "Injured", color: "#2166ac", dash: [7, 4], point: "triangle" },
  { key: "missing", label: "Missing", color: "#4d4d4d", dash: [2, 3], point: "rect" },
];
const QUALIFIERS = {
  exact: "", at_least: "at least ", more_than: "more than ",
  about: "about ", nearly: "nearly ", up_to: "up to ",
};
const QUOTE_PAGES = 3; // speakers are counted over the newest 3 × 100 quotes

const state = { q: "", eventId: null, chart: null };

// -- helpers -------------------------------------------------------------------

/** GET a JSON API path (relative, so a path prefix in front of the service works). */
async function api(path, params = {}) {
  const url = new URL(path, document.baseURI);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(name, value);
  }
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    // Errors are problem+json documents: show their title and detail.
    const why = body && (body.detail || body.title);
    throw new Error(`${response.status} ${why || response.statusText}`);
  }
  return body;
}

/** Build an element; children are nodes or strings (always text, never HTML). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === "class") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

const day = (iso) => (iso ? iso.slice(0, 10) : "—");
/** A report's date: its publication day, else the incident day its text gives, marked. */
const reportDay = (r) => (r.published_at ? day(r.published_at)
  : r.incident_date ? `${r.incident_date} (undated)` : "undated");
const articleLink = (id, text) => el("a", { href: `v1/articles/${encodeURIComponent(id)}` }, text);

/** "at least 60", "144"; an em dash when there is no figure. */
function figure(total) {
  if (!total || total.value === null || total.value === undefined) return "—";
  return `${QUALIFIERS[total.qualifier] ?? ""}${total.value.toLocaleString("en")}`;
}

function numCell(total) {
  return el("td", { class: "num" }, figure(total));
}

/** The panel's note line: loading, empty, or an error (marked for styling and tests). */
function note(panel, text, kind = "") {
  const line = panel.querySelector("[data-note]");
  line.textContent = text;
  line.className = `note ${kind}`;
  line.hidden = !text;
}

function fillTable(tbody, rows) {
  tbody.replaceChildren(...rows);
}

// -- events ----------------------------------------------------------------------

async function loadEvents() {
  const panel = document.getElementById("events");
  note(panel, "Loading…");
  let page;
  try {
    page = await api("v1/events", { q: state.q, limit: 50 });
  } catch (error) {
    fillTable(panel.querySelector("tbody"), []);
    note(panel, `Events are not available: ${error.message}`, "error");
    showEvent(null, "No event to show.");
    return;
  }
  const events = page.items;
  fillTable(panel.querySelector("tbody"), events.map(eventRow));
  if (!events.length) {
    note(panel, state.q ? `No events match “${state.q}”.` : "No events yet.");
    showEvent(null, "No event to show.");
    return;
  }
  note(panel, "");
  const keep = events.some((event) => event.id === state.eventId);
  await selectEvent(keep ? state.eventId : events[0].id);
}

function eventRow(event) {
  const pick = el("button", {
    type: "button", class: "link", "data-event": event.id,
    onclick: () => selectEvent(event.id),
  }, event.label || event.place || event.id);
  return el("tr", { "data-event-row": event.id },
    el("th", { scope: "row" }, pick),
    el("td", { class: "date" }, day(event.last_reported)),
    numCell(event.totals && event.totals.killed),
    numCell(event.totals && event.totals.injured),
    el("td", { class: "num" }, String(event.article_count ?? "—")));
}

async function selectEvent(id) {
  state.eventId = id;
  writeUrl();
  for (const row of document.querySelectorAll("[data-event-row]")) {
    const chosen = row.dataset.eventRow === id;
    row.classList.toggle("selected", chosen);
    row.querySelector("button").setAttribute("aria-pressed", String(chosen));
  }
  const panel = document.getElementById("event");
  note(panel, "Loading…");
  let event = null;
  let failure = null;
  try {
    event = await api(`v1/events/${encodeURIComponent(id)}`);
  } catch (error) {
    failure = error;
  }
  if (state.eventId !== id) return; // another event was chosen while this one loaded
  if (failure) showEvent(null, `This event could not be loaded: ${failure.message}`, "error");
  else showEvent(event);
}

/** Fill the chart and the two tables for one event, or hide them with a note. */
function showEvent(event, message = "", kind = "") {
  const panel = document.getElementById("event");
  const parts = panel.querySelectorAll(".chart-box, .event-tables");
  if (state.chart) {
    state.chart.destroy();
    state.chart = null;
  }
  if (!event) {
    parts.forEach((part) => { part.hidden = true; });
    document.getElementById("event-h").textContent = "Casualty figures over time";
    note(panel, message, kind);
    return;
  }
  parts.forEach((part) => { part.hidden = false; });
  document.getElementById("event-h").textContent = event.label || "Casualty figures over time";
  const reports = event.timeline || [];
  note(panel, reports.length ? "" : "No reports with figures for this event.");
  fillTable(document.querySelector("#latest tbody"), latestRows(event));
  fillTable(document.querySelector("#timeline tbody"), reports.map((report) =>
    el("tr", {},
      el("td", { class: "date" }, articleLink(report.article_id, reportDay(report))),
      el("td", {}, report.source || "unknown source"),
      ...CATEGORIES.map((c) => numCell(report.totals && report.totals[c.key])))));
  drawChart(reports);
}

function latestRows(event) {
  const published = new Map((event.timeline || []).map((r) => [r.article_id, r.published_at]));
  return CATEGORIES.map((c) => {
    const total = event.totals && event.totals[c.key];
    return el("tr", { "data-category": c.key },
      el("th", { scope: "row" }, c.label),
      numCell(total),
      el("td", {}, total ? total.source || "unknown source" : "—"),
      el("td", { class: "date" }, total && total.article_id
        ? articleLink(total.article_id, day(published.get(total.article_id)))
        : "—"));
  });
}

// -- the chart ---------------------------------------------------------------------

/** Write each point's figure and source beside it, so the chart reads without a tooltip. */
const pointLabels = {
  id: "pointLabels",
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    const visible = chart.data.datasets.filter((d, i) => !chart.getDatasetMeta(i).hidden);
    ctx.save();
    ctx.font = "12px system-ui, sans-serif";
    ctx.textAlign = "center";
    chart.data.datasets.forEach((dataset, index) => {
      const meta = chart.getDatasetMeta(index);
      if (meta.hidden) return;
      meta.data.forEach((point, i) => {
        const text = dataset.pointText[i];
        if (!text || point.skip) return;
        // The highest figure of a report is labelled above its point, the others below,
        // so the labels of one report never sit on top of each other.
        const highest = Math.max(...visible.map((d) => d.data[i] ?? -Infinity));
        const above = dataset.data[i] === highest && visible.find((d) => d.data[i] === highest) === dataset;
        ctx.fillStyle = dataset.borderColor;
        ctx.textBaseline = above ? "bottom" : "top";
        ctx.fillText(text, point.x, point.y + (above ? -9 : 9));
      });
    });
    ctx.restore();
  },
};

function drawChart(reports) {
  const canvas = document.getElementById("chart");
  const box = canvas.closest(".chart-box");
  if (typeof Chart === "undefined") {
    box.hidden = true;
    note(document.getElementById("event"), "The chart library did not load; the tables below have the figures.", "error");
    return;
  }
  const shown = CATEGORIES.filter((c) => reports.some((r) => r.totals && r.totals[c.key]));
  if (!shown.length) {
    box.hidden = true;
    return;
  }
  const datasets = shown.map((c) => {
    const totals = reports.map((r) => (r.totals && r.totals[c.key]) || null);
    return {
      label: c.label,
      category: c.key,
      data: totals.map((t) => (t ? t.value : null)),
      pointText: totals.map((t, i) => (t ? `${figure(t)} · ${reports[i].source || "?"}` : "")),
      borderColor: c.color,
      backgroundColor: c.color,
      borderDash: c.dash,
      pointStyle: c.point,
      pointRadius: 6,
      borderWidth: 2,
      spanGaps: true, // a report without this figure does not break the line
    };
  });
  state.chart = new Chart(canvas, {
    type: "line",
    data: {
      // One x position per report, in publication order: date over source.
      labels: reports.map((r) => [reportDay(r), shorten(r.source || "?", 22)]),
      datasets,
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      layout: { padding: { top: 24, right: 8, left: 8, bottom: 4 } },
      scales: {
        // offset: half a report's width of room at both ends, for the point labels.
        x: { offset: true },
        y: { beginAtZero: true, grace: "15%", title: { display: true, text: "people" } },
      },
      plugins: {
        legend: { labels: { usePointStyle: true } },
        tooltip: {
          callbacks: {
            label: (item) => `${item.dataset.label}: ${item.dataset.pointText[item.dataIndex]}`,
          },
        },
      },
    },
    plugins: [pointLabels],
  });
  canvas.setAttribute("aria-label", chartSummary(datasets, reports));
}

/** The chart as a sentence, for screen readers. */
function chartSummary(datasets, reports) {
  const lines = datasets.map((dataset) => {
    const steps = dataset.pointText
      .map((text, i) => (text ? `${text} on ${reportDay(reports[i])}` : null))
      .filter(Boolean);
    return `${dataset.label}: ${steps.join(", then ")}.`;
  });
  return `Casualty figures by report. ${lines.join(" ")}`;
}

function shorten(text, size) {
  return text.length > size ? `${text.slice(0, size - 1)}…` : text;
}

// -- corpus panels -------------------------------------------------------------------

async function loadEntities() {
  const panel = document.getElementById("entities");
  try {
    const page = await api("v1/entities", { limit: 15 });
    fillTable(panel.querySelector("tbody"), page.items.map((entity) =>
      el("tr", {},
        el("th", { scope: "row" }, entity.name),
        el("td", {}, entity.type),
        el("td", { class: "num" }, String(entity.article_count)),
        el("td", { class: "num" }, String(entity.mentions)))));
    note(panel, page.items.length ? "Across all articles." : "No entities yet.");
  } catch (error) {
    note(panel, `Entities are not available: ${error.message}`, "error");
  }
}

async function loadSpeakers() {
  const panel = document.getElementById("speakers");
  try {
    // The API lists quotes, newest first; count them by speaker over a few pages.
    const quotes = [];
    let cursor = null;
    for (let page = 0; page < QUOTE_PAGES; page += 1) {
      const body = await api("v1/quotes", { limit: 100, cursor });
      quotes.push(...body.items);
      cursor = body.next_cursor;
      if (!cursor) break;
    }
    const bySpeaker = new Map();
    for (const quote of quotes) {
      if (!quote.speaker || !quote.speaker.name) continue;
      const entry = bySpeaker.get(quote.speaker.name)
        || { speaker: quote.speaker, count: 0, latest: quote };
      entry.count += 1;
      bySpeaker.set(quote.speaker.name, entry);
    }
    const top = [...bySpeaker.values()].sort((a, b) => b.count - a.count).slice(0, 10);
    fillTable(panel.querySelector("tbody"), top.map(({ speaker, count, latest }) =>
      el("tr", {},
        el("th", { scope: "row" }, speaker.name,
          speaker.type === "anonymous" ? el("span", { class: "muted" }, " (unnamed)") : null),
        el("td", { class: "num" }, String(count)),
        el("td", { class: "quote" }, `“${shorten(latest.text, 140)}”`))));
    const scope = cursor ? `the newest ${quotes.length} quotes` : "all quotes";
    note(panel, top.length ? `Counted over ${scope}.` : "No attributed quotes yet.");
  } catch (error) {
    note(panel, `Quotes are not available: ${error.message}`, "error");
  }
}

async function loadArticles() {
  const panel = document.getElementById("articles");
  note(panel, "Loading…");
  try {
    // Articles give the list; /v1/casualties gives the totals of those that report any.
    const [articles, casualties] = await Promise.all([
      api("v1/articles", { q: state.q, limit: 20 }),
      api("v1/casualties", { q: state.q, limit: 100 }),
    ]);
    const totals = new Map(casualties.items.map((item) => [item.article_id, item.totals]));
    fillTable(panel.querySelector("tbody"), articles.items.map((article) => {
      const t = totals.get(article.id) || {};
      return el("tr", {},
        el("td", { class: "date" }, day(article.published_at)),
        el("th", { scope: "row" }, articleLink(article.id, article.title || `(untitled) ${article.id}`)),
        el("td", {}, article.source || "—"),
        numCell(t.killed),
        numCell(t.injured));
    }));
    const empty = state.q ? `No articles match “${state.q}”.` : "No articles yet.";
    note(panel, articles.items.length ? "" : empty);
  } catch (error) {
    fillTable(panel.querySelector("tbody"), []);
    note(panel, `Articles are not available: ${error.message}`, "error");
  }
}

// -- search and start-up ----------------------------------------------------------------

/** Keep the search and the chosen event in the address, so a view can be shared or reloaded. */
function writeUrl() {
  const url = new URL(window.location.href);
  for (const [name, value] of [["q", state.q], ["event", state.eventId]]) {
    if (value) url.searchParams.set(name, value);
    else url.searchParams.delete(name);
  }
  window.history.replaceState(null, "", url);
}

async function search(q) {
  state.q = q.trim();
  document.getElementById("q").value = state.q;
  writeUrl();
  const status = document.getElementById("status");
  status.textContent = state.q ? `Showing events and articles matching “${state.q}”.` : "";
  await Promise.all([loadEvents(), loadArticles()]);
}

function start() {
  const params = new URLSearchParams(window.location.search);
  state.eventId = params.get("event");
  document.getElementById("search").addEventListener("submit", (event) => {
    event.preventDefault();
    search(document.getElementById("q").value);
  });
  document.getElementById("clear").addEventListener("click", () => search(""));
  const done = Promise.all([search(params.get("q") || ""), loadEntities(), loadSpeakers()]);
  // A marker for tests and for people: everything has been asked for and drawn.
  done.finally(() => { document.body.dataset.loaded = "true"; });
}

document.addEventListener("DOMContentLoaded", start);
