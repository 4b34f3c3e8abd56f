import { GraphCanvas } from './GraphCanvas';
import { TimeSlider } from './TimeSlider';
import { TitleBar } from './TitleBar';

export function App() {
  return (
    <div className="app">
      <TitleBar />
      <main className="app__main">
        <GraphCanvas />
      </main>
      <footer className="app__footer">
        <TimeSlider />
      </footer>
    </div>
  );
}
