// Events and trainings: events with registrations (no account needed), children registered as
// groups by ages only, seats and a waiting list that never oversell, iCalendar feeds, reminders,
// the organiser's workspace and certificates of attendance. See docs/events.md.
import './jobs';
export * from './commands';
export * from './queries';
export { can, eventTarget, visibleScope, EVENTS_RULES, type EventsAction } from './policy';
export { EventInput, RegisterInput, ListQuery, MessageInput, CancelInput } from './input';
export { memberEventUrl, toICalendar, type OpenDataEvent, type SharedCalendarEvent } from './ics';
export { presentSummary, placeName, presentDetail, presentOpenData, presentOwnRegistration, presentForOrganiser, registrationsCsv, jsonLd, zonedIso } from './present';
export { formatWhen, manageLink } from './mails';
export { zonedToUtc, utcToZoned, isTimeZone } from './time';
export { runReminder } from './jobs';
export { issueAttendanceCertificates, getAttendanceCertificate, certificateUrl } from './certificates';
export { eventFromForm, registrationFromForm, eventToForm, QUESTION_SLOTS } from './forms';
