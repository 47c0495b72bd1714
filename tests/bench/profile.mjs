// Profiles 50 edits of the large plan (PLAN=default: the default plan) in headless Chromium.
// A developer's tool, never a test: `node tests/bench/profile.mjs dist`.
// - By default, a CPU profile: time per function, inclusive (INCL=n rows) and self (TOP=n rows).
//   Wasm functions are named only in a build that keeps its name section.
// - TRACE=1: a Chromium trace. Per edit, the CPU time of the task that ran the edit and of the
//   next frame's rendering (style, layout, paint, commit), p50 and p95; then main-thread time
//   per event name. CPU (thread) time moves less than wall time when other work shares the cores.
// - CSS='…': extra style rules to try before measuring.
// - TALL=1: a viewport as tall as the page, so every section and chart is on screen.
// The raw profile or trace is written to the system's temporary folder.
import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from '../e2e/helpers.mjs';
import { serve } from '../e2e/serve.mjs';
import { LARGE, RATE } from './plans.mjs';

const EDITS = Number(process.env.EDITS ?? 50);

function edit(page, count) {
  return page.evaluate(async ([testid, count]) => {
    const input = document.querySelector(`[data-testid="${testid}"]`);
    const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    for (let i = 0; i < count; i += 1) {
      await frame();
      input.value = String(10 + (i % 40));
      performance.mark('edit');
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await frame();
    }
  }, [RATE, count]);
}

const server = await serve(process.argv[2] ?? 'dist');
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const page = await (await browser.newContext({ bypassCSP: true })).newPage();
  await page.goto(base + (process.env.PLAN === 'default' ? '' : LARGE));
  await page.waitForSelector(`[data-testid="${RATE}"]`);
  if (process.env.CSS) await page.addStyleTag({ content: process.env.CSS });
  if (process.env.TALL) {
    // The whole page on screen at once, as input-paint.mjs's third row.
    await page.waitForSelector('[data-testid="chart-funnel"]');
    await page.waitForTimeout(500);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: 1280, height });
    await page.waitForTimeout(500);
  }
  await edit(page, 5);
  const cdp = await page.context().newCDPSession(page);
  if (process.env.TRACE) {
    const events = [];
    cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,v8.execute', transferMode: 'ReportEvents' });
    await edit(page, EDITS);
    await cdp.send('Tracing.end');
    await done;
    writeFileSync(join(tmpdir(), 'funnel-trace.json'), JSON.stringify({ traceEvents: events }));
    const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
    const byName = new Map();
    for (const e of events) {
      if (e.ph !== 'X' || e.tid !== main?.tid || e.pid !== main?.pid) continue;
      const [d, t] = byName.get(e.name) ?? [0, 0];
      byName.set(e.name, [d + e.dur / 1000, t + (e.tdur ?? 0) / 1000]);
    }
    // Per edit: the task that ran the edit, and the rendering of the next frame after it.
    const mine = events.filter((e) => e.tid === main.tid && e.pid === main.pid);
    const tasks = mine.filter((e) => e.ph === 'X' && e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
    const marks = mine.filter((e) => e.name === 'edit').map((e) => e.ts).sort((a, b) => a - b);
    const RENDER = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'UpdateLayer']);
    const rendering = mine.filter((e) => e.ph === 'X' && RENDER.has(e.name));
    const rows = [];
    for (const mark of marks) {
      const task = tasks.find((t) => t.ts <= mark && mark <= t.ts + t.dur);
      if (!task) continue;
      const end = task.ts + task.dur;
      const frameTask = tasks.find((t) => t.ts >= end && rendering.some((r) => r.ts >= t.ts && r.ts <= t.ts + t.dur && r.name === 'Paint'));
      if (!frameTask) continue;
      const inFrame = rendering.filter((r) => r.ts >= frameTask.ts && r.ts + r.dur <= frameTask.ts + frameTask.dur);
      // Nested events (Paint within Paint) are counted once: only top-level rendering events.
      const top = inFrame.filter((r) => !inFrame.some((o) => o !== r && o.ts <= r.ts && r.ts + r.dur <= o.ts + o.dur));
      const sum = (key) => top.reduce((s, r) => s + (r[key] ?? 0), 0) / 1000;
      rows.push({ edit: task.tdur / 1000, editWall: task.dur / 1000, render: sum('tdur'), renderWall: sum('dur') });
    }
    const pct = (key, p) => { const v = rows.map((r) => r[key]).sort((a, b) => a - b); return v[Math.min(v.length - 1, Math.ceil(p / 100 * v.length) - 1)].toFixed(1); };
    for (const key of ['edit', 'render', 'editWall', 'renderWall']) console.log(`${key.padEnd(11)} p50 ${pct(key, 50)} p95 ${pct(key, 95)} ms (${rows.length} edits)`);
    const both = rows.map((r) => r.edit + r.render).sort((a, b) => a - b);
    console.log(`edit+render cpu p50 ${both[Math.ceil(0.5 * both.length) - 1].toFixed(1)} p95 ${both[Math.ceil(0.95 * both.length) - 1].toFixed(1)} ms`);
    console.log('   wall ms   cpu ms per edit');
    for (const [name, [d, t]] of [...byName].sort((a, b) => b[1][0] - a[1][0]).slice(0, 16)) {
      console.log(`${(d / EDITS).toFixed(3).padStart(9)} ${(t / EDITS).toFixed(3).padStart(9)}  ${name}`);
    }
  } else {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    await edit(page, EDITS);
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(join(tmpdir(), 'funnel.cpuprofile'), JSON.stringify(profile));
    const self = new Map();
    const dt = new Map();
    profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0)));
    for (const node of profile.nodes) {
      const key = `${node.callFrame.functionName || '(anon)'} ${node.callFrame.url.split('/').pop()}`;
      self.set(key, (self.get(key) ?? 0) + (dt.get(node.id) ?? 0) / 1000);
    }
    const parent = new Map();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const incl = new Map();
    profile.samples.forEach((id, i) => {
      const d = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const seen = new Set();
      for (let n = id; n !== undefined; n = parent.get(n)) {
        const f = byId.get(n).callFrame.functionName || '(anon)';
        if (!seen.has(f)) { seen.add(f); incl.set(f, (incl.get(f) ?? 0) + d); }
      }
    });
    if (process.env.INCL) {
      for (const [name, t] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.INCL))) {
        console.log(`${(t / EDITS).toFixed(3).padStart(8)} ms/edit incl  ${name.slice(0, 160)}`);
      }
    }
    const rows = [...self].sort((a, b) => b[1] - a[1]);
    const total = rows.filter(([k]) => !k.startsWith('(idle)')).reduce((s, [, v]) => s + v, 0);
    console.log(`busy ${(total / EDITS).toFixed(2)} ms/edit`);
    for (const [name, t] of rows.slice(0, Number(process.env.TOP ?? 40))) {
      console.log(`${(t / EDITS).toFixed(3).padStart(8)} ms/edit  ${name.slice(0, 140)}`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
