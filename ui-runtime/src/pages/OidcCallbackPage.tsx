import { Alert, Center, Loader } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useAuthConfig } from '../api/metadata';
import { oidcCallback } from '../api/session';

/** Where the identity provider sends the browser back with the authorization code. */
export function OidcCallbackPage() {
  const auth = useAuthConfig();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!auth.data) return;
    oidcCallback(auth.data)
      .then((to) => navigate(to, { replace: true }))
      .catch((e) => setError((e as Error).message));
  }, [auth.data, navigate]);
  return (
    <Center h="100vh" component="main">
      {error ? <Alert color="red" role="alert" title="Sign-in failed">{error}</Alert> : <Loader aria-label="Signing in" />}
    </Center>
  );
}
