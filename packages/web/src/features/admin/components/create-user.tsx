import { Button, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { type AdminOffice, GRANTABLE_ROLES, type Me, type Role } from '@sabt/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { DialogFooter } from '../../../components/dialog-footer.tsx';
import { isProblem } from '../../../lib/api.ts';
import { useWriteKeys } from '../../../lib/write-keys.ts';
import { type TemporaryPassword, useCreateUser } from '../api.ts';
import { useAdminMessages } from '../messages.ts';
import { AdminModal, AdminProblem, TemporaryPasswordDialog } from './admin-dialogs.tsx';

const LOGIN = /^[a-z0-9._-]{2,40}$/;
const FIELDS = ['login', 'fullName', 'role', 'officeId'] as const;
type Field = (typeof FIELDS)[number];

/**
 * A new user: login, name, a role the administrator may give (core GRANTABLE_ROLES) and an open
 * office of their jurisdiction; the answer's temporary password is shown once.
 */
export function CreateUserDialog({
  me,
  offices,
  onClose,
}: {
  me: Me;
  offices: AdminOffice[];
  onClose: () => void;
}) {
  const { m, lang, roleLabel } = useAdminMessages();
  const c = m.create;
  const roles = GRANTABLE_ROLES[me.role] ?? [];
  const open = offices.filter((o) => o.active);
  const [values, setValues] = useState<Record<Field, string>>({
    login: '',
    fullName: '',
    role: roles[0] ?? '',
    officeId: open.some((o) => o.id === me.office.id) ? me.office.id : (open[0]?.id ?? ''),
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const create = useCreateUser();
  const keys = useWriteKeys();
  const [created, setCreated] = useState<TemporaryPassword | null>(null);
  const server = isProblem(create.error) ? create.error.fieldErrors : {};
  const errorOf = (k: Field) => errors[k] ?? server[k];
  const set = (k: Field) => (e: { currentTarget: { value: string } }) => {
    const v = e.currentTarget.value;
    setValues((x) => ({ ...x, [k]: v }));
    setErrors((x) => ({ ...x, [k]: undefined }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (create.isPending) return;
    const body = {
      login: values.login.trim(),
      fullName: values.fullName.trim(),
      role: values.role as Role,
      officeId: values.officeId,
    };
    const found: Partial<Record<Field, string>> = {};
    if (!LOGIN.test(body.login)) found.login = body.login ? c.loginInvalid : m.common.required;
    if (body.fullName.length < 2) found.fullName = m.common.required;
    if (!body.role) found.role = m.common.required;
    if (!body.officeId) found.officeId = m.common.required;
    setErrors(found);
    const first = FIELDS.find((k) => found[k]);
    if (first) return document.getElementById(`new-user-${first}`)?.focus();
    create.mutate(
      { body, key: keys.keyFor(body) },
      {
        onSuccess: (answer) => {
          keys.forget();
          setCreated(answer);
        },
      },
    );
  };

  if (created)
    return (
      <TemporaryPasswordDialog
        title={m.password.createdTitle}
        login={created.user.login}
        password={created.temporaryPassword}
        onClose={onClose}
      >
        <Button component={Link} to={`/admin/users/${created.user.id}`} variant="default">
          {m.password.open}
        </Button>
      </TemporaryPasswordDialog>
    );

  return (
    <AdminModal title={c.title} onClose={onClose} busy={create.isPending}>
      <form onSubmit={submit} noValidate aria-label={c.title}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {c.intro}
          </Text>
          <TextInput
            id="new-user-login"
            label={c.login}
            description={c.loginHint}
            value={values.login}
            onChange={set('login')}
            error={errorOf('login')}
            autoComplete="off"
            spellCheck={false}
            required
            data-autofocus
          />
          <TextInput
            id="new-user-fullName"
            label={c.fullName}
            value={values.fullName}
            onChange={set('fullName')}
            error={errorOf('fullName')}
            autoComplete="off"
            required
          />
          <NativeSelect
            id="new-user-role"
            label={c.role}
            value={values.role}
            onChange={set('role')}
            error={errorOf('role')}
            data={roles.map((r) => ({ value: r, label: roleLabel(r) }))}
            required
          />
          <NativeSelect
            id="new-user-officeId"
            label={c.office}
            value={values.officeId}
            onChange={set('officeId')}
            error={errorOf('officeId')}
            data={open.map((o) => ({ value: o.id, label: `${o.name[lang]} (${o.id})` }))}
            required
          />
          <AdminProblem error={create.error} atFields={FIELDS} />
          <DialogFooter
            cancelLabel={m.common.cancel}
            onCancel={onClose}
            submitLabel={c.submit}
            pending={create.isPending}
          />
        </Stack>
      </form>
    </AdminModal>
  );
}
