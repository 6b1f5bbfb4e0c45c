import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIO } from './index.js';

/** The installed Electron executable, found without `require('electron')` (which would try to download it). */
export function findElectronBinary(): { path: string } | { missing: string } {
  let packageJson: string;
  try {
    packageJson = createRequire(import.meta.url).resolve('electron/package.json');
  } catch {
    return { missing: 'the electron package is not installed (run `npm install`)' };
  }
  const folder = dirname(packageJson);
  const pathFile = join(folder, 'path.txt');
  if (!existsSync(pathFile)) return { missing: `Electron's runtime has not been downloaded (no ${pathFile})` };
  const binary = join(folder, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { missing: `Electron's runtime is missing at ${binary}` };
}

/**
 * The app's folder, the one with its package.json: two folders up from the built command
 * (out/main/cli.js), three from where this code is bundled apart from it (out/main/cli-chunks) or
 * from its source (src/main/cli).
 */
export function appFolder(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..', '..'), join(here, '..', '..', '..')];
  return candidates.find((folder) => existsSync(join(folder, 'package.json'))) ?? candidates[0]!;
}

/** Open the app's window with the given files. */
export async function launchApp(args: readonly string[], io: CliIO): Promise<number> {
  let electron = findElectronBinary();
  if ('missing' in electron && (await downloadElectron(io))) electron = findElectronBinary();
  if ('missing' in electron) {
    io.stderr(
      `parallax: the app's window cannot open here: ${electron.missing}.\n` +
        `The headless comparison works without it:  parallax compare FILE FILE...\n`,
    );
    return 2;
  }
  const appRoot = appFolder();
  const child = spawn(electron.path, [appRoot, ...args], { stdio: 'inherit', windowsHide: false });
  return new Promise<number>((resolvePromise) => {
    child.on('error', (error) => {
      io.stderr(`parallax: could not start the app: ${error.message}\n`);
      resolvePromise(2);
    });
    child.on('exit', (code) => resolvePromise(code ?? 0));
  });
}

/**
 * Electron fetches its runtime on first use, not at install. Ask its own installer to do that now;
 * where there is no network (as on our CI machines) this fails and the caller says what to do.
 */
async function downloadElectron(io: CliIO): Promise<boolean> {
  let installer: string;
  try {
    installer = createRequire(import.meta.url).resolve('electron/install.js');
  } catch {
    return false;
  }
  io.stderr('parallax: fetching the Electron runtime (first start only)…\n');
  const child = spawn(process.execPath, [installer], { stdio: 'inherit' });
  return new Promise<boolean>((resolvePromise) => {
    child.on('error', () => resolvePromise(false));
    child.on('exit', (code) => resolvePromise(code === 0));
  });
}
