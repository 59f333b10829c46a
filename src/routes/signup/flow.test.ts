// Sign-up at the edge, called as SvelteKit calls the actions: a new address and one that already has
// an account get the same answer (a 303 to "check your email", no session); the new address gets a
// link that creates the account when its button is pressed, the owner of the known one a notice.
import { isActionFailure, isRedirect } from '@sveltejs/kit';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import * as mail from '$lib/server/mail';
import { rateLimits } from '$lib/server/platform/schema';
import { SESSION_COOKIE } from '$lib/server/platform/http';
import { useFreshDatabase } from '$lib/server/test/db';
import { makeUser } from '$lib/server/test/factories';
import { users } from '$lib/server/identity/schema';
import { actions, load } from './+page.server';
import { actions as confirmActions, load as confirmLoad } from './[token]/+page.server';

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
	it('answers a new and a known address alike, and only the mailed link creates the account and signs in', async () => {
		await makeUser({ email: 'known@example.org', name: 'Known Person' });

		const newJar = new Jar();
		const fresh = await outcome(actions.default(event(post({ name: 'New Person', email: 'new@example.org', password: 'a long enough password' }), newJar)));
		const knownJar = new Jar();
		const known = await outcome(actions.default(event(post({ name: 'Someone Else', email: 'Known@Example.org', password: 'a long enough password' }), knownJar)));
		// the same answer, no session for either
		expect(fresh).toEqual({ status: 303, location: '/signup?sent' });
		expect(known).toEqual(fresh);
		expect(newJar.values.size + knownJar.values.size).toBe(0);
		const mails = await mail.list();
		expect(mails.map((x) => x.to).sort()).toEqual(['known@example.org', 'new@example.org']);
		expect(mails.find((x) => x.to === 'known@example.org')!.body).toContain('http://localhost/signin');

		// the page it lands on says "check your email"
		expect(await load(event(new Request('http://localhost/signup?sent'), new Jar()))).toEqual({ sent: true });
		expect(await load(event(new Request('http://localhost/signup'), new Jar()))).toEqual({ sent: false });

		// opening the link shows a button and changes nothing (a mail scanner may open it)
		const link = /http:\/\/localhost(\/signup\/([A-Za-z0-9_-]+))/.exec(mails.find((x) => x.to === 'new@example.org')!.body)!;
		const page = event(new Request(`http://localhost${link[1]}`), new Jar());
		page.params = { token: link[2] };
		expect(await confirmLoad(page)).toEqual({});
		expect((await db().select().from(users)).map((u) => u.email)).toEqual(['known@example.org']);

		// pressing it creates the account and signs it in
		const jar = new Jar();
		const press = event(post({}), jar);
		press.params = { token: link[2] };
		expect(await outcome(confirmActions.default(press))).toEqual({ status: 303, location: '/account' });
		expect(jar.get(SESSION_COOKIE)).toBeTruthy();
		expect((await db().select().from(users)).map((u) => u.email).sort()).toEqual(['known@example.org', 'new@example.org']);

		// a second press: the link is used up, said in a 400 the page shows, nothing else happens
		const again = event(post({}), new Jar());
		again.params = { token: link[2] };
		expect(await outcome(confirmActions.default(again))).toMatchObject({ status: 400, data: { error: 'token_invalid' } });
	});
});
