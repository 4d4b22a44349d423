import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';

export function NotFound({ what = 'page' }: { what?: string }) {
  return (
    <Stack align="flex-start" gap="xs" py="xl">
      <Title order={1}>Not found</Title>
      <Text c="dimmed">This {what} does not exist, or you do not have access to it.</Text>
      <Button component={Link} to="/" variant="light">
        Go home
      </Button>
    </Stack>
  );
}
