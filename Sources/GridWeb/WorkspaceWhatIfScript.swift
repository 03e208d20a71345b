/// The workspace script's what-if editing (part of `WorkspaceScript.js`, inside its closure): the
/// map's what-if mode (add a facility by clicking, drag one to move it, close or reopen one,
/// change its usable area), the edit list with undo, and after every edit `scenario.evaluate`,
/// whose figures replace the headline figures, the community table and the map's colours.
enum WorkspaceWhatIfScript {
    static let js = #"""
          // ---------- what-if ----------
          // S.wi: the what-if state. edits: the scenario's edits in order; result: scenario.evaluate's
          // answer for them; covered/comm/fac: that answer indexed by building, community, facility.
          S.wi = { on: false, adding: false, edits: [], result: null, covered: {}, comm: {}, fac: {}, next: 1,
            pending: null, name: null, gen: 0 };

          function wiActive() { return S.wi.on && S.wi.result !== null && S.wi.edits.length > 0; }
          function side(r, names) {
            for (var i = 0; i < names.length; i++) { if (r && r[names[i]] !== undefined) { return r[names[i]]; } }
            return null;
          }
          function wiBase() { return side(S.wi.result, ['base', 'before', 'first']); }
          function wiAfter() { return side(S.wi.result, ['scenario', 'after', 'second']); }

          function editText(e) {
            if (e.op === 'add_facility') {
              return t("web.whatif.edit.add", { id: e.id, kind: t('web.kind.' + e.kind), area: dec(e.usable_area_m2, 1) });
            }
            if (e.op === 'move_facility') { return t("web.whatif.edit.move", { id: e.id }); }
            if (e.op === 'close_facility') { return t("web.whatif.edit.close", { id: e.id }); }
            return t("web.whatif.edit.area", { id: e.id, area: dec(e.usable_area_m2, 1) });
          }

          // Evaluates the current edits; an edit the server refuses is taken out again.
          function evaluate(added) {
            var gen = ++S.wi.gen;
            if (!S.wi.edits.length) {
              S.wi.result = null; S.wi.covered = {}; S.wi.comm = {}; S.wi.fac = {};
              wiRefresh(); return Promise.resolve(null);
            }
            return rpc('scenario.evaluate', wiParams(S.wi.edits), true).then(function (r) {
              if (gen !== S.wi.gen) { return r; }
              S.wi.result = r; S.wi.covered = {}; S.wi.comm = {}; S.wi.fac = {};
              (r.buildings_changed || []).forEach(function (b) { S.wi.covered[b.building_id] = b.covered_after; });
              (r.communities || []).forEach(function (c) { S.wi.comm[c.community_id] = c; });
              (r.facilities_changed || r.facilities || []).forEach(function (f) { S.wi.fac[f.id] = f; });
              wiRefresh();
              return r;
            }).catch(function (err) {
              if (added) { var i = S.wi.edits.indexOf(added); if (i >= 0) { S.wi.edits.splice(i, 1); } }
              showError(err);
              if (added) { return evaluate(); }
            });
          }
          // The what-if figures follow the coverage step's measure (straight line, or the walking
          // network), as the map's colours do.
          function wiParams(edits) { return S.network ? { edits: edits.slice(), network: true } : { edits: edits.slice() }; }
          function pushEdit(e) { S.wi.edits.push(e); return evaluate(e); }

          function setWhatIf(on) {
            S.wi.on = on; S.wi.adding = false; S.wi.pending = null;
            wiBar(); wiRefresh();
          }

          // The switch and the add button over the map.
          function wiBar() {
            var bar = $('whatif-bar');
            if (!bar) { return; }
            clear(bar);
            var toggle = el('button', { type: 'button', id: 'whatif-toggle', class: S.wi.on ? 'active' : '',
              text: S.wi.on ? t("web.whatif.off") : t("web.whatif.on") });
            toggle.addEventListener('click', function () { setWhatIf(!S.wi.on); });
            bar.appendChild(toggle);
            if (S.wi.on) {
              var add = el('button', { type: 'button', id: 'whatif-add', class: S.wi.adding ? 'active' : '',
                text: t("web.whatif.add") });
              add.addEventListener('click', function () { S.wi.adding = !S.wi.adding; wiBar(); });
              bar.appendChild(add);
              bar.appendChild(el('span', { class: 'hint', text: S.wi.adding ? t("web.whatif.hint_add") : t("web.whatif.hint") }));
            }
          }

