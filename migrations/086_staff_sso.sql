-- A staff account signed in through the council's OpenID Connect provider is linked to the
-- provider's issuer and subject on first use; later sign-ins match on these, never on an email
-- address alone (which the provider may change or reuse).
ALTER TABLE users ADD COLUMN oidc_issuer text, ADD COLUMN oidc_subject text;

CREATE UNIQUE INDEX users_oidc_identity_idx ON users (oidc_issuer, oidc_subject) WHERE oidc_subject IS NOT NULL;

-- A member of staff who only ever signs in through the provider has no EHC Hub password.
ALTER TABLE users DROP CONSTRAINT users_check2;
ALTER TABLE users ADD CONSTRAINT users_active_can_sign_in CHECK (status <> 'active' OR password_hash IS NOT NULL OR oidc_subject IS NOT NULL);
