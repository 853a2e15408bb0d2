// Benchmark of @bearing/metrics on a realistic volume: 100 000 work items with ~6 status changes
// each over two years. Run with `npm run bench` (root) or `node --expose-gc bench/run.mjs` here,
// after `npx tsc -p tsconfig.build.json`: it measures the BUILT package in ../dist.
//
// Each metric is compared with a floor measured in the same run on the same data — the least
// work any implementation must do. Metric and floor run in alternating batches, so both see the
// same machine load, and the ratio (median of the batches' time ÷ floor time) is the number to
// watch:
//   flow metrics  one pass parsing every change's timestamp into a day with the package's own
//                 `instantToDay` (every flow metric has to read every timestamp once);
//   quantiles     sorting the same values in a Float64Array (a quantile needs the order);
//   Monte Carlo   drawing as many samples with the same seeded PRNG as the simulation draws
//                 (`seededRandom` + pick a sample + add it up);
//   xmr           two passes: the moving ranges |xᵢ − xᵢ₋₁| into an array with the means, then
//                 every point compared with the mean (limits must exist before any point is judged).
// Targets: every ratio ≤ 3 and peak RSS ≤ 400 MB.
import { performance } from 'node:perf_hooks';
import * as metrics from '../dist/index.js';

const { instantToDay, seededRandom } = metrics;

const ITEM_COUNT = 100_000;
const FROM = '2023-01-01';
const TO = '2024-12-31';
const RATIO_TARGET = 3;
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

/**
 * Times `run` against its `floor`, alternating 7 batches of each so that both see the same
 * machine load; reports the median time per call of each and the median of the 7 ratios.
 * A full GC runs once before each pair, not before every batch: right after a forced full GC,
 * V8 shrinks the young generation, which would penalise allocating code unrealistically.
 */
function measurePair(run, floor) {
  globalThis.gc?.();
  const floorCalls = calibrate(floor);
  const runCalls = run ? calibrate(run) : 0;
  const floorTimes = [];
  const runTimes = [];
  for (let batch = 0; batch < 7; batch++) {
    floorTimes.push(timeBatch(floor, floorCalls));
    if (run) runTimes.push(timeBatch(run, runCalls));
  }
  return {
    ms: run ? median(runTimes) : null,
    floorMs: median(floorTimes),
    ratio: run ? median(runTimes.map((time, batch) => time / floorTimes[batch])) : null,
  };
}

const rows = [];
function record(name, items, floorName, { ms, floorMs, ratio }) {
  rows.push({ name, items, floorName, ms, floorMs, ratio });
}

// ------------------------------------------------------------------------------ measure

const generationStarted = performance.now();
const items = generateItems(ITEM_COUNT, 20_240_101);
const changeCount = items.reduce((sum, item) => sum + item.changes.length, 0);
const generationMs = performance.now() - generationStarted;
globalThis.gc?.();
const rssAfterData = process.memoryUsage().rss;

const FLOW_FLOOR = 'instantToDay of every change';
const parseEveryChange = () => {
  let days = 0;
  for (const item of items) {
    for (const change of item.changes) days += instantToDay(change.at).length;
  }
  return days;
};

record(
  'stageEntryDays + cycleTime',
  ITEM_COUNT,
  FLOW_FLOOR,
  measurePair(() => {
    let total = 0;
    for (const item of items) {
      total += metrics.stageEntryDays(item, workflow).Done === null ? 0 : 1;
      total += metrics.cycleTime(item, workflow) ?? 0;
    }
    return total;
  }, parseEveryChange),
);
record(
  'cumulativeFlow, 2 years by day',
  ITEM_COUNT,
  FLOW_FLOOR,
  measurePair(
    () => metrics.cumulativeFlow(items, workflow, { from: FROM, to: TO }),
    parseEveryChange,
  ),
);
record(
  'throughput by week',
  ITEM_COUNT,
  FLOW_FLOOR,
  measurePair(
    () => metrics.throughput(items, workflow, { from: FROM, to: TO, interval: 'week' }),
    parseEveryChange,
  ),
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
  measurePair(() => metrics.quantiles(cycleTimes, [0.5, 0.7, 0.85, 0.95]), sortCycleTimes),
);
record(
  'quantile p85 of cycle times',
  cycleTimes.length,
  'Float64Array sort',
  measurePair(() => metrics.quantile(cycleTimes, 0.85), sortCycleTimes),
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
  measurePair(
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
  ),
);

