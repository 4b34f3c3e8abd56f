/**
 * `virtual:seed` in the standalone build (see vite.config.ts). A published page's built-in
 * dataset is the one published into it, so the app's own seed is not shipped a second time:
 * this is the data element's text, in the seed's shape (`{ dataset, positions }`, plus the
 * story). The page's entry (`src/standalone.tsx`) validates that text before anything loads it.
 */
import { PUBLISHED_DATA_ID } from '../core/publish';

export const seedJson: string = document.getElementById(PUBLISHED_DATA_ID)?.textContent ?? '';
