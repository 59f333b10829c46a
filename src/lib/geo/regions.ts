/**
 * The six ITU regions and which region every ISO 3166-1 alpha-2 code belongs to.
 *
 * Source: the regional groupings of ITU's Telecommunication Development Bureau
 * (BDT / ITU-D) — Africa, Americas, Arab States, Asia & Pacific, CIS and Europe —
 * as used by ITU-D regional offices and ITU's statistics ("Facts and Figures").
 * These are NOT the three ITU-R radio regions and NOT the five ITU Council
 * electoral regions (A–E); they are the development regions COP work is organised by.
 *
 * This file holds codes only. Country names are never typed by hand anywhere in
 * this module: they come from the `i18n-iso-countries` package (see countries.ts).
 *
 * The code universe is `getAlpha2Codes()` of i18n-iso-countries (250 codes in
 * v7.14, including the user-assigned XK for Kosovo). geo.test.ts fails if the
 * package ever knows a code that is missing here, or if a code is listed twice.
 *
 * Two blocks:
 *   - ITU_REGION_MEMBERS: ITU Member States per BDT region, following ITU's list
 *     (193 Member States), plus Palestine, which ITU lists in the Arab States
 *     region although it is not a Member State.
 *   - TERRITORIES: everything else the package knows (dependent territories,
 *     uninhabited islands, Antarctica, and a few entities that are not ITU Member
 *     States). That block is OUR assignment, not ITU's.
 *
 * Plain TypeScript, no imports: usable in the browser, on the server and under tsx.
 */

export const REGIONS = [
	'africa',
	'americas',
	'arab_states',
	'asia_pacific',
	'cis',
	'europe'
] as const;

export type RegionId = (typeof REGIONS)[number];

export function isRegionId(value: unknown): value is RegionId {
	return typeof value === 'string' && (REGIONS as readonly string[]).includes(value);
}

/**
 * ITU Member States (and Palestine) by BDT region.
 *
 * Judgement calls (our best reading of ITU's BDT list; revisit if ITU publishes otherwise):
 *   - GE Georgia, MD Moldova, UA Ukraine are placed in EUROPE, not CIS. Older ITU-D
 *     documents put all three in the CIS region (the ITU Regional Office for CIS
 *     covered them). Current BDT usage lists Georgia and Ukraine under Europe;
 *     Moldova is the least certain of the three (it is still a CIS member state)
 *     and is put under Europe with them. With this choice the counts are
 *     Africa 44, Americas 35, Arab States 21 (+ Palestine), Asia-Pacific 38,
 *     CIS 9, Europe 46 = 193, which matches ITU's published regional totals.
 *   - IL Israel, CY Cyprus and TR Türkiye are in Europe (as in ITU-D).
 *   - IR Iran, AF Afghanistan and PK Pakistan are in Asia-Pacific (as in ITU-D).
 *   - PS Palestine is not an ITU Member State (it has observer status), but ITU
 *     lists it in the Arab States region, so it is kept here rather than in TERRITORIES.
 *   - PW Palau is a UN member but not an ITU Member State, so it is in TERRITORIES.
 */
