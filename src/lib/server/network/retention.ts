// Retention: declined and withdrawn applications (with their thread) are erased after the period,
// never-confirmed ones after 30 days; run by the platform's daily retention job (privacy.md 6.3).
import * as retention from '../platform/retention';
import { eraseClosedApplications, RETENTION_DAYS } from './commands';

retention.register({
	name: 'network_applications',
	what: 'declined and withdrawn network applications 180 days after the last change; unconfirmed ones after 30 days',
	defaultDays: RETENTION_DAYS,
	prune: (tx, cutoff, now) => eraseClosedApplications(tx, now, cutoff)
});
