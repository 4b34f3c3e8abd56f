/**
 * The refined layout of a big dataset replaces its stored quick one (the worker calls
 * `putRefinedPositions` after the page was shown the quick layout), so the next opening starts
 * with it; a stored layout that is not the quick one is left alone. Against an in-memory
 * IndexedDB (fake-indexeddb).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deriveData } from '../core/explorer-model';
import { generateSyntheticDataset } from '../core/synthetic';
import { getDataset, putDataset, putRefinedPositions } from './library';

const dataset = generateSyntheticDataset({ actors: 40, relations: 120, seed: 9 });
const entry = (id: string) => ({ id, name: id, source: 'test.json', importedAt: '2026-11-27' });

describe('putRefinedPositions', () => {
  it('replaces a stored quick layout, and the next read says it is no longer quick', async () => {
    await putDataset({ ...entry('quick'), dataset, derived: deriveData(dataset, { quick: true }) });
    const refined = deriveData(dataset).positions;
    await putRefinedPositions('quick', refined);
    const read = await getDataset('quick');
    expect(read?.derived?.positions).toEqual(refined);
    expect(read?.derived?.quickLayout).toBeFalsy();
    expect(read?.derived?.index).toEqual(deriveData(dataset).index);
  });

  it('leaves a stored layout that is not a quick one, and positions of another shape', async () => {
    const full = deriveData(dataset);
    await putDataset({ ...entry('full'), dataset, derived: full });
    await putRefinedPositions('full', new Float64Array(full.positions.length).fill(1));
    expect((await getDataset('full'))?.derived?.positions).toEqual(full.positions);

    const quick = deriveData(dataset, { quick: true });
    await putDataset({ ...entry('other'), dataset, derived: quick });
    await putRefinedPositions('other', new Float64Array(4));
    expect((await getDataset('other'))?.derived).toMatchObject({ quickLayout: true });
  });
});
