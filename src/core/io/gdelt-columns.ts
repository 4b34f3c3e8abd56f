/**
 * The columns of GDELT's raw event exports (tab-separated, no header), as
 * the GDELT event codebooks (1.0 and 2.0) list them. Three shapes exist:
 * GDELT 2.0 (61 columns, February 2015 on), GDELT 1.0 daily files (58: the
 * geography has no ADM2 codes) and the 1.0 historical back-files,
 * 1979–March 2013 (57: no SOURCEURL either). The first 35 columns are the
 * same in all three.
 */

const ACTOR_FIELDS = [
  'Code',
  'Name',
  'CountryCode',
  'KnownGroupCode',
  'EthnicCode',
  'Religion1Code',
  'Religion2Code',
  'Type1Code',
  'Type2Code',
  'Type3Code',
] as const;

const EVENT_FIELDS = [
  'IsRootEvent',
  'EventCode',
  'EventBaseCode',
  'EventRootCode',
  'QuadClass',
  'GoldsteinScale',
  'NumMentions',
  'NumSources',
  'NumArticles',
  'AvgTone',
] as const;

const geoFields = (withAdm2: boolean) => [
  'Type',
  'FullName',
  'CountryCode',
  'ADM1Code',
  ...(withAdm2 ? ['ADM2Code'] : []),
  'Lat',
  'Long',
  'FeatureID',
];

function gdeltColumns(withAdm2: boolean, withSourceUrl: boolean): readonly string[] {
  return [
    'GLOBALEVENTID',
    'SQLDATE',
    'MonthYear',
    'Year',
    'FractionDate',
    ...ACTOR_FIELDS.map((f) => `Actor1${f}`),
    ...ACTOR_FIELDS.map((f) => `Actor2${f}`),
    ...EVENT_FIELDS,
    ...['Actor1Geo', 'Actor2Geo', 'ActionGeo'].flatMap((g) =>
      geoFields(withAdm2).map((f) => `${g}_${f}`),
    ),
    'DATEADDED',
    ...(withSourceUrl ? ['SOURCEURL'] : []),
  ];
}

/** Column names of each GDELT export shape, keyed by its column count. */
export const GDELT_COLUMNS = {
  57: gdeltColumns(false, false),
  58: gdeltColumns(false, true),
  61: gdeltColumns(true, true),
} as const satisfies Record<number, readonly string[]>;

export type GdeltWidth = keyof typeof GDELT_COLUMNS;

export const GDELT_WIDTHS: readonly GdeltWidth[] = [57, 58, 61];

/** What each shape is, for messages and the detection's reason. */
export const GDELT_SHAPE_NAMES: Readonly<Record<GdeltWidth, string>> = {
  57: 'GDELT 1.0 historical back-file row (57 columns, no SOURCEURL)',
  58: 'GDELT 1.0 daily export row (58 columns)',
  61: 'GDELT 2.0 export row (61 columns)',
};

export const isGdeltWidth = (n: number): n is GdeltWidth => n === 57 || n === 58 || n === 61;
