import { describe, expect, it } from 'vitest';
import { openerCommand, openInBrowser } from './open-in-browser';

describe('openerCommand', () => {
  it("uses each platform's own opener", () => {
    expect(openerCommand('r.html', 'linux')).toEqual({ command: 'xdg-open', args: ['r.html'] });
    expect(openerCommand('r.html', 'darwin')).toEqual({ command: 'open', args: ['r.html'] });
    expect(openerCommand('r.html', 'win32').args).toEqual(['/c', 'start', '""', 'r.html']);
  });
});

describe('openInBrowser', () => {
  it('says there is no browser on a Linux without a display, instead of failing', async () => {
    expect(await openInBrowser('out/report.html', {}, 'linux')).toBe(
      'no browser to open here (no display); open out/report.html yourself',
    );
  });

  it('says so when the opener command does not exist', async () => {
    // NOTE: an opener that cannot exist: PATH is empty, so spawning xdg-open fails with ENOENT.
    const problem = await openInBrowser('out/report.html', { DISPLAY: ':0', PATH: '' }, 'linux');
    expect(problem).toMatch(
      /^could not start xdg-open \(.*ENOENT.*\); open out\/report.html yourself$/,
    );
  });
});
