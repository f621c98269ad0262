/**
 * Seed 004's own frontend, unchanged, against a running launcher, and the generated client through the
 * same end-to-end scenario as the Java client. Run by SeedFrontendTest (functions/local), which starts
 * the launcher and passes:
 *   CAMPAIGNFN_URL       the launcher's base URL
 *   CAMPAIGNFN_TOKEN     a marketing_admin bearer token
 *   CAMPAIGNFN_SEED_004  seed 004's document, whose analyticsService.ts and useCampaignAnalytics.ts are
 *                        taken out of it here, compiled as they are, and run under React
 * Prints one line per check; exits 1 on the first failed check, saying what differed.
 */
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { resolveObjectURL } from 'buffer';
import * as ts from 'typescript';
import * as React from 'react';
import * as TestRenderer from 'react-test-renderer';
import {
  AnalyticsApi, BudgetsApi, CampaignType, CampaignsApi, Configuration, EventType, ExportsApi, SpendEntryType, TrackingApi,
} from '../src';
import * as shapes from './seed-shapes';

const BROWSER = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const DAY = 24 * 60 * 60 * 1000;
/** Seed 004's export columns (analytics.service.ts, exportAnalytics), in its order. */
const SEED_EXPORT_HEADER = 'Date,Campaign Name,Template Type,Views,Clicks,Conversions,Impressions,Click Through Rate (%),Conversion Rate (%)';

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set (see the comment at the top of this file)`);
  }
  return value;
}

const baseUrl = required('CAMPAIGNFN_URL');
const token = required('CAMPAIGNFN_TOKEN');
const seedFile = required('CAMPAIGNFN_SEED_004');

function check(condition: boolean, what: string, detail: () => unknown = () => ''): void {
  if (!condition) {
    throw new Error(`${what}: ${JSON.stringify(detail())}`);
  }
  console.log(`ok - ${what}`);
}

function conforms(value: unknown, shape: shapes.Shape, what: string): void {
  const found = shapes.mismatches(value, shape);
  check(found.length === 0, `${what} has every field of the seed's answer, with its type`, () => found);
}

/** The code block that follows a heading of the seed document. */
function seedCode(document: string, heading: string): string {
  const at = document.indexOf(heading);
  if (at < 0) {
    throw new Error(`seed 004 has no section "${heading}"`);
  }
  const open = document.indexOf('```typescript\n', at);
  const close = document.indexOf('\n```', open + 1);
  if (open < 0 || close < 0) {
    throw new Error(`seed 004's section "${heading}" has no typescript block`);
  }
  return document.substring(open + '```typescript\n'.length, close + 1);
}

/**
 * Writes the seed's two files where node resolves react from this package's node_modules, compiled
 * to CommonJS as they are (transpiled, not changed), with the apiClient module they import: an axios
 * instance on the launcher with the token, as a frontend's apiClient is.
 */
