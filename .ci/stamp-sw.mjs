// Stamps dist/sw.js with the build it belongs to: the hashed wasm file name that
// dist/index.html names. Every build with a changed app then changes the worker's bytes, so
// browsers install the new worker and the open page offers a reload (see sw.js and boot.js).
// Run by `make dist` after the JS is minified; stops the build if either text is missing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const wasm = html.match(/[\w-]+_bg\.wasm/)?.[0];
if (!wasm) throw new Error('dist/index.html names no wasm file');
const path = join(dist, 'sw.js');
const worker = readFileSync(path, 'utf8');
const stamped = worker.replace(/const BUILD = '[^']*';/, `const BUILD = '${wasm}';`);
if (stamped === worker && !worker.includes(`'${wasm}'`)) throw new Error('sw.js has no BUILD line');
writeFileSync(path, stamped);
console.log(`stamped sw.js with ${wasm}`);
