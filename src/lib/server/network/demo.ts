// Demo partners and experts for a first run. Every one is fictional, says so in its name, uses a
// reserved example.org address, and is flagged is_demo (the pages label it "demo").
import { randomBytes } from 'node:crypto';
import type { Db, Tx } from '../db';
import { audit } from '../identity';
import { sha256 } from '../identity/crypto';
import { applications } from './schema';

type NewApplication = Omit<typeof applications.$inferInsert, 'tokenHash'>;

export function demoMembers(): NewApplication[] {
	const common = { isDemo: true, status: 'accepted', emailConfirmedAt: new Date(), decidedAt: new Date(), locale: 'en', aboutLang: 'en' };
	return [
		{
			...common,
			kind: 'partner',
			name: 'Example Child Safety Network (demo, fictional)',
			sector: 'civil_society',
			contactName: 'Demo Contact',
			email: 'partner.civil@example.org',
			countries: ['KE', 'UG', 'TZ'],
			languages: ['en', 'sw'],
			topics: ['contact', 'get_help'],
			about: 'A fictional network of community organisations, used to show what a partner profile looks like. It offers trainers for parents and teachers, and translation of awareness material into Kiswahili.'
		},
		{
			...common,
			kind: 'partner',
			name: 'Demo Telecom Operator (fictional)',
			sector: 'industry',
			contactName: 'Demo Contact',
			email: 'partner.industry@example.org',
			countries: ['FR', 'BE', 'SN'],
			languages: ['fr', 'en'],
			topics: ['content', 'secure_your_secrets'],
			about: "A fictional operator showing an industry partner: it offers family safety settings documentation and staff volunteers for school visits.",
			aboutLang: 'en'
		},
		{
			...common,
			kind: 'partner',
			name: 'Demo University Research Centre (fictional)',
			sector: 'academia',
			contactName: 'Demo Contact',
			email: 'partner.academia@example.org',
			countries: ['AR', 'CL'],
			languages: ['es', 'en'],
			topics: ['conduct', 'spot_the_fake'],
			about: 'Centro de investigación ficticio que muestra un perfil académico: ofrece apoyo metodológico para encuestas sobre la experiencia en línea de niñas, niños y adolescentes.',
			aboutLang: 'es'
		},
		{
			...common,
			kind: 'expert',
			name: 'Dr. Demo Expert One (fictional)',
			email: 'expert.one@example.org',
			fields: ['law_policy', 'child_rights'],
			topics: ['contact', 'contract'],
			countries: ['EG', 'JO'],
			languages: ['ar', 'en'],
			about: 'A fictional legal expert, shown to illustrate a profile: drafting and reviewing child online protection provisions in national law.',
			links: ['https://example.org/demo-expert-one'],
			publicFields: ['bio', 'topics', 'countries', 'languages', 'links']
		},
		{
			...common,
			kind: 'expert',
			name: 'Demo Expert Two (fictional)',
			email: 'expert.two@example.org',
			fields: ['education', 'child_participation'],
			topics: ['be_kind', 'talk_it_out'],
			countries: ['IN'],
			languages: ['en', 'hi'],
			about: 'A fictional teacher trainer who works with schools on kindness online and on listening to children.',
			publicFields: ['bio', 'languages']
		},
		{
			...common,
			kind: 'expert',
			name: 'Demo Expert Three (fictional)',
			email: 'expert.three@example.org',
			fields: ['technology', 'data_protection'],
			topics: ['secure_your_secrets', 'share_with_care'],
			countries: ['BR', 'PT'],
			languages: ['pt', 'es', 'en'],
			about: 'A fictional engineer who advises on safety by design and on privacy settings for young users.',
			publicFields: ['bio', 'topics', 'countries', 'languages']
		}
	];
}

/** Seeds the demo network (called from src/lib/server/seed.ts in one transaction). */
export async function seedNetworkDemo(tx: Db | Tx): Promise<void> {
	for (const member of demoMembers()) {
		const [row] = await tx
			.insert(applications)
			.values({ ...member, tokenHash: sha256(randomBytes(32).toString('base64url')) })
			.returning({ id: applications.id });
		await audit.record(tx, null, { action: 'network.seed_demo', entityType: 'network_application', entityId: row.id });
	}
}
