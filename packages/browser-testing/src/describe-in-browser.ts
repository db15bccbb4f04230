import { existsSync } from 'node:fs';
import { describe } from 'vitest';
import { chromiumPath } from './launch-chromium';

/**
 * `describe` for tests that need Chromium. On a machine without it they are skipped with a note,
 * so a newcomer's `pnpm test` needs only Node and npm; under CI (`CI=true`) they always run, and a
 * missing browser fails them, since `.ci/run` installs it.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (existsSync(chromiumPath()) || process.env.CI === 'true') {
    describe(name, body);
    return;
  }
  console.warn(
    `${name}: skipped, no Chromium at ${chromiumPath()} (apt-get install -y chromium to run it)`,
  );
  describe.skip(name, body);
}
