#!/usr/bin/env node
// Reads the JSON reports that `npm test` leaves in reports/ (vitest and Playwright) and prints one
// closing line with the totals: "Tests: N passed, N failed, N skipped".
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const folder = 'reports';
let passed = 0;
let failed = 0;
let skipped = 0;
const seen = [];

function countPlaywright(suite) {
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests ?? []) {
      const status = test.status; // expected | unexpected | flaky | skipped
      if (status === 'skipped') skipped++;
      else if (status === 'unexpected') failed++;
      else passed++;
    }
  }
  for (const child of suite.suites ?? []) countPlaywright(child);
}

for (const name of existsSync(folder) ? readdirSync(folder).sort() : []) {
  if (!name.endsWith('.json')) continue;
  const report = JSON.parse(readFileSync(join(folder, name), 'utf8'));
  if ('numPassedTests' in report) {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  } else if (Array.isArray(report.suites)) {
    for (const suite of report.suites) countPlaywright(suite);
  } else {
    continue;
  }
  seen.push(name);
}
if (seen.length === 0) {
  console.error('test-summary: no test reports found in reports/.');
  process.exit(1);
}
console.log(`\nReports: ${seen.join(', ')}`);
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
