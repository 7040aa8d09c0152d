// Runs `npm ci` in the current directory unless node_modules already holds exactly what package-lock.json
// locks, so that a rebuild after a change elsewhere does not reinstall the shop's packages (`npm ci` deletes
// node_modules first). npm writes node_modules/.package-lock.json after every install: it lists what was
// installed, the lock file's entries less the optional ones skipped on this platform.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';

const read = (file) => JSON.parse(readFileSync(file, 'utf8')).packages ?? {};

function staleness() {
  if (!existsSync('node_modules/.package-lock.json')) {
    return 'node_modules holds no install';
  }
  const installedAt = statSync('node_modules/.package-lock.json').mtimeMs;
  const edited = ['package.json', 'package-lock.json'].find((file) => statSync(file).mtimeMs > installedAt);
  if (edited) {
    // npm ci also checks that the two agree.
    return `${edited} changed since the last install`;
  }
  const locked = read('package-lock.json');
  const installed = read('node_modules/.package-lock.json');
  for (const [path, entry] of Object.entries(locked)) {
    if (path === '' || path.startsWith('node_modules/') === false) {
      continue;
    }
    const have = installed[path];
    if (!have && !entry.optional) {
      return `${path} is not installed`;
    }
    if (have && (have.version !== entry.version || have.integrity !== entry.integrity)) {
      return `${path} is ${have.version}, the lock file says ${entry.version}`;
    }
  }
  const extra = Object.keys(installed).find((path) => !(path in locked));
  return extra ? `${extra} is installed but not locked` : null;
}

const reason = staleness();
if (reason === null) {
  console.log('node_modules is up to date with package-lock.json: npm ci skipped');
} else {
  console.log(`npm ci (${reason})`);
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], {
    stdio: 'inherit',
    // The browser tests drive the machine's Chromium: @playwright/test must never fetch one.
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
    shell: process.platform === 'win32',
  });
}
