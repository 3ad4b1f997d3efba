#!/usr/bin/env node
// Reads the TRX files one `dotnet test` run wrote and prints, per test project, its counts and time, then every
// failure in full (name, message, stack). Used by scripts/test.sh; the TRX format is vstest's own, so no package.
//   test-report.mjs <results dir> <dotnet test exit code> <dotnet test output file> <counts file> <project>...
// Adds "passed failed skipped" for the run to the counts file. Exits 1 when anything failed, including a project
// that left no results or a run that `dotnet test` itself reported as failed (a crash or a hang).
import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';

const [resultsDir, exitCode, outputFile, countsFile, ...expected] = process.argv.slice(2);

const entities = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (text) => text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name) =>
  name[0] === '#'
    ? String.fromCodePoint(name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10))
    : entities[name] ?? whole);
const attribute = (tag, name) => {
  const match = tag.match(new RegExp(`\\s${name}="([^"]*)"`));
  return match ? decode(match[1]) : undefined;
};
const element = (xml, name) => {
  const match = xml.match(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`));
  return match ? decode(match[1]) : '';
};

// The project a run belongs to is the folder its test assembly was built in: tests/<project>/bin/...
const projectOf = (storage) => {
  let directory = dirname(storage);
  while (basename(directory) !== 'bin' && dirname(directory) !== directory) directory = dirname(directory);
  return basename(dirname(directory));
};

const trxFiles = existsSync(resultsDir)
  ? readdirSync(resultsDir, { recursive: true }).filter((file) => file.endsWith('.trx')).map((file) => join(resultsDir, file))
  : [];
const runs = new Map();
for (const file of trxFiles) {
  const xml = readFileSync(file, 'utf8');
  const storage = attribute(xml.match(/<UnitTest\s[^>]*>/)?.[0] ?? '', 'storage');
  // vstest writes the assembly's path in lower case.
  const found = storage ? projectOf(storage) : basename(file, '.trx');
  const project = expected.find((name) => name.toLowerCase() === found.toLowerCase()) ?? found;
  const run = { passed: 0, failed: 0, skipped: 0, seconds: 0, failures: [], aborts: [] };
  // The project's time is from its first test's start to its last test's end: the run's own times also count the
  // wait for a test host while other projects run beside it.
  let first = Infinity, last = -Infinity;
  for (const [, tag, body = ''] of xml.matchAll(/(<UnitTestResult\s[^>]*?)(?:\/>|>([\s\S]*?)<\/UnitTestResult>)/g)) {
    first = Math.min(first, Date.parse(attribute(tag, 'startTime')));
    last = Math.max(last, Date.parse(attribute(tag, 'endTime')));
    const outcome = attribute(tag, 'outcome');
    if (outcome === 'Passed') run.passed++;
    else if (outcome === 'NotExecuted') run.skipped++;
    else {
      run.failed++;
      run.failures.push({ name: attribute(tag, 'testName'), message: element(body, 'Message'), stack: element(body, 'StackTrace') });
    }
  }
  if (Number.isFinite(last - first)) run.seconds = (last - first) / 1000;
  // A run the test host did not finish (a crash, or --blame-hang-timeout ending a hang) has an outcome other than
  // Completed or Failed, and says why among its messages (xUnit adds a line of its own for every failed test).
  const outcome = attribute(xml.match(/<ResultSummary\s[^>]*>/)?.[0] ?? '', 'outcome');
  if (outcome !== 'Completed' && outcome !== 'Failed') {
    const reasons = [...xml.matchAll(/<RunInfo\s[^>]*outcome="Error"[^>]*>[\s\S]*?<\/RunInfo>/g)]
      .map(([info]) => element(info, 'Text').trim())
      .filter((text) => !text.startsWith('[xUnit.net'));
    run.aborts.push(reasons.join('\n') || `outcome ${outcome}`);
  }
  runs.set(project, run);
}

const width = Math.max(...expected.map((p) => p.length), ...[...runs.keys()].map((p) => p.length));
let passed = 0, failed = 0, skipped = 0;
const problems = [];
for (const project of [...new Set([...expected, ...runs.keys()])].sort()) {
  const run = runs.get(project);
  if (!run) {
    console.log(`  ${project.padEnd(width)}  no results`);
    problems.push(`${project}: no test results (did its test host crash before reporting?)`);
    failed++;
    continue;
  }
  passed += run.passed; failed += run.failed; skipped += run.skipped;
  const counts = `${String(run.passed).padStart(5)} passed, ${String(run.failed).padStart(3)} failed, ${String(run.skipped).padStart(3)} skipped`;
  console.log(`  ${project.padEnd(width)}  ${counts}  ${run.seconds.toFixed(1).padStart(6)} s`);
  for (const failure of run.failures)
    problems.push(`FAILED ${project}: ${failure.name}\n${failure.message.trimEnd()}\n${failure.stack.trimEnd()}`);
  for (const abort of run.aborts) {
    problems.push(`${project}: the test run was aborted\n${abort}`);
    if (run.failed === 0) failed++;
  }
}
if (exitCode !== '0' && problems.length === 0) {
  problems.push(`dotnet test exited with code ${exitCode} without a failed test; its output is in ${relative(process.cwd(), outputFile)}`);
  failed++;
}
for (const problem of problems) console.log(`\n${problem}`);
appendFileSync(countsFile, `${passed} ${failed} ${skipped}\n`);
process.exit(failed > 0 ? 1 : 0);
