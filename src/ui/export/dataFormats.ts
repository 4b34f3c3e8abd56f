/** Data exports offered in the export menu, each built by the core's exporters. */
import { exportActorsCsv, exportRelationsCsv } from '../../core/io/csv-export';
import { exportGexf } from '../../core/io/gexf-export';
import { exportJson } from '../../core/io/json';
import type { Dataset } from '../../core/schema';
import { slugOf } from '../../core/slug';

export interface DataFormat {
  id: 'json' | 'gexf' | 'csv-relations' | 'csv-actors';
  label: string;
  mime: string;
  fileName: (d: Dataset) => string;
  build: (d: Dataset) => string;
}

/** A file-name-safe version of the dataset's title. */
const slug = (d: Dataset) => slugOf(d.title) || 'dataset';

export const DATA_FORMATS: DataFormat[] = [
  {
    id: 'json',
    label: 'Dataset (JSON)',
    mime: 'application/json',
    fileName: (d) => `${slug(d)}.json`,
    build: exportJson,
  },
  {
    id: 'gexf',
    label: 'Gephi (GEXF 1.3, dynamic)',
    mime: 'application/xml',
    fileName: (d) => `${slug(d)}.gexf`,
    build: exportGexf,
  },
  {
    id: 'csv-relations',
    label: 'Relations (CSV)',
    mime: 'text/csv',
    fileName: (d) => `${slug(d)}-relations.csv`,
    build: (d) => exportRelationsCsv(d),
  },
  {
    id: 'csv-actors',
    label: 'Actors (CSV)',
    mime: 'text/csv',
    fileName: (d) => `${slug(d)}-actors.csv`,
    build: (d) => exportActorsCsv(d),
  },
];
