// Building valid services for tests.
// Overrides are loose on purpose: tests also build invalid services to see them refused.
export function serviceInput(overrides: Record<string, unknown> & { organization?: Record<string, unknown> } = {}): Record<string, unknown> {
	return {
		organization: { name: { en: 'Test Organisation' }, website: null, ...(overrides.organization ?? {}) },
		name: { en: 'Test Helpline' },
		kind: 'helpline',
		countries: ['KE'],
		actions: ['talk'],
		topics: ['bullying_cyberbullying'],
		languages: ['en'],
		channels: [{ type: 'phone', value: '116', hours: { timezone: 'Africa/Nairobi', always: true, weekly: [], exceptions: [] } }],
		...overrides,
		...(overrides.organization ? { organization: { name: { en: 'Test Organisation' }, website: null, ...overrides.organization } } : {})
	};
}

export const weekdays9to17 = (timezone: string) => ({
	timezone,
	always: false,
	weekly: [1, 2, 3, 4, 5].map((day) => ({ day, opens: '09:00', closes: '17:00' })),
	exceptions: []
});
