import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build' }),
		// Strict CSP: Kit hashes its own inline bootstrap script; nothing else inline may run.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['self'],
				'base-uri': ['self'],
				'object-src': ['none']
			}
		},
		// Referrer-Policy: no-referrer makes browsers send `Origin: null` on our own form posts, so
		// Kit's origin check would refuse them. `null` is let through here and checked properly in
		// hooks.server.ts (Sec-Fetch-Site), see docs/decisions.md.
		csrf: { trustedOrigins: ['null'] },
		paths: { relative: false },
		alias: { $content: 'content' }
	}
};

export default config;
