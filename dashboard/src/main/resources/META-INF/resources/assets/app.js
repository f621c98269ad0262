// The campaign dashboard: a page over the public API only (the admin routes with a bearer token).
// No build step: plain JavaScript in the browser, Chart.js as a global from assets/vendor.
'use strict';

const API = '/v1/marketing/admin';
const TOKEN_KEY = 'campaignfn.token';
const RANGES = ['7d', '30d', '90d', '1y'];
const GROUPS = ['day', 'week', 'month'];
const SEGMENTS = ['audience_segment', 'channel', 'device_type'];
const EVENT_TYPES = ['impression', 'view', 'click', 'conversion'];
const MODELS = ['last_touch', 'first_touch', 'linear', 'time_decay', 'position_based'];
const ROLES = ['marketing_admin', 'analyst', 'super_admin'];
/** The metrics as the API describes them (GET /analytics/metrics), read once after sign-in: every list of metrics here derives from it. */
let metrics = [];
/** How often the live feed asks for events after its cursor. */
const LIVE_INTERVAL_MS = 2000;
const LIVE_MAX_ROWS = 100;
const EXPORT_POLL_MS = 1000;

const COLORS = {
  impressions: '#8e9aaf', views: '#4c78a8', clicks: '#f58518', conversions: '#54a24b',
  spend: '#e45756', revenue: '#72b7b2', other: ['#4c78a8', '#f58518', '#54a24b', '#e45756', '#72b7b2', '#b279a2', '#ff9da6', '#9d755d']
};

/** What belongs to the view on screen: charts to destroy and timers to stop when it is left. */
const page = { charts: [], timers: [], generation: 0 };
let me = null;

// ------------------------------------------------------------------------------------------ API

class ApiError extends Error {
  constructor(status, problem, fallback) {
    const detail = problem && (problem.detail || problem.message || problem.title);
    const fields = problem && Array.isArray(problem.errors)
      ? problem.errors.map(e => (e.field ? e.field + ': ' : '') + e.message).join('; ') : '';
    super((detail || fallback || 'request failed') + (fields && !String(detail).includes(fields) ? ' (' + fields + ')' : ''));
    this.status = status;
  }
}

/** Deployment settings from assets/config.js (absent or empty on the launcher). */
function settings() {
  return window.CAMPAIGNFN_DASHBOARD || {};
}

function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

function query(params) {
  const search = new URLSearchParams();
  Object.entries(params || {}).forEach(([k, v]) => {
    if (v !== undefined && v !== null && v !== '') search.set(k, v);
  });
  const text = search.toString();
  return text ? '?' + text : '';
}

/** One call of the API; answers the fetch Response when it succeeded, throws ApiError otherwise. */
async function call(method, path, params, body, extraHeaders) {
  const headers = Object.assign({ Accept: 'application/json' }, extraHeaders);
  if (token()) headers.Authorization = 'Bearer ' + token();
  const init = { method, headers };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path + query(params), init);
  } catch (e) {
    throw new ApiError(0, null, 'the API cannot be reached (' + e.message + ')');
  }
  if (response.ok) return response;
  let problem = null;
  try {
    problem = await response.json();
  } catch (e) {
    // not a problem body (a gateway's HTML page, say): the status text says enough
  }
  if (response.status === 401 && path.startsWith(API) && path !== API + '/me') {
    sessionStorage.removeItem(TOKEN_KEY);
    me = null;
    notify('The API refused the token (missing, expired or not valid here): sign in again.', 'error');
    setTimeout(route, 0);
  }
  throw new ApiError(response.status, problem, response.status + ' ' + response.statusText);
}

async function get(path, params) {
  const response = await call('GET', path, params);
  return (await response.json()).data;
}

async function getPage(path, params) {
  const response = await call('GET', path, params);
  return response.json();
}

function can(permission) {
  return !!me && me.permissions.includes(permission);
}

// ------------------------------------------------------------------------------------ formatting

function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

function num(v) {
  return v === null || v === undefined ? '–' : new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 }).format(v);
}

function money(v, currency) {
  if (v === null || v === undefined) return '–';
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(v);
  } catch (e) {
    return new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v) + ' ' + currency;
  }
}

/** The API's percentages are already x100 (CTR 2.5 is 2.5 %), rounded to two decimals as the seed does. */
function pct(v) {
  return v === null || v === undefined ? '–' : new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(v) + ' %';
}

function ratio(v) {
  return v === null || v === undefined ? '–' : new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v) + '×';
}

/** A metric's value as text, by the metric's kind. */
function metricText(metric, v, currency) {
  const unit = metric === 'profit' ? 'currency' : (metrics.find(m => m.metric === metric) || {}).unit;
  if (unit === 'currency') return money(v, currency);
  if (unit === 'percent') return pct(v);
  if (unit === 'ratio') return ratio(v);
  return num(v);
}

/** Period-over-period change: up or down, good or bad (a cost going up is bad). */
function change(metric, v) {
  if (v === null || v === undefined) return '<span class="change none" title="no previous value">n/a</span>';
  const costly = metrics.some(m => m.metric === metric && m.lower_is_better);
  const good = v === 0 ? 'flat' : ((v > 0) !== costly ? 'good' : 'bad');
  const arrow = v > 0 ? '▲' : v < 0 ? '▼' : '•';
  return `<span class="change ${good}" data-change="${esc(v)}">${arrow} ${pct(Math.abs(v))}</span>`;
}

function date(instant, zone) {
  if (!instant) return '–';
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: zone || undefined }).format(new Date(instant));
}

function time(instant) {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' }).format(new Date(instant));
}

function label(text) {
  return String(text || '').replace(/_/g, ' ');
}

function periodText(report) {
  const zone = report.time_zones && report.time_zones.length ? report.time_zones.join(', ') : report.time_zone;
  return `<span data-testid="period">${esc(report.period.start_date)} – ${esc(report.period.end_date)}</span>` +
    ` · <span data-testid="time-zone" title="day buckets are local days of this zone">time zone ${esc(zone)}</span>` +
    ` · <span data-testid="currency">${esc(report.currency)}</span>` +
    ` · by ${esc(report.group_by)}`;
}

// ----------------------------------------------------------------------------- page plumbing

function notify(message, kind) {
  const box = document.querySelector('[data-testid=notice]');
  box.textContent = message;
  box.className = 'notice ' + (kind || 'info');
  box.hidden = !message;
}

function view() {
  return document.getElementById('view');
}

function leave() {
  page.generation += 1;
  page.charts.splice(0).forEach(c => c.destroy());
  page.timers.splice(0).forEach(t => clearTimeout(t));
}

/** True while the view that started some work is still the one on screen. */
function current(generation) {
  return generation === page.generation;
}

function hashRoute() {
  const hash = location.hash.replace(/^#/, '') || '/dashboard';
  const [path, search] = hash.split('?');
  return { parts: path.split('/').filter(Boolean), params: new URLSearchParams(search || '') };
}

function navigate(parts, params) {
  const search = params.toString();
  location.hash = '#/' + parts.join('/') + (search ? '?' + search : '');
}

/** Changes some query parameters of the current view (what the controls do). */
function setParams(changes) {
  const { parts, params } = hashRoute();
  Object.entries(changes).forEach(([k, v]) => (v === null || v === undefined || v === '' ? params.delete(k) : params.set(k, v)));
  navigate(parts, params);
}

/** A panel's body while it loads, when it fails, and when there is nothing to show. */
function loading(what) {
  return `<p class="loading" data-state="loading">Loading ${esc(what)}…</p>`;
}

function failed(what, error) {
  return `<p class="error" data-state="error">Could not load ${esc(what)}: ${esc(error.message)}</p>`;
}

function empty(message) {
  return `<p class="empty" data-state="empty">${esc(message)}</p>`;
}

function fill(selector, html) {
  const target = view().querySelector(selector);
  if (target) target.innerHTML = html;
  return target;
}

function chart(canvas, config) {
  if (typeof Chart === 'undefined') {
    canvas.replaceWith(Object.assign(document.createElement('p'), { className: 'error', textContent: 'The chart library did not load.' }));
    return null;
  }
  config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options || {});
  const instance = new Chart(canvas, config);
  page.charts.push(instance);
  return instance;
}

