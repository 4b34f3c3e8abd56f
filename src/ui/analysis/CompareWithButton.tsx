/** "Compare with…" in an actor's details: opens its pair history, waiting for the second actor. */
import { compareWith } from '../../store/store';

export function CompareWithButton({ actor, label }: { actor: string; label: string }) {
  return (
    <button
      type="button"
      className="a-button a-button--small compare-with"
      title={`Pair history of ${label} and another actor`}
      onClick={() => compareWith(actor)}
    >
      Compare with…
    </button>
  );
}