export const ITU_REGION_MEMBERS: Readonly<Record<RegionId, readonly string[]>> = {
	// Sub-Saharan African Member States (44). North African Arab League states are in arab_states.
	africa: [
		'AO', // Angola
		'BJ', // Benin
		'BW', // Botswana
		'BF', // Burkina Faso
		'BI', // Burundi
		'CM', // Cameroon
		'CV', // Cabo Verde
		'CF', // Central African Republic
		'TD', // Chad
		'CG', // Congo
		'CI', // Côte d'Ivoire
		'CD', // Democratic Republic of the Congo
		'GQ', // Equatorial Guinea
		'ER', // Eritrea
		'SZ', // Eswatini
		'ET', // Ethiopia
		'GA', // Gabon
		'GM', // Gambia
		'GH', // Ghana
		'GN', // Guinea
		'GW', // Guinea-Bissau
		'KE', // Kenya
		'LS', // Lesotho
		'LR', // Liberia
		'MG', // Madagascar
		'MW', // Malawi
		'ML', // Mali
		'MU', // Mauritius
		'MZ', // Mozambique
		'NA', // Namibia
		'NE', // Niger
		'NG', // Nigeria
		'RW', // Rwanda
		'ST', // Sao Tome and Principe
		'SN', // Senegal
		'SC', // Seychelles
		'SL', // Sierra Leone
		'ZA', // South Africa
		'SS', // South Sudan
		'TZ', // Tanzania
		'TG', // Togo
		'UG', // Uganda
		'ZM', // Zambia
		'ZW' // Zimbabwe
	],
	// North, Central and South America and the Caribbean (35).
	americas: [
		'AG', // Antigua and Barbuda
		'AR', // Argentina
		'BS', // Bahamas
		'BB', // Barbados
		'BZ', // Belize
		'BO', // Bolivia
		'BR', // Brazil
		'CA', // Canada
		'CL', // Chile
		'CO', // Colombia
		'CR', // Costa Rica
		'CU', // Cuba
		'DM', // Dominica
		'DO', // Dominican Republic
		'EC', // Ecuador
		'SV', // El Salvador
		'GD', // Grenada
		'GT', // Guatemala
		'GY', // Guyana
		'HT', // Haiti
		'HN', // Honduras
		'JM', // Jamaica
		'MX', // Mexico
		'NI', // Nicaragua
		'PA', // Panama
		'PY', // Paraguay
		'PE', // Peru
		'KN', // Saint Kitts and Nevis
		'LC', // Saint Lucia
		'VC', // Saint Vincent and the Grenadines
		'SR', // Suriname
		'TT', // Trinidad and Tobago
		'US', // United States
		'UY', // Uruguay
		'VE' // Venezuela
	],
	// The 22 member states of the League of Arab States (21 ITU Member States + Palestine).
	arab_states: [
		'DZ', // Algeria
		'BH', // Bahrain
		'KM', // Comoros
		'DJ', // Djibouti
		'EG', // Egypt
		'IQ', // Iraq
		'JO', // Jordan
		'KW', // Kuwait
		'LB', // Lebanon
		'LY', // Libya
		'MR', // Mauritania
		'MA', // Morocco
		'OM', // Oman
		'PS', // Palestine (ITU observer, listed by ITU in this region)
		'QA', // Qatar
		'SA', // Saudi Arabia
		'SO', // Somalia
		'SD', // Sudan
		'SY', // Syria
		'TN', // Tunisia
		'AE', // United Arab Emirates
		'YE' // Yemen
	],
	// Asia and the Pacific (38).
	asia_pacific: [
		'AF', // Afghanistan
		'AU', // Australia
		'BD', // Bangladesh
		'BT', // Bhutan
		'BN', // Brunei Darussalam
		'KH', // Cambodia
		'CN', // China
		'KP', // Democratic People's Republic of Korea
		'FJ', // Fiji
		'IN', // India
		'ID', // Indonesia
		'IR', // Iran
		'JP', // Japan
		'KI', // Kiribati
		'KR', // Republic of Korea
		'LA', // Lao P.D.R.
		'MY', // Malaysia
		'MV', // Maldives
		'MH', // Marshall Islands
		'FM', // Micronesia
		'MN', // Mongolia
		'MM', // Myanmar
		'NR', // Nauru
		'NP', // Nepal
		'NZ', // New Zealand
		'PK', // Pakistan
		'PG', // Papua New Guinea
		'PH', // Philippines
		'WS', // Samoa
		'SG', // Singapore
		'SB', // Solomon Islands
		'LK', // Sri Lanka
		'TH', // Thailand
		'TL', // Timor-Leste
		'TO', // Tonga
		'TV', // Tuvalu
		'VU', // Vanuatu
		'VN' // Viet Nam
	],
	// Commonwealth of Independent States region (9). See the judgement note above on GE, MD, UA.
	cis: [
		'AM', // Armenia
		'AZ', // Azerbaijan
		'BY', // Belarus
		'KZ', // Kazakhstan
		'KG', // Kyrgyzstan
		'RU', // Russian Federation
		'TJ', // Tajikistan
		'TM', // Turkmenistan
		'UZ' // Uzbekistan
	],
	// Europe (46), including Türkiye, Israel and Cyprus.
	europe: [
		'AL', // Albania
		'AD', // Andorra
		'AT', // Austria
		'BE', // Belgium
		'BA', // Bosnia and Herzegovina
		'BG', // Bulgaria
		'HR', // Croatia
		'CY', // Cyprus
		'CZ', // Czech Republic
		'DK', // Denmark
		'EE', // Estonia
		'FI', // Finland
		'FR', // France
		'GE', // Georgia (judgement call: see above)
		'DE', // Germany
		'GR', // Greece
		'HU', // Hungary
		'IS', // Iceland
		'IE', // Ireland
		'IL', // Israel
		'IT', // Italy
		'LV', // Latvia
		'LI', // Liechtenstein
		'LT', // Lithuania
		'LU', // Luxembourg
		'MT', // Malta
		'MD', // Moldova (judgement call: see above)
		'MC', // Monaco
		'ME', // Montenegro
		'NL', // Netherlands
		'MK', // North Macedonia
		'NO', // Norway
		'PL', // Poland
		'PT', // Portugal
		'RO', // Romania
		'SM', // San Marino
		'RS', // Serbia
		'SK', // Slovakia
		'SI', // Slovenia
		'ES', // Spain
		'SE', // Sweden
		'CH', // Switzerland
		'TR', // Türkiye
		'UA', // Ukraine (judgement call: see above)
		'GB', // United Kingdom
		'VA' // Vatican City State
	]
};