/** The period controls shared by the dashboard and the campaign view. */
function periodControls(params, defaultRange) {
  const custom = params.has('start_date') || params.get('date_range') === 'custom';
  const range = custom ? 'custom' : (params.get('date_range') || defaultRange);
  return `
    <form class="controls" data-testid="period-controls">
      <label>Range
        <select name="date_range" data-testid="range">
          ${RANGES.map(r => `<option value="${r}" ${r === range ? 'selected' : ''}>${r}</option>`).join('')}
          <option value="custom" ${custom ? 'selected' : ''}>custom</option>
        </select>
      </label>
      <span class="custom-range" ${custom ? '' : 'hidden'}>
        <label>From <input type="date" name="start_date" value="${esc(params.get('start_date') || '')}"></label>
        <label>To <input type="date" name="end_date" value="${esc(params.get('end_date') || '')}"></label>
        <button type="submit">Apply</button>
      </span>
      <label>Group by
        <select name="group_by" data-testid="group-by">
          ${GROUPS.map(g => `<option value="${g}" ${g === (params.get('group_by') || 'day') ? 'selected' : ''}>${g}</option>`).join('')}
        </select>
      </label>
    </form>`;
}

function bindPeriodControls() {
  const form = view().querySelector('[data-testid=period-controls]');
  form.elements.date_range.addEventListener('change', e => {
    if (e.target.value === 'custom') {
      form.querySelector('.custom-range').hidden = false;
    } else {
      setParams({ date_range: e.target.value, start_date: null, end_date: null });
    }
  });
  form.elements.group_by.addEventListener('change', e => setParams({ group_by: e.target.value }));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const start = form.elements.start_date.value;
    const end = form.elements.end_date.value;
    if (!start || !end) {
      notify('Pick both the first and the last day of the custom range.', 'error');
    } else if (start > end) {
      notify('The first day of the range must not be after the last.', 'error');
    } else {
      notify('');
      setParams({ date_range: null, start_date: start, end_date: end });
    }
  });
}

/** The report parameters of the current view's period controls. */
function periodParams(params, defaultRange) {
  if (params.get('start_date') && params.get('end_date')) {
    return { start_date: params.get('start_date'), end_date: params.get('end_date'), group_by: params.get('group_by') || 'day' };
  }
  return { date_range: params.get('date_range') || defaultRange, group_by: params.get('group_by') || 'day' };
}

function card(testid, title, valueHtml, raw, changeHtml) {
  return `<div class="card" data-testid="${esc(testid)}" data-value="${esc(raw ?? '')}">
      <div class="card-title">${esc(title)}</div>
      <div class="card-value">${valueHtml}</div>
      <div class="card-change">${changeHtml || ''}</div>
    </div>`;
}

/** A series chart over report buckets; null when every value of every metric is zero (nothing to draw). */
function seriesChart(canvas, buckets, series, currency) {
  const hasData = buckets.some(b => series.some(s => Number(b[s.key]) !== 0));
  canvas.dataset.buckets = String(buckets.length);
  if (!hasData) return null;
  return chart(canvas, {
    type: 'line',
    data: {
      labels: buckets.map(b => b.date),
      datasets: series.map(s => ({
        label: s.label, data: buckets.map(b => b[s.key]), borderColor: COLORS[s.key], backgroundColor: COLORS[s.key],
        yAxisID: s.money ? 'money' : 'count', tension: 0.2, pointRadius: buckets.length > 60 ? 0 : 2
      }))
    },
    options: {
      interaction: { mode: 'index', intersect: false },
      scales: {
        count: { type: 'linear', position: 'left', beginAtZero: true, title: { display: true, text: 'count' } },
        ...(series.some(s => s.money) ? { money: { type: 'linear', position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: currency } } } : {})
      }
    }
  });
}

// --------------------------------------------------------------------------------- sign in

function renderSignIn(message) {
  document.querySelector('[data-testid=nav]').hidden = true;
  document.querySelector('[data-testid=identity]').hidden = true;
  view().innerHTML = `
    <section class="panel sign-in" data-testid="sign-in">
      <h1>Sign in</h1>
      ${message ? `<p class="error">${esc(message)}</p>` : ''}
      <p>The page calls the API with a bearer token and shows what that token's role may see and do.</p>
      <form class="local-sign-in" data-testid="local-sign-in">
        <h2>On the local launcher</h2>
        <label>Role
          <select name="role" data-testid="role">${ROLES.map(r => `<option value="${r}">${label(r)}</option>`).join('')}</select>
        </label>
        <button type="submit" class="primary" data-testid="local-token">Sign in on this machine</button>
        <p class="hint">The launcher makes a token for the role (it answers only this machine).</p>
      </form>
      ${settings().signInUrl ? `<div class="provider-sign-in">
        <h2>With your identity provider</h2>
        <a class="button primary" data-testid="provider-sign-in" href="${esc(settings().signInUrl)}">Sign in with your identity provider</a>
      </div>` : ''}
      <form class="token-sign-in" data-testid="token-sign-in">
        <h2>With a token</h2>
        <label>Bearer token from your identity provider
          <textarea name="token" rows="3" required spellcheck="false" data-testid="token"></textarea>
        </label>
        <button type="submit">Use this token</button>
      </form>
    </section>`;
  view().querySelector('[data-testid=local-sign-in]').addEventListener('submit', async e => {
    e.preventDefault();
    try {
      const response = await call('GET', '/local/token', { role: e.target.elements.role.value });
      const data = (await response.json()).data;
      await signIn(data.access_token);
    } catch (error) {
      const why = error.status === 404 ? 'there is no local token route here (only the local launcher has one): paste a token instead.'
        : error.message;
      notify('Could not sign in on this machine: ' + why, 'error');
    }
  });
  view().querySelector('[data-testid=token-sign-in]').addEventListener('submit', async e => {
    e.preventDefault();
    await signIn(e.target.elements.token.value.trim().replace(/^Bearer\s+/i, ''));
  });
}

/** Who the token is (GET /me) and the metrics the API describes: read once per sign-in. */
async function loadIdentity() {
  try {
    me = await get(API + '/me');
    metrics = await get(API + '/analytics/metrics');
  } catch (error) {
    me = null;
    throw error;
  }
}

async function signIn(newToken) {
  sessionStorage.setItem(TOKEN_KEY, newToken);
  try {
    await loadIdentity();
    notify('');
    route();
  } catch (error) {
    sessionStorage.removeItem(TOKEN_KEY);
    me = null;
    renderSignIn('The API did not accept that token: ' + error.message);
  }
}

function showIdentity() {
  document.querySelector('[data-testid=nav]').hidden = false;
  const who = document.querySelector('[data-testid=identity]');
  who.hidden = false;
  who.querySelector('.who-name').textContent = `${me.subject} · ${me.roles.map(label).join(', ') || 'no role'}`;
}

