import { NativeSelect, SimpleGrid, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type AdminOffice, type AdminUserDetail, GRANTABLE_ROLES, type Me, type Role } from '@sabt/core';
import { useState } from 'react';
import { FormPanel } from '../../../components/form-panel.tsx';
import { isProblem } from '../../../lib/api.ts';
import { useWriteKeys } from '../../../lib/write-keys.ts';
import { type UserChange, useChangeUser } from '../api.ts';
import { useAdminMessages } from '../messages.ts';
import { AdminProblem } from './admin-dialogs.tsx';

const FIELDS = ['fullName', 'role', 'officeId'] as const;

/** A user's name, role (one the administrator may give) and office (an open one of their jurisdiction). */
export function ChangeUserForm({
  me,
  user,
  offices,
}: {
  me: Me;
  user: AdminUserDetail;
  offices: AdminOffice[];
}) {
  const { m, lang, roleLabel } = useAdminMessages();
  const u = m.user;
  const roles = GRANTABLE_ROLES[me.role] ?? [];
  const choices = offices.filter((o) => o.active || o.id === user.office.id);
  const [values, setValues] = useState({ fullName: user.name, role: user.role, officeId: user.office.id });
  const [nameError, setNameError] = useState<string | undefined>();
  const [nothing, setNothing] = useState(false);
  const save = useChangeUser(user.id);
  const keys = useWriteKeys();
  const server = isProblem(save.error) ? save.error.fieldErrors : {};
  const set = (k: keyof typeof values) => (e: { currentTarget: { value: string } }) => {
    const v = e.currentTarget.value;
    setValues((x) => ({ ...x, [k]: v }));
    setNothing(false);
    if (k === 'fullName') setNameError(undefined);
  };
  const submit = () => {
    const change: UserChange = {};
    const fullName = values.fullName.trim();
    if (fullName.length < 2) {
      setNameError(m.common.required);
      return document.getElementById('change-user-fullName')?.focus();
    }
    if (fullName !== user.name) change.fullName = fullName;
    if (values.role !== user.role) change.role = values.role as Role;
    if (values.officeId !== user.office.id) change.officeId = values.officeId;
    if (Object.keys(change).length === 0) return setNothing(true);
    save.mutate(
      { body: change, key: keys.keyFor(change) },
      {
        onSuccess: () => {
          keys.forget();
          notifications.show({ message: u.changed, color: 'teal' });
        },
      },
    );
  };
  return (
    <FormPanel
      id="change-user"
      title={u.change}
      onSubmit={submit}
      pending={save.isPending}
      submitLabel={u.changeSubmit}
      alert={
        <>
          <AdminProblem error={save.error} atFields={FIELDS} />
          {nothing && (
            <Text size="sm" role="status">
              {u.nothingChanged}
            </Text>
          )}
        </>
      }
    >
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
        <TextInput
          id="change-user-fullName"
          label={m.users.name}
          value={values.fullName}
          onChange={set('fullName')}
          error={nameError ?? server.fullName}
          autoComplete="off"
        />
        <NativeSelect
          id="change-user-role"
          label={u.role}
          value={values.role}
          onChange={set('role')}
          error={server.role}
          data={roles.map((r) => ({ value: r, label: roleLabel(r) }))}
        />
        <NativeSelect
          id="change-user-officeId"
          label={u.office}
          value={values.officeId}
          onChange={set('officeId')}
          error={server.officeId}
          data={choices.map((o) => ({ value: o.id, label: `${o.name[lang]} (${o.id})` }))}
        />
      </SimpleGrid>
    </FormPanel>
  );
}
