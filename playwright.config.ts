import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.js';

const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	// every visited page is checked with axe (all rules) and at 320 px; a journey of a dozen pages needs more than a minute on a busy 2-core machine
	timeout: 120_000,
	expect: { timeout: 10_000 },
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
		trace: 'off',
		// a locator that never matches fails the test in 30 s with its selector named, instead of
		// waiting out the test's whole timeout (a 15-minute silent hang in CI once)
		actionTimeout: 30_000,
		navigationTimeout: 60_000
	},
	projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
	webServer: {
		command: 'node scripts/e2e-server.js',
		url: `http://127.0.0.1:${port}/healthz`,
		timeout: 120_000,
		reuseExistingServer: false,
		stdout: 'ignore',
		stderr: 'pipe'
	}
});