// -------------------------------------------------------------------------------- dashboard

async function renderDashboard(params) {
  const generation = page.generation;
  const request = Object.assign(periodParams(params, '30d'), { currency: params.get('currency') || undefined });
  view().innerHTML = `
    <div class="view-head">
      <h1>Dashboard</h1>
      <p class="subtitle" data-testid="dashboard-period"></p>
    </div>
    ${periodControls(params, '30d')}
    <section class="cards" data-testid="totals">${loading('the totals')}</section>
    <div class="grid two">
      <section class="panel"><h2>Trend</h2><div class="chart-box" data-testid="trend">${loading('the trend')}</div></section>
      <section class="panel"><h2>By channel</h2><div class="chart-box" data-testid="channels">${loading('the channels')}</div></section>
    </div>
    <section class="panel"><h2>Top campaigns</h2><div class="table-box" data-testid="top-campaigns">${loading('the top campaigns')}</div></section>
    <div class="grid two">
      <section class="panel"><h2>KPIs</h2><div data-testid="kpis">${loading('the KPIs')}</div></section>
      <section class="panel"><h2>Budget alerts</h2><div data-testid="alerts">${loading('the alerts')}</div></section>
    </div>`;
  bindPeriodControls();
  loadAlerts(generation);
  let dash;
  try {
    dash = await get(API + '/analytics/dashboard', request);
  } catch (error) {
    if (!current(generation)) return;
    ['totals', 'trend', 'channels', 'top-campaigns', 'kpis'].forEach(id => fill(`[data-testid=${id}]`, failed('the dashboard', error)));
    return;
  }
  if (!current(generation)) return;
  const currencies = [dash.currency, ...(dash.other_currencies || []).map(c => c.currency)];
  fill('[data-testid=dashboard-period]', periodText(dash) + (currencies.length > 1
    ? ` · <label>Currency <select data-testid="currency-picker">${currencies.map(c => `<option ${c === dash.currency ? 'selected' : ''}>${esc(c)}</option>`).join('')}</select></label>`
    : ''));
  const picker = view().querySelector('[data-testid=currency-picker]');
  if (picker) picker.addEventListener('change', e => setParams({ currency: e.target.value }));

  const s = dash.summary;
  const ch = dash.period_change_exact || {};
  const cur = dash.currency;
  fill('[data-testid=totals]', s.total_campaigns === 0 ? empty(`No ${cur} campaign ran in this period.`) : [
    card('total-spend', 'Spend', money(s.total_spend, cur), s.total_spend, change('spend', ch.spend)),
    card('total-revenue', 'Revenue', money(s.total_revenue, cur), s.total_revenue, change('revenue', ch.revenue)),
    card('total-roas', 'ROAS', ratio(s.roas), s.roas, change('roas', ch.roas)),
    card('total-roi', 'ROI', pct(s.roi), s.roi, change('roi', ch.roi)),
    card('total-conversions', 'Conversions', num(s.total_conversions), s.total_conversions, change('conversions', ch.conversions)),
    card('total-campaigns', 'Campaigns', `${num(s.total_campaigns)} <small>(${num(s.active_campaigns)} active)</small>`, s.total_campaigns, ''),
    card('total-budget', 'Budget spent', `${money(s.budget_spent, cur)} <small>of ${money(s.total_budget, cur)}</small>`, s.budget_spent, '')
  ].join(''));

  const trendBox = fill('[data-testid=trend]', '<canvas data-testid="trend-chart"></canvas>');
  const trendChart = seriesChart(trendBox.querySelector('canvas'), dash.trends, [
    { key: 'impressions', label: 'Impressions' }, { key: 'clicks', label: 'Clicks' }, { key: 'conversions', label: 'Conversions' },
    { key: 'spend', label: 'Spend', money: true }, { key: 'revenue', label: 'Revenue', money: true }
  ], cur);
  if (!trendChart) trendBox.insertAdjacentHTML('beforeend', empty('No impressions, clicks, conversions, spend or revenue in this period.'));

  const channelBox = fill('[data-testid=channels]', '<canvas data-testid="channel-chart"></canvas>');
  if (dash.by_channel.length === 0) {
    channelBox.innerHTML = empty('No channel had traffic or spend in this period.');
  } else {
    channelBox.querySelector('canvas').dataset.channels = dash.by_channel.map(c => c.channel).join(',');
    chart(channelBox.querySelector('canvas'), {
      type: 'bar',
      data: {
        labels: dash.by_channel.map(c => label(c.channel)),
        datasets: [
          { label: 'Spend', data: dash.by_channel.map(c => c.total_spend), backgroundColor: COLORS.spend },
          { label: 'Revenue', data: dash.by_channel.map(c => c.total_revenue), backgroundColor: COLORS.revenue }
        ]
      },
      options: { scales: { y: { beginAtZero: true, title: { display: true, text: cur } } } }
    });
  }

  fill('[data-testid=top-campaigns]', dash.top_campaigns.length === 0 ? empty('No campaigns in this period.') : `
    <table>
      <thead><tr><th>Campaign</th><th>Status</th><th class="n">Spend</th><th class="n">Revenue</th><th class="n">Conversions</th><th class="n">CTR</th><th class="n">ROAS</th><th class="n">ROI</th></tr></thead>
      <tbody>${dash.top_campaigns.map(c => `
        <tr data-campaign-id="${esc(c.campaign_id)}">
          <td><a href="#/campaigns/${esc(c.campaign_id)}">${esc(c.campaign_name)}</a></td>
          <td><span class="status ${esc(c.status)}">${esc(label(c.status))}</span></td>
          <td class="n">${money(c.total_spend, cur)}</td><td class="n">${money(c.total_revenue, cur)}</td>
          <td class="n">${num(c.total_conversions)}</td><td class="n">${pct(c.click_through_rate)}</td>
          <td class="n">${ratio(c.roas)}</td><td class="n">${pct(c.roi)}</td>
        </tr>`).join('')}</tbody>
    </table>`);

  fill('[data-testid=kpis]', dash.kpis.length === 0 ? empty('No KPIs are set on these campaigns.') : `
    <ul class="kpis">${dash.kpis.map(k => `
      <li data-kpi-id="${esc(k.id)}">
        <span class="badge ${esc(k.status)}" data-testid="kpi-status" title="judged on its ${esc(k.judged_by)}">${esc(label(k.status))}</span>
        <span class="kpi-name">${esc(k.name)}</span> <small>${esc(k.campaign_name)}</small>
        <span class="kpi-progress">${k.metric ? metricText(k.metric, k.current, cur) : num(k.current)} of ${k.metric ? metricText(k.metric, k.target, cur) : num(k.target)} (${pct(k.percentage)})${k.judged_by === 'pace' && k.expected !== null
          ? ` <small data-testid="kpi-pace">on pace: ${k.metric ? metricText(k.metric, k.expected, cur) : num(k.expected)} due after ${pct(k.elapsed_percent)} of the run</small>` : ''}</span>
      </li>`).join('')}</ul>`);
}

