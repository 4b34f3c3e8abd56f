/**
 * Bringing your own data: import through the picker and by dropping files,
 * precise errors that leave the graph as it was, the library across
 * reloads (dataset, positions, view), and user text shown as text.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp } from './browser';

const small = {
  title: 'Small test alliance',
  sources: [{ id: 'doc', title: 'Notes' }],
  actors: [
    { id: 'north', label: 'Northland', type: 'state' },
    { id: 'south', label: 'Southland', type: 'state' },
    { id: 'x', label: '<script>window.__pwned = true</script><b>Bold</b>', type: 'armed-group' },
  ],
  relations: [
    {
      id: 'r1',
      source: 'north',
      target: 'south',
      kind: 'alliance',
      from: '2000',
      until: '2010',
      evidence: [{ source: 'doc', quote: 'They signed <img src=x onerror=alert(1)>.' }],
    },
    { id: 'r2', source: 'north', target: 'south', kind: 'hostility', from: '2010' },
    { id: 'r3', source: 'x', target: 'south', kind: 'support', from: '2005' },
  ],
};

const file = (name: string, content: string, mimeType = 'application/json') => ({
  name,
  mimeType,
  buffer: Buffer.from(content),
});

async function pick(page: Page, ...files: ReturnType<typeof file>[]) {
  await page.locator('input[type=file][aria-label="Choose files to import"]').setInputFiles(files);
}

async function drop(page: Page, name: string, content: string) {
  await page.evaluate(
    ([n, c]: [string, string]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([c], n, { type: 'application/json' }));
      for (const type of ['dragenter', 'dragover', 'drop'])
        window.dispatchEvent(
          new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
        );
    },
    [name, content] as [string, string],
  );
}

const FIXTURES = 'tests/fixtures/bad';
const expectedErrors = JSON.parse(readFileSync(`${FIXTURES}/expected.json`, 'utf8')) as Record<
  string,
  string
>;

describe('import', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('imports a dropped file, keeps it across reloads with its positions and view, shows labels as text', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
    });
    const page = await openApp(context as unknown as Browser);
    await drop(page, 'small.json', JSON.stringify(small));
    await page.waitForFunction(
      () => document.querySelector('h1')?.textContent === 'Small test alliance',
    );
    await expect(page.getByRole('combobox', { name: 'Dataset' }).textContent()).resolves.toContain(
      'Small test alliance',
    );
    await page.waitForURL(/dataset=[0-9a-f-]{36}/);

    // user text is text: the label's markup shows literally and never runs
    const url0 = new URL(page.url());
    url0.searchParams.set('select', 'actor:x');
    url0.searchParams.set('date', '2006-01-01');
    await page.goto(url0.href);
    await page.waitForFunction(() => window.__allegiance?.date() === '2006-01-01');
    const heading = page.locator('#details-panel h2').first();
    await expect(heading.textContent()).resolves.toContain(
      '<script>window.__pwned = true</script><b>Bold</b>',
    );
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned),
    ).toBeUndefined();
    expect(await page.locator('#details-panel b').count()).toBe(0);

    // drag a node, reload: same dataset, same position, same view
    const start = (await page.evaluate(() => window.__allegiance!.modelPosition('north')))!;
    const at = (await page.evaluate(() => window.__allegiance!.clientPosition('actor', 'north')))!;
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    await page.mouse.move(at.x + 60, at.y + 40, { steps: 10 });
    await page.mouse.up();
    // The drop moves the actor in the model, which saves its position in the same step.
    await page.waitForFunction((s) => {
      const p = window.__allegiance!.modelPosition('north');
      return p !== null && (p.x !== s.x || p.y !== s.y);
    }, start);
    const moved = await page.evaluate(() => window.__allegiance!.modelPosition('north'));
    const url = page.url();
    // Every title the page shows from now on: the reload must not draw the seed first.
    await page.addInitScript(() => {
      const titles: string[] = [];
      (window as unknown as { __titles: string[] }).__titles = titles;
      new MutationObserver(() => {
        const title = document.querySelector('h1')?.textContent;
        if (title && titles.at(-1) !== title) titles.push(title);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.reload();
    await page.waitForFunction(
      () => document.querySelector('h1')?.textContent === 'Small test alliance',
    );
    expect(
      await page.evaluate(() => (window as unknown as { __titles: string[] }).__titles),
    ).toEqual(['Small test alliance']);
    expect(await page.evaluate(() => window.__allegiance!.modelPosition('north'))).toEqual({
      x: Math.round(moved!.x),
      y: Math.round(moved!.y),
    });
    expect(await page.evaluate(() => window.__allegiance!.date())).toBe('2006-01-01');
    expect(page.url()).toBe(url);

    // the seed and the import can be switched between; the last view of each comes back
    await page.getByRole('combobox', { name: 'Dataset' }).selectOption('seed');
    await page.waitForFunction(() =>
      document.querySelector('h1')?.textContent?.startsWith('Pakistan'),
    );
    await page
      .getByRole('combobox', { name: 'Dataset' })
      .selectOption({ label: 'Small test alliance (3 actors, 3 relations)' });
    await page.waitForFunction(() => window.__allegiance?.date() === '2006-01-01');
    await page.close();
  });

  it('names a dataset opened while time plays in the URL, so a reload reopens it', async () => {
    const page = await openApp(browser);
    // Frames of playback are not written to the URL, but the dataset is: looping playback
    // starts as soon as the import is shown, before the URL would have settled on it.
    await page.evaluate(() => {
      const observer = new MutationObserver(() => {
        const shown = [...document.querySelectorAll('h2, h3')].some((h) =>
          h.textContent?.startsWith('Imported'),
        );
        if (!shown) return;
        observer.disconnect();
        const buttons = [...document.querySelectorAll('button')];
        buttons.find((b) => b.textContent?.trim() === 'Loop')!.click();
        buttons.find((b) => b.getAttribute('aria-label') === 'Play')!.click();
      });
      observer.observe(document, { subtree: true, childList: true, characterData: true });
    });
    await drop(page, 'small.json', JSON.stringify(small));
    await page.waitForFunction(
      () => document.querySelector('h1')?.textContent === 'Small test alliance',
    );
    await page.waitForURL(/dataset=[0-9a-f-]{36}/);
    expect(await page.evaluate(() => window.__allegiance!.playing())).toBe(true);
    await page.reload();
    await page.waitForFunction(
      () => document.querySelector('h1')?.textContent === 'Small test alliance',
    );
    await page.close();
  });

  it('opened on a link to a dataset this browser does not hold, shows the seed and says why', async () => {
    const page = await openApp(browser, '/?dataset=not-here&date=2001-01-01');
    await page.waitForFunction(() =>
      document.querySelector('h1')?.textContent?.startsWith('Pakistan'),
    );
    await expect(
      page.getByText('That dataset is not in this browser’s library', { exact: false }).count(),
    ).resolves.toBe(1);
    await page.waitForURL((u) => !u.search.includes('not-here'));
    await page.close();
  });

  it('refuses a bad file with precise errors and leaves the graph as it was', async () => {
    const page = await openApp(browser, '/?date=2021-09-04');
    const before = await page.evaluate(() => window.__allegiance!.drawnRelations());
    const bad = {
      ...small,
      relations: [{ ...small.relations[0], target: 'nowhere', from: '2010', until: '2001' }],
    };
    await pick(page, file('bad.json', JSON.stringify(bad)));
    const panel = page.getByRole('region', { name: 'Import' });
    await expect(panel.getByRole('heading').textContent()).resolves.toBe(
      'Could not import bad.json: 2 errors',
    );
    const errors = await panel.getByRole('list', { name: 'Errors' }).textContent();
    expect(errors).toContain(
      'bad.json relations[0].target: refers to actor "nowhere", which does not exist',
    );
    expect(errors).toContain('bad.json relations[0].until: ends (2001) before it starts (2010)');
    expect(await page.locator('h1').textContent()).toMatch(/^Pakistan/);
    expect(await page.evaluate(() => window.__allegiance!.drawnRelations())).toEqual(before);

    await pick(page, {
      name: 'latin1.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('id,label\n1,K\xe9bul', 'latin1'),
    });
    await page.waitForFunction(() =>
      document.querySelector('[aria-label="Errors"]')?.textContent?.includes('not valid UTF-8'),
    );
    await pick(page, file('broken.json', '{"title": "x",\n "actors": [}'));
    await page.waitForFunction(() =>
      document
        .querySelector('[aria-label="Errors"]')
        ?.textContent?.startsWith('broken.json:2:13: malformed JSON: unexpected "}"'),
    );
    await page.close();
  });

  it('imports a raw GDELT export with no format named; a bad one is refused precisely and changes nothing', async () => {
    const page = await openApp(browser);
    const gdelt = readFileSync('tests/fixtures/gdelt/20240921.small.export.CSV');
    // A bad copy: one Goldstein cell that is not a number (row 3).
    const rows = gdelt.toString('utf8').split('\n');
    rows[2] = rows[2]!.replace('\t1.0\t3\t1\t3\t', '\tstrong\t3\t1\t3\t');
    await pick(page, {
      name: 'bad.export.CSV',
      mimeType: 'text/csv',
      buffer: Buffer.from(rows.join('\n')),
    });
    const panel = page.getByRole('region', { name: 'Import' });
    await expect(panel.getByRole('heading').textContent()).resolves.toBe(
      'Could not import bad.export.CSV: 1 error',
    );
    await expect(panel.getByRole('list', { name: 'Errors' }).textContent()).resolves.toContain(
      'bad.export.CSV:3:107 row 3, column "GoldsteinScale": "strong" is not a number (Goldstein scores run from -10 to +10)',
    );
    expect(await page.locator('h1').textContent()).toMatch(/^Pakistan/);

    await pick(page, { name: '20240921.small.export.CSV', mimeType: 'text/csv', buffer: gdelt });
    await page.waitForFunction(
      () => document.querySelector('h1')?.textContent === '20240921.small.export',
    );
    await expect(page.getByRole('combobox', { name: 'Dataset' }).textContent()).resolves.toContain(
      '20240921.small.export',
    );
    await page.close();
  });

  it('imports two GDELT exports picked together as one dataset, says how it read them, and reads them as another format on request', async () => {
    const page = await openApp(browser);
    const lines = readFileSync('tests/fixtures/gdelt/20240921.small.export.CSV', 'utf8')
      .trimEnd()
      .split('\n');
    const half = (from: number, to: number) => lines.slice(from, to).join('\n') + '\n';
    await pick(
      page,
      file('first.export.CSV', half(0, 5), 'text/csv'),
      file('second.export.CSV', half(5, lines.length), 'text/csv'),
    );
    await page.waitForFunction(
      () => document.querySelector('h1')?.textContent === 'first.export and 1 more file',
    );
    const panel = page.getByRole('region', { name: 'Import' });
    await expect(panel.getByText(/^Format:/).textContent()).resolves.toBe(
      'Format: GDELT 1.0 export: tab-separated, no header, 58 columns (each of the 2 files)',
    );

    // Detection was right, but the user may say otherwise: the import runs again.
    await panel.getByRole('combobox', { name: 'Read as' }).selectOption('csv');
    await panel.getByRole('button', { name: 'Import again' }).click();
    // The panel shows the first import's outcome until the second one ends: wait for it.
    await expect
      .poll(() => panel.getByRole('heading').textContent(), { timeout: 15_000 })
      .toMatch(/^Could not import first\.export\.CSV, second\.export\.CSV/);
    await expect(panel.getByText(/^Format:/).textContent()).resolves.toBe(
      'Format: read as a CSV relations (or actors) table (chosen in the import panel) (each of the 2 files)',
    );
    expect(await page.locator('h1').textContent()).toBe('first.export and 1 more file');
    await page.close();
  });

  it('shows the expected error for a sample of the bad-file corpus', async () => {
    const page = await openApp(browser);
    const sample = [
      'reversed-dates.json',
      'utf16.json',
      'malformed-truncated.json',
      'huge-label.json',
      'unknown-actor.json',
    ];
    for (const name of sample) {
      await pick(page, {
        name,
        mimeType: 'application/octet-stream',
        buffer: readFileSync(`${FIXTURES}/${name}`),
      });
      await page.waitForFunction(
        ([n, m]) => {
          const panel = document.querySelector('[aria-label="Import"]');
          return (
            panel?.querySelector('h2')?.textContent?.includes(n) && panel.textContent?.includes(m)
          );
        },
        [name, expectedErrors[name]!] as [string, string],
      );
    }
    expect(await page.locator('h1').textContent()).toMatch(/^Pakistan/);
    await page.close();
  });

  it('imports a relations CSV (actors inferred) and a GEXF file, and draws them', async () => {
    const page = await openApp(browser);
    const csv =
      'Source;Target;Type;Start;End;Evidence\nAlpha;Beta;alliance;1990;2000;"they signed; then parted"\nAlpha;Beta;hostility;2000;;\nBeta;Gamma;support;1995;;\n';
    await pick(page, file('relations.csv', csv, 'text/csv'));
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'relations');
    await page.waitForFunction(() => window.__allegiance!.drawnActors().length === 3);
    await page.waitForURL(/dataset=/);
    const url = new URL(page.url());
    url.searchParams.set('date', '1996-01-01');
    await page.goto(url.href);
    await page.waitForFunction(() => window.__allegiance?.date() === '1996-01-01');
    expect((await page.evaluate(() => window.__allegiance!.drawnRelations())).length).toBe(2);

    await pick(page, {
      name: 'dynamics.gexf',
      mimeType: 'application/xml',
      buffer: readFileSync('tests/fixtures/gexf/dynamics.gexf'),
    });
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'dynamics');
    expect((await page.evaluate(() => window.__allegiance!.drawnActors())).length).toBeGreaterThan(
      3,
    );
    await page.close();
  });

  it('parses a 20 MB CSV off the main thread: the page keeps answering, with progress, until the graph shows', async () => {
    const page = await openApp(browser);
    // Build the file in the page and drop it (sending 20 MB through the driver is slow), and
    // count animation frames while the worker parses: a frozen main thread would count none.
    await page.evaluate(() => {
      const quote = 'x'.repeat(1000);
      const rows = ['source,target,kind,from,until,quote'];
      let size = 0;
      for (let i = 0; size < 20 * 1024 * 1024; i++) {
        const row = `a${i % 300},a${(i * 7 + 1) % 300},${i % 3 ? 'alliance' : 'hostility'},${1950 + (i % 60)},${2011 + (i % 10)},"${quote} ${i}"`;
        rows.push(row);
        size += row.length + 1;
      }
      const w = window as unknown as { __frames: number };
      w.__frames = 0;
      const tick = () => {
        w.__frames++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      const dt = new DataTransfer();
      dt.items.add(new File([rows.join('\n')], 'big.csv', { type: 'text/csv' }));
      for (const type of ['dragenter', 'dragover', 'drop'])
        window.dispatchEvent(
          new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
        );
    });
    await page.getByRole('progressbar', { name: 'Import progress' }).waitFor();
    const legend = page.getByRole('button', { name: 'Legend & filters' });
    await legend.click(); // the UI answers while the worker parses
    await expect(legend.getAttribute('aria-expanded')).resolves.toBe('false');
    expect(
      await page.evaluate(() => (window as unknown as { __frames: number }).__frames),
    ).toBeGreaterThan(5);
    await page.waitForFunction(
      () => document.querySelector('h1')?.textContent === 'big',
      undefined,
      { timeout: 120_000 },
    );
    await page.close();
  }, 180_000);
});
