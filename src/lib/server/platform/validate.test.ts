import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { ValidationError } from './errors';
import { redactError } from './log';
import { parse, searchText } from './validate';

const Schema = v.object({ name: v.string(), tags: v.optional(v.array(v.string())) });

describe('parse refuses control characters in any string', () => {
	it.each(['a\u0000b', '\u001b[31m', 'x\u007f', 'line\u000bfeed'])('%j', (bad) => {
		try {
			parse(Schema, { name: bad });
			expect.unreachable();
		} catch (e) {
			expect(e).toBeInstanceOf(ValidationError);
			expect((e as ValidationError).fields).toEqual({ name: 'control_characters' });
		}
	});

	it('finds them in nested values and keeps tabs and newlines', () => {
		expect(() => parse(Schema, { name: 'ok', tags: ['fine', 'n\u0000'] })).toThrow(ValidationError);
		expect(parse(Schema, { name: 'two\nlines\tand a tab\r\n' }).name).toBe('two\nlines\tand a tab\r\n');
	});
});

describe('error logs', () => {
	it('keep the failed statement but never its parameters', () => {
		const e = new DrizzleQueryError('insert into directory_change_requests (contact) values ($1)', ['reporter@example.org'], new Error('boom'));
		const out = redactError(e);
		expect(out.message).toContain('insert into directory_change_requests');
		expect(JSON.stringify(out)).not.toContain('reporter@example.org');
	});
});

describe('searchText', () => {
	it('drops control characters, trims and caps a search box text', () => {
		expect(searchText('  a\u0000b\u001bc  ')).toBe('abc');
		expect(searchText(null)).toBe('');
		expect(searchText('x'.repeat(500))).toHaveLength(200);
		expect(searchText('حماية\tالأطفال')).toBe('حماية\tالأطفال');
	});
});
