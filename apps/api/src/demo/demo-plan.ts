import type { MetricCategory, MetricDirection } from '@bearing/contracts';

/**
 * What the demo workspace holds: the streaming company of the product brief. Everything here
 * is static; dates are computed from "today" by the generators, so the demo is always current.
 */

/** The default seed of `npm start` and `npm run demo:reset`. */
export const DEFAULT_DEMO_SEED = 20_261_126;

export type DemoTeamPlan = {
  slug: string;
  name: string;
  /** Jira project key of the team's generated export. */
  project: string;
  timeZone: string;
  /** Average completed points per sprint the team settles around. */
  velocity: number;
  members: { displayName: string; allocation: number }[];
  /** Words the generated item titles are made of. */
  subjects: readonly string[];
};

export const DEMO_TEAMS: readonly DemoTeamPlan[] = [
  {
    slug: 'ads-platform',
    name: 'Ads Platform',
    project: 'ADS',
    timeZone: 'Europe/Stockholm',
    velocity: 34,
    members: [
      { displayName: 'Astrid Lund', allocation: 1 },
      { displayName: 'Mateo Rossi', allocation: 1 },
      { displayName: 'Priya Nair', allocation: 1 },
      { displayName: 'Jonas Berg', allocation: 0.8 },
      { displayName: 'Chen Wei', allocation: 1 },
    ],
    subjects: [
      'ad decisioning',
      'podcast ad slots',
      'campaign pacing',
      'ad server',
      'frequency cap',
      'advertiser report',
    ],
  },
  {
    slug: 'playback',
    name: 'Playback',
    project: 'PLAY',
    timeZone: 'Europe/Stockholm',
    velocity: 28,
    members: [
      { displayName: 'Elin Sandberg', allocation: 1 },
      { displayName: 'Kwame Mensah', allocation: 1 },
      { displayName: 'Sofia Almeida', allocation: 0.5 },
      { displayName: 'Lukas Novak', allocation: 1 },
    ],
    subjects: [
      'player start-up',
      'audio buffer',
      'offline downloads',
      'stream manifest',
      'crash reporter',
      'ad stitching',
    ],
  },
  {
    slug: 'personalization',
    name: 'Personalization',
    project: 'PERS',
    timeZone: 'America/New_York',
    velocity: 31,
    members: [
      { displayName: 'Maya Goldberg', allocation: 1 },
      { displayName: 'Diego Herrera', allocation: 1 },
      { displayName: 'Aisha Bello', allocation: 1 },
      { displayName: 'Tom Becker', allocation: 0.6 },
    ],
    subjects: [
      'home feed ranking',
      'recommendation model',
      'feature store',
      'shelf layout',
      'cold start',
      'A/B assignment',
    ],
  },
  {
    slug: 'mobile',
    name: 'Mobile',
    project: 'MOB',
    timeZone: 'America/New_York',
    velocity: 26,
    members: [
      { displayName: 'Hana Sato', allocation: 1 },
      { displayName: 'Oliver Grant', allocation: 1 },
      { displayName: 'Leila Haddad', allocation: 1 },
      { displayName: 'Ravi Patel', allocation: 0.8 },
      { displayName: 'Nina Kowalska', allocation: 0.5 },
    ],
    subjects: [
      'home screen',
      'iOS player',
      'Android widget',
      'push opt-in',
      'offline mode',
      'onboarding flow',
    ],
  },
  {
    slug: 'catalog',
    name: 'Catalog',
    project: 'CAT',
    timeZone: 'UTC',
    velocity: 22,
    members: [
      { displayName: 'Samuel Okafor', allocation: 1 },
      { displayName: 'Ingrid Holm', allocation: 1 },
      { displayName: 'Pablo Ruiz', allocation: 1 },
    ],
    subjects: [
      'ingestion pipeline',
      'RSS parser',
      'metadata store',
      'rights checks',
      'episode dedupe',
      'backfill job',
    ],
  },
];

/** Closed two-week sprints per team before the active one: two years of history. */
export const CLOSED_SPRINTS = 52;

export type DemoKpiPlan = {
  key: string;
  name: string;
  unit: string;
  category: MetricCategory;
  direction: MetricDirection;
  description: string;
  /** Level of the series a year ago. */
  start: number;
  /** Change per day (a slow trend). */
  trend: number;
  /** Standard deviation of the day-to-day noise. */
  noise: number;
  /** Real changes XmR should flag: from `daysAgo` on, the level moves by `by`. */
  shifts: { daysAgo: number; by: number }[];
  /** Weekly pattern: weekends move the value by this much. */
  weekend: number;
  digits: number;
  /**
   * Pinned latest value of every guardrailed metric, so the statuses come out as planned
   * (one breached, one warning, the rest fine) whatever noise today's seed draws.
   */
  latest?: number;
};

export const KPI_HISTORY_DAYS = 400;

