/**
 * `npm run publish`: the story page from the command line. One run builds the real standalone
 * page (there is none in the empty build folder it is pointed at) and checks the file; the
 * others use a small template and check exit codes and messages.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PUBLISHED_DATA_SLOT, readPublished } from '../../src/core/publish';
import { parseDatasetJson } from '../../src/core/validate';

const STORY_FILE = 'tests/fixtures/publish/story.json';
const dir = mkdtempSync(join(tmpdir(), 'allegiance-publish-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const USAGE =
  'usage: npm run publish -- --story ID --out FILE.html [--dataset FILE] [--template FILE]';

/** A template like the standalone page: no external script, one empty data element. */
const template = join(dir, 'template.html');
writeFileSync(
  template,
  `<!doctype html><html><head><title>Allegiance</title></head><body>${PUBLISHED_DATA_SLOT}<script type="module">start()</script></body></html>`,
);

const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/publish.ts', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, ...env },
  });

/** The data element's JSON in a published page (its `<` never appears escaped-out). */
function publishedData(html: string) {
  const open = PUBLISHED_DATA_SLOT.slice(0, PUBLISHED_DATA_SLOT.indexOf('>') + 1);
  const start = html.indexOf(open) + open.length;
  return readPublished(html.slice(start, html.indexOf('</script>', start)));
}

describe('npm run publish', () => {
  it('with no build yet, builds the standalone page and writes one offline file holding the dataset', () => {
    const emptyBuild = join(dir, 'no-build');
    mkdirSync(emptyBuild);
    const out = join(dir, 'story.html');
    const r = run(['--dataset', STORY_FILE, '--story', 'pact-to-war', '--out', out], {
      ALLEGIANCE_DIST: emptyBuild,
    });
    expect(r.stderr).toContain(`${emptyBuild}/standalone.html not found: building`);
    expect(r.status).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(r.stdout).toMatch(
      new RegExp(
        `^wrote ${out} \\(1\\.\\d MB, ${Buffer.byteLength(html).toLocaleString('en')} bytes\\): “From pact to war”, 3 steps, opens offline\\n$`,
      ),
    );
    // Everything inlined: no script, style sheet or icon fetched from anywhere. (The markup
    // is read without the scripts' text, which may mention tags.)
    const markup = html.replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/gi, '$1</script>');
    expect(markup.match(/<script\b[^>]*>/g)).toEqual([
      '<script type="module" crossorigin>',
      '<script type="application/json" id="allegiance-published">',
    ]);
    expect(markup.match(/<link\b[^>]*>/g)).toHaveLength(1);
    expect(markup).toMatch(/<link\s+rel="icon"\s+type="image\/svg\+xml"\s+href="data:/);
    expect(markup).toMatch(/<style\b/);
    expect(markup).toContain('<title>From pact to war · Allegiance</title>');
    // The production build of React, not its development build.
    expect(html.includes('react-stack-top-frame')).toBe(false);
    const read = publishedData(html);
    const expected = parseDatasetJson(readFileSync(STORY_FILE, 'utf8')).dataset;
    expect('data' in read && read.data.dataset).toEqual(expected);
    expect('data' in read && read.data.story).toBe('pact-to-war');
    expect(Buffer.byteLength(html)).toBeLessThan(5e6);
  }, 120_000); // a Vite build of the whole app, on a busy machine

  it('names the stories there are when the story is unknown, and writes nothing', () => {
    const out = join(dir, 'none.html');
    const r = run([
      '--dataset',
      STORY_FILE,
      '--story',
      'nope',
      '--out',
      out,
      '--template',
      template,
    ]);
    expect(r.stderr).toBe(
      `publish: ${STORY_FILE}: there is no story "nope": the dataset's stories are "pact-to-war", "rebels"\n`,
    );
    expect(r.status).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  it('a missing --story or --out, or an unknown option, is a usage error (exit 2)', () => {
    const noStory = run(['--dataset', STORY_FILE, '--out', join(dir, 'x.html')]);
    expect(noStory.stderr).toBe(
      `publish: --story is required: the dataset's stories are "pact-to-war", "rebels"\n${USAGE}\n`,
    );
    expect(noStory.status).toBe(2);
    const noOut = run(['--story', 'pact-to-war']);
    expect(noOut.stderr).toBe(`publish: --out is required\n${USAGE}\n`);
    expect(noOut.status).toBe(2);
    const unknown = run(['--story', 'pact-to-war', '--out', 'x.html', '--colour', 'red']);
    expect(unknown.stderr).toMatch(/^publish: Unknown option '--colour'/);
    expect(unknown.status).toBe(2);
  });

  it('an unreadable or invalid dataset is refused with its problems', () => {
    const missing = run(['--dataset', join(dir, 'nope.json'), '--story', 's', '--out', 'x.html']);
    expect(missing.stderr).toBe(
      `publish: cannot read dataset ${join(dir, 'nope.json')}: no such file\n`,
    );
    expect(missing.status).toBe(1);

    const broken = JSON.parse(readFileSync(STORY_FILE, 'utf8')) as {
      relations: { target: string }[];
    };
    broken.relations[0]!.target = 'atlantis';
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify(broken));
    const invalid = run(['--dataset', file, '--story', 'pact-to-war', '--out', 'x.html']);
    expect(invalid.stderr).toMatch(
      new RegExp(
        `^publish: ${file} is not a valid dataset:\\n  .*relations\\[0\\]\\.target.*atlantis`,
      ),
    );
    expect(invalid.status).toBe(1);
  });

  it('a template that would not work offline, or an output that cannot be written, is refused', () => {
    const devPage = join(dir, 'dev.html');
    writeFileSync(
      devPage,
      readFileSync(template, 'utf8').replace(
        '<script type="module">',
        '<script type="module" src="/src/standalone.tsx">',
      ),
    );
    const dev = run([
      '--dataset',
      STORY_FILE,
      '--story',
      'rebels',
      '--out',
      join(dir, 'y.html'),
      '--template',
      devPage,
    ]);
    expect(dev.stderr).toMatch(
      new RegExp(
        `^publish: ${devPage}: the template loads the script "/src/standalone.tsx" from elsewhere`,
      ),
    );
    expect(dev.status).toBe(1);

    const out = join(dir, 'no-such-folder', 'story.html');
    const unwritable = run([
      '--dataset',
      STORY_FILE,
      '--story',
      'rebels',
      '--out',
      out,
      '--template',
      template,
    ]);
    expect(unwritable.stderr).toMatch(new RegExp(`^publish: cannot write ${out}: ENOENT`));
    expect(unwritable.status).toBe(1);
  });
});
