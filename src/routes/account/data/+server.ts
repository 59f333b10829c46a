// "Download my data": everything the platform keeps about the signed-in person, as one JSON file.
// Each module with personal data contributes through its index.
import { error, json } from '@sveltejs/kit';
import * as identity from '$lib/server/identity';
import * as learning from '$lib/server/learning';
import * as toolkits from '$lib/server/toolkits';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	if (!locals.actor) error(401, 'sign_in_required');
	const body = {
		exportedAt: new Date().toISOString(),
		about: 'Everything COP Platform keeps about your account. See /privacy for what each part is for and how long it is kept.',
		identity: await identity.personalData(locals.actor),
		learning: await learning.personalData(locals.actor.id),
		toolkits: await toolkits.personalData(locals.actor)
	};
	return json(body, {
		headers: {
			'cache-control': 'private, no-store',
			'content-disposition': `attachment; filename="cop-platform-my-data-${new Date().toISOString().slice(0, 10)}.json"`
		}
	});
};
