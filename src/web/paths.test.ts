import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { casePaths, caseUploadPaths } from '../cases/paths.js';
import { staffPaths, staffPattern, staffUploadPaths } from '../staff/paths.js';
import { paths, patternRegExp } from './paths.js';

describe('route paths', () => {
  it('give the link, and with :name arguments the route pattern', () => {
    assert.equal(casePaths.removeDocument('12', '34'), '/cases/12/documents/34/remove');
    assert.equal(casePaths.removeDocument(':caseId', ':documentId'), '/cases/:caseId/documents/:documentId/remove');
    assert.equal(staffPattern(staffPaths.caseAudit(':caseId')), '/cases/:caseId/audit');
    assert.equal(staffPattern(staffPaths.workTray), '/');
  });

  it('turn a pattern into a regular expression for exactly its paths', () => {
    const upload = patternRegExp(casePaths.uploadDocuments(':caseId'));
    assert.ok(upload.test('/cases/abc/documents/upload'));
    assert.ok(!upload.test('/cases/abc/documents/upload/more'));
    assert.ok(!upload.test('/cases/a/b/documents/upload'));
    assert.ok(!patternRegExp(paths.devMailbox).test('/dev/mailboxes'));
    assert.ok(!patternRegExp('/a.b').test('/axb'), 'a dot is a dot');
  });

  it('list the upload forms whose handlers check the CSRF token themselves', () => {
    const uploads = [...caseUploadPaths, ...staffUploadPaths];
    for (const path of [
      '/cases/7/documents/upload',
      '/staff/cases/new',
      '/staff/cases/7/progress/decision-to-assess',
    ]) {
      assert.ok(
        uploads.some((pattern) => pattern.test(path)),
        path,
      );
    }
    assert.ok(!uploads.some((pattern) => pattern.test('/cases/7/comments/new')));
  });
});
