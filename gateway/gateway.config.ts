// Hive Gateway configuration of GoShop: one endpoint, http://127.0.0.1:8000/graphql, composing every subgraph.
import { defineConfig } from '@graphql-hive/gateway';
import { useBananaCakePop } from './banana-cake-pop.ts';

const env = process.env;

function header(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key ? headers[key] : undefined;
}

export const gatewayConfig = defineConfig({
  supergraph: env.GOSHOP_SUPERGRAPH ?? '../schema/supergraph.graphql',
  host: env.GOSHOP_GATEWAY_HOST ?? '127.0.0.1',
  port: Number(env.GOSHOP_GATEWAY_PORT ?? 8000),
  // The IDE is ours (Banana Cake Pop, below), not the built-in Hive Laboratory.
  graphiql: false,
  landingPage: false,
  // File uploads (GraphQL multipart request spec) pass through to the subgraph that takes them.
  multipart: true,
  // Let in-flight requests finish on shutdown.
  gracefulShutdownTimeout: 5_000,
  propagateHeaders: {
    fromClientToSubgraphs({ request, context }) {
      // WebSocket clients authenticate in connectionParams (the gateway merges them into context.headers).
      const params = context.connectionParams as Record<string, string> | undefined;
      const authorization =
        request.headers.get('authorization') ??
        header(params, 'authorization') ??
        (params?.token ? `Bearer ${params.token}` : undefined) ??
        header(context.headers, 'authorization');
      // Subgraphs rate-limit per client address: tell them who the client is.
      const socket = (context as { req?: { socket?: { remoteAddress?: string } } }).req?.socket;
      const forwarded = [request.headers.get('x-forwarded-for'), socket?.remoteAddress].filter(Boolean).join(', ');
      return {
        authorization,
        'x-forwarded-for': forwarded || undefined,
        'user-agent': request.headers.get('user-agent') ?? undefined,
        // Subgraphs refuse a multipart (upload) request without a CSRF preflight header: pass the client's on.
        'graphql-preflight':
          request.headers.get('graphql-preflight') ?? request.headers.get('apollo-require-preflight') ?? undefined,
      };
    },
  },
  plugins: () => [useBananaCakePop({ path: '/graphql', title: 'GoShop' })],
});