const xmrValues = cycleTimes.slice(0, 10_000);
const xmrAvailable = typeof metrics.xmr === 'function';
record(
  'xmr, 10 000 points',
  xmrValues.length,
  'two passes: ranges, then sides',
  measurePair(
    xmrAvailable ? () => metrics.xmr(xmrValues, { lowerBound: 0 })?.signals.length ?? 0 : null,
    () => {
      // An XmR chart cannot classify a point before its limits exist, so the least any
      // implementation does is two passes: moving ranges and means, then every point compared
      // with the central line. A plain array like xmr's `movingRanges` (a typed array's
      // off-heap buffer would add "external memory pressure" GCs that slow down what runs next).
      const ranges = new Array(xmrValues.length - 1);
      let sum = xmrValues[0];
      let rangeSum = 0;
      for (let index = 1; index < xmrValues.length; index++) {
        ranges[index - 1] = Math.abs(xmrValues[index] - xmrValues[index - 1]);
        rangeSum += ranges[index - 1];
        sum += xmrValues[index];
      }
      const mean = sum / xmrValues.length;
      let above = 0;
      for (let index = 0; index < xmrValues.length; index++) if (xmrValues[index] > mean) above++;
      return above + rangeSum;
    },
  ),
);

// -------------------------------------------------------------------------------- report

const peakRssMb = process.resourceUsage().maxRSS / 1024;
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(0);
const rate = (count, ms) => `${Math.round((count / ms) * 1000).toLocaleString('en-US')}/s`;

const table = rows.map(({ name, items: count, ms, floorName, floorMs, ratio }) => ({
  benchmark: name,
  items: count.toLocaleString('en-US'),
  'median ms': ms === null ? 'not available' : ms.toFixed(2),
  'items/s': ms === null ? 'not available' : rate(count, ms),
  floor: floorName,
  'floor ms': floorMs.toFixed(2),
  'floor items/s': rate(count, floorMs),
  ratio: ratio === null ? 'n/a' : ratio.toFixed(2),
}));

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
  `data: ${ITEM_COUNT.toLocaleString('en-US')} items, ${changeCount.toLocaleString('en-US')} status changes, ${FROM} … ${TO} (generated in ${generationMs.toFixed(0)} ms)`,
);
console.log('');
console.log(line(columns));
console.log(line(widths.map((width) => '-'.repeat(width))));
for (const row of table) console.log(line(columns.map((column) => row[column])));
console.log('');
console.log(
  `memory: rss after data ${mb(rssAfterData)} MB, after flow runs ${mb(rssAfterFlow)} MB, peak (maxRSS) ${peakRssMb.toFixed(0)} MB`,
);

const failures = [];
for (const { name, ratio } of rows) {
  if (ratio !== null && ratio > RATIO_TARGET) failures.push(`${name}: ratio > ${RATIO_TARGET}`);
}
if (peakRssMb > RSS_TARGET_MB) failures.push(`peak RSS > ${RSS_TARGET_MB} MB`);
if (!xmrAvailable) console.log('xmr: not available (not exported by this build)');
console.log(
  failures.length === 0
    ? `targets met: every ratio ≤ ${RATIO_TARGET}, peak RSS ≤ ${RSS_TARGET_MB} MB`
    : `targets missed: ${failures.join('; ')}`,
);
process.exitCode = failures.length === 0 ? 0 : 1;
// Printing the folded results keeps the engine from treating the measured work as dead code.
console.log(`checksum ${sink.toFixed(0)}`);
