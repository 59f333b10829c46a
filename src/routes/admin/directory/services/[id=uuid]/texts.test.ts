// The moderator's "Descriptions in each language" form (?/texts) and what readers then see: the form
// posts one box per language, a refusal comes back with the box named and the typed text kept, and
// the public service page shows the reader's language unmarked and a fallback with its lang, dir and
// the "not yet translated" mark. Pages are rendered on the server, as SvelteKit does.
import { afterAll, describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { overwriteGetLocale, type Locale } from '$lib/paraglide/runtime';
import * as directory from '$lib/server/directory';
import type { Actor } from '$lib/server/identity';
import { useFreshDatabase } from '$lib/server/test/db';
import { serviceInput } from '$lib/server/test/directory';
import { grant, makeUser } from '$lib/server/test/factories';
import { actions, load } from './+page.server';
import AdminPage from './+page.svelte';
import { load as helpLoad } from '../../../../help/services/[id=uuid]/+page.server';
import HelpPage from '../../../../help/services/[id=uuid]/+page.svelte';

useFreshDatabase();

let locale: Locale = 'en';
overwriteGetLocale(() => locale);
afterAll(() => overwriteGetLocale(() => 'en'));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

function postEvent(id: string, actor: Actor | null, fields: [string, string][]): Any {
	const request = new Request(`http://localhost/admin/directory/services/${id}?/texts`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
		body: new URLSearchParams(fields).toString()
	});
	return { request, params: { id }, locals: { actor }, url: new URL(request.url) };
}

const post = async (id: string, actor: Actor | null, fields: [string, string][]): Promise<Any> => (await actions.texts(postEvent(id, actor, fields))) as Any;

/** The whole form as a browser sends it: every box, empty or not. */
function everyBox(filled: Record<string, string>): [string, string][] {
	return ['description', 'whatHappens'].flatMap((kind) => ['en', 'fr', 'es', 'ru', 'zh', 'ar'].map((l): [string, string] => [`${kind}.${l}`, filled[`${kind}.${l}`] ?? '']));
}

const html = (body: string) => body.replace(/<!--[^>]*-->/g, '');

async function adminPage(id: string, actor: Actor, form: Any = null): Promise<string> {
	locale = 'en';
	const data = await load({ locals: { actor }, params: { id } } as Any);
	return html(render(AdminPage, { props: { data, form } as Any }).body);
}

async function helpPage(id: string, as: Locale): Promise<string> {
	locale = as;
	const data = await helpLoad({ params: { id }, setHeaders() {} } as Any);
	return html(render(HelpPage, { props: { data } as Any }).body);
}

