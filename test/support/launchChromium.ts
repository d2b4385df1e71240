// Headless Chromium for end-to-end tests and browser benchmarks. The browser
// comes from npm (@sparticuz/chromium ships Chromium with SwiftShader WebGL),
// or from CHROMIUM_PATH (e.g. Debian's /usr/bin/chromium) when set.
// We pass our own flags: the package's defaults turn off web security and run
// a single process, which would hide CSP problems and break browser contexts.
import chromiumPack from '@sparticuz/chromium';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

// Our own flags, not the package's (see above).
const ARGS = [
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
];

const executablePath = async () => process.env.CHROMIUM_PATH || (await chromiumPack.executablePath());

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: await executablePath(), headless: true, args: ARGS });
}

/** A browser whose storage (IndexedDB) lives in `userDataDir` and outlives closing it, as a user's profile does. */
export async function launchPersistentChromium(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: await executablePath(), headless: true, args: ARGS, viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1,
  });
}
