// Two-step sign-in at the edge, called as SvelteKit calls the actions (a real Request, a cookie jar)
// on a real database: the password gives only a short-lived pending cookie, the code page turns it
// into a session; the set-up page's actions enrol an account.
import { isActionFailure, isRedirect } from '@sveltejs/kit';
import * as OTPAuth from 'otpauth';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import * as identity from '$lib/server/identity';
import { rateLimits } from '$lib/server/platform/schema';
import { PENDING_COOKIE, SESSION_COOKIE } from '$lib/server/platform/http';
import { useFreshDatabase } from '$lib/server/test/db';
import { grant, makeUser, TEST_PASSWORD } from '$lib/server/test/factories';
import type { Actor } from '$lib/server/identity';
import { actions as signinActions } from '../+page.server';
import { actions as codeActions, load as codeLoad } from './+page.server';
import { actions as setupActions, load as setupLoad } from '../../account/two-factor/+page.server';

useFreshDatabase();

beforeEach(async () => {
	await db().delete(rateLimits);
});

/** A browser's cookies for one site, as SvelteKit's `cookies` object sees them. */
class Jar {
	values = new Map<string, string>();
	options = new Map<string, { maxAge?: number; httpOnly?: boolean }>();
	get = (name: string) => this.values.get(name);
	set = (name: string, value: string, opts: { maxAge?: number; httpOnly?: boolean }) => {
		this.values.set(name, value);
		this.options.set(name, opts);
	};
	delete = (name: string) => {
		this.values.delete(name);
	};
}

