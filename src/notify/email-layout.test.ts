import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Council } from '../config.js';
import { layoutEmail } from './email-layout.js';

const council: Council = {
  name: 'Edgehill Council',
  teamName: 'Edgehill SEND Admin',
  email: 'send@edgehill.example',
  phone: '01632 960 000',
  addressLines: ['County Hall', 'Edgehill', 'EH1 1AA'],
};

describe('email layout', () => {
  const message = layoutEmail(council, {
    to: 'jo@example.com',
    subject: 'A <test> & more',
    blocks: [
      'Dear Jo <script>,',
      { link: 'https://hub.example/a?b=1&c=2', text: 'Do the thing' },
      { heading: 'Next' },
      { list: ['one', 'two'] },
      { inset: 'Note' },
    ],
  });

  it('writes a plain-text part in the Notify style, with the council contact details at the bottom', () => {
    assert.equal(message.to, 'jo@example.com');
    assert.equal(message.subject, 'A <test> & more');
    assert.match(
      message.text,
      /^Dear Jo <script>,\n\nDo the thing:\nhttps:\/\/hub\.example\/a\?b=1&c=2\n\n# Next\n\n\* one\n\* two\n\n\^ Note/,
    );
    assert.match(
      message.text,
      /Contact Edgehill SEND Admin\nEmail: send@edgehill\.example\nTelephone: 01632 960 000\nPost: Edgehill SEND Admin, County Hall, Edgehill, EH1 1AA/,
    );
  });

  it('writes an HTML part that says the same, escaped', () => {
    assert.match(message.html, /<title>A &lt;test&gt; &amp; more<\/title>/);
    assert.match(message.html, /Dear Jo &lt;script&gt;,/);
    assert.match(message.html, /<a href="https:\/\/hub\.example\/a\?b=1&amp;c=2"[^>]*>Do the thing<\/a>/);
    assert.match(message.html, /<li[^>]*>two<\/li>/);
    assert.match(message.html, /Contact Edgehill SEND Admin/);
    assert.match(message.html, /Telephone: 01632 960 000/);
    assert.doesNotMatch(message.html, /<script>/);
  });
});
