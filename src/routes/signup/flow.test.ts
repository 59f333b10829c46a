// Sign-up at the edge, called as SvelteKit calls the action: a new address and one that already has
// an account get the same kind of answer (a 303, never an error saying the address is taken); only
// the new one gets a session, and the owner of the known one is mailed a notice.
import { isActionFailure, isRedirect } from '@sveltejs/kit';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import * as mail from '$lib/server/mail';
import { rateLimits } from '$lib/server/platform/schema';
import { SESSION_COOKIE } from '$lib/server/platform/http';
import { useFreshDatabase } from '$lib/server/test/db';
import { makeUser } from '$lib/server/test/factories';
import { actions, load } from './+page.server';

useFreshDatabase();

beforeEach(async () => {
	await db().delete(rateLimits);
});

class Jar {
	values = new Map<string, string>();
	get = (name: string) => this.values.get(name);
	set = (name: string, value: string) => {
		this.values.set(name, value);
	};
	delete = (name: string) => {
		this.values.delete(name);
	};
}

function post(fields: Record<string, string>) {
	return new Request('http://localhost/signup', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function event(request: Request, jar: Jar): any {
	return { request, url: new URL(request.url), locals: { actor: null }, params: {}, cookies: jar, setHeaders() {}, getClientAddress: () => '192.0.2.45' };
}

async function outcome(p: unknown): Promise<{ status: number; data?: unknown; location?: string }> {
	try {
		const r = await p;
		if (isActionFailure(r)) return { status: r.status, data: r.data };
		return { status: 200, data: r };
	} catch (e) {
		if (isRedirect(e)) return { status: e.status, location: e.location };
		throw e;
	}
}

describe('sign-up does not reveal whether an address has an account', () => {
	it('answers a new and a known address with a 303 and no error; only the new one is signed in', async () => {
		await makeUser({ email: 'known@example.org', name: 'Known Person' });

		const newJar = new Jar();
		const fresh = await outcome(actions.default(event(post({ name: 'New Person', email: 'new@example.org', password: 'a long enough password' }), newJar)));
		expect(fresh).toEqual({ status: 303, location: '/account' });
		expect(newJar.get(SESSION_COOKIE)).toBeTruthy();

		const knownJar = new Jar();
		const known = await outcome(actions.default(event(post({ name: 'Someone Else', email: 'Known@Example.org', password: 'a long enough password' }), knownJar)));
		expect(known).toEqual({ status: 303, location: '/signup?sent' });
		expect(knownJar.get(SESSION_COOKIE)).toBeUndefined();
		const notices = (await mail.list()).filter((x) => x.to === 'known@example.org');
		expect(notices).toHaveLength(1);
		expect(notices[0].body).toContain('http://localhost/signin');

		// the page it lands on says "check your email"
		expect(await load(event(new Request('http://localhost/signup?sent'), new Jar()))).toEqual({ sent: true });
		expect(await load(event(new Request('http://localhost/signup'), new Jar()))).toEqual({ sent: false });
	});
});
