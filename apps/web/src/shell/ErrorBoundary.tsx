import { Button, Result } from 'antd';
import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';

interface Props {
  title: string;
  retryLabel: string;
  children: ReactNode;
}

/** Catches a page that fails to render (or whose code fails to load) so the frame and menu stay usable. */
export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <Result
        status="error"
        title={this.props.title}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {this.props.retryLabel}
          </Button>
        }
      />
    );
  }
}
