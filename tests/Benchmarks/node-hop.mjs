// The floor of a Node.js hop, for the gateway-overhead scenario of `make bench`: a plain HTTP proxy that forwards
// every POST to one subgraph over a keep-alive connection and answers its response as it is. No GraphQL work at
// all, so the gateway's overhead above this is the gateway's own.
//   node node-hop.mjs <listen port> <subgraph url>
import http from 'node:http';

const [port, target] = [Number(process.argv[2]), new URL(process.argv[3])];
const agent = new http.Agent({ keepAlive: true });

http
  .createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const upstream = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': body.length },
        },
        (answer) => {
          const parts = [];
          answer.on('data', (part) => parts.push(part));
          answer.on('end', () => {
            const payload = Buffer.concat(parts);
            response.writeHead(answer.statusCode ?? 502, {
              'content-type': answer.headers['content-type'] ?? 'application/json',
              'content-length': payload.length,
            });
            response.end(payload);
          });
        },
      );
      upstream.on('error', () => {
        response.writeHead(502);
        response.end();
      });
      upstream.end(body);
    });
  })
  .listen(port, '127.0.0.1', () => console.log(`forwarding http://127.0.0.1:${port} to ${target}`));