          // After an edit: the what-if box, the step's figures and table, the map.
          function wiRefresh() {
            wiBox();
            if (S.step === 'area' || S.step === 'coverage') { go(S.step, true); } else { draw(); }
            if (S.step === 'scenarios') { scenarioEditsBox(); }
          }

          // The left box: base, scenario and change side by side, the edit list, undo.
          function wiBox() {
            var box = $('whatif');
            if (!box) { return; }
            clear(box);
            box.className = S.wi.on ? 'shown' : '';
            box.setAttribute('data-edits', JSON.stringify(S.wi.edits));
            if (!S.wi.on) { return; }
            box.appendChild(el('h2', { text: S.wi.name ? t("web.whatif.title_named", { name: S.wi.name }) : t("web.whatif.title") }));
            if (wiActive()) {
              var b = wiBase(), a = wiAfter();
              var rows = [
                ['covered', t("web.col.covered_households"), 'households_covered', int, function (v) { return signed(v, int); }],
                ['rate', t("web.col.coverage_rate"), 'coverage_rate', pct, function (v) { return signed(v * 100, function (x) { return dec(x, 1); }) + '%'; }],
                ['meeting', t("web.whatif.meeting"), 'communities_meeting', int, function (v) { return signed(v, int); }],
                ['deficit', t("web.col.deficit"), 'total_deficit_m2', function (v) { return dec(v, 1); }, function (v) { return signed(v, function (x) { return dec(x, 1); }); }],
                ['per100', t("web.col.per100"), 'per100', function (v) { return dec(v, 2); }, function (v) { return signed(v, function (x) { return dec(x, 2); }); }]
              ];
              var head = el('tr', {}, [el('th'), el('th', { text: t("web.whatif.base") }), el('th', { text: t("web.whatif.scenario") }),
                el('th', { text: t("web.whatif.change") })]);
              var body = el('tbody');
              rows.forEach(function (r) {
                var before = b[r[2]], after = a[r[2]];
                var change = (before === null || after === null || before === undefined || after === undefined) ? null : after - before;
                body.appendChild(el('tr', {}, [el('th', { text: r[1] }),
                  el('td', { text: r[3](before), 'data-field': 'wi.' + r[0] + '.base' }),
                  el('td', { text: r[3](after), 'data-field': 'wi.' + r[0] + '.scenario' }),
                  el('td', { text: change === null ? '—' : r[4](change), 'data-field': 'wi.' + r[0] + '.change' })]));
              });
              box.appendChild(el('table', { id: 'whatif-figures', class: 'compare' }, [el('thead', {}, [head]), body]));
              if (S.network) { box.appendChild(el('p', { class: 'note', id: 'whatif-network', text: t("web.whatif.network") })); }
              var changed = (S.wi.result.buildings_changed || []).length;
              box.appendChild(el('p', { class: 'note', id: 'whatif-buildings', text: t("web.whatif.buildings_changed", { count: int(changed) }) }));
            } else {
              box.appendChild(el('p', { class: 'note', text: t("web.whatif.empty") }));
            }
            var list = el('ol', { id: 'edit-list' });
            S.wi.edits.forEach(function (e) { list.appendChild(el('li', { text: editText(e) })); });
            box.appendChild(list);
            var undo = el('button', { type: 'button', id: 'whatif-undo', text: t("web.whatif.undo") });
            undo.disabled = !S.wi.edits.length;
            undo.addEventListener('click', function () { S.wi.edits.pop(); evaluate(); });
            var reset = el('button', { type: 'button', id: 'whatif-clear', text: t("web.whatif.clear") });
            reset.disabled = !S.wi.edits.length;
            reset.addEventListener('click', function () { S.wi.edits = []; S.wi.name = null; evaluate(); });
            var save = el('button', { type: 'button', id: 'whatif-save', text: t("web.whatif.save") });
            save.disabled = !S.wi.edits.length;
            save.addEventListener('click', function () { go('scenarios'); });
            box.appendChild(el('div', { class: 'buttons' }, [undo, reset, save]));
          }

          function signed(v, f) { return v === null || v === undefined ? '—' : (v > 0 ? '+' : v < 0 ? '−' : '±') + f(Math.abs(v)); }

