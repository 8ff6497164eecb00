/* casetable live views: participant room, facilitator console, projector.
 * All user text is inserted with textContent; placeholders become chips. The outbox keeps
 * unacknowledged contributions in localStorage and resends them after a reconnect. */
(function () {
  "use strict";

  var EVENTS = {
    join: "join", sync: "sync", contribute: "contribute", preview: "preview", vote: "vote",
    flag: "flag", moderate: "moderate", approve: "approve", reveal: "reveal", phase: "phase",
    setRole: "set_role", remove: "remove", rights: "rights", anonymize: "anonymize",
    close: "close", note: "note",
    // server -> client
    state: "state", contribution: "contribution", contributions: "contributions",
    update: "contribution_update", presence: "presence", held: "held", noteOut: "note",
    resync: "resync", failed: "failed"
  };
  var PLACEHOLDER = /\[(persoon \d+|adres|postcode|plaats|telefoon|e-mail|link|rijksregisternr|rekeningnr|datum|instelling|dossiernr|nummerplaat)\]/g;
  var ACK_TIMEOUT = 8000;

  var dataEl = document.getElementById("ct-data");
  if (!dataEl) { return; }
  var cfg = JSON.parse(dataEl.textContent);
  var T = window.CT_I18N[cfg.lang] || window.CT_I18N.nl;
  var view = cfg.view;
  var tableId = cfg.table;
  var cat = cfg.catalogues;

  var st = {
    state: null, you: {role: view === "room" ? "participant" : "facilitator"},
    items: {}, notes: {}, people: [], lastSeq: 0, lastRev: 0, filter: "phase",
    skew: 0, sending: false, myClientIds: {}
  };

  function $(id) { return document.getElementById(id); }
  function fmt(s, vars) { return s.replace(/\{(\w+)\}/g, function (_, k) { return vars[k]; }); }
  /* Strings with a count are [one, other] pairs in i18n.js. */
  function plural(key, n) { var f = T[key]; return fmt(Array.isArray(f) ? f[n === 1 ? 0 : 1] : f, {n: n}); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }
  function clear(node) { while (node && node.firstChild) { node.removeChild(node.firstChild); } }
  function newId() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID().replace(/-/g, ""); }
    var a = new Uint8Array(16); crypto.getRandomValues(a);
    return Array.prototype.map.call(a, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  /* Render scrubbed text with placeholders as chips, never as HTML. */
  function renderScrubbed(node, text) {
    clear(node);
    if (text === null || text === undefined) { return; }
    var last = 0; var m; PLACEHOLDER.lastIndex = 0;
    while ((m = PLACEHOLDER.exec(text)) !== null) {
      if (m.index > last) { node.appendChild(document.createTextNode(text.slice(last, m.index))); }
      var chip = el("span", "chip", m[0]);
      chip.setAttribute("title", T.categories[categoryOf(m[1])] || "");
      node.appendChild(chip);
      last = m.index + m[0].length;
    }
    if (last < text.length) { node.appendChild(document.createTextNode(text.slice(last))); }
  }
  function categoryOf(inner) {
    var map = {persoon: "PERSON", adres: "ADDRESS", postcode: "POSTCODE", plaats: "PLACE", telefoon: "PHONE",
      "e-mail": "EMAIL", link: "URL", rijksregisternr: "NATIONAL_ID", rekeningnr: "IBAN", datum: "DATE",
      instelling: "INSTITUTION", dossiernr: "CASE_ID", nummerplaat: "PLATE"};
    return map[inner.split(" ")[0]];
  }
  function announce(text) {
    var a = $("announcer"); if (!a) { return; }
    a.textContent = ""; window.setTimeout(function () { a.textContent = text; }, 50);
  }

  /* Re-rendering a list replaces its buttons; give the keyboard focus back to the same control
   * of the same item (by data-key and position), so keyboard users don't fall back to <body>. */
  var CONTROLS = "button, input, select, textarea, a[href]";
  function withFocus(container, render) {
    var a = document.activeElement, key = null, idx = -1;
    if (container && a && a !== container && container.contains(a)) {
      var host = a.closest("[data-key]");
      if (host) { key = host.getAttribute("data-key"); idx = Array.prototype.indexOf.call(host.querySelectorAll(CONTROLS), a); }
    }
    render();
    if (key === null) { return; }
    var again = container.querySelector('[data-key="' + CSS.escape(key) + '"]');
    var ctrls = again ? again.querySelectorAll(CONTROLS) : [];
    if (ctrls[idx]) { ctrls[idx].focus(); } else if (again) { again.setAttribute("tabindex", "-1"); again.focus(); }
  }

  /* ---------- outbox (localStorage) ---------- */
  var OUTBOX_KEY = "ct-outbox-" + tableId;
  function loadOutbox() { try { return JSON.parse(localStorage.getItem(OUTBOX_KEY) || "[]"); } catch (e) { return []; } }
  function saveOutbox(list) { try { localStorage.setItem(OUTBOX_KEY, JSON.stringify(list)); } catch (e) { /* private mode */ } }
  var outbox = loadOutbox();
  /* Which advice this browser voted for: the server counts votes, this only shows the toggle. */
  var VOTES_KEY = "ct-votes-" + tableId;
  var myVotes = {};
  try { myVotes = JSON.parse(localStorage.getItem(VOTES_KEY) || "{}") || {}; } catch (e) { myVotes = {}; }
  function saveVotes() { try { localStorage.setItem(VOTES_KEY, JSON.stringify(myVotes)); } catch (e) { /* private mode */ } }
  outbox.forEach(function (m) { st.myClientIds[m.client_id] = true; });

  /* ---------- socket ---------- */
  var socket = io({transports: ["websocket", "polling"], reconnectionDelayMax: 4000});
  function emitAck(event, payload) {
    payload.table = tableId;
    return socket.timeout(ACK_TIMEOUT).emitWithAck(event, payload);
  }

  function setConn(kind) {
    var c = $("conn"); if (!c) { return; }
    var label = T[kind];
    if (outbox.length) { label += " · " + plural("queued", outbox.length); }
    // Only real changes: a live region re-announces every text it is given.
    if (c.textContent !== label) { c.textContent = label; }
    c.className = "conn conn-" + kind;
    document.body.setAttribute("data-conn", kind);
  }

  socket.on("connect", function () {
    setConn("connected");
    emitAck(EVENTS.join, {after_seq: st.lastSeq, after_rev: st.lastRev}).then(function (reply) {
      if (!reply.ok) { showFeedback(reply.message, true); return; }
      applySync(reply);
      flushOutbox();
    }).catch(function () { /* time-out: the next reconnect retries */ });
  });
  socket.on("disconnect", function () { setConn(navigator.onLine ? "reconnecting" : "offline"); });
  socket.on("connect_error", function () { setConn(navigator.onLine ? "reconnecting" : "offline"); });
  window.addEventListener("offline", function () { setConn("offline"); });
  window.addEventListener("online", function () { if (!socket.connected) { setConn("reconnecting"); socket.connect(); } });

  socket.on(EVENTS.state, function (s) { applyState(s); });
  socket.on("removed", function () {
    // The facilitator removed this seat: stop the live view and say so.
    socket.disconnect();
    var banner = $("closed-banner");
    if (banner) { banner.textContent = T.removedText; banner.hidden = false; }
    document.body.classList.add("is-closed");
  });
  socket.on(EVENTS.contribution, function (c) { upsert(c, true); renderStream(); showNewest(c); });
  socket.on(EVENTS.update, function (c) {
    var before = st.items[c.id];
    upsert(c, false); renderStream(); renderModeration();
    if (view === "console" && c.flags && (!before || (before.flags || 0) < c.flags)) { announce(T.flaggedNew); }
  });
  socket.on(EVENTS.contributions, function (list, patch) {
    list.forEach(function (c) { upsert(c, false); });
    renderStream(); if (list.length) { announce(plural("revealed", list.length)); }
    if (patch) { applyState(patch); }  // a reveal's state change comes in the same message
  });
  socket.on(EVENTS.presence, function (people) { st.people = people; renderPeople(); });
  socket.on(EVENTS.held, function (h) { if (st.state) { st.state.held = h.count; renderHeld(); } });
  socket.on(EVENTS.noteOut, function (n) { st.notes[n.id] = n; st.lastRev = Math.max(st.lastRev, n.rev || 0); renderNotes(); });
  socket.on(EVENTS.resync, function () {
    st.lastSeq = 0; st.lastRev = 0; st.items = {};
    emitAck(EVENTS.sync, {after_seq: 0, after_rev: 0}).then(function (r) { if (r.ok) { applySync(r); } });
  });

  /* The projector has no one to scroll it: bring a new contribution into view. */
  function showNewest(c) {
    if (view !== "projector") { return; }
    var node = document.querySelector('#stream [data-key="c' + c.id + '"]');
    if (!node) { return; }
    var calm = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    node.scrollIntoView({behavior: calm ? "auto" : "smooth", block: "nearest"});
  }

  function applySync(reply) {
    if (reply.you) { st.you = reply.you; }
    (reply.contributions || []).forEach(function (c) { upsert(c, false); });
    (reply.notes || []).forEach(function (n) { st.notes[n.id] = n; });
    if (reply.presence) { st.people = reply.presence; }
    applyState(reply.state, true);
    renderStream(); renderNotes(); renderPeople(); renderModeration(); renderYou();
  }

  function upsert(c, announceIt) {
    var old = st.items[c.id];
    if (old && old.rev > c.rev) { return; }
    st.items[c.id] = c;
    if (c.seq) { st.lastSeq = Math.max(st.lastSeq, c.seq); }
    st.lastRev = Math.max(st.lastRev, c.rev || 0);
    if (announceIt && !old && !st.myClientIds[c.client_id]) {
      var kind = cat.kinds[c.kind] || c.kind;
      announce(c.author ? fmt(T.newContribution, {kind: kind, author: c.author}) : fmt(T.newAnon, {kind: kind}));
    }
  }

  /* ---------- state: phase, timer, vignette ---------- */
  function applyState(s, ownLanguage) {
    if (!s) { return; }
    var previous = st.state;
    var fresh = s;
    if (!ownLanguage) {
      /* Room broadcasts carry only what the change may have touched (docs/protocol.md): never
       * the phase list, the vignette only when it changed, after a reveal only the reveal's
       * fields. The join reply brings everything; a broadcast before it is left to that reply. */
      if (!previous) { return; }
      s = Object.assign({}, previous, s);
    }
    /* Join and sync replies carry this browser's language; keep those phase names, matched by
     * phase key, should a broadcast ever carry Dutch ones. */
    if (ownLanguage) {
      st.phaseNames = {};
      s.phases.forEach(function (p) { st.phaseNames[p.key] = {name: p.name, goal: p.goal, prompt: p.prompt}; });
    } else if (s.phases !== previous.phases && st.phaseNames) {
      s.phases.forEach(function (p) {
        var own = st.phaseNames[p.key];
        if (own) { p.name = own.name; p.goal = own.goal; p.prompt = own.prompt; }
      });
    }
    st.state = s;
    if (previous && previous.phase_index !== s.phase_index && s.phases[s.phase_index]) {
      announce(fmt(T.phaseNow, {i: s.phase_index + 1, name: s.phases[s.phase_index].name}));
    }
    if (fresh.server_now) { st.skew = Date.parse(fresh.server_now) - Date.now(); }
    var phase = s.phases[s.phase_index] || {};
    setText("phase-name", phase.name);
    setText("phase-goal", phase.goal);
    setText("phase-prompt", phase.prompt);
    setText("phase-count", fmt(T.phaseOf, {i: s.phase_index + 1, n: s.phases.length}));
    renderStepper(s);
    renderTimer();
    renderHeld();
    renderVignette(s);
    renderKinds(phase);
    renderRights(s, phase);
    renderNoteForm(phase);
    renderYou();
    var badge = $("status-badge");
    if (badge) { badge.textContent = T[s.status] || s.status; badge.className = "badge status-" + s.status; }
    var closed = s.status === "closed" || s.status === "archived";
    document.body.classList.toggle("is-closed", closed);
    var banner = $("closed-banner"); if (banner) { banner.hidden = !closed; }
    var composer = $("composer"); if (composer) { composer.classList.toggle("disabled", closed); }
    var note = $("attribution-note");
    if (note) { note.textContent = s.attribution === "anonymous" ? T.attributionAnon : T.attributionAlias; }
    var anonBtn = $("btn-anonymize");
    if (anonBtn) {
      var anonymous = s.attribution === "anonymous";
      /* The button goes once it is done: the keyboard focus moves to the note that says so. */
      if (anonymous && document.activeElement === anonBtn && note) { note.focus(); }
      anonBtn.hidden = anonymous;
    }
    if (closed && view === "console" && $("btn-close")) { window.setTimeout(function () { window.location.reload(); }, 300); }
    st.lastRev = Math.max(st.lastRev, s.last_rev || 0);
    renderStream();
  }
  function setText(id, text) { var n = $(id); if (n) { n.textContent = text || ""; } }

  function renderStepper(s) {
    var ol = $("stepper"); if (!ol) { return; }
    clear(ol);
    s.phases.forEach(function (p, i) {
      var li = el("li", i === s.phase_index ? "current" : (i < s.phase_index ? "done" : ""), p.name);
      li.setAttribute("data-step", String(i + 1));
      if (i === s.phase_index) { li.setAttribute("aria-current", "step"); }
      ol.appendChild(li);
    });
  }

  function remainingSeconds() {
    var t = st.state && st.state.timer; if (!t) { return null; }
    if (t.running && t.ends_at) { return Math.round((Date.parse(t.ends_at) - (Date.now() + st.skew)) / 1000); }
    return t.remaining;
  }
  function renderTimer() {
    var v = $("timer-value"); if (!v || !st.state) { return; }
    var secs = remainingSeconds();
    var t = st.state.timer;
    if (secs === null || secs === undefined) { v.textContent = "--:--"; return; }
    var neg = secs < 0; var a = Math.abs(secs);
    v.textContent = (neg ? "-" : "") + Math.floor(a / 60) + ":" + ("0" + (a % 60)).slice(-2);
    /* The server says whether this phase's countdown was ever started: "+5 min" before the start
     * is still "not started", a pause at exactly full time is still "paused". */
    var stateText = t.running ? (neg ? T.overtime : T.running) : (t.started ? T.paused : T.notStarted);
    setText("timer-state", stateText);
    document.body.classList.toggle("timer-over", neg);
    var start = $("btn-start"), pause = $("btn-pause");
    if (start) { start.disabled = !!t.running; }
    if (pause) { pause.disabled = !t.running; }
  }
  window.setInterval(renderTimer, 1000);

  function renderHeld() {
    if (!st.state) { return; }
    var phase = st.state.phases[st.state.phase_index] || {};
    var silent = phase.silent && st.state.revealed_phases.indexOf(st.state.phase_index) < 0;
    var note = $("held-note");
    if (note) { note.hidden = !silent; note.textContent = plural("held", st.state.held || 0); }
    var ctr = $("silent-controls"); if (ctr) { ctr.hidden = !silent; }
    setText("held-count", plural("held", st.state.held || 0));
    renderStream();
  }

  function renderVignette(s) {
    var v = $("vignette");
    if (v) {
      var text = s.vignette !== undefined && s.vignette !== null ? s.vignette : v.getAttribute("data-scrubbed");
      if (text) { renderScrubbed(v, text); }
      var empty = $("vignette-empty"); if (empty) { empty.hidden = !!text; }
    }
    var q = $("question");
    if (q) {
      var qt = s.question !== undefined && s.question !== null ? s.question : q.getAttribute("data-scrubbed");
      if (qt) { renderScrubbed(q, qt); }
      var row = $("question-row"); if (row) { row.hidden = !qt; }
    }
  }

  /* ---------- composer ---------- */
  function openKinds(phase) {
    var kinds = (phase.kinds || []).slice();
    var role = st.you.role;
    if (view === "room") {
      if (role !== "case_bringer") { kinds = kinds.filter(function (k) { return k !== "antwoord" && k !== "reflectie"; }); }
      if (role === "case_bringer" && phase.bringer_listens) { kinds = []; }
    }
    return kinds;
  }
  function renderKinds(phase) {
    var box = $("kinds"); if (!box) { return; }
    var previous = (box.querySelector("input:checked") || {}).value;
    Array.prototype.slice.call(box.querySelectorAll("label")).forEach(function (l) { box.removeChild(l); });
    var kinds = openKinds(phase);
    kinds.forEach(function (k, i) {
      var label = el("label", "kind-option");
      var input = document.createElement("input");
      input.type = "radio"; input.name = "kind"; input.value = k;
      input.checked = kinds.indexOf(previous) >= 0 ? previous === k : i === 0;
      label.appendChild(input); label.appendChild(el("span", null, cat.kinds[k] || k));
      box.appendChild(label);
    });
    box.hidden = kinds.length === 0;
    var closedNote = $("kinds-closed"); if (closedNote) { closedNote.hidden = kinds.length > 0; }
    var send = $("btn-send"); if (send) { send.disabled = kinds.length === 0; }
    updateReferral();
  }
  function currentKind() { var c = document.querySelector("#kinds input:checked"); return c ? c.value : null; }
  function updateReferral() {
    var row = $("referral-row"); if (!row) { return; }
    row.hidden = currentKind() !== "advies";
  }
  function fillSelect(sel, map, withEmpty) {
    if (!sel) { return; }
    clear(sel);
    if (withEmpty) { sel.appendChild(new Option("—", "")); }
    Object.keys(map).forEach(function (k) { sel.appendChild(new Option(map[k], k)); });
  }
  fillSelect($("composer-referral"), cat.services, true);

  function showFeedback(text, isError) {
    var f = $("composer-feedback"); if (!f) { return; }
    f.textContent = text || ""; f.className = "feedback" + (isError ? " error" : "");
  }

  /* After posting: say that something was replaced, and which categories, as chips. */
  function showReplaced(lead, intro, cats) {
    var f = $("composer-feedback"); if (!f) { return; }
    clear(f); f.className = "feedback replaced";
    if (lead) { f.appendChild(el("strong", null, lead + " ")); }
    f.appendChild(document.createTextNode(intro + " "));
    cats.forEach(function (c, i) {
      if (i) { f.appendChild(document.createTextNode(", ")); }
      f.appendChild(el("span", "cat", T.categories[c] || c));
    });
    f.appendChild(document.createTextNode("."));
  }

  var composer = $("composer");
  if (composer) {
    $("kinds").addEventListener("change", updateReferral);
    composer.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var text = $("composer-text").value.trim();
      var kind = currentKind();
      if (!text) { showFeedback(T.textRequired, true); $("composer-text").focus(); return; }
      if (!kind) { showFeedback(T.chooseKind, true); return; }
      var msg = {client_id: newId(), kind: kind, text: text, referral: $("composer-referral") && $("composer-referral").value || null};
      if (kind !== "advies") { msg.referral = null; }
      outbox.push(msg); saveOutbox(outbox); st.myClientIds[msg.client_id] = true;
      $("composer-text").value = ""; $("preview").hidden = true;
      renderOutbox(); setConn(socket.connected ? "connected" : (navigator.onLine ? "reconnecting" : "offline"));
      flushOutbox();
    });
    $("btn-preview").addEventListener("click", function () {
      var text = $("composer-text").value.trim();
      if (!text) { showFeedback(T.textRequired, true); return; }
      emitAck(EVENTS.preview, {text: text}).then(function (r) {
        if (!r.ok) { showFeedback(r.message, true); return; }
        $("preview").hidden = false; renderScrubbed($("preview-text"), r.text);
        if (r.categories.length) { showReplaced(null, T.previewSome, r.categories); } else { showFeedback(T.previewNone, false); }
      }).catch(function () { showFeedback(T.offline, true); });
    });
  }

  /* Send the outbox in order, one at a time; an ack removes the message for good. */
  function flushOutbox() {
    if (st.sending || !socket.connected || !outbox.length) { renderOutbox(); return; }
    st.sending = true;
    var msg = outbox[0];
    emitAck(EVENTS.contribute, {client_id: msg.client_id, kind: msg.kind, text: msg.text, referral: msg.referral})
      .then(function (reply) {
        st.sending = false;
        outbox.shift(); saveOutbox(outbox);
        if (reply.ok) {
          upsert(reply.contribution, false);
          var cats = reply.contribution.categories || [];
          if (cats.length) { showReplaced(reply.status === "held" ? T.heldYou : T.sent, T.replacedLead, cats); }
          else { showFeedback(reply.status === "held" ? T.heldYou : T.sent, false); }
        } else {
          // Refused (closed phase, too long, ...): give the text back so nothing is lost.
          showFeedback(fmt(T.failed, {msg: reply.message}), true);
          var box = $("composer-text");
          if (box && !box.value) { box.value = msg.text; }
        }
        renderStream(); setConn("connected"); flushOutbox();
      })
      .catch(function () { st.sending = false; renderOutbox(); /* no ack: stays queued, resent on reconnect */ });
  }

  function renderOutbox() {
    var ul = $("outbox"); if (!ul) { return; }
    clear(ul);
    outbox.forEach(function (m) {
      var li = el("li", "pending");
      li.appendChild(el("span", "kind", cat.kinds[m.kind] || m.kind));
      li.appendChild(el("span", "text", m.text));
      li.appendChild(el("span", "state", T.pending));
      ul.appendChild(li);
    });
  }

  /* ---------- stream ---------- */
  var filterSel = $("stream-filter");
  if (filterSel) { filterSel.addEventListener("change", function () { st.filter = filterSel.value; renderStream(); }); }

  function renderStream() { withFocus($("stream"), renderStreamNow); }
  function renderStreamNow() {
    var box = $("stream"); if (!box || !st.state) { return; }
    var phaseIdx = st.state.phase_index;
    var staff = view === "console";
    var list = Object.keys(st.items).map(function (k) { return st.items[k]; })
      .filter(function (c) { return st.filter === "all" || view === "projector" ? (view !== "projector" || c.phase === phaseIdx) : c.phase === phaseIdx; })
      .filter(function (c) { return c.seq || st.myClientIds[c.client_id] || staff; })
      .filter(function (c) { return view !== "projector" || !c.hidden; });
    list.sort(function (a, b) { return (a.seq || 1e12) - (b.seq || 1e12) || a.id - b.id; });
    var groups = {}; var order = [];
    list.forEach(function (c) { if (!groups[c.kind]) { groups[c.kind] = []; order.push(c.kind); } groups[c.kind].push(c); });
    /* The current phase's kinds first, in the method's order; then the rest alphabetically. */
    var phaseKinds = ((st.state.phases[phaseIdx] || {}).kinds || []);
    function rank(k) { var i = phaseKinds.indexOf(k); return i < 0 ? 100 : i; }
    order.sort(function (a, b) { return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0); });
    clear(box);
    order.forEach(function (kind) {
      var section = el("section", "kind-group kind-" + kind);
      var h = el("h3", null, cat.kinds[kind] || kind);
      section.appendChild(h);
      var ul = el("ul", "items");
      var items = groups[kind];
      if (kind === "advies") { items = items.slice().sort(function (a, b) { return b.votes - a.votes || a.seq - b.seq; }); }
      items.forEach(function (c) { ul.appendChild(renderItem(c)); });
      section.appendChild(ul);
      box.appendChild(section);
    });
    var ph = st.state.phases[phaseIdx] || {};
    var writingInSilence = ph.silent && st.state.revealed_phases.indexOf(phaseIdx) < 0 && st.state.held > 0;
    var empty = $("stream-empty"); if (empty) { empty.hidden = list.length > 0 || writingInSilence; }
  }

  function renderItem(c) {
    var li = el("li", "item" + (c.hidden ? " is-hidden" : "") + (c.redacted ? " is-redacted" : "") + (!c.seq ? " is-held" : ""));
    li.setAttribute("data-id", c.id); li.setAttribute("data-key", "c" + c.id);
    var meta = el("p", "meta");
    meta.appendChild(el("span", "author", c.author || (st.myClientIds[c.client_id] ? T.byYou : T.anonymous)));
    if (c.referral) { meta.appendChild(el("span", "referral", "→ " + (cat.services[c.referral] || c.referral))); }
    if (c.approved) { meta.appendChild(el("span", "approved", "✓ " + T.approved)); }
    if (!c.seq) { meta.appendChild(el("span", "held", T.heldYou)); }
    li.appendChild(meta);
    var body = el("p", "body");
    if (c.text === null) { body.textContent = T.hiddenText; body.classList.add("muted"); } else { renderScrubbed(body, c.text); }
    li.appendChild(body);
    if (view === "projector") {
      if (c.kind === "advies" && c.votes) { li.appendChild(el("p", "votes", plural("votes", c.votes))); }
      return li;
    }
    var actions = el("div", "actions");
    var closed = st.state && st.state.status !== "open";
    if (c.kind === "advies" && c.seq) {
      var mine = !!myVotes[c.id];
      var canVote = view === "room" && !closed;
      var voteBtn = el("button", "button small vote" + (mine ? " active" : ""));
      voteBtn.type = "button";
      if (canVote) { voteBtn.appendChild(el("span", "vote-verb", (mine ? T.voted : T.vote) + " · ")); }
      voteBtn.appendChild(el("span", "vote-count", plural("votes", c.votes)));
      if (canVote) {
        voteBtn.setAttribute("aria-pressed", mine ? "true" : "false");
        voteBtn.addEventListener("click", function () {
          emitAck(EVENTS.vote, {id: c.id}).then(function (r) {
            if (!r.ok) { showFeedback(r.message, true); return; }
            if (myVotes[c.id]) { delete myVotes[c.id]; } else { myVotes[c.id] = true; }
            saveVotes(); renderStream();
          });
        });
      } else { voteBtn.disabled = true; }
      actions.appendChild(voteBtn);
      if ((st.you.role === "case_bringer" || view === "console") && !closed) {
        var ap = el("button", "button small", c.approved ? "✓ " + T.approve : T.approve);
        ap.type = "button"; ap.setAttribute("aria-pressed", c.approved ? "true" : "false");
        ap.addEventListener("click", function () { emitAck(EVENTS.approve, {id: c.id, approved: !c.approved}).then(feedbackOnError); });
        actions.appendChild(ap);
      }
    }
    if (view === "room" && c.seq && !closed) {
      var flagBtn = el("button", "button small subtle", "⚑ " + T.flag);
      flagBtn.type = "button";
      flagBtn.addEventListener("click", function () {
        emitAck(EVENTS.flag, {id: c.id}).then(function (r) { showFeedback(r.ok ? T.flagged : r.message, !r.ok); });
      });
      actions.appendChild(flagBtn);
    }
    if (view === "console" && c.seq) {
      actions.appendChild(modButton(c, c.hidden ? "unhide" : "hide", c.hidden ? T.unhide : T.hide));
      actions.appendChild(modButton(c, "redact", T.redact));
      if (canEditNotes()) {
        var toNote = el("button", "button small subtle", T.toNote); toNote.type = "button";
        toNote.addEventListener("click", function () {
          emitAck(EVENTS.note, {action: "from_contribution", contribution: c.id, client_id: newId()}).then(feedbackOnError);
        });
        actions.appendChild(toNote);
      }
      if (c.flags) { li.classList.add("is-flagged"); meta.appendChild(el("span", "flagcount", "⚑ " + c.flags)); }
    }
    li.appendChild(actions);
    return li;
  }
  function feedbackOnError(r) { if (r && !r.ok) { showFeedback(r.message, true); } }
  /* Moderation: erase is one click (the stored text is replaced on every screen); "adjust"
   * opens an inline editor for a corrected text, which the scrubber sees again. */
  function modButton(c, action, label) {
    var b = el("button", "button small" + (action === "redact" ? " danger" : ""), label); b.type = "button";
    b.addEventListener("click", function () {
      emitAck(EVENTS.moderate, {id: c.id, action: action}).then(feedbackOnError);
    });
    return b;
  }
  /* An inline editor (no browser prompt): label, textarea, save and cancel; Escape cancels.
   * The draft survives list redraws through st.editDraft. */
  function inlineEditor(id, labelText, onSave) {
    var form = el("form", "inline-edit");
    var label = el("label", null, labelText); label.setAttribute("for", id);
    var box = document.createElement("textarea"); box.id = id; box.rows = 3; box.maxLength = 4000;
    box.value = st.editDraft || "";
    box.addEventListener("input", function () { st.editDraft = box.value; });
    var row = el("div", "actions");
    var save = el("button", "button small primary", T.save); save.type = "submit";
    var cancel = el("button", "button small", T.cancel); cancel.type = "button";
    cancel.addEventListener("click", stopEditing);
    box.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { stopEditing(); } });
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      onSave(box.value.trim()).then(function (r) {
        if (r && r.ok) { stopEditing(); } else if (r) { showFeedback(r.message, true); }
      });
    });
    form.appendChild(label); form.appendChild(box); row.appendChild(save); row.appendChild(cancel);
    form.appendChild(row);
    return form;
  }
  function startEditing(key, text) {
    st.editing = key; st.editDraft = text || ""; renderModeration(); renderNotes();
    var box = document.getElementById("edit-" + key); if (box) { box.focus(); }
  }
  function stopEditing() { st.editing = null; st.editDraft = ""; renderModeration(); renderNotes(); }
  function editForm(c) {
    return inlineEditor("edit-m" + c.id, T.adjustLabel, function (text) {
      return emitAck(EVENTS.moderate, {id: c.id, action: "redact", text: text || null});
    });
  }

  function renderModeration() { withFocus($("modqueue"), renderModerationNow); }
  function renderModerationNow() {
    var ul = $("modqueue"); if (!ul) { return; }
    clear(ul);
    var flagged = Object.keys(st.items).map(function (k) { return st.items[k]; }).filter(function (c) { return c.flags; });
    flagged.forEach(function (c) {
      var li = el("li", "moditem"); li.setAttribute("data-key", "m" + c.id);
      var meta = el("p", "meta");
      meta.appendChild(el("span", "author", c.author || T.anonymous));
      meta.appendChild(el("span", "flagcount", "⚑ " + plural("flags", c.flags)));
      li.appendChild(meta);
      var body = el("p", "body"); renderScrubbed(body, c.text || T.hiddenText); li.appendChild(body);
      if (st.editing === "m" + c.id) { li.appendChild(editForm(c)); ul.appendChild(li); return; }
      var row = el("div", "actions");
      row.appendChild(modButton(c, "redact", T.redact));
      var adjust = el("button", "button small", T.adjust); adjust.type = "button";
      adjust.addEventListener("click", function () { startEditing("m" + c.id, c.text); });
      row.appendChild(adjust);
      row.appendChild(modButton(c, "hide", T.hide));
      row.appendChild(modButton(c, "dismiss", T.dismiss));
      li.appendChild(row); ul.appendChild(li);
    });
    setText("mod-count", flagged.length ? "(" + flagged.length + ")" : "");
    var empty = $("mod-empty"); if (empty) { empty.hidden = flagged.length > 0; }
  }

  /* ---------- people and roles ---------- */
  function renderPeople() { withFocus($("people"), renderPeopleNow); }
  function renderPeopleNow() {
    var ul = $("people"); if (!ul) { return; }
    clear(ul);
    /* By service, then by number: "CAW 1, CAW 2, CLB 1" reads as who is at the table. */
    st.people.slice().sort(function (a, b) {
      return a.alias.localeCompare(b.alias, undefined, {numeric: true});
    }).forEach(function (p) {
      var li = el("li", "person" + (p.online ? " online" : "")); li.setAttribute("data-key", "p" + p.id);
      li.appendChild(el("span", "dot", p.online ? "●" : "○")).setAttribute("aria-hidden", "true");
      li.appendChild(el("span", "alias", p.alias));
      li.appendChild(el("span", "visually-hidden", p.online ? T.online : T.away));
      if (p.role !== "participant") { li.appendChild(el("span", "role", p.role === "case_bringer" ? T.caseBringer : T.noteTaker)); }
      if (view === "console" && st.state && st.state.status === "open") {
        var row = el("span", "actions");
        row.appendChild(roleButton(p, "case_bringer", T.caseBringer));
        row.appendChild(roleButton(p, "note_taker", T.noteTaker));
        var rm = el("button", "button small subtle remove", "✕"); rm.type = "button"; rm.title = fmt(T.removeWho, {who: p.alias});
        rm.setAttribute("aria-label", fmt(T.removeWho, {who: p.alias}));
        rm.addEventListener("click", function () { emitAck(EVENTS.remove, {participant: p.id}).then(feedbackOnError); });
        row.appendChild(rm); li.appendChild(row);
      }
      ul.appendChild(li);
    });
    setText("people-count", "(" + st.people.filter(function (p) { return p.online; }).length + "/" + st.people.length + ")");
  }
  function roleButton(p, role, label) {
    var active = p.role === role;
    var b = el("button", "button small role-toggle" + (active ? " active" : ""), label.charAt(0).toUpperCase() + label.slice(1));
    b.type = "button";
    b.setAttribute("aria-pressed", active ? "true" : "false");
    b.setAttribute("aria-label", p.alias + ": " + label);
    b.addEventListener("click", function () { emitAck(EVENTS.setRole, {role: role, participant: active ? null : p.id}).then(feedbackOnError); });
    return b;
  }
  function renderYou() {
    var r = $("you-role"); if (!r) { return; }
    var role = st.you.role;
    r.hidden = role === "participant";
    r.textContent = role === "case_bringer" ? T.caseBringer : role === "note_taker" ? T.noteTaker : "";
  }

  /* ---------- rights checklist ---------- */
  function renderRights(s, phase) {
    var panel = $("rights-panel"); if (!panel) { return; }
    var show = phase.rights_checklist || (s.rights_checked || []).length > 0;
    panel.hidden = !show;
    var box = $("rights"); clear(box);
    box.appendChild(el("legend", "visually-hidden", T.rights));
    var editable = (view === "console" || st.you.role === "note_taker") && s.status === "open";
    Object.keys(cat.rights).forEach(function (slug) {
      var label = el("label", "check");
      var input = document.createElement("input"); input.type = "checkbox"; input.value = slug;
      input.checked = (s.rights_checked || []).indexOf(slug) >= 0; input.disabled = !editable;
      input.addEventListener("change", function () {
        var ticked = Array.prototype.slice.call(box.querySelectorAll("input:checked")).map(function (i) { return i.value; });
        emitAck(EVENTS.rights, {rights: ticked}).then(feedbackOnError);
      });
      label.appendChild(input); label.appendChild(el("span", null, cat.rights[slug]));
      box.appendChild(label);
    });
  }

  /* ---------- notes ---------- */
  function canEditNotes() { return view === "console" || st.you.role === "note_taker"; }
  function buildChecklist(id, map) {
    var box = $(id); if (!box || box.getAttribute("data-built")) { return; }
    Object.keys(map).forEach(function (slug) {
      var label = el("label", "check"); var input = document.createElement("input");
      input.type = "checkbox"; input.value = slug; label.appendChild(input);
      label.appendChild(el("span", null, map[slug])); box.appendChild(label);
    });
    box.setAttribute("data-built", "1");
  }
  function checked(id) { return Array.prototype.slice.call(document.querySelectorAll("#" + id + " input:checked")).map(function (i) { return i.value; }); }
  var noteForm = $("note-form");
  if (noteForm) {
    fillSelect($("note-kind"), cat.note_kinds, false);
    fillSelect($("note-level"), cat.levels, false);
    fillSelect($("note-urgency"), cat.urgencies, false);
    $("note-urgency").value = "normaal";
    if (cat.note_kinds.leerpunt) { $("note-kind").value = "leerpunt"; }
    buildChecklist("note-themes", cat.themes); buildChecklist("note-groups", cat.target_groups); buildChecklist("note-rights", cat.rights);
    $("note-kind").addEventListener("change", function () { $("note-signal-fields").hidden = $("note-kind").value !== "signaal"; });
    noteForm.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var text = $("note-text").value.trim();
      if (!text) { showFeedback(T.textRequired, true); return; }
      var payload = {action: "propose", client_id: newId(), kind: $("note-kind").value, text: text,
        themes: checked("note-themes"), target_groups: checked("note-groups"), rights: checked("note-rights")};
      if (payload.kind === "signaal") { payload.level = $("note-level").value; payload.urgency = $("note-urgency").value; }
      emitAck(EVENTS.note, payload).then(function (r) {
        if (r.ok) { $("note-text").value = ""; st.notes[r.note.id] = r.note; renderNotes(); } else { showFeedback(r.message, true); }
      }).catch(function () { showFeedback(T.offline, true); });
    });
  }
  function renderNoteForm(phase) {
    if (!noteForm || !st.state) { return; }
    noteForm.hidden = st.state.status !== "open" && !(view === "console" && st.state.status === "closed") ||
      !(phase.notes || canEditNotes());
  }
  function renderNotes() { withFocus($("notes"), renderNotesNow); }
  function renderNotesNow() {
    var ul = $("notes"); if (!ul) { return; }
    clear(ul);
    var list = Object.keys(st.notes).map(function (k) { return st.notes[k]; }).filter(function (n) { return n.status !== "merged"; });
    list.forEach(function (n) {
      var li = el("li", "note note-" + n.status); li.setAttribute("data-key", "n" + n.id);
      var meta = el("p", "meta");
      meta.appendChild(el("span", "kind", cat.note_kinds[n.kind] || n.kind));
      meta.appendChild(el("span", "status", T[n.status] || n.status));
      if (n.level) { meta.appendChild(el("span", "level", T.level + ": " + (cat.levels[n.level] || n.level))); }
      if (n.urgency) { meta.appendChild(el("span", "urgency", T.urgency + ": " + (cat.urgencies[n.urgency] || n.urgency))); }
      if (n.approved) { meta.appendChild(el("span", "approved", "✓")); }
      li.appendChild(meta);
      if (st.editing === "n" + n.id) {
        li.appendChild(inlineEditor("edit-n" + n.id, T.editPrompt, function (text) {
          if (!text) { return Promise.resolve(null); }
          return emitAck(EVENTS.note, {action: "edit", id: n.id, text: text});
        }));
        ul.appendChild(li); return;
      }
      var body = el("p", "body"); renderScrubbed(body, n.text); li.appendChild(body);
      var tags = [].concat(n.themes.map(function (t) { return cat.themes[t]; }), n.target_groups.map(function (t) { return cat.target_groups[t]; }), n.rights.map(function (t) { return cat.rights[t]; })).filter(Boolean);
      if (tags.length) { var tl = el("p", "tags"); tags.forEach(function (t) { tl.appendChild(el("span", "tag", t)); }); li.appendChild(tl); }
      if (view !== "projector") {
        var row = el("div", "actions");
        if (canEditNotes()) {
          row.appendChild(noteButton(n, "accept", T.accept));
          row.appendChild(noteButton(n, "reject", T.reject));
          var ed = el("button", "button small subtle", T.edit); ed.type = "button";
          ed.addEventListener("click", function () { startEditing("n" + n.id, n.text); });
          row.appendChild(ed);
        }
        if (st.you.role === "case_bringer" || view === "console") {
          var ap = el("button", "button small", (n.approved ? "✓ " : "") + T.approve); ap.type = "button";
          ap.setAttribute("aria-pressed", n.approved ? "true" : "false");
          ap.addEventListener("click", function () { emitAck(EVENTS.note, {action: "approve", id: n.id, approved: !n.approved}).then(feedbackOnError); });
          row.appendChild(ap);
        }
        li.appendChild(row);
      }
      ul.appendChild(li);
    });
    var empty = $("notes-empty"); if (empty) { empty.hidden = list.length > 0; }
  }
  function noteButton(n, action, label) {
    var b = el("button", "button small", label); b.type = "button";
    b.addEventListener("click", function () { emitAck(EVENTS.note, {action: action, id: n.id}).then(feedbackOnError); });
    return b;
  }

  /* ---------- facilitator controls ---------- */
  Array.prototype.slice.call(document.querySelectorAll("[data-phase]")).forEach(function (b) {
    b.addEventListener("click", function () {
      var payload = {action: b.getAttribute("data-phase")};
      if (b.getAttribute("data-value")) { payload.value = parseInt(b.getAttribute("data-value"), 10); }
      emitAck(EVENTS.phase, payload).then(feedbackOnError);
    });
  });
  var reveal = $("btn-reveal");
  if (reveal) { reveal.addEventListener("click", function () { emitAck(EVENTS.reveal, {}).then(feedbackOnError); }); }
  /* One-way actions ask first in an in-page <dialog> (console.html), not window.confirm: the
   * dialog takes the focus (on "Annuleren"), Escape cancels, and the focus goes back to the
   * button that opened it. */
  function confirmFirst(openerId, dialogId, onConfirm) {
    var opener = $(openerId), dialog = $(dialogId);
    if (!opener || !dialog || typeof dialog.showModal !== "function") { return; }
    dialog.querySelector("[data-dialog=cancel]").addEventListener("click", function () { dialog.close("cancel"); });
    dialog.querySelector("[data-dialog=confirm]").addEventListener("click", function () { dialog.close("confirm"); });
    dialog.addEventListener("close", function () {
      if (!opener.hidden) { opener.focus(); }
      if (dialog.returnValue === "confirm") { onConfirm(); }
    });
    opener.addEventListener("click", function () { dialog.returnValue = ""; dialog.showModal(); });
  }
  confirmFirst("btn-close", "confirm-close", function () { emitAck(EVENTS.close, {}).then(feedbackOnError); });
  confirmFirst("btn-anonymize", "confirm-anonymize", function () { emitAck(EVENTS.anonymize, {}).then(feedbackOnError); });

  renderOutbox();
  if (!socket.connected) { setConn(navigator.onLine ? "connecting" : "offline"); }
  window.casetable = {state: st, outbox: function () { return outbox.slice(); }};
})();
