// Renders the kids zone's app icons (static/kids/icon-192.png, icon-512.png) from static/kids/icon.svg
// with the same Chromium the browser tests use. Run after swapping the guide art: node scripts/kids-icons.js
import fs from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.js';

const svg = fs.readFileSync('static/kids/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
for (const size of [192, 512]) {
	const page = await browser.newPage({ viewport: { width: size, height: size } });
	await page.setContent(`<!doctype html><body style="margin:0">${svg.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`)}</body>`);
	await page.screenshot({ path: `static/kids/icon-${size}.png`, omitBackground: true });
	await page.close();
}
await browser.close();
