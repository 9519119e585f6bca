import { Anchor, Box, Burger, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  mayAdminister,
  mayCash,
  mayCertificate,
  mayRead,
  mayReadAppointmentDay,
  questionReach,
} from '@sabt/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { forgetSyncedDrafts } from '../../features/forms/lib/local-drafts.ts';
import { takesApplications } from '../../features/online-applications/access.ts';
import { ONLINE_APPLICATION_MESSAGES } from '../../features/online-applications/messages.ts';
import { startQueue } from '../../features/queues/queues.ts';
import { type Me, useLogout } from '../../lib/auth.ts';
import { currentLanguage } from '../../lib/i18n.ts';
import { CHANGE_PASSWORD, HOME, SECURITY } from '../paths.ts';

/** A link of the navigation stays on one line; the links wrap as a whole. */
const NAV_LINK = { whiteSpace: 'nowrap' } as const;

/**
 * Who is working, in which office, in which role; language; sign out. On a phone the header is one
 * line, the name and a menu button: the navigation, the user and the buttons open under it.
 */
export function AppHeader({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [menuOpen, menu] = useDisclosure(false);
  const { pathname } = useLocation();
  // a link followed closes the menu
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every move to another screen
  useEffect(() => menu.close(), [pathname]);
  const navigate = useNavigate();
  const logout = useLogout();
  const lang = currentLanguage();
  const who = { role: me.role, officeKind: me.office.kind };
  // who takes, checks or registers acts starts at that queue; the others have a home page
  const queue = startQueue(me.role);

  const signOut = () =>
    logout.mutate(undefined, {
      onSettled: () => {
        forgetSyncedDrafts();
        notifications.show({ message: t('signIn.signedOut'), color: 'teal' });
        void navigate('/sign-in', { replace: true });
      },
    });

  return (
    <Box
      component="header"
      px="md"
      py="xs"
      style={{
        borderBottom: '1px solid var(--mantine-color-gray-3)',
        background: 'var(--mantine-color-body)',
      }}
    >
      <Group justify="space-between" wrap="wrap" gap="sm">
        {/* Wide: one line, wrapping as needed. A phone (below `sm`): the name and the menu button, the rest folded (app.css). */}
        <Group
          gap="lg"
          wrap="wrap"
          style={{ minWidth: 0, maxWidth: '100%', rowGap: 'var(--mantine-spacing-xs)' }}
          className="sabt-header-main"
        >
          <Group justify="space-between" wrap="nowrap" gap="sm" className="sabt-header-top">
            <Anchor component={Link} to={HOME} fw={700} fz={24} c="teal.9" underline="never">
              {t('app.name')}
            </Anchor>
            <Burger
              hiddenFrom="sm"
              opened={menuOpen}
              onClick={menu.toggle}
              size="sm"
              aria-label={t('shell.menu')}
              aria-expanded={menuOpen}
              aria-controls="sabt-menu"
            />
          </Group>
          <Box
            component="nav"
            id="sabt-menu"
            aria-label={t('shell.mainNav')}
            style={{ minWidth: 0, maxWidth: '100%' }}
            className="sabt-menu"
            data-open={menuOpen}
          >
            <Group gap="md" wrap="wrap" style={{ rowGap: 4 }}>
              {!queue && (
                <Anchor component={NavLink} to={HOME} end fw={500} style={NAV_LINK}>
                  {t('shell.home')}
                </Anchor>
              )}
              {/* lists and search only for a role that reads records so (core READ_MATRIX) */}
              {mayRead(me.role, 'list') && (
                <Anchor component={NavLink} to={`/queues/${queue ?? 'registered'}`} fw={500} style={NAV_LINK}>
                  {t('shell.queues')}
                </Anchor>
              )}
              {takesApplications(me.role) && (
                <Anchor component={NavLink} to="/online-applications" fw={500} style={NAV_LINK}>
                  {ONLINE_APPLICATION_MESSAGES[currentLanguage()].nav}
                </Anchor>
              )}
              {mayRead(me.role, 'search') && (
                <Anchor component={NavLink} to="/search" fw={500} style={NAV_LINK}>
                  {t('shell.search')}
                </Anchor>
              )}
              {mayCertificate('read-blank-stock', who) && (
                <Anchor component={NavLink} to="/blanks" fw={500} style={NAV_LINK}>
                  {t('shell.blanks')}
                </Anchor>
              )}
              {mayCertificate('issue-certificate', who) && (
                <Anchor component={NavLink} to="/printer" fw={500} style={NAV_LINK}>
                  {t('shell.printer')}
                </Anchor>
              )}
              <Anchor component={NavLink} to="/fees" fw={500} style={NAV_LINK}>
                {t('shell.fees')}
              </Anchor>
              {/* the audit log for a role that reads it (core READ_MATRIX `audit`) */}
              {mayRead(me.role, 'audit') && (
                <Anchor component={NavLink} to="/audit" fw={500} style={NAV_LINK}>
                  {t('shell.audit')}
                </Anchor>
              )}
              {/* the cash screens for the roles core CASH_MATRIX gives them to */}
              {mayCash('read-cash-reports', who) && (
                <Anchor component={NavLink} to="/fees/cash" fw={500} style={NAV_LINK}>
                  {t('shell.cash')}
                </Anchor>
              )}
              {mayCash('read-bank-statements', who) && (
                <Anchor component={NavLink} to="/fees/statements" fw={500} style={NAV_LINK}>
                  {t('shell.statements')}
                </Anchor>
              )}
              {mayCash('read-fee-reports', who) && (
                <Anchor component={NavLink} to="/fees/reports" fw={500} style={NAV_LINK}>
                  {t('shell.feeReports')}
                </Anchor>
              )}
              {/* citizens' questions for a role that answers them (core questionReach) */}
              {questionReach(me.role) && (
                <Anchor component={NavLink} to="/questions" fw={500} style={NAV_LINK}>
                  {t('shell.questions')}
                </Anchor>
              )}
              {/* the office's appointments of the day (core mayReadAppointmentDay) */}
              {mayReadAppointmentDay(me.role) && (
                <Anchor component={NavLink} to="/appointments" fw={500} style={NAV_LINK}>
                  {t('shell.appointments')}
                </Anchor>
              )}
              {/* users and offices for a role that administers them (core ADMIN_MATRIX) */}
              {mayAdminister('read-users', me.role) && (
                <Anchor component={NavLink} to="/admin" fw={500} style={NAV_LINK}>
                  {t('shell.admin')}
                </Anchor>
              )}
            </Group>
          </Box>
        </Group>
        <Stack gap={0} style={{ minWidth: 0, flex: '1 1 16rem' }} className="sabt-menu" data-open={menuOpen}>
          <Text fw={600} truncate>
            <span className="sabt-visually-hidden">{t('shell.user')}: </span>
            {me.name}
          </Text>
          <Text size="sm" c="dimmed">
            <span className="sabt-visually-hidden">{t('shell.office')}: </span>
            {me.office.name[lang]}
            <span aria-hidden="true"> · </span>
            <span className="sabt-visually-hidden">, {t('shell.role')}: </span>
            {me.roleLabel[lang]}
          </Text>
        </Stack>
        <Group gap="sm" wrap="wrap" className="sabt-menu" data-open={menuOpen}>
          <LanguageSwitch size="xs" />
          <Anchor component={Link} to={SECURITY} size="sm" style={NAV_LINK}>
            {t('shell.security')}
          </Anchor>
          <Anchor component={Link} to={CHANGE_PASSWORD} size="sm" style={NAV_LINK}>
            {t('shell.changePassword')}
          </Anchor>
          <Button variant="default" size="sm" onClick={signOut} loading={logout.isPending}>
            {t('shell.signOut')}
          </Button>
        </Group>
      </Group>
    </Box>
  );
}
