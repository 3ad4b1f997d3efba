// The client-facing schema the apps are typed against keeps every type and field of the supergraph, and drops only
// Federation's machinery.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildASTSchema, buildSchema, isInputObjectType, isInterfaceType, isObjectType, parse, type GraphQLSchema } from 'graphql';
// @ts-expect-error: a plain ES module script without type declarations.
import { clientSchemaSdl, embeddedTypes } from '../../scripts/client-schema.mjs';

const supergraphSdl = readFileSync(join(__dirname, '..', '..', '..', 'schema', 'supergraph.graphql'), 'utf8');

function fieldsOf(schema: GraphQLSchema): string[] {
  return Object.values(schema.getTypeMap())
    .filter((t) => !t.name.startsWith('__') && !/^(join|link)__/.test(t.name))
    .flatMap((t) => (isObjectType(t) || isInterfaceType(t) || isInputObjectType(t) ? Object.keys(t.getFields()).map((f) => `${t.name}.${f}`) : [t.name]))
    .sort();
}

describe('clientSchemaSdl', () => {
  const client = buildASTSchema(parse(clientSchemaSdl(supergraphSdl)));

  it('keeps every type and field of the supergraph, fields named like Federation\'s own included (Notification.link)', () => {
    const supergraph = buildSchema(supergraphSdl, { assumeValidSDL: true });
    expect(fieldsOf(client)).toEqual(fieldsOf(supergraph));
    expect(fieldsOf(client)).toContain('Notification.link');
  });

  it('leaves no Federation directive or type behind', () => {
    const sdl = clientSchemaSdl(supergraphSdl);
    expect(sdl).not.toMatch(/join__|link__|@link\b/);
  });

  it('drops what the supergraph marks @inaccessible', () => {
    const sdl = clientSchemaSdl(`
      type Query { visible: Thing hidden: String @inaccessible }
      type Thing { id: ID! secret: String @inaccessible }
      type Internal @inaccessible { x: Int }`);
    expect(sdl).not.toMatch(/hidden|secret|Internal/);
    expect(sdl).toContain('visible: Thing');
  });

  it('lists the id-less objects Graphcache keeps embedded', () => {
    expect(embeddedTypes(client)).toEqual(expect.arrayContaining(['Money', 'GeoPoint', 'PageInfo', 'OrderFees']));
    expect(embeddedTypes(client)).not.toContain('Product');
  });
});
