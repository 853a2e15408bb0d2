// Initial JavaScript of each landing route of the BUILT web app (`npm run build -w @bearing/web`
// first): the entry chunk, the route's page chunk (loaded at once on landing) and everything
// they import statically, gzipped as a server would send them. Lazy chunks the page loads
// later (e.g. on scroll) are not counted. Target for the portfolio route: ≤ 350 kB gzipped.
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url);
const manifest = JSON.parse(await readFile(new URL('.vite/manifest.json', dist), 'utf8'));
const TARGET_KB = 350;

const ROUTES = {
  portfolio: 'src/features/portfolio/portfolio-page.tsx',
  program: 'src/features/programs/program-page.tsx',
  team: 'src/features/teams/team-page.tsx',
  metric: 'src/features/metrics/metric-page.tsx',
};

const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry)?.[0];
if (!entry) throw new Error('no entry chunk in the manifest');

/** Every JS file `keys` load before running: themselves and their static imports, once each. */
function staticClosure(keys) {
  const files = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return [...files].filter((file) => file.endsWith('.js'));
}

async function gzippedKb(files) {
  let bytes = 0;
  for (const file of files) bytes += gzipSync(await readFile(new URL(file, dist))).length;
  return bytes / 1024;
}

const lines = ['Web bundle — initial JavaScript per landing route (gzip level 6)'];
let missed = false;
for (const [name, page] of Object.entries(ROUTES)) {
  if (!manifest[page]) throw new Error(`${page} is not a chunk of the build`);
  const files = staticClosure([entry, page]);
  const kb = await gzippedKb(files);
  const target = name === 'portfolio' ? ` (target ≤ ${TARGET_KB} kB)` : '';
  if (name === 'portfolio' && kb > TARGET_KB) missed = true;
  lines.push(
    `  ${name.padEnd(10)} ${kb.toFixed(1).padStart(7)} kB in ${files.length} files${target}`,
  );
}
const everything = await gzippedKb(
  Object.values(manifest)
    .map(({ file }) => file)
    .filter((file) => file.endsWith('.js')),
);
lines.push(`  whole app  ${everything.toFixed(1).padStart(7)} kB (every chunk, for comparison)`);
if (missed) {
  lines.push('  MISSED: portfolio initial JavaScript');
  process.exitCode = 1;
}
process.stdout.write(`${lines.join('\n')}\n`);