async function loadAlerts(generation) {
  let alerts;
  try {
    alerts = await get(API + '/alerts', { open: 'true' });
  } catch (error) {
    if (current(generation)) fill('[data-testid=alerts]', failed('the alerts', error));
    return;
  }
  if (!current(generation)) return;
  fill('[data-testid=alerts]', alerts.length === 0 ? empty('No open alerts.') : `
    <ul class="alerts">${alerts.map(a => `
      <li class="alert ${esc(a.severity)}" data-alert-id="${esc(a.id)}">
        <strong>${esc(a.title)}</strong> <small>${esc(time(a.created_at))}</small>
        <p>${esc(a.message)}</p>
        <a href="#/campaigns/${esc(a.campaign_id)}">Open the campaign</a>
        ${can('campaigns.update') ? `<button type="button" data-acknowledge="${esc(a.id)}">Acknowledge</button>` : ''}
      </li>`).join('')}</ul>`);
  view().querySelectorAll('[data-acknowledge]').forEach(button => button.addEventListener('click', async () => {
    try {
      await call('POST', `${API}/alerts/${button.dataset.acknowledge}/acknowledge`);
      loadAlerts(generation);
    } catch (error) {
      notify('Could not acknowledge the alert: ' + error.message, 'error');
    }
  }));
}

// --------------------------------------------------------------------------------- campaign

async function renderCampaign(id, params) {
  const generation = page.generation;
  const period = periodParams(params, '7d');
  const segmentBy = params.get('segment_by') || 'audience_segment';
  const model = params.get('model') || 'last_touch';
  view().innerHTML = `
    <div class="view-head">
      <p><a href="#/campaigns">← Campaigns</a></p>
      <h1 data-testid="campaign-name">Campaign</h1>
      <p class="subtitle" data-testid="campaign-period"></p>
      <div class="actions" data-testid="campaign-actions"></div>
    </div>
    ${periodControls(params, '7d')}
    <section class="cards" data-testid="campaign-summary">${loading('the summary')}</section>
    <section class="panel"><h2>Views, clicks and conversions</h2><div class="chart-box" data-testid="daily">${loading('the series')}</div></section>
    <div class="grid two">
      <section class="panel">
        <h2>Segments</h2>
        <label>Segment by <select data-testid="segment-by">${SEGMENTS.map(s => `<option value="${s}" ${s === segmentBy ? 'selected' : ''}>${label(s)}</option>`).join('')}</select></label>
        <div data-testid="segments">${loading('the segments')}</div>
      </section>
      <section class="panel"><h2>Funnel</h2><div data-testid="funnel">${loading('the funnel')}</div></section>
    </div>
    <div class="grid two">
      <section class="panel">
        <h2>Attribution</h2>
        <label>Model <select data-testid="attribution-model">${MODELS.map(m => `<option value="${m}" ${m === model ? 'selected' : ''}>${label(m)}</option>`).join('')}</select></label>
        <div data-testid="attribution">${loading('the attribution')}</div>
      </section>
      <section class="panel">
        <h2>Export</h2>
        <div data-testid="exports"></div>
      </section>
    </div>
    <section class="panel"><h2>Platforms</h2>
      <p class="hint">Channels connected to their Meta or Google Ads campaign or e-mail webhook follow this campaign's status and budget there.</p>
      <div class="table-box" data-testid="connections">${loading('the channels')}</div></section>
    <section class="panel"><h2>Live events</h2><div data-testid="live-feed">${loading('the latest events')}</div></section>
    <section class="panel">
      <h2>Events</h2>
      <form class="controls" data-testid="event-filters">
        <label>Type <select name="event_type" data-testid="event-type-filter">
          <option value="">all</option>${EVENT_TYPES.map(t => `<option value="${t}">${label(t)}</option>`).join('')}
        </select></label>
        <label>Channel <input name="channel" size="12" data-testid="event-channel-filter"></label>
        <label>From <input type="date" name="start_date" data-testid="event-from"></label>
        <label>To <input type="date" name="end_date" data-testid="event-to"></label>
        <label><input type="checkbox" name="include_bots" data-testid="event-bots"> bots</label>
        <button type="submit">Show</button>
      </form>
      <div data-testid="event-list">${loading('the events')}</div>
    </section>`;
  bindPeriodControls();
  view().querySelector('[data-testid=segment-by]').addEventListener('change', e => setParams({ segment_by: e.target.value }));
  view().querySelector('[data-testid=attribution-model]').addEventListener('change', e => setParams({ model: e.target.value }));

  get(`${API}/campaigns/${id}`).then(c => current(generation) && renderActions(c))
    .catch(error => current(generation) && fill('[data-testid=campaign-actions]', failed('the campaign', error)));
  renderExports(id, period, generation);
  renderConnections(id, generation);
  startLiveFeed(id, generation);
  startEventList(id, generation);

  const [report, segmented, funnel, attribution] = await Promise.allSettled([
    get(`${API}/analytics/campaigns/${id}`, period),
    get(`${API}/analytics/campaigns/${id}/segmented`, Object.assign({ segment_by: segmentBy }, period)),
    get(`${API}/analytics/campaigns/${id}/funnel`, period),
    get(`${API}/analytics/attribution`, Object.assign({ campaign_ids: id, model }, period))
  ]);
  if (!current(generation)) return;
  if (report.status === 'rejected') {
    fill('[data-testid=campaign-summary]', failed('the campaign report', report.reason));
    fill('[data-testid=daily]', failed('the series', report.reason));
  } else {
    renderReport(report.value);
  }
  if (segmented.status === 'rejected') fill('[data-testid=segments]', failed('the segments', segmented.reason));
  else renderSegments(segmented.value);
  if (funnel.status === 'rejected') fill('[data-testid=funnel]', failed('the funnel', funnel.reason));
  else renderFunnel(funnel.value);
  if (attribution.status === 'rejected') fill('[data-testid=attribution]', failed('the attribution', attribution.reason));
  else renderAttribution(attribution.value);
}

/** Each channel's platform connection: its state (a failing one blocks the launch), what was last pushed, the outbox. */
async function renderConnections(id, generation) {
  let rows;
  try {
    const channels = await get(`${API}/campaigns/${id}/channels`);
    rows = await Promise.all(channels.map(async ch => {
      try {
        return { channel: ch, connection: await get(`${API}/campaigns/${id}/channels/${encodeURIComponent(ch.channel_id)}/connection`) };
      } catch (error) {
        if (error.status === 404) return { channel: ch, connection: null };
        throw error;
      }
    }));
  } catch (error) {
    if (current(generation)) fill('[data-testid=connections]', failed('the connections', error));
    return;
  }
  if (!current(generation)) return;
  const stateClass = { ok: 'active', failing: 'cancelled', unchecked: 'scheduled' };
  fill('[data-testid=connections]', rows.length === 0 ? empty('The campaign has no channels.') : `<table>
    <thead><tr><th>Channel</th><th>Connection</th><th>State</th><th>Last queued</th><th class="n">Pending</th><th class="n">Failed</th><th class="n">Dead</th><th>Spend pulled</th></tr></thead>
    <tbody>${rows.map(({ channel, connection: c }) => `<tr data-channel="${esc(channel.channel_id)}">
      <td>${esc(channel.channel_id)} <small>${esc(channel.platform)}</small></td>
      ${c === null ? '<td colspan="7" data-testid="connection-state">not connected: bookkeeping only</td>' : `
      <td>${esc(label(c.platform))}</td>
      <td><span class="status ${stateClass[c.state] || ''}" data-testid="connection-state" title="${esc(c.state_reason || '')}">${esc(c.state)}</span>${c.state === 'failing' ? ` <small>${esc(c.state_reason || '')}</small>` : ''}</td>
      <td>${esc(c.queued_status || '–')}${c.queued_budget != null ? ' · ' + esc(c.queued_budget) : ''}</td>
      <td class="n">${num(c.pushes.pending)}</td><td class="n" data-testid="pushes-failed">${num(c.pushes.failed)}</td><td class="n">${num(c.pushes.dead)}</td>
      <td>${c.spend_pulled_at ? esc(time(c.spend_pulled_at)) : '–'}${c.spend_pull_error ? ` <small>${esc(c.spend_pull_error)}</small>` : ''}</td>`}</tr>`).join('')}</tbody></table>`);
}

