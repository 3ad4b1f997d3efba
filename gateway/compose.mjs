// Composes the subgraph SDL files in schema/ into schema/supergraph.graphql (Federation v2) with the MIT
// @theguild/federation-composition. Subgraph names and ports come from subgraphs.conf at the repository root.
//
//   node compose.mjs                      write ../schema/supergraph.graphql
//   node compose.mjs --check              fail when the checked-in supergraph is stale or composition fails
//   node compose.mjs --out FILE --port-offset 10000
//                                         compose for subgraphs listening on port + offset (the end-to-end tests)
//   node compose.mjs --url-template 'http://{name}:{port}/graphql'
//                                         subgraph URLs for another network (docker-compose service names)
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { subgraphList, composeSubgraphs } from './composition.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

function option(name, fallback) {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

const check = process.argv.includes('--check');
const out = resolve(option('--out', join(root, 'schema', 'supergraph.graphql')));
const portOffset = Number(option('--port-offset', '0'));
const urlTemplate = option('--url-template', 'http://127.0.0.1:{port}/graphql');

const subgraphs = subgraphList(readFileSync(join(root, 'subgraphs.conf'), 'utf8'), portOffset);

const services = subgraphs.map(({ name, port }) => {
  const file = join(root, 'schema', `${name}.graphql`);
  if (!existsSync(file)) {
    console.error(`schema/${name}.graphql is missing: run 'make schema' to export it.`);
    process.exit(1);
  }
  return {
    name,
    url: urlTemplate.replace('{name}', name).replace('{port}', String(port)),
    sdl: readFileSync(file, 'utf8'),
  };
});

let composed;
try {
  composed = composeSubgraphs(services);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

const supergraph = composed.supergraphSdl.trimEnd() + '\n';
if (check) {
  const current = existsSync(out) ? readFileSync(out, 'utf8') : '';
  if (current !== supergraph) {
    console.error(`${out} is stale: run 'make schema' and commit the result.`);
    process.exit(1);
  }
  console.log(`Composition OK: ${services.length} subgraph(s), ${out} is current.`);
} else {
  writeFileSync(out, supergraph);
  console.log(`Composed ${services.length} subgraph(s) into ${out}`);
}
