// Opening hours of one contact channel, in the service's own IANA time zone.

/** 0 = Sunday ... 6 = Saturday (as in Date.getDay and HSDS byday order SU..SA). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface WeeklyRule {
	day: Weekday;
	/** local time "HH:MM" */
	opens: string;
	/** local time "HH:MM"; "24:00" is the end of the day; closes < opens runs past midnight into the next day */
	closes: string;
}

export interface HoursException {
	/** local date "YYYY-MM-DD" */
	date: string;
	/** closed all day (e.g. a public holiday) */
	closed?: boolean;
	/** or open only these hours that day (replacing the weekly rules for that date) */
	opens?: string;
	closes?: string;
	note?: string;
}

export interface Hours {
	/** IANA zone, e.g. "Africa/Nairobi" */
	timezone: string;
	/** open around the clock (exceptions still apply) */
	always: boolean;
	weekly: WeeklyRule[];
	exceptions: HoursException[];
}