function renderReport(r) {
  const cur = r.currency;
  const s = r.summary;
  const ch = r.period_change_exact || {};
  fill('[data-testid=campaign-name]', `${esc(r.campaign.name)} <span class="status ${esc(r.campaign.status)}">${esc(label(r.campaign.status))}</span>`);
  fill('[data-testid=campaign-period]', periodText(r) + ` · ${esc(label(r.campaign.type))}`);
  fill('[data-testid=campaign-summary]', [
    card('summary-views', 'Views', num(s.total_views), s.total_views, change('views', ch.views)),
    card('summary-clicks', 'Clicks', num(s.total_clicks), s.total_clicks, change('clicks', ch.clicks)),
    card('summary-conversions', 'Conversions', num(s.total_conversions), s.total_conversions, change('conversions', ch.conversions)),
    card('summary-impressions', 'Impressions', num(s.total_impressions), s.total_impressions, change('impressions', ch.impressions)),
    card('summary-ctr', 'CTR', pct(s.click_through_rate), s.click_through_rate, change('ctr', ch.ctr)),
    card('summary-cvr', 'Conversion rate', pct(s.conversion_rate), s.conversion_rate, change('cvr', ch.cvr)),
    card('summary-spend', 'Spend', money(s.total_spend, cur), s.total_spend, change('spend', ch.spend)),
    card('summary-revenue', 'Revenue', money(s.total_revenue, cur), s.total_revenue, change('revenue', ch.revenue)),
    card('summary-roas', 'ROAS', ratio(s.roas), s.roas, change('roas', ch.roas))
  ].join(''));
  const box = fill('[data-testid=daily]', '<canvas data-testid="daily-chart"></canvas>');
  const drawn = seriesChart(box.querySelector('canvas'), r.daily_stats, [
    { key: 'views', label: 'Views' }, { key: 'clicks', label: 'Clicks' }, { key: 'conversions', label: 'Conversions' }
  ], cur);
  if (!drawn) box.insertAdjacentHTML('beforeend', empty('No views, clicks or conversions in this period.'));
}

function renderSegments(r) {
  const cur = r.currency;
  if (r.segments.length === 0) {
    fill('[data-testid=segments]', empty('No traffic in this period.'));
    return;
  }
  const box = fill('[data-testid=segments]', `
    <div class="chart-box small"><canvas data-testid="segment-chart"></canvas></div>
    <div class="table-box"><table>
      <thead><tr><th>${esc(label(r.segment_by))}</th><th class="n">Views</th><th class="n">Clicks</th><th class="n">Conversions</th><th class="n">CTR</th><th class="n">Revenue</th></tr></thead>
      <tbody>${r.segments.map(s => `<tr data-segment="${esc(s.segment)}"><td>${esc(label(s.segment))}</td>
        <td class="n">${num(s.summary.total_views)}</td><td class="n">${num(s.summary.total_clicks)}</td>
        <td class="n">${num(s.summary.total_conversions)}</td><td class="n">${pct(s.summary.click_through_rate)}</td>
        <td class="n">${money(s.summary.total_revenue, cur)}</td></tr>`).join('')}</tbody>
    </table></div>`);
  chart(box.querySelector('canvas'), {
    type: 'bar',
    data: {
      labels: r.segments.map(s => label(s.segment)),
      datasets: ['views', 'clicks', 'conversions'].map(m => ({ label: label(m), data: r.segments.map(s => s.summary['total_' + m]), backgroundColor: COLORS[m] }))
    },
    options: { scales: { y: { beginAtZero: true } } }
  });
}

function renderFunnel(r) {
  const start = r.steps[0].count;
  fill('[data-testid=funnel]', start === 0 ? empty('No impressions in this period.') : `
    <ol class="funnel">${r.steps.map(step => `
      <li data-step="${esc(step.step)}">
        <div class="funnel-bar" style="width:${Math.max(2, (step.count / start) * 100)}%"></div>
        <span class="funnel-label">${esc(label(step.step))}: <strong>${num(step.count)}</strong></span>
        <small>${step.rate_from_previous === null ? '' : pct(step.rate_from_previous) + ' of the previous step · '}${pct(step.rate_from_start)} of impressions</small>
      </li>`).join('')}</ol>`);
}

function renderAttribution(r) {
  const cur = r.currency;
  fill('[data-testid=attribution]', r.by_channel.length === 0 ? empty('No conversions with touches in this period.') : `
    <p class="hint">${num(r.conversions)} conversions, ${esc(r.lookback_days)}-day lookback, ${esc(r.touch_types.join(', '))} touches${r.model === 'time_decay' ? `, half-life ${esc(r.half_life_days)} days` : ''}.</p>
    <div class="table-box"><table>
      <thead><tr><th>Channel</th><th class="n">Conversions credited</th><th class="n">Revenue credited</th></tr></thead>
      <tbody>${r.by_channel.map(c => `<tr data-channel="${esc(c.channel)}"><td>${esc(label(c.channel))}</td><td class="n">${esc(c.conversions)}</td><td class="n">${money(c.revenue, cur)}</td></tr>`).join('')}</tbody>
    </table></div>`);
}

function renderActions(campaign) {
  const final = campaign.status === 'completed' || campaign.status === 'cancelled';
  const stop = campaign.hard_budget_stop
    ? `<span class="badge" data-testid="hard-budget-stop" title="paused when its spend reaches its budget">Hard budget stop: ${money(campaign.actual_spend, campaign.currency)} of ${money(campaign.budget, campaign.currency)} spent</span>`
    : '';
  const toggle = can('campaigns.update') && !final
    ? ` <button type="button" data-testid="toggle-hard-stop">${campaign.hard_budget_stop ? 'Turn the hard budget stop off' : 'Pause when the budget is spent'}</button>`
    : '';
  const paused = campaign.status === 'paused' && campaign.pause_reason
    ? `<p class="hint" data-testid="pause-reason">Paused: ${esc(campaign.pause_reason)}</p>` : '';
  const box = fill('[data-testid=campaign-actions]', lifecycleButtons(campaign) + stop + toggle + paused);
  if (!box) return;
  bindLifecycle(box, campaign);
  const button = box.querySelector('[data-testid=toggle-hard-stop]');
  if (button) button.addEventListener('click', () => toggleHardStop(campaign));
}

/** The campaign written back as it is (channels and KPIs left out, so left as they are) with the stop switched, at its version. */
async function toggleHardStop(c) {
  const command = {
    name: c.name, description: c.description, type: c.type, start_date: c.start_date, end_date: c.end_date, budget: c.budget,
    currency: c.currency, time_zone: c.time_zone, target_audience: c.target_audience, objectives: c.objectives,
    hard_budget_stop: !c.hard_budget_stop
  };
  try {
    await call('PUT', `${API}/campaigns/${c.id}`, null, command, { 'If-Match': `"${c.version}"` });
    notify(`${c.name}: hard budget stop ${c.hard_budget_stop ? 'off' : 'on'}.`, 'info');
    route();
  } catch (error) {
    notify(`Could not change the hard budget stop of ${c.name}: ${error.message}`, 'error');
  }
}

/** Lifecycle buttons: the moves the campaign's state allows, when the caller may update campaigns. */
function lifecycleButtons(campaign) {
  return can('campaigns.update')
    ? campaign.lifecycle_actions.map(a => `<button type="button" data-lifecycle="${esc(a)}">${esc(label(a))}</button>`).join(' ')
    : '';
}