          // The facility as the scenario leaves it (moved, area changed, added), else as imported.
          function facilityNow(id) {
            if (S.wi.on && S.wi.fac[id]) { return S.wi.fac[id]; }
            return S.map ? S.map.facilities.filter(function (f) { return f.id === id; })[0] : null;
          }
          function closedNow(id) { return S.wi.on && S.wi.fac[id] && S.wi.fac[id].change === 'removed'; }

          // A fresh id for an added facility, unlike any facility shown or added.
          function newId() {
            var taken = {};
            (S.map ? S.map.facilities : []).forEach(function (f) { taken[f.id] = true; });
            S.wi.edits.forEach(function (e) { taken[e.id] = true; });
            while (taken['W' + S.wi.next]) { S.wi.next++; }
            return 'W' + S.wi.next;
          }

          // A click on the map in add mode: snapped to a proposed site or candidate within 12 pixels.
          function wiPlace(x, y) {
            var best = null, bestD = 12;
            var near = function (lon, lat, what) {
              var q = project(lon, lat), d = Math.hypot(q[0] - x, q[1] - y);
              if (d <= bestD) { bestD = d; best = { lon: lon, lat: lat, name: what.name || null, from: what }; }
            };
            if (S.site && S.layers.sites) { S.site.sites.forEach(function (s) { near(s.lon, s.lat, s); }); }
            if (S.map && S.layers.candidates) { S.map.candidates.forEach(function (c) { near(c.lon, c.lat, c); }); }
            if (!best) { var p = unproject(x, y); best = { lon: p[0], lat: p[1], name: null }; }
            S.wi.pending = best;
            addForm(best);
            draw();
          }

          // The add form in the details: kind, usable area (the recommended area once computed), name.
          function addForm(p) {
            var d = details();
            d.setAttribute('data-adding', 'true');
            d.appendChild(el('h3', { text: t("web.whatif.new_facility") }));
            var kind = el('select', { id: 'add-kind' });
            Object.keys(KINDS).forEach(function (k) { kind.appendChild(el('option', { value: k, text: t('web.kind.' + k) })); });
            kind.value = 'party_mass_station';
            var area = el('input', { type: 'number', id: 'add-area', min: '0', step: '0.1' });
            var name = el('input', { type: 'text', id: 'add-name' });
            if (p.name) { name.value = p.name; }
            var form = el('div', { class: 'form' }, [
              el('label', {}, [document.createTextNode(t("web.col.kind")), kind]),
              el('label', {}, [document.createTextNode(t("web.col.usable_area")), area]),
              el('label', {}, [document.createTextNode(t("web.col.name")), name])]);
            d.appendChild(form);
            var rec = el('p', { class: 'note', id: 'add-recommended', text: t("web.whatif.recommending") });
            d.appendChild(rec);
            var ok = el('button', { type: 'button', id: 'add-confirm', text: t("web.whatif.add_confirm") });
            var cancel = el('button', { type: 'button', id: 'add-cancel', text: t("web.action.cancel") });
            d.appendChild(el('div', { class: 'buttons' }, [ok, cancel]));
            var typed = false;
            area.addEventListener('input', function () { typed = true; });
            var probe = function () {
              var id = newId();
              var e = { op: 'add_facility', id: id, x: p.lon, y: p.lat, crs: 'EPSG:4326', kind: kind.value, usable_area_m2: 0 };
              rpc('scenario.evaluate', wiParams(S.wi.edits.concat([e]))).then(function (r) {
                var now = wiActive() ? wiAfter().households_covered : side(r, ['base', 'before', 'first']).households_covered;
                var gained = side(r, ['scenario', 'after', 'second']).households_covered - now;
                var standard = (S.area && S.area.standard_m2_per_100_households) || 30;
                var recommended = Math.round(gained * standard / 100 * 10) / 10;
                rec.textContent = t("web.whatif.recommended", { area: dec(recommended, 1), households: int(gained) });
                rec.setAttribute('data-recommended', String(recommended));
                rec.setAttribute('data-gained', String(gained));
                if (!typed) { area.value = recommended.toFixed(1); }
              }).catch(showError);
            };
            kind.addEventListener('change', probe);
            probe();
            ok.addEventListener('click', function () {
              var e = { op: 'add_facility', id: newId(), x: p.lon, y: p.lat, crs: 'EPSG:4326', kind: kind.value,
                usable_area_m2: Math.max(0, parseFloat(area.value) || 0) };
              if (name.value.trim()) { e.name = name.value.trim(); }
              S.wi.pending = null; S.wi.adding = false; wiBar();
              pushEdit(e).then(function () { var f = facilityNow(e.id); if (f) { selectFacility(f); } });
            });
            cancel.addEventListener('click', function () { S.wi.pending = null; details(); draw(); });
          }

