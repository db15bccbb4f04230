// Checks that a package's published source maps hold no path of the machine that built them.
//
// Run from a package's directory after its build (`pnpm check:packages` does). Every source of
// every dist/**/*.map must be a relative path that stays inside the package, with no absolute
// `sourceRoot`: an absolute path or one into the build's pnpm store means
// nothing on a user's machine and tells them where we built it. tsup.shared.ts fixes them.
import fs from 'node:fs';
import path from 'node:path';

const packageDir = process.cwd();
const problems = [];
let count = 0;
for (const entry of fs.readdirSync('dist', { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.map')) continue;
  count++;
  const file = path.join(entry.parentPath, entry.name);
  const map = JSON.parse(fs.readFileSync(file, 'utf8'));
  const isMachinePath = (text) => path.isAbsolute(text) || /^file:|^[A-Za-z]:[\\/]/.test(text);
  if (typeof map.sourceRoot === 'string' && isMachinePath(map.sourceRoot)) {
    problems.push(`${file}: sourceRoot '${map.sourceRoot}'`);
  }
  for (const source of map.sources ?? []) {
    const resolved = path.resolve(entry.parentPath, source);
    const outside = path.relative(packageDir, resolved).startsWith('..');
    if (isMachinePath(source) || outside || source.includes('node_modules/.pnpm')) {
      problems.push(`${file}: source '${source}'`);
    }
  }
}
if (problems.length > 0) {
  console.error(`Source maps with paths of the build machine:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`source maps: ok (${count} in ${path.basename(packageDir)}/dist)`);