export const DEMO_KPIS: readonly DemoKpiPlan[] = [
  {
    key: 'ad-fill-rate',
    name: 'Podcast ad fill rate',
    unit: '%',
    category: 'business-impact',
    direction: 'increase-is-good',
    description: 'Share of podcast ad slots filled with a paid ad.',
    start: 61,
    trend: 0.005,
    noise: 1.2,
    shifts: [{ daysAgo: 45, by: 6 }],
    weekend: -1,
    digits: 1,
  },
  {
    key: 'podcast-ad-revenue',
    name: 'Podcast ad revenue',
    unit: 'k€/day',
    category: 'business-impact',
    direction: 'increase-is-good',
    description: 'Net podcast advertising revenue per day.',
    start: 38,
    trend: 0.03,
    noise: 2.5,
    shifts: [{ daysAgo: 40, by: 7 }],
    weekend: -6,
    digits: 1,
  },
  {
    key: 'playback-start-latency-p95',
    name: 'Playback start latency p95',
    unit: 'ms',
    category: 'technical-health',
    direction: 'decrease-is-good',
    description: '95th percentile of the time from pressing play to the first audio frame.',
    start: 820,
    trend: 0,
    noise: 18,
    shifts: [{ daysAgo: 16, by: 190 }],
    weekend: 10,
    digits: 0,
    latest: 1045,
  },
  {
    key: 'crash-free-sessions',
    name: 'Crash-free sessions',
    unit: '%',
    category: 'technical-health',
    direction: 'increase-is-good',
    description: 'Share of app sessions that end without a crash.',
    start: 99.62,
    trend: -0.0008,
    noise: 0.04,
    shifts: [],
    weekend: 0.02,
    digits: 2,
    latest: 99.26,
  },
  {
    key: 'home-feed-ctr',
    name: 'Home-feed click-through rate',
    unit: '%',
    category: 'usage',
    direction: 'increase-is-good',
    description: 'Share of home-feed impressions that lead to a play.',
    start: 7.1,
    trend: 0.002,
    noise: 0.25,
    shifts: [{ daysAgo: 70, by: 0.9 }],
    weekend: 0.3,
    digits: 2,
  },
  {
    key: 'weekly-active-listeners',
    name: 'Weekly active listeners',
    unit: 'M',
    category: 'adoption',
    direction: 'increase-is-good',
    description: 'Distinct listeners with at least one play in the past 7 days.',
    start: 11.2,
    trend: 0.004,
    noise: 0.06,
    shifts: [],
    weekend: 0,
    digits: 2,
  },
  {
    key: 'skip-rate',
    name: 'Skip rate',
    unit: '%',
    category: 'usage',
    direction: 'decrease-is-good',
    description: 'Share of plays skipped within 30 seconds.',
    start: 24.5,
    trend: -0.002,
    noise: 0.5,
    shifts: [],
    weekend: 0.8,
    digits: 1,
    latest: 23.4,
  },
  {
    key: 'catalog-ingestion-lag',
    name: 'Catalog ingestion lag',
    unit: 'min',
    category: 'technical-health',
    direction: 'decrease-is-good',
    description: 'Median time from an episode being published to it being playable.',
    start: 52,
    trend: 0,
    noise: 4,
    shifts: [
      { daysAgo: 120, by: 8 },
      { daysAgo: 30, by: -27 },
    ],
    weekend: -3,
    digits: 0,
  },
  {
    key: 'api-error-rate',
    name: 'API error rate',
    unit: '%',
    category: 'technical-health',
    direction: 'decrease-is-good',
    description: 'Share of API requests answered with a server error.',
    start: 0.31,
    trend: 0,
    noise: 0.03,
    shifts: [],
    weekend: -0.02,
    digits: 2,
    latest: 0.29,
  },
  {
    key: 'search-success-rate',
    name: 'Search success rate',
    unit: '%',
    category: 'usage',
    direction: 'increase-is-good',
    description: 'Share of searches followed by a play within a minute.',
    start: 64,
    trend: 0.004,
    noise: 1.1,
    shifts: [],
    weekend: 1,
    digits: 1,
  },
  {
    key: 'new-podcast-follows',
    name: 'New podcast follows',
    unit: 'k/day',
    category: 'adoption',
    direction: 'increase-is-good',
    description: 'Podcast follows per day.',
    start: 41,
    trend: 0.02,
    noise: 2.8,
    shifts: [],
    weekend: 6,
    digits: 1,
  },
  {
    key: 'premium-conversion',
    name: 'Premium trial conversion',
    unit: '%',
    category: 'business-impact',
    direction: 'increase-is-good',
    description: 'Share of trials that convert to a paid plan.',
    start: 31,
    trend: 0.002,
    noise: 0.9,
    shifts: [],
    weekend: 0,
    digits: 1,
  },
  {
    key: 'listening-hours',
    name: 'Listening hours',
    unit: 'M h/day',
    category: 'usage',
    direction: 'increase-is-good',
    description: 'Hours listened per day, music and podcasts.',
    start: 18.4,
    trend: 0.004,
    noise: 0.35,
    shifts: [],
    weekend: 1.4,
    digits: 2,
  },
];

/** One guardrail per listed metric; the statuses come out of the pinned latest values. */
export const DEMO_GUARDRAILS = [
  // Breached: the latency shift of two weeks ago pushed p95 past 800 + 150 ms.
  {
    metricKey: 'playback-start-latency-p95',
    baseline: 820,
    threshold: { type: 'absolute', value: 150 },
    warnAt: null,
  },
  // Warning: 99.26 % uses 0.28 of the 0.3-point margin below 99.54 %.
  {
    metricKey: 'crash-free-sessions',
    baseline: 99.54,
    threshold: { type: 'absolute', value: 0.3 },
    warnAt: 0.8,
  },
  {
    metricKey: 'skip-rate',
    baseline: 24,
    threshold: { type: 'relative', value: 0.1 },
    warnAt: null,
  },
  {
    metricKey: 'api-error-rate',
    baseline: 0.3,
    threshold: { type: 'absolute', value: 0.2 },
    warnAt: null,
  },
] as const;
