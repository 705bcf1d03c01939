import { PasswordInput } from '@mantine/core';

export const PASSWORD_HINT = '12 caractères au moins, pas un mot de passe courant : une petite phrase, par exemple.';
export const PASSWORD_MISMATCH = 'Les deux mots de passe ne sont pas les mêmes.';

/** The form's check that the two typings match, for useApiForm's `validate` (the password under `name`). */
export const confirmMatches =
  (name = 'password') =>
  (v: Record<string, unknown>) => ({ confirm: v[name] !== v.confirm ? PASSWORD_MISMATCH : undefined });

type PasswordForm = {
  field: (key: any) => { value: unknown; onChange: (arg: unknown) => void; error?: string };
};

/**
 * A new password typed twice (reset, invitation, "Mon compte"): the server's rule (12 characters, not a common
 * password) answers under the first field, a mismatch under the second.
 */
export function NewPasswordFields({
  form,
  label = 'Nouveau mot de passe',
  confirmLabel = 'Le même mot de passe, encore une fois',
  description = PASSWORD_HINT,
  name = 'password',
}: {
  form: PasswordForm;
  /** The key of the new password in the form (and in the API's field errors). */
  name?: string;
  label?: string;
  confirmLabel?: string;
  description?: string;
}) {
  return (
    <>
      <PasswordInput
        label={label}
        description={description}
        autoComplete="new-password"
        required
        {...(form.field(name) as { value: string })}
      />
      <PasswordInput
        label={confirmLabel}
        autoComplete="new-password"
        required
        {...(form.field('confirm') as { value: string })}
      />
    </>
  );
}
