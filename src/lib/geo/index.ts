/**
 * Countries and ITU regions, shared by browser and server code.
 * Country names come from i18n-iso-countries; see regions.ts for the region source.
 */
export {
	REGIONS,
	REGION_OF,
	ITU_REGION_MEMBERS,
	TERRITORIES,
	isRegionId,
	type RegionId
} from './regions';
export {
	LOCALES,
	isLocale,
	allCountryCodes,
	isCountryCode,
	countryName,
	regionOf,
	listCountries,
	countriesInRegion,
	regionName,
	type Locale,
	type CountryEntry
} from './countries';
