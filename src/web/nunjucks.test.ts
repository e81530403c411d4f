import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import express from 'express';
import nunjucks from 'nunjucks';
import { setUpNunjucks, trim } from './nunjucks.js';

const council = {
  name: 'Edgehill Council',
  teamName: 'SEND',
  email: 'send@example.com',
  phone: '01632 960 000',
  addressLines: [],
};

describe('the trim filter', () => {
  const views = setUpNunjucks(express(), council);

  it('is the linear one, not Nunjucks’ regex', () => {
    assert.equal(views.env.getFilter('trim'), trim);
  });

  it('trims as Nunjucks does, keeping markup marked safe and escaping the rest', () => {
    assert.equal(views.env.renderString('[{{ text | trim }}]', { text: ' \n <b>x</b>\t ' }), '[&lt;b&gt;x&lt;/b&gt;]');
    assert.equal(
      views.env.renderString('[{{ html | trim }}]', { html: new nunjucks.runtime.SafeString(' <b>x</b> ') }),
      '[<b>x</b>]',
    );
    assert.equal(
      views.env.renderString('{% set html %}  <b>x</b>  {% endset %}[{{ html | trim }}]', {}),
      '[&lt;b&gt;x&lt;/b&gt;]',
    );
    assert.equal(
      views.env.renderString('[{{ text | trim }}]', { text: `a${' '.repeat(100_000)}b` }),
      `[a${' '.repeat(100_000)}b]`,
    );
  });
});

describe('templates in development', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehc-views-'));
  fs.mkdirSync(path.join(dir, 'cases'));
  fs.writeFileSync(path.join(dir, 'cases', 'page.njk'), 'first');
  const views = setUpNunjucks(express(), council, { watch: true, viewsDir: dir });
  after(() => {
    views.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('compiles a template once while it is unchanged', () => {
    assert.equal(views.env.getTemplate('cases/page.njk'), views.env.getTemplate('cases/page.njk'));
  });

  it('shows an edited template on its next render', async () => {
    assert.equal(views.env.render('cases/page.njk', {}), 'first');
    fs.writeFileSync(path.join(dir, 'cases', 'page.njk'), 'second');
    const deadline = Date.now() + 5000;
    while (views.env.render('cases/page.njk', {}) !== 'second' && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(views.env.render('cases/page.njk', {}), 'second');
  });
});
