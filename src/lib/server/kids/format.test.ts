import { describe, expect, it } from 'vitest';
import { parseScenario } from './format';

/** A small valid 9-12 scenario; each test breaks one thing. */
function base(): any {
	return {
		id: 'sample',
		band: '9-12',
		kind: 'scenario',
		topics: ['contact'],
		title: { en: 'Sample', fr: 'Exemple' },
		summary: { en: 'A sample' },
		sticker: { id: 'star', label: { en: 'Star' }, color: '#123456' },
		start: 'start',
		nodes: {
			start: {
				text: { en: 'What now?' },
				choices: [
					{ label: { en: 'Tell' }, to: 'good', feedback: { en: 'Yes.' } },
					{ label: { en: 'Wait' }, to: 'start', feedback: { en: 'Try again.' } }
				]
			},
			good: { text: { en: 'Done' }, end: { sticker: true, steps: [{ en: 'Talk to someone' }] } }
		}
	};
}
const errorsOf = (raw: unknown, file = '/content/kids/scenarios/sample.json') => parseScenario(raw, file).errors;

describe('scenario format', () => {
	it('accepts a valid scenario, including a retry loop after feedback', () => {
		expect(errorsOf(base())).toEqual([]);
	});

	it('rejects a dangling link', () => {
		const s = base();
		s.nodes.start.choices[0].to = 'nowhere';
		expect(errorsOf(s).join()).toMatch(/choices\[0\]\.to: "nowhere" is not a node/);
	});

	it('rejects a start that is not a node', () => {
		const s = base();
		s.start = 'begin';
		expect(errorsOf(s).join()).toMatch(/start: "begin" is not a node/);
	});

	it('rejects an unreachable node', () => {
		const s = base();
		s.nodes.orphan = { text: { en: 'Alone' }, next: 'good' };
		expect(errorsOf(s).join()).toMatch(/nodes\.orphan: unreachable/);
	});

	it('rejects a node from which no end can be reached', () => {
		const s = base();
		s.nodes.start.choices.push({ label: { en: 'Loop' }, to: 'trap', feedback: { en: 'Hm' } });
		s.nodes.trap = { text: { en: 'Trap' }, next: 'trap2' };
		s.nodes.trap2 = { text: { en: 'Trap 2' }, next: 'trap' };
		expect(errorsOf(s).join()).toMatch(/nodes\.trap: no way from here to an end/);
	});

	it('rejects missing English text, wherever it is', () => {
		for (const [path, set] of [
			['title', (s: any) => (s.title = { fr: 'Exemple' })],
			['nodes.start.text', (s: any) => (s.nodes.start.text = { fr: 'Et alors ?' })],
			['nodes.start.choices.0.label', (s: any) => (s.nodes.start.choices[0].label = { fr: 'Dire' })],
			['nodes.good.end.steps.0', (s: any) => (s.nodes.good.end.steps = [{ fr: 'Parler' }])]
		] as const) {
			const s = base();
			set(s);
			expect(errorsOf(s).join(), path).toContain(`${path}: missing English (en) text`);
		}
	});

	it('rejects unknown languages, topics, guide poses and scenes', () => {
		const s = base();
		s.summary.xx = 'hm';
		s.topics = ['nonsense'];
		s.nodes.start.guide = { pose: 'dance', say: { en: 'Hi' } };
		s.nodes.start.scene = 'moon';
		const e = errorsOf(s).join('\n');
		expect(e).toMatch(/summary: unknown language code/);
		expect(e).toMatch(/topics\.0: unknown topic id/);
		expect(e).toMatch(/unknown guide pose/);
		expect(e).toMatch(/unknown scene/);
	});

	it('requires feedback on every choice of scenarios and dilemmas', () => {
		const s = base();
		delete s.nodes.start.choices[0].feedback;
		expect(errorsOf(s).join()).toMatch(/kind feedback \(feedback\) is required/);
	});

	it('requires a node to have exactly one of next, choices or end', () => {
		const s = base();
		s.nodes.good.next = 'start';
		expect(errorsOf(s).join()).toMatch(/nodes\.good: a node has exactly one of next, choices or end/);
	});

	it('requires an end that earns the sticker, and the band to match the kind', () => {
		const s = base();
		s.nodes.good.end.sticker = false;
		s.band = '13-18';
		const e = errorsOf(s).join('\n');
		expect(e).toMatch(/no end earns the sticker/);
		expect(e).toMatch(/does not belong to band 13-18/);
	});

	it('rejects node ids unsafe as fragments, and an id that does not match the file name', () => {
		const s = base();
		s.nodes['Bad_Id'] = { text: { en: 'x' }, next: 'good' };
		expect(errorsOf(s).join()).toMatch(/Bad_Id/);
		expect(errorsOf(base(), '/content/kids/scenarios/other.json').join()).toMatch(/must match the file name/);
	});

	it('needs a scene on every page of a picture story', () => {
		const s = base();
		s.band = 'under-9';
		s.kind = 'story';
		expect(errorsOf(s).join()).toMatch(/needs a scene/);
	});
});
