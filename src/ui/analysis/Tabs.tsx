/**
 * An ARIA tab list: one tab stop, arrows and Home/End move between tabs and
 * choose them (automatic activation: every panel is cheap to show). The
 * caller renders the panel with `tabPanelProps`.
 */
import type { KeyboardEvent } from 'react';

export interface TabItem<T extends string> {
  id: T;
  label: string;
  /** Longer name for assistive technology and the tooltip. */
  title?: string;
}

export const tabId = (prefix: string, id: string) => `${prefix}-tab-${id}`;
export const panelId = (prefix: string) => `${prefix}-panel`;

export function Tabs<T extends string>({
  label,
  prefix,
  tabs,
  value,
  onChange,
  className = '',
}: {
  label: string;
  prefix: string;
  tabs: readonly TabItem<T>[];
  value: T;
  onChange: (id: T) => void;
  className?: string;
}) {
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = tabs.findIndex((t) => t.id === value);
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % tabs.length
        : e.key === 'ArrowLeft'
          ? (i - 1 + tabs.length) % tabs.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? tabs.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    onChange(tabs[next]!.id);
    const list = e.currentTarget.parentElement;
    list?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className={`a-tabs ${className}`}>
      {tabs.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          id={tabId(prefix, t.id)}
          aria-selected={t.id === value}
          aria-controls={panelId(prefix)}
          tabIndex={t.id === value ? 0 : -1}
          title={t.title}
          className="a-tabs__tab"
          onClick={() => onChange(t.id)}
          onKeyDown={onKeyDown}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

export const tabPanelProps = (prefix: string, value: string) => ({
  role: 'tabpanel' as const,
  id: panelId(prefix),
  'aria-labelledby': tabId(prefix, value),
});
