import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeContentType } from './content-type.js';

// The download names are src/uploads' (downloadNameFor, attachmentDisposition), tested there.
describe('downloads: content types', () => {
  it('serves a stored content type only when it is a plain type/subtype', () => {
    assert.equal(safeContentType('application/pdf'), 'application/pdf');
    assert.equal(safeContentType('Image/PNG'), 'image/png');
    assert.equal(safeContentType('text/html\r\nX-Injected: 1'), 'application/octet-stream');
    assert.equal(safeContentType('text/html; charset=utf-8'), 'application/octet-stream');
    assert.equal(safeContentType(''), 'application/octet-stream');
  });
});
