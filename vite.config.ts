import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';

// The Paraglide plugin keeps Vitest from exiting, so tests compile messages once
// in scripts/test.js (and vitest.setup) instead of watching them.
const paraglide = process.env.VITEST
	? []
	: [
			paraglideVitePlugin({
				project: './project.inlang',
				outdir: './src/lib/paraglide',
				strategy: ['url', 'baseLocale']
			})
		];

export default defineConfig({
	plugins: [...paraglide, sveltekit()],
	server: { host: '127.0.0.1' },
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node',
		globalSetup: ['./vitest.global-setup.ts'],
		testTimeout: 60_000,
		hookTimeout: 60_000,
		fileParallelism: false,
		pool: 'forks'
	}
});
