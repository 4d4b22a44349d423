// Dev mode: pick one of the embedded provider's users. OIDC mode: go to the identity provider.
import { Alert, Badge, Button, Center, Group, Loader, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useAuthConfig } from '../api/metadata';
import { devSignIn, oidcSignIn } from '../api/session';

export function SignInPage() {
  const auth = useAuthConfig();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const returnTo = params.get('returnTo') || '/';

  const pick = async (username: string) => {
    setBusy(username);
    setError(null);
    try {
      await devSignIn(username);
      queryClient.clear();
      navigate(returnTo.startsWith('/') ? returnTo : '/', { replace: true });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper p="xl" w={440} shadow="sm">
        <Stack gap="md">
          <div>
            <Title order={1}>Sign in to PRM OS</Title>
            <Text size="sm" c="dimmed">
              {auth.data?.mode === 'dev' ? 'Development identity: choose a user.' : 'Use your organisation account.'}
            </Text>
          </div>
          {auth.isPending && <Loader size="sm" aria-label="Loading sign-in options" />}
          {auth.isError && <Alert color="red" role="alert">{auth.error.message}</Alert>}
          {error && <Alert color="red" role="alert">{error}</Alert>}
          {auth.data?.mode === 'dev' && (
            <Stack gap={6} component="ul" aria-label="Users" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {(auth.data.users ?? []).map((u) => (
                <li key={u.username}>
                <UnstyledButton
                  w="100%"
                  onClick={() => pick(u.username)}
                  disabled={busy !== null}
                  aria-label={`Sign in as ${u.username}`}
                  style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6, padding: '8px 12px' }}
                >
                  <Group justify="space-between" wrap="nowrap">
                    <div>
                      <Text fw={600} size="sm">
                        {u.username}
                      </Text>
                      <Text size="xs" c="dimmed">
                        tenant {u.tenant}
                      </Text>
                    </div>
                    <Group gap={4}>
                      {busy === u.username ? <Loader size={14} /> : u.roles.map((r) => <Badge key={r} size="xs" variant="light">{r}</Badge>)}
                    </Group>
                  </Group>
                </UnstyledButton>
                </li>
              ))}
            </Stack>
          )}
          {auth.data?.mode === 'oidc' && (
            <Button onClick={() => oidcSignIn(auth.data!, returnTo).catch((e) => setError((e as Error).message))}>
              Continue with single sign-on
            </Button>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
