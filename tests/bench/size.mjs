// Reports the size of every file in dist/ raw, gzip -9 and brotli (quality 11), and the total
// a browser transfers on first load. A report, never a pass/fail test.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const kib = (bytes) => (bytes / 1024).toFixed(1).padStart(8);
const rows = [];
for (const name of readdirSync(dist).sort()) {
  const path = join(dist, name);
  if (!statSync(path).isFile()) continue;
  const data = readFileSync(path);
  rows.push({
    name,
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }).length,
  });
}
console.log(`${'file'.padEnd(44)}${'raw KiB'.padStart(8)}${'gzip'.padStart(8)}${'brotli'.padStart(8)}`);
const total = { raw: 0, gzip: 0, brotli: 0 };
for (const row of rows) {
  console.log(`${row.name.padEnd(44)}${kib(row.raw)}${kib(row.gzip)}${kib(row.brotli)}`);
  for (const key of Object.keys(total)) total[key] += row[key];
}
console.log(`${'total'.padEnd(44)}${kib(total.raw)}${kib(total.gzip)}${kib(total.brotli)}`);
const budget = 90;
const brotliKib = total.brotli / 1024;
console.log(`brotli total ${brotliKib.toFixed(1)} KiB of the ${budget} KiB budget (${brotliKib <= budget ? 'within' : 'OVER'})`);
