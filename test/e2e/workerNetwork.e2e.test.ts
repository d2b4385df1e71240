// The workers that read service users' data cannot reach another origin: the
// preview server sends the CSP as a header (a <meta> policy does not cover
// workers), and each worker locks fetch, XMLHttpRequest, WebSocket and
// importScripts itself. A cross-origin server that would answer is never reached.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshApp } from './browser';

const app = freshApp();
let outside: Server;
let outsideUrl = '';
const reached: string[] = [];

beforeAll(async () => {
  outside = createServer((req, res) => {
    reached.push(req.url ?? '');
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/plain' });
    res.end('leaked');
  });
  await new Promise<void>((resolve) => outside.listen(0, '127.0.0.1', resolve));
  outsideUrl = `http://127.0.0.1:${(outside.address() as AddressInfo).port}/`;
});
afterAll(async () => new Promise((resolve) => outside?.close(resolve)));

/** Our own worker scripts in the build (the import and optimiser workers; not maplibre's). */
const ourWorkers = () =>
  readdirSync('dist/assets').filter((f) => /^worker-.*\.js$/.test(f) && readFileSync(`dist/assets/${f}`, 'utf8').includes('service-user data stays on this machine'));

describe('the workers', () => {
  it('are served with a Content-Security-Policy header that allows only the app\'s origin', async () => {
    expect(ourWorkers()).toHaveLength(2);
    for (const f of ourWorkers()) {
      const res = await fetch(new URL(`assets/${f}`, inject('baseUrl')));
      expect(res.headers.get('content-security-policy')).toMatch(/connect-src 'self' data: blob:;/);
    }
  });

  it.each(['fetch', 'XMLHttpRequest', 'WebSocket', 'importScripts'])('fail to reach another origin with %s', async (how) => {
    for (const f of ourWorkers()) {
      const worker = app.page.waitForEvent('worker');
      await app.page.evaluate((src) => {
        (window as unknown as { held: Worker[] }).held ??= [];
        (window as unknown as { held: Worker[] }).held.push(new Worker(src, { type: 'module' }));
      }, `/assets/${f}`);
      const w = await worker;
      const outcome = await w.evaluate(async ([kind, target]) => {
        try {
          if (kind === 'fetch') return `reached: ${await (await fetch(target)).text()}`;
          if (kind === 'XMLHttpRequest') {
            const x = new XMLHttpRequest();
            x.open('GET', target, false);
            x.send();
            return `reached: ${x.responseText}`;
          }
          if (kind === 'WebSocket') {
            new WebSocket(target.replace('http', 'ws'));
            return 'opened a socket';
          }
          (self as unknown as { importScripts(u: string): void }).importScripts(target);
          return 'imported';
        } catch (e) {
          return `refused: ${(e as Error).message}`;
        }
      }, [how, `${outsideUrl}${how}`] as const);
      expect(outcome, f).toMatch(/^refused: /);
    }
    expect(reached).toEqual([]);
  });
});
