// Demo library for a first run: a few documents written for this platform, all marked as demo
// (the pages and the open data say so). No links to outside documents (we link real ITU
// documents only by a public URL we are sure of, and none is given here); no real Member State is
// said to have submitted anything: the Council Working Group contributions come from fictional
// organisations. One generated PDF in English and one in French make search-inside-PDF visible.
import type { Db, Tx } from '../db';
import { documentColumns, insertDocument, prepareFile, type PreparedFile } from './commands';
import { parse } from '../platform/validate';
import { DocumentInput } from './input';
import { makePdf } from './make-pdf';

interface DemoDoc {
	input: Record<string, unknown>;
	pdf?: { language: string; name: string; title: string; paragraphs: string[] };
}

const DEMO: DemoDoc[] = [
	{
		input: {
			title: { en: 'Demo: a national child online protection strategy, step by step', fr: 'Démo : une stratégie nationale de protection des enfants en ligne, pas à pas' },
			summary: {
				en: 'A worked example written for this platform: how a country team can move from a first assessment to a national strategy, who to involve, and how to keep children’s views in every step. Demo content.',
				fr: 'Un exemple rédigé pour cette plateforme : comment une équipe nationale passe d’une première évaluation à une stratégie, qui associer, et comment garder la parole des enfants à chaque étape. Contenu de démonstration.'
			},
			type: 'guideline',
			year: 2025,
			topics: ['get_help', 'talk_it_out'],
			areas: ['legal', 'organizational', 'cooperation']
		},
		pdf: {
			language: 'en',
			name: 'demo-national-strategy.pdf',
			title: 'Demo: national strategy, step by step',
			paragraphs: [
				'This is a demonstration document generated for the COP Platform. It is not an official publication.',
				'Step one: map who already works on child online protection (ministries, regulators, helplines, schools, industry, civil society) and agree on a coordinating team.',
				'Step two: listen to children and young people, with consent and safeguarding, and publish what was heard.',
				'Step three: choose a few priorities, with owners and dates, and review them every year. Livestreaming, age assurance and reporting routes are common first topics.'
			]
		}
	},
	{
		input: {
			title: { fr: 'Démo : rapport sur le signalement des contenus préjudiciables par les élèves', en: 'Demo: report on how pupils report harmful content' },
			summary: {
				fr: 'Rapport fictif rédigé pour montrer la recherche dans le texte des PDF : il décrit comment des élèves signalent un contenu préjudiciable et ce qui les en empêche. Contenu de démonstration.',
				en: 'A fictional report written to show search inside PDF text: how pupils report harmful content and what stops them. Demo content.'
			},
			type: 'report',
			year: 2024,
			countries: ['SN'],
			topics: ['content', 'get_help'],
			areas: ['capacity']
		},
		pdf: {
			language: 'fr',
			name: 'demo-signalement.pdf',
			title: 'Démo : le signalement par les élèves',
			paragraphs: [
				'Document de démonstration généré pour la plateforme COP. Ce n’est pas une publication officielle.',
				'Les élèves interrogés connaissent souvent le bouton de signalement, mais craignent que personne ne réagisse.',
				'Recommandations : expliquer ce qui se passe après un signalement, répondre rapidement et associer les enseignants.'
			]
		}
	},
	{
		input: {
			title: { en: 'Demo: age-appropriate design, questions for regulators', es: 'Demo: diseño adecuado a la edad, preguntas para los reguladores' },
			summary: {
				en: 'A short demo policy brief: questions a regulator can ask a service used by children, about default settings, data, recommendations and reporting. Demo content.',
				es: 'Una breve nota de políticas de demostración: preguntas que un regulador puede hacer a un servicio usado por niños y niñas sobre la configuración por defecto, los datos, las recomendaciones y las denuncias. Contenido de demostración.'
			},
			type: 'policy_brief',
			year: 2024,
			topics: ['contract', 'secure_your_secrets'],
			areas: ['legal', 'technical'],
			externalUrl: null
		}
	},
	{
		input: {
			title: { ru: 'Демо: памятка для учителей о безопасности детей в интернете', en: 'Demo: a note for teachers on children’s safety online' },
			summary: {
				ru: 'Демонстрационная памятка: как учителю говорить с учениками о травле в интернете, мошенничестве и о том, куда обратиться за помощью. Демонстрационный материал.',
				en: 'A demo note: how a teacher can talk with pupils about online bullying, scams and where to get help. Demo content.'
			},
			type: 'toolkit',
			year: 2023,
			topics: ['be_kind', 'spot_the_fake', 'get_help'],
			areas: ['capacity']
		}
	},
	{
		input: {
			title: { zh: '演示：家长如何与孩子谈论网络安全', ar: 'عرض توضيحي: كيف يتحدث الآباء مع أطفالهم عن السلامة على الإنترنت', en: 'Demo: how parents can talk with children about online safety' },
			summary: {
				zh: '为本平台编写的演示研究摘要：家长与儿童一起制定上网规则、保护个人信息以及在遇到问题时寻求帮助。演示内容。',
				ar: 'ملخص بحث توضيحي كُتب لهذه المنصة: كيف يضع الآباء مع أطفالهم قواعد لاستخدام الإنترنت، ويحمون المعلومات الشخصية، ويطلبون المساعدة عند الحاجة. محتوى توضيحي.',
				en: 'A demo research summary written for this platform: parents and children setting rules together, protecting personal information and asking for help. Demo content.'
			},
			type: 'research',
			year: 2025,
			topics: ['share_with_care', 'talk_it_out'],
			areas: ['capacity']
		}
	},
	{
		input: {
			title: { en: 'Demo contribution: children’s participation in national COP work' },
			summary: { en: 'A fictional contribution to show how Council Working Group contributions are listed by meeting. Submitted by a fictional organisation. Demo content.' },
			type: 'cwg_contribution',
			year: 2025,
			submitterOrganisation: 'Example Children’s Rights Network (fictional)',
			meetingSession: 2,
			meetingDate: '2025-09-16',
			contributionStatus: 'presented',
			areas: ['cooperation']
		}
	},
	{
		input: {
			title: { en: 'Demo contribution: reporting routes for young people', fr: 'Contribution de démonstration : les voies de signalement pour les jeunes' },
			summary: { en: 'A fictional contribution on reporting routes. Submitted by a fictional organisation. Demo content.', fr: 'Contribution fictive sur les voies de signalement. Soumise par une organisation fictive. Contenu de démonstration.' },
			type: 'cwg_contribution',
			year: 2025,
			submitterOrganisation: 'Example Helpline Association (fictional)',
			meetingSession: 1,
			meetingDate: '2025-02-11',
			contributionStatus: 'noted',
			topics: ['get_help']
		}
	}
];

/** Seeds the demo documents (published, marked as demo). */
export async function seedLibraryDemo(tx: Db | Tx): Promise<void> {
	for (const doc of DEMO) {
		const values = documentColumns(parse(DocumentInput, doc.input));
		const prepared: PreparedFile[] = [];
		if (doc.pdf) prepared.push(await prepareFile(doc.pdf.language, { name: doc.pdf.name, bytes: await makePdf(doc.pdf.paragraphs, doc.pdf.title) }));
		// documents without a file are demo summaries only: published with no file, which editors cannot do
		await insertDocument(tx, { ...values, status: 'published', isDemo: true, publishedAt: new Date() }, prepared);
	}
}
