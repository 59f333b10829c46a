// HSDS 3.0 object shapes: the subset of the Open Referral schema we emit and read.

// ---------------------------------------------------------------- HSDS object shapes (the subset we emit)

export interface HsdsTaxonomyTerm {
	id: string;
	code: string;
	name: string;
	description: string;
	parent_id?: string;
	taxonomy: string;
	taxonomy_id: string;
	language: string;
}

export interface HsdsAttribute {
	id: string;
	link_id: string;
	link_entity: string;
	link_type: string;
	taxonomy_term_id: string;
	taxonomy_term: HsdsTaxonomyTerm;
	value?: string;
}

export interface HsdsPhone {
	id: string;
	service_id: string;
	number: string;
	type: 'voice' | 'text';
	description?: string;
	attributes: HsdsAttribute[];
}

export interface HsdsSchedule {
	id: string;
	service_id: string;
	timezone?: number;
	freq?: 'WEEKLY';
	byday?: string;
	opens_at?: string;
	closes_at?: string;
	description: string;
	notes: string;
	attributes: HsdsAttribute[];
}

export interface HsdsLanguage {
	id: string;
	service_id: string;
	name: string;
	code: string;
}

export interface HsdsServiceArea {
	id: string;
	service_id: string;
	name: string;
	description?: string;
	uri?: string;
	attributes: HsdsAttribute[];
}

export interface HsdsOrganization {
	id: string;
	name: string;
	description: string;
	website?: string;
	attributes: HsdsAttribute[];
}

export interface HsdsService {
	id: string;
	organization_id: string;
	name: string;
	description?: string;
	url?: string;
	email?: string;
	status: 'active' | 'inactive' | 'defunct' | 'temporarily closed';
	application_process?: string;
	fees_description?: string;
	eligibility_description?: string;
	minimum_age?: number;
	maximum_age?: number;
	assured_date?: string;
	alert?: string;
	last_modified: string;
	organization: HsdsOrganization;
	phones: HsdsPhone[];
	schedules: HsdsSchedule[];
	service_areas: HsdsServiceArea[];
	languages: HsdsLanguage[];
	attributes: HsdsAttribute[];
}

export interface HsdsPage<T> {
	total_items: number;
	total_pages: number;
	page_number: number;
	size: number;
	first_page: boolean;
	last_page: boolean;
	empty: boolean;
	contents: T[];
}
