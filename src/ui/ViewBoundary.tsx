/**
 * An error boundary around one view (the graph, the table, the small
 * multiples, a side panel, the time bar…): when the view throws while
 * rendering, it shows what failed, as plain text, with a way back, and the
 * rest of the page keeps working. Without it one throwing view unmounts the
 * whole React tree and leaves a blank page.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import './viewBoundary.css';

interface Props {
  /** What the view is, for the message: "The small multiples". */
  name: string;
  children: ReactNode;
  /** A way out other than trying again, e.g. "Back to the graph". */
  back?: { label: string; action: () => void };
  /** A view that is not on screen shows nothing, failed or not. */
  hidden?: boolean;
}

interface State {
  error: Error | null;
}

/** Messages can be long (a stack in the message, a whole value): the start says what failed. */
const MAX_MESSAGE = 600;

export class ViewBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`${this.props.name} failed:`, error, info.componentStack);
  }

  private readonly retry = () => this.setState({ error: null });

  private readonly goBack = () => {
    this.setState({ error: null });
    this.props.back?.action();
  };

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    if (this.props.hidden) return null;
    const message = error.message || error.name || 'unknown error';
    return (
      <div className="view-error" role="alert" data-testid="view-error">
        <p className="view-error__title">{this.props.name} stopped working.</p>
        {/* Plain text: a message may quote user data, and is never markup. */}
        <p className="view-error__message">
          {message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message}
        </p>
        <p className="view-error__hint">The rest of the page still works.</p>
        <div className="view-error__actions">
          {this.props.back && (
            <button type="button" onClick={this.goBack}>
              {this.props.back.label}
            </button>
          )}
          <button type="button" onClick={this.retry}>
            Try again
          </button>
        </div>
      </div>
    );
  }
}
