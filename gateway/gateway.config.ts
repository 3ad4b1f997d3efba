// Hive Gateway configuration of GoShop: one endpoint, http://127.0.0.1:8000/graphql, composing every subgraph.
import { defineConfig } from '@graphql-hive/gateway';
import { useBananaCakePop } from './banana-cake-pop.ts';

const env = process.env;

// Tuning, measured by `make bench` (tests/Benchmarks/results/): each knob is an environment variable so the
// benchmark can start the gateway once per configuration and compare them in one run.
//   GOSHOP_GATEWAY_PLANNER            rust: Hive Router's query planner and executor; js (default): the stitching runtime
//   GOSHOP_GATEWAY_DEDUPLICATE        true (default): identical in-flight subgraph queries share one request
//   GOSHOP_GATEWAY_BATCH_EXECUTION    true (default): the stitching runtime merges one tick's requests to a subgraph
// Worker processes are the CLI's own switch (--fork N, or FORK=N in the environment); `make up` runs one, as measured.
const planner = env.GOSHOP_GATEWAY_PLANNER ?? 'js';
if (planner !== 'rust' && planner !== 'js')
  throw new Error(`GOSHOP_GATEWAY_PLANNER must be 'rust' or 'js', not '${planner}'`);
// Loaded only when asked for: its native planner ships for a handful of platforms.
const { unifiedGraphHandler } = planner === 'rust' ? await import('@graphql-hive/router-runtime') : { unifiedGraphHandler: undefined };
const flag = (name: string, fallback: boolean) => {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new Error(`${name} must be 'true' or 'false', not '${value}'`);
};

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
  ...(unifiedGraphHandler ? { unifiedGraphHandler } : {}),
  __experimental__batchExecution: flag('GOSHOP_GATEWAY_BATCH_EXECUTION', true),
  transportEntries: {
    '*.http': { options: { deduplicateInflightRequests: flag('GOSHOP_GATEWAY_DEDUPLICATE', true) } },
  },
  plugins: () => [useBananaCakePop({ path: '/graphql', title: 'GoShop' })],
});
