import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Where Debian's `chromium` package puts the browser; `CHROMIUM_PATH` overrides it. */
export const defaultChromiumPath = '/usr/bin/chromium';

/**
 * Flags for a headless Chromium on a closed network, as root. Without the background-networking
 * flags Chromium keeps trying to reach Google's hosts, and every refused connection is noise.
 */
export const chromiumFlags: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The path `launchChromium` uses: `CHROMIUM_PATH` when set, else Debian's. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || defaultChromiumPath;
}

/**
 * Starts the system's Chromium through playwright-core. Nothing is ever downloaded: a missing
 * browser is an error that says how to install it.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `launchChromium: no browser at ${executablePath}. Install Debian's chromium ` +
        '(apt-get install -y chromium; .ci/run does this) or set CHROMIUM_PATH.',
    );
  }
  return chromium.launch({ executablePath, args: [...chromiumFlags], headless: true });
}
