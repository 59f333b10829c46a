import { getLocale, href } from '$lib/i18n';
import * as directory from '$lib/server/directory';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => directory.presentHelpMap(await directory.coverage(), getLocale(), href('/help'));
