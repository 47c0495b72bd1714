// Minifies the wasm-bindgen module Trunk writes to dist/, and updates its Subresource
// Integrity digest in dist/index.html. Trunk's own minifier (minify-js) cannot parse the
// module's `export { … as default }`, warns "Failed to minify JS" and ships it as written.
// Run by `make dist` after `trunk build --release`; the module's behaviour is unchanged
// (terser: compress and mangle, as an ES module, so its exports keep their names).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const dist = process.argv[2] ?? 'dist';
const digest = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;
const htmlPath = join(dist, 'index.html');
let html = readFileSync(htmlPath, 'utf8');
const modules = readdirSync(dist).filter((name) => /^funnel-planner-[0-9a-f]+\.js$/.test(name));
if (modules.length !== 1) throw new Error(`expected one wasm-bindgen module in ${dist}, found ${modules}`);
for (const name of modules) {
  const path = join(dist, name);
  const source = readFileSync(path, 'utf8');
  const before = digest(source);
  // The page preloads the module with this digest: a module the page does not name is not ours.
  if (!html.includes(before)) throw new Error(`${htmlPath} names no integrity digest for ${name}`);
  const { code } = await minify(source, { module: true, compress: true, mangle: true });
  writeFileSync(path, code);
  html = html.replace(before, digest(code));
  console.log(`minified ${name}: ${source.length} → ${code.length} bytes`);
}
writeFileSync(htmlPath, html);
