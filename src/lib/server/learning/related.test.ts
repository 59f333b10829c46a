import { describe, expect, it } from 'vitest';
import { helpPathFor } from '../../topics';
import { readContentDir } from '../content/disk';
import { readLearnContent } from './content';
import { FIXTURES_DIR } from '../test/learning';
import { related } from './queries';

const { content } = readLearnContent(readContentDir(FIXTURES_DIR));

describe('the topic graph links guidelines and lessons', () => {
	it('a section points to lessons and sections sharing its topics, most shared first, never itself', () => {
		const items = related(['contact', 'talk_it_out'], 'sample-talk-early', 6, content);
		expect(items.map((i) => i.path)).toEqual(['/learn/courses/sample-course/lessons/m1-l1', '/learn/courses/sample-course/lessons/m1-l2']);
		expect(items[0].shared).toEqual(['contact']);
	});
	it('a lesson points to the guideline sections on its topics', () => {
		const items = related(['contact'], 'm1-l1', 6, content);
		expect(items.map((i) => i.path)).toEqual(['/learn/guidelines/parents-educators/sample-talk-early']);
	});
	it("a course's own lessons are left out on its page", () => {
		expect(related(['contact', 'talk_it_out', 'get_help'], 'sample-course', 6, content).every((i) => i.kind === 'section')).toBe(true);
	});
	it('nothing shared, nothing related', () => {
		expect(related(['be_kind'], 'x', 6, content)).toEqual([]);
	});
	it('"find help about this" opens the help finder narrowed to the topic and the chosen country', () => {
		expect(helpPathFor('contact', 'KE')).toBe('/help?country=KE&topic=grooming');
		expect(helpPathFor('secure_your_secrets')).toBe('/help?topic=scams_hacked_accounts');
	});
});
