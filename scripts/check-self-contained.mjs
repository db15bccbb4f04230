// Checks that the repository stands on its own: no tracked file refers to a directory beside the
// repository (a `shared` folder next to it) or to an absolute path on one machine (under the
// work, root, home or Users folders).
// A fresh clone has neither, so a test, script or doc that needs them breaks for every newcomer.
//
// Run from the repository root (`pnpm lint` does). Lists every tracked text file with git.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

// Built from parts so this file does not match itself.
const patterns = [
  ['..', 'shared'].join('/'),
  ...['work', 'root', 'home', 'Users'].map((dir) => `/${dir}/`),
];

const files = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8', maxBuffer: 1 << 26 })
  .split('\0')
  .filter((file) => file !== '' && fs.existsSync(file));
const found = [];
for (const file of files) {
  const text = fs.readFileSync(file);
  // Binary files (images, fonts) cannot hold a path a reader would follow.
  if (text.includes(0)) continue;
  text
    .toString('utf8')
    .split('\n')
    .forEach((line, i) => {
      const hit = patterns.find((pattern) => line.includes(pattern));
      if (hit) found.push(`${file}:${i + 1}: '${hit}' in: ${line.trim().slice(0, 120)}`);
    });
}
if (found.length > 0) {
  console.error(
    `Files that refer outside the repository (keep what they need inside it):\n${found.join('\n')}`,
  );
  process.exit(1);
}
console.log(`self-contained: ok (${files.length} tracked files)`);
