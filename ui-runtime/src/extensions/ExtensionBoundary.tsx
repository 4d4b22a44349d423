// Contains a module's page or widget: an error thrown while it renders shows a contained error
// naming the extension, and the rest of the page keeps working. A new bundle (another URL) resets it.
import { Component, type ReactNode } from 'react';
import { Alert, Text } from '@mantine/core';

interface Props {
  /** Shown in the error: `module / name`. */
  name: string;
  /** When it changes (a new bundle), the boundary tries again. */
  resetKey: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
  key: string;
}

export class ExtensionBoundary extends Component<Props, State> {
  state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  componentDidCatch(error: unknown) {
    console.error(`UI extension ${this.props.name} failed`, error);
  }

  render() {
    if (this.state.error) {
      return <ExtensionError name={this.props.name} error={this.state.error} />;
    }
    return this.props.children;
  }
}

export function ExtensionError({ name, error }: { name: string; error: unknown }) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Alert color="red" variant="light" title={`${name} is not available`} role="alert" data-extension-error={name}>
      <Text size="sm">{message}</Text>
    </Alert>
  );
}
