/** Data exports offered in the export menu. */
import type { Dataset } from '../../core/schema';

export interface DataFormat {
  id: 'json' | 'gexf' | 'csv-relations' | 'csv-actors';
  label: string;
  mime: string;
  fileName: (d: Dataset) => string;
  build: (d: Dataset) => string;
}

export const DATA_FORMATS: DataFormat[] = [];
