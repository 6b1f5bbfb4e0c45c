#!/usr/bin/env node
// Security review of the Electron code with Doyensec's Electronegativity, as a CI gate.
//
// Electronegativity exits 0 whatever it finds, so this script runs it with SARIF output, reads the
// findings, prints each one, and fails for any finding that .electronegativity-allow.json does not
// explain. Scanned: src/main (the code as written) and out/ (the built bundles and page, when built).
//
// Usage: node scripts/electronegativity.js
// Exit: 0 every finding explained; 1 unexplained findings; 2 the scan itself failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const allowFile = join(root, '.electronegativity-allow.json');

/** @typedef {{ check: string, file: string, reason: string }} Allowance */
/** @typedef {{ check: string, file: string, line: number, level: string, message: string }} Finding */

/** @returns {Allowance[]} */
function readAllowList() {
  if (!existsSync(allowFile)) return [];
  const parsed = JSON.parse(readFileSync(allowFile, 'utf8'));
  const entries = Array.isArray(parsed.allow) ? parsed.allow : [];
  for (const entry of entries) {
    if (typeof entry.check !== 'string' || typeof entry.file !== 'string' || typeof entry.reason !== 'string' || entry.reason.trim().length < 20) {
      throw new Error(`Every entry of ${relative(root, allowFile)} needs "check", "file" and a "reason" that explains it: ${JSON.stringify(entry)}`);
    }
  }
  return entries;
}

/** Run Electronegativity on one folder and return its findings, with paths relative to the project. */
function scan(folder, electronVersion, workDir) {
  const bin = join(dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');
  const output = join(workDir, `${relative(root, folder).replace(/[\\/]/g, '_')}.sarif`);
  const run = spawnSync(process.execPath, [bin, '-i', folder, '-o', output, '-r', '-v', 'false', '-e', electronVersion], {
    cwd: root,
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (!existsSync(output)) {
    throw new Error(`Electronegativity wrote no report for ${relative(root, folder)} (exit ${run.status}).\n${run.stdout ?? ''}${run.stderr ?? ''}`);
  }
  const sarif = JSON.parse(readFileSync(output, 'utf8'));
  /** @type {Finding[]} */
  const findings = [];
  for (const result of sarif.runs?.[0]?.results ?? []) {
    const location = result.locations?.[0]?.physicalLocation;
    const uri = location?.artifactLocation?.uri ?? 'N/A';
    findings.push({
      check: result.ruleId,
      file: uri === 'N/A' ? uri : relative(root, join(folder, uri)).split('\\').join('/'),
      line: location?.region?.startLine ?? 0,
      level: result.level ?? 'note',
      message: result.message?.text ?? '',
    });
  }
  return findings;
}

function main() {
  const allowances = readAllowList();
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const folders = [join(root, 'src', 'main')];
  if (existsSync(join(root, 'out'))) folders.push(join(root, 'out'));
  else console.log('Note: out/ is not built, so only src/main is scanned. Run `npm run build` to scan the bundles too.');

  const workDir = mkdtempSync(join(tmpdir(), 'parallax-electronegativity-'));
  /** @type {Finding[]} */
  let findings = [];
  try {
    for (const folder of folders) findings = findings.concat(scan(folder, electronVersion, workDir));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }

  const used = new Set();
  let unexplained = 0;
  for (const finding of findings) {
    const allowance = allowances.find((entry) => entry.check === finding.check && entry.file === finding.file);
    const where = `${finding.file}:${finding.line}`;
    if (allowance) {
      used.add(allowance);
      console.log(`explained    ${finding.check} at ${where}: ${finding.message}\n             because: ${allowance.reason}`);
    } else {
      unexplained++;
      console.log(`UNEXPLAINED  ${finding.check} (${finding.level}) at ${where}: ${finding.message}`);
    }
  }
  for (const entry of allowances) {
    if (!used.has(entry)) console.log(`Note: the allowance for ${entry.check} in ${entry.file} matched nothing; remove it if it is no longer needed.`);
  }
  console.log(`\nElectronegativity: ${findings.length} finding(s) in ${folders.map((folder) => relative(root, folder)).join(' and ')}, ${unexplained} unexplained.`);
  if (unexplained > 0) {
    console.log(`Fix each unexplained finding, or, if it is not a problem here, add it to ${relative(root, allowFile)} with the reason.`);
    process.exitCode = 1;
  }
}

try {
  main();
} catch (error) {
  console.error(`The security scan could not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
