// Initial JavaScript of every landing route of the BUILT web app (`npm run build -w @bearing/web`
// first): the entry chunk, the route's page chunk (and, for a settings tab, the settings page
// around it) and everything they import statically, gzipped as a server would send them. What
// a page loads later on its own (charts, the header menus, other tabs, dialogs) is not counted:
// it does not hold up the first paint. Budgets: the portfolio (the executives' landing page)
// ≤ 220 kB, every other route ≤ 300 kB; the run fails when one is exceeded.
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url);
const manifest = JSON.parse(await readFile(new URL('.vite/manifest.json', dist), 'utf8'));

const PORTFOLIO_BUDGET_KB = 220;
const ROUTE_BUDGET_KB = 300;
const PORTFOLIO_PAGE = 'src/features/portfolio/portfolio-page.tsx';
const SETTINGS_PAGE = 'src/features/settings/settings-page.tsx';

const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry)?.[0];
if (!entry) throw new Error('no entry chunk in the manifest');

// The routes are the entry's lazy pages (see src/app/router.tsx): every page or settings panel
// the router loads when it is first visited, so a new page is measured without being listed
// here. (The shell's other lazy parts, such as the header menus, are not routes.)
const pages = (manifest[entry].dynamicImports ?? []).filter((key) =>
  /-(page|panel)\.tsx$/.test(key),
);
if (!pages.includes(PORTFOLIO_PAGE)) throw new Error(`${PORTFOLIO_PAGE} is not a lazy page`);

/** A settings tab shows inside the settings page: both load on landing there. */
const isSettingsTab = (page) => page.startsWith('src/features/settings/') && page !== SETTINGS_PAGE;
const routeName = (page) =>
  page
    .split('/')
    .at(-1)
    .replace(/\.tsx?$/, '');

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

const rows = [];
for (const page of pages) {
  const keys = isSettingsTab(page) ? [entry, SETTINGS_PAGE, page] : [entry, page];
  const files = staticClosure(keys);
  const budget = page === PORTFOLIO_PAGE ? PORTFOLIO_BUDGET_KB : ROUTE_BUDGET_KB;
  rows.push({ name: routeName(page), kb: await gzippedKb(files), files: files.length, budget });
}
rows.sort((a, b) => b.kb - a.kb);

const lines = ['Web bundle — initial JavaScript per landing route (gzip level 6)'];
for (const { name, kb, files, budget } of rows) {
  const verdict = kb > budget ? 'OVER' : 'ok';
  lines.push(
    `  ${name.padEnd(28)} ${kb.toFixed(1).padStart(7)} kB in ${String(files).padStart(2)} files  (budget ${budget} kB: ${verdict})`,
  );
}
const everything = await gzippedKb(
  Object.values(manifest)
    .map(({ file }) => file)
    .filter((file) => file.endsWith('.js')),
);
lines.push(
  `  ${'whole app'.padEnd(28)} ${everything.toFixed(1).padStart(7)} kB (every chunk, for comparison)`,
);
const over = rows.filter(({ kb, budget }) => kb > budget);
if (over.length > 0) {
  lines.push(`  OVER BUDGET: ${over.map(({ name }) => name).join(', ')}`);
  process.exitCode = 1;
}
process.stdout.write(`${lines.join('\n')}\n`);
