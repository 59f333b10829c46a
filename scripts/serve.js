// Serves the production build (adapter-node's build/index.js) with what its static file server
// lacks: the security headers on static files and a cache lifetime for them. Every launcher uses
// this file: `npm start` (scripts/start.js), the e2e server and the bench.
//
// Pages and API answers get their headers in src/hooks.server.ts; static files (build/client:
// /app.css, /favicon.svg, /_app/immutable/…) are served by adapter-node's sirv before any hook runs.
// adapter-node offers no option for their headers, so we catch the HTTP server it creates and put a
// listener in front of its own that sets them on the response before sirv writes it (sirv keeps
// headers already set). Dynamic answers are never touched here: only paths of files that exist in
// build/client are. See docs/performance.md ("Delivery").
//
// It also opens the front door: kept public pages are answered by the app's page cache straight
// from the request listener, before SvelteKit (src/lib/server/platform/page-cache.ts, `front`;
// docs/performance.md, "Front door").
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { frontDoor, interceptServer, listFiles, staticHeaders } from './static-headers.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const buildDir = path.join(root, 'build');
const https = (process.env.ORIGIN ?? '').startsWith('https:');
interceptServer(staticHeaders(listFiles(path.join(buildDir, 'client')), https));
const { server } = await import(pathToFileURL(path.join(buildDir, 'index.js')).href);
frontDoor(server.server, server.attach);
