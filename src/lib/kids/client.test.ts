// The browser files of the kids zone, read as text: what they can do is limited by what they contain.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GUIDE } from './guide';

const kidsJs = readFileSync('static/kids/kids.js', 'utf8');
const worker = readFileSync('static/kids-sw.js', 'utf8');

describe('kids zone browser code', () => {
	it('kids.js has no way to send anything, notify, or nag', () => {
		for (const api of ['fetch(', 'XMLHttpRequest', 'sendBeacon', 'WebSocket', 'EventSource', 'Notification', 'PushManager', 'indexedDB', 'document.cookie', 'setInterval', 'postMessage', 'import(']) {
			expect(kidsJs, api).not.toContain(api);
		}
		// one storage key, removed by "forget my progress"
		expect(kidsJs.match(/localStorage\.(\w+)/g)?.sort()).toEqual(['localStorage.getItem', 'localStorage.removeItem', 'localStorage.setItem']);
		expect(kidsJs).toContain("var KEY = 'cop-kids';");
	});

	it('the service worker only reads pages and files; no push, sync or notifications, never with cookies', () => {
		for (const api of ['push', 'sync', 'notificationclick', 'periodicsync', 'showNotification', 'importScripts']) expect(worker).not.toMatch(new RegExp(`['"]${api}['"]|${api}\\(`));
		expect(worker).toContain("if (request.method !== 'GET') return;");
		for (const call of worker.match(/fetch\([^)]*\)/g) ?? []) expect(call, call).toContain("credentials: 'omit'");
	});

	it('the worker pre-caches every guide pose the config names', () => {
		for (const src of Object.values(GUIDE.poses)) expect(worker).toContain(`'${src.split('#')[0]}'`);
	});
});
