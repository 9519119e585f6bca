import { Box, Progress } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  type LoaderFunctionArgs,
  Navigate,
  Outlet,
  redirect,
  useLocation,
  useNavigation,
} from 'react-router';
import { actKindsQuery } from '../../lib/act-kinds.ts';
import { isProblem } from '../../lib/api.ts';
import { meQuery } from '../../lib/auth.ts';
import { queryClient } from '../../lib/query-client.ts';
import { AppHeader } from '../components/app-header.tsx';
import { CHANGE_PASSWORD, signInPath, TWO_FACTOR } from '../paths.ts';

/** Signed-in screens only: no session → sign-in, then back here. */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  try {
    const me = await queryClient.ensureQueryData(meQuery());
    // a password an administrator set is changed before anything else (the server refuses the rest)
    if (me.temporaryCredentials && url.pathname !== CHANGE_PASSWORD) throw redirect(CHANGE_PASSWORD);
    // then two-factor sign-in is set up, where the role requires it
    if (!me.temporaryCredentials && me.twoFactorEnrolmentRequired && url.pathname !== TWO_FACTOR)
      throw redirect(TWO_FACTOR);
  } catch (error) {
    if (isProblem(error, 401)) throw redirect(signInPath(url.pathname + url.search));
    throw error;
  }
  // Act kind labels are on almost every screen: have them before the first paint.
  await queryClient.ensureQueryData(actKindsQuery()).catch(() => undefined);
  return null;
}

export function Component() {
  const { t } = useTranslation();
  const { data: me } = useSuspenseQuery(meQuery());
  const navigation = useNavigation();
  const { pathname } = useLocation();
  if (me.temporaryCredentials && pathname !== CHANGE_PASSWORD)
    return <Navigate to={CHANGE_PASSWORD} replace />;
  if (!me.temporaryCredentials && me.twoFactorEnrolmentRequired && pathname !== TWO_FACTOR)
    return <Navigate to={TWO_FACTOR} replace />;
  return (
    <>
      <a href="#main" className="sabt-skip-link">
        {t('app.skipToContent')}
      </a>
      <AppHeader me={me} />
      <Progress
        value={100}
        animated
        size={3}
        radius={0}
        aria-label={t('shell.working')}
        style={{ visibility: navigation.state === 'loading' ? 'visible' : 'hidden' }}
      />
      <Box
        component="main"
        id="main"
        tabIndex={-1}
        className="sabt-main"
        px="md"
        py="md"
        maw={1400}
        mx="auto"
      >
        <Outlet />
      </Box>
    </>
  );
}