function installSeedFrontend(): string {
  const document = fs.readFileSync(seedFile, 'utf8');
  const dir = path.join(__dirname, 'seed-frontend');
  const files: Record<string, string> = {
    'services/analyticsService.ts': seedCode(document, '### API Service: `frontend/src/services/analyticsService.ts`'),
    'hooks/useCampaignAnalytics.ts': seedCode(document, '### React Hook: `frontend/src/hooks/useCampaignAnalytics.ts`'),
  };
  for (const [name, source] of Object.entries(files)) {
    const target = path.join(dir, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, source);
    const output = ts.transpileModule(source, {
      fileName: name,
      reportDiagnostics: true,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
    });
    const errors = (output.diagnostics ?? []).map(d => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    check(errors.length === 0, `seed 004's ${name} compiles unchanged`, () => errors);
    fs.writeFileSync(target.replace(/\.ts$/, '.js'), output.outputText);
  }
  fs.writeFileSync(path.join(dir, 'services/apiClient.js'), `module.exports = require(${JSON.stringify(path.join(__dirname, 'api-client.js'))});\n`);
  return dir;
}

/**
 * What a browser gives the hook: window (its URL and location: the page is served from the API's
 * origin), a document whose links record the downloads, navigator, sessionStorage.
 */
const downloads: { name: string; blob: Blob }[] = [];
function browserGlobals(): void {
  const global = globalThis as Record<string, unknown>;
  global.window = globalThis;
  global.IS_REACT_ACT_ENVIRONMENT = true;
  Object.defineProperty(globalThis, 'navigator', { value: { userAgent: BROWSER }, configurable: true, writable: true });
  global.sessionStorage = { getItem: (_key: string): string | null => null };
  global.location = new URL(baseUrl);
  global.document = {
    referrer: 'https://news.example.com/spring-sale',
    cookie: '',
    body: { appendChild: (): void => undefined, removeChild: (): void => undefined },
    createElement: (tag: string) => {
      const element = {
        tag,
        href: '',
        download: '',
        click(): void {
          const blob = resolveObjectURL(element.href);
          if (!blob) {
            throw new Error(`the download link ${element.href} does not resolve to a Blob`);
          }
          downloads.push({ name: element.download, blob: blob as unknown as Blob });
        },
      };
      return element;
    },
  };
}

async function waitFor<T>(what: string, probe: () => T | undefined): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    let found: T | undefined;
    await TestRenderer.act(async () => {
      await new Promise(resolve => setTimeout(resolve, 25));
      found = probe();
    });
    if (found !== undefined) {
      return found;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
  }
}

/** The Java client's scenario (ClientEndToEndTest) with the generated TypeScript client; answers the campaign's id. */
async function generatedClientScenario(): Promise<string> {
  const configuration = new Configuration({ basePath: baseUrl, accessToken: token });
  const campaigns = new CampaignsApi(configuration);
  const budgets = new BudgetsApi(configuration);
  const tracking = new TrackingApi(configuration);
  const analytics = new AnalyticsApi(configuration);
  const exports = new ExportsApi(configuration);

  const now = Date.now();
  const created = await campaigns.createCampaignRaw({
    campaignCommand: {
      name: `TypeScript client ${randomUUID()}`, type: CampaignType.Multichannel, startDate: new Date(now - DAY),
      endDate: new Date(now + 30 * DAY), budget: 5000, currency: 'EUR', timeZone: 'Europe/Paris', channels: ['email', 'facebook'],
      objectives: ['Sell'],
    },
  });
  check(created.raw.status === 201, 'generated client: campaign created (201)', () => created.raw.status);
  const location = created.raw.headers.get('location') ?? '';
  const id = location.substring(location.lastIndexOf('/') + 1);

  const budget = await budgets.allocateBudget({
    id, budgetCommand: { totalBudget: 5000, contingency: 500, allocations: { email: 1500, facebook: 2500 } },
  });
  check(budget.data?.allocated === 4000, 'generated client: budget allocated', () => budget.data);
  const launched = await campaigns.launchCampaign({ id });
  check(launched.data?.status === 'active', 'generated client: campaign launched', () => launched.data?.status);

  for (let i = 0; i < 6; i++) {
    const type = i < 4 ? EventType.Impression : i === 4 ? EventType.Click : EventType.Conversion;
    const outcome = await tracking.trackEvent({
      trackEvent: {
        eventId: randomUUID(), campaignId: id, eventType: type, channel: 'email', value: i === 5 ? 120 : null, userAgent: BROWSER,
      },
    });
    check(outcome.data?.status === 'accepted' && outcome.data?.success === true, `generated client: ${type} tracked`, () => outcome.data);
  }
  await budgets.recordSpend({
    id, idempotencyKey: randomUUID(), spendCommand: { amount: 60, entryType: SpendEntryType.Spend, channelId: 'email' },
  });

  const report = (await analytics.getCampaignAnalytics({ id, dateRange: '7d', groupBy: 'day' })).data;
  check(report?.summary?.totalImpressions === 4 && report.summary.totalClicks === 1 && report.summary.totalConversions === 1,
    'generated client: the campaign report counts what was tracked', () => report?.summary);
  check(report?.summary?.roas === 2, 'generated client: ROAS is 120 revenue / 60 spend', () => report?.summary?.roas);
  check(report?.dailyStats?.length === 7, 'generated client: seven days in the series', () => report?.dailyStats?.length);

  const dashboard = (await analytics.getDashboard({ campaignIds: id, currency: 'EUR', dateRange: '30d' })).data;
  check(dashboard?.summary?.totalCampaigns === 1 && dashboard.summary.totalRevenue === 120, 'generated client: the dashboard',
    () => dashboard?.summary);

  const csv = await (await exports.exportAnalytics({ campaignId: id, dateRange: '7d', format: 'csv', groupBy: 'day',
    metrics: 'clicks,conversions' })).text();
  const lines = csv.trimEnd().split('\r\n');
  check(lines[0] === 'Date,Campaign Name,Template Type,Clicks,Conversions', 'generated client: the CSV header', () => lines[0]);
  check(lines.length === 8 && lines.slice(1).some(line => line.endsWith(',1,1')), 'generated client: a row per day, the clicks and conversions',
    () => lines);
  return id;
}

