import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as samples from '../../test/cases/samples.js';
import { detectFileType } from './file-types.js';
import { attachmentDisposition, cleanUploadedName, downloadNameFor, safeDownloadName } from './filenames.js';
import { zipEntryNames } from './zip-entries.js';

describe('file types by content', () => {
  it('knows each allowed type by its bytes', () => {
    assert.equal(detectFileType(samples.pdf())?.id, 'pdf');
    assert.equal(detectFileType(samples.png())?.id, 'png');
    assert.equal(detectFileType(samples.jpeg())?.id, 'jpeg');
    assert.equal(detectFileType(samples.heic())?.id, 'heic');
    assert.equal(detectFileType(samples.heic('heix', []))?.id, 'heic');
    assert.equal(detectFileType(samples.heic('mif1', ['mif1', 'heic']))?.id, 'heic');
    assert.equal(detectFileType(samples.doc())?.id, 'doc');
    assert.equal(detectFileType(samples.docx())?.id, 'docx');
  });

  it('counts a file as a PDF only when it starts with the header (after at most a byte-order mark and whitespace)', () => {
    const pdf = samples.pdf();
    assert.equal(detectFileType(Buffer.concat([Buffer.from('\r\n  '), pdf]))?.id, 'pdf');
    assert.equal(detectFileType(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), pdf]))?.id, 'pdf');
    for (const before of ['<html><script>alert(1)</script>', 'x', '%%EOF\n', '\u0000']) {
      assert.equal(
        detectFileType(Buffer.concat([Buffer.from(before, 'latin1'), pdf])),
        undefined,
        JSON.stringify(before),
      );
    }
    assert.equal(detectFileType(Buffer.from('%PDF-')), undefined);
  });

  it('refuses what only looks like an allowed type', () => {
    assert.equal(detectFileType(samples.executable()), undefined);
    assert.equal(detectFileType(Buffer.from('<html><script>alert(1)</script></html>')), undefined);
    assert.equal(detectFileType(samples.zip({ 'hello.txt': 'hi' })), undefined, 'a ZIP that is not Word');
    assert.equal(
      detectFileType(samples.zip({ '[Content_Types].xml': '<x/>', 'xl/workbook.xml': '<x/>' })),
      undefined,
      'an Excel file',
    );
    assert.equal(detectFileType(samples.ole2NotWord()), undefined, 'an OLE2 file that is not Word');
    assert.equal(detectFileType(samples.heic('mif1', ['mif1', 'avif'])), undefined, 'AVIF uses the generic HEIF brand');
    assert.equal(detectFileType(Buffer.from('PK\x03\x04 truncated')), undefined);
    assert.equal(detectFileType(Buffer.alloc(0)), undefined);
  });

  it('reads ZIP entry names from the central directory and survives junk', () => {
    assert.deepEqual(zipEntryNames(samples.docx()), ['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
    const broken = samples.docx();
    broken.writeUInt32LE(0xffffffff, broken.length - 6);
    assert.deepEqual(zipEntryNames(broken), []);
    assert.deepEqual(zipEntryNames(Buffer.from('PK')), []);
  });
});

describe('filenames', () => {
  it('stores only the last part of a name, without control characters', () => {
    assert.equal(cleanUploadedName('C:\\fakepath\\report.pdf'), 'report.pdf');
    assert.equal(cleanUploadedName('../../etc/passwd'), 'passwd');
    assert.equal(cleanUploadedName('a\u0000b\r\nc\u202Efdp.exe'), 'abcfdp.exe');
    assert.equal(cleanUploadedName(undefined), '');
    assert.equal(cleanUploadedName('x'.repeat(300)).length, 255);
  });

  it('offers downloads with a safe name and the extension of the real type', () => {
    assert.equal(safeDownloadName('report.exe', 'pdf'), 'report.pdf');
    assert.equal(safeDownloadName('pa"ss:w*ord?.pdf', 'pdf'), 'pa_ss_w_ord_.pdf');
    assert.equal(safeDownloadName('...', 'png'), 'document.png');
    assert.equal(safeDownloadName('.htaccess', 'pdf'), 'htaccess.pdf');
    assert.equal(downloadNameFor('Letter.PDF', 'application/pdf'), 'Letter.pdf');
    assert.equal(downloadNameFor('notes.txt', 'text/plain'), 'notes.txt');
    assert.equal(downloadNameFor('noextension', 'application/octet-stream'), 'noextension.bin');
  });

  it('writes Content-Disposition as an attachment with an ASCII and a UTF-8 name', () => {
    assert.equal(attachmentDisposition('report.pdf'), `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`);
    assert.equal(
      attachmentDisposition('Zoë’s report (1).pdf'),
      `attachment; filename="Zoes report (1).pdf"; filename*=UTF-8''Zo%C3%AB%E2%80%99s%20report%20%281%29.pdf`,
    );
  });
});
