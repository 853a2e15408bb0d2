// Benchmark of @bearing/metrics on a realistic volume: 100 000 work items with ~6 status changes
// each over two years. Run with `npm run bench` (root) or `npm run bench -w @bearing/metrics`
// (`node --expose-gc bench/run.mjs` here), after `npx tsc -p tsconfig.build.json`: it measures
// the BUILT package in ../dist.
//
// Every case runs twice, with the team in UTC and in America/New_York (a zone with daylight
// saving time), and the two are reported side by side with their ratio. Functions that take no
// time zone run the same call in both columns, so their "NY ÷ UTC" shows the run-to-run noise.
//
// Each metric is compared with a floor measured in the same run on the same data and in the
// same zone — the least work any implementation must do. Metric and floor run in alternating
// batches (floor UTC, metric UTC, floor NY, metric NY, then NY first), so all four see the same
// machine load; each ratio is the median over the rounds of one time ÷ the other:
//   flow metrics  one pass turning every change's timestamp into a day of the zone with the
//                 package's own `instantToDay` (every flow metric has to read every timestamp);
//   quantiles     sorting the same values in a Float64Array (a quantile needs the order);
//   Monte Carlo   drawing as many samples with the same seeded PRNG as the simulation draws
//                 (`seededRandom` + pick a sample + add it up);
//   xmr           two passes: the moving ranges |xᵢ − xᵢ₋₁| into an array with the means, then
//                 every point compared with the limits, the zone lines and the mean, and its
//                 moving range with the range limit (limits must exist before any point is
//                 judged; a chart that never compares its points with its limits is no chart).
// Targets: every metric ≤ 2 × its floor in both zones; `cycleTime` in New York ≤ 1.3 × in UTC;
// peak RSS ≤ 400 MB.
import { performance } from 'node:perf_hooks';
import * as metrics from '../dist/index.js';

const { instantToDay, seededRandom } = metrics;

const ITEM_COUNT = 100_000;
const FROM = '2023-01-01';
const TO = '2024-12-31';
const ZONES = ['UTC', 'America/New_York'];
const ZONE_LABELS = ['UTC', 'NY'];
// Flow cases take a second or more per batch; the others a few dozen milliseconds, where a
// descheduled batch skews a ratio, so they run more batches for a steadier median.
const FLOW_BATCHES = 7;
const SHORT_BATCHES = 31;
const FLOOR_RATIO_TARGET = 2;
const ZONE_RATIO_TARGET = 1.3;
const ZONE_RATIO_CASE = 'cycleTime';
const RSS_TARGET_MB = 400;
const HOUR_MS = 3_600_000;

const workflow = Object.freeze({
  stages: [
    { name: 'Backlog', statuses: ['To Do', 'Open'] },
    { name: 'Ready', statuses: ['Ready'] },
    { name: 'In Progress', statuses: ['In Progress'] },
    { name: 'Review', statuses: ['In Review'] },
    { name: 'Done', statuses: ['Done', 'Closed'] },
  ],
  committedStage: 'In Progress',
  doneStage: 'Done',
});

// ---------------------------------------------------------------------------------- data

/** Seeded histories, ~6 changes each: forward flow with unmapped "Blocked" detours, reviews
 * sent back, 10 % never finished; ~1 in 5 timestamps in Jira's `-0500` offset format. */
function generateItems(count, seed) {
  const random = seededRandom(seed);
  const start = Date.parse(`${FROM}T00:00:00Z`);
  const span = Date.parse(`${TO}T23:59:59Z`) - start;
  const format = (ms) =>
    random() < 0.2
      ? new Date(ms - 5 * HOUR_MS).toISOString().replace('Z', '-0500')
      : new Date(ms).toISOString();
  const items = new Array(count);
  for (let index = 0; index < count; index++) {
    let at = start + Math.floor(random() * span * 0.9);
    const createdAt = format(at);
    const changes = [];
    const move = (to, maxHours) => {
      at += Math.floor(1 + random() * maxHours * HOUR_MS);
      changes.push({ at: format(at), to });
    };
    if (random() < 0.5) move('Open', 24 * 5);
    move('Ready', 24 * 10);
    move('In Progress', 24 * 5);
    if (random() < 0.5) {
      move('Blocked', 24 * 3);
      move('In Progress', 24 * 3);
    }
    move('In Review', 24 * 6);
    if (random() < 0.3) {
      move('In Progress', 24 * 2);
      move('In Review', 24 * 3);
    }
    if (random() < 0.9) move(random() < 0.8 ? 'Done' : 'Closed', 24 * 3);
    items[index] = { id: `BRG-${index + 1}`, createdAt, initialStatus: 'To Do', changes };
  }
  return items;
}

