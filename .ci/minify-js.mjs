// Minifies the wasm-bindgen module Trunk writes to dist/, and updates its Subresource
// Integrity digest in dist/index.html. Trunk's own minifier (minify-js) cannot parse the
// module's `export { … as default }`, warns "Failed to minify JS" and ships it as written.
// Run by `make dist` after `trunk build --release`; the module's behaviour is unchanged
// (terser: compress and mangle, as an ES module, so its exports keep their names).
//
// Before minifying, it gives the module's `getStringFromWasm0` a fast path for short ASCII
// strings. Every figure's text and `data-value` crosses from wasm to the DOM through it, and
// `TextDecoder.decode` costs a native call and a `subarray` per string: about 1 ms of an
// edit of the large plan, for strings of a dozen bytes. Longer strings, and any string with a
// byte above 0x7F, still go through `TextDecoder`, so every string reads exactly as before.
// The function is matched as wasm-bindgen 0.2.130 writes it; any other text stops the build.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

/** The wasm-bindgen module's string reader, and the same with a fast path for short ASCII. */
const STRING_READER = `function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
}`;
const FAST_STRING_READER = `function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    if (len <= 32) {
        const bytes = getUint8ArrayMemory0();
        let text = '';
        for (let at = ptr; at < ptr + len; at += 1) {
            const byte = bytes[at];
            if (byte > 0x7f) return decodeText(bytes.subarray(ptr, ptr + len));
            text += String.fromCharCode(byte);
        }
        return text;
    }
    return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
}`;

/** Returns `source` with the fast string reader; throws if the reader is not found once. */
function fastShortStrings(source) {
  if (source.split(STRING_READER).length !== 2) {
    throw new Error('getStringFromWasm0 is not as wasm-bindgen 0.2.130 writes it: update .ci/minify-js.mjs');
  }
  return source.replace(STRING_READER, FAST_STRING_READER);
}

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
  const { code } = await minify(fastShortStrings(source), { module: true, compress: true, mangle: true });
  writeFileSync(path, code);
  html = html.replace(before, digest(code));
  console.log(`minified ${name}: ${source.length} → ${code.length} bytes`);
}
writeFileSync(htmlPath, html);
