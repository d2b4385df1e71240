// Headless Chromium for end-to-end tests and browser benchmarks. The browser
// comes from npm (@sparticuz/chromium ships Chromium with SwiftShader WebGL),
// or from CHROMIUM_PATH (e.g. Debian's /usr/bin/chromium) when set.
// We pass our own flags: the package's defaults turn off web security and run
// a single process, which would hide CSP problems and break browser contexts.
import chromiumPack from '@sparticuz/chromium';
import { chromium, type Browser } from 'playwright-core';

export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH || (await chromiumPack.executablePath());
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--no-zygote',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--ignore-gpu-blocklist',
      '--use-gl=angle',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
}
