/** The dataset's title and the sources it quotes. */
import { selectModel, useStore } from '../store/store';

export function TitleBar() {
  const model = useStore(selectModel);
  if (!model) return null;
  const { title, sources } = model.dataset;
  return (
    <header className="title-bar">
      <span className="title-bar__app">Allegiance</span>
      <h1 className="title-bar__title">{title}</h1>
      {sources.length > 0 && (
        <p className="title-bar__sources">
          Sources: {sources.map((s) => s.title + (s.date ? ` (${s.date})` : '')).join('; ')}
        </p>
      )}
    </header>
  );
}
