/**
 * Three-letter country codes: ISO 3166-1 alpha-3, plus the former and
 * CAMEO-specific codes that event data still uses (KOS for Kosovo, YUG, SUN,
 * ZAR…). Event tables code states this way (`USA`, `IRN`), and groups within
 * them with longer codes (`USAGOV`) or CAMEO role codes (`GOV`, `REB`), which
 * are not in this list.
 */
const ISO_ALPHA3 = `
ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE
BDI BEL BEN BES BFA BGD BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA
CAF CAN CCK CHE CHL CHN CIV CMR COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE
DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM
GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY
HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN
KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA
MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT
NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN
PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA
SAU SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR
TCA TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB
VAT VCT VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE`;

/** Former states and codes CAMEO uses where ISO differs. */
const FORMER_AND_CAMEO = 'CSK DDR KOS ROM SCG SUN TMP XKX YUG ZAR';

export const COUNTRY_CODES: ReadonlySet<string> = new Set(
  `${ISO_ALPHA3} ${FORMER_AND_CAMEO}`.split(/\s+/).filter((c) => c !== ''),
);

/** Whether an actor code is a country code: exactly three upper-case letters in the list. */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && COUNTRY_CODES.has(code);
}
