// Events vocabularies and limits, shared by forms (browser) and the server (validation, policy).
export const EVENT_KINDS = ['workshop', 'training', 'webinar', 'conference', 'children_session'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const AUDIENCES = ['children', 'parents', 'educators', 'industry', 'policy_makers', 'cop_units'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** The five COP areas the programme works in (same ids as the home page). */
export const COP_AREAS = ['legal', 'technical', 'organizational', 'capacity', 'cooperation'] as const;
export type CopArea = (typeof COP_AREAS)[number];

export const MODES = ['in_person', 'online'] as const;
export type Mode = (typeof MODES)[number];

export const QUESTION_KINDS = ['text', 'choice', 'consent'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/**
 * A registration's life: `unconfirmed` until the email link is used (does not count), then
 * `confirmed`, `pending` (awaiting the organiser's approval; holds its places) or `waiting`;
 * `held` when a freed seat is offered to the next in line; `cancelled`, `rejected`, `expired` end it.
 */
export const REGISTRATION_STATUSES = ['unconfirmed', 'pending', 'confirmed', 'held', 'waiting', 'cancelled', 'rejected', 'expired'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Statuses whose places are taken out of the event's seats. */
export const SEAT_TAKING: readonly RegistrationStatus[] = ['confirmed', 'pending', 'held'];

export const EVENTS_LIMITS = {
	titleMax: 200,
	descriptionMax: 8000,
	venueMax: 300,
	urlMax: 500,
	contactMax: 300,
	seatsMax: 100_000,
	questionsMax: 10,
	questionLabelMax: 300,
	optionsMax: 12,
	answerMax: 1000,
	nameMax: 120,
	emailMax: 254,
	adultsMax: 20,
	childrenMax: 60,
	ageMin: 3,
	ageMax: 17,
	holdHoursMin: 1,
	holdHoursMax: 14 * 24,
	messageMax: 5000,
	reasonMax: 1000
} as const;

/** Default reminder times before the start, in minutes (one day, one hour). */
export const DEFAULT_REMINDERS = [24 * 60, 60];