/** Seed 004's AnalyticsService, every call, each answer checked against the seed's answer. */
async function seedService(dir: string, id: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { AnalyticsService } = require(path.join(dir, 'services/analyticsService.js'));

  const tracked = await AnalyticsService.trackEvent({
    campaign_id: id, event_type: 'view', event_data: { page: '/spring-sale' }, audience_segment: 'returning', channel: 'email',
    device_type: 'mobile', user_agent: BROWSER, ip_address: '203.0.113.7', referrer_url: 'https://news.example.com/',
    session_id: `s-${randomUUID()}`, user_id: randomUUID(),
  });
  conforms(tracked, shapes.trackedEvent, 'trackEvent');
  check(tracked.data.message === 'Event tracked successfully', "trackEvent: the seed's message", () => tracked.data);

  const filters = { date_range: '7d', group_by: 'day', metrics: ['views', 'clicks', 'conversions'] };
  const analytics = await AnalyticsService.getCampaignAnalytics(id, filters);
  check(analytics.success === true, 'getCampaignAnalytics: success', () => analytics.success);
  conforms(analytics.data, shapes.campaignAnalytics, 'getCampaignAnalytics');
  check(analytics.data.summary.total_views === 1 && analytics.data.summary.total_impressions === 4, 'getCampaignAnalytics: the totals',
    () => analytics.data.summary);

  const summary = await AnalyticsService.getCampaignSummary(id, { date_range: '30d' });
  conforms(summary.data, shapes.campaignSummary, 'getCampaignSummary');
  check(summary.data.summary.campaign_id === id, 'getCampaignSummary: campaign_id', () => summary.data.summary);

  const daily = await AnalyticsService.getCampaignDailyStats(id, { date_range: '7d' });
  conforms(daily.data, shapes.dailyStats, 'getCampaignDailyStats');

  const segmented = await AnalyticsService.getCampaignSegmentedStats(id, { date_range: '7d', segment_by: 'channel' });
  conforms(segmented.data, shapes.segmentedStats, 'getCampaignSegmentedStats');
  check('email' in segmented.data.segmented_stats, 'getCampaignSegmentedStats: grouped by channel',
    () => Object.keys(segmented.data.segmented_stats));

  const compared = await AnalyticsService.getCampaignComparison([id], { date_range: '7d' });
  conforms(compared.data, shapes.comparison, 'getCampaignComparison');

  const stream = await AnalyticsService.getAnalyticsStream({ campaign_id: id, limit: 20 });
  conforms(stream.data, shapes.analyticsStream, 'getAnalyticsStream');
  check(stream.data.events.length === 7, 'getAnalyticsStream: every event of the campaign', () => stream.data.events.length);

  for (const format of ['csv', 'excel'] as const) {
    const blob: Blob = await AnalyticsService.exportAnalytics({ campaign_id: id, date_range: '7d' }, format);
    await checkExport(blob, format, `exportAnalytics(${format})`);
  }
}

