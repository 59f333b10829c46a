// Learning content for tests: a small fixture tree beside the other test fixtures.
import path from 'node:path';

/** Path of the fixture content (guideline sets and courses) the learning tests load. */
export const FIXTURES_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), 'fixtures/learning');
