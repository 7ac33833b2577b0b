import { Button, Field, Radio, RadioGroup, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent, type ReactElement } from 'react';
import type { DevSessionRequest, DevUser } from '@soestainable/shared/api/session';
import type { SessionRole } from '@soestainable/shared/api/common';
import { useApi, useApiCalls, useMutation } from '../../api/useApi';
import { useDevSignIn } from '../../app/context';
import { hrefFor, navigate } from '../../app/router';
import { PageFrame } from '../../components/PageFrame';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useT } from '../../texts/useT';
import { signinTexts } from './texts';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '28rem' },
});

const ROLE_TEXT = { employee: signinTexts.roleEmployee, manager: signinTexts.roleManager, coordinator: signinTexts.roleCoordinator } as const;

/** The roles a demo user can sign in as: always employee, plus the roles stored on them. */
function rolesOf(user: DevUser | undefined): SessionRole[] {
  return ['employee', ...(user?.roles ?? [])];
}

/**
 * `#/signin`: the local dev sign-in (no Entra app configured, never in production). The server decides whether
 * it exists: its route `dev.users.get` answers 404 when it is off, and then the page says so.
 */
export default function SigninPage(): ReactElement {
  const t = useT();
  const users = useApi('dev.users.get');
  return (
    <PageFrame title={t(signinTexts.title)} subtitle={t(signinTexts.intro)}>
      {users.error !== null ? (
        users.error.code === 'NOT_FOUND' ? (
          <EmptyState title={t(signinTexts.off)} />
        ) : (
          <ErrorState error={users.error} onRetry={users.reload} />
        )
      ) : users.data === undefined ? (
        <LoadingState />
      ) : users.data.users.length === 0 ? (
        <EmptyState title={t(signinTexts.noUsers)} />
      ) : (
        <SigninForm users={users.data.users} />
      )}
    </PageFrame>
  );
}

function SigninForm({ users }: { readonly users: readonly DevUser[] }): ReactElement {
  const styles = useStyles();
  const t = useT();
  const { devTokens, reloadSession } = useDevSignIn();
  const { apiSend } = useApiCalls();
  const [userId, setUserId] = useState(users[0]?.userId ?? '');
  const [role, setRole] = useState<SessionRole>('employee');
  const user = users.find((u) => u.userId === userId);
  const signIn = useMutation((body: DevSessionRequest) => apiSend('dev.session.create', { body }));

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (devTokens === null || user === undefined) return;
    const answer = await signIn.run({ userId: user.userId, role });
    if (answer === undefined) return;
    devTokens.save(answer.token);
    const session = await reloadSession();
    if (session !== null) navigate(session.teamId === null ? hrefFor('me') : hrefFor('team', session.teamId));
  };

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)}>
      <Field label={t(signinTexts.user)}>
        <Select
          value={userId}
          onChange={(_, data) => {
            setUserId(data.value);
            setRole('employee');
          }}
        >
          {users.map((u) => (
            <option key={u.userId} value={u.userId}>
              {t(signinTexts.userOption, { name: u.name, team: u.teamName })}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t(signinTexts.role)}>
        <RadioGroup value={role} onChange={(_, data) => setRole(data.value as SessionRole)}>
          {rolesOf(user).map((r) => (
            <Radio key={r} value={r} label={t(ROLE_TEXT[r])} />
          ))}
        </RadioGroup>
      </Field>
      {signIn.error === null ? null : <ErrorState error={signIn.error} />}
      <div>
        <Button type="submit" appearance="primary" disabled={signIn.busy || user === undefined}>
          {t(signinTexts.submit)}
        </Button>
      </div>
      <Text size={200}>{user === undefined ? '' : user.teamName}</Text>
    </form>
  );
}
