import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  closeStatement,
  finalReadyStatus,
  FrontendReader,
  parsedStatementName,
  simpleQuery,
  SYNC,
  withStatementPrefix,
} from './wire.js';

const startup = () => {
  const body = Buffer.from('user\0postgres\0database\0postgres\0\0');
  const header = Buffer.alloc(8);
  header.writeInt32BE(8 + body.length, 0);
  header.writeInt32BE(196608, 4);
  return Buffer.concat([header, body]);
};
const sslRequest = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);
const ready = (status: string) => Buffer.from([0x5a, 0, 0, 0, 5, status.charCodeAt(0)]);
const commandComplete = (tag: string) => {
  const body = Buffer.from(`${tag}\0`);
  const header = Buffer.from([0x43, 0, 0, 0, 0]);
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
};
const parse = (name: string, sql: string) => {
  const body = Buffer.concat([Buffer.from(`${name}\0${sql}\0`), Buffer.from([0, 0])]);
  const header = Buffer.from([0x50, 0, 0, 0, 0]);
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
};
const bind = (portal: string, statement: string) => {
  const body = Buffer.concat([Buffer.from(`${portal}\0${statement}\0`), Buffer.from([0, 0, 0, 0, 0, 0])]);
  const header = Buffer.from([0x42, 0, 0, 0, 0]);
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
};

describe('the embedded server reading the wire protocol', () => {
  it('cuts messages however the bytes arrive, one byte at a time included', () => {
    const stream = Buffer.concat([
      sslRequest,
      startup(),
      simpleQuery('SELECT 1'),
      SYNC,
      Buffer.from([0x58, 0, 0, 0, 4]),
    ]);
    const reader = new FrontendReader();
    const kinds: string[] = [];
    for (const byte of stream) {
      reader.push(Buffer.from([byte]));
      for (let message = reader.next(); message; message = reader.next()) kinds.push(message.kind);
    }
    assert.deepEqual(kinds, ['encryption-request', 'startup', 'message', 'message', 'terminate']);
  });

  it("knows the session is idle only when the reply ends with ReadyForQuery 'I'", () => {
    assert.equal(finalReadyStatus(Buffer.concat([commandComplete('SELECT 1'), ready('I')])), 'I');
    assert.equal(finalReadyStatus(Buffer.concat([commandComplete('BEGIN'), ready('T')])), 'T');
    assert.equal(finalReadyStatus(Buffer.concat([ready('I'), commandComplete('SELECT 1')])), undefined);
    // A message whose last bytes look like ReadyForQuery is not one.
    assert.equal(finalReadyStatus(commandComplete('Z\0\0\0\x05I')), undefined);
    assert.equal(finalReadyStatus(Buffer.alloc(0)), undefined);
  });

  it("gives each connection's named statements its own prefix, and leaves the unnamed one alone", () => {
    const named = withStatementPrefix(parse('cases', 'SELECT 1'), 'c7_');
    assert.equal(parsedStatementName(named), 'c7_cases');
    assert.equal(named.readInt32BE(1), named.length - 1);
    assert.equal(parsedStatementName(withStatementPrefix(parse('', 'SELECT 1'), 'c7_')), '');
    const bound = withStatementPrefix(bind('', 'cases'), 'c7_');
    assert.equal(bound.toString('latin1', 5, bound.indexOf(0, 6)), '\0c7_cases');
    assert.deepEqual(withStatementPrefix(closeStatement('cases'), 'c7_'), closeStatement('c7_cases'));
    assert.deepEqual(withStatementPrefix(SYNC, 'c7_'), SYNC);
  });
});
