import type pg from 'pg';

/**
 * A member of staff resets someone's second factor: the next sign-in asks them to set one up
 * again. A lock from wrong codes, or a text-message code still waiting, belongs to the factor
 * being taken away; left behind, the lock would refuse the very codes of the new setup.
 */
export async function resetSecondFactor(client: pg.PoolClient, userId: string, at: Date): Promise<void> {
  await client.query(
    `UPDATE users SET two_factor_method = NULL, totp_secret_encrypted = NULL, totp_last_step = NULL, phone_encrypted = NULL, updated_at = $2
      WHERE id = $1`,
    [userId, at],
  );
  await client.query('DELETE FROM two_factor_failures WHERE user_id = $1', [userId]);
  await client.query('DELETE FROM sms_login_codes WHERE user_id = $1', [userId]);
}
