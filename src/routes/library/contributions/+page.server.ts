import { getLocale } from '$lib/i18n';
import * as library from '$lib/server/library';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const locale = getLocale();
	const rows = await library.listContributions();
	const meetings: { session: number; date: string; items: ReturnType<typeof present>[] }[] = [];
	function present(d: (typeof rows)[number]) {
		return { ...library.presentSummary(d, [], locale), submitterCountry: d.submitterCountry, submitterOrganisation: d.submitterOrganisation, status: d.contributionStatus };
	}
	for (const d of rows) {
		const key = { session: d.meetingSession!, date: d.meetingDate ?? '' };
		let meeting = meetings.find((x) => x.session === key.session && x.date === key.date);
		if (!meeting) meetings.push((meeting = { ...key, items: [] }));
		meeting.items.push(present(d));
	}
	return { meetings };
};
