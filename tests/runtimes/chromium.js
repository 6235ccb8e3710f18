// Runner for headless Chromium: Debian's /usr/bin/chromium driven by playwright-core (which never
// downloads a browser when given executablePath). The repository root is served on 127.0.0.1 by a
// small node:http server, and each scenario loads a fresh page, so init() with no argument takes
// the real fetch path (new URL('./core.wasm', import.meta.url), instantiateStreaming).
//
//   node tests/runtimes/chromium.js

import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { ROOT, summarize, skipped, loadGolden, mainIfRun, findBinary } from './common.js';

// [scenario, in a dedicated worker?]
const SCENARIOS = [
  ['main', false], ['module', false], ['bytes', false], ['response', false], ['url', false],
  ['main', true], ['sync-bytes', true], ['sync-module', true],
];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Static server for the repository root on 127.0.0.1 (ephemeral port); GET/HEAD only. */
export function serveRoot() {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    server.requests.push(path);
    const file = normalize(join(ROOT, path));
    if (!file.startsWith(ROOT) || file.split(sep).includes('..') || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  server.requests = []; // paths asked for, so a runner can see what a page fetched
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

export async function checkChromium() {
  const found = findBinary('CHROMIUM_BIN', ['/usr/bin/chromium']);
  if (!found.bin) return skipped('chromium', `Debian's chromium is not installed (${found.reason}); \`apt-get install chromium\``);
  let playwright;
  try {
    playwright = await import('playwright-core');
  } catch (e) {
    return skipped('chromium', `playwright-core is not installed (${e.message})`);
  }
  const golden = loadGolden();
  const t0 = performance.now();
  const server = await serveRoot();
  const origin = `http://127.0.0.1:${server.address().port}`;
  let browser;
  const scenarios = [];
  try {
    browser = await playwright.chromium.launch({ executablePath: found.bin, args: ARGS, timeout: 60000 });
    for (const [scenario, worker] of SCENARIOS) {
      const label = worker ? `worker ${scenario}` : scenario;
      const page = await browser.newPage();
      const logs = [];
      page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
      page.on('console', (m) => { if (m.type() === 'error') logs.push(`console: ${m.text()}`); });
      let result = null;
      let problem;
      server.requests.length = 0;
      try {
        const url = `${origin}/tests/runtimes/browser.html?scenario=${scenario}${worker ? '&worker=1' : ''}`;
        await page.goto(url, { timeout: 60000, waitUntil: 'load' });
        await page.waitForFunction(() => window.__result !== undefined, null, { timeout: 60000 });
        result = await withTimeout(page.evaluate(() => window.__result), 120000, 'scenario');
      } catch (e) {
        problem = `${e.message.split('\n')[0]}${logs.length ? ` [${logs.join(' | ')}]` : ''}`;
      }
      await page.close().catch(() => {});
      // default init() must have fetched core.wasm from next to dist/init.js itself
      if (scenario === 'main' && result && !server.requests.includes('/dist/core.wasm')) {
        problem = 'default init() did not fetch /dist/core.wasm from the server';
      }
      scenarios.push({ scenario, label, result, problem });
    }
  } catch (e) {
    scenarios.push({ scenario: 'launch', result: null, problem: `could not drive chromium: ${e.message.split('\n')[0]}` });
  } finally {
    if (browser) await withTimeout(browser.close(), 30000, 'browser.close').catch(() => {});
    server.closeAllConnections?.();
    server.close();
  }
  return summarize('chromium', found.version, scenarios, golden, performance.now() - t0);
}

await mainIfRun(import.meta.url, checkChromium);
