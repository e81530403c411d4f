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

describe('imported macros', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehc-views-'));
  const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
  write(
    'macros.njk',
    '{% set imported = "yes" %}{% macro hello(name) %}Hello {{ name }} of {{ council.name }}{% endmacro %}',
  );
  write('page.njk', '{% from "macros.njk" import hello %}{{ hello(who) }}');
  write('with-context.njk', '{% import "context-macros.njk" as m with context %}{{ m.greet() }}');
  write('context-macros.njk', '{% macro greet() %}Hi {{ who }}{% endmacro %}');
  const views = setUpNunjucks(express(), council, { watch: true, viewsDir: dir });
  after(() => {
    views.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const topLevelRuns = (name: string) => {
    const template = views.env.getTemplate(name, true) as unknown as { rootRenderFunc: (...args: unknown[]) => void };
    let runs = 0;
    const original = template.rootRenderFunc;
    template.rootRenderFunc = (...args) => {
      runs += 1;
      original(...args);
    };
    return () => runs;
  };

  it('are imported once, not on every render, and still see the globals and their arguments', () => {
    const runs = topLevelRuns('macros.njk');
    assert.equal(views.env.render('page.njk', { who: 'Barney' }), 'Hello Barney of Edgehill Council');
    assert.equal(views.env.render('page.njk', { who: 'Amelia' }), 'Hello Amelia of Edgehill Council');
    assert.equal(runs(), 1);
  });

  it('are imported afresh "with context", which sees the page', () => {
    const runs = topLevelRuns('context-macros.njk');
    assert.equal(views.env.render('with-context.njk', { who: 'Barney' }), 'Hi Barney');
    assert.equal(views.env.render('with-context.njk', { who: 'Amelia' }), 'Hi Amelia');
    assert.equal(runs(), 2);
  });

  it('are imported afresh when a template they import is edited (development)', async () => {
    write('inner.njk', '{% macro shout(x) %}{{ x }}!{% endmacro %}');
    write('outer.njk', '{% from "inner.njk" import shout %}{% macro greet(x) %}{{ shout(x) }}{% endmacro %}');
    write('nested.njk', '{% from "outer.njk" import greet %}{{ greet("Hi") }}');
    assert.equal(views.env.render('nested.njk', {}), 'Hi!');
    write('inner.njk', '{% macro shout(x) %}{{ x }}?{% endmacro %}');
    const deadline = Date.now() + 5000;
    while (views.env.render('nested.njk', {}) !== 'Hi?' && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(views.env.render('nested.njk', {}), 'Hi?');
  });

  it('are imported afresh once their template is edited (development)', async () => {
    write('macros.njk', '{% macro hello(name) %}Goodbye {{ name }}{% endmacro %}');
    const deadline = Date.now() + 5000;
    while (views.env.render('page.njk', { who: 'Barney' }) !== 'Goodbye Barney' && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(views.env.render('page.njk', { who: 'Barney' }), 'Goodbye Barney');
  });
});

describe('variables set by templates', () => {
  const views = setUpNunjucks(express(), council);

  it('are scoped as Nunjucks scopes them (loops, conditions, macros, captures)', () => {
    const render = (text: string) => views.env.renderString(text, {});
    assert.equal(render('{% set x = 1 %}{% for i in [1,2] %}{% set x = i %}{% endfor %}{{ x }}'), '2');
    assert.equal(render('{% set x = 1 %}{% if true %}{% set x = 2 %}{% endif %}{{ x }}'), '2');
    assert.equal(
      render(
        '{% for i in [1,2,3] %}{{ loop.index }}{{ loop.first }}{{ loop.last }}{% set y = i %}{% endfor %}[{{ y }}]',
      ),
      '1truefalse2falsefalse3falsetrue[]',
    );
    assert.equal(
      render('{% macro m(a) %}{% set a = a + 1 %}{{ a }}{% endmacro %}{% set a = 10 %}{{ m(1) }}{{ a }}'),
      '210',
    );
    assert.equal(render('{% set o = { k: 1 } %}{% set x %}captured{% endset %}{{ x }}{{ o.k }}'), 'captured1');
  });
});

describe('templates in production', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehc-views-'));
  fs.writeFileSync(path.join(dir, 'both.njk'), '[{% include "nope.njk" ignore missing %}]{% include "nope.njk" %}');
  fs.writeFileSync(path.join(dir, 'twice.njk'), '{% include "./part.njk" %}{% include "./part.njk" %}');
  fs.writeFileSync(path.join(dir, 'part.njk'), 'part;');
  const views = setUpNunjucks(express(), council, { viewsDir: dir });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('include the same template each time, by a relative name too', () => {
    assert.equal(views.env.render('twice.njk', {}), 'part;part;');
    assert.equal(views.env.render('twice.njk', {}), 'part;part;');
  });

  it('still refuse a missing template that an earlier include was told to ignore', () => {
    assert.throws(() => views.env.render('both.njk', {}), /template not found/);
    assert.throws(() => views.env.render('both.njk', {}), /template not found/);
  });
});