/** The attributes of the element whose text starts with `text`. */
function attributesOf(body: string, text: string): string {
	const m = new RegExp(`<(\\w+)([^>]*)>${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).exec(body);
	if (!m) throw new Error(`"${text}" not found`);
	return m[2];
}

describe('descriptions in each language, from the moderator’s form to the reader', () => {
	let keMod: Actor;
	let id: string;

	it('the form has a box per language for each text, in that language and direction, with the limit and a label', async () => {
		keMod = await makeUser({ grants: [grant('directory_moderator', { country: 'KE' })] });
		id = await directory.createService(keMod, serviceInput({ description: { en: 'Counsellors listen to you.' }, whatHappens: { en: 'A counsellor answers the phone.' } }));
		const body = await adminPage(id, keMod);
		expect(body).toContain('action="?/texts"');
		for (const l of ['en', 'fr', 'es', 'ru', 'zh', 'ar']) {
			for (const kind of ['description', 'whatHappens']) {
				const textarea = new RegExp(`<textarea[^>]*name="${kind}\\.${l}"[^>]*>`).exec(body)?.[0] ?? '';
				expect(textarea, `${kind}.${l}`).toContain(`id="f-${kind}.${l}"`);
				expect(textarea).toContain(`lang="${l}"`);
				expect(textarea).toContain(`dir="${l === 'ar' ? 'rtl' : 'ltr'}"`);
				expect(textarea).toContain('maxlength="4000"');
				expect(body).toContain(`<label for="f-${kind}.${l}">`);
			}
		}
		expect(body).toMatch(/<legend lang="ar" dir="rtl">العربية<\/legend>/);
		expect(body).toContain('>Counsellors listen to you.</textarea>');
	});

	it('a moderator of the country saves the Spanish texts; a Spanish reader sees them unmarked', async () => {
		const result = await post(id, keMod, everyBox({ 'description.en': 'Counsellors listen to you.', 'whatHappens.en': 'A counsellor answers the phone.', 'description.es': 'Personas que te escuchan.', 'whatHappens.es': 'Te responde una consejera.' }));
		expect(result).toEqual({ textsSaved: true, changed: true });
		const es = await helpPage(id, 'es');
		expect(attributesOf(es, 'Personas que te escuchan.')).not.toMatch(/lang=/);
		expect(attributesOf(es, 'Te responde una consejera.')).not.toMatch(/lang=/);
		expect(es).not.toContain('untranslated');
	});

	it('a French reader sees the English fallback with lang="en" dir="ltr" and the mark; an Arabic reader too', async () => {
		const fr = await helpPage(id, 'fr');
		expect(attributesOf(fr, 'Counsellors listen to you.')).toMatch(/lang="en" dir="ltr"/);
		expect(fr).toContain('class="untranslated"');
		expect(fr).toContain('Pas encore traduit');
		const ar = await helpPage(id, 'ar');
		expect(attributesOf(ar, 'A counsellor answers the phone.')).toMatch(/lang="en" dir="ltr"/);
	});

	it('a refused form comes back as a 400 with the box named, the error beside it and every typed text kept; nothing is saved', async () => {
		const typed = everyBox({ 'description.en': 'Counsellors listen to you.', 'description.es': 'Texto nuevo que no se guarda', 'description.fr': 'Texte\u0007caché' });
		const result = await post(id, keMod, typed);
		expect(result.status).toBe(400);
		expect(result.data.fields).toEqual({ 'description.fr': 'control_characters' });
		expect(result.data.values['description.es']).toBe('Texto nuevo que no se guarda');
		const body = await adminPage(id, keMod, result.data);
		expect(body).toContain('class="error-summary"');
		expect(body).toContain('href="#f-description.fr"');
		expect(body).toMatch(/<p class="error" id="f-description\.fr-error">/);
		expect(new RegExp('<textarea[^>]*name="description\\.fr"[^>]*>').exec(body)?.[0]).toMatch(/aria-invalid="true"/);
		expect(body).toContain('>Texto nuevo que no se guarda</textarea>');
		// the JSON editor below does not claim the error
		expect(body).not.toContain('class="error-list"');
		expect((await directory.getService(id))!.service.description.es).toBe('Personas que te escuchan.');
	});

	it('emptying the last description is refused beside that box; an unknown language is refused', async () => {
		const only = await directory.createService(keMod, serviceInput({ description: { en: 'Only in English' } }));
		const emptied = await post(only, keMod, everyBox({}));
		expect(emptied.status).toBe(400);
		expect(emptied.data.error).toBe('description_required');
		expect(emptied.data.fields).toEqual({ 'description.en': 'description_required' });
		const unknown = await post(only, keMod, [...everyBox({ 'description.en': 'Only in English' }), ['description.de', 'Nur auf Deutsch']]);
		expect(unknown.status).toBe(400);
		expect(unknown.data.fields).toEqual({ 'description.de': 'locale_invalid' });
		expect((await directory.getService(only))!.service.description).toEqual({ en: 'Only in English' });
	});

	it('refuses a moderator of another country (403), anyone signed out, and an unknown service (404)', async () => {
		const ugMod = await makeUser({ grants: [grant('directory_moderator', { country: 'UG' })] });
		expect((await post(id, ugMod, everyBox({ 'description.es': 'x' }))).status).toBe(403);
		expect((await post(id, null, everyBox({ 'description.es': 'x' }))).status).toBe(401);
		expect((await post('00000000-0000-0000-0000-000000000000', keMod, everyBox({}))).status).toBe(404);
		expect((await directory.getService(id))!.service.description.es).toBe('Personas que te escuchan.');
	});
});