function bindLifecycle(container, campaign) {
  container.querySelectorAll('[data-lifecycle]').forEach(button => button.addEventListener('click', () =>
    lifecycle(campaign.id, button.dataset.lifecycle, campaign.name)));
}

/** Runs a move (asking pause and cancel for their reason), then shows the view again with the new state. */
async function lifecycle(id, action, name) {
  let body;
  if (action === 'pause' || action === 'cancel') {
    const reason = await askReason(`${label(action)} “${name}”`);
    if (reason === null) return;
    body = { reason };
  }
  try {
    await call('POST', `${API}/campaigns/${id}/${action}`, null, body);
    notify(`${name}: ${label(action)} done.`, 'info');
    route();
  } catch (error) {
    notify(`Could not ${label(action)} ${name}: ${error.message}`, 'error');
  }
}

function askReason(title) {
  const dialog = document.querySelector('[data-testid=reason-dialog]');
  dialog.querySelector('.reason-title').textContent = title;
  const input = dialog.querySelector('input[name=reason]');
  input.value = '';
  return new Promise(resolve => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok' ? input.value.trim() : null), { once: true });
    dialog.showModal();
  });
}

function renderExports(id, period, generation) {
  if (!can('analytics.export')) {
    fill('[data-testid=exports]', empty('Your role may not export.'));
    return;
  }
  fill('[data-testid=exports]', `
    <p>The campaign report of this period, one row per ${esc(period.group_by)}.</p>
    <button type="button" data-format="csv" data-testid="export-csv">Download CSV</button>
    <button type="button" data-format="xlsx" data-testid="export-xlsx">Download XLSX</button>
    <p class="hint" data-testid="export-status"></p>`);
  view().querySelectorAll('[data-format]').forEach(button => button.addEventListener('click', () =>
    exportReport(Object.assign({ report: 'campaign', campaign_id: id, format: button.dataset.format }, period), generation)));
}

/** A direct export downloads at once; a large one becomes a job, followed until its file is ready. */
async function exportReport(params, generation) {
  const status = text => current(generation) && fill('[data-testid=export-status]', esc(text));
  status('Preparing the export…');
  try {
    const response = await call('GET', API + '/analytics/export', params);
    if (response.status === 202) {
      let job = (await response.json()).data;
      while (job.status === 'queued' || job.status === 'running') {
        status(`The export is ${job.status} as a background job…`);
        await new Promise(resolve => setTimeout(resolve, EXPORT_POLL_MS));
        if (!current(generation)) return;
        job = await get(`${API}/analytics/exports/${job.id}`);
      }
      if (job.status !== 'succeeded') {
        status(`The export job ${job.status}${job.error ? ': ' + job.error : ''}.`);
        return;
      }
      save(job.download_url, job.file_name);
      status(`Downloaded ${job.file_name} (${num(job.row_count)} rows).`);
      return;
    }
    const disposition = response.headers.get('Content-Disposition') || '';
    const match = /filename="([^"]+)"/.exec(disposition);
    const name = match ? match[1] : 'export.' + params.format;
    const url = URL.createObjectURL(await response.blob());
    save(url, name);
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    status(`Downloaded ${name}.`);
  } catch (error) {
    status('The export failed: ' + error.message);
  }
}

