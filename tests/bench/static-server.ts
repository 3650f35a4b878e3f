import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";

// The yardstick: a minimal node:http server that answers GET /<file> from
// memory, with the bytes of the directory given (argv[2]). Listens on
// 127.0.0.1, on a free port it prints as "LISTENING <port>".

const directory = process.argv[2];
if (!directory) throw new Error("usage: static-server.ts <directory>");

const files = new Map<string, Buffer>(
  readdirSync(directory).map((name) => [`/${name}`, readFileSync(path.join(directory, name))]),
);

const server = http.createServer((request, response) => {
  const body = request.method === "GET" ? files.get(request.url ?? "") : undefined;
  if (!body) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length });
  response.end(body);
});

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  if (address && typeof address === "object") process.stdout.write(`LISTENING ${address.port}\n`);
});

// Stop with the bench if it goes away.
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
process.on("SIGTERM", () => server.close(() => process.exit(0)));
