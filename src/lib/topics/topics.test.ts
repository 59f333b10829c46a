import { describe, expect, it } from 'vitest';
import { TOPIC_IDS } from '$lib/directory/taxonomy';
import { helpPathFor, isTopicGraphId, TOPIC_GRAPH, TOPIC_GRAPH_IDS } from './index';
import en from '../../../messages/en.json';

describe('topic graph', () => {
	it('every node is keyed by its own id, points at real help-finder topics and at existing neighbours', () => {
		for (const id of TOPIC_GRAPH_IDS) {
			const node = TOPIC_GRAPH[id];
			expect(node.id).toBe(id);
			expect(node.helpTopics.length).toBeGreaterThan(0);
			for (const t of node.helpTopics) expect(TOPIC_IDS).toContain(t);
			for (const r of node.related) expect(isTopicGraphId(r)).toBe(true);
			expect((en as Record<string, string>)[`topic_${id}`]).toBeTruthy();
		}
	});
	it('links to the help finder with the reader’s country, never a guessed one', () => {
		expect(helpPathFor('contact', 'KE')).toBe('/help?country=KE&topic=grooming');
		expect(helpPathFor('contact')).toBe('/help?topic=grooming');
		expect(isTopicGraphId('nonsense')).toBe(false);
		expect(isTopicGraphId('toString')).toBe(false);
	});
});
