/**
 * The "Layout" choice in the graph's corner: force-directed (the dataset's own), radial around
 * the selected actor, hierarchy by parent, rings by actor type. A native select: one tab stop,
 * arrow keys to choose, announced with its label.
 */
import { isLayoutName, LAYOUTS } from '../core/layouts';
import { setLayout, useStore } from '../store/store';

export function LayoutSelect() {
  const layout = useStore((s) => s.layout);
  return (
    <label className="layout-select">
      <span>Layout</span>
      <select
        value={layout}
        data-testid="layout-select"
        title="How actors are placed; kept with this dataset"
        onChange={(e) => {
          if (isLayoutName(e.target.value)) setLayout(e.target.value);
        }}
      >
        {LAYOUTS.map((l) => (
          <option key={l.name} value={l.name}>
            {l.label}
          </option>
        ))}
      </select>
    </label>
  );
}
