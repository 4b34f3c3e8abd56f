import { describe, expect, it } from 'vitest';
import type { Edit } from '../../core/edit/edit';
import { changelogMarkdown, markdownText } from './changelog';

const edit: Edit = {
  op: 'add',
  list: 'sources',
  item: { id: 's', title: 'S' },
  index: 0,
};

describe('changelogMarkdown', () => {
  it('numbers the edits in order under the dataset’s name', () => {
    const md = changelogMarkdown('Kabul (edited copy)', [
      { edit, description: 'Added actor “Haqqani network”' },
      { edit, description: 'Changed the end of relation “ISI supports Taliban” to 2021-08' },
    ]);
    expect(md).toBe(
      '# Changes to Kabul (edited copy)\n\n' +
        '1. Added actor “Haqqani network”\n' +
        '2. Changed the end of relation “ISI supports Taliban” to 2021-08\n',
    );
  });

  it('says so when there is nothing to list', () => {
    expect(changelogMarkdown('D', [])).toContain('No edits yet.');
  });

  it('escapes markup in user text so a label cannot become a link or a heading', () => {
    expect(markdownText('[x](javascript:alert(1)) <b>#1</b>\nnext')).toBe(
      '\\[x\\](javascript:alert(1)) \\<b\\>\\#1\\</b\\> next',
    );
  });
});
