(function () {
  'use strict';
  // The page is drawn from two JSON blocks written by courier: the
  // executions (one per request sent) and the rest of the report. Rows are
  // drawn in batches as they scroll into view and a row's details only
  // when it is opened, so a 10,000-request report opens at once.
  var $ = function (id) { return document.getElementById(id); };
  var E = JSON.parse($('courier-execs').textContent);
  var M = JSON.parse($('courier-meta').textContent);
  var S = M.stats || {};
  var BATCH = 150;

  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function num(n) { return Number(n || 0).toLocaleString('en-US'); }
  function ms(n) {
    n = Number(n) || 0;
    if (n >= 60000) { return Math.floor(n / 60000) + 'm ' + ((n % 60000) / 1000).toFixed(1) + 's'; }
    if (n >= 1000) { return (n / 1000).toFixed(n >= 10000 ? 1 : 2) + ' s'; }
    if (n >= 10 || n === 0) { return Math.round(n) + ' ms'; }
    return n.toFixed(1) + ' ms';
  }
  function bytes(n) {
    n = Number(n) || 0;
    if (n < 1024) { return n + ' B'; }
    var u = ['KB', 'MB', 'GB'], i = -1;
    do { n /= 1024; i++; } while (n >= 1024 && i < u.length - 1);
    return n.toFixed(n >= 100 ? 0 : 1).replace(/\.0$/, '') + ' ' + u[i];
  }
  function stat(k) { return S[k] || { total: 0, failed: 0 }; }
  function path(e) { return (M.paths && M.paths[e.id]) || ''; }
  function state(e) { return e.f ? 'fail' : (e.k ? 'skip' : 'pass'); }
  function assertCounts(e) {
    var c = { pass: 0, fail: 0, skip: 0 };
    (e.a || []).forEach(function (a) { c[a.s]++; });
    return c;
  }
  var atNames = { 'prerequest-script': 'pre-request script', 'test-script': 'test script', request: 'request' };

  var iterations = 0, skippedAsserts = 0, multiIter;
  E.forEach(function (e) {
    if (e.i + 1 > iterations) { iterations = e.i + 1; }
    (e.a || []).forEach(function (a) { if (a.s === 'skip') { skippedAsserts++; } });
  });
  multiIter = Math.max(iterations, stat('iterations').total) > 1;

  // ---- summary ----------------------------------------------------------
  function renderSummary() {
    var title = M.title || 'Collection run';
    $('title').textContent = title;
    document.title = title + ' · run report';
    var t = M.timings || {};
    var dur = t.completed && t.started ? t.completed - t.started : 0;
    var sub = [];
    // "environment" is the name of the empty scope a run without -e has.
    if (M.environment && M.environment !== 'environment') { sub.push('environment ' + M.environment); }
    if (t.started) { sub.push('started ' + new Date(t.started).toLocaleString()); }
    $('subtitle').textContent = sub.join(' · ');
    var nfail = (M.failures || []).length;
    var bad = nfail > 0 || !!M.error;
    var req = stat('requests'), as = stat('assertions');
    var h = '<div class="verdicts"><span class="verdict ' + (bad ? 'bad' : 'ok') + '" id="verdict">' + (bad ? 'Failed' : 'Passed') + '</span>' +
      '<span class="muted">' + runLine() + '</span></div>';
    h += '<div class="cards">';
    h += card('Requests', req.total, req.failed ? num(req.failed) + ' got no response' : 'all got a response', req.failed ? 'bad' : '', 'requests.total');
    h += card('Assertions', as.total, num(as.total - as.failed - skippedAsserts) + ' passed · ' + num(as.failed) + ' failed · ' + num(skippedAsserts) + ' skipped', as.failed ? 'bad' : (as.total ? 'ok' : ''), 'assertions.total');
    h += '<button type="button" class="card' + (nfail ? ' bad' : ' ok') + '" id="failcard" title="Show the failures"><div class="l">Failures</div><div class="v" data-stat="failures">' + num(nfail) + '</div><div class="s">' + (nfail ? 'show them' : 'nothing failed') + '</div></button>';
    h += card('Duration', null, 'total run time', '', 'duration', ms(dur));
    h += card('Avg response', null, 'min ' + ms(t.responseMin) + ' · max ' + ms(t.responseMax), '', 'responseAverage', ms(t.responseAverage));
    h += '</div>';
    if (M.error) {
      h += '<div class="runerr"><b>The run stopped: </b>' + esc((M.error.name ? M.error.name + ': ' : '') + M.error.message) + '</div>';
    }
    h += '<div class="grid2"><div class="panel"><h3>Totals</h3><table class="stats"><thead><tr><th></th><th>executed</th><th>failed</th></tr></thead><tbody>';
    [['iterations', 'Iterations'], ['requests', 'Requests'], ['testScripts', 'Test scripts'], ['prerequestScripts', 'Pre-request scripts'], ['assertions', 'Assertions']].forEach(function (r) {
      var s = stat(r[0]);
      h += '<tr><td>' + r[1] + '</td><td data-stat="' + r[0] + '.total">' + num(s.total) + '</td><td data-stat="' + r[0] + '.failed"' + (s.failed ? ' class="bad"' : '') + '>' + num(s.failed) + '</td></tr>';
    });
    h += '</tbody></table><div class="tline"><span>average ' + ms(t.responseAverage) + '</span><span>min ' + ms(t.responseMin) + '</span><span>max ' + ms(t.responseMax) + '</span><span>s.d. ' + ms(t.responseSd) + '</span>' +
      (M.transfers && M.transfers.responseTotal != null ? '<span>received ' + bytes(M.transfers.responseTotal) + '</span>' : '') + '</div></div>';
    h += '<div class="panel chart"><h3>Response times <span class="muted">(request order' + (E.length > 400 ? '; a bar per ' + Math.ceil(E.length / 400) + ' requests: slowest, average darker, red mark: a failure' : '') + ')</span></h3>' + chart() + slowest() + '</div></div>';
    $('summary').innerHTML = h;
    $('failcard').addEventListener('click', function () {
      if (nfail) { $('failures').scrollIntoView(); var b = $('failures').querySelector('button.lnk'); if (b) { b.focus({ preventScroll: true }); } }
    });
    $('summary').addEventListener('click', function (ev) {
      var t = ev.target.closest('[data-open]');
      if (t) { openExec(+t.getAttribute('data-open')); }
    });
  }
  function runLine() {
    var its = Math.max(iterations, stat('iterations').total), sent = stat('requests').total;
    var what = sent === E.length ? num(sent) + ' request' + (sent === 1 ? '' : 's') : num(E.length) + ' items run, ' + num(sent) + ' requests sent,';
    return what + ' in ' + num(its) + ' iteration' + (its === 1 ? '' : 's');
  }
  function card(label, value, sub, cls, key, text) {
    return '<div class="card ' + cls + '"><div class="l">' + esc(label) + '</div><div class="v" data-stat="' + key + '">' + (text != null ? esc(text) : num(value)) + '</div><div class="s">' + esc(sub) + '</div></div>';
  }
  // chart draws each request's response time in run order. Past 400
  // requests a bar stands for a group: its height is the group's slowest
  // request, the darker part its average; groups holding a failure get a
  // red mark under the axis. A click opens the group's slowest request.
  function chart() {
    var withTime = [];
    E.forEach(function (e, x) { if (e.r) { withTime.push(x); } });
    if (!withTime.length) { return '<p class="muted">No responses.</p>'; }
    var W = 800, H = 150, top = 8, bottom = 26, left = 46, n = withTime.length;
    var groups = Math.min(n, 400), per = n / groups, max = 0, bars = [];
    for (var g = 0; g < groups; g++) {
      var from = Math.floor(g * per), to = Math.max(from + 1, Math.floor((g + 1) * per)), best = -1, f = false, sum = 0, cnt = 0;
      for (var k = from; k < to && k < n; k++) {
        var e = E[withTime[k]];
        if (best < 0 || e.r.t > E[withTime[best]].r.t) { best = k; }
        f = f || e.f;
        sum += e.r.t; cnt++;
      }
      var tm = E[withTime[best]].r.t;
      if (tm > max) { max = tm; }
      bars.push({ x: withTime[best], max: tm, avg: sum / cnt, f: f, one: cnt === 1 });
    }
    max = max || 1;
    var bw = (W - left) / groups, ph = H - top - bottom, gap = bw > 3 ? bw * 0.12 : 0, w = Math.max(0.6, bw - 2 * gap);
    var s = '<svg viewBox="0 0 ' + W + ' ' + H + '" preserveAspectRatio="none" role="img" aria-label="Response time of each request">';
    bars.forEach(function (b, i) {
      var x = (left + i * bw + gap).toFixed(2), e = E[b.x];
      var hMax = Math.max(1, b.max / max * ph), hAvg = Math.max(1, b.avg / max * ph);
      var tip = esc(b.one ? '#' + (b.x + 1) + ' ' + e.n + ': ' + ms(b.max) : 'slowest #' + (b.x + 1) + ' ' + e.n + ': ' + ms(b.max) + ', group average ' + ms(b.avg));
      if (b.one) {
        s += '<rect class="b' + (b.f ? ' f' : '') + '" data-open="' + b.x + '" x="' + x + '" y="' + (top + ph - hMax).toFixed(2) + '" width="' + w.toFixed(2) + '" height="' + hMax.toFixed(2) + '"><title>' + tip + '</title></rect>';
      } else {
        s += '<g data-open="' + b.x + '"><title>' + tip + '</title><rect class="b hi" x="' + x + '" y="' + (top + ph - hMax).toFixed(2) + '" width="' + w.toFixed(2) + '" height="' + hMax.toFixed(2) + '"></rect>' +
          '<rect class="b" x="' + x + '" y="' + (top + ph - hAvg).toFixed(2) + '" width="' + w.toFixed(2) + '" height="' + hAvg.toFixed(2) + '"></rect></g>';
        if (b.f) { s += '<rect class="fm" x="' + x + '" y="' + (top + ph + 2) + '" width="' + Math.max(1.5, w).toFixed(2) + '" height="4"></rect>'; }
      }
    });
    var avg = (M.timings && M.timings.responseAverage) || 0;
    if (avg > 0 && avg <= max) {
      var ay = (top + ph - avg / max * ph).toFixed(2);
      s += '<line class="avg" x1="' + left + '" x2="' + W + '" y1="' + ay + '" y2="' + ay + '"></line>';
    }
    s += '<line class="axis" x1="' + left + '" x2="' + W + '" y1="' + (top + ph) + '" y2="' + (top + ph) + '"></line>';
    s += '<text x="' + (left - 6) + '" y="' + (top + 9) + '" text-anchor="end">' + esc(ms(max)) + '</text>';
    s += '<text x="' + (left - 6) + '" y="' + (top + ph) + '" text-anchor="end">0</text>';
    s += '<text x="' + left + '" y="' + (H - 4) + '">#1</text><text x="' + W + '" y="' + (H - 4) + '" text-anchor="end">#' + num(E.length) + '</text>';
    return s + '</svg>';
  }
  function slowest() {
    var xs = [];
    E.forEach(function (e, x) { if (e.r) { xs.push(x); } });
    xs.sort(function (a, b) { return E[b].r.t - E[a].r.t; });
    xs = xs.slice(0, 5);
    if (xs.length < 2) { return ''; }
    return '<h4>Slowest</h4><ul class="slow">' + xs.map(function (x) {
      var e = E[x];
      return '<li><button type="button" class="lnk" data-open="' + x + '">' + esc(e.n) + '</button>' + (multiIter ? '<span class="muted">iteration ' + (e.i + 1) + '</span>' : '') + '<span class="tm">' + ms(e.r.t) + '</span></li>';
    }).join('') + '</ul>';
  }

  // ---- failures ---------------------------------------------------------
  function renderFailures(all) {
    var F = M.failures || [];
    var box = $('failures');
    if (!F.length) { box.innerHTML = ''; return; }
    var n = all ? F.length : Math.min(F.length, 100);
    var h = '<h2>Failures <span class="muted">' + num(F.length) + '</span></h2><ol class="fails">';
    for (var i = 0; i < n; i++) {
      var f = F[i];
      var what = f.test ? f.test : (atNames[(f.at || '').replace(/^assertion:\d+ in /, '')] || f.at || 'failure');
      var where = [f.parent, f.src].filter(Boolean).join(' / ');
      h += '<li class="fail"><span class="n">' + (i + 1) + '.</span><div><span class="en">' + esc(f.n || 'Error') + '</span> · ' +
        (f.x >= 0 ? '<button type="button" class="lnk what" data-open="' + f.x + '">' + esc(what) + '</button>' : '<span class="what">' + esc(what) + '</span>') +
        ' <span class="where">in ' + esc(where || 'the run') + (multiIter ? ', iteration ' + (f.i + 1) : '') + '</span></div><div class="msg">' + esc(f.m) + '</div></li>';
    }
    h += '</ol>';
    if (n < F.length) { h += '<p><button type="button" class="btn" id="allfails">Show all ' + num(F.length) + ' failures</button></p>'; }
    box.innerHTML = h;
    var b = $('allfails');
    if (b) { b.addEventListener('click', function () { renderFailures(true); }); }
  }
  $('failures').addEventListener('click', function (ev) {
    var t = ev.target.closest('[data-open]');
    if (t) { openExec(+t.getAttribute('data-open')); }
  });

  // ---- request list -----------------------------------------------------
  var F = { show: 'all', q: '', iter: '', folder: '' };
  var view = [], rendered = 0, hay = null;
  var list = $('list'), more = $('more');

  function haystack() {
    if (hay) { return hay; }
    hay = E.map(function (e) {
      var p = [e.n, path(e)];
      if (e.q) { p.push(e.q.m, e.q.u); }
      if (e.r) { p.push(e.r.c, e.r.s); }
      (e.a || []).forEach(function (a) { p.push(a.n, a.e); });
      (e.e || []).forEach(function (x) { p.push(x.n, x.m); });
      return p.join('\n').toLowerCase();
    });
    return hay;
  }
  function matches(e, x, terms) {
    if (F.show === 'failed' && !e.f) { return false; }
    if (F.show === 'passed' && (e.f || e.k)) { return false; }
    if (F.show === 'skipped' && !e.k) { return false; }
    if (F.iter !== '' && e.i !== +F.iter) { return false; }
    if (F.folder !== '') {
      var p = path(e);
      if (F.folder === '/') { if (p) { return false; } } else if (p !== F.folder && p.indexOf(F.folder + ' / ') !== 0) { return false; }
    }
    if (terms.length) {
      var h = haystack()[x];
      for (var i = 0; i < terms.length; i++) { if (h.indexOf(terms[i]) < 0) { return false; } }
    }
    return true;
  }
  function applyFilters() {
    var terms = F.q.toLowerCase().split(/\s+/).filter(Boolean);
    view = [];
    for (var x = 0; x < E.length; x++) { if (matches(E[x], x, terms)) { view.push(x); } }
    list.textContent = '';
    rendered = 0;
    lastIter = -1;
    $('count').textContent = view.length === E.length ? num(E.length) : num(view.length) + ' of ' + num(E.length);
    if (!view.length) { list.innerHTML = '<div class="empty">No request matches.</div>'; }
    renderMore();
  }
  var lastIter = -1;
  function rowHTML(x) {
    var e = E[x], st = state(e), c = assertCounts(e), h = '';
    if (multiIter && e.i !== lastIter) { h += '<div class="ihead">Iteration ' + (e.i + 1) + '</div>'; }
    lastIter = e.i;
    var code = '', cls = '';
    if (e.r) { code = e.r.c + (e.r.s ? ' ' + e.r.s : ''); cls = 'c' + String(e.r.c).charAt(0); }
    else if ((e.e || []).some(function (x) { return x.at === 'request'; })) { code = 'error'; cls = 'err'; }
    else if (e.k) { code = 'skipped'; cls = 'c3'; }
    var p = path(e);
    h += '<div class="row ' + st + '" role="listitem" id="r-' + x + '" data-x="' + x + '"><button type="button" class="rhead" aria-expanded="false">' +
      '<span class="st" aria-label="' + (st === 'fail' ? 'failed' : st === 'skip' ? 'skipped' : 'passed') + '">' + (st === 'fail' ? '✗' : st === 'skip' ? '–' : '✓') + '</span>' +
      '<span class="m">' + esc(e.q ? e.q.m : '') + '</span>' +
      '<span class="nm" title="' + esc(p ? p + ' / ' + e.n : e.n) + '">' + esc(e.n) + (p ? '<span class="path">' + esc(p) + '</span>' : '') + '</span>' +
      '<span class="url" title="' + esc(e.q ? e.q.u : '') + '">' + esc(e.q ? e.q.u : '') + '</span>' +
      '<span class="code ' + cls + '">' + esc(code) + '</span>' +
      '<span class="tm">' + (e.r ? ms(e.r.t) : '') + '</span>' +
      '<span class="sz">' + (e.r ? bytes(e.r.z) : '') + '</span>' +
      '<span class="as">' + (c.pass ? '<span class="p">✓' + c.pass + '</span> ' : '') + (c.fail ? '<span class="x">✗' + c.fail + '</span> ' : '') + (c.skip ? '<span class="k">–' + c.skip + '</span>' : '') + '</span>' +
      '</button><div class="detail" hidden></div></div>';
    return h;
  }
  function renderMore(upTo) {
    var end = Math.min(view.length, Math.max(rendered + BATCH, upTo == null ? 0 : upTo + 1));
    if (end <= rendered) { updateMore(); return; }
    var h = '';
    for (var i = rendered; i < end; i++) { h += rowHTML(view[i]); }
    list.insertAdjacentHTML('beforeend', h);
    rendered = end;
    updateMore();
  }
  function updateMore() {
    more.innerHTML = rendered < view.length ? '<button type="button" class="btn" id="morebtn">Show more (' + num(view.length - rendered) + ' left)</button>' : '';
  }
  more.addEventListener('click', function (ev) { if (ev.target.id === 'morebtn') { renderMore(); } });
  if ('IntersectionObserver' in window) {
    new IntersectionObserver(function (es) {
      if (es.some(function (x) { return x.isIntersecting; }) && rendered < view.length) { renderMore(); }
    }, { rootMargin: '800px' }).observe(more);
  }

  function toggle(row, open) {
    var btn = row.firstElementChild, d = row.lastElementChild;
    if (open == null) { open = d.hidden; }
    if (open && !d.firstChild) { d.innerHTML = detailHTML(E[+row.getAttribute('data-x')]); }
    d.hidden = !open;
    btn.setAttribute('aria-expanded', open ? 'true' : 'false');
  }
  list.addEventListener('click', function (ev) {
    var b = ev.target.closest('.rhead');
    if (b) { toggle(b.parentNode); }
  });

  function kv(pairs, label) {
    if (!pairs || !pairs.length) { return '<h4>' + label + '</h4><p class="muted">none</p>'; }
    return '<details class="hd"' + (label === 'Form' ? ' open' : '') + '><summary>' + label + ' (' + pairs.length + ')</summary><table class="kv"><tbody>' + pairs.map(function (p) {
      return '<tr><td>' + esc(p[0]) + '</td><td>' + esc(p[1]) + '</td></tr>';
    }).join('') + '</tbody></table></details>';
  }
  function bodyHTML(b) {
    if (!b) { return '<h4>Body</h4><p class="muted">empty</p>'; }
    var h = '<h4>Body' + (b.ct ? ' <span class="muted">' + esc(b.ct) + '</span>' : '') + '</h4>';
    if (b.form) {
      return h + '<table class="kv"><tbody>' + b.form.map(function (p) { return '<tr><td>' + esc(p[0]) + '</td><td>' + esc(p[1]) + '</td></tr>'; }).join('') + '</tbody></table>';
    }
    if (b.omit) { return h + '<p class="note">Left out of this report' + (b.z ? ' (' + bytes(b.z) + ')' : '') + '.</p>'; }
    if (b.bin) { return h + '<p class="note">Binary body, ' + bytes(b.z) + ', not shown.</p>'; }
    if (b.miss) { return h + '<p class="note">The JSON report kept only this body\'s size (' + bytes(b.z) + '), not its content.</p>'; }
    var text = b.t || '';
    if (!b.x && text.length < 1 << 20 && /^\s*[\[{]/.test(text)) {
      try { text = JSON.stringify(JSON.parse(text), null, 2); } catch (err) { /* not JSON: show as sent */ }
    }
    if (b.x) {
      h += '<p class="note">Cut short: showing the first ' + bytes(b.lim || M.maxBody) + ' of ' + bytes(b.z) + '.' +
        (b.bud ? ' This page already holds ' + bytes(M.bodyBudget) + ' of bodies, so later ones keep only their start (courier report html --max-body -1 keeps them all).' : '') + '</p>';
    }
    return h + '<pre class="body">' + esc(text) + '</pre>';
  }
  function detailHTML(e) {
    var h = '';
    if (e.k) { h += '<p class="note">The request was skipped (pm.execution.skipRequest).</p>'; }
    if (e.e && e.e.length) {
      h += '<div class="errs">' + e.e.map(function (x) {
        return '<div class="err"><b>' + esc(x.n) + '</b> in the ' + esc(atNames[x.at] || x.at) + ': ' + esc(x.m) + '</div>';
      }).join('') + '</div>';
    }
    if (e.a && e.a.length) {
      h += '<h4>Tests</h4><ul class="asserts">' + e.a.map(function (a) {
        return '<li class="' + a.s + '">' + esc(a.n) + (a.s === 'skip' ? ' <span class="muted">(skipped)</span>' : '') +
          (a.s === 'fail' ? '<span class="msg">' + esc((a.en ? a.en + ': ' : '') + a.e) + '</span>' : '') + '</li>';
      }).join('') + '</ul>';
    }
    if (e.c && e.c.length) {
      h += '<h4>Console</h4><div class="console">' + e.c.map(function (l) {
        return '<div class="' + esc(l.l) + '"><span class="lv">' + esc(l.l) + '</span>' + esc(l.t) + '</div>';
      }).join('') + '</div>';
    }
    h += '<div class="rr"><div class="pane"><h4>Request</h4>';
    if (e.q) {
      h += '<div class="reqline"><b>' + esc(e.q.m) + '</b> ' + esc(e.q.u) + '</div>' + kv(e.q.h, 'Headers') + bodyHTML(e.q.b);
    } else {
      h += '<p class="muted">Not sent.</p>';
    }
    h += '</div><div class="pane"><h4>Response</h4>';
    if (e.r) {
      h += '<div class="reqline"><b>' + esc(e.r.c + (e.r.s ? ' ' + e.r.s : '')) + '</b> · ' + ms(e.r.t) + ' · ' + bytes(e.r.z) + '</div>' + kv(e.r.h, 'Headers') + bodyHTML(e.r.b);
    } else {
      h += '<p class="muted">No response.</p>';
    }
    return h + '</div></div>';
  }

  // openExec shows execution x: widens the filters if they hide it, draws
  // the rows up to it, opens it and scrolls to it.
  function openExec(x) {
    if (!(x >= 0 && x < E.length)) { return; }
    var pos = view.indexOf(x);
    if (pos < 0) {
      F = { show: 'all', q: '', iter: '', folder: '' };
      syncControls();
      applyFilters();
      pos = view.indexOf(x);
    }
    renderMore(pos);
    var row = $('r-' + x);
    if (!row) { return; }
    toggle(row, true);
    row.scrollIntoView({ block: 'start' });
    row.classList.add('flash');
    setTimeout(function () { row.classList.remove('flash'); }, 1600);
    row.firstElementChild.focus({ preventScroll: true });
    if (history.replaceState) { try { history.replaceState(null, '', '#r-' + x); } catch (err) { /* file: URLs may refuse */ } }
  }

  // ---- controls ---------------------------------------------------------
  function syncControls() {
    $('q').value = F.q;
    $('iter').value = F.iter;
    $('folder').value = F.folder;
    Array.prototype.forEach.call(document.querySelectorAll('.seg button'), function (b) {
      var on = b.getAttribute('data-show') === F.show;
      b.classList.toggle('on', on);
      b.setAttribute('aria-pressed', on ? 'true' : 'false');
    });
  }
  function setupControls() {
    var it = $('iter'), h = '<option value="">All iterations</option>';
    for (var i = 0; i < iterations; i++) { h += '<option value="' + i + '">Iteration ' + (i + 1) + '</option>'; }
    it.innerHTML = h;
    it.hidden = iterations < 2;
    var fo = $('folder'), folders = M.folders || [];
    h = '<option value="">All folders</option><option value="/">Top level only</option>';
    folders.forEach(function (f) { h += '<option value="' + esc(f) + '">' + esc(f) + '</option>'; });
    fo.innerHTML = h;
    fo.hidden = !folders.length;
    var timer = 0;
    $('q').addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { F.q = $('q').value; applyFilters(); }, 120);
    });
    it.addEventListener('change', function () { F.iter = it.value; applyFilters(); });
    fo.addEventListener('change', function () { F.folder = fo.value; applyFilters(); });
    document.querySelector('.seg').addEventListener('click', function (ev) {
      var b = ev.target.closest('button');
      if (!b) { return; }
      F.show = b.getAttribute('data-show');
      syncControls();
      applyFilters();
    });
    document.addEventListener('keydown', function (ev) {
      if (ev.key === '/' && document.activeElement.tagName !== 'INPUT') { ev.preventDefault(); $('q').focus(); }
    });
    $('print').addEventListener('click', function () { window.print(); });
  }

  // ---- theme ------------------------------------------------------------
  var themes = ['auto', 'light', 'dark'];
  function setTheme(t) {
    if (t === 'auto') { delete document.documentElement.dataset.theme; } else { document.documentElement.dataset.theme = t; }
    $('theme').textContent = 'Theme: ' + t;
    try { localStorage.setItem('courier-report-theme', t); } catch (err) { /* storage may be off for file: pages */ }
  }
  $('theme').addEventListener('click', function () {
    var cur = document.documentElement.dataset.theme || 'auto';
    setTheme(themes[(themes.indexOf(cur) + 1) % themes.length]);
  });
  try {
    var saved = localStorage.getItem('courier-report-theme');
    if (themes.indexOf(saved) >= 0) { setTheme(saved); }
  } catch (err) { /* as above */ }

  // Printing shows every row of the current view (up to 2,000) with the
  // failed ones open.
  window.addEventListener('beforeprint', function () {
    renderMore(Math.min(view.length, 2000) - 1);
    Array.prototype.forEach.call(list.querySelectorAll('.row.fail'), function (r) { toggle(r, true); });
    Array.prototype.forEach.call(document.querySelectorAll('details.hd'), function (d) { d.open = true; });
  });

  renderSummary();
  renderFailures(false);
  setupControls();
  applyFilters();
  $('footer').textContent = 'Made by ' + (M.generator || 'courier') + ' from the run\'s JSON report' + (M.maxBody > 0 ? ' · bodies over ' + bytes(M.maxBody) + ' are cut short' : '') +
    (M.omitted ? ' · some requests, headers or bodies were left out on purpose' : '') + '.';
  var m = /^#r-(\d+)$/.exec(location.hash);
  if (m) { openExec(+m[1]); }
  document.body.setAttribute('data-ready', '1');
  window.courierReady = performance.now();
})();
