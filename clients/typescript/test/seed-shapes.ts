/**
 * The answers of seed 004's backend, field by field, as its SQL and services build them (views
 * campaign_analytics_daily / _summary / _segmented, the functions get_campaign_analytics,
 * get_campaign_comparison and track_campaign_event, the stream's select with its join). The seed's
 * frontend reads these fields; every answer of ours must have each of them with the same JSON type
 * (ours may carry more fields beside them).
 */

/** A JSON type, or a nested object, list of objects, or map of lists of objects. */
export type Field =
  | 'string'
  | 'number'
  | 'boolean'
  | 'any'
  | { nullable: Field }
  | { object: Shape }
  | { list: Shape }
  | { mapOfLists: Shape };

export type Shape = { [field: string]: Field };

const nullable = (field: Field): Field => ({ nullable: field });
const rate = nullable('number'); // ROUND(x / NULLIF(y, 0) * 100, 2): null over zero

const counts: Shape = { views: 'number', clicks: 'number', conversions: 'number' };

/** marketing_campaigns' columns as getCampaignSummary selects them (getCampaignAnalytics adds created_at). */
const summaryCampaign: Shape = { id: 'string', campaign_name: 'string', template_type: 'string', is_active: 'boolean' };

export const campaignAnalytics: Shape = {
  campaign: { object: { ...summaryCampaign, created_at: 'string' } },
  summary: {
    object: {
      total_views: 'number', total_clicks: 'number', total_conversions: 'number', total_impressions: 'number',
      click_through_rate: rate, conversion_rate: rate,
    },
  },
  daily_stats: {
    list: { date: 'string', ...counts, impressions: 'number', click_through_rate: rate, conversion_rate: rate },
  },
  period_change: { object: { views: 'number', clicks: 'number', conversions: 'number', ctr: 'number' } },
};

export const campaignSummary: Shape = {
  campaign: { object: summaryCampaign },
  summary: {
    object: {
      campaign_id: 'string', total_views: 'number', total_clicks: 'number', total_conversions: 'number',
      total_impressions: 'number', click_through_rate: rate, conversion_rate: rate,
      first_event: 'string', last_event: 'string',
    },
  },
};

export const dailyStats: Shape = {
  daily_stats: {
    list: {
      campaign_id: 'string', analytics_date: 'string', ...counts, impressions: 'number',
      click_through_rate: rate, conversion_rate: rate,
    },
  },
};

export const segmentedStats: Shape = {
  segmented_stats: {
    mapOfLists: {
      campaign_id: 'string', analytics_date: 'string', audience_segment: nullable('string'), channel: nullable('string'),
      device_type: nullable('string'), ...counts, click_through_rate: rate, conversion_rate: rate,
    },
  },
};

export const comparison: Shape = {
  comparison: {
    list: {
      campaign_id: 'string', campaign_name: 'string', total_views: 'number', total_clicks: 'number',
      total_conversions: 'number', click_through_rate: rate, conversion_rate: rate,
    },
  },
};

/** The controller's envelope around track_campaign_event's answer. */
export const trackedEvent: Shape = {
  success: 'boolean',
  data: { object: { success: 'boolean', event_id: 'string', message: 'string' } },
};

export const analyticsStream: Shape = {
  events: {
    list: {
      id: 'string', campaign_id: 'string', event_type: 'string', event_data: 'any',
      audience_segment: nullable('string'), channel: nullable('string'), device_type: nullable('string'),
      created_at: 'string', marketing_campaigns: { object: { campaign_name: 'string' } },
    },
  },
  last_updated: 'string',
};

/** Where a value departs from a shape: one line per field that is missing or of another type. */
export function mismatches(value: unknown, shape: Shape, path = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [`${path || '(answer)'}: expected an object, got ${describe(value)}`];
  }
  const record = value as Record<string, unknown>;
  const found: string[] = [];
  for (const [name, field] of Object.entries(shape)) {
    const where = path ? `${path}.${name}` : name;
    if (!(name in record)) {
      found.push(`${where}: missing`);
    } else {
      found.push(...fieldMismatches(record[name], field, where));
    }
  }
  return found;
}

function fieldMismatches(value: unknown, field: Field, where: string): string[] {
  if (typeof field === 'string') {
    if (field === 'any' || typeof value === field) {
      return [];
    }
    return [`${where}: expected ${field}, got ${describe(value)}`];
  }
  if ('nullable' in field) {
    return value === null ? [] : fieldMismatches(value, field.nullable, where);
  }
  if ('object' in field) {
    return mismatches(value, field.object, where);
  }
  if ('list' in field) {
    if (!Array.isArray(value)) {
      return [`${where}: expected a list, got ${describe(value)}`];
    }
    if (value.length === 0) {
      return [`${where}: empty, so its items cannot be checked`];
    }
    return value.flatMap((item, i) => mismatches(item, field.list, `${where}[${i}]`));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [`${where}: expected a map of lists, got ${describe(value)}`];
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) {
    return [`${where}: empty, so its items cannot be checked`];
  }
  return entries.flatMap(([key, list]) => fieldMismatches(list, { list: field.mapOfLists }, `${where}.${key}`));
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;
}
