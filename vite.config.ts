import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// Strict Content-Security-Policy for the built app: only the app's own origin,
// no inline script, no outside connections (service-user data stays on the
// machine). WebAssembly (the LP solver) needs 'wasm-unsafe-eval'; maplibre and
// workers need blob:. Dev mode skips it because Vite injects inline scripts.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// The same policy as a header for the preview server: a <meta> policy does not
// reach Web Workers (their policy comes from their script's response), and the
// import worker reads service users' data. Dev mode allows Vite's inline
// scripts and its reload socket, still no other origin. Static hosts: see docs/DEPLOYMENT.md.
const DEV_POLICY = CONTENT_SECURITY_POLICY
  .replace("script-src 'self' 'wasm-unsafe-eval'", "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'")
  .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
  .replace("connect-src 'self' data: blob:", "connect-src 'self' data: blob: ws://localhost:* ws://127.0.0.1:*");

function contentSecurityPolicy(): Plugin {
  return {
    name: 'carezones-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000, assetsInlineLimit: 0 },
  server: { port: 5173, strictPort: false, headers: { 'Content-Security-Policy': DEV_POLICY } },
  preview: { port: 4173, strictPort: false, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
});