          // Proposed sites as what-if facilities (党群服务站点 with the recommended area), movable and
          // removable like any added one.
          function sitesToWhatIf(sites) {
            if (!S.wi.on) { setWhatIf(true); }
            var added = sites.map(function (s) {
              var e = { op: 'add_facility', id: newId(), x: s.lon, y: s.lat, crs: 'EPSG:4326', kind: 'party_mass_station',
                usable_area_m2: Math.round((s.recommended_area_m2 || 0) * 10) / 10 };
              if (s.name) { e.name = s.name; }
              S.wi.edits.push(e);
              return e;
            });
            return evaluate().then(function (r) {
              if (!r) { S.wi.edits = S.wi.edits.filter(function (e) { return added.indexOf(e) < 0; }); wiBox(); }
            });
          }

          // What-if actions on a facility in the details: close or reopen, usable area, moving.
          function facilityActions(d, f) {
            if (!S.wi.on) { return; }
            var box = el('div', { class: 'form', id: 'facility-actions' });
            var added = S.wi.fac[f.id] && S.wi.fac[f.id].change === 'added';
            if (closedNow(f.id)) {
              box.appendChild(el('p', { class: 'note', text: t("web.whatif.closed") }));
              var reopen = el('button', { type: 'button', id: 'facility-reopen', text: t("web.whatif.reopen") });
              reopen.addEventListener('click', function () {
                S.wi.edits = S.wi.edits.filter(function (e) { return !(e.op === 'close_facility' && e.id === f.id); });
                evaluate().then(function () { selectFacility(facilityNow(f.id) || f); });
              });
              box.appendChild(reopen);
            } else {
              var area = el('input', { type: 'number', id: 'facility-area', min: '0', step: '0.1', value: String(f.usable_area_m2) });
              var set = el('button', { type: 'button', id: 'facility-set-area', text: t("web.whatif.set_area") });
              set.addEventListener('click', function () {
                var v = parseFloat(area.value);
                if (!(v >= 0)) { showError(new Error(t("web.whatif.bad_area"))); return; }
                pushEdit({ op: 'set_area', id: f.id, usable_area_m2: v }).then(function () { selectFacility(facilityNow(f.id) || f); });
              });
              box.appendChild(el('label', {}, [document.createTextNode(t("web.col.usable_area")), area]));
              box.appendChild(set);
              var close = el('button', { type: 'button', id: 'facility-close',
                text: added ? t("web.whatif.remove") : t("web.whatif.close") });
              close.addEventListener('click', function () {
                pushEdit({ op: 'close_facility', id: f.id }).then(function () {
                  var g = facilityNow(f.id); if (g && !added) { selectFacility(g); } else { details(); }
                });
              });
              box.appendChild(close);
              box.appendChild(el('p', { class: 'note', text: t("web.whatif.drag") }));
            }
            d.appendChild(box);
          }

          // Dragging a facility in what-if mode moves it (one move edit when the pointer is let go).
          function wiDragStart(e) {
            if (!S.wi.on || S.wi.adding) { return false; }
            var kind = e.target.getAttribute && e.target.getAttribute('data-kind');
            if (kind !== 'facility' || closedNow(e.target.getAttribute('data-id'))) { return false; }
            M.move = { id: e.target.getAttribute('data-id'), node: e.target, x: e.clientX, y: e.clientY, moved: false };
            return true;
          }
          function wiDragMove(e) {
            if (!M.move) { return false; }
            var dx = e.clientX - M.move.x, dy = e.clientY - M.move.y;
            if (Math.abs(dx) + Math.abs(dy) > 3) { M.move.moved = true; }
            if (M.move.moved) { M.move.node.setAttribute('transform', 'translate(' + dx + ',' + dy + ')'); }
            return true;
          }
          function wiDragEnd(e) {
            var mv = M.move;
            M.move = null;
            if (!mv) { return false; }
            if (!mv.moved) { pick(mv.node); return true; }
            var r = $('map').getBoundingClientRect();
            var p = unproject(e.clientX - r.left, e.clientY - r.top);
            pushEdit({ op: 'move_facility', id: mv.id, x: p[0], y: p[1], crs: 'EPSG:4326' });
            return true;
          }

