// Imported first by every worker of ours: the workers read service users'
// data, so nothing in them may reach another origin. The CSP header the server
// sends (vite.config.ts, docs/DEPLOYMENT.md) is the first wall; this is the
// second, for hosts that do not send it: fetch is allowed to the app's own
// origin only (shipped data, the solver's wasm), and the other ways out fail.
const origin = self.location.origin;

function refuse(what: string): never {
  throw new TypeError(`${what} is not allowed in carezones' workers: service-user data stays on this machine`);
}

const ownFetch = self.fetch.bind(self);
const requestUrl = (input: RequestInfo | URL): URL => new URL(input instanceof Request ? input.url : String(input), self.location.href);

self.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const url = requestUrl(input);
  if (url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:') {
    return Promise.reject(new TypeError(`fetch to ${url.origin} is not allowed in carezones' workers: service-user data stays on this machine`));
  }
  return ownFetch(input, init);
};
const scope = self as unknown as Record<string, unknown>;
for (const name of ['XMLHttpRequest', 'WebSocket', 'EventSource', 'WebTransport']) {
  if (name in scope) {
    Object.defineProperty(scope, name, { value: function blocked() { refuse(name); }, configurable: false, writable: false });
  }
}
if ('importScripts' in scope) Object.defineProperty(scope, 'importScripts', { value: () => refuse('importScripts'), configurable: false, writable: false });

export {};
