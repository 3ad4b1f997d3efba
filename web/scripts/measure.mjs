// Measures the storefront as issue 23 asks, without asserting (figures, not tests):
//   1. the JavaScript the first route ships, gzipped (the entry script and the chunks index.html preloads);
//   2. how long after a click on a search result the product page shows its title and price (platform warm);
//   3. how long after a keystroke the search box shows suggestions.
// Against a running platform (`make up`, the gateway serving the built apps), in headless Chromium:
//   cd web && npm run measure                       http://127.0.0.1:8000, 10 samples each
//   GOSHOP_WEB_URL=http://127.0.0.1:18000 GOSHOP_MEASURE_SAMPLES=20 npm run measure
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const web = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const base = process.env.GOSHOP_WEB_URL ?? 'http://127.0.0.1:8000';
const samples = Number(process.env.GOSHOP_MEASURE_SAMPLES ?? 10);

function firstRouteJs() {
  const dist = join(web, 'storefront', 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/([^"]+\.js)"/g)].map((m) => m[1]);
  const sizes = files.map((file) => ({ file, gzip: gzipSync(readFileSync(join(dist, file)), { level: 9 }).length }));
  return { files: sizes, total: sizes.reduce((sum, f) => sum + f.gzip, 0) };
}

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { n: sorted.length, median: Math.round(at(0.5)), p95: Math.round(at(0.95)), max: Math.round(sorted[sorted.length - 1]) };
};

async function main() {
  const js = firstRouteJs();
  console.log(`first route JavaScript, gzipped: ${(js.total / 1024).toFixed(1)} KB (${js.files.map((f) => `${f.file} ${(f.gzip / 1024).toFixed(1)} KB`).join(', ')})`);

  const browser = await chromium.launch({ executablePath: process.env.GOSHOP_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ baseURL: base, locale: 'vi-VN' });
    // Products to open: the first page of a broad search (the demo data has 300).
    await page.goto('/search?q=ao');
    await page.locator('.sf-card__link').first().waitFor();
    const links = await page.locator('.sf-card__link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const productTimes = [];
    for (let i = 0; i < samples + 1; i++) {
      await page.goto('/search?q=ao');
      const link = page.locator(`a[href="${links[i % links.length]}"]`).first();
      await link.waitFor();
      const started = await page.evaluate(() => performance.now());
      await link.click();
      await page.getByTestId('product-title').waitFor();
      await page.getByTestId('product-price').waitFor();
      const shown = await page.evaluate(() => performance.now());
      // The first opening warms the product chunk and the platform's caches; it is not counted.
      if (i > 0) productTimes.push(shown - started);
    }
    console.log('product page, click to title and price (ms):', stats(productTimes));

    const prefixes = ['dien tho', 'ao th', 'tai ng', 'giay', 'sam', 'noi c', 'ban ph', 'may g', 'dong h', 'sach'];
    const suggestionTimes = [];
    await page.goto('/');
    const box = page.getByRole('combobox');
    for (let i = 0; i < samples + 1; i++) {
      await box.fill('');
      await box.pressSequentially(prefixes[i % prefixes.length].slice(0, -1));
      const started = await page.evaluate(() => performance.now());
      await box.press(prefixes[i % prefixes.length].slice(-1));
      await page.getByRole('option').first().waitFor({ timeout: 5000 }).catch(() => undefined);
      const shown = await page.evaluate(() => performance.now());
      if (i > 0) suggestionTimes.push(shown - started);
    }
    console.log('suggestions after the last keystroke (ms, 60 ms of it the typing pause):', stats(suggestionTimes));
  } finally {
    await browser.close();
  }
}

await main();
