import { Alert, Button, Code, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ErrorInfo, ReactNode } from 'react';
import { Component } from 'react';

interface Props {
  /** Names the part of the app that failed, e.g. "Settings", so the message says where. */
  area: string;
  children: ReactNode;
}

interface State {
  error: Error | undefined;
}

/**
 * Contains a crash to one area: the sidebar and other screens keep working, and the user sees what
 * failed and can retry without reloading (which would lose unsaved input elsewhere).
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.area} crashed:`, error, info.componentStack);
  }

  private readonly retry = (): void => {
    this.setState({ error: undefined });
  };

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <Alert
        role="alert"
        color="red"
        variant="light"
        icon={<IconAlertTriangle aria-hidden />}
        title={`${this.props.area} stopped working`}
        m="md"
      >
        <Stack gap="sm">
          <Text size="sm">
            The rest of the app still works. Your saved data is not affected. Try again, or go to another
            screen from the sidebar.
          </Text>
          <Code block>{`${error.name}: ${error.message}`}</Code>
          <Button variant="light" color="red" onClick={this.retry} w="fit-content">
            Try again
          </Button>
        </Stack>
      </Alert>
    );
  }
}
