// The baseline for bench/run.ts: a plain Node HTTP server that answers every request with the
// same bytes (a copy of the app's home page) and the same content-type. Nothing else runs in it,
// so the app's figure divided by this one is the share of raw Node HTTP speed the app keeps.
// Usage: node bench/static-server.mjs <body-file> <content-type>   (prints "listening <port>")
import { readFileSync } from 'node:fs';
import http from 'node:http';

const [bodyFile, contentType] = process.argv.slice(2);
const body = readFileSync(bodyFile);
const headers = { 'content-type': contentType, 'content-length': String(body.length) };

const server = http.createServer((req, res) => {
	res.writeHead(200, headers);
	res.end(req.method === 'HEAD' ? undefined : body);
});
server.listen(0, '127.0.0.1', () => {
	process.stdout.write(`listening ${server.address().port}\n`);
});
const stop = () => {
	server.close(() => process.exit(0));
	server.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Never outlive the bench: stop when it is gone (re-parented), and after 10 minutes whatever happens.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && process.exit(0), 1_000).unref();
setTimeout(() => process.exit(0), 10 * 60_000).unref();
