import { afterEach, describe, expect, it, vi } from 'vitest';
import { chromiumPath, defaultChromiumPath, launchChromium } from './launch-chromium';

describe('launchChromium', () => {
  afterEach(() => vi.unstubAllEnvs());

  it("uses Debian's path unless CHROMIUM_PATH says otherwise", () => {
    vi.stubEnv('CHROMIUM_PATH', '');
    expect(chromiumPath()).toBe(defaultChromiumPath);
    vi.stubEnv('CHROMIUM_PATH', '/opt/chromium/chrome');
    expect(chromiumPath()).toBe('/opt/chromium/chrome');
  });

  it('says how to install the browser when it is missing, and downloads nothing', async () => {
    vi.stubEnv('CHROMIUM_PATH', '/nonexistent/chromium');
    await expect(launchChromium()).rejects.toThrow(
      /no browser at \/nonexistent\/chromium.*apt-get install -y chromium/,
    );
  });
});
