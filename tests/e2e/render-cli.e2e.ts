/** The headless render CLI: real files out, clear errors and non-zero exits for bad input. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pixelStats } from './browser';

const dir = mkdtempSync(join(tmpdir(), 'allegiance-render-'));
const render = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/render.ts', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('npm run render', () => {
  it('writes a PNG of the graph at a date, at the requested width', () => {
    const out = join(dir, 'graph.png');
    const r = render('--date', '2021-09', '--out', out, '--width', '1200');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/wrote .*graph\.png \(PNG, 1200×\d+/);
    const stats = pixelStats(readFileSync(out));
    expect(stats.width).toBe(1200);
    expect(stats.variance).toBeGreaterThan(100);
  });

  it('writes an SVG with the labels and the caption date', () => {
    const out = join(dir, 'graph.svg');
    expect(render('--date', '1988-06', '--out', out).status).toBe(0);
    const svg = readFileSync(out, 'utf8');
    expect(svg).toContain('>June 1988</text>');
    expect(svg).toContain('Soviet Union');
  });

  it('renders a dataset whose ids are named after Object.prototype members', () => {
    const out = join(dir, 'proto-ids.svg');
    const dataset = 'tests/fixtures/hostile/proto-ids.json';
    const r = render('--dataset', dataset, '--date', '2001', '--out', out, '--format', 'svg');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const svg = readFileSync(out, 'utf8');
    for (const name of Object.getOwnPropertyNames(Object.prototype))
      expect(svg).toContain(`>${name}</text>`);
  });

  it.each([
    [['--date', '2021-13', '--out', 'x.png'], '--date "2021-13" has month 13'],
    [['--out', 'x.png'], '--date is required'],
    [['--date', '2021'], '--out is required'],
    [
      ['--date', '2021', '--out', 'x.png', '--dataset', 'missing.json'],
      'cannot read dataset missing.json: no such file',
    ],
    [['--date', '2021', '--out', 'x.png', '--format', 'gif'], '--format must be png or svg'],
    [['--date', '2021', '--out', 'x.png', '--width', 'wide'], '--width must be a whole number'],
    [['--date', '2021', '--out', 'x.png', '--colour', 'red'], "Unknown option '--colour'"],
  ])('refuses %j with a message', (args, message) => {
    const r = render(...args);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(message);
  });

  it('reports every problem of an invalid dataset', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        title: 't',
        actors: [{ id: 'a', label: 'A', type: 'state' }],
        relations: [{ id: 'r', source: 'a', target: 'zz', kind: 'alliance', from: '1994-02-30' }],
      }),
    );
    const r = render('--date', '2021', '--out', join(dir, 'x.png'), '--dataset', bad);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('relations[0].target: refers to actor "zz", which does not exist');
    expect(r.stderr).toContain(
      'relations[0].from: "1994-02-30" has day 30, but February 1994 has 28 days',
    );
  });
});
