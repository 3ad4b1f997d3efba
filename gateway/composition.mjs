// What compose.mjs and schema-diff.mjs share: reading subgraphs.conf and composing subgraph SDL into a supergraph
// with @theguild/federation-composition.
import { parse } from 'graphql';
import { composeServices, compositionHasErrors } from '@theguild/federation-composition';

/** The subgraphs of a subgraphs.conf text: [{ name, port }], ports moved by portOffset. */
export function subgraphList(confText, portOffset = 0) {
  return confText
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [name, port] = line.split(/\s+/);
      return { name, port: Number(port) + portOffset };
    });
}

/**
 * Composes [{ name, url, sdl }] into { supergraphSdl, publicSdl } (the public SDL is what clients see: no join
 * directives, no @inaccessible parts), or throws with every composition error listed.
 */
export function composeSubgraphs(subgraphs) {
  const result = composeServices(subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (compositionHasErrors(result)) {
    throw new Error(`Composition failed:\n${result.errors.map((error) => `  - ${error.message}`).join('\n')}`);
  }
  return { supergraphSdl: result.supergraphSdl, publicSdl: result.publicSdl };
}
