/// <reference lib="dom" />
/** An error boundary: a render error shows its message and a reload button, never a blank page. */
import { Component, type ErrorInfo, createElement as h, type ReactNode } from 'react';

interface Props {
  /** What the boundary holds (in the message and the log); a new name starts clean. */
  name: string;
  children?: ReactNode;
}

/** Keeps a crash inside the part that failed, with "Try again" and "Reload page". */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`the ${this.props.name} failed`, error, info.componentStack);
  }

  override componentDidUpdate(prev: Props) {
    if (prev.name !== this.props.name && this.state.error) this.setState({ error: null });
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return h(
      'div',
      { className: 'error boundary', role: 'alert', 'data-testid': 'page-error' },
      h('p', null, `Something went wrong in the ${this.props.name}: ${this.state.error.message}`),
      h(
        'div',
        { className: 'row' },
        h('button', { type: 'button', onClick: () => this.setState({ error: null }) }, 'Try again'),
        h(
          'button',
          { type: 'button', className: 'primary', onClick: () => location.reload(), 'data-testid': 'reload' },
          'Reload page',
        ),
      ),
    );
  }
}
