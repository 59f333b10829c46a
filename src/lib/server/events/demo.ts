// Demo events for a first run: several languages, countries and kinds, all marked as demo (the
// pages say so). One session for children aged 10-14 with 40 seats is full, with a waiting list.
// Dates are relative to the day of seeding. Registrations use example.org addresses (reserved).
import { randomBytes } from 'node:crypto';
import type { Db, Tx } from '../db';
import { audit } from '../identity';
import { sha256 } from '../identity/crypto';
import { events, registrations } from './schema';
import { zonedToUtc } from './time';

type NewEvent = typeof events.$inferInsert;

function day(offsetDays: number): string {
	return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

function at(offsetDays: number, time: string, tz: string): Date {
	return zonedToUtc(`${day(offsetDays)}T${time}`, tz)!;
}

export function demoEvents(): NewEvent[] {
	const common = { isDemo: true, status: 'published', publishedAt: new Date(), holdHours: 48, reminders: [1440, 60] };
	return [
		{
			...common,
			title: { en: 'Staying safe online: free session for pupils aged 10 to 14', fr: 'Rester en sécurité en ligne : séance gratuite pour les élèves de 10 à 14 ans' },
			description: { en: 'A two-hour interactive session for classes of pupils aged 10 to 14 and their teachers: sharing with care, spotting fakes, and where to get help. Teachers register their class by ages only.' },
			kind: 'children_session',
			audiences: ['children', 'educators'],
			topics: ['share_with_care', 'spot_the_fake', 'get_help'],
			areas: ['capacity'],
			languages: ['en'],
			startsAt: at(21, '10:00', 'Africa/Nairobi'),
			endsAt: at(21, '12:00', 'Africa/Nairobi'),
			timeZone: 'Africa/Nairobi',
			mode: 'in_person',
			venue: 'Demo venue (not a real place)',
			city: 'Nairobi',
			country: 'KE',
			seats: 40,
			childMinAge: 10,
			childMaxAge: 14,
			safeguardingContact: 'Demo safeguarding lead, safeguarding@example.org',
			questions: [{ id: 'school', kind: 'text', label: { en: 'School or group name', fr: "Nom de l'école ou du groupe" }, required: false }]
		},
		{
			...common,
			title: { fr: 'Rester en sécurité en ligne : séance gratuite pour les élèves de 10 à 14 ans (en ligne)', en: 'Staying safe online: free online session for pupils aged 10 to 14 (in French)' },
			description: { fr: "Une séance interactive en ligne de deux heures pour les classes d'élèves de 10 à 14 ans et leurs enseignants. Les enseignants inscrivent leur classe par l'âge des élèves seulement." },
			kind: 'children_session',
			audiences: ['children', 'educators'],
			topics: ['share_with_care', 'be_kind', 'get_help'],
			areas: ['capacity'],
			languages: ['fr'],
			startsAt: at(28, '10:00', 'Africa/Dakar'),
			endsAt: at(28, '12:00', 'Africa/Dakar'),
			timeZone: 'Africa/Dakar',
			mode: 'online',
			country: 'SN',
			onlineUrl: 'https://meet.example.org/demo-session-fr',
			seats: 40,
			childMinAge: 10,
			childMaxAge: 14,
			safeguardingContact: 'Responsable protection (démo), protection@example.org'
		},
		{
			...common,
			title: { ar: 'ورشة عمل إقليمية لوحدات حماية الأطفال على الإنترنت', en: 'Regional workshop for Child Online Protection units' },
			description: { ar: 'ورشة عمل لمدة يومين لتبادل الخبرات بين وحدات حماية الأطفال على الإنترنت في المنطقة العربية.', en: 'A two-day workshop for COP units of the Arab States region to exchange practice.' },
			kind: 'workshop',
			audiences: ['cop_units', 'policy_makers'],
			topics: ['contact', 'content'],
			areas: ['organizational', 'cooperation'],
			languages: ['ar', 'en'],
			startsAt: at(35, '09:00', 'Africa/Cairo'),
			endsAt: at(36, '17:00', 'Africa/Cairo'),
			timeZone: 'Africa/Cairo',
			mode: 'in_person',
			venue: 'Demo venue (not a real place)',
			city: 'Cairo',
			country: 'EG',
			seats: 30,
			moderated: true,
			questions: [{ id: 'unit', kind: 'text', label: { en: 'Organisation or unit', ar: 'الجهة أو الوحدة' }, required: true }]
		},
		{
			...common,
			title: { es: 'Seminario web para familias: hablar con sus hijos sobre la vida en línea', en: 'Webinar for parents: talking with your children about life online' },
			description: { es: 'Una hora para madres, padres y cuidadores: cómo iniciar la conversación y dónde pedir ayuda.' },
			kind: 'webinar',
			audiences: ['parents'],
			topics: ['talk_it_out', 'get_help'],
			areas: ['capacity'],
			languages: ['es'],
			startsAt: at(14, '18:00', 'America/Bogota'),
			endsAt: at(14, '19:00', 'America/Bogota'),
			timeZone: 'America/Bogota',
			mode: 'online',
			region: 'americas',
			onlineUrl: 'https://meet.example.org/demo-webinar-es',
			seats: 300,
			questions: [{ id: 'ages', kind: 'choice', label: { es: 'Edad de sus hijos', en: "Your children's ages" }, options: [{ es: 'Menos de 10', en: 'Under 10' }, { es: '10 a 14', en: '10 to 14' }, { es: '15 a 17', en: '15 to 17' }], required: false }]
		},
		{
			...common,
			title: { ru: 'Тренинг для педагогов: безопасность детей в интернете', en: 'Training for educators: keeping children safe online' },
			description: { ru: 'Однодневный тренинг для учителей и школьных психологов.' },
			kind: 'training',
			audiences: ['educators'],
			topics: ['conduct', 'be_kind', 'talk_it_out'],
			areas: ['capacity'],
			languages: ['ru'],
			startsAt: at(42, '09:30', 'Asia/Almaty'),
			endsAt: at(42, '16:30', 'Asia/Almaty'),
			timeZone: 'Asia/Almaty',
			mode: 'in_person',
			venue: 'Demo venue (not a real place)',
			city: 'Almaty',
			country: 'KZ',
			seats: 25
		},
		{
			...common,
			title: { zh: '行业对话：儿童在线保护的设计原则', en: 'Industry dialogue: child online protection by design' },
			description: { zh: '面向科技企业的线上对话。', en: 'An online dialogue with technology companies.' },
			kind: 'conference',
			audiences: ['industry'],
			topics: ['contract', 'secure_your_secrets'],
			areas: ['technical', 'cooperation'],
			languages: ['zh', 'en'],
			startsAt: at(49, '14:00', 'Asia/Shanghai'),
			endsAt: at(49, '17:00', 'Asia/Shanghai'),
			timeZone: 'Asia/Shanghai',
			mode: 'online',
			onlineUrl: 'https://meet.example.org/demo-dialogue',
			seats: 500
		},
		{
			...common,
			title: { en: 'Webinar for policy-makers: building a national COP strategy', fr: 'Webinaire pour les décideurs : bâtir une stratégie nationale COP' },
			description: { en: 'A past webinar, kept with its materials.' },
			materials: { en: 'Demo materials: the slides and recording of a real event would be linked here.' },
			kind: 'webinar',
			audiences: ['policy_makers'],
			topics: ['contact', 'content', 'conduct', 'contract'],
			areas: ['legal', 'organizational'],
			languages: ['en', 'fr'],
			startsAt: at(-20, '13:00', 'Europe/Zurich'),
			endsAt: at(-20, '14:30', 'Europe/Zurich'),
			timeZone: 'Europe/Zurich',
			mode: 'online',
			onlineUrl: 'https://meet.example.org/demo-past',
			seats: 200
		}
	];
}

/** Inserts the demo events (and the full children's session with its waiting list). */
export async function seedEventsDemo(tx: Db | Tx): Promise<void> {
	const rows = await tx.insert(events).values(demoEvents()).returning({ id: events.id, kind: events.kind, country: events.country });
	for (const r of rows) await audit.record(tx, null, { action: 'event.create', entityType: 'event', entityId: r.id, after: { demo: true } });
	const full = rows.find((r) => r.kind === 'children_session' && r.country === 'KE');
	if (!full) return;
	const now = new Date();
	const groups = [
		{ adults: 1, ages: [10, 10, 11, 11, 11, 12, 12, 12, 13] },
		{ adults: 1, ages: [11, 11, 12, 12, 12, 12, 13, 13, 14] },
		{ adults: 2, ages: [12, 13, 13, 13, 14, 14, 14, 14] },
		{ adults: 1, ages: [10, 11, 12, 12, 13, 13, 14, 14, 14] }
	];
	const regs = groups.map((g, i) => ({
		eventId: full.id,
		status: 'confirmed',
		name: `Demo teacher ${i + 1}`,
		email: `demo-teacher-${i + 1}@example.org`,
		adults: g.adults,
		childAges: g.ages,
		places: g.adults + g.ages.length,
		childConsentAt: now,
		emailConfirmedAt: now,
		tokenHash: sha256(randomBytes(24).toString('base64url'))
	}));
	for (let i = 1; i <= 2; i++)
		regs.push({ eventId: full.id, status: 'waiting', name: `Demo parent ${i}`, email: `demo-parent-${i}@example.org`, adults: 1, childAges: [11 + i], places: 2, childConsentAt: now, emailConfirmedAt: now, tokenHash: sha256(randomBytes(24).toString('base64url')) });
	for (const r of regs) await tx.insert(registrations).values(r);
}
