// The moderator's service editor works on the service as JSON (the ServiceInput shape): every
// field, every channel and its hours, in one reviewable document. Parsing errors are 400s.
import { ValidationError } from '../platform/errors';

export function parseEditorJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		throw new ValidationError({ json: 'json_invalid' }, 'json_invalid');
	}
}

export const SERVICE_TEMPLATE = {
	organization: { name: { en: '' }, website: null },
	name: { en: '' },
	description: { en: '' },
	whatHappens: { en: '' },
	kind: 'helpline',
	status: 'active',
	ageMin: null,
	ageMax: 18,
	languages: ['en'],
	countries: [],
	areas: [],
	cost: 'free',
	topics: [],
	actions: ['talk'],
	website: null,
	source: '',
	channels: [
		{
			type: 'phone',
			value: '',
			detail: null,
			label: {},
			hours: { timezone: 'UTC', always: false, weekly: [{ day: 1, opens: '09:00', closes: '17:00' }], exceptions: [] },
			showsOnBill: null,
			free: true
		}
	]
};