function save(href, name) {
  const link = Object.assign(document.createElement('a'), { href, download: name });
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/** Follows the stream cursor: the newest events first, then every later event once. */
function startLiveFeed(id, generation) {
  let cursor = null;
  const seen = [];
  const poll = async () => {
    if (!current(generation)) return;
    let batch;
    try {
      batch = await get(API + '/analytics/stream', { campaign_id: id, last_updated: cursor, limit: cursor ? 200 : 20 });
    } catch (error) {
      if (current(generation)) fill('[data-testid=live-feed]', failed('the live events', error));
      return;
    }
    if (!current(generation)) return;
    cursor = batch.last_updated;
    seen.unshift(...batch.events);
    seen.sort((a, b) => b.sequence - a.sequence);
    seen.splice(LIVE_MAX_ROWS);
    renderFeed(seen);
    page.timers.push(setTimeout(poll, batch.has_more ? 0 : LIVE_INTERVAL_MS));
  };
  poll();
}

function renderFeed(events) {
  fill('[data-testid=live-feed]', events.length === 0 ? empty('No events yet: new ones appear here as they are tracked.') : `
    <p class="hint">Newest arrivals first, following new events every ${LIVE_INTERVAL_MS / 1000} s.</p>
    ${eventTable(events)}`);
}

function eventTable(events) {
  return `<div class="table-box"><table>
      <thead><tr><th>Occurred</th><th>Event</th><th>Channel</th><th>Segment</th><th>Device</th><th class="n">Value</th></tr></thead>
      <tbody>${events.map(e => `<tr data-event-id="${esc(e.id)}" class="${e.is_bot ? 'bot' : ''}">
        <td>${esc(time(e.occurred_at))}</td><td>${esc(label(e.event_type))}${e.is_bot ? ' <small>(bot)</small>' : ''}</td>
        <td>${esc(label(e.channel) || '–')}</td><td>${esc(label(e.audience_segment) || '–')}</td><td>${esc(e.device_type || '–')}</td>
        <td class="n">${e.value === null ? '' : money(e.value, e.currency)}</td></tr>`).join('')}</tbody>
    </table></div>`;
}

/** Seed 000's events list: the campaign's events newest first by when they happened, filtered, older pages on demand. */
function startEventList(id, generation) {
  const form = view().querySelector('[data-testid=event-filters]');
  let events = [];
  let next = null;
  let filters = {};
  const load = async more => {
    let found;
    try {
      found = await get(`${API}/campaigns/${id}/events`, Object.assign({ limit: 25, cursor: more ? next : null }, filters));
    } catch (error) {
      if (current(generation)) fill('[data-testid=event-list]', failed('the events', error));
      return;
    }
    if (!current(generation)) return;
    events = more ? events.concat(found.events) : found.events;
    next = found.next_cursor;
    const box = fill('[data-testid=event-list]', events.length === 0 ? empty('No events match.') : `
      ${eventTable(events)}
      ${next ? '<button type="button" data-testid="events-more">Older events</button>' : '<p class="hint">No older events.</p>'}`);
    const older = box.querySelector('[data-testid=events-more]');
    if (older) older.addEventListener('click', () => load(true));
  };
  form.addEventListener('submit', e => {
    e.preventDefault();
    const data = new FormData(form);
    filters = {
      event_type: data.get('event_type'), channel: data.get('channel').trim(), start_date: data.get('start_date'),
      end_date: data.get('end_date'), include_bots: data.get('include_bots') ? 'true' : null
    };
    load(false);
  });
  load(false);
}

// -------------------------------------------------------------------------------- campaign list

async function renderCampaigns(params) {
  const generation = page.generation;
  const status = params.get('status') || '';
  const pageNumber = Number(params.get('page') || 1);
  view().innerHTML = `
    <div class="view-head"><h1>Campaigns</h1></div>
    <form class="controls">
      <label>Status <select data-testid="status-filter">
        <option value="">any</option>
        ${['draft', 'scheduled', 'active', 'paused', 'completed', 'cancelled'].map(s => `<option value="${s}" ${s === status ? 'selected' : ''}>${s}</option>`).join('')}
      </select></label>
    </form>
    <section class="panel"><div class="table-box" data-testid="campaign-list">${loading('the campaigns')}</div></section>`;
  view().querySelector('[data-testid=status-filter]').addEventListener('change', e => setParams({ status: e.target.value, page: null }));
  let result;
  try {
    result = await getPage(API + '/campaigns', { status, page: pageNumber, page_size: 25, sort: 'start_date', order: 'desc' });
  } catch (error) {
    if (current(generation)) fill('[data-testid=campaign-list]', failed('the campaigns', error));
    return;
  }
  if (!current(generation)) return;
  const p = result.pagination;
  const box = fill('[data-testid=campaign-list]', result.data.length === 0 ? empty('No campaigns match.') : `
    <table>
      <thead><tr><th>Campaign</th><th>Status</th><th>Type</th><th>Runs</th><th class="n">Budget</th><th>Budget used</th><th>Actions</th></tr></thead>
      <tbody>${result.data.map(c => {
        const used = Number(c.budget) > 0 ? Math.min(100, (Number(c.actual_spend) / Number(c.budget)) * 100) : 0;
        return `<tr data-campaign-id="${esc(c.id)}">
          <td><a href="#/campaigns/${esc(c.id)}">${esc(c.name)}</a></td>
          <td><span class="status ${esc(c.status)}" data-testid="campaign-status">${esc(label(c.status))}</span></td>
          <td>${esc(label(c.type))}</td>
          <td>${esc(date(c.start_date, c.time_zone))} – ${esc(date(c.end_date, c.time_zone))} <small>${esc(c.time_zone)}</small></td>
          <td class="n">${money(c.budget, c.currency)}</td>
          <td><div class="meter" title="${money(c.actual_spend, c.currency)} spent"><div style="width:${used.toFixed(1)}%"></div></div>
            <small data-testid="budget-used">${money(c.actual_spend, c.currency)} · ${pct(Math.round(used * 100) / 100)}</small></td>
          <td class="row-actions">${lifecycleButtons(c)}</td>
        </tr>`;
      }).join('')}</tbody>
    </table>
    <p class="pager">Page ${p.page} of ${Math.max(1, p.total_pages)} · ${num(p.total)} campaigns
      ${p.page > 1 ? '<button type="button" data-page="prev">Previous</button>' : ''}
      ${p.page < p.total_pages ? '<button type="button" data-page="next">Next</button>' : ''}</p>`);
  box.querySelectorAll('[data-page]').forEach(b => b.addEventListener('click', () =>
    setParams({ page: b.dataset.page === 'next' ? p.page + 1 : p.page - 1 })));
  box.querySelectorAll('tr[data-campaign-id]').forEach(row =>
    bindLifecycle(row, result.data.find(c => c.id === row.dataset.campaignId)));
}

// -------------------------------------------------------------------------------- comparison

async function renderCompare(params) {
  const generation = page.generation;
  const selected = (params.get('ids') || '').split(',').filter(Boolean);
  const period = periodParams(params, '30d');
  view().innerHTML = `
    <div class="view-head"><h1>Compare campaigns</h1><p class="subtitle" data-testid="compare-period"></p></div>
    ${periodControls(params, '30d')}
    <section class="panel"><h2>Campaigns</h2><form data-testid="compare-picker">${loading('the campaigns')}</form></section>
    <section class="panel"><div class="table-box" data-testid="comparison">${selected.length < 2 ? empty('Pick two or more campaigns to compare.') : loading('the comparison')}</div></section>`;
  bindPeriodControls();
  getPage(API + '/campaigns', { page_size: 100, sort: 'name', order: 'asc' }).then(result => {
    if (!current(generation)) return;
    const form = fill('[data-testid=compare-picker]', result.data.length === 0 ? empty('There are no campaigns yet.') : `
      <div class="picks">${result.data.map(c => `<label><input type="checkbox" name="ids" value="${esc(c.id)}" ${selected.includes(c.id) ? 'checked' : ''}>
        ${esc(c.name)} <small>${esc(c.currency)} · ${esc(label(c.status))}</small></label>`).join('')}</div>
      <button type="submit" class="primary" data-testid="compare-button">Compare</button>`);
    form.addEventListener('submit', e => {
      e.preventDefault();
      setParams({ ids: [...form.querySelectorAll('input[name=ids]:checked')].map(i => i.value).join(',') });
    });
  }).catch(error => current(generation) && fill('[data-testid=compare-picker]', failed('the campaigns', error)));
  if (selected.length < 2) return;
  let r;
  try {
    r = await get(API + '/analytics/compare', Object.assign({ campaign_ids: selected.join(',') }, period));
  } catch (error) {
    if (current(generation)) fill('[data-testid=comparison]', failed('the comparison', error));
    return;
  }
  if (!current(generation)) return;
  fill('[data-testid=compare-period]', periodText(r));
  const rows = metrics.map(m => [m.metric, m.summary_field, m.label]);
  const tag = c => (r.best && r.best.campaign_id === c.campaign_id ? ' <span class="badge on_track" data-testid="best">best</span>' : '')
    + (r.worst && r.worst.campaign_id === c.campaign_id ? ' <span class="badge behind" data-testid="worst">worst</span>' : '');
  fill('[data-testid=comparison]', `
    ${r.mixed_currencies ? '<p class="hint">These campaigns use several currencies: money leaders are named only within one currency.</p>' : ''}
    <p class="hint">Best and worst by ROAS; the leader of each metric is highlighted (the lowest for costs).</p>
    <table class="compare">
      <thead><tr><th>Metric</th>${r.comparison.map(c => `<th data-campaign-id="${esc(c.campaign_id)}"><a href="#/campaigns/${esc(c.campaign_id)}">${esc(c.campaign_name)}</a>${tag(c)}<br><small>${esc(c.currency)}</small></th>`).join('')}</tr></thead>
      <tbody>${rows.map(([metric, field, title]) => `<tr data-metric="${metric}"><th>${title}</th>${r.comparison.map(c => {
        const leader = r.leaders && r.leaders[metric] && r.leaders[metric].campaign_id === c.campaign_id;
        return `<td class="n ${leader ? 'leader' : ''}">${metricText(metric, c[field], c.currency)}</td>`;
      }).join('')}</tr>`).join('')}</tbody>
    </table>`);
}

// -------------------------------------------------------------------------------- routing

/**
 * A token handed over in the fragment (#access_token=...), as an identity provider's implicit-flow
 * redirect delivers it: kept for this tab, and taken out of the address bar and the history.
 */
function takeTokenFromFragment() {
  const handed = new URLSearchParams(location.hash.replace(/^#/, '')).get('access_token');
  if (!handed) return;
  sessionStorage.setItem(TOKEN_KEY, handed);
  me = null;
  history.replaceState(null, '', location.pathname + location.search + '#/dashboard');
}

// -------------------------------------------------------------------------------- scheduled reports

/** Report schedules: what is sent where and when, each schedule's last deliveries, and a form for those who may manage them. */
async function renderReports() {
  const generation = page.generation;
  const manage = can('settings.manage');
  view().innerHTML = `
    <div class="view-head"><h1>Scheduled reports</h1>
      <p class="subtitle">Each delivers the last complete day, week or month once: an export file and a message to the webhooks.</p></div>
    <section class="panel"><div class="table-box" data-testid="report-schedules">${loading('the schedules')}</div></section>
    ${manage ? `<section class="panel"><h2>New schedule</h2><form class="controls" data-testid="report-form">
      <label>Name <input name="name" required size="20"></label>
      <label>Report <select name="campaign_id" data-testid="report-campaign"><option value="">Dashboard (all campaigns)</option></select></label>
      <label>Every <select name="frequency">${['daily', 'weekly', 'monthly'].map(f => `<option value="${f}" ${f === 'weekly' ? 'selected' : ''}>${f}</option>`).join('')}</select></label>
      <label>File <select name="format"><option value="csv">csv</option><option value="xlsx">xlsx</option></select></label>
      <button type="submit" class="primary" data-testid="report-create">Schedule</button></form></section>` : ''}`;
  const [schedules, campaigns] = await Promise.allSettled([get(API + '/report-schedules'), manage ? getPage(API + '/campaigns', { page_size: 100, sort: 'name' }) : Promise.resolve(null)]);
  if (!current(generation)) return;
  if (schedules.status === 'rejected') {
    fill('[data-testid=report-schedules]', failed('the schedules', schedules.reason));
  } else {
    renderSchedules(schedules.value, generation);
  }
  const form = view().querySelector('[data-testid=report-form]');
  if (!form) return;
  if (campaigns.status === 'fulfilled') {
    form.querySelector('[name=campaign_id]').insertAdjacentHTML('beforeend',
      campaigns.value.data.map(c => `<option value="${esc(c.id)}">${esc(c.name)}</option>`).join(''));
  }
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const data = new FormData(form);
    const campaign = data.get('campaign_id');
    try {
      await call('POST', API + '/report-schedules', null, {
        name: data.get('name'), scope: campaign ? 'campaign' : 'dashboard', campaign_id: campaign || null,
        frequency: data.get('frequency'), format: data.get('format')
      });
      notify('Scheduled: the last complete period is delivered at the next run of the exports job.', 'ok');
      route();
    } catch (error) {
      notify('Could not schedule the report: ' + error.message, 'error');
    }
  });
}

function renderSchedules(schedules, generation) {
  const box = fill('[data-testid=report-schedules]', schedules.length === 0 ? empty('No report is scheduled.') : `<table>
    <thead><tr><th>Name</th><th>Report</th><th>Every</th><th>Time zone</th><th>Due period</th><th>Last deliveries</th></tr></thead>
    <tbody>${schedules.map(s => `<tr data-schedule-id="${esc(s.id)}">
      <td>${esc(s.name)}${s.enabled ? '' : ' <small>(off)</small>'}</td>
      <td>${s.scope === 'campaign' ? `<a href="#/campaigns/${esc(s.campaign_id)}">campaign</a>` : 'dashboard'} · ${esc(s.format)}</td>
      <td>${esc(s.frequency)}</td><td>${esc(s.time_zone)}</td>
      <td>${esc(s.due_period.start_date)} – ${esc(s.due_period.end_date)}</td>
      <td data-testid="deliveries">…</td></tr>`).join('')}</tbody></table>`);
  if (!box) return;
  schedules.forEach(async s => {
    let deliveries;
    try {
      deliveries = await get(`${API}/report-schedules/${s.id}/deliveries`, { limit: 3 });
    } catch (error) {
      deliveries = null;
    }
    if (!current(generation)) return;
    const cell = box.querySelector(`tr[data-schedule-id="${s.id}"] [data-testid=deliveries]`);
    if (cell) cell.innerHTML = deliveries === null ? 'could not be read' : deliveries.length === 0 ? 'none yet'
      : deliveries.map(d => `<span class="status ${d.status === 'delivered' ? 'active' : d.status === 'failed' ? 'cancelled' : 'scheduled'}" title="${esc(d.error || '')}">${esc(d.period_start)} ${esc(d.status)}</span>`).join(' ');
  });
}

// ------------------------------------------------------------------------------------ integrations

/** The analytics destinations events are forwarded to, with what their outbox holds; failed batches replayed from here. */
async function renderIntegrations() {
  const generation = page.generation;
  view().innerHTML = `
    <div class="view-head"><h1>Integrations</h1>
      <p class="subtitle">Accepted events forwarded to GA4, Mixpanel, Amplitude and Segment, each once, by the integrations job.</p></div>
    <section class="panel"><div class="table-box" data-testid="integrations">${loading('the integrations')}</div></section>`;
  if (!can('settings.manage')) {
    fill('[data-testid=integrations]', empty('Only those who may manage settings see the integrations.'));
    return;
  }
  let integrations;
  try {
    integrations = await get(API + '/integrations');
  } catch (error) {
    if (current(generation)) fill('[data-testid=integrations]', failed('the integrations', error));
    return;
  }
  if (!current(generation)) return;
  fill('[data-testid=integrations]', integrations.length === 0 ? empty('No destination is set up: POST /integrations adds one.') : `<table>
    <thead><tr><th>Destination</th><th>Platform</th><th class="n">Events sent</th><th class="n">Pending</th><th class="n">Failed</th>
      <th class="n">Dead</th><th>Last sent</th><th>Last error</th><th></th></tr></thead>
    <tbody>${integrations.map(i => {
      const d = i.deliveries;
      const stuck = d.events_failed + d.events_dead;
      return `<tr data-integration-id="${esc(i.id)}">
        <td>${esc(i.name)}${i.enabled ? '' : ' <small>(off)</small>'}</td><td>${esc(i.platform)}</td>
        <td class="n" data-testid="events-sent">${num(d.events_sent)}</td><td class="n" data-testid="events-pending">${num(d.events_pending)}</td>
        <td class="n" data-testid="events-failed">${num(d.events_failed)}</td><td class="n" data-testid="events-dead">${num(d.events_dead)}</td>
        <td>${d.last_sent_at ? esc(time(d.last_sent_at)) : '–'}</td>
        <td data-testid="last-error">${d.last_error ? `<small title="${esc(time(d.last_error_at))}">${esc(d.last_error)}</small>` : '–'}</td>
        <td>${stuck > 0 ? `<button type="button" data-replay="${esc(i.id)}">Replay ${num(stuck)}</button>` : ''}</td></tr>`;
    }).join('')}</tbody></table>`);
  view().querySelectorAll('[data-replay]').forEach(button => button.addEventListener('click', async () => {
    try {
      const answer = await (await call('POST', `${API}/integrations/${button.dataset.replay}/replay`)).json();
      notify(`${answer.data.replayed} batches queued again: the next run of the integrations job sends them.`, 'ok');
      if (current(generation)) renderIntegrations();
    } catch (error) {
      notify('Could not replay: ' + error.message, 'error');
    }
  }));
}

async function route() {
  leave();
  if (!token()) {
    renderSignIn();
    return;
  }
  if (!me) {
    try {
      await loadIdentity();
    } catch (error) {
      if (error.status !== 401) renderSignIn('Could not check the token: ' + error.message);
      return;
    }
  }
  showIdentity();
  const { parts, params } = hashRoute();
  document.querySelectorAll('[data-nav]').forEach(a => a.classList.toggle('active', a.dataset.nav === parts[0]));
  if (parts[0] === 'campaigns' && parts[1]) {
    await renderCampaign(parts[1], params);
  } else if (parts[0] === 'campaigns') {
    await renderCampaigns(params);
  } else if (parts[0] === 'compare') {
    await renderCompare(params);
  } else if (parts[0] === 'reports') {
    await renderReports();
  } else if (parts[0] === 'integrations') {
    await renderIntegrations();
  } else {
    await renderDashboard(params);
  }
}

document.querySelector('[data-action=sign-out]').addEventListener('click', () => {
  sessionStorage.removeItem(TOKEN_KEY);
  me = null;
  notify('');
  route();
});
window.addEventListener('hashchange', () => {
  notify('');
  takeTokenFromFragment();
  route();
});
takeTokenFromFragment();
route();
