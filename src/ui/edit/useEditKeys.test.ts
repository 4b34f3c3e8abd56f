import { describe, expect, it } from 'vitest';
import { editKey } from './useEditKeys';

const key = (
  k: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {},
) => editKey({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('editKey', () => {
  it('reads Ctrl+Z (or ⌘Z) as undo, with Shift as redo, and Ctrl+Y as redo', () => {
    expect(key('z', { ctrlKey: true })).toBe('undo');
    expect(key('z', { metaKey: true })).toBe('undo');
    expect(key('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(key('y', { ctrlKey: true })).toBe('redo');
  });

  it('leaves every other key alone', () => {
    expect(key('z')).toBeNull();
    expect(key('z', { ctrlKey: true, altKey: true })).toBeNull();
    expect(key('Y', { ctrlKey: true, shiftKey: true })).toBeNull();
    expect(key('s', { ctrlKey: true })).toBeNull();
  });
});