          // Map colours under the scenario: buildings whose coverage changed, communities reshaded.
          function buildingCovered(b) {
            if (wiActive() && S.wi.covered[b.id] !== undefined) { return S.wi.covered[b.id]; }
            return b.covered;
          }
          function communityFigures(c) {
            var w = wiActive() ? S.wi.comm[c.id] : null;
            if (w) {
              return { per100: w.per100_after, covered: w.covered_after, households: w.households };
            }
            var a = S.areaById && S.areaById[c.id];
            return { per100: a ? a.area_per_100_households : null, covered: c.covered_households, households: c.households };
          }

          // Facilities as the scenario leaves them: moved and added ones where they now are, closed
          // ones crossed out.
          function drawFacilities(svg) {
            var gf = sv('g', { class: 'facilities' });
            var drawn = {};
            var one = function (f, state) {
              var q = project(f.lon, f.lat);
              var attrs = { x: (q[0] - 4).toFixed(1), y: (q[1] - 4).toFixed(1), width: '8', height: '8',
                fill: state === 'removed' ? '#bbbbbb' : KINDS[f.kind] || '#777', stroke: state === 'added' ? '#000' : '#fff',
                'stroke-width': state === 'added' ? '2' : '1', 'data-kind': 'facility', 'data-id': f.id, 'data-facility-kind': f.kind };
              if (state) { attrs['data-state'] = state; }
              if (state === 'added') { attrs.x = (q[0] - 6).toFixed(1); attrs.y = (q[1] - 6).toFixed(1); attrs.width = '12'; attrs.height = '12'; attrs['stroke-dasharray'] = '3,2'; }
              gf.appendChild(sv('rect', attrs));
              if (state === 'removed') {
                gf.appendChild(sv('path', { d: 'M' + (q[0] - 6) + ',' + (q[1] - 6) + 'l12,12m0,-12l-12,12', stroke: '#c00', 'stroke-width': '2', class: 'cross' }));
              }
              if (state === 'added') {
                gf.appendChild(sv('text', { x: (q[0] + 8).toFixed(1), y: (q[1] - 6).toFixed(1), text: f.id, class: 'added-label' }));
              }
            };
            (S.map ? S.map.facilities : []).forEach(function (f) {
              var w = S.wi.on ? S.wi.fac[f.id] : null;
              drawn[f.id] = true;
              one(w || f, w ? w.change : null);
            });
            if (S.wi.on) {
              Object.keys(S.wi.fac).forEach(function (id) { if (!drawn[id]) { one(S.wi.fac[id], S.wi.fac[id].change); } });
            }
            if (S.wi.on && S.wi.pending) {
              var q = project(S.wi.pending.lon, S.wi.pending.lat);
              gf.appendChild(sv('circle', { cx: q[0].toFixed(1), cy: q[1].toFixed(1), r: '9', fill: 'none', stroke: '#000',
                'stroke-width': '2', 'stroke-dasharray': '4,2', id: 'pending' }));
            }
            svg.appendChild(gf);
          }

          // The area step's community table under the scenario: before and after side by side.
          function whatIfAreaTable() {
            var rows = (S.wi.result.communities || []).map(function (c) {
              var o = Object.assign({ id: c.community_id }, c);
              return o;
            }).sort(function (x, y) { return y.deficit_after - x.deficit_after; });
            var m1 = function (v) { return dec(v, 1); }, m2 = function (v) { return dec(v, 2); };
            setTable(t("web.whatif.area_table"), [
              { key: 'community_id', label: t("web.col.id") }, { key: 'name', label: t("web.col.name") },
              { key: 'households', label: t("web.col.households"), num: int },
              { key: 'area_m2_before', label: t("web.col.area_before"), num: m1 },
              { key: 'area_m2_after', label: t("web.col.area_after"), num: m1 },
              { key: 'per100_before', label: t("web.col.per100_before"), num: m2 },
              { key: 'per100_after', label: t("web.col.per100_after"), num: m2 },
              { key: 'deficit_before', label: t("web.col.deficit_before"), num: m1 },
              { key: 'deficit_after', label: t("web.col.deficit_after"), num: m1 },
              { key: 'covered_before', label: t("web.col.covered_before"), num: int },
              { key: 'covered_after', label: t("web.col.covered_after"), num: int }
            ], rows, function (r) { selectCommunity(r.community_id); });
          }

        """#
}
