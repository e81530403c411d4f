import type supertest from 'supertest';

/** The `_csrf` token from a page's form. */
export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('No CSRF token on the page');
  return match[1];
}

/** GETs a page (it must answer 200) and returns its CSRF token; the agent's session keeps it. */
export async function csrfTokenOf(agent: supertest.Agent, path: string): Promise<string> {
  const res = await agent.get(path).expect(200);
  return csrfFrom(res.text);
}

/** Posts a form the way a browser would: the form's page first (for its CSRF token), then the fields. */
export async function submitForm(
  agent: supertest.Agent,
  action: string,
  fields: Record<string, string> = {},
  formPath = action,
) {
  const page = await agent.get(formPath);
  return postForm(agent, action, csrfFrom(page.text), fields);
}

/** Posts with a token taken from a page already shown (for pages that must not be loaded again). */
export function postForm(agent: supertest.Agent, action: string, csrf: string, fields: Record<string, string> = {}) {
  return agent
    .post(action)
    .type('form')
    .send({ _csrf: csrf, ...fields });
}

/** A multipart POST, with `_csrf` first as the browser sends it (fields in the order given). */
export function postMultipart(
  agent: supertest.Agent,
  path: string,
  fields: Record<string, string>,
  files: Record<string, { content: Buffer; filename: string; contentType?: string }> = {},
) {
  let request = agent.post(path);
  for (const [name, value] of Object.entries(fields)) request = request.field(name, value);
  for (const [name, file] of Object.entries(files)) {
    request = request.attach(name, file.content, {
      filename: file.filename,
      contentType: file.contentType ?? 'application/pdf',
    });
  }
  return request;
}

/** A date input's three fields. */
export function dateFields(name: string, iso: string): Record<string, string> {
  const [year, month, day] = iso.split('-');
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year };
}