/**
 * ---------------------------------------------------------------------------
 * TERRITORIES — OUR assignment, not ITU's.
 * ---------------------------------------------------------------------------
 * Codes known to i18n-iso-countries that are not in ITU's regional list:
 * dependent territories, uninhabited islands, Antarctica, and entities that are
 * not ITU Member States. ITU does not place these in a region; we give each the
 * region of its geography (broadly following the UN M49 geographic sub-regions),
 * so a user in, say, Puerto Rico or Réunion finds their place next to their
 * neighbours. This is for grouping and filtering only and implies no position
 * on the status of any territory.
 *
 * Judgement calls in this block are marked "JC".
 */
export const TERRITORIES: Readonly<Record<string, RegionId>> = {
	// Africa (Indian Ocean and South Atlantic)
	IO: 'africa', // British Indian Ocean Territory — JC: M49 Eastern Africa (UK-administered; claimed by Mauritius)
	RE: 'africa', // Réunion (France)
	YT: 'africa', // Mayotte (France) — JC: geography (Africa), although neighbouring Comoros is in Arab States
	SH: 'africa', // Saint Helena, Ascension and Tristan da Cunha (UK)
	TF: 'africa', // French Southern Territories — JC: follows M49 (Eastern Africa); includes the Mozambique Channel islands

	// Americas (North America, Caribbean, South Atlantic)
	AI: 'americas', // Anguilla (UK)
	AW: 'americas', // Aruba (Kingdom of the Netherlands)
	BL: 'americas', // Saint Barthélemy (France)
	BM: 'americas', // Bermuda (UK)
	BQ: 'americas', // Bonaire, Sint Eustatius and Saba (Netherlands)
	BV: 'americas', // Bouvet Island (Norway, uninhabited) — JC: follows M49 (South America), not Norway's region
	CW: 'americas', // Curaçao (Kingdom of the Netherlands)
	FK: 'americas', // Falkland Islands (Malvinas) (UK)
	GF: 'americas', // French Guiana (France)
	GL: 'americas', // Greenland (Kingdom of Denmark) — JC: geography (North America), not Denmark's region
	GP: 'americas', // Guadeloupe (France)
	GS: 'americas', // South Georgia and the South Sandwich Islands (UK, uninhabited) — M49 South America
	KY: 'americas', // Cayman Islands (UK)
	MF: 'americas', // Saint Martin (France)
	MQ: 'americas', // Martinique (France)
	MS: 'americas', // Montserrat (UK)
	PM: 'americas', // Saint Pierre and Miquelon (France)
	PR: 'americas', // Puerto Rico (US)
	SX: 'americas', // Sint Maarten (Kingdom of the Netherlands)
	TC: 'americas', // Turks and Caicos Islands (UK)
	VG: 'americas', // British Virgin Islands (UK)
	VI: 'americas', // United States Virgin Islands (US)

	// Arab States
	EH: 'arab_states', // Western Sahara — JC: disputed; placed with its North African neighbours (Morocco, Mauritania)

	// Asia and the Pacific
	AQ: 'asia_pacific', // Antarctica — JC: no geography fits and M49 gives no region; placed here because the
	//                     largest territorial claims (Australia, New Zealand) and gateways (Hobart, Christchurch)
	//                     are in this region. Entirely arbitrary.
	AS: 'asia_pacific', // American Samoa (US)
	CC: 'asia_pacific', // Cocos (Keeling) Islands (Australia)
	CK: 'asia_pacific', // Cook Islands (free association with New Zealand; not an ITU Member State)
	CX: 'asia_pacific', // Christmas Island (Australia)
	GU: 'asia_pacific', // Guam (US)
	HK: 'asia_pacific', // Hong Kong, China
	HM: 'asia_pacific', // Heard Island and McDonald Islands (Australia, uninhabited)
	MO: 'asia_pacific', // Macao, China
	MP: 'asia_pacific', // Northern Mariana Islands (US)
	NC: 'asia_pacific', // New Caledonia (France)
	NF: 'asia_pacific', // Norfolk Island (Australia)
	NU: 'asia_pacific', // Niue (free association with New Zealand; not an ITU Member State)
	PF: 'asia_pacific', // French Polynesia (France)
	PN: 'asia_pacific', // Pitcairn (UK)
	PW: 'asia_pacific', // Palau — UN member, not an ITU Member State
	TK: 'asia_pacific', // Tokelau (New Zealand)
	TW: 'asia_pacific', // Taiwan (the package's English name is used as is)
	UM: 'asia_pacific', // United States Minor Outlying Islands — JC: mostly Pacific atolls (M49 Micronesia); Navassa is Caribbean
	WF: 'asia_pacific', // Wallis and Futuna (France)

	// Europe
	AX: 'europe', // Åland Islands (Finland)
	FO: 'europe', // Faroe Islands (Kingdom of Denmark)
	GG: 'europe', // Guernsey (British Crown Dependency)
	GI: 'europe', // Gibraltar (UK)
	IM: 'europe', // Isle of Man (British Crown Dependency)
	JE: 'europe', // Jersey (British Crown Dependency)
	SJ: 'europe', // Svalbard and Jan Mayen (Norway)
	XK: 'europe' // Kosovo (user-assigned code; not an ITU Member State)
};

function buildRegionOf(): Record<string, RegionId> {
	const out: Record<string, RegionId> = {};
	for (const region of REGIONS) {
		for (const code of ITU_REGION_MEMBERS[region]) out[code] = region;
	}
	for (const [code, region] of Object.entries(TERRITORIES)) out[code] = region;
	return out;
}

/**
 * Region of every ISO 3166-1 alpha-2 code known to i18n-iso-countries:
 * ITU's assignment for Member States (and Palestine), ours for TERRITORIES.
 * Look codes up with `regionOf()` (countries.ts), which guards against
 * prototype keys such as "constructor".
 */
export const REGION_OF: Readonly<Record<string /* ISO 3166-1 alpha-2 */, RegionId>> =
	Object.freeze(buildRegionOf());
