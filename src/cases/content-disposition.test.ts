import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attachmentHeader, safeContentType, safeFilename } from './content-disposition.js';

describe('downloads: file names and types', () => {
  it('keeps an ordinary name', () => {
    assert.equal(safeFilename('Decision letter.pdf'), 'Decision letter.pdf');
    assert.equal(attachmentHeader('Decision letter.pdf'), `attachment; filename="Decision letter.pdf"; filename*=UTF-8''Decision%20letter.pdf`);
  });

  it('drops directories, control characters, quotes, header breakers and leading dots', () => {
    assert.equal(safeFilename('../../etc/passwd'), 'passwd');
    assert.equal(safeFilename('C:\\Users\\me\\letter.pdf'), 'letter.pdf');
    assert.equal(safeFilename('a"b\r\nContent-Type: application;.pdf'), 'abContent-Type application.pdf');
    assert.equal(safeFilename('report.pdf\u0000.html'), 'report.pdf.html');
    assert.equal(safeFilename('.htaccess'), 'htaccess');
    assert.equal(safeFilename('letter\u202egnp.pdf'), 'lettergnp.pdf');
    assert.equal(safeFilename('   '), 'document');
    assert.equal(safeFilename('///'), 'document');
  });

  it('bounds a long name and keeps its extension', () => {
    const name = safeFilename(`${'x'.repeat(300)}.pdf`);
    assert.equal(name.length, 150);
    assert.ok(name.endsWith('.pdf'));
  });

  it('sends a non-ASCII name in filename* (RFC 5987) with an ASCII fallback', () => {
    assert.equal(
      attachmentHeader('Lettre d’Émile (copie).pdf'),
      `attachment; filename="Lettre d__mile (copie).pdf"; filename*=UTF-8''Lettre%20d%E2%80%99%C3%89mile%20%28copie%29.pdf`,
    );
    assert.equal(attachmentHeader('100% done.pdf'), `attachment; filename="100_ done.pdf"; filename*=UTF-8''100%25%20done.pdf`);
  });

  it('serves a stored content type only when it is a plain type/subtype', () => {
    assert.equal(safeContentType('application/pdf'), 'application/pdf');
    assert.equal(safeContentType('Image/PNG'), 'image/png');
    assert.equal(safeContentType('text/html\r\nX-Injected: 1'), 'application/octet-stream');
    assert.equal(safeContentType('text/html; charset=utf-8'), 'application/octet-stream');
    assert.equal(safeContentType(''), 'application/octet-stream');
  });
});
