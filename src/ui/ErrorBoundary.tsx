import { Component, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/** Catches a crash of the React tree; the engine and the open volume survive, so "Try again" rebuilds the UI. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="crash notice notice-error" role="alert" data-testid="error-banner">
        <span className="notice-message">The interface hit an error: {this.state.error.message}</span>
        <button type="button" onClick={() => this.setState({ error: null })}>Try again</button>
      </div>
    );
  }
}
