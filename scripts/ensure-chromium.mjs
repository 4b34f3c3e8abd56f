#!/usr/bin/env node
// Browser tests drive Debian's Chromium at /usr/bin/chromium (no browser downloads).
// Installs it with apt when it is missing and we run as root; otherwise says how.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y chromium';

if (existsSync(CHROMIUM)) process.exit(0);

if (process.getuid?.() === 0) {
  console.log(`${CHROMIUM} is missing: installing Debian's chromium (${INSTALL})`);
  execSync(INSTALL, {
    stdio: 'inherit',
    shell: '/bin/bash',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (existsSync(CHROMIUM)) process.exit(0);
  console.error(`Installing chromium did not produce ${CHROMIUM}.`);
  process.exit(1);
}

console.error(
  `Browser tests need Debian's Chromium at ${CHROMIUM}. Install it with:\n\n  sudo ${INSTALL.replace('&& apt-get', '&& sudo apt-get')}\n`,
);
process.exit(1);
