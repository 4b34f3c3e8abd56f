import { describe, expect, it } from 'vitest';
import { globalKeyAction, sliderKeyAction, type KeyLike } from './timeKeys';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  shiftKey: false,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});

describe('date slider keys', () => {
  it('steps a month with the arrows and a year with Shift or PageUp/PageDown', () => {
    expect(sliderKeyAction(key('ArrowRight'))).toEqual({ type: 'months', months: 1 });
    expect(sliderKeyAction(key('ArrowUp'))).toEqual({ type: 'months', months: 1 });
    expect(sliderKeyAction(key('ArrowLeft'))).toEqual({ type: 'months', months: -1 });
    expect(sliderKeyAction(key('ArrowDown'))).toEqual({ type: 'months', months: -1 });
    expect(sliderKeyAction(key('ArrowRight', { shiftKey: true }))).toEqual({
      type: 'months',
      months: 12,
    });
    expect(sliderKeyAction(key('PageUp'))).toEqual({ type: 'months', months: 12 });
    expect(sliderKeyAction(key('PageDown'))).toEqual({ type: 'months', months: -12 });
  });

  it('jumps to the ends with Home and End, and leaves other keys alone', () => {
    expect(sliderKeyAction(key('Home'))).toEqual({ type: 'start' });
    expect(sliderKeyAction(key('End'))).toEqual({ type: 'end' });
    expect(sliderKeyAction(key(' '))).toBeNull();
    expect(sliderKeyAction(key('Tab'))).toBeNull();
    expect(sliderKeyAction(key('ArrowRight', { ctrlKey: true }))).toBeNull();
  });
});

describe('global keys', () => {
  it('plays or pauses with Space, except on buttons and in fields', () => {
    expect(globalKeyAction(key(' '), 'canvas')).toEqual({ type: 'toggle-play' });
    expect(globalKeyAction(key(' '), 'other')).toEqual({ type: 'toggle-play' });
    expect(globalKeyAction(key(' '), 'control')).toBeNull();
    expect(globalKeyAction(key(' '), 'editable')).toBeNull();
  });

  it('steps between events with [ and ] unless typing', () => {
    expect(globalKeyAction(key(']'), 'control')).toEqual({ type: 'event', direction: 1 });
    expect(globalKeyAction(key('['), 'other')).toEqual({ type: 'event', direction: -1 });
    expect(globalKeyAction(key(']'), 'editable')).toBeNull();
  });

  it("leaves the arrows and Space to the focused graph's cursor, but not [ ] or Escape", () => {
    for (const k of ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', ' '])
      expect(globalKeyAction(key(k), 'graph-cursor')).toBeNull();
    expect(globalKeyAction(key(']'), 'graph-cursor')).toEqual({ type: 'event', direction: 1 });
    expect(globalKeyAction(key('['), 'graph-cursor')).toEqual({ type: 'event', direction: -1 });
    expect(globalKeyAction(key('Escape'), 'graph-cursor')).toEqual({ type: 'clear-selection' });
  });

  it('moves time with the arrows only from the page or around the graph', () => {
    expect(globalKeyAction(key('ArrowRight'), 'canvas')).toEqual({ type: 'months', months: 1 });
    expect(globalKeyAction(key('ArrowLeft', { shiftKey: true }), 'canvas')).toEqual({
      type: 'months',
      months: -12,
    });
    expect(globalKeyAction(key('ArrowRight'), 'other')).toBeNull();
    expect(globalKeyAction(key('ArrowRight'), 'control')).toBeNull();
  });

  it('clears the selection with Escape, except in fields and popups (their Escape closes them)', () => {
    for (const context of ['canvas', 'control', 'other'] as const)
      expect(globalKeyAction(key('Escape'), context)).toEqual({ type: 'clear-selection' });
    expect(globalKeyAction(key('Escape'), 'editable')).toBeNull();
    expect(globalKeyAction(key('Escape'), 'popup')).toBeNull();
  });

  it('leaves browser shortcuts alone', () => {
    expect(globalKeyAction(key(' ', { ctrlKey: true }), 'canvas')).toBeNull();
    expect(globalKeyAction(key(']', { metaKey: true }), 'canvas')).toBeNull();
    expect(globalKeyAction(key('ArrowLeft', { altKey: true }), 'canvas')).toBeNull();
  });
});
