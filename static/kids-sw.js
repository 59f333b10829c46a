// Service worker of the kids zone: offline once visited, installable. Registered by static/kids/kids.js
// with the scope of one language's kids pages (/kids, /fr/kids, ...). It answers only:
//   - GET kids pages of its own scope (and their manifest), and
//   - GET of the static files those pages use (listed below),
// from the cache first, refreshing the copy in the background when online. Everything else (other
// pages, the help finder, forms, any non-GET) is left to the browser untouched. It fetches with
// credentials omitted, so cookies are never sent and a signed-in adult's page is never stored.
'use strict';

var VERSION = 'kids-v2';
var CACHE = 'cop-' + VERSION;
var ASSETS = [
	'/app.css',
	'/favicon.svg',
	'/quick-exit.js',
	'/kids/kids.css',
	'/kids/course.css',
	'/kids/kids.js',
	'/kids/icon.svg',
	'/kids/guide/nova.svg'
];
var scopePath = new URL(self.registration.scope).pathname.replace(/\/$/, '');

/** A kids page of this worker's language: /kids, /kids/9-12, /kids/9-12/prize-scam, /kids/9-12/course/quiz, the manifest. */
function isKidsPage(url) {
	if (url.pathname === scopePath) return true;
	if (url.pathname.indexOf(scopePath + '/') !== 0) return false;
	return /^(\/[a-z0-9-]+){1,3}$|^\/manifest\.webmanifest$/.test(url.pathname.slice(scopePath.length));
}

function cacheable(url) {
	return url.origin === self.location.origin && !url.search && (ASSETS.indexOf(url.pathname) >= 0 || isKidsPage(url));
}

/** Network copy without cookies; only clean, public, same-origin 200 answers are kept. */
function refresh(url) {
	return fetch(url.pathname, { credentials: 'omit', redirect: 'follow', cache: 'no-cache' }).then(function (response) {
		var cc = response.headers.get('cache-control') || '';
		if (response.ok && response.type === 'basic' && !response.redirected && !/no-store|private/.test(cc)) {
			var copy = response.clone();
			caches.open(CACHE).then(function (cache) { return cache.put(url.pathname, copy); });
		}
		return response;
	});
}

self.addEventListener('install', function (event) {
	event.waitUntil(
		caches.open(CACHE).then(function (cache) {
			return Promise.all(
				ASSETS.concat([scopePath]).map(function (path) {
					return fetch(path, { credentials: 'omit' }).then(function (r) {
						if (r.ok && !r.redirected) return cache.put(path, r);
					}).catch(function () {});
				})
			);
		}).then(function () { return self.skipWaiting(); })
	);
});

self.addEventListener('activate', function (event) {
	event.waitUntil(
		caches.keys().then(function (keys) {
			return Promise.all(keys.filter(function (k) { return k.indexOf('cop-kids-') === 0 && k !== CACHE; }).map(function (k) { return caches.delete(k); }));
		}).then(function () { return self.clients.claim(); })
	);
});

self.addEventListener('fetch', function (event) {
	var request = event.request;
	if (request.method !== 'GET') return;
	var url = new URL(request.url);
	if (!cacheable(url)) return;
	var key = url.pathname;
	event.respondWith(
		caches.open(CACHE).then(function (cache) {
			return cache.match(key).then(function (hit) {
				var network = refresh(url);
				if (hit) {
					event.waitUntil(network.catch(function () {}));
					return hit;
				}
				return network;
			});
		})
	);
});
