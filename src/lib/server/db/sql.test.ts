// The LIKE helpers match text literally, on the database itself.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../test/db';
import { db } from '.';
import { containsPattern, escapeLike, rowsOf } from './sql';

useFreshDatabase();

describe('LIKE helpers', () => {
	it('escape the wildcards and the escape character', () => {
		expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
		expect(containsPattern('a_b')).toBe('%a\\_b%');
	});

	it('match only the literal text in PostgreSQL', async () => {
		const like = async (text: string, q: string) => rowsOf(await db().execute(sql`select ${text} like ${containsPattern(q)} as m`))[0].m;
		expect(await like('save 50% now', '50%')).toBe(true);
		expect(await like('save 500 now', '50%')).toBe(false);
		expect(await like('a_b', 'a_b')).toBe(true);
		expect(await like('axb', 'a_b')).toBe(false);
		expect(await like('back\\slash', 'k\\s')).toBe(true);
		expect(await like('backslash', 'k\\s')).toBe(false);
	});
});
