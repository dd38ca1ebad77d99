/* argmap interactive brief: pan/zoom, side panel, scenarios, search, links.
   Reads the JSON in #argmap-data; writes the page with textContent only (never
   innerHTML), so no text from a case can become markup. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  var DATA = JSON.parse(document.getElementById("argmap-data").textContent);
  var NODES = DATA.nodes;
  var LABEL_STROKE = { "in": "#00795a", "out": "#b84a00", "undec": "#5c5c5c" };
  var state = { map: null, scenario: 0, diff: false, node: null };
  var maps = Array.prototype.slice.call(document.querySelectorAll("section.map"));
  var views = {};

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) { for (var k in attrs) { e.setAttribute(k, attrs[k]); } }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function nodeId(g) { var t = g.querySelector("title"); return t ? t.textContent : ""; }
  function shapeOf(g) { return g.querySelector("path,polygon,ellipse"); }
  function fmt(x) { return x === null || x === undefined ? "–" : Number(x).toFixed(3); }

  /* ---- pan and zoom: each map's SVG viewBox ---- */
  function setupMap(section) {
    var svg = section.querySelector("svg");
    var vp = section.querySelector(".viewport");
    var vb = svg.getAttribute("viewBox").split(/[ ,]+/).map(Number);
    var view = { svg: svg, vp: vp, home: vb.slice(), box: vb.slice(), section: section };
    views[section.id] = view;
    svg.removeAttribute("width"); svg.removeAttribute("height");
    svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
    function apply() { svg.setAttribute("viewBox", view.box.join(" ")); }
    view.apply = apply;
    view.fit = function () { view.box = view.home.slice(); apply(); };
    view.zoom = function (factor, cx, cy) {
      var b = view.box;
      if (cx === undefined) { cx = b[0] + b[2] / 2; cy = b[1] + b[3] / 2; }
      var w = Math.min(Math.max(b[2] / factor, view.home[2] / 40), view.home[2] * 4);
      var h = w * b[3] / b[2];
      view.box = [cx - (cx - b[0]) * w / b[2], cy - (cy - b[1]) * h / b[3], w, h];
      apply();
    };
    view.pan = function (dx, dy) { view.box[0] += dx * view.box[2]; view.box[1] += dy * view.box[3]; apply(); };
    view.center = function (g) {
      var bb = g.getBBox(), m = g.getScreenCTM(), rootM = svg.getScreenCTM();
      var local = rootM && m ? rootM.inverse().multiply(m) : null;
      var cx = bb.x + bb.width / 2, cy = bb.y + bb.height / 2;
      if (local) { var p = svg.createSVGPoint(); p.x = cx; p.y = cy; p = p.matrixTransform(local); cx = p.x; cy = p.y; }
      /* the node a sixth of the viewport wide, left of the side panel when open */
      var r = vp.getBoundingClientRect(), aspect = r.height / Math.max(r.width, 1);
      var w = Math.max(bb.width * 6, bb.height * 3 / Math.max(aspect, 0.1));
      var h = w * aspect;
      var shift = panel.classList.contains("open") ? Math.min(440, r.width / 2) / 2 / Math.max(r.width, 1) * w : 0;
      view.box = [cx - w / 2 + shift, cy - h / 2, w, h]; apply();
    };
    function toSvg(ev) {
      var r = svg.getBoundingClientRect(), b = view.box;
      var s = Math.max(b[2] / r.width, b[3] / r.height);
      var ox = b[0] + b[2] / 2 - (r.width * s) / 2, oy = b[1] + b[3] / 2 - (r.height * s) / 2;
      return [ox + (ev.clientX - r.left) * s, oy + (ev.clientY - r.top) * s, s];
    }
    vp.addEventListener("wheel", function (ev) {
      ev.preventDefault(); var p = toSvg(ev); view.zoom(ev.deltaY < 0 ? 1.2 : 1 / 1.2, p[0], p[1]);
    }, { passive: false });
    var drag = null;
    vp.addEventListener("pointerdown", function (ev) {
      if (ev.target.closest && ev.target.closest("g.node")) { return; }
      drag = { x: ev.clientX, y: ev.clientY, s: toSvg(ev)[2] }; vp.setPointerCapture(ev.pointerId);
    });
    vp.addEventListener("pointermove", function (ev) {
      if (!drag) { return; }
      view.box[0] -= (ev.clientX - drag.x) * drag.s; view.box[1] -= (ev.clientY - drag.y) * drag.s;
      drag.x = ev.clientX; drag.y = ev.clientY; apply();
    });
    vp.addEventListener("pointerup", function () { drag = null; });
    vp.addEventListener("keydown", function (ev) {
      if (ev.target !== vp) { return; }
      var k = ev.key, step = 0.1;
      if (k === "+" || k === "=") { view.zoom(1.25); } else if (k === "-") { view.zoom(0.8); }
      else if (k === "0") { view.fit(); }
      else if (k === "ArrowLeft") { view.pan(-step, 0); } else if (k === "ArrowRight") { view.pan(step, 0); }
      else if (k === "ArrowUp") { view.pan(0, -step); } else if (k === "ArrowDown") { view.pan(0, step); }
      else { return; }
      ev.preventDefault();
    });
    section.querySelector(".zoom-in").addEventListener("click", function () { view.zoom(1.25); });
    section.querySelector(".zoom-out").addEventListener("click", function () { view.zoom(0.8); });
    section.querySelector(".zoom-fit").addEventListener("click", function () { view.fit(); });
    /* nodes: focusable buttons with a name, Enter or click opens the panel */
    var gs = Array.prototype.slice.call(svg.querySelectorAll("g.node"));
    gs.forEach(function (g) {
      var id = nodeId(g), n = NODES[id];
      g.setAttribute("data-node", id);
      g.setAttribute("tabindex", "0");
      g.setAttribute("role", "button");
      g.setAttribute("aria-label", n ? id + " (" + n.kind + "): " + n.text + "; " + n.verdict : id);
      g.addEventListener("click", function (ev) { ev.preventDefault(); openNode(id); });
      g.addEventListener("keydown", function (ev) {
        if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); openNode(id); }
        else if (ev.key.indexOf("Arrow") === 0) { ev.preventDefault(); moveFocus(gs, g, ev.key); }
      });
    });
  }

  /* arrow keys on a node: the nearest node in that direction */
  function moveFocus(gs, from, key) {
    var a = from.getBoundingClientRect(), best = null, bestD = Infinity;
    var ax = a.left + a.width / 2, ay = a.top + a.height / 2;
    gs.forEach(function (g) {
      if (g === from) { return; }
      var b = g.getBoundingClientRect(), dx = b.left + b.width / 2 - ax, dy = b.top + b.height / 2 - ay;
      var ok = (key === "ArrowRight" && dx > 1) || (key === "ArrowLeft" && dx < -1) ||
               (key === "ArrowDown" && dy > 1) || (key === "ArrowUp" && dy < -1);
      var along = key === "ArrowRight" || key === "ArrowLeft" ? Math.abs(dx) : Math.abs(dy);
      var across = key === "ArrowRight" || key === "ArrowLeft" ? Math.abs(dy) : Math.abs(dx);
      var d = along + 2 * across;
      if (ok && d < bestD) { best = g; bestD = d; }
    });
    if (best) { best.focus(); }
  }

  /* ---- maps as tabs ---- */
  function showMap(id) {
    if (!views[id]) { return; }
    state.map = id;
    maps.forEach(function (s) { s.classList.toggle("active", s.id === id); });
    document.querySelectorAll(".tabs button").forEach(function (b) {
      b.setAttribute("aria-selected", b.getAttribute("data-map") === id ? "true" : "false");
    });
    writeHash();
  }

  /* ---- scenarios: recolour every map and the claim table ---- */
  function results(k) { return DATA.scenarios[k].nodes; }
  function changedFrom(base, now) {
    if (!base || !now) { return base !== now; }
    return base.label !== now.label || base.verdict !== now.verdict;
  }
  function moved(base, now) { return base && now && Math.abs(base.strength - now.strength) >= 0.005; }
  function strengthFill(s) {
    var l = Math.round(96 - 40 * Math.max(0, Math.min(1, s)));
    return "hsl(200,70%," + l + "%)";
  }
  function recolour() {
    var now = results(state.scenario), base = results(0);
    document.body.classList.toggle("diff", state.diff);
    document.querySelectorAll("g.node").forEach(function (g) {
      var id = g.getAttribute("data-node"), r = now[id], shape = shapeOf(g);
      g.classList.remove("changed", "same", "absent");
      if (!shape) { return; }
      if (!r) { g.classList.add("absent"); shape.style.opacity = "0.25"; return; }
      shape.style.opacity = "";
      if (state.scenario === 0 && !state.diff) {
        shape.style.stroke = ""; shape.style.fill = ""; shape.style.strokeDasharray = "";
      } else {
        shape.style.stroke = LABEL_STROKE[r.label] || "";
        shape.style.fill = strengthFill(r.strength);
        shape.style.strokeDasharray = r.label === "out" ? "5,2" : (r.label === "undec" ? "2,2" : "none");
      }
      g.setAttribute("data-verdict", r.verdict);
      if (state.diff) { g.classList.add(changedFrom(base[id], r) || moved(base[id], r) ? "changed" : "same"); }
    });
    document.querySelectorAll("#claim-table tbody tr").forEach(function (tr) {
      var id = tr.getAttribute("data-node"), r = now[id], b = base[id];
      var cells = tr.querySelectorAll("td");
      var label = r ? r.label : "absent", verdict = r ? r.verdict : "absent";
      cells[2].textContent = label;
      cells[3].textContent = r ? fmt(r.strength) : "–";
      cells[4].textContent = r && r.met !== null ? (r.met ? "yes" : "no") : "";
      cells[5].textContent = verdict; cells[5].className = "v-" + verdict;
      var change = "";
      if (state.scenario !== 0) {
        if (changedFrom(b, r)) { change = (b ? b.verdict : "absent") + " → " + verdict; }
        else if (moved(b, r)) { change = (r.strength - b.strength >= 0 ? "+" : "") + (r.strength - b.strength).toFixed(3); }
      }
      cells[6].textContent = change;
      tr.classList.toggle("changed", state.diff && change !== "");
      tr.hidden = state.diff && state.scenario !== 0 && change === "";
    });
    var sc = DATA.scenarios[state.scenario];
    document.getElementById("scenario-note").textContent =
      state.scenario === 0 ? "Baseline: the case as it stands." : sc.name + ": " + sc.question;
    if (state.node) { fillPanel(state.node); }
    writeHash();
  }
  function setScenario(k) {
    state.scenario = k;
    document.getElementById("scenario").value = String(k);
    recolour();
  }

  /* ---- the side panel ---- */
  var panel = document.getElementById("panel");
  function add(parent, tag, text, attrs) { var e = el(tag, attrs, text); parent.appendChild(e); return e; }
  function fillPanel(id) {
    var n = NODES[id], body = document.getElementById("panel-body");
    body.textContent = "";
    document.getElementById("panel-title").textContent = id;
    if (!n) { add(body, "p", "This node is not in the evaluated case."); return; }
    var r = results(state.scenario)[id], base = results(0)[id];
    add(body, "p", n.text, { "class": "node-text" });
    var dl = add(body, "dl");
    function row(k, v) { if (v === null || v === undefined || v === "") { return; } add(dl, "dt", k); add(dl, "dd", v); }
    row("kind", n.kind);
    row("issue", n.issue);
    row("scenario", DATA.scenarios[state.scenario].name);
    if (r) {
      row("verdict", r.verdict); row("label", r.label); row("strength", fmt(r.strength));
      if (state.scenario !== 0 && base) { row("baseline", base.verdict + ", strength " + fmt(base.strength)); }
    } else { row("verdict", "absent in this scenario"); }
    row("standard", n.standard ? n.standard.replace(/_/g, " ") + (n.met === null ? "" : (r && r.met ? " (met)" : " (not met)")) : "");
    row("burden", n.burden);
    if (n.why.length) {
      add(body, "h3", "Why it stands or falls (baseline)");
      var ul = add(body, "ul", null, { "class": "why" });
      n.why.forEach(function (line) { add(ul, "li", line); });
    }
    if (n.evidence) {
      var e = n.evidence;
      add(body, "h3", "Source");
      add(body, "p", "[" + e.source + "] " + e.outlet + ": " + e.title);
      var bq = add(body, "blockquote", null, { "class": "passage", "aria-label": "the quote in its source passage" });
      if (e.found) {
        if (e.before) { add(bq, "span", e.before); }
        add(bq, "mark", e.quote);
        if (e.after) { add(bq, "span", e.after); }
      } else {
        add(bq, "mark", e.quote);
        add(body, "p", "The source file was not given or the quote is not in it (argmap provenance checks this).", { "class": "hint" });
      }
    }
    if (n.precedent) {
      var p = n.precedent;
      add(body, "h3", "Precedent");
      var pd = add(body, "dl");
      [["name", p.name], ["citation", p.citation], ["court", p.court + ", " + p.year], ["standing", p.standing], ["weight", n.weight]].forEach(function (kv) {
        if (kv[1]) { add(pd, "dt", kv[0]); add(pd, "dd", kv[1]); }
      });
    }
    if (n.questions.length) {
      add(body, "h3", "Open critical questions");
      var qs = add(body, "ul");
      n.questions.forEach(function (q) { add(qs, "li", q); });
    }
    var tl = DATA.timeline.claims[id];
    if (tl) {
      add(body, "h3", "Over time");
      var t = add(body, "table", null, { "class": "tl-node" });
      var last = null;
      DATA.timeline.dates.forEach(function (d, i) {
        var v = tl[i];
        if (last && last[1] === v[1] && Math.abs(last[0] - v[0]) < 0.0005) { return; }
        var tr = add(t, "tr"); add(tr, "td", d); add(tr, "td", fmt(v[0]), { "class": "num" }); add(tr, "td", v[1], { "class": "v-" + v[1] });
        last = v;
      });
    }
  }
  function openNode(id, keepFocus) {
    state.node = id;
    document.querySelectorAll("g.node.selected").forEach(function (g) { g.classList.remove("selected"); });
    var view = views[state.map], g = view && view.svg.querySelector('g.node[data-node="' + cssEscape(id) + '"]');
    if (!g) {
      for (var k in views) {
        g = views[k].svg.querySelector('g.node[data-node="' + cssEscape(id) + '"]');
        if (g) { showMap(k); view = views[k]; break; }
      }
    }
    fillPanel(id);
    panel.classList.add("open");
    panel.removeAttribute("hidden");
    if (g) { g.classList.add("selected"); view.center(g); }
    if (!keepFocus) { document.getElementById("panel-close").focus(); }
    writeHash();
  }
  function closePanel() {
    var id = state.node; state.node = null;
    panel.classList.remove("open"); panel.setAttribute("hidden", "");
    writeHash();
    var g = id && views[state.map] && views[state.map].svg.querySelector('g.node[data-node="' + cssEscape(id) + '"]');
    if (g) { g.focus(); }
  }
  function cssEscape(s) { return window.CSS && CSS.escape ? CSS.escape(s) : s.replace(/["\\]/g, "\\$&"); }

  /* ---- search by id or text ---- */
  function search(q) {
    var list = document.getElementById("search-results");
    list.textContent = "";
    document.querySelectorAll("g.node.hit").forEach(function (g) { g.classList.remove("hit"); });
    q = q.trim().toLowerCase();
    if (!q) { return; }
    var hits = Object.keys(NODES).filter(function (id) {
      return id.toLowerCase().indexOf(q) >= 0 || NODES[id].text.toLowerCase().indexOf(q) >= 0;
    });
    hits.forEach(function (id) {
      document.querySelectorAll('g.node[data-node="' + cssEscape(id) + '"]').forEach(function (g) { g.classList.add("hit"); });
    });
    document.getElementById("search-count").textContent = hits.length + " found";
    hits.slice(0, 30).forEach(function (id) {
      var li = add(list, "li");
      var b = add(li, "button", id + ": " + NODES[id].text.slice(0, 60), { "type": "button", "data-node": id });
      b.addEventListener("click", function () { openNode(id); });
    });
  }

  /* ---- links: #node=ID&scenario=NAME&map=ID&diff=1 ---- */
  var reading = true;  // until the link has been read, nothing rewrites it
  function writeHash() {
    if (reading) { return; }
    var parts = [];
    if (state.node) { parts.push("node=" + encodeURIComponent(state.node)); }
    if (state.scenario) { parts.push("scenario=" + encodeURIComponent(DATA.scenarios[state.scenario].name)); }
    if (state.diff) { parts.push("diff=1"); }
    if (state.map && maps.length && state.map !== maps[0].id) { parts.push("map=" + encodeURIComponent(state.map.replace(/^map-/, ""))); }
    var h = parts.length ? "#" + parts.join("&") : " ";
    if (location.hash !== h) { history.replaceState(null, "", h === " " ? location.pathname + location.search : h); }
  }
  function readHash() {
    var params = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (kv) {
      var i = kv.indexOf("=");
      if (i > 0) { params[decodeURIComponent(kv.slice(0, i))] = decodeURIComponent(kv.slice(i + 1)); }
    });
    reading = true;
    if (params.map && views["map-" + params.map]) { showMap("map-" + params.map); }
    var k = 0;
    DATA.scenarios.forEach(function (s, i) { if (s.name === params.scenario) { k = i; } });
    state.diff = params.diff === "1";
    document.getElementById("diff").checked = state.diff;
    setScenario(k);
    if (params.node && NODES[params.node]) { openNode(params.node, true); } else if (state.node) { closePanel(); }
    reading = false;
    writeHash();
  }

  /* ---- wiring ---- */
  maps.forEach(setupMap);
  var select = document.getElementById("scenario");
  DATA.scenarios.forEach(function (s, i) { select.appendChild(el("option", { value: String(i) }, s.name)); });
  select.addEventListener("change", function () { setScenario(Number(select.value)); });
  document.getElementById("diff").addEventListener("change", function (ev) { state.diff = ev.target.checked; recolour(); });
  document.getElementById("search").addEventListener("input", function (ev) { search(ev.target.value); });
  document.getElementById("panel-close").addEventListener("click", closePanel);
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape" && state.node) { closePanel(); } });
  document.querySelectorAll(".tabs button").forEach(function (b) {
    b.addEventListener("click", function () { showMap(b.getAttribute("data-map")); });
  });
  document.querySelectorAll("[data-open]").forEach(function (a) {
    a.addEventListener("click", function (ev) { ev.preventDefault(); openNode(a.getAttribute("data-open")); });
  });
  if (maps.length) { showMap(maps[0].id); }
  window.addEventListener("hashchange", readHash);
  readHash();
  root.setAttribute("data-ready", "1");
})();
