// Serves Banana Cake Pop (ChilliCream's GraphQL IDE, from its npm package) to browsers at the GraphQL endpoint,
// pointed at the gateway itself. API calls to the same URL (POST, or GET without Accept: text/html) pass through.
// Banana Cake Pop is under the ChilliCream license, not MIT: see the README.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';
import type { GatewayPlugin } from '@graphql-hive/gateway';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export interface BananaCakePopOptions {
  /** The GraphQL endpoint, where the IDE is also served. */
  path?: string;
  title?: string;
}

export function useBananaCakePop({ path = '/graphql', title = 'GoShop' }: BananaCakePopOptions = {}): GatewayPlugin {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@chillicream/bananacakepop-graphql-ide/package.json'));
  const config = JSON.stringify({ useBrowserUrlAsEndpoint: true, title, includeCookies: false, disableTelemetry: true });
  let page: string | undefined;

  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      const { pathname } = url;

      if (pathname === path || pathname === `${path}/`) {
        const wantsPage = (request.headers.get('accept') ?? '').includes('text/html') && !url.searchParams.has('query');
        if (!wantsPage) return;
        // Relative asset URLs of the IDE resolve under the endpoint path.
        page ??= (await readFile(join(root, 'index.html'), 'utf8')).replace('<head>', `<head><base href="${path}/">`);
        endResponse(new fetchAPI.Response(page, { headers: { 'content-type': contentTypes['.html'] } }));
        return;
      }

      if (!pathname.startsWith(`${path}/`) && !pathname.startsWith(`${path}bcp-config.json`)) return;
      if (pathname.endsWith('bcp-config.json')) {
        endResponse(new fetchAPI.Response(config, { headers: { 'content-type': contentTypes['.json'] } }));
        return;
      }

      const relative = normalize(decodeURIComponent(pathname.slice(path.length + 1)));
      if (relative.startsWith('..') || relative.includes(`${sep}..`) || relative === 'package.json') return;
      const type = contentTypes[extname(relative)];
      if (!type) return;
      let body: Buffer;
      try {
        body = await readFile(join(root, relative));
      } catch {
        return;
      }
      const immutable = relative.startsWith(`static${sep}`);
      endResponse(
        new fetchAPI.Response(new Uint8Array(body), {
          headers: {
            'content-type': type,
            'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
          },
        }),
      );
    },
  };
}