// ---------------------------------------------------------------------------- harness

let sink = 0; // every result is folded in here, so no measured work is dead code

/** Enough calls of `run` to last ≥ 40 ms (this also warms it up). */
function calibrate(run) {
  for (let calls = 1; ; calls *= 2) {
    if (timeBatch(run, calls) * calls >= 40) return calls;
  }
}

/** Milliseconds per call over a batch of `calls` calls. */
function timeBatch(run, calls) {
  const started = performance.now();
  for (let call = 0; call < calls; call++) sink += fold(run());
  return (performance.now() - started) / calls;
}

function fold(value) {
  if (typeof value === 'number') return Number.isFinite(value) ? value : 0;
  if (Array.isArray(value)) return value.length;
  return value ? 1 : 0;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ratios = (numerators, denominators) =>
  median(numerators.map((time, batch) => time / denominators[batch]));

/**
 * Times `runIn(zone)` against `floorIn(zone)` in every zone: `batches` rounds, each a batch of
 * the floor and one of the metric per zone (the zones' order alternates between rounds), so that
 * every figure sees the same machine load. Reports per zone the median time per call of the
 * metric and of its floor and the median of the rounds' metric ÷ floor ratios, and the median
 * of the rounds' New York ÷ UTC ratios of the metric.
 * A full GC runs once before each case, not before every batch: right after a forced full GC,
 * V8 shrinks the young generation, which would penalise allocating code unrealistically.
 */
function measureCase(runIn, floorIn, batches = FLOW_BATCHES) {
  globalThis.gc?.();
  const runs = ZONES.map((zone) => (runIn ? () => runIn(zone) : null));
  const floors = ZONES.map((zone) => () => floorIn(zone));
  const floorCalls = floors.map(calibrate);
  const runCalls = runs.map((run) => (run ? calibrate(run) : 0));
  const floorTimes = ZONES.map(() => []);
  const runTimes = ZONES.map(() => []);
  for (let batch = 0; batch < batches; batch++) {
    const zoneOrder = batch % 2 === 0 ? ZONES.keys() : [...ZONES.keys()].reverse();
    for (const zone of zoneOrder) {
      floorTimes[zone].push(timeBatch(floors[zone], floorCalls[zone]));
      if (runs[zone]) runTimes[zone].push(timeBatch(runs[zone], runCalls[zone]));
    }
  }
  return {
    zones: ZONES.map((_, zone) => ({
      ms: runIn ? median(runTimes[zone]) : null,
      floorMs: median(floorTimes[zone]),
      floorRatio: runIn ? ratios(runTimes[zone], floorTimes[zone]) : null,
    })),
    zoneRatio: runIn ? ratios(runTimes[1], runTimes[0]) : null,
  };
}

const rows = [];
function record(name, items, floorName, measured) {
  rows.push({ name, items, floorName, ...measured });
}

// ------------------------------------------------------------------------------ measure

const generationStarted = performance.now();
const items = generateItems(ITEM_COUNT, 20_240_101);
const changeCount = items.reduce((sum, item) => sum + item.changes.length, 0);
const distinctInstants = new Set(
  items.flatMap((item) => [item.createdAt, ...item.changes.map((change) => change.at)]),
).size;
const generationMs = performance.now() - generationStarted;
globalThis.gc?.();
const rssAfterData = process.memoryUsage().rss;

const FLOW_FLOOR = 'instantToDay of every change';
const parseEveryChange = (timeZone) => {
  let days = 0;
  for (const item of items) {
    for (const change of item.changes) days += instantToDay(change.at, timeZone).length;
  }
  return days;
};

/** A per-item flow metric over every item, folded into a number. */
const everyItem = (metric) => (timeZone) => {
  const options = { timeZone };
  let total = 0;
  for (const item of items) total += metric(item, options);
  return total;
};

record(
  'cycleTime',
  ITEM_COUNT,
  FLOW_FLOOR,
  measureCase(
    everyItem((item, options) => metrics.cycleTime(item, workflow, options) ?? 0),
    parseEveryChange,
  ),
);
record(
  'leadTime',
  ITEM_COUNT,
  FLOW_FLOOR,
  measureCase(
    everyItem((item, options) => metrics.leadTime(item, workflow, options) ?? 0),
    parseEveryChange,
  ),
);
record(
  'stageEntryDays',
  ITEM_COUNT,
  FLOW_FLOOR,
  measureCase(
    everyItem((item, options) =>
      metrics.stageEntryDays(item, workflow, options).Done === null ? 0 : 1,
    ),
    parseEveryChange,
  ),
);
record(
  'cumulativeFlow, 2 years by day',
  ITEM_COUNT,
  FLOW_FLOOR,
  measureCase(
    (timeZone) => metrics.cumulativeFlow(items, workflow, { from: FROM, to: TO, timeZone }),
    parseEveryChange,
  ),
);
record(
  'wip, 2 years by day',
  ITEM_COUNT,
  FLOW_FLOOR,
  measureCase(
    (timeZone) => metrics.wip(items, workflow, { from: FROM, to: TO, timeZone }),
    parseEveryChange,
  ),
);
record(
  'throughput by week',
  ITEM_COUNT,
  FLOW_FLOOR,
  measureCase(
    (timeZone) =>
      metrics.throughput(items, workflow, { from: FROM, to: TO, interval: 'week', timeZone }),
    parseEveryChange,
  ),
);
record(
  'agingWip as of the last day',
  ITEM_COUNT,
  FLOW_FLOOR,
  measureCase((timeZone) => metrics.agingWip(items, workflow, TO, { timeZone }), parseEveryChange),
);
const rssAfterFlow = process.memoryUsage().rss;

const cycleTimes = [];
for (const item of items) {
  const days = metrics.cycleTime(item, workflow);
  if (days !== null) cycleTimes.push(days);
}
const sortCycleTimes = () => Float64Array.from(cycleTimes).sort()[0];
record(
  'quantiles p50/p70/p85/p95 of cycle times',
  cycleTimes.length,
  'Float64Array sort',
  measureCase(
    () => metrics.quantiles(cycleTimes, [0.5, 0.7, 0.85, 0.95]),
    sortCycleTimes,
    SHORT_BATCHES,
  ),
);
record(
  'quantile p85 of cycle times',
  cycleTimes.length,
  'Float64Array sort',
  measureCase(() => metrics.quantile(cycleTimes, 0.85), sortCycleTimes, SHORT_BATCHES),
);

const dailyThroughput = metrics
  .throughput(items, workflow, { from: '2024-10-01', to: TO, interval: 'day' })
  .map((bucket) => bucket.count / 20); // one team's share of the 100 000 items
const whenInput = { samples: dailyThroughput, remaining: 200, trials: 10_000, seed: 42 };
const forecast = metrics.monteCarloWhen(whenInput);
const draws = Math.round(
  forecast.distribution.reduce((sum, { days, probability }) => sum + days * probability, 0) *
    forecast.trials +
    forecast.unfinished * 3650,
);
record(
  `monteCarloWhen, 200 items (${(draws / 1e6).toFixed(2)} M draws)`,
  whenInput.trials,
  'same number of PRNG draws',
  measureCase(
    () => metrics.monteCarloWhen(whenInput).p85,
    () => {
      const random = seededRandom(42);
      const samples = Float64Array.from(dailyThroughput);
      let total = 0;
      for (let draw = 0; draw < draws; draw++) {
        total += samples[Math.floor(random() * samples.length)];
      }
      return total;
    },
    SHORT_BATCHES,
  ),
);

const xmrValues = cycleTimes.slice(0, 10_000);
const xmrAvailable = typeof metrics.xmr === 'function';
record(
  'xmr, 10 000 points',
  xmrValues.length,
  'two passes: ranges, then every point on the chart',
  measureCase(
    xmrAvailable ? () => metrics.xmr(xmrValues, { lowerBound: 0 })?.signals.length ?? 0 : null,
    () => {
      // An XmR chart cannot place a point before its limits exist, so the least any
      // implementation does is two passes: the moving ranges and the means, then every point
      // placed on the chart — compared with each line its rules read (the natural process
      // limits, the zone lines half-way to them, the central line) and its moving range with the
      // range limit. What the floor leaves out is the rules' own bookkeeping (the four-value
      // window, the run length) and building the signals. A plain array like xmr's
      // `movingRanges` (a typed array's off-heap buffer would add "external memory pressure"
      // GCs that slow down what runs next).
      const count = xmrValues.length;
      const ranges = new Array(count - 1);
      let sum = xmrValues[0];
      let rangeSum = 0;
      for (let index = 1; index < count; index++) {
        ranges[index - 1] = Math.abs(xmrValues[index] - xmrValues[index - 1]);
        rangeSum += ranges[index - 1];
        sum += xmrValues[index];
      }
      const mean = sum / count;
      const averageRange = rangeSum / (count - 1);
      const upperLimit = mean + 2.66 * averageRange;
      const lowerNatural = mean - 2.66 * averageRange;
      const lowerLimit = lowerNatural < 0 ? -Infinity : lowerNatural; // as `lowerBound: 0`
      const upperZone = mean + 1.33 * averageRange;
      const lowerZone = mean - 1.33 * averageRange;
      const upperRangeLimit = 3.268 * averageRange;
      let placed = 0;
      for (let index = 0; index < count; index++) {
        const value = xmrValues[index];
        if (value > upperLimit || value < lowerLimit) placed += 8;
        if (value > upperZone) placed += 4;
        else if (value < lowerZone) placed += 2;
        if (value > mean) placed++;
        else if (value < mean) placed--;
        if (index > 0 && ranges[index - 1] > upperRangeLimit) placed += 16;
      }
      return placed + rangeSum;
    },
    SHORT_BATCHES,
  ),
);

// -------------------------------------------------------------------------------- report

const peakRssMb = process.resourceUsage().maxRSS / 1024;
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(0);
const ms = (value) => (value === null ? 'n/a' : value.toFixed(2));
const ratio = (value) => (value === null ? 'n/a' : value.toFixed(2));

const table = rows.map(({ name, items: count, floorName, zones, zoneRatio }) => {
  const row = { benchmark: name, items: count.toLocaleString('en-US') };
  ZONE_LABELS.forEach((label, zone) => (row[`${label} ms`] = ms(zones[zone].ms)));
  row['NY ÷ UTC'] = ratio(zoneRatio);
  row.floor = floorName;
  ZONE_LABELS.forEach((label, zone) => (row[`${label} floor ms`] = ms(zones[zone].floorMs)));
  ZONE_LABELS.forEach((label, zone) => (row[`÷ floor ${label}`] = ratio(zones[zone].floorRatio)));
  return row;
});

const columns = Object.keys(table[0]);
const widths = columns.map((column) =>
  Math.max(column.length, ...table.map((row) => String(row[column]).length)),
);
const line = (cells) =>
  `| ${cells.map((cell, index) => String(cell).padEnd(widths[index])).join(' | ')} |`;
console.log(
  `@bearing/metrics benchmark — node ${process.version}, ${process.platform}/${process.arch}`,
);
console.log(
  `data: ${ITEM_COUNT.toLocaleString('en-US')} items, ${changeCount.toLocaleString('en-US')} status changes, ${distinctInstants.toLocaleString('en-US')} distinct instants, ${FROM} … ${TO} (generated in ${generationMs.toFixed(0)} ms)`,
);
console.log(`zones: ${ZONES.map((zone, index) => `${ZONE_LABELS[index]} = ${zone}`).join(', ')}`);
console.log('');
console.log(line(columns));
console.log(line(widths.map((width) => '-'.repeat(width))));
for (const row of table) console.log(line(columns.map((column) => row[column])));
console.log('');
console.log(
  `memory: rss after data ${mb(rssAfterData)} MB, after flow runs ${mb(rssAfterFlow)} MB, peak (maxRSS) ${peakRssMb.toFixed(0)} MB`,
);

const failures = [];
for (const { name, zones, zoneRatio } of rows) {
  zones.forEach(({ floorRatio }, zone) => {
    if (floorRatio !== null && floorRatio > FLOOR_RATIO_TARGET) {
      failures.push(`${name} in ${ZONE_LABELS[zone]}: ${ratio(floorRatio)} × floor`);
    }
  });
  if (name === ZONE_RATIO_CASE && (zoneRatio === null || zoneRatio > ZONE_RATIO_TARGET)) {
    failures.push(`${name}: NY ÷ UTC ${ratio(zoneRatio)}`);
  }
}
if (peakRssMb > RSS_TARGET_MB) failures.push(`peak RSS > ${RSS_TARGET_MB} MB`);
if (!xmrAvailable) console.log('xmr: not available (not exported by this build)');
const targets = `every metric ≤ ${FLOOR_RATIO_TARGET} × its floor in both zones, ${ZONE_RATIO_CASE} NY ÷ UTC ≤ ${ZONE_RATIO_TARGET}, peak RSS ≤ ${RSS_TARGET_MB} MB`;
console.log(
  failures.length === 0
    ? `targets met: ${targets}`
    : `targets missed (${targets}): ${failures.join('; ')}`,
);
process.exitCode = failures.length === 0 ? 0 : 1;
// Printing the folded results keeps the engine from treating the measured work as dead code.
console.log(`checksum ${sink.toFixed(0)}`);