function post(path: string, fields: Record<string, string>) {
	return new Request(`http://localhost${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function event(request: Request, jar: Jar, actor: Actor | null = null): any {
	return { request, url: new URL(request.url), locals: { actor }, params: {}, cookies: jar, setHeaders() {}, getClientAddress: () => '192.0.2.44' };
}

async function outcome(p: unknown): Promise<{ status: number; data: Record<string, unknown>; location?: string }> {
	try {
		const r = await p;
		if (isActionFailure(r)) return { status: r.status, data: r.data as unknown as Record<string, unknown> };
		return { status: 200, data: (r ?? {}) as Record<string, unknown> };
	} catch (e) {
		if (isRedirect(e)) return { status: e.status, data: {}, location: e.location };
		throw e;
	}
}

const codeFor = (secret: string, offset = 0) => OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(secret), timestamp: Date.now() + offset * 30_000 });

describe('setting up two-factor sign-in from the account page', () => {
	it('starts, shows the key as text, the otpauth address and an inline SVG QR code, then confirms', async () => {
		const jar = new Jar();
		const actor = await makeUser({ email: 'setup@example.org', grants: [grant('validator', { country: 'KE' })] });
		const before = (await setupLoad(event(new Request('http://localhost/account/two-factor'), jar, actor))) as { status: { state: string; required: boolean } };
		expect(before.status).toEqual({ state: 'off', required: true });

		expect((await outcome(setupActions.start(event(post('/account/two-factor?/start', { form: 'start' }), jar, actor)))).data).toEqual({ started: true });
		const page = (await setupLoad(event(new Request('http://localhost/account/two-factor'), jar, actor))) as { status: { state: string; secret: string; uri: string }; qr: string };
		expect(page.status.state).toBe('pending');
		expect(page.status.uri).toContain(`secret=${page.status.secret}`);
		expect(page.qr).toMatch(/^<svg role="img" aria-labelledby="qr-label"/);
		expect(page.qr).not.toMatch(/https?:\/\/(?!www\.w3\.org)/); // nothing to fetch

		const wrong = await outcome(setupActions.confirm(event(post('/account/two-factor?/confirm', { form: 'confirm', code: '000000' === codeFor(page.status.secret) ? '111111' : '000000' }), jar, actor)));
		expect(wrong.status).toBe(400);
		expect(wrong.data).toMatchObject({ error: 'two_factor_code_invalid', fields: { code: 'two_factor_code_invalid' } });
		expect(wrong.data.values).not.toHaveProperty('code'); // codes are never sent back

		const done = await outcome(setupActions.confirm(event(post('/account/two-factor?/confirm', { form: 'confirm', code: codeFor(page.status.secret) }), jar, actor)));
		expect(done.status).toBe(200);
		expect(done.data.recoveryCodes).toHaveLength(10);
		const after = (await setupLoad(event(new Request('http://localhost/account/two-factor'), jar, actor))) as { status: Record<string, unknown>; qr: null };
		expect(after.status).toMatchObject({ state: 'on', recoveryCodesLeft: 10 });
		expect(JSON.stringify(after)).not.toContain(page.status.secret);
	});

	it('sends an anonymous visitor to sign in', async () => {
		const r = await outcome(setupLoad(event(new Request('http://localhost/account/two-factor'), new Jar(), null)));
		expect(r.status).toBe(303);
		expect(r.location).toMatch(/^\/signin\?next=/);
	});
});

describe('signing in with a second factor', () => {
	async function enrolledUser(email: string) {
		const actor = await makeUser({ email, grants: [grant('admin')] });
		const { secret } = await identity.startTwoFactor(actor);
		const { recoveryCodes } = await identity.confirmTwoFactor(actor, { code: codeFor(secret) });
		return { actor, secret, recoveryCodes };
	}

	it('the password leads to the code page with a pending cookie only; the code opens the session and keeps `next`', async () => {
		const { actor, secret } = await enrolledUser('admin2fa@example.org');
		const jar = new Jar();
		const first = await outcome(signinActions.default(event(post('/signin?next=%2Fadmin%2Faudit', { email: 'admin2fa@example.org', password: TEST_PASSWORD }), jar)));
		expect(first.status).toBe(303);
		expect(first.location).toBe('/signin/two-factor?next=%2Fadmin%2Faudit');
		expect(jar.get(SESSION_COOKIE)).toBeUndefined();
		expect(jar.get(PENDING_COOKIE)).toBeTruthy();
		expect(jar.options.get(PENDING_COOKIE)).toMatchObject({ httpOnly: true, maxAge: identity.PENDING_MINUTES * 60 });
		expect(await identity.actorForSession(jar.get(PENDING_COOKIE))).toBeNull();

		// the code page opens for the pending sign-in
		expect(await outcome(codeLoad(event(new Request('http://localhost/signin/two-factor?next=%2Fadmin%2Faudit'), jar)))).toMatchObject({ status: 200 });

		const wrong = await outcome(codeActions.default(event(post('/signin/two-factor?next=%2Fadmin%2Faudit', { code: '12345' }), jar)));
		expect(wrong.status).toBe(400);
		expect(jar.get(SESSION_COOKIE)).toBeUndefined();

		const ok = await outcome(codeActions.default(event(post('/signin/two-factor?next=%2Fadmin%2Faudit', { code: codeFor(secret, 1) }), jar)));
		expect(ok).toMatchObject({ status: 303, location: '/admin/audit' });
		expect(jar.get(PENDING_COOKIE)).toBeUndefined();
		const session = await identity.actorForSession(jar.get(SESSION_COOKIE));
		expect(session).toMatchObject({ id: actor.id, twoFactor: true });
	});

	it('a recovery code works once; a foreign `next` is dropped', async () => {
		const { recoveryCodes } = await enrolledUser('recover@example.org');
		const jar = new Jar();
		await outcome(signinActions.default(event(post('/signin?next=%2F%09%2Fevil.example', { email: 'recover@example.org', password: TEST_PASSWORD }), jar)));
		const ok = await outcome(codeActions.default(event(post('/signin/two-factor?next=%2F%09%2Fevil.example', { code: recoveryCodes[0] }), jar)));
		expect(ok).toMatchObject({ status: 303, location: '/account' });

		const again = new Jar();
		await outcome(signinActions.default(event(post('/signin', { email: 'recover@example.org', password: TEST_PASSWORD }), again)));
		const reused = await outcome(codeActions.default(event(post('/signin/two-factor', { code: recoveryCodes[0] }), again)));
		expect(reused).toMatchObject({ status: 400, data: { error: 'two_factor_code_invalid' } });
	});

	it('without a pending sign-in, the code page sends back to the password and the action refuses', async () => {
		const jar = new Jar();
		const load = await outcome(codeLoad(event(new Request('http://localhost/signin/two-factor'), jar)));
		expect(load).toMatchObject({ status: 303, location: '/signin?next=%2Faccount' });
		const r = await outcome(codeActions.default(event(post('/signin/two-factor', { code: '123456' }), jar)));
		expect(r).toMatchObject({ status: 400, data: { error: 'two_factor_pending_expired' } });
		const broken = await outcome(codeActions.default(event(new Request('http://localhost/signin/two-factor', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=----x' }, body: 'garbage' }), jar)));
		expect(broken).toMatchObject({ status: 400, data: { error: 'form_unreadable' } });
	});

	it('an account without a second factor is signed in by the password alone', async () => {
		await makeUser({ email: 'learner@example.org' });
		const jar = new Jar();
		const r = await outcome(signinActions.default(event(post('/signin', { email: 'learner@example.org', password: TEST_PASSWORD }), jar)));
		expect(r).toMatchObject({ status: 303, location: '/account' });
		expect(jar.get(SESSION_COOKIE)).toBeTruthy();
		expect(jar.get(PENDING_COOKIE)).toBeUndefined();
	});
});
