// Tells how the client-facing schema changed against a git revision, so a change to the public contract is seen
// before it lands. Both sides are composed from their subgraph SDL files (schema/<name>.graphql, the subgraphs of
// that revision's subgraphs.conf) and compared as clients see them, with @graphql-inspector/core.
//
//   node schema-diff.mjs                  against HEAD (what `make schema` prints)
//   node schema-diff.mjs --base main~3    against another revision
//   node schema-diff.mjs --fail-on-breaking
//                                         exit 1 when a change is breaking
//   node schema-diff.mjs --tree DIR       compare DIR's subgraphs.conf and schema/ instead of the working tree's
//                                         (tests/Repository.Tests removes a field in a copy and expects BREAKING)
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema } from 'graphql';
import { diff, CriticalityLevel } from '@graphql-inspector/core';
import { subgraphList, composeSubgraphs } from './composition.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const baseIndex = process.argv.indexOf('--base');
const base = baseIndex >= 0 ? process.argv[baseIndex + 1] : 'HEAD';
const failOnBreaking = process.argv.includes('--fail-on-breaking');
const treeIndex = process.argv.indexOf('--tree');
const tree = treeIndex >= 0 ? resolve(process.argv[treeIndex + 1]) : root;

function atRevision(path) {
  try {
    return execFileSync('git', ['show', `${base}:${path}`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
}

function inWorkingTree(path) {
  const file = join(tree, path);
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

function publicSchema(read) {
  const conf = read('subgraphs.conf');
  if (conf === null) return null;
  const subgraphs = subgraphList(conf)
    .map(({ name, port }) => ({ name, url: `http://127.0.0.1:${port}/graphql`, sdl: read(`schema/${name}.graphql`) }))
    .filter((subgraph) => subgraph.sdl !== null);
  return buildSchema(composeSubgraphs(subgraphs).publicSdl);
}

const before = publicSchema(atRevision);
if (before === null) {
  console.log(`Schema diff: ${base} has no subgraphs.conf to compare with.`);
  process.exit(0);
}
const changes = await diff(before, publicSchema(inWorkingTree));
const of = (level) => changes.filter((change) => change.criticality.level === level);
const breaking = of(CriticalityLevel.Breaking);
const dangerous = of(CriticalityLevel.Dangerous);
const safe = of(CriticalityLevel.NonBreaking);

if (changes.length === 0) {
  console.log(`No change to the client-facing schema against ${base}.`);
} else {
  console.log(`Client-facing schema against ${base}: ${breaking.length} breaking, ${dangerous.length} dangerous, ${safe.length} safe change(s).`);
  for (const change of breaking) console.log(`  BREAKING   ${change.message}`);
  for (const change of dangerous) console.log(`  DANGEROUS  ${change.message}`);
  if (breaking.length > 0) console.log('  Breaking changes go in docs/schema-changelog.md, with what clients should do instead.');
}
process.exit(failOnBreaking && breaking.length > 0 ? 1 : 0);