async function checkExport(blob: Blob, format: 'csv' | 'excel', what: string): Promise<void> {
  const bytes = Buffer.from(await blob.arrayBuffer());
  if (format === 'csv') {
    const header = bytes.toString('utf8').split('\r\n')[0];
    check(header.startsWith(SEED_EXPORT_HEADER), `${what}: the seed's columns first`, () => header);
  } else {
    check(bytes.subarray(0, 2).toString('latin1') === 'PK', `${what}: an XLSX (zip) file`, () => bytes.subarray(0, 4));
  }
}

/** Seed 004's useCampaignAnalytics under React: fetch on mount, export both ways, track an event. */
async function seedHook(dir: string, id: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { useCampaignAnalytics } = require(path.join(dir, 'hooks/useCampaignAnalytics.js'));
  // one filters object for every render, as a component holding them in state passes them
  const filters = { date_range: '7d', group_by: 'day' };
  let hook: {
    analytics: unknown; loading: boolean; error: string | null;
    exportAnalytics: (format: 'csv' | 'excel') => Promise<void>; trackEvent: (type: string, data?: unknown) => Promise<void>;
  } | undefined;
  function Probe(): null {
    hook = useCampaignAnalytics(id, filters);
    return null;
  }
  let renderer: TestRenderer.ReactTestRenderer | undefined;
  await TestRenderer.act(async () => {
    renderer = TestRenderer.create(React.createElement(Probe));
  });
  const analytics = await waitFor('the hook to load the analytics', () =>
    hook && !hook.loading && (hook.analytics !== null || hook.error !== null) ? hook : undefined);
  check(analytics.error === null, 'useCampaignAnalytics: no error', () => analytics.error);
  conforms(analytics.analytics, shapes.campaignAnalytics, 'useCampaignAnalytics: analytics');

  const today = new Date().toISOString().split('T')[0];
  for (const format of ['csv', 'excel'] as const) {
    const before = downloads.length;
    await TestRenderer.act(async () => {
      await hook?.exportAnalytics(format);
    });
    const download = downloads[before];
    check(download?.name === `campaign_analytics_${id}_${today}.${format === 'excel' ? 'xlsx' : 'csv'}`,
      `useCampaignAnalytics: exportAnalytics(${format}) downloads the file`, () => download?.name);
    await checkExport(download.blob, format, `useCampaignAnalytics: exportAnalytics(${format})`);
  }

  const marker = randomUUID();
  await TestRenderer.act(async () => {
    await hook?.trackEvent('click', { button: 'cta', marker });
  });
  const stream = new AnalyticsApi(new Configuration({ basePath: baseUrl, accessToken: token }));
  const events = (await stream.getAnalyticsStream({ campaignId: id, limit: '50' })).data?.events ?? [];
  const click = events.find(e => (e.eventData as Record<string, unknown> | null | undefined)?.marker === marker);
  check(click?.eventType === 'click' && click.deviceType === 'desktop' && click.isBot === false,
    "useCampaignAnalytics: trackEvent stored the click with the browser's user agent", () => click);
  renderer?.unmount();
}

async function main(): Promise<void> {
  browserGlobals();
  const dir = installSeedFrontend();
  const id = await generatedClientScenario();
  await seedService(dir, id);
  await seedHook(dir, id);
  console.log('all checks passed');
}

main().catch(error => {
  console.error(`not ok - ${error instanceof Error ? error.message : String(error)}`);
  const response = (error as { response?: { status?: number; data?: unknown } }).response;
  if (response) {
    console.error(`answer: ${response.status} ${JSON.stringify(response.data)}`);
  }
  process.exit(1);
});
