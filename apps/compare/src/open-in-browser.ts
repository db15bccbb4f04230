import { spawn } from 'node:child_process';

/** The command that opens a file in the user's default browser on this platform. */
export function openerCommand(
  path: string,
  platform: NodeJS.Platform = process.platform,
): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [path] };
  // NOTE: `start` is a cmd built-in; its first quoted argument is a window title, hence the "".
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', path] };
  return { command: 'xdg-open', args: [path] };
}

/**
 * Opens `path` in the user's browser without waiting for it, and fails softly: when there is no
 * browser to open (no display on Linux, no opener command) it returns a sentence saying so for the
 * user to read, and the run still succeeds. Returns null when the opener was started.
 */
export async function openInBrowser(
  path: string,
  environment: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): Promise<string | null> {
  const noDisplay =
    platform !== 'darwin' &&
    platform !== 'win32' &&
    !environment.DISPLAY &&
    !environment.WAYLAND_DISPLAY;
  if (noDisplay) return `no browser to open here (no display); open ${path} yourself`;
  const { command, args } = openerCommand(path, platform);
  return new Promise((resolve) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', env: environment });
    child.once('error', (error) =>
      resolve(`could not start ${command} (${error.message}); open ${path} yourself`),
    );
    child.once('spawn', () => {
      child.unref();
      resolve(null);
    });
  });
}
